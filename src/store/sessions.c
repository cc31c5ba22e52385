/*
 * sessions.c — server-side login sessions; see sessions.h.
 *
 * Rows are keyed by the SHA-256 of the cookie value. Sessions are not
 * audited here: the web layer records logins and logouts explicitly. Each
 * function is a single statement, which SQLite runs as its own transaction
 * (or inside the caller's).
 */
#include "store/sessions.h"

#include "store/db.h"

enum store_rc store_session_create(struct store *s, const struct session *sess)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "INSERT INTO sessions (id_hash, user_id, csrf, created_at, last_seen_at, ip, user_agent)"
		   " VALUES (:id_hash, :user_id, :csrf, :created_at, :last_seen_at, :ip, :user_agent)");
	db_bind_text(&st, ":id_hash", sess->id_hash);
	db_bind_int64(&st, ":user_id", sess->user_id);
	db_bind_text(&st, ":csrf", sess->csrf);
	db_bind_int64(&st, ":created_at", sess->created_at);
	db_bind_int64(&st, ":last_seen_at", sess->last_seen_at);
	db_bind_text(&st, ":ip", sess->ip);
	db_bind_text(&st, ":user_agent", sess->user_agent);
	return db_run(&st);
}

enum store_rc store_session_get(struct store *s, const char *id_hash, struct session *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st,
		   "SELECT id_hash, user_id, csrf, created_at, last_seen_at, ip, user_agent FROM sessions"
		   " WHERE id_hash = :id_hash");
	db_bind_text(&st, ":id_hash", id_hash);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		db_column_text_copy(&st, 0, out->id_hash, sizeof out->id_hash);
		out->user_id = db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, out->csrf, sizeof out->csrf);
		out->created_at = db_column_int64(&st, 3);
		out->last_seen_at = db_column_int64(&st, 4);
		db_column_text_copy(&st, 5, out->ip, sizeof out->ip);
		db_column_text_copy(&st, 6, out->user_agent, sizeof out->user_agent);
	}
	db_finalize(&st);
	return rc;
}

/* STORE_NOT_FOUND when no session has this hash. */
enum store_rc store_session_touch(struct store *s, const char *id_hash, int64_t now)
{
	struct db_stmt st;
	db_prepare(s, &st, "UPDATE sessions SET last_seen_at = :now WHERE id_hash = :id_hash");
	db_bind_int64(&st, ":now", now);
	db_bind_text(&st, ":id_hash", id_hash);
	enum store_rc rc = db_run(&st);
	if (rc == STORE_OK && db_changes(s) == 0)
		rc = STORE_NOT_FOUND;
	return rc;
}

/* Idempotent: deleting a session that is already gone is STORE_OK. */
enum store_rc store_session_delete(struct store *s, const char *id_hash)
{
	struct db_stmt st;
	db_prepare(s, &st, "DELETE FROM sessions WHERE id_hash = :id_hash");
	db_bind_text(&st, ":id_hash", id_hash);
	return db_run(&st);
}

enum store_rc store_session_delete_for_user(struct store *s, int64_t user_id)
{
	struct db_stmt st;
	db_prepare(s, &st, "DELETE FROM sessions WHERE user_id = :user_id");
	db_bind_int64(&st, ":user_id", user_id);
	return db_run(&st);
}

enum store_rc store_session_purge(struct store *s, int64_t idle_before, int64_t created_before)
{
	struct db_stmt st;
	db_prepare(s, &st, "DELETE FROM sessions WHERE last_seen_at < :idle_before OR created_at < :created_before");
	db_bind_int64(&st, ":idle_before", idle_before);
	db_bind_int64(&st, ":created_before", created_before);
	return db_run(&st);
}
