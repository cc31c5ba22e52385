/*
 * onboarding_svg.h — the progress view of a 90-day onboarding plan as
 * inline SVG drawn in C (R-ONB-5): one horizontal time axis over the plan's
 * days, the phases as coloured bands, every task as a mark on its due day
 * (done, late or open), the weekly check-ins and the reviews at day 30, 60
 * and 90 on their own lanes, and a vertical line for today.
 *
 * Generic over what it draws: the caller passes labels and day numbers
 * (core/calendar.h). Like web/gantt_svg.h the SVG is accessible
 * (role="img", aria-label, <title> and <desc>, a <title> on every mark),
 * escapes every text it is given, uses whole-pixel coordinates from
 * integer arithmetic only, never self-closes an element and defines no ids.
 */
#ifndef STELLWERK_WEB_ONBOARDING_SVG_H
#define STELLWERK_WEB_ONBOARDING_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* "No day": the today line is left out. */
#define ONB_SVG_NO_DAY INT32_MIN

enum onb_svg_state { ONB_SVG_OPEN, ONB_SVG_DONE, ONB_SVG_LATE };

/* A phase: the days first..last (inclusive). */
struct onb_svg_band {
	const char *label;
	int32_t first, last;
};

/* A task, a check-in or a review on one day. */
struct onb_svg_mark {
	const char *label;                  /* the <title> of the mark */
	int32_t day;
	enum onb_svg_state state;
};

/* Formats a day for the axis and titles into out (n bytes). */
typedef void (*onb_svg_day_fn)(int32_t day, char *out, size_t n);

struct onb_svg_chart {
	const char *title;                  /* <title> and aria-label; required */
	const char *description;            /* <desc>; may be NULL */
	int32_t first_day, last_day;        /* the axis, inclusive; widened to every mark */
	const struct onb_svg_band *bands;
	size_t nbands;
	const struct onb_svg_mark *tasks;
	size_t ntasks;
	const struct onb_svg_mark *checkins;
	size_t ncheckins;
	const struct onb_svg_mark *reviews;
	size_t nreviews;
	int32_t today;                      /* ONB_SVG_NO_DAY: no today line */
	/* lane and legend texts */
	const char *phases_label, *tasks_label, *checkins_label, *reviews_label;
	const char *done_label, *late_label, *open_label, *today_label;
	onb_svg_day_fn format_day;          /* NULL: ISO "YYYY-MM-DD" */
};

/* Appends the chart as one <svg class="chart chart-onboarding"> element.
 * Bands are <rect class="onb-band">; tasks are <circle class="onb-task
 * onb-done|onb-late|onb-open">; check-ins <path class="onb-checkin ...">;
 * reviews <path class="onb-review ...">; the today line is
 * <line class="onb-today">. */
void onboarding_svg_render(struct buf *out, const struct onb_svg_chart *c);

#endif
