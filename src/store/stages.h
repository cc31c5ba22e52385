/*
 * stages.h — the pipeline of a position as stored (R-CAND-2): renamed and
 * reordered stages and extra active stages. A position without its own
 * configuration uses pipeline_default_stages (core/pipeline.h) with the
 * default labels (English msgids the web layer translates; a stored custom
 * label is shown as typed).
 */
#ifndef STELLWERK_STORE_STAGES_H
#define STELLWERK_STORE_STAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/pipeline.h"
#include "store/store.h"

/* The stages of a position in board order (pipeline_sort), at most
 * PIPELINE_MAX_STAGES into out; *n how many; *custom whether the position
 * has its own configuration (may be NULL). STORE_NOT_FOUND for no such
 * position. */
enum store_rc store_stages_get(struct store *s, int64_t position_id, struct stage *out, size_t *n, bool *custom);

/* Replaces the position's configuration in one unit of work with an audit
 * row; the same configuration again writes nothing. STORE_INVALID when
 * pipeline_validate reports a problem, a label is not UTF-8, or when a
 * stage that applications of this position are in would disappear.
 * STORE_NOT_FOUND for no such position. */
enum store_rc store_stages_set(struct store *s, const struct actor *who, int64_t position_id,
			       const struct stage *stages, size_t n, int64_t now);

/* Drops the position's configuration (back to the defaults); STORE_INVALID
 * when an application is in a stage the defaults lack. A position without
 * its own configuration is left as it is (no audit row). */
enum store_rc store_stages_reset(struct store *s, const struct actor *who, int64_t position_id, int64_t now);

#endif
