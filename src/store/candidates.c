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

#include "core/channels.h"
#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define CANDIDATE_COLUMNS                                                                                      \
	"c.id, c.first_name, c.last_name, c.email, c.phone, c.current_role, c.current_company, c.location,"   \
	" c.notice_period_weeks, c.salary_expectation, c.currency, c.languages, c.links, c.tags, c.channel,"   \
	" c.referrer, c.event, c.created_at"
#define CANDIDATE_NCOLUMNS 18

#define CANDIDATE_LIST_DEFAULT 50
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
	if ((rc = candidate_fts_write(s, c)) != STORE_OK)
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
	switch (db_step(&st)) {
	case DB_ROW:
		candidate_from_row(&st, 0, out);
		rc = STORE_OK;
		break;
	case DB_DONE:
		rc = STORE_NOT_FOUND;
		break;
	default:
		rc = db_rc(&st);
		break;
	}
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
	if (*count == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*list = xrealloc(*list, *cap * sizeof **list);
	}
	struct candidate_hit *h = &(*list)[(*count)++];
	memset(h, 0, sizeof *h);
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

enum store_rc store_candidate_list(struct store *s, const struct candidate_filter *f, struct candidate_hit **out,
				   size_t *n)
{
	struct db_stmt st;
	struct candidate_hit *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;
	char *query = NULL;
	bool searching = f->q && f->q[0];
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
		db_prepare(s, &st,
			   "SELECT " CANDIDATE_COLUMNS ", snippet(candidates_fts, -1, char(1), char(2), '…', 12),"
			   " bm25(candidates_fts) AS r"
			   " FROM candidates_fts JOIN candidates c ON c.id = candidates_fts.rowid"
			   " WHERE candidates_fts MATCH :q AND" CANDIDATE_FILTER_SQL
			   " ORDER BY r, c.id LIMIT :limit OFFSET :offset");
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
		if (count == cap) {
			cap = cap ? cap * 2 : 8;
			list = xrealloc(list, cap * sizeof *list);
		}
		list[count++] = d;
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
