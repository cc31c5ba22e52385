/*
 * evaluation_ops.h — the evaluation of a position's candidates as the pages
 * and the API see it (R-EVAL-1..3): one loader gathers the inputs from the
 * store and lets core/evaluation.h decide, so GET /positions/{id}/evaluation,
 * GET /applications/{id}/evaluation and GET /api/v1/positions/{id}/evaluation
 * show the same numbers.
 *
 * Inputs:
 *   competencies  the role template's competencies in template order, then
 *                 the pseudo-competency salary_realism, then keys that only
 *                 appear in submitted ratings (a template changed later);
 *   weights       from the newest approved profile version, else the draft
 *                 (evaluation_weights: must 3, important 2, nice 1, else 1);
 *   ratings       every SUBMITTED scorecard of the position (drafts never
 *                 count): competency ratings, exercise ratings and the
 *                 recommendation;
 *   decisions     the latest decision of each application (culture fit).
 *
 * Candidates are the applications of the position with at least one
 * submitted scorecard or a decision; result.candidates lists them ranked
 * first, then those with a knockout (R-EVAL-2), never interleaved.
 */
#ifndef STELLWERK_WEB_EVALUATION_OPS_H
#define STELLWERK_WEB_EVALUATION_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/evaluation.h"
#include "web/request.h"

/* A candidate (application) of the evaluation with what the pages show. */
struct eval_applicant {
	int64_t application_id;
	int64_t candidate_id;
	const char *name;              /* "First Last" */
	const char *stage;             /* current stage code */
	int nscorecards;               /* submitted scorecards */
	/* The latest decision, if any (has_decision false: the rest is empty). */
	bool has_decision;
	const char *decision;          /* "hire" / "reject" */
	int decision_culture_fit;      /* 1..4 */
	const char *decided_by;        /* display name, "" for the command line */
	int64_t decided_at;
};

/* One submitted rating with its author: the individual values behind a
 * matrix cell (tooltips, the per-scorecard table). */
struct eval_individual {
	int64_t application_id;
	int64_t scorecard_id;
	int64_t user_id;
	const char *interviewer;       /* display name */
	const char *key;               /* competency key, or the exercise key when exercise */
	bool exercise;
	int rating;                    /* 1..4 */
};

/* One submitted scorecard: who, which round, the recommendation. */
struct eval_scorecard {
	int64_t application_id;
	int64_t scorecard_id;
	int64_t user_id;
	const char *interviewer;
	int round_ord;
	const char *round_name;
	enum recommendation recommendation;
	const char *questions_quality; /* "substantive", "superficial" or "" */
	int64_t submitted_at;
};

struct position_evaluation {
	int64_t position_id;
	int profile_version;           /* approved version the weights come from; 0 = the draft */
	/* Competency rows in display order (key, weight, must) and their names
	 * in the request's language; exercise names for result.exercises. */
	struct eval_competency *competencies;
	const char **competency_names;
	size_t ncompetencies;
	const char **exercise_names;   /* [result.nexercises] */
	/* The candidates in application id order; see position_evaluation_applicant. */
	struct eval_applicant *applicants;
	size_t napplicants;
	size_t napplications;          /* all applications of the position, evaluated or not */
	struct eval_individual *individual;   /* ordered by application, scorecard */
	size_t nindividual;
	struct eval_scorecard *scorecards;    /* ordered by application, round */
	size_t nscorecards;
	/* The core result: ranked candidates, then knockouts. */
	struct evaluation result;
};

/* Loads and computes the evaluation of position_id. Everything lives in
 * r->arena except result, which position_evaluation_free releases (call it
 * on every STORE_OK answer). STORE_NOT_FOUND for no such position; other
 * codes for store failures (logged by the store). A role template that does
 * not load leaves only salary_realism and the rated keys as competencies. */
enum store_rc position_evaluation_load(struct request *r, int64_t position_id, struct position_evaluation *out);
void position_evaluation_free(struct position_evaluation *e);

/* The applicant of application_id, or NULL when it is not evaluated. */
const struct eval_applicant *position_evaluation_applicant(const struct position_evaluation *e,
							   int64_t application_id);
/* Index of competency key in e->competencies, or -1. */
int position_evaluation_competency_index(const struct position_evaluation *e, const char *key);

/* A cell's mean with one decimal ("2.5", "2,5" with ',' as mark), rounded
 * half up from the exact sum/count; "" for an empty cell. In r->arena. */
const char *eval_mean_text(struct request *r, const struct eval_cell *c, char decimal_mark);
/* "Name: 2, Name: 4" — the individual ratings behind a cell of application
 * application_id and key (exercise selects exercise ratings). In r->arena. */
const char *eval_individual_text(struct request *r, const struct position_evaluation *e, int64_t application_id,
				 const char *key, bool exercise);

#endif
