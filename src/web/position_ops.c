/*
 * position_ops.c — shared position operations; see position_ops.h.
 */
#include "web/position_ops.h"

#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/str.h"
#include "web/template_source.h"

enum op_result position_create_from_template(struct request *r, struct position *p, struct form_errors *fe)
{
	struct organisation org;
	if (store_organisation_get(r->store, p->organisation_id, &org) != STORE_OK) {
		form_error(fe, "organisation_id", _("Please choose the hiring company."));
		return OP_INVALID;
	}
	struct role_template t = { 0 };
	bool have_template = p->template_key[0] != '\0';
	if (have_template && !template_load(r, p->template_key, &t)) {
		form_error(fe, "template_key", _("Please choose one of the offered role templates."));
		return OP_INVALID;
	}
	int lang = template_lang(r);
	if (have_template && !p->challenges[0])
		str_copy(p->challenges, sizeof p->challenges, t.challenges[lang]);
	struct actor a = req_actor(r);
	enum op_result res = OP_FAILED;
	if (store_begin(r->store) != STORE_OK)
		goto done;
	if (store_position_create(r->store, &a, p, r->now) != STORE_OK)
		goto rollback;
	for (size_t i = 0; have_template && i < t.nrequirements; i++) {
		struct requirement q = role_template_requirement(&t.requirements[i], lang);
		if (store_requirement_add(r->store, &a, p->id, &q, r->now) != STORE_OK)
			goto rollback;
	}
	if (store_commit(r->store) != STORE_OK)
		goto rollback;
	res = OP_OK;
	goto done;
rollback:
	store_rollback(r->store);
done:
	role_template_free(&t);
	return res;
}
