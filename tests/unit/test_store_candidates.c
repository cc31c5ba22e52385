/*
 * test_store_candidates.c — candidates, search, duplicates, applications,
 * the timeline, channel plans and channel facts, against a real database in
 * a fresh temporary directory per test.
 *
 * Spec references: R-CAND-1 (candidate record, timeline), R-CAND-2 (stages,
 * moves, rejection), R-CAND-3 (stemmed search with snippets), R-CAND-5
 * (duplicates), R-CHAN-2 (channel plan), R-CHAN-3 (referrals), R-CHAN-4
 * (channel statistics), R-X-4 (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/applications.h"
#include "store/audit.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/store.h"
#include "store/users.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY 86400

struct fixture {
	char dir[64];
	struct store *s;
	int64_t user;        /* "weber", display name "Anna Weber" */
	int64_t position;    /* "Key Account Manager" */
	int64_t position2;   /* "Area Sales Manager" */
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
	f->s = temp_store_open(f->dir, "stellwerk-cand");
	f->user = temp_store_add_user(f->s, "weber", "Anna Weber", ROLE_RECRUITER, NOW);
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->position = add_position(f, o.id, "Key Account Manager");
	f->position2 = add_position(f, o.id, "Area Sales Manager");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0); /* every statement finalized */
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

static struct candidate make_candidate(const char *first, const char *last, const char *email, const char *phone)
{
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, first);
	strcpy(c.last_name, last);
	strcpy(c.email, email);
	strcpy(c.phone, phone);
	strcpy(c.current_role, "Key Account Manager");
	strcpy(c.current_company, "Hanse Maschinenbau AG");
	strcpy(c.location, "Hamburg");
	strcpy(c.channel, "linkedin");
	strcpy(c.tags, "Maschinenbau, Englisch");
	return c;
}

static int64_t add_candidate(struct fixture *f, const char *first, const char *last, const char *email,
			     const char *phone)
{
	struct candidate c = make_candidate(first, last, email, phone);
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	return c.id;
}

/* Hits of a search as "id,id", best first; returns the store rc. */
static enum store_rc search(struct fixture *f, const struct candidate_filter *flt, char *out, size_t n)
{
	struct candidate_hit *hits = NULL;
	size_t nh = 0;
	struct candidate_filter copy = *flt;
	out[0] = '\0';
	enum store_rc rc = store_candidate_list(f->s, &copy, &hits, &nh);
	for (size_t i = 0; i < nh; i++) {
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%lld", len ? "," : "", (long long)hits[i].c.id);
	}
	free(hits);
	return rc;
}

static enum store_rc search_q(struct fixture *f, const char *q, char *out, size_t n)
{
	struct candidate_filter flt = { .q = q };
	return search(f, &flt, out, n);
}

static void test_migration_4(void **state)
{
	struct fixture *f = *state;
	assert_true(store_schema_latest() >= 4);
	assert_int_equal(store_schema_version(f->s), store_schema_latest());
	struct db_stmt st;
	db_prepare(f->s, &st,
		   "SELECT count(*) FROM sqlite_schema WHERE name IN ('candidates', 'applications',"
		   " 'application_events', 'candidate_documents', 'consents', 'channel_plans', 'candidates_fts')");
	assert_int_equal(db_step(&st), DB_ROW);
	assert_int_equal(db_column_int64(&st, 0), 7);
	db_finalize(&st);
	assert_true(store_integrity_ok(f->s));
}

static void test_candidate_crud(void **state)
{
	struct fixture *f = *state;
	struct candidate c = make_candidate("Jonas", "Brüggemann", "jonas.brueggemann@example.org", "+49 40 1234567"),
			 got;
	c.notice_period_weeks = 12;
	c.salary_expectation = 95000;
	strcpy(c.currency, "EUR");
	strcpy(c.languages, "Deutsch C2, Englisch C1");
	/* R-CAND-1 */
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	assert_true(c.id > 0);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "candidate");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.entity_id, c.id);
	assert_int_equal(store_candidate_get(f->s, c.id, &got), STORE_OK);
	assert_string_equal(got.last_name, "Brüggemann");
	assert_string_equal(got.languages, "Deutsch C2, Englisch C1");
	assert_int_equal(got.notice_period_weeks, 12);
	assert_int_equal(got.salary_expectation, 95000);
	assert_int_equal(got.created_at, NOW);

	strcpy(got.current_company, "Elbe Antriebe GmbH");
	assert_int_equal(store_candidate_update(f->s, &TEST_CLI, &got, NOW + DAY), STORE_OK);
	e = last_audit(f->s); /* R-X-4: changed fields as [old, new] */
	assert_string_equal(e.action, "update");
	assert_non_null(strstr(e.changes, "\"current_company\""));
	assert_null(strstr(e.changes, "\"first_name\""));
	int64_t audit_id = e.id;
	assert_int_equal(store_candidate_update(f->s, &TEST_CLI, &got, NOW + DAY), STORE_OK);
	assert_int_equal(last_audit(f->s).id, audit_id); /* no change, no audit row */

	/* invalid input changes nothing */
	struct candidate bad = got;
	strcpy(bad.email, "not an email");
	assert_int_equal(store_candidate_update(f->s, &TEST_CLI, &bad, NOW + DAY), STORE_INVALID);
	bad = got;
	strcpy(bad.channel, "carrier_pigeon");
	assert_int_equal(store_candidate_update(f->s, &TEST_CLI, &bad, NOW + DAY), STORE_INVALID);
	bad.id = 9999;
	strcpy(bad.channel, "linkedin");
	assert_int_equal(store_candidate_update(f->s, &TEST_CLI, &bad, NOW + DAY), STORE_NOT_FOUND);
	assert_int_equal(store_candidate_get(f->s, 9999, &got), STORE_NOT_FOUND);
	struct candidate nameless = make_candidate("", "", "", "");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &nameless, NOW), STORE_INVALID);
	assert_int_equal(nameless.id, 0);
	/* the company change reached the search row */
	char hits[64];
	assert_int_equal(search_q(f, "Elbe", hits, sizeof hits), STORE_OK);
	assert_int_equal(atoll(hits), c.id);
}

static void test_search_stemmed_with_snippet(void **state)
{
	struct fixture *f = *state;
	char hits[64];
	int64_t a = add_candidate(f, "Lea", "Sommer", "lea@example.org", "");
	int64_t b = add_candidate(f, "Tom", "Winter", "tom@example.org", "");
	/* R-CAND-3: notes and document text are searchable */
	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, a, 0, EVENT_NOTE,
						     "Nachweisbare Vertriebserfolge im Großkundengeschäft", NOW, NULL),
			 STORE_OK);
	assert_int_equal(store_candidate_set_document_text(f->s, b, "Led negotiations with enterprise customers"),
			 STORE_OK);
	assert_int_equal(search_q(f, "Vertriebserfolg", hits, sizeof hits), STORE_OK);
	assert_int_equal(atoll(hits), a);
	assert_null(strchr(hits, ','));
	assert_int_equal(search_q(f, "negotiation", hits, sizeof hits), STORE_OK);
	assert_int_equal(atoll(hits), b);
	assert_null(strchr(hits, ','));
	assert_int_equal(search_q(f, "NEGOTIATING customer", hits, sizeof hits), STORE_OK);
	assert_int_equal(atoll(hits), b);
	/* every word must occur */
	assert_int_equal(search_q(f, "negotiation Vertriebserfolg", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");

	/* snippet with highlight markers for the web layer */
	struct candidate_filter flt = { .q = "Vertriebserfolge" };
	struct candidate_hit *list = NULL;
	size_t n = 0;
	assert_int_equal(store_candidate_list(f->s, &flt, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_non_null(strstr(list[0].snippet, "\x01Vertriebserfolge\x02"));
	assert_true(list[0].rank < 0);
	free(list);

	/* setting the document text again replaces it */
	assert_int_equal(store_candidate_set_document_text(f->s, b, "Buchhaltung"), STORE_OK);
	assert_int_equal(search_q(f, "negotiation", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");
	assert_int_equal(store_candidate_set_document_text(f->s, 9999, "x"), STORE_NOT_FOUND);
	assert_int_equal(store_candidate_set_document_text(f->s, b, "\xff\xfe"), STORE_INVALID);
}

static void test_search_too_many_hits_newest_first(void **state)
{
	struct fixture *f = *state;
	/* R-CAND-3: a word in more than CANDIDATE_RANK_MAX candidates is not
	 * ranked (that would cost ~100 ms at 100,000 CVs) but listed newest
	 * first, with snippets, and the caller is told so. */
	assert_int_equal(CANDIDATE_RANK_MAX, 5000); /* the script below makes 5,001 */
	assert_int_equal(db_exec_script(f->s, "many candidates",
					"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5001)"
					" INSERT INTO candidates (id, last_name, created_at, updated_at)"
					" SELECT 1000 + i, 'Massen' || i, i, i FROM n;"
					"INSERT INTO candidates_fts (rowid, name, role, company, location, tags, notes, documents)"
					" SELECT id, last_name, '', '', '', '', '', 'Vertrieb Sensorik' FROM candidates WHERE id > 1000;"),
			 STORE_OK);
	struct candidate_filter flt = { .q = "sensorik", .limit = 3 };
	struct candidate_hit *list = NULL;
	size_t n = 0;
	assert_int_equal(store_candidate_list(f->s, &flt, &list, &n), STORE_OK);
	assert_true(flt.many_hits);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].c.id, 1000 + CANDIDATE_RANK_MAX + 1);
	assert_int_equal(list[1].c.id, 1000 + CANDIDATE_RANK_MAX);
	assert_non_null(strstr(list[0].snippet, "\x01Sensorik\x02"));
	free(list);
	/* a rarer word among them is ranked as usual */
	flt = (struct candidate_filter){ .q = "Massen17" };
	assert_int_equal(store_candidate_list(f->s, &flt, &list, &n), STORE_OK);
	assert_false(flt.many_hits);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].c.id, 1017);
	assert_true(list[0].rank < 0);
	free(list);
}

static long long candidate_rows(struct fixture *f)
{
	struct candidate_filter flt = { .limit = 1000 };
	struct candidate_hit *hits = NULL;
	size_t n = 0;
	assert_int_equal(store_candidate_list(f->s, &flt, &hits, &n), STORE_OK);
	free(hits);
	return (long long)n;
}

static void test_bulk_transaction_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	char hits[64];
	/* R-CAND-4: an import is one bulk unit — rolled back, nothing stays
	 * (search rows included); committed, everything is there and searchable. */
	assert_int_equal(store_begin_bulk(f->s), STORE_OK);
	add_candidate(f, "Bea", "Bulk", "bea@example.org", "");
	add_candidate(f, "Ben", "Bulk", "ben@example.org", "");
	store_rollback(f->s);
	assert_int_equal(candidate_rows(f), 0);
	assert_int_equal(search_q(f, "Bulk", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");

	assert_int_equal(store_begin_bulk(f->s), STORE_OK);
	int64_t a = add_candidate(f, "Bea", "Bulk", "bea@example.org", "");
	assert_int_equal(store_commit(f->s), STORE_OK);
	assert_int_equal(search_q(f, "Bulk", hits, sizeof hits), STORE_OK);
	assert_int_equal(atoll(hits), a);

	/* after the bulk unit, nested writes have their savepoints again: a
	 * refused candidate inside a normal transaction leaves the rest intact */
	assert_int_equal(store_begin(f->s), STORE_OK);
	int64_t b = add_candidate(f, "Bo", "Normal", "bo@example.org", "");
	struct candidate bad = make_candidate("", "", "not an address", "");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &bad, NOW), STORE_INVALID);
	assert_int_equal(store_commit(f->s), STORE_OK);
	assert_int_equal(search_q(f, "Normal", hits, sizeof hits), STORE_OK);
	assert_int_equal(atoll(hits), b);
	assert_int_equal(candidate_rows(f), 2);
}

static void test_search_hostile_queries(void **state)
{
	struct fixture *f = *state;
	char hits[64];
	add_candidate(f, "Lea", "Sommer", "lea@example.org", "");
	const char *hostile[] = { "\"", "NEAR(", "*", "AND OR", "NOT", "a\"b", "(", ")", "^", "name:Lea", "-Lea",
				  "Lea*", "\"\"\"", "{name}: x", "NEAR(a b, 3)", "col:", "+", "'", "\\", "..." };
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		enum store_rc rc = search_q(f, hostile[i], hits, sizeof hits);
		assert_true(rc == STORE_OK || rc == STORE_INVALID);
	}
	/* operators are words: "AND OR" does not match everything */
	assert_int_equal(search_q(f, "AND OR", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");
	/* a column filter in the input is not applied as one: "name:Lea" is the
	 * phrase "name lea", which no candidate contains */
	assert_int_equal(search_q(f, "Lea", hits, sizeof hits), STORE_OK);
	assert_string_not_equal(hits, "");
	assert_int_equal(search_q(f, "name:Lea", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");
	assert_int_equal(search_q(f, "Sommer OR Nobody", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, ""); /* OR is a word, and every word must occur */

	char *longq = malloc(20001);
	memset(longq, 'a', 20000);
	longq[20000] = '\0';
	assert_int_equal(search_q(f, longq, hits, sizeof hits), STORE_INVALID);
	for (int i = 0; i < 400; i += 2)
		longq[i] = ' ';
	longq[400] = '\0';
	enum store_rc rc = search_q(f, longq, hits, sizeof hits); /* 200 words: the first 16 are used */
	assert_true(rc == STORE_OK || rc == STORE_INVALID);
	free(longq);
	assert_int_equal(search_q(f, "\xc3\x28", hits, sizeof hits), STORE_INVALID);
	assert_int_equal(search_q(f, "   ", hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");

	char *q = candidate_fts_query("a \"b  NEAR(");
	assert_string_equal(q, "\"a\" AND \"\"\"b\" AND \"NEAR(\"");
	free(q);
}

static void test_search_filters(void **state)
{
	struct fixture *f = *state;
	char hits[64], want[64];
	int64_t a = add_candidate(f, "Lea", "Sommer", "lea@example.org", "");
	int64_t b = add_candidate(f, "Tom", "Winter", "tom@example.org", "");
	struct candidate c;
	assert_int_equal(store_candidate_get(f->s, b, &c), STORE_OK);
	strcpy(c.channel, "referrals");
	strcpy(c.tags, "Medizintechnik");
	assert_int_equal(store_candidate_update(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	struct application app;
	memset(&app, 0, sizeof app);
	app.candidate_id = a;
	app.position_id = f->position;
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &app, NOW), STORE_OK);

	struct candidate_filter flt = { .position_id = f->position };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	snprintf(want, sizeof want, "%lld", (long long)a);
	assert_string_equal(hits, want);
	flt = (struct candidate_filter){ .position_id = f->position, .stage = "contacted" };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, "");
	flt = (struct candidate_filter){ .stage = "identified", .q = "Hamburg" };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, want);
	flt = (struct candidate_filter){ .channel = "referrals" };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	snprintf(want, sizeof want, "%lld", (long long)b);
	assert_string_equal(hits, want);
	flt = (struct candidate_filter){ .tag = "medizintechnik" };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, want);
	flt = (struct candidate_filter){ .tag = "englisch" };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	snprintf(want, sizeof want, "%lld", (long long)a);
	assert_string_equal(hits, want);
	/* no filter: newest first; limit and offset */
	flt = (struct candidate_filter){ .limit = 1, .offset = 1 };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_OK);
	assert_string_equal(hits, want);
	flt = (struct candidate_filter){ .limit = 5000 };
	assert_int_equal(search(f, &flt, hits, sizeof hits), STORE_INVALID);
}

static void test_duplicates(void **state)
{
	struct fixture *f = *state;
	int64_t anna = add_candidate(f, "Anna", "Müller", "Anna.Mueller+jobs@googlemail.com", "");
	int64_t ben = add_candidate(f, "Ben", "Schulz", "ben@example.org", "0049 (0)40 555 123");
	int64_t carla = add_candidate(f, "Carla", "Neumann", "carla@example.org", "");
	struct candidate_duplicate *d = NULL;
	size_t n = 0;

	/* R-CAND-5: normalised email */
	struct candidate c = make_candidate("A.", "M.", "anna.mueller@gmail.com", "");
	assert_int_equal(store_candidate_find_duplicates(f->s, &c, &d, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].c.id, anna);
	assert_int_equal(d[0].score, 100);
	assert_true(candidate_is_duplicate(d[0].score));
	assert_string_not_equal(d[0].reason, "");
	free(d);

	/* normalised phone */
	c = make_candidate("Benjamin", "S.", "", "040 555123");
	assert_int_equal(store_candidate_find_duplicates(f->s, &c, &d, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].c.id, ben);
	assert_int_equal(d[0].score, 90);
	free(d);

	/* normalised name, same company */
	c = make_candidate("Neumann,", "Carla", "other@example.org", "");
	strcpy(c.first_name, "Carla");
	strcpy(c.last_name, "Neumann");
	assert_int_equal(store_candidate_find_duplicates(f->s, &c, &d, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].c.id, carla);
	assert_int_equal(d[0].score, 70);
	free(d);

	/* a stored candidate is not its own duplicate */
	assert_int_equal(store_candidate_get(f->s, anna, &c), STORE_OK);
	assert_int_equal(store_candidate_find_duplicates(f->s, &c, &d, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(d);
	c = make_candidate("Nobody", "Known", "nobody@example.org", "+1 555 0100");
	assert_int_equal(store_candidate_find_duplicates(f->s, &c, &d, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(d);
}

static void test_applications_and_timeline(void **state)
{
	struct fixture *f = *state;
	const struct actor weber = { f->user, "weber", "127.0.0.1" };
	int64_t cand = add_candidate(f, "Lea", "Sommer", "lea@example.org", "");
	int64_t other = add_candidate(f, "Tom", "Winter", "tom@example.org", "");
	struct application a, got;
	memset(&a, 0, sizeof a);
	a.candidate_id = cand;
	a.position_id = f->position;
	/* R-CAND-2: first stage by default, channel from the candidate */
	assert_int_equal(store_application_create(f->s, &weber, &a, NOW), STORE_OK);
	assert_string_equal(a.stage, "identified");
	assert_string_equal(a.channel, "linkedin");
	assert_string_equal(last_audit(f->s).entity, "application"); /* R-X-4 */
	/* one application per candidate and position */
	struct application dup = { .candidate_id = cand, .position_id = f->position };
	assert_int_equal(store_application_create(f->s, &weber, &dup, NOW), STORE_CONFLICT);
	assert_int_equal(dup.id, 0);
	/* but several positions per candidate */
	struct application second = { .candidate_id = cand, .position_id = f->position2, .stage = "contacted" };
	assert_int_equal(store_application_create(f->s, &weber, &second, NOW + 1), STORE_OK);
	struct application bad = { .candidate_id = 9999, .position_id = f->position };
	assert_int_equal(store_application_create(f->s, &weber, &bad, NOW), STORE_INVALID);
	bad = (struct application){ .candidate_id = other, .position_id = f->position, .stage = "Bad Stage" };
	assert_int_equal(store_application_create(f->s, &weber, &bad, NOW), STORE_INVALID);

	/* R-CHAN-3: a referral */
	struct application ref = { .candidate_id = other, .position_id = f->position, .channel = "referrals",
				   .has_referral = true };
	ref.referral.kind = REFERRER_EMPLOYEE;
	strcpy(ref.referral.referrer_name, "Anna Weber");
	ref.referral.referrer_user_id = f->user;
	ref.referral.status = REFERRAL_PROPOSED;
	ref.referral.bonus_cents = 150000;
	assert_int_equal(store_application_create(f->s, &weber, &ref, NOW + 2), STORE_OK);
	assert_int_equal(store_application_get(f->s, ref.id, &got), STORE_OK);
	assert_true(got.has_referral);
	assert_int_equal(got.referral.kind, REFERRER_EMPLOYEE);
	assert_int_equal(got.referral.bonus_cents, 150000);
	assert_string_equal(got.referral.referrer_name, "Anna Weber");

	/* moves, a contact, a note, a rejection */
	assert_int_equal(store_application_move(f->s, &weber, a.id, "contacted", NULL, NOW + DAY), STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &weber, cand, a.id, EVENT_CONTACT, "Telefonat", NOW + 2 * DAY,
						     NULL),
			 STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &weber, cand, 0, EVENT_NOTE, "Sehr gute Referenzen",
						     NOW + 3 * DAY, NULL),
			 STORE_OK);
	struct move_input in = { .reason = "salary_expectations", .reason_note = "", .informed = INFORMED_YES };
	assert_int_equal(store_application_move(f->s, &weber, a.id, STAGE_CODE_REJECTED, &in, NOW + 4 * DAY), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "move");
	assert_int_equal(store_application_get(f->s, a.id, &got), STORE_OK);
	assert_string_equal(got.stage, "rejected");
	assert_string_equal(got.rejection_reason, "salary_expectations");
	assert_int_equal(got.informed, INFORMED_YES);
	assert_int_equal(got.last_contact_at, NOW + 2 * DAY);
	assert_int_equal(got.stage_entered_at, NOW + 4 * DAY);
	/* reopening clears the rejection */
	assert_int_equal(store_application_move(f->s, &weber, a.id, "contacted", NULL, NOW + 5 * DAY), STORE_OK);
	assert_int_equal(store_application_get(f->s, a.id, &got), STORE_OK);
	assert_string_equal(got.rejection_reason, "");
	assert_int_equal(got.informed, INFORMED_UNANSWERED);
	assert_int_equal(store_application_move(f->s, &weber, a.id, "contacted", NULL, NOW), STORE_INVALID);
	assert_int_equal(store_application_move(f->s, &weber, 9999, "contacted", NULL, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_application_add_event(f->s, &weber, cand, ref.id, EVENT_NOTE, "x", NOW, NULL),
			 STORE_INVALID); /* another candidate's application */
	assert_int_equal(store_application_add_event(f->s, &weber, cand, 0, EVENT_NOTE, "", NOW, NULL), STORE_INVALID);
	assert_int_equal(store_application_add_event(f->s, &weber, cand, 0, EVENT_STAGE, "x", NOW, NULL),
			 STORE_INVALID);
	assert_int_equal(store_application_add_event(f->s, &weber, 9999, 0, EVENT_NOTE, "x", NOW, NULL),
			 STORE_NOT_FOUND);

	/* R-CAND-1: the timeline, newest first, with who */
	struct application_event *ev = NULL;
	size_t n = 0;
	assert_int_equal(store_application_events(f->s, 0, a.id, 0, &ev, &n), STORE_OK);
	assert_int_equal(n, 5);
	assert_int_equal(ev[0].kind, EVENT_STAGE);
	assert_string_equal(ev[0].from_stage, "rejected");
	assert_string_equal(ev[0].to_stage, "contacted");
	assert_int_equal(ev[1].kind, EVENT_STAGE);
	assert_string_equal(ev[1].to_stage, "rejected");
	assert_int_equal(ev[2].kind, EVENT_CONTACT);
	assert_string_equal(ev[2].text, "Telefonat");
	assert_string_equal(ev[2].user_name, "Anna Weber");
	assert_int_equal(ev[4].kind, EVENT_STAGE);
	assert_string_equal(ev[4].to_stage, "identified");
	assert_int_equal(ev[4].position_id, f->position);
	free(ev);
	assert_int_equal(store_application_events(f->s, cand, 0, 0, &ev, &n), STORE_OK);
	assert_int_equal(n, 7); /* both applications and the candidate's own note */
	assert_int_equal(ev[2].kind, EVENT_NOTE);
	assert_int_equal(ev[2].application_id, 0);
	for (size_t i = 1; i < n; i++)
		assert_true(ev[i - 1].at >= ev[i].at);
	free(ev);

	/* the board: by stage then time in stage, with name and company */
	struct application_card *cards = NULL;
	assert_int_equal(store_application_board(f->s, f->position, &cards, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(cards[0].a.stage, "contacted");
	assert_string_equal(cards[0].first_name, "Lea");
	assert_string_equal(cards[0].current_company, "Hanse Maschinenbau AG");
	assert_string_equal(cards[1].a.stage, "identified");
	free(cards);
	struct application *apps = NULL;
	assert_int_equal(store_application_list_by_candidate(f->s, cand, &apps, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(apps);
}

static void test_channel_plan(void **state)
{
	struct fixture *f = *state;
	struct channel_plan_item items[3], *got = NULL;
	size_t n = 0;
	memset(items, 0, sizeof items);
	strcpy(items[0].channel, "referrals");
	items[0].owner_id = f->user;
	items[0].budget_cents = 300000;
	strcpy(items[0].start_date, "2026-02-01");
	strcpy(items[1].channel, "linkedin");
	items[1].budget_cents = 500000;
	/* R-CHAN-2 */
	assert_int_equal(store_channel_plan_set(f->s, &TEST_CLI, f->position, items, 2, NOW), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "channel_plan"); /* R-X-4 */
	assert_int_equal(store_channel_plan_get(f->s, f->position, &got, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(got[0].channel, "linkedin"); /* catalogue order */
	assert_string_equal(got[1].channel, "referrals");
	assert_int_equal(got[1].owner_id, f->user);
	assert_string_equal(got[1].start_date, "2026-02-01");
	free(got);

	/* replace all items */
	strcpy(items[0].channel, "events");
	items[0].owner_id = 0;
	assert_int_equal(store_channel_plan_set(f->s, &TEST_CLI, f->position, items, 1, NOW), STORE_OK);
	assert_int_equal(store_channel_plan_get(f->s, f->position, &got, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].channel, "events");
	free(got);

	/* invalid plans change nothing */
	strcpy(items[1].channel, "events");
	assert_int_equal(store_channel_plan_set(f->s, &TEST_CLI, f->position, items, 2, NOW), STORE_INVALID);
	strcpy(items[1].channel, "linkedin");
	items[1].owner_id = 9999;
	assert_int_equal(store_channel_plan_set(f->s, &TEST_CLI, f->position, items, 2, NOW), STORE_INVALID);
	assert_int_equal(store_channel_plan_set(f->s, &TEST_CLI, 9999, items, 1, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_channel_plan_get(f->s, f->position, &got, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(got);
	assert_int_equal(store_channel_plan_get(f->s, 9999, &got, &n), STORE_NOT_FOUND);

	struct channel_budget *b = NULL;
	assert_int_equal(store_channel_budgets(f->s, f->position, &b, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(b[0].channel, "events");
	assert_int_equal(b[0].budget_cents, 300000);
	free(b);
}

static void test_channel_facts(void **state)
{
	struct fixture *f = *state;
	int64_t c1 = add_candidate(f, "Lea", "Sommer", "lea@example.org", "");
	int64_t c2 = add_candidate(f, "Tom", "Winter", "tom@example.org", "");
	int64_t c3 = add_candidate(f, "Ida", "Herbst", "ida@example.org", "");
	struct application a1 = { .candidate_id = c1, .position_id = f->position };
	struct application a2 = { .candidate_id = c2, .position_id = f->position, .channel = "events" };
	struct application a3 = { .candidate_id = c3, .position_id = f->position2 };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a1, NOW), STORE_OK);
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a2, NOW), STORE_OK);
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a3, NOW), STORE_OK);
	/* a1 hired via first interview and offer; a2 interviewed, then rejected */
	assert_int_equal(store_application_move(f->s, &TEST_CLI, a1.id, "first_interview", NULL, NOW + DAY), STORE_OK);
	assert_int_equal(store_application_move(f->s, &TEST_CLI, a1.id, "offer", NULL, NOW + 10 * DAY), STORE_OK);
	assert_int_equal(store_application_move(f->s, &TEST_CLI, a1.id, "hired", NULL, NOW + 20 * DAY), STORE_OK);
	assert_int_equal(store_application_move(f->s, &TEST_CLI, a2.id, "deep_interview", NULL, NOW + DAY), STORE_OK);
	struct move_input in = { .reason = "culture_fit", .informed = INFORMED_NO };
	assert_int_equal(store_application_move(f->s, &TEST_CLI, a2.id, "rejected", &in, NOW + 2 * DAY), STORE_OK);

	/* R-CHAN-4 */
	struct channel_fact *facts = NULL;
	size_t n = 0;
	assert_int_equal(store_channel_facts(f->s, f->position, &facts, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(facts[0].channel, "linkedin");
	assert_true(facts[0].reached_first_interview);
	assert_true(facts[0].offered);
	assert_true(facts[0].hired);
	assert_int_equal(facts[0].applied_at, NOW);
	assert_int_equal(facts[0].hired_at, NOW + 20 * DAY);
	assert_string_equal(facts[1].channel, "events");
	assert_true(facts[1].reached_first_interview);
	assert_false(facts[1].offered);
	assert_false(facts[1].hired);
	assert_int_equal(facts[1].hired_at, 0);

	struct channel_stats stats[CHANNEL_STATS_ROWS];
	size_t rows = channel_stats_compute(facts, n, NULL, 0, stats, CHANNEL_STATS_ROWS);
	assert_int_equal(rows, CHANNEL_STATS_ROWS);
	assert_int_equal(stats[CHANNEL__COUNT].candidates, 2);
	assert_int_equal(stats[CHANNEL__COUNT].interviews, 2);
	assert_int_equal(stats[CHANNEL__COUNT].hires, 1);
	free(facts);
	assert_int_equal(store_channel_facts(f->s, 0, &facts, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_false(facts[2].reached_first_interview);
	free(facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migration_4, setup, teardown),
		cmocka_unit_test_setup_teardown(test_candidate_crud, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_stemmed_with_snippet, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_too_many_hits_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_hostile_queries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_transaction_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_applications_and_timeline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_channel_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_channel_facts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
