/*
 * common.h — helpers shared by several commands beyond those in cli.h:
 * creating and discarding a fresh data directory (init, demo), opening a
 * store without migrating it (backup, migrate), option errors and tables.
 */
#ifndef STELLWERK_CLI_COMMON_H
#define STELLWERK_CLI_COMMON_H

#include <stdbool.h>
#include <stdio.h>

#include "store/store.h"

#define CLI_PASSWORD_LENGTH 20      /* generated passwords */

/* Like cli_open_store, but leaves the schema as it is: backup copies what is
 * there, migrate reports the versions itself. */
struct store *cli_open_store_unmigrated(const char *cmd, const char *data_dir);

/*
 * Makes dir a new data directory holding a new, migrated database: creates
 * dir with mode 0700, or accepts it when it exists and is empty. Refuses
 * when dir exists and is not an empty directory. On failure prints why,
 * removes what it made and returns NULL; on success *created tells
 * cli_data_dir_discard whether to remove the directory itself later.
 */
struct store *cli_store_create(const char *cmd, const char *dir, bool *created);
/* Removes the files init/demo put into dir, and dir when it was created. */
void cli_data_dir_discard(const char *dir, bool created);

/* Parses the options of a command whose only option is --data DIR (and
 * --help, which prints usage). Returns -1 when the command should go on, with
 * optind at the first operand, else the exit code to return at once. */
int cli_parse_data_only(const char *cmd, const char *usage, int argc, char **argv, const char **data_flag);

/* A subcommand of a command with several ("user add", "token list", …). */
struct cli_subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
};

/* Runs subcommand argv[1] of cmd with argv shifted by one; prints usage for
 * --help, -h and help; a missing or unknown subcommand is a usage error that
 * lists the choices. */
int cli_run_subcommand(const char *cmd, const char *usage, const struct cli_subcommand *subs, size_t n, int argc,
		       char **argv);

/* Turns getopt_long's '?' or ':' into a usage error naming the option;
 * returns EXIT_USAGE. */
int cli_option_error(const char *cmd, int c, char **argv);

/* Prints s left-aligned and padded to width characters (UTF-8 aware). */
void cli_print_cell(FILE *out, const char *s, int width);
/* Display width (code points) of a UTF-8 string. */
int cli_text_width(const char *s);

#endif
