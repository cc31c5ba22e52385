/*
 * channels.h — recruiting channels (R-CHAN-1..4): the catalogue with the
 * seed's guidance ("Wo lassen sich qualifizierte Key Account Manager
 * finden?"), the checks of a position's channel plan, referrals, and the
 * channel statistics of the channel report.
 *
 * Channel codes are stable (database, API, forms); labels and guidance are
 * English msgids (N_) translated by the web layer.
 *
 * Rule ids of the plan check are part of the interface (API, UI, tests):
 *   channels.single_channel    warning  fewer than two different channels planned (R-CHAN-2)
 *   channels.no_passive_reach  warning  senior role, no channel reaching passive candidates (R-CHAN-2)
 */
#ifndef STELLWERK_CORE_CHANNELS_H
#define STELLWERK_CORE_CHANNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/position.h"     /* struct field_problem */

enum channel {
	CHANNEL_LINKEDIN,              /* LinkedIn and professional networks */
	CHANNEL_EVENTS,                /* Branchenveranstaltungen, Messen, Konferenzen */
	CHANNEL_JOB_PORTALS,           /* Jobportale */
	CHANNEL_DIRECT_SEARCH,         /* Direktansprache by the own team */
	CHANNEL_REFERRALS,             /* Empfehlungen */
	CHANNEL_SEARCH_CONSULTANTS,    /* Personalberater */
	CHANNEL_CAREER_PAGE,           /* Karriereseite (applications via /jobs/{slug}) */
	CHANNEL_OTHER,
	CHANNEL__COUNT
};

#define CHANNEL_CODE_MAX 32

enum channel_speed { CHANNEL_SPEED_FAST, CHANNEL_SPEED_MEDIUM, CHANNEL_SPEED_SLOW, CHANNEL_SPEED_VARIES };
enum channel_level { CHANNEL_LEVEL_LOW, CHANNEL_LEVEL_MEDIUM, CHANNEL_LEVEL_HIGH, CHANNEL_LEVEL_VARIES };

/* One entry of the catalogue; every text is an English msgid. */
struct channel_info {
	enum channel channel;
	const char *code;              /* "linkedin", "events", ... */
	const char *label;             /* N_("LinkedIn and professional networks") */
	const char *guidance;          /* one or two sentences from the seed */
	const char *speed_note;        /* how fast it yields candidates */
	const char *cost_note;
	const char *quality_note;
	enum channel_speed typical_speed;
	enum channel_level cost;
	enum channel_level quality;
	bool reaches_passive;          /* reaches people not looking for a job */
};

/* The catalogue entry of c (the "other" entry for an invalid value). */
const struct channel_info *channel_info(enum channel c);
const char *channel_code(enum channel c);     /* "unknown" for an invalid value */
const char *channel_label(enum channel c);
bool channel_parse(const char *code, enum channel *out);
const char *channel_speed_code(enum channel_speed s);   /* "fast", "medium", "slow", "varies" */
const char *channel_level_code(enum channel_level l);   /* "low", "medium", "high", "varies" */

/* --- channel plan (R-CHAN-2) -------------------------------------------------- */

struct channel_plan_item {
	char channel[CHANNEL_CODE_MAX];    /* channel code */
	int64_t owner_id;                  /* user responsible; 0 = nobody yet */
	int64_t budget_cents;              /* 0 = no budget */
	char start_date[11];               /* YYYY-MM-DD or "" */
};

struct channel_finding {
	const char *rule;                  /* stable id, see above */
	const char *message;               /* English msgid */
};

/* Warnings of a channel plan. Items with unknown channel codes are ignored
 * (channel_plan_validate reports them); the same channel twice counts once.
 * Writes at most max findings in rule order; returns how many. */
size_t channel_plan_check(const struct channel_plan_item *items, size_t n, bool senior_role,
			  struct channel_finding *out, size_t max);

/* Field problems of plan items: unknown channel ("channel"), the same channel
 * twice ("channel"), negative budget ("budget"), start date not a real
 * YYYY-MM-DD date ("start_date"). Writes at most max; returns how many. */
size_t channel_plan_validate(const struct channel_plan_item *items, size_t n, struct field_problem *out, size_t max);

/* --- referrals (R-CHAN-3) ----------------------------------------------------- */

enum referrer_kind { REFERRER_EMPLOYEE, REFERRER_PARTNER, REFERRER_CUSTOMER, REFERRER_KIND__COUNT };
enum referral_status {
	REFERRAL_PROPOSED,
	REFERRAL_CONTACTED,
	REFERRAL_HIRED,
	REFERRAL_BONUS_PAID,
	REFERRAL_DECLINED,
	REFERRAL_STATUS__COUNT
};

struct referral {
	enum referrer_kind kind;
	char referrer_name[120];
	int64_t referrer_user_id;          /* for employees with an account; 0 otherwise */
	enum referral_status status;
	int64_t bonus_cents;               /* agreed bonus; 0 = none */
};

const char *referrer_kind_code(enum referrer_kind k);       /* "employee", "partner", "customer" */
const char *referrer_kind_label(enum referrer_kind k);
bool referrer_kind_parse(const char *code, enum referrer_kind *out);
const char *referral_status_code(enum referral_status s);   /* "proposed", "contacted", "hired", "bonus_paid", "declined" */
const char *referral_status_label(enum referral_status s);
bool referral_status_parse(const char *code, enum referral_status *out);

/* Checks kind and status valid, referrer name present, bonus not negative,
 * and "bonus_paid" only with a bonus. Writes at most max; returns how many. */
size_t referral_validate(const struct referral *r, struct field_problem *out, size_t max);

/* --- statistics (R-CHAN-4) ---------------------------------------------------- */

/* What is known about one application. Later steps imply the earlier ones
 * (a hire counts as offered and interviewed). An unknown channel code counts
 * as "other". cost_cents is a per-candidate cost (e.g. a job ad booked for
 * this candidate, a consultant's fee), added to the channel's budget. */
struct channel_fact {
	char channel[CHANNEL_CODE_MAX];
	bool reached_first_interview;
	bool offered;
	bool hired;
	int64_t applied_at;                /* Unix seconds */
	int64_t hired_at;                  /* Unix seconds; 0 = not hired */
	int64_t cost_cents;
};

/* A budget spent on a channel (e.g. the plan item's budget). */
struct channel_budget {
	char channel[CHANNEL_CODE_MAX];
	int64_t budget_cents;
};

#define CHANNEL_NA (-1)                /* "n/a" in integer statistics */
#define CHANNEL_STATS_ROWS (CHANNEL__COUNT + 1)

/* One row of the channel report. Conversions are per mille, rounded, and
 * CHANNEL_NA when the previous step is 0. */
struct channel_stats {
	enum channel channel;              /* CHANNEL__COUNT for the total row */
	const char *code;                  /* channel code, "all" for the total row */
	int candidates;
	int interviews;                    /* reached first interview */
	int offers;
	int hires;
	int interview_per_mille;           /* interviews / candidates */
	int offer_per_mille;               /* offers / interviews */
	int hire_per_mille;                /* hires / offers */
	double median_days_to_hire;        /* median of whole days hired_at − applied_at; -1 = n/a */
	int64_t cost_cents;                /* budgets + per-candidate costs */
	int64_t cost_per_hire_cents;       /* cost / hires, rounded; CHANNEL_NA without hires */
};

/* Computes one row per catalogue channel, in catalogue order, then the
 * total row ("all"). Writes at most max rows (CHANNEL_STATS_ROWS for all);
 * returns how many. Hires with hired_at missing or before applied_at count
 * as hires but not for the median. Takes O(h²) for h hires of a channel,
 * without allocating. */
size_t channel_stats_compute(const struct channel_fact *facts, size_t nfacts, const struct channel_budget *budgets,
			     size_t nbudgets, struct channel_stats *out, size_t max);

#endif
