/*
 * test_store_fts.c — the stemming full-text tokenizer of the store
 * (R-CAND-3): German and English word forms find each other, umlauts and
 * case do not matter, and ranking prefers the better match.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/store.h"

#include "store_fixture.h"

struct fixture {
	char dir[64];
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-fts");
	if (db_exec_script(f->s, "fts table",
			   "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'snowball');"
			   "INSERT INTO docs(rowid, body) VALUES"
			   " (1, 'Nachweisbare Vertriebserfolge im Großkundengeschäft, Verhandlungen mit Einkäufern'),"
			   " (2, 'Led negotiations with enterprise customers and managed key accounts'),"
			   " (3, 'Ausbildung zur Bürokauffrau, Buchhaltung und Rechnungsprüfung'),"
			   " (4, 'Key Account Manager: Verhandlung, Verhandlungen, Verhandlungsführung');") != STORE_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

/* The rowids matching query, best first, as "1,4". */
static void matches(struct store *s, const char *query, char *out, size_t n)
{
	struct db_stmt st;
	out[0] = '\0';
	db_prepare(s, &st, "SELECT rowid FROM docs WHERE docs MATCH :q ORDER BY rank");
	db_bind_text(&st, ":q", query);
	while (db_step(&st) == DB_ROW) {
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%lld", len ? "," : "", (long long)db_column_int64(&st, 0));
	}
	db_finalize(&st);
}

static void test_german_word_forms(void **state)
{
	struct fixture *f = *state;
	char got[64];
	/* R-CAND-3: singular finds plural, case and inflection do not matter */
	matches(f->s, "vertriebserfolg", got, sizeof got);
	assert_string_equal(got, "1");
	matches(f->s, "Verhandlung", got, sizeof got);
	assert_non_null(strstr(got, "1"));
	assert_non_null(strstr(got, "4"));
	/* R-CAND-3: umlauts are kept, so "Großkundengeschäft" matches itself */
	matches(f->s, "Großkundengeschäft", got, sizeof got);
	assert_string_equal(got, "1");
}

static void test_english_word_forms(void **state)
{
	struct fixture *f = *state;
	char got[64];
	/* R-CAND-3: English stems are indexed alongside the German ones */
	matches(f->s, "negotiation", got, sizeof got);
	assert_string_equal(got, "2");
	/* "managing", "managed" and "Manager" share the English stem */
	matches(f->s, "managing", got, sizeof got);
	assert_non_null(strstr(got, "2"));
	assert_non_null(strstr(got, "4"));
	assert_null(strstr(got, "3"));
	matches(f->s, "account", got, sizeof got);
	assert_non_null(strstr(got, "2"));
	assert_non_null(strstr(got, "4"));
}

static void test_no_false_hits(void **state)
{
	struct fixture *f = *state;
	char got[64];
	matches(f->s, "Buchhaltung", got, sizeof got);
	assert_string_equal(got, "3");
	matches(f->s, "Softwareentwicklung", got, sizeof got);
	assert_string_equal(got, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_german_word_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_english_word_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_false_hits, setup, teardown),
	};
	return cmocka_run_group_tests_name("store/fts", tests, NULL, NULL);
}
