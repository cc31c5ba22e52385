/*
 * holidays.h — the statutory public holidays (gesetzliche Feiertage) of the
 * 16 German Bundesländer for the years 1995–2100.
 *
 * Easter Sunday comes from the Gregorian computus (anonymous Gregorian
 * algorithm, Meeus/Jones/Butcher); the movable feasts are offsets from it:
 * Karfreitag −2, Ostermontag +1, Christi Himmelfahrt +39, Pfingstsonntag +49,
 * Pfingstmontag +50, Fronleichnam +60. Buß- und Bettag is the Wednesday
 * before 23 November (16–22 November).
 *
 * Nationwide (all 16 states, every year): Neujahr (1.1.), Karfreitag,
 * Ostermontag, Tag der Arbeit (1.5.), Christi Himmelfahrt, Pfingstmontag,
 * Tag der Deutschen Einheit (3.10.), 1. and 2. Weihnachtstag (25./26.12.).
 * Reformationstag 31.10.2017 was a one-off holiday in every state (500 years
 * of the Reformation).
 *
 * State-specific (statewide only; the years are when they became statutory,
 * otherwise throughout 1995–2100; the states of the former GDR have had
 * Reformationstag since 1990/91, ST Heilige Drei Könige since 1991):
 *   BW  Heilige Drei Könige (6.1.), Fronleichnam, Allerheiligen (1.11.)
 *   BY  Heilige Drei Könige, Fronleichnam, Allerheiligen.
 *       NOT included: Mariä Himmelfahrt (15.8.), a holiday only in the
 *       municipalities with a predominantly Catholic population (decided
 *       by the census; most, not all), and Augsburger Friedensfest (8.8.),
 *       only in the city of Augsburg — neither is statewide.
 *   BE  Internationaler Frauentag (8.3.) since 2019; one-offs: Tag der
 *       Befreiung 8.5.2020 (75th anniversary) and 8.5.2025 (80th), and the
 *       75th anniversary of the uprising of 17 June 1953 on 17.6.2028 (a
 *       Saturday; already enacted by Berlin's Feiertagsgesetz).
 *   BB  Ostersonntag and Pfingstsonntag (listed as statutory holidays in the
 *       Brandenburg Feiertagsgesetz), Reformationstag (31.10.).
 *   HB  Reformationstag since 2018.
 *   HH  Reformationstag since 2018.
 *   HE  Fronleichnam. (Hessen's Feiertagsgesetz may name Oster- and
 *       Pfingstsonntag as well; not listed here as that could not be
 *       verified offline — both are Sundays, so working days do not change.)
 *   MV  Reformationstag; Internationaler Frauentag since 2023.
 *   NI  Reformationstag since 2018.
 *   NW  Fronleichnam, Allerheiligen.
 *   RP  Fronleichnam, Allerheiligen.
 *   SL  Fronleichnam, Mariä Himmelfahrt (15.8.), Allerheiligen.
 *   SN  Reformationstag, Buß- und Bettag (kept in Saxony when it was
 *       abolished elsewhere from 1995). NOT included: Fronleichnam, a
 *       holiday only in some Catholic Sorbian municipalities of Upper Lusatia.
 *   ST  Heilige Drei Könige, Reformationstag.
 *   SH  Reformationstag since 2018.
 *   TH  Reformationstag; Weltkindertag (20.9.) since 2019. NOT included:
 *       Fronleichnam, a holiday only in the Catholic municipalities of the
 *       Eichsfeld and a few others.
 * Holidays on a Sunday are listed as well (they do not move). When two
 * coincide (Christi Himmelfahrt on 1 May 2008) both are listed.
 *
 * Counts (entries of holidays_list) for 2024 and 2025: BW 12, BY 12, BE 10
 * (2025: 11), BB 12, HB 10, HH 10, HE 10, MV 11, NI 10, NW 11, RP 11, SL 12,
 * SN 11, ST 11, SH 10, TH 11.
 *
 * State codes: "BW" "BY" "BE" "BB" "HB" "HH" "HE" "MV" "NI" "NW" "RP" "SL"
 * "SN" "ST" "SH" "TH", also "DE-BW" style (ISO 3166-2), case-insensitive.
 * Pure functions; no I/O.
 */
#ifndef STELLWERK_CORE_HOLIDAYS_H
#define STELLWERK_CORE_HOLIDAYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HOLIDAYS_FIRST_YEAR 1995
#define HOLIDAYS_LAST_YEAR 2100
/* Enough room for any state's list in any year. */
#define HOLIDAYS_MAX 20

struct holiday {
	int32_t day;            /* day number (core/calendar.h) */
	const char *name_de;    /* "Tag der Deutschen Einheit" (static) */
	const char *name_en;    /* "German Unity Day" (static) */
	const char *key;        /* stable id: "german_unity" (static) */
};

/* Keys: new_year epiphany womens_day good_friday easter_sunday easter_monday
 * labour_day liberation_day ascension whit_sunday whit_monday corpus_christi
 * uprising_1953 assumption childrens_day german_unity reformation all_saints repentance
 * christmas christmas_2 */

/* True for one of the 16 codes ("BY", "DE-BY", case-insensitive). */
bool holiday_state_valid(const char *code);
/* The two-letter upper-case code of a valid code ("de-by" → "BY"), else NULL. */
const char *holiday_state_normalize(const char *code);

/* Holidays of `state` in `year`, sorted by date (ties: the order of the list
 * above). state NULL or "" = the nationwide holidays only. Writes at most max
 * entries to out (out may be NULL when max is 0) and returns the total count;
 * returns 0 for an unknown state code or a year outside 1995–2100. */
size_t holidays_list(int year, const char *state, struct holiday *out, size_t max);

/* True when `day` is a holiday of `state` (NULL, "" or an unknown code:
 * nationwide only); *which (if which is not NULL) then points to the first
 * such holiday in thread-local storage, valid until the next call in the same
 * thread. Days outside 1995–2100 are never holidays. */
bool holiday_on(int32_t day, const char *state, const struct holiday **which);

/* Easter Sunday of a Gregorian year (>= 1583): sets *month (3 or 4) and
 * *dayofmonth and returns 0; returns -1 for an earlier year. */
int holidays_easter(int year, int *month, int *dayofmonth);
/* Easter Sunday as a day number (year >= 1583). */
int32_t holidays_easter_day(int year);

#endif
