/*
 * page_timeline.c — the timeline of a position (R-TIME-1..3): the hiring
 * plan's four phases from the seed with best and worst dates in working
 * days (the public holidays of the organisation's Bundesland skipped and
 * named; the deciders' absences pushing the interview and negotiation
 * phases), the factors that speed the process up or slow it down as
 * findings, the actual phase dates from the pipeline, the forecast and the
 * status, drawn as a Gantt chart (web/gantt_svg.h) and listed as a table.
 *
 * GET shows it; POST saves the plan form (start date, optional week
 * ranges per phase, note). Bad input re-renders the page with the message
 * at the field and stores nothing. Without a stored start date the page
 * explains the plan and offers the ad's publication date (or today) as the
 * start. Everything is computed by web/timeline_ops.c, which the API
 * shares, so page and API show the same dates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/hiring_plan.h"
#include "store/organisations.h"
#include "util/str.h"
#include "web/gantt_svg.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/timeline_data.h"
#include "web/timeline_ops.h"

#define YEAR_MIN 2000                    /* start dates outside … */
#define YEAR_MAX 2099                    /* … these years are refused */

struct tl_ctx {
	struct position pos;
	struct timeline_facts facts;
	struct timeline t;
	bool can_edit;
};

/* The submitted plan form, shown again when it failed. */
struct tl_draft {
	const char *start;
	const char *min[HIRING_PHASE__COUNT];
	const char *max[HIRING_PHASE__COUNT];
	const char *note;
};

/* Loads position (path argument 0) and facts and computes the timeline;
 * answers the error page and returns false on failure. */
static bool tl_load(struct request *r, struct tl_ctx *c)
{
	memset(c, 0, sizeof *c);
	if (!position_load_from_path(r, &c->pos))
		return false;
	c->can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	enum store_rc rc = timeline_facts_load(r, &c->pos, &c->facts);
	if (rc != STORE_OK) {
		timeline_facts_free(&c->facts);
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return false;
	}
	timeline_compute(&c->facts, r->now, &c->t);
	return true;
}

static const char *iso(struct request *r, int32_t day)
{
	char text[CALENDAR_ISO_LEN];
	if (day == HIRING_DAY_NONE)
		return "";
	return arena_strdup(&r->arena, calendar_format_iso(day, text));
}

/* A day as <time datetime="YYYY-MM-DD">localised</time>; "–" for none. */
static void day_html(struct request *r, int32_t day)
{
	if (day == HIRING_DAY_NONE)
		html_raw(&r->out, "–");
	else
		html_printf(&r->out, "<time datetime=\"%s\">%s</time>", iso(r, day), timeline_day_text(r, day));
}

static void span_html(struct request *r, const struct day_span *s)
{
	if (s->start == HIRING_DAY_NONE) {
		html_raw(&r->out, "–");
		return;
	}
	day_html(r, s->start);
	html_raw(&r->out, " – ");
	day_html(r, s->end);
}

/* The name of the position's Bundesland ("Bayern"), or NULL. */
static const char *state_name(const struct timeline_facts *f)
{
	for (size_t i = 0; i < sizeof BUNDESLAENDER / sizeof BUNDESLAENDER[0]; i++)
		if (strcmp(BUNDESLAENDER[i].code, f->state) == 0)
			return BUNDESLAENDER[i].name;
	return NULL;
}

static const char *status_badge(enum plan_status s)
{
	switch (s) {
	case PLAN_STATUS_ON_TRACK:
	case PLAN_STATUS_AHEAD:
		return "ok";
	case PLAN_STATUS_BEHIND:
		return "error";
	default:
		return "muted";
	}
}

/* Tick and bar dates of the chart in the request's language. */
static void gantt_day(int32_t day, char *out, size_t n)
{
	i18n_format_date(out, n, (time_t)day * 86400 + 43200, i18n_lang());
}

/* ---- sections ------------------------------------------------------------------------------ */

static void summary_section(struct request *r, const struct tl_ctx *c)
{
	struct buf *o = &r->out;
	const struct timeline *t = &c->t;
	const struct hiring_progress *pg = &t->progress;
	html_printf(o, "<section class=\"card timeline-summary\" id=\"summary\"><h2>%s</h2><dl class=\"facts\">", _("Plan and status"));
	html_printf(o, "<dt>%s</dt><dd>", _("Start"));
	day_html(r, t->plan.start);
	html_printf(o, "</dd><dt>%s</dt><dd class=\"plan-end\">", _("Done by (plan)"));
	html_printf(o, "<span data-case=\"best\">%s ", _("best case"));
	day_html(r, t->plan.best_end);
	html_printf(o, "</span>, <span data-case=\"worst\">%s ", _("worst case"));
	day_html(r, t->plan.worst_end);
	html_printf(o, "</span></dd><dt>%s</dt><dd class=\"forecast\">", _("Forecast"));
	if (pg->forecast_best_end == HIRING_DAY_NONE) {
		html_printf(o, "%s", _("The forecast starts with the first phase."));
	} else {
		day_html(r, pg->forecast_best_end);
		html_raw(o, " – ");
		day_html(r, pg->forecast_worst_end);
	}
	html_printf(o, "</dd><dt>%s</dt><dd><span class=\"badge badge-%s\" data-status=\"%s\">%s</span>", _("Status"),
		    status_badge(pg->status), plan_status_code(pg->status), _(plan_status_label(pg->status)));
	if (pg->days_behind > 0)
		html_printf(o, " %s", arena_printf(&r->arena, i18n_ngettext("%d working day behind the worst case",
									"%d working days behind the worst case",
									(unsigned long)pg->days_behind),
						    pg->days_behind));
	html_raw(o, "</dd></dl>");
	if (!str_empty(c->facts.note))
		html_printf(o, "<p class=\"plan-note\">%s</p>", c->facts.note);
	html_raw(o, "</section>");
}

static void gantt_section(struct request *r, const struct tl_ctx *c)
{
	const struct timeline *t = &c->t;
	struct gantt_row rows[HIRING_PHASE__COUNT];
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		rows[p].label = _(HIRING_PHASES[p].label);
		rows[p].best = (struct gantt_range){ t->plan.best[p].start, t->plan.best[p].end };
		rows[p].worst = (struct gantt_range){ t->plan.worst[p].start, t->plan.worst[p].end };
		rows[p].actual = (struct gantt_range){ t->progress.actual[p].start,
						       t->progress.running == p ? GANTT_NO_DAY : t->progress.actual[p].end };
	}
	struct gantt_chart chart = {
		.title = _("Timeline of the hiring process"),
		.description = arena_printf(&r->arena, _("Four phases from %s: done by %s in the best case, by %s in the worst case."),
					    timeline_day_text(r, t->plan.start), timeline_day_text(r, t->plan.best_end),
					    timeline_day_text(r, t->plan.worst_end)),
		.rows = rows,
		.nrows = HIRING_PHASE__COUNT,
		.today = t->today,
		.best_label = _("Plan, best case"),
		.worst_label = _("Plan, worst case"),
		.actual_label = _("Actual"),
		.today_label = _("Today"),
		.empty_text = _("No dates yet."),
		.format_day = gantt_day,
	};
	html_printf(&r->out, "<figure class=\"card chart-card gantt-card\" id=\"gantt\"><figcaption>%s</figcaption>", chart.title);
	gantt_svg_render(&r->out, &chart);
	html_raw(&r->out, "</figure>");
}

static void phases_table(struct request *r, const struct tl_ctx *c)
{
	struct buf *o = &r->out;
	const struct timeline *t = &c->t;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data timeline-phases\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Phases"), _("Phase"), _("Weeks"), _("Plan, best case"), _("Plan, worst case"), _("Actual"),
		    _("Forecast"));
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		const struct phase_def *d = &HIRING_PHASES[p];
		html_printf(o, "<tr data-phase=\"%s\"><th scope=\"row\">%d. %s", d->key, p + 1, _(d->label));
		if (d->needs_deciders)
			html_printf(o, " <span class=\"badge badge-muted\">%s</span>", _("deciders needed"));
		html_printf(o, "</th><td>%d–%d</td><td class=\"best\">", t->in.weeks.min[p], t->in.weeks.max[p]);
		span_html(r, &t->plan.best[p]);
		html_raw(o, "</td><td class=\"worst\">");
		span_html(r, &t->plan.worst[p]);
		html_raw(o, "</td><td class=\"actual\">");
		if (t->progress.actual[p].start == HIRING_DAY_NONE) {
			html_printf(o, "<span class=\"muted\">%s</span>", _("not started"));
		} else if (t->progress.running == p) {
			html_printf(o, "%s ", _("running since"));
			day_html(r, t->progress.actual[p].start);
		} else {
			span_html(r, &t->progress.actual[p]);
		}
		html_raw(o, "</td><td class=\"forecast\">");
		if (t->progress.forecast_best[p].start == HIRING_DAY_NONE) {
			html_raw(o, "–");
		} else {
			day_html(r, t->progress.forecast_best[p].end);
			html_raw(o, " – ");
			day_html(r, t->progress.forecast_worst[p].end);
		}
		html_raw(o, "</td></tr>");
	}
	html_raw(o, "</tbody></table></div>");
}

static void factors_section(struct request *r, const struct tl_ctx *c)
{
	struct buf *o = &r->out;
	const struct hiring_plan *pl = &c->t.plan;
	html_printf(o, "<section class=\"card checks plan-factors\" id=\"factors\"><h2>%s</h2>", _("What speeds the process up or slows it down"));
	if (pl->nfactors == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("Nothing to point out."));
		return;
	}
	html_raw(o, "<ul class=\"findings\">");
	for (size_t i = 0; i < pl->nfactors; i++) {
		const struct plan_factor *f = &pl->factors[i];
		bool delay = f->kind == FACTOR_DELAY;
		html_printf(o, "<li class=\"finding finding-%s\" data-rule=\"%s\"><span class=\"badge badge-%s\">%s</span> %s",
			    plan_factor_kind_code(f->kind), f->code, delay ? "warn" : "ok", delay ? _("Delay") : _("Accelerator"),
			    _(f->message));
		if (f->count > 0)
			html_printf(o, " <span class=\"factor-count\">(%d)</span>", f->count);
		html_raw(o, "</li>");
	}
	html_raw(o, "</ul></section>");
}

static void holidays_section(struct request *r, const struct tl_ctx *c)
{
	struct buf *o = &r->out;
	const struct timeline *t = &c->t;
	const char *name = state_name(&c->facts);
	html_printf(o, "<section class=\"card timeline-holidays\" id=\"holidays\"><h2>%s</h2>", _("Public holidays skipped"));
	if (name)
		html_printf(o, "<p>%s</p>", arena_printf(&r->arena, _("Working days are counted without the public holidays of %s."), name));
	else
		html_printf(o, "<p>%s <a href=\"/organisations/%lld\">%s</a></p>",
			    _("The organisation has no federal state: only nationwide holidays are skipped."),
			    (long long)c->pos.organisation_id, _("Set the federal state of the organisation"));
	if (t->nskipped == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No public holiday falls on a working day of the plan."));
		return;
	}
	html_raw(o, "<ul class=\"holidays\">");
	for (size_t i = 0; i < t->nskipped; i++) {
		html_printf(o, "<li data-holiday=\"%s\">", t->skipped[i].key);
		day_html(r, t->skipped[i].day);
		html_printf(o, " %s</li>", timeline_holiday_name(r, &t->skipped[i]));
	}
	html_raw(o, "</ul></section>");
}

static void absences_section(struct request *r, const struct tl_ctx *c)
{
	struct buf *o = &r->out;
	const struct timeline_facts *f = &c->facts;
	html_printf(o, "<section class=\"card timeline-absences\" id=\"absences\"><h2>%s</h2><p>%s</p>",
		    _("Absences of the deciders"),
		    arena_printf(&r->arena,
				 i18n_ngettext("%d decider (the position's stakeholders). In the interview and negotiation phases a working day on which a decider is away does not count.",
					  "%d deciders (the position's stakeholders). In the interview and negotiation phases a working day on which a decider is away does not count.",
					  (unsigned long)f->ndeciders),
				 f->ndeciders));
	size_t shown = 0;
	for (size_t i = 0; i < f->nabsences; i++) {
		const struct absence *a = &f->absences[i];
		if (!timeline_absence_in_plan(&c->t, a))
			continue;
		if (shown++ == 0)
			html_raw(o, "<ul class=\"absences\">");
		bool pushes = timeline_absence_pushes(&c->t, a);
		html_printf(o, "<li data-absence=\"%lld\" data-pushes=\"%s\"><strong>%s</strong> ", (long long)a->id,
			    pushes ? "true" : "false", a->user_display);
		day_html(r, a->from_day);
		html_raw(o, " – ");
		day_html(r, a->to_day);
		if (a->note[0])
			html_printf(o, " · %s", a->note);
		if (pushes)
			html_printf(o, " <span class=\"badge badge-warn\">%s</span>", _("pushes the plan"));
		html_raw(o, "</li>");
	}
	if (shown)
		html_raw(o, "</ul>");
	else
		html_printf(o, "<p class=\"muted\">%s</p>", _("No decider is away during the plan."));
	html_printf(o, "<p><a href=\"/settings/absences\">%s</a></p></section>", _("Enter absences of the deciders"));
}

/* A number field of the week ranges; id "f-NAME". */
static void weeks_input(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			const char *phase, const char *value, int placeholder)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field field-weeks%s\"><label for=\"f-%s\">%s<span class=\"visually-hidden\"> (%s)</span></label>"
		       "<input id=\"f-%s\" name=\"%s\" type=\"number\" min=\"%d\" max=\"%d\" step=\"1\" inputmode=\"numeric\" "
		       "placeholder=\"%d\" value=\"%s\"",
		    err ? " has-error" : "", name, label, phase, name, name, PHASE_WEEKS_MIN, PHASE_WEEKS_MAX, placeholder,
		    value ? value : "");
	if (err)
		html_printf(o, " aria-invalid=\"true\" aria-describedby=\"f-%s-err\">"
			       "<p class=\"field-error\" id=\"f-%s-err\">%s</p></div>",
			    name, name, err);
	else
		html_raw(o, "></div>");
}

static const char *weeks_field(struct request *r, const char *which, int p)
{
	return arena_printf(&r->arena, "weeks_%s_%s", which, HIRING_PHASES[p].key);
}

static void plan_form(struct request *r, const struct tl_ctx *c, const struct form_errors *fe, const struct tl_draft *d)
{
	struct buf *o = &r->out;
	const struct timeline *t = &c->t;
	struct phase_weeks seed;
	phase_weeks_default(&seed);
	bool failed = fe && fe->n > 0;
	html_printf(o, "<section class=\"card plan-form\" id=\"plan\"><h2>%s</h2>", t->planned ? _("Change the plan") : _("Set the plan"));
	form_error_summary(r, fe);
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"%s\" novalidate>", position_path(r, c->pos.id, "timeline"));
	csrf_field(r);
	const char *start = d ? d->start : iso(r, t->planned ? c->facts.start_day : t->default_start);
	struct form_input in = { "start", _("Start date"), "date", start,
				 t->planned ? NULL
					    : (c->facts.ad_published_day != TIMELINE_NO_DAY ? _("Suggested: the date the job ad was published.")
											    : _("Suggested: today.")),
				 "off", true };
	form_text(r, fe, &in);
	html_printf(o, "<fieldset class=\"weeks\"><legend>%s</legend><p class=\"hint\">%s</p>", _("Weeks per phase"),
		    _("Leave empty for the ranges from experience: 1–2, 2–4, 2–3 and 1–2 weeks."));
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		char stored_min[16] = "", stored_max[16] = "";
		if (!failed && t->planned && !str_empty(c->facts.phase_weeks) &&
		    (t->in.weeks.min[p] != seed.min[p] || t->in.weeks.max[p] != seed.max[p])) {
			snprintf(stored_min, sizeof stored_min, "%d", t->in.weeks.min[p]);
			snprintf(stored_max, sizeof stored_max, "%d", t->in.weeks.max[p]);
		}
		html_printf(o, "<div class=\"weeks-row\" data-phase=\"%s\"><span class=\"weeks-phase\">%d. %s</span>",
			    HIRING_PHASES[p].key, p + 1, _(HIRING_PHASES[p].label));
		const char *phase = _(HIRING_PHASES[p].label);
		weeks_input(r, fe, weeks_field(r, "min", p), _("at least"), phase, d ? d->min[p] : stored_min, seed.min[p]);
		weeks_input(r, fe, weeks_field(r, "max", p), _("at most"), phase, d ? d->max[p] : stored_max, seed.max[p]);
		html_raw(o, "</div>");
	}
	html_raw(o, "</fieldset>");
	const char *note_err = form_error_for(fe, "note");
	html_printf(o, "<div class=\"field%s\"><label for=\"f-note\">%s</label><textarea id=\"f-note\" name=\"note\" rows=\"3\" maxlength=\"%d\"",
		    note_err ? " has-error" : "", _("Note"), TIMELINE_TEXT_MAX);
	if (note_err)
		html_raw(o, " aria-invalid=\"true\" aria-describedby=\"f-note-err\"");
	html_printf(o, ">%s</textarea>", d ? d->note : c->facts.note);
	if (note_err)
		html_printf(o, "<p class=\"field-error\" id=\"f-note-err\">%s</p>", note_err);
	html_printf(o, "</div><div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Save plan"));
}

static void render(struct request *r, const struct tl_ctx *c, const struct form_errors *fe, const struct tl_draft *d)
{
	struct buf *o = &r->out;
	const struct timeline *t = &c->t;
	position_page_begin(r, &c->pos, "timeline", _("Timeline"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Plan the hiring process with realistic durations: four phases, six to twelve weeks in all, counted in "
		      "working days. Public holidays and the deciders' absences push the dates."));
	if (!t->planned) {
		html_printf(o, "<section class=\"empty-state\" id=\"no-plan\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\">"
			       "<h2>%s</h2><p>%s</p></section>",
			    asset_url(r, "icons/calendar.svg"), _("No start date yet"),
			    _("Set the day the process starts — usually the day the job ad goes out. The plan then shows when "
			      "each phase ends in the best and in the worst case, and how the process is doing against it."));
		if (c->can_edit)
			plan_form(r, c, fe, d);
		else
			html_printf(o, "<p class=\"muted\">%s</p>", _("Someone who edits positions can set the start date."));
		page_end(r);
		return;
	}
	if (t->weeks_stored_invalid)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>",
			    _("The stored week ranges could not be read; the ranges from experience are used."));
	summary_section(r, c);
	gantt_section(r, c);
	phases_table(r, c);
	factors_section(r, c);
	holidays_section(r, c);
	absences_section(r, c);
	if (c->can_edit)
		plan_form(r, c, fe, d);
	page_end(r);
}

void page_position_timeline(struct request *r)
{
	struct tl_ctx c;
	if (!tl_load(r, &c))
		return;
	render(r, &c, NULL, NULL);
	timeline_facts_free(&c.facts);
}

/* A week count of the form: empty keeps *out; else 1–26. */
static bool parse_weeks(const char *text, int *out)
{
	long long v;
	if (str_empty(text))
		return true;
	if (!str_to_int64(text, PHASE_WEEKS_MIN, PHASE_WEEKS_MAX, &v))
		return false;
	*out = (int)v;
	return true;
}

void page_position_timeline_save(struct request *r)
{
	struct tl_ctx c;
	struct form_errors fe = { 0 };
	struct tl_draft d;
	if (!tl_load(r, &c))
		return;
	char *start_text = arena_strdup(&r->arena, req_form(r, "start") ? req_form(r, "start") : "");
	d.start = str_trim(start_text);
	d.note = arena_strdup(&r->arena, req_form(r, "note") ? req_form(r, "note") : "");

	int32_t start = 0;
	if (!*d.start)
		form_error(&fe, "start", _("Please enter the start date."));
	else if (!calendar_parse_iso(d.start, &start))
		form_error(&fe, "start", _("Please enter the start date as a date (YYYY-MM-DD)."));
	else if (start < calendar_day_from_ymd(YEAR_MIN, 1, 1) || start > calendar_day_from_ymd(YEAR_MAX, 12, 31))
		form_error(&fe, "start", _("The start date must lie between 2000 and 2099."));

	struct phase_weeks w;
	phase_weeks_default(&w);
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		const char *fmin = weeks_field(r, "min", p), *fmax = weeks_field(r, "max", p);
		d.min[p] = req_form(r, fmin);
		d.max[p] = req_form(r, fmax);
		bool ok_min = parse_weeks(d.min[p], &w.min[p]), ok_max = parse_weeks(d.max[p], &w.max[p]);
		if (!ok_min)
			form_error(&fe, fmin, _("Please enter a whole number of weeks from 1 to 26."));
		if (!ok_max)
			form_error(&fe, fmax, _("Please enter a whole number of weeks from 1 to 26."));
		if (ok_min && ok_max && w.min[p] > w.max[p])
			form_error(&fe, fmax, _("The most weeks must not be fewer than the fewest."));
	}
	if (strlen(d.note) > TIMELINE_TEXT_MAX)
		form_error(&fe, "note", _("The note must be at most 2000 characters long."));

	char json[PHASE_WEEKS_JSON_MAX];
	if (fe.n == 0 && !phase_weeks_to_json(&w, json, sizeof json))
		form_error(&fe, "weeks_min_ad_search", _("Please enter a whole number of weeks from 1 to 26."));
	if (fe.n) {
		r->status = 422;
		render(r, &c, &fe, &d);
		timeline_facts_free(&c.facts);
		return;
	}
	enum store_rc rc = timeline_plan_save(r, c.pos.id, start, strcmp(json, "{}") == 0 ? "" : json, d.note);
	timeline_facts_free(&c.facts);
	if (rc == STORE_INVALID) {
		page_error(r, 422, _("The plan could not be stored: the note is not valid text."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/timeline?done=saved", (long long)c.pos.id));
}
