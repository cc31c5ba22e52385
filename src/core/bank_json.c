/*
 * bank_json.c — strict JSON reading for the question bank and the exercise
 * library; see bank_json.h. Modelled on the template parser in
 * role_template.c: unknown fields, wrong types, blank or over-long texts
 * are errors with their JSON path.
 */
#include "core/bank_json.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define QUOTE_MAX_BYTES 40

bool bank_fail(struct bank_parse *p, const char *path, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (p->err == NULL || p->errlen == 0)
		return false;
	n = snprintf(p->err, p->errlen, "%s: ", path[0] ? path : "document");
	if (n >= 0 && (size_t)n < p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return false;
}

/* At most QUOTE_MAX_BYTES of s, cut at a UTF-8 boundary, control
 * characters and quotes replaced by '?', a cut marked with "…". */
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
		memcpy(dst + o, "\xE2\x80\xA6", 3);
		o += 3;
	}
	dst[o < n ? o : n - 1] = '\0';
}

json_t *bank_load(struct bank_parse *p, const char *json, size_t len)
{
	json_error_t jerr;
	json_t *root;
	char where[BANK_PATH_MAX];

	if (json == NULL || len == 0) {
		bank_fail(p, "", "empty document");
		return NULL;
	}
	if (len > BANK_MAX_JSON_BYTES) {
		bank_fail(p, "", "too large (%zu bytes, at most %d)", len, BANK_MAX_JSON_BYTES);
		return NULL;
	}
	root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		if (snprintf(where, sizeof where, "line %d, column %d", jerr.line, jerr.column) < 0)
			where[0] = '\0';
		bank_fail(p, where, "invalid JSON: %s", jerr.text);
	}
	return root;
}

void bank_path_field(char *dst, const char *base, const char *field)
{
	char q[QUOTE_MAX_BYTES + 8];

	quote_for_message(q, sizeof q, field);
	if (snprintf(dst, BANK_PATH_MAX, base[0] ? "%s.%s" : "%s%s", base, q) < 0)
		dst[0] = '\0';
}

void bank_path_index(char *dst, const char *base, size_t i)
{
	if (snprintf(dst, BANK_PATH_MAX, "%s[%zu]", base, i) < 0)
		dst[0] = '\0';
}

void bank_path_key(char *dst, const char *base, const char *key)
{
	char q[QUOTE_MAX_BYTES + 8];

	quote_for_message(q, sizeof q, key);
	if (snprintf(dst, BANK_PATH_MAX, "%s(%s)", base, q) < 0)
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

bool bank_expect_object(struct bank_parse *p, const json_t *v, const char *path, const char *const *allowed,
			size_t n)
{
	const char *k;
	json_t *field;
	char sub[BANK_PATH_MAX];

	if (!json_is_object(v))
		return bank_fail(p, path, "expected an object, got %s", value_type_name(v));
	json_object_foreach((json_t *)v, k, field) {
		bool known = false;

		for (size_t i = 0; i < n && !known; i++)
			known = strcmp(k, allowed[i]) == 0;
		if (!known) {
			bank_path_field(sub, path, k);
			return bank_fail(p, sub, "unknown field");
		}
	}
	return true;
}

bool bank_get(struct bank_parse *p, const json_t *obj, const char *path, const char *field, bool required,
	      json_t **out)
{
	char sub[BANK_PATH_MAX];

	*out = json_object_get(obj, field);
	if (*out == NULL && required) {
		bank_path_field(sub, path, field);
		return bank_fail(p, sub, "missing");
	}
	return true;
}

bool bank_take_text(struct bank_parse *p, const json_t *v, const char *path, char *dst, size_t cap)
{
	const char *s;
	size_t len;
	bool blank = true;

	if (!json_is_string(v))
		return bank_fail(p, path, "expected a string, got %s", value_type_name(v));
	s = json_string_value(v);
	len = json_string_length(v);
	if (len >= cap)
		return bank_fail(p, path, "too long (%zu bytes, at most %zu)", len, cap - 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return bank_fail(p, path, "contains a control character");
		if (c != ' ' && c != '\n' && c != '\t')
			blank = false;
	}
	if (blank)
		return bank_fail(p, path, "must not be empty");
	memcpy(dst, s, len);
	dst[len] = '\0';
	return true;
}

bool bank_take_text2(struct bank_parse *p, const json_t *v, const char *path, char *dst, size_t cap)
{
	static const char *const langs[] = { "de", "en" };
	char sub[BANK_PATH_MAX];

	if (!bank_expect_object(p, v, path, langs, 2))
		return false;
	for (size_t l = 0; l < 2; l++) {
		json_t *s;

		if (!bank_get(p, v, path, langs[l], true, &s))
			return false;
		bank_path_field(sub, path, langs[l]);
		if (!bank_take_text(p, s, sub, dst + l * cap, cap))
			return false;
	}
	return true;
}

bool bank_field_text2(struct bank_parse *p, const json_t *obj, const char *path, const char *field, char *dst,
		      size_t cap)
{
	char sub[BANK_PATH_MAX];
	json_t *v;

	if (!bank_get(p, obj, path, field, true, &v))
		return false;
	bank_path_field(sub, path, field);
	return bank_take_text2(p, v, sub, dst, cap);
}

bool bank_field_int(struct bank_parse *p, const json_t *obj, const char *path, const char *field, long long min,
		    long long max, long long *out)
{
	char sub[BANK_PATH_MAX];
	json_t *v;
	long long n;

	if (!bank_get(p, obj, path, field, true, &v))
		return false;
	bank_path_field(sub, path, field);
	if (!json_is_integer(v))
		return bank_fail(p, sub, "expected an integer, got %s", value_type_name(v));
	n = json_integer_value(v);
	if (n < min || n > max)
		return bank_fail(p, sub, "%lld is out of range (%lld to %lld)", n, min, max);
	*out = n;
	return true;
}

bool bank_field_array(struct bank_parse *p, const json_t *obj, const char *path, const char *field, size_t min,
		      size_t max, json_t **out)
{
	char sub[BANK_PATH_MAX];

	if (!bank_get(p, obj, path, field, true, out))
		return false;
	bank_path_field(sub, path, field);
	if (!json_is_array(*out))
		return bank_fail(p, sub, "expected an array, got %s", value_type_name(*out));
	if (json_array_size(*out) < min || json_array_size(*out) > max)
		return bank_fail(p, sub, "has %zu entries, expected %zu to %zu", json_array_size(*out), min, max);
	return true;
}

bool bank_key_valid(const char *s, bool dotted, size_t cap)
{
	size_t len = strlen(s);

	if (len < 2 || len > cap - 1 || s[0] < 'a' || s[0] > 'z' || s[len - 1] == '.')
		return false;
	for (size_t i = 1; i < len; i++) {
		char c = s[i];

		if (c == '.' && dotted && s[i - 1] != '.')
			continue;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

bool bank_field_key(struct bank_parse *p, const json_t *obj, const char *path, const char *field, bool dotted,
		    char *dst, size_t cap)
{
	char sub[BANK_PATH_MAX], q[QUOTE_MAX_BYTES + 8];
	json_t *v;

	if (!bank_get(p, obj, path, field, true, &v))
		return false;
	bank_path_field(sub, path, field);
	if (!json_is_string(v))
		return bank_fail(p, sub, "expected a string, got %s", value_type_name(v));
	if (!bank_key_valid(json_string_value(v), dotted, cap)) {
		quote_for_message(q, sizeof q, json_string_value(v));
		return bank_fail(p, sub, "'%s' is not a valid key (2 to %zu characters a-z, 0-9, _%s, starting with a letter)",
				 q, cap - 1, dotted ? " and ." : "");
	}
	memcpy(dst, json_string_value(v), strlen(json_string_value(v)) + 1);
	return true;
}
