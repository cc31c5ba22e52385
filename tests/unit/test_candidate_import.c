/*
 * Unit tests for the shared candidate import (R-CAND-4): the pure part in
 * src/core/candidate_import.c — delimiter and header mapping, an explicit
 * mapping override, every problem with its line and field, binary files,
 * duplicates within the file (R-CAND-5) — and the store part in
 * src/store/candidate_import.c — the all-or-nothing write with progress
 * reports, a cancelled run that leaves nothing behind, and staged files
 * that only their owner can read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <sodium.h>

#include "core/candidate_import.h"
#include "store/candidate_import.h"
#include "store/candidates.h"
#include "store/positions.h"
#include "store_fixture.h"

static struct candidate_import imp;

static bool parse_with(const char *csv, const int *mapping, size_t n)
{
	struct candidate_import_options opt = { NULL, mapping, n };
	candidate_import_free(&imp);
	return candidate_import_parse(csv, strlen(csv), &opt, &imp);
}

static bool parse(const char *csv)
{
	return parse_with(csv, NULL, 0);
}

static int teardown(void **state)
{
	(void)state;
	candidate_import_free(&imp);
	return 0;
}

/* R-CAND-4: BOM, ';', German headers, an unknown and a repeated column. */
static void header_mapping_and_delimiter(void **state)
{
	(void)state;
	assert_true(parse("\xEF\xBB\xBFVorname;Nachname;E-Mail;Farbe;Mail\r\n"
			  "Anna;M\xC3\xBCller;anna@example.de;rot;x@example.de\r\n"));
	assert_int_equal(imp.delimiter, ';');
	assert_int_equal(imp.ncols, 5);
	assert_int_equal(imp.column_field[0], CANDIDATE_FIELD_FIRST_NAME);
	assert_int_equal(imp.column_field[1], CANDIDATE_FIELD_LAST_NAME);
	assert_int_equal(imp.column_field[2], CANDIDATE_FIELD_EMAIL);
	assert_int_equal(imp.column_state[3], IMPORT_COLUMN_UNKNOWN);
	assert_int_equal(imp.column_field[3], -1);
	assert_int_equal(imp.column_state[4], IMPORT_COLUMN_REPEATED);   /* a second email column */
	assert_int_equal(imp.column_header_field[4], CANDIDATE_FIELD_EMAIL);
	assert_int_equal(imp.nrows, 1);
	assert_string_equal(imp.rows[0].c.last_name, "M\xC3\xBCller");
	assert_string_equal(imp.rows[0].c.email, "anna@example.de");
	assert_int_equal(imp.rows[0].line, 2);
	assert_string_equal(candidate_import_header(&imp, 0), "Vorname");
}

/* R-CAND-4: the caller's mapping wins over the header; -1 ignores a column. */
static void mapping_override(void **state)
{
	(void)state;
	static const char csv[] = "Name,Kontakt,Firma\nWilma Quernheim,wilma@example.org,Heimwerk\n";
	assert_true(parse(csv));
	assert_int_equal(imp.column_state[1], IMPORT_COLUMN_UNKNOWN);
	assert_string_equal(imp.rows[0].c.email, "");
	assert_string_equal(imp.rows[0].c.current_company, "Heimwerk");

	int mapping[] = { CANDIDATE_FIELD_NAME, CANDIDATE_FIELD_EMAIL, -1 };
	assert_true(parse_with(csv, mapping, 3));
	assert_int_equal(imp.column_state[1], IMPORT_COLUMN_MAPPED);
	assert_int_equal(imp.column_state[2], IMPORT_COLUMN_IGNORED);
	assert_string_equal(imp.rows[0].c.first_name, "Wilma");
	assert_string_equal(imp.rows[0].c.last_name, "Quernheim");
	assert_string_equal(imp.rows[0].c.email, "wilma@example.org");
	assert_string_equal(imp.rows[0].c.current_company, "");

	/* Two columns on one field: the first wins, the second is flagged. */
	int twice[] = { CANDIDATE_FIELD_NAME, CANDIDATE_FIELD_NAME, -1 };
	assert_true(parse_with(csv, twice, 3));
	assert_int_equal(imp.column_state[1], IMPORT_COLUMN_REPEATED);
	assert_string_equal(imp.rows[0].c.last_name, "Quernheim");

	/* Mapping the name away leaves no name column: a problem on line 1. */
	int noname[] = { -1, CANDIDATE_FIELD_EMAIL, -1 };
	assert_false(parse_with(csv, noname, 3));
	assert_int_equal(imp.nproblems, 1);
	assert_int_equal(imp.problems[0].line, 1);
	assert_string_equal(imp.problems[0].field, "name");
}

/* R-CAND-4: every problem with its line and field, sorted by line; the
 * parser's problems (unterminated quote) have no field. */
static void problems_with_lines_and_fields(void **state)
{
	(void)state;
	assert_false(parse("first_name,last_name,email,notice_period,salary_expectation,channel\n"
			   "Greta,Kaltwasser,greta@example.org,4,85.000,linkedin\n"
			   "Hannes,Brodtmann,kein-at,200,12x,brieftaube\n"
			   "Ida,\"Offen,ida@example.org,,,\n"));
	assert_true(imp.nproblems >= 5);
	assert_int_equal(imp.problems_total, imp.nproblems);
	bool email = false, notice = false, salary = false, channel = false, quote = false;
	for (size_t i = 0; i < imp.nproblems; i++) {
		const struct import_problem *p = &imp.problems[i];
		if (i > 0)
			assert_true(p->line >= imp.problems[i - 1].line);
		if (p->line == 3 && strcmp(p->field, "email") == 0)
			email = true;
		if (p->line == 3 && strcmp(p->field, "notice_period") == 0)
			notice = true;
		if (p->line == 3 && strcmp(p->field, "salary_expectation") == 0)
			salary = true;
		if (p->line == 3 && strcmp(p->field, "channel") == 0)
			channel = true;
		if (p->line == 4 && p->field[0] == '\0')
			quote = true;
	}
	assert_true(email && notice && salary && channel && quote);
	/* The clean row is converted all the same (for the preview). */
	assert_int_equal(imp.rows[0].c.salary_expectation, 85000);
	assert_int_equal(imp.rows[0].c.notice_period_weeks, 4);
	assert_string_equal(imp.rows[0].c.currency, "EUR");
}

static void binary_file_is_not_parsed(void **state)
{
	(void)state;
	static const char data[] = "MZ\0\0\x90\0binary";
	struct candidate_import_options opt = { NULL, NULL, 0 };
	candidate_import_free(&imp);
	assert_false(candidate_import_parse(data, sizeof data - 1, &opt, &imp));
	assert_true(imp.binary);
	assert_int_equal(imp.nproblems, 1);
	assert_true(candidate_import_looks_binary(data, sizeof data - 1));
	assert_false(candidate_import_looks_binary("a,b\n", 4));
}

/* R-CAND-5: a later row like an earlier one is marked with that line. */
static void duplicates_within_the_file(void **state)
{
	(void)state;
	assert_true(parse("name,email,phone\n"
			  "Anna Alt,anna@example.de,\n"
			  "Bert Neu,,0171 1111111\n"
			  "Anna Alt,ANNA@example.de,\n"
			  "Bert Anders,,+49 171 1111111\n"
			  "Carla Clean,carla@example.de,\n"));
	for (size_t i = 0; i < imp.nrows; i++)
		candidate_import_mark_file_duplicate(&imp, i);
	assert_false(imp.rows[0].duplicate);
	assert_false(imp.rows[1].duplicate);
	assert_true(imp.rows[2].duplicate);
	assert_int_equal(imp.rows[2].dup_line, 2);
	assert_int_equal(imp.rows[2].dup_score, 100);
	assert_true(imp.rows[3].duplicate);
	assert_int_equal(imp.rows[3].dup_line, 3);
	assert_false(imp.rows[4].duplicate);
	assert_int_equal(candidate_import_count_new(&imp), 3);
}

static void field_codes_and_labels(void **state)
{
	(void)state;
	assert_int_equal(candidate_import_field_by_code("email"), CANDIDATE_FIELD_EMAIL);
	assert_int_equal(candidate_import_field_by_code("ignore"), -1);
	assert_int_equal(candidate_import_field_by_code(""), -1);
	for (int f = 0; f < CANDIDATE_FIELD__COUNT; f++)
		assert_true(candidate_import_field_label((enum candidate_field)f)[0] != '\0');
}

/* --- the store side ------------------------------------------------------------ */

struct progress_log {
	size_t calls, last_done, last_total;
	size_t cancel_after;      /* 0 = never */
};

static void on_progress(void *ctx, size_t done, size_t total)
{
	struct progress_log *p = ctx;
	p->calls++;
	p->last_done = done;
	p->last_total = total;
}

static bool on_cancelled(void *ctx)
{
	struct progress_log *p = ctx;
	return p->cancel_after > 0 && p->last_done >= p->cancel_after;
}

static size_t stored_candidates(struct store *s)
{
	struct candidate_filter f = { 0 };
	struct candidate_hit *hits = NULL;
	size_t n = 0;
	f.limit = 1000;
	assert_int_equal(store_candidate_list(s, &f, &hits, &n), STORE_OK);
	free(hits);
	return n;
}

/* A file of n distinct candidates. */
static char *generated_csv(size_t n)
{
	size_t cap = 64 + n * 64;
	char *csv = malloc(cap);
	size_t len = (size_t)snprintf(csv, cap, "first_name,last_name,email,notes\n");
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(csv + len, cap - len, "Person,Nummer%zu,p%zu@example.org,Notiz %zu\n", i, i, i);
	return csv;
}

/* R-CAND-4: one transaction, progress every N rows and at the end, an
 * audit row for the whole import; a cancelled run stores nothing. */
static void write_reports_progress_and_is_all_or_nothing(void **state)
{
	(void)state;
	char dir[64];
	struct store *s = temp_store_open(dir, "sw-import");
	char *csv = generated_csv(250);
	assert_true(parse(csv));
	assert_int_equal(store_candidate_import_find_duplicates(s, &imp, NULL, NULL), STORE_OK);
	assert_int_equal(candidate_import_count_new(&imp), 250);

	/* Cancelled after the first report: rolled back, nothing stored. */
	struct progress_log log = { 0 };
	log.cancel_after = 100;
	struct candidate_import_write_options o = { &TEST_CLI, 0, 1000, 100, on_progress, on_cancelled, &log };
	size_t imported = 99;
	int failed_line = -1;
	assert_int_equal(store_candidate_import_write(s, &imp, &o, &imported, &failed_line), STORE_BUSY);
	assert_int_equal(imported, 0);
	assert_int_equal(failed_line, 0);
	assert_int_equal(stored_candidates(s), 0);

	/* A position that does not exist: nothing written. */
	memset(&log, 0, sizeof log);
	o.position_id = 4711;
	assert_int_equal(store_candidate_import_write(s, &imp, &o, &imported, &failed_line), STORE_INVALID);
	assert_int_equal(stored_candidates(s), 0);

	o.position_id = 0;
	int64_t audits = audit_count(s);
	assert_int_equal(store_candidate_import_write(s, &imp, &o, &imported, &failed_line), STORE_OK);
	assert_int_equal(imported, 250);
	assert_int_equal(log.calls, 3);          /* 100, 200, and 250 at the end */
	assert_int_equal(log.last_done, 250);
	assert_int_equal(log.last_total, 250);
	assert_int_equal(stored_candidates(s), 250);
	struct audit_entry a = last_audit(s);
	assert_string_equal(a.entity, "candidate_import");
	assert_string_equal(a.action, "run");
	assert_true(audit_count(s) > audits + 250); /* each candidate and note has its own */

	/* Importing the same file again: every row is a stored duplicate. */
	assert_true(parse(csv));
	assert_int_equal(store_candidate_import_find_duplicates(s, &imp, NULL, NULL), STORE_OK);
	assert_int_equal(candidate_import_count_new(&imp), 0);
	assert_true(imp.rows[0].dup_candidate_id > 0);
	assert_string_equal(imp.rows[0].dup_last_name, "Nummer0");
	free(csv);
	candidate_import_free(&imp);
	temp_store_close(s, dir);
}

/* Staged files: mode 0600, readable and deletable only by their owner. */
static void staged_files_belong_to_their_owner(void **state)
{
	(void)state;
	char dir[64], id[IMPORT_STAGE_ID_LEN + 1], path[256];
	struct store *s = temp_store_open(dir, "sw-stage");
	assert_true(sodium_init() >= 0);
	assert_int_equal(store_import_stage_write(s, 7, "a,b\n", 4, 1000000, id), STORE_OK);
	assert_true(store_import_stage_id_valid(id));
	assert_false(store_import_stage_id_valid("../../etc/passwd"));
	assert_false(store_import_stage_id_valid("ABC"));

	snprintf(path, sizeof path, "%s/imports/%s.csv", dir, id);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	char *data = NULL;
	size_t len = 0;
	assert_int_equal(store_import_stage_read(s, id, 8, &data, &len), STORE_NOT_FOUND); /* another user */
	assert_int_equal(store_import_stage_read(s, "0123456789abcdef0123456789abcdef", 7, &data, &len), STORE_NOT_FOUND);
	assert_int_equal(store_import_stage_read(s, id, 7, &data, &len), STORE_OK);
	assert_int_equal(len, 4);
	assert_memory_equal(data, "a,b\n", 4);
	free(data);
	assert_int_equal(store_import_stage_delete(s, id, 8), STORE_NOT_FOUND);
	assert_int_equal(store_import_stage_delete(s, id, 7), STORE_OK);
	assert_int_equal(store_import_stage_read(s, id, 7, &data, &len), STORE_NOT_FOUND);

	/* Staging a file a day later removes the stale one. */
	char old[IMPORT_STAGE_ID_LEN + 1], fresh[IMPORT_STAGE_ID_LEN + 1];
	assert_int_equal(store_import_stage_write(s, 7, "x\n", 2, 1000000, old), STORE_OK);
	snprintf(path, sizeof path, "%s/imports/%s.csv", dir, old);
	assert_int_equal(stat(path, &sb), 0);
	int64_t later = (int64_t)sb.st_mtime + IMPORT_STAGE_MAX_AGE + 60;
	assert_int_equal(store_import_stage_write(s, 7, "y\n", 2, later, fresh), STORE_OK);
	assert_int_not_equal(stat(path, &sb), 0);
	assert_int_equal(store_import_stage_read(s, fresh, 7, &data, &len), STORE_OK);
	free(data);
	temp_store_close(s, dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(header_mapping_and_delimiter, teardown),
		cmocka_unit_test_teardown(mapping_override, teardown),
		cmocka_unit_test_teardown(problems_with_lines_and_fields, teardown),
		cmocka_unit_test_teardown(binary_file_is_not_parsed, teardown),
		cmocka_unit_test_teardown(duplicates_within_the_file, teardown),
		cmocka_unit_test_teardown(field_codes_and_labels, teardown),
		cmocka_unit_test_teardown(write_reports_progress_and_is_all_or_nothing, teardown),
		cmocka_unit_test_teardown(staged_files_belong_to_their_owner, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
