/*
 * test_store_outbox.c — message template overrides and the outbox
 * (store/outbox.h) against a real database in a fresh temporary directory
 * per test: enqueue → claim → sent writes a contact event and moves
 * last_contact_at; a failure is retried when due; "copy and mark as sent";
 * crash recovery of stuck claims; template overrides.
 *
 * Spec references: R-COMM-2 (outbox with retry, manual sending, contact
 * counts for guard.no_contact and the timeline), R-GUARD-3 (contact
 * feeds no_contact), R-X-4 (audit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/organisations.h"
#include "store/outbox.h"
#include "store/positions.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t cand, app, other_cand, weber;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-outbox");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = o.id;
	strcpy(p.title, "Key Account Manager");
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, "Jonas");
	strcpy(c.last_name, "Brüggemann");
	strcpy(c.email, "jonas@example.org");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	f->cand = c.id;
	candidate_init(&c);
	strcpy(c.first_name, "Aylin");
	strcpy(c.last_name, "Demir");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	f->other_cand = c.id;
	struct application a;
	memset(&a, 0, sizeof a);
	a.candidate_id = f->cand;
	a.position_id = p.id;
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	f->app = a.id;
	f->weber = temp_store_add_user(f->s, "weber", "Anna Weber", ROLE_RECRUITER, NOW);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0);
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

static int64_t enqueue(struct fixture *f, const char *subject, int64_t at)
{
	struct outbox_message *m = calloc(1, sizeof *m);
	struct actor weber = { f->weber, "weber", NULL };
	assert_non_null(m);
	m->candidate_id = f->cand;
	m->application_id = f->app;
	strcpy(m->kind, "invitation");
	strcpy(m->lang, "de");
	strcpy(m->to_address, "jonas@example.org");
	strcpy(m->subject, subject);
	strcpy(m->body, "Guten Tag Herr Brüggemann,\n\nwir laden Sie ein.");
	assert_int_equal(store_outbox_enqueue(f->s, &weber, m, at), STORE_OK);
	assert_true(m->id > 0);
	int64_t id = m->id;
	free(m);
	return id;
}

/* The contact events of the fixture's application, newest first. */
static size_t contact_events(struct fixture *f, char *last_text, size_t len)
{
	struct application_event *ev;
	size_t n, contacts = 0;
	assert_int_equal(store_application_events(f->s, 0, f->app, 0, &ev, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (ev[i].kind == EVENT_CONTACT) {
			if (contacts++ == 0 && last_text)
				strncpy(last_text, ev[i].text, len - 1);
		}
	free(ev);
	return contacts;
}

/* R-COMM-2, R-GUARD-3: queued → claimed → sent writes the contact event
 * "Email: <subject>" and updates last_contact_at. */
static void test_send_writes_contact(void **state)
{
	struct fixture *f = *state;
	struct outbox_message *m = calloc(1, sizeof *m);
	struct application a;
	char text[200] = "";
	struct actor sys = { 0, "system", NULL };
	assert_non_null(m);

	int64_t id = enqueue(f, "Einladung zum Gespräch", NOW + 10);
	assert_string_equal(last_audit(f->s).action, "enqueue");
	assert_int_equal(store_outbox_get(f->s, id, m), STORE_OK);
	assert_int_equal(m->status, OUTBOX_QUEUED);
	assert_string_equal(m->candidate_name, "Jonas Brüggemann");
	assert_int_equal(m->next_attempt_at, NOW + 10);

	/* not due before it was queued */
	assert_int_equal(store_outbox_claim(f->s, NOW + 9, m), STORE_NOT_FOUND);
	assert_int_equal(store_outbox_claim(f->s, NOW + 20, m), STORE_OK);
	assert_int_equal(m->id, id);
	assert_int_equal(m->status, OUTBOX_SENDING);
	assert_int_equal(m->attempts, 1);
	/* claimed once: nobody else gets it */
	assert_int_equal(store_outbox_claim(f->s, NOW + 21, m), STORE_NOT_FOUND);

	assert_int_equal(contact_events(f, NULL, 0), 0);
	assert_int_equal(store_outbox_mark_sent(f->s, &sys, id, NOW + 30), STORE_OK);
	assert_int_equal(store_outbox_get(f->s, id, m), STORE_OK);
	assert_int_equal(m->status, OUTBOX_SENT);
	assert_int_equal(m->sent_at, NOW + 30);
	assert_int_equal(contact_events(f, text, sizeof text), 1);
	assert_string_equal(text, "Email: Einladung zum Gespräch");
	assert_int_equal(store_application_get(f->s, f->app, &a), STORE_OK);
	assert_int_equal(a.last_contact_at, NOW + 30);
	assert_string_equal(last_audit(f->s).action, "sent");

	/* a sent message cannot be marked again */
	assert_int_equal(store_outbox_mark_sent(f->s, &sys, id, NOW + 31), STORE_INVALID);
	assert_int_equal(store_outbox_mark_manual(f->s, &sys, id, NOW + 31), STORE_INVALID);
	assert_int_equal(contact_events(f, NULL, 0), 1);
	free(m);
}

/* R-COMM-2: a failure keeps the error and is retried only when due; no
 * contact is recorded for it. */
static void test_failed_retried_later(void **state)
{
	struct fixture *f = *state;
	struct outbox_message *m = calloc(1, sizeof *m);
	struct actor sys = { 0, "system", NULL };
	assert_non_null(m);
	int64_t id = enqueue(f, "Zwischenstand", NOW);
	assert_int_equal(store_outbox_claim(f->s, NOW + 1, m), STORE_OK);
	assert_int_equal(store_outbox_mark_failed(f->s, &sys, id, "connection refused", NOW + 301, NOW + 1), STORE_OK);
	assert_int_equal(store_outbox_get(f->s, id, m), STORE_OK);
	assert_int_equal(m->status, OUTBOX_FAILED);
	assert_string_equal(m->last_error, "connection refused");
	assert_int_equal(m->next_attempt_at, NOW + 301);
	assert_int_equal(contact_events(f, NULL, 0), 0);
	/* failed twice is refused: it is not being sent */
	assert_int_equal(store_outbox_mark_failed(f->s, &sys, id, "x", NOW + 400, NOW + 2), STORE_INVALID);

	assert_int_equal(store_outbox_claim(f->s, NOW + 300, m), STORE_NOT_FOUND);
	assert_int_equal(store_outbox_claim(f->s, NOW + 301, m), STORE_OK);
	assert_int_equal(m->id, id);
	assert_int_equal(m->attempts, 2);
	assert_int_equal(store_outbox_mark_sent(f->s, &sys, id, NOW + 302), STORE_OK);
	assert_int_equal(contact_events(f, NULL, 0), 1);

	struct outbox_message *list;
	size_t n;
	struct outbox_filter sent = { .by_status = true, .status = OUTBOX_SENT };
	assert_int_equal(store_outbox_list(f->s, &sent, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].attempts, 2);
	free(list);
	struct outbox_filter other = { .candidate_id = f->other_cand };
	assert_int_equal(store_outbox_list(f->s, &other, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	free(m);
}

/* R-COMM-2: copied and marked as sent by hand counts as contact by the user. */
static void test_manual_mark(void **state)
{
	struct fixture *f = *state;
	struct outbox_message *m = calloc(1, sizeof *m);
	struct actor weber = { f->weber, "weber", NULL };
	struct application a;
	char text[200] = "";
	assert_non_null(m);
	int64_t id = enqueue(f, "Absage", NOW);
	assert_int_equal(store_outbox_mark_manual(f->s, &weber, id, NOW + 50), STORE_OK);
	assert_int_equal(store_outbox_get(f->s, id, m), STORE_OK);
	assert_int_equal(m->status, OUTBOX_MANUAL);
	assert_string_equal(outbox_status_code(m->status), "manual");
	assert_int_equal(m->sent_at, NOW + 50);
	assert_int_equal(contact_events(f, text, sizeof text), 1);
	assert_string_equal(text, "Email: Absage");
	assert_int_equal(store_application_get(f->s, f->app, &a), STORE_OK);
	assert_int_equal(a.last_contact_at, NOW + 50);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "manual");
	assert_int_equal(e.user_id, f->weber);
	/* no longer due for the worker */
	assert_int_equal(store_outbox_claim(f->s, NOW + 60, m), STORE_NOT_FOUND);
	free(m);
}

/* A claim left in sending by a crashed worker goes back to the queue. */
static void test_reset_stuck(void **state)
{
	struct fixture *f = *state;
	struct outbox_message *m = calloc(1, sizeof *m);
	int reset = -1;
	assert_non_null(m);
	int64_t id = enqueue(f, "Angebot", NOW);
	assert_int_equal(store_outbox_claim(f->s, NOW + 10, m), STORE_OK);
	assert_int_equal(store_outbox_reset_stuck(f->s, NOW + 100, 600, &reset), STORE_OK);
	assert_int_equal(reset, 0);
	assert_int_equal(store_outbox_reset_stuck(f->s, NOW + 610, 600, &reset), STORE_OK);
	assert_int_equal(reset, 1);
	assert_int_equal(store_outbox_get(f->s, id, m), STORE_OK);
	assert_int_equal(m->status, OUTBOX_QUEUED);
	assert_int_equal(store_outbox_claim(f->s, NOW + 611, m), STORE_OK);
	assert_int_equal(m->attempts, 2);
	free(m);
}

/* Bad input stores nothing. */
static void test_enqueue_invalid(void **state)
{
	struct fixture *f = *state;
	struct outbox_message *m = calloc(1, sizeof *m);
	int64_t before = audit_count(f->s);
	assert_non_null(m);
	m->candidate_id = f->other_cand;
	m->application_id = f->app; /* belongs to another candidate */
	strcpy(m->kind, "invitation");
	strcpy(m->lang, "de");
	strcpy(m->to_address, "aylin@example.org");
	strcpy(m->subject, "Hallo");
	strcpy(m->body, "Text");
	assert_int_equal(store_outbox_enqueue(f->s, &TEST_CLI, m, NOW), STORE_INVALID);
	m->application_id = 0;
	strcpy(m->kind, "spam");
	assert_int_equal(store_outbox_enqueue(f->s, &TEST_CLI, m, NOW), STORE_INVALID);
	strcpy(m->kind, "interim");
	strcpy(m->lang, "fr");
	assert_int_equal(store_outbox_enqueue(f->s, &TEST_CLI, m, NOW), STORE_INVALID);
	strcpy(m->lang, "en");
	strcpy(m->to_address, "a@example.org\r\nBcc: x@example.org");
	assert_int_equal(store_outbox_enqueue(f->s, &TEST_CLI, m, NOW), STORE_INVALID);
	strcpy(m->to_address, "aylin@example.org");
	m->subject[0] = '\0';
	assert_int_equal(store_outbox_enqueue(f->s, &TEST_CLI, m, NOW), STORE_INVALID);
	assert_int_equal(audit_count(f->s), before);
	/* about the candidate alone is fine */
	strcpy(m->subject, "Hallo");
	assert_int_equal(store_outbox_enqueue(f->s, &TEST_CLI, m, NOW), STORE_OK);
	free(m);
}

/* R-COMM-2: template overrides per kind and language. */
static void test_template_overrides(void **state)
{
	struct fixture *f = *state;
	struct message_template *t = calloc(1, sizeof *t);
	struct message_template *got = calloc(1, sizeof *got);
	struct message_template *list;
	size_t n;
	assert_non_null(t);
	assert_non_null(got);
	assert_int_equal(store_message_template_get(f->s, "rejection", "de", got), STORE_NOT_FOUND);
	strcpy(t->kind, "rejection");
	strcpy(t->lang, "de");
	strcpy(t->subject, "Ihre Bewerbung als {{position}}");
	strcpy(t->body, "Guten Tag {{candidate_name}}, ...");
	assert_int_equal(store_message_template_set(f->s, &TEST_CLI, t, NOW), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "create");
	strcpy(t->subject, "Rückmeldung zu {{position}}");
	assert_int_equal(store_message_template_set(f->s, &TEST_CLI, t, NOW + 1), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "update");
	assert_int_equal(store_message_template_get(f->s, "rejection", "de", got), STORE_OK);
	assert_string_equal(got->subject, "Rückmeldung zu {{position}}");
	assert_int_equal(got->updated_at, NOW + 1);
	assert_int_equal(store_message_template_get(f->s, "rejection", "en", got), STORE_NOT_FOUND);
	strcpy(t->lang, "en");
	strcpy(t->subject, "Your application");
	assert_int_equal(store_message_template_set(f->s, &TEST_CLI, t, NOW), STORE_OK);
	assert_int_equal(store_message_template_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].lang, "de");
	assert_string_equal(list[1].lang, "en");
	free(list);
	strcpy(t->kind, "nonsense");
	assert_int_equal(store_message_template_set(f->s, &TEST_CLI, t, NOW), STORE_INVALID);
	assert_int_equal(store_message_template_delete(f->s, &TEST_CLI, "rejection", "en", NOW), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "delete");
	assert_true(last_audit(f->s).entity_id > 0);
	assert_int_equal(store_message_template_delete(f->s, &TEST_CLI, "rejection", "en", NOW), STORE_NOT_FOUND);
	assert_true(message_kind_valid("acknowledgement"));
	assert_false(message_kind_valid("Offer"));
	free(t);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_send_writes_contact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_retried_later, setup, teardown),
		cmocka_unit_test_setup_teardown(test_manual_mark, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset_stuck, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enqueue_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_template_overrides, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
