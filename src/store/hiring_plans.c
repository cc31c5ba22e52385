/*
 * hiring_plans.c — hiring plans, challenge disclosures and the facts of a
 * position for the timeline and the guards; see hiring_plans.h.
 */
#include "store/hiring_plans.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

/* Whether text fits max bytes and is UTF-8 ("" is fine). */
static bool text_ok(const char *text, size_t max)
{
	size_t len = strlen(text);
	return len <= max && (len == 0 || utf8_valid(text, len));
}

/* STORE_OK when st (with its parameters bound) finds a row, else missing. */
static enum store_rc row_exists(struct db_stmt *st, enum store_rc missing)
{
	enum store_rc rc = db_step_row(st);
	db_finalize(st);
	return rc == STORE_NOT_FOUND ? missing : rc;
}

enum store_rc store_hiring_plan_get(struct store *s, int64_t position_id, struct stored_hiring_plan *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT position_id, start_day, phase_weeks, note FROM hiring_plans WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK) {
		memset(out, 0, sizeof *out);
		out->position_id = db_column_int64(&st, 0);
		out->start_day = (int32_t)db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, out->phase_weeks, sizeof out->phase_weeks);
		db_column_text_copy(&st, 3, out->note, sizeof out->note);
	}
	db_finalize(&st);
	return rc;
}

enum store_rc store_hiring_plan_set(struct store *s, const struct actor *who, const struct stored_hiring_plan *p,
				    int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stored_hiring_plan *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	bool existed = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!text_ok(p->phase_weeks, HIRING_PLAN_PHASES_MAX) || !text_ok(p->note, HIRING_PLAN_NOTE_MAX)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if (p->phase_weeks[0]) {
		json_t *parsed = json_loads(p->phase_weeks, JSON_DECODE_ANY, NULL);
		json_decref(parsed);
		if (!parsed) {
			rc = STORE_INVALID;
			goto cleanup;
		}
	}
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", p->position_id);
	if ((rc = row_exists(&st, STORE_INVALID)) != STORE_OK)
		goto cleanup;
	rc = store_hiring_plan_get(s, p->position_id, old);
	existed = rc == STORE_OK;
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO hiring_plans (position_id, start_day, phase_weeks, note)"
		   " VALUES (:id, :start_day, :phase_weeks, :note) ON CONFLICT (position_id) DO UPDATE"
		   " SET start_day = excluded.start_day, phase_weeks = excluded.phase_weeks, note = excluded.note");
	db_bind_int64(&st, ":id", p->position_id);
	db_bind_int64(&st, ":start_day", p->start_day);
	db_bind_text(&st, ":phase_weeks", p->phase_weeks);
	db_bind_text(&st, ":note", p->note);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if (existed)
		audit_change_int(changes, "start_day", old->start_day, p->start_day);
	else
		json_object_set_new(changes, "start_day", json_integer(p->start_day));
	audit_change_text(changes, "phase_weeks", existed ? old->phase_weeks : "", p->phase_weeks);
	audit_change_text(changes, "note", existed ? old->note : "", p->note);
	rc = store_audit_json(s, who, "hiring_plan", p->position_id, existed ? "update" : "create", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_hiring_plan_delete(struct store *s, const struct actor *who, int64_t position_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM hiring_plans WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if (db_changes(s) == 0) {
		rc = STORE_NOT_FOUND;
		goto cleanup;
	}
	rc = store_audit(s, who, "hiring_plan", position_id, "delete", NULL, now);
cleanup:
	return db_write_end(s, &w, rc);
}

enum store_rc store_challenge_disclosure_add(struct store *s, const struct actor *who,
					     struct challenge_disclosure *d, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int64_t at = d->disclosed_at > 0 ? d->disclosed_at : now;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (at > now || !text_ok(d->note, DISCLOSURE_NOTE_MAX)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT 1 FROM applications WHERE id = :id");
	db_bind_int64(&st, ":id", d->application_id);
	if ((rc = row_exists(&st, STORE_INVALID)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO challenge_disclosures (application_id, disclosed_at, disclosed_by, note)"
		   " VALUES (:application_id, :at, :by, :note)");
	db_bind_int64(&st, ":application_id", d->application_id);
	db_bind_int64(&st, ":at", at);
	if (who->user_id > 0)
		db_bind_int64(&st, ":by", who->user_id);
	else
		db_bind_null(&st, ":by");
	db_bind_text(&st, ":note", d->note);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	int64_t id = db_last_insert_id(s);
	changes = json_pack("{s:I, s:I}", "application_id", (json_int_t)d->application_id, "disclosed_at",
			    (json_int_t)at);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if ((rc = store_audit_json(s, who, "challenge_disclosure", id, "create", changes, now)) == STORE_OK) {
		d->id = id;
		d->disclosed_at = at;
		d->disclosed_by = who->user_id;
	}
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_challenge_disclosures(struct store *s, int64_t application_id, struct challenge_disclosure **out,
					  size_t *n)
{
	struct db_stmt st;
	struct challenge_disclosure *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT d.id, d.application_id, d.disclosed_at, coalesce(d.disclosed_by, 0),"
		   " coalesce(CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END, ''), d.note"
		   " FROM challenge_disclosures d LEFT JOIN users u ON u.id = d.disclosed_by"
		   " WHERE d.application_id = :id ORDER BY d.disclosed_at, d.id");
	db_bind_int64(&st, ":id", application_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct challenge_disclosure *d = xgrow(&list, &count, &cap, sizeof *list);
		d->id = db_column_int64(&st, 0);
		d->application_id = db_column_int64(&st, 1);
		d->disclosed_at = db_column_int64(&st, 2);
		d->disclosed_by = db_column_int64(&st, 3);
		db_column_text_copy(&st, 4, d->disclosed_by_name, sizeof d->disclosed_by_name);
		db_column_text_copy(&st, 5, d->note, sizeof d->note);
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

enum store_rc store_challenge_disclosed(struct store *s, int64_t application_id, bool *disclosed)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT 1 FROM challenge_disclosures WHERE application_id = :id LIMIT 1");
	db_bind_int64(&st, ":id", application_id);
	enum store_rc rc = db_step_row(&st);
	db_finalize(&st);
	*disclosed = rc == STORE_OK;
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

void position_facts_free(struct position_facts *f)
{
	free(f->decider_user_ids);
	free(f->applications);
	free(f->interviews);
	f->decider_user_ids = NULL;
	f->applications = NULL;
	f->interviews = NULL;
	f->ndecider_users = f->napplications = f->ninterviews = 0;
}

/* Loads the position's own row, its ad and its deciders into f. */
static enum store_rc facts_position(struct store *s, int64_t position_id, struct position_facts *f)
{
	struct db_stmt st;
	enum db_step_result step;
	size_t cap = 0;
	db_prepare(s, &st,
		   "SELECT p.title, o.state, trim(p.challenges) <> '',"
		   " (SELECT min(created_at) FROM applications WHERE position_id = p.id),"
		   " (SELECT CAST(strftime('%s', date_posted) AS INTEGER) FROM job_ads WHERE position_id = p.id"
		   "  AND date_posted IS NOT NULL AND date_posted <> ''),"
		   " coalesce((SELECT published FROM job_ads WHERE position_id = p.id), 0),"
		   " (SELECT count(*) FROM stakeholders WHERE position_id = p.id)"
		   " FROM positions p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = :id");
	db_bind_int64(&st, ":id", position_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK) {
		db_column_text_copy(&st, 0, f->title, sizeof f->title);
		db_column_text_copy(&st, 1, f->state, sizeof f->state);
		f->has_challenges = db_column_int64(&st, 2) != 0;
		f->first_application_at = db_column_int64(&st, 3);
		f->ad_published_at = db_column_int64(&st, 4);
		f->ad_published = db_column_int64(&st, 5) != 0;
		f->ndeciders = (int)db_column_int64(&st, 6);
	}
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "SELECT DISTINCT user_id FROM stakeholders WHERE position_id = :id AND user_id IS NOT NULL"
		   " ORDER BY user_id");
	db_bind_int64(&st, ":id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		int64_t *id = xgrow(&f->decider_user_ids, &f->ndecider_users, &cap, sizeof *f->decider_user_ids);
		*id = db_column_int64(&st, 0);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

/* Loads one fact per application of the position into f. */
static enum store_rc facts_applications(struct store *s, int64_t position_id, struct position_facts *f)
{
	struct db_stmt st;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	size_t cap = 0;
	db_prepare(s, &st,
		   "SELECT a.id, a.candidate_id, c.first_name, c.last_name, a.stage, a.created_at, a.stage_entered_at,"
		   " coalesce(a.last_contact_at, 0),"
		   " (SELECT min(e.at) FROM application_events e WHERE e.application_id = a.id AND e.kind = 'stage'"
		   "  AND e.to_stage = 'first_interview'),"
		   " (SELECT min(e.at) FROM application_events e WHERE e.application_id = a.id AND e.kind = 'stage'"
		   "  AND e.to_stage = 'offer'),"
		   " (SELECT min(e.at) FROM application_events e WHERE e.application_id = a.id AND e.kind = 'stage'"
		   "  AND e.to_stage = 'hired'),"
		   " EXISTS (SELECT 1 FROM challenge_disclosures d WHERE d.application_id = a.id)"
		   " FROM applications a JOIN candidates c ON c.id = a.candidate_id"
		   " WHERE a.position_id = :id ORDER BY a.created_at, a.id");
	db_bind_int64(&st, ":id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct application_fact *a = xgrow(&f->applications, &f->napplications, &cap, sizeof *f->applications);
		a->application_id = db_column_int64(&st, 0);
		a->candidate_id = db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, a->first_name, sizeof a->first_name);
		db_column_text_copy(&st, 3, a->last_name, sizeof a->last_name);
		db_column_text_copy(&st, 4, a->stage, sizeof a->stage);
		a->created_at = db_column_int64(&st, 5);
		a->stage_entered_at = db_column_int64(&st, 6);
		a->last_contact_at = db_column_int64(&st, 7);
		a->first_interview_at = db_column_int64(&st, 8);
		a->first_offer_at = db_column_int64(&st, 9);
		a->first_hired_at = db_column_int64(&st, 10);
		a->challenges_disclosed = db_column_int64(&st, 11) != 0;
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

/* Loads the not cancelled interviews of the position with their
 * interviewers into f. */
static enum store_rc facts_interviews(struct store *s, int64_t position_id, struct position_facts *f)
{
	struct db_stmt st;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	size_t cap = 0;
	db_prepare(s, &st,
		   "SELECT i.id, i.application_id, a.candidate_id, i.round_id, r.name, coalesce(i.starts_at, 0)"
		   " FROM interviews i JOIN applications a ON a.id = i.application_id"
		   " JOIN interview_rounds r ON r.id = i.round_id"
		   " WHERE a.position_id = :id AND i.cancelled_at IS NULL"
		   " ORDER BY i.starts_at IS NULL, i.starts_at, i.id");
	db_bind_int64(&st, ":id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct interview_fact *x = xgrow(&f->interviews, &f->ninterviews, &cap, sizeof *f->interviews);
		x->interview_id = db_column_int64(&st, 0);
		x->application_id = db_column_int64(&st, 1);
		x->candidate_id = db_column_int64(&st, 2);
		x->round_id = db_column_int64(&st, 3);
		db_column_text_copy(&st, 4, x->round_name, sizeof x->round_name);
		x->starts_at = db_column_int64(&st, 5);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	for (size_t i = 0; rc == STORE_OK && i < f->ninterviews; i++) {
		struct interview_fact *x = &f->interviews[i];
		db_prepare(s, &st,
			   "SELECT u.id, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END,"
			   " EXISTS (SELECT 1 FROM scorecards sc WHERE sc.interview_id = ii.interview_id"
			   " AND sc.user_id = ii.user_id AND sc.status = 'submitted')"
			   " FROM interview_interviewers ii JOIN users u ON u.id = ii.user_id"
			   " WHERE ii.interview_id = :id ORDER BY u.id");
		db_bind_int64(&st, ":id", x->interview_id);
		while ((step = db_step(&st)) == DB_ROW) {
			if (x->ninterviewers == ROUND_MAX_INTERVIEWERS)
				continue;
			struct interview_fact_interviewer *who = &x->interviewers[x->ninterviewers++];
			who->user_id = db_column_int64(&st, 0);
			db_column_text_copy(&st, 1, who->display_name, sizeof who->display_name);
			who->submitted = db_column_int64(&st, 2) != 0;
		}
		if (step == DB_FAIL)
			rc = db_rc(&st);
		db_finalize(&st);
	}
	return rc;
}

enum store_rc store_position_facts(struct store *s, int64_t position_id, struct position_facts *out)
{
	memset(out, 0, sizeof *out);
	out->position_id = position_id;
	enum store_rc rc = facts_position(s, position_id, out);
	if (rc == STORE_OK) {
		rc = store_hiring_plan_get(s, position_id, &out->plan);
		out->has_plan = rc == STORE_OK;
		if (rc == STORE_NOT_FOUND)
			rc = STORE_OK;
	}
	if (rc == STORE_OK)
		rc = facts_applications(s, position_id, out);
	if (rc == STORE_OK)
		rc = facts_interviews(s, position_id, out);
	if (rc != STORE_OK)
		position_facts_free(out);
	return rc;
}
