/*
 * health_ops.h — the process guardrails of a position as the web layer
 * shows them (R-GUARD-1..3, 6, 7): loads the facts (store/hiring_plans.h),
 * the interview plan's round count (store/interview_plans.h) and the
 * Bundesland, runs core/guards.h, and gives each finding what a page or the
 * API needs around it — the translated message with its number filled in
 * and the one-click link to the fix. Shared by the process-health page, the
 * compact panel on the position overview, the dashboard and
 * GET /api/v1/positions/{id}/health.
 */
#ifndef STELLWERK_WEB_HEALTH_OPS_H
#define STELLWERK_WEB_HEALTH_OPS_H

#include <stddef.h>
#include <stdint.h>

#include "core/guards.h"
#include "store/store.h"
#include "web/request.h"

/* The findings of one position, most urgent first (core's order). The
 * arrays live in the request's arena. */
struct position_health {
	int64_t position_id;
	const char *title;                     /* the position's title (arena) */
	struct health_finding *findings;
	size_t n;
	size_t counts[GUARD_SEVERITY__COUNT];  /* findings per severity */
};

/* Loads the facts of position_id and evaluates every guard for r->now into
 * *out. STORE_NOT_FOUND for no such position; other codes for store
 * failures (the caller answers 500). */
enum store_rc health_load(struct request *r, int64_t position_id, struct position_health *out);

/* The finding in one short sentence in the request's language with its
 * number filled in, e.g. "No contact for 7 working days." (arena). */
const char *health_message(struct request *r, const struct health_finding *f);
/* Core's message of the finding (what it means and what to do), translated. */
const char *health_advice(const struct health_finding *f);

/* The local URL that fixes the finding in one click for the user of r: the
 * candidate page, the card on the board (/positions/P/pipeline#card-A), the
 * interview's kit (/interviews/I, for the interviewer who owes the
 * scorecard; everybody else gets the candidate's interviews), the
 * interview plan or the timeline of position_id (arena). */
const char *health_fix_url(struct request *r, int64_t position_id, const struct health_finding *f);

/* The label of that link ("Open the candidate", "Submit your scorecard", …),
 * translated. */
const char *health_fix_label(struct request *r, const struct health_finding *f);

/* One finding as an <li> of a .health-list: severity badge, message, the
 * candidate, the position when position_title is not NULL (dashboard), and
 * the link to the fix. Links to candidate and position pages only for
 * users who may open them (ACTION_MANAGE_CANDIDATES). */
void health_finding_html(struct request *r, int64_t position_id, const char *position_title,
			 const struct health_finding *f);

/* The severity's CSS modifier: "critical", "warning", "info". */
const char *health_severity_class(enum guard_severity s);

#endif
