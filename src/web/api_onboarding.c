/*
 * api_onboarding.c — the onboarding API and the loader of a hire's plan
 * shared with the pages; see api_onboarding.h.
 *
 * JSON days are "YYYY-MM-DD" (Europe/Berlin calendar days); check-in times
 * are given as local "HH:MM" and as UTC instants. The .ics holds one VEVENT
 * per check-in (30 minutes from its local time) and per review (one hour
 * from 10:00 local), with stable UIDs "onboarding-checkin-<id>@<host>" and
 * "onboarding-review-<id>@<host>", DTSTART/DTEND in UTC.
 */
#include "web/api_onboarding.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/berlin_time.h"
#include "core/calendar.h"
#include "core/onboarding.h"
#include "core/holidays.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"
#include "web/schedule_ops.h"

#define ICS_PRODID "-//stellwerk//stellwerk " STELLWERK_VERSION "//EN"
#define CHECKIN_MINUTES_LONG 30
#define REVIEW_LOCAL_MINUTES (10 * 60)
#define REVIEW_MINUTES_LONG 60

/* ---- the loader ----------------------------------------------------------------------------- */

void onb_view_free(struct onb_view *v)
{
	free(v->tasks);
	free(v->checkins);
	free(v->goals);
	free(v->reviews);
	free(v->accounts);
	v->tasks = NULL;
	v->checkins = NULL;
	v->goals = NULL;
	v->reviews = NULL;
	v->accounts = NULL;
	v->ntasks = v->ncheckins = v->ngoals = v->nreviews = v->naccounts = 0;
}

static enum onb_task_status task_status(const struct onboarding_task *t)
{
	enum onb_task_status s = ONB_TASK_OPEN;
	if (!onb_task_status_parse(t->status, &s))
		s = ONB_TASK_OPEN;
	return s;
}

enum store_rc onb_view_load(struct request *r, int64_t hire_id, struct onb_view *v)
{
	memset(v, 0, sizeof *v);
	enum store_rc rc = store_hire_get(r->store, hire_id, &v->hire);
	if (rc != STORE_OK)
		return rc;
	v->today = calendar_day_of_unix_berlin(r->now);
	struct position p;
	struct organisation org;
	if (store_position_get(r->store, v->hire.position_id, &p) == STORE_OK &&
	    store_organisation_get(r->store, p.organisation_id, &org) == STORE_OK) {
		const char *st = holiday_state_normalize(org.state);
		str_copy(v->state, sizeof v->state, st ? st : "");
	}
	if ((rc = store_onboarding_tasks(r->store, hire_id, &v->tasks, &v->ntasks)) != STORE_OK ||
	    (rc = store_onboarding_checkins(r->store, hire_id, &v->checkins, &v->ncheckins)) != STORE_OK ||
	    (rc = store_onboarding_goals(r->store, hire_id, &v->goals, &v->ngoals)) != STORE_OK ||
	    (rc = store_onboarding_reviews(r->store, hire_id, &v->reviews, &v->nreviews)) != STORE_OK ||
	    (rc = store_key_accounts(r->store, hire_id, &v->accounts, &v->naccounts)) != STORE_OK)
		return rc;
	v->has_plan = v->ntasks || v->ncheckins || v->ngoals || v->nreviews;
	struct onb_task_state *st = calloc(v->ntasks ? v->ntasks : 1, sizeof *st);
	if (!st)
		abort();
	for (size_t i = 0; i < v->ntasks; i++) {
		st[i].due_day = v->tasks[i].due_day;
		st[i].status = task_status(&v->tasks[i]);
	}
	struct onb_progress pg = onboarding_progress(v->hire.start_day, st, v->ntasks, v->today);
	free(st);
	v->done = pg.done;
	v->skipped = pg.skipped;
	v->total = pg.total;
	v->late = pg.late;
	v->percent = pg.percent;
	v->day_number = pg.day_number;
	v->week = pg.week;
	v->finished = pg.finished;
	return STORE_OK;
}

bool onb_task_is_late(const struct onb_view *v, const struct onboarding_task *t)
{
	return onboarding_task_late(t->due_day, task_status(t), v->today);
}

const struct onboarding_checkin *onb_next_checkin(const struct onb_view *v)
{
	for (size_t i = 0; i < v->ncheckins; i++)
		if (!v->checkins[i].done && v->checkins[i].day >= v->today)
			return &v->checkins[i];
	return NULL;
}

void onb_handover_counts(const struct onb_view *v, size_t *planned, size_t *introduced, size_t *handed_over)
{
	*planned = *introduced = *handed_over = 0;
	for (size_t i = 0; i < v->naccounts; i++) {
		const char *s = v->accounts[i].handover_status;
		if (str_eq(s, "introduced"))
			(*introduced)++;
		else if (str_eq(s, "handed_over"))
			(*handed_over)++;
		else
			(*planned)++;
	}
}

/* ---- iCalendar ------------------------------------------------------------------------------ */

static struct icaltimetype utc_time(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

/* UTC seconds of local minutes on day (Berlin); the start of the day when
 * the local time falls into the spring gap. */
static int64_t local_instant(int32_t day, int minutes)
{
	int y, mo, d;
	int64_t utc;
	calendar_ymd_from_day(day, &y, &mo, &d);
	if (!berlin_to_utc(y, mo, d, minutes / 60, minutes % 60, &utc))
		utc = berlin_day_start_utc(day);
	return utc;
}

static void add_event(icalcomponent *cal, const char *uid, int64_t start, int minutes, const char *summary,
		      const char *description, int64_t now)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(now)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(start)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(start + (int64_t)minutes * 60)));
	icalproperty *p = icalproperty_new_summary(summary);
	if (p)
		icalcomponent_add_property(ev, p);
	if (description && description[0] && (p = icalproperty_new_description(description)) != NULL)
		icalcomponent_add_property(ev, p);
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	icalcomponent_add_component(cal, ev);
}

static char *ics_build(struct request *r, const struct onb_view *v, bool with_reviews)
{
	const char *host = schedule_uid_host(r);
	const char *base = schedule_base_url(r);
	const char *name = arena_printf(&r->arena, "%s %s", v->hire.first_name, v->hire.last_name);
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(ICS_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalproperty *calname = icalproperty_new_x(arena_printf(&r->arena, "%s: %s", _("Onboarding"), name));
	icalproperty_set_x_name(calname, "X-WR-CALNAME");
	icalcomponent_add_property(cal, calname);
	const char *link = base ? arena_printf(&r->arena, "%s/onboarding/%lld", base, (long long)v->hire.id) : "";
	for (size_t i = 0; i < v->ncheckins; i++) {
		const struct onboarding_checkin *c = &v->checkins[i];
		char uid[160];
		snprintf(uid, sizeof uid, "onboarding-checkin-%lld@%s", (long long)c->id, host ? host : "stellwerk");
		const char *summary = arena_printf(&r->arena, _("Onboarding check-in, week %d: %s"), c->week, name);
		const char *desc = arena_printf(&r->arena, "%s: %s\n%s", _("Position"), v->hire.position_title, link);
		add_event(cal, uid, local_instant(c->day, c->time_minutes), CHECKIN_MINUTES_LONG, summary, desc, r->now);
	}
	for (size_t i = 0; with_reviews && i < v->nreviews; i++) {
		const struct onboarding_review *rv = &v->reviews[i];
		char uid[160];
		snprintf(uid, sizeof uid, "onboarding-review-%lld@%s", (long long)rv->id, host ? host : "stellwerk");
		const char *summary = arena_printf(&r->arena, _("Onboarding review, day %d: %s"), rv->day_mark, name);
		const char *desc = arena_printf(&r->arena, "%s: %s\n%s", _("Position"), v->hire.position_title, link);
		add_event(cal, uid, local_instant(rv->due_day, REVIEW_LOCAL_MINUTES), REVIEW_MINUTES_LONG, summary, desc,
			  r->now);
	}
	char *ics = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!ics)
		return NULL;
	char *copy = strdup(ics);
	icalmemory_free_buffer(ics);
	if (!copy)
		abort();
	return copy;
}

static void send_ics(struct request *r, const struct onb_view *v, bool with_reviews, const char *filename)
{
	char *ics = ics_build(r, v, with_reviews);
	if (!ics) {
		page_error(r, 500, NULL);
		return;
	}
	buf_reset(&r->out);
	buf_puts(&r->out, ics);
	free(ics);
	r->status = 200;
	r->content_type_out = "text/calendar; charset=utf-8";
	resp_header(r, "Content-Disposition", arena_printf(&r->arena, "attachment; filename=\"%s\"", filename));
}

void onb_send_ics(struct request *r, const struct onb_view *v)
{
	send_ics(r, v, false, arena_printf(&r->arena, "onboarding-%lld-checkins.ics", (long long)v->hire.id));
}

/* ---- JSON ----------------------------------------------------------------------------------- */

static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *jday(int32_t day)
{
	char iso[CALENDAR_ISO_LEN];
	return day > 0 ? jstr(calendar_format_iso(day, iso)) : json_null();
}

static json_t *jid(int64_t id)
{
	return id > 0 ? json_integer(id) : json_null();
}

static json_t *hire_json(struct request *r, const struct hire *h)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(h->id));
	json_object_set_new(o, "application_id", json_integer(h->application_id));
	json_object_set_new(o, "candidate_id", json_integer(h->candidate_id));
	json_object_set_new(o, "position_id", json_integer(h->position_id));
	json_object_set_new(o, "name", jstr(arena_printf(&r->arena, "%s %s", h->first_name, h->last_name)));
	json_object_set_new(o, "position_title", jstr(h->position_title));
	json_object_set_new(o, "start_day", jday(h->start_day));
	json_object_set_new(o, "user_id", jid(h->user_id));
	json_object_set_new(o, "user_name", h->user_id ? jstr(h->user_name) : json_null());
	json_object_set_new(o, "manager_user_id", jid(h->manager_user_id));
	json_object_set_new(o, "manager_name", h->manager_user_id ? jstr(h->manager_name) : json_null());
	return o;
}

static json_t *progress_json(const struct onb_view *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "done", json_integer((json_int_t)v->done));
	json_object_set_new(o, "skipped", json_integer((json_int_t)v->skipped));
	json_object_set_new(o, "total", json_integer((json_int_t)v->total));
	json_object_set_new(o, "late", json_integer((json_int_t)v->late));
	json_object_set_new(o, "percent", json_integer(v->percent));
	json_object_set_new(o, "day", json_integer(v->day_number));
	json_object_set_new(o, "week", json_integer(v->week));
	json_object_set_new(o, "finished", json_boolean(v->finished));
	const struct onboarding_checkin *next = onb_next_checkin(v);
	json_object_set_new(o, "next_checkin", next ? jday(next->day) : json_null());
	size_t planned, introduced, handed;
	onb_handover_counts(v, &planned, &introduced, &handed);
	json_t *h = json_object();
	json_object_set_new(h, "planned", json_integer((json_int_t)planned));
	json_object_set_new(h, "introduced", json_integer((json_int_t)introduced));
	json_object_set_new(h, "handed_over", json_integer((json_int_t)handed));
	json_object_set_new(o, "handovers", h);
	return o;
}

static const char *owner_name(struct request *r, int64_t user_id)
{
	struct user u;
	if (user_id <= 0 || store_user_by_id(r->store, user_id, &u) != STORE_OK)
		return NULL;
	return arena_strdup(&r->arena, u.display_name[0] ? u.display_name : u.name);
}

/* The stored status or "open" for "". */
static const char *or_open(const char *s)
{
	return s[0] ? s : "open";
}

static json_t *plan_json(struct request *r, const struct onb_view *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "hire", hire_json(r, &v->hire));
	json_object_set_new(o, "state", v->state[0] ? jstr(v->state) : json_null());
	json_object_set_new(o, "has_plan", json_boolean(v->has_plan));
	json_t *tasks = json_array();
	for (size_t i = 0; i < v->ntasks; i++) {
		const struct onboarding_task *t = &v->tasks[i];
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(t->id));
		json_object_set_new(j, "phase", jstr(t->phase));
		json_object_set_new(j, "title", jstr(t->title));
		json_object_set_new(j, "description", jstr(t->description));
		json_object_set_new(j, "owner_kind", jstr(t->owner_kind));
		json_object_set_new(j, "owner", t->owner_user_id > 0 ? json_pack("{s:I,s:o}", "id", (json_int_t)t->owner_user_id,
										       "name", jstr(owner_name(r, t->owner_user_id)))
								      : json_null());
		json_object_set_new(j, "due", jday(t->due_day));
		json_object_set_new(j, "status", jstr(or_open(t->status)));
		json_object_set_new(j, "late", json_boolean(onb_task_is_late(v, t)));
		json_array_append_new(tasks, j);
	}
	json_object_set_new(o, "tasks", tasks);
	json_t *checkins = json_array();
	for (size_t i = 0; i < v->ncheckins; i++) {
		const struct onboarding_checkin *c = &v->checkins[i];
		char hm[16], iso[SCHEDULE_ISO_MAX];
		snprintf(hm, sizeof hm, "%02d:%02d", c->time_minutes / 60, c->time_minutes % 60);
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(c->id));
		json_object_set_new(j, "week", json_integer(c->week));
		json_object_set_new(j, "day", jday(c->day));
		json_object_set_new(j, "time", jstr(hm));
		json_object_set_new(j, "starts_at", jstr(schedule_utc_iso(local_instant(c->day, c->time_minutes), iso)));
		json_object_set_new(j, "notes", jstr(c->notes));
		json_object_set_new(j, "done", json_boolean(c->done));
		json_array_append_new(checkins, j);
	}
	json_object_set_new(o, "checkins", checkins);
	json_t *goals = json_array();
	for (size_t i = 0; i < v->ngoals; i++) {
		const struct onboarding_goal *g = &v->goals[i];
		json_array_append_new(goals, json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "id", (json_int_t)g->id, "kind",
						       jstr(g->kind), "title", jstr(g->title), "target", jstr(g->target),
						       "status", jstr(or_open(g->status)), "note", jstr(g->note)));
	}
	json_object_set_new(o, "goals", goals);
	json_t *reviews = json_array();
	for (size_t i = 0; i < v->nreviews; i++) {
		const struct onboarding_review *rv = &v->reviews[i];
		json_array_append_new(reviews, json_pack("{s:I,s:i,s:o,s:o,s:b}", "id", (json_int_t)rv->id, "day_mark",
							 rv->day_mark, "due", jday(rv->due_day), "notes", jstr(rv->notes),
							 "done", rv->done_at > 0));
	}
	json_object_set_new(o, "reviews", reviews);
	json_t *accounts = json_array();
	for (size_t i = 0; i < v->naccounts; i++) {
		const struct key_account *a = &v->accounts[i];
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(a->id));
		json_object_set_new(j, "name", jstr(a->name));
		json_object_set_new(j, "annual_revenue", json_integer(a->annual_revenue));
		json_object_set_new(j, "priority", json_integer(a->priority));
		json_object_set_new(j, "previous_owner_user_id", jid(a->previous_owner_user_id));
		json_object_set_new(j, "previous_owner", jstr(a->previous_owner_display));
		json_object_set_new(j, "notes", jstr(a->notes));
		json_object_set_new(j, "handover_day", jday(a->handover_day));
		json_object_set_new(j, "handover_status", jstr(a->handover_status[0] ? a->handover_status : "planned"));
		json_array_append_new(accounts, j);
	}
	json_object_set_new(o, "key_accounts", accounts);
	json_object_set_new(o, "progress", progress_json(v));
	return o;
}

/* ---- handlers ------------------------------------------------------------------------------- */

void api_hires_list(struct request *r)
{
	struct hire *list = NULL;
	size_t n = 0;
	enum store_rc rc = store_hire_list(r->store, &list, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		struct onb_view v;
		json_t *h = hire_json(r, &list[i]);
		if (onb_view_load(r, list[i].id, &v) == STORE_OK) {
			json_object_set_new(h, "has_plan", json_boolean(v.has_plan));
			json_object_set_new(h, "progress", progress_json(&v));
		}
		onb_view_free(&v);
		json_array_append_new(items, h);
	}
	free(list);
	api_json(r, 200, json_pack("{s:o}", "items", items));
}

/* The hire of path argument 0 for the API; answers 404/500 and returns
 * false on failure. */
static bool api_load(struct request *r, struct onb_view *v)
{
	enum store_rc rc = onb_view_load(r, req_path_arg(r, 0), v);
	if (rc == STORE_OK)
		return true;
	onb_view_free(v);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such hire."));
	else
		api_store_failed(r, rc);
	return false;
}

void api_hire_onboarding(struct request *r)
{
	struct onb_view v;
	if (!api_load(r, &v))
		return;
	api_json(r, 200, plan_json(r, &v));
	onb_view_free(&v);
}

void api_hire_onboarding_ics(struct request *r)
{
	struct onb_view v;
	if (!api_load(r, &v))
		return;
	send_ics(r, &v, true, arena_printf(&r->arena, "onboarding-%lld.ics", (long long)v.hire.id));
	onb_view_free(&v);
}
