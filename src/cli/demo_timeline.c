/*
 * demo_timeline.c — the timeline, guardrails, schedule and messages of
 * `stellwerk demo`; see demo_timeline.h.
 *
 * The story. Seven weeks ago (the Monday of that week) the management
 * approved the budget for the key account manager, and Thomas Brandt
 * dated the hiring plan from that day with the seed's phase ranges (6–12
 * weeks in all). The search itself started slowly: Jonas Weber approached
 * Dirk Vogel directly that week and prequalified him, but the profile
 * took a month to approve and the ad went live only days ago, so search
 * and pre-qualification ran longer than their four weeks at worst. Since
 * then things moved fast: interviews started two weeks ago and Henrik
 * Jansen is in the offer stage — the negotiation phase runs, the best case
 * of the plan is already missed, and Peter Schulz (CFO, a decider) is on
 * holiday for the coming two weeks, which pushes the negotiation further.
 * The timeline therefore shows the position slightly over its plan: later
 * than the best case, well inside the worst (status on track, as the
 * running phase is still within its range).
 *
 * The guards tell what was forgotten on the way (R-GUARD-1..3, 6, 7):
 *   - guard.selection_too_long: the first application (Dirk Vogel) is more
 *     than six weeks old and nobody is hired;
 *   - guard.availability_window (critical): Dirk Vogel has been in the
 *     process for over four weeks;
 *   - guard.no_contact: Vogel was promised a call after the profile's
 *     approval and never got it (three weeks and more: lost interest), Jan
 *     Petersen and Stefan Richter wait over two weeks (critical), several
 *     more over a week (warning); Anna Bergmann's interim update sits
 *     unsent in the outbox, so her warning stays until it goes out;
 *   - guard.feedback_due: Laura Fischer's second interview was three
 *     working days ago, Lena Hoffmann's scorecard is still a draft (and
 *     Peter Schulz, on the round's panel, wrote none);
 *   - guard.challenges_not_disclosed: Henrik Jansen is in the offer stage,
 *     but nobody documented that the role's known challenges were disclosed
 *     to him — the story's last warning: do it before he signs. Martin
 *     Schulte's disclosure (in his in-depth interview) is recorded, so the
 *     candidate page shows what a documented disclosure looks like.
 *
 * Schedule (R-COMM-1): every interview held gets its date and time on the
 * working day it was held (before its first scorecard, at office hours in
 * Europe/Berlin); Laura Fischer's second interview three working days ago.
 * Upcoming: Martin Schulte's final interview next Monday (across the
 * weekend for most weekdays), Yvonne Lange's first interview in two working
 * days, and Eva Zimmermann's final interview on the day next week Thomas
 * Brandt entered an absence after it was scheduled — the conflict shows.
 *
 * Messages (R-COMM-2): an invitation to Yvonne Lange and an acknowledgement
 * to the career-page applicant Katrin Moeller went out (the store wrote
 * their contact events); an interim update to Anna Bergmann is queued.
 *
 * Dirk Vogel's application is dated before the position's record was
 * created (the search began with the budget, the record a fortnight
 * later): no other demo data is old enough for the six-week rule.
 */
#include "cli/demo_timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/berlin_time.h"
#include "core/calendar.h"
#include "core/candidate.h"
#include "core/pipeline.h"
#include "store/absences.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/hiring_plans.h"
#include "store/interview_plans.h"
#include "store/outbox.h"
#include "store/schedule.h"
#include "store/scorecards.h"
#include "store/users.h"
#include "util/log.h"
#include "util/str.h"

#define DAY (24 * 60 * 60)
#define HOUR (60 * 60)
#define MINUTE 60
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

#define PLAN_WEEKS_AGO 7           /* the plan starts on the Monday of the week this long ago */
#define EARLY_DAYS 44              /* Dirk Vogel entered the process this many days ago */
#define SCHULZ_AWAY_DAYS 12        /* from next Monday to the Friday after */

#define OFFICE "Nordlicht Sensorik GmbH, Am Sandtorkai 40, 20457 Hamburg"
#define MEETING_ROOM OFFICE ", Besprechungsraum Kaispeicher"
#define VIDEO_LINK "https://meet.nordlicht-sensorik.example/kam-erstgespraech"

static const char *const STAFF_LOGINS[] = { "admin", "weber", "brandt", "hoffmann", "schulz" };
#define DEMO_STAFF (sizeof STAFF_LOGINS / sizeof STAFF_LOGINS[0])

struct timeline_ctx {
	struct store *s;
	int64_t position_id;
	int64_t now;
	int32_t today;                   /* the Berlin calendar day of now */
	int32_t next_monday;             /* first Monday after today (a working day on or after) */
	int32_t brandt_away;             /* Brandt's day off next week */
	char state[8];                   /* the position's Bundesland, "" = nationwide */
	char title[201];
	int64_t staff[DEMO_STAFF];
	struct application_card *board;
	size_t nboard;
	int64_t round_ids[3];            /* by round order */
};

/* --- helpers ------------------------------------------------------------------ */

static bool staff_load(struct timeline_ctx *x)
{
	for (size_t i = 0; i < DEMO_STAFF; i++) {
		struct user u;
		if (store_user_by_name(x->s, STAFF_LOGINS[i], &u) != STORE_OK) {
			log_error("demo: the timeline needs the demo user %s", STAFF_LOGINS[i]);
			return false;
		}
		x->staff[i] = u.id;
	}
	return true;
}

/* The actor of demo user login (which must be in STAFF_LOGINS). */
static struct actor staff_actor(const struct timeline_ctx *x, const char *login)
{
	for (size_t i = 0; i < DEMO_STAFF; i++)
		if (str_eq(STAFF_LOGINS[i], login))
			return (struct actor){ x->staff[i], STAFF_LOGINS[i], NULL };
	log_error("demo: no demo staff member %s", login);
	return (struct actor){ 0, "system", NULL };
}

static const struct actor SYSTEM_ACTOR = { 0, "system", NULL };

/* UTC seconds of hour:minute Berlin time on day number `day`; 0 when the
 * time does not exist (never for the office hours used here). */
static int64_t berlin_at(int32_t day, int hour, int minute)
{
	int y, m, d;
	int64_t utc = 0;

	calendar_ymd_from_day(day, &y, &m, &d);
	if (!berlin_to_utc(y, m, d, hour, minute, &utc))
		return 0;
	return utc;
}

static bool working(const struct timeline_ctx *x, int32_t day)
{
	return calendar_is_working_day(day, x->state);
}

/* The board card of first_name last_name; NULL (logged) when missing. */
static const struct application_card *card_of(const struct timeline_ctx *x, const char *first_name,
					      const char *last_name)
{
	for (size_t i = 0; i < x->nboard; i++)
		if (str_eq(x->board[i].first_name, first_name) && str_eq(x->board[i].last_name, last_name))
			return &x->board[i];
	log_error("demo: %s %s is not in the key account manager pipeline", first_name, last_name);
	return NULL;
}

/* "Montag, 30. November 2026, 10:00 Uhr" for a UTC instant. */
static void german_datetime(char *out, size_t size, int64_t utc)
{
	static const char *const weekdays[] = { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
						"Samstag", "Sonntag" };
	static const char *const months[] = { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
					      "August", "September", "Oktober", "November", "Dezember" };
	struct berlin_time t;

	berlin_from_utc(utc, &t);
	snprintf(out, size, "%s, %d. %s %d, %02d:%02d Uhr", weekdays[(t.weekday - 1) % 7], t.day,
		 months[(t.month - 1) % 12], t.year, t.hour, t.minute);
}

/* --- Dirk Vogel: the forgotten early candidate -------------------------------- */

/* Sourced directly the week the budget was approved, prequalified, promised
 * a call after the profile's approval — and left waiting since. */
static bool add_early_candidate(struct timeline_ctx *x)
{
	struct actor recruiter = staff_actor(x, "weber");
	int32_t first = x->today - EARLY_DAYS;
	struct candidate c;
	struct application a;
	struct move_input none = { NULL, NULL, INFORMED_UNANSWERED };
	enum store_rc rc;

	candidate_init(&c);
	str_copy(c.first_name, sizeof c.first_name, "Dirk");
	str_copy(c.last_name, sizeof c.last_name, "Vogel");
	str_copy(c.email, sizeof c.email, "dirk.vogel@mail.example");
	str_copy(c.phone, sizeof c.phone, "+49 4141 5550 1125");
	str_copy(c.current_role, sizeof c.current_role, "Key Account Manager");
	str_copy(c.current_company, sizeof c.current_company, "Elbmarsch Wägetechnik GmbH");
	str_copy(c.location, sizeof c.location, "Stade");
	c.notice_period_weeks = 12;
	c.salary_expectation = 93000;
	str_copy(c.currency, sizeof c.currency, "EUR");
	str_copy(c.languages, sizeof c.languages, "Deutsch C2, Englisch C1");
	str_copy(c.links, sizeof c.links, "https://www.linkedin.com/in/dirk-vogel-waegetechnik");
	str_copy(c.tags, sizeof c.tags, "Wägetechnik, Lebensmittelindustrie");
	str_copy(c.channel, sizeof c.channel, "direct_search");
	if ((rc = store_candidate_create(x->s, &recruiter, &c, berlin_at(first, 10, 15))) != STORE_OK)
		goto failed;

	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = x->position_id;
	str_copy(a.stage, sizeof a.stage, "identified");
	str_copy(a.channel, sizeof a.channel, "direct_search");
	if ((rc = store_application_create(x->s, &recruiter, &a, berlin_at(first, 10, 16))) != STORE_OK)
		goto failed;

	static const struct {
		int days_ago, hour, minute;
		enum application_event_kind kind;   /* EVENT_STAGE: move to `text` */
		const char *text;
	} steps[] = {
		{ EARLY_DAYS - 1, 10, 50, EVENT_CONTACT,
		  "Direktansprache am Telefon: offen für einen Wechsel, möchte zuerst das Profil sehen." },
		{ EARLY_DAYS - 1, 10, 55, EVENT_STAGE, "contacted" },
		{ EARLY_DAYS - 4, 16, 30, EVENT_STAGE, "prequalification" },
		{ EARLY_DAYS - 4, 16, 45, EVENT_NOTE,
		  "Vorqualifizierung per Video: Gehaltsrahmen passt, 30 % Reisezeit sind für ihn in Ordnung. "
		  "Wartet auf die Einladung zum ersten Gespräch." },
		{ 26, 15, 0, EVENT_CONTACT,
		  "Zwischenstand am Telefon: Profil noch in Abstimmung mit der Geschäftsführung; Rückruf nach "
		  "der Freigabe zugesagt." },
	};
	for (size_t i = 0; i < COUNT(steps); i++) {
		int64_t at = berlin_at(x->today - steps[i].days_ago, steps[i].hour, steps[i].minute);
		if (steps[i].kind == EVENT_STAGE)
			rc = store_application_move(x->s, &recruiter, a.id, steps[i].text, &none, at);
		else
			rc = store_application_add_event(x->s, &recruiter, c.id, a.id, steps[i].kind, steps[i].text, at,
							 NULL);
		if (rc != STORE_OK)
			goto failed;
	}
	return true;
failed:
	log_error("demo: cannot add the early candidate Dirk Vogel: %s", store_rc_name(rc));
	return false;
}

/* --- plan and absences -------------------------------------------------------- */

/* The plan from the Monday of the week PLAN_WEEKS_AGO weeks ago with the
 * seed's ranges, set by the hiring manager the day after the position's
 * record was created. */
static bool add_plan(const struct timeline_ctx *x)
{
	struct actor owner = staff_actor(x, "brandt");
	struct stored_hiring_plan p;
	int32_t start = x->today - 7 * PLAN_WEEKS_AGO;

	memset(&p, 0, sizeof p);
	p.position_id = x->position_id;
	p.start_day = start - (calendar_weekday(start) - 1);
	str_copy(p.note, sizeof p.note,
		 "Start mit der Budgetfreigabe in der Geschäftsleitungsrunde. Entscheider: Dr. Keller, Brandt, "
		 "Schulz, Hoffmann. Ziel: Zusage vor dem Jahresgespräch mit Hansa Logistik.");
	enum store_rc rc = store_hiring_plan_set(x->s, &owner, &p, x->now - 29 * (int64_t)DAY);
	if (rc != STORE_OK)
		log_error("demo: cannot set the hiring plan: %s", store_rc_name(rc));
	return rc == STORE_OK;
}

/* Peter Schulz on holiday for the coming two weeks (entered ten days ago);
 * Thomas Brandt away one day next week (entered yesterday, after Eva
 * Zimmermann's final interview was put on that day). */
static bool add_absences(const struct timeline_ctx *x)
{
	struct actor schulz = staff_actor(x, "schulz"), brandt = staff_actor(x, "brandt");
	struct absence holiday = { .user_id = schulz.user_id, .from_day = x->next_monday,
				   .to_day = x->next_monday + SCHULZ_AWAY_DAYS - 1 };
	struct absence away = { .user_id = brandt.user_id, .from_day = x->brandt_away, .to_day = x->brandt_away };
	enum store_rc rc;

	str_copy(holiday.note, sizeof holiday.note, "Urlaub");
	str_copy(away.note, sizeof away.note, "Ganztägig beim Kunden in Rotterdam");
	if ((rc = store_absence_add(x->s, &schulz, &holiday, x->now - 10 * (int64_t)DAY)) == STORE_OK)
		rc = store_absence_add(x->s, &brandt, &away, x->now - 22 * (int64_t)HOUR);
	if (rc != STORE_OK)
		log_error("demo: cannot record the absences: %s", store_rc_name(rc));
	return rc == STORE_OK;
}

/* --- the schedule ----------------------------------------------------------------- */

static bool schedule(const struct timeline_ctx *x, int64_t interview_id, int64_t starts_at, int round_ord,
		     int64_t scheduled_at)
{
	struct actor manager = staff_actor(x, "brandt");
	struct schedule_input in = {
		.starts_at = starts_at,
		.duration_minutes = 0,
		.location = round_ord == 1 ? "" : MEETING_ROOM,
		.video_link = round_ord == 1 ? VIDEO_LINK : "",
	};
	enum store_rc rc = store_interview_schedule(x->s, &manager, interview_id, &in, scheduled_at, NULL);
	if (rc != STORE_OK)
		log_error("demo: cannot schedule interview %lld: %s", (long long)interview_id, store_rc_name(rc));
	return rc == STORE_OK;
}

/* The earliest creation of a scorecard of interview_id among the
 * application's scorecards; 0 when it has none. */
static int64_t first_scorecard_at(const struct timeline_ctx *x, int64_t application_id, int64_t interview_id)
{
	struct scorecard *cards = NULL;
	size_t n = 0;
	int64_t first = 0;

	if (store_scorecards_for_application_visible(x->s, 0, true, application_id, &cards, &n) != STORE_OK)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (cards[i].interview_id == interview_id && (first == 0 || cards[i].created_at < first))
			first = cards[i].created_at;
	scorecard_list_free(cards, n);
	return first;
}

/* Dates for the interviews held: office hours on the last working day on
 * which the interview ends before its first scorecard was opened; Laura
 * Fischer's second interview three working days ago (her feedback is due).
 * Each is scheduled by the hiring manager five minutes after the interview
 * was planned — for some that is after the date itself, as when a date is
 * entered afterwards. Interviews without scorecards are left to
 * schedule_upcoming. */
static bool schedule_held(const struct timeline_ctx *x)
{
	struct schedule_filter f = { .position_id = x->position_id, .include_unscheduled = true };
	struct scheduled_interview *list = NULL;
	size_t n = 0;
	bool ok = true;

	if (store_scheduled_interviews_list(x->s, &f, &list, &n) != STORE_OK) {
		log_error("demo: cannot list the interviews");
		return false;
	}
	for (size_t i = 0; i < n && ok; i++) {
		const struct scheduled_interview *iv = &list[i];
		int64_t card = first_scorecard_at(x, iv->application_id, iv->id), start;
		if (iv->starts_at != 0 || card == 0)
			continue;
		if (str_eq(iv->first_name, "Laura") && str_eq(iv->last_name, "Fischer") && iv->round_ord == 2) {
			start = berlin_at(calendar_add_working_days(x->today, -3, x->state, NULL, NULL), 10, 0);
		} else {
			int hour = 9 + (int)(2 * i % 8);
			int32_t day = calendar_day_of_unix_berlin(card);
			while (!working(x, day) ||
			       berlin_at(day, hour, 0) + (int64_t)iv->effective_minutes * MINUTE > card)
				day = calendar_add_working_days(day, -1, x->state, NULL, NULL);
			start = berlin_at(day, hour, 0);
		}
		ok = schedule(x, iv->id, start, iv->round_ord, iv->created_at + 5 * MINUTE);
	}
	free(list);
	return ok;
}

/* The interview of first_name last_name in round round_ord; id 0 when there
 * is none. */
static int64_t interview_of(const struct timeline_ctx *x, const char *first_name, const char *last_name,
			    int round_ord, int64_t *starts_at)
{
	const struct application_card *c = card_of(x, first_name, last_name);
	struct schedule_filter f = { .application_id = c ? c->a.id : -1, .include_unscheduled = true };
	struct scheduled_interview *list = NULL;
	size_t n = 0;
	int64_t id = 0;

	if (c && store_scheduled_interviews_list(x->s, &f, &list, &n) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			if (list[i].round_ord == round_ord) {
				id = list[i].id;
				if (starts_at)
					*starts_at = list[i].starts_at;
			}
	free(list);
	return id;
}

/* Plans round round_ord for first_name last_name at `at` (by the hiring
 * manager); returns the new interview's id, 0 (logged) on failure. */
static int64_t plan_interview(const struct timeline_ctx *x, const char *first_name, const char *last_name,
			      int round_ord, int64_t at)
{
	const struct application_card *c = card_of(x, first_name, last_name);
	struct actor manager = staff_actor(x, "brandt");
	struct interview iv;
	enum store_rc rc = STORE_NOT_FOUND;

	if (c && (rc = store_interview_create(x->s, &manager, c->a.id, x->round_ids[round_ord - 1], at, &iv)) ==
			 STORE_OK)
		return iv.id;
	log_error("demo: cannot plan round %d for %s %s: %s", round_ord, first_name, last_name, store_rc_name(rc));
	return 0;
}

/* The interviews to come: Martin Schulte's final interview next Monday at
 * 10:00 (confirmed yesterday), Yvonne Lange's first interview in two
 * working days at 14:00 (arranged four days ago), Eva Zimmermann's final
 * interview on Brandt's day off next week at 14:00 (arranged three days
 * ago, before he entered it). Sets *lange_start. */
static bool schedule_upcoming(const struct timeline_ctx *x, int64_t *lange_start)
{
	int64_t schulte = interview_of(x, "Martin", "Schulte", 3, NULL);
	if (schulte == 0) {
		log_error("demo: Martin Schulte's final interview is missing");
		return false;
	}
	if (!schedule(x, schulte, berlin_at(x->next_monday, 10, 0), 3, x->now - DAY - 2 * HOUR))
		return false;

	int64_t lange = plan_interview(x, "Yvonne", "Lange", 1, berlin_at(x->today - 4, 11, 0));
	*lange_start = berlin_at(calendar_add_working_days(x->today, 2, x->state, NULL, NULL), 14, 0);
	if (lange == 0 || !schedule(x, lange, *lange_start, 1, berlin_at(x->today - 4, 11, 10)))
		return false;

	int64_t zimmermann = plan_interview(x, "Eva", "Zimmermann", 3, berlin_at(x->today - 3, 9, 0));
	return zimmermann != 0 &&
	       schedule(x, zimmermann, berlin_at(x->brandt_away, 14, 0), 3, berlin_at(x->today - 3, 9, 5));
}

/* --- disclosure and messages ------------------------------------------------------ */

/* Martin Schulte heard the role's challenges in his in-depth interview;
 * Henrik Jansen's disclosure is deliberately missing (the guard's story). */
static bool add_disclosure(const struct timeline_ctx *x)
{
	const struct application_card *c = card_of(x, "Martin", "Schulte");
	struct actor manager = staff_actor(x, "brandt");
	int64_t held = 0;

	if (!c || interview_of(x, "Martin", "Schulte", 2, &held) == 0 || held == 0)
		return false;
	struct challenge_disclosure d = { .application_id = c->a.id, .disclosed_at = held + 80 * MINUTE };
	str_copy(d.note, sizeof d.note,
		 "Im vertiefenden Gespräch offen angesprochen: Übergabe der zwei Großkunden vom Vertriebsleiter, "
		 "Preisdruck bei Standardsensoren, Kinderkrankheiten der kabellosen Zustandsüberwachung, kein Büro "
		 "und keine Referenzkunden in Benelux, lückenhafte CRM-Historie. Hat nachgefragt, wirkt nicht "
		 "abgeschreckt.");
	enum store_rc rc = store_challenge_disclosure_add(x->s, &manager, &d, held + 80 * MINUTE);
	if (rc != STORE_OK)
		log_error("demo: cannot record the challenge disclosure: %s", store_rc_name(rc));
	return rc == STORE_OK;
}

/* Queues a message from the recruiter to the candidate of card c at `at`;
 * when sent, the worker (the system) claims and delivers it a minute
 * later, which writes the contact event. */
static bool add_message(const struct timeline_ctx *x, const struct application_card *c, const char *kind,
			const char *subject, const char *body, int64_t at, bool sent)
{
	struct actor recruiter = staff_actor(x, "weber");
	struct outbox_message m, claimed;
	struct candidate cand;
	enum store_rc rc;

	memset(&m, 0, sizeof m);
	if ((rc = store_candidate_get(x->s, c->a.candidate_id, &cand)) != STORE_OK)
		goto failed;
	m.candidate_id = c->a.candidate_id;
	m.application_id = c->a.id;
	str_copy(m.kind, sizeof m.kind, kind);
	str_copy(m.lang, sizeof m.lang, "de");
	str_copy(m.to_address, sizeof m.to_address, cand.email);
	str_copy(m.subject, sizeof m.subject, subject);
	if (!str_copy(m.body, sizeof m.body, body)) {
		rc = STORE_INVALID;
		goto failed;
	}
	if ((rc = store_outbox_enqueue(x->s, &recruiter, &m, at)) != STORE_OK || !sent)
		goto done;
	if ((rc = store_outbox_claim(x->s, at + MINUTE, &claimed)) != STORE_OK)
		goto failed;
	if (claimed.id != m.id) {
		log_error("demo: the outbox claimed message %lld instead of %lld", (long long)claimed.id,
			  (long long)m.id);
		return false;
	}
	rc = store_outbox_mark_sent(x->s, &SYSTEM_ACTOR, m.id, at + 2 * MINUTE);
done:
	if (rc == STORE_OK)
		return true;
failed:
	log_error("demo: cannot put the %s to %s %s into the outbox: %s", kind, c->first_name, c->last_name,
		  store_rc_name(rc));
	return false;
}

/* The invitation to Yvonne Lange (sent four days ago, when her interview
 * was arranged), the acknowledgement to the career-page applicant Katrin
 * Moeller (sent after her application), the interim update to Anna
 * Bergmann (queued two hours ago; no mail server in the demo). */
static bool add_messages(const struct timeline_ctx *x, int64_t lange_start)
{
	const struct application_card *lange = card_of(x, "Yvonne", "Lange");
	const struct application_card *moeller = card_of(x, "Katrin", "Moeller");
	const struct application_card *bergmann = card_of(x, "Anna", "Bergmann");
	char when[96], subject[MESSAGE_SUBJECT_MAX + 1], body[2000];

	if (!lange || !moeller || !bergmann)
		return false;

	german_datetime(when, sizeof when, lange_start);
	snprintf(subject, sizeof subject, "Einladung zum Kennenlernen: %s", x->title);
	snprintf(body, sizeof body,
		 "Guten Tag Frau Lange,\n\n"
		 "vielen Dank für das freundliche Telefonat. Wie besprochen laden wir Sie herzlich zum ersten "
		 "Gespräch für die Position %s ein:\n\n"
		 "Termin: %s\n"
		 "Dauer: etwa 45 Minuten\n"
		 "Video: %s\n"
		 "Gesprächspartner: Jonas Weber (Recruiting) und Thomas Brandt (Vertriebsleiter)\n\n"
		 "Die Kalendereinladung finden Sie im Anhang. Falls der Termin nicht passt, melden Sie sich gern.\n\n"
		 "Viele Grüße\nJonas Weber\nNordlicht Sensorik GmbH",
		 x->title, when, VIDEO_LINK);
	if (!add_message(x, lange, "invitation", subject, body, berlin_at(x->today - 4, 11, 30), true))
		return false;

	snprintf(subject, sizeof subject, "Ihre Bewerbung als %s", x->title);
	snprintf(body, sizeof body,
		 "Guten Tag Frau Moeller,\n\n"
		 "vielen Dank für Ihre Bewerbung als %s bei der Nordlicht Sensorik GmbH. Ihre Unterlagen sind "
		 "vollständig bei uns eingegangen. Wir sehen sie uns in den nächsten Tagen genau an und melden "
		 "uns spätestens in einer Woche bei Ihnen.\n\n"
		 "Viele Grüße\nJonas Weber\nNordlicht Sensorik GmbH",
		 x->title);
	if (!add_message(x, moeller, "acknowledgement", subject, body, moeller->a.created_at + 40 * MINUTE, true))
		return false;

	snprintf(subject, sizeof subject, "Zwischenstand zu Ihrer Bewerbung als %s", x->title);
	snprintf(body, sizeof body,
		 "Guten Tag Frau Bergmann,\n\n"
		 "wir möchten Sie kurz auf dem Laufenden halten: Herr Brandt ist in dieser Woche mit den ersten "
		 "Gesprächen beschäftigt; wir schlagen Ihnen bis Mitte nächster Woche einen Termin für das erste "
		 "Gespräch vor. Ihre Bewerbung ist uns wichtig — danke für Ihre Geduld.\n\n"
		 "Viele Grüße\nJonas Weber\nNordlicht Sensorik GmbH");
	return add_message(x, bergmann, "interim", subject, body, x->now - 2 * HOUR, false);
}

/* --- filling -------------------------------------------------------------------- */

/* Reads what the rest needs: the position's title and Bundesland, the
 * round ids, the board, and the days of next week. */
static bool load(struct timeline_ctx *x)
{
	struct position_facts facts;
	struct interview_round *rounds = NULL;
	size_t n = 0;

	memset(&facts, 0, sizeof facts);
	if (store_position_facts(x->s, x->position_id, &facts) != STORE_OK) {
		log_error("demo: cannot read the key account manager position");
		return false;
	}
	str_copy(x->state, sizeof x->state, facts.state);
	str_copy(x->title, sizeof x->title, facts.title);
	position_facts_free(&facts);
	if (store_interview_plan_get(x->s, x->position_id, &rounds, &n) != STORE_OK || n != COUNT(x->round_ids)) {
		log_error("demo: the timeline needs the three interview rounds");
		free(rounds);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		x->round_ids[i] = rounds[i].id;
	free(rounds);
	if (store_application_board(x->s, x->position_id, &x->board, &x->nboard) != STORE_OK) {
		log_error("demo: cannot read the key account manager pipeline");
		return false;
	}
	int32_t monday = x->today + 8 - calendar_weekday(x->today);
	x->next_monday = calendar_add_working_days(monday, 0, x->state, NULL, NULL);
	x->brandt_away = calendar_add_working_days(monday - 1, 3, x->state, NULL, NULL);
	return true;
}

bool demo_timeline_fill(struct store *s, int64_t kam_position_id, int64_t now)
{
	struct timeline_ctx x;
	int64_t lange_start = 0;
	bool ok;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.position_id = kam_position_id;
	x.now = now;
	x.today = calendar_day_of_unix_berlin(now);
	if (!staff_load(&x) || !add_early_candidate(&x) || !load(&x))
		ok = false;
	else
		ok = add_plan(&x) && schedule_held(&x) && schedule_upcoming(&x, &lange_start) && add_absences(&x) &&
		     add_disclosure(&x) && add_messages(&x, lange_start);
	free(x.board);
	return ok;
}
