/*
 * api_positions.h — the JSON API of step 2: organisations, positions, their
 * requirements profile (goals, requirements, stakeholders, proposals,
 * checks, approval, versions) and role templates. The handlers live in
 * api_organisations.c, api_positions.c, api_profile.c and api_templates.c;
 * the router checks permissions before any of them runs.
 *
 * Nested ids in a path must belong to the position in the path, else the
 * answer is 404: no handler ever touches another position's rows.
 */
#ifndef STELLWERK_WEB_API_POSITIONS_H
#define STELLWERK_WEB_API_POSITIONS_H

#include <jansson.h>

#include "core/position.h"
#include "store/store.h"
#include "web/request.h"

/* api_organisations.c */
void api_organisations_list(struct request *r);
void api_organisations_create(struct request *r);
void api_organisation_get(struct request *r);
void api_organisation_update(struct request *r);

/* api_positions.c */
void api_positions_list(struct request *r);
void api_positions_create(struct request *r);
void api_position_get(struct request *r);
void api_position_update(struct request *r);

/* api_profile.c */
void api_goal_create(struct request *r);
void api_goal_update(struct request *r);
void api_goal_delete(struct request *r);
void api_requirement_create(struct request *r);
void api_requirement_update(struct request *r);
void api_requirement_delete(struct request *r);
void api_stakeholder_create(struct request *r);
void api_stakeholder_delete(struct request *r);
void api_proposal_set(struct request *r);
void api_proposal_delete(struct request *r);
void api_profile_check(struct request *r);
void api_profile_approve(struct request *r);
void api_profile_versions(struct request *r);
void api_profile_version_get(struct request *r);

/* api_templates.c */
void api_templates_list(struct request *r);
void api_template_get(struct request *r);

/* ---- shared by the handlers above ------------------------------------------------ */

/* Answers a store failure that is not the caller's fault: 503 when the
 * database is busy, else 500. */
void api_store_failed(struct request *r, enum store_rc rc);

/* Loads position `id` into out; answers 404 (or 500/503) and returns false
 * when that fails. */
bool api_position_load(struct request *r, int64_t id, struct position *out);

/* The approved versions of a position as an array of {"version",
 * "approved_at", "approved_by", "approver_name"}, newest first; NULL with
 * *rc set when the store fails. */
json_t *api_versions_json(struct request *r, int64_t position_id, enum store_rc *rc);

#endif
