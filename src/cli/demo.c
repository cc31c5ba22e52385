/*
 * demo.c — `stellwerk demo`: creates a new data directory filled with the
 * realistic demo records of demo_data.c, all users sharing one random
 * password, which is printed and also written to DIR/demo-login.txt.
 *
 * The lines "Data directory:", "Login:" and "Password:" are machine-readable
 * and stay English in every language, like those of init.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "cli/demo_data.h"
#include "util/crypto.h"
#include "util/i18n.h"

#define DEMO_LOGIN_FILE "demo-login.txt"

static const char demo_usage[] = N_(
	"Usage: stellwerk demo [--data DIR]\n"
	"\n"
	"Creates a new data directory filled with realistic demo data: the staff of\n"
	"Nordlicht Sensorik GmbH, Hamburg, hiring for a key role. All demo users share\n"
	"one random password, printed once and kept in DIR/demo-login.txt. DIR must\n"
	"not exist yet (or be empty).\n"
	"\n"
	"Options:\n"
	"  -d, --data DIR   data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk demo --data ./demo\n"
	"  stellwerk demo --data /tmp/stellwerk-demo && stellwerk serve --data /tmp/stellwerk-demo\n");

/* Writes DIR/demo-login.txt (mode 0600, must not exist yet). */
static bool write_login_file(const char *dir, const char *password)
{
	char path[PATH_MAX];
	char text[128];
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, DEMO_LOGIN_FILE) >= sizeof path) {
		cli_error("demo", _("data directory path is too long: %s"), dir);
		return false;
	}
	int len = snprintf(text, sizeof text, "Login: admin\nPassword: %s\n", password);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	bool ok = fd >= 0 && write(fd, text, (size_t)len) == (ssize_t)len;
	int saved = errno;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	sodium_memzero(text, sizeof text);
	if (!ok)
		cli_error("demo", _("cannot write %s: %s"), path, strerror(saved));
	return ok;
}

int cmd_demo(int argc, char **argv)
{
	const char *data_flag = NULL;
	char password[CLI_PASSWORD_LENGTH + 1] = "";
	char hash[PASSWORD_HASH_MAX] = "";
	struct store *s = NULL;
	bool created = false;
	int status = EXIT_FAIL;

	int parsed = cli_parse_data_only("demo", _(demo_usage), argc, argv, &data_flag);
	if (parsed >= 0)
		return parsed;
	if (optind < argc)
		return cli_usage_error("demo", _("unexpected argument '%s'"), argv[optind]);

	const char *dir = cli_data_dir(data_flag);
	if (!(s = cli_store_create("demo", dir, &created)))
		return EXIT_FAIL;
	crypto_random_password(password, CLI_PASSWORD_LENGTH);
	if (!crypto_password_hash(password, hash)) {
		cli_error("demo", "%s", _("cannot hash the password (out of memory)"));
		goto cleanup;
	}
	if (store_begin(s) != STORE_OK)
		goto fill_failed;
	if (!demo_fill(s, hash, (int64_t)time(NULL))) {
		store_rollback(s);
		goto fill_failed;
	}
	if (store_commit(s) != STORE_OK)
		goto fill_failed;
	store_close(s);
	s = NULL;
	if (!write_login_file(dir, password))
		goto cleanup;

	printf("Data directory: %s\nLogin: admin\nPassword: %s\n", dir, password);
	fputs(_("Other demo logins (same password):"), stdout);
	for (size_t i = 0; i < DEMO_OTHER_LOGINS_COUNT; i++)
		printf("%s %s", i ? "," : "", DEMO_OTHER_LOGINS[i]);
	printf("\n\n");
	printf(_("Start the server with\n  stellwerk serve --data %s\nthen open http://%s/ and log in.\n"), dir,
	       cli_listen(NULL));
	status = EXIT_OK;
	goto cleanup;
fill_failed:
	cli_error("demo", _("cannot fill %s with demo data (see the messages above)"), dir);
cleanup:
	if (status != EXIT_OK) {
		store_close(s);
		cli_data_dir_discard(dir, created);
	}
	sodium_memzero(password, sizeof password);
	sodium_memzero(hash, sizeof hash);
	return status;
}
