/*
 * request.h — one HTTP request as the pages see it, and the response they
 * build. A request owns an arena freed when the response has been sent; the
 * response body is buffered whole and sent with its headers in one place
 * (server.c), so pages never talk to libmicrohttpd directly.
 */
#ifndef STELLWERK_WEB_REQUEST_H
#define STELLWERK_WEB_REQUEST_H

#include <stdbool.h>
#include <stdint.h>

#include "core/permissions.h"
#include "store/sessions.h"
#include "store/store.h"
#include "store/users.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/i18n.h"

struct MHD_Connection;
struct server_config;

enum http_method { HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_PUT, HTTP_PATCH, HTTP_DELETE, HTTP_OTHER };

struct param {
	const char *name;
	const char *value;
};

/* A file part of a multipart/form-data body. data is owned by the request
 * (freed after the response); filename and content_type are what the browser
 * sent — shown at most, never trusted or used as a path. */
struct upload {
	const char *field;
	const char *filename;
	const char *content_type;
	struct buf data;
	bool too_large;               /* the part went past the route's upload limit; data is cut */
};

#define REQUEST_MAX_PARAMS 160
#define REQUEST_MAX_UPLOADS 4
#define REQUEST_MAX_HEADERS 8
#define REQUEST_MAX_PATH_ARGS 4

struct request {
	struct MHD_Connection *conn;
	const struct server_config *cfg;
	struct store *store;          /* this worker thread's connection */
	struct arena arena;           /* everything below that is allocated lives here */
	int64_t now;                  /* unix seconds, read once per request */

	enum http_method method;
	const char *method_name;
	const char *path;             /* decoded path without query string */
	char ip[48];
	bool secure;                  /* TLS, or https at the proxy with --behind-proxy */
	bool is_api;                  /* /api/... and /healthz: JSON errors */

	/* body: form fields (urlencoded), or raw bytes (JSON) */
	struct param form[REQUEST_MAX_PARAMS];
	int nform;
	bool form_overflow;           /* more than REQUEST_MAX_PARAMS fields */
	bool form_has_nul;            /* a field name or value held a NUL byte */
	struct buf body;
	const char *content_type;
	struct upload uploads[REQUEST_MAX_UPLOADS];
	int nuploads;
	bool uploads_overflow;        /* more than REQUEST_MAX_UPLOADS file parts */

	/* {id} segments captured by the router, in order, and the {key} segment */
	int64_t path_args[REQUEST_MAX_PATH_ARGS];
	int npath_args;
	char path_key[49];

	/* who is asking */
	bool authenticated;
	bool via_token;               /* Bearer token: no cookies, no CSRF */
	struct user user;
	struct session session;       /* valid when authenticated && !via_token */
	struct principal principal;
	enum lang lang;
	const char *csrf;             /* token forms must echo (session or pre-session cookie) */
	bool issue_csrf_cookie;       /* pre-session token was created for this response */

	/* response */
	int status;
	struct buf out;
	const char *content_type_out;
	const char *headers[REQUEST_MAX_HEADERS][2];
	int nheaders;
	bool cacheable;               /* static assets only; everything else is no-store */
	const char *page_script;      /* extra asset script for this page (e.g. "board.js"), set before page_begin */
	const unsigned char *static_body; /* persistent body (embedded asset) instead of out */
	size_t static_len;
};

/* Request input */
const char *req_query(struct request *r, const char *name);   /* NULL when absent */
const char *req_form(struct request *r, const char *name);    /* NULL when absent */
/* The file part of field name, or NULL when none was sent (an empty file
 * input arrives as a part with an empty filename and no data: NULL too). */
const struct upload *req_upload(struct request *r, const char *name);
const char *req_header(struct request *r, const char *name);
const char *req_cookie(struct request *r, const char *name);
int64_t req_path_arg(struct request *r, int i);

/* Response building */
void resp_header(struct request *r, const char *name, const char *value); /* value copied */
void resp_redirect(struct request *r, const char *location);             /* 303 See Other */
void resp_set_cookie(struct request *r, const char *name, const char *value, int64_t max_age);
void resp_clear_cookie(struct request *r, const char *name);

/* The actor for audit rows written on behalf of this request. */
struct actor req_actor(const struct request *r);

/* A local path safe to redirect to after login or a language switch, else fallback. */
const char *safe_local_path(const char *candidate, const char *fallback);

#endif
