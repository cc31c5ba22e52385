/*
 * adlint_throughput.c — lint throughput of the job-ad linter (R-AD-2) on one
 * core. bench/adlint compiles it against the release objects (build/obj) and
 * runs it over the ad corpus.
 *
 * It compiles the embedded rules (data/adlint/NAME.txt) once, reads the ads
 * named on the command line and then measures two things, each for about
 * SECONDS of wall time (at least 5 rounds) after one untimed warm-up round:
 *
 *   concat  all ads joined (a blank line between them) into one text,
 *           checked with adlint_check as one document in the language
 *           adlint_detect_lang finds for it
 *   per_ad  every ad checked on its own, language detected per ad, as the
 *           CLI and the API do it
 *
 * A round is one pass over the corpus; its time is taken with CLOCK_MONOTONIC
 * and the figure is the corpus size divided by the median round time, in
 * MB/s (MB = 10^6 bytes). Every round must give the same number of findings,
 * which also keeps the compiler from dropping the work. The program is
 * single-threaded; bench/adlint pins it to one CPU with taskset when it can.
 *
 * Output, one "key value..." line each, for the script to read:
 *   files N / bytes N / rules_ms MS
 *   concat MBPS ROUNDS MEDIAN_MS FINDINGS
 *   per_ad MBPS ROUNDS MEDIAN_MS FINDINGS
 *
 * usage: adlint_throughput [-s SECONDS] FILE...
 * exit:  0 ok, 1 a file or the rules could not be read, 2 usage
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* clock_gettime with -std=c17 */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/adlint.h"
#include "util/embedded.h"

#define MIN_ROUNDS 5
#define MAX_ROUNDS 100000

struct ad {
	char *text;
	size_t len;
};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 8192, n = 0, got;
	char *p = malloc(cap);
	while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *q = realloc(p, cap *= 2);
			if (!q) {
				free(p);
				p = NULL;
				break;
			}
			p = q;
		}
	}
	if (ferror(f)) {
		free(p);
		p = NULL;
	}
	fclose(f);
	*len = n;
	return p;
}

/* Compiles the data/adlint/NAME.txt files embedded in the binary. */
static struct adlint_rules *load_rules(void)
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
	struct adlint_rules *r = adlint_rules_load(files, lens, n, err, sizeof err);
	if (!r)
		fprintf(stderr, "adlint_throughput: rules: %s\n", err);
	return r;
}

/* Checks each text once (language detected per text); returns the findings,
 * or -1 when a check fails. */
static long lint_all(const struct adlint_rules *rules, const struct ad *ads, size_t n)
{
	long findings = 0;
	char err[256];

	for (size_t i = 0; i < n; i++) {
		struct adlint_result res;
		enum adlint_lang lang = adlint_detect_lang(ads[i].text, ads[i].len);
		if (!adlint_check(rules, ads[i].text, ads[i].len, lang, NULL, &res, err, sizeof err)) {
			fprintf(stderr, "adlint_throughput: %s\n", err);
			return -1;
		}
		findings += (long)res.nfindings;
		adlint_result_free(&res);
	}
	return findings;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Times rounds of lint_all for about `seconds` and prints one result line. */
static int measure(const char *name, const struct adlint_rules *rules, const struct ad *ads, size_t n, size_t bytes,
		   double seconds)
{
	static double times[MAX_ROUNDS];
	long want = lint_all(rules, ads, n);   /* warm-up, and the reference count */
	size_t rounds = 0;
	double start = now_ms();

	if (want < 0)
		return 1;
	while (rounds < MAX_ROUNDS && (rounds < MIN_ROUNDS || now_ms() - start < seconds * 1e3)) {
		double t0 = now_ms();
		long got = lint_all(rules, ads, n);
		times[rounds++] = now_ms() - t0;
		if (got != want) {
			fprintf(stderr, "adlint_throughput: %s: %ld findings in a round, %ld in the first\n", name, got,
				want);
			return 1;
		}
	}
	qsort(times, rounds, sizeof times[0], compare_doubles);
	double median = rounds % 2 ? times[rounds / 2] : (times[rounds / 2 - 1] + times[rounds / 2]) / 2;
	printf("%s %.1f %zu %.3f %ld\n", name, (double)bytes / 1e6 / (median / 1e3), rounds, median, want);
	return 0;
}

int main(int argc, char **argv)
{
	double seconds = 2;
	int first = 1;

	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		char *end;
		seconds = strtod(argv[2], &end);
		if (*end || seconds <= 0 || seconds > 600) {
			fprintf(stderr, "adlint_throughput: -s wants seconds between 0 and 600\n");
			return 2;
		}
		first = 3;
	}
	if (first >= argc || argv[first][0] == '-') {
		fprintf(stderr, "usage: adlint_throughput [-s SECONDS] FILE...\n");
		return 2;
	}

	size_t n = (size_t)(argc - first), bytes = 0;
	struct ad *ads = calloc(n, sizeof *ads);
	for (size_t i = 0; i < n; i++) {
		ads[i].text = read_file(argv[first + (int)i], &ads[i].len);
		if (!ads[i].text) {
			fprintf(stderr, "adlint_throughput: cannot read %s\n", argv[first + (int)i]);
			return 1;
		}
		bytes += ads[i].len;
	}
	/* the concatenated corpus: ads separated by a blank line */
	struct ad all = { malloc(bytes + 2 * n + 1), 0 };
	for (size_t i = 0; i < n; i++) {
		memcpy(all.text + all.len, ads[i].text, ads[i].len);
		all.len += ads[i].len;
		while (all.len > 0 && all.text[all.len - 1] == '\n')
			all.len--;
		memcpy(all.text + all.len, "\n\n", 2);
		all.len += 2;
	}

	double t0 = now_ms();
	struct adlint_rules *rules = load_rules();
	double rules_ms = now_ms() - t0;
	if (!rules)
		return 1;
	printf("files %zu\nbytes %zu\nrules_ms %.3f\n", n, bytes, rules_ms);
	fflush(stdout);
	int rc = measure("concat", rules, &all, 1, all.len, seconds);
	if (rc == 0)
		rc = measure("per_ad", rules, ads, n, bytes, seconds);

	adlint_rules_free(rules);
	for (size_t i = 0; i < n; i++)
		free(ads[i].text);
	free(ads);
	free(all.text);
	return rc;
}
