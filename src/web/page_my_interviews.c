/*
 * page_my_interviews.c — the interviews as people meet them outside the
 * kit: "Meine Interviews" (R-INT-5), every interview the signed-in user is
 * assigned to with candidate, position, round, kit version and where their
 * own scorecard stands; and, on the candidate page, each application's
 * interviews with round, kit version (v1, v2 …, R-INT-3), interviewers and
 * their scorecards, plus the form that plans a round of the position's
 * interview plan for the candidate (recruiters and hiring managers).
 */
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/schedule.h"
#include "store/scorecards.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pages.h"

/* The scheduled interview id in list[0..n), or NULL (step 6, R-COMM-1). */
static const struct scheduled_interview *schedule_of(const struct scheduled_interview *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

/* Label and badge class of a scorecard status for the reader's own card. */
static void status_badge(struct buf *o, enum scorecard_status st)
{
	if (st == SCORECARD_SUBMITTED)
		html_printf(o, "<span class=\"badge badge-ok\">%s</span>", _("Submitted"));
	else if (st == SCORECARD_DRAFT)
		html_printf(o, "<span class=\"badge badge-muted\">%s</span>", _("Draft"));
	else
		html_printf(o, "<span class=\"badge badge-warn\">%s</span>", _("Open"));
}

static void my_interviews_table(struct request *r, const struct my_interview *list, size_t n,
				const struct scheduled_interview *sched, size_t nsched)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data my-interviews\"><caption class=\"visually-hidden\">%s</caption>"
		       "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>"
		       "</tr></thead><tbody>",
		    _("My interviews"), _("Candidate"), _("Date and time"), _("Position"), _("Round"), _("Kit"), _("My scorecard"),
		    _("Actions"));
	for (size_t i = 0; i < n; i++) {
		const struct my_interview *m = &list[i];
		char *name = arena_printf(&r->arena, "%s %s", m->first_name, m->last_name);
		html_printf(o, "<tr data-interview=\"%lld\"><td><a href=\"/interviews/%lld\">%s</a></td><td>",
			    (long long)m->interview_id, (long long)m->interview_id, str_trim(name));
		const struct scheduled_interview *when = schedule_of(sched, nsched, m->interview_id);
		if (when)
			interview_schedule_html(r, when, true);
		html_printf(o, "</td><td>%s</td><td>%d. %s</td><td>", m->position_title, m->round_ord,
			    iv_round_name(m->round_name));
		if (m->kit_version > 0)
			html_printf(o, "<span class=\"kit-version\">v%d</span>", m->kit_version);
		else
			html_raw(o, "—");
		html_raw(o, "</td><td>");
		status_badge(o, m->my_status);
		html_printf(o, "</td><td class=\"row-actions\"><a href=\"/interviews/%lld\">%s</a>", (long long)m->interview_id,
			    m->my_status == SCORECARD_SUBMITTED ? _("Open kit") : _("Open kit and scorecard"));
		if (m->my_status == SCORECARD_SUBMITTED && m->scorecard_id > 0)
			html_printf(o, " · <a href=\"/scorecards/%lld\">%s</a>", (long long)m->scorecard_id, _("My scorecard"));
		html_raw(o, "</td></tr>");
	}
	html_raw(o, "</tbody></table></div>");
}

void page_interviews(struct request *r)
{
	struct buf *o = &r->out;
	struct my_interview *list = NULL;
	struct scheduled_interview *sched = NULL;
	size_t n = 0, nsched = 0;
	struct schedule_filter f = { .user_id = r->user.id, .include_unscheduled = true, .include_cancelled = true,
				     .limit = 2000 };
	if (store_interviews_for_user(r->store, r->user.id, &list, &n) != STORE_OK ||
	    store_scheduled_interviews_list(r->store, &f, &sched, &nsched) != STORE_OK) {
		free(list);
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("My interviews"), NAV_INTERVIEWS);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1>", _("My interviews"));
	if (permission_allows(&r->principal, ACTION_VIEW_POSITIONS))
		html_printf(o, "<div class=\"actions\"><a class=\"btn\" href=\"/questions\">%s</a> <a class=\"btn\" href=\"/exercises\">%s</a></div>",
			    _("Question bank"), _("Sales exercises"));
	html_printf(o, "</div><p class=\"lead\">%s</p>",
		    _("The interviews you take part in. Every candidate of a round gets the same core questions; "
		      "rate on the anchored scale and submit your scorecard before you read anyone else's."));
	if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
		html_printf(o, "<p class=\"hint plan-hint\">%s <a href=\"/positions\">%s</a></p>",
			    _("Interviews are planned on the candidate page (“Plan interview”), using the interview plan of the position."),
			    _("Go to the positions"));
	if (n == 0)
		html_printf(o, "<section class=\"empty-state\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2><p>%s</p></section>",
			    asset_url(r, "icons/interviews.svg"), _("No interviews yet"),
			    _("Interviews appear here once a recruiter or hiring manager plans one with you as an interviewer. "
			      "You will then find the interview kit and your scorecard here."));
	else
		my_interviews_table(r, list, n, sched, nsched);
	page_end(r);
	free(list);
	free(sched);
}

/* ---- on the candidate page ------------------------------------------------------------ */

/* Whether one of interviews[0..n) is for round_id. */
static bool round_planned(const struct interview *iv, size_t n, int64_t round_id)
{
	for (size_t i = 0; i < n; i++)
		if (iv[i].round_id == round_id)
			return true;
	return false;
}

/* The id of the visible scorecard of user_id for interview_id in list, or 0. */
static int64_t scorecard_of(const struct scorecard *list, size_t n, int64_t interview_id, int64_t user_id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].interview_id == interview_id && list[i].user_id == user_id &&
		    list[i].status == SCORECARD_SUBMITTED)
			return list[i].id;
	return 0;
}

/* The "Plan interview" form of application a: a select of the plan's
 * rounds not planned yet; field errors from fe under "round_id". */
static void plan_form(struct request *r, const struct application *a, const struct interview_round *rounds,
		      size_t nrounds, const struct interview *iv, size_t niv, const struct form_errors *fe,
		      int64_t chosen)
{
	struct buf *o = &r->out;
	size_t open = 0;
	for (size_t i = 0; i < nrounds; i++)
		open += !round_planned(iv, niv, rounds[i].id);
	if (nrounds == 0) {
		html_printf(o, "<p class=\"muted\">%s <a href=\"/positions/%lld/interviews\">%s</a></p>",
			    _("The position has no interview plan yet."), (long long)a->position_id,
			    _("Set up the interview plan"));
		return;
	}
	if (open == 0 && !(fe && fe->n)) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("Every round of the interview plan is planned for this candidate."));
		return;
	}
	const char *prefix = arena_printf(&r->arena, "pi%lld", (long long)a->id);
	const char *err = form_error_for(fe, "round_id");
	html_printf(o, "<form class=\"form plan-interview\" method=\"post\" action=\"/applications/%lld/interviews\" novalidate>",
		    (long long)a->id);
	csrf_field(r);
	html_printf(o, "<div class=\"field%s\"><label for=\"%s-round_id\">%s</label>", err ? " has-error" : "", prefix,
		    _("Round"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"%s-round_id-err\">%s</p>", prefix, err);
	html_printf(o, "<select id=\"%s-round_id\" name=\"round_id\" aria-invalid=\"%s\">", prefix, err ? "true" : "false");
	for (size_t i = 0; i < nrounds; i++) {
		if (round_planned(iv, niv, rounds[i].id))
			continue;
		html_printf(o, "<option value=\"%lld\"%s>%d. %s (%d %s)</option>", (long long)rounds[i].id,
			    rounds[i].id == chosen ? " selected" : "", rounds[i].ord, iv_round_name(rounds[i].name),
			    rounds[i].duration_minutes, _("min"));
	}
	html_printf(o, "</select></div><div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>",
		    _("Plan interview"));
}

/* The interviews of one application: a table and the planning form. */
static bool application_interviews(struct request *r, const struct application *a, const char *title, const char *done)
{
	struct buf *o = &r->out;
	struct interview *iv = NULL;
	struct interview_round *rounds = NULL;
	struct scorecard *cards = NULL;
	struct scheduled_interview *sched = NULL;
	size_t niv = 0, nrounds = 0, ncards = 0, nsched = 0;
	struct schedule_filter f = { .application_id = a->id, .include_unscheduled = true, .include_cancelled = true };
	bool ok = store_interviews_for_application(r->store, a->id, &iv, &niv) == STORE_OK &&
		  store_interview_plan_get(r->store, a->position_id, &rounds, &nrounds) == STORE_OK &&
		  store_scorecards_for_application_visible(r->store, r->user.id, true, a->id, &cards, &ncards) == STORE_OK &&
		  store_scheduled_interviews_list(r->store, &f, &sched, &nsched) == STORE_OK;
	if (!ok)
		goto cleanup;
	html_printf(o, "<div class=\"application-interviews\" id=\"interviews-%lld\"><h3>%s — %s</h3>", (long long)a->id,
		    _("Interviews"), title);
	if (done)
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", done);
	if (niv == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No interview planned yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data interviews\"><caption class=\"visually-hidden\">%s</caption>"
			       "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _("Interviews"), _("Round"), _("Date and time"), _("Kit version"), _("Interviewers and scorecards"));
		for (size_t i = 0; i < niv; i++) {
			const struct interview *v = &iv[i];
			html_printf(o, "<tr data-interview=\"%lld\"><td>%d. %s</td><td>", (long long)v->id, v->round_ord,
				    iv_round_name(v->round_name));
			const struct scheduled_interview *when = schedule_of(sched, nsched, v->id);
			if (when)
				interview_schedule_html(r, when, true);
			html_printf(o, "</td><td><span class=\"kit-version\">v%d</span></td><td>", v->kit_version);
			if (v->ninterviewers == 0)
				html_printf(o, "<span class=\"muted\">%s</span>", _("No interviewers assigned."));
			html_raw(o, "<ul class=\"interviewer-list\">");
			for (size_t k = 0; k < v->ninterviewers; k++) {
				const struct interview_interviewer *w = &v->interviewers[k];
				html_printf(o, "<li>%s ", w->who.display_name);
				status_badge(o, w->scorecard);
				int64_t sc = scorecard_of(cards, ncards, v->id, w->who.user_id);
				if (sc)
					html_printf(o, " <a href=\"/scorecards/%lld\">%s</a>", (long long)sc, _("Read scorecard"));
				html_raw(o, "</li>");
			}
			html_raw(o, "</ul></td></tr>");
		}
		html_raw(o, "</tbody></table></div>");
	}
	plan_form(r, a, rounds, nrounds, iv, niv, NULL, 0);
	html_raw(o, "</div>");
cleanup:
	free(iv);
	free(rounds);
	free(sched);
	scorecard_list_free(cards, ncards);
	return ok;
}

void candidate_interviews_html(struct request *r, const struct application *apps, const struct candidate_position *pos,
			       size_t n)
{
	struct buf *o = &r->out;
	const char *done = req_query(r, "done");
	const char *which = req_query(r, "application");
	static const struct { const char *code; const char *message; } codes[] = {
		{ "interview_planned", N_("The interview has been planned.") },
		{ "interview_scheduled", N_("The interview has been scheduled.") },
		{ "interview_cancelled", N_("The interview has been cancelled.") },
	};
	const char *message = NULL;
	for (size_t i = 0; done && i < sizeof codes / sizeof codes[0]; i++)
		if (str_eq(done, codes[i].code))
			message = _(codes[i].message);
	long long planned = 0;
	if (!message || !which || !str_to_int64(which, 1, INT64_MAX, &planned))
		planned = 0;
	if (n == 0)
		return;
	html_printf(o, "<section class=\"candidate-interviews\" id=\"interviews\"><h2 class=\"visually-hidden\">%s</h2>",
		    _("Interviews"));
	for (size_t i = 0; i < n; i++)
		if (!application_interviews(r, &apps[i], pos[i].title, apps[i].id == planned ? message : NULL))
			html_printf(o, "<p class=\"flash flash-error\">%s</p>", _("The interviews could not be loaded."));
	html_raw(o, "</section>");
}

/* Shows the planning form of application a again with the problem in fe
 * (status 422). */
static void plan_refused(struct request *r, const struct application *a, const struct form_errors *fe, int64_t chosen)
{
	struct buf *o = &r->out;
	struct candidate c;
	struct interview *iv = NULL;
	struct interview_round *rounds = NULL;
	size_t niv = 0, nrounds = 0;
	if (store_candidate_get(r->store, a->candidate_id, &c) != STORE_OK ||
	    store_interviews_for_application(r->store, a->id, &iv, &niv) != STORE_OK ||
	    store_interview_plan_get(r->store, a->position_id, &rounds, &nrounds) != STORE_OK) {
		page_error(r, 500, NULL);
		goto cleanup;
	}
	r->status = 422;
	page_begin(r, _("Plan interview"), NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates/%lld#interviews\">%s</a></p><h1>%s</h1></div></div>",
		    (long long)c.id, candidate_name(r, &c), _("Plan interview"));
	html_raw(o, "<section class=\"card\">");
	form_error_summary_for(r, fe, arena_printf(&r->arena, "pi%lld", (long long)a->id));
	plan_form(r, a, rounds, nrounds, iv, niv, fe, chosen);
	html_raw(o, "</section>");
	page_end(r);
cleanup:
	free(iv);
	free(rounds);
}

void page_application_plan_interview(struct request *r)
{
	struct application a;
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	long long round = 0;
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), &a);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	const char *v = req_form(r, "round_id");
	if (str_empty(v) || !str_to_int64(v, 1, INT64_MAX, &round)) {
		form_error(&fe, "round_id", _("Please choose a round of the interview plan."));
		plan_refused(r, &a, &fe, 0);
		return;
	}
	rc = store_interview_create(r->store, &who, a.id, (int64_t)round, r->now, NULL);
	if (rc == STORE_OK) {
		resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=interview_planned&application=%lld#interviews-%lld",
					      (long long)a.candidate_id, (long long)a.id, (long long)a.id));
		return;
	}
	if (rc == STORE_NOT_FOUND || rc == STORE_INVALID)
		form_error(&fe, "round_id", _("This round does not belong to the interview plan of the position."));
	else if (rc == STORE_CONFLICT)
		form_error(&fe, "round_id", _("This round is already planned for the candidate."));
	else {
		page_error(r, 500, NULL);
		return;
	}
	plan_refused(r, &a, &fe, (int64_t)round);
}
