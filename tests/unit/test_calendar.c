/*
 * Unit tests for src/core/calendar.c: day numbers ↔ dates over 1900–2199,
 * weekdays of known dates, strict ISO dates, and working-day arithmetic with
 * the holidays of a Bundesland and blocked (absence) days (R-TIME-1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"

static int32_t D(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

static void test_round_trip(void **state)
{
	(void)state;
	assert_int_equal(D(1970, 1, 1), 0);
	assert_int_equal(D(1969, 12, 31), -1);
	assert_int_equal(D(1900, 1, 1), -25567);
	assert_int_equal(D(2199, 12, 31), 84005);
	assert_int_equal(D(2000, 3, 1) - D(2000, 2, 28), 2);  /* 2000 is a leap year */
	assert_int_equal(D(2100, 3, 1) - D(2100, 2, 28), 1);  /* 2100 is not */
	int32_t expect = D(1900, 1, 1);
	for (int y = 1900; y <= 2199; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= calendar_days_in_month(y, m); d++) {
				assert_int_equal(D(y, m, d), expect);
				int yy, mm, dd;
				calendar_ymd_from_day(expect, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("day %d: %d-%d-%d, expected %d-%d-%d", expect, yy, mm, dd, y, m, d);
				expect++;
			}
		}
	}
	assert_int_equal(expect, D(2200, 1, 1));
	/* a day past the month's end rolls over */
	assert_int_equal(D(2025, 2, 30), D(2025, 3, 2));
}

static void test_month_lengths(void **state)
{
	(void)state;
	assert_int_equal(calendar_days_in_month(2024, 2), 29);
	assert_int_equal(calendar_days_in_month(2025, 2), 28);
	assert_int_equal(calendar_days_in_month(1900, 2), 28);
	assert_int_equal(calendar_days_in_month(2000, 2), 29);
	assert_int_equal(calendar_days_in_month(2025, 4), 30);
	assert_int_equal(calendar_days_in_month(2025, 12), 31);
	assert_int_equal(calendar_days_in_month(2025, 13), 0);
	assert_int_equal(calendar_days_in_month(2025, 0), 0);
	assert_true(calendar_ymd_valid(2024, 2, 29));
	assert_false(calendar_ymd_valid(2025, 2, 29));
	assert_false(calendar_ymd_valid(2025, 4, 31));
	assert_false(calendar_ymd_valid(2025, 1, 0));
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(calendar_weekday(D(1970, 1, 1)), 4);   /* Thursday */
	assert_int_equal(calendar_weekday(D(1900, 1, 1)), 1);   /* Monday */
	assert_int_equal(calendar_weekday(D(1989, 11, 9)), 4);  /* Thursday */
	assert_int_equal(calendar_weekday(D(2000, 1, 1)), 6);   /* Saturday */
	assert_int_equal(calendar_weekday(D(2024, 2, 29)), 4);
	assert_int_equal(calendar_weekday(D(2025, 3, 30)), 7);  /* Sunday */
	assert_int_equal(calendar_weekday(D(2026, 11, 27)), 5); /* Friday */
	assert_int_equal(calendar_weekday(D(2038, 1, 19)), 2);  /* Tuesday */
	assert_int_equal(calendar_weekday(D(2199, 12, 31)), 2);
	for (int32_t d = D(1900, 1, 1); d < D(1901, 1, 1); d++) {
		assert_int_equal(calendar_weekday(d + 1), calendar_weekday(d) % 7 + 1);
		assert_int_equal(calendar_is_weekend(d), calendar_weekday(d) >= 6);
	}
	assert_int_equal(calendar_add_days(D(2025, 12, 31), 1), D(2026, 1, 1));
}

static void test_iso(void **state)
{
	(void)state;
	int32_t d = 12345;
	assert_true(calendar_parse_iso("2024-02-29", &d));
	assert_int_equal(d, D(2024, 2, 29));
	assert_true(calendar_parse_iso("1900-01-01", &d));
	assert_int_equal(d, -25567);
	d = 42;
	static const char *const bad[] = {
		"2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-1-01", "2025-01-1",
		"25-01-01",   "2025/01/01", "2025-01-01x", " 2025-01-01", "2025-01-01 ", "",
		"0000-01-01", "2025-0a-01", "+025-01-01", "2025-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (calendar_parse_iso(bad[i], &d))
			fail_msg("'%s' was accepted", bad[i]);
	assert_false(calendar_parse_iso(NULL, &d));
	assert_int_equal(d, 42);
	char buf[CALENDAR_ISO_LEN];
	assert_string_equal(calendar_format_iso(D(2025, 3, 9), buf), "2025-03-09");
	assert_string_equal(calendar_format_iso(0, buf), "1970-01-01");
	assert_string_equal(calendar_format_iso(D(1900, 12, 31), buf), "1900-12-31");
	for (int32_t x = D(1900, 1, 1); x <= D(2199, 12, 31); x += 37) {
		int32_t back;
		assert_true(calendar_parse_iso(calendar_format_iso(x, buf), &back));
		assert_int_equal(back, x);
	}
}

static void test_working_days_christmas(void **state)
{
	(void)state;
	int32_t from = D(2025, 12, 23);  /* Tuesday */
	int32_t to = D(2026, 1, 7);
	/* 24, 29, 30, 31 Dec, 2, 5, (6 BE only), 7 Jan */
	assert_int_equal(calendar_working_days_between(from, to, "BY", NULL, NULL), 7);
	assert_int_equal(calendar_working_days_between(from, to, "BE", NULL, NULL), 8);
	assert_int_equal(calendar_working_days_between(from, to, NULL, NULL, NULL), 8);
	assert_int_equal(calendar_working_days_between(to, from, "BY", NULL, NULL), -7);
	assert_int_equal(calendar_working_days_between(from, from, "BY", NULL, NULL), 0);
	assert_int_equal(calendar_add_working_days(from, 7, "BY", NULL, NULL), D(2026, 1, 7));
	assert_int_equal(calendar_add_working_days(from, 7, "BE", NULL, NULL), D(2026, 1, 6));
	assert_int_equal(calendar_add_working_days(from, 1, "BY", NULL, NULL), D(2025, 12, 24));
	assert_int_equal(calendar_add_working_days(from, 2, "BY", NULL, NULL), D(2025, 12, 29));
	/* n = 0: the day itself when working, else the next working day */
	assert_int_equal(calendar_add_working_days(D(2025, 12, 24), 0, "BY", NULL, NULL), D(2025, 12, 24));
	assert_int_equal(calendar_add_working_days(D(2025, 12, 25), 0, "BY", NULL, NULL), D(2025, 12, 29));
	assert_int_equal(calendar_add_working_days(D(2026, 1, 6), 0, "BY", NULL, NULL), D(2026, 1, 7));
	assert_int_equal(calendar_add_working_days(D(2026, 1, 6), 0, "BE", NULL, NULL), D(2026, 1, 6));
	/* backwards */
	assert_int_equal(calendar_add_working_days(D(2026, 1, 2), -1, "BE", NULL, NULL), D(2025, 12, 31));
	assert_int_equal(calendar_add_working_days(D(2025, 12, 29), -1, "BE", NULL, NULL), D(2025, 12, 24));
	assert_true(calendar_is_working_day(D(2025, 12, 24), "BY"));
	assert_false(calendar_is_working_day(D(2025, 12, 25), "BE"));
	assert_false(calendar_is_working_day(D(2025, 12, 27), "BE"));
	assert_false(calendar_is_working_day(D(2026, 1, 6), "DE-BY"));
	assert_true(calendar_is_working_day(D(2026, 1, 6), "BE"));
	/* Berlin's 8 May 2025 */
	assert_false(calendar_is_working_day(D(2025, 5, 8), "BE"));
	assert_true(calendar_is_working_day(D(2025, 5, 8), "BB"));
	/* a plain week: 5 working days */
	assert_int_equal(calendar_working_days_between(D(2025, 9, 7), D(2025, 9, 14), "HH", NULL, NULL), 5);
}

struct range {
	int32_t from, to;
	int calls;
};

static bool blocked_range(void *ctx, int32_t day)
{
	struct range *r = ctx;
	r->calls++;
	return day >= r->from && day <= r->to;
}

static void test_blocked_days(void **state)
{
	(void)state;
	struct range absent = { D(2025, 12, 29), D(2025, 12, 31), 0 };
	int32_t from = D(2025, 12, 23), to = D(2026, 1, 7);
	assert_int_equal(calendar_working_days_between(from, to, "BE", blocked_range, &absent), 5);
	assert_true(absent.calls > 0);
	/* 24 Dec, then the absence and New Year: the 2nd working day is 2 Jan */
	assert_int_equal(calendar_add_working_days(from, 2, "BE", blocked_range, &absent), D(2026, 1, 2));
	assert_int_equal(calendar_add_working_days(D(2025, 12, 29), 0, "BE", blocked_range, &absent),
			 D(2026, 1, 2));
	/* blocked forever: gives up instead of looping */
	struct range forever = { INT32_MIN, INT32_MAX, 0 };
	int32_t end = calendar_add_working_days(from, 3, "BE", blocked_range, &forever);
	assert_true(end > from);
}

static void test_day_of_unix_berlin(void **state)
{
	(void)state;
	/* 2025-03-29 23:30 UTC = 00:30 CET on 30 March */
	assert_int_equal(calendar_day_of_unix_berlin(INT64_C(1743296400) - 5400), D(2025, 3, 30));
	/* 2025-06-30 22:30 UTC = 00:30 CEST on 1 July */
	int64_t t = (int64_t)D(2025, 6, 30) * 86400 + 22 * 3600 + 1800;
	assert_int_equal(calendar_day_of_unix_berlin(t), D(2025, 7, 1));
	assert_int_equal(calendar_day_of_unix_berlin(t - 3600), D(2025, 6, 30));
	/* 1969-12-31 23:30 UTC = 1970-01-01 00:30 CET */
	assert_int_equal(calendar_day_of_unix_berlin(-1800), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_month_lengths),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_working_days_christmas),
		cmocka_unit_test(test_blocked_days),
		cmocka_unit_test(test_day_of_unix_berlin),
	};
	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
