/*
 * tokens.c — API tokens; see tokens.h.
 *
 * Only the SHA-256 of a token is stored. Creating and revoking are audited
 * (R-X-4) with the label and prefix, never the hash. Revoking keeps the row
 * so the audit log and token list still show what existed.
 */
#include "store/tokens.h"

#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define TOKEN_COLUMNS \
	"t.id, t.user_id, u.name, t.label, t.hash, t.prefix, t.created_at, t.last_used_at, t.revoked_at"

/* Reads the current row (selected with TOKEN_COLUMNS) into t. */
static void token_from_row(struct db_stmt *st, struct api_token *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_column_int64(st, 0);
	t->user_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, t->user_name, sizeof t->user_name);
	db_column_text_copy(st, 3, t->label, sizeof t->label);
	db_column_text_copy(st, 4, t->hash, sizeof t->hash);
	db_column_text_copy(st, 5, t->prefix, sizeof t->prefix);
	t->created_at = db_column_int64(st, 6);
	t->last_used_at = db_column_int64(st, 7);
	t->revoked_at = db_column_int64(st, 8);
}

/* Steps a query for at most one token. */
static enum store_rc token_fetch_one(struct db_stmt *st, struct api_token *out)
{
	enum store_rc rc = db_step_row(st);
	if (rc == STORE_OK)
		token_from_row(st, out);
	db_finalize(st);
	return rc;
}

enum store_rc store_token_create(struct store *s, const struct actor *who, struct api_token *t, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO api_tokens (user_id, label, hash, prefix, created_at)"
		   " VALUES (:user_id, :label, :hash, :prefix, :now)");
	db_bind_int64(&st, ":user_id", t->user_id);
	db_bind_text(&st, ":label", t->label);
	db_bind_text(&st, ":hash", t->hash);
	db_bind_text(&st, ":prefix", t->prefix);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	t->id = db_last_insert_id(s);
	t->created_at = now;
	t->last_used_at = 0;
	t->revoked_at = 0;
	changes = json_pack("{s:I, s:s, s:s}", "user_id", (json_int_t)t->user_id, "label", t->label, "prefix",
			    t->prefix);
	if (!changes) {
		log_error("audit: cannot describe the new token");
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "token", t->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		t->id = 0;
	return rc;
}

enum store_rc store_token_by_hash(struct store *s, const char *hash, struct api_token *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT " TOKEN_COLUMNS " FROM api_tokens t JOIN users u ON u.id = t.user_id"
		   " WHERE t.hash = :hash AND t.revoked_at IS NULL");
	db_bind_text(&st, ":hash", hash);
	return token_fetch_one(&st, out);
}

enum store_rc store_token_by_id(struct store *s, int64_t id, struct api_token *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " TOKEN_COLUMNS " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = :id");
	db_bind_int64(&st, ":id", id);
	return token_fetch_one(&st, out);
}

enum store_rc store_token_list(struct store *s, int64_t user_id, struct api_token **out, size_t *n)
{
	struct db_stmt st;
	struct api_token *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT " TOKEN_COLUMNS " FROM api_tokens t JOIN users u ON u.id = t.user_id"
		   " WHERE :user_id = 0 OR t.user_id = :user_id ORDER BY t.created_at DESC, t.id DESC");
	db_bind_int64(&st, ":user_id", user_id > 0 ? user_id : 0);
	while ((step = db_step(&st)) == DB_ROW) {
		token_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL) {
		rc = db_rc(&st);
		free(list);
		list = NULL;
		count = 0;
	}
	db_finalize(&st);
	*out = list;
	*n = count;
	return rc;
}

/* Revoking an already revoked token changes nothing and is STORE_OK. */
enum store_rc store_token_revoke(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct api_token old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_token_by_id(s, id, &old)) != STORE_OK || old.revoked_at != 0)
		goto cleanup;
	db_prepare(s, &st, "UPDATE api_tokens SET revoked_at = :now WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[n,I]}", "revoked_at", (json_int_t)now);
	if (!changes) {
		log_error("audit: cannot describe the revocation of token %lld", (long long)id);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "token", id, "revoke", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* Records the time of use; not audited (it is bookkeeping, not a change). */
enum store_rc store_token_touch(struct store *s, int64_t id, int64_t now)
{
	struct db_stmt st;
	db_prepare(s, &st, "UPDATE api_tokens SET last_used_at = :now WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", id);
	enum store_rc rc = db_run(&st);
	if (rc == STORE_OK && db_changes(s) == 0)
		rc = STORE_NOT_FOUND;
	return rc;
}
