/*
 * test_svg_chart.c — the grouped horizontal bar chart drawn in C
 * (web/svg_chart.h), which the channel report uses for R-CHAN-4: one bar per
 * non-zero value, every label escaped, no NaN or inf in the markup, an
 * accessible name, and an empty-state chart for zero data without a
 * division by zero.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "web/svg_chart.h"

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Fails when the markup holds a non-number where numbers go. */
static void assert_no_float_garbage(const char *svg)
{
	assert_null(strstr(svg, "nan"));
	assert_null(strstr(svg, "NAN"));
	assert_null(strstr(svg, "inf"));
	assert_null(strstr(svg, "INF"));
	assert_null(strstr(svg, "-nan"));
	assert_null(strstr(svg, "/>"));       /* embedded in HTML: no self-closed elements */
}

/* Every opening tag of name has its closing tag. */
static void assert_balanced(const char *svg, const char *name)
{
	char open[32], close[32];
	snprintf(open, sizeof open, "<%s", name);
	snprintf(close, sizeof close, "</%s>", name);
	/* "<text" also counts "<textPath" — not used, so the counts must match */
	assert_int_equal(count_of(svg, open), count_of(svg, close));
}

static void test_one_rect_per_nonzero_value(void **state)
{
	(void)state;
	/* R-CHAN-4: channels × (candidates, interviews, hires) */
	const char *cats[] = { "LinkedIn and professional networks", "Referrals", "Job portals" };
	const double cand[] = { 5, 2, 0 };
	const double intv[] = { 3, 0, 0 };
	const double hire[] = { 1, 1, 0 };
	const struct svg_series series[] = {
		{ "Candidates", cand, NULL }, { "First interview", intv, NULL }, { "Hires", hire, NULL },
	};
	struct svg_bar_chart c = { .title = "Channels", .description = "Candidates per channel", .categories = cats,
				   .ncategories = 3, .series = series, .nseries = 3 };
	struct buf b = BUF_INIT;
	svg_bar_chart_render(&b, &c);
	const char *svg = buf_cstr(&b);

	assert_true(strncmp(svg, "<svg", 4) == 0);
	assert_int_equal(count_of(svg, "<rect"), 5);            /* 5 + 3 + 1 + 2 + 1: five non-zero values */
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "aria-label=\"Channels\""));
	assert_non_null(strstr(svg, "<title>Channels</title>"));
	assert_non_null(strstr(svg, "<desc>Candidates per channel</desc>"));
	/* the legend names every series, the groups every category (wrapped) */
	assert_non_null(strstr(svg, ">First interview</text>"));
	assert_non_null(strstr(svg, ">Referrals</tspan>"));
	assert_non_null(strstr(svg, ">LinkedIn and professional</tspan>"));
	assert_non_null(strstr(svg, ">networks</tspan>"));
	/* values as text, zeros included */
	assert_non_null(strstr(svg, ">5</text>"));
	assert_non_null(strstr(svg, ">0</text>"));
	assert_no_float_garbage(svg);
	assert_balanced(svg, "svg");
	assert_balanced(svg, "text");
	assert_balanced(svg, "rect");
	assert_balanced(svg, "g");
	buf_free(&b);
}

static void test_bars_scale_to_the_largest_value(void **state)
{
	(void)state;
	const char *cats[] = { "A", "B" };
	const double v[] = { 10, 5 };
	const struct svg_series series[] = { { "n", v, NULL } };
	struct svg_bar_chart c = { .title = "t", .categories = cats, .ncategories = 2, .series = series, .nseries = 1 };
	struct buf b = BUF_INIT;
	svg_bar_chart_render(&b, &c);
	const char *svg = buf_cstr(&b);
	/* widths: the first bar twice the second (±1 px of rounding) */
	const char *r1 = strstr(svg, "<rect");
	assert_non_null(r1);
	const char *r2 = strstr(r1 + 1, "<rect");
	assert_non_null(r2);
	int w1 = 0, w2 = 0;
	assert_int_equal(sscanf(strstr(r1, "width=\""), "width=\"%d\"", &w1), 1);
	assert_int_equal(sscanf(strstr(r2, "width=\""), "width=\"%d\"", &w2), 1);
	assert_true(w1 > 0 && w2 > 0);
	assert_true(w1 - 2 * w2 <= 1 && 2 * w2 - w1 <= 1);
	/* the axis ends at a nice number at or above 10 */
	assert_non_null(strstr(svg, ">10</text>"));
	buf_free(&b);
}

static void test_labels_are_escaped(void **state)
{
	(void)state;
	/* R-X-6: text from users never becomes markup */
	const char *cats[] = { "<script>alert(1)</script> & co" };
	const double v[] = { 3 };
	const char *texts[] = { "3 <b>" };
	const struct svg_series series[] = { { "A&B <i>", v, texts } };
	struct svg_bar_chart c = { .title = "\"Title\" <&>", .description = "<desc>", .categories = cats,
				   .ncategories = 1, .series = series, .nseries = 1, .unit = "<u>" };
	struct buf b = BUF_INIT;
	svg_bar_chart_render(&b, &c);
	const char *svg = buf_cstr(&b);
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "<b>"));
	assert_null(strstr(svg, "<i>"));
	assert_null(strstr(svg, "<u>"));
	assert_null(strstr(svg, "<desc><desc>"));
	assert_non_null(strstr(svg, "&lt;script&gt;alert(1)&lt;/script&gt;"));   /* the label, wrapped */
	assert_non_null(strstr(svg, "&amp;"));
	assert_non_null(strstr(svg, "A&amp;B &lt;i&gt;"));
	assert_non_null(strstr(svg, "aria-label=\"&quot;Title&quot; &lt;&amp;&gt;\""));
	assert_non_null(strstr(svg, ">3 &lt;b&gt;</text>"));
	assert_non_null(strstr(svg, "&lt;u&gt;"));               /* the unit on the axis */
	assert_int_equal(count_of(svg, "<rect"), 1);
	assert_no_float_garbage(svg);
	buf_free(&b);
}

static void test_zero_data_draws_an_empty_state(void **state)
{
	(void)state;
	const char *cats[] = { "LinkedIn", "Referrals" };
	const double zero[] = { 0, 0 };
	const struct svg_series series[] = { { "Candidates", zero, NULL }, { "Hires", zero, NULL } };
	struct svg_bar_chart c = { .title = "Channels", .categories = cats, .ncategories = 2, .series = series,
				   .nseries = 2, .empty_text = "No candidates yet" };
	struct buf b = BUF_INIT;
	svg_bar_chart_render(&b, &c);
	const char *svg = buf_cstr(&b);
	assert_int_equal(count_of(svg, "<rect"), 0);
	assert_non_null(strstr(svg, ">No candidates yet</text>"));
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "<title>Channels</title>"));
	assert_no_float_garbage(svg);
	assert_balanced(svg, "svg");

	/* no categories and no series at all: the same, and no crash */
	struct svg_bar_chart none = { .title = "Nothing" };
	buf_reset(&b);
	svg_bar_chart_render(&b, &none);
	svg = buf_cstr(&b);
	assert_int_equal(count_of(svg, "<rect"), 0);
	assert_non_null(strstr(svg, "<title>Nothing</title>"));
	assert_no_float_garbage(svg);
	buf_free(&b);
}

static void test_non_finite_and_negative_values_count_as_zero(void **state)
{
	(void)state;
	const char *cats[] = { "a", "b", "c", "d" };
	const double v[] = { NAN, INFINITY, -4, 0.25 };
	const struct svg_series series[] = { { "s", v, NULL } };
	struct svg_bar_chart c = { .title = "t", .categories = cats, .ncategories = 4, .series = series, .nseries = 1,
				   .decimals = 2, .decimal_mark = ',', .unit = " %" };
	struct buf b = BUF_INIT;
	svg_bar_chart_render(&b, &c);
	const char *svg = buf_cstr(&b);
	assert_int_equal(count_of(svg, "<rect"), 1);              /* only 0.25 */
	assert_non_null(strstr(svg, ">0,25 %</text>"));           /* decimal mark and unit */
	assert_non_null(strstr(svg, ">0,00 %</text>"));
	assert_no_float_garbage(svg);

	/* only NaN: an empty state, no division by zero */
	const double nan_only[] = { NAN };
	const struct svg_series s2[] = { { "s", nan_only, NULL } };
	struct svg_bar_chart c2 = { .title = "t", .categories = cats, .ncategories = 1, .series = s2, .nseries = 1 };
	buf_reset(&b);
	svg_bar_chart_render(&b, &c2);
	assert_int_equal(count_of(buf_cstr(&b), "<rect"), 0);
	assert_no_float_garbage(buf_cstr(&b));
	buf_free(&b);
}

static void test_many_series_and_tiny_or_huge_values(void **state)
{
	(void)state;
	const char *cats[] = { "x" };
	const double tiny[] = { 1e-300 }, huge[] = { 1e300 }, one[] = { 1 };
	/* more series than colours: the rest are left out, never read out of bounds */
	struct svg_series many[SVG_CHART_MAX_SERIES + 2];
	for (size_t i = 0; i < SVG_CHART_MAX_SERIES + 2; i++)
		many[i] = (struct svg_series){ "s", one, NULL };
	struct svg_bar_chart c = { .title = "t", .categories = cats, .ncategories = 1, .series = many,
				   .nseries = SVG_CHART_MAX_SERIES + 2 };
	struct buf b = BUF_INIT;
	svg_bar_chart_render(&b, &c);
	assert_int_equal(count_of(buf_cstr(&b), "<rect"), SVG_CHART_MAX_SERIES);
	assert_no_float_garbage(buf_cstr(&b));

	const struct svg_series extremes[] = { { "tiny", tiny, NULL }, { "huge", huge, NULL } };
	struct svg_bar_chart e = { .title = "t", .categories = cats, .ncategories = 1, .series = extremes, .nseries = 2 };
	buf_reset(&b);
	svg_bar_chart_render(&b, &e);
	assert_int_equal(count_of(buf_cstr(&b), "<rect"), 2);     /* a non-zero value keeps at least 1 px */
	assert_no_float_garbage(buf_cstr(&b));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_rect_per_nonzero_value),
		cmocka_unit_test(test_bars_scale_to_the_largest_value),
		cmocka_unit_test(test_labels_are_escaped),
		cmocka_unit_test(test_zero_data_draws_an_empty_state),
		cmocka_unit_test(test_non_finite_and_negative_values_count_as_zero),
		cmocka_unit_test(test_many_series_and_tiny_or_huge_values),
	};
	return cmocka_run_group_tests_name("svg_chart", tests, NULL, NULL);
}
