/*
 * handover.c — ordering key accounts and scheduling their handover meetings
 * in weeks 2–4; see handover.h.
 */
#include "core/handover.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "util/xalloc.h"

int handover_account_cmp(const struct handover_account *a, const struct handover_account *b)
{
	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	if (a->annual_revenue != b->annual_revenue)
		return a->annual_revenue > b->annual_revenue ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* Working day k (1 = the start day, or the next working day after it). */
static int32_t working_day_index(int32_t start_day, int k, const char *state)
{
	int32_t s0 = calendar_add_working_days(start_day, 0, state, NULL, NULL);

	return calendar_add_working_days(s0, k - 1, state, NULL, NULL);
}

int32_t handover_window_first(int32_t start_day, const char *state)
{
	return working_day_index(start_day, HANDOVER_FIRST_WORKING_DAY, state);
}

int32_t handover_window_last(int32_t start_day, const char *state)
{
	return working_day_index(start_day, HANDOVER_LAST_WORKING_DAY, state);
}

static bool has_owner(const struct handover_account *a)
{
	return a->owner_user_id > 0 || (a->owner_name != NULL && a->owner_name[0] != '\0');
}

static bool same_owner(const struct handover_account *a, const struct handover_account *b)
{
	if (a->owner_user_id > 0)
		return b->owner_user_id == a->owner_user_id;
	if (a->owner_name == NULL || a->owner_name[0] == '\0')
		return false;
	return b->owner_user_id <= 0 && b->owner_name != NULL && strcmp(a->owner_name, b->owner_name) == 0;
}

/* Stable insertion sort of the index array by handover_account_cmp (lists
 * are short, and qsort has no context argument for the accounts). */
static void sort_indices(const struct handover_account *accounts, size_t *idx, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		size_t v = idx[i], j = i;

		while (j > 0 && handover_account_cmp(&accounts[idx[j - 1]], &accounts[v]) > 0) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = v;
	}
}

/* Can account a meet on day, given the meetings so far (out[i].day of
 * account idx[i]; HANDOVER_NO_DAY when not placed)? */
static bool day_free(const struct handover_account *accounts, const size_t *idx, const struct handover_slot *out,
		     size_t n, const struct handover_account *a, int32_t day)
{
	int total = 0, owner = 0;

	for (size_t i = 0; i < n; i++) {
		if (out[i].day != day)
			continue;
		total++;
		if (same_owner(a, &accounts[idx[i]]))
			owner++;
	}
	return total < HANDOVER_PER_DAY && (!has_owner(a) || owner < HANDOVER_PER_OWNER_PER_DAY);
}

size_t handover_schedule(const struct handover_account *accounts, size_t n, int32_t start_day, const char *state,
			 handover_blocked_fn blocked, void *ctx, struct handover_slot *out)
{
	size_t *idx = xcalloc(n ? n : 1, sizeof *idx);
	int32_t first = handover_window_first(start_day, state), last = handover_window_last(start_day, state);
	size_t placed = 0;

	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_indices(accounts, idx, n);
	for (size_t i = 0; i < n; i++) {
		const struct handover_account *a = &accounts[idx[i]];

		out[i].account_id = a->id;
		out[i].fixed = a->fixed_day != HANDOVER_NO_DAY;
		out[i].day = a->fixed_day;
		if (out[i].fixed)
			placed++;
	}
	for (size_t i = 0; i < n; i++) {
		const struct handover_account *a = &accounts[idx[i]];

		if (out[i].fixed)
			continue;
		for (int32_t d = first; d <= last; d = calendar_add_working_days(d, 1, state, NULL, NULL)) {
			if (blocked != NULL && a->owner_user_id > 0 && blocked(ctx, a->owner_user_id, d))
				continue;
			if (!day_free(accounts, idx, out, n, a, d))
				continue;
			out[i].day = d;
			placed++;
			break;
		}
	}
	free(idx);
	return placed;
}
