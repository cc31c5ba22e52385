/*
 * lint_ad.c — `stellwerk lint-ad`: checks job ads with the ad linter
 * (R-AD-3) from the command line, one or more files or standard input,
 * and prints the findings as compiler-style lines or as JSON (the shape
 * POST /api/v1/lint answers with). The rules are the data files
 * data/adlint/NAME.txt embedded in the binary.
 *
 * Exit status: 0 when no file has an error-level finding, 1 when one has,
 * 2 on a usage or input error (unreadable, empty, binary, not UTF-8, larger
 * than 1 MiB); the other files are still checked.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/adlint.h"
#include "core/adlint_builtin.h"
#include "core/adlint_json.h"
#include "util/buf.h"
#include "util/i18n.h"

#define LINT_MAX_BYTES (1024 * 1024)   /* an ad is a few KiB; refuse what is surely not one */
#define STDIN_NAME "<stdin>"

static const char lint_ad_usage[] = N_(
	"Usage: stellwerk lint-ad [--lang de|en|auto] [--format text|json] [FILE...|-]\n"
	"\n"
	"Checks job ads for clichés, vague tasks, unbacked promises, structure,\n"
	"AGG risks (title without (m/w/d), age, native speaker), a missing salary\n"
	"range, gender-coded wording and readability. Reads standard input when no\n"
	"FILE is given or FILE is '-'. Each finding is printed as\n"
	"  FILE:LINE:COLUMN: SEVERITY RULE: message\n"
	"with the suggestion indented below it, then one summary line per file.\n"
	"Messages follow the language of the environment (LANG).\n"
	"\n"
	"Options:\n"
	"  -l, --lang LANG      language of the ads: de, en or auto (default: auto)\n"
	"  -f, --format FORMAT  text or json (default: text)\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 no error-level finding, 1 error-level findings,\n"
	"2 usage error or a file that cannot be read or is not text.\n"
	"\n"
	"Examples:\n"
	"  stellwerk lint-ad anzeige.txt\n"
	"  stellwerk lint-ad --format json ads/*.txt > findings.json\n"
	"  pbpaste | stellwerk lint-ad --lang de -\n");

/* Reads a whole file ("-" = standard input) into b; false with a message
 * naming the file when it cannot be read or is too large. */
static bool read_input(const char *path, const char *name, struct buf *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char chunk[65536];
	size_t got;
	bool ok = true;

	if (!f) {
		cli_error("lint-ad", _("cannot open %s: %s"), name, strerror(errno));
		return false;
	}
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b->len + got > LINT_MAX_BYTES) {
			cli_error("lint-ad", _("%s is larger than 1 MiB; that is not a job ad"), name);
			ok = false;
			break;
		}
		buf_append(b, chunk, got);
	}
	if (ok && ferror(f)) {
		cli_error("lint-ad", _("cannot read %s: %s"), name, strerror(errno));
		ok = false;
	}
	if (f != stdin)
		fclose(f);
	return ok;
}

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return false;
	return true;
}

static void print_text(const char *name, const struct adlint_result *res)
{
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct adlint_finding *f = &res->findings[i];
		printf("%s:%d:%d: %s %s: %s\n", name, f->line, f->column, adlint_severity_code(f->severity), f->rule,
		       f->message);
		if (f->suggestion[0])
			printf("    %s\n", f->suggestion);
	}
	printf("%s: %s\n", name, res->summary);
}

/* The result as JSON with the file name first: {"file", "lang", "score", …}. */
static json_t *result_json(const char *name, const struct adlint_result *res)
{
	json_t *obj = json_pack("{s:s}", "file", name);
	json_t *body = adlint_result_json(res);
	if (!obj)   /* a file name that is not UTF-8 */
		obj = json_pack("{s:s}", "file", "?");
	json_object_update(obj, body);
	json_decref(body);
	return obj;
}

struct lint_options {
	bool lang_auto;
	enum adlint_lang lang;
	bool json;
};

/* Lints one input; returns its exit status and appends JSON to out. */
static int lint_one(const struct adlint_rules *rules, const struct lint_options *o, const char *path, json_t *out)
{
	const char *name = strcmp(path, "-") == 0 ? STDIN_NAME : path;
	struct buf b = BUF_INIT;
	struct adlint_result res;
	char err[160];
	int status = EXIT_USAGE;

	buf_init(&b);
	if (!read_input(path, name, &b))
		goto cleanup;
	if (b.len > 0 && memchr(b.data, '\0', b.len)) {
		cli_error("lint-ad", _("%s looks like a binary file (it contains NUL bytes), not a job ad"), name);
		goto cleanup;
	}
	if (b.len == 0 || is_blank(b.data, b.len)) {
		cli_error("lint-ad", _("%s is empty"), name);
		goto cleanup;
	}
	enum adlint_lang lang = o->lang_auto ? adlint_detect_lang(b.data, b.len) : o->lang;
	struct adlint_context ctx = { .message_lang = lang_code(i18n_lang()) };
	if (!adlint_check(rules, b.data, b.len, lang, &ctx, &res, err, sizeof err)) {
		cli_error("lint-ad", _("%s is not UTF-8 text: %s"), name, err);
		goto cleanup;
	}
	status = EXIT_OK;
	for (size_t i = 0; i < res.nfindings; i++)
		if (res.findings[i].severity == ADLINT_ERROR)
			status = EXIT_FAIL;
	if (o->json)
		json_array_append_new(out, result_json(name, &res));
	else
		print_text(name, &res);
	adlint_result_free(&res);
cleanup:
	buf_free(&b);
	return status;
}

int cmd_lint_ad(int argc, char **argv)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct lint_options o = { .lang_auto = true };
	static char stdin_arg[] = "-";
	char *stdin_only[] = { stdin_arg };
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:f:h", options, NULL)) != -1) {
		switch (c) {
		case 'l':
			if (strcmp(optarg, "auto") == 0) {
				o.lang_auto = true;
			} else if (strcmp(optarg, "de") == 0 || strcmp(optarg, "en") == 0) {
				o.lang_auto = false;
				o.lang = optarg[0] == 'd' ? ADLINT_DE : ADLINT_EN;
			} else {
				return cli_usage_error("lint-ad", _("unknown language '%s': use de, en or auto"), optarg);
			}
			break;
		case 'f':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
				return cli_usage_error("lint-ad", _("unknown format '%s': use text or json"), optarg);
			o.json = optarg[0] == 'j';
			break;
		case 'h':
			fputs(_(lint_ad_usage), stdout);
			return EXIT_OK;
		default:
			return cli_option_error("lint-ad", c, argv);
		}
	}
	char **paths = argv + optind;
	int npaths = argc - optind;
	if (npaths == 0) {
		if (isatty(STDIN_FILENO))
			return cli_usage_error("lint-ad", "%s", _("no input: give a FILE or pipe the ad into standard input"));
		paths = stdin_only;
		npaths = 1;
	}
	int stdin_uses = 0;
	for (int i = 0; i < npaths; i++)
		stdin_uses += strcmp(paths[i], "-") == 0;
	if (stdin_uses > 1)
		return cli_usage_error("lint-ad", "%s", _("standard input ('-') can be read only once"));

	char err[256];
	const struct adlint_rules *rules = adlint_rules_builtin(err, sizeof err);
	if (!rules) {
		cli_error("lint-ad", _("the built-in linter rules cannot be loaded: %s"), err);
		return EXIT_USAGE;
	}
	json_t *all = json_array();
	int status = EXIT_OK;
	for (int i = 0; i < npaths; i++) {
		int s = lint_one(rules, &o, paths[i], all);
		if (s == EXIT_USAGE || (s == EXIT_FAIL && status == EXIT_OK))
			status = s;
	}
	if (o.json && (json_array_size(all) > 0 || npaths > 1)) {
		json_t *doc = npaths == 1 ? json_array_get(all, 0) : all;
		char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		if (text) {
			puts(text);
			free(text);
		}
	}
	json_decref(all);
	fflush(stdout);
	return status;
}
