/*
 * Unit tests for src/core/interview_plan.c: the anchored rating scale and the
 * code tables (recommendation, question quality), the default
 * rounds and focus competencies, the round-count guard, interview kits with
 * their canonical JSON (round trip, equality, versioning, strict errors) and
 * focus strings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/interview_plan.h"

static const char *const KAM_KEYS[] = {
	"relationship_management", "strategic_thinking", "negotiation", "industry_knowledge",
	"executive_communication", "solution_finding_under_pressure", "entrepreneurial_thinking",
	"crm_and_data_analysis", "empathy_and_active_listening", "cultural_fit", COMPETENCY_SALARY_REALISM,
};
#define NKAM (sizeof KAM_KEYS / sizeof KAM_KEYS[0])

/* R-INT-5: four anchored steps, no neutral middle. */
static void test_rating_scale(void **state)
{
	(void)state;
	assert_false(rating_valid(0));
	assert_true(rating_valid(1));
	assert_true(rating_valid(4));
	assert_false(rating_valid(5));
	assert_false(rating_valid(-1));
	assert_string_equal(rating_anchor(1), "Clearly below the requirement");
	assert_string_equal(rating_anchor(2), "Partly meets the requirement");
	assert_string_equal(rating_anchor(3), "Meets the requirement");
	assert_string_equal(rating_anchor(4), "Clearly exceeds the requirement");
	assert_null(rating_anchor(0));
	assert_null(rating_anchor(5));
	assert_string_equal(rating_short_label(1), "Below");
	assert_string_equal(rating_short_label(4), "Exceeds");
	assert_null(rating_short_label(7));
}

/* R-INT-5: recommendation and the quality mark of the candidate's questions. */
static void test_code_tables(void **state)
{
	enum recommendation r;
	enum question_quality q;

	(void)state;
	assert_string_equal(recommendation_code(RECOMMENDATION_STRONG_NO), "strong_no");
	assert_string_equal(recommendation_code(RECOMMENDATION_STRONG_YES), "strong_yes");
	assert_string_equal(recommendation_label(RECOMMENDATION_STRONG_NO), "Strong no");
	assert_string_equal(recommendation_label(RECOMMENDATION_NO), "No");
	assert_string_equal(recommendation_label(RECOMMENDATION_YES), "Yes");
	assert_string_equal(recommendation_label(RECOMMENDATION_STRONG_YES), "Strong yes");
	for (int i = 0; i < RECOMMENDATION__COUNT; i++) {
		assert_true(recommendation_parse(recommendation_code((enum recommendation)i), &r));
		assert_int_equal(r, i);
	}
	assert_true(recommendation_parse("", &r));
	assert_int_equal(r, RECOMMENDATION_NONE);
	assert_false(recommendation_parse("maybe", &r));
	assert_false(recommendation_parse(NULL, &r));
	assert_false(recommendation_parse("Yes", &r));
	assert_string_equal(recommendation_code((enum recommendation)99), "");

	assert_true(question_quality_parse("substantive", &q));
	assert_int_equal(q, QUESTION_QUALITY_SUBSTANTIVE);
	assert_true(question_quality_parse("superficial", &q));
	assert_int_equal(q, QUESTION_QUALITY_SUPERFICIAL);
	assert_true(question_quality_parse("", &q));
	assert_int_equal(q, QUESTION_QUALITY_NONE);
	assert_false(question_quality_parse("deep", &q));
	assert_string_equal(question_quality_label(QUESTION_QUALITY_SUPERFICIAL), "Superficial");
	assert_string_equal(question_quality_code(QUESTION_QUALITY_SUBSTANTIVE), "substantive");
}

/* R-INT-2: Erstgespräch, vertiefendes Interview mit Stakeholdern, Finalgespräch. */
static void test_default_rounds(void **state)
{
	(void)state;
	assert_int_equal(DEFAULT_ROUND_COUNT, 3);
	assert_int_equal(DEFAULT_ROUNDS[0].ord, 1);
	assert_string_equal(DEFAULT_ROUNDS[0].name, "First interview");
	assert_string_equal(DEFAULT_ROUNDS[0].stage, "first_interview");
	assert_int_equal(DEFAULT_ROUNDS[0].duration_minutes, 45);
	assert_int_equal(DEFAULT_ROUNDS[1].ord, 2);
	assert_string_equal(DEFAULT_ROUNDS[1].name, "In-depth interview with stakeholders");
	assert_string_equal(DEFAULT_ROUNDS[1].stage, "deep_interview");
	assert_int_equal(DEFAULT_ROUNDS[1].duration_minutes, 90);
	assert_int_equal(DEFAULT_ROUNDS[2].ord, 3);
	assert_string_equal(DEFAULT_ROUNDS[2].name, "Final interview");
	assert_string_equal(DEFAULT_ROUNDS[2].stage, "final_interview");
	assert_int_equal(DEFAULT_ROUNDS[2].duration_minutes, 60);
	for (int i = 0; i < DEFAULT_ROUND_COUNT; i++)
		assert_true(DEFAULT_ROUNDS[i].duration_minutes >= ROUND_DURATION_MIN &&
			    DEFAULT_ROUNDS[i].duration_minutes <= ROUND_DURATION_MAX);
}

/* R-GUARD-4: more than three rounds warns; three or fewer do not. */
static void test_too_many_rounds(void **state)
{
	struct guard_finding f[4];

	(void)state;
	assert_int_equal(interview_rounds_check(3, f, 4), 0);
	assert_int_equal(interview_rounds_check(0, f, 4), 0);
	assert_int_equal(interview_rounds_check(1, f, 4), 0);
	assert_int_equal(interview_rounds_check(4, f, 4), 1);
	assert_string_equal(f[0].rule, "guard.too_many_rounds");
	assert_int_equal(f[0].severity, SEVERITY_WARNING);
	assert_string_equal(severity_code(f[0].severity), "warning");
	assert_non_null(strstr(f[0].message, "three"));
	memset(f, 0, sizeof f);
	assert_int_equal(interview_rounds_check(7, f, 4), 1);
	assert_string_equal(f[0].rule, "guard.too_many_rounds");
	/* max is respected */
	assert_int_equal(interview_rounds_check(7, f, 0), 0);
}

/* R-INT-4: default focus per stakeholder role. */
static void test_default_focus(void **state)
{
	const char *out[4];
	static const char *const bdm_keys[] = { "market_analysis", "strategic_thinking", "negotiation", "cultural_fit" };

	(void)state;
	assert_int_equal(interview_default_focus(STAKEHOLDER_HEAD_OF_ENGINEERING, NULL, 0, out, 4), 1);
	assert_string_equal(out[0], "industry_knowledge");
	assert_int_equal(interview_default_focus(STAKEHOLDER_BDM, NULL, 0, out, 4), 1);
	assert_string_equal(out[0], "strategic_thinking");
	assert_int_equal(interview_default_focus(STAKEHOLDER_CFO, NULL, 0, out, 4), 1);
	assert_string_equal(out[0], "salary_realism");
	assert_int_equal(interview_default_focus(STAKEHOLDER_SALES_HEAD, NULL, 0, out, 4), 2);
	assert_string_equal(out[0], "negotiation");
	assert_string_equal(out[1], "relationship_management");
	assert_int_equal(interview_default_focus(STAKEHOLDER_MANAGING_DIRECTOR, NULL, 0, out, 4), 2);
	assert_string_equal(out[0], "entrepreneurial_thinking");
	assert_string_equal(out[1], "cultural_fit");
	assert_int_equal(interview_default_focus(STAKEHOLDER_HR, NULL, 0, out, 4), 2);
	assert_string_equal(out[0], "cultural_fit");
	assert_string_equal(out[1], "empathy_and_active_listening");
	assert_int_equal(interview_default_focus(STAKEHOLDER_OTHER, NULL, 0, out, 4), 0);
	assert_int_equal(interview_default_focus((enum stakeholder_role)42, NULL, 0, out, 4), 0);

	/* every default of a KAM position is one of its competencies */
	for (int r = 0; r < STAKEHOLDER_ROLE__COUNT; r++) {
		size_t all = interview_default_focus((enum stakeholder_role)r, NULL, 0, out, 4);

		assert_int_equal(interview_default_focus((enum stakeholder_role)r, KAM_KEYS, NKAM, out, 4), all);
	}
	/* filtered against the competencies of a BDM position */
	assert_int_equal(interview_default_focus(STAKEHOLDER_HEAD_OF_ENGINEERING, bdm_keys, 4, out, 4), 0);
	assert_int_equal(interview_default_focus(STAKEHOLDER_SALES_HEAD, bdm_keys, 4, out, 4), 1);
	assert_string_equal(out[0], "negotiation");
	/* max is respected */
	assert_int_equal(interview_default_focus(STAKEHOLDER_HR, NULL, 0, out, 1), 1);
	assert_string_equal(out[0], "cultural_fit");
}

static void test_question_refs_and_exercise_keys(void **state)
{
	char long_ref[80];

	(void)state;
	/* built-in bank keys: "<role>." then a-z 0-9 _ and single dots (question_bank.c) */
	assert_true(kit_question_ref_valid("kam.rel.01"));
	assert_true(kit_question_ref_valid("kam.relationship_management.12"));
	assert_true(kit_question_ref_valid("hoe.arch2.101"));
	assert_true(kit_question_ref_valid("bdm.q7"));
	assert_true(kit_question_ref_valid("custom.1"));
	assert_true(kit_question_ref_valid("custom.4711"));
	assert_false(kit_question_ref_valid(NULL));
	assert_false(kit_question_ref_valid(""));
	assert_false(kit_question_ref_valid("kamrel01"));        /* no role prefix */
	assert_false(kit_question_ref_valid("kam."));
	assert_false(kit_question_ref_valid("kam..01"));
	assert_false(kit_question_ref_valid("Kam.rel.01"));
	assert_false(kit_question_ref_valid("1am.rel.01"));
	assert_false(kit_question_ref_valid("kam.rel.01 "));
	assert_false(kit_question_ref_valid("kam.rel-01"));
	assert_false(kit_question_ref_valid("custom."));
	assert_false(kit_question_ref_valid("custom.0"));
	assert_false(kit_question_ref_valid("custom.012"));
	assert_false(kit_question_ref_valid("custom.12a"));
	assert_false(kit_question_ref_valid("custom.x.01"));
	assert_false(kit_question_ref_valid("custom.-3"));
	assert_false(kit_question_ref_valid("custom.1234567890123456789"));   /* 19 digits */
	memset(long_ref, 'a', sizeof long_ref);
	memcpy(long_ref + 42, ".b.01", 6);           /* 47 bytes: the longest allowed */
	assert_true(kit_question_ref_valid(long_ref));
	memcpy(long_ref + 43, ".b.01", 6);           /* 48 bytes */
	assert_false(kit_question_ref_valid(long_ref));

	assert_true(kit_exercise_key_valid("role_play"));
	assert_true(kit_exercise_key_valid("case_study2"));
	assert_true(kit_exercise_key_valid("sales.role_play"));   /* exercises.h keys */
	assert_false(kit_exercise_key_valid("sales..role_play"));
	assert_false(kit_exercise_key_valid("sales."));
	assert_false(kit_exercise_key_valid("Role_play"));
	assert_false(kit_exercise_key_valid("role-play"));
	assert_false(kit_exercise_key_valid("_x"));
	assert_false(kit_exercise_key_valid(""));
	assert_false(kit_exercise_key_valid(NULL));
}

static void add_q(struct kit *k, const char *ref)
{
	snprintf(k->questions[k->nquestions++], KIT_REF_MAX, "%s", ref);
}

static void add_x(struct kit *k, const char *key)
{
	snprintf(k->exercises[k->nexercises++], KIT_REF_MAX, "%s", key);
}

/* R-INT-3: the canonical form makes string equality kit equality. */
static void test_kit_json_round_trip(void **state)
{
	struct kit k, back, other;
	struct plan_problem err;
	char json[KIT_JSON_MAX], json2[KIT_JSON_MAX];

	(void)state;
	memset(&k, 0, sizeof k);
	assert_true(kit_to_json(&k, json, sizeof json));
	assert_string_equal(json, KIT_JSON_EMPTY);
	assert_string_equal(json, "{\"questions\":[],\"exercises\":[]}");

	add_q(&k, "kam.rel.01");
	add_q(&k, "custom.12");
	add_q(&k, "kam.neg.03");
	add_x(&k, "sales.role_play");
	assert_true(kit_to_json(&k, json, sizeof json));
	assert_string_equal(json,
			    "{\"questions\":[\"kam.rel.01\",\"custom.12\",\"kam.neg.03\"],\"exercises\":[\"sales.role_play\"]}");
	assert_true(kit_from_json(json, &back, &err));
	assert_true(kit_equal(&k, &back));
	assert_true(kit_to_json(&back, json2, sizeof json2));
	assert_string_equal(json, json2);

	/* whitespace and key order in the input do not matter; the output is canonical */
	assert_true(kit_from_json(" { \"exercises\" : [ \"sales.role_play\" ] ,\n \"questions\": [\"kam.rel.01\", "
				  "\"custom.12\", \"kam.neg.03\"] } ",
				  &other, &err));
	assert_true(kit_equal(&k, &other));
	assert_true(kit_to_json(&other, json2, sizeof json2));
	assert_string_equal(json, json2);

	/* order matters */
	memset(&other, 0, sizeof other);
	add_q(&other, "custom.12");
	add_q(&other, "kam.rel.01");
	add_q(&other, "kam.neg.03");
	add_x(&other, "sales.role_play");
	assert_false(kit_equal(&k, &other));
	assert_true(kit_to_json(&other, json2, sizeof json2));
	assert_string_not_equal(json, json2);
	/* an added exercise differs */
	back = k;
	add_x(&back, "negotiation");
	assert_false(kit_equal(&k, &back));

	/* a full kit fits KIT_JSON_MAX */
	memset(&k, 0, sizeof k);
	for (int i = 0; i < KIT_MAX_QUESTIONS; i++) {
		char ref[96];

		snprintf(ref, sizeof ref, "abcdefghijklmnopqrstuvwxyz.abcdefghijklmnop.%03d", i);
		add_q(&k, ref);
	}
	for (int i = 0; i < KIT_MAX_EXERCISES; i++) {
		char key[96];

		snprintf(key, sizeof key, "exercise_abcdefghijklmnopqrstuvwxyz_abcdefghij%d", i);
		add_x(&k, key);
	}
	assert_int_equal(kit_validate(&k, &err, 1), 0);
	assert_true(kit_to_json(&k, json, sizeof json));
	assert_true(kit_from_json(json, &back, &err));
	assert_true(kit_equal(&k, &back));
	/* a buffer too small fails cleanly */
	assert_false(kit_to_json(&k, json2, 100));
	assert_string_equal(json2, "");
}

/* R-INT-3: a new version only when there is none or the kit changed. */
static void test_kit_versioning(void **state)
{
	struct kit current, latest;

	(void)state;
	memset(&current, 0, sizeof current);
	add_q(&current, "kam.rel.01");
	assert_true(kit_needs_new_version(&current, NULL));
	latest = current;
	assert_false(kit_needs_new_version(&current, &latest));
	add_q(&current, "kam.rel.02");
	assert_true(kit_needs_new_version(&current, &latest));
}

/* Strict parsing: every error names the field. */
static void test_kit_json_errors(void **state)
{
	static const struct {
		const char *json;
		const char *field;
	} cases[] = {
		{ "", "kit" },
		{ "nonsense", "kit" },
		{ "[]", "kit" },
		{ "{\"questions\":[]", "kit" },
		{ "{\"questions\":[],\"exercises\":[]} x", "kit" },          /* trailing text */
		{ "{\"questions\":[],\"exercises\":[],\"questions\":[]}", "kit" },
		{ "{\"exercises\":[]}", "questions" },
		{ "{\"questions\":[]}", "exercises" },
		{ "{\"questions\":{},\"exercises\":[]}", "questions" },
		{ "{\"questions\":[],\"exercises\":\"role_play\"}", "exercises" },
		{ "{\"questions\":[],\"exercises\":[],\"notes\":1}", "notes" },
		{ "{\"questions\":[\"kam.rel.01\",7],\"exercises\":[]}", "questions[1]" },
		{ "{\"questions\":[\"kam.rel.01\",\"kam rel 01\"],\"exercises\":[]}", "questions[1]" },
		{ "{\"questions\":[\"kam.rel.01\",\"kam.rel.01\"],\"exercises\":[]}", "questions[1]" },
		{ "{\"questions\":[\"custom.0\"],\"exercises\":[]}", "questions[0]" },
		{ "{\"questions\":[\"kam.rel.01\\u0000x\"],\"exercises\":[]}", "kit" },   /* NUL refused */
		{ "{\"questions\":[],\"exercises\":[\"Role play\"]}", "exercises[0]" },
		{ "{\"questions\":[],\"exercises\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]}", "exercises" },
		{ "{\"questions\":[],\"exercises\":[\"role_play\",\"role_play\"]}", "exercises[1]" },
	};
	struct kit k;
	struct plan_problem err;
	char too_many[2048];
	size_t o;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&err, 0, sizeof err);
		k.nquestions = 99;
		assert_false(kit_from_json(cases[i].json, &k, &err));
		assert_string_equal(err.field, cases[i].field);
		assert_non_null(err.message);
		assert_int_equal(k.nquestions, 0);
		assert_int_equal(k.nexercises, 0);
	}
	assert_false(kit_from_json(NULL, &k, &err));
	assert_string_equal(err.field, "kit");
	assert_false(kit_from_json("{", &k, NULL));   /* err is optional */

	o = (size_t)snprintf(too_many, sizeof too_many, "{\"questions\":[");
	for (int i = 0; i <= KIT_MAX_QUESTIONS; i++)
		o += (size_t)snprintf(too_many + o, sizeof too_many - o, "%s\"kam.rel.%02d\"", i ? "," : "", i);
	snprintf(too_many + o, sizeof too_many - o, "],\"exercises\":[]}");
	assert_false(kit_from_json(too_many, &k, &err));
	assert_string_equal(err.field, "questions");
	assert_string_equal(err.message, "A kit holds at most 30 core questions.");
}

static void test_kit_validate(void **state)
{
	struct kit k;
	struct plan_problem p[8];
	char json[KIT_JSON_MAX];

	(void)state;
	memset(&k, 0, sizeof k);
	add_q(&k, "kam.rel.01");
	add_q(&k, "bad ref");
	add_q(&k, "kam.rel.01");
	add_x(&k, "role_play");
	add_x(&k, "Role");
	assert_int_equal(kit_validate(&k, p, 8), 3);
	assert_string_equal(p[0].field, "questions[1]");
	assert_string_equal(p[1].field, "questions[2]");
	assert_string_equal(p[2].field, "exercises[1]");
	assert_int_equal(kit_validate(&k, p, 1), 1);
	/* an invalid kit is never written */
	assert_false(kit_to_json(&k, json, sizeof json));
	assert_string_equal(json, "");
	k.nquestions = KIT_MAX_QUESTIONS + 1;
	assert_true(kit_validate(&k, p, 8) >= 1);
	assert_string_equal(p[0].field, "questions");
}

/* R-INT-4: focus competencies stored as comma-separated keys. */
static void test_focus_strings(void **state)
{
	struct focus f;
	struct plan_problem err;
	char out[FOCUS_MAX * COMPETENCY_KEY_MAX];

	(void)state;
	assert_true(focus_parse(" negotiation , relationship_management,,negotiation ", KAM_KEYS, NKAM, &f, &err));
	assert_int_equal(f.n, 2);
	assert_string_equal(f.keys[0], "negotiation");
	assert_string_equal(f.keys[1], "relationship_management");
	assert_true(focus_contains(&f, "negotiation"));
	assert_false(focus_contains(&f, "cultural_fit"));
	assert_true(focus_format(&f, out, sizeof out));
	assert_string_equal(out, "negotiation,relationship_management");
	assert_false(focus_format(&f, out, 10));

	assert_true(focus_parse("", KAM_KEYS, NKAM, &f, &err));
	assert_int_equal(f.n, 0);
	assert_true(focus_parse(NULL, KAM_KEYS, NKAM, &f, &err));
	assert_int_equal(f.n, 0);
	assert_true(focus_format(&f, out, sizeof out));
	assert_string_equal(out, "");
	assert_true(focus_parse("salary_realism", KAM_KEYS, NKAM, &f, &err));
	assert_int_equal(f.n, 1);

	/* unknown key named in the error; nothing returned */
	assert_false(focus_parse("negotiation,market_analysis", KAM_KEYS, NKAM, &f, &err));
	assert_string_equal(err.field, "market_analysis");
	assert_int_equal(f.n, 0);
	/* without a list, only the syntax counts */
	assert_true(focus_parse("market_analysis", NULL, 0, &f, &err));
	assert_false(focus_parse("Market Analysis", NULL, 0, &f, &err));
	assert_string_equal(err.field, "Market Analysis");
	assert_false(focus_parse("a,b,c,d,e,f,g,h,i,j,k,l,m", NULL, 0, &f, &err));
	assert_string_equal(err.field, "focus");
	assert_true(focus_parse("a,b,c,d,e,f,g,h,i,j,k,l", NULL, 0, &f, &err));
	assert_int_equal(f.n, FOCUS_MAX);
	assert_false(focus_parse("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", NULL, 0, &f, &err));
	assert_int_equal(strlen(err.field), COMPETENCY_KEY_MAX - 1);

	/* round trip through the format */
	assert_true(focus_parse("cultural_fit,empathy_and_active_listening", KAM_KEYS, NKAM, &f, &err));
	assert_true(focus_format(&f, out, sizeof out));
	assert_string_equal(out, "cultural_fit,empathy_and_active_listening");
	assert_true(competency_key_valid("salary_realism"));
	assert_false(competency_key_valid("9lives"));
	assert_string_equal(salary_realism_label(), "Realism of salary expectations");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rating_scale),
		cmocka_unit_test(test_code_tables),
		cmocka_unit_test(test_default_rounds),
		cmocka_unit_test(test_too_many_rounds),
		cmocka_unit_test(test_default_focus),
		cmocka_unit_test(test_question_refs_and_exercise_keys),
		cmocka_unit_test(test_kit_json_round_trip),
		cmocka_unit_test(test_kit_versioning),
		cmocka_unit_test(test_kit_json_errors),
		cmocka_unit_test(test_kit_validate),
		cmocka_unit_test(test_focus_strings),
	};
	return cmocka_run_group_tests_name("interview_plan", tests, NULL, NULL);
}
