/*
 * test_store_ads.c — the job ad of a position in the store (store/ads.h):
 * saving and replacing its text with the edited flag, publishing with a
 * unique slug, unpublishing, finding a posting by its slug, the list of
 * published ads, the audit rows and the removal of an ad with its position,
 * against a real database in a fresh temporary directory per test.
 *
 * Spec references: R-AD-1 (the draft and its edited flag), R-AD-4
 * (publishing, unpublishing), R-X-4 (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/ads.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/store.h"
#include "store/users.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY 86400

struct fixture {
	char dir[64];
	struct store *s;
	int64_t user;        /* "weber", the actor of edits */
	int64_t org;
	int64_t pos_a, pos_b;
};

static int64_t add_position(struct fixture *f, const char *title)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = f->org;
	strcpy(p.title, title);
	strcpy(p.location, "Hamburg");
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	return p.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-test");
	f->user = temp_store_add_user(f->s, "weber", "Anna Weber", ROLE_RECRUITER, NOW);
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.city, "Hamburg");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->org = o.id;
	f->pos_a = add_position(f, "Key Account Manager");
	f->pos_b = add_position(f, "Business Development Manager");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0); /* every statement finalized */
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

/* A draft as the generator would leave it. */
static struct stored_ad make_ad(int64_t position_id, const char *title)
{
	struct stored_ad a;
	memset(&a, 0, sizeof a);
	a.position_id = position_id;
	strcpy(a.ad.lang, "de");
	strcpy(a.ad.title, title);
	strcpy(a.ad.intro, "Nordlicht Sensorik sucht Verstärkung in Hamburg.");
	strcpy(a.ad.tasks, "- Betreuung von 15–20 Bestandskunden\n- Neukundenakquise in Norddeutschland");
	strcpy(a.ad.must, "- Erfahrung im B2B-Vertrieb");
	strcpy(a.ad.nice, "- Niederländisch");
	strcpy(a.ad.offer, "- 70.000–90.000 € brutto im Jahr");
	strcpy(a.ad.culture, "Kurze Wege.");
	strcpy(a.ad.process, "- Erstgespräch\n- Fallstudie\n- Kennenlernen des Teams");
	strcpy(a.ad.salary_text, "70.000–90.000 € brutto im Jahr");
	a.ad.valid_through_days = 60;
	a.generated_from_version = 1;
	return a;
}

static void assert_same_text(const struct job_ad *a, const struct job_ad *b)
{
	assert_string_equal(a->lang, b->lang);
	assert_string_equal(a->title, b->title);
	for (int i = 0; i < JOB_AD_SECTION__COUNT; i++)
		assert_string_equal(job_ad_section_text(a, (enum job_ad_section)i),
				    job_ad_section_text(b, (enum job_ad_section)i));
	assert_string_equal(a->salary_text, b->salary_text);
	assert_int_equal(a->valid_through_days, b->valid_through_days);
}

/* ---- tests ----------------------------------------------------------------------------- */

/* R-AD-1: a draft is stored, read back whole, replaced by an edit with the
 * edited flag; each write leaves one audit row. */
static void test_save_get_replace(void **state)
{
	struct fixture *f = *state;
	struct actor weber = { f->user, "weber", "192.0.2.1" };
	struct stored_ad a = make_ad(f->pos_a, "Key Account Manager (m/w/d)"), got;

	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_NOT_FOUND);
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	assert_int_equal(audit_count(f->s), audits + 1);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "job_ad");
	assert_int_equal(e.entity_id, f->pos_a);
	assert_string_equal(e.action, "create");

	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_OK);
	assert_same_text(&got.ad, &a.ad);
	assert_int_equal(got.position_id, f->pos_a);
	assert_int_equal(got.generated_from_version, 1);
	assert_false(got.edited);
	assert_false(got.published);
	assert_string_equal(got.slug, "");
	assert_string_equal(got.date_posted, "");
	assert_string_equal(got.valid_through, "");
	assert_int_equal(got.updated_at, NOW);
	assert_int_equal(got.updated_by, 0);

	/* an edit replaces the text and sets edited */
	strcpy(a.ad.tasks, "- Betreuung von 18 Bestandskunden mit 6 Mio. € Umsatz");
	a.edited = true;
	assert_int_equal(store_ad_save(f->s, &weber, &a, NOW + DAY), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "update");
	assert_string_equal(e.actor, "weber");
	assert_non_null(strstr(e.changes, "\"tasks\":\"changed\""));
	assert_non_null(strstr(e.changes, "\"edited\":[false,true]"));
	assert_null(strstr(e.changes, "Bestandskunden"));   /* texts are not copied into the log */
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_OK);
	assert_true(got.edited);
	assert_string_equal(got.ad.tasks, a.ad.tasks);
	assert_int_equal(got.updated_at, NOW + DAY);
	assert_int_equal(got.updated_by, f->user);

	/* saving the same again changes nothing and logs nothing */
	audits = audit_count(f->s);
	assert_int_equal(store_ad_save(f->s, &weber, &a, NOW + 2 * DAY), STORE_OK);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_OK);
	assert_int_equal(got.updated_at, NOW + DAY);

	/* the other position has no ad */
	assert_int_equal(store_ad_get(f->s, f->pos_b, &got), STORE_NOT_FOUND);
}

/* Input the store cannot keep is refused whole: an unknown position, a
 * language other than de/en, text that is not UTF-8. */
static void test_save_invalid(void **state)
{
	struct fixture *f = *state;
	struct stored_ad a = make_ad(f->pos_a, "Key Account Manager (m/w/d)"), got;
	int64_t audits = audit_count(f->s);

	a.position_id = 9999;
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_INVALID);
	a.position_id = f->pos_a;
	strcpy(a.ad.lang, "fr");
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_INVALID);
	strcpy(a.ad.lang, "de");
	strcpy(a.ad.culture, "Kurze \xC3\x28 Wege");
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_INVALID);
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), audits);
}

/* R-AD-4: publishing sets slug and dates; saving an edit keeps them;
 * unpublishing removes the posting but keeps the slug for this position. */
static void test_publish_unpublish(void **state)
{
	struct fixture *f = *state;
	struct actor weber = { f->user, "weber", NULL };
	struct stored_ad a = make_ad(f->pos_a, "Key Account Manager (m/w/d)"), got;

	assert_int_equal(store_ad_publish(f->s, &weber, f->pos_a, "key-account-manager", "2026-01-02", "2026-03-03",
					  NOW),
			 STORE_NOT_FOUND);
	assert_int_equal(store_ad_unpublish(f->s, &weber, f->pos_a, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_ad_save(f->s, &weber, &a, NOW), STORE_OK);
	assert_int_equal(store_ad_by_slug(f->s, "key-account-manager", &got), STORE_NOT_FOUND);

	/* malformed input */
	assert_int_equal(store_ad_publish(f->s, &weber, f->pos_a, "", "2026-01-02", "2026-03-03", NOW), STORE_INVALID);
	assert_int_equal(store_ad_publish(f->s, &weber, f->pos_a, "kam", "2.1.2026", "2026-03-03", NOW), STORE_INVALID);
	assert_int_equal(store_ad_publish(f->s, &weber, f->pos_a, "kam", "2026-01-02", "", NOW), STORE_INVALID);

	assert_int_equal(store_ad_publish(f->s, &weber, f->pos_a, "key-account-manager", "2026-01-02", "2026-03-03",
					  NOW + DAY),
			 STORE_OK);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "publish");
	assert_string_equal(e.entity, "job_ad");
	assert_non_null(strstr(e.changes, "key-account-manager"));
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_OK);
	assert_true(got.published);
	assert_string_equal(got.slug, "key-account-manager");
	assert_string_equal(got.date_posted, "2026-01-02");
	assert_string_equal(got.valid_through, "2026-03-03");
	assert_int_equal(got.updated_by, f->user);

	/* an edit of the published ad keeps the posting */
	strcpy(a.ad.culture, "Kurze Wege, klare Ansprechpartner.");
	a.edited = true;
	assert_int_equal(store_ad_save(f->s, &weber, &a, NOW + 2 * DAY), STORE_OK);
	assert_int_equal(store_ad_by_slug(f->s, "key-account-manager", &got), STORE_OK);
	assert_int_equal(got.position_id, f->pos_a);
	assert_true(got.published);
	assert_string_equal(got.ad.culture, "Kurze Wege, klare Ansprechpartner.");
	assert_string_equal(got.date_posted, "2026-01-02");

	/* republishing with the own slug is no conflict */
	assert_int_equal(store_ad_publish(f->s, &weber, f->pos_a, "key-account-manager", "2026-01-05", "2026-03-06",
					  NOW + 4 * DAY),
			 STORE_OK);

	assert_int_equal(store_ad_unpublish(f->s, &weber, f->pos_a, NOW + 5 * DAY), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "unpublish");
	/* the slug still finds the ad, unpublished, so the public page can answer 410 */
	assert_int_equal(store_ad_by_slug(f->s, "key-account-manager", &got), STORE_OK);
	assert_false(got.published);
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_OK);
	assert_false(got.published);
	assert_string_equal(got.slug, "key-account-manager");
	assert_string_equal(got.date_posted, "");
	assert_string_equal(got.valid_through, "");
	assert_same_text(&got.ad, &a.ad);

	/* unpublishing what is not published changes nothing */
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_ad_unpublish(f->s, &weber, f->pos_a, NOW + 6 * DAY), STORE_OK);
	assert_int_equal(audit_count(f->s), audits);
}

/* A slug belongs to one position: another position cannot take it, also
 * not while the first one is unpublished. */
static void test_slug_conflict(void **state)
{
	struct fixture *f = *state;
	struct stored_ad a = make_ad(f->pos_a, "Key Account Manager (m/w/d)");
	struct stored_ad b = make_ad(f->pos_b, "Business Development Manager (m/w/d)"), got;

	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &b, NOW), STORE_OK);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_a, "vertrieb", "2026-01-02", "2026-03-03", NOW),
			 STORE_OK);
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_b, "vertrieb", "2026-01-02", "2026-03-03", NOW),
			 STORE_CONFLICT);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_ad_get(f->s, f->pos_b, &got), STORE_OK);
	assert_false(got.published);
	assert_string_equal(got.slug, "");

	assert_int_equal(store_ad_unpublish(f->s, &TEST_CLI, f->pos_a, NOW), STORE_OK);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_b, "vertrieb", "2026-01-02", "2026-03-03", NOW),
			 STORE_CONFLICT);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_b, "vertrieb-2", "2026-01-02", "2026-03-03", NOW),
			 STORE_OK);
	assert_int_equal(store_ad_by_slug(f->s, "vertrieb-2", &got), STORE_OK);
	assert_int_equal(got.position_id, f->pos_b);
	assert_int_equal(store_ad_by_slug(f->s, "vertrieb", &got), STORE_OK);
	assert_int_equal(got.position_id, f->pos_a);
	assert_false(got.published);
	assert_int_equal(store_ad_by_slug(f->s, "nie-vergeben", &got), STORE_NOT_FOUND);
}

/* Published ads newest first (datePosted, then the last change); drafts
 * and unpublished ads are not listed; expired ones still are. */
static void test_list_published(void **state)
{
	struct fixture *f = *state;
	int64_t pos_c = add_position(f, "Vertriebsingenieur");
	struct stored_ad *list = NULL;
	size_t n = 99;

	assert_int_equal(store_ad_list_published(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	int64_t ids[] = { f->pos_a, f->pos_b, pos_c };
	for (size_t i = 0; i < 3; i++) {
		struct stored_ad a = make_ad(ids[i], "Stelle (m/w/d)");
		assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	}
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_a, "a", "2025-10-01", "2025-11-30", NOW), STORE_OK);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_b, "b", "2026-01-01", "2026-03-01", NOW), STORE_OK);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, pos_c, "c", "2025-12-15", "2026-02-13", NOW), STORE_OK);

	assert_int_equal(store_ad_list_published(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].position_id, f->pos_b);
	assert_int_equal(list[1].position_id, pos_c);
	assert_int_equal(list[2].position_id, f->pos_a);   /* expired, still listed: the caller decides */
	assert_string_equal(list[0].slug, "b");
	assert_string_equal(list[0].ad.title, "Stelle (m/w/d)");
	free(list);

	assert_int_equal(store_ad_unpublish(f->s, &TEST_CLI, pos_c, NOW), STORE_OK);
	assert_int_equal(store_ad_list_published(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].position_id, f->pos_b);
	assert_int_equal(list[1].position_id, f->pos_a);
	free(list);
}

/* Inside a caller's transaction a write is a savepoint: rolled back with it. */
static void test_save_in_transaction(void **state)
{
	struct fixture *f = *state;
	struct stored_ad a = make_ad(f->pos_a, "Key Account Manager (m/w/d)"), got;

	assert_int_equal(store_begin(f->s), STORE_OK);
	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_OK);
	store_rollback(f->s);
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_NOT_FOUND);
}

/* The ad goes with its position. The store has no function that deletes
 * positions, so the row is removed directly, as a future one would. */
static void test_cascade_on_position_delete(void **state)
{
	struct fixture *f = *state;
	struct stored_ad a = make_ad(f->pos_a, "Key Account Manager (m/w/d)"), got;
	struct db_stmt st;

	assert_int_equal(store_ad_save(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	assert_int_equal(store_ad_publish(f->s, &TEST_CLI, f->pos_a, "kam", "2026-01-02", "2026-03-03", NOW), STORE_OK);
	db_prepare(f->s, &st, "DELETE FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", f->pos_a);
	assert_int_equal(db_run(&st), STORE_OK);
	assert_int_equal(store_ad_get(f->s, f->pos_a, &got), STORE_NOT_FOUND);
	assert_int_equal(store_ad_by_slug(f->s, "kam", &got), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_get_replace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publish_unpublish, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slug_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_published, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_in_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cascade_on_position_delete, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
