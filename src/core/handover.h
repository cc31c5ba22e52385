/*
 * handover.h — scheduling the personal customer handovers of a new key
 * account manager (R-ONB-2): one introduction meeting per key account with
 * its previous owner, in weeks 2–4 after the start (working days 6–20, the
 * start day being working day 1), most important accounts first.
 *
 * Order: priority ascending (1 = most important), then annual revenue
 * descending, then id ascending. Accounts with a fixed day keep it (even
 * outside the window) and count against the limits; the others take the
 * earliest day in the window where
 *   - the day is a working day of `state`,
 *   - the previous owner is not blocked (absent) that day (callback),
 *   - the previous owner has no other meeting that day (HANDOVER_PER_OWNER_PER_DAY),
 *   - fewer than HANDOVER_PER_DAY meetings are on that day.
 * An account that finds no such day gets HANDOVER_NO_DAY (reported overflow).
 * Previous owner identity: owner_user_id when > 0, else owner_name when not
 * empty (exact match); an account without either has no per-owner limit and
 * no absence check. Pure: no I/O.
 */
#ifndef STELLWERK_CORE_HANDOVER_H
#define STELLWERK_CORE_HANDOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HANDOVER_FIRST_WORKING_DAY 6
#define HANDOVER_LAST_WORKING_DAY 20
#define HANDOVER_PER_OWNER_PER_DAY 1
#define HANDOVER_PER_DAY 2
#define HANDOVER_NO_DAY INT32_MIN

struct handover_account {
	int64_t id;
	int priority;                 /* 1 = highest */
	int64_t annual_revenue;       /* EUR */
	int64_t owner_user_id;        /* previous owner's user id; 0 = none */
	const char *owner_name;       /* previous owner's name when no user; NULL/"" = none */
	int32_t fixed_day;            /* a handover day already set; HANDOVER_NO_DAY = none */
};

/* True when the previous owner `owner_user_id` is absent on `day`. Only
 * called for owner_user_id > 0. */
typedef bool (*handover_blocked_fn)(void *ctx, int64_t owner_user_id, int32_t day);

struct handover_slot {
	int64_t account_id;
	int32_t day;                  /* HANDOVER_NO_DAY when it did not fit */
	bool fixed;                   /* kept the account's fixed_day */
};

/* qsort-style comparison of the order above (for lists). */
int handover_account_cmp(const struct handover_account *a, const struct handover_account *b);

/* First and last day of the window for a start day (working days 6 and 20). */
int32_t handover_window_first(int32_t start_day, const char *state);
int32_t handover_window_last(int32_t start_day, const char *state);

/* Schedules n accounts; writes n slots into out in the order above and
 * returns how many got a day (n − return value = overflow). blocked may be
 * NULL. */
size_t handover_schedule(const struct handover_account *accounts, size_t n, int32_t start_day, const char *state,
			 handover_blocked_fn blocked, void *ctx, struct handover_slot *out);

#endif
