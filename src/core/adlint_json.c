/*
 * adlint_json.c — a lint result as JSON for the CLI and the API; see
 * adlint_json.h.
 */
#include "core/adlint_json.h"

json_t *adlint_result_json(const struct adlint_result *r)
{
	json_t *findings = json_array();

	for (size_t i = 0; i < r->nfindings; i++) {
		const struct adlint_finding *f = &r->findings[i];
		json_array_append_new(findings,
				      json_pack("{s:s, s:s, s:i, s:i, s:i, s:i, s:s, s:s, s:s}", "rule", f->rule,
						"severity", adlint_severity_code(f->severity), "line", f->line, "column",
						f->column, "end_line", f->end_line, "end_column", f->end_column,
						"message", f->message, "suggestion", f->suggestion, "replacement",
						f->replacement));
	}
	return json_pack("{s:s, s:i, s:s, s:f, s:o}", "lang", adlint_lang_code(r->lang), "score", r->score, "summary",
			 r->summary, "readability", r->readability, "findings", findings);
}
