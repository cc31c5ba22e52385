/*
 * test_i18n.c — message catalogs and locale formatting (R-X-3): German is
 * the default, English msgids fall through, Accept-Language is honoured,
 * dates and numbers follow the language.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	i18n_init();
	return 0;
}

static void test_german_catalog_translates(void **state)
{
	(void)state;
	/* R-X-3 */
	assert_string_equal(i18n_gettext_in(LANG_DE, "Log in"), "Anmelden");
	assert_string_equal(i18n_gettext_in(LANG_DE, "Positions"), "Stellen");
	assert_string_equal(i18n_gettext_in(LANG_EN, "Positions"), "Positions");
	assert_string_equal(i18n_gettext_in(LANG_DE, "no such message id"), "no such message id");
	i18n_set_lang(LANG_DE);
	assert_string_equal(_("Settings"), "Einstellungen");
	i18n_set_lang(LANG_EN);
	assert_string_equal(_("Settings"), "Settings");
}

static void test_accept_language(void **state)
{
	(void)state;
	/* R-X-3: the browser's preference decides when the user chose nothing */
	assert_int_equal(lang_from_accept_language("en-US,en;q=0.9,de;q=0.8"), LANG_EN);
	assert_int_equal(lang_from_accept_language("de-DE,de;q=0.9,en;q=0.8"), LANG_DE);
	assert_int_equal(lang_from_accept_language("fr-FR,fr;q=0.9,en;q=0.5"), LANG_EN);
	assert_int_equal(lang_from_accept_language("fr"), LANG_DE);
	assert_int_equal(lang_from_accept_language(NULL), LANG_DE);
	assert_int_equal(lang_from_accept_language("de;q=0.2, en;q=0.7"), LANG_EN);
	assert_int_equal(lang_from_accept_language("english"), LANG_DE);
}

static void test_dates_and_numbers(void **state)
{
	(void)state;
	char out[64];
	i18n_format_date(out, sizeof out, 1795737600, LANG_DE); /* 2026-11-27 */
	assert_string_equal(out, "27.11.2026");
	i18n_format_date(out, sizeof out, 1795737600, LANG_EN);
	assert_string_equal(out, "27 Nov 2026");
	i18n_format_int(out, sizeof out, 1250000, LANG_DE);
	assert_string_equal(out, "1.250.000");
	i18n_format_int(out, sizeof out, -1250, LANG_EN);
	assert_string_equal(out, "-1,250");
	i18n_format_int(out, sizeof out, 999, LANG_DE);
	assert_string_equal(out, "999");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_german_catalog_translates),
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_dates_and_numbers),
	};
	return cmocka_run_group_tests_name("i18n", tests, setup, NULL);
}
