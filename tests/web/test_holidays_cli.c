/*
 * test_holidays_cli.c — black-box tests of `stellwerk holidays` (R-TIME-1):
 * text and JSON output of a state's holidays in a year, help with examples,
 * and usage errors (exit 2) for a bad year, state or format.
 */
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUN(res, ...)                                                   \
	do {                                                            \
		const char *run_args_[] = { __VA_ARGS__, NULL };        \
		cmd_run((res), run_args_, NULL, NULL);                  \
	} while (0)

static void assert_exit(const struct cmd_result *res, int status, const char *what)
{
	if (res->status != status) {
		fprintf(stderr, "%s\n--- stdout:\n%s--- stderr:\n%s\n", what, res->out, res->err);
		fail_msg("%s: exit status %d, expected %d", what, res->status, status);
	}
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void text_lists_the_state_holidays(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, "holidays", "--year", "2025", "--state", "BY");
	assert_exit(&res, 0, "holidays BY 2025");
	assert_int_equal(count_lines(res.out), 12);
	static const char head[] = "2025-01-01  Neujahr\n2025-01-06  Heilige Drei Könige\n";
	assert_true(strncmp(res.out, head, strlen(head)) == 0);
	assert_contains(res.out, "2025-06-19  Fronleichnam\n");
	assert_contains(res.out, "2025-10-03  Tag der Deutschen Einheit\n");
	assert_contains(res.out, "2025-12-26  2. Weihnachtstag\n");
	assert_not_contains(res.out, "08-15"); /* Mariä Himmelfahrt is not statewide in Bavaria */
	cmd_result_free(&res);

	RUN(&res, "holidays", "--year", "2025", "--state", "de-be");
	assert_exit(&res, 0, "holidays de-be 2025");
	assert_int_equal(count_lines(res.out), 11);
	assert_contains(res.out, "2025-03-08  Internationaler Frauentag\n");
	assert_contains(res.out, "2025-05-08  Tag der Befreiung\n");
	cmd_result_free(&res);

	RUN(&res, "holidays", "--year", "2018", "--state", "BE");
	assert_exit(&res, 0, "holidays BE 2018");
	assert_not_contains(res.out, "Frauentag");
	assert_int_equal(count_lines(res.out), 9);
	cmd_result_free(&res);

	/* without --state: the nationwide holidays */
	RUN(&res, "holidays", "--year", "2017");
	assert_exit(&res, 0, "holidays 2017");
	assert_int_equal(count_lines(res.out), 10);
	assert_contains(res.out, "2017-10-31  Reformationstag\n");
	cmd_result_free(&res);
}

static void json_has_date_names_and_key(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, "holidays", "--year", "2024", "--state", "SN", "--format", "json");
	assert_exit(&res, 0, "holidays SN 2024 json");
	json_error_t err;
	json_t *doc = json_loads(res.out, 0, &err);
	if (!doc)
		fail_msg("not JSON: %s\n%s", err.text, res.out);
	assert_true(json_is_array(doc));
	assert_int_equal(json_array_size(doc), 11);
	json_t *first = json_array_get(doc, 0);
	assert_string_equal(json_string_value(json_object_get(first, "date")), "2024-01-01");
	assert_string_equal(json_string_value(json_object_get(first, "name")), "Neujahr");
	assert_string_equal(json_string_value(json_object_get(first, "name_en")), "New Year's Day");
	assert_string_equal(json_string_value(json_object_get(first, "key")), "new_year");
	bool repentance = false;
	for (size_t i = 0; i < json_array_size(doc); i++) {
		json_t *h = json_array_get(doc, i);
		if (strcmp(json_string_value(json_object_get(h, "key")), "repentance") == 0) {
			repentance = true;
			assert_string_equal(json_string_value(json_object_get(h, "date")), "2024-11-20");
			assert_string_equal(json_string_value(json_object_get(h, "name")), "Buß- und Bettag");
		}
	}
	assert_true(repentance);
	json_decref(doc);
	cmd_result_free(&res);
}

static void help_has_examples(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, "holidays", "--help");
	assert_exit(&res, 0, "holidays --help");
	assert_contains(res.out, "Usage: stellwerk holidays");
	assert_contains(res.out, "stellwerk holidays --year 2025 --state BY");
	cmd_result_free(&res);
	RUN(&res, "--help");
	assert_contains(res.out, "holidays");
	cmd_result_free(&res);
}

static void bad_input_exits_2(void **state)
{
	(void)state;
	static const char *const bad_years[] = { "1994", "2101", "20x5", "", "02025" };
	struct cmd_result res;
	for (size_t i = 0; i < sizeof bad_years / sizeof bad_years[0]; i++) {
		RUN(&res, "holidays", "--year", bad_years[i], "--state", "BY");
		assert_exit(&res, 2, bad_years[i]);
		assert_contains(res.err, "year");
		assert_string_equal(res.out, "");
		cmd_result_free(&res);
	}
	RUN(&res, "holidays", "--year", "2025", "--state", "XY");
	assert_exit(&res, 2, "state XY");
	assert_contains(res.err, "unknown state 'XY'");
	cmd_result_free(&res);
	RUN(&res, "holidays", "--state", "BY");
	assert_exit(&res, 2, "no year");
	assert_contains(res.err, "--year");
	cmd_result_free(&res);
	RUN(&res, "holidays", "--year", "2025", "--format", "xml");
	assert_exit(&res, 2, "format xml");
	assert_contains(res.err, "xml");
	cmd_result_free(&res);
	RUN(&res, "holidays", "--year", "2025", "extra");
	assert_exit(&res, 2, "operand");
	cmd_result_free(&res);
	RUN(&res, "holidays", "--bogus");
	assert_exit(&res, 2, "--bogus");
	cmd_result_free(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_lists_the_state_holidays),
		cmocka_unit_test(json_has_date_names_and_key),
		cmocka_unit_test(help_has_examples),
		cmocka_unit_test(bad_input_exits_2),
	};
	return cmocka_run_group_tests_name("web/holidays_cli", tests, NULL, NULL);
}
