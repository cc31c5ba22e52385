/*
 * calendar_tokens.c — secrets of personal calendar feeds; see
 * calendar_tokens.h.
 */
#include "store/calendar_tokens.h"

#include <string.h>

#include "store/db.h"
#include "util/log.h"

/* Revokes the active token of user_id if any; *revoked tells whether there
 * was one. Audited. */
static enum store_rc token_revoke_active(struct store *s, const struct actor *who, int64_t user_id, int64_t now,
					 bool *revoked)
{
	struct db_stmt st;
	struct calendar_token old;
	*revoked = false;
	enum store_rc rc = store_calendar_token_active(s, user_id, &old);
	if (rc == STORE_NOT_FOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	db_prepare(s, &st, "UPDATE calendar_tokens SET revoked_at = :now WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", old.id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	*revoked = true;
	json_t *changes = json_pack("{s:I, s:[n,I]}", "user_id", (json_int_t)user_id, "revoked_at", (json_int_t)now);
	if (!changes)
		return STORE_ERROR;
	rc = store_audit_json(s, who, "calendar_token", old.id, "revoke", changes, now);
	json_decref(changes);
	return rc;
}

enum store_rc store_calendar_token_create(struct store *s, const struct actor *who, int64_t user_id, int64_t now,
					  char secret[TOKEN_TEXT_MAX], struct calendar_token *out)
{
	struct db_write w;
	struct db_stmt st;
	char hash[DIGEST_HEX_LEN + 1];
	char fresh[TOKEN_TEXT_MAX];
	bool revoked = false;
	int64_t id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id AND disabled = 0");
	db_bind_int64(&st, ":id", user_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = token_revoke_active(s, who, user_id, now, &revoked)) != STORE_OK)
		goto cleanup;
	crypto_random_token(fresh, CALENDAR_TOKEN_PREFIX);
	crypto_sha256_hex(fresh, strlen(fresh), hash);
	db_prepare(s, &st,
		   "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (:user_id, :hash, :now)");
	db_bind_int64(&st, ":user_id", user_id);
	db_bind_text(&st, ":hash", hash);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	id = db_last_insert_id(s);
	changes = json_pack("{s:I, s:b}", "user_id", (json_int_t)user_id, "replaced", revoked);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "calendar_token", id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc == STORE_OK) {
		memcpy(secret, fresh, TOKEN_TEXT_MAX);
		if (out)
			*out = (struct calendar_token){ .id = id, .user_id = user_id, .created_at = now };
	} else {
		secret[0] = '\0';
	}
	memset(fresh, 0, sizeof fresh);
	return rc;
}

enum store_rc store_calendar_token_revoke(struct store *s, const struct actor *who, int64_t user_id, int64_t now)
{
	struct db_write w;
	bool revoked = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc == STORE_OK && (rc = token_revoke_active(s, who, user_id, now, &revoked)) == STORE_OK && !revoked)
		rc = STORE_NOT_FOUND;
	return db_write_end(s, &w, rc);
}

enum store_rc store_calendar_token_active(struct store *s, int64_t user_id, struct calendar_token *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT id, user_id, created_at FROM calendar_tokens"
		   " WHERE user_id = :user_id AND revoked_at IS NULL");
	db_bind_int64(&st, ":user_id", user_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		*out = (struct calendar_token){ .id = db_column_int64(&st, 0),
						.user_id = db_column_int64(&st, 1),
						.created_at = db_column_int64(&st, 2) };
	db_finalize(&st);
	return rc;
}

enum store_rc store_calendar_token_lookup(struct store *s, const char *secret, int64_t *user_id)
{
	struct db_stmt st;
	char hash[DIGEST_HEX_LEN + 1];
	char stored[DIGEST_HEX_LEN + 1];
	size_t len = secret ? strlen(secret) : 0;

	*user_id = 0;
	if (len == 0 || len >= TOKEN_TEXT_MAX)
		return STORE_NOT_FOUND;
	crypto_sha256_hex(secret, len, hash);
	db_prepare(s, &st,
		   "SELECT t.user_id, t.token_hash FROM calendar_tokens t JOIN users u ON u.id = t.user_id"
		   " WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.disabled = 0");
	db_bind_text(&st, ":hash", hash);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK) {
		db_column_text_copy(&st, 1, stored, sizeof stored);
		/* The index found the row; compare again in constant time so a
		 * collation or truncation surprise can never match wrongly. */
		if (crypto_str_equal(stored, hash))
			*user_id = db_column_int64(&st, 0);
		else
			rc = STORE_NOT_FOUND;
	}
	db_finalize(&st);
	return rc;
}
