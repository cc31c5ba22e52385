/*
 * page_position_requirements.c — wizard step 3: requirements in three tiers
 * (unverzichtbar, wichtig, wünschenswert; R-PROF-3), each linked to the goals
 * it serves (R-PROF-2), with the profile checks beside them (R-PROF-4/5).
 */
#include <string.h>

#include "store/profiles.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/profile_input.h"
#include "web/profile_view.h"

static void select_enum(struct request *r, const struct form_errors *fe, const char *prefix, const char *name, const char *label,
			int count, int selected, const char *(*code)(int), const char *(*text)(int))
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"%s-%s\">%s</label><select id=\"%s-%s\" name=\"%s\">",
		    err ? " has-error" : "", prefix, name, label, prefix, name, name);
	for (int i = 0; i < count; i++)
		html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", code(i), i == selected ? " selected" : "", text(i));
	html_raw(&r->out, "</select>");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\">%s</p>", err);
	html_raw(&r->out, "</div>");
}

static const char *tier_code_i(int i) { return tier_code((enum tier)i); }
static const char *tier_text_i(int i) { return _(tier_label((enum tier)i)); }
static const char *kind_code_i(int i) { return requirement_kind_code((enum requirement_kind)i); }
static const char *kind_text_i(int i) { return _(requirement_kind_label((enum requirement_kind)i)); }
static const char *cefr_code_i(int i) { return i == 0 ? "" : cefr_code((enum cefr)i); }
static const char *cefr_text_i(int i) { return i == 0 ? "–" : cefr_code((enum cefr)i); }

static void text_field(struct request *r, const struct form_errors *fe, const char *prefix, const char *name, const char *label,
		       const char *value)
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"%s-%s\">%s</label><input id=\"%s-%s\" name=\"%s\" type=\"text\" value=\"%s\" aria-invalid=\"%s\">",
		    err ? " has-error" : "", prefix, name, label, prefix, name, name, value, err ? "true" : "false");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\">%s</p>", err);
	html_raw(&r->out, "</div>");
}

static const char *num(struct request *r, long long v)
{
	return v ? arena_printf(&r->arena, "%lld", v) : "";
}

static void requirement_fields(struct request *r, const struct profile *prof, const struct requirement *q,
			       const struct form_errors *fe, const char *prefix)
{
	struct buf *o = &r->out;
	text_field(r, fe, prefix, "title", _("Requirement"), q->title);
	select_enum(r, fe, prefix, "tier", _("Tier"), TIER__COUNT, (int)q->tier, tier_code_i, tier_text_i);
	select_enum(r, fe, prefix, "kind", _("Kind"), REQ_KIND__COUNT, (int)q->kind, kind_code_i, kind_text_i);
	text_field(r, fe, prefix, "years_min", _("Years of experience from"), num(r, q->years_min));
	text_field(r, fe, prefix, "years_max", _("to"), num(r, q->years_max));
	text_field(r, fe, prefix, "language", _("Language"), q->language);
	select_enum(r, fe, prefix, "level", _("Level (CEFR)"), CEFR__COUNT, (int)q->level, cefr_code_i, cefr_text_i);
	text_field(r, fe, prefix, "revenue_amount", _("Proven revenue responsibility (€)"), num(r, q->revenue_amount));
	html_printf(o, "<fieldset class=\"field\"><legend>%s</legend>", _("Serves the goals"));
	if (prof->ngoals == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("Add goals first, then link the requirement to them."));
	for (size_t g = 0; g < prof->ngoals; g++) {
		bool linked = false;
		for (int k = 0; k < q->ngoals; k++)
			linked |= q->goal_ids[k] == prof->goals[g].id;
		html_printf(o, "<label class=\"check\"><input type=\"checkbox\" name=\"goal_ids\" value=\"%lld\"%s> %s</label>",
			    (long long)prof->goals[g].id, linked ? " checked" : "", prof->goals[g].title);
	}
	/* An empty marker so that unchecking every goal is a change, not "no field". */
	html_raw(o, "<input type=\"hidden\" name=\"goal_ids\" value=\"\">");
	const char *err = form_error_for(fe, "goal_ids");
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_printf(o, "</fieldset><fieldset class=\"field\"><legend>%s</legend><label class=\"check\"><input type=\"checkbox\" "
		       "name=\"technical\" value=\"1\"%s> %s</label><input type=\"hidden\" name=\"technical\" value=\"0\"></fieldset>",
		    _("Demand"), q->technical ? " checked" : "", _("needs a technical background"));
	html_printf(o, "<div class=\"field\"><label for=\"%s-detail\">%s</label><textarea id=\"%s-detail\" name=\"detail\" rows=\"2\">%s</textarea></div>",
		    prefix, _("Details"), prefix, q->detail);
}

static void render_requirements(struct request *r, const struct position *p, const struct requirement *draft,
				const struct form_errors *fe, int64_t failed_id)
{
	struct profile prof = { 0 };
	if (store_profile_load(r->store, p->id, &prof) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	size_t nf;
	struct finding *f = profile_run_checks(r, &prof, &nf);
	bool can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	struct buf *o = &r->out;
	position_page_begin(r, p, "requirements", _("Requirements"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Sort the requirements into three groups: must-have — without it the job cannot be done; important — clearly raises "
		      "the chance of success; nice-to-have — an extra. Focus on the three to five truly critical ones."));
	profile_checks_panel(r, f, nf);
	for (int t = 0; t < TIER__COUNT; t++) {
		html_printf(o, "<section class=\"card\"><h2 class=\"tier tier-%s\">%s</h2>", tier_code((enum tier)t),
			    _(tier_label((enum tier)t)));
		bool any = false;
		for (size_t i = 0; i < prof.nrequirements; i++) {
			const struct requirement *q = &prof.requirements[i];
			if (q->tier != (enum tier)t)
				continue;
			any = true;
			bool failed = q->id == failed_id;
			html_printf(o, "<div class=\"item-row\" id=\"req-%lld\"><div><strong>%s</strong> <span class=\"muted\">(%s)</span> %s",
				    (long long)q->id, q->title, _(requirement_kind_label(q->kind)), requirement_specifics(r, q));
			if (q->ngoals == 0)
				html_printf(o, " <span class=\"badge badge-warn\">%s</span>", _("serves no goal"));
			html_raw(o, "</div>");
			if (can_edit) {
				html_printf(o, "<div class=\"item-actions\"><form method=\"post\" action=\"/positions/%lld/requirements/%lld/delete\" data-confirm=\"%s\">",
					    (long long)p->id, (long long)q->id, _("Delete this requirement?"));
				csrf_field(r);
				html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form></div>", _("Delete"));
				html_printf(o, "<details class=\"edit\"%s><summary>%s</summary><form class=\"form\" method=\"post\" "
					       "action=\"/positions/%lld/requirements/%lld\" novalidate data-live-check=\"/positions/%lld/check-preview\">",
					    failed ? " open" : "", _("Edit"), (long long)p->id, (long long)q->id, (long long)p->id);
				csrf_field(r);
				html_printf(o, "<input type=\"hidden\" name=\"preview_item\" value=\"requirement\">"
					       "<input type=\"hidden\" name=\"preview_id\" value=\"%lld\">", (long long)q->id);
				const char *prefix = arena_printf(&r->arena, "q%lld", (long long)q->id);
				if (failed)
					form_error_summary_for(r, fe, prefix);
				requirement_fields(r, &prof, failed ? draft : q, failed ? fe : NULL, prefix);
				html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></details>", _("Save"));
			}
			html_raw(o, "</div>");
		}
		if (!any)
			html_printf(o, "<p class=\"muted\">%s</p>", _("None."));
		html_raw(o, "</section>");
	}
	if (can_edit) {
		html_printf(o, "<section class=\"card\" id=\"new-requirement\"><h2>%s</h2>", _("Add a requirement"));
		if (failed_id == 0)
			form_error_summary_for(r, fe, "new");
		html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/requirements\" novalidate "
			       "data-live-check=\"/positions/%lld/check-preview\">", (long long)p->id, (long long)p->id);
		csrf_field(r);
		html_raw(o, "<input type=\"hidden\" name=\"preview_item\" value=\"requirement\"><input type=\"hidden\" name=\"preview_id\" value=\"0\">");
		struct requirement empty = { 0 };
		empty.tier = TIER_IMPORTANT;
		empty.kind = REQ_SKILL;
		requirement_fields(r, &prof, failed_id == 0 && draft ? draft : &empty, failed_id == 0 ? fe : NULL, "new");
		html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button>"
			       "<a class=\"btn\" href=\"/positions/%lld/stakeholders\">%s</a></div></form></section>",
			    _("Add requirement"), (long long)p->id, _("Continue with the stakeholders"));
	}
	profile_free(&prof);
	page_end(r);
}

void page_position_requirements(struct request *r)
{
	struct position p;
	if (position_load_from_path(r, &p))
		render_requirements(r, &p, NULL, NULL, -1);
}

/* Stores q (new when q->id == 0) and its goal links in one unit of work. */
static enum store_rc save_requirement(struct request *r, const struct position *p, struct requirement *q)
{
	struct actor a = req_actor(r);
	enum store_rc rc = store_begin(r->store);
	if (rc != STORE_OK)
		return rc;
	rc = q->id ? store_requirement_update(r->store, &a, q, r->now) : store_requirement_add(r->store, &a, p->id, q, r->now);
	if (rc == STORE_OK)
		rc = store_requirement_set_goals(r->store, &a, q->id, q->goal_ids, q->ngoals, r->now);
	if (rc == STORE_OK)
		rc = store_commit(r->store);
	if (rc != STORE_OK)
		store_rollback(r->store);
	return rc;
}

static void finish_save(struct request *r, const struct position *p, struct requirement *q, struct form_errors *fe,
			int64_t failed_id)
{
	if (!fe->n) {
		enum store_rc rc = save_requirement(r, p, q);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/requirements?done=saved#req-%lld", (long long)p->id,
						      (long long)q->id));
			return;
		}
		if (rc != STORE_INVALID && rc != STORE_CONFLICT) {
			page_error(r, 500, NULL);
			return;
		}
		form_error(fe, "goal_ids", _("Link only goals of this position."));
		if (failed_id == 0)
			q->id = 0;
	}
	r->status = 422;
	render_requirements(r, p, q, fe, failed_id);
}

void page_requirement_create(struct request *r)
{
	struct position p;
	struct requirement q = { 0 };
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	requirement_read_form(r, &q, &fe);
	finish_save(r, &p, &q, &fe, 0);
}

static bool load_requirement(struct request *r, const struct position *p, struct requirement *q)
{
	int64_t owner = 0;
	if (store_requirement_get(r->store, req_path_arg(r, 1), q, &owner) != STORE_OK || owner != p->id) {
		page_error(r, 404, NULL);
		return false;
	}
	return true;
}

void page_requirement_update(struct request *r)
{
	struct position p;
	struct requirement q;
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, &p) || !load_requirement(r, &p, &q))
		return;
	requirement_read_form(r, &q, &fe);
	finish_save(r, &p, &q, &fe, q.id);
}

void page_requirement_delete(struct request *r)
{
	struct position p;
	struct requirement q;
	if (!position_load_from_path(r, &p) || !load_requirement(r, &p, &q))
		return;
	struct actor a = req_actor(r);
	if (store_requirement_delete(r->store, &a, q.id, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/requirements?done=deleted", (long long)p.id));
}

/* Adds the suggestion named by key and goal_id (recomputed, never trusted
 * from the form) to the requirements, linked to its goal. */
void page_suggestion_accept(struct request *r)
{
	struct position p;
	struct profile prof = { 0 };
	if (!position_load_from_path(r, &p))
		return;
	if (store_profile_load(r->store, p.id, &prof) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	const char *key = req_form(r, "key");
	long long goal_id = 0;
	str_to_int64(req_form(r, "goal_id"), 1, INT64_MAX, &goal_id);
	struct suggestion s[16];
	struct profile_check_options opt = profile_check_options_for(&prof);
	size_t n = profile_suggest(&prof, &opt, s, 16);
	profile_free(&prof);
	for (size_t i = 0; i < n; i++) {
		if (str_eq(s[i].key, key) && s[i].goal_id == goal_id) {
			struct requirement q = s[i].requirement;
			q.goal_ids[0] = goal_id;
			q.ngoals = 1;
			if (save_requirement(r, &p, &q) != STORE_OK) {
				page_error(r, 500, NULL);
				return;
			}
			resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/requirements?done=saved#req-%lld", (long long)p.id,
						      (long long)q.id));
			return;
		}
	}
	page_error(r, 409, _("This suggestion no longer applies: the profile changed in the meantime."));
}
