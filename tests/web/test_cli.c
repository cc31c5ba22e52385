/*
 * test_cli.c — black-box tests of the stellwerk command line (R-X-1 binary
 * and CLI, R-X-2 accounts): help and exit codes, init, serve without data,
 * user administration with the password policy, version and STELLWERK_DATA.
 */
#include "harness.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char tmp[256];   /* one temporary directory for the whole file */
static char data[290];  /* an initialised data directory in it */
static char init_password[128];

static const char *const COMMANDS[] = { "init", "serve", "demo", "user", "token", "backup", "migrate", "version" };

/* Runs the binary with the given arguments; env and stdin may be NULL. */
#define RUN(res, env, stdin_data, ...)                                  \
	do {                                                            \
		const char *run_args_[] = { __VA_ARGS__, NULL };        \
		cmd_run((res), run_args_, (env), (stdin_data));         \
	} while (0)

/* Fails with the command's output unless it exited with status. */
static void assert_exit(const struct cmd_result *res, int status, const char *what)
{
	if (res->status != status) {
		fprintf(stderr, "%s\n--- stdout:\n%s--- stderr:\n%s\n", what, res->out, res->err);
		fail_msg("%s: exit status %d, expected %d", what, res->status, status);
	}
}

/* The `user list` row of name, "" when there is none. */
static void user_row(const char *list, const char *name, char *row, size_t n)
{
	size_t nl = strlen(name);
	row[0] = '\0';
	for (const char *line = list; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncmp(line, name, nl) == 0 && line[nl] == ' ') {
			snprintf(row, n, "%.*s", (int)strcspn(line, "\n"), line);
			return;
		}
	}
}

static void list_users(char *out, size_t n)
{
	struct cmd_result res;
	RUN(&res, NULL, NULL, "user", "list", "--data", data);
	assert_exit(&res, 0, "user list");
	snprintf(out, n, "%s", res.out);
	cmd_result_free(&res);
}

static int group_setup(void **state)
{
	(void)state;
	make_temp_dir(tmp, sizeof tmp);
	snprintf(data, sizeof data, "%s/data", tmp);
	struct cmd_result res;
	RUN(&res, NULL, NULL, "init", "--data", data);
	assert_exit(&res, 0, "init");
	const char *pw = strstr(res.out, "Password: ");
	assert_non_null(pw);
	snprintf(init_password, sizeof init_password, "%.*s", (int)strcspn(pw + 10, "\r\n"), pw + 10);
	cmd_result_free(&res);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	remove_tree(tmp);
	return 0;
}

/* ---- tests ------------------------------------------------------------------------- */

static void help_lists_the_commands(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, NULL, NULL, "--help");
	assert_exit(&res, 0, "--help"); /* R-X-1 */
	for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++) {
		char needle[32];
		snprintf(needle, sizeof needle, "\n  %s ", COMMANDS[i]);
		assert_contains(res.out, needle);
	}
	assert_contains(res.out, "Example");
	cmd_result_free(&res);

	/* without a command: the help on stderr and a usage exit */
	const char *none[] = { NULL };
	cmd_run(&res, none, NULL, NULL);
	assert_exit(&res, 2, "(no arguments)");
	assert_contains(res.err, "serve");
	cmd_result_free(&res);
}

static void unknown_command_is_a_usage_error(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, NULL, NULL, "nosuch");
	assert_exit(&res, 2, "nosuch"); /* R-X-1 */
	assert_contains(res.err, "nosuch");
	assert_contains(res.err, "--help");
	assert_string_equal(res.out, "");
	cmd_result_free(&res);
}

static void every_command_has_help_with_examples(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++) {
		struct cmd_result res;
		RUN(&res, NULL, NULL, COMMANDS[i], "--help");
		assert_exit(&res, 0, COMMANDS[i]); /* R-X-1 */
		if (!strstr(res.out, "Example") && !strstr(res.out, "Beispiel"))
			fail_msg("'%s --help' shows no example:\n%s", COMMANDS[i], res.out);
		char usage[64];
		snprintf(usage, sizeof usage, "stellwerk %s", COMMANDS[i]);
		assert_contains(res.out, usage);
		cmd_result_free(&res);

		/* `stellwerk help CMD` is the same text */
		struct cmd_result again;
		RUN(&again, NULL, NULL, "help", COMMANDS[i]);
		assert_exit(&again, 0, "help CMD");
		cmd_result_free(&again);
	}
}

static void init_prints_the_admin_login(void **state)
{
	(void)state;
	/* done in group_setup: check what it printed and made */
	assert_true(strlen(init_password) >= 12); /* R-X-2: a strong generated password */
	char list[8192], row[256];
	list_users(list, sizeof list);
	user_row(list, "admin", row, sizeof row);
	assert_contains(row, "admin");
	assert_contains(row, "active");
	struct stat sb;
	char db[400];
	snprintf(db, sizeof db, "%s/stellwerk.db", data);
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_mode & 077, 0); /* R-X-2: the database is not world-readable */

	/* the printed password logs in to a server on this directory */
	struct server s;
	server_prepare(&s);
	snprintf(s.data, sizeof s.data, "%s", data);
	snprintf(s.password, sizeof s.password, "%s", init_password);
	server_serve(&s, NULL);
	struct http_client *c = http_client_new(&s);
	long status = http_login(c, "admin", init_password, NULL);
	http_client_free(c);
	server_stop(&s);
	assert_int_equal(status, 303); /* R-X-1 */
}

static void second_init_changes_nothing(void **state)
{
	(void)state;
	char db[400];
	snprintf(db, sizeof db, "%s/stellwerk.db", data);
	size_t before_len = 0, after_len = 0;
	char *before = read_file(db, &before_len);
	assert_non_null(before);
	struct cmd_result res;
	RUN(&res, NULL, NULL, "init", "--data", data);
	assert_exit(&res, 1, "second init"); /* R-X-1 */
	assert_true(strlen(res.err) > 0);
	assert_not_contains(res.out, "Password:");
	cmd_result_free(&res);
	char *after = read_file(db, &after_len);
	assert_non_null(after);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(before);
	free(after);
}

static void serve_without_data_names_init(void **state)
{
	(void)state;
	char missing[400];
	snprintf(missing, sizeof missing, "%s/does-not-exist", tmp);
	struct cmd_result res;
	RUN(&res, NULL, NULL, "serve", "--data", missing, "--listen", "127.0.0.1:0", "--allow-root");
	assert_exit(&res, 1, "serve without data"); /* R-X-1 */
	assert_contains(res.err, "stellwerk init");
	assert_contains(res.err, missing);
	cmd_result_free(&res);
	struct stat sb;
	assert_int_equal(stat(missing, &sb), -1); /* not created */

	/* and a bad --listen is a clear error too */
	RUN(&res, NULL, NULL, "serve", "--data", data, "--listen", "no-port-here", "--allow-root");
	assert_int_equal(res.status, 1);
	assert_contains(res.err, "HOST:PORT");
	cmd_result_free(&res);
}

static void user_add_enforces_the_password_policy(void **state)
{
	(void)state;
	static const struct { const char *password; const char *why; } bad[] = {
		{ "short-pw\n", "12" },          /* too short (< 12) */
		{ "1qaz2wsx3edc\n", "common" },  /* on the common list */
		{ "my-name-is-m.keller\n", "" }, /* contains the user name */
		{ "\n", "" },                    /* empty */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct cmd_result res;
		RUN(&res, NULL, bad[i].password, "user", "add", "m.keller", "--role", "interviewer", "--password-stdin",
		    "--data", data);
		if (res.status != 1)
			fprintf(stderr, "password %s", bad[i].password);
		assert_exit(&res, 1, "user add with a bad password"); /* R-X-2 */
		if (*bad[i].why)
			assert_contains(res.err, bad[i].why);
		cmd_result_free(&res);
	}
	char list[8192], row[256];
	list_users(list, sizeof list);
	user_row(list, "m.keller", row, sizeof row);
	assert_string_equal(row, ""); /* nothing created */

	struct cmd_result res;
	RUN(&res, NULL, "Vier Hasen tanzen im Mondlicht\n", "user", "add", "m.keller", "--role", "interviewer", "--password-stdin",
	    "--data", data);
	assert_exit(&res, 0, "user add with a good password");
	assert_not_contains(res.out, "Mondlicht"); /* the password is not echoed */
	cmd_result_free(&res);
	list_users(list, sizeof list);
	user_row(list, "m.keller", row, sizeof row);
	assert_contains(row, "interviewer");
	assert_contains(row, "active");

	/* the same name again is refused */
	RUN(&res, NULL, "Vier Hasen tanzen im Mondlicht\n", "user", "add", "M.Keller", "--role", "recruiter", "--password-stdin",
	    "--data", data);
	assert_exit(&res, 1, "user add of a taken name");
	cmd_result_free(&res);
	/* an unknown role or bad name too */
	RUN(&res, NULL, "Vier Hasen tanzen im Mondlicht\n", "user", "add", "x.y", "--role", "wizard", "--password-stdin",
	    "--data", data);
	assert_true(res.status == 1 || res.status == 2);
	cmd_result_free(&res);
	RUN(&res, NULL, "Vier Hasen tanzen im Mondlicht\n", "user", "add", "Bad Name", "--role", "interviewer", "--password-stdin",
	    "--data", data);
	assert_true(res.status == 1 || res.status == 2);
	cmd_result_free(&res);
	list_users(list, sizeof list);
	user_row(list, "x.y", row, sizeof row);
	assert_string_equal(row, "");
}

static void user_disable_and_enable(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, NULL, "Sieben Zwerge hinter den Bergen\n", "user", "add", "t.disable", "--role", "recruiter", "--password-stdin",
	    "--data", data);
	assert_exit(&res, 0, "user add t.disable");
	cmd_result_free(&res);

	RUN(&res, NULL, NULL, "user", "disable", "t.disable", "--data", data);
	assert_exit(&res, 0, "user disable"); /* R-X-2 */
	cmd_result_free(&res);
	char list[8192], row[256];
	list_users(list, sizeof list);
	user_row(list, "t.disable", row, sizeof row);
	assert_contains(row, "disabled");

	RUN(&res, NULL, NULL, "user", "enable", "t.disable", "--data", data);
	assert_exit(&res, 0, "user enable");
	cmd_result_free(&res);
	list_users(list, sizeof list);
	user_row(list, "t.disable", row, sizeof row);
	assert_contains(row, "active");

	RUN(&res, NULL, NULL, "user", "disable", "no.such.user", "--data", data);
	assert_exit(&res, 1, "user disable of an unknown user");
	cmd_result_free(&res);
}

static void last_admin_cannot_be_disabled(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, NULL, NULL, "user", "disable", "admin", "--data", data);
	assert_exit(&res, 1, "user disable of the last admin"); /* R-X-2 */
	assert_contains(res.err, "last");
	cmd_result_free(&res);
	char list[8192], row[256];
	list_users(list, sizeof list);
	user_row(list, "admin", row, sizeof row);
	assert_contains(row, "active");

	/* with a second admin it is allowed (and then the other is the last) */
	RUN(&res, NULL, "Zweiter Verwalter mit Hut\n", "user", "add", "second.admin", "--role", "admin", "--password-stdin",
	    "--data", data);
	assert_exit(&res, 0, "user add second.admin");
	cmd_result_free(&res);
	RUN(&res, NULL, NULL, "user", "disable", "admin", "--data", data);
	assert_exit(&res, 0, "user disable admin with a second admin");
	cmd_result_free(&res);
	RUN(&res, NULL, NULL, "user", "disable", "second.admin", "--data", data);
	assert_exit(&res, 1, "user disable of the new last admin");
	cmd_result_free(&res);
	RUN(&res, NULL, NULL, "user", "enable", "admin", "--data", data);
	assert_exit(&res, 0, "user enable admin");
	cmd_result_free(&res);
}

static void version_is_printed(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, NULL, NULL, "version");
	assert_exit(&res, 0, "version"); /* R-X-1 */
	assert_true(strncmp(res.out, "stellwerk 0.1.0\n", 16) == 0);
	assert_contains(res.out, "SQLite");
	cmd_result_free(&res);
	RUN(&res, NULL, NULL, "--version");
	assert_exit(&res, 0, "--version");
	assert_true(strncmp(res.out, "stellwerk 0.1.0\n", 16) == 0);
	cmd_result_free(&res);
}

static void stellwerk_data_is_used_without_data(void **state)
{
	(void)state;
	char envdata[400];
	snprintf(envdata, sizeof envdata, "STELLWERK_DATA=%s", data);
	const char *env[] = { envdata, NULL };
	struct cmd_result res;
	RUN(&res, env, NULL, "user", "list");
	assert_exit(&res, 0, "user list with STELLWERK_DATA"); /* R-X-1 */
	assert_contains(res.out, "admin ");
	assert_contains(res.out, "m.keller ");
	cmd_result_free(&res);

	/* --data wins over the environment */
	const char *wrong[] = { "STELLWERK_DATA=/nonexistent/stellwerk", NULL };
	RUN(&res, wrong, NULL, "user", "list", "--data", data);
	assert_exit(&res, 0, "user list --data with a wrong STELLWERK_DATA");
	assert_contains(res.out, "admin ");
	cmd_result_free(&res);

	/* and a wrong STELLWERK_DATA alone is reported, naming the directory */
	RUN(&res, wrong, NULL, "user", "list");
	assert_exit(&res, 1, "user list with a wrong STELLWERK_DATA");
	assert_contains(res.err, "/nonexistent/stellwerk");
	cmd_result_free(&res);
}

static void usage_errors_exit_2(void **state)
{
	(void)state;
	static const char *const cases[][4] = {
		{ "init", "--bogus", NULL, NULL },
		{ "serve", "--threads", "0", NULL },
		{ "backup", NULL, NULL, NULL },
		{ "user", NULL, NULL, NULL },
		{ "user", "frobnicate", NULL, NULL },
		{ "token", "create", NULL, NULL },
		{ "version", "extra", NULL, NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cmd_result res;
		RUN(&res, NULL, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3]);
		char what[128];
		snprintf(what, sizeof what, "%s %s %s", cases[i][0], cases[i][1] ? cases[i][1] : "",
			 cases[i][2] ? cases[i][2] : "");
		assert_exit(&res, 2, what); /* R-X-1 */
		assert_true(strlen(res.err) > 0);
		cmd_result_free(&res);
	}
}

static void migrate_is_idempotent(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, NULL, NULL, "migrate", "--data", data);
	assert_exit(&res, 0, "migrate");
	cmd_result_free(&res);
	RUN(&res, NULL, NULL, "migrate", "--data", data);
	assert_exit(&res, 0, "migrate again");
	cmd_result_free(&res);
	char list[8192];
	list_users(list, sizeof list);
	assert_contains(list, "admin ");
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(help_lists_the_commands),
		cmocka_unit_test(unknown_command_is_a_usage_error),
		cmocka_unit_test(every_command_has_help_with_examples),
		cmocka_unit_test(init_prints_the_admin_login),
		cmocka_unit_test(second_init_changes_nothing),
		cmocka_unit_test(serve_without_data_names_init),
		cmocka_unit_test(user_add_enforces_the_password_policy),
		cmocka_unit_test(user_disable_and_enable),
		cmocka_unit_test(last_admin_cannot_be_disabled),
		cmocka_unit_test(version_is_printed),
		cmocka_unit_test(stellwerk_data_is_used_without_data),
		cmocka_unit_test(usage_errors_exit_2),
		cmocka_unit_test(migrate_is_idempotent),
	};
	int failed = cmocka_run_group_tests_name("web/cli", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
