/*
 * interview_plans.c — interview rounds, their interviewers, kits and kit
 * versions (R-INT-2..4); see interview_plans.h.
 *
 * Round order is kept dense (1..n) under UNIQUE(position_id, ord): moves
 * and deletions renumber through negative values, because SQLite checks the
 * unique constraint row by row during an UPDATE.
 */
#include "store/interview_plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/xalloc.h"

#define ROUND_COLUMNS                                                                                          \
	"r.id, r.position_id, r.ord, r.name, r.stage, r.duration_minutes, r.kit,"                              \
	" coalesce((SELECT max(v.version) FROM kit_versions v WHERE v.round_id = r.id), 0),"                   \
	" NOT EXISTS (SELECT 1 FROM kit_versions v WHERE v.round_id = r.id AND v.kit = r.kit AND v.version ="  \
	" (SELECT max(m.version) FROM kit_versions m WHERE m.round_id = r.id))"

#define KIT_VERSION_COLUMNS                                                                                    \
	"v.id, v.round_id, v.version, v.kit, v.created_at,"                                                   \
	" (SELECT count(*) FROM interviews i WHERE i.kit_version_id = v.id)"

/* STORE_OK when the statement (one :id parameter) finds a row, else `missing`. */
static enum store_rc row_exists(struct db_stmt *st, int64_t id, enum store_rc missing)
{
	enum store_rc rc;
	db_bind_int64(st, ":id", id);
	switch (db_step(st)) {
	case DB_ROW:
		rc = STORE_OK;
		break;
	case DB_DONE:
		rc = missing;
		break;
	default:
		rc = db_rc(st);
		break;
	}
	db_finalize(st);
	return rc;
}

static bool stage_ok(const char *code)
{
	size_t len = strlen(code);
	if (len == 0)
		return true;
	if (len >= STAGE_CODE_MAX || code[0] < 'a' || code[0] > 'z')
		return false;
	for (size_t i = 1; i < len; i++)
		if (!((code[i] >= 'a' && code[i] <= 'z') || (code[i] >= '0' && code[i] <= '9') || code[i] == '_'))
			return false;
	return true;
}

/* A kit text the store keeps: valid JSON of bounded size ("" = empty kit). */
static bool kit_ok(const char *kit)
{
	size_t len = strlen(kit);
	if (len == 0)
		return true;
	if (len > KIT_JSON_MAX || !utf8_valid(kit, len))
		return false;
	json_error_t err;
	json_t *j = json_loadb(kit, len, JSON_DECODE_ANY, &err);
	if (!j)
		return false;
	json_decref(j);
	return true;
}

static bool round_fields_ok(const struct interview_round *r)
{
	size_t len = strlen(r->name);
	return len > 0 && len <= ROUND_NAME_MAX && utf8_valid(r->name, len) && stage_ok(r->stage) &&
	       r->duration_minutes >= 1 && r->duration_minutes <= ROUND_DURATION_MAX;
}

static void round_from_row(struct db_stmt *st, struct interview_round *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_column_int64(st, 0);
	r->position_id = db_column_int64(st, 1);
	r->ord = (int)db_column_int64(st, 2);
	db_column_text_copy(st, 3, r->name, sizeof r->name);
	db_column_text_copy(st, 4, r->stage, sizeof r->stage);
	r->duration_minutes = (int)db_column_int64(st, 5);
	db_column_text_copy(st, 6, r->kit_json, sizeof r->kit_json);
	r->kit_version = (int)db_column_int64(st, 7);
	r->kit_changed = db_column_int64(st, 8) != 0;
}

/* Fills r->interviewers from round_interviewers, in the order they were set. */
static enum store_rc interviewers_load(struct store *s, struct interview_round *r)
{
	struct db_stmt st;
	enum db_step_result step;
	char role[32];
	r->ninterviewers = 0;
	db_prepare(s, &st,
		   "SELECT ri.user_id, u.name, coalesce(nullif(u.display_name, ''), u.name), u.role, ri.focus"
		   " FROM round_interviewers ri JOIN users u ON u.id = ri.user_id WHERE ri.round_id = :id"
		   " ORDER BY ri.rowid");
	db_bind_int64(&st, ":id", r->id);
	while ((step = db_step(&st)) == DB_ROW && r->ninterviewers < ROUND_MAX_INTERVIEWERS) {
		struct round_interviewer *iv = &r->interviewers[r->ninterviewers++];
		memset(iv, 0, sizeof *iv);
		iv->user_id = db_column_int64(&st, 0);
		db_column_text_copy(&st, 1, iv->user_name, sizeof iv->user_name);
		db_column_text_copy(&st, 2, iv->display_name, sizeof iv->display_name);
		db_column_text_copy(&st, 3, role, sizeof role);
		if (!role_parse(role, &iv->role))
			iv->role = ROLE_INTERVIEWER;
		db_column_text_copy(&st, 4, iv->focus, sizeof iv->focus);
	}
	enum store_rc rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	return rc;
}

static enum store_rc interviewers_check(struct store *s, const struct round_interviewer *list, size_t n)
{
	struct db_stmt st;
	enum store_rc rc;
	if (n > ROUND_MAX_INTERVIEWERS)
		return STORE_INVALID;
	for (size_t i = 0; i < n; i++) {
		size_t len = strnlen(list[i].focus, sizeof list[i].focus);
		if (len >= sizeof list[i].focus || !utf8_valid(list[i].focus, len))
			return STORE_INVALID;
		for (size_t j = 0; j < i; j++)
			if (list[j].user_id == list[i].user_id)
				return STORE_INVALID;
		db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id AND disabled = 0");
		if ((rc = row_exists(&st, list[i].user_id, STORE_INVALID)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

/* Replaces the interviewers of round_id (checked by the caller). */
static enum store_rc interviewers_write(struct store *s, int64_t round_id, const struct round_interviewer *list,
					size_t n)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "DELETE FROM round_interviewers WHERE round_id = :round_id");
	db_bind_int64(&st, ":round_id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		db_prepare(s, &st,
			   "INSERT INTO round_interviewers (round_id, user_id, focus) VALUES (:round_id, :user_id, :focus)");
		db_bind_int64(&st, ":round_id", round_id);
		db_bind_int64(&st, ":user_id", list[i].user_id);
		db_bind_text(&st, ":focus", list[i].focus);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

/* Checks and inserts round r at order ord of r->position_id with its
 * interviewers, inside an open unit of work; sets r->id and r->ord. */
static enum store_rc round_insert(struct store *s, struct interview_round *r, int ord)
{
	struct db_stmt st;
	enum store_rc rc;
	if (!round_fields_ok(r) || !kit_ok(r->kit_json))
		return STORE_INVALID;
	if ((rc = interviewers_check(s, r->interviewers, r->ninterviewers)) != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "INSERT INTO interview_rounds (position_id, ord, name, stage, duration_minutes, kit)"
		   " VALUES (:position_id, :ord, :name, :stage, :duration, :kit)");
	db_bind_int64(&st, ":position_id", r->position_id);
	db_bind_int64(&st, ":ord", ord);
	db_bind_text(&st, ":name", r->name);
	db_bind_text(&st, ":stage", r->stage);
	db_bind_int64(&st, ":duration", r->duration_minutes);
	db_bind_text(&st, ":kit", r->kit_json[0] ? r->kit_json : KIT_JSON_EMPTY);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	r->id = db_last_insert_id(s);
	r->ord = ord;
	return interviewers_write(s, r->id, r->interviewers, r->ninterviewers);
}

static enum store_rc round_count(struct store *s, int64_t position_id, int *n)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT count(*) FROM interview_rounds WHERE position_id = :position_id");
	db_bind_int64(&st, ":position_id", position_id);
	*n = db_step(&st) == DB_ROW ? (int)db_column_int64(&st, 0) : 0;
	return db_finalize(&st);
}

enum store_rc store_interview_plan_get(struct store *s, int64_t position_id, struct interview_round **out,
				       size_t *n)
{
	struct db_stmt st;
	struct interview_round *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	if ((rc = row_exists(&st, position_id, STORE_NOT_FOUND)) != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "SELECT " ROUND_COLUMNS " FROM interview_rounds r WHERE r.position_id = :position_id ORDER BY r.ord");
	db_bind_int64(&st, ":position_id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		round_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	for (size_t i = 0; i < count && rc == STORE_OK; i++)
		rc = interviewers_load(s, &list[i]);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_interview_plan_ensure_default(struct store *s, const struct actor *who, int64_t position_id,
						  const struct interview_round *defaults, size_t n, int64_t now,
						  bool *created)
{
	struct db_write w;
	struct db_stmt st;
	struct interview_round *r = xcalloc(1, sizeof *r);
	json_t *changes = NULL, *names = json_array();
	int existing = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (created)
		*created = false;
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	if ((rc = row_exists(&st, position_id, STORE_NOT_FOUND)) != STORE_OK)
		goto cleanup;
	if ((rc = round_count(s, position_id, &existing)) != STORE_OK || existing > 0 || n == 0)
		goto cleanup;
	for (size_t i = 0; i < n; i++) {
		*r = defaults[i];
		r->position_id = position_id;
		if ((rc = round_insert(s, r, (int)i + 1)) != STORE_OK)
			goto cleanup;
		json_array_append_new(names, json_string(r->name));
	}
	changes = json_object();
	json_object_set(changes, "rounds", names);
	if ((rc = store_audit_json(s, who, "position", position_id, "interview_plan_default", changes, now)) ==
		    STORE_OK &&
	    created)
		*created = true;
cleanup:
	json_decref(names);
	json_decref(changes);
	free(r);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK && created)
		*created = false;
	return rc;
}

enum store_rc store_interview_round_get(struct store *s, int64_t round_id, struct interview_round *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " ROUND_COLUMNS " FROM interview_rounds r WHERE r.id = :id");
	db_bind_int64(&st, ":id", round_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		round_from_row(&st, out);
	db_finalize(&st);
	if (rc == STORE_OK)
		rc = interviewers_load(s, out);
	return rc;
}

enum store_rc store_interview_round_create(struct store *s, const struct actor *who, struct interview_round *r,
					   int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int existing = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	if ((rc = row_exists(&st, r->position_id, STORE_NOT_FOUND)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT coalesce(max(ord), 0) FROM interview_rounds WHERE position_id = :position_id");
	db_bind_int64(&st, ":position_id", r->position_id);
	existing = db_step(&st) == DB_ROW ? (int)db_column_int64(&st, 0) : 0;
	if ((rc = db_finalize(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = round_insert(s, r, existing + 1)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:i, s:s, s:s, s:i}", "position_id", (json_int_t)r->position_id, "ord", r->ord,
			    "name", r->name, "stage", r->stage, "duration_minutes", r->duration_minutes);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "interview_round", r->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		r->id = 0;
	return rc;
}

enum store_rc store_interview_round_update(struct store *s, const struct actor *who, const struct interview_round *r,
					   int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct interview_round *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_interview_round_get(s, r->id, old)) != STORE_OK)
		goto cleanup;
	if (!round_fields_ok(r)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE interview_rounds SET name = :name, stage = :stage, duration_minutes = :duration WHERE id = :id");
	db_bind_text(&st, ":name", r->name);
	db_bind_text(&st, ":stage", r->stage);
	db_bind_int64(&st, ":duration", r->duration_minutes);
	db_bind_int64(&st, ":id", r->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "name", old->name, r->name);
	audit_change_text(changes, "stage", old->stage, r->stage);
	audit_change_int(changes, "duration_minutes", old->duration_minutes, r->duration_minutes);
	rc = store_audit_json(s, who, "interview_round", r->id, "update", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

/* Reads position and order of round_id. */
static enum store_rc round_place(struct store *s, int64_t round_id, int64_t *position_id, int *ord)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT position_id, ord FROM interview_rounds WHERE id = :id");
	db_bind_int64(&st, ":id", round_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		*position_id = db_column_int64(&st, 0);
		*ord = (int)db_column_int64(&st, 1);
	}
	db_finalize(&st);
	return rc;
}

/* Turns the negative orders left by a renumbering back to positive ones. */
static enum store_rc ords_unflip(struct store *s, int64_t position_id)
{
	struct db_stmt st;
	db_prepare(s, &st, "UPDATE interview_rounds SET ord = -ord WHERE position_id = :position_id AND ord < 0");
	db_bind_int64(&st, ":position_id", position_id);
	return db_run(&st);
}

enum store_rc store_interview_round_move(struct store *s, const struct actor *who, int64_t round_id, int ord,
					 int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int64_t position_id = 0;
	int old_ord = 0, n = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = round_place(s, round_id, &position_id, &old_ord)) != STORE_OK ||
	    (rc = round_count(s, position_id, &n)) != STORE_OK)
		goto cleanup;
	if (ord < 1 || ord > n) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if (ord == old_ord)
		goto cleanup;
	db_prepare(s, &st, "UPDATE interview_rounds SET ord = 0 WHERE id = :id");
	db_bind_int64(&st, ":id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	/* the rounds between the two places shift by one towards the old place */
	db_prepare(s, &st,
		   "UPDATE interview_rounds SET ord = -(ord + CASE WHEN :to < :from THEN 1 ELSE -1 END)"
		   " WHERE position_id = :position_id AND ord BETWEEN min(:to, :from) AND max(:to, :from)");
	db_bind_int64(&st, ":to", ord);
	db_bind_int64(&st, ":from", old_ord);
	db_bind_int64(&st, ":position_id", position_id);
	if ((rc = db_run(&st)) != STORE_OK || (rc = ords_unflip(s, position_id)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "UPDATE interview_rounds SET ord = :ord WHERE id = :id");
	db_bind_int64(&st, ":ord", ord);
	db_bind_int64(&st, ":id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_int(changes, "ord", old_ord, ord);
	rc = store_audit_json(s, who, "interview_round", round_id, "move", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_interview_round_delete(struct store *s, const struct actor *who, int64_t round_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	int64_t position_id = 0;
	int old_ord = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = round_place(s, round_id, &position_id, &old_ord)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM interviews WHERE round_id = :id LIMIT 1");
	if ((rc = row_exists(&st, round_id, STORE_NOT_FOUND)) != STORE_NOT_FOUND) {
		if (rc == STORE_OK)
			rc = STORE_CONFLICT;
		goto cleanup;
	}
	db_prepare(s, &st, "DELETE FROM interview_rounds WHERE id = :id");
	db_bind_int64(&st, ":id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE interview_rounds SET ord = -(ord - 1) WHERE position_id = :position_id AND ord > :ord");
	db_bind_int64(&st, ":position_id", position_id);
	db_bind_int64(&st, ":ord", old_ord);
	if ((rc = db_run(&st)) != STORE_OK || (rc = ords_unflip(s, position_id)) != STORE_OK)
		goto cleanup;
	rc = store_audit(s, who, "interview_round", round_id, "delete", NULL, now);
cleanup:
	return db_write_end(s, &w, rc);
}

enum store_rc store_interview_round_set_interviewers(struct store *s, const struct actor *who, int64_t round_id,
						     const struct round_interviewer *list, size_t n, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL, *users = json_array();
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM interview_rounds WHERE id = :id");
	if ((rc = row_exists(&st, round_id, STORE_NOT_FOUND)) != STORE_OK)
		goto cleanup;
	if ((rc = interviewers_check(s, list, n)) != STORE_OK ||
	    (rc = interviewers_write(s, round_id, list, n)) != STORE_OK)
		goto cleanup;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(users, json_pack("{s:I, s:s}", "user_id", (json_int_t)list[i].user_id, "focus",
						       list[i].focus));
	changes = json_object();
	json_object_set(changes, "interviewers", users);
	rc = store_audit_json(s, who, "interview_round", round_id, "interviewers", changes, now);
cleanup:
	json_decref(users);
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_interview_round_set_kit(struct store *s, const struct actor *who, int64_t round_id,
					    const char *kit_json, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	char *old = NULL;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT kit FROM interview_rounds WHERE id = :id");
	db_bind_int64(&st, ":id", round_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		old = db_column_text_dup(&st, 0);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	if (!kit_json || !kit_json[0] || !kit_ok(kit_json)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE interview_rounds SET kit = :kit WHERE id = :id");
	db_bind_text(&st, ":kit", kit_json);
	db_bind_int64(&st, ":id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "kit", old, kit_json);
	rc = store_audit_json(s, who, "interview_round", round_id, "kit", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

static void kit_version_from_row(struct db_stmt *st, struct kit_version *v)
{
	memset(v, 0, sizeof *v);
	v->id = db_column_int64(st, 0);
	v->round_id = db_column_int64(st, 1);
	v->version = (int)db_column_int64(st, 2);
	db_column_text_copy(st, 3, v->kit_json, sizeof v->kit_json);
	v->created_at = db_column_int64(st, 4);
	v->uses = db_column_int64(st, 5);
}

enum store_rc store_kit_versions_list(struct store *s, int64_t round_id, struct kit_version **out, size_t *n)
{
	struct db_stmt st;
	struct kit_version *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st, "SELECT 1 FROM interview_rounds WHERE id = :id");
	if ((rc = row_exists(&st, round_id, STORE_NOT_FOUND)) != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "SELECT " KIT_VERSION_COLUMNS " FROM kit_versions v WHERE v.round_id = :round_id ORDER BY v.version");
	db_bind_int64(&st, ":round_id", round_id);
	while ((step = db_step(&st)) == DB_ROW) {
		kit_version_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
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

enum store_rc store_kit_version_get(struct store *s, int64_t version_id, struct kit_version *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " KIT_VERSION_COLUMNS " FROM kit_versions v WHERE v.id = :id");
	db_bind_int64(&st, ":id", version_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		kit_version_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_kit_version_for_use(struct store *s, const struct actor *who, int64_t round_id, int64_t now,
					int64_t *version_id, int *version_no)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int64_t latest_id = 0;
	int latest_no = 0;
	bool same = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "SELECT coalesce(v.id, 0), coalesce(v.version, 0), v.kit IS r.kit FROM interview_rounds r"
		   " LEFT JOIN kit_versions v ON v.round_id = r.id"
		   " AND v.version = (SELECT max(m.version) FROM kit_versions m WHERE m.round_id = r.id)"
		   " WHERE r.id = :id");
	db_bind_int64(&st, ":id", round_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		latest_id = db_column_int64(&st, 0);
		latest_no = (int)db_column_int64(&st, 1);
		same = latest_id > 0 && db_column_int64(&st, 2) != 0;
	}
	db_finalize(&st);
	if (rc != STORE_OK || same)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO kit_versions (round_id, version, kit, created_at)"
		   " SELECT id, :version, kit, :now FROM interview_rounds WHERE id = :id");
	db_bind_int64(&st, ":version", latest_no + 1);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	latest_id = db_last_insert_id(s);
	latest_no++;
	changes = json_pack("{s:I, s:i}", "kit_version_id", (json_int_t)latest_id, "version", latest_no);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "interview_round", round_id, "kit_version", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc == STORE_OK) {
		*version_id = latest_id;
		*version_no = latest_no;
	}
	return rc;
}
