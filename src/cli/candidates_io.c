/*
 * candidates_io.c — `stellwerk import candidates` and `stellwerk export
 * candidates` (R-CAND-4).
 *
 * Import is all or nothing: the whole file is parsed, mapped and validated
 * first, and every problem of every row is listed with its line number;
 * only a clean file is written, in one transaction. Possible duplicates
 * (R-CAND-5: score >= CANDIDATE_DUPLICATE_THRESHOLD against stored
 * candidates or an earlier row of the file) are reported and skipped.
 * Export writes RFC 4180 CSV (',' and CRLF, UTF-8 without BOM) with the
 * canonical field codes as header, so it imports back unchanged.
 */
#include <ctype.h>
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
#include "core/channels.h"
#include "core/csv.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/positions.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/str.h"

#define IMPORT_MAX_BYTES (50L * 1024 * 1024)
#define IMPORT_MAX_PRINTED 1000        /* problems listed; the rest are counted */
#define IMPORT_PROGRESS_EVERY 1000
#define SALARY_MAX 100000000LL         /* a plausibility bound, whole units */

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

/* --- problems ------------------------------------------------------------- */

struct problem {
	int line;
	size_t seq;                 /* order of discovery, for a stable sort */
	char *text;                 /* "field: message" or "message" */
};

struct problems {
	struct problem *v;
	size_t n, cap;
};

static void add_problem(struct problems *ps, int line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add_problem(struct problems *ps, int line, const char *field, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->v = realloc(ps->v, ps->cap * sizeof *ps->v);
		if (!ps->v) {
			fputs("stellwerk import: out of memory\n", stderr);
			exit(EXIT_FAIL);
		}
	}
	buf_init(&b);
	if (field && *field)
		buf_printf(&b, "%s: ", field);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	ps->v[ps->n] = (struct problem){ line, ps->n, buf_detach(&b) };
	ps->n++;
}

static int problem_cmp(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void problems_free(struct problems *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->v[i].text);
	free(ps->v);
	ps->v = NULL;
	ps->n = ps->cap = 0;
}

/* --- reading and converting --------------------------------------------- */

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
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > IMPORT_MAX_BYTES) {
		cli_error("import", _("%s is larger than 50 MB; please split it into smaller files"), path);
		fclose(f);
		return false;
	}
	struct buf b;
	char chunk[65536];
	size_t got;
	buf_init(&b);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + got > (size_t)IMPORT_MAX_BYTES) {
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

/* Copies a cell into a text field; a problem when it does not fit. */
static void set_text(struct problems *ps, int line, const char *code, char *dst, size_t size, const char *val)
{
	if (strlen(val) >= size) {
		add_problem(ps, line, code, _("This text is too long (at most %zu bytes)."), size - 1);
		dst[0] = '\0';
		return;
	}
	memcpy(dst, val, strlen(val) + 1);
}

/* "Müller, Anna" or "Anna Maria Müller" into first and last name. */
static void split_name(struct problems *ps, int line, const char *full, struct candidate *c)
{
	char tmp[4 * CANDIDATE_NAME_MAX + 4];
	char *first = "", *last;

	if (strlen(full) >= sizeof tmp) {
		add_problem(ps, line, "name", _("This text is too long (at most %zu bytes)."), (size_t)(2 * CANDIDATE_NAME_MAX));
		return;
	}
	strcpy(tmp, full);
	char *comma = strchr(tmp, ',');
	if (comma) {
		*comma = '\0';
		last = str_trim(tmp);
		first = str_trim(comma + 1);
	} else {
		char *sp = strrchr(tmp, ' ');
		if (sp) {
			*sp = '\0';
			first = str_trim(tmp);
			last = str_trim(sp + 1);
		} else {
			last = str_trim(tmp);
		}
	}
	if (!c->first_name[0])
		set_text(ps, line, "name", c->first_name, sizeof c->first_name, first);
	if (!c->last_name[0])
		set_text(ps, line, "name", c->last_name, sizeof c->last_name, last);
}

/* A whole number of weeks, "" = unknown. */
static void parse_notice(struct problems *ps, int line, const char *v, struct candidate *c)
{
	long long n;
	if (!*v)
		return;
	if (!str_to_int64(v, 0, CANDIDATE_NOTICE_WEEKS_MAX, &n)) {
		add_problem(ps, line, "notice_period", _("'%s' is not a whole number of weeks between 0 and %d."), v,
			    CANDIDATE_NOTICE_WEEKS_MAX);
		return;
	}
	c->notice_period_weeks = (int)n;
}

/* Length of a thousands separator at s: '.', ',', ' ', '\'', U+00A0, U+202F. */
static size_t separator_len(const char *s)
{
	if (*s == '.' || *s == ',' || *s == ' ' || *s == '\'')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF)
		return 3;
	return 0;
}

/* A whole amount with optional thousands separators: "85000", "85.000",
 * "1,250,000"; each group after a separator has exactly three digits. */
static void parse_salary(struct problems *ps, int line, const char *v, struct candidate *c)
{
	long long n = 0;
	int group = 0;
	bool ok = true, any_sep = false;
	const char *p = v;

	if (!*v)
		return;
	while (*p && ok) {
		size_t sl;
		if (isdigit((unsigned char)*p)) {
			n = n * 10 + (*p - '0');
			group++;
			if (n > SALARY_MAX)
				ok = false;
			p++;
		} else if ((sl = separator_len(p)) > 0) {
			if (group == 0 || (any_sep && group != 3) || (!any_sep && group > 3))
				ok = false;
			any_sep = true;
			group = 0;
			p += sl;
		} else {
			ok = false;
		}
	}
	if (ok && (group == 0 || (any_sep && group != 3)))
		ok = false;
	if (!ok) {
		add_problem(ps, line, "salary_expectation",
			    _("'%s' is not a whole amount (digits, optionally with thousands separators, at most %lld)."), v,
			    SALARY_MAX);
		return;
	}
	c->salary_expectation = n;
	if (n > 0)
		memcpy(c->currency, "EUR", 4);
}

/* One row of the file to import. */
struct row {
	struct candidate c;
	int line;
	char *notes;                 /* points into the table; "" for none */
	bool duplicate;
};

static void convert_row(struct problems *ps, const struct csv_table *t, size_t r, const int *column_field,
			struct row *out)
{
	struct candidate *c = &out->c;
	const char *full_name = NULL;
	int line = t->row_line[r];

	candidate_init(c);
	out->line = line;
	out->notes = "";
	out->duplicate = false;
	for (size_t i = 0; i < t->cols; i++) {
		if (column_field[i] < 0)
			continue;
		char *v = str_trim(t->cells[r * t->cols + i]);
		const char *code = candidate_field_code((enum candidate_field)column_field[i]);
		switch ((enum candidate_field)column_field[i]) {
		case CANDIDATE_FIELD_NAME: full_name = v; break;
		case CANDIDATE_FIELD_FIRST_NAME: set_text(ps, line, code, c->first_name, sizeof c->first_name, v); break;
		case CANDIDATE_FIELD_LAST_NAME: set_text(ps, line, code, c->last_name, sizeof c->last_name, v); break;
		case CANDIDATE_FIELD_EMAIL: set_text(ps, line, code, c->email, sizeof c->email, v); break;
		case CANDIDATE_FIELD_PHONE: set_text(ps, line, code, c->phone, sizeof c->phone, v); break;
		case CANDIDATE_FIELD_CURRENT_ROLE:
			set_text(ps, line, code, c->current_role, sizeof c->current_role, v);
			break;
		case CANDIDATE_FIELD_CURRENT_COMPANY:
			set_text(ps, line, code, c->current_company, sizeof c->current_company, v);
			break;
		case CANDIDATE_FIELD_LOCATION: set_text(ps, line, code, c->location, sizeof c->location, v); break;
		case CANDIDATE_FIELD_NOTICE_PERIOD: parse_notice(ps, line, v, c); break;
		case CANDIDATE_FIELD_SALARY_EXPECTATION: parse_salary(ps, line, v, c); break;
		case CANDIDATE_FIELD_LANGUAGES: set_text(ps, line, code, c->languages, sizeof c->languages, v); break;
		case CANDIDATE_FIELD_LINKS: set_text(ps, line, code, c->links, sizeof c->links, v); break;
		case CANDIDATE_FIELD_TAGS: set_text(ps, line, code, c->tags, sizeof c->tags, v); break;
		case CANDIDATE_FIELD_CHANNEL: {
			enum channel ch;
			for (char *q = v; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			if (*v && !channel_parse(v, &ch))
				add_problem(ps, line, code, _("'%s' is not a known channel code (such as linkedin, referral, events)."),
					    v);
			else
				set_text(ps, line, code, c->channel, sizeof c->channel, v);
			break;
		}
		case CANDIDATE_FIELD_NOTES:
			if (strlen(v) > APPLICATION_NOTE_MAX)
				add_problem(ps, line, code, _("This text is too long (at most %zu bytes)."),
					    (size_t)APPLICATION_NOTE_MAX);
			else
				out->notes = v;
			break;
		case CANDIDATE_FIELD__COUNT: break;
		}
	}
	if (full_name && *full_name && (!c->first_name[0] || !c->last_name[0]))
		split_name(ps, line, full_name, c);

	struct field_problem fp[16];
	size_t n = candidate_validate(c, fp, sizeof fp / sizeof fp[0]);
	for (size_t i = 0; i < n && i < sizeof fp / sizeof fp[0]; i++)
		add_problem(ps, line, fp[i].field, "%s", _(fp[i].message));
}

/* --- duplicates within the file ------------------------------------------ */

/* A chained hash of normalised keys ("e:…", "p:…", "n:…") to row indexes. */
struct key_entry {
	char *key;
	size_t row;
	struct key_entry *next;
};

struct key_index {
	struct key_entry **slots;
	size_t nslots;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void row_keys(const struct candidate *c, char keys[3][CANDIDATE_EMAIL_MAX + 8])
{
	char name[2 * CANDIDATE_NAME_MAX + 2], norm[2 * CANDIDATE_NAME_MAX + 16];

	keys[0][0] = keys[1][0] = keys[2][0] = '\0';
	candidate_normalise_email(c->email, norm, sizeof norm);
	if (norm[0])
		snprintf(keys[0], sizeof keys[0], "e:%s", norm);
	candidate_normalise_phone(c->phone, norm, sizeof norm);
	if (norm[0])
		snprintf(keys[1], sizeof keys[1], "p:%s", norm);
	snprintf(name, sizeof name, "%s %s", c->first_name, c->last_name);
	candidate_normalise_name(name, norm, sizeof norm);
	if (norm[0])
		snprintf(keys[2], sizeof keys[2], "n:%.*s", (int)(sizeof keys[2] - 3), norm);
}

/* The best score of rows[i] against an earlier row sharing a key; *which
 * receives that row. Then adds rows[i]'s keys. */
static int in_file_score(struct key_index *ix, struct row *rows, size_t i, size_t *which, char *reason, size_t rn)
{
	char keys[3][CANDIDATE_EMAIL_MAX + 8];
	int best = 0;

	row_keys(&rows[i].c, keys);
	for (int k = 0; k < 3; k++) {
		if (!keys[k][0])
			continue;
		size_t slot = hash_str(keys[k]) % ix->nslots;
		for (struct key_entry *e = ix->slots[slot]; e; e = e->next) {
			if (strcmp(e->key, keys[k]) != 0)
				continue;
			char why[64];
			int s = candidate_duplicate_score(&rows[i].c, &rows[e->row].c, why, sizeof why);
			if (s > best) {
				best = s;
				*which = e->row;
				snprintf(reason, rn, "%s", why);
			}
		}
	}
	for (int k = 0; k < 3; k++) {
		if (!keys[k][0])
			continue;
		struct key_entry *e = malloc(sizeof *e);
		if (!e || !(e->key = strdup(keys[k]))) {
			fputs("stellwerk import: out of memory\n", stderr);
			exit(EXIT_FAIL);
		}
		size_t slot = hash_str(keys[k]) % ix->nslots;
		e->row = i;
		e->next = ix->slots[slot];
		ix->slots[slot] = e;
	}
	return best;
}

static void key_index_free(struct key_index *ix)
{
	for (size_t i = 0; i < ix->nslots; i++) {
		struct key_entry *e = ix->slots[i];
		while (e) {
			struct key_entry *next = e->next;
			free(e->key);
			free(e);
			e = next;
		}
	}
	free(ix->slots);
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

static bool map_header(const char *file, const struct csv_table *t, int *column_field, struct problems *ps)
{
	bool has_name = false;

	candidate_csv_map_header(t, column_field);
	for (size_t i = 0; i < t->cols; i++) {
		int f = column_field[i];
		if (f == CANDIDATE_FIELD_NAME || f == CANDIDATE_FIELD_FIRST_NAME || f == CANDIDATE_FIELD_LAST_NAME)
			has_name = true;
		if (f < 0) {
			const char *h = csv_cell(t, 0, i);
			int other = candidate_field_for_header(h);
			if (other >= 0)
				fprintf(stderr, _("%s:%d: column %zu '%s' repeats the field %s and is ignored\n"), file,
					t->row_line[0], i + 1, h, candidate_field_code((enum candidate_field)other));
			else
				fprintf(stderr, _("%s:%d: column %zu '%s' is not a known field and is ignored\n"), file,
					t->row_line[0], i + 1, h);
		}
	}
	if (!has_name)
		add_problem(ps, t->row_line[0], "name",
			    "%s", _("The header has no name column: it needs 'name', or 'first_name' and/or 'last_name' "
				    "(or Name, Vorname, Nachname)."));
	return has_name;
}

static int run_import(const char *file, const struct io_opts *o)
{
	char *data = NULL;
	size_t len = 0;
	struct store *s = NULL;
	struct csv_table t = { 0 };
	struct csv_error *cerr = NULL;
	struct problems ps = { 0 };
	struct row *rows = NULL;
	int *column_field = NULL;
	struct key_index ix = { 0 };
	int status = EXIT_FAIL;
	char n1[32], n2[32];

	if (!read_file(file, &data, &len))
		return EXIT_FAIL;
	/* A binary file gives a flood of errors; one clear message is better. */
	if (memchr(data, '\0', len < 8192 ? len : 8192)) {
		cli_error("import", _("%s does not look like a CSV text file (it contains NUL bytes); "
				      "please save it as CSV with the encoding UTF-8"), file);
		goto cleanup;
	}
	if (!(s = cli_open_store(cli_data_dir(o->data_flag))))
		goto cleanup;
	if (o->position_id > 0 && check_position("import", s, o->position_id) != EXIT_OK)
		goto cleanup;

	struct csv_options copt = { 0, translate };
	size_t ncerr = 0;
	cerr = calloc(IMPORT_MAX_PRINTED, sizeof *cerr);
	if (!cerr)
		goto cleanup;
	csv_parse(data, len, &copt, &t, cerr, IMPORT_MAX_PRINTED, &ncerr);
	for (size_t i = 0; i < ncerr; i++)
		add_problem(&ps, cerr[i].line, NULL, "%s", cerr[i].message);

	size_t nrows = t.rows > 0 ? t.rows - 1 : 0;
	if (t.rows > 0) {
		column_field = calloc(t.cols ? t.cols : 1, sizeof *column_field);
		rows = calloc(nrows ? nrows : 1, sizeof *rows);
		if (!column_field || !rows)
			goto cleanup;
		if (map_header(file, &t, column_field, &ps))
			for (size_t r = 1; r < t.rows; r++)
				convert_row(&ps, &t, r, column_field, &rows[r - 1]);
	}
	if (ps.n > 0 || t.errors_total > ncerr) {
		qsort(ps.v, ps.n, sizeof *ps.v, problem_cmp);
		size_t shown = ps.n < IMPORT_MAX_PRINTED ? ps.n : IMPORT_MAX_PRINTED;
		for (size_t i = 0; i < shown; i++)
			fprintf(stderr, "%s:%d: %s\n", file, ps.v[i].line, ps.v[i].text);
		size_t total = ps.n + (t.errors_total - ncerr);
		if (total > shown)
			fprintf(stderr, _("… and %s more problems.\n"), fmt_count(n1, sizeof n1, total - shown));
		cli_error("import",
			  i18n_ngettext("%s problem in %s; nothing was imported. Please correct the file and import it again.",
					"%s problems in %s; nothing was imported. Please correct the file and import it again.",
					(unsigned long)total),
			  fmt_count(n2, sizeof n2, total), file);
		goto cleanup;
	}

	/* Duplicates: against stored candidates, then against earlier rows. */
	size_t nskip = 0;
	ix.nslots = nrows * 3 + 17;
	ix.slots = calloc(ix.nslots, sizeof *ix.slots);
	if (!ix.slots)
		goto cleanup;
	for (size_t i = 0; i < nrows; i++) {
		struct candidate_duplicate *d = NULL;
		size_t nd = 0;
		enum store_rc rc = store_candidate_find_duplicates(s, &rows[i].c, &d, &nd);
		if (rc != STORE_OK) {
			cli_error("import", _("could not look for duplicates (%s); nothing was imported"), store_rc_name(rc));
			free(d);
			goto cleanup;
		}
		char reason[64] = "";
		size_t which = 0;
		int fs = in_file_score(&ix, rows, i, &which, reason, sizeof reason);
		if (nd > 0 && candidate_is_duplicate(d[0].score)) {
			rows[i].duplicate = true;
			fprintf(stderr,
				_("%s:%d: warning: %s %s looks like stored candidate %" PRId64 " %s %s (%s, score %d); skipped\n"),
				file, rows[i].line, rows[i].c.first_name, rows[i].c.last_name, d[0].c.id, d[0].c.first_name,
				d[0].c.last_name, _(d[0].reason), d[0].score);
		} else if (candidate_is_duplicate(fs)) {
			rows[i].duplicate = true;
			fprintf(stderr, _("%s:%d: warning: %s %s looks like line %d of the file (%s, score %d); skipped\n"),
				file, rows[i].line, rows[i].c.first_name, rows[i].c.last_name, rows[which].line, _(reason), fs);
		}
		if (rows[i].duplicate)
			nskip++;
		free(d);
	}
	size_t nimport = nrows - nskip;

	if (o->dry_run) {
		for (size_t i = 0; i < nrows; i++)
			if (!rows[i].duplicate)
				printf(_("%s:%d: would import %s %s%s%s%s\n"), file, rows[i].line, rows[i].c.first_name,
				       rows[i].c.last_name, rows[i].c.email[0] ? " <" : "", rows[i].c.email,
				       rows[i].c.email[0] ? ">" : "");
		printf(_("Dry run: %s candidates would be imported (%s skipped as duplicates); nothing was written.\n"),
		       fmt_count(n1, sizeof n1, nimport), fmt_count(n2, sizeof n2, nskip));
		status = EXIT_OK;
		goto cleanup;
	}

	bool progress = nimport >= IMPORT_PROGRESS_EVERY;
	int64_t now = (int64_t)time(NULL);
	enum store_rc rc = store_begin(s);
	size_t done = 0;
	for (size_t i = 0; rc == STORE_OK && i < nrows; i++) {
		if (rows[i].duplicate)
			continue;
		rc = store_candidate_create(s, &CLI_ACTOR, &rows[i].c, now);
		if (rc == STORE_OK && rows[i].notes[0])
			rc = store_application_add_event(s, &CLI_ACTOR, rows[i].c.id, 0, EVENT_NOTE, rows[i].notes, now, NULL);
		if (rc == STORE_OK && o->position_id > 0) {
			struct application a = { 0 };
			a.candidate_id = rows[i].c.id;
			a.position_id = o->position_id;
			rc = store_application_create(s, &CLI_ACTOR, &a, now);
		}
		if (rc != STORE_OK) {
			cli_error("import", _("%s:%d: could not store the candidate (%s)"), file, rows[i].line,
				  store_rc_name(rc));
			break;
		}
		done++;
		if (progress && done % IMPORT_PROGRESS_EVERY == 0)
			fprintf(stderr, _("imported %s of %s…\n"), fmt_count(n1, sizeof n1, done),
				fmt_count(n2, sizeof n2, nimport));
	}
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK) {
		store_rollback(s);
		cli_error("import", "%s", _("the import was rolled back; nothing was imported"));
		goto cleanup;
	}
	printf(_("Imported %s candidates (%s skipped as duplicates).\n"), fmt_count(n1, sizeof n1, nimport),
	       fmt_count(n2, sizeof n2, nskip));
	status = EXIT_OK;
cleanup:
	key_index_free(&ix);
	problems_free(&ps);
	free(rows);
	free(column_field);
	free(cerr);
	csv_table_free(&t);
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
