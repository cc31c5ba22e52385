/*
 * demo_interviews.h — the structured interviews of `stellwerk demo` (step 5:
 * R-INT-2..6, R-SALES-2, R-EVAL-1..4): the interview plan of the key account
 * manager position with its three rounds, interviewers, focus competencies
 * and kits (round 1's kit changed after two candidates, so v1 and v2 are
 * both in use), the interviews of the candidates who reached the interview
 * stages, their submitted scorecards (and one draft), exercise ratings, and
 * a hire and a reject decision — so that the evaluation matrix tells a
 * story: a clear front-runner, a strong scorer with a must-have knockout,
 * and two interviewers who disagree strongly about one candidate.
 */
#ifndef STELLWERK_CLI_DEMO_INTERVIEWS_H
#define STELLWERK_CLI_DEMO_INTERVIEWS_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/*
 * Adds the interview plan, interviews, scorecards and decisions to the key
 * account manager position kam_position_id, with times relative to now.
 * Runs inside the caller's transaction after demo_candidates_fill (the
 * candidates and the demo users must exist). False after logging what
 * failed.
 */
bool demo_interviews_fill(struct store *s, int64_t kam_position_id, int64_t now);

#endif
