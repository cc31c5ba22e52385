/*
 * berlin_time.c — Europe/Berlin ↔ UTC from the EU summer-time rules, in
 * integer arithmetic on day numbers (core/calendar.h); see berlin_time.h for
 * the rules and the years they hold.
 */
#include "core/berlin_time.h"

#include "core/calendar.h"

#define DAY_SECONDS 86400
#define CET_OFFSET 3600
#define CEST_OFFSET 7200

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Day number of the last Sunday of a month. */
static int32_t last_sunday(int year, int month)
{
	int32_t last = calendar_day_from_ymd(year, month, calendar_days_in_month(year, month));
	return last - (calendar_weekday(last) % 7);
}

bool berlin_dst_bounds(int year, int64_t *start, int64_t *end)
{
	if (year < 1980)
		return false;
	int32_t s, e;
	if (year == 1980) {
		int32_t apr1 = calendar_day_from_ymd(1980, 4, 1);
		s = apr1 + (7 - calendar_weekday(apr1)) % 7;  /* first Sunday of April */
	} else {
		s = last_sunday(year, 3);
	}
	e = last_sunday(year, year <= 1995 ? 9 : 10);
	*start = (int64_t)s * DAY_SECONDS + 3600;  /* 01:00 UTC */
	*end = (int64_t)e * DAY_SECONDS + 3600;
	return true;
}

static int year_of_utc(int64_t utc)
{
	int y;
	calendar_ymd_from_day((int32_t)floor_div(utc, DAY_SECONDS), &y, NULL, NULL);
	return y;
}

bool berlin_is_dst(int64_t utc)
{
	int64_t s, e;
	/* The switches are in spring and autumn, so the UTC year is the local one. */
	if (!berlin_dst_bounds(year_of_utc(utc), &s, &e))
		return false;
	return utc >= s && utc < e;
}

int berlin_utc_offset_minutes(int64_t utc)
{
	return berlin_is_dst(utc) ? 120 : 60;
}

void berlin_from_utc(int64_t utc, struct berlin_time *out)
{
	bool dst = berlin_is_dst(utc);
	int64_t local = utc + (dst ? CEST_OFFSET : CET_OFFSET);
	int32_t day = (int32_t)floor_div(local, DAY_SECONDS);
	int64_t sec = local - (int64_t)day * DAY_SECONDS;
	calendar_ymd_from_day(day, &out->year, &out->month, &out->day);
	out->hour = (int)(sec / 3600);
	out->minute = (int)(sec / 60 % 60);
	out->second = (int)(sec % 60);
	out->utc_offset_minutes = dst ? 120 : 60;
	out->is_dst = dst;
	out->weekday = calendar_weekday(day);
}

bool berlin_to_utc(int y, int mo, int d, int h, int mi, int64_t *utc)
{
	if (!calendar_ymd_valid(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59)
		return false;
	int64_t local = (int64_t)calendar_day_from_ymd(y, mo, d) * DAY_SECONDS + h * 3600 + mi * 60;
	/* Try CEST first so that the ambiguous autumn hour takes its first
	 * occurrence; a candidate is right when the rules give back its offset. */
	int64_t as_cest = local - CEST_OFFSET;
	if (berlin_is_dst(as_cest)) {
		*utc = as_cest;
		return true;
	}
	int64_t as_cet = local - CET_OFFSET;
	if (!berlin_is_dst(as_cet)) {
		*utc = as_cet;
		return true;
	}
	return false;  /* spring gap */
}

int64_t berlin_day_start_utc(int32_t day)
{
	int y, m, d;
	int64_t utc = 0;
	calendar_ymd_from_day(day, &y, &m, &d);
	if (!berlin_to_utc(y, m, d, 0, 0, &utc))
		utc = (int64_t)day * DAY_SECONDS - CET_OFFSET;
	return utc;
}
