/*
 * test_channels.c — black-box tests of the channel pages against the real
 * server: the channel plan of a position with the seed's guidance (R-CHAN-1)
 * and the warnings of R-CHAN-2 (only one channel; a senior role without a
 * channel that reaches passive candidates), bad input refused at the field
 * with nothing stored (R-X-6), the channel report per position and overall
 * as a table and an SVG chart (R-CHAN-4), and who may see it (R-X-2: until
 * step 5 assigns candidates, interviewers get 403).
 *
 * Every test makes its own positions (own organisation), so the numbers are
 * its own. What was stored is read back through the JSON API
 * (GET /api/v1/positions/{id}/channel-report: its cost includes the plan's
 * budgets) and the audit log. The pages are fetched in English (the
 * recruiter switches the language once), so the assertions do not depend on
 * the German translations.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *weber;

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "channels test", tok_weber, sizeof tok_weber, NULL);
	weber = client_logged_in(&srv, "weber");
	struct http_response *res = post_form_with_csrf(weber, "/dashboard", "/lang", "lang=en&next=/dashboard", 303);
	http_response_free(res);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	weber = NULL;
	server_stop(&srv);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

/* A fresh position of its own organisation; template_key NULL for none. */
static long long create_position(const char *title, const char *template_key)
{
	char body[512];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", title);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	if (template_key)
		snprintf(body, sizeof body, "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"%s\"}", title, org,
			 template_key);
	else
		snprintf(body, sizeof body, "{\"title\":\"%s\",\"organisation_id\":%lld}", title, org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

static long long create_candidate(const char *first, const char *last, const char *channel)
{
	char body[512];
	snprintf(body, sizeof body,
		 "{\"first_name\":\"%s\",\"last_name\":\"%s\",\"email\":\"%s.%s@example.org\",\"channel\":\"%s\"}", first,
		 last, first, last, channel);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long id = id_of(c);
	json_decref(c);
	return id;
}

static long long create_application(long long position, long long candidate)
{
	char path[96], body[128];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", candidate);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	return id;
}

static void move(long long application, const char *stage)
{
	char path[96], body[96];
	snprintf(path, sizeof path, "/api/v1/applications/%lld/move", application);
	snprintf(body, sizeof body, "{\"stage\":\"%s\"}", stage);
	json_decref(api_call_json(&srv, tok_weber, "POST", path, body, 200));
}

static const char *path_of(long long position, const char *sub)
{
	static char path[96];
	snprintf(path, sizeof path, "/positions/%lld/%s", position, sub);
	return path;
}

/* POSTs the channel plan form; the caller frees the response. */
static struct http_response *save_plan(long long position, const char *form, long status)
{
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/channels", position);
	return post_form_with_csrf(weber, path, path, form, status);
}

static void save_plan_ok(long long position, const char *form)
{
	struct http_response *res = save_plan(position, form, 303);
	assert_redirect(res, path_of(position, "channels"));
	http_response_free(res);
}

/* The plan page (asserted 200, valid HTML); the caller frees. */
static struct http_response *plan_page(long long position)
{
	return get_page(weber, path_of(position, "channels"), 200);
}

/* The channel's row of the API's channel report; the caller decrefs the report. */
static json_t *api_report_row(long long position, const char *channel, json_t **report)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/channel-report", position);
	*report = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	json_t *rows = json_object_get(*report, "rows");
	for (size_t i = 0; i < json_array_size(rows); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(rows, i), "channel")), channel) == 0)
			return json_array_get(rows, i);
	fail_msg("no row for channel %s", channel);
	return NULL;
}

static long long planned_cost_cents(long long position, const char *channel)
{
	json_t *report;
	json_t *row = api_report_row(position, channel, &report);
	long long cost = json_integer_value(json_object_get(row, "cost_cents"));
	json_decref(report);
	return cost;
}

/* The <tr data-channel="code"> … </tr> of html (static storage). */
static const char *table_row(const char *html, const char *code)
{
	static char row[4096];
	char needle[64];
	snprintf(needle, sizeof needle, "<tr data-channel=\"%s\">", code);
	const char *start = strstr(html, needle);
	if (!start)
		fail_msg("no table row for channel %s", code);
	const char *end = strstr(start, "</tr>");
	assert_non_null(end);
	snprintf(row, sizeof row, "%.*s", (int)(end - start), start);
	return row;
}

/* Asserts that row's cell data-col="col" holds exactly text. */
static void assert_cell(const char *row, const char *col, const char *text)
{
	char needle[256];
	snprintf(needle, sizeof needle, "data-col=\"%s\">%s</", col, text);
	assert_contains(row, needle);
}

/* Audit rows of the channel plan of position (R-X-4: every write has one). */
static size_t plan_audits(long long position)
{
	json_t *entries = audit_entries(&srv);
	size_t n = 0;
	for (size_t i = 0; i < json_array_size(entries); i++) {
		json_t *e = json_array_get(entries, i);
		if (json_integer_value(json_object_get(e, "entity_id")) == position &&
		    strcmp(json_string_value(json_object_get(e, "entity")), "position") == 0 &&
		    strcmp(json_string_value(json_object_get(e, "action")), "channel_plan") == 0)
			n++;
	}
	json_decref(entries);
	return n;
}

/* ---- the plan and its warnings (R-CHAN-1, R-CHAN-2) ------------------------------------------------------ */

static void plan_page_shows_the_catalogue_with_guidance(void **state)
{
	(void)state;
	long long pos = create_position("Channels Catalogue", "kam");
	struct http_response *res = plan_page(pos);
	/* R-CHAN-1: every channel with its guidance, notes and the passive-reach badge */
	assert_contains(res->body, "data-channel=\"linkedin\"");
	assert_contains(res->body, "data-channel=\"direct_search\"");
	assert_contains(res->body, "data-channel=\"search_consultants\"");
	assert_contains(res->body, "data-channel=\"career_page\"");
	assert_contains(res->body, "The primary channel for the search");
	assert_contains(res->body, "Job portals have their place but mainly reach active job seekers");
	assert_contains(res->body, "Slowest: time-consuming");
	assert_contains(res->body, "Reaches passive candidates");
	/* the form: use, owner (users who may edit), budget, start date */
	assert_contains(res->body, "name=\"use_linkedin\"");
	assert_contains(res->body, "name=\"owner_linkedin\"");
	assert_contains(res->body, "name=\"budget_linkedin\"");
	assert_contains(res->body, "id=\"ch-linkedin-start_date\" name=\"start_linkedin\" type=\"date\"");
	assert_contains(res->body, ">Jonas Weber</option>");       /* recruiter */
	assert_not_contains(res->body, ">Lena Hoffmann</option>");  /* interviewer: may not edit channel plans */
	assert_contains(res->body, "name=\"csrf\"");
	/* links to both reports, and the Channels tab in the position's chrome */
	assert_contains(res->body, "/channels/report");
	assert_contains(res->body, path_of(pos, "channel-report"));
	assert_contains(res->body, "class=\"tab tab-channels\"");
	/* an empty plan of a senior role: both warnings */
	assert_contains(res->body, "data-rule=\"channels.single_channel\"");
	assert_contains(res->body, "data-rule=\"channels.no_passive_reach\"");
	http_response_free(res);

	/* the position's other pages lead here */
	res = get_page(weber, path_of(pos, "goals"), 200);
	char href[128];
	snprintf(href, sizeof href, "href=\"/positions/%lld/channels\"", pos);
	assert_contains(res->body, href);
	http_response_free(res);
	assert_no_soft_failures();
}

static void a_single_channel_is_warned_about(void **state)
{
	(void)state;
	long long pos = create_position("Channels Single", "kam");
	/* R-CHAN-2: LinkedIn alone reaches passive candidates but is one channel only */
	save_plan_ok(pos, "use_linkedin=1&owner_linkedin=&budget_linkedin=&start_linkedin=");
	char saved[128];
	snprintf(saved, sizeof saved, "%s?done=saved", path_of(pos, "channels"));
	struct http_response *res = get_page(weber, saved, 200);
	assert_contains(res->body, "Your changes have been saved.");
	assert_contains(res->body, "<li class=\"finding finding-warning\" data-rule=\"channels.single_channel\">");
	assert_not_contains(res->body, "data-rule=\"channels.no_passive_reach\"");
	assert_contains(res->body, "id=\"ch-linkedin-use\" name=\"use_linkedin\" value=\"1\" checked");

	/* the recruiter's user id from the owner select */
	const char *opt = strstr(res->body, "\">Jonas Weber</option>");
	assert_non_null(opt);
	while (opt > res->body && opt[-1] != '"')
		opt--;
	long long weber_id = atoll(opt);
	assert_true(weber_id > 0);
	http_response_free(res);

	/* a second channel ends the warning; the owner is stored */
	char form[160];
	snprintf(form, sizeof form, "use_linkedin=1&use_referrals=1&owner_referrals=%lld&start_referrals=2027-01-15", weber_id);
	save_plan_ok(pos, form);
	res = plan_page(pos);
	assert_not_contains(res->body, "data-rule=\"channels.");
	assert_contains(res->body, "The plan combines several channels and reaches passive candidates.");
	char selected[96];
	snprintf(selected, sizeof selected, "<option value=\"%lld\" selected>Jonas Weber</option>", weber_id);
	assert_contains(res->body, selected);
	assert_contains(res->body, "name=\"start_referrals\" type=\"date\" value=\"2027-01-15\"");
	http_response_free(res);
	assert_no_soft_failures();
}

static void a_senior_role_needs_passive_reach(void **state)
{
	(void)state;
	long long pos = create_position("Channels Senior", "kam");
	/* R-CHAN-2: job portals and the career page reach active seekers only */
	save_plan_ok(pos, "use_job_portals=1&use_career_page=1");
	struct http_response *res = plan_page(pos);
	assert_contains(res->body, "data-rule=\"channels.no_passive_reach\"");
	assert_not_contains(res->body, "data-rule=\"channels.single_channel\"");
	assert_contains(res->body, "counts as a senior role");
	http_response_free(res);

	/* adding LinkedIn (professional networks) removes the warning */
	save_plan_ok(pos, "use_job_portals=1&use_career_page=1&use_linkedin=1");
	res = plan_page(pos);
	assert_not_contains(res->body, "data-rule=\"channels.no_passive_reach\"");
	assert_not_contains(res->body, "data-rule=\"channels.single_channel\"");
	http_response_free(res);

	/* a role that is not senior (no template, no experience asked): no passive-reach warning */
	long long junior = create_position("Channels Junior", NULL);
	save_plan_ok(junior, "use_job_portals=1&use_career_page=1");
	res = plan_page(junior);
	assert_not_contains(res->body, "data-rule=\"channels.no_passive_reach\"");
	assert_contains(res->body, "does not count as a senior role");
	http_response_free(res);
	assert_no_soft_failures();
}

static void bad_input_is_refused_at_the_field(void **state)
{
	(void)state;
	long long pos = create_position("Channels Budget", "kam");

	/* a valid plan first: budgets with cents, a comma or a point */
	save_plan_ok(pos, "use_linkedin=1&budget_linkedin=1500%2C50&use_direct_search=1&budget_direct_search=2000.5"
			  "&start_direct_search=2026-12-01");
	assert_int_equal(planned_cost_cents(pos, "linkedin"), 150050);
	assert_int_equal(planned_cost_cents(pos, "direct_search"), 200050);
	struct http_response *res = plan_page(pos);
	assert_contains(res->body, "value=\"2026-12-01\"");
	http_response_free(res);
	assert_int_equal(plan_audits(pos), 1);

	/* R-X-6: a budget that is not an amount: 422, the message at the field, nothing stored */
	static const char *const bad_budgets[] = { "12abc", "1.500", "-5", "1e3", "15.505", "99999999999" };
	for (size_t i = 0; i < sizeof bad_budgets / sizeof bad_budgets[0]; i++) {
		char form[256], enc[64];
		url_encode_to(bad_budgets[i], enc, sizeof enc);
		snprintf(form, sizeof form, "use_linkedin=1&budget_linkedin=%s&use_events=1&budget_events=300", enc);
		res = save_plan(pos, form, 422);
		assert_contains(res->body, "<p class=\"field-error\" id=\"ch-linkedin-budget-err\">");
		assert_contains(res->body, "aria-invalid=\"true\" aria-describedby=\"ch-linkedin-budget-err\"");
		/* the summary names channel and field and links to it */
		assert_contains(res->body, "href=\"#ch-linkedin-budget\">LinkedIn and professional networks, Budget (EUR):");
		/* what was typed stays in the form */
		char typed[128];
		snprintf(typed, sizeof typed, "name=\"budget_linkedin\" type=\"text\" inputmode=\"decimal\" value=\"%s\"", enc);
		if (strchr(bad_budgets[i], '.') == NULL && strchr(bad_budgets[i], '-') == NULL)
			assert_contains(res->body, typed);
		http_response_free(res);
		assert_int_equal(planned_cost_cents(pos, "linkedin"), 150050);
		assert_int_equal(planned_cost_cents(pos, "events"), 0);
	}

	/* a date that does not exist */
	res = save_plan(pos, "use_linkedin=1&start_linkedin=2026-02-30&use_events=1", 422);
	assert_contains(res->body, "id=\"ch-linkedin-start_date-err\"");
	assert_contains(res->body, "The start date must be a date such as 2025-03-01.");
	http_response_free(res);
	/* an owner who may not own channels (the interviewer) or does not exist */
	res = save_plan(pos, "use_linkedin=1&owner_linkedin=999999&use_events=1", 422);
	assert_contains(res->body, "id=\"ch-linkedin-owner-err\"");
	http_response_free(res);
	assert_int_equal(planned_cost_cents(pos, "events"), 0);
	assert_int_equal(planned_cost_cents(pos, "direct_search"), 200050);

	/* nothing was written: no audit row since the valid save */
	assert_int_equal(plan_audits(pos), 1);
	assert_no_soft_failures();
}

/* ---- the report (R-CHAN-4) ------------------------------------------------------------------------------ */

static void report_counts_conversion_and_cost_per_hire(void **state)
{
	(void)state;
	long long pos = create_position("Channels Report", "kam");

	/* empty state before the first candidate */
	struct http_response *res = get_page(weber, path_of(pos, "channel-report"), 200);
	assert_contains(res->body, "No candidates yet");
	assert_not_contains(res->body, "<rect");
	http_response_free(res);

	/* LinkedIn: three candidates, one hired, one in the first interview; a job portal: one */
	long long l1 = create_application(pos, create_candidate("Lara", "Linke", "linkedin"));
	long long l2 = create_application(pos, create_candidate("Linus", "Lang", "linkedin"));
	create_application(pos, create_candidate("Lea", "Lorenz", "linkedin"));
	create_application(pos, create_candidate("Jan", "Jost", "job_portals"));
	long long d1 = create_application(pos, create_candidate("Dora", "Dietz", "direct_search"));
	move(l1, "first_interview");
	move(l1, "offer");
	move(l1, "hired");
	move(l2, "first_interview");
	move(d1, "offer");
	/* budgets: 3,000 € for LinkedIn, 450.50 € for job portals */
	save_plan_ok(pos, "use_linkedin=1&budget_linkedin=3000&use_job_portals=1&budget_job_portals=450.50"
			  "&use_direct_search=1");

	res = get_page(weber, path_of(pos, "channel-report"), 200);
	const char *row = table_row(res->body, "linkedin");
	assert_contains(row, "LinkedIn and professional networks");
	assert_cell(row, "candidates", "3");
	assert_cell(row, "interviews", "2");
	assert_cell(row, "offers", "1");
	assert_cell(row, "hires", "1");
	assert_cell(row, "interview_rate", "66.7%");
	assert_cell(row, "offer_rate", "50%");
	assert_cell(row, "hire_rate", "100%");
	assert_cell(row, "median_days", "0");
	assert_cell(row, "cost", "€3,000");
	assert_cell(row, "cost_per_hire", "€3,000");

	row = table_row(res->body, "job_portals");
	assert_cell(row, "candidates", "1");
	assert_cell(row, "interviews", "0");
	assert_cell(row, "interview_rate", "0%");
	assert_cell(row, "offer_rate", "\xe2\x80\x93");          /* no interviews: no basis */
	assert_cell(row, "median_days", "\xe2\x80\x93");
	assert_cell(row, "cost", "€450.50");
	assert_cell(row, "cost_per_hire", "\xe2\x80\x93");       /* no hires */

	row = table_row(res->body, "direct_search");
	assert_cell(row, "offers", "1");
	assert_cell(row, "interviews", "1");                     /* an offer implies the interview */

	/* the totals row */
	row = table_row(res->body, "all");
	assert_contains(row, "All channels");
	assert_cell(row, "candidates", "5");
	assert_cell(row, "interviews", "3");
	assert_cell(row, "offers", "2");
	assert_cell(row, "hires", "1");
	assert_cell(row, "interview_rate", "60%");
	assert_cell(row, "cost_per_hire", "€3,450.50");

	/* channels without candidates or budget are not listed */
	assert_not_contains(res->body, "<tr data-channel=\"events\">");

	/* the chart: an accessible SVG naming the channels, one bar per non-zero count */
	const char *svg = strstr(res->body, "<svg");
	assert_non_null(svg);
	assert_contains(svg, "role=\"img\"");
	assert_contains(svg, "aria-label=\"Candidates, first interviews, offers and hires per channel\"");
	assert_contains(svg, ">LinkedIn and professional</tspan>");
	assert_contains(svg, ">Job portals</tspan>");
	assert_contains(svg, ">Direct search</tspan>");
	size_t rects = 0;
	for (const char *p = strstr(svg, "<rect"); p; p = strstr(p + 1, "<rect"))
		rects++;
	assert_int_equal(rects, 4 + 1 + 3);       /* LinkedIn 3/2/1/1, portals 1/0/0/0, direct search 1/1/1/0 */
	assert_not_contains(svg, "nan");
	http_response_free(res);

	/* the same numbers as the JSON API computes */
	json_t *report;
	json_t *api_row = api_report_row(pos, "linkedin", &report);
	assert_int_equal(json_integer_value(json_object_get(api_row, "cost_per_hire_cents")), 300000);
	assert_int_equal(json_integer_value(json_object_get(api_row, "interview_per_mille")), 667);
	json_decref(report);

	/* the overall report counts this position too */
	res = get_page(weber, "/channels/report", 200);
	assert_contains(res->body, "<tr data-channel=\"all\">");
	assert_contains(res->body, "<svg");
	http_response_free(res);
	assert_no_soft_failures();
}

/* ---- who may see it (R-X-2) ---------------------------------------------------------------------------------- */

static void interviewers_get_403(void **state)
{
	(void)state;
	long long pos = create_position("Channels Forbidden", "kam");
	struct http_client *hoffmann = client_logged_in(&srv, "hoffmann");
	struct http_response *res = get_page(hoffmann, path_of(pos, "channels"), 403);
	http_response_free(res);
	res = get_page(hoffmann, path_of(pos, "channel-report"), 403);
	http_response_free(res);
	res = get_page(hoffmann, "/channels/report", 403);
	http_response_free(res);
	/* a valid token does not help either, and nothing is stored */
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/channels", pos);
	res = post_form_with_csrf(hoffmann, "/dashboard", path, "use_linkedin=1&budget_linkedin=100", 403);
	http_response_free(res);
	assert_int_equal(planned_cost_cents(pos, "linkedin"), 0);
	http_client_free(hoffmann);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(plan_page_shows_the_catalogue_with_guidance, setup),
		cmocka_unit_test_setup(a_single_channel_is_warned_about, setup),
		cmocka_unit_test_setup(a_senior_role_needs_passive_reach, setup),
		cmocka_unit_test_setup(bad_input_is_refused_at_the_field, setup),
		cmocka_unit_test_setup(report_counts_conversion_and_cost_per_hire, setup),
		cmocka_unit_test_setup(interviewers_get_403, setup),
	};
	return cmocka_run_group_tests_name("channels", tests, group_setup, group_teardown);
}
