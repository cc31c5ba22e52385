/*
 * store_fixture.h — shared helpers of the unit tests that run against a real
 * SQLite store in a fresh temporary directory (tests/unit/store_fixture.c).
 *
 * Include after <cmocka.h>: the helpers fail the running test through
 * cmocka when something goes wrong.
 */
#ifndef STELLWERK_TESTS_UNIT_STORE_FIXTURE_H
#define STELLWERK_TESTS_UNIT_STORE_FIXTURE_H

#include <stdint.h>

#include "store/audit.h"
#include "store/store.h"
#include "store/users.h"

/* The command-line actor { 0, "cli", NULL } the tests act as. */
extern const struct actor TEST_CLI;

/* The password hash given to every test user (never verified). */
#define TEST_PASSWORD_HASH "$argon2id$v=19$m=19456,t=2,p=1$SECRETHASH"

/*
 * Creates a fresh directory /tmp/<prefix>-XXXXXX (its name written to dir),
 * creates and opens the store in it and migrates it from version 0 to
 * store_schema_latest(). Fails the running test with a message naming the
 * step otherwise; returns the open store.
 */
struct store *temp_store_open(char dir[64], const char *prefix);

/*
 * Closes s (may be NULL) and removes everything in dir — files and
 * subdirectories the test created — and dir itself.
 */
void temp_store_close(struct store *s, const char *dir);

/*
 * Creates user name with display name display, role role and
 * TEST_PASSWORD_HASH as TEST_CLI at time now, asserting success; returns
 * the new id.
 */
int64_t temp_store_add_user(struct store *s, const char *name, const char *display, enum role role, int64_t now);

/* The newest audit row of s; asserts there is one. */
struct audit_entry last_audit(struct store *s);

/* The number of audit rows of s. */
int64_t audit_count(struct store *s);

#endif
