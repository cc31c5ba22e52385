/*
 * audit.h — the audit log (R-X-4): who changed what, when, and which fields.
 * Rows are append-only; store functions that change data write them.
 */
#ifndef STELLWERK_STORE_AUDIT_H
#define STELLWERK_STORE_AUDIT_H

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
/* Newest first; caller frees *out. */
enum store_rc store_audit_list(struct store *s, int limit, int offset, struct audit_entry **out, size_t *n);
enum store_rc store_audit_count(struct store *s, int64_t *n);

#endif
