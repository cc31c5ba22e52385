/*
 * candidate_import.h — the store side of the candidate CSV import
 * (R-CAND-4): the duplicate check against stored candidates (R-CAND-5),
 * the all-or-nothing write of a parsed file in one transaction with
 * progress reports, and staged upload files of the web import.
 *
 * Parsing, mapping and validation are pure and live in
 * core/candidate_import.h; the CLI and the web call both halves.
 */
#ifndef STELLWERK_STORE_CANDIDATE_IMPORT_H
#define STELLWERK_STORE_CANDIDATE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/candidate_import.h"
#include "store/store.h"

#define IMPORT_STAGE_ID_LEN 32                 /* hex characters of a staged file's id */
#define IMPORT_STAGE_MAX_AGE (24 * 3600)       /* staged files older than this are removed */
#define IMPORT_PROGRESS_EVERY_DEFAULT 1000

/* Marks every row of imp that looks like a stored candidate (score >=
 * CANDIDATE_DUPLICATE_THRESHOLD) or like an earlier row of the file, with
 * the details in struct import_row. Call once, on a clean file. progress
 * (may be NULL) is called every IMPORT_PROGRESS_EVERY_DEFAULT / 2 rows
 * checked with the count of rows checked and of all rows. */
enum store_rc store_candidate_import_find_duplicates(struct store *s, struct candidate_import *imp,
						     void (*progress)(void *ctx, size_t done, size_t total), void *ctx);

struct candidate_import_write_options {
	const struct actor *who;
	int64_t position_id;           /* > 0: also an application for this position */
	int64_t now;
	size_t progress_every;         /* rows between progress calls; 0 = IMPORT_PROGRESS_EVERY_DEFAULT */
	/* Called after every progress_every stored rows and once at the end
	 * (done == total); total counts the rows not marked as duplicates. */
	void (*progress)(void *ctx, size_t done, size_t total);
	/* Asked between rows; true aborts the import (rolled back). May be NULL. */
	bool (*cancelled)(void *ctx);
	void *ctx;
};

/* Stores every row of imp not marked as a duplicate — candidate, a note
 * event for notes, an application when position_id is set — in ONE
 * transaction: all or nothing. *imported receives the number stored (0 on
 * failure); *failed_line the line of the row that failed (0 when none or
 * cancelled). STORE_INVALID for an unknown position (nothing written),
 * STORE_BUSY when cancelled (rolled back), else the failing call's code. */
enum store_rc store_candidate_import_write(struct store *s, const struct candidate_import *imp,
					   const struct candidate_import_write_options *o, size_t *imported,
					   int *failed_line);

/* --- staged upload files (web import) --------------------------------------
 * An upload is kept as DATA_DIR/imports/ID.csv (mode 0600) with the owner's
 * user id in DATA_DIR/imports/ID.owner, between the preview and the run.
 * ID is IMPORT_STAGE_ID_LEN random hex characters (libsodium). */

/* Writes data as a new staged file of owner; id receives its id. Removes
 * staged files older than IMPORT_STAGE_MAX_AGE first. STORE_ERROR on an
 * I/O failure (logged). */
enum store_rc store_import_stage_write(struct store *s, int64_t owner, const void *data, size_t len, int64_t now,
				       char id[IMPORT_STAGE_ID_LEN + 1]);
/* Reads staged file id of owner into *data (malloc'd, NUL-terminated; caller
 * frees) and *len. STORE_NOT_FOUND when it does not exist, id is malformed,
 * or it belongs to another user. */
enum store_rc store_import_stage_read(struct store *s, const char *id, int64_t owner, char **data, size_t *len);
/* Removes staged file id of owner; STORE_NOT_FOUND as for read. */
enum store_rc store_import_stage_delete(struct store *s, const char *id, int64_t owner);
/* True for a well-formed staged id (IMPORT_STAGE_ID_LEN lowercase hex). */
bool store_import_stage_id_valid(const char *id);

#endif
