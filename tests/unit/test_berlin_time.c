/*
 * Unit tests for src/core/berlin_time.c: Europe/Berlin ↔ UTC across the
 * summer-time switches — the spring gap is refused, the autumn hour resolves
 * to CEST, offsets on either side, the September end of 1980–1995 and the
 * 1980 start (interview times, R-COMM-1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/berlin_time.h"
#include "core/calendar.h"

/* UTC seconds of a UTC wall-clock time. */
static int64_t U(int y, int mo, int d, int h, int mi)
{
	return (int64_t)calendar_day_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void assert_local(int64_t utc, int y, int mo, int d, int h, int mi, int offset)
{
	struct berlin_time bt;
	berlin_from_utc(utc, &bt);
	if (bt.year != y || bt.month != mo || bt.day != d || bt.hour != h || bt.minute != mi ||
	    bt.utc_offset_minutes != offset)
		fail_msg("%lld: %04d-%02d-%02d %02d:%02d +%d, expected %04d-%02d-%02d %02d:%02d +%d", (long long)utc,
			 bt.year, bt.month, bt.day, bt.hour, bt.minute, bt.utc_offset_minutes, y, mo, d, h, mi, offset);
	assert_int_equal(bt.is_dst, offset == 120);
}

static void test_spring_2025(void **state)
{
	(void)state;
	int64_t t;
	/* 2025-03-30: 02:00 CET → 03:00 CEST at 01:00 UTC */
	assert_int_equal(U(2025, 3, 30, 1, 0), INT64_C(1743296400));
	assert_false(berlin_to_utc(2025, 3, 30, 2, 30, &t));
	assert_false(berlin_to_utc(2025, 3, 30, 2, 0, &t));
	assert_false(berlin_to_utc(2025, 3, 30, 2, 59, &t));
	assert_true(berlin_to_utc(2025, 3, 30, 1, 59, &t));
	assert_int_equal(t, U(2025, 3, 30, 0, 59));
	assert_true(berlin_to_utc(2025, 3, 30, 3, 0, &t));
	assert_int_equal(t, U(2025, 3, 30, 1, 0));
	assert_local(U(2025, 3, 30, 0, 59), 2025, 3, 30, 1, 59, 60);
	assert_local(U(2025, 3, 30, 1, 0), 2025, 3, 30, 3, 0, 120);
	assert_false(berlin_is_dst(INT64_C(1743296399)));
	assert_true(berlin_is_dst(INT64_C(1743296400)));
}

static void test_autumn_2025(void **state)
{
	(void)state;
	int64_t t;
	/* 2025-10-26: 03:00 CEST → 02:00 CET at 01:00 UTC; 02:30 happens twice */
	assert_int_equal(U(2025, 10, 26, 1, 0), INT64_C(1761440400));
	assert_true(berlin_to_utc(2025, 10, 26, 2, 30, &t));
	assert_int_equal(t, U(2025, 10, 26, 0, 30));  /* the first, CEST */
	assert_local(t, 2025, 10, 26, 2, 30, 120);
	assert_local(U(2025, 10, 26, 1, 30), 2025, 10, 26, 2, 30, 60);  /* the second, CET */
	assert_local(U(2025, 10, 26, 0, 59), 2025, 10, 26, 2, 59, 120);
	assert_local(U(2025, 10, 26, 1, 0), 2025, 10, 26, 2, 0, 60);
	assert_true(berlin_to_utc(2025, 10, 26, 3, 0, &t));
	assert_int_equal(t, U(2025, 10, 26, 2, 0));
	assert_true(berlin_to_utc(2025, 10, 26, 1, 59, &t));
	assert_int_equal(t, U(2025, 10, 25, 23, 59));
	assert_true(berlin_is_dst(INT64_C(1761440399)));
	assert_false(berlin_is_dst(INT64_C(1761440400)));
}

static void test_offsets(void **state)
{
	(void)state;
	int64_t t;
	assert_true(berlin_to_utc(2025, 1, 15, 10, 0, &t));
	assert_int_equal(t, U(2025, 1, 15, 9, 0));
	assert_int_equal(berlin_utc_offset_minutes(t), 60);
	assert_true(berlin_to_utc(2025, 7, 15, 10, 0, &t));
	assert_int_equal(t, U(2025, 7, 15, 8, 0));
	assert_int_equal(berlin_utc_offset_minutes(t), 120);
	/* new year across the date line */
	assert_local(U(2025, 12, 31, 23, 30), 2026, 1, 1, 0, 30, 60);
	struct berlin_time bt;
	berlin_from_utc(U(2026, 11, 27, 11, 0), &bt);
	assert_int_equal(bt.weekday, 5);
	assert_int_equal(bt.second, 0);
	berlin_from_utc(U(2026, 11, 27, 11, 0) + 59, &bt);
	assert_int_equal(bt.second, 59);
	/* invalid input */
	assert_false(berlin_to_utc(2025, 2, 29, 10, 0, &t));
	assert_false(berlin_to_utc(2025, 1, 1, 24, 0, &t));
	assert_false(berlin_to_utc(2025, 1, 1, 10, 60, &t));
	assert_false(berlin_to_utc(2025, 13, 1, 10, 0, &t));
	/* round trip every 17 minutes through 2024-2026: local → UTC → local */
	for (int64_t u = U(2024, 1, 1, 0, 0); u < U(2027, 1, 1, 0, 0); u += 17 * 60) {
		berlin_from_utc(u, &bt);
		int64_t back;
		assert_true(berlin_to_utc(bt.year, bt.month, bt.day, bt.hour, bt.minute, &back));
		/* only the second autumn hour maps back to its first occurrence */
		if (back != u)
			assert_int_equal(back, u - 3600);
	}
	/* local midnight */
	assert_int_equal(berlin_day_start_utc(calendar_day_from_ymd(2025, 7, 1)), U(2025, 6, 30, 22, 0));
	assert_int_equal(berlin_day_start_utc(calendar_day_from_ymd(2025, 3, 30)), U(2025, 3, 29, 23, 0));
	assert_int_equal(berlin_day_start_utc(calendar_day_from_ymd(2025, 10, 27)), U(2025, 10, 26, 23, 0));
}

static void test_last_sundays(void **state)
{
	(void)state;
	/* every year 1996–2100: the switch at 01:00 UTC on the last Sundays of March and October */
	for (int y = 1996; y <= 2100; y++) {
		int64_t s, e;
		assert_true(berlin_dst_bounds(y, &s, &e));
		int32_t sd = (int32_t)(s / 86400), ed = (int32_t)(e / 86400);
		int m, d;
		calendar_ymd_from_day(sd, NULL, &m, &d);
		assert_int_equal(m, 3);
		assert_true(d >= 25);
		assert_int_equal(calendar_weekday(sd), 7);
		calendar_ymd_from_day(ed, NULL, &m, &d);
		assert_int_equal(m, 10);
		assert_true(d >= 25);
		assert_int_equal(calendar_weekday(ed), 7);
		assert_int_equal(s % 86400, 3600);
		assert_int_equal(e % 86400, 3600);
		assert_false(berlin_is_dst(s - 1));
		assert_true(berlin_is_dst(s));
		assert_true(berlin_is_dst(e - 1));
		assert_false(berlin_is_dst(e));
	}
}

static void test_until_1995_september(void **state)
{
	(void)state;
	int64_t t;
	/* 1995: CEST from 26 March to 24 September (last Sunday of September) */
	assert_int_equal(U(1995, 9, 24, 1, 0), INT64_C(811904400));
	assert_true(berlin_is_dst(INT64_C(811904399)));
	assert_false(berlin_is_dst(INT64_C(811904400)));
	assert_false(berlin_is_dst(U(1995, 10, 15, 12, 0)));
	assert_true(berlin_is_dst(U(1995, 3, 26, 1, 0)));
	assert_false(berlin_is_dst(U(1995, 3, 26, 0, 59)));
	assert_true(berlin_to_utc(1995, 10, 15, 12, 0, &t));
	assert_int_equal(t, U(1995, 10, 15, 11, 0));
	assert_false(berlin_to_utc(1995, 3, 26, 2, 30, &t));
	/* 1996: the October rule */
	assert_true(berlin_is_dst(U(1996, 10, 15, 12, 0)));
	assert_false(berlin_is_dst(U(1996, 10, 27, 1, 0)));
	assert_true(berlin_is_dst(U(1996, 10, 27, 0, 59)));
	/* 1980: from the first Sunday of April (6 April); none before 1980 */
	assert_false(berlin_is_dst(U(1980, 3, 30, 12, 0)));
	assert_true(berlin_is_dst(INT64_C(323830800)));
	assert_false(berlin_is_dst(INT64_C(323830799)));
	assert_false(berlin_is_dst(U(1980, 9, 28, 1, 0)));
	assert_false(berlin_is_dst(U(1979, 7, 1, 12, 0)));
	int64_t s, e;
	assert_false(berlin_dst_bounds(1979, &s, &e));
	assert_true(berlin_dst_bounds(1981, &s, &e));
	assert_int_equal(s, U(1981, 3, 29, 1, 0));
	assert_int_equal(e, U(1981, 9, 27, 1, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spring_2025),
		cmocka_unit_test(test_autumn_2025),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_last_sundays),
		cmocka_unit_test(test_until_1995_september),
	};
	return cmocka_run_group_tests_name("berlin_time", tests, NULL, NULL);
}
