/*
 * profile_input.c — goals, requirements, stakeholders and organisations from
 * forms and JSON, and back to JSON; see profile_input.h.
 *
 * Each entity is described by a table of its fields (name, type, where in
 * the struct); one reader walks the table for a form and one for a JSON
 * object, so both apply the same conversions and limits. The rules that
 * span fields (title required, ranges in order, a language needs a level)
 * run afterwards in one validate function per entity.
 */
#include "web/profile_input.h"

#include <stddef.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/users.h"
#include "util/str.h"

#define YEARS_MAX 50
#define AMOUNT_MAX 1000000000000LL       /* a trillion currency units */
#define HORIZON_MAX 600                  /* months */

enum field_type {
	FIELD_LINE,      /* one line of text */
	FIELD_TEXT,      /* text with line breaks */
	FIELD_INT,       /* whole number 0..max */
	FIELD_AMOUNT,    /* whole number 0..max; forms may use thousands separators */
	FIELD_BOOL,      /* checkbox / true, false */
	FIELD_ENUM,      /* code parsed by parse() */
};

struct field_spec {
	const char *name;
	enum field_type type;
	size_t offset;
	size_t size;                              /* buffer size (text) or sizeof the member (numbers) */
	long long max;                            /* numbers */
	bool (*parse)(const char *code, void *out); /* enums */
	const char *bad_choice;                   /* enums: message for an unknown code, NULL = generic */
};

#define TEXT_SPEC(type_, st, m) { #m, type_, offsetof(struct st, m), sizeof ((struct st *)0)->m, 0, NULL, NULL }
#define NUM_SPEC(type_, st, m, max_) { #m, type_, offsetof(struct st, m), sizeof ((struct st *)0)->m, max_, NULL, NULL }
#define BOOL_SPEC(st, m) { #m, FIELD_BOOL, offsetof(struct st, m), sizeof ((struct st *)0)->m, 0, NULL, NULL }
#define ENUM_SPEC(st, m, fn, msg) { #m, FIELD_ENUM, offsetof(struct st, m), sizeof ((struct st *)0)->m, 0, fn, msg }

/* ---- enum parsers with one signature ------------------------------------------------ */

static bool parse_goal_kind(const char *code, void *out)
{
	return goal_kind_parse(code, out);
}

static bool parse_tier(const char *code, void *out)
{
	return tier_parse(code, out);
}

static bool parse_requirement_kind(const char *code, void *out)
{
	return requirement_kind_parse(code, out);
}

/* CEFR levels in either case: "c1" is "C1". */
static bool parse_level(const char *code, void *out)
{
	char up[4];
	size_t n = strlen(code);
	if (n >= sizeof up)
		return false;
	for (size_t i = 0; i <= n; i++)
		up[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 'a' + 'A') : code[i];
	return cefr_parse(up, out);
}

static bool parse_stakeholder_role(const char *code, void *out)
{
	return stakeholder_role_parse(code, out);
}

/* ---- the entities' fields ------------------------------------------------------------- */

static const struct field_spec goal_fields[] = {
	ENUM_SPEC(goal, kind, parse_goal_kind, NULL),
	TEXT_SPEC(FIELD_LINE, goal, title),
	NUM_SPEC(FIELD_AMOUNT, goal, revenue_amount, AMOUNT_MAX),
	NUM_SPEC(FIELD_INT, goal, horizon_months, HORIZON_MAX),
	TEXT_SPEC(FIELD_LINE, goal, region),
	TEXT_SPEC(FIELD_LINE, goal, segment),
	TEXT_SPEC(FIELD_TEXT, goal, accounts),
	BOOL_SPEC(goal, international),
	BOOL_SPEC(goal, technical_market),
	TEXT_SPEC(FIELD_TEXT, goal, notes),
};

static const struct field_spec requirement_fields[] = {
	ENUM_SPEC(requirement, kind, parse_requirement_kind, NULL),
	ENUM_SPEC(requirement, tier, parse_tier, NULL),
	TEXT_SPEC(FIELD_LINE, requirement, title),
	TEXT_SPEC(FIELD_TEXT, requirement, detail),
	NUM_SPEC(FIELD_INT, requirement, years_min, YEARS_MAX),
	NUM_SPEC(FIELD_INT, requirement, years_max, YEARS_MAX),
	TEXT_SPEC(FIELD_LINE, requirement, language),
	ENUM_SPEC(requirement, level, parse_level, N_("Please choose a level from A1 to C2.")),
	BOOL_SPEC(requirement, technical),
	NUM_SPEC(FIELD_AMOUNT, requirement, revenue_amount, AMOUNT_MAX),
	TEXT_SPEC(FIELD_LINE, requirement, competency_key),
};

static const struct field_spec stakeholder_fields[] = {
	NUM_SPEC(FIELD_INT, stakeholder, user_id, INT64_MAX),
	TEXT_SPEC(FIELD_LINE, stakeholder, name),
	ENUM_SPEC(stakeholder, role, parse_stakeholder_role, NULL),
};

static const struct field_spec organisation_fields[] = {
	TEXT_SPEC(FIELD_LINE, organisation, name),
	TEXT_SPEC(FIELD_LINE, organisation, website),
	TEXT_SPEC(FIELD_LINE, organisation, street),
	TEXT_SPEC(FIELD_LINE, organisation, postal_code),
	TEXT_SPEC(FIELD_LINE, organisation, city),
	TEXT_SPEC(FIELD_LINE, organisation, country),
	TEXT_SPEC(FIELD_LINE, organisation, state),
	TEXT_SPEC(FIELD_LINE, organisation, logo_url),
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- storing one value ------------------------------------------------------------------ */

/* Records message for field unless the field already has one. */
static void field_error(struct form_errors *fe, const char *field, const char *message)
{
	if (!form_error_for(fe, field))
		form_error(fe, field, message);
}

static void set_number(void *base, const struct field_spec *f, long long v)
{
	char *p = (char *)base + f->offset;
	if (f->size == sizeof(int64_t)) {
		int64_t x = (int64_t)v;
		memcpy(p, &x, sizeof x);
	} else {
		int x = (int)v;
		memcpy(p, &x, sizeof x);
	}
}

static void set_bool(void *base, const struct field_spec *f, bool v)
{
	memcpy((char *)base + f->offset, &v, sizeof v);
}

/* Text: trimmed, valid UTF-8, no control characters (line breaks only in
 * FIELD_TEXT), within the buffer. */
static void take_text(struct request *r, void *base, const struct field_spec *f, const char *value,
		      struct form_errors *fe)
{
	char *copy = arena_strdup(&r->arena, value);
	str_trim(copy);
	size_t len = strlen(copy);
	if (!utf8_valid(copy, len)) {
		field_error(fe, f->name, _("The text contains invalid characters (it is not UTF-8)."));
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)copy[i];
		bool line_break = c == '\n' || c == '\r' || c == '\t';
		if ((c < 0x20 && !(line_break && f->type == FIELD_TEXT)) || c == 0x7f) {
			field_error(fe, f->name, f->type == FIELD_TEXT ? _("The text contains control characters.")
								       : _("Please enter a single line without control characters."));
			return;
		}
	}
	if (len >= f->size) {
		field_error(fe, f->name, arena_printf(&r->arena, _("At most %zu characters."), f->size - 1));
		return;
	}
	str_copy((char *)base + f->offset, f->size, copy);
}

static void number_error(struct request *r, const struct field_spec *f, struct form_errors *fe)
{
	field_error(fe, f->name, arena_printf(&r->arena, _("Please enter a whole number from 0 to %lld."), f->max));
}

/* A number typed into a form: empty is 0; amounts may carry the thousands
 * separators people type ("85.000", "85,000", "85 000"). */
static void take_form_number(struct request *r, void *base, const struct field_spec *f, const char *value,
			     struct form_errors *fe)
{
	char clean[32];
	size_t n = 0;
	const char *v = value;
	while (*v == ' ' || *v == '\t')
		v++;
	for (; *v && n < sizeof clean - 1; v++) {
		if (f->type == FIELD_AMOUNT && (*v == '.' || *v == ',' || *v == ' ' || *v == '\''))
			continue;
		clean[n++] = *v;
	}
	while (n > 0 && (clean[n - 1] == ' ' || clean[n - 1] == '\t'))
		n--;
	clean[n] = '\0';
	if (*v) { /* longer than any number we accept */
		number_error(r, f, fe);
		return;
	}
	long long x = 0;
	if (n > 0 && !str_to_int64(clean, 0, f->max, &x)) {
		number_error(r, f, fe);
		return;
	}
	set_number(base, f, x);
}

static void take_enum(const struct field_spec *f, void *base, const char *value, struct form_errors *fe)
{
	int parsed;
	if (f->parse(value, &parsed))
		memcpy((char *)base + f->offset, &parsed, sizeof parsed);
	else
		field_error(fe, f->name, _(f->bad_choice ? f->bad_choice : N_("Please choose one of the offered values.")));
}

/* ---- the two readers ------------------------------------------------------------------------ */

static bool checkbox_checked(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcmp(v, "on") == 0 || strcmp(v, "true") == 0 || strcmp(v, "yes") == 0);
}

static void read_form_fields(struct request *r, void *base, const struct field_spec *fields, size_t n,
			     struct form_errors *fe)
{
	for (size_t i = 0; i < n; i++) {
		const struct field_spec *f = &fields[i];
		const char *v = req_form(r, f->name);
		if (f->type == FIELD_BOOL) {
			set_bool(base, f, checkbox_checked(v));
			continue;
		}
		if (!v)
			continue;
		switch (f->type) {
		case FIELD_LINE:
		case FIELD_TEXT:
			take_text(r, base, f, v, fe);
			break;
		case FIELD_INT:
		case FIELD_AMOUNT:
			take_form_number(r, base, f, v, fe);
			break;
		case FIELD_ENUM:
			take_enum(f, base, v, fe);
			break;
		case FIELD_BOOL:
			break;
		}
	}
}

static void read_json_fields(struct request *r, json_t *o, void *base, const struct field_spec *fields, size_t n,
			     struct form_errors *fe)
{
	for (size_t i = 0; i < n; i++) {
		const struct field_spec *f = &fields[i];
		json_t *m = json_object_get(o, f->name);
		if (!m)
			continue;
		switch (f->type) {
		case FIELD_LINE:
		case FIELD_TEXT:
			if (json_is_null(m))
				take_text(r, base, f, "", fe);
			else if (json_is_string(m))
				take_text(r, base, f, json_string_value(m), fe);
			else
				field_error(fe, f->name, _("must be a string"));
			break;
		case FIELD_INT:
		case FIELD_AMOUNT:
			if (json_is_null(m))
				set_number(base, f, 0);
			else if (json_is_integer(m) && json_integer_value(m) >= 0 && json_integer_value(m) <= f->max)
				set_number(base, f, (long long)json_integer_value(m));
			else
				number_error(r, f, fe);
			break;
		case FIELD_BOOL:
			if (json_is_null(m) || json_is_boolean(m))
				set_bool(base, f, json_is_true(m));
			else
				field_error(fe, f->name, _("must be true or false"));
			break;
		case FIELD_ENUM:
			if (json_is_string(m))
				take_enum(f, base, json_string_value(m), fe);
			else
				field_error(fe, f->name, _("must be a string"));
			break;
		}
	}
}

/* ---- goals ------------------------------------------------------------------------------------ */

static void goal_validate(struct goal *g, struct form_errors *fe)
{
	if (!g->title[0])
		field_error(fe, "title", _("Please enter a title."));
}

void goal_read_form(struct request *r, struct goal *g, struct form_errors *fe)
{
	read_form_fields(r, g, goal_fields, COUNT(goal_fields), fe);
	goal_validate(g, fe);
}

void goal_read_json(struct request *r, json_t *o, struct goal *g, struct form_errors *fe)
{
	read_json_fields(r, o, g, goal_fields, COUNT(goal_fields), fe);
	goal_validate(g, fe);
}

/* ---- requirements -------------------------------------------------------------------------------- */

/* Adds id to q's goals unless it is there already; false when full. */
static bool goal_link_add(struct requirement *q, int64_t id)
{
	for (int i = 0; i < q->ngoals; i++)
		if (q->goal_ids[i] == id)
			return true;
	if (q->ngoals == REQUIREMENT_MAX_GOALS)
		return false;
	q->goal_ids[q->ngoals++] = id;
	return true;
}

static void goal_ids_error(struct request *r, struct form_errors *fe, bool too_many)
{
	if (too_many)
		field_error(fe, "goal_ids",
			    arena_printf(&r->arena, _("A requirement can serve at most %d goals."), REQUIREMENT_MAX_GOALS));
	else
		field_error(fe, "goal_ids", _("Please choose goals of this position."));
}

static bool competency_key_valid(const char *k)
{
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_' || *k == '-'))
			return false;
	return true;
}

static void requirement_validate(struct requirement *q, struct form_errors *fe)
{
	if (!q->title[0])
		field_error(fe, "title", _("Please enter a title."));
	if (!form_error_for(fe, "years_min") && !form_error_for(fe, "years_max") && q->years_min > 0 &&
	    q->years_max > 0 && q->years_min > q->years_max)
		field_error(fe, "years_max", _("The minimum must not be larger than the maximum."));
	if (!competency_key_valid(q->competency_key))
		field_error(fe, "competency_key", _("Use lower-case letters, digits, '_' and '-' only."));
	if (q->kind == REQ_LANGUAGE) {
		if (!q->language[0])
			field_error(fe, "language", _("Please name the language."));
		if (q->level == CEFR_NONE)
			field_error(fe, "level", _("Please choose a level from A1 to C2."));
	} else if (!form_error_for(fe, "kind")) {
		/* Language and level belong to language requirements only. */
		q->language[0] = '\0';
		q->level = CEFR_NONE;
	}
}

void requirement_read_form(struct request *r, struct requirement *q, struct form_errors *fe)
{
	read_form_fields(r, q, requirement_fields, COUNT(requirement_fields), fe);
	/* Checkboxes: every "goal_ids" entry is one checked goal. */
	q->ngoals = 0;
	for (int i = 0; i < r->nform; i++) {
		if (strcmp(r->form[i].name, "goal_ids") != 0 || !r->form[i].value[0])
			continue;
		long long id;
		if (!str_to_int64(r->form[i].value, 1, INT64_MAX, &id))
			goal_ids_error(r, fe, false);
		else if (!goal_link_add(q, (int64_t)id))
			goal_ids_error(r, fe, true);
	}
	requirement_validate(q, fe);
}

void requirement_read_json(struct request *r, json_t *o, struct requirement *q, struct form_errors *fe)
{
	read_json_fields(r, o, q, requirement_fields, COUNT(requirement_fields), fe);
	json_t *m = json_object_get(o, "tier_decided");
	if (m) {
		if (json_is_boolean(m) || json_is_null(m))
			q->tier_decided = json_is_true(m);
		else
			field_error(fe, "tier_decided", _("must be true or false"));
	}
	m = json_object_get(o, "goal_ids");
	if (m && json_is_null(m)) {
		q->ngoals = 0;
	} else if (m && !json_is_array(m)) {
		field_error(fe, "goal_ids", _("must be an array of goal ids"));
	} else if (m) {
		struct requirement links = { 0 };
		size_t i;
		json_t *e;
		bool ok = true;
		json_array_foreach(m, i, e) {
			if (!json_is_integer(e) || json_integer_value(e) < 1) {
				goal_ids_error(r, fe, false);
				ok = false;
				break;
			}
			if (!goal_link_add(&links, (int64_t)json_integer_value(e))) {
				goal_ids_error(r, fe, true);
				ok = false;
				break;
			}
		}
		if (ok) {
			memcpy(q->goal_ids, links.goal_ids, sizeof q->goal_ids);
			q->ngoals = links.ngoals;
		}
	}
	requirement_validate(q, fe);
}

/* ---- stakeholders ---------------------------------------------------------------------------------- */

/* A stakeholder who is a user takes the user's name when none was given. */
static void stakeholder_validate(struct request *r, struct stakeholder *sh, struct form_errors *fe)
{
	if (form_error_for(fe, "user_id"))
		return;
	if (sh->user_id > 0) {
		struct user u;
		enum store_rc rc = store_user_by_id(r->store, sh->user_id, &u);
		if (rc == STORE_NOT_FOUND)
			field_error(fe, "user_id", _("There is no such user."));
		else if (rc != STORE_OK)
			field_error(fe, "user_id", _("The users cannot be read right now. Please try again."));
		else if (!sh->name[0])
			str_copy(sh->name, sizeof sh->name, u.display_name[0] ? u.display_name : u.name);
	} else if (!sh->name[0]) {
		field_error(fe, "name", _("Please enter a name or choose a user."));
	}
}

void stakeholder_read_form(struct request *r, struct stakeholder *sh, struct form_errors *fe)
{
	read_form_fields(r, sh, stakeholder_fields, COUNT(stakeholder_fields), fe);
	stakeholder_validate(r, sh, fe);
}

void stakeholder_read_json(struct request *r, json_t *o, struct stakeholder *sh, struct form_errors *fe)
{
	read_json_fields(r, o, sh, stakeholder_fields, COUNT(stakeholder_fields), fe);
	stakeholder_validate(r, sh, fe);
}

/* ---- organisations ----------------------------------------------------------------------------------- */

static void upper_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/* Empty, or an https address without characters that would need escaping. */
static bool logo_url_valid(const char *u)
{
	if (!u[0])
		return true;
	if (strncmp(u, "https://", 8) != 0 || !u[8])
		return false;
	for (; *u; u++)
		if ((unsigned char)*u <= 0x20 || *u == '"' || *u == '\'' || *u == '<' || *u == '>' || *u == '\\')
			return false;
	return true;
}

static void organisation_check(struct organisation *o, struct form_errors *fe)
{
	upper_ascii(o->country);
	upper_ascii(o->state);
	struct field_problem problems[8];
	size_t n = organisation_validate(o, problems, COUNT(problems));
	for (size_t i = 0; i < n; i++)
		field_error(fe, problems[i].field, _(problems[i].message));
	if (!logo_url_valid(o->logo_url))
		field_error(fe, "logo_url", _("The logo must be an address starting with https://."));
}

void organisation_read_form(struct request *r, struct organisation *o, struct form_errors *fe)
{
	read_form_fields(r, o, organisation_fields, COUNT(organisation_fields), fe);
	organisation_check(o, fe);
}

void organisation_read_json(struct request *r, json_t *obj, struct organisation *o, struct form_errors *fe)
{
	read_json_fields(r, obj, o, organisation_fields, COUNT(organisation_fields), fe);
	organisation_check(o, fe);
}

/* ---- JSON output --------------------------------------------------------------------------------------- */

/* A string member; text that is not UTF-8 (never accepted, but possible in
 * old rows) becomes null rather than breaking the whole document. */
static void put_text(json_t *o, const char *key, const char *s)
{
	json_t *v = json_string(s);
	json_object_set_new(o, key, v ? v : json_null());
}

static void put_int(json_t *o, const char *key, int64_t v)
{
	json_object_set_new(o, key, json_integer((json_int_t)v));
}

json_t *goal_to_json(const struct goal *g)
{
	json_t *o = json_object();
	put_int(o, "id", g->id);
	put_text(o, "kind", goal_kind_code(g->kind));
	put_text(o, "title", g->title);
	put_int(o, "revenue_amount", g->revenue_amount);
	put_int(o, "horizon_months", g->horizon_months);
	put_text(o, "region", g->region);
	put_text(o, "segment", g->segment);
	put_text(o, "accounts", g->accounts);
	json_object_set_new(o, "international", json_boolean(g->international));
	json_object_set_new(o, "technical_market", json_boolean(g->technical_market));
	put_text(o, "notes", g->notes);
	return o;
}

json_t *requirement_to_json(const struct requirement *q)
{
	json_t *o = json_object();
	put_int(o, "id", q->id);
	put_text(o, "kind", requirement_kind_code(q->kind));
	put_text(o, "tier", tier_code(q->tier));
	put_text(o, "title", q->title);
	put_text(o, "detail", q->detail);
	put_int(o, "years_min", q->years_min);
	put_int(o, "years_max", q->years_max);
	put_text(o, "language", q->language);
	put_text(o, "level", cefr_code(q->level));
	json_object_set_new(o, "technical", json_boolean(q->technical));
	put_int(o, "revenue_amount", q->revenue_amount);
	put_text(o, "competency_key", q->competency_key);
	json_object_set_new(o, "tier_decided", json_boolean(q->tier_decided));
	json_t *ids = json_array();
	for (int i = 0; i < q->ngoals && i < REQUIREMENT_MAX_GOALS; i++)
		json_array_append_new(ids, json_integer((json_int_t)q->goal_ids[i]));
	json_object_set_new(o, "goal_ids", ids);
	return o;
}

json_t *stakeholder_to_json(const struct stakeholder *sh)
{
	json_t *o = json_object();
	put_int(o, "id", sh->id);
	put_int(o, "user_id", sh->user_id);
	put_text(o, "name", sh->name);
	put_text(o, "role", stakeholder_role_code(sh->role));
	return o;
}

json_t *proposal_to_json(const struct proposal *pr)
{
	json_t *o = json_object();
	put_int(o, "id", pr->id);
	put_int(o, "stakeholder_id", pr->stakeholder_id);
	put_int(o, "requirement_id", pr->requirement_id);
	put_text(o, "tier", tier_code(pr->tier));
	put_text(o, "note", pr->note);
	return o;
}

json_t *organisation_to_json(const struct organisation *org)
{
	json_t *o = json_object();
	put_int(o, "id", org->id);
	put_text(o, "name", org->name);
	put_text(o, "website", org->website);
	put_text(o, "street", org->street);
	put_text(o, "postal_code", org->postal_code);
	put_text(o, "city", org->city);
	put_text(o, "country", org->country);
	put_text(o, "state", org->state);
	put_text(o, "logo_url", org->logo_url);
	put_int(o, "created_at", org->created_at);
	return o;
}

json_t *profile_to_json(const struct profile *p)
{
	json_t *goals = json_array(), *requirements = json_array(), *stakeholders = json_array(),
	       *proposals = json_array();
	for (size_t i = 0; i < p->ngoals; i++)
		json_array_append_new(goals, goal_to_json(&p->goals[i]));
	for (size_t i = 0; i < p->nrequirements; i++)
		json_array_append_new(requirements, requirement_to_json(&p->requirements[i]));
	for (size_t i = 0; i < p->nstakeholders; i++)
		json_array_append_new(stakeholders, stakeholder_to_json(&p->stakeholders[i]));
	for (size_t i = 0; i < p->nproposals; i++)
		json_array_append_new(proposals, proposal_to_json(&p->proposals[i]));
	json_t *o = json_object();
	put_text(o, "template_key", p->template_key);
	put_text(o, "challenges", p->challenges);
	json_object_set_new(o, "goals", goals);
	json_object_set_new(o, "requirements", requirements);
	json_object_set_new(o, "stakeholders", stakeholders);
	json_object_set_new(o, "proposals", proposals);
	return o;
}
