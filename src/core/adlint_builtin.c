/*
 * adlint_builtin.c — compiles the embedded data/adlint/NAME.txt files once
 * per process (pthread_once) and hands every caller the same read-only
 * rules; see adlint_builtin.h. The embedded files are part of the binary,
 * so no I/O happens here.
 */
#include "core/adlint_builtin.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/embedded.h"
#include "util/xalloc.h"

static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static struct adlint_rules *builtin_rules;  /* written once inside builtin_once, then only read */
static char builtin_error[256];             /* the reason when builtin_rules stayed NULL */

static bool is_rule_file(const char *path)
{
	size_t n = strlen(path);
	return strncmp(path, "data/adlint/", 12) == 0 && n > 16 && strcmp(path + n - 4, ".txt") == 0;
}

/* Runs exactly once: gathers the rule files and compiles them. */
static void builtin_compile(void)
{
	const char **files = xcalloc(embedded_files_count + 1, sizeof *files);
	size_t *lens = xcalloc(embedded_files_count + 1, sizeof *lens);
	size_t n = 0;

	for (size_t i = 0; i < embedded_files_count; i++) {
		if (!is_rule_file(embedded_files[i].path))
			continue;
		files[n] = (const char *)embedded_files[i].data;
		lens[n] = embedded_files[i].len;
		n++;
	}
	if (n == 0)
		snprintf(builtin_error, sizeof builtin_error, "no data/adlint/*.txt files are built in");
	else
		builtin_rules = adlint_rules_load(files, lens, n, builtin_error, sizeof builtin_error);
	free(files);
	free(lens);
}

const struct adlint_rules *adlint_rules_builtin(char *err, size_t errlen)
{
	pthread_once(&builtin_once, builtin_compile);
	if (!builtin_rules && err && errlen > 0)
		snprintf(err, errlen, "%s", builtin_error);
	return builtin_rules;
}
