/*
 * profiles.h — the requirements profile of a position (core/profile.h): the
 * draft rows (goals, requirements with their goal links, stakeholders and
 * their tier proposals) and the approved, immutable versions (R-PROF-1..3,
 * R-PROF-6, R-PROF-7).
 *
 * Every mutating function is one unit of work with its audit row (R-X-4):
 * on any failure nothing is changed. Checking field contents (empty titles,
 * ranges, whether approval is allowed) is the caller's job (core/); the store
 * answers for references: STORE_NOT_FOUND when the row acted on does not
 * exist, STORE_INVALID when a row it refers to does not exist or belongs to
 * another position, and also when a text is not valid UTF-8 (it could not be
 * part of an approved snapshot).
 */
#ifndef STELLWERK_STORE_PROFILES_H
#define STELLWERK_STORE_PROFILES_H

#include "core/profile.h"
#include "store/store.h"

/* The draft profile of a position: every array malloc'd (profile_free
 * releases them), goals and requirements in their sort order with goal links
 * (ordered like the goals), stakeholders and proposals in creation order;
 * challenges and template_key from the position. On failure *out is empty. */
enum store_rc store_profile_load(struct store *s, int64_t position_id, struct profile *out);

/* Goals (R-PROF-1). add appends after the last goal and sets g->id; update
 * overwrites every field of goal g->id; delete removes the goal and its
 * requirement links. position_out (may be NULL) receives the goal's position. */
enum store_rc store_goal_add(struct store *s, const struct actor *who, int64_t position_id, struct goal *g, int64_t now);
enum store_rc store_goal_update(struct store *s, const struct actor *who, const struct goal *g, int64_t now);
enum store_rc store_goal_delete(struct store *s, const struct actor *who, int64_t goal_id, int64_t now);
enum store_rc store_goal_get(struct store *s, int64_t goal_id, struct goal *out, int64_t *position_out);

/* Requirements (R-PROF-2, R-PROF-3). add appends after the last requirement,
 * sets r->id and links r->goal_ids[0..ngoals) (STORE_INVALID, nothing added,
 * when one is not a goal of the same position); update overwrites every field
 * of requirement r->id except its goal links; delete removes the requirement
 * with its links and proposals. */
enum store_rc store_requirement_add(struct store *s, const struct actor *who, int64_t position_id,
				    struct requirement *r, int64_t now);
enum store_rc store_requirement_update(struct store *s, const struct actor *who, const struct requirement *r,
				       int64_t now);
enum store_rc store_requirement_delete(struct store *s, const struct actor *who, int64_t requirement_id, int64_t now);
enum store_rc store_requirement_get(struct store *s, int64_t requirement_id, struct requirement *out,
				    int64_t *position_out);
/* Replaces the goals requirement_id serves by goal_ids[0..n) (duplicates
 * count once). STORE_INVALID, and nothing changed, when a goal does not exist,
 * belongs to another position, or there are more than REQUIREMENT_MAX_GOALS. */
enum store_rc store_requirement_set_goals(struct store *s, const struct actor *who, int64_t requirement_id,
					  const int64_t *goal_ids, int n, int64_t now);

/* Stakeholders (R-PROF-6): a user (user_id > 0, STORE_INVALID if unknown) or
 * a named person. add sets sh->id; delete also removes their proposals. */
enum store_rc store_stakeholder_add(struct store *s, const struct actor *who, int64_t position_id,
				    struct stakeholder *sh, int64_t now);
enum store_rc store_stakeholder_delete(struct store *s, const struct actor *who, int64_t stakeholder_id, int64_t now);

/* A stakeholder's tier for a requirement (R-PROF-6): inserted, or updated when
 * the stakeholder already proposed one. STORE_NOT_FOUND for an unknown
 * stakeholder, STORE_INVALID for a requirement that does not exist or belongs
 * to another position. note may be NULL. */
enum store_rc store_proposal_set(struct store *s, const struct actor *who, int64_t stakeholder_id,
				 int64_t requirement_id, enum tier tier, const char *note, int64_t now);
enum store_rc store_proposal_delete(struct store *s, const struct actor *who, int64_t stakeholder_id,
				    int64_t requirement_id, int64_t now);

/* Approves the draft as the next version (R-PROF-7), in one transaction: a
 * JSON snapshot of the draft (ids kept) becomes version N+1 and the position's
 * approved_version. Whether the checks allow approval is the caller's
 * decision. STORE_CONFLICT when the draft equals the newest approved version
 * (approving twice), STORE_NOT_FOUND for no such position. */
enum store_rc store_profile_approve(struct store *s, const struct actor *who, int64_t position_id, int64_t now,
				    int *version_out);
/* Whether the draft differs from the newest approved version; true when
 * nothing was approved yet. */
enum store_rc store_profile_draft_changed(struct store *s, int64_t position_id, bool *changed);
/* An approved version parsed back into a profile (free with profile_free).
 * approved_at and approved_by (0 = command line) may be NULL. */
enum store_rc store_profile_version_load(struct store *s, int64_t position_id, int version, struct profile *out,
					 int64_t *approved_at, int64_t *approved_by);

struct profile_version_info {
	int version;
	int64_t approved_at;
	int64_t approved_by;         /* user id, 0 for the command line */
	char approver_name[128];     /* display name, else login name; "" for the command line */
};

/* The approved versions of a position, newest first; *out malloc'd (caller
 * frees), *n its length (0 when nothing was approved). */
enum store_rc store_profile_versions(struct store *s, int64_t position_id, struct profile_version_info **out,
				     size_t *n);

#endif
