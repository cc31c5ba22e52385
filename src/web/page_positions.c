/*
 * page_positions.c — the positions list: status, hiring company, owner,
 * profile state and days open, filterable by status, with the way to a new
 * position (R-PROF-1 starts there).
 */
#include <stdlib.h>
#include <string.h>

#include "store/positions.h"
#include "web/layout.h"
#include "web/pages.h"

static void status_filter(struct request *r, int current)
{
	struct buf *o = &r->out;
	html_printf(o, "<nav class=\"subnav\" aria-label=\"%s\"><a href=\"/positions\" aria-current=\"%s\">%s</a>",
		    _("Filter by status"), current < 0 ? "page" : "false", _("All"));
	for (int s = 0; s < POSITION_STATUS__COUNT; s++)
		html_printf(o, "<a href=\"/positions?status=%s\" aria-current=\"%s\">%s</a>", position_status_code((enum position_status)s),
			    current == s ? "page" : "false", _(position_status_label((enum position_status)s)));
	html_raw(o, "</nav>");
}

void page_positions(struct request *r)
{
	struct buf *o = &r->out;
	int status = -1;
	const char *q = req_query(r, "status");
	enum position_status st;
	if (q && *q) {
		if (!position_status_parse(q, &st)) {
			page_error(r, 400, _("Unknown status filter."));
			return;
		}
		status = (int)st;
	}
	struct position_summary *list = NULL;
	size_t n = 0;
	if (store_position_list(r->store, status, 0, &list, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	bool can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	page_begin(r, _("Positions"), NAV_POSITIONS);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1><div class=\"actions\">", _("Positions"));
	html_printf(o, "<a class=\"btn\" href=\"/organisations\">%s</a>", _("Hiring companies"));
	if (can_edit)
		html_printf(o, " <a class=\"btn btn-primary\" href=\"/positions/new\">%s</a>", _("New position"));
	html_raw(o, "</div></div>");
	status_filter(r, status);
	if (n == 0) {
		html_printf(o, "<section class=\"empty-state\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2><p>%s</p>",
			    asset_url(r, "icons/positions.svg"), status < 0 ? _("No positions yet") : _("No positions with this status"),
			    _("A position starts from your strategic goals: revenue target, markets to enter, accounts to develop. "
			      "From them stellwerk builds the requirements profile and the job ad."));
		if (can_edit)
			html_printf(o, "<div class=\"actions\"><a class=\"btn btn-primary\" href=\"/positions/new\">%s</a></div>",
				    _("Create the first position"));
		html_raw(o, "</section>");
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
			    _("Positions"), _("Position"), _("Hiring company"), _("Status"), _("Responsible"), _("Requirements"),
			    _("Profile"), _("Days open"));
		for (size_t i = 0; i < n; i++) {
			const struct position *p = &list[i].p;
			html_printf(o, "<tr><td><a href=\"/positions/%lld\">%s</a><br><span class=\"muted\">%s</span></td><td>%s</td>",
				    (long long)p->id, p->title, p->location, list[i].organisation_name);
			html_printf(o, "<td><span class=\"badge badge-%s\">%s</span></td><td>%s</td>",
				    p->status == POSITION_OPEN ? "ok" : p->status == POSITION_DRAFT ? "warn" : "muted",
				    _(position_status_label(p->status)), list[i].owner_name);
			html_printf(o, "<td class=\"num\">%d <span class=\"muted\">(%d %s)</span></td>", list[i].requirement_count,
				    list[i].must_count, _("must-have"));
			if (p->approved_version)
				html_printf(o, "<td>%s %d</td>", _("approved, version"), p->approved_version);
			else
				html_printf(o, "<td class=\"muted\">%s</td>", _("draft"));
			if (p->opened_at)
				html_printf(o, "<td class=\"num\">%lld</td></tr>", (long long)days_between(p->opened_at, r->now));
			else
				html_raw(o, "<td class=\"num muted\">–</td></tr>");
		}
		html_raw(o, "</tbody></table></div>");
	}
	free(list);
	page_end(r);
}
