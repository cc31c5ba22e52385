/*
 * page_candidate_evaluation.c — one candidate's evaluation for a position
 * and the hire/reject decision (R-EVAL-1..4, R-GUARD-5):
 *
 *   an SVG chart of the mean rating per competency on the 1–4 scale against
 *   the profile (a marker at 3 = "meets", must-have competencies marked,
 *   knockouts coloured), the submitted scorecards' ratings side by side,
 *   the decisions recorded so far (who, when, culture fit, rationale) and
 *   the decision form: hire or reject, a culture-fit rating 1–4 and a
 *   written rationale of at least 20 characters, all required.
 *
 * GET  /applications/{id}/evaluation   ACTION_MANAGE_CANDIDATES (recruiters
 *                                      see the form disabled)
 * POST /applications/{id}/decision     ACTION_DECIDE (hiring manager, admin):
 *      decision_check (core) → store_decision_record, which also writes the
 *      timeline event; bad input → 422 with the message at its field and
 *      nothing stored; success → 303 back here with ?decided=hire|reject,
 *      which offers the matching move on the board (a decision does not
 *      move the stage by itself).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/decisions.h"
#include "store/positions.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/evaluation_ops.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"

/* What the decision form shows again after a refused submission. */
struct decision_form {
	const char *decision;          /* "hire", "reject" or "" */
	int culture_fit;               /* 0 = none chosen */
	const char *rationale;
};

static char decimal_mark(const struct request *r)
{
	return r->lang == LANG_EN ? '.' : ',';
}

/* ---- the chart ---------------------------------------------------------------------------------- */

#define CHART_W 820
#define CHART_LABEL_W 340
#define CHART_LABEL_CHARS 44            /* longer competency names are cut with "…" */
#define CHART_PLOT_W 340
#define CHART_ROW_H 28
#define CHART_TOP 34
#define CHART_BOTTOM 34

/* name cut to CHART_LABEL_CHARS code points (with "…"), in r->arena. */
static const char *chart_label(struct request *r, const char *name)
{
	size_t i = 0, chars = 0;
	while (name[i] && chars < CHART_LABEL_CHARS) {
		i++;
		while (((unsigned char)name[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	if (!name[i])
		return name;
	return arena_printf(&r->arena, "%.*s\xe2\x80\xa6", (int)i, name);
}

static int chart_x(int value_x100)
{
	return CHART_LABEL_W + value_x100 * CHART_PLOT_W / 400;
}

/* Horizontal bars of the mean per competency (0–4 axis, ticks at 1..4), a
 * dashed marker at 3 = "meets", must-haves starred and knockouts marked in
 * text as well as colour. Only rated competencies and must-haves are drawn. */
static void rating_chart(struct request *r, const struct position_evaluation *e, const struct eval_candidate *c)
{
	struct buf *o = &r->out;
	size_t rows = 0;
	for (size_t i = 0; i < e->ncompetencies; i++)
		rows += c->cells[i].count > 0 || e->competencies[i].must;
	int h = CHART_TOP + (int)rows * CHART_ROW_H + CHART_BOTTOM;
	const char *title = _("Mean rating per competency against the profile");
	html_printf(o, "<svg class=\"eval-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		       "role=\"img\" aria-label=\"%s\"><title>%s</title><desc>%s</desc>",
		    CHART_W, h, CHART_W, h, title, title,
		    _("One bar per competency: the mean of the submitted ratings on the scale 1 to 4. The dashed line marks 3, "
		      "meets the requirement. Must-have competencies are starred; a must-have below 2.5 is a knockout."));
	/* axis ticks and grid */
	for (int v = 0; v <= 4; v++) {
		int x = chart_x(v * 100);
		html_printf(o, "<line class=\"eval-chart-grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"></line>"
			       "<text class=\"eval-chart-tick\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>",
			    x, CHART_TOP - 6, x, h - CHART_BOTTOM + 4, x, h - CHART_BOTTOM + 20, v);
	}
	size_t row = 0;
	for (size_t i = 0; i < e->ncompetencies; i++) {
		const struct eval_cell *cell = &c->cells[i];
		const struct eval_competency *k = &e->competencies[i];
		if (cell->count == 0 && !k->must)
			continue;
		int y = CHART_TOP + (int)row * CHART_ROW_H;
		row++;
		html_printf(o, "<g class=\"eval-chart-row%s%s\" data-competency=\"%s\">", k->must ? " eval-chart-must" : "",
			    cell->must == MUST_KNOCKOUT ? " eval-chart-knockout" : "", k->key);
		html_printf(o, "<text class=\"eval-chart-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s%s (\xc3\x97%d)</text>",
			    CHART_LABEL_W - 8, y + 18, chart_label(r, e->competency_names[i]), k->must ? " \xe2\x98\x85" : "", k->weight);
		if (cell->count == 0) {
			html_printf(o, "<text class=\"eval-chart-value\" x=\"%d\" y=\"%d\">%s</text></g>", chart_x(0) + 6, y + 18,
				    _("not rated yet"));
			continue;
		}
		int w = chart_x(cell->mean_x100) - chart_x(0);
		html_printf(o, "<rect class=\"eval-chart-bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"></rect>", chart_x(0),
			    y + 5, w > 0 ? w : 1, CHART_ROW_H - 10);
		const char *value = eval_mean_text(r, cell, decimal_mark(r));
		if (cell->must == MUST_KNOCKOUT)
			value = arena_printf(&r->arena, "%s %s", value, _("knockout"));
		else if (cell->disagreement)
			value = arena_printf(&r->arena, "%s (%s)", value, _("disagreement"));
		html_printf(o, "<text class=\"eval-chart-value\" x=\"%d\" y=\"%d\">%s</text></g>", chart_x(cell->mean_x100) + 6,
			    y + 18, value);
	}
	int mx = chart_x(300);
	html_printf(o, "<line class=\"eval-chart-meets\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"></line>"
		       "<text class=\"eval-chart-meets-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></svg>",
		    mx, CHART_TOP - 6, mx, h - CHART_BOTTOM + 4, mx, CHART_TOP - 12, _("3 = meets"));
}

/* ---- the scorecards side by side -------------------------------------------------------------------- */

static const char *rating_of(const struct position_evaluation *e, int64_t scorecard_id, const char *key, bool exercise)
{
	static const char *digits[] = { "", "1", "2", "3", "4" };
	for (size_t i = 0; i < e->nindividual; i++) {
		const struct eval_individual *d = &e->individual[i];
		if (d->scorecard_id == scorecard_id && d->exercise == exercise && strcmp(d->key, key) == 0)
			return d->rating >= 1 && d->rating <= 4 ? digits[d->rating] : "";
	}
	return "\xe2\x80\x93";
}

static bool key_rated(const struct position_evaluation *e, int64_t application_id, const char *key, bool exercise)
{
	for (size_t i = 0; i < e->nindividual; i++)
		if (e->individual[i].application_id == application_id && e->individual[i].exercise == exercise &&
		    strcmp(e->individual[i].key, key) == 0)
			return true;
	return false;
}

static void scorecards_table(struct request *r, const struct position_evaluation *e, int64_t application_id)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card\" aria-labelledby=\"sc-title\"><h2 id=\"sc-title\">%s</h2>", _("Submitted scorecards"));
	size_t nsc = 0;
	for (size_t i = 0; i < e->nscorecards; i++)
		nsc += e->scorecards[i].application_id == application_id;
	if (nsc == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No scorecard has been submitted for this candidate yet."));
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data eval-scorecards\"><thead><tr><th scope=\"col\">%s</th>",
		    _("Competency"));
	for (size_t i = 0; i < e->nscorecards; i++)
		if (e->scorecards[i].application_id == application_id)
			html_printf(o, "<th scope=\"col\" class=\"num\" data-scorecard=\"%lld\">%s <span class=\"muted\">%s</span></th>",
				    (long long)e->scorecards[i].scorecard_id, e->scorecards[i].interviewer, e->scorecards[i].round_name);
	html_raw(o, "</tr></thead><tbody>");
	for (size_t pass = 0; pass < 2; pass++) {
		size_t n = pass ? e->result.nexercises : e->ncompetencies;
		for (size_t k = 0; k < n; k++) {
			const char *key = pass ? e->result.exercises[k] : e->competencies[k].key;
			const char *name = pass ? e->exercise_names[k] : e->competency_names[k];
			if (!key_rated(e, application_id, key, pass == 1))
				continue;
			html_printf(o, "<tr data-key=\"%s\"><th scope=\"row\">%s%s</th>", key, name,
				    pass ? arena_printf(&r->arena, " (%s)", _("exercise")) : "");
			for (size_t i = 0; i < e->nscorecards; i++)
				if (e->scorecards[i].application_id == application_id)
					html_printf(o, "<td class=\"num\">%s</td>", rating_of(e, e->scorecards[i].scorecard_id, key, pass == 1));
			html_raw(o, "</tr>");
		}
	}
	html_printf(o, "<tr class=\"eval-rec-row\"><th scope=\"row\">%s</th>", _("Recommendation"));
	for (size_t i = 0; i < e->nscorecards; i++)
		if (e->scorecards[i].application_id == application_id)
			html_printf(o, "<td class=\"eval-rec-%s\">%s</td>", recommendation_code(e->scorecards[i].recommendation),
				    _(recommendation_label(e->scorecards[i].recommendation)));
	html_raw(o, "</tr></tbody></table></div></section>");
}

/* ---- decisions ------------------------------------------------------------------------------------------ */

static const char *decision_label_of(const char *code)
{
	enum decision_kind k;
	return decision_kind_parse(code, &k) ? _(decision_kind_label(k)) : code;
}

static void decisions_list(struct request *r, int64_t application_id)
{
	struct buf *o = &r->out;
	struct decision_record *list = NULL;
	size_t n = 0;
	if (store_decisions_for_application(r->store, application_id, &list, &n) != STORE_OK)
		n = 0;
	html_printf(o, "<section class=\"card\" aria-labelledby=\"dec-list-title\"><h2 id=\"dec-list-title\">%s</h2>",
		    _("Recorded decisions"));
	if (n == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No decision has been recorded yet."));
	else
		html_raw(o, "<ol class=\"decision-list\">");
	for (size_t i = 0; i < n; i++) {
		char when[64];
		i18n_format_datetime(when, sizeof when, (time_t)list[i].decided_at, r->lang);
		html_printf(o, "<li class=\"decision-%s\" data-decision=\"%lld\"><p><strong>%s</strong> · %s %d – %s · %s · %s</p>"
			       "<p class=\"decision-rationale\">%s</p></li>",
			    list[i].decision, (long long)list[i].id, decision_label_of(list[i].decision), _("Culture fit"),
			    list[i].culture_fit, rating_anchor(list[i].culture_fit) ? _(rating_anchor(list[i].culture_fit)) : "",
			    list[i].decided_by_name[0] ? list[i].decided_by_name : _("System"), when, list[i].rationale);
	}
	if (n > 0)
		html_raw(o, "</ol>");
	html_raw(o, "</section>");
	free(list);
}

/* The confirmation after a recorded decision with the move it suggests. */
static void decided_notice(struct request *r, const struct application *a)
{
	struct buf *o = &r->out;
	const char *code = req_query(r, "decided");
	if (!code || (strcmp(code, "hire") != 0 && strcmp(code, "reject") != 0))
		return;
	bool hire = strcmp(code, "hire") == 0;
	html_printf(o, "<div class=\"flash flash-ok decision-done\" role=\"status\"><p>%s</p>",
		    hire ? _("The decision has been recorded: hire. It does not move the candidate; make the offer on the board.")
			 : _("The decision has been recorded: reject. It does not move the candidate; reject them on the board "
			     "with the reason and whether they were informed."));
	bool moved = hire ? strcmp(a->stage, "offer") == 0 || strcmp(a->stage, STAGE_CODE_HIRED) == 0
			  : strcmp(a->stage, STAGE_CODE_REJECTED) == 0;
	if (moved) {
		html_raw(o, "</div>");
		return;
	}
	if (hire) {
		html_printf(o, "<form class=\"inline-form\" method=\"post\" action=\"/applications/%lld/move\">", (long long)a->id);
		csrf_field(r);
		html_printf(o, "<input type=\"hidden\" name=\"stage\" value=\"offer\"><button class=\"btn btn-primary\">%s</button> "
			       "<a class=\"btn\" href=\"/positions/%lld/pipeline#card-%lld\">%s</a></form>",
			    _("Move to the offer stage"), (long long)a->position_id, (long long)a->id, _("Open the pipeline"));
	} else {
		html_printf(o, "<p><a class=\"btn btn-primary\" href=\"/positions/%lld/pipeline#card-%lld\">%s</a></p>",
			    (long long)a->position_id, (long long)a->id, _("Reject on the board"));
	}
	html_raw(o, "</div>");
}

static void decision_form(struct request *r, const struct application *a, const struct decision_form *in,
			  const struct form_errors *fe)
{
	struct buf *o = &r->out;
	bool may = permission_allows(&r->principal, ACTION_DECIDE);
	html_printf(o, "<section class=\"card decision-card\" id=\"decision\" aria-labelledby=\"dec-title\"><h2 id=\"dec-title\">%s</h2>",
		    _("Record the decision"));
	if (!may)
		html_printf(o, "<p class=\"hint decision-who\">%s</p>",
			    _("The hiring manager or an administrator records the decision. You can see the evaluation, "
			      "but not decide."));
	form_error_summary_for(r, fe, "dec");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/applications/%lld/decision\" novalidate>", (long long)a->id);
	csrf_field(r);
	html_printf(o, "<fieldset class=\"decision-fields\"%s>", may ? "" : " disabled");

	/* hire / reject */
	const char *err = form_error_for(fe, "decision");
	html_printf(o, "<fieldset class=\"field%s\" id=\"dec-decision\"><legend>%s</legend>", err ? " has-error" : "",
		    _("Decision"));
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	for (int k = 0; k < DECISION_KIND__COUNT; k++) {
		const char *code = decision_kind_code((enum decision_kind)k);
		html_printf(o, "<label class=\"check\" for=\"dec-decision-%s\"><input type=\"radio\" id=\"dec-decision-%s\" "
			       "name=\"decision\" value=\"%s\" required%s> %s</label>",
			    code, code, code, in && str_eq(in->decision, code) ? " checked" : "",
			    _(decision_kind_label((enum decision_kind)k)));
	}
	html_raw(o, "</fieldset>");

	/* culture fit 1..4, anchored (R-GUARD-5) */
	err = form_error_for(fe, "culture_fit");
	html_printf(o, "<fieldset class=\"field%s\" id=\"dec-culture_fit\"><legend>%s</legend>", err ? " has-error" : "",
		    _("Culture fit (required)"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"dec-culture_fit-err\">%s</p>", err);
	for (int v = 1; v <= 4; v++)
		html_printf(o, "<label class=\"check\" for=\"dec-culture_fit-%d\"><input type=\"radio\" id=\"dec-culture_fit-%d\" "
			       "name=\"culture_fit\" value=\"%d\" required%s> <strong>%d</strong> %s</label>",
			    v, v, v, in && in->culture_fit == v ? " checked" : "", v, _(rating_anchor(v)));
	html_raw(o, "</fieldset>");

	/* rationale */
	err = form_error_for(fe, "rationale");
	html_printf(o, "<div class=\"field%s\"><label for=\"dec-rationale\">%s</label>", err ? " has-error" : "",
		    _("Rationale (required, at least 20 characters)"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"dec-rationale-err\">%s</p>", err);
	html_printf(o, "<textarea id=\"dec-rationale\" name=\"rationale\" rows=\"5\" required minlength=\"%d\" maxlength=\"%d\" "
		       "aria-invalid=\"%s\" aria-describedby=\"dec-rationale-hint\">%s</textarea>"
		       "<p class=\"hint\" id=\"dec-rationale-hint\">%s</p></div>",
		    DECISION_RATIONALE_MIN_CHARS, DECISION_RATIONALE_MAX_BYTES, err ? "true" : "false",
		    in && in->rationale ? in->rationale : "",
		    _("Why this decision? Name the evidence from the scorecards, the must-haves and the culture fit."));
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></fieldset></form></section>",
		    _("Record the decision"));
}

/* ---- the page ------------------------------------------------------------------------------------------- */

static bool load_application(struct request *r, struct application *a)
{
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), a);
	if (rc == STORE_OK)
		return true;
	page_error(r, rc == STORE_NOT_FOUND ? 404 : rc == STORE_BUSY ? 503 : 500,
		   rc == STORE_NOT_FOUND ? _("There is no such application.") : NULL);
	return false;
}

static void render(struct request *r, const struct application *a, const struct decision_form *in,
		   const struct form_errors *fe)
{
	struct buf *o = &r->out;
	struct position p;
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	enum store_rc rc = store_position_get(r->store, a->position_id, &p);
	if (rc == STORE_OK)
		rc = store_candidate_get(r->store, a->candidate_id, c);
	struct position_evaluation e;
	if (rc == STORE_OK)
		rc = position_evaluation_load(r, a->position_id, &e);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	const char *name = candidate_name(r, c);
	position_page_begin(r, &p, "evaluation", name);
	decided_notice(r, a);
	html_printf(o, "<p class=\"actions\"><a class=\"btn\" href=\"/positions/%lld/evaluation\">%s</a> "
		       "<a class=\"btn\" href=\"/candidates/%lld\">%s</a></p>",
		    (long long)p.id, _("Back to the comparison"), (long long)c->id, _("Candidate page"));

	const struct eval_candidate *ec = evaluation_find(&e.result, a->id);
	html_printf(o, "<section class=\"card chart-card\" aria-labelledby=\"chart-title\"><h2 id=\"chart-title\">%s</h2>",
		    _("Ratings against the profile"));
	if (ec && ec->rated_competencies > 0) {
		char score[32];
		evaluation_format_hundredths(ec->score_x100, decimal_mark(r), score, sizeof score);
		html_printf(o, "<p class=\"eval-summary\" data-score=\"%s\">%s", score,
			    arena_printf(&r->arena, _("Weighted score %s."), score));
		if (ec->knockout)
			html_printf(o, " <strong class=\"eval-knockout-note\">%s</strong>",
				    _("Knockout: a must-have competency is rated below 2.5 on average; not ranked."));
		else if (ec->rank > 0)
			html_printf(o, " %s", arena_printf(&r->arena, _("Rank %d of %zu."), ec->rank, e.result.nranked));
		html_raw(o, "</p>");
		rating_chart(r, &e, ec);
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No ratings have been submitted for this candidate yet."));
	}
	html_raw(o, "</section>");
	scorecards_table(r, &e, a->id);
	decisions_list(r, a->id);
	decision_form(r, a, in, fe);
	position_evaluation_free(&e);
	page_end(r);
}

void page_application_evaluation(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	if (!load_application(r, a))
		return;
	render(r, a, NULL, NULL);
}

void page_application_decision(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	if (!load_application(r, a))
		return;
	struct decision_form in = { req_form(r, "decision"), 0, req_form(r, "rationale") };
	if (!in.decision)
		in.decision = "";
	char *rationale = arena_strdup(&r->arena, in.rationale ? in.rationale : "");
	in.rationale = str_trim(rationale);
	const char *cf = req_form(r, "culture_fit");
	long long v = 0;
	if (cf && str_to_int64(cf, 1, 4, &v))
		in.culture_fit = (int)v;

	struct form_errors fe = { 0 };
	struct field_problem problems[8];
	size_t np = decision_check(in.decision, in.culture_fit, in.rationale, problems, 8);
	for (size_t i = 0; i < np; i++)
		form_error(&fe, problems[i].field, _(problems[i].message));
	if (np == 0) {
		struct actor who = req_actor(r);
		enum store_rc rc = store_decision_record(r->store, &who, a->id, in.decision, in.culture_fit, in.rationale,
							 r->now, NULL);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/applications/%lld/evaluation?decided=%s#decision",
						      (long long)a->id, in.decision));
			return;
		}
		if (rc != STORE_INVALID) {
			page_error(r, rc == STORE_NOT_FOUND ? 404 : rc == STORE_BUSY ? 503 : 500, NULL);
			return;
		}
		form_error(&fe, "decision", _("The decision could not be recorded. Please check the fields."));
	}
	r->status = 422;
	render(r, a, &in, &fe);
}
