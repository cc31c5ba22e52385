/*
 * Unit tests for src/core/hiring_plan.c: the seed's phases (R-TIME-1), best
 * and worst dates in working days over Christmas in Bavaria and Berlin, the
 * deciders' absences pushing phase 3 and more than four deciders flagged
 * (R-TIME-3), week overrides, and actual phases, forecast and status from
 * fixed milestone days (R-TIME-2).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/hiring_plan.h"

static int32_t D(const char *iso)
{
	int32_t d = 0;
	assert_true(calendar_parse_iso(iso, &d));
	return d;
}

static void assert_day(int32_t day, const char *iso)
{
	char buf[CALENDAR_ISO_LEN];
	if (day == HIRING_DAY_NONE)
		fail_msg("expected %s, got no day", iso);
	assert_string_equal(calendar_format_iso(day, buf), iso);
}

static const struct plan_factor *factor(const struct hiring_plan *p, const char *code)
{
	for (size_t i = 0; i < p->nfactors; i++)
		if (strcmp(p->factors[i].code, code) == 0)
			return &p->factors[i];
	return NULL;
}

static void input(struct hiring_plan_input *in, const char *start, const char *state)
{
	memset(in, 0, sizeof *in);
	in->start_day = D(start);
	in->state = state;
	phase_weeks_default(&in->weeks);
	in->ndeciders = 3;
	in->salary_band_set = true;
	in->profile_approved = true;
}

/* R-TIME-1: the four phases of the seed with their ranges (6–12 weeks). */
static void test_phases(void **state)
{
	enum hiring_phase p;
	struct phase_weeks w;
	int lo = 0, hi = 0;

	(void)state;
	assert_string_equal(hiring_phase_key(PHASE_AD_SEARCH), "ad_search");
	assert_string_equal(hiring_phase_key(PHASE_NEGOTIATION), "negotiation");
	assert_string_equal(hiring_phase_label(PHASE_SEARCH_PREQUALIFICATION), "Search and pre-qualification");
	assert_string_equal(HIRING_PHASES[PHASE_INTERVIEWS_SELECTION].name_de, "Interviews und Auswahl");
	assert_null(hiring_phase_key(HIRING_PHASE__COUNT));
	assert_true(hiring_phase_parse("interviews_selection", &p));
	assert_int_equal(p, PHASE_INTERVIEWS_SELECTION);
	assert_false(hiring_phase_parse("onboarding", &p));
	phase_weeks_default(&w);
	for (int i = 0; i < HIRING_PHASE__COUNT; i++) {
		lo += w.min[i];
		hi += w.max[i];
	}
	assert_int_equal(lo, 6);
	assert_int_equal(hi, 11);   /* the seed rounds the sum of its maxima up to "twelve weeks" */
	assert_false(HIRING_PHASES[PHASE_SEARCH_PREQUALIFICATION].needs_deciders);
	assert_true(HIRING_PHASES[PHASE_INTERVIEWS_SELECTION].needs_deciders);
	assert_true(HIRING_PHASES[PHASE_NEGOTIATION].needs_deciders);
}

/* R-TIME-1, R-TIME-3: over Christmas, Bavaria loses Epiphany (6 Jan) on top
 * of the nationwide holidays, Berlin does not. */
static void test_christmas_by_vs_be(void **state)
{
	struct hiring_plan_input in;
	struct hiring_plan be, by;

	(void)state;
	input(&in, "2025-12-15", "BE");
	hiring_plan_compute(&in, &be);
	input(&in, "2025-12-15", "DE-BY");
	hiring_plan_compute(&in, &by);

	assert_day(be.start, "2025-12-15");
	assert_day(be.best[0].end, "2025-12-19");
	assert_day(be.best[1].start, "2025-12-22");
	assert_day(be.best[1].end, "2026-01-07");    /* 22,23,24,29,30,31, 2, 5, 6, 7 */
	assert_day(by.best[1].end, "2026-01-08");    /* 6 January is a holiday in Bavaria */
	assert_day(be.best[2].start, "2026-01-08");
	assert_day(be.best[2].end, "2026-01-21");
	assert_day(be.best_end, "2026-01-28");
	assert_day(by.best_end, "2026-01-29");
	assert_day(be.worst[0].end, "2025-12-30");
	assert_day(be.worst[1].end, "2026-01-28");
	assert_day(by.worst[1].end, "2026-01-29");
	assert_day(be.worst[2].end, "2026-02-18");
	assert_day(be.worst_end, "2026-03-04");
	assert_day(by.worst_end, "2026-03-05");
	assert_int_equal(be.holidays_skipped, 3);      /* 25, 26 Dec, 1 Jan */
	assert_int_equal(by.holidays_skipped, 4);      /* + 6 Jan */
	const struct plan_factor *f = factor(&by, "plan.holidays_in_window");
	assert_non_null(f);
	assert_int_equal(f->count, 4);
	assert_int_equal(f->kind, FACTOR_DELAY);
	assert_null(factor(&by, "plan.summer_holidays"));
	assert_null(factor(&by, "plan.many_deciders"));

	/* a start on a Saturday moves to Monday */
	input(&in, "2025-12-13", "BE");
	hiring_plan_compute(&in, &be);
	assert_day(be.start, "2025-12-15");
	assert_day(be.best_end, "2026-01-28");
}

/* An absence set for the tests: a decider is away in [from, to]. */
struct absence { int32_t from, to; };

static bool absent(void *ctx, int32_t day)
{
	const struct absence *a = ctx;
	return day >= a->from && day <= a->to;
}

/* R-TIME-3: a decider's absence pushes phase 3 (interviews) but not phases 1–2. */
static void test_absences_push_phase_3(void **state)
{
	struct hiring_plan_input in;
	struct hiring_plan plain, pushed;
	struct absence a;

	(void)state;
	input(&in, "2025-03-03", "BE");
	hiring_plan_compute(&in, &plain);
	assert_day(plain.best[2].start, "2025-03-24");
	assert_day(plain.best[2].end, "2025-04-04");
	assert_day(plain.best_end, "2025-04-11");
	assert_null(factor(&plain, "plan.decider_absences"));

	a.from = D("2025-03-24");
	a.to = D("2025-03-28");
	in.decider_absent = absent;
	in.decider_ctx = &a;
	hiring_plan_compute(&in, &pushed);
	assert_day(pushed.best[1].end, "2025-03-21");          /* phase 2 unchanged */
	assert_day(pushed.best[2].start, "2025-03-31");
	assert_day(pushed.best[2].end, "2025-04-11");
	assert_day(pushed.best_end, "2025-04-22");               /* Good Friday, Easter Monday */
	assert_int_equal(pushed.absence_days_skipped, 5);
	const struct plan_factor *f = factor(&pushed, "plan.decider_absences");
	assert_non_null(f);
	assert_int_equal(f->count, 5);

	/* an absence in phase 1 does not move anything */
	a.from = D("2025-03-03");
	a.to = D("2025-03-07");
	hiring_plan_compute(&in, &pushed);
	assert_day(pushed.best[0].end, "2025-03-07");
	assert_day(pushed.best_end, "2025-04-11");
	assert_int_equal(pushed.absence_days_skipped, 0);
}

/* R-TIME-3 and the seed's other factors. */
static void test_factors(void **state)
{
	struct hiring_plan_input in;
	struct hiring_plan p;
	const struct plan_factor *f;

	(void)state;
	input(&in, "2025-03-03", "HH");
	in.ndeciders = 4;
	hiring_plan_compute(&in, &p);
	assert_null(factor(&p, "plan.many_deciders"));
	assert_null(factor(&p, "plan.no_salary_band"));
	assert_null(factor(&p, "plan.profile_not_approved"));
	f = factor(&p, "plan.profile_approved");
	assert_non_null(f);
	assert_int_equal(f->kind, FACTOR_ACCELERATOR);
	assert_string_equal(plan_factor_kind_code(f->kind), "accelerator");

	in.ndeciders = 5;
	in.salary_band_set = false;
	in.profile_approved = false;
	hiring_plan_compute(&in, &p);
	f = factor(&p, "plan.many_deciders");
	assert_non_null(f);
	assert_int_equal(f->count, 5);
	assert_int_equal(f->kind, FACTOR_DELAY);
	assert_non_null(strstr(f->message, "four deciders"));
	assert_non_null(factor(&p, "plan.no_salary_band"));
	assert_non_null(factor(&p, "plan.profile_not_approved"));
	assert_null(factor(&p, "plan.profile_approved"));
	for (size_t i = 0; i < p.nfactors; i++)
		assert_int_equal(p.factors[i].kind, FACTOR_DELAY);

	/* a plan running into July */
	input(&in, "2025-05-19", "HH");
	hiring_plan_compute(&in, &p);
	assert_non_null(factor(&p, "plan.summer_holidays"));
	input(&in, "2025-09-01", "HH");
	hiring_plan_compute(&in, &p);
	assert_null(factor(&p, "plan.summer_holidays"));
}

/* Week overrides: parse, validate, canonical form. */
static void test_overrides(void **state)
{
	struct phase_weeks w;
	struct phase_weeks_problem err;
	char json[PHASE_WEEKS_JSON_MAX];

	(void)state;
	assert_true(phase_weeks_from_json("{\"negotiation\":[2,2],\"ad_search\":[1,3]}", &w, &err));
	assert_int_equal(w.min[PHASE_AD_SEARCH], 1);
	assert_int_equal(w.max[PHASE_AD_SEARCH], 3);
	assert_int_equal(w.min[PHASE_SEARCH_PREQUALIFICATION], 2);   /* not named: the seed's */
	assert_int_equal(w.max[PHASE_SEARCH_PREQUALIFICATION], 4);
	assert_int_equal(w.min[PHASE_NEGOTIATION], 2);
	assert_true(phase_weeks_valid(&w));
	assert_true(phase_weeks_to_json(&w, json, sizeof json));
	assert_string_equal(json, "{\"ad_search\":[1,3],\"negotiation\":[2,2]}");
	assert_false(phase_weeks_to_json(&w, json, 10));
	assert_string_equal(json, "");

	assert_true(phase_weeks_from_json(NULL, &w, &err));
	assert_true(phase_weeks_from_json("{}", &w, &err));
	assert_true(phase_weeks_to_json(&w, json, sizeof json));
	assert_string_equal(json, "{}");

	static const struct { const char *json, *field; } bad[] = {
		{ "{\"onboarding\":[1,2]}", "onboarding" },
		{ "{\"ad_search\":[3,1]}", "ad_search" },
		{ "{\"ad_search\":[0,2]}", "ad_search" },
		{ "{\"negotiation\":[1,27]}", "negotiation" },
		{ "{\"negotiation\":[1.5,2]}", "negotiation" },
		{ "{\"negotiation\":\"1-2\"}", "negotiation" },
		{ "{\"negotiation\":[1,2,3]}", "negotiation" },
		{ "[1,2]", "phase_weeks" },
		{ "{\"ad_search\":[1,2],\"ad_search\":[1,3]}", "phase_weeks" },
		{ "{nope", "phase_weeks" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_false(phase_weeks_from_json(bad[i].json, &w, &err));
		assert_string_equal(err.field, bad[i].field);
		assert_non_null(err.message);
		assert_int_equal(w.max[PHASE_AD_SEARCH], 2);   /* defaults on failure */
	}
	w.min[PHASE_NEGOTIATION] = 3;
	w.max[PHASE_NEGOTIATION] = 2;
	assert_false(phase_weeks_valid(&w));
	assert_false(phase_weeks_to_json(&w, json, sizeof json));

	/* overrides change the plan */
	struct hiring_plan_input in;
	struct hiring_plan p;
	input(&in, "2025-03-03", "BE");
	assert_true(phase_weeks_from_json("{\"ad_search\":[2,2]}", &in.weeks, NULL));
	hiring_plan_compute(&in, &p);
	assert_day(p.best[0].end, "2025-03-14");
}

static void milestones(struct hiring_milestones *m, const char *start, const char *app, const char *iv,
		       const char *offer, const char *hired)
{
	m->start = start ? D(start) : HIRING_DAY_NONE;
	m->first_application = app ? D(app) : HIRING_DAY_NONE;
	m->first_interview = iv ? D(iv) : HIRING_DAY_NONE;
	m->first_offer = offer ? D(offer) : HIRING_DAY_NONE;
	m->hired = hired ? D(hired) : HIRING_DAY_NONE;
}

/* R-TIME-2: actual phases, forecast and status with fixed days. Plan from
 * Monday 2025-03-03 in Berlin: best end 2025-04-11, worst end 2025-05-22. */
static void test_progress(void **state)
{
	struct hiring_plan_input in;
	struct hiring_plan plan;
	struct hiring_milestones m;
	struct hiring_progress pr;

	(void)state;
	input(&in, "2025-03-03", "BE");
	hiring_plan_compute(&in, &plan);
	assert_day(plan.best_end, "2025-04-11");
	assert_day(plan.worst[2].end, "2025-05-07");
	assert_day(plan.worst_end, "2025-05-22");   /* 8 May 2025 was a one-off holiday in Berlin */

	/* not started */
	milestones(&m, "2025-03-03", NULL, NULL, NULL, NULL);
	hiring_progress_compute(&in, &plan, &m, D("2025-03-01"), &pr);
	assert_int_equal(pr.status, PLAN_STATUS_NOT_STARTED);
	assert_int_equal(pr.running, -1);
	assert_int_equal(pr.forecast_best_end, HIRING_DAY_NONE);

	/* phase 2 running, on track */
	milestones(&m, "2025-03-03", "2025-03-12", NULL, NULL, NULL);
	hiring_progress_compute(&in, &plan, &m, D("2025-03-20"), &pr);
	assert_int_equal(pr.running, PHASE_SEARCH_PREQUALIFICATION);
	assert_true(pr.done[0]);
	assert_false(pr.done[1]);
	assert_false(pr.hired);
	assert_day(pr.actual[0].start, "2025-03-03");
	assert_day(pr.actual[0].end, "2025-03-11");
	assert_day(pr.actual[1].start, "2025-03-12");
	assert_day(pr.actual[1].end, "2025-03-20");
	assert_int_equal(pr.actual[2].start, HIRING_DAY_NONE);
	assert_day(pr.forecast_best[1].end, "2025-03-25");
	assert_day(pr.forecast_worst[1].end, "2025-04-08");
	assert_day(pr.forecast_best[2].start, "2025-03-26");
	assert_day(pr.forecast_best[2].end, "2025-04-08");
	assert_day(pr.forecast_best_end, "2025-04-15");
	assert_int_equal(pr.status, PLAN_STATUS_ON_TRACK);
	assert_string_equal(plan_status_code(pr.status), "on_track");
	assert_int_equal(pr.days_behind, 0);

	/* first application before the plan's best start of phase 2: ahead */
	milestones(&m, "2025-03-03", "2025-03-05", NULL, NULL, NULL);
	hiring_progress_compute(&in, &plan, &m, D("2025-03-06"), &pr);
	assert_int_equal(pr.status, PLAN_STATUS_AHEAD);

	/* today past the running phase's worst end (2025-04-08): behind */
	milestones(&m, "2025-03-03", "2025-03-12", NULL, NULL, NULL);
	hiring_progress_compute(&in, &plan, &m, D("2025-04-10"), &pr);
	assert_int_equal(pr.status, PLAN_STATUS_BEHIND);
	assert_int_equal(pr.days_behind, 2);
	assert_day(pr.forecast_worst[1].end, "2025-04-10");    /* never before today */
	assert_day(pr.forecast_best[1].end, "2025-04-10");
	assert_day(pr.forecast_best_end, "2025-05-06");         /* chained from today over Easter */
	assert_day(pr.forecast_worst_end, "2025-05-21");
	/* exactly on the worst end: still on track */
	hiring_progress_compute(&in, &plan, &m, D("2025-04-08"), &pr);
	assert_int_equal(pr.status, PLAN_STATUS_ON_TRACK);

	/* hired: actual = forecast; status against the plan's best/worst end */
	milestones(&m, "2025-03-03", "2025-03-12", "2025-03-28", "2025-04-23", "2025-04-30");
	hiring_progress_compute(&in, &plan, &m, D("2025-05-05"), &pr);
	assert_true(pr.hired);
	assert_int_equal(pr.running, -1);
	assert_day(pr.actual[2].end, "2025-04-22");
	assert_day(pr.actual[3].start, "2025-04-23");
	assert_day(pr.actual[3].end, "2025-04-29");
	assert_day(pr.forecast_worst_end, "2025-04-30");
	assert_int_equal(pr.status, PLAN_STATUS_ON_TRACK);
	m.hired = D("2025-04-09");
	hiring_progress_compute(&in, &plan, &m, D("2025-05-05"), &pr);
	assert_int_equal(pr.status, PLAN_STATUS_AHEAD);
	m.hired = D("2025-05-23");
	hiring_progress_compute(&in, &plan, &m, D("2025-05-26"), &pr);
	assert_int_equal(pr.status, PLAN_STATUS_BEHIND);
	assert_int_equal(pr.days_behind, 1);

	/* a skipped milestone: interviews without a recorded first application */
	milestones(&m, "2025-03-03", NULL, "2025-03-24", NULL, NULL);
	hiring_progress_compute(&in, &plan, &m, D("2025-03-25"), &pr);
	assert_int_equal(pr.running, PHASE_INTERVIEWS_SELECTION);
	assert_int_equal(pr.actual[1].start, HIRING_DAY_NONE);
	assert_day(pr.actual[0].end, "2025-03-23");
	assert_day(pr.forecast_best[2].end, "2025-04-04");
	assert_day(pr.forecast_best_end, "2025-04-11");
	assert_int_equal(pr.status, PLAN_STATUS_ON_TRACK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phases),
		cmocka_unit_test(test_christmas_by_vs_be),
		cmocka_unit_test(test_absences_push_phase_3),
		cmocka_unit_test(test_factors),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_progress),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
