/*
 * page_questions.c — the interview question bank (R-INT-1): the built-in
 * questions of each role (Key Account Manager, BDM, Head of Engineering)
 * and the users' own ones, filtered by type, competency, language and
 * favourites, each with its type, the competency it probes, follow-ups and
 * the rating guide (what a strong and a weak answer sound like); a form to
 * add an own question, and the favourite mark per user.
 */
#include <stdlib.h>
#include <string.h>

#include "core/interview_plan.h"
#include "store/questions.h"
#include "util/str.h"
#include "web/bank_source.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/template_source.h"

#define OWN_MAX_FOLLOW_UPS 5

/* The filter of the list, from the query string. */
struct bank_view {
	const struct question_bank *bank;   /* the role shown */
	const char *role;
	const char *type, *competency, *lang;
	bool fav;
	struct iv_competencies comp;
};

static const char *bank_role_name(struct request *r, const char *key)
{
	struct role_template t;
	if (!template_load(r, key, &t))
		return key;
	const char *name = arena_strdup(&r->arena, t.name[template_lang(r)]);
	role_template_free(&t);
	return name;
}

/* The bank named by ?role= (or the first one). */
static void view_from_query(struct request *r, struct bank_view *v)
{
	memset(v, 0, sizeof *v);
	size_t nb;
	const struct question_bank *banks = bank_builtin_all(&nb);
	const char *role = req_query(r, "role");
	v->bank = nb ? &banks[0] : NULL;
	for (size_t i = 0; i < nb; i++)
		if (str_eq(role, banks[i].role))
			v->bank = &banks[i];
	v->role = v->bank ? v->bank->role : "";
	v->type = req_query(r, "type");
	v->competency = req_query(r, "competency");
	v->lang = req_query(r, "lang");
	if (!str_eq(v->lang, "de") && !str_eq(v->lang, "en"))
		v->lang = NULL;
	v->fav = str_eq(req_query(r, "fav"), "1");
	iv_competencies_for_template(r, v->role, &v->comp);
}

/* The query string of the view without leading "?". */
static const char *view_query(struct request *r, const struct bank_view *v)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "role=");
	html_url_arg(&b, v->role);
	if (!str_empty(v->type)) {
		buf_printf(&b, "&type=");
		html_url_arg(&b, v->type);
	}
	if (!str_empty(v->competency)) {
		buf_printf(&b, "&competency=");
		html_url_arg(&b, v->competency);
	}
	if (v->lang)
		buf_printf(&b, "&lang=%s", v->lang);
	if (v->fav)
		buf_printf(&b, "&fav=1");
	char *s = arena_strdup(&r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static bool view_keeps(const struct bank_view *v, const struct iv_question *q, bool fav)
{
	if (!str_empty(v->type) && !str_eq(q->type, v->type))
		return false;
	if (!str_empty(v->competency) && !str_eq(q->competency, v->competency))
		return false;
	if (v->lang && !q->builtin && !str_eq(q->lang, v->lang))
		return false;
	return !v->fav || fav;
}

static void question_item(struct request *r, const struct bank_view *v, const struct iv_question *q, bool fav)
{
	struct buf *o = &r->out;
	html_printf(o, "<article class=\"card question\" id=\"q-%s\" data-ref=\"%s\">", q->ref, q->ref);
	iv_question_render(r, q, &v->comp, IV_Q_BADGES | IV_Q_FOLLOW_UPS | IV_Q_GUIDE);
	html_raw(o, "<form class=\"inline-form fav-form\" method=\"post\" action=\"/questions/favourite\">");
	csrf_field(r);
	html_printf(o, "<input type=\"hidden\" name=\"ref\" value=\"%s\"><input type=\"hidden\" name=\"next\" value=\"/questions?%s\">"
		       "<button class=\"btn btn-small%s\" aria-pressed=\"%s\">%s</button></form></article>",
		    q->ref, view_query(r, v), fav ? " is-favourite" : "", fav ? "true" : "false",
		    fav ? _("★ Favourite") : _("☆ Mark as favourite"));
}

static void filter_form(struct request *r, const struct bank_view *v)
{
	struct buf *o = &r->out;
	html_printf(o, "<form class=\"filter-form card\" method=\"get\" action=\"/questions\"><input type=\"hidden\" name=\"role\" value=\"%s\">",
		    v->role);
	html_printf(o, "<div class=\"field\"><label for=\"flt-type\">%s</label><select id=\"flt-type\" name=\"type\"><option value=\"\">%s</option>",
		    _("Type"), _("All types"));
	for (int t = 0; t < QUESTION_TYPE__COUNT; t++) {
		const char *code = question_type_code((enum question_type)t);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code, str_eq(v->type, code) ? " selected" : "",
			    _(question_type_label((enum question_type)t)));
	}
	html_printf(o, "</select></div><div class=\"field\"><label for=\"flt-competency\">%s</label><select id=\"flt-competency\" name=\"competency\"><option value=\"\">%s</option>",
		    _("Competency"), _("All competencies"));
	for (size_t i = 0; i < v->comp.n; i++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", v->comp.items[i].key,
			    str_eq(v->competency, v->comp.items[i].key) ? " selected" : "", v->comp.items[i].label);
	html_printf(o, "</select></div><div class=\"field\"><label for=\"flt-lang\">%s</label><select id=\"flt-lang\" name=\"lang\">"
		       "<option value=\"\">%s</option><option value=\"de\"%s>%s</option><option value=\"en\"%s>%s</option></select></div>",
		    _("Language"), _("Page language"), str_eq(v->lang, "de") ? " selected" : "", _("German"),
		    str_eq(v->lang, "en") ? " selected" : "", _("English"));
	html_printf(o, "<label class=\"check\"><input type=\"checkbox\" id=\"flt-fav\" name=\"fav\" value=\"1\"%s> %s</label>"
		       "<div class=\"form-actions\"><button class=\"btn\">%s</button> <a href=\"/questions?role=%s\">%s</a></div></form>",
		    v->fav ? " checked" : "", _("Favourites only"), _("Filter"), v->role, _("Reset"));
}

static void textarea_field(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			   const char *value, const char *hint, int rows)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field%s\"><label for=\"f-%s\">%s</label><textarea id=\"f-%s\" name=\"%s\" rows=\"%d\" required",
		    err ? " has-error" : "", name, label, name, name, rows);
	if (err)
		html_printf(o, " aria-invalid=\"true\" aria-describedby=\"f-%s-err\"", name);
	else if (hint)
		html_printf(o, " aria-describedby=\"f-%s-hint\"", name);
	html_printf(o, ">%s</textarea>", value ? value : "");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-%s-err\">%s</p>", name, err);
	else if (hint)
		html_printf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>", name, hint);
	html_raw(o, "</div>");
}

/* Opens a select field; returns its error. */
static const char *select_open(struct request *r, const struct form_errors *fe, const char *name, const char *label)
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\" required",
		    err ? " has-error" : "", name, label, name, name);
	if (err)
		html_printf(&r->out, " aria-invalid=\"true\" aria-describedby=\"f-%s-err\"", name);
	html_raw(&r->out, ">");
	return err;
}

static void select_close(struct request *r, const char *name, const char *err)
{
	html_raw(&r->out, "</select>");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"f-%s-err\">%s</p>", name, err);
	html_raw(&r->out, "</div>");
}

/* The form for an own question; d holds the submitted values (or NULL). */
static void own_question_form(struct request *r, const struct bank_view *v, const struct custom_question *d,
			      const struct form_errors *fe)
{
	struct buf *o = &r->out;
	size_t nb;
	const struct question_bank *banks = bank_builtin_all(&nb);
	const char *role = d ? d->role_key : v->role;
	html_printf(o, "<section class=\"card\" id=\"own-question\"><h2>%s</h2><p class=\"hint\">%s</p>", _("Add an own question"),
		    _("Own questions appear next to the built-in ones and can be put into every kit of the role."));
	form_error_summary(r, fe);
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/questions?role=%s#own-question\" novalidate>", v->role);
	csrf_field(r);

	const char *err = select_open(r, fe, "role", _("Role"));
	html_printf(o, "<option value=\"\"%s>%s</option>", d && !d->role_key[0] ? " selected" : "", _("Any role"));
	for (size_t i = 0; i < nb; i++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", banks[i].role, str_eq(role, banks[i].role) ? " selected" : "",
			    bank_role_name(r, banks[i].role));
	select_close(r, "role", err);

	err = select_open(r, fe, "type", _("Type"));
	html_printf(o, "<option value=\"\">%s</option>", _("— please choose —"));
	for (int t = 0; t < QUESTION_TYPE__COUNT; t++) {
		const char *code = question_type_code((enum question_type)t);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code, d && str_eq(d->type, code) ? " selected" : "",
			    _(question_type_label((enum question_type)t)));
	}
	select_close(r, "type", err);

	err = select_open(r, fe, "competency", _("Competency it probes"));
	html_printf(o, "<option value=\"\">%s</option>", _("— please choose —"));
	bool chosen = false;   /* a key several roles share is selected once */
	for (size_t i = 0; i < nb; i++) {
		struct iv_competencies c;
		iv_competencies_for_template(r, banks[i].role, &c);
		html_printf(o, "<optgroup label=\"%s\">", bank_role_name(r, banks[i].role));
		for (size_t k = 0; k + 1 < c.n; k++) {   /* salary_realism (last) gets its own group */
			bool sel = !chosen && d && str_eq(d->competency, c.items[k].key) &&
				   (str_eq(d->role_key, banks[i].role) || !d->role_key[0]);
			chosen = chosen || sel;
			html_printf(o, "<option value=\"%s\"%s>%s</option>", c.items[k].key, sel ? " selected" : "", c.items[k].label);
		}
		html_raw(o, "</optgroup>");
	}
	html_printf(o, "<optgroup label=\"%s\"><option value=\"%s\"%s>%s</option></optgroup>", _("Every role"),
		    COMPETENCY_SALARY_REALISM, d && str_eq(d->competency, COMPETENCY_SALARY_REALISM) ? " selected" : "",
		    _(salary_realism_label()));
	select_close(r, "competency", err);

	err = select_open(r, fe, "lang", _("Language"));
	const char *lang = d ? d->lang : (r->lang == LANG_EN ? "en" : "de");
	html_printf(o, "<option value=\"de\"%s>%s</option><option value=\"en\"%s>%s</option>", str_eq(lang, "de") ? " selected" : "",
		    _("German"), str_eq(lang, "en") ? " selected" : "", _("English"));
	select_close(r, "lang", err);

	textarea_field(r, fe, "text", _("Question"), d ? d->text : "", NULL, 3);
	textarea_field(r, fe, "follow_ups", _("Follow-up questions"), d ? d->follow_ups : "",
		       _("One per line, at most five."), 3);
	textarea_field(r, fe, "guide_strong", _("What a strong answer sounds like"), d ? d->guide_strong : "", NULL, 3);
	textarea_field(r, fe, "guide_weak", _("What a weak answer sounds like"), d ? d->guide_weak : "", NULL, 3);
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Add question"));
}

static void render_bank(struct request *r, const struct custom_question *draft, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	struct bank_view v;
	view_from_query(r, &v);
	if (draft) {   /* show the tab of the role the question was for */
		size_t nb;
		const struct question_bank *banks = bank_builtin_all(&nb);
		for (size_t i = 0; i < nb && draft->role_key[0]; i++)
			if (str_eq(draft->role_key, banks[i].role) && !str_eq(v.role, banks[i].role)) {
				v.bank = &banks[i];
				v.role = banks[i].role;
				iv_competencies_for_template(r, v.role, &v.comp);
			}
	}
	struct custom_question *own = NULL;
	size_t nown = 0;
	if (store_question_list(r->store, NULL, &own, &nown) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	size_t nfav;
	const char **favs = iv_favourite_refs(r, &nfav);

	page_begin(r, _("Question bank"), NAV_POSITIONS);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><div><h1>%s</h1></div><div class=\"actions\"><a class=\"btn\" href=\"/exercises\">%s</a></div></div>",
		    _("Question bank"), _("Sales exercises"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Questions for structured interviews: behavioural and situational questions, each tied to the "
		      "competency it probes, with follow-ups and what strong and weak answers sound like. Put them into the "
		      "kits of a position's interview plan."));
	size_t nb;
	const struct question_bank *banks = bank_builtin_all(&nb);
	html_printf(o, "<nav class=\"subnav bank-tabs\" aria-label=\"%s\"><ul>", _("Roles"));
	for (size_t i = 0; i < nb; i++)
		html_printf(o, "<li><a href=\"/questions?role=%s\" aria-current=\"%s\">%s</a></li>", banks[i].role,
			    str_eq(v.role, banks[i].role) ? "page" : "false", bank_role_name(r, banks[i].role));
	html_raw(o, "</ul></nav>");
	filter_form(r, &v);

	html_printf(o, "<section class=\"question-list\" aria-labelledby=\"bank-heading\"><h2 id=\"bank-heading\">%s</h2>",
		    bank_role_name(r, v.role));
	size_t shown = 0;
	for (size_t i = 0; v.bank && i < v.bank->nquestions; i++) {
		struct iv_question q;
		const char *ref = v.bank->questions[i].key;
		bool fav = iv_ref_in(favs, nfav, ref);
		if (!iv_question_resolve(r, ref, v.lang, &q) || !view_keeps(&v, &q, fav))
			continue;
		question_item(r, &v, &q, fav);
		shown++;
	}
	for (size_t i = 0; i < nown; i++) {
		if (own[i].role_key[0] && !str_eq(own[i].role_key, v.role))
			continue;
		char ref[QUESTION_REF_MAX];
		question_custom_ref(own[i].id, ref, sizeof ref);
		struct iv_question q;
		bool fav = iv_ref_in(favs, nfav, ref);
		if (!iv_question_resolve(r, ref, NULL, &q) || !view_keeps(&v, &q, fav))
			continue;
		question_item(r, &v, &q, fav);
		shown++;
	}
	if (shown == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No questions match the filter."));
	else
		html_printf(o, "<p class=\"muted bank-count\">%s</p>",
			    arena_printf(&r->arena, shown == 1 ? _("%zu question") : _("%zu questions"), shown));
	html_raw(o, "</section>");
	if (permission_allows(&r->principal, ACTION_EDIT_POSITIONS))
		own_question_form(r, &v, draft, fe);
	free(own);
	page_end(r);
}

void page_questions(struct request *r)
{
	render_bank(r, NULL, NULL);
}

/* A competency of role (any role when ""), or salary_realism. */
static bool competency_of_role(struct request *r, const char *role, const char *key)
{
	if (str_eq(key, COMPETENCY_SALARY_REALISM))
		return true;
	size_t nb;
	const struct question_bank *banks = bank_builtin_all(&nb);
	for (size_t i = 0; i < nb; i++) {
		if (role[0] && !str_eq(role, banks[i].role))
			continue;
		struct iv_competencies c;
		iv_competencies_for_template(r, banks[i].role, &c);
		if (iv_competency_known(&c, key))
			return true;
	}
	return false;
}

/* Copies a required text field (trimmed) into out; the problem into fe. */
static void read_text(struct request *r, struct form_errors *fe, const char *name, char *out, size_t n,
		      const char *missing)
{
	const char *v = req_form(r, name);
	char *t = str_trim(arena_strdup(&r->arena, v ? v : ""));
	str_copy(out, n, t);
	if (!*t)
		form_error(fe, name, missing);
	else if (strlen(t) >= n)
		form_error(fe, name, arena_printf(&r->arena, _("Please shorten this text to at most %zu characters."), n - 1));
}

void page_question_create(struct request *r)
{
	struct custom_question *q = arena_alloc(&r->arena, sizeof *q);
	struct form_errors fe = { 0 };
	size_t nb;
	const struct question_bank *banks = bank_builtin_all(&nb);

	const char *role = req_form(r, "role");
	bool role_ok = str_empty(role);
	for (size_t i = 0; i < nb && !role_ok; i++)
		role_ok = str_eq(role, banks[i].role);
	if (!role_ok)
		form_error(&fe, "role", _("Please choose a role."));
	else
		str_copy(q->role_key, sizeof q->role_key, role ? role : "");

	const char *type = req_form(r, "type");
	enum question_type t;
	if (!question_type_parse(type, &t))
		form_error(&fe, "type", _("Please choose the type of question."));
	else
		str_copy(q->type, sizeof q->type, question_type_code(t));

	const char *comp = req_form(r, "competency");
	if (str_empty(comp))
		form_error(&fe, "competency", _("Please choose the competency the question probes."));
	else if (!competency_of_role(r, q->role_key, comp))
		form_error(&fe, "competency", _("Please choose a competency of the chosen role."));
	str_copy(q->competency, sizeof q->competency, comp ? comp : "");

	const char *lang = req_form(r, "lang");
	if (!str_eq(lang, "de") && !str_eq(lang, "en"))
		form_error(&fe, "lang", _("Please choose German or English."));
	else
		str_copy(q->lang, sizeof q->lang, lang);

	read_text(r, &fe, "text", q->text, sizeof q->text, _("Please enter the question."));
	read_text(r, &fe, "follow_ups", q->follow_ups, sizeof q->follow_ups, _("Please enter at least one follow-up question."));
	if (!form_error_for(&fe, "follow_ups")) {
		size_t lines = 0;
		for (const char *p = q->follow_ups; *p;) {
			const char *e = strchr(p, '\n');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			char *line = str_trim(arena_strndup(&r->arena, p, len));
			lines += *line != '\0';
			p += len + (e ? 1 : 0);
		}
		if (lines > OWN_MAX_FOLLOW_UPS)
			form_error(&fe, "follow_ups", _("Please enter at most five follow-up questions, one per line."));
	}
	read_text(r, &fe, "guide_strong", q->guide_strong, sizeof q->guide_strong,
		  _("Please describe what a strong answer sounds like."));
	read_text(r, &fe, "guide_weak", q->guide_weak, sizeof q->guide_weak, _("Please describe what a weak answer sounds like."));

	if (fe.n) {
		r->status = 422;
		render_bank(r, q, &fe);
		return;
	}
	struct actor a = req_actor(r);
	enum store_rc rc = store_question_create(r->store, &a, q, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "text", _("The text is not valid UTF-8 or too long."));
		r->status = 422;
		render_bank(r, q, &fe);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	char ref[QUESTION_REF_MAX];
	question_custom_ref(q->id, ref, sizeof ref);
	resp_redirect(r, arena_printf(&r->arena, "/questions?role=%s&done=saved#q-%s", q->role_key[0] ? q->role_key : "", ref));
}

void page_question_favourite(struct request *r)
{
	const char *ref = req_form(r, "ref");
	int64_t id;
	if (str_empty(ref) || (!bank_builtin_question(ref) && !question_custom_ref_parse(ref, &id))) {
		page_error(r, 404, _("There is no such question."));
		return;
	}
	struct actor a = req_actor(r);
	bool on = false;
	enum store_rc rc = store_question_favourite_toggle(r->store, &a, r->user.id, ref, r->now, &on);
	if (rc == STORE_INVALID || rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such question."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	const char *next = safe_local_path(req_form(r, "next"), "/questions");
	if (strchr(next, '#'))
		resp_redirect(r, next);
	else
		resp_redirect(r, arena_printf(&r->arena, "%s#q-%s", next, ref));
}
