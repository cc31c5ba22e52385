/*
 * token.c — `stellwerk token create|list|revoke`: API tokens for the JSON
 * API (R-X-7), sent as "Authorization: Bearer TOKEN".
 *
 * A token is "sw_" plus 32 random bytes in base64url. Only its SHA-256 is
 * stored, with the first 8 characters in clear so people can tell tokens
 * apart; the token itself is shown once, when it is created.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/password_policy.h"
#include "store/tokens.h"
#include "store/users.h"
#include "util/crypto.h"
#include "util/i18n.h"
#include "util/str.h"

#define TOKEN_PREFIX "sw_"
#define TOKEN_SHOWN_CHARS 8

static const char token_usage[] = N_(
	"Usage:\n"
	"  stellwerk token create NAME [--label TEXT] [--data DIR]\n"
	"  stellwerk token list [NAME] [--data DIR]\n"
	"  stellwerk token revoke ID [--data DIR]\n"
	"\n"
	"Manages API tokens. A token acts as the user NAME with that user's role;\n"
	"it is shown only once, when it is created. Send it with each API request\n"
	"as the header 'Authorization: Bearer TOKEN'. 'list' shows the tokens of\n"
	"one user or of all users; 'revoke' ends a token for good.\n"
	"\n"
	"Options:\n"
	"  -l, --label TEXT   what the token is for, e.g. the system using it\n"
	"  -d, --data DIR     data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help         show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk token create weber --label 'career site sync'\n"
	"  stellwerk token list weber\n"
	"  stellwerk token revoke 3\n");

struct token_args {
	const char *data;
	const char *label;
	const char *arg;   /* the positional argument, or NULL */
};

/* Parses one subcommand's options (argv[0] is its name). arg_name names the
 * positional argument (NULL: none); arg_required whether it must be given.
 * Returns -1 to go on, else the exit code. */
static int token_parse_args(int argc, char **argv, bool label_allowed, const char *arg_name, bool arg_required,
			    struct token_args *a)
{
	static const struct option options[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "label", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(a, 0, sizeof *a);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:l:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->data = optarg;
			break;
		case 'l':
			if (!label_allowed)
				return cli_usage_error("token", _("'token %s' does not take the option '%s'"), argv[0],
						       "--label");
			a->label = optarg;
			break;
		case 'h':
			fputs(_(token_usage), stdout);
			return EXIT_OK;
		default:
			return cli_option_error("token", c, argv);
		}
	}
	if (arg_name && optind < argc)
		a->arg = argv[optind++];
	if (optind < argc)
		return cli_usage_error("token", _("unexpected argument '%s'"), argv[optind]);
	if (arg_name && arg_required && !a->arg)
		return cli_usage_error("token", _("'token %s' needs %s"), argv[0], arg_name);
	return -1;
}

/* A label: valid UTF-8 without control characters that fits the field. */
static bool label_valid(const char *s)
{
	size_t len = strlen(s);
	if (len >= sizeof ((struct api_token *)0)->label || !utf8_valid(s, len))
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

static int token_create(int argc, char **argv)
{
	struct token_args a;
	struct store *s = NULL;
	struct user u;
	struct api_token t;
	char token[TOKEN_TEXT_MAX] = "";
	int status = token_parse_args(argc, argv, true, "NAME", true, &a);
	if (status >= 0)
		return status;
	if (a.label && !label_valid(a.label))
		return cli_usage_error("token", "%s",
				       _("the label must be UTF-8 text of at most 63 bytes without control characters"));
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	enum store_rc rc = store_user_by_name(s, a.arg, &u);
	if (rc == STORE_NOT_FOUND) {
		cli_error("token", _("there is no user '%s'. 'stellwerk user list' shows all users."), a.arg);
		goto cleanup;
	}
	if (rc != STORE_OK) {
		cli_error("token", _("cannot read the users (%s)"), store_rc_name(rc));
		goto cleanup;
	}
	if (u.disabled) {
		cli_error("token", _("'%s' is disabled. Enable the user first with 'stellwerk user enable %s'."), u.name,
			  u.name);
		goto cleanup;
	}
	memset(&t, 0, sizeof t);
	crypto_random_token(token, TOKEN_PREFIX);
	crypto_sha256_hex(token, strlen(token), t.hash);
	memcpy(t.prefix, token, TOKEN_SHOWN_CHARS);
	t.prefix[TOKEN_SHOWN_CHARS] = '\0';
	t.user_id = u.id;
	str_copy(t.label, sizeof t.label, a.label ? a.label : "");
	if ((rc = store_token_create(s, &CLI_ACTOR, &t, (int64_t)time(NULL))) != STORE_OK) {
		cli_error("token", _("cannot create the token (%s); nothing was changed"), store_rc_name(rc));
		goto cleanup;
	}
	printf(_("Created API token %lld for %s (%s):\n\n"), (long long)t.id, u.name, role_name(u.role));
	printf("  %s\n\n", token);
	printf(_("It is shown only this once; keep it somewhere safe. Send it with each API request as the header\n"
		 "  Authorization: Bearer %s\n"
		 "Revoke it with 'stellwerk token revoke %lld'.\n"),
	       token, (long long)t.id);
	status = EXIT_OK;
cleanup:
	store_close(s);
	sodium_memzero(token, sizeof token);
	return status;
}

/* Formats a time for the table, or "-" for 0 (never). */
static void format_when(char *out, size_t n, int64_t t)
{
	if (t == 0)
		str_copy(out, n, "-");
	else
		i18n_format_date(out, n, (time_t)t, i18n_lang());
}

static int token_list(int argc, char **argv)
{
	struct token_args a;
	struct store *s = NULL;
	struct api_token *tokens = NULL;
	struct user u;
	size_t n = 0;
	int status = token_parse_args(argc, argv, false, "NAME", false, &a);
	if (status >= 0)
		return status;
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	u.id = 0;
	if (a.arg) {
		enum store_rc rc = store_user_by_name(s, a.arg, &u);
		if (rc != STORE_OK) {
			if (rc == STORE_NOT_FOUND)
				cli_error("token", _("there is no user '%s'. 'stellwerk user list' shows all users."), a.arg);
			else
				cli_error("token", _("cannot read the users (%s)"), store_rc_name(rc));
			goto cleanup;
		}
	}
	enum store_rc rc = store_token_list(s, u.id, &tokens, &n);
	if (rc != STORE_OK) {
		cli_error("token", _("cannot read the tokens (%s)"), store_rc_name(rc));
		goto cleanup;
	}
	if (n == 0) {
		puts(_("No API tokens."));
		status = EXIT_OK;
		goto cleanup;
	}
	const char *heads[] = { _("ID"), _("USER"), _("PREFIX"), _("CREATED"), _("LAST USED"), _("STATUS"), _("LABEL") };
	enum { COLS = sizeof heads / sizeof heads[0] };
	int width[COLS];
	char cells[COLS][80];
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
			const struct api_token *t = &tokens[i];
			char revoked[48];
			snprintf(cells[0], sizeof cells[0], "%lld", (long long)t->id);
			str_copy(cells[1], sizeof cells[1], t->user_name);
			snprintf(cells[2], sizeof cells[2], "%s…", t->prefix);
			format_when(cells[3], sizeof cells[3], t->created_at);
			format_when(cells[4], sizeof cells[4], t->last_used_at);
			if (t->revoked_at) {
				format_when(revoked, sizeof revoked, t->revoked_at);
				snprintf(cells[5], sizeof cells[5], _("revoked %s"), revoked);
			} else {
				str_copy(cells[5], sizeof cells[5], _("active"));
			}
			str_copy(cells[6], sizeof cells[6], t->label);
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
	free(tokens);
	store_close(s);
	return status;
}

static int token_revoke(int argc, char **argv)
{
	struct token_args a;
	struct store *s = NULL;
	struct api_token t;
	long long id;
	int status = token_parse_args(argc, argv, false, "ID", true, &a);
	if (status >= 0)
		return status;
	if (!str_to_int64(a.arg, 1, INT64_MAX, &id))
		return cli_usage_error("token", _("'%s' is not a token ID; 'stellwerk token list' shows the IDs"), a.arg);
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	enum store_rc rc = store_token_by_id(s, (int64_t)id, &t);
	if (rc == STORE_NOT_FOUND) {
		cli_error("token", _("there is no token with ID %lld; 'stellwerk token list' shows the IDs"), id);
		goto cleanup;
	}
	if (rc == STORE_OK && t.revoked_at) {
		printf(_("Token %lld (%s…) of %s was already revoked.\n"), id, t.prefix, t.user_name);
		status = EXIT_OK;
		goto cleanup;
	}
	if (rc == STORE_OK)
		rc = store_token_revoke(s, &CLI_ACTOR, (int64_t)id, (int64_t)time(NULL));
	if (rc != STORE_OK) {
		cli_error("token", _("cannot revoke token %lld (%s); nothing was changed"), id, store_rc_name(rc));
		goto cleanup;
	}
	printf(_("Revoked token %lld (%s…) of %s.\n"), id, t.prefix, t.user_name);
	status = EXIT_OK;
cleanup:
	store_close(s);
	return status;
}

int cmd_token(int argc, char **argv)
{
	static const struct cli_subcommand subcommands[] = {
		{ "create", token_create },
		{ "list", token_list },
		{ "revoke", token_revoke },
	};
	return cli_run_subcommand("token", _(token_usage), subcommands, sizeof subcommands / sizeof subcommands[0], argc,
				  argv);
}
