/*
 * svg_chart.c — the grouped horizontal bar chart of svg_chart.h.
 *
 * Layout, top to bottom: the legend (wrapped into rows), one group of bars per
 * category (its label on the left, wrapped into up to three lines), the value
 * axis with "nice" ticks (1, 2 or 5 × 10^k). Sizes follow from the number of
 * categories and series and from the length of the labels; the width is
 * fixed (the page scales the SVG down with CSS). Every coordinate is a whole
 * number computed from finite values, so the markup never holds NaN or inf.
 */
#include "web/svg_chart.h"

#include <math.h>             /* isfinite only: the binary does not link libm */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "web/html.h"

#define CHART_WIDTH 640
#define PAD 8
#define CHAR_W 7                 /* average advance of a 12px glyph */
#define LINE_H 15                /* distance of wrapped label lines */
#define BAR_H 14
#define BAR_GAP 2
#define GROUP_GAP 14
#define SWATCH 12
#define LEGEND_ROW_H 20
#define LABEL_LINE_CHARS 26      /* wrap category labels after this many characters */
#define LABEL_MAX_LINES 3
#define LABEL_W_MIN 60
#define LABEL_W_MAX (LABEL_LINE_CHARS * CHAR_W + 12)
#define VALUE_W_MIN 40
#define VALUE_W_MAX 160
#define MAX_TICKS 10
#define EMPTY_HEIGHT 96

static const char *const palette[SVG_CHART_MAX_SERIES] = {
	"#0f766e", "#1d4ed8", "#b45309", "#7c3aed", "#475569", "#be123c",
};

/* Characters (UTF-8 code points) in s[0..len). */
static int text_chars(const char *s, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* A non-negative pixel distance rounded to whole pixels (no libm). */
static int round_px(double v)
{
	return isfinite(v) && v > 0 ? (int)(v + 0.5) : 0;
}

/* A value as the chart counts it: negative and non-finite values are 0. */
static double chart_value(double v)
{
	return isfinite(v) && v > 0 ? v : 0;
}

static size_t drawn_series(const struct svg_bar_chart *c)
{
	return c->nseries < SVG_CHART_MAX_SERIES ? c->nseries : SVG_CHART_MAX_SERIES;
}

/* The number v with c's decimals, decimal mark and unit into out. */
static void format_number(const struct svg_bar_chart *c, double v, char *out, size_t n)
{
	int decimals = clamp_int(c->decimals, 0, 3);
	char num[64];
	snprintf(num, sizeof num, "%.*f", decimals, chart_value(v));
	if (c->decimal_mark && c->decimal_mark != '.') {
		char *dot = strchr(num, '.');
		if (dot)
			*dot = c->decimal_mark;
	}
	snprintf(out, n, "%s%s", num, c->unit ? c->unit : "");
}

/* The text shown for value i of series s (points into c or into tmp). */
static const char *value_text(const struct svg_bar_chart *c, const struct svg_series *s, size_t i, char *tmp, size_t n)
{
	if (s->value_texts && s->value_texts[i])
		return s->value_texts[i];
	format_number(c, s->values ? s->values[i] : 0, tmp, n);
	return tmp;
}

/* One line of a wrapped label: a slice of the label. */
struct slice {
	const char *start;
	size_t len;
};

/* Splits label at spaces into at most LABEL_MAX_LINES lines of about
 * LABEL_LINE_CHARS characters; the last line takes whatever is left. */
static int wrap_label(const char *label, struct slice lines[LABEL_MAX_LINES])
{
	int n = 0;
	const char *p = label ? label : "";
	while (*p == ' ')
		p++;
	while (*p && n < LABEL_MAX_LINES) {
		const char *end = p, *brk = NULL;
		if (n == LABEL_MAX_LINES - 1) {
			end = p + strlen(p);
		} else {
			while (*end) {
				const char *word_end = strchr(end, ' ');
				if (!word_end)
					word_end = end + strlen(end);
				if (brk && text_chars(p, (size_t)(word_end - p)) > LABEL_LINE_CHARS)
					break;
				brk = word_end;
				end = *word_end ? word_end + 1 : word_end;
			}
			end = brk ? brk : p + strlen(p);
		}
		lines[n].start = p;
		lines[n].len = (size_t)(end - p);
		n++;
		p = end;
		while (*p == ' ')
			p++;
	}
	if (n == 0) {
		lines[0].start = p;
		lines[0].len = 0;
		n = 1;
	}
	return n;
}

/* Writes bytes [s, s+len) escaped. */
static void txt_slice(struct buf *o, const char *s, size_t len)
{
	struct buf t = BUF_INIT;
	buf_append(&t, s, len);
	html_txt(o, buf_cstr(&t));
	buf_free(&t);
}

/* A step of 1, 2 or 5 × 10^k not below raw (at least 1 for whole numbers). */
static double nice_step(double raw, bool whole)
{
	double p = 1;
	if (!(raw > 0) || !isfinite(raw))
		return 1;
	while (p * 10 <= raw && p < 1e300)
		p *= 10;
	while (p > raw && p > 1e-9)
		p /= 10;
	double step = p * 10;
	static const double mult[] = { 1, 2, 5, 10 };
	for (size_t i = 0; i < sizeof mult / sizeof mult[0]; i++)
		if (p * mult[i] >= raw) {
			step = p * mult[i];
			break;
		}
	if (whole && step < 1)
		step = 1;
	return step;
}

static void open_svg(struct buf *o, const struct svg_bar_chart *c, int height)
{
	const char *title = c->title ? c->title : "";
	html_printf(o, "<svg class=\"chart chart-bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
		       "height=\"%d\" role=\"img\" aria-label=\"%s\" font-size=\"12\"><title>%s</title>",
		    CHART_WIDTH, height, CHART_WIDTH, height, title, title);
	if (c->description && c->description[0])
		html_printf(o, "<desc>%s</desc>", c->description);
}

static void render_empty(struct buf *o, const struct svg_bar_chart *c)
{
	open_svg(o, c, EMPTY_HEIGHT);
	html_printf(o, "<text class=\"chart-empty\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></svg>",
		    CHART_WIDTH / 2, EMPTY_HEIGHT / 2 + 4, c->empty_text ? c->empty_text : (c->title ? c->title : ""));
}

/* Draws the legend from y = top; returns its height. */
static int render_legend(struct buf *o, const struct svg_bar_chart *c, size_t nseries, int top)
{
	int x = PAD, row = 0;
	for (size_t s = 0; s < nseries; s++) {
		const char *label = c->series[s].label ? c->series[s].label : "";
		int w = SWATCH + 6 + text_chars(label, strlen(label)) * CHAR_W + 16;
		if (x > PAD && x + w > CHART_WIDTH - PAD) {
			x = PAD;
			row++;
		}
		int y = top + row * LEGEND_ROW_H;
		html_printf(o, "<path d=\"M%d %dh%dv%dh-%dz\" fill=\"%s\"></path><text x=\"%d\" y=\"%d\">%s</text>", x, y,
			    SWATCH, SWATCH, SWATCH, palette[s], x + SWATCH + 6, y + SWATCH - 1, label);
		x += w;
	}
	return (row + 1) * LEGEND_ROW_H;
}

void svg_bar_chart_render(struct buf *o, const struct svg_bar_chart *c)
{
	size_t nseries = drawn_series(c), ncat = c->ncategories;
	double max = 0;
	char tmp[96];

	for (size_t s = 0; s < nseries; s++)
		for (size_t i = 0; c->series[s].values && i < ncat; i++)
			if (chart_value(c->series[s].values[i]) > max)
				max = chart_value(c->series[s].values[i]);
	if (ncat == 0 || nseries == 0 || !(max > 0) || !c->categories) {
		render_empty(o, c);
		return;
	}

	/* the value scale: 0 … nticks × step */
	bool whole = clamp_int(c->decimals, 0, 3) == 0;
	double step = nice_step(max / 4, whole);
	int nticks = 1;
	while (nticks <= MAX_TICKS && step * nticks < max)
		nticks++;
	if (nticks > MAX_TICKS) {
		step = max / 4;
		nticks = 4;
	}
	double axis_max = step * nticks;
	if (!(axis_max > 0) || !isfinite(axis_max)) {
		axis_max = max;
		nticks = 1;
		step = max;
	}

	/* widths of the label column and of the room for value texts */
	int label_chars = 0, label_lines = 1, value_chars = 0;
	for (size_t i = 0; i < ncat; i++) {
		struct slice lines[LABEL_MAX_LINES];
		int n = wrap_label(c->categories[i], lines);
		if (n > label_lines)
			label_lines = n;
		for (int l = 0; l < n; l++) {
			int w = text_chars(lines[l].start, lines[l].len);
			if (w > label_chars)
				label_chars = w;
		}
		for (size_t s = 0; s < nseries; s++) {
			const char *t = value_text(c, &c->series[s], i, tmp, sizeof tmp);
			int w = text_chars(t, strlen(t));
			if (w > value_chars)
				value_chars = w;
		}
	}
	format_number(c, axis_max, tmp, sizeof tmp);
	int label_w = clamp_int(label_chars * CHAR_W + 12, LABEL_W_MIN, LABEL_W_MAX);
	int value_w = clamp_int(value_chars * CHAR_W + 10, VALUE_W_MIN, VALUE_W_MAX);
	int tick_half = text_chars(tmp, strlen(tmp)) * CHAR_W / 2;
	if (value_w < tick_half)
		value_w = tick_half;
	int x0 = PAD + label_w;
	int plot_w = CHART_WIDTH - PAD - value_w - x0;

	int bars_h = (int)nseries * BAR_H + ((int)nseries - 1) * BAR_GAP;
	int group_h = bars_h > label_lines * LINE_H ? bars_h : label_lines * LINE_H;

	/* the height needs the legend's rows: draw it into a scratch buffer first */
	struct buf legend = BUF_INIT;
	int legend_h = render_legend(&legend, c, nseries, PAD);
	int plot_top = PAD + legend_h + 8;
	int plot_bottom = plot_top + (int)ncat * group_h + ((int)ncat - 1) * GROUP_GAP;
	int axis_y = plot_bottom + 6;
	int height = axis_y + 18 + PAD;

	open_svg(o, c, height);
	buf_append(o, legend.data, legend.len);
	buf_free(&legend);

	/* grid lines and tick labels */
	html_raw(o, "<g class=\"chart-axis\">");
	for (int t = 0; t <= nticks; t++) {
		int x = x0 + round_px((double)plot_w * t / nticks);
		format_number(c, step * t, tmp, sizeof tmp);
		html_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"></line>"
			       "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>",
			    x, plot_top - 4, x, axis_y, t == 0 ? "#768390" : "#dde4e8", x, axis_y + 14, tmp);
	}
	html_raw(o, "</g>");

	/* one group per category */
	for (size_t i = 0; i < ncat; i++) {
		int gy = plot_top + (int)i * (group_h + GROUP_GAP);
		struct slice lines[LABEL_MAX_LINES];
		int n = wrap_label(c->categories[i], lines);
		int first = gy + group_h / 2 - (n - 1) * LINE_H / 2 + 4;
		html_printf(o, "<g class=\"chart-group\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", x0 - 8, first);
		for (int l = 0; l < n; l++) {
			html_printf(o, "<tspan x=\"%d\" dy=\"%d\">", x0 - 8, l == 0 ? 0 : LINE_H);
			txt_slice(o, lines[l].start, lines[l].len);
			html_raw(o, "</tspan>");
		}
		html_raw(o, "</text>");
		int by = gy + (group_h - bars_h) / 2;
		for (size_t s = 0; s < nseries; s++) {
			const struct svg_series *se = &c->series[s];
			double v = chart_value(se->values ? se->values[i] : 0);
			const char *text = value_text(c, se, i, tmp, sizeof tmp);
			int y = by + (int)s * (BAR_H + BAR_GAP);
			int w = 0;
			if (v > 0) {
				w = round_px((double)plot_w * (v / axis_max));
				w = clamp_int(w, 1, plot_w);
				html_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
					    x0, y, w, BAR_H, palette[s], se->label ? se->label : "", text);
			}
			html_printf(o, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", x0 + w + 4, y + BAR_H - 3, text);
		}
		html_raw(o, "</g>");
	}
	html_raw(o, "</svg>");
}
