/*
 * page_kit.c — the interview kit of one interview with the interviewer's
 * scorecard on the same page (R-INT-3, R-INT-5, R-INT-6, R-SALES-1..2):
 * a short candidate summary (name, current role and company, location,
 * notice period, languages — nothing else), round, duration and kit
 * version, the interviewer's focus competencies, the core questions in
 * order with follow-ups, rating guide and a note field each, the attached
 * exercises with scenario, what to observe and rubric, the anchored 1–4
 * scale, and the scorecard: ratings per competency (focus first, the others
 * folded away), exercise ratings, the candidate's own questions with their
 * quality, the overall recommendation, "Save draft" and "Submit". The page
 * prints as a paper kit (print stylesheet, "Print" button).
 *
 * Only interviewers of the interview see it (anyone else gets 404). Other
 * interviewers' scorecards are listed only once the viewer has submitted
 * their own (R-INT-5; recruiters and hiring managers see all submitted
 * ones). A submitted scorecard is final: saving again is refused (409).
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
#include "web/scorecard_form.h"
#include "web/scorecard_view.h"

#define KIT_MAX_FOCUS 16

/* Everything the page shows, loaded before rendering. */
struct kit_page {
	struct interview iv;
	struct application app;
	struct candidate c;
	struct position p;
	struct kit_version kv;
	struct kit_refs kit;
	bool kit_ok;
	struct kit_competency *comps;
	size_t ncomps;
	const char *focus[KIT_MAX_FOCUS];
	size_t nfocus;
	struct scorecard mine;            /* valid when has_mine */
	bool has_mine;
	bool sees_all;                    /* recruiter, hiring manager, admin */
	bool unlocked;                    /* the viewer has submitted a scorecard for this application */
	struct scorecard *others;         /* visible scorecards of others, when unlocked or sees_all */
	size_t nothers;
};

static void kit_page_free(struct kit_page *d)
{
	if (d->has_mine)
		scorecard_free(&d->mine);
	scorecard_list_free(d->others, d->nothers);
	d->others = NULL;
	d->nothers = 0;
}

/* Splits the viewer's focus of the interview into d->focus. */
static void focus_load(struct request *r, struct kit_page *d)
{
	for (size_t i = 0; i < d->iv.ninterviewers; i++) {
		if (d->iv.interviewers[i].who.user_id != r->user.id)
			continue;
		char *list = arena_strdup(&r->arena, d->iv.interviewers[i].who.focus);
		for (char *save = NULL, *k = strtok_r(list, ",", &save); k && d->nfocus < KIT_MAX_FOCUS;
		     k = strtok_r(NULL, ",", &save)) {
			k = str_trim(k);
			if (*k)
				d->focus[d->nfocus++] = k;
		}
	}
}

static bool is_focus(const struct kit_page *d, const char *key)
{
	for (size_t i = 0; i < d->nfocus; i++)
		if (str_eq(d->focus[i], key))
			return true;
	return false;
}

/* The viewer's own scorecard of the interview, when they have opened one. */
static enum store_rc mine_load(struct request *r, struct kit_page *d)
{
	struct my_interview *list = NULL;
	size_t n = 0;
	int64_t id = 0;
	enum store_rc rc = store_interviews_for_user(r->store, r->user.id, &list, &n);
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		if (list[i].interview_id == d->iv.id)
			id = list[i].scorecard_id;
	free(list);
	if (rc != STORE_OK || id <= 0)
		return rc;
	rc = store_scorecard_get_visible(r->store, r->user.id, false, id, &d->mine);
	if (rc == STORE_OK)
		d->has_mine = true;
	return rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

/* Loads the interview in the path for the viewer; answers 404 when there is
 * no such interview or the viewer is not one of its interviewers (500 on a
 * store failure) and returns false. */
static bool kit_load(struct request *r, struct kit_page *d)
{
	struct store *s = r->store;
	bool assigned = false;
	enum store_rc rc = store_interview_get(s, req_path_arg(r, 0), &d->iv);
	if (rc == STORE_OK)
		rc = store_interviewer_assigned_to_interview(s, r->user.id, d->iv.id, &assigned);
	if (rc == STORE_OK && !assigned)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_OK)
		rc = store_application_get(s, d->iv.application_id, &d->app);
	if (rc == STORE_OK)
		rc = store_candidate_get(s, d->app.candidate_id, &d->c);
	if (rc == STORE_OK)
		rc = store_position_get(s, d->app.position_id, &d->p);
	if (rc == STORE_OK)
		rc = store_kit_version_get(s, d->iv.kit_version_id, &d->kv);
	if (rc == STORE_OK)
		rc = mine_load(r, d);
	d->sees_all = permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
	if (rc == STORE_OK)
		rc = store_scorecard_viewer_unlocked(s, r->user.id, d->app.id, &d->unlocked);
	if (rc == STORE_OK && (d->unlocked || d->sees_all))
		rc = store_scorecards_for_application_visible(s, r->user.id, d->sees_all, d->app.id, &d->others, &d->nothers);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return false;
	}
	d->kit_ok = kit_refs_parse(r, d->kv.kit_json, &d->kit);
	d->ncomps = kit_competencies(r, &d->p, &d->comps);
	focus_load(r, d);
	return true;
}

/* ---- values shown in the form: what was posted (a refused submission) or stored ---- */

static const char *value_of(struct request *r, const char *name, const char *stored)
{
	if (r->method != HTTP_POST)
		return stored;
	const char *v = req_form(r, name);
	return v ? v : "";
}

static int rating_value(struct request *r, const char *name, int stored)
{
	if (r->method != HTTP_POST)
		return stored;
	long long n;
	const char *v = req_form(r, name);
	return v && str_to_int64(v, 1, 4, &n) ? (int)n : 0;
}

/* ---- rendering ------------------------------------------------------------------------------ */

static const char *full_name(struct request *r, const struct candidate *c)
{
	return str_trim(arena_printf(&r->arena, "%s %s", c->first_name, c->last_name));
}

static void candidate_summary(struct request *r, const struct candidate *c)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card kit-candidate\"><h2>%s</h2><dl class=\"facts\">", _("Candidate"));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Name"), full_name(r, c));
	if (c->current_role[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Current role"), c->current_role);
	if (c->current_company[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Company"), c->current_company);
	if (c->location[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Location"), c->location);
	html_printf(o, "<dt>%s</dt>", _("Notice period"));
	if (c->notice_period_weeks < 0)
		html_printf(o, "<dd class=\"muted\">%s</dd>", _("not known"));
	else if (c->notice_period_weeks == 0)
		html_printf(o, "<dd>%s</dd>", _("available now"));
	else
		html_printf(o, "<dd>%s</dd>",
			    arena_printf(&r->arena, i18n_ngettext("%d week", "%d weeks", (unsigned long)c->notice_period_weeks),
					 c->notice_period_weeks));
	if (c->languages[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Languages"), c->languages);
	html_raw(o, "</dl></section>");
}

static void focus_card(struct request *r, const struct kit_page *d)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card kit-focus\" id=\"focus\"><h2>%s</h2>", _("Your focus"));
	if (d->nfocus == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>",
			    _("No focus competencies were set for you: rate what you could observe."));
		return;
	}
	html_printf(o, "<p class=\"hint\">%s</p><ul class=\"focus-list\">",
		    _("Pay particular attention to these competencies and rate them in any case."));
	for (size_t i = 0; i < d->nfocus; i++)
		html_printf(o, "<li class=\"is-focus\" data-focus=\"%s\">%s</li>", d->focus[i],
			    kit_competency_name(r, d->comps, d->ncomps, d->focus[i]));
	html_raw(o, "</ul></section>");
}

/* The core questions in kit order, each with its note field (editable) or
 * the stored notes (read only). */
static void questions_section(struct request *r, const struct kit_page *d, const struct scorecard *sc, bool editable,
			      const struct form_errors *fe)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card kit-questions\" id=\"questions\"><h2>%s</h2>", _("Core questions"));
	if (!d->kit_ok || d->kit.nquestions == 0) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("This kit has no core questions."));
		return;
	}
	html_printf(o, "<p class=\"hint\">%s</p><ol class=\"question-list\">",
		    _("Ask every candidate these questions in this order; the follow-ups help to get beyond rehearsed answers."));
	for (size_t i = 0; i < d->kit.nquestions; i++) {
		const char *ref = d->kit.questions[i];
		const char *competency = "";
		struct iv_question q;
		html_printf(o, "<li class=\"kit-question\" data-ref=\"%s\"><div class=\"question-body\">", ref);
		if (iv_question_resolve(r, ref, NULL, &q)) {
			iv_question_render(r, &q, NULL, IV_Q_FOLLOW_UPS | IV_Q_GUIDE);
			competency = q.competency;
		} else {
			html_printf(o, "<p class=\"question-text muted\">%s</p>", _("This question is no longer available."));
		}
		html_raw(o, "</div>");
		if (!str_empty(competency)) {
			bool focus = is_focus(d, competency);
			html_printf(o, "<p class=\"question-competency%s\">%s: %s", focus ? " is-focus" : "", _("Competency"),
				    kit_competency_name(r, d->comps, d->ncomps, competency));
			if (focus)
				html_printf(o, " <span class=\"badge badge-focus\">%s</span>", _("Your focus"));
			html_raw(o, "</p>");
		}
		const char *name = arena_printf(&r->arena, "answer.%s", ref);
		if (editable) {
			scorecard_textarea(r, fe, name, _("Notes on the answer"), value_of(r, name, scorecard_answer_of(sc, ref)), 3);
		} else {
			const char *notes = scorecard_answer_of(sc, ref);
			if (*notes)
				html_printf(o, "<p class=\"prewrap answer-notes\">%s</p>", notes);
		}
		html_raw(o, "</li>");
	}
	html_raw(o, "</ol></section>");
}

static void exercises_section(struct request *r, const struct kit_page *d, const struct scorecard *sc, bool editable,
			      const struct form_errors *fe)
{
	struct buf *o = &r->out;
	if (!d->kit_ok || d->kit.nexercises == 0)
		return;
	html_printf(o, "<section class=\"kit-exercises\" id=\"exercises\"><h2>%s</h2>", _("Exercises"));
	for (size_t i = 0; i < d->kit.nexercises; i++) {
		const char *key = d->kit.exercises[i];
		const char *name = kit_exercise_name(r, key);
		html_printf(o, "<div class=\"kit-exercise\" data-exercise-key=\"%s\">", key);
		if (!kit_exercise_html(r, &d->p, key))
			html_printf(o, "<article class=\"exercise card\" data-exercise=\"%s\"><h3>%s</h3><p class=\"muted\">%s</p></article>",
				    key, key, _("This exercise is no longer available."));
		const char *field = arena_printf(&r->arena, "exercise.%s", key);
		const char *nfield = arena_printf(&r->arena, "enote.%s", key);
		const char *notes;
		int rating = scorecard_exercise_of(sc, key, &notes);
		if (editable || rating)
			html_raw(o, "<div class=\"card exercise-rating\">");
		if (editable) {
			const char *labels[4];
			for (int k = 0; k < 4; k++)
				labels[k] = kit_rating_short(k + 1);
			scorecard_rating_radios(r, fe, field, arena_printf(&r->arena, _("Rating of “%s”"), name), labels,
						rating_value(r, field, rating));
			scorecard_textarea(r, fe, nfield, _("Notes on the exercise"), value_of(r, nfield, notes), 3);
		} else if (rating) {
			html_printf(o, "<p class=\"sc-rating\"><span class=\"rating-num\">%d</span> %s</p>", rating,
				    kit_rating_short(rating));
			if (*notes)
				html_printf(o, "<p class=\"prewrap\">%s</p>", notes);
		}
		html_raw(o, editable || rating ? "</div></div>" : "</div>");
	}
	html_raw(o, "</section>");
}

/* One competency's radios and notes. */
static void competency_fields(struct request *r, const struct kit_page *d, const struct kit_competency *k,
			      const struct scorecard *sc, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const char *field = arena_printf(&r->arena, "rating.%s", k->key);
	const char *nfield = arena_printf(&r->arena, "rnote.%s", k->key);
	const char *notes;
	int rating = scorecard_rating_of(sc, k->key, &notes);
	bool focus = is_focus(d, k->key);
	html_printf(o, "<div class=\"competency-rating%s\" data-competency=\"%s\">", focus ? " is-focus" : "", k->key);
	const char *legend = focus ? arena_printf(&r->arena, "%s (%s)", k->name, _("your focus")) : k->name;
	scorecard_rating_radios(r, fe, field, legend, NULL, rating_value(r, field, rating));
	if (!str_empty(k->description))
		html_printf(o, "<p class=\"hint\">%s</p>", k->description);
	scorecard_textarea(r, fe, nfield, arena_printf(&r->arena, _("Notes on “%s”"), k->name), value_of(r, nfield, notes), 2);
	html_raw(o, "</div>");
}

static void ratings_section(struct request *r, const struct kit_page *d, const struct scorecard *sc,
			    const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, "ratings");
	html_printf(o, "<section class=\"card sc-ratings%s\" id=\"sc-ratings\" tabindex=\"-1\"><h2>%s</h2>", err ? " has-error" : "",
		    _("Ratings per competency"));
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_printf(o, "<p class=\"hint\">%s</p>",
		    _("Rate what you observed, with an example in the notes. Leave competencies you could not observe unrated."));
	for (size_t i = 0; i < d->ncomps; i++)
		if (is_focus(d, d->comps[i].key))
			competency_fields(r, d, &d->comps[i], sc, fe);
	size_t others = 0, rated_others = 0;
	for (size_t i = 0; i < d->ncomps; i++) {
		const char *notes;
		if (is_focus(d, d->comps[i].key))
			continue;
		others++;
		rated_others += rating_value(r, arena_printf(&r->arena, "rating.%s", d->comps[i].key),
					     scorecard_rating_of(sc, d->comps[i].key, &notes)) > 0;
	}
	if (others) {
		/* Open when nothing is in focus, when something there is rated, or after an error. */
		bool open = d->nfocus == 0 || rated_others > 0 || (fe && fe->n);
		html_printf(o, "<details class=\"other-competencies\"%s><summary>%s</summary>", open ? " open" : "",
			    d->nfocus ? _("Other competencies") : _("Competencies"));
		for (size_t i = 0; i < d->ncomps; i++)
			if (!is_focus(d, d->comps[i].key))
				competency_fields(r, d, &d->comps[i], sc, fe);
		html_raw(o, "</details>");
	}
	html_raw(o, "</section>");
}

/* Radios of a code list with translated labels. */
static void code_radios(struct request *r, const struct form_errors *fe, const char *name, const char *legend,
			const char *const *codes, size_t n, const char *(*label)(const char *), const char *checked,
			const char *hint)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<fieldset class=\"field radio-row%s\"><legend>%s</legend>", err ? " has-error" : "", legend);
	if (hint)
		html_printf(o, "<p class=\"hint\">%s</p>", hint);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"sc-%s-err\">%s</p>", name, err);
	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			html_printf(o, "<label class=\"check\"><input id=\"sc-%s\" type=\"radio\" name=\"%s\" value=\"%s\"%s aria-invalid=\"%s\">",
				    name, name, codes[i], str_eq(checked, codes[i]) ? " checked" : "", err ? "true" : "false");
		else
			html_printf(o, "<label class=\"check\"><input type=\"radio\" name=\"%s\" value=\"%s\"%s>", name, codes[i],
				    str_eq(checked, codes[i]) ? " checked" : "");
		html_printf(o, "<span>%s</span></label>", label(codes[i]));
	}
	html_raw(o, "</fieldset>");
}

static void closing_section(struct request *r, const struct scorecard *sc, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card sc-closing\" id=\"closing\"><h2>%s</h2>", _("Candidate's questions and recommendation"));
	scorecard_textarea(r, fe, "candidate_questions", _("The candidate's own questions"),
			   value_of(r, "candidate_questions", sc ? sc->candidate_questions : ""), 3);
	code_radios(r, fe, "candidate_questions_quality", _("Quality of the candidate's questions"), KIT_QUALITY_CODES,
		    KIT_QUALITIES, kit_quality_label,
		    value_of(r, "candidate_questions_quality", sc ? sc->candidate_questions_quality : ""),
		    _("Substantive: about customers, strategy, the team or the first months. Superficial: only about holidays "
		      "and working hours."));
	code_radios(r, fe, "recommendation", _("Overall recommendation"), KIT_RECOMMENDATION_CODES, KIT_RECOMMENDATIONS,
		    kit_recommendation_label, value_of(r, "recommendation", sc ? sc->recommendation : ""),
		    _("Required for submitting. There is no neutral option."));
	scorecard_textarea(r, fe, "notes", _("Overall notes"), value_of(r, "notes", sc ? sc->notes : ""), 4);
	html_raw(o, "</section>");
}

/* Other interviewers' scorecards (R-INT-5): listed once the viewer has
 * submitted their own (or sees all), else only the rule. */
static void others_section(struct request *r, const struct kit_page *d)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card kit-others\" id=\"other-scorecards\"><h2>%s</h2>", _("Other scorecards for this candidate"));
	if (!d->unlocked && !d->sees_all) {
		html_printf(o, "<p class=\"muted\">%s</p></section>",
			    _("Other interviewers' scorecards become visible after you submit yours."));
		return;
	}
	size_t shown = 0;
	for (size_t i = 0; i < d->nothers; i++) {
		const struct scorecard *s = &d->others[i];
		if (s->user_id == r->user.id || s->status != SCORECARD_SUBMITTED)
			continue;
		if (shown++ == 0)
			html_raw(o, "<ul class=\"other-scorecards\">");
		html_printf(o, "<li><a href=\"/scorecards/%lld\">%s</a> — %s</li>", (long long)s->id, s->user_display,
			    kit_recommendation_label(s->recommendation));
	}
	if (shown)
		html_raw(o, "</ul>");
	else
		html_printf(o, "<p class=\"muted\">%s</p>", _("No other scorecard has been submitted yet."));
	html_raw(o, "</section>");
}

static void kit_flash(struct request *r)
{
	static const struct { const char *code; const char *message; } codes[] = {
		{ "scorecard_saved", N_("Your draft has been saved.") },
		{ "scorecard_submitted", N_("Your scorecard has been submitted.") },
	};
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(done, codes[i].code) == 0)
			html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _(codes[i].message));
}

/* The whole page; fe holds the problems of a refused submission (may be
 * NULL), refusal a message for the top of the page (may be NULL). */
static void kit_render(struct request *r, const struct kit_page *d, const struct form_errors *fe, const char *refusal)
{
	struct buf *o = &r->out;
	const struct scorecard *sc = d->has_mine ? &d->mine : NULL;
	bool submitted = sc && sc->status == SCORECARD_SUBMITTED;
	const char *name = full_name(r, &d->c);
	r->page_script = "kit.js";
	page_begin(r, arena_printf(&r->arena, "%s — %s", _("Interview kit"), name), NAV_INTERVIEWS);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/interviews\">%s</a></p><h1>%s: %s</h1>",
		    _("My interviews"), _("Interview kit"), name);
	html_printf(o, "<p class=\"lead kit-meta\">%s · %d. %s · %d %s · <span class=\"kit-version\">%s v%d</span></p></div>",
		    d->p.title, d->iv.round_ord, iv_round_name(d->iv.round_name), d->iv.duration_minutes, _("minutes"), _("Kit"),
		    d->iv.kit_version);
	html_printf(o, "<div class=\"actions\"><button type=\"button\" class=\"btn\" data-print>%s</button></div></div>", _("Print"));
	interview_schedule_line_html(r, d->iv.id); /* step 6: date, time, place (R-COMM-1) */
	html_printf(o, "<p class=\"print-only kit-print-line\">%s: %s · %s: ____________________</p>", _("Interviewer"),
		    r->user.display_name[0] ? r->user.display_name : r->user.name, _("Date"));
	kit_flash(r);
	if (refusal)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", refusal);
	if (!d->kit_ok)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", _("The kit of this interview cannot be read."));
	html_raw(o, "<div class=\"split kit-top\">");
	candidate_summary(r, &d->c);
	focus_card(r, d);
	html_raw(o, "</div>");
	kit_rating_legend_html(r);
	if (submitted) {
		html_printf(o, "<div class=\"flash flash-info\" role=\"status\">%s <a href=\"/scorecards/%lld\">%s</a></div>",
			    _("You have submitted your scorecard; it can no longer be changed."), (long long)sc->id,
			    _("Read your scorecard"));
		questions_section(r, d, sc, false, NULL);
		exercises_section(r, d, sc, false, NULL);
	} else {
		form_error_summary_for(r, fe, "sc");
		html_printf(o, "<form class=\"form scorecard-form\" method=\"post\" action=\"/interviews/%lld/scorecard\" novalidate>",
			    (long long)d->iv.id);
		csrf_field(r);
		questions_section(r, d, sc, true, fe);
		exercises_section(r, d, sc, true, fe);
		ratings_section(r, d, sc, fe);
		closing_section(r, sc, fe);
		html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn\" name=\"action\" value=\"save\">%s</button>"
			       "<button type=\"submit\" class=\"btn btn-primary\" name=\"action\" value=\"submit\" data-confirm=\"%s\">%s</button>"
			       "<span class=\"hint\">%s</span></div></form>",
			    _("Save draft"), _("After submitting, your scorecard cannot be changed any more. Submit now?"), _("Submit"),
			    _("Once submitted, your scorecard is final and you can read the other interviewers' scorecards."));
	}
	others_section(r, d);
	page_end(r);
}

void page_interview_kit(struct request *r)
{
	struct kit_page *d = arena_alloc(&r->arena, sizeof *d);
	if (!kit_load(r, d)) {
		kit_page_free(d);
		return;
	}
	kit_render(r, d, NULL, NULL);
	kit_page_free(d);
}

/* Saves (and with "Submit" submits) the viewer's scorecard in one
 * transaction. STORE_INVALID from the store is reported in fe. */
static enum store_rc scorecard_store(struct request *r, struct kit_page *d, struct scorecard *sc, bool submit,
				     struct form_errors *fe, bool *already_submitted)
{
	struct actor who = req_actor(r);
	struct scorecard opened = { 0 };
	enum store_rc rc = store_begin(r->store);
	if (rc != STORE_OK)
		return rc;
	rc = store_scorecard_open(r->store, &who, d->iv.id, r->user.id, r->now, &opened);
	if (rc == STORE_OK && opened.status == SCORECARD_SUBMITTED) {
		*already_submitted = true;
		rc = STORE_CONFLICT;
	}
	if (rc == STORE_OK) {
		sc->id = opened.id;
		sc->interview_id = d->iv.id;
		sc->user_id = r->user.id;
		rc = store_scorecard_save(r->store, &who, r->user.id, sc, r->now);
		if (rc == STORE_INVALID)
			form_error(fe, "notes", _("The scorecard could not be stored as given: please check the texts."));
	}
	if (rc == STORE_OK && submit) {
		rc = store_scorecard_submit(r->store, &who, r->user.id, sc->id, r->now);
		if (rc == STORE_INVALID)
			form_error(fe, "recommendation",
				   _("Please choose an overall recommendation and rate at least one competency before submitting."));
	}
	if (rc == STORE_OK)
		rc = store_commit(r->store);
	else
		store_rollback(r->store);
	scorecard_free(&opened);
	return rc;
}

void page_scorecard_save(struct request *r)
{
	struct kit_page *d = arena_alloc(&r->arena, sizeof *d);
	struct form_errors fe = { 0 };
	struct scorecard *sc = arena_alloc(&r->arena, sizeof *sc);
	bool submit = false, already = false;
	if (!kit_load(r, d))
		goto cleanup;
	if (d->has_mine && d->mine.status == SCORECARD_SUBMITTED) {
		r->status = 409;
		kit_render(r, d, NULL, _("This scorecard has been submitted and can no longer be changed."));
		goto cleanup;
	}
	scorecard_form_read(r, d->comps, d->ncomps, &d->kit, sc, &submit, &fe);
	if (fe.n == 0) {
		enum store_rc rc = scorecard_store(r, d, sc, submit, &fe, &already);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/interviews/%lld?done=%s", (long long)d->iv.id,
						      submit ? "scorecard_submitted#other-scorecards" : "scorecard_saved"));
			goto cleanup;
		}
		if (already) {
			r->status = 409;
			kit_render(r, d, NULL, _("This scorecard has been submitted and can no longer be changed."));
			goto cleanup;
		}
		if (rc != STORE_INVALID) {
			page_error(r, 500, NULL);
			goto cleanup;
		}
	}
	r->status = 422;
	kit_render(r, d, &fe, NULL);
cleanup:
	kit_page_free(d);
}
