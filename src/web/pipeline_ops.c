/*
 * pipeline_ops.c — stages, labels and stage moves shared by the board, the
 * stages page and the API; see pipeline_ops.h.
 */
#include "web/pipeline_ops.h"

#include <string.h>

#include "store/stages.h"
#include "util/i18n.h"
#include "util/str.h"

enum store_rc pipeline_stages_load(struct request *r, int64_t position_id, struct stage *out, size_t *n,
				   bool *custom)
{
	*n = 0;
	return store_stages_get(r->store, position_id, out, n, custom);
}

bool stage_default_label(const char *code, char *out, size_t n)
{
	struct stage defaults[PIPELINE_DEFAULT_COUNT];
	size_t count = pipeline_default_stages(defaults, PIPELINE_DEFAULT_COUNT);
	const struct stage *d = pipeline_find(defaults, count, code);
	if (!d)
		return false;
	return str_copy(out, n, d->label);
}

bool stage_label_is_default(const struct stage *st)
{
	char def[STAGE_LABEL_MAX];
	return stage_default_label(st->code, def, sizeof def) && strcmp(def, st->label) == 0;
}

const char *stage_label_shown(const struct stage *st)
{
	return stage_label_is_default(st) ? _(st->label) : st->label;
}

const char *stage_label_for_code(const struct stage *stages, size_t n, const char *code)
{
	const struct stage *st = pipeline_find(stages, n, code);
	return st ? stage_label_shown(st) : code;
}

enum informed_answer informed_parse(const char *value)
{
	if (value && strcmp(value, "yes") == 0)
		return INFORMED_YES;
	if (value && strcmp(value, "no") == 0)
		return INFORMED_NO;
	return INFORMED_UNANSWERED;
}

enum store_rc pipeline_move_apply(struct request *r, const struct application *a, const char *to,
				  const struct move_input *in, enum move_check *check)
{
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t n = 0;
	*check = MOVE_OK;
	enum store_rc rc = pipeline_stages_load(r, a->position_id, stages, &n, NULL);
	if (rc != STORE_OK)
		return rc == STORE_NOT_FOUND ? STORE_ERROR : rc;  /* an application always has its position */
	*check = pipeline_check_move(stages, n, a->stage, to, in);
	if (*check != MOVE_OK)
		return STORE_INVALID;
	struct actor who = req_actor(r);
	return store_application_move(r->store, &who, a->id, to, in, r->now);
}
