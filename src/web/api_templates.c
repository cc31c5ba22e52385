/*
 * api_templates.c — /api/v1/templates: the role templates (R-ROLE-1), the
 * built-in ones embedded from data/templates/ and the copies admins stored.
 * A stored template with the key of a built-in one overrides it; the
 * built-in stays restorable because it is data in the binary. Loading goes
 * through template_source.c, the same code the pages use.
 */
#include <stdlib.h>
#include <string.h>

#include "util/log.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"
#include "web/template_source.h"

static bool is_builtin_key(const char *key)
{
	for (size_t i = 0; i < builtin_template_count(); i++)
		if (strcmp(BUILTIN_TEMPLATE_KEYS[i], key) == 0)
			return true;
	return false;
}

void api_templates_list(struct request *r)
{
	struct template_choice *c;
	size_t n = template_choices(r, &c);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct role_template t = { 0 };
		if (!template_load(r, c[i].key, &t))
			continue;
		bool builtin = is_builtin_key(t.key);
		json_t *name = json_string(c[i].name);
		json_array_append_new(arr, json_pack("{s:s, s:o, s:b, s:b, s:I, s:I}", "key", t.key, "name",
						     name ? name : json_null(), "builtin", builtin, "customised",
						     builtin && !c[i].builtin, "competencies",
						     (json_int_t)t.ncompetencies, "requirements",
						     (json_int_t)t.nrequirements));
		role_template_free(&t);
	}
	api_json(r, 200, json_pack("{s:o}", "templates", arr));
}

void api_template_get(struct request *r)
{
	struct role_template t = { 0 };
	if (!template_load(r, r->path_key, &t)) {
		page_error(r, 404, _("There is no role template with this key."));
		return;
	}
	char *text = role_template_to_json(&t);
	role_template_free(&t);
	json_t *doc = text ? json_loads(text, 0, NULL) : NULL;
	free(text);
	if (!doc) {
		log_error("role template %s cannot be written as JSON", r->path_key);
		page_error(r, 500, NULL);
		return;
	}
	api_json(r, 200, doc);
}
