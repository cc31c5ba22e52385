/*
 * Unit tests for src/core/guards.c: every guardrail at its thresholds with a
 * fixed `now` (R-GUARD-1..3, 6, 7, plus R-GUARD-4 through the same panel),
 * working days with public holidays, and the sorting by urgency.
 * Times are built as Europe/Berlin wall-clock times (core/berlin_time.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/berlin_time.h"
#include "core/guards.h"

/* UTC seconds of a Berlin local time. */
static int64_t at(int y, int mo, int d, int h)
{
	int64_t t = 0;
	assert_true(berlin_to_utc(y, mo, d, h, 0, &t));
	return t;
}

#define MAXF 32

struct run {
	struct health_finding f[MAXF];
	size_t n, total;
};

static void eval(const struct guard_facts *g, int64_t now, struct run *r)
{
	memset(r, 0, sizeof *r);
	r->n = guards_evaluate(g, now, r->f, MAXF, &r->total);
	assert_int_equal(r->n, r->total);
}

/* The finding of `rule` about application `app` (0 = any), or NULL. */
static const struct health_finding *find(const struct run *r, const char *rule, int64_t app)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->f[i].rule, rule) == 0 && (app == 0 || r->f[i].application_id == app))
			return &r->f[i];
	return NULL;
}

static struct guard_application_facts app(int64_t id, enum stage_kind kind, int64_t created, int64_t contact)
{
	struct guard_application_facts a = { 0 };
	a.id = id;
	a.candidate_id = id + 100;
	a.candidate_name = "Erika Mustermann";
	a.stage_code = kind == STAGE_ACTIVE ? "prequalification" : kind == STAGE_HIRED ? "hired" : "rejected";
	a.kind = kind;
	a.created_at = created;
	a.last_contact_at = contact;
	return a;
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(guard_severity_code(GUARD_INFO), "info");
	assert_string_equal(guard_severity_code(GUARD_WARNING), "warning");
	assert_string_equal(guard_severity_code(GUARD_CRITICAL), "critical");
	assert_string_equal(guard_fix_code(GUARD_FIX_CANDIDATE), "candidate");
	assert_string_equal(guard_fix_code(GUARD_FIX_TIMELINE), "timeline");
	assert_string_equal(GUARD_RULE_NO_CONTACT, "guard.no_contact");
}

/* R-GUARD-1: six weeks exactly do not warn, one day more does; a hire ends it. */
static void test_selection_too_long(void **state)
{
	struct run r;
	struct guard_facts g = { 0 };
	struct guard_application_facts a[2];

	(void)state;
	g.position.first_application_at = at(2025, 3, 3, 10);   /* Monday */
	eval(&g, at(2025, 4, 14, 18), &r);                       /* 42 days (across the DST change) */
	assert_null(find(&r, GUARD_RULE_SELECTION_TOO_LONG, 0));
	eval(&g, at(2025, 4, 15, 8), &r);                        /* 43 days */
	const struct health_finding *f = find(&r, GUARD_RULE_SELECTION_TOO_LONG, 0);
	assert_non_null(f);
	assert_int_equal(f->severity, GUARD_WARNING);
	assert_int_equal(f->days, 43);
	assert_int_equal(f->fix, GUARD_FIX_TIMELINE);
	assert_int_equal(f->application_id, 0);
	assert_non_null(strstr(f->message, "six weeks"));

	int64_t now = at(2025, 4, 15, 8);
	a[0] = app(1, STAGE_ACTIVE, g.position.first_application_at, now);
	a[1] = app(2, STAGE_HIRED, g.position.first_application_at, now);
	g.applications = a;
	g.napplications = 2;
	eval(&g, now, &r);
	assert_null(find(&r, GUARD_RULE_SELECTION_TOO_LONG, 0));
	g.position.first_application_at = 0;   /* no application yet */
	g.napplications = 0;
	eval(&g, now, &r);
	assert_int_equal(r.n, 0);
}

/* R-GUARD-2: warning from day 21 (week 3 done), critical beyond 4 weeks. */
static void test_availability_window(void **state)
{
	struct run r;
	struct guard_facts g = { 0 };
	struct guard_application_facts a[2];
	int64_t created = at(2025, 6, 2, 9);
	const struct health_finding *f;

	(void)state;
	g.applications = a;
	g.napplications = 2;
	struct { int day; int severity; } cases[] = {
		{ 20, -1 }, { 21, GUARD_WARNING }, { 28, GUARD_WARNING }, { 29, GUARD_CRITICAL }, { 60, GUARD_CRITICAL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t now = created + (int64_t)cases[i].day * 86400;
		a[0] = app(1, STAGE_ACTIVE, created, now);      /* contacted today: no no_contact */
		a[1] = app(2, STAGE_EXIT, created, now);        /* exits never count */
		eval(&g, now, &r);
		f = find(&r, GUARD_RULE_AVAILABILITY_WINDOW, 1);
		if (cases[i].severity < 0) {
			assert_null(f);
		} else {
			assert_non_null(f);
			assert_int_equal(f->severity, cases[i].severity);
			assert_int_equal(f->days, cases[i].day);
			assert_int_equal(f->candidate_id, 101);
			assert_string_equal(f->candidate_name, "Erika Mustermann");
			assert_int_equal(f->fix, GUARD_FIX_BOARD);
		}
		assert_null(find(&r, GUARD_RULE_AVAILABILITY_WINDOW, 2));
		assert_null(find(&r, GUARD_RULE_NO_CONTACT, 0));
	}
}

/* R-GUARD-3: working days since the last contact, with Easter (Karfreitag,
 * Ostermontag) and 1 May in between: 4 → none, 5 → warning, 9 → warning,
 * 10 → critical, 14 → critical, 15 → critical "lost interest". */
static void test_no_contact(void **state)
{
	struct run r;
	struct guard_facts g = { 0 };
	struct guard_application_facts a[1];
	int64_t contact = at(2025, 4, 15, 16);   /* Tuesday before Easter */
	struct { int mo, d, days, severity; bool lost; } cases[] = {
		{ 4, 23, 4, -1, false },              /* Wed: 16, 17, 22, 23 */
		{ 4, 24, 5, GUARD_WARNING, false },   /* Thu */
		{ 4, 30, 9, GUARD_WARNING, false },   /* Wed */
		{ 5, 2, 10, GUARD_CRITICAL, false },  /* Fri; Thu 1 May is a holiday */
		{ 5, 8, 14, GUARD_CRITICAL, false },
		{ 5, 9, 15, GUARD_CRITICAL, true },
	};

	(void)state;
	g.position.state = "BY";
	g.applications = a;
	g.napplications = 1;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t now = at(2025, cases[i].mo, cases[i].d, 9);
		a[0] = app(7, STAGE_ACTIVE, now - 3600, contact);   /* created recently: no availability finding */
		a[0].created_at = contact;
		eval(&g, now, &r);
		const struct health_finding *f = find(&r, GUARD_RULE_NO_CONTACT, 7);
		if (cases[i].severity < 0) {
			assert_null(f);
			continue;
		}
		assert_non_null(f);
		assert_int_equal(f->days, cases[i].days);
		assert_int_equal(f->days_unit, GUARD_DAYS_WORKING);
		assert_int_equal(f->severity, cases[i].severity);
		assert_int_equal(f->fix, GUARD_FIX_CANDIDATE);
		assert_int_equal(strstr(f->message, "lack of interest") != NULL, cases[i].lost);
	}
	/* never contacted: counted from the application */
	a[0] = app(8, STAGE_ACTIVE, contact, 0);
	eval(&g, at(2025, 4, 24, 9), &r);
	assert_non_null(find(&r, GUARD_RULE_NO_CONTACT, 8));
	/* not for exits or hires */
	a[0].kind = STAGE_EXIT;
	eval(&g, at(2025, 5, 9, 9), &r);
	assert_null(find(&r, GUARD_RULE_NO_CONTACT, 0));
	/* a state holiday counts: BW/BY Epiphany (Mon 2025-01-06), not in Berlin */
	a[0] = app(9, STAGE_ACTIVE, at(2024, 12, 30, 10), at(2025, 1, 2, 10));   /* Thursday */
	g.position.state = "BY";   /* Fri 3, (Mon 6 holiday), Tue 7, Wed 8, Thu 9 = 4 */
	eval(&g, at(2025, 1, 9, 10), &r);
	assert_null(find(&r, GUARD_RULE_NO_CONTACT, 9));
	g.position.state = "BE";   /* Fri 3, Mon 6, Tue 7, Wed 8, Thu 9 = 5 */
	eval(&g, at(2025, 1, 9, 10), &r);
	assert_non_null(find(&r, GUARD_RULE_NO_CONTACT, 9));
}

/* Scorecards not submitted 2 working days after the interview: a Friday
 * interview is due on Tuesday. */
static void test_feedback_due(void **state)
{
	struct run r;
	struct guard_facts g = { 0 };
	struct guard_application_facts a[1];
	struct guard_interviewer_facts w[2] = { { 11, "Hans Huber", false }, { 12, "Petra Pan", true } };
	struct guard_interview_facts iv[1] = { { 55, 3, 0, false, w, 2 } };

	(void)state;
	g.position.state = "HH";
	iv[0].starts_at = at(2025, 3, 7, 14);   /* Friday */
	g.interviews = iv;
	g.ninterviews = 1;
	g.applications = a;
	g.napplications = 1;
	a[0] = app(3, STAGE_ACTIVE, at(2025, 3, 5, 9), 0);

	a[0].last_contact_at = at(2025, 3, 10, 18);
	eval(&g, at(2025, 3, 10, 18), &r);        /* Monday: 1 working day */
	assert_null(find(&r, GUARD_RULE_FEEDBACK_DUE, 0));
	a[0].last_contact_at = at(2025, 3, 11, 8);
	eval(&g, at(2025, 3, 11, 8), &r);         /* Tuesday: due */
	const struct health_finding *f = find(&r, GUARD_RULE_FEEDBACK_DUE, 3);
	assert_non_null(f);
	assert_int_equal(r.n, 1);                 /* only Hans, Petra submitted */
	assert_int_equal(f->severity, GUARD_WARNING);
	assert_int_equal(f->interview_id, 55);
	assert_int_equal(f->user_id, 11);
	assert_string_equal(f->user_name, "Hans Huber");
	assert_int_equal(f->candidate_id, 103);
	assert_int_equal(f->days, 2);
	assert_int_equal(f->fix, GUARD_FIX_KIT);

	w[0].submitted = true;
	eval(&g, at(2025, 3, 11, 8), &r);
	assert_null(find(&r, GUARD_RULE_FEEDBACK_DUE, 0));
	w[0].submitted = false;
	iv[0].cancelled = true;
	eval(&g, at(2025, 3, 11, 8), &r);
	assert_null(find(&r, GUARD_RULE_FEEDBACK_DUE, 0));
	iv[0].cancelled = false;
	iv[0].starts_at = 0;                      /* not scheduled */
	eval(&g, at(2025, 3, 11, 8), &r);
	assert_null(find(&r, GUARD_RULE_FEEDBACK_DUE, 0));
}

/* R-GUARD-6: only with documented challenges, and only with an offer. */
static void test_challenges_not_disclosed(void **state)
{
	struct run r;
	struct guard_facts g = { 0 };
	struct guard_application_facts a[1];
	int64_t now = at(2025, 9, 10, 10);

	(void)state;
	g.applications = a;
	g.napplications = 1;
	a[0] = app(4, STAGE_ACTIVE, now - 86400, now);
	a[0].stage_code = "offer";
	a[0].offer = true;

	eval(&g, now, &r);   /* no documented challenges */
	assert_null(find(&r, GUARD_RULE_CHALLENGES_NOT_DISCLOSED, 0));
	g.position.has_documented_challenges = true;
	eval(&g, now, &r);
	const struct health_finding *f = find(&r, GUARD_RULE_CHALLENGES_NOT_DISCLOSED, 4);
	assert_non_null(f);
	assert_int_equal(f->severity, GUARD_WARNING);
	assert_int_equal(f->fix, GUARD_FIX_CANDIDATE);
	a[0].challenges_disclosed = true;
	eval(&g, now, &r);
	assert_null(find(&r, GUARD_RULE_CHALLENGES_NOT_DISCLOSED, 0));
	a[0].challenges_disclosed = false;
	a[0].offer = false;                  /* not in offer */
	a[0].stage_code = "final_interview";
	eval(&g, now, &r);
	assert_null(find(&r, GUARD_RULE_CHALLENGES_NOT_DISCLOSED, 0));
	a[0].offer = true;                   /* hired after an offer, still undisclosed */
	a[0].kind = STAGE_HIRED;
	eval(&g, now, &r);
	assert_non_null(find(&r, GUARD_RULE_CHALLENGES_NOT_DISCLOSED, 4));
}

/* R-GUARD-4 in the panel (R-GUARD-7). */
static void test_too_many_rounds(void **state)
{
	struct run r;
	struct guard_facts g = { 0 };

	(void)state;
	g.position.nrounds = 3;
	eval(&g, at(2025, 1, 8, 10), &r);
	assert_int_equal(r.n, 0);
	g.position.nrounds = 4;
	eval(&g, at(2025, 1, 8, 10), &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.f[0].rule, GUARD_RULE_TOO_MANY_ROUNDS);
	assert_int_equal(r.f[0].fix, GUARD_FIX_PLAN);
	assert_int_equal(r.f[0].days, 4);
}

/* R-GUARD-7: critical first, then warnings, each oldest first; a short out
 * array keeps the most urgent and total counts them all. */
static void test_sorting(void **state)
{
	struct guard_facts g = { 0 };
	struct guard_application_facts a[3];
	int64_t now = at(2025, 10, 15, 10);   /* Wednesday */
	struct health_finding f[MAXF], few[2];
	size_t total = 0;

	(void)state;
	g.position.state = "NW";
	g.position.nrounds = 4;                                   /* warning, days 4 */
	a[0] = app(1, STAGE_ACTIVE, now - 22 * 86400, now);       /* availability warning 22 */
	a[1] = app(2, STAGE_ACTIVE, now - 35 * 86400, now);       /* availability critical 35 */
	a[2] = app(3, STAGE_ACTIVE, now - 3 * 86400, at(2025, 9, 30, 10));   /* no contact: Oct 1,2,(3 holiday),6..10,13..15 = 10 → critical */
	g.applications = a;
	g.napplications = 3;
	size_t n = guards_evaluate(&g, now, f, MAXF, &total);
	assert_int_equal(n, 4);
	assert_int_equal(total, 4);
	assert_int_equal(f[0].severity, GUARD_CRITICAL);
	assert_int_equal(f[0].application_id, 2);
	assert_int_equal(f[0].days, 35);
	assert_int_equal(f[1].severity, GUARD_CRITICAL);
	assert_string_equal(f[1].rule, GUARD_RULE_NO_CONTACT);
	assert_int_equal(f[1].days, 10);
	assert_int_equal(f[2].severity, GUARD_WARNING);
	assert_int_equal(f[2].application_id, 1);
	assert_string_equal(f[3].rule, GUARD_RULE_TOO_MANY_ROUNDS);
	for (size_t i = 1; i < n; i++)
		assert_true(health_finding_compare(&f[i - 1], &f[i]) < 0);

	n = guards_evaluate(&g, now, few, 2, &total);
	assert_int_equal(n, 2);
	assert_int_equal(total, 4);
	assert_int_equal(few[0].application_id, 2);
	assert_string_equal(few[1].rule, GUARD_RULE_NO_CONTACT);
	assert_int_equal(guards_evaluate(&g, now, NULL, 0, &total), 0);
	assert_int_equal(total, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_selection_too_long),
		cmocka_unit_test(test_availability_window),
		cmocka_unit_test(test_no_contact),
		cmocka_unit_test(test_feedback_due),
		cmocka_unit_test(test_challenges_not_disclosed),
		cmocka_unit_test(test_too_many_rounds),
		cmocka_unit_test(test_sorting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
