/*
 * interview_view.c — render helpers of the interview pages; see
 * interview_view.h.
 */
#include "web/interview_view.h"

#include <stdlib.h>
#include <string.h>

#include "core/exercises.h"
#include "core/interview_plan.h"
#include "store/profiles.h"
#include "store/questions.h"
#include "util/str.h"
#include "web/bank_source.h"
#include "web/html.h"
#include "web/template_source.h"

int iv_lang_index(const struct request *r)
{
	return template_lang(r);
}

static void add_competency(struct iv_competencies *c, const char *key, const char *label)
{
	if (c->n >= IV_MAX_COMPETENCIES || !key[0] || iv_competency_known(c, key))
		return;
	str_copy(c->items[c->n].key, sizeof c->items[c->n].key, key);
	c->items[c->n].label = label;
	c->n++;
}

/* Adds the template's competencies; false when there is no such template. */
static bool add_template(struct request *r, const char *key, struct iv_competencies *c)
{
	struct role_template t;
	if (str_empty(key) || !template_load(r, key, &t))
		return false;
	int lang = template_lang(r);
	for (size_t i = 0; i < t.ncompetencies && c->n < IV_MAX_COMPETENCIES - 1; i++)
		add_competency(c, t.competencies[i].key, arena_strdup(&r->arena, t.competencies[i].name[lang]));
	role_template_free(&t);
	return true;
}

void iv_competencies_for_template(struct request *r, const char *template_key, struct iv_competencies *out)
{
	memset(out, 0, sizeof *out);
	str_copy(out->template_key, sizeof out->template_key, template_key ? template_key : "");
	add_template(r, template_key, out);
	add_competency(out, COMPETENCY_SALARY_REALISM, _(salary_realism_label()));
}

void iv_competencies_for_position(struct request *r, const struct position *p, struct iv_competencies *out)
{
	memset(out, 0, sizeof *out);
	str_copy(out->template_key, sizeof out->template_key, p->template_key);
	if (!add_template(r, p->template_key, out)) {
		struct profile prof = { 0 };
		if (store_profile_load(r->store, p->id, &prof) == STORE_OK)
			for (size_t i = 0; i < prof.nrequirements && out->n < IV_MAX_COMPETENCIES - 1; i++) {
				const char *k = prof.requirements[i].competency_key;
				if (competency_key_valid(k))
					add_competency(out, k, iv_competency_label(r, NULL, k));
			}
		profile_free(&prof);
	}
	add_competency(out, COMPETENCY_SALARY_REALISM, _(salary_realism_label()));
}

bool iv_competency_known(const struct iv_competencies *c, const char *key)
{
	for (size_t i = 0; c && key && i < c->n; i++)
		if (strcmp(c->items[i].key, key) == 0)
			return true;
	return false;
}

const char *iv_competency_label(struct request *r, const struct iv_competencies *c, const char *key)
{
	if (str_empty(key))
		return "";
	for (size_t i = 0; c && i < c->n; i++)
		if (strcmp(c->items[i].key, key) == 0)
			return c->items[i].label;
	if (strcmp(key, COMPETENCY_SALARY_REALISM) == 0)
		return _(salary_realism_label());
	/* a key of another role (an own question for any role, a copied kit) */
	for (size_t k = 0; k < builtin_template_count(); k++) {
		struct role_template t;
		if (!template_load(r, BUILTIN_TEMPLATE_KEYS[k], &t))
			continue;
		const char *found = NULL;
		for (size_t i = 0; i < t.ncompetencies && !found; i++)
			if (strcmp(t.competencies[i].key, key) == 0)
				found = arena_strdup(&r->arena, t.competencies[i].name[template_lang(r)]);
		role_template_free(&t);
		if (found)
			return found;
	}
	return key;
}

const char *const *iv_competency_keys(struct request *r, const struct iv_competencies *c)
{
	const char **keys = arena_alloc(&r->arena, (c->n + 1) * sizeof *keys);
	for (size_t i = 0; i < c->n; i++)
		keys[i] = c->items[i].key;
	return keys;
}

const char *iv_round_name(const char *stored)
{
	for (size_t i = 0; i < DEFAULT_ROUND_COUNT; i++)
		if (strcmp(stored, DEFAULT_ROUNDS[i].name) == 0)
			return _(DEFAULT_ROUNDS[i].name);
	return stored;
}

const char *iv_round_name_stored(const char *submitted)
{
	for (size_t i = 0; i < DEFAULT_ROUND_COUNT; i++)
		if (strcmp(submitted, _(DEFAULT_ROUNDS[i].name)) == 0 || strcmp(submitted, DEFAULT_ROUNDS[i].name) == 0)
			return DEFAULT_ROUNDS[i].name;
	return submitted;
}

const char *iv_question_type_label(const char *type_code)
{
	enum question_type t;
	if (!question_type_parse(type_code, &t))
		return type_code ? type_code : "";
	return _(question_type_label(t));
}

/* Splits the stored follow-ups (one per line) into q->follow_ups. */
static void split_follow_ups(struct request *r, const char *text, struct iv_question *q)
{
	const char *p = text;
	while (*p && q->nfollow_ups < IV_MAX_FOLLOW_UPS) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *line = str_trim(arena_strndup(&r->arena, p, len));
		if (*line)
			q->follow_ups[q->nfollow_ups++] = line;
		if (!e)
			break;
		p = e + 1;
	}
}

bool iv_question_resolve(struct request *r, const char *ref, const char *lang, struct iv_question *out)
{
	memset(out, 0, sizeof *out);
	if (str_empty(ref) || !str_copy(out->ref, sizeof out->ref, ref))
		return false;
	int64_t id;
	if (question_custom_ref_parse(ref, &id)) {
		struct custom_question *cq = arena_alloc(&r->arena, sizeof *cq);
		if (store_question_get(r->store, id, cq) != STORE_OK)
			return false;
		out->role = cq->role_key;
		out->type = cq->type;
		out->competency = cq->competency;
		out->lang = cq->lang;
		out->text = cq->text;
		out->guide_strong = cq->guide_strong;
		out->guide_weak = cq->guide_weak;
		split_follow_ups(r, cq->follow_ups, out);
		return true;
	}
	const struct bank_question *bq = bank_builtin_question(ref);
	if (!bq)
		return false;
	int li = lang ? (strcmp(lang, "en") == 0 ? TEMPLATE_EN : TEMPLATE_DE) : template_lang(r);
	out->builtin = true;
	out->seed = bq->seed;
	const char *dot = strchr(bq->key, '.');
	out->role = arena_strndup(&r->arena, bq->key, dot ? (size_t)(dot - bq->key) : strlen(bq->key));
	out->type = question_type_code(bq->type);
	out->competency = bq->competency;
	out->lang = li == TEMPLATE_EN ? "en" : "de";
	out->text = bq->text[li];
	for (size_t i = 0; i < bq->nfollow_ups && i < IV_MAX_FOLLOW_UPS; i++)
		out->follow_ups[out->nfollow_ups++] = bq->follow_ups[li][i];
	out->guide_strong = bq->guide_strong[li];
	out->guide_weak = bq->guide_weak[li];
	return true;
}

void iv_question_render(struct request *r, const struct iv_question *q, const struct iv_competencies *c,
			unsigned flags)
{
	struct buf *o = &r->out;
	if (flags & IV_Q_BADGES) {
		html_printf(o, "<p class=\"question-meta\"><span class=\"badge badge-muted\" data-type=\"%s\">%s</span>", q->type,
			    iv_question_type_label(q->type));
		if (!str_empty(q->competency))
			html_printf(o, " <span class=\"badge\" data-competency=\"%s\">%s</span>", q->competency,
				    iv_competency_label(r, c, q->competency));
		html_printf(o, " <span class=\"badge badge-muted\" lang=\"%s\">%s</span>", q->lang, q->lang);
		if (q->seed)
			html_printf(o, " <span class=\"badge badge-ok\">%s</span>", _("From the guide"));
		else if (!q->builtin)
			html_printf(o, " <span class=\"badge badge-warn\">%s</span>", _("Own question"));
		html_raw(o, "</p>");
	}
	html_printf(o, "<p class=\"question-text\" lang=\"%s\">%s</p>", q->lang, q->text);
	if ((flags & IV_Q_FOLLOW_UPS) && q->nfollow_ups) {
		html_printf(o, "<p class=\"question-sub\">%s</p><ul class=\"follow-ups\" lang=\"%s\">", _("Follow-up questions"),
			    q->lang);
		for (size_t i = 0; i < q->nfollow_ups; i++)
			html_printf(o, "<li>%s</li>", q->follow_ups[i]);
		html_raw(o, "</ul>");
	}
	if ((flags & IV_Q_GUIDE) && (!str_empty(q->guide_strong) || !str_empty(q->guide_weak))) {
		html_printf(o, "<dl class=\"rating-guide\" lang=\"%s\">", q->lang);
		if (!str_empty(q->guide_strong))
			html_printf(o, "<div class=\"guide-strong\"><dt>%s</dt><dd>%s</dd></div>", _("A strong answer"),
				    q->guide_strong);
		if (!str_empty(q->guide_weak))
			html_printf(o, "<div class=\"guide-weak\"><dt>%s</dt><dd>%s</dd></div>", _("A weak answer"), q->guide_weak);
		html_raw(o, "</dl>");
	}
}

const char **iv_favourite_refs(struct request *r, size_t *n)
{
	struct question_favourite *f = NULL;
	*n = 0;
	if (!r->authenticated || store_question_favourites(r->store, r->user.id, &f, n) != STORE_OK) {
		*n = 0;
		return NULL;
	}
	const char **refs = arena_alloc(&r->arena, (*n + 1) * sizeof *refs);
	for (size_t i = 0; i < *n; i++)
		refs[i] = arena_strdup(&r->arena, f[i].ref);
	free(f);
	return refs;
}

bool iv_ref_in(const char *const *refs, size_t n, const char *ref)
{
	for (size_t i = 0; refs && ref && i < n; i++)
		if (strcmp(refs[i], ref) == 0)
			return true;
	return false;
}

void iv_rating_anchors(struct request *r)
{
	struct buf *o = &r->out;
	html_printf(o, "<dl class=\"rating-anchors\" aria-label=\"%s\">", _("Rating scale"));
	for (int v = RATING_MIN; v <= RATING_MAX; v++)
		html_printf(o, "<div data-rating=\"%d\"><dt>%d</dt><dd>%s</dd></div>", v, v, _(rating_anchor(v)));
	html_raw(o, "</dl>");
}

void iv_focus_badges(struct request *r, const char *focus, const struct iv_competencies *c)
{
	struct buf *o = &r->out;
	struct focus f;
	if (!focus_parse(focus, NULL, 0, &f, NULL) || f.n == 0) {
		html_printf(o, "<span class=\"muted\">%s</span>", _("No focus competencies"));
		return;
	}
	html_raw(o, "<span class=\"focus-list\">");
	for (size_t i = 0; i < f.n; i++)
		html_printf(o, "<span class=\"badge badge-focus\" data-focus=\"%s\">%s</span>", f.keys[i],
			    iv_competency_label(r, c, f.keys[i]));
	html_raw(o, "</span>");
}

void iv_exercise_render(struct request *r, const struct exercise *e, const struct iv_competencies *c, int h)
{
	struct buf *o = &r->out;
	int li = template_lang(r);
	int hs = h == 3 ? 3 : 2, hsub = hs + 1;
	html_printf(o, "<article class=\"exercise card\" id=\"exercise-%s\" data-exercise=\"%s\">", e->key, e->key);
	html_printf(o, "<h%d>%s</h%d>", hs, e->name[li], hs);
	html_printf(o, "<p class=\"question-meta\"><span class=\"badge badge-muted\">%s</span> <span class=\"badge badge-muted\">%s</span>",
		    _(exercise_kind_label(e->kind)), arena_printf(&r->arena, _("%d minutes"), e->duration_minutes));
	for (size_t i = 0; i < e->ncompetencies; i++)
		html_printf(o, " <span class=\"badge\" data-competency=\"%s\">%s</span>", e->competencies[i],
			    iv_competency_label(r, c, e->competencies[i]));
	html_raw(o, "</p>");
	html_printf(o, "<h%d>%s</h%d><p class=\"prewrap\">%s</p>", hsub, _("Scenario"), hsub, e->scenario[li]);
	html_printf(o, "<h%d>%s</h%d><p class=\"prewrap\">%s</p>", hsub, _("Instructions for the interviewer"), hsub,
		    e->instructions[li]);
	html_printf(o, "<h%d>%s</h%d><ul class=\"observe\">", hsub, _("What to observe"), hsub);
	for (size_t i = 0; i < e->nobserve; i++)
		html_printf(o, "<li>%s</li>", e->observe[li][i]);
	html_raw(o, "</ul>");
	html_printf(o, "<h%d>%s</h%d><dl class=\"rating-anchors rubric\">", hsub, _("Rubric"), hsub);
	for (int v = 1; v <= EXERCISE_ANCHORS; v++)
		html_printf(o, "<div data-rating=\"%d\"><dt>%d · %s</dt><dd>%s</dd></div>", v, v, _(rating_short_label(v)),
			    e->rubric[v - 1][li]);
	html_raw(o, "</dl></article>");
}
