/*
 * test_store_schedule.c — interview scheduling (store/schedule.h) against
 * a real database in a fresh temporary directory per test: schedule,
 * reschedule and cancel with the iCalendar SEQUENCE, the filtered list with
 * its joined names, and the conflicts of a proposed slot with the same
 * interviewer's other interviews and absences.
 *
 * Spec references: R-COMM-1 (scheduling, conflicts flagged), R-X-4 (audit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/absences.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/interview_plans.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/schedule.h"
#include "store/scorecards.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY0 20454     /* 2026-01-01 as a day number */
#define SLOT (NOW + 14 * 86400 + 9 * 3600) /* 2026-01-15 09:00 UTC */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position;
	int64_t round;
	int64_t a, b, c;           /* A and B interview round 1, C nobody */
	int64_t iv1, iv2;          /* interviews of two candidates in the same round */
};

static int64_t add_candidate(struct store *s, const char *first, const char *last, const char *email)
{
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, first);
	strcpy(c.last_name, last);
	strcpy(c.email, email);
	assert_int_equal(store_candidate_create(s, &TEST_CLI, &c, NOW), STORE_OK);
	return c.id;
}

static int64_t add_interview(struct fixture *f, int64_t candidate)
{
	struct application a;
	struct interview iv;
	memset(&a, 0, sizeof a);
	a.candidate_id = candidate;
	a.position_id = f->position;
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, a.id, f->round, NOW + 60, &iv), STORE_OK);
	return iv.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-schedule");
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
	f->a = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->b = temp_store_add_user(f->s, "yilmaz", "Deniz Yilmaz", ROLE_INTERVIEWER, NOW);
	f->c = temp_store_add_user(f->s, "schmidt", "Lena Schmidt", ROLE_INTERVIEWER, NOW);
	struct interview_round r;
	memset(&r, 0, sizeof r);
	r.position_id = f->position;
	strcpy(r.name, "Fachinterview");
	strcpy(r.stage, "first_interview");
	r.duration_minutes = 45;
	strcpy(r.kit_json, "{\"questions\":[],\"exercises\":[]}");
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &r, NOW), STORE_OK);
	f->round = r.id;
	struct round_interviewer list[2];
	memset(list, 0, sizeof list);
	list[0].user_id = f->a;
	list[1].user_id = f->b;
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, f->round, list, 2, NOW), STORE_OK);
	f->iv1 = add_interview(f, add_candidate(f->s, "Jonas", "Brüggemann", "jonas@example.org"));
	f->iv2 = add_interview(f, add_candidate(f->s, "Aylin", "Demir", "aylin@example.org"));
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

static void schedule(struct fixture *f, int64_t interview, int64_t at, int minutes)
{
	struct schedule_input in = { at, minutes, "Raum Elbe", "" };
	assert_int_equal(store_interview_schedule(f->s, &TEST_CLI, interview, &in, NOW + 100, NULL), STORE_OK);
}

/* R-COMM-1, R-X-4: scheduling stores the slot with the joined names; every
 * change increments the SEQUENCE; cancel keeps the start. */
static void test_schedule_round_trip(void **state)
{
	struct fixture *f = *state;
	struct scheduled_interview *x = calloc(1, sizeof *x);
	struct actor krause = { f->a, "krause", NULL };
	assert_non_null(x);

	assert_int_equal(store_scheduled_interview_get(f->s, f->iv1, x), STORE_OK);
	assert_int_equal(x->starts_at, 0);
	assert_int_equal(x->ics_sequence, 0);
	assert_int_equal(x->effective_minutes, 45);

	struct schedule_input in = { SLOT, 0, "Raum Elbe", "https://meet.example.org/abc" };
	assert_int_equal(store_interview_schedule(f->s, &krause, f->iv1, &in, NOW + 100, x), STORE_OK);
	assert_int_equal(x->starts_at, SLOT);
	assert_int_equal(x->duration_minutes, 0);
	assert_int_equal(x->effective_minutes, 45);
	assert_string_equal(x->location, "Raum Elbe");
	assert_string_equal(x->video_link, "https://meet.example.org/abc");
	assert_int_equal(x->scheduled_by, f->a);
	assert_string_equal(x->scheduled_by_name, "Dr. Petra Krause");
	assert_int_equal(x->scheduled_at, NOW + 100);
	assert_int_equal(x->ics_sequence, 1);
	assert_string_equal(x->first_name, "Jonas");
	assert_string_equal(x->last_name, "Brüggemann");
	assert_string_equal(x->candidate_email, "jonas@example.org");
	assert_string_equal(x->position_title, "Key Account Manager");
	assert_string_equal(x->round_name, "Fachinterview");
	assert_int_equal(x->ninterviewers, 2);
	assert_int_equal(x->interviewers[0].user_id, f->b); /* by display name: Deniz before Dr. Petra */
	assert_int_equal(x->interviewers[1].user_id, f->a);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "interview");
	assert_string_equal(e.action, "schedule");
	assert_int_equal(e.user_id, f->a);

	/* reschedule: new time and duration, sequence 2 */
	struct schedule_input later = { SLOT + 3600, 60, "", "" };
	assert_int_equal(store_interview_schedule(f->s, &krause, f->iv1, &later, NOW + 200, x), STORE_OK);
	assert_int_equal(x->starts_at, SLOT + 3600);
	assert_int_equal(x->effective_minutes, 60);
	assert_string_equal(x->location, "");
	assert_int_equal(x->ics_sequence, 2);
	assert_string_equal(last_audit(f->s).action, "reschedule");

	/* cancel: sequence 3, start kept; cancelling again is refused */
	assert_int_equal(store_interview_cancel(f->s, &krause, f->iv1, NOW + 300), STORE_OK);
	assert_int_equal(store_scheduled_interview_get(f->s, f->iv1, x), STORE_OK);
	assert_int_equal(x->cancelled_at, NOW + 300);
	assert_int_equal(x->starts_at, SLOT + 3600);
	assert_int_equal(x->ics_sequence, 3);
	assert_string_equal(last_audit(f->s).action, "cancel");
	assert_int_equal(store_interview_cancel(f->s, &krause, f->iv1, NOW + 301), STORE_INVALID);
	assert_int_equal(store_interview_cancel(f->s, &krause, f->iv2, NOW + 301), STORE_INVALID); /* never scheduled */

	/* scheduling again un-cancels */
	assert_int_equal(store_interview_schedule(f->s, &krause, f->iv1, &in, NOW + 400, x), STORE_OK);
	assert_int_equal(x->cancelled_at, 0);
	assert_int_equal(x->ics_sequence, 4);
	free(x);
}

/* Bad input changes nothing. */
static void test_schedule_invalid(void **state)
{
	struct fixture *f = *state;
	int64_t before = audit_count(f->s);
	struct schedule_input in = { 0, 0, "", "" };
	assert_int_equal(store_interview_schedule(f->s, &TEST_CLI, f->iv1, &in, NOW, NULL), STORE_INVALID);
	in.starts_at = SLOT;
	in.duration_minutes = 601;
	assert_int_equal(store_interview_schedule(f->s, &TEST_CLI, f->iv1, &in, NOW, NULL), STORE_INVALID);
	in.duration_minutes = 30;
	in.location = "\xc3\x28";
	assert_int_equal(store_interview_schedule(f->s, &TEST_CLI, f->iv1, &in, NOW, NULL), STORE_INVALID);
	in.location = "";
	assert_int_equal(store_interview_schedule(f->s, &TEST_CLI, 9999, &in, NOW, NULL), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), before);
}

/* R-COMM-1: the list filters by user, time window and cancellation. */
static void test_list_filters(void **state)
{
	struct fixture *f = *state;
	struct scheduled_interview *list;
	size_t n;
	struct schedule_filter all = { 0 };

	assert_int_equal(store_scheduled_interviews_list(f->s, &all, &list, &n), STORE_OK);
	assert_int_equal(n, 0); /* nothing scheduled yet */
	free(list);
	all.include_unscheduled = true;
	assert_int_equal(store_scheduled_interviews_list(f->s, &all, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);

	schedule(f, f->iv1, SLOT + 86400, 0);
	schedule(f, f->iv2, SLOT, 0);
	struct schedule_filter mine = { .user_id = f->a };
	assert_int_equal(store_scheduled_interviews_list(f->s, &mine, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, f->iv2); /* by start */
	assert_int_equal(list[1].id, f->iv1);
	assert_string_equal(list[0].first_name, "Aylin");
	assert_int_equal(list[0].ninterviewers, 2);
	free(list);
	struct schedule_filter nobody = { .user_id = f->c };
	assert_int_equal(store_scheduled_interviews_list(f->s, &nobody, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	struct schedule_filter window = { .from = SLOT + 1, .to = SLOT + 2 * 86400 };
	assert_int_equal(store_scheduled_interviews_list(f->s, &window, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, f->iv1);
	free(list);

	assert_int_equal(store_interview_cancel(f->s, &TEST_CLI, f->iv1, NOW + 500), STORE_OK);
	assert_int_equal(store_scheduled_interviews_list(f->s, &mine, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(list);
	mine.include_cancelled = true;
	assert_int_equal(store_scheduled_interviews_list(f->s, &mine, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);
}

/* R-COMM-1: an overlapping interview of the same interviewer and an absence
 * of an interviewer on the day are conflicts; back-to-back slots and
 * cancelled interviews are not. */
static void test_conflicts(void **state)
{
	struct fixture *f = *state;
	struct schedule_conflict *list;
	size_t n;

	schedule(f, f->iv2, SLOT, 0); /* 09:00–09:45 */

	/* 09:30 for 45 minutes overlaps iv2 for both interviewers */
	assert_int_equal(store_schedule_conflicts(f->s, f->iv1, SLOT + 1800, 0, DAY0 + 14, DAY0 + 14, &list, &n),
			 STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].kind, CONFLICT_INTERVIEW);
	assert_string_equal(schedule_conflict_kind_code(list[0].kind), "interview");
	assert_int_equal(list[0].other_id, f->iv2);
	assert_int_equal(list[0].starts_at, SLOT);
	assert_int_equal(list[0].ends_at, SLOT + 45 * 60);
	assert_int_equal(list[0].user_id < list[1].user_id, 1);
	free(list);

	/* back to back: 09:45 starts when iv2 ends; 08:15–09:00 ends when it starts */
	assert_int_equal(store_schedule_conflicts(f->s, f->iv1, SLOT + 45 * 60, 30, DAY0 + 14, DAY0 + 14, &list, &n),
			 STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_schedule_conflicts(f->s, f->iv1, SLOT - 45 * 60, 45, DAY0 + 14, DAY0 + 14, &list, &n),
			 STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	/* the interview itself never conflicts with its own slot */
	assert_int_equal(store_schedule_conflicts(f->s, f->iv2, SLOT, 0, DAY0 + 14, DAY0 + 14, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	/* an absence of B on the day */
	struct absence ab;
	memset(&ab, 0, sizeof ab);
	ab.user_id = f->b;
	ab.from_day = DAY0 + 13;
	ab.to_day = DAY0 + 14;
	assert_int_equal(store_absence_add(f->s, &TEST_CLI, &ab, NOW), STORE_OK);
	assert_int_equal(store_schedule_conflicts(f->s, f->iv1, SLOT + 3 * 3600, 0, DAY0 + 14, DAY0 + 14, &list, &n),
			 STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].kind, CONFLICT_ABSENCE);
	assert_string_equal(schedule_conflict_kind_code(list[0].kind), "absence");
	assert_int_equal(list[0].user_id, f->b);
	assert_string_equal(list[0].user_display, "Deniz Yilmaz");
	assert_int_equal(list[0].other_id, ab.id);
	assert_int_equal(list[0].to_day, DAY0 + 14);
	free(list);
	/* the next day is free */
	assert_int_equal(store_schedule_conflicts(f->s, f->iv1, SLOT + 86400, 0, DAY0 + 15, DAY0 + 15, &list, &n),
			 STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	/* a cancelled interview no longer blocks its slot */
	assert_int_equal(store_interview_cancel(f->s, &TEST_CLI, f->iv2, NOW + 600), STORE_OK);
	assert_int_equal(store_schedule_conflicts(f->s, f->iv1, SLOT, 0, DAY0 + 15, DAY0 + 15, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_schedule_conflicts(f->s, 9999, SLOT, 0, DAY0, DAY0, &list, &n), STORE_NOT_FOUND);
}

/* The scheduling columns stay updatable while migration 6's trigger still
 * refuses to move an interview to another round. */
static void test_trigger_still_guards(void **state)
{
	struct fixture *f = *state;
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE interviews SET round_id = round_id WHERE id = 1"),
			     STORE_OK);
	assert_int_equal(db_exec_script(f->s, "test", "UPDATE interviews SET starts_at = 1, ics_sequence = 5"),
			 STORE_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schedule_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schedule_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflicts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trigger_still_guards, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
