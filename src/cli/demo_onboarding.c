/*
 * demo_onboarding.c — offers and onboarding of `stellwerk demo`; see
 * demo_onboarding.h.
 *
 * The story. Before the search for the key account manager for industrial
 * customers, Nordlicht Sensorik filled a first key account position: the
 * medical-technology customers (makers of ventilators, dialysis machines,
 * lab analysers, surgical drives, care beds and imaging tables), until then
 * looked after on the side by Aylin Yilmaz (Business Development) and, for
 * the largest one, by Thomas Brandt himself. Its profile came from the same
 * role template and was approved by Dr. Keller; Peter Schulz (CFO) set the
 * budget band of 80,000–95,000 €. Jonas Weber found Miriam Albers, who went
 * through every stage and heard the role's known challenges in her final
 * interview (documented); Thomas Brandt offered 88,000 € fixed, she countered
 * with 95,000 €, and the second version at 92,000 € — still inside the
 * band, so no approval was needed — was accepted. Her notice period (twelve
 * weeks to the end of a month) set the start.
 *
 * She started thirteen working days before today, so she is in week 3 of
 * her 90-day plan, which Thomas Brandt generated from the role template's
 * onboarding section the week before her start (with the Head of
 * Engineering, a stakeholder of the position, for the product training):
 * every task due before today is done by its owner except one, left late;
 * the check-ins of weeks 1 and 2 were held with notes, the one of week 3
 * was moved to today; the goals are on their way and the day-30 review is
 * ahead. Her six key accounts were imported and their introduction
 * meetings scheduled by core/handover in weeks 2–4, most important first;
 * Aylin Yilmaz's holiday, entered long before, pushed the fourth one past
 * her first three meetings. Of those three, the most important account is
 * handed over, the two others introduced; the rest are planned.
 *
 * In the running search, Henrik Jansen (in the offer stage) gets a draft
 * offer inside the band Peter Schulz set for that position; it stays a
 * draft, so the timeline story (negotiation running) is unchanged.
 *
 * Everything is dated relative to now and to Miriam Albers's start day, so
 * the demo looks the same on any day it is created.
 */
#include "cli/demo_onboarding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/berlin_time.h"
#include "core/calendar.h"
#include "core/candidate.h"
#include "core/handover.h"
#include "core/notice.h"
#include "core/onboarding.h"
#include "core/pipeline.h"
#include "core/profile_check.h"
#include "core/role_template.h"
#include "store/absences.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/hires.h"
#include "store/hiring_plans.h"
#include "store/offers.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/users.h"
#include "util/embedded.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

#define DAY (24 * 60 * 60)
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Miriam Albers started this many working days before today (today is
 * working day 14 of her plan); fewer when holidays would put her in week 4.
 * Two tasks of weeks 2–4 are due before today then: one done, one late. */
#define STARTED_WORKING_DAYS_AGO 13
#define STARTED_WORKING_DAYS_AGO_MIN 10
#define TARGET_WEEK 3

/* Calendar days before her start day. */
enum {
	AGO_POSITION_CREATED = 230,   /* the profile is worked on over the three days after */
	AGO_PROFILE_APPROVED = 215,
	AGO_POSITION_OPENED = 212,
	AGO_BAND_SET = 211,
	AGO_CANDIDATE_FOUND = 200,
	AGO_OFFER_FIRST = 150,        /* offer stage and first version, sent the same day */
	AGO_OFFER_COUNTER = 143,      /* her counter-offer and the second version */
	AGO_OFFER_ACCEPTED = 140,
	AGO_ABSENCE_ENTERED = 60,
	AGO_ACCOUNTS_IMPORTED = 10,
	AGO_ACCOUNT_CREATED = 7,
};

/* The holiday of Aylin Yilmaz: working days 8..13 of the plan (1 = the
 * start day), in the handover window after her first two meetings. */
#define ABSENCE_FIRST_WORKING_DAY 8
#define ABSENCE_LAST_WORKING_DAY 13

#define MEDTECH_BAND_MIN 80000
#define MEDTECH_BAND_MAX 95000
#define KAM_BAND_MIN 85000        /* the running search: its position's salary range */
#define KAM_BAND_MAX 105000
#define KAM_BAND_SET_DAYS_AGO 20

enum staff { ST_ADMIN, ST_WEBER, ST_BRANDT, ST_HOFFMANN, ST_SCHULZ, ST_YILMAZ, ST__COUNT };
static const char *const STAFF_LOGINS[ST__COUNT] = { "admin", "weber", "brandt", "hoffmann", "schulz", "yilmaz" };

struct onb_ctx {
	struct store *s;
	int64_t now;
	int32_t today;                   /* the Berlin calendar day of now */
	int32_t start;                   /* Miriam Albers's first day */
	char state[8];                   /* the organisation's Bundesland */
	int64_t organisation_id;
	int64_t staff[ST__COUNT];
	int64_t albers;                  /* her account */
	int64_t position_id;
	int64_t candidate_id;
	int64_t application_id;
	int64_t hire_id;
	struct stage stages[PIPELINE_DEFAULT_COUNT];
	size_t nstages;
};

/* --- helpers ------------------------------------------------------------------ */

static struct actor staff_actor(const struct onb_ctx *x, enum staff who)
{
	return (struct actor){ x->staff[who], STAFF_LOGINS[who], NULL };
}

static struct actor albers_actor(const struct onb_ctx *x)
{
	return (struct actor){ x->albers, DEMO_ONBOARDING_HIRE_LOGIN, NULL };
}

/* UTC seconds of hour:minute Berlin time on day number `day`. */
static int64_t berlin_at(int32_t day, int hour, int minute)
{
	int y, m, d;
	int64_t utc = 0;

	calendar_ymd_from_day(day, &y, &m, &d);
	if (!berlin_to_utc(y, m, d, hour, minute, &utc))
		return berlin_day_start_utc(day) + (int64_t)(hour * 60 + minute) * 60;
	return utc;
}

/* hour:minute on the day `days` calendar days before her start. */
static int64_t before_start(const struct onb_ctx *x, int days, int hour, int minute)
{
	return berlin_at(x->start - days, hour, minute);
}

/* The working day `n` of her plan (1 = the start day). */
static int32_t plan_working_day(const struct onb_ctx *x, int n)
{
	return calendar_add_working_days(x->start, n - 1, x->state, NULL, NULL);
}

static bool copy_text(char *dst, size_t size, const char *src, const char *what)
{
	if (str_copy(dst, size, src ? src : ""))
		return true;
	log_error("demo: the text of %s does not fit (%zu bytes at most)", what, size - 1);
	return false;
}

static bool check(enum store_rc rc, const char *what)
{
	if (rc != STORE_OK)
		log_error("demo: cannot %s: %s", what, store_rc_name(rc));
	return rc == STORE_OK;
}

static bool load_context(struct onb_ctx *x, int64_t kam_position_id)
{
	struct position kam;
	struct organisation o;

	for (size_t i = 0; i < ST__COUNT; i++) {
		struct user u;
		if (store_user_by_name(x->s, STAFF_LOGINS[i], &u) != STORE_OK) {
			log_error("demo: the onboarding needs the demo user %s", STAFF_LOGINS[i]);
			return false;
		}
		x->staff[i] = u.id;
	}
	if (!check(store_position_get(x->s, kam_position_id, &kam), "load the key account manager position") ||
	    !check(store_organisation_get(x->s, kam.organisation_id, &o), "load the demo organisation"))
		return false;
	x->organisation_id = kam.organisation_id;
	str_copy(x->state, sizeof x->state, o.state);
	x->nstages = pipeline_default_stages(x->stages, COUNT(x->stages));
	return true;
}

/* The start day: STARTED_WORKING_DAYS_AGO working days before the last
 * working day up to today, fewer when holidays would move her past week 3. */
static bool pick_start(struct onb_ctx *x)
{
	int32_t ref = x->today;
	struct onb_task_state none = { 0, ONB_TASK_OPEN };

	while (!calendar_is_working_day(ref, x->state))
		ref--;
	for (int n = STARTED_WORKING_DAYS_AGO; n >= STARTED_WORKING_DAYS_AGO_MIN; n--) {
		int32_t start = calendar_add_working_days(ref, -n, x->state, NULL, NULL);
		if (onboarding_progress(start, &none, 0, x->today).week == TARGET_WEEK) {
			x->start = start;
			return true;
		}
	}
	log_error("demo: no start day puts the new hire in week %d", TARGET_WEEK);
	return false;
}

/* --- the filled position --------------------------------------------------------- */

static const char MEDTECH_CHALLENGES[] =
	"Die Kunden aus der Medizintechnik qualifizieren ihre Lieferanten nach ISO 13485 und MDR; jede Änderung "
	"an einem Sensor löst bei ihnen eine aufwendige Requalifizierung aus.\n"
	"Die Schlüsselkunden wurden bisher nebenbei von der Business-Development-Managerin und vom "
	"Vertriebsleiter betreut; die Übergabe muss ohne Bruch in der Beziehung gelingen.\n"
	"Vom ersten Muster bis zur Serienbestellung vergehen oft zwei Jahre; Erfolge zeigen sich spät.";

struct medtech_goal {
	enum goal_kind kind;
	const char *title;
	int64_t revenue_amount;
	int horizon_months;
	const char *accounts;
	bool technical_market;
	const char *notes;
};

static const struct medtech_goal medtech_goals[] = {
	{ GOAL_REVENUE, "Umsatz mit Medizintechnik-Kunden auf 5 Mio. € steigern", 5000000, 24, NULL, false,
	  "Heute rund 4,2 Mio. € mit sechs Schlüsselkunden, fast alles Einzelbestellungen." },
	{ GOAL_ACCOUNT_DEVELOPMENT, "Schlüsselkunden der Medizintechnik übernehmen und ausbauen", 0, 0,
	  "Alstertal Medizintechnik GmbH, Hanse Dialysetechnik AG, Weserland Labordiagnostik GmbH", true,
	  "Eine feste Ansprechpartnerin statt Betreuung nebenbei; Rahmenverträge statt Einzelbestellungen." },
};

static const struct { const char *login; enum stakeholder_role role; } medtech_stakeholders[] = {
	{ "admin", STAKEHOLDER_MANAGING_DIRECTOR },
	{ "brandt", STAKEHOLDER_SALES_HEAD },
	{ "schulz", STAKEHOLDER_CFO },
	{ "hoffmann", STAKEHOLDER_HEAD_OF_ENGINEERING },
};

/* Loads the built-in role template `key` (caller frees with role_template_free). */
static bool load_template(const char *key, struct role_template *out)
{
	char path[128], err[256];
	const struct embedded_file *f;

	snprintf(path, sizeof path, TEMPLATE_DATA_DIR "%s.json", key);
	if ((f = embedded_find(path)) == NULL) {
		log_error("demo: no built-in role template %s", path);
		return false;
	}
	if (!role_template_parse((const char *)f->data, f->len, out, err, sizeof err)) {
		log_error("demo: role template %s does not parse: %s", path, err);
		return false;
	}
	return true;
}

static enum staff staff_of(const char *login)
{
	for (size_t i = 0; i < ST__COUNT; i++)
		if (str_eq(STAFF_LOGINS[i], login))
			return (enum staff)i;
	return ST_ADMIN;
}

/* The position as a draft, its goals, the template's requirements (each
 * serving both goals) and the stakeholders on the days after creation. */
static bool create_medtech_position(struct onb_ctx *x, const struct role_template *t, struct position *p)
{
	int64_t created = before_start(x, AGO_POSITION_CREATED, 9, 30);
	int64_t goal_ids[COUNT(medtech_goals)];
	struct field_problem problem;
	char target[CALENDAR_ISO_LEN];

	memset(p, 0, sizeof *p);
	p->organisation_id = x->organisation_id;
	p->remote = REMOTE_HYBRID;
	p->employment = EMPLOYMENT_FULL_TIME;
	p->headcount = 1;
	p->salary_min = MEDTECH_BAND_MIN;
	p->salary_max = MEDTECH_BAND_MAX;
	p->owner_id = x->staff[ST_BRANDT];
	calendar_format_iso(x->start, target);
	if (!copy_text(p->template_key, sizeof p->template_key, "kam", "a template key") ||
	    !copy_text(p->title, sizeof p->title, DEMO_ONBOARDING_POSITION_TITLE, "a position title") ||
	    !copy_text(p->department, sizeof p->department, "Vertrieb", "a department") ||
	    !copy_text(p->location, sizeof p->location, "Hamburg", "a location") ||
	    !copy_text(p->currency, sizeof p->currency, "EUR", "a currency") ||
	    !copy_text(p->target_start, sizeof p->target_start, target, "a target start") ||
	    !copy_text(p->challenges, sizeof p->challenges, MEDTECH_CHALLENGES, "the challenges"))
		return false;
	if (position_validate(p, &problem, 1) > 0) {
		log_error("demo: position %s: %s: %s", p->title, problem.field, problem.message);
		return false;
	}
	if (!check(store_position_create(x->s, &CLI_ACTOR, p, created), "create the medical-technology position"))
		return false;
	x->position_id = p->id;

	for (size_t i = 0; i < COUNT(medtech_goals); i++) {
		const struct medtech_goal *d = &medtech_goals[i];
		struct goal g;
		memset(&g, 0, sizeof g);
		g.kind = d->kind;
		g.revenue_amount = d->revenue_amount;
		g.horizon_months = d->horizon_months;
		g.technical_market = d->technical_market;
		if (!copy_text(g.title, sizeof g.title, d->title, "a goal title") ||
		    !copy_text(g.accounts, sizeof g.accounts, d->accounts, d->title) ||
		    !copy_text(g.notes, sizeof g.notes, d->notes, d->title) ||
		    !check(store_goal_add(x->s, &CLI_ACTOR, p->id, &g, created), "add a goal"))
			return false;
		goal_ids[i] = g.id;
	}
	for (size_t i = 0; i < t->nrequirements; i++) {
		struct requirement r = role_template_requirement(&t->requirements[i], TEMPLATE_DE);
		r.ngoals = 0;
		for (size_t k = 0; k < COUNT(goal_ids); k++)
			r.goal_ids[r.ngoals++] = goal_ids[k];
		if (!check(store_requirement_add(x->s, &CLI_ACTOR, p->id, &r, created + DAY), "add a requirement"))
			return false;
	}
	for (size_t i = 0; i < COUNT(medtech_stakeholders); i++) {
		struct stakeholder sh;
		struct user u;
		memset(&sh, 0, sizeof sh);
		sh.user_id = x->staff[staff_of(medtech_stakeholders[i].login)];
		sh.role = medtech_stakeholders[i].role;
		if (!check(store_user_by_id(x->s, sh.user_id, &u), "load a stakeholder") ||
		    !copy_text(sh.name, sizeof sh.name, u.display_name, "a stakeholder name") ||
		    !check(store_stakeholder_add(x->s, &CLI_ACTOR, p->id, &sh, created + 2 * DAY),
			   "add a stakeholder"))
			return false;
	}
	return true;
}

/* Approves the profile as the managing director when the checks let it
 * pass (warnings are logged), opens the position and lets the CFO set the
 * budget band. */
static bool approve_and_open(struct onb_ctx *x, const struct role_template *t, struct position *p)
{
	struct profile_check_options opt = { NULL, t->usual_years_min, t->usual_years_max };
	struct actor admin = staff_actor(x, ST_ADMIN), schulz = staff_actor(x, ST_SCHULZ);
	struct finding findings[32];
	struct profile prof;
	int version = 0;

	if (!check(store_profile_load(x->s, p->id, &prof), "load the medical-technology profile"))
		return false;
	size_t n = profile_check(&prof, &opt, findings, COUNT(findings));
	profile_free(&prof);
	for (size_t i = 0; i < n; i++) {
		if (findings[i].severity == SEVERITY_ERROR)
			log_error("demo: the profile of %s fails check %s: %s", p->title, findings[i].rule,
				  findings[i].message);
		else
			log_warn("demo: the profile of %s has a finding %s: %s", p->title, findings[i].rule,
				 findings[i].message);
	}
	if (findings_block_approval(findings, n) ||
	    !check(store_profile_approve(x->s, &admin, p->id, before_start(x, AGO_PROFILE_APPROVED, 15, 0), &version),
		   "approve the medical-technology profile"))
		return false;

	p->status = POSITION_OPEN;
	if (!check(store_position_update(x->s, &CLI_ACTOR, p, before_start(x, AGO_POSITION_OPENED, 8, 45)),
		   "open the medical-technology position"))
		return false;

	struct budget_band band = { .position_id = p->id, .min_salary = MEDTECH_BAND_MIN,
				    .max_salary = MEDTECH_BAND_MAX };
	str_copy(band.currency, sizeof band.currency, "EUR");
	return check(store_budget_band_set(x->s, &schulz, &band, before_start(x, AGO_BAND_SET, 11, 20)),
		     "set the medical-technology budget band");
}

/* --- Miriam Albers: candidate, application, offer, hire --------------------------- */

static const struct {
	const char *stage;
	int days;                 /* before her start */
	int hour, minute;
} albers_path[] = {
	{ "contacted", AGO_CANDIDATE_FOUND - 1, 10, 5 },
	{ "prequalification", AGO_CANDIDATE_FOUND - 6, 16, 0 },
	{ "first_interview", AGO_CANDIDATE_FOUND - 16, 10, 0 },
	{ "deep_interview", AGO_CANDIDATE_FOUND - 26, 14, 0 },
	{ "final_interview", AGO_CANDIDATE_FOUND - 37, 11, 0 },   /* the disclosure below: same day */
	{ "offer", AGO_OFFER_FIRST, 9, 30 },
};

static bool add_albers(struct onb_ctx *x)
{
	struct actor recruiter = staff_actor(x, ST_WEBER), manager = staff_actor(x, ST_BRANDT);
	struct move_input none = { NULL, NULL, INFORMED_UNANSWERED };
	struct candidate c;
	struct application a;
	const char *from;

	candidate_init(&c);
	str_copy(c.first_name, sizeof c.first_name, "Miriam");
	str_copy(c.last_name, sizeof c.last_name, "Albers");
	str_copy(c.email, sizeof c.email, "miriam.albers@mail.example");
	str_copy(c.phone, sizeof c.phone, "+49 431 5550 1130");
	str_copy(c.current_role, sizeof c.current_role, "Vertriebsingenieurin Medizintechnik");
	str_copy(c.current_company, sizeof c.current_company, "Förde Medizinsysteme GmbH");
	str_copy(c.location, sizeof c.location, "Kiel");
	c.notice_period_weeks = 12;
	c.salary_expectation = 95000;
	str_copy(c.currency, sizeof c.currency, "EUR");
	str_copy(c.languages, sizeof c.languages, "Deutsch C2, Englisch C1");
	str_copy(c.links, sizeof c.links, "https://www.linkedin.com/in/miriam-albers-medtech");
	str_copy(c.tags, sizeof c.tags, "Medizintechnik, ISO 13485, Drucksensorik");
	str_copy(c.channel, sizeof c.channel, "linkedin");
	if (!check(store_candidate_create(x->s, &recruiter, &c, before_start(x, AGO_CANDIDATE_FOUND, 9, 40)),
		   "add the candidate Miriam Albers"))
		return false;
	x->candidate_id = c.id;

	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = x->position_id;
	str_copy(a.stage, sizeof a.stage, x->stages[0].code);
	str_copy(a.channel, sizeof a.channel, "linkedin");
	if (!check(store_application_create(x->s, &recruiter, &a, before_start(x, AGO_CANDIDATE_FOUND, 9, 41)),
		   "add the application of Miriam Albers"))
		return false;
	x->application_id = a.id;

	from = a.stage;
	for (size_t i = 0; i < COUNT(albers_path); i++) {
		const char *to = albers_path[i].stage;
		enum move_check mc = pipeline_check_move(x->stages, x->nstages, from, to, &none);
		if (mc != MOVE_OK) {
			log_error("demo: Miriam Albers cannot move from %s to %s: %s", from, to, move_check_code(mc));
			return false;
		}
		const struct actor *who = i >= 2 ? &manager : &recruiter;
		if (!check(store_application_move(x->s, who, a.id, to, &none,
						  before_start(x, albers_path[i].days, albers_path[i].hour,
							       albers_path[i].minute)),
			   "move Miriam Albers along the pipeline"))
			return false;
		from = to;
	}
	struct challenge_disclosure d = { .application_id = a.id };
	const int final = AGO_CANDIDATE_FOUND - 37;
	d.disclosed_at = before_start(x, final, 12, 20);
	str_copy(d.note, sizeof d.note,
		 "Im Finalgespräch offen angesprochen: Requalifizierung bei jeder Sensoränderung, Übergabe der "
		 "Kunden von Frau Yilmaz und Herrn Brandt, lange Wege bis zur Serienbestellung. Kennt das aus "
		 "ihrer jetzigen Stelle.");
	if (!check(store_challenge_disclosure_add(x->s, &manager, &d, d.disclosed_at),
		   "record the challenge disclosure to Miriam Albers"))
		return false;
	return check(store_application_add_event(x->s, &recruiter, c.id, a.id, EVENT_CONTACT,
						 "Direktansprache über LinkedIn: betreut seit acht Jahren Hersteller von "
						 "Beatmungs- und Dialysegeräten, offen für einen Wechsel nach Hamburg.",
						 before_start(x, AGO_CANDIDATE_FOUND - 1, 10, 0), NULL),
		     "add a contact of Miriam Albers");
}

/* One offer version of the demo. */
static void fill_version(struct offer_version *v, int64_t fixed, int64_t variable, const char *benefits,
			 int32_t start_day, const char *notice_rule, int notice_weeks, const char *note)
{
	memset(v, 0, sizeof *v);
	v->fixed_salary = fixed;
	v->variable_salary = variable;
	str_copy(v->benefits, sizeof v->benefits, benefits);
	v->start_day = start_day;
	str_copy(v->contract_type, sizeof v->contract_type, "permanent_full_time");
	str_copy(v->notice_rule, sizeof v->notice_rule, notice_rule);
	v->notice_weeks = notice_weeks;
	str_copy(v->note, sizeof v->note, note);
}

#define MEDTECH_BENEFITS                                                                                   \
	"30 Tage Urlaub\n"                                                                                 \
	"Dienstwagen der Mittelklasse, auch zur privaten Nutzung\n"                                       \
	"2.000 € Weiterbildungsbudget im Jahr"

/* The first version (88,000 €) sent, her counter-offer, the second version
 * (92,000 €, inside the band) and its acceptance, which moves her to hired
 * and creates the hire with Thomas Brandt as her manager. The start lies
 * after her notice period (checked with core/notice). */
static bool add_albers_offer(struct onb_ctx *x)
{
	struct actor manager = staff_actor(x, ST_BRANDT);
	struct move_input none = { NULL, NULL, INFORMED_UNANSWERED };
	struct offer_version v;
	int64_t offer_id = 0;

	int32_t earliest = notice_earliest_start(x->start - AGO_OFFER_COUNTER, 12, NOTICE_WEEKS_TO_MONTH_END, x->state);
	if (earliest > x->start) {
		log_error("demo: Miriam Albers's start lies before the end of her notice period");
		return false;
	}
	fill_version(&v, 88000, 12000, MEDTECH_BENEFITS, x->start, "weeks_to_month_end", 12,
		     "Erstes Angebot nach dem Finalgespräch, mit Dr. Keller abgestimmt.");
	if (!check(store_offer_create(x->s, &manager, x->application_id, &v, before_start(x, AGO_OFFER_FIRST, 10, 0),
				      &offer_id), "create the offer of Miriam Albers") ||
	    !check(store_offer_set_status(x->s, &manager, offer_id, "sent", before_start(x, AGO_OFFER_FIRST, 11, 30)),
		   "send the offer of Miriam Albers") ||
	    !check(store_application_add_event(x->s, &manager, x->candidate_id, x->application_id, EVENT_CONTACT,
					       "Gegenangebot am Telefon: Frau Albers wünscht 95.000 € fix; der "
					       "variable Anteil und der Dienstwagen passen für sie.",
					       before_start(x, AGO_OFFER_COUNTER, 9, 15), NULL),
		   "record the counter-offer of Miriam Albers"))
		return false;

	fill_version(&v, 92000, 12000, MEDTECH_BENEFITS "\nBahnCard 50 für Kundenbesuche", x->start,
		     "weeks_to_month_end", 12,
		     "Einigung nach ihrem Gegenangebot (95.000 €): 92.000 € fix, variabler Anteil unverändert, dazu "
		     "die BahnCard. Innerhalb des Budgetrahmens, keine Freigabe nötig.");
	if (!check(store_offer_add_version(x->s, &manager, offer_id, &v, before_start(x, AGO_OFFER_COUNTER, 14, 0)),
		   "add the second offer version of Miriam Albers"))
		return false;

	enum move_check mc = pipeline_check_move(x->stages, x->nstages, "offer", STAGE_CODE_HIRED, &none);
	if (mc != MOVE_OK) {
		log_error("demo: Miriam Albers cannot move to hired: %s", move_check_code(mc));
		return false;
	}
	return check(store_offer_accept(x->s, &manager, offer_id, STAGE_CODE_HIRED, x->staff[ST_BRANDT],
					before_start(x, AGO_OFFER_ACCEPTED, 9, 30), &x->hire_id),
		     "accept the offer of Miriam Albers");
}

/* The position is filled on the day of the acceptance. */
static bool fill_position(struct onb_ctx *x, struct position *p)
{
	if (!check(store_position_get(x->s, x->position_id, p), "reload the medical-technology position"))
		return false;
	p->status = POSITION_FILLED;
	return check(store_position_update(x->s, &CLI_ACTOR, p, before_start(x, AGO_OFFER_ACCEPTED, 9, 45)),
		     "mark the medical-technology position filled");
}

/* Her account (role interviewer, the demo password), created by the admin
 * the week before her start and linked to the hire. */
static bool add_albers_account(struct onb_ctx *x, const char *password_hash)
{
	struct actor admin = staff_actor(x, ST_ADMIN);
	int64_t at = before_start(x, AGO_ACCOUNT_CREATED, 14, 0);
	struct user u;

	memset(&u, 0, sizeof u);
	str_copy(u.name, sizeof u.name, DEMO_ONBOARDING_HIRE_LOGIN);
	str_copy(u.display_name, sizeof u.display_name, "Miriam Albers");
	str_copy(u.lang, sizeof u.lang, "de");
	str_copy(u.password_hash, sizeof u.password_hash, password_hash);
	u.role = ROLE_INTERVIEWER;
	if (!check(store_user_create(x->s, &admin, &u, at), "create the account of Miriam Albers"))
		return false;
	x->albers = u.id;
	return check(store_hire_set_user(x->s, &admin, x->hire_id, u.id, at + 60), "link the account to the hire");
}

/* --- the 90-day plan -------------------------------------------------------------- */

/* Who stands for an owner kind of a task. */
static int64_t owner_user(const struct onb_ctx *x, enum onb_owner o)
{
	switch (o) {
	case ONB_OWNER_NEW_HIRE: return x->albers;
	case ONB_OWNER_MANAGER: return x->staff[ST_BRANDT];
	case ONB_OWNER_PREVIOUS_OWNER: return x->staff[ST_YILMAZ];
	case ONB_OWNER_ENGINEERING: return x->staff[ST_HOFFMANN];
	default: return 0;
	}
}

/* The German name of a goal kind the template gives no title for (core
 * fills in the English label; the demo's plan is German throughout). */
static const char *german_goal_title(enum onb_goal_kind k)
{
	switch (k) {
	case ONB_GOAL_CUSTOMERS_MET: return "Kunden kennengelernt";
	case ONB_GOAL_PRODUCT_KNOWLEDGE: return "Produktwissen";
	case ONB_GOAL_FIRST_SUCCESSES: return "Erste Erfolge";
	default: return "Weiteres Ziel";
	}
}

/* The plan of the KAM template's onboarding section dated from her start
 * (core/onboarding), in German, stored by Thomas Brandt the week before her
 * start, once her account existed: her tasks name her. */
static bool generate_plan(struct onb_ctx *x, const struct role_template *t)
{
	struct actor manager = staff_actor(x, ST_BRANDT);
	struct onb_template ot;
	struct onb_plan plan;
	struct onboarding_plan sp;
	char err[256];
	bool ok = false;

	memset(&ot, 0, sizeof ot);
	memset(&plan, 0, sizeof plan);
	memset(&sp, 0, sizeof sp);
	if (!onboarding_template_from_slots(t->slots_json, &ot, err, sizeof err)) {
		log_error("demo: the onboarding section of the kam template does not parse: %s", err);
		return false;
	}
	if (ot.ntasks == 0) {
		log_error("demo: the kam template has no onboarding tasks");
		goto cleanup;
	}
	onboarding_plan_generate(&ot, x->start, x->state, &plan);

	sp.tasks = xcalloc(plan.ntasks, sizeof *sp.tasks);
	sp.ntasks = plan.ntasks;
	for (size_t i = 0; i < plan.ntasks; i++) {
		const struct onb_task *pt = &plan.tasks[i];
		struct onboarding_task *st = &sp.tasks[i];
		str_copy(st->phase, sizeof st->phase, onb_phase_code(pt->tpl->phase));
		str_copy(st->owner_kind, sizeof st->owner_kind, onb_owner_code(pt->tpl->owner));
		str_copy(st->status, sizeof st->status, onb_task_status_code(ONB_TASK_OPEN));
		if (!copy_text(st->title, sizeof st->title, pt->tpl->title[TEMPLATE_DE], "a task title") ||
		    !copy_text(st->description, sizeof st->description, pt->tpl->description[TEMPLATE_DE],
			       "a task description"))
			goto cleanup;
		st->owner_user_id = owner_user(x, pt->tpl->owner);
		st->due_day = pt->due_day;
		st->ord = pt->ord + 1;
	}
	sp.checkins = xcalloc(ONB_CHECKINS, sizeof *sp.checkins);
	sp.ncheckins = ONB_CHECKINS;
	for (size_t i = 0; i < ONB_CHECKINS; i++) {
		sp.checkins[i].week = plan.checkins[i].week;
		sp.checkins[i].day = plan.checkins[i].day;
		sp.checkins[i].time_minutes = plan.checkins[i].time_minutes;
	}
	sp.goals = xcalloc(plan.ngoals > 0 ? plan.ngoals : 1, sizeof *sp.goals);
	sp.ngoals = plan.ngoals;
	for (size_t i = 0; i < plan.ngoals; i++) {
		struct onboarding_goal *g = &sp.goals[i];
		const char *title = plan.goals[i].title[TEMPLATE_DE];
		str_copy(g->kind, sizeof g->kind, onb_goal_kind_code(plan.goals[i].kind));
		str_copy(g->status, sizeof g->status, onb_goal_status_code(ONB_GOAL_OPEN));
		if (title[0] == '\0' || str_eq(title, onb_goal_kind_label(plan.goals[i].kind)))
			title = german_goal_title(plan.goals[i].kind);
		if (!copy_text(g->title, sizeof g->title, title, "a goal title") ||
		    !copy_text(g->target, sizeof g->target, plan.goals[i].target[TEMPLATE_DE], "a goal target"))
			goto cleanup;
	}
	sp.reviews = xcalloc(ONB_REVIEWS, sizeof *sp.reviews);
	sp.nreviews = ONB_REVIEWS;
	for (size_t i = 0; i < ONB_REVIEWS; i++) {
		sp.reviews[i].day_mark = plan.reviews[i].day_mark;
		sp.reviews[i].due_day = plan.reviews[i].due_day;
	}
	ok = check(store_onboarding_plan_store(x->s, &manager, x->hire_id, &sp, false,
					       before_start(x, AGO_ACCOUNT_CREATED, 15, 0)),
		   "store the onboarding plan of Miriam Albers");
cleanup:
	free(sp.tasks);
	free(sp.checkins);
	free(sp.goals);
	free(sp.reviews);
	onboarding_plan_free(&plan);
	onboarding_template_free(&ot);
	return ok;
}

static struct actor actor_for_owner(const struct onb_ctx *x, const char *owner_kind)
{
	if (str_eq(owner_kind, "new_hire"))
		return albers_actor(x);
	if (str_eq(owner_kind, "engineering"))
		return staff_actor(x, ST_HOFFMANN);
	if (str_eq(owner_kind, "previous_owner"))
		return staff_actor(x, ST_YILMAZ);
	return staff_actor(x, ST_BRANDT);
}

/* The task left late: among the tasks due before today, the latest of
 * weeks 2–4 owned by engineering (a product training that slipped), else
 * the latest of weeks 2–4, else the latest of all. -1 when none is due. */
static long pick_late_task(const struct onboarding_task *tasks, size_t n, int32_t today)
{
	long best[3] = { -1, -1, -1 };

	for (size_t i = 0; i < n; i++) {
		if (tasks[i].due_day >= today)
			continue;
		bool weeks2_4 = str_eq(tasks[i].phase, "weeks2_4");
		if (weeks2_4 && str_eq(tasks[i].owner_kind, "engineering"))
			best[0] = (long)i;
		if (weeks2_4)
			best[1] = (long)i;
		best[2] = (long)i;
	}
	return best[0] >= 0 ? best[0] : best[1] >= 0 ? best[1] : best[2];
}

/* Every task due before today is done by its owner on its due day, except
 * one left late; the tasks due today or later are open. */
static bool tick_tasks(struct onb_ctx *x)
{
	struct onboarding_task *tasks = NULL;
	size_t n = 0;
	bool ok = true;

	if (!check(store_onboarding_tasks(x->s, x->hire_id, &tasks, &n), "load the onboarding tasks"))
		return false;
	long late = pick_late_task(tasks, n, x->today);
	if (late < 0) {
		log_error("demo: no onboarding task of Miriam Albers is due before today");
		ok = false;
	}
	for (size_t i = 0; i < n && ok; i++) {
		if (tasks[i].due_day >= x->today || (long)i == late)
			continue;
		struct actor who = actor_for_owner(x, tasks[i].owner_kind);
		int32_t day = tasks[i].due_day;
		while (!calendar_is_working_day(day, x->state) && day > x->start)
			day--;
		ok = check(store_onboarding_task_set_status(x->s, &who, tasks[i].id, "done",
							    berlin_at(day, 15, (int)(i % 50))),
			   "tick an onboarding task");
	}
	free(tasks);
	return ok;
}

static const char *const CHECKIN_NOTES[] = {
	"Erste Woche gut angekommen: Zugänge zu CRM, ERP und Musterlager funktionieren. Vorstellungsrunden "
	"mit Vertrieb, Marketing, Produktion und Technik gehalten. Wunsch: feste Ansprechpartnerin in der "
	"Qualitätssicherung für die MDR-Fragen der Kunden.",
	"Die Übergabetermine stehen, die wichtigsten Kunden zuerst; Frau Yilmaz geht in den nächsten Tagen "
	"in Urlaub, ein Termin mit ihren Kunden liegt deshalb danach. Die Produktschulung mit Frau Hoffmann "
	"hat begonnen: Drucksensorik sitzt, die Funkmodule folgen.",
};

/* Check-ins of weeks 1 and 2 held with notes; the one of week 3, when its
 * day has passed, moved to the next working day from today on. */
static bool hold_checkins(struct onb_ctx *x)
{
	struct actor manager = staff_actor(x, ST_BRANDT);
	struct onboarding_checkin *list = NULL;
	size_t n = 0;
	bool ok;

	if (!check(store_onboarding_checkins(x->s, x->hire_id, &list, &n), "load the check-ins"))
		return false;
	ok = n == ONB_CHECKINS;
	if (!ok)
		log_error("demo: the plan has %zu check-ins instead of %d", n, ONB_CHECKINS);
	for (size_t i = 0; i < n && ok; i++) {
		const struct onboarding_checkin *c = &list[i];
		if (c->week <= (int)COUNT(CHECKIN_NOTES)) {
			ok = check(store_onboarding_checkin_update(x->s, &manager, c->id, CHECKIN_NOTES[c->week - 1], true,
								   berlin_at(c->day, 16, 50)),
				   "record a check-in");
		} else if (c->week == TARGET_WEEK && c->day < x->today) {
			int32_t day = calendar_add_working_days(x->today, 0, x->state, NULL, NULL);
			ok = check(store_onboarding_checkin_reschedule(x->s, &manager, c->id, day, c->time_minutes,
								       berlin_at(c->day, 8, 30)),
				   "move the check-in of week 3");
		}
	}
	free(list);
	return ok;
}

/* The goals on their way, as Thomas Brandt noted them yesterday (the last
 * working day before today). */
static bool update_goals(struct onb_ctx *x)
{
	struct actor manager = staff_actor(x, ST_BRANDT);
	struct onboarding_goal *goals = NULL;
	size_t n = 0;
	bool ok = true;
	int64_t at = berlin_at(calendar_add_working_days(x->today, -1, x->state, NULL, NULL), 17, 30);

	if (!check(store_onboarding_goals(x->s, x->hire_id, &goals, &n), "load the onboarding goals"))
		return false;
	for (size_t i = 0; i < n && ok; i++) {
		const char *status = "on_track", *note;
		if (str_eq(goals[i].kind, "customers_met")) {
			note = "Drei der sechs Schlüsselkunden persönlich kennengelernt; die übrigen Termine stehen.";
		} else if (str_eq(goals[i].kind, "product_knowledge")) {
			note = "Produktschulung abgeschlossen; ein Termin mit Technik und Produktmanagement ist "
			       "überfällig und muss neu angesetzt werden.";
		} else if (str_eq(goals[i].kind, "first_successes")) {
			status = "open";
			note = "Erstes eigenes Angebot: Verlängerung des Rahmenvertrags mit Alstertal Medizintechnik.";
		} else {
			note = "Läuft nach Plan.";
		}
		ok = check(store_onboarding_goal_update(x->s, &manager, goals[i].id, status, note, at),
			   "update an onboarding goal");
	}
	free(goals);
	return ok;
}

/* --- key accounts and handovers --------------------------------------------------- */

struct demo_account {
	const char *name;
	int64_t revenue;              /* EUR per year */
	int priority;
	enum staff previous_owner;
	const char *notes;
};

static const struct demo_account demo_accounts[] = {
	{ "Alstertal Medizintechnik GmbH", 1450000, 1, ST_BRANDT,
	  "Drucksensoren für Beatmungsgeräte. Der Rahmenvertrag läuft Ende März aus; die Verlängerung ist "
	  "vorzubereiten. Entscheider: Leitung Einkauf und Entwicklung." },
	{ "Hanse Dialysetechnik AG", 980000, 1, ST_YILMAZ,
	  "Durchflusssensoren für Dialysegeräte; der Einkauf verhandelt die Preise jedes Jahr im Januar." },
	{ "Weserland Labordiagnostik GmbH", 620000, 2, ST_YILMAZ,
	  "Temperatursensoren für Analysegeräte; eine neue Gerätegeneration ist in Entwicklung, die "
	  "Musterbestellung steht aus." },
	{ "Donautal Chirurgietechnik GmbH", 540000, 2, ST_YILMAZ,
	  "Kraftsensoren für chirurgische Antriebe; die Lieferantenqualifizierung nach ISO 13485 läuft." },
	{ "Friesland Rehatechnik GmbH", 310000, 3, ST_YILMAZ,
	  "Neigungssensoren für Pflegebetten; Preisgespräch im Frühjahr." },
	{ "Elbe Medical Imaging GmbH", 260000, 3, ST_YILMAZ,
	  "Positionssensoren für Patiententische; bisher nur Einzelbestellungen." },
};

/* Aylin Yilmaz's week of holiday in the handover window, entered long
 * before the accounts were scheduled. */
static bool add_owner_absence(struct onb_ctx *x)
{
	struct actor yilmaz = staff_actor(x, ST_YILMAZ);
	struct absence a = { .user_id = x->staff[ST_YILMAZ],
			     .from_day = plan_working_day(x, ABSENCE_FIRST_WORKING_DAY),
			     .to_day = plan_working_day(x, ABSENCE_LAST_WORKING_DAY) };

	str_copy(a.note, sizeof a.note, "Urlaub");
	return check(store_absence_add(x->s, &yilmaz, &a, before_start(x, AGO_ABSENCE_ENTERED, 10, 0)),
		     "record the absence of Aylin Yilmaz");
}

struct owner_absences {
	struct absence *list;
	size_t n;
};

static bool owner_absent(void *ctx, int64_t owner_user_id, int32_t day)
{
	const struct owner_absences *a = ctx;
	return absence_list_covers(a->list, a->n, owner_user_id, day);
}

/* The accounts as imported from the CSV of the old customer list, by
 * Thomas Brandt before her start. */
static bool import_accounts(struct onb_ctx *x)
{
	struct actor manager = staff_actor(x, ST_BRANDT);
	struct key_account rows[COUNT(demo_accounts)];
	size_t bad = 0;

	memset(rows, 0, sizeof rows);
	for (size_t i = 0; i < COUNT(demo_accounts); i++) {
		const struct demo_account *d = &demo_accounts[i];
		rows[i].annual_revenue = d->revenue;
		rows[i].priority = d->priority;
		rows[i].previous_owner_user_id = x->staff[d->previous_owner];
		if (!copy_text(rows[i].name, sizeof rows[i].name, d->name, "a key account name") ||
		    !copy_text(rows[i].notes, sizeof rows[i].notes, d->notes, d->name))
			return false;
	}
	enum store_rc rc = store_key_accounts_import(x->s, &manager, x->hire_id, rows, COUNT(rows),
						     before_start(x, AGO_ACCOUNTS_IMPORTED, 11, 0), &bad);
	if (rc != STORE_OK)
		log_error("demo: cannot import the key accounts (row %zu): %s", bad, store_rc_name(rc));
	return rc == STORE_OK;
}

/* Schedules the introduction meetings with core/handover (the previous
 * owners' absences respected) and records how far they got: of the
 * meetings before today the most important account is handed over, the
 * others introduced; the rest stay planned. */
static bool schedule_handovers(struct onb_ctx *x)
{
	struct actor manager = staff_actor(x, ST_BRANDT);
	int64_t owners[] = { x->staff[ST_BRANDT], x->staff[ST_YILMAZ] };
	struct owner_absences absences = { NULL, 0 };
	struct key_account *accounts = NULL;
	struct handover_account *in = NULL;
	struct handover_slot *slots = NULL;
	int64_t *ids = NULL;
	int32_t *days = NULL;
	size_t n = 0;
	bool ok = false;

	if (!check(store_key_accounts(x->s, x->hire_id, &accounts, &n), "load the key accounts") ||
	    !check(store_absences_for_users(x->s, owners, COUNT(owners), INT32_MIN, INT32_MAX, &absences.list,
					    &absences.n), "load the previous owners' absences"))
		goto cleanup;

	in = xcalloc(n + 1, sizeof *in);
	slots = xcalloc(n + 1, sizeof *slots);
	ids = xcalloc(n + 1, sizeof *ids);
	days = xcalloc(n + 1, sizeof *days);
	for (size_t i = 0; i < n; i++)
		in[i] = (struct handover_account){ accounts[i].id, accounts[i].priority, accounts[i].annual_revenue,
						   accounts[i].previous_owner_user_id, accounts[i].previous_owner_name,
						   HANDOVER_NO_DAY };
	size_t placed = handover_schedule(in, n, x->start, x->state, owner_absent, &absences, slots);
	for (size_t i = 0; i < n; i++) {
		ids[i] = slots[i].account_id;
		days[i] = slots[i].day == HANDOVER_NO_DAY ? 0 : slots[i].day;
	}
	ok = placed == n && check(store_key_accounts_schedule(x->s, &manager, x->hire_id, ids, days, n,
							       before_start(x, AGO_ACCOUNTS_IMPORTED, 11, 30)),
				  "schedule the handovers");
	if (placed != n)
		log_error("demo: %zu key accounts found no handover day", n - placed);

	bool handed_over = false;
	for (size_t i = 0; i < n && ok; i++) {   /* slots are in order of importance */
		if (days[i] == 0 || days[i] >= x->today)
			continue;
		const char *status = handed_over ? "introduced" : "handed_over";
		handed_over = true;
		int32_t at_day = calendar_add_working_days(days[i], 1, x->state, NULL, NULL);
		if (at_day >= x->today)
			at_day = days[i];
		ok = check(store_key_account_set_handover(x->s, &manager, ids[i], days[i], status,
							  berlin_at(at_day, 17, 0)),
			   "record a handover");
	}
cleanup:
	free(in);
	free(slots);
	free(ids);
	free(days);
	free(accounts);
	free(absences.list);
	return ok;
}

/* --- Henrik Jansen: the draft offer of the running search --------------------------- */

/* Peter Schulz sets the band of the running search (its salary range); Thomas
 * Brandt drafts Jansen's offer inside it, to start after his notice period
 * (twelve weeks to the end of a quarter). Not sent, not accepted. */
static bool add_jansen_offer(struct onb_ctx *x, int64_t kam_position_id)
{
	struct actor schulz = staff_actor(x, ST_SCHULZ), manager = staff_actor(x, ST_BRANDT);
	struct application_card *board = NULL;
	struct offer_version v;
	size_t n = 0;
	int64_t application_id = 0;

	if (!check(store_application_board(x->s, kam_position_id, &board, &n), "load the key account manager board"))
		return false;
	for (size_t i = 0; i < n; i++)
		if (str_eq(board[i].first_name, "Henrik") && str_eq(board[i].last_name, "Jansen") &&
		    str_eq(board[i].a.stage, "offer"))
			application_id = board[i].a.id;
	free(board);
	if (application_id == 0) {
		log_error("demo: Henrik Jansen is not in the offer stage of the key account manager search");
		return false;
	}

	struct budget_band band = { .position_id = kam_position_id, .min_salary = KAM_BAND_MIN,
				    .max_salary = KAM_BAND_MAX };
	str_copy(band.currency, sizeof band.currency, "EUR");
	if (!check(store_budget_band_set(x->s, &schulz, &band, berlin_at(x->today - KAM_BAND_SET_DAYS_AGO, 11, 0)),
		   "set the key account manager budget band"))
		return false;

	int32_t start = notice_earliest_start(x->today, 12, NOTICE_WEEKS_TO_QUARTER_END, x->state);
	fill_version(&v, 104000, 15000,
		     "30 Tage Urlaub\n"
		     "Dienstwagen der Mittelklasse, auch zur privaten Nutzung\n"
		     "2.000 € Weiterbildungsbudget im Jahr",
		     start, "weeks_to_quarter_end", 12,
		     "Nach dem Abschlussgespräch mit Dr. Keller abgestimmt. Vor dem Versand die bekannten "
		     "Herausforderungen der Stelle offenlegen und dokumentieren.");
	return check(store_offer_create(x->s, &manager, application_id, &v, berlin_at(x->today - 3, 17, 10), NULL),
		     "draft the offer of Henrik Jansen");
}

/* --- entry point ---------------------------------------------------------------------- */

bool demo_onboarding_fill(struct store *s, const char *password_hash, int64_t kam_position_id, int64_t now)
{
	struct onb_ctx x;
	struct role_template t;
	struct position p;
	bool ok = false;

	memset(&x, 0, sizeof x);
	memset(&t, 0, sizeof t);
	x.s = s;
	x.now = now;
	x.today = calendar_day_of_unix_berlin(now);
	if (!load_context(&x, kam_position_id) || !pick_start(&x) || !load_template("kam", &t))
		return false;
	ok = create_medtech_position(&x, &t, &p) && approve_and_open(&x, &t, &p) && add_albers(&x) &&
	     add_albers_offer(&x) && fill_position(&x, &p) && add_albers_account(&x, password_hash) &&
	     generate_plan(&x, &t) && tick_tasks(&x) && hold_checkins(&x) && update_goals(&x) &&
	     add_owner_absence(&x) && import_accounts(&x) && schedule_handovers(&x) &&
	     add_jansen_offer(&x, kam_position_id);
	role_template_free(&t);
	return ok;
}
