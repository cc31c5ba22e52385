/*
 * schedule.h — when and where an interview takes place (R-COMM-1).
 *
 * Interviews themselves are created per application and round in
 * store/scorecards.h; this module adds the scheduling columns of migration
 * 7: the start (Unix seconds UTC; conversion from Europe/Berlin is the
 * caller's, core/berlin_time.h), the duration (0 = the round's), the place
 * or video link, who scheduled it, and the RFC 5545 SEQUENCE of its
 * iCalendar invitation, which every schedule, reschedule and cancellation
 * increments. A cancelled interview keeps its row (and scorecards) with
 * cancelled_at set; scheduling it again clears cancelled_at.
 *
 * Conflicts: a proposed slot [start, start + duration) of an interview
 * conflicts with every other scheduled, not cancelled interview of any of
 * its interviewers that overlaps it (touching ends are no overlap), and with
 * every absence (store/absences.h) of those interviewers covering a Berlin
 * calendar day the slot touches. Conflicts are reported, not refused: the
 * caller shows them. Every write is one unit of work with its audit row
 * (R-X-4).
 */
#ifndef STELLWERK_STORE_SCHEDULE_H
#define STELLWERK_STORE_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/candidate.h"
#include "store/interview_plans.h"
#include "store/store.h"
#include "store/users.h"

#define SCHEDULE_LOCATION_MAX 300         /* bytes of the place */
#define SCHEDULE_LINK_MAX 500             /* bytes of the video link */

/* An interviewer of a scheduled interview. */
struct schedule_interviewer {
	int64_t user_id;
	char user_name[USER_NAME_MAX];
	char display_name[USER_DISPLAY_MAX]; /* display name, else the user name */
	bool scorecard_submitted;
};

/* One interview with its scheduling fields and what a list or an .ics
 * needs. Everything but the scheduling inputs of store_interview_schedule is
 * read only. */
struct scheduled_interview {
	int64_t id;
	int64_t application_id;
	int64_t candidate_id;
	int64_t position_id;
	int64_t round_id;
	char first_name[CANDIDATE_NAME_MAX + 1];   /* the candidate's */
	char last_name[CANDIDATE_NAME_MAX + 1];
	char candidate_email[CANDIDATE_EMAIL_MAX + 1];
	char position_title[201];
	char round_name[ROUND_NAME_MAX + 1];
	int round_ord;
	int round_duration_minutes;       /* the round's default */
	int64_t kit_version_id;
	int kit_version;
	int64_t starts_at;                /* Unix seconds UTC; 0 = not scheduled */
	int duration_minutes;             /* stored value; 0 = the round's */
	int effective_minutes;            /* duration_minutes, else the round's */
	char location[SCHEDULE_LOCATION_MAX + 1];
	char video_link[SCHEDULE_LINK_MAX + 1];
	int64_t scheduled_by;             /* user id, 0 = command line or never */
	char scheduled_by_name[USER_DISPLAY_MAX];  /* display name, else user name; "" */
	int64_t scheduled_at;             /* 0 = never */
	int ics_sequence;                 /* RFC 5545 SEQUENCE, starts at 0 */
	int64_t cancelled_at;             /* 0 = not cancelled */
	int64_t created_at;
	size_t ninterviewers;
	struct schedule_interviewer interviewers[ROUND_MAX_INTERVIEWERS];
};

/* What to schedule: starts_at > 0; duration_minutes 0 (= the round's) or
 * 1..ROUND_DURATION_MAX; location and video_link may be "" (NULL = ""). */
struct schedule_input {
	int64_t starts_at;
	int duration_minutes;
	const char *location;
	const char *video_link;
};

/* Schedules or reschedules interview_id (also a cancelled one, which is
 * thereby un-cancelled): sets the fields of in, scheduled_by = who->user_id,
 * scheduled_at = now, increments ics_sequence. Fills *out when not NULL.
 * STORE_NOT_FOUND for no such interview; STORE_INVALID for starts_at <= 0, a
 * duration out of range, or a place or link too long or not UTF-8. */
enum store_rc store_interview_schedule(struct store *s, const struct actor *who, int64_t interview_id,
				       const struct schedule_input *in, int64_t now, struct scheduled_interview *out);

/* Cancels interview_id: sets cancelled_at = now and increments ics_sequence
 * (the .ics then carries STATUS:CANCELLED). The start stays for the record.
 * STORE_NOT_FOUND for no such interview; STORE_INVALID when it is not
 * scheduled or already cancelled. */
enum store_rc store_interview_cancel(struct store *s, const struct actor *who, int64_t interview_id, int64_t now);

/* One interview with its scheduling fields, also when not scheduled. */
enum store_rc store_scheduled_interview_get(struct store *s, int64_t interview_id, struct scheduled_interview *out);

/* Filters of store_scheduled_interviews_list; 0 / false means "any". */
struct schedule_filter {
	int64_t user_id;                  /* interviews this user is an interviewer of */
	int64_t position_id;
	int64_t application_id;
	int64_t candidate_id;
	int64_t from;                     /* starts_at >= from (Unix seconds), 0 = open */
	int64_t to;                       /* starts_at < to, 0 = open */
	bool include_unscheduled;         /* also interviews without starts_at (only when from and to are 0) */
	bool include_cancelled;
	int limit;                        /* 0 = 500 */
};

/* Interviews matching f, by starts_at (unscheduled last), then id. *out is
 * malloc'd (caller frees). */
enum store_rc store_scheduled_interviews_list(struct store *s, const struct schedule_filter *f,
					      struct scheduled_interview **out, size_t *n);

enum schedule_conflict_kind { CONFLICT_INTERVIEW, CONFLICT_ABSENCE };

/* "interview" / "absence". */
const char *schedule_conflict_kind_code(enum schedule_conflict_kind k);

struct schedule_conflict {
	enum schedule_conflict_kind kind;
	int64_t user_id;                  /* the interviewer concerned */
	char user_display[USER_DISPLAY_MAX];
	int64_t other_id;                 /* the other interview's id or the absence's id */
	int64_t starts_at;                /* interview: its start and end (Unix seconds) */
	int64_t ends_at;
	int32_t from_day;                 /* absence: its day range */
	int32_t to_day;
};

/* Conflicts of holding interview_id in [starts_at, starts_at + minutes*60)
 * (minutes 0 = the interview's effective duration) for its interviewers:
 * the other not cancelled interviews overlapping that interval, and the
 * absences covering any day from first_day to last_day (inclusive day
 * numbers of the slot's local days, computed by the caller with
 * core/berlin_time.h; pass the same value twice for a one-day slot).
 * interview_id itself never conflicts. Ordered interviews first, then by
 * user and time. *out is malloc'd (caller frees). STORE_NOT_FOUND for no
 * such interview. */
enum store_rc store_schedule_conflicts(struct store *s, int64_t interview_id, int64_t starts_at, int minutes,
				       int32_t first_day, int32_t last_day, struct schedule_conflict **out,
				       size_t *n);

#endif
