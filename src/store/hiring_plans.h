/*
 * hiring_plans.h — a position's hiring plan (R-TIME-1), the documented
 * disclosure of a role's known challenges to a candidate (R-GUARD-6), and
 * the facts the timeline (R-TIME-2) and the process guards (R-GUARD-1..3,
 * 6, 7) are computed from by core/hiring_plan.h and core/guards.h.
 *
 * The plan is a start day plus optional per-phase overrides of the week
 * ranges as JSON text; the store checks only that it is JSON (the caller
 * validates its shape with core). Every write is one unit of work with its
 * audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_HIRING_PLANS_H
#define STELLWERK_STORE_HIRING_PLANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/candidate.h"
#include "core/pipeline.h"
#include "store/interview_plans.h"
#include "store/store.h"
#include "store/users.h"

#define HIRING_PLAN_PHASES_MAX 2000       /* bytes of the phase_weeks JSON */
#define HIRING_PLAN_NOTE_MAX 2000
#define DISCLOSURE_NOTE_MAX 2000

struct stored_hiring_plan {
	int64_t position_id;
	int32_t start_day;                /* day number (days since 1970-01-01) */
	char phase_weeks[HIRING_PLAN_PHASES_MAX + 1];  /* JSON text, "" = the seed's ranges */
	char note[HIRING_PLAN_NOTE_MAX + 1];
};

/* The plan of position_id. STORE_NOT_FOUND when none was set (or no such
 * position). */
enum store_rc store_hiring_plan_get(struct store *s, int64_t position_id, struct stored_hiring_plan *out);
/* Inserts or replaces the plan of p->position_id. STORE_INVALID for an
 * unknown position, phase_weeks that is neither "" nor JSON, or text too
 * long or not UTF-8; nothing stored. */
enum store_rc store_hiring_plan_set(struct store *s, const struct actor *who, const struct stored_hiring_plan *p,
				    int64_t now);
/* Removes the plan; STORE_NOT_FOUND when there is none. */
enum store_rc store_hiring_plan_delete(struct store *s, const struct actor *who, int64_t position_id, int64_t now);

struct challenge_disclosure {
	int64_t id;
	int64_t application_id;
	int64_t disclosed_at;             /* when it was told (Unix seconds) */
	int64_t disclosed_by;             /* user id, 0 = command line */
	char disclosed_by_name[USER_DISPLAY_MAX];  /* read only: display name, else user name */
	char note[DISCLOSURE_NOTE_MAX + 1];
};

/* Records that the role's challenges were disclosed in application
 * d->application_id at d->disclosed_at (0 = now) by who; sets d->id and
 * d->disclosed_by. STORE_INVALID for an unknown application, a time in the
 * future of now, or a note too long or not UTF-8. */
enum store_rc store_challenge_disclosure_add(struct store *s, const struct actor *who,
					     struct challenge_disclosure *d, int64_t now);
/* Disclosures of an application, oldest first. *out is malloc'd (caller frees). */
enum store_rc store_challenge_disclosures(struct store *s, int64_t application_id, struct challenge_disclosure **out,
					  size_t *n);
/* Whether an application has at least one disclosure (false for unknown ids). */
enum store_rc store_challenge_disclosed(struct store *s, int64_t application_id, bool *disclosed);

/* --- facts for the timeline and the guards --- */

/* One application of the position. Times are Unix seconds; 0 = never. The
 * "first move into" times come from stage events (application_events). */
struct application_fact {
	int64_t application_id;
	int64_t candidate_id;
	char first_name[CANDIDATE_NAME_MAX + 1];
	char last_name[CANDIDATE_NAME_MAX + 1];
	char stage[STAGE_CODE_MAX];
	int64_t created_at;
	int64_t stage_entered_at;
	int64_t last_contact_at;          /* 0 before the first contact */
	int64_t first_interview_at;       /* first move into first_interview */
	int64_t first_offer_at;           /* first move into offer */
	int64_t first_hired_at;           /* first move into hired */
	bool challenges_disclosed;        /* a challenge_disclosures row exists */
};

/* An interviewer of an interview and whether their scorecard is submitted. */
struct interview_fact_interviewer {
	int64_t user_id;
	char display_name[USER_DISPLAY_MAX];
	bool submitted;
};

/* One interview of the position that is not cancelled. */
struct interview_fact {
	int64_t interview_id;
	int64_t application_id;
	int64_t candidate_id;
	int64_t round_id;
	char round_name[ROUND_NAME_MAX + 1];
	int64_t starts_at;                /* 0 = not scheduled */
	size_t ninterviewers;
	struct interview_fact_interviewer interviewers[ROUND_MAX_INTERVIEWERS];
};

/* Everything core needs about one position. Release with
 * position_facts_free. */
struct position_facts {
	int64_t position_id;
	char title[201];
	char state[8];                    /* Bundesland of the organisation, "DE-HH" style, "" = none */
	bool has_plan;
	struct stored_hiring_plan plan;          /* valid when has_plan */
	int64_t first_application_at;     /* 0 = no application yet */
	int64_t ad_published_at;          /* 00:00 UTC of the ad's date_posted; 0 = never published */
	bool ad_published;                /* published now */
	bool has_challenges;              /* position.challenges is not blank (R-PROF-8) */
	/* Deciders: every stakeholder of the position (with or without an
	 * account) counts for R-TIME-3; decider_user_ids are those with an
	 * account, whose absences can push the plan. */
	int ndeciders;
	size_t ndecider_users;
	int64_t *decider_user_ids;        /* malloc'd */
	struct application_fact *applications;   /* malloc'd, by created_at */
	size_t napplications;
	struct interview_fact *interviews;       /* malloc'd, by starts_at then id */
	size_t ninterviews;
};

void position_facts_free(struct position_facts *f);
/* Loads the facts of position_id. STORE_NOT_FOUND for no such position. */
enum store_rc store_position_facts(struct store *s, int64_t position_id, struct position_facts *out);

#endif
