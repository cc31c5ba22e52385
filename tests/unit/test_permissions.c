/*
 * Unit tests for src/core/permissions.c: the whole role × action table,
 * anonymous and disabled accounts, and deny-by-default on bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/permissions.h"

/* The expected table, written out independently of the implementation. */
static const bool expected[ROLE__COUNT][ACTION__COUNT] = {
	/*                      PUBLIC DASH  POS    CAND   INTV   OWN    USERS  AUDIT  EDIT   APPRV  ORGS   TMPL   MCAND  SETT   SCORE  DECIDE */
	[ROLE_ADMIN]          = { true, true, true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true  },
	[ROLE_RECRUITER]      = { true, true, true,  true,  true,  true,  false, false, true,  false, true,  false, true,  false, true,  false },
	[ROLE_HIRING_MANAGER] = { true, true, true,  true,  true,  true,  false, false, true,  true,  false, false, true,  false, true,  true  },
	[ROLE_INTERVIEWER]    = { true, true, false, true,  true,  true,  false, false, false, false, false, false, false, false, true,  false },
};

static void test_full_table_for_active_accounts(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__COUNT; r++) {
		struct principal p = { .authenticated = true, .disabled = false,
		                       .role = (enum role)r };
		for (int a = 0; a < ACTION__COUNT; a++) {
			bool got = permission_allows(&p, (enum action)a);
			if (got != expected[r][a])
				fail_msg("role %s action %s: expected %d, got %d",
				         role_name((enum role)r), action_name((enum action)a),
				         expected[r][a], got);
			/* R-X-2 */
			assert_int_equal(got, expected[r][a]);
		}
	}
}

static void test_admin_may_do_everything(void **state)
{
	struct principal admin = { true, false, ROLE_ADMIN };

	(void)state;
	/* R-X-2 */
	assert_true(permission_allows(&admin, ACTION_MANAGE_USERS));
	assert_true(permission_allows(&admin, ACTION_VIEW_AUDIT));
	assert_true(permission_allows(&admin, ACTION_VIEW_POSITIONS));
	assert_true(permission_allows(&admin, ACTION_MANAGE_CANDIDATES));
	assert_true(permission_allows(&admin, ACTION_MANAGE_SETTINGS));
}

static void test_interviewer_limits(void **state)
{
	struct principal iv = { true, false, ROLE_INTERVIEWER };

	(void)state;
	/* R-X-2: interviewer sees only what is assigned to them */
	assert_false(permission_allows(&iv, ACTION_MANAGE_USERS));
	assert_false(permission_allows(&iv, ACTION_VIEW_AUDIT));
	assert_false(permission_allows(&iv, ACTION_VIEW_POSITIONS));
	assert_true(permission_allows(&iv, ACTION_VIEW_DASHBOARD));
	assert_true(permission_allows(&iv, ACTION_VIEW_INTERVIEWS));
	assert_true(permission_allows(&iv, ACTION_VIEW_CANDIDATES));
	assert_true(permission_allows(&iv, ACTION_MANAGE_OWN_ACCOUNT));
	/* R-X-2, issue 5: until step 5 assigns candidates, interviewers open none */
	assert_false(permission_allows(&iv, ACTION_MANAGE_CANDIDATES));
	assert_false(permission_allows(&iv, ACTION_MANAGE_SETTINGS));
	/* R-INT-5: interviewers fill their own scorecards; they do not decide */
	assert_true(permission_allows(&iv, ACTION_WRITE_SCORECARDS));
	assert_false(permission_allows(&iv, ACTION_DECIDE));
}

static void test_recruiter_and_manager_not_admin(void **state)
{
	struct principal rec = { true, false, ROLE_RECRUITER };
	struct principal hm = { true, false, ROLE_HIRING_MANAGER };

	(void)state;
	/* R-X-2 */
	assert_false(permission_allows(&rec, ACTION_MANAGE_USERS));
	assert_false(permission_allows(&rec, ACTION_VIEW_AUDIT));
	assert_false(permission_allows(&hm, ACTION_MANAGE_USERS));
	assert_false(permission_allows(&hm, ACTION_VIEW_AUDIT));
	assert_true(permission_allows(&rec, ACTION_VIEW_POSITIONS));
	assert_true(permission_allows(&hm, ACTION_VIEW_POSITIONS));
	/* R-X-2: recruiter and hiring manager work with candidates; settings are the admin's */
	assert_true(permission_allows(&rec, ACTION_MANAGE_CANDIDATES));
	assert_true(permission_allows(&hm, ACTION_MANAGE_CANDIDATES));
	assert_false(permission_allows(&rec, ACTION_MANAGE_SETTINGS));
	assert_false(permission_allows(&hm, ACTION_MANAGE_SETTINGS));
}

static void test_disabled_accounts_get_only_public(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__COUNT; r++) {
		struct principal p = { .authenticated = true, .disabled = true,
		                       .role = (enum role)r };
		/* R-X-2: disabled admin (and everyone else) denied all but PUBLIC */
		assert_true(permission_allows(&p, ACTION_PUBLIC));
		for (int a = ACTION_PUBLIC + 1; a < ACTION__COUNT; a++)
			assert_false(permission_allows(&p, (enum action)a));
	}
}

static void test_anonymous_gets_only_public(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__COUNT; r++) {
		struct principal p = { .authenticated = false, .disabled = false,
		                       .role = (enum role)r };
		/* R-X-2: role is irrelevant without authentication */
		assert_true(permission_allows(&p, ACTION_PUBLIC));
		for (int a = ACTION_PUBLIC + 1; a < ACTION__COUNT; a++)
			assert_false(permission_allows(&p, (enum action)a));
	}
	struct principal zeroed = { 0 };  /* role 0 is ROLE_ADMIN */
	assert_false(permission_allows(&zeroed, ACTION_MANAGE_USERS));
	assert_true(permission_allows(&zeroed, ACTION_PUBLIC));
}

static void test_deny_by_default(void **state)
{
	struct principal admin = { true, false, ROLE_ADMIN };
	struct principal bad_role = { true, false, ROLE__COUNT };
	struct principal neg_role = { true, false, (enum role)-1 };

	(void)state;
	/* R-X-2: NULL principal, unknown action or role are denied */
	for (int a = 0; a < ACTION__COUNT; a++)
		assert_false(permission_allows(NULL, (enum action)a));
	assert_false(permission_allows(&admin, ACTION__COUNT));
	assert_false(permission_allows(&admin, (enum action)-1));
	assert_false(permission_allows(&admin, (enum action)999));
	for (int a = ACTION_PUBLIC + 1; a < ACTION__COUNT; a++) {
		assert_false(permission_allows(&bad_role, (enum action)a));
		assert_false(permission_allows(&neg_role, (enum action)a));
	}
	assert_true(permission_allows(&bad_role, ACTION_PUBLIC));
}

static void test_action_names(void **state)
{
	(void)state;
	assert_string_equal(action_name(ACTION_PUBLIC), "public");
	assert_string_equal(action_name(ACTION_VIEW_DASHBOARD), "view_dashboard");
	assert_string_equal(action_name(ACTION_VIEW_POSITIONS), "view_positions");
	assert_string_equal(action_name(ACTION_VIEW_CANDIDATES), "view_candidates");
	assert_string_equal(action_name(ACTION_VIEW_INTERVIEWS), "view_interviews");
	assert_string_equal(action_name(ACTION_MANAGE_OWN_ACCOUNT), "manage_own_account");
	assert_string_equal(action_name(ACTION_MANAGE_USERS), "manage_users");
	assert_string_equal(action_name(ACTION_VIEW_AUDIT), "view_audit");
	assert_string_equal(action_name(ACTION__COUNT), "unknown");
	assert_string_equal(action_name((enum action)-1), "unknown");
	for (int a = 0; a < ACTION__COUNT; a++)
		for (int b = a + 1; b < ACTION__COUNT; b++)
			assert_string_not_equal(action_name((enum action)a),
			                        action_name((enum action)b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_table_for_active_accounts),
		cmocka_unit_test(test_admin_may_do_everything),
		cmocka_unit_test(test_interviewer_limits),
		cmocka_unit_test(test_recruiter_and_manager_not_admin),
		cmocka_unit_test(test_disabled_accounts_get_only_public),
		cmocka_unit_test(test_anonymous_gets_only_public),
		cmocka_unit_test(test_deny_by_default),
		cmocka_unit_test(test_action_names),
	};
	return cmocka_run_group_tests_name("permissions", tests, NULL, NULL);
}
