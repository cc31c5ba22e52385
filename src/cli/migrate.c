/*
 * migrate.c — `stellwerk migrate`: brings the database schema up to date and
 * says what it did. Each migration runs in its own transaction (see
 * store/migrations.c); serve and the other commands also migrate on start.
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "util/i18n.h"

static const char migrate_usage[] = N_(
	"Usage: stellwerk migrate [--data DIR]\n"
	"\n"
	"Applies pending schema migrations to the database and prints the schema\n"
	"version before and after. Take a backup first ('stellwerk backup').\n"
	"\n"
	"Options:\n"
	"  -d, --data DIR   data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk backup --data /var/lib/stellwerk ./before-upgrade.db\n"
	"  stellwerk migrate --data /var/lib/stellwerk\n");

int cmd_migrate(int argc, char **argv)
{
	const char *data_flag = NULL;
	struct store *s = NULL;
	int from = 0, to = 0;
	int status = EXIT_FAIL;

	int parsed = cli_parse_data_only("migrate", _(migrate_usage), argc, argv, &data_flag);
	if (parsed >= 0)
		return parsed;
	if (optind < argc)
		return cli_usage_error("migrate", _("unexpected argument '%s'"), argv[optind]);

	const char *dir = cli_data_dir(data_flag);
	if (!(s = cli_open_store_unmigrated("migrate", dir)))
		goto cleanup;
	if (store_migrate(s, &from, &to) != STORE_OK) {
		cli_error("migrate",
			  _("migrating %s stopped at schema version %d (see the messages above); every migration "
			    "applied so far is complete, the failed one left no trace"),
			  dir, to);
		goto cleanup;
	}
	if (from == to)
		printf(_("The database is already up to date (version %d).\n"), to);
	else
		printf(_("Schema version %d → %d\n"), from, to);
	status = EXIT_OK;
cleanup:
	store_close(s);
	return status;
}
