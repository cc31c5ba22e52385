/*
 * api_interviews.h — the JSON API of step 5: the question bank (built-in
 * and users' own questions, R-INT-1), the sales exercise library
 * (R-SALES-1), a position's interview plan with rounds, interviewers, focus
 * and versioned kits (R-INT-2..4, R-GUARD-4), interviews of applications,
 * scorecards under the independence rule (R-INT-5), the evaluation matrix
 * (R-EVAL-1..3) and the hire/reject decision (R-EVAL-4, R-GUARD-5).
 *
 * The router checks the route's action first; the handlers add the rules
 * that need data: an interviewer reaches only interviews they are assigned
 * to and only scorecards the store's visibility rule lets them see —
 * everything else answers 404, as if it did not exist. See docs/api.md.
 */
#ifndef STELLWERK_WEB_API_INTERVIEWS_H
#define STELLWERK_WEB_API_INTERVIEWS_H

#include "web/request.h"

void api_questions_list(struct request *r);
void api_questions_create(struct request *r);
void api_question_get(struct request *r);
void api_exercises_list(struct request *r);

void api_interview_plan_get(struct request *r);
void api_interview_plan_put(struct request *r);

void api_interviews_create(struct request *r);
void api_interview_get(struct request *r);

void api_scorecards_list(struct request *r);
void api_scorecard_get(struct request *r);
void api_scorecards_open(struct request *r);
void api_scorecard_save(struct request *r);
void api_scorecard_submit(struct request *r);

void api_evaluation_get(struct request *r);

void api_decision_create(struct request *r);
void api_decisions_list(struct request *r);

#endif
