/*
 * harness.h — black-box test harness for the stellwerk binary (STYLE
 * habit 11): start the real `stellwerk serve` on a free loopback port with
 * demo data, drive it over HTTP with libcurl or raw TCP, run CLI commands,
 * and validate the HTML it answers with.
 *
 * Every function that finds a broken precondition (the binary does not
 * start, the server dies, a sanitizer report) fails the current cmocka test
 * with a message instead of returning an error code, so tests stay short.
 * Functions returning allocated memory say who frees it.
 */
#ifndef STELLWERK_TESTS_WEB_HARNESS_H
#define STELLWERK_TESTS_WEB_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <sys/types.h>

#include <cmocka.h>
#include <jansson.h>

/* ---- the binary and CLI commands ------------------------------------------ */

/* $STELLWERK_BIN, else build/asan/stellwerk. */
const char *harness_binary(void);

struct cmd_result {
	int status;     /* exit code, or 128 + signal number when killed */
	char *out;      /* stdout, NUL-terminated; free with cmd_result_free */
	char *err;      /* stderr, NUL-terminated */
};

/* Runs the stellwerk binary with args (NULL-terminated, without argv[0]).
 * env: NULL or a NULL-terminated list of "NAME=VALUE" to set and "-NAME" to
 * unset in the child. The child always runs with LC_ALL=C.UTF-8 and without
 * STELLWERK_DATA/STELLWERK_LISTEN unless env sets them. stdin_data (may be
 * NULL) is written to the child's stdin. Fails the test on a timeout (60 s)
 * or a sanitizer report on stderr. */
void cmd_run(struct cmd_result *res, const char *const *args, const char *const *env, const char *stdin_data);
void cmd_result_free(struct cmd_result *res);

/* Fails the test when text holds an AddressSanitizer/UBSan report. */
void assert_no_sanitizer_report(const char *what, const char *text);

/* ---- the server ------------------------------------------------------------- */

struct server {
	char dir[256];        /* temporary directory, removed by server_stop */
	char data[300];       /* dir/data: the data directory */
	char log_path[300];   /* dir/server.log: the server's stderr */
	char password[128];   /* the demo users' password */
	char admin_login[64]; /* the login printed by `demo` (admin) */
	pid_t pid;
	int stdout_fd;        /* read end of the server's stdout */
	int port;
	/* HTTPS: set when the listening line says https://. Clients of such a
	 * server speak https to "localhost" (pinned to 127.0.0.1) and verify
	 * the certificate against ca_file, or do not verify it when ca_file is
	 * empty (server_start_tls fills it in). */
	bool tls;
	char ca_file[300];
};

/* Makes a temporary directory, fills DIR/data with `stellwerk demo`, starts
 * `stellwerk serve --listen 127.0.0.1:0 --allow-root [extra args]` and waits
 * for its "listening" line. extra_args may be NULL. */
void server_start(struct server *s, const char *const *extra_args);
/* The first and last step of server_start, for a data directory made
 * another way: server_prepare makes the temporary directory and fills in
 * the paths; server_serve starts `serve` on s->data. */
void server_prepare(struct server *s);
void server_serve(struct server *s, const char *const *extra_args);
/* server_start with --tls-cert cert --tls-key key before extra_args (may be
 * NULL); waits for the https listening line. Clients then verify the
 * server's certificate against cert, so cert must name CN/SAN localhost. */
void server_start_tls(struct server *s, const char *cert, const char *key, const char *const *extra_args);
/* SIGTERM, waits for the exit, asserts exit status 0 and a log without
 * sanitizer reports, removes the directory. First frees every HTTP client
 * and response still alive (those a failed test left behind), so no idle
 * connection keeps the server waiting. A server still running when the
 * test program exits is killed and its directory removed (atexit). */
void server_stop(struct server *s);
/* True while the server process has not exited. */
bool server_alive(struct server *s);
/* The server's log so far; caller frees. */
char *server_log(const struct server *s);
/* Creates a temporary directory under /tmp; path receives it. */
void make_temp_dir(char *path, size_t n);
/* rm -rf path. */
void remove_tree(const char *path);

/* ---- HTTP over libcurl --------------------------------------------------------- */

struct http_response {
	long status;
	char *headers;        /* raw header block of the final response */
	char *body;           /* NUL-terminated (the body may contain NULs: use body_len) */
	size_t body_len;
	double seconds;       /* total time */
};

struct http_client;

/* A client with its own cookie jar that does not follow redirects; for a
 * TLS server (s->tls) it speaks https, see struct server. */
struct http_client *http_client_new(const struct server *s);
void http_client_free(struct http_client *c);

/* Sends one request. headers: NULL or a NULL-terminated list of "Name: value"
 * lines; body may be NULL. The response is freed with http_response_free. */
struct http_response *http_request(struct http_client *c, const char *method, const char *path,
				   const char *const *headers, const char *body, size_t body_len);
/* Like http_request, but returns NULL with a message in error instead of
 * failing the test: safe to call from a thread other than the test's. */
struct http_response *http_try_request(struct http_client *c, const char *method, const char *path,
				       const char *const *headers, const char *body, size_t body_len, char *error,
				       size_t error_len);
struct http_response *http_get(struct http_client *c, const char *path, const char *const *headers);
struct http_response *http_post_form(struct http_client *c, const char *path, const char *body,
				     const char *const *headers);
struct http_response *http_post_json(struct http_client *c, const char *path, const char *json,
				     const char *const *headers);
void http_response_free(struct http_response *r);

/* Copies the value of the n-th (0-based) header called name into out;
 * false when there is no such header. Names compare case-insensitively. */
bool http_header_nth(const struct http_response *r, const char *name, int n, char *out, size_t outlen);
bool http_header(const struct http_response *r, const char *name, char *out, size_t outlen);
/* The Set-Cookie header that sets cookie name (whole line after "Set-Cookie: "). */
bool http_set_cookie(const struct http_response *r, const char *cookie, char *out, size_t outlen);
/* The value of cookie name in the client's jar; false when absent. */
bool http_cookie(struct http_client *c, const char *name, char *out, size_t outlen);

/* Puts cookie name=value into the client's jar for the client's host
 * (127.0.0.1, or localhost over TLS), path /. */
void http_set_jar_cookie(struct http_client *c, const char *name, const char *value);

/* Parses the body as JSON; fails the test when it is not JSON. Caller decrefs. */
json_t *http_json(const struct http_response *r);
/* Fails unless the response is application/problem+json with this status in
 * both the status line and the "status" member; returns the parsed body. */
json_t *assert_problem(const struct http_response *r, long status);
/* Fails unless the headers every response must carry are present:
 * Content-Security-Policy with frame-ancestors 'none', X-Content-Type-Options
 * nosniff and a Referrer-Policy. */
void assert_security_headers(const struct http_response *r);

/* Percent-encodes text for a form body; caller frees. */
char *url_encode(const char *text);
/* The same into out (truncated to n - 1 bytes); nothing to free. */
void url_encode_to(const char *text, char *out, size_t n);

/* Extracts the value of the first `name="csrf" value="…"` in html. */
bool html_csrf(const char *html, char *out, size_t outlen);
/* GETs path and extracts its CSRF token; fails the test when there is none. */
void fetch_csrf(struct http_client *c, const char *path, char *out, size_t outlen);
/* GET /login, then POST /login with the form's CSRF token; returns the status
 * of the POST (303 on success). headers may be NULL. */
long http_login(struct http_client *c, const char *user, const char *password, const char *const *headers);
/* A new client logged in as user; fails the test unless the login succeeds. */
struct http_client *client_logged_in(const struct server *s, const char *user);

/* ---- raw TCP ------------------------------------------------------------------ */

/* Connects to the server's port; returns the socket or -1. */
int raw_connect(int port);
/* Sends len bytes, half-closes when shut_write, then reads until the peer
 * closes or timeout_ms passes without data. Returns what was read
 * (NUL-terminated, caller frees); *got receives its length. */
char *raw_exchange(int port, const void *data, size_t len, bool shut_write, int timeout_ms, size_t *got);

/* ---- HTML validation --------------------------------------------------------- */

/* Checks that html is a well-formed document as the server writes it:
 * doctype, balanced non-void elements, quoted attributes, unique ids,
 * label[for] pointing at an existing id. Returns NULL when valid, else a
 * description of the first problem (static storage). */
const char *html_check(const char *html);
/* Where in the document html_check found its last problem (byte offset). */
size_t html_check_offset(void);
/* Fails the test with html_check's message. */
void assert_valid_html(const char *html);

/* ---- small assertions ---------------------------------------------------------- */

/* Fails unless haystack contains needle (messages name both). */
void assert_contains(const char *haystack, const char *needle);
void assert_not_contains(const char *haystack, const char *needle);
/* Fails unless the response has this status (prints the body otherwise). */
void assert_status(const struct http_response *r, long status);
/* Reads a whole file; NULL when it cannot be read; caller frees. */
char *read_file(const char *path, size_t *len);

/* ---- soft failures and page checks ------------------------------------------------ */

/* Problems that need not stop a test (malformed pages, missing field
 * messages) are collected with soft_fail; the test goes on checking
 * behaviour and assert_no_soft_failures() at its end fails it with the
 * whole list. soft_failures_reset() empties the list (call it in setup). */
void soft_failures_reset(void);
void soft_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void assert_no_soft_failures(void);
/* Well-formed HTML (html_check), else a soft failure naming what and
 * showing the document near the problem. */
void soft_check_html(const char *what, const char *html);

/* GETs path; asserts the status, an HTML answer with the security headers,
 * and (softly) well-formed HTML. The caller frees the response. */
struct http_response *get_page(struct http_client *c, const char *path, long status);
/* POSTs form (url-encoded, without the token) to path with the CSRF token
 * taken from token_page, and asserts the status; answers other than 303
 * must be well-formed pages (checked softly), except the /ad/check
 * fragments. The caller frees the response. */
struct http_response *post_form_with_csrf(struct http_client *c, const char *token_page, const char *path,
					  const char *form, long status);
/* Asserts a 303 whose Location starts with prefix. */
void assert_redirect(const struct http_response *r, const char *prefix);

/* ---- the JSON API with a bearer token ------------------------------------------------ */

/* `stellwerk token create USER --label LABEL` on s's data: the token text
 * into token (n bytes); when id is not NULL also the token's id (asserted
 * to be printed and positive). */
void cli_token_create(const struct server *s, const char *user, const char *label, char *token, size_t n,
		      long *id);
/* One API request as the owner of token; body (may be NULL, body_len
 * bytes) is JSON; lang is the Accept-Language. Caller frees the response. */
struct http_response *api_call_raw(const struct server *s, const char *token, const char *method, const char *path,
				   const char *body, size_t body_len, const char *lang);
/* api_call_raw with a NUL-terminated body (may be NULL) in English. */
struct http_response *api_call(const struct server *s, const char *token, const char *method, const char *path,
			       const char *body);
/* api_call's JSON answer after asserting its status; NULL for 204, whose
 * body must be empty. The caller decrefs. */
json_t *api_call_json(const struct server *s, const char *token, const char *method, const char *path,
		      const char *body, long status);
/* Asserts a problem document of this status naming pointer ("#/title";
 * NULL: no field expected) in its "errors"; returns that error's detail
 * (static storage, "" without pointer). */
const char *api_expect_problem_raw(const struct server *s, const char *token, const char *method, const char *path,
				   const char *body, size_t body_len, long status, const char *pointer);
const char *api_expect_problem(const struct server *s, const char *token, const char *method, const char *path,
			       const char *body, long status, const char *pointer);
/* The audit log's entries as admin sees them via GET /api/v1/audit?limit=500
 * (a logged-in admin session); the caller decrefs. */
json_t *audit_entries(const struct server *s);

#endif
