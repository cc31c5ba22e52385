/*
 * guards.c — the process guardrails of a position (R-GUARD-1..3, 6, 7) over
 * plain facts with `now` passed in. See guards.h for rules and thresholds.
 */
#include "core/guards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n_mark.h"
#include "core/interview_plan.h"

#define SECONDS_PER_DAY 86400

const char *guard_severity_code(enum guard_severity s)
{
	switch (s) {
	case GUARD_INFO: return "info";
	case GUARD_WARNING: return "warning";
	case GUARD_CRITICAL: return "critical";
	case GUARD_SEVERITY__COUNT: break;
	}
	return "";
}

const char *guard_severity_label(enum guard_severity s)
{
	switch (s) {
	case GUARD_INFO: return N_("Note");
	case GUARD_WARNING: return N_("Warning");
	case GUARD_CRITICAL: return N_("Critical");
	case GUARD_SEVERITY__COUNT: break;
	}
	return "";
}

const char *guard_fix_code(enum guard_fix f)
{
	static const char *const codes[GUARD_FIX__COUNT] = { "candidate", "board", "kit", "plan", "timeline" };
	return (unsigned)f < GUARD_FIX__COUNT ? codes[f] : "";
}

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

int health_finding_compare(const void *pa, const void *pb)
{
	const struct health_finding *a = pa, *b = pb;
	int c;

	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if (a->days != b->days)
		return a->days > b->days ? -1 : 1;
	if ((c = strcmp(a->rule, b->rule)) != 0)
		return c;
	if ((c = cmp_i64(a->application_id, b->application_id)) != 0)
		return c;
	if ((c = cmp_i64(a->interview_id, b->interview_id)) != 0)
		return c;
	return cmp_i64(a->user_id, b->user_id);
}

/* Keeps the `max` most urgent findings in out[0..*n), sorted; counts all. */
struct sink {
	struct health_finding *out;
	size_t max, n, total;
};

static void emit(struct sink *s, const struct health_finding *f)
{
	s->total++;
	if (s->max == 0)
		return;
	if (s->n == s->max) {
		if (health_finding_compare(f, &s->out[s->n - 1]) >= 0)
			return;
		s->n--;   /* drop the least urgent */
	}
	size_t i = s->n;
	while (i > 0 && health_finding_compare(f, &s->out[i - 1]) < 0) {
		s->out[i] = s->out[i - 1];
		i--;
	}
	s->out[i] = *f;
	s->n++;
}

static void init_finding(struct health_finding *f, const char *rule, enum guard_severity sev, const char *msg,
			 enum guard_fix fix)
{
	memset(f, 0, sizeof *f);
	f->rule = rule;
	f->severity = sev;
	f->message = msg;
	f->fix = fix;
}

static void copy_name(char *dst, const char *src)
{
	snprintf(dst, GUARD_NAME_MAX, "%s", src != NULL ? src : "");
}

static void for_application(struct health_finding *f, const struct guard_application_facts *a)
{
	f->application_id = a->id;
	f->candidate_id = a->candidate_id;
	copy_name(f->candidate_name, a->candidate_name);
}

/* Calendar days (Europe/Berlin) from the day of `since` to the day of now. */
static int calendar_days(int64_t since, int64_t now)
{
	return (int)(calendar_day_of_unix_berlin(now) - calendar_day_of_unix_berlin(since));
}

/* Working days after the day of `since` up to and including today. */
static int working_days(int64_t since, int64_t now, const char *state)
{
	int n = calendar_working_days_between(calendar_day_of_unix_berlin(since), calendar_day_of_unix_berlin(now),
					      state, NULL, NULL);
	return n > 0 ? n : 0;
}

/* R-GUARD-1 */
static void check_selection(const struct guard_facts *g, int64_t now, struct sink *s)
{
	if (g->position.first_application_at <= 0 || g->position.first_application_at > now)
		return;
	for (size_t i = 0; i < g->napplications; i++)
		if (g->applications[i].kind == STAGE_HIRED)
			return;   /* the selection is over */
	int days = calendar_days(g->position.first_application_at, now);
	if (days <= GUARD_SELECTION_MAX_DAYS)
		return;
	struct health_finding f;
	init_finding(&f, GUARD_RULE_SELECTION_TOO_LONG, GUARD_WARNING,
		     N_("The selection has been running for more than six weeks since the first application. "
			"When the process takes longer, good candidates have often accepted other offers."),
		     GUARD_FIX_TIMELINE);
	f.days = days;
	f.days_unit = GUARD_DAYS_CALENDAR;
	emit(s, &f);
}

/* R-GUARD-2 */
static void check_availability(const struct guard_application_facts *a, int64_t now, struct sink *s)
{
	if (a->kind != STAGE_ACTIVE || a->created_at <= 0 || a->created_at > now)
		return;
	int days = calendar_days(a->created_at, now);
	struct health_finding f;
	if (days > GUARD_AVAILABILITY_MAX_DAYS)
		init_finding(&f, GUARD_RULE_AVAILABILITY_WINDOW, GUARD_CRITICAL,
			     N_("In the process for more than four weeks: excellent candidates are available for "
				"four weeks at most. Decide now."),
			     GUARD_FIX_BOARD);
	else if (days >= GUARD_AVAILABILITY_WARN_DAYS)
		init_finding(&f, GUARD_RULE_AVAILABILITY_WINDOW, GUARD_WARNING,
			     N_("In the process for three weeks or more: the four-week availability window is "
				"closing. Plan the next step."),
			     GUARD_FIX_BOARD);
	else
		return;
	for_application(&f, a);
	f.days = days;
	f.days_unit = GUARD_DAYS_CALENDAR;
	emit(s, &f);
}

/* R-GUARD-3 */
static void check_contact(const struct guard_application_facts *a, const char *state, int64_t now,
			  struct sink *s)
{
	if (a->kind != STAGE_ACTIVE)
		return;
	int64_t since = a->last_contact_at > 0 ? a->last_contact_at : a->created_at;
	if (since <= 0 || since > now)
		return;
	int days = working_days(since, now, state);
	struct health_finding f;
	if (days >= GUARD_NO_CONTACT_LOST)
		init_finding(&f, GUARD_RULE_NO_CONTACT, GUARD_CRITICAL,
			     N_("Three weeks without an answer: the candidate reads the silence as a lack of "
				"interest. Get in touch today."),
			     GUARD_FIX_CANDIDATE);
	else if (days >= GUARD_NO_CONTACT_CRITICAL)
		init_finding(&f, GUARD_RULE_NO_CONTACT, GUARD_CRITICAL,
			     N_("No contact for two weeks or more. Tell the candidate where the process stands."),
			     GUARD_FIX_CANDIDATE);
	else if (days >= GUARD_NO_CONTACT_WARN)
		init_finding(&f, GUARD_RULE_NO_CONTACT, GUARD_WARNING,
			     N_("No contact for a week or more. Tell the candidate about the next steps."),
			     GUARD_FIX_CANDIDATE);
	else
		return;
	for_application(&f, a);
	f.days = days;
	f.days_unit = GUARD_DAYS_WORKING;
	emit(s, &f);
}

/* R-GUARD-6 */
static void check_challenges(const struct guard_facts *g, const struct guard_application_facts *a, int64_t now,
			     struct sink *s)
{
	if (!g->position.has_documented_challenges || a->kind == STAGE_EXIT || !a->offer || a->challenges_disclosed)
		return;
	struct health_finding f;
	init_finding(&f, GUARD_RULE_CHALLENGES_NOT_DISCLOSED, GUARD_WARNING,
		     N_("An offer without documented disclosure of the role's challenges. A new hire who learns "
			"about them only after starting is soon disappointed and may leave again."),
		     GUARD_FIX_CANDIDATE);
	for_application(&f, a);
	f.days = a->created_at > 0 && a->created_at <= now ? calendar_days(a->created_at, now) : 0;
	f.days_unit = GUARD_DAYS_CALENDAR;
	emit(s, &f);
}

static const struct guard_application_facts *find_application(const struct guard_facts *g, int64_t id)
{
	for (size_t i = 0; i < g->napplications; i++)
		if (g->applications[i].id == id)
			return &g->applications[i];
	return NULL;
}

/* Scorecards not submitted 2 working days after the interview. */
static void check_feedback(const struct guard_facts *g, const struct guard_interview_facts *iv, int64_t now,
			   struct sink *s)
{
	if (iv->cancelled || iv->starts_at <= 0 || iv->starts_at >= now)
		return;
	const struct guard_application_facts *a = find_application(g, iv->application_id);
	if (a != NULL && a->kind == STAGE_EXIT)
		return;
	int days = working_days(iv->starts_at, now, g->position.state);
	if (days < GUARD_FEEDBACK_DUE_WORKING_DAYS)
		return;
	for (size_t i = 0; i < iv->ninterviewers; i++) {
		const struct guard_interviewer_facts *w = &iv->interviewers[i];
		if (w->submitted)
			continue;
		struct health_finding f;
		init_finding(&f, GUARD_RULE_FEEDBACK_DUE, GUARD_WARNING,
			     N_("Scorecard not submitted two working days after the interview. Fresh impressions "
				"fade; submit the feedback now."),
			     GUARD_FIX_KIT);
		if (a != NULL)
			for_application(&f, a);
		else
			f.application_id = iv->application_id;
		f.interview_id = iv->id;
		f.user_id = w->user_id;
		copy_name(f.user_name, w->name);
		f.days = days;
		f.days_unit = GUARD_DAYS_WORKING;
		emit(s, &f);
	}
}

/* R-GUARD-4, reusing the rule of core/interview_plan.h. */
static void check_rounds(const struct guard_facts *g, struct sink *s)
{
	struct guard_finding r[1];
	if (interview_rounds_check(g->position.nrounds, r, 1) == 0)
		return;
	struct health_finding f;
	init_finding(&f, GUARD_RULE_TOO_MANY_ROUNDS, GUARD_WARNING, r[0].message, GUARD_FIX_PLAN);
	f.days = (int)g->position.nrounds;
	f.days_unit = GUARD_DAYS_NONE;
	emit(s, &f);
}

size_t guards_evaluate(const struct guard_facts *g, int64_t now, struct health_finding *out, size_t max,
		       size_t *total)
{
	struct sink s = { out, out != NULL ? max : 0, 0, 0 };

	check_selection(g, now, &s);
	check_rounds(g, &s);
	for (size_t i = 0; i < g->napplications; i++) {
		const struct guard_application_facts *a = &g->applications[i];
		check_availability(a, now, &s);
		check_contact(a, g->position.state, now, &s);
		check_challenges(g, a, now, &s);
	}
	for (size_t i = 0; i < g->ninterviews; i++)
		check_feedback(g, &g->interviews[i], now, &s);
	if (total != NULL)
		*total = s.total;
	return s.n;
}
