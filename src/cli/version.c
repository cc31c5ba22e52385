/*
 * version.c — `stellwerk version`: the version of stellwerk and of the
 * libraries it runs with (as loaded at run time where the library says so),
 * for bug reports.
 */
#include <getopt.h>
#include <stdio.h>

#include <jansson.h>
#include <microhttpd.h>
#include <sodium.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "util/i18n.h"

static const char version_usage[] = N_(
	"Usage: stellwerk version\n"
	"\n"
	"Prints the version of stellwerk and of the libraries it uses.\n"
	"\n"
	"Examples:\n"
	"  stellwerk version\n"
	"  stellwerk --version\n");

int cmd_version(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (c != 'h')
			return cli_option_error("version", c, argv);
		fputs(_(version_usage), stdout);
		return EXIT_OK;
	}
	if (optind < argc)
		return cli_usage_error("version", _("unexpected argument '%s'"), argv[optind]);
	printf("stellwerk %s\n", STELLWERK_VERSION_STRING);
	printf("%s\n", store_engine_version());
	printf("libmicrohttpd %s\n", MHD_get_version());
	printf("libsodium %s\n", sodium_version_string());
	printf("jansson %s\n", JANSSON_VERSION);
	return EXIT_OK;
}
