/*
 * page_scorecard.c — one scorecard read on its own (R-INT-5): who wrote it
 * for which candidate, round and kit version, the ratings per competency
 * with their anchors and notes, exercise ratings, notes per core question,
 * the candidate's own questions with their quality mark, the overall
 * recommendation and notes.
 *
 * Independence is the store's rule (store_scorecard_get_visible): the
 * author always sees their own; anyone else only a submitted one, and an
 * interviewer only after submitting their own scorecard for the same
 * application; recruiters, hiring managers and admins see every submitted
 * one. Everything else answers 404, so an id reveals nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/positions.h"
#include "store/scorecards.h"
#include "util/str.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/scorecard_view.h"

/* What the page shows besides the scorecard itself. */
struct scorecard_page {
	struct scorecard sc;
	struct interview iv;
	struct application app;
	struct candidate c;
	struct position p;
	struct kit_competency *comps;
	size_t ncomps;
	bool assigned;                     /* the viewer is an interviewer of the interview */
};

static void ratings_table(struct request *r, const struct scorecard_page *d)
{
	struct buf *o = &r->out;
	const struct scorecard *sc = &d->sc;
	html_printf(o, "<section class=\"card\" id=\"ratings\"><h2>%s</h2>", _("Ratings per competency"));
	if (sc->nratings == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No competency rated."));
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data sc-ratings-table\"><caption class=\"visually-hidden\">%s</caption>"
		       "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Ratings per competency"), _("Competency"), _("Rating"), _("Notes"));
	for (size_t i = 0; i < sc->nratings; i++) {
		const struct scorecard_rating *it = &sc->ratings[i];
		html_printf(o, "<tr data-competency=\"%s\"><th scope=\"row\">%s</th><td><span class=\"rating-num\">%d</span> %s</td>"
			       "<td class=\"prewrap\">%s</td></tr>",
			    it->competency, kit_competency_name(r, d->comps, d->ncomps, it->competency), it->rating,
			    kit_rating_anchor(it->rating), it->notes);
	}
	html_raw(o, "</tbody></table></div></section>");
}

static void exercises_table(struct request *r, const struct scorecard *sc)
{
	struct buf *o = &r->out;
	if (sc->nexercises == 0)
		return;
	html_printf(o, "<section class=\"card\" id=\"exercise-ratings\"><h2>%s</h2><div class=\"table-wrap\"><table class=\"data\">"
		       "<caption class=\"visually-hidden\">%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Exercises"), _("Exercises"), _("Exercise"), _("Rating"), _("Notes"));
	for (size_t i = 0; i < sc->nexercises; i++) {
		const struct scorecard_exercise *it = &sc->exercises[i];
		html_printf(o, "<tr><th scope=\"row\">%s</th><td><span class=\"rating-num\">%d</span> %s</td><td class=\"prewrap\">%s</td></tr>",
			    kit_exercise_name(r, it->exercise_key), it->rating, kit_rating_short(it->rating), it->notes);
	}
	html_raw(o, "</tbody></table></div></section>");
}

/* The text of question ref (built-in or own), or the ref itself. */
static const char *question_text(struct request *r, const char *ref)
{
	struct iv_question q;
	return iv_question_resolve(r, ref, NULL, &q) ? q.text : ref;
}

static void answers_list(struct request *r, const struct scorecard *sc)
{
	struct buf *o = &r->out;
	if (sc->nanswers == 0)
		return;
	html_printf(o, "<section class=\"card\" id=\"answers\"><h2>%s</h2><dl class=\"sc-answers\">", _("Notes on the core questions"));
	for (size_t i = 0; i < sc->nanswers; i++)
		html_printf(o, "<dt>%s</dt><dd class=\"prewrap\">%s</dd>", question_text(r, sc->answers[i].question_ref),
			    sc->answers[i].notes);
	html_raw(o, "</dl></section>");
}

static void closing(struct request *r, const struct scorecard *sc)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"recommendation\"><h2>%s</h2><dl class=\"facts\">", _("Recommendation"));
	html_printf(o, "<dt>%s</dt><dd class=\"sc-recommendation\" data-recommendation=\"%s\">%s</dd>", _("Overall recommendation"),
		    sc->recommendation, sc->recommendation[0] ? kit_recommendation_label(sc->recommendation) : _("not chosen yet"));
	html_printf(o, "<dt>%s</dt><dd class=\"prewrap\">%s</dd>", _("The candidate's own questions"),
		    sc->candidate_questions[0] ? sc->candidate_questions : "—");
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Quality of the candidate's questions"),
		    sc->candidate_questions_quality[0] ? kit_quality_label(sc->candidate_questions_quality) : _("not marked"));
	if (sc->notes[0])
		html_printf(o, "<dt>%s</dt><dd class=\"prewrap\">%s</dd>", _("Overall notes"), sc->notes);
	html_raw(o, "</dl></section>");
}

static void render(struct request *r, const struct scorecard_page *d)
{
	struct buf *o = &r->out;
	const struct scorecard *sc = &d->sc;
	const char *name = str_trim(arena_printf(&r->arena, "%s %s", d->c.first_name, d->c.last_name));
	page_begin(r, arena_printf(&r->arena, "%s — %s", _("Scorecard"), name), NAV_INTERVIEWS);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/interviews\">%s</a></p><h1>%s: %s</h1>",
		    _("My interviews"), _("Scorecard"), name);
	html_printf(o, "<p class=\"lead\">%s · %s · %d. %s · %s v%d</p></div>", sc->user_display, d->p.title, d->iv.round_ord,
		    iv_round_name(d->iv.round_name), _("Kit"), d->iv.kit_version);
	html_printf(o, "<div class=\"actions\"><button type=\"button\" class=\"btn\" data-print>%s</button>", _("Print"));
	if (d->assigned)
		html_printf(o, "<a class=\"btn\" href=\"/interviews/%lld\">%s</a>", (long long)d->iv.id, _("Interview kit"));
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		html_printf(o, "<a class=\"btn\" href=\"/candidates/%lld#interviews\">%s</a>", (long long)d->c.id, _("Candidate"));
	html_raw(o, "</div></div>");
	if (sc->status == SCORECARD_SUBMITTED) {
		char when[64];
		i18n_format_datetime(when, sizeof when, (time_t)sc->submitted_at, r->lang);
		html_printf(o, "<p class=\"sc-status\"><span class=\"badge badge-ok\">%s</span> %s</p>", _("Submitted"), when);
	} else {
		html_printf(o, "<p class=\"sc-status\"><span class=\"badge badge-muted\">%s</span> %s</p>", _("Draft"),
			    _("Only you can see this draft until you submit it."));
	}
	ratings_table(r, d);
	exercises_table(r, sc);
	answers_list(r, sc);
	closing(r, sc);
	page_end(r);
}

void page_scorecard(struct request *r)
{
	struct store *s = r->store;
	struct scorecard_page *d = arena_alloc(&r->arena, sizeof *d);
	bool sees_all = permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
	enum store_rc rc = store_scorecard_get_visible(s, r->user.id, sees_all, req_path_arg(r, 0), &d->sc);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	rc = store_interview_get(s, d->sc.interview_id, &d->iv);
	if (rc == STORE_OK)
		rc = store_application_get(s, d->iv.application_id, &d->app);
	if (rc == STORE_OK)
		rc = store_candidate_get(s, d->app.candidate_id, &d->c);
	if (rc == STORE_OK)
		rc = store_position_get(s, d->app.position_id, &d->p);
	if (rc == STORE_OK)
		rc = store_interviewer_assigned_to_interview(s, r->user.id, d->iv.id, &d->assigned);
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
	} else {
		d->ncomps = kit_competencies(r, &d->p, &d->comps);
		render(r, d);
	}
	scorecard_free(&d->sc);
}
