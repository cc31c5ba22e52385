/*
 * request.c — accessors for request input and helpers that build the
 * response headers; see request.h.
 */
#include "web/request.h"

#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

#include "util/str.h"

const char *req_query(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *req_form(struct request *r, const char *name)
{
	for (int i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].name, name) == 0)
			return r->form[i].value;
	return NULL;
}

const struct upload *req_upload(struct request *r, const char *name)
{
	for (int i = 0; i < r->nuploads; i++) {
		const struct upload *u = &r->uploads[i];
		if (strcmp(u->field, name) != 0)
			continue;
		if (u->filename[0] == '\0' && u->data.len == 0 && !u->too_large)
			continue; /* an empty file input: nothing was chosen */
		return u;
	}
	return NULL;
}

const char *req_header(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *req_cookie(struct request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

int64_t req_path_arg(struct request *r, int i)
{
	return i < r->npath_args ? r->path_args[i] : 0;
}

void resp_header(struct request *r, const char *name, const char *value)
{
	if (r->nheaders == REQUEST_MAX_HEADERS)
		return;
	r->headers[r->nheaders][0] = name;
	r->headers[r->nheaders][1] = arena_strdup(&r->arena, value);
	r->nheaders++;
}

void resp_redirect(struct request *r, const char *location)
{
	r->status = 303;
	resp_header(r, "Location", location);
}

void resp_set_cookie(struct request *r, const char *name, const char *value, int64_t max_age)
{
	char *c = arena_printf(&r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", name, value,
			       r->secure ? "; Secure" : "");
	if (max_age > 0)
		c = arena_printf(&r->arena, "%s; Max-Age=%lld", c, (long long)max_age);
	resp_header(r, "Set-Cookie", c);
}

void resp_clear_cookie(struct request *r, const char *name)
{
	resp_header(r, "Set-Cookie", arena_printf(&r->arena, "%s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s", name,
						  r->secure ? "; Secure" : ""));
}

const char *safe_local_path(const char *candidate, const char *fallback)
{
	if (!candidate || candidate[0] != '/' || candidate[1] == '/' || candidate[1] == '\\' || strlen(candidate) > 512)
		return fallback;
	for (const char *p = candidate; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return fallback;
	return candidate;
}

struct actor req_actor(const struct request *r)
{
	struct actor a = { r->authenticated ? r->user.id : 0, r->authenticated ? r->user.name : "anonymous", r->ip };
	return a;
}
