/*
 * Unit tests for src/web/ics.c and the time helpers of
 * src/web/schedule_ops.c (R-COMM-1): an .ics built for a fixed interview is
 * parsed back with libical — METHOD, UID, DTSTART/DTEND in UTC for a Berlin
 * 10:00 in winter (09:00Z) and in summer (08:00Z), SEQUENCE, ORGANIZER, one
 * ATTENDEE per interviewer, the kit link in DESCRIPTION, STATUS:CANCELLED
 * with METHOD:CANCEL — and the feed with METHOD:PUBLISH; Berlin local times
 * read from forms and ISO texts across the DST changes; video links.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "core/berlin_time.h"
#include "web/ics.h"
#include "web/schedule_ops.h"

/* Interview 42: round "Fachinterview" for Erika Muster, 60 minutes at 10:00
 * Berlin on y-mo-d, two interviewers (one login is an e-mail address). */
static void fixed_interview(struct scheduled_interview *iv, int y, int mo, int d)
{
	memset(iv, 0, sizeof *iv);
	iv->id = 42;
	iv->application_id = 7;
	iv->candidate_id = 5;
	iv->position_id = 3;
	iv->round_id = 9;
	strcpy(iv->first_name, "Erika");
	strcpy(iv->last_name, "Muster");
	strcpy(iv->position_title, "Key Account Manager");
	strcpy(iv->round_name, "Fachinterview");
	iv->round_ord = 2;
	iv->round_duration_minutes = 60;
	iv->effective_minutes = 60;
	assert_true(berlin_to_utc(y, mo, d, 10, 0, &iv->starts_at));
	strcpy(iv->location, "Raum 3.14, Hafenstraße 1");
	strcpy(iv->video_link, "https://meet.example.org/abc");
	iv->scheduled_by = 2;
	strcpy(iv->scheduled_by_name, "Petra Weber");
	iv->scheduled_at = iv->starts_at - 86400 * 7;
	iv->ics_sequence = 3;
	iv->ninterviewers = 2;
	iv->interviewers[0].user_id = 11;
	strcpy(iv->interviewers[0].user_name, "hoffmann");
	strcpy(iv->interviewers[0].display_name, "Jan Hoffmann");
	iv->interviewers[1].user_id = 12;
	strcpy(iv->interviewers[1].user_name, "schulz@example.org");
	strcpy(iv->interviewers[1].display_name, "Lena Schulz");
}

static const struct ics_context CTX = { "hr.example.org", "https://hr.example.org", "weber@example.org", 1780000000 };

/* Parses text; returns the VCALENDAR (caller frees) and its only VEVENT in *ev. */
static icalcomponent *parse(const char *text, icalcomponent **ev)
{
	assert_non_null(text);
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	*ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(*ev);
	return cal;
}

static void assert_utc_time(struct icaltimetype t, int y, int mo, int d, int h, int mi)
{
	assert_true(icaltime_is_utc(t));
	assert_int_equal(t.year, y);
	assert_int_equal(t.month, mo);
	assert_int_equal(t.day, d);
	assert_int_equal(t.hour, h);
	assert_int_equal(t.minute, mi);
}

/* R-COMM-1: winter — 10:00 CET is 09:00Z; the whole invitation. */
static void test_request_winter(void **state)
{
	(void)state;
	struct scheduled_interview iv;
	fixed_interview(&iv, 2026, 12, 3);
	char *text = ics_interview_calendar(&iv, &CTX);
	icalcomponent *ev;
	icalcomponent *cal = parse(text, &ev);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
	assert_non_null(strstr(text, "VERSION:2.0"));
	assert_non_null(strstr(text, "PRODID:-//stellwerk//"));
	assert_string_equal(icalcomponent_get_uid(ev), "interview-42@hr.example.org");
	assert_utc_time(icalcomponent_get_dtstart(ev), 2026, 12, 3, 9, 0);
	assert_utc_time(icalcomponent_get_dtend(ev), 2026, 12, 3, 10, 0);
	assert_non_null(strstr(text, "DTSTART:20261203T090000Z"));
	assert_int_equal(icalcomponent_get_sequence(ev), 3);
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);
	assert_non_null(strstr(icalcomponent_get_summary(ev), "Fachinterview"));
	assert_non_null(strstr(icalcomponent_get_summary(ev), "Erika Muster"));
	assert_string_equal(icalcomponent_get_location(ev), "Raum 3.14, Hafenstraße 1");
	assert_non_null(strstr(icalcomponent_get_description(ev), "https://hr.example.org/interviews/42"));
	icalproperty *url = icalcomponent_get_first_property(ev, ICAL_URL_PROPERTY);
	assert_non_null(url);
	assert_string_equal(icalproperty_get_url(url), "https://meet.example.org/abc");

	icalproperty *org = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
	assert_non_null(org);
	assert_string_equal(icalproperty_get_organizer(org), "mailto:weber@example.org");
	assert_string_equal(icalparameter_get_cn(icalproperty_get_first_parameter(org, ICAL_CN_PARAMETER)), "Petra Weber");

	const char *want_addr[] = { "urn:x-stellwerk:user:11", "mailto:schulz@example.org" };
	const char *want_cn[] = { "Jan Hoffmann", "Lena Schulz" };
	int n = 0;
	for (icalproperty *a = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); a;
	     a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY), n++) {
		assert_true(n < 2);
		assert_string_equal(icalproperty_get_attendee(a), want_addr[n]);
		assert_string_equal(icalparameter_get_cn(icalproperty_get_first_parameter(a, ICAL_CN_PARAMETER)), want_cn[n]);
	}
	assert_int_equal(n, 2);
	icalcomponent_free(cal);
	free(text);
}

/* R-COMM-1: summer — 10:00 CEST is 08:00Z; the day after the spring change. */
static void test_request_summer_and_dst(void **state)
{
	(void)state;
	struct scheduled_interview iv;
	icalcomponent *ev;
	fixed_interview(&iv, 2026, 7, 15);
	char *text = ics_interview_calendar(&iv, &CTX);
	icalcomponent *cal = parse(text, &ev);
	assert_utc_time(icalcomponent_get_dtstart(ev), 2026, 7, 15, 8, 0);
	icalcomponent_free(cal);
	free(text);

	fixed_interview(&iv, 2026, 3, 30);        /* Monday after 2026-03-29 */
	text = ics_interview_calendar(&iv, &CTX);
	cal = parse(text, &ev);
	assert_utc_time(icalcomponent_get_dtstart(ev), 2026, 3, 30, 8, 0);
	icalcomponent_free(cal);
	free(text);

	fixed_interview(&iv, 2026, 3, 27);        /* Friday before */
	text = ics_interview_calendar(&iv, &CTX);
	cal = parse(text, &ev);
	assert_utc_time(icalcomponent_get_dtstart(ev), 2026, 3, 27, 9, 0);
	icalcomponent_free(cal);
	free(text);
}

/* R-COMM-1: a cancelled interview is METHOD:CANCEL with STATUS:CANCELLED; an
 * unscheduled one has no file; without a host the UID ends in @stellwerk. */
static void test_cancel_and_edge_cases(void **state)
{
	(void)state;
	struct scheduled_interview iv;
	icalcomponent *ev;
	fixed_interview(&iv, 2026, 12, 3);
	iv.cancelled_at = iv.starts_at - 3600;
	iv.ics_sequence = 4;
	struct ics_context bare = { NULL, NULL, NULL, 1780000000 };
	char *text = ics_interview_calendar(&iv, &bare);
	icalcomponent *cal = parse(text, &ev);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
	assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
	assert_int_equal(icalcomponent_get_sequence(ev), 4);
	assert_string_equal(icalcomponent_get_uid(ev), "interview-42@stellwerk");
	assert_null(strstr(icalcomponent_get_description(ev), "/interviews/42"));
	icalproperty *org = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY);
	assert_string_equal(icalproperty_get_organizer(org), "urn:x-stellwerk:user:2");
	icalcomponent_free(cal);
	free(text);

	iv.starts_at = 0;
	assert_null(ics_interview_calendar(&iv, &CTX));
}

/* R-COMM-1: the personal feed publishes every scheduled interview. */
static void test_feed(void **state)
{
	(void)state;
	struct scheduled_interview list[3];
	fixed_interview(&list[0], 2026, 3, 27);
	fixed_interview(&list[1], 2026, 3, 30);
	list[1].id = 43;
	fixed_interview(&list[2], 2026, 4, 1);
	list[2].id = 44;
	list[2].starts_at = 0;                    /* not scheduled: left out */
	char *text = ics_feed_calendar(list, 3, "Interviews — Jan Hoffmann", &CTX);
	icalcomponent *ev;
	icalcomponent *cal = parse(text, &ev);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 2);
	assert_string_equal(icalcomponent_get_uid(ev), "interview-42@hr.example.org");
	assert_utc_time(icalcomponent_get_dtstart(ev), 2026, 3, 27, 9, 0);
	ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT);
	assert_string_equal(icalcomponent_get_uid(ev), "interview-43@hr.example.org");
	assert_utc_time(icalcomponent_get_dtstart(ev), 2026, 3, 30, 8, 0);
	assert_non_null(strstr(text, "X-WR-CALNAME:Interviews"));
	icalcomponent_free(cal);
	free(text);
}

/* Local Berlin times from the form and from ISO texts (R-COMM-1). */
static void test_time_parsing(void **state)
{
	(void)state;
	int64_t t = 0;
	char iso[SCHEDULE_ISO_MAX];
	assert_int_equal(schedule_parse_local("2026-03-30", "10:00", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-03-30T08:00:00Z");
	assert_string_equal(schedule_local_iso(t, iso), "2026-03-30T10:00:00+02:00");
	assert_int_equal(schedule_parse_local("2026-03-27", "10:00", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-03-27T09:00:00Z");
	assert_string_equal(schedule_local_iso(t, iso), "2026-03-27T10:00:00+01:00");
	assert_int_equal(schedule_parse_local("2026-03-29", "02:30", &t), SCHEDULE_TIME_GAP);
	assert_int_equal(schedule_parse_local("2026-02-30", "10:00", &t), SCHEDULE_TIME_INVALID);
	assert_int_equal(schedule_parse_local("2026-03-30", "24:00", &t), SCHEDULE_TIME_INVALID);
	assert_int_equal(schedule_parse_local("2026-03-30", "10:00x", &t), SCHEDULE_TIME_INVALID);
	assert_int_equal(schedule_parse_local("", "10:00", &t), SCHEDULE_TIME_INVALID);

	assert_int_equal(schedule_parse_iso("2026-12-03T10:00", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-12-03T09:00:00Z");
	assert_int_equal(schedule_parse_iso("2026-12-03T10:00:30Z", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-12-03T10:00:30Z");
	assert_int_equal(schedule_parse_iso("2026-12-03T10:00+05:30", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-12-03T04:30:00Z");
	assert_int_equal(schedule_parse_iso("2026-12-03T10:00-02:00", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-12-03T12:00:00Z");
	assert_int_equal(schedule_parse_iso("2026-03-29T02:15", &t), SCHEDULE_TIME_GAP);
	assert_int_equal(schedule_parse_iso("2026-12-03", &t), SCHEDULE_TIME_INVALID);
	assert_int_equal(schedule_parse_iso("2026-12-03T10:00+1", &t), SCHEDULE_TIME_INVALID);
	assert_int_equal(schedule_parse_iso("tomorrow", &t), SCHEDULE_TIME_INVALID);
	/* autumn: 02:30 happens twice and resolves to the first (CEST) */
	assert_int_equal(schedule_parse_iso("2026-10-25T02:30", &t), SCHEDULE_TIME_OK);
	assert_string_equal(schedule_utc_iso(t, iso), "2026-10-25T00:30:00Z");
}

static void test_video_links(void **state)
{
	(void)state;
	assert_true(schedule_link_valid("https://meet.example.org/abc?x=1"));
	assert_true(schedule_link_valid("http://10.0.0.1:8080/room"));
	assert_false(schedule_link_valid("javascript:alert(1)"));
	assert_false(schedule_link_valid("ftp://example.org"));
	assert_false(schedule_link_valid("https://"));
	assert_false(schedule_link_valid("https:///path"));
	assert_false(schedule_link_valid("https://exa mple.org"));
	assert_false(schedule_link_valid("https://example.org/\"><script>"));
	assert_false(schedule_link_valid(""));
	assert_false(schedule_link_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request_winter),
		cmocka_unit_test(test_request_summer_and_dst),
		cmocka_unit_test(test_cancel_and_edge_cases),
		cmocka_unit_test(test_feed),
		cmocka_unit_test(test_time_parsing),
		cmocka_unit_test(test_video_links),
	};
	return cmocka_run_group_tests_name("ics", tests, NULL, NULL);
}
