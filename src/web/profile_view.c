/*
 * profile_view.c — rendering of the requirements profile; see
 * profile_view.h. Everything goes through the escaping HTML writer.
 */
#include "web/profile_view.h"

#include <stdio.h>
#include <string.h>

#include "core/role_template.h"
#include "util/embedded.h"

#include "web/html.h"
#include "web/layout.h"

static const char *translate(const char *msgid)
{
	return i18n_gettext(msgid);
}

struct profile_check_options profile_check_options_for(const struct profile *p)
{
	/* The usual experience range of the role comes from its built-in
	 * template; without one the seed's 5–10 years for a KAM apply. */
	struct profile_check_options opt = { translate, 5, 10 };
	char path[128];
	snprintf(path, sizeof path, TEMPLATE_DATA_DIR "%s.json", p->template_key);
	const struct embedded_file *f = p->template_key[0] && !strchr(p->template_key, '/') ? embedded_find(path) : NULL;
	struct role_template t;
	char err[64];
	if (f && role_template_parse((const char *)f->data, f->len, &t, err, sizeof err)) {
		opt.usual_years_min = t.usual_years_min;
		opt.usual_years_max = t.usual_years_max;
		role_template_free(&t);
	}
	return opt;
}

struct finding *profile_run_checks(struct request *r, const struct profile *p, size_t *n)
{
	enum { MAX_FINDINGS = 64 };
	struct finding *f = arena_alloc(&r->arena, MAX_FINDINGS * sizeof *f);
	struct profile_check_options opt = profile_check_options_for(p);
	*n = profile_check(p, &opt, f, MAX_FINDINGS);
	return f;
}

static const char *severity_label(enum severity s)
{
	return s == SEVERITY_ERROR ? _("Must be fixed") : s == SEVERITY_WARNING ? _("Warning") : _("Hint");
}

void profile_checks_panel(struct request *r, const struct finding *f, size_t n)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card checks\" id=\"checks\" aria-live=\"polite\"><h2>%s</h2>", _("Profile check"));
	if (n == 0) {
		html_printf(o, "<p class=\"check-ok\">%s</p></section>",
			    _("No findings: the profile is focused, realistic and tied to your goals."));
		return;
	}
	html_raw(o, "<ul class=\"findings\">");
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<li class=\"finding finding-%s\" data-rule=\"%s\"><span class=\"badge badge-%s\">%s</span> %s</li>",
			    severity_code(f[i].severity), f[i].rule,
			    f[i].severity == SEVERITY_ERROR ? "error" : f[i].severity == SEVERITY_WARNING ? "warn" : "muted",
			    severity_label(f[i].severity), f[i].message);
	html_raw(o, "</ul></section>");
}

void profile_goals_view(struct request *r, const struct profile *p)
{
	struct buf *o = &r->out;
	if (p->ngoals == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No strategic goals yet."));
		return;
	}
	html_raw(o, "<ol class=\"goals\">");
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		html_printf(o, "<li id=\"goal-%lld\"><strong>%s</strong> <span class=\"badge badge-muted\">%s</span>",
			    (long long)g->id, g->title, _(goal_kind_label(g->kind)));
		if (g->kind == GOAL_REVENUE && g->revenue_amount) {
			char amount[32];
			i18n_format_int(amount, sizeof amount, g->revenue_amount, r->lang);
			html_printf(o, " — %s €", amount);
			if (g->horizon_months)
				html_printf(o, i18n_ngettext(" in %d month", " in %d months", (unsigned long)g->horizon_months),
					    g->horizon_months);
		}
		if (g->region[0] || g->segment[0])
			html_printf(o, " — %s %s", g->region, g->segment);
		if (g->accounts[0])
			html_printf(o, " — %s", g->accounts);
		if (g->international)
			html_printf(o, " <span class=\"badge badge-muted\">%s</span>", _("international"));
		if (g->technical_market)
			html_printf(o, " <span class=\"badge badge-muted\">%s</span>", _("technical market"));
		html_raw(o, "</li>");
	}
	html_raw(o, "</ol>");
}

const char *requirement_specifics(struct request *r, const struct requirement *q)
{
	struct buf b = BUF_INIT;
	if (q->kind == REQ_EXPERIENCE && q->years_min && q->years_max)
		buf_printf(&b, _("%d–%d years"), q->years_min, q->years_max);
	else if (q->kind == REQ_EXPERIENCE && q->years_min)
		buf_printf(&b, _("at least %d years"), q->years_min);
	if (q->kind == REQ_LANGUAGE && q->level != CEFR_NONE)
		buf_printf(&b, "%s%s %s", b.len ? ", " : "", q->language, cefr_code(q->level));
	if (q->revenue_amount) {
		char amount[32];
		i18n_format_int(amount, sizeof amount, q->revenue_amount, r->lang);
		buf_printf(&b, "%s%s %s €", b.len ? ", " : "", _("revenue"), amount);
	}
	if (q->technical)
		buf_printf(&b, "%s%s", b.len ? ", " : "", _("technical"));
	const char *s = arena_strdup(&r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Whether a warning or error names requirement id; findings about goals
 * list goal ids and are skipped. */
static bool finding_mentions(const struct finding *f, size_t nf, int64_t id, const char **rule)
{
	for (size_t i = 0; i < nf; i++) {
		if (strcmp(f[i].rule, "profile.goal_without_requirement") == 0 || strcmp(f[i].rule, "profile.no_goals") == 0)
			continue;
		for (int k = 0; k < f[i].nitems; k++)
			if (f[i].items[k] == id && f[i].severity != SEVERITY_HINT) {
				*rule = f[i].rule;
				return true;
			}
	}
	return false;
}

static const char *goal_title(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->ngoals; i++)
		if (p->goals[i].id == id)
			return p->goals[i].title;
	return "?";
}

void profile_requirements_view(struct request *r, const struct profile *p, const struct finding *f, size_t nf)
{
	struct buf *o = &r->out;
	for (int t = 0; t < TIER__COUNT; t++) {
		html_printf(o, "<h3 class=\"tier tier-%s\">%s</h3>", tier_code((enum tier)t), _(tier_label((enum tier)t)));
		bool any = false;
		for (size_t i = 0; i < p->nrequirements; i++) {
			const struct requirement *q = &p->requirements[i];
			if (q->tier != (enum tier)t)
				continue;
			if (!any)
				html_raw(o, "<ul class=\"requirements\">");
			any = true;
			const char *rule = NULL;
			bool flagged = finding_mentions(f, nf, q->id, &rule);
			html_printf(o, "<li id=\"req-%lld\"", (long long)q->id);
			if (flagged)
				html_raw(o, " class=\"flagged\"");
			html_printf(o, "><strong>%s</strong> <span class=\"muted\">(%s)</span>", q->title,
				    _(requirement_kind_label(q->kind)));
			const char *spec = requirement_specifics(r, q);
			if (*spec)
				html_printf(o, " — %s", spec);
			if (q->ngoals) {
				html_printf(o, "<br><span class=\"muted\">%s ", _("Serves:"));
				for (int g = 0; g < q->ngoals; g++)
					html_printf(o, "%s%s", g ? "; " : "", goal_title(p, q->goal_ids[g]));
				html_raw(o, "</span>");
			}
			html_raw(o, "</li>");
		}
		if (any)
			html_raw(o, "</ul>");
		else
			html_printf(o, "<p class=\"muted\">%s</p>", _("None."));
	}
}

void profile_stakeholders_view(struct request *r, const struct profile *p)
{
	struct buf *o = &r->out;
	if (p->nstakeholders == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No stakeholders yet."));
		return;
	}
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>",
		    _("Who wants what"), _("Requirement"));
	for (size_t s = 0; s < p->nstakeholders; s++)
		html_printf(o, "<th scope=\"col\">%s<br><span class=\"muted\">%s</span></th>", p->stakeholders[s].name,
			    _(stakeholder_role_label(p->stakeholders[s].role)));
	html_raw(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *q = &p->requirements[i];
		html_printf(o, "<tr><th scope=\"row\">%s</th>", q->title);
		for (size_t s = 0; s < p->nstakeholders; s++) {
			const struct proposal *found = NULL;
			for (size_t k = 0; k < p->nproposals; k++)
				if (p->proposals[k].requirement_id == q->id && p->proposals[k].stakeholder_id == p->stakeholders[s].id)
					found = &p->proposals[k];
			if (found) {
				html_printf(o, "<td><span class=\"tier-chip tier-%s\">%s</span>", tier_code(found->tier),
					    _(tier_label(found->tier)));
				if (found->note[0])
					html_printf(o, "<br><span class=\"muted\">%s</span>", found->note);
				html_raw(o, "</td>");
			} else
				html_raw(o, "<td class=\"muted\">–</td>");
		}
		html_raw(o, "</tr>");
	}
	html_raw(o, "</tbody></table></div>");
}

static const struct requirement *find_requirement(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->nrequirements; i++)
		if (p->requirements[i].id == id)
			return &p->requirements[i];
	return NULL;
}

static bool requirement_same(const struct requirement *a, const struct requirement *b)
{
	return a->kind == b->kind && a->tier == b->tier && strcmp(a->title, b->title) == 0 &&
	       strcmp(a->detail, b->detail) == 0 && a->years_min == b->years_min && a->years_max == b->years_max &&
	       a->level == b->level && strcmp(a->language, b->language) == 0 && a->technical == b->technical &&
	       a->revenue_amount == b->revenue_amount;
}

static void compare_cell(struct request *r, const struct requirement *q)
{
	if (!q) {
		html_raw(&r->out, "<td class=\"muted\">–</td>");
		return;
	}
	html_printf(&r->out, "<td><strong>%s</strong><br><span class=\"tier-chip tier-%s\">%s</span> %s</td>", q->title,
		    tier_code(q->tier), _(tier_label(q->tier)), requirement_specifics(r, q));
}

void profile_compare_view(struct request *r, const struct profile *a, const char *a_label, const struct profile *b,
			  const char *b_label)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data compare\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Requirements compared"), a_label, b_label, _("Change"));
	for (size_t i = 0; i < a->nrequirements; i++) {
		const struct requirement *qa = &a->requirements[i];
		const struct requirement *qb = find_requirement(b, qa->id);
		const char *change = !qb ? _("removed") : requirement_same(qa, qb) ? "" : _("changed");
		html_printf(o, "<tr class=\"%s\">", !qb ? "removed" : *change ? "changed" : "same");
		compare_cell(r, qa);
		compare_cell(r, qb);
		html_printf(o, "<td>%s</td></tr>", change);
	}
	for (size_t i = 0; i < b->nrequirements; i++) {
		if (find_requirement(a, b->requirements[i].id))
			continue;
		html_raw(o, "<tr class=\"added\">");
		compare_cell(r, NULL);
		compare_cell(r, &b->requirements[i]);
		html_printf(o, "<td>%s</td></tr>", _("added"));
	}
	html_raw(o, "</tbody></table></div>");
	if (strcmp(a->challenges, b->challenges) != 0)
		html_printf(o, "<p><strong>%s</strong></p><div class=\"compare-text\"><div>%s</div><div>%s</div></div>",
			    _("The known challenges were changed."), a->challenges, b->challenges);
}
