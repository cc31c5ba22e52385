/*
 * page_dashboard.c — the start page after login: a greeting, "What needs
 * attention today?" (the process guardrails of every open position the user
 * may see, most urgent first, each one click from its fix, R-GUARD-7), the
 * state of the hiring work at a glance (open positions, applications in an
 * active stage, team members), and the process stellwerk guides through
 * (the seed's phases and their usual durations).
 */
#include <stdlib.h>
#include <string.h>

#include "core/guards.h"
#include "store/hires.h"
#include "store/positions.h"
#include "store/stats.h"
#include "store/users.h"
#include "util/log.h"
#include "web/health_ops.h"
#include "web/layout.h"
#include "web/pages.h"

struct process_step {
	const char *title;
	const char *text;
};

static const struct process_step process_steps[] = {
	{ N_("Requirements profile"), N_("Derive the role from your strategic goals; split requirements into must-have, important and nice-to-have.") },
	{ N_("Job ad"), N_("Concrete tasks with numbers instead of empty phrases; salary range and process stated openly.") },
	{ N_("Channels"), N_("Combine networks, direct search and referrals: the best key account managers are rarely looking.") },
	{ N_("Structured interviews"), N_("The same core questions for every candidate, independent scorecards, at most three rounds.") },
	{ N_("Sales exercises"), N_("Role play with a sceptical customer, case study, presentation of past successes.") },
	{ N_("Decision and offer"), N_("Compare fairly, weigh cultural fit, disclose the role's challenges, decide quickly.") },
	{ N_("Onboarding"), N_("A 90-day plan with personal customer handovers and weekly feedback.") },
};

/* ---- what needs attention today ----------------------------------------------------------------- */

#define ATTENTION_MAX_SHOWN 25

/* One finding with the position it belongs to. */
struct attention_item {
	const struct health_finding *f;
	int64_t position_id;
	const char *position_title;
};

/* One position with findings, for the counts per position. */
struct attention_position {
	int64_t id;
	const char *title;
	size_t counts[GUARD_SEVERITY__COUNT];
	size_t total;
};

static int attention_compare(const void *pa, const void *pb)
{
	const struct attention_item *a = pa, *b = pb;
	int c = health_finding_compare(a->f, b->f);
	if (c)
		return c;
	return a->position_id < b->position_id ? -1 : a->position_id > b->position_id;
}

/* Whether this user sees the finding: the roles that manage candidates see
 * every finding; everybody else only the scorecards they owe. */
static bool attention_visible(struct request *r, const struct health_finding *f)
{
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		return true;
	return f->rule && strcmp(f->rule, GUARD_RULE_FEEDBACK_DUE) == 0 && f->user_id == r->user.id;
}

static void attention_positions_html(struct request *r, const struct attention_position *ps, size_t n)
{
	struct buf *o = &r->out;
	bool links = permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
	html_printf(o, "<ul class=\"attention-positions\" aria-label=\"%s\">", _("Findings per position"));
	for (size_t i = 0; i < n; i++) {
		if (links)
			html_printf(o, "<li data-position=\"%lld\"><a href=\"/positions/%lld/health\">%s</a> ", (long long)ps[i].id,
				    (long long)ps[i].id, ps[i].title);
		else
			html_printf(o, "<li data-position=\"%lld\"><span>%s</span> ", (long long)ps[i].id, ps[i].title);
		for (int s = GUARD_CRITICAL; s >= GUARD_INFO; s--)
			if (ps[i].counts[s])
				html_printf(o, "<span class=\"badge health-badge health-badge-%s\">%zu %s</span> ",
					    health_severity_class((enum guard_severity)s), ps[i].counts[s],
					    _(guard_severity_label((enum guard_severity)s)));
		html_raw(o, "</li>");
	}
	html_raw(o, "</ul>");
}

/* "What needs attention today?": the findings of every open position the
 * user may see, most urgent first (critical, then the oldest). */
static void attention_html(struct request *r)
{
	struct buf *o = &r->out;
	struct position_summary *list = NULL;
	size_t npos = 0;
	if (store_position_list(r->store, POSITION_OPEN, 0, &list, &npos) != STORE_OK) {
		log_warn("dashboard: cannot list the open positions");
		return;
	}
	struct attention_position *ps = arena_alloc(&r->arena, (npos + 1) * sizeof *ps);
	size_t nps = 0, nitems = 0, cap = 0;
	struct attention_item *items = NULL;
	for (size_t i = 0; i < npos; i++) {
		struct position_health h;
		if (health_load(r, list[i].p.id, &h) != STORE_OK) {
			log_warn("dashboard: cannot load the process health of position %lld", (long long)list[i].p.id);
			continue;
		}
		struct attention_position *p = &ps[nps];
		p->id = h.position_id;
		p->title = h.title;
		for (size_t k = 0; k < h.n; k++) {
			if (!attention_visible(r, &h.findings[k]))
				continue;
			if (nitems == cap) {
				cap = cap ? cap * 2 : 32;
				struct attention_item *grown = arena_alloc(&r->arena, cap * sizeof *grown);
				if (nitems)
					memcpy(grown, items, nitems * sizeof *items);
				items = grown;
			}
			items[nitems++] = (struct attention_item){ &h.findings[k], h.position_id, h.title };
			if (h.findings[k].severity < GUARD_SEVERITY__COUNT)
				p->counts[h.findings[k].severity]++;
			p->total++;
		}
		if (p->total)
			nps++;
	}
	free(list);
	if (nitems > 1)
		qsort(items, nitems, sizeof *items, attention_compare);

	html_printf(o, "<section class=\"card attention\" id=\"attention\" aria-labelledby=\"attention-title\">"
		       "<h2 id=\"attention-title\">%s</h2>",
		    _("What needs attention today?"));
	if (nitems == 0) {
		html_printf(o, "<div class=\"health-clear\" role=\"status\"><p><strong>%s</strong></p><p class=\"muted\">%s</p></div>",
			    _("All on track"),
			    permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES)
				    ? _("No guardrail is triggered in the open positions: every candidate has been contacted in time, "
					"feedback is in and offers come with the role's challenges disclosed.")
				    : _("No scorecard of yours is overdue."));
		html_raw(o, "</section>");
		return;
	}
	size_t totals[GUARD_SEVERITY__COUNT] = { 0 };
	for (size_t i = 0; i < nitems; i++)
		if (items[i].f->severity < GUARD_SEVERITY__COUNT)
			totals[items[i].f->severity]++;
	if (totals[GUARD_CRITICAL])
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(&r->arena,
					 i18n_ngettext("%zu finding, %zu of them critical, most urgent first.",
						       "%zu findings, %zu of them critical, most urgent first.", nitems),
					 nitems, totals[GUARD_CRITICAL]));
	else
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(&r->arena,
					 i18n_ngettext("%zu finding, most urgent first.", "%zu findings, most urgent first.", nitems),
					 nitems));
	attention_positions_html(r, ps, nps);
	html_raw(o, "<ol class=\"health-list attention-list\">");
	for (size_t i = 0; i < nitems && i < ATTENTION_MAX_SHOWN; i++)
		health_finding_html(r, items[i].position_id, items[i].position_title, items[i].f);
	html_raw(o, "</ol>");
	if (nitems > ATTENTION_MAX_SHOWN)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(&r->arena,
					 i18n_ngettext("%zu more finding: see the process health of each position above.",
						       "%zu more findings: see the process health of each position above.",
						       nitems - ATTENTION_MAX_SHOWN),
					 nitems - ATTENTION_MAX_SHOWN));
	html_raw(o, "</section>");
}

/* A new hire's way to their own 90-day plan (R-ONB-1): shown to whoever
 * has an onboarding plan as the hire. */
static void my_onboarding_html(struct request *r)
{
	struct hire *hires = NULL;
	size_t n = 0;
	if (store_hire_list_for_user(r->store, r->user.id, &hires, &n) != STORE_OK || n == 0) {
		free(hires);
		return;
	}
	html_printf(&r->out, "<section class=\"card my-onboarding\"><h2>%s</h2><p>%s</p><p><a class=\"btn btn-primary\" "
			     "href=\"/onboarding/me\">%s</a></p></section>",
		    _("Your onboarding"), _("Your tasks, weekly check-ins and goals for the first 90 days."),
		    _("Open my onboarding plan"));
	free(hires);
}

void page_dashboard(struct request *r)
{
	struct buf *o = &r->out;
	int64_t users = 0, by_status[POSITION_STATUS__COUNT] = { 0 };
	store_user_count(r->store, &users);
	store_position_count_by_status(r->store, by_status);
	page_begin(r, _("Dashboard"), NAV_DASHBOARD);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Dashboard"));
	html_printf(o, "<p class=\"lead\">%s, %s.</p>", _("Welcome"),
		    r->user.display_name[0] ? r->user.display_name : r->user.name);
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES) ||
	    permission_allows(&r->principal, ACTION_WRITE_SCORECARDS))
		attention_html(r);
	my_onboarding_html(r);
	html_raw(o, "<div class=\"cards\">");
	/* Interviewers see only what is assigned to them, not the positions. */
	if (permission_allows(&r->principal, ACTION_VIEW_POSITIONS)) {
		html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"metric\">%lld</p>", _("Open positions"),
			    (long long)by_status[POSITION_OPEN]);
		if (by_status[POSITION_DRAFT])
			html_printf(o, "<p class=\"muted\">%s</p>",
				    arena_printf(&r->arena, i18n_ngettext("%lld more position in draft.", "%lld more positions in draft.",
									  (unsigned long)by_status[POSITION_DRAFT]),
						 (long long)by_status[POSITION_DRAFT]));
		html_printf(o, "<a href=\"/positions\">%s</a></section>", _("All positions"));
	}
	/* Until step 5 assigns candidates to interviewers, only the roles that
	 * manage candidates see them, across every position. */
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES)) {
		int64_t in_process = 0;
		if (store_stats_applications_in_process(r->store, &in_process) != STORE_OK)
			log_warn("dashboard: cannot count the applications in process");
		html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"metric\">%lld</p><p class=\"muted\">%s</p>",
			    _("Candidates in process"), (long long)in_process,
			    _("Every candidate's stage and days in process, with warnings before good people drop out."));
		html_printf(o, "<a href=\"/candidates\">%s</a></section>", _("All candidates"));
	}
	html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"metric\">%lld</p><p class=\"muted\">%s</p>",
		    _("Team members"), (long long)users, _("People who can log in and take part in hiring decisions."));
	if (permission_allows(&r->principal, ACTION_MANAGE_USERS))
		html_printf(o, "<a href=\"/settings/users\">%s</a>", _("Manage users"));
	html_raw(o, "</section></div>");

	html_printf(o, "<section class=\"card process\"><h2>%s</h2><p class=\"muted\">%s</p><ol class=\"steps\">",
		    _("How stellwerk guides a hiring process"),
		    _("A key account manager search usually takes six to twelve weeks. These are the steps:"));
	for (size_t i = 0; i < sizeof process_steps / sizeof process_steps[0]; i++)
		html_printf(o, "<li><strong>%s</strong> — %s</li>", _(process_steps[i].title), _(process_steps[i].text));
	html_raw(o, "</ol></section>");
	page_end(r);
}
