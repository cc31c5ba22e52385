/*
 * test_interviews_api.c — black-box tests of the step-5 JSON API against the
 * real server: the question bank and exercise library (R-INT-1, R-SALES-1),
 * the interview plan with the round guard (R-INT-2, R-GUARD-4) and kit
 * versions (R-INT-3), interviewer assignment and the independence rule of
 * scorecards (R-INT-5), the evaluation matrix with knockouts and spread
 * (R-EVAL-1..3) and the decision that needs a culture fit (R-EVAL-4,
 * R-GUARD-5).
 *
 * Users: weber (recruiter), brandt (hiring manager), the demo interviewers
 * hoffmann and schulz, and k.neumann, an interviewer added on the command
 * line who is never assigned.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;

static char tok_admin[128], tok_weber[128], tok_brandt[128], tok_hoffmann[128], tok_schulz[128], tok_neumann[128];
static long long uid_hoffmann, uid_schulz;

/* ---- helpers ------------------------------------------------------------------------------------ */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static long long user_id(const char *name)
{
	json_t *users = api_call_json(&srv, tok_admin, "GET", "/api/v1/users", NULL, 200);
	long long id = 0;
	json_t *arr = json_object_get(users, "users");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *u = json_array_get(arr, i);
		if (strcmp(json_string_value(json_object_get(u, "name")), name) == 0)
			id = json_integer_value(json_object_get(u, "id"));
	}
	json_decref(users);
	assert_true(id > 0);
	return id;
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	struct cmd_result res;
	const char *args[] = { "user", "add", "k.neumann", "--role", "interviewer", "--password-stdin", "--data", srv.data,
			       NULL };
	cmd_run(&res, args, NULL, "Neun Eulen singen am Fluss\n");
	if (res.status != 0)
		fail_msg("user add exited %d:\n%s%s", res.status, res.out, res.err);
	cmd_result_free(&res);
	cli_token_create(&srv, srv.admin_login, "interviews api test", tok_admin, sizeof tok_admin, NULL);
	cli_token_create(&srv, "weber", "interviews api test", tok_weber, sizeof tok_weber, NULL);
	cli_token_create(&srv, "brandt", "interviews api test", tok_brandt, sizeof tok_brandt, NULL);
	cli_token_create(&srv, "hoffmann", "interviews api test", tok_hoffmann, sizeof tok_hoffmann, NULL);
	cli_token_create(&srv, "schulz", "interviews api test", tok_schulz, sizeof tok_schulz, NULL);
	cli_token_create(&srv, "k.neumann", "interviews api test", tok_neumann, sizeof tok_neumann, NULL);
	uid_hoffmann = user_id("hoffmann");
	uid_schulz = user_id("schulz");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* A fresh KAM position (own organisation), so plans and counts are this test's alone. */
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

/* A new candidate with an application for position; returns the application id. */
static long long create_application(long long position, const char *last_name)
{
	char body[256], path[96];
	snprintf(body, sizeof body, "{\"first_name\":\"Test\",\"last_name\":\"%s\",\"email\":\"%s@example.org\"}", last_name,
		 last_name);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long cand = id_of(c);
	json_decref(c);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	return id;
}

/* PUTs the plan document body (as brandt) and returns the answer. */
static json_t *put_plan(long long position, const char *body, long status)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/interview-plan", position);
	return api_call_json(&srv, tok_brandt, "PUT", path, body, status);
}

static json_t *get_plan(long long position)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/interview-plan", position);
	return api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
}

static long long round_id(const json_t *plan, size_t i)
{
	return json_integer_value(json_object_get(json_array_get(json_object_get(plan, "rounds"), i), "id"));
}

static bool has_finding(const json_t *plan, const char *rule)
{
	json_t *arr = json_object_get(plan, "findings");
	for (size_t i = 0; i < json_array_size(arr); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(arr, i), "rule")), rule) == 0)
			return true;
	return false;
}

/* Plans round_id for application (as weber); returns the interview (caller decrefs). */
static json_t *plan_interview(long long application, long long round)
{
	char path[96], body[64];
	snprintf(path, sizeof path, "/api/v1/applications/%lld/interviews", application);
	snprintf(body, sizeof body, "{\"round_id\":%lld}", round);
	return api_call_json(&srv, tok_weber, "POST", path, body, 201);
}

/* A one-round plan document with hoffmann and schulz as interviewers. */
static const char *one_round_plan(char *buf, size_t n, const char *questions)
{
	snprintf(buf, n,
		 "{\"rounds\":[{\"name\":\"Erstgespr\\u00e4ch\",\"stage\":\"first_interview\",\"duration_minutes\":45,"
		 "\"interviewers\":[{\"user_id\":%lld,\"focus\":[\"industry_knowledge\"]},"
		 "{\"user_id\":%lld,\"focus\":[\"salary_realism\",\"negotiation\"]}],"
		 "\"kit\":{\"questions\":[%s],\"exercises\":[\"sales.negotiation\"]}}]}",
		 uid_hoffmann, uid_schulz, questions);
	return buf;
}

/* Opens (POST) the scorecard of interview as token's owner; returns its id. */
static long long open_scorecard(const char *token, long long interview, long status)
{
	char body[64];
	snprintf(body, sizeof body, "{\"interview_id\":%lld}", interview);
	json_t *sc = api_call_json(&srv, token, "POST", "/api/v1/scorecards", body, status);
	long long id = id_of(sc);
	/* R-X-7: scorecards are a JSON API resource */
	assert_string_equal(json_string_value(json_object_get(sc, "status")), "draft");
	json_decref(sc);
	return id;
}

/* Saves body into scorecard id and submits it, as token's owner. */
static void fill_and_submit(const char *token, long long id, const char *body)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld", id);
	json_t *saved = api_call_json(&srv, token, "PUT", path, body, 200);
	json_decref(saved);
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld/submit", id);
	json_t *sub = api_call_json(&srv, token, "POST", path, "{}", 200);
	assert_string_equal(json_string_value(json_object_get(sub, "status")), "submitted");
	json_decref(sub);
}

static long get_status(const char *token, const char *path)
{
	struct http_response *res = api_call(&srv, token, "GET", path, NULL);
	long status = res->status;
	http_response_free(res);
	return status;
}

/* ---- question bank and exercises ------------------------------------------------------------------ */

static void questions_and_exercises_are_listed(void **state)
{
	(void)state;
	/* R-INT-1: the seed's question is in the KAM bank, with a rating guide. */
	json_t *list = api_call_json(&srv, tok_weber, "GET", "/api/v1/questions?role=kam&competency=relationship_management&lang=de",
				     NULL, 200);
	json_t *arr = json_object_get(list, "questions");
	bool seed_found = false;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *q = json_array_get(arr, i);
		assert_string_equal(json_string_value(json_object_get(q, "competency")), "relationship_management");
		if (strcmp(json_string_value(json_object_get(q, "ref")), "kam.rel.01") == 0) {
			seed_found = json_is_true(json_object_get(q, "seed"));
			assert_true(strlen(json_string_value(json_object_get(q, "guide_strong"))) > 0);
			assert_true(json_array_size(json_object_get(q, "follow_ups")) >= 1);
		}
	}
	assert_true(seed_found);
	json_decref(list);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/questions?type=riddle", NULL, 400, "#/type");
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/questions?lang=fr", NULL, 400, "#/lang");

	/* R-INT-1: users add their own questions; bad input names the member, nothing stored. */
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/questions",
			   "{\"role\":\"kam\",\"type\":\"situational\",\"lang\":\"de\",\"text\":\"   \"}", 422, "#/text");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/questions",
			   "{\"role\":\"kam\",\"type\":\"situational\",\"competency\":\"juggling\",\"text\":\"Wie?\"}", 422,
			   "#/competency");
	struct http_response *res = api_call(&srv, tok_weber, "POST", "/api/v1/questions",
					     "{\"role\":\"kam\",\"type\":\"situational\",\"competency\":\"negotiation\",\"lang\":\"de\","
					     "\"text\":\"Ein Kunde verlangt 15 % Rabatt. Was tun Sie?\",\"follow_ups\":[\"Und dann?\"],"
					     "\"guide_strong\":\"Fragt nach dem Wert\",\"guide_weak\":\"Gibt sofort nach\"}");
	assert_status(res, 201);
	char location[128];
	assert_true(http_header(res, "Location", location, sizeof location));
	json_t *q = http_json(res);
	http_response_free(res);
	char expected[96];
	snprintf(expected, sizeof expected, "custom.%lld", id_of(q));
	assert_string_equal(json_string_value(json_object_get(q, "ref")), expected);
	snprintf(expected, sizeof expected, "/api/v1/questions/%lld", id_of(q));
	assert_string_equal(location, expected);
	json_decref(q);
	q = api_call_json(&srv, tok_weber, "GET", location, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(q, "follow_ups")), 1);
	json_decref(q);
	list = api_call_json(&srv, tok_weber, "GET", "/api/v1/questions?role=kam&type=situational&competency=negotiation&lang=de",
			     NULL, 200);
	bool custom_found = false;
	arr = json_object_get(list, "questions");
	for (size_t i = 0; i < json_array_size(arr); i++)
		custom_found = custom_found || strstr(json_string_value(json_object_get(json_array_get(arr, i), "text")),
						      "15 % Rabatt") != NULL;
	assert_true(custom_found);
	json_decref(list);
	/* interviewers do not browse the bank */
	assert_int_equal(get_status(tok_hoffmann, "/api/v1/questions"), 403);

	/* R-SALES-1: the six exercises, each with a scenario and four rubric anchors. */
	json_t *ex = api_call_json(&srv, tok_weber, "GET", "/api/v1/exercises?lang=en", NULL, 200);
	arr = json_object_get(ex, "exercises");
	assert_int_equal(json_array_size(arr), 6);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *e = json_array_get(arr, i);
		assert_true(strlen(json_string_value(json_object_get(e, "scenario"))) > 20);
		json_t *rubric = json_object_get(e, "rubric");
		assert_int_equal(json_array_size(rubric), 4);
		for (size_t k = 0; k < 4; k++)
			assert_int_equal(json_integer_value(json_object_get(json_array_get(rubric, k), "rating")), (long long)k + 1);
		assert_true(json_array_size(json_object_get(e, "observe")) >= 1);
	}
	json_decref(ex);
}

/* ---- the plan: guard and kit versions ----------------------------------------------------------------- */

static void plan_guard_and_kit_versions(void **state)
{
	(void)state;
	long long pos = create_position("Plan KAM");
	char body[2048], path[96];

	/* R-INT-2: before anything is stored the default three rounds are shown, no warning. */
	json_t *plan = get_plan(pos);
	assert_false(json_is_true(json_object_get(plan, "saved")));
	assert_int_equal(json_array_size(json_object_get(plan, "rounds")), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(plan, "rounds"), 0), "name")),
			    "Erstgespräch"); /* brandt reads German: default names are translated */
	assert_int_equal(json_array_size(json_object_get(plan, "findings")), 0);
	json_decref(plan);

	/* Bad documents name the place; nothing is stored (R-X-6). */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/interview-plan", pos);
	api_expect_problem(&srv, tok_brandt, "PUT", path, one_round_plan(body, sizeof body, "\"kam.rel.01\",\"kam.zzz.99\""),
			   422, "#/rounds/0/kit/questions/1");
	snprintf(body, sizeof body, "{\"rounds\":[{\"name\":\"R1\",\"interviewers\":[{\"user_id\":%lld,\"focus\":[\"juggling\"]}]}]}",
		 uid_hoffmann);
	api_expect_problem(&srv, tok_brandt, "PUT", path, body, 422, "#/rounds/0/interviewers/0/focus/0");
	api_expect_problem(&srv, tok_brandt, "PUT", path, "{\"rounds\":[{\"name\":\"\"}]}", 422, "#/rounds/0/name");
	api_expect_problem(&srv, tok_brandt, "PUT", path, "{\"rounds\":[{\"name\":\"R1\",\"duration_minutes\":5}]}", 422,
			   "#/rounds/0/duration_minutes");
	api_expect_problem(&srv, tok_brandt, "PUT", path, "{\"rounds\":[{\"name\":\"R1\",\"stage\":\"party\"}]}", 422,
			   "#/rounds/0/stage");
	plan = get_plan(pos);
	assert_false(json_is_true(json_object_get(plan, "saved")));
	json_decref(plan);
	/* only those who edit positions change plans */
	api_expect_problem(&srv, tok_hoffmann, "PUT", path, one_round_plan(body, sizeof body, "\"kam.rel.01\""), 403, NULL);

	plan = put_plan(pos, one_round_plan(body, sizeof body, "\"kam.rel.01\",\"kam.neg.01\""), 200);
	assert_true(json_is_true(json_object_get(plan, "saved")));
	long long r1 = round_id(plan, 0);
	assert_true(r1 > 0);
	json_t *rd = json_array_get(json_object_get(plan, "rounds"), 0);
	assert_int_equal(json_array_size(json_object_get(rd, "interviewers")), 2);
	assert_true(json_is_null(json_object_get(rd, "kit_version"))); /* R-INT-3: no version before first use */
	json_decref(plan);

	/* R-INT-3: two candidates are interviewed with version 1 … */
	long long app1 = create_application(pos, "Kitfirst"), app2 = create_application(pos, "Kitsecond");
	long long app3 = create_application(pos, "Kitthird");
	json_t *iv1 = plan_interview(app1, r1), *iv2 = plan_interview(app2, r1);
	assert_int_equal(json_integer_value(json_object_get(iv1, "kit_version")), 1);
	assert_int_equal(json_integer_value(json_object_get(iv2, "kit_version")), 1);
	assert_int_equal(json_array_size(json_object_get(json_object_get(iv1, "kit"), "questions")), 2);
	long long iv1_id = id_of(iv1);
	json_decref(iv1);
	json_decref(iv2);
	snprintf(path, sizeof path, "/api/v1/applications/%lld/interviews", app1);
	snprintf(body, sizeof body, "{\"round_id\":%lld}", r1);
	api_expect_problem(&srv, tok_weber, "POST", path, body, 409, NULL);
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"round_id\":999999}", 422, "#/round_id");

	/* … the kit changes (same round id) and the third candidate gets version 2. */
	char doc[2048];
	one_round_plan(doc, sizeof doc, "\"kam.rel.01\",\"kam.neg.01\",\"kam.str.01\"");
	char *with_id = malloc(strlen(doc) + 64);
	snprintf(with_id, strlen(doc) + 64, "{\"rounds\":[{\"id\":%lld,%s", r1, doc + strlen("{\"rounds\":[{"));
	plan = put_plan(pos, with_id, 200);
	free(with_id);
	assert_int_equal(round_id(plan, 0), r1);
	rd = json_array_get(json_object_get(plan, "rounds"), 0);
	assert_true(json_is_true(json_object_get(rd, "kit_changed")));
	json_decref(plan);
	json_t *iv3 = plan_interview(app3, r1);
	assert_int_equal(json_integer_value(json_object_get(iv3, "kit_version")), 2);
	assert_int_equal(json_array_size(json_object_get(json_object_get(iv3, "kit"), "questions")), 3);
	json_decref(iv3);
	snprintf(path, sizeof path, "/api/v1/interviews/%lld", iv1_id);
	json_t *again = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(again, "kit_version")), 1); /* the first keeps v1 */
	json_decref(again);
	plan = get_plan(pos);
	json_t *versions = json_object_get(json_array_get(json_object_get(plan, "rounds"), 0), "kit_versions");
	assert_int_equal(json_array_size(versions), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(versions, 0), "uses")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(versions, 1), "uses")), 1);
	assert_false(has_finding(plan, "guard.too_many_rounds"));
	json_decref(plan);

	/* R-GUARD-4: a fourth round is stored, with the warning. */
	snprintf(body, sizeof body,
		 "{\"rounds\":[{\"id\":%lld,\"name\":\"Erstgespr\\u00e4ch\",\"kit\":{\"questions\":[\"kam.rel.01\",\"kam.neg.01\",\"kam.str.01\"],"
		 "\"exercises\":[\"sales.negotiation\"]},\"interviewers\":[{\"user_id\":%lld,\"focus\":[\"industry_knowledge\"]},"
		 "{\"user_id\":%lld,\"focus\":[\"salary_realism\",\"negotiation\"]}],\"stage\":\"first_interview\",\"duration_minutes\":45},"
		 "{\"name\":\"Zwei\"},{\"name\":\"Drei\"},{\"name\":\"Vier\",\"duration_minutes\":30}]}",
		 r1, uid_hoffmann, uid_schulz);
	plan = put_plan(pos, body, 200);
	assert_int_equal(json_array_size(json_object_get(plan, "rounds")), 4);
	assert_true(has_finding(plan, "guard.too_many_rounds"));
	assert_int_equal(round_id(plan, 0), r1);
	json_decref(plan);
	/* a round with interviews cannot be dropped; nothing changes */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/interview-plan", pos);
	api_expect_problem(&srv, tok_brandt, "PUT", path, "{\"rounds\":[{\"name\":\"Nur eine\"}]}", 409, NULL);
	plan = get_plan(pos);
	assert_int_equal(json_array_size(json_object_get(plan, "rounds")), 4);
	json_decref(plan);
}

/* ---- independence and assignment ------------------------------------------------------------------------ */

static const char *RATINGS_HOFFMANN =
	"{\"recommendation\":\"yes\",\"notes\":\"Solide\",\"candidate_questions\":\"Wie misst ihr Erfolg?\","
	"\"candidate_questions_quality\":\"substantive\","
	"\"ratings\":[{\"competency\":\"industry_knowledge\",\"rating\":3,\"notes\":\"kennt Sensorik\"},"
	"{\"competency\":\"negotiation\",\"rating\":4,\"notes\":\"\"}],"
	"\"answers\":[{\"question_ref\":\"kam.rel.01\",\"notes\":\"Beispiel Bosch\"}],"
	"\"exercise_ratings\":[{\"exercise\":\"sales.negotiation\",\"rating\":3,\"notes\":\"ruhig\"}]}";

static void scorecards_are_independent(void **state)
{
	(void)state;
	char body[2048], path[128];
	long long pos = create_position("Scorecards KAM");
	json_t *plan = put_plan(pos, one_round_plan(body, sizeof body, "\"kam.rel.01\""), 200);
	long long r1 = round_id(plan, 0);
	json_decref(plan);
	long long app = create_application(pos, "Unabhaengig");
	json_t *iv = plan_interview(app, r1);
	long long interview = id_of(iv);
	json_decref(iv);

	/* Assignment: k.neumann is no interviewer of it — everything is 404. */
	snprintf(body, sizeof body, "{\"interview_id\":%lld}", interview);
	api_expect_problem(&srv, tok_neumann, "POST", "/api/v1/scorecards", body, 404, NULL);
	snprintf(path, sizeof path, "/api/v1/interviews/%lld", interview);
	assert_int_equal(get_status(tok_neumann, path), 404);
	assert_int_equal(get_status(tok_hoffmann, path), 200);
	snprintf(path, sizeof path, "/api/v1/scorecards?application=%lld", app);
	assert_int_equal(get_status(tok_neumann, path), 404);
	/* interviewers neither plan interviews nor decide */
	snprintf(path, sizeof path, "/api/v1/applications/%lld/interviews", app);
	api_expect_problem(&srv, tok_hoffmann, "POST", path, "{\"round_id\":1}", 403, NULL);

	long long sc_a = open_scorecard(tok_hoffmann, interview, 201);
	assert_int_equal(open_scorecard(tok_hoffmann, interview, 200), sc_a); /* the same draft again */
	long long sc_b = open_scorecard(tok_schulz, interview, 201);
	assert_true(sc_a != sc_b);

	/* validation names the item */
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld", sc_a);
	api_expect_problem(&srv, tok_hoffmann, "PUT", path, "{\"ratings\":[{\"competency\":\"negotiation\",\"rating\":5}]}",
			   422, "#/ratings/0/rating");
	api_expect_problem(&srv, tok_hoffmann, "PUT", path, "{\"ratings\":[{\"competency\":\"juggling\",\"rating\":2}]}", 422,
			   "#/ratings/0/competency");
	api_expect_problem(&srv, tok_hoffmann, "PUT", path, "{\"recommendation\":\"maybe\"}", 422, "#/recommendation");
	/* someone else's draft does not exist for others, not even for the hiring manager */
	api_expect_problem(&srv, tok_schulz, "PUT", path, "{}", 404, NULL);
	assert_int_equal(get_status(tok_brandt, path), 404);
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld/submit", sc_a);
	api_expect_problem(&srv, tok_hoffmann, "POST", path, "{}", 422, "#/recommendation");

	fill_and_submit(tok_hoffmann, sc_a, RATINGS_HOFFMANN);
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld", sc_a);
	api_expect_problem(&srv, tok_hoffmann, "PUT", path, "{\"notes\":\"later\"}", 409, NULL); /* final */

	/* R-INT-5: B sees A's submitted scorecard only after submitting their own. */
	assert_int_equal(get_status(tok_schulz, path), 404);
	snprintf(path, sizeof path, "/api/v1/scorecards?application=%lld", app);
	json_t *list = api_call_json(&srv, tok_schulz, "GET", path, NULL, 200);
	assert_false(json_is_true(json_object_get(list, "unlocked")));
	json_t *arr = json_object_get(list, "scorecards");
	assert_int_equal(json_array_size(arr), 1);
	assert_int_equal(id_of(json_array_get(arr, 0)), sc_b);
	json_decref(list);

	fill_and_submit(tok_schulz, sc_b,
			"{\"recommendation\":\"no\",\"ratings\":[{\"competency\":\"salary_realism\",\"rating\":2},"
			"{\"competency\":\"negotiation\",\"rating\":1}]}");
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld", sc_a);
	json_t *seen = api_call_json(&srv, tok_schulz, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(seen, "recommendation")), "yes");
	assert_int_equal(json_array_size(json_object_get(seen, "ratings")), 2);
	assert_int_equal(json_array_size(json_object_get(seen, "exercise_ratings")), 1);
	assert_string_equal(json_string_value(json_object_get(seen, "candidate_questions_quality")), "substantive");
	json_decref(seen);
	snprintf(path, sizeof path, "/api/v1/scorecards?application=%lld", app);
	list = api_call_json(&srv, tok_schulz, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(list, "unlocked")));
	assert_int_equal(json_array_size(json_object_get(list, "scorecards")), 2);
	json_decref(list);
	/* the hiring manager sees every submitted scorecard; the outsider still nothing */
	list = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(list, "scorecards")), 2);
	json_decref(list);
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld", sc_a);
	assert_int_equal(get_status(tok_neumann, path), 404);
	/* seeing is not writing: another's scorecard is refused, one's own stays final */
	api_expect_problem(&srv, tok_schulz, "PUT", path, "{\"notes\":\"mine now\"}", 403, NULL);
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld/submit", sc_b);
	api_expect_problem(&srv, tok_schulz, "POST", path, "{}", 409, NULL);
	/* a recruiter who is no interviewer of it has no scorecard to open */
	snprintf(body, sizeof body, "{\"interview_id\":%lld}", interview);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/scorecards", body, 404, NULL);
}

/* ---- evaluation and decision ------------------------------------------------------------------------------ */

/* The candidate entry of application in an evaluation answer. */
static json_t *eval_candidate(json_t *eval, long long application)
{
	json_t *arr = json_object_get(eval, "candidates");
	for (size_t i = 0; i < json_array_size(arr); i++)
		if (json_integer_value(json_object_get(json_array_get(arr, i), "application_id")) == application)
			return json_array_get(arr, i);
	fail_msg("application %lld is not in the evaluation", application);
	return NULL;
}

static void evaluation_and_decision(void **state)
{
	(void)state;
	char body[2048], path[128];
	long long pos = create_position("Evaluation KAM");
	/* negotiation is a must-have: weight 3, knockout below 2.5 (R-EVAL-1, R-EVAL-2) */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements", pos);
	json_t *req = api_call_json(&srv, tok_weber, "POST", path,
				    "{\"title\":\"Verhandlungsst\\u00e4rke\",\"kind\":\"skill\",\"tier\":\"must\","
				    "\"competency_key\":\"negotiation\"}",
				    201);
	json_decref(req);
	json_t *plan = put_plan(pos, one_round_plan(body, sizeof body, "\"kam.neg.01\""), 200);
	long long r1 = round_id(plan, 0);
	json_decref(plan);
	long long strong = create_application(pos, "Starkverhandler"), weak = create_application(pos, "Schwachverhandler");
	for (int k = 0; k < 2; k++) {
		long long app = k == 0 ? strong : weak;
		json_t *iv = plan_interview(app, r1);
		long long interview = id_of(iv);
		json_decref(iv);
		/* strong: negotiation 4 and 1 → mean 2.5, spread 3; weak: 2 and 2 → knockout */
		fill_and_submit(tok_hoffmann, open_scorecard(tok_hoffmann, interview, 201),
				k == 0 ? "{\"recommendation\":\"strong_yes\",\"ratings\":[{\"competency\":\"negotiation\",\"rating\":4}]}"
				       : "{\"recommendation\":\"no\",\"ratings\":[{\"competency\":\"negotiation\",\"rating\":2}]}");
		fill_and_submit(tok_schulz, open_scorecard(tok_schulz, interview, 201),
				k == 0 ? "{\"recommendation\":\"no\",\"ratings\":[{\"competency\":\"negotiation\",\"rating\":1},"
					 "{\"competency\":\"salary_realism\",\"rating\":3}]}"
				       : "{\"recommendation\":\"no\",\"ratings\":[{\"competency\":\"negotiation\",\"rating\":2}]}");
	}

	snprintf(path, sizeof path, "/api/v1/positions/%lld/evaluation", pos);
	assert_int_equal(get_status(tok_hoffmann, path), 403);
	json_t *eval = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	json_t *comps = json_object_get(eval, "competencies");
	bool negotiation_weighted = false;
	for (size_t i = 0; i < json_array_size(comps); i++) {
		json_t *c = json_array_get(comps, i);
		if (strcmp(json_string_value(json_object_get(c, "key")), "negotiation") == 0)
			negotiation_weighted = json_integer_value(json_object_get(c, "weight")) == 3 &&
					       json_is_true(json_object_get(c, "must"));
	}
	assert_true(negotiation_weighted); /* R-EVAL-1 */
	json_t *s = eval_candidate(eval, strong), *w = eval_candidate(eval, weak);
	/* R-EVAL-2: the knockout is flagged and not ranked; the other is ranked first */
	assert_false(json_is_true(json_object_get(s, "knockout")));
	assert_int_equal(json_integer_value(json_object_get(s, "rank")), 1);
	assert_true(json_is_true(json_object_get(w, "knockout")));
	assert_true(json_is_null(json_object_get(w, "rank")));
	assert_int_equal(json_integer_value(json_object_get(eval, "ranked")), 1);
	json_t *cell = json_object_get(json_object_get(s, "competencies"), "negotiation");
	/* R-EVAL-3: the spread between interviewers is shown and flagged */
	assert_int_equal(json_integer_value(json_object_get(cell, "mean_x100")), 250);
	/* R-EVAL-1: (3 × 2.5 + 1 × 3) / 4 = 2.625 → 263 hundredths */
	assert_int_equal(json_integer_value(json_object_get(s, "score_x100")), 263);
	assert_int_equal(json_integer_value(json_object_get(cell, "spread")), 3);
	assert_true(json_is_true(json_object_get(cell, "disagreement")));
	assert_true(json_is_true(json_object_get(s, "disagreement")));
	assert_string_equal(json_string_value(json_object_get(cell, "must")), "fulfilled");
	assert_string_equal(json_string_value(
				    json_object_get(json_object_get(json_object_get(w, "competencies"), "negotiation"), "must")),
			    "knockout");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(s, "recommendations"), "strong_yes")), 1);
	assert_true(json_is_null(json_object_get(s, "culture_fit")));
	json_decref(eval);

	/* R-GUARD-5 / R-EVAL-4: no decision without culture fit and rationale; nothing stored. */
	snprintf(path, sizeof path, "/api/v1/applications/%lld/decision", strong);
	const char *detail = api_expect_problem(&srv, tok_brandt, "POST", path,
						"{\"decision\":\"hire\",\"rationale\":\"Starke Verhandlerin, passt zum Team.\"}",
						422, "#/culture_fit");
	assert_true(strlen(detail) > 0);
	api_expect_problem(&srv, tok_brandt, "POST", path, "{\"decision\":\"hire\",\"culture_fit\":5,\"rationale\":\"Starke Verhandlerin, passt zum Team.\"}",
			   422, "#/culture_fit");
	api_expect_problem(&srv, tok_brandt, "POST", path, "{\"decision\":\"hire\",\"culture_fit\":3,\"rationale\":\"gut\"}", 422,
			   "#/rationale");
	api_expect_problem(&srv, tok_brandt, "POST", path, "{\"decision\":\"maybe\",\"culture_fit\":3,\"rationale\":\"Starke Verhandlerin, passt zum Team.\"}",
			   422, "#/decision");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"decision\":\"hire\",\"culture_fit\":3,\"rationale\":\"Starke Verhandlerin, passt zum Team.\"}",
			   403, NULL); /* recruiters do not decide */
	snprintf(path, sizeof path, "/api/v1/applications/%lld/decisions", strong);
	json_t *none = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(none, "decisions")), 0);
	json_decref(none);

	snprintf(path, sizeof path, "/api/v1/applications/%lld/decision", strong);
	struct http_response *res = api_call(&srv, tok_brandt, "POST", path,
					     "{\"decision\":\"hire\",\"culture_fit\":3,\"rationale\":\"Starke Verhandlerin, passt zum Team.\"}");
	assert_status(res, 201);
	char location[128];
	assert_true(http_header(res, "Location", location, sizeof location));
	json_t *d = http_json(res);
	http_response_free(res);
	assert_string_equal(json_string_value(json_object_get(d, "decision")), "hire");
	assert_int_equal(json_integer_value(json_object_get(d, "culture_fit")), 3);
	json_decref(d);
	json_t *decisions = api_call_json(&srv, tok_brandt, "GET", location, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(decisions, "decisions")), 1);
	json_decref(decisions);
	/* the decision does not move the stage; the matrix shows the culture fit */
	snprintf(path, sizeof path, "/api/v1/applications/%lld", strong);
	json_t *a = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	assert_string_not_equal(json_string_value(json_object_get(a, "stage")), "offer");
	json_decref(a);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/evaluation", pos);
	eval = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(eval_candidate(eval, strong), "culture_fit")), 3);
	json_decref(eval);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(questions_and_exercises_are_listed),
		cmocka_unit_test(plan_guard_and_kit_versions),
		cmocka_unit_test(scorecards_are_independent),
		cmocka_unit_test(evaluation_and_decision),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
