/*
 * api_timeline.h — GET /api/v1/positions/{id}/timeline (R-TIME-1..3): the
 * hiring plan of a position with best and worst dates per phase, the
 * factors, the actual phases, the forecast, the status and the public
 * holidays skipped — the same numbers as the timeline page. See
 * docs/api.md.
 */
#ifndef STELLWERK_WEB_API_TIMELINE_H
#define STELLWERK_WEB_API_TIMELINE_H

#include "web/request.h"

void api_position_timeline(struct request *r);

#endif
