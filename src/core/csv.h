/*
 * csv.h — RFC 4180 reader and writer for the candidate import and export
 * (R-CAND-4).
 *
 * The reader takes the whole file as a byte buffer: UTF-8 with or without a
 * BOM, ',' or ';' as delimiter (detected from the header line), quoted fields
 * with embedded delimiters, line breaks and doubled quotes. It collects every
 * problem it finds (up to the caller's limit) with line and column, so the UI
 * can list them all; the importer imports nothing unless there are none.
 * The writer quotes only where needed, and parse(write(rows)) == rows.
 */
#ifndef STELLWERK_CORE_CSV_H
#define STELLWERK_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

#define CSV_MAX_ERRORS 100          /* a sensible max_errors for the UI */
#define CSV_ERROR_MESSAGE_MAX 200

struct csv_options {
	/* ',' or ';'; 0 = detect from the header line (the more frequent of the
	 * two outside quotes; a tie, including none at all, gives ','). */
	char delimiter;
	/* Translates an English msgid (format string); NULL = identity. */
	const char *(*translate)(const char *msgid);
};

/* A parsed file. Row 0 is the header; every row has exactly `cols` cells.
 * Rows with errors are left out (the header is always kept), so the table
 * can serve as a preview even when csv_parse() returned false. Cells are NUL-terminated UTF-8. */
struct csv_table {
	char **cells;          /* rows * cols, row-major; see csv_cell() */
	size_t rows, cols;
	int *row_line;         /* 1-based physical line on which each row starts */
	char delimiter;        /* the delimiter used (detected or given) */
	size_t errors_total;   /* all problems found, also those beyond max_errors */
	char *text_;           /* storage of the cell text (private) */
};

/* One problem: where (1-based line and column in characters) and what, as
 * an English msgid rendered through csv_options.translate. */
struct csv_error {
	int line, column;
	char message[CSV_ERROR_MESSAGE_MAX];
};

/* Parses data[0..len). Writes at most max_errors problems to errors and their
 * count to *nerrors (errors may be NULL when max_errors is 0); out->errors_total
 * counts them all. Blank lines outside quotes are skipped, so a trailing line
 * break or empty last line costs nothing. Returns true when the file is clean.
 * out must be released with csv_table_free() in either case. */
bool csv_parse(const char *data, size_t len, const struct csv_options *opt, struct csv_table *out,
	       struct csv_error *errors, size_t max_errors, size_t *nerrors);

/* The cell at (row, col); "" when out of range. */
const char *csv_cell(const struct csv_table *t, size_t row, size_t col);

void csv_table_free(struct csv_table *t);

/* Appends one record and a CRLF line break. A field is quoted only when it
 * contains the delimiter, a quote, CR or LF, or starts or ends with a space or
 * tab; a record made of one empty field is written as "" so it is not read
 * back as a blank line. */
void csv_write_row(struct buf *out, const char *const *fields, size_t n, char delimiter);

#endif
