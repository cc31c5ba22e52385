/*
 * offers.c — budget bands, offers and their versions, accepting an offer;
 * see offers.h.
 *
 * Versions are written once and never updated except for their approval
 * (migration 8 enforces it with triggers); the number of a new version is
 * one more than the highest of its offer, read inside the same unit of work.
 * Lists join the latest version in the same statement.
 */
#include "store/offers.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/applications.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

/* Whether status is one of the offer status codes; *closed tells whether
 * an offer in it can no longer change. */
static bool status_code(const char *status, bool *closed)
{
	enum offer_status st;
	if (!status || !offer_status_parse(status, &st))
		return false;
	if (closed)
		*closed = offer_status_closed(st);
	return true;
}

/* Whether an offer with the stored status code can no longer change. */
static bool code_closed(const char *status)
{
	bool closed = false;
	return status_code(status, &closed) && closed;
}

/* Binds a user id, or NULL for the command line (id <= 0). */
static void bind_user(struct db_stmt *st, const char *name, int64_t user_id)
{
	if (user_id > 0)
		db_bind_int64(st, name, user_id);
	else
		db_bind_null(st, name);
}

static bool text_ok(const char *text, size_t max)
{
	size_t len = strlen(text);
	return len <= max && utf8_valid(text, len);
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

/* --- budget bands ----------------------------------------------------------- */

enum store_rc store_budget_band_get(struct store *s, int64_t position_id, struct budget_band *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT b.position_id, b.min_salary, b.max_salary, b.currency, coalesce(b.set_by, 0),"
		   " coalesce(CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END, ''), b.set_at"
		   " FROM budget_bands b LEFT JOIN users u ON u.id = b.set_by WHERE b.position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK) {
		memset(out, 0, sizeof *out);
		out->position_id = db_column_int64(&st, 0);
		out->min_salary = db_column_int64(&st, 1);
		out->max_salary = db_column_int64(&st, 2);
		db_column_text_copy(&st, 3, out->currency, sizeof out->currency);
		out->set_by = db_column_int64(&st, 4);
		db_column_text_copy(&st, 5, out->set_by_name, sizeof out->set_by_name);
		out->set_at = db_column_int64(&st, 6);
	}
	db_finalize(&st);
	return rc;
}

enum store_rc store_budget_band_set(struct store *s, const struct actor *who, struct budget_band *b, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct budget_band old;
	json_t *changes = NULL;
	bool had_old = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (b->min_salary < 0 || b->max_salary < b->min_salary || b->max_salary > OFFER_SALARY_MAX ||
	    (b->currency[0] && strcmp(b->currency, "EUR") != 0)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", b->position_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	rc = store_budget_band_get(s, b->position_id, &old);
	if (rc == STORE_OK)
		had_old = true;
	else if (rc != STORE_NOT_FOUND)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO budget_bands (position_id, min_salary, max_salary, currency, set_by, set_at)"
		   " VALUES (:id, :min, :max, 'EUR', :by, :now) ON CONFLICT (position_id) DO UPDATE SET"
		   " min_salary = excluded.min_salary, max_salary = excluded.max_salary, set_by = excluded.set_by,"
		   " set_at = excluded.set_at");
	db_bind_int64(&st, ":id", b->position_id);
	db_bind_int64(&st, ":min", b->min_salary);
	db_bind_int64(&st, ":max", b->max_salary);
	bind_user(&st, ":by", who->user_id);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	strcpy(b->currency, "EUR");
	b->set_by = who->user_id > 0 ? who->user_id : 0;
	b->set_at = now;
	if (had_old) {
		changes = json_object();
		audit_change_int(changes, "min_salary", old.min_salary, b->min_salary);
		audit_change_int(changes, "max_salary", old.max_salary, b->max_salary);
	} else {
		changes = json_pack("{s:I, s:I}", "min_salary", (json_int_t)b->min_salary, "max_salary",
				    (json_int_t)b->max_salary);
	}
	rc = store_audit_json(s, who, "budget_band", b->position_id, had_old ? "update" : "create", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_budget_band_delete(struct store *s, const struct actor *who, int64_t position_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct budget_band old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_budget_band_get(s, position_id, &old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM budget_bands WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:I}", "min_salary", (json_int_t)old.min_salary, "max_salary",
			    (json_int_t)old.max_salary);
	rc = store_audit_json(s, who, "budget_band", position_id, "delete", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* --- reading offers and versions -------------------------------------------- */

#define OFFER_COLUMNS                                                                                      \
	"o.id, o.application_id, o.status, coalesce(o.created_by, 0), o.created_at, coalesce(o.closed_at, 0),"  \
	" a.candidate_id, a.position_id, c.first_name, c.last_name, p.title, c.salary_expectation,"            \
	" c.notice_period_weeks"
#define OFFER_NCOLUMNS 13
#define OFFER_FROM                                                                                         \
	" FROM offers o JOIN applications a ON a.id = o.application_id JOIN candidates c ON c.id = a.candidate_id" \
	" JOIN positions p ON p.id = a.position_id"

#define VERSION_COLUMNS                                                                                    \
	"v.id, v.offer_id, v.version, v.fixed_salary, v.variable_salary, v.benefits, coalesce(v.start_day, 0),"  \
	" v.contract_type, v.notice_rule, v.notice_weeks, v.note, coalesce(v.approved_by, 0),"                  \
	" coalesce(CASE WHEN ua.display_name <> '' THEN ua.display_name ELSE ua.name END, ''),"                \
	" coalesce(v.approved_at, 0), coalesce(v.created_by, 0),"                                              \
	" coalesce(CASE WHEN uc.display_name <> '' THEN uc.display_name ELSE uc.name END, ''), v.created_at"
#define VERSION_JOINS " LEFT JOIN users ua ON ua.id = v.approved_by LEFT JOIN users uc ON uc.id = v.created_by"

/* Reads OFFER_COLUMNS starting at column c into o. */
static void offer_from_row(struct db_stmt *st, int c, struct offer *o)
{
	memset(o, 0, sizeof *o);
	o->id = db_column_int64(st, c + 0);
	o->application_id = db_column_int64(st, c + 1);
	db_column_text_copy(st, c + 2, o->status, sizeof o->status);
	o->created_by = db_column_int64(st, c + 3);
	o->created_at = db_column_int64(st, c + 4);
	o->closed_at = db_column_int64(st, c + 5);
	o->candidate_id = db_column_int64(st, c + 6);
	o->position_id = db_column_int64(st, c + 7);
	db_column_text_copy(st, c + 8, o->first_name, sizeof o->first_name);
	db_column_text_copy(st, c + 9, o->last_name, sizeof o->last_name);
	db_column_text_copy(st, c + 10, o->position_title, sizeof o->position_title);
	o->salary_expectation = db_column_int64(st, c + 11);
	o->notice_period_weeks = (int)db_column_int64(st, c + 12);
}

/* Reads VERSION_COLUMNS starting at column c into v. */
static void version_from_row(struct db_stmt *st, int c, struct offer_version *v)
{
	memset(v, 0, sizeof *v);
	v->id = db_column_int64(st, c + 0);
	v->offer_id = db_column_int64(st, c + 1);
	v->version = (int)db_column_int64(st, c + 2);
	v->fixed_salary = db_column_int64(st, c + 3);
	v->variable_salary = db_column_int64(st, c + 4);
	db_column_text_copy(st, c + 5, v->benefits, sizeof v->benefits);
	v->start_day = (int32_t)db_column_int64(st, c + 6);
	db_column_text_copy(st, c + 7, v->contract_type, sizeof v->contract_type);
	db_column_text_copy(st, c + 8, v->notice_rule, sizeof v->notice_rule);
	v->notice_weeks = (int)db_column_int64(st, c + 9);
	db_column_text_copy(st, c + 10, v->note, sizeof v->note);
	v->approved_by = db_column_int64(st, c + 11);
	db_column_text_copy(st, c + 12, v->approved_by_name, sizeof v->approved_by_name);
	v->approved_at = db_column_int64(st, c + 13);
	v->created_by = db_column_int64(st, c + 14);
	db_column_text_copy(st, c + 15, v->created_by_name, sizeof v->created_by_name);
	v->created_at = db_column_int64(st, c + 16);
}

enum store_rc store_offer_get(struct store *s, int64_t id, struct offer *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " OFFER_COLUMNS OFFER_FROM " WHERE o.id = :id");
	db_bind_int64(&st, ":id", id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		offer_from_row(&st, 0, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_offer_versions(struct store *s, int64_t offer_id, struct offer_version **out, size_t *n)
{
	struct db_stmt st;
	struct offer_version *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT " VERSION_COLUMNS " FROM offer_versions v" VERSION_JOINS
		   " WHERE v.offer_id = :id ORDER BY v.version");
	db_bind_int64(&st, ":id", offer_id);
	while ((step = db_step(&st)) == DB_ROW) {
		version_from_row(&st, 0, xgrow(&list, &count, &cap, sizeof *list));
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

enum store_rc store_offer_latest_version(struct store *s, int64_t offer_id, struct offer_version *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT " VERSION_COLUMNS " FROM offer_versions v" VERSION_JOINS
		   " WHERE v.offer_id = :id ORDER BY v.version DESC LIMIT 1");
	db_bind_int64(&st, ":id", offer_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		version_from_row(&st, 0, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_offer_version_get(struct store *s, int64_t version_id, struct offer_version *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " VERSION_COLUMNS " FROM offer_versions v" VERSION_JOINS " WHERE v.id = :id");
	db_bind_int64(&st, ":id", version_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		version_from_row(&st, 0, out);
	db_finalize(&st);
	return rc;
}

/* Collects offer summaries (OFFER_COLUMNS, VERSION_COLUMNS, count) from st
 * into a malloc'd list and finalizes st. */
static enum store_rc summary_collect(struct db_stmt *st, struct offer_summary **out, size_t *n)
{
	struct offer_summary *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	while ((step = db_step(st)) == DB_ROW) {
		struct offer_summary *e = xgrow(&list, &count, &cap, sizeof *list);
		offer_from_row(st, 0, &e->o);
		version_from_row(st, OFFER_NCOLUMNS, &e->latest);
		/* versions are numbered 1..n without gaps (never deleted) */
		e->nversions = (int)db_column_int64(st, OFFER_NCOLUMNS + 17);
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

#define SUMMARY_SELECT                                                                                     \
	"SELECT " OFFER_COLUMNS ", " VERSION_COLUMNS ", v.version" OFFER_FROM                                 \
	" JOIN offer_versions v ON v.offer_id = o.id"                                                          \
	" AND v.version = (SELECT max(x.version) FROM offer_versions x WHERE x.offer_id = o.id)" VERSION_JOINS

enum store_rc store_offer_list_by_application(struct store *s, int64_t application_id, struct offer_summary **out,
					      size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st, SUMMARY_SELECT " WHERE o.application_id = :id ORDER BY o.created_at DESC, o.id DESC");
	db_bind_int64(&st, ":id", application_id);
	return summary_collect(&st, out, n);
}

enum store_rc store_offer_list_by_position(struct store *s, int64_t position_id, struct offer_summary **out,
					   size_t *n)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   SUMMARY_SELECT " WHERE (:id = 0 OR a.position_id = :id) ORDER BY o.created_at DESC, o.id DESC");
	db_bind_int64(&st, ":id", position_id > 0 ? position_id : 0);
	return summary_collect(&st, out, n);
}

/* --- writing offers --------------------------------------------------------- */

/* Whether the store can keep version v. */
static bool version_valid(const struct offer_version *v)
{
	enum contract_type ct;
	enum notice_rule nr;
	return v->fixed_salary >= 0 && v->fixed_salary <= OFFER_SALARY_MAX && v->variable_salary >= 0 &&
	       v->variable_salary <= OFFER_SALARY_MAX && v->start_day >= 0 &&
	       contract_type_parse(v->contract_type, &ct) && notice_rule_parse(v->notice_rule, &nr) &&
	       v->notice_weeks >= 0 && v->notice_weeks <= NOTICE_WEEKS_MAX &&
	       text_ok(v->benefits, OFFER_BENEFITS_MAX) && text_ok(v->note, OFFER_NOTE_MAX);
}

/* Inserts v as the next version of offer_id and fills its read-only fields;
 * writes the audit row of the offer (action). */
static enum store_rc version_insert(struct store *s, const struct actor *who, int64_t offer_id,
				    struct offer_version *v, const char *action, int64_t now)
{
	struct db_stmt st;
	json_t *changes = NULL;
	int version = 1;
	enum store_rc rc;

	db_prepare(s, &st, "SELECT coalesce(max(version), 0) + 1 FROM offer_versions WHERE offer_id = :id");
	db_bind_int64(&st, ":id", offer_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		version = (int)db_column_int64(&st, 0);
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "INSERT INTO offer_versions (offer_id, version, fixed_salary, variable_salary, benefits, start_day,"
		   " contract_type, notice_rule, notice_weeks, note, created_by, created_at) VALUES (:offer_id,"
		   " :version, :fixed, :variable, :benefits, :start_day, :contract_type, :notice_rule, :notice_weeks,"
		   " :note, :by, :now)");
	db_bind_int64(&st, ":offer_id", offer_id);
	db_bind_int64(&st, ":version", version);
	db_bind_int64(&st, ":fixed", v->fixed_salary);
	db_bind_int64(&st, ":variable", v->variable_salary);
	db_bind_text(&st, ":benefits", v->benefits);
	if (v->start_day > 0)
		db_bind_int64(&st, ":start_day", v->start_day);
	else
		db_bind_null(&st, ":start_day");
	db_bind_text(&st, ":contract_type", v->contract_type);
	db_bind_text(&st, ":notice_rule", v->notice_rule);
	db_bind_int64(&st, ":notice_weeks", v->notice_weeks);
	db_bind_text(&st, ":note", v->note);
	bind_user(&st, ":by", who->user_id);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	v->id = db_last_insert_id(s);
	v->offer_id = offer_id;
	v->version = version;
	v->approved_by = 0;
	v->approved_by_name[0] = '\0';
	v->approved_at = 0;
	v->created_by = who->user_id > 0 ? who->user_id : 0;
	v->created_at = now;
	changes = json_pack("{s:i, s:I, s:I, s:I, s:s, s:s, s:i}", "version", version, "fixed_salary",
			    (json_int_t)v->fixed_salary, "variable_salary", (json_int_t)v->variable_salary,
			    "start_day", (json_int_t)v->start_day, "contract_type", v->contract_type, "notice_rule",
			    v->notice_rule, "notice_weeks", v->notice_weeks);
	if (!changes) {
		log_error("audit: cannot describe offer version %d", version);
		return STORE_ERROR;
	}
	rc = store_audit_json(s, who, "offer", offer_id, action, changes, now);
	json_decref(changes);
	return rc;
}

enum store_rc store_offer_create(struct store *s, const struct actor *who, int64_t application_id,
				 struct offer_version *first, int64_t now, int64_t *offer_id)
{
	struct db_write w;
	struct db_stmt st;
	int64_t id = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!version_valid(first)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT 1 FROM applications WHERE id = :id");
	db_bind_int64(&st, ":id", application_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO offers (application_id, status, created_by, created_at)"
		   " VALUES (:application_id, 'draft', :by, :now)");
	db_bind_int64(&st, ":application_id", application_id);
	bind_user(&st, ":by", who->user_id);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)   /* STORE_CONFLICT: an open offer exists (offers_open) */
		goto cleanup;
	id = db_last_insert_id(s);
	rc = version_insert(s, who, id, first, "create", now);
cleanup:
	rc = db_write_end(s, &w, rc);
	if (offer_id)
		*offer_id = rc == STORE_OK ? id : 0;
	if (rc != STORE_OK)
		first->id = 0;
	return rc;
}

enum store_rc store_offer_add_version(struct store *s, const struct actor *who, int64_t offer_id,
				      struct offer_version *v, int64_t now)
{
	struct db_write w;
	struct offer o;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_offer_get(s, offer_id, &o)) != STORE_OK)
		goto cleanup;
	if (code_closed(o.status) || !version_valid(v)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	rc = version_insert(s, who, offer_id, v, "add_version", now);
cleanup:
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		v->id = 0;
	return rc;
}

enum store_rc store_offer_version_approve(struct store *s, const struct actor *who, int64_t version_id,
					  int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct offer_version v;
	struct offer o;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_offer_version_get(s, version_id, &v)) != STORE_OK)
		goto cleanup;
	if ((rc = store_offer_get(s, v.offer_id, &o)) != STORE_OK)
		goto cleanup;
	if (code_closed(o.status)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if (v.approved_at != 0) {
		rc = STORE_CONFLICT;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE offer_versions SET approved_by = :by, approved_at = :now WHERE id = :id");
	bind_user(&st, ":by", who->user_id);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", version_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:i, s:I}", "version", v.version, "fixed_salary", (json_int_t)v.fixed_salary);
	rc = store_audit_json(s, who, "offer", v.offer_id, "approve", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_offer_set_status(struct store *s, const struct actor *who, int64_t offer_id,
				     const char *status, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct offer o;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_offer_get(s, offer_id, &o)) != STORE_OK)
		goto cleanup;
	bool closing = false;
	if (!status_code(status, &closing) || strcmp(status, "accepted") == 0 || strcmp(status, o.status) == 0 ||
	    code_closed(o.status)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE offers SET status = :status, closed_at = :closed_at WHERE id = :id");
	db_bind_text(&st, ":status", status);
	if (closing)
		db_bind_int64(&st, ":closed_at", now);
	else
		db_bind_null(&st, ":closed_at");
	db_bind_int64(&st, ":id", offer_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "status", o.status, status);
	rc = store_audit_json(s, who, "offer", offer_id, closing ? status : "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_offer_accept(struct store *s, const struct actor *who, int64_t offer_id, const char *hired_stage,
				 int64_t manager_user_id, int64_t now, int64_t *hire_id)
{
	struct db_write w;
	struct db_stmt st;
	struct offer o;
	struct offer_version v;
	struct application a;
	json_t *changes = NULL;
	int64_t id = 0;
	const char *stage = hired_stage && hired_stage[0] ? hired_stage : STAGE_CODE_HIRED;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_offer_get(s, offer_id, &o)) != STORE_OK)
		goto cleanup;
	if (code_closed(o.status)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if ((rc = user_ref_check(s, manager_user_id)) != STORE_OK)
		goto cleanup;
	if ((rc = store_offer_latest_version(s, offer_id, &v)) != STORE_OK) {
		if (rc == STORE_NOT_FOUND) {
			log_error("offer %lld has no version", (long long)offer_id);
			rc = STORE_ERROR;
		}
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE offers SET status = 'accepted', closed_at = :now WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", offer_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "status", o.status, "accepted");
	audit_change_int(changes, "version", 0, v.version);
	if ((rc = store_audit_json(s, who, "offer", offer_id, "accept", changes, now)) != STORE_OK)
		goto cleanup;
	json_decref(changes);
	changes = NULL;

	if ((rc = store_application_get(s, o.application_id, &a)) != STORE_OK)
		goto cleanup;
	if (strcmp(a.stage, stage) != 0 &&
	    (rc = store_application_move(s, who, o.application_id, stage, NULL, now)) != STORE_OK)
		goto cleanup;

	db_prepare(s, &st,
		   "INSERT INTO hires (application_id, candidate_id, position_id, start_day, manager_user_id,"
		   " created_at, created_by) VALUES (:application_id, :candidate_id, :position_id, :start_day,"
		   " :manager, :now, :by)");
	db_bind_int64(&st, ":application_id", a.id);
	db_bind_int64(&st, ":candidate_id", a.candidate_id);
	db_bind_int64(&st, ":position_id", a.position_id);
	if (v.start_day > 0)
		db_bind_int64(&st, ":start_day", v.start_day);
	else
		db_bind_null(&st, ":start_day");
	bind_user(&st, ":manager", manager_user_id);
	db_bind_int64(&st, ":now", now);
	bind_user(&st, ":by", who->user_id);
	if ((rc = db_run(&st)) != STORE_OK)   /* STORE_CONFLICT: the application already has a hire */
		goto cleanup;
	id = db_last_insert_id(s);
	changes = json_pack("{s:I, s:I, s:I, s:I}", "application_id", (json_int_t)a.id, "offer_id",
			    (json_int_t)offer_id, "start_day", (json_int_t)v.start_day, "manager_user_id",
			    (json_int_t)manager_user_id);
	rc = store_audit_json(s, who, "hire", id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (hire_id)
		*hire_id = rc == STORE_OK ? id : 0;
	return rc;
}
