/*
 * gantt_svg.c — the Gantt chart of gantt_svg.h.
 *
 * Layout, top to bottom: the legend, the week ticks with their dates, one
 * lane per row (label on the left; the planned bars on top, the actual bar
 * below them), the today line across all lanes. The time axis runs from the
 * Monday on or before the earliest day shown to the Monday after the
 * latest, and days map to pixels with integer arithmetic, so every
 * coordinate is a whole number. Ticks thin out (every 1, 2, 4, … weeks) so
 * their dates never overlap. The width is fixed; the page scales the SVG.
 */
#include "web/gantt_svg.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "web/html.h"

#define CHART_WIDTH 760
#define PAD 8
#define CHAR_W 7                 /* average advance of a 12px glyph */
#define LABEL_MAX_CHARS 32       /* longer labels are cut with an ellipsis */
#define LABEL_W_MIN 90
#define LABEL_W_MAX (LABEL_MAX_CHARS * CHAR_W + 16)
#define LEGEND_H 22
#define SWATCH 12
#define TICKS_H 20
#define ROW_H 36
#define PLAN_Y 5                 /* offset of the planned bars in a lane */
#define PLAN_H 14
#define ACTUAL_Y 22              /* offset of the actual bar in a lane */
#define ACTUAL_H 8
#define TICK_MIN_PX 76           /* room for one tick's date */
#define EMPTY_HEIGHT 96
#define DATE_MAX 32

#define COLOUR_BEST "#0f766e"
#define COLOUR_WORST "#a7d8d2"
#define COLOUR_ACTUAL "#1d4ed8"
#define COLOUR_TODAY "#be123c"
#define COLOUR_GRID "#dde4e8"

static bool range_drawn(const struct gantt_range *g)
{
	return g->start != GANTT_NO_DAY;
}

/* The last day of an actual range: its end, or today while it runs. */
static int32_t actual_end(const struct gantt_chart *c, const struct gantt_range *g)
{
	if (g->end != GANTT_NO_DAY)
		return g->end < g->start ? g->start : g->end;
	if (c->today != GANTT_NO_DAY && c->today > g->start)
		return c->today;
	return g->start;
}

static int32_t range_end(const struct gantt_range *g)
{
	return g->end < g->start ? g->start : g->end;
}

static size_t drawn_rows(const struct gantt_chart *c)
{
	return c->rows ? (c->nrows < GANTT_MAX_ROWS ? c->nrows : GANTT_MAX_ROWS) : 0;
}

static void format_day(const struct gantt_chart *c, int32_t day, char *out, size_t n)
{
	if (c->format_day) {
		c->format_day(day, out, n);
		return;
	}
	char iso[CALENDAR_ISO_LEN];
	snprintf(out, n, "%s", calendar_format_iso(day, iso));
}

/* Characters (UTF-8 code points) of s. */
static int text_chars(const char *s)
{
	int n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* label cut to LABEL_MAX_CHARS code points (with "…") into out. */
static void cut_label(const char *label, char *out, size_t n)
{
	const char *s = label ? label : "";
	if (text_chars(s) <= LABEL_MAX_CHARS) {
		snprintf(out, n, "%s", s);
		return;
	}
	size_t len = 0;
	int chars = 0;
	while (s[len]) {
		if (((unsigned char)s[len] & 0xC0) != 0x80 && ++chars > LABEL_MAX_CHARS - 1)
			break;
		len++;
	}
	snprintf(out, n, "%.*s…", (int)len, s);
}

/* The time axis: days [first, last_excl) over pixels [x0, x0 + w). */
struct axis {
	int32_t first;
	int32_t last_excl;
	int x0;
	int w;
};

static int day_x(const struct axis *a, int32_t day)
{
	int64_t span = (int64_t)a->last_excl - a->first;
	return a->x0 + (int)(((int64_t)day - a->first) * a->w / span);
}

/* The Monday on or before day. */
static int32_t monday_on_or_before(int32_t day)
{
	return day - (calendar_weekday(day) - 1);
}

/* The earliest and latest day any range (or today) shows; false when none. */
static bool day_span(const struct gantt_chart *c, int32_t *lo, int32_t *hi)
{
	bool any = false;
	int32_t a = 0, b = 0;
	for (size_t i = 0; i < drawn_rows(c); i++) {
		const struct gantt_row *row = &c->rows[i];
		const struct gantt_range *plans[] = { &row->best, &row->worst };
		for (size_t k = 0; k < 2; k++)
			if (range_drawn(plans[k])) {
				int32_t s = plans[k]->start, e = range_end(plans[k]);
				a = any && a < s ? a : s;
				b = any && b > e ? b : e;
				any = true;
			}
		if (range_drawn(&row->actual)) {
			int32_t s = row->actual.start, e = actual_end(c, &row->actual);
			a = any && a < s ? a : s;
			b = any && b > e ? b : e;
			any = true;
		}
	}
	if (!any)
		return false;
	if (c->today != GANTT_NO_DAY) {
		a = a < c->today ? a : c->today;
		b = b > c->today ? b : c->today;
	}
	*lo = a;
	*hi = b;
	return true;
}

static void open_svg(struct buf *o, const struct gantt_chart *c, int height)
{
	const char *title = c->title ? c->title : "";
	html_printf(o, "<svg class=\"chart chart-gantt\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
		       "height=\"%d\" role=\"img\" aria-label=\"%s\" font-size=\"12\"><title>%s</title>",
		    CHART_WIDTH, height, CHART_WIDTH, height, title, title);
	if (c->description && c->description[0])
		html_printf(o, "<desc>%s</desc>", c->description);
}

static void render_empty(struct buf *o, const struct gantt_chart *c)
{
	open_svg(o, c, EMPTY_HEIGHT);
	html_printf(o, "<text class=\"chart-empty\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></svg>",
		    CHART_WIDTH / 2, EMPTY_HEIGHT / 2 + 4, c->empty_text ? c->empty_text : (c->title ? c->title : ""));
}

/* One legend entry at x; returns the x of the next one. Swatches are paths,
 * so <rect> stays reserved for bars. */
static int legend_entry(struct buf *o, int x, int y, const char *label, const char *fill, const char *stroke, bool line)
{
	if (!label)
		return x;
	if (line)
		html_printf(o, "<path d=\"M%d %dv%d\" stroke=\"%s\" stroke-width=\"2\"></path>", x + SWATCH / 2, y - 1, SWATCH + 2,
			    COLOUR_TODAY);
	else
		html_printf(o, "<path d=\"M%d %dh%dv%dh-%dz\" fill=\"%s\" stroke=\"%s\"></path>", x, y, SWATCH, SWATCH, SWATCH,
			    fill, stroke);
	html_printf(o, "<text x=\"%d\" y=\"%d\">%s</text>", x + SWATCH + 6, y + SWATCH - 1, label);
	return x + SWATCH + 6 + text_chars(label) * CHAR_W + 18;
}

static void render_legend(struct buf *o, const struct gantt_chart *c, int y)
{
	int x = PAD;
	html_raw(o, "<g class=\"gantt-legend\">");
	x = legend_entry(o, x, y, c->best_label, COLOUR_BEST, COLOUR_BEST, false);
	x = legend_entry(o, x, y, c->worst_label, COLOUR_WORST, COLOUR_BEST, false);
	x = legend_entry(o, x, y, c->actual_label, COLOUR_ACTUAL, COLOUR_ACTUAL, false);
	if (c->today != GANTT_NO_DAY)
		legend_entry(o, x, y, c->today_label, NULL, NULL, true);
	html_raw(o, "</g>");
}

/* Week ticks on Mondays, every `step` weeks, with their date above the lanes. */
static void render_ticks(struct buf *o, const struct gantt_chart *c, const struct axis *a, int label_y, int top,
			 int bottom)
{
	int64_t weeks = ((int64_t)a->last_excl - a->first) / 7;
	static const int steps[] = { 1, 2, 4, 8, 13, 26, 52, 104 };
	int step = steps[sizeof steps / sizeof steps[0] - 1];
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if ((int64_t)a->w * 7 * steps[i] / (weeks * 7) >= TICK_MIN_PX) {
			step = steps[i];
			break;
		}
	html_raw(o, "<g class=\"gantt-ticks\">");
	for (int32_t d = a->first; d < a->last_excl; d += 7 * step) {
		char date[DATE_MAX];
		int x = day_x(a, d);
		format_day(c, d, date, sizeof date);
		html_printf(o, "<line class=\"gantt-tick\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"></line>"
			       "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
			    x, top, x, bottom, COLOUR_GRID, x + 2, label_y, date);
	}
	html_raw(o, "</g>");
}

/* One bar from the start of day `from` to the end of day `to`. */
static void bar(struct buf *o, const struct gantt_chart *c, const struct axis *a, const char *cls, int32_t from,
		int32_t to, int y, int h, const char *fill, const char *stroke, const char *label, const char *what,
		bool running)
{
	char d1[DATE_MAX], d2[DATE_MAX];
	int x1 = day_x(a, from), x2 = day_x(a, to + 1);
	int w = x2 - x1 > 1 ? x2 - x1 : 1;
	format_day(c, from, d1, sizeof d1);
	format_day(c, to, d2, sizeof d2);
	html_printf(o, "<rect class=\"%s%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"", cls,
		    running ? " gantt-running" : "", x1, y, w, h, fill);
	if (stroke)
		html_printf(o, " stroke=\"%s\"", stroke);
	if (running)
		html_printf(o, "><title>%s · %s: %s – …</title></rect>", label, what ? what : "", d1);
	else
		html_printf(o, "><title>%s · %s: %s – %s</title></rect>", label, what ? what : "", d1, d2);
}

static void render_row(struct buf *o, const struct gantt_chart *c, const struct axis *a, const struct gantt_row *row,
		       int y)
{
	char label[LABEL_MAX_CHARS * 4 + 8];
	cut_label(row->label, label, sizeof label);
	const char *full = row->label ? row->label : "";
	html_printf(o, "<g class=\"gantt-row\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\"><title>%s</title>%s</text>",
		    a->x0 - 8, y + PLAN_Y + PLAN_H - 2, full, label);
	/* the worst case as a light envelope, the best case solid on top of it */
	if (range_drawn(&row->worst)) {
		int32_t s = row->worst.start, e = range_end(&row->worst);
		if (range_drawn(&row->best)) {
			s = s < row->best.start ? s : row->best.start;
			e = e > range_end(&row->best) ? e : range_end(&row->best);
		}
		bar(o, c, a, "gantt-worst", s, e, y + PLAN_Y, PLAN_H, COLOUR_WORST, COLOUR_BEST, full, c->worst_label, false);
	}
	if (range_drawn(&row->best))
		bar(o, c, a, "gantt-best", row->best.start, range_end(&row->best), y + PLAN_Y, PLAN_H, COLOUR_BEST, NULL, full,
		    c->best_label, false);
	if (range_drawn(&row->actual))
		bar(o, c, a, "gantt-actual", row->actual.start, actual_end(c, &row->actual), y + ACTUAL_Y, ACTUAL_H,
		    COLOUR_ACTUAL, NULL, full, c->actual_label, row->actual.end == GANTT_NO_DAY);
	html_raw(o, "</g>");
}

void gantt_svg_render(struct buf *o, const struct gantt_chart *c)
{
	size_t nrows = drawn_rows(c);
	int32_t lo, hi;
	if (nrows == 0 || !day_span(c, &lo, &hi)) {
		render_empty(o, c);
		return;
	}

	int label_chars = 0;
	for (size_t i = 0; i < nrows; i++) {
		int n = text_chars(c->rows[i].label ? c->rows[i].label : "");
		label_chars = n > label_chars ? n : label_chars;
	}
	label_chars = label_chars < LABEL_MAX_CHARS ? label_chars : LABEL_MAX_CHARS;
	int label_w = label_chars * CHAR_W + 16;
	label_w = label_w < LABEL_W_MIN ? LABEL_W_MIN : label_w > LABEL_W_MAX ? LABEL_W_MAX : label_w;

	struct axis a;
	a.first = monday_on_or_before(lo);
	a.last_excl = monday_on_or_before(hi) + 7;
	a.x0 = PAD + label_w;
	a.w = CHART_WIDTH - PAD - a.x0;

	int legend_y = PAD;
	int ticks_label_y = PAD + LEGEND_H + 12;
	int lanes_top = PAD + LEGEND_H + TICKS_H;
	int lanes_bottom = lanes_top + (int)nrows * ROW_H;
	int height = lanes_bottom + PAD + 14;

	open_svg(o, c, height);
	render_legend(o, c, legend_y);
	render_ticks(o, c, &a, ticks_label_y, lanes_top - 4, lanes_bottom);
	for (size_t i = 0; i < nrows; i++) {
		int y = lanes_top + (int)i * ROW_H;
		if (i > 0)
			html_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"></line>", PAD, y,
				    CHART_WIDTH - PAD, y, COLOUR_GRID);
		render_row(o, c, &a, &c->rows[i], y);
	}
	if (c->today != GANTT_NO_DAY) {
		char date[DATE_MAX];
		int x = (day_x(&a, c->today) + day_x(&a, c->today + 1)) / 2;
		format_day(c, c->today, date, sizeof date);
		html_printf(o, "<line class=\"gantt-today\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\">"
			       "<title>%s: %s</title></line>",
			    x, lanes_top - 4, x, lanes_bottom + 4, COLOUR_TODAY, c->today_label ? c->today_label : "", date);
		html_printf(o, "<text class=\"gantt-today-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">%s</text>",
			    x, lanes_bottom + 16, COLOUR_TODAY, c->today_label ? c->today_label : date);
	}
	html_raw(o, "</svg>");
}
