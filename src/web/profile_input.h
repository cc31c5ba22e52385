/*
 * profile_input.h — reading the parts of a requirements profile (goals,
 * requirements, stakeholders) and organisations from a submitted HTML form
 * or a JSON body, and writing them as JSON. The pages and the API share
 * these functions, so both accept and refuse exactly the same input (R-X-6).
 *
 * Field names are the struct member names in forms, JSON and error
 * pointers alike. Problems are recorded in fe by field name as translated
 * messages (English msgids); a field gets at most one message. The struct is
 * only changed where the input was valid, but callers must not store it
 * while fe->n > 0.
 *
 * Forms are whole submissions: a text field that is absent keeps its value,
 * but an unchecked checkbox is absent by nature, so booleans read as false
 * when absent, and requirement_read_form reads the checked "goal_ids" boxes
 * as the complete list (none checked: no goals). Empty number fields mean 0
 * ("not set"). JSON bodies use PATCH semantics: absent members keep the
 * current value, null clears it ("", 0, false, no goals).
 */
#ifndef STELLWERK_WEB_PROFILE_INPUT_H
#define STELLWERK_WEB_PROFILE_INPUT_H

#include <jansson.h>

#include "core/position.h"
#include "core/profile.h"
#include "web/layout.h"
#include "web/request.h"

/* Strategic goals (R-PROF-1): title required; revenue_amount and
 * horizon_months whole and non-negative; kind one of goal_kind_code. */
void goal_read_form(struct request *r, struct goal *g, struct form_errors *fe);
void goal_read_json(struct request *r, json_t *o, struct goal *g, struct form_errors *fe);
json_t *goal_to_json(const struct goal *g);

/* Requirements (R-PROF-2, R-PROF-3): title required; kind and tier known
 * codes; years 0–50 with years_min ≤ years_max when both are set; a language
 * requirement needs a language and a CEFR level (A1–C2); other kinds carry
 * neither (they are cleared). goal_ids: at most REQUIREMENT_MAX_GOALS
 * positive ids, duplicates dropped; whether they belong to the position is
 * the store's check (store_requirement_add / store_requirement_set_goals).
 * tier_decided is read from JSON only (the form has its own action). */
void requirement_read_form(struct request *r, struct requirement *q, struct form_errors *fe);
void requirement_read_json(struct request *r, json_t *o, struct requirement *q, struct form_errors *fe);
json_t *requirement_to_json(const struct requirement *q);

/* Stakeholders (R-PROF-6): a user (user_id > 0) or a named person (name
 * required when user_id is 0); role one of stakeholder_role_code. */
void stakeholder_read_form(struct request *r, struct stakeholder *sh, struct form_errors *fe);
void stakeholder_read_json(struct request *r, json_t *o, struct stakeholder *sh, struct form_errors *fe);
json_t *stakeholder_to_json(const struct stakeholder *sh);

json_t *proposal_to_json(const struct proposal *pr);

/* Organisations: core/organisation_validate, plus logo_url empty or https.
 * country and state are upper-cased ("de" → "DE"). */
void organisation_read_form(struct request *r, struct organisation *o, struct form_errors *fe);
void organisation_read_json(struct request *r, json_t *obj, struct organisation *o, struct form_errors *fe);
json_t *organisation_to_json(const struct organisation *o);

/* The whole profile: {"template_key", "challenges", "goals", "requirements",
 * "stakeholders", "proposals"}. New reference; never NULL. */
json_t *profile_to_json(const struct profile *p);

#endif
