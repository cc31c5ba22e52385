/*
 * stages.c — a position's own pipeline configuration (R-CAND-2); see
 * stages.h.
 *
 * The configuration is the set of rows of position_stages (migration 5); a
 * position without rows uses the default stages of core/pipeline.h. A new
 * configuration replaces the old one as a whole, after pipeline_validate and
 * after checking that no application of the position would be left in a
 * stage that no longer exists.
 */
#include "store/stages.h"

#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"

/* STORE_OK when the position exists, else STORE_NOT_FOUND (or an error). */
static enum store_rc position_exists(struct store *s, int64_t position_id)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", position_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	return rc;
}

/* Reads the stored rows of a position into out; *n is 0 without any. */
static enum store_rc stages_load(struct store *s, int64_t position_id, struct stage *out, size_t *n)
{
	struct db_stmt st;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	char kind[16];
	*n = 0;
	db_prepare(s, &st,
		   "SELECT code, label, kind, ord FROM position_stages WHERE position_id = :id ORDER BY ord, code");
	db_bind_int64(&st, ":id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		if (*n == PIPELINE_MAX_STAGES)
			continue;
		struct stage *g = &out[(*n)++];
		memset(g, 0, sizeof *g);
		db_column_text_copy(&st, 0, g->code, sizeof g->code);
		db_column_text_copy(&st, 1, g->label, sizeof g->label);
		db_column_text_copy(&st, 2, kind, sizeof kind);
		if (!stage_kind_parse(kind, &g->kind))
			g->kind = STAGE_ACTIVE;
		g->order = (int)db_column_int64(&st, 3);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc == STORE_OK)
		pipeline_sort(out, *n);
	return rc;
}

enum store_rc store_stages_get(struct store *s, int64_t position_id, struct stage *out, size_t *n, bool *custom)
{
	enum store_rc rc;
	*n = 0;
	if (custom)
		*custom = false;
	if ((rc = position_exists(s, position_id)) != STORE_OK)
		return rc;
	if ((rc = stages_load(s, position_id, out, n)) != STORE_OK)
		return rc;
	if (*n > 0) {
		if (custom)
			*custom = true;
		return STORE_OK;
	}
	*n = pipeline_default_stages(out, PIPELINE_MAX_STAGES);
	return STORE_OK;
}

/* STORE_INVALID when an application of the position is in a stage that is
 * not among stages[0..n). */
static enum store_rc stages_cover_applications(struct store *s, int64_t position_id, const struct stage *stages,
					       size_t n)
{
	struct db_stmt st;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	char code[STAGE_CODE_MAX];
	db_prepare(s, &st, "SELECT DISTINCT stage FROM applications WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		if (!db_column_text_copy(&st, 0, code, sizeof code) || !pipeline_find(stages, n, code)) {
			rc = STORE_INVALID;
			break;
		}
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

/* Whether two sorted configurations are the same. */
static bool stages_equal(const struct stage *a, size_t na, const struct stage *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i].code, b[i].code) != 0 || strcmp(a[i].label, b[i].label) != 0 || a[i].kind != b[i].kind ||
		    a[i].order != b[i].order)
			return false;
	return true;
}

/* "code=label, ..." of a configuration, for the audit row. */
static void stages_describe(const struct stage *stages, size_t n, struct buf *b)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s%s=%s(%s)", i ? ", " : "", stages[i].code, stages[i].label,
			   stage_kind_code(stages[i].kind));
}

/* Writes the audit row of a change from old[0..nold) to new[0..nnew). */
static enum store_rc stages_audit(struct store *s, const struct actor *who, int64_t position_id, const char *action,
				  const struct stage *old, size_t nold, const struct stage *new, size_t nnew,
				  int64_t now)
{
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	stages_describe(old, nold, &a);
	stages_describe(new, nnew, &b);
	json_t *changes = json_object();
	audit_change_text(changes, "stages", buf_cstr(&a), buf_cstr(&b));
	enum store_rc rc = store_audit_json(s, who, "position", position_id, action, changes, now);
	json_decref(changes);
	buf_free(&a);
	buf_free(&b);
	return rc;
}

enum store_rc store_stages_set(struct store *s, const struct actor *who, int64_t position_id,
			       const struct stage *stages, size_t n, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct field_problem problem[1];
	struct stage old[PIPELINE_MAX_STAGES], sorted[PIPELINE_MAX_STAGES];
	size_t nold = 0;
	bool custom = false;
	enum store_rc rc;

	if (n == 0 || n > PIPELINE_MAX_STAGES || pipeline_validate(stages, n, problem, 1) > 0)
		return STORE_INVALID;
	for (size_t i = 0; i < n; i++)
		if (!utf8_valid(stages[i].label, strnlen(stages[i].label, sizeof stages[i].label)) ||
		    strnlen(stages[i].label, sizeof stages[i].label) == sizeof stages[i].label)
			return STORE_INVALID;
	memcpy(sorted, stages, n * sizeof *stages);
	pipeline_sort(sorted, n);

	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_stages_get(s, position_id, old, &nold, &custom)) != STORE_OK)
		goto cleanup;
	if (custom && stages_equal(old, nold, sorted, n))
		goto cleanup; /* no change, nothing written */
	if ((rc = stages_cover_applications(s, position_id, sorted, n)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM position_stages WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	for (size_t i = 0; i < n; i++) {
		db_prepare(s, &st,
			   "INSERT INTO position_stages (position_id, code, label, kind, ord)"
			   " VALUES (:position_id, :code, :label, :kind, :ord)");
		db_bind_int64(&st, ":position_id", position_id);
		db_bind_text(&st, ":code", sorted[i].code);
		db_bind_text(&st, ":label", sorted[i].label);
		db_bind_text(&st, ":kind", stage_kind_code(sorted[i].kind));
		db_bind_int64(&st, ":ord", sorted[i].order);
		if ((rc = db_run(&st)) != STORE_OK)
			goto cleanup;
	}
	rc = stages_audit(s, who, position_id, "set_stages", old, nold, sorted, n, now);
cleanup:
	/* a constraint the validation should have caught is still bad input */
	if (rc == STORE_CONFLICT)
		rc = STORE_INVALID;
	return db_write_end(s, &w, rc);
}

enum store_rc store_stages_reset(struct store *s, const struct actor *who, int64_t position_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stage old[PIPELINE_MAX_STAGES], defaults[PIPELINE_MAX_STAGES];
	size_t nold = 0, ndefaults = pipeline_default_stages(defaults, PIPELINE_MAX_STAGES);
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = position_exists(s, position_id)) != STORE_OK)
		goto cleanup;
	if ((rc = stages_load(s, position_id, old, &nold)) != STORE_OK || nold == 0)
		goto cleanup;
	if ((rc = stages_cover_applications(s, position_id, defaults, ndefaults)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM position_stages WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	rc = stages_audit(s, who, position_id, "reset_stages", old, nold, defaults, ndefaults, now);
cleanup:
	return db_write_end(s, &w, rc);
}
