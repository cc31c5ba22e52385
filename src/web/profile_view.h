/*
 * profile_view.h — HTML pieces of the requirements profile shared by the
 * profile pages, the print view and the version comparison: the checks
 * panel, goals, requirements by tier, the stakeholders' consolidated view.
 */
#ifndef STELLWERK_WEB_PROFILE_VIEW_H
#define STELLWERK_WEB_PROFILE_VIEW_H

#include "core/profile.h"
#include "core/profile_check.h"
#include "web/request.h"

/* Runs the checks with the request's language; n receives the count. */
struct finding *profile_run_checks(struct request *r, const struct profile *p, size_t *n);
struct profile_check_options profile_check_options_for(const struct profile *p);

void profile_checks_panel(struct request *r, const struct finding *f, size_t n);
void profile_goals_view(struct request *r, const struct profile *p);
void profile_requirements_view(struct request *r, const struct profile *p, const struct finding *f, size_t nf);
void profile_stakeholders_view(struct request *r, const struct profile *p);
/* Two versions side by side: requirements added, removed and changed. */
void profile_compare_view(struct request *r, const struct profile *a, const char *a_label, const struct profile *b,
			  const char *b_label);
/* One-line description of a requirement's specifics ("5–10 Jahre", "C1"). */
const char *requirement_specifics(struct request *r, const struct requirement *q);

#endif
