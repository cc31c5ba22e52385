/*
 * hiring_plan.h — the hiring plan of a position (R-TIME-1..3): the seed's four
 * phases with their ranges in weeks, best and worst dates counted in working
 * days from a start day, the delay and accelerator factors shown with the
 * plan, the actual phases from pipeline milestones, a forecast and a status.
 *
 * Phases (key, German name in the seed, English msgid, weeks):
 *   1 ad_search                "Ausschreibung und erste Suche"
 *                              N_("Job ad and first search")        1–2
 *   2 search_prequalification  "Suche und Vorqualifikation"
 *                              N_("Search and pre-qualification")   2–4
 *   3 interviews_selection     "Interviews und Auswahl"
 *                              N_("Interviews and selection")       2–3
 *   4 negotiation              "Vertragsverhandlung"
 *                              N_("Contract negotiation")           1–2
 * The maxima add up to 11 weeks (the seed says "six to twelve" in total).
 * A week is 5 working days (core/calendar.h: Monday–Friday, not a public
 * holiday of the Bundesland). In phases 3 and 4 the deciders are
 * needed: a working day on which any decider is absent does not count
 * (hiring_plan_input.decider_absent).
 *
 * Days are day numbers (core/calendar.h). Every span is inclusive: a phase
 * of one week starting on Monday 2025-03-03 is {start 2025-03-03, end
 * 2025-03-07}; a bar in a chart covers [start, end + 1). The next phase
 * starts on the first working day after the previous one's end.
 *
 * Factor codes (stable; API, UI, tests) — informative, no multipliers:
 *   plan.many_deciders        delay        more than four deciders (R-TIME-3)
 *   plan.no_salary_band       delay        no salary band set
 *   plan.profile_not_approved delay        no approved requirements profile
 *   plan.summer_holidays      delay        worst-case window touches July/August
 *   plan.holidays_in_window   delay        weekday public holidays from start to worst end (count)
 *   plan.decider_absences     delay        working days with a decider absent while phases 3–4
 *                                          may run (count)
 *   plan.profile_approved     accelerator  approved (precise) profile
 * Messages are English msgids (N_) without format arguments; the count, when
 * it matters, is in `count`.
 *
 * Pure: no I/O, no clock (`today` is passed in).
 */
#ifndef STELLWERK_CORE_HIRING_PLAN_H
#define STELLWERK_CORE_HIRING_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"

enum hiring_phase {
	PHASE_AD_SEARCH,
	PHASE_SEARCH_PREQUALIFICATION,
	PHASE_INTERVIEWS_SELECTION,
	PHASE_NEGOTIATION,
	HIRING_PHASE__COUNT
};

/* "No day" in milestones and results (day numbers are otherwise any int32). */
#define HIRING_DAY_NONE INT32_MIN

#define HIRING_DAYS_PER_WEEK 5
#define PHASE_WEEKS_MIN 1      /* smallest allowed value of an override */
#define PHASE_WEEKS_MAX 26     /* largest allowed value of an override */
#define PHASE_WEEKS_JSON_MAX 256   /* always holds phase_weeks_to_json() */
#define HIRING_MANY_DECIDERS 4     /* more than this many → plan.many_deciders */

struct phase_def {
	const char *key;          /* "ad_search", … */
	const char *name_de;      /* the seed's name (static, not translated) */
	const char *label;        /* English msgid */
	int min_weeks, max_weeks; /* the seed's range */
	bool needs_deciders;      /* phases 3 and 4 */
};
extern const struct phase_def HIRING_PHASES[HIRING_PHASE__COUNT];

const char *hiring_phase_key(enum hiring_phase p);     /* NULL outside the enum */
const char *hiring_phase_label(enum hiring_phase p);   /* English msgid; NULL outside */
bool hiring_phase_parse(const char *key, enum hiring_phase *out);

/* --- week ranges and their overrides ---------------------------------------- */
struct phase_weeks {
	int min[HIRING_PHASE__COUNT];
	int max[HIRING_PHASE__COUNT];
};

/* The seed's ranges (1–2, 2–4, 2–3, 1–2). */
void phase_weeks_default(struct phase_weeks *out);
/* True when every phase has PHASE_WEEKS_MIN <= min <= max <= PHASE_WEEKS_MAX. */
bool phase_weeks_valid(const struct phase_weeks *w);

/* A problem in override input: `field` is "phase_weeks" or a phase key,
 * `message` an English msgid. */
struct phase_weeks_problem {
	char field[32];
	const char *message;
};

/* Parses the stored/API override JSON, e.g. {"ad_search":[1,3],"negotiation":[2,2]}:
 * an object whose keys are phase keys and whose values are [min,max] arrays
 * of integers with 1 <= min <= max <= 26. Phases not named keep the seed's
 * range. NULL, "" and "{}" give the defaults. On failure returns false, *out
 * holds the defaults, and *err (if not NULL) names the field. */
bool phase_weeks_from_json(const char *json, struct phase_weeks *out, struct phase_weeks_problem *err);
/* Canonical JSON of the overrides only: phases differing from the seed, in
 * phase order, no whitespace; "{}" when none. False (out = "") if n is too
 * small or w is not valid. PHASE_WEEKS_JSON_MAX always suffices. */
bool phase_weeks_to_json(const struct phase_weeks *w, char *out, size_t n);

/* --- the plan ---------------------------------------------------------------- */
struct hiring_plan_input {
	int32_t start_day;                 /* the plan's start (a non-working day moves to the next) */
	const char *state;                 /* Bundesland "BY"/"DE-BY"; NULL/"" = nationwide holidays only */
	struct phase_weeks weeks;          /* phase_weeks_default() or parsed overrides */
	calendar_blocked_fn decider_absent;   /* true when any decider is absent that day; may be NULL */
	void *decider_ctx;
	int ndeciders;                     /* stakeholders who decide */
	bool salary_band_set;              /* the position has a salary band */
	bool profile_approved;             /* an approved profile version exists */
};

struct day_span {
	int32_t start, end;                /* inclusive; HIRING_DAY_NONE when not known */
};

enum plan_factor_kind { FACTOR_DELAY, FACTOR_ACCELERATOR };

struct plan_factor {
	const char *code;                  /* "plan.many_deciders", … (see above) */
	enum plan_factor_kind kind;
	const char *message;               /* English msgid */
	int count;                         /* deciders, holidays, absence days; 0 when not applicable */
};

#define PLAN_FACTORS_MAX 8

struct hiring_plan {
	struct day_span best[HIRING_PHASE__COUNT];
	struct day_span worst[HIRING_PHASE__COUNT];
	int32_t start;                     /* first working day (best[0].start) */
	int32_t best_end, worst_end;       /* end of phase 4 */
	int holidays_skipped;              /* weekdays that are public holidays, from start to worst_end */
	int absence_days_skipped;          /* working days with a decider absent in the window where
					      phases 3 and 4 may run (after best[1].end up to worst_end) */
	struct plan_factor factors[PLAN_FACTORS_MAX];
	size_t nfactors;                   /* delays first, then accelerators */
};

/* Computes best and worst dates of every phase and the factors (R-TIME-1, 3).
 * `in->weeks` must be valid (phase_weeks_valid); otherwise the seed's ranges
 * are used. */
void hiring_plan_compute(const struct hiring_plan_input *in, struct hiring_plan *out);

const char *plan_factor_kind_code(enum plan_factor_kind k);   /* "delay", "accelerator" */

/* --- actual, forecast and status (R-TIME-2) -----------------------------------
 * Milestones (day numbers, HIRING_DAY_NONE = not yet): phase 1 starts at the
 * plan start (or the ad's publication), phase 2 at the first application,
 * phase 3 at the first move into first_interview, phase 4 at the first move
 * into offer; the process ends at the first move into hired. */
struct hiring_milestones {
	int32_t start;
	int32_t first_application;
	int32_t first_interview;
	int32_t first_offer;
	int32_t hired;
};

enum plan_status {
	PLAN_STATUS_NOT_STARTED,   /* no start milestone, or today before it */
	PLAN_STATUS_ON_TRACK,
	PLAN_STATUS_BEHIND,        /* today after the worst end of the running phase
				      (counted from its actual start), or hired after the plan's worst end */
	PLAN_STATUS_AHEAD,         /* the running phase started before the plan's best start
				      of that phase, or hired before the plan's best end */
	PLAN_STATUS__COUNT
};

const char *plan_status_code(enum plan_status s);    /* "not_started", "on_track", "behind", "ahead" */
const char *plan_status_label(enum plan_status s);   /* English msgid */

struct hiring_progress {
	/* Actual spans: start = milestone; end = the day before the next phase's
	 * milestone (at least start), or today for the running phase;
	 * HIRING_DAY_NONE for phases not started. A phase whose milestone is
	 * missing while a later one exists is not started (skipped). */
	struct day_span actual[HIRING_PHASE__COUNT];
	bool done[HIRING_PHASE__COUNT];      /* a later milestone (or hire) exists */
	int running;                         /* index of the running phase, -1 none (not started or hired) */
	bool hired;                          /* the process is complete (end = hired day) */
	/* Forecast: done phases = actual; the running phase = its actual start +
	 * its planned working days (best/worst), never before today; later phases
	 * chained from there with their planned ranges. When hired, every
	 * forecast equals the actual. */
	struct day_span forecast_best[HIRING_PHASE__COUNT];
	struct day_span forecast_worst[HIRING_PHASE__COUNT];
	int32_t forecast_best_end, forecast_worst_end;   /* HIRING_DAY_NONE when not started */
	int days_behind;                     /* working days today is past the running phase's worst end; 0 otherwise */
	enum plan_status status;
};

/* R-TIME-2: actual phases, forecast and status for `today`, using the same
 * input (weeks, state, decider absences) and its computed plan. */
void hiring_progress_compute(const struct hiring_plan_input *in, const struct hiring_plan *plan,
			     const struct hiring_milestones *m, int32_t today, struct hiring_progress *out);

#endif
