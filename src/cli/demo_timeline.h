/*
 * demo_timeline.h — the timeline, guardrails, interview schedule and
 * candidate messages of `stellwerk demo` (step 6: R-TIME-1..3,
 * R-GUARD-1..3, 6, 7, R-COMM-1..2): the hiring plan of the key account
 * manager position, which runs past its best case with guard warnings that
 * tell a story; absences of two deciders; dates and times for the
 * interviews held and planned (one clashing with an absence); a documented
 * challenge disclosure; and an outbox with sent and queued messages.
 */
#ifndef STELLWERK_CLI_DEMO_TIMELINE_H
#define STELLWERK_CLI_DEMO_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/*
 * Adds the hiring plan, absences, interview schedule, challenge disclosure
 * and outbox of the key account manager position kam_position_id, with
 * times relative to now (calendar days in Europe/Berlin, working days with
 * the holidays of the position's Bundesland). Runs inside the caller's
 * transaction after demo_interviews_fill. False after logging what failed.
 */
bool demo_timeline_fill(struct store *s, int64_t kam_position_id, int64_t now);

#endif
