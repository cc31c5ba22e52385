/*
 * page_offer.c — the offer of one application (R-OFFER-1, R-TIME-4):
 *
 *   beside the form the candidate's salary expectation and notice period,
 *   the position's budget band and the earliest possible start (notice rule
 *   of the current contract + weeks from today, to the next working day of
 *   the organisation's Bundesland — computed on the server, again for any
 *   rule with the small "check" form); the form for a new offer or the next
 *   version (fixed and variable salary, benefits, start date, contract type,
 *   notice rule and weeks, note); the findings of the latest version with
 *   their rule ids (offer.outside_band, offer.start_before_notice, …); the
 *   negotiation history — every version with what changed against the one
 *   before, who wrote it and when, and its approval; the actions approve,
 *   send, accept, decline and withdraw. After acceptance the page offers to
 *   create the onboarding plan of the hire.
 *
 * GET  /applications/{id}/offer          whoever manages candidates and the
 *                                        position's CFO; other interviewers 403
 * POST /applications/{id}/offer          ACTION_MANAGE_CANDIDATES: new offer or version
 * POST /offers/{id}/versions/{id}/approve  CFO stakeholder or admin (checked here)
 * POST /offers/{id}/send|accept|decline|withdraw  ACTION_MANAGE_CANDIDATES
 * The rules live in api_offers.c, shared with /api/v1/offers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "store/hires.h"
#include "store/hiring_plans.h"
#include "util/str.h"
#include "web/api_offers.h"
#include "web/candidate_view.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/timeline_ops.h"

/* What the form shows: the terms as typed (text) after a refused
 * submission, else the latest version or the defaults. */
struct offer_form {
	const char *fixed_salary;
	const char *variable_salary;
	const char *benefits;
	const char *start_date;
	const char *contract_type;
	const char *notice_rule;
	const char *notice_weeks;
	const char *note;
};

/* ---- formatting --------------------------------------------------------------------------------- */

static const char *money(struct request *r, int64_t v)
{
	char num[32];
	i18n_format_int(num, sizeof num, (long long)v, r->lang);
	return r->lang == LANG_EN ? arena_printf(&r->arena, "€%s", num) : arena_printf(&r->arena, "%s €", num);
}

static const char *when(struct request *r, int64_t t)
{
	char s[64];
	i18n_format_datetime(s, sizeof s, (time_t)t, r->lang);
	return arena_strdup(&r->arena, s);
}

static const char *iso_day(struct request *r, int32_t day)
{
	char iso[CALENDAR_ISO_LEN];
	return day > 0 ? arena_strdup(&r->arena, calendar_format_iso(day, iso)) : "";
}

static const char *day_text(struct request *r, int32_t day)
{
	return day > 0 ? timeline_day_text(r, day) : _("open");
}

/* ---- loading --------------------------------------------------------------------------------------- */

/* Everything the page shows; offers newest first, versions of the current
 * (newest) offer oldest first. */
struct page_data {
	struct offer_scene sc;
	struct offer_summary *offers;
	size_t noffers;
	struct offer_version *versions;
	size_t nversions;
	bool may_manage;
	bool may_approve;
};

static void page_data_free(struct page_data *d)
{
	free(d->offers);
	free(d->versions);
}

/* Loads the application of id with its offers; answers 404/403/5xx and
 * returns false when that fails or the user may not see offers. */
static bool page_data_load(struct request *r, int64_t application_id, struct page_data *d)
{
	memset(d, 0, sizeof *d);
	enum store_rc rc = offer_scene_load(r, application_id, &d->sc);
	if (rc == STORE_OK && !offer_may_view(r, d->sc.pos.id)) {
		page_error(r, 403, _("Offers are visible to recruiters, hiring managers, administrators and the position's "
				     "CFO; an interviewer cannot see them."));
		return false;
	}
	if (rc == STORE_OK)
		rc = store_offer_list_by_application(r->store, application_id, &d->offers, &d->noffers);
	if (rc == STORE_OK && d->noffers > 0)
		rc = store_offer_versions(r->store, d->offers[0].o.id, &d->versions, &d->nversions);
	if (rc != STORE_OK) {
		page_data_free(d);
		page_error(r, rc == STORE_NOT_FOUND ? 404 : rc == STORE_BUSY ? 503 : 500,
			   rc == STORE_NOT_FOUND ? _("There is no such application.") : NULL);
		return false;
	}
	d->may_manage = permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
	d->may_approve = offer_may_approve(r, d->sc.pos.id);
	return true;
}

static const struct offer *current_offer(const struct page_data *d)
{
	return d->noffers > 0 ? &d->offers[0].o : NULL;
}

static const struct offer_version *latest_version(const struct page_data *d)
{
	return d->nversions > 0 ? &d->versions[d->nversions - 1] : NULL;
}

/* ---- parts ----------------------------------------------------------------------------------------- */

static void flash(struct request *r)
{
	static const struct {
		const char *code;
		const char *text;
	} done[] = {
		{ "offer_saved", N_("The offer has been saved as a new version.") },
		{ "offer_approved", N_("The version has been approved.") },
		{ "offer_sent", N_("The offer is marked as sent to the candidate.") },
		{ "offer_accepted", N_("The candidate has accepted the offer and is now hired.") },
		{ "offer_declined", N_("The offer has been declined; it is closed.") },
		{ "offer_withdrawn", N_("The offer has been withdrawn; it is closed.") },
		{ "band_saved", N_("The budget band has been saved.") },
	};
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof done / sizeof done[0]; i++)
		if (str_eq(code, done[i].code))
			html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _(done[i].text));
}

/* The candidate's side: expectation, notice period, the band and the
 * earliest start for the notice rule shown (R-TIME-4). */
static void facts_card(struct request *r, const struct page_data *d, const char *rule, int weeks)
{
	struct buf *o = &r->out;
	const struct candidate *c = &d->sc.cand;
	html_printf(o, "<section class=\"card offer-facts\" aria-labelledby=\"of-facts\"><h2 id=\"of-facts\">%s</h2><dl class=\"facts\">",
		    _("Candidate and budget"));
	html_printf(o, "<dt>%s</dt><dd data-field=\"salary_expectation\">%s</dd>", _("Salary expectation (per year)"),
		    c->salary_expectation > 0 ? money(r, c->salary_expectation) : _("not given"));
	html_printf(o, "<dt>%s</dt><dd data-field=\"notice_period_weeks\">%s</dd>", _("Notice period"),
		    c->notice_period_weeks < 0 ? _("unknown")
					       : arena_printf(&r->arena, _("%d weeks"), c->notice_period_weeks));
	html_printf(o, "<dt>%s</dt>", _("Budget band (fixed salary)"));
	if (d->sc.has_band)
		html_printf(o, "<dd class=\"offer-band\" data-min=\"%lld\" data-max=\"%lld\">%s – %s</dd>",
			    (long long)d->sc.band.min_salary, (long long)d->sc.band.max_salary,
			    money(r, d->sc.band.min_salary), money(r, d->sc.band.max_salary));
	else
		html_printf(o, "<dd class=\"offer-band muted\">%s</dd>", _("No budget band set yet."));
	html_raw(o, "</dl>");
	html_printf(o, "<p><a href=\"/positions/%lld/budget?back=%lld\">%s</a></p>", (long long)d->sc.pos.id,
		    (long long)d->sc.app.id, d->may_approve ? _("Set the budget band") : _("Budget band of the position"));

	/* earliest start for rule/weeks, and a small form to check another rule */
	int32_t earliest = offer_view_earliest_start(d->sc.facts.today, weeks, rule, d->sc.state);
	html_printf(o, "<h3>%s</h3>", _("Earliest possible start"));
	if (earliest > 0)
		html_printf(o, "<p class=\"offer-earliest\" aria-live=\"polite\" data-day=\"%s\"><strong>%s</strong> <span class=\"muted\">(%s)</span></p>",
			    iso_day(r, earliest), day_text(r, earliest),
			    arena_printf(&r->arena, _("notice of %d weeks %s, given today; next working day"), weeks,
					 _(offer_view_notice_label(rule))));
	html_printf(o, "<form class=\"form offer-notice-check\" method=\"get\" action=\"/applications/%lld/offer\">"
		       "<div class=\"field\"><label for=\"nc-rule\">%s</label><select id=\"nc-rule\" name=\"notice_rule\">",
		    (long long)d->sc.app.id, _("Notice rule of the current contract"));
	for (size_t i = 0; offer_view_notice_code(i); i++) {
		const char *code = offer_view_notice_code(i);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code, str_eq(code, rule) ? " selected" : "",
			    _(offer_view_notice_label(code)));
	}
	html_printf(o, "</select></div><div class=\"field\"><label for=\"nc-weeks\">%s</label>"
		       "<input id=\"nc-weeks\" name=\"notice_weeks\" type=\"number\" min=\"0\" max=\"104\" value=\"%d\"></div>"
		       "<button class=\"btn\">%s</button></form></section>",
		    _("Notice period in weeks"), weeks, _("Compute the earliest start"));
}

static void findings_list(struct request *r, const struct page_data *d, const struct offer_version *v)
{
	struct buf *o = &r->out;
	struct offer_terms t = offer_terms_of(v);
	struct offer_note notes[OFFER_VIEW_MAX_NOTES];
	size_t n = offer_view_findings(&t, &d->sc.facts, notes, OFFER_VIEW_MAX_NOTES);
	if (n == 0) {
		html_printf(o, "<p class=\"muted offer-no-findings\">%s</p>", _("No findings: the terms fit the band and the notice period."));
		return;
	}
	html_raw(o, "<ul class=\"findings offer-findings\">");
	for (size_t i = 0; i < n; i++) {
		/* an approved version keeps its finding, marked as approved */
		bool approved = str_eq(notes[i].severity, "approval") && v->approved_at > 0;
		const char *severity = approved ? "info" : notes[i].severity;
		html_printf(o, "<li class=\"finding finding-%s\" data-rule=\"%s\"><span class=\"badge badge-%s\">%s</span> %s",
			    severity, notes[i].rule, str_eq(severity, "info") ? "info" : "warn",
			    approved ? _("Approved")
			    : str_eq(severity, "approval") ? _("Approval needed")
			    : str_eq(severity, "warning") ? _("Warning") : _("Note"),
			    _(notes[i].message));
		if (notes[i].day > 0)
			html_printf(o, " <span class=\"offer-earliest-hint\" data-day=\"%s\">%s</span>", iso_day(r, notes[i].day),
				    arena_printf(&r->arena, _("Earliest start: %s."), day_text(r, notes[i].day)));
		if (notes[i].percent != 0)
			html_printf(o, " <span class=\"muted\">(%+d %%)</span>", notes[i].percent);
		html_raw(o, "</li>");
	}
	html_raw(o, "</ul>");
}

/* A one-button form posting to path. */
static void action_button(struct request *r, const char *path, const char *label, const char *cls)
{
	html_printf(&r->out, "<form class=\"inline-form\" method=\"post\" action=\"%s\">", path);
	csrf_field(r);
	html_printf(&r->out, "<button class=\"btn %s\">%s</button></form>", cls, label);
}

/* R-GUARD-6: the role's known challenges should be disclosed before the
 * offer; a reminder with the way to record it while they are not. */
static void disclosure_reminder(struct request *r, const struct page_data *d)
{
	bool disclosed = true;
	const struct offer *of = current_offer(d);
	if (!d->sc.pos.challenges[0] || (of && offer_view_closed(of->status)) || store_challenge_disclosed(r->store, d->sc.app.id, &disclosed) != STORE_OK ||
	    disclosed)
		return;
	html_printf(&r->out, "<ul class=\"findings offer-findings\"><li class=\"finding finding-warning\" data-rule=\"guard.challenges_not_disclosed\">"
			     "<span class=\"badge badge-warn\">%s</span> %s <a href=\"/candidates/%lld#disclosure-%lld\">%s</a></li></ul>",
		    _("Warning"), _("The known challenges of the role have not been disclosed to the candidate yet."),
		    (long long)d->sc.cand.id, (long long)d->sc.app.id, _("Record the disclosure"));
}

/* Status, findings and actions of the current offer. */
static void status_card(struct request *r, const struct page_data *d, const char *error)
{
	struct buf *o = &r->out;
	const struct offer *of = current_offer(d);
	const struct offer_version *v = latest_version(d);
	html_printf(o, "<section class=\"card offer-status\" id=\"status\" aria-labelledby=\"of-status\"><h2 id=\"of-status\">%s</h2>",
		    _("Offer"));
	if (error)
		html_printf(o, "<div class=\"flash flash-error offer-refused\" role=\"alert\">%s</div>", error);
	disclosure_reminder(r, d);
	if (!of || !v) {
		html_printf(o, "<p class=\"muted\">%s</p></section>", _("No offer yet. Enter the terms below to draft one."));
		return;
	}
	html_printf(o, "<p>%s <span class=\"badge offer-status-%s\" data-status=\"%s\">%s</span> · %s</p>", _("Status:"),
		    of->status, of->status, _(offer_view_status_label(of->status)),
		    arena_printf(&r->arena, _("version %d of %s"), v->version, when(r, v->created_at)));
	html_printf(o, "<p class=\"offer-terms\">%s <strong>%s</strong> · %s %s · %s %s · %s</p>", _("Fixed salary"),
		    money(r, v->fixed_salary), _("Variable pay"), money(r, v->variable_salary), _("Start date"),
		    day_text(r, v->start_day), _(offer_view_contract_label(v->contract_type)));
	findings_list(r, d, v);
	bool needs = offer_view_needs_approval(v->fixed_salary, &d->sc.facts);
	if (needs && v->approved_at > 0)
		html_printf(o, "<p class=\"offer-approved\">%s</p>",
			    arena_printf(&r->arena, _("Approved by %s on %s."), v->approved_by_name, when(r, v->approved_at)));
	else if (needs)
		html_printf(o, "<p class=\"offer-approval-needed\">%s</p>",
			    _("This version lies outside the budget band: it can be sent once the position's CFO or an "
			      "administrator has approved it."));

	html_raw(o, "<div class=\"actions offer-actions\">");
	long long id = (long long)of->id;
	if (d->may_approve && needs && v->approved_at == 0 && !offer_view_closed(of->status))
		action_button(r, arena_printf(&r->arena, "/offers/%lld/versions/%lld/approve", id, (long long)v->id),
			      _("Approve this version"), "btn-primary");
	if (d->may_manage) {
		if (str_eq(of->status, "draft"))
			action_button(r, arena_printf(&r->arena, "/offers/%lld/send", id), _("Mark as sent"), "btn-primary");
		if (str_eq(of->status, "sent")) {
			action_button(r, arena_printf(&r->arena, "/offers/%lld/accept", id), _("Accepted by the candidate"),
				      "btn-primary");
			action_button(r, arena_printf(&r->arena, "/offers/%lld/decline", id), _("Declined by the candidate"), "");
		}
		if (offer_view_transition_ok(of->status, "withdrawn"))
			action_button(r, arena_printf(&r->arena, "/offers/%lld/withdraw", id), _("Withdraw the offer"), "btn-danger");
	}
	html_raw(o, "</div></section>");
}

/* After acceptance: the hire and the way to its onboarding plan (R-ONB-1). */
static void hire_card(struct request *r, const struct page_data *d)
{
	const struct offer *of = current_offer(d);
	if (!of || !str_eq(of->status, "accepted"))
		return;
	struct hire h;
	if (store_hire_get_by_application(r->store, d->sc.app.id, &h) != STORE_OK)
		return;
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card offer-hire\" id=\"hire\" data-hire=\"%lld\" aria-labelledby=\"of-hire\"><h2 id=\"of-hire\">%s</h2>"
		       "<p>%s</p><div class=\"actions\">",
		    (long long)h.id, _("Hired"),
		    arena_printf(&r->arena, _("%s starts on %s. Next: the 90-day onboarding plan."),
				 candidate_name(r, &d->sc.cand), day_text(r, h.start_day)));
	if (d->may_manage) {
		html_printf(o, "<form class=\"inline-form\" method=\"post\" action=\"/onboarding/%lld/generate\">", (long long)h.id);
		csrf_field(r);
		html_printf(o, "<button class=\"btn btn-primary\">%s</button></form>", _("Create the onboarding plan"));
	}
	html_printf(o, "<a class=\"btn\" href=\"/onboarding/%lld\">%s</a></div></section>", (long long)h.id,
		    _("Open the onboarding"));
}

static void select_field(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			 const char *value, bool contract)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field%s\"><label for=\"of-%s\">%s</label>", err ? " has-error" : "", name, label);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"of-%s-err\">%s</p>", name, err);
	html_printf(o, "<select id=\"of-%s\" name=\"%s\">", name, name);
	for (size_t i = 0;; i++) {
		const char *code = contract ? offer_view_contract_code(i) : offer_view_notice_code(i);
		if (!code)
			break;
		const char *text = contract ? offer_view_contract_label(code) : offer_view_notice_label(code);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code, str_eq(code, value) ? " selected" : "", _(text));
	}
	html_raw(o, "</select></div>");
}

static void input_field(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			const char *type, const char *value, const char *hint)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field%s\"><label for=\"of-%s\">%s</label>", err ? " has-error" : "", name, label);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"of-%s-err\">%s</p>", name, err);
	if (str_eq(type, "textarea"))
		html_printf(o, "<textarea id=\"of-%s\" name=\"%s\" rows=\"3\" aria-invalid=\"%s\">%s</textarea>", name, name,
			    err ? "true" : "false", value ? value : "");
	else {
		html_printf(o, "<input id=\"of-%s\" name=\"%s\" type=\"%s\" value=\"%s\" aria-invalid=\"%s\"", name, name,
			    type, value ? value : "", err ? "true" : "false");
		html_raw(o, str_eq(type, "number") ? " min=\"0\">" : ">");
	}
	if (hint)
		html_printf(o, "<p class=\"hint\">%s</p>", hint);
	html_raw(o, "</div>");
}

static void offer_form_html(struct request *r, const struct page_data *d, const struct offer_form *in,
			    const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const struct offer *of = current_offer(d);
	if (!d->may_manage || (of && str_eq(of->status, "accepted")))
		return;
	bool open = of && !offer_view_closed(of->status);
	html_printf(o, "<section class=\"card offer-form\" id=\"terms\" aria-labelledby=\"of-form\"><h2 id=\"of-form\">%s</h2>",
		    open ? _("New version of the offer") : _("Draft an offer"));
	if (open && str_eq(of->status, "sent"))
		html_printf(o, "<p class=\"hint\">%s</p>", _("A new version returns the offer to draft: send it again afterwards."));
	if (fe && fe->n)
		form_error_summary_for(r, fe, "of");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/applications/%lld/offer#terms\" novalidate>",
		    (long long)d->sc.app.id);
	csrf_field(r);
	html_raw(o, "<div class=\"form-grid\">");
	input_field(r, fe, "fixed_salary", _("Fixed salary (EUR per year)"), "number", in->fixed_salary, NULL);
	input_field(r, fe, "variable_salary", _("Variable pay (EUR per year at 100 %)"), "number", in->variable_salary, NULL);
	input_field(r, fe, "start_date", _("Start date"), "date", in->start_date, NULL);
	select_field(r, fe, "contract_type", _("Contract type"), in->contract_type, true);
	select_field(r, fe, "notice_rule", _("Notice rule of the current contract"), in->notice_rule, false);
	input_field(r, fe, "notice_weeks", _("Notice period in weeks"), "number", in->notice_weeks,
		    _("From the candidate's notice period; German contracts often give 4 weeks to the 15th or the end of a "
		      "month, or 3 months to the end of a quarter."));
	html_raw(o, "</div>");
	input_field(r, fe, "benefits", _("Benefits"), "textarea", in->benefits, _("For example company car, pension, training budget."));
	input_field(r, fe, "note", _("Note on this version"), "textarea", in->note, _("What changed and why (negotiation)."));
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></section>",
		    open ? _("Save as new version") : _("Save the offer"));
}

/* One changed field of a version against the one before. */
static void change_item(struct request *r, const char *field, const char *label, const char *from, const char *to)
{
	html_printf(&r->out, "<li data-changed=\"%s\"><span class=\"offer-change-field\">%s:</span> <del>%s</del> → <ins>%s</ins></li>",
		    field, label, from[0] ? from : "–", to[0] ? to : "–");
}

static void changes_list(struct request *r, const struct offer_version *v, const struct offer_version *p)
{
	struct buf *o = &r->out;
	html_raw(o, "<ul class=\"offer-changes\">");
	if (v->fixed_salary != p->fixed_salary)
		change_item(r, "fixed_salary", _("Fixed salary"), money(r, p->fixed_salary), money(r, v->fixed_salary));
	if (v->variable_salary != p->variable_salary)
		change_item(r, "variable_salary", _("Variable pay"), money(r, p->variable_salary), money(r, v->variable_salary));
	if (strcmp(v->benefits, p->benefits) != 0)
		change_item(r, "benefits", _("Benefits"), p->benefits, v->benefits);
	if (v->start_day != p->start_day)
		change_item(r, "start_date", _("Start date"), day_text(r, p->start_day), day_text(r, v->start_day));
	if (strcmp(v->contract_type, p->contract_type) != 0)
		change_item(r, "contract_type", _("Contract type"), _(offer_view_contract_label(p->contract_type)),
			    _(offer_view_contract_label(v->contract_type)));
	if (strcmp(v->notice_rule, p->notice_rule) != 0)
		change_item(r, "notice_rule", _("Notice rule"), _(offer_view_notice_label(p->notice_rule)),
			    _(offer_view_notice_label(v->notice_rule)));
	if (v->notice_weeks != p->notice_weeks)
		change_item(r, "notice_weeks", _("Notice period in weeks"), arena_printf(&r->arena, "%d", p->notice_weeks),
			    arena_printf(&r->arena, "%d", v->notice_weeks));
	html_raw(o, "</ul>");
}

/* The negotiation history: every version, newest first. */
static void history(struct request *r, const struct page_data *d)
{
	struct buf *o = &r->out;
	if (d->nversions == 0)
		return;
	html_printf(o, "<section class=\"card offer-history\" id=\"history\" aria-labelledby=\"of-hist\"><h2 id=\"of-hist\">%s</h2><ol class=\"offer-versions\" reversed>",
		    _("Negotiation history"));
	for (size_t k = d->nversions; k-- > 0;) {
		const struct offer_version *v = &d->versions[k];
		bool needs = offer_view_needs_approval(v->fixed_salary, &d->sc.facts);
		html_printf(o, "<li class=\"offer-version\" id=\"version-%d\" data-version=\"%d\"><p><strong>%s</strong> · %s · %s</p>",
			    v->version, v->version, arena_printf(&r->arena, _("Version %d"), v->version),
			    v->created_by_name[0] ? v->created_by_name : _("command line"), when(r, v->created_at));
		html_printf(o, "<p>%s <strong>%s</strong> · %s %s · %s %s · %s · %s</p>", _("Fixed salary"),
			    money(r, v->fixed_salary), _("Variable pay"), money(r, v->variable_salary), _("Start date"),
			    day_text(r, v->start_day), _(offer_view_contract_label(v->contract_type)),
			    arena_printf(&r->arena, _("notice %d weeks %s"), v->notice_weeks,
					 _(offer_view_notice_label(v->notice_rule))));
		if (v->benefits[0])
			html_printf(o, "<p class=\"offer-benefits\">%s: %s</p>", _("Benefits"), v->benefits);
		if (v->note[0])
			html_printf(o, "<p class=\"offer-note\">%s</p>", v->note);
		if (k > 0)
			changes_list(r, v, &d->versions[k - 1]);
		if (v->approved_at > 0)
			html_printf(o, "<p class=\"offer-approved\" data-approved=\"1\">%s</p>",
				    arena_printf(&r->arena, _("Approved by %s on %s."), v->approved_by_name, when(r, v->approved_at)));
		else if (needs)
			html_printf(o, "<p class=\"offer-approval-needed\" data-approved=\"0\">%s</p>",
				    _("Outside the budget band, not approved."));
		html_raw(o, "</li>");
	}
	html_raw(o, "</ol>");
	if (d->noffers > 1)
		html_printf(o, "<p class=\"muted\">%s</p>",
			    arena_printf(&r->arena, _("Closed earlier offers of this application: %zu."), d->noffers - 1));
	html_raw(o, "</section>");
}

/* The whole page; in (may be NULL) and fe: a refused submission; error: a
 * refused action's message. */
static void render(struct request *r, struct page_data *d, const struct offer_form *in, const struct form_errors *fe,
		   const char *error)
{
	const struct offer_version *v = latest_version(d);
	struct offer_form def = { 0 };
	char fixed[24] = "", variable[24] = "0", weeks[16] = "";
	if (!in) {
		if (v) {
			snprintf(fixed, sizeof fixed, "%lld", (long long)v->fixed_salary);
			snprintf(variable, sizeof variable, "%lld", (long long)v->variable_salary);
			snprintf(weeks, sizeof weeks, "%d", v->notice_weeks);
			def = (struct offer_form){ fixed, variable, v->benefits, iso_day(r, v->start_day), v->contract_type,
						   v->notice_rule, weeks, "" };
		} else {
			snprintf(weeks, sizeof weeks, "%d", d->sc.cand.notice_period_weeks > 0 ? d->sc.cand.notice_period_weeks : 4);
			def = (struct offer_form){ "", variable, "", "", "permanent_full_time", "weeks_to_15_or_month_end", weeks, "" };
		}
		in = &def;
	}
	/* the notice rule for the earliest start: ?notice_rule=&notice_weeks= (the check form), else the form's */
	const char *rule = req_query(r, "notice_rule");
	if (!rule || offer_view_earliest_start(0, 0, rule, NULL) < 0)
		rule = in->notice_rule;
	if (offer_view_earliest_start(0, 0, rule, NULL) < 0)
		rule = "weeks_to_15_or_month_end";
	long long w = 0;
	const char *wq = req_query(r, "notice_weeks");
	if (!(wq && str_to_int64(wq, 0, 104, &w)) && !(in->notice_weeks && str_to_int64(in->notice_weeks, 0, 104, &w)))
		w = 0;

	const char *name = candidate_name(r, &d->sc.cand);
	r->page_script = "offer.js";
	position_page_begin(r, &d->sc.pos, "offer", arena_printf(&r->arena, _("Offer: %s"), name));
	flash(r);
	html_printf(&r->out, "<p class=\"actions\"><a class=\"btn\" href=\"/candidates/%lld\">%s</a> "
			     "<a class=\"btn\" href=\"/positions/%lld/pipeline\">%s</a></p><div class=\"offer-layout\"><div class=\"offer-main\">",
		    (long long)d->sc.cand.id, _("Candidate page"), (long long)d->sc.pos.id, _("Pipeline"));
	status_card(r, d, error);
	hire_card(r, d);
	offer_form_html(r, d, in, fe);
	history(r, d);
	html_raw(&r->out, "</div><aside class=\"offer-side\">");
	facts_card(r, d, rule, (int)w);
	html_raw(&r->out, "</aside></div>");
	page_end(r);
}

/* ---- handlers ---------------------------------------------------------------------------------------- */

void page_offer(struct request *r)
{
	struct page_data d;
	if (!page_data_load(r, req_path_arg(r, 0), &d))
		return;
	render(r, &d, NULL, NULL, NULL);
	page_data_free(&d);
}

static const char *form_value(struct request *r, const char *name)
{
	const char *v = req_form(r, name);
	return str_trim(arena_strdup(&r->arena, v ? v : ""));
}

/* A whole number of the form in [0, max]; "" counts as absent (*out = def). */
static void form_number(struct form_errors *fe, const char *name, const char *text, long long max,
			long long def, int64_t *out)
{
	long long v = def;
	if (text[0] && !str_to_int64(text, 0, max, &v))
		form_error(fe, name, _("Please enter a whole number without separators."));
	*out = (int64_t)v;
}

void page_offer_save(struct request *r)
{
	struct page_data d;
	if (!page_data_load(r, req_path_arg(r, 0), &d))
		return;
	struct offer_form in = {
		form_value(r, "fixed_salary"), form_value(r, "variable_salary"), form_value(r, "benefits"),
		form_value(r, "start_date"),   form_value(r, "contract_type"),   form_value(r, "notice_rule"),
		form_value(r, "notice_weeks"), form_value(r, "note"),
	};
	struct form_errors fe = { 0 };
	struct offer_terms t = { .benefits = in.benefits, .contract_type = in.contract_type,
				 .notice_rule = in.notice_rule, .note = in.note };
	int64_t weeks = 0;
	if (!in.fixed_salary[0])
		form_error(&fe, "fixed_salary", _("Please enter the fixed annual salary."));
	form_number(&fe, "fixed_salary", in.fixed_salary, 1000000000LL, 0, &t.fixed_salary);
	form_number(&fe, "variable_salary", in.variable_salary, 1000000000LL, 0, &t.variable_salary);
	form_number(&fe, "notice_weeks", in.notice_weeks, 1000, 0, &weeks);
	t.notice_weeks = (int)weeks;
	if (!in.start_date[0])
		form_error(&fe, "start_date", _("Please enter the start date."));
	else if (!calendar_parse_iso(in.start_date, &t.start_day))
		form_error(&fe, "start_date", _("Please enter a date as YYYY-MM-DD."));
	if (fe.n == 0) {
		struct field_problem problems[8];
		size_t np = offer_view_check(&t, problems, 8);
		for (size_t i = 0; i < np; i++)
			if (!form_error_for(&fe, problems[i].field))
				form_error(&fe, problems[i].field, _(problems[i].message));
	}
	if (fe.n == 0) {
		struct offer_op_result res = offer_save(r, d.sc.app.id, &t);
		if (res.op == OFFER_OP_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/applications/%lld/offer?done=offer_saved#status", (long long)d.sc.app.id));
			page_data_free(&d);
			return;
		}
		if (res.op == OFFER_OP_FAILED || res.op == OFFER_OP_NOT_FOUND) {
			page_data_free(&d);
			page_error(r, res.rc == STORE_BUSY ? 503 : res.op == OFFER_OP_NOT_FOUND ? 404 : 500, NULL);
			return;
		}
		r->status = 409;
		render(r, &d, &in, NULL, _(res.message));
		page_data_free(&d);
		return;
	}
	r->status = 422;
	render(r, &d, &in, &fe, NULL);
	page_data_free(&d);
}

/* After an operation on offer_id: back to the offer page with ?done=, or
 * the page again with the refusal (403/404/409). */
static void after_operation(struct request *r, int64_t offer_id, const struct offer_op_result *res, const char *done)
{
	struct offer of;
	enum store_rc rc = store_offer_get(r->store, offer_id, &of);
	if (rc != STORE_OK || res->op == OFFER_OP_NOT_FOUND) {
		page_error(r, rc == STORE_BUSY ? 503 : rc == STORE_OK || rc == STORE_NOT_FOUND ? 404 : 500,
			   _("There is no such offer."));
		return;
	}
	if (res->op == OFFER_OP_OK) {
		resp_redirect(r, arena_printf(&r->arena, "/applications/%lld/offer?done=offer_%s#%s", (long long)of.application_id,
					      done, str_eq(done, "accepted") ? "hire" : "status"));
		return;
	}
	if (res->op == OFFER_OP_FAILED) {
		page_error(r, res->rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	if (res->op == OFFER_OP_FORBIDDEN) {
		page_error(r, 403, _(res->message));
		return;
	}
	struct page_data d;
	if (!page_data_load(r, of.application_id, &d))
		return;
	r->status = 409;
	render(r, &d, NULL, NULL, _(res->message));
	page_data_free(&d);
}

void page_offer_approve(struct request *r)
{
	int64_t offer_id = req_path_arg(r, 0);
	struct offer_op_result res = offer_approve(r, offer_id, req_path_arg(r, 1));
	after_operation(r, offer_id, &res, "approved");
}

/* POST /offers/{id}/<verb> → status to. */
static void page_offer_move(struct request *r, const char *to, const char *done)
{
	int64_t offer_id = req_path_arg(r, 0);
	struct offer_op_result res = offer_transition(r, offer_id, to);
	after_operation(r, offer_id, &res, done);
}

void page_offer_send(struct request *r)
{
	page_offer_move(r, "sent", "sent");
}

void page_offer_accept(struct request *r)
{
	page_offer_move(r, "accepted", "accepted");
}

void page_offer_decline(struct request *r)
{
	page_offer_move(r, "declined", "declined");
}

void page_offer_withdraw(struct request *r)
{
	page_offer_move(r, "withdrawn", "withdrawn");
}
