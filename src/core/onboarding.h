/*
 * onboarding.h — the 90-day plan of a new hire (R-ONB-1, 3, 4, 5): task
 * templates from the role template's "onboarding" slot, the dated plan
 * (tasks, 12 weekly check-ins, 90-day goals, reviews at day 30/60/90) and the
 * progress on a given day. Pure: no I/O, no clock; days are day numbers of
 * core/calendar.h and working days skip weekends and the state's holidays.
 *
 * Slot schema (data/templates/README.md): an array whose elements are either
 *   a task  {"key", "phase", "owner", "offset", "duration", "title":{de,en},
 *            "description":{de,en}}   (description optional)
 *   a goal  {"goal": "customers_met"|"product_knowledge"|"first_successes"|"other",
 *            "title":{de,en} (optional for the three named kinds), "target":{de,en}}
 * offset = working-day index from the start (0 = start day, 5 = first day of
 * week 2 when no holiday intervenes), duration ≥ 1 working days.
 *
 * Dating: s0 = the start day, or the next working day when it is none;
 *   task first day = s0 + offset working days; due = first day + (duration − 1)
 *   working days.
 *   check-in of week w (1..12) = start + 7·(w − 1) calendar days, moved to the
 *   next working day when it is none; at 16:00 local (ONB_CHECKIN_MINUTES).
 *   review at mark m (30, 60, 90) = start + m calendar days, moved likewise.
 *   goals: always customers_met, product_knowledge, first_successes (in that
 *   order; target from the template when it has one, else ""), then the
 *   template's "other" goals.
 */
#ifndef STELLWERK_CORE_ONBOARDING_H
#define STELLWERK_CORE_ONBOARDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/role_template.h"   /* TEMPLATE_DE, TEMPLATE_EN, TEMPLATE_LANGS, TEMPLATE_KEY_MAX */

#define ONB_MAX_TASKS 60
#define ONB_MAX_GOALS 8
#define ONB_TITLE_MAX 200              /* buffer sizes (bytes incl. NUL) */
#define ONB_DESCRIPTION_MAX 1000
#define ONB_TARGET_MAX 400
#define ONB_MAX_OFFSET 64              /* offset 0..63 working days (≈ 90 calendar days) */
#define ONB_MAX_DURATION 40
#define ONB_CHECKINS 12
#define ONB_CHECKIN_MINUTES (16 * 60)  /* 16:00 Europe/Berlin */
#define ONB_REVIEWS 3                  /* day 30, 60, 90 */
#define ONB_DAYS 90

enum onb_phase { ONB_WEEK1, ONB_WEEKS2_4, ONB_MONTH2, ONB_MONTH3, ONB_PHASE__COUNT };
const char *onb_phase_code(enum onb_phase p);     /* "week1" "weeks2_4" "month2" "month3"; "unknown" */
const char *onb_phase_label(enum onb_phase p);    /* N_("Week 1") N_("Weeks 2–4") N_("Month 2") N_("Month 3") */
bool onb_phase_parse(const char *code, enum onb_phase *out);

enum onb_owner { ONB_OWNER_NEW_HIRE, ONB_OWNER_MANAGER, ONB_OWNER_PREVIOUS_OWNER, ONB_OWNER_ENGINEERING,
		 ONB_OWNER__COUNT };
const char *onb_owner_code(enum onb_owner o);     /* "new_hire" "manager" "previous_owner" "engineering" */
const char *onb_owner_label(enum onb_owner o);    /* N_("New hire") N_("Manager") N_("Previous account owner")
						     N_("Engineering / product management") */
bool onb_owner_parse(const char *code, enum onb_owner *out);

enum onb_task_status { ONB_TASK_OPEN, ONB_TASK_DONE, ONB_TASK_SKIPPED, ONB_TASK_STATUS__COUNT };
const char *onb_task_status_code(enum onb_task_status s);   /* "open" "done" "skipped" */
const char *onb_task_status_label(enum onb_task_status s);  /* N_("Open") N_("Done") N_("Skipped") */
bool onb_task_status_parse(const char *code, enum onb_task_status *out);

enum onb_goal_kind { ONB_GOAL_CUSTOMERS_MET, ONB_GOAL_PRODUCT_KNOWLEDGE, ONB_GOAL_FIRST_SUCCESSES, ONB_GOAL_OTHER,
		     ONB_GOAL_KIND__COUNT };
const char *onb_goal_kind_code(enum onb_goal_kind k);   /* "customers_met" "product_knowledge" "first_successes" "other" */
const char *onb_goal_kind_label(enum onb_goal_kind k);  /* N_("Customers met") N_("Product knowledge")
							   N_("First successes") N_("Other goal") */
bool onb_goal_kind_parse(const char *code, enum onb_goal_kind *out);

enum onb_goal_status { ONB_GOAL_OPEN, ONB_GOAL_ON_TRACK, ONB_GOAL_AT_RISK, ONB_GOAL_REACHED, ONB_GOAL_STATUS__COUNT };
const char *onb_goal_status_code(enum onb_goal_status s);   /* "open" "on_track" "at_risk" "reached" */
const char *onb_goal_status_label(enum onb_goal_status s);  /* N_("Open") N_("On track") N_("At risk") N_("Reached") */
bool onb_goal_status_parse(const char *code, enum onb_goal_status *out);

struct onb_task_template {
	char key[TEMPLATE_KEY_MAX];
	enum onb_phase phase;
	enum onb_owner owner;
	int offset_working_days;                       /* 0..ONB_MAX_OFFSET-1 */
	int duration_working_days;                     /* 1..ONB_MAX_DURATION */
	char title[TEMPLATE_LANGS][ONB_TITLE_MAX];
	char description[TEMPLATE_LANGS][ONB_DESCRIPTION_MAX];   /* may be "" */
};

struct onb_goal_template {
	enum onb_goal_kind kind;
	char title[TEMPLATE_LANGS][ONB_TITLE_MAX];     /* "" = the kind's label */
	char target[TEMPLATE_LANGS][ONB_TARGET_MAX];
};

struct onb_template {
	struct onb_task_template *tasks;   /* in template order */
	size_t ntasks;
	struct onb_goal_template goals[ONB_MAX_GOALS];
	size_t ngoals;
};

/* Parses the "onboarding" array (its JSON text; need not be NUL-terminated).
 * On success fills *out (free with onboarding_template_free) and returns
 * true; on bad input returns false, leaves *out empty and writes an English
 * message starting with the JSON path ("onboarding[3].phase: …") into err
 * (may be NULL). Task keys must be unique; offset 0..ONB_MAX_OFFSET-1,
 * duration 1..ONB_MAX_DURATION; at most one goal per named kind; at most
 * ONB_MAX_TASKS tasks and ONB_MAX_GOALS goals. */
bool onboarding_template_parse(const char *json, size_t len, struct onb_template *out, char *err, size_t errlen);
/* The same from a role template's slots_json ({"onboarding":[…],…}); a
 * missing or empty slot gives an empty template (true). */
bool onboarding_template_from_slots(const char *slots_json, struct onb_template *out, char *err, size_t errlen);
void onboarding_template_free(struct onb_template *t);

/* The dated plan. */
struct onb_task {
	const struct onb_task_template *tpl;   /* points into the template (keep it alive) */
	int ord;                               /* 0.. in plan order (template order) */
	int32_t first_day;
	int32_t due_day;
};
struct onb_checkin {
	int week;                              /* 1..12 */
	int32_t day;
	int time_minutes;                      /* ONB_CHECKIN_MINUTES */
};
struct onb_goal {
	enum onb_goal_kind kind;
	char title[TEMPLATE_LANGS][ONB_TITLE_MAX];    /* filled: template title or the kind's English label in both */
	char target[TEMPLATE_LANGS][ONB_TARGET_MAX];
};
struct onb_review {
	int day_mark;                          /* 30, 60, 90 */
	int32_t due_day;
};
struct onb_plan {
	struct onb_task *tasks;                /* ntasks = template's ntasks; sorted by due_day, then ord */
	size_t ntasks;
	struct onb_checkin checkins[ONB_CHECKINS];
	struct onb_goal goals[ONB_MAX_GOALS];
	size_t ngoals;
	struct onb_review reviews[ONB_REVIEWS];
};

/* Dates the template from start_day in `state` (NULL/"" = nationwide).
 * Fills *out; free with onboarding_plan_free. */
void onboarding_plan_generate(const struct onb_template *t, int32_t start_day, const char *state,
			      struct onb_plan *out);
void onboarding_plan_free(struct onb_plan *p);

/* A task is late when it is open and its due day is before today. */
bool onboarding_task_late(int32_t due_day, enum onb_task_status status, int32_t today);

/* What progress needs of a stored task. */
struct onb_task_state {
	int32_t due_day;
	enum onb_task_status status;
};
struct onb_progress {
	size_t done;        /* status done */
	size_t skipped;
	size_t total;       /* all tasks */
	size_t late;        /* open and due before today */
	int percent;        /* (done + skipped) · 100 / total, rounded down; 0 with no tasks */
	int day_number;     /* today − start + 1, clamped to 0..90 (0 before the start) */
	int week;           /* 0 before the start, else 1..13 ((day_number − 1) / 7 + 1) */
	bool finished;      /* today is after day 90 */
};
struct onb_progress onboarding_progress(int32_t start_day, const struct onb_task_state *tasks, size_t n,
					int32_t today);

#endif
