/*
 * template_source.c — loading role templates from the store or the
 * embedded built-ins; see template_source.h.
 */
#include "web/template_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/templates.h"
#include "util/embedded.h"
#include "util/log.h"
#include "util/str.h"

int template_lang(const struct request *r)
{
	return r->lang == LANG_EN ? TEMPLATE_EN : TEMPLATE_DE;
}

static bool parse_or_log(const char *key, const char *json, size_t len, struct role_template *out)
{
	char err[256];
	if (role_template_parse(json, len, out, err, sizeof err))
		return true;
	log_error("role template %s does not parse: %s", key, err);
	return false;
}

bool template_load(struct request *r, const char *key, struct role_template *out)
{
	struct stored_template st = { 0 };
	if (store_template_get(r->store, key, &st) == STORE_OK) {
		bool ok = parse_or_log(key, st.json, strlen(st.json), out);
		stored_template_clear(&st);
		return ok;
	}
	char path[128];
	snprintf(path, sizeof path, TEMPLATE_DATA_DIR "%s.json", key);
	const struct embedded_file *f = strchr(key, '/') ? NULL : embedded_find(path);
	return f && parse_or_log(key, (const char *)f->data, f->len, out);
}

size_t template_choices(struct request *r, struct template_choice **out)
{
	struct stored_template *stored = NULL;
	size_t nstored = 0;
	if (store_template_list(r->store, &stored, &nstored) != STORE_OK)
		nstored = 0;
	size_t nbuiltin = builtin_template_count();
	struct template_choice *c = arena_alloc(&r->arena, (nbuiltin + nstored + 1) * sizeof *c);
	size_t n = 0;
	int lang = template_lang(r);
	for (size_t i = 0; i < nbuiltin; i++) {
		struct role_template t;
		if (!template_load(r, BUILTIN_TEMPLATE_KEYS[i], &t))
			continue;
		str_copy(c[n].key, sizeof c[n].key, t.key);
		str_copy(c[n].name, sizeof c[n].name, t.name[lang]);
		c[n].builtin = true;
		for (size_t k = 0; k < nstored; k++)
			if (strcmp(stored[k].key, t.key) == 0)
				c[n].builtin = false;
		role_template_free(&t);
		n++;
	}
	for (size_t k = 0; k < nstored; k++) {
		bool is_builtin_key = false;
		for (size_t i = 0; i < nbuiltin; i++)
			is_builtin_key |= strcmp(stored[k].key, BUILTIN_TEMPLATE_KEYS[i]) == 0;
		struct role_template t;
		if (is_builtin_key || !parse_or_log(stored[k].key, stored[k].json, strlen(stored[k].json), &t))
			continue;
		str_copy(c[n].key, sizeof c[n].key, t.key);
		str_copy(c[n].name, sizeof c[n].name, t.name[lang]);
		c[n].builtin = false;
		role_template_free(&t);
		n++;
	}
	stored_template_list_free(stored, nstored);
	*out = c;
	return n;
}
