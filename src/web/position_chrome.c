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
	/* The pipeline board (R-CAND-2) is no wizard step: a tab after them, for
	 * the roles that see candidates. */
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		html_printf(o, "<li class=\"tab-pipeline\"><a href=\"%s\" aria-current=\"%s\">%s</a></li>",
			    position_path(r, p->id, "pipeline"), strcmp(step, "pipeline") == 0 ? "page" : "false",
			    _("Pipeline"));
	/* The channel plan and its report (R-CHAN-2, R-CHAN-4): a tab as well. */
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		html_printf(o, "<li class=\"tab-channels\"><a href=\"%s\" aria-current=\"%s\">%s</a></li>",
			    position_path(r, p->id, "channels"), strcmp(step, "channels") == 0 ? "page" : "false",
			    _("Channels"));
	/* The interview plan and its kits (R-INT-2..4): everyone who sees the
	 * position sees it; changing it needs ACTION_EDIT_POSITIONS. */
	if (permission_allows(&r->principal, ACTION_VIEW_POSITIONS))
		html_printf(o, "<li class=\"tab-interviews\"><a href=\"%s\" aria-current=\"%s\">%s</a></li>",
			    position_path(r, p->id, "interviews"), strcmp(step, "interviews") == 0 ? "page" : "false",
			    _("Interviews"));
	/* The comparison matrix and decisions (R-EVAL-1..4): a tab as well. */
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		html_printf(o, "<li class=\"tab-evaluation\"><a href=\"%s\" aria-current=\"%s\">%s</a></li>",
			    position_path(r, p->id, "evaluation"), strcmp(step, "evaluation") == 0 ? "page" : "false",
			    _("Evaluation"));
	html_raw(o, "</ol>");
}
