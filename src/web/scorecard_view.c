/*
 * scorecard_view.c — render helpers for interview kits and scorecards: rating
 * anchors, recommendation and quality labels, kit refs, competencies and
 * exercises; see scorecard_view.h.
 */
#include "web/scorecard_view.h"

#include <string.h>

#include "core/interview_plan.h"
#include "store/positions.h"
#include "util/str.h"
#include "web/bank_source.h"
#include "web/html.h"
#include "web/interview_view.h"
#include "web/template_source.h"

_Static_assert(SCORECARD_VIEW_REF_MAX == KIT_REF_MAX, "kit_refs must hold every ref of a kit");

const char *const KIT_RECOMMENDATION_CODES[KIT_RECOMMENDATIONS] = { "strong_no", "no", "yes", "strong_yes" };
const char *const KIT_QUALITY_CODES[KIT_QUALITIES] = { "substantive", "superficial" };

bool kit_refs_parse(struct request *r, const char *json, struct kit_refs *out)
{
	struct kit *k = arena_alloc(&r->arena, sizeof *k);
	memset(out, 0, sizeof *out);
	if (!kit_from_json(json, k, NULL))
		return false;
	out->questions = k->questions;
	out->nquestions = k->nquestions;
	out->exercises = k->exercises;
	out->nexercises = k->nexercises;
	return true;
}

const char *kit_rating_anchor(int rating)
{
	const char *s = rating_anchor(rating);
	return s ? _(s) : "";
}

const char *kit_rating_short(int rating)
{
	const char *s = rating_short_label(rating);
	return s ? _(s) : "";
}

const char *kit_recommendation_label(const char *code)
{
	enum recommendation rec;
	if (str_empty(code) || !recommendation_parse(code, &rec))
		return "";
	return _(recommendation_label(rec));
}

const char *kit_quality_label(const char *code)
{
	enum question_quality q;
	if (str_empty(code) || !question_quality_parse(code, &q))
		return "";
	return _(question_quality_label(q));
}

size_t kit_competencies(struct request *r, const struct position *p, struct kit_competency **out)
{
	struct iv_competencies *ivc = arena_alloc(&r->arena, sizeof *ivc);
	struct role_template t;
	int lang = template_lang(r);
	iv_competencies_for_position(r, p, ivc);
	bool loaded = !str_empty(p->template_key) && template_load(r, p->template_key, &t);
	struct kit_competency *list = arena_alloc(&r->arena, (ivc->n + 1) * sizeof *list);
	for (size_t i = 0; i < ivc->n; i++) {
		list[i].key = ivc->items[i].key;
		list[i].name = ivc->items[i].label;
		list[i].description = "";
		for (size_t k = 0; loaded && k < t.ncompetencies; k++)
			if (str_eq(t.competencies[k].key, ivc->items[i].key))
				list[i].description = arena_strdup(&r->arena, t.competencies[k].description[lang]);
		if (str_eq(ivc->items[i].key, COMPETENCY_SALARY_REALISM))
			list[i].description = _("Whether the candidate's salary expectations fit the position and the market.");
	}
	if (loaded)
		role_template_free(&t);
	*out = list;
	return ivc->n;
}

const char *kit_competency_name(struct request *r, const struct kit_competency *list, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(list[i].key, key))
			return list[i].name;
	return iv_competency_label(r, NULL, key);
}

void kit_rating_legend_html(struct request *r)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card kit-anchors\" id=\"anchors\"><h2>%s</h2><p class=\"hint\">%s</p>", _("Rating scale"),
		    _("Four steps without a neutral middle: decide whether the evidence meets the requirement or not."));
	iv_rating_anchors(r);
	html_raw(o, "</section>");
}

static const struct exercise *exercise_find(const char *key)
{
	const struct exercise_library *lib = bank_builtin_exercises();
	return lib ? exercise_library_find(lib, key) : NULL;
}

bool kit_exercise_html(struct request *r, const struct position *p, const char *key)
{
	const struct exercise *e = exercise_find(key);
	struct iv_competencies *ivc;
	if (!e)
		return false;
	ivc = arena_alloc(&r->arena, sizeof *ivc);
	iv_competencies_for_position(r, p, ivc);
	iv_exercise_render(r, e, ivc, 3);
	return true;
}

const char *kit_exercise_name(struct request *r, const char *key)
{
	const struct exercise *e = exercise_find(key);
	return e ? e->name[template_lang(r)] : key;
}
