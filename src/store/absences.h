/*
 * absences.h — days on which a user is away (holiday, illness, travel).
 *
 * An absence covers the inclusive range of calendar days from_day..to_day,
 * given as day numbers (days since 1970-01-01, see core/calendar.h). They
 * push the hiring plan where deciders are needed (R-TIME-1) and flag
 * interview slots of absent interviewers (R-COMM-1). The store only records
 * and loads them; the web layer builds the blocked-day predicate for
 * core/calendar from a loaded list (absence_list_covers). Every write is one
 * unit of work with its audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_ABSENCES_H
#define STELLWERK_STORE_ABSENCES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/users.h"

#define ABSENCE_NOTE_MAX 500              /* bytes of the note */

struct absence {
	int64_t id;
	int64_t user_id;
	char user_display[USER_DISPLAY_MAX]; /* read only: display name, else user name */
	int32_t from_day;                 /* first day away (day number) */
	int32_t to_day;                   /* last day away, inclusive; >= from_day */
	char note[ABSENCE_NOTE_MAX + 1];
	int64_t created_by;               /* read only: user id, 0 for the command line */
	int64_t created_at;               /* read only */
};

/* Records absence a (user_id, from_day, to_day, note); sets a->id,
 * a->created_by and a->created_at. STORE_INVALID for an unknown user,
 * to_day < from_day, or a note too long or not UTF-8; nothing stored. */
enum store_rc store_absence_add(struct store *s, const struct actor *who, struct absence *a, int64_t now);
/* Deletes absence id (audited). STORE_NOT_FOUND when there is none. */
enum store_rc store_absence_delete(struct store *s, const struct actor *who, int64_t id, int64_t now);
enum store_rc store_absence_get(struct store *s, int64_t id, struct absence *out);

/* Absences of user_id (0 = of every user) that overlap the inclusive day
 * range from_day..to_day, ordered by from_day, then user, then id.
 * Pass INT32_MIN / INT32_MAX for an open range. *out is malloc'd (caller
 * frees; NULL when n is 0). */
enum store_rc store_absence_list(struct store *s, int64_t user_id, int32_t from_day, int32_t to_day,
				 struct absence **out, size_t *n);

/* Absences of any of user_ids[0..nusers) that overlap from_day..to_day, in
 * the order of store_absence_list. nusers 0 gives an empty list. *out is
 * malloc'd (caller frees). This is the loader for the deciders of a plan and
 * the interviewers of a slot. */
enum store_rc store_absences_for_users(struct store *s, const int64_t *user_ids, size_t nusers, int32_t from_day,
				       int32_t to_day, struct absence **out, size_t *n);

/* Whether some absence of list[0..n) covers day (pure, no store access);
 * with user_id > 0 only absences of that user count. */
bool absence_list_covers(const struct absence *list, size_t n, int64_t user_id, int32_t day);

#endif
