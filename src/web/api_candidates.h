/*
 * api_candidates.h — the JSON API of step 4: candidates (R-CAND-1) with
 * search (R-CAND-3) and duplicate detection (R-CAND-5), applications and
 * their stage moves on a position's board (R-CAND-2), the channel catalogue
 * (R-CHAN-1) and the channel report of a position (R-CHAN-4). The handlers
 * live in api_candidates.c; the router checks permissions before any of
 * them runs (until step 5 assigns candidates to interviewers, only
 * recruiter and above may read or change them).
 */
#ifndef STELLWERK_WEB_API_CANDIDATES_H
#define STELLWERK_WEB_API_CANDIDATES_H

#include "web/request.h"

void api_candidates_list(struct request *r);
void api_candidates_create(struct request *r);
void api_candidate_get(struct request *r);
void api_candidate_update(struct request *r);

void api_applications_board(struct request *r);
void api_applications_create(struct request *r);
void api_application_get(struct request *r);
void api_application_move(struct request *r);

void api_channels_list(struct request *r);
void api_channel_report(struct request *r);

#endif
