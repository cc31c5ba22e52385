/*
 * Unit tests for src/core/offer.c: contract and status codes, the allowed
 * status transitions, the field checks of an offer version and the findings
 * beside it — outside the budget band (approval), no band, a start before the
 * notice period allows, and the distance to the candidate's expectation
 * (R-OFFER-1, R-TIME-4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/offer.h"

static int32_t D(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

static struct offer_input valid_input(void)
{
	return (struct offer_input){ .fixed_salary = 90000,
				     .variable_salary = 20000,
				     .benefits = "Dienstwagen, 30 Tage Urlaub",
				     .start_day = D(2027, 2, 1),
				     .contract_type = "permanent_full_time",
				     .notice_rule = "weeks_to_15_or_month_end",
				     .notice_weeks = 4,
				     .note = NULL };
}

/* True when problems[0..n) name `field`. */
static bool names(const struct field_problem *p, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].field, field) == 0)
			return true;
	return false;
}

static void test_codes(void **state)
{
	enum contract_type c;
	enum offer_status s;

	(void)state;
	for (int i = 0; i < CONTRACT_TYPE__COUNT; i++) {
		assert_true(contract_type_parse(contract_type_code((enum contract_type)i), &c));
		assert_int_equal(c, i);
	}
	assert_string_equal(contract_type_code(CONTRACT_FIXED_TERM_PART_TIME), "fixed_term_part_time");
	assert_string_equal(contract_type_label(CONTRACT_PERMANENT_FULL_TIME), "Permanent, full time");
	assert_false(contract_type_parse("full_time", &c));
	for (int i = 0; i < OFFER_STATUS__COUNT; i++) {
		assert_true(offer_status_parse(offer_status_code((enum offer_status)i), &s));
		assert_int_equal(s, i);
	}
	assert_false(offer_status_parse("open", &s));
	assert_string_equal(offer_severity_code(OFFER_SEVERITY_APPROVAL), "approval");
}

/* R-OFFER-1: draft → sent → accepted | declined | withdrawn; draft → withdrawn. */
static void test_transitions(void **state)
{
	(void)state;
	assert_true(offer_status_transition_allowed(OFFER_DRAFT, OFFER_SENT));
	assert_true(offer_status_transition_allowed(OFFER_DRAFT, OFFER_WITHDRAWN));
	assert_false(offer_status_transition_allowed(OFFER_DRAFT, OFFER_ACCEPTED));
	assert_false(offer_status_transition_allowed(OFFER_DRAFT, OFFER_DECLINED));
	assert_false(offer_status_transition_allowed(OFFER_DRAFT, OFFER_DRAFT));
	assert_true(offer_status_transition_allowed(OFFER_SENT, OFFER_ACCEPTED));
	assert_true(offer_status_transition_allowed(OFFER_SENT, OFFER_DECLINED));
	assert_true(offer_status_transition_allowed(OFFER_SENT, OFFER_WITHDRAWN));
	assert_false(offer_status_transition_allowed(OFFER_SENT, OFFER_DRAFT));
	for (int from = OFFER_ACCEPTED; from <= OFFER_WITHDRAWN; from++) {
		assert_true(offer_status_closed((enum offer_status)from));
		for (int to = 0; to < OFFER_STATUS__COUNT; to++)
			assert_false(offer_status_transition_allowed((enum offer_status)from, (enum offer_status)to));
	}
	assert_false(offer_status_closed(OFFER_DRAFT));
	assert_false(offer_status_closed(OFFER_SENT));
}

static void test_version_check(void **state)
{
	struct field_problem p[16];
	struct offer_input in = valid_input();
	char *big;
	size_t n;

	(void)state;
	assert_int_equal(offer_version_check(&in, p, 16), 0);

	in.fixed_salary = 0;
	n = offer_version_check(&in, p, 16);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].field, "fixed_salary");
	in.fixed_salary = OFFER_SALARY_MAX;
	assert_int_equal(offer_version_check(&in, p, 16), 0);
	in.fixed_salary = OFFER_SALARY_MAX + 1;
	assert_true(names(p, offer_version_check(&in, p, 16), "fixed_salary"));

	in = valid_input();
	in.variable_salary = -1;
	in.start_day = D(2101, 1, 1);
	in.contract_type = "freelance";
	in.notice_rule = NULL;
	in.notice_weeks = 53;
	n = offer_version_check(&in, p, 16);
	assert_int_equal(n, 5);
	assert_true(names(p, n, "variable_salary"));
	assert_true(names(p, n, "start_day"));
	assert_true(names(p, n, "contract_type"));
	assert_true(names(p, n, "notice_rule"));
	assert_true(names(p, n, "notice_weeks"));
	/* The limit on written problems holds. */
	assert_int_equal(offer_version_check(&in, p, 2), 2);

	in = valid_input();
	in.variable_salary = 0;
	in.notice_weeks = 0;
	in.benefits = NULL;
	assert_int_equal(offer_version_check(&in, p, 16), 0);

	big = malloc(OFFER_BENEFITS_MAX + 2);
	memset(big, 'a', OFFER_BENEFITS_MAX);
	big[OFFER_BENEFITS_MAX] = '\0';
	in.benefits = big;
	assert_int_equal(offer_version_check(&in, p, 16), 0);
	big[OFFER_BENEFITS_MAX] = 'a';
	big[OFFER_BENEFITS_MAX + 1] = '\0';
	n = offer_version_check(&in, p, 16);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].field, "benefits");
	free(big);
	in.benefits = "Bonus \xff";
	assert_true(names(p, offer_version_check(&in, p, 16), "benefits"));
	in.benefits = NULL;
	in.note = "\xc3";
	assert_true(names(p, offer_version_check(&in, p, 16), "note"));
}

static const struct offer_finding *find(const struct offer_finding *f, size_t n, const char *rule)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].rule, rule) == 0)
			return &f[i];
	return NULL;
}

/* R-OFFER-1: band and expectation. */
static void test_band_findings(void **state)
{
	struct offer_input in = valid_input();
	struct offer_context ctx = { .has_band = false, .today = D(2026, 11, 2), .state = "BY" };
	struct offer_finding f[OFFER_MAX_FINDINGS];
	const struct offer_finding *x;
	size_t n;

	(void)state;
	n = offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].rule, OFFER_RULE_NO_BAND);
	assert_int_equal(f[0].severity, OFFER_SEVERITY_INFO);
	assert_false(offer_needs_approval(in.fixed_salary, &ctx));

	ctx.has_band = true;
	ctx.band_min = 80000;
	ctx.band_max = 95000;
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 0);
	in.fixed_salary = 95000;
	assert_false(offer_needs_approval(in.fixed_salary, &ctx));
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 0);
	in.fixed_salary = 95001;
	assert_true(offer_needs_approval(in.fixed_salary, &ctx));
	n = offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].rule, OFFER_RULE_OUTSIDE_BAND);
	assert_int_equal(f[0].severity, OFFER_SEVERITY_APPROVAL);
	in.fixed_salary = 79999;
	assert_true(offer_needs_approval(in.fixed_salary, &ctx));
	assert_non_null(find(f, offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), OFFER_RULE_OUTSIDE_BAND));

	/* Expectation 90,000: ±10 % is fine, beyond is a note. */
	ctx.expectation = 90000;
	in.fixed_salary = 99000;
	ctx.band_max = 200000;
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 0);
	in.fixed_salary = 100000;
	x = find(f, offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), OFFER_RULE_ABOVE_EXPECTATION);
	assert_non_null(x);
	assert_int_equal(x->percent, 11);
	assert_int_equal(x->severity, OFFER_SEVERITY_INFO);
	in.fixed_salary = 81000;
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 0);
	in.fixed_salary = 80000;
	x = find(f, offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), OFFER_RULE_BELOW_EXPECTATION);
	assert_non_null(x);
	assert_int_equal(x->percent, -11);
	assert_null(find(f, offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), OFFER_RULE_ABOVE_EXPECTATION));
}

/* R-TIME-4: a start before the notice period allows warns with the earliest start. */
static void test_start_before_notice(void **state)
{
	struct offer_input in = valid_input();
	struct offer_context ctx = { .has_band = true, .band_min = 0, .band_max = 1000000,
				     .today = D(2026, 11, 27), .state = "BY" };
	struct offer_finding f[OFFER_MAX_FINDINGS];
	size_t n;

	(void)state;
	/* 27 Nov + 4 weeks = 25 Dec → 31 Dec; New Year and the weekend → 4 Jan 2027. */
	in.start_day = D(2027, 1, 1);
	n = offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].rule, OFFER_RULE_START_BEFORE_NOTICE);
	assert_int_equal(f[0].severity, OFFER_SEVERITY_WARNING);
	assert_int_equal(f[0].day, D(2027, 1, 4));
	in.start_day = D(2027, 1, 4);
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 0);
	/* Available now: any working day from tomorrow on. */
	in.notice_weeks = 0;
	in.notice_rule = "weeks_plain";
	in.start_day = D(2026, 11, 30);
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 0);
	in.start_day = D(2026, 11, 27);
	assert_int_equal(offer_findings(&in, &ctx, f, OFFER_MAX_FINDINGS), 1);
	/* The output limit holds. */
	ctx.has_band = false;
	assert_int_equal(offer_findings(&in, &ctx, f, 1), 1);
	assert_string_equal(f[0].rule, OFFER_RULE_NO_BAND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_version_check),
		cmocka_unit_test(test_band_findings),
		cmocka_unit_test(test_start_before_notice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
