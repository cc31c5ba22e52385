/*
 * page_evaluation.c — the comparison matrix of a position's candidates
 * (R-EVAL-1..3): one row per candidate with submitted scorecards, ranked by
 * the weighted score; candidates with a knockout (a must-have competency
 * rated below 2.5 on average) follow below a divider, flagged with the
 * must-haves they failed and never ranked. Columns: the competencies with
 * their weight (mean with one decimal, number of ratings, the individual
 * ratings on hover and for screen readers, a highlight when interviewers
 * disagree by two steps or more), must-have fulfilment, culture fit,
 * exercises, recommendations. A legend explains weights, scale and rules.
 *
 * GET /positions/{id}/evaluation   (ACTION_MANAGE_CANDIDATES)
 *
 * The numbers come from position_evaluation_load (web/evaluation_ops.h),
 * the same computation as GET /api/v1/positions/{id}/evaluation.
 */
#include <string.h>

#include "web/evaluation_ops.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"

#define NA_TEXT "\xe2\x80\x93"           /* "–": not rated */

static char decimal_mark(const struct request *r)
{
	return r->lang == LANG_EN ? '.' : ',';
}

static const char *score_text(struct request *r, const struct eval_candidate *c)
{
	char tmp[32];
	if (c->rated_competencies == 0)
		return NA_TEXT;
	evaluation_format_hundredths(c->score_x100, decimal_mark(r), tmp, sizeof tmp);
	return arena_strdup(&r->arena, tmp);
}

/* The head row: fixed columns, one per competency with its weight, culture
 * fit, one per exercise, recommendations. */
static void matrix_head(struct request *r, const struct position_evaluation *e)
{
	struct buf *o = &r->out;
	html_printf(o, "<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>",
		    _("Rank"), _("Candidate"), _("Weighted score"), _("Must-haves"));
	for (size_t i = 0; i < e->ncompetencies; i++) {
		const struct eval_competency *k = &e->competencies[i];
		html_printf(o, "<th scope=\"col\" class=\"eval-comp%s\" data-competency=\"%s\" data-weight=\"%d\">"
			       "<span class=\"eval-comp-name\">%s</span> <span class=\"eval-weight\" title=\"%s\">\xc3\x97%d</span>",
			    k->must ? " eval-must" : "", k->key, k->weight, e->competency_names[i], _("Weight"), k->weight);
		if (k->must)
			html_printf(o, " <span class=\"eval-must-mark\">%s</span>", _("must-have"));
		html_raw(o, "</th>");
	}
	html_printf(o, "<th scope=\"col\" class=\"num\">%s</th>", _("Culture fit"));
	for (size_t x = 0; x < e->result.nexercises; x++)
		html_printf(o, "<th scope=\"col\" class=\"eval-exercise\" data-exercise=\"%s\">%s <span class=\"muted\">(%s)</span></th>",
			    e->result.exercises[x], e->exercise_names[x], _("exercise"));
	html_printf(o, "<th scope=\"col\">%s</th></tr></thead>", _("Recommendations"));
}

/* One rating cell: mean, count, individual ratings, disagreement. */
static void rating_cell(struct request *r, const struct position_evaluation *e, const struct eval_candidate *c,
			const struct eval_cell *cell, const char *key, bool exercise)
{
	struct buf *o = &r->out;
	if (cell->count == 0) {
		html_printf(o, "<td class=\"num eval-cell eval-empty\" data-key=\"%s\"><span aria-hidden=\"true\">%s</span>"
			       "<span class=\"visually-hidden\">%s</span></td>",
			    key, NA_TEXT, _("not rated"));
		return;
	}
	const char *who = eval_individual_text(r, e, c->application_id, key, exercise);
	html_printf(o, "<td class=\"num eval-cell%s%s\" data-key=\"%s\" data-mean=\"%s\" data-count=\"%d\" data-spread=\"%d\" title=\"%s\">",
		    cell->disagreement ? " eval-disagree" : "", cell->must == MUST_KNOCKOUT ? " eval-knockout-cell" : "", key,
		    eval_mean_text(r, cell, '.'), cell->count, cell->spread, who);
	html_printf(o, "<span class=\"eval-mean\">%s</span> <span class=\"eval-n\">(%d)</span>",
		    eval_mean_text(r, cell, decimal_mark(r)), cell->count);
	if (cell->disagreement)
		html_printf(o, " <span class=\"eval-flag\">%s</span>",
			    arena_printf(&r->arena, _("Disagreement: spread %d"), cell->spread));
	html_printf(o, "<span class=\"visually-hidden\"> (%s)</span></td>", who);
}

/* Must-have fulfilment: the failed must-haves of a knockout by name, else
 * fulfilled / open counts. */
static void must_cell(struct request *r, const struct position_evaluation *e, const struct eval_candidate *c)
{
	struct buf *o = &r->out;
	if (c->knockout) {
		html_printf(o, "<td class=\"eval-must-status\" data-must=\"knockout\"><span class=\"badge badge-knockout\">%s</span> ",
			    _(must_status_label(MUST_KNOCKOUT)));
		bool first = true;
		for (size_t i = 0; i < e->ncompetencies; i++) {
			if (c->cells[i].must != MUST_KNOCKOUT)
				continue;
			html_printf(o, "%s<span class=\"eval-failed\" data-failed=\"%s\">%s (%s)</span>", first ? "" : ", ",
				    e->competencies[i].key, e->competency_names[i], eval_mean_text(r, &c->cells[i], decimal_mark(r)));
			first = false;
		}
		html_raw(o, "</td>");
		return;
	}
	const char *status = c->must_open > 0 ? "open" : "fulfilled";
	html_printf(o, "<td class=\"eval-must-status\" data-must=\"%s\"><span class=\"badge badge-%s\">%s</span>", status,
		    c->must_open > 0 ? "warn" : "ok", _(must_status_label(c->must_open > 0 ? MUST_OPEN : MUST_FULFILLED)));
	if (c->must_fulfilled + c->must_open > 0)
		html_printf(o, " <span class=\"muted\">%s</span>",
			    arena_printf(&r->arena, _("%d of %d fulfilled"), c->must_fulfilled, c->must_fulfilled + c->must_open));
	html_raw(o, "</td>");
}

/* Culture fit: the decision's rating, else the mean of cultural_fit ratings. */
static void culture_cell(struct request *r, const struct position_evaluation *e, const struct eval_candidate *c)
{
	struct buf *o = &r->out;
	if (c->culture_fit > 0) {
		html_printf(o, "<td class=\"num\" data-col=\"culture_fit\">%d <span class=\"muted\">(%s)</span></td>",
			    c->culture_fit, _("decision"));
		return;
	}
	int k = position_evaluation_competency_index(e, "cultural_fit");
	if (k >= 0 && c->cells[k].count > 0)
		html_printf(o, "<td class=\"num\" data-col=\"culture_fit\">%s <span class=\"muted\">(%s)</span></td>",
			    eval_mean_text(r, &c->cells[k], decimal_mark(r)), _("ratings"));
	else
		html_printf(o, "<td class=\"num\" data-col=\"culture_fit\">%s</td>", NA_TEXT);
}

static void recommendations_cell(struct request *r, const struct eval_candidate *c)
{
	static const enum recommendation order[] = { RECOMMENDATION_STRONG_NO, RECOMMENDATION_NO, RECOMMENDATION_YES,
						     RECOMMENDATION_STRONG_YES };
	struct buf *o = &r->out;
	html_raw(o, "<td class=\"eval-recs\"><ul class=\"eval-rec-list\">");
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		html_printf(o, "<li class=\"eval-rec-%s%s\" data-rec=\"%s\">%s: %d</li>", recommendation_code(order[i]),
			    c->recommendations[order[i]] ? "" : " muted", recommendation_code(order[i]),
			    _(recommendation_label(order[i])), c->recommendations[order[i]]);
	html_raw(o, "</ul></td>");
}

static void matrix_row(struct request *r, const struct position_evaluation *e, const struct eval_candidate *c)
{
	struct buf *o = &r->out;
	const struct eval_applicant *a = position_evaluation_applicant(e, c->application_id);
	const char *name = a ? a->name : "";
	char score[32];
	evaluation_format_hundredths(c->score_x100, '.', score, sizeof score);
	html_printf(o, "<tr id=\"eval-app-%lld\" class=\"eval-row%s\" data-application=\"%lld\" data-rank=\"%d\" data-score=\"%s\">",
		    (long long)c->application_id, c->knockout ? " eval-knockout" : "", (long long)c->application_id, c->rank,
		    score);
	if (c->rank > 0)
		html_printf(o, "<td class=\"num eval-rank\">%d</td>", c->rank);
	else
		html_printf(o, "<td class=\"num eval-rank\"><span aria-hidden=\"true\">%s</span><span class=\"visually-hidden\">%s</span></td>",
			    NA_TEXT, _("not ranked"));
	html_printf(o, "<th scope=\"row\"><a href=\"/applications/%lld/evaluation\">%s</a>", (long long)c->application_id, name);
	if (a && a->has_decision)
		html_printf(o, " <span class=\"badge badge-%s\">%s</span>", strcmp(a->decision, "hire") == 0 ? "ok" : "muted",
			    strcmp(a->decision, "hire") == 0 ? _("Decision: hire") : _("Decision: reject"));
	html_printf(o, "<br><span class=\"muted\">%s</span></th>",
		    arena_printf(&r->arena, i18n_ngettext("%d scorecard", "%d scorecards", a ? (unsigned long)a->nscorecards : 0),
				 a ? a->nscorecards : 0));
	html_printf(o, "<td class=\"num eval-score\"><strong>%s</strong></td>", score_text(r, c));
	must_cell(r, e, c);
	for (size_t i = 0; i < e->ncompetencies; i++)
		rating_cell(r, e, c, &c->cells[i], e->competencies[i].key, false);
	culture_cell(r, e, c);
	for (size_t x = 0; x < e->result.nexercises; x++)
		rating_cell(r, e, c, &c->exercise_cells[x], e->result.exercises[x], true);
	recommendations_cell(r, c);
	html_raw(o, "</tr>");
}

static void matrix_table(struct request *r, const struct position_evaluation *e)
{
	struct buf *o = &r->out;
	size_t ncols = 5 + e->ncompetencies + e->result.nexercises + 1;
	html_printf(o, "<div class=\"table-wrap eval-wrap\"><table class=\"data eval-matrix\"><caption>%s</caption>",
		    _("Candidates × competencies: mean rating (number of ratings)"));
	matrix_head(r, e);
	html_raw(o, "<tbody class=\"eval-ranked\">");
	for (size_t i = 0; i < e->result.nranked; i++)
		matrix_row(r, e, &e->result.candidates[i]);
	html_raw(o, "</tbody>");
	if (e->result.ncandidates > e->result.nranked) {
		html_printf(o, "<tbody class=\"eval-knockouts\"><tr class=\"eval-divider\"><th scope=\"rowgroup\" colspan=\"%zu\">%s</th></tr>",
			    ncols,
			    _("Knockout: a must-have competency is rated below 2.5 on average. These candidates are not ranked, "
			      "whatever their weighted score."));
		for (size_t i = e->result.nranked; i < e->result.ncandidates; i++)
			matrix_row(r, e, &e->result.candidates[i]);
		html_raw(o, "</tbody>");
	}
	html_raw(o, "</table></div>");
}

static void legend(struct request *r)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card eval-legend\" aria-labelledby=\"eval-legend-title\"><h2 id=\"eval-legend-title\">%s</h2><dl>",
		    _("How to read the matrix"));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Weights"),
		    _("Each competency weighs as much as the most important requirement of the profile linked to it: "
		      "must-have = 3, important = 2, nice-to-have = 1; competencies without a linked requirement weigh 1."));
	html_printf(o, "<dt>%s</dt><dd><ul class=\"eval-scale\">", _("Scale"));
	for (int v = 1; v <= 4; v++)
		html_printf(o, "<li><strong>%d</strong> %s</li>", v, _(rating_anchor(v)));
	html_printf(o, "</ul><p class=\"hint\">%s</p></dd>", _("Four steps without a neutral middle. A cell shows the mean of the "
								 "submitted ratings with one decimal and, in brackets, how many there are."));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Weighted score"),
		    _("Sum of weight × mean over the rated competencies, divided by the sum of their weights (1.00 to 4.00). "
		      "Exercises are shown separately and do not enter the score."));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Disagreement"),
		    _("When the highest and the lowest rating of a competency are two or more steps apart, the cell is "
		      "highlighted: talk about it before deciding. The individual ratings appear when you point at the cell."));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Must-haves and knockouts"),
		    _("A must-have competency rated below 2.5 on average is a knockout: the candidate is listed below the "
		      "divider and not ranked. A must-have nobody has rated yet is open."));
	html_printf(o, "<dt>%s</dt><dd>%s</dd></dl></section>", _("Only submitted scorecards"),
		    _("Drafts never count. Culture fit comes from the recorded decision, otherwise from the ratings of the "
		      "competency cultural fit."));
}

void page_position_evaluation(struct request *r)
{
	struct buf *o = &r->out;
	struct position p;
	if (!position_load_from_path(r, &p))
		return;
	struct position_evaluation e;
	enum store_rc rc = position_evaluation_load(r, p.id, &e);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	position_page_begin(r, &p, "evaluation", _("Evaluation"));
	if (e.result.ncandidates == 0) {
		html_printf(o, "<section class=\"empty-state eval-empty\"><h2>%s</h2><p>%s</p>"
			       "<div class=\"actions\"><a class=\"btn btn-primary\" href=\"%s\">%s</a></div></section>",
			    _("No scorecards submitted yet"),
			    _("As soon as interviewers submit their scorecards, this page compares the candidates competency by "
			      "competency, weighted by the requirements profile."),
			    position_path(r, p.id, "interviews"), _("Go to the interview plan"));
		position_evaluation_free(&e);
		page_end(r);
		return;
	}
	if (e.profile_version > 0)
		html_printf(o, "<p class=\"muted eval-basis\">%s</p>",
			    arena_printf(&r->arena, _("Weights from the approved profile, version %d."), e.profile_version));
	else
		html_printf(o, "<p class=\"muted eval-basis\">%s</p>",
			    _("Weights from the draft profile: no version has been approved yet."));
	matrix_table(r, &e);
	if (e.napplications > e.napplicants)
		html_printf(o, "<p class=\"hint\">%s</p>",
			    arena_printf(&r->arena,
					 i18n_ngettext("%zu further candidate in the pipeline has no submitted scorecard yet.",
						       "%zu further candidates in the pipeline have no submitted scorecard yet.",
						       (unsigned long)(e.napplications - e.napplicants)),
					 e.napplications - e.napplicants));
	legend(r);
	position_evaluation_free(&e);
	page_end(r);
}
