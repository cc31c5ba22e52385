/*
 * position_form.h — reading a position from a submitted HTML form or a JSON
 * body, and rendering its form. Shared by the wizard, the edit page and the
 * API, so all of them accept and refuse the same input (R-X-6).
 */
#ifndef STELLWERK_WEB_POSITION_FORM_H
#define STELLWERK_WEB_POSITION_FORM_H

#include <jansson.h>

#include "core/position.h"
#include "store/users.h"
#include "web/layout.h"
#include "web/request.h"

/* Choices offered by the form's select boxes. */
struct position_form_choices {
	const struct organisation *organisations;
	size_t norganisations;
	const struct user *users;
	size_t nusers;
	const char *const *template_keys;     /* NULL when the template is fixed (editing) */
	const char *const *template_names;
	size_t ntemplates;
};

/* Overwrites the fields present in the form on p; records unparsable and
 * invalid values in fe (core/position_validate runs last). */
void position_read_form(struct request *r, struct position *p, struct form_errors *fe);
/* The same for a JSON object (PATCH semantics: absent members keep p's value). */
void position_read_json(struct request *r, json_t *obj, struct position *p, struct form_errors *fe);
json_t *position_to_json(const struct position *p);

/* The fields of the form (without <form> and buttons). */
void position_form_fields(struct request *r, const struct position *p, const struct form_errors *fe,
			  const struct position_form_choices *choices);

#endif
