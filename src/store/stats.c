/*
 * stats.c — counts for overview pages; see stats.h.
 */
#include "store/stats.h"

#include "core/pipeline.h"
#include "store/db.h"

enum store_rc store_stats_applications_in_process(struct store *s, int64_t *n)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;

	*n = 0;
	db_prepare(s, &st,
		   "SELECT count(*) FROM applications a WHERE CASE"
		   " WHEN EXISTS (SELECT 1 FROM position_stages p WHERE p.position_id = a.position_id)"
		   " THEN EXISTS (SELECT 1 FROM position_stages p WHERE p.position_id = a.position_id"
		   " AND p.code = a.stage AND p.kind = 'active')"
		   " ELSE a.stage NOT IN (:hired, :rejected, :withdrawn) END");
	db_bind_text(&st, ":hired", STAGE_CODE_HIRED);
	db_bind_text(&st, ":rejected", STAGE_CODE_REJECTED);
	db_bind_text(&st, ":withdrawn", STAGE_CODE_WITHDRAWN);
	if (db_step(&st) == DB_ROW)
		*n = db_column_int64(&st, 0);
	else
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}
