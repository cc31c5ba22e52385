/*
 * calendar_tokens.h — the secret of a user's personal calendar feed
 * (/calendar/{secret}.ics, R-COMM-1).
 *
 * A calendar client cannot log in, so the URL itself is the credential: a
 * random secret (util/crypto.h, 32 bytes base64url after the prefix
 * "cal_"), shown once at creation. Only its SHA-256 is stored, as for API
 * tokens (store/tokens.h); a lookup hashes the presented secret and compares
 * the digests in constant time. A user has at most one active token:
 * creating a new one revokes the old in the same unit of work. Revoked rows
 * are kept for the audit trail. Create and revoke are audited (R-X-4), never
 * with the secret or its hash.
 */
#ifndef STELLWERK_STORE_CALENDAR_TOKENS_H
#define STELLWERK_STORE_CALENDAR_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/crypto.h"

#define CALENDAR_TOKEN_PREFIX "cal_"

struct calendar_token {
	int64_t id;
	int64_t user_id;
	int64_t created_at;
	int64_t revoked_at;               /* 0 = active */
};

/* Creates a new active token for user_id, revoking the user's active one
 * if any; writes the secret (NUL-terminated) to secret — the only time it
 * exists in clear — and fills *out when not NULL. STORE_INVALID for an
 * unknown or disabled user. */
enum store_rc store_calendar_token_create(struct store *s, const struct actor *who, int64_t user_id, int64_t now,
					  char secret[TOKEN_TEXT_MAX], struct calendar_token *out);

/* Revokes the active token of user_id. STORE_NOT_FOUND when there is none. */
enum store_rc store_calendar_token_revoke(struct store *s, const struct actor *who, int64_t user_id, int64_t now);

/* The active token of user_id (for the settings page: whether one exists
 * and since when). STORE_NOT_FOUND when there is none. */
enum store_rc store_calendar_token_active(struct store *s, int64_t user_id, struct calendar_token *out);

/* The user a presented secret belongs to: STORE_OK with *user_id when it is
 * an active token of an enabled user, else STORE_NOT_FOUND (also for NULL,
 * empty or overlong secrets). */
enum store_rc store_calendar_token_lookup(struct store *s, const char *secret, int64_t *user_id);

#endif
