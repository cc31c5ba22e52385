/*
 * test_store_decisions.c — hire / reject decisions (store/decisions.h)
 * against a real database in a fresh temporary directory per test: a
 * decision without culture fit or rationale is refused and leaves no trace,
 * a recorded one is kept, shown in the timeline as a decision event and
 * audited, and it does not move the stage.
 *
 * Spec references: R-EVAL-4 (decision with culture fit, in the timeline),
 * R-GUARD-5 (no decision without culture fit and written rationale), R-X-4.
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
#include "store/db.h"
#include "store/decisions.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define RATIONALE "Starke Kundenbeziehungen, Verhandlung im Rollenspiel überzeugend."

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position;
	int64_t cand, app, app2;
	int64_t hm;
};

static int64_t add_application(struct store *s, int64_t position, const char *first, int64_t *cand)
{
	struct candidate c;
	struct application a;
	candidate_init(&c);
	strcpy(c.first_name, first);
	strcpy(c.last_name, "Beispiel");
	assert_int_equal(store_candidate_create(s, &TEST_CLI, &c, NOW), STORE_OK);
	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = position;
	assert_int_equal(store_application_create(s, &TEST_CLI, &a, NOW), STORE_OK);
	if (cand)
		*cand = c.id;
	return a.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-decisions");
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
	f->position = p.id;
	f->app = add_application(f->s, f->position, "Jonas", &f->cand);
	f->app2 = add_application(f->s, f->position, "Mira", NULL);
	f->hm = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
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

/* Decision events on the timeline of the fixture's application. */
static size_t decision_events(struct fixture *f, struct application_event *first)
{
	struct application_event *ev = NULL;
	size_t n = 0, count = 0;
	assert_int_equal(store_application_events(f->s, 0, f->app, 0, &ev, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (ev[i].kind == EVENT_DECISION && count++ == 0 && first)
			*first = ev[i];
	free(ev);
	return count;
}

/* R-GUARD-5: culture fit missing or out of range, rationale missing,
 * unknown decision or application: refused, nothing stored. */
static void test_refused_without_culture_fit_or_rationale(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct decision_record *list = NULL;
	size_t n = 9;
	int64_t audits = audit_count(f->s), id = 0;

	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 0, RATIONALE, NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 5, RATIONALE, NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", -1, RATIONALE, NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 3, "", NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 3, " \n\t ", NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 3, NULL, NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 3, "\xff\xfe ungültig", NOW, &id),
			 STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "maybe", 3, RATIONALE, NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, NULL, 3, RATIONALE, NOW, &id), STORE_INVALID);
	assert_int_equal(store_decision_record(f->s, &hm, 9999, "hire", 3, RATIONALE, NOW, &id), STORE_NOT_FOUND);
	assert_int_equal(id, 0);

	assert_int_equal(store_decisions_for_application(f->s, f->app, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(decision_events(f, NULL), 0);
	assert_int_equal(audit_count(f->s), audits);
}

/* R-EVAL-4: a recorded decision is kept, appears in the timeline as a
 * decision (with culture fit and rationale), is audited, and does not move
 * the stage; the latest one per application is what the position shows. */
static void test_recorded_decision_in_timeline(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct application_event ev;
	struct application a;
	struct decision_record *list = NULL;
	size_t n = 0;
	int64_t id = 0;
	char stage_before[STAGE_CODE_MAX];

	assert_int_equal(store_application_get(f->s, f->app, &a), STORE_OK);
	strcpy(stage_before, a.stage);
	assert_int_equal(store_decision_record(f->s, &hm, f->app, "hire", 3, RATIONALE, NOW + 10, &id), STORE_OK);
	assert_true(id > 0);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "decision");
	assert_int_equal(e.entity_id, id);
	assert_int_equal(e.user_id, f->hm);

	assert_int_equal(decision_events(f, &ev), 1);
	assert_int_equal(ev.kind, EVENT_DECISION);
	assert_string_equal(application_event_kind_code(ev.kind), "decision");
	assert_string_equal(ev.to_stage, "hire");
	assert_string_equal(ev.from_stage, "3");
	assert_string_equal(ev.text, RATIONALE);
	assert_string_equal(ev.user_name, "Dr. Petra Krause");
	assert_int_equal(ev.position_id, f->position);
	assert_int_equal(ev.at, NOW + 10);
	/* also on the candidate's timeline */
	struct application_event *all = NULL;
	assert_int_equal(store_application_events(f->s, f->cand, 0, 0, &all, &n), STORE_OK);
	assert_true(n >= 2);
	assert_int_equal(all[0].kind, EVENT_DECISION);
	free(all);

	assert_int_equal(store_application_get(f->s, f->app, &a), STORE_OK);
	assert_string_equal(a.stage, stage_before);

	/* a later decision does not erase the earlier one */
	assert_int_equal(store_decision_record(f->s, &TEST_CLI, f->app, "reject", 1, "Nach Referenzen doch nicht.",
					       NOW + 20, NULL),
			 STORE_OK);
	assert_int_equal(store_decision_record(f->s, &hm, f->app2, "reject", 2, "Kultur passt nicht.", NOW + 5, NULL),
			 STORE_OK);
	assert_int_equal(store_decisions_for_application(f->s, f->app, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].decision, "reject");
	assert_int_equal(list[0].decided_by, 0);
	assert_string_equal(list[1].decision, "hire");
	assert_int_equal(list[1].culture_fit, 3);
	assert_string_equal(list[1].rationale, RATIONALE);
	assert_string_equal(list[1].decided_by_name, "Dr. Petra Krause");
	assert_int_equal(list[1].position_id, f->position);
	free(list);

	assert_int_equal(store_decisions_latest_for_position(f->s, f->position, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].application_id, f->app);
	assert_string_equal(list[0].decision, "reject");
	assert_int_equal(list[1].application_id, f->app2);
	free(list);

	/* decisions are kept as made */
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE decisions SET culture_fit = 4"), STORE_OK);
}

/* Migration 6 rebuilds application_events to allow 'decision': a version-5
 * database keeps every event with its id, and takes decisions afterwards. */
static void test_migration_keeps_timeline(void **state)
{
	struct fixture *f = *state;
	struct application_event *before = NULL, *after = NULL;
	size_t nb = 0, na = 0;
	int from = -1, to = -1;

	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, f->cand, f->app, EVENT_NOTE, "Rückruf am Montag",
						     NOW + 1, NULL),
			 STORE_OK);
	assert_int_equal(store_application_events(f->s, f->cand, 0, 0, &before, &nb), STORE_OK);
	assert_int_equal(nb, 2);
	/* back to version 5: drop what migrations 6 and later made (the timeline stays) */
	assert_int_equal(db_exec_script(f->s, "test downgrade",
					"DROP TRIGGER hires_follow_candidate; DROP TABLE key_accounts; DROP TABLE onboarding_reviews;"
					"DROP TABLE onboarding_goals; DROP TABLE onboarding_checkins; DROP TABLE onboarding_tasks;"
					"DROP TABLE hires; DROP TABLE offer_versions; DROP TABLE offers; DROP TABLE budget_bands;"
					"DROP TABLE outbox; DROP TABLE message_templates; DROP TABLE challenge_disclosures;"
					"DROP TABLE hiring_plans; DROP TABLE calendar_tokens; DROP TABLE absences;"
					"DROP TABLE exercise_ratings; DROP TABLE scorecard_answers; DROP TABLE scorecard_ratings;"
					"DROP TABLE scorecards; DROP TABLE interview_interviewers; DROP TABLE interviews;"
					"DROP TABLE kit_versions; DROP TABLE round_interviewers; DROP TABLE interview_rounds;"
					"DROP TABLE question_favourites; DROP TABLE questions; DROP TABLE decisions;"
					"PRAGMA user_version = 5;"),
			 STORE_OK);
	assert_int_equal(store_migrate(f->s, &from, &to), STORE_OK);
	assert_int_equal(from, 5);
	assert_int_equal(to, store_schema_latest());
	assert_true(store_integrity_ok(f->s));
	assert_int_equal(store_application_events(f->s, f->cand, 0, 0, &after, &na), STORE_OK);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_int_equal(after[i].id, before[i].id);
		assert_int_equal(after[i].kind, before[i].kind);
		assert_string_equal(after[i].text, before[i].text);
	}
	free(before);
	free(after);
	assert_int_equal(store_decision_record(f->s, &TEST_CLI, f->app, "hire", 4, RATIONALE, NOW + 2, NULL), STORE_OK);
	assert_int_equal(decision_events(f, NULL), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refused_without_culture_fit_or_rationale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recorded_decision_in_timeline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_keeps_timeline, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
