/*
 * cli.h — the command handlers of the stellwerk binary and what they share.
 *
 * Every command is `int cmd_NAME(int argc, char **argv)` where argv[0] is the
 * command name; it returns an exit code: 0 ok, 1 failure, 2 usage error.
 * Settings are resolved flags first, then environment, then defaults.
 */
#ifndef STELLWERK_CLI_CLI_H
#define STELLWERK_CLI_CLI_H

#include <stdbool.h>

#include "store/store.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

#define DEFAULT_DATA_DIR "./stellwerk-data"
#define DEFAULT_LISTEN "127.0.0.1:8080"
#define STELLWERK_VERSION_STRING STELLWERK_VERSION

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_position(int argc, char **argv);
int cmd_lint_ad(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_holidays(int argc, char **argv);

/* --data flag value, else $STELLWERK_DATA, else DEFAULT_DATA_DIR. */
const char *cli_data_dir(const char *flag_value);
/* --listen flag value, else $STELLWERK_LISTEN, else DEFAULT_LISTEN. */
const char *cli_listen(const char *flag_value);

/* Opens an existing data directory's store and applies pending migrations;
 * prints a helpful error (naming the fix) and returns NULL on failure. */
struct store *cli_open_store(const char *data_dir);

/* The actor for changes made from the command line. */
extern const struct actor CLI_ACTOR;

/* Prints "stellwerk CMD: " + message to stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints a usage error plus "Try 'stellwerk CMD --help'." and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Reads a password: from stdin (one line, trailing newline removed) when
 * from_stdin, else prompts twice on the terminal without echo. Returns a
 * malloc'd string or NULL with an error printed. */
char *cli_read_password(const char *cmd, bool from_stdin);

#endif
