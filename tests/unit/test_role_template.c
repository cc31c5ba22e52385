/*
 * Unit tests for src/core/role_template.c: the built-in templates in
 * data/templates/ (read from the build's embedded file table), the JSON
 * round trip, and the rejection of malformed and hostile documents with the
 * JSON path in the message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/role_template.h"
#include "util/embedded.h"

#define ERRLEN 512

/* A small template that uses every field once. */
static const char BASE_TEMPLATE[] =
	"{\"key\":\"test_role\",\"version\":3,"
	"\"name\":{\"de\":\"Testrolle\",\"en\":\"Test role\"},"
	"\"summary\":{\"de\":\"Zusammenfassung\",\"en\":\"Summary\"},"
	"\"usual_experience_years\":[5,10],"
	"\"competencies\":["
	"{\"key\":\"alpha\",\"name\":{\"de\":\"Alpha\",\"en\":\"Alpha\"},"
	"\"description\":{\"de\":\"Beschreibung A\",\"en\":\"Description A\"},"
	"\"indicators\":[{\"de\":\"Zeigt A\",\"en\":\"Shows A\"},{\"de\":\"Zeigt A2\\nmit Umbruch\",\"en\":\"Shows A2\"}]},"
	"{\"key\":\"beta_2\",\"name\":{\"de\":\"Beta\",\"en\":\"Beta\"},"
	"\"description\":{\"de\":\"Beschreibung B\",\"en\":\"Description B\"},"
	"\"indicators\":[{\"de\":\"Zeigt B\",\"en\":\"Shows B\"}]}],"
	"\"requirements\":["
	"{\"kind\":\"experience\",\"tier\":\"must\",\"title\":{\"de\":\"Erfahrung\",\"en\":\"Experience\"},"
	"\"detail\":{\"de\":\"Details\",\"en\":\"Details\"},\"years_min\":5,\"years_max\":10,\"competency\":\"alpha\"},"
	"{\"kind\":\"language\",\"tier\":\"important\",\"title\":{\"de\":\"Französisch\",\"en\":\"French\"},"
	"\"language\":{\"de\":\"Französisch\",\"en\":\"French\"},\"level\":\"C1\"},"
	"{\"kind\":\"skill\",\"tier\":\"nice\",\"title\":{\"de\":\"Umsatz\",\"en\":\"Revenue\"},"
	"\"technical\":true,\"revenue_amount\":2500000,\"competency\":\"beta_2\"},"
	"{\"kind\":\"experience\",\"tier\":\"must\",\"title\":{\"de\":\"Offen\",\"en\":\"Open\"},\"years_min\":3}],"
	"\"challenges\":{\"de\":\"Schwierig\",\"en\":\"Difficult\"},"
	"\"questions\":[{\"text\":\"Q\",\"follow_ups\":[\"a\",\"b\"]}],\"exercises\":[],\"onboarding\":[{\"week\":1}]}";

static void load_builtin(const char *key, struct role_template *t)
{
	char path[96], err[ERRLEN];
	const struct embedded_file *f;

	snprintf(path, sizeof path, "%s%s.json", TEMPLATE_DATA_DIR, key);
	f = embedded_find(path);
	if (f == NULL)
		fail_msg("%s is not embedded", path);
	if (!role_template_parse((const char *)f->data, f->len, t, err, sizeof err))
		fail_msg("%s: %s", path, err);
}

static const struct template_competency *find_competency(const struct role_template *t, const char *key)
{
	for (size_t i = 0; i < t->ncompetencies; i++)
		if (strcmp(t->competencies[i].key, key) == 0)
			return &t->competencies[i];
	return NULL;
}

static size_t count_tier(const struct role_template *t, enum tier tier)
{
	size_t n = 0;

	for (size_t i = 0; i < t->nrequirements; i++)
		if (t->requirements[i].tier == tier)
			n++;
	return n;
}

static void assert_template_empty(const struct role_template *t)
{
	assert_null(t->competencies);
	assert_null(t->requirements);
	assert_null(t->slots_json);
	assert_int_equal(t->ncompetencies, 0);
	assert_int_equal(t->nrequirements, 0);
	assert_string_equal(t->key, "");
}

static void assert_templates_equal(const struct role_template *a, const struct role_template *b)
{
	assert_string_equal(a->key, b->key);
	assert_int_equal(a->version, b->version);
	assert_int_equal(a->usual_years_min, b->usual_years_min);
	assert_int_equal(a->usual_years_max, b->usual_years_max);
	assert_int_equal(a->ncompetencies, b->ncompetencies);
	assert_int_equal(a->nrequirements, b->nrequirements);
	assert_string_equal(a->slots_json, b->slots_json);
	for (int l = 0; l < TEMPLATE_LANGS; l++) {
		assert_string_equal(a->name[l], b->name[l]);
		assert_string_equal(a->summary[l], b->summary[l]);
		assert_string_equal(a->challenges[l], b->challenges[l]);
	}
	for (size_t i = 0; i < a->ncompetencies; i++) {
		const struct template_competency *x = &a->competencies[i], *y = &b->competencies[i];

		assert_string_equal(x->key, y->key);
		assert_int_equal(x->nindicators, y->nindicators);
		for (int l = 0; l < TEMPLATE_LANGS; l++) {
			assert_string_equal(x->name[l], y->name[l]);
			assert_string_equal(x->description[l], y->description[l]);
			for (size_t k = 0; k < x->nindicators; k++)
				assert_string_equal(x->indicators[l][k], y->indicators[l][k]);
		}
	}
	for (size_t i = 0; i < a->nrequirements; i++) {
		const struct template_requirement *x = &a->requirements[i], *y = &b->requirements[i];

		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->tier, y->tier);
		assert_int_equal(x->years_min, y->years_min);
		assert_int_equal(x->years_max, y->years_max);
		assert_int_equal(x->level, y->level);
		assert_int_equal(x->technical, y->technical);
		assert_int_equal(x->revenue_amount, y->revenue_amount);
		assert_string_equal(x->competency, y->competency);
		for (int l = 0; l < TEMPLATE_LANGS; l++) {
			assert_string_equal(x->title[l], y->title[l]);
			assert_string_equal(x->detail[l], y->detail[l]);
			assert_string_equal(x->language[l], y->language[l]);
		}
	}
}

/* parse → to_json → parse gives the same template. */
static void assert_round_trip(const struct role_template *t)
{
	struct role_template again;
	char err[ERRLEN];
	char *json = role_template_to_json(t);

	assert_non_null(json);
	if (!role_template_parse(json, strlen(json), &again, err, sizeof err))
		fail_msg("re-parse failed: %s", err);
	assert_templates_equal(t, &again);
	role_template_free(&again);
	free(json);
}

/* The document must be rejected with a message containing needle, and the
 * output must stay empty. */
static void expect_rejected(const char *json, size_t len, const char *needle)
{
	struct role_template t;
	char err[ERRLEN];

	memset(&t, 0x5a, sizeof t);
	if (role_template_parse(json, len, &t, err, sizeof err)) {
		role_template_free(&t);
		fail_msg("accepted, expected an error containing \"%s\"", needle);
	}
	if (strstr(err, needle) == NULL)
		fail_msg("error \"%s\" does not contain \"%s\"", err, needle);
	assert_template_empty(&t);
}

static json_t *base_doc(void)
{
	json_error_t e;
	json_t *doc = json_loads(BASE_TEMPLATE, 0, &e);

	if (doc == NULL)
		fail_msg("BASE_TEMPLATE: %s", e.text);
	return doc;
}

/* Takes ownership of doc. */
static void expect_doc_rejected(json_t *doc, const char *needle)
{
	char *json = json_dumps(doc, JSON_COMPACT);

	json_decref(doc);
	assert_non_null(json);
	expect_rejected(json, strlen(json), needle);
	free(json);
}

static json_t *requirement_at(json_t *doc, size_t i)
{
	return json_array_get(json_object_get(doc, "requirements"), i);
}

static json_t *competency_at(json_t *doc, size_t i)
{
	return json_array_get(json_object_get(doc, "competencies"), i);
}

static char *repeated(char c, size_t n)
{
	char *s = malloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* ------------------------------------------------------------------------ */

static void test_builtin_keys(void **state)
{
	(void)state;
	/* R-ROLE-1: KAM, BDM and Head of Engineering ship built in */
	assert_int_equal(builtin_template_count(), 3);
	assert_string_equal(BUILTIN_TEMPLATE_KEYS[0], "kam");
	assert_string_equal(BUILTIN_TEMPLATE_KEYS[1], "bdm");
	assert_string_equal(BUILTIN_TEMPLATE_KEYS[2], "hoe");
}

static void test_builtins_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct role_template t;

		/* R-ROLE-1 */
		load_builtin(BUILTIN_TEMPLATE_KEYS[i], &t);
		assert_string_equal(t.key, BUILTIN_TEMPLATE_KEYS[i]);
		assert_true(t.version >= 1);
		assert_non_null(t.slots_json);
		/* R-ONB-1: the built-ins carry their 90-day plan; questions and
		 * exercises live in data/questions and data/exercises */
		assert_true(strncmp(t.slots_json, "{\"questions\":[],\"exercises\":[],\"onboarding\":[{", 46) == 0);
		for (int l = 0; l < TEMPLATE_LANGS; l++) {
			assert_true(t.name[l][0] != '\0');
			assert_true(t.summary[l][0] != '\0');
			assert_true(t.challenges[l][0] != '\0');
		}
		role_template_free(&t);
	}
}

static void test_builtins_competencies_have_indicators(void **state)
{
	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct role_template t;

		load_builtin(BUILTIN_TEMPLATE_KEYS[i], &t);
		for (size_t c = 0; c < t.ncompetencies; c++) {
			const struct template_competency *comp = &t.competencies[c];

			/* R-ROLE-1: name, description and behavioural indicators, in both languages */
			assert_true(comp->nindicators >= 3);
			for (int l = 0; l < TEMPLATE_LANGS; l++) {
				assert_true(comp->name[l][0] != '\0');
				assert_true(comp->description[l][0] != '\0');
				for (size_t k = 0; k < comp->nindicators; k++)
					assert_true(comp->indicators[l][k][0] != '\0');
			}
		}
		role_template_free(&t);
	}
}

static void test_kam_competencies_from_seed(void **state)
{
	static const char *const expected[] = {
		"relationship_management", "strategic_thinking", "negotiation", "industry_knowledge",
		"executive_communication", "solution_finding_under_pressure", "entrepreneurial_thinking",
		"crm_and_data_analysis", "empathy_and_active_listening", "cultural_fit",
	};
	struct role_template t;

	(void)state;
	load_builtin("kam", &t);
	/* R-ROLE-2: exactly the ten competencies of the seed */
	assert_int_equal(t.ncompetencies, 10);
	for (size_t i = 0; i < 10; i++) {
		const struct template_competency *c = find_competency(&t, expected[i]);

		if (c == NULL)
			fail_msg("KAM lacks competency %s", expected[i]);
		/* R-ROLE-2: each with at least three indicators in both languages */
		assert_true(c->nindicators >= 3);
	}
	/* R-ROLE-2: the seed's wording of relationship management and negotiation */
	assert_non_null(strstr(find_competency(&t, "relationship_management")->description[TEMPLATE_DE],
			       "vertrauenswürdiger Berater"));
	assert_non_null(strstr(find_competency(&t, "negotiation")->description[TEMPLATE_DE], "Vertragsverlängerungen"));
	assert_non_null(strstr(find_competency(&t, "strategic_thinking")->description[TEMPLATE_EN], "portfolio"));
	role_template_free(&t);
}

static void test_kam_requirements_per_tier(void **state)
{
	struct role_template t;
	bool experience_5_10 = false, crm = false, certificate = false, language = false, technical = false,
	     education = false;

	(void)state;
	load_builtin("kam", &t);
	/* R-ROLE-1, R-PROF-4: three to five must-haves, and the other tiers filled */
	assert_in_range(count_tier(&t, TIER_MUST), 3, 5);
	assert_true(count_tier(&t, TIER_IMPORTANT) >= 2);
	assert_true(count_tier(&t, TIER_NICE) >= 2);
	/* seed: "fünf bis zehn Jahre einschlägige Erfahrung" */
	assert_int_equal(t.usual_years_min, 5);
	assert_int_equal(t.usual_years_max, 10);
	for (size_t i = 0; i < t.nrequirements; i++) {
		const struct template_requirement *r = &t.requirements[i];

		if (r->kind == REQ_EXPERIENCE && r->tier == TIER_MUST && r->years_min == 5 && r->years_max == 10)
			experience_5_10 = true;
		if (strcmp(r->competency, "crm_and_data_analysis") == 0 && r->kind == REQ_SKILL)
			crm = true;
		/* seed: "Wünschenswert: Branchenzertifikate, Fremdsprachenkenntnisse, technisches Produktverständnis" */
		if (r->tier == TIER_NICE && r->kind == REQ_CERTIFICATE)
			certificate = true;
		if (r->tier == TIER_NICE && r->kind == REQ_LANGUAGE)
			language = true;
		if (r->tier == TIER_NICE && r->technical)
			technical = true;
		if (r->kind == REQ_EDUCATION && r->tier != TIER_MUST)
			education = true;
	}
	assert_true(experience_5_10);
	assert_true(crm);
	assert_true(certificate);
	assert_true(language);
	assert_true(technical);
	assert_true(education);
	role_template_free(&t);
}

static void test_builtins_are_realistic(void **state)
{
	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct role_template t;
		size_t languages_c1 = 0;

		load_builtin(BUILTIN_TEMPLATE_KEYS[i], &t);
		/* R-PROF-4 */
		assert_in_range(count_tier(&t, TIER_MUST), 3, 5);
		if (strcmp(t.key, "kam") != 0)
			assert_in_range(t.ncompetencies, 7, 9);
		for (size_t r = 0; r < t.nrequirements; r++) {
			const struct template_requirement *req = &t.requirements[r];

			if (req->tier != TIER_MUST)
				continue;
			/* R-PROF-5: no unicorn in a starting point */
			assert_true(req->years_min < 10);
			assert_int_equal(req->revenue_amount, 0);
			if (req->kind == REQ_LANGUAGE && req->level >= CEFR_C1)
				languages_c1++;
			if (req->years_max != 0) {
				assert_true(req->years_min >= t.usual_years_min);
				assert_true(req->years_max <= t.usual_years_max);
			}
		}
		assert_true(languages_c1 <= 1);
		role_template_free(&t);
	}
}

static void test_builtins_avoid_cliches(void **state)
{
	static const char *const cliches[] = { "dynamisch", "spannende Herausforderung", "Rockstar", "Ninja" };

	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		char path[96];
		const struct embedded_file *f;

		snprintf(path, sizeof path, "%s%s.json", TEMPLATE_DATA_DIR, BUILTIN_TEMPLATE_KEYS[i]);
		f = embedded_find(path);
		assert_non_null(f);
		for (size_t c = 0; c < sizeof cliches / sizeof cliches[0]; c++)
			if (strcasestr((const char *)f->data, cliches[c]) != NULL)
				fail_msg("%s contains \"%s\"", path, cliches[c]);
	}
}

static void test_requirement_competencies_exist(void **state)
{
	json_t *doc;

	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct role_template t;
		size_t linked = 0;

		load_builtin(BUILTIN_TEMPLATE_KEYS[i], &t);
		for (size_t r = 0; r < t.nrequirements; r++) {
			const char *key = t.requirements[r].competency;

			if (key[0] == '\0')
				continue;
			linked++;
			if (find_competency(&t, key) == NULL)
				fail_msg("%s: requirement %zu names unknown competency %s", t.key, r, key);
		}
		/* R-ROLE-1: requirements are tied to the competencies they evidence */
		assert_int_equal(linked, t.nrequirements);
		role_template_free(&t);
	}

	/* the parser enforces it */
	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "competency", json_string("gamma"));
	expect_doc_rejected(doc, "requirements[0].competency: no competency with key 'gamma'");
}

static void test_round_trip_builtins(void **state)
{
	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct role_template t;

		load_builtin(BUILTIN_TEMPLATE_KEYS[i], &t);
		assert_round_trip(&t);
		role_template_free(&t);
	}
}

static void test_round_trip_every_field(void **state)
{
	struct role_template t;
	char err[ERRLEN];

	(void)state;
	if (!role_template_parse(BASE_TEMPLATE, strlen(BASE_TEMPLATE), &t, err, sizeof err))
		fail_msg("BASE_TEMPLATE: %s", err);
	assert_int_equal(t.version, 3);
	assert_int_equal(t.ncompetencies, 2);
	assert_int_equal(t.competencies[0].nindicators, 2);
	assert_string_equal(t.competencies[0].indicators[TEMPLATE_DE][1], "Zeigt A2\nmit Umbruch");
	assert_string_equal(t.competencies[0].indicators[TEMPLATE_EN][1], "Shows A2");
	assert_int_equal(t.nrequirements, 4);
	assert_int_equal(t.requirements[0].kind, REQ_EXPERIENCE);
	assert_int_equal(t.requirements[0].years_min, 5);
	assert_int_equal(t.requirements[0].years_max, 10);
	assert_int_equal(t.requirements[1].level, CEFR_C1);
	assert_string_equal(t.requirements[1].language[TEMPLATE_EN], "French");
	assert_string_equal(t.requirements[1].detail[TEMPLATE_DE], "");
	assert_true(t.requirements[2].technical);
	assert_int_equal(t.requirements[2].revenue_amount, 2500000);
	assert_int_equal(t.requirements[3].years_max, 0);
	assert_string_equal(t.slots_json,
			    "{\"questions\":[{\"text\":\"Q\",\"follow_ups\":[\"a\",\"b\"]}],\"exercises\":[],"
			    "\"onboarding\":[{\"week\":1}]}");
	assert_round_trip(&t);
	role_template_free(&t);
	role_template_free(&t); /* freeing twice is harmless */
}

static void test_missing_slots_default_to_empty(void **state)
{
	json_t *doc = base_doc();
	struct role_template t;
	char err[ERRLEN], *json;

	(void)state;
	json_object_del(doc, "questions");
	json_object_del(doc, "exercises");
	json_object_del(doc, "onboarding");
	json = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	assert_true(role_template_parse(json, strlen(json), &t, err, sizeof err));
	assert_string_equal(t.slots_json, "{\"questions\":[],\"exercises\":[],\"onboarding\":[]}");
	role_template_free(&t);
	free(json);
}

static void test_requirement_conversion(void **state)
{
	struct role_template t;
	const struct template_requirement *lang = NULL;
	struct requirement de, en;

	(void)state;
	load_builtin("kam", &t);
	for (size_t i = 0; i < t.nrequirements; i++)
		if (t.requirements[i].kind == REQ_LANGUAGE)
			lang = &t.requirements[i];
	assert_non_null(lang);
	de = role_template_requirement(lang, TEMPLATE_DE);
	en = role_template_requirement(lang, TEMPLATE_EN);
	/* R-PROF-3: kind, tier and CEFR level carry over */
	assert_int_equal(de.kind, REQ_LANGUAGE);
	assert_int_equal(de.tier, lang->tier);
	assert_int_equal(de.level, lang->level);
	assert_string_equal(de.language, "Englisch");
	assert_string_equal(en.language, "English");
	assert_string_equal(de.title, lang->title[TEMPLATE_DE]);
	assert_string_equal(en.title, lang->title[TEMPLATE_EN]);
	assert_string_equal(en.detail, lang->detail[TEMPLATE_EN]);
	assert_string_equal(de.competency_key, lang->competency);
	assert_int_equal(de.id, 0);
	assert_int_equal(de.ngoals, 0);
	assert_false(de.tier_decided);
	/* an unknown language index falls back to German */
	de = role_template_requirement(lang, 7);
	assert_string_equal(de.language, "Englisch");

	for (size_t i = 0; i < t.nrequirements; i++) {
		struct requirement r = role_template_requirement(&t.requirements[i], TEMPLATE_EN);

		assert_int_equal(r.years_min, t.requirements[i].years_min);
		assert_int_equal(r.years_max, t.requirements[i].years_max);
		assert_int_equal(r.technical, t.requirements[i].technical);
		assert_int_equal(r.revenue_amount, t.requirements[i].revenue_amount);
	}
	role_template_free(&t);
}

static void test_to_json_refuses_unwritable(void **state)
{
	struct role_template t;
	char err[ERRLEN], *json;

	(void)state;
	assert_true(role_template_parse(BASE_TEMPLATE, strlen(BASE_TEMPLATE), &t, err, sizeof err));

	t.requirements[0].tier = TIER__COUNT;
	assert_null(role_template_to_json(&t));
	t.requirements[0].tier = TIER_MUST;

	t.requirements[1].level = (enum cefr)42;
	assert_null(role_template_to_json(&t));
	t.requirements[1].level = CEFR_C1;

	memcpy(t.name[TEMPLATE_DE], "Fa\xC3\x28", 5);
	assert_null(role_template_to_json(&t));
	strcpy(t.name[TEMPLATE_DE], "Testrolle");

	t.competencies[0].nindicators = TEMPLATE_MAX_INDICATORS + 1;
	assert_null(role_template_to_json(&t));
	t.competencies[0].nindicators = 2;

	free(t.slots_json);
	t.slots_json = strdup("[1,2]");
	assert_null(role_template_to_json(&t));
	free(t.slots_json);
	t.slots_json = strdup("{\"questions\":{}}");
	assert_null(role_template_to_json(&t));

	/* no slots at all: written as empty arrays */
	free(t.slots_json);
	t.slots_json = NULL;
	json = role_template_to_json(&t);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"onboarding\": []"));
	free(json);
	role_template_free(&t);
}

static void test_reject_not_an_object(void **state)
{
	(void)state;
	expect_rejected("[]", 2, "template: expected a JSON object, got an array");
	expect_rejected("42", 2, "invalid JSON");
	expect_rejected("\"kam\"", 5, "invalid JSON");
	expect_rejected("null", 4, "invalid JSON");
	expect_rejected("", 0, "template: empty document");
	expect_rejected(NULL, 0, "template: empty document");
	expect_rejected("{}", 2, "key: missing");
	expect_rejected("{\"key\":\"kam\"} trailing", 22, "line 1");
	expect_rejected("{\"key\":\"kam\",", 13, "invalid JSON");
}

static void test_reject_wrong_types(void **state)
{
	json_t *doc;

	(void)state;
	doc = base_doc();
	json_object_set_new(doc, "version", json_string("1"));
	expect_doc_rejected(doc, "version: expected an integer, got a string");

	doc = base_doc();
	json_object_set_new(doc, "version", json_real(1.0));
	expect_doc_rejected(doc, "version: expected an integer, got a number with a fraction");

	doc = base_doc();
	json_object_set_new(doc, "version", json_integer(0));
	expect_doc_rejected(doc, "version: 0 is out of range");

	doc = base_doc();
	json_object_set_new(doc, "name", json_string("Key Account Manager"));
	expect_doc_rejected(doc, "name: expected an object, got a string");

	doc = base_doc();
	json_object_set_new(doc, "competencies", json_object());
	expect_doc_rejected(doc, "competencies: expected an array, got an object");

	doc = base_doc();
	json_object_set_new(doc, "competencies", json_array());
	expect_doc_rejected(doc, "competencies: needs 1 to 32 entries, has 0");

	doc = base_doc();
	json_array_set_new(json_object_get(doc, "competencies"), 1, json_string("beta"));
	expect_doc_rejected(doc, "competencies[1]: expected an object, got a string");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 2), "technical", json_string("yes"));
	expect_doc_rejected(doc, "requirements[2].technical: expected true or false, got a string");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "years_min", json_string("5"));
	expect_doc_rejected(doc, "requirements[0].years_min: expected an integer, got a string");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 2), "revenue_amount", json_integer(-1));
	expect_doc_rejected(doc, "requirements[2].revenue_amount: -1 is out of range");

	doc = base_doc();
	json_object_set_new(doc, "usual_experience_years", json_pack("[i]", 5));
	expect_doc_rejected(doc, "usual_experience_years: needs exactly 2 entries, has 1");

	doc = base_doc();
	json_object_set_new(doc, "usual_experience_years", json_pack("[s,i]", "5", 10));
	expect_doc_rejected(doc, "usual_experience_years[0]: expected an integer, got a string");

	doc = base_doc();
	json_object_set_new(doc, "usual_experience_years", json_pack("[i,i]", 10, 5));
	expect_doc_rejected(doc, "usual_experience_years: 10 is greater than 5");

	doc = base_doc();
	json_object_set_new(json_object_get(doc, "challenges"), "en", json_null());
	expect_doc_rejected(doc, "challenges.en: expected a string, got null");

	doc = base_doc();
	json_object_set_new(doc, "questions", json_object());
	expect_doc_rejected(doc, "questions: expected an array, got an object");

	doc = base_doc();
	json_object_set_new(competency_at(doc, 0), "indicators", json_pack("[s]", "Zeigt A"));
	expect_doc_rejected(doc, "competencies[0].indicators[0]: expected an object, got a string");
}

static void test_reject_unknown_codes(void **state)
{
	json_t *doc;

	(void)state;
	/* R-PROF-3: only the three tiers, the seven kinds and CEFR A1..C2 */
	doc = base_doc();
	json_object_set_new(requirement_at(doc, 3), "tier", json_string("mandatory"));
	expect_doc_rejected(doc, "requirements[3].tier: unknown tier 'mandatory'");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "tier", json_string("MUST"));
	expect_doc_rejected(doc, "requirements[0].tier: unknown tier 'MUST'");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "kind", json_string("hobby"));
	expect_doc_rejected(doc, "requirements[0].kind: unknown requirement kind 'hobby'");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 1), "level", json_string("D1"));
	expect_doc_rejected(doc, "requirements[1].level: unknown CEFR level 'D1'");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 1), "level", json_string(""));
	expect_doc_rejected(doc, "requirements[1].level: a CEFR level A1 to C2 is required");

	doc = base_doc();
	json_object_del(requirement_at(doc, 1), "language");
	expect_doc_rejected(doc, "requirements[1].language: missing");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 2), "level", json_string("B2"));
	expect_doc_rejected(doc, "requirements[2].level: only allowed on requirements of kind 'language'");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 2), "years_min", json_integer(2));
	expect_doc_rejected(doc, "requirements[2].years_min: years are only allowed on requirements of kind 'experience'");

	/* a hostile value is quoted harmlessly and cut */
	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "tier",
			    json_string("must'\n<script>alert(1)</script>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
	expect_doc_rejected(doc, "requirements[0].tier: unknown tier 'must?" "?<script>alert(1)</script>xxxxxxxxx\xE2\x80\xA6'");
}

static void test_reject_bad_years(void **state)
{
	json_t *doc;

	(void)state;
	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "years_min", json_integer(12));
	json_object_set_new(requirement_at(doc, 0), "years_max", json_integer(8));
	expect_doc_rejected(doc, "requirements[0].years_min: 12 is greater than years_max 8");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "years_max", json_integer(51));
	expect_doc_rejected(doc, "requirements[0].years_max: 51 is out of range (0 to 50)");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "years_min", json_integer(-3));
	expect_doc_rejected(doc, "requirements[0].years_min: -3 is out of range");
}

static void test_reject_missing_and_unknown_fields(void **state)
{
	json_t *doc;

	(void)state;
	doc = base_doc();
	json_object_del(json_object_get(doc, "name"), "en");
	expect_doc_rejected(doc, "name.en: missing");

	doc = base_doc();
	json_object_del(competency_at(doc, 1), "description");
	expect_doc_rejected(doc, "competencies[1].description: missing");

	doc = base_doc();
	json_object_del(json_array_get(json_object_get(competency_at(doc, 0), "indicators"), 1), "de");
	expect_doc_rejected(doc, "competencies[0].indicators[1].de: missing");

	doc = base_doc();
	json_object_del(requirement_at(doc, 2), "title");
	expect_doc_rejected(doc, "requirements[2].title: missing");

	doc = base_doc();
	json_object_del(doc, "challenges");
	expect_doc_rejected(doc, "challenges: missing");

	doc = base_doc();
	json_object_set_new(requirement_at(doc, 0), "years_mni", json_integer(5));
	expect_doc_rejected(doc, "requirements[0].years_mni: unknown field");

	doc = base_doc();
	json_object_set_new(json_object_get(doc, "name"), "fr", json_string("Rôle"));
	expect_doc_rejected(doc, "name.fr: unknown field");

	doc = base_doc();
	json_object_set_new(doc, "colour", json_string("blue"));
	expect_doc_rejected(doc, "colour: unknown field");

	doc = base_doc();
	json_object_set_new(json_object_get(doc, "summary"), "de", json_string("  \n\t "));
	expect_doc_rejected(doc, "summary.de: must not be empty");

	doc = base_doc();
	json_object_set_new(json_object_get(doc, "summary"), "en", json_string("bell\a"));
	expect_doc_rejected(doc, "summary.en: contains a control character");

	/* duplicate keys in one object are refused by the JSON reader */
	expect_rejected("{\"key\":\"kam\",\"key\":\"bdm\"}", 25, "duplicate object key");
}

static void test_reject_bad_keys(void **state)
{
	static const char *const bad[] = { "KAM", "k", "1kam", "kam-1", "kam role", "_kam", "käm",
					   "a23456789012345678901234567890123456789012345678" };
	json_t *doc;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		doc = base_doc();
		json_object_set_new(doc, "key", json_string(bad[i]));
		expect_doc_rejected(doc, "key: '");
	}
	/* the longest allowed key: 47 characters */
	doc = base_doc();
	json_object_set_new(doc, "key", json_string("a2345678901234567890123456789012345678901234567"));
	{
		char *json = json_dumps(doc, JSON_COMPACT);
		struct role_template t;
		char err[ERRLEN];

		assert_true(role_template_parse(json, strlen(json), &t, err, sizeof err));
		assert_int_equal(strlen(t.key), 47);
		role_template_free(&t);
		free(json);
	}
	json_decref(doc);

	doc = base_doc();
	json_object_set_new(competency_at(doc, 1), "key", json_string("alpha"));
	expect_doc_rejected(doc, "competencies[1].key: duplicate competency key 'alpha'");

	doc = base_doc();
	json_object_set_new(competency_at(doc, 1), "key", json_string("Beta"));
	expect_doc_rejected(doc, "competencies[1].key: 'Beta' is not a valid key");
}

static void test_reject_oversized_text(void **state)
{
	json_t *doc;
	char *big;
	struct role_template t;
	char err[ERRLEN], *json;

	(void)state;
	big = repeated('x', 10240);
	doc = base_doc();
	json_object_set_new(json_object_get(requirement_at(doc, 0), "title"), "de", json_string(big));
	expect_doc_rejected(doc, "requirements[0].title.de: too long (10240 bytes, at most 199)");
	free(big);

	/* exactly at the limit: 199 bytes fit, 200 do not */
	big = repeated('y', 199);
	doc = base_doc();
	json_object_set_new(json_object_get(requirement_at(doc, 0), "title"), "en", json_string(big));
	json = json_dumps(doc, JSON_COMPACT);
	assert_true(role_template_parse(json, strlen(json), &t, err, sizeof err));
	assert_int_equal(strlen(t.requirements[0].title[TEMPLATE_EN]), 199);
	role_template_free(&t);
	free(json);
	json_decref(doc);
	free(big);

	big = repeated('y', 200);
	doc = base_doc();
	json_object_set_new(json_object_get(requirement_at(doc, 0), "title"), "en", json_string(big));
	expect_doc_rejected(doc, "requirements[0].title.en: too long (200 bytes, at most 199)");
	free(big);

	/* limits count bytes: 120 umlauts are 240 bytes, one too many for an indicator */
	{
		char umlauts[241];

		for (int i = 0; i < 120; i++)
			memcpy(umlauts + 2 * i, "\xC3\xA4", 2);
		umlauts[240] = '\0';
		doc = base_doc();
		json_object_set_new(json_array_get(json_object_get(competency_at(doc, 0), "indicators"), 0), "de",
				    json_string(umlauts));
		expect_doc_rejected(doc, "competencies[0].indicators[0].de: too long (240 bytes, at most 239)");
	}

	doc = base_doc();
	json_object_set_new(json_object_get(requirement_at(doc, 1), "language"), "en",
			    json_string("a language name that is far too long for its buffer"));
	expect_doc_rejected(doc, "requirements[1].language.en: too long");

	/* too many indicators */
	doc = base_doc();
	{
		json_t *ind = json_array();

		for (int i = 0; i < TEMPLATE_MAX_INDICATORS + 1; i++)
			json_array_append_new(ind, json_pack("{s:s,s:s}", "de", "x", "en", "x"));
		json_object_set_new(competency_at(doc, 0), "indicators", ind);
	}
	expect_doc_rejected(doc, "competencies[0].indicators: needs 1 to 8 entries, has 9");

	/* a whole document beyond the size limit is refused before parsing */
	big = repeated(' ', TEMPLATE_MAX_JSON_BYTES + 1);
	big[0] = '{';
	expect_rejected(big, TEMPLATE_MAX_JSON_BYTES + 1, "template: too large");
	free(big);

	/* an unknown field with a huge name is reported with a short path */
	big = repeated('z', 5000);
	doc = base_doc();
	json_object_set_new(doc, big, json_true());
	expect_doc_rejected(doc, "zzzzzzzzzz\xE2\x80\xA6: unknown field");
	free(big);
}

static void test_reject_deep_nesting(void **state)
{
	size_t n = 100000;
	char *deep = malloc(2 * n + 1);
	json_t *doc, *v;

	(void)state;
	assert_non_null(deep);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	expect_rejected(deep, 2 * n, "invalid JSON");

	/* nested objects inside a field, unterminated */
	for (size_t i = 0; i + 5 <= 2 * n; i += 5)
		memcpy(deep + i, "{\"a\":", 5);
	memcpy(deep, "{\"k\":", 5);
	expect_rejected(deep, 2 * n, "invalid JSON");
	free(deep);

	/* within jansson's limit but deeper than a slot may be */
	v = json_pack("{s:i}", "x", 1);
	for (int i = 0; i < 40; i++) {
		json_t *outer = json_array();

		json_array_append_new(outer, v);
		v = outer;
	}
	doc = base_doc();
	json_array_append_new(json_object_get(doc, "exercises"), v);
	expect_doc_rejected(doc, "exercises[0]: nested more than 16 levels deep");

	/* garbage where a text belongs */
	doc = base_doc();
	json_object_set_new(json_object_get(doc, "name"), "de", json_pack("[[[[{s:[]}]]]]", "x"));
	expect_doc_rejected(doc, "name.de: expected a string, got an array");
}

static void test_reject_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"{\"key\":\"k\xff\"}",                 /* not UTF-8 at all */
		"{\"key\":\"k\xC3\x28\"}",             /* broken 2-byte sequence */
		"{\"key\":\"k\xC0\xAF\"}",             /* overlong '/' */
		"{\"key\":\"k\xED\xA0\x80\"}",         /* encoded surrogate */
		"{\"key\":\"k\xF4\x90\x80\x80\"}",     /* beyond U+10FFFF */
		"{\"key\":\"k\\ud800\"}",              /* lone surrogate escape */
		"{\"key\":\"k\\u0000x\"}",             /* NUL */
	};
	char *json;
	json_t *doc;
	char *pos;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_rejected(bad[i], strlen(bad[i]), "line 1, column ");

	/* deep inside an otherwise valid document: syntax errors name line and column */
	doc = base_doc();
	json = json_dumps(doc, JSON_INDENT(1));
	json_decref(doc);
	pos = strstr(json, "Shows B");
	assert_non_null(pos);
	pos[0] = (char)0xC3;
	pos[1] = (char)0x28;
	expect_rejected(json, strlen(json), "invalid JSON");
	expect_rejected(json, strlen(json), "line ");
	free(json);
}

static void test_error_buffer_edge_cases(void **state)
{
	struct role_template t;
	char small[12];

	(void)state;
	/* no buffer: still rejected, nothing written */
	assert_false(role_template_parse("[]", 2, &t, NULL, 0));
	assert_template_empty(&t);
	/* a short buffer gets a cut, terminated message */
	memset(small, 'Q', sizeof small);
	assert_false(role_template_parse("[]", 2, &t, small, sizeof small));
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_memory_equal(small, "template: e", 11);
	/* a success clears the buffer */
	assert_true(role_template_parse(BASE_TEMPLATE, strlen(BASE_TEMPLATE), &t, small, sizeof small));
	assert_string_equal(small, "");
	role_template_free(&t);
}

/* Cut and corrupt the real KAM file: never a crash, a leak or a silent
 * success with an empty message. */
static void test_truncated_and_corrupted_builtin(void **state)
{
	const struct embedded_file *f = embedded_find(TEMPLATE_DATA_DIR "kam.json");
	char *copy;
	uint32_t rng = 12345;
	char err[ERRLEN];

	(void)state;
	assert_non_null(f);
	for (size_t cut = 0; cut + 2 < f->len; cut += 61) {
		struct role_template t;

		err[0] = '\0';
		assert_false(role_template_parse((const char *)f->data, cut, &t, err, sizeof err));
		assert_true(err[0] != '\0');
		assert_template_empty(&t);
	}
	copy = malloc(f->len);
	assert_non_null(copy);
	for (int round = 0; round < 400; round++) {
		struct role_template t;

		memcpy(copy, f->data, f->len);
		for (int k = 0; k < 3; k++) {
			rng = rng * 1103515245u + 12345u;
			copy[(rng >> 8) % f->len] = (char)(rng >> 24);
		}
		err[0] = '\0';
		if (role_template_parse(copy, f->len, &t, err, sizeof err)) {
			assert_round_trip(&t);
			role_template_free(&t);
		} else {
			assert_true(err[0] != '\0');
			assert_template_empty(&t);
		}
	}
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_keys),
		cmocka_unit_test(test_builtins_parse),
		cmocka_unit_test(test_builtins_competencies_have_indicators),
		cmocka_unit_test(test_kam_competencies_from_seed),
		cmocka_unit_test(test_kam_requirements_per_tier),
		cmocka_unit_test(test_builtins_are_realistic),
		cmocka_unit_test(test_builtins_avoid_cliches),
		cmocka_unit_test(test_requirement_competencies_exist),
		cmocka_unit_test(test_round_trip_builtins),
		cmocka_unit_test(test_round_trip_every_field),
		cmocka_unit_test(test_missing_slots_default_to_empty),
		cmocka_unit_test(test_requirement_conversion),
		cmocka_unit_test(test_to_json_refuses_unwritable),
		cmocka_unit_test(test_reject_not_an_object),
		cmocka_unit_test(test_reject_wrong_types),
		cmocka_unit_test(test_reject_unknown_codes),
		cmocka_unit_test(test_reject_bad_years),
		cmocka_unit_test(test_reject_missing_and_unknown_fields),
		cmocka_unit_test(test_reject_bad_keys),
		cmocka_unit_test(test_reject_oversized_text),
		cmocka_unit_test(test_reject_deep_nesting),
		cmocka_unit_test(test_reject_invalid_utf8),
		cmocka_unit_test(test_error_buffer_edge_cases),
		cmocka_unit_test(test_truncated_and_corrupted_builtin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
