/*
 * candidates_io.c — `stellwerk import candidates` and `stellwerk export
 * candidates` (R-CAND-4).
 *
 * Import is all or nothing: the whole file is parsed, mapped and validated
 * first (core/candidate_import.c, shared with the web upload), and every
 * problem of every row is listed with its line number; only a clean file
 * is written, in one transaction (store/candidate_import.c). Possible duplicates
 * (R-CAND-5: score >= CANDIDATE_DUPLICATE_THRESHOLD against stored
 * candidates or an earlier row of the file) are reported and skipped.
 * Export writes RFC 4180 CSV (',' and CRLF, UTF-8 without BOM) with the
 * canonical field codes as header, so it imports back unchanged.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "core/candidate.h"
#include "core/candidate_import.h"
#include "core/csv.h"
#include "store/applications.h"
#include "store/candidate_import.h"
#include "store/candidates.h"
#include "store/positions.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/str.h"

#define IMPORT_MAX_PRINTED 1000        /* problems listed; the rest are counted */
#define IMPORT_PROGRESS_EVERY 1000

static const char import_usage[] = N_(
	"Usage: stellwerk import candidates FILE.csv [--data DIR] [--position ID] [--dry-run]\n"
	"\n"
	"Imports candidates from a CSV file (RFC 4180, UTF-8 with or without BOM,\n"
	"',' or ';' as delimiter). The header row names the columns: name or\n"
	"first_name/last_name, email, phone, current_role, current_company, location,\n"
	"notice_period (whole weeks), salary_expectation (whole EUR per year), languages,\n"
	"links, tags, channel, notes; common German and English names work too.\n"
	"Unknown columns are ignored. All or nothing: every problem of every row is\n"
	"listed with its line number, and nothing is imported until the file is clean.\n"
	"Possible duplicates of stored candidates or of earlier rows are skipped.\n"
	"\n"
	"Options:\n"
	"  -d, --data DIR      data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -p, --position ID   also put every imported candidate into this position's pipeline\n"
	"  -n, --dry-run       check and report, but write nothing\n"
	"  -h, --help          show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk import candidates kandidaten.csv --dry-run\n"
	"  stellwerk import candidates --data /var/lib/stellwerk --position 3 messe.csv\n");

static const char export_usage[] = N_(
	"Usage: stellwerk export candidates [--data DIR] [--position ID]\n"
	"\n"
	"Writes every candidate (of one position with --position) as CSV to standard\n"
	"output: RFC 4180 with ',' and CRLF line ends, UTF-8 without BOM, a header of\n"
	"field codes. 'stellwerk import candidates' reads the file back unchanged.\n"
	"\n"
	"Options:\n"
	"  -d, --data DIR      data directory (default: $STELLWERK_DATA or ./stellwerk-data)\n"
	"  -p, --position ID   only the candidates with an application for this position\n"
	"  -h, --help          show this help\n"
	"\n"
	"Examples:\n"
	"  stellwerk export candidates > kandidaten.csv\n"
	"  stellwerk export candidates --data /var/lib/stellwerk --position 3 > kam.csv\n");

/* The fields export writes, in order: every field of struct candidate that
 * the header mapping knows (name and notes are import-only). */
static const enum candidate_field EXPORT_FIELDS[] = {
	CANDIDATE_FIELD_FIRST_NAME,      CANDIDATE_FIELD_LAST_NAME,    CANDIDATE_FIELD_EMAIL,
	CANDIDATE_FIELD_PHONE,           CANDIDATE_FIELD_CURRENT_ROLE, CANDIDATE_FIELD_CURRENT_COMPANY,
	CANDIDATE_FIELD_LOCATION,        CANDIDATE_FIELD_NOTICE_PERIOD, CANDIDATE_FIELD_SALARY_EXPECTATION,
	CANDIDATE_FIELD_LANGUAGES,       CANDIDATE_FIELD_LINKS,        CANDIDATE_FIELD_TAGS,
	CANDIDATE_FIELD_CHANNEL,
};
#define EXPORT_NFIELDS (sizeof EXPORT_FIELDS / sizeof EXPORT_FIELDS[0])

static const char *translate(const char *msgid)
{
	return _(msgid);
}

/* Reads all of path into *data (NUL-terminated); false with an error printed. */
static bool read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;

	if (!f) {
		cli_error("import", _("cannot open %s: %s"), path, strerror(errno));
		return false;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		cli_error("import", _("%s is a directory, not a CSV file"), path);
		fclose(f);
		return false;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > CANDIDATE_IMPORT_MAX_BYTES) {
		cli_error("import", _("%s is larger than 50 MB; please split it into smaller files"), path);
		fclose(f);
		return false;
	}
	struct buf b;
	char chunk[65536];
	size_t got;
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + got > (size_t)CANDIDATE_IMPORT_MAX_BYTES) {
			cli_error("import", _("%s is larger than 50 MB; please split it into smaller files"), path);
			buf_free(&b);
			fclose(f);
			return false;
		}
		buf_append(&b, chunk, got);
	}
	if (ferror(f)) {
		cli_error("import", _("cannot read %s: %s"), path, strerror(errno));
		buf_free(&b);
		fclose(f);
		return false;
	}
	fclose(f);
	*len = b.len;
	buf_putc(&b, '\0');
	*data = buf_detach(&b);
	return true;
}

/* --- options ------------------------------------------------------------- */

struct io_opts {
	const char *data_flag;
	int64_t position_id;
	bool dry_run;
};

/* Parses options; expects the operand "candidates" (and FILE for import).
 * Returns -1 to go on, else the exit code. */
static int parse_opts(const char *cmd, const char *usage, bool with_dry_run, int argc, char **argv,
		      struct io_opts *o, const char **file)
{
	static const struct option options[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "position", required_argument, NULL, 'p' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	long long id;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, with_dry_run ? ":d:p:nh" : ":d:p:h", options, NULL)) != -1) {
		switch (c) {
		case 'd': o->data_flag = optarg; break;
		case 'p':
			if (!str_to_int64(optarg, 1, INT64_MAX, &id))
				return cli_usage_error(cmd, _("--position needs a position number, not '%s'"), optarg);
			o->position_id = id;
			break;
		case 'n':
			if (!with_dry_run)
				return cli_option_error(cmd, '?', argv);
			o->dry_run = true;
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return cli_option_error(cmd, c, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, _("'%s' needs what to %s: candidates"), cmd, cmd);
	if (strcmp(argv[optind], "candidates") != 0)
		return cli_usage_error(cmd, _("'%s' can only %s 'candidates', not '%s'"), cmd, cmd, argv[optind]);
	optind++;
	if (file) {
		if (optind >= argc)
			return cli_usage_error(cmd, "%s", _("'import candidates' needs the CSV FILE to read"));
		*file = argv[optind++];
	}
	if (optind < argc)
		return cli_usage_error(cmd, _("unexpected argument '%s'"), argv[optind]);
	return -1;
}

/* EXIT_OK when the position exists, else prints why and returns EXIT_FAIL. */
static int check_position(const char *cmd, struct store *s, int64_t id)
{
	struct position p;
	enum store_rc rc = store_position_get(s, id, &p);
	if (rc == STORE_OK)
		return EXIT_OK;
	if (rc == STORE_NOT_FOUND)
		cli_error(cmd, _("there is no position %" PRId64 "; 'stellwerk position list' shows the positions"), id);
	else
		cli_error(cmd, _("could not read position %" PRId64 " (%s)"), id, store_rc_name(rc));
	return EXIT_FAIL;
}

static const char *fmt_count(char *out, size_t n, size_t v)
{
	i18n_format_int(out, n, (long long)v, i18n_lang());
	return out;
}

/* --- import -------------------------------------------------------------- */

/* Says which columns are ignored: unknown headers and repeated fields. */
static void report_ignored_columns(const char *file, const struct candidate_import *imp)
{
	for (size_t i = 0; i < imp->ncols; i++) {
		const char *h = candidate_import_header(imp, i);
		if (imp->column_state[i] == IMPORT_COLUMN_REPEATED)
			fprintf(stderr, _("%s:%d: column %zu '%s' repeats the field %s and is ignored\n"), file,
				imp->table.row_line[0], i + 1, h,
				candidate_field_code((enum candidate_field)imp->column_header_field[i]));
		else if (imp->column_state[i] != IMPORT_COLUMN_MAPPED)
			fprintf(stderr, _("%s:%d: column %zu '%s' is not a known field and is ignored\n"), file,
				imp->table.row_line[0], i + 1, h);
	}
}

/* Lists the problems of an unclean file (at most IMPORT_MAX_PRINTED). */
static void report_problems(const char *file, const struct candidate_import *imp)
{
	char n1[32], n2[32];
	size_t shown = imp->nproblems < IMPORT_MAX_PRINTED ? imp->nproblems : IMPORT_MAX_PRINTED;

	for (size_t i = 0; i < shown; i++) {
		const struct import_problem *p = &imp->problems[i];
		if (p->field[0])
			fprintf(stderr, "%s:%d: %s: %s\n", file, p->line, p->field, p->text);
		else
			fprintf(stderr, "%s:%d: %s\n", file, p->line, p->text);
	}
	size_t total = imp->problems_total;
	if (total > shown)
		fprintf(stderr, _("… and %s more problems.\n"), fmt_count(n1, sizeof n1, total - shown));
	cli_error("import",
		  i18n_ngettext("%s problem in %s; nothing was imported. Please correct the file and import it again.",
				"%s problems in %s; nothing was imported. Please correct the file and import it again.",
				(unsigned long)total),
		  fmt_count(n2, sizeof n2, total), file);
}

/* Warns about every row skipped as a possible duplicate (R-CAND-5). */
static void report_duplicates(const char *file, const struct candidate_import *imp)
{
	for (size_t i = 0; i < imp->nrows; i++) {
		const struct import_row *row = &imp->rows[i];
		if (!row->duplicate)
			continue;
		if (row->dup_candidate_id > 0)
			fprintf(stderr, _("%s:%d: warning: %s %s looks like stored candidate %" PRId64 " %s %s (%s, score %d); skipped\n"),
				file, row->line, row->c.first_name, row->c.last_name, row->dup_candidate_id, row->dup_first_name,
				row->dup_last_name,
				_(row->dup_reason), row->dup_score);
		else
			fprintf(stderr, _("%s:%d: warning: %s %s looks like line %d of the file (%s, score %d); skipped\n"), file,
				row->line, row->c.first_name, row->c.last_name, row->dup_line, _(row->dup_reason),
				row->dup_score);
	}
}

/* Progress on stderr for large imports: every IMPORT_PROGRESS_EVERY rows. */
static void print_progress(void *ctx, size_t done, size_t total)
{
	char n1[32], n2[32];
	(void)ctx;
	if (total >= IMPORT_PROGRESS_EVERY && done > 0 && done % IMPORT_PROGRESS_EVERY == 0)
		fprintf(stderr, _("imported %s of %s…\n"), fmt_count(n1, sizeof n1, done), fmt_count(n2, sizeof n2, total));
}

static int run_import(const char *file, const struct io_opts *o)
{
	char *data = NULL;
	size_t len = 0;
	struct store *s = NULL;
	struct candidate_import imp = { 0 };
	int status = EXIT_FAIL;
	char n1[32], n2[32];

	if (!read_file(file, &data, &len))
		return EXIT_FAIL;
	/* A binary file gives a flood of errors; one clear message is better. */
	if (candidate_import_looks_binary(data, len)) {
		cli_error("import", _("%s does not look like a CSV text file (it contains NUL bytes); "
				      "please save it as CSV with the encoding UTF-8"), file);
		goto cleanup;
	}
	if (!(s = cli_open_store(cli_data_dir(o->data_flag))))
		goto cleanup;
	if (o->position_id > 0 && check_position("import", s, o->position_id) != EXIT_OK)
		goto cleanup;

	struct candidate_import_options opt = { translate, NULL, 0 };
	bool clean = candidate_import_parse(data, len, &opt, &imp);
	if (imp.table.rows > 0)
		report_ignored_columns(file, &imp);
	if (!clean) {
		report_problems(file, &imp);
		goto cleanup;
	}

	/* Duplicates: against stored candidates, then against earlier rows. */
	enum store_rc rc = store_candidate_import_find_duplicates(s, &imp, NULL, NULL);
	if (rc != STORE_OK) {
		cli_error("import", _("could not look for duplicates (%s); nothing was imported"), store_rc_name(rc));
		goto cleanup;
	}
	report_duplicates(file, &imp);
	size_t nimport = candidate_import_count_new(&imp);
	size_t nskip = imp.nrows - nimport;

	if (o->dry_run) {
		for (size_t i = 0; i < imp.nrows; i++) {
			const struct candidate *c = &imp.rows[i].c;
			if (!imp.rows[i].duplicate)
				printf(_("%s:%d: would import %s %s%s%s%s\n"), file, imp.rows[i].line, c->first_name,
				       c->last_name, c->email[0] ? " <" : "", c->email, c->email[0] ? ">" : "");
		}
		printf(_("Dry run: %s candidates would be imported (%s skipped as duplicates); nothing was written.\n"),
		       fmt_count(n1, sizeof n1, nimport), fmt_count(n2, sizeof n2, nskip));
		status = EXIT_OK;
		goto cleanup;
	}

	struct candidate_import_write_options wo = { 0 };
	size_t imported = 0;
	int failed_line = 0;
	wo.who = &CLI_ACTOR;
	wo.position_id = o->position_id;
	wo.now = (int64_t)time(NULL);
	wo.progress_every = IMPORT_PROGRESS_EVERY;
	wo.progress = print_progress;
	rc = store_candidate_import_write(s, &imp, &wo, &imported, &failed_line);
	if (rc != STORE_OK) {
		if (failed_line > 0)
			cli_error("import", _("%s:%d: could not store the candidate (%s)"), file, failed_line,
				  store_rc_name(rc));
		cli_error("import", "%s", _("the import was rolled back; nothing was imported"));
		goto cleanup;
	}
	printf(_("Imported %s candidates (%s skipped as duplicates).\n"), fmt_count(n1, sizeof n1, imported),
	       fmt_count(n2, sizeof n2, nskip));
	status = EXIT_OK;
cleanup:
	candidate_import_free(&imp);
	store_close(s);
	free(data);
	return status;
}

int cmd_import(int argc, char **argv)
{
	struct io_opts o = { 0 };
	const char *file = NULL;
	int parsed = parse_opts("import", _(import_usage), true, argc, argv, &o, &file);
	if (parsed >= 0)
		return parsed;
	return run_import(file, &o);
}

/* --- export -------------------------------------------------------------- */

static void export_row(struct buf *out, const struct candidate *c)
{
	char notice[16] = "", salary[32] = "";
	if (c->notice_period_weeks >= 0)
		snprintf(notice, sizeof notice, "%d", c->notice_period_weeks);
	if (c->salary_expectation > 0)
		snprintf(salary, sizeof salary, "%" PRId64, c->salary_expectation);
	const char *cells[EXPORT_NFIELDS] = {
		c->first_name, c->last_name, c->email, c->phone, c->current_role, c->current_company, c->location,
		notice, salary, c->languages, c->links, c->tags, c->channel,
	};
	csv_write_row(out, cells, EXPORT_NFIELDS, ',');
}

int cmd_export(int argc, char **argv)
{
	struct io_opts o = { 0 };
	struct store *s = NULL;
	struct candidate_hit *all = NULL;
	size_t nall = 0;
	int status = EXIT_FAIL;
	struct buf out;

	int parsed = parse_opts("export", _(export_usage), false, argc, argv, &o, NULL);
	if (parsed >= 0)
		return parsed;
	buf_init(&out);
	if (!(s = cli_open_store(cli_data_dir(o.data_flag))))
		goto cleanup;
	if (o.position_id > 0 && check_position("export", s, o.position_id) != EXIT_OK)
		goto cleanup;

	/* Page through the list (newest first), then write oldest first so an
	 * import of the file creates the candidates in the same order. */
	for (;;) {
		struct candidate_filter f = { 0 };
		struct candidate_hit *page = NULL;
		size_t n = 0;
		f.position_id = o.position_id;
		f.limit = 1000;
		f.offset = (int)nall;
		enum store_rc rc = store_candidate_list(s, &f, &page, &n);
		if (rc != STORE_OK) {
			cli_error("export", _("could not read the candidates (%s)"), store_rc_name(rc));
			free(page);
			goto cleanup;
		}
		if (n > 0) {
			struct candidate_hit *grown = realloc(all, (nall + n) * sizeof *all);
			if (!grown) {
				free(page);
				goto cleanup;
			}
			all = grown;
			memcpy(all + nall, page, n * sizeof *page);
			nall += n;
		}
		free(page);
		if (n < 1000)
			break;
	}
	const char *header[EXPORT_NFIELDS];
	for (size_t i = 0; i < EXPORT_NFIELDS; i++)
		header[i] = candidate_field_code(EXPORT_FIELDS[i]);
	csv_write_row(&out, header, EXPORT_NFIELDS, ',');
	for (size_t i = nall; i-- > 0;) {
		export_row(&out, &all[i].c);
		if (out.len > (1u << 20)) {
			fwrite(out.data, 1, out.len, stdout);
			buf_reset(&out);
		}
	}
	fwrite(out.data, 1, out.len, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("export", _("could not write the CSV: %s"), strerror(errno));
		goto cleanup;
	}
	status = EXIT_OK;
cleanup:
	buf_free(&out);
	free(all);
	store_close(s);
	return status;
}
