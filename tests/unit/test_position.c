/*
 * Unit tests for src/core/position.c and the enumerations of
 * src/core/profile.c: stable codes and labels, the Bundesländer, position and
 * organisation validation edge by edge, days_between() and profile_free().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/position.h"
#include "core/profile.h"

#define MAX_PROBLEMS 16

/* A position that passes every check. */
static struct position valid_position(void)
{
	struct position p;

	memset(&p, 0, sizeof p);
	strcpy(p.title, "Key Account Manager (m/w/d)");
	p.headcount = 1;
	p.salary_min = 70000;
	p.salary_max = 90000;
	strcpy(p.currency, "EUR");
	strcpy(p.target_start, "2026-10-01");
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.status = POSITION_DRAFT;
	return p;
}

static struct organisation valid_organisation(void)
{
	struct organisation o;

	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht Sensorik GmbH");
	strcpy(o.website, "https://nordlicht.example");
	strcpy(o.city, "Hamburg");
	strcpy(o.country, "DE");
	strcpy(o.state, "DE-HH");
	return o;
}

/* Number of problems reported for field, and the first one's message. */
static int problems_for(const struct field_problem *pr, size_t n, const char *field, const char **message)
{
	int count = 0;

	for (size_t i = 0; i < n; i++) {
		if (strcmp(pr[i].field, field) == 0) {
			if (count == 0 && message != NULL)
				*message = pr[i].message;
			count++;
		}
	}
	return count;
}

static size_t validate(const struct position *p, struct field_problem *pr)
{
	return position_validate(p, pr, MAX_PROBLEMS);
}

/* Whether validating p reports exactly one problem, for field. */
static bool only_problem(const struct position *p, const char *field)
{
	struct field_problem pr[MAX_PROBLEMS];
	size_t n = validate(p, pr);

	return n == 1 && strcmp(pr[0].field, field) == 0 && pr[0].message != NULL && pr[0].message[0] != '\0';
}

static void test_status_codes_roundtrip(void **state)
{
	enum position_status s = POSITION_CLOSED;

	(void)state;
	assert_string_equal(position_status_code(POSITION_DRAFT), "draft");
	assert_string_equal(position_status_code(POSITION_OPEN), "open");
	assert_string_equal(position_status_code(POSITION_PAUSED), "paused");
	assert_string_equal(position_status_code(POSITION_FILLED), "filled");
	assert_string_equal(position_status_code(POSITION_CLOSED), "closed");
	assert_string_equal(position_status_label(POSITION_DRAFT), "Draft");
	assert_string_equal(position_status_label(POSITION_FILLED), "Filled");
	for (int i = 0; i < POSITION_STATUS__COUNT; i++) {
		assert_true(position_status_parse(position_status_code((enum position_status)i), &s));
		assert_int_equal(s, i);
	}
	assert_false(position_status_parse("Open", &s));
	assert_false(position_status_parse("", &s));
	assert_false(position_status_parse(NULL, &s));
	assert_int_equal(s, POSITION_STATUS__COUNT - 1);      /* untouched on failure */
	assert_string_equal(position_status_code(POSITION_STATUS__COUNT), "unknown");
	assert_string_equal(position_status_code((enum position_status)-1), "unknown");
	assert_string_equal(position_status_label(POSITION_STATUS__COUNT), "Unknown");
}

static void test_remote_and_employment_codes(void **state)
{
	enum remote_policy r;
	enum employment_type e;

	(void)state;
	assert_string_equal(remote_policy_code(REMOTE_ONSITE), "onsite");
	assert_string_equal(remote_policy_code(REMOTE_HYBRID), "hybrid");
	assert_string_equal(remote_policy_code(REMOTE_FULL), "remote");
	assert_string_equal(remote_policy_label(REMOTE_ONSITE), "On-site");
	assert_string_equal(remote_policy_code(REMOTE__COUNT), "unknown");
	for (int i = 0; i < REMOTE__COUNT; i++) {
		assert_true(remote_policy_parse(remote_policy_code((enum remote_policy)i), &r));
		assert_int_equal(r, i);
	}
	assert_false(remote_policy_parse("full", &r));

	assert_string_equal(employment_type_code(EMPLOYMENT_FULL_TIME), "full_time");
	assert_string_equal(employment_type_code(EMPLOYMENT_PART_TIME), "part_time");
	assert_string_equal(employment_type_code(EMPLOYMENT_CONTRACT), "contract");
	assert_string_equal(employment_type_code(EMPLOYMENT_TEMPORARY), "temporary");
	assert_string_equal(employment_type_label(EMPLOYMENT_PART_TIME), "Part-time");
	assert_string_equal(employment_type_code(EMPLOYMENT__COUNT), "unknown");
	for (int i = 0; i < EMPLOYMENT__COUNT; i++) {
		assert_true(employment_type_parse(employment_type_code((enum employment_type)i), &e));
		assert_int_equal(e, i);
	}
	assert_false(employment_type_parse("FULL_TIME", &e));
	assert_true(employment_type_parse("contract", NULL));
}

static void test_bundeslaender(void **state)
{
	static const char *const codes[16] = {
		"DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV",
		"DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH",
	};

	(void)state;
	for (int i = 0; i < 16; i++) {
		assert_string_equal(BUNDESLAENDER[i].code, codes[i]);
		assert_non_null(BUNDESLAENDER[i].name);
		assert_true(strlen(BUNDESLAENDER[i].name) > 0);
		assert_true(bundesland_valid(codes[i]));
	}
	assert_string_equal(BUNDESLAENDER[5].name, "Hamburg");
	assert_string_equal(BUNDESLAENDER[0].name, "Baden-Württemberg");
	assert_string_equal(BUNDESLAENDER[15].name, "Thüringen");
	assert_false(bundesland_valid("DE-XX"));
	assert_false(bundesland_valid("de-hh"));
	assert_false(bundesland_valid("DE-HH "));
	assert_false(bundesland_valid("HH"));
	assert_false(bundesland_valid(""));
	assert_false(bundesland_valid(NULL));
}

static void test_valid_position_passes(void **state)
{
	struct position p = valid_position();
	struct field_problem pr[MAX_PROBLEMS];

	(void)state;
	assert_int_equal(validate(&p, pr), 0);
	/* salary and target start are optional */
	p.salary_min = 0;
	p.salary_max = 0;
	p.target_start[0] = '\0';
	assert_int_equal(validate(&p, pr), 0);
	p.salary_min = 50000;                   /* only a minimum */
	assert_int_equal(validate(&p, pr), 0);
	p.salary_min = 0;
	p.salary_max = 50000;                   /* only a maximum */
	assert_int_equal(validate(&p, pr), 0);
	p.salary_min = 50000;                   /* min == max */
	assert_int_equal(validate(&p, pr), 0);
}

static void test_title_required_and_bounded(void **state)
{
	struct position p = valid_position();
	const char *msg = NULL;
	struct field_problem pr[MAX_PROBLEMS];

	(void)state;
	/* R-X-6: an empty or blank title is refused, naming the field */
	p.title[0] = '\0';
	assert_true(only_problem(&p, "title"));
	strcpy(p.title, "   ");
	assert_true(only_problem(&p, "title"));
	strcpy(p.title, " \t\r\n ");
	assert_true(only_problem(&p, "title"));
	assert_int_equal(problems_for(pr, validate(&p, pr), "title", &msg), 1);
	assert_string_equal(msg, "Please enter a title.");
	strcpy(p.title, " x ");
	assert_int_equal(validate(&p, pr), 0);
	/* 159 bytes fit; a field without its terminating NUL does not */
	memset(p.title, 'a', POSITION_TITLE_MAX - 1);
	p.title[POSITION_TITLE_MAX - 1] = '\0';
	assert_int_equal(validate(&p, pr), 0);
	p.title[POSITION_TITLE_MAX - 1] = 'a';
	assert_true(only_problem(&p, "title"));
}

static void test_headcount_range(void **state)
{
	struct position p = valid_position();
	struct field_problem pr[MAX_PROBLEMS];

	(void)state;
	p.headcount = 0;
	assert_true(only_problem(&p, "headcount"));
	p.headcount = -1;
	assert_true(only_problem(&p, "headcount"));
	p.headcount = 1000;
	assert_true(only_problem(&p, "headcount"));
	p.headcount = 999;
	assert_int_equal(validate(&p, pr), 0);
	p.headcount = 1;
	assert_int_equal(validate(&p, pr), 0);
}

static void test_salary_band(void **state)
{
	struct position p = valid_position();
	struct field_problem pr[MAX_PROBLEMS];
	size_t n;

	(void)state;
	/* R-X-6: inverted and negative salary bands are refused */
	p.salary_min = 90000;
	p.salary_max = 70000;
	assert_true(only_problem(&p, "salary_max"));      /* inverted */
	p.salary_min = -1;
	p.salary_max = 70000;
	assert_true(only_problem(&p, "salary_min"));
	p.salary_min = 0;
	p.salary_max = -5;
	assert_true(only_problem(&p, "salary_max"));
	p.salary_min = -10;
	p.salary_max = -5;
	n = validate(&p, pr);
	assert_int_equal(n, 2);
	assert_int_equal(problems_for(pr, n, "salary_min", NULL), 1);
	assert_int_equal(problems_for(pr, n, "salary_max", NULL), 1);
	/* an inverted band where the maximum is negative reports it once */
	p.salary_min = 50000;
	p.salary_max = -5;
	assert_true(only_problem(&p, "salary_max"));
}

static void test_currency(void **state)
{
	struct position p = valid_position();
	struct field_problem pr[MAX_PROBLEMS];

	(void)state;
	/* R-X-6 */
	strcpy(p.currency, "eur");
	assert_true(only_problem(&p, "currency"));
	strcpy(p.currency, "EU");
	assert_true(only_problem(&p, "currency"));
	strcpy(p.currency, "");
	assert_true(only_problem(&p, "currency"));
	strcpy(p.currency, "E1R");
	assert_true(only_problem(&p, "currency"));
	memcpy(p.currency, "EURO", 4);          /* no terminating NUL */
	assert_true(only_problem(&p, "currency"));
	strcpy(p.currency, "CHF");
	assert_int_equal(validate(&p, pr), 0);
}

static void test_target_start_dates(void **state)
{
	static const char *const bad[] = {
		"2026-02-29",           /* 2026 is no leap year */
		"1900-02-29",           /* divisible by 100, not by 400 */
		"2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "2026-01-32",
		"0000-01-01", "26-01-01", "2026/01/01", "2026-1-01", "2026-01-1x",
		" 2026-01-0", "today",
	};
	static const char *const good[] = {
		"2028-02-29", "2000-02-29", "2024-02-29", "2026-02-28", "2026-12-31",
		"2026-04-30", "2026-01-31", "0001-01-01", "9999-12-31",
	};
	struct position p = valid_position();
	struct field_problem pr[MAX_PROBLEMS];

	(void)state;
	/* R-X-6: only real calendar dates, leap years included */
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strcpy(p.target_start, bad[i]);
		if (!only_problem(&p, "target_start"))
			fail_msg("accepted %s", bad[i]);
	}
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		strcpy(p.target_start, good[i]);
		if (validate(&p, pr) != 0)
			fail_msg("rejected %s", good[i]);
	}
	memset(p.target_start, '1', sizeof p.target_start);   /* no terminating NUL */
	assert_true(only_problem(&p, "target_start"));
}

static void test_enums_in_range(void **state)
{
	struct position p = valid_position();

	(void)state;
	p.remote = REMOTE__COUNT;
	assert_true(only_problem(&p, "remote"));
	p = valid_position();
	p.employment = (enum employment_type)-1;
	assert_true(only_problem(&p, "employment"));
	p = valid_position();
	p.status = POSITION_STATUS__COUNT;
	assert_true(only_problem(&p, "status"));
}

static void test_position_problems_in_field_order_and_max(void **state)
{
	static const char *const fields[] = {
		"title", "headcount", "salary_min", "salary_max", "currency", "target_start",
		"remote", "employment", "status",
	};
	struct position p;
	struct field_problem pr[MAX_PROBLEMS];
	size_t n;

	(void)state;
	memset(&p, 0, sizeof p);
	p.salary_min = -1;
	p.salary_max = -1;
	strcpy(p.target_start, "2026-02-30");
	p.remote = REMOTE__COUNT;
	p.employment = EMPLOYMENT__COUNT;
	p.status = POSITION_STATUS__COUNT;
	n = validate(&p, pr);
	assert_int_equal(n, sizeof fields / sizeof fields[0]);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(pr[i].field, fields[i]);
		assert_non_null(pr[i].message);
	}
	/* never more than max; max 0 writes nothing */
	memset(pr, 0, sizeof pr);
	assert_int_equal(position_validate(&p, pr, 2), 2);
	assert_null(pr[2].field);
	assert_int_equal(position_validate(&p, NULL, 0), 0);
	assert_int_equal(position_validate(NULL, pr, MAX_PROBLEMS), 0);
}

static void test_organisation_validate(void **state)
{
	struct organisation o = valid_organisation();
	struct field_problem pr[MAX_PROBLEMS];
	size_t n;

	(void)state;
	assert_int_equal(organisation_validate(&o, pr, MAX_PROBLEMS), 0);

	o.name[0] = '\0';
	n = organisation_validate(&o, pr, MAX_PROBLEMS);
	assert_int_equal(n, 1);
	assert_string_equal(pr[0].field, "name");
	strcpy(o.name, "  \t");
	assert_int_equal(organisation_validate(&o, pr, MAX_PROBLEMS), 1);
	o = valid_organisation();

	/* R-X-6: website empty or http(s) without blanks; no other schemes */
	static const char *const bad_sites[] = {
		"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "ftp://example.com",
		"www.example.com", "https://", "http://", "https:///path", "https://exa mple.com",
		"https://example.com\t", " https://example.com", "https:example.com",
		"//example.com",
	};
	static const char *const good_sites[] = {
		"", "http://example.com", "https://example.com/karriere?x=1", "HTTPS://EXAMPLE.COM",
	};
	for (size_t i = 0; i < sizeof bad_sites / sizeof bad_sites[0]; i++) {
		strcpy(o.website, bad_sites[i]);
		n = organisation_validate(&o, pr, MAX_PROBLEMS);
		if (n != 1 || strcmp(pr[0].field, "website") != 0)
			fail_msg("accepted website %s", bad_sites[i]);
	}
	for (size_t i = 0; i < sizeof good_sites / sizeof good_sites[0]; i++) {
		strcpy(o.website, good_sites[i]);
		if (organisation_validate(&o, pr, MAX_PROBLEMS) != 0)
			fail_msg("rejected website %s", good_sites[i]);
	}
	o = valid_organisation();

	strcpy(o.state, "DE-XX");
	n = organisation_validate(&o, pr, MAX_PROBLEMS);
	assert_int_equal(n, 1);
	assert_string_equal(pr[0].field, "state");
	strcpy(o.state, "");
	assert_int_equal(organisation_validate(&o, pr, MAX_PROBLEMS), 0);
	o = valid_organisation();

	strcpy(o.country, "de");
	n = organisation_validate(&o, pr, MAX_PROBLEMS);
	assert_int_equal(n, 1);
	assert_string_equal(pr[0].field, "country");
	strcpy(o.country, "D");
	assert_int_equal(organisation_validate(&o, pr, MAX_PROBLEMS), 1);
	strcpy(o.country, "");
	assert_int_equal(organisation_validate(&o, pr, MAX_PROBLEMS), 0);
	strcpy(o.country, "AT");
	assert_int_equal(organisation_validate(&o, pr, MAX_PROBLEMS), 0);

	/* all at once, in field order, bounded by max */
	memset(&o, 0, sizeof o);
	strcpy(o.website, "javascript:alert(1)");
	strcpy(o.state, "DE-XX");
	strcpy(o.country, "xx");
	n = organisation_validate(&o, pr, MAX_PROBLEMS);
	assert_int_equal(n, 4);
	assert_string_equal(pr[0].field, "name");
	assert_string_equal(pr[1].field, "website");
	assert_string_equal(pr[2].field, "state");
	assert_string_equal(pr[3].field, "country");
	assert_int_equal(organisation_validate(&o, pr, 1), 1);
	assert_int_equal(organisation_validate(&o, NULL, 5), 0);
}

static void test_days_between(void **state)
{
	const int64_t day = 86400;
	const int64_t t0 = 1767225600;          /* 2026-01-01 00:00 UTC */

	(void)state;
	assert_int_equal(days_between(0, t0), 0);
	assert_int_equal(days_between(t0, t0), 0);
	assert_int_equal(days_between(t0 + day, t0), 0);   /* in the future */
	assert_int_equal(days_between(t0, t0 + day - 1), 0);
	assert_int_equal(days_between(t0, t0 + day), 1);
	assert_int_equal(days_between(t0, t0 + 45 * day + 3600), 45);
	assert_int_equal(days_between(-5, t0), 0);
}

static void test_profile_enum_codes(void **state)
{
	enum goal_kind g;
	enum tier t;
	enum requirement_kind k;
	enum cefr c = CEFR_B2;
	enum stakeholder_role r;

	(void)state;
	/* R-PROF-1 */
	assert_string_equal(goal_kind_code(GOAL_REVENUE), "revenue");
	assert_string_equal(goal_kind_code(GOAL_MARKET_ENTRY), "market_entry");
	assert_string_equal(goal_kind_code(GOAL_ACCOUNT_DEVELOPMENT), "account_development");
	assert_string_equal(goal_kind_code(GOAL_FREE_TEXT), "free_text");
	assert_string_equal(goal_kind_label(GOAL_FREE_TEXT), "Other goal");
	for (int i = 0; i < GOAL_KIND__COUNT; i++) {
		assert_true(goal_kind_parse(goal_kind_code((enum goal_kind)i), &g));
		assert_int_equal(g, i);
	}
	assert_false(goal_kind_parse("unknown", &g));

	/* R-PROF-3: three tiers and seven kinds */
	assert_string_equal(tier_code(TIER_MUST), "must");
	assert_string_equal(tier_code(TIER_IMPORTANT), "important");
	assert_string_equal(tier_code(TIER_NICE), "nice");
	assert_string_equal(tier_label(TIER_MUST), "Must-have");
	assert_string_equal(tier_label(TIER_IMPORTANT), "Important");
	assert_string_equal(tier_label(TIER_NICE), "Nice-to-have");
	assert_string_equal(tier_code(TIER__COUNT), "unknown");
	for (int i = 0; i < TIER__COUNT; i++) {
		assert_true(tier_parse(tier_code((enum tier)i), &t));
		assert_int_equal(t, i);
	}
	assert_false(tier_parse("Must", &t));

	static const char *const kinds[REQ_KIND__COUNT] = {
		"experience", "skill", "language", "education", "certificate", "industry", "trait",
	};
	for (int i = 0; i < REQ_KIND__COUNT; i++) {
		assert_string_equal(requirement_kind_code((enum requirement_kind)i), kinds[i]);
		assert_true(requirement_kind_parse(kinds[i], &k));
		assert_int_equal(k, i);
	}
	assert_string_equal(requirement_kind_label(REQ_INDUSTRY), "Industry knowledge");
	assert_string_equal(requirement_kind_label(REQ_TRAIT), "Trait");
	assert_false(requirement_kind_parse("hobby", &k));

	/* R-PROF-3: CEFR levels; "" is no level, unknown levels are refused */
	assert_string_equal(cefr_code(CEFR_NONE), "");
	assert_string_equal(cefr_code(CEFR_A1), "A1");
	assert_string_equal(cefr_code(CEFR_C2), "C2");
	assert_true(cefr_parse("", &c));
	assert_int_equal(c, CEFR_NONE);
	assert_true(cefr_parse("C1", &c));
	assert_int_equal(c, CEFR_C1);
	assert_false(cefr_parse("c1", &c));
	assert_false(cefr_parse("C3", &c));
	assert_false(cefr_parse("fluent", &c));
	assert_false(cefr_parse(NULL, &c));
	assert_int_equal(c, CEFR_C1);

	/* R-PROF-6 */
	static const char *const roles[STAKEHOLDER_ROLE__COUNT] = {
		"managing_director", "sales_head", "cfo", "head_of_engineering", "bdm", "hr", "other",
	};
	for (int i = 0; i < STAKEHOLDER_ROLE__COUNT; i++) {
		assert_string_equal(stakeholder_role_code((enum stakeholder_role)i), roles[i]);
		assert_true(stakeholder_role_parse(roles[i], &r));
		assert_int_equal(r, i);
	}
	assert_string_equal(stakeholder_role_label(STAKEHOLDER_MANAGING_DIRECTOR), "Managing director");
	assert_string_equal(stakeholder_role_label(STAKEHOLDER_SALES_HEAD), "Head of sales");
	assert_string_equal(stakeholder_role_label(STAKEHOLDER_BDM), "Business Development Manager");
	assert_string_equal(stakeholder_role_label(STAKEHOLDER_ROLE__COUNT), "Unknown");
	assert_false(stakeholder_role_parse("ceo", &r));
}

static void test_profile_free(void **state)
{
	struct profile p;

	(void)state;
	memset(&p, 0, sizeof p);
	p.goals = calloc(2, sizeof *p.goals);
	p.ngoals = 2;
	p.requirements = calloc(3, sizeof *p.requirements);
	p.nrequirements = 3;
	p.stakeholders = calloc(1, sizeof *p.stakeholders);
	p.nstakeholders = 1;
	p.proposals = calloc(4, sizeof *p.proposals);
	p.nproposals = 4;
	strcpy(p.challenges, "kept");
	profile_free(&p);
	assert_null(p.goals);
	assert_null(p.requirements);
	assert_null(p.stakeholders);
	assert_null(p.proposals);
	assert_int_equal(p.ngoals + p.nrequirements + p.nstakeholders + p.nproposals, 0);
	assert_string_equal(p.challenges, "kept");
	profile_free(&p);                       /* twice is harmless */
	profile_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_codes_roundtrip),
		cmocka_unit_test(test_remote_and_employment_codes),
		cmocka_unit_test(test_bundeslaender),
		cmocka_unit_test(test_valid_position_passes),
		cmocka_unit_test(test_title_required_and_bounded),
		cmocka_unit_test(test_headcount_range),
		cmocka_unit_test(test_salary_band),
		cmocka_unit_test(test_currency),
		cmocka_unit_test(test_target_start_dates),
		cmocka_unit_test(test_enums_in_range),
		cmocka_unit_test(test_position_problems_in_field_order_and_max),
		cmocka_unit_test(test_organisation_validate),
		cmocka_unit_test(test_days_between),
		cmocka_unit_test(test_profile_enum_codes),
		cmocka_unit_test(test_profile_free),
	};
	return cmocka_run_group_tests_name("position", tests, NULL, NULL);
}
