/*
 * stats.h — small counts for overview pages such as the dashboard, across
 * aggregates (positions, applications), read-only.
 */
#ifndef STELLWERK_STORE_STATS_H
#define STELLWERK_STORE_STATS_H

#include <stdint.h>

#include "store/store.h"

/* The number of applications, over all positions, that are in an active
 * stage of their position's pipeline (R-CAND-2): not hired and not in an
 * exit. A position with its own stage configuration is judged by the kinds
 * stored there, any other by the default stages. */
enum store_rc store_stats_applications_in_process(struct store *s, int64_t *n);

#endif
