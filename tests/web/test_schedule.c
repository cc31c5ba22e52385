/*
 * test_schedule.c — black-box tests of interview scheduling against the
 * real server (R-COMM-1): times in Europe/Berlin across the change to
 * summer time (2026-03-29), the .ics downloads parsed with libical, who may
 * download them, conflicts with another interview of the same interviewer
 * and with an absence (warnings, confirmed in the form), SEQUENCE on
 * rescheduling, cancellation (STATUS:CANCELLED), the list API, and the
 * personal calendar feed behind a secret, revocable address.
 *
 * Users: weber (recruiter) schedules; m.berg, an interviewer added on the
 * command line, is the round's only interviewer (so the demo's interviews
 * never conflict); k.neumann, another interviewer, is never assigned.
 */
#include "harness.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_weber[128], tok_berg[128], tok_neumann[128];
static long long uid_berg, round_main, position_main;

/* ---- helpers ------------------------------------------------------------------------------------ */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static void add_user(const char *name)
{
	struct cmd_result res;
	const char *args[] = { "user", "add", name, "--role", "interviewer", "--password-stdin", "--data", srv.data, NULL };
	char pw[160];
	snprintf(pw, sizeof pw, "%s\n", srv.password);
	cmd_run(&res, args, NULL, pw);
	if (res.status != 0)
		fail_msg("user add exited %d:\n%s%s", res.status, res.out, res.err);
	cmd_result_free(&res);
}

static long long me_id(const char *token)
{
	json_t *me = api_call_json(&srv, token, "GET", "/api/v1/me", NULL, 200);
	json_t *u = json_object_get(me, "user");
	long long id = json_integer_value(json_object_get(u ? u : me, "id"));
	json_decref(me);
	assert_true(id > 0);
	return id;
}

/* A new candidate with an application for the test's position; returns the application id. */
static long long create_application(const char *last_name)
{
	char body[256], path[96];
	snprintf(body, sizeof body, "{\"first_name\":\"Test\",\"last_name\":\"%s\",\"email\":\"%s@example.org\"}", last_name,
		 last_name);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long cand = id_of(c);
	json_decref(c);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position_main);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	return id;
}

/* POST /api/v1/interviews for a new application at starts_at (as weber);
 * returns the answer (caller decrefs). */
static json_t *schedule_new(const char *last_name, const char *starts_at, const char *extra)
{
	char body[512];
	long long app = create_application(last_name);
	snprintf(body, sizeof body,
		 "{\"application_id\":%lld,\"round_id\":%lld,\"starts_at\":\"%s\",\"location\":\"Raum 3\"%s}", app,
		 round_main, starts_at, extra ? extra : "");
	return api_call_json(&srv, tok_weber, "POST", "/api/v1/interviews", body, 201);
}

static const char *jstr_of(const json_t *o, const char *name)
{
	const char *s = json_string_value(json_object_get(o, name));
	assert_non_null(s);
	return s;
}

/* GET path as token; asserts 200 text/calendar and returns the parsed
 * VCALENDAR (caller frees) with its first VEVENT in *ev. */
static icalcomponent *fetch_ics(const char *token, const char *path, icalcomponent **ev)
{
	struct http_response *res = api_call(&srv, token, "GET", path, NULL);
	assert_status(res, 200);
	char type[128];
	assert_true(http_header(res, "Content-Type", type, sizeof type));
	assert_contains(type, "text/calendar");
	icalcomponent *cal = icalparser_parse_string(res->body);
	http_response_free(res);
	assert_non_null(cal);
	*ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(*ev);
	return cal;
}

static void assert_utc(struct icaltimetype t, int y, int mo, int d, int h)
{
	assert_true(icaltime_is_utc(t));
	assert_int_equal(t.year, y);
	assert_int_equal(t.month, mo);
	assert_int_equal(t.day, d);
	assert_int_equal(t.hour, h);
	assert_int_equal(t.minute, 0);
}

static long get_status(const char *token, const char *path)
{
	struct http_response *res = api_call(&srv, token, "GET", path, NULL);
	long status = res->status;
	http_response_free(res);
	return status;
}

static int group_setup(void **state)
{
	(void)state;
	soft_failures_reset();
	server_start(&srv, NULL);
	add_user("m.berg");
	add_user("k.neumann");
	cli_token_create(&srv, "weber", "schedule test", tok_weber, sizeof tok_weber, NULL);
	cli_token_create(&srv, "m.berg", "schedule test", tok_berg, sizeof tok_berg, NULL);
	cli_token_create(&srv, "k.neumann", "schedule test", tok_neumann, sizeof tok_neumann, NULL);
	uid_berg = me_id(tok_berg);

	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations",
				  "{\"name\":\"Termin GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", 201);
	char body[1024], path[96];
	snprintf(body, sizeof body,
		 "{\"title\":\"Termine KAM\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\"}",
		 id_of(o));
	json_decref(o);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	position_main = id_of(p);
	json_decref(p);
	snprintf(body, sizeof body,
		 "{\"rounds\":[{\"name\":\"Fachinterview\",\"stage\":\"first_interview\",\"duration_minutes\":60,"
		 "\"interviewers\":[{\"user_id\":%lld,\"focus\":[\"industry_knowledge\"]}],"
		 "\"kit\":{\"questions\":[\"kam.rel.01\"],\"exercises\":[]}}]}",
		 uid_berg);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/interview-plan", position_main);
	json_t *plan = api_call_json(&srv, tok_weber, "PUT", path, body, 200);
	round_main = json_integer_value(json_object_get(json_array_get(json_object_get(plan, "rounds"), 0), "id"));
	json_decref(plan);
	assert_true(round_main > 0);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* ---- tests ------------------------------------------------------------------------------------------- */

/* R-COMM-1: 10:00 in Berlin is 08:00Z after the change to summer time on
 * 2026-03-29 and 09:00Z before it; the .ics says so. */
static void schedule_across_dst(void **state)
{
	(void)state;
	char path[96];
	json_t *after = schedule_new("Nachher", "2026-03-30T10:00", NULL);
	json_t *before = schedule_new("Vorher", "2026-03-27T10:00", NULL);
	assert_string_equal(jstr_of(after, "starts_at"), "2026-03-30T08:00:00Z");
	assert_string_equal(jstr_of(after, "starts_at_local"), "2026-03-30T10:00:00+02:00");
	assert_string_equal(jstr_of(before, "starts_at"), "2026-03-27T09:00:00Z");
	assert_string_equal(jstr_of(before, "starts_at_local"), "2026-03-27T10:00:00+01:00");
	assert_string_equal(jstr_of(after, "status"), "scheduled");
	assert_int_equal(json_integer_value(json_object_get(after, "duration_minutes")), 60);

	icalcomponent *ev;
	snprintf(path, sizeof path, "/api/v1/interviews/%lld.ics", id_of(after));
	icalcomponent *cal = fetch_ics(tok_weber, path, &ev);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
	assert_utc(icalcomponent_get_dtstart(ev), 2026, 3, 30, 8);
	assert_utc(icalcomponent_get_dtend(ev), 2026, 3, 30, 9);
	char want[96];
	snprintf(want, sizeof want, "/interviews/%lld", id_of(after));
	assert_non_null(strstr(icalcomponent_get_description(ev), want));
	assert_int_equal(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 1);
	icalcomponent_free(cal);

	snprintf(path, sizeof path, "/api/v1/interviews/%lld.ics", id_of(before));
	cal = fetch_ics(tok_berg, path, &ev);   /* the assigned interviewer may */
	assert_utc(icalcomponent_get_dtstart(ev), 2026, 3, 27, 9);
	icalcomponent_free(cal);

	/* the same file on the web route for a signed-in interviewer */
	struct http_client *c = client_logged_in(&srv, "m.berg");
	snprintf(path, sizeof path, "/interviews/%lld.ics", id_of(before));
	struct http_response *res = http_get(c, path, NULL);
	assert_status(res, 200);
	assert_contains(res->body, "DTSTART:20260327T090000Z");
	char disp[128];
	assert_true(http_header(res, "Content-Disposition", disp, sizeof disp));
	assert_contains(disp, "attachment");
	http_response_free(res);
	http_client_free(c);

	/* an interviewer not assigned gets 404, on both routes */
	assert_int_equal(get_status(tok_neumann, path + 0), 404);
	snprintf(path, sizeof path, "/api/v1/interviews/%lld.ics", id_of(before));
	assert_int_equal(get_status(tok_neumann, path), 404);
	c = client_logged_in(&srv, "k.neumann");
	snprintf(path, sizeof path, "/interviews/%lld.ics", id_of(before));
	res = http_get(c, path, NULL);
	assert_status(res, 404);
	http_response_free(res);
	http_client_free(c);

	/* GET /api/v1/interviews/{id} carries the schedule */
	snprintf(path, sizeof path, "/api/v1/interviews/%lld", id_of(after));
	json_t *one = api_call_json(&srv, tok_berg, "GET", path, NULL, 200);
	assert_string_equal(jstr_of(one, "starts_at"), "2026-03-30T08:00:00Z");
	assert_string_equal(jstr_of(one, "location"), "Raum 3");
	json_decref(one);

	/* a local time in the spring gap is refused, naming the member */
	char body[256];
	snprintf(body, sizeof body, "{\"application_id\":%lld,\"round_id\":%lld,\"starts_at\":\"2026-03-29T02:30\",\"location\":\"x\"}",
		 create_application("Luecke"), round_main);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/interviews", body, 422, "#/starts_at");
	json_decref(after);
	json_decref(before);
}

/* R-COMM-1: rescheduling increments SEQUENCE; cancelling gives STATUS:CANCELLED. */
static void reschedule_and_cancel(void **state)
{
	(void)state;
	char path[96], ics[96];
	json_t *iv = schedule_new("Verschoben", "2027-02-02T10:00", NULL);
	long long id = id_of(iv);
	json_decref(iv);
	snprintf(path, sizeof path, "/api/v1/interviews/%lld", id);
	snprintf(ics, sizeof ics, "/api/v1/interviews/%lld.ics", id);
	icalcomponent *ev;
	icalcomponent *cal = fetch_ics(tok_weber, ics, &ev);
	int seq = icalcomponent_get_sequence(ev);
	icalcomponent_free(cal);

	json_t *moved = api_call_json(&srv, tok_weber, "PATCH", path,
				      "{\"starts_at\":\"2027-02-03T14:00+01:00\",\"video_link\":\"https://meet.example.org/x\"}", 200);
	assert_string_equal(jstr_of(moved, "starts_at"), "2027-02-03T13:00:00Z");
	assert_string_equal(jstr_of(moved, "location"), "Raum 3");     /* unchanged members stay */
	assert_int_equal(json_integer_value(json_object_get(moved, "sequence")), seq + 1);
	json_decref(moved);
	cal = fetch_ics(tok_weber, ics, &ev);
	assert_int_equal(icalcomponent_get_sequence(ev), seq + 1);
	assert_utc(icalcomponent_get_dtstart(ev), 2027, 2, 3, 13);
	assert_non_null(icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY));
	icalcomponent_free(cal);

	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"video_link\":\"javascript:alert(1)\"}", 422, "#/video_link");
	api_expect_problem(&srv, tok_berg, "PATCH", path, "{\"location\":\"y\"}", 403, NULL);

	struct http_response *res = api_call(&srv, tok_weber, "DELETE", path, NULL);
	assert_status(res, 204);
	http_response_free(res);
	cal = fetch_ics(tok_weber, ics, &ev);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
	assert_int_equal(icalcomponent_get_sequence(ev), seq + 2);
	icalcomponent_free(cal);
	api_expect_problem(&srv, tok_weber, "DELETE", path, NULL, 409, NULL);
	json_t *one = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(jstr_of(one, "status"), "cancelled");
	json_decref(one);
}

static bool has_conflict(const json_t *answer, const char *kind)
{
	json_t *arr = json_object_get(answer, "conflicts");
	for (size_t i = 0; i < json_array_size(arr); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(arr, i), "kind")), kind) == 0)
			return true;
	return false;
}

/* R-COMM-1: an overlapping interview of the same interviewer and an absence
 * are flagged — in the API answer and, before saving, in the form. */
static void conflicts_flagged(void **state)
{
	(void)state;
	char path[96], form[512];
	json_t *a = schedule_new("Erster", "2027-01-12T10:00", NULL);
	assert_int_equal(json_array_size(json_object_get(a, "conflicts")), 0);
	json_t *b = schedule_new("Zweiter", "2027-01-12T10:30", NULL);
	assert_true(has_conflict(b, "interview"));
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(b, "conflicts"), 0),
							    "interview_id")),
			 id_of(a));
	long long idb = id_of(b);
	json_decref(b);

	/* back to back is no conflict */
	snprintf(path, sizeof path, "/api/v1/interviews/%lld", idb);
	b = api_call_json(&srv, tok_weber, "PATCH", path, "{\"starts_at\":\"2027-01-12T11:00\"}", 200);
	assert_int_equal(json_array_size(json_object_get(b, "conflicts")), 0);
	json_decref(b);

	/* an absence of m.berg, entered by m.berg */
	struct http_client *berg = client_logged_in(&srv, "m.berg");
	struct http_response *res = post_form_with_csrf(berg, "/settings/absences", "/settings/absences",
							"from=2027-01-20&to=2027-01-21&note=Urlaub", 303);
	http_response_free(res);
	http_client_free(berg);
	b = api_call_json(&srv, tok_weber, "PATCH", path, "{\"starts_at\":\"2027-01-21T14:00\"}", 200);
	assert_true(has_conflict(b, "absence"));
	assert_string_equal(jstr_of(b, "starts_at"), "2027-01-21T13:00:00Z");   /* stored anyway: a warning */
	json_decref(b);

	/* the form warns first and stores only when confirmed */
	struct http_client *c = client_logged_in(&srv, "weber");
	char page[96];
	snprintf(page, sizeof page, "/interviews/%lld/schedule", idb);
	res = get_page(c, page, 200);
	assert_contains(res->body, "value=\"2027-01-21\"");
	assert_contains(res->body, "value=\"14:00\"");
	http_response_free(res);
	snprintf(form, sizeof form, "date=2027-01-12&time=10%%3A15&duration_minutes=&location=Raum+5&video_link=");
	res = post_form_with_csrf(c, page, page, form, 200);
	assert_contains(res->body, "data-conflict=\"interview\"");
	assert_contains(res->body, "name=\"confirm\"");
	http_response_free(res);
	json_t *one = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(jstr_of(one, "starts_at"), "2027-01-21T13:00:00Z");   /* nothing stored */
	json_decref(one);
	snprintf(form, sizeof form, "date=2027-01-12&time=10%%3A15&duration_minutes=&location=Raum+5&video_link=&confirm=1");
	res = post_form_with_csrf(c, page, page, form, 303);
	assert_redirect(res, "/candidates/");
	http_response_free(res);
	one = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(jstr_of(one, "starts_at"), "2027-01-12T09:15:00Z");
	assert_string_equal(jstr_of(one, "location"), "Raum 5");
	json_decref(one);

	/* bad input names the field, nothing stored */
	snprintf(form, sizeof form, "date=2027-01-13&time=10%%3A00&location=&video_link=ftp%%3A%%2F%%2Fx");
	res = post_form_with_csrf(c, page, page, form, 422);
	assert_contains(res->body, "id=\"f-video_link-err\"");
	http_response_free(res);
	snprintf(form, sizeof form, "date=2027-03-28&time=02%%3A30&location=Raum");
	res = post_form_with_csrf(c, page, page, form, 422);
	assert_contains(res->body, "id=\"f-time-err\"");
	http_response_free(res);

	/* the candidate page, "My interviews" and the kit show the date (Berlin) */
	one = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	char cand[96], kit[96], sched_link[96];
	snprintf(cand, sizeof cand, "/candidates/%lld?done=interview_scheduled&application=%lld",
		 (long long)json_integer_value(json_object_get(one, "candidate_id")),
		 (long long)json_integer_value(json_object_get(one, "application_id")));
	json_decref(one);
	snprintf(kit, sizeof kit, "/interviews/%lld", idb);
	snprintf(sched_link, sizeof sched_link, "href=\"/interviews/%lld/schedule\"", idb);
	res = get_page(c, cand, 200);
	assert_contains(res->body, "12.01.2027, 10:15");
	assert_contains(res->body, sched_link);
	assert_contains(res->body, "flash-ok");
	http_response_free(res);
	http_client_free(c);
	c = client_logged_in(&srv, "m.berg");
	res = get_page(c, "/interviews", 200);
	assert_contains(res->body, "12.01.2027, 10:15");
	assert_contains(res->body, "datetime=\"2027-01-12T10:15:00+01:00\"");
	http_response_free(res);
	res = get_page(c, kit, 200);
	assert_contains(res->body, "class=\"kit-when\"");
	assert_contains(res->body, "12.01.2027, 10:15");
	assert_not_contains(res->body, sched_link);   /* interviewers do not schedule */
	http_response_free(res);
	res = get_page(c, page, 403);
	http_response_free(res);
	http_client_free(c);
	json_decref(a);
	assert_no_soft_failures();
}

/* GET /api/v1/interviews: filters; interviewers see only their own. */
static void list_filters(void **state)
{
	(void)state;
	json_t *a = schedule_new("Liste", "2027-05-04T09:00", NULL);
	char path[160];
	snprintf(path, sizeof path, "/api/v1/interviews?application=%lld", json_integer_value(json_object_get(a, "application_id")));
	json_t *l = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(l, "interviews")), 1);
	assert_int_equal(id_of(json_array_get(json_object_get(l, "interviews"), 0)), id_of(a));
	json_decref(l);
	l = api_call_json(&srv, tok_weber, "GET", "/api/v1/interviews?from=2027-05-04&to=2027-05-05", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(l, "interviews")), 1);
	json_decref(l);
	l = api_call_json(&srv, tok_berg, "GET", "/api/v1/interviews?from=2027-05-04&to=2027-05-05", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(l, "interviews")), 1);
	json_decref(l);
	l = api_call_json(&srv, tok_neumann, "GET", "/api/v1/interviews?from=2027-05-04&to=2027-05-05", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(l, "interviews")), 0);
	json_decref(l);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/interviews?from=gestern", NULL, 400, "#/from");
	/* the router's literal suffix after {id}: digits, then exactly ".ics" */
	assert_int_equal(get_status(tok_weber, "/api/v1/interviews/1x.ics"), 404);
	assert_int_equal(get_status(tok_weber, "/api/v1/interviews/.ics"), 404);
	api_expect_problem(&srv, tok_berg, "POST", "/api/v1/interviews", "{}", 403, NULL);
	json_decref(a);
}

/* The path "/calendar/….ics" of the feed address shown on the page. */
static void feed_path(const char *html, char *out, size_t n)
{
	const char *p = strstr(html, "id=\"calendar-feed-url\">");
	assert_non_null(p);
	p = strstr(p, "/calendar/");
	assert_non_null(p);
	const char *end = strchr(p, '<');
	assert_non_null(end);
	assert_true((size_t)(end - p) < n);
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
}

static long anonymous_status(const char *path, char **body)
{
	struct http_client *c = http_client_new(&srv);
	struct http_response *res = http_get(c, path, NULL);
	long status = res->status;
	if (body)
		*body = strdup(res->body);
	http_response_free(res);
	http_client_free(c);
	return status;
}

/* R-COMM-1: the personal feed — the right secret gives the user's
 * interviews, a wrong or revoked one 404. */
static void calendar_feed(void **state)
{
	(void)state;
	json_t *a = schedule_new("Feed", "2027-03-26T10:00", NULL);    /* before the 2027 change: 09:00Z */
	json_t *b = schedule_new("Feed2", "2027-03-29T10:00", NULL);   /* after: 08:00Z */
	struct http_client *c = client_logged_in(&srv, "m.berg");
	struct http_response *res = get_page(c, "/settings/calendar", 200);
	assert_contains(res->body, "href=\"/settings/calendar\" aria-current=\"page\"");
	http_response_free(res);
	res = post_form_with_csrf(c, "/settings/calendar", "/settings/calendar", "", 200);
	char path[160];
	feed_path(res->body, path, sizeof path);
	assert_contains(res->body, "data-copy=\"calendar-feed-url\"");
	http_response_free(res);

	char *body = NULL;
	assert_int_equal(anonymous_status(path, &body), 200);
	icalcomponent *cal = icalparser_parse_string(body);
	free(body);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH);
	char uid_a[64], uid_b[64];
	snprintf(uid_a, sizeof uid_a, "interview-%lld@", id_of(a));
	snprintf(uid_b, sizeof uid_b, "interview-%lld@", id_of(b));
	int seen = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		if (strncmp(icalcomponent_get_uid(ev), uid_a, strlen(uid_a)) == 0) {
			assert_utc(icalcomponent_get_dtstart(ev), 2027, 3, 26, 9);
			seen |= 1;
		}
		if (strncmp(icalcomponent_get_uid(ev), uid_b, strlen(uid_b)) == 0) {
			assert_utc(icalcomponent_get_dtstart(ev), 2027, 3, 29, 8);
			seen |= 2;
		}
	}
	assert_int_equal(seen, 3);
	icalcomponent_free(cal);

	/* wrong secrets */
	assert_int_equal(anonymous_status("/calendar/cal_wrong.ics", NULL), 404);
	assert_int_equal(anonymous_status("/calendar/.ics", NULL), 404);
	char other[200];
	snprintf(other, sizeof other, "%.*sX.ics", (int)(strlen(path) - 5), path);
	assert_int_equal(anonymous_status(other, NULL), 404);

	/* k.neumann's own feed does not hold m.berg's interviews */
	struct http_client *n = client_logged_in(&srv, "k.neumann");
	res = post_form_with_csrf(n, "/settings/calendar", "/settings/calendar", "", 200);
	char npath[160];
	feed_path(res->body, npath, sizeof npath);
	http_response_free(res);
	http_client_free(n);
	assert_int_equal(anonymous_status(npath, &body), 200);
	assert_null(strstr(body, uid_a));
	free(body);

	/* revoked */
	res = post_form_with_csrf(c, "/settings/calendar", "/settings/calendar/revoke", "", 303);
	http_response_free(res);
	assert_int_equal(anonymous_status(path, NULL), 404);
	http_client_free(c);
	json_decref(a);
	json_decref(b);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schedule_across_dst),
		cmocka_unit_test(reschedule_and_cancel),
		cmocka_unit_test(conflicts_flagged),
		cmocka_unit_test(list_filters),
		cmocka_unit_test(calendar_feed),
	};
	return cmocka_run_group_tests_name("schedule", tests, group_setup, group_teardown);
}
