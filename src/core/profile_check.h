/*
 * profile_check.h — the checks of a requirements profile, as pure functions
 * (R-PROF-2, R-PROF-4, R-PROF-5, R-PROF-6, R-PROF-8) and the suggestions of
 * requirements from strategic goals (R-PROF-2).
 *
 * Rule ids are part of the interface (API, UI, tests):
 *   profile.no_goals                  error    no strategic goal yet (R-PROF-1)
 *   profile.no_requirements           error    no requirement yet
 *   profile.must_have_count           warning  fewer than 3 or more than 5 must-haves (R-PROF-4)
 *   profile.unicorn                   warning  a combination of demanding must-haves (R-PROF-5)
 *   profile.experience_range          warning  required years outside the role's usual range (5–10 for a KAM)
 *   profile.unlinked_requirement      warning  a requirement serving no goal (R-PROF-2)
 *   profile.goal_without_requirement  warning  a goal no requirement serves (R-PROF-2)
 *   profile.tier_conflict             error    stakeholders propose different tiers, not yet decided (R-PROF-6)
 *   profile.no_challenges             warning  the role's known challenges are not documented (R-PROF-8)
 * Errors block approval; warnings and hints inform.
 */
#ifndef STELLWERK_CORE_PROFILE_CHECK_H
#define STELLWERK_CORE_PROFILE_CHECK_H

#include "core/profile.h"

enum severity { SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_HINT };

#define FINDING_MAX_ITEMS 16

struct finding {
	const char *rule;                   /* stable id, see above */
	enum severity severity;
	char message[600];                  /* rendered through opt->translate */
	int64_t items[FINDING_MAX_ITEMS];   /* ids of the requirements or goals concerned */
	int nitems;
};

struct profile_check_options {
	/* Translates an English msgid (format string); NULL = identity. */
	const char *(*translate)(const char *msgid);
	int usual_years_min;                /* the role's usual experience range; 0/0 = 5–10 */
	int usual_years_max;
};

/* Runs every rule; writes at most max findings (errors first, then warnings,
 * then hints, each group in rule order) and returns how many were written. */
size_t profile_check(const struct profile *p, const struct profile_check_options *opt, struct finding *out, size_t max);
bool findings_block_approval(const struct finding *f, size_t n);
const char *severity_code(enum severity s);   /* "error", "warning", "hint" */

/* A requirement suggested by a goal; `key` says which rule suggested it and
 * is stored in competency_key so the suggestion is not repeated. */
struct suggestion {
	const char *key;                    /* "international_experience", "foreign_language",
					       "technical_understanding", "sales_track_record" */
	int64_t goal_id;
	struct requirement requirement;     /* ready to insert: kind, tier, title (English msgid
					       rendered via translate), years/level/amount filled */
};

/* Suggestions from the goals that the profile does not cover yet:
 * international → international experience (important) and a foreign
 * language at C1 (important); technical market → technical product
 * understanding (important, technical); revenue target → proven sales results
 * of comparable size (must-have, revenue_amount = the goal's amount / 2). */
size_t profile_suggest(const struct profile *p, const struct profile_check_options *opt, struct suggestion *out, size_t max);

#endif
