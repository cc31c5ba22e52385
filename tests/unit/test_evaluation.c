/*
 * Unit tests for src/core/evaluation.c: competency weights from the
 * profile's tiers, means, counts and spread per competency, the disagreement
 * threshold, must-have status and knockouts (exact mean below 2.5), the
 * weighted score (an example worked by hand), exercises and recommendations,
 * culture fit, the ranking with knockouts kept apart, and the decision check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/evaluation.h"

static struct requirement req(enum tier tier, const char *competency)
{
	struct requirement r;

	memset(&r, 0, sizeof r);
	r.tier = tier;
	snprintf(r.competency_key, sizeof r.competency_key, "%s", competency);
	return r;
}

/* R-EVAL-1: weight = highest linked tier (must 3, important 2, nice 1), unlinked 1. */
static void test_weights_from_tiers(void **state)
{
	struct requirement reqs[7];
	static const char *const keys[] = { "relationship_management", "negotiation", "crm_and_data_analysis",
					    "cultural_fit", "salary_realism", "strategic_thinking" };
	int w[6];
	bool must[6];

	(void)state;
	reqs[0] = req(TIER_IMPORTANT, "relationship_management");
	reqs[1] = req(TIER_MUST, "relationship_management");        /* must beats important */
	reqs[2] = req(TIER_NICE, "negotiation");
	reqs[3] = req(TIER_IMPORTANT, "negotiation");               /* important beats nice */
	reqs[4] = req(TIER_NICE, "crm_and_data_analysis");
	reqs[5] = req(TIER_MUST, "");                               /* linked to nothing */
	reqs[6] = req(TIER_MUST, "strategic_thinking");
	evaluation_weights(reqs, 7, keys, 6, w, must);
	assert_int_equal(w[0], 3);
	assert_true(must[0]);
	assert_int_equal(w[1], 2);
	assert_false(must[1]);
	assert_int_equal(w[2], 1);
	assert_false(must[2]);
	assert_int_equal(w[3], 1);     /* cultural_fit unlinked */
	assert_false(must[3]);
	assert_int_equal(w[4], 1);     /* salary_realism unlinked */
	assert_false(must[4]);
	assert_int_equal(w[5], 3);
	assert_true(must[5]);

	/* no requirements at all: everything weighs 1; must_out is optional */
	evaluation_weights(NULL, 0, keys, 6, w, NULL);
	for (int i = 0; i < 6; i++)
		assert_int_equal(w[i], EVAL_WEIGHT_UNLINKED);
}

/* A small fixture: four competencies, ratings added one by one. */
#define MAX_RATINGS 512

struct fixture {
	struct eval_competency comps[4];
	int64_t apps[8];
	struct eval_rating ratings[MAX_RATINGS];
	struct eval_exercise_rating xratings[16];
	struct eval_recommendation recs[16];
	struct eval_decision decisions[8];
	const char *exercises[4];
	struct eval_input in;
	struct evaluation e;
};

static struct fixture fx;

enum { REL, NEG, FIT, STRAT };

static void reset(void)
{
	evaluation_free(&fx.e);
	memset(&fx, 0, sizeof fx);
	fx.comps[REL] = (struct eval_competency){ "relationship_management", 3, true };
	fx.comps[NEG] = (struct eval_competency){ "negotiation", 2, false };
	fx.comps[FIT] = (struct eval_competency){ "cultural_fit", 1, false };
	fx.comps[STRAT] = (struct eval_competency){ "strategic_thinking", 3, true };
	fx.in.competencies = fx.comps;
	fx.in.ncompetencies = 4;
	fx.in.applications = fx.apps;
	fx.in.ratings = fx.ratings;
	fx.in.exercise_ratings = fx.xratings;
	fx.in.recommendations = fx.recs;
	fx.in.decisions = fx.decisions;
	fx.in.exercises = fx.exercises;
}

static void app(int64_t id)
{
	fx.apps[fx.in.napplications++] = id;
}

static void rate(int64_t app_id, int64_t user, int comp, int rating)
{
	assert_true(fx.in.nratings < MAX_RATINGS);
	fx.ratings[fx.in.nratings++] = (struct eval_rating){ app_id, user, fx.comps[comp].key, rating };
}

static const struct eval_candidate *compute(int64_t app_id)
{
	evaluation_free(&fx.e);
	evaluation_compute(&fx.in, &fx.e);
	return evaluation_find(&fx.e, app_id);
}

static void teardown_eval(void)
{
	evaluation_free(&fx.e);
}

/* R-EVAL-1, R-EVAL-3: mean in hundredths, count, min/max and spread. */
static void test_means_and_spread(void **state)
{
	const struct eval_candidate *c;

	(void)state;
	reset();
	app(1);
	rate(1, 10, REL, 3);
	rate(1, 11, REL, 4);
	rate(1, 10, NEG, 2);
	rate(1, 10, FIT, 1);
	rate(1, 11, FIT, 2);
	rate(1, 12, FIT, 2);
	c = compute(1);
	assert_non_null(c);
	assert_int_equal(c->cells[REL].count, 2);
	assert_int_equal(c->cells[REL].mean_x100, 350);
	assert_int_equal(c->cells[REL].min, 3);
	assert_int_equal(c->cells[REL].max, 4);
	assert_int_equal(c->cells[REL].spread, 1);
	assert_int_equal(c->cells[NEG].count, 1);
	assert_int_equal(c->cells[NEG].mean_x100, 200);
	assert_int_equal(c->cells[NEG].spread, 0);
	assert_int_equal(c->cells[FIT].count, 3);
	assert_int_equal(c->cells[FIT].mean_x100, 167);      /* 5/3 = 1.666… rounds half up to 1.67 */
	assert_int_equal(c->cells[FIT].spread, 1);
	assert_int_equal(c->cells[STRAT].count, 0);
	assert_int_equal(c->cells[STRAT].mean_x100, 0);
	assert_int_equal(c->nratings, 6);
	assert_int_equal(c->rated_competencies, 3);
	teardown_eval();
}

/* R-EVAL-3: spread ≥ 2 is a disagreement, 1 is not. */
static void test_disagreement_threshold(void **state)
{
	const struct eval_candidate *c;

	(void)state;
	reset();
	app(1);
	rate(1, 10, REL, 3);
	rate(1, 11, REL, 4);     /* spread 1 */
	rate(1, 10, NEG, 2);
	rate(1, 11, NEG, 4);     /* spread 2 */
	rate(1, 10, FIT, 1);
	rate(1, 11, FIT, 4);     /* spread 3 */
	c = compute(1);
	assert_false(c->cells[REL].disagreement);
	assert_int_equal(c->cells[NEG].spread, 2);
	assert_true(c->cells[NEG].disagreement);
	assert_int_equal(c->cells[FIT].spread, 3);
	assert_true(c->cells[FIT].disagreement);
	assert_true(c->disagreement);

	reset();
	app(1);
	rate(1, 10, REL, 2);
	rate(1, 11, REL, 3);
	c = compute(1);
	assert_false(c->disagreement);
	teardown_eval();
}

/* R-EVAL-2: a must-have mean below 2.5 is a knockout; exactly 2.5 is not. */
static void test_knockout_threshold(void **state)
{
	const struct eval_candidate *c;

	(void)state;
	/* mean 2.49: 51 × 2 + 49 × 3 = 249 over 100 ratings */
	reset();
	app(1);
	for (int i = 0; i < 100; i++)
		rate(1, 100 + i, REL, i < 51 ? 2 : 3);
	c = compute(1);
	assert_int_equal(c->cells[REL].mean_x100, 249);
	assert_int_equal(c->cells[REL].must, MUST_KNOCKOUT);
	assert_true(c->knockout);
	assert_int_equal(c->must_knockouts, 1);
	assert_int_equal(c->rank, 0);
	assert_int_equal(fx.e.nranked, 0);

	/* mean 2.50: one 2 and one 3 */
	reset();
	app(1);
	rate(1, 10, REL, 2);
	rate(1, 11, REL, 3);
	c = compute(1);
	assert_int_equal(c->cells[REL].mean_x100, 250);
	assert_int_equal(c->cells[REL].must, MUST_FULFILLED);
	assert_false(c->knockout);
	assert_int_equal(c->must_fulfilled, 1);
	assert_int_equal(c->rank, 1);

	/* the exact mean decides: 499/200 = 2.495 shows as 2.50 but is below 2.5 */
	reset();
	app(1);
	for (int i = 0; i < 200; i++)
		rate(1, 100 + i, REL, i < 101 ? 2 : 3);
	c = compute(1);
	assert_int_equal(c->cells[REL].sum, 499);
	assert_int_equal(c->cells[REL].mean_x100, 250);
	assert_int_equal(c->cells[REL].must, MUST_KNOCKOUT);
	assert_true(c->knockout);

	/* a low mean on a competency that is not a must-have is no knockout */
	reset();
	app(1);
	rate(1, 10, NEG, 1);
	rate(1, 10, REL, 3);
	c = compute(1);
	assert_int_equal(c->cells[NEG].must, MUST_NONE);
	assert_false(c->knockout);
	teardown_eval();
}

/* R-EVAL-2: a must-have nobody rated yet is open — neither knockout nor fulfilled. */
static void test_open_must_haves(void **state)
{
	const struct eval_candidate *c;

	(void)state;
	reset();
	app(1);
	rate(1, 10, REL, 4);
	c = compute(1);
	assert_int_equal(c->cells[REL].must, MUST_FULFILLED);
	assert_int_equal(c->cells[STRAT].must, MUST_OPEN);
	assert_int_equal(c->cells[NEG].must, MUST_NONE);
	assert_int_equal(c->must_open, 1);
	assert_int_equal(c->must_fulfilled, 1);
	assert_int_equal(c->must_knockouts, 0);
	assert_false(c->knockout);
	assert_string_equal(must_status_code(MUST_OPEN), "open");
	assert_string_equal(must_status_code(MUST_KNOCKOUT), "knockout");
	assert_string_equal(must_status_code(MUST_FULFILLED), "fulfilled");
	assert_string_equal(must_status_label(MUST_KNOCKOUT), "Knockout");
	assert_string_equal(must_status_code(MUST_NONE), "");

	/* nothing rated at all: both must-haves open, score 0 */
	reset();
	app(1);
	c = compute(1);
	assert_int_equal(c->must_open, 2);
	assert_false(c->knockout);
	assert_int_equal(c->score_x100, 0);
	assert_int_equal(c->rated_competencies, 0);
	teardown_eval();
}

/* R-EVAL-1: the weighted score worked by hand.
 *   relationship_management (w 3): 3, 4 → 3.5
 *   negotiation (w 2): 2 → 2.0
 *   cultural_fit (w 1): 4, 3, 2 → 3.0
 *   strategic_thinking (w 3): not rated → left out of numerator and denominator
 *   (3·3.5 + 2·2 + 1·3) / (3 + 2 + 1) = 17.5 / 6 = 2.9166… → 2.92 */
static void test_weighted_score_by_hand(void **state)
{
	const struct eval_candidate *c;
	char text[16];

	(void)state;
	reset();
	app(1);
	rate(1, 10, REL, 3);
	rate(1, 11, REL, 4);
	rate(1, 10, NEG, 2);
	rate(1, 10, FIT, 4);
	rate(1, 11, FIT, 3);
	rate(1, 12, FIT, 2);
	c = compute(1);
	assert_int_equal(c->score_x100, 292);
	evaluation_format_hundredths(c->score_x100, '.', text, sizeof text);
	assert_string_equal(text, "2.92");
	evaluation_format_hundredths(c->score_x100, ',', text, sizeof text);
	assert_string_equal(text, "2,92");

	/* REL 3 and NEG 4 → (3·3 + 2·4) / (3 + 2) = 17/5 = 3.40 */
	reset();
	app(1);
	rate(1, 10, REL, 3);
	rate(1, 10, NEG, 4);
	c = compute(1);
	assert_int_equal(c->score_x100, 340);

	/* REL 2 (w 3) and FIT 1, 2, 2, 2 → 1.75 (w 1): (3·2 + 1·1.75) / 4 = 1.9375 → 1.94 */
	reset();
	app(1);
	rate(1, 10, REL, 2);
	rate(1, 10, FIT, 1);
	rate(1, 11, FIT, 2);
	rate(1, 12, FIT, 2);
	rate(1, 13, FIT, 2);
	c = compute(1);
	assert_int_equal(c->score_x100, 194);
	assert_true(c->knockout);   /* REL 2.0 on a must-have */

	/* exactly half-way rounds up: FIT seven 2s and one 3 → 17/8 = 2.125 → 2.13 */
	reset();
	app(1);
	for (int i = 0; i < 8; i++)
		rate(1, 10 + i, FIT, i < 7 ? 2 : 3);
	c = compute(1);
	assert_int_equal(c->cells[FIT].mean_x100, 213);
	assert_int_equal(c->score_x100, 213);

	evaluation_format_hundredths(0, '.', text, sizeof text);
	assert_string_equal(text, "0.00");
	evaluation_format_hundredths(405, ',', text, sizeof text);
	assert_string_equal(text, "4,05");
	teardown_eval();
}

/* R-EVAL-2: knockouts are listed after all ranked candidates, even with the
 * highest score, and never interleaved; ties go to more ratings, then the
 * smaller id. */
static void test_ranking_knockouts_last(void **state)
{
	static const int64_t expected[] = { 104, 106, 103, 107, 101, 105, 102, 108 };

	(void)state;
	reset();
	for (int64_t id = 108; id >= 101; id--)   /* input order must not matter */
		app(id);
	/* 101: score 2.92 (see the worked example) */
	rate(101, 10, REL, 3);
	rate(101, 11, REL, 4);
	rate(101, 10, NEG, 2);
	rate(101, 10, FIT, 4);
	rate(101, 11, FIT, 3);
	rate(101, 12, FIT, 2);
	/* 102: the highest score, (3·2 + 2·4 + 1·4 + 3·4) / 9 = 30/9 → 3.33, but REL 2.0
	 * on a must-have → knockout */
	rate(102, 10, REL, 2);
	rate(102, 10, NEG, 4);
	rate(102, 10, FIT, 4);
	rate(102, 10, STRAT, 4);
	/* 103: 3.00 with 2 ratings */
	rate(103, 10, REL, 3);
	rate(103, 10, NEG, 3);
	/* 104: (3·4 + 2·2 + 1·3) / 6 = 19/6 → 3.17 */
	rate(104, 10, REL, 4);
	rate(104, 10, NEG, 2);
	rate(104, 10, FIT, 3);
	/* 105: nothing rated → score 0, last of the ranked */
	/* 106: 3.00 with 3 ratings → before 103 */
	rate(106, 10, REL, 3);
	rate(106, 10, NEG, 3);
	rate(106, 10, FIT, 3);
	/* 107: like 103, larger id → after 103 */
	rate(107, 10, REL, 3);
	rate(107, 10, NEG, 3);
	/* 108: knockout (STRAT 1) with a lower score, (3·1 + 3·3) / 6 = 2.00 → after 102 */
	rate(108, 10, STRAT, 1);
	rate(108, 10, REL, 3);

	evaluation_compute(&fx.in, &fx.e);
	assert_int_equal(fx.e.ncandidates, 8);
	assert_int_equal(fx.e.nranked, 6);
	for (size_t i = 0; i < 8; i++) {
		assert_int_equal(fx.e.candidates[i].application_id, expected[i]);
		assert_int_equal(fx.e.candidates[i].rank, i < 6 ? (int)i + 1 : 0);
		assert_int_equal(fx.e.candidates[i].knockout, i >= 6);
	}
	assert_int_equal(evaluation_find(&fx.e, 102)->score_x100, 333);
	assert_int_equal(evaluation_find(&fx.e, 104)->score_x100, 317);
	assert_int_equal(evaluation_find(&fx.e, 108)->score_x100, 200);
	assert_int_equal(evaluation_find(&fx.e, 105)->score_x100, 0);
	teardown_eval();
}

/* R-SALES-2, R-EVAL-1: exercises are rows of their own and stay out of the
 * competency score; recommendations are counted; culture fit comes from the
 * latest decision; unknown inputs are ignored and counted. */
static void test_exercises_recommendations_culture_fit(void **state)
{
	const struct eval_candidate *c;

	(void)state;
	reset();
	app(1);
	app(2);
	fx.exercises[0] = "sales.role_play";
	fx.exercises[1] = "sales.case_study";
	fx.in.nexercises = 2;
	rate(1, 10, REL, 3);
	fx.xratings[0] = (struct eval_exercise_rating){ 1, 10, "sales.role_play", 4 };
	fx.xratings[1] = (struct eval_exercise_rating){ 1, 11, "sales.role_play", 2 };
	fx.xratings[2] = (struct eval_exercise_rating){ 1, 10, "sales.negotiation", 3 };   /* appended row */
	fx.xratings[3] = (struct eval_exercise_rating){ 2, 10, "sales.role_play", 1 };
	fx.xratings[4] = (struct eval_exercise_rating){ 1, 10, "sales.closing", 9 };       /* invalid rating */
	fx.xratings[5] = (struct eval_exercise_rating){ 999, 10, "sales.other", 3 };       /* unknown candidate */
	fx.in.nexercise_ratings = 6;
	fx.recs[0] = (struct eval_recommendation){ 1, RECOMMENDATION_YES };
	fx.recs[1] = (struct eval_recommendation){ 1, RECOMMENDATION_STRONG_YES };
	fx.recs[2] = (struct eval_recommendation){ 1, RECOMMENDATION_YES };
	fx.recs[3] = (struct eval_recommendation){ 2, RECOMMENDATION_STRONG_NO };
	fx.recs[4] = (struct eval_recommendation){ 1, RECOMMENDATION_NONE };               /* a draft: not counted */
	fx.in.nrecommendations = 5;
	fx.decisions[0] = (struct eval_decision){ 1, 2 };
	fx.decisions[1] = (struct eval_decision){ 1, 3 };    /* the latest counts */
	fx.in.ndecisions = 2;
	rate(1, 10, FIT, 7);          /* out of range */
	rate(999, 10, REL, 3);        /* unknown candidate */
	fx.ratings[fx.in.nratings++] = (struct eval_rating){ 1, 10, "no_such_competency", 3 };

	c = compute(1);
	assert_int_equal(fx.e.nexercises, 3);
	assert_string_equal(fx.e.exercises[0], "sales.role_play");
	assert_string_equal(fx.e.exercises[1], "sales.case_study");
	assert_string_equal(fx.e.exercises[2], "sales.negotiation");
	assert_int_equal(c->exercise_cells[0].count, 2);
	assert_int_equal(c->exercise_cells[0].mean_x100, 300);
	assert_int_equal(c->exercise_cells[0].spread, 2);
	assert_true(c->exercise_cells[0].disagreement);
	assert_int_equal(c->exercise_cells[0].must, MUST_NONE);
	assert_int_equal(c->exercise_cells[1].count, 0);
	assert_int_equal(c->exercise_cells[2].mean_x100, 300);
	assert_int_equal(c->score_x100, 300);                /* only REL 3; exercises stay out */
	assert_int_equal(c->recommendations[RECOMMENDATION_YES], 2);
	assert_int_equal(c->recommendations[RECOMMENDATION_STRONG_YES], 1);
	assert_int_equal(c->recommendations[RECOMMENDATION_NONE], 0);
	assert_int_equal(c->culture_fit, 3);
	assert_int_equal(c->nratings, 1);
	assert_int_equal(fx.e.ignored_ratings, 5);           /* 3 ratings + 2 exercise ratings */

	c = evaluation_find(&fx.e, 2);
	assert_int_equal(c->exercise_cells[0].mean_x100, 100);
	assert_int_equal(c->recommendations[RECOMMENDATION_STRONG_NO], 1);
	assert_int_equal(c->culture_fit, 0);
	assert_null(evaluation_find(&fx.e, 999));
	teardown_eval();
}

static void test_empty_input(void **state)
{
	struct eval_input in;
	struct evaluation e;

	(void)state;
	memset(&in, 0, sizeof in);
	evaluation_compute(&in, &e);
	assert_int_equal(e.ncandidates, 0);
	assert_int_equal(e.nranked, 0);
	assert_null(evaluation_find(&e, 1));
	evaluation_free(&e);
	evaluation_free(&e);   /* safe to repeat */
	evaluation_free(NULL);

	/* duplicate application ids are compared once */
	reset();
	app(5);
	app(5);
	rate(5, 10, REL, 4);
	assert_non_null(compute(5));
	assert_int_equal(fx.e.ncandidates, 1);
	assert_int_equal(evaluation_find(&fx.e, 5)->nratings, 1);
	teardown_eval();
}

/* R-EVAL-4, R-GUARD-5: a decision needs hire/reject, culture fit 1–4 and a rationale of ≥ 20 characters. */
static void test_decision_check(void **state)
{
	struct field_problem p[4];
	enum decision_kind d;
	char long_text[DECISION_RATIONALE_MAX_BYTES + 2];

	(void)state;
	assert_int_equal(decision_check("hire", 3, "Strong references and a convincing case study.", p, 4), 0);
	assert_int_equal(decision_check("reject", 1, "Knockout on relationship management.", p, 4), 0);

	/* R-GUARD-5: no culture fit → blocked with the clear message */
	assert_int_equal(decision_check("hire", 0, "Strong references and a convincing case study.", p, 4), 1);
	assert_string_equal(p[0].field, "culture_fit");
	assert_string_equal(p[0].message, "A decision needs a culture-fit rating from 1 to 4.");
	assert_int_equal(decision_check("hire", 5, "Strong references and a convincing case study.", p, 4), 1);
	assert_string_equal(p[0].field, "culture_fit");

	/* everything wrong at once, in field order */
	assert_int_equal(decision_check("maybe", -1, "", p, 4), 3);
	assert_string_equal(p[0].field, "decision");
	assert_string_equal(p[1].field, "culture_fit");
	assert_string_equal(p[2].field, "rationale");
	assert_string_equal(p[2].message, "A decision needs a written rationale.");
	assert_int_equal(decision_check(NULL, 2, NULL, p, 4), 2);
	assert_string_equal(p[0].field, "decision");
	assert_string_equal(p[1].field, "rationale");
	assert_int_equal(decision_check("maybe", -1, "", p, 1), 1);   /* max respected */

	/* at least 20 characters, blanks around do not count, characters not bytes */
	assert_int_equal(decision_check("hire", 3, "Good fit overall.", p, 4), 1);
	assert_string_equal(p[0].field, "rationale");
	assert_string_equal(p[0].message, "The rationale needs at least 20 characters.");
	assert_int_equal(decision_check("hire", 3, "   \n 1234567890123456789 \t ", p, 4), 1);   /* 19 */
	assert_int_equal(decision_check("hire", 3, "   \n 12345678901234567890 \t ", p, 4), 0);  /* 20 */
	/* 19 umlauts are 38 bytes but still too short; 20 are enough */
	assert_int_equal(decision_check("hire", 3, "äöüÄÖÜßäöüÄÖÜßäöüÄÖ", p, 4), 1);
	assert_int_equal(decision_check("hire", 3, "äöüÄÖÜßäöüÄÖÜßäöüÄÖÜ", p, 4), 0);
	assert_int_equal(decision_check("reject", 2, "Gehaltsvorstellung unrealistisch — 🙂 ok", p, 4), 0);

	/* valid UTF-8 only */
	assert_int_equal(decision_check("hire", 3, "Good candidate overall \xff\xfe really", p, 4), 1);
	assert_string_equal(p[0].message, "The rationale is not valid UTF-8 text.");
	assert_int_equal(decision_check("hire", 3, "overlong slash \xc0\xaf in the rationale", p, 4), 1);
	assert_int_equal(decision_check("hire", 3, "a surrogate \xed\xa0\x80 in the rationale", p, 4), 1);
	assert_int_equal(decision_check("hire", 3, "above U+10FFFF \xf4\x90\x80\x80 in the text", p, 4), 1);
	assert_int_equal(decision_check("hire", 3, "truncated sequence at the end \xe2\x82", p, 4), 1);
	assert_string_equal(p[0].message, "The rationale is not valid UTF-8 text.");

	/* at most 4000 bytes */
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	assert_int_equal(decision_check("hire", 3, long_text, p, 4), 1);
	assert_string_equal(p[0].field, "rationale");
	long_text[DECISION_RATIONALE_MAX_BYTES] = '\0';
	assert_int_equal(decision_check("hire", 3, long_text, p, 4), 0);

	assert_true(decision_kind_parse("hire", &d));
	assert_int_equal(d, DECISION_HIRE);
	assert_true(decision_kind_parse("reject", &d));
	assert_int_equal(d, DECISION_REJECT);
	assert_false(decision_kind_parse("Hire", &d));
	assert_false(decision_kind_parse("", &d));
	assert_string_equal(decision_kind_code(DECISION_REJECT), "reject");
	assert_string_equal(decision_kind_label(DECISION_HIRE), "Hire");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weights_from_tiers),
		cmocka_unit_test(test_means_and_spread),
		cmocka_unit_test(test_disagreement_threshold),
		cmocka_unit_test(test_knockout_threshold),
		cmocka_unit_test(test_open_must_haves),
		cmocka_unit_test(test_weighted_score_by_hand),
		cmocka_unit_test(test_ranking_knockouts_last),
		cmocka_unit_test(test_exercises_recommendations_culture_fit),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_decision_check),
	};
	return cmocka_run_group_tests_name("evaluation", tests, NULL, NULL);
}
