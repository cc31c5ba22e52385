/*
 * api_positions.c — /api/v1/positions: the positions list with its counts,
 * creating a position from a role template (R-ROLE-1: the template's
 * suggested requirements and challenges are copied into the new draft
 * profile), reading one with its profile and versions, and changing its
 * fields. Also the helpers the other step-2 API files share.
 */
#include <stdlib.h>
#include <string.h>

#include "core/position.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/users.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"
#include "web/position_form.h"
#include "web/position_ops.h"
#include "web/profile_input.h"
#include "web/template_source.h"

/* ---- shared helpers ------------------------------------------------------------------ */

void api_store_failed(struct request *r, enum store_rc rc)
{
	page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
}

bool api_position_load(struct request *r, int64_t id, struct position *out)
{
	enum store_rc rc = store_position_get(r->store, id, out);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such position."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

/* ---- list ------------------------------------------------------------------------------ */

void api_positions_list(struct request *r)
{
	int status = -1;
	const char *q = req_query(r, "status");
	if (q) {
		enum position_status st;
		if (!position_status_parse(q, &st)) {
			struct form_errors fe = { 0 };
			form_error(&fe, "status", _("must be one of draft, open, paused, filled, closed"));
			api_problem(r, 400, _("Invalid query parameter"), fe.message[0], &fe);
			return;
		}
		status = (int)st;
	}
	struct position_summary *rows = NULL;
	size_t n = 0;
	enum store_rc rc = store_position_list(r->store, status, 0, &rows, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = position_to_json(&rows[i].p);
		if (!o)
			continue;
		json_object_set_new(o, "owner_name", json_string(rows[i].owner_name));
		json_object_set_new(o, "organisation_name", json_string(rows[i].organisation_name));
		json_object_set_new(o, "requirement_count", json_integer(rows[i].requirement_count));
		json_object_set_new(o, "must_count", json_integer(rows[i].must_count));
		json_object_set_new(o, "days_open", json_integer((json_int_t)days_between(rows[i].p.opened_at, r->now)));
		json_array_append_new(arr, o);
	}
	free(rows);
	api_json(r, 200, json_pack("{s:o}", "positions", arr));
}

/* ---- read ---------------------------------------------------------------------------------- */

/* {"version", "approved_at", "approved_by", "approver_name"} of one version. */
static json_t *version_info_json(const struct profile_version_info *v)
{
	json_t *o = json_pack("{s:i, s:I, s:I}", "version", v->version, "approved_at", (json_int_t)v->approved_at,
			      "approved_by", (json_int_t)v->approved_by);
	json_t *name = json_string(v->approver_name);
	json_object_set_new(o, "approver_name", name ? name : json_null());
	return o;
}

json_t *api_versions_json(struct request *r, int64_t position_id, enum store_rc *rc)
{
	struct profile_version_info *v = NULL;
	size_t n = 0;
	if ((*rc = store_profile_versions(r->store, position_id, &v, &n)) != STORE_OK)
		return NULL;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, version_info_json(&v[i]));
	free(v);
	return arr;
}

/* Answers with the position, its draft profile, its approved versions and
 * whether the draft changed since the newest of them. */
static void position_answer(struct request *r, int status, const struct position *p)
{
	struct profile prof;
	struct organisation org;
	struct user owner;
	bool changed = true;
	json_t *versions = NULL, *o = NULL, *s;
	enum store_rc rc = store_profile_load(r->store, p->id, &prof);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	if ((versions = api_versions_json(r, p->id, &rc)) == NULL ||
	    (rc = store_profile_draft_changed(r->store, p->id, &changed)) != STORE_OK) {
		api_store_failed(r, rc);
		goto cleanup;
	}
	if (!(o = position_to_json(p))) {
		page_error(r, 500, NULL);
		goto cleanup;
	}
	if (store_organisation_get(r->store, p->organisation_id, &org) == STORE_OK && (s = json_string(org.name)))
		json_object_set_new(o, "organisation_name", s);
	if (p->owner_id && store_user_by_id(r->store, p->owner_id, &owner) == STORE_OK &&
	    (s = json_string(owner.display_name[0] ? owner.display_name : owner.name)))
		json_object_set_new(o, "owner_name", s);
	json_object_set_new(o, "profile", profile_to_json(&prof));
	json_object_set_new(o, "versions", versions);
	versions = NULL;
	json_object_set_new(o, "draft_changed", json_boolean(changed));
	api_json(r, status, o);
cleanup:
	json_decref(versions);
	profile_free(&prof);
}

void api_position_get(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	if (api_position_load(r, req_path_arg(r, 0), p))
		position_answer(r, 200, p);
}

/* ---- create ------------------------------------------------------------------------------ */

/* Records a problem when the organisation p names does not exist. */
static void check_organisation(struct request *r, const struct position *p, struct form_errors *fe)
{
	struct organisation o;
	if (form_error_for(fe, "organisation_id"))
		return;
	if (p->organisation_id == 0) {
		form_error(fe, "organisation_id", _("Please choose the hiring company."));
		return;
	}
	enum store_rc rc = store_organisation_get(r->store, p->organisation_id, &o);
	if (rc == STORE_NOT_FOUND)
		form_error(fe, "organisation_id", _("There is no such organisation."));
	else if (rc != STORE_OK)
		form_error(fe, "organisation_id", _("The organisations cannot be read right now. Please try again."));
}

/* Records a problem when p's owner (if any) is not an active user. */
static void check_owner(struct request *r, const struct position *p, struct form_errors *fe)
{
	struct user u;
	if (form_error_for(fe, "owner_id") || p->owner_id == 0)
		return;
	enum store_rc rc = store_user_by_id(r->store, p->owner_id, &u);
	if (rc == STORE_NOT_FOUND)
		form_error(fe, "owner_id", _("There is no such user."));
	else if (rc != STORE_OK)
		form_error(fe, "owner_id", _("The users cannot be read right now. Please try again."));
	else if (u.disabled)
		form_error(fe, "owner_id", _("This user is disabled."));
}

void api_positions_create(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct form_errors fe = { 0 };
	json_t *body = api_read_object(r);
	if (!body)
		return;
	p->headcount = 1;
	str_copy(p->currency, sizeof p->currency, "EUR");
	p->owner_id = r->user.id;
	p->status = POSITION_DRAFT;
	position_read_json(r, body, p, &fe);
	json_decref(body);
	if (p->status != POSITION_DRAFT && !form_error_for(&fe, "status"))
		form_error(&fe, "status", _("A new position starts as a draft; change its status once it exists."));
	check_organisation(r, p, &fe);
	check_owner(r, p, &fe);
	/* one unit of work: the position with the template's requirements (R-ROLE-1) */
	if (fe.n == 0 && position_create_from_template(r, p, &fe) == OP_FAILED) {
		page_error(r, 500, NULL);
		return;
	}
	if (fe.n) {
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/positions/%lld", (long long)p->id));
	position_answer(r, 201, p);
}

/* ---- change ---------------------------------------------------------------------------------- */

void api_position_update(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct position *old = arena_alloc(&r->arena, sizeof *old);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	*old = *p;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	position_read_json(r, body, p, &fe);
	json_decref(body);
	if (p->organisation_id != old->organisation_id)
		check_organisation(r, p, &fe);
	if (p->owner_id != old->owner_id)
		check_owner(r, p, &fe);
	if (p->template_key[0] && strcmp(p->template_key, old->template_key) != 0 &&
	    !form_error_for(&fe, "template_key")) {
		struct role_template t = { 0 };
		if (!template_load(r, p->template_key, &t))
			form_error(&fe, "template_key", _("Please choose one of the offered role templates."));
		role_template_free(&t);
	}
	if (fe.n) {
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
		return;
	}
	enum store_rc rc = store_position_update(r->store, &who, p, r->now);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such position."));
		return;
	}
	if (rc == STORE_INVALID) {
		form_error(&fe, "organisation_id", _("The organisation or the owner does not exist."));
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
		return;
	}
	if (rc != STORE_OK || (rc = store_position_get(r->store, p->id, p)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, position_to_json(p));
}
