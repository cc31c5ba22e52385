/*
 * api_profile.c — /api/v1/positions/{id}/…: the requirements profile of a
 * position through the API. Goals (R-PROF-1), requirements linked to goals
 * (R-PROF-2, R-PROF-3), stakeholders and their tier proposals (R-PROF-6),
 * the profile checks, approval into immutable versions (R-PROF-7) and
 * reading those versions.
 *
 * Every nested id in the path must belong to the position in the path:
 * otherwise the answer is 404 and nothing is read or changed. Bad input is
 * answered 422 naming the field; a write that needs several store calls runs
 * them in one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "core/profile_check.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"
#include "web/profile_input.h"
#include "web/profile_view.h"

/* ---- helpers ---------------------------------------------------------------------------------- */

static void invalid_input(struct request *r, const struct form_errors *fe)
{
	api_problem(r, 422, _("Invalid input"), fe->message[0], fe);
}

/* An empty 204 answer to a successful DELETE. */
static void no_content(struct request *r)
{
	buf_reset(&r->out);
	r->status = 204;
	r->content_type_out = NULL;
}

/* The draft profile of the position in the path; answers 404 when there is
 * no such position. */
static bool profile_load(struct request *r, struct profile *out)
{
	enum store_rc rc = store_profile_load(r->store, req_path_arg(r, 0), out);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such position."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

/* Goal path_arg(1) of position path_arg(0) into g; 404 unless both exist
 * and belong together. */
static bool goal_of_path(struct request *r, struct goal *g)
{
	int64_t position_id = 0;
	enum store_rc rc = store_goal_get(r->store, req_path_arg(r, 1), g, &position_id);
	if (rc == STORE_OK && position_id != req_path_arg(r, 0))
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("This position has no such goal."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

/* Requirement path_arg(index) of position path_arg(0) into q; 404 unless
 * both exist and belong together. */
static bool requirement_of_path(struct request *r, int index, struct requirement *q)
{
	int64_t position_id = 0;
	enum store_rc rc = store_requirement_get(r->store, req_path_arg(r, index), q, &position_id);
	if (rc == STORE_OK && position_id != req_path_arg(r, 0))
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("This position has no such requirement."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

static const struct stakeholder *find_stakeholder(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->nstakeholders; i++)
		if (p->stakeholders[i].id == id)
			return &p->stakeholders[i];
	return NULL;
}

static const struct requirement *find_requirement(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->nrequirements; i++)
		if (p->requirements[i].id == id)
			return &p->requirements[i];
	return NULL;
}

static const struct proposal *find_proposal(const struct profile *p, int64_t stakeholder_id, int64_t requirement_id)
{
	for (size_t i = 0; i < p->nproposals; i++)
		if (p->proposals[i].stakeholder_id == stakeholder_id && p->proposals[i].requirement_id == requirement_id)
			return &p->proposals[i];
	return NULL;
}

static void located(struct request *r, const char *kind, int64_t id)
{
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/positions/%lld/%s/%lld",
						(long long)req_path_arg(r, 0), kind, (long long)id));
}

/* ---- goals (R-PROF-1) ----------------------------------------------------------------------------- */

void api_goal_create(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct goal g = { .kind = GOAL_FREE_TEXT };
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	goal_read_json(r, body, &g, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_goal_add(r->store, &who, p->id, &g, r->now);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	located(r, "goals", g.id);
	api_json(r, 201, goal_to_json(&g));
}

void api_goal_update(struct request *r)
{
	struct goal g;
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!goal_of_path(r, &g))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	goal_read_json(r, body, &g, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_goal_update(r->store, &who, &g, r->now);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, goal_to_json(&g));
}

void api_goal_delete(struct request *r)
{
	struct goal g;
	struct actor who = req_actor(r);
	if (!goal_of_path(r, &g))
		return;
	enum store_rc rc = store_goal_delete(r->store, &who, g.id, r->now);
	if (rc != STORE_OK)
		api_store_failed(r, rc);
	else
		no_content(r);
}

/* ---- requirements (R-PROF-2, R-PROF-3) -------------------------------------------------------------- */

static void goals_refused(struct request *r)
{
	struct form_errors fe = { 0 };
	form_error(&fe, "goal_ids", _("Please choose goals of this position."));
	invalid_input(r, &fe);
}

void api_requirement_create(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct requirement q = { .kind = REQ_SKILL, .tier = TIER_IMPORTANT };
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	int64_t position_id;
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	requirement_read_json(r, body, &q, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_requirement_add(r->store, &who, p->id, &q, r->now);
	if (rc == STORE_INVALID) {
		goals_refused(r);
		return;
	}
	if (rc == STORE_OK)
		rc = store_requirement_get(r->store, q.id, &q, &position_id);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	located(r, "requirements", q.id);
	api_json(r, 201, requirement_to_json(&q));
}

void api_requirement_update(struct request *r)
{
	struct requirement q;
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	int64_t position_id;
	if (!requirement_of_path(r, 1, &q))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	bool links_given = json_object_get(body, "goal_ids") != NULL;
	requirement_read_json(r, body, &q, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	/* The fields and the goal links change together or not at all. */
	enum store_rc rc = store_begin(r->store);
	if (rc == STORE_OK)
		rc = store_requirement_update(r->store, &who, &q, r->now);
	if (rc == STORE_OK && links_given)
		rc = store_requirement_set_goals(r->store, &who, q.id, q.goal_ids, q.ngoals, r->now);
	if (rc == STORE_OK)
		rc = store_commit(r->store);
	else
		store_rollback(r->store);
	if (rc == STORE_INVALID) {
		goals_refused(r);
		return;
	}
	if (rc == STORE_OK)
		rc = store_requirement_get(r->store, q.id, &q, &position_id);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, requirement_to_json(&q));
}

void api_requirement_delete(struct request *r)
{
	struct requirement q;
	struct actor who = req_actor(r);
	if (!requirement_of_path(r, 1, &q))
		return;
	enum store_rc rc = store_requirement_delete(r->store, &who, q.id, r->now);
	if (rc != STORE_OK)
		api_store_failed(r, rc);
	else
		no_content(r);
}

/* ---- stakeholders and proposals (R-PROF-6) ------------------------------------------------------------ */

void api_stakeholder_create(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stakeholder sh = { .role = STAKEHOLDER_OTHER };
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	stakeholder_read_json(r, body, &sh, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_stakeholder_add(r->store, &who, p->id, &sh, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "user_id", _("There is no such user."));
		invalid_input(r, &fe);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	located(r, "stakeholders", sh.id);
	api_json(r, 201, stakeholder_to_json(&sh));
}

void api_stakeholder_delete(struct request *r)
{
	struct profile prof;
	struct actor who = req_actor(r);
	if (!profile_load(r, &prof))
		return;
	bool mine = find_stakeholder(&prof, req_path_arg(r, 1)) != NULL;
	profile_free(&prof);
	if (!mine) {
		page_error(r, 404, _("This position has no such stakeholder."));
		return;
	}
	enum store_rc rc = store_stakeholder_delete(r->store, &who, req_path_arg(r, 1), r->now);
	if (rc != STORE_OK)
		api_store_failed(r, rc);
	else
		no_content(r);
}

/* Checks that stakeholder path_arg(1) and requirement path_arg(2) belong to
 * position path_arg(0); answers 404 otherwise. *existed: whether the
 * stakeholder already proposed a tier for the requirement. */
static bool proposal_path_ok(struct request *r, bool *existed)
{
	struct profile prof;
	if (!profile_load(r, &prof))
		return false;
	int64_t sid = req_path_arg(r, 1), rid = req_path_arg(r, 2);
	const char *missing = NULL;
	if (!find_stakeholder(&prof, sid))
		missing = _("This position has no such stakeholder.");
	else if (!find_requirement(&prof, rid))
		missing = _("This position has no such requirement.");
	*existed = find_proposal(&prof, sid, rid) != NULL;
	profile_free(&prof);
	if (missing)
		page_error(r, 404, missing);
	return missing == NULL;
}

void api_proposal_set(struct request *r)
{
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	struct profile prof;
	enum tier tier = TIER_IMPORTANT;
	const char *note = "";
	bool existed;
	if (!proposal_path_ok(r, &existed))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	json_t *m = json_object_get(body, "tier");
	if (!m)
		form_error(&fe, "tier", _("Please choose a tier."));
	else if (!json_is_string(m) || !tier_parse(json_string_value(m), &tier))
		form_error(&fe, "tier", _("Please choose one of the offered values."));
	m = json_object_get(body, "note");
	if (m && json_is_string(m)) {
		char *n = arena_strdup(&r->arena, json_string_value(m));
		note = str_trim(n);
		if (strlen(note) >= sizeof ((struct proposal *)0)->note)
			form_error(&fe, "note", arena_printf(&r->arena, _("At most %zu characters."),
							     sizeof ((struct proposal *)0)->note - 1));
	} else if (m && !json_is_null(m)) {
		form_error(&fe, "note", _("must be a string"));
	}
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	int64_t sid = req_path_arg(r, 1), rid = req_path_arg(r, 2);
	enum store_rc rc = store_proposal_set(r->store, &who, sid, rid, tier, note, r->now);
	if (rc == STORE_NOT_FOUND || rc == STORE_INVALID) { /* deleted meanwhile */
		page_error(r, 404, NULL);
		return;
	}
	if (rc != STORE_OK || (rc = store_profile_load(r->store, req_path_arg(r, 0), &prof)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	const struct proposal *pr = find_proposal(&prof, sid, rid);
	json_t *out = pr ? proposal_to_json(pr) : json_object();
	profile_free(&prof);
	api_json(r, existed ? 200 : 201, out);
}

void api_proposal_delete(struct request *r)
{
	struct actor who = req_actor(r);
	bool existed;
	if (!proposal_path_ok(r, &existed))
		return;
	if (!existed) {
		page_error(r, 404, _("This stakeholder has not proposed a tier for this requirement."));
		return;
	}
	enum store_rc rc = store_proposal_delete(r->store, &who, req_path_arg(r, 1), req_path_arg(r, 2), r->now);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, NULL);
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	else
		no_content(r);
}

/* ---- checks and approval (R-PROF-2, R-PROF-4..8) ------------------------------------------------------ */

static json_t *findings_json(const struct finding *f, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *items = json_array();
		for (int k = 0; k < f[i].nitems && k < FINDING_MAX_ITEMS; k++)
			json_array_append_new(items, json_integer((json_int_t)f[i].items[k]));
		json_t *msg = json_string(f[i].message);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:o, s:o}", "rule", f[i].rule, "severity",
						     severity_code(f[i].severity), "message", msg ? msg : json_null(),
						     "items", items));
	}
	return arr;
}

void api_profile_check(struct request *r)
{
	struct profile prof;
	size_t n;
	if (!profile_load(r, &prof))
		return;
	struct finding *f = profile_run_checks(r, &prof, &n);
	profile_free(&prof);
	api_json(r, 200, json_pack("{s:o, s:b}", "findings", findings_json(f, n), "blocks_approval",
				   findings_block_approval(f, n)));
}

void api_profile_approve(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct profile prof;
	struct actor who = req_actor(r);
	size_t n;
	int version = 0;
	if (!api_position_load(r, req_path_arg(r, 0), p) || !profile_load(r, &prof))
		return;
	struct finding *f = profile_run_checks(r, &prof, &n);
	profile_free(&prof);
	if (findings_block_approval(f, n)) {
		struct form_errors fe = { 0 };
		for (size_t i = 0; i < n; i++)
			if (f[i].severity == SEVERITY_ERROR)
				form_error(&fe, arena_printf(&r->arena, "findings/%zu", i), f[i].message);
		api_problem(r, 409, _("The profile cannot be approved yet"),
			    _("Fix the errors the profile check reports, then approve again."), &fe);
		return;
	}
	enum store_rc rc = store_profile_approve(r->store, &who, p->id, r->now, &version);
	if (rc == STORE_CONFLICT) {
		api_problem(r, 409, _("Already approved"),
			    arena_printf(&r->arena, _("The profile has not changed since version %d was approved."),
					 p->approved_version),
			    NULL);
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such position."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	located(r, "versions", version);
	api_json(r, 201, json_pack("{s:i, s:I}", "version", version, "approved_at", (json_int_t)r->now));
}

/* ---- versions (R-PROF-7) --------------------------------------------------------------------------------- */

void api_profile_versions(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	enum store_rc rc;
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	json_t *arr = api_versions_json(r, p->id, &rc);
	if (!arr) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, json_pack("{s:o}", "versions", arr));
}

void api_profile_version_get(struct request *r)
{
	struct profile prof;
	int64_t approved_at = 0, approved_by = 0;
	int64_t v = req_path_arg(r, 1);
	enum store_rc rc = v > INT32_MAX ? STORE_NOT_FOUND
					 : store_profile_version_load(r->store, req_path_arg(r, 0), (int)v, &prof,
								      &approved_at, &approved_by);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("This position has no such approved version."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *o = profile_to_json(&prof);
	profile_free(&prof);
	json_object_set_new(o, "position_id", json_integer((json_int_t)req_path_arg(r, 0)));
	json_object_set_new(o, "version", json_integer((json_int_t)v));
	json_object_set_new(o, "approved_at", json_integer((json_int_t)approved_at));
	json_object_set_new(o, "approved_by", json_integer((json_int_t)approved_by));
	api_json(r, 200, o);
}
