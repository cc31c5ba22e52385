/*
 * position_chrome.c — shared header of the position pages; see
 * position_chrome.h.
 */
#include "web/position_chrome.h"

#include <string.h>

#include "store/positions.h"
#include "web/layout.h"

bool position_load_from_path(struct request *r, struct position *p)
{
	enum store_rc rc = store_position_get(r->store, req_path_arg(r, 0), p);
	if (rc == STORE_OK)
		return true;
	page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
	return false;
}

const char *position_path(struct request *r, int64_t id, const char *sub)
{
	if (!sub || !*sub)
		return arena_printf(&r->arena, "/positions/%lld", (long long)id);
	return arena_printf(&r->arena, "/positions/%lld/%s", (long long)id, sub);
}

struct wizard_step {
	const char *key;
	const char *sub;
	const char *label;
};

static const struct wizard_step steps[] = {
	{ "basics", "", N_("Basics") },
	{ "goals", "goals", N_("Strategic goals") },
	{ "requirements", "requirements", N_("Requirements") },
	{ "stakeholders", "stakeholders", N_("Stakeholders") },
	{ "review", "review", N_("Review and approval") },
	{ "ad", "ad", N_("Job ad") },
};

/* Tabs after the wizard steps: key (the page's path under the position and
 * its step name), label, and the action that shows the tab. */
static const struct {
	const char *key;
	const char *label;
	enum action action;
} tabs[] = {
	{ "pipeline", N_("Pipeline"), ACTION_MANAGE_CANDIDATES },        /* R-CAND-2 */
	{ "channels", N_("Channels"), ACTION_MANAGE_CANDIDATES },        /* R-CHAN-2, R-CHAN-4 */
	{ "interviews", N_("Interviews"), ACTION_VIEW_POSITIONS },       /* R-INT-2..4; edits need ACTION_EDIT_POSITIONS */
	{ "evaluation", N_("Evaluation"), ACTION_MANAGE_CANDIDATES },    /* R-EVAL-1..4 */
	{ "health", N_("Process health"), ACTION_MANAGE_CANDIDATES },    /* R-GUARD-7 */
	{ "timeline", N_("Timeline"), ACTION_VIEW_POSITIONS },           /* R-TIME-1..3 */
	{ "budget", N_("Budget band"), ACTION_MANAGE_CANDIDATES },       /* R-OFFER-1; set by the CFO or an admin */
};

void position_page_begin(struct request *r, const struct position *p, const char *step, const char *title)
{
	struct buf *o = &r->out;
	page_begin(r, arena_printf(&r->arena, "%s · %s", title, p->title), NAV_POSITIONS);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/positions\">%s</a> › %s</p><h1>%s</h1></div>",
		    _("Positions"), title, p->title);
	html_printf(o, "<div class=\"actions\"><span class=\"badge badge-%s\">%s</span>",
		    p->status == POSITION_OPEN ? "ok" : p->status == POSITION_DRAFT ? "warn" : "muted",
		    _(position_status_label(p->status)));
	if (p->approved_version)
		html_printf(o, " <a class=\"btn btn-small\" href=\"/positions/%lld/versions/%d\">%s %d</a>", (long long)p->id,
			    p->approved_version, _("Approved profile, version"), p->approved_version);
	html_raw(o, "</div></div>");
	html_printf(o, "<ol class=\"wizard-steps\" aria-label=\"%s\">", _("Steps of the requirements profile"));
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		html_printf(o, "<li><a href=\"%s\" aria-current=\"%s\">%s</a></li>", position_path(r, p->id, steps[i].sub),
			    strcmp(steps[i].key, step) == 0 ? "step" : "false", _(steps[i].label));
	/* The pages of the running search are no wizard steps: tabs after them,
	 * each for the roles that may open it. */
	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
		if (permission_allows(&r->principal, tabs[i].action))
			html_printf(o, "<li class=\"tab tab-%s\"><a href=\"%s\" aria-current=\"%s\">%s</a></li>", tabs[i].key,
				    position_path(r, p->id, tabs[i].key), strcmp(step, tabs[i].key) == 0 ? "page" : "false",
				    _(tabs[i].label));
	html_raw(o, "</ol>");
}
