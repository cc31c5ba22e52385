/*
 * ads.c — the job ad of a position; see ads.h.
 *
 * One row per position in job_ads. Every write is one unit of work holding
 * its audit row (entity "job_ad", entity id = the position's id, R-X-4).
 * Section texts are recorded in the audit row as "changed", not copied: an
 * ad is several KiB and the text itself stays in the row. Texts that are
 * not valid UTF-8 are refused with STORE_INVALID, as is an ad for a
 * position that does not exist.
 */
#include "store/ads.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define AD_COLUMNS                                                                                              \
	"position_id, lang, title, intro, tasks, must, nice, offer, culture, process, salary_text,"            \
	" valid_through_days, generated_from_version, edited, slug, date_posted, valid_through, published,"   \
	" updated_at, updated_by"

/* The text columns of a job ad with the struct field they fill. */
struct ad_text_column {
	const char *key;      /* column, bind parameter without ':', audit key */
	size_t offset;        /* of the char array in struct job_ad */
	size_t size;
};

#define AD_TEXT(field) { #field, offsetof(struct job_ad, field), sizeof ((struct job_ad *)0)->field }
static const struct ad_text_column ad_texts[] = {
	AD_TEXT(title), AD_TEXT(intro), AD_TEXT(tasks), AD_TEXT(must), AD_TEXT(nice),
	AD_TEXT(offer), AD_TEXT(culture), AD_TEXT(process), AD_TEXT(salary_text),
};
#define AD_NTEXTS (sizeof ad_texts / sizeof ad_texts[0])

static char *ad_text_field(struct job_ad *ad, size_t i)
{
	return (char *)ad + ad_texts[i].offset;
}

static const char *ad_text_value(const struct job_ad *ad, size_t i)
{
	return (const char *)ad + ad_texts[i].offset;
}

/* Reads the columns AD_COLUMNS of the current row into out. */
static void ad_from_row(struct db_stmt *st, struct stored_ad *out)
{
	memset(out, 0, sizeof *out);
	out->position_id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, out->ad.lang, sizeof out->ad.lang);
	for (size_t i = 0; i < AD_NTEXTS; i++)
		if (!db_column_text_copy(st, (int)(2 + i), ad_text_field(&out->ad, i), ad_texts[i].size))
			log_warn("the %s of the ad of position %lld was cut to fit", ad_texts[i].key,
				 (long long)out->position_id);
	out->ad.valid_through_days = db_column_int64(st, 11);
	out->generated_from_version = (int)db_column_int64(st, 12);
	out->edited = db_column_int64(st, 13) != 0;
	db_column_text_copy(st, 14, out->slug, sizeof out->slug);
	db_column_text_copy(st, 15, out->date_posted, sizeof out->date_posted);
	db_column_text_copy(st, 16, out->valid_through, sizeof out->valid_through);
	out->published = db_column_int64(st, 17) != 0;
	out->updated_at = db_column_int64(st, 18);
	out->updated_by = db_column_int64(st, 19);
}

/* Runs a query for at most one ad row: STORE_NOT_FOUND when there is none. */
static enum store_rc ad_query_one(struct db_stmt *st, struct stored_ad *out)
{
	enum store_rc rc = db_step_row(st);
	if (rc == STORE_OK)
		ad_from_row(st, out);
	db_finalize(st);
	return rc;
}

enum store_rc store_ad_get(struct store *s, int64_t position_id, struct stored_ad *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " AD_COLUMNS " FROM job_ads WHERE position_id = :id");
	db_bind_int64(&st, ":id", position_id);
	return ad_query_one(&st, out);
}

/* STORE_INVALID unless every text is UTF-8, the language known and the
 * position exists. */
static enum store_rc ad_input_check(struct store *s, const struct stored_ad *ad)
{
	if (strcmp(ad->ad.lang, "de") != 0 && strcmp(ad->ad.lang, "en") != 0)
		return STORE_INVALID;
	if (ad->generated_from_version < 0 || ad->ad.valid_through_days < 0)
		return STORE_INVALID;
	for (size_t i = 0; i < AD_NTEXTS; i++) {
		const char *text = ad_text_value(&ad->ad, i);
		if (!utf8_valid(text, strnlen(text, ad_texts[i].size)) || strnlen(text, ad_texts[i].size) == ad_texts[i].size)
			return STORE_INVALID;
	}
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT 1 FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", ad->position_id);
	switch (db_step(&st)) {
	case DB_ROW:
		rc = STORE_OK;
		break;
	case DB_DONE:
		rc = STORE_INVALID;
		break;
	default:
		rc = db_rc(&st);
		break;
	}
	db_finalize(&st);
	return rc;
}

static void bind_actor(struct db_stmt *st, const struct actor *who)
{
	if (who && who->user_id > 0)
		db_bind_int64(st, ":updated_by", who->user_id);
	else
		db_bind_null(st, ":updated_by");
}

/* The audit description of a save: every field for a new ad (texts as
 * "set"), the changed ones for an existing one (texts as "changed"). */
static json_t *ad_changes(const struct stored_ad *old, const struct stored_ad *ad)
{
	json_t *c = json_object();
	if (!old) {
		json_object_set_new(c, "lang", json_string(ad->ad.lang));
		json_object_set_new(c, "generated_from_version", json_integer(ad->generated_from_version));
		json_object_set_new(c, "edited", json_boolean(ad->edited));
		json_object_set_new(c, "valid_through_days", json_integer(ad->ad.valid_through_days));
		return c;
	}
	audit_change_text(c, "lang", old->ad.lang, ad->ad.lang);
	for (size_t i = 0; i < AD_NTEXTS; i++)
		if (strcmp(ad_text_value(&old->ad, i), ad_text_value(&ad->ad, i)) != 0)
			json_object_set_new(c, ad_texts[i].key, json_string("changed"));
	audit_change_int(c, "valid_through_days", old->ad.valid_through_days, ad->ad.valid_through_days);
	audit_change_int(c, "generated_from_version", old->generated_from_version, ad->generated_from_version);
	audit_change_bool(c, "edited", old->edited, ad->edited);
	return c;
}

/* Binds lang, the texts and the generator fields of ad by column name. */
static void ad_bind(struct db_stmt *st, const struct stored_ad *ad)
{
	static const char *const params[AD_NTEXTS] = { ":title", ":intro", ":tasks", ":must", ":nice",
						       ":offer", ":culture", ":process", ":salary_text" };
	db_bind_int64(st, ":position_id", ad->position_id);
	db_bind_text(st, ":lang", ad->ad.lang);
	for (size_t i = 0; i < AD_NTEXTS; i++)
		db_bind_text(st, params[i], ad_text_value(&ad->ad, i));
	db_bind_int64(st, ":valid_through_days", ad->ad.valid_through_days);
	db_bind_int64(st, ":generated_from_version", ad->generated_from_version);
	db_bind_int64(st, ":edited", ad->edited ? 1 : 0);
}

enum store_rc store_ad_save(struct store *s, const struct actor *who, const struct stored_ad *ad, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stored_ad *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	bool exists = false;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = ad_input_check(s, ad)) != STORE_OK)
		goto cleanup;
	rc = store_ad_get(s, ad->position_id, old);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		goto cleanup;
	exists = rc == STORE_OK;
	changes = ad_changes(exists ? old : NULL, ad);
	rc = STORE_OK;
	if (exists && json_object_size(changes) == 0)
		goto cleanup;
	if (exists)
		db_prepare(s, &st,
			   "UPDATE job_ads SET lang = :lang, title = :title, intro = :intro, tasks = :tasks, must = :must,"
			   " nice = :nice, offer = :offer, culture = :culture, process = :process,"
			   " salary_text = :salary_text, valid_through_days = :valid_through_days,"
			   " generated_from_version = :generated_from_version, edited = :edited, updated_at = :now,"
			   " updated_by = :updated_by WHERE position_id = :position_id");
	else
		db_prepare(s, &st,
			   "INSERT INTO job_ads (position_id, lang, title, intro, tasks, must, nice, offer, culture,"
			   " process, salary_text, valid_through_days, generated_from_version, edited, published,"
			   " updated_at, updated_by) VALUES (:position_id, :lang, :title, :intro, :tasks, :must, :nice,"
			   " :offer, :culture, :process, :salary_text, :valid_through_days, :generated_from_version,"
			   " :edited, 0, :now, :updated_by)");
	ad_bind(&st, ad);
	db_bind_int64(&st, ":now", now);
	bind_actor(&st, who);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	rc = store_audit_json(s, who, "job_ad", ad->position_id, exists ? "update" : "create", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

/* "YYYY-MM-DD" by shape (digits and dashes); the caller checks the calendar. */
static bool date_shaped(const char *d)
{
	if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return false;
	return true;
}

/* The position holding slug other than position_id: STORE_CONFLICT when
 * there is one, STORE_OK when the slug is free or already this ad's. */
static enum store_rc slug_free_for(struct store *s, const char *slug, int64_t position_id)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT 1 FROM job_ads WHERE slug = :slug AND position_id <> :id");
	db_bind_text(&st, ":slug", slug);
	db_bind_int64(&st, ":id", position_id);
	switch (db_step(&st)) {
	case DB_ROW:
		rc = STORE_CONFLICT;
		break;
	case DB_DONE:
		rc = STORE_OK;
		break;
	default:
		rc = db_rc(&st);
		break;
	}
	db_finalize(&st);
	return rc;
}

enum store_rc store_ad_publish(struct store *s, const struct actor *who, int64_t position_id, const char *slug,
			       const char *date_posted, const char *valid_through, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stored_ad *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if (!slug || !slug[0] || strlen(slug) >= sizeof old->slug || !utf8_valid(slug, strlen(slug)) ||
	    !date_shaped(date_posted) || !date_shaped(valid_through)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if ((rc = store_ad_get(s, position_id, old)) != STORE_OK)
		goto cleanup;
	if ((rc = slug_free_for(s, slug, position_id)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE job_ads SET slug = :slug, date_posted = :date_posted, valid_through = :valid_through,"
		   " published = 1, updated_at = :now, updated_by = :updated_by WHERE position_id = :id");
	db_bind_text(&st, ":slug", slug);
	db_bind_text(&st, ":date_posted", date_posted);
	db_bind_text(&st, ":valid_through", valid_through);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", position_id);
	bind_actor(&st, who);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_object();
	audit_change_text(changes, "slug", old->slug, slug);
	audit_change_text(changes, "date_posted", old->date_posted, date_posted);
	audit_change_text(changes, "valid_through", old->valid_through, valid_through);
	audit_change_bool(changes, "published", old->published, true);
	rc = store_audit_json(s, who, "job_ad", position_id, "publish", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_ad_unpublish(struct store *s, const struct actor *who, int64_t position_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stored_ad *old = xcalloc(1, sizeof *old);
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_ad_get(s, position_id, old)) != STORE_OK || !old->published)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE job_ads SET published = 0, date_posted = NULL, valid_through = NULL, updated_at = :now,"
		   " updated_by = :updated_by WHERE position_id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", position_id);
	bind_actor(&st, who);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:s, s:[b,b]}", "slug", old->slug, "published", true, false);
	rc = store_audit_json(s, who, "job_ad", position_id, "unpublish", changes, now);
cleanup:
	json_decref(changes);
	free(old);
	return db_write_end(s, &w, rc);
}

enum store_rc store_ad_by_slug(struct store *s, const char *slug, struct stored_ad *out)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT " AD_COLUMNS " FROM job_ads WHERE slug = :slug");
	db_bind_text(&st, ":slug", slug);
	return ad_query_one(&st, out);
}

enum store_rc store_ad_list_published(struct store *s, struct stored_ad **out, size_t *n)
{
	struct db_stmt st;
	struct stored_ad *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " AD_COLUMNS " FROM job_ads WHERE published = 1"
		   " ORDER BY date_posted DESC, updated_at DESC, position_id DESC");
	while ((step = db_step(&st)) == DB_ROW) {
		ad_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
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
