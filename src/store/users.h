/*
 * users.h — user accounts.
 */
#ifndef STELLWERK_STORE_USERS_H
#define STELLWERK_STORE_USERS_H

#include "core/roles.h"
#include "store/store.h"

#define USER_NAME_MAX 64
#define USER_DISPLAY_MAX 128

struct user {
	int64_t id;
	char name[USER_NAME_MAX];           /* login name, unique, case-insensitive */
	char display_name[USER_DISPLAY_MAX];
	enum role role;
	bool disabled;
	char lang[8];                       /* "de", "en" or "" (browser decides) */
	char password_hash[128];
	int64_t created_at;
	int64_t password_changed_at;
};

/* Inserts u (name, display_name, role, lang, password_hash); sets u->id.
 * STORE_CONFLICT when the name is taken. */
enum store_rc store_user_create(struct store *s, const struct actor *who, struct user *u, int64_t now);
enum store_rc store_user_by_name(struct store *s, const char *name, struct user *out);
enum store_rc store_user_by_id(struct store *s, int64_t id, struct user *out);
/* All users ordered by name; *out is malloc'd (caller frees), *n its length. */
enum store_rc store_user_list(struct store *s, struct user **out, size_t *n);
enum store_rc store_user_count(struct store *s, int64_t *n);
enum store_rc store_user_set_password(struct store *s, const struct actor *who, int64_t id, const char *hash, int64_t now);
enum store_rc store_user_set_disabled(struct store *s, const struct actor *who, int64_t id, bool disabled, int64_t now);
enum store_rc store_user_set_role(struct store *s, const struct actor *who, int64_t id, enum role role, int64_t now);
enum store_rc store_user_set_lang(struct store *s, const struct actor *who, int64_t id, const char *lang, int64_t now);
enum store_rc store_user_set_display_name(struct store *s, const struct actor *who, int64_t id, const char *display_name, int64_t now);
/* Counts enabled admins (guards against disabling or demoting the last one). */
enum store_rc store_user_count_active_admins(struct store *s, int64_t *n);

#endif
