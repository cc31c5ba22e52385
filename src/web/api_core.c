/*
 * api_core.c — the JSON API of step 1: health check, the current user,
 * users (list, create) and the audit log. Permission and CSRF checks happen
 * in the router; these handlers validate input and name bad fields.
 */
#include <stdlib.h>

#include "store/audit.h"
#include "store/users.h"
#include "util/str.h"
#include "web/api.h"
#include "web/pages.h"
#include "web/user_admin.h"

void api_healthz(struct request *r)
{
	api_json(r, 200, json_pack("{s:s, s:s}", "status", "ok", "version", STELLWERK_VERSION));
}

void api_me(struct request *r)
{
	json_t *u = api_user_json(&r->user);
	json_object_set_new(u, "auth", json_string(r->via_token ? "token" : "session"));
	api_json(r, 200, u);
}

void api_users_list(struct request *r)
{
	struct user *users = NULL;
	size_t n = 0;
	if (store_user_list(r->store, &users, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, api_user_json(&users[i]));
	free(users);
	api_json(r, 200, json_pack("{s:o}", "users", arr));
}

/* A string member, or NULL when absent; a member of another type is an error. */
static const char *string_member(json_t *obj, const char *key, struct form_errors *fe)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		form_error(fe, key, _("must be a string"));
		return NULL;
	}
	return json_string_value(v);
}

void api_users_create(struct request *r)
{
	json_t *body = api_read_object(r);
	if (!body)
		return;
	struct form_errors fe = { 0 };
	struct new_user_input in = { string_member(body, "name", &fe), string_member(body, "display_name", &fe),
				     string_member(body, "role", &fe), string_member(body, "password", &fe) };
	struct user created;
	const char *generated = NULL;
	enum user_admin_result res = fe.n ? USER_ADMIN_INVALID : user_admin_create(r, &in, &created, &generated, &fe);
	if (res == USER_ADMIN_OK) {
		json_t *u = api_user_json(&created);
		if (generated)
			json_object_set_new(u, "password", json_string(generated));
		resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/users/%lld", (long long)created.id));
		api_json(r, 201, u);
	} else if (res == USER_ADMIN_INVALID) {
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
	} else {
		page_error(r, 500, NULL);
	}
	json_decref(body);
}

void api_audit_list(struct request *r)
{
	long long limit = 50, offset = 0;
	const char *l = req_query(r, "limit"), *o = req_query(r, "offset");
	struct form_errors fe = { 0 };
	if (l && !str_to_int64(l, 1, 500, &limit))
		form_error(&fe, "limit", _("must be a whole number from 1 to 500"));
	if (o && !str_to_int64(o, 0, 100000000, &offset))
		form_error(&fe, "offset", _("must be a whole number of at least 0"));
	if (fe.n) {
		api_problem(r, 400, _("Invalid query parameter"), fe.message[0], &fe);
		return;
	}
	struct audit_entry *rows = NULL;
	size_t n = 0;
	if (store_audit_list(r->store, (int)limit, (int)offset, &rows, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *changes = json_loads(rows[i].changes, 0, NULL);
		json_array_append_new(arr, json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:I, s:s, s:o}", "id", (json_int_t)rows[i].id,
						     "at", (json_int_t)rows[i].at, "user_id", (json_int_t)rows[i].user_id,
						     "actor", rows[i].actor, "ip", rows[i].ip, "entity", rows[i].entity,
						     "entity_id", (json_int_t)rows[i].entity_id, "action", rows[i].action,
						     "changes", changes ? changes : json_null()));
	}
	free(rows);
	api_json(r, 200, json_pack("{s:o}", "entries", arr));
}
