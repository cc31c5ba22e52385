/*
 * api.c — JSON helpers shared by the API handlers; see api.h.
 */
#include "web/api.h"

#include <string.h>
#include <strings.h>

#include "core/roles.h"

void api_json(struct request *r, int status, json_t *body)
{
	char *text = json_dumps(body, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(body);
	buf_reset(&r->out);
	if (text) {
		buf_puts(&r->out, text);
		buf_putc(&r->out, '\n');
		free(text);
	}
	r->status = status;
	r->content_type_out = "application/json";
}

void api_problem(struct request *r, int status, const char *title, const char *detail, const struct form_errors *fe)
{
	json_t *p = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank", "title", title, "status", status,
			      "detail", detail ? detail : title);
	if (fe && fe->n > 0) {
		json_t *errors = json_array();
		for (int i = 0; i < fe->n; i++) {
			char pointer[80];
			snprintf(pointer, sizeof pointer, "#/%s", fe->field[i]);
			json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer", pointer, "detail", fe->message[i]));
		}
		json_object_set_new(p, "errors", errors);
	}
	api_json(r, status, p);
	r->content_type_out = "application/problem+json";
}

json_t *api_read_object(struct request *r)
{
	if (!r->content_type || strncasecmp(r->content_type, "application/json", 16) != 0) {
		api_problem(r, 415, _("Unsupported media type"), _("Send the request body as application/json."), NULL);
		return NULL;
	}
	json_error_t err;
	json_t *obj = json_loadb(r->body.data ? r->body.data : "", r->body.len, JSON_REJECT_DUPLICATES, &err);
	if (!obj || !json_is_object(obj)) {
		char detail[256];
		snprintf(detail, sizeof detail, _("The body is not a JSON object (line %d, column %d: %s)."),
			 obj ? 1 : err.line, obj ? 1 : err.column, obj ? _("not an object") : err.text);
		json_decref(obj);
		api_problem(r, 400, _("Malformed JSON"), detail, NULL);
		return NULL;
	}
	return obj;
}

json_t *api_user_json(const struct user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:b, s:s}", "id", (json_int_t)u->id, "name", u->name, "display_name",
			 u->display_name, "role", role_name(u->role), "disabled", u->disabled, "lang", u->lang);
}
