/*
 * import_jobs.c — background runs of the web candidate import and their
 * registry (R-CAND-4, "the UI shows progress for large imports").
 *
 * A run is a detached pthread with its own store connection (the request's
 * connection belongs to the worker thread of libmicrohttpd). Progress goes
 * into a small mutex-protected table keyed by the staged file's id, which
 * the progress page and GET …/status read. Only one run at a time; the
 * oldest finished entries make room for new ones.
 */
#include "web/import_jobs.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n_mark.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

#define IMPORT_JOBS_MAX 32
#define IMPORT_JOB_PROGRESS_EVERY 200

struct job_slot {
	bool used;
	int64_t finished_at;         /* 0 while running */
	struct import_job_status st;
};

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct job_slot jobs[IMPORT_JOBS_MAX];
static bool job_running;                /* guarded by jobs_lock */
static atomic_bool stop_requested;

/* What the worker needs; owned by the worker. */
struct job_work {
	char *data_dir;
	char id[IMPORT_STAGE_ID_LEN + 1];
	int64_t user_id;
	char user_name[64];
	int64_t position_id;
	struct candidate_import *imp;
};

/* The slot of id; NULL when none. Call with jobs_lock held. */
static struct job_slot *find_slot(const char *id)
{
	for (size_t i = 0; i < IMPORT_JOBS_MAX; i++)
		if (jobs[i].used && strcmp(jobs[i].st.id, id) == 0)
			return &jobs[i];
	return NULL;
}

/* A free slot, else the one finished longest ago. Call with jobs_lock held
 * and no run active (so every used slot is finished). */
static struct job_slot *take_slot(void)
{
	struct job_slot *oldest = &jobs[0];
	for (size_t i = 0; i < IMPORT_JOBS_MAX; i++) {
		if (!jobs[i].used)
			return &jobs[i];
		if (jobs[i].finished_at < oldest->finished_at)
			oldest = &jobs[i];
	}
	return oldest;
}

/* Progress of the duplicate check: rows checked of all rows. */
static void job_check_progress(void *ctx, size_t done, size_t total)
{
	const char *id = ctx;
	pthread_mutex_lock(&jobs_lock);
	struct job_slot *slot = find_slot(id);
	if (slot) {
		slot->st.checked = done;
		slot->st.rows = total;
	}
	pthread_mutex_unlock(&jobs_lock);
}

/* Progress of the write: rows stored of the rows to store. */
static void job_progress(void *ctx, size_t done, size_t total)
{
	const char *id = ctx;
	pthread_mutex_lock(&jobs_lock);
	struct job_slot *slot = find_slot(id);
	if (slot) {
		slot->st.checking = false;
		slot->st.done = done;
		slot->st.total = total;
	}
	pthread_mutex_unlock(&jobs_lock);
}

static bool job_cancelled(void *ctx)
{
	(void)ctx;
	return atomic_load(&stop_requested);
}

/* Records the end of the run and frees the way for the next one. */
static void job_finish(const char *id, enum import_job_state state, const char *message, size_t imported,
		       size_t skipped, int failed_line)
{
	pthread_mutex_lock(&jobs_lock);
	struct job_slot *slot = find_slot(id);
	if (slot) {
		slot->st.state = state;
		slot->st.checking = false;
		slot->st.message = message;
		slot->st.imported = imported;
		slot->st.skipped = skipped;
		slot->st.failed_line = failed_line;
		if (state == IMPORT_JOB_DONE)
			slot->st.done = slot->st.total = imported;
		slot->finished_at = (int64_t)time(NULL);
	}
	job_running = false;
	pthread_mutex_unlock(&jobs_lock);
}

static void *job_main(void *arg)
{
	struct job_work *w = arg;
	struct store *s = NULL;
	char err[256];
	size_t imported = 0, skipped = 0;
	int failed_line = 0;
	enum import_job_state state = IMPORT_JOB_FAILED;
	const char *message = N_("The import failed; nothing was imported.");

	if (store_open(w->data_dir, false, &s, err, sizeof err) != STORE_OK) {
		log_error("import %s: cannot open the database: %s", w->id, err);
		goto done;
	}
	enum store_rc rc = store_candidate_import_find_duplicates(s, w->imp, job_check_progress, w->id);
	if (rc != STORE_OK) {
		log_error("import %s: duplicate check failed (%s)", w->id, store_rc_name(rc));
		message = N_("Could not look for duplicates; nothing was imported.");
		goto done;
	}
	size_t total = candidate_import_count_new(w->imp);
	skipped = w->imp->nrows - total;
	job_progress(w->id, 0, total);

	struct actor who = { w->user_id, w->user_name, NULL };
	struct candidate_import_write_options o = { 0 };
	o.who = &who;
	o.position_id = w->position_id;
	o.now = (int64_t)time(NULL);
	o.progress_every = IMPORT_JOB_PROGRESS_EVERY;
	o.progress = job_progress;
	o.cancelled = job_cancelled;
	o.ctx = w->id;
	rc = store_candidate_import_write(s, w->imp, &o, &imported, &failed_line);
	if (rc == STORE_OK) {
		state = IMPORT_JOB_DONE;
		message = "";
		store_import_stage_delete(s, w->id, w->user_id);
	} else if (atomic_load(&stop_requested)) {
		message = N_("The server stopped during the import; nothing was imported.");
	} else if (rc == STORE_INVALID && failed_line == 0) {
		message = N_("The position no longer exists; nothing was imported.");
	} else {
		log_error("import %s: write failed at line %d (%s)", w->id, failed_line, store_rc_name(rc));
		message = N_("A row could not be stored; the import was rolled back and nothing was imported.");
	}
done:
	store_close(s);
	job_finish(w->id, state, message, imported, skipped, failed_line);
	candidate_import_free(w->imp);
	free(w->imp);
	free(w->data_dir);
	free(w);
	return NULL;
}

enum import_job_start_rc import_job_start(const char *data_dir, const char *id, int64_t user_id,
					  const char *user_name, int64_t position_id, struct candidate_import *imp)
{
	pthread_mutex_lock(&jobs_lock);
	if (job_running || atomic_load(&stop_requested)) {
		pthread_mutex_unlock(&jobs_lock);
		candidate_import_free(imp);
		free(imp);
		return IMPORT_JOB_BUSY;
	}
	struct job_slot *slot = find_slot(id);
	if (!slot)
		slot = take_slot();
	memset(slot, 0, sizeof *slot);
	slot->used = true;
	str_copy(slot->st.id, sizeof slot->st.id, id);
	slot->st.owner = user_id;
	slot->st.state = IMPORT_JOB_RUNNING;
	slot->st.checking = true;
	slot->st.total = candidate_import_count_new(imp);
	slot->st.rows = imp->nrows;
	slot->st.position_id = position_id;
	slot->st.message = "";
	job_running = true;
	pthread_mutex_unlock(&jobs_lock);

	struct job_work *w = xcalloc(1, sizeof *w);
	w->data_dir = xstrdup(data_dir);
	str_copy(w->id, sizeof w->id, id);
	w->user_id = user_id;
	str_copy(w->user_name, sizeof w->user_name, user_name);
	w->position_id = position_id;
	w->imp = imp;

	pthread_t t;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	int err = pthread_create(&t, &attr, job_main, w);
	pthread_attr_destroy(&attr);
	if (err != 0) {
		log_error("import %s: cannot start the worker thread (error %d)", id, err);
		job_finish(id, IMPORT_JOB_FAILED, N_("The import failed; nothing was imported."), 0, 0, 0);
		candidate_import_free(imp);
		free(imp);
		free(w->data_dir);
		free(w);
		return IMPORT_JOB_ERROR;
	}
	return IMPORT_JOB_STARTED;
}

bool import_job_get(const char *id, int64_t owner, struct import_job_status *out)
{
	bool found = false;
	pthread_mutex_lock(&jobs_lock);
	struct job_slot *slot = find_slot(id);
	if (slot && slot->st.owner == owner) {
		*out = slot->st;
		found = true;
	}
	pthread_mutex_unlock(&jobs_lock);
	return found;
}

void import_jobs_shutdown(unsigned timeout_ms)
{
	atomic_store(&stop_requested, true);
	for (unsigned waited = 0; waited < timeout_ms; waited += 10) {
		pthread_mutex_lock(&jobs_lock);
		bool running = job_running;
		pthread_mutex_unlock(&jobs_lock);
		if (!running)
			return;
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	log_warn("an import was still running at shutdown; its transaction is rolled back");
}
