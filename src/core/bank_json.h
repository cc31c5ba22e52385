/*
 * bank_json.h — strict JSON reading shared by the data files parsed in
 * core: the question bank (question_bank.c), the exercise library
 * (exercises.c) and the onboarding plans of the role templates
 * (onboarding.c). Every error
 * names the JSON path of the offending value, e.g.
 * "questions[3](kam.rel.02).text.en: must not be empty", and no text is
 * ever truncated. No I/O.
 */
#ifndef STELLWERK_CORE_BANK_JSON_H
#define STELLWERK_CORE_BANK_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define BANK_PATH_MAX 160
#define BANK_MAX_JSON_BYTES (1024 * 1024)

/* Where the first error goes (err may be NULL). */
struct bank_parse {
	char *err;
	size_t errlen;
};

/* Writes "PATH: message" into the error buffer; always returns false. */
bool bank_fail(struct bank_parse *p, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Loads a document; on a syntax error reports line and column and returns
 * NULL. The caller json_decref()s the result. */
json_t *bank_load(struct bank_parse *p, const char *json, size_t len);

/* dst = "base.field" / "base[i]" / "base(key)", cut at BANK_PATH_MAX. */
void bank_path_field(char *dst, const char *base, const char *field);
void bank_path_index(char *dst, const char *base, size_t i);
void bank_path_key(char *dst, const char *base, const char *key);

/* v must be an object whose field names all appear in allowed[0..n). */
bool bank_expect_object(struct bank_parse *p, const json_t *v, const char *path, const char *const *allowed,
			size_t n);
/* Field `field` of obj; missing and required is an error, missing and
 * optional gives *out = NULL. */
bool bank_get(struct bank_parse *p, const json_t *obj, const char *path, const char *field, bool required,
	      json_t **out);
/* A non-blank string without control characters (newline, tab allowed)
 * that fits dst[cap]. */
bool bank_take_text(struct bank_parse *p, const json_t *v, const char *path, char *dst, size_t cap);
/* {"de": …, "en": …}; dst is a char[2][cap] array. */
bool bank_take_text2(struct bank_parse *p, const json_t *v, const char *path, char *dst, size_t cap);
bool bank_field_text2(struct bank_parse *p, const json_t *obj, const char *path, const char *field, char *dst,
		      size_t cap);
bool bank_field_int(struct bank_parse *p, const json_t *obj, const char *path, const char *field, long long min,
		    long long max, long long *out);
/* A required array field with min..max elements. */
bool bank_field_array(struct bank_parse *p, const json_t *obj, const char *path, const char *field, size_t min,
		      size_t max, json_t **out);
/* A required string field matching ^[a-z][a-z0-9_.]*[a-z0-9]$ (dots allowed
 * when dotted), 2..cap-1 bytes, copied into dst[cap]. */
bool bank_field_key(struct bank_parse *p, const json_t *obj, const char *path, const char *field, bool dotted,
		    char *dst, size_t cap);
/* The same check without JSON. */
bool bank_key_valid(const char *s, bool dotted, size_t cap);

#endif
