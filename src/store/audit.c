/*
 * audit.c — the append-only audit log (R-X-4); see audit.h.
 *
 * Store functions that change data call store_audit_json inside the same
 * unit of work as the change, so a change and its audit row are committed
 * or rolled back together. The changes column holds compact JSON:
 * {"field": [old, new]} for updates, {"field": value} for creates.
 */
#include "store/audit.h"

#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/log.h"
#include "util/xalloc.h"

enum store_rc store_audit(struct store *s, const struct actor *who, const char *entity, int64_t entity_id,
			  const char *action, const char *changes_json, int64_t now)
{
	struct db_stmt st;
	db_prepare(s, &st,
		   "INSERT INTO audit_log (at, user_id, actor, ip, entity, entity_id, action, changes)"
		   " VALUES (:at, :user_id, :actor, :ip, :entity, :entity_id, :action, :changes)");
	db_bind_int64(&st, ":at", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":user_id", who->user_id);
	else
		db_bind_null(&st, ":user_id");
	db_bind_text(&st, ":actor", who && who->name ? who->name : "system");
	db_bind_text(&st, ":ip", who ? who->ip : NULL);
	db_bind_text(&st, ":entity", entity);
	if (entity_id > 0)
		db_bind_int64(&st, ":entity_id", entity_id);
	else
		db_bind_null(&st, ":entity_id");
	db_bind_text(&st, ":action", action);
	db_bind_text(&st, ":changes", changes_json);
	enum store_rc rc = db_step_done(&st);
	db_finalize(&st);
	return rc;
}

enum store_rc store_audit_json(struct store *s, const struct actor *who, const char *entity, int64_t entity_id,
			       const char *action, const json_t *changes, int64_t now)
{
	char *text = NULL;
	if (changes) {
		/* ASCII only: struct audit_entry may cut the text, and a cut
		 * must not split a UTF-8 sequence. */
		text = json_dumps(changes, JSON_COMPACT | JSON_ENSURE_ASCII);
		if (!text) {
			log_error("audit: cannot serialise the changes of %s %lld", entity, (long long)entity_id);
			return STORE_ERROR;
		}
	}
	enum store_rc rc = store_audit(s, who, entity, entity_id, action, text, now);
	free(text);
	return rc;
}

enum store_rc store_audit_list(struct store *s, int limit, int offset, struct audit_entry **out, size_t *n)
{
	struct db_stmt st;
	struct audit_entry *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;

	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT id, at, user_id, actor, ip, entity, entity_id, action, changes FROM audit_log"
		   " ORDER BY id DESC LIMIT :limit OFFSET :offset");
	db_bind_int64(&st, ":limit", limit > 0 ? limit : -1);
	db_bind_int64(&st, ":offset", offset > 0 ? offset : 0);
	enum db_step_result step;
	while ((step = db_step(&st)) == DB_ROW) {
		struct audit_entry *e = xgrow(&list, &count, &cap, sizeof *list);
		e->id = db_column_int64(&st, 0);
		e->at = db_column_int64(&st, 1);
		e->user_id = db_column_int64(&st, 2);
		db_column_text_copy(&st, 3, e->actor, sizeof e->actor);
		db_column_text_copy(&st, 4, e->ip, sizeof e->ip);
		db_column_text_copy(&st, 5, e->entity, sizeof e->entity);
		e->entity_id = db_column_int64(&st, 6);
		db_column_text_copy(&st, 7, e->action, sizeof e->action);
		db_column_text_copy(&st, 8, e->changes, sizeof e->changes);
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

enum store_rc store_audit_count(struct store *s, int64_t *n)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	*n = 0;
	db_prepare(s, &st, "SELECT count(*) FROM audit_log");
	if (db_step(&st) == DB_ROW)
		*n = db_column_int64(&st, 0);
	else
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

void audit_change_text(json_t *changes, const char *key, const char *old, const char *new)
{
	if (strcmp(old, new) == 0)
		return;
	json_t *pair = json_pack("[s,s]", old, new);
	json_object_set_new(changes, key, pair ? pair : json_string("changed"));
}

void audit_change_int(json_t *changes, const char *key, int64_t old, int64_t new)
{
	if (old != new)
		json_object_set_new(changes, key, json_pack("[I,I]", (json_int_t)old, (json_int_t)new));
}

void audit_change_bool(json_t *changes, const char *key, bool old, bool new)
{
	if (old != new)
		json_object_set_new(changes, key, json_pack("[b,b]", old, new));
}
