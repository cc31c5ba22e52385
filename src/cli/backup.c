/*
 * backup.c — `stellwerk backup`: writes a consistent copy of the database
 * with SQLite's online backup API (R-X-1). It is safe while the server runs:
 * the copy is one snapshot, and the server keeps reading and writing.
 *
 * The database is copied as it is; backup never migrates it, so a backup
 * taken before an upgrade keeps the old schema.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "util/i18n.h"

static const char backup_usage[] = N_(
	"Usage: stellwerk backup [--data DIR] FILE\n"
	"\n"
	"Writes a consistent copy of the database to FILE, which must not exist yet.\n"
	"Safe while 'stellwerk serve' is running. The copy is an ordinary SQLite\n"
	"database: to restore, stop the server and put it in place of\n"
	"DIR/stellwerk.db (removing any stellwerk.db-wal and stellwerk.db-shm).\n"
	"\n"
	"Options:\n"
	"  -d, --data DIR   data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk backup --data /var/lib/stellwerk /backup/stellwerk-2026-11-27.db\n"
	"  stellwerk backup ./before-upgrade.db\n");

int cmd_backup(int argc, char **argv)
{
	const char *data_flag = NULL;
	struct store *s = NULL;
	char err[512];
	int status = EXIT_FAIL;

	int parsed = cli_parse_data_only("backup", _(backup_usage), argc, argv, &data_flag);
	if (parsed >= 0)
		return parsed;
	if (optind >= argc)
		return cli_usage_error("backup", "%s", _("'backup' needs the FILE to write"));
	if (optind + 1 < argc)
		return cli_usage_error("backup", _("unexpected argument '%s'"), argv[optind + 1]);
	const char *dest = argv[optind];

	struct stat sb;
	if (lstat(dest, &sb) == 0) {
		cli_error("backup", _("%s already exists; backup never overwrites. Choose a new file name."), dest);
		return EXIT_FAIL;
	}
	if (!(s = cli_open_store_unmigrated("backup", cli_data_dir(data_flag))))
		goto cleanup;
	if (store_backup(s, dest, err, sizeof err) != STORE_OK) {
		cli_error("backup", "%s", err);
		goto cleanup;
	}
	if (stat(dest, &sb) != 0)
		sb.st_size = 0;
	char size[32];
	i18n_format_int(size, sizeof size, (long long)sb.st_size, i18n_lang());
	printf(i18n_ngettext("Backup written to %s (%s byte).\n", "Backup written to %s (%s bytes).\n",
			     (unsigned long)sb.st_size),
	       dest, size);
	status = EXIT_OK;
cleanup:
	store_close(s);
	return status;
}
