/*
 * page_interview_plan.c — the interview plan of a position (R-INT-2..4,
 * R-SALES-2, R-GUARD-4): its rounds in order (the default three are
 * created on the first visit of someone who may edit), each with name,
 * pipeline stage, duration, interviewers with their focus competencies
 * (defaults from the stakeholder role), and the kit of core questions and
 * exercises with its version history ("v1 used for 3 candidates"). A
 * fourth round is allowed and warned about (guard.too_many_rounds).
 *
 * Every change is a small form posting to /positions/{id}/interviews/…;
 * bad input re-renders the page with the message at the field and changes
 * nothing. The one write on GET is materialising the default rounds on the
 * first visit: idempotent, audited, and only for users who may edit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "core/exercises.h"
#include "core/interview_plan.h"
#include "store/interview_plans.h"
#include "store/applications.h"
#include "store/profiles.h"
#include "store/questions.h"
#include "store/scorecards.h"
#include "util/str.h"
#include "web/bank_source.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pipeline_ops.h"
#include "web/position_chrome.h"

/* Room for the default focus of one stakeholder, joined with commas. */
#define FOCUS_TEXT_MAX (FOCUS_MAX * COMPETENCY_KEY_MAX)

/* A candidate's interview in a round and the kit version it got (R-INT-3). */
struct planned {
	int64_t round_id;
	int kit_version;
	int64_t candidate_id;
	const char *name;
};

/* Everything the page shows, loaded once per request. */
struct plan_ctx {
	struct position pos;
	struct profile prof;                       /* stakeholders */
	struct user *users;
	size_t nusers;
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t nstages;
	struct iv_competencies comp;
	struct interview_round *rounds;
	size_t nrounds;
	bool can_edit;
	struct planned *planned;                   /* arena; only for who sees candidates */
	size_t nplanned;

	/* a form that failed: the round it belongs to (-1: the add form) */
	int64_t err_round;
	const struct form_errors *fe;
	const struct interview_round *draft;       /* its submitted values */
	const char *error;                         /* a message above everything */

	/* the question picker's filter (?round=&type=&competency=&fav=) */
	int64_t pick_round;
	const char *pick_type, *pick_comp;
	bool pick_fav;
};

static void ctx_free(struct plan_ctx *c)
{
	profile_free(&c->prof);
	free(c->users);
	free(c->rounds);
	c->users = NULL;
	c->rounds = NULL;
}

static const struct user *user_find(const struct plan_ctx *c, int64_t id)
{
	for (size_t i = 0; i < c->nusers; i++)
		if (c->users[i].id == id)
			return &c->users[i];
	return NULL;
}

static const char *user_shown(const struct user *u)
{
	return u->display_name[0] ? u->display_name : u->name;
}

/* The stakeholder with an account user_id (the first one), or NULL. */
static const struct stakeholder *stakeholder_of_user(const struct plan_ctx *c, int64_t user_id)
{
	for (size_t i = 0; i < c->prof.nstakeholders; i++)
		if (c->prof.stakeholders[i].user_id == user_id)
			return &c->prof.stakeholders[i];
	return NULL;
}

/* The default focus of a stakeholder role among the plan's competencies. */
static void default_focus(struct request *r, const struct plan_ctx *c, enum stakeholder_role role, char *out, size_t n)
{
	const char *keys[FOCUS_MAX];
	size_t k = interview_default_focus(role, iv_competency_keys(r, &c->comp), c->comp.n, keys, FOCUS_MAX);
	out[0] = '\0';
	for (size_t i = 0; i < k; i++) {
		if (i)
			strncat(out, ",", n - strlen(out) - 1);
		strncat(out, keys[i], n - strlen(out) - 1);
	}
}

/* Who takes part in default round ord: the sales head (and HR) meet the
 * candidate first, every stakeholder in the in-depth round, management in
 * the final one. */
static bool default_round_has(int ord, enum stakeholder_role role)
{
	switch (ord) {
	case 1:
		return role == STAKEHOLDER_SALES_HEAD || role == STAKEHOLDER_HR;
	case 2:
		return true;
	default:
		return role == STAKEHOLDER_MANAGING_DIRECTOR || role == STAKEHOLDER_SALES_HEAD;
	}
}

/* The three default rounds (R-INT-2) with the stakeholders that have an
 * active account as interviewers and their default focus (R-INT-4). */
static enum store_rc ensure_default_plan(struct request *r, struct plan_ctx *c)
{
	struct interview_round *d = calloc(DEFAULT_ROUND_COUNT, sizeof *d);
	if (!d)
		return STORE_ERROR;
	for (size_t i = 0; i < DEFAULT_ROUND_COUNT; i++) {
		const struct default_round *dr = &DEFAULT_ROUNDS[i];
		d[i].position_id = c->pos.id;
		str_copy(d[i].name, sizeof d[i].name, dr->name);
		if (pipeline_find(c->stages, c->nstages, dr->stage))
			str_copy(d[i].stage, sizeof d[i].stage, dr->stage);
		d[i].duration_minutes = dr->duration_minutes;
		for (size_t k = 0; k < c->prof.nstakeholders && d[i].ninterviewers < ROUND_MAX_INTERVIEWERS; k++) {
			const struct stakeholder *sh = &c->prof.stakeholders[k];
			const struct user *u = sh->user_id ? user_find(c, sh->user_id) : NULL;
			if (!u || u->disabled || stakeholder_of_user(c, sh->user_id) != sh || !default_round_has(dr->ord, sh->role))
				continue;
			struct round_interviewer *iv = &d[i].interviewers[d[i].ninterviewers++];
			iv->user_id = u->id;
			default_focus(r, c, sh->role, iv->focus, sizeof iv->focus);
		}
	}
	struct actor a = req_actor(r);
	enum store_rc rc = store_interview_plan_ensure_default(r->store, &a, c->pos.id, d, DEFAULT_ROUND_COUNT, r->now, NULL);
	free(d);
	return rc;
}

/* Loads position (path argument 0), stakeholders, users, stages,
 * competencies and rounds; creates the default plan first when ensure and
 * the user may edit. Answers the error page and returns false on failure. */
static bool plan_load(struct request *r, struct plan_ctx *c, bool ensure)
{
	memset(c, 0, sizeof *c);
	if (!position_load_from_path(r, &c->pos))
		return false;
	c->can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	if (store_profile_load(r->store, c->pos.id, &c->prof) != STORE_OK ||
	    store_user_list(r->store, &c->users, &c->nusers) != STORE_OK ||
	    pipeline_stages_load(r, c->pos.id, c->stages, &c->nstages, NULL) != STORE_OK)
		goto fail;
	iv_competencies_for_position(r, &c->pos, &c->comp);
	if (store_interview_plan_get(r->store, c->pos.id, &c->rounds, &c->nrounds) != STORE_OK)
		goto fail;
	if (ensure && c->can_edit && c->nrounds == 0) {
		free(c->rounds);
		c->rounds = NULL;
		if (ensure_default_plan(r, c) != STORE_OK ||
		    store_interview_plan_get(r->store, c->pos.id, &c->rounds, &c->nrounds) != STORE_OK)
			goto fail;
	}
	return true;
fail:
	ctx_free(c);
	page_error(r, 500, NULL);
	return false;
}

/* The round of path argument 1 within the loaded plan, else 404. */
static struct interview_round *round_from_path(struct request *r, struct plan_ctx *c)
{
	int64_t id = req_path_arg(r, 1);
	for (size_t i = 0; i < c->nrounds; i++)
		if (c->rounds[i].id == id)
			return &c->rounds[i];
	ctx_free(c);
	page_error(r, 404, NULL);
	return NULL;
}

static const char *plan_path(struct request *r, const struct plan_ctx *c, int64_t round_id, const char *done)
{
	if (round_id > 0)
		return arena_printf(&r->arena, "/positions/%lld/interviews?done=%s#round-%lld", (long long)c->pos.id, done,
				    (long long)round_id);
	return arena_printf(&r->arena, "/positions/%lld/interviews?done=%s", (long long)c->pos.id, done);
}

/* The interviews planned for the position's candidates, for the version
 * history; only loaded for roles that see candidates. */
static void load_planned(struct request *r, struct plan_ctx *c)
{
	struct application_card *cards = NULL;
	size_t ncards = 0;
	if (!permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES) ||
	    store_application_board(r->store, c->pos.id, &cards, &ncards) != STORE_OK)
		return;
	for (size_t i = 0; i < ncards; i++) {
		struct interview *iv = NULL;
		size_t niv = 0;
		if (store_interviews_for_application(r->store, cards[i].a.id, &iv, &niv) != STORE_OK)
			continue;
		if (niv) {
			struct planned *grown = arena_alloc(&r->arena, (c->nplanned + niv) * sizeof *grown);
			if (c->nplanned)
				memcpy(grown, c->planned, c->nplanned * sizeof *grown);
			c->planned = grown;
		}
		for (size_t k = 0; k < niv; k++) {
			struct planned *p = &c->planned[c->nplanned++];
			p->round_id = iv[k].round_id;
			p->kit_version = iv[k].kit_version;
			p->candidate_id = cards[i].a.candidate_id;
			p->name = arena_printf(&r->arena, "%s %s", cards[i].first_name, cards[i].last_name);
		}
		free(iv);
	}
	free(cards);
}

/* ---- rendering ---------------------------------------------------------------------------- */

static void plan_checks(struct request *r, const struct plan_ctx *c)
{
	struct buf *o = &r->out;
	struct guard_finding f[4];
	size_t nf = interview_rounds_check(c->nrounds, f, 4);
	html_printf(o, "<section class=\"card checks plan-checks\" id=\"checks\"><h2>%s</h2>", _("Plan check"));
	if (nf == 0)
		html_printf(o, "<p class=\"check-ok\">%s</p>", _("Three rounds or fewer: candidates are not worn down by the process."));
	else {
		html_raw(o, "<ul class=\"findings\">");
		for (size_t i = 0; i < nf; i++)
			html_printf(o, "<li class=\"finding finding-%s\" data-rule=\"%s\"><span class=\"badge badge-%s\">%s</span> %s</li>",
				    severity_code(f[i].severity), f[i].rule, f[i].severity == SEVERITY_ERROR ? "error" : "warn",
				    f[i].severity == SEVERITY_ERROR ? _("Error") : _("Warning"), _(f[i].message));
		html_raw(o, "</ul>");
	}
	html_raw(o, "</section>");
}

/* Opens a field with its label; returns its error (or NULL). */
static const char *field_open(struct request *r, const struct form_errors *fe, const char *prefix, const char *name,
			      const char *label)
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"%s-%s\">%s</label>", err ? " has-error" : "", prefix, name,
		    label);
	return err;
}

static void field_close(struct request *r, const char *prefix, const char *name, const char *err)
{
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"%s-%s-err\">%s</p>", prefix, name, err);
	html_raw(&r->out, "</div>");
}

static void invalid_attrs(struct request *r, const char *prefix, const char *name, const char *err)
{
	if (err)
		html_printf(&r->out, " aria-invalid=\"true\" aria-describedby=\"%s-%s-err\"", prefix, name);
}

/* Name, stage and duration of a round (or a new one); prefix makes the ids
 * unique on the page. */
static void round_fields(struct request *r, const struct plan_ctx *c, const char *prefix, const struct interview_round *v,
			 const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const char *err = field_open(r, fe, prefix, "name", _("Name"));
	html_printf(o, "<input id=\"%s-name\" name=\"name\" type=\"text\" maxlength=\"%d\" required value=\"%s\"", prefix,
		    ROUND_NAME_MAX, v ? iv_round_name(v->name) : "");
	invalid_attrs(r, prefix, "name", err);
	html_raw(o, ">");
	field_close(r, prefix, "name", err);

	err = field_open(r, fe, prefix, "stage", _("Pipeline stage"));
	html_printf(o, "<select id=\"%s-stage\" name=\"stage\"", prefix);
	invalid_attrs(r, prefix, "stage", err);
	html_printf(o, "><option value=\"\">%s</option>", _("— no stage —"));
	for (size_t i = 0; i < c->nstages; i++)
		if (c->stages[i].kind == STAGE_ACTIVE || (v && strcmp(v->stage, c->stages[i].code) == 0))
			html_printf(o, "<option value=\"%s\"%s>%s</option>", c->stages[i].code,
				    v && strcmp(v->stage, c->stages[i].code) == 0 ? " selected" : "",
				    stage_label_shown(&c->stages[i]));
	html_raw(o, "</select>");
	field_close(r, prefix, "stage", err);

	err = field_open(r, fe, prefix, "duration", _("Duration (minutes)"));
	html_printf(o, "<input id=\"%s-duration\" name=\"duration\" type=\"number\" min=\"%d\" max=\"%d\" step=\"5\" required value=\"%d\"",
		    prefix, ROUND_DURATION_MIN, ROUND_DURATION_MAX, v ? v->duration_minutes : 60);
	invalid_attrs(r, prefix, "duration", err);
	html_raw(o, ">");
	field_close(r, prefix, "duration", err);
}

/* The small POST form of one button. */
static void button_form(struct request *r, const char *action, const char *field, const char *value,
			const char *label, const char *cls, const char *confirm)
{
	struct buf *o = &r->out;
	html_printf(o, "<form class=\"inline-form\" method=\"post\" action=\"%s\"", action);
	if (confirm)
		html_printf(o, " data-confirm=\"%s\"", confirm);
	html_raw(o, ">");
	csrf_field(r);
	if (field)
		html_printf(o, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", field, value);
	html_printf(o, "<button class=\"btn btn-small%s%s\">%s</button></form>", cls ? " " : "", cls ? cls : "", label);
}

static void round_head(struct request *r, const struct plan_ctx *c, const struct interview_round *rd)
{
	struct buf *o = &r->out;
	const char *base = arena_printf(&r->arena, "/positions/%lld/interviews/%lld", (long long)c->pos.id, (long long)rd->id);
	html_printf(o, "<div class=\"round-head\"><div><h2><span class=\"round-ord\">%d.</span> %s</h2><p class=\"muted round-meta\">",
		    rd->ord, iv_round_name(rd->name));
	if (rd->stage[0])
		html_printf(o, "%s · ", stage_label_for_code(c->stages, c->nstages, rd->stage));
	html_printf(o, "%s</p></div>", arena_printf(&r->arena, _("%d minutes"), rd->duration_minutes));
	if (c->can_edit) {
		html_raw(o, "<div class=\"item-actions round-actions\">");
		if (rd->ord > 1)
			button_form(r, arena_printf(&r->arena, "%s/move", base), "dir", "up", _("Move up"), NULL, NULL);
		if ((size_t)rd->ord < c->nrounds)
			button_form(r, arena_printf(&r->arena, "%s/move", base), "dir", "down", _("Move down"), NULL, NULL);
		button_form(r, arena_printf(&r->arena, "%s/delete", base), NULL, NULL, _("Delete round"), "btn-danger",
			    _("Delete this round with its interviewers and kit?"));
		html_raw(o, "</div>");
	}
	html_raw(o, "</div>");
	if (c->can_edit) {
		bool failed = c->err_round == rd->id;
		const char *prefix = arena_printf(&r->arena, "r%lld", (long long)rd->id);
		html_printf(o, "<details class=\"edit\"%s><summary>%s</summary>", failed ? " open" : "", _("Edit name, stage and duration"));
		if (failed)
			form_error_summary_for(r, c->fe, prefix);
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"%s\" novalidate>", base);
		csrf_field(r);
		round_fields(r, c, prefix, failed && c->draft ? c->draft : rd, failed ? c->fe : NULL);
		html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></details>",
			    _("Save round"));
	}
}

/* The focus of user u in round rd: stored for an interviewer, else the
 * default of their stakeholder role. */
static const char *focus_of(struct request *r, const struct plan_ctx *c, const struct interview_round *rd,
			    const struct user *u, bool *selected)
{
	for (size_t i = 0; i < rd->ninterviewers; i++)
		if (rd->interviewers[i].user_id == u->id) {
			*selected = true;
			return rd->interviewers[i].focus;
		}
	*selected = false;
	const struct stakeholder *sh = stakeholder_of_user(c, u->id);
	if (!sh)
		return "";
	char *buf = arena_alloc(&r->arena, FOCUS_TEXT_MAX);
	default_focus(r, c, sh->role, buf, FOCUS_TEXT_MAX);
	return buf;
}

static void interviewer_choice(struct request *r, const struct plan_ctx *c, const struct interview_round *rd,
			       const struct user *u)
{
	struct buf *o = &r->out;
	bool selected;
	const char *focus = focus_of(r, c, rd, u, &selected);
	struct focus f;
	if (!focus_parse(focus, NULL, 0, &f, NULL))
		f.n = 0;
	const struct stakeholder *sh = stakeholder_of_user(c, u->id);
	long long rid = (long long)rd->id, uid = (long long)u->id;
	html_printf(o, "<fieldset class=\"interviewer-choice\" data-user=\"%lld\"><legend><label class=\"check\">"
		       "<input type=\"checkbox\" id=\"r%lld-u%lld\" name=\"user\" value=\"%lld\"%s> %s</label> ",
		    uid, rid, uid, uid, selected ? " checked" : "", user_shown(u));
	if (sh)
		html_printf(o, "<span class=\"badge badge-ok\">%s</span>", _(stakeholder_role_label(sh->role)));
	else
		html_printf(o, "<span class=\"badge badge-muted\">%s</span>", _(role_label(u->role)));
	html_printf(o, "</legend><p class=\"hint\">%s</p><div class=\"focus-choices\">", _("Focus competencies"));
	for (size_t k = 0; k < c->comp.n; k++)
		html_printf(o, "<label class=\"check\"><input type=\"checkbox\" id=\"r%lld-u%lld-%s\" name=\"focus_%lld\" value=\"%s\"%s> %s</label>",
			    rid, uid, c->comp.items[k].key, uid, c->comp.items[k].key,
			    focus_contains(&f, c->comp.items[k].key) ? " checked" : "", c->comp.items[k].label);
	html_raw(o, "</div></fieldset>");
}

static void round_interviewers(struct request *r, const struct plan_ctx *c, const struct interview_round *rd)
{
	struct buf *o = &r->out;
	html_printf(o, "<h3>%s</h3>", _("Interviewers"));
	if (rd->ninterviewers == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No interviewers yet."));
	else {
		html_raw(o, "<ul class=\"interviewers\">");
		for (size_t i = 0; i < rd->ninterviewers; i++) {
			const struct round_interviewer *iv = &rd->interviewers[i];
			const struct stakeholder *sh = stakeholder_of_user(c, iv->user_id);
			html_printf(o, "<li data-user=\"%lld\"><strong>%s</strong> ", (long long)iv->user_id, iv->display_name);
			if (sh)
				html_printf(o, "<span class=\"badge badge-ok\">%s</span> ", _(stakeholder_role_label(sh->role)));
			iv_focus_badges(r, iv->focus, &c->comp);
			html_raw(o, "</li>");
		}
		html_raw(o, "</ul>");
	}
	if (!c->can_edit)
		return;
	html_printf(o, "<details class=\"edit\"><summary>%s</summary>", _("Choose interviewers and their focus"));
	html_printf(o, "<form class=\"form interviewers-form\" method=\"post\" action=\"/positions/%lld/interviews/%lld/interviewers\">",
		    (long long)c->pos.id, (long long)rd->id);
	csrf_field(r);
	html_printf(o, "<p class=\"hint\">%s</p>",
		    _("The position's stakeholders come first, with the focus their role suggests: the head of engineering "
		      "looks at industry knowledge, the BDM at strategic thinking, the CFO at the realism of salary expectations."));
	for (size_t k = 0; k < c->prof.nstakeholders; k++) {
		const struct stakeholder *sh = &c->prof.stakeholders[k];
		const struct user *u = sh->user_id ? user_find(c, sh->user_id) : NULL;
		if (u && !u->disabled && stakeholder_of_user(c, u->id) == sh)
			interviewer_choice(r, c, rd, u);
	}
	for (size_t i = 0; i < c->nusers; i++)
		if (!c->users[i].disabled && !stakeholder_of_user(c, c->users[i].id))
			interviewer_choice(r, c, rd, &c->users[i]);
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></details>",
		    _("Save interviewers"));
}

/* The refs the picker offers for this position: the built-in bank of its
 * role template, then own questions for that role or any role. */
static const char **bank_refs(struct request *r, const struct plan_ctx *c, size_t *n)
{
	const struct question_bank *b = bank_builtin_questions(c->comp.template_key);
	struct custom_question *cq = NULL;
	size_t ncq = 0;
	if (store_question_list(r->store, NULL, &cq, &ncq) != STORE_OK)
		ncq = 0;
	size_t cap = (b ? b->nquestions : 0) + ncq + 1;
	const char **refs = arena_alloc(&r->arena, cap * sizeof *refs);
	*n = 0;
	for (size_t i = 0; b && i < b->nquestions; i++)
		refs[(*n)++] = b->questions[i].key;
	for (size_t i = 0; i < ncq; i++)
		if (!cq[i].role_key[0] || strcmp(cq[i].role_key, c->comp.template_key) == 0) {
			char ref[QUESTION_REF_MAX];
			question_custom_ref(cq[i].id, ref, sizeof ref);
			refs[(*n)++] = arena_strdup(&r->arena, ref);
		}
	free(cq);
	return refs;
}

static void picker_item(struct request *r, const struct plan_ctx *c, const struct interview_round *rd,
			const struct iv_question *q, bool fav)
{
	struct buf *o = &r->out;
	html_printf(o, "<li class=\"pick-item\" data-ref=\"%s\"><label class=\"check\"><input type=\"checkbox\" id=\"r%lld-q-%s\" name=\"q\" value=\"%s\"> ",
		    q->ref, (long long)rd->id, q->ref, q->ref);
	if (fav)
		html_printf(o, "<span class=\"fav-mark\" title=\"%s\">★</span> ", _("Favourite"));
	html_printf(o, "<span lang=\"%s\">%s</span></label> <span class=\"badge badge-muted\">%s</span>", q->lang, q->text,
		    iv_question_type_label(q->type));
	if (!str_empty(q->competency))
		html_printf(o, " <span class=\"badge\">%s</span>", iv_competency_label(r, &c->comp, q->competency));
	html_raw(o, "</li>");
}

static bool picker_keeps(const struct plan_ctx *c, const struct interview_round *rd, const struct iv_question *q, bool fav)
{
	if (c->pick_round != rd->id)
		return true;
	if (!str_empty(c->pick_type) && strcmp(q->type, c->pick_type) != 0)
		return false;
	if (!str_empty(c->pick_comp) && strcmp(q->competency, c->pick_comp) != 0)
		return false;
	return !c->pick_fav || fav;
}

/* Adding questions from the bank: a filter (GET) and the list to tick,
 * favourites first. */
static void question_picker(struct request *r, const struct plan_ctx *c, const struct interview_round *rd,
			    const struct kit *k)
{
	struct buf *o = &r->out;
	long long pid = (long long)c->pos.id, rid = (long long)rd->id;
	bool filtering = c->pick_round == rd->id;
	html_printf(o, "<details class=\"edit question-picker\"%s><summary>%s</summary>", filtering ? " open" : "",
		    _("Add questions from the bank"));
	html_printf(o, "<form class=\"filter-form\" method=\"get\" action=\"/positions/%lld/interviews#round-%lld\">"
		       "<input type=\"hidden\" name=\"round\" value=\"%lld\">",
		    pid, rid, rid);
	html_printf(o, "<div class=\"field\"><label for=\"r%lld-ftype\">%s</label><select id=\"r%lld-ftype\" name=\"type\"><option value=\"\">%s</option>",
		    rid, _("Type"), rid, _("All types"));
	for (int t = 0; t < QUESTION_TYPE__COUNT; t++) {
		const char *code = question_type_code((enum question_type)t);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code,
			    filtering && str_eq(c->pick_type, code) ? " selected" : "", _(question_type_label((enum question_type)t)));
	}
	html_printf(o, "</select></div><div class=\"field\"><label for=\"r%lld-fcomp\">%s</label><select id=\"r%lld-fcomp\" name=\"competency\"><option value=\"\">%s</option>",
		    rid, _("Competency"), rid, _("All competencies"));
	for (size_t i = 0; i < c->comp.n; i++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", c->comp.items[i].key,
			    filtering && str_eq(c->pick_comp, c->comp.items[i].key) ? " selected" : "", c->comp.items[i].label);
	html_printf(o, "</select></div><label class=\"check\"><input type=\"checkbox\" id=\"r%lld-ffav\" name=\"fav\" value=\"1\"%s> %s</label>"
		       "<button class=\"btn btn-small\">%s</button></form>",
		    rid, filtering && c->pick_fav ? " checked" : "", _("Favourites only"), _("Filter"));

	size_t nfav, nrefs;
	const char **favs = iv_favourite_refs(r, &nfav);
	const char **refs = bank_refs(r, c, &nrefs);
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/interviews/%lld/kit\">"
		       "<input type=\"hidden\" name=\"op\" value=\"add\">",
		    pid, rid);
	csrf_field(r);
	html_raw(o, "<ul class=\"pick-list\">");
	size_t shown = 0;
	for (int pass = 0; pass < 2; pass++)   /* favourites first */
		for (size_t i = 0; i < nrefs; i++) {
			bool fav = iv_ref_in(favs, nfav, refs[i]);
			struct iv_question q;
			bool in_kit = false;
			for (size_t j = 0; j < k->nquestions; j++)
				in_kit = in_kit || strcmp(k->questions[j], refs[i]) == 0;
			if (fav != (pass == 0) || in_kit || !iv_question_resolve(r, refs[i], NULL, &q) ||
			    !picker_keeps(c, rd, &q, fav))
				continue;
			picker_item(r, c, rd, &q, fav);
			shown++;
		}
	html_raw(o, "</ul>");
	if (shown == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No questions match the filter."));
	else
		html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div>",
			    _("Add the ticked questions"));
	html_printf(o, "</form><p class=\"hint\"><a href=\"/questions?role=%s\">%s</a></p></details>", c->comp.template_key,
		    _("Open the question bank to add your own questions or mark favourites"));
}

static void exercise_picker(struct request *r, const struct plan_ctx *c, const struct interview_round *rd,
			    const struct kit *k)
{
	struct buf *o = &r->out;
	const struct exercise_library *lib = bank_builtin_exercises();
	if (!lib)
		return;
	html_printf(o, "<details class=\"edit\"><summary>%s</summary>", _("Attach sales exercises"));
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/interviews/%lld/kit\">"
		       "<input type=\"hidden\" name=\"op\" value=\"exercises\">",
		    (long long)c->pos.id, (long long)rd->id);
	csrf_field(r);
	int li = iv_lang_index(r);
	for (size_t i = 0; i < lib->nexercises; i++) {
		const struct exercise *e = &lib->exercises[i];
		bool on = false;
		for (size_t j = 0; j < k->nexercises; j++)
			on = on || strcmp(k->exercises[j], e->key) == 0;
		html_printf(o, "<label class=\"check\"><input type=\"checkbox\" id=\"r%lld-ex-%s\" name=\"ex\" value=\"%s\"%s> %s</label>",
			    (long long)rd->id, e->key, e->key, on ? " checked" : "", e->name[li]);
	}
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button> <a href=\"/exercises\">%s</a></div></form></details>",
		    _("Save exercises"), _("Read the exercises"));
}

/* Version history (R-INT-3): which version candidates got, and whether the
 * current kit will become a new one. */
/* The candidates who got version `version` of round rd, as links. */
static void version_candidates(struct request *r, const struct plan_ctx *c, const struct interview_round *rd, int version)
{
	struct buf *o = &r->out;
	bool any = false;
	for (size_t i = 0; i < c->nplanned; i++) {
		const struct planned *p = &c->planned[i];
		if (p->round_id != rd->id || p->kit_version != version)
			continue;
		html_printf(o, "%s<a href=\"/candidates/%lld\">%s</a>", any ? ", " : ": ", (long long)p->candidate_id, p->name);
		any = true;
	}
}

static void kit_versions(struct request *r, const struct plan_ctx *c, const struct interview_round *rd)
{
	struct buf *o = &r->out;
	struct kit_version *v = NULL;
	size_t nv = 0;
	if (store_kit_versions_list(r->store, rd->id, &v, &nv) != STORE_OK)
		nv = 0;
	html_printf(o, "<div class=\"kit-versions\"><h4>%s</h4>", _("Kit versions"));
	if (nv == 0)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    _("Not used yet. The kit becomes version 1 with the first planned interview; until then changes "
			      "create no new version."));
	else {
		html_raw(o, "<ul class=\"version-list\">");
		for (size_t i = 0; i < nv; i++) {
			bool current = i + 1 == nv && !rd->kit_changed;
			html_printf(o, "<li data-version=\"%d\"><strong>v%d</strong> %s", v[i].version, v[i].version,
				    arena_printf(&r->arena,
						 v[i].uses == 1 ? _("used for %lld candidate") : _("used for %lld candidates"),
						 (long long)v[i].uses));
			if (current)
				html_printf(o, " <span class=\"badge badge-ok\">%s</span>", _("current"));
			version_candidates(r, c, rd, v[i].version);
			html_raw(o, "</li>");
		}
		if (rd->kit_changed)
			html_printf(o, "<li data-version=\"%d\"><strong>v%d</strong> <span class=\"badge badge-warn\">%s</span> %s</li>",
				    v[nv - 1].version + 1, v[nv - 1].version + 1, _("current"),
				    _("changed since the last version; the next planned interview creates it"));
		html_raw(o, "</ul>");
		html_printf(o, "<p class=\"hint version-note\">%s</p>",
			    _("This kit has been used. Changing it creates a new version for the next candidates; the "
			      "candidates so far keep the version they got."));
	}
	html_raw(o, "</div>");
	free(v);
}

static void kit_question_row(struct request *r, const struct plan_ctx *c, const struct interview_round *rd,
			     const struct kit *k, size_t i)
{
	struct buf *o = &r->out;
	struct iv_question q;
	const char *ref = k->questions[i];
	html_printf(o, "<li class=\"kit-question\" data-ref=\"%s\"><div>", ref);
	if (iv_question_resolve(r, ref, NULL, &q))
		iv_question_render(r, &q, &c->comp, IV_Q_BADGES | IV_Q_FOLLOW_UPS);
	else
		html_printf(o, "<p class=\"muted\">%s <code>%s</code></p>", _("This question is no longer in the bank:"), ref);
	html_raw(o, "</div>");
	if (c->can_edit) {
		const char *action = arena_printf(&r->arena, "/positions/%lld/interviews/%lld/kit", (long long)c->pos.id,
						  (long long)rd->id);
		html_raw(o, "<div class=\"item-actions\">");
		static const char *const ops[3] = { "up", "down", "remove" };
		const char *labels[3] = { _("Move up"), _("Move down"), _("Remove") };
		for (int op = 0; op < 3; op++) {
			if ((op == 0 && i == 0) || (op == 1 && i + 1 == k->nquestions))
				continue;
			html_printf(o, "<form class=\"inline-form\" method=\"post\" action=\"%s\">", action);
			csrf_field(r);
			html_printf(o, "<input type=\"hidden\" name=\"op\" value=\"%s\"><input type=\"hidden\" name=\"ref\" value=\"%s\">"
				       "<button class=\"btn btn-small%s\">%s</button></form>",
				    ops[op], ref, op == 2 ? " btn-danger" : "", labels[op]);
		}
		html_raw(o, "</div>");
	}
	html_raw(o, "</li>");
}

static void round_kit(struct request *r, const struct plan_ctx *c, const struct interview_round *rd)
{
	struct buf *o = &r->out;
	struct kit k;
	if (!kit_from_json(rd->kit_json[0] ? rd->kit_json : KIT_JSON_EMPTY, &k, NULL))
		memset(&k, 0, sizeof k);
	html_printf(o, "<h3>%s</h3>", _("Interview kit"));
	html_printf(o, "<p class=\"hint\">%s</p>", _("Every candidate in this round is asked these core questions, in this order."));
	if (k.nquestions == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No core questions yet."));
	else {
		html_raw(o, "<ol class=\"kit-questions\">");
		for (size_t i = 0; i < k.nquestions; i++)
			kit_question_row(r, c, rd, &k, i);
		html_raw(o, "</ol>");
	}
	html_printf(o, "<h4>%s</h4>", _("Sales exercises"));
	const struct exercise_library *lib = bank_builtin_exercises();
	if (k.nexercises == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No exercises attached."));
	else {
		html_raw(o, "<ul class=\"kit-exercises\">");
		for (size_t i = 0; i < k.nexercises; i++) {
			const struct exercise *e = lib ? exercise_library_find(lib, k.exercises[i]) : NULL;
			html_printf(o, "<li data-exercise=\"%s\">", k.exercises[i]);
			if (e)
				html_printf(o, "<a href=\"/exercises#exercise-%s\">%s</a> <span class=\"muted\">%s</span>", e->key,
					    e->name[iv_lang_index(r)], arena_printf(&r->arena, _("%d minutes"), e->duration_minutes));
			else
				html_printf(o, "<code>%s</code>", k.exercises[i]);
			html_raw(o, "</li>");
		}
		html_raw(o, "</ul>");
	}
	if (c->can_edit) {
		question_picker(r, c, rd, &k);
		exercise_picker(r, c, rd, &k);
	}
	kit_versions(r, c, rd);
}

static void add_round_form(struct request *r, const struct plan_ctx *c)
{
	struct buf *o = &r->out;
	bool failed = c->err_round == -1;
	html_printf(o, "<section class=\"card\" id=\"add-round\"><h2>%s</h2>", _("Add a round"));
	if (c->nrounds >= GUARD_MAX_ROUNDS)
		html_printf(o, "<p class=\"hint\">%s</p>",
			    _("The plan already has three rounds. More rounds are allowed, but they make the process longer "
			      "for candidates and the plan will warn about it."));
	if (failed)
		form_error_summary_for(r, c->fe, "new");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/interviews\" novalidate>", (long long)c->pos.id);
	csrf_field(r);
	round_fields(r, c, "new", failed ? c->draft : NULL, failed ? c->fe : NULL);
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Add round"));
}

static void render_plan(struct request *r, struct plan_ctx *c)
{
	struct buf *o = &r->out;
	long long pick;
	if (str_to_int64(req_query(r, "round"), 1, INT64_MAX, &pick)) {
		c->pick_round = pick;
		c->pick_type = req_query(r, "type");
		c->pick_comp = req_query(r, "competency");
		c->pick_fav = str_eq(req_query(r, "fav"), "1");
	}

	load_planned(r, c);
	position_page_begin(r, &c->pos, "interviews", _("Interview plan"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Structured interviews ask every candidate of a round the same core questions, by the same "
		      "interviewers with a clear focus each. Plan the rounds, who takes part and the kit of questions and "
		      "exercises."));
	html_printf(o, "<p class=\"plan-links\"><a href=\"/questions?role=%s\">%s</a> · <a href=\"/exercises\">%s</a></p>",
		    c->comp.template_key, _("Question bank"), _("Sales exercises"));
	if (c->error)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", c->error);
	plan_checks(r, c);
	if (c->nrounds == 0)
		html_printf(o, "<section class=\"card\"><p class=\"muted\">%s</p></section>",
			    _("No interview plan yet. Someone who may edit the position creates the default three rounds by "
			      "opening this page."));
	for (size_t i = 0; i < c->nrounds; i++) {
		const struct interview_round *rd = &c->rounds[i];
		html_printf(o, "<section class=\"card round\" id=\"round-%lld\" data-round=\"%lld\" data-ord=\"%d\">",
			    (long long)rd->id, (long long)rd->id, rd->ord);
		round_head(r, c, rd);
		round_interviewers(r, c, rd);
		round_kit(r, c, rd);
		html_raw(o, "</section>");
	}
	if (c->can_edit)
		add_round_form(r, c);
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Rating scale"));
	html_printf(o, "<p class=\"hint\">%s</p>", _("Interviewers rate each competency on four anchored steps, without a neutral middle."));
	iv_rating_anchors(r);
	html_raw(o, "</section>");
	page_end(r);
}

/* ---- handlers ------------------------------------------------------------------------------ */

void page_interview_plan(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, true))
		return;
	render_plan(r, &c);
	ctx_free(&c);
}

/* Reads name, stage and duration of the round form into v; problems into fe. */
static void read_round_form(struct request *r, const struct plan_ctx *c, struct interview_round *v,
			    struct form_errors *fe)
{
	const char *name = req_form(r, "name"), *stage = req_form(r, "stage"), *dur = req_form(r, "duration");
	char *trimmed = str_trim(arena_strdup(&r->arena, name ? name : ""));
	if (!*trimmed)
		form_error(fe, "name", _("Please enter a name for the round."));
	else if (strlen(trimmed) > ROUND_NAME_MAX || !str_copy(v->name, sizeof v->name, iv_round_name_stored(trimmed)))
		form_error(fe, "name", _("The name is too long."));
	if (!str_empty(stage)) {
		const struct stage *st = pipeline_find(c->stages, c->nstages, stage);
		if (!st)
			form_error(fe, "stage", _("Please choose a stage of this position's pipeline."));
		else
			str_copy(v->stage, sizeof v->stage, st->code);
	} else
		v->stage[0] = '\0';
	long long minutes = 0;
	if (!str_to_int64(dur, ROUND_DURATION_MIN, ROUND_DURATION_MAX, &minutes))
		form_error(fe, "duration",
			   arena_printf(&r->arena, _("Please enter a duration between %d and %d minutes."), ROUND_DURATION_MIN,
					ROUND_DURATION_MAX));
	v->duration_minutes = (int)minutes;
}

static void rerender(struct request *r, struct plan_ctx *c, int status)
{
	r->status = status;
	render_plan(r, c);
	ctx_free(c);
}

void page_interview_round_create(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, false))
		return;
	struct interview_round *v = arena_alloc(&r->arena, sizeof *v);
	struct form_errors fe = { 0 };
	read_round_form(r, &c, v, &fe);
	if (fe.n) {
		c.err_round = -1;
		c.fe = &fe;
		c.draft = v;
		rerender(r, &c, 422);
		return;
	}
	v->position_id = c.pos.id;
	struct actor a = req_actor(r);
	enum store_rc rc = store_interview_round_create(r->store, &a, v, r->now);
	if (rc != STORE_OK) {
		ctx_free(&c);
		page_error(r, rc == STORE_INVALID ? 400 : 500, NULL);
		return;
	}
	resp_redirect(r, plan_path(r, &c, v->id, "saved"));
	ctx_free(&c);
}

void page_interview_round_update(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, false))
		return;
	struct interview_round *rd = round_from_path(r, &c);
	if (!rd)
		return;
	struct interview_round *v = arena_alloc(&r->arena, sizeof *v);
	*v = *rd;
	struct form_errors fe = { 0 };
	read_round_form(r, &c, v, &fe);
	if (fe.n) {
		c.err_round = rd->id;
		c.fe = &fe;
		c.draft = v;
		rerender(r, &c, 422);
		return;
	}
	struct actor a = req_actor(r);
	enum store_rc rc = store_interview_round_update(r->store, &a, v, r->now);
	if (rc != STORE_OK) {
		ctx_free(&c);
		page_error(r, rc == STORE_INVALID ? 400 : 500, NULL);
		return;
	}
	resp_redirect(r, plan_path(r, &c, rd->id, "saved"));
	ctx_free(&c);
}

void page_interview_round_move(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, false))
		return;
	struct interview_round *rd = round_from_path(r, &c);
	if (!rd)
		return;
	const char *dir = req_form(r, "dir");
	int ord = rd->ord + (str_eq(dir, "up") ? -1 : str_eq(dir, "down") ? 1 : 0);
	if (ord == rd->ord) {
		ctx_free(&c);
		page_error(r, 400, _("Unknown direction. Nothing was changed."));
		return;
	}
	if (ord >= 1 && (size_t)ord <= c.nrounds) {
		struct actor a = req_actor(r);
		if (store_interview_round_move(r->store, &a, rd->id, ord, r->now) != STORE_OK) {
			ctx_free(&c);
			page_error(r, 500, NULL);
			return;
		}
	}
	resp_redirect(r, plan_path(r, &c, rd->id, "saved"));
	ctx_free(&c);
}

void page_interview_round_delete(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, false))
		return;
	struct interview_round *rd = round_from_path(r, &c);
	if (!rd)
		return;
	struct actor a = req_actor(r);
	enum store_rc rc = store_interview_round_delete(r->store, &a, rd->id, r->now);
	if (rc == STORE_CONFLICT) {
		c.error = arena_printf(&r->arena,
				       _("The round “%s” cannot be deleted: interviews have already been planned with it. "
					 "Their kits and scorecards stay part of the record."),
				       iv_round_name(rd->name));
		rerender(r, &c, 409);
		return;
	}
	if (rc != STORE_OK) {
		ctx_free(&c);
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, plan_path(r, &c, 0, "deleted"));
	ctx_free(&c);
}

/* Joins the form values of field name that are competency keys of the
 * plan; false when one is not. */
static bool read_focus(struct request *r, const struct plan_ctx *c, int64_t user_id, char *out, size_t n)
{
	const char *field = arena_printf(&r->arena, "focus_%lld", (long long)user_id);
	out[0] = '\0';
	for (int i = 0; i < r->nform; i++) {
		if (strcmp(r->form[i].name, field) != 0)
			continue;
		if (!iv_competency_known(&c->comp, r->form[i].value))
			return false;
		if (out[0] && strlen(out) + 1 < n)
			strcat(out, ",");
		if (strlen(out) + strlen(r->form[i].value) >= n)
			return false;
		strcat(out, r->form[i].value);
	}
	struct focus f;   /* drops repeated keys */
	return focus_parse(out, NULL, 0, &f, NULL) && focus_format(&f, out, n);
}

void page_interview_round_interviewers(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, false))
		return;
	struct interview_round *rd = round_from_path(r, &c);
	if (!rd)
		return;
	struct round_interviewer *list = arena_alloc(&r->arena, ROUND_MAX_INTERVIEWERS * sizeof *list);
	size_t n = 0;
	const char *error = NULL;
	for (int i = 0; i < r->nform && !error; i++) {
		if (strcmp(r->form[i].name, "user") != 0)
			continue;
		long long id;
		const struct user *u = str_to_int64(r->form[i].value, 1, INT64_MAX, &id) ? user_find(&c, id) : NULL;
		bool twice = false;
		for (size_t k = 0; u && k < n; k++)
			twice = twice || list[k].user_id == u->id;
		if (!u || u->disabled)
			error = _("Please choose active team members as interviewers.");
		else if (twice)
			continue;
		else if (n >= ROUND_MAX_INTERVIEWERS)
			error = arena_printf(&r->arena, _("A round can have at most %d interviewers."), ROUND_MAX_INTERVIEWERS);
		else {
			list[n].user_id = u->id;
			if (!read_focus(r, &c, u->id, list[n].focus, sizeof list[n].focus))
				error = _("Please choose focus competencies of this position.");
			n++;
		}
	}
	if (r->form_overflow)
		error = _("Too many fields in the form. Nothing was changed.");
	if (error) {
		c.error = error;
		rerender(r, &c, 422);
		return;
	}
	struct actor a = req_actor(r);
	if (store_interview_round_set_interviewers(r->store, &a, rd->id, list, n, r->now) != STORE_OK) {
		ctx_free(&c);
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, plan_path(r, &c, rd->id, "saved"));
	ctx_free(&c);
}

static ssize_t kit_index(const struct kit *k, const char *ref)
{
	for (size_t i = 0; ref && i < k->nquestions; i++)
		if (strcmp(k->questions[i], ref) == 0)
			return (ssize_t)i;
	return -1;
}

/* Applies the kit operation of the form to k; an error message or NULL. */
static const char *kit_apply(struct request *r, struct kit *k)
{
	const char *op = req_form(r, "op"), *ref = req_form(r, "ref");
	if (str_eq(op, "add")) {
		size_t added = 0;
		for (int i = 0; i < r->nform; i++) {
			if (strcmp(r->form[i].name, "q") != 0 || kit_index(k, r->form[i].value) >= 0)
				continue;
			struct iv_question q;
			if (!kit_question_ref_valid(r->form[i].value) || !iv_question_resolve(r, r->form[i].value, NULL, &q))
				return _("Please choose questions from the bank.");
			if (k->nquestions >= KIT_MAX_QUESTIONS)
				return arena_printf(&r->arena, _("A kit can hold at most %d core questions."), KIT_MAX_QUESTIONS);
			str_copy(k->questions[k->nquestions++], KIT_REF_MAX, r->form[i].value);
			added++;
		}
		return added ? NULL : _("Please tick at least one question to add.");
	}
	if (str_eq(op, "up") || str_eq(op, "down") || str_eq(op, "remove")) {
		ssize_t i = kit_index(k, ref);
		if (i < 0)
			return _("This question is not in the kit.");
		char tmp[KIT_REF_MAX];
		if (str_eq(op, "remove")) {
			memmove(k->questions[i], k->questions[i + 1], (k->nquestions - (size_t)i - 1) * KIT_REF_MAX);
			k->nquestions--;
		} else {
			ssize_t j = str_eq(op, "up") ? i - 1 : i + 1;
			if (j < 0 || (size_t)j >= k->nquestions)
				return NULL;
			memcpy(tmp, k->questions[i], KIT_REF_MAX);
			memcpy(k->questions[i], k->questions[j], KIT_REF_MAX);
			memcpy(k->questions[j], tmp, KIT_REF_MAX);
		}
		return NULL;
	}
	if (str_eq(op, "exercises")) {
		const struct exercise_library *lib = bank_builtin_exercises();
		struct kit next = *k;
		next.nexercises = 0;
		for (int i = 0; i < r->nform; i++)
			if (strcmp(r->form[i].name, "ex") == 0 && (!lib || !exercise_library_find(lib, r->form[i].value)))
				return _("Please choose exercises from the library.");
		/* attached ones keep their order, new ones follow in library order */
		for (size_t j = 0; j < k->nexercises; j++)
			for (int i = 0; i < r->nform; i++)
				if (strcmp(r->form[i].name, "ex") == 0 && strcmp(r->form[i].value, k->exercises[j]) == 0) {
					str_copy(next.exercises[next.nexercises++], KIT_REF_MAX, k->exercises[j]);
					break;
				}
		for (size_t e = 0; lib && e < lib->nexercises; e++) {
			bool wanted = false, have = false;
			for (int i = 0; i < r->nform; i++)
				wanted = wanted || (strcmp(r->form[i].name, "ex") == 0 && strcmp(r->form[i].value, lib->exercises[e].key) == 0);
			for (size_t j = 0; j < next.nexercises; j++)
				have = have || strcmp(next.exercises[j], lib->exercises[e].key) == 0;
			if (wanted && !have) {
				if (next.nexercises >= KIT_MAX_EXERCISES)
					return arena_printf(&r->arena, _("A kit can hold at most %d exercises."), KIT_MAX_EXERCISES);
				str_copy(next.exercises[next.nexercises++], KIT_REF_MAX, lib->exercises[e].key);
			}
		}
		*k = next;
		return NULL;
	}
	return _("Unknown change. Nothing was changed.");
}

void page_interview_round_kit(struct request *r)
{
	struct plan_ctx c;
	if (!plan_load(r, &c, false))
		return;
	struct interview_round *rd = round_from_path(r, &c);
	if (!rd)
		return;
	struct kit *k = arena_alloc(&r->arena, sizeof *k);
	if (!kit_from_json(rd->kit_json[0] ? rd->kit_json : KIT_JSON_EMPTY, k, NULL))
		memset(k, 0, sizeof *k);
	const char *error = r->form_overflow ? _("Too many fields in the form. Nothing was changed.") : kit_apply(r, k);
	struct plan_problem pp[4];
	if (!error && kit_validate(k, pp, 4) > 0)
		error = _(pp[0].message);
	char *json = arena_alloc(&r->arena, KIT_JSON_MAX);
	if (!error && !kit_to_json(k, json, KIT_JSON_MAX))
		error = _("The kit is too large.");
	if (error) {
		c.error = error;
		c.pick_round = rd->id;
		rerender(r, &c, 422);
		return;
	}
	struct actor a = req_actor(r);
	if (store_interview_round_set_kit(r->store, &a, rd->id, json, r->now) != STORE_OK) {
		ctx_free(&c);
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, plan_path(r, &c, rd->id, "saved"));
	ctx_free(&c);
}
