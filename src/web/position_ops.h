/*
 * position_ops.h — operations on positions that the HTML pages and the
 * JSON API share, each one unit of work in the store.
 */
#ifndef STELLWERK_WEB_POSITION_OPS_H
#define STELLWERK_WEB_POSITION_OPS_H

#include "core/position.h"
#include "web/layout.h"
#include "web/request.h"

enum op_result { OP_OK, OP_INVALID, OP_FAILED };

/* Creates p (already validated) as a draft: checks that its organisation
 * exists, and when p->template_key names a template, copies the template's
 * requirements and — if p has none — its challenges text in the request's
 * language. On OP_INVALID fe names the field; nothing is stored. */
enum op_result position_create_from_template(struct request *r, struct position *p, struct form_errors *fe);

#endif
