/*
 * test_store_scorecards.c — interviews, assignments and scorecards
 * (store/scorecards.h) against a real database in a fresh temporary
 * directory per test: the assignment snapshot, that only assigned
 * interviewers get a scorecard, the independence rule in the readers,
 * that a submitted scorecard is final (in the store and in the database),
 * and the flattened input of the evaluation matrix.
 *
 * Spec references: R-INT-3 (kit version per interview), R-INT-5
 * (independence, assignment, "my interviews"), R-INT-6 (scorecard content),
 * R-EVAL-1..3 (submitted ratings feed the matrix), R-X-4 (audit).
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
#include "store/interview_plans.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/scorecards.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position, position2;
	int64_t cand, app, app2, other_round;
	int64_t round;
	int64_t a, b, c;           /* interviewers A and B assigned, C not */
	int64_t interview;
};

static int64_t add_position(struct store *s, int64_t org, const char *title)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = org;
	strcpy(p.title, title);
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(s, &TEST_CLI, &p, NOW), STORE_OK);
	return p.id;
}

static int64_t add_application(struct store *s, int64_t position, int64_t candidate)
{
	struct application a;
	memset(&a, 0, sizeof a);
	a.candidate_id = candidate;
	a.position_id = position;
	assert_int_equal(store_application_create(s, &TEST_CLI, &a, NOW), STORE_OK);
	return a.id;
}

static int64_t add_round(struct store *s, int64_t position, const char *name)
{
	struct interview_round r;
	memset(&r, 0, sizeof r);
	r.position_id = position;
	snprintf(r.name, sizeof r.name, "%s", name);
	strcpy(r.stage, "first_interview");
	r.duration_minutes = 45;
	strcpy(r.kit_json, "{\"questions\":[\"kam.rel.01\"],\"exercises\":[\"role_play\"]}");
	assert_int_equal(store_interview_round_create(s, &TEST_CLI, &r, NOW), STORE_OK);
	return r.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-scorecards");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->position = add_position(f->s, o.id, "Key Account Manager");
	f->position2 = add_position(f->s, o.id, "Area Sales Manager");
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, "Jonas");
	strcpy(c.last_name, "Brüggemann");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	f->cand = c.id;
	f->app = add_application(f->s, f->position, f->cand);
	f->app2 = add_application(f->s, f->position2, f->cand);
	f->a = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->b = temp_store_add_user(f->s, "yilmaz", "Deniz Yilmaz", ROLE_INTERVIEWER, NOW);
	f->c = temp_store_add_user(f->s, "schmidt", "Lena Schmidt", ROLE_INTERVIEWER, NOW);
	f->round = add_round(f->s, f->position, "First interview");
	f->other_round = add_round(f->s, f->position2, "First interview");

	struct round_interviewer list[2];
	memset(list, 0, sizeof list);
	list[0].user_id = f->a;
	strcpy(list[0].focus, "industry_knowledge");
	list[1].user_id = f->b;
	strcpy(list[1].focus, "negotiation,relationship_management");
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, f->round, list, 2, NOW), STORE_OK);
	struct interview iv;
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app, f->round, NOW + 60, &iv), STORE_OK);
	f->interview = iv.id;
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

static struct actor as_user(int64_t id, const char *name)
{
	struct actor who = { id, name, NULL };
	return who;
}

/* Opens the scorecard of user for the fixture's interview, fills one
 * rating, one answer, one exercise rating and the recommendation, saves
 * and (when submit) submits it; returns its id. */
static int64_t write_scorecard(struct fixture *f, int64_t user, const char *competency, int rating,
			       const char *recommendation, bool submit)
{
	struct actor who = as_user(user, "test");
	struct scorecard sc;
	struct scorecard_rating r;
	struct scorecard_answer an;
	struct scorecard_exercise ex;
	assert_int_equal(store_scorecard_open(f->s, &who, f->interview, user, NOW + 100, &sc), STORE_OK);
	assert_int_equal(sc.status, SCORECARD_DRAFT);
	memset(&r, 0, sizeof r);
	strcpy(r.competency, competency);
	r.rating = rating;
	strcpy(r.notes, "Beispiel aus dem Großkundengeschäft");
	memset(&an, 0, sizeof an);
	strcpy(an.question_ref, "kam.rel.01");
	strcpy(an.notes, "konkret, mit Zahlen");
	memset(&ex, 0, sizeof ex);
	strcpy(ex.exercise_key, "role_play");
	ex.rating = 3;
	sc.ratings = &r;
	sc.nratings = 1;
	sc.answers = &an;
	sc.nanswers = 1;
	sc.exercises = &ex;
	sc.nexercises = 1;
	strcpy(sc.recommendation, recommendation);
	strcpy(sc.candidate_questions, "Wie sieht das Onboarding aus?");
	strcpy(sc.candidate_questions_quality, "substantive");
	assert_int_equal(store_scorecard_save(f->s, &who, user, &sc, NOW + 200), STORE_OK);
	if (submit)
		assert_int_equal(store_scorecard_submit(f->s, &who, user, sc.id, NOW + 300), STORE_OK);
	return sc.id;
}

/* The number of scorecards of the fixture's application viewer may see. */
static size_t visible_count(struct fixture *f, int64_t viewer, bool all)
{
	struct scorecard *list = NULL;
	size_t n = 99;
	assert_int_equal(store_scorecards_for_application_visible(f->s, viewer, all, f->app, &list, &n), STORE_OK);
	scorecard_list_free(list, n);
	return n;
}

/* R-INT-5: creating an interview snapshots the round's interviewers and
 * focus; later changes to the round do not change the assignment. */
static void test_assignment_snapshot(void **state)
{
	struct fixture *f = *state;
	struct interview iv;
	struct my_interview *mine = NULL;
	size_t n = 0;
	bool yes = false;

	assert_int_equal(store_interview_get(f->s, f->interview, &iv), STORE_OK);
	assert_int_equal(iv.application_id, f->app);
	assert_int_equal(iv.candidate_id, f->cand);
	assert_int_equal(iv.kit_version, 1); /* R-INT-3 */
	assert_string_equal(iv.round_name, "First interview");
	assert_int_equal(iv.ninterviewers, 2);
	assert_int_equal(iv.interviewers[0].who.user_id, f->a);
	assert_string_equal(iv.interviewers[0].who.focus, "industry_knowledge");
	assert_int_equal(iv.interviewers[1].who.user_id, f->b);
	assert_string_equal(iv.interviewers[1].who.focus, "negotiation,relationship_management");
	assert_int_equal(iv.interviewers[0].scorecard, SCORECARD_NONE);

	/* the round now has only C: the interview keeps A and B */
	struct round_interviewer only_c;
	memset(&only_c, 0, sizeof only_c);
	only_c.user_id = f->c;
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, f->round, &only_c, 1, NOW), STORE_OK);
	assert_int_equal(store_interview_get(f->s, f->interview, &iv), STORE_OK);
	assert_int_equal(iv.ninterviewers, 2);

	assert_int_equal(store_interviewer_assigned(f->s, f->a, f->cand, &yes), STORE_OK);
	assert_true(yes);
	assert_int_equal(store_interviewer_assigned(f->s, f->c, f->cand, &yes), STORE_OK);
	assert_false(yes);
	assert_int_equal(store_interviewer_assigned_to_interview(f->s, f->b, f->interview, &yes), STORE_OK);
	assert_true(yes);
	assert_int_equal(store_interviewer_assigned_to_interview(f->s, f->c, f->interview, &yes), STORE_OK);
	assert_false(yes);
	assert_int_equal(store_interviewer_assigned_to_application(f->s, f->a, f->app, &yes), STORE_OK);
	assert_true(yes);
	assert_int_equal(store_interviewer_assigned_to_application(f->s, f->a, f->app2, &yes), STORE_OK);
	assert_false(yes);

	/* "my interviews" of A */
	assert_int_equal(store_interviews_for_user(f->s, f->a, &mine, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(mine[0].first_name, "Jonas");
	assert_string_equal(mine[0].last_name, "Brüggemann");
	assert_string_equal(mine[0].position_title, "Key Account Manager");
	assert_string_equal(mine[0].round_name, "First interview");
	assert_int_equal(mine[0].kit_version, 1);
	assert_string_equal(mine[0].focus, "industry_knowledge");
	assert_int_equal(mine[0].my_status, SCORECARD_NONE);
	free(mine);
	write_scorecard(f, f->a, "industry_knowledge", 3, "yes", false);
	assert_int_equal(store_interviews_for_user(f->s, f->a, &mine, &n), STORE_OK);
	assert_int_equal(mine[0].my_status, SCORECARD_DRAFT);
	assert_true(mine[0].scorecard_id > 0);
	free(mine);
	assert_int_equal(store_interviews_for_user(f->s, f->c, &mine, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(mine);

	/* one interview per application and round; rounds of other positions refused */
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app, f->round, NOW, NULL), STORE_CONFLICT);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app, f->other_round, NOW, NULL), STORE_INVALID);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, 9999, f->round, NOW, NULL), STORE_NOT_FOUND);
}

/* R-INT-5: someone not assigned gets no scorecard (and no trace of one). */
static void test_unassigned_user_gets_no_draft(void **state)
{
	struct fixture *f = *state;
	struct scorecard sc;
	struct actor who = as_user(f->c, "schmidt");
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_scorecard_open(f->s, &who, f->interview, f->c, NOW, &sc), STORE_NOT_FOUND);
	assert_int_equal(store_scorecard_open(f->s, &who, 9999, f->c, NOW, &sc), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(visible_count(f, f->c, true), 0);

	/* opening twice returns the same draft */
	struct actor a = as_user(f->a, "krause");
	struct scorecard one, two;
	assert_int_equal(store_scorecard_open(f->s, &a, f->interview, f->a, NOW, &one), STORE_OK);
	assert_string_equal(last_audit(f->s).entity, "scorecard");
	assert_int_equal(store_scorecard_open(f->s, &a, f->interview, f->a, NOW, &two), STORE_OK);
	assert_int_equal(one.id, two.id);
	assert_int_equal(one.user_id, f->a);
	assert_string_equal(one.user_display, "Dr. Petra Krause");
	scorecard_free(&one);
	scorecard_free(&two);
}

/* R-INT-5: B cannot read A's submitted scorecard before submitting their
 * own (not found, not forbidden); afterwards they can. Drafts are only ever
 * seen by their author; a viewer who sees all sees submitted ones only. */
static void test_independence(void **state)
{
	struct fixture *f = *state;
	struct scorecard sc;
	bool unlocked = true;

	int64_t sa = write_scorecard(f, f->a, "industry_knowledge", 4, "strong_yes", true);
	int64_t sb = write_scorecard(f, f->b, "negotiation", 2, "no", false);

	/* B with a draft only: A's submitted scorecard does not exist for B */
	assert_int_equal(store_scorecard_get_visible(f->s, f->b, false, sa, &sc), STORE_NOT_FOUND);
	assert_int_equal(store_scorecard_viewer_unlocked(f->s, f->b, f->app, &unlocked), STORE_OK);
	assert_false(unlocked);
	assert_int_equal(visible_count(f, f->b, false), 1); /* only B's own draft */
	assert_int_equal(store_scorecard_get_visible(f->s, f->b, false, sb, &sc), STORE_OK);
	assert_int_equal(sc.status, SCORECARD_DRAFT);
	scorecard_free(&sc);

	/* A has submitted, yet B's draft stays invisible to A */
	assert_int_equal(store_scorecard_get_visible(f->s, f->a, false, sb, &sc), STORE_NOT_FOUND);
	assert_int_equal(visible_count(f, f->a, false), 1);
	/* C (not assigned) sees nothing; a recruiter (sees all) sees the submitted one only */
	assert_int_equal(store_scorecard_get_visible(f->s, f->c, false, sa, &sc), STORE_NOT_FOUND);
	assert_int_equal(store_scorecard_get_visible(f->s, f->c, true, sb, &sc), STORE_NOT_FOUND);
	assert_int_equal(visible_count(f, f->c, true), 1);

	/* B submits: A's scorecard becomes visible to B, with its content */
	struct actor b = as_user(f->b, "yilmaz");
	assert_int_equal(store_scorecard_submit(f->s, &b, f->b, sb, NOW + 400), STORE_OK);
	assert_int_equal(store_scorecard_viewer_unlocked(f->s, f->b, f->app, &unlocked), STORE_OK);
	assert_true(unlocked);
	assert_int_equal(store_scorecard_get_visible(f->s, f->b, false, sa, &sc), STORE_OK);
	assert_int_equal(sc.status, SCORECARD_SUBMITTED);
	assert_int_equal(sc.user_id, f->a);
	assert_string_equal(sc.recommendation, "strong_yes");
	assert_int_equal(sc.nratings, 1);
	assert_string_equal(sc.ratings[0].competency, "industry_knowledge");
	assert_int_equal(sc.ratings[0].rating, 4);
	assert_int_equal(sc.nanswers, 1);
	assert_string_equal(sc.answers[0].question_ref, "kam.rel.01");
	assert_int_equal(sc.nexercises, 1);
	assert_string_equal(sc.exercises[0].exercise_key, "role_play");
	assert_string_equal(sc.candidate_questions_quality, "substantive");
	assert_int_equal(sc.submitted_at, NOW + 300);
	scorecard_free(&sc);
	assert_int_equal(visible_count(f, f->b, false), 2);
	assert_int_equal(visible_count(f, f->a, false), 2);
	assert_int_equal(visible_count(f, f->c, true), 2);
	assert_int_equal(visible_count(f, f->c, false), 0);
	assert_int_equal(store_scorecard_get_visible(f->s, f->a, false, 9999, &sc), STORE_NOT_FOUND);
}

/* R-INT-5: a submitted scorecard is final — the store refuses to save or
 * submit it again, and the database refuses any UPDATE/DELETE/INSERT. */
static void test_submitted_is_final(void **state)
{
	struct fixture *f = *state;
	struct actor a = as_user(f->a, "krause");
	struct scorecard sc;
	int64_t id = write_scorecard(f, f->a, "industry_knowledge", 3, "yes", true);

	assert_int_equal(store_scorecard_open(f->s, &a, f->interview, f->a, NOW, &sc), STORE_OK);
	assert_int_equal(sc.id, id);
	assert_int_equal(sc.status, SCORECARD_SUBMITTED);
	scorecard_free(&sc);
	memset(&sc, 0, sizeof sc);
	sc.id = id;
	strcpy(sc.recommendation, "no");
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_INVALID);
	assert_int_equal(store_scorecard_submit(f->s, &a, f->a, id, NOW), STORE_INVALID);

	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE scorecards SET recommendation = 'no'"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "DELETE FROM scorecards"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE scorecard_ratings SET rating = 1"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "DELETE FROM scorecard_ratings"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "DELETE FROM scorecard_answers"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE exercise_ratings SET rating = 1"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "INSERT INTO scorecard_ratings (scorecard_id, competency,"
							  " rating) SELECT id, 'negotiation', 4 FROM scorecards"),
			     STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "DELETE FROM applications"), STORE_OK);

	assert_int_equal(store_scorecard_get_visible(f->s, f->a, false, id, &sc), STORE_OK);
	assert_string_equal(sc.recommendation, "yes");
	assert_int_equal(sc.nratings, 1);
	assert_int_equal(sc.ratings[0].rating, 3);
	assert_int_equal(sc.nanswers, 1);
	scorecard_free(&sc);
}

/* R-INT-6: submit needs a recommendation and at least one rating; saves
 * check codes, ranges, duplicates and the author. */
static void test_submit_and_save_checks(void **state)
{
	struct fixture *f = *state;
	struct actor a = as_user(f->a, "krause");
	struct actor b = as_user(f->b, "yilmaz");
	struct scorecard sc, got;
	struct scorecard_rating r[2];

	assert_int_equal(store_scorecard_open(f->s, &a, f->interview, f->a, NOW, &sc), STORE_OK);
	/* nothing yet */
	assert_int_equal(store_scorecard_submit(f->s, &a, f->a, sc.id, NOW), STORE_INVALID);
	/* a rating but no recommendation */
	memset(r, 0, sizeof r);
	strcpy(r[0].competency, "negotiation");
	r[0].rating = 3;
	sc.ratings = r;
	sc.nratings = 1;
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_OK);
	assert_int_equal(store_scorecard_submit(f->s, &a, f->a, sc.id, NOW), STORE_INVALID);
	/* a recommendation but no rating */
	strcpy(sc.recommendation, "yes");
	sc.nratings = 0;
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_OK);
	assert_int_equal(store_scorecard_submit(f->s, &a, f->a, sc.id, NOW), STORE_INVALID);

	/* bad values are refused and change nothing */
	sc.nratings = 1;
	r[0].rating = 5;
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_INVALID);
	r[0].rating = 0;
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_INVALID);
	r[0].rating = 2;
	r[1] = r[0];
	sc.nratings = 2;
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_INVALID); /* duplicate */
	sc.nratings = 1;
	strcpy(sc.recommendation, "maybe");
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_INVALID);
	strcpy(sc.recommendation, "yes");
	strcpy(sc.candidate_questions_quality, "deep");
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW), STORE_INVALID);
	sc.candidate_questions_quality[0] = '\0';
	/* somebody else cannot save or submit A's scorecard */
	assert_int_equal(store_scorecard_save(f->s, &b, f->b, &sc, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_scorecard_submit(f->s, &b, f->b, sc.id, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_scorecard_get_visible(f->s, f->a, false, sc.id, &got), STORE_OK);
	assert_int_equal(got.nratings, 0);
	assert_string_equal(got.recommendation, "yes");
	scorecard_free(&got);

	/* now complete: submit works and is audited */
	assert_int_equal(store_scorecard_save(f->s, &a, f->a, &sc, NOW + 5), STORE_OK);
	assert_int_equal(store_scorecard_submit(f->s, &a, f->a, sc.id, NOW + 6), STORE_OK);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "scorecard");
	assert_string_equal(e.action, "submit");
	assert_int_equal(e.user_id, f->a);
	sc.ratings = NULL;
	sc.nratings = 0;
	scorecard_free(&sc);
}

/* R-EVAL-1..3: the matrix reads submitted scorecards only, flattened. */
static void test_submitted_for_position(void **state)
{
	struct fixture *f = *state;
	struct position_scorecards p;

	write_scorecard(f, f->a, "industry_knowledge", 4, "strong_yes", true);
	write_scorecard(f, f->b, "negotiation", 2, "no", false);
	assert_int_equal(store_scorecards_submitted_for_position(f->s, f->position, &p), STORE_OK);
	assert_int_equal(p.nratings, 1);
	assert_int_equal(p.ratings[0].application_id, f->app);
	assert_int_equal(p.ratings[0].user_id, f->a);
	assert_string_equal(p.ratings[0].interviewer, "Dr. Petra Krause");
	assert_string_equal(p.ratings[0].competency, "industry_knowledge");
	assert_int_equal(p.ratings[0].rating, 4);
	assert_int_equal(p.nexercises, 1);
	assert_string_equal(p.exercises[0].competency, "role_play");
	assert_int_equal(p.exercises[0].rating, 3);
	assert_int_equal(p.nrecommendations, 1);
	assert_string_equal(p.recommendations[0].recommendation, "strong_yes");
	assert_string_equal(p.recommendations[0].round_name, "First interview");
	assert_int_equal(p.recommendations[0].round_ord, 1);
	position_scorecards_free(&p);

	assert_int_equal(store_scorecards_submitted_for_position(f->s, f->position2, &p), STORE_OK);
	assert_int_equal(p.nratings + p.nexercises + p.nrecommendations, 0);
	position_scorecards_free(&p);
	assert_int_equal(store_scorecards_submitted_for_position(f->s, 9999, &p), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_assignment_snapshot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unassigned_user_gets_no_draft, setup, teardown),
		cmocka_unit_test_setup_teardown(test_independence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_submitted_is_final, setup, teardown),
		cmocka_unit_test_setup_teardown(test_submit_and_save_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_submitted_for_position, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
