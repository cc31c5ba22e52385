/*
 * Structured interviews as pure rules: the codes and labels of the rating
 * scale, recommendations and question quality; the default rounds and
 * focus competencies of a plan; the round-count guard; interview kits with
 * their canonical JSON; focus strings.
 *
 * Kit JSON is parsed with jansson (duplicate keys rejected) and written by
 * hand: refs and keys are restricted to [a-z0-9._], so no escaping is needed
 * and the output is canonical by construction.
 */
#include "core/interview_plan.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/code_table.h"
#include "core/i18n_mark.h"

/* --- rating scale ------------------------------------------------------------ */

static const char *const rating_anchors[RATING_MAX + 1] = {
	[1] = N_("Clearly below the requirement"),
	[2] = N_("Partly meets the requirement"),
	[3] = N_("Meets the requirement"),
	[4] = N_("Clearly exceeds the requirement"),
};

static const char *const rating_short_labels[RATING_MAX + 1] = {
	[1] = N_("Below"),
	[2] = N_("Partly"),
	[3] = N_("Meets"),
	[4] = N_("Exceeds"),
};

bool rating_valid(int rating)
{
	return rating >= RATING_MIN && rating <= RATING_MAX;
}

const char *rating_anchor(int rating)
{
	return rating_valid(rating) ? rating_anchors[rating] : NULL;
}

const char *rating_short_label(int rating)
{
	return rating_valid(rating) ? rating_short_labels[rating] : NULL;
}

/* --- code tables ------------------------------------------------------------- */

static const char *const recommendation_codes[RECOMMENDATION__COUNT] = {
	[RECOMMENDATION_NONE] = "",
	[RECOMMENDATION_STRONG_NO] = "strong_no",
	[RECOMMENDATION_NO] = "no",
	[RECOMMENDATION_YES] = "yes",
	[RECOMMENDATION_STRONG_YES] = "strong_yes",
};

static const char *const recommendation_labels[RECOMMENDATION__COUNT] = {
	[RECOMMENDATION_NONE] = N_("No recommendation yet"),
	[RECOMMENDATION_STRONG_NO] = N_("Strong no"),
	[RECOMMENDATION_NO] = N_("No"),
	[RECOMMENDATION_YES] = N_("Yes"),
	[RECOMMENDATION_STRONG_YES] = N_("Strong yes"),
};

static const char *const question_quality_codes[QUESTION_QUALITY__COUNT] = {
	[QUESTION_QUALITY_NONE] = "",
	[QUESTION_QUALITY_SUBSTANTIVE] = "substantive",
	[QUESTION_QUALITY_SUPERFICIAL] = "superficial",
};

static const char *const question_quality_labels[QUESTION_QUALITY__COUNT] = {
	[QUESTION_QUALITY_NONE] = N_("Not marked"),
	[QUESTION_QUALITY_SUBSTANTIVE] = N_("Substantive"),
	[QUESTION_QUALITY_SUPERFICIAL] = N_("Superficial"),
};

const char *recommendation_code(enum recommendation r)
{
	return (unsigned)r < RECOMMENDATION__COUNT ? recommendation_codes[r] : "";
}

const char *recommendation_label(enum recommendation r)
{
	return (unsigned)r < RECOMMENDATION__COUNT ? recommendation_labels[r] : "";
}

bool recommendation_parse(const char *code, enum recommendation *out)
{
	int i = code_table_index(recommendation_codes, RECOMMENDATION__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum recommendation)i;
	return true;
}

const char *question_quality_code(enum question_quality q)
{
	return (unsigned)q < QUESTION_QUALITY__COUNT ? question_quality_codes[q] : "";
}

const char *question_quality_label(enum question_quality q)
{
	return (unsigned)q < QUESTION_QUALITY__COUNT ? question_quality_labels[q] : "";
}

bool question_quality_parse(const char *code, enum question_quality *out)
{
	int i = code_table_index(question_quality_codes, QUESTION_QUALITY__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum question_quality)i;
	return true;
}

/* --- competencies ------------------------------------------------------------ */

const char *salary_realism_label(void)
{
	return N_("Realism of salary expectations");
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Length of the [a-z][a-z0-9_]* run at s (0 if s does not start with a letter). */
static size_t key_run(const char *s)
{
	size_t i = 0;

	if (!is_lower(s[0]))
		return 0;
	while (is_lower(s[i]) || is_digit(s[i]) || s[i] == '_')
		i++;
	return i;
}

bool competency_key_valid(const char *key)
{
	size_t n;

	if (key == NULL)
		return false;
	n = key_run(key);
	return n > 0 && key[n] == '\0' && n < COMPETENCY_KEY_MAX;
}

/* --- default rounds and focus ------------------------------------------------ */

const struct default_round DEFAULT_ROUNDS[DEFAULT_ROUND_COUNT] = {
	{ 1, N_("First interview"), "first_interview", 45 },                         /* Erstgespräch */
	{ 2, N_("In-depth interview with stakeholders"), "deep_interview", 90 },     /* Vertiefendes Interview */
	{ 3, N_("Final interview"), "final_interview", 60 },                         /* Finalgespräch */
};

#define ROLE_FOCUS_MAX 2

static const char *const role_focus[STAKEHOLDER_ROLE__COUNT][ROLE_FOCUS_MAX] = {
	[STAKEHOLDER_MANAGING_DIRECTOR] = { "entrepreneurial_thinking", "cultural_fit" },
	[STAKEHOLDER_SALES_HEAD] = { "negotiation", "relationship_management" },
	[STAKEHOLDER_CFO] = { COMPETENCY_SALARY_REALISM, NULL },
	[STAKEHOLDER_HEAD_OF_ENGINEERING] = { "industry_knowledge", NULL },
	[STAKEHOLDER_BDM] = { "strategic_thinking", NULL },
	[STAKEHOLDER_HR] = { "cultural_fit", "empathy_and_active_listening" },
	[STAKEHOLDER_OTHER] = { NULL, NULL },
};

static bool in_list(const char *key, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] != NULL && strcmp(list[i], key) == 0)
			return true;
	return false;
}

size_t interview_default_focus(enum stakeholder_role role, const char *const *allowed, size_t nallowed,
			       const char **out, size_t max)
{
	size_t n = 0;

	if ((unsigned)role >= STAKEHOLDER_ROLE__COUNT)
		return 0;
	for (size_t i = 0; i < ROLE_FOCUS_MAX && n < max; i++) {
		const char *key = role_focus[role][i];

		if (key == NULL)
			break;
		if (allowed != NULL && !in_list(key, allowed, nallowed))
			continue;
		out[n++] = key;
	}
	return n;
}

/* --- guard ------------------------------------------------------------------- */

size_t interview_rounds_check(size_t nrounds, struct guard_finding *out, size_t max)
{
	size_t n = 0;

	if (nrounds > GUARD_MAX_ROUNDS && n < max) { /* R-GUARD-4 */
		out[n].rule = "guard.too_many_rounds";
		out[n].severity = SEVERITY_WARNING;
		out[n].message = N_("More than three interview rounds. Too many rounds without visible added value "
				    "wear candidates down; three are usually enough: a first interview, an in-depth "
				    "interview with several stakeholders and a final interview.");
		n++;
	}
	return n;
}

/* --- problems ---------------------------------------------------------------- */

static void problem(struct plan_problem *p, const char *field, const char *message)
{
	if (p == NULL)
		return;
	snprintf(p->field, sizeof p->field, "%s", field);
	p->message = message;
}

static void problem_at(struct plan_problem *p, const char *list, size_t index, const char *message)
{
	if (p == NULL)
		return;
	snprintf(p->field, sizeof p->field, "%s[%zu]", list, index);
	p->message = message;
}

/* --- kits -------------------------------------------------------------------- */

#define MSG_BAD_QUESTION N_("Not a valid question reference (a built-in key such as kam.rel.01, or custom.<id>).")
#define MSG_BAD_EXERCISE N_("Not a valid exercise key.")
#define MSG_DUPLICATE N_("Listed twice; a kit asks each question and runs each exercise once.")
#define MSG_TOO_MANY_QUESTIONS N_("A kit holds at most 30 core questions.")
#define MSG_TOO_MANY_EXERCISES N_("A kit holds at most 6 exercises.")

/* Dotted key syntax shared with the question bank and the exercise library:
 * 2..KIT_REF_LEN_MAX bytes of a-z, 0-9, _ and single dots, starting with a
 * letter, not ending in a dot. */
static bool dotted_key_valid(const char *s, bool need_dot)
{
	size_t len = strlen(s);
	bool dot = false;

	if (len < 2 || len > KIT_REF_LEN_MAX || !is_lower(s[0]) || s[len - 1] == '.')
		return false;
	for (size_t i = 1; i < len; i++) {
		if (s[i] == '.' && s[i - 1] != '.') {
			dot = true;
			continue;
		}
		if (!is_lower(s[i]) && !is_digit(s[i]) && s[i] != '_')
			return false;
	}
	return dot || !need_dot;
}

bool kit_question_ref_valid(const char *ref)
{
	if (ref == NULL)
		return false;
	if (strncmp(ref, "custom.", 7) == 0) {
		const char *id = ref + 7;
		size_t i = 0;

		if (id[0] < '1' || id[0] > '9')
			return false;
		while (is_digit(id[i]))
			i++;
		return id[i] == '\0' && i <= 18;
	}
	return dotted_key_valid(ref, true);
}

bool kit_exercise_key_valid(const char *key)
{
	return key != NULL && dotted_key_valid(key, false);
}

/* Whether list[i] already appears in list[0..i). */
static bool seen_before(const char (*list)[KIT_REF_MAX], size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(list[j], list[i]) == 0)
			return true;
	return false;
}

size_t kit_validate(const struct kit *k, struct plan_problem *out, size_t max)
{
	size_t n = 0;

	if (k->nquestions > KIT_MAX_QUESTIONS && n < max)
		problem(&out[n++], "questions", MSG_TOO_MANY_QUESTIONS);
	if (k->nexercises > KIT_MAX_EXERCISES && n < max)
		problem(&out[n++], "exercises", MSG_TOO_MANY_EXERCISES);
	for (size_t i = 0; i < k->nquestions && i < KIT_MAX_QUESTIONS && n < max; i++) {
		if (memchr(k->questions[i], '\0', KIT_REF_MAX) == NULL || !kit_question_ref_valid(k->questions[i]))
			problem_at(&out[n++], "questions", i, MSG_BAD_QUESTION);
		else if (seen_before(k->questions, i))
			problem_at(&out[n++], "questions", i, MSG_DUPLICATE);
	}
	for (size_t i = 0; i < k->nexercises && i < KIT_MAX_EXERCISES && n < max; i++) {
		if (memchr(k->exercises[i], '\0', KIT_REF_MAX) == NULL || !kit_exercise_key_valid(k->exercises[i]))
			problem_at(&out[n++], "exercises", i, MSG_BAD_EXERCISE);
		else if (seen_before(k->exercises, i))
			problem_at(&out[n++], "exercises", i, MSG_DUPLICATE);
	}
	return n;
}

/* Appends "name":[ "a","b" ] (compact) at out+*o; false if it does not fit. */
static bool append_list(char *out, size_t n, size_t *o, const char *name, const char (*list)[KIT_REF_MAX],
			size_t count)
{
	int w = snprintf(out + *o, n - *o, "\"%s\":[", name);

	if (w < 0 || (size_t)w >= n - *o)
		return false;
	*o += (size_t)w;
	for (size_t i = 0; i < count; i++) {
		w = snprintf(out + *o, n - *o, "%s\"%s\"", i > 0 ? "," : "", list[i]);
		if (w < 0 || (size_t)w >= n - *o)
			return false;
		*o += (size_t)w;
	}
	w = snprintf(out + *o, n - *o, "]");
	if (w < 0 || (size_t)w >= n - *o)
		return false;
	*o += (size_t)w;
	return true;
}

bool kit_to_json(const struct kit *k, char *out, size_t n)
{
	size_t o = 0;
	struct plan_problem p;

	if (n == 0)
		return false;
	out[0] = '\0';
	if (kit_validate(k, &p, 1) > 0 || n < 2)
		return false;
	out[o++] = '{';
	out[o] = '\0';
	if (!append_list(out, n, &o, "questions", k->questions, k->nquestions) || o + 1 >= n)
		goto too_small;
	out[o++] = ',';
	out[o] = '\0';
	if (!append_list(out, n, &o, "exercises", k->exercises, k->nexercises) || o + 1 >= n)
		goto too_small;
	out[o++] = '}';
	out[o] = '\0';
	return true;
too_small:
	out[0] = '\0';
	return false;
}

/* Reads one array of the kit object into list; false with *err set. */
static bool read_list(json_t *root, const char *name, char (*list)[KIT_REF_MAX], size_t *count, size_t max,
		      bool (*valid)(const char *), const char *bad_msg, const char *too_many_msg,
		      struct plan_problem *err)
{
	json_t *arr = json_object_get(root, name), *item;
	size_t i;

	if (arr == NULL) {
		problem(err, name, N_("Missing; use an empty list for none."));
		return false;
	}
	if (!json_is_array(arr)) {
		problem(err, name, N_("Must be a list of texts."));
		return false;
	}
	if (json_array_size(arr) > max) {
		problem(err, name, too_many_msg);
		return false;
	}
	json_array_foreach(arr, i, item) {
		const char *s = json_string_value(item);

		if (s == NULL) {
			problem_at(err, name, i, N_("Must be a text."));
			return false;
		}
		if (strlen(s) != json_string_length(item) || !valid(s)) {
			problem_at(err, name, i, bad_msg);
			return false;
		}
		snprintf(list[i], KIT_REF_MAX, "%s", s);
		if (seen_before((const char (*)[KIT_REF_MAX])list, i)) {
			problem_at(err, name, i, MSG_DUPLICATE);
			return false;
		}
	}
	*count = json_array_size(arr);
	return true;
}

bool kit_from_json(const char *json, struct kit *out, struct plan_problem *err)
{
	json_error_t jerr;
	json_t *root;
	const char *key;
	json_t *value;
	bool ok = false;

	memset(out, 0, sizeof *out);
	if (json == NULL || (root = json_loads(json, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		problem(err, "kit", N_("The kit is not valid JSON."));
		return false;
	}
	if (!json_is_object(root)) {
		problem(err, "kit", N_("The kit must be an object with \"questions\" and \"exercises\"."));
		goto cleanup;
	}
	json_object_foreach(root, key, value) {
		(void)value;
		if (strcmp(key, "questions") != 0 && strcmp(key, "exercises") != 0) {
			problem(err, key, N_("Unknown field in a kit."));
			goto cleanup;
		}
	}
	if (!read_list(root, "questions", out->questions, &out->nquestions, KIT_MAX_QUESTIONS,
		       kit_question_ref_valid, MSG_BAD_QUESTION, MSG_TOO_MANY_QUESTIONS, err))
		goto cleanup;
	if (!read_list(root, "exercises", out->exercises, &out->nexercises, KIT_MAX_EXERCISES,
		       kit_exercise_key_valid, MSG_BAD_EXERCISE, MSG_TOO_MANY_EXERCISES, err))
		goto cleanup;
	ok = true;
cleanup:
	json_decref(root);
	if (!ok)
		memset(out, 0, sizeof *out);
	return ok;
}

bool kit_equal(const struct kit *a, const struct kit *b)
{
	if (a->nquestions != b->nquestions || a->nexercises != b->nexercises)
		return false;
	for (size_t i = 0; i < a->nquestions && i < KIT_MAX_QUESTIONS; i++)
		if (strncmp(a->questions[i], b->questions[i], KIT_REF_MAX) != 0)
			return false;
	for (size_t i = 0; i < a->nexercises && i < KIT_MAX_EXERCISES; i++)
		if (strncmp(a->exercises[i], b->exercises[i], KIT_REF_MAX) != 0)
			return false;
	return true;
}

bool kit_needs_new_version(const struct kit *current, const struct kit *latest)
{
	return latest == NULL || !kit_equal(current, latest);
}

/* --- focus ------------------------------------------------------------------- */

bool focus_contains(const struct focus *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->keys[i], key) == 0)
			return true;
	return false;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool focus_parse(const char *s, const char *const *allowed, size_t nallowed, struct focus *out,
		 struct plan_problem *err)
{
	memset(out, 0, sizeof *out);
	if (s == NULL)
		return true;
	while (*s != '\0') {
		const char *start, *end, *next = strchr(s, ',');
		char key[COMPETENCY_KEY_MAX];
		size_t len;

		if (next == NULL)
			next = s + strlen(s);
		for (start = s; start < next && is_blank(*start); start++)
			;
		for (end = next; end > start && is_blank(end[-1]); end--)
			;
		s = *next == ',' ? next + 1 : next;
		len = (size_t)(end - start);
		if (len == 0)
			continue;
		if (len >= sizeof key) {
			snprintf(key, sizeof key, "%.*s", (int)(sizeof key - 1), start);
			problem(err, key, N_("Not a competency of this position."));
			goto fail;
		}
		memcpy(key, start, len);
		key[len] = '\0';
		if (!competency_key_valid(key) || (allowed != NULL && !in_list(key, allowed, nallowed))) {
			problem(err, key, N_("Not a competency of this position."));
			goto fail;
		}
		if (focus_contains(out, key))
			continue;
		if (out->n >= FOCUS_MAX) {
			problem(err, "focus", N_("At most 12 focus competencies per interviewer."));
			goto fail;
		}
		memcpy(out->keys[out->n++], key, len + 1);
	}
	return true;
fail:
	memset(out, 0, sizeof *out);
	return false;
}

bool focus_format(const struct focus *f, char *out, size_t n)
{
	size_t o = 0;

	if (n == 0)
		return false;
	out[0] = '\0';
	for (size_t i = 0; i < f->n && i < FOCUS_MAX; i++) {
		int w = snprintf(out + o, n - o, "%s%s", i > 0 ? "," : "", f->keys[i]);

		if (w < 0 || (size_t)w >= n - o)
			return false;
		o += (size_t)w;
	}
	return true;
}
