/*
 * user_admin.c — shared user-management logic; see user_admin.h.
 */
#include "web/user_admin.h"

#include <string.h>

#include "core/password_policy.h"
#include "core/user_rules.h"
#include "util/crypto.h"
#include "util/embedded.h"
#include "util/str.h"

enum user_admin_result user_admin_create(struct request *r, const struct new_user_input *in, struct user *created,
					 const char **generated, struct form_errors *fe)
{
	struct user u = { 0 };
	char *name = arena_strdup(&r->arena, in->name ? in->name : "");
	str_trim(name);
	const char *problem = user_name_normalize(name);
	if (problem)
		form_error(fe, "name", _(problem));
	char *display = arena_strdup(&r->arena, in->display_name ? in->display_name : "");
	str_trim(display);
	problem = display_name_check(display);
	if (problem)
		form_error(fe, "display_name", _(problem));
	if (!role_parse(in->role, &u.role))
		form_error(fe, "role", _("Choose one of the roles: admin, recruiter, hiring_manager, interviewer."));
	const char *password = in->password;
	*generated = NULL;
	if (str_empty(password)) {
		char *pw = arena_alloc(&r->arena, 21);
		crypto_random_password(pw, 20);
		password = *generated = pw;
	} else {
		const struct embedded_file *list = embedded_find("data/common-passwords.txt");
		enum password_problem pp = password_policy_check(password, name, list ? (const char *)list->data : NULL,
								 list ? list->len : 0);
		if (pp != PASSWORD_OK)
			form_error(fe, "password", _(password_problem_message(pp)));
	}
	if (fe->n)
		return USER_ADMIN_INVALID;
	str_copy(u.name, sizeof u.name, name);
	str_copy(u.display_name, sizeof u.display_name, display);
	if (!crypto_password_hash(password, u.password_hash))
		return USER_ADMIN_FAILED;
	struct actor a = req_actor(r);
	enum store_rc rc = store_user_create(r->store, &a, &u, r->now);
	if (rc == STORE_CONFLICT) {
		form_error(fe, "name", _("This user name is already taken."));
		return USER_ADMIN_INVALID;
	}
	if (rc != STORE_OK)
		return USER_ADMIN_FAILED;
	*created = u;
	return USER_ADMIN_OK;
}

bool user_admin_is_last_admin(struct request *r, const struct user *target)
{
	int64_t admins = 0;
	if (target->role != ROLE_ADMIN || target->disabled)
		return false;
	if (store_user_count_active_admins(r->store, &admins) != STORE_OK)
		return true;
	return admins <= 1;
}
