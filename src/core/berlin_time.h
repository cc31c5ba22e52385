/*
 * berlin_time.h — Europe/Berlin local time ↔ UTC without the process TZ.
 *
 * Rules (as tzdata's Europe/Berlin since 1980, EU rules):
 *   standard time CET = UTC+1; summer time CEST = UTC+2;
 *   1980:       CEST from Sunday 6 April 01:00 UTC to the last Sunday of September 01:00 UTC
 *   1981–1995:  CEST from the last Sunday of March 01:00 UTC to the last Sunday of September 01:00 UTC
 *   1996–:      CEST from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
 *   before 1980: CET all year (Germany's summer times of 1916–1918 and
 *   1940–1949 are not modelled).
 * So the local clock jumps 02:00 → 03:00 in spring (02:00–02:59 does not
 * exist) and 03:00 → 02:00 in autumn (02:00–02:59 happens twice).
 * Pure functions; no libc time zone functions are used.
 */
#ifndef STELLWERK_CORE_BERLIN_TIME_H
#define STELLWERK_CORE_BERLIN_TIME_H

#include <stdbool.h>
#include <stdint.h>

struct berlin_time {
	int year, month, day;           /* local calendar date */
	int hour, minute, second;       /* local wall clock */
	int utc_offset_minutes;         /* 60 (CET) or 120 (CEST) */
	bool is_dst;                    /* true during CEST */
	int weekday;                    /* Monday = 1 … Sunday = 7 */
};

/* UTC seconds of a local wall-clock time (seconds = 0). False for an
 * invalid date/time (month, day, hour 0..23, minute 0..59) and for a local
 * time in the spring gap (e.g. 2025-03-30 02:30). An ambiguous autumn time
 * (e.g. 2025-10-26 02:30) resolves to its first occurrence, CEST. */
bool berlin_to_utc(int y, int mo, int d, int h, int mi, int64_t *utc);

/* Local wall-clock time of a UTC instant. */
void berlin_from_utc(int64_t utc, struct berlin_time *out);

/* True when the instant falls within summer time (CEST). */
bool berlin_is_dst(int64_t utc);

/* The UTC offset in minutes at an instant: 60 or 120. */
int berlin_utc_offset_minutes(int64_t utc);

/* UTC seconds of local midnight (00:00) starting a day number; midnight is
 * never in a gap, so this always exists. */
int64_t berlin_day_start_utc(int32_t day);

/* The DST interval of a year in UTC seconds: [*start, *end). False (and
 * outputs untouched) for a year without summer time (before 1980). */
bool berlin_dst_bounds(int year, int64_t *start, int64_t *end);

#endif
