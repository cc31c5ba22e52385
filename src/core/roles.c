/*
 * Account roles: stable names for storage and translatable labels for the UI.
 *
 * The two tables below are the only place a role's spelling is defined; the
 * database stores role_name() and parses it back with role_parse().
 */
#include "core/roles.h"

#include <stddef.h>
#include <string.h>

#include "core/i18n_mark.h"

static const char *const role_names[ROLE__COUNT] = {
	[ROLE_ADMIN] = "admin",
	[ROLE_RECRUITER] = "recruiter",
	[ROLE_HIRING_MANAGER] = "hiring_manager",
	[ROLE_INTERVIEWER] = "interviewer",
};

static const char *const role_labels[ROLE__COUNT] = {
	[ROLE_ADMIN] = N_("Administrator"),
	[ROLE_RECRUITER] = N_("Recruiter"),
	[ROLE_HIRING_MANAGER] = N_("Hiring manager"),
	[ROLE_INTERVIEWER] = N_("Interviewer"),
};

static bool role_in_range(enum role r)
{
	return (unsigned)r < (unsigned)ROLE__COUNT;
}

const char *role_name(enum role r)
{
	return role_in_range(r) ? role_names[r] : "unknown";
}

bool role_parse(const char *s, enum role *out)
{
	if (s == NULL)
		return false;
	for (int i = 0; i < ROLE__COUNT; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			if (out != NULL)
				*out = (enum role)i;
			return true;
		}
	}
	return false;
}

const char *role_label(enum role r)
{
	return role_in_range(r) ? role_labels[r] : N_("Unknown role");
}
