/*
 * organisations.c — the hiring companies; see organisations.h.
 *
 * Create and update are one unit of work each, holding the write and its
 * audit row (R-X-4). An update records only the fields that changed.
 */
#include "store/organisations.h"

#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

#define ORGANISATION_COLUMNS "id, name, website, street, postal_code, city, country, state, logo_url, created_at"

static void organisation_from_row(struct db_stmt *st, struct organisation *o)
{
	memset(o, 0, sizeof *o);
	o->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, o->name, sizeof o->name);
	db_column_text_copy(st, 2, o->website, sizeof o->website);
	db_column_text_copy(st, 3, o->street, sizeof o->street);
	db_column_text_copy(st, 4, o->postal_code, sizeof o->postal_code);
	db_column_text_copy(st, 5, o->city, sizeof o->city);
	db_column_text_copy(st, 6, o->country, sizeof o->country);
	db_column_text_copy(st, 7, o->state, sizeof o->state);
	db_column_text_copy(st, 8, o->logo_url, sizeof o->logo_url);
	o->created_at = db_column_int64(st, 9);
}

/* Binds the editable fields of o to a statement using their column names. */
static void organisation_bind(struct db_stmt *st, const struct organisation *o)
{
	db_bind_text(st, ":name", o->name);
	db_bind_text(st, ":website", o->website);
	db_bind_text(st, ":street", o->street);
	db_bind_text(st, ":postal_code", o->postal_code);
	db_bind_text(st, ":city", o->city);
	db_bind_text(st, ":country", o->country);
	db_bind_text(st, ":state", o->state);
	db_bind_text(st, ":logo_url", o->logo_url);
}

/* The audit description of an update from a to b: changed fields only. */
static json_t *organisation_changes(const struct organisation *a, const struct organisation *b)
{
	json_t *c = json_object();
	audit_change_text(c, "name", a->name, b->name);
	audit_change_text(c, "website", a->website, b->website);
	audit_change_text(c, "street", a->street, b->street);
	audit_change_text(c, "postal_code", a->postal_code, b->postal_code);
	audit_change_text(c, "city", a->city, b->city);
	audit_change_text(c, "country", a->country, b->country);
	audit_change_text(c, "state", a->state, b->state);
	audit_change_text(c, "logo_url", a->logo_url, b->logo_url);
	return c;
}

enum store_rc store_organisation_create(struct store *s, const struct actor *who, struct organisation *o, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO organisations (name, website, street, postal_code, city, country, state, logo_url,"
		   " created_at, updated_at) VALUES (:name, :website, :street, :postal_code, :city, :country, :state,"
		   " :logo_url, :now, :now)");
	organisation_bind(&st, o);
	db_bind_int64(&st, ":now", now);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	o->id = db_last_insert_id(s);
	o->created_at = now;
	changes = json_pack("{s:s, s:s, s:s, s:s}", "name", o->name, "city", o->city, "country", o->country,
			    "state", o->state);
	if (!changes) {
		log_error("audit: cannot describe the new organisation %lld", (long long)o->id);
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "organisation", o->id, "create", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		o->id = 0;
	return rc;
}

enum store_rc store_organisation_update(struct store *s, const struct actor *who, const struct organisation *o,
					int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct organisation old;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_organisation_get(s, o->id, &old)) != STORE_OK)
		goto cleanup;
	changes = organisation_changes(&old, o);
	if (json_object_size(changes) == 0)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE organisations SET name = :name, website = :website, street = :street,"
		   " postal_code = :postal_code, city = :city, country = :country, state = :state,"
		   " logo_url = :logo_url, updated_at = :now WHERE id = :id");
	organisation_bind(&st, o);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", o->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	rc = store_audit_json(s, who, "organisation", o->id, "update", changes, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_organisation_get(struct store *s, int64_t id, struct organisation *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " ORGANISATION_COLUMNS " FROM organisations WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		organisation_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_organisation_list(struct store *s, struct organisation **out, size_t *n)
{
	struct db_stmt st;
	struct organisation *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st, "SELECT " ORGANISATION_COLUMNS " FROM organisations ORDER BY name COLLATE NOCASE, id");
	while ((step = db_step(&st)) == DB_ROW) {
		organisation_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL) {
		rc = db_rc(&st);
		free(list);
		list = NULL;
		count = 0;
	}
	db_finalize(&st);
	*out = list;
	*n = count;
	return rc;
}
