/*
 * ics.c — iCalendar files of scheduled interviews through libical; see
 * ics.h for what a file holds. The texts in SUMMARY and DESCRIPTION are in
 * the language of the current request (util/i18n.h).
 */
#include "web/ics.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/i18n.h"
#include "util/str.h"
#include "web/interview_view.h"

#define ICS_PRODID "-//stellwerk//stellwerk " STELLWERK_VERSION "//EN"

static struct icaltimetype utc_time(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

/* A calendar address: mailto: for a login that is an e-mail address,
 * else a URN naming the user by id. */
static void cal_address(char *out, size_t n, const char *login, int64_t user_id)
{
	if (login && strchr(login, '@') && !strpbrk(login, " \t:<>\"") && login[0] != '@')
		snprintf(out, n, "mailto:%s", login);
	else
		snprintf(out, n, "urn:x-stellwerk:user:%lld", (long long)user_id);
}

static void add_text(icalcomponent *ev, icalproperty *p)
{
	if (p)
		icalcomponent_add_property(ev, p);
}

/* The VEVENT of one scheduled interview. */
static icalcomponent *interview_event(const struct scheduled_interview *iv, const struct ics_context *ctx,
				      bool with_organizer_login)
{
	char text[2048];
	icalcomponent *ev = icalcomponent_new_vevent();
	snprintf(text, sizeof text, "interview-%lld@%s", (long long)iv->id, ctx->uid_host ? ctx->uid_host : "stellwerk");
	icalcomponent_add_property(ev, icalproperty_new_uid(text));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc_time(ctx->now)));
	icalcomponent_add_property(ev, icalproperty_new_dtstart(utc_time(iv->starts_at)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(utc_time(iv->starts_at + (int64_t)iv->effective_minutes * 60)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(iv->ics_sequence));
	snprintf(text, sizeof text, "%s: %s %s (%s)", iv_round_name(iv->round_name), iv->first_name, iv->last_name,
		 iv->position_title);
	add_text(ev, icalproperty_new_summary(text));
	if (iv->location[0])
		add_text(ev, icalproperty_new_location(iv->location));
	else if (iv->video_link[0])
		add_text(ev, icalproperty_new_location(iv->video_link));
	if (iv->video_link[0])
		add_text(ev, icalproperty_new_url(iv->video_link));

	struct buf d = BUF_INIT;
	buf_printf(&d, "%s: %s %s\n%s: %s\n%s: %d. %s", _("Candidate"), iv->first_name, iv->last_name, _("Position"),
		   iv->position_title, _("Round"), iv->round_ord, iv_round_name(iv->round_name));
	if (iv->video_link[0])
		buf_printf(&d, "\n%s: %s", _("Video link"), iv->video_link);
	if (ctx->base_url)
		buf_printf(&d, "\n%s: %s/interviews/%lld", _("Interview kit"), ctx->base_url, (long long)iv->id);
	add_text(ev, icalproperty_new_description(buf_cstr(&d)));
	buf_free(&d);

	if (iv->scheduled_by > 0) {
		cal_address(text, sizeof text, with_organizer_login ? ctx->organizer_login : NULL, iv->scheduled_by);
		icalproperty *org = icalproperty_new_organizer(text);
		if (iv->scheduled_by_name[0])
			icalproperty_add_parameter(org, icalparameter_new_cn(iv->scheduled_by_name));
		icalcomponent_add_property(ev, org);
	}
	for (size_t i = 0; i < iv->ninterviewers; i++) {
		const struct schedule_interviewer *w = &iv->interviewers[i];
		cal_address(text, sizeof text, w->user_name, w->user_id);
		icalproperty *att = icalproperty_new_attendee(text);
		icalproperty_add_parameter(att, icalparameter_new_cn(w->display_name[0] ? w->display_name : w->user_name));
		icalproperty_add_parameter(att, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(att, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(att, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
		icalcomponent_add_property(ev, att);
	}
	icalcomponent_add_property(ev, icalproperty_new_status(iv->cancelled_at ? ICAL_STATUS_CANCELLED
										  : ICAL_STATUS_CONFIRMED));
	return ev;
}

static icalcomponent *calendar_new(enum icalproperty_method method)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(ICS_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(method));
	return cal;
}

/* The text of cal as a malloc'd string; frees cal. */
static char *calendar_text(icalcomponent *cal)
{
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

char *ics_interview_calendar(const struct scheduled_interview *iv, const struct ics_context *ctx)
{
	if (iv->starts_at <= 0)
		return NULL;
	icalcomponent *cal = calendar_new(iv->cancelled_at ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST);
	icalcomponent_add_component(cal, interview_event(iv, ctx, true));
	return calendar_text(cal);
}

char *ics_feed_calendar(const struct scheduled_interview *list, size_t n, const char *calname,
			const struct ics_context *ctx)
{
	icalcomponent *cal = calendar_new(ICAL_METHOD_PUBLISH);
	if (calname && calname[0]) {
		icalproperty *name = icalproperty_new_x(calname);
		icalproperty_set_x_name(name, "X-WR-CALNAME");
		icalcomponent_add_property(cal, name);
	}
	for (size_t i = 0; i < n; i++)
		if (list[i].starts_at > 0)
			icalcomponent_add_component(cal, interview_event(&list[i], ctx, false));
	return calendar_text(cal);
}
