/*
 * templates.h — role templates that admins created or edited (R-ROLE-1). The
 * built-in templates are embedded data; a stored copy records the built-in
 * it started from, so the original stays restorable. The store keeps each
 * template as JSON text and does not interpret it beyond checking that it
 * parses: its shape belongs to the template module in core/.
 */
#ifndef STELLWERK_STORE_TEMPLATES_H
#define STELLWERK_STORE_TEMPLATES_H

#include "core/role_template.h"
#include "store/store.h"

struct stored_template {
	int64_t id;
	char key[TEMPLATE_KEY_MAX];          /* unique, e.g. "kam" or "kam-vertrieb-nord" */
	char builtin_key[TEMPLATE_KEY_MAX];  /* built-in it was copied from, "" if none */
	char *json;                          /* the template, malloc'd: stored_template_clear */
	int64_t updated_at;
	int64_t updated_by;                  /* user id, 0 for the command line */
};

/* Frees t->json and empties t. */
void stored_template_clear(struct stored_template *t);
/* Clears every element of list[0..n) and frees list. */
void stored_template_list_free(struct stored_template *list, size_t n);

/* Every stored template ordered by key; free with stored_template_list_free. */
enum store_rc store_template_list(struct store *s, struct stored_template **out, size_t *n);
/* The template `key`; free with stored_template_clear. */
enum store_rc store_template_get(struct store *s, const char *key, struct stored_template *out);
/* Inserts template `key`, or replaces its JSON and builtin_key (NULL or "" for
 * none) when it exists. STORE_INVALID when json does not parse as a JSON
 * object or key is empty or longer than TEMPLATE_KEY_MAX - 1. */
enum store_rc store_template_save(struct store *s, const struct actor *who, const char *key, const char *json,
				  const char *builtin_key, int64_t now);
/* STORE_NOT_FOUND when there is no template `key`. */
enum store_rc store_template_delete(struct store *s, const struct actor *who, const char *key, int64_t now);

#endif
