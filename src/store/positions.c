/*
 * positions.c — positions; see positions.h.
 *
 * Enumerations are stored as the stable codes of core/position.h. Each write
 * is one unit of work holding its audit row (R-X-4); references to the
 * organisation and the owner are checked first, so a dangling id is answered
 * with STORE_INVALID instead of a failed foreign key; so are texts that are
 * not valid UTF-8 (the challenges become part of profile snapshots).
 */
#include "store/positions.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define POSITION_COLUMNS                                                                                        \
	"p.id, p.organisation_id, p.template_key, p.title, p.department, p.location, p.remote, p.employment,"  \
	" p.headcount, p.salary_min, p.salary_max, p.currency, p.target_start, p.owner_id, p.status,"          \
	" p.challenges, p.approved_version, p.created_at, p.opened_at"
#define POSITION_NCOLUMNS 19

/* Reads the columns POSITION_COLUMNS of the current row into p. */
static enum store_rc position_from_row(struct db_stmt *st, struct position *p)
{
	char remote[16], employment[16], status[16];
	memset(p, 0, sizeof *p);
	p->id = db_column_int64(st, 0);
	p->organisation_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, p->template_key, sizeof p->template_key);
	db_column_text_copy(st, 3, p->title, sizeof p->title);
	db_column_text_copy(st, 4, p->department, sizeof p->department);
	db_column_text_copy(st, 5, p->location, sizeof p->location);
	db_column_text_copy(st, 6, remote, sizeof remote);
	db_column_text_copy(st, 7, employment, sizeof employment);
	p->headcount = (int)db_column_int64(st, 8);
	p->salary_min = db_column_int64(st, 9);
	p->salary_max = db_column_int64(st, 10);
	db_column_text_copy(st, 11, p->currency, sizeof p->currency);
	db_column_text_copy(st, 12, p->target_start, sizeof p->target_start);
	p->owner_id = db_column_int64(st, 13);
	db_column_text_copy(st, 14, status, sizeof status);
	db_column_text_copy(st, 15, p->challenges, sizeof p->challenges);
	p->approved_version = (int)db_column_int64(st, 16);
	p->created_at = db_column_int64(st, 17);
	p->opened_at = db_column_int64(st, 18);
	if (!remote_policy_parse(remote, &p->remote) || !employment_type_parse(employment, &p->employment) ||
	    !position_status_parse(status, &p->status)) {
		log_error("position %lld has an unknown code (remote '%s', employment '%s', status '%s')",
			  (long long)p->id, remote, employment, status);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* Binds the fields a user edits to a statement using their column names. */
static void position_bind(struct db_stmt *st, const struct position *p)
{
	db_bind_int64(st, ":organisation_id", p->organisation_id);
	if (p->owner_id > 0)
		db_bind_int64(st, ":owner_id", p->owner_id);
	else
		db_bind_null(st, ":owner_id");
	db_bind_text(st, ":template_key", p->template_key);
	db_bind_text(st, ":title", p->title);
	db_bind_text(st, ":department", p->department);
	db_bind_text(st, ":location", p->location);
	db_bind_text(st, ":remote", remote_policy_code(p->remote));
	db_bind_text(st, ":employment", employment_type_code(p->employment));
	db_bind_int64(st, ":headcount", p->headcount);
	db_bind_int64(st, ":salary_min", p->salary_min);
	db_bind_int64(st, ":salary_max", p->salary_max);
	db_bind_text(st, ":currency", p->currency);
	db_bind_text(st, ":target_start", p->target_start);
	db_bind_text(st, ":status", position_status_code(p->status));
	db_bind_text(st, ":challenges", p->challenges);
}

/* STORE_OK when the statement (one :id parameter) finds a row, STORE_INVALID
 * when it finds none. */
static enum store_rc reference_exists(struct db_stmt *st, int64_t id)
{
	enum store_rc rc;
	db_bind_int64(st, ":id", id);
	switch (db_step(st)) {
	case DB_ROW:
		rc = STORE_OK;
		break;
	case DB_DONE:
		rc = STORE_INVALID;
		break;
	default:
		rc = db_rc(st);
		break;
	}
	db_finalize(st);
	return rc;
}

/* Checks that the texts of p are valid UTF-8 and that its organisation and
 * owner (unless 0) exist. */
static enum store_rc position_input_check(struct store *s, const struct position *p)
{
	const char *texts[] = { p->template_key, p->title, p->department, p->location, p->currency,
				p->target_start, p->challenges };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (!utf8_valid(texts[i], strlen(texts[i])))
			return STORE_INVALID;
	struct db_stmt st;
	db_prepare(s, &st, "SELECT 1 FROM organisations WHERE id = :id");
	enum store_rc rc = reference_exists(&st, p->organisation_id);
	if (rc != STORE_OK || p->owner_id <= 0)
		return rc;
	db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id");
	return reference_exists(&st, p->owner_id);
}

/* The audit description of an update from a to b: changed fields only. */
static json_t *position_changes(const struct position *a, const struct position *b)
{
	json_t *c = json_object();
	audit_change_int(c, "organisation_id", a->organisation_id, b->organisation_id);
	audit_change_text(c, "template_key", a->template_key, b->template_key);
	audit_change_text(c, "title", a->title, b->title);
	audit_change_text(c, "department", a->department, b->department);
	audit_change_text(c, "location", a->location, b->location);
	audit_change_text(c, "remote", remote_policy_code(a->remote), remote_policy_code(b->remote));
	audit_change_text(c, "employment", employment_type_code(a->employment), employment_type_code(b->employment));
	audit_change_int(c, "headcount", a->headcount, b->headcount);
	audit_change_int(c, "salary_min", a->salary_min, b->salary_min);
	audit_change_int(c, "salary_max", a->salary_max, b->salary_max);
	audit_change_text(c, "currency", a->currency, b->currency);
	audit_change_text(c, "target_start", a->target_start, b->target_start);
	audit_change_int(c, "owner_id", a->owner_id, b->owner_id > 0 ? b->owner_id : 0);
	audit_change_text(c, "status", position_status_code(a->status), position_status_code(b->status));
	if (strcmp(a->challenges, b->challenges) != 0)
		json_object_set_new(c, "challenges", json_string("changed"));
	return c;
}

enum store_rc store_position_create(struct store *s, const struct actor *who, struct position *p, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = position_input_check(s, p)) != STORE_OK)
		goto cleanup;
	p->status = POSITION_DRAFT;
	db_prepare(s, &st,
		   "INSERT INTO positions (organisation_id, owner_id, template_key, title, department, location,"
		   " remote, employment, headcount, salary_min, salary_max, currency, target_start, status,"
		   " challenges, approved_version, created_at, opened_at, updated_at) VALUES (:organisation_id,"
		   " :owner_id, :template_key, :title, :department, :location, :remote, :employment, :headcount,"
		   " :salary_min, :salary_max, :currency, :target_start, :status, :challenges, 0, :now, NULL, :now)");
	position_bind(&st, p);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	p->id = db_last_insert_id(s);
	p->created_at = now;
	p->opened_at = 0;
	p->approved_version = 0;
	changes = json_pack("{s:s, s:I, s:I, s:s, s:s}", "title", p->title, "organisation_id",
			    (json_int_t)p->organisation_id, "owner_id", (json_int_t)(p->owner_id > 0 ? p->owner_id : 0),
			    "template_key", p->template_key, "status", position_status_code(p->status));
	if (!changes) {
		log_error("audit: cannot describe the new position %lld", (long long)p->id);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "position", p->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		p->id = 0;
	return rc;
}

enum store_rc store_position_update(struct store *s, const struct actor *who, const struct position *p, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct position old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_position_get(s, p->id, &old)) != STORE_OK)
		goto cleanup;
	changes = position_changes(&old, p);
	if (json_object_size(changes) == 0)
		goto cleanup;
	if ((rc = position_input_check(s, p)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE positions SET organisation_id = :organisation_id, owner_id = :owner_id,"
		   " template_key = :template_key, title = :title, department = :department, location = :location,"
		   " remote = :remote, employment = :employment, headcount = :headcount, salary_min = :salary_min,"
		   " salary_max = :salary_max, currency = :currency, target_start = :target_start, status = :status,"
		   " challenges = :challenges, updated_at = :now,"
		   " opened_at = CASE WHEN opened_at IS NULL AND :status = 'open' THEN :now ELSE opened_at END"
		   " WHERE id = :id");
	position_bind(&st, p);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", p->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	rc = store_audit_json(s, who, "position", p->id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_position_get(struct store *s, int64_t id, struct position *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " POSITION_COLUMNS " FROM positions p WHERE p.id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		rc = position_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_position_list(struct store *s, int status, int64_t owner_id, struct position_summary **out,
				  size_t *n)
{
	struct db_stmt st;
	struct position_summary *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step = DB_DONE;

	*out = NULL;
	*n = 0;
	if (status >= POSITION_STATUS__COUNT || status < -1)
		return STORE_INVALID;
	db_prepare(s, &st,
		   "SELECT " POSITION_COLUMNS ", coalesce(nullif(u.display_name, ''), u.name, ''),"
		   " coalesce(o.name, ''),"
		   " (SELECT count(*) FROM requirements r WHERE r.position_id = p.id),"
		   " (SELECT count(*) FROM requirements r WHERE r.position_id = p.id AND r.tier = 'must')"
		   " FROM positions p LEFT JOIN users u ON u.id = p.owner_id"
		   " LEFT JOIN organisations o ON o.id = p.organisation_id"
		   " WHERE (:status IS NULL OR p.status = :status) AND (:owner_id IS NULL OR p.owner_id = :owner_id)"
		   " ORDER BY CASE p.status WHEN 'draft' THEN 0 WHEN 'open' THEN 1 WHEN 'paused' THEN 2"
		   " WHEN 'filled' THEN 3 ELSE 4 END, p.created_at DESC, p.id DESC");
	db_bind_text(&st, ":status", status < 0 ? NULL : position_status_code((enum position_status)status));
	if (owner_id > 0)
		db_bind_int64(&st, ":owner_id", owner_id);
	else
		db_bind_null(&st, ":owner_id");
	while (rc == STORE_OK && (step = db_step(&st)) == DB_ROW) {
		struct position_summary *sum = xgrow(&list, &count, &cap, sizeof *list);
		rc = position_from_row(&st, &sum->p);
		db_column_text_copy(&st, POSITION_NCOLUMNS, sum->owner_name, sizeof sum->owner_name);
		db_column_text_copy(&st, POSITION_NCOLUMNS + 1, sum->organisation_name, sizeof sum->organisation_name);
		sum->requirement_count = (int)db_column_int64(&st, POSITION_NCOLUMNS + 2);
		sum->must_count = (int)db_column_int64(&st, POSITION_NCOLUMNS + 3);
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

enum store_rc store_position_count_by_status(struct store *s, int64_t counts[POSITION_STATUS__COUNT])
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;
	char code[16];

	for (int i = 0; i < POSITION_STATUS__COUNT; i++)
		counts[i] = 0;
	db_prepare(s, &st, "SELECT status, count(*) FROM positions GROUP BY status");
	while ((step = db_step(&st)) == DB_ROW) {
		enum position_status status;
		db_column_text_copy(&st, 0, code, sizeof code);
		if (position_status_parse(code, &status))
			counts[status] = db_column_int64(&st, 1);
		else
			log_error("positions with an unknown status '%s'", code);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}
