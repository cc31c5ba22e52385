/*
 * test_demo_interviews.c — the interviews of `stellwerk demo`
 * (src/cli/demo_interviews.c): demo_fill runs once into a fresh temporary
 * database at a fixed time, as `stellwerk demo` does, and the tests check
 * what issue 6 asks the demo to show — the key account manager plan with
 * three rounds, interviewers, focus and kits of real bank questions and
 * exercises; kit versions 1 and 2 both in use; a dozen and more submitted
 * scorecards with candidate questions (one set superficial) and one draft;
 * and an evaluation, computed by core from the stored data, with a clear
 * front-runner, exactly one knockout and a disagreement — and the hire and
 * reject decisions with culture fit.
 *
 * Spec references: R-INT-2 (rounds), R-INT-3 (kit versions), R-INT-4
 * (interviewers and focus), R-INT-5 (scorecards, drafts visible only to
 * their author), R-INT-6 (candidate questions), R-SALES-2 (exercises in
 * rounds and their ratings), R-EVAL-1..3 (weights, knockouts, spread),
 * R-EVAL-4 (decisions).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/demo_data.h"
#include "store/applications.h"
#include "store/decisions.h"
#include "store/interview_plans.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/scorecards.h"
#include "store/store.h"
#include "store/users.h"
#include "core/evaluation.h"
#include "core/role_template.h"
#include "util/embedded.h"

#include "store_fixture.h"

#define NOW 1795737600 /* 2026-11-27T00:00:00Z, a Friday */

#define KAM_TITLE "Key Account Manager Industriekunden"

struct fixture {
	char dir[64];
	struct store *s;
	int64_t kam;
	struct application_card *board;
	size_t n;
	struct interview_round *rounds;
	size_t nrounds;
};

static int64_t position_id(struct store *s, const char *title)
{
	struct position_summary *list = NULL;
	size_t n = 0;
	int64_t id = 0;

	assert_int_equal(store_position_list(s, -1, 0, &list, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].p.title, title) == 0)
			id = list[i].p.id;
	free(list);
	assert_true(id > 0);
	return id;
}

/* A fresh database filled by demo_fill in one transaction, the board and
 * the interview plan of the key account manager position. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-demo-int");
	if (store_begin(f->s) != STORE_OK)
		return -1;
	if (!demo_fill(f->s, TEST_PASSWORD_HASH, NOW)) {
		store_rollback(f->s);
		fprintf(stderr, "demo_fill failed\n");
		return -1;
	}
	if (store_commit(f->s) != STORE_OK)
		return -1;
	f->kam = position_id(f->s, KAM_TITLE);
	if (store_application_board(f->s, f->kam, &f->board, &f->n) != STORE_OK)
		return -1;
	return store_interview_plan_get(f->s, f->kam, &f->rounds, &f->nrounds) == STORE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f) {
		free(f->board);
		free(f->rounds);
		temp_store_close(f->s, f->dir);
		free(f);
	}
	return 0;
}

static int64_t application_of(const struct fixture *f, const char *first, const char *last)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->board[i].first_name, first) == 0 && strcmp(f->board[i].last_name, last) == 0)
			return f->board[i].a.id;
	fail_msg("%s %s is not on the key account manager board", first, last);
	return 0;
}

static int64_t user_id(const struct fixture *f, const char *login)
{
	struct user u;
	assert_int_equal(store_user_by_name(f->s, login, &u), STORE_OK);
	return u.id;
}

/* Whether "<key>" (quoted) occurs in the embedded data file path. */
static bool data_file_has_key(const char *path, const char *key)
{
	const struct embedded_file *file = embedded_find(path);
	char quoted[80];

	assert_non_null(file);
	snprintf(quoted, sizeof quoted, "\"%s\"", key);
	return strstr((const char *)file->data, quoted) != NULL;
}

/* Each "…" string of the JSON array named name in kit (flat, no escapes),
 * checked against data file path; returns how many there are. */
static size_t kit_keys_known(const char *kit, const char *name, const char *path)
{
	char head[32];
	size_t n = 0;

	snprintf(head, sizeof head, "\"%s\":[", name);
	const char *p = strstr(kit, head);
	assert_non_null(p);
	p += strlen(head);
	while (*p == '"') {
		const char *end = strchr(p + 1, '"');
		char key[64];
		assert_non_null(end);
		snprintf(key, sizeof key, "%.*s", (int)(end - p - 1), p + 1);
		if (!data_file_has_key(path, key))
			fail_msg("kit key %s is not in %s", key, path);
		n++;
		p = end + 1;
		if (*p == ',')
			p++;
	}
	assert_int_equal(*p, ']');
	return n;
}

/* R-INT-2, R-INT-4, R-SALES-2: three rounds in the default stages, each
 * with interviewers and focus; kits of 4–6 questions from the built-in
 * bank, the seed's questions in rounds 1 and 2, role play and negotiation
 * in round 2, the case study in round 3. */
static void plan_has_three_rounds_with_kits(void **state)
{
	struct fixture *f = *state;
	static const char *const stages[] = { "first_interview", "deep_interview", "final_interview" };

	assert_int_equal(f->nrounds, 3);
	for (size_t i = 0; i < 3; i++) {
		const struct interview_round *r = &f->rounds[i];
		assert_int_equal(r->ord, (int)i + 1);
		assert_string_equal(r->name, DEFAULT_ROUNDS[i].name);
		assert_string_equal(r->stage, stages[i]);
		assert_true(r->ninterviewers >= 2);
		size_t nq = kit_keys_known(r->kit_json, "questions", "data/questions/kam.json");
		assert_true(nq >= 4 && nq <= 6);
		kit_keys_known(r->kit_json, "exercises", "data/exercises/sales.json");
	}
	assert_non_null(strstr(f->rounds[0].kit_json, "\"kam.rel.01\""));   /* the seed's questions */
	assert_non_null(strstr(f->rounds[1].kit_json, "\"kam.prs.01\""));
	assert_non_null(strstr(f->rounds[1].kit_json, "\"sales.role_play\""));
	assert_non_null(strstr(f->rounds[1].kit_json, "\"sales.negotiation\""));
	assert_non_null(strstr(f->rounds[2].kit_json, "\"sales.case_study\""));

	/* the stakeholders' focus: Head of Engineering and CFO in round 2 */
	const struct interview_round *deep = &f->rounds[1];
	int64_t hoffmann = user_id(f, "hoffmann"), schulz = user_id(f, "schulz");
	bool engineering = false, cfo = false;
	for (size_t k = 0; k < deep->ninterviewers; k++) {
		if (deep->interviewers[k].user_id == hoffmann)
			engineering = strstr(deep->interviewers[k].focus, "industry_knowledge") != NULL;
		if (deep->interviewers[k].user_id == schulz)
			cfo = strstr(deep->interviewers[k].focus, "salary_realism") != NULL;
	}
	assert_true(engineering && cfo);
}

/* R-INT-3: round 1's kit changed after two candidates, so version 1 was
 * used twice and version 2 for everybody after; the first candidate shows
 * v1, a later one v2. */
static void kit_versions_one_and_two_in_use(void **state)
{
	struct fixture *f = *state;
	struct kit_version *versions = NULL;
	size_t n = 0;

	assert_int_equal(store_kit_versions_list(f->s, f->rounds[0].id, &versions, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(versions[0].version, 1);
	assert_int_equal(versions[0].uses, 2);
	assert_int_equal(versions[1].version, 2);
	assert_true(versions[1].uses >= 4);
	assert_string_not_equal(versions[0].kit_json, versions[1].kit_json);
	assert_true(versions[0].created_at < versions[1].created_at);
	free(versions);
	assert_false(f->rounds[0].kit_changed);
	assert_int_equal(f->rounds[0].kit_version, 2);

	static const struct { const char *first, *last; int version; } who[] = {
		{ "Henrik", "Jansen", 1 }, { "Martin", "Schulte", 1 }, { "Eva", "Zimmermann", 2 }, { "Christian", "Beck", 2 },
	};
	for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
		struct interview *iv = NULL;
		size_t ni = 0;
		assert_int_equal(store_interviews_for_application(f->s, application_of(f, who[i].first, who[i].last),
								  &iv, &ni), STORE_OK);
		assert_true(ni >= 1);
		assert_int_equal(iv[0].round_ord, 1);
		assert_int_equal(iv[0].kit_version, who[i].version);
		free(iv);
	}
}

/* R-INT-5, R-INT-6, R-SALES-2: at least twelve submitted scorecards over at
 * least six candidates, with exercise ratings and one set of superficial
 * candidate questions. */
static void submitted_scorecards(void **state)
{
	struct fixture *f = *state;
	struct position_scorecards ps;
	size_t candidates = 0, superficial = 0;

	memset(&ps, 0, sizeof ps);
	assert_int_equal(store_scorecards_submitted_for_position(f->s, f->kam, &ps), STORE_OK);
	assert_true(ps.nrecommendations >= 12);
	for (size_t i = 0; i < ps.nrecommendations; i++) {
		const struct submitted_recommendation *r = &ps.recommendations[i];
		assert_true(scorecard_recommendation_valid(r->recommendation));
		if (i == 0 || r->application_id != ps.recommendations[i - 1].application_id)
			candidates++;
		if (strcmp(r->candidate_questions_quality, "superficial") == 0)
			superficial++;
	}
	assert_true(candidates >= 6);
	assert_int_equal(superficial, 1);
	assert_true(ps.nexercises >= 8);
	for (size_t i = 0; i < ps.nratings; i++)
		assert_true(ps.ratings[i].rating >= 1 && ps.ratings[i].rating <= 4);
	position_scorecards_free(&ps);
}

/* R-INT-5: Lena Hoffmann's scorecard of Laura Fischer's second round is a
 * draft: open in her "My interviews", invisible even to the hiring manager. */
static void one_draft_is_open(void **state)
{
	struct fixture *f = *state;
	struct my_interview *mine = NULL;
	size_t n = 0;
	int64_t fischer = application_of(f, "Laura", "Fischer"), draft = 0;

	assert_int_equal(store_interviews_for_user(f->s, user_id(f, "hoffmann"), &mine, &n), STORE_OK);
	assert_true(n >= 4);
	assert_int_equal(mine[0].my_status, SCORECARD_DRAFT);   /* open ones first */
	assert_int_equal(mine[0].application_id, fischer);
	draft = mine[0].scorecard_id;
	for (size_t i = 1; i < n; i++)
		assert_int_equal(mine[i].my_status, SCORECARD_SUBMITTED);
	free(mine);

	struct scorecard sc;
	memset(&sc, 0, sizeof sc);
	assert_int_equal(store_scorecard_get_visible(f->s, user_id(f, "brandt"), true, draft, &sc), STORE_NOT_FOUND);
	assert_int_equal(store_scorecard_get_visible(f->s, user_id(f, "hoffmann"), false, draft, &sc), STORE_OK);
	assert_true(sc.nratings >= 1);
	assert_string_equal(sc.recommendation, "");
	scorecard_free(&sc);
}

/* The competency rows: the KAM template's competencies and salary_realism,
 * weighted by the approved profile (R-EVAL-1). */
static size_t competencies(const struct fixture *f, struct role_template *t, struct eval_competency *out, size_t max)
{
	const struct embedded_file *file = embedded_find(TEMPLATE_DATA_DIR "kam.json");
	const char *keys[32];
	int weights[32];
	bool must[32];
	struct position p;
	struct profile prof;
	int64_t approved_at = 0, approved_by = 0;
	char err[256];

	assert_non_null(file);
	assert_true(role_template_parse((const char *)file->data, file->len, t, err, sizeof err));
	assert_true(t->ncompetencies + 1 <= max && max <= 32);
	size_t n = 0;
	for (size_t i = 0; i < t->ncompetencies; i++)
		keys[n++] = t->competencies[i].key;
	keys[n++] = "salary_realism";
	assert_int_equal(store_position_get(f->s, f->kam, &p), STORE_OK);
	assert_true(p.approved_version > 0);
	memset(&prof, 0, sizeof prof);
	assert_int_equal(store_profile_version_load(f->s, f->kam, p.approved_version, &prof, &approved_at,
						    &approved_by), STORE_OK);
	evaluation_weights(prof.requirements, prof.nrequirements, keys, n, weights, must);
	profile_free(&prof);
	for (size_t i = 0; i < n; i++)
		out[i] = (struct eval_competency){ keys[i], weights[i], must[i] };
	return n;
}

/* R-EVAL-1..4: the matrix computed by core from the stored scorecards and
 * decisions: Henrik Jansen ranks first with a clear lead and a strong yes
 * majority; Laura Fischer is the only knockout (relationship management, a
 * must-have) although her score would place her second; Eva Zimmermann's
 * negotiation has a spread of 2; Jansen's culture fit comes from the hire
 * decision. */
static void evaluation_tells_the_story(void **state)
{
	struct fixture *f = *state;
	struct role_template t;
	struct eval_competency comps[32];
	struct position_scorecards ps;
	struct decision_record *decisions = NULL;
	size_t ndecisions = 0;
	struct evaluation e;

	memset(&t, 0, sizeof t);
	memset(&ps, 0, sizeof ps);
	size_t ncomp = competencies(f, &t, comps, 32);
	assert_int_equal(store_scorecards_submitted_for_position(f->s, f->kam, &ps), STORE_OK);
	assert_int_equal(store_decisions_latest_for_position(f->s, f->kam, &decisions, &ndecisions), STORE_OK);

	int64_t *apps = calloc(f->n, sizeof *apps);
	struct eval_rating *ratings = calloc(ps.nratings + 1, sizeof *ratings);
	struct eval_exercise_rating *exercises = calloc(ps.nexercises + 1, sizeof *exercises);
	struct eval_recommendation *recs = calloc(ps.nrecommendations + 1, sizeof *recs);
	struct eval_decision *decs = calloc(ndecisions + 1, sizeof *decs);
	assert_true(apps && ratings && exercises && recs && decs);
	for (size_t i = 0; i < f->n; i++)
		apps[i] = f->board[i].a.id;
	for (size_t i = 0; i < ps.nratings; i++)
		ratings[i] = (struct eval_rating){ ps.ratings[i].application_id, ps.ratings[i].user_id,
						   ps.ratings[i].competency, ps.ratings[i].rating };
	for (size_t i = 0; i < ps.nexercises; i++)
		exercises[i] = (struct eval_exercise_rating){ ps.exercises[i].application_id, ps.exercises[i].user_id,
							      ps.exercises[i].competency, ps.exercises[i].rating };
	for (size_t i = 0; i < ps.nrecommendations; i++) {
		recs[i].application_id = ps.recommendations[i].application_id;
		assert_true(recommendation_parse(ps.recommendations[i].recommendation, &recs[i].recommendation));
	}
	for (size_t i = 0; i < ndecisions; i++)
		decs[i] = (struct eval_decision){ decisions[i].application_id, decisions[i].culture_fit };

	struct eval_input in = {
		.applications = apps, .napplications = f->n,
		.competencies = comps, .ncompetencies = ncomp,
		.ratings = ratings, .nratings = ps.nratings,
		.exercise_ratings = exercises, .nexercise_ratings = ps.nexercises,
		.recommendations = recs, .nrecommendations = ps.nrecommendations,
		.decisions = decs, .ndecisions = ndecisions,
	};
	evaluation_compute(&in, &e);
	assert_int_equal(e.ignored_ratings, 0);   /* every rated key is a competency of the position */

	int64_t jansen = application_of(f, "Henrik", "Jansen"), fischer = application_of(f, "Laura", "Fischer");
	int64_t zimmermann = application_of(f, "Eva", "Zimmermann");
	size_t knockouts = 0, rated = 0;
	for (size_t i = 0; i < e.ncandidates; i++) {
		const struct eval_candidate *c = &e.candidates[i];
		if (c->knockout)
			knockouts++;
		if (c->rated_competencies > 0)
			rated++;
	}
	assert_int_equal(knockouts, 1);
	assert_true(rated >= 6);

	const struct eval_candidate *first = &e.candidates[0], *second = &e.candidates[1];
	assert_int_equal(first->application_id, jansen);
	assert_int_equal(first->rank, 1);
	assert_true(first->score_x100 - second->score_x100 >= 40);   /* a clear lead */
	assert_int_equal(first->must_fulfilled, 2);
	assert_int_equal(first->culture_fit, 4);
	assert_true(first->recommendations[RECOMMENDATION_STRONG_YES] >= 4);

	const struct eval_candidate *ko = evaluation_find(&e, fischer);
	assert_non_null(ko);
	assert_true(ko->knockout);
	assert_int_equal(ko->rank, 0);
	assert_true(ko->score_x100 > second->score_x100);   /* a strong scorer, kept apart */

	const struct eval_candidate *z = evaluation_find(&e, zimmermann);
	assert_non_null(z);
	assert_true(z->disagreement);
	bool negotiation_spread = false;
	for (size_t k = 0; k < ncomp; k++)
		if (strcmp(comps[k].key, "negotiation") == 0)
			negotiation_spread = z->cells[k].spread >= EVAL_DISAGREEMENT_SPREAD;
	assert_true(negotiation_spread);

	evaluation_free(&e);
	free(apps);
	free(ratings);
	free(exercises);
	free(recs);
	free(decs);
	free(decisions);
	position_scorecards_free(&ps);
	role_template_free(&t);
}

/* R-EVAL-4: the offer candidate has a hire decision by the hiring manager
 * with culture fit 4 and a written rationale, on the timeline; a rejected
 * candidate has a reject decision with its rationale. */
static void decisions_with_culture_fit(void **state)
{
	struct fixture *f = *state;
	struct decision_record *d = NULL;
	size_t n = 0;
	int64_t jansen = application_of(f, "Henrik", "Jansen"), wolf = application_of(f, "Claudia", "Wolf");

	assert_int_equal(store_decisions_for_application(f->s, jansen, &d, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].decision, "hire");
	assert_int_equal(d[0].culture_fit, 4);
	assert_string_equal(d[0].decided_by_name, "Thomas Brandt");
	assert_true(strlen(d[0].rationale) >= 20);
	assert_true(d[0].decided_at < NOW);
	free(d);

	assert_int_equal(store_decisions_for_application(f->s, wolf, &d, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].decision, "reject");
	assert_true(d[0].culture_fit >= 1 && d[0].culture_fit <= 4);
	assert_non_null(strstr(d[0].rationale, "Gehalt"));
	free(d);

	struct application_event *ev = NULL;
	bool on_timeline = false;
	assert_int_equal(store_application_events(f->s, 0, jansen, 0, &ev, &n), STORE_OK);
	for (size_t i = 0; i < n; i++)
		if (ev[i].kind == EVENT_DECISION)
			on_timeline = strcmp(ev[i].to_stage, "hire") == 0;
	free(ev);
	assert_true(on_timeline);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plan_has_three_rounds_with_kits),
		cmocka_unit_test(kit_versions_one_and_two_in_use),
		cmocka_unit_test(submitted_scorecards),
		cmocka_unit_test(one_draft_is_open),
		cmocka_unit_test(evaluation_tells_the_story),
		cmocka_unit_test(decisions_with_culture_fit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
