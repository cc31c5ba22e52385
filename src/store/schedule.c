/*
 * schedule.c — interview scheduling and conflicts; see schedule.h.
 *
 * The scheduling columns live on the interviews table (migration 7). Lists
 * read the interviews with one join and then each interview's interviewers
 * with a second (cached) statement.
 */
#include "store/schedule.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define SCHEDULE_LIST_DEFAULT 500

#define SCHEDULED_COLUMNS                                                                                      \
	"i.id, i.application_id, a.candidate_id, a.position_id, i.round_id, c.first_name, c.last_name, c.email," \
	" p.title, r.name, r.ord, r.duration_minutes, i.kit_version_id, v.version, coalesce(i.starts_at, 0),"   \
	" coalesce(i.duration_minutes, 0), i.location, i.video_link, coalesce(i.scheduled_by, 0),"              \
	" coalesce(CASE WHEN su.display_name <> '' THEN su.display_name ELSE su.name END, ''),"                 \
	" coalesce(i.scheduled_at, 0), i.ics_sequence, coalesce(i.cancelled_at, 0), i.created_at"

#define SCHEDULED_FROM                                                                               \
	" FROM interviews i JOIN applications a ON a.id = i.application_id"                          \
	" JOIN candidates c ON c.id = a.candidate_id JOIN positions p ON p.id = a.position_id"       \
	" JOIN interview_rounds r ON r.id = i.round_id JOIN kit_versions v ON v.id = i.kit_version_id" \
	" LEFT JOIN users su ON su.id = i.scheduled_by"

const char *schedule_conflict_kind_code(enum schedule_conflict_kind k)
{
	return k == CONFLICT_ABSENCE ? "absence" : "interview";
}

/* Reads the current row (selected with SCHEDULED_COLUMNS) into x, without
 * the interviewers. */
static void scheduled_from_row(struct db_stmt *st, struct scheduled_interview *x)
{
	memset(x, 0, sizeof *x);
	x->id = db_column_int64(st, 0);
	x->application_id = db_column_int64(st, 1);
	x->candidate_id = db_column_int64(st, 2);
	x->position_id = db_column_int64(st, 3);
	x->round_id = db_column_int64(st, 4);
	db_column_text_copy(st, 5, x->first_name, sizeof x->first_name);
	db_column_text_copy(st, 6, x->last_name, sizeof x->last_name);
	db_column_text_copy(st, 7, x->candidate_email, sizeof x->candidate_email);
	db_column_text_copy(st, 8, x->position_title, sizeof x->position_title);
	db_column_text_copy(st, 9, x->round_name, sizeof x->round_name);
	x->round_ord = (int)db_column_int64(st, 10);
	x->round_duration_minutes = (int)db_column_int64(st, 11);
	x->kit_version_id = db_column_int64(st, 12);
	x->kit_version = (int)db_column_int64(st, 13);
	x->starts_at = db_column_int64(st, 14);
	x->duration_minutes = (int)db_column_int64(st, 15);
	x->effective_minutes = x->duration_minutes > 0 ? x->duration_minutes : x->round_duration_minutes;
	db_column_text_copy(st, 16, x->location, sizeof x->location);
	db_column_text_copy(st, 17, x->video_link, sizeof x->video_link);
	x->scheduled_by = db_column_int64(st, 18);
	db_column_text_copy(st, 19, x->scheduled_by_name, sizeof x->scheduled_by_name);
	x->scheduled_at = db_column_int64(st, 20);
	x->ics_sequence = (int)db_column_int64(st, 21);
	x->cancelled_at = db_column_int64(st, 22);
	x->created_at = db_column_int64(st, 23);
}

/* Fills x->interviewers from interview_interviewers, by display name. */
static enum store_rc interviewers_load(struct store *s, struct scheduled_interview *x)
{
	struct db_stmt st;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;

	x->ninterviewers = 0;
	db_prepare(s, &st,
		   "SELECT u.id, u.name, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END,"
		   " EXISTS (SELECT 1 FROM scorecards sc WHERE sc.interview_id = ii.interview_id"
		   " AND sc.user_id = ii.user_id AND sc.status = 'submitted')"
		   " FROM interview_interviewers ii JOIN users u ON u.id = ii.user_id"
		   " WHERE ii.interview_id = :id ORDER BY 3, u.id");
	db_bind_int64(&st, ":id", x->id);
	while ((step = db_step(&st)) == DB_ROW) {
		if (x->ninterviewers == ROUND_MAX_INTERVIEWERS)
			continue;
		struct schedule_interviewer *who = &x->interviewers[x->ninterviewers++];
		who->user_id = db_column_int64(&st, 0);
		db_column_text_copy(&st, 1, who->user_name, sizeof who->user_name);
		db_column_text_copy(&st, 2, who->display_name, sizeof who->display_name);
		who->scorecard_submitted = db_column_int64(&st, 3) != 0;
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

enum store_rc store_scheduled_interview_get(struct store *s, int64_t interview_id, struct scheduled_interview *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " SCHEDULED_COLUMNS SCHEDULED_FROM " WHERE i.id = :id");
	db_bind_int64(&st, ":id", interview_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		scheduled_from_row(&st, out);
	db_finalize(&st);
	if (rc == STORE_OK)
		rc = interviewers_load(s, out);
	return rc;
}

/* Whether text (NULL = "") fits max bytes and is UTF-8. */
static bool text_ok(const char *text, size_t max)
{
	size_t len = text ? strlen(text) : 0;
	return len <= max && (len == 0 || utf8_valid(text, len));
}

enum store_rc store_interview_schedule(struct store *s, const struct actor *who, int64_t interview_id,
				       const struct schedule_input *in, int64_t now, struct scheduled_interview *out)
{
	struct db_write w;
	struct db_stmt st;
	struct scheduled_interview *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	const char *location = in->location ? in->location : "";
	const char *video_link = in->video_link ? in->video_link : "";
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_scheduled_interview_get(s, interview_id, old)) != STORE_OK)
		goto cleanup;
	if (in->starts_at <= 0 || in->duration_minutes < 0 || in->duration_minutes > ROUND_DURATION_MAX ||
	    !text_ok(location, SCHEDULE_LOCATION_MAX) || !text_ok(video_link, SCHEDULE_LINK_MAX)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE interviews SET starts_at = :starts_at, duration_minutes = :duration, location = :location,"
		   " video_link = :video_link, scheduled_by = :by, scheduled_at = :now,"
		   " ics_sequence = ics_sequence + 1, cancelled_at = NULL WHERE id = :id");
	db_bind_int64(&st, ":starts_at", in->starts_at);
	if (in->duration_minutes > 0)
		db_bind_int64(&st, ":duration", in->duration_minutes);
	else
		db_bind_null(&st, ":duration");
	db_bind_text(&st, ":location", location);
	db_bind_text(&st, ":video_link", video_link);
	if (who->user_id > 0)
		db_bind_int64(&st, ":by", who->user_id);
	else
		db_bind_null(&st, ":by");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", interview_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	audit_change_int(changes, "starts_at", old->starts_at, in->starts_at);
	audit_change_int(changes, "duration_minutes", old->duration_minutes, in->duration_minutes);
	audit_change_text(changes, "location", old->location, location);
	audit_change_text(changes, "video_link", old->video_link, video_link);
	audit_change_int(changes, "cancelled_at", old->cancelled_at, 0);
	audit_change_int(changes, "ics_sequence", old->ics_sequence, old->ics_sequence + 1);
	if ((rc = store_audit_json(s, who, "interview", interview_id, old->starts_at ? "reschedule" : "schedule",
				   changes, now)) != STORE_OK)
		goto cleanup;
	if (out)
		rc = store_scheduled_interview_get(s, interview_id, out);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_interview_cancel(struct store *s, const struct actor *who, int64_t interview_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "SELECT starts_at IS NOT NULL AND cancelled_at IS NULL, ics_sequence FROM interviews WHERE id = :id");
	db_bind_int64(&st, ":id", interview_id);
	rc = db_step_row(&st);
	bool cancellable = rc == STORE_OK && db_column_int64(&st, 0) != 0;
	int64_t sequence = rc == STORE_OK ? db_column_int64(&st, 1) : 0;
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	if (!cancellable) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE interviews SET cancelled_at = :now, ics_sequence = ics_sequence + 1 WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", interview_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[n,I], s:[I,I]}", "cancelled_at", (json_int_t)now, "ics_sequence", (json_int_t)sequence,
			    (json_int_t)(sequence + 1));
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "interview", interview_id, "cancel", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_scheduled_interviews_list(struct store *s, const struct schedule_filter *f,
					      struct scheduled_interview **out, size_t *n)
{
	struct db_stmt st;
	struct scheduled_interview *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT " SCHEDULED_COLUMNS SCHEDULED_FROM
		   " WHERE (:user_id = 0 OR EXISTS (SELECT 1 FROM interview_interviewers ii"
		   " WHERE ii.interview_id = i.id AND ii.user_id = :user_id))"
		   " AND (:position_id = 0 OR a.position_id = :position_id)"
		   " AND (:application_id = 0 OR i.application_id = :application_id)"
		   " AND (:candidate_id = 0 OR a.candidate_id = :candidate_id)"
		   " AND (i.starts_at IS NOT NULL OR (:unscheduled AND :from = 0 AND :to = 0))"
		   " AND (:from = 0 OR i.starts_at >= :from) AND (:to = 0 OR i.starts_at < :to)"
		   " AND (:cancelled OR i.cancelled_at IS NULL)"
		   " ORDER BY i.starts_at IS NULL, i.starts_at, i.id LIMIT :limit");
	db_bind_int64(&st, ":user_id", f->user_id > 0 ? f->user_id : 0);
	db_bind_int64(&st, ":position_id", f->position_id > 0 ? f->position_id : 0);
	db_bind_int64(&st, ":application_id", f->application_id > 0 ? f->application_id : 0);
	db_bind_int64(&st, ":candidate_id", f->candidate_id > 0 ? f->candidate_id : 0);
	db_bind_int64(&st, ":unscheduled", f->include_unscheduled ? 1 : 0);
	db_bind_int64(&st, ":from", f->from > 0 ? f->from : 0);
	db_bind_int64(&st, ":to", f->to > 0 ? f->to : 0);
	db_bind_int64(&st, ":cancelled", f->include_cancelled ? 1 : 0);
	db_bind_int64(&st, ":limit", f->limit > 0 ? f->limit : SCHEDULE_LIST_DEFAULT);
	while ((step = db_step(&st)) == DB_ROW) {
		scheduled_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	for (size_t i = 0; rc == STORE_OK && i < count; i++)
		rc = interviewers_load(s, &list[i]);
	if (rc != STORE_OK) {
		free(list);
		list = NULL;
		count = 0;
	}
	*out = list;
	*n = count;
	return rc;
}

/* Appends one conflict to a growing list. */
static struct schedule_conflict *conflict_push(struct schedule_conflict **list, size_t *count, size_t *cap)
{
	return xgrow(list, count, cap, sizeof **list);
}

enum store_rc store_schedule_conflicts(struct store *s, int64_t interview_id, int64_t starts_at, int minutes,
				       int32_t first_day, int32_t last_day, struct schedule_conflict **out,
				       size_t *n)
{
	struct db_stmt st;
	struct schedule_conflict *list = NULL;
	size_t count = 0, cap = 0;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT coalesce(i.duration_minutes, r.duration_minutes) FROM interviews i"
		   " JOIN interview_rounds r ON r.id = i.round_id WHERE i.id = :id");
	db_bind_int64(&st, ":id", interview_id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK && minutes <= 0)
		minutes = (int)db_column_int64(&st, 0);
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;
	int64_t ends_at = starts_at + (int64_t)minutes * 60;

	db_prepare(s, &st,
		   "SELECT o.id, ii.user_id, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END,"
		   " o.starts_at, o.starts_at + 60 * coalesce(o.duration_minutes, r.duration_minutes)"
		   " FROM interview_interviewers me"
		   " JOIN interview_interviewers ii ON ii.user_id = me.user_id AND ii.interview_id <> me.interview_id"
		   " JOIN interviews o ON o.id = ii.interview_id JOIN interview_rounds r ON r.id = o.round_id"
		   " JOIN users u ON u.id = ii.user_id"
		   " WHERE me.interview_id = :id AND o.starts_at IS NOT NULL AND o.cancelled_at IS NULL"
		   " AND o.starts_at < :ends_at AND o.starts_at + 60 * coalesce(o.duration_minutes, r.duration_minutes)"
		   " > :starts_at ORDER BY ii.user_id, o.starts_at, o.id");
	db_bind_int64(&st, ":id", interview_id);
	db_bind_int64(&st, ":starts_at", starts_at);
	db_bind_int64(&st, ":ends_at", ends_at);
	while ((step = db_step(&st)) == DB_ROW) {
		struct schedule_conflict *c = conflict_push(&list, &count, &cap);
		c->kind = CONFLICT_INTERVIEW;
		c->other_id = db_column_int64(&st, 0);
		c->user_id = db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, c->user_display, sizeof c->user_display);
		c->starts_at = db_column_int64(&st, 3);
		c->ends_at = db_column_int64(&st, 4);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;

	db_prepare(s, &st,
		   "SELECT ab.id, ab.user_id, CASE WHEN u.display_name <> '' THEN u.display_name ELSE u.name END,"
		   " ab.from_day, ab.to_day FROM interview_interviewers me JOIN absences ab ON ab.user_id = me.user_id"
		   " JOIN users u ON u.id = ab.user_id"
		   " WHERE me.interview_id = :id AND ab.to_day >= :first_day AND ab.from_day <= :last_day"
		   " ORDER BY ab.user_id, ab.from_day, ab.id");
	db_bind_int64(&st, ":id", interview_id);
	db_bind_int64(&st, ":first_day", first_day);
	db_bind_int64(&st, ":last_day", last_day);
	while ((step = db_step(&st)) == DB_ROW) {
		struct schedule_conflict *c = conflict_push(&list, &count, &cap);
		c->kind = CONFLICT_ABSENCE;
		c->other_id = db_column_int64(&st, 0);
		c->user_id = db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, c->user_display, sizeof c->user_display);
		c->from_day = (int32_t)db_column_int64(&st, 3);
		c->to_day = (int32_t)db_column_int64(&st, 4);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
cleanup:
	if (rc != STORE_OK) {
		free(list);
		list = NULL;
		count = 0;
	}
	*out = list;
	*n = count;
	return rc;
}
