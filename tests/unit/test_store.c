/*
 * test_store.c — the SQLite store against a real database in a fresh
 * temporary directory per test: schema migrations, users with their audit
 * rows, sessions, API tokens, login attempts, transactions and backup.
 *
 * Spec references: R-X-1 (one binary with embedded SQLite, backup), R-X-2
 * (accounts, sessions, tokens, login throttle data), R-X-4 (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/db.h"
#include "store/login_attempts.h"
#include "store/sessions.h"
#include "store/store.h"
#include "store/tokens.h"
#include "store/users.h"
#include "util/log.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */

struct fixture {
	char dir[64];
	struct store *s;
};

static const struct actor ADMIN_ACTOR = { 1, "admin", "192.0.2.1" };
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-test");
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

static struct user make_user(const char *name, const char *display, enum role role)
{
	struct user u;
	memset(&u, 0, sizeof u);
	strcpy(u.name, name);
	strcpy(u.display_name, display);
	u.role = role;
	strcpy(u.lang, "de");
	strcpy(u.password_hash, TEST_PASSWORD_HASH);
	return u;
}

static int64_t add_user(struct store *s, const char *name, enum role role)
{
	struct user u = make_user(name, name, role);
	assert_int_equal(store_user_create(s, &TEST_CLI, &u, NOW), STORE_OK);
	assert_true(u.id > 0);
	return u.id;
}

static void test_open_and_migrate_idempotent(void **state)
{
	struct fixture *f = *state;
	char err[256], path[128];
	int from = -1, to = -1;
	struct stat sb;

	/* R-X-1: the embedded database lives in DATA_DIR/stellwerk.db, mode 0600 */
	snprintf(path, sizeof path, "%s/%s", f->dir, STORE_DB_FILE);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_schema_version(f->s), store_schema_latest());
	assert_true(store_schema_latest() >= 1);

	/* R-X-1: migrating again changes nothing */
	assert_int_equal(store_migrate(f->s, &from, &to), STORE_OK);
	assert_int_equal(from, store_schema_latest());
	assert_int_equal(to, store_schema_latest());

	/* R-X-1: reopening without create finds the migrated schema */
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->dir, false, &f->s, err, sizeof err), STORE_OK);
	assert_int_equal(store_schema_version(f->s), store_schema_latest());
	assert_int_equal(store_migrate(f->s, &from, &to), STORE_OK);
	assert_int_equal(from, to);
	assert_true(store_integrity_ok(f->s));
	assert_true(store_has_fts5(f->s));
	assert_non_null(strstr(store_engine_version(), "SQLite 3."));
	assert_string_equal(store_rc_name(STORE_CONFLICT), "conflict");
}

static void test_open_missing(void **state)
{
	struct fixture *f = *state;
	struct store *other = NULL;
	char err[256], path[128];

	/* R-X-1: a missing database is an error without create, with a message */
	snprintf(path, sizeof path, "%s/empty", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(store_open(path, false, &other, err, sizeof err), STORE_NOT_FOUND);
	assert_null(other);
	assert_non_null(strstr(err, STORE_DB_FILE));
	snprintf(path, sizeof path, "%s/missing", f->dir);
	assert_int_not_equal(store_open(path, true, &other, err, sizeof err), STORE_OK);
	assert_null(other);
	assert_non_null(strstr(err, "does not exist"));
}

static void test_user_create_and_conflict(void **state)
{
	struct fixture *f = *state;
	struct user u = make_user("alice", "Alice Adler", ROLE_RECRUITER), got, dup;

	assert_int_equal(store_user_create(f->s, &ADMIN_ACTOR, &u, NOW), STORE_OK);
	assert_true(u.id > 0);
	assert_int_equal(u.created_at, NOW);

	/* R-X-2: names are unique ignoring case */
	dup = make_user("ALICE", "Other", ROLE_ADMIN);
	assert_int_equal(store_user_create(f->s, &ADMIN_ACTOR, &dup, NOW), STORE_CONFLICT);
	assert_int_equal(dup.id, 0);
	assert_int_equal(store_user_by_name(f->s, "Alice", &got), STORE_OK);
	assert_int_equal(got.id, u.id);
	assert_string_equal(got.name, "alice");
	assert_string_equal(got.display_name, "Alice Adler");
	assert_int_equal(got.role, ROLE_RECRUITER);
	assert_false(got.disabled);
	assert_string_equal(got.lang, "de");
	assert_string_equal(got.password_hash, u.password_hash);
	assert_int_equal(got.password_changed_at, NOW);
	assert_int_equal(store_user_by_id(f->s, u.id, &got), STORE_OK);
	assert_int_equal(store_user_by_name(f->s, "bob", &got), STORE_NOT_FOUND);
	assert_int_equal(store_user_by_id(f->s, 999, &got), STORE_NOT_FOUND);

	/* R-X-4: the creation is audited once, with the created fields, without the hash */
	assert_int_equal(audit_count(f->s), 1);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "user");
	assert_int_equal(e.entity_id, u.id);
	assert_string_equal(e.action, "create");
	assert_string_equal(e.actor, "admin");
	assert_int_equal(e.user_id, 1);
	assert_string_equal(e.ip, "192.0.2.1");
	assert_int_equal(e.at, NOW);
	assert_string_equal(e.changes,
			    "{\"name\":\"alice\",\"display_name\":\"Alice Adler\",\"role\":\"recruiter\","
			    "\"lang\":\"de\",\"disabled\":false}");
	assert_null(strstr(e.changes, "argon2"));
}

static void test_user_list_and_count(void **state)
{
	struct fixture *f = *state;
	struct user *list = NULL;
	size_t n = 0;
	int64_t count = -1;

	add_user(f->s, "zoe", ROLE_INTERVIEWER);
	add_user(f->s, "bert", ROLE_ADMIN);
	add_user(f->s, "Marta", ROLE_HIRING_MANAGER);
	assert_int_equal(store_user_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 3);
	/* R-X-2: ordered by name, ignoring case */
	assert_string_equal(list[0].name, "bert");
	assert_string_equal(list[1].name, "Marta");
	assert_string_equal(list[2].name, "zoe");
	assert_int_equal(list[1].role, ROLE_HIRING_MANAGER);
	free(list);
	assert_int_equal(store_user_count(f->s, &count), STORE_OK);
	assert_int_equal(count, 3);
}

static void test_user_updates_are_audited(void **state)
{
	struct fixture *f = *state;
	int64_t id = add_user(f->s, "carl", ROLE_RECRUITER);
	struct user got;
	struct audit_entry e;
	int64_t before;

	/* R-X-4: a new password is recorded as changed, never as a hash */
	assert_int_equal(store_user_set_password(f->s, &ADMIN_ACTOR, id, "$argon2id$NEWHASH", NOW + 10), STORE_OK);
	assert_int_equal(store_user_by_id(f->s, id, &got), STORE_OK);
	assert_string_equal(got.password_hash, "$argon2id$NEWHASH");
	assert_int_equal(got.password_changed_at, NOW + 10);
	e = last_audit(f->s);
	assert_string_equal(e.action, "update");
	assert_string_equal(e.changes, "{\"password\":\"changed\"}");
	assert_int_equal(e.at, NOW + 10);

	/* R-X-4: role, language and display name as {"field": [old, new]} */
	assert_int_equal(store_user_set_role(f->s, &ADMIN_ACTOR, id, ROLE_ADMIN, NOW + 20), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.changes, "{\"role\":[\"recruiter\",\"admin\"]}");
	assert_int_equal(store_user_set_lang(f->s, &ADMIN_ACTOR, id, "en", NOW + 30), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.changes, "{\"lang\":[\"de\",\"en\"]}");
	assert_int_equal(store_user_set_display_name(f->s, &ADMIN_ACTOR, id, "Carl Dörr", NOW + 40), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.changes, "{\"display_name\":[\"carl\",\"Carl D\\u00F6rr\"]}");
	assert_int_equal(store_user_by_id(f->s, id, &got), STORE_OK);
	assert_string_equal(got.display_name, "Carl Dörr");
	assert_int_equal(got.role, ROLE_ADMIN);
	assert_string_equal(got.lang, "en");

	/* R-X-4: disabling and enabling, with their own actions */
	assert_int_equal(store_user_set_disabled(f->s, &ADMIN_ACTOR, id, true, NOW + 50), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "disable");
	assert_string_equal(e.changes, "{\"disabled\":[false,true]}");
	assert_int_equal(store_user_set_disabled(f->s, &ADMIN_ACTOR, id, false, NOW + 60), STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "enable");
	assert_string_equal(e.changes, "{\"disabled\":[true,false]}");

	/* R-X-4: setting a value it already has writes no audit row */
	before = audit_count(f->s);
	assert_int_equal(store_user_set_role(f->s, &ADMIN_ACTOR, id, ROLE_ADMIN, NOW + 70), STORE_OK);
	assert_int_equal(store_user_set_disabled(f->s, &ADMIN_ACTOR, id, false, NOW + 70), STORE_OK);
	assert_int_equal(audit_count(f->s), before);

	/* unknown user */
	assert_int_equal(store_user_set_role(f->s, &ADMIN_ACTOR, 999, ROLE_ADMIN, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_user_set_password(f->s, &ADMIN_ACTOR, 999, "x", NOW), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), before);

	/* R-X-4: no password hash anywhere in the log */
	struct audit_entry *list = NULL;
	size_t n = 0;
	assert_int_equal(store_audit_list(f->s, 0, 0, &list, &n), STORE_OK);
	assert_int_equal((int64_t)n, before);
	for (size_t i = 0; i < n; i++) {
		assert_null(strstr(list[i].changes, "argon2"));
		assert_null(strstr(list[i].changes, "HASH"));
	}
	/* newest first, and offset pages */
	assert_true(list[0].id > list[n - 1].id);
	free(list);
	assert_int_equal(store_audit_list(f->s, 2, 1, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].action, "disable");
	free(list);
}

static void test_last_admin_count(void **state)
{
	struct fixture *f = *state;
	int64_t n = -1;
	int64_t a = add_user(f->s, "root1", ROLE_ADMIN);
	int64_t b = add_user(f->s, "root2", ROLE_ADMIN);
	add_user(f->s, "rita", ROLE_RECRUITER);

	/* R-X-2: only enabled admins count */
	assert_int_equal(store_user_count_active_admins(f->s, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_user_set_disabled(f->s, &TEST_CLI, a, true, NOW), STORE_OK);
	assert_int_equal(store_user_count_active_admins(f->s, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_user_set_role(f->s, &TEST_CLI, b, ROLE_RECRUITER, NOW), STORE_OK);
	assert_int_equal(store_user_count_active_admins(f->s, &n), STORE_OK);
	assert_int_equal(n, 0);
	/* the CLI actor is recorded as "cli" without a user id */
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.actor, "cli");
	assert_int_equal(e.user_id, 0);
	assert_string_equal(e.ip, "");
}

static struct session make_session(const char *hash, int64_t user_id, int64_t created, int64_t seen)
{
	struct session sess;
	memset(&sess, 0, sizeof sess);
	strcpy(sess.id_hash, hash);
	sess.user_id = user_id;
	strcpy(sess.csrf, "csrf-token-value");
	sess.created_at = created;
	sess.last_seen_at = seen;
	strcpy(sess.ip, "198.51.100.7");
	strcpy(sess.user_agent, "Mozilla/5.0 (X11; Linux x86_64)");
	return sess;
}

static void test_sessions(void **state)
{
	struct fixture *f = *state;
	int64_t uid = add_user(f->s, "dora", ROLE_INTERVIEWER);
	int64_t other = add_user(f->s, "emil", ROLE_INTERVIEWER);
	struct session a = make_session("aaaa", uid, NOW, NOW), got;
	struct session b = make_session("bbbb", uid, NOW - 100000, NOW);
	struct session c = make_session("cccc", other, NOW, NOW - 5000);
	int64_t audits = audit_count(f->s);

	/* R-X-2: server-side sessions keyed by the hash of the cookie */
	assert_int_equal(store_session_create(f->s, &a), STORE_OK);
	assert_int_equal(store_session_create(f->s, &b), STORE_OK);
	assert_int_equal(store_session_create(f->s, &c), STORE_OK);
	assert_int_equal(store_session_create(f->s, &a), STORE_CONFLICT);
	assert_int_equal(store_session_get(f->s, "aaaa", &got), STORE_OK);
	assert_int_equal(got.user_id, uid);
	assert_string_equal(got.csrf, "csrf-token-value");
	assert_string_equal(got.ip, "198.51.100.7");
	assert_string_equal(got.user_agent, "Mozilla/5.0 (X11; Linux x86_64)");
	assert_int_equal(store_session_get(f->s, "zzzz", &got), STORE_NOT_FOUND);

	/* R-X-2: touch moves last_seen_at */
	assert_int_equal(store_session_touch(f->s, "aaaa", NOW + 60), STORE_OK);
	assert_int_equal(store_session_get(f->s, "aaaa", &got), STORE_OK);
	assert_int_equal(got.last_seen_at, NOW + 60);
	assert_int_equal(store_session_touch(f->s, "zzzz", NOW), STORE_NOT_FOUND);

	/* R-X-2: purge removes idle (c) and too old (b) sessions */
	assert_int_equal(store_session_purge(f->s, NOW - 1000, NOW - 50000), STORE_OK);
	assert_int_equal(store_session_get(f->s, "aaaa", &got), STORE_OK);
	assert_int_equal(store_session_get(f->s, "bbbb", &got), STORE_NOT_FOUND);
	assert_int_equal(store_session_get(f->s, "cccc", &got), STORE_NOT_FOUND);

	/* R-X-2: deleting all sessions of a user (password change, disable) */
	assert_int_equal(store_session_create(f->s, &c), STORE_OK);
	assert_int_equal(store_session_delete_for_user(f->s, uid), STORE_OK);
	assert_int_equal(store_session_get(f->s, "aaaa", &got), STORE_NOT_FOUND);
	assert_int_equal(store_session_get(f->s, "cccc", &got), STORE_OK);
	assert_int_equal(store_session_delete(f->s, "cccc"), STORE_OK);
	assert_int_equal(store_session_delete(f->s, "cccc"), STORE_OK);
	assert_int_equal(store_session_get(f->s, "cccc", &got), STORE_NOT_FOUND);

	/* a session for a user that does not exist violates the foreign key */
	struct session orphan = make_session("dddd", 4242, NOW, NOW);
	assert_int_equal(store_session_create(f->s, &orphan), STORE_ERROR);
	/* sessions are not audited by the store */
	assert_int_equal(audit_count(f->s), audits);
}

static void test_tokens(void **state)
{
	struct fixture *f = *state;
	int64_t uid = add_user(f->s, "fritz", ROLE_RECRUITER);
	int64_t other = add_user(f->s, "gerda", ROLE_ADMIN);
	struct api_token t, t2, got, *list = NULL;
	size_t n = 0;

	memset(&t, 0, sizeof t);
	t.user_id = uid;
	strcpy(t.label, "ATS sync");
	strcpy(t.hash, "1111111111111111111111111111111111111111111111111111111111111111");
	strcpy(t.prefix, "sw_AbC12");
	/* R-X-2: tokens are stored by hash, shown by prefix */
	assert_int_equal(store_token_create(f->s, &ADMIN_ACTOR, &t, NOW), STORE_OK);
	assert_true(t.id > 0);
	struct audit_entry e = last_audit(f->s);
	/* R-X-4: token creation audited with label and prefix, not the hash */
	assert_string_equal(e.entity, "token");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.entity_id, t.id);
	assert_null(strstr(e.changes, "1111111111"));
	assert_non_null(strstr(e.changes, "sw_AbC12"));

	t2 = t;
	t2.user_id = other;
	strcpy(t2.label, "");
	assert_int_equal(store_token_create(f->s, &ADMIN_ACTOR, &t2, NOW + 5), STORE_CONFLICT); /* same hash */
	strcpy(t2.hash, "2222222222222222222222222222222222222222222222222222222222222222");
	assert_int_equal(store_token_create(f->s, &ADMIN_ACTOR, &t2, NOW + 5), STORE_OK);

	assert_int_equal(store_token_by_hash(f->s, t.hash, &got), STORE_OK);
	assert_int_equal(got.id, t.id);
	assert_int_equal(got.user_id, uid);
	assert_string_equal(got.user_name, "fritz");
	assert_string_equal(got.label, "ATS sync");
	assert_string_equal(got.prefix, "sw_AbC12");
	assert_int_equal(got.last_used_at, 0);
	assert_int_equal(got.revoked_at, 0);

	assert_int_equal(store_token_touch(f->s, t.id, NOW + 7), STORE_OK);
	assert_int_equal(store_token_by_id(f->s, t.id, &got), STORE_OK);
	assert_int_equal(got.last_used_at, NOW + 7);

	assert_int_equal(store_token_list(f->s, 0, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, t2.id); /* newest first */
	assert_string_equal(list[0].user_name, "gerda");
	free(list);
	assert_int_equal(store_token_list(f->s, uid, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, t.id);
	free(list);

	/* R-X-2: a revoked token is not found by hash any more */
	assert_int_equal(store_token_revoke(f->s, &ADMIN_ACTOR, t.id, NOW + 9), STORE_OK);
	assert_int_equal(store_token_by_hash(f->s, t.hash, &got), STORE_NOT_FOUND);
	assert_int_equal(store_token_by_id(f->s, t.id, &got), STORE_OK);
	assert_int_equal(got.revoked_at, NOW + 9);
	e = last_audit(f->s);
	/* R-X-4 */
	assert_string_equal(e.action, "revoke");
	assert_int_equal(e.entity_id, t.id);
	int64_t before = audit_count(f->s);
	assert_int_equal(store_token_revoke(f->s, &ADMIN_ACTOR, t.id, NOW + 10), STORE_OK);
	assert_int_equal(audit_count(f->s), before);
	assert_int_equal(store_token_revoke(f->s, &ADMIN_ACTOR, 999, NOW), STORE_NOT_FOUND);
}

static void test_login_failures(void **state)
{
	struct fixture *f = *state;
	struct login_failures ip, acct;
	const char *ip1 = "203.0.113.5", *ip2 = "203.0.113.6";

	/* R-X-2: failures counted per IP and per account name */
	assert_int_equal(store_login_attempt_record(f->s, ip1, "hanna", false, NOW - 2000), STORE_OK);
	assert_int_equal(store_login_attempt_record(f->s, ip1, "hanna", false, NOW - 100), STORE_OK);
	assert_int_equal(store_login_attempt_record(f->s, ip1, "ingo", false, NOW - 90), STORE_OK);
	assert_int_equal(store_login_attempt_record(f->s, ip2, "HANNA", false, NOW - 80), STORE_OK);
	assert_int_equal(store_login_failures(f->s, ip1, "Hanna", NOW - 900, &ip, &acct), STORE_OK);
	assert_int_equal(ip.count, 2);         /* the one at NOW - 2000 is before since */
	assert_int_equal(ip.oldest_at, NOW - 100);
	assert_int_equal(acct.count, 2);       /* case-insensitive, from both IPs */
	assert_int_equal(acct.oldest_at, NOW - 100);

	/* R-X-2: success resets the account count but not the IP count */
	assert_int_equal(store_login_attempt_record(f->s, ip1, "hanna", true, NOW - 50), STORE_OK);
	assert_int_equal(store_login_attempt_record(f->s, ip2, "hanna", false, NOW - 40), STORE_OK);
	assert_int_equal(store_login_failures(f->s, ip1, "hanna", NOW - 900, &ip, &acct), STORE_OK);
	assert_int_equal(ip.count, 2);
	assert_int_equal(acct.count, 1);
	assert_int_equal(acct.oldest_at, NOW - 40);

	/* no failures: zero count and zero oldest */
	assert_int_equal(store_login_failures(f->s, "192.0.2.99", "nobody", NOW - 900, &ip, &acct), STORE_OK);
	assert_int_equal(ip.count, 0);
	assert_int_equal(ip.oldest_at, 0);
	assert_int_equal(acct.count, 0);

	assert_int_equal(store_login_attempts_purge(f->s, NOW - 60), STORE_OK);
	assert_int_equal(store_login_failures(f->s, ip1, "hanna", 0, &ip, &acct), STORE_OK);
	assert_int_equal(ip.count, 0);
	assert_int_equal(acct.count, 1);
}

static void test_transaction_rollback(void **state)
{
	struct fixture *f = *state;
	int64_t users = -1, audits = audit_count(f->s);
	struct user a = make_user("jana", "Jana", ROLE_RECRUITER);
	struct user bad = make_user("kai", "Kai", ROLE_RECRUITER);
	struct user got;

	/* R-X-1: a failing statement inside an open transaction, then rollback: nothing remains */
	assert_int_equal(store_begin(f->s), STORE_OK);
	assert_int_equal(store_begin(f->s), STORE_ERROR); /* no nesting */
	assert_int_equal(store_user_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	bad.role = ROLE__COUNT; /* violates the CHECK on role */
	assert_int_equal(store_user_create(f->s, &TEST_CLI, &bad, NOW), STORE_ERROR);
	store_rollback(f->s);
	assert_int_equal(store_user_count(f->s, &users), STORE_OK);
	assert_int_equal(users, 0);
	assert_int_equal(audit_count(f->s), audits); /* R-X-4: no orphan audit row */
	store_rollback(f->s);                         /* no-op without a transaction */

	/* R-X-1: a failed function inside the caller's transaction is undone on its
	 * own (savepoint); what succeeded before it commits with its audit row */
	a.id = 0;
	assert_int_equal(store_begin(f->s), STORE_OK);
	assert_int_equal(store_user_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);
	struct user dup = make_user("JANA", "Dup", ROLE_ADMIN);
	assert_int_equal(store_user_create(f->s, &TEST_CLI, &dup, NOW), STORE_CONFLICT);
	assert_int_equal(store_user_create(f->s, &TEST_CLI, &bad, NOW), STORE_ERROR);
	assert_int_equal(store_commit(f->s), STORE_OK);
	assert_int_equal(store_user_count(f->s, &users), STORE_OK);
	assert_int_equal(users, 1);
	assert_int_equal(audit_count(f->s), audits + 1);
	assert_int_equal(store_user_by_name(f->s, "jana", &got), STORE_OK);
	assert_string_equal(got.display_name, "Jana");
	assert_int_equal(store_commit(f->s), STORE_ERROR); /* nothing open */

	/* a failing function on its own transaction leaves nothing either */
	assert_int_equal(store_user_create(f->s, &TEST_CLI, &bad, NOW), STORE_ERROR);
	assert_int_equal(store_user_count(f->s, &users), STORE_OK);
	assert_int_equal(users, 1);
	assert_int_equal(audit_count(f->s), audits + 1);
	assert_false(f->s->in_transaction);
}

static void test_backup(void **state)
{
	struct fixture *f = *state;
	char dest_dir[128], dest[160], err[256];
	struct store *copy = NULL;
	struct stat sb;
	int64_t users = -1;

	add_user(f->s, "lars", ROLE_ADMIN);
	add_user(f->s, "mona", ROLE_INTERVIEWER);
	snprintf(dest_dir, sizeof dest_dir, "%s/copy", f->dir);
	assert_int_equal(mkdir(dest_dir, 0700), 0);
	snprintf(dest, sizeof dest, "%s/%s", dest_dir, STORE_DB_FILE);

	/* R-X-1: an online backup yields a consistent, private copy */
	assert_int_equal(store_backup(f->s, dest, err, sizeof err), STORE_OK);
	assert_int_equal(stat(dest, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_true(sb.st_size > 0);
	/* R-X-1: never overwrites */
	assert_int_equal(store_backup(f->s, dest, err, sizeof err), STORE_CONFLICT);
	assert_non_null(strstr(err, "already exists"));

	assert_int_equal(store_open(dest_dir, false, &copy, err, sizeof err), STORE_OK);
	assert_true(store_integrity_ok(copy));
	assert_int_equal(store_schema_version(copy), store_schema_latest());
	assert_int_equal(store_user_count(copy, &users), STORE_OK);
	assert_int_equal(users, 2);
	store_close(copy);

	/* no temp file is left next to the backup */
	DIR *d = opendir(dest_dir);
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		assert_null(strstr(e->d_name, ".tmp-"));
	closedir(d);

	/* a directory that does not exist is a clear error */
	snprintf(dest, sizeof dest, "%s/nowhere/backup.db", f->dir);
	assert_int_equal(store_backup(f->s, dest, err, sizeof err), STORE_ERROR);
	assert_true(err[0] != '\0');
}

int main(void)
{
	log_set_quiet(1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_and_migrate_idempotent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_create_and_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_list_and_count, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_updates_are_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_admin_count, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transaction_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
