/*
 * evaluation.h — the comparison of a position's candidates after their
 * interviews (R-EVAL-1..4, R-GUARD-5), as pure functions over plain arrays:
 * competency weights from the profile's tiers, per-competency means, counts
 * and spread of the submitted ratings, must-have fulfilment and knockouts,
 * the weighted score, exercise results, recommendation counts, culture fit,
 * the ranking with knockouts kept apart, and the check of a hire/reject
 * decision.
 *
 * Numbers: means and scores are integer hundredths (250 = 2.50), rounded half
 * up once from the exact value; evaluation_format_hundredths() prints them.
 * Knockouts are decided on the exact mean (sum < 2.5 × count), not on the
 * rounded one. The caller passes only SUBMITTED ratings.
 */
#ifndef STELLWERK_CORE_EVALUATION_H
#define STELLWERK_CORE_EVALUATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/interview_plan.h"
#include "core/position.h"   /* struct field_problem */
#include "core/profile.h"

/* Weight per tier (R-EVAL-1): must 3, important 2, nice 1; unlinked 1. */
#define EVAL_WEIGHT_MUST 3
#define EVAL_WEIGHT_IMPORTANT 2
#define EVAL_WEIGHT_NICE 1
#define EVAL_WEIGHT_UNLINKED 1
#define EVAL_DISAGREEMENT_SPREAD 2     /* spread ≥ 2 is a disagreement (R-EVAL-3) */
#define EVAL_KNOCKOUT_BELOW_X100 250   /* a must-have mean below 2.50 is a knockout (R-EVAL-2) */

/* For each competency_keys[i]: weights_out[i] = the highest tier weight of the
 * requirements whose competency_key equals it (1 when none is linked) and
 * must_out[i] = whether one of them is a must-have. must_out may be NULL. */
void evaluation_weights(const struct requirement *reqs, size_t n, const char *const *competency_keys, size_t ncomp,
			int *weights_out, bool *must_out);

/* --- inputs ------------------------------------------------------------------ */

/* A competency row of the matrix, in display order. */
struct eval_competency {
	const char *key;
	int weight;                    /* ≥ 1, usually from evaluation_weights() */
	bool must;                     /* linked to a must-have requirement */
};

/* One submitted rating of a competency (scorecard_ratings of a submitted scorecard). */
struct eval_rating {
	int64_t application_id;
	int64_t user_id;               /* the interviewer */
	const char *competency;
	int rating;                    /* 1..4; others are ignored */
};

/* One submitted exercise rating. */
struct eval_exercise_rating {
	int64_t application_id;
	int64_t user_id;
	const char *exercise;
	int rating;                    /* 1..4; others are ignored */
};

/* The recommendation of one submitted scorecard. */
struct eval_recommendation {
	int64_t application_id;
	enum recommendation recommendation;
};

/* A recorded decision; when an application has several, the last one in the
 * array counts (pass them in decided_at order). */
struct eval_decision {
	int64_t application_id;
	int culture_fit;               /* 1..4 */
};

struct eval_input {
	const int64_t *applications;   /* the candidates (application ids) to compare */
	size_t napplications;
	const struct eval_competency *competencies;
	size_t ncompetencies;
	const char *const *exercises;  /* exercise rows in display order (may be NULL); keys only
					  found in exercise_ratings are appended in order of appearance */
	size_t nexercises;
	const struct eval_rating *ratings;               /* unknown applications or competencies are
							    ignored and counted in ignored_ratings */
	size_t nratings;
	const struct eval_exercise_rating *exercise_ratings;
	size_t nexercise_ratings;
	const struct eval_recommendation *recommendations;
	size_t nrecommendations;
	const struct eval_decision *decisions;
	size_t ndecisions;
};

/* --- outputs ----------------------------------------------------------------- */

enum must_status { MUST_NONE, MUST_OPEN, MUST_FULFILLED, MUST_KNOCKOUT, MUST_STATUS__COUNT };

const char *must_status_code(enum must_status s);    /* "", "open", "fulfilled", "knockout" */
const char *must_status_label(enum must_status s);   /* "", N_("Open"), N_("Fulfilled"), N_("Knockout") */

/* One cell of the matrix: the ratings of one candidate for one competency or exercise. */
struct eval_cell {
	int count;                     /* number of ratings; 0 = not rated, the rest is 0 */
	int sum;
	int mean_x100;                 /* mean in hundredths, rounded half up */
	int min, max;
	int spread;                    /* max − min (R-EVAL-3) */
	bool disagreement;             /* spread ≥ EVAL_DISAGREEMENT_SPREAD */
	enum must_status must;         /* MUST_NONE for competencies that are not must-haves and for exercises */
};

struct eval_candidate {
	int64_t application_id;
	struct eval_cell *cells;       /* [ncompetencies], same order as the input */
	struct eval_cell *exercise_cells; /* [nexercises] of struct evaluation */
	int score_x100;                /* Σ w·mean / Σ w over rated competencies; 0 when none is rated */
	int rated_competencies;        /* competencies with at least one rating */
	int nratings;                  /* all competency ratings counted */
	int must_fulfilled, must_open, must_knockouts;
	bool knockout;                 /* a must-have mean below 2.5 (R-EVAL-2) */
	bool disagreement;             /* any competency with spread ≥ 2 */
	int recommendations[RECOMMENDATION__COUNT]; /* counts by enum recommendation */
	int culture_fit;               /* from the latest decision, 0 = none */
	int rank;                      /* 1..nranked among candidates without knockout, 0 for knockouts */
};

struct evaluation {
	struct eval_candidate *candidates; /* display order: ranked ones first, then knockouts */
	size_t ncandidates;
	size_t nranked;                /* candidates[0..nranked) are ranked, the rest have knockouts */
	const char **exercises;        /* exercise row keys (point into the input) */
	size_t nexercises;
	size_t ncompetencies;
	size_t ignored_ratings;        /* ratings of unknown applications/competencies or out of 1..4 */
	struct eval_cell *cell_storage; /* owns every candidate's cells; freed by evaluation_free() */
};

/* Computes the matrix. Ranking (R-EVAL-2): candidates without knockout by
 * score descending, ties by more ratings, then smaller application id; then
 * all candidates with a knockout in the same order, flagged and unranked —
 * never interleaved. Allocates; release with evaluation_free(). */
void evaluation_compute(const struct eval_input *in, struct evaluation *out);
void evaluation_free(struct evaluation *e);
/* The candidate of an application, or NULL. */
const struct eval_candidate *evaluation_find(const struct evaluation *e, int64_t application_id);
/* Writes x100 as "2.50" with the given decimal separator ('.' or ','). */
void evaluation_format_hundredths(int x100, char sep, char *out, size_t n);

/* --- decision (R-EVAL-4, R-GUARD-5) -------------------------------------------- */

enum decision_kind { DECISION_HIRE, DECISION_REJECT, DECISION_KIND__COUNT };

const char *decision_kind_code(enum decision_kind d);    /* "hire", "reject" */
const char *decision_kind_label(enum decision_kind d);   /* N_("Hire"), N_("Reject") */
bool decision_kind_parse(const char *code, enum decision_kind *out);

#define DECISION_RATIONALE_MIN_CHARS 20     /* characters (code points) after trimming blanks */
#define DECISION_RATIONALE_MAX_BYTES 4000

/* Checks a decision before it is stored: "decision" is hire or reject;
 * "culture_fit" 1..4 ("A decision needs a culture-fit rating from 1 to 4.",
 * R-GUARD-5); "rationale" present, valid UTF-8, at least 20 characters and at
 * most 4000 bytes. Writes at most max problems; returns how many (0 = valid). */
size_t decision_check(const char *decision, int culture_fit, const char *rationale, struct field_problem *out,
		      size_t max);

#endif
