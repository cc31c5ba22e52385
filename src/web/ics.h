/*
 * ics.h — iCalendar (RFC 5545) for scheduled interviews, written with
 * libical (R-COMM-1).
 *
 * One interview becomes a VCALENDAR with METHOD:REQUEST (METHOD:CANCEL and
 * STATUS:CANCELLED once cancelled) holding one VEVENT: a stable UID
 * "interview-<id>@<host>", DTSTAMP, DTSTART/DTEND in UTC ("Z", so no
 * VTIMEZONE is needed and every client shows the right Berlin time across
 * DST changes), SEQUENCE (the interview's ics_sequence, incremented by every
 * change), SUMMARY (round and candidate), LOCATION and URL (the video link),
 * DESCRIPTION with the absolute link to the interview kit, ORGANIZER (who
 * scheduled it) and one ATTENDEE per interviewer. A personal feed is a
 * VCALENDAR with METHOD:PUBLISH and one such VEVENT per interview.
 *
 * Users have no e-mail address in stellwerk; a calendar address is
 * "mailto:<login>" when the login is an e-mail address, else
 * "urn:x-stellwerk:user:<id>" with the name as CN.
 */
#ifndef STELLWERK_WEB_ICS_H
#define STELLWERK_WEB_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "store/schedule.h"

struct ics_context {
	const char *uid_host;             /* domain part of UIDs; NULL = "stellwerk" */
	const char *base_url;             /* "https://host" for the kit link; NULL = no link */
	const char *organizer_login;      /* login of the scheduling user; NULL = address by id */
	int64_t now;                      /* DTSTAMP, Unix seconds */
};

/* The .ics of one scheduled interview (see above). malloc'd text (caller
 * frees); NULL when iv is not scheduled. */
char *ics_interview_calendar(const struct scheduled_interview *iv, const struct ics_context *ctx);

/* A feed of the scheduled interviews list[0..n) (unscheduled ones are
 * skipped) with METHOD:PUBLISH and X-WR-CALNAME calname. malloc'd text
 * (caller frees). */
char *ics_feed_calendar(const struct scheduled_interview *list, size_t n, const char *calname,
			const struct ics_context *ctx);

#endif
