/*
 * test_scorecards.c — black-box tests of "my interviews", the interview
 * kit with its scorecard and the scorecard pages (issue 6 "Scorecards"):
 * planning an interview from the candidate page with the kit version shown
 * per candidate (R-INT-3), the assignment rule (an interviewer sees only
 * the interviews and candidates they are assigned to, others get 404), the
 * independence rule (another interviewer's scorecard answers 404 until
 * one's own is submitted, R-INT-5), the anchored scorecard with its field
 * errors and its finality after submitting, and the kit's print hooks and
 * focus marking (R-INT-6).
 *
 * The position's plan comes from the plan page (default rounds on the
 * first visit); its interviewers and kit are written into the database
 * directly, so this test does not depend on the plan page's forms.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *weber;     /* recruiter */
static struct http_client *hoffmann;  /* interviewer A, focus industry_knowledge */
static struct http_client *schulz;    /* interviewer B, focus salary_realism */
static struct http_client *yilmaz;    /* interviewer, not assigned */

static void set_lang(struct http_client *c, const char *lang)
{
	char csrf[128], body[256];
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	snprintf(body, sizeof body, "csrf=%s&lang=%s&next=%%2Fdashboard", csrf, lang);
	struct http_response *r = http_post_form(c, "/lang", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "scorecard test", tok_weber, sizeof tok_weber, NULL);
	weber = client_logged_in(&srv, "weber");
	hoffmann = client_logged_in(&srv, "hoffmann");
	schulz = client_logged_in(&srv, "schulz");
	yilmaz = client_logged_in(&srv, "yilmaz");
	set_lang(weber, "en");
	set_lang(hoffmann, "en");
	set_lang(schulz, "en");
	set_lang(yilmaz, "en");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	http_client_free(hoffmann);
	http_client_free(schulz);
	http_client_free(yilmaz);
	server_stop(&srv);
	return 0;
}

static int test_setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

/* ---- the database (setup only) --------------------------------------------------------------- */

static sqlite3 *db_open(void)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static void db_exec(const char *sql)
{
	sqlite3 *db = db_open();
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
	sqlite3_close(db);
}

/* The first column of the first row of sql as an integer (0 for no row). */
static long long db_int(const char *sql)
{
	sqlite3 *db = db_open();
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static long long user_id(const char *name)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM users WHERE name = '%s'", name);
	long long id = db_int(sql);
	assert_true(id > 0);
	return id;
}

/* ---- data through the API and the pages ---------------------------------------------------- */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static long long create_position(const char *title)
{
	char body[512];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", title);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	snprintf(body, sizeof body,
		 "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\"}", title, org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

static long long create_application(long long position, const char *first, const char *last, long long *candidate_out)
{
	static int serial;
	char body[640], path[96];
	snprintf(body, sizeof body,
		 "{\"first_name\":\"%s\",\"last_name\":\"%s\",\"current_company\":\"Hanse Logistik\","
		 "\"current_role\":\"Key Account Managerin\",\"location\":\"Bremen\",\"notice_period_weeks\":12,"
		 "\"languages\":\"Deutsch C2, Englisch C1\",\"email\":\"%s.%s.%lld@example.org\",\"phone\":\"+49 421 555 01%02d\","
		 "\"salary_expectation\":98765,\"currency\":\"EUR\",\"channel\":\"linkedin\"}",
		 first, last, first, last, position, ++serial);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long cand = id_of(c);
	json_decref(c);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	*candidate_out = cand;
	return id;
}

#define KIT_V1 "{\"questions\":[\"kam.rel.01\",\"kam.rel.02\"],\"exercises\":[\"sales.role_play\"]}"
#define KIT_V2 "{\"questions\":[\"kam.rel.01\",\"kam.rel.02\",\"kam.rel.03\"],\"exercises\":[\"sales.role_play\"]}"

/* The first round of position's plan (created by the plan page on a
 * recruiter's first visit) with hoffmann (focus industry_knowledge) and
 * schulz (focus salary_realism) as interviewers and kit KIT_V1. */
static long long plan_first_round(long long position)
{
	char path[96], sql[512];
	snprintf(path, sizeof path, "/positions/%lld/interviews", position);
	struct http_response *r = get_page(weber, path, 200);
	http_response_free(r);
	snprintf(sql, sizeof sql, "SELECT id FROM interview_rounds WHERE position_id = %lld AND ord = 1", position);
	long long round = db_int(sql);
	assert_true(round > 0);
	snprintf(sql, sizeof sql,
		 "DELETE FROM round_interviewers WHERE round_id = %lld;"
		 "INSERT INTO round_interviewers(round_id, user_id, focus) VALUES (%lld, %lld, 'industry_knowledge'),"
		 " (%lld, %lld, 'salary_realism');"
		 "UPDATE interview_rounds SET kit = '" KIT_V1 "' WHERE id = %lld;",
		 round, round, user_id("hoffmann"), round, user_id("schulz"), round);
	db_exec(sql);
	return round;
}

/* Plans round for application as the recruiter (form on the candidate
 * page); returns the interview's id. */
static long long plan_interview(long long candidate, long long application, long long round)
{
	char token_page[96], path[96], form[64], sql[200];
	snprintf(token_page, sizeof token_page, "/candidates/%lld", candidate);
	snprintf(path, sizeof path, "/applications/%lld/interviews", application);
	snprintf(form, sizeof form, "round_id=%lld", round);
	struct http_response *r = post_form_with_csrf(weber, token_page, path, form, 303);
	assert_redirect(r, token_page);
	http_response_free(r);
	snprintf(sql, sizeof sql, "SELECT id FROM interviews WHERE application_id = %lld AND round_id = %lld", application, round);
	long long id = db_int(sql);
	assert_true(id > 0);
	return id;
}

static struct http_response *post_scorecard(struct http_client *c, long long interview, const char *form, long status)
{
	char path[96];
	snprintf(path, sizeof path, "/interviews/%lld/scorecard", interview);
	return post_form_with_csrf(c, "/interviews", path, form, status);
}

static long long scorecard_of(long long interview, const char *user)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT id FROM scorecards WHERE interview_id = %lld AND user_id = %lld", interview,
		 user_id(user));
	return db_int(sql);
}

/* The status of GET prefix<id>. */
static long get_status(struct http_client *c, const char *prefix, long long id)
{
	char path[96];
	snprintf(path, sizeof path, "%s%lld", prefix, id);
	struct http_response *r = http_get(c, path, NULL);
	long status = r->status;
	http_response_free(r);
	return status;
}

/* ---- the tests ------------------------------------------------------------------------------------ */

/* R-INT-5 (independence), R-INT-6 (scorecard), R-INT-3 (kit version),
 * assignment: the whole path of two interviewers through one interview. */
static void test_independence_and_scorecard(void **state)
{
	(void)state;
	long long position = create_position("Key Account Manager Nord (Scorecards)");
	long long round = plan_first_round(position);
	long long cand = 0;
	long long app = create_application(position, "Merle", "Scorewitz", &cand);
	long long interview = plan_interview(cand, app, round);
	char path[96];

	/* R-INT-3: the candidate page shows the interview with kit v1 and its interviewers. */
	snprintf(path, sizeof path, "/candidates/%lld", cand);
	struct http_response *r = get_page(weber, path, 200);
	assert_contains(r->body, "<span class=\"kit-version\">v1</span>");
	assert_contains(r->body, "Lena Hoffmann");
	assert_contains(r->body, "Peter Schulz");
	http_response_free(r);

	/* Planning the same round again is refused at the field. */
	char form[64];
	snprintf(form, sizeof form, "round_id=%lld", round);
	snprintf(path, sizeof path, "/applications/%lld/interviews", app);
	char token_page[96];
	snprintf(token_page, sizeof token_page, "/candidates/%lld", cand);
	r = post_form_with_csrf(weber, token_page, path, form, 422);
	assert_contains(r->body, "already planned");
	http_response_free(r);

	/* My interviews: A sees the candidate with round and kit version, still open. */
	r = get_page(hoffmann, "/interviews", 200);
	assert_contains(r->body, "Merle Scorewitz");
	assert_contains(r->body, "Key Account Manager Nord (Scorecards)");
	assert_contains(r->body, "<span class=\"kit-version\">v1</span>");
	assert_contains(r->body, "badge-warn");
	http_response_free(r);

	/* The kit: summary without contact data or salary, focus marked, the
	 * questions with guides, the exercise, the print hooks (R-INT-6). */
	snprintf(path, sizeof path, "/interviews/%lld", interview);
	r = get_page(hoffmann, path, 200);
	assert_contains(r->body, "Hanse Logistik");
	assert_contains(r->body, "Bremen");
	assert_contains(r->body, "12 weeks");
	assert_contains(r->body, "Deutsch C2, Englisch C1");
	assert_not_contains(r->body, "example.org");
	assert_not_contains(r->body, "555 01");
	assert_not_contains(r->body, "98765");  /* no salary */
	assert_not_contains(r->body, "98.765");
	assert_contains(r->body, "competency-rating is-focus\" data-competency=\"industry_knowledge\"");
	assert_not_contains(r->body, "competency-rating is-focus\" data-competency=\"salary_realism\"");
	assert_contains(r->body, "data-ref=\"kam.rel.01\"");
	assert_contains(r->body, "data-ref=\"kam.rel.02\"");
	assert_true(strstr(r->body, "data-ref=\"kam.rel.01\"") < strstr(r->body, "data-ref=\"kam.rel.02\""));
	assert_contains(r->body, "name=\"answer.kam.rel.01\"");
	assert_contains(r->body, "A strong answer");
	assert_contains(r->body, "data-exercise=\"sales.role_play\"");
	assert_contains(r->body, "name=\"exercise.sales.role_play\"");
	assert_contains(r->body, "data-print");
	assert_contains(r->body, "class=\"print-only kit-print-line\"");
	assert_contains(r->body, "Clearly exceeds the requirement");
	assert_not_contains(r->body, "value=\"0\"");   /* no neutral middle or zero */
	assert_contains(r->body, "data-confirm=");
	assert_contains(r->body, "only about holidays");
	assert_contains(r->body, "become visible after you submit yours");
	http_response_free(r);

	/* R-INT-5: submitting without a recommendation names the field; nothing is submitted. */
	r = post_scorecard(hoffmann, interview, "rating.industry_knowledge=3&rnote.industry_knowledge=Kennt+die+Branche"
				       "&action=submit", 422);
	assert_contains(r->body, "href=\"#sc-recommendation\"");
	assert_contains(r->body, "Please choose an overall recommendation before submitting.");
	assert_contains(r->body, "Kennt die Branche");      /* what was typed stays */
	http_response_free(r);
	assert_int_equal(scorecard_of(interview, "hoffmann"), 0);

	/* A rating outside 1–4 and a note without rating are field errors. */
	r = post_scorecard(hoffmann, interview, "rating.negotiation=5&rnote.cultural_fit=ohne+Bewertung&action=save", 422);
	assert_contains(r->body, "href=\"#sc-rating.negotiation\"");
	assert_contains(r->body, "href=\"#sc-rating.cultural_fit\"");
	http_response_free(r);

	/* A saves a draft, then submits. */
	r = post_scorecard(hoffmann, interview,
			   "rating.industry_knowledge=3&rnote.industry_knowledge=Kennt+die+Branche+A-MARKER"
			   "&answer.kam.rel.01=Gutes+Beispiel&exercise.sales.role_play=2&enote.sales.role_play=zu+schnell"
			   "&candidate_questions=Urlaub%3F&candidate_questions_quality=superficial&action=save", 303);
	http_response_free(r);
	long long sc_a = scorecard_of(interview, "hoffmann");
	assert_true(sc_a > 0);
	assert_int_equal(get_status(hoffmann, "/scorecards/", sc_a), 200);      /* own draft */
	assert_int_equal(get_status(schulz, "/scorecards/", sc_a), 404);        /* someone else's draft */
	r = post_scorecard(hoffmann, interview,
			   "rating.industry_knowledge=3&rnote.industry_knowledge=Kennt+die+Branche+A-MARKER"
			   "&answer.kam.rel.01=Gutes+Beispiel&exercise.sales.role_play=2&enote.sales.role_play=zu+schnell"
			   "&candidate_questions=Urlaub%3F&candidate_questions_quality=superficial&recommendation=yes"
			   "&action=submit", 303);
	http_response_free(r);
	snprintf(path, sizeof path, "SELECT status = 'submitted' FROM scorecards WHERE id = %lld", sc_a);
	assert_int_equal(db_int(path), 1);

	/* R-INT-5: B, assigned but not yet submitted, gets 404 for A's scorecard
	 * and no link to it on the kit. */
	assert_int_equal(get_status(schulz, "/scorecards/", sc_a), 404);
	snprintf(path, sizeof path, "/interviews/%lld", interview);
	r = get_page(schulz, path, 200);
	assert_contains(r->body, "become visible after you submit yours");
	char link[64];
	snprintf(link, sizeof link, "/scorecards/%lld\"", sc_a);
	assert_not_contains(r->body, link);
	assert_contains(r->body, "competency-rating is-focus\" data-competency=\"salary_realism\"");
	http_response_free(r);

	/* A, having submitted, sees the kit read-only; saving again is refused. */
	r = get_page(hoffmann, path, 200);
	assert_contains(r->body, "can no longer be changed");
	assert_not_contains(r->body, "name=\"rating.industry_knowledge\"");
	http_response_free(r);
	r = post_scorecard(hoffmann, interview, "rating.industry_knowledge=1&recommendation=strong_no&action=submit", 409);
	http_response_free(r);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT rating FROM scorecard_ratings WHERE scorecard_id = %lld AND competency = 'industry_knowledge'",
		 sc_a);
	assert_int_equal(db_int(sql), 3);

	/* B submits; now A's scorecard is visible to B with A's ratings. */
	r = post_scorecard(schulz, interview, "rating.salary_realism=2&recommendation=no&action=submit", 303);
	http_response_free(r);
	snprintf(path, sizeof path, "/scorecards/%lld", sc_a);
	r = get_page(schulz, path, 200);
	assert_contains(r->body, "A-MARKER");
	assert_contains(r->body, "data-competency=\"industry_knowledge\"");
	assert_contains(r->body, "Meets the requirement");
	assert_contains(r->body, "data-recommendation=\"yes\"");
	assert_contains(r->body, "Superficial");
	/* R-SALES-2: the exercise rating with its notes. */
	assert_contains(r->body, "id=\"exercise-ratings\"");
	assert_contains(r->body, "zu schnell");
	http_response_free(r);
	snprintf(path, sizeof path, "/interviews/%lld", interview);
	r = get_page(schulz, path, 200);
	assert_contains(r->body, link);
	http_response_free(r);

	/* Not assigned: 404 for the kit, the scorecards and saving; nothing on
	 * their list; no candidate pages for interviewers at all (403). */
	assert_int_equal(get_status(yilmaz, "/interviews/", interview), 404);
	assert_int_equal(get_status(yilmaz, "/scorecards/", sc_a), 404);
	r = post_scorecard(yilmaz, interview, "rating.negotiation=3&action=save", 404);
	http_response_free(r);
	r = get_page(yilmaz, "/interviews", 200);
	assert_not_contains(r->body, "Merle Scorewitz");
	http_response_free(r);
	assert_int_equal(get_status(hoffmann, "/candidates/", cand), 403);

	/* The recruiter sees every submitted scorecard and the links on the candidate page. */
	assert_int_equal(get_status(weber, "/scorecards/", sc_a), 200);
	snprintf(path, sizeof path, "/candidates/%lld", cand);
	r = get_page(weber, path, 200);
	assert_contains(r->body, link);
	http_response_free(r);

	/* Unknown ids are 404 too. */
	assert_int_equal(get_status(hoffmann, "/scorecards/", 999999), 404);
	assert_int_equal(get_status(hoffmann, "/interviews/", 999999), 404);
	assert_no_soft_failures();
}

/* R-INT-3: changing the kit after its first use gives the next candidate
 * version 2, and the candidate pages show who got which. */
static void test_kit_version_per_candidate(void **state)
{
	(void)state;
	long long position = create_position("Key Account Manager Sued (Kits)");
	long long round = plan_first_round(position);
	long long c1 = 0, c2 = 0;
	long long a1 = create_application(position, "Jana", "Erstling", &c1);
	long long a2 = create_application(position, "Kai", "Zweitling", &c2);
	plan_interview(c1, a1, round);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE interview_rounds SET kit = '" KIT_V2 "' WHERE id = %lld", round);
	db_exec(sql);
	long long i2 = plan_interview(c2, a2, round);

	char path[96];
	snprintf(path, sizeof path, "/candidates/%lld", c1);
	struct http_response *r = get_page(weber, path, 200);
	assert_contains(r->body, "<span class=\"kit-version\">v1</span>");
	http_response_free(r);
	snprintf(path, sizeof path, "/candidates/%lld", c2);
	r = get_page(weber, path, 200);
	assert_contains(r->body, "<span class=\"kit-version\">v2</span>");
	http_response_free(r);

	/* The second candidate's kit has the third question, in order. */
	snprintf(path, sizeof path, "/interviews/%lld", i2);
	r = get_page(hoffmann, path, 200);
	assert_contains(r->body, "data-ref=\"kam.rel.03\"");
	assert_contains(r->body, "v2");
	http_response_free(r);

	/* A round of another position is refused at the field. */
	long long other = create_position("Andere Position (Kits)");
	long long other_round = plan_first_round(other);
	long long c3 = 0;
	long long a3 = create_application(position, "Lea", "Drittling", &c3);
	char form[64], token_page[96];
	snprintf(form, sizeof form, "round_id=%lld", other_round);
	snprintf(path, sizeof path, "/applications/%lld/interviews", a3);
	snprintf(token_page, sizeof token_page, "/candidates/%lld", c3);
	r = post_form_with_csrf(weber, token_page, path, form, 422);
	assert_contains(r->body, "does not belong to the interview plan");
	http_response_free(r);
	/* Interviewers may not plan interviews. */
	r = http_get(hoffmann, "/interviews", NULL);
	char csrf[128];
	assert_true(html_csrf(r->body, csrf, sizeof csrf));
	http_response_free(r);
	char body[256];
	snprintf(body, sizeof body, "round_id=%lld&csrf=%s", round, csrf);
	r = http_post_form(hoffmann, path, body, NULL);
	assert_status(r, 403);
	http_response_free(r);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_independence_and_scorecard, test_setup),
		cmocka_unit_test_setup(test_kit_version_per_candidate, test_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
