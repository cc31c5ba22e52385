/*
 * Who may do what (R-X-2).
 *
 * permission_allows() is the single decision point for access control: every
 * page, API endpoint and CLI command asks it before doing anything. It denies
 * by default: unknown actions, unknown roles, anonymous and disabled accounts
 * get nothing beyond ACTION_PUBLIC. Finer rules that need data (an interviewer
 * sees only the candidates assigned to them) are applied on top of a positive
 * answer here, never instead of it.
 */
#ifndef STELLWERK_CORE_PERMISSIONS_H
#define STELLWERK_CORE_PERMISSIONS_H

#include <stdbool.h>

#include "core/roles.h"

enum action {
	ACTION_PUBLIC,              /* anyone, even anonymous */
	ACTION_VIEW_DASHBOARD,
	ACTION_VIEW_POSITIONS,
	ACTION_VIEW_CANDIDATES,
	ACTION_VIEW_INTERVIEWS,
	ACTION_MANAGE_OWN_ACCOUNT,  /* language, own password, own API tokens */
	ACTION_MANAGE_USERS,        /* admin page: create, disable, change role */
	ACTION_VIEW_AUDIT,
	ACTION_EDIT_POSITIONS,      /* create positions, edit profiles, goals, requirements, stakeholders */
	ACTION_APPROVE_PROFILES,    /* approve a requirements profile version */
	ACTION_MANAGE_ORGANISATIONS,
	ACTION_MANAGE_TEMPLATES,    /* copy, edit, restore role templates */
	ACTION_MANAGE_CANDIDATES,   /* see and edit candidates, documents, pipelines, channel plans, imports */
	ACTION_MANAGE_SETTINGS,     /* instance settings such as the career page's privacy notice */
	ACTION_WRITE_SCORECARDS,    /* fill and submit one's own scorecards (assignment checked by the handler) */
	ACTION_DECIDE,              /* record the hire/reject decision of an application */
	ACTION__COUNT
};

/* The party asking: an anonymous visitor has authenticated == false. */
struct principal {
	bool authenticated;
	bool disabled;
	enum role role;
};

/* Whether p may perform a. ACTION_PUBLIC is allowed for every non-NULL
 * principal; everything else needs an authenticated, enabled account whose
 * role grants it. NULL principal, or out-of-range action or role: false. */
bool permission_allows(const struct principal *p, enum action a);

/* Stable name of an action for logs ("view_dashboard"); "unknown" if out of
 * range. */
const char *action_name(enum action a);

#endif
