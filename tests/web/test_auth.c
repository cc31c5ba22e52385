/*
 * test_auth.c — black-box tests of logging in and out against the real
 * server (R-X-2 accounts and security, R-X-3 languages, R-X-4 audit):
 * redirects, the German login page, wrong and right passwords, session
 * cookies and their rotation, logout, CSRF, the login rate limit, security
 * headers and the language choice.
 */
#include "harness.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

static const char *const ACCEPT_EN[] = { "Accept-Language: en", NULL };

/* The value of the sw_session cookie set by this response, "" when none. */
static void session_cookie_of(const struct http_response *r, char *out, size_t n)
{
	char line[512];
	out[0] = '\0';
	if (!http_set_cookie(r, "sw_session", line, sizeof line))
		return;
	size_t len = strcspn(line + strlen("sw_session="), ";");
	snprintf(out, n, "%.*s", (int)len, line + strlen("sw_session="));
}

/* POSTs a login form with the client's current CSRF token; returns the response. */
static struct http_response *post_login(struct http_client *c, const char *csrf, const char *user, const char *pw,
					const char *next, const char *const *headers)
{
	char *u = url_encode(user), *p = url_encode(pw), *t = url_encode(csrf), *nx = url_encode(next ? next : "");
	char body[1024];
	snprintf(body, sizeof body, "username=%s&password=%s&csrf=%s%s%s", u, p, t, next ? "&next=" : "", next ? nx : "");
	free(u);
	free(p);
	free(t);
	free(nx);
	return http_post_form(c, "/login", body, headers);
}

/* GET path with only the given cookie header, from a fresh client. */
static struct http_response *get_with_cookie(const char *path, const char *cookie)
{
	struct http_client *c = http_client_new(&srv);
	char header[512];
	snprintf(header, sizeof header, "Cookie: %s", cookie);
	const char *const headers[] = { header, NULL };
	struct http_response *r = http_get(c, path, headers);
	http_client_free(c);
	return r;
}

/* Counts audit entries with this action whose changes name this user. */
static size_t count_audit(json_t *entries, const char *action, const char *user)
{
	size_t i, n = 0;
	json_t *e;
	json_array_foreach(entries, i, e) {
		const char *a = json_string_value(json_object_get(e, "action"));
		const char *u = json_string_value(json_object_get(json_object_get(e, "changes"), "user"));
		if (a && strcmp(a, action) == 0 && u && strcmp(u, user) == 0) {
			/* R-X-4: who (actor), from where (ip), on what (entity) */
			assert_string_equal(json_string_value(json_object_get(e, "ip")), "127.0.0.1");
			assert_string_equal(json_string_value(json_object_get(e, "entity")), "session");
			assert_true(json_integer_value(json_object_get(e, "at")) > 1600000000);
			n++;
		}
	}
	return n;
}

/* ---- tests ------------------------------------------------------------------------- */

static void root_redirects_to_login(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/", NULL);
	assert_status(r, 303);
	char loc[256];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/login");
	assert_security_headers(r); /* R-X-2: on redirects too */
	http_response_free(r);

	/* a protected page remembers where the user wanted to go */
	r = http_get(c, "/settings/tokens", NULL);
	assert_status(r, 303);
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/login?next=/settings/tokens");
	http_response_free(r);
	http_client_free(c);
}

static void login_page_is_german_and_valid(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/login", NULL);
	assert_status(r, 200);
	char ct[128];
	assert_true(http_header(r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "text/html; charset=utf-8");
	assert_valid_html(r->body);
	assert_contains(r->body, "<html lang=\"de\""); /* R-X-3: German first */
	assert_contains(r->body, "<h1>Anmelden</h1>"); /* R-X-3: needs po/de.po */
	assert_contains(r->body, "name=\"username\"");
	assert_contains(r->body, "type=\"password\"");
	assert_contains(r->body, "action=\"/login\"");
	char csrf[128], cookie[512];
	assert_true(html_csrf(r->body, csrf, sizeof csrf));
	assert_true(strlen(csrf) >= 32);
	/* R-X-2: the pre-session CSRF cookie matches the form field and is HttpOnly */
	assert_true(http_set_cookie(r, "sw_csrf", cookie, sizeof cookie));
	assert_contains(cookie, "HttpOnly");
	assert_contains(cookie, "SameSite=Lax");
	char jar[128];
	assert_true(http_cookie(c, "sw_csrf", jar, sizeof jar));
	assert_string_equal(jar, csrf);
	assert_false(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	assert_security_headers(r);
	http_response_free(r);
	http_client_free(c);
}

static void wrong_password_is_refused(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	struct http_response *r = post_login(c, csrf, "admin", "definitely-not-the-password", NULL, ACCEPT_EN);
	assert_status(r, 401); /* R-X-2 */
	assert_valid_html(r->body);
	assert_contains(r->body, "class=\"flash flash-error\" role=\"alert\"");
	assert_contains(r->body, "The user name or password is wrong");
	assert_contains(r->body, "value=\"admin\"");                   /* the name is kept */
	assert_not_contains(r->body, "definitely-not-the-password");  /* the password is not */
	char cookie[512];
	assert_false(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	assert_false(http_cookie(c, "sw_session", cookie, sizeof cookie));
	assert_security_headers(r);
	http_response_free(r);

	/* an unknown user gets the very same answer */
	r = post_login(c, csrf, "nobody-here", "definitely-not-the-password", NULL, ACCEPT_EN);
	assert_status(r, 401);
	assert_contains(r->body, "The user name or password is wrong");
	http_response_free(r);

	r = http_get(c, "/dashboard", NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(c);
}

static void right_password_starts_a_session(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	struct http_response *r = post_login(c, csrf, "admin", srv.password, NULL, NULL);
	assert_status(r, 303);
	char loc[256], cookie[512];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/dashboard");
	/* R-X-2: the session cookie is HttpOnly and SameSite=Lax */
	assert_true(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	assert_contains(cookie, "; HttpOnly");
	assert_contains(cookie, "; SameSite=Lax");
	assert_contains(cookie, "; Path=/");
	char value[256];
	session_cookie_of(r, value, sizeof value);
	assert_true(strlen(value) >= 32); /* a random id, not a counter */
	http_response_free(r);

	r = http_get(c, "/dashboard", NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	assert_contains(r->body, "<h1>");
	http_response_free(r);
	http_client_free(c);
}

static void dashboard_has_navigation(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = http_get(c, "/dashboard", NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	static const char *const links[] = { "/dashboard", "/positions", "/candidates", "/interviews", "/settings" };
	char needle[64];
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		snprintf(needle, sizeof needle, "<li><a href=\"%s\"", links[i]);
		assert_contains(r->body, needle);
	}
	assert_contains(r->body, "<li><a href=\"/dashboard\" aria-current=\"page\">");
	assert_contains(r->body, "<nav class=\"mainnav\"");
	assert_contains(r->body, "action=\"/logout\"");
	/* R-X-2: authenticated pages are never cached */
	char cc[128];
	assert_true(http_header(r, "Cache-Control", cc, sizeof cc));
	assert_string_equal(cc, "no-store");
	assert_security_headers(r);
	http_response_free(r);
	http_client_free(c);
}

static void security_headers_on_every_response(void **state)
{
	(void)state;
	struct http_client *anon = http_client_new(&srv);
	struct http_client *admin = client_logged_in(&srv, "admin");
	static const struct { bool logged_in; const char *method; const char *path; long status; bool no_store; } cases[] = {
		{ false, "GET", "/", 303, true },
		{ false, "GET", "/login", 200, true },
		{ false, "GET", "/healthz", 200, true },
		{ false, "GET", "/static/style.css", 200, false },
		{ false, "GET", "/no/such/page", 404, true },
		{ false, "GET", "/api/v1/me", 401, true },
		{ false, "POST", "/login", 403, true },
		{ false, "DELETE", "/login", 405, true },
		{ true, "GET", "/dashboard", 200, true },
		{ true, "GET", "/settings", 200, true },
		{ true, "GET", "/settings/users", 200, true },
		{ true, "GET", "/api/v1/me", 200, true },
		{ true, "HEAD", "/dashboard", 200, true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct http_client *c = cases[i].logged_in ? admin : anon;
		struct http_response *r = http_request(c, cases[i].method, cases[i].path, NULL, NULL, 0);
		if (r->status != cases[i].status)
			print_error("%s %s\n", cases[i].method, cases[i].path);
		assert_status(r, cases[i].status);
		assert_security_headers(r); /* R-X-2 */
		char cc[128] = "";
		http_header(r, "Cache-Control", cc, sizeof cc);
		if (cases[i].no_store && strcmp(cc, "no-store") != 0)
			fail_msg("%s %s: Cache-Control is \"%s\", not no-store", cases[i].method, cases[i].path, cc);
		char xfo[64];
		assert_true(http_header(r, "X-Frame-Options", xfo, sizeof xfo));
		assert_string_equal(xfo, "DENY");
		http_response_free(r);
	}
	http_client_free(anon);
	http_client_free(admin);
}

static void session_id_rotates_on_login(void **state)
{
	(void)state;
	/* A session id planted before login is replaced (session fixation). */
	struct http_client *c = http_client_new(&srv);
	const char *planted = "AttackerChosenSessionIdAttackerChosenSessionId0";
	http_set_jar_cookie(c, "sw_session", planted);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	struct http_response *r = post_login(c, csrf, "weber", srv.password, NULL, NULL);
	assert_status(r, 303);
	char first[256];
	session_cookie_of(r, first, sizeof first);
	assert_true(strlen(first) >= 32);
	assert_string_not_equal(first, planted); /* R-X-2 */
	http_response_free(r);

	/* Logging in again while logged in issues a new id and ends the old one. */
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	r = post_login(c, csrf, "weber", srv.password, NULL, NULL);
	assert_status(r, 303);
	char second[256];
	session_cookie_of(r, second, sizeof second);
	assert_true(strlen(second) >= 32);
	assert_string_not_equal(first, second); /* R-X-2: rotation */
	http_response_free(r);

	char cookie[300];
	snprintf(cookie, sizeof cookie, "sw_session=%s", first);
	r = get_with_cookie("/dashboard", cookie);
	assert_status(r, 303); /* the pre-rotation id is dead */
	http_response_free(r);
	snprintf(cookie, sizeof cookie, "sw_session=%s", second);
	r = get_with_cookie("/dashboard", cookie);
	assert_status(r, 200);
	http_response_free(r);
	http_client_free(c);
}

static void logout_ends_the_session(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "brandt");
	char session[256], csrf[128];
	assert_true(http_cookie(c, "sw_session", session, sizeof session));
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	char body[256];
	char *t = url_encode(csrf);
	snprintf(body, sizeof body, "csrf=%s", t);
	free(t);
	struct http_response *r = http_post_form(c, "/logout", body, NULL);
	assert_status(r, 303);
	char loc[256], cookie[512];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/login?done=loggedout");
	assert_true(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	assert_contains(cookie, "Max-Age=0");
	http_response_free(r);

	/* R-X-2: the old cookie no longer works, even when replayed */
	char header[300];
	snprintf(header, sizeof header, "sw_session=%s", session);
	r = get_with_cookie("/dashboard", header);
	assert_status(r, 303);
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/login?next=/dashboard");
	http_response_free(r);
	r = get_with_cookie("/api/v1/me", header);
	assert_status(r, 401);
	http_response_free(r);

	r = http_get(c, "/login?done=loggedout", ACCEPT_EN);
	assert_status(r, 200);
	assert_contains(r->body, "You have been logged out.");
	http_response_free(r);
	http_client_free(c);
}

static void post_without_csrf_is_forbidden(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	struct http_response *r = http_post_form(c, "/settings/profile", "display_name=Forged+Name", NULL);
	assert_status(r, 403); /* R-X-2: no token */
	assert_valid_html(r->body);
	assert_contains(r->body, "class=\"error-page\"");
	http_response_free(r);

	r = http_post_form(c, "/settings/profile", "display_name=Forged+Name&csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL);
	assert_status(r, 403); /* R-X-2: wrong token */
	http_response_free(r);

	/* the pre-session cookie token is no substitute for the session's own */
	char pre[128];
	if (http_cookie(c, "sw_csrf", pre, sizeof pre)) {
		char body[256];
		snprintf(body, sizeof body, "display_name=Forged+Name&csrf=%s", pre);
		r = http_post_form(c, "/settings/profile", body, NULL);
		assert_status(r, 403);
		http_response_free(r);
	}

	r = http_get(c, "/settings", NULL);
	assert_status(r, 200);
	assert_not_contains(r->body, "Forged Name"); /* nothing changed */
	http_response_free(r);

	/* logging someone out is a state change too */
	r = http_post_form(c, "/logout", "", NULL);
	assert_status(r, 403);
	http_response_free(r);
	r = http_get(c, "/dashboard", NULL);
	assert_status(r, 200); /* still logged in */
	http_response_free(r);

	/* control: the same change with the token goes through */
	char csrf[128], body[256];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	char *t = url_encode(csrf);
	snprintf(body, sizeof body, "display_name=Genuine+Name&csrf=%s", t);
	free(t);
	r = http_post_form(c, "/settings/profile", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
	r = http_get(c, "/settings", NULL);
	assert_contains(r->body, "value=\"Genuine Name\"");
	http_response_free(r);
	http_client_free(c);
}

static void login_without_csrf_is_forbidden(void **state)
{
	(void)state;
	char body[512], pw[256];
	url_encode_to(srv.password, pw, sizeof pw);
	/* neither cookie nor field */
	struct http_client *c = http_client_new(&srv);
	snprintf(body, sizeof body, "username=admin&password=%s", pw);
	struct http_response *r = http_post_form(c, "/login", body, NULL);
	assert_status(r, 403); /* R-X-2 */
	char cookie[512];
	assert_false(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	http_response_free(r);
	http_client_free(c);

	/* a field but no cookie */
	c = http_client_new(&srv);
	snprintf(body, sizeof body, "username=admin&password=%s&csrf=%s", pw,
		 "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
	r = http_post_form(c, "/login", body, NULL);
	assert_status(r, 403);
	assert_false(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	http_response_free(r);

	/* a cookie but no field */
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	snprintf(body, sizeof body, "username=admin&password=%s", pw);
	r = http_post_form(c, "/login", body, NULL);
	assert_status(r, 403);
	assert_false(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	http_response_free(r);

	/* cookie and a field that differs */
	snprintf(body, sizeof body, "username=admin&password=%s&csrf=%sX", pw, csrf);
	r = http_post_form(c, "/login", body, NULL);
	assert_status(r, 403);
	http_response_free(r);

	r = http_get(c, "/dashboard", NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(c);
}

static void login_next_stays_local(void **state)
{
	(void)state;
	static const struct { const char *next; const char *expect; } cases[] = {
		{ "/settings/tokens", "/settings/tokens" },
		{ "//evil.example/", "/dashboard" },
		{ "https://evil.example/", "/dashboard" },
		{ "/\\evil.example", "/dashboard" },
		{ "/\r\nSet-Cookie: injected=1", "/dashboard" },
		{ "javascript:alert(1)", "/dashboard" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct http_client *c = http_client_new(&srv);
		char csrf[128];
		fetch_csrf(c, "/login", csrf, sizeof csrf);
		struct http_response *r = post_login(c, csrf, "weber", srv.password, cases[i].next, NULL);
		assert_status(r, 303);
		char loc[256];
		assert_true(http_header(r, "Location", loc, sizeof loc));
		assert_string_equal(loc, cases[i].expect); /* R-X-2: no open redirect */
		char cookie[256];
		assert_false(http_set_cookie(r, "injected", cookie, sizeof cookie)); /* no header injection */
		http_response_free(r);
		http_client_free(c);
	}

	/* markup in ?next= is escaped in the login form */
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/login?next=/%22%3E%3Cscript%3Ealert(1)%3C/script%3E", NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	assert_not_contains(r->body, "<script>alert(1)");
	assert_contains(r->body, "value=\"/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
	http_response_free(r);
	http_client_free(c);
}

static void login_rate_limit_per_account(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	for (int i = 0; i < 5; i++) {
		struct http_response *r = post_login(c, csrf, "yilmaz", "wrong-password-attempt", NULL, ACCEPT_EN);
		assert_status(r, 401);
		http_response_free(r);
	}
	/* R-X-2: the sixth attempt is refused even with the right password */
	struct http_response *r = post_login(c, csrf, "yilmaz", srv.password, NULL, ACCEPT_EN);
	assert_status(r, 429);
	char retry[32], cookie[512];
	assert_true(http_header(r, "Retry-After", retry, sizeof retry));
	long secs = strtol(retry, NULL, 10);
	assert_true(secs >= 1 && secs <= 900);
	assert_valid_html(r->body);
	assert_contains(r->body, "Too many failed logins");
	assert_false(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	http_response_free(r);

	/* the name is matched case-insensitively, as at login */
	r = post_login(c, csrf, "YILMAZ", srv.password, NULL, ACCEPT_EN);
	assert_status(r, 429);
	http_response_free(r);

	/* other accounts are not affected */
	r = post_login(c, csrf, "schulz", srv.password, NULL, NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(c);

	/* R-X-4: the failures and the block are in the audit log */
	json_t *entries = audit_entries(&srv);
	assert_true(count_audit(entries, "login_failed", "yilmaz") >= 5);
	assert_true(count_audit(entries, "login_blocked_account", "yilmaz") >= 1);
	assert_true(count_audit(entries, "login_failed", "admin") >= 1);    /* from wrong_password_is_refused */
	assert_true(count_audit(entries, "login_failed", "nobody-here") >= 1);
	assert_true(count_audit(entries, "login", "schulz") >= 1);
	assert_true(count_audit(entries, "logout", "brandt") >= 1);
	json_decref(entries);
}

static void accept_language_chooses_the_language(void **state)
{
	(void)state;
	static const struct { const char *header; const char *lang; } cases[] = {
		{ "Accept-Language: en", "en" },
		{ "Accept-Language: en-GB,en;q=0.9", "en" },
		{ "Accept-Language: fr-FR, en;q=0.5, de;q=0.3", "en" },
		{ "Accept-Language: de-DE,de;q=0.9,en;q=0.8", "de" },
		{ "Accept-Language: fr", "de" },
	};
	struct http_client *c = http_client_new(&srv);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const headers[] = { cases[i].header, NULL };
		struct http_response *r = http_get(c, "/login", headers);
		assert_status(r, 200);
		char want[64];
		snprintf(want, sizeof want, "<html lang=\"%s\"", cases[i].lang);
		assert_contains(r->body, want); /* R-X-3 */
		if (strcmp(cases[i].lang, "en") == 0)
			assert_contains(r->body, "<h1>Log in</h1>");
		else
			assert_contains(r->body, "<h1>Anmelden</h1>"); /* needs po/de.po */
		http_response_free(r);
	}
	http_client_free(c);
}

static void language_switch_sets_a_cookie(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	char body[256];
	snprintf(body, sizeof body, "lang=en&next=%%2Flogin&csrf=%s", csrf);
	const char *const accept_de[] = { "Accept-Language: de", NULL };
	struct http_response *r = http_post_form(c, "/lang", body, accept_de);
	assert_status(r, 303);
	char loc[256], cookie[512];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/login");
	assert_true(http_set_cookie(r, "sw_lang", cookie, sizeof cookie));
	assert_true(strncmp(cookie, "sw_lang=en;", 11) == 0); /* R-X-3 */
	assert_contains(cookie, "Max-Age=");
	http_response_free(r);

	/* the cookie beats the browser's Accept-Language */
	r = http_get(c, "/login", accept_de);
	assert_contains(r->body, "<html lang=\"en\"");
	assert_contains(r->body, "<h1>Log in</h1>");
	assert_contains(r->body, "value=\"en\" lang=\"en\" aria-pressed=\"true\"");
	http_response_free(r);

	/* an unknown language is refused and changes nothing */
	snprintf(body, sizeof body, "lang=xx&next=%%2Flogin&csrf=%s", csrf);
	r = http_post_form(c, "/lang", body, NULL);
	assert_status(r, 400);
	assert_false(http_set_cookie(r, "sw_lang", cookie, sizeof cookie));
	http_response_free(r);
	r = http_get(c, "/login", NULL);
	assert_contains(r->body, "<html lang=\"en\"");
	http_response_free(r);
	http_client_free(c);
}

static void stored_language_wins_after_login(void **state)
{
	(void)state;
	/* hoffmann chooses English in the profile ... */
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	char csrf[128], body[256];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(body, sizeof body, "lang=en&csrf=%s", csrf);
	struct http_response *r = http_post_form(c, "/settings/profile", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(c);

	/* ... and a German browser with a German cookie still gets English */
	const char *const accept_de[] = { "Accept-Language: de-DE,de;q=0.9", NULL };
	c = http_client_new(&srv);
	http_set_jar_cookie(c, "sw_lang", "de");
	assert_int_equal(http_login(c, "hoffmann", srv.password, accept_de), 303);
	r = http_get(c, "/dashboard", accept_de);
	assert_status(r, 200);
	assert_contains(r->body, "<html lang=\"en\""); /* R-X-3 */
	assert_contains(r->body, "<h1>Dashboard</h1>");
	http_response_free(r);
	/* the API reports the stored preference */
	r = http_get(c, "/api/v1/me", NULL);
	assert_status(r, 200);
	json_t *me = http_json(r);
	assert_string_equal(json_string_value(json_object_get(me, "lang")), "en");
	json_decref(me);
	http_response_free(r);

	/* switching with the header buttons while logged in stores the choice */
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	snprintf(body, sizeof body, "lang=de&next=%%2Fdashboard&csrf=%s", csrf);
	r = http_post_form(c, "/lang", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(c);
	c = http_client_new(&srv);
	assert_int_equal(http_login(c, "hoffmann", srv.password, ACCEPT_EN), 303);
	r = http_get(c, "/dashboard", ACCEPT_EN);
	assert_contains(r->body, "<html lang=\"de\"");
	http_response_free(r);
	http_client_free(c);
}

static void password_change_ends_other_sessions(void **state)
{
	(void)state;
	struct http_client *a = client_logged_in(&srv, "schulz");
	struct http_client *b = client_logged_in(&srv, "schulz");
	char csrf[128], body[512], before[256], after[256];
	assert_true(http_cookie(a, "sw_session", before, sizeof before));
	fetch_csrf(a, "/settings", csrf, sizeof csrf);
	char old[256];
	url_encode_to(srv.password, old, sizeof old);

	/* a wrong current password changes nothing */
	snprintf(body, sizeof body,
		 "current_password=not-it&new_password=Neue+Laterne+am+Kanal&new_password_repeat=Neue+Laterne+am+Kanal&csrf=%s",
		 csrf);
	struct http_response *r = http_post_form(a, "/settings/password", body, NULL);
	assert_status(r, 422);
	assert_valid_html(r->body);
	assert_contains(r->body, "id=\"f-current_password-err\"");
	http_response_free(r);
	r = http_get(b, "/dashboard", NULL);
	assert_status(r, 200);
	http_response_free(r);

	/* a common new password is refused */
	snprintf(body, sizeof body,
		 "current_password=%s&new_password=1qaz2wsx3edc&new_password_repeat=1qaz2wsx3edc&csrf=%s", old, csrf);
	r = http_post_form(a, "/settings/password", body, NULL);
	assert_status(r, 422); /* R-X-2 */
	assert_contains(r->body, "id=\"f-new_password-err\"");
	http_response_free(r);

	snprintf(body, sizeof body,
		 "current_password=%s&new_password=Neue+Laterne+am+Kanal&new_password_repeat=Neue+Laterne+am+Kanal&csrf=%s",
		 old, csrf);
	r = http_post_form(a, "/settings/password", body, NULL);
	assert_status(r, 303);
	char loc[128];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, "/settings?done=password");
	http_response_free(r);

	/* R-X-2: this browser continues with a new session id, the other one is out */
	assert_true(http_cookie(a, "sw_session", after, sizeof after));
	assert_string_not_equal(before, after);
	r = http_get(a, "/dashboard", NULL);
	assert_status(r, 200);
	http_response_free(r);
	r = http_get(b, "/dashboard", NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(a);
	http_client_free(b);

	struct http_client *c = http_client_new(&srv);
	assert_int_equal(http_login(c, "schulz", srv.password, NULL), 401);
	assert_int_equal(http_login(c, "schulz", "Neue Laterne am Kanal", NULL), 303);
	http_client_free(c);
}

static void forwarded_headers_only_behind_a_proxy(void **state)
{
	(void)state;
	const char *const via_proxy[] = { "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.7, 198.51.100.9", NULL };
	/* this server is not behind a proxy: the headers are ignored */
	struct http_client *c = http_client_new(&srv);
	char csrf[128], cookie[512];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	struct http_response *r = post_login(c, csrf, "brandt", srv.password, NULL, via_proxy);
	assert_status(r, 303);
	assert_true(http_set_cookie(r, "sw_session", cookie, sizeof cookie));
	assert_not_contains(cookie, "Secure"); /* R-X-2: a forged header does not change it */
	http_response_free(r);
	http_client_free(c);

	/* a server started with --behind-proxy believes its proxy */
	struct server proxied;
	const char *const extra[] = { "--behind-proxy", NULL };
	server_start(&proxied, extra);
	c = http_client_new(&proxied);
	r = http_get(c, "/login", via_proxy);
	bool csrf_found = html_csrf(r->body, csrf, sizeof csrf);
	bool csrf_secure = http_set_cookie(r, "sw_csrf", cookie, sizeof cookie) && strstr(cookie, "; Secure");
	http_response_free(r);
	/* curl keeps Secure cookies away from http://, so send the token by hand */
	char header[256], body[512], pw[200];
	snprintf(header, sizeof header, "Cookie: sw_csrf=%s", csrf);
	const char *const with_cookie[] = { via_proxy[0], via_proxy[1], header, NULL };
	url_encode_to(proxied.password, pw, sizeof pw);
	snprintf(body, sizeof body, "username=admin&password=%s&csrf=%s", pw, csrf);
	r = http_post_form(c, "/login", body, with_cookie);
	long status = r->status;
	bool session_secure = http_set_cookie(r, "sw_session", cookie, sizeof cookie) && strstr(cookie, "; Secure");
	http_response_free(r);
	http_client_free(c);
	struct http_client *admin = client_logged_in(&proxied, "admin");
	r = http_get(admin, "/api/v1/audit?limit=500", NULL);
	json_t *j = http_json(r);
	http_response_free(r);
	http_client_free(admin);
	bool audited_ip = false;
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(j, "entries"), i, e) {
		const char *ip = json_string_value(json_object_get(e, "ip"));
		const char *action = json_string_value(json_object_get(e, "action"));
		if (ip && action && strcmp(action, "login") == 0 && strcmp(ip, "198.51.100.9") == 0)
			audited_ip = true;
	}
	json_decref(j);
	server_stop(&proxied);
	assert_true(csrf_found);
	assert_int_equal(status, 303);
	assert_true(csrf_secure);    /* R-X-2: https at the proxy → Secure cookies */
	assert_true(session_secure);
	assert_true(audited_ip);     /* R-X-4: the address the proxy saw, its last entry */
}

static void login_rate_limit_per_ip(void **state)
{
	(void)state;
	/* an admin session from before the flood, to read the audit log after it */
	struct http_client *admin = client_logged_in(&srv, "admin");
	struct http_client *c = http_client_new(&srv);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	long status = 0;
	int attempts = 0;
	/* Failures for ever new names, each claiming another client address,
	 * which a server not behind a proxy must ignore. */
	for (; attempts < 30 && status != 429; attempts++) {
		char user[32], xff[64];
		snprintf(user, sizeof user, "ghost%d", attempts);
		snprintf(xff, sizeof xff, "X-Forwarded-For: 10.9.8.%d", attempts + 1);
		const char *const headers[] = { xff, NULL };
		struct http_response *r = post_login(c, csrf, user, "wrong-wrong-wrong", NULL, headers);
		status = r->status;
		http_response_free(r);
		assert_true(status == 401 || status == 429);
	}
	assert_int_equal(status, 429); /* R-X-2: blocked per address */
	assert_true(attempts <= 21);
	/* now even the right password of an unblocked account waits */
	struct http_response *r = post_login(c, csrf, "weber", srv.password, NULL, NULL);
	assert_status(r, 429);
	char retry[32];
	assert_true(http_header(r, "Retry-After", retry, sizeof retry));
	assert_true(strtol(retry, NULL, 10) >= 1);
	http_response_free(r);
	http_client_free(c);

	/* existing sessions are not affected; the block is audited (R-X-4) */
	r = http_get(admin, "/api/v1/audit?limit=500", NULL);
	assert_status(r, 200);
	json_t *j = http_json(r);
	http_response_free(r);
	http_client_free(admin);
	json_t *entries = json_object_get(j, "entries");
	assert_true(count_audit(entries, "login_blocked_ip", "weber") >= 1);
	json_decref(j);
}

static void log_has_no_secrets(void **state)
{
	(void)state;
	char *log = server_log(&srv);
	assert_contains(log, "POST /login 303"); /* it is the access log */
	assert_not_contains(log, srv.password);   /* R-X-2 */
	assert_not_contains(log, "Neue Laterne");
	assert_not_contains(log, "wrong-wrong-wrong");
	assert_not_contains(log, "sw_session=");
	free(log);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(root_redirects_to_login),
		cmocka_unit_test(login_page_is_german_and_valid),
		cmocka_unit_test(wrong_password_is_refused),
		cmocka_unit_test(right_password_starts_a_session),
		cmocka_unit_test(dashboard_has_navigation),
		cmocka_unit_test(security_headers_on_every_response),
		cmocka_unit_test(session_id_rotates_on_login),
		cmocka_unit_test(logout_ends_the_session),
		cmocka_unit_test(post_without_csrf_is_forbidden),
		cmocka_unit_test(login_without_csrf_is_forbidden),
		cmocka_unit_test(login_next_stays_local),
		cmocka_unit_test(login_rate_limit_per_account),
		cmocka_unit_test(accept_language_chooses_the_language),
		cmocka_unit_test(language_switch_sets_a_cookie),
		cmocka_unit_test(stored_language_wins_after_login),
		cmocka_unit_test(password_change_ends_other_sessions),
		cmocka_unit_test(forwarded_headers_only_behind_a_proxy),
		/* last: blocks every new login from this address */
		cmocka_unit_test(login_rate_limit_per_ip),
		cmocka_unit_test(log_has_no_secrets),
	};
	int failed = cmocka_run_group_tests_name("web/auth", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
