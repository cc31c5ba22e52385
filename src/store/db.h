/*
 * db.h — the one SQLite wrapper of stellwerk, private to src/store/.
 *
 * Modelled on Fossil's db.c (db_vprepare): every statement is prepared from a
 * string literal, values go in only through named parameters, and a failing
 * statement is logged together with its SQL text and SQLite's message. The
 * connection counts its open statements so a forgotten db_finalize shows up
 * at store_close. SQLite result codes are mapped to enum store_rc here and
 * nowhere else.
 *
 * Errors are sticky per statement: a failed prepare or bind is remembered and
 * reported by the next db_step, so callers check once, at the step.
 *
 *	struct db_stmt st;
 *	db_prepare(s, &st, "SELECT name FROM users WHERE id = :id");
 *	db_bind_int64(&st, ":id", id);
 *	rc = db_step_row(&st);
 *	if (rc == STORE_OK)
 *		db_column_text_copy(&st, 0, name, sizeof name);
 *	db_finalize(&st);
 *
 * Loops over rows, and lookups where no row means something other than
 * STORE_NOT_FOUND, switch on db_step (DB_ROW, DB_DONE, DB_FAIL) instead.
 */
#ifndef STELLWERK_STORE_DB_H
#define STELLWERK_STORE_DB_H

#include <jansson.h>
#include <sqlite3.h>

#include "store/store.h"

/* A compiled statement kept for reuse, keyed by the address of its SQL literal. */
struct db_cached_stmt {
	const char *sql;
	sqlite3_stmt *st;
	bool in_use;
};

#define DB_STMT_CACHE 128

/* One connection to one data directory. */
struct store {
	sqlite3 *db;
	int open_statements;     /* prepared and not yet finalized */
	struct db_cached_stmt cache[DB_STMT_CACHE];
	int ncache;
	bool in_transaction;     /* a store_begin is open */
	bool bulk;               /* ... by store_begin_bulk: nested writes take no savepoint */
	char *data_dir;          /* owned copy of the directory path */
};

struct db_stmt {
	struct store *s;
	sqlite3_stmt *st;        /* NULL when the prepare failed */
	const char *sql;         /* the literal it was prepared from, for messages */
	enum store_rc rc;        /* first error seen on this statement, else STORE_OK */
};

enum db_step_result { DB_ROW, DB_DONE, DB_FAIL };

/*
 * Prepares one statement. The macro accepts only a string literal ("" sql ""
 * does not compile otherwise), so SQL can never be assembled from input.
 * Always pair with db_finalize, also when this fails.
 */
#define db_prepare(s, st, sql) db_prepare_literal((s), (st), "" sql "")
enum store_rc db_prepare_literal(struct store *s, struct db_stmt *st, const char *sql);

/* Bind by parameter name (":name"). A NULL text binds SQL NULL. An unknown
 * name is a bug: it is logged and fails the next db_step. */
void db_bind_text(struct db_stmt *st, const char *name, const char *value);
void db_bind_int64(struct db_stmt *st, const char *name, int64_t value);
void db_bind_null(struct db_stmt *st, const char *name);

/* Steps once; on DB_FAIL db_rc tells STORE_CONFLICT / STORE_BUSY / STORE_ERROR. */
enum db_step_result db_step(struct db_stmt *st);
enum store_rc db_rc(const struct db_stmt *st);
/* Steps st to its first row: STORE_OK when there is one to read (the caller
 * reads it, then finalizes), STORE_NOT_FOUND when there is none, else the
 * store error. */
enum store_rc db_step_row(struct db_stmt *st);
/* Steps a statement that returns no rows (INSERT, UPDATE, DELETE): STORE_OK
 * when it ran to completion, else the mapped error. */
enum store_rc db_step_done(struct db_stmt *st);
/* db_step_done, then db_finalize: runs a one-shot write statement. */
enum store_rc db_run(struct db_stmt *st);

/* Column getters for the current row; SQL NULL reads as 0 or "". */
int64_t db_column_int64(struct db_stmt *st, int col);
double db_column_double(struct db_stmt *st, int col);
bool db_column_is_null(struct db_stmt *st, int col);
/* Copies the text into buf (size n, always NUL-terminated); false if it was cut. */
bool db_column_text_copy(struct db_stmt *st, int col, char *buf, size_t n);
/* The text as a new string; the caller frees it. */
char *db_column_text_dup(struct db_stmt *st, int col);

/* Finalizes (safe on a failed prepare and twice) and returns the statement's
 * rc. A cached statement is reset and kept for the next db_prepare of the
 * same literal instead: compiling SQL is the largest cost of small queries. */
enum store_rc db_finalize(struct db_stmt *st);
/* Finalizes every cached statement; store_close calls it first. */
void db_cache_clear(struct store *s);

int64_t db_last_insert_id(struct store *s);
int64_t db_changes(struct store *s);

/* Runs a literal script of one or more statements without parameters
 * (migrations, pragmas); `what` names it in the error log. */
#define db_exec_script(s, what, sql) db_exec_script_literal((s), (what), "" sql "")
enum store_rc db_exec_script_literal(struct store *s, const char *what, const char *sql);

/*
 * The unit of work of one mutating store function: its own transaction when
 * the caller has none open, else a savepoint inside the caller's, so the
 * function either fully happens or not at all. db_write_end commits/releases
 * on STORE_OK and rolls back otherwise; it returns the final rc.
 */
struct db_write {
	bool own_transaction;
	bool savepoint;          /* nested in the caller's transaction (not a bulk one) */
	bool active;
};
enum store_rc db_write_begin(struct store *s, struct db_write *w);
enum store_rc db_write_end(struct store *s, struct db_write *w, enum store_rc rc);

/* Maps a SQLite (extended) result code to a store_rc. */
enum store_rc db_map_rc(int sqlite_rc);

/* Appends an audit row whose changes column is the compact JSON of changes
 * (NULL allowed); does not take ownership of changes. See audit.c. */
enum store_rc store_audit_json(struct store *s, const struct actor *who, const char *entity, int64_t entity_id,
			       const char *action, const json_t *changes, int64_t now);

/* Whether this SQLite build has the FTS5 full-text extension (migrations.c). */
bool store_has_fts5(struct store *s);

#endif
