/*
 * test_harness.c — tests of the web test harness itself: the HTML checker
 * that the other web tests rely on must accept what a correct page looks
 * like and reject the mistakes a server-side HTML writer makes. No server.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define DOC(body) "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>t</title></head><body>" \
	body "</body></html>\n"

static void accepts_valid_documents(void **state)
{
	(void)state;
	static const char *const good[] = {
		DOC(""),
		DOC("<main id=\"main\"><h1>Anmelden</h1><p>Text &amp; more &lt;b&gt; &#39; &#x27;</p></main>"),
		DOC("<form method=\"post\"><label for=\"f-a\">A</label><input id=\"f-a\" name=\"a\" required>"
		    "<select name=\"r\"><option value=\"x\" selected>X</option></select><button>Go</button></form>"),
		DOC("<img src=\"/x.svg?v=1\" alt=\"\"><br><input type=\"hidden\" value=\"a &quot;b&quot;\">"),
		DOC("<p><a href=\"/a\">a</a> <button type=\"button\">b</button></p><!-- a comment <p> -->"),
		DOC("<input id=\"f-x\" aria-describedby=\"f-x-hint\"><p id=\"f-x-hint\">hint</p>"),
		"<!doctype html><html lang=\"en\"><head><script src=\"/a.js\" defer></script></head><body></body></html>",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		const char *problem = html_check(good[i]);
		if (problem)
			fail_msg("valid document %zu rejected: %s", i, problem);
	}
}

static void rejects_broken_documents(void **state)
{
	(void)state;
	static const struct { const char *doc; const char *why; } bad[] = {
		{ "<html><body></body></html>", "doctype" },
		{ DOC("<div>"), "</body> closes <div>" },
		{ "<!doctype html><html><body><div>", "still open" },
		{ DOC("<div></span>"), "closes" },
		{ DOC("</div>"), "closes" },
		{ DOC("<p>1 < 2</p>"), "'<'" },
		{ DOC("<p>Fish & Chips</p>"), "bare '&'" },
		{ DOC("<a href=/x>x</a>"), "unquoted" },
		{ DOC("<a href=\"/x\" aria-current=&quot;page&quot;>x</a>"), "unquoted" },
		{ DOC("<a href=\"/x\" title=\"<b>\">x</a>"), "'<' inside" },
		{ DOC("<a href=\"/x>x</a>"), "" },
		{ DOC("<p id=\"a\"></p><p id=\"a\"></p>"), "duplicate id" },
		{ DOC("<a href=\"/x\" href=\"/y\">x</a>"), "duplicate attribute" },
		{ DOC("<label for=\"nowhere\">x</label>"), "missing id" },
		{ DOC("<input aria-describedby=\"nowhere\">"), "missing id" },
		{ DOC("<p><div>x</div></p>"), "inside <p>" },
		{ DOC("<form><form></form></form>"), "<form> inside <form>" },
		{ DOC("<a href=\"/\"><a href=\"/\">x</a></a>"), "inside <a>" },
		{ DOC("<button><a href=\"/\">x</a></button>"), "inside <button>" },
		{ DOC("<div/>"), "not a void" },
		{ DOC("<script>"), "unterminated" },
		{ DOC("") "<p>after</p>", "outside" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *problem = html_check(bad[i].doc);
		if (!problem)
			fail_msg("broken document %zu accepted: %s", i, bad[i].doc);
		if (*bad[i].why && !strstr(problem, bad[i].why))
			fail_msg("document %zu: expected a complaint about %s, got: %s", i, bad[i].why, problem);
	}
}

static void finds_the_csrf_token(void **state)
{
	(void)state;
	char token[64];
	assert_true(html_csrf("<form><input type=\"hidden\" name=\"csrf\" value=\"abc_DEF-123\"></form>", token,
			      sizeof token));
	assert_string_equal(token, "abc_DEF-123");
	assert_false(html_csrf("<form><input name=\"csrf\" value=\"\"></form>", token, sizeof token));
	assert_false(html_csrf("<p>no form</p>", token, sizeof token));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_valid_documents),
		cmocka_unit_test(rejects_broken_documents),
		cmocka_unit_test(finds_the_csrf_token),
	};
	return cmocka_run_group_tests_name("web/harness", tests, NULL, NULL);
}
