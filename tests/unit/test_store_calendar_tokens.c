/*
 * test_store_calendar_tokens.c — secrets of personal calendar feeds
 * (store/calendar_tokens.h) against a real database in a fresh temporary
 * directory per test: the secret works once created, a wrong one does not,
 * revoking ends it, a new token revokes the old, only the hash is stored.
 *
 * Spec references: R-COMM-1 (personal feed at a secret, revocable URL),
 * R-X-2 (secrets stored hashed), R-X-4 (audit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store/calendar_tokens.h"
#include "store/db.h"
#include "store/store.h"
#include "util/crypto.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t krause, yilmaz;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	assert_true(crypto_init());
	f->s = temp_store_open(f->dir, "stellwerk-caltokens");
	f->krause = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->yilmaz = temp_store_add_user(f->s, "yilmaz", "Deniz Yilmaz", ROLE_INTERVIEWER, NOW);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0);
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

/* R-COMM-1, R-X-2: the secret finds its user; only its hash is stored. */
static void test_secret_works(void **state)
{
	struct fixture *f = *state;
	char secret[TOKEN_TEXT_MAX];
	struct calendar_token t;
	int64_t user = -1;
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->krause, NOW, secret, &t), STORE_OK);
	assert_true(strncmp(secret, CALENDAR_TOKEN_PREFIX, strlen(CALENDAR_TOKEN_PREFIX)) == 0);
	assert_true(strlen(secret) > 40);
	assert_true(t.id > 0);
	assert_int_equal(t.user_id, f->krause);
	assert_int_equal(store_calendar_token_lookup(f->s, secret, &user), STORE_OK);
	assert_int_equal(user, f->krause);

	struct db_stmt st;
	char stored[128];
	char hash[DIGEST_HEX_LEN + 1];
	db_prepare(f->s, &st, "SELECT token_hash FROM calendar_tokens WHERE id = :id");
	db_bind_int64(&st, ":id", t.id);
	assert_int_equal(db_step_row(&st), STORE_OK);
	db_column_text_copy(&st, 0, stored, sizeof stored);
	db_finalize(&st);
	crypto_sha256_hex(secret, strlen(secret), hash);
	assert_string_equal(stored, hash);
	assert_null(strstr(stored, secret));

	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "calendar_token");
	assert_string_equal(e.action, "create");
	assert_null(strstr(e.changes, hash));
	assert_null(strstr(e.changes, secret + 4));

	struct calendar_token active;
	assert_int_equal(store_calendar_token_active(f->s, f->krause, &active), STORE_OK);
	assert_int_equal(active.id, t.id);
	assert_int_equal(store_calendar_token_active(f->s, f->yilmaz, &active), STORE_NOT_FOUND);
}

/* R-COMM-1: a wrong, empty or altered secret finds nobody. */
static void test_wrong_secret_fails(void **state)
{
	struct fixture *f = *state;
	char secret[TOKEN_TEXT_MAX];
	int64_t user = -1;
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->krause, NOW, secret, NULL), STORE_OK);
	assert_int_equal(store_calendar_token_lookup(f->s, "cal_wrong", &user), STORE_NOT_FOUND);
	assert_int_equal(user, 0);
	assert_int_equal(store_calendar_token_lookup(f->s, "", &user), STORE_NOT_FOUND);
	assert_int_equal(store_calendar_token_lookup(f->s, NULL, &user), STORE_NOT_FOUND);
	secret[10] = secret[10] == 'A' ? 'B' : 'A';
	assert_int_equal(store_calendar_token_lookup(f->s, secret, &user), STORE_NOT_FOUND);
}

/* R-COMM-1: a revoked secret stops working; revoking twice finds nothing. */
static void test_revoked_fails(void **state)
{
	struct fixture *f = *state;
	char secret[TOKEN_TEXT_MAX];
	int64_t user = -1;
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->krause, NOW, secret, NULL), STORE_OK);
	assert_int_equal(store_calendar_token_revoke(f->s, &TEST_CLI, f->krause, NOW + 10), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "revoke");
	assert_int_equal(store_calendar_token_lookup(f->s, secret, &user), STORE_NOT_FOUND);
	assert_int_equal(store_calendar_token_revoke(f->s, &TEST_CLI, f->krause, NOW + 20), STORE_NOT_FOUND);
	struct calendar_token active;
	assert_int_equal(store_calendar_token_active(f->s, f->krause, &active), STORE_NOT_FOUND);
}

/* R-COMM-1: one active token per user — a new one revokes the old; other
 * users' tokens are untouched. */
static void test_new_token_revokes_old(void **state)
{
	struct fixture *f = *state;
	char first[TOKEN_TEXT_MAX], second[TOKEN_TEXT_MAX], other[TOKEN_TEXT_MAX];
	int64_t user = -1;
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->krause, NOW, first, NULL), STORE_OK);
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->yilmaz, NOW, other, NULL), STORE_OK);
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->krause, NOW + 5, second, NULL), STORE_OK);
	assert_string_not_equal(first, second);
	assert_int_equal(store_calendar_token_lookup(f->s, first, &user), STORE_NOT_FOUND);
	assert_int_equal(store_calendar_token_lookup(f->s, second, &user), STORE_OK);
	assert_int_equal(user, f->krause);
	assert_int_equal(store_calendar_token_lookup(f->s, other, &user), STORE_OK);
	assert_int_equal(user, f->yilmaz);

	struct db_stmt st;
	db_prepare(f->s, &st, "SELECT count(*), count(revoked_at) FROM calendar_tokens WHERE user_id = :id");
	db_bind_int64(&st, ":id", f->krause);
	assert_int_equal(db_step_row(&st), STORE_OK);
	assert_int_equal(db_column_int64(&st, 0), 2);
	assert_int_equal(db_column_int64(&st, 1), 1);
	db_finalize(&st);
}

/* A disabled user's feed stops working; unknown users get no token. */
static void test_disabled_and_unknown_user(void **state)
{
	struct fixture *f = *state;
	char secret[TOKEN_TEXT_MAX];
	int64_t user = -1;
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, 9999, NOW, secret, NULL), STORE_INVALID);
	assert_string_equal(secret, "");
	assert_int_equal(store_calendar_token_create(f->s, &TEST_CLI, f->yilmaz, NOW, secret, NULL), STORE_OK);
	assert_int_equal(store_user_set_disabled(f->s, &TEST_CLI, f->yilmaz, true, NOW + 1), STORE_OK);
	assert_int_equal(store_calendar_token_lookup(f->s, secret, &user), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_secret_works, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wrong_secret_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revoked_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_token_revokes_old, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disabled_and_unknown_user, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
