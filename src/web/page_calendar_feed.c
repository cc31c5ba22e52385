/*
 * page_calendar_feed.c — the personal calendar feed (R-COMM-1): under
 * Settings → Calendar a user creates a secret feed address (shown once,
 * with a copy button), replaces or revokes it; GET /calendar/<secret>.ics
 * answers the user's scheduled interviews of the last 30 and the next 365
 * days as an iCalendar feed (METHOD:PUBLISH) for calendar programs, which
 * cannot log in: the secret in the address is the credential. A wrong or
 * revoked secret is 404; no session is looked at (the route is ROUTE_NO_AUTH).
 */
#include <stdlib.h>
#include <string.h>

#include "store/calendar_tokens.h"
#include "store/schedule.h"
#include "store/users.h"
#include "util/str.h"
#include "web/ics.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/schedule_ops.h"

#define FEED_PAST_DAYS 30
#define FEED_FUTURE_DAYS 365

/* The feed address of secret: absolute when the Host header allows (arena). */
static const char *feed_url(struct request *r, const char *secret)
{
	const char *base = schedule_base_url(r);
	return arena_printf(&r->arena, "%s/calendar/%s.ics", base ? base : "", secret);
}

static void calendar_settings_render(struct request *r, const char *secret, const char *flash)
{
	struct buf *o = &r->out;
	struct calendar_token t;
	enum store_rc rc = store_calendar_token_active(r->store, r->user.id, &t);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, 500, NULL);
		return;
	}
	bool active = rc == STORE_OK;
	page_begin(r, _("Calendar feed"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/calendar");
	if (flash)
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", flash);
	if (secret) {
		html_printf(o, "<pre class=\"secret\"><code id=\"calendar-feed-url\">%s</code></pre>", feed_url(r, secret));
		html_printf(o, "<p class=\"secret-note\">%s <button type=\"button\" class=\"btn btn-small\" data-copy=\"calendar-feed-url\" "
			       "data-copied-label=\"%s\" hidden>%s</button></p>",
			    _("Copy the address now: it is shown only once. Add it to your calendar program as a subscription "
			      "(\"subscribe to calendar\" / \"Kalender abonnieren\")."),
			    _("Copied"), _("Copy"));
	}
	html_printf(o, "<section class=\"card calendar-feed\"><h2>%s</h2><p>%s</p>", _("Your interviews in your calendar"),
		    _("A secret address lists the interviews you are an interviewer of — the last 30 and the next 365 days — "
		      "for Outlook, Google Calendar, Apple Calendar or Thunderbird. Anyone who knows the address can read it: "
		      "keep it to yourself, and revoke it if it got out."));
	if (active) {
		char since[64];
		i18n_format_datetime(since, sizeof since, (time_t)t.created_at, r->lang);
		html_printf(o, "<p><span class=\"badge badge-ok\">%s</span> %s %s</p>", _("Active"), _("Created on"), since);
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", _("You have no feed address at the moment."));
	}
	html_raw(o, "<div class=\"form-actions\"><form method=\"post\" action=\"/settings/calendar\">");
	csrf_field(r);
	if (active)
		html_printf(o, "<button type=\"submit\" class=\"btn\" data-confirm=\"%s\">%s</button></form>",
			    _("Create a new address? The current one stops working."), _("Create new address"));
	else
		html_printf(o, "<button type=\"submit\" class=\"btn btn-primary\">%s</button></form>", _("Create feed address"));
	if (active) {
		html_printf(o, "<form method=\"post\" action=\"/settings/calendar/revoke\" data-confirm=\"%s\">",
			    _("Revoke the feed address? Calendars subscribed to it stop updating."));
		csrf_field(r);
		html_printf(o, "<button type=\"submit\" class=\"btn btn-danger\">%s</button></form>", _("Revoke"));
	}
	html_raw(o, "</div></section>");
	page_end(r);
}

void page_calendar_settings(struct request *r)
{
	const char *done = req_query(r, "done");
	calendar_settings_render(r, NULL, str_eq(done, "revoked") ? _("The feed address has been revoked.") : NULL);
}

void page_calendar_create(struct request *r)
{
	char secret[TOKEN_TEXT_MAX];
	struct actor who = req_actor(r);
	if (store_calendar_token_create(r->store, &who, r->user.id, r->now, secret, NULL) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	calendar_settings_render(r, secret, _("The feed address has been created."));
	memset(secret, 0, sizeof secret);
}

void page_calendar_revoke(struct request *r)
{
	struct actor who = req_actor(r);
	enum store_rc rc = store_calendar_token_revoke(r->store, &who, r->user.id, r->now);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/settings/calendar?done=revoked");
}

void page_calendar_feed(struct request *r)
{
	const char *prefix = "/calendar/";
	const char *rest = r->path + strlen(prefix);
	size_t n = strlen(rest);
	int64_t user_id = 0;
	struct user *u = arena_alloc(&r->arena, sizeof *u);
	if (!str_starts_with(r->path, prefix) || n <= 4 || n > TOKEN_TEXT_MAX + 4 || strcmp(rest + n - 4, ".ics") != 0) {
		page_error(r, 404, NULL);
		return;
	}
	char *secret = arena_strndup(&r->arena, rest, n - 4);
	enum store_rc rc = store_calendar_token_lookup(r->store, secret, &user_id);
	if (rc == STORE_OK)
		rc = store_user_by_id(r->store, user_id, u);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	enum lang lang;
	if (lang_parse(u->lang, &lang)) {
		r->lang = lang;
		i18n_set_lang(lang);
	}
	struct schedule_filter f = { 0 };
	f.user_id = user_id;
	f.from = r->now - (int64_t)FEED_PAST_DAYS * 86400;
	f.to = r->now + (int64_t)FEED_FUTURE_DAYS * 86400;
	f.limit = 2000;
	struct scheduled_interview *list = NULL;
	size_t count = 0;
	if (store_scheduled_interviews_list(r->store, &f, &list, &count) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	struct ics_context ctx = { schedule_uid_host(r), schedule_base_url(r), NULL, r->now };
	const char *name = arena_printf(&r->arena, "%s — %s", _("Interviews"), u->display_name[0] ? u->display_name : u->name);
	char *ics = ics_feed_calendar(list, count, name, &ctx);
	free(list);
	if (!ics) {
		page_error(r, 500, NULL);
		return;
	}
	buf_puts(&r->out, ics);
	free(ics);
	r->status = 200;
	r->content_type_out = "text/calendar; charset=utf-8";
	resp_header(r, "Content-Disposition", "inline; filename=\"stellwerk-interviews.ics\"");
}
