/*
 * page_sections.c — the Interviews area. Until its records exist it
 * shows a helpful empty state that explains what the area is for.
 */
#include "web/layout.h"
#include "web/pages.h"

static void empty_area(struct request *r, enum nav_item nav, const char *title, const char *icon,
		       const char *empty_title, const char *explanation)
{
	struct buf *o = &r->out;
	page_begin(r, title, nav);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", title);
	html_printf(o, "<section class=\"empty-state\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2><p>%s</p></section>",
		    asset_url(r, icon), empty_title, explanation);
	page_end(r);
}

void page_interviews(struct request *r)
{
	empty_area(r, NAV_INTERVIEWS, _("Interviews"), "icons/interviews.svg", _("No interviews scheduled"),
		   _("Structured interviews ask every candidate the same core questions. Your interviews and "
		     "scorecards will appear here."));
}
