/*
 * test_html.c — the escaping HTML writer (STYLE habit 1): text, attributes
 * and every %s of html_printf are escaped; numbers print as usual.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "web/html.h"

static void test_txt_escapes_markup(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_txt(&b, "<script>alert('x') & \"y\"</script>");
	/* R-X-6: hostile input is rendered inert */
	assert_string_equal(buf_cstr(&b), "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
	buf_free(&b);
}

static void test_txt_keeps_utf8_and_null(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_txt(&b, "Müller – Geschäftsführerin");
	html_txt(&b, NULL);
	assert_string_equal(buf_cstr(&b), "Müller – Geschäftsführerin");
	buf_free(&b);
}

static void test_printf_escapes_strings_not_format(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_printf(&b, "<a href=\"/u/%lld\" title=\"%s\">%s</a> %d%% %5s|%-3d|%zu", 42LL, "a\"b", "<b>", 7, "x<", 5,
		    (size_t)9);
	assert_string_equal(buf_cstr(&b), "<a href=\"/u/42\" title=\"a&quot;b\">&lt;b&gt;</a> 7%    x&lt;|5  |9");
	buf_free(&b);
}

static void test_printf_null_string(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	const char *volatile none = NULL; /* hidden from -Wformat-overflow */
	html_printf(&b, "[%s]", none);
	assert_string_equal(buf_cstr(&b), "[]");
	buf_free(&b);
}

static void test_url_arg(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_url_arg(&b, "/settings/users?x=1&y=ä b");
	assert_string_equal(buf_cstr(&b), "/settings/users%3Fx%3D1%26y%3D%C3%A4%20b");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_txt_escapes_markup),
		cmocka_unit_test(test_txt_keeps_utf8_and_null),
		cmocka_unit_test(test_printf_escapes_strings_not_format),
		cmocka_unit_test(test_printf_null_string),
		cmocka_unit_test(test_url_arg),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
