/*
 * decisions.h — hire / reject decisions on applications (R-EVAL-4,
 * R-GUARD-5).
 *
 * A decision needs a culture-fit rating 1..4 and a written rationale; the
 * store refuses one without (the caller's core check gives the friendly
 * message and the minimum length). Each decision is kept (a later one does
 * not erase an earlier one) and also written to the candidate's timeline as
 * an application event of kind EVENT_DECISION (store/applications.h): its
 * to_stage holds the decision code, from_stage the culture fit as a digit
 * "1".."4", text the rationale. A decision does not move the stage; the UI
 * offers the move. One unit of work with its audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_DECISIONS_H
#define STELLWERK_STORE_DECISIONS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/users.h"

#define DECISION_RATIONALE_MAX 4000       /* bytes */
#define DECISION_CODE_MAX 8               /* "hire" / "reject" incl. NUL */

struct decision_record {
	int64_t id;
	int64_t application_id;
	int64_t position_id;                  /* read only */
	char decision[DECISION_CODE_MAX];     /* "hire" or "reject" */
	int culture_fit;                      /* 1..4 */
	char rationale[DECISION_RATIONALE_MAX + 1];
	int64_t decided_by;                   /* user id, 0 for the command line */
	char decided_by_name[USER_DISPLAY_MAX]; /* display name, else user name; "" for the command line */
	int64_t decided_at;
};

/* Records a decision on application_id with its timeline event; sets *id
 * (may be NULL). STORE_NOT_FOUND for no such application; STORE_INVALID for
 * a decision other than "hire"/"reject", culture_fit outside 1..4, or a
 * rationale that is empty (only white space), longer than
 * DECISION_RATIONALE_MAX or not UTF-8. */
enum store_rc store_decision_record(struct store *s, const struct actor *who, int64_t application_id,
				    const char *decision, int culture_fit, const char *rationale, int64_t now,
				    int64_t *id);

/* Decisions on application_id, newest first. *out is malloc'd (caller frees). */
enum store_rc store_decisions_for_application(struct store *s, int64_t application_id, struct decision_record **out,
					      size_t *n);
/* The latest decision of each application of position_id that has one,
 * ordered by application id. *out is malloc'd (caller frees). */
enum store_rc store_decisions_latest_for_position(struct store *s, int64_t position_id,
						  struct decision_record **out, size_t *n);

#endif
