/*
 * test_store_hiring_plans.c — hiring plans, challenge disclosures and the
 * facts loader for the timeline and the guards (store/hiring_plans.h)
 * against a real database in a fresh temporary directory per test.
 *
 * Spec references: R-TIME-1 (plan with start day and deciders), R-TIME-2
 * (actual phase dates from stage events), R-TIME-3 (number of deciders),
 * R-GUARD-1..3 (application times and last contact), R-GUARD-6 (challenge
 * disclosure), R-GUARD-7 (scorecards due after the interview), R-X-4 (audit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/ads.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/hiring_plans.h"
#include "store/interview_plans.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/schedule.h"
#include "store/scorecards.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY 86400
#define DAY0 20454     /* 2026-01-01 as a day number */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position, empty_position;
	int64_t app1, app2;
	int64_t krause, yilmaz;
	int64_t round, interview;
};

static int64_t add_position(struct store *s, int64_t org, const char *title, const char *challenges)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = org;
	strcpy(p.title, title);
	strcpy(p.challenges, challenges);
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(s, &TEST_CLI, &p, NOW), STORE_OK);
	return p.id;
}

static int64_t add_application(struct fixture *f, const char *first, const char *last, int64_t at)
{
	struct candidate c;
	struct application a;
	candidate_init(&c);
	strcpy(c.first_name, first);
	strcpy(c.last_name, last);
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, at), STORE_OK);
	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = f->position;
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a, at), STORE_OK);
	return a.id;
}

static void add_stakeholder(struct fixture *f, int64_t user, const char *name)
{
	struct stakeholder sh;
	memset(&sh, 0, sizeof sh);
	sh.user_id = user;
	strcpy(sh.name, name);
	sh.role = STAKEHOLDER_OTHER;
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, f->position, &sh, NOW), STORE_OK);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-plans");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	strcpy(o.state, "DE-HH");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->position = add_position(f->s, o.id, "Key Account Manager", "Schwieriger Bestandskunde im Norden");
	f->empty_position = add_position(f->s, o.id, "Area Sales Manager", "   ");
	f->krause = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->yilmaz = temp_store_add_user(f->s, "yilmaz", "Deniz Yilmaz", ROLE_INTERVIEWER, NOW);
	f->app1 = add_application(f, "Jonas", "Brüggemann", NOW + 3 * DAY);
	f->app2 = add_application(f, "Aylin", "Demir", NOW + 5 * DAY);
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

/* R-TIME-1, R-X-4: a plan round-trips, is replaced on a second set, and bad
 * JSON is refused. */
static void test_plan_round_trip(void **state)
{
	struct fixture *f = *state;
	struct stored_hiring_plan *p = calloc(1, sizeof *p);
	struct stored_hiring_plan *got = calloc(1, sizeof *got);
	assert_non_null(p);
	assert_non_null(got);
	assert_int_equal(store_hiring_plan_get(f->s, f->position, got), STORE_NOT_FOUND);
	p->position_id = f->position;
	p->start_day = DAY0 + 5;
	strcpy(p->note, "Start nach der Budgetfreigabe");
	assert_int_equal(store_hiring_plan_set(f->s, &TEST_CLI, p, NOW), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "create");
	assert_int_equal(store_hiring_plan_get(f->s, f->position, got), STORE_OK);
	assert_int_equal(got->start_day, DAY0 + 5);
	assert_string_equal(got->phase_weeks, "");
	assert_string_equal(got->note, "Start nach der Budgetfreigabe");

	p->start_day = DAY0 + 12;
	strcpy(p->phase_weeks, "{\"2\":[3,5]}");
	assert_int_equal(store_hiring_plan_set(f->s, &TEST_CLI, p, NOW + 1), STORE_OK);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "update");
	assert_non_null(strstr(e.changes, "start_day"));
	assert_int_equal(store_hiring_plan_get(f->s, f->position, got), STORE_OK);
	assert_int_equal(got->start_day, DAY0 + 12);
	assert_string_equal(got->phase_weeks, "{\"2\":[3,5]}");

	int64_t before = audit_count(f->s);
	strcpy(p->phase_weeks, "{not json");
	assert_int_equal(store_hiring_plan_set(f->s, &TEST_CLI, p, NOW + 2), STORE_INVALID);
	strcpy(p->phase_weeks, "");
	p->position_id = 9999;
	assert_int_equal(store_hiring_plan_set(f->s, &TEST_CLI, p, NOW + 2), STORE_INVALID);
	assert_int_equal(audit_count(f->s), before);
	assert_int_equal(store_hiring_plan_get(f->s, f->position, got), STORE_OK);
	assert_string_equal(got->phase_weeks, "{\"2\":[3,5]}");

	assert_int_equal(store_hiring_plan_delete(f->s, &TEST_CLI, f->position, NOW + 3), STORE_OK);
	assert_int_equal(store_hiring_plan_get(f->s, f->position, got), STORE_NOT_FOUND);
	assert_int_equal(store_hiring_plan_delete(f->s, &TEST_CLI, f->position, NOW + 3), STORE_NOT_FOUND);
	free(p);
	free(got);
}

/* R-GUARD-6: disclosures are recorded per application with who and when. */
static void test_disclosures(void **state)
{
	struct fixture *f = *state;
	struct challenge_disclosure d;
	struct challenge_disclosure *list;
	struct actor krause = { f->krause, "krause", NULL };
	size_t n;
	bool disclosed = true;

	assert_int_equal(store_challenge_disclosed(f->s, f->app1, &disclosed), STORE_OK);
	assert_false(disclosed);
	memset(&d, 0, sizeof d);
	d.application_id = f->app1;
	d.disclosed_at = NOW + 4 * DAY;
	strcpy(d.note, "Im Zweitgespräch offen besprochen");
	assert_int_equal(store_challenge_disclosure_add(f->s, &krause, &d, NOW + 5 * DAY), STORE_OK);
	assert_true(d.id > 0);
	assert_string_equal(last_audit(f->s).entity, "challenge_disclosure");
	assert_int_equal(store_challenge_disclosed(f->s, f->app1, &disclosed), STORE_OK);
	assert_true(disclosed);
	assert_int_equal(store_challenge_disclosed(f->s, f->app2, &disclosed), STORE_OK);
	assert_false(disclosed);
	assert_int_equal(store_challenge_disclosures(f->s, f->app1, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].disclosed_at, NOW + 4 * DAY);
	assert_int_equal(list[0].disclosed_by, f->krause);
	assert_string_equal(list[0].disclosed_by_name, "Dr. Petra Krause");
	assert_string_equal(list[0].note, "Im Zweitgespräch offen besprochen");
	free(list);

	/* in the future, or for an unknown application: refused */
	d.disclosed_at = NOW + 10 * DAY;
	assert_int_equal(store_challenge_disclosure_add(f->s, &krause, &d, NOW + 5 * DAY), STORE_INVALID);
	d.disclosed_at = 0;
	d.application_id = 9999;
	assert_int_equal(store_challenge_disclosure_add(f->s, &krause, &d, NOW + 5 * DAY), STORE_INVALID);
}

/* Submits a scorecard of user for the fixture's interview. */
static void submit_scorecard(struct fixture *f, int64_t user)
{
	struct actor who = { user, "test", NULL };
	struct scorecard sc;
	struct scorecard_rating r;
	assert_int_equal(store_scorecard_open(f->s, &who, f->interview, user, NOW + 20 * DAY, &sc), STORE_OK);
	scorecard_free(&sc); /* the arrays of the empty draft; ours are on the stack */
	memset(&r, 0, sizeof r);
	strcpy(r.competency, "negotiation");
	r.rating = 3;
	sc.ratings = &r;
	sc.nratings = 1;
	strcpy(sc.recommendation, "yes");
	assert_int_equal(store_scorecard_save(f->s, &who, user, &sc, NOW + 20 * DAY), STORE_OK);
	assert_int_equal(store_scorecard_submit(f->s, &who, user, sc.id, NOW + 20 * DAY), STORE_OK);
}

/* R-TIME-2, R-TIME-3, R-GUARD-1..3, 6, 7: the facts loader reports the
 * position, its deciders, each application's stage times and contact, and
 * each interview's start and submitted scorecards. */
static void test_facts(void **state)
{
	struct fixture *f = *state;
	struct position_facts facts;

	add_stakeholder(f, f->krause, "Dr. Petra Krause");
	add_stakeholder(f, 0, "Herr Ohlsen (Beirat)");
	struct stored_hiring_plan p;
	memset(&p, 0, sizeof p);
	p.position_id = f->position;
	p.start_day = DAY0;
	assert_int_equal(store_hiring_plan_set(f->s, &TEST_CLI, &p, NOW), STORE_OK);

	assert_int_equal(store_application_move(f->s, &TEST_CLI, f->app1, "first_interview", NULL, NOW + 10 * DAY),
			 STORE_OK);
	assert_int_equal(store_application_move(f->s, &TEST_CLI, f->app1, "offer", NULL, NOW + 25 * DAY), STORE_OK);
	assert_int_equal(store_application_move(f->s, &TEST_CLI, f->app1, "first_interview", NULL, NOW + 26 * DAY),
			 STORE_OK);
	struct application a2;
	assert_int_equal(store_application_get(f->s, f->app2, &a2), STORE_OK);
	assert_int_equal(store_application_add_event(f->s, &TEST_CLI, a2.candidate_id, f->app2, EVENT_CONTACT,
						     "Telefonat", NOW + 7 * DAY, NULL),
			 STORE_OK);
	struct challenge_disclosure d;
	memset(&d, 0, sizeof d);
	d.application_id = f->app1;
	assert_int_equal(store_challenge_disclosure_add(f->s, &TEST_CLI, &d, NOW + 24 * DAY), STORE_OK);

	/* one interview of app1 with two interviewers, one submitted */
	struct interview_round r;
	memset(&r, 0, sizeof r);
	r.position_id = f->position;
	strcpy(r.name, "Fachinterview");
	strcpy(r.stage, "first_interview");
	r.duration_minutes = 60;
	strcpy(r.kit_json, "{\"questions\":[],\"exercises\":[]}");
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &r, NOW), STORE_OK);
	struct round_interviewer list[2];
	memset(list, 0, sizeof list);
	list[0].user_id = f->krause;
	list[1].user_id = f->yilmaz;
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, r.id, list, 2, NOW), STORE_OK);
	struct interview iv;
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app1, r.id, NOW + 11 * DAY, &iv), STORE_OK);
	f->interview = iv.id;
	struct schedule_input in = { NOW + 12 * DAY + 9 * 3600, 0, "Raum Elbe", "" };
	assert_int_equal(store_interview_schedule(f->s, &TEST_CLI, iv.id, &in, NOW + 11 * DAY, NULL), STORE_OK);
	submit_scorecard(f, f->yilmaz);

	/* the ad, published on 2026-01-02 */
	struct stored_ad *ad = calloc(1, sizeof *ad);
	assert_non_null(ad);
	ad->position_id = f->position;
	strcpy(ad->ad.lang, "de");
	strcpy(ad->ad.title, "Key Account Manager (m/w/d)");
	ad->ad.valid_through_days = 60;
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, ad, NOW), STORE_OK);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->position, "kam-hamburg", "2026-01-02", "2026-03-02",
					  NOW + DAY),
			 STORE_OK);
	free(ad);

	assert_int_equal(store_position_facts(f->s, f->position, &facts), STORE_OK);
	assert_string_equal(facts.title, "Key Account Manager");
	assert_string_equal(facts.state, "DE-HH");
	assert_true(facts.has_plan);
	assert_int_equal(facts.plan.start_day, DAY0);
	assert_true(facts.has_challenges);
	assert_int_equal(facts.first_application_at, NOW + 3 * DAY);
	assert_int_equal(facts.ad_published_at, NOW + DAY);
	assert_true(facts.ad_published);
	assert_int_equal(facts.ndeciders, 2);          /* every stakeholder counts */
	assert_int_equal(facts.ndecider_users, 1);     /* only accounts have absences */
	assert_int_equal(facts.decider_user_ids[0], f->krause);

	assert_int_equal(facts.napplications, 2);
	const struct application_fact *x = &facts.applications[0];
	assert_int_equal(x->application_id, f->app1);
	assert_string_equal(x->first_name, "Jonas");
	assert_string_equal(x->stage, "first_interview");
	assert_int_equal(x->created_at, NOW + 3 * DAY);
	assert_int_equal(x->stage_entered_at, NOW + 26 * DAY);
	assert_int_equal(x->first_interview_at, NOW + 10 * DAY); /* the first move, not the last */
	assert_int_equal(x->first_offer_at, NOW + 25 * DAY);
	assert_int_equal(x->first_hired_at, 0);
	assert_int_equal(x->last_contact_at, 0);
	assert_true(x->challenges_disclosed);
	x = &facts.applications[1];
	assert_int_equal(x->application_id, f->app2);
	assert_int_equal(x->last_contact_at, NOW + 7 * DAY);
	assert_int_equal(x->first_interview_at, 0);
	assert_false(x->challenges_disclosed);

	assert_int_equal(facts.ninterviews, 1);
	const struct interview_fact *i = &facts.interviews[0];
	assert_int_equal(i->interview_id, f->interview);
	assert_int_equal(i->application_id, f->app1);
	assert_int_equal(i->starts_at, NOW + 12 * DAY + 9 * 3600);
	assert_string_equal(i->round_name, "Fachinterview");
	assert_int_equal(i->ninterviewers, 2);
	assert_int_equal(i->interviewers[0].user_id, f->krause);
	assert_false(i->interviewers[0].submitted);
	assert_int_equal(i->interviewers[1].user_id, f->yilmaz);
	assert_true(i->interviewers[1].submitted);
	position_facts_free(&facts);

	/* a cancelled interview is no longer a fact */
	assert_int_equal(store_interview_cancel(f->s, &TEST_CLI, f->interview, NOW + 30 * DAY), STORE_OK);
	assert_int_equal(store_position_facts(f->s, f->position, &facts), STORE_OK);
	assert_int_equal(facts.ninterviews, 0);
	position_facts_free(&facts);

	/* blank challenges are no challenges; an empty position has no facts */
	assert_int_equal(store_position_facts(f->s, f->empty_position, &facts), STORE_OK);
	assert_false(facts.has_challenges);
	assert_false(facts.has_plan);
	assert_int_equal(facts.napplications, 0);
	assert_int_equal(facts.first_application_at, 0);
	assert_int_equal(facts.ad_published_at, 0);
	assert_false(facts.ad_published);
	assert_int_equal(facts.ndeciders, 0);
	position_facts_free(&facts);
	assert_int_equal(store_position_facts(f->s, 9999, &facts), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disclosures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_facts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
