/*
 * scorecard_form.c — reading a posted scorecard and the rating and note
 * controls of the scorecard form; see scorecard_form.h.
 */
#include "web/scorecard_form.h"

#include <string.h>

#include "util/str.h"

/* The trimmed value of field name ("" when absent), in the arena. */
static char *field_text(struct request *r, const char *name)
{
	const char *v = req_form(r, name);
	return str_trim(arena_strdup(&r->arena, v ? v : ""));
}

/* Copies text into dst (n bytes) or records "too long" under field. */
static void copy_text(struct request *r, struct form_errors *fe, const char *field, char *dst, size_t n,
		      const char *text)
{
	if (strlen(text) >= n || !str_copy(dst, n, text))
		form_error(fe, field, arena_printf(&r->arena, _("At most %zu characters."), n - 1));
}

/* Reads rating field name: 0 for none, 1..4, or -1 (error recorded). */
static int read_rating(struct request *r, struct form_errors *fe, const char *name)
{
	const char *v = req_form(r, name);
	long long n;
	if (str_empty(v))
		return 0;
	if (!str_to_int64(v, 1, 4, &n)) {
		form_error(fe, name, _("Please choose one of the ratings 1 to 4."));
		return -1;
	}
	return (int)n;
}

static bool is_competency(const struct kit_competency *comps, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(comps[i].key, key))
			return true;
	return false;
}

static bool in_list(const char (*list)[SCORECARD_VIEW_REF_MAX], size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(list[i], key))
			return true;
	return false;
}

/* Records an error for every posted field with a prefix whose key is not
 * one the form offers (a forged or outdated form). */
static void unknown_fields(struct request *r, const struct kit_competency *comps, size_t ncomps,
			   const struct kit_refs *kit, struct form_errors *fe)
{
	for (int i = 0; i < r->nform; i++) {
		const char *name = r->form[i].name, *dot = strchr(name, '.');
		if (!dot)
			continue;
		const char *key = dot + 1;
		size_t plen = (size_t)(dot - name);
		bool known = true;
		if ((plen == 6 && strncmp(name, "rating", 6) == 0) || (plen == 5 && strncmp(name, "rnote", 5) == 0))
			known = is_competency(comps, ncomps, key);
		else if ((plen == 8 && strncmp(name, "exercise", 8) == 0) || (plen == 5 && strncmp(name, "enote", 5) == 0))
			known = in_list(kit->exercises, kit->nexercises, key);
		else if (plen == 6 && strncmp(name, "answer", 6) == 0)
			known = in_list(kit->questions, kit->nquestions, key);
		if (!known && !form_error_for(fe, name))
			form_error(fe, name, _("This item is not part of the interview kit."));
	}
}

void scorecard_form_read(struct request *r, const struct kit_competency *comps, size_t ncomps,
			 const struct kit_refs *kit, struct scorecard *sc, bool *submit, struct form_errors *fe)
{
	*submit = str_eq(req_form(r, "action"), "submit");
	unknown_fields(r, comps, ncomps, kit, fe);

	sc->ratings = arena_alloc(&r->arena, (ncomps + 1) * sizeof *sc->ratings);
	sc->nratings = 0;
	for (size_t i = 0; i < ncomps && sc->nratings < SCORECARD_MAX_ITEMS; i++) {
		const char *name = arena_printf(&r->arena, "rating.%s", comps[i].key);
		const char *nname = arena_printf(&r->arena, "rnote.%s", comps[i].key);
		int rating = read_rating(r, fe, name);
		const char *notes = field_text(r, nname);
		if (rating == 0 && *notes)
			form_error(fe, name, _("Please choose a rating for this competency, or remove its notes."));
		if (rating <= 0)
			continue;
		struct scorecard_rating *it = &sc->ratings[sc->nratings++];
		str_copy(it->competency, sizeof it->competency, comps[i].key);
		it->rating = rating;
		copy_text(r, fe, nname, it->notes, sizeof it->notes, notes);
	}

	sc->exercises = arena_alloc(&r->arena, (kit->nexercises + 1) * sizeof *sc->exercises);
	sc->nexercises = 0;
	for (size_t i = 0; i < kit->nexercises; i++) {
		const char *name = arena_printf(&r->arena, "exercise.%s", kit->exercises[i]);
		const char *nname = arena_printf(&r->arena, "enote.%s", kit->exercises[i]);
		int rating = read_rating(r, fe, name);
		const char *notes = field_text(r, nname);
		if (rating == 0 && *notes)
			form_error(fe, name, _("Please choose a rating for this exercise, or remove its notes."));
		if (rating <= 0)
			continue;
		struct scorecard_exercise *it = &sc->exercises[sc->nexercises++];
		str_copy(it->exercise_key, sizeof it->exercise_key, kit->exercises[i]);
		it->rating = rating;
		copy_text(r, fe, nname, it->notes, sizeof it->notes, notes);
	}

	sc->answers = arena_alloc(&r->arena, (kit->nquestions + 1) * sizeof *sc->answers);
	sc->nanswers = 0;
	for (size_t i = 0; i < kit->nquestions; i++) {
		const char *name = arena_printf(&r->arena, "answer.%s", kit->questions[i]);
		const char *notes = field_text(r, name);
		if (!*notes)
			continue;
		struct scorecard_answer *it = &sc->answers[sc->nanswers++];
		str_copy(it->question_ref, sizeof it->question_ref, kit->questions[i]);
		copy_text(r, fe, name, it->notes, sizeof it->notes, notes);
	}

	const char *rec = field_text(r, "recommendation");
	if (*rec && !scorecard_recommendation_valid(rec))
		form_error(fe, "recommendation", _("Please choose one of the offered values."));
	else
		str_copy(sc->recommendation, sizeof sc->recommendation, rec);
	const char *quality = field_text(r, "candidate_questions_quality");
	if (*quality && !str_eq(quality, "substantive") && !str_eq(quality, "superficial"))
		form_error(fe, "candidate_questions_quality", _("Please choose one of the offered values."));
	else
		str_copy(sc->candidate_questions_quality, sizeof sc->candidate_questions_quality, quality);
	copy_text(r, fe, "candidate_questions", sc->candidate_questions, sizeof sc->candidate_questions,
		  field_text(r, "candidate_questions"));
	copy_text(r, fe, "notes", sc->notes, sizeof sc->notes, field_text(r, "notes"));

	if (*submit && !sc->recommendation[0] && !form_error_for(fe, "recommendation"))
		form_error(fe, "recommendation", _("Please choose an overall recommendation before submitting."));
	if (*submit && sc->nratings == 0)
		form_error(fe, "ratings", _("Please rate at least one competency before submitting."));
}

void scorecard_rating_radios(struct request *r, const struct form_errors *fe, const char *name, const char *legend,
			     const char *const *labels, int checked)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<fieldset class=\"field rating-options%s\"><legend>%s</legend>", err ? " has-error" : "", legend);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"sc-%s-err\">%s</p>", name, err);
	for (int i = 1; i <= 4; i++) {
		const char *label = labels ? labels[i - 1] : kit_rating_anchor(i);
		if (i == 1)
			html_printf(o, "<label class=\"check rating-option\"><input id=\"sc-%s\" type=\"radio\" name=\"%s\" value=\"1\"%s aria-invalid=\"%s\">",
				    name, name, checked == 1 ? " checked" : "", err ? "true" : "false");
		else
			html_printf(o, "<label class=\"check rating-option\"><input type=\"radio\" name=\"%s\" value=\"%d\"%s>", name,
				    i, checked == i ? " checked" : "");
		html_printf(o, "<span><span class=\"rating-num\">%d</span> %s</span></label>", i, label);
	}
	html_raw(o, "</fieldset>");
}

void scorecard_textarea(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			const char *value, int rows)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field note-field%s\"><label for=\"sc-%s\">%s</label>", err ? " has-error" : "", name, label);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"sc-%s-err\">%s</p>", name, err);
	html_printf(o, "<textarea id=\"sc-%s\" name=\"%s\" rows=\"%d\" aria-invalid=\"%s\">%s</textarea></div>", name, name, rows,
		    err ? "true" : "false", value ? value : "");
}

int scorecard_rating_of(const struct scorecard *sc, const char *key, const char **notes)
{
	*notes = "";
	for (size_t i = 0; sc && i < sc->nratings; i++)
		if (str_eq(sc->ratings[i].competency, key)) {
			*notes = sc->ratings[i].notes;
			return sc->ratings[i].rating;
		}
	return 0;
}

int scorecard_exercise_of(const struct scorecard *sc, const char *key, const char **notes)
{
	*notes = "";
	for (size_t i = 0; sc && i < sc->nexercises; i++)
		if (str_eq(sc->exercises[i].exercise_key, key)) {
			*notes = sc->exercises[i].notes;
			return sc->exercises[i].rating;
		}
	return 0;
}

const char *scorecard_answer_of(const struct scorecard *sc, const char *ref)
{
	for (size_t i = 0; sc && i < sc->nanswers; i++)
		if (str_eq(sc->answers[i].question_ref, ref))
			return sc->answers[i].notes;
	return "";
}
