/*
 * evaluation_ops.c — gathering a position's evaluation from the store
 * (profile, role template, submitted scorecards, decisions) and computing
 * it with core/evaluation.h; see evaluation_ops.h.
 */
#include "web/evaluation_ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/evaluation.h"
#include "core/role_template.h"
#include "store/applications.h"
#include "store/decisions.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/scorecards.h"
#include "util/str.h"
#include "web/bank_source.h"
#include "web/template_source.h"

/* The profile the weights come from: the newest approved version, else the
 * draft. *version receives the version number (0 for the draft). */
static enum store_rc load_weight_profile(struct request *r, const struct position *p, struct profile *prof,
					 int *version)
{
	*version = 0;
	if (p->approved_version > 0) {
		enum store_rc rc = store_profile_version_load(r->store, p->id, p->approved_version, prof, NULL, NULL);
		if (rc == STORE_OK) {
			*version = p->approved_version;
			return STORE_OK;
		}
		if (rc != STORE_NOT_FOUND)
			return rc;
	}
	return store_profile_load(r->store, p->id, prof);
}

/* Appends key (copied into the arena) with its name when not yet listed. */
static void add_competency(struct request *r, struct position_evaluation *e, size_t cap, const char *key,
			   const char *name)
{
	if (position_evaluation_competency_index(e, key) >= 0 || e->ncompetencies >= cap)
		return;
	e->competencies[e->ncompetencies].key = arena_strdup(&r->arena, key);
	e->competency_names[e->ncompetencies] = arena_strdup(&r->arena, name ? name : key);
	e->ncompetencies++;
}

/* The competency rows: template order, salary_realism, then keys rated
 * without being in the template. */
static void collect_competencies(struct request *r, const struct position *p, const struct position_scorecards *ps,
				 struct position_evaluation *e)
{
	struct role_template t;
	bool have_template = p->template_key[0] && template_load(r, p->template_key, &t);
	size_t cap = (have_template ? t.ncompetencies : 0) + 1 + ps->nratings;
	e->competencies = arena_alloc(&r->arena, (cap + 1) * sizeof *e->competencies);
	e->competency_names = arena_alloc(&r->arena, (cap + 1) * sizeof *e->competency_names);
	if (have_template) {
		int lang = template_lang(r);
		for (size_t i = 0; i < t.ncompetencies; i++)
			add_competency(r, e, cap, t.competencies[i].key, t.competencies[i].name[lang]);
		role_template_free(&t);
	}
	add_competency(r, e, cap, COMPETENCY_SALARY_REALISM, _(salary_realism_label()));
	for (size_t i = 0; i < ps->nratings; i++)
		add_competency(r, e, cap, ps->ratings[i].competency, NULL);
}

/* Weight and must flag of every competency row from the profile. */
static void apply_weights(struct request *r, const struct profile *prof, struct position_evaluation *e)
{
	const char **keys = arena_alloc(&r->arena, (e->ncompetencies + 1) * sizeof *keys);
	int *weights = arena_alloc(&r->arena, (e->ncompetencies + 1) * sizeof *weights);
	bool *must = arena_alloc(&r->arena, (e->ncompetencies + 1) * sizeof *must);
	for (size_t i = 0; i < e->ncompetencies; i++)
		keys[i] = e->competencies[i].key;
	evaluation_weights(prof->requirements, prof->nrequirements, keys, e->ncompetencies, weights, must);
	for (size_t i = 0; i < e->ncompetencies; i++) {
		e->competencies[i].weight = weights[i] > 0 ? weights[i] : EVAL_WEIGHT_UNLINKED;
		e->competencies[i].must = must[i];
	}
}

static struct eval_applicant *applicant_mut(struct position_evaluation *e, int64_t application_id)
{
	return (struct eval_applicant *)position_evaluation_applicant(e, application_id);
}

/* The evaluated applications: those with a submitted scorecard or a
 * decision, in application id order, named from the board's cards. */
static void collect_applicants(struct request *r, const struct application_card *cards, size_t ncards,
			       const struct position_scorecards *ps, const struct decision_record *dec, size_t ndec,
			       struct position_evaluation *e)
{
	e->applicants = arena_alloc(&r->arena, (ncards + 1) * sizeof *e->applicants);
	e->napplications = ncards;
	for (size_t i = 0; i < ncards; i++) {
		int64_t id = cards[i].a.id;
		int nsc = 0;
		bool decided = false;
		for (size_t k = 0; k < ps->nrecommendations; k++)
			nsc += ps->recommendations[k].application_id == id;
		for (size_t k = 0; k < ndec; k++)
			decided |= dec[k].application_id == id;
		if (nsc == 0 && !decided)
			continue;
		struct eval_applicant *a = &e->applicants[e->napplicants++];
		a->application_id = id;
		a->candidate_id = cards[i].a.candidate_id;
		a->name = cards[i].first_name[0]
			? arena_printf(&r->arena, "%s %s", cards[i].first_name, cards[i].last_name)
			: arena_strdup(&r->arena, cards[i].last_name);
		a->stage = arena_strdup(&r->arena, cards[i].a.stage);
		a->nscorecards = nsc;
		a->decision = "";
		a->decided_by = "";
	}
	/* sort by application id (the board orders by stage) */
	for (size_t i = 1; i < e->napplicants; i++)
		for (size_t j = i; j > 0 && e->applicants[j - 1].application_id > e->applicants[j].application_id; j--) {
			struct eval_applicant tmp = e->applicants[j];
			e->applicants[j] = e->applicants[j - 1];
			e->applicants[j - 1] = tmp;
		}
	for (size_t k = 0; k < ndec; k++) {
		struct eval_applicant *a = applicant_mut(e, dec[k].application_id);
		if (!a)
			continue;
		a->has_decision = true;
		a->decision = arena_strdup(&r->arena, dec[k].decision);
		a->decision_culture_fit = dec[k].culture_fit;
		a->decided_by = arena_strdup(&r->arena, dec[k].decided_by_name);
		a->decided_at = dec[k].decided_at;
	}
}

/* Copies the submitted ratings and scorecards into the arena. */
static void copy_submitted(struct request *r, const struct position_scorecards *ps, struct position_evaluation *e)
{
	e->individual = arena_alloc(&r->arena, (ps->nratings + ps->nexercises + 1) * sizeof *e->individual);
	for (size_t pass = 0; pass < 2; pass++) {
		const struct submitted_rating *src = pass ? ps->exercises : ps->ratings;
		size_t n = pass ? ps->nexercises : ps->nratings;
		for (size_t i = 0; i < n; i++) {
			if (!position_evaluation_applicant(e, src[i].application_id))
				continue;
			struct eval_individual *d = &e->individual[e->nindividual++];
			d->application_id = src[i].application_id;
			d->scorecard_id = src[i].scorecard_id;
			d->user_id = src[i].user_id;
			d->interviewer = arena_strdup(&r->arena, src[i].interviewer);
			d->key = arena_strdup(&r->arena, src[i].competency);
			d->exercise = pass == 1;
			d->rating = src[i].rating;
		}
	}
	e->scorecards = arena_alloc(&r->arena, (ps->nrecommendations + 1) * sizeof *e->scorecards);
	for (size_t i = 0; i < ps->nrecommendations; i++) {
		const struct submitted_recommendation *s = &ps->recommendations[i];
		if (!position_evaluation_applicant(e, s->application_id))
			continue;
		struct eval_scorecard *d = &e->scorecards[e->nscorecards++];
		d->application_id = s->application_id;
		d->scorecard_id = s->scorecard_id;
		d->user_id = s->user_id;
		d->interviewer = arena_strdup(&r->arena, s->interviewer);
		d->round_ord = s->round_ord;
		d->round_name = arena_strdup(&r->arena, s->round_name);
		if (!recommendation_parse(s->recommendation, &d->recommendation))
			d->recommendation = RECOMMENDATION_NONE;
		d->questions_quality = arena_strdup(&r->arena, s->candidate_questions_quality);
		d->submitted_at = s->submitted_at;
	}
}

/* Names of the exercise rows from the built-in library (the key when unknown). */
static void name_exercises(struct request *r, struct position_evaluation *e)
{
	const struct exercise_library *lib = bank_builtin_exercises();
	int lang = template_lang(r);
	e->exercise_names = arena_alloc(&r->arena, (e->result.nexercises + 1) * sizeof *e->exercise_names);
	for (size_t i = 0; i < e->result.nexercises; i++) {
		const struct exercise *x = lib ? exercise_library_find(lib, e->result.exercises[i]) : NULL;
		e->exercise_names[i] = x ? x->name[lang] : e->result.exercises[i];
	}
}

/* Builds the core input from what was collected and computes. */
static void compute(struct request *r, const struct decision_record *dec, size_t ndec, struct position_evaluation *e)
{
	struct eval_input in = { 0 };
	int64_t *apps = arena_alloc(&r->arena, (e->napplicants + 1) * sizeof *apps);
	for (size_t i = 0; i < e->napplicants; i++)
		apps[i] = e->applicants[i].application_id;
	struct eval_rating *ratings = arena_alloc(&r->arena, (e->nindividual + 1) * sizeof *ratings);
	struct eval_exercise_rating *xr = arena_alloc(&r->arena, (e->nindividual + 1) * sizeof *xr);
	size_t nratings = 0, nxr = 0;
	for (size_t i = 0; i < e->nindividual; i++) {
		const struct eval_individual *d = &e->individual[i];
		if (d->exercise)
			xr[nxr++] = (struct eval_exercise_rating){ d->application_id, d->user_id, d->key, d->rating };
		else
			ratings[nratings++] = (struct eval_rating){ d->application_id, d->user_id, d->key, d->rating };
	}
	struct eval_recommendation *recs = arena_alloc(&r->arena, (e->nscorecards + 1) * sizeof *recs);
	for (size_t i = 0; i < e->nscorecards; i++)
		recs[i] = (struct eval_recommendation){ e->scorecards[i].application_id, e->scorecards[i].recommendation };
	struct eval_decision *decs = arena_alloc(&r->arena, (ndec + 1) * sizeof *decs);
	for (size_t i = 0; i < ndec; i++)
		decs[i] = (struct eval_decision){ dec[i].application_id, dec[i].culture_fit };

	in.applications = apps;
	in.napplications = e->napplicants;
	in.competencies = e->competencies;
	in.ncompetencies = e->ncompetencies;
	in.ratings = ratings;
	in.nratings = nratings;
	in.exercise_ratings = xr;
	in.nexercise_ratings = nxr;
	in.recommendations = recs;
	in.nrecommendations = e->nscorecards;
	in.decisions = decs;
	in.ndecisions = ndec;
	evaluation_compute(&in, &e->result);
}

enum store_rc position_evaluation_load(struct request *r, int64_t position_id, struct position_evaluation *out)
{
	memset(out, 0, sizeof *out);
	out->position_id = position_id;

	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct profile prof = { 0 };
	struct position_scorecards ps = { 0 };
	struct application_card *cards = NULL;
	size_t ncards = 0;
	struct decision_record *dec = NULL;
	size_t ndec = 0;

	enum store_rc rc = store_position_get(r->store, position_id, p);
	if (rc != STORE_OK)
		return rc;
	if ((rc = load_weight_profile(r, p, &prof, &out->profile_version)) != STORE_OK)
		goto cleanup;
	if ((rc = store_scorecards_submitted_for_position(r->store, position_id, &ps)) != STORE_OK)
		goto cleanup;
	if ((rc = store_application_board(r->store, position_id, &cards, &ncards)) != STORE_OK)
		goto cleanup;
	if ((rc = store_decisions_latest_for_position(r->store, position_id, &dec, &ndec)) != STORE_OK)
		goto cleanup;

	collect_competencies(r, p, &ps, out);
	apply_weights(r, &prof, out);
	collect_applicants(r, cards, ncards, &ps, dec, ndec, out);
	copy_submitted(r, &ps, out);
	compute(r, dec, ndec, out);
	name_exercises(r, out);

cleanup:
	profile_free(&prof);
	position_scorecards_free(&ps);
	free(cards);
	free(dec);
	return rc;
}

void position_evaluation_free(struct position_evaluation *e)
{
	if (e)
		evaluation_free(&e->result);
}

const struct eval_applicant *position_evaluation_applicant(const struct position_evaluation *e,
							   int64_t application_id)
{
	for (size_t i = 0; i < e->napplicants; i++)
		if (e->applicants[i].application_id == application_id)
			return &e->applicants[i];
	return NULL;
}

int position_evaluation_competency_index(const struct position_evaluation *e, const char *key)
{
	for (size_t i = 0; i < e->ncompetencies; i++)
		if (strcmp(e->competencies[i].key, key) == 0)
			return (int)i;
	return -1;
}

const char *eval_mean_text(struct request *r, const struct eval_cell *c, char decimal_mark)
{
	if (c->count <= 0)
		return "";
	/* tenths, half up, from the exact mean */
	long tenths = ((long)c->sum * 20 + c->count) / ((long)c->count * 2);
	return arena_printf(&r->arena, "%ld%c%ld", tenths / 10, decimal_mark ? decimal_mark : '.', tenths % 10);
}

const char *eval_individual_text(struct request *r, const struct position_evaluation *e, int64_t application_id,
				 const char *key, bool exercise)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < e->nindividual; i++) {
		const struct eval_individual *d = &e->individual[i];
		if (d->application_id != application_id || d->exercise != exercise || strcmp(d->key, key) != 0)
			continue;
		buf_printf(&b, "%s%s: %d", b.len ? ", " : "", d->interviewer, d->rating);
	}
	const char *s = arena_strdup(&r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}
