/*
 * positions.h — positions (Stellen, struct position in core/position.h): their
 * basic fields, status and known challenges (R-PROF-8). The requirements
 * profile of a position lives in profiles.h.
 */
#ifndef STELLWERK_STORE_POSITIONS_H
#define STELLWERK_STORE_POSITIONS_H

#include "core/position.h"
#include "store/store.h"

/* One row of the positions list: the position with names resolved and counts. */
struct position_summary {
	struct position p;
	char owner_name[128];          /* display name, else login name; "" without owner */
	char organisation_name[160];
	int requirement_count;         /* requirements of the draft profile */
	int must_count;                /* of those, must-haves */
};

/* Inserts p as a draft: sets p->id, p->status = POSITION_DRAFT, p->created_at
 * = now, p->opened_at = 0 and p->approved_version = 0. STORE_INVALID when the
 * organisation or the owner (if not 0) does not exist or a text is not valid
 * UTF-8. */
enum store_rc store_position_create(struct store *s, const struct actor *who, struct position *p, int64_t now);
/* Overwrites the fields of position p->id that a user edits (organisation,
 * template key, title … owner, status, challenges); id, created_at, opened_at
 * and approved_version are kept. opened_at is set to now the first time the
 * status becomes open. The audit row lists changed fields as {"field": [old,
 * new]}, the challenges as {"challenges": "changed"}; no change writes
 * nothing. STORE_NOT_FOUND for no such position, STORE_INVALID as for create. */
enum store_rc store_position_update(struct store *s, const struct actor *who, const struct position *p, int64_t now);
enum store_rc store_position_get(struct store *s, int64_t id, struct position *out);
/* Positions with status `status` (an enum position_status, or -1 for all) and
 * owner owner_id (0 for all), ordered by status (draft, open, paused, filled,
 * closed) then newest first. *out is malloc'd (caller frees), *n its length. */
enum store_rc store_position_list(struct store *s, int status, int64_t owner_id, struct position_summary **out,
				  size_t *n);
/* Number of positions per status, indexed by enum position_status. */
enum store_rc store_position_count_by_status(struct store *s, int64_t counts[POSITION_STATUS__COUNT]);

#endif
