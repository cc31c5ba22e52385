/*
 * Unit tests for src/core/password_policy.c: strict UTF-8 validation, length
 * in code points, user name and common-password checks, check order, and the
 * shipped list data/common-passwords.txt (tests run from the repo root).
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

#include "core/password_policy.h"

#define COMMON_LIST_PATH "data/common-passwords.txt"

/* Runs the check with a list given as a C string. */
static enum password_problem check_with(const char *pw, const char *user, const char *list)
{
	return password_policy_check(pw, user, list, list ? strlen(list) : 0);
}

static bool valid(const char *bytes)
{
	return utf8_valid(bytes, strlen(bytes));
}

static void test_utf8_accepts_well_formed(void **state)
{
	(void)state;
	assert_true(utf8_valid(NULL, 0));
	assert_true(valid(""));
	assert_true(valid("plain ascii ~\x7f"));
	assert_true(valid("\xc2\x80"));                 /* U+0080 */
	assert_true(valid("\xdf\xbf"));                 /* U+07FF */
	assert_true(valid("\xe0\xa0\x80"));             /* U+0800 */
	assert_true(valid("\xed\x9f\xbf"));             /* U+D7FF, just below surrogates */
	assert_true(valid("\xee\x80\x80"));             /* U+E000, just above surrogates */
	assert_true(valid("\xef\xbf\xbf"));             /* U+FFFF */
	assert_true(valid("\xf0\x90\x80\x80"));         /* U+10000 */
	assert_true(valid("\xf4\x8f\xbf\xbf"));         /* U+10FFFF */
	assert_true(valid("Grüße, € und 🚂"));
}

static void test_utf8_rejects_malformed(void **state)
{
	(void)state;
	/* R-X-6: bad input is recognised, never misread */
	assert_false(utf8_valid(NULL, 1));
	assert_false(valid("\xc0\xaf"));                /* overlong '/' */
	assert_false(valid("\xc1\xbf"));                /* overlong U+007F */
	assert_false(valid("\xe0\x80\xaf"));            /* overlong 3-byte */
	assert_false(valid("\xe0\x9f\xbf"));            /* overlong U+07FF */
	assert_false(valid("\xf0\x80\x80\xaf"));        /* overlong 4-byte */
	assert_false(valid("\xf0\x8f\xbf\xbf"));        /* overlong U+FFFF */
	assert_false(valid("\xed\xa0\x80"));            /* lone surrogate U+D800 */
	assert_false(valid("\xed\xbf\xbf"));            /* surrogate U+DFFF */
	assert_false(valid("\xed\xa0\xbd\xed\xb8\x80")); /* CESU-8 surrogate pair */
	assert_false(valid("\xf4\x90\x80\x80"));        /* U+110000 */
	assert_false(valid("\xf5\x80\x80\x80"));
	assert_false(valid("\xf8\x88\x80\x80\x80"));
	assert_false(valid("\xfe"));
	assert_false(valid("\xff"));
	assert_false(valid("\x80"));                    /* lone continuation */
	assert_false(valid("a\xbf" "b"));
	assert_false(valid("\xc3"));                    /* truncated at end */
	assert_false(valid("\xe2\x82"));
	assert_false(valid("\xf0\x9f\x9a"));
	assert_false(valid("\xc3" "A"));                /* continuation missing */
	assert_false(valid("\xe2\x28\xa1"));
	assert_false(valid("\xf0\x9f\x9a" "x"));
	/* Only len bytes are looked at: a sequence cut by len is invalid. */
	assert_false(utf8_valid("\xc3\xa4", 1));
	assert_true(utf8_valid("ab\xff", 2));
}

static void test_utf8_codepoints(void **state)
{
	(void)state;
	assert_int_equal(utf8_codepoints("", 0), 0);
	assert_int_equal(utf8_codepoints("abc", 3), 3);
	assert_int_equal(utf8_codepoints("äöü", strlen("äöü")), 3);
	assert_int_equal(strlen("äöü"), 6);
	assert_int_equal(utf8_codepoints("€", strlen("€")), 1);
	assert_int_equal(utf8_codepoints("🚂x", strlen("🚂x")), 2);
}

static void test_length_in_code_points(void **state)
{
	(void)state;
	/* R-X-2: 12 code points minimum, counted as characters, not bytes */
	assert_int_equal(check_with("abcdefghijk", NULL, NULL), PASSWORD_TOO_SHORT);
	assert_int_equal(check_with("abcdefghijkl", NULL, NULL), PASSWORD_OK);
	assert_int_equal(strlen("äöüäöüäöüäöü"), 24);
	assert_int_equal(check_with("äöüäöüäöüäöü", NULL, NULL), PASSWORD_OK);
	assert_int_equal(check_with("äöüäöüäöüäö", NULL, NULL), PASSWORD_TOO_SHORT);
	/* 11 emoji are 44 bytes but still too short */
	assert_int_equal(check_with("🚂🚃🚃🚃🚃🚃🚃🚃🚃🚃🚃", NULL, NULL), PASSWORD_TOO_SHORT);
	assert_int_equal(check_with("🚂🚃🚃🚃🚃🚃🚃🚃🚃🚃🚃🚃", NULL, NULL), PASSWORD_OK);
	assert_int_equal(check_with("", NULL, NULL), PASSWORD_TOO_SHORT);
	assert_int_equal(check_with(NULL, NULL, NULL), PASSWORD_TOO_SHORT);
}

static void test_maximum_length_in_bytes(void **state)
{
	char pw[PASSWORD_MAX_BYTES + 2];

	(void)state;
	memset(pw, 'x', PASSWORD_MAX_BYTES);
	pw[PASSWORD_MAX_BYTES] = '\0';
	/* R-X-2: up to 1024 bytes accepted */
	assert_int_equal(check_with(pw, NULL, NULL), PASSWORD_OK);
	pw[PASSWORD_MAX_BYTES] = 'x';
	pw[PASSWORD_MAX_BYTES + 1] = '\0';
	/* R-X-6: 1025 bytes rejected with a clear reason */
	assert_int_equal(check_with(pw, NULL, NULL), PASSWORD_TOO_LONG);
	/* 512 two-byte characters are exactly 1024 bytes */
	for (size_t i = 0; i < PASSWORD_MAX_BYTES; i += 2)
		memcpy(pw + i, "\xc3\xa4", 2);
	pw[PASSWORD_MAX_BYTES] = '\0';
	assert_int_equal(check_with(pw, NULL, NULL), PASSWORD_OK);
}

static void test_invalid_utf8_rejected_first(void **state)
{
	char pw[PASSWORD_MAX_BYTES + 2];

	(void)state;
	/* R-X-6 */
	assert_int_equal(check_with("abc\xc0\xaf" "defghijklm", NULL, NULL), PASSWORD_NOT_UTF8);
	assert_int_equal(check_with("abcdefghijkl\xed\xa0\x80", NULL, NULL), PASSWORD_NOT_UTF8);
	assert_int_equal(check_with("\xf5\x80\x80\x80" "abcdefghijkl", NULL, NULL),
	                 PASSWORD_NOT_UTF8);
	/* NOT_UTF8 wins over TOO_SHORT ... */
	assert_int_equal(check_with("\xff", NULL, NULL), PASSWORD_NOT_UTF8);
	/* ... and over TOO_LONG */
	memset(pw, 'x', sizeof pw - 1);
	pw[0] = '\x80';
	pw[sizeof pw - 1] = '\0';
	assert_int_equal(check_with(pw, NULL, NULL), PASSWORD_NOT_UTF8);
}

static void test_contains_username(void **state)
{
	(void)state;
	/* R-X-2 */
	assert_int_equal(check_with("MeinNameIstAnna!", "anna", NULL),
	                 PASSWORD_CONTAINS_USERNAME);
	assert_int_equal(check_with("ANNA-sagt-hallo", "Anna", NULL),
	                 PASSWORD_CONTAINS_USERNAME);
	assert_int_equal(check_with("xyzzy-plugh-bob", "bob", NULL),
	                 PASSWORD_CONTAINS_USERNAME);
	assert_int_equal(check_with("bobxyzzy-plugh", "BOB", NULL),
	                 PASSWORD_CONTAINS_USERNAME);
	/* Latin-1 capitals fold too */
	assert_int_equal(check_with("HALLO-JÖRG-2025", "jörg", NULL),
	                 PASSWORD_CONTAINS_USERNAME);
	/* user names shorter than 3 characters are not checked */
	assert_int_equal(check_with("xyzzy-plugh-al", "al", NULL), PASSWORD_OK);
	assert_int_equal(check_with("xyzzy-plugh-ö", "öx", NULL), PASSWORD_OK);
	/* 3 code points, even though 4 bytes */
	assert_int_equal(check_with("xyzzy-plugh-jöx", "jöx", NULL),
	                 PASSWORD_CONTAINS_USERNAME);
	assert_int_equal(check_with("xyzzy-plugh-ann", "anna", NULL), PASSWORD_OK);
	assert_int_equal(check_with("xyzzy-plugh-42", NULL, NULL), PASSWORD_OK);
	assert_int_equal(check_with("xyzzy-plugh-42", "", NULL), PASSWORD_OK);
	/* order: TOO_SHORT before CONTAINS_USERNAME */
	assert_int_equal(check_with("anna123", "anna", NULL), PASSWORD_TOO_SHORT);
}

static const char sample_list[] =
	"# sample list with a comment line\r\n"
	"hallo\r\n"
	"passwort\r\n"
	"ichliebedich\n"
	"\n"
	"qwertzuiopü\n"
	"trailing-space   \n"
	"schatzi123";          /* no final newline */

static void test_common_exact_and_case(void **state)
{
	(void)state;
	/* R-X-2: listed passwords rejected regardless of case */
	assert_int_equal(check_with("ichliebedich", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("IchLiebeDich", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("ICHLIEBEDICH", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("QWERTZUIOPÜ+", NULL, sample_list), PASSWORD_COMMON);
	/* trailing blanks in the list are ignored */
	assert_int_equal(check_with("trailing-space", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("trailing-space!!", NULL, sample_list), PASSWORD_COMMON);
	/* the last entry counts even without a final newline */
	assert_int_equal(check_with("schatzi123456", NULL, sample_list), PASSWORD_COMMON);
	/* a list cut short by list_len does not see later entries */
	assert_int_equal(password_policy_check("schatzi123456", NULL, sample_list,
	                                       strlen(sample_list) - strlen("schatzi123")),
	                 PASSWORD_OK);
}

static void test_common_with_suffix(void **state)
{
	(void)state;
	/* R-X-2: listed word plus digits/punctuation is still common */
	assert_int_equal(check_with("passwort1234", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("passwort1234!", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("Passwort2025?!", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("PASSWORT!!!!", NULL, sample_list), PASSWORD_COMMON);
	assert_int_equal(check_with("ichliebedich<3", NULL, sample_list), PASSWORD_COMMON);
	/* letters, spaces or non-ASCII in the suffix make it something else */
	assert_int_equal(check_with("passwort1234a", NULL, sample_list), PASSWORD_OK);
	assert_int_equal(check_with("passwort 1234", NULL, sample_list), PASSWORD_OK);
	assert_int_equal(check_with("passwort1234€", NULL, sample_list), PASSWORD_OK);
	/* only a suffix counts, not a prefix */
	assert_int_equal(check_with("1234passwort", NULL, sample_list), PASSWORD_OK);
	/* entries under 6 characters only match exactly */
	assert_int_equal(check_with("hallo1234567", NULL, sample_list), PASSWORD_OK);
	/* comment lines are not entries */
	assert_int_equal(check_with("# sample list with a comment line", NULL, sample_list),
	                 PASSWORD_OK);
	/* no list, no common check */
	assert_int_equal(check_with("passwort1234", NULL, NULL), PASSWORD_OK);
	assert_int_equal(password_policy_check("passwort1234", NULL, sample_list, 0),
	                 PASSWORD_OK);
}

static void test_check_order(void **state)
{
	(void)state;
	/* R-X-2: CONTAINS_USERNAME reported before COMMON */
	assert_int_equal(check_with("passwort1234", "wort", sample_list),
	                 PASSWORD_CONTAINS_USERNAME);
	assert_int_equal(check_with("passwort1", "nobody", sample_list), PASSWORD_TOO_SHORT);
}

static void test_messages(void **state)
{
	const enum password_problem all[] = {
		PASSWORD_OK, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_NOT_UTF8,
		PASSWORD_COMMON, PASSWORD_CONTAINS_USERNAME,
	};
	size_t n = sizeof all / sizeof all[0];

	(void)state;
	/* R-X-6: every problem has its own clear message */
	for (size_t i = 0; i < n; i++) {
		assert_non_null(password_problem_message(all[i]));
		assert_true(strlen(password_problem_message(all[i])) > 10);
		for (size_t j = i + 1; j < n; j++)
			assert_string_not_equal(password_problem_message(all[i]),
			                        password_problem_message(all[j]));
	}
	assert_string_equal(password_problem_message(PASSWORD_TOO_SHORT),
	                    "The password must be at least 12 characters long.");
	assert_non_null(strstr(password_problem_message(PASSWORD_TOO_LONG), "1024"));
	assert_non_null(password_problem_message((enum password_problem)99));
}

/* The shipped list, loaded once for the group. */
struct loaded_list {
	char *data;
	size_t len;
};

static int load_common_list(void **state)
{
	static struct loaded_list list;
	FILE *f = fopen(COMMON_LIST_PATH, "rb");
	long size;

	if (f == NULL) {
		fprintf(stderr, "cannot open %s (run tests from the repo root)\n",
		        COMMON_LIST_PATH);
		return -1;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	list.len = (size_t)size;
	list.data = malloc(list.len + 1);
	if (list.data == NULL || fread(list.data, 1, list.len, f) != list.len) {
		free(list.data);
		fclose(f);
		return -1;
	}
	list.data[list.len] = '\0';
	fclose(f);
	*state = &list;
	return 0;
}

static int free_common_list(void **state)
{
	struct loaded_list *list = *state;

	free(list->data);
	list->data = NULL;
	return 0;
}

static void test_list_file_is_well_formed(void **state)
{
	struct loaded_list *list = *state;
	const char *p = list->data;
	const char *prev = NULL;
	size_t prev_len = 0, entries = 0, long_entries = 0;
	bool header_seen = false;

	assert_true(utf8_valid(list->data, list->len));
	assert_int_equal(list->data[0], '#');
	assert_int_equal(list->data[list->len - 1], '\n');
	while (p < list->data + list->len) {
		const char *nl = memchr(p, '\n', (size_t)(list->data + list->len - p));
		size_t len = (size_t)(nl - p);

		assert_non_null(nl);
		if (p[0] == '#') {
			/* comments only at the top */
			assert_int_equal(entries, 0);
			header_seen = true;
		} else {
			assert_true(len > 0);
			for (size_t i = 0; i < len; i++) {
				unsigned char c = (unsigned char)p[i];
				assert_false(c >= 'A' && c <= 'Z');
				assert_false(c == ' ' || c == '\t' || c == '\r');
			}
			if (prev != NULL) {
				/* strictly ascending byte order: sorted, no duplicates */
				size_t m = prev_len < len ? prev_len : len;
				int cmp = memcmp(prev, p, m);
				if (cmp > 0 || (cmp == 0 && prev_len >= len))
					fail_msg("not sorted or duplicate: '%.*s' then '%.*s'",
					         (int)prev_len, prev, (int)len, p);
			}
			prev = p;
			prev_len = len;
			entries++;
			if (utf8_codepoints(p, len) >= PASSWORD_MIN_CHARS)
				long_entries++;
		}
		p = nl + 1;
	}
	assert_true(header_seen);
	assert_true(entries >= 1500);
	assert_true(long_entries >= 100);
}

static void test_list_file_samples(void **state)
{
	struct loaded_list *list = *state;
	static const char *const common[] = {
		"passwort1234", "Passwort1234!", "PASSWORD1234", "123456789012",
		"1234567890123", "123456789abc", "administrator", "Administrator1",
		"willkommen123", "Willkommen2025!", "ichliebedich", "IchLiebeDich123",
		"iloveyou1234", "sommer2024!!", "Herbst2026!!", "Fruehling2025",
		"frühling2025", "stellwerk123!", "Stellwerk2025!", "qwertzuiopü+",
		"QWERTZUIOP123", "1q2w3e4r5t6z", "1qay2wsx3edc", "asdfghjklöä#",
		"Schalke04!!!!", "fussball1234", "Sonnenschein1", "schatzi123456",
		"qwertz123456", "changeme1234", "000000000000", "111111111111",
		"fcbayern1900",
	};
	static const char *const fine[] = {
		"korrekt Pferd Batterie Heftklammer",
		"Zaunkönig-Weichenstellung-47",
		"Lokführer trinkt Tee um 3",
		"grün-blau-violett-ocker",
		"1234 Stellwerk ist mein Lieblingsort",
	};

	/* R-X-2 */
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		enum password_problem got = password_policy_check(common[i], NULL,
		                                                  list->data, list->len);
		if (got != PASSWORD_COMMON)
			fail_msg("'%s' should be common, got %d", common[i], got);
	}
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		enum password_problem got = password_policy_check(fine[i], NULL,
		                                                  list->data, list->len);
		if (got != PASSWORD_OK)
			fail_msg("'%s' should pass, got %d", fine[i], got);
	}
	assert_int_equal(password_policy_check("qwertzuiopü", NULL, list->data, list->len),
	                 PASSWORD_TOO_SHORT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_accepts_well_formed),
		cmocka_unit_test(test_utf8_rejects_malformed),
		cmocka_unit_test(test_utf8_codepoints),
		cmocka_unit_test(test_length_in_code_points),
		cmocka_unit_test(test_maximum_length_in_bytes),
		cmocka_unit_test(test_invalid_utf8_rejected_first),
		cmocka_unit_test(test_contains_username),
		cmocka_unit_test(test_common_exact_and_case),
		cmocka_unit_test(test_common_with_suffix),
		cmocka_unit_test(test_check_order),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_list_file_is_well_formed),
		cmocka_unit_test(test_list_file_samples),
	};
	return cmocka_run_group_tests_name("password_policy", tests,
	                                   load_common_list, free_common_list);
}
