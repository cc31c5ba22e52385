/*
 * svg_chart.h — charts drawn as inline SVG in C (STYLE: "Charts are SVG
 * generated in C"). One chart kind so far: a grouped horizontal bar chart
 * (categories × series) with category labels, a value axis with ticks, a
 * legend and every value written as text next to its bar, so the chart reads
 * without colour and without hovering.
 *
 * The SVG is accessible (role="img", aria-label from the title, <title> and
 * <desc>), escapes every text it is given, uses whole-pixel coordinates only
 * (no NaN or inf can reach the markup: negative and non-finite values count
 * as 0) and never self-closes an element, so it embeds into the HTML pages.
 * It defines no ids, so a page may hold several charts.
 */
#ifndef STELLWERK_WEB_SVG_CHART_H
#define STELLWERK_WEB_SVG_CHART_H

#include <stddef.h>

#include "util/buf.h"

#define SVG_CHART_MAX_SERIES 6          /* the palette has this many colours */

/* One series: a label for the legend and one value per category. */
struct svg_series {
	const char *label;
	const double *values;               /* ncategories values */
	/* Optional text shown for each value instead of the formatted number
	 * (e.g. "50 %"); NULL entries or a NULL array use the number. */
	const char *const *value_texts;
};

struct svg_bar_chart {
	const char *title;                  /* <title> and aria-label; required */
	const char *description;            /* <desc>; may be NULL */
	const char *const *categories;      /* labels of the groups, top to bottom */
	size_t ncategories;
	const struct svg_series *series;    /* at most SVG_CHART_MAX_SERIES are drawn */
	size_t nseries;
	const char *unit;                   /* suffix of values and ticks, e.g. " €"; may be NULL */
	int decimals;                       /* digits after the decimal mark, 0–3 */
	char decimal_mark;                  /* '.' or ','; 0 means '.' */
	const char *empty_text;             /* shown when every value is 0; may be NULL */
};

/* Appends the chart as one <svg> element to out. With no categories, no
 * series or only zero values it draws an empty-state chart: the title and
 * empty_text, no bars and no axis. One <rect> is drawn per non-zero value
 * and no other <rect> (legend swatches are paths). */
void svg_bar_chart_render(struct buf *out, const struct svg_bar_chart *c);

#endif
