/*
 * page_position_goals.c — wizard step 2: the strategic goals the position
 * serves (R-PROF-1) — revenue target, market entry, account development or
 * free text — and the requirements the goals suggest (R-PROF-2).
 */
#include <string.h>

#include "store/profiles.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/profile_input.h"
#include "web/profile_view.h"

/* A checkbox followed by a hidden "0": unchecked boxes are not sent, and the
 * first value of a field wins, so the pair always says what the user chose. */
static void checkbox(struct request *r, const char *name, const char *label, bool checked)
{
	html_printf(&r->out, "<label class=\"check\"><input type=\"checkbox\" name=\"%s\" value=\"1\"%s> %s</label>"
			     "<input type=\"hidden\" name=\"%s\" value=\"0\">", name, checked ? " checked" : "", label, name);
}

static void goal_fields(struct request *r, const struct goal *g, const struct form_errors *fe, const char *prefix)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"field%s\"><label for=\"%s-kind\">%s</label><select id=\"%s-kind\" name=\"kind\">",
		    form_error_for(fe, "kind") ? " has-error" : "", prefix, _("Kind of goal"), prefix);
	for (int k = 0; k < GOAL_KIND__COUNT; k++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", goal_kind_code((enum goal_kind)k),
			    g->kind == (enum goal_kind)k ? " selected" : "", _(goal_kind_label((enum goal_kind)k)));
	html_raw(o, "</select>");
	if (form_error_for(fe, "kind"))
		html_printf(o, "<p class=\"field-error\">%s</p>", form_error_for(fe, "kind"));
	html_raw(o, "</div>");
	const char *fields[][3] = {
		{ "title", _("Goal"), g->title },
		{ "revenue_amount", _("Revenue target (€)"), g->revenue_amount ? arena_printf(&r->arena, "%lld", (long long)g->revenue_amount) : "" },
		{ "horizon_months", _("Within months"), g->horizon_months ? arena_printf(&r->arena, "%d", g->horizon_months) : "" },
		{ "region", _("Region"), g->region },
		{ "segment", _("Segment"), g->segment },
		{ "accounts", _("Named accounts"), g->accounts },
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *err = form_error_for(fe, fields[i][0]);
		html_printf(o, "<div class=\"field%s\"><label for=\"%s-%s\">%s</label><input id=\"%s-%s\" name=\"%s\" type=\"text\" value=\"%s\" aria-invalid=\"%s\">",
			    err ? " has-error" : "", prefix, fields[i][0], fields[i][1], prefix, fields[i][0], fields[i][0],
			    fields[i][2], err ? "true" : "false");
		if (err)
			html_printf(o, "<p class=\"field-error\">%s</p>", err);
		html_raw(o, "</div>");
	}
	html_printf(o, "<fieldset class=\"field\"><legend>%s</legend>", _("What the goal means for the role"));
	checkbox(r, "international", _("reaches beyond the home market (international)"), g->international);
	checkbox(r, "technical_market", _("customers buy a technical product"), g->technical_market);
	html_raw(o, "</fieldset>");
	html_printf(o, "<div class=\"field\"><label for=\"%s-notes\">%s</label><textarea id=\"%s-notes\" name=\"notes\" rows=\"2\">%s</textarea></div>",
		    prefix, _("Notes"), prefix, g->notes);
}

static void suggestions_panel(struct request *r, const struct position *p, const struct profile *prof, bool can_edit)
{
	struct suggestion s[16];
	struct profile_check_options opt = profile_check_options_for(prof);
	size_t n = profile_suggest(prof, &opt, s, 16);
	if (n == 0)
		return;
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p>", _("Suggested by your goals"),
		    _("Goals change what the role needs. These requirements follow from the goals above."));
	for (size_t i = 0; i < n; i++) {
		html_printf(o, "<div class=\"item-row\"><div><strong>%s</strong> <span class=\"tier-chip tier-%s\">%s</span> %s</div>",
			    s[i].requirement.title, tier_code(s[i].requirement.tier), _(tier_label(s[i].requirement.tier)),
			    requirement_specifics(r, &s[i].requirement));
		if (can_edit) {
			html_printf(o, "<form method=\"post\" action=\"/positions/%lld/suggestions\">", (long long)p->id);
			csrf_field(r);
			html_printf(o, "<input type=\"hidden\" name=\"key\" value=\"%s\"><input type=\"hidden\" name=\"goal_id\" value=\"%lld\">"
				       "<button class=\"btn btn-small\">%s</button></form>",
				    s[i].key, (long long)s[i].goal_id, _("Add to the requirements"));
		}
		html_raw(o, "</div>");
	}
	html_raw(o, "</section>");
}

static void render_goals(struct request *r, const struct position *p, const struct goal *draft, const struct form_errors *fe,
			 int64_t failed_id)
{
	struct profile prof = { 0 };
	if (store_profile_load(r->store, p->id, &prof) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	bool can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	struct buf *o = &r->out;
	position_page_begin(r, p, "goals", _("Strategic goals"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("The starting point is the company's strategy: which revenue is targeted, which markets are to be entered, "
		      "which customer relationships must grow? The profile must reflect these goals."));
	size_t nf;
	struct finding *f = profile_run_checks(r, &prof, &nf);
	profile_checks_panel(r, f, nf);
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Goals of this position"));
	if (prof.ngoals == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No goals yet. Add the first one below."));
	for (size_t i = 0; i < prof.ngoals; i++) {
		const struct goal *g = &prof.goals[i];
		bool failed = g->id == failed_id;
		html_printf(o, "<div class=\"item-row\" id=\"goal-%lld\"><div><strong>%s</strong> <span class=\"badge badge-muted\">%s</span></div>",
			    (long long)g->id, g->title, _(goal_kind_label(g->kind)));
		if (can_edit) {
			html_printf(o, "<div class=\"item-actions\"><form method=\"post\" action=\"/positions/%lld/goals/%lld/delete\" data-confirm=\"%s\">",
				    (long long)p->id, (long long)g->id, _("Delete this goal? Requirements keep existing, without the link."));
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form></div>", _("Delete"));
			html_printf(o, "<details class=\"edit\"%s><summary>%s</summary><form class=\"form\" method=\"post\" action=\"/positions/%lld/goals/%lld\" novalidate "
				       "data-live-check=\"/positions/%lld/check-preview\">",
				    failed ? " open" : "", _("Edit"), (long long)p->id, (long long)g->id, (long long)p->id);
			csrf_field(r);
			html_printf(o, "<input type=\"hidden\" name=\"preview_item\" value=\"goal\"><input type=\"hidden\" name=\"preview_id\" value=\"%lld\">",
				    (long long)g->id);
			const char *prefix = arena_printf(&r->arena, "g%lld", (long long)g->id);
			if (failed)
				form_error_summary_for(r, fe, prefix);
			goal_fields(r, failed ? draft : g, failed ? fe : NULL, prefix);
			html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></details>", _("Save"));
		}
		html_raw(o, "</div>");
	}
	html_raw(o, "</section>");
	suggestions_panel(r, p, &prof, can_edit);
	if (can_edit) {
		html_printf(o, "<section class=\"card\" id=\"new-goal\"><h2>%s</h2>", _("Add a goal"));
		if (failed_id == 0)
			form_error_summary_for(r, fe, "new");
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/goals\" novalidate "
			       "data-live-check=\"/positions/%lld/check-preview\">", (long long)p->id, (long long)p->id);
		csrf_field(r);
		html_raw(o, "<input type=\"hidden\" name=\"preview_item\" value=\"goal\"><input type=\"hidden\" name=\"preview_id\" value=\"0\">");
		struct goal empty = { 0 };
		goal_fields(r, failed_id == 0 && draft ? draft : &empty, failed_id == 0 ? fe : NULL, "new");
		html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button>"
			       "<a class=\"btn\" href=\"/positions/%lld/requirements\">%s</a></div></form></section>",
			    _("Add goal"), (long long)p->id, _("Continue with the requirements"));
	}
	profile_free(&prof);
	page_end(r);
}

void page_position_goals(struct request *r)
{
	struct position p;
	if (position_load_from_path(r, &p))
		render_goals(r, &p, NULL, NULL, -1);
}

void page_goal_create(struct request *r)
{
	struct position p;
	struct goal g = { 0 };
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	goal_read_form(r, &g, &fe);
	if (fe.n) {
		r->status = 422;
		render_goals(r, &p, &g, &fe, 0);
		return;
	}
	struct actor a = req_actor(r);
	if (store_goal_add(r->store, &a, p.id, &g, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/goals?done=saved#goal-%lld", (long long)p.id, (long long)g.id));
}

/* Loads goal path argument 1 and checks it belongs to position p. */
static bool load_goal(struct request *r, const struct position *p, struct goal *g)
{
	int64_t owner = 0;
	if (store_goal_get(r->store, req_path_arg(r, 1), g, &owner) != STORE_OK || owner != p->id) {
		page_error(r, 404, NULL);
		return false;
	}
	return true;
}

void page_goal_update(struct request *r)
{
	struct position p;
	struct goal g;
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, &p) || !load_goal(r, &p, &g))
		return;
	goal_read_form(r, &g, &fe);
	if (fe.n) {
		r->status = 422;
		render_goals(r, &p, &g, &fe, g.id);
		return;
	}
	struct actor a = req_actor(r);
	if (store_goal_update(r->store, &a, &g, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/goals?done=saved#goal-%lld", (long long)p.id, (long long)g.id));
}

void page_goal_delete(struct request *r)
{
	struct position p;
	struct goal g;
	if (!position_load_from_path(r, &p) || !load_goal(r, &p, &g))
		return;
	struct actor a = req_actor(r);
	if (store_goal_delete(r->store, &a, g.id, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/goals?done=deleted", (long long)p.id));
}
