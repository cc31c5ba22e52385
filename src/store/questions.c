/*
 * questions.c — custom interview questions and favourites (R-INT-1); see
 * questions.h.
 */
#include "store/questions.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/xalloc.h"

#define QUESTION_COLUMNS                                                                                        \
	"id, role_key, type, competency, lang, text, follow_ups, guide_strong, guide_weak, coalesce(created_by, 0)," \
	" created_at"

static const char *const question_types[] = { "behavioural", "situational", "technical", "motivation", "culture" };

bool question_type_valid(const char *code)
{
	for (size_t i = 0; i < sizeof question_types / sizeof question_types[0]; i++)
		if (code && strcmp(code, question_types[i]) == 0)
			return true;
	return false;
}

void question_custom_ref(int64_t id, char *buf, size_t n)
{
	snprintf(buf, n, QUESTION_CUSTOM_PREFIX "%" PRId64, id);
}

bool question_custom_ref_parse(const char *ref, int64_t *id)
{
	size_t plen = strlen(QUESTION_CUSTOM_PREFIX);
	if (!ref || strncmp(ref, QUESTION_CUSTOM_PREFIX, plen) != 0)
		return false;
	const char *p = ref + plen;
	if (*p < '1' || *p > '9')
		return false;
	int64_t v = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (*p - '0');
	}
	*id = v;
	return true;
}

static bool text_ok(const char *t, size_t max, bool required)
{
	size_t len = strlen(t);
	return (!required || len > 0) && len <= max && utf8_valid(t, len);
}

static bool question_input_ok(const struct custom_question *q)
{
	return question_type_valid(q->type) && (strcmp(q->lang, "de") == 0 || strcmp(q->lang, "en") == 0) &&
	       text_ok(q->role_key, QUESTION_KEY_MAX - 1, false) &&
	       text_ok(q->competency, QUESTION_KEY_MAX - 1, false) &&
	       text_ok(q->text, QUESTION_TEXT_MAX, true) && text_ok(q->follow_ups, QUESTION_TEXT_MAX, false) &&
	       text_ok(q->guide_strong, QUESTION_TEXT_MAX, false) && text_ok(q->guide_weak, QUESTION_TEXT_MAX, false);
}

static void question_from_row(struct db_stmt *st, struct custom_question *q)
{
	memset(q, 0, sizeof *q);
	q->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, q->role_key, sizeof q->role_key);
	db_column_text_copy(st, 2, q->type, sizeof q->type);
	db_column_text_copy(st, 3, q->competency, sizeof q->competency);
	db_column_text_copy(st, 4, q->lang, sizeof q->lang);
	db_column_text_copy(st, 5, q->text, sizeof q->text);
	db_column_text_copy(st, 6, q->follow_ups, sizeof q->follow_ups);
	db_column_text_copy(st, 7, q->guide_strong, sizeof q->guide_strong);
	db_column_text_copy(st, 8, q->guide_weak, sizeof q->guide_weak);
	q->created_by = db_column_int64(st, 9);
	q->created_at = db_column_int64(st, 10);
}

static void question_bind(struct db_stmt *st, const struct custom_question *q)
{
	db_bind_text(st, ":role_key", q->role_key);
	db_bind_text(st, ":type", q->type);
	db_bind_text(st, ":competency", q->competency);
	db_bind_text(st, ":lang", q->lang);
	db_bind_text(st, ":text", q->text);
	db_bind_text(st, ":follow_ups", q->follow_ups);
	db_bind_text(st, ":guide_strong", q->guide_strong);
	db_bind_text(st, ":guide_weak", q->guide_weak);
}

enum store_rc store_question_create(struct store *s, const struct actor *who, struct custom_question *q, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!question_input_ok(q)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "INSERT INTO questions (role_key, type, competency, lang, text, follow_ups, guide_strong, guide_weak,"
		   " created_by, created_at) VALUES (:role_key, :type, :competency, :lang, :text, :follow_ups,"
		   " :guide_strong, :guide_weak, :created_by, :now)");
	question_bind(&st, q);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":created_by", who->user_id);
	else
		db_bind_null(&st, ":created_by");
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	q->id = db_last_insert_id(s);
	q->created_by = who && who->user_id > 0 ? who->user_id : 0;
	q->created_at = now;
	changes = json_pack("{s:s, s:s, s:s, s:s}", "role_key", q->role_key, "type", q->type, "competency",
			    q->competency, "lang", q->lang);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "question", q->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		q->id = 0;
	return rc;
}

enum store_rc store_question_get(struct store *s, int64_t id, struct custom_question *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " QUESTION_COLUMNS " FROM questions WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		question_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_question_update(struct store *s, const struct actor *who, const struct custom_question *q,
				    int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct custom_question *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_question_get(s, q->id, old)) != STORE_OK)
		goto cleanup;
	if (!question_input_ok(q)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE questions SET role_key = :role_key, type = :type, competency = :competency, lang = :lang,"
		   " text = :text, follow_ups = :follow_ups, guide_strong = :guide_strong, guide_weak = :guide_weak"
		   " WHERE id = :id");
	question_bind(&st, q);
	db_bind_int64(&st, ":id", q->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "role_key", old->role_key, q->role_key);
	audit_change_text(changes, "type", old->type, q->type);
	audit_change_text(changes, "competency", old->competency, q->competency);
	audit_change_text(changes, "lang", old->lang, q->lang);
	audit_change_text(changes, "text", old->text, q->text);
	audit_change_text(changes, "follow_ups", old->follow_ups, q->follow_ups);
	audit_change_text(changes, "guide_strong", old->guide_strong, q->guide_strong);
	audit_change_text(changes, "guide_weak", old->guide_weak, q->guide_weak);
	rc = store_audit_json(s, who, "question", q->id, "update", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_question_delete(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	char ref[QUESTION_REF_MAX];
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM questions WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if (db_changes(s) == 0) {
		rc = STORE_NOT_FOUND;
		goto cleanup;
	}
	question_custom_ref(id, ref, sizeof ref);
	db_prepare(s, &st, "DELETE FROM question_favourites WHERE question_ref = :ref");
	db_bind_text(&st, ":ref", ref);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	rc = store_audit(s, who, "question", id, "delete", NULL, now);
cleanup:
	return db_write_end(s, &w, rc);
}

enum store_rc store_question_list(struct store *s, const struct question_filter *f, struct custom_question **out,
				  size_t *n)
{
	struct db_stmt st;
	struct custom_question *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " QUESTION_COLUMNS " FROM questions WHERE (:role_key = '' OR role_key = :role_key)"
		   " AND (:type = '' OR type = :type) AND (:competency = '' OR competency = :competency)"
		   " AND (:lang = '' OR lang = :lang) ORDER BY id");
	db_bind_text(&st, ":role_key", f && f->role_key ? f->role_key : "");
	db_bind_text(&st, ":type", f && f->type ? f->type : "");
	db_bind_text(&st, ":competency", f && f->competency ? f->competency : "");
	db_bind_text(&st, ":lang", f && f->lang ? f->lang : "");
	while ((step = db_step(&st)) == DB_ROW) {
		question_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

/* Whether ref may be a favourite: a plausible ref, and a stored question
 * when it names a custom one. */
static enum store_rc favourite_ref_check(struct store *s, int64_t user_id, const char *ref)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	int64_t qid;
	size_t len = ref ? strlen(ref) : 0;
	if (len == 0 || len >= QUESTION_REF_MAX || !utf8_valid(ref, len))
		return STORE_INVALID;
	db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id");
	db_bind_int64(&st, ":id", user_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;
	if (strncmp(ref, QUESTION_CUSTOM_PREFIX, strlen(QUESTION_CUSTOM_PREFIX)) != 0)
		return STORE_OK;
	if (!question_custom_ref_parse(ref, &qid))
		return STORE_INVALID;
	db_prepare(s, &st, "SELECT 1 FROM questions WHERE id = :id");
	db_bind_int64(&st, ":id", qid);
	switch (db_step(&st)) {
	case DB_ROW:
		break;
	case DB_DONE:
		rc = STORE_INVALID;
		break;
	default:
		rc = db_rc(&st);
		break;
	}
	db_finalize(&st);
	return rc;
}

/* Sets or clears the mark inside an open unit of work; an audit row only
 * when something changed. */
static enum store_rc favourite_write(struct store *s, const struct actor *who, int64_t user_id, const char *ref,
				     bool on, int64_t now)
{
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc;
	if (on) {
		db_prepare(s, &st,
			   "INSERT INTO question_favourites (user_id, question_ref, created_at)"
			   " VALUES (:user_id, :ref, :now) ON CONFLICT DO NOTHING");
		db_bind_int64(&st, ":now", now);
	} else {
		db_prepare(s, &st, "DELETE FROM question_favourites WHERE user_id = :user_id AND question_ref = :ref");
	}
	db_bind_int64(&st, ":user_id", user_id);
	db_bind_text(&st, ":ref", ref);
	if ((rc = db_run(&st)) != STORE_OK || db_changes(s) == 0)
		return rc;
	changes = json_pack("{s:s, s:b}", "ref", ref, "favourite", on);
	if (!changes)
		return STORE_ERROR;
	rc = store_audit_json(s, who, "user", user_id, on ? "favourite" : "unfavourite", changes, now);
	json_decref(changes);
	return rc;
}

enum store_rc store_question_favourite_set(struct store *s, const struct actor *who, int64_t user_id, const char *ref,
					   bool on, int64_t now)
{
	struct db_write w;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc == STORE_OK && (rc = favourite_ref_check(s, user_id, ref)) == STORE_OK)
		rc = favourite_write(s, who, user_id, ref, on, now);
	return db_write_end(s, &w, rc);
}

enum store_rc store_question_favourite_toggle(struct store *s, const struct actor *who, int64_t user_id,
					      const char *ref, int64_t now, bool *is_favourite)
{
	struct db_write w;
	struct db_stmt st;
	bool present = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK || (rc = favourite_ref_check(s, user_id, ref)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM question_favourites WHERE user_id = :user_id AND question_ref = :ref");
	db_bind_int64(&st, ":user_id", user_id);
	db_bind_text(&st, ":ref", ref);
	present = db_step(&st) == DB_ROW;
	if ((rc = db_finalize(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = favourite_write(s, who, user_id, ref, !present, now)) == STORE_OK && is_favourite)
		*is_favourite = !present;
cleanup:
	return db_write_end(s, &w, rc);
}

enum store_rc store_question_favourites(struct store *s, int64_t user_id, struct question_favourite **out, size_t *n)
{
	struct db_stmt st;
	struct question_favourite *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT question_ref, created_at FROM question_favourites WHERE user_id = :user_id"
		   " ORDER BY created_at, rowid");
	db_bind_int64(&st, ":user_id", user_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct question_favourite *fav = xgrow(&list, &count, &cap, sizeof *list);
		db_column_text_copy(&st, 0, fav->ref, sizeof fav->ref);
		fav->created_at = db_column_int64(&st, 1);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}
