/*
 * Black-box tests of `stellwerk lint-ad` (R-AD-3): runs the binary named by
 * $STELLWERK_BIN (default build/asan/stellwerk, from the repository root)
 * on corpus ads and on broken input, and checks the text and JSON output
 * and the exit status: 0 without error-level findings, 1 with, 2 on usage
 * and input errors (empty, binary, invalid UTF-8, over 1 MiB, unreadable).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#define ADS "tests/data/ads/"

static char dir[64];
static const char *bin;
static char out[1 << 17], err[1 << 14];

static void write_file(const char *name, const void *data, size_t len)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(buf, 1, size - 1, f) : 0;
	buf[n] = '\0';
	if (f)
		fclose(f);
}

/* Runs "stellwerk lint-ad ARGS" with stdin from input (NULL: /dev/null) and
 * the environment's LANG set to lang; returns the exit status. */
static int run(const char *lang, const char *args, const char *input)
{
	char cmd[1024], o[128], e[128];
	snprintf(o, sizeof o, "%s/out", dir);
	snprintf(e, sizeof e, "%s/err", dir);
	snprintf(cmd, sizeof cmd, "cd . && LC_ALL= LC_MESSAGES= LANG=%s %s lint-ad %s <%s >%s 2>%s", lang, bin, args,
		 input ? input : "/dev/null", o, e);
	int status = system(cmd);
	slurp(o, out, sizeof out);
	slurp(e, err, sizeof err);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int setup(void **state)
{
	(void)state;
	bin = getenv("STELLWERK_BIN");
	if (!bin)
		bin = "build/asan/stellwerk";
	if (access(bin, X_OK) != 0) {
		fprintf(stderr, "%s is not there: build it first (make asan)\n", bin);
		return -1;
	}
	strcpy(dir, "/tmp/adlint-cli-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_text_output(void **state)
{
	(void)state;
	/* R-AD-3: FILE:LINE:COL: severity rule-id: message, suggestion indented, exit 1 on errors */
	assert_int_equal(run("C", ADS "de-kam-schlecht.txt", NULL), 1);
	assert_non_null(strstr(out, ADS "de-kam-schlecht.txt:1:1: error agg.title_gender: The job title does not "
				    "address all genders.\n    Add (m/f/d)"));
	assert_non_null(strstr(out, ADS "de-kam-schlecht.txt:3:55: warning cliche.phrase: \"dynamischen Umfeld\" is an "
				    "empty phrase"));
	assert_non_null(strstr(out, ADS "de-kam-schlecht.txt: 0/100: "));
	assert_string_equal(err, "");
	/* a good ad: exit 0 and only the summary line */
	assert_int_equal(run("C", ADS "de-kam-gut.txt", NULL), 0);
	assert_string_equal(out, ADS "de-kam-gut.txt: 100/100: nothing found.\n");
	/* warnings only: exit 0 */
	assert_int_equal(run("C", ADS "en-customer-success.txt", NULL), 0);
	assert_non_null(strstr(out, "warning pay.no_range"));
	/* R-AD-3: messages in the language of the environment */
	assert_int_equal(run("de_DE.UTF-8", ADS "de-kam-schlecht.txt", NULL), 1);
	assert_non_null(strstr(out, "error agg.title_gender: Der Stellentitel spricht nicht alle Geschlechter an."));
}

static void test_json_output(void **state)
{
	(void)state;
	json_error_t je;
	/* R-AD-3: one object per file */
	assert_int_equal(run("C", "--format json " ADS "en-sales-germany.txt", NULL), 1);
	json_t *doc = json_loads(out, 0, &je);
	assert_non_null(doc);
	assert_true(json_is_object(doc));
	assert_string_equal(json_string_value(json_object_get(doc, "file")), ADS "en-sales-germany.txt");
	assert_string_equal(json_string_value(json_object_get(doc, "lang")), "en");
	assert_true(json_is_integer(json_object_get(doc, "score")));
	assert_true(json_is_string(json_object_get(doc, "summary")));
	assert_true(json_is_number(json_object_get(doc, "readability")));
	json_t *findings = json_object_get(doc, "findings");
	assert_true(json_array_size(findings) > 0);
	static const char *const keys[] = { "rule", "severity", "line", "column", "end_line", "end_column",
					    "message", "suggestion", "replacement" };
	json_t *f = json_array_get(findings, 0);
	assert_int_equal(json_object_size(f), sizeof keys / sizeof keys[0]);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		assert_non_null(json_object_get(f, keys[i]));
	/* the one-click fix of "(m/f)" */
	bool fix = false;
	size_t i;
	json_t *v;
	json_array_foreach(findings, i, v)
		if (strcmp(json_string_value(json_object_get(v, "rule")), "agg.title_binary") == 0) {
			fix = strcmp(json_string_value(json_object_get(v, "replacement")), "(m/f/d)") == 0;
			assert_int_equal(json_integer_value(json_object_get(v, "line")), 1);
			assert_int_equal(json_integer_value(json_object_get(v, "column")), 15);
			assert_int_equal(json_integer_value(json_object_get(v, "end_column")), 20);
		}
	assert_true(fix);
	json_decref(doc);

	/* R-AD-3: an array for several files; --lang overrides detection */
	assert_int_equal(run("C", "--format json --lang en " ADS "de-kam-gut.txt " ADS "en-kam-good.txt", NULL), 0);
	doc = json_loads(out, 0, &je);
	assert_true(json_is_array(doc));
	assert_int_equal(json_array_size(doc), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(doc, 0), "lang")), "en");
	json_decref(doc);
}

static void test_stdin(void **state)
{
	(void)state;
	const char ad[] = "Vertrieb (m/w/d)\n\nWir bieten ein dynamisches Umfeld.\n";
	char path[128];
	write_file("ad.txt", ad, sizeof ad - 1);
	snprintf(path, sizeof path, "%s/ad.txt", dir);
	/* R-AD-3: '-' and no FILE read standard input */
	assert_int_equal(run("C", "-", path), 0);
	assert_non_null(strstr(out, "<stdin>:3:16: warning cliche.phrase"));
	assert_int_equal(run("C", "", path), 0);
	assert_non_null(strstr(out, "<stdin>:3:16: warning cliche.phrase"));
	assert_int_equal(run("C", "--format=json", path), 0);
	assert_non_null(strstr(out, "\"file\": \"<stdin>\""));
}

static void test_bad_input(void **state)
{
	(void)state;
	char args[256];
	static char huge[1024 * 1024 + 16];

	write_file("empty.txt", "", 0);
	write_file("blank.txt", " \n\t\n", 4);
	write_file("binary.txt", "PK\3\4\0\0binary", 12);
	write_file("latin1.txt", "Titel (m/w/d)\n\nVerg\xfctung", 23);
	memset(huge, 'a', sizeof huge);
	write_file("huge.txt", huge, sizeof huge);
	/* R-AD-3: each gets a clear message and exit 2 */
	snprintf(args, sizeof args, "%s/empty.txt", dir);
	assert_int_equal(run("C", args, NULL), 2);
	assert_non_null(strstr(err, "empty.txt is empty"));
	snprintf(args, sizeof args, "%s/blank.txt", dir);
	assert_int_equal(run("C", args, NULL), 2);
	assert_non_null(strstr(err, "blank.txt is empty"));
	snprintf(args, sizeof args, "%s/binary.txt", dir);
	assert_int_equal(run("C", args, NULL), 2);
	assert_non_null(strstr(err, "binary.txt looks like a binary file"));
	snprintf(args, sizeof args, "%s/latin1.txt", dir);
	assert_int_equal(run("C", args, NULL), 2);
	assert_non_null(strstr(err, "latin1.txt is not UTF-8 text: invalid UTF-8 at line 3, column 5"));
	snprintf(args, sizeof args, "%s/huge.txt", dir);
	assert_int_equal(run("C", args, NULL), 2);
	assert_non_null(strstr(err, "huge.txt is larger than 1 MiB"));
	assert_int_equal(run("C", "/nonexistent/ad.txt", NULL), 2);
	assert_non_null(strstr(err, "cannot open /nonexistent/ad.txt: No such file or directory"));
	assert_int_equal(run("C", "", NULL), 2);   /* empty standard input */
	assert_non_null(strstr(err, "<stdin> is empty"));
	/* the other files are still checked; the input error decides the status */
	snprintf(args, sizeof args, "%s/empty.txt " ADS "de-kam-gut.txt", dir);
	assert_int_equal(run("C", args, NULL), 2);
	assert_non_null(strstr(out, "de-kam-gut.txt: 100/100"));
}

static void test_usage(void **state)
{
	(void)state;
	/* R-AD-3: usage errors exit 2 and point at --help */
	assert_int_equal(run("C", "--lang fr x.txt", NULL), 2);
	assert_non_null(strstr(err, "unknown language 'fr': use de, en or auto"));
	assert_non_null(strstr(err, "Try 'stellwerk lint-ad --help'."));
	assert_int_equal(run("C", "--format xml x.txt", NULL), 2);
	assert_non_null(strstr(err, "unknown format 'xml'"));
	assert_int_equal(run("C", "--frobnicate", NULL), 2);
	assert_non_null(strstr(err, "unknown option '--frobnicate'"));
	assert_int_equal(run("C", "--lang", NULL), 2);
	assert_non_null(strstr(err, "option '--lang' needs a value"));
	assert_int_equal(run("C", "- -", NULL), 2);
	assert_int_equal(run("C", "--help", NULL), 0);
	assert_non_null(strstr(out, "Usage: stellwerk lint-ad [--lang de|en|auto] [--format text|json] [FILE...|-]"));
	assert_non_null(strstr(out, "Examples:"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_output),
		cmocka_unit_test(test_json_output),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_usage),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
