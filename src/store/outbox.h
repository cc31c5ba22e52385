/*
 * outbox.h — candidate messages (R-COMM-2): overrides of the built-in
 * templates (data/messages/{de,en}.json) and the outbox the SMTP worker
 * delivers from.
 *
 * An outbox row moves queued → sending (claimed by a worker) → sent, or →
 * failed (with last_error and the time of the next attempt chosen by the
 * caller's back-off; a failed row is due again at next_attempt_at) — or
 * straight to manual when a user copied the text and marked it as sent by
 * hand. A row stuck in sending after a crash is put back to queued by
 * store_outbox_reset_stuck. Sent and manual both write a contact event
 * (store_application_add_event, EVENT_CONTACT, text "Email: <subject>") in
 * the same unit of work, so the message counts for guard.no_contact and
 * shows in the candidate's timeline. Enqueueing and every outcome (sent,
 * failed, manual) and template changes are audited (R-X-4) as the actor
 * given (the worker passes its system actor); claiming and resetting stuck
 * claims are bookkeeping and not audited.
 *
 * Kinds: acknowledgement, invitation, interim, rejection, offer. Languages:
 * de, en.
 */
#ifndef STELLWERK_STORE_OUTBOX_H
#define STELLWERK_STORE_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/candidate.h"
#include "store/store.h"

#define MESSAGE_KIND_MAX 16               /* bytes incl. NUL */
#define MESSAGE_SUBJECT_MAX 300           /* bytes */
#define MESSAGE_BODY_MAX 20000            /* bytes */
#define OUTBOX_ERROR_MAX 500              /* bytes kept of last_error */

/* Whether kind is one of the five message kinds / lang is de or en. */
bool message_kind_valid(const char *kind);
bool message_lang_valid(const char *lang);

/* --- template overrides --- */

struct message_template {
	int64_t id;
	char kind[MESSAGE_KIND_MAX];
	char lang[4];
	char subject[MESSAGE_SUBJECT_MAX + 1];
	char body[MESSAGE_BODY_MAX + 1];
	int64_t updated_by;               /* read only */
	int64_t updated_at;               /* read only */
};

/* The override for kind and lang; STORE_NOT_FOUND when the built-in
 * template applies. */
enum store_rc store_message_template_get(struct store *s, const char *kind, const char *lang,
					 struct message_template *out);
/* Inserts or replaces the override of t->kind, t->lang. STORE_INVALID for an
 * unknown kind or lang, an empty subject or body, or text too long or not
 * UTF-8. */
enum store_rc store_message_template_set(struct store *s, const struct actor *who, const struct message_template *t,
					 int64_t now);
/* Removes the override (back to the built-in). STORE_NOT_FOUND when none. */
enum store_rc store_message_template_delete(struct store *s, const struct actor *who, const char *kind,
					    const char *lang, int64_t now);
/* Every override ordered by kind, lang. *out is malloc'd (caller frees). */
enum store_rc store_message_template_list(struct store *s, struct message_template **out, size_t *n);

/* --- outbox --- */

enum outbox_status { OUTBOX_QUEUED, OUTBOX_SENDING, OUTBOX_SENT, OUTBOX_FAILED, OUTBOX_MANUAL };

/* "queued", "sending", "sent", "failed", "manual"; parse gives false for
 * anything else. */
const char *outbox_status_code(enum outbox_status st);
bool outbox_status_parse(const char *code, enum outbox_status *out);

struct outbox_message {
	int64_t id;
	int64_t candidate_id;
	int64_t application_id;           /* 0 = about the candidate alone */
	char candidate_name[2 * CANDIDATE_NAME_MAX + 2];  /* read only: "First Last" */
	char kind[MESSAGE_KIND_MAX];
	char lang[4];
	char to_address[CANDIDATE_EMAIL_MAX + 1];
	char subject[MESSAGE_SUBJECT_MAX + 1];
	char body[MESSAGE_BODY_MAX + 1];
	enum outbox_status status;        /* read only */
	int attempts;                     /* read only */
	int64_t next_attempt_at;          /* read only */
	char last_error[OUTBOX_ERROR_MAX + 1];  /* read only */
	int64_t created_by;               /* read only */
	int64_t created_at;               /* read only */
	int64_t sent_at;                  /* read only; 0 = not sent */
};

/* Queues m (candidate_id, application_id, kind, lang, to_address, subject,
 * body — rendered by the caller) as status queued, due now; sets m->id.
 * STORE_INVALID for an unknown candidate, an application of another
 * candidate, an unknown kind or lang, an empty address, subject or body, or
 * text too long or not UTF-8. */
enum store_rc store_outbox_enqueue(struct store *s, const struct actor *who, struct outbox_message *m, int64_t now);

enum store_rc store_outbox_get(struct store *s, int64_t id, struct outbox_message *out);

/* Filters of store_outbox_list; 0 / false means "any". */
struct outbox_filter {
	bool by_status;
	enum outbox_status status;
	int64_t candidate_id;
	int64_t application_id;
	int limit;                        /* 0 = 200 */
};
/* Messages matching f, newest first. *out is malloc'd (caller frees). */
enum store_rc store_outbox_list(struct store *s, const struct outbox_filter *f, struct outbox_message **out,
				size_t *n);

/* Atomically claims the oldest due message (queued or failed with
 * next_attempt_at <= now) for sending: status sending, attempts + 1, and
 * fills *out. STORE_NOT_FOUND when nothing is due. Two workers never claim
 * the same row. */
enum store_rc store_outbox_claim(struct store *s, int64_t now, struct outbox_message *out);

/* Marks the claimed message id as sent at now and writes its contact event,
 * one unit of work. STORE_NOT_FOUND for no such message; STORE_INVALID when
 * it is not in status sending. */
enum store_rc store_outbox_mark_sent(struct store *s, const struct actor *who, int64_t id, int64_t now);

/* Marks the claimed message id as failed with error (cut to
 * OUTBOX_ERROR_MAX) and due again at next_attempt_at. STORE_NOT_FOUND;
 * STORE_INVALID when not in status sending. */
enum store_rc store_outbox_mark_failed(struct store *s, const struct actor *who, int64_t id, const char *error,
				       int64_t next_attempt_at, int64_t now);

/* A user sent message id by hand (copied it): status manual, sent_at now,
 * contact event by who, audited. STORE_NOT_FOUND; STORE_INVALID when it is
 * already sent, manual, or being sent right now. */
enum store_rc store_outbox_mark_manual(struct store *s, const struct actor *who, int64_t id, int64_t now);

/* A user asks to send failed message id again now: status queued, due at
 * now (attempts and last_error kept), audited. STORE_NOT_FOUND;
 * STORE_INVALID when it is not in status failed. */
enum store_rc store_outbox_retry(struct store *s, const struct actor *who, int64_t id, int64_t now);


/* Puts messages in status sending whose claim is older than
 * max_age_seconds back to queued, due now (crash recovery; the claim time
 * is kept in next_attempt_at while sending). Sets *reset to their number
 * when not NULL. */
enum store_rc store_outbox_reset_stuck(struct store *s, int64_t now, int64_t max_age_seconds, int *reset);

#endif
