/*
 * role_template.c — role templates from and to JSON; see role_template.h.
 *
 * Parsing is strict on purpose: templates are edited by hand (the built-in
 * files) and by admins (copies), and a typo such as "tier": "mandatory" or
 * "years_mni" should be reported with its JSON path instead of being
 * silently dropped. Every text is checked against the size of its buffer, so
 * nothing is ever truncated.
 */
#include "core/role_template.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

const char *const BUILTIN_TEMPLATE_KEYS[] = { "kam", "bdm", "hoe" };

size_t builtin_template_count(void)
{
	return sizeof BUILTIN_TEMPLATE_KEYS / sizeof BUILTIN_TEMPLATE_KEYS[0];
}

static const char *const LANG_CODES[TEMPLATE_LANGS] = { "de", "en" };

#define PATH_MAX_LEN 160
#define QUOTE_MAX_BYTES 40

/* Parser state: where the first error goes. */
struct parse {
	char *err;
	size_t errlen;
};

/* Writes "PATH: message" into the error buffer; always returns false. */
static bool fail(struct parse *p, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool fail(struct parse *p, const char *path, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (p->err == NULL || p->errlen == 0)
		return false;
	n = snprintf(p->err, p->errlen, "%s: ", path[0] ? path : "template");
	if (n >= 0 && (size_t)n < p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return false;
}

/* Copies at most QUOTE_MAX_BYTES of s into dst for an error message: stops
 * at a UTF-8 character boundary, replaces control characters and quotes by
 * '?', and marks a cut with "…". */
static void quote_for_message(char *dst, size_t n, const char *s)
{
	size_t len = strlen(s), i, o = 0;
	bool cut = len > QUOTE_MAX_BYTES;

	if (cut) {
		len = QUOTE_MAX_BYTES;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	for (i = 0; i < len && o + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		dst[o++] = (c < 0x20 || c == 0x7f || c == '\'') ? '?' : (char)c;
	}
	if (cut && o + 4 < n) {
		memcpy(dst + o, "\xE2\x80\xA6", 3);   /* … */
		o += 3;
	}
	dst[o < n ? o : n - 1] = '\0';
}

/* Paths are at most PATH_MAX_LEN - 1 bytes; a longer one (only possible
 * with absurd nesting) is cut, which still leaves its useful beginning. */
static void path_field(char *dst, const char *base, const char *field)
{
	char q[QUOTE_MAX_BYTES + 8];
	int n;

	quote_for_message(q, sizeof q, field);
	n = snprintf(dst, PATH_MAX_LEN, base[0] ? "%s.%s" : "%s%s", base, q);
	if (n < 0)
		dst[0] = '\0';
}

static void path_index(char *dst, const char *base, size_t i)
{
	if (snprintf(dst, PATH_MAX_LEN, "%s[%zu]", base, i) < 0)
		dst[0] = '\0';
}

static const char *value_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number with a fraction";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "something else";
}

/* The value must be an object whose field names all appear in allowed. */
static bool expect_object(struct parse *p, const json_t *v, const char *path, const char *const *allowed,
			  size_t nallowed)
{
	const char *k;
	json_t *field;
	char sub[PATH_MAX_LEN];

	if (!json_is_object(v))
		return fail(p, path, "expected an object, got %s", value_type_name(v));
	json_object_foreach((json_t *)v, k, field) {
		bool known = false;

		for (size_t i = 0; i < nallowed && !known; i++)
			known = strcmp(k, allowed[i]) == 0;
		if (!known) {
			path_field(sub, path, k);
			return fail(p, sub, "unknown field");
		}
	}
	return true;
}

/* Looks up a field; a missing required field is an error, a missing
 * optional one yields *out = NULL and true. */
static bool get_field(struct parse *p, const json_t *obj, const char *path, const char *field, bool required,
		      json_t **out)
{
	char sub[PATH_MAX_LEN];

	*out = json_object_get(obj, field);
	if (*out == NULL && required) {
		path_field(sub, path, field);
		return fail(p, sub, "missing");
	}
	return true;
}

/* Checks a text value and copies it into dst (size cap). Blank text is an
 * error; newline and tab are the only control characters allowed. */
static bool take_text(struct parse *p, const json_t *v, const char *path, char *dst, size_t cap)
{
	const char *s;
	size_t len;
	bool blank = true;

	if (!json_is_string(v))
		return fail(p, path, "expected a string, got %s", value_type_name(v));
	s = json_string_value(v);
	len = json_string_length(v);
	if (len >= cap)
		return fail(p, path, "too long (%zu bytes, at most %zu)", len, cap - 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return fail(p, path, "contains a control character");
		if (c != ' ' && c != '\n' && c != '\t')
			blank = false;
	}
	if (blank)
		return fail(p, path, "must not be empty");
	memcpy(dst, s, len);
	dst[len] = '\0';
	return true;
}

/* A {"de": …, "en": …} text; dst holds TEMPLATE_LANGS buffers of cap bytes
 * each, one after the other (a char[2][cap] array). */
static bool take_text2(struct parse *p, const json_t *v, const char *path, char *dst, size_t cap)
{
	char sub[PATH_MAX_LEN];

	if (!expect_object(p, v, path, LANG_CODES, TEMPLATE_LANGS))
		return false;
	for (int l = 0; l < TEMPLATE_LANGS; l++) {
		json_t *s;

		if (!get_field(p, v, path, LANG_CODES[l], true, &s))
			return false;
		path_field(sub, path, LANG_CODES[l]);
		if (!take_text(p, s, sub, dst + (size_t)l * cap, cap))
			return false;
	}
	return true;
}

/* Field `field` of obj as a two-language text. */
static bool field_text2(struct parse *p, const json_t *obj, const char *path, const char *field, bool required,
			char *dst, size_t cap)
{
	char sub[PATH_MAX_LEN];
	json_t *v;

	if (!get_field(p, obj, path, field, required, &v))
		return false;
	if (v == NULL)
		return true;
	path_field(sub, path, field);
	return take_text2(p, v, sub, dst, cap);
}

static bool take_int(struct parse *p, const json_t *v, const char *path, long long min, long long max,
		     long long *out)
{
	long long n;

	if (!json_is_integer(v))
		return fail(p, path, "expected an integer, got %s", value_type_name(v));
	n = json_integer_value(v);
	if (n < min || n > max)
		return fail(p, path, "%lld is out of range (%lld to %lld)", n, min, max);
	*out = n;
	return true;
}

static bool field_int(struct parse *p, const json_t *obj, const char *path, const char *field, bool required,
		      long long min, long long max, long long *out)
{
	char sub[PATH_MAX_LEN];
	json_t *v;

	if (!get_field(p, obj, path, field, required, &v))
		return false;
	if (v == NULL)
		return true;
	path_field(sub, path, field);
	return take_int(p, v, sub, min, max, out);
}

/* A code string such as a tier; parse is one of profile.h's *_parse
 * functions, what names the code kind in the message. */
static bool field_code(struct parse *p, const json_t *obj, const char *path, const char *field, bool required,
		       const char *what, bool (*parse)(const char *, void *), void *out)
{
	char sub[PATH_MAX_LEN], q[QUOTE_MAX_BYTES + 8];
	json_t *v;

	if (!get_field(p, obj, path, field, required, &v))
		return false;
	if (v == NULL)
		return true;
	path_field(sub, path, field);
	if (!json_is_string(v))
		return fail(p, sub, "expected a string, got %s", value_type_name(v));
	if (!parse(json_string_value(v), out)) {
		quote_for_message(q, sizeof q, json_string_value(v));
		return fail(p, sub, "unknown %s '%s'", what, q);
	}
	return true;
}

/* Adapters so field_code can take profile.h's typed parsers. */
static bool parse_tier(const char *s, void *out)
{
	return tier_parse(s, out);
}

static bool parse_kind(const char *s, void *out)
{
	return requirement_kind_parse(s, out);
}

static bool parse_level(const char *s, void *out)
{
	return cefr_parse(s, out);
}

/* ^[a-z][a-z0-9_]{1,46}$ */
static bool key_valid(const char *s)
{
	size_t len = strlen(s);

	if (len < 2 || len > TEMPLATE_KEY_MAX - 1 || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

static bool field_key(struct parse *p, const json_t *obj, const char *path, const char *field, bool required,
		      char *dst)
{
	char sub[PATH_MAX_LEN], q[QUOTE_MAX_BYTES + 8];
	json_t *v;

	if (!get_field(p, obj, path, field, required, &v))
		return false;
	if (v == NULL)
		return true;
	path_field(sub, path, field);
	if (!json_is_string(v))
		return fail(p, sub, "expected a string, got %s", value_type_name(v));
	if (!key_valid(json_string_value(v))) {
		quote_for_message(q, sizeof q, json_string_value(v));
		return fail(p, sub, "'%s' is not a valid key (2 to 47 characters a-z, 0-9 and _, starting with a letter)",
			    q);
	}
	memcpy(dst, json_string_value(v), strlen(json_string_value(v)) + 1);
	return true;
}

static bool field_array(struct parse *p, const json_t *obj, const char *path, const char *field, bool required,
			size_t min, size_t max, json_t **out)
{
	char sub[PATH_MAX_LEN];

	if (!get_field(p, obj, path, field, required, out))
		return false;
	if (*out == NULL)
		return true;
	path_field(sub, path, field);
	if (!json_is_array(*out))
		return fail(p, sub, "expected an array, got %s", value_type_name(*out));
	if (json_array_size(*out) < min || json_array_size(*out) > max) {
		if (min == max)
			return fail(p, sub, "needs exactly %zu entries, has %zu", min, json_array_size(*out));
		return fail(p, sub, "needs %zu to %zu entries, has %zu", min, max, json_array_size(*out));
	}
	return true;
}

static bool parse_competency(struct parse *p, const json_t *v, const char *path, struct template_competency *c)
{
	static const char *const fields[] = { "key", "name", "description", "indicators" };
	char sub[PATH_MAX_LEN], item[PATH_MAX_LEN];
	json_t *ind;

	if (!expect_object(p, v, path, fields, sizeof fields / sizeof fields[0]) ||
	    !field_key(p, v, path, "key", true, c->key) ||
	    !field_text2(p, v, path, "name", true, c->name[0], sizeof c->name[0]) ||
	    !field_text2(p, v, path, "description", true, c->description[0], sizeof c->description[0]) ||
	    !field_array(p, v, path, "indicators", true, 1, TEMPLATE_MAX_INDICATORS, &ind))
		return false;
	path_field(sub, path, "indicators");
	for (size_t i = 0; i < json_array_size(ind); i++) {
		json_t *one = json_array_get(ind, i);

		path_index(item, sub, i);
		if (!expect_object(p, one, item, LANG_CODES, TEMPLATE_LANGS))
			return false;
		for (int l = 0; l < TEMPLATE_LANGS; l++) {
			char lang_path[PATH_MAX_LEN];
			json_t *s;

			if (!get_field(p, one, item, LANG_CODES[l], true, &s))
				return false;
			path_field(lang_path, item, LANG_CODES[l]);
			if (!take_text(p, s, lang_path, c->indicators[l][i], sizeof c->indicators[l][i]))
				return false;
		}
	}
	c->nindicators = json_array_size(ind);
	return true;
}

static bool has_competency(const struct role_template *t, const char *key)
{
	for (size_t i = 0; i < t->ncompetencies; i++)
		if (strcmp(t->competencies[i].key, key) == 0)
			return true;
	return false;
}

static bool parse_requirement(struct parse *p, const json_t *v, const char *path, const struct role_template *t,
			      struct template_requirement *r)
{
	static const char *const fields[] = { "kind", "tier", "title", "detail", "years_min", "years_max",
					      "language", "level", "technical", "revenue_amount", "competency" };
	char sub[PATH_MAX_LEN];
	long long years_min = 0, years_max = 0, revenue = 0;
	json_t *tech, *lang;

	if (!expect_object(p, v, path, fields, sizeof fields / sizeof fields[0]) ||
	    !field_code(p, v, path, "kind", true, "requirement kind", parse_kind, &r->kind) ||
	    !field_code(p, v, path, "tier", true, "tier", parse_tier, &r->tier) ||
	    !field_text2(p, v, path, "title", true, r->title[0], sizeof r->title[0]) ||
	    !field_text2(p, v, path, "detail", false, r->detail[0], sizeof r->detail[0]) ||
	    !field_int(p, v, path, "years_min", false, 0, TEMPLATE_MAX_YEARS, &years_min) ||
	    !field_int(p, v, path, "years_max", false, 0, TEMPLATE_MAX_YEARS, &years_max) ||
	    !field_text2(p, v, path, "language", false, r->language[0], sizeof r->language[0]) ||
	    !field_code(p, v, path, "level", false, "CEFR level", parse_level, &r->level) ||
	    !field_int(p, v, path, "revenue_amount", false, 0, INT64_MAX, &revenue) ||
	    !field_key(p, v, path, "competency", false, r->competency) ||
	    !get_field(p, v, path, "technical", false, &tech) || !get_field(p, v, path, "language", false, &lang))
		return false;
	if (tech != NULL && !json_is_boolean(tech)) {
		path_field(sub, path, "technical");
		return fail(p, sub, "expected true or false, got %s", value_type_name(tech));
	}
	r->technical = json_is_true(tech);
	r->years_min = (int)years_min;
	r->years_max = (int)years_max;
	r->revenue_amount = revenue;

	if (r->kind != REQ_EXPERIENCE && (years_min != 0 || years_max != 0)) {
		path_field(sub, path, years_min != 0 ? "years_min" : "years_max");
		return fail(p, sub, "years are only allowed on requirements of kind 'experience'");
	}
	if (years_max != 0 && years_min > years_max) {
		path_field(sub, path, "years_min");
		return fail(p, sub, "%lld is greater than years_max %lld", years_min, years_max);
	}
	if (r->kind == REQ_LANGUAGE) {
		if (lang == NULL) {
			path_field(sub, path, "language");
			return fail(p, sub, "missing (required for kind 'language')");
		}
		if (r->level == CEFR_NONE) {
			path_field(sub, path, "level");
			return fail(p, sub, "a CEFR level A1 to C2 is required for kind 'language'");
		}
	} else if (lang != NULL || r->level != CEFR_NONE) {
		path_field(sub, path, lang != NULL ? "language" : "level");
		return fail(p, sub, "only allowed on requirements of kind 'language'");
	}
	if (r->competency[0] && !has_competency(t, r->competency)) {
		path_field(sub, path, "competency");
		return fail(p, sub, "no competency with key '%s' in this template", r->competency);
	}
	return true;
}

/* Nesting depth of v, counting v itself; stops counting past limit. */
static int nesting_depth(const json_t *v, int limit)
{
	int deepest = 0;
	size_t i;
	const char *k;
	json_t *child;

	if (limit <= 0)
		return 1;
	if (json_is_array(v)) {
		json_array_foreach((json_t *)v, i, child) {
			int d = nesting_depth(child, limit - 1);
			if (d > deepest)
				deepest = d;
		}
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, k, child) {
			int d = nesting_depth(child, limit - 1);
			if (d > deepest)
				deepest = d;
		}
	}
	return deepest + 1;
}

static const char *const SLOT_NAMES[] = { "questions", "exercises", "onboarding" };
#define NSLOTS (sizeof SLOT_NAMES / sizeof SLOT_NAMES[0])

/* json_dumps fails only when memory runs out; treat it like xmalloc does. */
static char *dump_or_abort(const json_t *v, size_t flags)
{
	char *s = json_dumps(v, flags);

	if (s == NULL) {
		fputs("stellwerk: out of memory while writing JSON\n", stderr);
		abort();
	}
	return s;
}

/* questions/exercises/onboarding: arrays of anything not nested too deeply,
 * kept as compact JSON for the steps that fill them. */
static bool parse_slots(struct parse *p, const json_t *root, struct role_template *t)
{
	json_t *slots = json_object();
	bool ok = true;

	for (size_t s = 0; s < NSLOTS && ok; s++) {
		json_t *arr;
		size_t i;
		json_t *item;

		ok = field_array(p, root, "", SLOT_NAMES[s], false, 0, SIZE_MAX, &arr);
		if (!ok)
			break;
		json_array_foreach(arr, i, item) {
			if (nesting_depth(item, TEMPLATE_SLOT_MAX_DEPTH) > TEMPLATE_SLOT_MAX_DEPTH) {
				char sub[PATH_MAX_LEN];

				path_index(sub, SLOT_NAMES[s], i);
				ok = fail(p, sub, "nested more than %d levels deep", TEMPLATE_SLOT_MAX_DEPTH);
				break;
			}
		}
		if (ok)
			json_object_set_new(slots, SLOT_NAMES[s], arr ? json_incref(arr) : json_array());
	}
	if (ok)
		t->slots_json = dump_or_abort(slots, JSON_COMPACT);
	json_decref(slots);
	return ok;
}

static bool parse_root(struct parse *p, const json_t *root, struct role_template *t)
{
	static const char *const fields[] = { "key", "version", "name", "summary", "usual_experience_years",
					      "competencies", "requirements", "challenges", "questions",
					      "exercises", "onboarding" };
	char sub[PATH_MAX_LEN];
	long long version = 0, ymin = 0, ymax = 0;
	json_t *years, *comps, *reqs;

	if (!json_is_object(root))
		return fail(p, "", "expected a JSON object, got %s", value_type_name(root));
	if (!expect_object(p, root, "", fields, sizeof fields / sizeof fields[0]) ||
	    !field_key(p, root, "", "key", true, t->key) ||
	    !field_int(p, root, "", "version", true, 1, 1000000, &version) ||
	    !field_text2(p, root, "", "name", true, t->name[0], sizeof t->name[0]) ||
	    !field_text2(p, root, "", "summary", true, t->summary[0], sizeof t->summary[0]) ||
	    !field_array(p, root, "", "usual_experience_years", true, 2, 2, &years))
		return false;
	t->version = (int)version;
	if (!take_int(p, json_array_get(years, 0), "usual_experience_years[0]", 0, TEMPLATE_MAX_YEARS, &ymin) ||
	    !take_int(p, json_array_get(years, 1), "usual_experience_years[1]", 1, TEMPLATE_MAX_YEARS, &ymax))
		return false;
	if (ymin > ymax)
		return fail(p, "usual_experience_years", "%lld is greater than %lld", ymin, ymax);
	t->usual_years_min = (int)ymin;
	t->usual_years_max = (int)ymax;

	if (!field_array(p, root, "", "competencies", true, 1, TEMPLATE_MAX_COMPETENCIES, &comps))
		return false;
	t->competencies = xcalloc(json_array_size(comps), sizeof *t->competencies);
	for (size_t i = 0; i < json_array_size(comps); i++) {
		struct template_competency *c = &t->competencies[i];

		path_index(sub, "competencies", i);
		if (!parse_competency(p, json_array_get(comps, i), sub, c))
			return false;
		if (has_competency(t, c->key)) {
			char key_path[PATH_MAX_LEN];

			path_field(key_path, sub, "key");
			return fail(p, key_path, "duplicate competency key '%s'", c->key);
		}
		t->ncompetencies = i + 1;
	}

	if (!field_array(p, root, "", "requirements", true, 0, TEMPLATE_MAX_REQUIREMENTS, &reqs))
		return false;
	t->requirements = xcalloc(json_array_size(reqs) ? json_array_size(reqs) : 1, sizeof *t->requirements);
	for (size_t i = 0; i < json_array_size(reqs); i++) {
		path_index(sub, "requirements", i);
		if (!parse_requirement(p, json_array_get(reqs, i), sub, t, &t->requirements[i]))
			return false;
		t->nrequirements = i + 1;
	}

	if (!field_text2(p, root, "", "challenges", true, t->challenges[0], sizeof t->challenges[0]))
		return false;
	return parse_slots(p, root, t);
}

bool role_template_parse(const char *json, size_t len, struct role_template *out, char *err, size_t errlen)
{
	struct parse p = { err, errlen };
	json_error_t jerr;
	json_t *root = NULL;
	bool ok = false;

	memset(out, 0, sizeof *out);
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (json == NULL || len == 0) {
		fail(&p, "", "empty document");
		goto cleanup;
	}
	if (len > TEMPLATE_MAX_JSON_BYTES) {
		fail(&p, "", "too large (%zu bytes, at most %d)", len, TEMPLATE_MAX_JSON_BYTES);
		goto cleanup;
	}
	root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		char where[PATH_MAX_LEN];

		if (snprintf(where, sizeof where, "line %d, column %d", jerr.line, jerr.column) < 0)
			where[0] = '\0';
		fail(&p, where, "invalid JSON: %s", jerr.text);
		goto cleanup;
	}
	ok = parse_root(&p, root, out);
cleanup:
	json_decref(root);
	if (!ok)
		role_template_free(out);
	return ok;
}

void role_template_free(struct role_template *t)
{
	free(t->competencies);
	free(t->requirements);
	free(t->slots_json);
	memset(t, 0, sizeof *t);
}

/* Copies a NUL-terminated src into dst[n]; src always fits because both
 * sides use the same buffer sizes, the bound is a safety net. */
static void copy_text(char *dst, size_t n, const char *src)
{
	size_t len = strnlen(src, n - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

struct requirement role_template_requirement(const struct template_requirement *tr, int lang)
{
	struct requirement r;
	int l = lang == TEMPLATE_EN ? TEMPLATE_EN : TEMPLATE_DE;

	memset(&r, 0, sizeof r);
	r.kind = tr->kind;
	r.tier = tr->tier;
	copy_text(r.title, sizeof r.title, tr->title[l]);
	copy_text(r.detail, sizeof r.detail, tr->detail[l]);
	r.years_min = tr->years_min;
	r.years_max = tr->years_max;
	copy_text(r.language, sizeof r.language, tr->language[l]);
	r.level = tr->level;
	r.technical = tr->technical;
	r.revenue_amount = tr->revenue_amount;
	copy_text(r.competency_key, sizeof r.competency_key, tr->competency);
	return r;
}

/* --- writing ----------------------------------------------------------------
 * Each helper adds one field to an object and clears *ok when the value
 * cannot be represented (invalid UTF-8, a code out of range). */

static void put(json_t *obj, const char *field, json_t *v, bool *ok)
{
	if (v == NULL) {
		*ok = false;
		return;
	}
	json_object_set_new(obj, field, v);
}

/* A string from a fixed-size buffer that might lack its terminator. */
static json_t *text_value(const char *s, size_t cap)
{
	return json_stringn(s, strnlen(s, cap));
}

static json_t *text2_value(const char *texts, size_t cap)
{
	json_t *o = json_object();

	for (int l = 0; l < TEMPLATE_LANGS; l++) {
		json_t *s = text_value(texts + (size_t)l * cap, cap);

		if (s == NULL) {
			json_decref(o);
			return NULL;
		}
		json_object_set_new(o, LANG_CODES[l], s);
	}
	return o;
}

static json_t *competency_value(const struct template_competency *c, bool *ok)
{
	json_t *o = json_object(), *ind = json_array();
	size_t n = c->nindicators <= TEMPLATE_MAX_INDICATORS ? c->nindicators : TEMPLATE_MAX_INDICATORS;

	put(o, "key", text_value(c->key, sizeof c->key), ok);
	put(o, "name", text2_value(c->name[0], sizeof c->name[0]), ok);
	put(o, "description", text2_value(c->description[0], sizeof c->description[0]), ok);
	for (size_t i = 0; i < n; i++) {
		json_t *one = json_object();

		for (int l = 0; l < TEMPLATE_LANGS; l++)
			put(one, LANG_CODES[l], text_value(c->indicators[l][i], sizeof c->indicators[l][i]), ok);
		json_array_append_new(ind, one);
	}
	if (n != c->nindicators)
		*ok = false;
	put(o, "indicators", ind, ok);
	return o;
}

static json_t *requirement_value(const struct template_requirement *r, bool *ok)
{
	json_t *o = json_object();

	if ((unsigned)r->kind >= REQ_KIND__COUNT || (unsigned)r->tier >= TIER__COUNT ||
	    (unsigned)r->level >= CEFR__COUNT) {
		*ok = false;
		return o;
	}
	put(o, "kind", json_string(requirement_kind_code(r->kind)), ok);
	put(o, "tier", json_string(tier_code(r->tier)), ok);
	put(o, "title", text2_value(r->title[0], sizeof r->title[0]), ok);
	if (r->detail[TEMPLATE_DE][0] || r->detail[TEMPLATE_EN][0])
		put(o, "detail", text2_value(r->detail[0], sizeof r->detail[0]), ok);
	if (r->years_min != 0 || r->years_max != 0) {
		put(o, "years_min", json_integer(r->years_min), ok);
		put(o, "years_max", json_integer(r->years_max), ok);
	}
	if (r->language[TEMPLATE_DE][0] || r->language[TEMPLATE_EN][0])
		put(o, "language", text2_value(r->language[0], sizeof r->language[0]), ok);
	if (r->level != CEFR_NONE)
		put(o, "level", json_string(cefr_code(r->level)), ok);
	if (r->technical)
		put(o, "technical", json_true(), ok);
	if (r->revenue_amount != 0)
		put(o, "revenue_amount", json_integer(r->revenue_amount), ok);
	if (r->competency[0])
		put(o, "competency", text_value(r->competency, sizeof r->competency), ok);
	return o;
}

char *role_template_to_json(const struct role_template *t)
{
	json_t *root = json_object(), *arr, *slots = NULL;
	bool ok = true;
	char *out = NULL;

	put(root, "key", text_value(t->key, sizeof t->key), &ok);
	put(root, "version", json_integer(t->version), &ok);
	put(root, "name", text2_value(t->name[0], sizeof t->name[0]), &ok);
	put(root, "summary", text2_value(t->summary[0], sizeof t->summary[0]), &ok);
	put(root, "usual_experience_years", json_pack("[i,i]", t->usual_years_min, t->usual_years_max), &ok);

	arr = json_array();
	for (size_t i = 0; i < t->ncompetencies; i++)
		json_array_append_new(arr, competency_value(&t->competencies[i], &ok));
	put(root, "competencies", arr, &ok);

	arr = json_array();
	for (size_t i = 0; i < t->nrequirements; i++)
		json_array_append_new(arr, requirement_value(&t->requirements[i], &ok));
	put(root, "requirements", arr, &ok);

	put(root, "challenges", text2_value(t->challenges[0], sizeof t->challenges[0]), &ok);

	if (t->slots_json != NULL) {
		slots = json_loads(t->slots_json, JSON_REJECT_DUPLICATES, NULL);
		if (!json_is_object(slots))
			ok = false;
	}
	for (size_t s = 0; s < NSLOTS; s++) {
		json_t *v = slots ? json_object_get(slots, SLOT_NAMES[s]) : NULL;

		if (v != NULL && !json_is_array(v))
			ok = false;
		put(root, SLOT_NAMES[s], v ? json_incref(v) : json_array(), &ok);
	}

	if (ok)
		out = dump_or_abort(root, JSON_INDENT(2));
	json_decref(slots);
	json_decref(root);
	return out;
}
