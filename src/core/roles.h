/*
 * Account roles (R-X-2).
 *
 * Every account has exactly one role. The role decides what the account may
 * do (see permissions.h). Roles are stored and logged by their stable name
 * ("hiring_manager") and shown to people by their translatable label.
 */
#ifndef STELLWERK_CORE_ROLES_H
#define STELLWERK_CORE_ROLES_H

#include <stdbool.h>

enum role {
	ROLE_ADMIN,
	ROLE_RECRUITER,
	ROLE_HIRING_MANAGER,
	ROLE_INTERVIEWER,
	ROLE__COUNT
};

/* Stable machine name for storage and logs; "unknown" if r is out of range. */
const char *role_name(enum role r);

/* Parse a stable name (exact, case-sensitive match of role_name()).
 * Returns false and leaves *out untouched on NULL or unknown input. */
bool role_parse(const char *s, enum role *out);

/* English msgid (marked with N_) for showing the role to people;
 * "Unknown role" if r is out of range. */
const char *role_label(enum role r);

#endif
