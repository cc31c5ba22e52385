/*
 * test_errors.c — black-box tests of bad input and error answers (R-X-6):
 * 404 pages, the health check, static assets with ETags, oversized bodies,
 * malformed and invalid JSON, invalid form input, and garbage, truncated or
 * abandoned connections after which the server must still answer.
 */
#include "harness.h"

#include <curl/curl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct server srv;

/* The demo users store German as their language, and a stored language
 * wins over Accept-Language; the users these tests log in as switch to
 * English so that messages can be compared. */
static void prefer_english(const char *user)
{
	struct http_client *c = client_logged_in(&srv, user);
	char csrf[128], body[256];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(body, sizeof body, "lang=en&csrf=%s", csrf);
	struct http_response *r = http_post_form(c, "/settings/profile", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
	r = http_get(c, "/api/v1/me", NULL);
	assert_contains(r->body, "\"lang\":\"en\"");
	http_response_free(r);
	http_client_free(c);
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	prefer_english("admin");
	prefer_english("weber");
	prefer_english("brandt");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

static const char *const ACCEPT_EN[] = { "Accept-Language: en", NULL };

/* The server process lives and /healthz answers 200 {"status":"ok"} within a
 * second (closed connections may take a moment to be reaped). */
static void assert_server_healthy(void)
{
	if (!server_alive(&srv)) {
		char *log = server_log(&srv);
		fprintf(stderr, "server log:\n%s\n", log);
		free(log);
		fail_msg("the server process has died");
	}
	struct http_client *c = http_client_new(&srv);
	long status = 0;
	for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
		struct http_response *r = http_get(c, "/healthz", NULL);
		status = r->status;
		if (status == 200)
			assert_contains(r->body, "\"status\":\"ok\"");
		http_response_free(r);
		if (status != 200) {
			struct timespec ts = { 0, 50 * 1000 * 1000 };
			nanosleep(&ts, NULL);
		}
	}
	http_client_free(c);
	assert_int_equal(status, 200); /* R-X-6: still serving */
	assert_true(server_alive(&srv));
}

/* The status code of a raw HTTP answer, 0 when there is none. */
static int raw_status(const char *reply)
{
	if (strncmp(reply, "HTTP/1.", 7) != 0 || strlen(reply) < 12)
		return 0;
	return atoi(reply + 9);
}

/* Session CSRF token of a logged-in client, as an X-CSRF-Token header line. */
static void csrf_header(struct http_client *c, char *out, size_t n)
{
	char csrf[128];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(out, n, "X-CSRF-Token: %s", csrf);
}

static size_t count_users(struct http_client *admin)
{
	struct http_response *r = http_get(admin, "/api/v1/users", NULL);
	assert_status(r, 200);
	json_t *j = http_json(r);
	size_t n = json_array_size(json_object_get(j, "users"));
	json_decref(j);
	http_response_free(r);
	return n;
}

/* Fails unless the problem's errors[] holds an entry for this JSON pointer. */
static void assert_error_pointer(json_t *problem, const char *pointer)
{
	json_t *errors = json_object_get(problem, "errors");
	size_t i;
	json_t *e;
	json_array_foreach(errors, i, e) {
		const char *p = json_string_value(json_object_get(e, "pointer"));
		const char *d = json_string_value(json_object_get(e, "detail"));
		if (p && strcmp(p, pointer) == 0 && d && *d)
			return;
	}
	char *text = json_dumps(problem, 0);
	fprintf(stderr, "problem: %s\n", text);
	free(text);
	fail_msg("no errors[] entry with pointer %s and a detail", pointer);
}

/* ---- error pages, health, static files ---------------------------------------------- */

static void unknown_route_is_a_404_page(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/no/such/page", ACCEPT_EN);
	assert_status(r, 404); /* R-X-6 */
	assert_valid_html(r->body);
	assert_contains(r->body, "<section class=\"error-page\"><p class=\"error-code\">404</p>");
	assert_contains(r->body, "<h1>Page not found</h1>");
	assert_contains(r->body, "href=\"/login\"");
	http_response_free(r);
	http_client_free(c);

	/* in the full layout when logged in */
	c = client_logged_in(&srv, "weber");
	r = http_get(c, "/positions/123/nothing", NULL);
	assert_status(r, 404);
	assert_valid_html(r->body);
	assert_contains(r->body, "<section class=\"error-page\">");
	assert_contains(r->body, "<header class=\"topbar\">");
	http_response_free(r);
	/* under /api/ the answer is a problem document, not HTML */
	r = http_get(c, "/api/v1/nothing", NULL);
	json_t *p = assert_problem(r, 404);
	json_decref(p);
	http_response_free(r);
	http_client_free(c);
}

static void health_check(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/healthz", NULL);
	assert_status(r, 200); /* R-X-1 */
	char ct[128];
	assert_true(http_header(r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "application/json");
	json_t *j = http_json(r);
	assert_true(json_is_object(j));
	assert_string_equal(json_string_value(json_object_get(j, "status")), "ok");
	assert_string_equal(json_string_value(json_object_get(j, "version")), "0.1.0");
	assert_int_equal(json_object_size(j), 2);
	json_decref(j);
	http_response_free(r);

	r = http_request(c, "HEAD", "/healthz", NULL, NULL, 0);
	assert_status(r, 200);
	assert_int_equal(r->body_len, 0);
	http_response_free(r);
	http_client_free(c);
}

static void static_asset_with_etag(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/static/style.css", NULL);
	assert_status(r, 200);
	char etag[128], cc[128], ct[128];
	assert_true(http_header(r, "ETag", etag, sizeof etag));
	assert_true(strlen(etag) > 2 && etag[0] == '"' && etag[strlen(etag) - 1] == '"'); /* a strong ETag */
	assert_true(http_header(r, "Cache-Control", cc, sizeof cc));
	assert_contains(cc, "max-age=");
	assert_true(strtol(strstr(cc, "max-age=") + 8, NULL, 10) >= 86400);
	char second[128];
	assert_false(http_header_nth(r, "Cache-Control", 1, second, sizeof second)); /* not also no-store */
	assert_true(http_header(r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "text/css; charset=utf-8");
	/* the bytes are those of assets/style.css */
	size_t len = 0;
	char *file = read_file("assets/style.css", &len);
	if (file) {
		assert_int_equal(r->body_len, len);
		assert_memory_equal(r->body, file, len);
		free(file);
	} else {
		assert_true(r->body_len > 100);
	}
	assert_security_headers(r);
	http_response_free(r);

	/* R-X-6: conditional GET → 304 with no body */
	char inm[160];
	snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
	const char *const headers[] = { inm, NULL };
	r = http_get(c, "/static/style.css", headers);
	assert_status(r, 304);
	assert_int_equal(r->body_len, 0);
	char etag2[128];
	assert_true(http_header(r, "ETag", etag2, sizeof etag2));
	assert_string_equal(etag, etag2);
	http_response_free(r);

	/* another ETag → the full file again */
	const char *const stale[] = { "If-None-Match: \"0000000000000000\"", NULL };
	r = http_get(c, "/static/style.css", stale);
	assert_status(r, 200);
	assert_true(r->body_len > 0);
	http_response_free(r);

	/* icons, and what is not there */
	r = http_get(c, "/static/icons/logo.svg", NULL);
	assert_status(r, 200);
	assert_true(http_header(r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "image/svg+xml");
	http_response_free(r);
	r = http_get(c, "/static/nope.css", NULL);
	assert_status(r, 404);
	assert_valid_html(r->body);
	http_response_free(r);
	http_client_free(c);

	/* no way out of the asset table (curl would normalise "..": raw) */
	static const char *const escapes[] = {
		"GET /static/../Makefile HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
		"GET /static/..%2fMakefile HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
		"GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
	};
	for (size_t i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
		char *reply = raw_exchange(srv.port, escapes[i], strlen(escapes[i]), false, 3000, NULL);
		int st = raw_status(reply);
		bool leaked = strstr(reply, "root:") || strstr(reply, "VERSION");
		free(reply);
		assert_int_equal(st, 404);
		assert_false(leaked);
	}
}

/* ---- oversized bodies ------------------------------------------------------------------ */

static void oversized_body_is_refused(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	size_t n = 2 * 1024 * 1024;
	char *big = malloc(n);
	assert_non_null(big);
	memcpy(big, "username=", 9);
	memset(big + 9, 'a', n - 9);
	struct http_response *r = http_request(c, "POST", "/login",
					       (const char *const[]){ "Accept-Language: en", NULL }, big, n);
	free(big);
	assert_status(r, 413); /* R-X-6 */
	assert_valid_html(r->body);
	assert_contains(r->body, "<p class=\"error-code\">413</p>");
	/* a clear message, in the language the page declares */
	if (strstr(r->body, "<html lang=\"de\""))
		assert_contains(r->body, "<h1>Anfrage zu groß</h1>");
	else
		assert_contains(r->body, "<h1>Request too large</h1>");
	assert_security_headers(r);
	http_response_free(r);

	/* the same for the API: a problem document */
	struct http_client *admin = client_logged_in(&srv, "admin");
	char csrf[160];
	csrf_header(admin, csrf, sizeof csrf);
	big = malloc(n + 1);
	assert_non_null(big);
	memset(big, ' ', n);
	big[0] = '{';
	big[n - 1] = '}';
	big[n] = '\0';
	r = http_post_json(admin, "/api/v1/users", big, (const char *const[]){ csrf, NULL });
	free(big);
	json_t *p = assert_problem(r, 413);
	json_decref(p);
	http_response_free(r);
	http_client_free(admin);
	http_client_free(c);
	assert_server_healthy();
}

static void oversized_content_length_is_refused_early(void **state)
{
	(void)state;
	/* Only the headers: the answer must not wait for 2 MiB that never come. */
	const char *req = "POST /login HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
			  "Content-Length: 2097152\r\n\r\nusername=a";
	char *reply = raw_exchange(srv.port, req, strlen(req), false, 3000, NULL);
	int st = raw_status(reply);
	free(reply);
	if (st == 0)
		fprintf(stderr, "no answer within 3 s to a 2 MiB Content-Length: the server waits for the body\n");
	assert_int_equal(st, 413); /* R-X-6 */
	assert_server_healthy();
}

static void oversized_chunked_body_is_refused(void **state)
{
	(void)state;
	struct buf_like {
		char *data;
		size_t len;
	} req = { NULL, 0 };
	const char *head = "POST /login HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
			   "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
	const size_t chunk = 64 * 1024, chunks = 20; /* 1.25 MiB */
	req.data = malloc(strlen(head) + chunks * (chunk + 16) + 16);
	assert_non_null(req.data);
	req.len = (size_t)sprintf(req.data, "%s", head);
	for (size_t i = 0; i < chunks; i++) {
		req.len += (size_t)sprintf(req.data + req.len, "%zx\r\n", chunk);
		memset(req.data + req.len, i == 0 ? 'x' : 'a', chunk);
		if (i == 0)
			memcpy(req.data + req.len, "username=", 9);
		req.len += chunk;
		memcpy(req.data + req.len, "\r\n", 2);
		req.len += 2;
	}
	req.len += (size_t)sprintf(req.data + req.len, "0\r\n\r\n");
	char *reply = raw_exchange(srv.port, req.data, req.len, false, 10000, NULL);
	free(req.data);
	int st = raw_status(reply);
	free(reply);
	assert_int_equal(st, 413); /* R-X-6 */
	assert_server_healthy();
}

static void early_error_pages_follow_the_language(void **state)
{
	(void)state;
	/* Error pages made before the session is looked up (413, 404 under
	 * /static/) must still be in the browser's language. */
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/static/nope.css", ACCEPT_EN);
	assert_status(r, 404);
	bool static_ok = strstr(r->body, "<html lang=\"en\"") && strstr(r->body, "<h1>Page not found</h1>");
	http_response_free(r);

	size_t n = 2 * 1024 * 1024;
	char *body = malloc(n);
	assert_non_null(body);
	memset(body, 'a', n);
	r = http_request(c, "POST", "/login", ACCEPT_EN, body, n);
	free(body);
	assert_status(r, 413);
	bool big_ok = strstr(r->body, "<html lang=\"en\"") && strstr(r->body, "<h1>Request too large</h1>");
	http_response_free(r);
	http_client_free(c);
	if (!static_ok)
		fprintf(stderr, "GET /static/nope.css with Accept-Language: en is not an English page\n");
	if (!big_ok)
		fprintf(stderr, "413 for POST /login with Accept-Language: en is not an English page\n");
	assert_true(static_ok && big_ok); /* R-X-3 */
}

static void error_page_language_is_not_left_over(void **state)
{
	(void)state;
	/* With one worker thread, an English request followed by a request
	 * without any language preference: the second page must be German
	 * throughout, not German markup with the previous request's English. */
	struct server one;
	const char *const extra[] = { "--threads", "1", NULL };
	server_start(&one, extra);
	struct http_client *c = http_client_new(&one);
	struct http_response *r = http_get(c, "/login", ACCEPT_EN);
	bool first_english = strstr(r->body, "<html lang=\"en\"") != NULL;
	http_response_free(r);
	r = http_get(c, "/static/nope.css", NULL);
	long status = r->status;
	bool german_markup = strstr(r->body, "<html lang=\"de\"") != NULL;
	bool english_text = strstr(r->body, "<h1>Page not found</h1>") != NULL;
	http_response_free(r);
	http_client_free(c);
	server_stop(&one);
	assert_true(first_english);
	assert_int_equal(status, 404);
	assert_true(german_markup);
	if (english_text)
		fprintf(stderr, "the 404 page says lang=\"de\" but has the English text of the request before\n");
	assert_false(english_text); /* R-X-3 */
}

static void method_not_allowed_lists_the_right_methods(void **state)
{
	(void)state;
	static const struct { const char *method; const char *path; const char *allowed; const char *not_allowed; } cases[] = {
		{ "GET", "/logout", "POST", "GET" },
		{ "POST", "/healthz", "GET", "POST" },
		{ "DELETE", "/login", "GET", "DELETE" },
	};
	struct http_client *c = http_client_new(&srv);
	int wrong = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct http_response *r = http_request(c, cases[i].method, cases[i].path, NULL, NULL, 0);
		assert_status(r, 405); /* R-X-6 */
		char allow[128] = "";
		assert_true(http_header(r, "Allow", allow, sizeof allow));
		if (!strstr(allow, cases[i].allowed) || strstr(allow, cases[i].not_allowed)) {
			fprintf(stderr, "%s %s: Allow: %s\n", cases[i].method, cases[i].path, allow);
			wrong++;
		}
		http_response_free(r);
	}
	http_client_free(c);
	assert_int_equal(wrong, 0); /* RFC 9110 15.5.6: Allow lists the methods the resource supports */
}

/* ---- JSON API input ------------------------------------------------------------------- */

static void malformed_json_is_a_400_problem(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, "admin");
	size_t before = count_users(admin);
	char csrf[160];
	csrf_header(admin, csrf, sizeof csrf);
	const char *const headers[] = { csrf, "Accept-Language: en", NULL };

	struct http_response *r = http_post_json(admin, "/api/v1/users", "{\"name\": \"x\",", headers);
	json_t *p = assert_problem(r, 400); /* R-X-6 */
	assert_string_equal(json_string_value(json_object_get(p, "title")), "Malformed JSON");
	assert_contains(json_string_value(json_object_get(p, "detail")), "line 1"); /* says where */
	json_decref(p);
	http_response_free(r);

	r = http_post_json(admin, "/api/v1/users", "[\"not\", \"an\", \"object\"]", headers);
	p = assert_problem(r, 400);
	assert_contains(json_string_value(json_object_get(p, "detail")), "not an object");
	json_decref(p);
	http_response_free(r);

	r = http_post_json(admin, "/api/v1/users", "{\"name\":\"a\",\"name\":\"b\",\"role\":\"admin\"}", headers);
	p = assert_problem(r, 400); /* duplicate keys are ambiguous */
	json_decref(p);
	http_response_free(r);

	r = http_post_json(admin, "/api/v1/users", "", headers);
	p = assert_problem(r, 400);
	json_decref(p);
	http_response_free(r);

	/* not JSON at all */
	const char *const text_headers[] = { "Content-Type: text/plain", csrf, NULL };
	r = http_request(admin, "POST", "/api/v1/users", text_headers, "name=x", 6);
	p = assert_problem(r, 415);
	json_decref(p);
	http_response_free(r);

	/* a session without the CSRF header may not write through the API */
	r = http_post_json(admin, "/api/v1/users", "{\"name\":\"nocsrf\",\"role\":\"interviewer\"}", NULL);
	p = assert_problem(r, 403); /* R-X-2 */
	json_decref(p);
	http_response_free(r);

	assert_int_equal(count_users(admin), before); /* nothing created */
	http_client_free(admin);
}

static void invalid_fields_are_a_422_with_pointers(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, "admin");
	size_t before = count_users(admin);
	char csrf[160];
	csrf_header(admin, csrf, sizeof csrf);
	const char *const headers[] = { csrf, NULL };
	static const struct { const char *json; const char *pointer; } cases[] = {
		{ "{\"name\": 42, \"role\": \"interviewer\"}", "#/name" },
		{ "{\"name\": [\"a\"], \"role\": \"interviewer\"}", "#/name" },
		{ "{\"name\": \"Bad Name!\", \"role\": \"interviewer\"}", "#/name" },
		{ "{\"name\": \"x\", \"role\": \"interviewer\"}", "#/name" },
		{ "{\"role\": \"interviewer\"}", "#/name" },
		{ "{\"name\": \"good.name\", \"role\": \"boss\"}", "#/role" },
		{ "{\"name\": \"good.name\", \"role\": true}", "#/role" },
		{ "{\"name\": \"good.name\", \"role\": \"interviewer\", \"password\": \"short\"}", "#/password" },
		{ "{\"name\": \"good.name\", \"role\": \"interviewer\", \"password\": \"1qaz2wsx3edc\"}", "#/password" },
		{ "{\"name\": \"good.name\", \"role\": \"interviewer\", \"display_name\": 7}", "#/display_name" },
		{ "{\"name\": \"hoffmann\", \"role\": \"interviewer\"}", "#/name" }, /* taken */
		{ "{\"name\": \"HOFFMANN\", \"role\": \"interviewer\"}", "#/name" }, /* taken, other case */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct http_response *r = http_post_json(admin, "/api/v1/users", cases[i].json, headers);
		if (r->status != 422)
			fprintf(stderr, "request: %s\n", cases[i].json);
		json_t *p = assert_problem(r, 422); /* R-X-6 */
		assert_error_pointer(p, cases[i].pointer);
		json_decref(p);
		http_response_free(r);
	}
	assert_int_equal(count_users(admin), before); /* nothing created */
	http_client_free(admin);
}

static void api_creates_a_user(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, "admin");
	size_t before = count_users(admin);
	char csrf[160];
	csrf_header(admin, csrf, sizeof csrf);
	const char *const headers[] = { csrf, NULL };
	struct http_response *r = http_post_json(
		admin, "/api/v1/users", "{\"name\": \"M.Keller\", \"display_name\": \"Mara Keller\", \"role\": \"recruiter\"}", headers);
	assert_status(r, 201);
	json_t *u = http_json(r);
	assert_string_equal(json_string_value(json_object_get(u, "name")), "m.keller"); /* normalised */
	assert_string_equal(json_string_value(json_object_get(u, "display_name")), "Mara Keller");
	assert_string_equal(json_string_value(json_object_get(u, "role")), "recruiter");
	json_int_t id = json_integer_value(json_object_get(u, "id"));
	assert_true(id > 0);
	const char *generated = json_string_value(json_object_get(u, "password"));
	assert_non_null(generated);
	assert_true(strlen(generated) >= 12);
	char loc[128], want[128];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	snprintf(want, sizeof want, "/api/v1/users/%lld", (long long)id);
	assert_string_equal(loc, want);
	http_response_free(r);

	assert_int_equal(count_users(admin), before + 1);
	r = http_get(admin, "/api/v1/users", NULL);
	assert_contains(r->body, "\"name\":\"m.keller\"");
	http_response_free(r);

	/* the generated password logs in */
	struct http_client *mk = http_client_new(&srv);
	assert_int_equal(http_login(mk, "m.keller", generated, NULL), 303);
	r = http_get(mk, "/api/v1/me", NULL);
	assert_status(r, 200);
	assert_contains(r->body, "\"role\":\"recruiter\"");
	http_response_free(r);
	http_client_free(mk);
	json_decref(u);

	/* R-X-4: the creation is in the audit log, by admin */
	r = http_get(admin, "/api/v1/audit?limit=500", NULL);
	json_t *j = http_json(r);
	http_response_free(r);
	bool found = false;
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(j, "entries"), i, e) {
		const char *entity = json_string_value(json_object_get(e, "entity"));
		if (entity && strcmp(entity, "user") == 0 && json_integer_value(json_object_get(e, "entity_id")) == id) {
			assert_string_equal(json_string_value(json_object_get(e, "actor")), "admin");
			found = true;
		}
	}
	assert_true(found);
	char *dump = json_dumps(j, 0);
	assert_not_contains(dump, "$argon2"); /* no password hashes in the log */
	free(dump);
	json_decref(j);
	http_client_free(admin);
}

static void invalid_user_form_shows_field_errors(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, "admin");
	size_t before = count_users(admin);
	char csrf[128], body[512];
	fetch_csrf(admin, "/settings/users", csrf, sizeof csrf);
	snprintf(body, sizeof body, "name=Bad+Name&display_name=Someone&role=interviewer&password=&csrf=%s", csrf);
	struct http_response *r = http_post_form(admin, "/settings/users", body, ACCEPT_EN);
	assert_status(r, 422); /* R-X-6 */
	assert_valid_html(r->body);
	assert_contains(r->body, "<div class=\"field has-error\"><label for=\"f-name\">");
	assert_contains(r->body, "<p class=\"field-error\" id=\"f-name-err\">");
	assert_contains(r->body, "aria-invalid=\"true\" aria-describedby=\"f-name-err\"");
	assert_contains(r->body, "<li><a href=\"#f-name\">");     /* the summary links to the field */
	assert_contains(r->body, "value=\"Bad Name\"");            /* input kept */
	assert_contains(r->body, "value=\"Someone\"");
	assert_not_contains(r->body, "has-error\"><label for=\"f-display_name\"");
	assert_not_contains(r->body, "The user has been created.");
	http_response_free(r);

	/* markup in the input comes back escaped, the page stays valid */
	snprintf(body, sizeof body,
		 "name=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E&display_name=%%22%%3E%%3Cb%%3Ex&role=admin&csrf=%s", csrf);
	r = http_post_form(admin, "/settings/users", body, NULL);
	assert_status(r, 422);
	assert_valid_html(r->body);
	assert_not_contains(r->body, "<script>alert(1)");
	assert_contains(r->body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_not_contains(r->body, "\"><b>x");
	http_response_free(r);

	/* an unknown role and a weak password, each marked at its field */
	snprintf(body, sizeof body, "name=valid.name&role=overlord&password=1qaz2wsx3edc&csrf=%s", csrf);
	r = http_post_form(admin, "/settings/users", body, NULL);
	assert_status(r, 422);
	assert_valid_html(r->body);
	assert_contains(r->body, "<div class=\"field has-error\"><label for=\"f-role\">");
	assert_contains(r->body, "<div class=\"field has-error\"><label for=\"f-password\">");
	http_response_free(r);

	assert_int_equal(count_users(admin), before); /* nothing created */

	/* control: the valid form creates the user and shows the password once */
	snprintf(body, sizeof body, "name=valid.name&display_name=Valid&role=interviewer&password=&csrf=%s", csrf);
	r = http_post_form(admin, "/settings/users", body, NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	assert_contains(r->body, "<code id=\"new-password\">");
	http_response_free(r);
	assert_int_equal(count_users(admin), before + 1);
	http_client_free(admin);
}

static void too_many_form_fields(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "weber");
	char csrf[128];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	char body[8192];
	size_t len = (size_t)snprintf(body, sizeof body, "csrf=%s", csrf);
	for (int i = 0; i < 200; i++)
		len += (size_t)snprintf(body + len, sizeof body - len, "&f%d=v", i);
	len += (size_t)snprintf(body + len, sizeof body - len, "&display_name=Overflowed");
	struct http_response *r = http_post_form(c, "/settings/profile", body, ACCEPT_EN);
	assert_status(r, 400); /* R-X-6 */
	assert_valid_html(r->body);
	assert_contains(r->body, "too many fields");
	http_response_free(r);
	r = http_get(c, "/settings", NULL);
	assert_not_contains(r->body, "Overflowed");
	http_response_free(r);
	http_client_free(c);
}

/* ---- garbage on the wire ------------------------------------------------------------- */

static void random_bytes(void **state)
{
	(void)state;
	unsigned seed = 20240601;
	for (int round = 0; round < 8; round++) {
		char junk[4096];
		for (size_t i = 0; i < sizeof junk; i++)
			junk[i] = (char)(rand_r(&seed) & 0xff);
		if (round % 2)
			memcpy(junk, "GET /", 5); /* half of them start like a request */
		char *reply = raw_exchange(srv.port, junk, sizeof junk, true, 2000, NULL);
		int st = raw_status(reply);
		free(reply);
		assert_true(st == 0 || (st >= 400 && st < 500) || st == 505); /* R-X-6: refused, never a crash */
	}
	assert_server_healthy();
}

static void request_line_without_version(void **state)
{
	(void)state;
	static const char *const reqs[] = {
		"GET /healthz\r\n\r\n",
		"GET\r\n\r\n",
		"\r\n\r\n\r\n",
		"GET /healthz HTTP/9.9\r\nHost: t\r\n\r\n",
		"GET /healthz HTTP/1.1\r\nNo colon in this header\r\n\r\n",
		"BREW /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
		"GET http://evil.example/healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
	};
	for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
		char *reply = raw_exchange(srv.port, reqs[i], strlen(reqs[i]), true, 2000, NULL);
		int st = raw_status(reply);
		free(reply);
		if (st >= 500 && st != 505)
			fail_msg("request %zu answered %d", i, st);
	}
	assert_server_healthy();
}

static void huge_headers(void **state)
{
	(void)state;
	size_t n = 70 * 1024;
	char *req = malloc(n + 256);
	assert_non_null(req);
	size_t len = (size_t)sprintf(req, "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: ");
	memset(req + len, 'A', n);
	len += n;
	len += (size_t)sprintf(req + len, "\r\n\r\n");
	char *reply = raw_exchange(srv.port, req, len, false, 3000, NULL);
	int st = raw_status(reply);
	free(reply);
	assert_true(st == 0 || st == 400 || st == 413 || st == 414 || st == 431); /* R-X-6 */

	/* many medium headers adding up to more than 64 KiB */
	len = (size_t)sprintf(req, "GET /healthz HTTP/1.1\r\nHost: t\r\n");
	for (int i = 0; len < n; i++)
		len += (size_t)sprintf(req + len, "X-H%d: %0100d\r\n", i, i);
	len += (size_t)sprintf(req + len, "\r\n");
	reply = raw_exchange(srv.port, req, len, false, 3000, NULL);
	st = raw_status(reply);
	free(reply);
	free(req);
	assert_true(st == 0 || st == 400 || st == 413 || st == 431);
	/* a huge cookie is no session either */
	struct http_client *c = http_client_new(&srv);
	char *cookie = malloc(40 * 1024);
	assert_non_null(cookie);
	len = (size_t)sprintf(cookie, "Cookie: sw_session=");
	memset(cookie + len, 'Q', 30 * 1024);
	cookie[len + 30 * 1024] = '\0';
	struct http_response *r = http_get(c, "/dashboard", (const char *const[]){ cookie, NULL });
	assert_true(r->status == 303 || r->status == 431 || r->status == 400);
	http_response_free(r);
	free(cookie);
	http_client_free(c);
	assert_server_healthy();
}

static void truncated_requests(void **state)
{
	(void)state;
	static const char *const reqs[] = {
		"GET /healthz HTTP/1.1\r\nHost: t\r\n",        /* headers, then close */
		"GET /healthz HTTP/1.1\r\nHo",
		"POST /login HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
		"Content-Length: 1000\r\n\r\nusername=a&pass", /* body shorter than Content-Length */
		"POST /api/v1/users HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
		"Transfer-Encoding: chunked\r\n\r\n10\r\n{\"name\":",  /* chunk cut short */
		"POST /login HTTP/1.1\r\nHost: t\r\nContent-Length: -5\r\n\r\n",
		"POST /login HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n",
	};
	for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
		char *reply = raw_exchange(srv.port, reqs[i], strlen(reqs[i]), true, 1000, NULL);
		int st = raw_status(reply);
		free(reply);
		if (st >= 500)
			fail_msg("truncated request %zu answered %d", i, st);
	}
	assert_server_healthy();
}

static void many_connections_dropped(void **state)
{
	(void)state;
	/* Fewer than the per-IP connection limit (128): dropped half-requests may
	 * linger in libmicrohttpd until the connection timeout and count against it. */
	enum { N = 100 };
	int fds[N];
	int opened = 0;
	for (int i = 0; i < N; i++) {
		fds[i] = raw_connect(srv.port);
		if (fds[i] >= 0) {
			opened++;
			if (i % 3 == 1)
				(void)!send(fds[i], "GET /healthz HTTP/1.1\r\nHost", 27, MSG_NOSIGNAL);
			else if (i % 3 == 2)
				(void)!send(fds[i], "POST /login HTTP/1.1\r\nContent-Length: 50\r\n\r\nab", 47, MSG_NOSIGNAL);
		}
	}
	assert_true(opened > 90);
	for (int i = 0; i < N; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	assert_server_healthy(); /* R-X-6 */
	assert_server_healthy();
}

static void nul_bytes_in_the_path(void **state)
{
	(void)state;
	static const char req[] = "GET /heal\0thz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
	char *reply = raw_exchange(srv.port, req, sizeof req - 1, false, 2000, NULL);
	int st = raw_status(reply);
	free(reply);
	assert_true(st == 0 || (st >= 400 && st < 500)); /* R-X-6 */

	assert_server_healthy();
}

static void encoded_nul_in_the_path(void **state)
{
	(void)state;
	/* "%00" must not cut the path short: /healthz%00 is not /healthz and
	 * /static/style.css%00.js is not the stylesheet. */
	struct http_client *c = http_client_new(&srv);
	static const char *const paths[] = { "/healthz%00", "/static/style.css%00.js", "/static/%00style.css", "/%00",
					     "/settings%00/users" };
	int bad = 0;
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct http_response *r = http_get(c, paths[i], NULL);
		bool served_prefix = r->status == 200 || (r->status == 303 && strcmp(paths[i], "/%00") != 0 &&
							   strcmp(paths[i], "/static/%00style.css") != 0);
		if (r->status >= 500 || served_prefix) {
			fprintf(stderr, "GET %s answered %ld\n", paths[i], r->status);
			bad++;
		}
		http_response_free(r);
	}
	http_client_free(c);
	assert_server_healthy();
	assert_int_equal(bad, 0); /* R-X-6 */
}

/* POSTs username/password to /login with a fresh CSRF token; returns the status. */
static long post_raw_login(const char *username_encoded, const char *password_encoded)
{
	struct http_client *c = http_client_new(&srv);
	char csrf[128], body[512];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	snprintf(body, sizeof body, "username=%s&password=%s&csrf=%s", username_encoded, password_encoded, csrf);
	struct http_response *r = http_post_form(c, "/login", body, NULL);
	long status = r->status;
	http_response_free(r);
	http_client_free(c);
	return status;
}

static void nul_byte_in_login_name(void **state)
{
	(void)state;
	char pw[256];
	url_encode_to(srv.password, pw, sizeof pw);
	/* control: the plain name logs in */
	assert_int_equal(post_raw_login("admin", pw), 303);
	/* "admin\0junk" is not the user admin */
	long status = post_raw_login("admin%00junk", pw);
	if (status != 400 && status != 401)
		fail_msg("username=admin%%00junk with admin's password answered %ld (logged in as admin?)", status);
	assert_server_healthy(); /* R-X-6, R-X-2 */
}

static void nul_byte_in_login_password(void **state)
{
	(void)state;
	char pw[256], enc[200];
	url_encode_to(srv.password, enc, sizeof enc);
	snprintf(pw, sizeof pw, "%s%%00junk", enc);
	/* "PASSWORD\0junk" is not the password */
	long status = post_raw_login("weber", pw);
	if (status != 400 && status != 401)
		fail_msg("password=PASSWORD%%00junk answered %ld (accepted as the password?)", status);
	assert_server_healthy(); /* R-X-6, R-X-2 */
}

static void nul_byte_in_a_stored_value(void **state)
{
	(void)state;
	/* a NUL in a stored value is refused, not silently cut off */
	struct http_client *c = client_logged_in(&srv, "brandt");
	char csrf[128], body[512];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(body, sizeof body, "display_name=Visible%%00Hidden&csrf=%s", csrf);
	struct http_response *r = http_post_form(c, "/settings/profile", body, ACCEPT_EN);
	long status = r->status;
	http_response_free(r);
	r = http_get(c, "/api/v1/me", NULL);
	json_t *me = http_json(r);
	char stored[256];
	snprintf(stored, sizeof stored, "%s", json_string_value(json_object_get(me, "display_name")));
	json_decref(me);
	http_response_free(r);
	http_client_free(c);
	if (status != 400 && status != 422)
		fail_msg("display_name=Visible%%00Hidden answered %ld and stored \"%s\"", status, stored);
	assert_string_not_equal(stored, "Visible"); /* R-X-6: bad input → 4xx, nothing changed */
	assert_server_healthy();
}

static void nul_byte_after_the_csrf_token(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "brandt");
	char csrf[128], body[512];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(body, sizeof body, "display_name=Smuggled&csrf=%s%%00garbage", csrf);
	struct http_response *r = http_post_form(c, "/settings/profile", body, NULL);
	long status = r->status;
	http_response_free(r);
	http_client_free(c);
	if (status != 400 && status != 403)
		fail_msg("csrf=TOKEN%%00garbage answered %ld (the token compared only up to the NUL)", status);
	assert_server_healthy(); /* R-X-6, R-X-2 */
}

static void invalid_utf8_and_control_characters(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "brandt");
	char csrf[128], body[512];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	static const char *const names[] = { "Bad%FF%FEName", "Tab%09Name", "Bell%07", "%C3%28" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(body, sizeof body, "display_name=%s&csrf=%s", names[i], csrf);
		struct http_response *r = http_post_form(c, "/settings/profile", body, ACCEPT_EN);
		if (r->status != 422)
			fprintf(stderr, "display_name=%s\n", names[i]);
		assert_status(r, 422); /* R-X-6 */
		assert_valid_html(r->body);
		assert_contains(r->body, "<div class=\"field has-error\"><label for=\"f-display_name\">");
		http_response_free(r);
	}
	snprintf(body, sizeof body, "lang=klingon&csrf=%s", csrf);
	struct http_response *r = http_post_form(c, "/settings/profile", body, NULL);
	assert_status(r, 422);
	http_response_free(r);
	http_client_free(c);
	assert_server_healthy();
}

static void stored_markup_is_escaped(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, "admin");
	char csrf[160];
	csrf_header(admin, csrf, sizeof csrf);
	const char *const headers[] = { csrf, NULL };
	struct http_response *r = http_post_json(admin, "/api/v1/users",
						 "{\"name\": \"x.markup\", \"role\": \"interviewer\", "
						 "\"display_name\": \"<img src=x onerror=alert(1)>&amp; \\\"q\\\" 'a'\"}",
						 headers);
	assert_status(r, 201);
	http_response_free(r);
	static const char *const pages[] = { "/settings/users", "/settings/audit" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		r = http_get(admin, pages[i], NULL);
		assert_status(r, 200);
		assert_valid_html(r->body); /* R-X-6: what users typed cannot break the page */
		assert_not_contains(r->body, "<img src=x");
		assert_contains(r->body, "&lt;img src=x onerror=alert(1)&gt;&amp;amp;");
		http_response_free(r);
	}
	http_client_free(admin);
}

static void bad_query_parameters(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, "admin");
	static const char *const queries[] = { "limit=abc", "limit=0", "limit=100000", "offset=-1", "limit=5x" };
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		char path[128];
		snprintf(path, sizeof path, "/api/v1/audit?%s", queries[i]);
		struct http_response *r = http_get(admin, path, NULL);
		json_t *p = assert_problem(r, 400); /* R-X-6 */
		char pointer[32];
		snprintf(pointer, sizeof pointer, "#/%.*s", (int)strcspn(queries[i], "="), queries[i]);
		assert_error_pointer(p, pointer);
		json_decref(p);
		http_response_free(r);
	}
	struct http_response *r = http_get(admin, "/settings/audit?page=zero", NULL);
	assert_status(r, 400);
	assert_valid_html(r->body);
	http_response_free(r);
	r = http_get(admin, "/settings/audit?page=99999", NULL);
	assert_status(r, 200); /* past the end: an empty page, not an error */
	assert_valid_html(r->body);
	http_response_free(r);
	/* ids that are not ids */
	static const char *const paths[] = { "/settings/users/0/disable", "/settings/users/-1/disable",
					     "/settings/users/99999999999999999999/disable", "/settings/users/abc/disable" };
	char form[256], token[128];
	fetch_csrf(admin, "/settings/users", token, sizeof token);
	snprintf(form, sizeof form, "csrf=%s", token);
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		r = http_post_form(admin, paths[i], form, NULL);
		if (r->status != 404)
			fprintf(stderr, "POST %s\n", paths[i]);
		assert_status(r, 404);
		http_response_free(r);
	}
	r = http_post_form(admin, "/settings/users/424242/disable", form, NULL);
	assert_status(r, 404);
	http_response_free(r);
	http_client_free(admin);
}

static void shutdown_does_not_wait_for_idle_connections(void **state)
{
	(void)state;
	/* A browser keeps its connection open between requests. SIGTERM must
	 * finish requests in flight, not wait for idle connections. */
	struct server own;
	server_start(&own, NULL);
	int fd = raw_connect(own.port);
	assert_true(fd >= 0);
	const char *req = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
	assert_int_equal(send(fd, req, strlen(req), MSG_NOSIGNAL), (ssize_t)strlen(req));
	char reply[1024];
	struct pollfd pfd = { fd, POLLIN, 0 };
	assert_int_equal(poll(&pfd, 1, 5000), 1);
	ssize_t n = recv(fd, reply, sizeof reply - 1, 0);
	assert_true(n > 12);
	reply[n] = '\0';
	assert_int_equal(raw_status(reply), 200);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	server_stop(&own); /* asserts a clean exit */
	clock_gettime(CLOCK_MONOTONIC, &t1);
	close(fd);
	double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (seconds > 2.0)
		fprintf(stderr, "SIGTERM took %.1f s with one idle keep-alive connection\n", seconds);
	assert_true(seconds <= 2.0);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	signal(SIGPIPE, SIG_IGN);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unknown_route_is_a_404_page),
		cmocka_unit_test(health_check),
		cmocka_unit_test(static_asset_with_etag),
		cmocka_unit_test(oversized_body_is_refused),
		cmocka_unit_test(oversized_content_length_is_refused_early),
		cmocka_unit_test(oversized_chunked_body_is_refused),
		cmocka_unit_test(early_error_pages_follow_the_language),
		cmocka_unit_test(error_page_language_is_not_left_over),
		cmocka_unit_test(method_not_allowed_lists_the_right_methods),
		cmocka_unit_test(malformed_json_is_a_400_problem),
		cmocka_unit_test(invalid_fields_are_a_422_with_pointers),
		cmocka_unit_test(api_creates_a_user),
		cmocka_unit_test(invalid_user_form_shows_field_errors),
		cmocka_unit_test(too_many_form_fields),
		cmocka_unit_test(stored_markup_is_escaped),
		cmocka_unit_test(bad_query_parameters),
		cmocka_unit_test(random_bytes),
		cmocka_unit_test(request_line_without_version),
		cmocka_unit_test(huge_headers),
		cmocka_unit_test(truncated_requests),
		cmocka_unit_test(many_connections_dropped),
		cmocka_unit_test(nul_bytes_in_the_path),
		cmocka_unit_test(encoded_nul_in_the_path),
		cmocka_unit_test(nul_byte_in_login_name),
		cmocka_unit_test(nul_byte_in_login_password),
		cmocka_unit_test(nul_byte_in_a_stored_value),
		cmocka_unit_test(nul_byte_after_the_csrf_token),
		cmocka_unit_test(invalid_utf8_and_control_characters),
		cmocka_unit_test(shutdown_does_not_wait_for_idle_connections),
	};
	int failed = cmocka_run_group_tests_name("web/errors", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
