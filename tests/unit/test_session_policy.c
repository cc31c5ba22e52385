/*
 * Unit tests for src/core/session_policy.c: idle timeout, absolute lifetime,
 * their exact boundaries, and when to refresh the last-seen time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/session_policy.h"

#define T0 INT64_C(1750000000)

static void test_default_policy(void **state)
{
	(void)state;
	/* R-X-2 */
	assert_int_equal(SESSION_POLICY_DEFAULT.idle_timeout, 7200);
	assert_int_equal(SESSION_POLICY_DEFAULT.absolute_lifetime, 43200);
	assert_int_equal(SESSION_POLICY_DEFAULT.touch_interval, 60);
}

static void test_fresh_session_valid(void **state)
{
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;

	(void)state;
	assert_int_equal(session_policy_check(p, T0, T0, T0), SESSION_VALID);
	assert_int_equal(session_policy_check(p, T0, T0, T0 + 1), SESSION_VALID);
}

static void test_idle_boundary(void **state)
{
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;

	(void)state;
	/* R-X-2: idle for 7199 s is fine, 7200 s ends the session */
	assert_int_equal(session_policy_check(p, T0, T0, T0 + 7199), SESSION_VALID);
	assert_int_equal(session_policy_check(p, T0, T0, T0 + 7200), SESSION_IDLE_EXPIRED);
	assert_int_equal(session_policy_check(p, T0, T0 + 1000, T0 + 8199), SESSION_VALID);
	assert_int_equal(session_policy_check(p, T0, T0 + 1000, T0 + 8200),
	                 SESSION_IDLE_EXPIRED);
}

static void test_absolute_boundary(void **state)
{
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;

	(void)state;
	/* R-X-2: constant activity does not extend past 12 hours */
	assert_int_equal(session_policy_check(p, T0, T0 + 43000, T0 + 43199), SESSION_VALID);
	assert_int_equal(session_policy_check(p, T0, T0 + 43000, T0 + 43200),
	                 SESSION_ABSOLUTE_EXPIRED);
	assert_int_equal(session_policy_check(p, T0, T0 + 43199, T0 + 43199), SESSION_VALID);
	/* both limits passed: the absolute one is reported */
	assert_int_equal(session_policy_check(p, T0, T0, T0 + 50000),
	                 SESSION_ABSOLUTE_EXPIRED);
}

static void test_clock_going_backwards(void **state)
{
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;

	(void)state;
	assert_int_equal(session_policy_check(p, T0, T0, T0 - 10), SESSION_VALID);
	assert_false(session_policy_needs_touch(p, T0, T0 - 10));
}

static void test_needs_touch(void **state)
{
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;

	(void)state;
	/* R-X-2: last-seen is written at most once a minute */
	assert_false(session_policy_needs_touch(p, T0, T0));
	assert_false(session_policy_needs_touch(p, T0, T0 + 59));
	assert_true(session_policy_needs_touch(p, T0, T0 + 60));
	assert_true(session_policy_needs_touch(p, T0, T0 + 7000));
}

static void test_null_and_custom_policy(void **state)
{
	const struct session_policy short_lived = { 10, 30, 5 };

	(void)state;
	assert_int_equal(session_policy_check(NULL, T0, T0, T0 + 7200), SESSION_IDLE_EXPIRED);
	assert_true(session_policy_needs_touch(NULL, T0, T0 + 60));
	assert_int_equal(session_policy_check(&short_lived, T0, T0 + 20, T0 + 29),
	                 SESSION_VALID);
	assert_int_equal(session_policy_check(&short_lived, T0, T0 + 20, T0 + 30),
	                 SESSION_ABSOLUTE_EXPIRED);
	assert_int_equal(session_policy_check(&short_lived, T0, T0, T0 + 10),
	                 SESSION_IDLE_EXPIRED);
	assert_false(session_policy_needs_touch(&short_lived, T0, T0 + 4));
	assert_true(session_policy_needs_touch(&short_lived, T0, T0 + 5));
}

static void test_extreme_values(void **state)
{
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;

	(void)state;
	/* R-X-6: corrupt timestamps expire the session instead of overflowing */
	assert_int_equal(session_policy_check(p, INT64_MIN, INT64_MIN, INT64_MAX),
	                 SESSION_ABSOLUTE_EXPIRED);
	assert_int_equal(session_policy_check(p, INT64_MIN, T0, T0),
	                 SESSION_ABSOLUTE_EXPIRED);
	assert_true(session_policy_needs_touch(p, INT64_MIN, INT64_MAX));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_policy),
		cmocka_unit_test(test_fresh_session_valid),
		cmocka_unit_test(test_idle_boundary),
		cmocka_unit_test(test_absolute_boundary),
		cmocka_unit_test(test_clock_going_backwards),
		cmocka_unit_test(test_needs_touch),
		cmocka_unit_test(test_null_and_custom_policy),
		cmocka_unit_test(test_extreme_values),
	};
	return cmocka_run_group_tests_name("session_policy", tests, NULL, NULL);
}
