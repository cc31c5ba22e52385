/*
 * demo_onboarding.h — the offers and the onboarding of `stellwerk demo`
 * (step 7: R-OFFER-1, R-TIME-4, R-ONB-1..5): an earlier key account
 * manager search of Nordlicht Sensorik for its medical-technology
 * customers, already filled — Miriam Albers accepted the second version of
 * her offer, started in the week before last and is in week 3 of her
 * 90-day plan, with her key accounts being handed over — and a draft offer
 * for Henrik Jansen in the running key account manager search.
 */
#ifndef STELLWERK_CLI_DEMO_ONBOARDING_H
#define STELLWERK_CLI_DEMO_ONBOARDING_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/* Title of the filled position the onboarding story belongs to. */
#define DEMO_ONBOARDING_POSITION_TITLE "Key Account Manager Medizintechnik"
/* Login of the new hire's account (role interviewer, the demo password). */
#define DEMO_ONBOARDING_HIRE_LOGIN "albers"

/*
 * Adds the filled medical-technology position with its approved profile,
 * budget band, hired candidate, accepted offer (two versions), the hire
 * with its user account, the generated 90-day plan with progress, key
 * accounts and handover meetings; and the budget band and a draft offer for
 * Henrik Jansen in the key account manager position kam_position_id.
 * password_hash is the demo users' hash; times are relative to now
 * (calendar days in Europe/Berlin, working days with the holidays of the
 * organisation's Bundesland). Runs inside the caller's transaction after
 * demo_timeline_fill. False after logging what failed.
 */
bool demo_onboarding_fill(struct store *s, const char *password_hash, int64_t kam_position_id, int64_t now);

#endif
