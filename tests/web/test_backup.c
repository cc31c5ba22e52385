/*
 * test_backup.c — black-box tests of `stellwerk backup` (R-X-1): a
 * consistent copy while the server is busy reading and writing, a copy
 * that a new server can run from, and a backup that never overwrites.
 */
#include "harness.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static struct server srv;

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* ---- a client that keeps the server busy while the backup runs -------------------- */

struct busy_client {
	struct http_client *c;
	char csrf[128];
	atomic_bool stop;
	atomic_int rounds;      /* completed read+write rounds */
	atomic_int failures;    /* unexpected statuses or transport errors */
	char last_error[400];
};

static void *busy_loop(void *arg)
{
	struct busy_client *b = arg;
	char body[256], error[128];
	while (!atomic_load(&b->stop)) {
		int round = atomic_load(&b->rounds);
		snprintf(body, sizeof body, "display_name=Loop+%d&csrf=%s", round, b->csrf);
		struct http_response *w = http_try_request(b->c, "POST", "/settings/profile", NULL, body, strlen(body),
							   error, sizeof error);
		struct http_response *g = http_try_request(b->c, "GET", "/dashboard", NULL, NULL, 0, error, sizeof error);
		struct http_response *h = http_try_request(b->c, "GET", "/api/v1/me", NULL, NULL, 0, error,
							   sizeof error);
		if (!w || !g || !h || w->status != 303 || g->status != 200 || h->status != 200) {
			snprintf(b->last_error, sizeof b->last_error, "round %d: write %ld, read %ld, audit %ld (%s)", round,
				 w ? w->status : -1L, g ? g->status : -1L, h ? h->status : -1L, error);
			atomic_fetch_add(&b->failures, 1);
		}
		http_response_free(w);
		http_response_free(g);
		http_response_free(h);
		atomic_fetch_add(&b->rounds, 1);
	}
	return NULL;
}

/* Waits until the busy client has done `more` further rounds (at most 20 s). */
static void wait_rounds(struct busy_client *b, int more)
{
	int target = atomic_load(&b->rounds) + more;
	for (int i = 0; i < 2000 && atomic_load(&b->rounds) < target; i++) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	assert_true(atomic_load(&b->rounds) >= target);
}

/* ---- checking a backup file --------------------------------------------------------- */

static char *query_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(f, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	fclose(f);
	return out;
}

/* Opens path read-only and checks it is an intact stellwerk database with
 * all demo users. */
static void assert_good_backup(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("cannot open %s: %s", path, sqlite3_errmsg(db));
	char *check = query_text(db, "PRAGMA integrity_check");
	assert_string_equal(check, "ok\n"); /* R-X-1 */
	free(check);
	char *fk = query_text(db, "PRAGMA foreign_key_check");
	assert_string_equal(fk, "");
	free(fk);
	char *users = query_text(db, "SELECT name FROM users ORDER BY name");
	assert_string_equal(users, "admin\nalbers\nbrandt\nhoffmann\nschulz\nweber\nyilmaz\n");
	free(users);
	char *version = query_text(db, "PRAGMA user_version");
	assert_true(atoi(version) >= 1);
	free(version);
	char *tables = query_text(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
	assert_contains(tables, "audit_log\n");
	assert_contains(tables, "sessions\n");
	assert_contains(tables, "api_tokens\n");
	free(tables);
	sqlite3_close(db);
}

/* ---- tests --------------------------------------------------------------------------- */

static void backup_while_serving(void **state)
{
	(void)state;
	struct busy_client b = { .c = client_logged_in(&srv, "weber") };
	fetch_csrf(b.c, "/settings", b.csrf, sizeof b.csrf);
	pthread_t thread;
	assert_int_equal(pthread_create(&thread, NULL, busy_loop, &b), 0);
	wait_rounds(&b, 3);

	char dest[400];
	snprintf(dest, sizeof dest, "%s/backup.db", srv.dir);
	struct cmd_result res;
	const char *args[] = { "backup", "--data", srv.data, dest, NULL };
	cmd_run(&res, args, NULL, NULL);
	int rounds_during = atomic_load(&b.rounds);
	wait_rounds(&b, 3); /* the server keeps working after the backup */
	atomic_store(&b.stop, true);
	pthread_join(thread, NULL);
	http_client_free(b.c);

	if (res.status != 0)
		fprintf(stderr, "backup: %s%s\n", res.out, res.err);
	assert_int_equal(res.status, 0); /* R-X-1 */
	assert_contains(res.out, "Backup written to");
	assert_contains(res.out, dest);
	cmd_result_free(&res);
	if (atomic_load(&b.failures) != 0)
		fail_msg("%d requests failed while the backup ran; last: %s", atomic_load(&b.failures), b.last_error);
	assert_true(rounds_during >= 3);

	struct stat sb;
	assert_int_equal(stat(dest, &sb), 0);
	assert_true(sb.st_size > 0);
	assert_good_backup(dest);

	/* the copy holds one of the loop's consistent states of weber */
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(dest, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *dn = query_text(db, "SELECT display_name FROM users WHERE name = 'weber'");
	assert_true(strncmp(dn, "Loop ", 5) == 0);
	free(dn);
	sqlite3_close(db);
}

static void backup_can_be_served(void **state)
{
	(void)state;
	char dest[400];
	snprintf(dest, sizeof dest, "%s/restore-me.db", srv.dir);
	struct cmd_result res;
	const char *args[] = { "backup", "--data", srv.data, dest, NULL };
	cmd_run(&res, args, NULL, NULL);
	assert_int_equal(res.status, 0);
	cmd_result_free(&res);

	/* restore as the help says: the copy becomes DIR/stellwerk.db of a new server */
	struct server second;
	server_prepare(&second);
	assert_int_equal(mkdir(second.data, 0700), 0);
	char target[400];
	snprintf(target, sizeof target, "%s/stellwerk.db", second.data);
	assert_int_equal(rename(dest, target), 0);
	snprintf(second.password, sizeof second.password, "%s", srv.password);
	server_serve(&second, NULL);

	struct http_client *c = client_logged_in(&second, "admin"); /* R-X-1: the backup is usable */
	struct http_response *r = http_get(c, "/api/v1/users", NULL);
	assert_status(r, 200);
	json_t *j = http_json(r);
	assert_int_equal(json_array_size(json_object_get(j, "users")), 7);
	json_decref(j);
	http_response_free(r);
	http_client_free(c);
	server_stop(&second);
}

static void backup_never_overwrites(void **state)
{
	(void)state;
	char dest[400];
	snprintf(dest, sizeof dest, "%s/precious.db", srv.dir);
	FILE *f = fopen(dest, "w");
	assert_non_null(f);
	fputs("precious contents that must survive\n", f);
	fclose(f);
	struct stat before, after;
	assert_int_equal(stat(dest, &before), 0);

	struct cmd_result res;
	const char *args[] = { "backup", "--data", srv.data, dest, NULL };
	cmd_run(&res, args, NULL, NULL);
	assert_int_equal(res.status, 1); /* R-X-1 */
	assert_contains(res.err, "already exists");
	cmd_result_free(&res);

	assert_int_equal(stat(dest, &after), 0);
	assert_int_equal(after.st_size, before.st_size);
	assert_true(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
	char *text = read_file(dest, NULL);
	assert_string_equal(text, "precious contents that must survive\n");
	free(text);

	/* a dangling symlink counts as existing too: nothing is written through it */
	char link_path[400], link_target[400];
	snprintf(link_path, sizeof link_path, "%s/link.db", srv.dir);
	snprintf(link_target, sizeof link_target, "%s/elsewhere.db", srv.dir);
	assert_int_equal(symlink(link_target, link_path), 0);
	const char *args2[] = { "backup", "--data", srv.data, link_path, NULL };
	cmd_run(&res, args2, NULL, NULL);
	assert_int_equal(res.status, 1);
	cmd_result_free(&res);
	struct stat sb;
	assert_int_equal(stat(link_target, &sb), -1);
	assert_int_equal(errno, ENOENT);
}

static void backup_into_a_missing_directory_fails(void **state)
{
	(void)state;
	char dest[400];
	snprintf(dest, sizeof dest, "%s/no/such/dir/backup.db", srv.dir);
	struct cmd_result res;
	const char *args[] = { "backup", "--data", srv.data, dest, NULL };
	cmd_run(&res, args, NULL, NULL);
	assert_int_equal(res.status, 1);
	assert_true(strlen(res.err) > 0); /* says why */
	cmd_result_free(&res);
	struct stat sb;
	assert_int_equal(stat(dest, &sb), -1);

	/* and a data directory that does not exist is an error, not an empty backup */
	char missing[400];
	snprintf(missing, sizeof missing, "%s/not-a-data-dir", srv.dir);
	snprintf(dest, sizeof dest, "%s/from-nothing.db", srv.dir);
	const char *args2[] = { "backup", "--data", missing, dest, NULL };
	cmd_run(&res, args2, NULL, NULL);
	assert_int_equal(res.status, 1);
	cmd_result_free(&res);
	assert_int_equal(stat(dest, &sb), -1);
	assert_int_equal(stat(missing, &sb), -1); /* not created by accident */
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(backup_while_serving),
		cmocka_unit_test(backup_can_be_served),
		cmocka_unit_test(backup_never_overwrites),
		cmocka_unit_test(backup_into_a_missing_directory_fails),
	};
	int failed = cmocka_run_group_tests_name("web/backup", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
