/*
 * candidate_import.c — parse, map and validate a candidate CSV file
 * (R-CAND-4), and find duplicates within it (R-CAND-5).
 *
 * Everything here works on the bytes of the file and plain structs: the CLI
 * and the web upload call the same functions, so a file is judged the same
 * way in both. Every problem of every row is collected with its line number
 * and field; nothing is imported unless there is none (the caller decides).
 */
#include "core/candidate_import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/channels.h"
#include "core/i18n_mark.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/xalloc.h"

/* Translates msgid through the caller's callback (identity without one).
 * format_arg lets the compiler check the msgid against the arguments. */
static const char *tr(const struct candidate_import_options *opt, const char *msgid) __attribute__((format_arg(2)));

static const char *tr(const struct candidate_import_options *opt, const char *msgid)
{
	const char *s;

	if (opt == NULL || opt->translate == NULL)
		return msgid;
	s = opt->translate(msgid);
	return s != NULL ? s : msgid;
}

/* --- problems ------------------------------------------------------------- */

struct problem_list {
	struct import_problem *v;
	size_t n, cap;
};

static void add_problem(struct problem_list *ps, int line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add_problem(struct problem_list *ps, int line, const char *field, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	struct import_problem *p = xgrow(&ps->v, &ps->n, &ps->cap, sizeof *ps->v);
	p->line = line;
	p->seq = ps->n - 1;
	str_copy(p->field, sizeof p->field, field ? field : "");
	p->text = buf_detach(&b);
}

static int problem_cmp(const void *a, const void *b)
{
	const struct import_problem *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* --- converting cells ------------------------------------------------------ */

/* Copies a cell into a text field; a problem when it does not fit. */
static void set_text(struct problem_list *ps, const struct candidate_import_options *opt, int line, const char *code,
		     char *dst, size_t size, const char *val)
{
	if (strlen(val) >= size) {
		add_problem(ps, line, code, tr(opt, N_("This text is too long (at most %zu bytes).")), size - 1);
		dst[0] = '\0';
		return;
	}
	memcpy(dst, val, strlen(val) + 1);
}

/* "Müller, Anna" or "Anna Maria Müller" into first and last name. */
static void split_name(struct problem_list *ps, const struct candidate_import_options *opt, int line,
		       const char *full, struct candidate *c)
{
	char tmp[4 * CANDIDATE_NAME_MAX + 4];
	char *first = "", *last;

	if (strlen(full) >= sizeof tmp) {
		add_problem(ps, line, "name", tr(opt, N_("This text is too long (at most %zu bytes).")),
			    (size_t)(2 * CANDIDATE_NAME_MAX));
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
		set_text(ps, opt, line, "name", c->first_name, sizeof c->first_name, first);
	if (!c->last_name[0])
		set_text(ps, opt, line, "name", c->last_name, sizeof c->last_name, last);
}

/* A whole number of weeks, "" = unknown. */
static void parse_notice(struct problem_list *ps, const struct candidate_import_options *opt, int line, const char *v,
			 struct candidate *c)
{
	long long n;
	if (!*v)
		return;
	if (!str_to_int64(v, 0, CANDIDATE_NOTICE_WEEKS_MAX, &n)) {
		add_problem(ps, line, "notice_period",
			    tr(opt, N_("'%s' is not a whole number of weeks between 0 and %d.")), v,
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
static void parse_salary(struct problem_list *ps, const struct candidate_import_options *opt, int line, const char *v,
			 struct candidate *c)
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
			if (n > CANDIDATE_IMPORT_SALARY_MAX)
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
			    tr(opt, N_("'%s' is not a whole amount (digits, optionally with thousands separators, at most %lld).")),
			    v, CANDIDATE_IMPORT_SALARY_MAX);
		return;
	}
	c->salary_expectation = n;
	if (n > 0)
		memcpy(c->currency, "EUR", 4);
}

/* Maps and validates data row r of t (r >= 1) into out. */
static void convert_row(struct problem_list *ps, const struct candidate_import_options *opt, struct csv_table *t,
			size_t r, const int *column_field, struct import_row *out)
{
	struct candidate *c = &out->c;
	const char *full_name = NULL;
	int line = t->row_line[r];

	candidate_init(c);
	out->line = line;
	out->notes = "";
	for (size_t i = 0; i < t->cols; i++) {
		if (column_field[i] < 0)
			continue;
		char *v = str_trim(t->cells[r * t->cols + i]);
		const char *code = candidate_field_code((enum candidate_field)column_field[i]);
		switch ((enum candidate_field)column_field[i]) {
		case CANDIDATE_FIELD_NAME: full_name = v; break;
		case CANDIDATE_FIELD_FIRST_NAME:
			set_text(ps, opt, line, code, c->first_name, sizeof c->first_name, v);
			break;
		case CANDIDATE_FIELD_LAST_NAME: set_text(ps, opt, line, code, c->last_name, sizeof c->last_name, v); break;
		case CANDIDATE_FIELD_EMAIL: set_text(ps, opt, line, code, c->email, sizeof c->email, v); break;
		case CANDIDATE_FIELD_PHONE: set_text(ps, opt, line, code, c->phone, sizeof c->phone, v); break;
		case CANDIDATE_FIELD_CURRENT_ROLE:
			set_text(ps, opt, line, code, c->current_role, sizeof c->current_role, v);
			break;
		case CANDIDATE_FIELD_CURRENT_COMPANY:
			set_text(ps, opt, line, code, c->current_company, sizeof c->current_company, v);
			break;
		case CANDIDATE_FIELD_LOCATION: set_text(ps, opt, line, code, c->location, sizeof c->location, v); break;
		case CANDIDATE_FIELD_NOTICE_PERIOD: parse_notice(ps, opt, line, v, c); break;
		case CANDIDATE_FIELD_SALARY_EXPECTATION: parse_salary(ps, opt, line, v, c); break;
		case CANDIDATE_FIELD_LANGUAGES: set_text(ps, opt, line, code, c->languages, sizeof c->languages, v); break;
		case CANDIDATE_FIELD_LINKS: set_text(ps, opt, line, code, c->links, sizeof c->links, v); break;
		case CANDIDATE_FIELD_TAGS: set_text(ps, opt, line, code, c->tags, sizeof c->tags, v); break;
		case CANDIDATE_FIELD_CHANNEL: {
			enum channel ch;
			for (char *q = v; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			if (*v && !channel_parse(v, &ch))
				add_problem(ps, line, code,
					    tr(opt, N_("'%s' is not a known channel code (such as linkedin, referral, events).")),
					    v);
			else
				set_text(ps, opt, line, code, c->channel, sizeof c->channel, v);
			break;
		}
		case CANDIDATE_FIELD_NOTES:
			if (strlen(v) > CANDIDATE_IMPORT_NOTE_MAX)
				add_problem(ps, line, code, tr(opt, N_("This text is too long (at most %zu bytes).")),
					    (size_t)CANDIDATE_IMPORT_NOTE_MAX);
			else
				out->notes = v;
			break;
		case CANDIDATE_FIELD__COUNT: break;
		}
	}
	if (full_name && *full_name && (!c->first_name[0] || !c->last_name[0]))
		split_name(ps, opt, line, full_name, c);

	struct field_problem fp[16];
	size_t n = candidate_validate(c, fp, sizeof fp / sizeof fp[0]);
	for (size_t i = 0; i < n && i < sizeof fp / sizeof fp[0]; i++)
		add_problem(ps, line, fp[i].field, "%s", tr(opt, fp[i].message));
}

/* --- the mapping ------------------------------------------------------------- */

/* Fills column_field, column_state and column_header_field from the header
 * or from the caller's mapping; sets has_name. */
static void map_columns(struct candidate_import *imp, const struct candidate_import_options *opt)
{
	const struct csv_table *t = &imp->table;
	bool taken[CANDIDATE_FIELD__COUNT] = { false };

	for (size_t i = 0; i < imp->ncols; i++) {
		int named = candidate_field_for_header(csv_cell(t, 0, i));
		int want = named;
		imp->column_header_field[i] = named;
		if (opt && opt->mapping)
			want = i < opt->nmapping ? opt->mapping[i] : -1;
		if (want >= CANDIDATE_FIELD__COUNT)
			want = -1;
		if (want >= 0 && !taken[want]) {
			taken[want] = true;
			imp->column_field[i] = want;
			imp->column_state[i] = IMPORT_COLUMN_MAPPED;
		} else {
			imp->column_field[i] = -1;
			if (want >= 0)
				imp->column_state[i] = IMPORT_COLUMN_REPEATED;
			else if (opt && opt->mapping)
				imp->column_state[i] = IMPORT_COLUMN_IGNORED;
			else
				imp->column_state[i] = IMPORT_COLUMN_UNKNOWN;
		}
	}
	imp->has_name = taken[CANDIDATE_FIELD_NAME] || taken[CANDIDATE_FIELD_FIRST_NAME] ||
			taken[CANDIDATE_FIELD_LAST_NAME];
}

/* --- public ------------------------------------------------------------------ */

bool candidate_import_looks_binary(const char *data, size_t len)
{
	return memchr(data, '\0', len < 8192 ? len : 8192) != NULL;
}

bool candidate_import_parse(const char *data, size_t len, const struct candidate_import_options *opt,
			    struct candidate_import *out)
{
	struct problem_list ps = { 0 };
	struct csv_error *cerr;
	size_t ncerr = 0;

	memset(out, 0, sizeof *out);
	if (candidate_import_looks_binary(data, len)) {
		out->binary = true;
		add_problem(&ps, 1, "", "%s",
			    tr(opt, N_("This does not look like a CSV text file (it contains NUL bytes); please save it as "
				       "CSV with the encoding UTF-8.")));
		out->problems = ps.v;
		out->nproblems = out->problems_total = ps.n;
		return false;
	}
	struct csv_options copt = { 0, opt ? opt->translate : NULL };
	cerr = xcalloc(CANDIDATE_IMPORT_MAX_CSV_ERRORS, sizeof *cerr);
	csv_parse(data, len, &copt, &out->table, cerr, CANDIDATE_IMPORT_MAX_CSV_ERRORS, &ncerr);
	for (size_t i = 0; i < ncerr; i++)
		add_problem(&ps, cerr[i].line, "", "%s", cerr[i].message);
	free(cerr);
	out->delimiter = out->table.delimiter;
	out->ncols = out->table.cols;

	struct csv_table *t = &out->table;
	size_t nc = out->ncols ? out->ncols : 1;
	out->column_field = xcalloc(nc, sizeof *out->column_field);
	out->column_state = xcalloc(nc, sizeof *out->column_state);
	out->column_header_field = xcalloc(nc, sizeof *out->column_header_field);
	if (t->rows > 0) {
		out->nrows = t->rows - 1;
		out->rows = xcalloc(out->nrows ? out->nrows : 1, sizeof *out->rows);
		map_columns(out, opt);
		if (!out->has_name)
			add_problem(&ps, t->row_line[0], "name", "%s",
				    tr(opt, N_("The header has no name column: it needs 'name', or 'first_name' and/or "
					       "'last_name' (or Name, Vorname, Nachname).")));
		else
			for (size_t r = 1; r < t->rows; r++)
				convert_row(&ps, opt, t, r, out->column_field, &out->rows[r - 1]);
	}
	if (ps.n > 1)
		qsort(ps.v, ps.n, sizeof *ps.v, problem_cmp);
	out->problems = ps.v;
	out->nproblems = ps.n;
	out->problems_total = ps.n + (t->errors_total > ncerr ? t->errors_total - ncerr : 0);
	return out->problems_total == 0;
}

const char *candidate_import_header(const struct candidate_import *imp, size_t i)
{
	return csv_cell(&imp->table, 0, i);
}

const char *candidate_import_cell(const struct candidate_import *imp, size_t r, size_t i)
{
	return csv_cell(&imp->table, r + 1, i);
}

size_t candidate_import_preview_rows(const struct candidate_import *imp)
{
	return imp->table.rows > 0 ? imp->table.rows - 1 : 0;
}

static const char *const FIELD_LABELS[CANDIDATE_FIELD__COUNT] = {
	N_("Full name"),       N_("First name"), N_("Last name"),          N_("Email"),
	N_("Phone"),           N_("Current role"), N_("Current company"),  N_("Location"),
	N_("Notice period (weeks)"), N_("Salary expectation (EUR per year)"), N_("Languages"),
	N_("Links"),           N_("Tags"),       N_("Channel"),            N_("Notes"),
};

const char *candidate_import_field_label(enum candidate_field f)
{
	return (unsigned)f < CANDIDATE_FIELD__COUNT ? FIELD_LABELS[f] : "";
}

int candidate_import_field_by_code(const char *code)
{
	if (!code)
		return -1;
	for (int f = 0; f < CANDIDATE_FIELD__COUNT; f++)
		if (strcmp(code, candidate_field_code((enum candidate_field)f)) == 0)
			return f;
	return -1;
}

/* --- duplicates within the file ------------------------------------------ */

/* A chained hash of normalised keys ("e:…", "p:…", "n:…") to row indexes. */
struct key_entry {
	char *key;
	size_t row;
	struct key_entry *next;
};

struct import_key_index {
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

void candidate_import_mark_file_duplicate(struct candidate_import *imp, size_t i)
{
	char keys[3][CANDIDATE_EMAIL_MAX + 8];
	struct import_row *rows = imp->rows;
	int best = 0;
	size_t which = 0;
	char reason[64] = "";

	if (!imp->key_index_) {
		imp->key_index_ = xcalloc(1, sizeof *imp->key_index_);
		imp->key_index_->nslots = imp->nrows * 3 + 17;
		imp->key_index_->slots = xcalloc(imp->key_index_->nslots, sizeof *imp->key_index_->slots);
	}
	struct import_key_index *ix = imp->key_index_;
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
				which = e->row;
				snprintf(reason, sizeof reason, "%s", why);
			}
		}
	}
	for (int k = 0; k < 3; k++) {
		if (!keys[k][0])
			continue;
		struct key_entry *e = xmalloc(sizeof *e);
		size_t slot = hash_str(keys[k]) % ix->nslots;
		e->key = xstrdup(keys[k]);
		e->row = i;
		e->next = ix->slots[slot];
		ix->slots[slot] = e;
	}
	if (!rows[i].duplicate && candidate_is_duplicate(best)) {
		rows[i].duplicate = true;
		rows[i].dup_score = best;
		rows[i].dup_line = rows[which].line;
		str_copy(rows[i].dup_reason, sizeof rows[i].dup_reason, reason);
	}
}

size_t candidate_import_count_new(const struct candidate_import *imp)
{
	size_t n = 0;
	for (size_t i = 0; i < imp->nrows; i++)
		if (!imp->rows[i].duplicate)
			n++;
	return n;
}

static void key_index_free(struct import_key_index *ix)
{
	if (!ix)
		return;
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
	free(ix);
}

void candidate_import_free(struct candidate_import *imp)
{
	if (!imp)
		return;
	for (size_t i = 0; i < imp->nproblems; i++)
		free(imp->problems[i].text);
	free(imp->problems);
	free(imp->rows);
	free(imp->column_field);
	free(imp->column_state);
	free(imp->column_header_field);
	key_index_free(imp->key_index_);
	csv_table_free(&imp->table);
	memset(imp, 0, sizeof *imp);
}
