/*
 * Unit tests for src/core/question_bank.c and src/core/exercises.c: the
 * built-in question banks in data/questions/ and the sales exercise library
 * in data/exercises/ (read from the build's embedded file table), their
 * coverage of the role templates' competencies and the seed's examples,
 * AGG-safe wording, lookups and filters, the cached accessors in
 * web/bank_source.c, and the rejection of malformed documents with the
 * question's or exercise's key and the field in the message.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/adlint.h"
#include "core/adlint_builtin.h"
#include "core/exercises.h"
#include "core/question_bank.h"
#include "core/role_template.h"
#include "util/embedded.h"
#include "web/bank_source.h"

#define ERRLEN 512

static void load_template(const char *key, struct role_template *t)
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

static void load_bank(const char *key, struct question_bank *b)
{
	char path[96], err[ERRLEN];
	const struct embedded_file *f;

	snprintf(path, sizeof path, "%s%s.json", QUESTION_DATA_DIR, key);
	f = embedded_find(path);
	if (f == NULL)
		fail_msg("%s is not embedded", path);
	if (!question_bank_parse((const char *)f->data, f->len, b, err, sizeof err))
		fail_msg("%s: %s", path, err);
}

static void load_exercises(struct exercise_library *lib)
{
	char err[ERRLEN];
	const struct embedded_file *f = embedded_find(EXERCISE_DATA_FILE);

	if (f == NULL)
		fail_msg("%s is not embedded", EXERCISE_DATA_FILE);
	if (!exercise_library_parse((const char *)f->data, f->len, lib, err, sizeof err))
		fail_msg("%s: %s", EXERCISE_DATA_FILE, err);
}

/* R-INT-1: a bank for every built-in role template, each question probing
 * a competency of that template (or salary_realism) */
static void test_builtin_banks_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < builtin_template_count(); i++) {
		const char *key = BUILTIN_TEMPLATE_KEYS[i];
		struct role_template t;
		struct question_bank b;
		char err[ERRLEN];

		load_template(key, &t);
		load_bank(key, &b);
		assert_string_equal(b.role, key);
		assert_true(b.version >= 1);
		assert_true(b.nquestions >= 15);
		if (!question_bank_check_competencies(&b, &t, err, sizeof err))
			fail_msg("%s: %s", key, err);
		/* every competency of BDM and HoE is asked about too */
		for (size_t c = 0; c < t.ncompetencies; c++)
			if (question_bank_count_competency(&b, t.competencies[c].key) == 0)
				fail_msg("%s: no question for competency %s", key, t.competencies[c].key);
		for (size_t q = 0; q < b.nquestions; q++) {
			const struct bank_question *bq = &b.questions[q];

			assert_true(bq->nfollow_ups >= 1 && bq->nfollow_ups <= 3);
			for (int l = 0; l < TEMPLATE_LANGS; l++) {
				assert_true(strlen(bq->text[l]) > 20);
				assert_true(strlen(bq->guide_strong[l]) > 20);
				assert_true(strlen(bq->guide_weak[l]) > 20);
			}
		}
		question_bank_free(&b);
		role_template_free(&t);
	}
}

/* R-INT-1: every KAM competency has at least three questions, the CFO's
 * salary_realism at least two, and at least 40 questions beyond the seed's */
static void test_kam_coverage(void **state)
{
	struct role_template t;
	struct question_bank b;
	size_t nonseed = 0;

	(void)state;
	load_template("kam", &t);
	load_bank("kam", &b);
	for (size_t c = 0; c < t.ncompetencies; c++) {
		size_t n = question_bank_count_competency(&b, t.competencies[c].key);

		if (n < 3)
			fail_msg("competency %s has only %zu questions", t.competencies[c].key, n);
	}
	assert_true(question_bank_count_competency(&b, COMPETENCY_SALARY_REALISM) >= 2);
	for (size_t q = 0; q < b.nquestions; q++)
		if (!b.questions[q].seed)
			nonseed++;
	assert_true(nonseed >= 40);
	question_bank_free(&b);
	role_template_free(&t);
}

/* R-INT-1: the seed's example questions, verbatim */
static void test_kam_seed_examples(void **state)
{
	static const char *const seed_texts[] = {
		"Beschreiben Sie eine Situation, in der Sie einen unzufriedenen Großkunden zurückgewonnen haben.",
		"Ein wichtiger Kunde erwägt den Wechsel zu einem Wettbewerber. Sie haben 48 Stunden Zeit zu reagieren. "
		"Wie gehen Sie vor?",
	};
	struct question_bank b;
	struct bank_question_filter f = { .seed_only = true };
	const struct bank_question *found[8];

	(void)state;
	load_bank("kam", &b);
	for (size_t s = 0; s < sizeof seed_texts / sizeof seed_texts[0]; s++) {
		bool present = false;

		for (size_t q = 0; q < b.nquestions; q++)
			if (strcmp(b.questions[q].text[TEMPLATE_DE], seed_texts[s]) == 0) {
				present = true;
				assert_true(b.questions[q].seed);
			}
		if (!present)
			fail_msg("seed example missing: %s", seed_texts[s]);
	}
	assert_int_equal(question_bank_find(&b, "kam.rel.01")->type, QUESTION_BEHAVIOURAL);
	assert_int_equal(question_bank_find(&b, "kam.prs.01")->type, QUESTION_SITUATIONAL);
	/* closing strength: the largest deal, the whole process */
	assert_non_null(strstr(question_bank_find(&b, "kam.str.01")->text[TEMPLATE_DE], "größter Abschluss"));
	assert_int_equal(question_bank_filter(&b, &f, found, 8), 3);
	question_bank_free(&b);
}

/* R-INT-1: all five types occur in the KAM bank */
static void test_kam_every_type(void **state)
{
	struct question_bank b;

	(void)state;
	load_bank("kam", &b);
	for (int t = 0; t < QUESTION_TYPE__COUNT; t++) {
		struct bank_question_filter f = { .by_type = true, .type = (enum question_type)t };

		if (question_bank_filter(&b, &f, NULL, 0) == 0)
			fail_msg("no KAM question of type %s", question_type_code((enum question_type)t));
	}
	question_bank_free(&b);
}

/* Question refs are global: no key appears twice across the banks, and
 * exercise keys are distinct from question keys. */
static void test_keys_unique_everywhere(void **state)
{
	struct question_bank banks[8];
	struct exercise_library lib;
	size_t nb = builtin_template_count();

	(void)state;
	assert_true(nb <= 8);
	for (size_t i = 0; i < nb; i++)
		load_bank(BUILTIN_TEMPLATE_KEYS[i], &banks[i]);
	load_exercises(&lib);
	for (size_t i = 0; i < nb; i++)
		for (size_t q = 0; q < banks[i].nquestions; q++) {
			const char *key = banks[i].questions[q].key;

			for (size_t j = 0; j < nb; j++)
				if (j != i && question_bank_find(&banks[j], key) != NULL)
					fail_msg("key %s in two banks", key);
			assert_null(exercise_library_find(&lib, key));
		}
	for (size_t i = 0; i < nb; i++)
		question_bank_free(&banks[i]);
	exercise_library_free(&lib);
}

/* R-SALES-1: the seed's six assessments with a four-anchor rubric each */
static void test_exercises(void **state)
{
	static const char *const keys[] = { "sales.role_play", "sales.case_study", "sales.presentation",
					    "sales.negotiation", "sales.customer_orientation", "sales.closing" };
	struct exercise_library lib;
	struct role_template kam;
	const struct exercise *e;

	(void)state;
	load_exercises(&lib);
	load_template("kam", &kam);
	assert_int_equal(lib.nexercises, 6);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		e = exercise_library_find(&lib, keys[i]);
		if (e == NULL)
			fail_msg("exercise %s missing", keys[i]);
		assert_true(e->duration_minutes >= 5);
		assert_true(e->nobserve >= 3);
		assert_true(e->ncompetencies >= 1);
		for (int a = 0; a < EXERCISE_ANCHORS; a++)
			for (int l = 0; l < TEMPLATE_LANGS; l++)
				assert_true(strlen(e->rubric[a][l]) > 20);
		for (size_t c = 0; c < e->ncompetencies; c++) {
			bool known = false;

			for (size_t k = 0; k < kam.ncompetencies; k++)
				known |= strcmp(kam.competencies[k].key, e->competencies[c]) == 0;
			if (!known)
				fail_msg("%s: competency %s is not a KAM competency", e->key, e->competencies[c]);
		}
	}
	/* the seed's KAM scenario and what to observe */
	e = exercise_library_find(&lib, "sales.case_study");
	assert_non_null(strstr(e->scenario[TEMPLATE_DE], "Ein wichtiger Kunde erwägt den Wechsel zu einem Wettbewerber. "
							 "Sie haben 48 Stunden Zeit"));
	e = exercise_library_find(&lib, "sales.role_play");
	assert_int_equal(e->kind, EXERCISE_ROLE_PLAY);
	assert_non_null(strstr(e->observe[TEMPLATE_DE][0], "Einwandbehandlung"));
	assert_non_null(strstr(e->scenario[TEMPLATE_DE], "skeptisch"));
	e = exercise_library_find(&lib, "sales.closing");
	assert_non_null(strstr(e->instructions[TEMPLATE_DE], "gesamten Prozess"));
	e = exercise_library_find(&lib, "sales.customer_orientation");
	assert_non_null(strstr(e->observe[TEMPLATE_DE][0], "schwierigen Kunden"));
	assert_true(exercise_evidences(e, "empathy_and_active_listening"));
	assert_false(exercise_evidences(e, "negotiation"));
	assert_null(exercise_library_find(&lib, "sales.unknown"));
	assert_null(exercise_library_find(&lib, NULL));
	role_template_free(&kam);
	exercise_library_free(&lib);
}

/* Whole-word, ASCII-case-insensitive search; bytes >= 0x80 (umlauts) count
 * as letters, so "alt" does not match "Verhalten" or "älter". */
static bool has_word(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; *p; p++) {
		bool start = p == text || !(isalnum((unsigned char)p[-1]) || (unsigned char)p[-1] >= 0x80);

		if (start && strncasecmp(p, word, n) == 0) {
			unsigned char after = (unsigned char)p[n];

			if (!(isalnum(after) || after >= 0x80))
				return true;
		}
	}
	return false;
}

static const char *const AGG_WORDS[] = { "alt", "jung", "Kinder", "Familie", "Herkunft", "Religion", "schwanger",
					 "old", "young", "children", "family", "religion", "pregnant" };

static void assert_agg_safe(const char *where, const char *text)
{
	for (size_t w = 0; w < sizeof AGG_WORDS / sizeof AGG_WORDS[0]; w++)
		if (has_word(text, AGG_WORDS[w]))
			fail_msg("%s contains the AGG-risky word '%s'", where, AGG_WORDS[w]);
}

/* AGG: no question, follow-up or guide touches age, origin, family,
 * religion or pregnancy; nor does any exercise text */
static void test_agg_safe_wording(void **state)
{
	struct exercise_library lib;

	(void)state;
	assert_true(has_word("Wie alt sind Sie?", "alt"));
	assert_true(has_word("KINDER?", "Kinder"));
	assert_false(has_word("Verhalten, älter, Alternative", "alt"));
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct question_bank b;

		load_bank(BUILTIN_TEMPLATE_KEYS[i], &b);
		for (size_t q = 0; q < b.nquestions; q++) {
			const struct bank_question *bq = &b.questions[q];

			for (int l = 0; l < TEMPLATE_LANGS; l++) {
				assert_agg_safe(bq->key, bq->text[l]);
				assert_agg_safe(bq->key, bq->guide_strong[l]);
				assert_agg_safe(bq->key, bq->guide_weak[l]);
				for (size_t f = 0; f < bq->nfollow_ups; f++)
					assert_agg_safe(bq->key, bq->follow_ups[l][f]);
			}
		}
		question_bank_free(&b);
	}
	load_exercises(&lib);
	for (size_t i = 0; i < lib.nexercises; i++) {
		const struct exercise *e = &lib.exercises[i];

		for (int l = 0; l < TEMPLATE_LANGS; l++) {
			assert_agg_safe(e->key, e->scenario[l]);
			assert_agg_safe(e->key, e->instructions[l]);
			for (size_t o = 0; o < e->nobserve; o++)
				assert_agg_safe(e->key, e->observe[l][o]);
			for (int a = 0; a < EXERCISE_ANCHORS; a++)
				assert_agg_safe(e->key, e->rubric[a][l]);
		}
	}
	exercise_library_free(&lib);
}

/* The ad linter's AGG wording rules (data/adlint/agg.*.txt) find nothing in
 * any question, follow-up or guide either, and its cliché rules nothing in
 * what is asked (guides may quote a cliché as the sign of a weak answer).
 * The agg.title_* rules are left out: they judge an ad's first line as a
 * job title. */
static void assert_no_agg_finding(const struct adlint_rules *rules, const char *key, const char *text, int lang,
				  bool cliches)
{
	struct adlint_result res;
	char err[ERRLEN];

	if (!adlint_check(rules, text, strlen(text), lang == TEMPLATE_EN ? ADLINT_EN : ADLINT_DE, NULL, &res, err,
			  sizeof err))
		fail_msg("%s: %s", key, err);
	for (size_t i = 0; i < res.nfindings; i++)
		if ((strncmp(res.findings[i].rule, "agg.", 4) == 0 && strncmp(res.findings[i].rule, "agg.title", 9) != 0) ||
		    (cliches && strncmp(res.findings[i].rule, "cliche.", 7) == 0))
			fail_msg("%s: %s in '%s'", key, res.findings[i].rule, text);
	adlint_result_free(&res);
}

static void test_agg_linter_clean(void **state)
{
	char err[ERRLEN];
	const struct adlint_rules *rules = adlint_rules_builtin(err, sizeof err);

	(void)state;
	if (rules == NULL)
		fail_msg("adlint rules: %s", err);
	for (size_t i = 0; i < builtin_template_count(); i++) {
		struct question_bank b;

		load_bank(BUILTIN_TEMPLATE_KEYS[i], &b);
		for (size_t q = 0; q < b.nquestions; q++) {
			const struct bank_question *bq = &b.questions[q];

			for (int l = 0; l < TEMPLATE_LANGS; l++) {
				assert_no_agg_finding(rules, bq->key, bq->text[l], l, true);
				assert_no_agg_finding(rules, bq->key, bq->guide_strong[l], l, false);
				assert_no_agg_finding(rules, bq->key, bq->guide_weak[l], l, false);
				for (size_t f = 0; f < bq->nfollow_ups; f++)
					assert_no_agg_finding(rules, bq->key, bq->follow_ups[l][f], l, true);
			}
		}
		question_bank_free(&b);
	}
}

static void test_find_and_filter(void **state)
{
	struct question_bank b;
	const struct bank_question *out[128];
	struct bank_question_filter f;
	size_t n;

	(void)state;
	load_bank("kam", &b);
	assert_non_null(question_bank_find(&b, "kam.rel.01"));
	assert_null(question_bank_find(&b, "kam.nope.01"));
	assert_null(question_bank_find(&b, NULL));

	memset(&f, 0, sizeof f);
	assert_int_equal(question_bank_filter(&b, &f, out, 128), b.nquestions);
	assert_int_equal(question_bank_filter(&b, NULL, out, 2), b.nquestions);
	assert_ptr_equal(out[0], &b.questions[0]);

	f.by_type = true;
	f.type = QUESTION_SITUATIONAL;
	n = question_bank_filter(&b, &f, out, 128);
	assert_true(n >= 5);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(out[i]->type, QUESTION_SITUATIONAL);

	memset(&f, 0, sizeof f);
	f.competency = "negotiation";
	n = question_bank_filter(&b, &f, out, 128);
	assert_int_equal(n, question_bank_count_competency(&b, "negotiation"));
	for (size_t i = 0; i < n; i++)
		assert_string_equal(out[i]->competency, "negotiation");

	memset(&f, 0, sizeof f);
	f.lang = TEMPLATE_DE;
	f.query = "48 STUNDEN";
	n = question_bank_filter(&b, &f, out, 128);
	assert_true(n >= 1);
	assert_string_equal(out[0]->key, "kam.prs.01");
	f.lang = TEMPLATE_EN;
	assert_int_equal(question_bank_filter(&b, &f, out, 128), 0);
	f.query = "48 hours";
	assert_true(question_bank_filter(&b, &f, out, 128) >= 1);
	f.lang = -1;
	f.query = "Großkunden";
	assert_true(question_bank_filter(&b, &f, out, 128) >= 1);
	question_bank_free(&b);

	assert_string_equal(question_type_code(QUESTION_CULTURE), "culture");
	assert_string_equal(question_type_code((enum question_type)99), "unknown");
	assert_string_equal(question_type_label(QUESTION_BEHAVIOURAL), "Behavioural");
	assert_string_equal(exercise_kind_code(EXERCISE_INTERVIEW), "interview");
}

/* The cached built-ins are parsed once and shared. */
static void test_bank_source(void **state)
{
	const struct question_bank *kam = bank_builtin_questions("kam");
	const struct exercise_library *lib = bank_builtin_exercises();
	size_t n;

	(void)state;
	assert_non_null(kam);
	assert_ptr_equal(kam, bank_builtin_questions("kam"));
	assert_non_null(bank_builtin_questions("bdm"));
	assert_non_null(bank_builtin_questions("hoe"));
	assert_null(bank_builtin_questions("cfo"));
	assert_null(bank_builtin_questions(NULL));
	assert_ptr_equal(bank_builtin_all(&n), kam);
	assert_int_equal(n, 3);
	assert_string_equal(bank_builtin_all(&n)[1].role, "bdm");
	assert_string_equal(bank_builtin_all(&n)[2].role, "hoe");
	assert_string_equal(bank_builtin_question("hoe.arch.01")->competency, "architecture_and_quality");
	assert_null(bank_builtin_question("custom.5"));
	assert_non_null(lib);
	assert_ptr_equal(lib, bank_builtin_exercises());
	assert_int_equal(lib->nexercises, 6);
}

/* --- malformed input ------------------------------------------------------ */

static const char BASE_BANK[] =
	"{\"role\":\"tr\",\"version\":1,\"questions\":["
	"{\"key\":\"tr.q1\",\"type\":\"behavioural\",\"competency\":\"alpha\","
	"\"text\":{\"de\":\"Frage eins\",\"en\":\"Question one\"},"
	"\"follow_ups\":[{\"de\":\"Nachfrage\",\"en\":\"Follow-up\"}],"
	"\"guide_strong\":{\"de\":\"Stark\",\"en\":\"Strong\"},"
	"\"guide_weak\":{\"de\":\"Schwach\",\"en\":\"Weak\"}},"
	"{\"key\":\"tr.q2\",\"type\":\"culture\",\"competency\":\"beta\","
	"\"text\":{\"de\":\"Frage zwei\",\"en\":\"Question two\"},"
	"\"follow_ups\":[{\"de\":\"N1\",\"en\":\"F1\"},{\"de\":\"N2\",\"en\":\"F2\"}],"
	"\"guide_strong\":{\"de\":\"Stark\",\"en\":\"Strong\"},"
	"\"guide_weak\":{\"de\":\"Schwach\",\"en\":\"Weak\"},\"seed\":true}]}";

/* base with the first occurrence of `from` replaced by `to`; caller frees */
static char *mutate(const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	size_t head, len;
	char *out;

	if (at == NULL)
		fail_msg("'%s' not in the base document", from);
	head = (size_t)(at - base);
	len = strlen(base) - strlen(from) + strlen(to);
	out = malloc(len + 1);
	assert_non_null(out);
	memcpy(out, base, head);
	memcpy(out + head, to, strlen(to));
	strcpy(out + head + strlen(to), at + strlen(from));
	return out;
}

static void expect_bank_error(const char *from, const char *to, const char *message)
{
	char *doc = mutate(BASE_BANK, from, to);
	char err[ERRLEN];
	struct question_bank b;

	if (question_bank_parse(doc, strlen(doc), &b, err, sizeof err))
		fail_msg("accepted after replacing %s by %s", from, to);
	if (strstr(err, message) == NULL)
		fail_msg("error '%s' does not contain '%s'", err, message);
	assert_null(b.questions);
	assert_int_equal(b.nquestions, 0);
	free(doc);
}

static void test_bank_rejects_malformed(void **state)
{
	struct question_bank b;
	char err[ERRLEN];

	(void)state;
	assert_true(question_bank_parse(BASE_BANK, strlen(BASE_BANK), &b, err, sizeof err));
	assert_int_equal(b.nquestions, 2);
	assert_int_equal(b.questions[1].nfollow_ups, 2);
	assert_string_equal(b.questions[1].follow_ups[TEMPLATE_EN][1], "F2");
	assert_true(b.questions[1].seed);
	assert_false(b.questions[0].seed);
	question_bank_free(&b);
	question_bank_free(&b);

	expect_bank_error("\"en\":\"Question two\"", "\"en\":\"  \"", "questions[1](tr.q2).text.en: must not be empty");
	expect_bank_error("\"de\":\"Frage eins\",", "", "questions[0](tr.q1).text.de: missing");
	expect_bank_error("\"key\":\"tr.q2\"", "\"key\":\"tr.q1\"", "questions[1](tr.q1).key: duplicate key (also questions[0])");
	expect_bank_error("\"type\":\"culture\"", "\"type\":\"cultural\"", "questions[1](tr.q2).type: unknown type");
	expect_bank_error("\"competency\":\"alpha\",", "", "questions[0](tr.q1).competency: missing");
	expect_bank_error("\"competency\":\"alpha\"", "\"competency\":\"\"", "questions[0](tr.q1).competency: '' is not a valid key");
	expect_bank_error("\"key\":\"tr.q1\"", "\"key\":\"x.q1\"", "questions[0](x.q1).key: must start with 'tr.'");
	expect_bank_error("\"key\":\"tr.q1\"", "\"key\":\"T Q\"", "questions[0].key: 'T Q' is not a valid key");
	expect_bank_error("\"key\":\"tr.q1\",", "", "questions[0].key: missing");
	expect_bank_error("\"seed\":true", "\"seed\":\"yes\"", "questions[1](tr.q2).seed: expected true or false");
	expect_bank_error("\"seed\":true", "\"colour\":1", "questions[1](tr.q2).colour: unknown field");
	expect_bank_error("[{\"de\":\"Nachfrage\",\"en\":\"Follow-up\"}]", "[]", "questions[0](tr.q1).follow_ups: has 0 entries");
	expect_bank_error("[{\"de\":\"N1\",\"en\":\"F1\"},",
			  "[{\"de\":\"a\",\"en\":\"a\"},{\"de\":\"b\",\"en\":\"b\"},{\"de\":\"c\",\"en\":\"c\"},",
			  "questions[1](tr.q2).follow_ups: has 4 entries, expected 1 to 3");
	expect_bank_error("{\"de\":\"N2\",\"en\":\"F2\"}", "{\"de\":\"N2\"}", "questions[1](tr.q2).follow_ups[1].en: missing");
	expect_bank_error("\"guide_weak\":{\"de\":\"Schwach\",\"en\":\"Weak\"}}",
			  "\"guide_weak\":{\"de\":\"Schwach\",\"en\":\"Weak\\u0001\"}}",
			  "questions[0](tr.q1).guide_weak.en: contains a control character");
	expect_bank_error("\"version\":1", "\"version\":0", "version: 0 is out of range");
	expect_bank_error("\"role\":\"tr\",", "\"role\":\"tr\",\"extra\":1,", "extra: unknown field");
	expect_bank_error("{\"key\":\"tr.q1\"", "[{\"key\":\"tr.q1\"", "line 1");
	expect_bank_error("{\"key\":\"tr.q1\"", "7,{\"key\":\"tr.q1\"", "questions[0]: expected an object, got an integer");

	assert_false(question_bank_parse("", 0, &b, err, sizeof err));
	assert_non_null(strstr(err, "empty document"));
	assert_false(question_bank_parse("{}", 2, &b, NULL, 0));
}

/* A question probing a competency its template does not have is caught. */
static void test_bank_unknown_competency(void **state)
{
	struct role_template kam;
	struct question_bank b;
	char *doc = mutate(BASE_BANK, "\"role\":\"tr\"", "\"role\":\"kam\"");
	char *doc2, *doc3, *doc4, err[ERRLEN];

	(void)state;
	doc2 = mutate(doc, "\"tr.q1\"", "\"kam.q1\"");
	doc3 = mutate(doc2, "\"tr.q2\"", "\"kam.q2\"");
	doc4 = mutate(doc3, "\"competency\":\"alpha\"", "\"competency\":\"negotiation\"");
	load_template("kam", &kam);
	assert_true(question_bank_parse(doc4, strlen(doc4), &b, err, sizeof err));
	assert_false(question_bank_check_competencies(&b, &kam, err, sizeof err));
	assert_string_equal(err, "questions[1](kam.q2).competency: 'beta' is not a competency of template 'kam'");
	strcpy(b.questions[1].competency, COMPETENCY_SALARY_REALISM);
	assert_true(question_bank_check_competencies(&b, &kam, err, sizeof err));
	question_bank_free(&b);
	role_template_free(&kam);
	free(doc);
	free(doc2);
	free(doc3);
	free(doc4);
}

static const char BASE_EXERCISES[] =
	"{\"version\":1,\"exercises\":[{\"key\":\"sales.x\",\"name\":{\"de\":\"Übung\",\"en\":\"Exercise\"},"
	"\"kind\":\"role_play\",\"duration_minutes\":30,"
	"\"scenario\":{\"de\":\"Szenario\",\"en\":\"Scenario\"},"
	"\"instructions\":{\"de\":\"Anleitung\",\"en\":\"Instructions\"},"
	"\"observe\":[{\"de\":\"Beobachten\",\"en\":\"Observe\"}],"
	"\"rubric\":{\"1\":{\"de\":\"a1\",\"en\":\"e1\"},\"2\":{\"de\":\"a2\",\"en\":\"e2\"},"
	"\"3\":{\"de\":\"a3\",\"en\":\"e3\"},\"4\":{\"de\":\"a4\",\"en\":\"e4\"}},"
	"\"competencies\":[\"negotiation\",\"cultural_fit\"]},"
	"{\"key\":\"sales.y\",\"name\":{\"de\":\"Zwei\",\"en\":\"Two\"},"
	"\"kind\":\"interview\",\"duration_minutes\":20,"
	"\"scenario\":{\"de\":\"S\",\"en\":\"S\"},\"instructions\":{\"de\":\"I\",\"en\":\"I\"},"
	"\"observe\":[{\"de\":\"O\",\"en\":\"O\"}],"
	"\"rubric\":{\"1\":{\"de\":\"b1\",\"en\":\"f1\"},\"2\":{\"de\":\"b2\",\"en\":\"f2\"},"
	"\"3\":{\"de\":\"b3\",\"en\":\"f3\"},\"4\":{\"de\":\"b4\",\"en\":\"f4\"}},"
	"\"competencies\":[\"negotiation\"]}]}";

static void expect_exercise_error(const char *from, const char *to, const char *message)
{
	char *doc = mutate(BASE_EXERCISES, from, to);
	char err[ERRLEN];
	struct exercise_library lib;

	if (exercise_library_parse(doc, strlen(doc), &lib, err, sizeof err))
		fail_msg("accepted after replacing %s by %s", from, to);
	if (strstr(err, message) == NULL)
		fail_msg("error '%s' does not contain '%s'", err, message);
	assert_null(lib.exercises);
	assert_int_equal(lib.nexercises, 0);
	free(doc);
}

/* R-SALES-1: a rubric has exactly four anchors; errors name key and field */
static void test_exercises_reject_malformed(void **state)
{
	struct exercise_library lib;
	char err[ERRLEN];

	(void)state;
	assert_true(exercise_library_parse(BASE_EXERCISES, strlen(BASE_EXERCISES), &lib, err, sizeof err));
	assert_int_equal(lib.nexercises, 2);
	assert_string_equal(lib.exercises[0].rubric[0][TEMPLATE_DE], "a1");
	assert_string_equal(lib.exercises[0].rubric[3][TEMPLATE_EN], "e4");
	assert_int_equal(lib.exercises[1].kind, EXERCISE_INTERVIEW);
	exercise_library_free(&lib);

	expect_exercise_error(",\"4\":{\"de\":\"a4\",\"en\":\"e4\"}", "",
			      "exercises[0](sales.x).rubric: expected exactly 4 anchors \"1\" to \"4\", got 3");
	expect_exercise_error("\"4\":{\"de\":\"b4\"", "\"5\":{\"de\":\"b4\"", "exercises[1](sales.y).rubric.5: unknown field");
	expect_exercise_error("\"2\":{\"de\":\"a2\",\"en\":\"e2\"}", "\"2\":{\"de\":\"a2\",\"en\":\"\"}",
			      "exercises[0](sales.x).rubric.2.en: must not be empty");
	expect_exercise_error("\"rubric\":{\"1\":{\"de\":\"b1\",\"en\":\"f1\"},\"2\":{\"de\":\"b2\",\"en\":\"f2\"},"
			      "\"3\":{\"de\":\"b3\",\"en\":\"f3\"},\"4\":{\"de\":\"b4\",\"en\":\"f4\"}}",
			      "\"rubric\":[\"b1\",\"b2\",\"b3\",\"b4\"]",
			      "exercises[1](sales.y).rubric: expected an object, got an array");
	expect_exercise_error("\"key\":\"sales.y\"", "\"key\":\"sales.x\"", "exercises[1](sales.x).key: duplicate key");
	expect_exercise_error("\"kind\":\"interview\"", "\"kind\":\"quiz\"", "exercises[1](sales.y).kind: unknown kind");
	expect_exercise_error("\"duration_minutes\":30", "\"duration_minutes\":600",
			      "exercises[0](sales.x).duration_minutes: 600 is out of range");
	expect_exercise_error("\"observe\":[{\"de\":\"O\",\"en\":\"O\"}]", "\"observe\":[]",
			      "exercises[1](sales.y).observe: has 0 entries");
	expect_exercise_error("[\"negotiation\",\"cultural_fit\"]", "[\"negotiation\",\"negotiation\"]",
			      "exercises[0](sales.x).competencies[1]: duplicate competency 'negotiation'");
	expect_exercise_error("[\"negotiation\"]", "[\"Negotiation!\"]",
			      "exercises[1](sales.y).competencies[0]: expected a competency key");
	expect_exercise_error("\"scenario\":{\"de\":\"S\",\"en\":\"S\"},", "", "exercises[1](sales.y).scenario: missing");
	expect_exercise_error("\"name\":{\"de\":\"Zwei\",\"en\":\"Two\"}", "\"name\":\"Zwei\"",
			      "exercises[1](sales.y).name: expected an object, got a string");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_banks_parse),
		cmocka_unit_test(test_kam_coverage),
		cmocka_unit_test(test_kam_seed_examples),
		cmocka_unit_test(test_kam_every_type),
		cmocka_unit_test(test_keys_unique_everywhere),
		cmocka_unit_test(test_exercises),
		cmocka_unit_test(test_agg_safe_wording),
		cmocka_unit_test(test_agg_linter_clean),
		cmocka_unit_test(test_find_and_filter),
		cmocka_unit_test(test_bank_source),
		cmocka_unit_test(test_bank_rejects_malformed),
		cmocka_unit_test(test_bank_unknown_competency),
		cmocka_unit_test(test_exercises_reject_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
