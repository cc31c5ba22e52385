/*
 * candidates.c — candidates, their search row and duplicate lookup; see
 * candidates.h.
 *
 * Each write is one unit of work holding its audit row (R-X-4) and the
 * matching change of candidates_fts (rowid = candidate id), so the index
 * never disagrees with the table. The normalised email, phone and name are
 * computed by core/candidate.h and stored next to the fields for indexed
 * duplicate lookup (R-CAND-5).
 */
#include "store/candidates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/channels.h"
#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/documents.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xalloc.h"

#define CANDIDATE_COLUMNS                                                                                      \
	"c.id, c.first_name, c.last_name, c.email, c.phone, c.current_role, c.current_company, c.location,"   \
	" c.notice_period_weeks, c.salary_expectation, c.currency, c.languages, c.links, c.tags, c.channel,"   \
	" c.referrer, c.event, c.created_at"
#define CANDIDATE_NCOLUMNS 18

#define CANDIDATE_LIST_DEFAULT CANDIDATE_LIST_DEFAULT_LIMIT
#define CANDIDATE_LIST_LIMIT 1000

/* Reads the columns CANDIDATE_COLUMNS of the current row, from column first. */
static void candidate_from_row(struct db_stmt *st, int first, struct candidate *c)
{
	candidate_init(c);
	c->id = db_column_int64(st, first + 0);
	db_column_text_copy(st, first + 1, c->first_name, sizeof c->first_name);
	db_column_text_copy(st, first + 2, c->last_name, sizeof c->last_name);
	db_column_text_copy(st, first + 3, c->email, sizeof c->email);
	db_column_text_copy(st, first + 4, c->phone, sizeof c->phone);
	db_column_text_copy(st, first + 5, c->current_role, sizeof c->current_role);
	db_column_text_copy(st, first + 6, c->current_company, sizeof c->current_company);
	db_column_text_copy(st, first + 7, c->location, sizeof c->location);
	c->notice_period_weeks = (int)db_column_int64(st, first + 8);
	c->salary_expectation = db_column_int64(st, first + 9);
	db_column_text_copy(st, first + 10, c->currency, sizeof c->currency);
	db_column_text_copy(st, first + 11, c->languages, sizeof c->languages);
	db_column_text_copy(st, first + 12, c->links, sizeof c->links);
	db_column_text_copy(st, first + 13, c->tags, sizeof c->tags);
	db_column_text_copy(st, first + 14, c->channel, sizeof c->channel);
	db_column_text_copy(st, first + 15, c->referrer, sizeof c->referrer);
	db_column_text_copy(st, first + 16, c->event, sizeof c->event);
	c->created_at = db_column_int64(st, first + 17);
}

/* "first last" of c into buf. */
static void candidate_full_name(const struct candidate *c, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s%s", c->first_name, c->first_name[0] && c->last_name[0] ? " " : "", c->last_name);
}

/* Binds the fields and their normalisations by column name. */
static void candidate_bind(struct db_stmt *st, const struct candidate *c)
{
	char name[2 * CANDIDATE_NAME_MAX + 2], norm[2 * CANDIDATE_NAME_MAX + 64];
	db_bind_text(st, ":first_name", c->first_name);
	db_bind_text(st, ":last_name", c->last_name);
	db_bind_text(st, ":email", c->email);
	db_bind_text(st, ":phone", c->phone);
	db_bind_text(st, ":current_role", c->current_role);
	db_bind_text(st, ":current_company", c->current_company);
	db_bind_text(st, ":location", c->location);
	db_bind_int64(st, ":notice_period_weeks", c->notice_period_weeks);
	db_bind_int64(st, ":salary_expectation", c->salary_expectation);
	db_bind_text(st, ":currency", c->currency);
	db_bind_text(st, ":languages", c->languages);
	db_bind_text(st, ":links", c->links);
	db_bind_text(st, ":tags", c->tags);
	db_bind_text(st, ":channel", c->channel);
	db_bind_text(st, ":referrer", c->referrer);
	db_bind_text(st, ":event", c->event);
	candidate_normalise_email(c->email, norm, sizeof norm);
	db_bind_text(st, ":email_norm", norm);
	candidate_normalise_phone(c->phone, norm, sizeof norm);
	db_bind_text(st, ":phone_norm", norm);
	candidate_full_name(c, name, sizeof name);
	candidate_normalise_name(name, norm, sizeof norm);
	db_bind_text(st, ":name_norm", norm);
}

/* STORE_INVALID unless candidate_validate accepts c and its channel code is
 * empty or known. */
static enum store_rc candidate_input_check(const struct candidate *c)
{
	struct field_problem problems[4];
	enum channel ch;
	if (candidate_validate(c, problems, sizeof problems / sizeof problems[0]) > 0)
		return STORE_INVALID;
	if (c->channel[0] && !channel_parse(c->channel, &ch))
		return STORE_INVALID;
	return STORE_OK;
}

/* The search row of a new candidate: one plain INSERT, so the text is
 * tokenized once (an UPDATE of an FTS5 row tokenizes the old text again to
 * remove it) — this is most of the work of a large import. */
static enum store_rc candidate_fts_insert(struct store *s, const struct candidate *c)
{
	struct db_stmt st;
	char name[2 * CANDIDATE_NAME_MAX + 2];
	candidate_full_name(c, name, sizeof name);
	db_prepare(s, &st,
		   "INSERT INTO candidates_fts(rowid, name, role, company, location, tags, notes, documents)"
		   " VALUES (:id, :name, :role, :company, :location, :tags, '', '')");
	db_bind_int64(&st, ":id", c->id);
	db_bind_text(&st, ":name", name);
	db_bind_text(&st, ":role", c->current_role);
	db_bind_text(&st, ":company", c->current_company);
	db_bind_text(&st, ":location", c->location);
	db_bind_text(&st, ":tags", c->tags);
	return db_run(&st);
}

/* Writes the candidate's own columns into its search row (creating it when
 * missing), keeping the notes and documents columns. */
static enum store_rc candidate_fts_write(struct store *s, const struct candidate *c)
{
	struct db_stmt st;
	char name[2 * CANDIDATE_NAME_MAX + 2];
	candidate_full_name(c, name, sizeof name);
	db_prepare(s, &st,
		   "INSERT OR IGNORE INTO candidates_fts(rowid, name, role, company, location, tags, notes, documents)"
		   " SELECT :id, '', '', '', '', '', '', '' WHERE NOT EXISTS"
		   " (SELECT 1 FROM candidates_fts WHERE rowid = :id)");
	db_bind_int64(&st, ":id", c->id);
	enum store_rc rc = db_run(&st);
	if (rc != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "UPDATE candidates_fts SET name = :name, role = :role, company = :company, location = :location,"
		   " tags = :tags WHERE rowid = :id");
	db_bind_text(&st, ":name", name);
	db_bind_text(&st, ":role", c->current_role);
	db_bind_text(&st, ":company", c->current_company);
	db_bind_text(&st, ":location", c->location);
	db_bind_text(&st, ":tags", c->tags);
	db_bind_int64(&st, ":id", c->id);
	return db_run(&st);
}

/* The audit description of an update from a to b: changed fields only. */
static json_t *candidate_changes(const struct candidate *a, const struct candidate *b)
{
	json_t *ch = json_object();
	audit_change_text(ch, "first_name", a->first_name, b->first_name);
	audit_change_text(ch, "last_name", a->last_name, b->last_name);
	audit_change_text(ch, "email", a->email, b->email);
	audit_change_text(ch, "phone", a->phone, b->phone);
	audit_change_text(ch, "current_role", a->current_role, b->current_role);
	audit_change_text(ch, "current_company", a->current_company, b->current_company);
	audit_change_text(ch, "location", a->location, b->location);
	audit_change_int(ch, "notice_period_weeks", a->notice_period_weeks, b->notice_period_weeks);
	audit_change_int(ch, "salary_expectation", a->salary_expectation, b->salary_expectation);
	audit_change_text(ch, "currency", a->currency, b->currency);
	audit_change_text(ch, "languages", a->languages, b->languages);
	audit_change_text(ch, "links", a->links, b->links);
	audit_change_text(ch, "tags", a->tags, b->tags);
	audit_change_text(ch, "channel", a->channel, b->channel);
	audit_change_text(ch, "referrer", a->referrer, b->referrer);
	audit_change_text(ch, "event", a->event, b->event);
	return ch;
}

enum store_rc store_candidate_create(struct store *s, const struct actor *who, struct candidate *c, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = candidate_input_check(c)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO candidates (first_name, last_name, email, phone, current_role, current_company,"
		   " location, notice_period_weeks, salary_expectation, currency, languages, links, tags, channel,"
		   " referrer, event, email_norm, phone_norm, name_norm, created_at, updated_at) VALUES (:first_name,"
		   " :last_name, :email, :phone, :current_role, :current_company, :location, :notice_period_weeks,"
		   " :salary_expectation, :currency, :languages, :links, :tags, :channel, :referrer, :event,"
		   " :email_norm, :phone_norm, :name_norm, :now, :now)");
	candidate_bind(&st, c);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	c->id = db_last_insert_id(s);
	c->created_at = now;
	if ((rc = candidate_fts_insert(s, c)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:s, s:s, s:s}", "first_name", c->first_name, "last_name", c->last_name, "email",
			    c->email, "channel", c->channel);
	if (!changes) {
		log_error("audit: cannot describe the new candidate %lld", (long long)c->id);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "candidate", c->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		c->id = 0;
	return rc;
}

enum store_rc store_candidate_update(struct store *s, const struct actor *who, const struct candidate *c, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct candidate old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_candidate_get(s, c->id, &old)) != STORE_OK)
		goto cleanup;
	changes = candidate_changes(&old, c);
	if (json_object_size(changes) == 0)
		goto cleanup;
	if ((rc = candidate_input_check(c)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE candidates SET first_name = :first_name, last_name = :last_name, email = :email,"
		   " phone = :phone, current_role = :current_role, current_company = :current_company,"
		   " location = :location, notice_period_weeks = :notice_period_weeks,"
		   " salary_expectation = :salary_expectation, currency = :currency, languages = :languages,"
		   " links = :links, tags = :tags, channel = :channel, referrer = :referrer, event = :event,"
		   " email_norm = :email_norm, phone_norm = :phone_norm, name_norm = :name_norm, updated_at = :now"
		   " WHERE id = :id");
	candidate_bind(&st, c);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", c->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = candidate_fts_write(s, c)) != STORE_OK)
		goto cleanup;
	rc = store_audit_json(s, who, "candidate", c->id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_candidate_get(struct store *s, int64_t id, struct candidate *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " CANDIDATE_COLUMNS " FROM candidates c WHERE c.id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		candidate_from_row(&st, 0, out);
	db_finalize(&st);
	return rc;
}

char *candidate_fts_query(const char *input)
{
	size_t len = strlen(input);
	/* worst case: every byte a quote (doubled) plus per word 2 quotes and " AND " */
	char *q = xmalloc(len * 2 + CANDIDATE_QUERY_WORDS * 8 + 1);
	size_t o = 0;
	int words = 0;
	const char *p = input;
	while (*p && words < CANDIDATE_QUERY_WORDS) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
			p++;
		if (!*p)
			break;
		if (words++ > 0) {
			memcpy(q + o, " AND ", 5);
			o += 5;
		}
		q[o++] = '"';
		while (*p && !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')) {
			if (*p == '"')
				q[o++] = '"';
			q[o++] = *p++;
		}
		q[o++] = '"';
	}
	q[o] = '\0';
	return q;
}

/* Appends the current row (CANDIDATE_COLUMNS, then snippet and rank) to the
 * growing list. */
static void hit_append(struct db_stmt *st, struct candidate_hit **list, size_t *count, size_t *cap)
{
	struct candidate_hit *h = xgrow(list, count, cap, sizeof **list);
	candidate_from_row(st, 0, &h->c);
	db_column_text_copy(st, CANDIDATE_NCOLUMNS, h->snippet, sizeof h->snippet);
	/* db.h has no getter for REAL columns; the statement is still private here */
	h->rank = db_column_double(st, CANDIDATE_NCOLUMNS + 1);
}

/* Binds the non-text filters shared by both list statements. */
static void filter_bind(struct db_stmt *st, const struct candidate_filter *f, int limit)
{
	if (f->position_id > 0)
		db_bind_int64(st, ":position_id", f->position_id);
	else
		db_bind_null(st, ":position_id");
	db_bind_text(st, ":stage", f->stage && f->stage[0] ? f->stage : NULL);
	db_bind_text(st, ":channel", f->channel && f->channel[0] ? f->channel : NULL);
	db_bind_text(st, ":tag", f->tag && f->tag[0] ? f->tag : NULL);
	db_bind_int64(st, ":limit", limit);
	db_bind_int64(st, ":offset", f->offset > 0 ? f->offset : 0);
}

/* The filter conditions on candidate c, shared by both list statements. */
#define CANDIDATE_FILTER_SQL                                                                                   \
	" (:channel IS NULL OR c.channel = :channel)"                                                         \
	" AND (:tag IS NULL OR instr(',' || replace(lower(c.tags), ', ', ',') || ',',"                         \
	" ',' || lower(trim(:tag)) || ',') > 0)"                                                              \
	" AND ((:position_id IS NULL AND :stage IS NULL) OR EXISTS (SELECT 1 FROM applications a"             \
	" WHERE a.candidate_id = c.id AND (:position_id IS NULL OR a.position_id = :position_id)"             \
	" AND (:stage IS NULL OR a.stage = :stage)))"

/* Whether query has more than CANDIDATE_RANK_MAX hits (before filters),
 * counting no further than that. */
static enum store_rc hit_count_capped(struct store *s, const char *query, bool *many)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "SELECT count(*) FROM (SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH :q LIMIT :cap)");
	db_bind_text(&st, ":q", query);
	db_bind_int64(&st, ":cap", CANDIDATE_RANK_MAX + 1);
	enum db_step_result step = db_step(&st);
	*many = step == DB_ROW && db_column_int64(&st, 0) > CANDIDATE_RANK_MAX;
	enum store_rc rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	/* as below: what FTS5 still rejects is the user's input */
	return rc == STORE_ERROR ? STORE_INVALID : rc;
}

enum store_rc store_candidate_list(struct store *s, struct candidate_filter *f, struct candidate_hit **out,
				   size_t *n)
{
	struct db_stmt st;
	struct candidate_hit *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;
	char *query = NULL;
	bool searching = f->q && f->q[0];
	f->many_hits = false;
	int limit = f->limit > 0 ? f->limit : CANDIDATE_LIST_DEFAULT;

	*out = NULL;
	*n = 0;
	if (limit > CANDIDATE_LIST_LIMIT || f->offset < 0)
		return STORE_INVALID;
	if (searching) {
		size_t len = strlen(f->q);
		if (len > CANDIDATE_QUERY_MAX || !utf8_valid(f->q, len))
			return STORE_INVALID;
		query = candidate_fts_query(f->q);
		if (!query[0]) {
			free(query);
			return STORE_OK;
		}
		/* Ranking every hit with bm25 costs about a microsecond per hit;
		 * for a word in most of 100,000 CVs that is most of 100 ms, and
		 * the order means little. Beyond CANDIDATE_RANK_MAX hits the
		 * newest come first, which FTS5 answers from its rowid order. */
		if ((rc = hit_count_capped(s, query, &f->many_hits)) != STORE_OK) {
			free(query);
			return rc;
		}
		/* Snippets cost more than ranking: rank and cut to the page first,
		 * then build snippets for that page only. CROSS JOIN keeps that
		 * order: each page row is one rowid lookup in the index, never a
		 * second full match. */
		if (f->many_hits)
			db_prepare(s, &st,
				   "WITH page AS (SELECT c.id AS id FROM candidates_fts JOIN candidates c"
				   " ON c.id = candidates_fts.rowid WHERE candidates_fts MATCH :q AND" CANDIDATE_FILTER_SQL
				   " ORDER BY candidates_fts.rowid DESC LIMIT :limit OFFSET :offset)"
				   " SELECT " CANDIDATE_COLUMNS ", snippet(candidates_fts, -1, char(1), char(2), '…', 12), 0.0"
				   " FROM page CROSS JOIN candidates_fts ON candidates_fts.rowid = page.id"
				   " CROSS JOIN candidates c ON c.id = page.id WHERE candidates_fts MATCH :q"
				   " ORDER BY page.id DESC");
		else
			db_prepare(s, &st,
				   "WITH page AS (SELECT c.id AS id, bm25(candidates_fts) AS r FROM candidates_fts"
				   " JOIN candidates c ON c.id = candidates_fts.rowid"
				   " WHERE candidates_fts MATCH :q AND" CANDIDATE_FILTER_SQL
				   " ORDER BY r, c.id LIMIT :limit OFFSET :offset)"
				   " SELECT " CANDIDATE_COLUMNS ", snippet(candidates_fts, -1, char(1), char(2), '…', 12), page.r"
				   " FROM page CROSS JOIN candidates_fts ON candidates_fts.rowid = page.id"
				   " CROSS JOIN candidates c ON c.id = page.id WHERE candidates_fts MATCH :q"
				   " ORDER BY page.r, page.id");
		db_bind_text(&st, ":q", query);
	} else {
		db_prepare(s, &st,
			   "SELECT " CANDIDATE_COLUMNS ", '', 0.0 FROM candidates c WHERE" CANDIDATE_FILTER_SQL
			   " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset");
	}
	filter_bind(&st, f, limit);
	while ((step = db_step(&st)) == DB_ROW)
		hit_append(&st, &list, &count, &cap);
	if (step == DB_FAIL) {
		rc = db_rc(&st);
		/* the quoting leaves nothing FTS5 should reject; if it still does,
		 * that is the user's input, not a broken database */
		if (searching && rc == STORE_ERROR)
			rc = STORE_INVALID;
	}
	db_finalize(&st);
	free(query);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

/* Orders duplicates best first, then by id. */
static int duplicate_cmp(const void *a, const void *b)
{
	const struct candidate_duplicate *x = a, *y = b;
	if (x->score != y->score)
		return y->score - x->score;
	return (x->c.id > y->c.id) - (x->c.id < y->c.id);
}

enum store_rc store_candidate_find_duplicates(struct store *s, const struct candidate *c,
					      struct candidate_duplicate **out, size_t *n)
{
	struct db_stmt st;
	struct candidate_duplicate *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;
	char name[2 * CANDIDATE_NAME_MAX + 2];
	char email[CANDIDATE_EMAIL_MAX + 1], phone[CANDIDATE_PHONE_MAX + 1], name_norm[2 * CANDIDATE_NAME_MAX + 64];

	*out = NULL;
	*n = 0;
	candidate_normalise_email(c->email, email, sizeof email);
	candidate_normalise_phone(c->phone, phone, sizeof phone);
	candidate_full_name(c, name, sizeof name);
	candidate_normalise_name(name, name_norm, sizeof name_norm);
	if (!email[0] && !phone[0] && !name_norm[0])
		return STORE_OK;
	db_prepare(s, &st,
		   "SELECT " CANDIDATE_COLUMNS " FROM candidates c WHERE c.id IN ("
		   " SELECT id FROM candidates WHERE :email <> '' AND email_norm = :email"
		   " UNION SELECT id FROM candidates WHERE :phone <> '' AND phone_norm = :phone"
		   " UNION SELECT id FROM candidates WHERE :name <> '' AND name_norm = :name)"
		   " AND c.id <> :id ORDER BY c.id LIMIT 200");
	db_bind_text(&st, ":email", email);
	db_bind_text(&st, ":phone", phone);
	db_bind_text(&st, ":name", name_norm);
	db_bind_int64(&st, ":id", c->id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct candidate_duplicate d;
		memset(&d, 0, sizeof d);
		candidate_from_row(&st, 0, &d.c);
		d.score = candidate_duplicate_score(c, &d.c, d.reason, sizeof d.reason);
		if (d.score <= 0)
			continue;
		*(struct candidate_duplicate *)xgrow(&list, &count, &cap, sizeof *list) = d;
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	if (count > 1)
		qsort(list, count, sizeof *list, duplicate_cmp);
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_candidate_set_document_text(struct store *s, int64_t candidate_id, const char *text)
{
	struct db_write w;
	struct db_stmt st;
	struct candidate c;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!utf8_valid(text, strlen(text))) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if ((rc = store_candidate_get(s, candidate_id, &c)) != STORE_OK)
		goto cleanup;
	if ((rc = candidate_fts_write(s, &c)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "UPDATE candidates_fts SET documents = :text WHERE rowid = :id");
	db_bind_text(&st, ":text", text);
	db_bind_int64(&st, ":id", candidate_id);
	rc = db_run(&st);
cleanup:
	return db_write_end(s, &w, rc);
}

/* --- merge (R-CAND-5) ------------------------------------------------------ */

/* Rebuilds the whole search row of a candidate from the stored data: the
 * candidate's own columns, the text of every note (oldest first) and the
 * extracted text of every document with status ok (upload order). */
static enum store_rc candidate_fts_rebuild(struct store *s, const struct candidate *c)
{
	struct db_stmt st;
	struct buf notes;
	enum db_step_result step;
	char *documents = NULL;
	enum store_rc rc;

	db_prepare(s, &st, "DELETE FROM candidates_fts WHERE rowid = :id");
	db_bind_int64(&st, ":id", c->id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	if ((rc = candidate_fts_write(s, c)) != STORE_OK)
		return rc;
	buf_init(&notes);
	db_prepare(s, &st,
		   "SELECT text FROM application_events WHERE candidate_id = :id AND kind = 'note' ORDER BY at, id");
	db_bind_int64(&st, ":id", c->id);
	while ((step = db_step(&st)) == DB_ROW) {
		char *t = db_column_text_dup(&st, 0);
		if (notes.len)
			buf_putc(&notes, '\n');
		buf_puts(&notes, t);
		free(t);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc == STORE_OK)
		rc = store_document_text_all(s, c->id, &documents);
	if (rc == STORE_OK) {
		db_prepare(s, &st, "UPDATE candidates_fts SET notes = :notes, documents = :documents WHERE rowid = :id");
		db_bind_text(&st, ":notes", buf_cstr(&notes));
		db_bind_text(&st, ":documents", documents);
		db_bind_int64(&st, ":id", c->id);
		rc = db_run(&st);
	}
	free(documents);
	buf_free(&notes);
	return rc;
}

/* Copies src into dst (size n) when dst is empty. */
static void fill_empty(char *dst, size_t n, const char *src)
{
	if (!dst[0] && src[0])
		snprintf(dst, n, "%s", src);
}

/* Whether the comma separated list has the tag (without case, trimmed). */
static bool tags_contain(const char *list, const char *tag, size_t len)
{
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *end = p;
		while (*end && *end != ',')
			end++;
		size_t n = (size_t)(end - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == len && n > 0 && strncasecmp(p, tag, n) == 0)
			return true;
		p = end;
	}
	return false;
}

/* Adds the tags of from that keep lacks to keep (size n), ", " separated,
 * as far as they fit. */
static void tags_unite(char *keep, size_t n, const char *from)
{
	const char *p = from;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *end = p;
		while (*end && *end != ',')
			end++;
		size_t len = (size_t)(end - p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len > 0 && !tags_contain(keep, p, len)) {
			size_t used = strlen(keep), extra = (used ? 2 : 0) + len;
			if (used + extra < n) {
				if (used)
					memcpy(keep + used, ", ", 2), used += 2;
				memcpy(keep + used, p, len);
				keep[used + len] = '\0';
			}
		}
		p = end;
	}
}

/* Fills the empty fields of keep from drop and unites the tags. */
static void candidate_merge_fields(struct candidate *keep, const struct candidate *drop)
{
	fill_empty(keep->first_name, sizeof keep->first_name, drop->first_name);
	fill_empty(keep->last_name, sizeof keep->last_name, drop->last_name);
	fill_empty(keep->email, sizeof keep->email, drop->email);
	fill_empty(keep->phone, sizeof keep->phone, drop->phone);
	fill_empty(keep->current_role, sizeof keep->current_role, drop->current_role);
	fill_empty(keep->current_company, sizeof keep->current_company, drop->current_company);
	fill_empty(keep->location, sizeof keep->location, drop->location);
	if (keep->notice_period_weeks < 0)
		keep->notice_period_weeks = drop->notice_period_weeks;
	if (keep->salary_expectation == 0 && drop->salary_expectation > 0) {
		keep->salary_expectation = drop->salary_expectation;
		snprintf(keep->currency, sizeof keep->currency, "%s", drop->currency);
	}
	fill_empty(keep->languages, sizeof keep->languages, drop->languages);
	fill_empty(keep->links, sizeof keep->links, drop->links);
	tags_unite(keep->tags, sizeof keep->tags, drop->tags);
	if (!keep->channel[0]) {
		snprintf(keep->channel, sizeof keep->channel, "%s", drop->channel);
		fill_empty(keep->referrer, sizeof keep->referrer, drop->referrer);
		fill_empty(keep->event, sizeof keep->event, drop->event);
	}
}

/* Moves every application, timeline event, document and consent of drop to
 * keep; where both have an application for one position, drop's events go
 * onto keep's application (which keeps the later last contact) and drop's
 * application is deleted. */
static enum store_rc candidate_merge_rows(struct store *s, int64_t keep_id, int64_t drop_id)
{
	struct db_stmt st;
	enum store_rc rc;
	/* Where both applied to one position, drop's application is folded into
	 * keep's and deleted. Interviews (with their scorecards), decisions,
	 * offers and hires cannot move to another application — what was
	 * assessed and agreed stays with the application it was made in — so
	 * such a merge is refused. */
	db_prepare(s, &st,
		   "SELECT 1 FROM applications d JOIN applications k ON k.position_id = d.position_id"
		   " AND k.candidate_id = :keep WHERE d.candidate_id = :drop"
		   " AND (EXISTS (SELECT 1 FROM interviews i WHERE i.application_id = d.id)"
		   " OR EXISTS (SELECT 1 FROM decisions x WHERE x.application_id = d.id)"
		   " OR EXISTS (SELECT 1 FROM offers o WHERE o.application_id = d.id)"
		   " OR EXISTS (SELECT 1 FROM hires h WHERE h.application_id = d.id))");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	enum db_step_result step = db_step(&st);
	rc = step == DB_FAIL ? db_rc(&st) : STORE_OK;
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;
	if (step == DB_ROW)
		return STORE_CONFLICT;
	db_prepare(s, &st,
		   "UPDATE applications AS k SET last_contact_at = d.last_contact_at FROM applications AS d"
		   " WHERE k.candidate_id = :keep AND d.candidate_id = :drop AND d.position_id = k.position_id"
		   " AND d.last_contact_at IS NOT NULL"
		   " AND (k.last_contact_at IS NULL OR k.last_contact_at < d.last_contact_at)");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "UPDATE application_events SET application_id = (SELECT k.id FROM applications k"
		   " JOIN applications d ON d.position_id = k.position_id"
		   " WHERE d.id = application_events.application_id AND k.candidate_id = :keep)"
		   " WHERE candidate_id = :drop AND application_id IN (SELECT d.id FROM applications d"
		   " JOIN applications k ON k.position_id = d.position_id AND k.candidate_id = :keep"
		   " WHERE d.candidate_id = :drop)");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st,
		   "DELETE FROM applications WHERE candidate_id = :drop"
		   " AND position_id IN (SELECT position_id FROM applications WHERE candidate_id = :keep)");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "UPDATE applications SET candidate_id = :keep WHERE candidate_id = :drop");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "UPDATE application_events SET candidate_id = :keep WHERE candidate_id = :drop");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "UPDATE candidate_documents SET candidate_id = :keep WHERE candidate_id = :drop");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		return rc;
	db_prepare(s, &st, "UPDATE consents SET candidate_id = :keep WHERE candidate_id = :drop");
	db_bind_int64(&st, ":keep", keep_id);
	db_bind_int64(&st, ":drop", drop_id);
	return db_run(&st);
}

enum store_rc store_candidate_merge(struct store *s, const struct actor *who, int64_t keep_id, int64_t drop_id,
				    const struct candidate *chosen, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct candidate keep, drop, merged;
	char drop_name[2 * CANDIDATE_NAME_MAX + 2], note[2 * CANDIDATE_NAME_MAX + 80];
	json_t *changes = NULL;
	enum store_rc rc;

	if (keep_id == drop_id)
		return STORE_INVALID;
	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_candidate_get(s, keep_id, &keep)) != STORE_OK ||
	    (rc = store_candidate_get(s, drop_id, &drop)) != STORE_OK)
		goto cleanup;
	merged = chosen ? *chosen : keep;
	merged.id = keep.id;
	merged.created_at = keep.created_at;
	candidate_merge_fields(&merged, &drop);
	if ((rc = candidate_input_check(&merged)) != STORE_OK)
		goto cleanup;
	changes = candidate_changes(&keep, &merged);
	if (json_object_size(changes) > 0) {
		db_prepare(s, &st,
			   "UPDATE candidates SET first_name = :first_name, last_name = :last_name, email = :email,"
			   " phone = :phone, current_role = :current_role, current_company = :current_company,"
			   " location = :location, notice_period_weeks = :notice_period_weeks,"
			   " salary_expectation = :salary_expectation, currency = :currency, languages = :languages,"
			   " links = :links, tags = :tags, channel = :channel, referrer = :referrer, event = :event,"
			   " email_norm = :email_norm, phone_norm = :phone_norm, name_norm = :name_norm,"
			   " updated_at = :now WHERE id = :id");
		candidate_bind(&st, &merged);
		db_bind_int64(&st, ":now", now);
		db_bind_int64(&st, ":id", keep_id);
		if ((rc = db_run(&st)) != STORE_OK)
			goto cleanup;
	}
	if ((rc = candidate_merge_rows(s, keep_id, drop_id)) != STORE_OK)
		goto cleanup;

	candidate_full_name(&drop, drop_name, sizeof drop_name);
	snprintf(note, sizeof note, "Merged with candidate #%lld (%s)", (long long)drop_id, drop_name);
	db_prepare(s, &st,
		   "INSERT INTO application_events (candidate_id, application_id, at, user_id, kind, text)"
		   " VALUES (:candidate_id, NULL, :at, :user_id, 'note', :text)");
	db_bind_int64(&st, ":candidate_id", keep_id);
	db_bind_int64(&st, ":at", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":user_id", who->user_id);
	else
		db_bind_null(&st, ":user_id");
	db_bind_text(&st, ":text", note);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;

	db_prepare(s, &st, "DELETE FROM candidates_fts WHERE rowid = :id");
	db_bind_int64(&st, ":id", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM candidates WHERE id = :id");
	db_bind_int64(&st, ":id", drop_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = candidate_fts_rebuild(s, &merged)) != STORE_OK)
		goto cleanup;

	if (json_object_set_new(changes, "merged_id", json_integer(drop_id)) != 0 ||
	    json_object_set_new(changes, "merged_name", json_string(drop_name)) != 0) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "candidate", keep_id, "merge", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}
