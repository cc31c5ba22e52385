/*
 * holidays.c — `stellwerk holidays`: the statutory public holidays of a
 * Bundesland in a year (core/holidays.h), as text lines or JSON, e.g. to
 * check the working days a hiring plan skips.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/calendar.h"
#include "core/holidays.h"
#include "util/i18n.h"

static const char holidays_usage[] = N_(
	"Usage: stellwerk holidays --year YYYY [--state XX] [--format text|json]\n"
	"\n"
	"Prints the statutory public holidays of a German state (Bundesland) in a\n"
	"year, one per line as \"YYYY-MM-DD  Name\" with the German name, sorted by\n"
	"date. Without --state only the holidays of all states are printed.\n"
	"Holidays of single municipalities (Augsburger Friedensfest, Mariä\n"
	"Himmelfahrt in Bavaria, Fronleichnam in Saxony and Thuringia) are not listed.\n"
	"\n"
	"Options:\n"
	"  -y, --year YYYY      the year, 1995 to 2100\n"
	"  -s, --state XX       BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN,\n"
	"                       ST, SH or TH (also DE-BY style)\n"
	"  -f, --format FORMAT  text or json (default: text); JSON is an array of\n"
	"                       {\"date\", \"name\", \"name_en\", \"key\"}\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 ok, 1 output failed, 2 usage error (bad year or state).\n"
	"\n"
	"Examples:\n"
	"  stellwerk holidays --year 2025 --state BY\n"
	"  stellwerk holidays --year 2026 --state BE --format json\n");

/* Strict year: digits only, 1995..2100; else -1. */
static int parse_year(const char *s)
{
	if (!s || !*s || strlen(s) > 4)
		return -1;
	int y = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		y = y * 10 + (*p - '0');
	}
	return (y < HOLIDAYS_FIRST_YEAR || y > HOLIDAYS_LAST_YEAR) ? -1 : y;
}

static int print_json(const struct holiday *h, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		char iso[CALENDAR_ISO_LEN];
		calendar_format_iso(h[i].day, iso);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}", "date", iso, "name", h[i].name_de,
						     "name_en", h[i].name_en, "key", h[i].key));
	}
	char *text = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(arr);
	if (!text)
		return EXIT_FAIL;
	puts(text);
	free(text);
	return EXIT_OK;
}

int cmd_holidays(int argc, char **argv)
{
	static const struct option options[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "state", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *year_arg = NULL, *state = NULL;
	bool json = false;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":y:s:f:h", options, NULL)) != -1) {
		switch (c) {
		case 'y':
			year_arg = optarg;
			break;
		case 's':
			state = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
				return cli_usage_error("holidays", _("unknown format '%s': use text or json"), optarg);
			json = optarg[0] == 'j';
			break;
		case 'h':
			fputs(_(holidays_usage), stdout);
			return EXIT_OK;
		default:
			return cli_option_error("holidays", c, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error("holidays", _("unexpected argument '%s'"), argv[optind]);
	if (!year_arg)
		return cli_usage_error("holidays", "%s", _("--year is required"));
	int year = parse_year(year_arg);
	if (year < 0)
		return cli_usage_error("holidays", _("invalid year '%s': give a year from 1995 to 2100"), year_arg);
	if (state && !holiday_state_valid(state))
		return cli_usage_error("holidays",
				       _("unknown state '%s': use BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH or TH"),
				       state);

	struct holiday list[HOLIDAYS_MAX];
	size_t n = holidays_list(year, state, list, HOLIDAYS_MAX);
	if (n > HOLIDAYS_MAX)
		n = HOLIDAYS_MAX;
	int status = EXIT_OK;
	if (json) {
		status = print_json(list, n);
	} else {
		for (size_t i = 0; i < n; i++) {
			char iso[CALENDAR_ISO_LEN];
			printf("%s  %s\n", calendar_format_iso(list[i].day, iso), list[i].name_de);
		}
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("holidays", "%s", _("cannot write the output"));
		return EXIT_FAIL;
	}
	return status;
}
