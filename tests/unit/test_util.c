/*
 * test_util.c — buffer, arena and string helpers from src/util/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/str.h"

static void test_buf_grows_and_stays_terminated(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_string_equal(buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_true(strncmp(b.data, "0,1,2,", 6) == 0);
	assert_non_null(strstr(b.data, ",999,"));
	char *owned = buf_detach(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	free(owned);
}

static void test_buf_printf_long(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, 1001);
	assert_int_equal(b.data[1000], ']');
	buf_reset(&b);
	assert_string_equal(buf_cstr(&b), "");
	buf_free(&b);
}

static void test_arena_alignment_and_strings(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	for (int i = 0; i < 2000; i++) {
		void *p = arena_alloc(&a, (size_t)(i % 37) + 1);
		assert_int_equal((size_t)p % 16, 0);
	}
	char *big = arena_alloc(&a, 100000);
	memset(big, 1, 100000);
	assert_string_equal(arena_printf(&a, "%s-%d", "stellwerk", 7), "stellwerk-7");
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	arena_free(&a);
	assert_null(a.head);
}

static void test_percent_decode(void **state)
{
	(void)state;
	char ok[] = "a%20b+c%C3%A4";
	assert_true(str_percent_decode(ok, true));
	assert_string_equal(ok, "a b cä");
	char bad[] = "100%";
	assert_false(str_percent_decode(bad, true));
	char nul[] = "x%00y";
	/* R-X-6: an encoded NUL byte is refused, not silently truncated */
	assert_false(str_percent_decode(nul, true));
	char hex[] = "%zz";
	assert_false(str_percent_decode(hex, false));
}

static void test_int_parse(void **state)
{
	(void)state;
	long long v;
	assert_true(str_to_int64("42", 1, 100, &v));
	assert_int_equal(v, 42);
	assert_false(str_to_int64("0", 1, 100, &v));
	assert_false(str_to_int64("101", 1, 100, &v));
	assert_false(str_to_int64("4x", 1, 100, &v));
	assert_false(str_to_int64(" 4", 1, 100, &v));
	assert_false(str_to_int64("", 1, 100, &v));
	assert_false(str_to_int64("99999999999999999999", 1, 100, &v));
}

static void test_trim_and_copy(void **state)
{
	(void)state;
	char s[] = "  \t Keller \n";
	assert_string_equal(str_trim(s), "Keller");
	char small[4];
	assert_false(str_copy(small, sizeof small, "abcdef"));
	assert_string_equal(small, "abc");
	assert_true(str_copy(small, sizeof small, "ab"));
	assert_true(str_eq(NULL, NULL));
	assert_false(str_eq("a", NULL));
	assert_true(str_starts_with("/api/v1/me", "/api/"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_grows_and_stays_terminated),
		cmocka_unit_test(test_buf_printf_long),
		cmocka_unit_test(test_arena_alignment_and_strings),
		cmocka_unit_test(test_percent_decode),
		cmocka_unit_test(test_int_parse),
		cmocka_unit_test(test_trim_and_copy),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
