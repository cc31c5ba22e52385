/*
 * interview_plans.h — the interview plan of a position (R-INT-2..4): its
 * rounds in order, each with name, pipeline stage, duration, interviewers
 * with their focus competencies, and the current interview kit; plus the
 * immutable kit versions.
 *
 * A round's kit is JSON text ({"questions":[refs…],"exercises":[keys…]}).
 * Encoding, validation and canonical form are core/interview_plan.h's job:
 * callers pass canonical JSON, the store keeps the exact text and compares
 * texts. The kit of a round may change at any time; kit_versions are the
 * snapshots interviews were actually held with. No version exists before a
 * round is first used; store_kit_version_for_use (called by
 * store_interview_create) reuses the latest version while it equals the
 * round's kit and otherwise appends the next one (R-INT-3). Versions are
 * immutable (database triggers).
 *
 * Default rounds and default focus are decided by the caller (core); the
 * store only inserts what it is given. Every write is one unit of work with
 * its audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_INTERVIEW_PLANS_H
#define STELLWERK_STORE_INTERVIEW_PLANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/pipeline.h"
#include "store/store.h"
#include "store/users.h"

#define ROUND_NAME_MAX 120                /* bytes of a round name */
#define ROUND_MAX_INTERVIEWERS 16
#define ROUND_FOCUS_MAX 512               /* bytes of a comma-separated focus list incl. NUL */
#define KIT_JSON_MAX 8000                 /* bytes of a kit's JSON text */
#define KIT_JSON_EMPTY "{\"questions\":[],\"exercises\":[]}"
#define ROUND_DURATION_MAX 600            /* minutes */

/* An interviewer of a round (or, in scorecards.h, of an interview). */
struct round_interviewer {
	int64_t user_id;
	char user_name[USER_NAME_MAX];
	char display_name[USER_DISPLAY_MAX];  /* display name, else the user name (read only) */
	enum role role;                       /* read only */
	char focus[ROUND_FOCUS_MAX];          /* comma-separated competency keys, "" for none */
};

/* One round of a plan. On reads, kit_version is the number of the latest
 * kit version (0 = none yet) and kit_changed tells whether the round's kit
 * differs from it (true also when there is none); both are ignored on
 * writes, like interviewers by store_interview_round_update. */
struct interview_round {
	int64_t id;
	int64_t position_id;
	int ord;                              /* 1..n within the position */
	char name[ROUND_NAME_MAX + 1];
	char stage[STAGE_CODE_MAX];           /* pipeline stage code, "" for none */
	int duration_minutes;                 /* 1..ROUND_DURATION_MAX */
	char kit_json[KIT_JSON_MAX + 1];      /* "" on writes means KIT_JSON_EMPTY */
	size_t ninterviewers;
	struct round_interviewer interviewers[ROUND_MAX_INTERVIEWERS];
	int kit_version;
	bool kit_changed;
};

/* An immutable snapshot of a round's kit; uses = interviews held with it. */
struct kit_version {
	int64_t id;
	int64_t round_id;
	int version;                          /* 1, 2, … per round */
	char kit_json[KIT_JSON_MAX + 1];
	int64_t created_at;
	int64_t uses;
};

/* The rounds of position_id ordered by ord, with interviewers (in the order
 * they were set). *out is malloc'd (caller frees); n 0 for no plan yet.
 * STORE_NOT_FOUND for no such position. */
enum store_rc store_interview_plan_get(struct store *s, int64_t position_id, struct interview_round **out,
				       size_t *n);

/* When position_id has no rounds, inserts defaults[0..n) as rounds 1..n
 * (name, stage, duration, kit_json, interviewers with focus) and sets
 * *created (may be NULL) true; otherwise changes nothing (*created false).
 * STORE_NOT_FOUND for no such position; STORE_INVALID as for
 * store_interview_round_create. */
enum store_rc store_interview_plan_ensure_default(struct store *s, const struct actor *who, int64_t position_id,
						  const struct interview_round *defaults, size_t n, int64_t now,
						  bool *created);

enum store_rc store_interview_round_get(struct store *s, int64_t round_id, struct interview_round *out);

/* Appends round r to the plan of r->position_id (name, stage, duration,
 * kit_json, interviewers); sets r->id and r->ord (last + 1). STORE_NOT_FOUND
 * for no such position; STORE_INVALID for an empty, too long or non-UTF-8
 * name, a malformed stage code, a duration out of 1..ROUND_DURATION_MAX, a
 * kit that is not JSON or too long, or bad interviewers (see
 * store_interview_round_set_interviewers). */
enum store_rc store_interview_round_create(struct store *s, const struct actor *who, struct interview_round *r,
					   int64_t now);
/* Changes name, stage and duration of round r->id (same checks).
 * STORE_NOT_FOUND. */
enum store_rc store_interview_round_update(struct store *s, const struct actor *who, const struct interview_round *r,
					   int64_t now);
/* Moves round_id to position ord (1..n) and renumbers the others.
 * STORE_NOT_FOUND; STORE_INVALID for ord out of range. */
enum store_rc store_interview_round_move(struct store *s, const struct actor *who, int64_t round_id, int ord,
					 int64_t now);
/* Deletes round_id (with its interviewers and kit) and closes the gap in
 * the order. STORE_NOT_FOUND; STORE_CONFLICT when interviews were planned
 * for it (history is kept). */
enum store_rc store_interview_round_delete(struct store *s, const struct actor *who, int64_t round_id, int64_t now);

/* Replaces the interviewers of round_id with list[0..n) (user_id and focus
 * read). STORE_NOT_FOUND for no such round; STORE_INVALID for n >
 * ROUND_MAX_INTERVIEWERS, an unknown or disabled user, a user listed twice,
 * or a focus that is too long or not UTF-8. */
enum store_rc store_interview_round_set_interviewers(struct store *s, const struct actor *who, int64_t round_id,
						     const struct round_interviewer *list, size_t n, int64_t now);

/* Sets the current kit of round_id to kit_json (canonical JSON from
 * core/interview_plan.h). Versions already made stay as they are.
 * STORE_NOT_FOUND; STORE_INVALID for empty, too long or invalid JSON. */
enum store_rc store_interview_round_set_kit(struct store *s, const struct actor *who, int64_t round_id,
					    const char *kit_json, int64_t now);

/* The kit versions of round_id, oldest first. *out is malloc'd (caller
 * frees). STORE_NOT_FOUND for no such round. */
enum store_rc store_kit_versions_list(struct store *s, int64_t round_id, struct kit_version **out, size_t *n);
enum store_rc store_kit_version_get(struct store *s, int64_t version_id, struct kit_version *out);

/* The kit version an interview of round_id is held with (R-INT-3): the
 * latest version when its text equals the round's kit, else a new version
 * (latest + 1, or 1) made from the round's kit now, with an audit row.
 * Sets *version_id and *version_no. One unit of work (a savepoint inside
 * the caller's transaction). STORE_NOT_FOUND for no such round. */
enum store_rc store_kit_version_for_use(struct store *s, const struct actor *who, int64_t round_id, int64_t now,
					int64_t *version_id, int *version_no);

#endif
