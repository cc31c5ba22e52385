/*
 * scorecards.c — interviews, assignments and scorecards with the
 * visibility rule of R-INT-5; see scorecards.h.
 *
 * The rule lives in one SQL condition (SCORECARD_VISIBLE) that every reader
 * of other people's scorecards uses, so pages and API cannot drift apart.
 */
#include "store/scorecards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/xalloc.h"

#define INTERVIEW_COLUMNS                                                                                      \
	"i.id, i.application_id, a.candidate_id, a.position_id, i.round_id, r.ord, r.name, r.stage,"          \
	" r.duration_minutes, i.kit_version_id, v.version, i.created_at, coalesce(i.created_by, 0)"
#define INTERVIEW_FROM                                                                                         \
	" FROM interviews i JOIN applications a ON a.id = i.application_id"                                   \
	" JOIN interview_rounds r ON r.id = i.round_id JOIN kit_versions v ON v.id = i.kit_version_id"

#define SCORECARD_COLUMNS                                                                                      \
	"sc.id, sc.interview_id, i.application_id, i.round_id, sc.user_id,"                                   \
	" coalesce(nullif(u.display_name, ''), u.name), sc.status, sc.recommendation, sc.notes,"              \
	" sc.candidate_questions, sc.candidate_questions_quality, sc.created_at, sc.updated_at,"               \
	" coalesce(sc.submitted_at, 0)"
#define SCORECARD_FROM                                                                                         \
	" FROM scorecards sc JOIN interviews i ON i.id = sc.interview_id JOIN users u ON u.id = sc.user_id"   \
	" JOIN interview_rounds r ON r.id = i.round_id"

/* R-INT-5: the viewer's own scorecard, or a submitted one when the viewer
 * sees all or has submitted their own for an interview of the same
 * application. Parameters :viewer and :all. */
#define SCORECARD_VISIBLE                                                                                      \
	" (sc.user_id = :viewer OR (sc.status = 'submitted' AND (:all = 1 OR EXISTS (SELECT 1 FROM scorecards m" \
	" JOIN interviews mi ON mi.id = m.interview_id WHERE m.user_id = :viewer AND m.status = 'submitted'"   \
	" AND mi.application_id = i.application_id))))"

static const char *const recommendations[] = { "strong_no", "no", "yes", "strong_yes" };

const char *scorecard_status_code(enum scorecard_status st)
{
	switch (st) {
	case SCORECARD_DRAFT:
		return "draft";
	case SCORECARD_SUBMITTED:
		return "submitted";
	default:
		return "none";
	}
}

static enum scorecard_status status_parse(const char *code)
{
	if (strcmp(code, "submitted") == 0)
		return SCORECARD_SUBMITTED;
	if (strcmp(code, "draft") == 0)
		return SCORECARD_DRAFT;
	return SCORECARD_NONE;
}

bool scorecard_recommendation_valid(const char *code)
{
	for (size_t i = 0; i < sizeof recommendations / sizeof recommendations[0]; i++)
		if (code && strcmp(code, recommendations[i]) == 0)
			return true;
	return false;
}

void scorecard_free(struct scorecard *sc)
{
	if (!sc)
		return;
	free(sc->ratings);
	free(sc->answers);
	free(sc->exercises);
	sc->ratings = NULL;
	sc->answers = NULL;
	sc->exercises = NULL;
	sc->nratings = sc->nanswers = sc->nexercises = 0;
}

void scorecard_list_free(struct scorecard *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		scorecard_free(&list[i]);
	free(list);
}

void position_scorecards_free(struct position_scorecards *p)
{
	if (!p)
		return;
	free(p->ratings);
	free(p->exercises);
	free(p->recommendations);
	memset(p, 0, sizeof *p);
}

/* Runs a one-column existence query whose parameters are bound; *found. */
static enum store_rc query_exists(struct db_stmt *st, bool *found)
{
	enum store_rc rc = STORE_OK;
	*found = false;
	switch (db_step(st)) {
	case DB_ROW:
		*found = true;
		break;
	case DB_DONE:
		break;
	default:
		rc = db_rc(st);
		break;
	}
	db_finalize(st);
	return rc;
}

/* ---------------------------------------------------------------- interviews */

static void interview_from_row(struct db_stmt *st, struct interview *iv)
{
	memset(iv, 0, sizeof *iv);
	iv->id = db_column_int64(st, 0);
	iv->application_id = db_column_int64(st, 1);
	iv->candidate_id = db_column_int64(st, 2);
	iv->position_id = db_column_int64(st, 3);
	iv->round_id = db_column_int64(st, 4);
	iv->round_ord = (int)db_column_int64(st, 5);
	db_column_text_copy(st, 6, iv->round_name, sizeof iv->round_name);
	db_column_text_copy(st, 7, iv->round_stage, sizeof iv->round_stage);
	iv->duration_minutes = (int)db_column_int64(st, 8);
	iv->kit_version_id = db_column_int64(st, 9);
	iv->kit_version = (int)db_column_int64(st, 10);
	iv->created_at = db_column_int64(st, 11);
	iv->created_by = db_column_int64(st, 12);
}

static enum store_rc interview_interviewers_load(struct store *s, struct interview *iv)
{
	struct db_stmt st;
	enum db_step_result step;
	char role[32], status[16];
	iv->ninterviewers = 0;
	db_prepare(s, &st,
		   "SELECT ii.user_id, u.name, coalesce(nullif(u.display_name, ''), u.name), u.role, ii.focus,"
		   " coalesce((SELECT sc.status FROM scorecards sc WHERE sc.interview_id = ii.interview_id"
		   " AND sc.user_id = ii.user_id), '')"
		   " FROM interview_interviewers ii JOIN users u ON u.id = ii.user_id WHERE ii.interview_id = :id"
		   " ORDER BY ii.rowid");
	db_bind_int64(&st, ":id", iv->id);
	while ((step = db_step(&st)) == DB_ROW && iv->ninterviewers < ROUND_MAX_INTERVIEWERS) {
		struct interview_interviewer *x = &iv->interviewers[iv->ninterviewers++];
		memset(x, 0, sizeof *x);
		x->who.user_id = db_column_int64(&st, 0);
		db_column_text_copy(&st, 1, x->who.user_name, sizeof x->who.user_name);
		db_column_text_copy(&st, 2, x->who.display_name, sizeof x->who.display_name);
		db_column_text_copy(&st, 3, role, sizeof role);
		if (!role_parse(role, &x->who.role))
			x->who.role = ROLE_INTERVIEWER;
		db_column_text_copy(&st, 4, x->who.focus, sizeof x->who.focus);
		db_column_text_copy(&st, 5, status, sizeof status);
		x->scorecard = status_parse(status);
	}
	enum store_rc rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	return rc;
}

enum store_rc store_interview_get(struct store *s, int64_t interview_id, struct interview *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " INTERVIEW_COLUMNS INTERVIEW_FROM " WHERE i.id = :id");
	db_bind_int64(&st, ":id", interview_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		interview_from_row(&st, out);
	db_finalize(&st);
	if (rc == STORE_OK)
		rc = interview_interviewers_load(s, out);
	return rc;
}

enum store_rc store_interview_create(struct store *s, const struct actor *who, int64_t application_id,
				     int64_t round_id, int64_t now, struct interview *out)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int64_t app_position = 0, round_position = 0, version_id = 0, interview_id = 0;
	int version_no = 0;
	bool exists = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "SELECT (SELECT position_id FROM applications WHERE id = :application_id),"
		   " (SELECT position_id FROM interview_rounds WHERE id = :round_id)");
	db_bind_int64(&st, ":application_id", application_id);
	db_bind_int64(&st, ":round_id", round_id);
	if (db_step(&st) == DB_ROW) {
		app_position = db_column_int64(&st, 0);
		round_position = db_column_int64(&st, 1);
	}
	if ((rc = db_finalize(&st)) != STORE_OK)
		goto cleanup;
	if (app_position == 0 || round_position == 0) {
		rc = STORE_NOT_FOUND;
		goto cleanup;
	}
	if (app_position != round_position) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT 1 FROM interviews WHERE application_id = :application_id AND round_id = :round_id");
	db_bind_int64(&st, ":application_id", application_id);
	db_bind_int64(&st, ":round_id", round_id);
	if ((rc = query_exists(&st, &exists)) != STORE_OK)
		goto cleanup;
	if (exists) {
		rc = STORE_CONFLICT;
		goto cleanup;
	}
	/* R-INT-3: the kit version this candidate gets */
	if ((rc = store_kit_version_for_use(s, who, round_id, now, &version_id, &version_no)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO interviews (application_id, round_id, kit_version_id, created_at, created_by)"
		   " VALUES (:application_id, :round_id, :kit_version_id, :now, :created_by)");
	db_bind_int64(&st, ":application_id", application_id);
	db_bind_int64(&st, ":round_id", round_id);
	db_bind_int64(&st, ":kit_version_id", version_id);
	db_bind_int64(&st, ":now", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":created_by", who->user_id);
	else
		db_bind_null(&st, ":created_by");
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	interview_id = db_last_insert_id(s);
	/* the assignment: the round's interviewers and focus as they are now */
	db_prepare(s, &st,
		   "INSERT INTO interview_interviewers (interview_id, user_id, focus)"
		   " SELECT :interview_id, ri.user_id, ri.focus FROM round_interviewers ri"
		   " WHERE ri.round_id = :round_id ORDER BY ri.rowid");
	db_bind_int64(&st, ":interview_id", interview_id);
	db_bind_int64(&st, ":round_id", round_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:I, s:I, s:i}", "application_id", (json_int_t)application_id, "round_id",
			    (json_int_t)round_id, "kit_version_id", (json_int_t)version_id, "kit_version", version_no);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if ((rc = store_audit_json(s, who, "interview", interview_id, "create", changes, now)) != STORE_OK)
		goto cleanup;
	if (out)
		rc = store_interview_get(s, interview_id, out);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_interviews_for_application(struct store *s, int64_t application_id, struct interview **out,
					       size_t *n)
{
	struct db_stmt st;
	struct interview *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " INTERVIEW_COLUMNS INTERVIEW_FROM " WHERE i.application_id = :application_id"
		   " ORDER BY r.ord, i.id");
	db_bind_int64(&st, ":application_id", application_id);
	while ((step = db_step(&st)) == DB_ROW) {
		interview_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	for (size_t i = 0; i < count && rc == STORE_OK; i++)
		rc = interview_interviewers_load(s, &list[i]);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_interviews_for_user(struct store *s, int64_t user_id, struct my_interview **out, size_t *n)
{
	struct db_stmt st;
	struct my_interview *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;
	char status[16];

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT i.id, i.application_id, a.candidate_id, a.position_id, i.round_id, c.first_name, c.last_name,"
		   " p.title, r.name, r.ord, v.version, ii.focus, coalesce(sc.status, ''), coalesce(sc.id, 0),"
		   " i.created_at"
		   " FROM interview_interviewers ii JOIN interviews i ON i.id = ii.interview_id"
		   " JOIN applications a ON a.id = i.application_id JOIN candidates c ON c.id = a.candidate_id"
		   " JOIN positions p ON p.id = a.position_id JOIN interview_rounds r ON r.id = i.round_id"
		   " JOIN kit_versions v ON v.id = i.kit_version_id"
		   " LEFT JOIN scorecards sc ON sc.interview_id = i.id AND sc.user_id = ii.user_id"
		   " WHERE ii.user_id = :user_id"
		   " ORDER BY coalesce(sc.status, '') = 'submitted', i.created_at DESC, i.id DESC");
	db_bind_int64(&st, ":user_id", user_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct my_interview *m = xgrow(&list, &count, &cap, sizeof *list);
		m->interview_id = db_column_int64(&st, 0);
		m->application_id = db_column_int64(&st, 1);
		m->candidate_id = db_column_int64(&st, 2);
		m->position_id = db_column_int64(&st, 3);
		m->round_id = db_column_int64(&st, 4);
		db_column_text_copy(&st, 5, m->first_name, sizeof m->first_name);
		db_column_text_copy(&st, 6, m->last_name, sizeof m->last_name);
		db_column_text_copy(&st, 7, m->position_title, sizeof m->position_title);
		db_column_text_copy(&st, 8, m->round_name, sizeof m->round_name);
		m->round_ord = (int)db_column_int64(&st, 9);
		m->kit_version = (int)db_column_int64(&st, 10);
		db_column_text_copy(&st, 11, m->focus, sizeof m->focus);
		db_column_text_copy(&st, 12, status, sizeof status);
		m->my_status = status_parse(status);
		m->scorecard_id = db_column_int64(&st, 13);
		m->created_at = db_column_int64(&st, 14);
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

enum store_rc store_interviewer_assigned(struct store *s, int64_t user_id, int64_t candidate_id, bool *assigned)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT 1 FROM interview_interviewers ii JOIN interviews i ON i.id = ii.interview_id"
		   " JOIN applications a ON a.id = i.application_id WHERE ii.user_id = :user_id"
		   " AND a.candidate_id = :candidate_id LIMIT 1");
	db_bind_int64(&st, ":user_id", user_id);
	db_bind_int64(&st, ":candidate_id", candidate_id);
	return query_exists(&st, assigned);
}

enum store_rc store_interviewer_assigned_to_application(struct store *s, int64_t user_id, int64_t application_id,
							bool *assigned)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT 1 FROM interview_interviewers ii JOIN interviews i ON i.id = ii.interview_id"
		   " WHERE ii.user_id = :user_id AND i.application_id = :application_id LIMIT 1");
	db_bind_int64(&st, ":user_id", user_id);
	db_bind_int64(&st, ":application_id", application_id);
	return query_exists(&st, assigned);
}

enum store_rc store_interviewer_assigned_to_interview(struct store *s, int64_t user_id, int64_t interview_id,
						      bool *assigned)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT 1 FROM interview_interviewers WHERE user_id = :user_id AND interview_id = :interview_id");
	db_bind_int64(&st, ":user_id", user_id);
	db_bind_int64(&st, ":interview_id", interview_id);
	return query_exists(&st, assigned);
}

/* ---------------------------------------------------------------- scorecards */

static void scorecard_from_row(struct db_stmt *st, struct scorecard *sc)
{
	char status[16];
	memset(sc, 0, sizeof *sc);
	sc->id = db_column_int64(st, 0);
	sc->interview_id = db_column_int64(st, 1);
	sc->application_id = db_column_int64(st, 2);
	sc->round_id = db_column_int64(st, 3);
	sc->user_id = db_column_int64(st, 4);
	db_column_text_copy(st, 5, sc->user_display, sizeof sc->user_display);
	db_column_text_copy(st, 6, status, sizeof status);
	sc->status = status_parse(status);
	db_column_text_copy(st, 7, sc->recommendation, sizeof sc->recommendation);
	db_column_text_copy(st, 8, sc->notes, sizeof sc->notes);
	db_column_text_copy(st, 9, sc->candidate_questions, sizeof sc->candidate_questions);
	db_column_text_copy(st, 10, sc->candidate_questions_quality, sizeof sc->candidate_questions_quality);
	sc->created_at = db_column_int64(st, 11);
	sc->updated_at = db_column_int64(st, 12);
	sc->submitted_at = db_column_int64(st, 13);
}

/* Loads the ratings, answers and exercise ratings of sc->id, in saved order. */
static enum store_rc scorecard_items_load(struct store *s, struct scorecard *sc)
{
	struct db_stmt st;
	enum db_step_result step;
	size_t cap = 0;
	enum store_rc rc;

	db_prepare(s, &st,
		   "SELECT competency, rating, notes FROM scorecard_ratings WHERE scorecard_id = :id ORDER BY rowid");
	db_bind_int64(&st, ":id", sc->id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct scorecard_rating *r = xgrow(&sc->ratings, &sc->nratings, &cap, sizeof *sc->ratings);
		db_column_text_copy(&st, 0, r->competency, sizeof r->competency);
		r->rating = (int)db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, r->notes, sizeof r->notes);
	}
	rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;

	cap = 0;
	db_prepare(s, &st,
		   "SELECT question_ref, notes FROM scorecard_answers WHERE scorecard_id = :id ORDER BY rowid");
	db_bind_int64(&st, ":id", sc->id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct scorecard_answer *a = xgrow(&sc->answers, &sc->nanswers, &cap, sizeof *sc->answers);
		db_column_text_copy(&st, 0, a->question_ref, sizeof a->question_ref);
		db_column_text_copy(&st, 1, a->notes, sizeof a->notes);
	}
	rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;

	cap = 0;
	db_prepare(s, &st,
		   "SELECT exercise_key, rating, notes FROM exercise_ratings WHERE scorecard_id = :id ORDER BY rowid");
	db_bind_int64(&st, ":id", sc->id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct scorecard_exercise *e = xgrow(&sc->exercises, &sc->nexercises, &cap, sizeof *sc->exercises);
		db_column_text_copy(&st, 0, e->exercise_key, sizeof e->exercise_key);
		e->rating = (int)db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, e->notes, sizeof e->notes);
	}
	rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	return rc;
}

/* Reads scorecard id with no visibility check (the callers check). */
static enum store_rc scorecard_read(struct store *s, int64_t id, struct scorecard *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " SCORECARD_COLUMNS SCORECARD_FROM " WHERE sc.id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		scorecard_from_row(&st, out);
	db_finalize(&st);
	if (rc == STORE_OK && (rc = scorecard_items_load(s, out)) != STORE_OK)
		scorecard_free(out);
	return rc;
}

enum store_rc store_scorecard_open(struct store *s, const struct actor *who, int64_t interview_id, int64_t user_id,
				   int64_t now, struct scorecard *out)
{
	struct db_write w;
	struct db_stmt st;
	bool assigned = false;
	int64_t id = 0;
	enum store_rc rc;

	memset(out, 0, sizeof *out);
	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_interviewer_assigned_to_interview(s, user_id, interview_id, &assigned)) != STORE_OK)
		goto cleanup;
	if (!assigned) {
		rc = STORE_NOT_FOUND;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT id FROM scorecards WHERE interview_id = :interview_id AND user_id = :user_id");
	db_bind_int64(&st, ":interview_id", interview_id);
	db_bind_int64(&st, ":user_id", user_id);
	if (db_step(&st) == DB_ROW)
		id = db_column_int64(&st, 0);
	if ((rc = db_finalize(&st)) != STORE_OK)
		goto cleanup;
	if (id == 0) {
		db_prepare(s, &st,
			   "INSERT INTO scorecards (interview_id, user_id, status, created_at, updated_at)"
			   " VALUES (:interview_id, :user_id, 'draft', :now, :now)");
		db_bind_int64(&st, ":interview_id", interview_id);
		db_bind_int64(&st, ":user_id", user_id);
		db_bind_int64(&st, ":now", now);
		if ((rc = db_run(&st)) != STORE_OK)
			goto cleanup;
		id = db_last_insert_id(s);
		json_t *changes = json_pack("{s:I, s:I}", "interview_id", (json_int_t)interview_id, "user_id",
					    (json_int_t)user_id);
		if (!changes) {
			rc = STORE_ERROR;
			goto cleanup;
		}
		rc = store_audit_json(s, who, "scorecard", id, "create", changes, now);
		json_decref(changes);
		if (rc != STORE_OK)
			goto cleanup;
	}
	rc = scorecard_read(s, id, out);
cleanup:
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		scorecard_free(out);
	return rc;
}

/* Reads status and author of scorecard id: STORE_NOT_FOUND unless it exists
 * and belongs to author. */
static enum store_rc scorecard_owned(struct store *s, int64_t id, int64_t author, enum scorecard_status *status,
				     char recommendation[SCORECARD_CODE_MAX])
{
	struct db_stmt st;
	enum store_rc rc;
	char code[16];
	db_prepare(s, &st, "SELECT status, recommendation FROM scorecards WHERE id = :id AND user_id = :user_id");
	db_bind_int64(&st, ":id", id);
	db_bind_int64(&st, ":user_id", author);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		db_column_text_copy(&st, 0, code, sizeof code);
		*status = status_parse(code);
		db_column_text_copy(&st, 1, recommendation, SCORECARD_CODE_MAX);
	}
	db_finalize(&st);
	return rc;
}

static bool text_ok(const char *t, size_t max)
{
	size_t len = strnlen(t, max + 1);
	return len <= max && utf8_valid(t, len);
}

static bool key_ok(const char *k, size_t size)
{
	size_t len = strnlen(k, size);
	return len > 0 && len < size && utf8_valid(k, len);
}

/* The checks of store_scorecard_save on the caller's values. */
static bool scorecard_input_ok(const struct scorecard *sc)
{
	if ((sc->recommendation[0] && !scorecard_recommendation_valid(sc->recommendation)) ||
	    (sc->candidate_questions_quality[0] && strcmp(sc->candidate_questions_quality, "substantive") != 0 &&
	     strcmp(sc->candidate_questions_quality, "superficial") != 0) ||
	    !text_ok(sc->notes, SCORECARD_NOTES_MAX) || !text_ok(sc->candidate_questions, SCORECARD_NOTES_MAX) ||
	    sc->nratings > SCORECARD_MAX_ITEMS || sc->nanswers > SCORECARD_MAX_ITEMS ||
	    sc->nexercises > SCORECARD_MAX_ITEMS || (sc->nratings && !sc->ratings) ||
	    (sc->nanswers && !sc->answers) || (sc->nexercises && !sc->exercises))
		return false;
	for (size_t i = 0; i < sc->nratings; i++) {
		const struct scorecard_rating *r = &sc->ratings[i];
		if (!key_ok(r->competency, sizeof r->competency) || r->rating < 1 || r->rating > 4 ||
		    !text_ok(r->notes, SCORECARD_ITEM_NOTES_MAX))
			return false;
		for (size_t j = 0; j < i; j++)
			if (strcmp(sc->ratings[j].competency, r->competency) == 0)
				return false;
	}
	for (size_t i = 0; i < sc->nanswers; i++) {
		const struct scorecard_answer *a = &sc->answers[i];
		if (!key_ok(a->question_ref, sizeof a->question_ref) || !text_ok(a->notes, SCORECARD_ITEM_NOTES_MAX))
			return false;
		for (size_t j = 0; j < i; j++)
			if (strcmp(sc->answers[j].question_ref, a->question_ref) == 0)
				return false;
	}
	for (size_t i = 0; i < sc->nexercises; i++) {
		const struct scorecard_exercise *e = &sc->exercises[i];
		if (!key_ok(e->exercise_key, sizeof e->exercise_key) || e->rating < 1 || e->rating > 4 ||
		    !text_ok(e->notes, SCORECARD_ITEM_NOTES_MAX))
			return false;
		for (size_t j = 0; j < i; j++)
			if (strcmp(sc->exercises[j].exercise_key, e->exercise_key) == 0)
				return false;
	}
	return true;
}

/* Replaces the items of scorecard sc->id with sc's arrays. */
static enum store_rc scorecard_items_write(struct store *s, const struct scorecard *sc)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "DELETE FROM scorecard_ratings WHERE scorecard_id = :id");
	db_bind_int64(&st, ":id", sc->id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "DELETE FROM scorecard_answers WHERE scorecard_id = :id");
	db_bind_int64(&st, ":id", sc->id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "DELETE FROM exercise_ratings WHERE scorecard_id = :id");
	db_bind_int64(&st, ":id", sc->id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	for (size_t i = 0; i < sc->nratings; i++) {
		db_prepare(s, &st,
			   "INSERT INTO scorecard_ratings (scorecard_id, competency, rating, notes)"
			   " VALUES (:id, :key, :rating, :notes)");
		db_bind_int64(&st, ":id", sc->id);
		db_bind_text(&st, ":key", sc->ratings[i].competency);
		db_bind_int64(&st, ":rating", sc->ratings[i].rating);
		db_bind_text(&st, ":notes", sc->ratings[i].notes);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < sc->nanswers; i++) {
		db_prepare(s, &st,
			   "INSERT INTO scorecard_answers (scorecard_id, question_ref, notes) VALUES (:id, :ref, :notes)");
		db_bind_int64(&st, ":id", sc->id);
		db_bind_text(&st, ":ref", sc->answers[i].question_ref);
		db_bind_text(&st, ":notes", sc->answers[i].notes);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < sc->nexercises; i++) {
		db_prepare(s, &st,
			   "INSERT INTO exercise_ratings (scorecard_id, exercise_key, rating, notes)"
			   " VALUES (:id, :key, :rating, :notes)");
		db_bind_int64(&st, ":id", sc->id);
		db_bind_text(&st, ":key", sc->exercises[i].exercise_key);
		db_bind_int64(&st, ":rating", sc->exercises[i].rating);
		db_bind_text(&st, ":notes", sc->exercises[i].notes);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

enum store_rc store_scorecard_save(struct store *s, const struct actor *who, int64_t author_user_id,
				   const struct scorecard *sc, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	enum scorecard_status status = SCORECARD_NONE;
	char old_recommendation[SCORECARD_CODE_MAX] = "";
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = scorecard_owned(s, sc->id, author_user_id, &status, old_recommendation)) != STORE_OK)
		goto cleanup;
	if (status != SCORECARD_DRAFT || !scorecard_input_ok(sc)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE scorecards SET recommendation = :recommendation, notes = :notes,"
		   " candidate_questions = :candidate_questions, candidate_questions_quality = :quality,"
		   " updated_at = :now WHERE id = :id");
	db_bind_text(&st, ":recommendation", sc->recommendation);
	db_bind_text(&st, ":notes", sc->notes);
	db_bind_text(&st, ":candidate_questions", sc->candidate_questions);
	db_bind_text(&st, ":quality", sc->candidate_questions_quality);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", sc->id);
	if ((rc = db_run(&st)) != STORE_OK || (rc = scorecard_items_write(s, sc)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "recommendation", old_recommendation, sc->recommendation);
	json_object_set_new(changes, "ratings", json_integer((json_int_t)sc->nratings));
	json_object_set_new(changes, "answers", json_integer((json_int_t)sc->nanswers));
	json_object_set_new(changes, "exercise_ratings", json_integer((json_int_t)sc->nexercises));
	rc = store_audit_json(s, who, "scorecard", sc->id, "save", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_scorecard_submit(struct store *s, const struct actor *who, int64_t author_user_id,
				     int64_t scorecard_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	enum scorecard_status status = SCORECARD_NONE;
	char recommendation[SCORECARD_CODE_MAX] = "";
	bool rated = false;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = scorecard_owned(s, scorecard_id, author_user_id, &status, recommendation)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM scorecard_ratings WHERE scorecard_id = :id LIMIT 1");
	db_bind_int64(&st, ":id", scorecard_id);
	if ((rc = query_exists(&st, &rated)) != STORE_OK)
		goto cleanup;
	if (status != SCORECARD_DRAFT || !scorecard_recommendation_valid(recommendation) || !rated) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE scorecards SET status = 'submitted', submitted_at = :now, updated_at = :now WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", scorecard_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "status", "draft", "submitted");
	rc = store_audit_json(s, who, "scorecard", scorecard_id, "submit", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_scorecard_get_visible(struct store *s, int64_t viewer_user_id, bool viewer_sees_all,
					  int64_t scorecard_id, struct scorecard *out)
{
	struct db_stmt st;
	bool visible = false;
	enum store_rc rc;
	memset(out, 0, sizeof *out);
	/* R-INT-5: one condition decides; a scorecard the viewer may not see is "not found" */
	db_prepare(s, &st, "SELECT 1" SCORECARD_FROM " WHERE sc.id = :id AND" SCORECARD_VISIBLE);
	db_bind_int64(&st, ":id", scorecard_id);
	db_bind_int64(&st, ":viewer", viewer_user_id);
	db_bind_int64(&st, ":all", viewer_sees_all ? 1 : 0);
	if ((rc = query_exists(&st, &visible)) != STORE_OK)
		return rc;
	if (!visible)
		return STORE_NOT_FOUND;
	return scorecard_read(s, scorecard_id, out);
}

enum store_rc store_scorecards_for_application_visible(struct store *s, int64_t viewer_user_id, bool viewer_sees_all,
						       int64_t application_id, struct scorecard **out, size_t *n)
{
	struct db_stmt st;
	struct scorecard *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " SCORECARD_COLUMNS SCORECARD_FROM " WHERE i.application_id = :application_id AND"
		   SCORECARD_VISIBLE " ORDER BY r.ord, sc.status = 'draft', coalesce(sc.submitted_at, sc.updated_at),"
		   " sc.id");
	db_bind_int64(&st, ":application_id", application_id);
	db_bind_int64(&st, ":viewer", viewer_user_id);
	db_bind_int64(&st, ":all", viewer_sees_all ? 1 : 0);
	while ((step = db_step(&st)) == DB_ROW) {
		scorecard_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	for (size_t i = 0; i < count && rc == STORE_OK; i++)
		rc = scorecard_items_load(s, &list[i]);
	if (rc != STORE_OK) {
		scorecard_list_free(list, count);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_scorecard_viewer_unlocked(struct store *s, int64_t viewer_user_id, int64_t application_id,
					      bool *unlocked)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT 1 FROM scorecards m JOIN interviews mi ON mi.id = m.interview_id"
		   " WHERE m.user_id = :viewer AND m.status = 'submitted' AND mi.application_id = :application_id LIMIT 1");
	db_bind_int64(&st, ":viewer", viewer_user_id);
	db_bind_int64(&st, ":application_id", application_id);
	return query_exists(&st, unlocked);
}

/* ---------------------------------------------------------------- evaluation */

/* Reads rows (application_id, scorecard_id, user_id, interviewer, key,
 * rating) of a prepared statement into a malloc'd list. */
static enum store_rc submitted_ratings_read(struct db_stmt *st, struct submitted_rating **out, size_t *n)
{
	struct submitted_rating *list = NULL;
	size_t count = 0, cap = 0;
	enum db_step_result step;
	while ((step = db_step(st)) == DB_ROW) {
		struct submitted_rating *r = xgrow(&list, &count, &cap, sizeof *list);
		r->application_id = db_column_int64(st, 0);
		r->scorecard_id = db_column_int64(st, 1);
		r->user_id = db_column_int64(st, 2);
		db_column_text_copy(st, 3, r->interviewer, sizeof r->interviewer);
		db_column_text_copy(st, 4, r->competency, sizeof r->competency);
		r->rating = (int)db_column_int64(st, 5);
	}
	enum store_rc rc = step == DB_FAIL ? db_rc(st) : STORE_OK;
	db_finalize(st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_scorecards_submitted_for_position(struct store *s, int64_t position_id,
						      struct position_scorecards *out)
{
	struct db_stmt st;
	bool exists = false;
	enum store_rc rc;
	enum db_step_result step;
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", position_id);
	if ((rc = query_exists(&st, &exists)) != STORE_OK)
		return rc;
	if (!exists)
		return STORE_NOT_FOUND;

	db_prepare(s, &st,
		   "SELECT i.application_id, sc.id, sc.user_id, coalesce(nullif(u.display_name, ''), u.name),"
		   " x.competency, x.rating FROM scorecard_ratings x JOIN scorecards sc ON sc.id = x.scorecard_id"
		   " JOIN interviews i ON i.id = sc.interview_id JOIN applications a ON a.id = i.application_id"
		   " JOIN users u ON u.id = sc.user_id WHERE a.position_id = :position_id AND sc.status = 'submitted'"
		   " ORDER BY i.application_id, sc.id, x.rowid");
	db_bind_int64(&st, ":position_id", position_id);
	if ((rc = submitted_ratings_read(&st, &out->ratings, &out->nratings)) != STORE_OK)
		goto fail;

	db_prepare(s, &st,
		   "SELECT i.application_id, sc.id, sc.user_id, coalesce(nullif(u.display_name, ''), u.name),"
		   " x.exercise_key, x.rating FROM exercise_ratings x JOIN scorecards sc ON sc.id = x.scorecard_id"
		   " JOIN interviews i ON i.id = sc.interview_id JOIN applications a ON a.id = i.application_id"
		   " JOIN users u ON u.id = sc.user_id WHERE a.position_id = :position_id AND sc.status = 'submitted'"
		   " ORDER BY i.application_id, sc.id, x.rowid");
	db_bind_int64(&st, ":position_id", position_id);
	if ((rc = submitted_ratings_read(&st, &out->exercises, &out->nexercises)) != STORE_OK)
		goto fail;

	db_prepare(s, &st,
		   "SELECT i.application_id, sc.id, sc.user_id, coalesce(nullif(u.display_name, ''), u.name),"
		   " i.round_id, r.ord, r.name, sc.recommendation, sc.candidate_questions_quality,"
		   " coalesce(sc.submitted_at, 0)"
		   " FROM scorecards sc JOIN interviews i ON i.id = sc.interview_id"
		   " JOIN applications a ON a.id = i.application_id JOIN interview_rounds r ON r.id = i.round_id"
		   " JOIN users u ON u.id = sc.user_id WHERE a.position_id = :position_id AND sc.status = 'submitted'"
		   " ORDER BY i.application_id, r.ord, sc.submitted_at, sc.id");
	db_bind_int64(&st, ":position_id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct submitted_recommendation *r =
			xgrow(&out->recommendations, &out->nrecommendations, &cap, sizeof *out->recommendations);
		r->application_id = db_column_int64(&st, 0);
		r->scorecard_id = db_column_int64(&st, 1);
		r->user_id = db_column_int64(&st, 2);
		db_column_text_copy(&st, 3, r->interviewer, sizeof r->interviewer);
		r->round_id = db_column_int64(&st, 4);
		r->round_ord = (int)db_column_int64(&st, 5);
		db_column_text_copy(&st, 6, r->round_name, sizeof r->round_name);
		db_column_text_copy(&st, 7, r->recommendation, sizeof r->recommendation);
		db_column_text_copy(&st, 8, r->candidate_questions_quality, sizeof r->candidate_questions_quality);
		r->submitted_at = db_column_int64(&st, 9);
	}
	rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	if (rc == STORE_OK)
		return STORE_OK;
fail:
	position_scorecards_free(out);
	return rc;
}
