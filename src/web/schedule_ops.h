/*
 * schedule_ops.h — what the scheduling pages, the .ics downloads and the
 * interviews API share (R-COMM-1): reading a start time given in
 * Europe/Berlin (form fields or an ISO 8601 text), checking a video link,
 * the conflicts of a slot for the interview's interviewers (other
 * interviews and absences, from store/schedule.h), showing a time in Berlin
 * with its offset, who may see an interview, and the request's own
 * absolute base URL for links that leave the browser (calendar files).
 */
#ifndef STELLWERK_WEB_SCHEDULE_OPS_H
#define STELLWERK_WEB_SCHEDULE_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/schedule.h"
#include "web/request.h"

/* Room for "2026-03-30T10:00:00+02:00" and NUL (with the compiler's worst case). */
#define SCHEDULE_ISO_MAX 96

enum schedule_time_rc {
	SCHEDULE_TIME_OK,
	SCHEDULE_TIME_INVALID,            /* not a date / time in the expected form */
	SCHEDULE_TIME_GAP,                /* a local time skipped by the change to summer time */
};

/* Local date "YYYY-MM-DD" and time "HH:MM" in Europe/Berlin → UTC seconds. */
enum schedule_time_rc schedule_parse_local(const char *date, const char *time, int64_t *utc);
/* "YYYY-MM-DDTHH:MM[:SS]" as Berlin local time, or with "Z" or "±HH:MM"
 * (then that offset) → UTC seconds. */
enum schedule_time_rc schedule_parse_iso(const char *text, int64_t *utc);

/* Whether link is an absolute http:// or https:// URL with a host and no
 * spaces or control characters. */
bool schedule_link_valid(const char *link);

/* "2026-03-30T10:00:00+02:00": the Berlin wall clock with its offset. */
char *schedule_local_iso(int64_t utc, char out[SCHEDULE_ISO_MAX]);
/* "2026-03-30T08:00:00Z". */
char *schedule_utc_iso(int64_t utc, char out[SCHEDULE_ISO_MAX]);
/* Local date "YYYY-MM-DD" and time "HH:MM" of utc for form fields (arena). */
void schedule_local_fields(struct request *r, int64_t utc, const char **date, const char **time);
/* "Mo., 30.03.2026, 10:00–11:00 (UTC+2)" in the request's language (arena). */
const char *schedule_when_text(struct request *r, int64_t starts_at, int minutes);

/* The conflicts of holding interview_id at [starts_at, +minutes) for its
 * interviewers (store_schedule_conflicts with the slot's Berlin days).
 * *out is malloc'd (caller frees). */
enum store_rc schedule_conflicts_for(struct request *r, int64_t interview_id, int64_t starts_at, int minutes,
				     struct schedule_conflict **out, size_t *n);
/* A sentence describing conflict c for people (arena). */
const char *schedule_conflict_text(struct request *r, const struct schedule_conflict *c);

/* Loads interview id for the caller: recruiters and above see every
 * interview, everyone else only those they are an interviewer of.
 * STORE_NOT_FOUND when it does not exist or the caller may not see it. */
enum store_rc schedule_load_visible(struct request *r, int64_t id, struct scheduled_interview *out);

/* "http(s)://host" from the Host header (https under TLS or behind an HTTPS
 * proxy); NULL when the header is missing or not plainly a host name. */
const char *schedule_base_url(struct request *r);
/* The host of the Host header without its port, else "stellwerk": the
 * domain part of the iCalendar UIDs. */
const char *schedule_uid_host(struct request *r);

/* Answers the .ics of interview req_path_arg(r, 0) (text/calendar,
 * attachment): METHOD:REQUEST, or METHOD:CANCEL when cancelled; 404 when
 * not scheduled or not visible to the caller. */
void schedule_send_ics(struct request *r);

#endif
