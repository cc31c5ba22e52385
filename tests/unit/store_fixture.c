/*
 * store_fixture.c — shared helpers of the unit tests that run against a real
 * SQLite store in a fresh temporary directory; see store_fixture.h.
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

#include "store_fixture.h"

const struct actor TEST_CLI = { 0, "cli", NULL };

struct store *temp_store_open(char dir[64], const char *prefix)
{
	struct store *s = NULL;
	char err[256];
	int from = -1, to = -1;
	enum store_rc rc;

	if (snprintf(dir, 64, "/tmp/%s-XXXXXX", prefix) >= 64)
		fail_msg("temp_store_open: prefix \"%s\" too long", prefix);
	if (!mkdtemp(dir))
		fail_msg("temp_store_open: mkdtemp(%s) failed", dir);
	if (store_open(dir, true, &s, err, sizeof err) != STORE_OK) {
		temp_store_close(NULL, dir);
		fail_msg("temp_store_open: store_open(%s): %s", dir, err);
	}
	rc = store_migrate(s, &from, &to);
	if (rc != STORE_OK || from != 0 || to != store_schema_latest()) {
		temp_store_close(s, dir);
		fail_msg("temp_store_open: store_migrate in %s returned %s, from %d to %d (latest %d)", dir,
			 store_rc_name(rc), from, to, store_schema_latest());
	}
	return s;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[512];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat sb;
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

void temp_store_close(struct store *s, const char *dir)
{
	store_close(s);
	if (dir && dir[0])
		remove_tree(dir);
}

int64_t temp_store_add_user(struct store *s, const char *name, const char *display, enum role role, int64_t now)
{
	struct user u;
	memset(&u, 0, sizeof u);
	strcpy(u.name, name);
	strcpy(u.display_name, display);
	u.role = role;
	strcpy(u.password_hash, TEST_PASSWORD_HASH);
	assert_int_equal(store_user_create(s, &TEST_CLI, &u, now), STORE_OK);
	return u.id;
}

struct audit_entry last_audit(struct store *s)
{
	struct audit_entry *list = NULL, e;
	size_t n = 0;
	assert_int_equal(store_audit_list(s, 1, 0, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	e = list[0];
	free(list);
	return e;
}

int64_t audit_count(struct store *s)
{
	int64_t n = -1;
	assert_int_equal(store_audit_count(s, &n), STORE_OK);
	return n;
}
