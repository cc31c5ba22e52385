/*
 * calendar.h — calendar dates as day numbers and working-day arithmetic.
 *
 * A date is an int32_t day number: days since 1970-01-01 (day 0 = Thursday
 * 1970-01-01, negative before). Proleptic Gregorian calendar; the conversions
 * are exact for years 1–9999 (tested 1900–2199). Pure functions: no I/O, no
 * process time zone, no clock.
 *
 * Working day = Monday–Friday and not a statutory public holiday of the given
 * Bundesland (core/holidays.h) and not a "blocked" day (an optional predicate,
 * e.g. the absences of a person). `state` is "BW".."TH" or "DE-BW" style;
 * NULL, "" or an unknown code mean nationwide holidays only. Holidays are known
 * for 1995–2100; outside that range only weekends are non-working days.
 */
#ifndef STELLWERK_CORE_CALENDAR_H
#define STELLWERK_CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Buffer size of an ISO date "YYYY-MM-DD" plus NUL. */
#define CALENDAR_ISO_LEN 11

/* Extra non-working days: returns true when `day` is blocked (not worked).
 * ctx is passed through unchanged. */
typedef bool (*calendar_blocked_fn)(void *ctx, int32_t day);

bool calendar_is_leap_year(int year);
/* 28..31; 0 for a month outside 1..12. */
int calendar_days_in_month(int year, int month);
/* True for a real date (month 1..12, day 1..days_in_month, year 1..9999). */
bool calendar_ymd_valid(int year, int month, int day);

/* Day number of a date. The date is not validated: month must be 1..12; a
 * day beyond the month's end rolls over (2025-02-30 → 2025-03-02). */
int32_t calendar_day_from_ymd(int year, int month, int day);
/* Date of a day number; any out pointer may be NULL. */
void calendar_ymd_from_day(int32_t day, int *year, int *month, int *dayofmonth);

/* ISO weekday: Monday = 1 … Sunday = 7. */
int calendar_weekday(int32_t day);
static inline bool calendar_is_weekend(int32_t day) { return (((day % 7) + 7 + 3) % 7) >= 5; }

static inline int32_t calendar_add_days(int32_t day, int n) { return day + n; }

/* Strict "YYYY-MM-DD" (exactly 10 characters, digits, a real date, year
 * 0001..9999): true and *day set; false (and *day untouched) otherwise —
 * "2025-02-29", "2025-2-1", "2025-02-01x" and " 2025-02-01" are refused. */
bool calendar_parse_iso(const char *s, int32_t *day);
/* Writes "YYYY-MM-DD" and NUL into out (CALENDAR_ISO_LEN bytes); returns out. */
char *calendar_format_iso(int32_t day, char out[CALENDAR_ISO_LEN]);

/* Monday–Friday and not a public holiday of `state`. */
bool calendar_is_working_day(int32_t day, const char *state);

/* The n-th working day after `start` (not counting start) for n >= 1; for
 * n == 0, start itself when it is a working day, else the next working day;
 * for n < 0, the |n|-th working day before start. A day counts as working when
 * calendar_is_working_day() and not blocked(ctx, day) (blocked may be NULL).
 * Gives up after 20 years of blocked days and returns the day reached. */
int32_t calendar_add_working_days(int32_t start, int n, const char *state,
				  calendar_blocked_fn blocked, void *ctx);

/* The number of working days d with from_excl < d <= to_incl; 0 when both
 * are the same day; when to_incl is before from_excl, minus the number of
 * working days in (to_incl, from_excl]. Same working-day definition as above. */
int calendar_working_days_between(int32_t from_excl, int32_t to_incl, const char *state,
				  calendar_blocked_fn blocked, void *ctx);

/* The local (Europe/Berlin) calendar day of a Unix timestamp (UTC seconds). */
int32_t calendar_day_of_unix_berlin(int64_t utc);

#endif
