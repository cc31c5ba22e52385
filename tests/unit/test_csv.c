/*
 * Unit tests for src/core/csv.c: the RFC 4180 reader with the liberties of
 * real files (BOM, ';', LF and CRLF, blank lines), line numbers of records,
 * every kind of error with line and column and the rows that survive it, the
 * error limit, and the writer, whose output must read back unchanged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/csv.h"
#include "util/buf.h"

#define MAX_ERRORS 16

static struct csv_table table;
static struct csv_error errors[MAX_ERRORS];
static size_t nerrors;

/* Parses a NUL-terminated string (len given for embedded NULs) into table. */
static bool parse_len(const char *data, size_t len)
{
	csv_table_free(&table);
	memset(errors, 0, sizeof errors);
	return csv_parse(data, len, NULL, &table, errors, MAX_ERRORS, &nerrors);
}

static bool parse(const char *data)
{
	return parse_len(data, strlen(data));
}

static int teardown(void **state)
{
	(void)state;
	csv_table_free(&table);
	return 0;
}

static void basic_comma_file(void **state)
{
	(void)state;
	assert_true(parse("name,email\nAnna,anna@example.org\nBen,ben@example.org\n"));
	assert_int_equal(nerrors, 0);
	assert_int_equal(table.cols, 2);
	assert_int_equal(table.rows, 3);
	assert_int_equal(table.delimiter, ',');
	assert_string_equal(csv_cell(&table, 0, 0), "name");
	assert_string_equal(csv_cell(&table, 2, 1), "ben@example.org");
	assert_int_equal(table.row_line[0], 1);
	assert_int_equal(table.row_line[2], 3);
	assert_string_equal(csv_cell(&table, 3, 0), "");  /* out of range */
	assert_string_equal(csv_cell(&table, 0, 2), "");
}

static void bom_is_skipped(void **state)
{
	(void)state;
	/* R-CAND-4: UTF-8 with or without BOM */
	assert_true(parse("\xEF\xBB\xBFVorname;Nachname\nJürgen;Weiß\n"));
	assert_int_equal(table.delimiter, ';');
	assert_string_equal(csv_cell(&table, 0, 0), "Vorname");
	assert_string_equal(csv_cell(&table, 1, 1), "Weiß");
	assert_int_equal(table.row_line[1], 2);
}

static void delimiter_detection(void **state)
{
	(void)state;
	/* R-CAND-4: ';' or ',' detected from the header line */
	assert_true(parse("a;b;c\n1,5;2;3\n"));
	assert_int_equal(table.delimiter, ';');
	assert_string_equal(csv_cell(&table, 1, 0), "1,5");
	/* commas inside quotes do not count */
	assert_true(parse("\"x,y,z\";b\n1;2\n"));
	assert_int_equal(table.delimiter, ';');
	assert_string_equal(csv_cell(&table, 0, 0), "x,y,z");
	/* a tie and a single column give ',' */
	assert_true(parse("a;b,c\n1;2,3\n"));
	assert_int_equal(table.delimiter, ',');
	assert_int_equal(table.cols, 2);
	assert_true(parse("name\nAnna\n"));
	assert_int_equal(table.delimiter, ',');
	assert_int_equal(table.cols, 1);
	/* only the header line counts */
	assert_true(parse("a,b\n1;2;3;4,5\n"));
	assert_int_equal(table.delimiter, ',');
}

static void forced_delimiter(void **state)
{
	struct csv_options opt = { ';', NULL };

	(void)state;
	csv_table_free(&table);
	assert_true(csv_parse("a,b\n1,2\n", 8, &opt, &table, errors, MAX_ERRORS, &nerrors));
	assert_int_equal(table.cols, 1);
	assert_string_equal(csv_cell(&table, 1, 0), "1,2");
}

static void quoted_fields(void **state)
{
	(void)state;
	/* R-CAND-4: quoted fields with delimiters, line breaks and quotes */
	assert_true(parse("name,notes,city\n"
			  "\"Müller, Anna\",\"Zeile 1\nZeile 2\r\nZeile 3\",\"\"\"Köln\"\"\"\n"
			  "Ben,\"\",Bonn\n"));
	assert_int_equal(table.rows, 3);
	assert_string_equal(csv_cell(&table, 1, 0), "Müller, Anna");
	assert_string_equal(csv_cell(&table, 1, 1), "Zeile 1\nZeile 2\r\nZeile 3");
	assert_string_equal(csv_cell(&table, 1, 2), "\"Köln\"");
	assert_string_equal(csv_cell(&table, 2, 1), "");
	/* the record after a three-line record starts on physical line 5 */
	assert_int_equal(table.row_line[1], 2);
	assert_int_equal(table.row_line[2], 5);
	/* a quote inside an unquoted field is taken literally */
	assert_true(parse("a,b\n5'11\",x\"y\"\n"));
	assert_string_equal(csv_cell(&table, 1, 0), "5'11\"");
	assert_string_equal(csv_cell(&table, 1, 1), "x\"y\"");
}

static void crlf_and_final_line(void **state)
{
	(void)state;
	assert_true(parse("a,b\r\n1,2\r\n3,4"));  /* no final line break */
	assert_int_equal(table.rows, 3);
	assert_string_equal(csv_cell(&table, 2, 1), "4");
	assert_int_equal(table.row_line[2], 3);
	assert_true(parse("a,b\r\n1,2\r\n\r\n"));  /* trailing empty line */
	assert_int_equal(table.rows, 2);
	assert_string_equal(csv_cell(&table, 1, 1), "2");
	assert_true(parse("a,b\r1,2\r"));         /* old Mac line breaks */
	assert_int_equal(table.rows, 2);
	assert_int_equal(table.row_line[1], 2);
}

static void blank_lines_skipped(void **state)
{
	(void)state;
	assert_true(parse("a,b\n\n1,2\n\n\n3,4\n"));
	assert_int_equal(table.rows, 3);
	assert_int_equal(table.row_line[1], 3);
	assert_int_equal(table.row_line[2], 6);
}

static void empty_fields(void **state)
{
	(void)state;
	assert_true(parse("a,b,c\n,,\n1,,3\n,2,\n"));
	assert_int_equal(table.rows, 4);
	assert_string_equal(csv_cell(&table, 1, 0), "");
	assert_string_equal(csv_cell(&table, 1, 2), "");
	assert_string_equal(csv_cell(&table, 2, 1), "");
	assert_string_equal(csv_cell(&table, 3, 1), "2");
	/* spaces around unquoted fields are data */
	assert_true(parse("a,b\n x , y\n"));
	assert_string_equal(csv_cell(&table, 1, 0), " x ");
}

static void broken_row_reported_rest_kept(void **state)
{
	(void)state;
	/* R-CAND-4: malformed rows are reported with line numbers */
	assert_false(parse("name,city\nAnna,Köln\n\"Ben\"x,Bonn\nCem,Berlin\n"));
	assert_int_equal(nerrors, 1);
	assert_int_equal(table.errors_total, 1);
	assert_int_equal(errors[0].line, 3);
	assert_int_equal(errors[0].column, 6);
	assert_non_null(strstr(errors[0].message, "closing quote"));
	/* nothing else lost: the rows before and after are there */
	assert_int_equal(table.rows, 3);
	assert_string_equal(csv_cell(&table, 1, 0), "Anna");
	assert_string_equal(csv_cell(&table, 2, 0), "Cem");
	assert_int_equal(table.row_line[2], 4);
}

static void unterminated_quote_at_eof(void **state)
{
	(void)state;
	assert_false(parse("name,notes\nAnna,ok\nBen,\"never closed\nmore text\n"));
	assert_int_equal(nerrors, 1);
	assert_int_equal(errors[0].line, 3);
	assert_int_equal(errors[0].column, 5);
	assert_non_null(strstr(errors[0].message, "never closed"));
	assert_int_equal(table.rows, 2);
}

static void invalid_utf8(void **state)
{
	(void)state;
	/* a Latin-1 file: "Müller" with ü as 0xFC */
	assert_false(parse("name,city\nM\xFCller,K\xF6ln\nAnna,Bonn\n"));
	assert_int_equal(nerrors, 1);  /* one encoding error per record */
	assert_int_equal(errors[0].line, 2);
	assert_int_equal(errors[0].column, 2);
	assert_non_null(strstr(errors[0].message, "UTF-8"));
	assert_int_equal(table.rows, 2);
	assert_string_equal(csv_cell(&table, 1, 0), "Anna");
	/* overlong '/', a surrogate, a truncated sequence at the end */
	assert_false(parse("a\n\xC0\xAF\n"));
	assert_false(parse("a\n\xED\xA0\x80\n"));
	assert_false(parse("a\nx\xE2\x82"));
	assert_int_equal(errors[0].column, 2);
	/* the column counts characters, not bytes */
	assert_false(parse("a,b\nÄÖÜ,\xFF\n"));
	assert_int_equal(errors[0].column, 5);
}

static void nul_byte(void **state)
{
	static const char data[] = "a,b\n1,2\nx,y\0z\n3,4\n";

	(void)state;
	assert_false(parse_len(data, sizeof data - 1));
	assert_int_equal(nerrors, 1);
	assert_int_equal(errors[0].line, 3);
	assert_int_equal(errors[0].column, 4);
	assert_non_null(strstr(errors[0].message, "NUL"));
	assert_int_equal(table.rows, 3);
	assert_string_equal(csv_cell(&table, 2, 0), "3");
}

static void ragged_rows(void **state)
{
	(void)state;
	assert_false(parse("a,b,c\n1,2\n1,2,3\n1,2,3,4\n"));
	assert_int_equal(nerrors, 2);
	assert_int_equal(errors[0].line, 2);
	assert_int_equal(errors[0].column, 1);
	assert_string_equal(errors[0].message, "This row has 2 fields, the header has 3.");
	assert_int_equal(errors[1].line, 4);
	assert_string_equal(errors[1].message, "This row has 4 fields, the header has 3.");
	assert_int_equal(table.rows, 2);
	assert_int_equal(table.row_line[1], 3);
}

static void all_errors_collected_up_to_limit(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	buf_puts(&b, "a,b\n");
	for (i = 0; i < 40; i++)
		buf_puts(&b, i % 2 ? "1,2\n" : "1\n");
	assert_false(parse_len(b.data, b.len));
	assert_int_equal(nerrors, MAX_ERRORS);
	assert_int_equal(table.errors_total, 20);
	for (i = 0; i < MAX_ERRORS; i++)
		assert_int_equal(errors[i].line, 2 + 2 * i);
	assert_int_equal(table.rows, 21);
	/* no error array at all */
	csv_table_free(&table);
	assert_false(csv_parse(b.data, b.len, NULL, &table, NULL, 0, &nerrors));
	assert_int_equal(nerrors, 0);
	assert_int_equal(table.errors_total, 20);
	buf_free(&b);
}

static void empty_file(void **state)
{
	(void)state;
	assert_false(parse(""));
	assert_int_equal(nerrors, 1);
	assert_int_equal(errors[0].line, 1);
	assert_false(parse("\xEF\xBB\xBF\r\n\r\n"));
	assert_string_equal(errors[0].message, "The file is empty.");
	assert_int_equal(table.rows, 0);
}

static const char *to_german(const char *msgid)
{
	if (strcmp(msgid, "This row has %zu fields, the header has %zu.") == 0)
		return "Diese Zeile hat %zu Felder, die Kopfzeile %zu.";
	return NULL;
}

static void messages_translated(void **state)
{
	struct csv_options opt = { 0, to_german };

	(void)state;
	csv_table_free(&table);
	assert_false(csv_parse("a,b\n1\n", 6, &opt, &table, errors, MAX_ERRORS, &nerrors));
	assert_string_equal(errors[0].message, "Diese Zeile hat 1 Felder, die Kopfzeile 2.");
	csv_table_free(&table);
	assert_false(csv_parse("a\n\"x", 4, &opt, &table, errors, MAX_ERRORS, &nerrors));
	assert_non_null(strstr(errors[0].message, "never closed"));  /* untranslated falls back */
}

static void writer_quotes_only_when_needed(void **state)
{
	static const char *const plain[] = { "Anna", "anna@example.org", "", "Köln" };
	static const char *const tricky[] = { "Müller, Anna", "sagt \"hallo\"", "a\nb", " lead", "trail\t", "x;y" };
	static const char *const lone_empty[] = { "" };
	struct buf b = BUF_INIT;

	(void)state;
	csv_write_row(&b, plain, 4, ',');
	assert_string_equal(buf_cstr(&b), "Anna,anna@example.org,,Köln\r\n");
	buf_reset(&b);
	csv_write_row(&b, tricky, 6, ',');
	assert_string_equal(buf_cstr(&b),
			    "\"Müller, Anna\",\"sagt \"\"hallo\"\"\",\"a\nb\",\" lead\",\"trail\t\",x;y\r\n");
	buf_reset(&b);
	csv_write_row(&b, tricky, 6, ';');
	assert_string_equal(buf_cstr(&b),
			    "Müller, Anna;\"sagt \"\"hallo\"\"\";\"a\nb\";\" lead\";\"trail\t\";\"x;y\"\r\n");
	buf_reset(&b);
	csv_write_row(&b, lone_empty, 1, ',');
	assert_string_equal(buf_cstr(&b), "\"\"\r\n");
	buf_free(&b);
}

#define ROUND_TRIP_ROWS 10000
#define ROUND_TRIP_COLS 5

/* A deterministic cell with every kind of content the writer must protect. */
static void round_trip_cell(char *out, size_t n, int row, int col)
{
	static const struct {
		const char *before, *after;
	} shapes[] = {
		{ "plain ", "" }, { "Müller, ", "" }, { "\"quoted\" ", "" }, { "line\nbreak ", "" },
		{ "crlf\r\nbreak ", "" }, { " space ", " " }, { "semi;colon ", "" }, { NULL, NULL },
		{ "Grüße ß € 😀 ", "" }, { "\"\"", "\"" },
	};
	size_t i = (size_t)(row * 7 + col * 3) % (sizeof shapes / sizeof shapes[0]);

	if (shapes[i].before == NULL)
		out[0] = '\0';
	else
		snprintf(out, n, "%s%d%s", shapes[i].before, row, shapes[i].after);
}

static void round_trip_10000_rows(void **state)
{
	struct buf b = BUF_INIT;
	char cells[ROUND_TRIP_COLS][64];
	const char *row[ROUND_TRIP_COLS];
	static const char *const header[ROUND_TRIP_COLS] = { "name", "email", "notes", "city", "tags" };
	static const char delimiters[] = { ',', ';' };
	size_t d;
	int r, c;

	(void)state;
	/* R-CAND-4: export writes CSV that imports back unchanged */
	for (d = 0; d < sizeof delimiters; d++) {
		char delimiter = delimiters[d];

		buf_reset(&b);
		csv_write_row(&b, header, ROUND_TRIP_COLS, delimiter);
		for (r = 0; r < ROUND_TRIP_ROWS; r++) {
			for (c = 0; c < ROUND_TRIP_COLS; c++) {
				round_trip_cell(cells[c], sizeof cells[c], r, c);
				row[c] = cells[c];
			}
			csv_write_row(&b, row, ROUND_TRIP_COLS, delimiter);
		}
		assert_true(parse_len(b.data, b.len));
		assert_int_equal(table.delimiter, delimiter);
		assert_int_equal(table.rows, ROUND_TRIP_ROWS + 1);
		assert_int_equal(table.cols, ROUND_TRIP_COLS);
		for (r = 0; r < ROUND_TRIP_ROWS; r++) {
			for (c = 0; c < ROUND_TRIP_COLS; c++) {
				round_trip_cell(cells[c], sizeof cells[c], r, c);
				assert_string_equal(csv_cell(&table, (size_t)r + 1, (size_t)c), cells[c]);
			}
		}
		assert_int_equal(table.row_line[0], 1);
		assert_true(table.row_line[ROUND_TRIP_ROWS] > ROUND_TRIP_ROWS);
	}
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(basic_comma_file, teardown),
		cmocka_unit_test_teardown(bom_is_skipped, teardown),
		cmocka_unit_test_teardown(delimiter_detection, teardown),
		cmocka_unit_test_teardown(forced_delimiter, teardown),
		cmocka_unit_test_teardown(quoted_fields, teardown),
		cmocka_unit_test_teardown(crlf_and_final_line, teardown),
		cmocka_unit_test_teardown(blank_lines_skipped, teardown),
		cmocka_unit_test_teardown(empty_fields, teardown),
		cmocka_unit_test_teardown(broken_row_reported_rest_kept, teardown),
		cmocka_unit_test_teardown(unterminated_quote_at_eof, teardown),
		cmocka_unit_test_teardown(invalid_utf8, teardown),
		cmocka_unit_test_teardown(nul_byte, teardown),
		cmocka_unit_test_teardown(ragged_rows, teardown),
		cmocka_unit_test_teardown(all_errors_collected_up_to_limit, teardown),
		cmocka_unit_test_teardown(empty_file, teardown),
		cmocka_unit_test_teardown(messages_translated, teardown),
		cmocka_unit_test_teardown(writer_quotes_only_when_needed, teardown),
		cmocka_unit_test_teardown(round_trip_10000_rows, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
