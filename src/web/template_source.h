/*
 * template_source.h — where role templates come from (R-ROLE-1): an
 * administrator's copy in the store wins over the built-in template of the
 * same key embedded from data/templates/, which always stays restorable.
 */
#ifndef STELLWERK_WEB_TEMPLATE_SOURCE_H
#define STELLWERK_WEB_TEMPLATE_SOURCE_H

#include "core/role_template.h"
#include "web/request.h"

struct template_choice {
	char key[TEMPLATE_KEY_MAX];
	char name[120];          /* in the request's language */
	bool builtin;            /* no stored copy overrides it */
};

/* Loads template `key`; false when there is none or it does not parse (logged). */
bool template_load(struct request *r, const char *key, struct role_template *out);
/* Built-ins in display order, then stored templates that are not built-in;
 * the array lives in the request's arena. */
size_t template_choices(struct request *r, struct template_choice **out);
/* Index into the template text arrays for the request's language. */
int template_lang(const struct request *r);

#endif
