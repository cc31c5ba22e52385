/*
 * import_jobs.h — the background runs of the web candidate import
 * (R-CAND-4): one detached worker thread per run with its own store
 * connection, and an in-memory registry of runs keyed by the staged file's
 * id that the progress page and its status JSON read.
 *
 * Only one import runs at a time per server. A run is one transaction
 * (store_candidate_import_write), so stopping it — by import_jobs_shutdown
 * or by the process ending — rolls everything back.
 */
#ifndef STELLWERK_WEB_IMPORT_JOBS_H
#define STELLWERK_WEB_IMPORT_JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/candidate_import.h"
#include "store/candidate_import.h"

enum import_job_state { IMPORT_JOB_RUNNING, IMPORT_JOB_DONE, IMPORT_JOB_FAILED };

/* A snapshot of one run. message is an English msgid ("" when none);
 * failed_line the line of the row the store refused (0 when none). */
struct import_job_status {
	char id[IMPORT_STAGE_ID_LEN + 1];
	int64_t owner;
	enum import_job_state state;
	bool checking;               /* still looking for duplicates */
	size_t checked, rows;        /* while checking: rows checked of all rows */
	size_t done, total;          /* rows stored so far of the rows to store */
	size_t imported, skipped;    /* at the end: stored, skipped as duplicates */
	int64_t position_id;
	const char *message;
	int failed_line;
};

enum import_job_start_rc { IMPORT_JOB_STARTED, IMPORT_JOB_BUSY, IMPORT_JOB_ERROR };

/* Starts the run of staged file id: takes ownership of imp (a clean,
 * parsed file; heap-allocated, freed by the worker) whether or not the
 * start succeeds. The worker opens its own store on data_dir, checks for
 * duplicates, writes in one transaction as user_id/user_name, then removes
 * the staged file. IMPORT_JOB_BUSY when another import is running. */
enum import_job_start_rc import_job_start(const char *data_dir, const char *id, int64_t user_id,
					  const char *user_name, int64_t position_id, struct candidate_import *imp);

/* The status of run id if it belongs to owner; false otherwise (unknown,
 * forgotten or another user's). */
bool import_job_get(const char *id, int64_t owner, struct import_job_status *out);

/* Asks a running import to stop (it rolls back) and waits up to timeout_ms
 * for it to finish. For the server's graceful shutdown. */
void import_jobs_shutdown(unsigned timeout_ms);

#endif
