/*
 * profile.h — the requirements profile (Anforderungsprofil) of a position:
 * strategic goals, requirements in three tiers linked to the goals they
 * serve, stakeholders and their tier proposals (R-PROF-1..3, R-PROF-6).
 *
 * The live rows of a position are its current draft. Approval freezes them
 * into an immutable numbered version (R-PROF-7); later edits change the
 * draft again, which becomes the next version when approved.
 */
#ifndef STELLWERK_CORE_PROFILE_H
#define STELLWERK_CORE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum goal_kind { GOAL_REVENUE, GOAL_MARKET_ENTRY, GOAL_ACCOUNT_DEVELOPMENT, GOAL_FREE_TEXT, GOAL_KIND__COUNT };

struct goal {
	int64_t id;
	enum goal_kind kind;
	char title[200];
	int64_t revenue_amount;      /* GOAL_REVENUE: target in currency units */
	int horizon_months;          /* GOAL_REVENUE: within how many months */
	char region[120];            /* GOAL_MARKET_ENTRY */
	char segment[120];           /* GOAL_MARKET_ENTRY */
	char accounts[400];          /* GOAL_ACCOUNT_DEVELOPMENT: named accounts, comma separated */
	bool international;          /* the goal reaches beyond the home market */
	bool technical_market;       /* customers buy a technical product */
	char notes[1000];
};

enum tier { TIER_MUST, TIER_IMPORTANT, TIER_NICE, TIER__COUNT };
enum requirement_kind { REQ_EXPERIENCE, REQ_SKILL, REQ_LANGUAGE, REQ_EDUCATION, REQ_CERTIFICATE, REQ_INDUSTRY,
			REQ_TRAIT, REQ_KIND__COUNT };
enum cefr { CEFR_NONE, CEFR_A1, CEFR_A2, CEFR_B1, CEFR_B2, CEFR_C1, CEFR_C2, CEFR__COUNT };

#define REQUIREMENT_MAX_GOALS 8

struct requirement {
	int64_t id;
	enum requirement_kind kind;
	enum tier tier;
	char title[200];
	char detail[600];
	int years_min;               /* REQ_EXPERIENCE; 0 = not set */
	int years_max;               /* REQ_EXPERIENCE; 0 = open-ended */
	char language[48];           /* REQ_LANGUAGE, e.g. "Englisch" */
	enum cefr level;             /* REQ_LANGUAGE */
	bool technical;              /* a technical background (degree, product depth) */
	int64_t revenue_amount;      /* proven revenue responsibility demanded, currency units */
	char competency_key[48];     /* competency of the role template it evidences, may be "" */
	bool tier_decided;           /* the owner settled diverging stakeholder tiers */
	int64_t goal_ids[REQUIREMENT_MAX_GOALS];
	int ngoals;
};

enum stakeholder_role { STAKEHOLDER_MANAGING_DIRECTOR, STAKEHOLDER_SALES_HEAD, STAKEHOLDER_CFO,
			STAKEHOLDER_HEAD_OF_ENGINEERING, STAKEHOLDER_BDM, STAKEHOLDER_HR, STAKEHOLDER_OTHER,
			STAKEHOLDER_ROLE__COUNT };

struct stakeholder {
	int64_t id;
	int64_t user_id;             /* 0 for a named person without an account */
	char name[120];
	enum stakeholder_role role;
};

/* A stakeholder's view of how important a requirement is. */
struct proposal {
	int64_t id;
	int64_t stakeholder_id;
	int64_t requirement_id;
	enum tier tier;
	char note[300];
};

/* Everything the checks and the approval look at. Arrays are owned by whoever
 * built the struct (the store allocates them; profile_free releases those). */
struct profile {
	int64_t position_id;
	char template_key[48];
	char challenges[4000];
	struct goal *goals;
	size_t ngoals;
	struct requirement *requirements;
	size_t nrequirements;
	struct stakeholder *stakeholders;
	size_t nstakeholders;
	struct proposal *proposals;
	size_t nproposals;
};

void profile_free(struct profile *p);

const char *goal_kind_code(enum goal_kind k);        /* "revenue", "market_entry", "account_development", "free_text" */
const char *goal_kind_label(enum goal_kind k);
bool goal_kind_parse(const char *code, enum goal_kind *out);
const char *tier_code(enum tier t);                  /* "must", "important", "nice" */
const char *tier_label(enum tier t);                 /* N_("Must-have") → "unverzichtbar" ... */
bool tier_parse(const char *code, enum tier *out);
const char *requirement_kind_code(enum requirement_kind k); /* "experience", "skill", "language", "education", "certificate", "industry", "trait" */
const char *requirement_kind_label(enum requirement_kind k);
bool requirement_kind_parse(const char *code, enum requirement_kind *out);
const char *cefr_code(enum cefr c);                  /* "", "A1" … "C2" */
bool cefr_parse(const char *code, enum cefr *out);   /* "" → CEFR_NONE */
const char *stakeholder_role_code(enum stakeholder_role r); /* "managing_director", "sales_head", "cfo", "head_of_engineering", "bdm", "hr", "other" */
const char *stakeholder_role_label(enum stakeholder_role r);
bool stakeholder_role_parse(const char *code, enum stakeholder_role *out);

#endif
