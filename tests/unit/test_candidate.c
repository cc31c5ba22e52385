/*
 * Unit tests for src/core/candidate.c: validation of the candidate record,
 * the normalisation of email, phone and name, the duplicate score with its
 * reasons and threshold (R-CAND-5), and the mapping of German and English
 * CSV header cells to candidate fields (R-CAND-4).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/candidate.h"
#include "core/csv.h"

#define MAX_PROBLEMS 16

/* A valid candidate to start each case from. */
static void anna(struct candidate *c)
{
	candidate_init(c);
	c->id = 1;
	strcpy(c->first_name, "Anna");
	strcpy(c->last_name, "Müller");
	strcpy(c->email, "anna.mueller@example.de");
	strcpy(c->phone, "+49 (0)171 234 56 78");
	strcpy(c->current_role, "Key Account Manager");
	strcpy(c->current_company, "Muster GmbH");
	strcpy(c->location, "Hamburg");
	c->notice_period_weeks = 12;
	c->salary_expectation = 85000;
	strcpy(c->currency, "EUR");
	strcpy(c->languages, "Deutsch C2, Englisch C1");
	strcpy(c->channel, "linkedin");
}

/* Whether the problems name field. */
static bool has_problem(const struct field_problem *p, size_t n, const char *field)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(p[i].field, field) == 0)
			return true;
	return false;
}

static void valid_candidate(void **state)
{
	struct candidate c;
	struct field_problem p[MAX_PROBLEMS];

	(void)state;
	anna(&c);
	assert_int_equal(candidate_validate(&c, p, MAX_PROBLEMS), 0);
	/* only a last name, nothing else: still fine */
	candidate_init(&c);
	strcpy(c.last_name, "Öztürk");
	assert_int_equal(candidate_validate(&c, p, MAX_PROBLEMS), 0);
}

static void name_required(void **state)
{
	struct candidate c;
	struct field_problem p[MAX_PROBLEMS];
	size_t n;

	(void)state;
	anna(&c);
	strcpy(c.first_name, "  ");
	c.last_name[0] = '\0';
	n = candidate_validate(&c, p, MAX_PROBLEMS);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].field, "last_name");
	assert_non_null(p[0].message);
}

static void email_plausibility(void **state)
{
	static const char *const good[] = {
		"anna@example.de", "a.b+tag@sub.example.co.uk", "jürgen@müller.de", "x_y-z@ex-ample.org",
	};
	static const char *const bad[] = {
		"anna", "anna@", "@example.de", "anna@example", "anna@@example.de", "an na@example.de",
		"anna@example.d", "anna..m@example.de", ".anna@example.de", "anna.@example.de",
		"anna@.example.de", "<anna@example.de>", "anna@example.de,ben@example.de",
	};
	struct candidate c;
	struct field_problem p[MAX_PROBLEMS];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(candidate_email_plausible(good[i]));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(candidate_email_plausible(bad[i]));
	anna(&c);
	strcpy(c.email, "anna(at)example.de");
	assert_int_equal(candidate_validate(&c, p, MAX_PROBLEMS), 1);
	assert_string_equal(p[0].field, "email");
	c.email[0] = '\0';  /* no email at all is fine */
	assert_int_equal(candidate_validate(&c, p, MAX_PROBLEMS), 0);
}

static void numbers_phone_currency(void **state)
{
	struct candidate c;
	struct field_problem p[MAX_PROBLEMS];
	size_t n;

	(void)state;
	anna(&c);
	strcpy(c.phone, "call me");
	c.notice_period_weeks = 200;
	c.salary_expectation = -1;
	strcpy(c.currency, "eur");
	n = candidate_validate(&c, p, MAX_PROBLEMS);
	assert_int_equal(n, 4);
	assert_true(has_problem(p, n, "phone"));
	assert_true(has_problem(p, n, "notice_period_weeks"));
	assert_true(has_problem(p, n, "salary_expectation"));
	assert_true(has_problem(p, n, "currency"));
	anna(&c);
	strcpy(c.phone, "123");  /* too few digits */
	assert_int_equal(candidate_validate(&c, p, MAX_PROBLEMS), 1);
	c.notice_period_weeks = -1;  /* unknown */
	strcpy(c.phone, "0171/2345678");
	assert_int_equal(candidate_validate(&c, p, MAX_PROBLEMS), 0);
	/* the limit on the number of problems */
	strcpy(c.phone, "x");
	strcpy(c.email, "x");
	assert_int_equal(candidate_validate(&c, p, 1), 1);
}

static void lengths_and_encoding(void **state)
{
	struct candidate c;
	struct field_problem p[MAX_PROBLEMS];
	size_t n;

	(void)state;
	anna(&c);
	memset(c.current_company, 'x', sizeof c.current_company);  /* no terminator */
	strcpy(c.location, "K\xF6ln");                            /* Latin-1 */
	n = candidate_validate(&c, p, MAX_PROBLEMS);
	assert_int_equal(n, 2);
	assert_true(has_problem(p, n, "current_company"));
	assert_true(has_problem(p, n, "location"));
}

static void normalise_email(void **state)
{
	char out[64];

	(void)state;
	/* R-CAND-5 */
	candidate_normalise_email("  Anna.Mueller@Example.DE \t", out, sizeof out);
	assert_string_equal(out, "anna.mueller@example.de");
	candidate_normalise_email("Anna+jobs@googlemail.com", out, sizeof out);
	assert_string_equal(out, "anna@gmail.com");
	candidate_normalise_email("anna+x+y@gmail.com", out, sizeof out);
	assert_string_equal(out, "anna@gmail.com");
	/* +tags stay for other providers */
	candidate_normalise_email("anna+jobs@example.de", out, sizeof out);
	assert_string_equal(out, "anna+jobs@example.de");
	candidate_normalise_email("", out, sizeof out);
	assert_string_equal(out, "");
	candidate_normalise_email(NULL, out, sizeof out);
	assert_string_equal(out, "");
	candidate_normalise_email("averylongaddress@example.de", out, 8);  /* truncated, terminated */
	assert_string_equal(out, "averylo");
}

static void normalise_phone(void **state)
{
	static const char *const same[] = {
		"+49 (0)171 234 56 78", "0171/2345678", "0049 171 2345678", "+49 171-234 56 78",
		"+49 0171 2345678", "(0171) 234 56 78", "0171.234.56.78",
	};
	char out[32];
	size_t i;

	(void)state;
	/* R-CAND-5 */
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		candidate_normalise_phone(same[i], out, sizeof out);
		assert_string_equal(out, "491712345678");
	}
	candidate_normalise_phone("+43 1 234 5678", out, sizeof out);
	assert_string_equal(out, "4312345678");
	candidate_normalise_phone("0041 44 123 45 67", out, sizeof out);
	assert_string_equal(out, "41441234567");
	candidate_normalise_phone("keine", out, sizeof out);
	assert_string_equal(out, "");
	candidate_normalise_phone(NULL, out, sizeof out);
	assert_string_equal(out, "");
}

static void normalise_name(void **state)
{
	static const char *const same[] = {
		"Müller, Anna", "Anna Mueller", "ANNA MÜLLER", "  anna   müller ", "Mueller Anna",
	};
	char out[64];
	size_t i;

	(void)state;
	/* R-CAND-5 */
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		candidate_normalise_name(same[i], out, sizeof out);
		assert_string_equal(out, "anna mueller");
	}
	candidate_normalise_name("Jürgen Weiß", out, sizeof out);
	assert_string_equal(out, "juergen weiss");
	candidate_normalise_name("José García-Łukasiewicz", out, sizeof out);
	assert_string_equal(out, "garcia jose lukasiewicz");
	candidate_normalise_name("François Čapek", out, sizeof out);
	assert_string_equal(out, "capek francois");
	candidate_normalise_name("", out, sizeof out);
	assert_string_equal(out, "");
	candidate_normalise_name(" , ", out, sizeof out);
	assert_string_equal(out, "");
	candidate_normalise_name("Anna Mueller", out, 6);
	assert_string_equal(out, "anna");
}

static void fold_text(void **state)
{
	char out[64];

	(void)state;
	candidate_fold_text("Kündigungsfrist ÄÖÜ ß Ÿ ÿ × É", out, sizeof out);
	assert_string_equal(out, "kuendigungsfrist aeoeue ss y y × e");
	candidate_fold_text("Привет", out, sizeof out);  /* other scripts kept */
	assert_string_equal(out, "Привет");
	candidate_fold_text("ab\xFF", out, sizeof out);  /* broken bytes kept */
	assert_string_equal(out, "ab\xFF");
	candidate_fold_text("Привет", out, 4);          /* never a split character */
	assert_string_equal(out, "П");
}

static void duplicate_scores(void **state)
{
	struct candidate a, b;
	char reason[64];

	(void)state;
	/* R-CAND-5: same normalised email */
	anna(&a);
	candidate_init(&b);
	strcpy(b.first_name, "A.");
	strcpy(b.last_name, "M.");
	strcpy(b.email, " ANNA.MUELLER@example.de");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 100);
	assert_string_equal(reason, "Same email address");
	assert_true(candidate_is_duplicate(100));
	/* googlemail = gmail, +tag ignored */
	strcpy(a.email, "anna.m+stellwerk@googlemail.com");
	strcpy(b.email, "Anna.M@gmail.com");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 100);
	/* same phone in different spellings */
	anna(&a);
	strcpy(b.email, "other@example.de");
	strcpy(b.phone, "0171/2345678");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 90);
	assert_string_equal(reason, "Same phone number");
	assert_true(candidate_is_duplicate(90));
	/* Müller/Mueller at the same company */
	b.phone[0] = '\0';
	strcpy(b.first_name, "Anna");
	strcpy(b.last_name, "Mueller");
	strcpy(b.current_company, "MUSTER gmbh");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 70);
	assert_string_equal(reason, "Same name and company");
	assert_true(candidate_is_duplicate(70));
	/* same name, other company, same place */
	strcpy(b.current_company, "Beispiel AG");
	strcpy(b.location, "hamburg");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 70);
	assert_string_equal(reason, "Same name and location");
	/* different people with the same name: 40, not a duplicate */
	strcpy(b.location, "München");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 40);
	assert_string_equal(reason, "Same name");
	assert_false(candidate_is_duplicate(40));
	/* name written the other way round in one field */
	candidate_init(&b);
	strcpy(b.last_name, "Müller, Anna");
	strcpy(b.current_company, "Muster GmbH");
	assert_int_equal(candidate_duplicate_score(&a, &b, NULL, 0), 70);
	/* nothing in common; empty fields never match each other */
	candidate_init(&a);
	candidate_init(&b);
	strcpy(a.last_name, "Schmidt");
	strcpy(b.last_name, "Schulz");
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 0);
	assert_string_equal(reason, "");
	assert_false(candidate_is_duplicate(0));
	a.last_name[0] = b.last_name[0] = '\0';
	assert_int_equal(candidate_duplicate_score(&a, &b, reason, sizeof reason), 0);
}

static void header_aliases(void **state)
{
	static const struct {
		const char *header;
		int field;
	} cases[] = {
		{ "E-Mail", CANDIDATE_FIELD_EMAIL },
		{ "Email", CANDIDATE_FIELD_EMAIL },
		{ "e_mail", CANDIDATE_FIELD_EMAIL },
		{ "Vorname", CANDIDATE_FIELD_FIRST_NAME },
		{ "First Name", CANDIDATE_FIELD_FIRST_NAME },
		{ "first_name", CANDIDATE_FIELD_FIRST_NAME },
		{ "NACHNAME", CANDIDATE_FIELD_LAST_NAME },
		{ "Telefon", CANDIDATE_FIELD_PHONE },
		{ "Kündigungsfrist", CANDIDATE_FIELD_NOTICE_PERIOD },
		{ "Kuendigungsfrist", CANDIDATE_FIELD_NOTICE_PERIOD },
		{ "Gehaltsvorstellung", CANDIDATE_FIELD_SALARY_EXPECTATION },
		{ "Salary expectation", CANDIDATE_FIELD_SALARY_EXPECTATION },
		{ "Aktuelle Position", CANDIDATE_FIELD_CURRENT_ROLE },
		{ "Firma", CANDIDATE_FIELD_CURRENT_COMPANY },
		{ "Wohnort", CANDIDATE_FIELD_LOCATION },
		{ "Sprachen", CANDIDATE_FIELD_LANGUAGES },
		{ "Links", CANDIDATE_FIELD_LINKS },
		{ "Schlagwörter", CANDIDATE_FIELD_TAGS },
		{ "Quelle", CANDIDATE_FIELD_CHANNEL },
		{ "Notizen", CANDIDATE_FIELD_NOTES },
		{ " Name ", CANDIDATE_FIELD_NAME },
		{ "Geburtstag", -1 },
		{ "", -1 },
		{ "---", -1 },
	};
	size_t i;

	(void)state;
	/* R-CAND-4: header mapping */
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(candidate_field_for_header(cases[i].header), cases[i].field);
	assert_string_equal(candidate_field_code(CANDIDATE_FIELD_SALARY_EXPECTATION), "salary_expectation");
	assert_string_equal(candidate_field_code(CANDIDATE_FIELD__COUNT), "");
}

static void map_header_of_file(void **state)
{
	static const char file[] = "\xEF\xBB\xBFVorname;Nachname;E-Mail;Hobby;Email;Kündigungsfrist\n"
				   "Anna;Müller;anna@example.de;Segeln;a@b.de;3\n";
	struct csv_table t;
	struct csv_error errors[4];
	size_t nerrors;
	int map[6];

	(void)state;
	/* R-CAND-4 */
	assert_true(csv_parse(file, sizeof file - 1, NULL, &t, errors, 4, &nerrors));
	assert_int_equal(t.cols, 6);
	assert_int_equal(candidate_csv_map_header(&t, map), 4);
	assert_int_equal(map[0], CANDIDATE_FIELD_FIRST_NAME);
	assert_int_equal(map[1], CANDIDATE_FIELD_LAST_NAME);
	assert_int_equal(map[2], CANDIDATE_FIELD_EMAIL);
	assert_int_equal(map[3], -1);  /* unknown */
	assert_int_equal(map[4], -1);  /* email already taken by column 3 */
	assert_int_equal(map[5], CANDIDATE_FIELD_NOTICE_PERIOD);
	csv_table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_candidate),
		cmocka_unit_test(name_required),
		cmocka_unit_test(email_plausibility),
		cmocka_unit_test(numbers_phone_currency),
		cmocka_unit_test(lengths_and_encoding),
		cmocka_unit_test(normalise_email),
		cmocka_unit_test(normalise_phone),
		cmocka_unit_test(normalise_name),
		cmocka_unit_test(fold_text),
		cmocka_unit_test(duplicate_scores),
		cmocka_unit_test(header_aliases),
		cmocka_unit_test(map_header_of_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
