/*
 * ad_ops.h — operations on a position's job ad that the editor pages and
 * the JSON API share: drafting the ad from the newest approved profile
 * (R-AD-1) without silently overwriting manual edits, and linting the ad
 * as one text with the context the position confirms (R-AD-2).
 */
#ifndef STELLWERK_WEB_AD_OPS_H
#define STELLWERK_WEB_AD_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/adlint.h"
#include "core/job_ad.h"
#include "core/position.h"
#include "store/ads.h"
#include "util/buf.h"
#include "web/layout.h"
#include "web/position_ops.h"
#include "web/request.h"

/*
 * Drafts the ad of position_id in lang ("de" or "en"; NULL or anything else
 * = the request's language) from the newest approved profile version and
 * stores it as not edited, generated_from_version = that version; an already
 * published ad keeps its slug and dates. One unit of work in a transaction
 * of its own (the edited check and the save together): call it outside one.
 * OP_INVALID with a message in fe when the position has no approved profile
 * ("profile") or its ad was edited by a person and force is false ("edited":
 * regenerating would replace the manual edits); nothing is stored then.
 * OP_FAILED when the store fails (the position not existing included: the
 * caller loaded it before). On OP_OK *out (may be NULL) holds the stored ad.
 */
enum op_result ad_generate_for_position(struct request *r, int64_t position_id, const char *lang, bool force,
					struct stored_ad *out, struct form_errors *fe);

/*
 * The ad as one text for the linter: the title line, a blank line, then
 * every section with content under its heading on a line of its own (the
 * intro has none), the section text copied line by line unchanged, a blank
 * line between sections. Appends to out (the caller owns it).
 */
void ad_text_for_lint(const struct job_ad *ad, struct buf *out);

/*
 * Where a line of ad_text_for_lint()'s text came from: returns "title" or
 * the section key ("intro", "tasks", …; job_ad_section_key) and sets
 * *field_line to the 1-based line within that field — columns are the same,
 * as the lines are copied unchanged. NULL for headings, blank separator
 * lines and lines past the end (*field_line is then 0).
 */
const char *ad_lint_line_field(const struct job_ad *ad, int line, int *field_line);

/* The linter context of position p (has_salary_range when it stores a salary
 * band), messages in the request's language. */
struct adlint_context ad_lint_context(const struct request *r, const struct position *p);

/*
 * Lints ad (ad_text_for_lint) in the ad's language with the built-in rules
 * and the context of p (may be NULL: nothing confirmed). False, with the
 * reason logged, when the rules cannot be loaded or the stored text is not
 * UTF-8 (a bug: the store keeps UTF-8 only); *out is then empty. On true the
 * caller frees *out with adlint_result_free().
 */
bool ad_lint(struct request *r, const struct stored_ad *ad, const struct position *p, struct adlint_result *out);

#endif
