/*
 * channel_report.h — what the channel pages and the channel API share
 * (R-CHAN-2, R-CHAN-4): the rows of the channel report of one position or of
 * all positions (facts and budgets loaded through the store, statistics
 * computed by core/channels.c, nothing computed here), and whether a
 * position counts as a senior role, which decides the passive-reach warning
 * of its channel plan.
 */
#ifndef STELLWERK_WEB_CHANNEL_REPORT_H
#define STELLWERK_WEB_CHANNEL_REPORT_H

#include <stddef.h>

#include "core/channels.h"
#include "core/position.h"
#include "store/store.h"
#include "web/request.h"

/* The channel report of position_id (0: of every position) into rows, one
 * per catalogue channel then the total row "all" (channel_stats_compute);
 * *nrows receives how many. The store's result code; rows are untouched on
 * failure. */
enum store_rc channel_report_rows(struct store *s, int64_t position_id, struct channel_stats rows[CHANNEL_STATS_ROWS],
				  size_t *nrows);

/* A role is senior (R-CHAN-2) when its profile asks for at least this many
 * years of experience, or its role template usually does (the key account
 * manager of the seed: 5–10 years). */
#define SENIOR_ROLE_MIN_YEARS 5

enum seniority {
	SENIORITY_NONE,               /* neither the profile nor the template says so */
	SENIORITY_BY_REQUIREMENT,     /* an experience requirement of >= SENIOR_ROLE_MIN_YEARS years */
	SENIORITY_BY_TEMPLATE,        /* the role template's usual experience starts there */
};

/* Whether p counts as a senior role, and why; *years (may be NULL) receives
 * the years that decided it (0 for SENIORITY_NONE). Reads the position's
 * current profile draft and its role template; a profile that cannot be
 * loaded counts as giving no years (logged by the store). */
enum seniority channel_position_seniority(struct request *r, const struct position *p, int *years);

#endif
