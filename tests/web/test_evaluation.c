/*
 * test_evaluation.c — black-box tests of the evaluation pages (R-EVAL-1..4,
 * R-GUARD-5): the comparison matrix of a position (weighted scores from the
 * profile's tiers and the ranking, knockout candidates listed after the
 * others although their score is higher, disagreement between interviewers
 * highlighted, drafts never counted), the empty state, the candidate
 * evaluation page with its SVG chart, and the hire/reject decision (culture
 * fit required → 422 with the message at the field and nothing stored;
 * recruiters get 403; a valid decision is stored and in the timeline).
 *
 * Fixture: the submitted scorecards are written straight into the test
 * server's database with sqlite3 (rounds, kit versions, interviews,
 * scorecards as drafts with their ratings, then marked submitted — the
 * order the database triggers allow), so the numbers are fixed and do not
 * depend on the scorecard forms. One test takes the whole path through the
 * API instead (plan, interview, scorecard, submit). Positions, candidates
 * and applications are created through the API.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *weber;   /* recruiter */
static struct http_client *brandt;  /* hiring manager, English */

/* The fixture position and its three candidates. */
static long long pos, app_anna, app_bernd, app_clara, cand_anna;

static void set_lang(struct http_client *c, const char *lang)
{
	char csrf[128], body[256];
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	snprintf(body, sizeof body, "csrf=%s&lang=%s&next=%%2Fdashboard", csrf, lang);
	struct http_response *r = http_post_form(c, "/lang", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
}

/* ---- the database ------------------------------------------------------------------------------ */

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

/* Runs one statement; returns the rowid it inserted. */
static long long db_insert(const char *sql)
{
	sqlite3 *db = db_open();
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
	long long id = sqlite3_last_insert_rowid(db);
	sqlite3_close(db);
	return id;
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
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM users WHERE name = '%s'", name);
	long long id = db_int(sql);
	assert_true(id > 0);
	return id;
}

static long long decisions_of(long long app)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM decisions WHERE application_id = %lld", app);
	return db_int(sql);
}

/* ---- data through the API ----------------------------------------------------------------------- */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

/* A KAM position: the draft profile holds the template's requirements, so
 * relationship_management, negotiation and strategic_thinking are
 * must-haves (weight 3) and crm_and_data_analysis is important (2). */
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

static long long create_application(long long position, const char *first, const char *last, long long *cand_out)
{
	char body[512], path[96];
	snprintf(body, sizeof body,
		 "{\"first_name\":\"%s\",\"last_name\":\"%s\",\"channel\":\"linkedin\",\"email\":\"%s.%s.%lld@example.org\"}",
		 first, last, first, last, position);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long cand = id_of(c);
	json_decref(c);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	if (cand_out)
		*cand_out = cand;
	return id;
}

/* ---- scorecards straight into the database ------------------------------------------------------- */

struct rating {
	const char *key;
	int value;
};

/* An interview of app in round/kit with the interviewers users[0..n). */
static long long interview(long long app, long long round, long long kit, const long long *users, int n)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO interviews (application_id, round_id, kit_version_id, created_at) VALUES (%lld, %lld, %lld, 1700000000)",
		 app, round, kit);
	long long id = db_insert(sql);
	for (int i = 0; i < n; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO interview_interviewers (interview_id, user_id) VALUES (%lld, %lld)", id,
			 users[i]);
		db_insert(sql);
	}
	return id;
}

/* A scorecard of user for interview with ratings (and exercise ratings),
 * submitted unless draft. */
static long long scorecard(long long iv, long long user, const char *rec, const struct rating *ratings, int n,
			   const struct rating *exercises, int nx, int draft)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO scorecards (interview_id, user_id, status, recommendation, created_at, updated_at)"
		 " VALUES (%lld, %lld, 'draft', '%s', 1700000000, 1700000000)",
		 iv, user, rec);
	long long id = db_insert(sql);
	for (int i = 0; i < n; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO scorecard_ratings (scorecard_id, competency, rating) VALUES (%lld, '%s', %d)",
			 id, ratings[i].key, ratings[i].value);
		db_insert(sql);
	}
	for (int i = 0; i < nx; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO exercise_ratings (scorecard_id, exercise_key, rating) VALUES (%lld, '%s', %d)",
			 id, exercises[i].key, exercises[i].value);
		db_insert(sql);
	}
	if (!draft) {
		snprintf(sql, sizeof sql, "UPDATE scorecards SET status = 'submitted', submitted_at = 1700000100 WHERE id = %lld", id);
		db_insert(sql);
	}
	return id;
}

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* Anna:  rel 3,3  neg 3,4  strat 3  crm 2            → (9 + 10.5 + 9 + 4) / 11 = 2.95, rank 1
 * Clara: rel 1,4  neg 3    strat 2,3                 → (7.5 + 9 + 7.5) / 9 = 2.67, rank 2;
 *        rel spread 3 (disagreement); means of 2.5 are no knockout
 * Bernd: rel 4,4  neg 2,2  strat 4  cultural_fit 4   → (12 + 6 + 12 + 4) / 10 = 3.40, but negotiation
 *        (must-have) 2.0 < 2.5: knockout, listed after Anna and Clara
 * A draft of Schulz for Anna (negotiation 1) must not count. */
static void fixture(void)
{
	pos = create_position("Evaluation KAM");
	app_anna = create_application(pos, "Anna", "Albers", &cand_anna);
	app_bernd = create_application(pos, "Bernd", "Brenner", NULL);
	app_clara = create_application(pos, "Clara", "Claussen", NULL);
	long long u_brandt = user_id("brandt"), u_hoffmann = user_id("hoffmann"), u_schulz = user_id("schulz");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO interview_rounds (position_id, ord, name, stage, duration_minutes) VALUES (%lld, 1, 'First interview', 'first_interview', 45)",
		 pos);
	long long round = db_insert(sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO kit_versions (round_id, version, kit, created_at) VALUES (%lld, 1, '{\"questions\":[],\"exercises\":[]}', 1700000000)",
		 round);
	long long kit = db_insert(sql);
	const long long users[] = { u_brandt, u_hoffmann, u_schulz };

	long long iv = interview(app_anna, round, kit, users, 3);
	const struct rating a1[] = { { "relationship_management", 3 }, { "negotiation", 3 }, { "strategic_thinking", 3 },
				     { "crm_and_data_analysis", 2 } };
	const struct rating ax[] = { { "sales.role_play", 3 } };
	const struct rating a2[] = { { "relationship_management", 3 }, { "negotiation", 4 } };
	const struct rating a3[] = { { "negotiation", 1 } };
	scorecard(iv, u_brandt, "yes", a1, N(a1), ax, N(ax), 0);
	scorecard(iv, u_hoffmann, "strong_yes", a2, N(a2), NULL, 0, 0);
	scorecard(iv, u_schulz, "strong_no", a3, N(a3), NULL, 0, 1);

	iv = interview(app_bernd, round, kit, users, 2);
	const struct rating b1[] = { { "relationship_management", 4 }, { "negotiation", 2 }, { "strategic_thinking", 4 },
				     { "cultural_fit", 4 } };
	const struct rating b2[] = { { "relationship_management", 4 }, { "negotiation", 2 } };
	scorecard(iv, u_brandt, "yes", b1, N(b1), NULL, 0, 0);
	scorecard(iv, u_hoffmann, "no", b2, N(b2), NULL, 0, 0);

	iv = interview(app_clara, round, kit, users, 2);
	const struct rating c1[] = { { "relationship_management", 1 }, { "negotiation", 3 }, { "strategic_thinking", 2 } };
	const struct rating c2[] = { { "relationship_management", 4 }, { "strategic_thinking", 3 } };
	scorecard(iv, u_brandt, "no", c1, N(c1), NULL, 0, 0);
	scorecard(iv, u_hoffmann, "yes", c2, N(c2), NULL, 0, 0);
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "evaluation test", tok_weber, sizeof tok_weber, NULL);
	weber = client_logged_in(&srv, "weber");
	set_lang(weber, "en");
	brandt = client_logged_in(&srv, "brandt");
	set_lang(brandt, "en");
	fixture();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	http_client_free(brandt);
	server_stop(&srv);
	return 0;
}

static int test_setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

/* ---- reading pages ---------------------------------------------------------------------------------- */

/* Where `needle` starts in html; fails when absent. */
static size_t at(const char *html, const char *needle)
{
	const char *p = strstr(html, needle);
	if (!p)
		fail_msg("not found: %s", needle);
	return (size_t)(p - html);
}

/* The opening tag of the matrix row of app (up to its '>'), copied to out. */
static void row_tag(const char *html, long long app, char *out, size_t n)
{
	char id[64];
	snprintf(id, sizeof id, "<tr id=\"eval-app-%lld\"", app);
	const char *p = html + at(html, id);
	const char *end = strchr(p, '>');
	assert_non_null(end);
	size_t len = (size_t)(end - p);
	if (len >= n)
		len = n - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

/* The whole matrix row of app, copied to a malloc'd string. */
static char *row_html(const char *html, long long app)
{
	char id[64];
	snprintf(id, sizeof id, "<tr id=\"eval-app-%lld\"", app);
	const char *p = html + at(html, id);
	const char *end = strstr(p, "</tr>");
	assert_non_null(end);
	size_t len = (size_t)(end - p);
	char *s = malloc(len + 1);
	memcpy(s, p, len);
	s[len] = '\0';
	return s;
}

/* The <td> of a row with data-key="key" (opening tag to </td>), malloc'd. */
static char *cell_html(const char *row, const char *key)
{
	char needle[96];
	snprintf(needle, sizeof needle, "data-key=\"%s\"", key);
	const char *k = strstr(row, needle);
	if (!k)
		fail_msg("no cell %s in row", key);
	const char *p = k;
	while (p > row && strncmp(p, "<td", 3) != 0)
		p--;
	const char *end = strstr(k, "</td>");
	assert_non_null(end);
	size_t len = (size_t)(end - p);
	char *s = malloc(len + 1);
	memcpy(s, p, len);
	s[len] = '\0';
	return s;
}

static struct http_response *matrix(struct http_client *c, long long position)
{
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/evaluation", position);
	return get_page(c, path, 200);
}

/* ---- the matrix -------------------------------------------------------------------------------------- */

/* R-EVAL-1, R-EVAL-2: weighted scores from the profile's tiers, ranked;
 * the knockout candidate comes after the divider although their score is
 * the highest, flagged with the must-have they failed. */
static void matrix_ranks_by_weighted_score_with_knockouts_apart(void **state)
{
	(void)state;
	struct http_response *r = matrix(brandt, pos);
	const char *h = r->body;
	char tag[256];

	/* weights in the column heads: must-haves 3, important 2, unlinked 1 */
	assert_contains(h, "data-competency=\"negotiation\" data-weight=\"3\"");
	assert_contains(h, "data-competency=\"relationship_management\" data-weight=\"3\"");
	assert_contains(h, "data-competency=\"crm_and_data_analysis\" data-weight=\"2\"");
	assert_contains(h, "data-competency=\"salary_realism\" data-weight=\"1\"");

	row_tag(h, app_anna, tag, sizeof tag);
	assert_contains(tag, "data-rank=\"1\"");
	assert_contains(tag, "data-score=\"2.95\"");
	row_tag(h, app_clara, tag, sizeof tag);
	assert_contains(tag, "data-rank=\"2\"");
	assert_contains(tag, "data-score=\"2.67\"");
	row_tag(h, app_bernd, tag, sizeof tag);
	assert_contains(tag, "data-rank=\"0\"");
	assert_contains(tag, "data-score=\"3.40\"");
	assert_contains(tag, "eval-knockout");

	/* order: Anna, Clara, the divider, Bernd — never interleaved */
	char id[64];
	snprintf(id, sizeof id, "id=\"eval-app-%lld\"", app_anna);
	size_t a = at(h, id);
	snprintf(id, sizeof id, "id=\"eval-app-%lld\"", app_clara);
	size_t c = at(h, id);
	snprintf(id, sizeof id, "id=\"eval-app-%lld\"", app_bernd);
	size_t b = at(h, id);
	size_t divider = at(h, "class=\"eval-divider\"");
	assert_true(a < c);
	assert_true(c < divider);
	assert_true(divider < b);

	/* the failed must-have is named; the others fulfil theirs */
	char *row = row_html(h, app_bernd);
	assert_contains(row, "data-must=\"knockout\"");
	assert_contains(row, "data-failed=\"negotiation\"");
	assert_not_contains(row, "data-failed=\"relationship_management\"");
	free(row);
	row = row_html(h, app_anna);
	assert_contains(row, "data-must=\"fulfilled\"");
	assert_not_contains(row, "data-failed=");
	/* only submitted scorecards count: Schulz's draft (negotiation 1) is not in the mean */
	char *cell = cell_html(row, "negotiation");
	assert_contains(cell, "data-mean=\"3.5\"");
	assert_contains(cell, "data-count=\"2\"");
	free(cell);
	/* exercises as their own columns */
	cell = cell_html(row, "sales.role_play");
	assert_contains(cell, "data-mean=\"3.0\"");
	free(cell);
	/* recommendations counted */
	assert_contains(row, "data-rec=\"strong_yes\">Strong yes: 1");
	assert_contains(row, "data-rec=\"yes\">Yes: 1");
	assert_contains(row, "data-rec=\"strong_no\">Strong no: 0");
	free(row);

	/* the legend explains weights, scale and the spread rule */
	assert_contains(h, "must-have = 3, important = 2, nice-to-have = 1");
	assert_contains(h, "Clearly exceeds the requirement");
	assert_contains(h, "two or more steps apart");
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-EVAL-3: a spread of 2 or more between interviewers is highlighted,
 * with the individual ratings in the cell's title. */
static void matrix_highlights_disagreement(void **state)
{
	(void)state;
	struct http_response *r = matrix(brandt, pos);
	char *row = row_html(r->body, app_clara);
	char *cell = cell_html(row, "relationship_management");
	assert_contains(cell, "eval-disagree");
	assert_contains(cell, "data-spread=\"3\"");
	assert_contains(cell, "data-mean=\"2.5\"");
	assert_contains(cell, "Thomas Brandt: 1");
	assert_contains(cell, "Lena Hoffmann: 4");
	assert_contains(cell, "Disagreement: spread 3");
	free(cell);
	/* a spread of 1 is no disagreement */
	cell = cell_html(row, "strategic_thinking");
	assert_not_contains(cell, "eval-disagree");
	free(cell);
	free(row);
	row = row_html(r->body, app_anna);
	assert_not_contains(row, "eval-disagree");
	free(row);
	http_response_free(r);
	assert_no_soft_failures();
}

/* Without submitted scorecards the page says so and links the interview plan. */
static void matrix_empty_state_links_the_plan(void **state)
{
	(void)state;
	long long p = create_position("Evaluation empty");
	create_application(p, "Erik", "Eckert", NULL);
	struct http_response *r = matrix(brandt, p);
	assert_contains(r->body, "No scorecards submitted yet");
	char href[96];
	snprintf(href, sizeof href, "href=\"/positions/%lld/interviews\"", p);
	assert_contains(r->body, href);
	assert_not_contains(r->body, "eval-matrix");
	/* the Evaluation tab of the position chrome */
	char tab[96];
	snprintf(tab, sizeof tab, "href=\"/positions/%lld/evaluation\" aria-current=\"page\"", p);
	assert_contains(r->body, tab);
	http_response_free(r);
	assert_no_soft_failures();
}

/* The whole path through the API of step 5: a plan with one round, an
 * interview, Hoffmann's scorecard — the matrix ignores it while it is a
 * draft and shows it once submitted (R-EVAL-1, only submitted ratings). */
static void scorecard_submitted_through_the_api_enters_the_matrix(void **state)
{
	(void)state;
	char tok_hoffmann[128], body[512], path[128];
	cli_token_create(&srv, "hoffmann", "evaluation test", tok_hoffmann, sizeof tok_hoffmann, NULL);
	long long p = create_position("Evaluation API");
	long long app = create_application(p, "Dora", "Dietrich", NULL);

	snprintf(body, sizeof body,
		 "{\"rounds\":[{\"name\":\"First interview\",\"stage\":\"first_interview\",\"duration_minutes\":45,"
		 "\"interviewers\":[{\"user_id\":%lld,\"focus\":[\"negotiation\"]}]}]}",
		 user_id("hoffmann"));
	snprintf(path, sizeof path, "/api/v1/positions/%lld/interview-plan", p);
	json_t *plan = api_call_json(&srv, tok_weber, "PUT", path, body, 200);
	long long round = json_integer_value(json_object_get(json_array_get(json_object_get(plan, "rounds"), 0), "id"));
	json_decref(plan);
	assert_true(round > 0);

	snprintf(path, sizeof path, "/api/v1/applications/%lld/interviews", app);
	snprintf(body, sizeof body, "{\"round_id\":%lld}", round);
	json_t *iv = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long interview_id = id_of(iv);
	json_decref(iv);

	snprintf(body, sizeof body, "{\"interview_id\":%lld}", interview_id);
	json_t *sc = api_call_json(&srv, tok_hoffmann, "POST", "/api/v1/scorecards", body, 201);
	long long sc_id = id_of(sc);
	json_decref(sc);
	snprintf(path, sizeof path, "/api/v1/scorecards/%lld", sc_id);
	json_decref(api_call_json(&srv, tok_hoffmann, "PUT", path,
				  "{\"recommendation\":\"yes\",\"ratings\":[{\"competency\":\"negotiation\",\"rating\":4},"
				  "{\"competency\":\"relationship_management\",\"rating\":3}]}",
				  200));

	/* a draft does not count */
	struct http_response *r = matrix(brandt, p);
	assert_contains(r->body, "No scorecards submitted yet");
	http_response_free(r);

	snprintf(path, sizeof path, "/api/v1/scorecards/%lld/submit", sc_id);
	json_decref(api_call_json(&srv, tok_hoffmann, "POST", path, NULL, 200));
	r = matrix(brandt, p);
	char *row = row_html(r->body, app);
	assert_contains(row, "data-rank=\"1\"");
	assert_contains(row, "data-score=\"3.50\"");   /* (3 × 4 + 3 × 3) / 6 */
	char *cell = cell_html(row, "negotiation");
	assert_contains(cell, "data-mean=\"4.0\"");
	assert_contains(cell, "Lena Hoffmann: 4");
	free(cell);
	free(row);
	http_response_free(r);
	assert_no_soft_failures();
}

/* ---- the candidate page ---------------------------------------------------------------------------------- */

/* R-EVAL-1: an SVG chart of the ratings against the profile, the marker
 * at 3, must-haves marked; the knockout coloured on Bernd's page. */
static void candidate_page_has_the_chart(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "/applications/%lld/evaluation", app_anna);
	struct http_response *r = get_page(brandt, path, 200);
	assert_contains(r->body, "<svg class=\"eval-chart\"");
	assert_contains(r->body, "class=\"eval-chart-meets\"");
	assert_contains(r->body, "3 = meets");
	assert_contains(r->body, "eval-chart-row eval-chart-must\" data-competency=\"negotiation\"");
	assert_contains(r->body, "<rect class=\"eval-chart-bar\"");
	assert_contains(r->body, "data-score=\"2.95\"");
	/* the submitted scorecards side by side, not the draft */
	assert_contains(r->body, "class=\"data eval-scorecards\"");
	assert_contains(r->body, "Lena Hoffmann");
	assert_not_contains(r->body, "Peter Schulz");
	/* the decision form for the hiring manager, enabled */
	assert_contains(r->body, "name=\"culture_fit\" value=\"4\"");
	assert_not_contains(r->body, "decision-fields\" disabled");
	http_response_free(r);

	snprintf(path, sizeof path, "/applications/%lld/evaluation", app_bernd);
	r = get_page(brandt, path, 200);
	assert_contains(r->body, "eval-chart-knockout\" data-competency=\"negotiation\"");
	http_response_free(r);

	/* recruiters see the evaluation with the form disabled and who decides */
	snprintf(path, sizeof path, "/applications/%lld/evaluation", app_anna);
	r = get_page(weber, path, 200);
	assert_contains(r->body, "<svg class=\"eval-chart\"");
	assert_contains(r->body, "decision-fields\" disabled");
	assert_contains(r->body, "The hiring manager or an administrator records the decision.");
	http_response_free(r);
	assert_no_soft_failures();
}

/* ---- the decision ------------------------------------------------------------------------------------------- */

/* R-GUARD-5: no culture fit → 422, the message at the field, nothing stored;
 * a too short rationale likewise. */
static void decision_without_culture_fit_is_refused(void **state)
{
	(void)state;
	char page[96], path[96];
	snprintf(page, sizeof page, "/applications/%lld/evaluation", app_clara);
	snprintf(path, sizeof path, "/applications/%lld/decision", app_clara);
	long long before = decisions_of(app_clara);
	struct http_response *r = post_form_with_csrf(
		brandt, page, path, "decision=hire&rationale=Strong+relationships%2C+convincing+negotiation+case.", 422);
	assert_contains(r->body, "A decision needs a culture-fit rating from 1 to 4.");
	assert_contains(r->body, "id=\"dec-culture_fit-err\"");
	assert_contains(r->body, "href=\"#dec-culture_fit\"");
	/* what was entered is kept */
	assert_contains(r->body, "Strong relationships, convincing negotiation case.");
	http_response_free(r);
	assert_int_equal(decisions_of(app_clara), before);

	r = post_form_with_csrf(brandt, page, path, "decision=reject&culture_fit=2&rationale=Too+short", 422);
	assert_contains(r->body, "id=\"dec-rationale-err\"");
	http_response_free(r);
	r = post_form_with_csrf(brandt, page, path, "culture_fit=2&rationale=Twenty+characters+and+more+here", 422);
	assert_contains(r->body, "has-error\" id=\"dec-decision\"");
	http_response_free(r);
	assert_int_equal(decisions_of(app_clara), before);
	assert_no_soft_failures();
}

/* ACTION_DECIDE: a recruiter may not decide. */
static void recruiter_may_not_decide(void **state)
{
	(void)state;
	char page[96], path[96];
	snprintf(page, sizeof page, "/applications/%lld/evaluation", app_anna);
	snprintf(path, sizeof path, "/applications/%lld/decision", app_anna);
	long long before = decisions_of(app_anna);
	struct http_response *r = post_form_with_csrf(
		weber, page, path, "decision=hire&culture_fit=3&rationale=A+recruiter+should+not+decide+this.", 403);
	http_response_free(r);
	assert_int_equal(decisions_of(app_anna), before);
	assert_no_soft_failures();
}

/* R-EVAL-4: a valid decision is stored, listed, offered as a move and in
 * the candidate's timeline; the matrix takes its culture fit. */
static void valid_decision_is_stored_and_in_the_timeline(void **state)
{
	(void)state;
	char page[96], path[96];
	snprintf(page, sizeof page, "/applications/%lld/evaluation", app_anna);
	snprintf(path, sizeof path, "/applications/%lld/decision", app_anna);
	const char *rationale = "Best weighted score, all must-haves fulfilled, convincing role play.";
	char *enc = url_encode(rationale);
	char form[512];
	snprintf(form, sizeof form, "decision=hire&culture_fit=3&rationale=%s", enc);
	free(enc);
	struct http_response *r = post_form_with_csrf(brandt, page, path, form, 303);
	char loc[256];
	snprintf(loc, sizeof loc, "/applications/%lld/evaluation?decided=hire", app_anna);
	assert_redirect(r, loc);
	http_response_free(r);

	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM decisions WHERE application_id = %lld AND decision = 'hire' AND culture_fit = 3"
		 " AND decided_by = %lld",
		 app_anna, user_id("brandt"));
	assert_int_equal(db_int(sql), 1);

	snprintf(loc, sizeof loc, "/applications/%lld/evaluation?decided=hire", app_anna);
	r = get_page(brandt, loc, 200);
	assert_contains(r->body, "The decision has been recorded: hire.");
	assert_contains(r->body, "name=\"stage\" value=\"offer\"");
	assert_contains(r->body, rationale);
	assert_contains(r->body, "class=\"decision-hire\"");
	http_response_free(r);

	/* the timeline of the candidate page */
	snprintf(path, sizeof path, "/candidates/%lld", cand_anna);
	r = get_page(brandt, path, 200);
	assert_contains(r->body, "class=\"timeline-decision\"");
	assert_contains(r->body, rationale);
	http_response_free(r);

	/* the matrix shows the decision's culture fit and the decision */
	r = matrix(brandt, pos);
	char *row = row_html(r->body, app_anna);
	assert_contains(row, "data-col=\"culture_fit\">3");
	assert_contains(row, "Decision: hire");
	free(row);
	http_response_free(r);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(matrix_ranks_by_weighted_score_with_knockouts_apart, test_setup),
		cmocka_unit_test_setup(matrix_highlights_disagreement, test_setup),
		cmocka_unit_test_setup(matrix_empty_state_links_the_plan, test_setup),
		cmocka_unit_test_setup(scorecard_submitted_through_the_api_enters_the_matrix, test_setup),
		cmocka_unit_test_setup(candidate_page_has_the_chart, test_setup),
		cmocka_unit_test_setup(decision_without_culture_fit_is_refused, test_setup),
		cmocka_unit_test_setup(recruiter_may_not_decide, test_setup),
		cmocka_unit_test_setup(valid_decision_is_stored_and_in_the_timeline, test_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
