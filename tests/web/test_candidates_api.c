/*
 * test_candidates_api.c — black-box tests of the step-4 JSON API against the
 * real server: candidates with validation (R-CAND-1, R-X-6), duplicate
 * refusal (R-CAND-5), full-text search with stemming and hostile queries
 * (R-CAND-3), applications on a position's board and their stage moves with
 * rejection reasons (R-CAND-2), the channel catalogue (R-CHAN-1) and the
 * channel report (R-CHAN-4), and who may see candidates at all (R-X-2:
 * until step 5 assigns candidates, interviewers get 403).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;

static char tok_weber[128], tok_brandt[128], tok_hoffmann[128];

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "candidates api test", tok_weber, sizeof tok_weber, NULL);
	cli_token_create(&srv, "brandt", "candidates api test", tok_brandt, sizeof tok_brandt, NULL);
	cli_token_create(&srv, "hoffmann", "candidates api test", tok_hoffmann, sizeof tok_hoffmann, NULL);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static const char *str_of(const json_t *j, const char *key)
{
	const char *s = json_string_value(json_object_get(j, key));
	assert_non_null(s);
	return s;
}

static long long create_candidate(const char *body, long status)
{
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, status);
	long long id = status == 201 ? id_of(c) : 0;
	json_decref(c);
	return id;
}

/* A fresh KAM position (own organisation), so counts are this test's alone. */
static long long create_position(const char *title)
{
	char body[512];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", title);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	snprintf(body, sizeof body,
		 "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\"}", title,
		 org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

static long long create_application(long long position, long long candidate, const char *extra, long status)
{
	char path[96], body[512];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld%s}", candidate, extra ? extra : "");
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, status);
	long long id = status == 201 ? id_of(a) : 0;
	if (status == 201)
		assert_int_equal(json_integer_value(json_object_get(a, "position_id")), position);
	json_decref(a);
	return id;
}

/* True when the list answer holds candidate id. */
static bool list_has(const json_t *list, long long id)
{
	json_t *arr = json_object_get(list, "candidates");
	assert_true(json_is_array(arr));
	for (size_t i = 0; i < json_array_size(arr); i++)
		if (json_integer_value(json_object_get(json_array_get(arr, i), "id")) == id)
			return true;
	return false;
}

/* The code points [start, end) of UTF-8 text s (static storage). */
static const char *code_point_slice(const char *s, long long start, long long end)
{
	static char out[256];
	size_t o = 0;
	long long cp = -1;
	for (const char *p = s; *p && o < sizeof out - 1; p++) {
		if ((*p & 0xC0) != 0x80)
			cp++;
		if (cp >= start && cp < end)
			out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

/* ---- candidates ------------------------------------------------------------------------------ */

static void candidates_are_created_validated_and_changed(void **state)
{
	(void)state;
	/* R-CAND-1 / R-X-6: bad input is refused naming the field, nothing stored. */
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/candidates", "{\"email\":\"x@example.org\"}", 422,
			   "#/last_name");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/candidates",
			   "{\"last_name\":\"Zwirbelmann\",\"email\":\"not an address\"}", 422, "#/email");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/candidates",
			   "{\"last_name\":\"Zwirbelmann\",\"notice_period_weeks\":500}", 422, "#/notice_period_weeks");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/candidates", "{\"last_name\":\"Zwirbelmann\",\"channel\":\"tv\"}",
			   422, "#/channel");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/candidates", "{\"last_name\":42}", 422, "#/last_name");
	json_t *none = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?q=Zwirbelmann", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(none, "candidates")), 0); /* R-X-6 */
	json_decref(none);

	/* R-CAND-1: create, Location, read back. */
	struct http_response *res = api_call(&srv, tok_weber, "POST", "/api/v1/candidates",
					     "{\"first_name\":\"Clara\",\"last_name\":\"Vogt\",\"email\":\"clara.vogt@example.org\","
					     "\"current_company\":\"Alt AG\",\"notice_period_weeks\":12,\"salary_expectation\":90000,"
					     "\"currency\":\"EUR\",\"channel\":\"linkedin\",\"tags\":\"KAM, Sensorik\"}");
	assert_status(res, 201);
	char location[128];
	assert_true(http_header(res, "Location", location, sizeof location));
	json_t *c = http_json(res);
	long long id = id_of(c);
	char expect[128];
	snprintf(expect, sizeof expect, "/api/v1/candidates/%lld", id);
	assert_string_equal(location, expect);
	json_decref(c);
	http_response_free(res);

	c = api_call_json(&srv, tok_weber, "GET", expect, NULL, 200);
	assert_string_equal(str_of(c, "last_name"), "Vogt");
	assert_int_equal(json_integer_value(json_object_get(c, "notice_period_weeks")), 12);
	assert_true(json_is_array(json_object_get(c, "applications")));
	json_decref(c);

	/* PATCH: absent members keep their values. */
	c = api_call_json(&srv, tok_weber, "PATCH", expect, "{\"current_company\":\"Neu GmbH\"}", 200);
	assert_string_equal(str_of(c, "current_company"), "Neu GmbH");
	assert_string_equal(str_of(c, "first_name"), "Clara");
	assert_string_equal(str_of(c, "email"), "clara.vogt@example.org");
	json_decref(c);
	api_expect_problem(&srv, tok_weber, "PATCH", expect, "{\"email\":\"broken@\"}", 422, "#/email");
	c = api_call_json(&srv, tok_weber, "GET", expect, NULL, 200);
	assert_string_equal(str_of(c, "email"), "clara.vogt@example.org"); /* R-X-6: nothing changed */
	assert_string_equal(str_of(c, "current_company"), "Neu GmbH");
	json_decref(c);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/candidates/999999", NULL, 404, NULL);
}

static void duplicates_are_refused_unless_allowed(void **state)
{
	(void)state;
	long long first = create_candidate("{\"first_name\":\"Anna\",\"last_name\":\"Müller\","
					   "\"email\":\"anna.mueller@example.org\",\"phone\":\"+49 40 1234567\"}",
					   201);
	/* R-CAND-5: same address in other spelling → 409 listing the match. */
	const char *dup = "{\"first_name\":\"Anna\",\"last_name\":\"Mueller\",\"email\":\"Anna.Mueller@Example.org\"}";
	struct http_response *res = api_call(&srv, tok_weber, "POST", "/api/v1/candidates", dup);
	json_t *p = assert_problem(res, 409);
	json_t *dups = json_object_get(p, "duplicates");
	assert_true(json_array_size(dups) >= 1);
	bool seen = false;
	for (size_t i = 0; i < json_array_size(dups); i++) {
		json_t *d = json_array_get(dups, i);
		if (json_integer_value(json_object_get(d, "id")) == first) {
			seen = true;
			assert_true(json_integer_value(json_object_get(d, "score")) >= 70);
		}
	}
	assert_true(seen);
	json_decref(p);
	http_response_free(res);

	/* R-CAND-5: the client may insist. */
	long long second = create_candidate("{\"first_name\":\"Anna\",\"last_name\":\"Mueller\","
					    "\"email\":\"Anna.Mueller@Example.org\",\"allow_duplicate\":true}",
					    201);
	assert_true(second != first);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/candidates",
			   "{\"last_name\":\"X\",\"allow_duplicate\":\"yes\"}", 422, "#/allow_duplicate");
}

static void search_finds_stemmed_words_and_survives_hostile_queries(void **state)
{
	(void)state;
	long long id = create_candidate("{\"first_name\":\"Jens\",\"last_name\":\"Ostermann\","
					"\"email\":\"jens.ostermann@example.org\",\"notes\":\"Führt seit Jahren "
					"Verhandlungen mit Großkunden der Automobilindustrie.\"}",
					201);
	/* R-CAND-3: a word from the notes, in another inflection. */
	json_t *l = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?q=verhandlung", NULL, 200);
	assert_true(list_has(l, id));
	json_t *hit = json_array_get(json_object_get(l, "candidates"), 0);
	assert_true(json_is_string(json_object_get(hit, "snippet")));
	assert_not_contains(str_of(hit, "snippet"), "\x01");
	assert_true(json_array_size(json_object_get(hit, "highlights")) >= 1);
	/* R-CAND-3: highlights are [start, end) in code points of the plain snippet */
	json_t *h0 = json_array_get(json_object_get(hit, "highlights"), 0);
	assert_string_equal(code_point_slice(str_of(hit, "snippet"), json_integer_value(json_array_get(h0, 0)),
					     json_integer_value(json_array_get(h0, 1))),
			    "Verhandlungen");
	json_decref(l);
	l = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?q=ostermann%20gro%C3%9Fkunde", NULL, 200);
	assert_true(list_has(l, id));
	json_decref(l);
	l = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?q=zahnarzt", NULL, 200);
	assert_false(list_has(l, id));
	json_decref(l);

	/* R-CAND-3: operators, quotes and junk are words or a 400, never a 500. */
	static const char *const hostile[] = {
		"\"", "a\" OR b", "*", "NEAR(a b)", "(((", "-x", "^", "a AND", "col:val", "\\", "'; DROP TABLE x;--",
		"\xc3\x28", "\x01\x02", "{}", "+",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		char enc[256], path[320];
		url_encode_to(hostile[i], enc, sizeof enc);
		snprintf(path, sizeof path, "/api/v1/candidates?q=%s", enc);
		struct http_response *res = api_call(&srv, tok_weber, "GET", path, NULL);
		if (res->status != 200 && res->status != 400)
			fail_msg("q=%s answered %ld", hostile[i], res->status);
		http_response_free(res);
	}
	char longq[700];
	memset(longq, 'a', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	char path[800];
	snprintf(path, sizeof path, "/api/v1/candidates?q=%s", longq);
	api_expect_problem(&srv, tok_weber, "GET", path, NULL, 400, "#/q");

	/* bad filter values name the parameter */
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/candidates?limit=0", NULL, 400, "#/limit");
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/candidates?offset=-1", NULL, 400, "#/offset");
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/candidates?channel=tv", NULL, 400, "#/channel");
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/candidates?position=abc", NULL, 400, "#/position");
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/candidates?stage=Not%20A%20Stage", NULL, 400, "#/stage");
}

/* ---- applications, moves, board, channel report ---------------------------------------------------- */

static json_t *board_column(json_t *board, const char *code)
{
	json_t *stages = json_object_get(board, "stages");
	for (size_t i = 0; i < json_array_size(stages); i++)
		if (strcmp(str_of(json_array_get(stages, i), "code"), code) == 0)
			return json_object_get(json_array_get(stages, i), "applications");
	fail_msg("no stage %s on the board", code);
	return NULL;
}

static bool column_has(json_t *col, long long app)
{
	for (size_t i = 0; i < json_array_size(col); i++)
		if (json_integer_value(json_object_get(json_array_get(col, i), "id")) == app)
			return true;
	return false;
}

static void applications_move_through_the_pipeline(void **state)
{
	(void)state;
	long long pos = create_position("KAM Pipeline Nord");
	long long a = create_candidate("{\"first_name\":\"Tobias\",\"last_name\":\"Rehn\",\"email\":\"t.rehn@example.org\","
				       "\"current_company\":\"Rehn KG\",\"channel\":\"linkedin\"}",
				       201);
	long long b = create_candidate("{\"first_name\":\"Ines\",\"last_name\":\"Falk\",\"email\":\"ines.falk@example.org\","
				       "\"channel\":\"job_portals\"}",
				       201);

	/* R-CAND-2: into the pipeline; a second application for the same position is a conflict. */
	long long app_a = create_application(pos, a, NULL, 201);
	long long app_b = create_application(pos, b, ",\"stage\":\"contacted\"", 201);
	struct http_response *res;
	char path[128], body[256];
	/* R-CAND-2: the application reads back with its stage */
	snprintf(path, sizeof path, "/api/v1/applications/%lld", app_b);
	json_t *got = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(got, "stage")), "contacted");
	json_decref(got);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/applications/999999", NULL, 404, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", pos);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", a);
	res = api_call(&srv, tok_weber, "POST", path, body);
	json_decref(assert_problem(res, 409));
	http_response_free(res);
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"candidate_id\":999999}", 422, "#/candidate_id");
	snprintf(body, sizeof body, "{\"candidate_id\":%lld,\"stage\":\"hired\"}", b);
	api_expect_problem(&srv, tok_weber, "POST", path, body, 422, "#/stage");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions/999999/applications", "{\"candidate_id\":1}",
			   404, NULL);

	/* R-CAND-2: forward moves. */
	snprintf(path, sizeof path, "/api/v1/applications/%lld/move", app_a);
	json_t *moved = api_call_json(&srv, tok_weber, "POST", path, "{\"stage\":\"prequalification\"}", 200);
	assert_string_equal(str_of(moved, "stage"), "prequalification");
	json_decref(moved);
	moved = api_call_json(&srv, tok_weber, "POST", path, "{\"stage\":\"first_interview\"}", 200);
	json_decref(moved);
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"stage\":\"first_interview\"}", 422, "#/stage");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"stage\":\"nowhere\"}", 422, "#/stage");

	/* R-CAND-2: a rejection needs a reason and whether the candidate was told. */
	char path_b[128];
	snprintf(path_b, sizeof path_b, "/api/v1/applications/%lld/move", app_b);
	api_expect_problem(&srv, tok_weber, "POST", path_b, "{\"stage\":\"rejected\",\"informed\":true}", 422,
			   "#/reason");
	api_expect_problem(&srv, tok_weber, "POST", path_b, "{\"stage\":\"rejected\",\"reason\":\"profile_mismatch\"}",
			   422, "#/informed");
	api_expect_problem(&srv, tok_weber, "POST", path_b, "{\"stage\":\"rejected\",\"reason\":\"other\",\"informed\":true}",
			   422, "#/reason_note");
	moved = api_call_json(&srv, tok_weber, "POST", path_b,
			      "{\"stage\":\"rejected\",\"reason\":\"salary_expectations\",\"informed\":true}", 200);
	assert_string_equal(str_of(moved, "stage"), "rejected");
	assert_string_equal(str_of(moved, "rejection_reason"), "salary_expectations");
	assert_true(json_is_true(json_object_get(moved, "informed")));
	json_decref(moved);

	/* R-CAND-2: the board shows both where they are, with name, company and ages. */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", pos);
	json_t *board = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(board, "stages")), 10);
	assert_true(column_has(board_column(board, "rejected"), app_b));
	assert_false(column_has(board_column(board, "contacted"), app_b));
	json_t *col = board_column(board, "first_interview");
	assert_true(column_has(col, app_a));
	json_t *card = json_array_get(col, 0);
	assert_string_equal(str_of(card, "candidate_name"), "Tobias Rehn");
	assert_string_equal(str_of(card, "current_company"), "Rehn KG");
	assert_string_equal(str_of(card, "channel"), "linkedin");
	assert_string_equal(str_of(card, "contact_age"), "none");
	assert_int_equal(json_integer_value(json_object_get(card, "days_in_stage")), 0);
	json_decref(board);

	/* the candidate shows their applications */
	snprintf(path, sizeof path, "/api/v1/candidates/%lld", b);
	json_t *cb = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(cb, "applications")), 1);
	json_decref(cb);

	/* R-CHAN-4: the report counts both, per channel and in total. */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/channel-report", pos);
	json_t *rep = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	json_t *rows = json_object_get(rep, "rows");
	assert_int_equal(json_array_size(rows), 9);
	bool saw_all = false, saw_linkedin = false;
	for (size_t i = 0; i < json_array_size(rows); i++) {
		json_t *row = json_array_get(rows, i);
		const char *ch = str_of(row, "channel");
		if (strcmp(ch, "all") == 0) {
			saw_all = true;
			assert_int_equal(json_integer_value(json_object_get(row, "candidates")), 2);
			assert_int_equal(json_integer_value(json_object_get(row, "interviews")), 1);
			assert_int_equal(json_integer_value(json_object_get(row, "interview_per_mille")), 500);
			assert_true(json_is_null(json_object_get(row, "hire_per_mille"))); /* n/a: no offers */
			assert_true(json_is_null(json_object_get(row, "median_days_to_hire")));
			assert_true(json_is_null(json_object_get(row, "cost_per_hire_cents")));
		} else if (strcmp(ch, "linkedin") == 0) {
			saw_linkedin = true;
			assert_int_equal(json_integer_value(json_object_get(row, "candidates")), 1);
			assert_int_equal(json_integer_value(json_object_get(row, "interviews")), 1);
		} else if (strcmp(ch, "events") == 0) {
			assert_int_equal(json_integer_value(json_object_get(row, "candidates")), 0);
			assert_true(json_is_null(json_object_get(row, "interview_per_mille")));
		}
	}
	assert_true(saw_all && saw_linkedin);
	json_decref(rep);

	/* R-CAND-2: the position filter with a stage */
	snprintf(path, sizeof path, "/api/v1/candidates?position=%lld&stage=rejected", pos);
	json_t *l = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_true(list_has(l, b));
	assert_false(list_has(l, a));
	json_decref(l);
}

static void channel_catalogue_has_guidance(void **state)
{
	(void)state;
	/* R-CHAN-1 */
	json_t *c = api_call_json(&srv, tok_weber, "GET", "/api/v1/channels", NULL, 200);
	json_t *arr = json_object_get(c, "channels");
	assert_int_equal(json_array_size(arr), 8);
	bool saw = false;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *ch = json_array_get(arr, i);
		assert_true(strlen(str_of(ch, "label")) > 0);
		assert_true(strlen(str_of(ch, "guidance")) > 0);
		if (strcmp(str_of(ch, "code"), "linkedin") == 0) {
			saw = true;
			assert_true(json_is_true(json_object_get(ch, "reaches_passive")));
		}
	}
	assert_true(saw);
	json_decref(c);
}

static void interviewers_do_not_see_candidates(void **state)
{
	(void)state;
	/* R-X-2: until step 5 assigns candidates, only recruiter and above. */
	api_expect_problem(&srv, tok_hoffmann, "GET", "/api/v1/candidates", NULL, 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "POST", "/api/v1/candidates", "{\"last_name\":\"Z\"}", 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "GET", "/api/v1/candidates/1", NULL, 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "GET", "/api/v1/channels", NULL, 403, NULL);
	/* the hiring manager may */
	json_t *l = api_call_json(&srv, tok_brandt, "GET", "/api/v1/candidates", NULL, 200);
	json_decref(l);
	/* R-X-2: no token at all */
	struct http_response *res = api_call(&srv, NULL, "GET", "/api/v1/candidates", NULL);
	assert_status(res, 401);
	http_response_free(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(candidates_are_created_validated_and_changed),
		cmocka_unit_test(duplicates_are_refused_unless_allowed),
		cmocka_unit_test(search_finds_stemmed_words_and_survives_hostile_queries),
		cmocka_unit_test(applications_move_through_the_pipeline),
		cmocka_unit_test(channel_catalogue_has_guidance),
		cmocka_unit_test(interviewers_do_not_see_candidates),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
