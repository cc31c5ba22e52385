/*
 * user_admin.h — what the admin page and the API share when managing users:
 * validating and creating an account, and the guard that keeps at least one
 * active administrator.
 */
#ifndef STELLWERK_WEB_USER_ADMIN_H
#define STELLWERK_WEB_USER_ADMIN_H

#include "web/layout.h"
#include "web/request.h"

struct new_user_input {
	const char *name;
	const char *display_name;
	const char *role;
	const char *password;      /* NULL or empty: generate one */
};

enum user_admin_result { USER_ADMIN_OK, USER_ADMIN_INVALID, USER_ADMIN_FAILED };

/* Creates the user; on USER_ADMIN_INVALID fe names the fields. When no
 * password was given, *generated receives the new one (arena memory). */
enum user_admin_result user_admin_create(struct request *r, const struct new_user_input *in, struct user *created,
					 const char **generated, struct form_errors *fe);
/* True when changing target (disable or demote) would leave no active admin. */
bool user_admin_is_last_admin(struct request *r, const struct user *target);

#endif
