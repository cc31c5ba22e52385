/*
 * page_position_new.c — the first step of the "Neue Stelle" wizard: pick a
 * role template and the hiring company, enter the basics. Creating the
 * position copies the template's suggested requirements and challenges, then
 * leads on to the strategic goals (R-PROF-1).
 */
#include <stdlib.h>
#include <string.h>

#include "store/organisations.h"
#include "store/positions.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/position_form.h"
#include "web/position_ops.h"
#include "web/template_source.h"

static void render_new(struct request *r, const struct position *p, const struct form_errors *fe)
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
	page_begin(r, _("New position"), NAV_POSITIONS);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/positions\">%s</a> › %s</p><h1>%s</h1></div></div>",
		    _("Positions"), _("New position"), _("New position"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Start with the basics. The role template brings the typical requirements and challenges of the role; "
		      "next you set the strategic goals the position serves."));
	if (norgs == 0) {
		html_printf(o, "<section class=\"empty-state\"><h2>%s</h2><p>%s</p><div class=\"actions\"><a class=\"btn btn-primary\" href=\"/organisations\">%s</a></div></section>",
			    _("First, the hiring company"),
			    _("Every position belongs to a hiring company: its name, address and Bundesland appear in the job ad."),
			    _("Add the hiring company"));
	} else {
		struct template_choice *choices;
		size_t nchoices = template_choices(r, &choices);
		const char **keys = arena_alloc(&r->arena, (nchoices + 1) * sizeof *keys);
		const char **names = arena_alloc(&r->arena, (nchoices + 1) * sizeof *names);
		for (size_t i = 0; i < nchoices; i++) {
			keys[i] = choices[i].key;
			names[i] = choices[i].name;
		}
		struct position_form_choices c = { orgs, norgs, users, nusers, keys, names, nchoices };
		form_error_summary(r, fe);
		html_raw(o, "<form class=\"form card\" method=\"post\" action=\"/positions\" novalidate>");
		csrf_field(r);
		position_form_fields(r, p, fe, &c);
		html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button>"
			       "<a class=\"btn\" href=\"/positions\">%s</a></div></form>",
			    _("Create and continue with the goals"), _("Cancel"));
	}
	free(orgs);
	free(users);
	page_end(r);
}

static void position_defaults(struct request *r, struct position *p)
{
	memset(p, 0, sizeof *p);
	str_copy(p->template_key, sizeof p->template_key, "kam");
	str_copy(p->currency, sizeof p->currency, "EUR");
	p->headcount = 1;
	p->remote = REMOTE_HYBRID;
	p->owner_id = r->user.id;
	p->status = POSITION_DRAFT;
}

void page_position_new(struct request *r)
{
	struct position p;
	position_defaults(r, &p);
	const char *tpl = req_query(r, "template");
	if (tpl)
		str_copy(p.template_key, sizeof p.template_key, tpl);
	render_new(r, &p, NULL);
}

void page_position_create(struct request *r)
{
	struct position p;
	struct form_errors fe = { 0 };
	position_defaults(r, &p);
	position_read_form(r, &p, &fe);
	p.status = POSITION_DRAFT;
	enum op_result res = fe.n ? OP_INVALID : position_create_from_template(r, &p, &fe);
	if (res == OP_FAILED) {
		page_error(r, 500, NULL);
		return;
	}
	if (res == OP_INVALID) {
		r->status = 422;
		render_new(r, &p, &fe);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/goals?done=created", (long long)p.id));
}
