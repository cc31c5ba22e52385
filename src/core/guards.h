/*
 * guards.h — the process guardrails of a position (R-GUARD-1..3, 6, 7) as one
 * pure function over plain facts: the caller loads the facts (store), passes
 * `now`, and gets findings sorted by urgency for the process-health panel,
 * the dashboard and GET /api/v1/positions/{id}/health.
 *
 * Rule ids are the contract (API, UI, tests):
 *   guard.selection_too_long       warning   the selection, counted from the first application,
 *                                            runs beyond 6 weeks (> 42 calendar days) and nobody
 *                                            is hired yet (R-GUARD-1)
 *   guard.availability_window      warning   an active application is 21..28 calendar days old
 *                                            (from week 3 on: the last week of the window)
 *                                  critical  older than 28 days (beyond 4 weeks) (R-GUARD-2)
 *   guard.no_contact               warning   5..9 working days without contact
 *                                  critical  10..14 working days
 *                                  critical  15 or more: the seed's "three weeks without an
 *                                            answer reads as lack of interest" wording (R-GUARD-3)
 *                                            Working days after the day of the last contact (or of
 *                                            the application when never contacted) up to and
 *                                            including today, with the state's holidays.
 *   guard.too_many_rounds          warning   more than three interview rounds (R-GUARD-4,
 *                                            core/interview_plan.h)
 *   guard.challenges_not_disclosed warning   an application in stage offer (or with an offer
 *                                            recorded, incl. hired) without a documented
 *                                            disclosure while the position has documented
 *                                            challenges (R-GUARD-6)
 *   guard.feedback_due             warning   an interviewer of a held interview (starts_at before
 *                                            now, not cancelled) has not submitted the scorecard
 *                                            and 2 or more working days have passed since the
 *                                            interview's day (Friday interview → due Tuesday)
 * Only applications of kind active count for availability and no_contact;
 * exits never produce findings. Days are Europe/Berlin calendar days
 * (calendar_day_of_unix_berlin).
 *
 * Messages are English msgids (N_) without format arguments; the number
 * behind them is in `days` (unit in `days_unit`). Pure: no I/O, no clock,
 * no allocation.
 */
#ifndef STELLWERK_CORE_GUARDS_H
#define STELLWERK_CORE_GUARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/pipeline.h"   /* enum stage_kind */

#define GUARD_RULE_SELECTION_TOO_LONG "guard.selection_too_long"
#define GUARD_RULE_AVAILABILITY_WINDOW "guard.availability_window"
#define GUARD_RULE_NO_CONTACT "guard.no_contact"
#define GUARD_RULE_TOO_MANY_ROUNDS "guard.too_many_rounds"
#define GUARD_RULE_CHALLENGES_NOT_DISCLOSED "guard.challenges_not_disclosed"
#define GUARD_RULE_FEEDBACK_DUE "guard.feedback_due"

/* Thresholds. */
#define GUARD_SELECTION_MAX_DAYS 42          /* 6 weeks; warning from 43 */
#define GUARD_AVAILABILITY_WARN_DAYS 21      /* warning from day 21 */
#define GUARD_AVAILABILITY_MAX_DAYS 28       /* critical from 29 */
#define GUARD_NO_CONTACT_WARN 5              /* working days (= CONTACT_AGE_WARNING_DAYS) */
#define GUARD_NO_CONTACT_CRITICAL 10
#define GUARD_NO_CONTACT_LOST 15
#define GUARD_FEEDBACK_DUE_WORKING_DAYS 2

enum guard_severity { GUARD_INFO, GUARD_WARNING, GUARD_CRITICAL, GUARD_SEVERITY__COUNT };
const char *guard_severity_code(enum guard_severity s);    /* "info", "warning", "critical" */
const char *guard_severity_label(enum guard_severity s);   /* N_("Note"), N_("Warning"), N_("Critical") */

/* Where one click fixes it. */
enum guard_fix {
	GUARD_FIX_CANDIDATE,   /* candidate page (contact, disclosure) */
	GUARD_FIX_BOARD,       /* the card on the position's board */
	GUARD_FIX_KIT,         /* the interview's kit / scorecard */
	GUARD_FIX_PLAN,        /* the position's interview plan */
	GUARD_FIX_TIMELINE,    /* the position's timeline (hiring plan) */
	GUARD_FIX__COUNT
};
const char *guard_fix_code(enum guard_fix f);   /* "candidate", "board", "kit", "plan", "timeline" */

enum guard_days_unit { GUARD_DAYS_NONE, GUARD_DAYS_CALENDAR, GUARD_DAYS_WORKING };

#define GUARD_NAME_MAX 160

struct health_finding {
	const char *rule;                  /* GUARD_RULE_* */
	enum guard_severity severity;
	const char *message;               /* English msgid */
	int64_t application_id;            /* 0 when not about one */
	int64_t candidate_id;              /* 0 when not about one */
	int64_t interview_id;              /* 0 when not about one (feedback_due) */
	int64_t user_id;                   /* the interviewer (feedback_due), else 0 */
	char candidate_name[GUARD_NAME_MAX];   /* copied, "" when none */
	char user_name[GUARD_NAME_MAX];        /* copied, "" when none */
	int days;                          /* the age behind the finding (rounds for too_many_rounds) */
	enum guard_days_unit days_unit;
	enum guard_fix fix;
};

/* --- facts ------------------------------------------------------------------ */
struct guard_position_facts {
	int64_t position_id;
	const char *state;                 /* Bundesland of the hiring organisation; NULL/"" = nationwide */
	int64_t first_application_at;      /* UTC seconds; 0 = no application yet */
	bool has_documented_challenges;    /* the profile lists challenges (R-PROF, R-GUARD-6) */
	size_t nrounds;                    /* interview rounds planned (R-GUARD-4); 0 = no plan */
};

struct guard_application_facts {
	int64_t id;
	int64_t candidate_id;
	const char *candidate_name;        /* may be NULL */
	const char *stage_code;            /* current stage */
	enum stage_kind kind;              /* of the current stage */
	int64_t created_at;                /* UTC seconds: entered the process */
	int64_t last_contact_at;           /* UTC seconds; 0 = never contacted */
	bool offer;                        /* in stage "offer" now, or an offer was recorded (moved through offer) */
	bool challenges_disclosed;         /* a challenge_disclosures row exists */
};

struct guard_interviewer_facts {
	int64_t user_id;
	const char *name;                  /* may be NULL */
	bool submitted;                    /* scorecard submitted */
};

struct guard_interview_facts {
	int64_t id;
	int64_t application_id;
	int64_t starts_at;                 /* UTC seconds; 0 = not scheduled */
	bool cancelled;
	const struct guard_interviewer_facts *interviewers;
	size_t ninterviewers;
};

struct guard_facts {
	struct guard_position_facts position;
	const struct guard_application_facts *applications;
	size_t napplications;
	const struct guard_interview_facts *interviews;
	size_t ninterviews;
};

/* Evaluates every rule for `now` (UTC seconds) and writes at most max findings
 * to out, sorted by urgency: critical first, then warning, then info; within
 * a severity by `days` descending (older first), then rule id, then
 * application, interview and user id. When there are more than max, the most
 * urgent max are written. Returns how many were written; *total (if not
 * NULL) gets how many were found. */
size_t guards_evaluate(const struct guard_facts *facts, int64_t now, struct health_finding *out, size_t max,
		       size_t *total);

/* The sort used above, for callers merging findings of several positions
 * (dashboard): qsort comparator over struct health_finding. */
int health_finding_compare(const void *a, const void *b);

#endif
