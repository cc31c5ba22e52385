/*
 * offer.h — the offer of an application (R-OFFER-1): contract types, the
 * offer's status and its allowed transitions, validation of one offer version
 * and the findings shown beside it (budget band, notice period, the
 * candidate's salary expectation). Pure: the caller passes the band, the
 * expectation, the day the notice could be given (today) and the state.
 *
 * Status:  draft → sent → accepted | declined | withdrawn;  draft → withdrawn.
 * accepted, declined and withdrawn close the offer (no further transition).
 *
 * Findings (rule ids are the contract for UI, API and tests):
 *   offer.outside_band        approval  fixed salary below band min or above band max;
 *                                       the version needs the CFO's (or an admin's)
 *                                       approval before it can be sent
 *   offer.no_band             info      the position has no budget band yet
 *   offer.start_before_notice warning   start day before notice_earliest_start(today,
 *                                       notice_weeks, notice_rule, state); `day` = that
 *                                       earliest start
 *   offer.above_expectation   info      fixed salary more than 10 % above the candidate's
 *                                       expectation; `percent` = deviation (truncated)
 *   offer.below_expectation   info      more than 10 % below it; `percent` negative
 * Messages are English msgids (N_) without format arguments.
 */
#ifndef STELLWERK_CORE_OFFER_H
#define STELLWERK_CORE_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/position.h"   /* struct field_problem */

#define OFFER_SALARY_MAX 10000000        /* EUR per year, fixed and variable each */
#define OFFER_BENEFITS_MAX 4000          /* bytes of UTF-8 */
#define OFFER_NOTE_MAX 4000              /* bytes of UTF-8 */
#define OFFER_EXPECTATION_PERCENT 10     /* ± around the expectation before a finding */
#define OFFER_MAX_FINDINGS 4

#define OFFER_RULE_OUTSIDE_BAND "offer.outside_band"
#define OFFER_RULE_NO_BAND "offer.no_band"
#define OFFER_RULE_START_BEFORE_NOTICE "offer.start_before_notice"
#define OFFER_RULE_ABOVE_EXPECTATION "offer.above_expectation"
#define OFFER_RULE_BELOW_EXPECTATION "offer.below_expectation"

enum contract_type {
	CONTRACT_PERMANENT_FULL_TIME,     /* "permanent_full_time"  unbefristet, Vollzeit */
	CONTRACT_PERMANENT_PART_TIME,     /* "permanent_part_time"  unbefristet, Teilzeit */
	CONTRACT_FIXED_TERM_FULL_TIME,    /* "fixed_term_full_time" befristet, Vollzeit */
	CONTRACT_FIXED_TERM_PART_TIME,    /* "fixed_term_part_time" befristet, Teilzeit */
	CONTRACT_TYPE__COUNT
};
const char *contract_type_code(enum contract_type c);    /* "unknown" out of range */
const char *contract_type_label(enum contract_type c);   /* N_("Permanent, full time") … */
bool contract_type_parse(const char *code, enum contract_type *out);

enum offer_status { OFFER_DRAFT, OFFER_SENT, OFFER_ACCEPTED, OFFER_DECLINED, OFFER_WITHDRAWN, OFFER_STATUS__COUNT };
const char *offer_status_code(enum offer_status s);      /* "draft" "sent" "accepted" "declined" "withdrawn" */
const char *offer_status_label(enum offer_status s);     /* N_("Draft") N_("Sent") N_("Accepted") … */
bool offer_status_parse(const char *code, enum offer_status *out);
/* True when from → to is one of the transitions above (from == to is false). */
bool offer_status_transition_allowed(enum offer_status from, enum offer_status to);
/* accepted, declined, withdrawn. */
bool offer_status_closed(enum offer_status s);

/* One version as entered. Codes as text (form/API values). */
struct offer_input {
	int64_t fixed_salary;        /* EUR/year; 1..OFFER_SALARY_MAX */
	int64_t variable_salary;     /* EUR/year at 100 %; 0..OFFER_SALARY_MAX */
	const char *benefits;        /* NULL or text ≤ OFFER_BENEFITS_MAX bytes, valid UTF-8 */
	int32_t start_day;           /* day number, 1995-01-01..2100-12-31 */
	const char *contract_type;   /* contract_type code */
	const char *notice_rule;     /* notice_rule code (core/notice.h) */
	int notice_weeks;            /* 0..NOTICE_WEEKS_MAX */
	const char *note;            /* NULL or text ≤ OFFER_NOTE_MAX bytes, valid UTF-8 */
};

/* Field checks of one version. Fields: "fixed_salary", "variable_salary",
 * "benefits", "start_day", "contract_type", "notice_rule", "notice_weeks",
 * "note". Writes at most max problems (English msgids); returns how many. */
size_t offer_version_check(const struct offer_input *in, struct field_problem *out, size_t max);

/* What the findings are computed against. */
struct offer_context {
	bool has_band;
	int64_t band_min, band_max;  /* EUR/year, when has_band */
	int64_t expectation;         /* candidate's salary expectation EUR/year; 0 = not given */
	int32_t today;               /* the day notice could be given */
	const char *state;           /* Bundesland for holidays; NULL/"" = nationwide */
};

enum offer_severity { OFFER_SEVERITY_INFO, OFFER_SEVERITY_WARNING, OFFER_SEVERITY_APPROVAL, OFFER_SEVERITY__COUNT };
const char *offer_severity_code(enum offer_severity s);   /* "info", "warning", "approval" */

struct offer_finding {
	const char *rule;            /* OFFER_RULE_* */
	enum offer_severity severity;
	const char *message;         /* English msgid (N_) */
	int32_t day;                 /* start_before_notice: the earliest start; else 0 */
	int percent;                 /* expectation findings: deviation in %; else 0 */
};

/* Findings of a version that passed offer_version_check (unknown codes are
 * skipped). Order: outside_band/no_band, start_before_notice, expectation.
 * Writes at most max (OFFER_MAX_FINDINGS is enough); returns how many. */
size_t offer_findings(const struct offer_input *in, const struct offer_context *ctx, struct offer_finding *out,
		      size_t max);

/* True when the fixed salary lies outside an existing band (approval needed). */
bool offer_needs_approval(int64_t fixed_salary, const struct offer_context *ctx);

#endif
