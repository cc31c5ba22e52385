/*
 * page_position.c — one position: its basics and the state of its
 * requirements profile at a glance (checks, goals, requirements by tier),
 * and the form to edit the basics, status and known challenges (R-PROF-8).
 */
#include <stdlib.h>
#include <string.h>

#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/position_form.h"
#include "web/profile_view.h"

static void facts(struct request *r, const struct position *p, const struct organisation *org)
{
	struct buf *o = &r->out;
	char smin[32], smax[32];
	i18n_format_int(smin, sizeof smin, p->salary_min, r->lang);
	i18n_format_int(smax, sizeof smax, p->salary_max, r->lang);
	html_printf(o, "<dl class=\"facts\"><dt>%s</dt><dd><a href=\"/organisations/%lld\">%s</a></dd>", _("Hiring company"),
		    (long long)org->id, org->name);
	html_printf(o, "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s, %s</dd>", _("Department"), p->department, _("Location"),
		    p->location, _(remote_policy_label(p->remote)));
	html_printf(o, "<dt>%s</dt><dd>%s, %d</dd>", _("Employment type"), _(employment_type_label(p->employment)), p->headcount);
	if (p->salary_min || p->salary_max)
		html_printf(o, "<dt>%s</dt><dd>%s – %s %s</dd>", _("Salary band"), smin, smax, p->currency);
	else
		html_printf(o, "<dt>%s</dt><dd class=\"muted\">%s</dd>", _("Salary band"), _("not set yet"));
	html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Target start date"), p->target_start[0] ? p->target_start : "–");
	if (p->opened_at)
		html_printf(o, "<dt>%s</dt><dd>%lld</dd>", _("Days open"), (long long)days_between(p->opened_at, r->now));
	html_raw(o, "</dl>");
}

void page_position(struct request *r)
{
	struct position p;
	struct organisation org = { 0 };
	struct profile prof = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	if (store_organisation_get(r->store, p.organisation_id, &org) != STORE_OK ||
	    store_profile_load(r->store, p.id, &prof) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	size_t nf;
	struct finding *f = profile_run_checks(r, &prof, &nf);
	struct buf *o = &r->out;
	position_page_begin(r, &p, "basics", _("Basics"));
	html_raw(o, "<div class=\"split\">");
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Basics"));
	facts(r, &p, &org);
	if (permission_allows(&r->principal, ACTION_EDIT_POSITIONS))
		html_printf(o, "<a class=\"btn btn-small\" href=\"/positions/%lld/edit\">%s</a>", (long long)p.id, _("Edit basics"));
	html_raw(o, "</section>");
	profile_checks_panel(r, f, nf);
	html_raw(o, "</div>");
	health_summary_html(r, &p);   /* page_health.c: process health at a glance (R-GUARD-7) */
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Known challenges of the role"));
	if (p.challenges[0])
		html_printf(o, "<p class=\"prewrap\">%s</p>", p.challenges);
	else
		html_printf(o, "<p class=\"muted\">%s</p>", _("Not documented yet. Finalists should hear what is hard about the job."));
	html_raw(o, "</section>");
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Strategic goals"));
	profile_goals_view(r, &prof);
	html_printf(o, "<a href=\"/positions/%lld/goals\">%s</a></section>", (long long)p.id, _("Work on the goals"));
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Requirements"));
	profile_requirements_view(r, &prof, f, nf);
	html_printf(o, "<a href=\"/positions/%lld/requirements\">%s</a></section>", (long long)p.id, _("Work on the requirements"));
	profile_free(&prof);
	page_end(r);
}

static void render_edit(struct request *r, const struct position *p, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	struct organisation *orgs = NULL;
	struct user *users = NULL;
	size_t norgs = 0, nusers = 0;
	if (store_organisation_list(r->store, &orgs, &norgs) != STORE_OK || store_user_list(r->store, &users, &nusers) != STORE_OK) {
		free(orgs);
		page_error(r, 500, NULL);
		return;
	}
	struct position_form_choices c = { orgs, norgs, users, nusers, NULL, NULL, 0 };
	position_page_begin(r, p, "basics", _("Edit basics"));
	form_error_summary(r, fe);
	html_printf(o, "<form class=\"form card\" method=\"post\" action=\"/positions/%lld\" novalidate>", (long long)p->id);
	csrf_field(r);
	html_printf(o, "<div class=\"field\"><label for=\"f-status\">%s</label><select id=\"f-status\" name=\"status\">", _("Status"));
	for (int s = 0; s < POSITION_STATUS__COUNT; s++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", position_status_code((enum position_status)s),
			    p->status == (enum position_status)s ? " selected" : "", _(position_status_label((enum position_status)s)));
	html_raw(o, "</select></div>");
	position_form_fields(r, p, fe, &c);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button>"
		       "<a class=\"btn\" href=\"/positions/%lld\">%s</a></div></form>",
		    _("Save"), (long long)p->id, _("Cancel"));
	free(orgs);
	free(users);
	page_end(r);
}

void page_position_edit(struct request *r)
{
	struct position p;
	if (position_load_from_path(r, &p))
		render_edit(r, &p, NULL);
}

void page_position_update(struct request *r)
{
	struct position p;
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	position_read_form(r, &p, &fe);
	struct organisation org;
	if (!fe.n && store_organisation_get(r->store, p.organisation_id, &org) != STORE_OK)
		form_error(&fe, "organisation_id", _("Please choose the hiring company."));
	if (fe.n) {
		r->status = 422;
		render_edit(r, &p, &fe);
		return;
	}
	struct actor a = req_actor(r);
	if (store_position_update(r->store, &a, &p, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld?done=saved", (long long)p.id));
}
