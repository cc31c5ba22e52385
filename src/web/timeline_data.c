/*
 * timeline_data.c — loading and saving what a position's timeline needs;
 * see timeline_data.h (and why this is its own file).
 */
#include "web/timeline_data.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "store/hiring_plans.h"
#include "util/str.h"

_Static_assert(TIMELINE_TEXT_MAX == HIRING_PLAN_PHASES_MAX && TIMELINE_TEXT_MAX == HIRING_PLAN_NOTE_MAX,
	       "timeline_facts holds the stored plan texts");

/* The Europe/Berlin day of a Unix time; TIMELINE_NO_DAY for 0 (never). */
static int32_t day_of(int64_t t)
{
	return t > 0 ? calendar_day_of_unix_berlin(t) : TIMELINE_NO_DAY;
}

/* The earlier of two milestone days (TIMELINE_NO_DAY counts as none). */
static int32_t earliest(int32_t a, int32_t b)
{
	if (a == TIMELINE_NO_DAY)
		return b;
	if (b == TIMELINE_NO_DAY)
		return a;
	return a < b ? a : b;
}

enum store_rc timeline_facts_load(struct request *r, const struct position *p, struct timeline_facts *out)
{
	struct position_facts pf;
	memset(out, 0, sizeof *out);
	out->position_id = p->id;
	out->ad_published_day = out->first_application_day = out->first_interview_day = TIMELINE_NO_DAY;
	out->first_offer_day = out->hired_day = TIMELINE_NO_DAY;
	out->salary_band_set = p->salary_min > 0 || p->salary_max > 0;
	out->profile_approved = p->approved_version > 0;

	enum store_rc rc = store_position_facts(r->store, p->id, &pf);
	if (rc != STORE_OK)
		return rc;
	str_copy(out->state, sizeof out->state, pf.state);
	out->has_plan = pf.has_plan;
	if (pf.has_plan) {
		out->start_day = pf.plan.start_day;
		str_copy(out->phase_weeks, sizeof out->phase_weeks, pf.plan.phase_weeks);
		str_copy(out->note, sizeof out->note, pf.plan.note);
	}
	out->ad_published_day = day_of(pf.ad_published_at);
	out->first_application_day = day_of(pf.first_application_at);
	for (size_t i = 0; i < pf.napplications; i++) {
		const struct application_fact *a = &pf.applications[i];
		out->first_application_day = earliest(out->first_application_day, day_of(a->created_at));
		out->first_interview_day = earliest(out->first_interview_day, day_of(a->first_interview_at));
		out->first_offer_day = earliest(out->first_offer_day, day_of(a->first_offer_at));
		out->hired_day = earliest(out->hired_day, day_of(a->first_hired_at));
	}
	out->ndeciders = pf.ndeciders;
	out->ndecider_users = pf.ndecider_users;
	out->decider_user_ids = pf.decider_user_ids;   /* taken over */
	pf.decider_user_ids = NULL;
	pf.ndecider_users = 0;
	position_facts_free(&pf);

	if (out->ndecider_users)
		rc = store_absences_for_users(r->store, out->decider_user_ids, out->ndecider_users, INT32_MIN, INT32_MAX,
					      &out->absences, &out->nabsences);
	return rc;
}

void timeline_facts_free(struct timeline_facts *f)
{
	free(f->decider_user_ids);
	free(f->absences);
	f->decider_user_ids = NULL;
	f->absences = NULL;
	f->ndecider_users = f->nabsences = 0;
}

enum store_rc timeline_plan_save(struct request *r, int64_t position_id, int32_t start_day, const char *phase_weeks,
				 const char *note)
{
	struct stored_hiring_plan plan;
	memset(&plan, 0, sizeof plan);
	plan.position_id = position_id;
	plan.start_day = start_day;
	str_copy(plan.phase_weeks, sizeof plan.phase_weeks, phase_weeks ? phase_weeks : "");
	str_copy(plan.note, sizeof plan.note, note ? note : "");
	struct actor a = req_actor(r);
	return store_hiring_plan_set(r->store, &a, &plan, r->now);
}
