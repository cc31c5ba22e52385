/*
 * tokens.h — API tokens (sent as "Authorization: Bearer TOKEN"). Stored as
 * SHA-256 hashes; only a short prefix is kept in clear for recognition.
 */
#ifndef STELLWERK_STORE_TOKENS_H
#define STELLWERK_STORE_TOKENS_H

#include "store/store.h"

struct api_token {
	int64_t id;
	int64_t user_id;
	char user_name[64];     /* filled by the list/lookup functions */
	char label[64];
	char hash[65];
	char prefix[16];        /* first characters of the token, e.g. "sw_AbC12" */
	int64_t created_at;
	int64_t last_used_at;   /* 0 = never */
	int64_t revoked_at;     /* 0 = active */
};

/* Inserts t (user_id, label, hash, prefix); sets t->id. */
enum store_rc store_token_create(struct store *s, const struct actor *who, struct api_token *t, int64_t now);
/* Active (not revoked) token by hash. */
enum store_rc store_token_by_hash(struct store *s, const char *hash, struct api_token *out);
/* Tokens of one user (user_id > 0) or of all users (0), newest first; caller frees *out. */
enum store_rc store_token_list(struct store *s, int64_t user_id, struct api_token **out, size_t *n);
enum store_rc store_token_by_id(struct store *s, int64_t id, struct api_token *out);
enum store_rc store_token_revoke(struct store *s, const struct actor *who, int64_t id, int64_t now);
enum store_rc store_token_touch(struct store *s, int64_t id, int64_t now);

#endif
