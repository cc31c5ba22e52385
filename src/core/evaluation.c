/*
 * The evaluation of a position's candidates (R-EVAL-1..3) and the check of a
 * hire/reject decision (R-EVAL-4, R-GUARD-5).
 *
 * evaluation_compute() folds the submitted ratings into one cell per
 * candidate and competency (count, sum, min, max), derives means, spread,
 * must-have status and the weighted score from the cells, then sorts: ranked
 * candidates first, knockouts after them. Means use integer arithmetic; the
 * weighted score is computed in double from the exact means and rounded once.
 */
#include "core/evaluation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/code_table.h"
#include "core/i18n_mark.h"
#include "util/xalloc.h"

/* --- weights ----------------------------------------------------------------- */

static int tier_weight(enum tier t)
{
	switch (t) {
	case TIER_MUST:
		return EVAL_WEIGHT_MUST;
	case TIER_IMPORTANT:
		return EVAL_WEIGHT_IMPORTANT;
	case TIER_NICE:
		return EVAL_WEIGHT_NICE;
	default:
		return EVAL_WEIGHT_UNLINKED;
	}
}

void evaluation_weights(const struct requirement *reqs, size_t n, const char *const *competency_keys, size_t ncomp,
			int *weights_out, bool *must_out)
{
	for (size_t c = 0; c < ncomp; c++) {
		int weight = EVAL_WEIGHT_UNLINKED;
		bool must = false;

		for (size_t r = 0; r < n && competency_keys[c] != NULL; r++) {
			if (reqs[r].competency_key[0] == '\0' ||
			    strncmp(reqs[r].competency_key, competency_keys[c], sizeof reqs[r].competency_key) != 0)
				continue;
			if (tier_weight(reqs[r].tier) > weight)
				weight = tier_weight(reqs[r].tier);
			if (reqs[r].tier == TIER_MUST)
				must = true;
		}
		weights_out[c] = weight;
		if (must_out != NULL)
			must_out[c] = must;
	}
}

/* --- codes ------------------------------------------------------------------- */

static const char *const must_status_codes[MUST_STATUS__COUNT] = {
	[MUST_NONE] = "",
	[MUST_OPEN] = "open",
	[MUST_FULFILLED] = "fulfilled",
	[MUST_KNOCKOUT] = "knockout",
};

static const char *const must_status_labels[MUST_STATUS__COUNT] = {
	[MUST_NONE] = "",
	[MUST_OPEN] = N_("Open"),
	[MUST_FULFILLED] = N_("Fulfilled"),
	[MUST_KNOCKOUT] = N_("Knockout"),
};

const char *must_status_code(enum must_status s)
{
	return (unsigned)s < MUST_STATUS__COUNT ? must_status_codes[s] : "";
}

const char *must_status_label(enum must_status s)
{
	return (unsigned)s < MUST_STATUS__COUNT ? must_status_labels[s] : "";
}

static const char *const decision_kind_codes[DECISION_KIND__COUNT] = {
	[DECISION_HIRE] = "hire",
	[DECISION_REJECT] = "reject",
};

static const char *const decision_kind_labels[DECISION_KIND__COUNT] = {
	[DECISION_HIRE] = N_("Hire"),
	[DECISION_REJECT] = N_("Reject"),
};

const char *decision_kind_code(enum decision_kind d)
{
	return (unsigned)d < DECISION_KIND__COUNT ? decision_kind_codes[d] : "";
}

const char *decision_kind_label(enum decision_kind d)
{
	return (unsigned)d < DECISION_KIND__COUNT ? decision_kind_labels[d] : "";
}

bool decision_kind_parse(const char *code, enum decision_kind *out)
{
	int i = code_table_index(decision_kind_codes, DECISION_KIND__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum decision_kind)i;
	return true;
}

/* --- the matrix -------------------------------------------------------------- */

static long find_application(const struct evaluation *e, int64_t id)
{
	for (size_t i = 0; i < e->ncandidates; i++)
		if (e->candidates[i].application_id == id)
			return (long)i;
	return -1;
}

static long find_competency(const struct eval_input *in, const char *key)
{
	for (size_t i = 0; key != NULL && i < in->ncompetencies; i++)
		if (in->competencies[i].key != NULL && strcmp(in->competencies[i].key, key) == 0)
			return (long)i;
	return -1;
}

static long find_exercise(const struct evaluation *e, const char *key)
{
	for (size_t i = 0; i < e->nexercises; i++)
		if (strcmp(e->exercises[i], key) == 0)
			return (long)i;
	return -1;
}

static void cell_add(struct eval_cell *c, int rating)
{
	if (c->count == 0 || rating < c->min)
		c->min = rating;
	if (c->count == 0 || rating > c->max)
		c->max = rating;
	c->count++;
	c->sum += rating;
}

/* Mean, spread and disagreement from count and sum. */
static void cell_finish(struct eval_cell *c)
{
	if (c->count == 0)
		return;
	c->mean_x100 = (c->sum * 200 + c->count) / (2 * c->count);
	c->spread = c->max - c->min;
	c->disagreement = c->spread >= EVAL_DISAGREEMENT_SPREAD;   /* R-EVAL-3 */
}

/* Collects the exercise rows: the input's, then unknown keys of valid ratings. */
static void collect_exercises(const struct eval_input *in, struct evaluation *e)
{
	e->exercises = xcalloc(in->nexercises + in->nexercise_ratings, sizeof *e->exercises);
	for (size_t i = 0; i < in->nexercises; i++)
		if (in->exercises[i] != NULL && find_exercise(e, in->exercises[i]) < 0)
			e->exercises[e->nexercises++] = in->exercises[i];
	for (size_t i = 0; i < in->nexercise_ratings; i++) {
		const struct eval_exercise_rating *r = &in->exercise_ratings[i];

		if (r->exercise != NULL && rating_valid(r->rating) && find_application(e, r->application_id) >= 0 &&
		    find_exercise(e, r->exercise) < 0)
			e->exercises[e->nexercises++] = r->exercise;
	}
}

/* Must-have status, knockout and weighted score of one candidate (R-EVAL-1, R-EVAL-2). */
static void candidate_finish(const struct eval_input *in, struct eval_candidate *c, size_t nexercises)
{
	double weighted = 0;
	long weights = 0;

	for (size_t k = 0; k < in->ncompetencies; k++) {
		struct eval_cell *cell = &c->cells[k];
		int w = in->competencies[k].weight > 0 ? in->competencies[k].weight : EVAL_WEIGHT_UNLINKED;

		cell_finish(cell);
		if (cell->disagreement)
			c->disagreement = true;
		if (cell->count > 0) {
			c->rated_competencies++;
			weighted += (double)w * cell->sum / cell->count;
			weights += w;
		}
		if (!in->competencies[k].must) {
			cell->must = MUST_NONE;
		} else if (cell->count == 0) {
			cell->must = MUST_OPEN;
			c->must_open++;
		} else if (cell->sum * 100 < EVAL_KNOCKOUT_BELOW_X100 * cell->count) {   /* exact mean < 2.5 */
			cell->must = MUST_KNOCKOUT;
			c->must_knockouts++;
			c->knockout = true;
		} else {
			cell->must = MUST_FULFILLED;
			c->must_fulfilled++;
		}
	}
	for (size_t x = 0; x < nexercises; x++)
		cell_finish(&c->exercise_cells[x]);
	if (weights > 0)   /* positive, so truncation rounds half up; 1e-9 absorbs binary fractions */
		c->score_x100 = (int)(weighted / (double)weights * 100.0 + 0.5 + 1e-9);
}

static int compare_candidates(const void *pa, const void *pb)
{
	const struct eval_candidate *a = pa, *b = pb;

	if (a->knockout != b->knockout)
		return a->knockout ? 1 : -1;
	if (a->score_x100 != b->score_x100)
		return a->score_x100 > b->score_x100 ? -1 : 1;
	if (a->nratings != b->nratings)
		return a->nratings > b->nratings ? -1 : 1;
	if (a->application_id != b->application_id)
		return a->application_id < b->application_id ? -1 : 1;
	return 0;
}

void evaluation_compute(const struct eval_input *in, struct evaluation *e)
{
	size_t ncells;

	memset(e, 0, sizeof *e);
	e->ncompetencies = in->ncompetencies;
	e->candidates = xcalloc(in->napplications, sizeof *e->candidates);
	for (size_t i = 0; i < in->napplications; i++)
		if (find_application(e, in->applications[i]) < 0)
			e->candidates[e->ncandidates++].application_id = in->applications[i];
	collect_exercises(in, e);

	ncells = e->ncompetencies + e->nexercises;
	e->cell_storage = xcalloc(e->ncandidates * ncells, sizeof *e->cell_storage);
	for (size_t i = 0; i < e->ncandidates; i++) {
		e->candidates[i].cells = e->cell_storage + i * ncells;
		e->candidates[i].exercise_cells = e->candidates[i].cells + e->ncompetencies;
	}

	for (size_t i = 0; i < in->nratings; i++) {
		const struct eval_rating *r = &in->ratings[i];
		long a = find_application(e, r->application_id), k = find_competency(in, r->competency);

		if (a < 0 || k < 0 || !rating_valid(r->rating)) {
			e->ignored_ratings++;
			continue;
		}
		cell_add(&e->candidates[a].cells[k], r->rating);
		e->candidates[a].nratings++;
	}
	for (size_t i = 0; i < in->nexercise_ratings; i++) {
		const struct eval_exercise_rating *r = &in->exercise_ratings[i];
		long a = find_application(e, r->application_id), x = r->exercise ? find_exercise(e, r->exercise) : -1;

		if (a < 0 || x < 0 || !rating_valid(r->rating)) {
			e->ignored_ratings++;
			continue;
		}
		cell_add(&e->candidates[a].exercise_cells[x], r->rating);
	}
	for (size_t i = 0; i < in->nrecommendations; i++) {
		long a = find_application(e, in->recommendations[i].application_id);
		enum recommendation rec = in->recommendations[i].recommendation;

		if (a >= 0 && (unsigned)rec < RECOMMENDATION__COUNT && rec != RECOMMENDATION_NONE)
			e->candidates[a].recommendations[rec]++;
	}
	for (size_t i = 0; i < in->ndecisions; i++) {
		long a = find_application(e, in->decisions[i].application_id);

		if (a >= 0 && rating_valid(in->decisions[i].culture_fit))
			e->candidates[a].culture_fit = in->decisions[i].culture_fit;
	}

	for (size_t i = 0; i < e->ncandidates; i++)
		candidate_finish(in, &e->candidates[i], e->nexercises);
	qsort(e->candidates, e->ncandidates, sizeof *e->candidates, compare_candidates);   /* R-EVAL-2 */
	for (size_t i = 0; i < e->ncandidates && !e->candidates[i].knockout; i++)
		e->candidates[i].rank = (int)++e->nranked;
}

void evaluation_free(struct evaluation *e)
{
	if (e == NULL)
		return;
	free(e->candidates);
	free(e->cell_storage);
	free(e->exercises);
	memset(e, 0, sizeof *e);
}

const struct eval_candidate *evaluation_find(const struct evaluation *e, int64_t application_id)
{
	long i = find_application(e, application_id);

	return i >= 0 ? &e->candidates[i] : NULL;
}

void evaluation_format_hundredths(int x100, char sep, char *out, size_t n)
{
	const char *sign = x100 < 0 ? "-" : "";
	unsigned v = x100 < 0 ? 0u - (unsigned)x100 : (unsigned)x100;

	if (n > 0)
		snprintf(out, n, "%s%u%c%02u", sign, v / 100, sep, v % 100);
}

/* --- decision ---------------------------------------------------------------- */

/* Number of code points of the valid UTF-8 text s[0..len), or -1 if invalid
 * (overlong forms, surrogates and values above U+10FFFF are invalid). */
static long utf8_count(const unsigned char *s, size_t len)
{
	long chars = 0;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i], cp;
		size_t need;

		if (c < 0x80) {
			i++;
			chars++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			need = 1, cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2, cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3, cp = c & 0x07;
		} else {
			return -1;
		}
		if (need > len - i - 1)
			return -1;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return -1;
		i += need + 1;
		chars++;
	}
	return chars;
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t decision_check(const char *decision, int culture_fit, const char *rationale, struct field_problem *out,
		      size_t max)
{
	size_t n = 0;
	enum decision_kind kind;

	if ((decision == NULL || !decision_kind_parse(decision, &kind)) && n < max) {
		out[n].field = "decision";
		out[n++].message = N_("Choose whether to hire or to reject.");
	}
	if (!rating_valid(culture_fit) && n < max) { /* R-GUARD-5 */
		out[n].field = "culture_fit";
		out[n++].message = N_("A decision needs a culture-fit rating from 1 to 4.");
	}
	if (n < max) { /* R-EVAL-4 */
		const unsigned char *s = (const unsigned char *)(rationale != NULL ? rationale : "");
		size_t len = strlen((const char *)s);
		long chars;

		while (len > 0 && is_blank(s[len - 1]))
			len--;
		while (len > 0 && is_blank(*s))
			s++, len--;
		chars = utf8_count(s, len);
		out[n].field = "rationale";
		if (len == 0)
			out[n++].message = N_("A decision needs a written rationale.");
		else if (chars < 0)
			out[n++].message = N_("The rationale is not valid UTF-8 text.");
		else if (strlen(rationale) > DECISION_RATIONALE_MAX_BYTES)
			out[n++].message = N_("The rationale is too long (at most 4000 bytes).");
		else if (chars < DECISION_RATIONALE_MIN_CHARS)
			out[n++].message = N_("The rationale needs at least 20 characters.");
	}
	return n;
}
