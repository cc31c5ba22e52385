/*
 * page_check_preview.c — the profile checks as you type: the forms of the
 * goals, requirements and basics pages send their unsaved content here
 * (app.js, after a short pause in typing); the answer is the checks panel as
 * it would look if the form were saved. Nothing is stored.
 */
#include <string.h>

#include "store/profiles.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"
#include "web/position_form.h"
#include "web/profile_input.h"
#include "web/profile_view.h"
#include "util/xalloc.h"

/* Puts the unsaved item into the loaded draft: replaces the row with the
 * same id, or appends it (id -1) for a new one. */
static void apply_goal(struct request *r, struct profile *p, int64_t id)
{
	struct form_errors fe = { 0 };
	size_t i = 0;
	while (i < p->ngoals && p->goals[i].id != id)
		i++;
	if (i == p->ngoals) {
		p->goals = xrealloc(p->goals, (p->ngoals + 1) * sizeof *p->goals);
		memset(&p->goals[i], 0, sizeof p->goals[i]);
		p->goals[i].id = -1;
		p->ngoals++;
	}
	goal_read_form(r, &p->goals[i], &fe);
}

static void apply_requirement(struct request *r, struct profile *p, int64_t id)
{
	struct form_errors fe = { 0 };
	size_t i = 0;
	while (i < p->nrequirements && p->requirements[i].id != id)
		i++;
	if (i == p->nrequirements) {
		p->requirements = xrealloc(p->requirements, (p->nrequirements + 1) * sizeof *p->requirements);
		memset(&p->requirements[i], 0, sizeof p->requirements[i]);
		p->requirements[i].id = -1;
		p->nrequirements++;
	}
	requirement_read_form(r, &p->requirements[i], &fe);
}

void page_check_preview(struct request *r)
{
	struct position pos;
	struct profile p = { 0 };
	if (!position_load_from_path(r, &pos))
		return;
	if (store_profile_load(r->store, pos.id, &p) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	const char *item = req_form(r, "preview_item");
	long long id = 0;
	str_to_int64(req_form(r, "preview_id"), 0, INT64_MAX, &id);
	if (str_eq(item, "goal")) {
		apply_goal(r, &p, id);
	} else if (str_eq(item, "requirement")) {
		apply_requirement(r, &p, id);
	} else if (str_eq(item, "position")) {
		const char *ch = req_form(r, "challenges");
		if (ch)
			str_copy(p.challenges, sizeof p.challenges, ch);
	}
	size_t nf;
	struct finding *f = profile_run_checks(r, &p, &nf);
	r->content_type_out = "text/html; charset=utf-8";
	profile_checks_panel(r, f, nf);
	profile_free(&p);
}
