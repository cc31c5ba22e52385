/*
 * test_offers.c — black-box tests of the offer of an application and the
 * budget band of a position (R-OFFER-1, R-TIME-4): pages and /api/v1/offers.
 *
 *   - the band is set by the position's CFO stakeholder (Schulz, role
 *     interviewer, stakeholder role cfo) and audited; a recruiter cannot;
 *   - an offer outside the band without approval is refused on send (page
 *     and API, 409 with the message), a recruiter cannot approve, and after
 *     the CFO's approval it can be sent;
 *   - an interviewer who is not the CFO cannot see offers (403 on the page,
 *     the band page and the API);
 *   - the earliest start from a 3-month (12 weeks) notice to the end of a
 *     quarter is the first Hamburg working day after the quarter end, shown
 *     on the page and in the API, and a start before it warns;
 *   - the versions are listed as the negotiation history with the changed
 *     fields; bad input is 422 naming the field;
 *   - accepting moves the application to "hired" and creates the hire (the
 *     page then offers the onboarding plan); declining closes the offer.
 *
 * Fixture: a position of an organisation in Hamburg with Schulz as CFO
 * stakeholder and three applications, created through the API.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"

static struct server srv;
static char tok_weber[128], tok_schulz[128], tok_hoffmann[128];
static struct http_client *weber;    /* recruiter */
static struct http_client *schulz;   /* interviewer, the position's CFO */
static struct http_client *hoffmann; /* interviewer, not the CFO */

static long long pos, app_anna, app_bernd, app_clara;

/* ---- helpers ------------------------------------------------------------------------------------- */

static void set_lang(struct http_client *c, const char *lang)
{
	char csrf[128], body[256];
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	snprintf(body, sizeof body, "csrf=%s&lang=%s&next=%%2Fdashboard", csrf, lang);
	struct http_response *r = http_post_form(c, "/lang", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
}

static long long db_int(const char *sql)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	sqlite3_busy_timeout(db, 10000);
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

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static long long create_application(const char *first, int notice_weeks, long long expectation)
{
	char body[512];
	snprintf(body, sizeof body,
		 "{\"first_name\":\"%s\",\"last_name\":\"Offerto\",\"channel\":\"linkedin\",\"email\":\"%s.offerto@example.org\","
		 "\"notice_period_weeks\":%d,\"salary_expectation\":%lld}",
		 first, first, notice_weeks, expectation);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long cand = id_of(c);
	json_decref(c);
	char path[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", pos);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	return id;
}

/* Today in Berlin, and the earliest start for 12 weeks to the end of a
 * quarter in Hamburg: the quarter end on/after today + 84 days, then the
 * next day that is no weekend and no Hamburg holiday. */
static int32_t expected_earliest_quarter(void)
{
	int32_t end = calendar_day_of_unix_berlin((int64_t)time(NULL)) + 84;
	int y, m;
	calendar_ymd_from_day(end, &y, &m, NULL);
	int qm = ((m - 1) / 3 + 1) * 3;
	int32_t qend = calendar_day_from_ymd(y, qm, calendar_days_in_month(y, qm));
	assert_true(qend >= end);
	int32_t d = qend + 1;
	while (!calendar_is_working_day(d, "HH"))
		d++;
	return d;
}

static const char *iso(int32_t day, char out[CALENDAR_ISO_LEN])
{
	return calendar_format_iso(day, out);
}

/* The API view of the newest offer of app (weber); caller decrefs. */
static json_t *offer_of(long long app)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/offers?application=%lld", app);
	json_t *list = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	json_t *items = json_object_get(list, "items");
	assert_true(json_array_size(items) >= 1); /* R-X-7: offers are a JSON API resource (documented: docs layer) */
	json_t *o = json_incref(json_array_get(items, 0));
	json_decref(list);
	return o;
}

static const char *status_of(const json_t *o)
{
	return json_string_value(json_object_get(o, "status"));
}

static bool has_finding(const json_t *o, const char *rule)
{
	json_t *f = json_object_get(o, "findings");
	for (size_t i = 0; i < json_array_size(f); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(f, i), "rule")), rule) == 0)
			return true;
	return false;
}

static bool json_array_has_string(const json_t *a, const char *s)
{
	for (size_t i = 0; i < json_array_size(a); i++)
		if (strcmp(json_string_value(json_array_get(a, i)), s) == 0)
			return true;
	return false;
}

/* POSTs form (without the token) to path with the token of the offer page of app. */
static struct http_response *offer_post(struct http_client *c, long long app, const char *path, const char *form,
					long status)
{
	char page[96];
	snprintf(page, sizeof page, "/applications/%lld/offer", app);
	return post_form_with_csrf(c, page, path, form, status);
}

/* ---- setup --------------------------------------------------------------------------------------- */

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "offers test", tok_weber, sizeof tok_weber, NULL);
	cli_token_create(&srv, "schulz", "offers test", tok_schulz, sizeof tok_schulz, NULL);
	cli_token_create(&srv, "hoffmann", "offers test", tok_hoffmann, sizeof tok_hoffmann, NULL);
	weber = client_logged_in(&srv, "weber");
	set_lang(weber, "en");
	schulz = client_logged_in(&srv, "schulz");
	set_lang(schulz, "en");
	hoffmann = client_logged_in(&srv, "hoffmann");
	set_lang(hoffmann, "en");

	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations",
				  "{\"name\":\"Offerwerk GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", 201);
	long long org = id_of(o);
	json_decref(o);
	char body[512], path[96];
	snprintf(body, sizeof body,
		 "{\"title\":\"Key Account Manager Offers\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\"}",
		 org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	pos = id_of(p);
	json_decref(p);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders", pos);
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"cfo\"}", user_id("schulz"));
	json_decref(api_call_json(&srv, tok_weber, "POST", path, body, 201));
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"head_of_engineering\"}", user_id("hoffmann"));
	json_decref(api_call_json(&srv, tok_weber, "POST", path, body, 201));

	app_anna = create_application("Anna", 12, 70000);
	app_bernd = create_application("Bernd", 12, 68000);
	app_clara = create_application("Clara", 4, 65000);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	http_client_free(schulz);
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

/* ---- the band ---------------------------------------------------------------------------------------- */

/* R-OFFER-1: the CFO stakeholder sets the band (audited); a recruiter sees it read-only and cannot. */
static void test_band_set_by_cfo(void **state)
{
	(void)state;
	char page[96], band_sql[128];
	snprintf(page, sizeof page, "/positions/%lld/budget", pos);
	snprintf(band_sql, sizeof band_sql, "SELECT count(*) FROM budget_bands WHERE position_id = %lld", pos);

	struct http_response *r = get_page(weber, page, 200);
	assert_contains(r->body, "No budget band set yet.");
	assert_contains(r->body, "budget-readonly");
	assert_not_contains(r->body, "name=\"min_salary\"");
	http_response_free(r);
	r = post_form_with_csrf(weber, page, page, "min_salary=1&max_salary=2", 403);
	http_response_free(r);
	assert_int_equal(db_int(band_sql), 0);

	/* a refused band: max below min, nothing stored */
	r = post_form_with_csrf(schulz, page, page, "min_salary=75000&max_salary=60000", 422);
	assert_contains(r->body, "The maximum must not be below the minimum.");
	http_response_free(r);
	assert_int_equal(db_int(band_sql), 0);

	r = post_form_with_csrf(schulz, page, page, "min_salary=60000&max_salary=75000", 303);
	assert_redirect(r, page);
	http_response_free(r);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT max_salary FROM budget_bands WHERE position_id = %lld AND min_salary = 60000", pos);
	assert_int_equal(db_int(sql), 75000);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE entity = 'budget_band' AND entity_id = %lld", pos);
	assert_true(db_int(sql) >= 1);

	r = get_page(weber, page, 200);
	assert_contains(r->body, "data-min=\"60000\" data-max=\"75000\"");
	http_response_free(r);
	assert_no_soft_failures();
}

/* ---- outside the band: refused until approved ------------------------------------------------------------ */

/* R-OFFER-1: an offer above the band is refused on send (page and API) until the CFO approves it;
 * a recruiter cannot approve. */
static void test_outside_band_needs_cfo_approval(void **state)
{
	(void)state;
	char page[96], path[128];
	snprintf(page, sizeof page, "/applications/%lld/offer", app_anna);
	struct http_response *r = offer_post(weber, app_anna, page,
					     "fixed_salary=80000&variable_salary=10000&start_date=2027-07-01"
					     "&contract_type=permanent_full_time&notice_rule=weeks_to_quarter_end&notice_weeks=12"
					     "&benefits=Dienstwagen&note=Erstes+Angebot",
					     303);
	assert_redirect(r, page);
	http_response_free(r);

	r = get_page(weber, page, 200);
	assert_contains(r->body, "data-rule=\"offer.outside_band\"");
	assert_contains(r->body, "data-status=\"draft\"");
	assert_contains(r->body, "data-field=\"salary_expectation\">€70,000");
	assert_contains(r->body, "data-rule=\"guard.challenges_not_disclosed\""); /* R-GUARD-6: the KAM template's challenges */
	http_response_free(r);

	json_t *o = offer_of(app_anna);
	long long offer = id_of(o);
	json_t *latest = json_object_get(o, "latest");
	long long version = id_of(latest);
	assert_true(json_is_true(json_object_get(o, "needs_approval")));
	assert_true(has_finding(o, "offer.outside_band"));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "band"), "max_salary")), 75000);
	json_decref(o);

	/* send refused: page and API */
	snprintf(path, sizeof path, "/offers/%lld/send", offer);
	r = offer_post(weber, app_anna, path, "", 409);
	assert_contains(r->body, "outside the budget band");
	http_response_free(r);
	snprintf(path, sizeof path, "/api/v1/offers/%lld/send", offer);
	struct http_response *a = api_call(&srv, tok_weber, "POST", path, NULL);
	json_t *p = assert_problem(a, 409);
	assert_string_equal(json_string_value(json_object_get(p, "code")), "approval_required");
	json_decref(p);
	http_response_free(a);
	o = offer_of(app_anna);
	assert_string_equal(status_of(o), "draft");
	json_decref(o);

	/* the recruiter and a non-CFO interviewer cannot approve */
	snprintf(path, sizeof path, "/offers/%lld/versions/%lld/approve", offer, version);
	r = offer_post(weber, app_anna, path, "", 403);
	http_response_free(r);
	snprintf(path, sizeof path, "/api/v1/offers/%lld/approve", offer);
	a = api_call(&srv, tok_weber, "POST", path, NULL);
	json_decref(assert_problem(a, 403));
	http_response_free(a);
	a = api_call(&srv, tok_hoffmann, "POST", path, NULL);
	json_decref(assert_problem(a, 403));
	http_response_free(a);
	assert_int_equal(db_int("SELECT count(*) FROM offer_versions WHERE approved_at IS NOT NULL"), 0);

	/* the CFO sees the offer with the approve button and approves */
	r = get_page(schulz, page, 200);
	assert_contains(r->body, "Approve this version");
	assert_not_contains(r->body, "name=\"fixed_salary\"");  /* no terms form for the CFO-interviewer */
	http_response_free(r);
	snprintf(path, sizeof path, "/offers/%lld/versions/%lld/approve", offer, version);
	r = offer_post(schulz, app_anna, path, "", 303);
	assert_redirect(r, page);
	http_response_free(r);
	o = offer_of(app_anna);
	assert_false(json_is_true(json_object_get(o, "needs_approval")));
	assert_non_null(json_string_value(json_object_get(json_object_get(o, "latest"), "approved_by_name")));
	json_decref(o);

	/* now it can be sent */
	snprintf(path, sizeof path, "/offers/%lld/send", offer);
	r = offer_post(weber, app_anna, path, "", 303);
	http_response_free(r);
	o = offer_of(app_anna);
	assert_string_equal(status_of(o), "sent");
	json_decref(o);
	assert_no_soft_failures();
}

/* R-OFFER-1: the same through the API alone: 409 before, 200 after the CFO's approval. */
static void test_api_send_after_approval(void **state)
{
	(void)state;
	char body[512];
	snprintf(body, sizeof body,
		 "{\"application_id\":%lld,\"fixed_salary\":50000,\"start_date\":\"2027-10-01\","
		 "\"notice_rule\":\"weeks_to_15_or_month_end\",\"notice_weeks\":4}",
		 app_clara);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/offers", body, 201);
	long long offer = id_of(o);
	assert_true(has_finding(o, "offer.outside_band"));
	assert_true(json_is_true(json_object_get(o, "needs_approval")));
	json_decref(o);
	char path[96];
	snprintf(path, sizeof path, "/api/v1/offers/%lld/send", offer);
	struct http_response *a = api_call(&srv, tok_weber, "POST", path, NULL);
	json_t *p = assert_problem(a, 409);
	assert_non_null(strstr(json_string_value(json_object_get(p, "detail")), "must approve this version"));
	json_decref(p);
	http_response_free(a);
	snprintf(path, sizeof path, "/api/v1/offers/%lld/approve", offer);
	json_decref(api_call_json(&srv, tok_schulz, "POST", path, NULL, 200));
	snprintf(path, sizeof path, "/api/v1/offers/%lld/send", offer);
	o = api_call_json(&srv, tok_weber, "POST", path, NULL, 200);
	assert_string_equal(status_of(o), "sent");
	json_decref(o);
}

/* ---- interviewers ---------------------------------------------------------------------------------------- */

/* An interviewer who is not the position's CFO cannot see offers (page, band page, API). */
static void test_interviewer_cannot_see_offers(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "/applications/%lld/offer", app_anna);
	struct http_response *r = http_get(hoffmann, path, NULL);
	assert_status(r, 403);
	assert_not_contains(r->body, "80,000");
	http_response_free(r);
	snprintf(path, sizeof path, "/positions/%lld/budget", pos);
	r = http_get(hoffmann, path, NULL);
	assert_status(r, 403);
	http_response_free(r);

	snprintf(path, sizeof path, "/api/v1/offers?application=%lld", app_anna);
	struct http_response *a = api_call(&srv, tok_hoffmann, "GET", path, NULL);
	json_decref(assert_problem(a, 403));
	http_response_free(a);
	json_t *o = offer_of(app_anna);
	snprintf(path, sizeof path, "/api/v1/offers/%lld", (long long)id_of(o));
	json_decref(o);
	a = api_call(&srv, tok_hoffmann, "GET", path, NULL);
	json_decref(assert_problem(a, 403));
	http_response_free(a);
	a = api_call(&srv, tok_hoffmann, "POST", "/api/v1/offers", "{\"application_id\":1,\"fixed_salary\":1}");
	json_decref(assert_problem(a, 403));
	http_response_free(a);
}

/* ---- earliest start (R-TIME-4) and history ----------------------------------------------------------------- */

/* R-TIME-4: 12 weeks to the end of a quarter → the first Hamburg working day after it; earlier warns. */
static void test_earliest_start_from_quarter_notice(void **state)
{
	(void)state;
	char want[CALENDAR_ISO_LEN], before[CALENDAR_ISO_LEN], body[512], page[128];
	int32_t earliest = expected_earliest_quarter();
	iso(earliest, want);
	iso(earliest - 1, before);
	snprintf(body, sizeof body,
		 "{\"application_id\":%lld,\"fixed_salary\":70000,\"variable_salary\":8000,\"start_date\":\"%s\","
		 "\"contract_type\":\"permanent_full_time\",\"notice_rule\":\"weeks_to_quarter_end\",\"notice_weeks\":12,"
		 "\"benefits\":\"Dienstwagen\"}",
		 app_bernd, before);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/offers", body, 201);
	assert_string_equal(json_string_value(json_object_get(o, "earliest_start")), want);
	assert_true(has_finding(o, "offer.start_before_notice"));
	assert_false(has_finding(o, "offer.outside_band"));
	json_t *f = json_object_get(o, "findings");
	for (size_t i = 0; i < json_array_size(f); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(f, i), "rule")), "offer.start_before_notice") == 0)
			assert_string_equal(json_string_value(json_object_get(json_array_get(f, i), "earliest_start")), want);
	json_decref(o);

	snprintf(page, sizeof page, "/applications/%lld/offer", app_bernd);
	struct http_response *r = get_page(weber, page, 200);
	char needle[64];
	snprintf(needle, sizeof needle, "class=\"offer-earliest\" aria-live=\"polite\" data-day=\"%s\"", want);
	assert_contains(r->body, needle);
	assert_contains(r->body, "data-rule=\"offer.start_before_notice\"");
	http_response_free(r);

	/* the check form computes it for the rule asked */
	snprintf(page, sizeof page, "/applications/%lld/offer?notice_rule=weeks_to_quarter_end&notice_weeks=12", app_clara);
	r = get_page(weber, page, 200);
	assert_contains(r->body, needle);
	http_response_free(r);

	/* a second version starting on the earliest day: no warning; salary lowered */
	snprintf(body, sizeof body,
		 "{\"application_id\":%lld,\"fixed_salary\":72000,\"variable_salary\":8000,\"start_date\":\"%s\","
		 "\"contract_type\":\"permanent_full_time\",\"notice_rule\":\"weeks_to_quarter_end\",\"notice_weeks\":12,"
		 "\"benefits\":\"Dienstwagen\",\"note\":\"Gegenangebot\"}",
		 app_bernd, want);
	o = api_call_json(&srv, tok_weber, "POST", "/api/v1/offers", body, 201);
	assert_false(has_finding(o, "offer.start_before_notice"));
	assert_int_equal(json_integer_value(json_object_get(o, "versions_count")), 2);
	json_decref(o);
}

/* R-OFFER-1: the versions form the negotiation history with the changed fields. */
static void test_versions_are_the_history(void **state)
{
	(void)state;
	json_t *o = offer_of(app_bernd);
	char path[96];
	snprintf(path, sizeof path, "/api/v1/offers/%lld", (long long)id_of(o));
	json_decref(o);
	o = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	json_t *versions = json_object_get(o, "versions");
	assert_int_equal(json_array_size(versions), 2);
	json_t *v2 = json_array_get(versions, 1);
	assert_int_equal(json_integer_value(json_object_get(v2, "version")), 2);
	json_t *changes = json_object_get(v2, "changes");
	assert_true(json_array_has_string(changes, "fixed_salary"));
	assert_true(json_array_has_string(changes, "start_date"));
	assert_true(json_array_has_string(changes, "note"));
	assert_false(json_array_has_string(changes, "benefits"));
	assert_int_equal(json_array_size(json_object_get(json_array_get(versions, 0), "changes")), 0);
	json_decref(o);

	snprintf(path, sizeof path, "/applications/%lld/offer", app_bernd);
	struct http_response *r = get_page(weber, path, 200);
	assert_contains(r->body, "Negotiation history");
	assert_contains(r->body, "data-version=\"2\"");
	assert_contains(r->body, "data-version=\"1\"");
	assert_contains(r->body, "data-changed=\"fixed_salary\"");
	assert_contains(r->body, "data-changed=\"start_date\"");
	assert_contains(r->body, "<del>€70,000</del> → <ins>€72,000</ins>");
	assert_not_contains(r->body, "data-changed=\"benefits\"");
	assert_contains(r->body, "Gegenangebot");
	http_response_free(r);
	assert_no_soft_failures();
}

/* Bad input: 422 naming the field, nothing stored. */
static void test_bad_input(void **state)
{
	(void)state;
	long long before = db_int("SELECT count(*) FROM offer_versions");
	char body[256];
	snprintf(body, sizeof body, "{\"application_id\":%lld,\"fixed_salary\":\"viel\",\"start_date\":\"2027-13-01\"}",
		 app_bernd);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/offers", body, 422, "#/fixed_salary");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/offers", body, 422, "#/start_date");
	snprintf(body, sizeof body, "{\"application_id\":%lld,\"fixed_salary\":70000,\"start_date\":\"2027-01-04\","
				    "\"contract_type\":\"forever\"}", app_bernd);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/offers", body, 422, "#/contract_type");
	char page[96];
	snprintf(page, sizeof page, "/applications/%lld/offer", app_bernd);
	struct http_response *r = offer_post(weber, app_bernd, page, "fixed_salary=70000&start_date=&notice_weeks=12", 422);
	assert_contains(r->body, "Please enter the start date.");
	http_response_free(r);
	assert_int_equal(db_int("SELECT count(*) FROM offer_versions"), before);
	assert_no_soft_failures();
}

/* ---- accept and decline -------------------------------------------------------------------------------- */

/* R-OFFER-1: accepting moves the application to "hired", creates the hire and offers the onboarding plan. */
static void test_accept_hires(void **state)
{
	(void)state;
	json_t *o = offer_of(app_bernd);
	long long offer = id_of(o);
	json_decref(o);
	char path[96], page[96];
	snprintf(page, sizeof page, "/applications/%lld/offer", app_bernd);
	/* accepting a draft is refused */
	snprintf(path, sizeof path, "/api/v1/offers/%lld/accept", offer);
	api_expect_problem(&srv, tok_weber, "POST", path, NULL, 409, NULL);
	snprintf(path, sizeof path, "/offers/%lld/send", offer);
	http_response_free(offer_post(weber, app_bernd, path, "", 303));
	snprintf(path, sizeof path, "/offers/%lld/accept", offer);
	struct http_response *r = offer_post(weber, app_bernd, path, "", 303);
	char want[128];
	snprintf(want, sizeof want, "/applications/%lld/offer?done=offer_accepted", app_bernd);
	assert_redirect(r, want);
	http_response_free(r);

	snprintf(path, sizeof path, "/api/v1/applications/%lld", app_bernd);
	json_t *a = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(a, "stage")), "hired");
	json_decref(a);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM hires WHERE application_id = %lld", app_bernd);
	long long hire = db_int(sql);
	assert_true(hire > 0);

	o = offer_of(app_bernd);
	assert_string_equal(status_of(o), "accepted");
	assert_int_equal(json_integer_value(json_object_get(o, "hire_id")), hire);
	json_decref(o);

	r = get_page(weber, want, 200);
	snprintf(want, sizeof want, "action=\"/onboarding/%lld/generate\"", hire);
	assert_contains(r->body, want);
	snprintf(want, sizeof want, "href=\"/onboarding/%lld\"", hire);
	assert_contains(r->body, want);
	assert_not_contains(r->body, "name=\"fixed_salary\"");
	http_response_free(r);

	/* an accepted offer no longer changes */
	char body[256];
	snprintf(body, sizeof body, "{\"application_id\":%lld,\"fixed_salary\":71000,\"start_date\":\"2028-01-03\"}", app_bernd);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/offers", body, 409, NULL);
	assert_no_soft_failures();
}

/* R-OFFER-1: declining closes the offer. */
static void test_decline_closes(void **state)
{
	(void)state;
	json_t *o = offer_of(app_anna);
	long long offer = id_of(o);
	assert_string_equal(status_of(o), "sent");
	json_decref(o);
	char path[96];
	snprintf(path, sizeof path, "/offers/%lld/decline", offer);
	http_response_free(offer_post(weber, app_anna, path, "", 303));
	snprintf(path, sizeof path, "/api/v1/offers/%lld", offer);
	o = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(status_of(o), "declined");
	assert_true(json_integer_value(json_object_get(o, "closed_at")) > 0);
	json_decref(o);
	snprintf(path, sizeof path, "/api/v1/offers/%lld/accept", offer);
	struct http_response *a = api_call(&srv, tok_weber, "POST", path, NULL);
	json_t *p = assert_problem(a, 409);
	assert_string_equal(json_string_value(json_object_get(p, "code")), "offer_closed");
	json_decref(p);
	http_response_free(a);
	snprintf(path, sizeof path, "/api/v1/applications/%lld", app_anna);
	json_t *app = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_not_equal(json_string_value(json_object_get(app, "stage")), "hired");
	json_decref(app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_band_set_by_cfo, test_setup),
		cmocka_unit_test_setup(test_outside_band_needs_cfo_approval, test_setup),
		cmocka_unit_test_setup(test_api_send_after_approval, test_setup),
		cmocka_unit_test_setup(test_interviewer_cannot_see_offers, test_setup),
		cmocka_unit_test_setup(test_earliest_start_from_quarter_notice, test_setup),
		cmocka_unit_test_setup(test_versions_are_the_history, test_setup),
		cmocka_unit_test_setup(test_bad_input, test_setup),
		cmocka_unit_test_setup(test_accept_hires, test_setup),
		cmocka_unit_test_setup(test_decline_closes, test_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
