/*
 * absences.c — days on which a user is away; see absences.h.
 *
 * Several users' absences are loaded with one statement: their ids are bound
 * as one JSON array text and unpacked with json_each, so no SQL is built
 * from the list.
 */
#include "store/absences.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define ABSENCE_COLUMNS                                                                                  \
	"a.id, a.user_id, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END, a.from_day,"    \
	" a.to_day, a.note, coalesce(a.created_by, 0), a.created_at"

/* Reads the current row (selected with ABSENCE_COLUMNS) into a. */
static void absence_from_row(struct db_stmt *st, struct absence *a)
{
	memset(a, 0, sizeof *a);
	a->id = db_column_int64(st, 0);
	a->user_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, a->user_display, sizeof a->user_display);
	a->from_day = (int32_t)db_column_int64(st, 3);
	a->to_day = (int32_t)db_column_int64(st, 4);
	db_column_text_copy(st, 5, a->note, sizeof a->note);
	a->created_by = db_column_int64(st, 6);
	a->created_at = db_column_int64(st, 7);
}

/* Collects every row of st into a malloc'd list and finalizes st. */
static enum store_rc absence_collect(struct db_stmt *st, struct absence **out, size_t *n)
{
	struct absence *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	while ((step = db_step(st)) == DB_ROW) {
		absence_from_row(st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL) {
		rc = db_rc(st);
		free(list);
		list = NULL;
		count = 0;
	}
	db_finalize(st);
	*out = list;
	*n = count;
	return rc;
}

enum store_rc store_absence_add(struct store *s, const struct actor *who, struct absence *a, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	size_t len = strlen(a->note);
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (a->to_day < a->from_day || len > ABSENCE_NOTE_MAX || !utf8_valid(a->note, len)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id");
	db_bind_int64(&st, ":id", a->user_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO absences (user_id, from_day, to_day, note, created_by, created_at)"
		   " VALUES (:user_id, :from_day, :to_day, :note, :created_by, :now)");
	db_bind_int64(&st, ":user_id", a->user_id);
	db_bind_int64(&st, ":from_day", a->from_day);
	db_bind_int64(&st, ":to_day", a->to_day);
	db_bind_text(&st, ":note", a->note);
	if (who->user_id > 0)
		db_bind_int64(&st, ":created_by", who->user_id);
	else
		db_bind_null(&st, ":created_by");
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	a->id = db_last_insert_id(s);
	a->created_by = who->user_id;
	a->created_at = now;
	changes = json_pack("{s:I, s:I, s:I}", "user_id", (json_int_t)a->user_id, "from_day", (json_int_t)a->from_day,
			    "to_day", (json_int_t)a->to_day);
	if (!changes) {
		log_error("audit: cannot describe the new absence");
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "absence", a->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		a->id = 0;
	return rc;
}

enum store_rc store_absence_get(struct store *s, int64_t id, struct absence *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT " ABSENCE_COLUMNS " FROM absences a JOIN users u ON u.id = a.user_id WHERE a.id = :id");
	db_bind_int64(&st, ":id", id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		absence_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_absence_delete(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct absence old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_absence_get(s, id, &old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM absences WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:I, s:I}", "user_id", (json_int_t)old.user_id, "from_day",
			    (json_int_t)old.from_day, "to_day", (json_int_t)old.to_day);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "absence", id, "delete", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_absence_list(struct store *s, int64_t user_id, int32_t from_day, int32_t to_day,
				 struct absence **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT " ABSENCE_COLUMNS " FROM absences a JOIN users u ON u.id = a.user_id"
		   " WHERE (:user_id = 0 OR a.user_id = :user_id) AND a.to_day >= :from_day AND a.from_day <= :to_day"
		   " ORDER BY a.from_day, a.user_id, a.id");
	db_bind_int64(&st, ":user_id", user_id > 0 ? user_id : 0);
	db_bind_int64(&st, ":from_day", from_day);
	db_bind_int64(&st, ":to_day", to_day);
	return absence_collect(&st, out, n);
}

enum store_rc store_absences_for_users(struct store *s, const int64_t *user_ids, size_t nusers, int32_t from_day,
				       int32_t to_day, struct absence **out, size_t *n)
{
	struct db_stmt st;
	*out = NULL;
	*n = 0;
	if (nusers == 0)
		return STORE_OK;
	json_t *ids = json_array();
	for (size_t i = 0; ids && i < nusers; i++)
		if (json_array_append_new(ids, json_integer((json_int_t)user_ids[i])) != 0) {
			json_decref(ids);
			ids = NULL;
		}
	char *text = ids ? json_dumps(ids, JSON_COMPACT) : NULL;
	json_decref(ids);
	if (!text) {
		log_error("absences: cannot encode %zu user ids", nusers);
		return STORE_ERROR;
	}
	db_prepare(s, &st,
		   "SELECT " ABSENCE_COLUMNS " FROM absences a JOIN users u ON u.id = a.user_id"
		   " WHERE a.user_id IN (SELECT value FROM json_each(:ids))"
		   " AND a.to_day >= :from_day AND a.from_day <= :to_day ORDER BY a.from_day, a.user_id, a.id");
	db_bind_text(&st, ":ids", text);
	db_bind_int64(&st, ":from_day", from_day);
	db_bind_int64(&st, ":to_day", to_day);
	enum store_rc rc = absence_collect(&st, out, n);
	free(text);
	return rc;
}

bool absence_list_covers(const struct absence *list, size_t n, int64_t user_id, int32_t day)
{
	for (size_t i = 0; i < n; i++)
		if ((user_id <= 0 || list[i].user_id == user_id) && list[i].from_day <= day && day <= list[i].to_day)
			return true;
	return false;
}
