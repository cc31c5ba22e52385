/*
 * Login rate limiting decisions (R-X-2).
 *
 * The web layer counts recent failed logins per client IP and per account
 * name (the store keeps them) and asks login_throttle_decide() whether the
 * next attempt may proceed. Limiting per account stops guessing one user's
 * password from many addresses; limiting per IP stops one address from
 * trying many accounts.
 */
#ifndef STELLWERK_CORE_LOGIN_THROTTLE_H
#define STELLWERK_CORE_LOGIN_THROTTLE_H

#include <stdint.h>

/* A limit of 0 or less switches that limit off. */
struct login_throttle_policy {
	int max_failures_per_ip;
	int max_failures_per_account;
	int64_t window_seconds;
};

extern const struct login_throttle_policy LOGIN_THROTTLE_DEFAULT; /* 20 per IP, 5 per account, 900 s */

enum login_throttle_verdict { LOGIN_ALLOWED, LOGIN_BLOCKED_IP, LOGIN_BLOCKED_ACCOUNT };

/* Failures inside the window and the time of the oldest of them. */
struct login_failures {
	int count;
	int64_t oldest_at;
};

/* retry_after_seconds is 0 when allowed, otherwise at least 1. */
struct login_throttle_result {
	enum login_throttle_verdict verdict;
	int64_t retry_after_seconds;
};

/*
 * Decide whether a login attempt at time now may proceed. A source is blocked
 * when its failure count reaches its limit; it unblocks when its oldest
 * failure leaves the window (oldest_at + window_seconds). If both are blocked
 * the verdict is LOGIN_BLOCKED_ACCOUNT and retry_after covers both blocks.
 * p NULL means LOGIN_THROTTLE_DEFAULT.
 */
struct login_throttle_result login_throttle_decide(const struct login_throttle_policy *p,
        struct login_failures by_ip, struct login_failures by_account, int64_t now);

#endif
