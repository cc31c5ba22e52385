/*
 * init.c — `stellwerk init`: creates a new data directory with its database
 * and the first admin user, whose random password is printed once.
 *
 * The lines "Data directory:", "Login:" and "Password:" are machine-readable
 * and stay English in every language; scripts and tests parse them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "store/users.h"
#include "util/crypto.h"
#include "util/i18n.h"
#include "util/str.h"

static const char init_usage[] = N_(
	"Usage: stellwerk init [--data DIR]\n"
	"\n"
	"Creates a new data directory with its database and the first admin user\n"
	"'admin', and prints that user's password once. DIR must not exist yet\n"
	"(or be empty); init refuses to touch an existing data directory.\n"
	"\n"
	"Options:\n"
	"  -d, --data DIR   data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk init --data /var/lib/stellwerk\n"
	"  stellwerk init --data ./stellwerk-data && stellwerk serve --data ./stellwerk-data\n");

int cmd_init(int argc, char **argv)
{
	const char *data_flag = NULL;
	char password[CLI_PASSWORD_LENGTH + 1] = "";
	struct store *s = NULL;
	bool created = false;
	int status = EXIT_FAIL;

	int parsed = cli_parse_data_only("init", _(init_usage), argc, argv, &data_flag);
	if (parsed >= 0)
		return parsed;
	if (optind < argc)
		return cli_usage_error("init", _("unexpected argument '%s'"), argv[optind]);

	const char *dir = cli_data_dir(data_flag);
	if (!(s = cli_store_create("init", dir, &created)))
		return EXIT_FAIL;

	struct user admin;
	memset(&admin, 0, sizeof admin);
	str_copy(admin.name, sizeof admin.name, "admin");
	str_copy(admin.display_name, sizeof admin.display_name, "Administrator");
	admin.role = ROLE_ADMIN;
	crypto_random_password(password, CLI_PASSWORD_LENGTH);
	if (!crypto_password_hash(password, admin.password_hash)) {
		cli_error("init", "%s", _("cannot hash the password (out of memory)"));
		goto cleanup;
	}
	if (store_user_create(s, &CLI_ACTOR, &admin, (int64_t)time(NULL)) != STORE_OK) {
		cli_error("init", _("cannot create the admin user in %s (see the messages above)"), dir);
		goto cleanup;
	}
	store_close(s);
	s = NULL;

	printf("Data directory: %s\nLogin: admin\nPassword: %s\n\n", dir, password);
	printf(_("Start the server with\n  stellwerk serve --data %s\nthen open http://%s/ and log in.\n"
		 "The password is shown only this once; change it with 'stellwerk user passwd admin'.\n"),
	       dir, cli_listen(NULL));
	status = EXIT_OK;
cleanup:
	if (status != EXIT_OK) {
		store_close(s);
		cli_data_dir_discard(dir, created);
	}
	sodium_memzero(password, sizeof password);
	sodium_memzero(admin.password_hash, sizeof admin.password_hash);
	return status;
}
