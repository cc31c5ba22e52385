/*
 * test_store_absences.c — absences of users (store/absences.h) against a
 * real database in a fresh temporary directory per test: add, range lists,
 * the loader for a set of users, the day predicate, delete, bad input and
 * the audit rows.
 *
 * Spec references: R-TIME-1 (deciders' absences push the plan), R-COMM-1
 * (absences of interviewers are conflicts), R-X-4 (audit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store/absences.h"
#include "store/db.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY0 20454     /* 2026-01-01 as a day number */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t krause, yilmaz, schmidt;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-absences");
	f->krause = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->yilmaz = temp_store_add_user(f->s, "yilmaz", "", ROLE_INTERVIEWER, NOW);
	f->schmidt = temp_store_add_user(f->s, "schmidt", "Lena Schmidt", ROLE_INTERVIEWER, NOW);
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

static int64_t add_absence(struct fixture *f, int64_t user, int32_t from, int32_t to, const char *note)
{
	struct absence a;
	memset(&a, 0, sizeof a);
	a.user_id = user;
	a.from_day = from;
	a.to_day = to;
	strcpy(a.note, note);
	assert_int_equal(store_absence_add(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	assert_true(a.id > 0);
	return a.id;
}

/* R-TIME-1, R-X-4: an absence round-trips with its user's name and is audited. */
static void test_add_get_audit(void **state)
{
	struct fixture *f = *state;
	struct absence got;
	int64_t id = add_absence(f, f->krause, DAY0 + 10, DAY0 + 14, "Urlaub");
	assert_int_equal(store_absence_get(f->s, id, &got), STORE_OK);
	assert_int_equal(got.user_id, f->krause);
	assert_string_equal(got.user_display, "Dr. Petra Krause");
	assert_int_equal(got.from_day, DAY0 + 10);
	assert_int_equal(got.to_day, DAY0 + 14);
	assert_string_equal(got.note, "Urlaub");
	assert_int_equal(got.created_at, NOW);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "absence");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.entity_id, id);

	/* a user without display name shows the user name */
	id = add_absence(f, f->yilmaz, DAY0, DAY0, "");
	assert_int_equal(store_absence_get(f->s, id, &got), STORE_OK);
	assert_string_equal(got.user_display, "yilmaz");
}

/* Bad input stores nothing. */
static void test_invalid(void **state)
{
	struct fixture *f = *state;
	struct absence a;
	int64_t before = audit_count(f->s);
	memset(&a, 0, sizeof a);
	a.user_id = f->krause;
	a.from_day = DAY0 + 5;
	a.to_day = DAY0 + 4;
	assert_int_equal(store_absence_add(f->s, &TEST_CLI, &a, NOW), STORE_INVALID);
	a.to_day = DAY0 + 5;
	a.user_id = 9999;
	assert_int_equal(store_absence_add(f->s, &TEST_CLI, &a, NOW), STORE_INVALID);
	a.user_id = f->krause;
	strcpy(a.note, "\xff\xfe");
	assert_int_equal(store_absence_add(f->s, &TEST_CLI, &a, NOW), STORE_INVALID);
	assert_int_equal(audit_count(f->s), before);
	struct absence *list;
	size_t n;
	assert_int_equal(store_absence_list(f->s, 0, INT32_MIN, INT32_MAX, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
}

/* Range lists find overlapping absences only, inclusive at both ends. */
static void test_list_ranges(void **state)
{
	struct fixture *f = *state;
	int64_t a1 = add_absence(f, f->krause, DAY0 + 10, DAY0 + 14, "Urlaub");
	int64_t a2 = add_absence(f, f->yilmaz, DAY0 + 3, DAY0 + 3, "Arzt");
	int64_t a3 = add_absence(f, f->schmidt, DAY0 + 12, DAY0 + 20, "Messe");
	struct absence *list;
	size_t n;

	assert_int_equal(store_absence_list(f->s, 0, INT32_MIN, INT32_MAX, &list, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].id, a2); /* by from_day */
	assert_int_equal(list[1].id, a1);
	assert_int_equal(list[2].id, a3);
	free(list);

	/* touching the last day counts, the day after does not */
	assert_int_equal(store_absence_list(f->s, 0, DAY0 + 14, DAY0 + 30, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);
	assert_int_equal(store_absence_list(f->s, f->krause, DAY0 + 15, DAY0 + 30, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_absence_list(f->s, f->krause, DAY0 + 14, DAY0 + 14, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, a1);
	free(list);

	/* the loader for a set of users */
	int64_t ids[] = { f->krause, f->yilmaz };
	assert_int_equal(store_absences_for_users(f->s, ids, 2, DAY0, DAY0 + 30, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, a2);
	assert_int_equal(list[1].id, a1);
	/* the predicate the web layer hands to core/calendar */
	assert_true(absence_list_covers(list, n, 0, DAY0 + 3));
	assert_true(absence_list_covers(list, n, f->krause, DAY0 + 10));
	assert_true(absence_list_covers(list, n, f->krause, DAY0 + 14));
	assert_false(absence_list_covers(list, n, f->krause, DAY0 + 15));
	assert_false(absence_list_covers(list, n, f->krause, DAY0 + 3));
	assert_false(absence_list_covers(list, n, 0, DAY0 + 16)); /* schmidt is not in the set */
	free(list);
	assert_int_equal(store_absences_for_users(f->s, ids, 0, DAY0, DAY0 + 30, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_null(list);
}

/* Deleting removes the row and is audited; a second delete finds nothing. */
static void test_delete(void **state)
{
	struct fixture *f = *state;
	struct absence got;
	int64_t id = add_absence(f, f->krause, DAY0, DAY0 + 1, "");
	assert_int_equal(store_absence_delete(f->s, &TEST_CLI, id, NOW + 1), STORE_OK);
	assert_int_equal(store_absence_get(f->s, id, &got), STORE_NOT_FOUND);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "delete");
	assert_string_equal(e.entity, "absence");
	assert_int_equal(store_absence_delete(f->s, &TEST_CLI, id, NOW + 2), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_get_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_ranges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
