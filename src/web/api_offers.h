/*
 * api_offers.h — /api/v1/offers (R-OFFER-1, R-TIME-4) and the offer
 * operations the offer page (page_offer.c) and the budget page
 * (page_budget.c) share with it, so that the same rules apply everywhere:
 * who may see, approve and set a band, loading the facts the findings are
 * computed against, saving a version, approving, and moving the status
 * (send refused while the latest version lies outside the band without
 * approval; accept moves the application to "hired" and creates the hire).
 *
 * Routes (router.c): GET/POST /api/v1/offers, GET /api/v1/offers/{id},
 * POST /api/v1/offers/{id}/send|accept|decline|withdraw need
 * ACTION_MANAGE_CANDIDATES; POST /api/v1/offers/{id}/approve is open to
 * every signed-in role and checked here: the position's CFO stakeholder
 * (a stakeholder of role cfo with this user's account) or an admin.
 * See docs/api.md.
 */
#ifndef STELLWERK_WEB_API_OFFERS_H
#define STELLWERK_WEB_API_OFFERS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/candidate.h"
#include "core/position.h"
#include "store/applications.h"
#include "store/offers.h"
#include "web/offer_view.h"
#include "web/request.h"

void api_offers_list(struct request *r);
void api_offers_create(struct request *r);
void api_offer_get(struct request *r);
void api_offer_approve(struct request *r);
void api_offer_send(struct request *r);
void api_offer_accept(struct request *r);
void api_offer_decline(struct request *r);
void api_offer_withdraw(struct request *r);

/* ---- shared with page_offer.c and page_budget.c ------------------------------------ */

/* Whether the signed-in user is a stakeholder of role cfo of position_id. */
bool offer_user_is_cfo(struct request *r, int64_t position_id);
/* Approve versions and set the band: an admin or the position's CFO. */
bool offer_may_approve(struct request *r, int64_t position_id);
/* See offers and bands: whoever manages candidates, and the position's CFO
 * (whatever their role). Interviewers otherwise see no offers. */
bool offer_may_view(struct request *r, int64_t position_id);

/* Everything around the offers of one application. */
struct offer_scene {
	struct application app;
	struct position pos;
	struct candidate cand;
	char state[8];                  /* the organisation's Bundesland, "" = none */
	bool has_band;
	struct budget_band band;
	struct offer_facts facts;       /* band, expectation, today, state */
};
/* Loads application_id with its position, candidate, organisation and band.
 * STORE_NOT_FOUND when there is no such application. */
enum store_rc offer_scene_load(struct request *r, int64_t application_id, struct offer_scene *out);
/* The terms of a stored version (pointing into v). */
struct offer_terms offer_terms_of(const struct offer_version *v);

/* Outcome of an offer operation. message: English msgid for the user. */
enum offer_op {
	OFFER_OP_OK,
	OFFER_OP_NOT_FOUND,             /* no such offer / version / application */
	OFFER_OP_FORBIDDEN,             /* not CFO or admin (approve) */
	OFFER_OP_REFUSED,               /* the status does not allow it (409) */
	OFFER_OP_NEEDS_APPROVAL,        /* send: latest version outside the band, not approved (409) */
	OFFER_OP_FAILED                 /* the store failed: rc tells 500/503 */
};
struct offer_op_result {
	enum offer_op op;
	enum store_rc rc;               /* for OFFER_OP_FAILED */
	const char *code;               /* machine code for the API ("approval_required", …) */
	const char *message;            /* English msgid */
	int64_t offer_id;               /* save: the offer written */
	int64_t version_id;             /* save: the version written */
	int64_t hire_id;                /* accept: the hire created */
};

/* Saves t (already checked) as a new offer of application_id or as the next
 * version of its open one (a sent offer returns to draft: the new terms are
 * sent again). Refused when the application's offer was accepted. */
struct offer_op_result offer_save(struct request *r, int64_t application_id, const struct offer_terms *t);
/* Approves version_id of offer_id (latest when version_id is 0). */
struct offer_op_result offer_approve(struct request *r, int64_t offer_id, int64_t version_id);
/* Moves offer_id to status `to` ("sent", "accepted", "declined",
 * "withdrawn") with the rules above. */
struct offer_op_result offer_transition(struct request *r, int64_t offer_id, const char *to);

#endif
