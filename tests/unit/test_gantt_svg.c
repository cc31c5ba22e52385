/*
 * test_gantt_svg.c — the Gantt chart drawn in C (web/gantt_svg.h) that the
 * timeline of a position uses (R-TIME-1, R-TIME-2): one lane per row with
 * the planned best and worst bars and the actual bar (running ones drawn to
 * today), a today line, week ticks on Mondays with their dates, every text
 * escaped, whole-number coordinates, an accessible name, and an empty state.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "web/gantt_svg.h"

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void assert_balanced(const char *svg, const char *name)
{
	char open[32], close[32];
	snprintf(open, sizeof open, "<%s ", name);
	snprintf(close, sizeof close, "</%s>", name);
	size_t opens = count_of(svg, open);
	snprintf(open, sizeof open, "<%s>", name);
	opens += count_of(svg, open);
	assert_int_equal(opens, count_of(svg, close));
}

/* Every x=, y=, width=, height=, x1= … attribute holds a whole number. */
static void assert_integer_coordinates(const char *svg)
{
	static const char *const attrs[] = { " x=\"", " y=\"", " width=\"", " height=\"", " x1=\"", " x2=\"", " y1=\"", " y2=\"" };
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		for (const char *p = strstr(svg, attrs[i]); p; p = strstr(p + 1, attrs[i])) {
			const char *v = p + strlen(attrs[i]);
			if (*v == '-')
				v++;
			assert_true(*v >= '0' && *v <= '9');
			while (*v >= '0' && *v <= '9')
				v++;
			assert_int_equal(*v, '"');
		}
	assert_null(strstr(svg, "nan"));
	assert_null(strstr(svg, "inf"));
	assert_null(strstr(svg, "/>"));
}

static int32_t day(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

static void test_four_phases_with_today(void **state)
{
	(void)state;
	/* R-TIME-1/R-TIME-2: four phases planned, two of them started */
	struct gantt_row rows[4] = {
		{ "Ausschreibung und erste Suche", { day(2026, 12, 21), day(2026, 12, 30) }, { day(2026, 12, 21), day(2027, 1, 13) },
		  { day(2026, 12, 21), day(2027, 1, 4) } },
		{ "Suche und Vorqualifikation", { day(2026, 12, 31), day(2027, 1, 14) }, { day(2027, 1, 14), day(2027, 2, 10) },
		  { day(2027, 1, 5), GANTT_NO_DAY } },
		{ "Interviews und Auswahl", { day(2027, 1, 15), day(2027, 1, 28) }, { day(2027, 2, 11), day(2027, 3, 3) },
		  { GANTT_NO_DAY, GANTT_NO_DAY } },
		{ "Vertragsverhandlung", { day(2027, 1, 29), day(2027, 2, 4) }, { day(2027, 3, 4), day(2027, 3, 17) },
		  { GANTT_NO_DAY, GANTT_NO_DAY } },
	};
	struct gantt_chart c = { .title = "Zeitplan", .description = "Plan und Ist", .rows = rows, .nrows = 4,
				 .today = day(2027, 1, 20), .best_label = "Best", .worst_label = "Worst",
				 .actual_label = "Actual", .today_label = "Today" };
	struct buf b = BUF_INIT;
	gantt_svg_render(&b, &c);
	const char *svg = buf_cstr(&b);

	assert_true(strncmp(svg, "<svg", 4) == 0);
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "aria-label=\"Zeitplan\""));
	assert_non_null(strstr(svg, "<title>Zeitplan</title>"));
	assert_non_null(strstr(svg, "<desc>Plan und Ist</desc>"));
	assert_int_equal(count_of(svg, "class=\"gantt-row\""), 4);
	assert_int_equal(count_of(svg, "class=\"gantt-best\""), 4);
	assert_int_equal(count_of(svg, "class=\"gantt-worst\""), 4);
	assert_int_equal(count_of(svg, "class=\"gantt-actual\""), 1);
	assert_int_equal(count_of(svg, "class=\"gantt-actual gantt-running\""), 1);
	assert_int_equal(count_of(svg, "<rect"), 10);       /* bars only: legend swatches are paths */
	assert_int_equal(count_of(svg, "class=\"gantt-today\""), 1);
	assert_non_null(strstr(svg, "Today: 2027-01-20"));
	/* the axis starts on the Monday on or before the first day: 2026-12-21 is one */
	assert_non_null(strstr(svg, ">2026-12-21</text>"));
	/* bar titles name their dates; a running bar has an open end */
	assert_non_null(strstr(svg, "Vertragsverhandlung · Best: 2027-01-29 – 2027-02-04"));
	assert_non_null(strstr(svg, "Suche und Vorqualifikation · Actual: 2027-01-05 – …"));
	assert_integer_coordinates(svg);
	assert_balanced(svg, "svg");
	assert_balanced(svg, "text");
	assert_balanced(svg, "rect");
	assert_balanced(svg, "line");
	buf_free(&b);
}

/* The running bar ends at today; the today line sits between the bars. */
static void test_running_bar_reaches_today(void **state)
{
	(void)state;
	struct gantt_row rows[1] = { { "Phase", { day(2027, 1, 4), day(2027, 1, 8) }, { GANTT_NO_DAY, 0 },
				       { day(2027, 1, 4), GANTT_NO_DAY } } };
	struct gantt_chart c = { .title = "t", .rows = rows, .nrows = 1, .today = day(2027, 1, 6), .today_label = "Heute" };
	struct buf b = BUF_INIT;
	gantt_svg_render(&b, &c);
	const char *svg = buf_cstr(&b);
	/* best: Mon–Fri (5 days); actual Mon–Wed (3 days): widths in ratio 5:3 */
	const char *best = strstr(svg, "class=\"gantt-best\"");
	const char *act = strstr(svg, "class=\"gantt-actual gantt-running\"");
	assert_non_null(best);
	assert_non_null(act);
	int bw = atoi(strstr(best, "width=\"") + 7), aw = atoi(strstr(act, "width=\"") + 7);
	assert_true(bw > aw);
	assert_true(abs(bw * 3 - aw * 5) <= 8);
	int bx = atoi(strstr(best, " x=\"") + 4);
	int tx = atoi(strstr(svg, "class=\"gantt-today\" x1=\"") + 24);
	assert_true(tx > bx && tx < bx + bw);
	assert_null(strstr(svg, "gantt-worst"));
	buf_free(&b);
}

static void test_text_escaped(void **state)
{
	(void)state;
	struct gantt_row rows[1] = { { "<script>&\"x\"", { day(2027, 1, 4), day(2027, 1, 8) }, { GANTT_NO_DAY, 0 },
				       { GANTT_NO_DAY, 0 } } };
	struct gantt_chart c = { .title = "A & <B>", .description = "\"q\"", .rows = rows, .nrows = 1,
				 .today = GANTT_NO_DAY, .best_label = "<b>" };
	struct buf b = BUF_INIT;
	gantt_svg_render(&b, &c);
	const char *svg = buf_cstr(&b);
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "<b>"));
	assert_non_null(strstr(svg, "A &amp; &lt;B&gt;"));
	assert_non_null(strstr(svg, "&lt;script&gt;&amp;&quot;x&quot;"));
	assert_null(strstr(svg, "gantt-today"));
	assert_integer_coordinates(svg);
	buf_free(&b);
}

/* Long spans thin the ticks out; they stay on Mondays. */
static void test_ticks_thin_out(void **state)
{
	(void)state;
	struct gantt_row rows[1] = { { "Lang", { day(2026, 1, 5), day(2027, 12, 31) }, { GANTT_NO_DAY, 0 },
				       { GANTT_NO_DAY, 0 } } };
	struct gantt_chart c = { .title = "t", .rows = rows, .nrows = 1, .today = GANTT_NO_DAY };
	struct buf b = BUF_INIT;
	gantt_svg_render(&b, &c);
	const char *svg = buf_cstr(&b);
	size_t ticks = count_of(svg, "class=\"gantt-tick\"");
	assert_true(ticks >= 3 && ticks <= 10);
	for (const char *p = strstr(svg, "font-size=\"11\">"); p; p = strstr(p + 1, "font-size=\"11\">")) {
		int32_t d;
		char iso[CALENDAR_ISO_LEN];
		memcpy(iso, p + 15, 10);
		iso[10] = '\0';
		assert_true(calendar_parse_iso(iso, &d));
		assert_int_equal(calendar_weekday(d), 1);
	}
	buf_free(&b);
}

static void test_empty(void **state)
{
	(void)state;
	struct gantt_row rows[1] = { { "Nichts", { GANTT_NO_DAY, 0 }, { GANTT_NO_DAY, 0 }, { GANTT_NO_DAY, 0 } } };
	struct gantt_chart c = { .title = "t", .rows = rows, .nrows = 1, .today = day(2027, 1, 1),
				 .empty_text = "Kein Startdatum" };
	struct buf b = BUF_INIT;
	gantt_svg_render(&b, &c);
	const char *svg = buf_cstr(&b);
	assert_non_null(strstr(svg, ">Kein Startdatum</text>"));
	assert_null(strstr(svg, "<rect"));
	assert_null(strstr(svg, "gantt-row"));
	buf_free(&b);
	c.nrows = 0;
	gantt_svg_render(&b, &c);
	assert_non_null(strstr(buf_cstr(&b), "Kein Startdatum"));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_four_phases_with_today),
		cmocka_unit_test(test_running_bar_reaches_today),
		cmocka_unit_test(test_text_escaped),
		cmocka_unit_test(test_ticks_thin_out),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
