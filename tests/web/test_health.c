/*
 * test_health.c — black-box tests of the process guardrails in the web
 * layer (R-GUARD-1..3, 6, 7): the process-health page of a position with
 * its findings at their thresholds (no contact for 5 working days: warning,
 * 10: critical; in process from week 3: warning, beyond 4 weeks: critical;
 * a selection beyond 6 weeks; an offer without disclosed challenges, gone
 * once a disclosure is recorded on the candidate page; a scorecard not
 * submitted 3 working days after the interview; more than three rounds),
 * the dashboard "What needs attention today?" sorted by urgency with working
 * fix links, the JSON API with the same rule ids, and what an interviewer
 * sees (only their own overdue scorecard; 403 on the health page), and the
 * all-clear states of the page and the dashboard.
 *
 * Fixture: positions, candidates and applications come through the API;
 * the past is made in the test server's database with sqlite3 (created_at,
 * last_contact_at and stage_entered_at moved back, interview rounds, kit
 * versions, interviews with starts_at and scorecards written directly), as
 * the API cannot backdate. Past days are found with core/calendar.h for
 * Hamburg's working days, so the thresholds hold on any weekday. The demo
 * positions are paused so the dashboard shows this fixture alone.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/berlin_time.h"
#include "core/calendar.h"

static struct server srv;
static char tok_weber[128];
static struct http_client *weber;     /* recruiter */
static struct http_client *hoffmann;  /* interviewer */

/* Position A: the per-candidate guards; position B: a long selection and
 * too many rounds. */
static long long pos_a, pos_b, pos_c;   /* C: no applications, all clear */
static long long app_4wd, app_5wd, app_10wd, app_20d, app_22d, app_30d, app_offer, app_feedback, app_b;
static long long cand_offer, cand_feedback;
static long long iv_feedback;

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
static long long db_exec(const char *sql)
{
	sqlite3 *db = db_open();
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
	long long id = sqlite3_last_insert_rowid(db);
	sqlite3_close(db);
	return id;
}

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

/* ---- days in the past ------------------------------------------------------------------------------ */

/* 10:00 Berlin time on the latest day with exactly n Hamburg working days
 * after it up to and including today (n = 0: today, an hour ago). */
static long long working_days_ago(int n)
{
	long long now = (long long)time(NULL);
	if (n == 0)
		return now - 3600;
	int32_t today = calendar_day_of_unix_berlin(now), d = today;
	while (calendar_working_days_between(d, today, "DE-HH", NULL, NULL) < n)
		d--;
	return (long long)berlin_day_start_utc(d) + 10 * 3600;
}

/* 10:00 Berlin time n calendar days before today. */
static long long days_ago(int n)
{
	int32_t today = calendar_day_of_unix_berlin((int64_t)time(NULL));
	return (long long)berlin_day_start_utc(today - n) + 10 * 3600;
}

/* Moves application app into the past: created (and in its stage) at
 * created, last contacted at contact (0 = never). */
static void backdate(long long app, long long created, long long contact)
{
	char sql[400];
	snprintf(sql, sizeof sql,
		 "UPDATE applications SET created_at = %lld, stage_entered_at = %lld, last_contact_at = %s WHERE id = %lld",
		 created, created, contact ? "" : "NULL", app);
	if (contact)
		snprintf(sql, sizeof sql,
			 "UPDATE applications SET created_at = %lld, stage_entered_at = %lld, last_contact_at = %lld WHERE id = %lld",
			 created, created, contact, app);
	db_exec(sql);
}

/* ---- data through the API ----------------------------------------------------------------------- */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static long long create_position(const char *title)
{
	char body[512], sql[256];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", title);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	snprintf(body, sizeof body,
		 "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\"}", title, org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	snprintf(sql, sizeof sql, "UPDATE positions SET status = 'open', opened_at = %lld WHERE id = %lld", days_ago(60), id);
	db_exec(sql);
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

static long long insert_round(long long position, int ord)
{
	char sql[400];
	snprintf(sql, sizeof sql,
		 "INSERT INTO interview_rounds (position_id, ord, name, stage, duration_minutes) VALUES (%lld, %d, 'Round %d', "
		 "'first_interview', 45)",
		 position, ord, ord);
	return db_exec(sql);
}

/* Position A:
 *   app_4wd       last contact 4 working days ago          → nothing
 *   app_5wd       5 working days                           → no_contact warning
 *   app_10wd      10 working days                          → no_contact critical
 *   app_20d       in process 20 days, contacted today      → nothing
 *   app_22d       22 days (week 3), contacted today        → availability_window warning
 *   app_30d       30 days (beyond 4 weeks), contacted today → availability_window critical
 *   app_offer     in offer, challenges documented           → challenges_not_disclosed
 *   app_feedback  interview 3 working days ago: Hoffmann has not submitted (→ feedback_due),
 *                 Brandt has (→ nothing)
 * The first application of A is 30 days old: no selection_too_long.
 * Position B: its application is 45 days old → selection_too_long; four rounds → too_many_rounds. */
static void fixture(void)
{
	char sql[600];
	pos_a = create_position("Health KAM");
	pos_b = create_position("Health BDM");
	pos_c = create_position("Health HoE");
	snprintf(sql, sizeof sql, "UPDATE positions SET status = 'paused' WHERE id NOT IN (%lld, %lld)", pos_a, pos_b);
	db_exec(sql);
	snprintf(sql, sizeof sql,
		 "UPDATE positions SET challenges = 'Harte Preisverhandlungen mit drei Großkunden.' WHERE id = %lld", pos_a);
	db_exec(sql);

	app_4wd = create_application(pos_a, "Vera", "Vier", NULL);
	app_5wd = create_application(pos_a, "Fritz", "Fuenf", NULL);
	app_10wd = create_application(pos_a, "Zora", "Zehn", NULL);
	app_20d = create_application(pos_a, "Theo", "Zwanzig", NULL);
	app_22d = create_application(pos_a, "Greta", "Dreiwochen", NULL);
	app_30d = create_application(pos_a, "Otto", "Vierwochen", NULL);
	app_offer = create_application(pos_a, "Olga", "Angebot", &cand_offer);
	app_feedback = create_application(pos_a, "Felix", "Feedback", &cand_feedback);
	app_b = create_application(pos_b, "Berta", "Lang", NULL);

	backdate(app_4wd, working_days_ago(4), working_days_ago(4));
	backdate(app_5wd, working_days_ago(5), working_days_ago(5));
	backdate(app_10wd, working_days_ago(10), 0);
	backdate(app_20d, days_ago(20), working_days_ago(0));
	backdate(app_22d, days_ago(22), working_days_ago(0));
	backdate(app_30d, days_ago(30), working_days_ago(0));
	backdate(app_feedback, working_days_ago(3), working_days_ago(0));
	backdate(app_b, days_ago(45), working_days_ago(0));

	char path[96];
	snprintf(path, sizeof path, "/api/v1/applications/%lld/move", app_offer);
	json_t *m = api_call_json(&srv, tok_weber, "POST", path, "{\"stage\":\"offer\"}", 200);
	json_decref(m);

	long long round = insert_round(pos_a, 1);
	snprintf(sql, sizeof sql,
		 "INSERT INTO kit_versions (round_id, version, kit, created_at) VALUES (%lld, 1, '{\"questions\":[],\"exercises\":[]}', 1700000000)",
		 round);
	long long kit = db_exec(sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO interviews (application_id, round_id, kit_version_id, created_at, starts_at) VALUES (%lld, %lld, %lld, %lld, %lld)",
		 app_feedback, round, kit, working_days_ago(4), working_days_ago(3));
	iv_feedback = db_exec(sql);
	long long u_hoffmann = user_id("hoffmann"), u_brandt = user_id("brandt");
	snprintf(sql, sizeof sql, "INSERT INTO interview_interviewers (interview_id, user_id) VALUES (%lld, %lld), (%lld, %lld)",
		 iv_feedback, u_hoffmann, iv_feedback, u_brandt);
	db_exec(sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO scorecards (interview_id, user_id, status, recommendation, created_at, updated_at)"
		 " VALUES (%lld, %lld, 'draft', 'yes', 1700000000, 1700000000)",
		 iv_feedback, u_brandt);
	long long sc = db_exec(sql);
	snprintf(sql, sizeof sql, "INSERT INTO scorecard_ratings (scorecard_id, competency, rating) VALUES (%lld, 'negotiation', 3)", sc);
	db_exec(sql);
	snprintf(sql, sizeof sql, "UPDATE scorecards SET status = 'submitted', submitted_at = 1700000100 WHERE id = %lld", sc);
	db_exec(sql);

	for (int i = 1; i <= 4; i++)
		insert_round(pos_b, i);
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "health test", tok_weber, sizeof tok_weber, NULL);
	weber = client_logged_in(&srv, "weber");
	set_lang(weber, "en");
	hoffmann = client_logged_in(&srv, "hoffmann");
	set_lang(hoffmann, "en");
	fixture();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	http_client_free(hoffmann);
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

/* Whether html holds a finding of rule with severity about application app
 * (app 0: any application). */
static bool has_finding(const char *html, const char *rule, const char *severity, long long app)
{
	char needle[200];
	if (app)
		snprintf(needle, sizeof needle, "data-rule=\"%s\" data-severity=\"%s\" data-application=\"%lld\"", rule, severity,
			 app);
	else
		snprintf(needle, sizeof needle, "data-rule=\"%s\" data-severity=\"%s\"", rule, severity);
	return strstr(html, needle) != NULL;
}

/* Whether html holds any finding about application app. */
static bool has_any_finding(const char *html, long long app)
{
	char needle[64];
	snprintf(needle, sizeof needle, "data-application=\"%lld\"", app);
	return strstr(html, needle) != NULL;
}

/* The text of the dashboard's attention section (caller frees). */
static char *attention_section(const char *html)
{
	const char *start = strstr(html, "id=\"attention\"");
	assert_non_null(start);
	const char *end = strstr(start, "</section>");
	assert_non_null(end);
	return strndup(start, (size_t)(end - start));
}

static struct http_response *health_page(struct http_client *c, long long position)
{
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/health", position);
	return get_page(c, path, 200);
}

/* ---- tests -------------------------------------------------------------------------------------------- */

/* R-GUARD-3: 5 working days without contact warn, 10 are critical, 4 are fine. */
static void no_contact_warns_at_5_and_is_critical_at_10_working_days(void **state)
{
	(void)state;
	struct http_response *r = health_page(weber, pos_a);
	assert_true(has_finding(r->body, "guard.no_contact", "warning", app_5wd));
	assert_true(has_finding(r->body, "guard.no_contact", "critical", app_10wd));
	assert_false(has_finding(r->body, "guard.no_contact", "warning", app_4wd));
	assert_false(has_any_finding(r->body, app_4wd));
	assert_contains(r->body, "No contact for 5 working days.");
	assert_contains(r->body, "No contact for 10 working days.");
	/* One click to the fix: the candidate page, where the contact is recorded. */
	assert_contains(r->body, "href=\"/candidates/");
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-GUARD-2: from week 3 a warning, beyond four weeks critical; 20 days are fine. */
static void availability_window_warns_in_week_3_and_is_critical_after_4_weeks(void **state)
{
	(void)state;
	struct http_response *r = health_page(weber, pos_a);
	assert_true(has_finding(r->body, "guard.availability_window", "warning", app_22d));
	assert_true(has_finding(r->body, "guard.availability_window", "critical", app_30d));
	assert_false(has_any_finding(r->body, app_20d));
	assert_contains(r->body, "In the process for 30 days.");
	char card[96];
	snprintf(card, sizeof card, "href=\"/positions/%lld/pipeline#card-%lld\"", pos_a, app_30d);
	assert_contains(r->body, card);
	/* Grouped by severity: the critical group comes before the warnings. */
	const char *crit = strstr(r->body, "id=\"health-critical\""), *warn = strstr(r->body, "id=\"health-warning\"");
	assert_non_null(crit);
	assert_non_null(warn);
	assert_true(crit < warn);
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-GUARD-1 (and R-GUARD-4 on the same panel): B's selection runs 45 days;
 * A's first application is 30 days old, within six weeks. */
static void selection_too_long_after_6_weeks(void **state)
{
	(void)state;
	struct http_response *r = health_page(weber, pos_b);
	assert_true(has_finding(r->body, "guard.selection_too_long", "warning", 0));
	assert_contains(r->body, "Selection running for 45 days since the first application.");
	char link[96];
	snprintf(link, sizeof link, "href=\"/positions/%lld/timeline\"", pos_b);
	assert_contains(r->body, link);
	assert_true(has_finding(r->body, "guard.too_many_rounds", "warning", 0));
	snprintf(link, sizeof link, "href=\"/positions/%lld/interviews\"", pos_b);
	assert_contains(r->body, link);
	http_response_free(r);
	r = health_page(weber, pos_a);
	assert_not_contains(r->body, "guard.selection_too_long");
	assert_not_contains(r->body, "guard.too_many_rounds");
	http_response_free(r);
	assert_no_soft_failures();
}

/* The feedback of an interview 3 working days ago: Hoffmann's scorecard is
 * due, Brandt's was submitted. */
static void feedback_due_three_working_days_after_the_interview(void **state)
{
	(void)state;
	struct http_response *r = health_page(weber, pos_a);
	assert_true(has_finding(r->body, "guard.feedback_due", "warning", app_feedback));
	assert_contains(r->body, "Scorecard of Lena Hoffmann open 3 working days after the interview.");
	assert_not_contains(r->body, "Scorecard of Thomas Brandt");
	/* The kit opens only for its interviewers: the recruiter follows up
	 * from the candidate's interviews. */
	char link[96];
	snprintf(link, sizeof link, "href=\"/candidates/%lld#interviews-%lld\"", cand_feedback, app_feedback);
	assert_contains(r->body, link);
	snprintf(link, sizeof link, "href=\"/interviews/%lld\"", iv_feedback);
	assert_not_contains(r->body, link);
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-GUARD-6: an offer without disclosure warns; a refused form stores
 * nothing; a recorded disclosure ends the warning and shows on the page. */
static void challenges_not_disclosed_until_a_disclosure_is_recorded(void **state)
{
	(void)state;
	struct http_response *r = health_page(weber, pos_a);
	assert_true(has_finding(r->body, "guard.challenges_not_disclosed", "warning", app_offer));
	char fix[96];
	snprintf(fix, sizeof fix, "href=\"/candidates/%lld#disclosure-%lld\"", cand_offer, app_offer);
	assert_contains(r->body, fix);
	http_response_free(r);

	char page[64], action[96], sql[128];
	snprintf(page, sizeof page, "/candidates/%lld", cand_offer);
	snprintf(action, sizeof action, "/applications/%lld/disclosure", app_offer);
	r = get_page(weber, page, 200);
	char block[64];
	snprintf(block, sizeof block, "id=\"disclosure-%lld\"", app_offer);
	assert_contains(r->body, block);
	assert_contains(r->body, "Harte Preisverhandlungen mit drei Großkunden.");   /* the reminder */
	assert_contains(r->body, action);
	http_response_free(r);

	/* A date in the future and a malformed date: 422 naming the field, nothing stored. */
	r = post_form_with_csrf(weber, page, action, "date=2999-01-01&note=Zu+fr%C3%BCh", 422);
	assert_contains(r->body, "The disclosure cannot be dated in the future.");
	assert_contains(r->body, "Zu früh");
	http_response_free(r);
	r = post_form_with_csrf(weber, page, action, "date=27.11.2026&note=", 422);
	assert_contains(r->body, "Please enter a date as YYYY-MM-DD.");
	http_response_free(r);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM challenge_disclosures WHERE application_id = %lld", app_offer);
	assert_int_equal(db_int(sql), 0);

	char form[256], today[CALENDAR_ISO_LEN];
	calendar_format_iso(calendar_day_of_unix_berlin((int64_t)time(NULL)), today);
	snprintf(form, sizeof form, "date=%s&note=Im+Finalgespr%%C3%%A4ch+offen+besprochen", today);
	r = post_form_with_csrf(weber, page, action, form, 303);
	char location[128];
	snprintf(location, sizeof location, "/candidates/%lld?done=disclosure_recorded#disclosure-%lld", cand_offer, app_offer);
	assert_redirect(r, location);
	http_response_free(r);
	assert_int_equal(db_int(sql), 1);

	r = get_page(weber, page, 200);
	assert_contains(r->body, "Im Finalgespräch offen besprochen");
	assert_contains(r->body, "Jonas Weber");
	http_response_free(r);
	r = health_page(weber, pos_a);
	assert_false(has_finding(r->body, "guard.challenges_not_disclosed", "warning", app_offer));
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-GUARD-7: the dashboard lists the findings of the open positions,
 * critical first, older first within a severity, with fix links that open. */
static void dashboard_lists_findings_by_urgency_with_working_links(void **state)
{
	(void)state;
	struct http_response *r = get_page(weber, "/dashboard", 200);
	assert_contains(r->body, "What needs attention today?");
	char *sec = attention_section(r->body);
	assert_true(has_finding(sec, "guard.no_contact", "critical", app_10wd));
	assert_true(has_finding(sec, "guard.availability_window", "critical", app_30d));
	assert_true(has_finding(sec, "guard.selection_too_long", "warning", 0));
	assert_true(has_finding(sec, "guard.feedback_due", "warning", app_feedback));
	/* Counts per position, linking their health pages. */
	char link[96];
	snprintf(link, sizeof link, "href=\"/positions/%lld/health\"", pos_a);
	assert_contains(sec, link);
	snprintf(link, sizeof link, "href=\"/positions/%lld/health\"", pos_b);
	assert_contains(sec, link);

	/* Sorted: no critical after a warning; within a severity, days descending. */
	bool seen_warning = false;
	int last_days = 1 << 30;
	const char *last_sev = "";
	int nitems = 0;
	for (const char *p = strstr(sec, "<li class=\"health-item"); p; p = strstr(p + 1, "<li class=\"health-item")) {
		const char *sev = strstr(p, "data-severity=\"") + 15;
		bool critical = strncmp(sev, "critical", 8) == 0;
		if (critical && seen_warning)
			fail_msg("a critical finding after a warning on the dashboard");
		if (!critical)
			seen_warning = true;
		int days = atoi(strstr(p, "data-days=\"") + 11);
		if (strncmp(sev, last_sev, 4) == 0 && days > last_days)
			fail_msg("findings of one severity not sorted by age: %d after %d", days, last_days);
		last_sev = sev;
		last_days = days;
		nitems++;
	}
	assert_true(nitems >= 6);
	assert_true(seen_warning);

	/* Every fix link opens (the fragment is the browser's business). */
	int checked = 0;
	for (const char *p = strstr(sec, "health-fix\" href=\""); p; p = strstr(p + 1, "health-fix\" href=\"")) {
		char href[256];
		const char *h = p + strlen("health-fix\" href=\"");
		size_t n = strcspn(h, "\"#");
		assert_true(n < sizeof href);
		memcpy(href, h, n);
		href[n] = '\0';
		struct http_response *f = get_page(weber, href, 200);
		http_response_free(f);
		checked++;
	}
	assert_int_equal(checked, nitems);
	free(sec);
	http_response_free(r);

	/* The compact panel on the position overview: counts and a link to all. */
	char path[64];
	snprintf(path, sizeof path, "/positions/%lld", pos_a);
	r = get_page(weber, path, 200);
	assert_contains(r->body, "class=\"card health-summary\"");
	assert_contains(r->body, "data-rule=\"guard.");
	snprintf(link, sizeof link, "href=\"/positions/%lld/health\"", pos_a);
	assert_contains(r->body, link);
	http_response_free(r);
	assert_no_soft_failures();
}

/* GET /api/v1/positions/{id}/health: the same rule ids as the page. */
static void api_has_the_same_rule_ids_as_the_page(void **state)
{
	(void)state;
	long long positions[] = { pos_a, pos_b };
	for (size_t k = 0; k < 2; k++) {
		char path[96];
		snprintf(path, sizeof path, "/api/v1/positions/%lld/health", positions[k]);
		json_t *j = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
		json_t *findings = json_object_get(j, "findings");
		assert_true(json_is_array(findings));
		struct http_response *r = health_page(weber, positions[k]);
		size_t page_items = 0;
		for (const char *p = strstr(r->body, "<li class=\"health-item"); p; p = strstr(p + 1, "<li class=\"health-item"))
			page_items++;
		assert_int_equal(json_array_size(findings), page_items);
		size_t i;
		json_t *f;
		json_array_foreach(findings, i, f) {
			const char *rule = json_string_value(json_object_get(f, "rule"));
			const char *sev = json_string_value(json_object_get(f, "severity"));
			assert_non_null(rule);
			assert_non_null(sev);
			assert_true(json_is_string(json_object_get(f, "message")));
			assert_true(json_string_length(json_object_get(f, "message")) > 0);
			assert_true(json_is_integer(json_object_get(f, "days")));
			long long app = json_integer_value(json_object_get(f, "application_id"));
			assert_true(has_finding(r->body, rule, sev, app));
			json_t *cand = json_object_get(f, "candidate");
			if (app) {
				assert_true(json_is_object(cand));
				assert_true(json_integer_value(json_object_get(cand, "id")) > 0);
				assert_true(json_is_string(json_object_get(cand, "name")));
			} else {
				assert_true(json_is_null(cand));
			}
		}
		http_response_free(r);
		if (positions[k] == pos_a) {
			bool no_contact = false;
			json_array_foreach(findings, i, f)
				if (json_integer_value(json_object_get(f, "application_id")) == app_10wd &&
				    strcmp(json_string_value(json_object_get(f, "rule")), "guard.no_contact") == 0) {
					no_contact = true;
					assert_string_equal(json_string_value(json_object_get(f, "severity")), "critical");
					assert_int_equal(json_integer_value(json_object_get(f, "days")), 10);
					assert_string_equal(json_string_value(json_object_get(json_object_get(f, "candidate"), "name")),
							    "Zora Zehn");
				}
			assert_true(no_contact);
			/* Critical first. */
			assert_string_equal(json_string_value(json_object_get(json_array_get(findings, 0), "severity")), "critical");
		}
		json_decref(j);
	}
	/* No such position: 404. */
	struct http_response *nf = api_call(&srv, tok_weber, "GET", "/api/v1/positions/999999/health", NULL);
	json_decref(assert_problem(nf, 404));
	http_response_free(nf);
	assert_no_soft_failures();
}

/* An interviewer sees only the scorecards they owe, and not the health page. */
static void interviewer_sees_only_their_feedback_due(void **state)
{
	(void)state;
	struct http_response *r = get_page(hoffmann, "/dashboard", 200);
	char *sec = attention_section(r->body);
	assert_true(has_finding(sec, "guard.feedback_due", "warning", app_feedback));
	int nitems = 0;
	for (const char *p = strstr(sec, "data-rule=\""); p; p = strstr(p + 1, "data-rule=\"")) {
		assert_int_equal(strncmp(p, "data-rule=\"guard.feedback_due\"", 30), 0);
		nitems++;
	}
	assert_int_equal(nitems, 1);
	assert_contains(sec, "Your scorecard is open 3 working days after the interview.");
	char kit[64];
	snprintf(kit, sizeof kit, "href=\"/interviews/%lld\"", iv_feedback);
	assert_contains(sec, kit);
	assert_not_contains(sec, "/health\"");     /* no links to pages they may not open */
	assert_not_contains(sec, "href=\"/candidates/");
	free(sec);
	http_response_free(r);
	/* The kit link opens for them. */
	char path[64];
	snprintf(path, sizeof path, "/interviews/%lld", iv_feedback);
	r = get_page(hoffmann, path, 200);
	http_response_free(r);

	snprintf(path, sizeof path, "/positions/%lld/health", pos_a);
	r = http_get(hoffmann, path, NULL);
	assert_status(r, 403);
	http_response_free(r);
	char tok[128];
	cli_token_create(&srv, "hoffmann", "health test", tok, sizeof tok, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/health", pos_a);
	r = api_call(&srv, tok, "GET", path, NULL);
	json_decref(assert_problem(r, 403));
	http_response_free(r);
	assert_no_soft_failures();
}

/* The all-clear states: a position without findings, and a dashboard
 * without anything owed (Peter Schulz, an interviewer with no overdue
 * scorecard in the open positions). */
static void all_clear_states(void **state)
{
	(void)state;
	struct http_response *r = health_page(weber, pos_c);
	assert_contains(r->body, "class=\"health-clear\"");
	assert_contains(r->body, "All clear");
	assert_not_contains(r->body, "data-rule=");
	http_response_free(r);
	struct http_client *schulz = client_logged_in(&srv, "schulz");
	set_lang(schulz, "en");
	r = get_page(schulz, "/dashboard", 200);
	char *sec = attention_section(r->body);
	assert_contains(sec, "All on track");
	assert_not_contains(sec, "data-rule=");
	free(sec);
	http_response_free(r);
	http_client_free(schulz);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(no_contact_warns_at_5_and_is_critical_at_10_working_days, test_setup),
		cmocka_unit_test_setup(availability_window_warns_in_week_3_and_is_critical_after_4_weeks, test_setup),
		cmocka_unit_test_setup(selection_too_long_after_6_weeks, test_setup),
		cmocka_unit_test_setup(feedback_due_three_working_days_after_the_interview, test_setup),
		cmocka_unit_test_setup(dashboard_lists_findings_by_urgency_with_working_links, test_setup),
		cmocka_unit_test_setup(api_has_the_same_rule_ids_as_the_page, test_setup),
		cmocka_unit_test_setup(challenges_not_disclosed_until_a_disclosure_is_recorded, test_setup),
		cmocka_unit_test_setup(interviewer_sees_only_their_feedback_due, test_setup),
		cmocka_unit_test_setup(all_clear_states, test_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
