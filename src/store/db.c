/*
 * db.c — the SQLite wrapper used by every file in src/store/; see db.h.
 *
 * Everything that talks to sqlite3_* for statements lives here: preparing
 * from literals, binding by name, stepping, reading columns, mapping result
 * codes and logging failures with the statement text. It also provides the
 * per-function unit of work (transaction or savepoint) that keeps each
 * mutating store function all-or-nothing.
 */
#include "store/db.h"

#include <string.h>

#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

enum store_rc db_map_rc(int sqlite_rc)
{
	switch (sqlite_rc) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return STORE_OK;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return STORE_CONFLICT;
	default:
		break;
	}
	switch (sqlite_rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_BUSY;
	default:
		return STORE_ERROR;
	}
}

/* Logs a failed call on statement st (or on the connection when st has no
 * statement) with the SQL text. Conflicts are an expected answer, not a
 * failure, and are not logged. */
static void db_log_failure(struct store *s, const char *sql, int sqlite_rc)
{
	enum store_rc rc = db_map_rc(sqlite_rc);
	if (rc == STORE_CONFLICT)
		return;
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(sqlite_rc);
	if (rc == STORE_BUSY)
		log_warn("database busy (%s): %s [%s]", sqlite3_errstr(sqlite_rc), msg, sql);
	else
		log_error("SQL failed (%s): %s [%s]", sqlite3_errstr(sqlite_rc), msg, sql);
}

enum store_rc db_prepare_literal(struct store *s, struct db_stmt *st, const char *sql)
{
	st->s = s;
	st->st = NULL;
	st->sql = sql;
	st->rc = STORE_OK;
	for (int i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql && !s->cache[i].in_use) {
			s->cache[i].in_use = true;
			st->st = s->cache[i].st;
			s->open_statements++;
			return STORE_OK;
		}
	}
	int rc = sqlite3_prepare_v3(s->db, sql, -1, s->ncache < DB_STMT_CACHE ? SQLITE_PREPARE_PERSISTENT : 0, &st->st, NULL);
	if (rc == SQLITE_OK && s->ncache < DB_STMT_CACHE)
		s->cache[s->ncache++] = (struct db_cached_stmt){ sql, st->st, true };
	if (rc != SQLITE_OK) {
		db_log_failure(s, sql, rc);
		sqlite3_finalize(st->st);
		st->st = NULL;
		st->rc = db_map_rc(rc) == STORE_BUSY ? STORE_BUSY : STORE_ERROR;
		return st->rc;
	}
	s->open_statements++;
	return STORE_OK;
}

/* Parameter index of name, or 0 after recording the bug in st. */
static int db_param_index(struct db_stmt *st, const char *name)
{
	if (!st->st)
		return 0;
	int idx = sqlite3_bind_parameter_index(st->st, name);
	if (idx == 0) {
		log_error("SQL bug: no parameter %s in [%s]", name, st->sql);
		if (st->rc == STORE_OK)
			st->rc = STORE_ERROR;
	}
	return idx;
}

static void db_bind_check(struct db_stmt *st, int sqlite_rc)
{
	if (sqlite_rc == SQLITE_OK)
		return;
	db_log_failure(st->s, st->sql, sqlite_rc);
	if (st->rc == STORE_OK)
		st->rc = STORE_ERROR;
}

void db_bind_text(struct db_stmt *st, const char *name, const char *value)
{
	int idx = db_param_index(st, name);
	if (idx == 0)
		return;
	if (!value)
		db_bind_check(st, sqlite3_bind_null(st->st, idx));
	else
		db_bind_check(st, sqlite3_bind_text(st->st, idx, value, -1, SQLITE_TRANSIENT));
}

void db_bind_int64(struct db_stmt *st, const char *name, int64_t value)
{
	int idx = db_param_index(st, name);
	if (idx != 0)
		db_bind_check(st, sqlite3_bind_int64(st->st, idx, (sqlite3_int64)value));
}

void db_bind_null(struct db_stmt *st, const char *name)
{
	int idx = db_param_index(st, name);
	if (idx != 0)
		db_bind_check(st, sqlite3_bind_null(st->st, idx));
}

enum db_step_result db_step(struct db_stmt *st)
{
	if (!st->st || st->rc != STORE_OK) {
		if (st->rc == STORE_OK)
			st->rc = STORE_ERROR;
		return DB_FAIL;
	}
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	db_log_failure(st->s, st->sql, rc);
	st->rc = db_map_rc(rc);
	if (st->rc == STORE_OK)
		st->rc = STORE_ERROR;
	return DB_FAIL;
}

enum store_rc db_rc(const struct db_stmt *st)
{
	return st->rc;
}

enum store_rc db_step_row(struct db_stmt *st)
{
	switch (db_step(st)) {
	case DB_ROW:
		return STORE_OK;
	case DB_DONE:
		return STORE_NOT_FOUND;
	case DB_FAIL:
	default:
		return st->rc;
	}
}

enum store_rc db_step_done(struct db_stmt *st)
{
	switch (db_step(st)) {
	case DB_DONE:
		return STORE_OK;
	case DB_ROW:
		log_error("SQL bug: statement returned a row where none was expected [%s]", st->sql);
		st->rc = STORE_ERROR;
		return STORE_ERROR;
	case DB_FAIL:
	default:
		return st->rc;
	}
}

enum store_rc db_run(struct db_stmt *st)
{
	enum store_rc rc = db_step_done(st);
	db_finalize(st);
	return rc;
}

double db_column_double(struct db_stmt *st, int col)
{
	return st->st ? sqlite3_column_double(st->st, col) : 0.0;
}

int64_t db_column_int64(struct db_stmt *st, int col)
{
	return (int64_t)sqlite3_column_int64(st->st, col);
}

bool db_column_is_null(struct db_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

bool db_column_text_copy(struct db_stmt *st, int col, char *buf, size_t n)
{
	const char *text = (const char *)sqlite3_column_text(st->st, col);
	return str_copy(buf, n, text ? text : "");
}

char *db_column_text_dup(struct db_stmt *st, int col)
{
	const char *text = (const char *)sqlite3_column_text(st->st, col);
	return xstrdup(text ? text : "");
}

enum store_rc db_finalize(struct db_stmt *st)
{
	if (st->st) {
		struct store *s = st->s;
		bool cached = false;
		for (int i = 0; i < s->ncache && !cached; i++) {
			if (s->cache[i].st == st->st) {
				sqlite3_reset(st->st);
				sqlite3_clear_bindings(st->st);
				s->cache[i].in_use = false;
				cached = true;
			}
		}
		if (!cached)
			sqlite3_finalize(st->st);
		st->st = NULL;
		s->open_statements--;
	}
	return st->rc;
}

void db_cache_clear(struct store *s)
{
	for (int i = 0; i < s->ncache; i++)
		if (!s->cache[i].in_use)
			sqlite3_finalize(s->cache[i].st);
	s->ncache = 0;
}

int64_t db_last_insert_id(struct store *s)
{
	return (int64_t)sqlite3_last_insert_rowid(s->db);
}

int64_t db_changes(struct store *s)
{
	return (int64_t)sqlite3_changes64(s->db);
}

enum store_rc db_exec_script_literal(struct store *s, const char *what, const char *sql)
{
	char *errmsg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &errmsg);
	if (rc == SQLITE_OK)
		return STORE_OK;
	enum store_rc mapped = db_map_rc(rc);
	if (mapped == STORE_OK)
		mapped = STORE_ERROR;
	if (mapped == STORE_BUSY)
		log_warn("database busy running %s: %s", what, errmsg ? errmsg : sqlite3_errstr(rc));
	else
		log_error("SQL failed running %s (%s): %s", what, sqlite3_errstr(rc), errmsg ? errmsg : "");
	sqlite3_free(errmsg);
	return mapped;
}

enum store_rc db_write_begin(struct store *s, struct db_write *w)
{
	w->active = false;
	w->own_transaction = !s->in_transaction;
	/* In a bulk transaction every failure rolls back everything, so a unit
	 * needs no savepoint of its own — and a savepoint would make FTS5 flush
	 * its pending index terms each time (a quarter of a 100,000-row import). */
	w->savepoint = !w->own_transaction && !s->bulk;
	enum store_rc rc = STORE_OK;
	if (w->own_transaction)
		rc = store_begin(s);
	else if (w->savepoint)
		rc = db_exec_script(s, "savepoint", "SAVEPOINT store_write");
	w->active = rc == STORE_OK;
	return rc;
}

enum store_rc db_write_end(struct store *s, struct db_write *w, enum store_rc rc)
{
	if (!w->active)
		return rc;
	w->active = false;
	if (w->own_transaction) {
		if (rc == STORE_OK)
			return store_commit(s);
		store_rollback(s);
		return rc;
	}
	if (!w->savepoint)
		return rc;             /* bulk: the caller rolls back on any failure */
	if (rc == STORE_OK)
		return db_exec_script(s, "savepoint release", "RELEASE store_write");
	/* A severe error (I/O, disk full) may already have ended the caller's
	 * transaction; then there is no savepoint left to roll back to. */
	if (!sqlite3_get_autocommit(s->db)) {
		db_exec_script(s, "savepoint rollback", "ROLLBACK TO store_write");
		db_exec_script(s, "savepoint release", "RELEASE store_write");
	}
	return rc;
}
