/*
 * hires.c — hires, the stored onboarding plan and key accounts; see hires.h.
 *
 * The four parts of a plan are written in one unit of work: every row is
 * checked before the first insert, and a failure rolls all back. Lists are
 * read with one collector that takes the row reader of the element type.
 */
#include "store/hires.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The onboarding codes are core/onboarding.h's; handover states are kept here. */
static const char *const handover_statuses[] = { "planned", "introduced", "handed_over" };

static bool phase_ok(const char *code)
{
	enum onb_phase v;
	return code && onb_phase_parse(code, &v);
}

static bool owner_ok(const char *code)
{
	enum onb_owner v;
	return code && onb_owner_parse(code, &v);
}

static bool task_status_ok(const char *code)
{
	enum onb_task_status v;
	return code && onb_task_status_parse(code, &v);
}

static bool goal_kind_ok(const char *code)
{
	enum onb_goal_kind v;
	return code && onb_goal_kind_parse(code, &v);
}

static bool goal_status_ok(const char *code)
{
	enum onb_goal_status v;
	return code && onb_goal_status_parse(code, &v);
}

#define USER_DISPLAY_SQL(u) \
	"coalesce(CASE WHEN " u ".display_name <> '' THEN " u ".display_name ELSE " u ".name END, '')"

static bool code_in(const char *code, const char *const *list, size_t n)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(code, list[i]) == 0)
			return true;
	return false;
}

static bool text_ok(const char *text, size_t max)
{
	size_t len = strlen(text);
	return len <= max && utf8_valid(text, len);
}

static bool title_ok(const char *text, size_t max)
{
	return text[0] != '\0' && text_ok(text, max);
}

/* Binds a user id, or NULL for none / the command line (id <= 0). */
static void bind_user(struct db_stmt *st, const char *name, int64_t user_id)
{
	if (user_id > 0)
		db_bind_int64(st, name, user_id);
	else
		db_bind_null(st, name);
}

/* Binds a day, or NULL for "not set" (day <= 0). */
static void bind_day(struct db_stmt *st, const char *name, int32_t day)
{
	if (day > 0)
		db_bind_int64(st, name, day);
	else
		db_bind_null(st, name);
}

/* STORE_OK when user_id is 0 or an existing user, else STORE_INVALID. */
static enum store_rc user_ref_check(struct store *s, int64_t user_id)
{
	struct db_stmt st;
	if (user_id == 0)
		return STORE_OK;
	if (user_id < 0)
		return STORE_INVALID;
	db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id");
	db_bind_int64(&st, ":id", user_id);
	enum store_rc rc = db_step_row(&st);
	db_finalize(&st);
	return rc == STORE_NOT_FOUND ? STORE_INVALID : rc;
}

/* STORE_OK when hire_id exists, else STORE_NOT_FOUND. */
static enum store_rc hire_exists(struct store *s, int64_t hire_id)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT 1 FROM hires WHERE id = :id");
	db_bind_int64(&st, ":id", hire_id);
	enum store_rc rc = db_step_row(&st);
	db_finalize(&st);
	return rc;
}

/* Collects every row of st into a malloc'd array of elements of size
 * elem_size, each read by from_row, and finalizes st. */
static enum store_rc collect_rows(struct db_stmt *st, size_t elem_size, void (*from_row)(struct db_stmt *, void *),
				  void **out, size_t *n)
{
	char *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	while ((step = db_step(st)) == DB_ROW) {
		from_row(st, xgrow(&list, &count, &cap, elem_size));
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

/* Writes one audit row with changes built by json_pack (NULL = out of memory). */
static enum store_rc audit_packed(struct store *s, const struct actor *who, const char *entity, int64_t id,
				  const char *action, json_t *changes, int64_t now)
{
	if (!changes) {
		log_error("audit: cannot describe %s %lld", entity, (long long)id);
		return STORE_ERROR;
	}
	enum store_rc rc = store_audit_json(s, who, entity, id, action, changes, now);
	json_decref(changes);
	return rc;
}

/* --- hires ------------------------------------------------------------------ */

#define HIRE_SELECT                                                                                        \
	"SELECT h.id, h.application_id, h.candidate_id, h.position_id, coalesce(h.start_day, 0),"              \
	" coalesce(h.user_id, 0), coalesce(h.manager_user_id, 0), h.created_at, coalesce(h.created_by, 0),"    \
	" c.first_name, c.last_name, p.title, " USER_DISPLAY_SQL("uu") ", " USER_DISPLAY_SQL("um")             \
	" FROM hires h JOIN candidates c ON c.id = h.candidate_id JOIN positions p ON p.id = h.position_id"    \
	" LEFT JOIN users uu ON uu.id = h.user_id LEFT JOIN users um ON um.id = h.manager_user_id"
#define HIRE_ORDER " ORDER BY h.start_day IS NULL, h.start_day DESC, h.id DESC"

static void hire_from_row(struct db_stmt *st, void *dst)
{
	struct hire *h = dst;
	memset(h, 0, sizeof *h);
	h->id = db_column_int64(st, 0);
	h->application_id = db_column_int64(st, 1);
	h->candidate_id = db_column_int64(st, 2);
	h->position_id = db_column_int64(st, 3);
	h->start_day = (int32_t)db_column_int64(st, 4);
	h->user_id = db_column_int64(st, 5);
	h->manager_user_id = db_column_int64(st, 6);
	h->created_at = db_column_int64(st, 7);
	h->created_by = db_column_int64(st, 8);
	db_column_text_copy(st, 9, h->first_name, sizeof h->first_name);
	db_column_text_copy(st, 10, h->last_name, sizeof h->last_name);
	db_column_text_copy(st, 11, h->position_title, sizeof h->position_title);
	db_column_text_copy(st, 12, h->user_name, sizeof h->user_name);
	db_column_text_copy(st, 13, h->manager_name, sizeof h->manager_name);
}

enum store_rc store_hire_get(struct store *s, int64_t id, struct hire *out)
{
	struct db_stmt st;
	db_prepare(s, &st, HIRE_SELECT " WHERE h.id = :id");
	db_bind_int64(&st, ":id", id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		hire_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_hire_get_by_application(struct store *s, int64_t application_id, struct hire *out)
{
	struct db_stmt st;
	db_prepare(s, &st, HIRE_SELECT " WHERE h.application_id = :id");
	db_bind_int64(&st, ":id", application_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		hire_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_hire_list(struct store *s, struct hire **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, HIRE_SELECT HIRE_ORDER);
	return collect_rows(&st, sizeof **out, hire_from_row, (void **)out, n);
}

enum store_rc store_hire_list_for_user(struct store *s, int64_t user_id, struct hire **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, HIRE_SELECT " WHERE h.user_id = :id" HIRE_ORDER);
	db_bind_int64(&st, ":id", user_id);
	return collect_rows(&st, sizeof **out, hire_from_row, (void **)out, n);
}

enum store_rc store_hire_list_for_manager(struct store *s, int64_t manager_user_id, struct hire **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, HIRE_SELECT " WHERE h.manager_user_id = :id" HIRE_ORDER);
	db_bind_int64(&st, ":id", manager_user_id);
	return collect_rows(&st, sizeof **out, hire_from_row, (void **)out, n);
}

/* Sets one user column of hire_id (which: 0 = user_id, 1 = manager_user_id). */
static enum store_rc hire_set_person(struct store *s, const struct actor *who, int64_t hire_id, int which,
				     int64_t user_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct hire h;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_hire_get(s, hire_id, &h)) != STORE_OK)
		goto cleanup;
	if ((rc = user_ref_check(s, user_id)) != STORE_OK)
		goto cleanup;
	if (which == 0)
		db_prepare(s, &st, "UPDATE hires SET user_id = :user WHERE id = :id");
	else
		db_prepare(s, &st, "UPDATE hires SET manager_user_id = :user WHERE id = :id");
	bind_user(&st, ":user", user_id);
	db_bind_int64(&st, ":id", hire_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	if (which == 0)
		audit_change_int(changes, "user_id", h.user_id, user_id);
	else
		audit_change_int(changes, "manager_user_id", h.manager_user_id, user_id);
	rc = store_audit_json(s, who, "hire", hire_id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_hire_set_user(struct store *s, const struct actor *who, int64_t hire_id, int64_t user_id,
				  int64_t now)
{
	return hire_set_person(s, who, hire_id, 0, user_id, now);
}

enum store_rc store_hire_set_manager(struct store *s, const struct actor *who, int64_t hire_id,
				     int64_t manager_user_id, int64_t now)
{
	return hire_set_person(s, who, hire_id, 1, manager_user_id, now);
}

enum store_rc store_hire_set_start_day(struct store *s, const struct actor *who, int64_t hire_id, int32_t start_day,
				       int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct hire h;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_hire_get(s, hire_id, &h)) != STORE_OK)
		goto cleanup;
	if (start_day < 0) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE hires SET start_day = :day WHERE id = :id");
	bind_day(&st, ":day", start_day);
	db_bind_int64(&st, ":id", hire_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_int(changes, "start_day", h.start_day, start_day);
	rc = store_audit_json(s, who, "hire", hire_id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* --- reading the plan ------------------------------------------------------- */

#define TASK_SELECT                                                                                        \
	"SELECT t.id, t.hire_id, t.phase, t.title, t.description, t.owner_kind, coalesce(t.owner_user_id, 0),"  \
	" t.due_day, t.status, coalesce(t.done_at, 0), coalesce(t.done_by, 0), " USER_DISPLAY_SQL("u") ","     \
	" t.ord FROM onboarding_tasks t LEFT JOIN users u ON u.id = t.done_by"

static void task_from_row(struct db_stmt *st, void *dst)
{
	struct onboarding_task *t = dst;
	memset(t, 0, sizeof *t);
	t->id = db_column_int64(st, 0);
	t->hire_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, t->phase, sizeof t->phase);
	db_column_text_copy(st, 3, t->title, sizeof t->title);
	db_column_text_copy(st, 4, t->description, sizeof t->description);
	db_column_text_copy(st, 5, t->owner_kind, sizeof t->owner_kind);
	t->owner_user_id = db_column_int64(st, 6);
	t->due_day = (int32_t)db_column_int64(st, 7);
	db_column_text_copy(st, 8, t->status, sizeof t->status);
	t->done_at = db_column_int64(st, 9);
	t->done_by = db_column_int64(st, 10);
	db_column_text_copy(st, 11, t->done_by_name, sizeof t->done_by_name);
	t->ord = (int)db_column_int64(st, 12);
}

#define CHECKIN_SELECT \
	"SELECT c.id, c.hire_id, c.week, c.day, c.time_minutes, c.notes, c.done FROM onboarding_checkins c"

static void checkin_from_row(struct db_stmt *st, void *dst)
{
	struct onboarding_checkin *c = dst;
	memset(c, 0, sizeof *c);
	c->id = db_column_int64(st, 0);
	c->hire_id = db_column_int64(st, 1);
	c->week = (int)db_column_int64(st, 2);
	c->day = (int32_t)db_column_int64(st, 3);
	c->time_minutes = (int)db_column_int64(st, 4);
	db_column_text_copy(st, 5, c->notes, sizeof c->notes);
	c->done = db_column_int64(st, 6) != 0;
}

#define GOAL_SELECT "SELECT g.id, g.hire_id, g.kind, g.title, g.target, g.status, g.note FROM onboarding_goals g"

static void goal_from_row(struct db_stmt *st, void *dst)
{
	struct onboarding_goal *g = dst;
	memset(g, 0, sizeof *g);
	g->id = db_column_int64(st, 0);
	g->hire_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, g->kind, sizeof g->kind);
	db_column_text_copy(st, 3, g->title, sizeof g->title);
	db_column_text_copy(st, 4, g->target, sizeof g->target);
	db_column_text_copy(st, 5, g->status, sizeof g->status);
	db_column_text_copy(st, 6, g->note, sizeof g->note);
}

#define REVIEW_SELECT                                                                                      \
	"SELECT r.id, r.hire_id, r.day_mark, r.due_day, r.notes, coalesce(r.done_at, 0), coalesce(r.done_by, 0)," \
	" " USER_DISPLAY_SQL("u") " FROM onboarding_reviews r LEFT JOIN users u ON u.id = r.done_by"

static void review_from_row(struct db_stmt *st, void *dst)
{
	struct onboarding_review *r = dst;
	memset(r, 0, sizeof *r);
	r->id = db_column_int64(st, 0);
	r->hire_id = db_column_int64(st, 1);
	r->day_mark = (int)db_column_int64(st, 2);
	r->due_day = (int32_t)db_column_int64(st, 3);
	db_column_text_copy(st, 4, r->notes, sizeof r->notes);
	r->done_at = db_column_int64(st, 5);
	r->done_by = db_column_int64(st, 6);
	db_column_text_copy(st, 7, r->done_by_name, sizeof r->done_by_name);
}

enum store_rc store_onboarding_tasks(struct store *s, int64_t hire_id, struct onboarding_task **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, TASK_SELECT " WHERE t.hire_id = :id ORDER BY t.due_day, t.ord, t.id");
	db_bind_int64(&st, ":id", hire_id);
	return collect_rows(&st, sizeof **out, task_from_row, (void **)out, n);
}

enum store_rc store_onboarding_checkins(struct store *s, int64_t hire_id, struct onboarding_checkin **out,
					size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, CHECKIN_SELECT " WHERE c.hire_id = :id ORDER BY c.week");
	db_bind_int64(&st, ":id", hire_id);
	return collect_rows(&st, sizeof **out, checkin_from_row, (void **)out, n);
}

enum store_rc store_onboarding_goals(struct store *s, int64_t hire_id, struct onboarding_goal **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, GOAL_SELECT " WHERE g.hire_id = :id ORDER BY g.id");
	db_bind_int64(&st, ":id", hire_id);
	return collect_rows(&st, sizeof **out, goal_from_row, (void **)out, n);
}

enum store_rc store_onboarding_reviews(struct store *s, int64_t hire_id, struct onboarding_review **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, REVIEW_SELECT " WHERE r.hire_id = :id ORDER BY r.day_mark");
	db_bind_int64(&st, ":id", hire_id);
	return collect_rows(&st, sizeof **out, review_from_row, (void **)out, n);
}

enum store_rc store_onboarding_task_get(struct store *s, int64_t task_id, struct onboarding_task *out)
{
	struct db_stmt st;
	db_prepare(s, &st, TASK_SELECT " WHERE t.id = :id");
	db_bind_int64(&st, ":id", task_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		task_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_onboarding_checkin_get(struct store *s, int64_t checkin_id, struct onboarding_checkin *out)
{
	struct db_stmt st;
	db_prepare(s, &st, CHECKIN_SELECT " WHERE c.id = :id");
	db_bind_int64(&st, ":id", checkin_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		checkin_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_onboarding_goal_get(struct store *s, int64_t goal_id, struct onboarding_goal *out)
{
	struct db_stmt st;
	db_prepare(s, &st, GOAL_SELECT " WHERE g.id = :id");
	db_bind_int64(&st, ":id", goal_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		goal_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_onboarding_review_get(struct store *s, int64_t review_id, struct onboarding_review *out)
{
	struct db_stmt st;
	db_prepare(s, &st, REVIEW_SELECT " WHERE r.id = :id");
	db_bind_int64(&st, ":id", review_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		review_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

void store_onboarding_plan_free(struct onboarding_plan *p)
{
	free(p->tasks);
	free(p->checkins);
	free(p->goals);
	free(p->reviews);
	memset(p, 0, sizeof *p);
}

enum store_rc store_onboarding_plan_load(struct store *s, int64_t hire_id, struct onboarding_plan *out)
{
	enum store_rc rc;
	memset(out, 0, sizeof *out);
	if ((rc = store_onboarding_tasks(s, hire_id, &out->tasks, &out->ntasks)) != STORE_OK ||
	    (rc = store_onboarding_checkins(s, hire_id, &out->checkins, &out->ncheckins)) != STORE_OK ||
	    (rc = store_onboarding_goals(s, hire_id, &out->goals, &out->ngoals)) != STORE_OK ||
	    (rc = store_onboarding_reviews(s, hire_id, &out->reviews, &out->nreviews)) != STORE_OK)
		store_onboarding_plan_free(out);
	return rc;
}

enum store_rc store_onboarding_plan_exists(struct store *s, int64_t hire_id, bool *exists)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT EXISTS (SELECT 1 FROM onboarding_tasks WHERE hire_id = :id)"
		   " OR EXISTS (SELECT 1 FROM onboarding_checkins WHERE hire_id = :id)"
		   " OR EXISTS (SELECT 1 FROM onboarding_goals WHERE hire_id = :id)"
		   " OR EXISTS (SELECT 1 FROM onboarding_reviews WHERE hire_id = :id)");
	db_bind_int64(&st, ":id", hire_id);
	enum store_rc rc = db_step_row(&st);
	*exists = rc == STORE_OK && db_column_int64(&st, 0) != 0;
	db_finalize(&st);
	return rc;
}

/* --- storing the plan ------------------------------------------------------- */

static bool task_valid(const struct onboarding_task *t)
{
	return phase_ok(t->phase) && title_ok(t->title, ONBOARDING_TITLE_MAX) &&
	       text_ok(t->description, ONB_TEXT_MAX) && owner_ok(t->owner_kind) &&
	       t->due_day >= 0 && (!t->status[0] || task_status_ok(t->status));
}

static bool checkin_valid(const struct onboarding_checkin *c)
{
	return c->week >= 1 && c->week <= ONB_CHECKIN_WEEKS && c->day >= 0 && c->time_minutes >= 0 &&
	       c->time_minutes < 24 * 60 && text_ok(c->notes, ONB_TEXT_MAX);
}

static bool goal_valid(const struct onboarding_goal *g)
{
	return goal_kind_ok(g->kind) && title_ok(g->title, ONBOARDING_TITLE_MAX) &&
	       text_ok(g->target, ONBOARDING_TITLE_MAX) && text_ok(g->note, ONB_TEXT_MAX) &&
	       (!g->status[0] || goal_status_ok(g->status));
}

static bool review_valid(const struct onboarding_review *r)
{
	return (r->day_mark == 30 || r->day_mark == 60 || r->day_mark == 90) && r->due_day >= 0 &&
	       text_ok(r->notes, ONB_TEXT_MAX) && r->done_at >= 0;
}

/* Checks every row of p, the user references included. */
static enum store_rc plan_check(struct store *s, const struct onboarding_plan *p)
{
	enum store_rc rc;
	for (size_t i = 0; i < p->ntasks; i++) {
		if (!task_valid(&p->tasks[i]))
			return STORE_INVALID;
		if ((rc = user_ref_check(s, p->tasks[i].owner_user_id)) != STORE_OK ||
		    (rc = user_ref_check(s, p->tasks[i].done_by)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < p->ncheckins; i++)
		if (!checkin_valid(&p->checkins[i]))
			return STORE_INVALID;
	for (size_t i = 0; i < p->ngoals; i++)
		if (!goal_valid(&p->goals[i]))
			return STORE_INVALID;
	for (size_t i = 0; i < p->nreviews; i++) {
		if (!review_valid(&p->reviews[i]))
			return STORE_INVALID;
		if ((rc = user_ref_check(s, p->reviews[i].done_by)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

/* Deletes every part of hire_id's plan. */
static enum store_rc plan_delete(struct store *s, int64_t hire_id)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "DELETE FROM onboarding_tasks WHERE hire_id = :id");
	db_bind_int64(&st, ":id", hire_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "DELETE FROM onboarding_checkins WHERE hire_id = :id");
	db_bind_int64(&st, ":id", hire_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "DELETE FROM onboarding_goals WHERE hire_id = :id");
	db_bind_int64(&st, ":id", hire_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "DELETE FROM onboarding_reviews WHERE hire_id = :id");
	db_bind_int64(&st, ":id", hire_id);
	return db_run(&st);
}

/* Inserts the (checked) rows of p for hire_id. A task that is done or
 * skipped keeps its done_at (now when unset) and done_by. */
static enum store_rc plan_insert(struct store *s, int64_t hire_id, const struct onboarding_plan *p, int64_t now)
{
	struct db_stmt st;
	enum store_rc rc;
	for (size_t i = 0; i < p->ntasks; i++) {
		const struct onboarding_task *t = &p->tasks[i];
		const char *status = t->status[0] ? t->status : "open";
		bool open = strcmp(status, "open") == 0;
		db_prepare(s, &st,
			   "INSERT INTO onboarding_tasks (hire_id, phase, title, description, owner_kind,"
			   " owner_user_id, due_day, status, done_at, done_by, ord) VALUES (:hire, :phase, :title,"
			   " :description, :owner_kind, :owner, :due_day, :status, :done_at, :done_by, :ord)");
		db_bind_int64(&st, ":hire", hire_id);
		db_bind_text(&st, ":phase", t->phase);
		db_bind_text(&st, ":title", t->title);
		db_bind_text(&st, ":description", t->description);
		db_bind_text(&st, ":owner_kind", t->owner_kind);
		bind_user(&st, ":owner", t->owner_user_id);
		db_bind_int64(&st, ":due_day", t->due_day);
		db_bind_text(&st, ":status", status);
		if (open)
			db_bind_null(&st, ":done_at");
		else
			db_bind_int64(&st, ":done_at", t->done_at > 0 ? t->done_at : now);
		bind_user(&st, ":done_by", open ? 0 : t->done_by);
		db_bind_int64(&st, ":ord", t->ord ? t->ord : (int64_t)i + 1);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < p->ncheckins; i++) {
		const struct onboarding_checkin *c = &p->checkins[i];
		db_prepare(s, &st,
			   "INSERT INTO onboarding_checkins (hire_id, week, day, time_minutes, notes, done)"
			   " VALUES (:hire, :week, :day, :time, :notes, :done)");
		db_bind_int64(&st, ":hire", hire_id);
		db_bind_int64(&st, ":week", c->week);
		db_bind_int64(&st, ":day", c->day);
		db_bind_int64(&st, ":time", c->time_minutes);
		db_bind_text(&st, ":notes", c->notes);
		db_bind_int64(&st, ":done", c->done ? 1 : 0);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct onboarding_goal *g = &p->goals[i];
		db_prepare(s, &st,
			   "INSERT INTO onboarding_goals (hire_id, kind, title, target, status, note)"
			   " VALUES (:hire, :kind, :title, :target, :status, :note)");
		db_bind_int64(&st, ":hire", hire_id);
		db_bind_text(&st, ":kind", g->kind);
		db_bind_text(&st, ":title", g->title);
		db_bind_text(&st, ":target", g->target);
		db_bind_text(&st, ":status", g->status[0] ? g->status : "open");
		db_bind_text(&st, ":note", g->note);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < p->nreviews; i++) {
		const struct onboarding_review *r = &p->reviews[i];
		db_prepare(s, &st,
			   "INSERT INTO onboarding_reviews (hire_id, day_mark, due_day, notes, done_at, done_by)"
			   " VALUES (:hire, :mark, :due_day, :notes, :done_at, :done_by)");
		db_bind_int64(&st, ":hire", hire_id);
		db_bind_int64(&st, ":mark", r->day_mark);
		db_bind_int64(&st, ":due_day", r->due_day);
		db_bind_text(&st, ":notes", r->notes);
		if (r->done_at > 0)
			db_bind_int64(&st, ":done_at", r->done_at);
		else
			db_bind_null(&st, ":done_at");
		bind_user(&st, ":done_by", r->done_at > 0 ? r->done_by : 0);
		if ((rc = db_run(&st)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

enum store_rc store_onboarding_plan_store(struct store *s, const struct actor *who, int64_t hire_id,
					  const struct onboarding_plan *p, bool replace, int64_t now)
{
	struct db_write w;
	bool exists = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = hire_exists(s, hire_id)) != STORE_OK)
		goto cleanup;
	if ((rc = store_onboarding_plan_exists(s, hire_id, &exists)) != STORE_OK)
		goto cleanup;
	if (exists && !replace) {
		rc = STORE_CONFLICT;
		goto cleanup;
	}
	if ((rc = plan_check(s, p)) != STORE_OK)
		goto cleanup;
	if (exists && (rc = plan_delete(s, hire_id)) != STORE_OK)
		goto cleanup;
	/* a repeated week or day mark is a bad plan, not a conflict with stored data */
	if ((rc = plan_insert(s, hire_id, p, now)) == STORE_CONFLICT)
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	rc = audit_packed(s, who, "hire", hire_id, exists ? "replace_plan" : "create_plan",
			  json_pack("{s:I, s:I, s:I, s:I}", "tasks", (json_int_t)p->ntasks, "checkins",
				    (json_int_t)p->ncheckins, "goals", (json_int_t)p->ngoals, "reviews",
				    (json_int_t)p->nreviews),
			  now);
cleanup:
	return db_write_end(s, &w, rc);
}

/* --- changing the plan ------------------------------------------------------ */

enum store_rc store_onboarding_task_set_status(struct store *s, const struct actor *who, int64_t task_id,
					       const char *status, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct onboarding_task t;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_onboarding_task_get(s, task_id, &t)) != STORE_OK)
		goto cleanup;
	if (!task_status_ok(status)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if (strcmp(t.status, status) == 0)
		goto cleanup;              /* unchanged: keep who ticked it when */
	bool open = strcmp(status, "open") == 0;
	db_prepare(s, &st, "UPDATE onboarding_tasks SET status = :status, done_at = :at, done_by = :by WHERE id = :id");
	db_bind_text(&st, ":status", status);
	if (open)
		db_bind_null(&st, ":at");
	else
		db_bind_int64(&st, ":at", now);
	bind_user(&st, ":by", open ? 0 : who->user_id);
	db_bind_int64(&st, ":id", task_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "status", t.status, status);
	rc = store_audit_json(s, who, "onboarding_task", task_id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_onboarding_checkin_update(struct store *s, const struct actor *who, int64_t checkin_id,
					      const char *notes, bool done, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct onboarding_checkin c;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_onboarding_checkin_get(s, checkin_id, &c)) != STORE_OK)
		goto cleanup;
	if (!notes || !text_ok(notes, ONB_TEXT_MAX)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE onboarding_checkins SET notes = :notes, done = :done WHERE id = :id");
	db_bind_text(&st, ":notes", notes);
	db_bind_int64(&st, ":done", done ? 1 : 0);
	db_bind_int64(&st, ":id", checkin_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_bool(changes, "done", c.done, done);
	audit_change_bool(changes, "notes_changed", false, strcmp(c.notes, notes) != 0);
	rc = store_audit_json(s, who, "onboarding_checkin", checkin_id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_onboarding_checkin_reschedule(struct store *s, const struct actor *who, int64_t checkin_id,
						  int32_t day, int time_minutes, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct onboarding_checkin c;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_onboarding_checkin_get(s, checkin_id, &c)) != STORE_OK)
		goto cleanup;
	if (day < 0 || time_minutes < 0 || time_minutes >= 24 * 60) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE onboarding_checkins SET day = :day, time_minutes = :time WHERE id = :id");
	db_bind_int64(&st, ":day", day);
	db_bind_int64(&st, ":time", time_minutes);
	db_bind_int64(&st, ":id", checkin_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_int(changes, "day", c.day, day);
	audit_change_int(changes, "time_minutes", c.time_minutes, time_minutes);
	rc = store_audit_json(s, who, "onboarding_checkin", checkin_id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_onboarding_goal_update(struct store *s, const struct actor *who, int64_t goal_id,
					   const char *status, const char *note, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct onboarding_goal g;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_onboarding_goal_get(s, goal_id, &g)) != STORE_OK)
		goto cleanup;
	if (!goal_status_ok(status) || !note || !text_ok(note, ONB_TEXT_MAX)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE onboarding_goals SET status = :status, note = :note WHERE id = :id");
	db_bind_text(&st, ":status", status);
	db_bind_text(&st, ":note", note);
	db_bind_int64(&st, ":id", goal_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "status", g.status, status);
	audit_change_text(changes, "note", g.note, note);
	rc = store_audit_json(s, who, "onboarding_goal", goal_id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_onboarding_goal_add(struct store *s, const struct actor *who, int64_t hire_id,
					struct onboarding_goal *g, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = hire_exists(s, hire_id)) != STORE_OK)
		goto cleanup;
	if (!goal_valid(g)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "INSERT INTO onboarding_goals (hire_id, kind, title, target, status, note)"
		   " VALUES (:hire, :kind, :title, :target, :status, :note)");
	db_bind_int64(&st, ":hire", hire_id);
	db_bind_text(&st, ":kind", g->kind);
	db_bind_text(&st, ":title", g->title);
	db_bind_text(&st, ":target", g->target);
	db_bind_text(&st, ":status", g->status[0] ? g->status : "open");
	db_bind_text(&st, ":note", g->note);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	g->id = db_last_insert_id(s);
	g->hire_id = hire_id;
	if (!g->status[0])
		strcpy(g->status, "open");
	rc = audit_packed(s, who, "onboarding_goal", g->id, "create",
			  json_pack("{s:I, s:s, s:s}", "hire_id", (json_int_t)hire_id, "kind", g->kind, "title",
				    g->title),
			  now);
cleanup:
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		g->id = 0;
	return rc;
}

enum store_rc store_onboarding_review_record(struct store *s, const struct actor *who, int64_t review_id,
					     const char *notes, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct onboarding_review r;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_onboarding_review_get(s, review_id, &r)) != STORE_OK)
		goto cleanup;
	if (!notes || !text_ok(notes, ONB_TEXT_MAX)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE onboarding_reviews SET notes = :notes, done_at = :now, done_by = :by WHERE id = :id");
	db_bind_text(&st, ":notes", notes);
	db_bind_int64(&st, ":now", now);
	bind_user(&st, ":by", who->user_id);
	db_bind_int64(&st, ":id", review_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_int(changes, "day_mark", 0, r.day_mark);
	audit_change_bool(changes, "done", r.done_at != 0, true);
	audit_change_text(changes, "notes", r.notes, notes);
	rc = store_audit_json(s, who, "onboarding_review", review_id, "record", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* --- key accounts ----------------------------------------------------------- */

#define KEY_ACCOUNT_SELECT                                                                                 \
	"SELECT k.id, k.hire_id, k.name, k.annual_revenue, k.priority, coalesce(k.previous_owner_user_id, 0),"  \
	" k.previous_owner_name, CASE WHEN u.id IS NULL THEN k.previous_owner_name"                            \
	" WHEN u.display_name <> '' THEN u.display_name ELSE u.name END, k.notes, coalesce(k.handover_day, 0),"  \
	" k.handover_status FROM key_accounts k LEFT JOIN users u ON u.id = k.previous_owner_user_id"

static void key_account_from_row(struct db_stmt *st, void *dst)
{
	struct key_account *k = dst;
	memset(k, 0, sizeof *k);
	k->id = db_column_int64(st, 0);
	k->hire_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, k->name, sizeof k->name);
	k->annual_revenue = db_column_int64(st, 3);
	k->priority = (int)db_column_int64(st, 4);
	k->previous_owner_user_id = db_column_int64(st, 5);
	db_column_text_copy(st, 6, k->previous_owner_name, sizeof k->previous_owner_name);
	db_column_text_copy(st, 7, k->previous_owner_display, sizeof k->previous_owner_display);
	db_column_text_copy(st, 8, k->notes, sizeof k->notes);
	k->handover_day = (int32_t)db_column_int64(st, 9);
	db_column_text_copy(st, 10, k->handover_status, sizeof k->handover_status);
}

enum store_rc store_key_account_get(struct store *s, int64_t id, struct key_account *out)
{
	struct db_stmt st;
	db_prepare(s, &st, KEY_ACCOUNT_SELECT " WHERE k.id = :id");
	db_bind_int64(&st, ":id", id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		key_account_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_key_accounts(struct store *s, int64_t hire_id, struct key_account **out, size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   KEY_ACCOUNT_SELECT
		   " WHERE k.hire_id = :id ORDER BY k.priority, k.annual_revenue DESC, k.name, k.id");
	db_bind_int64(&st, ":id", hire_id);
	return collect_rows(&st, sizeof **out, key_account_from_row, (void **)out, n);
}

/* Checks account k, its previous owner user included. */
static enum store_rc key_account_check(struct store *s, const struct key_account *k)
{
	if (!title_ok(k->name, KEY_ACCOUNT_NAME_MAX) || k->annual_revenue < 0 ||
	    k->annual_revenue >= KEY_ACCOUNT_REVENUE_LIMIT || k->priority < 1 ||
	    k->priority > KEY_ACCOUNT_PRIORITY_MAX || !text_ok(k->previous_owner_name, USER_DISPLAY_MAX - 1) ||
	    !text_ok(k->notes, KEY_ACCOUNT_NOTES_MAX) || k->handover_day < 0 ||
	    (k->handover_status[0] && !code_in(k->handover_status, handover_statuses, ARRAY_LEN(handover_statuses))))
		return STORE_INVALID;
	return user_ref_check(s, k->previous_owner_user_id);
}

/* Binds the columns of k shared by insert and update. */
static void key_account_bind(struct db_stmt *st, const struct key_account *k)
{
	db_bind_text(st, ":name", k->name);
	db_bind_int64(st, ":revenue", k->annual_revenue);
	db_bind_int64(st, ":priority", k->priority);
	bind_user(st, ":owner", k->previous_owner_user_id);
	db_bind_text(st, ":owner_name", k->previous_owner_name);
	db_bind_text(st, ":notes", k->notes);
	bind_day(st, ":day", k->handover_day);
	db_bind_text(st, ":status", k->handover_status[0] ? k->handover_status : "planned");
}

/* Inserts the (checked) account k for hire_id; sets *id. */
static enum store_rc key_account_insert(struct store *s, int64_t hire_id, const struct key_account *k, int64_t *id)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "INSERT INTO key_accounts (hire_id, name, annual_revenue, priority, previous_owner_user_id,"
		   " previous_owner_name, notes, handover_day, handover_status) VALUES (:hire, :name, :revenue,"
		   " :priority, :owner, :owner_name, :notes, :day, :status)");
	db_bind_int64(&st, ":hire", hire_id);
	key_account_bind(&st, k);
	enum store_rc rc = db_run(&st);
	*id = rc == STORE_OK ? db_last_insert_id(s) : 0;
	return rc;
}

enum store_rc store_key_account_add(struct store *s, const struct actor *who, int64_t hire_id,
				    struct key_account *ka, int64_t now)
{
	struct db_write w;
	int64_t id = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = hire_exists(s, hire_id)) != STORE_OK)
		goto cleanup;
	if ((rc = key_account_check(s, ka)) != STORE_OK)
		goto cleanup;
	if ((rc = key_account_insert(s, hire_id, ka, &id)) != STORE_OK)
		goto cleanup;
	rc = audit_packed(s, who, "key_account", id, "create",
			  json_pack("{s:I, s:s, s:I, s:i}", "hire_id", (json_int_t)hire_id, "name", ka->name,
				    "annual_revenue", (json_int_t)ka->annual_revenue, "priority", ka->priority),
			  now);
cleanup:
	rc = db_write_end(s, &w, rc);
	ka->id = rc == STORE_OK ? id : 0;
	if (rc == STORE_OK) {
		ka->hire_id = hire_id;
		if (!ka->handover_status[0])
			strcpy(ka->handover_status, "planned");
	}
	return rc;
}

enum store_rc store_key_account_update(struct store *s, const struct actor *who, const struct key_account *ka,
				       int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct key_account old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_key_account_get(s, ka->id, &old)) != STORE_OK)
		goto cleanup;
	if ((rc = key_account_check(s, ka)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE key_accounts SET name = :name, annual_revenue = :revenue, priority = :priority,"
		   " previous_owner_user_id = :owner, previous_owner_name = :owner_name, notes = :notes,"
		   " handover_day = :day, handover_status = :status WHERE id = :id");
	key_account_bind(&st, ka);
	db_bind_int64(&st, ":id", ka->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "name", old.name, ka->name);
	audit_change_int(changes, "annual_revenue", old.annual_revenue, ka->annual_revenue);
	audit_change_int(changes, "priority", old.priority, ka->priority);
	audit_change_int(changes, "previous_owner_user_id", old.previous_owner_user_id, ka->previous_owner_user_id);
	audit_change_text(changes, "previous_owner_name", old.previous_owner_name, ka->previous_owner_name);
	audit_change_int(changes, "handover_day", old.handover_day, ka->handover_day);
	audit_change_text(changes, "handover_status", old.handover_status,
			  ka->handover_status[0] ? ka->handover_status : "planned");
	rc = store_audit_json(s, who, "key_account", ka->id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_key_account_delete(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct key_account old;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_key_account_get(s, id, &old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM key_accounts WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	rc = audit_packed(s, who, "key_account", id, "delete",
			  json_pack("{s:I, s:s}", "hire_id", (json_int_t)old.hire_id, "name", old.name), now);
cleanup:
	return db_write_end(s, &w, rc);
}

enum store_rc store_key_accounts_import(struct store *s, const struct actor *who, int64_t hire_id,
					const struct key_account *rows, size_t n, int64_t now, size_t *bad_row)
{
	struct db_write w;
	int64_t id;
	size_t bad = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = hire_exists(s, hire_id)) != STORE_OK)
		goto cleanup;
	if (n > KEY_ACCOUNT_IMPORT_MAX) {
		bad = n;
		rc = STORE_INVALID;
		goto cleanup;
	}
	for (size_t i = 0; i < n; i++) {
		if ((rc = key_account_check(s, &rows[i])) != STORE_OK ||
		    (rc = key_account_insert(s, hire_id, &rows[i], &id)) != STORE_OK) {
			bad = i;
			goto cleanup;
		}
	}
	rc = audit_packed(s, who, "hire", hire_id, "import_key_accounts", json_pack("{s:I}", "rows", (json_int_t)n),
			  now);
cleanup:
	rc = db_write_end(s, &w, rc);
	if (bad_row)
		*bad_row = rc == STORE_INVALID ? bad : 0;
	return rc;
}

enum store_rc store_key_account_set_handover(struct store *s, const struct actor *who, int64_t id, int32_t day,
					     const char *status, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct key_account old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_key_account_get(s, id, &old)) != STORE_OK)
		goto cleanup;
	const char *to = status && status[0] ? status : old.handover_status;
	if (day < 0 || !code_in(to, handover_statuses, ARRAY_LEN(handover_statuses))) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE key_accounts SET handover_day = :day, handover_status = :status WHERE id = :id");
	bind_day(&st, ":day", day);
	db_bind_text(&st, ":status", to);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_int(changes, "handover_day", old.handover_day, day);
	audit_change_text(changes, "handover_status", old.handover_status, to);
	rc = store_audit_json(s, who, "key_account", id, "handover", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_key_accounts_schedule(struct store *s, const struct actor *who, int64_t hire_id,
					  const int64_t *ids, const int32_t *days, size_t n, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = hire_exists(s, hire_id)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	for (size_t i = 0; i < n; i++) {
		if (days[i] < 0) {
			rc = STORE_INVALID;
			goto cleanup;
		}
		db_prepare(s, &st, "UPDATE key_accounts SET handover_day = :day WHERE id = :id AND hire_id = :hire");
		bind_day(&st, ":day", days[i]);
		db_bind_int64(&st, ":id", ids[i]);
		db_bind_int64(&st, ":hire", hire_id);
		if ((rc = db_run(&st)) != STORE_OK)
			goto cleanup;
		if (db_changes(s) != 1) {
			rc = STORE_INVALID;
			goto cleanup;
		}
		char key[32];
		snprintf(key, sizeof key, "%lld", (long long)ids[i]);
		if (changes)
			json_object_set_new(changes, key, json_integer(days[i]));
	}
	rc = audit_packed(s, who, "hire", hire_id, "schedule_handovers", changes, now);
	changes = NULL;                 /* audit_packed took it */
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}
