/*
 * notice.h — German notice periods (Kündigungsfristen) of a candidate's
 * current contract and the earliest possible start date (R-TIME-4).
 *
 * A notice given on `given_day` with `weeks` weeks of notice ends on
 *   weeks_to_15_or_month_end  the first 15th or last day of a month on or after
 *                             given_day + 7·weeks (§ 622 (1) BGB: four weeks
 *                             „zum 15. oder zum Monatsende“)
 *   weeks_to_month_end        the first month end on or after given_day + 7·weeks
 *                             („zum Monatsende“)
 *   weeks_to_quarter_end      the first 31 Mar / 30 Jun / 30 Sep / 31 Dec on or
 *                             after given_day + 7·weeks („zum Quartalsende“)
 *   weeks_plain               given_day + 7·weeks („ohne Stichtag“)
 * The earliest start is the first working day (Mon–Fri, not a holiday of the
 * Bundesland, core/calendar.h) after that end. Weeks 0 is allowed (then the
 * end is the next Stichtag on/after given_day). Pure; days are day numbers.
 */
#ifndef STELLWERK_CORE_NOTICE_H
#define STELLWERK_CORE_NOTICE_H

#include <stdbool.h>
#include <stdint.h>

#define NOTICE_WEEKS_MAX 52

enum notice_rule {
	NOTICE_WEEKS_TO_15_OR_MONTH_END,   /* "weeks_to_15_or_month_end" */
	NOTICE_WEEKS_TO_MONTH_END,         /* "weeks_to_month_end" */
	NOTICE_WEEKS_TO_QUARTER_END,       /* "weeks_to_quarter_end" */
	NOTICE_WEEKS_PLAIN,                /* "weeks_plain" */
	NOTICE_RULE__COUNT
};

/* Stable code; "unknown" out of range. */
const char *notice_rule_code(enum notice_rule r);
/* English msgid (N_): "to the 15th or the end of a month", "to the end of a
 * month", "to the end of a quarter", "no fixed date". */
const char *notice_rule_label(enum notice_rule r);
/* false for NULL or an unknown code (*out untouched). */
bool notice_rule_parse(const char *code, enum notice_rule *out);

/* The last day of the notice period (see above). weeks < 0 counts as 0. */
int32_t notice_end_day(int32_t given_day, int weeks, enum notice_rule rule);

/* The first working day of `state` after notice_end_day(). state NULL/"" =
 * nationwide holidays only. */
int32_t notice_earliest_start(int32_t given_day, int weeks, enum notice_rule rule, const char *state);

#endif
