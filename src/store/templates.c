/*
 * templates.c — stored role templates; see templates.h.
 *
 * Saving and deleting are one unit of work each with an audit row (R-X-4,
 * entity "role_template"). The JSON itself is not copied into the audit log;
 * an update is recorded as {"json": "changed"}.
 */
#include "store/templates.h"

#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

#define TEMPLATE_COLUMNS "id, key, coalesce(builtin_key, ''), json, updated_at, coalesce(updated_by, 0)"

void stored_template_clear(struct stored_template *t)
{
	free(t->json);
	memset(t, 0, sizeof *t);
}

void stored_template_list_free(struct stored_template *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		stored_template_clear(&list[i]);
	free(list);
}

static void template_from_row(struct db_stmt *st, struct stored_template *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, t->key, sizeof t->key);
	db_column_text_copy(st, 2, t->builtin_key, sizeof t->builtin_key);
	t->json = db_column_text_dup(st, 3);
	t->updated_at = db_column_int64(st, 4);
	t->updated_by = db_column_int64(st, 5);
}

enum store_rc store_template_list(struct store *s, struct stored_template **out, size_t *n)
{
	struct db_stmt st;
	struct stored_template *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st, "SELECT " TEMPLATE_COLUMNS " FROM role_templates ORDER BY key");
	while ((step = db_step(&st)) == DB_ROW) {
		template_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL) {
		rc = db_rc(&st);
		stored_template_list_free(list, count);
		list = NULL;
		count = 0;
	}
	db_finalize(&st);
	*out = list;
	*n = count;
	return rc;
}

enum store_rc store_template_get(struct store *s, const char *key, struct stored_template *out)
{
	struct db_stmt st;
	enum store_rc rc;
	memset(out, 0, sizeof *out);
	db_prepare(s, &st, "SELECT " TEMPLATE_COLUMNS " FROM role_templates WHERE key = :key");
	db_bind_text(&st, ":key", key);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		template_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

/* Whether text is one JSON object. */
static bool json_object_text(const char *text)
{
	json_t *j = text ? json_loads(text, JSON_REJECT_DUPLICATES, NULL) : NULL;
	bool ok = json_is_object(j);
	json_decref(j);
	return ok;
}

enum store_rc store_template_save(struct store *s, const struct actor *who, const char *key, const char *json,
				  const char *builtin_key, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stored_template old;
	json_t *changes = NULL;
	bool existed;

	memset(&old, 0, sizeof old);
	if (str_empty(key) || strlen(key) >= TEMPLATE_KEY_MAX || !json_object_text(json) ||
	    (builtin_key && strlen(builtin_key) >= TEMPLATE_KEY_MAX))
		return STORE_INVALID;
	if (str_empty(builtin_key))
		builtin_key = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	rc = store_template_get(s, key, &old);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		goto cleanup;
	existed = rc == STORE_OK;
	rc = STORE_OK;
	if (existed && strcmp(old.json, json) == 0 && strcmp(old.builtin_key, builtin_key ? builtin_key : "") == 0)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO role_templates (key, json, builtin_key, updated_at, updated_by) VALUES (:key, :json,"
		   " :builtin_key, :now, :updated_by) ON CONFLICT (key) DO UPDATE SET json = excluded.json,"
		   " builtin_key = excluded.builtin_key, updated_at = excluded.updated_at,"
		   " updated_by = excluded.updated_by");
	db_bind_text(&st, ":key", key);
	db_bind_text(&st, ":json", json);
	db_bind_text(&st, ":builtin_key", builtin_key);
	db_bind_int64(&st, ":now", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":updated_by", who->user_id);
	else
		db_bind_null(&st, ":updated_by");
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if (existed) {
		changes = json_object();
		if (strcmp(old.json, json) != 0)
			json_object_set_new(changes, "json", json_string("changed"));
		if (strcmp(old.builtin_key, builtin_key ? builtin_key : "") != 0)
			json_object_set_new(changes, "builtin_key",
					    json_pack("[s,s]", old.builtin_key, builtin_key ? builtin_key : ""));
	} else {
		changes = json_pack("{s:s, s:s}", "key", key, "builtin_key", builtin_key ? builtin_key : "");
	}
	if (!changes) {
		log_error("audit: cannot describe the change of role template '%s'", key);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "role_template", existed ? old.id : db_last_insert_id(s),
			      existed ? "update" : "create", changes, now);
cleanup:
	json_decref(changes);
	stored_template_clear(&old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_template_delete(struct store *s, const struct actor *who, const char *key, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stored_template old;
	json_t *changes = NULL;

	memset(&old, 0, sizeof old);
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_template_get(s, key, &old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM role_templates WHERE id = :id");
	db_bind_int64(&st, ":id", old.id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:s}", "key", old.key, "builtin_key", old.builtin_key);
	if (!changes) {
		log_error("audit: cannot describe the deletion of role template '%s'", old.key);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "role_template", old.id, "delete", changes, now);
cleanup:
	json_decref(changes);
	stored_template_clear(&old);
	return db_write_end(s, &w, rc);
}
