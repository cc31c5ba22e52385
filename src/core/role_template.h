/*
 * role_template.h — role templates (Rollenbild, R-ROLE-1..2): the
 * competencies of a role with descriptions and behavioural indicators, the
 * requirements suggested per tier, and the role's typical difficulties, in
 * German and English side by side.
 *
 * Templates are data. The built-in ones live in data/templates/<key>.json
 * (schema: data/templates/README.md) and are embedded into the binary; admins
 * copy and edit them, and the copies are stored as the same JSON. This module
 * turns such JSON into structs and back. It does no I/O: the caller hands in
 * the text (embedded_find(), a database row, a request body).
 */
#ifndef STELLWERK_CORE_ROLE_TEMPLATE_H
#define STELLWERK_CORE_ROLE_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/profile.h"

/* Index of the text arrays below: every text exists in both languages. */
enum { TEMPLATE_DE = 0, TEMPLATE_EN = 1, TEMPLATE_LANGS = 2 };

#define TEMPLATE_KEY_MAX 48              /* buffer size; keys are 2..47 bytes */
#define TEMPLATE_MAX_INDICATORS 8
#define TEMPLATE_MAX_COMPETENCIES 32
#define TEMPLATE_MAX_REQUIREMENTS 64
#define TEMPLATE_MAX_YEARS 50            /* any experience figure above is an error */
#define TEMPLATE_MAX_JSON_BYTES (512 * 1024)
#define TEMPLATE_SLOT_MAX_DEPTH 16       /* nesting allowed inside questions/exercises/onboarding */

/* Where the built-in templates live inside the embedded file table. */
#define TEMPLATE_DATA_DIR "data/templates/"

struct template_competency {
	char key[TEMPLATE_KEY_MAX];      /* e.g. "relationship_management" */
	char name[TEMPLATE_LANGS][120];
	char description[TEMPLATE_LANGS][600];
	char indicators[TEMPLATE_LANGS][TEMPLATE_MAX_INDICATORS][240];
	size_t nindicators;              /* 1..8, the same count in both languages */
};

/* A suggested requirement; role_template_requirement() turns it into the
 * profile's struct requirement in one language. */
struct template_requirement {
	enum requirement_kind kind;
	enum tier tier;
	char title[TEMPLATE_LANGS][200];
	char detail[TEMPLATE_LANGS][600];        /* may be "" */
	int years_min;                           /* REQ_EXPERIENCE only; 0 = not set */
	int years_max;                           /* REQ_EXPERIENCE only; 0 = open-ended */
	char language[TEMPLATE_LANGS][48];       /* REQ_LANGUAGE only, e.g. "Englisch"/"English" */
	enum cefr level;                         /* REQ_LANGUAGE only, never CEFR_NONE there */
	bool technical;
	int64_t revenue_amount;                  /* >= 0, currency units */
	char competency[TEMPLATE_KEY_MAX];       /* key of a competency of the same template, or "" */
};

struct role_template {
	char key[TEMPLATE_KEY_MAX];
	int version;                             /* >= 1 */
	char name[TEMPLATE_LANGS][120];
	char summary[TEMPLATE_LANGS][600];
	int usual_years_min, usual_years_max;    /* usual experience range of the role */
	struct template_competency *competencies;
	size_t ncompetencies;
	struct template_requirement *requirements;
	size_t nrequirements;
	char challenges[TEMPLATE_LANGS][2000];   /* typical difficulties, a starting text (R-PROF-8) */
	/* {"questions":[…],"exercises":[…],"onboarding":[…]} as compact JSON,
	 * kept verbatim for the steps that define those slots. */
	char *slots_json;
};

/* The keys of the built-in templates, in display order: "kam", "bdm", "hoe". */
extern const char *const BUILTIN_TEMPLATE_KEYS[];
size_t builtin_template_count(void);

/*
 * Parse and validate a template. json need not be NUL-terminated. On success
 * fills *out (release it with role_template_free) and returns true. On bad
 * input returns false, leaves *out empty (nothing to free) and writes an
 * English message into err that starts with the JSON path of the offending
 * value, e.g. "requirements[3].tier: unknown tier 'mandatory'"; syntax errors
 * name line and column instead. err may be NULL.
 *
 * Checked: the document is an object with exactly the known fields; all texts
 * exist in "de" and "en", are not blank, contain no control characters other
 * than newline and tab, and fit their buffers; keys match ^[a-z][a-z0-9_]{1,46}$
 * and competency keys are unique; kinds, tiers and CEFR levels are known
 * codes; year ranges are ordered and within 0..TEMPLATE_MAX_YEARS; years only
 * on experience, language and level only (and always) on language
 * requirements; a requirement's competency names a competency of the
 * template; questions/exercises/onboarding are arrays.
 */
bool role_template_parse(const char *json, size_t len, struct role_template *out, char *err, size_t errlen);

/* Frees what role_template_parse allocated and empties *t. Safe on an empty
 * or already freed template. */
void role_template_free(struct role_template *t);

/* The requirement in one language (TEMPLATE_DE or TEMPLATE_EN; anything else
 * counts as German), ready to be added to a profile: id 0, no goals linked,
 * competency_key = tr->competency. */
struct requirement role_template_requirement(const struct template_requirement *tr, int lang);

/*
 * The template as indented JSON in the schema role_template_parse reads;
 * parsing the result gives back the same struct. The caller frees the
 * string. Returns NULL when the struct holds something that cannot be
 * written: text that is not valid UTF-8, a kind, tier or level out of range,
 * or slots_json that is not a JSON object. No other validation happens here;
 * parse the result before storing an edited copy.
 */
char *role_template_to_json(const struct role_template *t);

#endif
