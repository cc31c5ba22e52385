/*
 * api_timeline.c — GET /api/v1/positions/{id}/timeline; see api_timeline.h.
 * The router has checked ACTION_VIEW_POSITIONS; the document is built by
 * web/timeline_ops.c, which the page uses too.
 */
#include "web/api_timeline.h"

#include "web/api.h"
#include "web/api_positions.h"
#include "web/timeline_data.h"
#include "web/timeline_ops.h"

void api_position_timeline(struct request *r)
{
	struct position p;
	struct timeline_facts f;
	struct timeline t;
	if (!api_position_load(r, req_path_arg(r, 0), &p))
		return;
	enum store_rc rc = timeline_facts_load(r, &p, &f);
	if (rc != STORE_OK) {
		timeline_facts_free(&f);
		if (rc == STORE_NOT_FOUND)
			page_error(r, 404, _("There is no such position."));
		else
			api_store_failed(r, rc);
		return;
	}
	timeline_compute(&f, r->now, &t);
	json_t *doc = timeline_json(r, &f, &t);
	timeline_facts_free(&f);
	if (!doc) {
		page_error(r, 500, NULL);
		return;
	}
	api_json(r, 200, doc);
}
