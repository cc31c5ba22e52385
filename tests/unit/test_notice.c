/*
 * Unit tests for src/core/notice.c: German notice periods to the 15th or the
 * end of a month, to the end of a month or quarter (across a year end), plain
 * weeks, and the earliest start on the next working day after the notice
 * ends, skipping weekends and the Bundesland's holidays (R-TIME-4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/notice.h"

static int32_t D(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

static void test_codes(void **state)
{
	enum notice_rule r;

	(void)state;
	for (int i = 0; i < NOTICE_RULE__COUNT; i++) {
		assert_true(notice_rule_parse(notice_rule_code((enum notice_rule)i), &r));
		assert_int_equal(r, i);
		assert_true(strlen(notice_rule_label((enum notice_rule)i)) > 0);
	}
	assert_string_equal(notice_rule_code(NOTICE_WEEKS_TO_15_OR_MONTH_END), "weeks_to_15_or_month_end");
	assert_string_equal(notice_rule_code(NOTICE_WEEKS_TO_QUARTER_END), "weeks_to_quarter_end");
	assert_false(notice_rule_parse("weeks", &r));
	assert_false(notice_rule_parse(NULL, &r));
	assert_string_equal(notice_rule_code((enum notice_rule)99), "unknown");
}

/* R-TIME-4: § 622 BGB basic notice, four weeks to the 15th or the month end. */
static void test_fifteenth_or_month_end(void **state)
{
	(void)state;
	/* 5 Jan + 4 weeks = 2 Feb → the 15th. */
	assert_int_equal(notice_end_day(D(2026, 1, 5), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END), D(2026, 2, 15));
	/* 20 Jan + 4 weeks = 17 Feb → end of February (no leap year). */
	assert_int_equal(notice_end_day(D(2026, 1, 20), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END), D(2026, 2, 28));
	/* ... and 29 Feb in a leap year. */
	assert_int_equal(notice_end_day(D(2028, 1, 20), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END), D(2028, 2, 29));
	/* Exactly on the 15th: that day. */
	assert_int_equal(notice_end_day(D(2026, 3, 18), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END), D(2026, 4, 15));
	/* Exactly on the month end: that day. */
	assert_int_equal(notice_end_day(D(2026, 4, 2), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END), D(2026, 4, 30));
	/* 15 Feb 2026 is a Sunday: start Monday 16 Feb. */
	assert_int_equal(notice_earliest_start(D(2026, 1, 5), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END, "BY"),
			 D(2026, 2, 16));
	/* 28 Feb 2026 is a Saturday: start Monday 2 March. */
	assert_int_equal(notice_earliest_start(D(2026, 1, 20), 4, NOTICE_WEEKS_TO_15_OR_MONTH_END, "BY"),
			 D(2026, 3, 2));
}

static void test_month_end(void **state)
{
	(void)state;
	assert_int_equal(notice_end_day(D(2026, 1, 5), 4, NOTICE_WEEKS_TO_MONTH_END), D(2026, 2, 28));
	assert_int_equal(notice_end_day(D(2026, 1, 1), 0, NOTICE_WEEKS_TO_MONTH_END), D(2026, 1, 31));
	/* Three months' notice as 13 weeks, crossing the year. */
	assert_int_equal(notice_end_day(D(2026, 11, 2), 13, NOTICE_WEEKS_TO_MONTH_END), D(2027, 2, 28));
}

/* R-TIME-4: end of a quarter, across the year end. */
static void test_quarter_end(void **state)
{
	(void)state;
	assert_int_equal(notice_end_day(D(2026, 1, 5), 6, NOTICE_WEEKS_TO_QUARTER_END), D(2026, 3, 31));
	assert_int_equal(notice_end_day(D(2026, 5, 1), 8, NOTICE_WEEKS_TO_QUARTER_END), D(2026, 6, 30));
	assert_int_equal(notice_end_day(D(2026, 5, 1), 9, NOTICE_WEEKS_TO_QUARTER_END), D(2026, 9, 30));
	/* 20 Nov 2026 + 6 weeks = 1 Jan 2027 → 31 March 2027. */
	assert_int_equal(notice_end_day(D(2026, 11, 20), 6, NOTICE_WEEKS_TO_QUARTER_END), D(2027, 3, 31));
	/* 1 Oct + 12 weeks = 24 Dec → 31 Dec; start after New Year (Fri) and the weekend. */
	assert_int_equal(notice_end_day(D(2026, 10, 1), 12, NOTICE_WEEKS_TO_QUARTER_END), D(2026, 12, 31));
	assert_int_equal(notice_earliest_start(D(2026, 10, 1), 12, NOTICE_WEEKS_TO_QUARTER_END, "BY"), D(2027, 1, 4));
}

static void test_plain_weeks(void **state)
{
	(void)state;
	assert_int_equal(notice_end_day(D(2026, 3, 4), 3, NOTICE_WEEKS_PLAIN), D(2026, 3, 25));
	assert_int_equal(notice_end_day(D(2026, 3, 4), 0, NOTICE_WEEKS_PLAIN), D(2026, 3, 4));
	assert_int_equal(notice_end_day(D(2026, 3, 4), -2, NOTICE_WEEKS_PLAIN), D(2026, 3, 4));
	/* Wednesday → Thursday. */
	assert_int_equal(notice_earliest_start(D(2026, 3, 4), 3, NOTICE_WEEKS_PLAIN, NULL), D(2026, 3, 26));
}

/* R-TIME-4: the earliest start skips weekends and the state's holidays. */
static void test_earliest_start_holidays(void **state)
{
	(void)state;
	/* Ends on Christmas Day (Fri): 26 Dec is a holiday and a Saturday → Monday 28 Dec. */
	assert_int_equal(notice_end_day(D(2026, 11, 27), 4, NOTICE_WEEKS_PLAIN), D(2026, 12, 25));
	assert_int_equal(notice_earliest_start(D(2026, 11, 27), 4, NOTICE_WEEKS_PLAIN, "BY"), D(2026, 12, 28));
	/* Ends 31 Dec: New Year (Fri), weekend → Monday 4 Jan 2027. */
	assert_int_equal(notice_earliest_start(D(2026, 11, 27), 4, NOTICE_WEEKS_TO_MONTH_END, "BY"), D(2027, 1, 4));
	/* Ends Tuesday 5 Jan 2027: Epiphany (6 Jan) is a holiday in Bavaria, not in Berlin. */
	assert_int_equal(notice_earliest_start(D(2026, 12, 29), 1, NOTICE_WEEKS_PLAIN, "BY"), D(2027, 1, 7));
	assert_int_equal(notice_earliest_start(D(2026, 12, 29), 1, NOTICE_WEEKS_PLAIN, "BE"), D(2027, 1, 6));
	assert_int_equal(notice_earliest_start(D(2026, 12, 29), 1, NOTICE_WEEKS_PLAIN, "DE-BY"), D(2027, 1, 7));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_fifteenth_or_month_end),
		cmocka_unit_test(test_month_end),
		cmocka_unit_test(test_quarter_end),
		cmocka_unit_test(test_plain_weeks),
		cmocka_unit_test(test_earliest_start_holidays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
