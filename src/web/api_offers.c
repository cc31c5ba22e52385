/*
 * api_offers.c — /api/v1/offers and the offer operations shared with the
 * offer and budget pages (R-OFFER-1, R-TIME-4); see api_offers.h and
 * docs/api.md.
 *
 * Bad body members are answered 422 naming the member ("#/fixed_salary"),
 * refused status moves 409 with a "code" ("approval_required",
 * "offer_closed", "transition_refused", "move_refused"); nothing is stored
 * then. The findings and the earliest start are computed on every answer
 * from the latest version, today (Europe/Berlin) and the Bundesland of the
 * position's organisation.
 */
#include "web/api_offers.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/profile.h"
#include "store/candidates.h"
#include "store/hires.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"
#include "web/pipeline_ops.h"

/* ---- who may do what ------------------------------------------------------------------------------ */

bool offer_user_is_cfo(struct request *r, int64_t position_id)
{
	if (!r->authenticated || r->user.id <= 0)
		return false;
	struct profile prof;
	if (store_profile_load(r->store, position_id, &prof) != STORE_OK)
		return false;
	bool cfo = false;
	for (size_t i = 0; i < prof.nstakeholders && !cfo; i++)
		cfo = prof.stakeholders[i].role == STAKEHOLDER_CFO && prof.stakeholders[i].user_id == r->user.id;
	profile_free(&prof);
	return cfo;
}

bool offer_may_approve(struct request *r, int64_t position_id)
{
	if (!r->authenticated || r->principal.disabled)
		return false;
	return r->principal.role == ROLE_ADMIN || offer_user_is_cfo(r, position_id);
}

bool offer_may_view(struct request *r, int64_t position_id)
{
	return permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES) || offer_may_approve(r, position_id);
}

/* ---- loading ------------------------------------------------------------------------------------- */

enum store_rc offer_scene_load(struct request *r, int64_t application_id, struct offer_scene *out)
{
	memset(out, 0, sizeof *out);
	enum store_rc rc = store_application_get(r->store, application_id, &out->app);
	if (rc == STORE_OK)
		rc = store_position_get(r->store, out->app.position_id, &out->pos);
	if (rc == STORE_OK)
		rc = store_candidate_get(r->store, out->app.candidate_id, &out->cand);
	if (rc == STORE_OK && out->pos.organisation_id > 0) {
		struct organisation *org = arena_alloc(&r->arena, sizeof *org);
		rc = store_organisation_get(r->store, out->pos.organisation_id, org);
		if (rc == STORE_OK)
			str_copy(out->state, sizeof out->state, org->state);
		else if (rc == STORE_NOT_FOUND)
			rc = STORE_OK;
	}
	if (rc == STORE_OK) {
		rc = store_budget_band_get(r->store, out->pos.id, &out->band);
		out->has_band = rc == STORE_OK;
		if (rc == STORE_NOT_FOUND)
			rc = STORE_OK;
	}
	if (rc != STORE_OK)
		return rc;
	out->facts.has_band = out->has_band;
	out->facts.band_min = out->band.min_salary;
	out->facts.band_max = out->band.max_salary;
	out->facts.expectation = out->cand.salary_expectation;
	out->facts.today = calendar_day_of_unix_berlin(r->now);
	out->facts.state = out->state;
	return STORE_OK;
}

struct offer_terms offer_terms_of(const struct offer_version *v)
{
	struct offer_terms t = {
		.fixed_salary = v->fixed_salary,
		.variable_salary = v->variable_salary,
		.benefits = v->benefits,
		.start_day = v->start_day,
		.contract_type = v->contract_type,
		.notice_rule = v->notice_rule,
		.notice_weeks = v->notice_weeks,
		.note = v->note,
	};
	return t;
}

/* ---- operations ------------------------------------------------------------------------------------ */

static struct offer_op_result op_failed(enum store_rc rc)
{
	struct offer_op_result res = { .op = rc == STORE_NOT_FOUND ? OFFER_OP_NOT_FOUND : OFFER_OP_FAILED, .rc = rc };
	return res;
}

static struct offer_op_result op_refused(enum offer_op op, const char *code, const char *message)
{
	struct offer_op_result res = { .op = op, .code = code, .message = message };
	return res;
}

static void version_of_terms(const struct offer_terms *t, struct offer_version *v)
{
	memset(v, 0, sizeof *v);
	v->fixed_salary = t->fixed_salary;
	v->variable_salary = t->variable_salary;
	str_copy(v->benefits, sizeof v->benefits, t->benefits ? t->benefits : "");
	v->start_day = t->start_day;
	str_copy(v->contract_type, sizeof v->contract_type, t->contract_type ? t->contract_type : "");
	str_copy(v->notice_rule, sizeof v->notice_rule, t->notice_rule ? t->notice_rule : "");
	v->notice_weeks = t->notice_weeks;
	str_copy(v->note, sizeof v->note, t->note ? t->note : "");
}

struct offer_op_result offer_save(struct request *r, int64_t application_id, const struct offer_terms *t)
{
	struct offer_summary *list = NULL;
	size_t n = 0;
	struct actor who = req_actor(r);
	struct offer_version *v = arena_alloc(&r->arena, sizeof *v);
	version_of_terms(t, v);
	enum store_rc rc = store_begin(r->store);
	if (rc != STORE_OK)
		return op_failed(rc);
	rc = store_offer_list_by_application(r->store, application_id, &list, &n);
	if (rc != STORE_OK)
		goto failed;
	const struct offer *open = NULL;
	for (size_t i = 0; i < n; i++) {
		if (str_eq(list[i].o.status, "accepted")) {
			store_rollback(r->store);
			free(list);
			return op_refused(OFFER_OP_REFUSED, "offer_closed",
					  N_("The candidate has accepted the offer; it can no longer change."));
		}
		if (!open && !offer_view_closed(list[i].o.status))
			open = &list[i].o;
	}
	struct offer_op_result res = { .op = OFFER_OP_OK };
	if (open) {
		res.offer_id = open->id;
		rc = store_offer_add_version(r->store, &who, open->id, v, r->now);
		if (rc == STORE_OK && str_eq(open->status, "sent"))
			rc = store_offer_set_status(r->store, &who, open->id, "draft", r->now);
	} else {
		rc = store_offer_create(r->store, &who, application_id, v, r->now, &res.offer_id);
	}
	if (rc != STORE_OK)
		goto failed;
	rc = store_commit(r->store);
	if (rc != STORE_OK)
		goto failed;
	free(list);
	res.version_id = v->id;
	return res;
failed:
	store_rollback(r->store);
	free(list);
	if (rc == STORE_INVALID)
		return op_refused(OFFER_OP_REFUSED, "invalid", N_("The offer could not be stored as given."));
	if (rc == STORE_CONFLICT)
		return op_refused(OFFER_OP_REFUSED, "conflict", N_("The offer was changed at the same time. Please try again."));
	return op_failed(rc);
}

struct offer_op_result offer_approve(struct request *r, int64_t offer_id, int64_t version_id)
{
	struct offer o;
	struct offer_version v;
	enum store_rc rc = store_offer_get(r->store, offer_id, &o);
	if (rc != STORE_OK)
		return op_failed(rc);
	if (!offer_may_approve(r, o.position_id))
		return op_refused(OFFER_OP_FORBIDDEN, "forbidden",
				  N_("Only the position's CFO or an administrator can approve an offer."));
	rc = version_id > 0 ? store_offer_version_get(r->store, version_id, &v)
			    : store_offer_latest_version(r->store, offer_id, &v);
	if (rc != STORE_OK)
		return op_failed(rc);
	if (v.offer_id != offer_id)
		return op_failed(STORE_NOT_FOUND);
	if (offer_view_closed(o.status))
		return op_refused(OFFER_OP_REFUSED, "offer_closed", N_("The offer is closed; it can no longer change."));
	if (v.approved_at > 0)
		return op_refused(OFFER_OP_REFUSED, "already_approved", N_("This version has already been approved."));
	struct actor who = req_actor(r);
	rc = store_offer_version_approve(r->store, &who, v.id, r->now);
	if (rc == STORE_CONFLICT)
		return op_refused(OFFER_OP_REFUSED, "already_approved", N_("This version has already been approved."));
	if (rc == STORE_INVALID)
		return op_refused(OFFER_OP_REFUSED, "offer_closed", N_("The offer is closed; it can no longer change."));
	if (rc != STORE_OK)
		return op_failed(rc);
	struct offer_op_result res = { .op = OFFER_OP_OK, .offer_id = offer_id, .version_id = v.id };
	return res;
}

/* The message for a refused status move from → to. */
static const char *transition_message(const char *from, const char *to)
{
	if (offer_view_closed(from))
		return N_("The offer is closed; it can no longer change.");
	if (str_eq(to, "sent"))
		return N_("Only a draft offer can be sent.");
	if (str_eq(to, "accepted") || str_eq(to, "declined"))
		return N_("Only a sent offer can be accepted or declined.");
	return N_("The offer cannot move to this status.");
}

/* Checks the move of the offer's application into "hired" (unless it is
 * there already); NULL when allowed, else the English message. */
static const char *hire_move_refused(struct request *r, const struct offer *o, enum store_rc *rc)
{
	struct application a;
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t n = 0;
	*rc = store_application_get(r->store, o->application_id, &a);
	if (*rc == STORE_OK)
		*rc = pipeline_stages_load(r, a.position_id, stages, &n, NULL);
	if (*rc != STORE_OK || str_eq(a.stage, "hired"))
		return NULL;
	enum move_check check = pipeline_check_move(stages, n, a.stage, "hired", NULL);
	return check == MOVE_OK ? NULL : move_check_message(check);
}

struct offer_op_result offer_transition(struct request *r, int64_t offer_id, const char *to)
{
	struct offer o;
	struct offer_version v;
	enum store_rc rc = store_offer_get(r->store, offer_id, &o);
	if (rc == STORE_OK)
		rc = store_offer_latest_version(r->store, offer_id, &v);
	if (rc != STORE_OK)
		return op_failed(rc);
	if (!offer_view_transition_ok(o.status, to))
		return op_refused(OFFER_OP_REFUSED, offer_view_closed(o.status) ? "offer_closed" : "transition_refused",
				  transition_message(o.status, to));
	struct actor who = req_actor(r);
	struct offer_op_result res = { .op = OFFER_OP_OK, .offer_id = offer_id, .version_id = v.id };
	if (str_eq(to, "sent")) {
		struct offer_scene *sc = arena_alloc(&r->arena, sizeof *sc);
		rc = offer_scene_load(r, o.application_id, sc);
		if (rc != STORE_OK)
			return op_failed(rc);
		if (offer_view_needs_approval(v.fixed_salary, &sc->facts) && v.approved_at == 0)
			return op_refused(OFFER_OP_NEEDS_APPROVAL, "approval_required",
					  N_("The fixed salary lies outside the budget band: the position's CFO or an "
					     "administrator must approve this version before it can be sent."));
	}
	if (str_eq(to, "accepted")) {
		const char *refused = hire_move_refused(r, &o, &rc);
		if (rc != STORE_OK)
			return op_failed(rc);
		if (refused)
			return op_refused(OFFER_OP_REFUSED, "move_refused", refused);
		struct position p;
		rc = store_position_get(r->store, o.position_id, &p);
		if (rc != STORE_OK)
			return op_failed(rc);
		rc = store_offer_accept(r->store, &who, offer_id, "hired", p.owner_id, r->now, &res.hire_id);
		if (rc == STORE_INVALID && p.owner_id > 0) /* the owner's account may be gone: no manager then */
			rc = store_offer_accept(r->store, &who, offer_id, "hired", 0, r->now, &res.hire_id);
		if (rc == STORE_CONFLICT)
			return op_refused(OFFER_OP_REFUSED, "already_hired", N_("The candidate has already been hired."));
	} else {
		rc = store_offer_set_status(r->store, &who, offer_id, to, r->now);
	}
	if (rc == STORE_INVALID)
		return op_refused(OFFER_OP_REFUSED, "transition_refused", transition_message(o.status, to));
	if (rc != STORE_OK)
		return op_failed(rc);
	return res;
}

/* ---- JSON --------------------------------------------------------------------------------------------- */

static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *jday(int32_t day)
{
	char iso[CALENDAR_ISO_LEN];
	return day > 0 ? json_string(calendar_format_iso(day, iso)) : json_null();
}

static json_t *jtime(int64_t t)
{
	return t > 0 ? json_integer((json_int_t)t) : json_null();
}

static json_t *jid(int64_t id)
{
	return id > 0 ? json_integer((json_int_t)id) : json_null();
}

/* The names of the fields in which v differs from prev. */
static json_t *changes_json(const struct offer_version *v, const struct offer_version *prev)
{
	json_t *a = json_array();
	if (!prev)
		return a;
	if (v->fixed_salary != prev->fixed_salary)
		json_array_append_new(a, json_string("fixed_salary"));
	if (v->variable_salary != prev->variable_salary)
		json_array_append_new(a, json_string("variable_salary"));
	if (strcmp(v->benefits, prev->benefits) != 0)
		json_array_append_new(a, json_string("benefits"));
	if (v->start_day != prev->start_day)
		json_array_append_new(a, json_string("start_date"));
	if (strcmp(v->contract_type, prev->contract_type) != 0)
		json_array_append_new(a, json_string("contract_type"));
	if (strcmp(v->notice_rule, prev->notice_rule) != 0)
		json_array_append_new(a, json_string("notice_rule"));
	if (v->notice_weeks != prev->notice_weeks)
		json_array_append_new(a, json_string("notice_weeks"));
	if (strcmp(v->note, prev->note) != 0)
		json_array_append_new(a, json_string("note"));
	return a;
}

static json_t *version_json(const struct offer_version *v, const struct offer_version *prev,
			    const struct offer_facts *facts)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)v->id));
	json_object_set_new(o, "version", json_integer(v->version));
	json_object_set_new(o, "fixed_salary", json_integer((json_int_t)v->fixed_salary));
	json_object_set_new(o, "variable_salary", json_integer((json_int_t)v->variable_salary));
	json_object_set_new(o, "benefits", jstr(v->benefits));
	json_object_set_new(o, "start_date", jday(v->start_day));
	json_object_set_new(o, "contract_type", jstr(v->contract_type));
	json_object_set_new(o, "notice_rule", jstr(v->notice_rule));
	json_object_set_new(o, "notice_weeks", json_integer(v->notice_weeks));
	json_object_set_new(o, "note", jstr(v->note));
	json_object_set_new(o, "needs_approval", json_boolean(offer_view_needs_approval(v->fixed_salary, facts)));
	json_object_set_new(o, "approved_by", jid(v->approved_by));
	json_object_set_new(o, "approved_by_name", v->approved_at > 0 ? jstr(v->approved_by_name) : json_null());
	json_object_set_new(o, "approved_at", jtime(v->approved_at));
	json_object_set_new(o, "created_by", jid(v->created_by));
	json_object_set_new(o, "created_by_name", jstr(v->created_by_name));
	json_object_set_new(o, "created_at", jtime(v->created_at));
	json_object_set_new(o, "changes", changes_json(v, prev));
	return o;
}

static json_t *findings_json(const struct offer_version *v, const struct offer_facts *facts)
{
	struct offer_terms t = offer_terms_of(v);
	struct offer_note notes[OFFER_VIEW_MAX_NOTES];
	size_t n = offer_view_findings(&t, facts, notes, OFFER_VIEW_MAX_NOTES);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *f = json_pack("{s:s, s:s, s:o}", "rule", notes[i].rule, "severity", notes[i].severity, "message",
				      jstr(_(notes[i].message)));
		if (notes[i].day > 0)
			json_object_set_new(f, "earliest_start", jday(notes[i].day));
		if (notes[i].percent != 0)
			json_object_set_new(f, "percent", json_integer(notes[i].percent));
		json_array_append_new(a, f);
	}
	return a;
}

static json_t *band_json(const struct offer_scene *sc)
{
	if (!sc->has_band)
		return json_null();
	return json_pack("{s:I, s:I, s:s, s:o, s:o}", "min_salary", (json_int_t)sc->band.min_salary, "max_salary",
			 (json_int_t)sc->band.max_salary, "currency", sc->band.currency[0] ? sc->band.currency : "EUR",
			 "set_by_name", jstr(sc->band.set_by_name), "set_at", jtime(sc->band.set_at));
}

/* The offer as the API shows it: its application, the candidate's
 * expectation and notice period, the band, the latest version with the
 * findings and the earliest start; with every version (oldest first) when
 * all_versions. NULL with *rc set when the store fails. */
static json_t *offer_json(struct request *r, const struct offer *o, bool all_versions, enum store_rc *rc)
{
	struct offer_scene *sc = arena_alloc(&r->arena, sizeof *sc);
	struct offer_version *versions = NULL;
	size_t n = 0;
	*rc = offer_scene_load(r, o->application_id, sc);
	if (*rc == STORE_OK)
		*rc = store_offer_versions(r->store, o->id, &versions, &n);
	if (*rc != STORE_OK)
		return NULL;
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer((json_int_t)o->id));
	json_object_set_new(j, "application_id", json_integer((json_int_t)o->application_id));
	json_object_set_new(j, "candidate_id", json_integer((json_int_t)sc->app.candidate_id));
	json_object_set_new(j, "position_id", json_integer((json_int_t)sc->app.position_id));
	json_object_set_new(j, "candidate_name",
			    jstr(arena_printf(&r->arena, "%s %s", sc->cand.first_name, sc->cand.last_name)));
	json_object_set_new(j, "position_title", jstr(sc->pos.title));
	json_object_set_new(j, "status", jstr(o->status));
	json_object_set_new(j, "created_at", jtime(o->created_at));
	json_object_set_new(j, "closed_at", jtime(o->closed_at));
	json_object_set_new(j, "salary_expectation",
			    sc->cand.salary_expectation > 0 ? json_integer((json_int_t)sc->cand.salary_expectation)
							    : json_null());
	json_object_set_new(j, "notice_period_weeks",
			    sc->cand.notice_period_weeks >= 0 ? json_integer(sc->cand.notice_period_weeks) : json_null());
	json_object_set_new(j, "band", band_json(sc));
	json_object_set_new(j, "versions_count", json_integer((json_int_t)n));
	if (n > 0) {
		const struct offer_version *latest = &versions[n - 1];
		json_object_set_new(j, "latest", version_json(latest, n > 1 ? &versions[n - 2] : NULL, &sc->facts));
		json_object_set_new(j, "findings", findings_json(latest, &sc->facts));
		int32_t earliest = offer_view_earliest_start(sc->facts.today, latest->notice_weeks, latest->notice_rule,
							     sc->state);
		json_object_set_new(j, "earliest_start", jday(earliest));
		json_object_set_new(j, "needs_approval",
				    json_boolean(offer_view_needs_approval(latest->fixed_salary, &sc->facts) &&
						 latest->approved_at == 0));
	}
	if (all_versions) {
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, version_json(&versions[i], i > 0 ? &versions[i - 1] : NULL, &sc->facts));
		json_object_set_new(j, "versions", a);
	}
	if (str_eq(o->status, "accepted")) {
		struct hire h;
		enum store_rc hrc = store_hire_get_by_application(r->store, o->application_id, &h);
		json_object_set_new(j, "hire_id", hrc == STORE_OK ? json_integer((json_int_t)h.id) : json_null());
	}
	free(versions);
	return j;
}

/* ---- answers --------------------------------------------------------------------------------------------- */

static void problem_with(struct request *r, int status, const char *title, const char *detail, const char *code)
{
	json_t *p = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank", "title", title, "status", status, "detail",
			      detail ? detail : title);
	if (code)
		json_object_set_new(p, "code", json_string(code));
	api_json(r, status, p);
	r->content_type_out = "application/problem+json";
}

/* Answers an operation that did not succeed. */
static void op_answer(struct request *r, const struct offer_op_result *res)
{
	switch (res->op) {
	case OFFER_OP_OK:
		break;
	case OFFER_OP_NOT_FOUND:
		page_error(r, 404, _("There is no such offer."));
		break;
	case OFFER_OP_FORBIDDEN:
		page_error(r, 403, _(res->message));
		break;
	case OFFER_OP_REFUSED:
	case OFFER_OP_NEEDS_APPROVAL:
		problem_with(r, 409, _("Conflict"), _(res->message), res->code);
		break;
	case OFFER_OP_FAILED:
		api_store_failed(r, res->rc);
		break;
	}
}

/* Answers the offer offer_id with status. */
static void offer_answer(struct request *r, int64_t offer_id, int status)
{
	struct offer o;
	enum store_rc rc = store_offer_get(r->store, offer_id, &o);
	json_t *j = rc == STORE_OK ? offer_json(r, &o, true, &rc) : NULL;
	if (!j) {
		if (rc == STORE_NOT_FOUND)
			page_error(r, 404, _("There is no such offer."));
		else
			api_store_failed(r, rc);
		return;
	}
	api_json(r, status, j);
}

/* Loads the offer of path argument 0 and checks the caller may see it. */
static bool offer_of_path(struct request *r, struct offer *o)
{
	enum store_rc rc = store_offer_get(r->store, req_path_arg(r, 0), o);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such offer."));
		return false;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return false;
	}
	return true;
}

static bool parse_id_param(struct request *r, const char *name, int64_t *out)
{
	const char *v = req_query(r, name);
	*out = 0;
	if (!v)
		return true;
	long long id;
	if (str_to_int64(v, 1, INT64_MAX, &id)) {
		*out = (int64_t)id;
		return true;
	}
	struct form_errors fe = { 0 };
	form_error(&fe, name, _("must be a positive id"));
	api_problem(r, 400, _("Invalid query parameter"), fe.message[0], &fe);
	return false;
}

/* ---- handlers ---------------------------------------------------------------------------------------------- */

void api_offers_list(struct request *r)
{
	int64_t app = 0, pos = 0;
	if (!parse_id_param(r, "application", &app) || !parse_id_param(r, "position", &pos))
		return;
	struct offer_summary *list = NULL;
	size_t n = 0;
	enum store_rc rc = app > 0 ? store_offer_list_by_application(r->store, app, &list, &n)
				   : store_offer_list_by_position(r->store, pos, &list, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		if (pos > 0 && list[i].o.position_id != pos)
			continue;
		json_t *j = offer_json(r, &list[i].o, false, &rc);
		if (!j) {
			json_decref(items);
			free(list);
			api_store_failed(r, rc);
			return;
		}
		json_array_append_new(items, j);
	}
	free(list);
	api_json(r, 200, json_pack("{s:o}", "items", items));
}

void api_offer_get(struct request *r)
{
	struct offer o;
	if (!offer_of_path(r, &o))
		return;
	offer_answer(r, o.id, 200);
}

/* Reads an integer member into *dst: absent leaves it, anything but an
 * integer in [min, max] is an error on the member. */
static void take_int(json_t *body, const char *name, int64_t min, int64_t max, int64_t *dst, struct form_errors *fe)
{
	json_t *m = json_object_get(body, name);
	if (!m)
		return;
	if (!json_is_integer(m) || json_integer_value(m) < min || json_integer_value(m) > max) {
		form_error(fe, name, _("must be a whole number in the allowed range"));
		return;
	}
	*dst = (int64_t)json_integer_value(m);
}

/* Reads a string member (absent: def; null: ""); not a string is an error. */
static const char *take_text(struct request *r, json_t *body, const char *name, const char *def, struct form_errors *fe)
{
	json_t *m = json_object_get(body, name);
	if (!m)
		return def;
	if (json_is_null(m))
		return "";
	if (!json_is_string(m) || strlen(json_string_value(m)) != json_string_length(m)) {
		form_error(fe, name, _("must be a string"));
		return def;
	}
	return arena_strdup(&r->arena, json_string_value(m));
}

void api_offers_create(struct request *r)
{
	struct form_errors fe = { 0 };
	json_t *body = api_read_object(r);
	if (!body)
		return;
	int64_t app = 0, fixed = 0, variable = 0, weeks = -1;
	json_t *m = json_object_get(body, "application_id");
	if (!json_is_integer(m) || json_integer_value(m) < 1)
		form_error(&fe, "application_id", _("must be the id of an application"));
	else
		app = (int64_t)json_integer_value(m);
	if (!json_object_get(body, "fixed_salary"))
		form_error(&fe, "fixed_salary", _("is required"));
	take_int(body, "fixed_salary", 0, INT64_MAX / 2, &fixed, &fe);
	take_int(body, "variable_salary", 0, INT64_MAX / 2, &variable, &fe);
	take_int(body, "notice_weeks", 0, 1000, &weeks, &fe);
	struct offer_terms t = { 0 };
	t.fixed_salary = fixed;
	t.variable_salary = variable;
	t.benefits = take_text(r, body, "benefits", "", &fe);
	t.contract_type = take_text(r, body, "contract_type", "permanent_full_time", &fe);
	t.notice_rule = take_text(r, body, "notice_rule", "weeks_to_15_or_month_end", &fe);
	t.note = take_text(r, body, "note", "", &fe);
	const char *start = take_text(r, body, "start_date", NULL, &fe);
	json_decref(body);
	if (!start)
		form_error(&fe, "start_date", _("is required"));
	else if (!form_error_for(&fe, "start_date") && !calendar_parse_iso(start, &t.start_day))
		form_error(&fe, "start_date", _("must be a date YYYY-MM-DD"));

	struct offer_scene *sc = arena_alloc(&r->arena, sizeof *sc);
	if (app > 0) {
		enum store_rc rc = offer_scene_load(r, app, sc);
		if (rc == STORE_NOT_FOUND)
			form_error(&fe, "application_id", _("There is no such application."));
		else if (rc != STORE_OK) {
			api_store_failed(r, rc);
			return;
		}
	}
	t.notice_weeks = weeks >= 0 ? (int)weeks : sc->cand.notice_period_weeks > 0 ? sc->cand.notice_period_weeks : 0;
	if (fe.n == 0) {
		struct field_problem problems[8];
		size_t np = offer_view_check(&t, problems, 8);
		for (size_t i = 0; i < np; i++)
			if (!form_error_for(&fe, problems[i].field))
				form_error(&fe, problems[i].field, _(problems[i].message));
	}
	if (fe.n) {
		api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
		return;
	}
	struct offer_op_result res = offer_save(r, app, &t);
	if (res.op != OFFER_OP_OK) {
		op_answer(r, &res);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/offers/%lld", (long long)res.offer_id));
	offer_answer(r, res.offer_id, 201);
}

void api_offer_approve(struct request *r)
{
	struct offer o;
	if (!offer_of_path(r, &o))
		return;
	int64_t version_id = 0;
	if (r->body.len > 0) {
		json_t *body = api_read_object(r);
		if (!body)
			return;
		json_t *m = json_object_get(body, "version_id");
		if (m && !json_is_null(m)) {
			if (!json_is_integer(m) || json_integer_value(m) < 1) {
				json_decref(body);
				struct form_errors fe = { 0 };
				form_error(&fe, "version_id", _("must be the id of a version of this offer"));
				api_problem(r, 422, _("Invalid input"), fe.message[0], &fe);
				return;
			}
			version_id = (int64_t)json_integer_value(m);
		}
		json_decref(body);
	}
	struct offer_op_result res = offer_approve(r, o.id, version_id);
	if (res.op != OFFER_OP_OK) {
		op_answer(r, &res);
		return;
	}
	offer_answer(r, o.id, 200);
}

/* POST /api/v1/offers/{id}/<to>. */
static void api_offer_move(struct request *r, const char *to)
{
	struct offer o;
	if (!offer_of_path(r, &o))
		return;
	struct offer_op_result res = offer_transition(r, o.id, to);
	if (res.op != OFFER_OP_OK) {
		op_answer(r, &res);
		return;
	}
	offer_answer(r, o.id, 200);
}

void api_offer_send(struct request *r)
{
	api_offer_move(r, "sent");
}

void api_offer_accept(struct request *r)
{
	api_offer_move(r, "accepted");
}

void api_offer_decline(struct request *r)
{
	api_offer_move(r, "declined");
}

void api_offer_withdraw(struct request *r)
{
	api_offer_move(r, "withdrawn");
}
