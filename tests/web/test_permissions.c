/*
 * test_permissions.c — black-box tests of roles and API authentication
 * (R-X-2): what interviewers, recruiters and admins may see, the JSON
 * API's 401/403 problems, and Bearer tokens made and revoked with the CLI
 * while the server runs (R-X-1).
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

/* A 403 page inside the normal layout, for a logged-in user. */
static void assert_forbidden_page(const struct http_response *r)
{
	assert_status(r, 403);
	assert_valid_html(r->body);
	assert_contains(r->body, "<section class=\"error-page\"><p class=\"error-code\">403</p>");
	assert_contains(r->body, "<header class=\"topbar\">"); /* in the layout, still logged in */
	assert_contains(r->body, "href=\"/dashboard\"");
	assert_security_headers(r);
}

static struct http_response *get_with_bearer(const char *path, const char *token)
{
	struct http_client *c = http_client_new(&srv);
	char header[256];
	snprintf(header, sizeof header, "Authorization: Bearer %s", token);
	const char *const headers[] = { header, "Accept-Language: en", NULL };
	struct http_response *r = http_get(c, path, headers);
	http_client_free(c);
	return r;
}

/* The audit entry (as admin sees it via the API) for entity/id/action, or
 * NULL; the caller decrefs *all. */
static json_t *find_audit(const char *entity, long long id, const char *action, json_t **all)
{
	struct http_client *admin = client_logged_in(&srv, "admin");
	struct http_response *r = http_get(admin, "/api/v1/audit?limit=500", NULL);
	assert_status(r, 200);
	*all = http_json(r);
	http_response_free(r);
	http_client_free(admin);
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(*all, "entries"), i, e) {
		const char *en = json_string_value(json_object_get(e, "entity"));
		const char *ac = json_string_value(json_object_get(e, "action"));
		if (en && ac && strcmp(en, entity) == 0 && strcmp(ac, action) == 0 &&
		    json_integer_value(json_object_get(e, "entity_id")) == id)
			return e;
	}
	return NULL;
}

/* ---- tests ------------------------------------------------------------------------- */

static void interviewer_cannot_manage_users(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	struct http_response *r = http_get(c, "/settings/users", NULL);
	assert_forbidden_page(r); /* R-X-2 */
	assert_not_contains(r->body, "weber"); /* no user list leaks into the error page */
	http_response_free(r);

	r = http_get(c, "/settings/audit", NULL);
	assert_forbidden_page(r);
	http_response_free(r);

	/* a forged POST with a valid token is refused by role and creates nothing */
	char csrf[128], body[256];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(body, sizeof body, "name=sneaky&display_name=Sneaky&role=admin&password=&csrf=%s", csrf);
	r = http_post_form(c, "/settings/users", body, NULL);
	assert_forbidden_page(r);
	http_response_free(r);
	http_client_free(c);

	struct http_client *admin = client_logged_in(&srv, "admin");
	r = http_get(admin, "/api/v1/users", NULL);
	assert_status(r, 200);
	assert_not_contains(r->body, "sneaky");
	http_response_free(r);
	http_client_free(admin);
}

static void interviewer_cannot_see_positions(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	struct http_response *r = http_get(c, "/positions", NULL);
	assert_forbidden_page(r); /* R-X-2 */
	http_response_free(r);
	/* issue 5: until step 5 assigns candidates to interviewers, they open none */
	r = http_get(c, "/candidates", NULL);
	assert_forbidden_page(r);
	http_response_free(r);

	/* ... and is not offered the links */
	r = http_get(c, "/dashboard", NULL);
	assert_status(r, 200);
	assert_not_contains(r->body, "href=\"/positions\"");
	assert_contains(r->body, "href=\"/interviews\"");
	assert_not_contains(r->body, "href=\"/settings/users\"");
	assert_not_contains(r->body, "href=\"/candidates\"");
	http_response_free(r);

	/* the pages the role does have */
	static const char *const allowed[] = { "/dashboard", "/interviews", "/settings", "/settings/tokens" };
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		r = http_get(c, allowed[i], NULL);
		if (r->status != 200)
			print_error("GET %s\n", allowed[i]);
		assert_status(r, 200);
		assert_valid_html(r->body);
		http_response_free(r);
	}
	http_client_free(c);
}

static void admin_manages_users(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = http_get(c, "/settings/users", NULL);
	assert_status(r, 200); /* R-X-2 */
	assert_valid_html(r->body);
	static const char *const demo_users[] = { "weber", "brandt", "hoffmann", "schulz", "yilmaz" };
	char cell[64];
	for (size_t i = 0; i < sizeof demo_users / sizeof demo_users[0]; i++) {
		snprintf(cell, sizeof cell, "<tr><td>%s</td>", demo_users[i]);
		assert_contains(r->body, cell);
	}
	assert_contains(r->body, "action=\"/settings/users\"");
	http_response_free(r);

	r = http_get(c, "/settings/audit", NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	assert_contains(r->body, "<table class=\"data\">");
	http_response_free(r);
	http_client_free(c);
}

static void recruiter_cannot_see_the_audit_log(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "weber");
	struct http_response *r = http_get(c, "/settings/audit", NULL);
	assert_forbidden_page(r); /* R-X-2, R-X-4: the audit log is for admins */
	http_response_free(r);
	r = http_get(c, "/api/v1/audit", NULL);
	json_t *p = assert_problem(r, 403);
	json_decref(p);
	http_response_free(r);
	/* but positions are part of the recruiter's work */
	r = http_get(c, "/positions", NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	http_response_free(r);
	r = http_get(c, "/settings", NULL);
	assert_status(r, 200);
	assert_not_contains(r->body, "href=\"/settings/audit\"");
	http_response_free(r);
	http_client_free(c);
}

static void api_refuses_without_permission(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	struct http_response *r = http_get(c, "/api/v1/users", NULL);
	json_t *p = assert_problem(r, 403); /* R-X-2 */
	assert_null(json_object_get(p, "users"));
	assert_not_contains(r->body, "weber");
	json_decref(p);
	http_response_free(r);

	/* the interviewer may read their own record */
	r = http_get(c, "/api/v1/me", NULL);
	assert_status(r, 200);
	json_t *me = http_json(r);
	assert_string_equal(json_string_value(json_object_get(me, "name")), "hoffmann");
	assert_string_equal(json_string_value(json_object_get(me, "role")), "interviewer");
	assert_string_equal(json_string_value(json_object_get(me, "auth")), "session");
	assert_null(json_object_get(me, "password_hash"));
	assert_not_contains(r->body, "argon2");
	json_decref(me);
	http_response_free(r);
	http_client_free(c);
}

static void api_needs_login(void **state)
{
	(void)state;
	struct http_client *c = http_client_new(&srv);
	static const char *const paths[] = { "/api/v1/users", "/api/v1/me", "/api/v1/audit" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct http_response *r = http_get(c, paths[i], NULL);
		json_t *p = assert_problem(r, 401); /* R-X-2: JSON, not a redirect to the login page */
		assert_contains(r->body, "\"status\":401");
		char www[64];
		assert_true(http_header(r, "WWW-Authenticate", www, sizeof www));
		assert_string_equal(www, "Bearer");
		json_decref(p);
		http_response_free(r);
	}
	struct http_response *r = http_post_json(c, "/api/v1/users", "{\"name\":\"anon\",\"role\":\"admin\"}", NULL);
	json_t *p = assert_problem(r, 401);
	json_decref(p);
	http_response_free(r);
	http_client_free(c);
}

static void bearer_token_from_the_cli(void **state)
{
	(void)state;
	char token[128];
	long id;
	cli_token_create(&srv, "admin", "web test", token, sizeof token, &id); /* R-X-1: CLI next to the running server */
	assert_true(strncmp(token, "sw_", 3) == 0);

	struct http_response *r = get_with_bearer("/api/v1/me", token);
	assert_status(r, 200); /* R-X-2 */
	char ct[128], cookie[256];
	assert_true(http_header(r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "application/json");
	assert_false(http_header(r, "Set-Cookie", cookie, sizeof cookie)); /* tokens get no session */
	json_t *me = http_json(r);
	assert_string_equal(json_string_value(json_object_get(me, "name")), "admin");
	assert_string_equal(json_string_value(json_object_get(me, "role")), "admin");
	assert_string_equal(json_string_value(json_object_get(me, "auth")), "token");
	json_decref(me);
	http_response_free(r);

	r = get_with_bearer("/api/v1/users", token);
	assert_status(r, 200);
	json_t *users = http_json(r);
	assert_true(json_array_size(json_object_get(users, "users")) >= 6);
	json_decref(users);
	http_response_free(r);

	/* the token's use is in the web list of tokens */
	struct http_client *admin = client_logged_in(&srv, "admin");
	r = http_get(admin, "/settings/tokens", NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	char prefix[16];
	snprintf(prefix, sizeof prefix, "%.8s", token);
	assert_contains(r->body, prefix);
	assert_not_contains(r->body, token); /* the whole token is never shown again */
	assert_contains(r->body, "web test");
	http_response_free(r);
	http_client_free(admin);

	/* R-X-2: revoked with the CLI → refused at once */
	struct cmd_result res;
	char idtext[32];
	snprintf(idtext, sizeof idtext, "%ld", id);
	const char *args[] = { "token", "revoke", idtext, "--data", srv.data, NULL };
	cmd_run(&res, args, NULL, NULL);
	if (res.status != 0)
		fail_msg("token revoke exited %d:\n%s%s", res.status, res.out, res.err);
	cmd_result_free(&res);
	r = get_with_bearer("/api/v1/me", token);
	json_t *p = assert_problem(r, 401);
	assert_contains(r->body, "revoked");
	json_decref(p);
	http_response_free(r);

	/* R-X-4: creation and revocation are audited, by the command line */
	json_t *all;
	json_t *e = find_audit("token", id, "create", &all);
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "actor")), "cli");
	json_decref(all);
	e = find_audit("token", id, "revoke", &all);
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "actor")), "cli");
	char *dump = json_dumps(all, 0);
	assert_not_contains(dump, token); /* the token itself is never logged */
	free(dump);
	json_decref(all);
}

static void wrong_bearer_token_is_refused(void **state)
{
	(void)state;
	static const char *const tokens[] = {
		"sw_thisTokenWasNeverIssuedByTheServerAtAll0123456",
		"sw_",
		"not-even-the-right-prefix",
	};
	for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++) {
		struct http_response *r = get_with_bearer("/api/v1/me", tokens[i]);
		json_t *p = assert_problem(r, 401); /* R-X-2 */
		json_decref(p);
		http_response_free(r);
	}
	/* a bad token on a web page is refused too, not silently ignored */
	struct http_response *r = get_with_bearer("/dashboard", tokens[0]);
	assert_status(r, 401);
	assert_valid_html(r->body);
	http_response_free(r);
}

static void interviewer_token_has_interviewer_rights(void **state)
{
	(void)state;
	char token[128];
	long id;
	cli_token_create(&srv, "schulz", "web test", token, sizeof token, &id);
	struct http_response *r = get_with_bearer("/api/v1/users", token);
	json_t *p = assert_problem(r, 403); /* R-X-2: a token carries its user's role, no more */
	json_decref(p);
	http_response_free(r);

	struct http_client *c = http_client_new(&srv);
	char header[256];
	snprintf(header, sizeof header, "Authorization: Bearer %s", token);
	const char *const headers[] = { header, NULL };
	r = http_post_json(c, "/api/v1/users", "{\"name\":\"escalate\",\"role\":\"admin\"}", headers);
	p = assert_problem(r, 403);
	json_decref(p);
	http_response_free(r);
	http_client_free(c);
}

static void disabled_user_loses_session_and_token(void **state)
{
	(void)state;
	struct http_client *victim = client_logged_in(&srv, "yilmaz");
	char token[128];
	long token_id;
	cli_token_create(&srv, "yilmaz", "web test", token, sizeof token, &token_id);
	struct http_response *r = http_get(victim, "/dashboard", NULL);
	assert_status(r, 200);
	http_response_free(r);

	/* the admin disables yilmaz in the web interface */
	struct http_client *admin = client_logged_in(&srv, "admin");
	r = http_get(admin, "/api/v1/users", NULL);
	json_t *list = http_json(r);
	http_response_free(r);
	long long uid = 0;
	size_t i;
	json_t *u;
	json_array_foreach(json_object_get(list, "users"), i, u)
		if (strcmp(json_string_value(json_object_get(u, "name")), "yilmaz") == 0)
			uid = json_integer_value(json_object_get(u, "id"));
	json_decref(list);
	assert_true(uid > 0);
	char csrf[128], path[64], body[256];
	fetch_csrf(admin, "/settings/users", csrf, sizeof csrf);
	snprintf(path, sizeof path, "/settings/users/%lld/disable", uid);
	snprintf(body, sizeof body, "csrf=%s", csrf);
	r = http_post_form(admin, path, body, NULL);
	assert_status(r, 303);
	http_response_free(r);

	/* R-X-4: who disabled whom */
	json_t *all;
	json_t *e = find_audit("user", uid, "disable", &all);
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "actor")), "admin");
	assert_string_equal(json_string_value(json_object_get(e, "ip")), "127.0.0.1");
	json_t *change = json_object_get(json_object_get(e, "changes"), "disabled");
	assert_true(json_is_false(json_array_get(change, 0)) && json_is_true(json_array_get(change, 1)));
	json_decref(all);

	/* R-X-2: the running session and the token stop working at once */
	r = http_get(victim, "/dashboard", NULL);
	assert_status(r, 303);
	http_response_free(r);
	r = get_with_bearer("/api/v1/me", token);
	json_t *p = assert_problem(r, 401);
	json_decref(p);
	http_response_free(r);
	/* and the password no longer logs in */
	struct http_client *again = http_client_new(&srv);
	assert_int_equal(http_login(again, "yilmaz", srv.password, NULL), 401);
	http_client_free(again);
	http_client_free(victim);

	/* the admin cannot disable themself (and so not the last admin) */
	r = http_get(admin, "/api/v1/me", NULL);
	json_t *me = http_json(r);
	http_response_free(r);
	snprintf(path, sizeof path, "/settings/users/%lld/disable", (long long)json_integer_value(json_object_get(me, "id")));
	json_decref(me);
	r = http_post_form(admin, path, body, NULL);
	assert_status(r, 409);
	assert_valid_html(r->body);
	http_response_free(r);
	r = http_get(admin, "/dashboard", NULL);
	assert_status(r, 200);
	http_response_free(r);
	http_client_free(admin);
}

static void web_tokens_belong_to_their_user(void **state)
{
	(void)state;
	/* weber makes a token in the web interface; it is shown once */
	struct http_client *weber = client_logged_in(&srv, "weber");
	char csrf[128], body[256];
	fetch_csrf(weber, "/settings/tokens", csrf, sizeof csrf);
	snprintf(body, sizeof body, "label=Karriereseite&csrf=%s", csrf);
	struct http_response *r = http_post_form(weber, "/settings/tokens", body, NULL);
	assert_status(r, 200);
	assert_valid_html(r->body);
	const char *code = strstr(r->body, "<code id=\"new-token\">");
	assert_non_null(code);
	code += strlen("<code id=\"new-token\">");
	char token[128];
	snprintf(token, sizeof token, "%.*s", (int)strcspn(code, "<"), code);
	assert_true(strncmp(token, "sw_", 3) == 0 && strlen(token) > 20);
	const char *action = strstr(r->body, "action=\"/settings/tokens/");
	assert_non_null(action);
	long id = strtol(action + strlen("action=\"/settings/tokens/"), NULL, 10);
	assert_true(id > 0);
	http_response_free(r);
	r = http_get(weber, "/settings/tokens", NULL);
	assert_not_contains(r->body, token); /* never shown again */
	http_response_free(r);

	/* hoffmann cannot see or revoke it */
	struct http_client *hoff = client_logged_in(&srv, "hoffmann");
	r = http_get(hoff, "/settings/tokens", NULL);
	assert_status(r, 200);
	assert_not_contains(r->body, "Karriereseite");
	http_response_free(r);
	char path[64];
	snprintf(path, sizeof path, "/settings/tokens/%ld/revoke", id);
	fetch_csrf(hoff, "/settings/tokens", csrf, sizeof csrf);
	snprintf(body, sizeof body, "csrf=%s", csrf);
	r = http_post_form(hoff, path, body, NULL);
	assert_status(r, 404); /* R-X-2: not even its existence is confirmed */
	http_response_free(r);
	http_client_free(hoff);
	r = get_with_bearer("/api/v1/me", token);
	assert_status(r, 200);
	assert_contains(r->body, "\"name\":\"weber\"");
	http_response_free(r);

	/* weber revokes it */
	fetch_csrf(weber, "/settings/tokens", csrf, sizeof csrf);
	snprintf(body, sizeof body, "csrf=%s", csrf);
	r = http_post_form(weber, path, body, NULL);
	assert_status(r, 303);
	http_response_free(r);
	http_client_free(weber);
	r = get_with_bearer("/api/v1/me", token);
	json_t *p = assert_problem(r, 401);
	json_decref(p);
	http_response_free(r);
}

static void log_has_no_tokens(void **state)
{
	(void)state;
	char *log = server_log(&srv);
	assert_contains(log, "GET /api/v1/me 200"); /* it is the access log */
	assert_not_contains(log, "sw_");           /* R-X-2: no API tokens */
	assert_not_contains(log, srv.password);
	free(log);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interviewer_cannot_manage_users),
		cmocka_unit_test(interviewer_cannot_see_positions),
		cmocka_unit_test(admin_manages_users),
		cmocka_unit_test(recruiter_cannot_see_the_audit_log),
		cmocka_unit_test(api_refuses_without_permission),
		cmocka_unit_test(api_needs_login),
		cmocka_unit_test(bearer_token_from_the_cli),
		cmocka_unit_test(wrong_bearer_token_is_refused),
		cmocka_unit_test(interviewer_token_has_interviewer_rights),
		cmocka_unit_test(disabled_user_loses_session_and_token),
		cmocka_unit_test(web_tokens_belong_to_their_user),
		cmocka_unit_test(log_has_no_tokens),
	};
	int failed = cmocka_run_group_tests_name("web/permissions", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
