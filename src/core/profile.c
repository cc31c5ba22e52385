/*
 * The requirements profile's enumerations: stable codes for the database and
 * the API, English labels (msgids) for the UI, and profile_free().
 *
 * The tables below are the only place these spellings are defined. Codes are
 * parsed back exactly (case-sensitive); an out-of-range value yields the code
 * "unknown" and the label "Unknown" rather than reading past a table.
 */
#include "core/profile.h"
#include "core/code_table.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n_mark.h"

static const char *const goal_kind_codes[GOAL_KIND__COUNT] = {
	[GOAL_REVENUE] = "revenue",
	[GOAL_MARKET_ENTRY] = "market_entry",
	[GOAL_ACCOUNT_DEVELOPMENT] = "account_development",
	[GOAL_FREE_TEXT] = "free_text",
};

static const char *const goal_kind_labels[GOAL_KIND__COUNT] = {
	[GOAL_REVENUE] = N_("Revenue target"),
	[GOAL_MARKET_ENTRY] = N_("Market entry"),
	[GOAL_ACCOUNT_DEVELOPMENT] = N_("Account development"),
	[GOAL_FREE_TEXT] = N_("Other goal"),
};

static const char *const tier_codes[TIER__COUNT] = {
	[TIER_MUST] = "must",
	[TIER_IMPORTANT] = "important",
	[TIER_NICE] = "nice",
};

static const char *const tier_labels[TIER__COUNT] = {
	[TIER_MUST] = N_("Must-have"),
	[TIER_IMPORTANT] = N_("Important"),
	[TIER_NICE] = N_("Nice-to-have"),
};

static const char *const requirement_kind_codes[REQ_KIND__COUNT] = {
	[REQ_EXPERIENCE] = "experience",
	[REQ_SKILL] = "skill",
	[REQ_LANGUAGE] = "language",
	[REQ_EDUCATION] = "education",
	[REQ_CERTIFICATE] = "certificate",
	[REQ_INDUSTRY] = "industry",
	[REQ_TRAIT] = "trait",
};

static const char *const requirement_kind_labels[REQ_KIND__COUNT] = {
	[REQ_EXPERIENCE] = N_("Experience"),
	[REQ_SKILL] = N_("Skill"),
	[REQ_LANGUAGE] = N_("Language"),
	[REQ_EDUCATION] = N_("Education"),
	[REQ_CERTIFICATE] = N_("Certificate"),
	[REQ_INDUSTRY] = N_("Industry knowledge"),
	[REQ_TRAIT] = N_("Trait"),
};

/* CEFR levels are international codes, not translated. */
static const char *const cefr_codes[CEFR__COUNT] = {
	[CEFR_NONE] = "",
	[CEFR_A1] = "A1",
	[CEFR_A2] = "A2",
	[CEFR_B1] = "B1",
	[CEFR_B2] = "B2",
	[CEFR_C1] = "C1",
	[CEFR_C2] = "C2",
};

static const char *const stakeholder_role_codes[STAKEHOLDER_ROLE__COUNT] = {
	[STAKEHOLDER_MANAGING_DIRECTOR] = "managing_director",
	[STAKEHOLDER_SALES_HEAD] = "sales_head",
	[STAKEHOLDER_CFO] = "cfo",
	[STAKEHOLDER_HEAD_OF_ENGINEERING] = "head_of_engineering",
	[STAKEHOLDER_BDM] = "bdm",
	[STAKEHOLDER_HR] = "hr",
	[STAKEHOLDER_OTHER] = "other",
};

static const char *const stakeholder_role_labels[STAKEHOLDER_ROLE__COUNT] = {
	[STAKEHOLDER_MANAGING_DIRECTOR] = N_("Managing director"),
	[STAKEHOLDER_SALES_HEAD] = N_("Head of sales"),
	[STAKEHOLDER_CFO] = N_("CFO"),
	[STAKEHOLDER_HEAD_OF_ENGINEERING] = N_("Head of Engineering"),
	[STAKEHOLDER_BDM] = N_("Business Development Manager"),
	[STAKEHOLDER_HR] = N_("HR"),
	[STAKEHOLDER_OTHER] = N_("Other"),
};

/* Frees the arrays the profile owns and leaves it empty; the scalar fields
 * (position_id, template_key, challenges) are kept. NULL-safe. */
void profile_free(struct profile *p)
{
	if (p == NULL)
		return;
	free(p->goals);
	free(p->requirements);
	free(p->stakeholders);
	free(p->proposals);
	p->goals = NULL;
	p->requirements = NULL;
	p->stakeholders = NULL;
	p->proposals = NULL;
	p->ngoals = 0;
	p->nrequirements = 0;
	p->nstakeholders = 0;
	p->nproposals = 0;
}

const char *goal_kind_code(enum goal_kind k)
{
	return (unsigned)k < GOAL_KIND__COUNT ? goal_kind_codes[k] : "unknown";
}

const char *goal_kind_label(enum goal_kind k)
{
	return (unsigned)k < GOAL_KIND__COUNT ? goal_kind_labels[k] : N_("Unknown");
}

bool goal_kind_parse(const char *code, enum goal_kind *out)
{
	int i = code_table_index(goal_kind_codes, GOAL_KIND__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum goal_kind)i;
	return true;
}

const char *tier_code(enum tier t)
{
	return (unsigned)t < TIER__COUNT ? tier_codes[t] : "unknown";
}

const char *tier_label(enum tier t)
{
	return (unsigned)t < TIER__COUNT ? tier_labels[t] : N_("Unknown");
}

bool tier_parse(const char *code, enum tier *out)
{
	int i = code_table_index(tier_codes, TIER__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum tier)i;
	return true;
}

const char *requirement_kind_code(enum requirement_kind k)
{
	return (unsigned)k < REQ_KIND__COUNT ? requirement_kind_codes[k] : "unknown";
}

const char *requirement_kind_label(enum requirement_kind k)
{
	return (unsigned)k < REQ_KIND__COUNT ? requirement_kind_labels[k] : N_("Unknown");
}

bool requirement_kind_parse(const char *code, enum requirement_kind *out)
{
	int i = code_table_index(requirement_kind_codes, REQ_KIND__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum requirement_kind)i;
	return true;
}

const char *cefr_code(enum cefr c)
{
	return (unsigned)c < CEFR__COUNT ? cefr_codes[c] : "unknown";
}

/* "" parses as CEFR_NONE; level codes must be upper case ("C1", not "c1"). */
bool cefr_parse(const char *code, enum cefr *out)
{
	int i = code_table_index(cefr_codes, CEFR__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum cefr)i;
	return true;
}

const char *stakeholder_role_code(enum stakeholder_role r)
{
	return (unsigned)r < STAKEHOLDER_ROLE__COUNT ? stakeholder_role_codes[r] : "unknown";
}

const char *stakeholder_role_label(enum stakeholder_role r)
{
	return (unsigned)r < STAKEHOLDER_ROLE__COUNT ? stakeholder_role_labels[r] : N_("Unknown");
}

bool stakeholder_role_parse(const char *code, enum stakeholder_role *out)
{
	int i = code_table_index(stakeholder_role_codes, STAKEHOLDER_ROLE__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum stakeholder_role)i;
	return true;
}
