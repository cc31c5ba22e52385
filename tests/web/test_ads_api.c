/*
 * test_ads_api.c — black-box tests of the job-ad API against the real
 * server with the demo data: the linter endpoint POST /api/v1/lint (R-AD-2,
 * the same JSON as `stellwerk lint-ad --format json`), a position's ad read
 * and written through GET/PUT /api/v1/positions/{id}/ad with its findings
 * and the edited flag (R-AD-1, R-AD-4), the JobPosting JSON-LD
 * (GET …/ad.jsonld, R-AD-4), bad input answered 422 naming the member with
 * nothing stored (R-X-6), and the permissions per role (R-X-2).
 *
 * Requests carry Bearer tokens made with `stellwerk token create`.
 * Spec ids: R-AD-1, R-AD-2, R-AD-3, R-AD-4, R-X-2, R-X-6.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KAM_TITLE "Key Account Manager Industriekunden"
#define BDM_TITLE "Business Development Manager Skandinavien"
#define HOE_TITLE "Head of Engineering"
#define KAM_SLUG "key-account-manager-industriekunden"

static struct server srv;

/* API tokens of the demo users: admin, weber (recruiter), brandt (hiring
 * manager), hoffmann (interviewer) */
static char tok_admin[128], tok_weber[128], tok_brandt[128], tok_hoffmann[128];
/* demo position ids, looked up by title */
static long long pos_kam, pos_bdm, pos_hoe;

/* ---- helpers ------------------------------------------------------------------------------ */

static long long position_id(json_t *list, const char *title)
{
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(list, "positions"), i, p)
		if (strcmp(json_string_value(json_object_get(p, "title")), title) == 0)
			return json_integer_value(json_object_get(p, "id"));
	fail_msg("no demo position %s", title);
	return 0;
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "ads api test", tok_admin, sizeof tok_admin, NULL);
	cli_token_create(&srv, "weber", "ads api test", tok_weber, sizeof tok_weber, NULL);
	cli_token_create(&srv, "brandt", "ads api test", tok_brandt, sizeof tok_brandt, NULL);
	cli_token_create(&srv, "hoffmann", "ads api test", tok_hoffmann, sizeof tok_hoffmann, NULL);
	json_t *list = api_call_json(&srv, tok_admin, "GET", "/api/v1/positions", NULL, 200);
	pos_kam = position_id(list, KAM_TITLE);
	pos_bdm = position_id(list, BDM_TITLE);
	pos_hoe = position_id(list, HOE_TITLE);
	json_decref(list);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* The path of the ad of position id (static: copy it to keep it). */
static const char *ad_path(long long id, const char *suffix)
{
	static char path[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/ad%s", id, suffix);
	return path;
}

/* How many findings of lint result j have a rule starting with prefix. */
static size_t count_rule(json_t *j, const char *prefix)
{
	size_t i, n = 0;
	json_t *f;
	json_array_foreach(json_object_get(j, "findings"), i, f)
		n += strncmp(json_string_value(json_object_get(f, "rule")), prefix, strlen(prefix)) == 0;
	return n;
}

static json_t *lint(const char *token, const char *body, long status)
{
	return api_call_json(&srv, token, "POST", "/api/v1/lint", body, status);
}

/* ---- POST /api/v1/lint -------------------------------------------------------------------------- */

/* R-AD-2: the findings of a poor ad, each with its place; the result has
 * the shape of the CLI's JSON for one file, without "file". */
static void test_lint_findings(void **state)
{
	(void)state;
	json_t *j = lint(tok_weber,
			 "{\"text\":\"Vertriebsmitarbeiter gesucht\\n\\nWir sind ein junges Team in einem dynamischen "
			 "Umfeld und bieten spannende Herausforderungen. Deutsch als Muttersprachler ist Pflicht.\","
			 "\"lang\":\"de\"}",
			 200);
	assert_string_equal(json_string_value(json_object_get(j, "lang")), "de");
	assert_null(json_object_get(j, "file"));
	assert_true(json_is_integer(json_object_get(j, "score")));
	assert_true(json_integer_value(json_object_get(j, "score")) < 50);
	assert_true(json_string_length(json_object_get(j, "summary")) > 0);
	assert_true(json_is_number(json_object_get(j, "readability")));
	assert_int_equal(count_rule(j, "agg.title_gender"), 1);
	assert_true(count_rule(j, "cliche.") >= 2);
	assert_int_equal(count_rule(j, "agg.young_team"), 1);
	assert_int_equal(count_rule(j, "agg.native_speaker"), 1);
	assert_int_equal(count_rule(j, "pay.no_range"), 1);   /* no position, no salary in the text */
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(j, "findings"), i, f) {
		const char *rule = json_string_value(json_object_get(f, "rule"));
		const char *sev = json_string_value(json_object_get(f, "severity"));
		assert_true(strcmp(sev, "error") == 0 || strcmp(sev, "warning") == 0 || strcmp(sev, "hint") == 0);
		assert_true(json_integer_value(json_object_get(f, "line")) >= 1);
		assert_true(json_integer_value(json_object_get(f, "column")) >= 1);
		assert_true(json_integer_value(json_object_get(f, "end_line")) >= 1);
		assert_true(json_integer_value(json_object_get(f, "end_column")) >= 1);
		assert_true(json_string_length(json_object_get(f, "message")) > 0);
		assert_true(json_is_string(json_object_get(f, "suggestion")));
		assert_true(json_is_string(json_object_get(f, "replacement")));
		if (strcmp(rule, "agg.young_team") == 0) {
			assert_int_equal(json_integer_value(json_object_get(f, "line")), 3);
			assert_int_equal(json_integer_value(json_object_get(f, "column")), 14);
		}
	}
	json_decref(j);

	/* "auto" (the default) detects English; messages follow Accept-Language */
	j = lint(tok_weber,
		 "{\"text\":\"Sales Manager\\n\\nWe are looking for a rockstar ninja to join our young and dynamic "
		 "team. You will work with our customers and the team.\"}",
		 200);
	assert_string_equal(json_string_value(json_object_get(j, "lang")), "en");
	assert_true(json_array_size(json_object_get(j, "findings")) > 0);
	json_decref(j);
}

/* R-AD-3: the API answers with the same JSON as `stellwerk lint-ad
 * --format json` for the same text (apart from "file"). */
static void test_lint_same_as_cli(void **state)
{
	(void)state;
	static const char text[] = "Key Account Manager\n\nSie betreuen unsere Kunden in einem dynamischen Umfeld.\n"
				   "- Betreuung von Schlüsselkunden\n- Neukundenakquise\n";
	struct cmd_result res;
	const char *args[] = { "lint-ad", "--format", "json", "--lang", "de", "-", NULL };
	cmd_run(&res, args, NULL, text);   /* LC_ALL=C.UTF-8: English messages */
	json_error_t err;
	json_t *cli = json_loads(res.out, 0, &err);
	if (!cli)
		fail_msg("lint-ad output is not JSON: %s\n%s", err.text, res.out);
	cmd_result_free(&res);
	assert_string_equal(json_string_value(json_object_get(cli, "file")), "<stdin>");
	json_object_del(cli, "file");

	json_t *body = json_pack("{s:s, s:s}", "text", text, "lang", "de");
	char *b = json_dumps(body, JSON_COMPACT);
	json_t *api = lint(tok_admin, b, 200);   /* admin has no language set: Accept-Language en */
	free(b);
	json_decref(body);
	if (!json_equal(cli, api)) {
		char *c = json_dumps(cli, JSON_INDENT(1)), *a = json_dumps(api, JSON_INDENT(1));
		fail_msg("CLI and API differ:\nCLI %s\nAPI %s", c, a);
	}
	json_decref(cli);
	json_decref(api);
}

/* R-AD-2: with a position the context comes from it: a stored salary band
 * means no pay.no_range finding. */
static void test_lint_position_context(void **state)
{
	(void)state;
	char body[512];
	const char *text = "Key Account Manager (m/w/d)\\n\\nSie betreuen 15 Bestandskunden in Hamburg.";
	snprintf(body, sizeof body, "{\"text\":\"%s\",\"lang\":\"de\"}", text);
	json_t *j = lint(tok_weber, body, 200);
	assert_int_equal(count_rule(j, "pay.no_range"), 1);
	json_decref(j);
	snprintf(body, sizeof body, "{\"text\":\"%s\",\"lang\":\"de\",\"position_id\":%lld}", text, pos_kam);
	j = lint(tok_weber, body, 200);
	assert_int_equal(count_rule(j, "pay.no_range"), 0);
	json_decref(j);
}

/* R-X-6: bad lint requests name the member. */
static void test_lint_bad_input(void **state)
{
	(void)state;
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{}", 422, "#/text");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{\"lang\":\"de\"}", 422, "#/text");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{\"text\":42}", 422, "#/text");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{\"text\":\"Hallo\",\"lang\":\"fr\"}", 422,
			   "#/lang");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{\"text\":\"Hallo\",\"position_id\":999999}", 422,
			   "#/position_id");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{\"text\":\"Hallo\",\"position_id\":\"1\"}", 422,
			   "#/position_id");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "[\"text\"]", 400, NULL);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/lint", "{\"text\":", 400, NULL);

	/* a byte that is not UTF-8 in the text: 422 naming #/text and where */
	static const char bad[] = "{\"lang\":\"de\",\"text\":\"Zeile eins\\nZweite \xC3\x28 Zeile\"}";
	const char *detail = api_expect_problem_raw(&srv, tok_admin, "POST", "/api/v1/lint", bad, sizeof bad - 1, 422,
						    "#/text");
	assert_contains(detail, "line 2, column 8");
	/* a NUL character: the linter names its place */
	detail = api_expect_problem(&srv, tok_admin, "POST", "/api/v1/lint", "{\"text\":\"ab\\u0000c\"}", 422,
				    "#/text");
	assert_contains(detail, "column 3");

	/* not JSON at all */
	struct http_client *c = http_client_new(&srv);
	char auth[256];
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", tok_weber);
	const char *const headers[] = { auth, "Content-Type: text/plain", NULL };
	struct http_response *r = http_request(c, "POST", "/api/v1/lint", headers, "Hallo", 5);
	json_decref(assert_problem(r, 415));
	http_response_free(r);
	http_client_free(c);
}

/* The documented limits: a text up to 1 MiB is linted (the request body
 * may not exceed 1 MiB either); a larger body is refused with 413. */
static void test_lint_size_limits(void **state)
{
	(void)state;
	static const char line[] = "- Betreuung von 20 Bestandskunden in Hamburg und Bremen.\\n";
	size_t max = 1024 * 1024, n = 0;
	char *body = malloc(max + 64);
	assert_non_null(body);

	/* just under the limit: 200 */
	n = (size_t)sprintf(body, "{\"lang\":\"de\",\"text\":\"Vertrieb (m/w/d)\\n");
	while (n + sizeof line + 4 < max - 64) {
		memcpy(body + n, line, sizeof line - 1);
		n += sizeof line - 1;
	}
	n += (size_t)sprintf(body + n, "\"}");
	json_t *j = api_call_json(&srv, tok_weber, "POST", "/api/v1/lint", body, 200);
	assert_string_equal(json_string_value(json_object_get(j, "lang")), "de");
	json_decref(j);

	/* over it: 413, and the server keeps serving */
	n -= 2;
	while (n < max + 16) {
		memcpy(body + n, line, sizeof line - 1);
		n += sizeof line - 1;
	}
	n += (size_t)sprintf(body + n, "\"}");
	struct http_response *r = api_call_raw(&srv, tok_weber, "POST", "/api/v1/lint", body, n, "en");
	assert_int_equal(r->status, 413);
	http_response_free(r);
	free(body);
	j = lint(tok_weber, "{\"text\":\"Hallo Welt\"}", 200);
	json_decref(j);
}

/* ---- the ad of a position ------------------------------------------------------------------------ */

/* R-AD-1, R-AD-2, R-AD-4: the demo's published KAM ad with its findings;
 * the BDM draft full of findings; none yet for the client search. */
static void test_ad_get(void **state)
{
	(void)state;
	json_t *j = api_call_json(&srv, tok_brandt, "GET", ad_path(pos_kam, ""), NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(j, "position_id")), pos_kam);
	assert_string_equal(json_string_value(json_object_get(j, "lang")), "de");
	assert_contains(json_string_value(json_object_get(j, "title")), "(m/w/d)");
	json_t *sections = json_object_get(j, "sections");
	const char *keys[] = { "intro", "tasks", "must", "nice", "offer", "culture", "process" };
	for (size_t i = 0; i < 7; i++)
		assert_true(json_string_length(json_object_get(sections, keys[i])) > 0);
	assert_int_equal(json_object_size(sections), 7);
	assert_contains(json_string_value(json_object_get(j, "salary_text")), "€");
	assert_int_equal(json_integer_value(json_object_get(j, "generated_from_version")), 1);
	assert_true(json_is_true(json_object_get(j, "edited")));
	assert_true(json_is_true(json_object_get(j, "published")));
	assert_string_equal(json_string_value(json_object_get(j, "slug")), KAM_SLUG);
	assert_int_equal(json_string_length(json_object_get(j, "date_posted")), 10);
	assert_int_equal(json_string_length(json_object_get(j, "valid_through")), 10);
	json_t *l = json_object_get(j, "lint");
	assert_true(json_integer_value(json_object_get(l, "score")) >= 80);
	assert_true(json_is_array(json_object_get(l, "findings")));
	json_decref(j);

	j = api_call_json(&srv, tok_weber, "GET", ad_path(pos_bdm, ""), NULL, 200);
	assert_true(json_is_true(json_object_get(j, "edited")));
	assert_true(json_is_false(json_object_get(j, "published")));
	assert_true(json_is_null(json_object_get(j, "slug")));
	assert_true(json_is_null(json_object_get(j, "date_posted")));
	l = json_object_get(j, "lint");
	assert_true(json_integer_value(json_object_get(l, "score")) < 50);
	assert_int_equal(count_rule(l, "agg.title_gender"), 1);
	assert_true(count_rule(l, "cliche.") >= 3);
	/* each finding says where in the ad it is */
	size_t i;
	json_t *f;
	bool native_in_must = false;
	json_array_foreach(json_object_get(l, "findings"), i, f) {
		const char *rule = json_string_value(json_object_get(f, "rule"));
		json_t *field = json_object_get(f, "field");
		assert_true(json_is_string(field) || json_is_null(field));
		if (strcmp(rule, "agg.title_gender") == 0)
			assert_string_equal(json_string_value(field), "title");
		if (strcmp(rule, "agg.native_speaker") == 0) {
			assert_string_equal(json_string_value(field), "must");
			assert_int_equal(json_integer_value(json_object_get(f, "field_line")), 3);
			native_in_must = true;
		}
	}
	assert_true(native_in_must);
	json_decref(j);

	api_expect_problem(&srv, tok_weber, "GET", ad_path(pos_hoe, ""), NULL, 404, NULL);
	api_expect_problem(&srv, tok_weber, "GET", ad_path(999999, ""), NULL, 404, NULL);
}

/* R-AD-1, R-AD-4: PUT creates the ad of the client search (201), marks it
 * edited, and a later PUT replaces only the sections it names. */
static void test_ad_put_roundtrip(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "%s", ad_path(pos_hoe, ""));
	json_t *j = api_call_json(&srv, tok_weber, "PUT", path,
				  "{\"lang\":\"de\",\"title\":\"Head of Engineering (m/w/d)\",\"sections\":{"
				  "\"intro\":\"Brenner Antriebstechnik sucht in München eine Leitung für 12 Entwickler.\","
				  "\"tasks\":\"- Führung von 12 Entwicklerinnen und Entwicklern\\r\\n- Budget von 2 Mio. €\","
				  "\"process\":null}}",
				  201);
	assert_int_equal(json_integer_value(json_object_get(j, "position_id")), pos_hoe);
	assert_true(json_is_true(json_object_get(j, "edited")));
	assert_true(json_is_false(json_object_get(j, "published")));
	assert_int_equal(json_integer_value(json_object_get(j, "generated_from_version")), 0);
	assert_string_equal(json_string_value(json_object_get(j, "title")), "Head of Engineering (m/w/d)");
	json_t *sections = json_object_get(j, "sections");
	/* CRLF from a browser's textarea is stored as LF */
	assert_string_equal(json_string_value(json_object_get(sections, "tasks")),
			    "- Führung von 12 Entwicklerinnen und Entwicklern\n- Budget von 2 Mio. €");
	assert_string_equal(json_string_value(json_object_get(sections, "culture")), "");
	assert_non_null(json_object_get(json_object_get(j, "lint"), "score"));
	json_decref(j);

	/* GET shows what PUT stored */
	j = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "sections"), "intro")),
			    "Brenner Antriebstechnik sucht in München eine Leitung für 12 Entwickler.");
	json_decref(j);

	/* a second PUT: replaces culture, keeps the rest (200) */
	j = api_call_json(&srv, tok_weber, "PUT", path,
			  "{\"sections\":{\"culture\":\"Das Team trifft sich jeden Dienstag.\"}}", 200);
	sections = json_object_get(j, "sections");
	assert_string_equal(json_string_value(json_object_get(sections, "culture")),
			    "Das Team trifft sich jeden Dienstag.");
	assert_string_equal(json_string_value(json_object_get(sections, "tasks")),
			    "- Führung von 12 Entwicklerinnen und Entwicklern\n- Budget von 2 Mio. €");
	assert_string_equal(json_string_value(json_object_get(j, "title")), "Head of Engineering (m/w/d)");
	assert_string_equal(json_string_value(json_object_get(j, "lang")), "de");
	json_decref(j);

	/* what GET answers can be PUT back unchanged (read-only members are ignored) */
	j = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	char *doc = json_dumps(j, JSON_COMPACT);
	json_t *back = api_call_json(&srv, tok_weber, "PUT", path, doc, 200);
	free(doc);
	assert_true(json_equal(json_object_get(j, "sections"), json_object_get(back, "sections")));
	json_decref(back);
	json_decref(j);
}

/* R-AD-1: an edit of the generated KAM ad keeps it edited and published;
 * the lint result follows the new text. */
static void test_ad_put_edited_flag(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "%s", ad_path(pos_kam, ""));
	json_t *before = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	const char *nice = json_string_value(json_object_get(json_object_get(before, "sections"), "nice"));
	char *body = NULL;
	json_t *req = json_pack("{s:{s:s+}}", "sections", "nice", nice, "\n- Spaß an spannenden Herausforderungen");
	body = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	json_t *after = api_call_json(&srv, tok_weber, "PUT", path, body, 200);
	free(body);
	assert_true(json_is_true(json_object_get(after, "edited")));
	assert_true(json_is_true(json_object_get(after, "published")));
	assert_string_equal(json_string_value(json_object_get(after, "slug")), KAM_SLUG);
	assert_int_equal(json_integer_value(json_object_get(after, "generated_from_version")), 1);
	assert_int_equal(count_rule(json_object_get(after, "lint"), "cliche.") ,
			 count_rule(json_object_get(before, "lint"), "cliche.") + 1);

	/* put the section back */
	req = json_pack("{s:{s:s}}", "sections", "nice", nice);
	body = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	json_decref(api_call_json(&srv, tok_weber, "PUT", path, body, 200));
	free(body);
	json_decref(after);
	json_decref(before);
}

/* R-X-6: bad PUTs name the member and change nothing. */
static void test_ad_put_bad_input(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "%s", ad_path(pos_bdm, ""));
	json_t *before = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);

	/* a section larger than its buffer (tasks: 4000 bytes) */
	char *big = malloc(5000);
	assert_non_null(big);
	memset(big, 'x', 4000);
	big[4000] = '\0';
	json_t *req = json_pack("{s:s, s:{s:s, s:s}}", "title", "Neu (m/w/d)", "sections", "intro", "Neu.", "tasks", big);
	char *body = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	api_expect_problem(&srv, tok_weber, "PUT", path, body, 422, "#/sections/tasks");
	free(body);
	big[3999] = '\0';   /* 3999 bytes fit */
	memset(big, 'y', 10);
	req = json_pack("{s:{s:s}}", "sections", "must", big);
	body = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	api_expect_problem(&srv, tok_weber, "PUT", path, body, 422, "#/sections/must");   /* must holds 3000 */
	free(body);
	free(big);

	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"sections\":{\"benefits\":\"Obstkorb\"}}", 422,
			   "#/sections/benefits");
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"sections\":{\"intro\":7}}", 422, "#/sections/intro");
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"sections\":\"intro\"}", 422, "#/sections");
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"lang\":\"fr\"}", 422, "#/lang");
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"title\":\"Zwei\\nZeilen\"}", 422, "#/title");
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"title\":\"Neu\",\"valid_through_days\":0}", 422,
			   "#/valid_through_days");
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"title\":", 400, NULL);
	api_expect_problem(&srv, tok_weber, "PUT", ad_path(999999, ""), "{\"title\":\"Neu\"}", 404, NULL);

	json_t *after = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_true(json_equal(json_object_get(before, "sections"), json_object_get(after, "sections")));
	assert_true(json_equal(json_object_get(before, "title"), json_object_get(after, "title")));
	assert_true(json_equal(json_object_get(before, "updated_at"), json_object_get(after, "updated_at")));
	json_decref(after);
	json_decref(before);
}

/* R-AD-4: the JobPosting of the published ad has what Google requires. */
static void test_ad_jsonld(void **state)
{
	(void)state;
	struct http_response *r = api_call(&srv, tok_brandt, "GET", ad_path(pos_kam, ".jsonld"), NULL);
	assert_status(r, 200);
	char ct[128];
	assert_true(http_header(r, "Content-Type", ct, sizeof ct));
	assert_contains(ct, "application/ld+json");
	assert_security_headers(r);
	json_t *ld = http_json(r);
	http_response_free(r);
	assert_string_equal(json_string_value(json_object_get(ld, "@context")), "https://schema.org/");
	assert_string_equal(json_string_value(json_object_get(ld, "@type")), "JobPosting");
	assert_contains(json_string_value(json_object_get(ld, "title")), KAM_TITLE);
	assert_contains(json_string_value(json_object_get(ld, "description")), "<h2>");
	assert_int_equal(json_string_length(json_object_get(ld, "datePosted")), 10);
	assert_contains(json_string_value(json_object_get(ld, "validThrough")), "T23:59:59");
	assert_string_equal(json_string_value(json_object_get(json_object_get(ld, "hiringOrganization"), "name")),
			    "Nordlicht Sensorik GmbH");
	json_t *address = json_object_get(json_object_get(ld, "jobLocation"), "address");
	assert_string_equal(json_string_value(json_object_get(address, "addressLocality")), "Hamburg");
	assert_string_equal(json_string_value(json_object_get(address, "addressCountry")), "DE");
	json_t *salary = json_object_get(json_object_get(ld, "baseSalary"), "value");
	assert_int_equal(json_integer_value(json_object_get(salary, "minValue")), 85000);
	assert_int_equal(json_integer_value(json_object_get(salary, "maxValue")), 105000);
	assert_string_equal(json_string_value(json_object_get(ld, "employmentType")), "FULL_TIME");
	const char *url = json_string_value(json_object_get(ld, "url"));
	assert_non_null(url);
	assert_contains(url, "/jobs/" KAM_SLUG);
	json_decref(ld);

	/* an unpublished ad has no posting dates */
	ld = api_call_json(&srv, tok_weber, "GET", ad_path(pos_bdm, ".jsonld"), NULL, 200);
	assert_string_equal(json_string_value(json_object_get(ld, "@type")), "JobPosting");
	assert_null(json_object_get(ld, "datePosted"));
	assert_null(json_object_get(ld, "validThrough"));
	assert_null(json_object_get(ld, "url"));
	json_decref(ld);

	api_expect_problem(&srv, tok_weber, "GET", ad_path(999999, ".jsonld"), NULL, 404, NULL);
}

/* R-X-2: interviewers see no ads and change none; hiring managers read
 * them; without a token the answer is 401. */
static void test_ad_permissions(void **state)
{
	(void)state;
	api_expect_problem(&srv, tok_hoffmann, "GET", ad_path(pos_kam, ""), NULL, 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "PUT", ad_path(pos_kam, ""), "{\"title\":\"Gekapert\"}", 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "GET", ad_path(pos_kam, ".jsonld"), NULL, 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "POST", "/api/v1/lint", "{\"text\":\"Hallo\"}", 403, NULL);
	json_decref(api_call_json(&srv, tok_brandt, "GET", ad_path(pos_kam, ""), NULL, 200));

	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, ad_path(pos_kam, ""), NULL);
	assert_int_equal(r->status, 401);
	http_response_free(r);
	http_client_free(c);

	json_t *j = api_call_json(&srv, tok_weber, "GET", ad_path(pos_kam, ""), NULL, 200);
	assert_string_not_equal(json_string_value(json_object_get(j, "title")), "Gekapert");
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lint_findings),
		cmocka_unit_test(test_lint_same_as_cli),
		cmocka_unit_test(test_lint_position_context),
		cmocka_unit_test(test_lint_bad_input),
		cmocka_unit_test(test_lint_size_limits),
		cmocka_unit_test(test_ad_get),
		cmocka_unit_test(test_ad_put_roundtrip),
		cmocka_unit_test(test_ad_put_edited_flag),
		cmocka_unit_test(test_ad_put_bad_input),
		cmocka_unit_test(test_ad_jsonld),
		cmocka_unit_test(test_ad_permissions),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
