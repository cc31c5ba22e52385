/*
 * page_absences.c — absences under Settings (R-TIME-1): the days someone
 * is away (holiday, travel, illness). They push the hiring plan where the
 * deciders are needed and flag interview slots of absent interviewers.
 *
 * Everyone enters and deletes their own. Administrators, recruiters and
 * hiring managers (ACTION_MANAGE_CANDIDATES) also enter them for others —
 * the CFO's holiday — and see everyone's; for anybody else a submitted
 * other user is refused with 403 and another user's absence is 404. Bad
 * input re-renders the form with the message at the field, nothing stored.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "store/absences.h"
#include "store/users.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"

#define ABSENCE_DAYS_MAX 366             /* one entry covers at most a year */

/* The submitted form, shown again when it failed. */
struct absence_draft {
	int64_t user_id;
	const char *from;
	const char *to;
	const char *note;
};

static bool may_manage_others(struct request *r)
{
	return permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
}

static const char *user_shown(const struct user *u)
{
	return u->display_name[0] ? u->display_name : u->name;
}

static const char *day_iso(struct request *r, int32_t day)
{
	char text[CALENDAR_ISO_LEN];
	return arena_strdup(&r->arena, calendar_format_iso(day, text));
}

static void day_html(struct request *r, int32_t day)
{
	char text[32];
	i18n_format_date(text, sizeof text, (time_t)day * 86400 + 43200, r->lang);
	html_printf(&r->out, "<time datetime=\"%s\">%s</time>", day_iso(r, day), text);
}

static void date_field(struct request *r, const struct form_errors *fe, const char *name, const char *label,
		       const char *value)
{
	struct form_input in = { name, label, "date", value, NULL, "off", true };
	form_text(r, fe, &in);
}

static void absence_form(struct request *r, const struct user *users, size_t nusers, const struct form_errors *fe,
			 const struct absence_draft *d)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"new-absence\"><h2>%s</h2><p class=\"muted\">%s</p>", _("New absence"),
		    _("Days away push the interview and negotiation phases of the hiring plans this person decides in, and "
		      "flag interviews planned on them."));
	form_error_summary(r, fe);
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/absences\" novalidate>");
	csrf_field(r);
	if (may_manage_others(r)) {
		const char *err = form_error_for(fe, "user");
		int64_t chosen = d && d->user_id ? d->user_id : r->user.id;
		html_printf(o, "<div class=\"field%s\"><label for=\"f-user\">%s</label><select id=\"f-user\" name=\"user\"",
			    err ? " has-error" : "", _("Who is away"));
		if (err)
			html_raw(o, " aria-invalid=\"true\" aria-describedby=\"f-user-err\"");
		html_raw(o, ">");
		for (size_t i = 0; i < nusers; i++)
			if (!users[i].disabled || users[i].id == chosen)
				html_printf(o, "<option value=\"%lld\"%s>%s</option>", (long long)users[i].id,
					    users[i].id == chosen ? " selected" : "", user_shown(&users[i]));
		html_raw(o, "</select>");
		if (err)
			html_printf(o, "<p class=\"field-error\" id=\"f-user-err\">%s</p>", err);
		html_raw(o, "</div>");
	}
	date_field(r, fe, "from", _("First day away"), d ? d->from : "");
	date_field(r, fe, "to", _("Last day away"), d ? d->to : "");
	struct form_input note = { "note", _("Note"), "text", d ? d->note : "", _("For example: holiday, trade fair"), "off",
				   false };
	form_text(r, fe, &note);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Add absence"));
}

static void absence_list(struct request *r, const struct absence *list, size_t n, bool all)
{
	struct buf *o = &r->out;
	bool others = may_manage_others(r);
	html_printf(o, "<section class=\"card\" id=\"absence-list\"><h2>%s</h2>",
		    all ? _("All absences") : _("Current and upcoming absences"));
	if (n == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No absences entered."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data absences\"><caption>%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead><tbody>",
			    _("Absences"), _("Who"), _("From"), _("To"), _("Note"), _("Actions"));
		for (size_t i = 0; i < n; i++) {
			const struct absence *a = &list[i];
			html_printf(o, "<tr data-absence=\"%lld\"><td>%s</td><td>", (long long)a->id, a->user_display);
			day_html(r, a->from_day);
			html_raw(o, "</td><td>");
			day_html(r, a->to_day);
			html_printf(o, "</td><td>%s</td><td>", a->note);
			if (others || a->user_id == r->user.id) {
				html_printf(o, "<form method=\"post\" action=\"/settings/absences/%lld/delete\" data-confirm=\"%s\">",
					    (long long)a->id, _("Delete this absence?"));
				csrf_field(r);
				html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form>", _("Delete"));
			}
			html_raw(o, "</td></tr>");
		}
		html_raw(o, "</tbody></table></div>");
	}
	if (all)
		html_printf(o, "<p><a href=\"/settings/absences\">%s</a></p>", _("Only current and upcoming absences"));
	else
		html_printf(o, "<p><a href=\"/settings/absences?all=1\">%s</a></p>", _("Show past absences too"));
	html_raw(o, "</section>");
}

static void render_absences(struct request *r, const struct form_errors *fe, const struct absence_draft *d)
{
	struct buf *o = &r->out;
	bool all = str_eq(req_query(r, "all"), "1");
	int32_t today = calendar_day_of_unix_berlin(r->now);
	struct absence *list = NULL;
	struct user *users = NULL;
	size_t n = 0, nusers = 0;
	int64_t who = may_manage_others(r) ? 0 : r->user.id;
	if (store_absence_list(r->store, who, all ? INT32_MIN : today, INT32_MAX, &list, &n) != STORE_OK ||
	    (may_manage_others(r) && store_user_list(r->store, &users, &nusers) != STORE_OK)) {
		free(list);
		free(users);
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("Absences"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/absences");
	page_flash(r);
	absence_form(r, users, nusers, fe, d);
	absence_list(r, list, n, all);
	free(list);
	free(users);
	page_end(r);
}

void page_absences(struct request *r)
{
	render_absences(r, NULL, NULL);
}

/* The user chosen in the form: the caller's own account unless a manager
 * picked someone. Returns false after answering 403 when someone else was
 * submitted by who may not; sets a field error for an unknown user. */
static bool chosen_user(struct request *r, struct absence_draft *d, struct form_errors *fe)
{
	const char *text = req_form(r, "user");
	long long id = r->user.id;
	d->user_id = r->user.id;
	if (str_empty(text))
		return true;
	if (!str_to_int64(text, 1, INT64_MAX, &id)) {
		form_error(fe, "user", _("Please choose who is away."));
		return true;
	}
	if (id == r->user.id)
		return true;
	if (!may_manage_others(r)) {
		page_error(r, 403, _("You may only enter your own absences."));
		return false;
	}
	struct user u;
	if (store_user_by_id(r->store, id, &u) != STORE_OK || u.disabled)
		form_error(fe, "user", _("Please choose who is away."));
	else
		d->user_id = id;
	return true;
}

void page_absence_create(struct request *r)
{
	struct form_errors fe = { 0 };
	struct absence_draft d;
	memset(&d, 0, sizeof d);
	if (!chosen_user(r, &d, &fe))
		return;
	char *from = arena_strdup(&r->arena, req_form(r, "from") ? req_form(r, "from") : "");
	char *to = arena_strdup(&r->arena, req_form(r, "to") ? req_form(r, "to") : "");
	char *note = arena_strdup(&r->arena, req_form(r, "note") ? req_form(r, "note") : "");
	d.from = str_trim(from);
	d.to = str_trim(to);
	d.note = str_trim(note);

	int32_t first = 0, last = 0;
	bool first_ok = false, last_ok = false;
	if (!*d.from)
		form_error(&fe, "from", _("Please enter the first day away."));
	else if (!(first_ok = calendar_parse_iso(d.from, &first)))
		form_error(&fe, "from", _("Please enter the first day as a date (YYYY-MM-DD)."));
	if (!*d.to)
		form_error(&fe, "to", _("Please enter the last day away."));
	else if (!(last_ok = calendar_parse_iso(d.to, &last)))
		form_error(&fe, "to", _("Please enter the last day as a date (YYYY-MM-DD)."));
	if (first_ok && last_ok && last < first)
		form_error(&fe, "to", _("The last day must not be before the first day."));
	else if (first_ok && last_ok && last - first >= ABSENCE_DAYS_MAX)
		form_error(&fe, "to", _("One absence can cover at most a year."));
	if (strlen(d.note) > ABSENCE_NOTE_MAX)
		form_error(&fe, "note", _("The note must be at most 500 characters long."));
	if (fe.n) {
		r->status = 422;
		render_absences(r, &fe, &d);
		return;
	}
	struct absence a;
	memset(&a, 0, sizeof a);
	a.user_id = d.user_id;
	a.from_day = first;
	a.to_day = last;
	str_copy(a.note, sizeof a.note, d.note);
	struct actor who = req_actor(r);
	enum store_rc rc = store_absence_add(r->store, &who, &a, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "note", _("The note is not valid text."));
		r->status = 422;
		render_absences(r, &fe, &d);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/settings/absences?done=saved");
}

void page_absence_delete(struct request *r)
{
	struct absence a;
	int64_t id = req_path_arg(r, 0);
	if (store_absence_get(r->store, id, &a) != STORE_OK || (!may_manage_others(r) && a.user_id != r->user.id)) {
		page_error(r, 404, NULL);
		return;
	}
	struct actor who = req_actor(r);
	if (store_absence_delete(r->store, &who, id, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/settings/absences?done=deleted");
}
