/*
 * channel_report.c — the shared part of the channel pages and the channel
 * API; see channel_report.h.
 */
#include "web/channel_report.h"

#include <stdlib.h>

#include "core/profile.h"
#include "core/role_template.h"
#include "store/applications.h"
#include "store/profiles.h"
#include "web/template_source.h"

enum store_rc channel_report_rows(struct store *s, int64_t position_id, struct channel_stats rows[CHANNEL_STATS_ROWS],
				  size_t *nrows)
{
	struct channel_fact *facts = NULL;
	struct channel_budget *budgets = NULL;
	size_t nfacts = 0, nbudgets = 0;
	enum store_rc rc = store_channel_facts(s, position_id, &facts, &nfacts);
	if (rc == STORE_OK)
		rc = store_channel_budgets(s, position_id, &budgets, &nbudgets);
	if (rc == STORE_OK)
		*nrows = channel_stats_compute(facts, nfacts, budgets, nbudgets, rows, CHANNEL_STATS_ROWS);
	free(facts);
	free(budgets);
	return rc;
}

/* The largest minimum of years among the profile's experience requirements. */
static int required_years(const struct profile *prof)
{
	int years = 0;
	for (size_t i = 0; i < prof->nrequirements; i++)
		if (prof->requirements[i].kind == REQ_EXPERIENCE && prof->requirements[i].years_min > years)
			years = prof->requirements[i].years_min;
	return years;
}

enum seniority channel_position_seniority(struct request *r, const struct position *p, int *years)
{
	enum seniority result = SENIORITY_NONE;
	int y = 0;
	struct profile prof = { 0 };

	if (store_profile_load(r->store, p->id, &prof) == STORE_OK) {
		y = required_years(&prof);
		if (y >= SENIOR_ROLE_MIN_YEARS)
			result = SENIORITY_BY_REQUIREMENT;
		profile_free(&prof);
	}
	if (result == SENIORITY_NONE && p->template_key[0]) {
		struct role_template t;
		if (template_load(r, p->template_key, &t)) {
			if (t.usual_years_min >= SENIOR_ROLE_MIN_YEARS) {
				result = SENIORITY_BY_TEMPLATE;
				y = t.usual_years_min;
			}
			role_template_free(&t);
		}
	}
	if (years)
		*years = result == SENIORITY_NONE ? 0 : y;
	return result;
}
