/*
 * holidays.c — the statutory public holidays of the 16 Bundesländer as a
 * table of rules (which states, from which year to which) over fixed and
 * Easter-relative dates; see holidays.h for the research behind each rule.
 */
#include "core/holidays.h"

#include <string.h>

#include "core/calendar.h"

/* Bit i = STATES[i]. */
static const char STATES[16][3] = {
	"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
	"NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
};
enum {
	BW = 1u << 0, BY = 1u << 1, BE = 1u << 2, BB = 1u << 3,
	HB = 1u << 4, HH = 1u << 5, HE = 1u << 6, MV = 1u << 7,
	NI = 1u << 8, NW = 1u << 9, RP = 1u << 10, SL = 1u << 11,
	SN = 1u << 12, ST = 1u << 13, SH = 1u << 14, TH = 1u << 15,
	ALL = 0xFFFFu,
};

#define FIRST HOLIDAYS_FIRST_YEAR
#define LAST HOLIDAYS_LAST_YEAR

enum date_kind { FIXED, EASTER, REPENTANCE };

struct rule {
	unsigned states;  /* 0 = unused slot */
	int from, to;     /* years, inclusive */
};

struct holiday_def {
	const char *key, *name_de, *name_en;
	enum date_kind kind;
	int month, day;   /* FIXED: the date; EASTER: day = offset from Easter Sunday */
	struct rule rules[3];
};

static const struct holiday_def DEFS[] = {
	{ "new_year", "Neujahr", "New Year's Day", FIXED, 1, 1, { { ALL, FIRST, LAST } } },
	{ "epiphany", "Heilige Drei Könige", "Epiphany", FIXED, 1, 6, { { BW | BY | ST, FIRST, LAST } } },
	{ "womens_day", "Internationaler Frauentag", "International Women's Day", FIXED, 3, 8,
	  { { BE, 2019, LAST }, { MV, 2023, LAST } } },
	{ "good_friday", "Karfreitag", "Good Friday", EASTER, 0, -2, { { ALL, FIRST, LAST } } },
	{ "easter_sunday", "Ostersonntag", "Easter Sunday", EASTER, 0, 0, { { BB, FIRST, LAST } } },
	{ "easter_monday", "Ostermontag", "Easter Monday", EASTER, 0, 1, { { ALL, FIRST, LAST } } },
	{ "labour_day", "Tag der Arbeit", "Labour Day", FIXED, 5, 1, { { ALL, FIRST, LAST } } },
	{ "liberation_day", "Tag der Befreiung", "Liberation Day", FIXED, 5, 8,
	  { { BE, 2020, 2020 }, { BE, 2025, 2025 } } },
	{ "ascension", "Christi Himmelfahrt", "Ascension Day", EASTER, 0, 39, { { ALL, FIRST, LAST } } },
	{ "whit_sunday", "Pfingstsonntag", "Whit Sunday", EASTER, 0, 49, { { BB, FIRST, LAST } } },
	{ "whit_monday", "Pfingstmontag", "Whit Monday", EASTER, 0, 50, { { ALL, FIRST, LAST } } },
	{ "corpus_christi", "Fronleichnam", "Corpus Christi", EASTER, 0, 60,
	  { { BW | BY | HE | NW | RP | SL, FIRST, LAST } } },
	{ "assumption", "Mariä Himmelfahrt", "Assumption Day", FIXED, 8, 15, { { SL, FIRST, LAST } } },
	{ "uprising_1953", "Jahrestag des Volksaufstandes vom 17. Juni 1953", "Anniversary of the Uprising of 17 June 1953",
	  FIXED, 6, 17, { { BE, 2028, 2028 } } },
	{ "childrens_day", "Weltkindertag", "World Children's Day", FIXED, 9, 20, { { TH, 2019, LAST } } },
	{ "german_unity", "Tag der Deutschen Einheit", "German Unity Day", FIXED, 10, 3, { { ALL, FIRST, LAST } } },
	{ "reformation", "Reformationstag", "Reformation Day", FIXED, 10, 31,
	  { { BB | MV | SN | ST | TH, FIRST, LAST }, { HB | HH | NI | SH, 2018, LAST }, { ALL, 2017, 2017 } } },
	{ "all_saints", "Allerheiligen", "All Saints' Day", FIXED, 11, 1,
	  { { BW | BY | NW | RP | SL, FIRST, LAST } } },
	{ "repentance", "Buß- und Bettag", "Day of Repentance and Prayer", REPENTANCE, 0, 0,
	  { { SN, FIRST, LAST } } },
	{ "christmas", "1. Weihnachtstag", "Christmas Day", FIXED, 12, 25, { { ALL, FIRST, LAST } } },
	{ "christmas_2", "2. Weihnachtstag", "Second Day of Christmas", FIXED, 12, 26, { { ALL, FIRST, LAST } } },
};
#define NDEFS (sizeof DEFS / sizeof DEFS[0])

static char upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* Index 0..15 of a state code, -1 for NULL or "", -2 for an unknown code. */
static int state_index(const char *code)
{
	if (!code || !*code)
		return -1;
	if (upper(code[0]) == 'D' && upper(code[1]) == 'E' && code[2] == '-')
		code += 3;
	if (!code[0] || !code[1] || code[2])
		return -2;
	for (int i = 0; i < 16; i++)
		if (upper(code[0]) == STATES[i][0] && upper(code[1]) == STATES[i][1])
			return i;
	return -2;
}

bool holiday_state_valid(const char *code)
{
	return state_index(code) >= 0;
}

const char *holiday_state_normalize(const char *code)
{
	int i = state_index(code);
	return i >= 0 ? STATES[i] : NULL;
}

int holidays_easter(int year, int *month, int *dayofmonth)
{
	if (year < 1583)
		return -1;
	/* Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms). */
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;
	if (month)
		*month = n / 31;
	if (dayofmonth)
		*dayofmonth = n % 31 + 1;
	return 0;
}

int32_t holidays_easter_day(int year)
{
	int m = 4, d = 1;
	holidays_easter(year, &m, &d);
	return calendar_day_from_ymd(year, m, d);
}

static bool applies(const struct holiday_def *def, int year, int state)
{
	for (size_t r = 0; r < 3 && def->rules[r].states; r++) {
		const struct rule *ru = &def->rules[r];
		if (year < ru->from || year > ru->to)
			continue;
		if (state < 0 ? ru->states == ALL : (ru->states & (1u << state)) != 0)
			return true;
	}
	return false;
}

static int32_t def_day(const struct holiday_def *def, int year, int32_t easter)
{
	switch (def->kind) {
	case FIXED:
		return calendar_day_from_ymd(year, def->month, def->day);
	case EASTER:
		return easter + def->day;
	case REPENTANCE: {
		/* The Wednesday before 23 November (weekday 3 = Wednesday). */
		int32_t nov22 = calendar_day_from_ymd(year, 11, 22);
		return nov22 - (calendar_weekday(nov22) - 3 + 7) % 7;
	}
	}
	return 0;
}

/* All holidays of a year for a state index (-1 = nationwide), sorted;
 * returns the count (<= HOLIDAYS_MAX). */
static size_t compute(int year, int state, struct holiday out[HOLIDAYS_MAX])
{
	size_t n = 0;
	int32_t easter = holidays_easter_day(year);
	for (size_t i = 0; i < NDEFS && n < HOLIDAYS_MAX; i++) {
		const struct holiday_def *def = &DEFS[i];
		if (!applies(def, year, state))
			continue;
		struct holiday h = { def_day(def, year, easter), def->name_de, def->name_en, def->key };
		size_t j = n++;
		while (j > 0 && out[j - 1].day > h.day) {  /* stable insertion sort */
			out[j] = out[j - 1];
			j--;
		}
		out[j] = h;
	}
	return n;
}

size_t holidays_list(int year, const char *state, struct holiday *out, size_t max)
{
	int s = state_index(state);
	if (s == -2 || year < FIRST || year > LAST)
		return 0;
	struct holiday all[HOLIDAYS_MAX];
	size_t n = compute(year, s, all);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = all[i];
	return n;
}

bool holiday_on(int32_t day, const char *state, const struct holiday **which)
{
	static _Thread_local struct holiday found;
	int year;
	calendar_ymd_from_day(day, &year, NULL, NULL);
	if (year < FIRST || year > LAST)
		return false;
	int s = state_index(state);
	if (s < 0)
		s = -1;
	struct holiday all[HOLIDAYS_MAX];
	size_t n = compute(year, s, all);
	for (size_t i = 0; i < n; i++) {
		if (all[i].day == day) {
			if (which) {
				found = all[i];
				*which = &found;
			}
			return true;
		}
	}
	return false;
}
