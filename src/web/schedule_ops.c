/*
 * schedule_ops.c — the parts of interview scheduling that the pages
 * (page_schedule.c, page_calendar_feed.c) and the API (api_schedule.c)
 * share; see schedule_ops.h. Times are converted with core/berlin_time.h,
 * never with the process time zone.
 */
#include "web/schedule_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/berlin_time.h"
#include "core/calendar.h"
#include "store/scorecards.h"
#include "store/users.h"
#include "util/str.h"
#include "web/ics.h"
#include "web/layout.h"

/* n digits at s as a number; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool parse_date(const char *s, int *y, int *mo, int *d)
{
	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return false;
	*y = digits(s, 4);
	*mo = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	return *y > 0 && calendar_ymd_valid(*y, *mo, *d);
}

/* "HH:MM" or "HH:MM:SS" at s; *len receives the characters read. */
static bool parse_clock(const char *s, int *h, int *mi, int *sec, size_t *len)
{
	if (!s || strlen(s) < 5 || s[2] != ':')
		return false;
	*h = digits(s, 2);
	*mi = digits(s + 3, 2);
	*sec = 0;
	*len = 5;
	if (s[5] == ':') {
		*sec = digits(s + 6, 2);
		*len = 8;
	}
	return *h >= 0 && *h <= 23 && *mi >= 0 && *mi <= 59 && *sec >= 0 && *sec <= 59;
}

enum schedule_time_rc schedule_parse_local(const char *date, const char *time, int64_t *utc)
{
	int y, mo, d, h, mi, sec;
	size_t len;
	if (!parse_date(date, &y, &mo, &d) || strlen(date) != 10 || !parse_clock(time, &h, &mi, &sec, &len) ||
	    time[len] != '\0')
		return SCHEDULE_TIME_INVALID;
	return berlin_to_utc(y, mo, d, h, mi, utc) ? SCHEDULE_TIME_OK : SCHEDULE_TIME_GAP;
}

enum schedule_time_rc schedule_parse_iso(const char *text, int64_t *utc)
{
	int y, mo, d, h, mi, sec;
	size_t len;
	if (!parse_date(text, &y, &mo, &d) || (text[10] != 'T' && text[10] != ' ') ||
	    !parse_clock(text + 11, &h, &mi, &sec, &len))
		return SCHEDULE_TIME_INVALID;
	const char *zone = text + 11 + len;
	if (*zone == '\0') {
		if (!berlin_to_utc(y, mo, d, h, mi, utc))
			return SCHEDULE_TIME_GAP;
		*utc += sec;
		return SCHEDULE_TIME_OK;
	}
	int offset = 0;
	if ((zone[0] == 'Z' || zone[0] == 'z') && zone[1] == '\0') {
		offset = 0;
	} else if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 6 && zone[3] == ':') {
		int oh = digits(zone + 1, 2), om = digits(zone + 4, 2);
		if (oh < 0 || oh > 14 || om < 0 || om > 59)
			return SCHEDULE_TIME_INVALID;
		offset = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
	} else {
		return SCHEDULE_TIME_INVALID;
	}
	int64_t day = calendar_day_from_ymd(y, mo, d);
	*utc = day * 86400 + h * 3600 + mi * 60 + sec - (int64_t)offset * 60;
	return SCHEDULE_TIME_OK;
}

bool schedule_link_valid(const char *link)
{
	const char *host;
	if (str_starts_with(link, "https://"))
		host = link + 8;
	else if (str_starts_with(link, "http://"))
		host = link + 7;
	else
		return false;
	if (*host == '\0' || *host == '/' || *host == '?' || *host == '#')
		return false;
	for (const unsigned char *p = (const unsigned char *)link; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return false;
	return true;
}

char *schedule_local_iso(int64_t utc, char out[SCHEDULE_ISO_MAX])
{
	struct berlin_time bt;
	berlin_from_utc(utc, &bt);
	snprintf(out, SCHEDULE_ISO_MAX, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", bt.year, bt.month, bt.day, bt.hour,
		 bt.minute, bt.second, bt.utc_offset_minutes / 60);
	return out;
}

char *schedule_utc_iso(int64_t utc, char out[SCHEDULE_ISO_MAX])
{
	int64_t days = utc >= 0 ? utc / 86400 : -((-utc + 86399) / 86400);
	int64_t rest = utc - days * 86400;
	int y, mo, d;
	calendar_ymd_from_day((int32_t)days, &y, &mo, &d);
	snprintf(out, SCHEDULE_ISO_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, (int)(rest / 3600),
		 (int)(rest % 3600 / 60), (int)(rest % 60));
	return out;
}

void schedule_local_fields(struct request *r, int64_t utc, const char **date, const char **time)
{
	struct berlin_time bt;
	berlin_from_utc(utc, &bt);
	*date = arena_printf(&r->arena, "%04d-%02d-%02d", bt.year, bt.month, bt.day);
	*time = arena_printf(&r->arena, "%02d:%02d", bt.hour, bt.minute);
}

const char *schedule_when_text(struct request *r, int64_t starts_at, int minutes)
{
	static const char *const wd_de[] = { "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So." };
	static const char *const wd_en[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	struct berlin_time a, b;
	berlin_from_utc(starts_at, &a);
	berlin_from_utc(starts_at + (int64_t)minutes * 60, &b);
	int w = a.weekday >= 1 && a.weekday <= 7 ? a.weekday - 1 : 0;
	if (r->lang == LANG_EN)
		return arena_printf(&r->arena, "%s %04d-%02d-%02d, %02d:%02d–%02d:%02d (UTC+%d)", wd_en[w], a.year, a.month,
				    a.day, a.hour, a.minute, b.hour, b.minute, a.utc_offset_minutes / 60);
	return arena_printf(&r->arena, "%s %02d.%02d.%04d, %02d:%02d–%02d:%02d Uhr (%s)", wd_de[w], a.day, a.month, a.year,
			    a.hour, a.minute, b.hour, b.minute, a.is_dst ? "MESZ" : "MEZ");
}

enum store_rc schedule_conflicts_for(struct request *r, int64_t interview_id, int64_t starts_at, int minutes,
				     struct schedule_conflict **out, size_t *n)
{
	int32_t first = calendar_day_of_unix_berlin(starts_at);
	int32_t last = calendar_day_of_unix_berlin(starts_at + (int64_t)(minutes > 0 ? minutes : 1) * 60 - 1);
	return store_schedule_conflicts(r->store, interview_id, starts_at, minutes, first, last, out, n);
}

const char *schedule_conflict_text(struct request *r, const struct schedule_conflict *c)
{
	if (c->kind == CONFLICT_ABSENCE) {
		char from[CALENDAR_ISO_LEN], to[CALENDAR_ISO_LEN];
		calendar_format_iso(c->from_day, from);
		calendar_format_iso(c->to_day, to);
		if (c->from_day == c->to_day)
			return arena_printf(&r->arena, _("%s is absent on %s."), c->user_display, from);
		return arena_printf(&r->arena, _("%s is absent from %s to %s."), c->user_display, from, to);
	}
	return arena_printf(&r->arena, _("%s has another interview at that time: %s."), c->user_display,
			    schedule_when_text(r, c->starts_at, (int)((c->ends_at - c->starts_at) / 60)));
}

enum store_rc schedule_load_visible(struct request *r, int64_t id, struct scheduled_interview *out)
{
	enum store_rc rc = store_scheduled_interview_get(r->store, id, out);
	if (rc != STORE_OK || permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		return rc;
	for (size_t i = 0; i < out->ninterviewers; i++)
		if (out->interviewers[i].user_id == r->user.id)
			return STORE_OK;
	return STORE_NOT_FOUND;
}

static bool host_ok(const char *host)
{
	return !str_empty(host) && strlen(host) < 256 &&
	       strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen(host);
}

const char *schedule_base_url(struct request *r)
{
	const char *host = req_header(r, "Host");
	if (!host_ok(host))
		return NULL;
	return arena_printf(&r->arena, "%s://%s", r->secure ? "https" : "http", host);
}

const char *schedule_uid_host(struct request *r)
{
	const char *host = req_header(r, "Host");
	if (!host_ok(host))
		return "stellwerk";
	char *h = arena_strdup(&r->arena, host);
	if (h[0] == '[') {                /* [::1]:8080 */
		char *end = strchr(h, ']');
		if (end)
			end[1] = '\0';
	} else {
		char *colon = strchr(h, ':');
		if (colon)
			*colon = '\0';
	}
	return h[0] ? h : "stellwerk";
}

void schedule_send_ics(struct request *r)
{
	struct scheduled_interview *iv = arena_alloc(&r->arena, sizeof *iv);
	enum store_rc rc = schedule_load_visible(r, req_path_arg(r, 0), iv);
	if (rc == STORE_OK && iv->starts_at <= 0)
		rc = STORE_NOT_FOUND;
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500,
			   rc == STORE_NOT_FOUND ? _("There is no scheduled interview with this number.") : NULL);
		return;
	}
	struct user *org = arena_alloc(&r->arena, sizeof *org);
	struct ics_context ctx = { schedule_uid_host(r), schedule_base_url(r), NULL, r->now };
	if (iv->scheduled_by > 0 && store_user_by_id(r->store, iv->scheduled_by, org) == STORE_OK)
		ctx.organizer_login = org->name;
	char *ics = ics_interview_calendar(iv, &ctx);
	if (!ics) {
		page_error(r, 500, NULL);
		return;
	}
	buf_puts(&r->out, ics);
	free(ics);
	r->status = 200;
	r->content_type_out = "text/calendar; charset=utf-8";
	resp_header(r, "Content-Disposition",
		    arena_printf(&r->arena, "attachment; filename=\"interview-%lld.ics\"", (long long)iv->id));
}
