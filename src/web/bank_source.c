/*
 * bank_source.c — parses the embedded question banks and the exercise
 * library once (pthread_once) and hands out the same read-only structs;
 * see bank_source.h.
 */
#include "web/bank_source.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/embedded.h"
#include "util/log.h"
#include "util/xalloc.h"

static pthread_once_t banks_once = PTHREAD_ONCE_INIT;
static struct question_bank *banks;          /* written once inside banks_once, then only read */
static size_t nbanks;
static struct exercise_library exercise_lib; /* likewise */
static bool exercises_ok;

static bool is_bank_file(const char *path)
{
	size_t n = strlen(path), dir = strlen(QUESTION_DATA_DIR);

	return strncmp(path, QUESTION_DATA_DIR, dir) == 0 && n > dir + 5 && strcmp(path + n - 5, ".json") == 0 &&
	       strchr(path + dir, '/') == NULL;
}

static void parse_bank(const struct embedded_file *f)
{
	char err[256];

	if (question_bank_parse((const char *)f->data, f->len, &banks[nbanks], err, sizeof err))
		nbanks++;
	else
		log_error("question bank %s does not parse: %s", f->path, err);
}

static bool is_builtin_role_file(const char *path)
{
	char want[96];

	for (size_t k = 0; k < builtin_template_count(); k++) {
		snprintf(want, sizeof want, QUESTION_DATA_DIR "%s.json", BUILTIN_TEMPLATE_KEYS[k]);
		if (strcmp(path, want) == 0)
			return true;
	}
	return false;
}

/* Runs exactly once: parses the banks of the built-in role templates in
 * their display order, then any other bank file, then the exercises. */
static void banks_load(void)
{
	const struct embedded_file *f;
	char path[96], err[256];

	banks = xcalloc(embedded_files_count + 1, sizeof *banks);
	for (size_t k = 0; k < builtin_template_count(); k++) {
		snprintf(path, sizeof path, QUESTION_DATA_DIR "%s.json", BUILTIN_TEMPLATE_KEYS[k]);
		f = embedded_find(path);
		if (f != NULL)
			parse_bank(f);
	}
	for (size_t i = 0; i < embedded_files_count; i++)
		if (is_bank_file(embedded_files[i].path) && !is_builtin_role_file(embedded_files[i].path))
			parse_bank(&embedded_files[i]);
	f = embedded_find(EXERCISE_DATA_FILE);
	if (f == NULL)
		log_error("exercise library %s is not built in", EXERCISE_DATA_FILE);
	else if (exercise_library_parse((const char *)f->data, f->len, &exercise_lib, err, sizeof err))
		exercises_ok = true;
	else
		log_error("exercise library %s does not parse: %s", EXERCISE_DATA_FILE, err);
}

const struct question_bank *bank_builtin_all(size_t *n)
{
	pthread_once(&banks_once, banks_load);
	*n = nbanks;
	return banks;
}

const struct question_bank *bank_builtin_questions(const char *role_key)
{
	size_t n;
	const struct question_bank *all = bank_builtin_all(&n);

	if (role_key == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(all[i].role, role_key) == 0)
			return &all[i];
	return NULL;
}

const struct bank_question *bank_builtin_question(const char *key)
{
	size_t n;
	const struct question_bank *all = bank_builtin_all(&n);

	for (size_t i = 0; i < n; i++) {
		const struct bank_question *q = question_bank_find(&all[i], key);

		if (q != NULL)
			return q;
	}
	return NULL;
}

const struct exercise_library *bank_builtin_exercises(void)
{
	pthread_once(&banks_once, banks_load);
	return exercises_ok ? &exercise_lib : NULL;
}
