/*
 * page_channel_report.c — channel effectiveness (R-CHAN-4) as a table and an
 * SVG bar chart: per channel the candidates, how many reached the first
 * interview, offers, hires, the conversion of each step, the median days
 * from application to hire and the cost per hire (the channel plans'
 * budgets plus per-candidate costs, divided by the hires).
 *
 * GET /positions/{id}/channel-report   one position
 * GET /channels/report                 every position together
 *
 * The numbers come from channel_report_rows (store facts → core statistics),
 * the same computation as GET /api/v1/positions/{id}/channel-report.
 */
#include <stdio.h>

#include "web/channel_report.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/svg_chart.h"

#define NA_TEXT "\xe2\x80\x93"           /* "–": no basis for the number */

/* ---- formatting ---------------------------------------------------------------------------------- */

static char decimal_mark(const struct request *r)
{
	return r->lang == LANG_EN ? '.' : ',';
}

static const char *count_text(struct request *r, int v)
{
	char tmp[32];
	i18n_format_int(tmp, sizeof tmp, v, r->lang);
	return arena_strdup(&r->arena, tmp);
}

/* A conversion in per mille as a percentage with at most one decimal
 * ("50 %", "33,3 %"), or "–" without a basis. */
static const char *percent_text(struct request *r, int per_mille)
{
	if (per_mille == CHANNEL_NA || per_mille < 0)
		return NA_TEXT;
	const char *space = r->lang == LANG_EN ? "" : "\xc2\xa0";   /* German: "50 %" with a no-break space */
	if (per_mille % 10 == 0)
		return arena_printf(&r->arena, "%d%s%%", per_mille / 10, space);
	return arena_printf(&r->arena, "%d%c%d%s%%", per_mille / 10, decimal_mark(r), per_mille % 10, space);
}

/* Whole or half days (the median of an even count), or "–". */
static const char *days_text(struct request *r, double days)
{
	if (!(days >= 0))
		return NA_TEXT;
	long long half_days = (long long)(days * 2 + 0.5);
	if (half_days % 2 == 0)
		return count_text(r, (int)(half_days / 2));
	return arena_printf(&r->arena, "%lld%c5", half_days / 2, decimal_mark(r));
}

/* Cents as euros: "1.500 €" / "€1,500", with cents only when there are some. */
static const char *money_text(struct request *r, int64_t cents)
{
	char euros[32];
	if (cents == CHANNEL_NA || cents < 0)
		return NA_TEXT;
	i18n_format_int(euros, sizeof euros, (long long)(cents / 100), r->lang);
	const char *amount = cents % 100 == 0
		? arena_strdup(&r->arena, euros)
		: arena_printf(&r->arena, "%s%c%02d", euros, decimal_mark(r), (int)(cents % 100));
	if (r->lang == LANG_EN)
		return arena_printf(&r->arena, "\xe2\x82\xac%s", amount);
	return arena_printf(&r->arena, "%s\xc2\xa0\xe2\x82\xac", amount);
}

/* ---- the report ------------------------------------------------------------------------------------ */

/* Whether a channel row belongs in the table: it has candidates or costs. */
static bool row_shown(const struct channel_stats *s)
{
	return s->candidates > 0 || s->cost_cents > 0;
}

static void table_row(struct request *r, const struct channel_stats *s, bool total)
{
	struct buf *o = &r->out;
	const char *cell = total ? "th" : "td";
	html_printf(o, "<tr data-channel=\"%s\"><th scope=\"row\">%s</th>", s->code,
		    total ? _("All channels") : _(channel_label(s->channel)));
	const struct {
		const char *col;
		const char *text;
	} cells[] = {
		{ "candidates", count_text(r, s->candidates) },
		{ "interviews", count_text(r, s->interviews) },
		{ "offers", count_text(r, s->offers) },
		{ "hires", count_text(r, s->hires) },
		{ "interview_rate", percent_text(r, s->interview_per_mille) },
		{ "offer_rate", percent_text(r, s->offer_per_mille) },
		{ "hire_rate", percent_text(r, s->hire_per_mille) },
		{ "median_days", days_text(r, s->median_days_to_hire) },
		{ "cost", money_text(r, s->cost_cents) },
		{ "cost_per_hire", money_text(r, s->cost_per_hire_cents) },
	};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
		html_printf(o, "<%s class=\"num\" data-col=\"%s\">%s</%s>", cell, cells[i].col, cells[i].text, cell);
	html_raw(o, "</tr>");
}

static void report_table(struct request *r, const struct channel_stats *rows, size_t n)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data channel-report\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		       "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		       "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		       "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		       "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>",
		    _("Channel effectiveness"), _("Channel"), _("Candidates"), _("Reached first interview"), _("Offers"),
		    _("Hires"), _("Candidate → interview"), _("Interview → offer"), _("Offer → hire"),
		    _("Median days to hire"), _("Cost"), _("Cost per hire"));
	const struct channel_stats *total = NULL;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].channel == CHANNEL__COUNT)
			total = &rows[i];
		else if (row_shown(&rows[i]))
			table_row(r, &rows[i], false);
	}
	html_raw(o, "</tbody>");
	if (total) {
		html_raw(o, "<tfoot>");
		table_row(r, total, true);
		html_raw(o, "</tfoot>");
	}
	html_raw(o, "</table></div>");
	html_printf(o, "<p class=\"hint\">%s</p>",
		    _("Conversion: the share of the previous step (candidates → first interview → offer → hire); "
		      "a later step counts the earlier ones as reached. Cost: the budgets of the channel plans plus costs "
		      "booked per candidate. – means there is no basis yet."));
}

/* The chart: per channel with candidates, the four counts as grouped bars. */
static void report_chart(struct request *r, const struct channel_stats *rows, size_t n)
{
	const char **cats = arena_alloc(&r->arena, (n + 1) * sizeof *cats);
	double *vals = arena_alloc(&r->arena, 4 * (n + 1) * sizeof *vals);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].channel == CHANNEL__COUNT || rows[i].candidates == 0)
			continue;
		cats[k] = _(channel_label(rows[i].channel));
		vals[0 * (n + 1) + k] = rows[i].candidates;
		vals[1 * (n + 1) + k] = rows[i].interviews;
		vals[2 * (n + 1) + k] = rows[i].offers;
		vals[3 * (n + 1) + k] = rows[i].hires;
		k++;
	}
	const struct svg_series series[] = {
		{ _("Candidates"), &vals[0 * (n + 1)], NULL },
		{ _("Reached first interview"), &vals[1 * (n + 1)], NULL },
		{ _("Offers"), &vals[2 * (n + 1)], NULL },
		{ _("Hires"), &vals[3 * (n + 1)], NULL },
	};
	struct svg_bar_chart chart = {
		.title = _("Candidates, first interviews, offers and hires per channel"),
		.description = _("Grouped bars per channel; the table above lists the same numbers with conversion, "
				 "time to hire and cost per hire."),
		.categories = cats,
		.ncategories = k,
		.series = series,
		.nseries = sizeof series / sizeof series[0],
		.decimal_mark = decimal_mark(r),
		.empty_text = _("No candidates yet."),
	};
	html_printf(&r->out, "<figure class=\"card chart-card\"><figcaption>%s</figcaption>", chart.title);
	svg_bar_chart_render(&r->out, &chart);
	html_raw(&r->out, "</figure>");
}

/* Table and chart, or the empty state when no candidate has been recorded;
 * plan_href links the channel plan (NULL on the overall report). */
static void render_report(struct request *r, int64_t position_id, const char *plan_href)
{
	struct buf *o = &r->out;
	struct channel_stats rows[CHANNEL_STATS_ROWS];
	size_t n = 0;
	if (channel_report_rows(r->store, position_id, rows, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	const struct channel_stats *total = n == CHANNEL_STATS_ROWS ? &rows[CHANNEL__COUNT] : NULL;

	html_raw(o, "<p class=\"actions channel-links\">");
	if (plan_href)
		html_printf(o, "<a class=\"btn\" href=\"%s\">%s</a> ", plan_href, _("Channel plan"));
	if (position_id > 0)
		html_printf(o, "<a class=\"btn\" href=\"/channels/report\">%s</a>", _("Channel report of all positions"));
	else
		html_printf(o, "<a class=\"btn\" href=\"/positions\">%s</a>", _("Positions"));
	html_raw(o, "</p>");

	if (!total || total->candidates == 0) {
		html_printf(o, "<section class=\"empty-state channel-report-empty\"><h2>%s</h2><p>%s</p>",
			    _("No candidates yet"),
			    _("As soon as candidates are recorded with their source channel, this report shows per channel how "
			      "many reached the first interview, received an offer and were hired, how long a hire took and what "
			      "it cost."));
		if (plan_href)
			html_printf(o, "<div class=\"actions\"><a class=\"btn btn-primary\" href=\"%s\">%s</a></div>", plan_href,
				    _("Plan the channels"));
		html_raw(o, "</section>");
		page_end(r);
		return;
	}
	report_table(r, rows, n);
	report_chart(r, rows, n);
	page_end(r);
}

void page_position_channel_report(struct request *r)
{
	struct position p;
	if (!position_load_from_path(r, &p))
		return;
	position_page_begin(r, &p, "channels", _("Channel report"));
	render_report(r, p.id, position_path(r, p.id, "channels"));
}

void page_channels_report(struct request *r)
{
	page_begin(r, _("Channel report"), NAV_CANDIDATES);
	html_printf(&r->out, "<div class=\"page-header\"><div><h1>%s</h1><p class=\"muted\">%s</p></div></div>",
		    _("Channel report"), _("Every position together: which channels bring candidates who are hired, and at what cost."));
	render_report(r, 0, NULL);
}
