/*
 * calendar.c — day numbers ↔ dates (proleptic Gregorian), ISO dates and
 * working-day arithmetic with the public holidays of a Bundesland.
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days
 * (eras of 400 years, integer arithmetic only).
 */
#include "core/calendar.h"

#include "core/berlin_time.h"
#include "core/holidays.h"

bool calendar_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int calendar_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && calendar_is_leap_year(year))
		return 29;
	return days[month - 1];
}

bool calendar_ymd_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= calendar_days_in_month(year, month);
}

int32_t calendar_day_from_ymd(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                                     /* [0, 399] */
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1; /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             /* [0, 146096] */
	return (int32_t)(era * 146097 + doe - 719468);
}

void calendar_ymd_from_day(int32_t day, int *year, int *month, int *dayofmonth)
{
	int64_t z = (int64_t)day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                                          /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;   /* [0, 399] */
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                  /* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;                                       /* [0, 11] */
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	if (year)
		*year = (int)(y + (m <= 2));
	if (month)
		*month = m;
	if (dayofmonth)
		*dayofmonth = d;
}

int calendar_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (4). */
	int r = (int)(((int64_t)day % 7 + 7) % 7);  /* 0 = Thursday */
	return (r + 3) % 7 + 1;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool calendar_parse_iso(const char *s, int32_t *day)
{
	if (!s)
		return false;
	for (int i = 0; i < 10; i++)
		if (s[i] == '\0')
			return false;
	if (s[10] != '\0' || s[4] != '-' || s[7] != '-')
		return false;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !calendar_ymd_valid(y, m, d))
		return false;
	*day = calendar_day_from_ymd(y, m, d);
	return true;
}

char *calendar_format_iso(int32_t day, char out[CALENDAR_ISO_LEN])
{
	int y, m, d;
	calendar_ymd_from_day(day, &y, &m, &d);
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	int vals[3] = { y, m, d };
	int widths[3] = { 4, 2, 2 };
	char *p = out;
	for (int f = 0; f < 3; f++) {
		if (f)
			*p++ = '-';
		for (int i = widths[f] - 1; i >= 0; i--) {
			p[i] = (char)('0' + vals[f] % 10);
			vals[f] /= 10;
		}
		p += widths[f];
	}
	*p = '\0';
	return out;
}

bool calendar_is_working_day(int32_t day, const char *state)
{
	if (calendar_is_weekend(day))
		return false;
	return !holiday_on(day, state, NULL);
}

static bool works(int32_t day, const char *state, calendar_blocked_fn blocked, void *ctx)
{
	if (!calendar_is_working_day(day, state))
		return false;
	return !(blocked && blocked(ctx, day));
}

/* 20 years of days: the most a search walks before it gives up. */
#define WALK_LIMIT (20 * 366)

int32_t calendar_add_working_days(int32_t start, int n, const char *state,
				  calendar_blocked_fn blocked, void *ctx)
{
	int32_t day = start;
	if (n == 0) {
		for (int i = 0; i < WALK_LIMIT && !works(day, state, blocked, ctx); i++)
			day++;
		return day;
	}
	int step = n > 0 ? 1 : -1;
	long left = n > 0 ? n : -(long)n;
	long walked = 0;
	while (left > 0) {
		day += step;
		if (works(day, state, blocked, ctx))
			left--;
		else if (++walked > WALK_LIMIT)
			break;
	}
	return day;
}

int calendar_working_days_between(int32_t from_excl, int32_t to_incl, const char *state,
				  calendar_blocked_fn blocked, void *ctx)
{
	int sign = 1;
	if (to_incl < from_excl) {
		int32_t t = to_incl;
		to_incl = from_excl;
		from_excl = t;
		sign = -1;
	}
	int count = 0;
	for (int32_t d = from_excl + 1; d <= to_incl; d++)
		if (works(d, state, blocked, ctx))
			count++;
	return sign * count;
}

int32_t calendar_day_of_unix_berlin(int64_t utc)
{
	struct berlin_time bt;
	berlin_from_utc(utc, &bt);
	return calendar_day_from_ymd(bt.year, bt.month, bt.day);
}
