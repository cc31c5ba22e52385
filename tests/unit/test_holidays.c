/*
 * Unit tests for src/core/holidays.c: Easter by the Gregorian computus, the
 * count of statutory holidays of every Bundesland, the years around each
 * introduced holiday (Frauentag BE/MV, Weltkindertag TH, Reformationstag in
 * the northern states and the 2017 jubilee), Buß- und Bettag, the Berlin
 * one-offs, the 1995–2100 bounds and invalid input (R-TIME-1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/holidays.h"

static const char *const ALL_STATES[16] = { "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
					    "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH" };

static int32_t D(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

/* True when state's list of year has key on y-m-d. */
static bool has(int year, const char *state, const char *key, int m, int d)
{
	struct holiday list[HOLIDAYS_MAX];
	size_t n = holidays_list(year, state, list, HOLIDAYS_MAX);
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].key, key) == 0)
			return list[i].day == D(year, m, d);
	return false;
}

static bool has_key(int year, const char *state, const char *key)
{
	struct holiday list[HOLIDAYS_MAX];
	size_t n = holidays_list(year, state, list, HOLIDAYS_MAX);
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].key, key) == 0)
			return true;
	return false;
}

static void test_easter_known_years(void **state)
{
	static const struct { int y, m, d; } known[] = {
		{ 1818, 3, 22 }, { 1943, 4, 25 }, { 1954, 4, 18 }, { 1981, 4, 19 }, { 1995, 4, 16 },
		{ 2000, 4, 23 }, { 2005, 3, 27 }, { 2008, 3, 23 }, { 2011, 4, 24 }, { 2013, 3, 31 },
		{ 2014, 4, 20 }, { 2015, 4, 5 },  { 2016, 3, 27 }, { 2017, 4, 16 }, { 2018, 4, 1 },
		{ 2019, 4, 21 }, { 2020, 4, 12 }, { 2021, 4, 4 },  { 2022, 4, 17 }, { 2023, 4, 9 },
		{ 2024, 3, 31 }, { 2025, 4, 20 }, { 2026, 4, 5 },  { 2027, 3, 28 }, { 2030, 4, 21 },
		{ 2035, 3, 25 }, { 2038, 4, 25 }, { 2100, 3, 28 }, { 2285, 3, 22 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		int m = 0, d = 0;
		assert_int_equal(holidays_easter(known[i].y, &m, &d), 0);
		if (m != known[i].m || d != known[i].d)
			fail_msg("Easter %d: %d-%d, expected %d-%d", known[i].y, m, d, known[i].m, known[i].d);
		assert_int_equal(holidays_easter_day(known[i].y), D(known[i].y, known[i].m, known[i].d));
		assert_int_equal(calendar_weekday(holidays_easter_day(known[i].y)), 7);
	}
	assert_int_equal(holidays_easter(1582, NULL, NULL), -1);
	/* Easter is always between 22 March and 25 April, on a Sunday */
	for (int y = 1583; y <= 4099; y++) {
		int32_t e = holidays_easter_day(y);
		assert_true(e >= D(y, 3, 22) && e <= D(y, 4, 25));
		assert_int_equal(calendar_weekday(e), 7);
	}
}

static void test_counts_2024_2025(void **state)
{
	/* R-TIME-1: the research in holidays.h, state by state */
	static const int c2024[16] = { 12, 12, 10, 12, 10, 10, 10, 11, 10, 11, 11, 12, 11, 11, 10, 11 };
	static const int c2025[16] = { 12, 12, 11, 12, 10, 10, 10, 11, 10, 11, 11, 12, 11, 11, 10, 11 };
	(void)state;
	for (int i = 0; i < 16; i++) {
		size_t n24 = holidays_list(2024, ALL_STATES[i], NULL, 0);
		size_t n25 = holidays_list(2025, ALL_STATES[i], NULL, 0);
		if ((int)n24 != c2024[i] || (int)n25 != c2025[i])
			fail_msg("%s: %zu/%zu holidays, expected %d/%d", ALL_STATES[i], n24, n25, c2024[i], c2025[i]);
	}
	assert_int_equal(holidays_list(2025, NULL, NULL, 0), 9);
	assert_int_equal(holidays_list(2025, "", NULL, 0), 9);
}

static void test_list_is_sorted_and_complete(void **state)
{
	(void)state;
	for (int y = HOLIDAYS_FIRST_YEAR; y <= HOLIDAYS_LAST_YEAR; y++) {
		for (int i = 0; i < 16; i++) {
			struct holiday list[HOLIDAYS_MAX];
			size_t n = holidays_list(y, ALL_STATES[i], list, HOLIDAYS_MAX);
			assert_true(n >= 9 && n <= HOLIDAYS_MAX);
			for (size_t k = 0; k < n; k++) {
				int yy;
				calendar_ymd_from_day(list[k].day, &yy, NULL, NULL);
				assert_int_equal(yy, y);
				assert_non_null(list[k].name_de);
				assert_non_null(list[k].name_en);
				if (k)
					assert_true(list[k - 1].day <= list[k].day);
				const struct holiday *w = NULL;
				assert_true(holiday_on(list[k].day, ALL_STATES[i], &w));
				assert_non_null(w);
			}
			/* nationwide ones in every state */
			assert_true(has(y, ALL_STATES[i], "new_year", 1, 1));
			assert_true(has(y, ALL_STATES[i], "german_unity", 10, 3));
			assert_true(has(y, ALL_STATES[i], "christmas_2", 12, 26));
			assert_true(has_key(y, ALL_STATES[i], "good_friday"));
			assert_true(has_key(y, ALL_STATES[i], "whit_monday"));
		}
	}
}

static void test_2025_dates(void **state)
{
	(void)state;
	struct holiday list[HOLIDAYS_MAX];
	size_t n = holidays_list(2025, "BY", list, HOLIDAYS_MAX);
	static const struct { int m, d; const char *key; } by[] = {
		{ 1, 1, "new_year" },    { 1, 6, "epiphany" },       { 4, 18, "good_friday" },
		{ 4, 21, "easter_monday" }, { 5, 1, "labour_day" },  { 5, 29, "ascension" },
		{ 6, 9, "whit_monday" }, { 6, 19, "corpus_christi" }, { 10, 3, "german_unity" },
		{ 11, 1, "all_saints" }, { 12, 25, "christmas" },    { 12, 26, "christmas_2" },
	};
	assert_int_equal(n, 12);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(list[i].day, D(2025, by[i].m, by[i].d));
		assert_string_equal(list[i].key, by[i].key);
	}
	assert_string_equal(list[0].name_de, "Neujahr");
	assert_string_equal(list[8].name_de, "Tag der Deutschen Einheit");
	assert_string_equal(list[8].name_en, "German Unity Day");
	/* not statewide: Mariä Himmelfahrt in BY, Augsburger Friedensfest, Fronleichnam in SN/TH */
	assert_false(holiday_on(D(2025, 8, 15), "BY", NULL));
	assert_false(holiday_on(D(2025, 8, 8), "BY", NULL));
	assert_true(holiday_on(D(2025, 8, 15), "SL", NULL));
	assert_false(holiday_on(D(2025, 6, 19), "SN", NULL));
	assert_false(holiday_on(D(2025, 6, 19), "TH", NULL));
	assert_true(holiday_on(D(2025, 6, 19), "HE", NULL));
	/* Brandenburg's Easter and Whit Sunday */
	assert_true(has(2025, "BB", "easter_sunday", 4, 20));
	assert_true(has(2025, "BB", "whit_sunday", 6, 8));
	assert_false(has_key(2025, "BE", "easter_sunday"));
	assert_false(has_key(2025, "HE", "whit_sunday"));
	/* Epiphany: BW, BY, ST only */
	assert_true(has_key(2025, "ST", "epiphany"));
	assert_false(has_key(2025, "TH", "epiphany"));
	assert_false(has_key(2025, "HE", "epiphany"));
}

static void test_introduced_holidays(void **state)
{
	(void)state;
	/* Frauentag: Berlin since 2019, Mecklenburg-Vorpommern since 2023 */
	assert_false(holiday_on(D(2018, 3, 8), "BE", NULL));
	assert_true(has(2019, "BE", "womens_day", 3, 8));
	assert_false(has_key(2022, "MV", "womens_day"));
	assert_true(has(2023, "MV", "womens_day", 3, 8));
	assert_false(has_key(2025, "BB", "womens_day"));
	/* Weltkindertag Thuringia since 2019 */
	assert_false(has_key(2018, "TH", "childrens_day"));
	assert_true(has(2019, "TH", "childrens_day", 9, 20));
	assert_false(has_key(2019, "SN", "childrens_day"));
	/* Reformationstag: 2017 everywhere, from 2018 also HB, HH, NI, SH */
	static const char *const north[] = { "HB", "HH", "NI", "SH" };
	for (int i = 0; i < 4; i++) {
		assert_false(has_key(2016, north[i], "reformation"));
		assert_true(has(2017, north[i], "reformation", 10, 31));
		assert_true(has(2018, north[i], "reformation", 10, 31));
		assert_true(has(2100, north[i], "reformation", 10, 31));
	}
	for (int i = 0; i < 16; i++)
		assert_true(holiday_on(D(2017, 10, 31), ALL_STATES[i], NULL));
	assert_true(holiday_on(D(2017, 10, 31), NULL, NULL));
	assert_false(holiday_on(D(2018, 10, 31), NULL, NULL));
	assert_false(holiday_on(D(2018, 10, 31), "BY", NULL));
	assert_false(holiday_on(D(2016, 10, 31), "BW", NULL));
	assert_true(holiday_on(D(1995, 10, 31), "SN", NULL));
	assert_int_equal(holidays_list(2017, "BY", NULL, 0), 13);
	assert_int_equal(holidays_list(2017, NULL, NULL, 0), 10);
	/* Berlin one-offs, Tag der Befreiung */
	assert_true(has(2020, "BE", "liberation_day", 5, 8));
	assert_true(has(2025, "BE", "liberation_day", 5, 8));
	assert_false(has_key(2021, "BE", "liberation_day"));
	assert_false(has_key(2026, "BE", "liberation_day"));
	assert_false(has_key(2025, "BB", "liberation_day"));
	assert_int_equal(holidays_list(2026, "BE", NULL, 0), 10);
	/* 17 June 2028: 75 years since the uprising of 1953, Berlin only */
	assert_true(has(2028, "BE", "uprising_1953", 6, 17));
	assert_false(has_key(2027, "BE", "uprising_1953"));
	assert_false(has_key(2029, "BE", "uprising_1953"));
	assert_false(has_key(2028, "BB", "uprising_1953"));
}

static void test_repentance_day(void **state)
{
	(void)state;
	static const struct { int y, d; } known[] = {
		{ 1995, 22 }, { 2017, 22 }, { 2021, 17 }, { 2022, 16 }, { 2023, 22 },
		{ 2024, 20 }, { 2025, 19 }, { 2026, 18 },
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		assert_true(has(known[i].y, "SN", "repentance", 11, known[i].d));
	for (int y = HOLIDAYS_FIRST_YEAR; y <= HOLIDAYS_LAST_YEAR; y++) {
		struct holiday list[HOLIDAYS_MAX];
		size_t n = holidays_list(y, "SN", list, HOLIDAYS_MAX);
		bool found = false;
		for (size_t k = 0; k < n; k++) {
			if (strcmp(list[k].key, "repentance") != 0)
				continue;
			found = true;
			assert_int_equal(calendar_weekday(list[k].day), 3);
			assert_true(list[k].day >= D(y, 11, 16) && list[k].day <= D(y, 11, 22));
		}
		assert_true(found);
		assert_false(has_key(y, "BY", "repentance"));
	}
}

static void test_coincidence_2008(void **state)
{
	(void)state;
	/* Christi Himmelfahrt fell on 1 May 2008: both listed, same day */
	assert_true(has(2008, "NW", "labour_day", 5, 1));
	assert_true(has(2008, "NW", "ascension", 5, 1));
	assert_int_equal(holidays_list(2008, "NW", NULL, 0), 11);
}

static void test_bounds_and_invalid(void **state)
{
	(void)state;
	struct holiday list[HOLIDAYS_MAX];
	assert_int_equal(holidays_list(1994, "BY", list, HOLIDAYS_MAX), 0);
	assert_int_equal(holidays_list(2101, "BY", list, HOLIDAYS_MAX), 0);
	assert_int_equal(holidays_list(1995, "BY", list, HOLIDAYS_MAX), 12);
	assert_int_equal(list[0].day, D(1995, 1, 1));
	assert_int_equal(holidays_list(2100, "SN", list, HOLIDAYS_MAX), 11);
	assert_int_equal(list[10].day, D(2100, 12, 26));
	assert_false(holiday_on(D(1994, 12, 25), "BY", NULL));
	assert_false(holiday_on(D(2101, 1, 1), "BY", NULL));
	assert_true(holiday_on(D(2100, 12, 25), "BY", NULL));
	/* a short buffer: the total count, only max written */
	list[2].day = -1;
	assert_int_equal(holidays_list(2025, "BW", list, 2), 12);
	assert_int_equal(list[2].day, -1);
	/* state codes */
	assert_true(holiday_state_valid("BY"));
	assert_true(holiday_state_valid("DE-BY"));
	assert_true(holiday_state_valid("de-th"));
	assert_false(holiday_state_valid("XY"));
	assert_false(holiday_state_valid("DE"));
	assert_false(holiday_state_valid("DE-"));
	assert_false(holiday_state_valid("BYX"));
	assert_false(holiday_state_valid(""));
	assert_false(holiday_state_valid(NULL));
	assert_string_equal(holiday_state_normalize("de-hh"), "HH");
	assert_null(holiday_state_normalize("AT-9"));
	assert_int_equal(holidays_list(2025, "XY", list, HOLIDAYS_MAX), 0);
	assert_int_equal(holidays_list(2025, "DE-SL", list, HOLIDAYS_MAX), 12);
	/* unknown code on lookup: nationwide only */
	assert_true(holiday_on(D(2025, 12, 25), "XY", NULL));
	assert_false(holiday_on(D(2025, 1, 6), "XY", NULL));
	const struct holiday *w = NULL;
	assert_true(holiday_on(D(2025, 1, 6), "DE-BW", &w));
	assert_string_equal(w->key, "epiphany");
	assert_string_equal(w->name_de, "Heilige Drei Könige");
	assert_false(holiday_on(D(2025, 1, 7), "BW", &w));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter_known_years),
		cmocka_unit_test(test_counts_2024_2025),
		cmocka_unit_test(test_list_is_sorted_and_complete),
		cmocka_unit_test(test_2025_dates),
		cmocka_unit_test(test_introduced_holidays),
		cmocka_unit_test(test_repentance_day),
		cmocka_unit_test(test_coincidence_2008),
		cmocka_unit_test(test_bounds_and_invalid),
	};
	return cmocka_run_group_tests_name("holidays", tests, NULL, NULL);
}
