/*
 * decisions.c — hire / reject decisions with culture fit and rationale
 * (R-EVAL-4, R-GUARD-5); see decisions.h.
 *
 * The timeline event is written here directly (kind 'decision', migration
 * 6) in the same unit of work as the decision and its audit row.
 */
#include "store/decisions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/xalloc.h"

#define DECISION_COLUMNS                                                                                       \
	"d.id, d.application_id, a.position_id, d.decision, d.culture_fit, d.rationale,"                      \
	" coalesce(d.decided_by, 0), coalesce(nullif(u.display_name, ''), u.name, ''), d.decided_at"
#define DECISION_FROM                                                                                          \
	" FROM decisions d JOIN applications a ON a.id = d.application_id LEFT JOIN users u ON u.id = d.decided_by"

/* Whether t holds something other than white space. */
static bool has_content(const char *t)
{
	for (; *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return true;
	return false;
}

enum store_rc store_decision_record(struct store *s, const struct actor *who, int64_t application_id,
				    const char *decision, int culture_fit, const char *rationale, int64_t now,
				    int64_t *id)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int64_t candidate_id = 0, decision_id = 0;
	char fit[2];
	size_t len = rationale ? strlen(rationale) : 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT candidate_id FROM applications WHERE id = :id");
	db_bind_int64(&st, ":id", application_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		candidate_id = db_column_int64(&st, 0);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	/* R-GUARD-5: no decision without culture fit and a written rationale */
	if (!decision || (strcmp(decision, "hire") != 0 && strcmp(decision, "reject") != 0) || culture_fit < 1 ||
	    culture_fit > 4 || len == 0 || len > DECISION_RATIONALE_MAX || !utf8_valid(rationale, len) ||
	    !has_content(rationale)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "INSERT INTO decisions (application_id, decision, culture_fit, rationale, decided_by, decided_at)"
		   " VALUES (:application_id, :decision, :culture_fit, :rationale, :decided_by, :now)");
	db_bind_int64(&st, ":application_id", application_id);
	db_bind_text(&st, ":decision", decision);
	db_bind_int64(&st, ":culture_fit", culture_fit);
	db_bind_text(&st, ":rationale", rationale);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":decided_by", who->user_id);
	else
		db_bind_null(&st, ":decided_by");
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	decision_id = db_last_insert_id(s);
	/* the timeline entry: to_stage = decision, from_stage = culture fit (applications.h) */
	snprintf(fit, sizeof fit, "%d", culture_fit);
	db_prepare(s, &st,
		   "INSERT INTO application_events (candidate_id, application_id, at, user_id, kind, from_stage,"
		   " to_stage, text) VALUES (:candidate_id, :application_id, :at, :user_id, 'decision', :fit,"
		   " :decision, :text)");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	db_bind_int64(&st, ":application_id", application_id);
	db_bind_int64(&st, ":at", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":user_id", who->user_id);
	else
		db_bind_null(&st, ":user_id");
	db_bind_text(&st, ":fit", fit);
	db_bind_text(&st, ":decision", decision);
	db_bind_text(&st, ":text", rationale);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:s, s:i}", "application_id", (json_int_t)application_id, "decision", decision,
			    "culture_fit", culture_fit);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "decision", decision_id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc == STORE_OK && id)
		*id = decision_id;
	return rc;
}

static void decision_from_row(struct db_stmt *st, struct decision_record *d)
{
	memset(d, 0, sizeof *d);
	d->id = db_column_int64(st, 0);
	d->application_id = db_column_int64(st, 1);
	d->position_id = db_column_int64(st, 2);
	db_column_text_copy(st, 3, d->decision, sizeof d->decision);
	d->culture_fit = (int)db_column_int64(st, 4);
	db_column_text_copy(st, 5, d->rationale, sizeof d->rationale);
	d->decided_by = db_column_int64(st, 6);
	db_column_text_copy(st, 7, d->decided_by_name, sizeof d->decided_by_name);
	d->decided_at = db_column_int64(st, 8);
}

/* Reads every row of a prepared decision query into a malloc'd list. */
static enum store_rc decisions_read(struct db_stmt *st, struct decision_record **out, size_t *n)
{
	struct decision_record *list = NULL;
	size_t count = 0, cap = 0;
	enum db_step_result step;
	while ((step = db_step(st)) == DB_ROW) {
		decision_from_row(st, xgrow(&list, &count, &cap, sizeof *list));
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

enum store_rc store_decisions_for_application(struct store *s, int64_t application_id, struct decision_record **out,
					      size_t *n)
{
	struct db_stmt st;
	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " DECISION_COLUMNS DECISION_FROM " WHERE d.application_id = :application_id"
		   " ORDER BY d.decided_at DESC, d.id DESC");
	db_bind_int64(&st, ":application_id", application_id);
	return decisions_read(&st, out, n);
}

enum store_rc store_decisions_latest_for_position(struct store *s, int64_t position_id,
						  struct decision_record **out, size_t *n)
{
	struct db_stmt st;
	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " DECISION_COLUMNS DECISION_FROM " WHERE a.position_id = :position_id"
		   " AND d.id = (SELECT l.id FROM decisions l WHERE l.application_id = d.application_id"
		   " ORDER BY l.decided_at DESC, l.id DESC LIMIT 1) ORDER BY d.application_id");
	db_bind_int64(&st, ":position_id", position_id);
	return decisions_read(&st, out, n);
}
