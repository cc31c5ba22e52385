/*
 * position.c — `stellwerk position list|export`: the positions from the
 * command line. 'list' prints the table the positions page shows (status,
 * owner, requirement counts, days open); 'export' writes one position with
 * its draft requirements profile and every approved version (R-PROF-7) as
 * JSON, in the shape the API answers with, for archiving or other tools.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/position.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/i18n.h"
#include "util/str.h"
#include "web/position_form.h"
#include "web/profile_input.h"

static const char position_usage[] = N_(
	"Usage:\n"
	"  stellwerk position list [--status STATUS] [--data DIR]\n"
	"  stellwerk position export ID [--data DIR]\n"
	"\n"
	"'list' shows the positions with their status, organisation, owner, the\n"
	"number of requirements (must-haves in brackets) and the days since the\n"
	"position was opened. STATUS is one of draft, open, paused, filled, closed.\n"
	"'export' writes position ID as JSON to standard output: its fields, the\n"
	"draft requirements profile and every approved profile version.\n"
	"\n"
	"Options:\n"
	"  -s, --status STATUS  list only positions with this status\n"
	"  -d, --data DIR       data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help           show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk position list --status open\n"
	"  stellwerk position export 3 > kam-hamburg.json\n");

struct position_args {
	const char *data;
	const char *status;
	const char *arg;   /* the positional argument, or NULL */
};

/* Parses one subcommand's options (argv[0] is its name). Returns -1 to go
 * on, else the exit code. */
static int position_parse_args(int argc, char **argv, bool status_allowed, const char *arg_name,
			       struct position_args *a)
{
	static const struct option options[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "status", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(a, 0, sizeof *a);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:s:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->data = optarg;
			break;
		case 's':
			if (!status_allowed)
				return cli_usage_error("position", _("'position %s' does not take the option '%s'"),
						       argv[0], "--status");
			a->status = optarg;
			break;
		case 'h':
			fputs(_(position_usage), stdout);
			return EXIT_OK;
		default:
			return cli_option_error("position", c, argv);
		}
	}
	if (arg_name && optind < argc)
		a->arg = argv[optind++];
	if (optind < argc)
		return cli_usage_error("position", _("unexpected argument '%s'"), argv[optind]);
	if (arg_name && !a->arg)
		return cli_usage_error("position", _("'position %s' needs %s"), argv[0], arg_name);
	return -1;
}

static int position_list(int argc, char **argv)
{
	struct position_args a;
	struct store *s = NULL;
	struct position_summary *rows = NULL;
	size_t n = 0;
	int status_filter = -1;
	int status = position_parse_args(argc, argv, true, NULL, &a);
	if (status >= 0)
		return status;
	if (a.status) {
		enum position_status st;
		if (!position_status_parse(a.status, &st))
			return cli_usage_error("position",
					       _("unknown status '%s': use draft, open, paused, filled or closed"),
					       a.status);
		status_filter = (int)st;
	}
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	enum store_rc rc = store_position_list(s, status_filter, 0, &rows, &n);
	if (rc != STORE_OK) {
		cli_error("position", _("cannot read the positions (%s)"), store_rc_name(rc));
		goto cleanup;
	}
	if (n == 0) {
		puts(_("No positions."));
		status = EXIT_OK;
		goto cleanup;
	}
	const char *heads[] = { _("ID"), _("TITLE"), _("STATUS"), _("ORGANISATION"), _("OWNER"), _("REQUIREMENTS"),
				_("DAYS OPEN") };
	enum { COLS = sizeof heads / sizeof heads[0] };
	int width[COLS];
	char cells[COLS][200];
	int64_t now = (int64_t)time(NULL);
	for (int col = 0; col < COLS; col++)
		width[col] = cli_text_width(heads[col]);
	/* two passes: measure, then print */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			for (int col = 0; col < COLS - 1; col++)
				cli_print_cell(stdout, heads[col], width[col] + 2);
			printf("%s\n", heads[COLS - 1]);
		}
		for (size_t i = 0; i < n; i++) {
			const struct position_summary *ps = &rows[i];
			snprintf(cells[0], sizeof cells[0], "%lld", (long long)ps->p.id);
			str_copy(cells[1], sizeof cells[1], ps->p.title);
			str_copy(cells[2], sizeof cells[2], _(position_status_label(ps->p.status)));
			str_copy(cells[3], sizeof cells[3], ps->organisation_name[0] ? ps->organisation_name : "-");
			str_copy(cells[4], sizeof cells[4], ps->owner_name[0] ? ps->owner_name : "-");
			snprintf(cells[5], sizeof cells[5], _("%d (%d must-have)"), ps->requirement_count, ps->must_count);
			if (ps->p.opened_at)
				snprintf(cells[6], sizeof cells[6], "%lld", (long long)days_between(ps->p.opened_at, now));
			else
				str_copy(cells[6], sizeof cells[6], "-");
			for (int col = 0; col < COLS; col++) {
				if (pass == 0 && cli_text_width(cells[col]) > width[col])
					width[col] = cli_text_width(cells[col]);
				if (pass == 1 && col < COLS - 1)
					cli_print_cell(stdout, cells[col], width[col] + 2);
			}
			if (pass == 1)
				printf("%s\n", cells[COLS - 1]);
		}
	}
	status = EXIT_OK;
cleanup:
	free(rows);
	store_close(s);
	return status;
}

/* {"version", "approved_at", "approved_by", "approver_name", "profile"} of
 * every approved version of position_id, oldest first; NULL on failure. */
static json_t *versions_json(struct store *s, int64_t position_id, enum store_rc *rc)
{
	struct profile_version_info *v = NULL;
	size_t n = 0;
	if ((*rc = store_profile_versions(s, position_id, &v, &n)) != STORE_OK)
		return NULL;
	json_t *arr = json_array();
	for (size_t i = n; i-- > 0;) {
		struct profile prof;
		if ((*rc = store_profile_version_load(s, position_id, v[i].version, &prof, NULL, NULL)) != STORE_OK) {
			json_decref(arr);
			arr = NULL;
			break;
		}
		json_t *o = json_pack("{s:i, s:I, s:I}", "version", v[i].version, "approved_at",
				      (json_int_t)v[i].approved_at, "approved_by", (json_int_t)v[i].approved_by);
		json_t *name = json_string(v[i].approver_name);
		json_object_set_new(o, "approver_name", name ? name : json_null());
		json_object_set_new(o, "profile", profile_to_json(&prof));
		json_array_append_new(arr, o);
		profile_free(&prof);
	}
	free(v);
	return arr;
}

static int position_export(int argc, char **argv)
{
	struct position_args a;
	struct store *s = NULL;
	struct position *p = calloc(1, sizeof *p);
	struct organisation org;
	struct profile draft = { 0 };
	json_t *doc = NULL, *pos = NULL, *versions = NULL;
	char *text = NULL;
	long long id;
	int status = position_parse_args(argc, argv, false, "ID", &a);
	if (status >= 0)
		goto cleanup;
	status = EXIT_USAGE;
	if (!str_to_int64(a.arg, 1, INT64_MAX, &id)) {
		cli_usage_error("position", _("'%s' is not a position ID; 'stellwerk position list' shows the IDs"), a.arg);
		goto cleanup;
	}
	status = EXIT_FAIL;
	if (!p || !(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	enum store_rc rc = store_position_get(s, (int64_t)id, p);
	if (rc == STORE_NOT_FOUND) {
		cli_error("position", _("there is no position with ID %lld; 'stellwerk position list' shows the IDs"), id);
		goto cleanup;
	}
	if (rc == STORE_OK)
		rc = store_profile_load(s, p->id, &draft);
	if (rc == STORE_OK)
		versions = versions_json(s, p->id, &rc);
	if (rc != STORE_OK) {
		cli_error("position", _("cannot read position %lld (%s)"), id, store_rc_name(rc));
		goto cleanup;
	}
	if (!(pos = position_to_json(p))) {
		cli_error("position", _("position %lld holds text that is not UTF-8 and cannot be exported"), id);
		goto cleanup;
	}
	if (store_organisation_get(s, p->organisation_id, &org) == STORE_OK)
		json_object_set_new(pos, "organisation", organisation_to_json(&org));
	doc = json_pack("{s:O, s:o, s:O}", "position", pos, "profile", profile_to_json(&draft), "versions", versions);
	text = doc ? json_dumps(doc, JSON_INDENT(2)) : NULL;
	if (!text) {
		cli_error("position", _("cannot write position %lld as JSON"), id);
		goto cleanup;
	}
	printf("%s\n", text);
	status = EXIT_OK;
cleanup:
	free(text);
	json_decref(doc);
	json_decref(pos);
	json_decref(versions);
	profile_free(&draft);
	free(p);
	store_close(s);
	return status;
}

int cmd_position(int argc, char **argv)
{
	static const struct cli_subcommand subcommands[] = {
		{ "list", position_list },
		{ "export", position_export },
	};
	return cli_run_subcommand("position", _(position_usage), subcommands, sizeof subcommands / sizeof subcommands[0], argc,
				  argv);
}
