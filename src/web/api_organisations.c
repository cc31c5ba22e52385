/*
 * api_organisations.c — /api/v1/organisations: the hiring companies a
 * position belongs to (list, create, read, change). Input is read by
 * profile_input.c, the same code the organisation pages use.
 */
#include <stdlib.h>

#include "store/organisations.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"
#include "web/profile_input.h"

void api_organisations_list(struct request *r)
{
	struct organisation *list = NULL;
	size_t n = 0;
	enum store_rc rc = store_organisation_list(r->store, &list, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, organisation_to_json(&list[i]));
	free(list);
	api_json(r, 200, json_pack("{s:o}", "organisations", arr));
}

void api_organisations_create(struct request *r)
{
	struct organisation o = { .country = "DE" };
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	enum store_rc rc;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	organisation_read_json(r, body, &o, &fe);
	json_decref(body);
	if (fe.n) {
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
		return;
	}
	if ((rc = store_organisation_create(r->store, &who, &o, r->now)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/organisations/%lld", (long long)o.id));
	api_json(r, 201, organisation_to_json(&o));
}

/* Loads the organisation of the path; answers 404 when there is none. */
static bool organisation_load(struct request *r, struct organisation *o)
{
	enum store_rc rc = store_organisation_get(r->store, req_path_arg(r, 0), o);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such organisation."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

void api_organisation_get(struct request *r)
{
	struct organisation o;
	if (organisation_load(r, &o))
		api_json(r, 200, organisation_to_json(&o));
}

void api_organisation_update(struct request *r)
{
	struct organisation o;
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!organisation_load(r, &o))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	organisation_read_json(r, body, &o, &fe);
	json_decref(body);
	if (fe.n) {
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
		return;
	}
	enum store_rc rc = store_organisation_update(r->store, &who, &o, r->now);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such organisation."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	else
		api_json(r, 200, organisation_to_json(&o));
}
