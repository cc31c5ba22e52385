/*
 * consents.c — the versioned privacy notice, candidates' consents and the
 * per-IP counter of public applications; see consents.h.
 *
 * Notice versions are rows of privacy_notices, which the database itself
 * keeps append-only (migration 5 refuses UPDATE and DELETE), so a consent's
 * notice_version ("de-3") always names a text that still exists unchanged.
 */
#include "store/consents.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

static const char *const consent_kind_codes[] = { "privacy", "talent_pool" };

const char *consent_kind_code(enum consent_kind k)
{
	if ((unsigned)k >= sizeof consent_kind_codes / sizeof consent_kind_codes[0])
		return "privacy";
	return consent_kind_codes[k];
}

void privacy_notice_free(struct privacy_notice *n)
{
	if (!n)
		return;
	free(n->text);
	n->text = NULL;
}

static bool notice_lang_ok(const char *lang)
{
	return lang && (strcmp(lang, "de") == 0 || strcmp(lang, "en") == 0);
}

/* Whether text has a character other than white space. */
static bool has_content(const char *text)
{
	for (; *text; text++)
		if (!(*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r' || *text == '\f' || *text == '\v'))
			return true;
	return false;
}

enum store_rc store_privacy_notice_current(struct store *s, const char *lang, const char *default_text,
					   struct privacy_notice *out)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	memset(out, 0, sizeof *out);
	if (!notice_lang_ok(lang))
		return STORE_INVALID;
	db_prepare(s, &st,
		   "SELECT version, text, created_at, created_by FROM privacy_notices WHERE lang = :lang"
		   " ORDER BY version DESC LIMIT 1");
	db_bind_text(&st, ":lang", lang);
	switch (db_step(&st)) {
	case DB_ROW:
		out->version = db_column_int64(&st, 0);
		out->text = db_column_text_dup(&st, 1);
		out->created_at = db_column_int64(&st, 2);
		out->created_by = db_column_int64(&st, 3);
		break;
	case DB_DONE:
		out->text = xstrdup(default_text ? default_text : "");
		break;
	default:
		rc = db_rc(&st);
		break;
	}
	db_finalize(&st);
	if (rc != STORE_OK)
		return rc;
	memcpy(out->lang, lang, 2);
	out->lang[2] = '\0';
	return STORE_OK;
}

enum store_rc store_privacy_notice_save(struct store *s, const struct actor *who, const char *lang, const char *text,
					int64_t now, int64_t *version)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	int64_t v = 0;
	size_t len = text ? strlen(text) : 0;
	enum store_rc rc;
	if (!notice_lang_ok(lang) || len == 0 || len > PRIVACY_NOTICE_MAX || !utf8_valid(text, len) ||
	    !has_content(text))
		return STORE_INVALID;
	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO privacy_notices (lang, text, created_at, created_by) VALUES (:lang, :text, :now, :by)");
	db_bind_text(&st, ":lang", lang);
	db_bind_text(&st, ":text", text);
	db_bind_int64(&st, ":now", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":by", who->user_id);
	else
		db_bind_null(&st, ":by");
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	v = db_last_insert_id(s);
	changes = json_pack("{s:s, s:I}", "lang", lang, "length", (json_int_t)len);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "privacy_notice", v, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (version)
		*version = rc == STORE_OK ? v : 0;
	return rc;
}

enum store_rc store_consent_add(struct store *s, int64_t candidate_id, enum consent_kind kind,
				const char *notice_version, int64_t given_at, int64_t expires_at)
{
	/* a consent is given by the candidate, not by a signed-in user */
	static const struct actor consent_actor = { 0, "system", NULL };
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	size_t len = notice_version ? strlen(notice_version) : 0;
	enum store_rc rc;
	if ((unsigned)kind >= sizeof consent_kind_codes / sizeof consent_kind_codes[0] || len == 0 ||
	    len >= sizeof ((struct consent *)0)->notice_version || !utf8_valid(notice_version, len) ||
	    expires_at < 0)
		return STORE_INVALID;
	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM candidates WHERE id = :id");
	db_bind_int64(&st, ":id", candidate_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO consents (candidate_id, kind, notice_version, given_at, expires_at)"
		   " VALUES (:candidate_id, :kind, :notice_version, :given_at, :expires_at)");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	db_bind_text(&st, ":kind", consent_kind_code(kind));
	db_bind_text(&st, ":notice_version", notice_version);
	db_bind_int64(&st, ":given_at", given_at);
	if (expires_at > 0)
		db_bind_int64(&st, ":expires_at", expires_at);
	else
		db_bind_null(&st, ":expires_at");
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:s}", "kind", consent_kind_code(kind), "notice_version", notice_version);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, &consent_actor, "candidate", candidate_id, "add_consent", changes, given_at);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_consent_list(struct store *s, int64_t candidate_id, struct consent **out, size_t *n)
{
	struct db_stmt st;
	struct consent *list = NULL;
	size_t count = 0, cap = 0;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	char kind[16];
	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT id, candidate_id, kind, notice_version, given_at, expires_at FROM consents"
		   " WHERE candidate_id = :id ORDER BY given_at, id");
	db_bind_int64(&st, ":id", candidate_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct consent *c = xgrow(&list, &count, &cap, sizeof *list);
		c->id = db_column_int64(&st, 0);
		c->candidate_id = db_column_int64(&st, 1);
		db_column_text_copy(&st, 2, kind, sizeof kind);
		c->kind = strcmp(kind, "talent_pool") == 0 ? CONSENT_TALENT_POOL : CONSENT_PRIVACY;
		db_column_text_copy(&st, 3, c->notice_version, sizeof c->notice_version);
		c->given_at = db_column_int64(&st, 4);
		c->expires_at = db_column_int64(&st, 5);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

/* No audit row: the counter is protection, not a change of anything a user
 * owns; entries expire after the window. */
enum store_rc store_submission_check(struct store *s, const char *ip, int64_t now, int64_t window_seconds, int max,
				     bool *allowed)
{
	struct db_write w;
	struct db_stmt st;
	int64_t count = 0;
	enum store_rc rc;
	*allowed = false;
	if (!ip || window_seconds <= 0 || max < 0)
		return STORE_INVALID;
	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	/* every expired entry goes, not only this ip's, so the table stays small */
	db_prepare(s, &st, "DELETE FROM public_submissions WHERE at <= :cutoff");
	db_bind_int64(&st, ":cutoff", now - window_seconds);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT count(*) FROM public_submissions WHERE ip = :ip");
	db_bind_text(&st, ":ip", ip);
	if (db_step(&st) == DB_ROW)
		count = db_column_int64(&st, 0);
	rc = db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "INSERT INTO public_submissions (ip, at) VALUES (:ip, :now)");
	db_bind_text(&st, ":ip", ip);
	db_bind_int64(&st, ":now", now);
	rc = db_run(&st);
cleanup:
	rc = db_write_end(s, &w, rc);
	if (rc == STORE_OK)
		*allowed = count < max;
	return rc;
}
