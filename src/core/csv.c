/*
 * The CSV reader and writer of the candidate import and export (R-CAND-4),
 * following RFC 4180 with the liberties real files need: a UTF-8 BOM, ';' as
 * produced by German spreadsheet programs, LF or lone CR instead of CRLF, and
 * blank lines.
 *
 * The reader is one pass over the buffer. Every record is parsed completely
 * even when it is broken, so one bad row costs that row only and the next
 * record starts in the right place; only an unterminated quote swallows the
 * rest of the file, because that is what it means. Cell text of the accepted
 * rows goes into one buffer (NUL-separated) and the cell pointers are made at
 * the end, which keeps a 100,000-row import to a handful of allocations.
 */
#include "core/csv.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n_mark.h"
#include "util/buf.h"
#include "util/xalloc.h"

/* Translates msgid through the caller's callback (identity without one).
 * format_arg lets the compiler check the msgid against the arguments. */
static const char *tr(const struct csv_options *opt, const char *msgid) __attribute__((format_arg(2)));

static const char *tr(const struct csv_options *opt, const char *msgid)
{
	const char *s;

	if (opt == NULL || opt->translate == NULL)
		return msgid;
	s = opt->translate(msgid);
	return s != NULL ? s : msgid;
}

/* A growable array of size_t (cell offsets into the text buffer). */
struct offsets {
	size_t *v;
	size_t n, cap;
};

static void offsets_push(struct offsets *o, size_t x)
{
	*(size_t *)xgrow(&o->v, &o->n, &o->cap, sizeof *o->v) = x;
}

struct parser {
	const unsigned char *p;
	size_t len;
	size_t pos;
	const struct csv_options *opt;
	char delim;
	int line;                 /* physical line of pos, 1-based */
	size_t line_start;        /* offset of the first byte of that line */

	struct buf text;          /* cell text of accepted rows, NUL-separated */
	struct offsets cells;     /* offsets of the accepted cells */
	int *lines;               /* starting line of each accepted row */
	size_t rows, lines_cap;
	size_t cols;

	struct offsets rec;       /* offsets of the current record's fields */
	bool rec_bad;             /* current record has an error: drop it */
	bool rec_reported_utf8;   /* one encoding error per record is enough */
	bool rec_reported_nul;

	struct csv_error *errors;
	size_t max_errors, nerrors, errors_total;
};

/* Column in characters (1-based) of byte offset pos on the current line. */
static int column_at(const struct parser *ps, size_t pos)
{
	int col = 1;
	size_t i;

	for (i = ps->line_start; i < pos && i < ps->len; i++)
		if ((ps->p[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static void add_error(struct parser *ps, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Records a problem; the current record is dropped. */
static void add_error(struct parser *ps, int line, int column, const char *fmt, ...)
{
	va_list ap;
	struct csv_error *e;

	ps->rec_bad = true;
	ps->errors_total++;
	if (ps->nerrors >= ps->max_errors)
		return;
	e = &ps->errors[ps->nerrors++];
	e->line = line;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
}

/* Length of the well-formed UTF-8 sequence at s (at most n bytes available),
 * or 0 when it is malformed: overlong forms, surrogates and code points above
 * U+10FFFF count as malformed. */
static size_t utf8_sequence_len(const unsigned char *s, size_t n)
{
	size_t need, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return need;
}

/* Consumes one character of field content at pos: copies it, or reports a
 * NUL byte or malformed UTF-8 (once per record each) and skips the byte. */
static void consume_char(struct parser *ps)
{
	const unsigned char *s = ps->p + ps->pos;
	size_t n;

	if (*s == 0) {
		if (!ps->rec_reported_nul)
			add_error(ps, ps->line, column_at(ps, ps->pos),
				  tr(ps->opt, N_("The file contains a NUL byte; is it really a CSV text file?")));
		ps->rec_reported_nul = true;
		ps->pos++;
		return;
	}
	n = utf8_sequence_len(s, ps->len - ps->pos);
	if (n == 0) {
		if (!ps->rec_reported_utf8)
			add_error(ps, ps->line, column_at(ps, ps->pos),
				  tr(ps->opt, N_("Invalid UTF-8; please save the file with the encoding UTF-8.")));
		ps->rec_reported_utf8 = true;
		buf_putc(&ps->text, '?');
		ps->pos++;
		return;
	}
	buf_append(&ps->text, s, n);
	ps->pos += n;
}

/* If pos is at a line break (CRLF, LF or a lone CR), consumes it, appending
 * it to the cell text when keep is set, and returns true. */
static bool consume_line_break(struct parser *ps, bool keep)
{
	size_t n;

	if (ps->pos >= ps->len)
		return false;
	if (ps->p[ps->pos] == '\n')
		n = 1;
	else if (ps->p[ps->pos] == '\r')
		n = (ps->pos + 1 < ps->len && ps->p[ps->pos + 1] == '\n') ? 2 : 1;
	else
		return false;
	if (keep)
		buf_append(&ps->text, ps->p + ps->pos, n);
	ps->pos += n;
	ps->line++;
	ps->line_start = ps->pos;
	return true;
}

static bool at_field_end(const struct parser *ps)
{
	unsigned char c;

	if (ps->pos >= ps->len)
		return true;
	c = ps->p[ps->pos];
	return c == (unsigned char)ps->delim || c == '\r' || c == '\n';
}

/* Parses one field at pos into the text buffer. Returns true when a
 * delimiter follows (the record goes on), false at the end of the record. */
static bool parse_field(struct parser *ps)
{
	offsets_push(&ps->rec, ps->text.len);
	if (ps->pos < ps->len && ps->p[ps->pos] == '"') {
		int open_line = ps->line;
		int open_col = column_at(ps, ps->pos);

		ps->pos++;
		for (;;) {
			if (ps->pos >= ps->len) {
				add_error(ps, open_line, open_col,
					  tr(ps->opt, N_("The quoted field starting here is never closed.")));
				buf_putc(&ps->text, '\0');
				return false;
			}
			if (ps->p[ps->pos] == '"') {
				if (ps->pos + 1 < ps->len && ps->p[ps->pos + 1] == '"') {
					buf_putc(&ps->text, '"');
					ps->pos += 2;
					continue;
				}
				ps->pos++;
				break;
			}
			if (!consume_line_break(ps, true))
				consume_char(ps);
		}
		if (!at_field_end(ps))
			add_error(ps, ps->line, column_at(ps, ps->pos),
				  tr(ps->opt, N_("Text after the closing quote; a quote inside a field must be doubled (\"\").")));
	}
	/* Unquoted text, or the rest of a broken quoted field (for recovery). */
	while (!at_field_end(ps))
		consume_char(ps);
	buf_putc(&ps->text, '\0');
	if (ps->pos < ps->len && ps->p[ps->pos] == (unsigned char)ps->delim) {
		ps->pos++;
		return true;
	}
	consume_line_break(ps, false);
	return false;
}

/* Keeps the finished record (the header defines the width) or drops it,
 * reporting a record with a different number of fields. */
static void finish_record(struct parser *ps, int start_line, size_t text_start)
{
	size_t i;

	if (ps->rows == 0) {
		ps->cols = ps->rec.n;  /* the header is kept even when broken */
	} else if (!ps->rec_bad && ps->rec.n != ps->cols) {
		add_error(ps, start_line, 1, tr(ps->opt, N_("This row has %zu fields, the header has %zu.")), ps->rec.n,
			  ps->cols);
	}
	if (ps->rows > 0 && ps->rec_bad) {
		ps->text.len = text_start;
		return;
	}
	for (i = 0; i < ps->rec.n; i++)
		offsets_push(&ps->cells, ps->rec.v[i]);
	*(int *)xgrow(&ps->lines, &ps->rows, &ps->lines_cap, sizeof *ps->lines) = start_line;
}

/* The more frequent of ',' and ';' outside quotes on the header line. */
static char detect_delimiter(const unsigned char *p, size_t len)
{
	size_t i, commas = 0, semicolons = 0;
	bool quoted = false;

	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && (p[i] == '\n' || p[i] == '\r'))
			break;
		else if (!quoted && p[i] == ',')
			commas++;
		else if (!quoted && p[i] == ';')
			semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

bool csv_parse(const char *data, size_t len, const struct csv_options *opt, struct csv_table *out,
	       struct csv_error *errors, size_t max_errors, size_t *nerrors)
{
	struct parser ps;
	size_t i;

	memset(&ps, 0, sizeof ps);
	memset(out, 0, sizeof *out);
	ps.p = (const unsigned char *)data;
	ps.len = data != NULL ? len : 0;
	ps.opt = opt;
	ps.line = 1;
	ps.errors = errors;
	ps.max_errors = errors != NULL ? max_errors : 0;
	buf_init(&ps.text);

	if (ps.len >= 3 && ps.p[0] == 0xEF && ps.p[1] == 0xBB && ps.p[2] == 0xBF)
		ps.pos = ps.line_start = 3;
	if (opt != NULL && (opt->delimiter == ',' || opt->delimiter == ';'))
		ps.delim = opt->delimiter;
	else
		ps.delim = detect_delimiter(ps.p + ps.pos, ps.len - ps.pos);

	while (ps.pos < ps.len) {
		int start_line;
		size_t text_start;

		if (consume_line_break(&ps, false))
			continue;  /* blank line */
		start_line = ps.line;
		text_start = ps.text.len;
		ps.rec.n = 0;
		ps.rec_bad = ps.rec_reported_utf8 = ps.rec_reported_nul = false;
		while (parse_field(&ps))
			;
		finish_record(&ps, start_line, text_start);
	}
	if (ps.rows == 0)
		add_error(&ps, 1, 1, "%s", tr(opt, N_("The file is empty.")));

	out->rows = ps.rows;
	out->cols = ps.cols;
	out->delimiter = ps.delim;
	out->row_line = ps.lines;
	out->errors_total = ps.errors_total;
	out->text_ = buf_detach(&ps.text);
	out->cells = xmalloc((ps.cells.n ? ps.cells.n : 1) * sizeof *out->cells);
	for (i = 0; i < ps.cells.n; i++)
		out->cells[i] = out->text_ + ps.cells.v[i];
	free(ps.cells.v);
	free(ps.rec.v);
	if (nerrors != NULL)
		*nerrors = ps.nerrors;
	return ps.errors_total == 0;
}

const char *csv_cell(const struct csv_table *t, size_t row, size_t col)
{
	if (t == NULL || row >= t->rows || col >= t->cols)
		return "";
	return t->cells[row * t->cols + col];
}

void csv_table_free(struct csv_table *t)
{
	if (t == NULL)
		return;
	free(t->cells);
	free(t->row_line);
	free(t->text_);
	memset(t, 0, sizeof *t);
}

static bool field_needs_quotes(const char *f, char delimiter)
{
	size_t n = strlen(f);

	if (n > 0 && (f[0] == ' ' || f[0] == '\t' || f[n - 1] == ' ' || f[n - 1] == '\t'))
		return true;
	return strpbrk(f, "\"\r\n") != NULL || strchr(f, delimiter) != NULL;
}

void csv_write_row(struct buf *out, const char *const *fields, size_t n, char delimiter)
{
	size_t i;
	const char *s;

	for (i = 0; i < n; i++) {
		const char *f = fields[i] != NULL ? fields[i] : "";

		if (i > 0)
			buf_putc(out, delimiter);
		if ((n == 1 && f[0] == '\0') || field_needs_quotes(f, delimiter)) {
			buf_putc(out, '"');
			for (s = f; *s != '\0'; s++) {
				if (*s == '"')
					buf_putc(out, '"');
				buf_putc(out, *s);
			}
			buf_putc(out, '"');
		} else {
			buf_puts(out, f);
		}
	}
	buf_puts(out, "\r\n");
}
