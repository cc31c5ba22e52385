/*
 * users.c — user accounts; see users.h.
 *
 * Every change is one unit of work (db_write_begin/end) holding the UPDATE
 * and its audit row (R-X-4). Changing a field to the value it already has
 * changes nothing and writes no audit row. Password hashes never enter the
 * audit log: a new password is recorded as {"password": "changed"}.
 */
#include "store/users.h"

#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

#define USER_COLUMNS "id, name, display_name, role, disabled, lang, password_hash, created_at, password_changed_at"

/* Reads the current row (selected with USER_COLUMNS) into u. */
static enum store_rc user_from_row(struct db_stmt *st, struct user *u)
{
	char role[32];
	memset(u, 0, sizeof *u);
	u->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, u->name, sizeof u->name);
	db_column_text_copy(st, 2, u->display_name, sizeof u->display_name);
	db_column_text_copy(st, 3, role, sizeof role);
	u->disabled = db_column_int64(st, 4) != 0;
	db_column_text_copy(st, 5, u->lang, sizeof u->lang);
	db_column_text_copy(st, 6, u->password_hash, sizeof u->password_hash);
	u->created_at = db_column_int64(st, 7);
	u->password_changed_at = db_column_int64(st, 8);
	if (!role_parse(role, &u->role)) {
		log_error("user %lld has an unknown role '%s'", (long long)u->id, role);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Steps a query for at most one user. */
static enum store_rc user_fetch_one(struct db_stmt *st, struct user *out)
{
	enum store_rc rc = db_step_row(st);
	if (rc == STORE_OK)
		rc = user_from_row(st, out);
	db_finalize(st);
	return rc;
}

/* Writes the audit row of a user change; changes NULL means json_pack failed. */
static enum store_rc user_audit(struct store *s, const struct actor *who, int64_t id, const char *action,
				const json_t *changes, int64_t now)
{
	if (!changes) {
		log_error("audit: cannot describe the change of user %lld", (long long)id);
		return STORE_ERROR;
	}
	return store_audit_json(s, who, "user", id, action, changes, now);
}

enum store_rc store_user_create(struct store *s, const struct actor *who, struct user *u, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO users (name, display_name, role, disabled, lang, password_hash, created_at,"
		   " password_changed_at) VALUES (:name, :display_name, :role, :disabled, :lang, :password_hash,"
		   " :now, :now)");
	db_bind_text(&st, ":name", u->name);
	db_bind_text(&st, ":display_name", u->display_name);
	db_bind_text(&st, ":role", role_name(u->role));
	db_bind_int64(&st, ":disabled", u->disabled ? 1 : 0);
	db_bind_text(&st, ":lang", u->lang);
	db_bind_text(&st, ":password_hash", u->password_hash);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	u->id = db_last_insert_id(s);
	u->created_at = now;
	u->password_changed_at = now;
	changes = json_pack("{s:s, s:s, s:s, s:s, s:b}", "name", u->name, "display_name", u->display_name,
			    "role", role_name(u->role), "lang", u->lang, "disabled", u->disabled);
	rc = user_audit(s, who, u->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		u->id = 0;
	return rc;
}

enum store_rc store_user_by_name(struct store *s, const char *name, struct user *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " USER_COLUMNS " FROM users WHERE name = :name");
	db_bind_text(&st, ":name", name);
	return user_fetch_one(&st, out);
}

enum store_rc store_user_by_id(struct store *s, int64_t id, struct user *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " USER_COLUMNS " FROM users WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	return user_fetch_one(&st, out);
}

enum store_rc store_user_list(struct store *s, struct user **out, size_t *n)
{
	struct db_stmt st;
	struct user *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step = DB_DONE;

	db_prepare(s, &st, "SELECT " USER_COLUMNS " FROM users ORDER BY name");
	while (rc == STORE_OK && (step = db_step(&st)) == DB_ROW) {
		rc = user_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		list = NULL;
		count = 0;
	}
	*out = list;
	*n = count;
	return rc;
}

enum store_rc store_user_count(struct store *s, int64_t *n)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	*n = 0;
	db_prepare(s, &st, "SELECT count(*) FROM users");
	if (db_step(&st) == DB_ROW)
		*n = db_column_int64(&st, 0);
	else
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

enum store_rc store_user_count_active_admins(struct store *s, int64_t *n)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	*n = 0;
	db_prepare(s, &st, "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0");
	if (db_step(&st) == DB_ROW)
		*n = db_column_int64(&st, 0);
	else
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

enum store_rc store_user_set_password(struct store *s, const struct actor *who, int64_t id, const char *hash, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct user old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_user_by_id(s, id, &old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id");
	db_bind_text(&st, ":hash", hash);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s}", "password", "changed");
	rc = user_audit(s, who, id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_user_set_disabled(struct store *s, const struct actor *who, int64_t id, bool disabled, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct user old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_user_by_id(s, id, &old)) != STORE_OK || old.disabled == disabled)
		goto cleanup;
	db_prepare(s, &st, "UPDATE users SET disabled = :disabled WHERE id = :id");
	db_bind_int64(&st, ":disabled", disabled ? 1 : 0);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[b,b]}", "disabled", old.disabled, disabled);
	rc = user_audit(s, who, id, disabled ? "disable" : "enable", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_user_set_role(struct store *s, const struct actor *who, int64_t id, enum role role, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct user old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_user_by_id(s, id, &old)) != STORE_OK || old.role == role)
		goto cleanup;
	db_prepare(s, &st, "UPDATE users SET role = :role WHERE id = :id");
	db_bind_text(&st, ":role", role_name(role));
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[s,s]}", "role", role_name(old.role), role_name(role));
	rc = user_audit(s, who, id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* The text columns a user may change about themselves; each with its own
 * literal statement, so no SQL is assembled at run time. */
enum user_text_field { USER_FIELD_LANG, USER_FIELD_DISPLAY_NAME };

static const struct {
	const char *key;
	const char *update_sql;
} user_text_fields[] = {
	[USER_FIELD_LANG] = { "lang", "UPDATE users SET lang = :value WHERE id = :id" },
	[USER_FIELD_DISPLAY_NAME] = { "display_name", "UPDATE users SET display_name = :value WHERE id = :id" },
};

/* Sets one text column and audits the old and new value; unchanged values
 * write nothing. */
static enum store_rc user_set_text(struct store *s, const struct actor *who, int64_t id, enum user_text_field field,
				   const char *value, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct user old;
	json_t *changes = NULL;
	if (!value)
		value = "";
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_user_by_id(s, id, &old)) != STORE_OK)
		goto cleanup;
	const char *before = field == USER_FIELD_LANG ? old.lang : old.display_name;
	if (strcmp(before, value) == 0)
		goto cleanup;
	db_prepare_literal(s, &st, user_text_fields[field].update_sql);
	db_bind_text(&st, ":value", value);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[s,s]}", user_text_fields[field].key, before, value);
	rc = user_audit(s, who, id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_user_set_lang(struct store *s, const struct actor *who, int64_t id, const char *lang, int64_t now)
{
	return user_set_text(s, who, id, USER_FIELD_LANG, lang, now);
}

enum store_rc store_user_set_display_name(struct store *s, const struct actor *who, int64_t id,
					  const char *display_name, int64_t now)
{
	return user_set_text(s, who, id, USER_FIELD_DISPLAY_NAME, display_name, now);
}
