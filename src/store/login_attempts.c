/*
 * login_attempts.c — recorded login attempts, counted for the login
 * throttle; see login_attempts.h and core/login_throttle.h.
 *
 * Attempts are not audited here: the web layer writes audit rows for failed
 * logins and lockouts itself.
 */
#include "store/login_attempts.h"

#include "store/db.h"

enum store_rc store_login_attempt_record(struct store *s, const char *ip, const char *username, bool ok, int64_t now)
{
	struct db_stmt st;
	db_prepare(s, &st, "INSERT INTO login_attempts (at, ip, username, ok) VALUES (:at, :ip, :username, :ok)");
	db_bind_int64(&st, ":at", now);
	db_bind_text(&st, ":ip", ip ? ip : "");
	db_bind_text(&st, ":username", username ? username : "");
	db_bind_int64(&st, ":ok", ok ? 1 : 0);
	return db_run(&st);
}

/* Reads "count, oldest" from a prepared and bound aggregate query. */
static enum store_rc failures_fetch(struct db_stmt *st, struct login_failures *out)
{
	enum store_rc rc = STORE_OK;
	out->count = 0;
	out->oldest_at = 0;
	if (db_step(st) == DB_ROW) {
		out->count = (int)db_column_int64(st, 0);
		out->oldest_at = db_column_int64(st, 1);
	} else {
		rc = db_rc(st);
	}
	db_finalize(st);
	return rc;
}

enum store_rc store_login_failures(struct store *s, const char *ip, const char *username, int64_t since,
				   struct login_failures *by_ip, struct login_failures *by_account)
{
	struct db_stmt st;
	*by_account = (struct login_failures){ 0, 0 };
	db_prepare(s, &st,
		   "SELECT count(*), coalesce(min(at), 0) FROM login_attempts"
		   " WHERE ip = :ip AND ok = 0 AND at >= :since");
	db_bind_text(&st, ":ip", ip ? ip : "");
	db_bind_int64(&st, ":since", since);
	enum store_rc rc = failures_fetch(&st, by_ip);
	if (rc != STORE_OK)
		return rc;
	/* Only failures after the account's last successful login count. */
	db_prepare(s, &st,
		   "SELECT count(*), coalesce(min(at), 0) FROM login_attempts"
		   " WHERE username = :username AND ok = 0 AND at >= :since"
		   " AND id > coalesce((SELECT max(id) FROM login_attempts WHERE username = :username AND ok = 1), 0)");
	db_bind_text(&st, ":username", username ? username : "");
	db_bind_int64(&st, ":since", since);
	return failures_fetch(&st, by_account);
}

enum store_rc store_login_attempts_purge(struct store *s, int64_t before)
{
	struct db_stmt st;
	db_prepare(s, &st, "DELETE FROM login_attempts WHERE at < :before");
	db_bind_int64(&st, ":before", before);
	return db_run(&st);
}
