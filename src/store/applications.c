/*
 * applications.c — applications, stage moves, the timeline, channel plans
 * and channel facts; see applications.h.
 *
 * Notes are not a table of their own: they are timeline events of kind
 * 'note' (migration 4), and their text is appended to the notes column of
 * the candidate's search row in the same unit of work, so a note is found by
 * search as soon as it is saved (R-CAND-3).
 */
#include "store/applications.h"
#include "store/stages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define APPLICATION_COLUMNS                                                                                    \
	"a.id, a.candidate_id, a.position_id, a.stage, a.stage_entered_at, a.last_contact_at, a.channel,"     \
	" a.referrer_kind, a.referrer_name, a.referrer_user_id, a.referral_status, a.bonus_cents, a.event,"   \
	" a.rejection_reason, a.rejection_note, a.informed, a.created_at"
#define APPLICATION_NCOLUMNS 17

#define EVENTS_DEFAULT_LIMIT 200
#define EVENTS_MAX_LIMIT 1000

static const char *const event_kind_codes[EVENT_KIND__COUNT] = { "stage", "note", "contact", "document",
								      "decision" };

const char *application_event_kind_code(enum application_event_kind k)
{
	return (unsigned)k < EVENT_KIND__COUNT ? event_kind_codes[k] : "unknown";
}

static bool event_kind_parse(const char *code, enum application_event_kind *out)
{
	for (int k = 0; k < EVENT_KIND__COUNT; k++)
		if (strcmp(code, event_kind_codes[k]) == 0) {
			*out = (enum application_event_kind)k;
			return true;
		}
	return false;
}

/* A stage code as core/pipeline.h defines it: [a-z][a-z0-9_]*, < STAGE_CODE_MAX bytes. */
static bool stage_code_well_formed(const char *code)
{
	size_t len = strlen(code);
	if (len == 0 || len >= STAGE_CODE_MAX || code[0] < 'a' || code[0] > 'z')
		return false;
	for (size_t i = 1; i < len; i++)
		if (!((code[i] >= 'a' && code[i] <= 'z') || (code[i] >= '0' && code[i] <= '9') || code[i] == '_'))
			return false;
	return true;
}

/* Reads the columns APPLICATION_COLUMNS of the current row, from column first. */
static void application_from_row(struct db_stmt *st, int first, struct application *a)
{
	char kind[16], status[16];
	memset(a, 0, sizeof *a);
	a->id = db_column_int64(st, first + 0);
	a->candidate_id = db_column_int64(st, first + 1);
	a->position_id = db_column_int64(st, first + 2);
	db_column_text_copy(st, first + 3, a->stage, sizeof a->stage);
	a->stage_entered_at = db_column_int64(st, first + 4);
	a->last_contact_at = db_column_int64(st, first + 5);
	db_column_text_copy(st, first + 6, a->channel, sizeof a->channel);
	db_column_text_copy(st, first + 7, kind, sizeof kind);
	db_column_text_copy(st, first + 8, a->referral.referrer_name, sizeof a->referral.referrer_name);
	a->referral.referrer_user_id = db_column_int64(st, first + 9);
	db_column_text_copy(st, first + 10, status, sizeof status);
	a->referral.bonus_cents = db_column_int64(st, first + 11);
	a->has_referral = referrer_kind_parse(kind, &a->referral.kind);
	if (a->has_referral && !referral_status_parse(status, &a->referral.status))
		a->referral.status = REFERRAL_PROPOSED;
	db_column_text_copy(st, first + 12, a->event, sizeof a->event);
	db_column_text_copy(st, first + 13, a->rejection_reason, sizeof a->rejection_reason);
	db_column_text_copy(st, first + 14, a->rejection_note, sizeof a->rejection_note);
	int informed = (int)db_column_int64(st, first + 15);
	a->informed = informed == 1 ? INFORMED_NO : informed == 2 ? INFORMED_YES : INFORMED_UNANSWERED;
	a->created_at = db_column_int64(st, first + 16);
}

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

/* Writes one timeline event. */
static enum store_rc event_insert(struct store *s, const struct actor *who, int64_t candidate_id,
				  int64_t application_id, enum application_event_kind kind, const char *from,
				  const char *to, const char *text, int64_t now)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "INSERT INTO application_events (candidate_id, application_id, at, user_id, kind, from_stage,"
		   " to_stage, text) VALUES (:candidate_id, :application_id, :at, :user_id, :kind, :from, :to, :text)");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	if (application_id > 0)
		db_bind_int64(&st, ":application_id", application_id);
	else
		db_bind_null(&st, ":application_id");
	db_bind_int64(&st, ":at", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":user_id", who->user_id);
	else
		db_bind_null(&st, ":user_id");
	db_bind_text(&st, ":kind", application_event_kind_code(kind));
	db_bind_text(&st, ":from", from);
	db_bind_text(&st, ":to", to);
	db_bind_text(&st, ":text", text);
	return db_run(&st);
}

/* Checks the references and codes of a new application. */
static enum store_rc application_input_check(struct store *s, const struct application *a)
{
	struct db_stmt st;
	enum channel ch;
	struct field_problem problems[4];
	enum store_rc rc;

	if (!stage_code_well_formed(a->stage) || (a->channel[0] && !channel_parse(a->channel, &ch)) ||
	    !utf8_valid(a->event, strlen(a->event)))
		return STORE_INVALID;
	if (a->has_referral && (referral_validate(&a->referral, problems, 4) > 0 ||
				!utf8_valid(a->referral.referrer_name, strlen(a->referral.referrer_name))))
		return STORE_INVALID;
	db_prepare(s, &st, "SELECT 1 FROM candidates WHERE id = :id");
	if ((rc = row_exists(&st, a->candidate_id, STORE_INVALID)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	if ((rc = row_exists(&st, a->position_id, STORE_INVALID)) != STORE_OK)
		return rc;
	if (a->has_referral && a->referral.referrer_user_id > 0) {
		db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id");
		rc = row_exists(&st, a->referral.referrer_user_id, STORE_INVALID);
	}
	return rc;
}

/* The first active stage of the position's pipeline (its own configuration
 * or the defaults): where a new application starts when none is named. */
static enum store_rc first_active_stage(struct store *s, int64_t position_id, char *out, size_t outlen)
{
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t n = 0;
	enum store_rc rc = store_stages_get(s, position_id, stages, &n, NULL);
	if (rc != STORE_OK)
		return rc == STORE_NOT_FOUND ? STORE_INVALID : rc;
	for (size_t i = 0; i < n; i++) {
		if (stages[i].kind == STAGE_ACTIVE) {
			snprintf(out, outlen, "%s", stages[i].code);
			return STORE_OK;
		}
	}
	return STORE_INVALID;
}

enum store_rc store_application_create(struct store *s, const struct actor *who, struct application *a, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!a->stage[0] && (rc = first_active_stage(s, a->position_id, a->stage, sizeof a->stage)) != STORE_OK)
		goto cleanup;
	if ((rc = application_input_check(s, a)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO applications (candidate_id, position_id, stage, stage_entered_at, channel,"
		   " referrer_kind, referrer_name, referrer_user_id, referral_status, bonus_cents, event, created_at)"
		   " VALUES (:candidate_id, :position_id, :stage, :now,"
		   " CASE WHEN :channel = '' THEN (SELECT channel FROM candidates WHERE id = :candidate_id)"
		   " ELSE :channel END, :referrer_kind, :referrer_name, :referrer_user_id, :referral_status,"
		   " :bonus_cents, :event, :now)");
	db_bind_int64(&st, ":candidate_id", a->candidate_id);
	db_bind_int64(&st, ":position_id", a->position_id);
	db_bind_text(&st, ":stage", a->stage);
	db_bind_int64(&st, ":now", now);
	db_bind_text(&st, ":channel", a->channel);
	db_bind_text(&st, ":referrer_kind", a->has_referral ? referrer_kind_code(a->referral.kind) : NULL);
	db_bind_text(&st, ":referrer_name", a->has_referral ? a->referral.referrer_name : "");
	if (a->has_referral && a->referral.referrer_user_id > 0)
		db_bind_int64(&st, ":referrer_user_id", a->referral.referrer_user_id);
	else
		db_bind_null(&st, ":referrer_user_id");
	db_bind_text(&st, ":referral_status", a->has_referral ? referral_status_code(a->referral.status) : NULL);
	db_bind_int64(&st, ":bonus_cents", a->has_referral ? a->referral.bonus_cents : 0);
	db_bind_text(&st, ":event", a->event);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	a->id = db_last_insert_id(s);
	a->created_at = now;
	a->stage_entered_at = now;
	a->last_contact_at = 0;
	if (!a->channel[0]) {
		db_prepare(s, &st, "SELECT channel FROM applications WHERE id = :id");
		db_bind_int64(&st, ":id", a->id);
		if (db_step(&st) == DB_ROW)
			db_column_text_copy(&st, 0, a->channel, sizeof a->channel);
		if ((rc = db_finalize(&st)) != STORE_OK)
			goto cleanup;
	}
	if ((rc = event_insert(s, who, a->candidate_id, a->id, EVENT_STAGE, "", a->stage, "", now)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:I, s:s, s:s}", "candidate_id", (json_int_t)a->candidate_id, "position_id",
			    (json_int_t)a->position_id, "stage", a->stage, "channel", a->channel);
	if (!changes) {
		log_error("audit: cannot describe the new application %lld", (long long)a->id);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "application", a->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		a->id = 0;
	return rc;
}

enum store_rc store_application_get(struct store *s, int64_t id, struct application *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " APPLICATION_COLUMNS " FROM applications a WHERE a.id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		application_from_row(&st, 0, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_application_move(struct store *s, const struct actor *who, int64_t id, const char *to,
				     const struct move_input *in, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct application a;
	json_t *changes = NULL;
	bool rejected = strcmp(to, STAGE_CODE_REJECTED) == 0;
	const char *reason = rejected && in && in->reason ? in->reason : "";
	const char *note = rejected && in && in->reason_note ? in->reason_note : "";
	enum informed_answer informed = rejected && in ? in->informed : INFORMED_UNANSWERED;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_application_get(s, id, &a)) != STORE_OK)
		goto cleanup;
	if (!stage_code_well_formed(to) || strcmp(a.stage, to) == 0 || strlen(reason) >= sizeof a.rejection_reason ||
	    strlen(note) > APPLICATION_REASON_NOTE_MAX || !utf8_valid(note, strlen(note))) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "UPDATE applications SET stage = :stage, stage_entered_at = :now, rejection_reason = :reason,"
		   " rejection_note = :note, informed = :informed WHERE id = :id");
	db_bind_text(&st, ":stage", to);
	db_bind_int64(&st, ":now", now);
	db_bind_text(&st, ":reason", reason);
	db_bind_text(&st, ":note", note);
	db_bind_int64(&st, ":informed", informed == INFORMED_NO ? 1 : informed == INFORMED_YES ? 2 : 0);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = event_insert(s, who, a.candidate_id, id, EVENT_STAGE, a.stage, to, note, now)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "stage", a.stage, to);
	if (rejected) {
		audit_change_text(changes, "rejection_reason", a.rejection_reason, reason);
		audit_change_int(changes, "informed", a.informed, informed);
	}
	rc = store_audit_json(s, who, "application", id, "move", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_application_add_event(struct store *s, const struct actor *who, int64_t candidate_id,
					  int64_t application_id, enum application_event_kind kind, const char *text,
					  int64_t now, int64_t *event_id)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	size_t len = text ? strlen(text) : 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((kind != EVENT_NOTE && kind != EVENT_CONTACT) || len == 0 || len > APPLICATION_NOTE_MAX ||
	    !utf8_valid(text, len)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "SELECT 1 FROM candidates WHERE id = :id");
	if ((rc = row_exists(&st, candidate_id, STORE_NOT_FOUND)) != STORE_OK)
		goto cleanup;
	if (application_id > 0) {
		db_prepare(s, &st, "SELECT 1 FROM applications WHERE id = :id AND candidate_id = :candidate_id");
		db_bind_int64(&st, ":candidate_id", candidate_id);
		if ((rc = row_exists(&st, application_id, STORE_INVALID)) != STORE_OK)
			goto cleanup;
	}
	if ((rc = event_insert(s, who, candidate_id, application_id, kind, "", "", text, now)) != STORE_OK)
		goto cleanup;
	int64_t id = db_last_insert_id(s);
	if (kind == EVENT_CONTACT) {
		db_prepare(s, &st,
			   "UPDATE applications SET last_contact_at = :now WHERE candidate_id = :candidate_id"
			   " AND (:application_id IS NULL OR id = :application_id)");
		db_bind_int64(&st, ":now", now);
		db_bind_int64(&st, ":candidate_id", candidate_id);
		if (application_id > 0)
			db_bind_int64(&st, ":application_id", application_id);
		else
			db_bind_null(&st, ":application_id");
		rc = db_run(&st);
	} else {
		db_prepare(s, &st,
			   "UPDATE candidates_fts SET notes = CASE WHEN notes = '' THEN :text"
			   " ELSE notes || char(10) || :text END WHERE rowid = :id");
		db_bind_text(&st, ":text", text);
		db_bind_int64(&st, ":id", candidate_id);
		rc = db_run(&st);
	}
	if (rc != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:I}", "kind", application_event_kind_code(kind), "application_id",
			    (json_int_t)application_id);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if ((rc = store_audit_json(s, who, "candidate", candidate_id, "add_event", changes, now)) == STORE_OK &&
	    event_id)
		*event_id = id;
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_application_board(struct store *s, int64_t position_id, struct application_card **out, size_t *n)
{
	struct db_stmt st;
	struct application_card *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " APPLICATION_COLUMNS ", c.first_name, c.last_name, c.current_company"
		   " FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE a.position_id = :position_id"
		   " ORDER BY a.stage, a.stage_entered_at, a.id");
	db_bind_int64(&st, ":position_id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct application_card *card = xgrow(&list, &count, &cap, sizeof *list);
		application_from_row(&st, 0, &card->a);
		db_column_text_copy(&st, APPLICATION_NCOLUMNS, card->first_name, sizeof card->first_name);
		db_column_text_copy(&st, APPLICATION_NCOLUMNS + 1, card->last_name, sizeof card->last_name);
		db_column_text_copy(&st, APPLICATION_NCOLUMNS + 2, card->current_company, sizeof card->current_company);
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

enum store_rc store_application_list_by_candidate(struct store *s, int64_t candidate_id, struct application **out,
						  size_t *n)
{
	struct db_stmt st;
	struct application *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " APPLICATION_COLUMNS " FROM applications a WHERE a.candidate_id = :candidate_id"
		   " ORDER BY a.created_at, a.id");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	while ((step = db_step(&st)) == DB_ROW) {
		application_from_row(&st, 0, xgrow(&list, &count, &cap, sizeof *list));
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

enum store_rc store_application_events(struct store *s, int64_t candidate_id, int64_t application_id, int limit,
				       struct application_event **out, size_t *n)
{
	struct db_stmt st;
	struct application_event *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;
	char kind[16];

	*out = NULL;
	*n = 0;
	if (limit <= 0)
		limit = EVENTS_DEFAULT_LIMIT;
	if (limit > EVENTS_MAX_LIMIT || (candidate_id <= 0 && application_id <= 0))
		return STORE_INVALID;
	db_prepare(s, &st,
		   "SELECT e.id, e.candidate_id, e.application_id, coalesce(a.position_id, 0), e.at, e.user_id,"
		   " coalesce(nullif(u.display_name, ''), u.name, ''), e.kind, e.from_stage, e.to_stage, e.text"
		   " FROM application_events e LEFT JOIN applications a ON a.id = e.application_id"
		   " LEFT JOIN users u ON u.id = e.user_id"
		   " WHERE CASE WHEN :application_id IS NOT NULL THEN e.application_id = :application_id"
		   " ELSE e.candidate_id = :candidate_id END"
		   " ORDER BY e.at DESC, e.id DESC LIMIT :limit");
	if (application_id > 0)
		db_bind_int64(&st, ":application_id", application_id);
	else
		db_bind_null(&st, ":application_id");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	db_bind_int64(&st, ":limit", limit);
	while ((step = db_step(&st)) == DB_ROW) {
		struct application_event *e = xgrow(&list, &count, &cap, sizeof *list);
		e->id = db_column_int64(&st, 0);
		e->candidate_id = db_column_int64(&st, 1);
		e->application_id = db_column_int64(&st, 2);
		e->position_id = db_column_int64(&st, 3);
		e->at = db_column_int64(&st, 4);
		e->user_id = db_column_int64(&st, 5);
		db_column_text_copy(&st, 6, e->user_name, sizeof e->user_name);
		db_column_text_copy(&st, 7, kind, sizeof kind);
		if (!event_kind_parse(kind, &e->kind)) {
			log_error("event %lld has an unknown kind '%s'", (long long)e->id, kind);
			rc = STORE_ERROR;
			break;
		}
		db_column_text_copy(&st, 8, e->from_stage, sizeof e->from_stage);
		db_column_text_copy(&st, 9, e->to_stage, sizeof e->to_stage);
		db_column_text_copy(&st, 10, e->text, sizeof e->text);
	}
	if (rc == STORE_OK && step == DB_FAIL)
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

enum store_rc store_channel_plan_get(struct store *s, int64_t position_id, struct channel_plan_item **out, size_t *n)
{
	struct db_stmt st;
	struct channel_plan_item *list = NULL;
	size_t count = 0;
	enum store_rc rc;
	enum db_step_result step;
	enum channel ch;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	if ((rc = row_exists(&st, position_id, STORE_NOT_FOUND)) != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "SELECT channel, coalesce(owner_id, 0), budget_cents, start_date FROM channel_plans"
		   " WHERE position_id = :position_id ORDER BY id");
	db_bind_int64(&st, ":position_id", position_id);
	list = xcalloc(CHANNEL__COUNT, sizeof *list);
	while ((step = db_step(&st)) == DB_ROW) {
		struct channel_plan_item item;
		memset(&item, 0, sizeof item);
		db_column_text_copy(&st, 0, item.channel, sizeof item.channel);
		item.owner_id = db_column_int64(&st, 1);
		item.budget_cents = db_column_int64(&st, 2);
		db_column_text_copy(&st, 3, item.start_date, sizeof item.start_date);
		if (!channel_parse(item.channel, &ch) || count == CHANNEL__COUNT) {
			log_error("channel plan of position %lld holds an unknown channel '%s'", (long long)position_id,
				  item.channel);
			continue;
		}
		list[count++] = item;
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	/* catalogue order: stable by channel enum value */
	for (size_t i = 1; i < count; i++) {
		struct channel_plan_item key = list[i];
		enum channel kc, jc;
		channel_parse(key.channel, &kc);
		size_t j = i;
		while (j > 0 && (channel_parse(list[j - 1].channel, &jc), jc > kc)) {
			list[j] = list[j - 1];
			j--;
		}
		list[j] = key;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_channel_plan_set(struct store *s, const struct actor *who, int64_t position_id,
				     const struct channel_plan_item *items, size_t n, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct field_problem problems[4];
	json_t *changes = NULL, *channels = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	if ((rc = row_exists(&st, position_id, STORE_NOT_FOUND)) != STORE_OK)
		goto cleanup;
	if (channel_plan_validate(items, n, problems, 4) > 0) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "DELETE FROM channel_plans WHERE position_id = :position_id");
	db_bind_int64(&st, ":position_id", position_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	channels = json_array();
	for (size_t i = 0; i < n; i++) {
		if (items[i].owner_id > 0) {
			db_prepare(s, &st, "SELECT 1 FROM users WHERE id = :id");
			if ((rc = row_exists(&st, items[i].owner_id, STORE_INVALID)) != STORE_OK)
				goto cleanup;
		}
		db_prepare(s, &st,
			   "INSERT INTO channel_plans (position_id, channel, owner_id, budget_cents, start_date)"
			   " VALUES (:position_id, :channel, :owner_id, :budget_cents, :start_date)");
		db_bind_int64(&st, ":position_id", position_id);
		db_bind_text(&st, ":channel", items[i].channel);
		if (items[i].owner_id > 0)
			db_bind_int64(&st, ":owner_id", items[i].owner_id);
		else
			db_bind_null(&st, ":owner_id");
		db_bind_int64(&st, ":budget_cents", items[i].budget_cents);
		db_bind_text(&st, ":start_date", items[i].start_date);
		if ((rc = db_run(&st)) != STORE_OK)
			goto cleanup;
		json_array_append_new(channels, json_string(items[i].channel));
	}
	changes = json_object();
	json_object_set(changes, "channels", channels);
	rc = store_audit_json(s, who, "position", position_id, "channel_plan", changes, now);
cleanup:
	json_decref(channels);
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_channel_facts(struct store *s, int64_t position_id, struct channel_fact **out, size_t *n)
{
	struct db_stmt st;
	struct channel_fact *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT a.channel,"
		   " a.stage IN ('first_interview', 'deep_interview', 'final_interview', 'offer', 'hired') OR EXISTS"
		   " (SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.kind = 'stage' AND"
		   " e.to_stage IN ('first_interview', 'deep_interview', 'final_interview', 'offer', 'hired')),"
		   " a.stage IN ('offer', 'hired') OR EXISTS (SELECT 1 FROM application_events e"
		   " WHERE e.application_id = a.id AND e.kind = 'stage' AND e.to_stage IN ('offer', 'hired')),"
		   " a.stage = 'hired', a.created_at,"
		   " CASE WHEN a.stage = 'hired' THEN coalesce((SELECT max(e.at) FROM application_events e"
		   " WHERE e.application_id = a.id AND e.kind = 'stage' AND e.to_stage = 'hired'), a.stage_entered_at)"
		   " ELSE 0 END"
		   " FROM applications a WHERE (:position_id IS NULL OR a.position_id = :position_id) ORDER BY a.id");
	if (position_id > 0)
		db_bind_int64(&st, ":position_id", position_id);
	else
		db_bind_null(&st, ":position_id");
	while ((step = db_step(&st)) == DB_ROW) {
		struct channel_fact *f = xgrow(&list, &count, &cap, sizeof *list);
		db_column_text_copy(&st, 0, f->channel, sizeof f->channel);
		f->reached_first_interview = db_column_int64(&st, 1) != 0;
		f->offered = db_column_int64(&st, 2) != 0;
		f->hired = db_column_int64(&st, 3) != 0;
		f->applied_at = db_column_int64(&st, 4);
		f->hired_at = db_column_int64(&st, 5);
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

enum store_rc store_channel_budgets(struct store *s, int64_t position_id, struct channel_budget **out, size_t *n)
{
	struct db_stmt st;
	struct channel_budget *list = NULL;
	size_t count = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT channel, sum(budget_cents) FROM channel_plans"
		   " WHERE (:position_id IS NULL OR position_id = :position_id) GROUP BY channel ORDER BY channel");
	if (position_id > 0)
		db_bind_int64(&st, ":position_id", position_id);
	else
		db_bind_null(&st, ":position_id");
	list = xcalloc(CHANNEL__COUNT, sizeof *list);
	while ((step = db_step(&st)) == DB_ROW && count < CHANNEL__COUNT) {
		db_column_text_copy(&st, 0, list[count].channel, sizeof list[count].channel);
		list[count].budget_cents = db_column_int64(&st, 1);
		count++;
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
