/*
 * exercises.c — the sales exercise library from JSON and lookups; see
 * exercises.h. Strict like the question bank: every error names the
 * exercise's key and the field.
 */
#include "core/exercises.h"

#include <stdlib.h>
#include <string.h>

#include "core/bank_json.h"
#include "core/code_table.h"
#include "core/i18n_mark.h"
#include "util/xalloc.h"

static const char *const kind_codes[EXERCISE_KIND__COUNT] = { "role_play", "case_study", "presentation",
							       "negotiation", "interview" };
static const char *const kind_labels[EXERCISE_KIND__COUNT] = { N_("Role play"), N_("Case study"),
								N_("Presentation"), N_("Negotiation"),
								N_("Structured interview") };

const char *exercise_kind_code(enum exercise_kind k)
{
	return (unsigned)k < EXERCISE_KIND__COUNT ? kind_codes[k] : "unknown";
}

const char *exercise_kind_label(enum exercise_kind k)
{
	return (unsigned)k < EXERCISE_KIND__COUNT ? kind_labels[k] : N_("Unknown");
}

bool exercise_kind_parse(const char *code, enum exercise_kind *out)
{
	int i = code_table_index(kind_codes, EXERCISE_KIND__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum exercise_kind)i;
	return true;
}

static bool parse_observe(struct bank_parse *p, const json_t *x, const char *path, struct exercise *e)
{
	char sub[BANK_PATH_MAX], item[BANK_PATH_MAX];
	json_t *arr;

	if (!bank_field_array(p, x, path, "observe", 1, EXERCISE_MAX_OBSERVE, &arr))
		return false;
	bank_path_field(sub, path, "observe");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		char pair[TEMPLATE_LANGS][EXERCISE_OBSERVE_MAX];

		bank_path_index(item, sub, i);
		if (!bank_take_text2(p, json_array_get(arr, i), item, pair[0], sizeof pair[0]))
			return false;
		for (int l = 0; l < TEMPLATE_LANGS; l++)
			memcpy(e->observe[l][i], pair[l], sizeof pair[l]);
	}
	e->nobserve = json_array_size(arr);
	return true;
}

static bool parse_rubric(struct bank_parse *p, const json_t *x, const char *path, struct exercise *e)
{
	static const char *const anchors[EXERCISE_ANCHORS] = { "1", "2", "3", "4" };
	char sub[BANK_PATH_MAX], item[BANK_PATH_MAX];
	json_t *r;

	if (!bank_get(p, x, path, "rubric", true, &r))
		return false;
	bank_path_field(sub, path, "rubric");
	if (!bank_expect_object(p, r, sub, anchors, EXERCISE_ANCHORS))
		return false;
	if (json_object_size(r) != EXERCISE_ANCHORS)
		return bank_fail(p, sub, "expected exactly %d anchors \"1\" to \"4\", got %zu", EXERCISE_ANCHORS,
				 json_object_size(r));
	for (size_t a = 0; a < EXERCISE_ANCHORS; a++) {
		bank_path_field(item, sub, anchors[a]);
		if (!bank_take_text2(p, json_object_get(r, anchors[a]), item, e->rubric[a][0], sizeof e->rubric[a][0]))
			return false;
	}
	return true;
}

static bool parse_competencies(struct bank_parse *p, const json_t *x, const char *path, struct exercise *e)
{
	char sub[BANK_PATH_MAX], item[BANK_PATH_MAX];
	json_t *arr;

	if (!bank_field_array(p, x, path, "competencies", 1, EXERCISE_MAX_COMPETENCIES, &arr))
		return false;
	bank_path_field(sub, path, "competencies");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *v = json_array_get(arr, i);

		bank_path_index(item, sub, i);
		if (!json_is_string(v) || !bank_key_valid(json_string_value(v), false, TEMPLATE_KEY_MAX))
			return bank_fail(p, item, "expected a competency key (a-z, 0-9 and _)");
		if (exercise_evidences(e, json_string_value(v)))
			return bank_fail(p, item, "duplicate competency '%s'", json_string_value(v));
		memcpy(e->competencies[i], json_string_value(v), strlen(json_string_value(v)) + 1);
		e->ncompetencies = i + 1;
	}
	return true;
}

static bool parse_exercise(struct bank_parse *p, const json_t *x, const char *index_path, struct exercise *e)
{
	static const char *const fields[] = { "key", "name", "kind", "duration_minutes", "scenario",
					      "instructions", "observe", "rubric", "competencies" };
	char path[BANK_PATH_MAX], sub[BANK_PATH_MAX];
	long long minutes = 0;
	json_t *v;

	if (!json_is_object(x))
		return bank_expect_object(p, x, index_path, fields, 0);
	if (!bank_field_key(p, x, index_path, "key", true, e->key, sizeof e->key))
		return false;
	bank_path_key(path, index_path, e->key);
	if (!bank_expect_object(p, x, path, fields, sizeof fields / sizeof fields[0]) ||
	    !bank_field_text2(p, x, path, "name", e->name[0], sizeof e->name[0]) ||
	    !bank_get(p, x, path, "kind", true, &v))
		return false;
	bank_path_field(sub, path, "kind");
	if (!json_is_string(v) || !exercise_kind_parse(json_string_value(v), &e->kind))
		return bank_fail(p, sub,
				 "unknown kind (expected role_play, case_study, presentation, negotiation or interview)");
	if (!bank_field_int(p, x, path, "duration_minutes", 5, 180, &minutes))
		return false;
	e->duration_minutes = (int)minutes;
	return bank_field_text2(p, x, path, "scenario", e->scenario[0], sizeof e->scenario[0]) &&
	       bank_field_text2(p, x, path, "instructions", e->instructions[0], sizeof e->instructions[0]) &&
	       parse_observe(p, x, path, e) && parse_rubric(p, x, path, e) && parse_competencies(p, x, path, e);
}

static bool parse_root(struct bank_parse *p, const json_t *root, struct exercise_library *lib)
{
	static const char *const fields[] = { "version", "exercises" };
	char path[BANK_PATH_MAX], keyed[BANK_PATH_MAX], sub[BANK_PATH_MAX];
	long long version = 0;
	json_t *arr;

	if (!bank_expect_object(p, root, "", fields, sizeof fields / sizeof fields[0]) ||
	    !bank_field_int(p, root, "", "version", 1, 1000000, &version) ||
	    !bank_field_array(p, root, "", "exercises", 1, EXERCISE_LIBRARY_MAX, &arr))
		return false;
	lib->version = (int)version;
	lib->exercises = xcalloc(json_array_size(arr), sizeof *lib->exercises);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		struct exercise *e = &lib->exercises[i];
		const struct exercise *dup;

		bank_path_index(path, "exercises", i);
		if (!parse_exercise(p, json_array_get(arr, i), path, e))
			return false;
		dup = exercise_library_find(lib, e->key);
		if (dup != NULL) {
			bank_path_key(keyed, path, e->key);
			bank_path_field(sub, keyed, "key");
			return bank_fail(p, sub, "duplicate key (also exercises[%zu])", (size_t)(dup - lib->exercises));
		}
		lib->nexercises = i + 1;
	}
	return true;
}

bool exercise_library_parse(const char *json, size_t len, struct exercise_library *out, char *err, size_t errlen)
{
	struct bank_parse p = { err, errlen };
	json_t *root;
	bool ok = false;

	memset(out, 0, sizeof *out);
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	root = bank_load(&p, json, len);
	if (root != NULL)
		ok = parse_root(&p, root, out);
	json_decref(root);
	if (!ok)
		exercise_library_free(out);
	return ok;
}

void exercise_library_free(struct exercise_library *lib)
{
	free(lib->exercises);
	memset(lib, 0, sizeof *lib);
}

const struct exercise *exercise_library_find(const struct exercise_library *lib, const char *key)
{
	if (key == NULL)
		return NULL;
	for (size_t i = 0; i < lib->nexercises; i++)
		if (strcmp(lib->exercises[i].key, key) == 0)
			return &lib->exercises[i];
	return NULL;
}

bool exercise_evidences(const struct exercise *e, const char *key)
{
	for (size_t i = 0; i < e->ncompetencies; i++)
		if (strcmp(e->competencies[i], key) == 0)
			return true;
	return false;
}
