/*
 * onboarding_svg.c — the 90-day progress chart of onboarding_svg.h.
 *
 * Layout, top to bottom: the legend, the week ticks (one per seven days
 * from the first day, every other one with its date), then four lanes with
 * their label on the left — phases (bands), tasks (marks stacked when
 * several fall on one day), check-ins and reviews — and the today line
 * across all lanes. Days map to pixels with integer arithmetic; the width
 * is fixed and the page scales the SVG.
 */
#include "web/onboarding_svg.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "web/html.h"

#define CHART_WIDTH 760
#define PAD 8
#define LABEL_W 118
#define LEGEND_H 22
#define SWATCH 12
#define CHAR_W 7
#define TICKS_H 20
#define BAND_LANE_H 30
#define TASK_LANE_H 64
#define EVENT_LANE_H 28
#define MARK_R 4
#define STACK_STEP 9
#define STACK_MAX 6
#define DATE_MAX 32
#define TICK_LABEL_W 70        /* room a tick date needs to its right */
#define BAND_LABEL_CHARS_PER_PX 7

#define COLOUR_DONE "#15803d"
#define COLOUR_LATE "#b91c1c"
#define COLOUR_OPEN "#475569"
#define COLOUR_TODAY "#be123c"
#define COLOUR_GRID "#dde4e8"
#define COLOUR_TEXT "#1f2937"

/* Band fills, one per phase in turn (light, so the text on them reads). */
static const char *const BAND_FILLS[] = { "#dbeafe", "#dcfce7", "#fef3c7", "#ede9fe" };

struct axis {
	int32_t first, last_excl;
	int x0, w;
};

static int day_x(const struct axis *a, int32_t day)
{
	int64_t span = (int64_t)a->last_excl - a->first;
	return a->x0 + (int)(((int64_t)day - a->first) * a->w / span);
}

/* The x of the middle of day. */
static int day_mid(const struct axis *a, int32_t day)
{
	return (day_x(a, day) + day_x(a, day + 1)) / 2;
}

static void format_day(const struct onb_svg_chart *c, int32_t day, char *out, size_t n)
{
	if (c->format_day) {
		c->format_day(day, out, n);
		return;
	}
	char iso[CALENDAR_ISO_LEN];
	snprintf(out, n, "%s", calendar_format_iso(day, iso));
}

static const char *state_class(enum onb_svg_state s)
{
	return s == ONB_SVG_DONE ? "onb-done" : s == ONB_SVG_LATE ? "onb-late" : "onb-open";
}

static const char *state_fill(enum onb_svg_state s)
{
	return s == ONB_SVG_DONE ? COLOUR_DONE : s == ONB_SVG_LATE ? COLOUR_LATE : "#ffffff";
}

static const char *state_stroke(enum onb_svg_state s)
{
	return s == ONB_SVG_DONE ? COLOUR_DONE : s == ONB_SVG_LATE ? COLOUR_LATE : COLOUR_OPEN;
}

static const char *state_text(const struct onb_svg_chart *c, enum onb_svg_state s)
{
	const char *t = s == ONB_SVG_DONE ? c->done_label : s == ONB_SVG_LATE ? c->late_label : c->open_label;
	return t ? t : "";
}

static int text_chars(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Widens [*lo, *hi] to the days of list[0..n). */
static void widen(const struct onb_svg_mark *list, size_t n, int32_t *lo, int32_t *hi)
{
	for (size_t i = 0; i < n; i++) {
		*lo = list[i].day < *lo ? list[i].day : *lo;
		*hi = list[i].day > *hi ? list[i].day : *hi;
	}
}

/* One legend entry at x (a circle in the state's colours, or the today
 * line); returns the x of the next entry. */
static int legend_entry(struct buf *o, int x, int y, const char *label, enum onb_svg_state s, bool today)
{
	if (!label)
		return x;
	if (today)
		html_printf(o, "<path d=\"M%d %dv%d\" stroke=\"%s\" stroke-width=\"2\"></path>", x + SWATCH / 2, y - 1,
			    SWATCH + 2, COLOUR_TODAY);
	else
		html_printf(o, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"></circle>",
			    x + SWATCH / 2, y + SWATCH / 2, MARK_R + 1, state_fill(s), state_stroke(s));
	html_printf(o, "<text x=\"%d\" y=\"%d\">%s</text>", x + SWATCH + 6, y + SWATCH - 1, label);
	return x + SWATCH + 6 + text_chars(label) * CHAR_W + 18;
}

static void lane_label(struct buf *o, int y, int h, const char *label)
{
	html_printf(o, "<text class=\"onb-lane\" x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>", LABEL_W,
		    y + h / 2 + 4, COLOUR_TEXT, label ? label : "");
}

static void render_ticks(struct buf *o, const struct onb_svg_chart *c, const struct axis *a, int label_y, int top,
			 int bottom)
{
	html_raw(o, "<g class=\"onb-ticks\">");
	int k = 0;
	for (int32_t d = a->first; d < a->last_excl; d += 7, k++) {
		int x = day_x(a, d);
		html_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"></line>", x, top, x, bottom,
			    COLOUR_GRID);
		if (k % 2 == 0 && x + TICK_LABEL_W <= CHART_WIDTH) {
			char date[DATE_MAX];
			format_day(c, d, date, sizeof date);
			html_printf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", x + 2, label_y, date);
		}
	}
	html_raw(o, "</g>");
}

static void render_bands(struct buf *o, const struct onb_svg_chart *c, const struct axis *a, int y)
{
	html_raw(o, "<g class=\"onb-bands\">");
	for (size_t i = 0; i < c->nbands; i++) {
		const struct onb_svg_band *b = &c->bands[i];
		int32_t last = b->last < b->first ? b->first : b->last;
		int x1 = day_x(a, b->first), x2 = day_x(a, last + 1);
		int w = x2 - x1 > 1 ? x2 - x1 : 1;
		char d1[DATE_MAX], d2[DATE_MAX];
		format_day(c, b->first, d1, sizeof d1);
		format_day(c, last, d2, sizeof d2);
		html_printf(o, "<rect class=\"onb-band\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#94a3b8\">"
			       "<title>%s: %s – %s</title></rect>",
			    x1, y + 3, w, BAND_LANE_H - 6, BAND_FILLS[i % (sizeof BAND_FILLS / sizeof BAND_FILLS[0])],
			    b->label ? b->label : "", d1, d2);
		/* the label only where it fits inside the band */
		if (b->label && text_chars(b->label) * BAND_LABEL_CHARS_PER_PX + 8 <= w)
			html_printf(o, "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-size=\"11\">%s</text>", x1 + 4,
				    y + BAND_LANE_H / 2 + 4, COLOUR_TEXT, b->label);
	}
	html_raw(o, "</g>");
}

static void render_tasks(struct buf *o, const struct onb_svg_chart *c, const struct axis *a, int y)
{
	html_raw(o, "<g class=\"onb-tasks\">");
	for (size_t i = 0; i < c->ntasks; i++) {
		const struct onb_svg_mark *m = &c->tasks[i];
		int below = 0;  /* marks on the same day drawn before this one */
		for (size_t k = 0; k < i; k++)
			if (c->tasks[k].day == m->day)
				below++;
		if (below >= STACK_MAX)
			below = STACK_MAX - 1;
		char date[DATE_MAX];
		format_day(c, m->day, date, sizeof date);
		html_printf(o, "<circle class=\"onb-task %s\" cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" stroke=\"%s\" "
			       "stroke-width=\"2\"><title>%s · %s · %s</title></circle>",
			    state_class(m->state), day_mid(a, m->day), y + TASK_LANE_H - 8 - below * STACK_STEP, MARK_R,
			    state_fill(m->state), state_stroke(m->state), m->label ? m->label : "", date,
			    state_text(c, m->state));
	}
	html_raw(o, "</g>");
}

/* Check-ins as small diamonds, reviews as larger ones, centred in the lane. */
static void render_events(struct buf *o, const struct onb_svg_chart *c, const struct axis *a, int y,
			  const struct onb_svg_mark *list, size_t n, const char *cls, int size)
{
	html_printf(o, "<g class=\"%ss\">", cls);
	for (size_t i = 0; i < n; i++) {
		const struct onb_svg_mark *m = &list[i];
		int cx = day_mid(a, m->day), cy = y + EVENT_LANE_H / 2;
		char date[DATE_MAX];
		format_day(c, m->day, date, sizeof date);
		html_printf(o, "<path class=\"%s %s\" d=\"M%d %dl%d %dl-%d %dl-%d -%dz\" fill=\"%s\" stroke=\"%s\" "
			       "stroke-width=\"2\"><title>%s · %s · %s</title></path>",
			    cls, state_class(m->state), cx, cy - size, size, size, size, size, size, size,
			    state_fill(m->state), state_stroke(m->state), m->label ? m->label : "", date,
			    state_text(c, m->state));
	}
	html_raw(o, "</g>");
}

void onboarding_svg_render(struct buf *o, const struct onb_svg_chart *c)
{
	int32_t lo = c->first_day, hi = c->last_day < c->first_day ? c->first_day : c->last_day;
	widen(c->tasks, c->ntasks, &lo, &hi);
	widen(c->checkins, c->ncheckins, &lo, &hi);
	widen(c->reviews, c->nreviews, &lo, &hi);
	for (size_t i = 0; i < c->nbands; i++) {
		lo = c->bands[i].first < lo ? c->bands[i].first : lo;
		hi = c->bands[i].last > hi ? c->bands[i].last : hi;
	}
	struct axis a;
	a.first = lo;
	a.last_excl = hi + 1;
	a.x0 = PAD + LABEL_W + 8;
	a.w = CHART_WIDTH - PAD - a.x0;

	int legend_y = PAD;
	int ticks_label_y = PAD + LEGEND_H + 12;
	int bands_y = PAD + LEGEND_H + TICKS_H;
	int tasks_y = bands_y + BAND_LANE_H;
	int checkins_y = tasks_y + TASK_LANE_H;
	int reviews_y = checkins_y + EVENT_LANE_H;
	int bottom = reviews_y + EVENT_LANE_H;
	int height = bottom + PAD + 14;
	const char *title = c->title ? c->title : "";

	html_printf(o, "<svg class=\"chart chart-onboarding\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		       "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" font-size=\"12\"><title>%s</title>",
		    CHART_WIDTH, height, CHART_WIDTH, height, title, title);
	if (c->description && c->description[0])
		html_printf(o, "<desc>%s</desc>", c->description);

	html_raw(o, "<g class=\"onb-legend\">");
	int x = PAD;
	x = legend_entry(o, x, legend_y, c->done_label, ONB_SVG_DONE, false);
	x = legend_entry(o, x, legend_y, c->late_label, ONB_SVG_LATE, false);
	x = legend_entry(o, x, legend_y, c->open_label, ONB_SVG_OPEN, false);
	if (c->today != ONB_SVG_NO_DAY)
		legend_entry(o, x, legend_y, c->today_label, ONB_SVG_OPEN, true);
	html_raw(o, "</g>");

	render_ticks(o, c, &a, ticks_label_y, bands_y - 4, bottom);
	lane_label(o, bands_y, BAND_LANE_H, c->phases_label);
	lane_label(o, tasks_y, TASK_LANE_H, c->tasks_label);
	lane_label(o, checkins_y, EVENT_LANE_H, c->checkins_label);
	lane_label(o, reviews_y, EVENT_LANE_H, c->reviews_label);
	const int lane_tops[] = { tasks_y, checkins_y, reviews_y };
	for (size_t i = 0; i < sizeof lane_tops / sizeof lane_tops[0]; i++)
		html_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"></line>", PAD, lane_tops[i],
			    CHART_WIDTH - PAD, lane_tops[i], COLOUR_GRID);
	render_bands(o, c, &a, bands_y);
	render_tasks(o, c, &a, tasks_y);
	render_events(o, c, &a, checkins_y, c->checkins, c->ncheckins, "onb-checkin", 5);
	render_events(o, c, &a, reviews_y, c->reviews, c->nreviews, "onb-review", 8);

	if (c->today != ONB_SVG_NO_DAY && c->today >= a.first && c->today < a.last_excl) {
		char date[DATE_MAX];
		int tx = day_mid(&a, c->today);
		format_day(c, c->today, date, sizeof date);
		html_printf(o, "<line class=\"onb-today\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\">"
			       "<title>%s: %s</title></line>",
			    tx, bands_y - 4, tx, bottom + 4, COLOUR_TODAY, c->today_label ? c->today_label : "", date);
		html_printf(o, "<text class=\"onb-today-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" "
			       "fill=\"%s\">%s</text>",
			    tx, bottom + 16, COLOUR_TODAY, c->today_label ? c->today_label : date);
	}
	html_raw(o, "</svg>");
}
