/*
 * outbox.c — message template overrides and the outbox; see outbox.h.
 *
 * While a message is in status sending, next_attempt_at holds the time it
 * was claimed, which is what store_outbox_reset_stuck measures. Claiming and
 * resetting are bookkeeping of the worker and not audited (like
 * store_token_touch); enqueueing and every outcome are.
 */
#include "store/outbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/applications.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define OUTBOX_LIST_DEFAULT 200

static const char *const MESSAGE_KINDS[] = { "acknowledgement", "invitation", "interim", "rejection", "offer" };
static const char *const OUTBOX_STATUS_CODES[] = { "queued", "sending", "sent", "failed", "manual" };

bool message_kind_valid(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof MESSAGE_KINDS / sizeof MESSAGE_KINDS[0]; i++)
		if (strcmp(kind, MESSAGE_KINDS[i]) == 0)
			return true;
	return false;
}

bool message_lang_valid(const char *lang)
{
	return lang && (strcmp(lang, "de") == 0 || strcmp(lang, "en") == 0);
}

const char *outbox_status_code(enum outbox_status st)
{
	return (unsigned)st < sizeof OUTBOX_STATUS_CODES / sizeof OUTBOX_STATUS_CODES[0] ? OUTBOX_STATUS_CODES[st]
											 : "queued";
}

bool outbox_status_parse(const char *code, enum outbox_status *out)
{
	for (size_t i = 0; code && i < sizeof OUTBOX_STATUS_CODES / sizeof OUTBOX_STATUS_CODES[0]; i++)
		if (strcmp(code, OUTBOX_STATUS_CODES[i]) == 0) {
			*out = (enum outbox_status)i;
			return true;
		}
	return false;
}

/* Whether text is 1..max bytes (0..max when may_be_empty) of UTF-8. */
static bool text_ok(const char *text, size_t max, bool may_be_empty)
{
	size_t len = strlen(text);
	if (len == 0)
		return may_be_empty;
	return len <= max && utf8_valid(text, len);
}

/* --- template overrides --- */

static void template_from_row(struct db_stmt *st, struct message_template *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, t->kind, sizeof t->kind);
	db_column_text_copy(st, 2, t->lang, sizeof t->lang);
	db_column_text_copy(st, 3, t->subject, sizeof t->subject);
	db_column_text_copy(st, 4, t->body, sizeof t->body);
	t->updated_by = db_column_int64(st, 5);
	t->updated_at = db_column_int64(st, 6);
}

enum store_rc store_message_template_get(struct store *s, const char *kind, const char *lang,
					 struct message_template *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT id, kind, lang, subject, body, coalesce(updated_by, 0), updated_at FROM message_templates"
		   " WHERE kind = :kind AND lang = :lang");
	db_bind_text(&st, ":kind", kind);
	db_bind_text(&st, ":lang", lang);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		template_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_message_template_set(struct store *s, const struct actor *who, const struct message_template *t,
					 int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct message_template *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!message_kind_valid(t->kind) || !message_lang_valid(t->lang) ||
	    !text_ok(t->subject, MESSAGE_SUBJECT_MAX, false) || !text_ok(t->body, MESSAGE_BODY_MAX, false)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	rc = store_message_template_get(s, t->kind, t->lang, old);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		goto cleanup;
	bool existed = rc == STORE_OK;
	db_prepare(s, &st,
		   "INSERT INTO message_templates (kind, lang, subject, body, updated_by, updated_at)"
		   " VALUES (:kind, :lang, :subject, :body, :by, :now) ON CONFLICT (kind, lang) DO UPDATE"
		   " SET subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by,"
		   " updated_at = excluded.updated_at");
	db_bind_text(&st, ":kind", t->kind);
	db_bind_text(&st, ":lang", t->lang);
	db_bind_text(&st, ":subject", t->subject);
	db_bind_text(&st, ":body", t->body);
	if (who->user_id > 0)
		db_bind_int64(&st, ":by", who->user_id);
	else
		db_bind_null(&st, ":by");
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:s}", "kind", t->kind, "lang", t->lang);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	audit_change_text(changes, "subject", existed ? old->subject : "", t->subject);
	audit_change_text(changes, "body", existed ? old->body : "", t->body);
	if ((rc = store_message_template_get(s, t->kind, t->lang, old)) != STORE_OK)
		goto cleanup;
	rc = store_audit_json(s, who, "message_template", old->id, existed ? "update" : "create", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_message_template_delete(struct store *s, const struct actor *who, const char *kind,
					    const char *lang, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	struct message_template *old = xcalloc(1, sizeof *old);
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_message_template_get(s, kind, lang, old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM message_templates WHERE id = :id");
	db_bind_int64(&st, ":id", old->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:s}", "kind", kind, "lang", lang);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "message_template", old->id, "delete", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_message_template_list(struct store *s, struct message_template **out, size_t *n)
{
	struct db_stmt st;
	struct message_template *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT id, kind, lang, subject, body, coalesce(updated_by, 0), updated_at FROM message_templates"
		   " ORDER BY kind, lang");
	while ((step = db_step(&st)) == DB_ROW) {
		template_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
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

/* --- outbox --- */

#define OUTBOX_COLUMNS                                                                                     \
	"o.id, o.candidate_id, coalesce(o.application_id, 0), trim(c.first_name || ' ' || c.last_name),"       \
	" o.kind, o.lang, o.to_address, o.subject, o.body, o.status, o.attempts, coalesce(o.next_attempt_at, 0)," \
	" o.last_error, coalesce(o.created_by, 0), o.created_at, coalesce(o.sent_at, 0)"

static void outbox_from_row(struct db_stmt *st, struct outbox_message *m)
{
	char status[16];
	memset(m, 0, sizeof *m);
	m->id = db_column_int64(st, 0);
	m->candidate_id = db_column_int64(st, 1);
	m->application_id = db_column_int64(st, 2);
	db_column_text_copy(st, 3, m->candidate_name, sizeof m->candidate_name);
	db_column_text_copy(st, 4, m->kind, sizeof m->kind);
	db_column_text_copy(st, 5, m->lang, sizeof m->lang);
	db_column_text_copy(st, 6, m->to_address, sizeof m->to_address);
	db_column_text_copy(st, 7, m->subject, sizeof m->subject);
	db_column_text_copy(st, 8, m->body, sizeof m->body);
	db_column_text_copy(st, 9, status, sizeof status);
	if (!outbox_status_parse(status, &m->status))
		m->status = OUTBOX_QUEUED;
	m->attempts = (int)db_column_int64(st, 10);
	m->next_attempt_at = db_column_int64(st, 11);
	db_column_text_copy(st, 12, m->last_error, sizeof m->last_error);
	m->created_by = db_column_int64(st, 13);
	m->created_at = db_column_int64(st, 14);
	m->sent_at = db_column_int64(st, 15);
}

enum store_rc store_outbox_get(struct store *s, int64_t id, struct outbox_message *out)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT " OUTBOX_COLUMNS " FROM outbox o JOIN candidates c ON c.id = o.candidate_id"
		   " WHERE o.id = :id");
	db_bind_int64(&st, ":id", id);
	enum store_rc rc = db_step_row(&st);
	if (rc == STORE_OK)
		outbox_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_outbox_enqueue(struct store *s, const struct actor *who, struct outbox_message *m, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!message_kind_valid(m->kind) || !message_lang_valid(m->lang) ||
	    !text_ok(m->to_address, CANDIDATE_EMAIL_MAX, false) || !text_ok(m->subject, MESSAGE_SUBJECT_MAX, false) ||
	    !text_ok(m->body, MESSAGE_BODY_MAX, false) || strchr(m->to_address, '\n') || strchr(m->to_address, '\r')) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if (m->application_id > 0) {
		db_prepare(s, &st, "SELECT 1 FROM applications WHERE id = :id AND candidate_id = :candidate_id");
		db_bind_int64(&st, ":id", m->application_id);
	} else {
		db_prepare(s, &st, "SELECT 1 FROM candidates WHERE id = :candidate_id");
	}
	db_bind_int64(&st, ":candidate_id", m->candidate_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc == STORE_NOT_FOUND)
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO outbox (candidate_id, application_id, kind, lang, to_address, subject, body, status,"
		   " next_attempt_at, created_by, created_at) VALUES (:candidate_id, :application_id, :kind, :lang,"
		   " :to_address, :subject, :body, 'queued', :now, :by, :now)");
	db_bind_int64(&st, ":candidate_id", m->candidate_id);
	if (m->application_id > 0)
		db_bind_int64(&st, ":application_id", m->application_id);
	else
		db_bind_null(&st, ":application_id");
	db_bind_text(&st, ":kind", m->kind);
	db_bind_text(&st, ":lang", m->lang);
	db_bind_text(&st, ":to_address", m->to_address);
	db_bind_text(&st, ":subject", m->subject);
	db_bind_text(&st, ":body", m->body);
	db_bind_int64(&st, ":now", now);
	if (who->user_id > 0)
		db_bind_int64(&st, ":by", who->user_id);
	else
		db_bind_null(&st, ":by");
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	int64_t id = db_last_insert_id(s);
	changes = json_pack("{s:I, s:I, s:s, s:s, s:s}", "candidate_id", (json_int_t)m->candidate_id,
			    "application_id", (json_int_t)m->application_id, "kind", m->kind, "lang", m->lang,
			    "subject", m->subject);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if ((rc = store_audit_json(s, who, "outbox", id, "enqueue", changes, now)) == STORE_OK) {
		m->id = id;
		m->status = OUTBOX_QUEUED;
		m->attempts = 0;
		m->next_attempt_at = now;
		m->created_by = who->user_id;
		m->created_at = now;
		m->sent_at = 0;
		m->last_error[0] = '\0';
	}
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_outbox_list(struct store *s, const struct outbox_filter *f, struct outbox_message **out,
				size_t *n)
{
	struct db_stmt st;
	struct outbox_message *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT " OUTBOX_COLUMNS " FROM outbox o JOIN candidates c ON c.id = o.candidate_id"
		   " WHERE (:status = '' OR o.status = :status)"
		   " AND (:candidate_id = 0 OR o.candidate_id = :candidate_id)"
		   " AND (:application_id = 0 OR o.application_id = :application_id)"
		   " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit");
	db_bind_text(&st, ":status", f->by_status ? outbox_status_code(f->status) : "");
	db_bind_int64(&st, ":candidate_id", f->candidate_id > 0 ? f->candidate_id : 0);
	db_bind_int64(&st, ":application_id", f->application_id > 0 ? f->application_id : 0);
	db_bind_int64(&st, ":limit", f->limit > 0 ? f->limit : OUTBOX_LIST_DEFAULT);
	while ((step = db_step(&st)) == DB_ROW) {
		outbox_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
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

enum store_rc store_outbox_claim(struct store *s, int64_t now, struct outbox_message *out)
{
	struct db_write w;
	struct db_stmt st;
	int64_t id = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	/* The write transaction (BEGIN IMMEDIATE) serialises claims: the row
	 * read here cannot be claimed by another connection before the update. */
	db_prepare(s, &st,
		   "SELECT id FROM outbox WHERE status IN ('queued', 'failed') AND coalesce(next_attempt_at, 0) <= :now"
		   " ORDER BY coalesce(next_attempt_at, 0), id LIMIT 1");
	db_bind_int64(&st, ":now", now);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		id = db_column_int64(&st, 0);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = :now"
		   " WHERE id = :id AND status IN ('queued', 'failed')");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if (db_changes(s) != 1) {
		rc = STORE_NOT_FOUND;
		goto cleanup;
	}
	rc = store_outbox_get(s, id, out);
cleanup:
	return db_write_end(s, &w, rc);
}

/* Sets message m to status (sent or manual) at now and writes its contact
 * event and audit row; part of the caller's unit of work. */
static enum store_rc outbox_finish(struct store *s, const struct actor *who, const struct outbox_message *m,
				   const char *status, int64_t now)
{
	struct db_stmt st;
	char text[MESSAGE_SUBJECT_MAX + 16];
	db_prepare(s, &st,
		   "UPDATE outbox SET status = :status, sent_at = :now, last_error = '', next_attempt_at = NULL"
		   " WHERE id = :id");
	db_bind_text(&st, ":status", status);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", m->id);
	enum store_rc rc = db_run(&st);
	if (rc != STORE_OK)
		return rc;
	snprintf(text, sizeof text, "Email: %s", m->subject);
	rc = store_application_add_event(s, who, m->candidate_id, m->application_id, EVENT_CONTACT, text, now, NULL);
	if (rc != STORE_OK)
		return rc == STORE_NOT_FOUND ? STORE_INVALID : rc;
	json_t *changes = json_pack("{s:[s,s], s:I}", "status", outbox_status_code(m->status), status, "sent_at",
				    (json_int_t)now);
	if (!changes)
		return STORE_ERROR;
	rc = store_audit_json(s, who, "outbox", m->id, status, changes, now);
	json_decref(changes);
	return rc;
}

enum store_rc store_outbox_mark_sent(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct outbox_message *m = xcalloc(1, sizeof *m);
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_outbox_get(s, id, m)) != STORE_OK)
		goto cleanup;
	if (m->status != OUTBOX_SENDING) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	rc = outbox_finish(s, who, m, "sent", now);
cleanup:
	free(m);
	return db_write_end(s, &w, rc);
}

enum store_rc store_outbox_mark_manual(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct outbox_message *m = xcalloc(1, sizeof *m);
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_outbox_get(s, id, m)) != STORE_OK)
		goto cleanup;
	if (m->status != OUTBOX_QUEUED && m->status != OUTBOX_FAILED) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	rc = outbox_finish(s, who, m, "manual", now);
cleanup:
	free(m);
	return db_write_end(s, &w, rc);
}

enum store_rc store_outbox_retry(struct store *s, const struct actor *who, int64_t id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct outbox_message *m = xcalloc(1, sizeof *m);
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_outbox_get(s, id, m)) != STORE_OK)
		goto cleanup;
	if (m->status != OUTBOX_FAILED) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st, "UPDATE outbox SET status = 'queued', next_attempt_at = :now WHERE id = :id AND status = 'failed'");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[s,s], s:I}", "status", "failed", "queued", "next_attempt_at", (json_int_t)now);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "outbox", id, "retry", changes, now);
cleanup:
	json_decref(changes);
	free(m);
	return db_write_end(s, &w, rc);
}

enum store_rc store_outbox_mark_failed(struct store *s, const struct actor *who, int64_t id, const char *error,
				       int64_t next_attempt_at, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct outbox_message *m = xcalloc(1, sizeof *m);
	char cut[OUTBOX_ERROR_MAX + 1];
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_outbox_get(s, id, m)) != STORE_OK)
		goto cleanup;
	if (m->status != OUTBOX_SENDING) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	/* Keep at most OUTBOX_ERROR_MAX bytes, not splitting a UTF-8 sequence;
	 * an error that is not UTF-8 at all is recorded generically. */
	snprintf(cut, sizeof cut, "%s", error ? error : "");
	size_t len = strlen(cut);
	while (len > 0 && !utf8_valid(cut, len))
		cut[--len] = '\0';
	if (len == 0 && error && error[0])
		snprintf(cut, sizeof cut, "%s", "delivery failed");
	db_prepare(s, &st,
		   "UPDATE outbox SET status = 'failed', last_error = :error, next_attempt_at = :next WHERE id = :id");
	db_bind_text(&st, ":error", cut);
	db_bind_int64(&st, ":next", next_attempt_at);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[s,s], s:I, s:I, s:s}", "status", "sending", "failed", "attempts",
			    (json_int_t)m->attempts, "next_attempt_at", (json_int_t)next_attempt_at, "error", cut);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "outbox", id, "failed", changes, now);
cleanup:
	json_decref(changes);
	free(m);
	return db_write_end(s, &w, rc);
}

enum store_rc store_outbox_reset_stuck(struct store *s, int64_t now, int64_t max_age_seconds, int *reset)
{
	struct db_stmt st;
	if (reset)
		*reset = 0;
	db_prepare(s, &st,
		   "UPDATE outbox SET status = 'queued', next_attempt_at = :now"
		   " WHERE status = 'sending' AND coalesce(next_attempt_at, 0) <= :limit");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":limit", now - max_age_seconds);
	enum store_rc rc = db_run(&st);
	if (rc == STORE_OK && reset)
		*reset = (int)db_changes(s);
	return rc;
}
