/*
 * Golden-file tests of the job-ad linter (R-AD-2, R-AD-3) over the corpus in
 * tests/data/ads/: every NAME.txt is linted with the embedded rules and the
 * language detected from the text, and its findings ("rule line:column")
 * must equal NAME.expected, which was written by hand. An .expected file may
 * set context facts with "@context confirms_above_average_pay",
 * "@context confirms_career_paths" or "@context has_salary_range".
 *
 * Besides one test per ad, the corpus as a whole is checked: at least 12
 * ads in both languages, 150–600 words each, the language in the file name
 * (de-…, en-…) detected, good ads without errors and poor ads scoring low.
 */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/adlint.h"
#include "util/embedded.h"

#define ADS_DIR "tests/data/ads"
#define MAX_LINES 256

static struct adlint_rules *rules;
static glob_t ads;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0, got;
	char *p = malloc(cap + 1);
	while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			p = realloc(p, (cap *= 2) + 1);
	}
	fclose(f);
	if (p)
		p[n] = '\0';
	*len = n;
	return p;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ad's language from its file name: ".../de-..." or ".../en-...". */
static enum adlint_lang lang_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strncmp(base, "en-", 3) == 0 ? ADLINT_EN : ADLINT_DE;
}

static bool lint_file(const char *path, struct adlint_context *ctx, struct adlint_result *res)
{
	size_t len;
	char err[128];
	char *text = read_file(path, &len);
	if (!text)
		fail_msg("cannot read %s", path);
	enum adlint_lang lang = adlint_detect_lang(text, len);
	bool ok = adlint_check(rules, text, len, lang, ctx, res, err, sizeof err);
	if (!ok)
		fail_msg("%s: %s", path, err);
	free(text);
	return ok;
}

/* One ad against its golden file. */
static void test_ad(void **state)
{
	const char *path = *state;
	char expected_path[512];
	char *want[MAX_LINES], *got[MAX_LINES];
	size_t nwant = 0, ngot = 0, len;
	struct adlint_context ctx = { .message_lang = "en" };
	struct adlint_result res;

	snprintf(expected_path, sizeof expected_path, "%.*s.expected", (int)(strlen(path) - 4), path);
	char *expected = read_file(expected_path, &len);
	if (!expected)
		fail_msg("%s has no golden file %s", path, expected_path);
	for (char *line = strtok(expected, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (strcmp(line, "@context confirms_above_average_pay") == 0)
			ctx.confirms_above_average_pay = true;
		else if (strcmp(line, "@context confirms_career_paths") == 0)
			ctx.confirms_career_paths = true;
		else if (strcmp(line, "@context has_salary_range") == 0)
			ctx.has_salary_range = true;
		else if (nwant < MAX_LINES)
			want[nwant++] = line;
	}
	lint_file(path, &ctx, &res);
	/* R-AD-2: findings as "rule line:column" */
	for (size_t i = 0; i < res.nfindings && ngot < MAX_LINES; i++) {
		got[ngot] = malloc(80);
		snprintf(got[ngot], 80, "%s %d:%d", res.findings[i].rule, res.findings[i].line, res.findings[i].column);
		ngot++;
	}
	qsort(want, nwant, sizeof *want, compare_strings);
	qsort(got, ngot, sizeof *got, compare_strings);
	bool same = nwant == ngot;
	for (size_t i = 0; same && i < nwant; i++)
		same = strcmp(want[i], got[i]) == 0;
	if (!same) {
		size_t i = 0, k = 0;
		printf("%s: findings differ from %s\n", path, expected_path);
		while (i < nwant || k < ngot) {
			int c = i == nwant ? 1 : k == ngot ? -1 : strcmp(want[i], got[k]);
			if (c < 0)
				printf("  missing:    %s\n", want[i++]);
			else if (c > 0)
				printf("  unexpected: %s\n", got[k++]);
			else
				i++, k++;
		}
	}
	for (size_t i = 0; i < ngot; i++)
		free(got[i]);
	adlint_result_free(&res);
	free(expected);
	assert_true(same);
}

/* The corpus as a whole: size, languages, lengths, good and poor ads. */
static void test_corpus_shape(void **state)
{
	size_t per_lang[2] = { 0, 0 };
	(void)state;

	/* R-AD-2: at least 12 ads, German and English */
	assert_true(ads.gl_pathc >= 12);
	for (size_t i = 0; i < ads.gl_pathc; i++) {
		const char *path = ads.gl_pathv[i];
		struct adlint_context ctx = { 0 };
		struct adlint_result res;
		size_t len;
		char *text = read_file(path, &len);
		assert_non_null(text);
		/* R-AD-3: --lang auto detects the language of every ad */
		if (adlint_detect_lang(text, len) != lang_of(path))
			fail_msg("%s: language not detected", path);
		free(text);
		per_lang[lang_of(path)]++;
		lint_file(path, &ctx, &res);
		if (res.words < 150 || res.words > 600)
			fail_msg("%s: %d words, not 150-600", path, res.words);
		bool errors = false;
		for (size_t k = 0; k < res.nfindings; k++)
			errors = errors || res.findings[k].severity == ADLINT_ERROR;
		/* R-AD-2: good ads have no error, poor ones score low */
		if ((strstr(path, "-gut") || strstr(path, "-good")) && (errors || res.score < 70))
			fail_msg("%s: a good ad scores %d%s", path, res.score, errors ? " with errors" : "");
		if ((strstr(path, "-schlecht") || strstr(path, "-bad")) && res.score > 30)
			fail_msg("%s: a poor ad scores %d", path, res.score);
		assert_true(res.score >= 0 && res.score <= 100);
		adlint_result_free(&res);
	}
	assert_true(per_lang[ADLINT_DE] >= 5);
	assert_true(per_lang[ADLINT_EN] >= 5);
}

static bool load_rules(void)
{
	const char *files[64];
	size_t lens[64], n = 0;
	char err[256];

	for (size_t i = 0; i < embedded_files_count && n < 64; i++) {
		const char *p = embedded_files[i].path;
		size_t pl = strlen(p);
		if (strncmp(p, "data/adlint/", 12) == 0 && pl > 4 && strcmp(p + pl - 4, ".txt") == 0) {
			files[n] = (const char *)embedded_files[i].data;
			lens[n++] = embedded_files[i].len;
		}
	}
	rules = adlint_rules_load(files, lens, n, err, sizeof err);
	if (!rules)
		fprintf(stderr, "rules: %s\n", err);
	return rules != NULL;
}

int main(void)
{
	const char *dir = getenv("STELLWERK_ADS_DIR");
	char pattern[512];

	snprintf(pattern, sizeof pattern, "%s/*.txt", dir ? dir : ADS_DIR);
	if (!load_rules())
		return 1;
	if (glob(pattern, 0, NULL, &ads) != 0 || ads.gl_pathc == 0) {
		fprintf(stderr, "no ads matching %s (run from the repository root)\n", pattern);
		return 1;
	}
	size_t n = ads.gl_pathc + 1;
	struct CMUnitTest *tests = calloc(n, sizeof *tests);
	for (size_t i = 0; i < ads.gl_pathc; i++) {
		tests[i].name = ads.gl_pathv[i];
		tests[i].test_func = test_ad;
		tests[i].initial_state = ads.gl_pathv[i];
	}
	tests[n - 1].name = "test_corpus_shape";
	tests[n - 1].test_func = test_corpus_shape;
	int failed = _cmocka_run_group_tests("adlint_corpus", tests, n, NULL, NULL);
	free(tests);
	globfree(&ads);
	adlint_rules_free(rules);
	return failed;
}
