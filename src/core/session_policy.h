/*
 * Lifetime rules for server-side login sessions (R-X-2).
 *
 * A session ends when it has been idle too long or, regardless of activity,
 * when it is too old. To keep writes down, the store refreshes a session's
 * last-seen time only when session_policy_needs_touch() says so.
 */
#ifndef STELLWERK_CORE_SESSION_POLICY_H
#define STELLWERK_CORE_SESSION_POLICY_H

#include <stdbool.h>
#include <stdint.h>

/* All values in seconds. */
struct session_policy {
	int64_t idle_timeout;
	int64_t absolute_lifetime;
	int64_t touch_interval;
};

extern const struct session_policy SESSION_POLICY_DEFAULT; /* idle 7200 s, absolute 43200 s, touch 60 s */

enum session_state { SESSION_VALID, SESSION_IDLE_EXPIRED, SESSION_ABSOLUTE_EXPIRED };

/*
 * State of a session created at created_at and last used at last_seen_at, as
 * seen at now. Expired once now - created_at >= absolute_lifetime (checked
 * first) or now - last_seen_at >= idle_timeout. A clock that went backwards
 * never expires a session. p NULL means SESSION_POLICY_DEFAULT.
 */
enum session_state session_policy_check(const struct session_policy *p, int64_t created_at,
                                        int64_t last_seen_at, int64_t now);

/* Whether last_seen_at should be updated to now: at least touch_interval
 * seconds have passed since it was last written. p NULL means default. */
bool session_policy_needs_touch(const struct session_policy *p, int64_t last_seen_at, int64_t now);

#endif
