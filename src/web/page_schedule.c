/*
 * page_schedule.c — scheduling an interview (R-COMM-1): the form at
 * /interviews/{id}/schedule with date and time in Europe/Berlin, duration
 * (the round's by default), place or video link and the interviewers of the
 * interview; saving it (schedule or reschedule), cancelling it, and the
 * .ics download at /interviews/{id}.ics. Conflicts with the interviewers'
 * other interviews and absences are shown as warnings: nothing is stored
 * until the user confirms them with a checkbox and saves again.
 *
 * Also the one-line schedule summary the candidate page, the kit header and
 * "My interviews" show (interview_schedule_html).
 */
#include <stdlib.h>
#include <string.h>

#include "store/scorecards.h"
#include "util/str.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/schedule_ops.h"

/* What the form shows: posted values after a refusal, else the stored ones. */
struct schedule_values {
	const char *date, *time, *duration, *location, *video_link;
};

static void values_stored(struct request *r, const struct scheduled_interview *iv, struct schedule_values *v)
{
	memset(v, 0, sizeof *v);
	v->date = v->time = v->duration = "";
	if (iv->starts_at > 0)
		schedule_local_fields(r, iv->starts_at, &v->date, &v->time);
	if (iv->duration_minutes > 0)
		v->duration = arena_printf(&r->arena, "%d", iv->duration_minutes);
	v->location = iv->location;
	v->video_link = iv->video_link;
}

static const char *posted(struct request *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? str_trim(arena_strdup(&r->arena, v)) : "";
}

static void values_posted(struct request *r, struct schedule_values *v)
{
	v->date = posted(r, "date");
	v->time = posted(r, "time");
	v->duration = posted(r, "duration_minutes");
	v->location = posted(r, "location");
	v->video_link = posted(r, "video_link");
}

static const char *candidate_of(struct request *r, const struct scheduled_interview *iv)
{
	return str_trim(arena_printf(&r->arena, "%s %s", iv->first_name, iv->last_name));
}

void interview_schedule_html(struct request *r, const struct scheduled_interview *iv, bool actions)
{
	struct buf *o = &r->out;
	html_raw(o, "<span class=\"interview-when\">");
	if (iv->starts_at <= 0)
		html_printf(o, "<span class=\"muted\">%s</span>", _("Not scheduled"));
	else if (iv->cancelled_at)
		html_printf(o, "<span class=\"badge badge-muted\">%s</span> <s>%s</s>", _("Cancelled"),
			    schedule_when_text(r, iv->starts_at, iv->effective_minutes));
	else
		html_printf(o, "<time datetime=\"%s\">%s</time>", schedule_local_iso(iv->starts_at, (char[SCHEDULE_ISO_MAX]){ 0 }),
			    schedule_when_text(r, iv->starts_at, iv->effective_minutes));
	if (iv->starts_at > 0 && !iv->cancelled_at && (iv->location[0] || iv->video_link[0])) {
		html_raw(o, " · ");
		if (iv->location[0])
			html_printf(o, "%s", iv->location);
		if (iv->location[0] && iv->video_link[0])
			html_raw(o, " · ");
		if (iv->video_link[0] && schedule_link_valid(iv->video_link))
			html_printf(o, "<a href=\"%s\" rel=\"noopener noreferrer\">%s</a>", iv->video_link, _("Video link"));
		else if (iv->video_link[0])
			html_printf(o, "%s", iv->video_link);
	}
	html_raw(o, "</span>");
	if (!actions)
		return;
	struct schedule_conflict *conf = NULL;
	size_t nconf = 0;
	if (iv->starts_at > 0 && !iv->cancelled_at &&
	    schedule_conflicts_for(r, iv->id, iv->starts_at, iv->effective_minutes, &conf, &nconf) == STORE_OK && nconf)
		html_printf(o, " <span class=\"schedule-conflict-note\"><span class=\"badge badge-warn\">%s</span> %s</span>",
			    _("Conflict"), schedule_conflict_text(r, &conf[0]));
	free(conf);
	html_raw(o, " <span class=\"interview-when-actions\">");
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		html_printf(o, "<a href=\"/interviews/%lld/schedule\">%s</a>", (long long)iv->id,
			    iv->starts_at > 0 && !iv->cancelled_at ? _("Reschedule") : _("Schedule"));
	if (iv->starts_at > 0)
		html_printf(o, "%s<a href=\"/interviews/%lld.ics\" download>%s</a>",
			    permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES) ? " · " : "", (long long)iv->id,
			    _("Calendar file (.ics)"));
	html_raw(o, "</span>");
}

/* The warnings about conflicts[0..n) with the confirmation checkbox. */
static void conflicts_html(struct request *r, const struct schedule_conflict *c, size_t n)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"flash flash-warn schedule-conflicts\" role=\"alert\"><p><strong>%s</strong></p><ul>",
		    _("This time conflicts with the interviewers' calendars:"));
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<li data-conflict=\"%s\">%s</li>", schedule_conflict_kind_code(c[i].kind),
			    schedule_conflict_text(r, &c[i]));
	html_printf(o, "</ul></div><div class=\"field\"><label class=\"check\"><input type=\"checkbox\" id=\"f-confirm\" name=\"confirm\" value=\"1\"> %s</label></div>",
		    _("Schedule anyway despite these conflicts"));
}

static void schedule_render(struct request *r, const struct scheduled_interview *iv, const struct schedule_values *v,
			    const struct form_errors *fe, const struct schedule_conflict *conf, size_t nconf)
{
	struct buf *o = &r->out;
	const char *title = iv->starts_at > 0 && !iv->cancelled_at ? _("Reschedule interview") : _("Schedule interview");
	page_begin(r, title, NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates/%lld#interviews-%lld\">%s</a></p>"
		       "<h1>%s</h1><p class=\"lead\">%s · %d. %s</p></div></div>",
		    (long long)iv->candidate_id, (long long)iv->application_id, candidate_of(r, iv), title,
		    iv->position_title, iv->round_ord, iv_round_name(iv->round_name));
	html_raw(o, "<div class=\"split schedule-page\"><section class=\"card\">");
	html_printf(o, "<p>%s ", _("Current schedule:"));
	interview_schedule_html(r, iv, false);
	html_raw(o, "</p>");
	form_error_summary(r, fe);
	html_printf(o, "<form class=\"form schedule-form\" method=\"post\" action=\"/interviews/%lld/schedule\" novalidate>",
		    (long long)iv->id);
	csrf_field(r);
	if (nconf)
		conflicts_html(r, conf, nconf);
	struct form_input date = { "date", _("Date"), "date", v->date, NULL, "off", true };
	struct form_input time = { "time", _("Time (Berlin)"), "time", v->time,
				   _("Local time in Germany; summer and winter time are taken into account."), "off", true };
	const char *dur_hint = arena_printf(&r->arena, _("Empty: the round's %d minutes."), iv->round_duration_minutes);
	struct form_input duration = { "duration_minutes", _("Duration in minutes"), "number", v->duration, dur_hint, "off", false };
	struct form_input place = { "location", _("Place"), "text", v->location, _("Room or address; or give a video link."), "off", false };
	struct form_input link = { "video_link", _("Video link"), "url", v->video_link, _("https://…"), "off", false };
	html_raw(o, "<div class=\"form-row\">");
	form_text(r, fe, &date);
	form_text(r, fe, &time);
	form_text(r, fe, &duration);
	html_raw(o, "</div>");
	form_text(r, fe, &place);
	form_text(r, fe, &link);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>",
		    _("Save schedule"));
	if (iv->starts_at > 0 && !iv->cancelled_at) {
		html_printf(o, "<form class=\"form schedule-cancel\" method=\"post\" action=\"/interviews/%lld/cancel\" data-confirm=\"%s\">",
			    (long long)iv->id, _("Cancel this interview? The interviewers' calendar entries become cancelled."));
		csrf_field(r);
		html_printf(o, "<button type=\"submit\" class=\"btn btn-danger\">%s</button></form>", _("Cancel interview"));
	}
	html_printf(o, "</section><aside class=\"card\"><h2>%s</h2>", _("Interviewers"));
	if (iv->ninterviewers == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No interviewers assigned."));
	html_raw(o, "<ul class=\"interviewer-list\">");
	for (size_t i = 0; i < iv->ninterviewers; i++)
		html_printf(o, "<li>%s</li>", iv->interviewers[i].display_name);
	html_printf(o, "</ul><p class=\"hint\">%s</p></aside></div>",
		    _("The interviewers come from the round of the interview plan. Conflicts with their other interviews and "
		      "absences are shown before saving."));
	page_end(r);
}

/* Loads the interview of the path for a manager (404 / 500 answered). */
static bool schedule_load(struct request *r, struct scheduled_interview *iv)
{
	enum store_rc rc = store_scheduled_interview_get(r->store, req_path_arg(r, 0), iv);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return false;
	}
	return true;
}

void page_interview_schedule(struct request *r)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	struct schedule_values v;
	if (!schedule_load(r, iv))
		return;
	struct schedule_conflict *conf = NULL;
	size_t nconf = 0;
	values_stored(r, iv, &v);
	if (iv->starts_at > 0 && !iv->cancelled_at &&
	    schedule_conflicts_for(r, iv->id, iv->starts_at, iv->effective_minutes, &conf, &nconf) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	schedule_render(r, iv, &v, NULL, conf, nconf);
	free(conf);
}

/* Checks the posted values into *in; problems into fe. */
static void schedule_read(const struct schedule_values *v, struct schedule_input *in, struct form_errors *fe)
{
	memset(in, 0, sizeof *in);
	bool date_ok = !str_empty(v->date), time_ok = !str_empty(v->time);
	if (!date_ok)
		form_error(fe, "date", _("Please enter the date of the interview."));
	if (!time_ok)
		form_error(fe, "time", _("Please enter the time of the interview."));
	if (date_ok && time_ok) {
		enum schedule_time_rc trc = schedule_parse_local(v->date, v->time, &in->starts_at);
		if (trc == SCHEDULE_TIME_INVALID)
			form_error(fe, "date", _("Please enter the date as YYYY-MM-DD and the time as HH:MM."));
		else if (trc == SCHEDULE_TIME_GAP)
			form_error(fe, "time", _("This time does not exist in Berlin: the clocks go forward from 02:00 to 03:00 that night."));
	}
	long long minutes = 0;
	if (!str_empty(v->duration) && !str_to_int64(v->duration, 1, ROUND_DURATION_MAX, &minutes))
		form_error(fe, "duration_minutes", _("The duration must be a whole number of minutes from 1 to 600."));
	in->duration_minutes = (int)minutes;
	if (strlen(v->location) > SCHEDULE_LOCATION_MAX)
		form_error(fe, "location", _("The place must be at most 300 characters long."));
	if (v->video_link[0] && (strlen(v->video_link) > SCHEDULE_LINK_MAX || !schedule_link_valid(v->video_link)))
		form_error(fe, "video_link", _("The video link must be a web address starting with https:// or http://."));
	if (!v->location[0] && !v->video_link[0])
		form_error(fe, "location", _("Please give a place or a video link."));
	in->location = v->location;
	in->video_link = v->video_link;
}

void page_interview_schedule_save(struct request *r)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	struct schedule_values v;
	struct schedule_input in;
	struct form_errors fe = { 0 };
	struct schedule_conflict *conf = NULL;
	size_t nconf = 0;
	if (!schedule_load(r, iv))
		return;
	values_posted(r, &v);
	schedule_read(&v, &in, &fe);
	if (fe.n) {
		r->status = 422;
		schedule_render(r, iv, &v, &fe, NULL, 0);
		return;
	}
	int minutes = in.duration_minutes > 0 ? in.duration_minutes : iv->round_duration_minutes;
	if (schedule_conflicts_for(r, iv->id, in.starts_at, minutes, &conf, &nconf) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	if (nconf > 0 && !str_eq(req_form(r, "confirm"), "1")) {
		schedule_render(r, iv, &v, NULL, conf, nconf);
		free(conf);
		return;
	}
	free(conf);
	struct actor who = req_actor(r);
	enum store_rc rc = store_interview_schedule(r->store, &who, iv->id, &in, r->now, NULL);
	if (rc == STORE_INVALID) {
		form_error(&fe, "location", _("The schedule could not be stored as given: please check the place and the link."));
		r->status = 422;
		schedule_render(r, iv, &v, &fe, NULL, 0);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=interview_scheduled&application=%lld#interviews-%lld",
				      (long long)iv->candidate_id, (long long)iv->application_id, (long long)iv->application_id));
}

void page_interview_cancel(struct request *r)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	if (!schedule_load(r, iv))
		return;
	struct actor who = req_actor(r);
	enum store_rc rc = store_interview_cancel(r->store, &who, iv->id, r->now);
	if (rc == STORE_INVALID) {
		page_error(r, 409, _("The interview is not scheduled, or it is already cancelled."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=interview_cancelled&application=%lld#interviews-%lld",
				      (long long)iv->candidate_id, (long long)iv->application_id, (long long)iv->application_id));
}

void page_interview_ics(struct request *r)
{
	schedule_send_ics(r);
}

void interview_schedule_line_html(struct request *r, int64_t interview_id)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	if (store_scheduled_interview_get(r->store, interview_id, iv) != STORE_OK)
		return;
	html_printf(&r->out, "<p class=\"kit-when\"><strong>%s</strong> ", _("Date and time:"));
	interview_schedule_html(r, iv, true);
	html_raw(&r->out, "</p>");
}
