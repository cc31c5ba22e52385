/*
 * api_onboarding.h — the onboarding API (R-ONB-1..5): GET /api/v1/hires,
 * GET /api/v1/hires/{id}/onboarding (the plan with dated tasks, check-ins,
 * goals, reviews, key accounts and progress as JSON) and
 * GET /api/v1/hires/{id}/onboarding.ics (check-ins and reviews as
 * VEVENTs through libical).
 *
 * Also the loader both the API and the pages (page_onboarding*.c) use, so
 * they show the same plan: a hire with its plan, key accounts, the
 * Bundesland of its position and the progress computed by core/onboarding.
 */
#ifndef STELLWERK_WEB_API_ONBOARDING_H
#define STELLWERK_WEB_API_ONBOARDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/hires.h"
#include "web/request.h"

/* A hire and everything the plan pages show. The arrays are malloc'd;
 * release with onb_view_free (also after a failed load). */
struct onb_view {
	struct hire hire;
	char state[8];                      /* Bundesland of the position's organisation; "" = nationwide */
	struct onboarding_task *tasks;
	size_t ntasks;
	struct onboarding_checkin *checkins;
	size_t ncheckins;
	struct onboarding_goal *goals;
	size_t ngoals;
	struct onboarding_review *reviews;
	size_t nreviews;
	struct key_account *accounts;
	size_t naccounts;
	bool has_plan;
	int32_t today;                      /* Europe/Berlin day of the request */
	/* progress (core/onboarding.h onboarding_progress) */
	size_t done, skipped, total, late;
	int percent, day_number, week;
	bool finished;
};

/* Loads hire_id; STORE_NOT_FOUND when there is no such hire. */
enum store_rc onb_view_load(struct request *r, int64_t hire_id, struct onb_view *out);
void onb_view_free(struct onb_view *v);

/* Whether the task (of v) is open and due before today. */
bool onb_task_is_late(const struct onb_view *v, const struct onboarding_task *t);
/* The next check-in not done on or after today; NULL when none. */
const struct onboarding_checkin *onb_next_checkin(const struct onb_view *v);
/* Counts of the key accounts' handover statuses (planned, introduced, handed_over). */
void onb_handover_counts(const struct onb_view *v, size_t *planned, size_t *introduced, size_t *handed_over);

/* Sends the check-ins of v as a VCALENDAR with METHOD:PUBLISH (times in
 * UTC from the Berlin local time), a text/calendar attachment. The API's
 * .ics (api_hire_onboarding_ics) adds the reviews. */
void onb_send_ics(struct request *r, const struct onb_view *v);

void api_hires_list(struct request *r);
void api_hire_onboarding(struct request *r);
void api_hire_onboarding_ics(struct request *r);

#endif
