/*
 * store.c — opening and closing the database, transactions, online backup
 * and integrity checks; see store.h.
 *
 * One struct store is one SQLite connection to DATA_DIR/stellwerk.db. It is
 * opened without SQLite's connection mutex (SQLITE_OPEN_NOMUTEX) because a
 * connection is never shared between threads: every thread opens its own.
 */
#include "store/db.h"
#include "store/fts_snowball.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

/* Creates the database file with mode 0600 when it does not exist yet, so
 * the file (and the -wal/-shm files SQLite derives from it) is never
 * readable by others, whatever the umask. */
static bool create_db_file(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return true;
		snprintf(err, errlen, _("cannot create %s: %s"), path, strerror(errno));
		return false;
	}
	close(fd);
	return true;
}

/* Runs one pragma that answers with a single text row; copies the answer. */
static enum store_rc pragma_text(struct db_stmt *st, char *answer, size_t n)
{
	enum store_rc rc;
	switch (db_step(st)) {
	case DB_ROW:
		db_column_text_copy(st, 0, answer, n);
		rc = STORE_OK;
		break;
	case DB_DONE:
		answer[0] = '\0';
		rc = STORE_OK;
		break;
	default:
		rc = db_rc(st);
		break;
	}
	db_finalize(st);
	return rc;
}

/*
 * Connection settings, applied on every open:
 * - WAL lets readers (web requests, backups) run while one writer commits.
 * - foreign_keys is off by default in SQLite and must be enabled per connection.
 * - busy_timeout makes a writer wait up to 5 s for another writer instead of
 *   failing at once with SQLITE_BUSY.
 * - synchronous=FULL: in WAL mode NORMAL already survives a crash of the
 *   process, but can lose the last transactions on power loss; FULL makes
 *   every acknowledged commit durable, costing an fsync per commit, which
 *   this write-light application affords.
 */
static enum store_rc apply_pragmas(struct store *s, char *err, size_t errlen)
{
	struct db_stmt st;
	char mode[16];
	/* the busy timeout first: switching to WAL may have to wait for a lock */
	enum store_rc rc = db_exec_script(s, "busy timeout", "PRAGMA busy_timeout = 5000");
	if (rc == STORE_OK) {
		db_prepare(s, &st, "PRAGMA journal_mode = WAL");
		rc = pragma_text(&st, mode, sizeof mode);
	}
	if (rc != STORE_OK) {
		snprintf(err, errlen, _("cannot read %s/%s: %s"), s->data_dir, STORE_DB_FILE, sqlite3_errmsg(s->db));
		return rc;
	}
	if (strcmp(mode, "wal") != 0) {
		snprintf(err, errlen, _("cannot switch %s/%s to WAL mode (it answered '%s')"), s->data_dir,
			 STORE_DB_FILE, mode);
		return STORE_ERROR;
	}
	rc = db_exec_script(s, "connection pragmas",
			    "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
	if (rc != STORE_OK)
		snprintf(err, errlen, _("cannot configure %s/%s: %s"), s->data_dir, STORE_DB_FILE,
			 sqlite3_errmsg(s->db));
	return rc;
}

void store_global_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum store_rc store_open(const char *data_dir, bool create, struct store **out, char *err, size_t errlen)
{
	struct store *s = NULL;
	char path[PATH_MAX];
	struct stat sb;
	enum store_rc rc = STORE_ERROR;

	*out = NULL;
	if (errlen)
		err[0] = '\0';
	if (stat(data_dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, _("data directory %s does not exist"), data_dir);
		goto cleanup;
	}
	if ((size_t)snprintf(path, sizeof path, "%s/%s", data_dir, STORE_DB_FILE) >= sizeof path) {
		snprintf(err, errlen, _("data directory path is too long: %s"), data_dir);
		goto cleanup;
	}
	if (create) {
		if (!create_db_file(path, err, errlen))
			goto cleanup;
	} else if (stat(path, &sb) != 0) {
		snprintf(err, errlen, _("no database %s in %s"), STORE_DB_FILE, data_dir);
		rc = STORE_NOT_FOUND;
		goto cleanup;
	}

	s = xcalloc(1, sizeof *s);
	s->data_dir = xstrdup(data_dir);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
	int src = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (src != SQLITE_OK) {
		snprintf(err, errlen, _("cannot open %s: %s"), path,
			 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(src));
		goto cleanup;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if ((rc = apply_pragmas(s, err, errlen)) != STORE_OK)
		goto cleanup;
	if (!fts_snowball_register(s->db))
		log_warn("the stemming full-text tokenizer could not be registered; search will not find word forms");
	*out = s;
	s = NULL;
	rc = STORE_OK;
cleanup:
	if (s)
		store_close(s);
	return rc;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->db) {
		if (s->in_transaction) {
			log_warn("store closed with an open transaction; rolling it back");
			store_rollback(s);
		}
		db_cache_clear(s);
		if (s->open_statements != 0) {
			log_error("store closed with %d statement(s) not finalized", s->open_statements);
			for (sqlite3_stmt *p = sqlite3_next_stmt(s->db, NULL); p; p = sqlite3_next_stmt(s->db, p))
				log_error("  not finalized: %s", sqlite3_sql(p));
		}
		assert(s->open_statements == 0);
		if (sqlite3_close(s->db) != SQLITE_OK)
			log_error("closing the database failed: %s", sqlite3_errmsg(s->db));
	}
	free(s->data_dir);
	free(s);
}

enum store_rc store_begin(struct store *s)
{
	if (s->in_transaction) {
		log_error("store_begin: a transaction is already open (nested transactions are a bug)");
		return STORE_ERROR;
	}
	struct db_stmt st;
	db_prepare(s, &st, "BEGIN IMMEDIATE");
	enum store_rc rc = db_step_done(&st);
	db_finalize(&st);
	if (rc == STORE_OK)
		s->in_transaction = true;
	return rc;
}

enum store_rc store_begin_bulk(struct store *s)
{
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		s->bulk = true;
	return rc;
}

enum store_rc store_commit(struct store *s)
{
	if (!s->in_transaction) {
		log_error("store_commit: no transaction is open");
		return STORE_ERROR;
	}
	struct db_stmt st;
	db_prepare(s, &st, "COMMIT");
	enum store_rc rc = db_step_done(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		/* A failed COMMIT may leave the transaction open; end it so the
		 * connection is usable and nothing is half-written. */
		s->in_transaction = !sqlite3_get_autocommit(s->db);
		store_rollback(s);
		return rc;
	}
	s->in_transaction = false;
	s->bulk = false;
	return STORE_OK;
}

void store_rollback(struct store *s)
{
	/* SQLite rolls back on its own after some errors (disk full, I/O);
	 * then there is nothing left to roll back. */
	if (s->in_transaction && !sqlite3_get_autocommit(s->db))
		db_exec_script(s, "rollback", "ROLLBACK");
	s->in_transaction = false;
	s->bulk = false;
}

/* Flushes a file (or directory) to disk; false with errno set on failure. */
static bool fsync_path(const char *path, bool directory)
{
	int fd = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return false;
	int rc = fsync(fd);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc == 0;
}

/* Copies every page of s into the (empty) SQLite file at path. */
static enum store_rc backup_copy(struct store *s, const char *path, char *err, size_t errlen)
{
	sqlite3 *dest = NULL;
	enum store_rc rc = STORE_ERROR;
	int src = sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (src != SQLITE_OK) {
		snprintf(err, errlen, _("cannot open %s: %s"), path, dest ? sqlite3_errmsg(dest) : sqlite3_errstr(src));
		goto cleanup;
	}
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", s->db, "main");
	if (!b) {
		snprintf(err, errlen, _("cannot start the backup: %s"), sqlite3_errmsg(dest));
		goto cleanup;
	}
	/* All pages in one step: the copy is one consistent snapshot. In WAL
	 * mode writers keep working meanwhile; BUSY only happens while another
	 * connection checkpoints, so retry briefly. */
	int tries = 0;
	do {
		src = sqlite3_backup_step(b, -1);
		if (src == SQLITE_BUSY || src == SQLITE_LOCKED)
			sqlite3_sleep(100);
	} while ((src == SQLITE_BUSY || src == SQLITE_LOCKED || src == SQLITE_OK) && ++tries < 100);
	sqlite3_backup_finish(b);
	if (src != SQLITE_DONE) {
		snprintf(err, errlen, _("the backup failed: %s"), sqlite3_errstr(src));
		rc = db_map_rc(src) == STORE_BUSY ? STORE_BUSY : STORE_ERROR;
		goto cleanup;
	}
	rc = STORE_OK;
cleanup:
	if (dest && sqlite3_close(dest) != SQLITE_OK && rc == STORE_OK) {
		snprintf(err, errlen, _("cannot close %s"), path);
		rc = STORE_ERROR;
	}
	return rc;
}

/* Moves tmp to dest unless dest exists (no replace, atomic). */
static bool rename_noreplace(const char *tmp, const char *dest)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dest, RENAME_NOREPLACE) == 0)
		return true;
	if (errno != EINVAL && errno != ENOSYS)
		return false;
	/* File systems without RENAME_NOREPLACE: link refuses to replace too. */
	if (link(tmp, dest) != 0)
		return false;
	unlink(tmp);
	return true;
}

enum store_rc store_backup(struct store *s, const char *dest_path, char *err, size_t errlen)
{
	char tmp[PATH_MAX] = "";
	char dir[PATH_MAX];
	struct stat sb;
	enum store_rc rc = STORE_ERROR;

	if (errlen)
		err[0] = '\0';
	if (s->in_transaction) {
		log_error("store_backup: called inside a transaction");
		snprintf(err, errlen, _("cannot back up inside a transaction"));
		goto cleanup;
	}
	if (lstat(dest_path, &sb) == 0) {
		snprintf(err, errlen, _("%s already exists; choose a new file name"), dest_path);
		rc = STORE_CONFLICT;
		goto cleanup;
	}
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", dest_path) >= sizeof tmp) {
		snprintf(err, errlen, _("backup path is too long: %s"), dest_path);
		tmp[0] = '\0';
		goto cleanup;
	}
	/* mkstemp creates the file with mode 0600: backups hold password hashes. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a file next to %s: %s"), dest_path, strerror(errno));
		tmp[0] = '\0';
		goto cleanup;
	}
	close(fd);
	if ((rc = backup_copy(s, tmp, err, errlen)) != STORE_OK)
		goto cleanup;
	rc = STORE_ERROR;
	if (!fsync_path(tmp, false)) {
		snprintf(err, errlen, _("cannot write %s: %s"), tmp, strerror(errno));
		goto cleanup;
	}
	if (!rename_noreplace(tmp, dest_path)) {
		snprintf(err, errlen, errno == EEXIST ? _("%s already exists; choose a new file name")
						      : _("cannot create %s: %s"),
			 dest_path, strerror(errno));
		goto cleanup;
	}
	tmp[0] = '\0';
	str_copy(dir, sizeof dir, dest_path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		str_copy(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (!fsync_path(dir, true))
		log_warn("backup: cannot sync directory %s: %s", dir, strerror(errno));
	rc = STORE_OK;
cleanup:
	if (tmp[0]) {
		unlink(tmp);
		/* the copy may have left a rollback journal behind */
		char journal[PATH_MAX + 16];
		snprintf(journal, sizeof journal, "%s-journal", tmp);
		unlink(journal);
	}
	return rc;
}

bool store_integrity_ok(struct store *s)
{
	struct db_stmt st;
	char answer[256] = "";
	db_prepare(s, &st, "PRAGMA integrity_check");
	bool ok = db_step(&st) == DB_ROW && db_column_text_copy(&st, 0, answer, sizeof answer) &&
		  strcmp(answer, "ok") == 0;
	if (!ok)
		log_error("integrity check failed: %s", answer[0] ? answer : "no answer");
	db_finalize(&st);
	return ok;
}

const char *store_rc_name(enum store_rc rc)
{
	switch (rc) {
	case STORE_OK:
		return "ok";
	case STORE_NOT_FOUND:
		return "not found";
	case STORE_CONFLICT:
		return "conflict";
	case STORE_BUSY:
		return "busy";
	case STORE_ERROR:
		return "error";
	case STORE_INVALID:
		return "invalid";
	}
	return "unknown";
}

static char engine_version[48];
static pthread_once_t engine_version_once = PTHREAD_ONCE_INIT;

static void engine_version_init(void)
{
	snprintf(engine_version, sizeof engine_version, "SQLite %s", sqlite3_libversion());
}

const char *store_engine_version(void)
{
	pthread_once(&engine_version_once, engine_version_init);
	return engine_version;
}
