/*
 * sessions.h — server-side login sessions. Only the SHA-256 of the session
 * id is stored, so a copy of the database does not let anyone log in.
 */
#ifndef STELLWERK_STORE_SESSIONS_H
#define STELLWERK_STORE_SESSIONS_H

#include "store/store.h"

struct session {
	char id_hash[65];    /* hex SHA-256 of the cookie value */
	int64_t user_id;
	char csrf[64];       /* per-session CSRF token (random, base64url) */
	int64_t created_at;
	int64_t last_seen_at;
	char ip[48];
	char user_agent[160];
};

enum store_rc store_session_create(struct store *s, const struct session *sess);
enum store_rc store_session_get(struct store *s, const char *id_hash, struct session *out);
enum store_rc store_session_touch(struct store *s, const char *id_hash, int64_t now);
enum store_rc store_session_delete(struct store *s, const char *id_hash);
enum store_rc store_session_delete_for_user(struct store *s, int64_t user_id);
/* Removes sessions idle since before idle_before or created before created_before. */
enum store_rc store_session_purge(struct store *s, int64_t idle_before, int64_t created_before);

#endif
