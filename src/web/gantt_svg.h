/*
 * gantt_svg.h — a Gantt chart drawn as inline SVG in C (STYLE: "Charts are
 * SVG generated in C"), used by the timeline of a position (R-TIME-1,
 * R-TIME-2) but generic: rows with a label, each with a planned best range
 * (a solid bar), a planned worst range (a lighter bar around it, so the
 * part beyond the best case reads as the possible extension), and an
 * actual range (a thinner bar below; open while running, then drawn up to
 * today). A vertical line marks today, week ticks (Mondays) carry dates.
 *
 * Days are day numbers (core/calendar.h); a range is inclusive and drawn
 * from the start of its first day to the end of its last. The SVG is
 * accessible (role="img", aria-label from the title, <title> and <desc>,
 * a <title> on every bar naming its dates), escapes every text it is given,
 * uses whole-pixel coordinates from integer arithmetic only (no libm, no
 * NaN or inf), never self-closes an element and defines no ids, so it
 * embeds into HTML pages and a page may hold several charts.
 */
#ifndef STELLWERK_WEB_GANTT_SVG_H
#define STELLWERK_WEB_GANTT_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* "No day": a range whose start is GANTT_NO_DAY is not drawn; an actual
 * range whose end is GANTT_NO_DAY is still running. */
#define GANTT_NO_DAY INT32_MIN
/* Rows drawn at most; more are left out. */
#define GANTT_MAX_ROWS 32

struct gantt_range {
	int32_t start;                      /* first day; GANTT_NO_DAY: none */
	int32_t end;                        /* last day, inclusive */
};

struct gantt_row {
	const char *label;
	struct gantt_range best;            /* planned, best case */
	struct gantt_range worst;           /* planned, worst case */
	struct gantt_range actual;          /* what happened; end GANTT_NO_DAY while running */
};

/* Formats a day for tick labels and bar titles into out (n bytes). */
typedef void (*gantt_day_format_fn)(int32_t day, char *out, size_t n);

struct gantt_chart {
	const char *title;                  /* <title> and aria-label; required */
	const char *description;            /* <desc>; may be NULL */
	const struct gantt_row *rows;
	size_t nrows;
	int32_t today;                      /* GANTT_NO_DAY: no today line */
	/* legend texts; NULL leaves the entry out */
	const char *best_label;             /* e.g. "Plan, best case" */
	const char *worst_label;            /* e.g. "Plan, worst case" */
	const char *actual_label;           /* e.g. "Actual" */
	const char *today_label;            /* e.g. "Today" */
	const char *empty_text;             /* shown when no row has a range; may be NULL */
	gantt_day_format_fn format_day;     /* NULL: ISO "YYYY-MM-DD" */
};

/* Appends the chart as one <svg class="chart chart-gantt"> element to out.
 * Each drawn row is a <g class="gantt-row">; bars are <rect> elements with
 * class gantt-best, gantt-worst or gantt-actual (gantt-running while open);
 * the today line is a <line class="gantt-today">; week ticks are
 * <line class="gantt-tick"> with a <text> date. With no drawable range it
 * draws an empty-state chart with empty_text and no rows. */
void gantt_svg_render(struct buf *out, const struct gantt_chart *c);

#endif
