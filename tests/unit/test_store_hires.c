/*
 * test_store_hires.c — hires, the stored 90-day plan and key accounts
 * (store/hires.h) against a real database in a fresh temporary directory
 * per test: a plan is stored once (replaced only when asked, all or
 * nothing), tasks are ticked with who and when, goals, check-ins and
 * reviews keep their notes, a key account import with one bad row stores
 * nothing, handover days and states are kept, and the new hire and the
 * manager find their hires.
 *
 * Spec references: R-ONB-1 (plan from the start day), R-ONB-2 (key
 * accounts, CSV import, handover status), R-ONB-3 (tasks with owner, due
 * day, status), R-ONB-4 (check-ins), R-ONB-5 (goals, reviews), R-X-4.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/hires.h"
#include "store/offers.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600    /* 2026-01-01T00:00:00Z */
#define START_DAY 20515   /* 2026-03-03 */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position, app, hire;
	int64_t hm, newbie, owner;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-hires");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = o.id;
	strcpy(p.title, "Key Account Manager");
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	f->position = p.id;
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, "Jonas");
	strcpy(c.last_name, "Albers");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	struct application a;
	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = p.id;
	strcpy(a.stage, "offer");
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	f->app = a.id;
	f->hm = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->newbie = temp_store_add_user(f->s, "albers", "Jonas Albers", ROLE_INTERVIEWER, NOW);
	f->owner = temp_store_add_user(f->s, "wolff", "", ROLE_INTERVIEWER, NOW);

	struct offer_version v;
	memset(&v, 0, sizeof v);
	v.fixed_salary = 70000;
	v.start_day = START_DAY;
	strcpy(v.contract_type, "permanent_full_time");
	strcpy(v.notice_rule, "weeks_to_quarter_end");
	int64_t offer = 0;
	assert_int_equal(store_offer_create(f->s, &TEST_CLI, f->app, &v, NOW, &offer), STORE_OK);
	assert_int_equal(store_offer_accept(f->s, &TEST_CLI, offer, NULL, f->hm, NOW, &f->hire), STORE_OK);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0);
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

/* A small plan as core/onboarding would generate it: ntasks tasks, 12
 * check-ins, two goals, three reviews (arrays static, valid until the next call). */
static struct onboarding_plan sample_plan(size_t ntasks)
{
	static struct onboarding_task tasks[3];
	static struct onboarding_checkin checkins[12];
	static struct onboarding_goal goals[2];
	static struct onboarding_review reviews[3];
	static const char *const phases[] = { "week1", "weeks2_4", "month2" };
	static const char *const owners[] = { "new_hire", "previous_owner", "manager" };
	memset(tasks, 0, sizeof tasks);
	memset(checkins, 0, sizeof checkins);
	memset(goals, 0, sizeof goals);
	memset(reviews, 0, sizeof reviews);
	for (size_t i = 0; i < 3; i++) {
		strcpy(tasks[i].phase, phases[i]);
		snprintf(tasks[i].title, sizeof tasks[i].title, "Aufgabe %zu", i + 1);
		strcpy(tasks[i].owner_kind, owners[i]);
		tasks[i].due_day = START_DAY + (int32_t)(10 * i);
	}
	strcpy(tasks[0].description, "Systeme: CRM, ERP, Reisekosten");
	for (int w = 0; w < 12; w++) {
		checkins[w].week = w + 1;
		checkins[w].day = START_DAY + 4 + 7 * w;
		checkins[w].time_minutes = 16 * 60;
	}
	strcpy(goals[0].kind, "customers_met");
	strcpy(goals[0].title, "Kunden kennengelernt");
	strcpy(goals[0].target, "20 Kunden persönlich");
	strcpy(goals[1].kind, "product_knowledge");
	strcpy(goals[1].title, "Produktwissen");
	for (int r = 0; r < 3; r++) {
		reviews[r].day_mark = 30 * (r + 1);
		reviews[r].due_day = START_DAY + 30 * (r + 1) - 1;
	}
	return (struct onboarding_plan){ tasks, ntasks, checkins, 12, goals, 2, reviews, 3 };
}

/* R-ONB-1, R-ONB-3: a plan is stored once; a second store is refused unless
 * replacing, and a bad plan changes nothing. */
static void test_plan_stored_once(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct onboarding_plan p = sample_plan(3), got;
	bool exists = true;

	assert_int_equal(store_onboarding_plan_exists(f->s, f->hire, &exists), STORE_OK);
	assert_false(exists);
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, false, NOW), STORE_OK);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "hire");
	assert_string_equal(e.action, "create_plan");
	assert_int_equal(store_onboarding_plan_exists(f->s, f->hire, &exists), STORE_OK);
	assert_true(exists);
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, false, NOW), STORE_CONFLICT);

	assert_int_equal(store_onboarding_plan_load(f->s, f->hire, &got), STORE_OK);
	assert_int_equal(got.ntasks, 3);
	assert_int_equal(got.ncheckins, 12);
	assert_int_equal(got.ngoals, 2);
	assert_int_equal(got.nreviews, 3);
	assert_string_equal(got.tasks[0].title, "Aufgabe 1");
	assert_string_equal(got.tasks[0].description, "Systeme: CRM, ERP, Reisekosten");
	assert_string_equal(got.tasks[0].status, "open");
	assert_int_equal(got.tasks[0].ord, 1);
	assert_string_equal(got.tasks[1].owner_kind, "previous_owner");
	assert_int_equal(got.tasks[2].due_day, START_DAY + 20);
	assert_int_equal(got.checkins[11].week, 12);
	assert_int_equal(got.checkins[11].time_minutes, 960);
	assert_string_equal(got.goals[0].status, "open");
	assert_string_equal(got.goals[0].target, "20 Kunden persönlich");
	assert_int_equal(got.reviews[2].day_mark, 90);
	assert_int_equal(got.reviews[2].done_at, 0);
	store_onboarding_plan_free(&got);

	/* a bad plan (unknown phase; a repeated week) is refused as a whole, the old one stays */
	p = sample_plan(3);
	strcpy(p.tasks[2].phase, "month4");
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, true, NOW), STORE_INVALID);
	p = sample_plan(3);
	p.checkins[1].week = 1;
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, true, NOW), STORE_INVALID);
	p = sample_plan(3);
	p.tasks[0].owner_user_id = 9999;
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, true, NOW), STORE_INVALID);
	assert_int_equal(store_onboarding_plan_load(f->s, f->hire, &got), STORE_OK);
	assert_int_equal(got.ntasks, 3);
	assert_int_equal(got.ncheckins, 12);
	store_onboarding_plan_free(&got);

	/* replace on request */
	p = sample_plan(2);
	p.ngoals = 1;
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, true, NOW + 60), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "replace_plan");
	assert_int_equal(store_onboarding_plan_load(f->s, f->hire, &got), STORE_OK);
	assert_int_equal(got.ntasks, 2);
	assert_int_equal(got.ngoals, 1);
	assert_int_equal(got.ncheckins, 12);
	store_onboarding_plan_free(&got);
	assert_int_equal(store_onboarding_plan_store(f->s, &hm, 9999, &p, true, NOW), STORE_NOT_FOUND);
}

/* R-ONB-3: ticking a task records who and when; reopening clears it. */
static void test_task_tick(void **state)
{
	struct fixture *f = *state;
	struct actor newbie = { f->newbie, "albers", NULL };
	struct onboarding_plan p = sample_plan(3);
	struct onboarding_task *tasks = NULL, t;
	size_t n = 0;

	assert_int_equal(store_onboarding_plan_store(f->s, &TEST_CLI, f->hire, &p, false, NOW), STORE_OK);
	assert_int_equal(store_onboarding_tasks(f->s, f->hire, &tasks, &n), STORE_OK);
	assert_int_equal(n, 3);
	int64_t id = tasks[0].id;
	free(tasks);

	assert_int_equal(store_onboarding_task_set_status(f->s, &newbie, id, "done", NOW + 100), STORE_OK);
	assert_int_equal(store_onboarding_task_get(f->s, id, &t), STORE_OK);
	assert_string_equal(t.status, "done");
	assert_int_equal(t.done_at, NOW + 100);
	assert_int_equal(t.done_by, f->newbie);
	assert_string_equal(t.done_by_name, "Jonas Albers");
	assert_int_equal(t.hire_id, f->hire);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "onboarding_task");
	assert_non_null(strstr(e.changes, "\"status\":[\"open\",\"done\"]"));

	/* ticking again keeps the first tick */
	assert_int_equal(store_onboarding_task_set_status(f->s, &TEST_CLI, id, "done", NOW + 200), STORE_OK);
	assert_int_equal(store_onboarding_task_get(f->s, id, &t), STORE_OK);
	assert_int_equal(t.done_at, NOW + 100);

	assert_int_equal(store_onboarding_task_set_status(f->s, &newbie, id, "open", NOW + 300), STORE_OK);
	assert_int_equal(store_onboarding_task_get(f->s, id, &t), STORE_OK);
	assert_string_equal(t.status, "open");
	assert_int_equal(t.done_at, 0);
	assert_int_equal(t.done_by, 0);
	assert_int_equal(store_onboarding_task_set_status(f->s, &newbie, id, "skipped", NOW + 400), STORE_OK);
	assert_int_equal(store_onboarding_task_get(f->s, id, &t), STORE_OK);
	assert_string_equal(t.status, "skipped");
	assert_int_equal(t.done_at, NOW + 400);

	assert_int_equal(store_onboarding_task_set_status(f->s, &newbie, id, "finished", NOW), STORE_INVALID);
	assert_int_equal(store_onboarding_task_set_status(f->s, &newbie, 9999, "done", NOW), STORE_NOT_FOUND);
}

/* R-ONB-4, R-ONB-5: check-in notes and moves, goal status and note, a goal
 * added by hand, reviews recorded with notes, who and when. */
static void test_checkins_goals_reviews(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct onboarding_plan p = sample_plan(3), got;
	struct onboarding_checkin c;
	struct onboarding_goal g;
	struct onboarding_review r;

	assert_int_equal(store_onboarding_plan_store(f->s, &hm, f->hire, &p, false, NOW), STORE_OK);
	assert_int_equal(store_onboarding_plan_load(f->s, f->hire, &got), STORE_OK);

	int64_t cid = got.checkins[0].id;
	assert_int_equal(store_onboarding_checkin_update(f->s, &hm, cid, "Guter Start, CRM-Zugang fehlt", true, NOW),
			 STORE_OK);
	assert_int_equal(store_onboarding_checkin_reschedule(f->s, &hm, cid, START_DAY + 5, 9 * 60 + 30, NOW),
			 STORE_OK);
	assert_int_equal(store_onboarding_checkin_get(f->s, cid, &c), STORE_OK);
	assert_string_equal(c.notes, "Guter Start, CRM-Zugang fehlt");
	assert_true(c.done);
	assert_int_equal(c.day, START_DAY + 5);
	assert_int_equal(c.time_minutes, 570);
	assert_int_equal(store_onboarding_checkin_reschedule(f->s, &hm, cid, START_DAY, 1440, NOW), STORE_INVALID);
	assert_int_equal(store_onboarding_checkin_update(f->s, &hm, cid, "\xff", false, NOW), STORE_INVALID);

	int64_t gid = got.goals[0].id;
	assert_int_equal(store_onboarding_goal_update(f->s, &hm, gid, "at_risk", "erst 4 von 20 Kunden", NOW),
			 STORE_OK);
	assert_int_equal(store_onboarding_goal_get(f->s, gid, &g), STORE_OK);
	assert_string_equal(g.status, "at_risk");
	assert_string_equal(g.note, "erst 4 von 20 Kunden");
	assert_int_equal(store_onboarding_goal_update(f->s, &hm, gid, "failed", "", NOW), STORE_INVALID);
	memset(&g, 0, sizeof g);
	strcpy(g.kind, "first_successes");
	strcpy(g.title, "Erster Abschluss");
	assert_int_equal(store_onboarding_goal_add(f->s, &hm, f->hire, &g, NOW), STORE_OK);
	assert_true(g.id > 0);
	assert_string_equal(g.status, "open");
	memset(&g, 0, sizeof g);
	strcpy(g.kind, "first_successes");
	assert_int_equal(store_onboarding_goal_add(f->s, &hm, f->hire, &g, NOW), STORE_INVALID);   /* no title */

	int64_t rid = got.reviews[0].id;
	assert_int_equal(store_onboarding_review_record(f->s, &hm, rid, "Tag 30: Einarbeitung im Plan", NOW + 9),
			 STORE_OK);
	assert_int_equal(store_onboarding_review_get(f->s, rid, &r), STORE_OK);
	assert_int_equal(r.day_mark, 30);
	assert_string_equal(r.notes, "Tag 30: Einarbeitung im Plan");
	assert_int_equal(r.done_at, NOW + 9);
	assert_int_equal(r.done_by, f->hm);
	assert_string_equal(r.done_by_name, "Dr. Petra Krause");
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "onboarding_review");
	assert_string_equal(e.action, "record");
	store_onboarding_plan_free(&got);

	struct onboarding_goal *goals = NULL;
	size_t n = 0;
	assert_int_equal(store_onboarding_goals(f->s, f->hire, &goals, &n), STORE_OK);
	assert_int_equal(n, 3);
	free(goals);
}

static struct key_account account(const char *name, int64_t revenue, int priority, int64_t owner)
{
	struct key_account k;
	memset(&k, 0, sizeof k);
	snprintf(k.name, sizeof k.name, "%s", name);
	k.annual_revenue = revenue;
	k.priority = priority;
	k.previous_owner_user_id = owner;
	return k;
}

/* R-ONB-2: an import with one bad row stores nothing and names the row; a
 * good one stores every row, listed most important first. */
static void test_key_account_import_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct key_account rows[4], *list = NULL;
	size_t n = 9, bad = 9;

	rows[0] = account("Klinikum Nord", 400000, 2, f->owner);
	rows[1] = account("Praxisverbund Süd", 150000, 0, 0);     /* priority 0: bad */
	rows[2] = account("Uniklinik West", 900000, 1, 0);
	strcpy(rows[2].previous_owner_name, "Herr Lange (ausgeschieden)");
	rows[3] = account("MVZ Ost", 600000, 2, f->owner);
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_key_accounts_import(f->s, &hm, f->hire, rows, 4, NOW, &bad), STORE_INVALID);
	assert_int_equal(bad, 1);
	assert_int_equal(store_key_accounts(f->s, f->hire, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(audit_count(f->s), audits);
	rows[1] = account("Praxisverbund Süd", 150000, 3, 0);
	rows[3].previous_owner_user_id = 9999;                     /* unknown user: bad */
	assert_int_equal(store_key_accounts_import(f->s, &hm, f->hire, rows, 4, NOW, &bad), STORE_INVALID);
	assert_int_equal(bad, 3);
	assert_int_equal(store_key_accounts(f->s, f->hire, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	rows[3].previous_owner_user_id = f->owner;
	assert_int_equal(store_key_accounts_import(f->s, &hm, f->hire, rows, 4, NOW, &bad), STORE_OK);
	assert_int_equal(bad, 0);
	assert_string_equal(last_audit(f->s).action, "import_key_accounts");
	assert_int_equal(audit_count(f->s), audits + 1);
	assert_int_equal(store_key_accounts(f->s, f->hire, &list, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_string_equal(list[0].name, "Uniklinik West");          /* priority 1 */
	assert_string_equal(list[0].previous_owner_display, "Herr Lange (ausgeschieden)");
	assert_string_equal(list[1].name, "MVZ Ost");                  /* priority 2, higher revenue */
	assert_string_equal(list[1].previous_owner_display, "wolff"); /* no display name: user name */
	assert_string_equal(list[2].name, "Klinikum Nord");
	assert_string_equal(list[3].name, "Praxisverbund Süd");
	assert_string_equal(list[3].handover_status, "planned");
	assert_int_equal(list[3].handover_day, 0);
	free(list);
	assert_int_equal(store_key_accounts_import(f->s, &hm, 9999, rows, 1, NOW, &bad), STORE_NOT_FOUND);
}

/* R-ONB-2: handover days and states are kept per account; a schedule is
 * set as a whole or not at all; accounts can be edited and removed. */
static void test_handover_status(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct key_account a = account("Klinikum Nord", 400000, 1, f->owner), b = account("MVZ Ost", 1000, 2, 0), got;

	assert_int_equal(store_key_account_add(f->s, &hm, f->hire, &a, NOW), STORE_OK);
	assert_int_equal(store_key_account_add(f->s, &hm, f->hire, &b, NOW), STORE_OK);
	assert_string_equal(a.handover_status, "planned");
	assert_int_equal(a.hire_id, f->hire);

	int64_t ids[2] = { a.id, b.id };
	int32_t days[2] = { START_DAY + 7, START_DAY + 8 };
	assert_int_equal(store_key_accounts_schedule(f->s, &hm, f->hire, ids, days, 2, NOW), STORE_OK);
	assert_int_equal(store_key_account_get(f->s, b.id, &got), STORE_OK);
	assert_int_equal(got.handover_day, START_DAY + 8);
	int64_t foreign[2] = { a.id, 9999 };
	int32_t later[2] = { START_DAY + 9, START_DAY + 9 };
	assert_int_equal(store_key_accounts_schedule(f->s, &hm, f->hire, foreign, later, 2, NOW), STORE_INVALID);
	assert_int_equal(store_key_account_get(f->s, a.id, &got), STORE_OK);
	assert_int_equal(got.handover_day, START_DAY + 7);

	assert_int_equal(store_key_account_set_handover(f->s, &hm, a.id, START_DAY + 7, "introduced", NOW), STORE_OK);
	assert_int_equal(store_key_account_set_handover(f->s, &hm, a.id, START_DAY + 7, "", NOW), STORE_OK);
	assert_int_equal(store_key_account_get(f->s, a.id, &got), STORE_OK);
	assert_string_equal(got.handover_status, "introduced");
	assert_int_equal(store_key_account_set_handover(f->s, &hm, a.id, START_DAY + 7, "handed_over", NOW), STORE_OK);
	assert_int_equal(store_key_account_get(f->s, a.id, &got), STORE_OK);
	assert_string_equal(got.handover_status, "handed_over");
	assert_int_equal(store_key_account_set_handover(f->s, &hm, a.id, 0, "lost", NOW), STORE_INVALID);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "key_account");
	assert_string_equal(e.action, "handover");

	got.annual_revenue = 450000;
	strcpy(got.notes, "Einkauf: Frau Yilmaz");
	assert_int_equal(store_key_account_update(f->s, &hm, &got, NOW), STORE_OK);
	assert_int_equal(store_key_account_get(f->s, a.id, &got), STORE_OK);
	assert_int_equal(got.annual_revenue, 450000);
	assert_string_equal(got.notes, "Einkauf: Frau Yilmaz");
	assert_string_equal(got.handover_status, "handed_over");
	got.name[0] = '\0';
	assert_int_equal(store_key_account_update(f->s, &hm, &got, NOW), STORE_INVALID);
	assert_int_equal(store_key_account_delete(f->s, &hm, b.id, NOW), STORE_OK);
	assert_int_equal(store_key_account_get(f->s, b.id, &got), STORE_NOT_FOUND);
}

/* The new hire's own view and the manager's list find the hire. */
static void test_my_hires(void **state)
{
	struct fixture *f = *state;
	struct hire *list = NULL;
	struct hire h;
	size_t n = 9;

	assert_int_equal(store_hire_list_for_user(f->s, f->newbie, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_hire_set_user(f->s, &TEST_CLI, f->hire, f->newbie, NOW), STORE_OK);
	assert_int_equal(store_hire_list_for_user(f->s, f->newbie, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, f->hire);
	assert_string_equal(list[0].user_name, "Jonas Albers");
	free(list);
	assert_int_equal(store_hire_list_for_manager(f->s, f->hm, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(list);
	assert_int_equal(store_hire_set_manager(f->s, &TEST_CLI, f->hire, f->owner, NOW), STORE_OK);
	assert_int_equal(store_hire_list_for_manager(f->s, f->hm, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_hire_set_user(f->s, &TEST_CLI, f->hire, 9999, NOW), STORE_INVALID);
	assert_int_equal(store_hire_set_start_day(f->s, &TEST_CLI, f->hire, START_DAY + 14, NOW), STORE_OK);
	assert_int_equal(store_hire_get(f->s, f->hire, &h), STORE_OK);
	assert_int_equal(h.start_day, START_DAY + 14);
	assert_int_equal(h.user_id, f->newbie);
	assert_string_equal(h.manager_name, "wolff");
	assert_int_equal(store_hire_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(list);
}

/* Merging the hired candidate into a duplicate keeps the hire, now with the
 * kept candidate (the hire follows its application). */
static void test_hire_follows_merged_candidate(void **state)
{
	struct fixture *f = *state;
	struct hire h;
	struct candidate c;

	assert_int_equal(store_hire_get(f->s, f->hire, &h), STORE_OK);
	int64_t drop = h.candidate_id;
	candidate_init(&c);
	strcpy(c.first_name, "Jonas");
	strcpy(c.last_name, "Albers-Neu");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	assert_int_equal(store_candidate_merge(f->s, &TEST_CLI, c.id, drop, NULL, NOW + 5), STORE_OK);
	assert_int_equal(store_hire_get(f->s, f->hire, &h), STORE_OK);
	assert_int_equal(h.candidate_id, c.id);
	assert_int_equal(h.application_id, f->app);
	assert_string_equal(h.last_name, "Albers-Neu");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_stored_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_tick, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checkins_goals_reviews, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_account_import_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_handover_status, setup, teardown),
		cmocka_unit_test_setup_teardown(test_my_hires, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hire_follows_merged_candidate, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
