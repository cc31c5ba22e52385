/*
 * Unit tests for src/core/handover.c: the customer handover meetings of a new
 * key account manager in weeks 2–4 (R-ONB-2) — order by priority, then
 * revenue; the previous owner's absences; at most one meeting per owner and
 * two in total per day; fixed days; accounts that do not fit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/handover.h"

static int32_t D(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

/* Monday 2 March 2026, Bavaria: no holiday in March, so working day 6 is
 * Monday 9 March and working day 20 is Friday 27 March. */
#define START D(2026, 3, 2)

static struct handover_account acc(int64_t id, int priority, int64_t revenue, int64_t owner)
{
	return (struct handover_account){ id, priority, revenue, owner, NULL, HANDOVER_NO_DAY };
}

static void test_window(void **state)
{
	(void)state;
	assert_int_equal(handover_window_first(START, "BY"), D(2026, 3, 9));
	assert_int_equal(handover_window_last(START, "BY"), D(2026, 3, 27));
	/* Start Monday 23 March 2026: Good Friday (3 Apr) and Easter Monday (6 Apr)
	 * push working day 20 to Tuesday 21 April. */
	assert_int_equal(handover_window_first(D(2026, 3, 23), "BY"), D(2026, 3, 30));
	assert_int_equal(handover_window_last(D(2026, 3, 23), "BY"), D(2026, 4, 21));
	/* A start on a Sunday counts from Monday. */
	assert_int_equal(handover_window_first(D(2026, 3, 1), "BY"), D(2026, 3, 9));
}

/* R-ONB-2: most important first — priority, then revenue, then id; two per day. */
static void test_order_and_day_limit(void **state)
{
	struct handover_account a[5] = {
		acc(1, 2, 900000, 11), acc(2, 1, 100000, 12), acc(3, 1, 500000, 13),
		acc(4, 3, 50000, 14),  acc(5, 1, 100000, 15),
	};
	struct handover_slot s[5];

	(void)state;
	assert_int_equal(handover_schedule(a, 5, START, "BY", NULL, NULL, s), 5);
	assert_int_equal(s[0].account_id, 3);   /* priority 1, highest revenue */
	assert_int_equal(s[1].account_id, 2);   /* priority 1, same revenue as 5, lower id */
	assert_int_equal(s[2].account_id, 5);
	assert_int_equal(s[3].account_id, 1);   /* priority 2 despite the largest revenue */
	assert_int_equal(s[4].account_id, 4);
	assert_int_equal(s[0].day, D(2026, 3, 9));
	assert_int_equal(s[1].day, D(2026, 3, 9));
	assert_int_equal(s[2].day, D(2026, 3, 10));
	assert_int_equal(s[3].day, D(2026, 3, 10));
	assert_int_equal(s[4].day, D(2026, 3, 11));
	for (int i = 0; i < 5; i++)
		assert_false(s[i].fixed);
	assert_true(handover_account_cmp(&a[2], &a[0]) < 0);
	assert_true(handover_account_cmp(&a[1], &a[4]) < 0);
	assert_int_equal(handover_account_cmp(&a[1], &a[1]), 0);
}

/* R-ONB-2: one meeting per previous owner per day. */
static void test_one_per_owner(void **state)
{
	struct handover_account a[4] = {
		acc(1, 1, 400, 7), acc(2, 1, 300, 7), acc(3, 1, 200, 7), acc(4, 1, 100, 8),
	};
	struct handover_slot s[4];

	(void)state;
	assert_int_equal(handover_schedule(a, 4, START, "BY", NULL, NULL, s), 4);
	assert_int_equal(s[0].day, D(2026, 3, 9));
	assert_int_equal(s[1].day, D(2026, 3, 10));
	assert_int_equal(s[2].day, D(2026, 3, 11));
	assert_int_equal(s[3].day, D(2026, 3, 9));   /* another owner shares Monday */

	/* Owners by name when they have no account; no owner at all = no owner limit. */
	struct handover_account b[3] = { acc(1, 1, 3, 0), acc(2, 1, 2, 0), acc(3, 1, 1, 0) };
	b[0].owner_name = "Frau Berg";
	b[1].owner_name = "Frau Berg";
	assert_int_equal(handover_schedule(b, 3, START, "BY", NULL, NULL, s), 3);
	assert_int_equal(s[0].day, D(2026, 3, 9));
	assert_int_equal(s[1].day, D(2026, 3, 10));
	assert_int_equal(s[2].day, D(2026, 3, 9));
}

/* Owner 7 is away on 9 and 10 March 2026. */
static bool owner7_away(void *ctx, int64_t owner, int32_t day)
{
	int *calls = ctx;

	(*calls)++;
	assert_true(owner > 0);
	return owner == 7 && (day == D(2026, 3, 9) || day == D(2026, 3, 10));
}

/* R-ONB-2: the previous owner's absences move the meeting to the next free day. */
static void test_absence(void **state)
{
	struct handover_account a[3] = { acc(1, 1, 900, 7), acc(2, 2, 800, 8), acc(3, 2, 700, 0) };
	struct handover_slot s[3];
	int calls = 0;

	(void)state;
	a[2].owner_name = "extern";
	assert_int_equal(handover_schedule(a, 3, START, "BY", owner7_away, &calls, s), 3);
	assert_int_equal(s[0].account_id, 1);
	assert_int_equal(s[0].day, D(2026, 3, 11));
	assert_int_equal(s[1].day, D(2026, 3, 9));
	assert_int_equal(s[2].day, D(2026, 3, 9));
	assert_true(calls >= 3);
}

/* Fixed days are kept and count against the limits. */
static void test_fixed_days(void **state)
{
	struct handover_account a[3] = { acc(1, 1, 900, 7), acc(2, 3, 100, 7), acc(3, 2, 100, 9) };
	struct handover_slot s[3];

	(void)state;
	a[1].fixed_day = D(2026, 3, 9);   /* a less important account already set on Monday */
	assert_int_equal(handover_schedule(a, 3, START, "BY", NULL, NULL, s), 3);
	assert_int_equal(s[0].account_id, 1);
	assert_int_equal(s[0].day, D(2026, 3, 10));   /* owner 7 is taken on Monday */
	assert_int_equal(s[1].account_id, 3);
	assert_int_equal(s[1].day, D(2026, 3, 9));    /* second meeting on Monday */
	assert_int_equal(s[2].account_id, 2);
	assert_true(s[2].fixed);
	assert_int_equal(s[2].day, D(2026, 3, 9));
}

/* R-ONB-2: what does not fit into weeks 2–4 is reported without a day. */
static void test_overflow(void **state)
{
	struct handover_account a[31];
	struct handover_slot s[31];

	(void)state;
	for (int i = 0; i < 31; i++)
		a[i] = acc(i + 1, 1, 1000 - i, 100 + i);
	/* 15 working days × 2 = 30 meetings. */
	assert_int_equal(handover_schedule(a, 31, START, "BY", NULL, NULL, s), 30);
	assert_int_equal(s[29].day, D(2026, 3, 27));
	assert_int_equal(s[30].account_id, 31);
	assert_int_equal(s[30].day, HANDOVER_NO_DAY);
	for (int i = 0; i < 30; i++)
		assert_true(calendar_is_working_day(s[i].day, "BY"));

	/* One owner: 15 days, one each. */
	for (int i = 0; i < 16; i++)
		a[i].owner_user_id = 5;
	assert_int_equal(handover_schedule(a, 16, START, "BY", NULL, NULL, s), 15);
	assert_int_equal(s[15].day, HANDOVER_NO_DAY);
	assert_int_equal(handover_schedule(a, 0, START, "BY", NULL, NULL, s), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_order_and_day_limit),
		cmocka_unit_test(test_one_per_owner),
		cmocka_unit_test(test_absence),
		cmocka_unit_test(test_fixed_days),
		cmocka_unit_test(test_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
