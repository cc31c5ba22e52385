/*
 * api_schedule.h — the scheduling part of /api/v1/interviews (R-COMM-1):
 * the list of scheduled interviews with filters, creating an interview of
 * an application's round together with its schedule, rescheduling
 * (PATCH), cancelling (DELETE) and the .ics of one interview. Conflicts
 * with the interviewers' other interviews and absences are answered in a
 * "conflicts" array, never as an error. See docs/api.md.
 */
#ifndef STELLWERK_WEB_API_SCHEDULE_H
#define STELLWERK_WEB_API_SCHEDULE_H

#include <jansson.h>
#include <stdint.h>

#include "web/request.h"

void api_interviews_list(struct request *r);
void api_interviews_schedule_create(struct request *r);
void api_interview_reschedule(struct request *r);
void api_interview_cancel(struct request *r);
void api_interview_ics(struct request *r);

/* Adds the schedule members of interview_id (status, starts_at, ends_at,
 * starts_at_local, duration_minutes, location, video_link, sequence,
 * scheduled_by, scheduled_at, cancelled_at, ics) to o; for GET
 * /api/v1/interviews/{id}. False when the store failed. */
bool api_schedule_members(struct request *r, json_t *o, int64_t interview_id);

#endif
