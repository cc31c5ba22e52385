/*
 * Unit tests for src/core/roles.c: stable role names, parsing and labels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/roles.h"

static void test_role_names_are_stable(void **state)
{
	(void)state;
	/* R-X-2: the four roles and their stored spelling */
	assert_string_equal(role_name(ROLE_ADMIN), "admin");
	assert_string_equal(role_name(ROLE_RECRUITER), "recruiter");
	assert_string_equal(role_name(ROLE_HIRING_MANAGER), "hiring_manager");
	assert_string_equal(role_name(ROLE_INTERVIEWER), "interviewer");
	assert_int_equal(ROLE__COUNT, 4);
}

static void test_role_name_out_of_range(void **state)
{
	(void)state;
	assert_string_equal(role_name(ROLE__COUNT), "unknown");
	assert_string_equal(role_name((enum role)-1), "unknown");
	assert_string_equal(role_name((enum role)1000), "unknown");
}

static void test_role_parse_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < ROLE__COUNT; i++) {
		enum role r = ROLE__COUNT;
		/* R-X-2 */
		assert_true(role_parse(role_name((enum role)i), &r));
		assert_int_equal(r, i);
	}
}

static void test_role_parse_rejects_unknown(void **state)
{
	enum role r = ROLE_INTERVIEWER;

	(void)state;
	/* R-X-2: only exact names are accepted */
	assert_false(role_parse(NULL, &r));
	assert_false(role_parse("", &r));
	assert_false(role_parse("Admin", &r));
	assert_false(role_parse("ADMIN", &r));
	assert_false(role_parse("admin ", &r));
	assert_false(role_parse(" admin", &r));
	assert_false(role_parse("adm", &r));
	assert_false(role_parse("administrator", &r));
	assert_false(role_parse("hiring manager", &r));
	assert_false(role_parse("hiring-manager", &r));
	assert_false(role_parse("unknown", &r));
	/* A failed parse leaves the output alone. */
	assert_int_equal(r, ROLE_INTERVIEWER);
}

static void test_role_labels(void **state)
{
	(void)state;
	/* R-X-3: English msgids, translated elsewhere */
	assert_string_equal(role_label(ROLE_ADMIN), "Administrator");
	assert_string_equal(role_label(ROLE_RECRUITER), "Recruiter");
	assert_string_equal(role_label(ROLE_HIRING_MANAGER), "Hiring manager");
	assert_string_equal(role_label(ROLE_INTERVIEWER), "Interviewer");
	assert_non_null(role_label(ROLE__COUNT));
	assert_non_null(role_label((enum role)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_names_are_stable),
		cmocka_unit_test(test_role_name_out_of_range),
		cmocka_unit_test(test_role_parse_round_trip),
		cmocka_unit_test(test_role_parse_rejects_unknown),
		cmocka_unit_test(test_role_labels),
	};
	return cmocka_run_group_tests_name("roles", tests, NULL, NULL);
}
