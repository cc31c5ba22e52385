/*
 * common.c — what the command handlers share: where the data lives, opening
 * the store with helpful errors, error and usage messages, reading passwords
 * from the terminal or stdin, and fresh data directories for init and demo.
 * See cli.h and common.h.
 */
#include "cli/cli.h"
#include "cli/common.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "core/password_policy.h"
#include "util/i18n.h"
#include "util/str.h"
#include "util/xalloc.h"

const struct actor CLI_ACTOR = { 0, "cli", NULL };

const char *cli_data_dir(const char *flag_value)
{
	if (!str_empty(flag_value))
		return flag_value;
	const char *env = getenv("STELLWERK_DATA");
	return str_empty(env) ? DEFAULT_DATA_DIR : env;
}

const char *cli_listen(const char *flag_value)
{
	if (!str_empty(flag_value))
		return flag_value;
	const char *env = getenv("STELLWERK_LISTEN");
	return str_empty(env) ? DEFAULT_LISTEN : env;
}

/* Prints "stellwerk CMD: " (or "stellwerk: " without cmd), the message and a newline. */
static void cli_verror(const char *cmd, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void cli_verror(const char *cmd, const char *fmt, va_list ap)
{
	if (cmd)
		fprintf(stderr, "stellwerk %s: ", cmd);
	else
		fputs("stellwerk: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_verror(cmd, fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cli_verror(cmd, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try 'stellwerk %s --help'.\n"), cmd);
	return EXIT_USAGE;
}

int cli_option_error(const char *cmd, int c, char **argv)
{
	const char *opt = argv[optind - 1];
	if (c == ':')
		return cli_usage_error(cmd, _("option '%s' needs a value"), opt);
	if (optopt)
		return cli_usage_error(cmd, _("unknown option '-%c'"), optopt);
	return cli_usage_error(cmd, _("unknown option '%s'"), opt);
}

/* Opens data_dir's store, migrated or not, printing the fix on failure. */
static struct store *open_store(const char *cmd, const char *data_dir, bool migrate)
{
	struct store *s = NULL;
	char err[512];
	enum store_rc rc = store_open(data_dir, false, &s, err, sizeof err);
	if (rc == STORE_NOT_FOUND || (rc != STORE_OK && access(data_dir, F_OK) != 0)) {
		cli_error(cmd,
			  _("no stellwerk database in %s. Create one with 'stellwerk init --data %s' or "
			    "'stellwerk demo --data %s'."),
			  data_dir, data_dir, data_dir);
		return NULL;
	}
	if (rc != STORE_OK) {
		cli_error(cmd, "%s", err);
		return NULL;
	}
	int version = store_schema_version(s);
	if (version > store_schema_latest()) {
		cli_error(cmd,
			  _("the database in %s has schema version %d, newer than this stellwerk knows (%d). "
			    "Use the newer stellwerk binary that wrote it."),
			  data_dir, version, store_schema_latest());
		store_close(s);
		return NULL;
	}
	if (migrate && store_migrate(s, NULL, NULL) != STORE_OK) {
		cli_error(cmd, _("cannot bring the database in %s up to date (see the messages above); it was left unchanged."),
			  data_dir);
		store_close(s);
		return NULL;
	}
	return s;
}

struct store *cli_open_store(const char *data_dir)
{
	return open_store(NULL, data_dir, true);
}

struct store *cli_open_store_unmigrated(const char *cmd, const char *data_dir)
{
	return open_store(cmd, data_dir, false);
}

/* Reads one line (without its line ending) of at most PASSWORD_MAX_BYTES
 * bytes; NULL with an error printed when it is missing, too long or holds a
 * NUL byte. The result is malloc'd; the caller frees it. */
static char *read_password_line(const char *cmd, FILE *in)
{
	size_t cap = PASSWORD_MAX_BYTES + 2, len = 0;
	char *line = xmalloc(cap);
	int c;
	bool nul = false, any = false;
	while ((c = getc(in)) != EOF && c != '\n') {
		any = true;
		if (c == '\0')
			nul = true;
		if (len < cap - 1)
			line[len++] = (char)c;
	}
	line[len] = '\0';
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	const char *problem = NULL;
	if (!any && c == EOF)
		problem = _("no password given: expected one line on standard input");
	else if (nul)
		problem = _("the password contains a NUL byte");
	else if (len > PASSWORD_MAX_BYTES)
		problem = _("the password is longer than 1024 bytes");
	if (problem) {
		cli_error(cmd, "%s", problem);
		sodium_memzero(line, cap);
		free(line);
		return NULL;
	}
	return line;
}

/* Prompts on stderr and reads a line from the terminal on stdin without echo. */
static char *prompt_password(const char *cmd, const char *prompt)
{
	struct termios saved, quiet;
	bool restore = false;
	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &saved) == 0) {
		quiet = saved;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		restore = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
	}
	char *line = read_password_line(cmd, stdin);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
	return line;
}

char *cli_read_password(const char *cmd, bool from_stdin)
{
	if (from_stdin || !isatty(STDIN_FILENO))
		return read_password_line(cmd, stdin);
	char *first = prompt_password(cmd, _("New password: "));
	if (!first)
		return NULL;
	char *second = prompt_password(cmd, _("Repeat the new password: "));
	if (second && strcmp(first, second) == 0) {
		sodium_memzero(second, strlen(second));
		free(second);
		return first;
	}
	if (second)
		cli_error(cmd, "%s", _("the two passwords differ; nothing was changed"));
	sodium_memzero(first, strlen(first));
	free(first);
	if (second) {
		sodium_memzero(second, strlen(second));
		free(second);
	}
	return NULL;
}

/* True when dir holds nothing but "." and "..". */
static bool dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return false;
	struct dirent *e;
	bool empty = true;
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	return empty;
}

/* Creates dir (0700) or accepts an existing empty directory. */
static bool data_dir_create(const char *cmd, const char *dir, bool *created)
{
	struct stat sb;
	*created = false;
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode)) {
			cli_error(cmd, _("%s exists and is not a directory. Choose a new directory with --data DIR."), dir);
			return false;
		}
		if (!dir_is_empty(dir)) {
			cli_error(cmd,
				  _("%s already exists and is not empty; stellwerk %s refuses to touch an existing data "
				    "directory. Choose a new directory with --data DIR, or use 'stellwerk serve --data %s' "
				    "if it already holds stellwerk data."),
				  dir, cmd, dir);
			return false;
		}
		return true;
	}
	if (mkdir(dir, 0700) != 0) {
		cli_error(cmd, _("cannot create the directory %s: %s"), dir, strerror(errno));
		return false;
	}
	*created = true;
	return true;
}

void cli_data_dir_discard(const char *dir, bool created)
{
	static const char *const files[] = { STORE_DB_FILE, STORE_DB_FILE "-wal", STORE_DB_FILE "-shm",
					      STORE_DB_FILE "-journal", "demo-login.txt" };
	char path[PATH_MAX];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, files[i]) < sizeof path)
			unlink(path);
	}
	if (created)
		rmdir(dir);
}

struct store *cli_store_create(const char *cmd, const char *dir, bool *created)
{
	struct store *s = NULL;
	char err[512];
	if (!data_dir_create(cmd, dir, created))
		return NULL;
	if (store_open(dir, true, &s, err, sizeof err) != STORE_OK) {
		cli_error(cmd, "%s", err);
		goto fail;
	}
	if (store_migrate(s, NULL, NULL) != STORE_OK) {
		cli_error(cmd, _("cannot create the database schema in %s (see the messages above)"), dir);
		goto fail;
	}
	return s;
fail:
	store_close(s);
	cli_data_dir_discard(dir, *created);
	return NULL;
}

int cli_text_width(const char *s)
{
	size_t len = strlen(s);
	if (!utf8_valid(s, len))
		return (int)len;
	return (int)utf8_codepoints(s, len);
}

void cli_print_cell(FILE *out, const char *s, int width)
{
	fputs(s, out);
	for (int pad = width - cli_text_width(s); pad > 0; pad--)
		fputc(' ', out);
}

int cli_parse_data_only(const char *cmd, const char *usage, int argc, char **argv, const char **data_flag)
{
	static const struct option options[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			*data_flag = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		default:
			return cli_option_error(cmd, c, argv);
		}
	}
	return -1;
}

int cli_run_subcommand(const char *cmd, const char *usage, const struct cli_subcommand *subs, size_t n, int argc,
		       char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; argc >= 2 && i < n; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1);
	char choices[256] = "";
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(choices);
		snprintf(choices + len, sizeof choices - len, "%s%s", i ? ", " : "", subs[i].name);
	}
	if (argc < 2)
		return cli_usage_error(cmd, _("missing subcommand; choose one of: %s"), choices);
	return cli_usage_error(cmd, _("unknown subcommand '%s'; choose one of: %s"), argv[1], choices);
}
