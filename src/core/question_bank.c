/*
 * question_bank.c — the interview question bank from JSON, lookups and
 * filters; see question_bank.h. Parsing is strict: the files are edited by
 * hand, and a typo should be reported with the question's key and field.
 */
#include "core/question_bank.h"

#include <stdlib.h>
#include <string.h>

#include "core/bank_json.h"
#include "core/code_table.h"
#include "core/i18n_mark.h"
#include "util/xalloc.h"

static const char *const type_codes[QUESTION_TYPE__COUNT] = { "behavioural", "situational", "technical",
							       "motivation", "culture" };
static const char *const type_labels[QUESTION_TYPE__COUNT] = { N_("Behavioural"), N_("Situational"),
								N_("Technical"), N_("Motivation"), N_("Culture") };

const char *question_type_code(enum question_type t)
{
	return (unsigned)t < QUESTION_TYPE__COUNT ? type_codes[t] : "unknown";
}

const char *question_type_label(enum question_type t)
{
	return (unsigned)t < QUESTION_TYPE__COUNT ? type_labels[t] : N_("Unknown");
}

bool question_type_parse(const char *code, enum question_type *out)
{
	int i = code_table_index(type_codes, QUESTION_TYPE__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum question_type)i;
	return true;
}

static bool parse_follow_ups(struct bank_parse *p, const json_t *q, const char *path, struct bank_question *out)
{
	char sub[BANK_PATH_MAX], item[BANK_PATH_MAX];
	json_t *arr;

	if (!bank_field_array(p, q, path, "follow_ups", 1, QUESTION_MAX_FOLLOW_UPS, &arr))
		return false;
	bank_path_field(sub, path, "follow_ups");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		char pair[TEMPLATE_LANGS][QUESTION_FOLLOW_UP_MAX];

		bank_path_index(item, sub, i);
		if (!bank_take_text2(p, json_array_get(arr, i), item, pair[0], sizeof pair[0]))
			return false;
		for (int l = 0; l < TEMPLATE_LANGS; l++)
			memcpy(out->follow_ups[l][i], pair[l], sizeof pair[l]);
	}
	out->nfollow_ups = json_array_size(arr);
	return true;
}

static bool parse_question(struct bank_parse *p, const json_t *q, const char *index_path, const char *role,
			   struct bank_question *out)
{
	static const char *const fields[] = { "key", "type", "competency", "text", "follow_ups", "guide_strong",
					      "guide_weak", "seed" };
	char path[BANK_PATH_MAX], sub[BANK_PATH_MAX];
	size_t rlen = strlen(role);
	json_t *v;

	if (!json_is_object(q))
		return bank_expect_object(p, q, index_path, fields, 0);
	if (!bank_field_key(p, q, index_path, "key", true, out->key, sizeof out->key))
		return false;
	bank_path_key(path, index_path, out->key);
	if (strncmp(out->key, role, rlen) != 0 || out->key[rlen] != '.') {
		bank_path_field(sub, path, "key");
		return bank_fail(p, sub, "must start with '%s.'", role);
	}
	if (!bank_expect_object(p, q, path, fields, sizeof fields / sizeof fields[0]) ||
	    !bank_get(p, q, path, "type", true, &v))
		return false;
	bank_path_field(sub, path, "type");
	if (!json_is_string(v) || !question_type_parse(json_string_value(v), &out->type))
		return bank_fail(p, sub, "unknown type (expected behavioural, situational, technical, motivation or culture)");
	if (!bank_field_key(p, q, path, "competency", false, out->competency, sizeof out->competency) ||
	    !bank_field_text2(p, q, path, "text", out->text[0], sizeof out->text[0]) ||
	    !parse_follow_ups(p, q, path, out) ||
	    !bank_field_text2(p, q, path, "guide_strong", out->guide_strong[0], sizeof out->guide_strong[0]) ||
	    !bank_field_text2(p, q, path, "guide_weak", out->guide_weak[0], sizeof out->guide_weak[0]) ||
	    !bank_get(p, q, path, "seed", false, &v))
		return false;
	if (v != NULL) {
		if (!json_is_boolean(v)) {
			bank_path_field(sub, path, "seed");
			return bank_fail(p, sub, "expected true or false");
		}
		out->seed = json_is_true(v);
	}
	return true;
}

static bool parse_root(struct bank_parse *p, const json_t *root, struct question_bank *b)
{
	static const char *const fields[] = { "role", "version", "questions" };
	char path[BANK_PATH_MAX], sub[BANK_PATH_MAX];
	long long version = 0;
	json_t *arr;

	if (!bank_expect_object(p, root, "", fields, sizeof fields / sizeof fields[0]) ||
	    !bank_field_key(p, root, "", "role", false, b->role, sizeof b->role) ||
	    !bank_field_int(p, root, "", "version", 1, 1000000, &version) ||
	    !bank_field_array(p, root, "", "questions", 1, QUESTION_BANK_MAX, &arr))
		return false;
	b->version = (int)version;
	b->questions = xcalloc(json_array_size(arr), sizeof *b->questions);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		struct bank_question *q = &b->questions[i];
		const struct bank_question *dup;

		bank_path_index(path, "questions", i);
		if (!parse_question(p, json_array_get(arr, i), path, b->role, q))
			return false;
		dup = question_bank_find(b, q->key);
		if (dup != NULL) {
			char keyed[BANK_PATH_MAX];

			bank_path_key(keyed, path, q->key);
			bank_path_field(sub, keyed, "key");
			return bank_fail(p, sub, "duplicate key (also questions[%zu])", (size_t)(dup - b->questions));
		}
		b->nquestions = i + 1;
	}
	return true;
}

bool question_bank_parse(const char *json, size_t len, struct question_bank *out, char *err, size_t errlen)
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
		question_bank_free(out);
	return ok;
}

void question_bank_free(struct question_bank *b)
{
	free(b->questions);
	memset(b, 0, sizeof *b);
}

bool question_bank_check_competencies(const struct question_bank *b, const struct role_template *t, char *err,
				      size_t errlen)
{
	struct bank_parse p = { err, errlen };
	char index_path[BANK_PATH_MAX], keyed[BANK_PATH_MAX], path[BANK_PATH_MAX];

	for (size_t i = 0; i < b->nquestions; i++) {
		const char *c = b->questions[i].competency;
		bool known = strcmp(c, COMPETENCY_SALARY_REALISM) == 0;

		for (size_t k = 0; k < t->ncompetencies && !known; k++)
			known = strcmp(c, t->competencies[k].key) == 0;
		if (!known) {
			bank_path_index(index_path, "questions", i);
			bank_path_key(keyed, index_path, b->questions[i].key);
			bank_path_field(path, keyed, "competency");
			return bank_fail(&p, path, "'%s' is not a competency of template '%s'", c, t->key);
		}
	}
	return true;
}

const struct bank_question *question_bank_find(const struct question_bank *b, const char *key)
{
	if (key == NULL)
		return NULL;
	for (size_t i = 0; i < b->nquestions; i++)
		if (strcmp(b->questions[i].key, key) == 0)
			return &b->questions[i];
	return NULL;
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* needle occurs in hay, ASCII letters compared without case. */
static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] && ascii_lower(hay[i]) == ascii_lower(needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

static bool text_matches(const struct bank_question *q, int lang, const char *query)
{
	if (lang < 0 || lang >= TEMPLATE_LANGS)
		return text_matches(q, TEMPLATE_DE, query) || text_matches(q, TEMPLATE_EN, query);
	if (contains_nocase(q->text[lang], query))
		return true;
	for (size_t i = 0; i < q->nfollow_ups; i++)
		if (contains_nocase(q->follow_ups[lang][i], query))
			return true;
	return false;
}

static bool filter_keeps(const struct bank_question *q, const struct bank_question_filter *f)
{
	if (f->by_type && q->type != f->type)
		return false;
	if (f->competency != NULL && f->competency[0] && strcmp(q->competency, f->competency) != 0)
		return false;
	if (f->seed_only && !q->seed)
		return false;
	if (f->lang >= 0 && f->lang < TEMPLATE_LANGS && q->text[f->lang][0] == '\0')
		return false;
	if (f->query != NULL && f->query[0] && !text_matches(q, f->lang, f->query))
		return false;
	return true;
}

size_t question_bank_filter(const struct question_bank *b, const struct bank_question_filter *f,
			    const struct bank_question **out, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < b->nquestions; i++) {
		if (f != NULL && !filter_keeps(&b->questions[i], f))
			continue;
		if (n < cap)
			out[n] = &b->questions[i];
		n++;
	}
	return n;
}

size_t question_bank_count_competency(const struct question_bank *b, const char *key)
{
	size_t n = 0;

	for (size_t i = 0; i < b->nquestions; i++)
		if (strcmp(b->questions[i].competency, key) == 0)
			n++;
	return n;
}
