/*
 * audit.h — the audit log (R-X-4): who changed what, when, and which fields.
 * Rows are append-only; store functions that change data write them.
 */
#ifndef STELLWERK_STORE_AUDIT_H
#define STELLWERK_STORE_AUDIT_H

#include <jansson.h>

#include "store/store.h"

struct audit_entry {
	int64_t id;
	int64_t at;
	int64_t user_id;      /* 0 = cli/system */
	char actor[64];
	char ip[48];
	char entity[32];      /* "user", "session", "token", ... */
	int64_t entity_id;
	char action[32];      /* "create", "update", "disable", "login_failed", ... */
	char changes[1024];   /* JSON object {"field": [old, new]} or details; may be truncated */
};

/* Appends one row. changes_json may be NULL. Used by the store itself and for
 * events that change nothing else (failed logins, lockouts). */
enum store_rc store_audit(struct store *s, const struct actor *who, const char *entity, int64_t entity_id,
			  const char *action, const char *changes_json, int64_t now);
/* Builders of the "changes" object: each adds {"key": [old, new]} when the
 * values differ. A text that cannot be represented (not UTF-8) is recorded as
 * "changed", so a change is never lost. */
void audit_change_text(json_t *changes, const char *key, const char *old, const char *new);
void audit_change_int(json_t *changes, const char *key, int64_t old, int64_t new);
void audit_change_bool(json_t *changes, const char *key, bool old, bool new);

/* Newest first; caller frees *out. */
enum store_rc store_audit_list(struct store *s, int limit, int offset, struct audit_entry **out, size_t *n);
enum store_rc store_audit_count(struct store *s, int64_t *n);

#endif
