/*
 * page_onboarding.c — "Einarbeitung" (R-ONB-1, R-ONB-3..5): the manager's
 * list of all new hires (/onboarding), the 90-day plan of one hire
 * (/onboarding/{id}: generate it from the role template, tick tasks, notes
 * of the weekly check-ins with their .ics, goals, reviews at day 30/60/90,
 * the progress chart and what is late; the key accounts and handovers come
 * from page_onboarding_accounts.c; linking the new hire's account and the
 * manager) and the personal view (/onboarding/me: the new hire's own tasks,
 * check-ins and goals, and the tasks named on the user in others' plans).
 *
 * Who may do what: the list, the plan page, generating and reviews need
 * ACTION_MANAGE_CANDIDATES (the router checks). Ticking a task is allowed to
 * a manager and to the task's owner (the named user, or the new hire for
 * their own tasks); check-in notes and goals to a manager and the new hire;
 * everyone else gets 403. Every form works without JavaScript and answers
 * with a redirect (or the page with the message at the field).
 */
#include "web/api_onboarding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/onboarding.h"
#include "core/profile.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/onboarding_svg.h"
#include "web/pages.h"
#include "web/template_source.h"

/* ---- small helpers -------------------------------------------------------------------------- */

static bool can_manage(struct request *r)
{
	return permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
}

static bool is_new_hire(struct request *r, const struct onb_view *v)
{
	return v->hire.user_id > 0 && v->hire.user_id == r->user.id;
}

static const char *hire_name(struct request *r, const struct hire *h)
{
	return arena_printf(&r->arena, "%s %s", h->first_name, h->last_name);
}

static const char *day_text(struct request *r, int32_t day)
{
	char text[40];
	i18n_format_date(text, sizeof text, (time_t)day * 86400 + 43200, r->lang);
	return arena_strdup(&r->arena, text);
}

static void day_html(struct request *r, int32_t day)
{
	char iso[CALENDAR_ISO_LEN];
	if (day <= 0) {
		html_raw(&r->out, "–");
		return;
	}
	html_printf(&r->out, "<time datetime=\"%s\">%s</time>", calendar_format_iso(day, iso), day_text(r, day));
}

static void svg_day(int32_t day, char *out, size_t n)
{
	i18n_format_date(out, n, (time_t)day * 86400 + 43200, i18n_lang());
}

static const char *status_or_open(const char *s)
{
	return s[0] ? s : "open";
}

static const char *task_status_text(const char *code)
{
	enum onb_task_status s;
	return onb_task_status_parse(status_or_open(code), &s) ? _(onb_task_status_label(s)) : code;
}

static const char *owner_kind_text(const char *code)
{
	enum onb_owner o;
	return onb_owner_parse(code, &o) ? _(onb_owner_label(o)) : code;
}

static const char *user_text(struct request *r, int64_t id)
{
	struct user u;
	if (id <= 0 || store_user_by_id(r->store, id, &u) != STORE_OK)
		return NULL;
	return arena_strdup(&r->arena, u.display_name[0] ? u.display_name : u.name);
}

/* The hire of path argument 0; answers 404/500 and returns false on failure. */
static bool load_view(struct request *r, struct onb_view *v)
{
	enum store_rc rc = onb_view_load(r, req_path_arg(r, 0), v);
	if (rc == STORE_OK)
		return true;
	onb_view_free(v);
	page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, rc == STORE_NOT_FOUND ? _("There is no such hire.") : NULL);
	return false;
}

/* Where a form goes back to: "next" when it is the personal view, else the plan. */
static const char *back_path(struct request *r, const struct onb_view *v)
{
	const char *next = req_form(r, "next");
	if (str_eq(next, "/onboarding/me"))
		return "/onboarding/me?done=saved";
	return arena_printf(&r->arena, "/onboarding/%lld?done=saved", (long long)v->hire.id);
}

/* ---- the manager's list --------------------------------------------------------------------- */

static void hire_row(struct request *r, const struct onb_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<tr data-hire=\"%lld\"><th scope=\"row\"><a href=\"/onboarding/%lld\">%s</a></th><td>%s</td><td>",
		    (long long)v->hire.id, (long long)v->hire.id, hire_name(r, &v->hire), v->hire.position_title);
	day_html(r, v->hire.start_day);
	html_raw(o, "</td><td class=\"onb-day\">");
	if (v->hire.start_day <= 0)
		html_raw(o, "–");
	else if (v->day_number == 0)
		html_printf(o, "%s", _("not started"));
	else
		html_printf(o, "%s", arena_printf(&r->arena, _("day %d of %d"), v->day_number, ONB_DAYS));
	html_raw(o, "</td><td class=\"onb-progress\">");
	if (!v->has_plan)
		html_printf(o, "<span class=\"muted\">%s</span>", _("no plan yet"));
	else
		html_printf(o, "<progress max=\"100\" value=\"%d\">%d %%</progress> %zu/%zu", v->percent, v->percent,
			    v->done, v->total);
	html_printf(o, "</td><td class=\"onb-late-count\">%zu</td><td>", v->late);
	const struct onboarding_checkin *next = onb_next_checkin(v);
	if (next)
		day_html(r, next->day);
	else
		html_raw(o, "–");
	size_t planned, introduced, handed;
	onb_handover_counts(v, &planned, &introduced, &handed);
	html_printf(o, "</td><td class=\"onb-handovers\">%s</td></tr>",
		    arena_printf(&r->arena, _("%zu planned, %zu introduced, %zu handed over"), planned, introduced, handed));
}

void page_onboarding_list(struct request *r)
{
	struct buf *o = &r->out;
	struct hire *list = NULL;
	size_t n = 0;
	if (store_hire_list(r->store, &list, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("Onboarding"), NAV_ONBOARDING);
	html_printf(o, "<div class=\"page-header\"><div><h1>%s</h1><p class=\"lead\">%s</p></div>"
		       "<div class=\"actions\"><a class=\"btn\" href=\"/onboarding/me\">%s</a></div></div>",
		    _("Onboarding"),
		    _("The first 90 days of every new hire: the plan, what is late, the weekly check-ins and the customer "
		      "handovers."),
		    _("My onboarding"));
	page_flash(r);
	if (n == 0) {
		html_printf(o, "<section class=\"empty-state\" id=\"no-hires\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\">"
			       "<h2>%s</h2><p>%s</p></section>",
			    asset_url(r, "icons/calendar.svg"), _("No new hires yet"),
			    _("When a candidate accepts an offer, the hire appears here and you can generate the 90-day plan."));
		page_end(r);
		free(list);
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data onboarding-hires\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "</tr></thead><tbody>",
		    _("New hires"), _("Name"), _("Position"), _("Start"), _("Day"), _("Tasks done"), _("Late"),
		    _("Next check-in"), _("Handovers"));
	for (size_t i = 0; i < n; i++) {
		struct onb_view v;
		if (onb_view_load(r, list[i].id, &v) == STORE_OK)
			hire_row(r, &v);
		onb_view_free(&v);
	}
	html_raw(o, "</tbody></table></div>");
	free(list);
	page_end(r);
}

/* ---- the plan: sections ---------------------------------------------------------------------- */

/* The tick buttons of a task for who may tick it. */
static void task_actions(struct request *r, const struct onb_view *v, const struct onboarding_task *t, const char *next)
{
	struct buf *o = &r->out;
	bool open = str_eq(status_or_open(t->status), "open");
	html_printf(o, "<form class=\"inline-form\" method=\"post\" action=\"/onboarding/%lld/tasks/%lld\">",
		    (long long)v->hire.id, (long long)t->id);
	csrf_field(r);
	if (next)
		html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
	if (open)
		html_printf(o, "<button class=\"btn btn-small btn-primary\" name=\"status\" value=\"done\">%s</button> "
			       "<button class=\"btn btn-small\" name=\"status\" value=\"skipped\">%s</button>",
			    _("Mark done"), _("Skip"));
	else
		html_printf(o, "<button class=\"btn btn-small\" name=\"status\" value=\"open\">%s</button>", _("Reopen"));
	html_raw(o, "</form>");
}

static bool may_tick(struct request *r, const struct onb_view *v, const struct onboarding_task *t)
{
	if (can_manage(r))
		return true;
	if (t->owner_user_id > 0 && t->owner_user_id == r->user.id)
		return true;
	return str_eq(t->owner_kind, "new_hire") && is_new_hire(r, v);
}

static void task_row(struct request *r, const struct onb_view *v, const struct onboarding_task *t, const char *next)
{
	struct buf *o = &r->out;
	bool late = onb_task_is_late(v, t);
	const char *status = status_or_open(t->status);
	html_printf(o, "<tr data-task=\"%lld\" data-status=\"%s\" class=\"%s\"><td><strong>%s</strong>", (long long)t->id,
		    status, late ? "onb-late" : "onb-task-row", t->title);
	if (t->description[0])
		html_printf(o, "<br><span class=\"muted\">%s</span>", t->description);
	html_printf(o, "</td><td>%s", owner_kind_text(t->owner_kind));
	const char *who = user_text(r, t->owner_user_id);
	if (who)
		html_printf(o, "<br><span class=\"muted\">%s</span>", who);
	html_raw(o, "</td><td>");
	day_html(r, t->due_day);
	html_printf(o, "</td><td><span class=\"badge badge-%s\">%s</span>",
		    str_eq(status, "done") ? "ok" : late ? "error" : "muted", task_status_text(t->status));
	if (late)
		html_printf(o, " <span class=\"badge badge-error\">%s</span>", _("late"));
	html_raw(o, "</td><td>");
	if (may_tick(r, v, t))
		task_actions(r, v, t, next);
	html_raw(o, "</td></tr>");
}

static void tasks_table_open(struct request *r, const char *caption)
{
	html_printf(&r->out, "<div class=\"table-wrap\"><table class=\"data onboarding-tasks\"><caption class=\"visually-hidden\">%s</caption><thead><tr>"
			     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead><tbody>",
		    caption, _("Task"), _("Owner"), _("Due"), _("Status"), _("Actions"));
}

static void tasks_section(struct request *r, const struct onb_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card onboarding-phases\" id=\"tasks\"><h2>%s</h2>", _("Tasks"));
	for (int p = 0; p < ONB_PHASE__COUNT; p++) {
		const char *code = onb_phase_code((enum onb_phase)p);
		size_t count = 0;
		for (size_t i = 0; i < v->ntasks; i++)
			count += str_eq(v->tasks[i].phase, code);
		html_printf(o, "<div class=\"onb-phase\" data-phase=\"%s\"><h3>%s</h3>", code,
			    _(onb_phase_label((enum onb_phase)p)));
		if (count == 0) {
			html_printf(o, "<p class=\"muted\">%s</p></div>", _("No tasks in this phase."));
			continue;
		}
		tasks_table_open(r, _(onb_phase_label((enum onb_phase)p)));
		for (size_t i = 0; i < v->ntasks; i++)
			if (str_eq(v->tasks[i].phase, code))
				task_row(r, v, &v->tasks[i], NULL);
		html_raw(o, "</tbody></table></div></div>");
	}
	html_raw(o, "</section>");
}

static void progress_section(struct request *r, const struct onb_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card onboarding-progress\" id=\"progress\"><h2>%s</h2><dl class=\"facts\">",
		    _("Progress"));
	html_printf(o, "<dt>%s</dt><dd class=\"onb-done-count\" data-done=\"%zu\" data-total=\"%zu\">%s</dd>", _("Tasks done"),
		    v->done, v->total,
		    arena_printf(&r->arena, _("%zu of %zu (%d %%)"), v->done, v->total, v->percent));
	html_printf(o, "<dt>%s</dt><dd>", _("Day"));
	if (v->day_number == 0)
		html_printf(o, "%s", _("not started"));
	else
		html_printf(o, "%s", arena_printf(&r->arena, _("day %d of %d, week %d"), v->day_number, ONB_DAYS, v->week));
	html_printf(o, "</dd><dt>%s</dt><dd class=\"onb-late-count\" data-late=\"%zu\">%zu</dd></dl>", _("Late tasks"),
		    v->late, v->late);

	/* the chart */
	/* the phases as their nominal calendar ranges: week 1, weeks 2–4, month 2, month 3 */
	static const int band_days[ONB_PHASE__COUNT][2] = { { 0, 6 }, { 7, 27 }, { 28, 59 }, { 60, ONB_DAYS - 1 } };
	struct onb_svg_band bands[ONB_PHASE__COUNT];
	size_t nbands = 0;
	for (int p = 0; p < ONB_PHASE__COUNT; p++)
		bands[nbands++] = (struct onb_svg_band){ _(onb_phase_label((enum onb_phase)p)),
							 v->hire.start_day + band_days[p][0],
							 v->hire.start_day + band_days[p][1] };
	struct onb_svg_mark *tasks = arena_alloc(&r->arena, (v->ntasks + 1) * sizeof *tasks);
	struct onb_svg_mark *checkins = arena_alloc(&r->arena, (v->ncheckins + 1) * sizeof *checkins);
	struct onb_svg_mark *reviews = arena_alloc(&r->arena, (v->nreviews + 1) * sizeof *reviews);
	for (size_t i = 0; i < v->ntasks; i++) {
		const struct onboarding_task *t = &v->tasks[i];
		tasks[i] = (struct onb_svg_mark){ t->title, t->due_day,
						  !str_eq(status_or_open(t->status), "open") ? ONB_SVG_DONE
						  : onb_task_is_late(v, t)                   ? ONB_SVG_LATE
											     : ONB_SVG_OPEN };
	}
	for (size_t i = 0; i < v->ncheckins; i++) {
		const struct onboarding_checkin *c = &v->checkins[i];
		checkins[i] = (struct onb_svg_mark){ arena_printf(&r->arena, _("Check-in, week %d"), c->week), c->day,
						     c->done ? ONB_SVG_DONE : c->day < v->today ? ONB_SVG_LATE : ONB_SVG_OPEN };
	}
	for (size_t i = 0; i < v->nreviews; i++) {
		const struct onboarding_review *rv = &v->reviews[i];
		reviews[i] = (struct onb_svg_mark){ arena_printf(&r->arena, _("Review at day %d"), rv->day_mark), rv->due_day,
						    rv->done_at > 0 ? ONB_SVG_DONE
						    : rv->due_day < v->today ? ONB_SVG_LATE
									     : ONB_SVG_OPEN };
	}
	struct onb_svg_chart chart = {
		.title = _("The 90 days"),
		.description = arena_printf(&r->arena, _("%zu of %zu tasks done, %zu late."), v->done, v->total, v->late),
		.first_day = v->hire.start_day,
		.last_day = v->hire.start_day + ONB_DAYS,
		.bands = bands,
		.nbands = nbands,
		.tasks = tasks,
		.ntasks = v->ntasks,
		.checkins = checkins,
		.ncheckins = v->ncheckins,
		.reviews = reviews,
		.nreviews = v->nreviews,
		.today = v->today,
		.phases_label = _("Phases"),
		.tasks_label = _("Tasks"),
		.checkins_label = _("Check-ins"),
		.reviews_label = _("Reviews"),
		.done_label = _("Done"),
		.late_label = _("Late"),
		.open_label = _("Open"),
		.today_label = _("Today"),
		.format_day = svg_day,
	};
	html_printf(o, "<figure class=\"chart-card onboarding-chart\"><figcaption>%s</figcaption>", chart.title);
	onboarding_svg_render(o, &chart);
	html_raw(o, "</figure>");

	html_printf(o, "<h3 id=\"late\">%s</h3>", _("Late"));
	if (v->late == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("Nothing is late."));
		return;
	}
	html_raw(o, "<ul class=\"onb-late-list\">");
	for (size_t i = 0; i < v->ntasks; i++) {
		const struct onboarding_task *t = &v->tasks[i];
		if (!onb_task_is_late(v, t))
			continue;
		html_printf(o, "<li data-task=\"%lld\"><strong>%s</strong> · %s · %s ", (long long)t->id, t->title,
			    owner_kind_text(t->owner_kind), _("due"));
		day_html(r, t->due_day);
		html_raw(o, "</li>");
	}
	html_raw(o, "</ul></section>");
}

static void checkins_section(struct request *r, const struct onb_view *v, bool editable, const char *next)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card onboarding-checkins\" id=\"checkins\"><h2>%s</h2><p>%s "
		       "<a href=\"/onboarding/%lld/checkins.ics\" download>%s</a></p>",
		    _("Weekly check-ins"), _("A feedback talk every week for the first twelve weeks."),
		    (long long)v->hire.id, _("All check-ins as a calendar file (.ics)"));
	if (v->ncheckins == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No check-ins yet."));
		return;
	}
	html_raw(o, "<ol class=\"onb-checkins\">");
	for (size_t i = 0; i < v->ncheckins; i++) {
		const struct onboarding_checkin *c = &v->checkins[i];
		html_printf(o, "<li data-checkin=\"%lld\" data-done=\"%s\"><strong>%s</strong> ", (long long)c->id,
			    c->done ? "true" : "false", arena_printf(&r->arena, _("Week %d"), c->week));
		day_html(r, c->day);
		html_printf(o, " %02d:%02d", c->time_minutes / 60 % 24, c->time_minutes % 60);
		if (c->done)
			html_printf(o, " <span class=\"badge badge-ok\">%s</span>", _("held"));
		if (!editable) {
			if (c->notes[0])
				html_printf(o, "<p>%s</p>", c->notes);
			html_raw(o, "</li>");
			continue;
		}
		/* Held check-ins show their notes; only the next ones open their
		 * form, so twelve weeks do not make a page of twelve forms. */
		if (c->done && c->notes[0])
			html_printf(o, "<p class=\"onb-checkin-notes\">%s</p>", c->notes);
		bool upcoming = !c->done && c->day <= v->today + 7;
		html_printf(o, "<details class=\"onb-checkin-edit\"%s><summary>%s</summary>", upcoming ? " open" : "",
			    c->done ? _("Edit the notes") : _("Notes and status"));
		html_printf(o, "<form class=\"form onb-checkin-form\" method=\"post\" action=\"/onboarding/%lld/checkins/%lld\">",
			    (long long)v->hire.id, (long long)c->id);
		csrf_field(r);
		if (next)
			html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
		html_printf(o, "<div class=\"field\"><label for=\"checkin-%lld-notes\">%s</label>"
			       "<textarea id=\"checkin-%lld-notes\" name=\"notes\" rows=\"2\" maxlength=\"%d\">%s</textarea></div>"
			       "<div class=\"field field-check\"><input type=\"checkbox\" id=\"checkin-%lld-done\" name=\"done\" "
			       "value=\"1\"%s><label for=\"checkin-%lld-done\">%s</label></div>"
			       "<button class=\"btn btn-small\">%s</button></form></details></li>",
			    (long long)c->id, _("Notes"), (long long)c->id, ONB_TEXT_MAX, c->notes, (long long)c->id,
			    c->done ? " checked" : "", (long long)c->id, _("Held"), _("Save"));
	}
	html_raw(o, "</ol></section>");
}

static const char *goal_status_text(const char *code)
{
	enum onb_goal_status s;
	return onb_goal_status_parse(status_or_open(code), &s) ? _(onb_goal_status_label(s)) : code;
}

static void goals_section(struct request *r, const struct onb_view *v, bool editable, const char *next)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card onboarding-goals\" id=\"goals\"><h2>%s</h2>", _("90-day goals"));
	if (v->ngoals == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No goals yet."));
		return;
	}
	html_raw(o, "<ul class=\"onb-goals\">");
	for (size_t i = 0; i < v->ngoals; i++) {
		const struct onboarding_goal *g = &v->goals[i];
		const char *status = status_or_open(g->status);
		html_printf(o, "<li data-goal=\"%lld\" data-status=\"%s\"><strong>%s</strong>", (long long)g->id, status,
			    g->title);
		if (g->target[0])
			html_printf(o, " — %s", g->target);
		html_printf(o, " <span class=\"badge badge-%s\">%s</span>",
			    str_eq(status, "reached") || str_eq(status, "on_track") ? "ok"
			    : str_eq(status, "at_risk")                             ? "warn"
										    : "muted",
			    goal_status_text(g->status));
		if (!editable) {
			if (g->note[0])
				html_printf(o, "<p>%s</p>", g->note);
			html_raw(o, "</li>");
			continue;
		}
		html_printf(o, "<form class=\"form onb-goal-form\" method=\"post\" action=\"/onboarding/%lld/goals/%lld\">",
			    (long long)v->hire.id, (long long)g->id);
		csrf_field(r);
		if (next)
			html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
		html_printf(o, "<div class=\"field\"><label for=\"goal-%lld-status\">%s</label><select id=\"goal-%lld-status\" "
			       "name=\"status\">",
			    (long long)g->id, _("Status"), (long long)g->id);
		for (int s = 0; s < ONB_GOAL_STATUS__COUNT; s++) {
			const char *code = onb_goal_status_code((enum onb_goal_status)s);
			html_printf(o, "<option value=\"%s\"%s>%s</option>", code, str_eq(code, status) ? " selected" : "",
				    _(onb_goal_status_label((enum onb_goal_status)s)));
		}
		html_printf(o, "</select></div><div class=\"field\"><label for=\"goal-%lld-note\">%s</label>"
			       "<textarea id=\"goal-%lld-note\" name=\"note\" rows=\"2\" maxlength=\"%d\">%s</textarea></div>"
			       "<button class=\"btn btn-small\">%s</button></form></li>",
			    (long long)g->id, _("Note"), (long long)g->id, ONB_TEXT_MAX, g->note, _("Save"));
	}
	html_raw(o, "</ul></section>");
}

static void reviews_section(struct request *r, const struct onb_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card onboarding-reviews\" id=\"reviews\"><h2>%s</h2>", _("Reviews"));
	if (v->nreviews == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No reviews yet."));
		return;
	}
	html_raw(o, "<ul class=\"onb-reviews\">");
	for (size_t i = 0; i < v->nreviews; i++) {
		const struct onboarding_review *rv = &v->reviews[i];
		html_printf(o, "<li data-review=\"%d\"><strong>%s</strong> ", rv->day_mark,
			    arena_printf(&r->arena, _("Review at day %d"), rv->day_mark));
		day_html(r, rv->due_day);
		if (rv->done_at > 0)
			html_printf(o, " <span class=\"badge badge-ok\">%s</span>", _("held"));
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/onboarding/%lld/reviews/%lld\">",
			    (long long)v->hire.id, (long long)rv->id);
		csrf_field(r);
		html_printf(o, "<div class=\"field\"><label for=\"review-%lld-notes\">%s</label>"
			       "<textarea id=\"review-%lld-notes\" name=\"notes\" rows=\"3\" maxlength=\"%d\">%s</textarea></div>"
			       "<button class=\"btn btn-small\">%s</button></form></li>",
			    (long long)rv->id, _("Notes"), (long long)rv->id, ONB_TEXT_MAX, rv->notes, _("Record the review"));
	}
	html_raw(o, "</ul></section>");
}

static void plan_header(struct request *r, const struct onb_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/onboarding\">%s</a></p><h1>%s</h1>"
		       "<p class=\"lead\">%s · %s ",
		    _("Onboarding"), hire_name(r, &v->hire), v->hire.position_title, _("Start"));
	day_html(r, v->hire.start_day);
	html_raw(o, "</p></div></div>");
	html_printf(o, "<dl class=\"facts onb-people\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>", _("New hire's account"),
		    v->hire.user_id ? v->hire.user_name : _("none"), _("Manager"),
		    v->hire.manager_user_id ? v->hire.manager_name : _("none"));
	/* linking the accounts: the new hire's own view and the owners of generated tasks follow them */
	struct user *users = NULL;
	size_t n = 0;
	if (store_user_list(r->store, &users, &n) != STORE_OK)
		return;
	html_printf(o, "<details class=\"onb-people-form\"><summary>%s</summary>"
		       "<form class=\"form\" method=\"post\" action=\"/onboarding/%lld/people\">",
		    _("Change the new hire's account or the manager"), (long long)v->hire.id);
	csrf_field(r);
	static const char *const names[] = { "user", "manager" };
	const char *labels[] = { _("New hire's account"), _("Manager") };
	const int64_t chosen[] = { v->hire.user_id, v->hire.manager_user_id };
	for (int k = 0; k < 2; k++) {
		html_printf(o, "<div class=\"field\"><label for=\"onb-%s\">%s</label><select id=\"onb-%s\" name=\"%s\">"
			       "<option value=\"0\">%s</option>",
			    names[k], labels[k], names[k], names[k], _("none"));
		for (size_t i = 0; i < n; i++)
			if (!users[i].disabled || users[i].id == chosen[k])
				html_printf(o, "<option value=\"%lld\"%s>%s (%s)</option>", (long long)users[i].id,
					    users[i].id == chosen[k] ? " selected" : "",
					    users[i].display_name[0] ? users[i].display_name : users[i].name, users[i].name);
		html_raw(o, "</select></div>");
	}
	html_printf(o, "<p class=\"hint\">%s</p><div class=\"form-actions\"><button class=\"btn\">%s</button></div></form></details>",
		    _("Tasks of a plan generated before keep their owners."), _("Save"));
	free(users);
}

/* A user id of the people form: 0 for none; -1 for bad input. */
static int64_t people_field(struct request *r, const char *name)
{
	long long id;
	const char *text = req_form(r, name);
	if (str_empty(text) || str_eq(text, "0"))
		return 0;
	struct user u;
	if (!str_to_int64(text, 1, INT64_MAX, &id) || store_user_by_id(r->store, id, &u) != STORE_OK)
		return -1;
	return id;
}

void page_onboarding_people(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	int64_t hid = v.hire.id, user = people_field(r, "user"), manager = people_field(r, "manager");
	bool user_changed = user != v.hire.user_id, manager_changed = manager != v.hire.manager_user_id;
	onb_view_free(&v);
	if (user < 0 || manager < 0) {
		page_error(r, 422, user < 0 ? _("New hire's account: please choose a user from the list.")
					    : _("Manager: please choose a user from the list."));
		return;
	}
	struct actor who = req_actor(r);
	enum store_rc rc = STORE_OK;
	if (user_changed)
		rc = store_hire_set_user(r->store, &who, hid, user, r->now);
	if (rc == STORE_OK && manager_changed)
		rc = store_hire_set_manager(r->store, &who, hid, manager, r->now);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_INVALID ? 422 : 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/onboarding/%lld?done=saved", (long long)hid));
}

void onboarding_plan_render(struct request *r, struct onb_view *v, const struct onb_accounts_feedback *fb)
{
	struct buf *o = &r->out;
	page_begin(r, hire_name(r, &v->hire), NAV_ONBOARDING);
	plan_header(r, v);
	page_flash(r);
	if (!v->has_plan) {
		html_printf(o, "<section class=\"empty-state\" id=\"no-plan\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\">"
			       "<h2>%s</h2><p>%s</p>",
			    asset_url(r, "icons/calendar.svg"), _("No 90-day plan yet"),
			    _("The plan comes from the role template's onboarding section, dated from the start in working "
			      "days (weekends and the public holidays of the federal state skipped): tasks, twelve weekly "
			      "check-ins, the 90-day goals and the reviews at day 30, 60 and 90."));
		if (v->hire.start_day <= 0)
			html_printf(o, "<p class=\"field-error\">%s</p>", _("The hire has no start date yet."));
		else {
			html_printf(o, "<form method=\"post\" action=\"/onboarding/%lld/generate\">", (long long)v->hire.id);
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-primary\">%s</button></form>", _("Generate the 90-day plan"));
		}
		html_raw(o, "</section>");
	} else {
		progress_section(r, v);
		tasks_section(r, v);
		checkins_section(r, v, true, NULL);
		goals_section(r, v, true, NULL);
		reviews_section(r, v);
	}
	onboarding_accounts_section(r, v, fb);
	page_end(r);
}

void page_onboarding_plan(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	onboarding_plan_render(r, &v, NULL);
	onb_view_free(&v);
}

/* ---- generating the plan ---------------------------------------------------------------------- */

/* The user of the position's stakeholder with role, or 0. */
static int64_t stakeholder_user(struct request *r, int64_t position_id, enum stakeholder_role role)
{
	struct profile pf;
	memset(&pf, 0, sizeof pf);
	int64_t id = 0;
	if (store_profile_load(r->store, position_id, &pf) == STORE_OK)
		for (size_t i = 0; i < pf.nstakeholders && !id; i++)
			if (pf.stakeholders[i].role == role && pf.stakeholders[i].user_id > 0)
				id = pf.stakeholders[i].user_id;
	profile_free(&pf);
	return id;
}

void page_onboarding_generate(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	if (v.has_plan) {
		onb_view_free(&v);
		page_error(r, 409, _("This hire already has a 90-day plan."));
		return;
	}
	if (v.hire.start_day <= 0) {
		onb_view_free(&v);
		page_error(r, 422, _("The hire has no start date yet."));
		return;
	}
	struct position p;
	if (store_position_get(r->store, v.hire.position_id, &p) != STORE_OK) {
		onb_view_free(&v);
		page_error(r, 500, NULL);
		return;
	}
	struct role_template rt;
	struct onb_template tpl;
	memset(&rt, 0, sizeof rt);
	memset(&tpl, 0, sizeof tpl);
	char err[256] = "";
	if (p.template_key[0] && template_load(r, p.template_key, &rt) &&
	    !onboarding_template_from_slots(rt.slots_json, &tpl, err, sizeof err)) {
		role_template_free(&rt);
		onb_view_free(&v);
		page_error(r, 422, arena_printf(&r->arena, "%s %s", _("The role template's onboarding section is not valid:"), err));
		return;
	}
	role_template_free(&rt);

	/* the owners */
	int64_t owner[ONB_OWNER__COUNT] = { 0 };
	owner[ONB_OWNER_NEW_HIRE] = v.hire.user_id;
	owner[ONB_OWNER_MANAGER] = v.hire.manager_user_id > 0 ? v.hire.manager_user_id : p.owner_id;
	owner[ONB_OWNER_ENGINEERING] = stakeholder_user(r, p.id, STAKEHOLDER_HEAD_OF_ENGINEERING);
	for (size_t i = 0; i < v.naccounts && !owner[ONB_OWNER_PREVIOUS_OWNER]; i++)
		owner[ONB_OWNER_PREVIOUS_OWNER] = v.accounts[i].previous_owner_user_id;

	struct onb_plan plan;
	onboarding_plan_generate(&tpl, v.hire.start_day, v.state, &plan);
	int lang = template_lang(r);
	struct onboarding_plan sp;
	memset(&sp, 0, sizeof sp);
	sp.tasks = calloc(plan.ntasks + 1, sizeof *sp.tasks);
	sp.checkins = calloc(ONB_CHECKINS, sizeof *sp.checkins);
	sp.goals = calloc(plan.ngoals + 1, sizeof *sp.goals);
	sp.reviews = calloc(ONB_REVIEWS, sizeof *sp.reviews);
	if (!sp.tasks || !sp.checkins || !sp.goals || !sp.reviews)
		abort();
	for (size_t i = 0; i < plan.ntasks; i++) {
		const struct onb_task *t = &plan.tasks[i];
		struct onboarding_task *st = &sp.tasks[sp.ntasks++];
		str_copy(st->phase, sizeof st->phase, onb_phase_code(t->tpl->phase));
		str_copy(st->title, sizeof st->title, t->tpl->title[lang]);
		str_copy(st->description, sizeof st->description, t->tpl->description[lang]);
		str_copy(st->owner_kind, sizeof st->owner_kind, onb_owner_code(t->tpl->owner));
		st->owner_user_id = owner[t->tpl->owner];
		st->due_day = t->due_day;
		str_copy(st->status, sizeof st->status, "open");
		st->ord = t->ord + 1;
	}
	for (size_t i = 0; i < ONB_CHECKINS; i++) {
		struct onboarding_checkin *c = &sp.checkins[sp.ncheckins++];
		c->week = plan.checkins[i].week;
		c->day = plan.checkins[i].day;
		c->time_minutes = plan.checkins[i].time_minutes;
	}
	for (size_t i = 0; i < plan.ngoals; i++) {
		struct onboarding_goal *g = &sp.goals[sp.ngoals++];
		str_copy(g->kind, sizeof g->kind, onb_goal_kind_code(plan.goals[i].kind));
		const char *title = plan.goals[i].title[lang];
		str_copy(g->title, sizeof g->title, title[0] ? title : _(onb_goal_kind_label(plan.goals[i].kind)));
		str_copy(g->target, sizeof g->target, plan.goals[i].target[lang]);
		str_copy(g->status, sizeof g->status, "open");
	}
	for (size_t i = 0; i < ONB_REVIEWS; i++) {
		struct onboarding_review *rv = &sp.reviews[sp.nreviews++];
		rv->day_mark = plan.reviews[i].day_mark;
		rv->due_day = plan.reviews[i].due_day;
	}
	struct actor who = req_actor(r);
	enum store_rc rc = store_onboarding_plan_store(r->store, &who, v.hire.id, &sp, false, r->now);
	free(sp.tasks);
	free(sp.checkins);
	free(sp.goals);
	free(sp.reviews);
	onboarding_plan_free(&plan);
	onboarding_template_free(&tpl);
	int64_t id = v.hire.id;
	onb_view_free(&v);
	if (rc == STORE_CONFLICT) {
		page_error(r, 409, _("This hire already has a 90-day plan."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/onboarding/%lld?done=saved", (long long)id));
}

/* ---- ticking, notes, goals, reviews ----------------------------------------------------------- */

void page_onboarding_task(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	struct onboarding_task t;
	if (store_onboarding_task_get(r->store, req_path_arg(r, 1), &t) != STORE_OK || t.hire_id != v.hire.id) {
		onb_view_free(&v);
		page_error(r, 404, _("There is no such task."));
		return;
	}
	if (!may_tick(r, &v, &t)) {
		onb_view_free(&v);
		page_error(r, 403, _("Only the task's owner or a manager can change it."));
		return;
	}
	const char *status = req_form(r, "status");
	enum onb_task_status s;
	if (!status || !onb_task_status_parse(status, &s)) {
		onb_view_free(&v);
		page_error(r, 422, _("Please choose the status: open, done or skipped."));
		return;
	}
	struct actor who = req_actor(r);
	enum store_rc rc = store_onboarding_task_set_status(r->store, &who, t.id, onb_task_status_code(s), r->now);
	const char *back = back_path(r, &v);
	onb_view_free(&v);
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, back);
}

static bool may_edit_own(struct request *r, const struct onb_view *v)
{
	return can_manage(r) || is_new_hire(r, v);
}

void page_onboarding_checkin(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	struct onboarding_checkin c;
	if (store_onboarding_checkin_get(r->store, req_path_arg(r, 1), &c) != STORE_OK || c.hire_id != v.hire.id) {
		onb_view_free(&v);
		page_error(r, 404, _("There is no such check-in."));
		return;
	}
	if (!may_edit_own(r, &v)) {
		onb_view_free(&v);
		page_error(r, 403, NULL);
		return;
	}
	const char *notes = req_form(r, "notes");
	if (notes && strlen(notes) > ONB_TEXT_MAX) {
		onb_view_free(&v);
		page_error(r, 422, _("The notes must be at most 4000 characters long."));
		return;
	}
	struct actor who = req_actor(r);
	enum store_rc rc = store_onboarding_checkin_update(r->store, &who, c.id, notes ? notes : "",
							   str_eq(req_form(r, "done"), "1"), r->now);
	const char *back = back_path(r, &v);
	onb_view_free(&v);
	if (rc == STORE_INVALID) {
		page_error(r, 422, _("The notes are not valid text."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, back);
}

void page_onboarding_goal(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	struct onboarding_goal g;
	if (store_onboarding_goal_get(r->store, req_path_arg(r, 1), &g) != STORE_OK || g.hire_id != v.hire.id) {
		onb_view_free(&v);
		page_error(r, 404, _("There is no such goal."));
		return;
	}
	if (!may_edit_own(r, &v)) {
		onb_view_free(&v);
		page_error(r, 403, NULL);
		return;
	}
	const char *status = req_form(r, "status");
	const char *note = req_form(r, "note");
	enum onb_goal_status s;
	if (!status || !onb_goal_status_parse(status, &s)) {
		onb_view_free(&v);
		page_error(r, 422, _("Please choose the goal's status: open, on track, at risk or reached."));
		return;
	}
	if (note && strlen(note) > ONB_TEXT_MAX) {
		onb_view_free(&v);
		page_error(r, 422, _("The note must be at most 4000 characters long."));
		return;
	}
	struct actor who = req_actor(r);
	enum store_rc rc = store_onboarding_goal_update(r->store, &who, g.id, onb_goal_status_code(s), note ? note : "",
							r->now);
	const char *back = back_path(r, &v);
	onb_view_free(&v);
	if (rc == STORE_INVALID) {
		page_error(r, 422, _("The note is not valid text."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, back);
}

void page_onboarding_review(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	struct onboarding_review rv;
	if (store_onboarding_review_get(r->store, req_path_arg(r, 1), &rv) != STORE_OK || rv.hire_id != v.hire.id) {
		onb_view_free(&v);
		page_error(r, 404, _("There is no such review."));
		return;
	}
	const char *notes = req_form(r, "notes");
	if (notes && strlen(notes) > ONB_TEXT_MAX) {
		onb_view_free(&v);
		page_error(r, 422, _("The notes must be at most 4000 characters long."));
		return;
	}
	struct actor who = req_actor(r);
	enum store_rc rc = store_onboarding_review_record(r->store, &who, rv.id, notes ? notes : "", r->now);
	int64_t id = v.hire.id;
	onb_view_free(&v);
	if (rc == STORE_INVALID) {
		page_error(r, 422, _("The notes are not valid text."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/onboarding/%lld?done=saved#reviews", (long long)id));
}

void page_onboarding_checkins_ics(struct request *r)
{
	struct onb_view v;
	if (!load_view(r, &v))
		return;
	if (!may_edit_own(r, &v)) {
		onb_view_free(&v);
		page_error(r, 404, _("There is no such hire."));
		return;
	}
	onb_send_ics(r, &v);
	onb_view_free(&v);
}

/* ---- the new hire's personal view ------------------------------------------------------------ */

static void my_hire(struct request *r, struct onb_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card onboarding-mine\" data-hire=\"%lld\"><h2>%s</h2><p>%s · %s ",
		    (long long)v->hire.id, v->hire.position_title, hire_name(r, &v->hire), _("Start"));
	day_html(r, v->hire.start_day);
	html_printf(o, "</p><p class=\"onb-done-count\" data-done=\"%zu\" data-total=\"%zu\">%s</p>", v->done, v->total,
		    arena_printf(&r->arena, _("%zu of %zu tasks done, %zu late."), v->done, v->total, v->late));
	html_raw(o, "</section>");
	/* only the tasks this person owns (their own, or named on them) */
	size_t mine = 0;
	for (size_t i = 0; i < v->ntasks; i++)
		mine += str_eq(v->tasks[i].owner_kind, "new_hire") || v->tasks[i].owner_user_id == r->user.id;
	html_printf(o, "<section class=\"card\" id=\"my-tasks-%lld\"><h2>%s</h2>", (long long)v->hire.id, _("My tasks"));
	if (mine == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No tasks for you."));
	} else {
		tasks_table_open(r, _("My tasks"));
		for (size_t i = 0; i < v->ntasks; i++) {
			const struct onboarding_task *t = &v->tasks[i];
			if (str_eq(t->owner_kind, "new_hire") || t->owner_user_id == r->user.id)
				task_row(r, v, t, "/onboarding/me");
		}
		html_raw(o, "</tbody></table></div>");
	}
	html_raw(o, "</section>");
	checkins_section(r, v, true, "/onboarding/me");
	goals_section(r, v, true, "/onboarding/me");
}

/* The tasks named on this user in other people's plans (the previous
 * account owner's handovers, the Head of Engineering's product training),
 * so they can tick them without access to the manager's pages. */
static void others_tasks(struct request *r)
{
	struct buf *o = &r->out;
	struct hire *all = NULL;
	size_t n = 0, hires_shown = 0;
	if (store_hire_list(r->store, &all, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		if (all[i].user_id == r->user.id)
			continue;
		struct onb_view v;
		size_t mine = 0;
		if (onb_view_load(r, all[i].id, &v) == STORE_OK)
			for (size_t k = 0; k < v.ntasks; k++)
				mine += v.tasks[k].owner_user_id == r->user.id;
		if (mine > 0) {
			if (hires_shown++ == 0)
				html_printf(o, "<section class=\"card\" id=\"tasks-for-me\"><h2>%s</h2>",
					    _("Your tasks in others' onboarding"));
			const char *who = arena_printf(&r->arena, "%s · %s", hire_name(r, &v.hire), v.hire.position_title);
			html_printf(o, "<h3>%s</h3>", who);
			tasks_table_open(r, who);
			for (size_t k = 0; k < v.ntasks; k++)
				if (v.tasks[k].owner_user_id == r->user.id)
					task_row(r, &v, &v.tasks[k], "/onboarding/me");
			html_raw(o, "</tbody></table></div>");
		}
		onb_view_free(&v);
	}
	if (hires_shown)
		html_raw(o, "</section>");
	free(all);
}

void page_onboarding_me(struct request *r)
{
	struct buf *o = &r->out;
	struct hire *list = NULL;
	size_t n = 0;
	if (store_hire_list_for_user(r->store, r->user.id, &list, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("My onboarding"), NAV_DASHBOARD);
	html_printf(o, "<div class=\"page-header\"><div><h1>%s</h1><p class=\"lead\">%s</p></div></div>", _("My onboarding"),
		    _("Your first 90 days: your tasks, the weekly check-ins and your goals."));
	page_flash(r);
	if (n == 0)
		html_printf(o, "<section class=\"empty-state\" id=\"no-onboarding\"><h2>%s</h2><p>%s</p></section>",
			    _("No onboarding for you"), _("You have no onboarding plan. When you start in a new role, your plan appears here."));
	for (size_t i = 0; i < n; i++) {
		struct onb_view v;
		if (onb_view_load(r, list[i].id, &v) == STORE_OK)
			my_hire(r, &v);
		onb_view_free(&v);
	}
	free(list);
	others_tasks(r);
	page_end(r);
}
