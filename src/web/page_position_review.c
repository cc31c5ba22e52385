/*
 * page_position_review.c — the last wizard step: all checks, the whole
 * profile and the approval (R-PROF-7), plus the approved versions: the
 * one-page print view of a version and the side-by-side comparison of two
 * versions or of a version and the current draft.
 */
#include <stdlib.h>
#include <string.h>

#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/profile_view.h"

static void versions_list(struct request *r, const struct position *p, bool draft_changed)
{
	struct buf *o = &r->out;
	struct profile_version_info *v = NULL;
	size_t n = 0;
	if (store_profile_versions(r->store, p->id, &v, &n) != STORE_OK || n == 0) {
		free(v);
		html_printf(o, "<p class=\"muted\">%s</p>", _("No version has been approved yet."));
		return;
	}
	/* The store lists the newest version first. */
	html_raw(o, "<ul class=\"versions\">");
	for (size_t i = 0; i < n; i++) {
		char when[64];
		i18n_format_datetime(when, sizeof when, (time_t)v[i].approved_at, r->lang);
		html_printf(o, "<li><a href=\"/positions/%lld/versions/%d\">%s %d</a> — %s, %s", (long long)p->id, v[i].version,
			    _("Version"), v[i].version, when, v[i].approver_name[0] ? v[i].approver_name : "cli");
		if (i + 1 < n)
			html_printf(o, " · <a href=\"/positions/%lld/compare?a=%d&amp;b=%d\">%s</a>", (long long)p->id,
				    v[i + 1].version, v[i].version, _("compare with the previous version"));
		html_raw(o, "</li>");
	}
	html_raw(o, "</ul>");
	if (draft_changed)
		html_printf(o, "<p>%s <a href=\"/positions/%lld/compare?a=%d&amp;b=draft\">%s</a></p>",
			    _("The draft was changed since the last approval."), (long long)p->id, v[0].version,
			    _("Compare the draft with it"));
	free(v);
}

void page_position_review(struct request *r)
{
	struct position p;
	struct profile prof = { 0 };
	bool changed = true;
	if (!position_load_from_path(r, &p))
		return;
	if (store_profile_load(r->store, p.id, &prof) != STORE_OK ||
	    (p.approved_version && store_profile_draft_changed(r->store, p.id, &changed) != STORE_OK)) {
		profile_free(&prof);
		page_error(r, 500, NULL);
		return;
	}
	size_t nf;
	struct finding *f = profile_run_checks(r, &prof, &nf);
	bool blocked = findings_block_approval(f, nf);
	struct buf *o = &r->out;
	position_page_begin(r, &p, "review", _("Review and approval"));
	profile_checks_panel(r, f, nf);
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Approval"));
	if (!permission_allows(&r->principal, ACTION_APPROVE_PROFILES))
		html_printf(o, "<p class=\"muted\">%s</p>", _("Administrators and hiring managers approve profiles."));
	else if (blocked)
		html_printf(o, "<p>%s</p>", _("Approval is possible once the findings marked \"Must be fixed\" are resolved."));
	else if (!changed)
		html_printf(o, "<p>%s</p>", _("This profile is approved; nothing has changed since."));
	else {
		html_printf(o, "<p>%s</p><form method=\"post\" action=\"/positions/%lld/approve\">",
			    _("Approving freezes this profile as a new version. The job ad, the interview kits and the evaluation use it; "
			      "later edits start a new draft."), (long long)p.id);
		csrf_field(r);
		html_printf(o, "<button type=\"submit\" class=\"btn btn-primary\">%s</button></form>", _("Approve profile"));
	}
	html_printf(o, "<h3>%s</h3>", _("Approved versions"));
	versions_list(r, &p, p.approved_version && changed);
	html_raw(o, "</section>");
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Strategic goals"));
	profile_goals_view(r, &prof);
	html_printf(o, "</section><section class=\"card\"><h2>%s</h2>", _("Requirements"));
	profile_requirements_view(r, &prof, f, nf);
	html_printf(o, "</section><section class=\"card\"><h2>%s</h2>", _("Stakeholders"));
	profile_stakeholders_view(r, &prof);
	html_raw(o, "</section>");
	profile_free(&prof);
	page_end(r);
}

void page_position_approve(struct request *r)
{
	struct position p;
	struct profile prof = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	if (store_profile_load(r->store, p.id, &prof) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	size_t nf;
	struct finding *f = profile_run_checks(r, &prof, &nf);
	bool blocked = findings_block_approval(f, nf);
	profile_free(&prof);
	if (blocked) {
		page_error(r, 409, _("The profile still has findings that must be fixed before approval."));
		return;
	}
	struct actor a = req_actor(r);
	int version = 0;
	enum store_rc rc = store_profile_approve(r->store, &a, p.id, r->now, &version);
	if (rc == STORE_CONFLICT) {
		page_error(r, 409, _("This profile is already approved and has not changed since."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/review?done=approved", (long long)p.id));
}

/* The one-page view of an approved version, made for printing. */
void page_profile_version(struct request *r)
{
	struct position p;
	struct profile prof = { 0 };
	struct organisation org = { 0 };
	int64_t at = 0, by = 0;
	if (!position_load_from_path(r, &p))
		return;
	int64_t version = req_path_arg(r, 1);
	enum store_rc rc = version > 1000000 ? STORE_NOT_FOUND
					     : store_profile_version_load(r->store, p.id, (int)version, &prof, &at, &by);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	store_organisation_get(r->store, p.organisation_id, &org);
	struct buf *o = &r->out;
	char when[64];
	i18n_format_date(when, sizeof when, (time_t)at, r->lang);
	page_begin(r, arena_printf(&r->arena, "%s · %s", _("Requirements profile"), p.title), NAV_POSITIONS);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/positions/%lld/review\">%s</a></p>"
		       "<h1>%s: %s</h1><p class=\"version-note\">%s — %s %lld, %s %s</p></div>",
		    (long long)p.id, p.title, _("Requirements profile"), p.title, org.name, _("approved version"),
		    (long long)version, _("on"), when);
	html_printf(o, "<div class=\"actions\"><button type=\"button\" class=\"btn\" data-print>%s</button></div></div>", _("Print"));
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Strategic goals"));
	profile_goals_view(r, &prof);
	html_printf(o, "</section><section class=\"card\"><h2>%s</h2>", _("Requirements"));
	profile_requirements_view(r, &prof, NULL, 0);
	html_printf(o, "</section><section class=\"card\"><h2>%s</h2>", _("Known challenges of the role"));
	html_printf(o, "<p class=\"prewrap\">%s</p></section>", prof.challenges[0] ? prof.challenges : "–");
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Stakeholders"));
	profile_stakeholders_view(r, &prof);
	html_raw(o, "</section>");
	profile_free(&prof);
	page_end(r);
}

/* Loads "draft" or a version number named by a query argument. */
static bool load_side(struct request *r, const struct position *p, const char *which, struct profile *out,
		      const char **label)
{
	long long v;
	if (which && strcmp(which, "draft") == 0) {
		*label = _("Current draft");
		return store_profile_load(r->store, p->id, out) == STORE_OK;
	}
	if (!which || !str_to_int64(which, 1, 1000000, &v))
		return false;
	*label = arena_printf(&r->arena, "%s %lld", _("Version"), v);
	int64_t at, by;
	return store_profile_version_load(r->store, p->id, (int)v, out, &at, &by) == STORE_OK;
}

void page_profile_compare(struct request *r)
{
	struct position p;
	struct profile a = { 0 }, b = { 0 };
	const char *la = "", *lb = "";
	if (!position_load_from_path(r, &p))
		return;
	if (!load_side(r, &p, req_query(r, "a"), &a, &la) || !load_side(r, &p, req_query(r, "b"), &b, &lb)) {
		profile_free(&a);
		profile_free(&b);
		page_error(r, 404, _("Choose two existing versions to compare (a=1&b=2, or b=draft)."));
		return;
	}
	position_page_begin(r, &p, "review", _("Compare versions"));
	profile_compare_view(r, &a, la, &b, lb);
	profile_free(&a);
	profile_free(&b);
	page_end(r);
}
