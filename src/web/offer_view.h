/*
 * offer_view.h — the offer rules of core/offer.h and core/notice.h in the
 * terms the offer page, the budget page and /api/v1/offers use: codes as
 * text, field names as the form and the JSON body spell them ("start_date"),
 * findings with their severity code (R-OFFER-1, R-TIME-4).
 *
 * Everything here takes plain types and codes as text — the form values, the
 * JSON members and the stored version all are text — so the pages and the API
 * never convert between codes and core's enums themselves.
 */
#ifndef STELLWERK_WEB_OFFER_VIEW_H
#define STELLWERK_WEB_OFFER_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/position.h"   /* struct field_problem */

#define OFFER_VIEW_MAX_NOTES 4

/* One version as entered in the form or the JSON body. */
struct offer_terms {
	int64_t fixed_salary;        /* EUR per year */
	int64_t variable_salary;     /* EUR per year at 100 % */
	const char *benefits;        /* NULL or text */
	int32_t start_day;           /* day number */
	const char *contract_type;   /* code */
	const char *notice_rule;     /* code of the candidate's current contract */
	int notice_weeks;
	const char *note;            /* NULL or text */
};

/* What the findings are computed against. */
struct offer_facts {
	bool has_band;
	int64_t band_min, band_max;  /* EUR per year, when has_band */
	int64_t expectation;         /* the candidate's salary expectation; 0 = not given */
	int32_t today;               /* the day notice could be given (Europe/Berlin) */
	const char *state;           /* Bundesland of the position's organisation; "" = nationwide */
};

/* A finding beside a version: rule id (offer.outside_band, …), severity
 * code ("info", "warning", "approval"), English msgid, the earliest start
 * (start_before_notice) and the deviation from the expectation in percent. */
struct offer_note {
	const char *rule;
	const char *severity;
	const char *message;
	int32_t day;
	int percent;
};

/* The field checks of core/offer.h; problems name the form/JSON fields
 * ("fixed_salary", …, "start_date", …). Returns how many (at most max). */
size_t offer_view_check(const struct offer_terms *t, struct field_problem *out, size_t max);
/* The findings of a version that passed the checks (at most max). */
size_t offer_view_findings(const struct offer_terms *t, const struct offer_facts *f, struct offer_note *out,
			   size_t max);
/* Whether a fixed salary lies outside an existing band (needs approval). */
bool offer_view_needs_approval(int64_t fixed_salary, const struct offer_facts *f);
/* The earliest start for a notice given today (R-TIME-4); -1 for an unknown
 * rule code. */
int32_t offer_view_earliest_start(int32_t today, int weeks, const char *rule_code, const char *state);

/* The contract types and notice rules in their order: code of index i (NULL
 * past the end) and the English msgid of a code (the code itself when
 * unknown). */
const char *offer_view_contract_code(size_t i);
const char *offer_view_contract_label(const char *code);
const char *offer_view_notice_code(size_t i);
const char *offer_view_notice_label(const char *code);
/* The English msgid of a status code (the code when unknown). */
const char *offer_view_status_label(const char *code);
/* Whether the status may move from → to (core/offer.h). */
bool offer_view_transition_ok(const char *from, const char *to);
/* accepted, declined, withdrawn. */
bool offer_view_closed(const char *status);

#endif
