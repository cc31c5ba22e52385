/*
 * store.h — the persistence interface of stellwerk.
 *
 * Callers see plain structs and result codes only: no SQLite types and no
 * SQL leave src/store/, so a PostgreSQL backend can later implement the same
 * functions. A struct store is one connection; it is not shared between
 * threads (the web server keeps one per worker thread).
 *
 * Every mutating function writes its audit row (R-X-4) inside the same
 * transaction as the change, attributed to the given actor.
 */
#ifndef STELLWERK_STORE_STORE_H
#define STELLWERK_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

enum store_rc {
	STORE_OK = 0,
	STORE_NOT_FOUND,   /* no such row */
	STORE_CONFLICT,    /* unique constraint, e.g. user name taken */
	STORE_BUSY,        /* database locked longer than the busy timeout */
	STORE_ERROR,       /* a bug or I/O failure; details are logged */
	STORE_INVALID      /* bad input the store cannot keep: a reference to a row
			      that does not exist or belongs elsewhere (linking a
			      requirement to another position's goal), text that is
			      not UTF-8, a template that is not JSON; nothing changed */
};

/* Who made a change: a user, or the command line / system (user_id 0). */
struct actor {
	int64_t user_id;
	const char *name;  /* user name or "cli" / "system"; copied into the audit row */
	const char *ip;    /* may be NULL */
};

#define STORE_DB_FILE "stellwerk.db"

/* Process-wide setup; call once at start, before any other store function.
 * Turns off the engine's global memory statistics, whose lock every worker
 * thread would otherwise contend on. */
void store_global_init(void);

/* Opens DATA_DIR/stellwerk.db. With create, the file may be created; without,
 * a missing database is an error. Applies pragmas (WAL, foreign keys, busy
 * timeout, synchronous=FULL). err receives a user-facing message on failure. */
enum store_rc store_open(const char *data_dir, bool create, struct store **out, char *err, size_t errlen);
void store_close(struct store *s);

/* Applies embedded migrations in one transaction each; reports versions. */
enum store_rc store_migrate(struct store *s, int *from_version, int *to_version);
int store_schema_version(struct store *s);
int store_schema_latest(void);

enum store_rc store_begin(struct store *s);     /* BEGIN IMMEDIATE */
/* A transaction for many writes that is all or nothing: store functions
 * inside it take no savepoints, so after ANY failure the caller must
 * store_rollback (never commit part of it). For imports. */
enum store_rc store_begin_bulk(struct store *s);
enum store_rc store_commit(struct store *s);
void store_rollback(struct store *s);           /* no-op when no transaction is open */

/* Consistent copy of the live database into a new file (online backup API). */
enum store_rc store_backup(struct store *s, const char *dest_path, char *err, size_t errlen);

/* Runs PRAGMA integrity_check; true when it answers "ok". */
bool store_integrity_ok(struct store *s);

const char *store_rc_name(enum store_rc rc);
const char *store_engine_version(void);         /* e.g. "SQLite 3.40.1" */

#endif
