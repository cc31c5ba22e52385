/*
 * The permission table: one row per role, one column per action.
 *
 * Changing who may do what means editing the table below and the matching
 * expectations in tests/unit/test_permissions.c, nothing else.
 */
#include "core/permissions.h"

#include <stddef.h>

static const bool role_grants[ROLE__COUNT][ACTION__COUNT] = {
	[ROLE_ADMIN] = {
		[ACTION_PUBLIC] = true,
		[ACTION_VIEW_DASHBOARD] = true,
		[ACTION_VIEW_POSITIONS] = true,
		[ACTION_VIEW_CANDIDATES] = true,
		[ACTION_VIEW_INTERVIEWS] = true,
		[ACTION_MANAGE_OWN_ACCOUNT] = true,
		[ACTION_MANAGE_USERS] = true,
		[ACTION_VIEW_AUDIT] = true,
		[ACTION_EDIT_POSITIONS] = true,
		[ACTION_APPROVE_PROFILES] = true,
		[ACTION_MANAGE_ORGANISATIONS] = true,
		[ACTION_MANAGE_TEMPLATES] = true,
		[ACTION_MANAGE_CANDIDATES] = true,
		[ACTION_MANAGE_SETTINGS] = true,
		[ACTION_WRITE_SCORECARDS] = true,
		[ACTION_DECIDE] = true,
	},
	[ROLE_RECRUITER] = {
		[ACTION_PUBLIC] = true,
		[ACTION_VIEW_DASHBOARD] = true,
		[ACTION_VIEW_POSITIONS] = true,
		[ACTION_VIEW_CANDIDATES] = true,
		[ACTION_VIEW_INTERVIEWS] = true,
		[ACTION_MANAGE_OWN_ACCOUNT] = true,
		[ACTION_MANAGE_USERS] = false,
		[ACTION_VIEW_AUDIT] = false,
		[ACTION_EDIT_POSITIONS] = true,
		[ACTION_APPROVE_PROFILES] = false,
		[ACTION_MANAGE_ORGANISATIONS] = true,
		[ACTION_MANAGE_TEMPLATES] = false,
		[ACTION_MANAGE_CANDIDATES] = true,
		[ACTION_MANAGE_SETTINGS] = false,
		[ACTION_WRITE_SCORECARDS] = true,
		[ACTION_DECIDE] = false,
	},
	[ROLE_HIRING_MANAGER] = {
		[ACTION_PUBLIC] = true,
		[ACTION_VIEW_DASHBOARD] = true,
		[ACTION_VIEW_POSITIONS] = true,
		[ACTION_VIEW_CANDIDATES] = true,
		[ACTION_VIEW_INTERVIEWS] = true,
		[ACTION_MANAGE_OWN_ACCOUNT] = true,
		[ACTION_MANAGE_USERS] = false,
		[ACTION_VIEW_AUDIT] = false,
		[ACTION_EDIT_POSITIONS] = true,
		[ACTION_APPROVE_PROFILES] = true,
		[ACTION_MANAGE_ORGANISATIONS] = false,
		[ACTION_MANAGE_TEMPLATES] = false,
		[ACTION_MANAGE_CANDIDATES] = true,
		[ACTION_MANAGE_SETTINGS] = false,
		[ACTION_WRITE_SCORECARDS] = true,
		[ACTION_DECIDE] = true,
	},
	[ROLE_INTERVIEWER] = {
		[ACTION_PUBLIC] = true,
		[ACTION_VIEW_DASHBOARD] = true,
		[ACTION_VIEW_POSITIONS] = false,
		/* Filtered to the interviewer's assigned candidates by the caller. */
		[ACTION_VIEW_CANDIDATES] = true,
		[ACTION_VIEW_INTERVIEWS] = true,
		[ACTION_MANAGE_OWN_ACCOUNT] = true,
		[ACTION_MANAGE_USERS] = false,
		[ACTION_VIEW_AUDIT] = false,
		[ACTION_EDIT_POSITIONS] = false,
		[ACTION_APPROVE_PROFILES] = false,
		[ACTION_MANAGE_ORGANISATIONS] = false,
		[ACTION_MANAGE_TEMPLATES] = false,
		[ACTION_MANAGE_CANDIDATES] = false,
		[ACTION_MANAGE_SETTINGS] = false,
		[ACTION_WRITE_SCORECARDS] = true,
		[ACTION_DECIDE] = false,
	},
};

static const char *const action_names[ACTION__COUNT] = {
	[ACTION_PUBLIC] = "public",
	[ACTION_VIEW_DASHBOARD] = "view_dashboard",
	[ACTION_VIEW_POSITIONS] = "view_positions",
	[ACTION_VIEW_CANDIDATES] = "view_candidates",
	[ACTION_VIEW_INTERVIEWS] = "view_interviews",
	[ACTION_MANAGE_OWN_ACCOUNT] = "manage_own_account",
	[ACTION_MANAGE_USERS] = "manage_users",
	[ACTION_VIEW_AUDIT] = "view_audit",
	[ACTION_EDIT_POSITIONS] = "edit_positions",
	[ACTION_APPROVE_PROFILES] = "approve_profiles",
	[ACTION_MANAGE_ORGANISATIONS] = "manage_organisations",
	[ACTION_MANAGE_TEMPLATES] = "manage_templates",
	[ACTION_MANAGE_CANDIDATES] = "manage_candidates",
	[ACTION_MANAGE_SETTINGS] = "manage_settings",
	[ACTION_WRITE_SCORECARDS] = "write_scorecards",
	[ACTION_DECIDE] = "decide",
};

bool permission_allows(const struct principal *p, enum action a)
{
	if (p == NULL || (unsigned)a >= (unsigned)ACTION__COUNT)
		return false;
	if (a == ACTION_PUBLIC)
		return true;
	if (!p->authenticated || p->disabled)
		return false;
	if ((unsigned)p->role >= (unsigned)ROLE__COUNT)
		return false;
	return role_grants[p->role][a];
}

const char *action_name(enum action a)
{
	if ((unsigned)a >= (unsigned)ACTION__COUNT)
		return "unknown";
	return action_names[a];
}
