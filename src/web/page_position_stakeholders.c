/*
 * page_position_stakeholders.c — wizard step 4 (R-PROF-6): the people whose
 * view shapes the profile (Geschäftsführer, Vertriebsleitung, CFO, Head of
 * Engineering, BDM, …), the tier each proposes per requirement, the
 * consolidated "who wants what", and the owner's decision where they differ.
 */
#include <stdlib.h>
#include <string.h>

#include "store/profiles.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/profile_input.h"
#include "web/profile_view.h"

static const struct proposal *find_proposal(const struct profile *p, int64_t sh, int64_t req)
{
	for (size_t k = 0; k < p->nproposals; k++)
		if (p->proposals[k].stakeholder_id == sh && p->proposals[k].requirement_id == req)
			return &p->proposals[k];
	return NULL;
}

static void proposals_form(struct request *r, const struct position *pos, const struct profile *p, const struct stakeholder *sh)
{
	struct buf *o = &r->out;
	html_printf(o, "<details class=\"edit\"><summary>%s</summary><form class=\"form\" method=\"post\" action=\"/positions/%lld/stakeholders/%lld/proposals\">",
		    _("Record this person's view"), (long long)pos->id, (long long)sh->id);
	csrf_field(r);
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *q = &p->requirements[i];
		const struct proposal *pr = find_proposal(p, sh->id, q->id);
		html_printf(o, "<div class=\"field\"><label for=\"p%lld-%lld\">%s</label><select id=\"p%lld-%lld\" name=\"tier_%lld\">"
			       "<option value=\"\">%s</option>",
			    (long long)sh->id, (long long)q->id, q->title, (long long)sh->id, (long long)q->id, (long long)q->id,
			    _("no opinion"));
		for (int t = 0; t < TIER__COUNT; t++)
			html_printf(o, "<option value=\"%s\"%s>%s</option>", tier_code((enum tier)t),
				    pr && pr->tier == (enum tier)t ? " selected" : "", _(tier_label((enum tier)t)));
		html_raw(o, "</select></div>");
	}
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></details>", _("Save view"));
}

static void conflicts_panel(struct request *r, const struct position *pos, const struct profile *p, const struct finding *f,
			    size_t nf, bool can_edit)
{
	struct buf *o = &r->out;
	bool any = false;
	for (size_t i = 0; i < nf; i++) {
		if (strcmp(f[i].rule, "profile.tier_conflict") != 0 || f[i].nitems == 0)
			continue;
		if (!any)
			html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p>", _("Decide where views differ"),
				    _("The profile can only be approved once the responsible person has settled each difference."));
		any = true;
		int64_t rid = f[i].items[0];
		const struct requirement *q = NULL;
		for (size_t k = 0; k < p->nrequirements; k++)
			if (p->requirements[k].id == rid)
				q = &p->requirements[k];
		if (!q)
			continue;
		html_printf(o, "<div class=\"item-row\"><div>%s</div>", f[i].message);
		if (can_edit) {
			html_printf(o, "<form class=\"item-actions\" method=\"post\" action=\"/positions/%lld/requirements/%lld/decide\">",
				    (long long)pos->id, (long long)rid);
			csrf_field(r);
			html_printf(o, "<label class=\"visually-hidden\" for=\"decide-%lld\">%s</label><select id=\"decide-%lld\" name=\"tier\">",
				    (long long)rid, _("Tier"), (long long)rid);
			for (int t = 0; t < TIER__COUNT; t++)
				html_printf(o, "<option value=\"%s\"%s>%s</option>", tier_code((enum tier)t),
					    q->tier == (enum tier)t ? " selected" : "", _(tier_label((enum tier)t)));
			html_printf(o, "</select><button class=\"btn btn-small btn-primary\">%s</button></form>", _("Decide"));
		}
		html_raw(o, "</div>");
	}
	if (any)
		html_raw(o, "</section>");
}

static void render_stakeholders(struct request *r, const struct position *pos, const struct stakeholder *draft,
				const struct form_errors *fe)
{
	struct profile p = { 0 };
	struct user *users = NULL;
	size_t nusers = 0;
	if (store_profile_load(r->store, pos->id, &p) != STORE_OK || store_user_list(r->store, &users, &nusers) != STORE_OK) {
		profile_free(&p);
		page_error(r, 500, NULL);
		return;
	}
	size_t nf;
	struct finding *f = profile_run_checks(r, &p, &nf);
	bool can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	struct buf *o = &r->out;
	position_page_begin(r, pos, "stakeholders", _("Stakeholders"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("The managing director sees the role differently from the head of sales or the CFO. Record each view: "
		      "together they make the profile complete, and differences surface before the search starts."));
	conflicts_panel(r, pos, &p, f, nf, can_edit);
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Stakeholders"));
	if (p.nstakeholders == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No stakeholders yet."));
	for (size_t i = 0; i < p.nstakeholders; i++) {
		const struct stakeholder *sh = &p.stakeholders[i];
		html_printf(o, "<div class=\"item-row\"><div><strong>%s</strong> <span class=\"badge badge-muted\">%s</span></div>", sh->name,
			    _(stakeholder_role_label(sh->role)));
		if (can_edit) {
			html_printf(o, "<div class=\"item-actions\"><form method=\"post\" action=\"/positions/%lld/stakeholders/%lld/delete\" data-confirm=\"%s\">",
				    (long long)pos->id, (long long)sh->id, _("Remove this stakeholder and their views?"));
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form></div>", _("Remove"));
			proposals_form(r, pos, &p, sh);
		}
		html_raw(o, "</div>");
	}
	html_raw(o, "</section>");
	html_raw(o, "<section class=\"card\">");
	profile_stakeholders_view(r, &p);
	html_raw(o, "</section>");
	if (can_edit) {
		html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Add a stakeholder"));
		form_error_summary(r, fe);
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/stakeholders\" novalidate>", (long long)pos->id);
		csrf_field(r);
		html_printf(o, "<div class=\"field\"><label for=\"f-user_id\">%s</label><select id=\"f-user_id\" name=\"user_id\"><option value=\"0\">%s</option>",
			    _("Team member"), _("— a person without an account —"));
		for (size_t i = 0; i < nusers; i++)
			if (!users[i].disabled)
				html_printf(o, "<option value=\"%lld\"%s>%s</option>", (long long)users[i].id,
					    draft && draft->user_id == users[i].id ? " selected" : "",
					    users[i].display_name[0] ? users[i].display_name : users[i].name);
		html_raw(o, "</select></div>");
		struct form_input name = { "name", _("Name (for a person without an account)"), "text", draft ? draft->name : "", NULL, "off", false };
		form_text(r, fe, &name);
		html_printf(o, "<div class=\"field\"><label for=\"f-role\">%s</label><select id=\"f-role\" name=\"role\">", _("Stakeholder role"));
		for (int k = 0; k < STAKEHOLDER_ROLE__COUNT; k++)
			html_printf(o, "<option value=\"%s\"%s>%s</option>", stakeholder_role_code((enum stakeholder_role)k),
				    draft && draft->role == (enum stakeholder_role)k ? " selected" : "",
				    _(stakeholder_role_label((enum stakeholder_role)k)));
		html_printf(o, "</select></div><div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button>"
			       "<a class=\"btn\" href=\"/positions/%lld/review\">%s</a></div></form></section>",
			    _("Add stakeholder"), (long long)pos->id, _("Continue with the review"));
	}
	free(users);
	profile_free(&p);
	page_end(r);
}

void page_position_stakeholders(struct request *r)
{
	struct position p;
	if (position_load_from_path(r, &p))
		render_stakeholders(r, &p, NULL, NULL);
}

void page_stakeholder_create(struct request *r)
{
	struct position p;
	struct stakeholder sh = { 0 };
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	stakeholder_read_form(r, &sh, &fe);
	if (!fe.n && sh.user_id) {
		struct user u;
		if (store_user_by_id(r->store, sh.user_id, &u) != STORE_OK || u.disabled)
			form_error(&fe, "user_id", _("Please choose an active team member."));
		else if (!sh.name[0])
			str_copy(sh.name, sizeof sh.name, u.display_name[0] ? u.display_name : u.name);
	}
	if (fe.n) {
		r->status = 422;
		render_stakeholders(r, &p, &sh, &fe);
		return;
	}
	struct actor a = req_actor(r);
	if (store_stakeholder_add(r->store, &a, p.id, &sh, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/stakeholders?done=saved", (long long)p.id));
}

static bool stakeholder_of(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->nstakeholders; i++)
		if (p->stakeholders[i].id == id)
			return true;
	return false;
}

void page_stakeholder_delete(struct request *r)
{
	struct position p;
	struct profile prof = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	int64_t sid = req_path_arg(r, 1);
	if (store_profile_load(r->store, p.id, &prof) != STORE_OK || !stakeholder_of(&prof, sid)) {
		profile_free(&prof);
		page_error(r, 404, NULL);
		return;
	}
	profile_free(&prof);
	struct actor a = req_actor(r);
	if (store_stakeholder_delete(r->store, &a, sid, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/stakeholders?done=deleted", (long long)p.id));
}

/* Saves one stakeholder's tier per requirement (fields tier_<id>; empty
 * removes the proposal) in one unit of work. */
void page_proposals_save(struct request *r)
{
	struct position p;
	struct profile prof = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	int64_t sid = req_path_arg(r, 1);
	if (store_profile_load(r->store, p.id, &prof) != STORE_OK || !stakeholder_of(&prof, sid)) {
		profile_free(&prof);
		page_error(r, 404, NULL);
		return;
	}
	struct actor a = req_actor(r);
	bool ok = store_begin(r->store) == STORE_OK, bad = false;
	for (size_t i = 0; ok && i < prof.nrequirements; i++) {
		const struct requirement *q = &prof.requirements[i];
		const char *v = req_form(r, arena_printf(&r->arena, "tier_%lld", (long long)q->id));
		if (!v)
			continue;
		enum tier t;
		const struct proposal *old = find_proposal(&prof, sid, q->id);
		if (!*v) {
			if (old)
				ok = store_proposal_delete(r->store, &a, sid, q->id, r->now) == STORE_OK;
		} else if (!tier_parse(v, &t)) {
			bad = true;
			ok = false;
		} else if (!old || old->tier != t) {
			ok = store_proposal_set(r->store, &a, sid, q->id, t, old ? old->note : "", r->now) == STORE_OK;
		}
	}
	profile_free(&prof);
	if (ok && store_commit(r->store) == STORE_OK) {
		resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/stakeholders?done=saved", (long long)p.id));
		return;
	}
	store_rollback(r->store);
	page_error(r, bad ? 400 : 500, bad ? _("Unknown tier. Nothing was changed.") : NULL);
}

/* The owner settles diverging views: the requirement gets this tier and the
 * difference counts as decided (profile.tier_conflict is resolved). */
void page_requirement_decide(struct request *r)
{
	struct position p;
	struct requirement q;
	int64_t owner = 0;
	enum tier t;
	if (!position_load_from_path(r, &p))
		return;
	if (store_requirement_get(r->store, req_path_arg(r, 1), &q, &owner) != STORE_OK || owner != p.id) {
		page_error(r, 404, NULL);
		return;
	}
	if (!tier_parse(req_form(r, "tier"), &t)) {
		page_error(r, 400, _("Unknown tier. Nothing was changed."));
		return;
	}
	q.tier = t;
	q.tier_decided = true;
	struct actor a = req_actor(r);
	if (store_requirement_update(r->store, &a, &q, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/stakeholders?done=saved", (long long)p.id));
}
