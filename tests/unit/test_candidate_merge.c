/*
 * test_candidate_merge.c — merging a duplicate candidate into another
 * (store_candidate_merge, store/candidates.h) against a real database in a
 * fresh temporary directory per test: documents, timeline events, consents
 * and applications move; a same-position conflict folds the events into the
 * kept application; the dropped candidate is gone and the kept one is found
 * by search through everything that moved.
 *
 * Spec references: R-CAND-5 (duplicates merged keeping every document and
 * event), R-CAND-1 (timeline), R-CAND-2 (applications per position),
 * R-AD-5 (consents kept), R-X-4 (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/consents.h"
#include "store/db.h"
#include "store/documents.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/interview_plans.h"
#include "store/scorecards.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY 86400

static const unsigned char PDF[] = "%PDF-1.4\n%%EOF\n";

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position;
	int64_t position2;
	int64_t keep;
	int64_t drop;
};

static int64_t add_position(struct fixture *f, int64_t org, const char *title)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = org;
	strcpy(p.title, title);
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	return p.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-merge");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->position = add_position(f, o.id, "Key Account Manager");
	f->position2 = add_position(f, o.id, "Area Sales Manager");

	struct candidate keep, drop;
	candidate_init(&keep);
	strcpy(keep.first_name, "Jonas");
	strcpy(keep.last_name, "Brüggemann");
	strcpy(keep.email, "jonas.brueggemann@example.org");
	strcpy(keep.current_company, "Hanse Maschinenbau AG");
	strcpy(keep.tags, "Maschinenbau");
	strcpy(keep.channel, "linkedin");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &keep, NOW), STORE_OK);
	candidate_init(&drop);
	strcpy(drop.first_name, "Jonas");
	strcpy(drop.last_name, "Brueggemann");
	strcpy(drop.email, "j.b@example.net");
	strcpy(drop.phone, "+49 40 1234567");
	strcpy(drop.current_company, "Elbe Antriebe GmbH");
	strcpy(drop.location, "Hamburg");
	strcpy(drop.tags, "Englisch, maschinenbau");
	drop.notice_period_weeks = 12;
	strcpy(drop.channel, "career_page");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &drop, NOW + 1), STORE_OK);
	f->keep = keep.id;
	f->drop = drop.id;
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

/* Ids of the hits for q as "id,id". */
static void search_q(struct fixture *f, const char *q, char *out, size_t n)
{
	struct candidate_filter flt = { .q = q };
	struct candidate_hit *hits = NULL;
	size_t nh = 0;
	out[0] = '\0';
	assert_int_equal(store_candidate_list(f->s, &flt, &hits, &nh), STORE_OK);
	for (size_t i = 0; i < nh; i++) {
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%lld", len ? "," : "", (long long)hits[i].c.id);
	}
	free(hits);
}

static int64_t count_rows(struct fixture *f, int64_t candidate_id)
{
	struct db_stmt st;
	db_prepare(f->s, &st,
		   "SELECT (SELECT count(*) FROM candidates WHERE id = :id) + (SELECT count(*) FROM candidates_fts"
		   " WHERE rowid = :id) + (SELECT count(*) FROM applications WHERE candidate_id = :id)"
		   " + (SELECT count(*) FROM application_events WHERE candidate_id = :id)"
		   " + (SELECT count(*) FROM candidate_documents WHERE candidate_id = :id)"
		   " + (SELECT count(*) FROM consents WHERE candidate_id = :id)");
	db_bind_int64(&st, ":id", candidate_id);
	assert_int_equal(db_step(&st), DB_ROW);
	int64_t n = db_column_int64(&st, 0);
	db_finalize(&st);
	return n;
}

static void test_merge_moves_everything(void **state)
{
	struct fixture *f = *state;
	char hits[64];

	/* keep: an application for position 1 with a note */
	struct application ka = { .candidate_id = f->keep, .position_id = f->position, .stage = "contacted" };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &ka, NOW), STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, f->keep, ka.id, EVENT_NOTE,
						     "Rückruf wegen Gehaltsband", NOW + DAY, NULL),
			 STORE_OK);
	/* drop: applications for both positions, notes, a contact, a document
	 * with extracted text and a consent */
	struct application da = { .candidate_id = f->drop, .position_id = f->position };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &da, NOW + 1), STORE_OK);
	struct application db2 = { .candidate_id = f->drop, .position_id = f->position2, .stage = "prequalification" };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &db2, NOW + 1), STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, f->drop, da.id, EVENT_NOTE,
						     "Telefonat zum Windpark vereinbart", NOW + 2 * DAY, NULL),
			 STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, f->drop, da.id, EVENT_CONTACT,
						     "Anruf", NOW + 3 * DAY, NULL),
			 STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, f->drop, 0, EVENT_NOTE,
						     "Begeisterter Segelflieger", NOW + 2 * DAY, NULL),
			 STORE_OK);
	struct candidate_document doc;
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->drop, PDF, sizeof PDF - 1, "cv.pdf", "application/pdf",
					    NOW + DAY, &doc),
			 STORE_OK);
	assert_int_equal(store_document_set_extract(f->s, doc.id, DOC_EXTRACT_OK, "Offshore Vertrieb Nordsee", NULL),
			 STORE_OK);
	assert_int_equal(store_consent_add(f->s, f->drop, CONSENT_PRIVACY, "de-0", NOW + 1, 0), STORE_OK);
	search_q(f, "Segelflieger", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->drop);

	/* R-CAND-5 */
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, f->keep, f->drop, NULL, NOW + 4 * DAY), STORE_OK);

	/* drop is gone, with its search row; nothing points at it any more */
	struct candidate got;
	assert_int_equal(store_candidate_get(f->s, f->drop, &got), STORE_NOT_FOUND);
	assert_int_equal(count_rows(f, f->drop), 0);

	/* empty fields filled from drop, own fields kept, tags united */
	assert_int_equal(store_candidate_get(f->s, f->keep, &got), STORE_OK);
	assert_string_equal(got.last_name, "Brüggemann");
	assert_string_equal(got.email, "jonas.brueggemann@example.org");
	assert_string_equal(got.current_company, "Hanse Maschinenbau AG");
	assert_string_equal(got.phone, "+49 40 1234567");
	assert_string_equal(got.location, "Hamburg");
	assert_int_equal(got.notice_period_weeks, 12);
	assert_string_equal(got.tags, "Maschinenbau, Englisch");
	assert_string_equal(got.channel, "linkedin");

	/* R-CAND-2: the application for position 2 moved; for position 1 keep's
	 * own stays and drop's events were folded into it */
	struct application *apps = NULL;
	size_t n = 0;
	assert_int_equal(store_application_list_by_candidate(f->s, f->keep, &apps, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(apps[0].id, ka.id);
	assert_string_equal(apps[0].stage, "contacted");
	assert_int_equal(apps[0].last_contact_at, NOW + 3 * DAY); /* drop's later contact */
	assert_int_equal(apps[1].id, db2.id);
	assert_int_equal(apps[1].position_id, f->position2);
	assert_string_equal(apps[1].stage, "prequalification");
	free(apps);
	struct application gone;
	assert_int_equal(store_application_get(f->s, da.id, &gone), STORE_NOT_FOUND);

	struct application_event *ev = NULL;
	assert_int_equal(store_application_events(f->s, f->keep, ka.id, 0, &ev, &n), STORE_OK);
	bool windpark = false, anruf = false;
	for (size_t i = 0; i < n; i++) {
		windpark |= strcmp(ev[i].text, "Telefonat zum Windpark vereinbart") == 0;
		anruf |= ev[i].kind == EVENT_CONTACT && strcmp(ev[i].text, "Anruf") == 0;
	}
	assert_true(windpark);
	assert_true(anruf);
	free(ev);

	/* R-CAND-1: every event is on keep's timeline, plus the merge note */
	assert_int_equal(store_application_events(f->s, f->keep, 0, 0, &ev, &n), STORE_OK);
	/* keep: stage + note; drop: 2 stage events, note, contact, note,
	 * document; the merge note */
	assert_int_equal(n, 2 + 6 + 1);
	assert_int_equal(ev[0].kind, EVENT_NOTE);
	char expect[128];
	snprintf(expect, sizeof expect, "Merged with candidate #%lld (Jonas Brueggemann)", (long long)f->drop);
	assert_string_equal(ev[0].text, expect);
	bool document = false;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(ev[i].candidate_id, f->keep);
		document |= ev[i].kind == EVENT_DOCUMENT && strcmp(ev[i].text, "cv.pdf") == 0;
	}
	assert_true(document);
	free(ev);

	/* documents and consents kept (R-AD-5) */
	struct candidate_document *docs = NULL;
	assert_int_equal(store_document_list(f->s, f->keep, &docs, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(docs[0].id, doc.id);
	unsigned char *data = NULL;
	size_t len = 0;
	assert_int_equal(store_document_read(f->s, &docs[0], &data, &len), STORE_OK);
	assert_int_equal(len, sizeof PDF - 1);
	free(data);
	free(docs);
	struct consent *consents = NULL;
	assert_int_equal(store_consent_list(f->s, f->keep, &consents, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(consents[0].notice_version, "de-0");
	free(consents);

	/* R-CAND-3: keep is found by drop's notes and document text, and still
	 * by its own note */
	search_q(f, "Segelflieger", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->keep);
	assert_null(strchr(hits, ','));
	search_q(f, "Windpark", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->keep);
	search_q(f, "Offshore", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->keep);
	search_q(f, "Gehaltsband", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->keep);
	search_q(f, "Hamburg", hits, sizeof hits); /* a filled field */
	assert_int_equal(atoll(hits), f->keep);

	/* R-X-4 */
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "candidate");
	assert_string_equal(e.action, "merge");
	assert_int_equal(e.entity_id, f->keep);
	snprintf(expect, sizeof expect, "\"merged_id\":%lld", (long long)f->drop);
	assert_non_null(strstr(e.changes, expect));
	assert_non_null(strstr(e.changes, "\"phone\""));
	assert_true(store_integrity_ok(f->s));
}

static void test_merge_refused(void **state)
{
	struct fixture *f = *state;
	int64_t audits = audit_count(f->s);
	/* R-CAND-5: a candidate cannot be merged into itself; both must exist */
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, f->keep, f->keep, NULL, NOW), STORE_INVALID);
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, f->keep, 9999, NULL, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, 9999, f->drop, NULL, NOW), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), audits);
	struct candidate got;
	assert_int_equal(store_candidate_get(f->s, f->keep, &got), STORE_OK);
	assert_int_equal(store_candidate_get(f->s, f->drop, &got), STORE_OK);
	assert_string_equal(got.phone, "+49 40 1234567");

	/* merged in the other direction, keep's email fills nothing (drop has
	 * its own) and keep is the one that disappears */
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, f->drop, f->keep, NULL, NOW), STORE_OK);
	assert_int_equal(store_candidate_get(f->s, f->keep, &got), STORE_NOT_FOUND);
	assert_int_equal(store_candidate_get(f->s, f->drop, &got), STORE_OK);
	assert_string_equal(got.email, "j.b@example.net");
	assert_string_equal(got.tags, "Englisch, maschinenbau");
}

static void test_merge_refused_when_assessed(void **state)
{
	struct fixture *f = *state;
	/* R-CAND-5, R-INT-5: both applied to one position and drop's application
	 * was already interviewed: interviews and scorecards stay with the
	 * application they were made in, so the merge is refused, nothing moves */
	struct application ka = { .candidate_id = f->keep, .position_id = f->position };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &ka, NOW), STORE_OK);
	struct application da = { .candidate_id = f->drop, .position_id = f->position };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &da, NOW), STORE_OK);
	struct interview_round r;
	memset(&r, 0, sizeof r);
	r.position_id = f->position;
	snprintf(r.name, sizeof r.name, "%s", "First interview");
	strcpy(r.stage, "first_interview");
	r.duration_minutes = 45;
	strcpy(r.kit_json, "{\"questions\":[\"kam.rel.01\"],\"exercises\":[]}");
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &r, NOW), STORE_OK);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, da.id, r.id, NOW, NULL), STORE_OK);
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, f->keep, f->drop, NULL, NOW), STORE_CONFLICT);
	assert_int_equal(audit_count(f->s), audits);
	struct candidate got;
	assert_int_equal(store_candidate_get(f->s, f->drop, &got), STORE_OK);
	struct application a;
	assert_int_equal(store_application_get(f->s, da.id, &a), STORE_OK);
	assert_int_equal(a.candidate_id, f->drop);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_merge_moves_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_refused_when_assessed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
