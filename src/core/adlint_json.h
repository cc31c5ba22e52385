/*
 * adlint_json.h — a lint result as JSON, the one shape that both
 * `stellwerk lint-ad --format json` and POST /api/v1/lint answer with.
 */
#ifndef STELLWERK_CORE_ADLINT_JSON_H
#define STELLWERK_CORE_ADLINT_JSON_H

#include <jansson.h>

#include "core/adlint.h"

/* {"lang", "score", "summary", "readability", "findings": [{"rule",
 * "severity", "line", "column", "end_line", "end_column", "message",
 * "suggestion", "replacement"}, …]}; a new reference the caller
 * json_decref()s. */
json_t *adlint_result_json(const struct adlint_result *r);

#endif
