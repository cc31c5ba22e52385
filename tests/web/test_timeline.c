/*
 * test_timeline.c — black-box tests of the timeline of a position and of
 * the absences under Settings against the real server: the hiring plan's
 * best and worst dates counted in working days that skip the public
 * holidays of the organisation's Bundesland — a start just before
 * Christmas in Bavaria skips 25/26 December, New Year and Heilige Drei
 * Könige, which Hamburg does not have (R-TIME-1, R-TIME-3); the Gantt
 * chart with four rows and a today line; a decider's absence pushing the
 * interview phase (R-TIME-1); more than four deciders flagged as
 * plan.many_deciders (R-TIME-3); the actual phase and the status from the
 * pipeline (R-TIME-2); the API document carrying the page's dates; the
 * plan form's field errors storing nothing; absences added and deleted by
 * their owner, entered for others by a recruiter and refused to an
 * interviewer (R-X-2).
 *
 * Every test makes its own position (own organisation) through the JSON
 * API. The recruiter weber and the interviewer hoffmann use the pages in
 * German (their accounts' language).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_admin[128];
static struct http_client *weber;      /* recruiter */
static struct http_client *hoffmann;   /* interviewer */

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "timeline test", tok_admin, sizeof tok_admin, NULL);
	weber = client_logged_in(&srv, "weber");
	hoffmann = client_logged_in(&srv, "hoffmann");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	http_client_free(hoffmann);
	weber = hoffmann = NULL;
	server_stop(&srv);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

/* ---- helpers ------------------------------------------------------------------------------------ */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

/* A fresh KAM position of its own organisation; the organisation's
 * Bundesland is set afterwards through the organisations API (state
 * "DE-BY", or "" for none). */
static long long create_position(const char *title, const char *state)
{
	char body[512], path[96];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"München\"}", title);
	json_t *o = api_call_json(&srv, tok_admin, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	if (state[0]) {
		snprintf(path, sizeof path, "/api/v1/organisations/%lld", org);
		snprintf(body, sizeof body, "{\"state\":\"%s\"}", state);
		json_t *u = api_call_json(&srv, tok_admin, "PATCH", path, body, 200);
		assert_string_equal(json_string_value(json_object_get(u, "state")), state);
		json_decref(u);
	}
	snprintf(body, sizeof body, "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\"}", title, org);
	json_t *p = api_call_json(&srv, tok_admin, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

static long long user_id(const char *name)
{
	json_t *l = api_call_json(&srv, tok_admin, "GET", "/api/v1/users", NULL, 200);
	json_t *users = json_object_get(l, "users");
	long long id = 0;
	for (size_t i = 0; i < json_array_size(users); i++) {
		json_t *u = json_array_get(users, i);
		if (strcmp(json_string_value(json_object_get(u, "name")), name) == 0)
			id = json_integer_value(json_object_get(u, "id"));
	}
	json_decref(l);
	assert_true(id > 0);
	return id;
}

static void add_stakeholder_user(long long position, const char *user, const char *role)
{
	char path[96], body[128];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders", position);
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"%s\"}", user_id(user), role);
	json_decref(api_call_json(&srv, tok_admin, "POST", path, body, 201));
}

static void add_stakeholder_named(long long position, const char *name)
{
	char path[96], body[128];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders", position);
	snprintf(body, sizeof body, "{\"name\":\"%s\",\"role\":\"other\"}", name);
	json_decref(api_call_json(&srv, tok_admin, "POST", path, body, 201));
}

static const char *timeline_of(long long position)
{
	static char path[96];
	snprintf(path, sizeof path, "/positions/%lld/timeline", position);
	return path;
}

static json_t *timeline_api(long long position)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/timeline", position);
	return api_call_json(&srv, tok_admin, "GET", path, NULL, 200);
}

static void set_start(long long position, const char *start)
{
	char form[96];
	snprintf(form, sizeof form, "start=%s&note=Plan+vom+Test", start);
	struct http_response *res = post_form_with_csrf(weber, timeline_of(position), timeline_of(position), form, 303);
	assert_redirect(res, timeline_of(position));
	http_response_free(res);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The phase `i` of the plan in the API document. */
static json_t *plan_phase(json_t *doc, size_t i)
{
	json_t *ph = json_array_get(json_object_get(json_object_get(doc, "plan"), "phases"), i);
	assert_non_null(ph);
	return ph;
}

static const char *str_at(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	if (!s)
		fail_msg("no string \"%s\" in the JSON", key);
	return s;
}

/* Whether the plan's factors name rule. */
static bool has_factor(json_t *doc, const char *rule)
{
	json_t *f = json_object_get(json_object_get(doc, "plan"), "factors");
	for (size_t i = 0; i < json_array_size(f); i++)
		if (strcmp(str_at(json_array_get(f, i), "rule"), rule) == 0)
			return true;
	return false;
}

static bool holiday_skipped(json_t *doc, const char *date)
{
	json_t *h = json_object_get(doc, "holidays_skipped");
	for (size_t i = 0; i < json_array_size(h); i++)
		if (strcmp(str_at(json_array_get(h, i), "date"), date) == 0)
			return true;
	return false;
}

/* The table row of phase key on the page (up to its </tr>); caller frees. */
static char *phase_row(const char *html, const char *key)
{
	char needle[64];
	snprintf(needle, sizeof needle, "<tr data-phase=\"%s\">", key);
	const char *s = strstr(html, needle);
	if (!s)
		fail_msg("no row %s on the page", key);
	const char *e = strstr(s, "</tr>");
	assert_non_null(e);
	return strndup(s, (size_t)(e - s));
}

static void assert_datetime(const char *html, const char *iso)
{
	char needle[48];
	snprintf(needle, sizeof needle, "datetime=\"%s\"", iso);
	assert_contains(html, needle);
}

/* The id of the first absence row of user display name `who` on the
 * absences page, 0 when there is none. */
static long long absence_row_id(const char *html, const char *who)
{
	for (const char *p = strstr(html, "<tr data-absence=\""); p; p = strstr(p + 1, "<tr data-absence=\"")) {
		const char *end = strstr(p, "</tr>");
		const char *name = strstr(p, who);
		if (name && end && name < end)
			return atoll(p + strlen("<tr data-absence=\""));
	}
	return 0;
}

/* ---- the plan (R-TIME-1, R-TIME-3) ---------------------------------------------------------------- */

/* Without a start date the page explains the plan and offers a start;
 * the API says the plan is not set. */
static void test_empty_state(void **state)
{
	(void)state;
	long long pos = create_position("Zeitplan Leer", "DE-BY");
	struct http_response *res = get_page(weber, timeline_of(pos), 200);
	assert_contains(res->body, "id=\"no-plan\"");
	assert_contains(res->body, "name=\"start\" type=\"date\" value=\"");   /* defaulted to today */
	assert_contains(res->body, "class=\"tab tab-timeline\"");
	assert_not_contains(res->body, "chart-gantt");
	http_response_free(res);
	json_t *doc = timeline_api(pos);
	assert_false(json_is_true(json_object_get(doc, "plan_set")));
	json_decref(doc);
	assert_no_soft_failures();
}

/* R-TIME-1, R-TIME-3: a start on Monday 22 December 2025 in Bavaria. The
 * working days skip Thu 25 and Fri 26 December, Thu 1 January and — in
 * Bavaria only — Tue 6 January (Heilige Drei Könige). Best case (1+2+2+1
 * weeks = 30 working days): phase 1 ends Tue 30 Dec, phase 2 Thu 15 Jan,
 * phase 3 Thu 29 Jan, phase 4 Thu 5 Feb; worst case (2+4+3+2 weeks = 55
 * working days) ends Thu 12 March 2026. The page shows the same dates as
 * the API, the holidays by name and the Gantt chart. */
static void test_christmas_in_bavaria(void **state)
{
	(void)state;
	long long pos = create_position("Zeitplan Bayern", "DE-BY");
	set_start(pos, "2025-12-22");
	json_t *doc = timeline_api(pos);
	assert_true(json_is_true(json_object_get(doc, "plan_set")));
	assert_string_equal(str_at(doc, "state"), "BY");
	json_t *plan = json_object_get(doc, "plan");
	assert_string_equal(str_at(plan, "start"), "2025-12-22");
	assert_string_equal(str_at(plan_phase(doc, 0), "key"), "ad_search");
	assert_string_equal(str_at(plan_phase(doc, 0), "best_end"), "2025-12-30");
	assert_string_equal(str_at(plan_phase(doc, 1), "best_start"), "2025-12-31");
	assert_string_equal(str_at(plan_phase(doc, 1), "best_end"), "2026-01-15");
	assert_string_equal(str_at(plan_phase(doc, 2), "best_end"), "2026-01-29");
	assert_string_equal(str_at(plan_phase(doc, 3), "best_end"), "2026-02-05");
	assert_string_equal(str_at(plan, "best_end"), "2026-02-05");
	assert_string_equal(str_at(plan_phase(doc, 0), "worst_end"), "2026-01-08");
	assert_string_equal(str_at(plan, "worst_end"), "2026-03-12");
	assert_true(holiday_skipped(doc, "2025-12-25"));
	assert_true(holiday_skipped(doc, "2025-12-26"));
	assert_true(holiday_skipped(doc, "2026-01-01"));
	assert_true(holiday_skipped(doc, "2026-01-06"));
	assert_false(holiday_skipped(doc, "2025-12-24"));     /* Heiligabend is no statutory holiday */
	assert_true(has_factor(doc, "plan.holidays_in_window"));
	/* R-TIME-2: nothing happened since the start a year ago: phase 1 runs, behind plan */
	json_t *actual = json_array_get(json_object_get(doc, "actual"), 0);
	assert_string_equal(str_at(actual, "start"), "2025-12-22");
	assert_true(json_is_true(json_object_get(actual, "running")));
	assert_string_equal(str_at(doc, "status"), "behind");

	struct http_response *res = get_page(weber, timeline_of(pos), 200);
	const char *html = res->body;
	/* every date of the API's plan is in the phase's row of the page */
	static const char *const members[] = { "best_start", "best_end", "worst_start", "worst_end" };
	for (size_t i = 0; i < 4; i++) {
		json_t *ph = plan_phase(doc, i);
		char *row = phase_row(html, str_at(ph, "key"));
		for (size_t k = 0; k < 4; k++)
			assert_datetime(row, str_at(ph, members[k]));
		free(row);
	}
	assert_contains(html, "data-holiday=\"epiphany\"");
	assert_contains(html, "Heilige Drei Könige");
	assert_contains(html, "data-holiday=\"christmas\"");
	assert_contains(html, "data-status=\"behind\"");
	assert_contains(html, "data-rule=\"plan.holidays_in_window\"");
	/* the Gantt chart: four rows, a today line, an accessible image */
	const char *svg = strstr(html, "<svg class=\"chart chart-gantt\"");
	assert_non_null(svg);
	assert_contains(svg, "role=\"img\"");
	assert_int_equal(count(svg, "class=\"gantt-row\""), 4);
	assert_int_equal(count(svg, "class=\"gantt-best\""), 4);
	assert_int_equal(count(svg, "class=\"gantt-today\""), 1);
	assert_int_equal(count(svg, "gantt-running"), 1);
	assert_contains(html, "href=\"/settings/absences\"");
	http_response_free(res);
	json_decref(doc);

	/* the same start in Hamburg: 6 January is a working day there */
	long long hh = create_position("Zeitplan Hamburg", "DE-HH");
	set_start(hh, "2025-12-22");
	doc = timeline_api(hh);
	assert_string_equal(str_at(plan_phase(doc, 1), "best_end"), "2026-01-14");
	assert_false(holiday_skipped(doc, "2026-01-06"));
	assert_true(holiday_skipped(doc, "2025-12-25"));
	json_decref(doc);
	assert_no_soft_failures();
}

/* R-TIME-1: the CFO, a decider, is away Mon 19 – Fri 23 January 2026, in
 * the interview phase of the best case: phase 3 then ends a week later
 * (Thu 5 Feb), and with it the plan (Thu 12 Feb); the phases before are
 * not pushed. The recruiter enters the CFO's absence. */
static void test_absence_pushes_phase_3(void **state)
{
	(void)state;
	long long pos = create_position("Zeitplan Abwesenheit", "DE-BY");
	add_stakeholder_user(pos, "schulz", "cfo");
	set_start(pos, "2025-12-22");
	json_t *doc = timeline_api(pos);
	assert_string_equal(str_at(plan_phase(doc, 2), "best_end"), "2026-01-29");
	json_decref(doc);

	char form[160];
	snprintf(form, sizeof form, "user=%lld&from=2026-01-19&to=2026-01-23&note=Skiurlaub", user_id("schulz"));
	struct http_response *res = post_form_with_csrf(weber, "/settings/absences", "/settings/absences", form, 303);
	assert_redirect(res, "/settings/absences");
	http_response_free(res);

	doc = timeline_api(pos);
	assert_string_equal(str_at(plan_phase(doc, 1), "best_end"), "2026-01-15");
	assert_string_equal(str_at(plan_phase(doc, 2), "best_start"), "2026-01-16");
	assert_string_equal(str_at(plan_phase(doc, 2), "best_end"), "2026-02-05");
	assert_string_equal(str_at(plan_phase(doc, 3), "best_start"), "2026-02-06");
	assert_string_equal(str_at(json_object_get(doc, "plan"), "best_end"), "2026-02-12");
	json_t *abs = json_array_get(json_object_get(doc, "decider_absences"), 0);
	assert_non_null(abs);
	assert_string_equal(str_at(abs, "from"), "2026-01-19");
	assert_true(json_is_true(json_object_get(abs, "pushes")));
	json_decref(doc);

	res = get_page(weber, timeline_of(pos), 200);
	assert_contains(res->body, "data-pushes=\"true\"");
	assert_contains(res->body, "Peter Schulz");
	char *row = phase_row(res->body, "interviews_selection");
	assert_datetime(row, "2026-02-05");
	free(row);
	http_response_free(res);
	assert_no_soft_failures();
}

/* R-TIME-3: more than four deciders is a delay factor; four are not. */
static void test_many_deciders(void **state)
{
	(void)state;
	long long pos = create_position("Zeitplan Gremium", "DE-BY");
	set_start(pos, "2026-03-02");
	static const char *const names[] = { "Anna Alt", "Bernd Berg", "Clara Claus", "Dieter Dorn", "Erika Ernst" };
	for (size_t i = 0; i < 4; i++)
		add_stakeholder_named(pos, names[i]);
	json_t *doc = timeline_api(pos);
	assert_int_equal(json_integer_value(json_object_get(doc, "deciders")), 4);
	assert_false(has_factor(doc, "plan.many_deciders"));
	json_decref(doc);
	struct http_response *res = get_page(weber, timeline_of(pos), 200);
	assert_not_contains(res->body, "data-rule=\"plan.many_deciders\"");
	http_response_free(res);

	add_stakeholder_named(pos, names[4]);
	doc = timeline_api(pos);
	assert_int_equal(json_integer_value(json_object_get(doc, "deciders")), 5);
	assert_true(has_factor(doc, "plan.many_deciders"));
	json_decref(doc);
	res = get_page(weber, timeline_of(pos), 200);
	assert_contains(res->body, "data-rule=\"plan.many_deciders\"");
	http_response_free(res);
	assert_no_soft_failures();
}

/* Bad input in the plan form is named at its field and stores nothing;
 * week overrides are stored and used; an interviewer does not see the
 * timeline (R-X-2). */
static void test_plan_form(void **state)
{
	(void)state;
	long long pos = create_position("Zeitplan Formular", "DE-BY");
	struct http_response *res = post_form_with_csrf(weber, timeline_of(pos), timeline_of(pos),
							"start=2025-02-30&weeks_min_ad_search=3&weeks_max_ad_search=2"
							"&weeks_min_negotiation=40&note=",
							422);
	assert_contains(res->body, "id=\"f-start-err\"");
	assert_contains(res->body, "id=\"f-weeks_max_ad_search-err\"");
	assert_contains(res->body, "id=\"f-weeks_min_negotiation-err\"");
	assert_contains(res->body, "value=\"2025-02-30\"");        /* the input is kept */
	http_response_free(res);
	json_t *doc = timeline_api(pos);
	assert_false(json_is_true(json_object_get(doc, "plan_set")));
	json_decref(doc);

	/* phase 1 over three weeks exactly: 15 working days from Mon 2 March 2026 */
	res = post_form_with_csrf(weber, timeline_of(pos), timeline_of(pos),
				  "start=2026-03-02&weeks_min_ad_search=3&weeks_max_ad_search=3&note=", 303);
	http_response_free(res);
	doc = timeline_api(pos);
	assert_int_equal(json_integer_value(json_object_get(plan_phase(doc, 0), "min_weeks")), 3);
	assert_string_equal(str_at(plan_phase(doc, 0), "best_end"), "2026-03-20");
	assert_string_equal(str_at(plan_phase(doc, 0), "worst_end"), "2026-03-20");
	json_decref(doc);
	res = get_page(weber, timeline_of(pos), 200);
	assert_contains(res->body, "id=\"f-weeks_min_ad_search\" name=\"weeks_min_ad_search\" type=\"number\"");
	assert_contains(res->body, "placeholder=\"1\" value=\"3\"");
	http_response_free(res);

	res = http_get(hoffmann, timeline_of(pos), NULL);
	assert_int_equal(res->status, 403);
	http_response_free(res);
	assert_no_soft_failures();
}

/* ---- absences ------------------------------------------------------------------------------------- */

/* Everyone enters and deletes their own absences; bad input is named at
 * its field and stores nothing; an interviewer cannot enter absences for
 * others nor delete theirs (R-X-2). */
static void test_absences(void **state)
{
	(void)state;
	struct http_response *res = get_page(hoffmann, "/settings/absences", 200);
	assert_contains(res->body, "href=\"/settings/absences\" aria-current=\"page\"");
	assert_not_contains(res->body, "name=\"user\"");     /* no choice of person for an interviewer */
	assert_not_contains(res->body, "Messebesuch");
	http_response_free(res);

	/* field errors */
	res = post_form_with_csrf(hoffmann, "/settings/absences", "/settings/absences", "from=&to=2027-02-30&note=Messebesuch",
				  422);
	assert_contains(res->body, "id=\"f-from-err\"");
	assert_contains(res->body, "id=\"f-to-err\"");
	assert_contains(res->body, "value=\"Messebesuch\"");
	assert_int_equal(absence_row_id(res->body, "Lena Hoffmann"), 0);
	http_response_free(res);
	res = post_form_with_csrf(hoffmann, "/settings/absences", "/settings/absences",
				  "from=2027-03-10&to=2027-03-09&note=Messebesuch", 422);
	assert_contains(res->body, "id=\"f-to-err\"");
	assert_not_contains(res->body, "id=\"f-from-err\"");
	http_response_free(res);

	/* add own, listed with the dates */
	res = post_form_with_csrf(hoffmann, "/settings/absences", "/settings/absences",
				  "from=2027-03-08&to=2027-03-12&note=Messebesuch", 303);
	assert_redirect(res, "/settings/absences?done=saved");
	http_response_free(res);
	res = get_page(hoffmann, "/settings/absences", 200);
	long long own = absence_row_id(res->body, "Lena Hoffmann");
	assert_true(own > 0);
	assert_datetime(res->body, "2027-03-08");
	assert_datetime(res->body, "2027-03-12");
	assert_contains(res->body, "Messebesuch");
	http_response_free(res);

	/* an interviewer cannot enter an absence for someone else */
	char form[160];
	snprintf(form, sizeof form, "user=%lld&from=2027-04-01&to=2027-04-02&note=fremd", user_id("schulz"));
	res = post_form_with_csrf(hoffmann, "/settings/absences", "/settings/absences", form, 403);
	http_response_free(res);
	/* the recruiter can; the interviewer can neither see nor delete it */
	res = post_form_with_csrf(weber, "/settings/absences", "/settings/absences", form, 303);
	http_response_free(res);
	res = get_page(weber, "/settings/absences", 200);
	long long cfo = absence_row_id(res->body, "Peter Schulz");
	assert_true(cfo > 0);
	assert_true(absence_row_id(res->body, "Lena Hoffmann") > 0);   /* the recruiter sees everyone's */
	http_response_free(res);
	char path[96];
	snprintf(path, sizeof path, "/settings/absences/%lld/delete", cfo);
	res = post_form_with_csrf(hoffmann, "/settings/absences", path, "", 404);
	http_response_free(res);
	res = get_page(hoffmann, "/settings/absences", 200);
	assert_int_equal(absence_row_id(res->body, "Peter Schulz"), 0);
	http_response_free(res);

	/* delete own */
	snprintf(path, sizeof path, "/settings/absences/%lld/delete", own);
	res = post_form_with_csrf(hoffmann, "/settings/absences", path, "", 303);
	assert_redirect(res, "/settings/absences?done=deleted");
	http_response_free(res);
	res = get_page(hoffmann, "/settings/absences", 200);
	assert_int_equal(absence_row_id(res->body, "Lena Hoffmann"), 0);
	http_response_free(res);
	res = get_page(weber, "/settings/absences", 200);
	assert_true(absence_row_id(res->body, "Peter Schulz") > 0);     /* the CFO's stays */
	http_response_free(res);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_empty_state, setup),
		cmocka_unit_test_setup(test_christmas_in_bavaria, setup),
		cmocka_unit_test_setup(test_absence_pushes_phase_3, setup),
		cmocka_unit_test_setup(test_many_deciders, setup),
		cmocka_unit_test_setup(test_plan_form, setup),
		cmocka_unit_test_setup(test_absences, setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
