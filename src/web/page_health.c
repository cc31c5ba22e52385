/*
 * page_health.c — the process health of a position (R-GUARD-1..3, 6, 7):
 * the page /positions/{id}/health with every guardrail finding grouped by
 * severity, each with its message, the candidate and a one-click link to
 * the fix (or an all-clear state); the compact panel on the position
 * overview (counts per severity and the three most urgent findings); and
 * the documented disclosure of the role's challenges to a candidate on the
 * candidate page (R-GUARD-6): the reminder of what to disclose, the
 * recorded disclosures and the form that records one
 * (POST /applications/{id}/disclosure).
 */
#include <stdlib.h>
#include <string.h>

#include "core/berlin_time.h"
#include "core/calendar.h"
#include "core/guards.h"
#include "core/pipeline.h"
#include "store/applications.h"
#include "store/hiring_plans.h"
#include "store/positions.h"
#include "util/log.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/health_ops.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"

/* ---- findings ---------------------------------------------------------------------------------- */

/* The number of findings per severity as badges ("2 Critical", "1 Warning"). */
static void counts_html(struct request *r, const struct position_health *h)
{
	struct buf *o = &r->out;
	html_raw(o, "<p class=\"health-counts\">");
	for (int s = GUARD_CRITICAL; s >= GUARD_INFO; s--) {
		if (!h->counts[s])
			continue;
		html_printf(o, "<span class=\"badge health-badge health-badge-%s\" data-severity=\"%s\">%zu %s</span> ",
			    health_severity_class((enum guard_severity)s), guard_severity_code((enum guard_severity)s), h->counts[s],
			    _(guard_severity_label((enum guard_severity)s)));
	}
	html_raw(o, "</p>");
}

static void all_clear_html(struct request *r)
{
	html_printf(&r->out, "<div class=\"health-clear\" role=\"status\"><p><strong>%s</strong></p><p class=\"muted\">%s</p></div>",
		    _("All clear"),
		    _("No guardrail is triggered: contacts, availability windows, interview rounds, feedback and disclosures are on track."));
}

void page_position_health(struct request *r)
{
	struct position p;
	struct position_health h;
	if (!position_load_from_path(r, &p))
		return;
	enum store_rc rc = health_load(r, p.id, &h);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	struct buf *o = &r->out;
	position_page_begin(r, &p, "health", _("Process health"));
	html_printf(o, "<section class=\"card health-panel\" aria-labelledby=\"health-title\"><h2 id=\"health-title\">%s</h2>"
		       "<p class=\"muted\">%s</p>",
		    _("Process health"),
		    _("The guardrails of a good process: a selection within six weeks, candidates in process for at most four weeks, "
		      "contact at least every five working days, at most three interview rounds, feedback within two working days "
		      "and the role's challenges disclosed before the offer."));
	if (h.n == 0) {
		all_clear_html(r);
		html_raw(o, "</section>");
		page_end(r);
		return;
	}
	counts_html(r, &h);
	html_raw(o, "</section>");
	for (int s = GUARD_CRITICAL; s >= GUARD_INFO; s--) {
		if (!h.counts[s])
			continue;
		const char *cls = health_severity_class((enum guard_severity)s);
		html_printf(o, "<section class=\"card health-group health-group-%s\" id=\"health-%s\"><h2>%s <span class=\"muted\">(%zu)</span></h2>"
			       "<ul class=\"health-list\">",
			    cls, cls, _(guard_severity_label((enum guard_severity)s)), h.counts[s]);
		for (size_t i = 0; i < h.n; i++)
			if ((int)h.findings[i].severity == s)
				health_finding_html(r, p.id, NULL, &h.findings[i]);
		html_raw(o, "</ul></section>");
	}
	page_end(r);
}

#define HEALTH_SUMMARY_TOP 3

void health_summary_html(struct request *r, const struct position *p)
{
	if (!permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		return;
	struct position_health h;
	if (health_load(r, p->id, &h) != STORE_OK) {
		log_warn("position %lld: cannot load the process health", (long long)p->id);
		return;
	}
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card health-summary\" id=\"health\"><h2>%s</h2>", _("Process health"));
	if (h.n == 0) {
		all_clear_html(r);
	} else {
		counts_html(r, &h);
		html_raw(o, "<ul class=\"health-list health-top\">");
		for (size_t i = 0; i < h.n && i < HEALTH_SUMMARY_TOP; i++)
			health_finding_html(r, p->id, NULL, &h.findings[i]);
		html_raw(o, "</ul>");
	}
	html_printf(o, "<a class=\"health-all\" href=\"/positions/%lld/health\">%s</a></section>", (long long)p->id,
		    h.n > HEALTH_SUMMARY_TOP ? arena_printf(&r->arena, i18n_ngettext("Process health: all %zu finding",
										      "Process health: all %zu findings", h.n),
							    h.n)
					   : _("Open the process health"));
}

/* ---- challenge disclosures (R-GUARD-6) ------------------------------------------------------------ */

/* What a refused disclosure form puts back. */
struct disclosure_input {
	const char *date;
	const char *note;
	const struct form_errors *fe;
};

static void disclosure_form(struct request *r, int64_t application_id, const struct disclosure_input *in)
{
	struct buf *o = &r->out;
	const char *prefix = arena_printf(&r->arena, "d%lld", (long long)application_id);
	char today[CALENDAR_ISO_LEN];
	calendar_format_iso(calendar_day_of_unix_berlin(r->now), today);
	const char *date = in && in->date ? in->date : today;
	const char *note = in && in->note ? in->note : "";
	const struct form_errors *fe = in ? in->fe : NULL;
	const char *date_err = form_error_for(fe, "date"), *note_err = form_error_for(fe, "note");
	html_printf(o, "<form class=\"form disclosure-form\" method=\"post\" action=\"/applications/%lld/disclosure\" novalidate>",
		    (long long)application_id);
	csrf_field(r);
	html_printf(o, "<div class=\"field%s\"><label for=\"%s-date\">%s</label>", date_err ? " has-error" : "", prefix,
		    _("Disclosed on"));
	if (date_err)
		html_printf(o, "<p class=\"field-error\" id=\"%s-date-err\">%s</p>", prefix, date_err);
	html_printf(o, "<input id=\"%s-date\" type=\"date\" name=\"date\" value=\"%s\" max=\"%s\" required aria-invalid=\"%s\"></div>",
		    prefix, date, today, date_err ? "true" : "false");
	html_printf(o, "<div class=\"field%s\"><label for=\"%s-note\">%s</label>", note_err ? " has-error" : "", prefix,
		    _("Note (how and what was disclosed)"));
	if (note_err)
		html_printf(o, "<p class=\"field-error\" id=\"%s-note-err\">%s</p>", prefix, note_err);
	html_printf(o, "<textarea id=\"%s-note\" name=\"note\" rows=\"2\" aria-invalid=\"%s\">%s</textarea></div>"
		       "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-small\">%s</button></div></form>",
		    prefix, note_err ? "true" : "false", note, _("Record the disclosure"));
}

static void disclosures_list(struct request *r, const struct challenge_disclosure *d, size_t n)
{
	struct buf *o = &r->out;
	if (n == 0) {
		html_printf(o, "<p class=\"muted disclosure-none\">%s</p>", _("No disclosure recorded yet."));
		return;
	}
	html_raw(o, "<ul class=\"disclosure-list\">");
	for (size_t i = 0; i < n; i++) {
		char when[64];
		i18n_format_date(when, sizeof when, (time_t)d[i].disclosed_at, r->lang);
		html_printf(o, "<li><strong>%s</strong> — %s", when,
			    d[i].disclosed_by_name[0] ? d[i].disclosed_by_name : _("command line"));
		if (d[i].note[0])
			html_printf(o, "<br><span class=\"prewrap\">%s</span>", d[i].note);
		html_raw(o, "</li>");
	}
	html_raw(o, "</ul>");
}

/* One application's block: what to disclose, what was recorded, the form. */
static void disclosure_block(struct request *r, const struct application *a, const char *title, bool with_form,
			     const struct disclosure_input *in)
{
	struct buf *o = &r->out;
	struct position p;
	struct challenge_disclosure *d = NULL;
	size_t n = 0;
	if (store_position_get(r->store, a->position_id, &p) != STORE_OK ||
	    store_challenge_disclosures(r->store, a->id, &d, &n) != STORE_OK) {
		log_warn("application %lld: cannot load the challenge disclosures", (long long)a->id);
		return;
	}
	html_printf(o, "<div class=\"disclosure\" id=\"disclosure-%lld\"><h4>%s</h4>", (long long)a->id, title);
	if (p.challenges[0])
		html_printf(o, "<details class=\"disclosure-reminder\"><summary>%s</summary><p class=\"prewrap\">%s</p></details>",
			    _("What to disclose: the role's known challenges"), p.challenges);
	else
		html_printf(o, "<p class=\"muted\">%s</p>", _("The position documents no challenges yet."));
	disclosures_list(r, d, n);
	if (with_form)
		disclosure_form(r, a->id, in);
	html_raw(o, "</div>");
	free(d);
}

void candidate_disclosures_html(struct request *r, const struct application *apps, const struct candidate_position *pos,
				size_t n)
{
	struct buf *o = &r->out;
	if (n == 0)
		return;
	html_printf(o, "<section class=\"disclosures\" id=\"disclosures\"><h3>%s</h3><p class=\"muted\">%s</p>",
		    _("Challenges of the role disclosed"),
		    _("Finalists should hear what is hard about the job before the offer; record when and how you told them."));
	if (str_eq(req_query(r, "done"), "disclosure_recorded"))
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _("The disclosure has been recorded."));
	/* A rejected or withdrawn candidate keeps the record, without the form. */
	for (size_t i = 0; i < n; i++) {
		const struct stage *st = pipeline_find(pos[i].stages, pos[i].nstages, apps[i].stage);
		disclosure_block(r, &apps[i], pos[i].title, !st || st->kind != STAGE_EXIT, NULL);
	}
	html_raw(o, "</section>");
}

/* The refused form on a page of its own, with the message at the field. */
static void disclosure_refused(struct request *r, const struct application *a, const struct disclosure_input *in)
{
	struct position p;
	if (store_position_get(r->store, a->position_id, &p) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	struct buf *o = &r->out;
	r->status = 422;
	page_begin(r, _("Challenges of the role disclosed"), NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates/%lld#disclosure-%lld\">%s</a></p>"
		       "<h1>%s</h1></div></div>",
		    (long long)a->candidate_id, (long long)a->id, _("Back to the candidate"), _("Challenges of the role disclosed"));
	form_error_summary_for(r, in->fe, arena_printf(&r->arena, "d%lld", (long long)a->id));
	html_raw(o, "<section class=\"card disclosures\">");
	disclosure_block(r, a, p.title, true, in);
	html_raw(o, "</section>");
	page_end(r);
}

void page_application_disclosure(struct request *r)
{
	struct application a;
	struct form_errors fe = { 0 };
	struct disclosure_input in = { req_form(r, "date"), req_form(r, "note"), &fe };
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), &a);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, rc == STORE_NOT_FOUND ? _("There is no such application.") : NULL);
		return;
	}
	int32_t day = 0, today = calendar_day_of_unix_berlin(r->now);
	char *date = str_trim(arena_strdup(&r->arena, in.date ? in.date : ""));
	if (!*date)
		form_error(&fe, "date", _("Please enter the date of the disclosure."));
	else if (!calendar_parse_iso(date, &day))
		form_error(&fe, "date", _("Please enter a date as YYYY-MM-DD."));
	else if (day > today)
		form_error(&fe, "date", _("The disclosure cannot be dated in the future."));
	char *note = str_trim(arena_strdup(&r->arena, in.note ? in.note : ""));
	if (strlen(note) > DISCLOSURE_NOTE_MAX)
		form_error(&fe, "note", arena_printf(&r->arena, _("At most %zu characters."), (size_t)DISCLOSURE_NOTE_MAX));
	if (fe.n) {
		disclosure_refused(r, &a, &in);
		return;
	}
	/* Midday of the chosen Berlin day, never later than now. */
	int64_t at = berlin_day_start_utc(day) + 12 * 3600;
	if (at > r->now)
		at = r->now;
	struct challenge_disclosure d = { .application_id = a.id, .disclosed_at = at };
	str_copy(d.note, sizeof d.note, note);
	struct actor who = req_actor(r);
	rc = store_challenge_disclosure_add(r->store, &who, &d, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "note", _("This field is too long or not valid UTF-8 text."));
		disclosure_refused(r, &a, &in);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=disclosure_recorded#disclosure-%lld",
				      (long long)a.candidate_id, (long long)a.id));
}
