/*
 * page_dashboard.c — the start page after login: a greeting, the state of
 * the hiring work at a glance (open positions, applications in an active
 * stage, team members), and the process stellwerk guides through (the
 * seed's phases and their usual durations).
 */
#include "store/positions.h"
#include "store/stats.h"
#include "store/users.h"
#include "util/log.h"
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
