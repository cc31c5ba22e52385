/*
 * timeline_data.h — the store side of a position's timeline (R-TIME-1..3):
 * loads what the hiring plan is computed from (the stored plan, the
 * Bundesland of the organisation, the deciders and their absences, the
 * pipeline milestones as days) into plain fields, and saves a plan.
 *
 * The store side is kept apart from timeline_ops.c (the computation) so the
 * page and the API see the loaded data only through this header.
 */
#ifndef STELLWERK_WEB_TIMELINE_DATA_H
#define STELLWERK_WEB_TIMELINE_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/position.h"
#include "store/absences.h"
#include "web/request.h"

/* "No day" in the fields below; the same value as HIRING_DAY_NONE. */
#define TIMELINE_NO_DAY INT32_MIN
#define TIMELINE_TEXT_MAX 2000            /* bytes of phase_weeks and note (the store's limits) */

struct timeline_facts {
	int64_t position_id;
	char state[8];                    /* Bundesland of the organisation, "DE-BY"; "" = none */
	bool has_plan;                    /* a start day is stored */
	int32_t start_day;                /* the stored start (when has_plan) */
	char phase_weeks[TIMELINE_TEXT_MAX + 1];  /* stored overrides as JSON, "" = the seed's ranges */
	char note[TIMELINE_TEXT_MAX + 1];
	int32_t ad_published_day;         /* the ad's date_posted; TIMELINE_NO_DAY when never published */
	int32_t first_application_day;    /* milestones (Europe/Berlin days); TIMELINE_NO_DAY = not yet */
	int32_t first_interview_day;
	int32_t first_offer_day;
	int32_t hired_day;
	int ndeciders;                    /* every stakeholder counts (R-TIME-3) */
	size_t ndecider_users;            /* stakeholders with an account */
	int64_t *decider_user_ids;        /* malloc'd */
	struct absence *absences;         /* the decider users' absences, malloc'd */
	size_t nabsences;
	bool salary_band_set;
	bool profile_approved;
};

/* Loads the facts of position p. Release with timeline_facts_free (also
 * after a failure). */
enum store_rc timeline_facts_load(struct request *r, const struct position *p, struct timeline_facts *out);
void timeline_facts_free(struct timeline_facts *f);

/* Stores the plan of position_id (start day, override JSON "" or canonical,
 * note), audited as the request's user. */
enum store_rc timeline_plan_save(struct request *r, int64_t position_id, int32_t start_day, const char *phase_weeks,
				 const char *note);

#endif
