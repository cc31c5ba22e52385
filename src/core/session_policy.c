/*
 * Session lifetime checks: idle timeout, absolute lifetime and how often the
 * last-seen time is worth writing back.
 */
#include "core/session_policy.h"

#include <stddef.h>

const struct session_policy SESSION_POLICY_DEFAULT = {
	.idle_timeout = 7200,
	.absolute_lifetime = 43200,
	.touch_interval = 60,
};

/* Whether at least span seconds lie between since and now, without overflow. */
static bool elapsed_at_least(int64_t since, int64_t now, int64_t span)
{
	int64_t elapsed;

	if (now < since)
		return false;
	if (__builtin_sub_overflow(now, since, &elapsed))
		return true;
	return elapsed >= span;
}

enum session_state session_policy_check(const struct session_policy *p, int64_t created_at,
                                        int64_t last_seen_at, int64_t now)
{
	if (p == NULL)
		p = &SESSION_POLICY_DEFAULT;
	if (elapsed_at_least(created_at, now, p->absolute_lifetime))
		return SESSION_ABSOLUTE_EXPIRED;
	if (elapsed_at_least(last_seen_at, now, p->idle_timeout))
		return SESSION_IDLE_EXPIRED;
	return SESSION_VALID;
}

bool session_policy_needs_touch(const struct session_policy *p, int64_t last_seen_at, int64_t now)
{
	if (p == NULL)
		p = &SESSION_POLICY_DEFAULT;
	return elapsed_at_least(last_seen_at, now, p->touch_interval);
}
