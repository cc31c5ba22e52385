/*
 * test_store_offers.c — budget bands, offers and their versions, accepting
 * and closing offers (store/offers.h) against a real database in a fresh
 * temporary directory per test: a band round-trips and is audited, versions
 * are numbered per offer and immutable except for a single approval, an
 * accepted offer moves the application to "hired" and creates the hire in
 * one unit of work (and changes nothing when the move fails), a declined
 * offer is closed for good.
 *
 * Spec references: R-OFFER-1 (band, approval, versions as negotiation
 * history, accept → hired), R-ONB-1 (the hire the plan hangs on), R-X-4.
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
	int64_t position;
	int64_t cand, app;
	int64_t cfo, hm;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-offers");
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
	c.salary_expectation = 72000;
	c.notice_period_weeks = 6;
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	f->cand = c.id;
	struct application a;
	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = p.id;
	strcpy(a.stage, "offer");
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	f->app = a.id;
	f->cfo = temp_store_add_user(f->s, "brandt", "Karin Brandt", ROLE_HIRING_MANAGER, NOW);
	f->hm = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
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

/* A version as the offer form would send it. */
static struct offer_version version_of(int64_t fixed, int32_t start_day)
{
	struct offer_version v;
	memset(&v, 0, sizeof v);
	v.fixed_salary = fixed;
	v.variable_salary = 15000;
	strcpy(v.benefits, "Dienstwagen, 30 Tage Urlaub");
	v.start_day = start_day;
	strcpy(v.contract_type, "permanent_full_time");
	strcpy(v.notice_rule, "weeks_to_15_or_month_end");
	v.notice_weeks = 6;
	return v;
}

static int64_t create_offer(struct fixture *f, int64_t fixed)
{
	struct offer_version v = version_of(fixed, START_DAY);
	int64_t id = 0;
	assert_int_equal(store_offer_create(f->s, &TEST_CLI, f->app, &v, NOW, &id), STORE_OK);
	assert_true(id > 0);
	assert_int_equal(v.version, 1);
	return id;
}

/* R-OFFER-1: the CFO's band is kept as set, replaced on the next set, and
 * each set is audited; a band the store cannot keep changes nothing. */
static void test_band_round_trip(void **state)
{
	struct fixture *f = *state;
	struct actor cfo = { f->cfo, "brandt", NULL };
	struct budget_band b, got;

	assert_int_equal(store_budget_band_get(f->s, f->position, &got), STORE_NOT_FOUND);
	memset(&b, 0, sizeof b);
	b.position_id = f->position;
	b.min_salary = 60000;
	b.max_salary = 75000;
	assert_int_equal(store_budget_band_set(f->s, &cfo, &b, NOW), STORE_OK);
	assert_int_equal(store_budget_band_get(f->s, f->position, &got), STORE_OK);
	assert_int_equal(got.min_salary, 60000);
	assert_int_equal(got.max_salary, 75000);
	assert_string_equal(got.currency, "EUR");
	assert_int_equal(got.set_by, f->cfo);
	assert_string_equal(got.set_by_name, "Karin Brandt");
	assert_int_equal(got.set_at, NOW);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "budget_band");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.entity_id, f->position);
	assert_non_null(strstr(e.changes, "75000"));

	b.max_salary = 80000;
	assert_int_equal(store_budget_band_set(f->s, &cfo, &b, NOW + 60), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "update");
	assert_non_null(strstr(e.changes, "\"max_salary\":[75000,80000]"));

	int64_t audits = audit_count(f->s);
	b.min_salary = 90000;     /* above max */
	assert_int_equal(store_budget_band_set(f->s, &cfo, &b, NOW + 120), STORE_INVALID);
	b.min_salary = -1;
	assert_int_equal(store_budget_band_set(f->s, &cfo, &b, NOW + 120), STORE_INVALID);
	b.min_salary = 60000;
	strcpy(b.currency, "USD");
	assert_int_equal(store_budget_band_set(f->s, &cfo, &b, NOW + 120), STORE_INVALID);
	strcpy(b.currency, "EUR");
	b.position_id = 9999;
	assert_int_equal(store_budget_band_set(f->s, &cfo, &b, NOW + 120), STORE_INVALID);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_budget_band_get(f->s, f->position, &got), STORE_OK);
	assert_int_equal(got.min_salary, 60000);
	assert_int_equal(got.max_salary, 80000);
	assert_int_equal(got.set_at, NOW + 60);

	assert_int_equal(store_budget_band_delete(f->s, &cfo, f->position, NOW + 180), STORE_OK);
	assert_int_equal(store_budget_band_get(f->s, f->position, &got), STORE_NOT_FOUND);
	assert_int_equal(store_budget_band_delete(f->s, &cfo, f->position, NOW + 180), STORE_NOT_FOUND);
}

/* R-OFFER-1: versions form the negotiation history, numbered 1, 2, 3 per
 * offer; lists show the latest; one open offer per application. */
static void test_versions_numbered(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct offer o;
	struct offer_version v, latest, *all = NULL;
	struct offer_summary *list = NULL;
	size_t n = 0;

	int64_t id = create_offer(f, 70000);
	assert_int_equal(store_offer_get(f->s, id, &o), STORE_OK);
	assert_string_equal(o.status, "draft");
	assert_int_equal(o.application_id, f->app);
	assert_int_equal(o.candidate_id, f->cand);
	assert_int_equal(o.position_id, f->position);
	assert_string_equal(o.last_name, "Albers");
	assert_string_equal(o.position_title, "Key Account Manager");
	assert_int_equal(o.salary_expectation, 72000);
	assert_int_equal(o.notice_period_weeks, 6);
	assert_int_equal(o.closed_at, 0);

	v = version_of(73000, START_DAY + 14);
	strcpy(v.note, "Gegenangebot nach Gespräch am 12.01.");
	assert_int_equal(store_offer_add_version(f->s, &hm, id, &v, NOW + 10), STORE_OK);
	assert_int_equal(v.version, 2);
	assert_int_equal(v.created_by, f->hm);
	v = version_of(74000, START_DAY + 14);
	assert_int_equal(store_offer_add_version(f->s, &hm, id, &v, NOW + 20), STORE_OK);
	assert_int_equal(v.version, 3);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "offer");
	assert_string_equal(e.action, "add_version");
	assert_int_equal(e.entity_id, id);

	assert_int_equal(store_offer_versions(f->s, id, &all, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(all[0].version, 1);
	assert_int_equal(all[0].fixed_salary, 70000);
	assert_int_equal(all[0].start_day, START_DAY);
	assert_string_equal(all[0].benefits, "Dienstwagen, 30 Tage Urlaub");
	assert_int_equal(all[1].version, 2);
	assert_string_equal(all[1].note, "Gegenangebot nach Gespräch am 12.01.");
	assert_string_equal(all[1].created_by_name, "Dr. Petra Krause");
	assert_int_equal(all[2].version, 3);
	assert_int_equal(all[2].fixed_salary, 74000);
	free(all);
	assert_int_equal(store_offer_latest_version(f->s, id, &latest), STORE_OK);
	assert_int_equal(latest.version, 3);
	assert_int_equal(latest.created_at, NOW + 20);

	assert_int_equal(store_offer_list_by_application(f->s, f->app, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].o.id, id);
	assert_int_equal(list[0].latest.version, 3);
	assert_int_equal(list[0].latest.fixed_salary, 74000);
	assert_int_equal(list[0].nversions, 3);
	free(list);
	assert_int_equal(store_offer_list_by_position(f->s, 0, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(list);
	assert_int_equal(store_offer_list_by_position(f->s, f->position + 1, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	/* a second open offer for the same application, a bad version, an unknown application */
	v = version_of(70000, START_DAY);
	int64_t other = 7;
	assert_int_equal(store_offer_create(f->s, &TEST_CLI, f->app, &v, NOW, &other), STORE_CONFLICT);
	assert_int_equal(other, 0);
	strcpy(v.contract_type, "freelance");
	assert_int_equal(store_offer_add_version(f->s, &hm, id, &v, NOW + 30), STORE_INVALID);
	v = version_of(-5, START_DAY);
	assert_int_equal(store_offer_add_version(f->s, &hm, id, &v, NOW + 30), STORE_INVALID);
	v = version_of(70000, START_DAY);
	assert_int_equal(store_offer_create(f->s, &TEST_CLI, 9999, &v, NOW, NULL), STORE_INVALID);
	assert_int_equal(store_offer_latest_version(f->s, id, &latest), STORE_OK);
	assert_int_equal(latest.version, 3);
}

/* R-OFFER-1: a written version cannot be changed or deleted (trigger); its
 * approval is the one change allowed, and only once. */
static void test_version_immutable_except_approval(void **state)
{
	struct fixture *f = *state;
	struct actor cfo = { f->cfo, "brandt", NULL };
	struct offer_version v;

	int64_t id = create_offer(f, 90000);
	assert_int_equal(store_offer_latest_version(f->s, id, &v), STORE_OK);
	assert_int_equal(v.approved_at, 0);

	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE offer_versions SET fixed_salary = 1"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE offer_versions SET note = 'x', start_day = 1"),
			     STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "DELETE FROM offer_versions"), STORE_OK);
	assert_int_equal(store_offer_latest_version(f->s, id, &v), STORE_OK);
	assert_int_equal(v.fixed_salary, 90000);
	assert_string_equal(v.note, "");

	assert_int_equal(store_offer_version_approve(f->s, &cfo, v.id, NOW + 5), STORE_OK);
	assert_int_equal(store_offer_version_get(f->s, v.id, &v), STORE_OK);
	assert_int_equal(v.approved_by, f->cfo);
	assert_string_equal(v.approved_by_name, "Karin Brandt");
	assert_int_equal(v.approved_at, NOW + 5);
	assert_int_equal(v.fixed_salary, 90000);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "approve");
	assert_int_equal(e.user_id, f->cfo);

	/* approved once: neither the store nor raw SQL changes it again */
	assert_int_equal(store_offer_version_approve(f->s, &TEST_CLI, v.id, NOW + 6), STORE_CONFLICT);
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE offer_versions SET approved_at = 1"), STORE_OK);
	assert_int_equal(store_offer_version_get(f->s, v.id, &v), STORE_OK);
	assert_int_equal(v.approved_at, NOW + 5);
	assert_int_equal(store_offer_version_approve(f->s, &cfo, 9999, NOW), STORE_NOT_FOUND);
}

/* R-OFFER-1, R-ONB-1: accepting closes the offer, moves the application to
 * "hired" and creates the hire with the latest version's start day. */
static void test_accept_moves_to_hired(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct offer o;
	struct application a;
	struct hire h;
	struct offer_version v;
	int64_t hire_id = 0;

	int64_t id = create_offer(f, 70000);
	v = version_of(71000, START_DAY + 7);
	assert_int_equal(store_offer_add_version(f->s, &hm, id, &v, NOW + 10), STORE_OK);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "sent", NOW + 20), STORE_OK);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "sent", NOW + 20), STORE_INVALID);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "accepted", NOW + 20), STORE_INVALID);

	assert_int_equal(store_offer_accept(f->s, &hm, id, NULL, f->hm, NOW + 30, &hire_id), STORE_OK);
	assert_true(hire_id > 0);
	assert_int_equal(store_offer_get(f->s, id, &o), STORE_OK);
	assert_string_equal(o.status, "accepted");
	assert_int_equal(o.closed_at, NOW + 30);
	assert_int_equal(store_application_get(f->s, f->app, &a), STORE_OK);
	assert_string_equal(a.stage, "hired");
	assert_int_equal(a.stage_entered_at, NOW + 30);
	assert_int_equal(store_hire_get_by_application(f->s, f->app, &h), STORE_OK);
	assert_int_equal(h.id, hire_id);
	assert_int_equal(h.candidate_id, f->cand);
	assert_int_equal(h.position_id, f->position);
	assert_int_equal(h.start_day, START_DAY + 7);
	assert_int_equal(h.manager_user_id, f->hm);
	assert_string_equal(h.manager_name, "Dr. Petra Krause");
	assert_int_equal(h.user_id, 0);
	assert_string_equal(h.first_name, "Jonas");
	assert_string_equal(h.position_title, "Key Account Manager");
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "hire");
	assert_string_equal(e.action, "create");

	/* closed for good */
	v = version_of(75000, START_DAY);
	assert_int_equal(store_offer_add_version(f->s, &hm, id, &v, NOW + 40), STORE_INVALID);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "withdrawn", NOW + 40), STORE_INVALID);
	assert_int_equal(store_offer_accept(f->s, &hm, id, NULL, 0, NOW + 40, NULL), STORE_INVALID);
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE offers SET status = 'draft', closed_at = NULL"),
			     STORE_OK);
}

/* R-OFFER-1: accepting is one unit of work — when the move into the hired
 * stage (or anything else) fails, the offer, the application and the hires
 * stay as they were. */
static void test_accept_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct offer o;
	struct application a;
	struct hire h;
	int64_t hire_id = 5;

	int64_t id = create_offer(f, 70000);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "sent", NOW + 20), STORE_OK);
	int64_t audits = audit_count(f->s);

	assert_int_equal(store_offer_accept(f->s, &hm, id, "Not A Stage!", f->hm, NOW + 30, &hire_id), STORE_INVALID);
	assert_int_equal(hire_id, 0);
	assert_int_equal(store_offer_accept(f->s, &hm, id, NULL, 9999, NOW + 30, &hire_id), STORE_INVALID);
	assert_int_equal(store_offer_accept(f->s, &hm, 9999, NULL, 0, NOW + 30, &hire_id), STORE_NOT_FOUND);

	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_offer_get(f->s, id, &o), STORE_OK);
	assert_string_equal(o.status, "sent");
	assert_int_equal(o.closed_at, 0);
	assert_int_equal(store_application_get(f->s, f->app, &a), STORE_OK);
	assert_string_equal(a.stage, "offer");
	assert_int_equal(store_hire_get_by_application(f->s, f->app, &h), STORE_NOT_FOUND);

	/* an application already moved to hired by hand is not moved again */
	assert_int_equal(store_application_move(f->s, &hm, f->app, "hired", NULL, NOW + 40), STORE_OK);
	assert_int_equal(store_offer_accept(f->s, &hm, id, "hired", 0, NOW + 50, &hire_id), STORE_OK);
	assert_int_equal(store_hire_get(f->s, hire_id, &h), STORE_OK);
	assert_int_equal(h.manager_user_id, 0);
	assert_string_equal(h.manager_name, "");
}

/* R-OFFER-1: declined and withdrawn close the offer; the application may
 * get a new offer afterwards. */
static void test_decline_closes(void **state)
{
	struct fixture *f = *state;
	struct actor hm = { f->hm, "krause", NULL };
	struct offer o;
	struct offer_summary *list = NULL;
	size_t n = 0;

	int64_t id = create_offer(f, 70000);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "sent", NOW + 10), STORE_OK);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "declined", NOW + 20), STORE_OK);
	assert_int_equal(store_offer_get(f->s, id, &o), STORE_OK);
	assert_string_equal(o.status, "declined");
	assert_int_equal(o.closed_at, NOW + 20);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "declined");
	assert_non_null(strstr(e.changes, "\"status\":[\"sent\",\"declined\"]"));
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "sent", NOW + 30), STORE_INVALID);
	assert_int_equal(store_offer_set_status(f->s, &hm, id, "maybe", NOW + 30), STORE_INVALID);

	int64_t second = create_offer(f, 72000);
	assert_int_equal(store_offer_set_status(f->s, &hm, second, "withdrawn", NOW + 40), STORE_OK);
	assert_int_equal(store_offer_get(f->s, second, &o), STORE_OK);
	assert_string_equal(o.status, "withdrawn");
	assert_int_equal(o.closed_at, NOW + 40);
	assert_int_equal(store_offer_list_by_application(f->s, f->app, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);
	assert_int_equal(store_offer_set_status(f->s, &hm, 9999, "sent", NOW), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_band_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_versions_numbered, setup, teardown),
		cmocka_unit_test_setup_teardown(test_version_immutable_except_approval, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accept_moves_to_hired, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accept_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decline_closes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
