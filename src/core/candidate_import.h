/*
 * candidate_import.h — the pure part of the candidate CSV import
 * (R-CAND-4), shared by `stellwerk import candidates` and the upload in the
 * web UI.
 *
 * Input is the bytes of the file; output is the detected delimiter, the
 * header mapping (column index → field, unknown and repeated columns
 * marked), every mapped and validated row, and every problem with its line
 * number and field. No I/O, no clock: writing and the duplicate check
 * against stored candidates live in store/candidate_import.h. A caller may
 * override the header mapping (the web preview lets the user choose).
 * The file is clean — and may be imported — only when there is no problem.
 */
#ifndef STELLWERK_CORE_CANDIDATE_IMPORT_H
#define STELLWERK_CORE_CANDIDATE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/candidate.h"
#include "core/csv.h"

#define CANDIDATE_IMPORT_MAX_BYTES (50L * 1024 * 1024)
#define CANDIDATE_IMPORT_MAX_CSV_ERRORS 1000   /* parser problems kept; the rest are counted */
#define CANDIDATE_IMPORT_NOTE_MAX 4000         /* = APPLICATION_NOTE_MAX of the store (checked there) */
#define CANDIDATE_IMPORT_SALARY_MAX 100000000LL /* a plausibility bound, whole units */

/* How a column of the file is used. */
enum import_column_state {
	IMPORT_COLUMN_MAPPED,      /* fills column_field[i] */
	IMPORT_COLUMN_UNKNOWN,     /* the header names no field: ignored */
	IMPORT_COLUMN_REPEATED,    /* names a field an earlier column took: ignored */
	IMPORT_COLUMN_IGNORED      /* the caller's mapping said "ignore" */
};

/* One problem: line (1-based physical line), field code or "" for a problem
 * of the whole line, and the message already translated and formatted. */
struct import_problem {
	int line;
	size_t seq;                /* order of discovery, for a stable sort */
	char field[32];
	char *text;
};

/* One data row, mapped and validated. notes points into the parsed table
 * ("" for none). duplicate and its details are set by the duplicate check
 * (candidate_import_mark_file_duplicate, store_candidate_import_find_duplicates). */
struct import_row {
	struct candidate c;
	int line;
	const char *notes;
	bool duplicate;
	int dup_score;
	int dup_line;                  /* > 0: duplicate of this earlier line of the file */
	int64_t dup_candidate_id;      /* > 0: duplicate of this stored candidate */
	char dup_first_name[CANDIDATE_NAME_MAX + 1];  /* that stored candidate's name */
	char dup_last_name[CANDIDATE_NAME_MAX + 1];
	char dup_reason[64];           /* English msgid of the reason */
};

struct import_key_index;

struct candidate_import {
	struct csv_table table;    /* row 0 is the header */
	char delimiter;
	size_t ncols;
	int *column_field;         /* ncols entries: enum candidate_field or -1 */
	enum import_column_state *column_state;  /* ncols entries */
	int *column_header_field;  /* ncols: the field the header names, or -1 */
	struct import_row *rows;   /* nrows data rows (a failed file may have fewer mapped) */
	size_t nrows;
	struct import_problem *problems;  /* sorted by line, then discovery */
	size_t nproblems;
	size_t problems_total;     /* nproblems plus parser problems beyond the kept ones */
	bool has_name;             /* a column maps to name, first_name or last_name */
	bool binary;               /* the file holds NUL bytes: not parsed at all */
	struct import_key_index *key_index_;  /* private: candidate_import_mark_file_duplicate */
};

struct candidate_import_options {
	/* Translates an English msgid (format string); NULL = identity. */
	const char *(*translate)(const char *msgid);
	/* An explicit mapping: mapping[i] for column i is a field or -1 for
	 * "ignore"; NULL = map from the header. Extra entries are ignored,
	 * missing ones count as -1. Two columns on one field: the first wins. */
	const int *mapping;
	size_t nmapping;
};

/* True when the first 8 KiB hold a NUL byte: not a CSV text file. */
bool candidate_import_looks_binary(const char *data, size_t len);

/* Parses, maps and validates data[0..len). Returns true when the file is
 * clean (no problem). out must be released with candidate_import_free()
 * in either case. A binary file sets out->binary and is not parsed. */
bool candidate_import_parse(const char *data, size_t len, const struct candidate_import_options *opt,
			    struct candidate_import *out);
void candidate_import_free(struct candidate_import *imp);

/* The header cell of column i ("" when out of range). */
const char *candidate_import_header(const struct candidate_import *imp, size_t i);
/* The raw cell of data row r (0-based, without the header), column i. */
const char *candidate_import_cell(const struct candidate_import *imp, size_t r, size_t i);
/* Data rows the parser kept (rows with parser errors are left out). */
size_t candidate_import_preview_rows(const struct candidate_import *imp);

/* An English label for a field, for the mapping selects ("First name", …). */
const char *candidate_import_field_label(enum candidate_field f);
/* The field of a code ("email"), or -1; "" and "ignore" give -1 too. */
int candidate_import_field_by_code(const char *code);

/* Duplicates within the file (R-CAND-5), row by row in file order: call
 * for row 0, 1, 2, … Scores row i against earlier rows sharing a
 * normalised email, phone or name and, unless the row is already marked (a
 * stored duplicate), marks it with the best earlier line when that is a
 * duplicate. Then remembers the row's keys. The index lives in imp and is
 * released by candidate_import_free(). */
void candidate_import_mark_file_duplicate(struct candidate_import *imp, size_t i);

/* Rows not marked as duplicates. */
size_t candidate_import_count_new(const struct candidate_import *imp);

#endif
