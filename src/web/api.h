/*
 * api.h — JSON responses for /api/v1/: bodies via jansson, and errors as
 * RFC 9457 problem documents (application/problem+json) that name the
 * offending fields in an "errors" array of {"pointer", "detail"}.
 */
#ifndef STELLWERK_WEB_API_H
#define STELLWERK_WEB_API_H

#include <jansson.h>

#include "web/layout.h"
#include "web/request.h"

/* Sends body (reference stolen) with status. */
void api_json(struct request *r, int status, json_t *body);
void api_problem(struct request *r, int status, const char *title, const char *detail, const struct form_errors *fe);
/* Parses the request body as a JSON object; on failure answers 400/415 and returns NULL. */
json_t *api_read_object(struct request *r);
json_t *api_user_json(const struct user *u);

#endif
