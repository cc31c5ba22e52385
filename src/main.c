/*
 * main.c — entry point and the one command table of the stellwerk binary.
 *
 * Each command lives in its own file under src/cli/; this table names it,
 * points at its handler and gives the one-line help shown by `stellwerk --help`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"
#include "util/crypto.h"
#include "util/i18n.h"
#include "util/log.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "init", cmd_init, N_("Create a new data directory with its first admin user") },
	{ "serve", cmd_serve, N_("Serve the web interface and the JSON API") },
	{ "demo", cmd_demo, N_("Create a data directory filled with realistic demo data") },
	{ "user", cmd_user, N_("Add, list, disable users and set passwords") },
	{ "token", cmd_token, N_("Create, list and revoke API tokens") },
	{ "position", cmd_position, N_("List positions and export one with its requirements profile as JSON") },
	{ "lint-ad", cmd_lint_ad, N_("Check a job ad for clichés, vague tasks, AGG risks, pay transparency and readability") },
	{ "import", cmd_import, N_("Import candidates from a CSV file, all or nothing") },
	{ "export", cmd_export, N_("Export candidates as CSV to standard output") },
	{ "backup", cmd_backup, N_("Write a consistent copy of the database, also while serving") },
	{ "migrate", cmd_migrate, N_("Bring the database schema up to date") },
	{ "holidays", cmd_holidays, N_("Print the public holidays of a German state in a year") },
	{ "version", cmd_version, N_("Print the version of stellwerk and its libraries") },
};

static void print_help(FILE *out)
{
	fprintf(out, "%s\n\n", _("stellwerk — structured hiring for key roles"));
	fprintf(out, "%s\n  stellwerk COMMAND [OPTIONS]\n\n%s\n", _("Usage:"), _("Commands:"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(out, "\n%s\n  stellwerk demo --data ./stellwerk-data\n"
		     "  stellwerk serve --data ./stellwerk-data --listen 127.0.0.1:8080\n\n%s\n",
		_("Examples:"), _("Run 'stellwerk COMMAND --help' for the options of a command."));
}

/* The command line speaks German when the environment's locale does. */
static void choose_cli_language(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			i18n_set_lang(strncmp(v, "de", 2) == 0 ? LANG_DE : LANG_EN);
			return;
		}
	}
	i18n_set_lang(LANG_EN);
}

int main(int argc, char **argv)
{
	store_global_init();
	if (!crypto_init()) {
		fprintf(stderr, "stellwerk: libsodium could not be initialised\n");
		return EXIT_FAIL;
	}
	i18n_init();
	choose_cli_language();
	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	static char help_flag[] = "--help";
	char *help_argv[] = { argv[0], argc > 2 ? argv[2] : NULL, help_flag, NULL };
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		if (argc > 2 && strcmp(name, "help") == 0) {
			argv = help_argv;
			argc = 3;
			name = argv[1];
		} else {
			print_help(stdout);
			return EXIT_OK;
		}
	}
	if (strcmp(name, "--version") == 0)
		name = "version";
	/* Commands other than serve report problems, not progress, on stderr. */
	if (strcmp(name, "serve") != 0)
		log_set_quiet(1);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, _("stellwerk: unknown command '%s'. Run 'stellwerk --help' for the list of commands.\n"), name);
	return EXIT_USAGE;
}
