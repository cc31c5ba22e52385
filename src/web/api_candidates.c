/*
 * api_candidates.c — /api/v1/candidates, /api/v1/positions/{id}/applications,
 * /api/v1/applications/{id}/move, /api/v1/channels and
 * /api/v1/positions/{id}/channel-report; see api_candidates.h and docs/api.md.
 *
 * Bad query parameters are answered 400 naming the parameter ("#/limit"),
 * bad body members 422 naming the member; nothing is stored then. Search
 * snippets come from the store with their hits wrapped in \x01 … \x02; the
 * API returns them as plain text plus "highlights", [start, end) offsets in
 * Unicode code points, so no control character reaches a client.
 */
#include "web/api_candidates.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/candidate.h"
#include "core/channels.h"
#include "core/pipeline.h"
#include "core/position.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/channel_report.h"
#include "web/layout.h"
#include "web/pipeline_ops.h"

/* ---- helpers ------------------------------------------------------------------------------------ */

static void field_error(struct form_errors *fe, const char *field, const char *message)
{
	if (!form_error_for(fe, field))
		form_error(fe, field, message);
}

static void invalid_input(struct request *r, const struct form_errors *fe)
{
	api_problem(r, 422, _("Invalid input"), fe->message[0], fe);
}

static void bad_parameter(struct request *r, const char *name, const char *message)
{
	struct form_errors fe = { 0 };
	form_error(&fe, name, message);
	api_problem(r, 400, _("Invalid query parameter"), message, &fe);
}

/* A problem document like api_problem's with the members of extra (stolen,
 * may be NULL) added. */
static void problem_with(struct request *r, int status, const char *title, const char *detail, json_t *extra)
{
	json_t *p = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank", "title", title, "status", status,
			      "detail", detail ? detail : title);
	if (extra) {
		json_object_update(p, extra);
		json_decref(extra);
	}
	api_json(r, status, p);
	r->content_type_out = "application/problem+json";
}

/* A JSON string, or null for NULL; never NULL itself (jansson returns NULL
 * for text that is not UTF-8, which would drop the member silently). */
static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *jstr_or_null(const char *s)
{
	return s && s[0] ? jstr(s) : json_null();
}

static json_t *jtime(int64_t t)
{
	return t > 0 ? json_integer((json_int_t)t) : json_null();
}

static bool stage_code_well_formed(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n >= STAGE_CODE_MAX || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* Reads member name of o as a string into dst (size n): absent leaves dst
 * alone, null empties it; anything else or text that does not fit is an
 * error on field (the member name unless given). */
static void take_string(json_t *o, const char *name, const char *field, char *dst, size_t n, struct form_errors *fe)
{
	json_t *m = json_object_get(o, name);
	if (!m)
		return;
	if (!field)
		field = name;
	if (json_is_null(m)) {
		dst[0] = '\0';
		return;
	}
	if (!json_is_string(m)) {
		field_error(fe, field, _("must be a string"));
		return;
	}
	const char *v = json_string_value(m);
	if (strlen(v) != json_string_length(m) || !str_copy(dst, n, v))
		field_error(fe, field, _("This field is too long or not valid UTF-8 text."));
}

/* The stages of position_id (its own configuration, else the defaults);
 * answers the store failure and returns false when they cannot be loaded. */
static bool position_stages(struct request *r, int64_t position_id, struct stage *out, size_t *n)
{
	enum store_rc rc = pipeline_stages_load(r, position_id, out, n, NULL);
	if (rc != STORE_OK)
		api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
	return rc == STORE_OK;
}

/* ---- candidates: JSON ------------------------------------------------------------------------------ */

static const struct {
	const char *name;
	size_t offset, size;
} CANDIDATE_TEXTS[] = {
#define TEXT_FIELD(f) { #f, offsetof(struct candidate, f), sizeof(((struct candidate *)0)->f) }
	TEXT_FIELD(first_name), TEXT_FIELD(last_name), TEXT_FIELD(email), TEXT_FIELD(phone),
	TEXT_FIELD(current_role), TEXT_FIELD(current_company), TEXT_FIELD(location),
	TEXT_FIELD(currency), TEXT_FIELD(languages), TEXT_FIELD(links), TEXT_FIELD(tags),
	TEXT_FIELD(channel), TEXT_FIELD(referrer), TEXT_FIELD(event),
#undef TEXT_FIELD
};

static json_t *candidate_to_json(const struct candidate *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)c->id));
	for (size_t i = 0; i < sizeof CANDIDATE_TEXTS / sizeof CANDIDATE_TEXTS[0]; i++)
		json_object_set_new(o, CANDIDATE_TEXTS[i].name, jstr((const char *)c + CANDIDATE_TEXTS[i].offset));
	json_object_set_new(o, "notice_period_weeks",
			    c->notice_period_weeks >= 0 ? json_integer(c->notice_period_weeks) : json_null());
	json_object_set_new(o, "salary_expectation",
			    c->salary_expectation > 0 ? json_integer((json_int_t)c->salary_expectation) : json_null());
	json_object_set_new(o, "created_at", jtime(c->created_at));
	return o;
}

/* Reads the candidate members of o over c (absent members keep their
 * values) and checks the result with candidate_validate. */
static void candidate_read_json(json_t *o, struct candidate *c, struct form_errors *fe)
{
	for (size_t i = 0; i < sizeof CANDIDATE_TEXTS / sizeof CANDIDATE_TEXTS[0]; i++)
		take_string(o, CANDIDATE_TEXTS[i].name, NULL, (char *)c + CANDIDATE_TEXTS[i].offset,
			    CANDIDATE_TEXTS[i].size, fe);
	json_t *m = json_object_get(o, "notice_period_weeks");
	if (m) {
		if (json_is_null(m))
			c->notice_period_weeks = -1;
		else if (json_is_integer(m) && json_integer_value(m) >= 0 &&
			 json_integer_value(m) <= CANDIDATE_NOTICE_WEEKS_MAX)
			c->notice_period_weeks = (int)json_integer_value(m);
		else
			field_error(fe, "notice_period_weeks", _("The notice period must be between 0 and 104 weeks."));
	}
	m = json_object_get(o, "salary_expectation");
	if (m) {
		if (json_is_null(m))
			c->salary_expectation = 0;
		else if (json_is_integer(m) && json_integer_value(m) >= 0)
			c->salary_expectation = (int64_t)json_integer_value(m);
		else
			field_error(fe, "salary_expectation", _("The salary must not be negative."));
	}
	enum channel ch;
	if (c->channel[0] && !form_error_for(fe, "channel") && !channel_parse(c->channel, &ch))
		field_error(fe, "channel", _("Please choose one of the offered values."));
	struct field_problem problems[16];
	size_t n = candidate_validate(c, problems, 16);
	for (size_t i = 0; i < n; i++)
		field_error(fe, problems[i].field, _(problems[i].message));
}

/* The candidate in path arg 0; answers 404 (or 500/503) and returns false
 * when it cannot be read. */
static bool candidate_of_path(struct request *r, struct candidate *c)
{
	enum store_rc rc = store_candidate_get(r->store, req_path_arg(r, 0), c);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such candidate."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

/* Appends the snippet of a hit to o as "snippet" (plain text) and
 * "highlights" ([start, end) in code points of the plain text). */
static void snippet_to_json(json_t *o, const char *marked)
{
	size_t len = strlen(marked);
	char *plain = malloc(len + 1);
	json_t *hl = json_array();
	size_t out = 0;
	long long cp = 0, start = -1;
	if (!plain) {
		json_object_set_new(o, "snippet", json_null());
		json_object_set_new(o, "highlights", hl);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)marked[i];
		if (b == 0x01) {
			if (start < 0)
				start = cp;
			continue;
		}
		if (b == 0x02) {
			if (start >= 0 && cp > start)
				json_array_append_new(hl, json_pack("[I, I]", (json_int_t)start, (json_int_t)cp));
			start = -1;
			continue;
		}
		if ((b & 0xC0) != 0x80)
			cp++;
		plain[out++] = (char)b;
	}
	if (start >= 0 && cp > start)
		json_array_append_new(hl, json_pack("[I, I]", (json_int_t)start, (json_int_t)cp));
	plain[out] = '\0';
	json_object_set_new(o, "snippet", jstr(plain));
	json_object_set_new(o, "highlights", hl);
	free(plain);
}

/* ---- applications: JSON ------------------------------------------------------------------------------ */

static json_t *informed_json(enum informed_answer a)
{
	return a == INFORMED_UNANSWERED ? json_null() : json_boolean(a == INFORMED_YES);
}

static json_t *referral_to_json(const struct referral *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "kind", jstr(referrer_kind_code(f->kind)));
	json_object_set_new(o, "referrer_name", jstr(f->referrer_name));
	json_object_set_new(o, "referrer_user_id",
			    f->referrer_user_id > 0 ? json_integer((json_int_t)f->referrer_user_id) : json_null());
	json_object_set_new(o, "status", jstr(referral_status_code(f->status)));
	json_object_set_new(o, "bonus_cents", json_integer((json_int_t)f->bonus_cents));
	return o;
}

static json_t *application_to_json(const struct request *r, const struct application *a)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)a->id));
	json_object_set_new(o, "candidate_id", json_integer((json_int_t)a->candidate_id));
	json_object_set_new(o, "position_id", json_integer((json_int_t)a->position_id));
	json_object_set_new(o, "stage", jstr(a->stage));
	json_object_set_new(o, "stage_entered_at", jtime(a->stage_entered_at));
	json_object_set_new(o, "days_in_stage", json_integer(days_in_stage(a->stage_entered_at, r->now)));
	json_object_set_new(o, "last_contact_at", jtime(a->last_contact_at));
	json_object_set_new(o, "contact_age", jstr(contact_age_code(contact_age_level(a->last_contact_at, r->now))));
	json_object_set_new(o, "channel", jstr_or_null(a->channel));
	json_object_set_new(o, "referral", a->has_referral ? referral_to_json(&a->referral) : json_null());
	json_object_set_new(o, "event", jstr_or_null(a->event));
	json_object_set_new(o, "rejection_reason", jstr_or_null(a->rejection_reason));
	json_object_set_new(o, "rejection_note", jstr_or_null(a->rejection_note));
	json_object_set_new(o, "informed", informed_json(a->informed));
	json_object_set_new(o, "created_at", jtime(a->created_at));
	return o;
}

/* ---- GET /api/v1/candidates ------------------------------------------------------------------------- */

void api_candidates_list(struct request *r)
{
	struct candidate_filter f = { .q = "", .stage = "", .channel = "", .tag = "" };
	const char *v;
	long long n;
	if ((v = req_query(r, "q")))
		f.q = v;
	if ((v = req_query(r, "position")) && v[0]) {
		if (!str_to_int64(v, 1, INT64_MAX, &n)) {
			bad_parameter(r, "position", _("must be the id of a position"));
			return;
		}
		f.position_id = (int64_t)n;
	}
	if ((v = req_query(r, "stage")) && v[0]) {
		if (!stage_code_well_formed(v)) {
			bad_parameter(r, "stage", _("must be a stage code such as first_interview"));
			return;
		}
		f.stage = v;
	}
	if ((v = req_query(r, "channel")) && v[0]) {
		enum channel ch;
		if (!channel_parse(v, &ch)) {
			bad_parameter(r, "channel", _("Please choose one of the offered values."));
			return;
		}
		f.channel = v;
	}
	if ((v = req_query(r, "tag")) && v[0]) {
		if (strlen(v) > CANDIDATE_TEXT_MAX) {
			bad_parameter(r, "tag", _("This field is too long or not valid UTF-8 text."));
			return;
		}
		f.tag = v;
	}
	if ((v = req_query(r, "limit")) && v[0]) {
		if (!str_to_int64(v, 1, 1000, &n)) {
			bad_parameter(r, "limit", _("must be a whole number from 1 to 1000"));
			return;
		}
		f.limit = (int)n;
	}
	if ((v = req_query(r, "offset")) && v[0]) {
		if (!str_to_int64(v, 0, 1000000000, &n)) {
			bad_parameter(r, "offset", _("must be a whole number, 0 or more"));
			return;
		}
		f.offset = (int)n;
	}
	struct candidate_hit *hits = NULL;
	size_t count = 0;
	enum store_rc rc = store_candidate_list(r->store, &f, &hits, &count);
	if (rc == STORE_INVALID) {
		bad_parameter(r, "q", _("The search could not be understood; please use plain words."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	bool searching = f.q[0] != '\0';
	json_t *arr = json_array();
	for (size_t i = 0; i < count; i++) {
		json_t *o = candidate_to_json(&hits[i].c);
		if (searching) {
			snippet_to_json(o, hits[i].snippet);
			json_object_set_new(o, "rank", json_real(hits[i].rank));
		}
		json_array_append_new(arr, o);
	}
	free(hits);
	/* ranked: false when a search had too many hits to rank (newest first) */
	api_json(r, 200,
		 json_pack("{s:o, s:i, s:i, s:b}", "candidates", arr, "limit", f.limit ? f.limit : CANDIDATE_LIST_DEFAULT_LIMIT, "offset", f.offset,
			   "ranked", searching && !f.many_hits));
}

/* ---- POST /api/v1/candidates -------------------------------------------------------------------------- */

void api_candidates_create(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	char *note = NULL;
	bool allow_duplicate = false;
	candidate_init(c);
	json_t *body = api_read_object(r);
	if (!body)
		return;
	candidate_read_json(body, c, &fe);
	json_t *m = json_object_get(body, "allow_duplicate");
	if (m && !json_is_null(m)) {
		if (json_is_boolean(m))
			allow_duplicate = json_is_true(m);
		else
			field_error(&fe, "allow_duplicate", _("must be true or false"));
	}
	m = json_object_get(body, "notes");
	if (m && !json_is_null(m)) {
		if (!json_is_string(m))
			field_error(&fe, "notes", _("must be a string"));
		else if (json_string_length(m) > APPLICATION_NOTE_MAX ||
			 strlen(json_string_value(m)) != json_string_length(m))
			field_error(&fe, "notes", _("This field is too long or not valid UTF-8 text."));
		else
			note = str_trim(arena_strdup(&r->arena, json_string_value(m)));
	}
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}

	/* R-CAND-5: likely duplicates are refused unless the client insists. */
	struct candidate_duplicate *dups = NULL;
	size_t ndups = 0;
	enum store_rc rc = store_candidate_find_duplicates(r->store, c, &dups, &ndups);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *found = json_array();
	for (size_t i = 0; i < ndups; i++) {
		if (!candidate_is_duplicate(dups[i].score))
			continue;
		json_t *o = candidate_to_json(&dups[i].c);
		json_object_set_new(o, "score", json_integer(dups[i].score));
		json_object_set_new(o, "reason", jstr(dups[i].reason[0] ? _(dups[i].reason) : ""));
		json_array_append_new(found, o);
	}
	free(dups);
	if (json_array_size(found) > 0 && !allow_duplicate) {
		problem_with(r, 409, _("Possible duplicate"),
			     _("A candidate with the same details exists already. Send \"allow_duplicate\": true to "
			       "store this one anyway."),
			     json_pack("{s:o}", "duplicates", found));
		return;
	}
	json_decref(found);

	rc = store_candidate_create(r->store, &who, c, r->now);
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The candidate could not be stored as given."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	if (note && note[0]) {
		rc = store_application_add_event(r->store, &who, c->id, 0, EVENT_NOTE, note, r->now, NULL);
		if (rc != STORE_OK) {
			api_store_failed(r, rc);
			return;
		}
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/candidates/%lld", (long long)c->id));
	api_json(r, 201, candidate_to_json(c));
}

/* ---- GET / PATCH /api/v1/candidates/{id} --------------------------------------------------------------- */

void api_candidate_get(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	if (!candidate_of_path(r, c))
		return;
	struct application *apps = NULL;
	size_t n = 0;
	enum store_rc rc = store_application_list_by_candidate(r->store, c->id, &apps, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *o = candidate_to_json(c);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, application_to_json(r, &apps[i]));
	free(apps);
	json_object_set_new(o, "applications", arr);
	api_json(r, 200, o);
}

void api_candidate_update(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!candidate_of_path(r, c))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	candidate_read_json(body, c, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_candidate_update(r->store, &who, c, r->now);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such candidate."));
		return;
	}
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The candidate could not be stored as given."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, candidate_to_json(c));
}

/* ---- GET /api/v1/positions/{id}/applications (the board) ------------------------------------------------ */

void api_applications_board(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t nstages = 0;
	if (!api_position_load(r, req_path_arg(r, 0), p) || !position_stages(r, p->id, stages, &nstages))
		return;
	struct application_card *cards = NULL;
	size_t n = 0;
	enum store_rc rc = store_application_board(r->store, p->id, &cards, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *cols = json_array();
	json_t *unplaced = json_array();
	json_t *lists[PIPELINE_MAX_STAGES];
	for (size_t s = 0; s < nstages; s++) {
		lists[s] = json_array();
		json_array_append_new(cols, json_pack("{s:s, s:o, s:s, s:i, s:o}", "code", stages[s].code, "label",
						      jstr(stage_label_shown(&stages[s])), "kind", stage_kind_code(stages[s].kind),
						      "order", stages[s].order, "applications", lists[s]));
	}
	for (size_t i = 0; i < n; i++) {
		const struct application_card *card = &cards[i];
		json_t *o = application_to_json(r, &card->a);
		const char *sep = card->first_name[0] && card->last_name[0] ? " " : "";
		json_object_set_new(o, "candidate_name",
				    jstr(arena_printf(&r->arena, "%s%s%s", card->first_name, sep, card->last_name)));
		json_object_set_new(o, "first_name", jstr(card->first_name));
		json_object_set_new(o, "last_name", jstr(card->last_name));
		json_object_set_new(o, "current_company", jstr_or_null(card->current_company));
		size_t s = 0;
		while (s < nstages && strcmp(stages[s].code, card->a.stage) != 0)
			s++;
		json_array_append_new(s < nstages ? lists[s] : unplaced, o);
	}
	free(cards);
	api_json(r, 200,
		 json_pack("{s:I, s:o, s:o, s:I}", "position_id", (json_int_t)p->id, "stages", cols, "unplaced", unplaced,
			   "total", (json_int_t)n));
}

/* ---- POST /api/v1/positions/{id}/applications ----------------------------------------------------------- */

static void referral_read_json(struct request *r, json_t *m, struct referral *f, struct form_errors *fe)
{
	json_t *v;
	memset(f, 0, sizeof *f);
	f->status = REFERRAL_PROPOSED;
	if (!json_is_object(m)) {
		field_error(fe, "referral", _("must be an object"));
		return;
	}
	v = json_object_get(m, "kind");
	if (!v || !json_is_string(v) || !referrer_kind_parse(json_string_value(v), &f->kind))
		field_error(fe, "referral/kind", _("Please choose one of the offered values."));
	take_string(m, "referrer_name", "referral/referrer_name", f->referrer_name, sizeof f->referrer_name, fe);
	v = json_object_get(m, "referrer_user_id");
	if (v && !json_is_null(v)) {
		if (json_is_integer(v) && json_integer_value(v) >= 0)
			f->referrer_user_id = (int64_t)json_integer_value(v);
		else
			field_error(fe, "referral/referrer_user_id", _("must be the id of a user"));
	}
	v = json_object_get(m, "status");
	if (v && !json_is_null(v) && (!json_is_string(v) || !referral_status_parse(json_string_value(v), &f->status)))
		field_error(fe, "referral/status", _("Please choose one of the offered values."));
	v = json_object_get(m, "bonus_cents");
	if (v && !json_is_null(v)) {
		if (json_is_integer(v) && json_integer_value(v) >= 0)
			f->bonus_cents = (int64_t)json_integer_value(v);
		else
			field_error(fe, "referral/bonus_cents", _("must be a whole number, 0 or more"));
	}
	if (fe->n)
		return;
	struct field_problem problems[8];
	size_t n = referral_validate(f, problems, 8);
	for (size_t i = 0; i < n; i++)
		field_error(fe, arena_printf(&r->arena, "referral/%s", problems[i].field), _(problems[i].message));
}

void api_applications_create(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	struct stage stages[PIPELINE_MAX_STAGES];
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	a->position_id = p->id;
	json_t *m = json_object_get(body, "candidate_id");
	if (!m || !json_is_integer(m) || json_integer_value(m) <= 0)
		field_error(&fe, "candidate_id", _("must be the id of a candidate"));
	else
		a->candidate_id = (int64_t)json_integer_value(m);
	take_string(body, "stage", NULL, a->stage, sizeof a->stage, &fe);
	if (a->stage[0] && !form_error_for(&fe, "stage")) {
		size_t nstages = 0;
		if (!position_stages(r, p->id, stages, &nstages)) {
			json_decref(body);
			return;
		}
		const struct stage *st = pipeline_find(stages, nstages, a->stage);
		if (!st || st->kind != STAGE_ACTIVE)
			field_error(&fe, "stage", _("A new application starts in an active stage of the pipeline."));
	}
	take_string(body, "channel", NULL, a->channel, sizeof a->channel, &fe);
	enum channel ch;
	if (a->channel[0] && !form_error_for(&fe, "channel") && !channel_parse(a->channel, &ch))
		field_error(&fe, "channel", _("Please choose one of the offered values."));
	take_string(body, "event", NULL, a->event, sizeof a->event, &fe);
	m = json_object_get(body, "referral");
	if (m && !json_is_null(m)) {
		a->has_referral = true;
		referral_read_json(r, m, &a->referral, &fe);
	}
	json_decref(body);
	if (!fe.n && a->candidate_id > 0) {
		enum store_rc rc = store_candidate_get(r->store, a->candidate_id, c);
		if (rc == STORE_NOT_FOUND)
			field_error(&fe, "candidate_id", _("There is no such candidate."));
		else if (rc != STORE_OK) {
			api_store_failed(r, rc);
			return;
		}
	}
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_application_create(r->store, &who, a, r->now);
	if (rc == STORE_CONFLICT) {
		problem_with(r, 409, _("Already in the pipeline"),
			     _("The candidate already has an application for this position."), NULL);
		return;
	}
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The application could not be stored as given."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	/* Read back what the store filled in (the candidate's channel, …). */
	struct application *stored = arena_alloc(&r->arena, sizeof *stored);
	if (store_application_get(r->store, a->id, stored) == STORE_OK)
		a = stored;
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/applications/%lld", (long long)a->id));
	api_json(r, 201, application_to_json(r, a));
}

/* ---- POST /api/v1/applications/{id}/move ------------------------------------------------------------------ */

/* The body member a failed move check is about. */
static const char *move_check_field(enum move_check c)
{
	switch (c) {
	case MOVE_REASON_REQUIRED:
		return "reason";
	case MOVE_REASON_NOTE_REQUIRED:
		return "reason_note";
	case MOVE_INFORMED_REQUIRED:
		return "informed";
	default:
		return "stage";
	}
}

void api_application_get(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), a);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, application_to_json(r, a));
}

void api_application_move(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	struct form_errors fe = { 0 };
	char to[STAGE_CODE_MAX] = "";
	char reason[32] = "";
	char *note = arena_alloc(&r->arena, APPLICATION_REASON_NOTE_MAX + 1);
	struct move_input in = { .reason = reason, .reason_note = note, .informed = INFORMED_UNANSWERED };

	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), a);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *body = api_read_object(r);
	if (!body)
		return;
	take_string(body, "stage", NULL, to, sizeof to, &fe);
	if (!json_object_get(body, "stage") && !form_error_for(&fe, "stage"))
		field_error(&fe, "stage", _("must be a stage code such as first_interview"));
	take_string(body, "reason", NULL, reason, sizeof reason, &fe);
	take_string(body, "reason_note", NULL, note, APPLICATION_REASON_NOTE_MAX + 1, &fe);
	json_t *m = json_object_get(body, "informed");
	if (m && !json_is_null(m)) {
		if (json_is_boolean(m))
			in.informed = json_is_true(m) ? INFORMED_YES : INFORMED_NO;
		else
			field_error(&fe, "informed", _("must be true or false"));
	}
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum move_check check = MOVE_OK;
	rc = pipeline_move_apply(r, a, to, &in, &check);
	if (rc == STORE_INVALID && check != MOVE_OK) {
		const char *message = _(move_check_message(check));
		form_error(&fe, move_check_field(check), message);
		json_t *errors = json_array();
		json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer",
							arena_printf(&r->arena, "#/%s", fe.field[0]), "detail", message));
		problem_with(r, 422, _("Invalid input"), message,
			     json_pack("{s:o, s:s}", "errors", errors, "code", move_check_code(check)));
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The move could not be stored as given."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	if ((rc = store_application_get(r->store, a->id, a)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, application_to_json(r, a));
}

/* ---- GET /api/v1/channels ----------------------------------------------------------------------------------- */

static json_t *tr(const char *msgid)
{
	return msgid ? jstr(_(msgid)) : json_null();
}

void api_channels_list(struct request *r)
{
	json_t *arr = json_array();
	for (int i = 0; i < CHANNEL__COUNT; i++) {
		const struct channel_info *ci = channel_info((enum channel)i);
		json_t *o = json_object();
		json_object_set_new(o, "code", jstr(ci->code));
		json_object_set_new(o, "label", tr(ci->label));
		json_object_set_new(o, "guidance", tr(ci->guidance));
		json_object_set_new(o, "speed_note", tr(ci->speed_note));
		json_object_set_new(o, "cost_note", tr(ci->cost_note));
		json_object_set_new(o, "quality_note", tr(ci->quality_note));
		json_object_set_new(o, "typical_speed", jstr(channel_speed_code(ci->typical_speed)));
		json_object_set_new(o, "cost", jstr(channel_level_code(ci->cost)));
		json_object_set_new(o, "quality", jstr(channel_level_code(ci->quality)));
		json_object_set_new(o, "reaches_passive", json_boolean(ci->reaches_passive));
		json_array_append_new(arr, o);
	}
	api_json(r, 200, json_pack("{s:o}", "channels", arr));
}

/* ---- GET /api/v1/positions/{id}/channel-report ---------------------------------------------------------------- */

static json_t *per_mille(int v)
{
	return v == CHANNEL_NA ? json_null() : json_integer(v);
}

void api_channel_report(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	struct channel_stats rows[CHANNEL_STATS_ROWS];
	size_t n = 0;
	enum store_rc rc = channel_report_rows(r->store, p->id, rows, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct channel_stats *s = &rows[i];
		json_t *o = json_object();
		bool total = s->channel == CHANNEL__COUNT;
		json_object_set_new(o, "channel", jstr(s->code));
		json_object_set_new(o, "label", total ? jstr(_("All channels")) : tr(channel_label(s->channel)));
		json_object_set_new(o, "candidates", json_integer(s->candidates));
		json_object_set_new(o, "interviews", json_integer(s->interviews));
		json_object_set_new(o, "offers", json_integer(s->offers));
		json_object_set_new(o, "hires", json_integer(s->hires));
		json_object_set_new(o, "interview_per_mille", per_mille(s->interview_per_mille));
		json_object_set_new(o, "offer_per_mille", per_mille(s->offer_per_mille));
		json_object_set_new(o, "hire_per_mille", per_mille(s->hire_per_mille));
		json_object_set_new(o, "median_days_to_hire",
				    s->median_days_to_hire < 0 ? json_null() : json_real(s->median_days_to_hire));
		json_object_set_new(o, "cost_cents", json_integer((json_int_t)s->cost_cents));
		json_object_set_new(o, "cost_per_hire_cents",
				    s->cost_per_hire_cents == CHANNEL_NA ? json_null()
									 : json_integer((json_int_t)s->cost_per_hire_cents));
		json_array_append_new(arr, o);
	}
	api_json(r, 200, json_pack("{s:I, s:o}", "position_id", (json_int_t)p->id, "rows", arr));
}
