/*
 * Unit tests for src/core/messages.c (R-COMM-2): the template kinds, rendering
 * with {{placeholders}}, missing and unknown placeholders reported by name,
 * UTF-8 values, no recursive expansion, and the check before saving.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/messages.h"

static const struct message_value VALUES[] = {
	{ "candidate_name", "Jürgen Weiß" },
	{ "candidate_first_name", "Jürgen" },
	{ "position", "Key Account Manager (m/w/d)" },
	{ "company", "Müller & Söhne GmbH" },
	{ "date", "Dienstag, 3. März 2026" },
	{ "time", "10:00" },
	{ "place", "Hauptstraße 5, München" },
	{ "interviewer", "" },
	{ "sender", "Anna Schäfer" },
	{ "sender_email", "anna@example.com" },
};
#define NVALUES (sizeof VALUES / sizeof VALUES[0])

static bool has_problem(const struct message_problems *p, enum message_problem_kind kind, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].kind == kind && strcmp(p->items[i].name, name) == 0)
			return true;
	return false;
}

/* R-COMM-2: the five kinds with codes and labels. */
static void test_kinds(void **state)
{
	enum message_kind k;

	(void)state;
	assert_string_equal(message_kind_code(MESSAGE_ACKNOWLEDGEMENT), "acknowledgement");
	assert_string_equal(message_kind_code(MESSAGE_INVITATION), "invitation");
	assert_string_equal(message_kind_code(MESSAGE_INTERIM), "interim");
	assert_string_equal(message_kind_code(MESSAGE_REJECTION), "rejection");
	assert_string_equal(message_kind_code(MESSAGE_OFFER), "offer");
	assert_null(message_kind_code(MESSAGE_KIND__COUNT));
	assert_string_equal(message_kind_label(MESSAGE_INTERIM), "Interim update");
	assert_true(message_kind_parse("rejection", &k));
	assert_int_equal(k, MESSAGE_REJECTION);
	assert_false(message_kind_parse("Rejection", &k));
	assert_false(message_kind_parse(NULL, &k));
	assert_true(message_placeholder_known("sender_email"));
	assert_false(message_placeholder_known("salary"));
	assert_true(message_placeholder_required(MESSAGE_INVITATION, "place"));
	assert_false(message_placeholder_required(MESSAGE_REJECTION, "place"));
	assert_true(message_placeholder_required(MESSAGE_REJECTION, "candidate_name"));
	assert_false(message_placeholder_required(MESSAGE_INVITATION, "interviewer"));
}

/* R-COMM-2: rendering subject and body with UTF-8 values. */
static void test_render(void **state)
{
	struct buf subj = BUF_INIT, body = BUF_INIT;
	struct message_problems p;

	(void)state;
	assert_true(message_render(MESSAGE_INVITATION, "Einladung: {{position}}",
				   "Hallo {{ candidate_first_name }},\nam {{date}} um {{time}} in {{place}}.\n"
				   "{single} braces stay. Interviewer: [{{interviewer}}]\n{{sender}}",
				   VALUES, NVALUES, &subj, &body, &p));
	assert_int_equal(p.n, 0);
	assert_string_equal(buf_cstr(&subj), "Einladung: Key Account Manager (m/w/d)");
	assert_string_equal(buf_cstr(&body), "Hallo Jürgen,\nam Dienstag, 3. März 2026 um 10:00 in Hauptstraße 5, "
					     "München.\n{single} braces stay. Interviewer: []\nAnna Schäfer");
	buf_free(&subj);
	buf_free(&body);
}

/* R-COMM-2: every missing and unknown placeholder is reported by name, and
 * nothing is written. */
static void test_missing_and_unknown(void **state)
{
	struct buf body = BUF_INIT;
	struct message_problems p;
	struct message_value v[] = {
		{ "candidate_name", "Eva" },
		{ "date", "" },            /* empty: missing for an invitation */
		{ "interviewer", "" },     /* empty but optional: fine */
	};

	(void)state;
	assert_false(message_render(MESSAGE_INVITATION, "{{salary}}",
				     "{{candidate_name}} {{date}} {{time}} {{interviewer}} {{bonus}} {{time}}", v, 3,
				     NULL, &body, &p));
	assert_int_equal(body.len, 0);
	assert_true(has_problem(&p, MESSAGE_PROBLEM_UNKNOWN, "salary"));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_UNKNOWN, "bonus"));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_MISSING, "date"));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_MISSING, "time"));
	assert_false(has_problem(&p, MESSAGE_PROBLEM_MISSING, "interviewer"));
	assert_false(has_problem(&p, MESSAGE_PROBLEM_MISSING, "candidate_name"));
	assert_int_equal(p.n, 4);   /* {{time}} twice is reported once */
	assert_string_equal(p.items[0].part, "subject");
	assert_string_equal(message_problem_code(p.items[0].kind), "unknown");

	/* the same empty date is fine in a rejection (not required there) */
	assert_true(message_render(MESSAGE_REJECTION, NULL, "{{candidate_name}}{{date}}", v, 3, NULL, &body, &p));
	assert_string_equal(buf_cstr(&body), "Eva");
	/* an empty required name is missing in every kind */
	struct message_value e[] = { { "candidate_name", "" } };
	assert_false(message_render(MESSAGE_REJECTION, NULL, "Dear {{candidate_name}}", e, 1, NULL, NULL, &p));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_MISSING, "candidate_name"));
	buf_free(&body);
}

/* Values are inserted literally: no recursive expansion. */
static void test_no_recursion(void **state)
{
	struct buf body = BUF_INIT;
	struct message_problems p;
	struct message_value v[] = {
		{ "candidate_name", "{{position}} }} {{" },
		{ "position", "KAM" },
	};

	(void)state;
	assert_true(message_render_text(MESSAGE_INTERIM, "body", "{{candidate_name}} / {{position}}", v, 2, &body, &p));
	assert_string_equal(buf_cstr(&body), "{{position}} }} {{ / KAM");
	buf_free(&body);
}

/* Unbalanced braces are syntax errors, in rendering and in the save check. */
static void test_syntax_and_template_check(void **state)
{
	struct message_problems p;

	(void)state;
	assert_false(message_render_text(MESSAGE_OFFER, "body", "Hallo {{candidate_name", VALUES, NVALUES, NULL, &p));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_SYNTAX, ""));
	assert_false(message_template_check(MESSAGE_OFFER, "ok", "stray }} here", &p));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_SYNTAX, ""));
	assert_false(message_template_check(MESSAGE_OFFER, "ok", "{{}}", &p));
	assert_false(message_template_check(MESSAGE_OFFER, "ok", "{{ two words }}", &p));
	assert_false(message_template_check(MESSAGE_OFFER, "{{gehalt}}", "x", &p));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_UNKNOWN, "gehalt"));
	assert_true(message_template_check(MESSAGE_OFFER, "Angebot {{position}}", "{{candidate_name}}", &p));
	assert_int_equal(p.n, 0);

	/* an invitation must carry date, time and place */
	assert_false(message_template_check(MESSAGE_INVITATION, "Einladung", "am {{date}}", &p));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_REQUIRED, "time"));
	assert_true(has_problem(&p, MESSAGE_PROBLEM_REQUIRED, "place"));
	assert_false(has_problem(&p, MESSAGE_PROBLEM_REQUIRED, "date"));
	assert_true(message_template_check(MESSAGE_INVITATION, "{{date}}", "{{time}} {{place}}", &p));
	assert_true(message_template_check(MESSAGE_REJECTION, "Absage", "Leider", &p));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_missing_and_unknown),
		cmocka_unit_test(test_no_recursion),
		cmocka_unit_test(test_syntax_and_template_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
