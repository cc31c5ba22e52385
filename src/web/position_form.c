/*
 * position_form.c — position input from forms and JSON, and the position
 * form's fields; see position_form.h.
 */
#include "web/position_form.h"

#include <string.h>

#include "core/password_policy.h"
#include "util/str.h"

/* Field names, as in forms, JSON and core/position_validate. */
static const char *const TEXT_FIELDS[] = { "title", "department", "location", "currency", "target_start", "challenges",
					   "template_key" };

static char *text_field(struct position *p, const char *name, size_t *cap)
{
	struct { const char *name; char *buf; size_t cap; } map[] = {
		{ "title", p->title, sizeof p->title }, { "department", p->department, sizeof p->department },
		{ "location", p->location, sizeof p->location }, { "currency", p->currency, sizeof p->currency },
		{ "target_start", p->target_start, sizeof p->target_start },
		{ "challenges", p->challenges, sizeof p->challenges },
		{ "template_key", p->template_key, sizeof p->template_key },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].name, name) == 0) {
			*cap = map[i].cap;
			return map[i].buf;
		}
	return NULL;
}

static void set_text(struct request *r, struct position *p, const char *name, const char *value, struct form_errors *fe)
{
	size_t cap = 0;
	char *dst = text_field(p, name, &cap);
	if (!dst)
		return;
	char *copy = arena_strdup(&r->arena, value);
	str_trim(copy);
	if (!utf8_valid(copy, strlen(copy))) {
		form_error(fe, name, _("The text contains invalid characters (not UTF-8)."));
		return;
	}
	bool multiline = strcmp(name, "challenges") == 0;
	for (const char *c = copy; *c; c++) {
		if (((unsigned char)*c < 0x20 && !(multiline && (*c == '\n' || *c == '\r' || *c == '\t'))) || *c == 0x7f) {
			form_error(fe, name, _("Please remove control characters from this field."));
			return;
		}
	}
	if (strlen(copy) >= cap)
		form_error(fe, name, arena_printf(&r->arena, _("At most %zu characters."), cap - 1));
	else
		str_copy(dst, cap, copy);
}

/* Parses an integer field; empty means 0 when allow_empty. */
static void set_int64(struct request *r, const char *name, const char *value, long long min, long long max,
		      int64_t *dst, struct form_errors *fe)
{
	(void)r;
	char digits[32];
	str_copy(digits, sizeof digits, value);
	str_trim(digits);
	long long v;
	if (!*digits) {
		*dst = 0;
		return;
	}
	/* Accept the thousands separators people type: "85.000", "85,000", "85 000". */
	char clean[32];
	size_t n = 0;
	for (const char *c = digits; *c && n < sizeof clean - 1; c++)
		if (*c != '.' && *c != ',' && *c != ' ' && *c != '\'')
			clean[n++] = *c;
	clean[n] = '\0';
	if (!str_to_int64(clean, min, max, &v)) {
		form_error(fe, name, _("Please enter a whole number in the allowed range."));
		return;
	}
	*dst = v;
}

static void set_enum(const char *name, const char *value, struct position *p, struct form_errors *fe)
{
	bool ok = true;
	if (strcmp(name, "remote") == 0)
		ok = remote_policy_parse(value, &p->remote);
	else if (strcmp(name, "employment") == 0)
		ok = employment_type_parse(value, &p->employment);
	else if (strcmp(name, "status") == 0)
		ok = position_status_parse(value, &p->status);
	if (!ok)
		form_error(fe, name, _("Please choose one of the offered values."));
}

static void validate(struct position *p, struct form_errors *fe)
{
	struct field_problem problems[16];
	size_t n = position_validate(p, problems, 16);
	for (size_t i = 0; i < n; i++)
		if (!form_error_for(fe, problems[i].field))
			form_error(fe, problems[i].field, _(problems[i].message));
}

void position_read_form(struct request *r, struct position *p, struct form_errors *fe)
{
	for (size_t i = 0; i < sizeof TEXT_FIELDS / sizeof TEXT_FIELDS[0]; i++) {
		const char *v = req_form(r, TEXT_FIELDS[i]);
		if (v)
			set_text(r, p, TEXT_FIELDS[i], v, fe);
	}
	const char *v;
	int64_t n;
	if ((v = req_form(r, "headcount"))) {
		set_int64(r, "headcount", v, 0, 999, &n, fe);
		p->headcount = (int)n;
	}
	if ((v = req_form(r, "salary_min")))
		set_int64(r, "salary_min", v, 0, 100000000, &p->salary_min, fe);
	if ((v = req_form(r, "salary_max")))
		set_int64(r, "salary_max", v, 0, 100000000, &p->salary_max, fe);
	if ((v = req_form(r, "organisation_id")))
		set_int64(r, "organisation_id", v, 0, INT64_MAX, &p->organisation_id, fe);
	if ((v = req_form(r, "owner_id")))
		set_int64(r, "owner_id", v, 0, INT64_MAX, &p->owner_id, fe);
	static const char *const enums[] = { "remote", "employment", "status" };
	for (size_t i = 0; i < 3; i++)
		if ((v = req_form(r, enums[i])))
			set_enum(enums[i], v, p, fe);
	validate(p, fe);
}

void position_read_json(struct request *r, json_t *obj, struct position *p, struct form_errors *fe)
{
	for (size_t i = 0; i < sizeof TEXT_FIELDS / sizeof TEXT_FIELDS[0]; i++) {
		json_t *m = json_object_get(obj, TEXT_FIELDS[i]);
		if (!m)
			continue;
		if (!json_is_string(m))
			form_error(fe, TEXT_FIELDS[i], _("must be a string"));
		else
			set_text(r, p, TEXT_FIELDS[i], json_string_value(m), fe);
	}
	static const struct { const char *name; long long max; } ints[] = {
		{ "headcount", 999 }, { "salary_min", 100000000 }, { "salary_max", 100000000 },
		{ "organisation_id", INT64_MAX }, { "owner_id", INT64_MAX },
	};
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		json_t *m = json_object_get(obj, ints[i].name);
		if (!m)
			continue;
		if (!json_is_integer(m) || json_integer_value(m) < 0 || json_integer_value(m) > ints[i].max) {
			form_error(fe, ints[i].name, _("must be a whole number in the allowed range"));
			continue;
		}
		int64_t v = (int64_t)json_integer_value(m);
		if (i == 0)
			p->headcount = (int)v;
		else if (i == 1)
			p->salary_min = v;
		else if (i == 2)
			p->salary_max = v;
		else if (i == 3)
			p->organisation_id = v;
		else
			p->owner_id = v;
	}
	static const char *const enums[] = { "remote", "employment", "status" };
	for (size_t i = 0; i < 3; i++) {
		json_t *m = json_object_get(obj, enums[i]);
		if (!m)
			continue;
		if (!json_is_string(m))
			form_error(fe, enums[i], _("must be a string"));
		else
			set_enum(enums[i], json_string_value(m), p, fe);
	}
	validate(p, fe);
}

json_t *position_to_json(const struct position *p)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:I, s:I, s:s, s:s, s:I, s:s, s:s, s:i, s:I, s:I}",
			 "id", (json_int_t)p->id, "organisation_id", (json_int_t)p->organisation_id, "template_key",
			 p->template_key, "title", p->title, "department", p->department, "location", p->location,
			 "remote", remote_policy_code(p->remote), "employment", employment_type_code(p->employment),
			 "headcount", p->headcount, "salary_min", (json_int_t)p->salary_min, "salary_max",
			 (json_int_t)p->salary_max, "currency", p->currency, "target_start", p->target_start, "owner_id",
			 (json_int_t)p->owner_id, "status", position_status_code(p->status), "challenges", p->challenges,
			 "approved_version", p->approved_version, "created_at", (json_int_t)p->created_at, "opened_at",
			 (json_int_t)p->opened_at);
}

static void select_open(struct request *r, const struct form_errors *fe, const char *name, const char *label)
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\" aria-invalid=\"%s\">",
		    err ? " has-error" : "", name, label, name, name, err ? "true" : "false");
}

static void select_close(struct request *r, const struct form_errors *fe, const char *name)
{
	const char *err = form_error_for(fe, name);
	html_raw(&r->out, "</select>");
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"f-%s-err\">%s</p>", name, err);
	html_raw(&r->out, "</div>");
}

static void option(struct request *r, const char *value, const char *label, bool selected)
{
	html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", value, selected ? " selected" : "", label);
}

static const char *int_text(struct request *r, int64_t v)
{
	return v ? arena_printf(&r->arena, "%lld", (long long)v) : "";
}

void position_form_fields(struct request *r, const struct position *p, const struct form_errors *fe,
			  const struct position_form_choices *c)
{
	if (c->template_keys) {
		select_open(r, fe, "template_key", _("Role template"));
		for (size_t i = 0; i < c->ntemplates; i++)
			option(r, c->template_keys[i], c->template_names[i], strcmp(p->template_key, c->template_keys[i]) == 0);
		select_close(r, fe, "template_key");
	}
	struct form_input title = { "title", _("Job title"), "text", p->title,
				    _("Without (m/w/d): the job ad adds the gender-inclusive form."), "off", true };
	form_text(r, fe, &title);
	select_open(r, fe, "organisation_id", _("Hiring company"));
	for (size_t i = 0; i < c->norganisations; i++)
		option(r, arena_printf(&r->arena, "%lld", (long long)c->organisations[i].id), c->organisations[i].name,
		       c->organisations[i].id == p->organisation_id);
	select_close(r, fe, "organisation_id");
	struct form_input dept = { "department", _("Department"), "text", p->department, NULL, "off", false };
	struct form_input loc = { "location", _("Location"), "text", p->location, _("City or region of the workplace"),
				  "off", false };
	form_text(r, fe, &dept);
	form_text(r, fe, &loc);
	select_open(r, fe, "remote", _("Remote work"));
	for (int i = 0; i < REMOTE__COUNT; i++)
		option(r, remote_policy_code((enum remote_policy)i), _(remote_policy_label((enum remote_policy)i)),
		       p->remote == (enum remote_policy)i);
	select_close(r, fe, "remote");
	select_open(r, fe, "employment", _("Employment type"));
	for (int i = 0; i < EMPLOYMENT__COUNT; i++)
		option(r, employment_type_code((enum employment_type)i), _(employment_type_label((enum employment_type)i)),
		       p->employment == (enum employment_type)i);
	select_close(r, fe, "employment");
	struct form_input head = { "headcount", _("Headcount"), "number", arena_printf(&r->arena, "%d", p->headcount ? p->headcount : 1),
				   NULL, "off", true };
	form_text(r, fe, &head);
	struct form_input smin = { "salary_min", _("Salary from (per year)"), "text", int_text(r, p->salary_min),
				   _("The EU pay transparency directive expects a range in the job ad."), "off", false };
	struct form_input smax = { "salary_max", _("Salary to (per year)"), "text", int_text(r, p->salary_max), NULL, "off", false };
	struct form_input cur = { "currency", _("Currency"), "text", p->currency[0] ? p->currency : "EUR", NULL, "off", false };
	struct form_input start = { "target_start", _("Target start date"), "date", p->target_start, NULL, "off", false };
	form_text(r, fe, &smin);
	form_text(r, fe, &smax);
	form_text(r, fe, &cur);
	form_text(r, fe, &start);
	select_open(r, fe, "owner_id", _("Responsible"));
	for (size_t i = 0; i < c->nusers; i++)
		if (!c->users[i].disabled && c->users[i].role != ROLE_INTERVIEWER)
			option(r, arena_printf(&r->arena, "%lld", (long long)c->users[i].id),
			       c->users[i].display_name[0] ? c->users[i].display_name : c->users[i].name,
			       c->users[i].id == p->owner_id);
	select_close(r, fe, "owner_id");
	const char *err = form_error_for(fe, "challenges");
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"f-challenges\">%s</label><textarea id=\"f-challenges\" "
		       "name=\"challenges\" rows=\"5\" aria-describedby=\"f-challenges-hint\">%s</textarea>"
		       "<p class=\"hint\" id=\"f-challenges-hint\">%s</p>",
		    err ? " has-error" : "", _("Known challenges of the role"), p->challenges,
		    _("What is hard about this job? Finalists hear it before the offer — hidden difficulties lead to early departures."));
	if (err)
		html_printf(&r->out, "<p class=\"field-error\">%s</p>", err);
	html_raw(&r->out, "</div>");
}
