/*
 * Unit tests for src/core/login_throttle.c: per-IP and per-account limits,
 * their boundaries, which block wins, and the Retry-After value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/login_throttle.h"

#define NOW INT64_C(1750000000)

static const struct login_failures none = { 0, 0 };

static void test_default_policy(void **state)
{
	(void)state;
	/* R-X-2 */
	assert_int_equal(LOGIN_THROTTLE_DEFAULT.max_failures_per_ip, 20);
	assert_int_equal(LOGIN_THROTTLE_DEFAULT.max_failures_per_account, 5);
	assert_int_equal(LOGIN_THROTTLE_DEFAULT.window_seconds, 900);
}

static void test_no_failures_allowed(void **state)
{
	struct login_throttle_result r;

	(void)state;
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, none, none, NOW);
	assert_int_equal(r.verdict, LOGIN_ALLOWED);
	assert_int_equal(r.retry_after_seconds, 0);
}

static void test_account_boundary(void **state)
{
	struct login_failures four = { 4, NOW - 100 };
	struct login_failures five = { 5, NOW - 100 };
	struct login_throttle_result r;

	(void)state;
	/* R-X-2: 4 failures still allowed, the 5th blocks the account */
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, none, four, NOW);
	assert_int_equal(r.verdict, LOGIN_ALLOWED);
	assert_int_equal(r.retry_after_seconds, 0);
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, none, five, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	/* oldest failure 100 s ago leaves the 900 s window in 800 s */
	assert_int_equal(r.retry_after_seconds, 800);
}

static void test_ip_boundary(void **state)
{
	struct login_failures nineteen = { 19, NOW - 899 };
	struct login_failures twenty = { 20, NOW - 899 };
	struct login_throttle_result r;

	(void)state;
	/* R-X-2: 19 failures from one IP allowed, 20 blocked */
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, nineteen, none, NOW);
	assert_int_equal(r.verdict, LOGIN_ALLOWED);
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, twenty, none, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_IP);
	assert_int_equal(r.retry_after_seconds, 1);
	twenty.oldest_at = NOW;
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, twenty, none, NOW);
	assert_int_equal(r.retry_after_seconds, 900);
}

static void test_account_block_wins(void **state)
{
	struct login_failures ip = { 25, NOW - 10 };      /* free in 890 s */
	struct login_failures acct = { 7, NOW - 600 };    /* free in 300 s */
	struct login_throttle_result r;

	(void)state;
	/* R-X-2: both blocked → verdict names the account */
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, ip, acct, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	/* retrying earlier than both blocks end would still fail */
	assert_int_equal(r.retry_after_seconds, 890);
	ip.oldest_at = NOW - 800;
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, ip, acct, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	assert_int_equal(r.retry_after_seconds, 300);
}

static void test_retry_after_at_least_one(void **state)
{
	struct login_failures stale = { 5, NOW - 5000 };  /* should have left the window */
	struct login_throttle_result r;

	(void)state;
	/* R-X-2: a block always asks to wait at least one second */
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, none, stale, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	assert_int_equal(r.retry_after_seconds, 1);
	stale.oldest_at = NOW - 900;
	r = login_throttle_decide(&LOGIN_THROTTLE_DEFAULT, none, stale, NOW);
	assert_int_equal(r.retry_after_seconds, 1);
}

static void test_null_and_custom_policy(void **state)
{
	const struct login_throttle_policy strict = { 3, 2, 60 };
	const struct login_throttle_policy no_ip_limit = { 0, 5, 900 };
	struct login_failures two = { 2, NOW - 20 };
	struct login_failures many = { 1000, NOW };
	struct login_throttle_result r;

	(void)state;
	r = login_throttle_decide(NULL, none, (struct login_failures){ 5, NOW }, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	assert_int_equal(r.retry_after_seconds, 900);
	r = login_throttle_decide(&strict, none, two, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	assert_int_equal(r.retry_after_seconds, 40);
	r = login_throttle_decide(&strict, two, none, NOW);
	assert_int_equal(r.verdict, LOGIN_ALLOWED);
	/* a limit of 0 switches that limit off */
	r = login_throttle_decide(&no_ip_limit, many, none, NOW);
	assert_int_equal(r.verdict, LOGIN_ALLOWED);
}

static void test_extreme_values(void **state)
{
	struct login_failures far_future = { 5, INT64_MAX };
	struct login_failures far_past = { 5, INT64_MIN };
	struct login_throttle_result r;

	(void)state;
	/* R-X-6: absurd stored values neither crash nor unblock */
	r = login_throttle_decide(NULL, none, far_future, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	assert_true(r.retry_after_seconds >= 1);
	r = login_throttle_decide(NULL, none, far_past, NOW);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_ACCOUNT);
	assert_int_equal(r.retry_after_seconds, 1);
	far_future.count = 20;
	r = login_throttle_decide(NULL, far_future, none, INT64_MIN);
	assert_int_equal(r.verdict, LOGIN_BLOCKED_IP);
	assert_true(r.retry_after_seconds >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_policy),
		cmocka_unit_test(test_no_failures_allowed),
		cmocka_unit_test(test_account_boundary),
		cmocka_unit_test(test_ip_boundary),
		cmocka_unit_test(test_account_block_wins),
		cmocka_unit_test(test_retry_after_at_least_one),
		cmocka_unit_test(test_null_and_custom_policy),
		cmocka_unit_test(test_extreme_values),
	};
	return cmocka_run_group_tests_name("login_throttle", tests, NULL, NULL);
}
