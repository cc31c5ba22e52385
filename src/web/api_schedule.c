/*
 * api_schedule.c — GET/POST /api/v1/interviews, PATCH/DELETE
 * /api/v1/interviews/{id} and GET /api/v1/interviews/{id}.ics; see
 * api_schedule.h and docs/api.md.
 *
 * Start times are read as ISO 8601: without an offset they are Berlin local
 * time ("2026-12-03T10:00"), with "Z" or "+01:00" that offset. They are
 * answered as UTC ("starts_at") and as Berlin local time with its offset
 * ("starts_at_local"). Bad query parameters are 400, bad body members 422
 * naming the member; an interview the caller may not see is 404.
 */
#include "web/api_schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/berlin_time.h"
#include "store/scorecards.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/schedule_ops.h"

static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *jtime(int64_t t)
{
	return t > 0 ? json_integer((json_int_t)t) : json_null();
}

static json_t *jid(int64_t id)
{
	return id > 0 ? json_integer((json_int_t)id) : json_null();
}

static const char *schedule_status(const struct scheduled_interview *iv)
{
	return iv->starts_at <= 0 ? "unscheduled" : iv->cancelled_at ? "cancelled" : "scheduled";
}

static void schedule_members(json_t *o, const struct scheduled_interview *iv)
{
	char iso[SCHEDULE_ISO_MAX];
	json_object_set_new(o, "status", jstr(schedule_status(iv)));
	bool on = iv->starts_at > 0;
	int64_t end = iv->starts_at + (int64_t)iv->effective_minutes * 60;
	json_object_set_new(o, "starts_at", on ? jstr(schedule_utc_iso(iv->starts_at, iso)) : json_null());
	json_object_set_new(o, "ends_at", on ? jstr(schedule_utc_iso(end, iso)) : json_null());
	json_object_set_new(o, "starts_at_local", on ? jstr(schedule_local_iso(iv->starts_at, iso)) : json_null());
	json_object_set_new(o, "ends_at_local", on ? jstr(schedule_local_iso(end, iso)) : json_null());
	json_object_set_new(o, "time_zone", jstr("Europe/Berlin"));
	json_object_set_new(o, "duration_minutes", json_integer(iv->effective_minutes));
	json_object_set_new(o, "location", jstr(iv->location));
	json_object_set_new(o, "video_link", jstr(iv->video_link));
	json_object_set_new(o, "sequence", json_integer(iv->ics_sequence));
	json_object_set_new(o, "scheduled_by", jid(iv->scheduled_by));
	json_object_set_new(o, "scheduled_at", jtime(iv->scheduled_at));
	json_object_set_new(o, "cancelled_at", jtime(iv->cancelled_at));
	char ics[64];
	snprintf(ics, sizeof ics, "/api/v1/interviews/%lld.ics", (long long)iv->id);
	json_object_set_new(o, "ics", on ? jstr(ics) : json_null());
}

bool api_schedule_members(struct request *r, json_t *o, int64_t interview_id)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	if (store_scheduled_interview_get(r->store, interview_id, iv) != STORE_OK)
		return false;
	schedule_members(o, iv);
	return true;
}

/* One scheduled interview as the list and the writes answer it. */
static json_t *scheduled_json(const struct scheduled_interview *iv)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)iv->id));
	json_object_set_new(o, "application_id", json_integer((json_int_t)iv->application_id));
	json_object_set_new(o, "candidate_id", json_integer((json_int_t)iv->candidate_id));
	json_object_set_new(o, "candidate_name", json_pack("{s:o, s:o}", "first", jstr(iv->first_name), "last",
							   jstr(iv->last_name)));
	json_object_set_new(o, "position_id", json_integer((json_int_t)iv->position_id));
	json_object_set_new(o, "position_title", jstr(iv->position_title));
	json_object_set_new(o, "round_id", json_integer((json_int_t)iv->round_id));
	json_object_set_new(o, "round_ord", json_integer(iv->round_ord));
	json_object_set_new(o, "round_name", jstr(iv_round_name(iv->round_name)));
	json_object_set_new(o, "kit_version", json_integer(iv->kit_version));
	schedule_members(o, iv);
	json_t *ws = json_array();
	for (size_t i = 0; i < iv->ninterviewers; i++)
		json_array_append_new(ws, json_pack("{s:I, s:o, s:o}", "user_id", (json_int_t)iv->interviewers[i].user_id,
						    "name", jstr(iv->interviewers[i].user_name), "display_name",
						    jstr(iv->interviewers[i].display_name)));
	json_object_set_new(o, "interviewers", ws);
	return o;
}

static json_t *conflicts_json(struct request *r, const struct schedule_conflict *c, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "kind", jstr(schedule_conflict_kind_code(c[i].kind)));
		json_object_set_new(o, "user_id", json_integer((json_int_t)c[i].user_id));
		json_object_set_new(o, "user", jstr(c[i].user_display));
		if (c[i].kind == CONFLICT_INTERVIEW) {
			char iso[SCHEDULE_ISO_MAX];
			json_object_set_new(o, "interview_id", json_integer((json_int_t)c[i].other_id));
			json_object_set_new(o, "starts_at", jstr(schedule_utc_iso(c[i].starts_at, iso)));
			json_object_set_new(o, "ends_at", jstr(schedule_utc_iso(c[i].ends_at, iso)));
		} else {
			char day[CALENDAR_ISO_LEN];
			json_object_set_new(o, "absence_id", json_integer((json_int_t)c[i].other_id));
			json_object_set_new(o, "from", jstr(calendar_format_iso(c[i].from_day, day)));
			json_object_set_new(o, "to", jstr(calendar_format_iso(c[i].to_day, day)));
		}
		json_object_set_new(o, "message", jstr(schedule_conflict_text(r, &c[i])));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* ---- GET /api/v1/interviews ----------------------------------------------------------------- */

static void bad_parameter(struct request *r, const char *name, const char *message)
{
	struct form_errors fe = { 0 };
	form_error(&fe, name, message);
	api_problem(r, 400, _("Invalid query parameter"), message, &fe);
}

/* Query parameter name as a positive id into *out (0 when absent). */
static bool id_param(struct request *r, const char *name, int64_t *out)
{
	const char *v = req_query(r, name);
	long long id = 0;
	*out = 0;
	if (str_empty(v))
		return true;
	if (!str_to_int64(v, 1, INT64_MAX, &id)) {
		bad_parameter(r, name, _("must be a positive integer id"));
		return false;
	}
	*out = (int64_t)id;
	return true;
}

/* Query parameter name as a time: "YYYY-MM-DD" (midnight in Berlin) or an
 * ISO date-time as for starts_at; 0 when absent. */
static bool time_param(struct request *r, const char *name, int64_t *out)
{
	const char *v = req_query(r, name);
	int32_t day;
	*out = 0;
	if (str_empty(v))
		return true;
	if (calendar_parse_iso(v, &day)) {
		*out = berlin_day_start_utc(day);
		return true;
	}
	if (schedule_parse_iso(v, out) != SCHEDULE_TIME_OK) {
		bad_parameter(r, name, _("must be a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM"));
		return false;
	}
	return true;
}

void api_interviews_list(struct request *r)
{
	struct schedule_filter f = { 0 };
	if (!id_param(r, "user", &f.user_id) || !id_param(r, "position", &f.position_id) ||
	    !id_param(r, "application", &f.application_id) || !time_param(r, "from", &f.from) ||
	    !time_param(r, "to", &f.to))
		return;
	const char *cancelled = req_query(r, "include_cancelled");
	if (cancelled && !str_eq(cancelled, "true") && !str_eq(cancelled, "false")) {
		bad_parameter(r, "include_cancelled", _("must be true or false"));
		return;
	}
	f.include_cancelled = str_eq(cancelled, "true");
	bool all = permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
	json_t *items = json_array();
	if (!all && f.user_id > 0 && f.user_id != r->user.id)
		goto answer;                /* interviewers see only their own */
	if (!all)
		f.user_id = r->user.id;
	struct scheduled_interview *list = NULL;
	size_t n = 0;
	enum store_rc rc = store_scheduled_interviews_list(r->store, &f, &list, &n);
	if (rc != STORE_OK) {
		json_decref(items);
		api_store_failed(r, rc);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (list[i].starts_at > 0)
			json_array_append_new(items, scheduled_json(&list[i]));
	free(list);
answer:
	api_json(r, 200, json_pack("{s:o}", "interviews", items));
}

/* ---- writes ------------------------------------------------------------------------------- */

/* The schedule members of body over the current values in *in (a PATCH
 * leaves out what it does not change); problems into fe. Text members are
 * copied to the arena. */
static void read_schedule(struct request *r, json_t *body, struct schedule_input *in, bool require_start,
			  struct form_errors *fe)
{
	json_t *m = json_object_get(body, "starts_at");
	if (m && !json_is_null(m)) {
		enum schedule_time_rc trc = json_is_string(m) ? schedule_parse_iso(json_string_value(m), &in->starts_at)
							       : SCHEDULE_TIME_INVALID;
		if (trc == SCHEDULE_TIME_INVALID)
			form_error(fe, "starts_at", _("must be a date-time like 2026-12-03T10:00 (Berlin) or with Z or an offset"));
		else if (trc == SCHEDULE_TIME_GAP)
			form_error(fe, "starts_at", _("does not exist in Berlin: the clocks go forward from 02:00 to 03:00 that night"));
	} else if (require_start) {
		form_error(fe, "starts_at", _("This field is required."));
	}
	m = json_object_get(body, "duration_minutes");
	if (m && !json_is_null(m)) {
		if (!json_is_integer(m) || json_integer_value(m) < 1 || json_integer_value(m) > ROUND_DURATION_MAX)
			form_error(fe, "duration_minutes", _("must be a whole number of minutes from 1 to 600"));
		else
			in->duration_minutes = (int)json_integer_value(m);
	} else if (m) {
		in->duration_minutes = 0;
	}
	static const struct { const char *name; size_t max; } texts[] = {
		{ "location", SCHEDULE_LOCATION_MAX }, { "video_link", SCHEDULE_LINK_MAX },
	};
	for (size_t i = 0; i < 2; i++) {
		m = json_object_get(body, texts[i].name);
		if (!m)
			continue;
		const char *v = "";
		if (json_is_string(m) && json_string_length(m) <= texts[i].max &&
		    strlen(json_string_value(m)) == json_string_length(m))
			v = str_trim(arena_strdup(&r->arena, json_string_value(m)));
		else if (!json_is_null(m)) {
			form_error(fe, texts[i].name, _("must be a string of at most the allowed length"));
			continue;
		}
		if (i == 0)
			in->location = v;
		else
			in->video_link = v;
	}
	if (!str_empty(in->video_link) && !schedule_link_valid(in->video_link) && !form_error_for(fe, "video_link"))
		form_error(fe, "video_link", _("must be a web address starting with https:// or http://"));
	if (str_empty(in->location) && str_empty(in->video_link) && !form_error_for(fe, "location"))
		form_error(fe, "location", _("give a place (location) or a video link"));
}

/* Answers interview id with its conflicts at status. */
static void answer_with_conflicts(struct request *r, int64_t id, int status)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	struct schedule_conflict *conf = NULL;
	size_t nconf = 0;
	enum store_rc rc = store_scheduled_interview_get(r->store, id, iv);
	if (rc == STORE_OK && !iv->cancelled_at && iv->starts_at > 0)
		rc = schedule_conflicts_for(r, id, iv->starts_at, iv->effective_minutes, &conf, &nconf);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *o = scheduled_json(iv);
	json_object_set_new(o, "conflicts", conflicts_json(r, conf, nconf));
	free(conf);
	api_json(r, status, o);
}

static void invalid_input(struct request *r, const struct form_errors *fe)
{
	api_problem(r, 422, _("Invalid input"), fe->message[0], fe);
}

void api_interviews_schedule_create(struct request *r)
{
	struct form_errors fe = { 0 };
	struct schedule_input in = { 0 };
	struct interview *created = arena_alloc(&r->arena, sizeof *created);
	struct actor who = req_actor(r);
	long long ids[2] = { 0, 0 };
	static const char *const id_names[] = { "application_id", "round_id" };
	json_t *body = api_read_object(r);
	if (!body)
		return;
	for (size_t i = 0; i < 2; i++) {
		json_t *m = json_object_get(body, id_names[i]);
		if (!json_is_integer(m) || json_integer_value(m) < 1)
			form_error(&fe, id_names[i], _("must be a positive integer id"));
		else
			ids[i] = (long long)json_integer_value(m);
	}
	read_schedule(r, body, &in, true, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_begin(r->store);
	if (rc == STORE_OK)
		rc = store_interview_create(r->store, &who, ids[0], ids[1], r->now, created);
	if (rc == STORE_OK)
		rc = store_interview_schedule(r->store, &who, created->id, &in, r->now, NULL);
	if (rc == STORE_OK)
		rc = store_commit(r->store);
	if (rc != STORE_OK)
		store_rollback(r->store);
	if (rc == STORE_NOT_FOUND || (rc == STORE_INVALID && created->id == 0)) {
		form_error(&fe, rc == STORE_NOT_FOUND && created->id == 0 ? "application_id" : "round_id",
			   _("must be an application and a round of its position's interview plan"));
		invalid_input(r, &fe);
		return;
	}
	if (rc == STORE_INVALID) {
		form_error(&fe, "location", _("The schedule could not be stored as given."));
		invalid_input(r, &fe);
		return;
	}
	if (rc == STORE_CONFLICT) {
		api_problem(r, 409, _("Already planned"),
			    _("The candidate already has an interview in this round; schedule it with PATCH /api/v1/interviews/{id}."),
			    NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/interviews/%lld", (long long)created->id));
	answer_with_conflicts(r, created->id, 201);
}

void api_interview_reschedule(struct request *r)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	enum store_rc rc = store_scheduled_interview_get(r->store, req_path_arg(r, 0), iv);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such interview."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *body = api_read_object(r);
	if (!body)
		return;
	struct schedule_input in = { iv->starts_at, iv->duration_minutes, iv->location, iv->video_link };
	read_schedule(r, body, &in, iv->starts_at <= 0, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	rc = store_interview_schedule(r->store, &who, iv->id, &in, r->now, NULL);
	if (rc == STORE_INVALID) {
		form_error(&fe, "location", _("The schedule could not be stored as given."));
		invalid_input(r, &fe);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	answer_with_conflicts(r, iv->id, 200);
}

void api_interview_cancel(struct request *r)
{
	struct actor who = req_actor(r);
	enum store_rc rc = store_interview_cancel(r->store, &who, req_path_arg(r, 0), r->now);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such interview."));
		return;
	}
	if (rc == STORE_INVALID) {
		api_problem(r, 409, _("Not scheduled"), _("The interview is not scheduled, or it is already cancelled."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	buf_reset(&r->out);
	r->status = 204;
	r->content_type_out = NULL;
}

void api_interview_ics(struct request *r)
{
	schedule_send_ics(r);
}
