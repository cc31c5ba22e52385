/*
 * organisations.h — the hiring companies (struct organisation, core/position.h).
 * An instance may hold several: executive-search consultants keep one per client.
 */
#ifndef STELLWERK_STORE_ORGANISATIONS_H
#define STELLWERK_STORE_ORGANISATIONS_H

#include "core/position.h"
#include "store/store.h"

/* Inserts o (every field but id and created_at); sets o->id and o->created_at. */
enum store_rc store_organisation_create(struct store *s, const struct actor *who, struct organisation *o, int64_t now);
/* Overwrites every field of the organisation o->id; the audit row lists the
 * changed fields as {"field": [old, new]}. No change writes nothing.
 * STORE_NOT_FOUND when there is no such organisation. */
enum store_rc store_organisation_update(struct store *s, const struct actor *who, const struct organisation *o, int64_t now);
enum store_rc store_organisation_get(struct store *s, int64_t id, struct organisation *out);
/* All organisations ordered by name; *out is malloc'd (caller frees), *n its length. */
enum store_rc store_organisation_list(struct store *s, struct organisation **out, size_t *n);

#endif
