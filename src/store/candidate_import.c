/*
 * candidate_import.c — writes a parsed candidate CSV file (R-CAND-4) in one
 * transaction with progress reports, checks it for duplicates of stored
 * candidates (R-CAND-5), and keeps the staged upload files of the web
 * import under DATA_DIR/imports.
 *
 * The import is all or nothing: every row (candidate, note, application)
 * goes into a single transaction, so a failure, a cancellation or a crash
 * in the middle leaves the database as it was. One audit row per candidate
 * comes from store_candidate_create; one more row "candidate_import.run"
 * records the import as a whole.
 */
#include "store/candidate_import.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/applications.h"
#include "store/audit.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/positions.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xalloc.h"

_Static_assert(CANDIDATE_IMPORT_NOTE_MAX == APPLICATION_NOTE_MAX, "the import checks notes against the store's limit");

enum store_rc store_candidate_import_find_duplicates(struct store *s, struct candidate_import *imp,
						     void (*progress)(void *ctx, size_t done, size_t total), void *ctx)
{
	for (size_t i = 0; i < imp->nrows; i++) {
		struct import_row *row = &imp->rows[i];
		struct candidate_duplicate *d = NULL;
		size_t nd = 0;
		enum store_rc rc = store_candidate_find_duplicates(s, &row->c, &d, &nd);
		if (rc != STORE_OK) {
			free(d);
			return rc;
		}
		if (nd > 0 && candidate_is_duplicate(d[0].score)) {
			row->duplicate = true;
			row->dup_score = d[0].score;
			row->dup_candidate_id = d[0].c.id;
			memcpy(row->dup_first_name, d[0].c.first_name, sizeof row->dup_first_name);
			memcpy(row->dup_last_name, d[0].c.last_name, sizeof row->dup_last_name);
			snprintf(row->dup_reason, sizeof row->dup_reason, "%s", d[0].reason);
		}
		free(d);
		candidate_import_mark_file_duplicate(imp, i);
		if (progress && (i + 1) % (IMPORT_PROGRESS_EVERY_DEFAULT / 2) == 0)
			progress(ctx, i + 1, imp->nrows);
	}
	return STORE_OK;
}

/* The audit row of the whole import: how many rows, how many skipped. */
static enum store_rc audit_import(struct store *s, const struct candidate_import_write_options *o, size_t imported,
				  size_t skipped)
{
	json_t *j = json_pack("{s:I, s:I, s:I}", "imported", (json_int_t)imported, "skipped_duplicates",
			      (json_int_t)skipped, "position_id", (json_int_t)o->position_id);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	enum store_rc rc = store_audit(s, o->who, "candidate_import", 0, "run", text, o->now);
	free(text);
	json_decref(j);
	return rc;
}

enum store_rc store_candidate_import_write(struct store *s, const struct candidate_import *imp,
					   const struct candidate_import_write_options *o, size_t *imported,
					   int *failed_line)
{
	size_t every = o->progress_every ? o->progress_every : IMPORT_PROGRESS_EVERY_DEFAULT;
	size_t total = candidate_import_count_new(imp), done = 0;
	enum store_rc rc;

	*imported = 0;
	*failed_line = 0;
	if (o->position_id > 0) {
		struct position p;
		rc = store_position_get(s, o->position_id, &p);
		if (rc != STORE_OK)
			return rc == STORE_NOT_FOUND ? STORE_INVALID : rc;
	}
	/* A large import is one transaction: with the default 2 MB page cache
	 * SQLite spills dirty pages to the WAL again and again (a quarter of
	 * the time of 100,000 rows went to those writes). The cache is a limit,
	 * not an allocation; it goes back to the default afterwards. */
	(void)db_exec_script(s, "import cache", "PRAGMA cache_size = -131072");
	rc = store_begin_bulk(s);
	for (size_t i = 0; rc == STORE_OK && i < imp->nrows; i++) {
		const struct import_row *row = &imp->rows[i];
		if (row->duplicate)
			continue;
		if (o->cancelled && o->cancelled(o->ctx)) {
			rc = STORE_BUSY;
			break;
		}
		struct candidate c = row->c;
		rc = store_candidate_create(s, o->who, &c, o->now);
		if (rc == STORE_OK && row->notes[0])
			rc = store_application_add_event(s, o->who, c.id, 0, EVENT_NOTE, row->notes, o->now, NULL);
		if (rc == STORE_OK && o->position_id > 0) {
			struct application a = { 0 };
			a.candidate_id = c.id;
			a.position_id = o->position_id;
			rc = store_application_create(s, o->who, &a, o->now);
		}
		if (rc != STORE_OK) {
			*failed_line = row->line;
			break;
		}
		done++;
		if (o->progress && done % every == 0 && done < total)
			o->progress(o->ctx, done, total);
	}
	if (rc == STORE_OK)
		rc = audit_import(s, o, done, imp->nrows - total);
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK)
		store_rollback(s);
	(void)db_exec_script(s, "import cache", "PRAGMA cache_size = -2000");
	if (rc != STORE_OK)
		return rc;
	*imported = done;
	if (o->progress)
		o->progress(o->ctx, done, total);
	return STORE_OK;
}

/* --- staged files ------------------------------------------------------------ */

bool store_import_stage_id_valid(const char *id)
{
	size_t n = 0;
	if (!id)
		return false;
	for (; id[n]; n++)
		if (!((id[n] >= '0' && id[n] <= '9') || (id[n] >= 'a' && id[n] <= 'f')))
			return false;
	return n == IMPORT_STAGE_ID_LEN;
}

/* DATA_DIR/imports[/ID.EXT] */
static void stage_path(struct store *s, const char *id, const char *ext, char *out, size_t n)
{
	if (id)
		snprintf(out, n, "%s/imports/%s.%s", s->data_dir, id, ext);
	else
		snprintf(out, n, "%s/imports", s->data_dir);
}

/* Writes len bytes to a new file at path with mode 0600. */
static bool write_new_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_error("import: cannot create %s: %s", path, strerror(errno));
		return false;
	}
	const char *p = data;
	size_t left = len;
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			log_error("import: cannot write %s: %s", path, strerror(errno));
			close(fd);
			unlink(path);
			return false;
		}
		p += w;
		left -= (size_t)w;
	}
	if (close(fd) != 0) {
		log_error("import: cannot write %s: %s", path, strerror(errno));
		unlink(path);
		return false;
	}
	return true;
}

/* Removes staged files (both parts) last modified before now - max age. */
static void remove_stale(struct store *s, int64_t now)
{
	char dir[4096];
	stage_path(s, NULL, NULL, dir, sizeof dir);
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		char id[IMPORT_STAGE_ID_LEN + 1];
		const char *dot = strchr(e->d_name, '.');
		if (!dot || (size_t)(dot - e->d_name) != IMPORT_STAGE_ID_LEN)
			continue;
		memcpy(id, e->d_name, IMPORT_STAGE_ID_LEN);
		id[IMPORT_STAGE_ID_LEN] = '\0';
		if (!store_import_stage_id_valid(id) || (strcmp(dot, ".csv") != 0 && strcmp(dot, ".owner") != 0))
			continue;
		struct stat sb;
		if (fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    (int64_t)sb.st_mtime < now - IMPORT_STAGE_MAX_AGE)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

enum store_rc store_import_stage_write(struct store *s, int64_t owner, const void *data, size_t len, int64_t now,
				       char id[IMPORT_STAGE_ID_LEN + 1])
{
	char dir[4096], path[4096], owner_text[32];
	unsigned char raw[IMPORT_STAGE_ID_LEN / 2];

	stage_path(s, NULL, NULL, dir, sizeof dir);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_error("import: cannot create %s: %s", dir, strerror(errno));
		return STORE_ERROR;
	}
	remove_stale(s, now);
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(id, IMPORT_STAGE_ID_LEN + 1, raw, sizeof raw);
	/* The owner file first: a .csv without it is never readable. */
	stage_path(s, id, "owner", path, sizeof path);
	snprintf(owner_text, sizeof owner_text, "%" PRId64 "\n", owner);
	if (!write_new_file(path, owner_text, strlen(owner_text)))
		return STORE_ERROR;
	stage_path(s, id, "csv", path, sizeof path);
	if (!write_new_file(path, data, len)) {
		stage_path(s, id, "owner", path, sizeof path);
		unlink(path);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Reads a whole file into a malloc'd NUL-terminated buffer. */
static enum store_rc read_whole(const char *path, char **data, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? STORE_NOT_FOUND : STORE_ERROR;
	struct buf b;
	char chunk[65536];
	ssize_t got;
	buf_init(&b);
	while ((got = read(fd, chunk, sizeof chunk)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			log_error("import: cannot read %s: %s", path, strerror(errno));
			buf_free(&b);
			close(fd);
			return STORE_ERROR;
		}
		buf_append(&b, chunk, (size_t)got);
	}
	close(fd);
	*len = b.len;
	buf_putc(&b, '\0');
	*data = buf_detach(&b);
	return STORE_OK;
}

/* STORE_OK when staged file id exists and belongs to owner. */
static enum store_rc check_owner(struct store *s, const char *id, int64_t owner)
{
	char path[4096], *text = NULL;
	size_t len = 0;
	if (!store_import_stage_id_valid(id))
		return STORE_NOT_FOUND;
	stage_path(s, id, "owner", path, sizeof path);
	enum store_rc rc = read_whole(path, &text, &len);
	if (rc != STORE_OK)
		return rc;
	char want[32];
	snprintf(want, sizeof want, "%" PRId64 "\n", owner);
	rc = strcmp(text, want) == 0 ? STORE_OK : STORE_NOT_FOUND;
	free(text);
	return rc;
}

enum store_rc store_import_stage_read(struct store *s, const char *id, int64_t owner, char **data, size_t *len)
{
	char path[4096];
	enum store_rc rc = check_owner(s, id, owner);
	if (rc != STORE_OK)
		return rc;
	stage_path(s, id, "csv", path, sizeof path);
	return read_whole(path, data, len);
}

enum store_rc store_import_stage_delete(struct store *s, const char *id, int64_t owner)
{
	char path[4096];
	enum store_rc rc = check_owner(s, id, owner);
	if (rc != STORE_OK)
		return rc;
	stage_path(s, id, "csv", path, sizeof path);
	unlink(path);
	stage_path(s, id, "owner", path, sizeof path);
	unlink(path);
	return STORE_OK;
}
