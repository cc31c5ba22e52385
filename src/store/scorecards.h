/*
 * scorecards.h — interviews (one application's pass through one round of
 * the plan), the interviewers assigned to them, and their scorecards
 * (R-INT-3, R-INT-5, R-INT-6, R-EVAL-1..3).
 *
 * Creating an interview snapshots the round's interviewers with their focus
 * (that is the assignment: an interviewer sees a candidate only through an
 * interview they are assigned to) and the kit version it is held with.
 *
 * A scorecard belongs to one (interview, interviewer); it is a draft until
 * submitted, then final: database triggers refuse any change or deletion of
 * a submitted scorecard and of its ratings, answers and exercise ratings.
 *
 * Independence (R-INT-5) is enforced HERE, in the readers pages and API
 * share: a scorecard is visible to its author; someone else's only when it
 * is submitted and the viewer either sees all (the caller decides, e.g.
 * ACTION_MANAGE_CANDIDATES) or has submitted their own scorecard for an
 * interview of the same application. Anything else reads as
 * STORE_NOT_FOUND, so callers answer 404 without telling it exists.
 *
 * Codes: recommendation strong_no|no|yes|strong_yes ("" while not chosen),
 * candidate_questions_quality substantive|superficial|"". Ratings are 1..4.
 * Every write is one unit of work with its audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_SCORECARDS_H
#define STELLWERK_STORE_SCORECARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/interview_plans.h"
#include "store/questions.h"
#include "store/store.h"
#include "store/users.h"

#define SCORECARD_NOTES_MAX 4000          /* bytes of notes / candidate questions */
#define SCORECARD_ITEM_NOTES_MAX 2000     /* bytes of the notes of one rating or answer */
#define SCORECARD_KEY_MAX 64              /* competency or exercise key incl. NUL */
#define SCORECARD_CODE_MAX 16             /* recommendation / quality code incl. NUL */
#define SCORECARD_MAX_ITEMS 64            /* ratings, answers, exercise ratings each */

enum scorecard_status { SCORECARD_NONE, SCORECARD_DRAFT, SCORECARD_SUBMITTED };

/* "none", "draft", "submitted". */
const char *scorecard_status_code(enum scorecard_status st);
/* Whether code is strong_no|no|yes|strong_yes. */
bool scorecard_recommendation_valid(const char *code);

/* An interviewer of an interview and where their scorecard stands. */
struct interview_interviewer {
	struct round_interviewer who;     /* focus as snapshotted at creation */
	enum scorecard_status scorecard;
};

struct interview {
	int64_t id;
	int64_t application_id;
	int64_t candidate_id;             /* read only, from the application */
	int64_t position_id;              /* read only */
	int64_t round_id;
	int round_ord;                    /* read only, current order of the round */
	char round_name[ROUND_NAME_MAX + 1];
	char round_stage[STAGE_CODE_MAX];
	int duration_minutes;
	int64_t kit_version_id;
	int kit_version;                  /* its number: v1, v2 … */
	int64_t created_at;
	int64_t created_by;               /* user id, 0 for the command line */
	size_t ninterviewers;
	struct interview_interviewer interviewers[ROUND_MAX_INTERVIEWERS];
};

/* One row of "my interviews" of a user. scorecard_id is 0 before the user
 * opened their scorecard (my_status SCORECARD_NONE). */
struct my_interview {
	int64_t interview_id;
	int64_t application_id;
	int64_t candidate_id;
	int64_t position_id;
	int64_t round_id;
	char first_name[101];
	char last_name[101];
	char position_title[201];
	char round_name[ROUND_NAME_MAX + 1];
	int round_ord;
	int kit_version;
	char focus[ROUND_FOCUS_MAX];
	enum scorecard_status my_status;
	int64_t scorecard_id;
	int64_t created_at;
};

struct scorecard_rating {
	char competency[SCORECARD_KEY_MAX];
	int rating;                       /* 1..4 */
	char notes[SCORECARD_ITEM_NOTES_MAX + 1];
};

struct scorecard_answer {
	char question_ref[QUESTION_REF_MAX];
	char notes[SCORECARD_ITEM_NOTES_MAX + 1];
};

struct scorecard_exercise {
	char exercise_key[SCORECARD_KEY_MAX];
	int rating;                       /* 1..4 */
	char notes[SCORECARD_ITEM_NOTES_MAX + 1];
};

/* A scorecard with its items. The arrays are malloc'd by the readers (in
 * the order saved); release with scorecard_free. For store_scorecard_save
 * the caller points them at its own arrays and keeps ownership. */
struct scorecard {
	int64_t id;
	int64_t interview_id;
	int64_t application_id;           /* read only */
	int64_t round_id;                 /* read only */
	int64_t user_id;                  /* the author */
	char user_display[USER_DISPLAY_MAX]; /* read only */
	enum scorecard_status status;     /* read only: DRAFT or SUBMITTED */
	char recommendation[SCORECARD_CODE_MAX];
	char notes[SCORECARD_NOTES_MAX + 1];
	char candidate_questions[SCORECARD_NOTES_MAX + 1];
	char candidate_questions_quality[SCORECARD_CODE_MAX];
	int64_t created_at, updated_at, submitted_at;   /* submitted_at 0 for a draft */
	struct scorecard_rating *ratings;
	size_t nratings;
	struct scorecard_answer *answers;
	size_t nanswers;
	struct scorecard_exercise *exercises;
	size_t nexercises;
};

/* Frees the item arrays of a scorecard filled by a reader (not sc itself). */
void scorecard_free(struct scorecard *sc);
/* scorecard_free on each of list[0..n), then free(list). */
void scorecard_list_free(struct scorecard *list, size_t n);

/* --- interviews --- */

/* Plans round round_id for application application_id: takes the kit
 * version (store_kit_version_for_use) and snapshots the round's interviewers
 * and their focus, in one unit of work; fills *out (may be NULL).
 * STORE_NOT_FOUND for no such application or round; STORE_INVALID when the
 * round belongs to another position; STORE_CONFLICT when the application
 * already has an interview for the round. */
enum store_rc store_interview_create(struct store *s, const struct actor *who, int64_t application_id,
				     int64_t round_id, int64_t now, struct interview *out);
enum store_rc store_interview_get(struct store *s, int64_t interview_id, struct interview *out);
/* Interviews of an application ordered by round order. *out is malloc'd
 * (caller frees). */
enum store_rc store_interviews_for_application(struct store *s, int64_t application_id, struct interview **out,
					       size_t *n);
/* "My interviews" (R-INT-5): every interview user_id is assigned to, open
 * ones (no submitted scorecard) first, then newest first. *out is malloc'd
 * (caller frees). */
enum store_rc store_interviews_for_user(struct store *s, int64_t user_id, struct my_interview **out, size_t *n);

/* Whether user_id is an interviewer of some interview of candidate_id
 * (of application_id, of interview_id). Always STORE_OK unless the query
 * fails; *assigned false for unknown ids. */
enum store_rc store_interviewer_assigned(struct store *s, int64_t user_id, int64_t candidate_id, bool *assigned);
enum store_rc store_interviewer_assigned_to_application(struct store *s, int64_t user_id, int64_t application_id,
							bool *assigned);
enum store_rc store_interviewer_assigned_to_interview(struct store *s, int64_t user_id, int64_t interview_id,
						      bool *assigned);

/* --- scorecards --- */

/* The scorecard of user_id for interview_id: the existing one (draft or
 * submitted), else a new empty draft (with audit row). STORE_NOT_FOUND when
 * there is no such interview or user_id is not one of its interviewers.
 * Release *out with scorecard_free. */
enum store_rc store_scorecard_open(struct store *s, const struct actor *who, int64_t interview_id, int64_t user_id,
				   int64_t now, struct scorecard *out);

/* Saves the draft sc->id written by author_user_id: recommendation, notes,
 * candidate questions and quality, and REPLACES its ratings, answers and
 * exercise ratings with sc's arrays. STORE_NOT_FOUND when there is no such
 * scorecard of that author; STORE_INVALID when it is already submitted, for
 * a code out of its set, a rating out of 1..4, an empty or duplicate key or
 * ref, more than SCORECARD_MAX_ITEMS items, or text too long / not UTF-8.
 * To save and submit atomically, wrap both calls in store_begin/commit. */
enum store_rc store_scorecard_save(struct store *s, const struct actor *who, int64_t author_user_id,
				   const struct scorecard *sc, int64_t now);

/* Submits the draft scorecard_id of author_user_id; final afterwards.
 * STORE_NOT_FOUND as for save; STORE_INVALID when already submitted, without
 * a recommendation or without any rating. */
enum store_rc store_scorecard_submit(struct store *s, const struct actor *who, int64_t author_user_id,
				     int64_t scorecard_id, int64_t now);

/* Reads scorecard_id for viewer_user_id under the visibility rule above
 * (R-INT-5). STORE_NOT_FOUND when it does not exist or the viewer may not
 * see it. Release *out with scorecard_free. */
enum store_rc store_scorecard_get_visible(struct store *s, int64_t viewer_user_id, bool viewer_sees_all,
					  int64_t scorecard_id, struct scorecard *out);
/* Every scorecard of application_id the viewer may see, by round order then
 * submission. Release with scorecard_list_free. */
enum store_rc store_scorecards_for_application_visible(struct store *s, int64_t viewer_user_id, bool viewer_sees_all,
						       int64_t application_id, struct scorecard **out, size_t *n);
/* Whether viewer_user_id has submitted a scorecard for some interview of
 * application_id (what unlocks the others' scorecards). */
enum store_rc store_scorecard_viewer_unlocked(struct store *s, int64_t viewer_user_id, int64_t application_id,
					      bool *unlocked);

/* --- evaluation input (R-EVAL-1..3): submitted scorecards only --- */

struct submitted_rating {
	int64_t application_id;
	int64_t scorecard_id;
	int64_t user_id;
	char interviewer[USER_DISPLAY_MAX];
	char competency[SCORECARD_KEY_MAX];   /* or the exercise key in exercises[] */
	int rating;
};

struct submitted_recommendation {
	int64_t application_id;
	int64_t scorecard_id;
	int64_t user_id;
	char interviewer[USER_DISPLAY_MAX];
	int64_t round_id;
	int round_ord;
	char round_name[ROUND_NAME_MAX + 1];
	char recommendation[SCORECARD_CODE_MAX];
	char candidate_questions_quality[SCORECARD_CODE_MAX];
	int64_t submitted_at;
};

/* Flattened submitted scorecards of a position, ordered by application id.
 * Release with position_scorecards_free. */
struct position_scorecards {
	struct submitted_rating *ratings;        /* competency ratings */
	size_t nratings;
	struct submitted_rating *exercises;      /* exercise ratings: competency holds the exercise key */
	size_t nexercises;
	struct submitted_recommendation *recommendations;
	size_t nrecommendations;
};

void position_scorecards_free(struct position_scorecards *p);
/* STORE_NOT_FOUND for no such position. */
enum store_rc store_scorecards_submitted_for_position(struct store *s, int64_t position_id,
						      struct position_scorecards *out);

#endif
