/*
 * test_store_consents.c — the versioned privacy notice, candidates' consents
 * and the per-IP rate limit of public applications (store/consents.h),
 * against a real database in a fresh temporary directory per test.
 *
 * Spec references: R-AD-5 (privacy notice configurable by admins, consents
 * stored with time and notice version, rate limits against spam), R-X-4
 * (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/candidates.h"
#include "store/consents.h"
#include "store/db.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define HOUR 3600

struct fixture {
	char dir[64];
	struct store *s;
	int64_t admin;
	int64_t cand;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-consents");
	f->admin = temp_store_add_user(f->s, "admin", "Petra Admin", ROLE_ADMIN, NOW);
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, "Jonas");
	strcpy(c.last_name, "Brüggemann");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	f->cand = c.id;
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

static void test_notice_versions(void **state)
{
	struct fixture *f = *state;
	struct actor admin = { f->admin, "admin", "192.0.2.1" };
	struct privacy_notice n;

	/* R-AD-5: before an admin saves one, the built-in text as version 0 */
	assert_int_equal(store_privacy_notice_current(f->s, "de", "Eingebauter Hinweis.", &n), STORE_OK);
	assert_int_equal(n.version, 0);
	assert_string_equal(n.lang, "de");
	assert_string_equal(n.text, "Eingebauter Hinweis.");
	privacy_notice_free(&n);

	int64_t v1 = 0, v2 = 0, v3 = 0;
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "de", "Datenschutzhinweis, Fassung 1.", NOW, &v1),
			 STORE_OK);
	assert_true(v1 > 0);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "privacy_notice");
	assert_int_equal(e.entity_id, v1);
	assert_int_equal(e.user_id, f->admin);
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "en", "Privacy notice, version 1.", NOW + 1, &v2),
			 STORE_OK);
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "de", "Datenschutzhinweis, Fassung 2.", NOW + 2, &v3),
			 STORE_OK);
	/* versions increase */
	assert_true(v2 > v1);
	assert_true(v3 > v2);

	assert_int_equal(store_privacy_notice_current(f->s, "de", "Eingebauter Hinweis.", &n), STORE_OK);
	assert_int_equal(n.version, v3);
	assert_string_equal(n.text, "Datenschutzhinweis, Fassung 2.");
	assert_int_equal(n.created_at, NOW + 2);
	assert_int_equal(n.created_by, f->admin);
	privacy_notice_free(&n);
	assert_int_equal(store_privacy_notice_current(f->s, "en", "Built-in notice.", &n), STORE_OK);
	assert_int_equal(n.version, v2);
	assert_string_equal(n.text, "Privacy notice, version 1.");
	privacy_notice_free(&n);

	/* bad input: nothing stored */
	int64_t audits = audit_count(f->s), v = 99;
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "fr", "Avis.", NOW, &v), STORE_INVALID);
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "de", "", NOW, &v), STORE_INVALID);
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "de", "  \n ", NOW, &v), STORE_INVALID);
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "de", "bad \xff", NOW, &v), STORE_INVALID);
	char *huge = malloc(PRIVACY_NOTICE_MAX + 2);
	memset(huge, 'x', PRIVACY_NOTICE_MAX + 1);
	huge[PRIVACY_NOTICE_MAX + 1] = '\0';
	assert_int_equal(store_privacy_notice_save(f->s, &admin, "de", huge, NOW, &v), STORE_INVALID);
	free(huge);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_privacy_notice_current(f->s, "xx", "", &n), STORE_INVALID);
}

static void test_old_versions_immutable(void **state)
{
	struct fixture *f = *state;
	int64_t v1 = 0;
	assert_int_equal(store_privacy_notice_save(f->s, &TEST_CLI, "de", "Fassung 1.", NOW, &v1), STORE_OK);
	/* R-AD-5: the text a consent was given for never changes: the database
	 * itself refuses to update or delete a saved version */
	struct db_stmt st;
	db_prepare(f->s, &st, "UPDATE privacy_notices SET text = 'changed' WHERE version = :v");
	db_bind_int64(&st, ":v", v1);
	assert_int_not_equal(db_run(&st), STORE_OK);
	db_prepare(f->s, &st, "DELETE FROM privacy_notices WHERE version = :v");
	db_bind_int64(&st, ":v", v1);
	assert_int_not_equal(db_run(&st), STORE_OK);
	struct privacy_notice n;
	assert_int_equal(store_privacy_notice_current(f->s, "de", "", &n), STORE_OK);
	assert_int_equal(n.version, v1);
	assert_string_equal(n.text, "Fassung 1.");
	privacy_notice_free(&n);
}

static void test_consents(void **state)
{
	struct fixture *f = *state;
	/* R-AD-5: consents with kind, time and notice version */
	assert_int_equal(store_consent_add(f->s, f->cand, CONSENT_PRIVACY, "de-3", NOW, 0), STORE_OK);
	assert_int_equal(store_consent_add(f->s, f->cand, CONSENT_TALENT_POOL, "de-3", NOW + 5, NOW + 730 * 86400LL),
			 STORE_OK);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "add_consent");
	assert_int_equal(e.entity_id, f->cand);
	assert_int_equal(store_consent_add(f->s, 9999, CONSENT_PRIVACY, "de-3", NOW, 0), STORE_NOT_FOUND);
	assert_int_equal(store_consent_add(f->s, f->cand, CONSENT_PRIVACY, "", NOW, 0), STORE_INVALID);

	struct consent *list = NULL;
	size_t n = 0;
	assert_int_equal(store_consent_list(f->s, f->cand, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].kind, CONSENT_PRIVACY);
	assert_string_equal(consent_kind_code(list[0].kind), "privacy");
	assert_string_equal(list[0].notice_version, "de-3");
	assert_int_equal(list[0].given_at, NOW);
	assert_int_equal(list[0].expires_at, 0);
	assert_int_equal(list[1].kind, CONSENT_TALENT_POOL);
	assert_string_equal(consent_kind_code(list[1].kind), "talent_pool");
	assert_int_equal(list[1].expires_at, NOW + 730 * 86400LL); /* R-X-5: talent-pool consent with expiry */
	free(list);

	/* inside the caller's unit of work: rolled back with it */
	assert_int_equal(store_begin(f->s), STORE_OK);
	assert_int_equal(store_consent_add(f->s, f->cand, CONSENT_PRIVACY, "de-4", NOW + 9, 0), STORE_OK);
	store_rollback(f->s);
	assert_int_equal(store_consent_list(f->s, f->cand, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);
}

static void test_submission_rate_limit(void **state)
{
	struct fixture *f = *state;
	bool allowed = false;
	/* R-AD-5: at most 3 applications per IP and hour */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_submission_check(f->s, "198.51.100.7", NOW + i * 60, HOUR, 3, &allowed),
				 STORE_OK);
		assert_true(allowed);
	}
	assert_int_equal(store_submission_check(f->s, "198.51.100.7", NOW + 300, HOUR, 3, &allowed), STORE_OK);
	assert_false(allowed);
	/* another IP is not affected */
	assert_int_equal(store_submission_check(f->s, "2001:db8::1", NOW + 300, HOUR, 3, &allowed), STORE_OK);
	assert_true(allowed);
	/* refused attempts count too: at NOW + HOUR + 30 the first entry expired,
	 * but the 2nd, 3rd and the refused 4th are still in the window */
	assert_int_equal(store_submission_check(f->s, "198.51.100.7", NOW + HOUR + 30, HOUR, 3, &allowed), STORE_OK);
	assert_false(allowed);
	/* once the window has passed, the IP may submit again */
	assert_int_equal(store_submission_check(f->s, "198.51.100.7", NOW + 3 * HOUR, HOUR, 3, &allowed), STORE_OK);
	assert_true(allowed);
	assert_int_equal(store_submission_check(f->s, "198.51.100.7", NOW, 0, 3, &allowed), STORE_INVALID);
	assert_false(allowed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_notice_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_old_versions_immutable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_consents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_submission_rate_limit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
