/*
 * api_health.c — GET /api/v1/positions/{id}/health: the process-health
 * findings of a position (R-GUARD-1..3, 6, 7) as JSON, most urgent first,
 * with the message in the request's language and the same rule ids as the
 * page (web/health_ops.h). The router requires ACTION_MANAGE_CANDIDATES.
 * See docs/api.md.
 */
#include <jansson.h>

#include "core/guards.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/health_ops.h"
#include "web/pages.h"

/* A JSON string, or null when jansson refuses the text (not UTF-8). */
static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *jid(int64_t id)
{
	return id > 0 ? json_integer((json_int_t)id) : json_null();
}

static json_t *finding_json(struct request *r, int64_t position_id, const struct health_finding *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "rule", jstr(f->rule));
	json_object_set_new(o, "severity", jstr(guard_severity_code(f->severity)));
	const char *summary = health_message(r, f), *advice = health_advice(f);
	json_object_set_new(o, "message", jstr(arena_printf(&r->arena, "%s%s%s", summary, advice[0] ? " " : "", advice)));
	json_object_set_new(o, "summary", jstr(summary));
	json_object_set_new(o, "candidate", f->candidate_id > 0
						    ? json_pack("{s:I, s:o}", "id", (json_int_t)f->candidate_id, "name",
								jstr(f->candidate_name))
						    : json_null());
	json_object_set_new(o, "application_id", jid(f->application_id));
	json_object_set_new(o, "interview_id", jid(f->interview_id));
	json_object_set_new(o, "interviewer", f->user_id > 0
						      ? json_pack("{s:I, s:o}", "id", (json_int_t)f->user_id, "name",
								  jstr(f->user_name))
						      : json_null());
	json_object_set_new(o, "days", json_integer(f->days));
	json_object_set_new(o, "days_unit", jstr(f->days_unit == GUARD_DAYS_WORKING    ? "working"
						 : f->days_unit == GUARD_DAYS_CALENDAR ? "calendar"
										       : "none"));
	json_object_set_new(o, "fix", json_pack("{s:o, s:o}", "kind", jstr(guard_fix_code(f->fix)), "url",
						jstr(health_fix_url(r, position_id, f))));
	return o;
}

void api_position_health(struct request *r)
{
	struct position p;
	struct position_health h;
	if (!api_position_load(r, req_path_arg(r, 0), &p))
		return;
	enum store_rc rc = health_load(r, p.id, &h);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such position."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *findings = json_array();
	for (size_t i = 0; i < h.n; i++)
		json_array_append_new(findings, finding_json(r, p.id, &h.findings[i]));
	json_t *counts = json_object();
	for (int s = 0; s < GUARD_SEVERITY__COUNT; s++)
		json_object_set_new(counts, guard_severity_code((enum guard_severity)s), json_integer((json_int_t)h.counts[s]));
	api_json(r, 200, json_pack("{s:I, s:o, s:o}", "position_id", (json_int_t)p.id, "counts", counts, "findings", findings));
}
