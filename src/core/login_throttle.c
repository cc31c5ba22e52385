/*
 * Login rate limiting: turns failure counts into allow/block and a
 * Retry-After value. Pure arithmetic; the counts come from the store.
 */
#include "core/login_throttle.h"

#include <stdbool.h>
#include <stddef.h>

const struct login_throttle_policy LOGIN_THROTTLE_DEFAULT = {
	.max_failures_per_ip = 20,
	.max_failures_per_account = 5,
	.window_seconds = 900,
};

static bool limit_reached(int max, struct login_failures f)
{
	return max > 0 && f.count >= max;
}

/* Seconds from now until the oldest failure leaves the window, at least 1.
 * Saturates instead of overflowing on absurd inputs. */
static int64_t seconds_until_unblocked(struct login_failures f, int64_t window, int64_t now)
{
	int64_t until, wait;

	if (__builtin_add_overflow(f.oldest_at, window, &until))
		until = window > 0 ? INT64_MAX : INT64_MIN;
	if (__builtin_sub_overflow(until, now, &wait))
		wait = now < 0 ? INT64_MAX : INT64_MIN;
	return wait < 1 ? 1 : wait;
}

struct login_throttle_result login_throttle_decide(const struct login_throttle_policy *p,
        struct login_failures by_ip, struct login_failures by_account, int64_t now)
{
	struct login_throttle_result r = { LOGIN_ALLOWED, 0 };

	if (p == NULL)
		p = &LOGIN_THROTTLE_DEFAULT;
	if (limit_reached(p->max_failures_per_ip, by_ip)) {
		r.verdict = LOGIN_BLOCKED_IP;
		r.retry_after_seconds = seconds_until_unblocked(by_ip, p->window_seconds, now);
	}
	if (limit_reached(p->max_failures_per_account, by_account)) {
		int64_t wait = seconds_until_unblocked(by_account, p->window_seconds, now);
		r.verdict = LOGIN_BLOCKED_ACCOUNT;
		if (wait > r.retry_after_seconds)
			r.retry_after_seconds = wait;
	}
	return r;
}
