/*
 * user.c — `stellwerk user add|list|passwd|disable|enable`: account
 * administration from the command line (R-X-2).
 *
 * Changes are attributed to the "cli" actor in the audit log. Setting a
 * password and disabling an account end that user's sessions in the same
 * transaction. The last active admin cannot be disabled.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/password_policy.h"
#include "store/sessions.h"
#include "store/users.h"
#include "util/crypto.h"
#include "util/embedded.h"
#include "util/i18n.h"
#include "util/str.h"

static const char user_usage[] = N_(
	"Usage:\n"
	"  stellwerk user add NAME --role ROLE [--display-name TEXT] [--password-stdin] [--data DIR]\n"
	"  stellwerk user list [--data DIR]\n"
	"  stellwerk user passwd NAME [--password-stdin] [--data DIR]\n"
	"  stellwerk user disable NAME [--data DIR]\n"
	"  stellwerk user enable NAME [--data DIR]\n"
	"\n"
	"Manages user accounts. NAME is the login name: 2 to 63 characters from\n"
	"a-z, 0-9, '.', '_' and '-'. ROLE is one of admin, recruiter, hiring_manager,\n"
	"interviewer. Without --password-stdin, 'add' generates a password and prints\n"
	"it once, and 'passwd' asks for the new password twice on the terminal.\n"
	"Setting a password or disabling a user ends that user's sessions.\n"
	"\n"
	"Options:\n"
	"  -r, --role ROLE          role of a new user\n"
	"  -n, --display-name TEXT  name shown in the interface (default: NAME)\n"
	"  -p, --password-stdin     read the password as one line from standard input\n"
	"  -d, --data DIR           data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk user add j.weber --role recruiter --display-name 'Jonas Weber'\n"
	"  stellwerk user passwd j.weber --password-stdin < new-password.txt\n"
	"  stellwerk user list --data /var/lib/stellwerk\n"
	"  stellwerk user disable j.weber\n");

enum {
	OPT_ROLE = 1 << 0,
	OPT_DISPLAY_NAME = 1 << 1,
	OPT_PASSWORD_STDIN = 1 << 2,
};

struct user_args {
	const char *data;
	const char *role;
	const char *display_name;
	bool password_stdin;
	char name[USER_NAME_MAX];  /* the NAME argument, lowercased; "" when not taken */
};

/*
 * Parses the options of one subcommand (argv[0] is its name); `allowed` says
 * which options beyond --data and --help it takes, want_name whether it takes
 * NAME. Returns -1 to go on, else the exit code (help printed or usage error).
 */
static int user_parse_args(int argc, char **argv, unsigned allowed, bool want_name, struct user_args *a)
{
	static const struct option options[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "role", required_argument, NULL, 'r' },
		{ "display-name", required_argument, NULL, 'n' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, long_index;
	memset(a, 0, sizeof *a);
	opterr = 0;
	for (;;) {
		long_index = -1;
		if ((c = getopt_long(argc, argv, ":d:r:n:ph", options, &long_index)) == -1)
			break;
		switch (c) {
		case 'd':
			a->data = optarg;
			continue;
		case 'h':
			fputs(_(user_usage), stdout);
			return EXIT_OK;
		case 'r':
			if (allowed & OPT_ROLE) {
				a->role = optarg;
				continue;
			}
			break;
		case 'n':
			if (allowed & OPT_DISPLAY_NAME) {
				a->display_name = optarg;
				continue;
			}
			break;
		case 'p':
			if (allowed & OPT_PASSWORD_STDIN) {
				a->password_stdin = true;
				continue;
			}
			break;
		default:
			return cli_option_error("user", c, argv);
		}
		/* an option this subcommand does not take; name it as it was given */
		char given[32];
		if (long_index >= 0)
			snprintf(given, sizeof given, "--%s", options[long_index].name);
		else
			snprintf(given, sizeof given, "-%c", c);
		return cli_usage_error("user", _("'user %s' does not take the option '%s'"), argv[0], given);
	}
	if (!want_name) {
		if (optind < argc)
			return cli_usage_error("user", _("unexpected argument '%s'"), argv[optind]);
		return -1;
	}
	if (optind >= argc)
		return cli_usage_error("user", _("'user %s' needs the user NAME"), argv[0]);
	if (optind + 1 < argc)
		return cli_usage_error("user", _("unexpected argument '%s'"), argv[optind + 1]);
	const char *name = argv[optind];
	size_t len = strlen(name);
	bool valid = len >= 2 && len < USER_NAME_MAX;
	for (size_t i = 0; valid && i < len; i++) {
		char ch = (char)tolower((unsigned char)name[i]);
		valid = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
		a->name[i] = ch;
	}
	if (!valid)
		return cli_usage_error("user",
				       _("'%s' is not a valid user name: use 2 to 63 characters from a-z, 0-9, '.', '_' "
					 "and '-', e.g. 'j.weber'"),
				       name);
	return -1;
}

/* A display name: valid UTF-8, no control characters, fits the field. */
static bool display_name_valid(const char *s)
{
	size_t len = strlen(s);
	if (len >= USER_DISPLAY_MAX || !utf8_valid(s, len))
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

/* Checks a chosen password against the policy; prints the problem. */
static bool password_acceptable(const char *password, const char *user_name)
{
	const struct embedded_file *list = embedded_find("data/common-passwords.txt");
	enum password_problem p = password_policy_check(password, user_name, list ? (const char *)list->data : NULL,
							list ? list->len : 0);
	if (p == PASSWORD_OK)
		return true;
	cli_error("user", "%s %s", _(password_problem_message(p)), _("Nothing was changed."));
	return false;
}

/* Frees a password after wiping it. */
static void password_free(char *password)
{
	if (password) {
		sodium_memzero(password, strlen(password));
		free(password);
	}
}

/* Looks up a user by name, printing a helpful error when there is none. */
static bool user_find(struct store *s, const char *name, struct user *out)
{
	enum store_rc rc = store_user_by_name(s, name, out);
	if (rc == STORE_OK)
		return true;
	if (rc == STORE_NOT_FOUND)
		cli_error("user", _("there is no user '%s'. 'stellwerk user list' shows all users."), name);
	else
		cli_error("user", _("cannot read the users (%s)"), store_rc_name(rc));
	return false;
}

static int user_add(int argc, char **argv)
{
	struct user_args a;
	struct store *s = NULL;
	struct user u;
	char generated[CLI_PASSWORD_LENGTH + 1] = "";
	char *password = NULL;
	enum role role;
	int status = user_parse_args(argc, argv, OPT_ROLE | OPT_DISPLAY_NAME | OPT_PASSWORD_STDIN, true, &a);
	if (status >= 0)
		return status;
	if (!a.role)
		return cli_usage_error("user", "%s",
				       _("'user add' needs --role: admin, recruiter, hiring_manager or interviewer"));
	if (!role_parse(a.role, &role))
		return cli_usage_error("user",
				       _("unknown role '%s'; use admin, recruiter, hiring_manager or interviewer"),
				       a.role);
	if (a.display_name && !display_name_valid(a.display_name))
		return cli_usage_error("user",
				       _("the display name must be valid UTF-8 text of at most %d bytes without control "
					 "characters"),
				       USER_DISPLAY_MAX - 1);

	status = EXIT_FAIL;
	memset(&u, 0, sizeof u);
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	if (store_user_by_name(s, a.name, &u) == STORE_OK) {
		cli_error("user",
			  _("a user named '%s' already exists. Choose another name, or set a new password with "
			    "'stellwerk user passwd %s'."),
			  a.name, a.name);
		goto cleanup;
	}
	if (a.password_stdin) {
		if (!(password = cli_read_password("user", true)) || !password_acceptable(password, a.name))
			goto cleanup;
	} else {
		crypto_random_password(generated, CLI_PASSWORD_LENGTH);
	}
	memset(&u, 0, sizeof u);
	str_copy(u.name, sizeof u.name, a.name);
	str_copy(u.display_name, sizeof u.display_name, a.display_name ? a.display_name : a.name);
	u.role = role;
	if (!crypto_password_hash(password ? password : generated, u.password_hash)) {
		cli_error("user", "%s", _("cannot hash the password (out of memory)"));
		goto cleanup;
	}
	enum store_rc rc = store_user_create(s, &CLI_ACTOR, &u, (int64_t)time(NULL));
	if (rc == STORE_CONFLICT) {
		cli_error("user", _("a user named '%s' already exists. Choose another name."), a.name);
		goto cleanup;
	}
	if (rc != STORE_OK) {
		cli_error("user", _("cannot create the user '%s' (%s); nothing was changed"), a.name, store_rc_name(rc));
		goto cleanup;
	}
	printf(_("Created user %s (%s).\n"), u.name, role_name(u.role));
	if (!password) {
		printf("Login: %s\nPassword: %s\n", u.name, generated);
		fputs(_("The password is shown only this once.\n"), stdout);
	}
	status = EXIT_OK;
cleanup:
	store_close(s);
	password_free(password);
	sodium_memzero(generated, sizeof generated);
	sodium_memzero(u.password_hash, sizeof u.password_hash);
	return status;
}

static int user_list(int argc, char **argv)
{
	struct user_args a;
	struct store *s = NULL;
	struct user *users = NULL;
	size_t n = 0;
	int status = user_parse_args(argc, argv, 0, false, &a);
	if (status >= 0)
		return status;
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	enum store_rc rc = store_user_list(s, &users, &n);
	if (rc != STORE_OK) {
		cli_error("user", _("cannot read the users (%s)"), store_rc_name(rc));
		goto cleanup;
	}
	const char *head_name = _("NAME"), *head_display = _("DISPLAY NAME"), *head_role = _("ROLE");
	const char *head_status = _("STATUS"), *head_created = _("CREATED");
	const char *active = _("active"), *disabled = _("disabled");
	int w_name = cli_text_width(head_name), w_display = cli_text_width(head_display);
	int w_role = cli_text_width(head_role), w_status = cli_text_width(head_status);
	if (cli_text_width(active) > w_status)
		w_status = cli_text_width(active);
	if (cli_text_width(disabled) > w_status)
		w_status = cli_text_width(disabled);
	for (size_t i = 0; i < n; i++) {
		if (cli_text_width(users[i].name) > w_name)
			w_name = cli_text_width(users[i].name);
		if (cli_text_width(users[i].display_name) > w_display)
			w_display = cli_text_width(users[i].display_name);
		if (cli_text_width(role_name(users[i].role)) > w_role)
			w_role = cli_text_width(role_name(users[i].role));
	}
	cli_print_cell(stdout, head_name, w_name + 2);
	cli_print_cell(stdout, head_display, w_display + 2);
	cli_print_cell(stdout, head_role, w_role + 2);
	cli_print_cell(stdout, head_status, w_status + 2);
	printf("%s\n", head_created);
	for (size_t i = 0; i < n; i++) {
		char date[32];
		i18n_format_date(date, sizeof date, (time_t)users[i].created_at, i18n_lang());
		cli_print_cell(stdout, users[i].name, w_name + 2);
		cli_print_cell(stdout, users[i].display_name, w_display + 2);
		cli_print_cell(stdout, role_name(users[i].role), w_role + 2);
		cli_print_cell(stdout, users[i].disabled ? disabled : active, w_status + 2);
		printf("%s\n", date);
	}
	status = EXIT_OK;
cleanup:
	if (users) {
		for (size_t i = 0; i < n; i++)
			sodium_memzero(users[i].password_hash, sizeof users[i].password_hash);
		free(users);
	}
	store_close(s);
	return status;
}

static int user_passwd(int argc, char **argv)
{
	struct user_args a;
	struct store *s = NULL;
	struct user u;
	char hash[PASSWORD_HASH_MAX] = "";
	char *password = NULL;
	int status = user_parse_args(argc, argv, OPT_PASSWORD_STDIN, true, &a);
	if (status >= 0)
		return status;
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))) || !user_find(s, a.name, &u))
		goto cleanup;
	if (!(password = cli_read_password("user", a.password_stdin)) || !password_acceptable(password, u.name))
		goto cleanup;
	if (!crypto_password_hash(password, hash)) {
		cli_error("user", "%s", _("cannot hash the password (out of memory)"));
		goto cleanup;
	}
	enum store_rc rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_user_set_password(s, &CLI_ACTOR, u.id, hash, (int64_t)time(NULL));
	if (rc == STORE_OK)
		rc = store_session_delete_for_user(s, u.id);
	if (rc == STORE_OK)
		rc = store_commit(s);
	else
		store_rollback(s);
	if (rc != STORE_OK) {
		cli_error("user", _("cannot set the password of '%s' (%s); nothing was changed"), u.name,
			  store_rc_name(rc));
		goto cleanup;
	}
	printf(_("Password of %s changed; their sessions were ended.\n"), u.name);
	status = EXIT_OK;
cleanup:
	store_close(s);
	password_free(password);
	sodium_memzero(hash, sizeof hash);
	return status;
}

/* disable and enable: one transaction holding the last-admin check, the
 * change and (when disabling) the end of the user's sessions. */
static int user_set_disabled(int argc, char **argv, bool disable)
{
	struct user_args a;
	struct store *s = NULL;
	struct user u;
	int64_t admins = 0;
	int status = user_parse_args(argc, argv, 0, true, &a);
	if (status >= 0)
		return status;
	status = EXIT_FAIL;
	if (!(s = cli_open_store(cli_data_dir(a.data))))
		goto cleanup;
	enum store_rc rc = store_begin(s);
	if (rc != STORE_OK) {
		cli_error("user", _("cannot change the users (%s)"), store_rc_name(rc));
		goto cleanup;
	}
	if (!user_find(s, a.name, &u))
		goto cleanup;
	if (u.disabled == disable) {
		printf(disable ? _("%s is already disabled.\n") : _("%s is already enabled.\n"), u.name);
		status = EXIT_OK;
		goto cleanup;
	}
	if (disable && u.role == ROLE_ADMIN) {
		if ((rc = store_user_count_active_admins(s, &admins)) != STORE_OK)
			goto failed;
		if (admins <= 1) {
			cli_error("user",
				  _("'%s' is the last active admin; disabling it would leave nobody to administer "
				    "stellwerk. Make another user admin first, e.g. 'stellwerk user add NAME --role admin'."),
				  u.name);
			goto cleanup;
		}
	}
	if ((rc = store_user_set_disabled(s, &CLI_ACTOR, u.id, disable, (int64_t)time(NULL))) != STORE_OK)
		goto failed;
	if (disable && (rc = store_session_delete_for_user(s, u.id)) != STORE_OK)
		goto failed;
	if ((rc = store_commit(s)) != STORE_OK)
		goto failed;
	printf(disable ? _("Disabled %s; their sessions were ended.\n") : _("Enabled %s.\n"), u.name);
	status = EXIT_OK;
	goto cleanup;
failed:
	cli_error("user", _("cannot change '%s' (%s); nothing was changed"), u.name, store_rc_name(rc));
cleanup:
	if (s)
		store_rollback(s);
	store_close(s);
	return status;
}

static int user_disable(int argc, char **argv)
{
	return user_set_disabled(argc, argv, true);
}

static int user_enable(int argc, char **argv)
{
	return user_set_disabled(argc, argv, false);
}

int cmd_user(int argc, char **argv)
{
	static const struct cli_subcommand subcommands[] = {
		{ "add", user_add },
		{ "list", user_list },
		{ "passwd", user_passwd },
		{ "disable", user_disable },
		{ "enable", user_enable },
	};
	return cli_run_subcommand("user", _(user_usage), subcommands, sizeof subcommands / sizeof subcommands[0], argc,
				  argv);
}
