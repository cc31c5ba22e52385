/*
 * pipeline_ops.h — what the board page (page_board.c), the stages page
 * (page_stages.c) and the JSON API (api_candidates.c) share about a
 * position's pipeline (R-CAND-2): loading its stages, the label a user sees
 * for a stage, and checking and storing a stage move with the same rules
 * everywhere (pipeline_check_move, then store_application_move).
 */
#ifndef STELLWERK_WEB_PIPELINE_OPS_H
#define STELLWERK_WEB_PIPELINE_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/pipeline.h"
#include "store/applications.h"
#include "web/request.h"

/* The stages of the position in board order (store_stages_get) into out,
 * which holds PIPELINE_MAX_STAGES; *custom (may be NULL) whether the
 * position has its own configuration. */
enum store_rc pipeline_stages_load(struct request *r, int64_t position_id, struct stage *out, size_t *n,
				   bool *custom);

/* Copies the default label (English msgid) of the default stage with this
 * code into out; false for a code that is not a default stage. */
bool stage_default_label(const char *code, char *out, size_t n);
/* Whether st carries the default label of its code (so it is translated). */
bool stage_label_is_default(const struct stage *st);

/* What a user sees for stage st: a label equal to its default msgid is
 * translated into the request's language, any other label is shown as
 * typed. Never NULL; points into st or the catalog. */
const char *stage_label_shown(const struct stage *st);

/* The label of stage `code` in stages[0..n) as shown, else the code. */
const char *stage_label_for_code(const struct stage *stages, size_t n, const char *code);

/* Parses the "informed" form answer: "yes", "no", else unanswered. */
enum informed_answer informed_parse(const char *value);

/* Checks the move of application a (as loaded) to stage `to` against its
 * position's pipeline and stores it with the request's actor. Returns
 * STORE_OK when moved. When the rules refuse it, returns STORE_INVALID with
 * *check telling why; *check is MOVE_OK for every other outcome (STORE_INVALID
 * then means the store refused the input, e.g. a note that is too long). */
enum store_rc pipeline_move_apply(struct request *r, const struct application *a, const char *to,
				  const struct move_input *in, enum move_check *check);

#endif
