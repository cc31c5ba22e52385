/*
 * migrations.c — the database schema as an ordered list of migrations.
 *
 * Migration N brings the schema from version N-1 to N; PRAGMA user_version
 * holds the version reached. Each migration runs in its own transaction and
 * ends by setting user_version inside its own SQL (a PRAGMA cannot take a
 * bound parameter, and SQL is never assembled at run time), so a migration
 * is applied completely or not at all. Never edit a released migration:
 * append a new one.
 */
#include "store/db.h"

#include <string.h>

#include "util/log.h"

struct migration {
	int version;
	const char *sql;
};

static const struct migration migrations[] = {
	{ 1,
	  /* Accounts, sessions, API tokens, the audit log and login attempts (R-X-2, R-X-4). */
	  "CREATE TABLE users (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 63),\n"
	  "  display_name TEXT NOT NULL DEFAULT '',\n"
	  "  role TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),\n"
	  "  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),\n"
	  "  lang TEXT NOT NULL DEFAULT '' CHECK (length(lang) < 8),\n"
	  "  password_hash TEXT NOT NULL,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  password_changed_at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE TABLE sessions (\n"
	  "  id_hash TEXT PRIMARY KEY,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  csrf TEXT NOT NULL,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  last_seen_at INTEGER NOT NULL,\n"
	  "  ip TEXT NOT NULL DEFAULT '',\n"
	  "  user_agent TEXT NOT NULL DEFAULT ''\n"
	  ") WITHOUT ROWID;\n"
	  "CREATE INDEX sessions_user ON sessions(user_id);\n"
	  "CREATE INDEX sessions_last_seen ON sessions(last_seen_at);\n"
	  "CREATE TABLE api_tokens (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  label TEXT NOT NULL DEFAULT '',\n"
	  "  hash TEXT NOT NULL UNIQUE,\n"
	  "  prefix TEXT NOT NULL,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  last_used_at INTEGER,\n"
	  "  revoked_at INTEGER\n"
	  ");\n"
	  "CREATE INDEX api_tokens_user ON api_tokens(user_id);\n"
	  /* user_id is NULL for the command line and the system. No foreign key:
	   * the log outlives what it describes. */
	  "CREATE TABLE audit_log (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  user_id INTEGER,\n"
	  "  actor TEXT NOT NULL,\n"
	  "  ip TEXT,\n"
	  "  entity TEXT NOT NULL,\n"
	  "  entity_id INTEGER,\n"
	  "  action TEXT NOT NULL,\n"
	  "  changes TEXT CHECK (changes IS NULL OR json_valid(changes))\n"
	  ");\n"
	  "CREATE INDEX audit_log_at ON audit_log(at);\n"
	  "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);\n"
	  "CREATE TABLE login_attempts (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  ip TEXT NOT NULL,\n"
	  "  username TEXT NOT NULL COLLATE NOCASE,\n"
	  "  ok INTEGER NOT NULL CHECK (ok IN (0, 1))\n"
	  ");\n"
	  "CREATE INDEX login_attempts_ip ON login_attempts(ip, at);\n"
	  "CREATE INDEX login_attempts_username ON login_attempts(username, at);\n"
	  "CREATE INDEX login_attempts_at ON login_attempts(at);\n"
	  "PRAGMA user_version = 1;\n" },
};

#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_latest(void)
{
	return MIGRATION_COUNT;
}

int store_schema_version(struct store *s)
{
	struct db_stmt st;
	int version = -1;
	db_prepare(s, &st, "PRAGMA user_version");
	if (db_step(&st) == DB_ROW)
		version = (int)db_column_int64(&st, 0);
	db_finalize(&st);
	return version;
}

bool store_has_fts5(struct store *s)
{
	struct db_stmt st;
	char option[128];
	bool found = false;
	db_prepare(s, &st, "PRAGMA compile_options");
	while (!found && db_step(&st) == DB_ROW) {
		db_column_text_copy(&st, 0, option, sizeof option);
		found = strcmp(option, "ENABLE_FTS5") == 0;
	}
	db_finalize(&st);
	return found;
}

/* Applies migration m unless another process got there first. The version
 * is re-read inside the write transaction, so two processes migrating at the
 * same time cannot apply a migration twice. */
static enum store_rc migration_apply(struct store *s, const struct migration *m)
{
	enum store_rc rc = store_begin(s);
	if (rc != STORE_OK)
		return rc;
	int version = store_schema_version(s);
	if (version < 0) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if (version >= m->version)
		goto cleanup;
	if ((rc = db_exec_script_literal(s, "a schema migration", m->sql)) != STORE_OK) {
		log_error("schema migration %d failed; the database stays at version %d", m->version, version);
		goto cleanup;
	}
	if (store_schema_version(s) != m->version) {
		log_error("schema migration %d did not set user_version to %d", m->version, m->version);
		rc = STORE_ERROR;
		goto cleanup;
	}
	log_info("database schema migrated to version %d", m->version);
cleanup:
	if (rc == STORE_OK)
		return store_commit(s);
	store_rollback(s);
	return rc;
}

enum store_rc store_migrate(struct store *s, int *from_version, int *to_version)
{
	enum store_rc rc = STORE_OK;
	int from = store_schema_version(s);
	if (from_version)
		*from_version = from;
	if (to_version)
		*to_version = from;
	if (from < 0)
		return STORE_ERROR;
	if (from > MIGRATION_COUNT) {
		log_error("database schema version %d is newer than this program knows (%d)", from, MIGRATION_COUNT);
		return STORE_ERROR;
	}
	if (!store_has_fts5(s))
		log_warn("this SQLite build lacks FTS5; full-text search will not work");
	for (int i = 0; i < MIGRATION_COUNT && rc == STORE_OK; i++) {
		if (migrations[i].version <= from)
			continue;
		rc = migration_apply(s, &migrations[i]);
	}
	if (to_version)
		*to_version = store_schema_version(s);
	return rc;
}
