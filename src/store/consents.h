/*
 * consents.h — the privacy notice of the career page, the consents a
 * candidate gave with an application (R-AD-5), and the per-IP counter that
 * rate-limits public applications.
 *
 * The notice is versioned: saving a new text creates a new version and never
 * changes an old one, so every consent names the exact text it was given
 * for (kind, notice version, time).
 */
#ifndef STELLWERK_STORE_CONSENTS_H
#define STELLWERK_STORE_CONSENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define PRIVACY_NOTICE_MAX 20000      /* bytes of a notice text */

struct privacy_notice {
	int64_t version;                  /* 1, 2, ...; 0 = none saved yet */
	char lang[3];                     /* "de", "en" */
	char *text;                       /* malloc'd; privacy_notice_free */
	int64_t created_at;
	int64_t created_by;
};
void privacy_notice_free(struct privacy_notice *n);

/* The current notice for lang ("de" or "en"): the newest saved version, or
 * when none was ever saved for that language, version 0 with the built-in
 * default text (an English msgid is not used: the text is returned as given
 * by default_text, which the caller passes already translated). */
enum store_rc store_privacy_notice_current(struct store *s, const char *lang, const char *default_text,
					   struct privacy_notice *out);
/* Saves a new version for lang; sets *version. STORE_INVALID for an unknown
 * language, empty or overlong text, or text that is not UTF-8. Audited. */
enum store_rc store_privacy_notice_save(struct store *s, const struct actor *who, const char *lang, const char *text,
					int64_t now, int64_t *version);

enum consent_kind { CONSENT_PRIVACY, CONSENT_TALENT_POOL };
const char *consent_kind_code(enum consent_kind k);   /* "privacy", "talent_pool" */

struct consent {
	int64_t id;
	int64_t candidate_id;
	enum consent_kind kind;
	char notice_version[32];          /* e.g. "de-3" or "de-0" for the built-in text */
	int64_t given_at;
	int64_t expires_at;               /* 0 = no expiry */
};

/* Records a consent; part of the caller's unit of work when one is open
 * (store_begin), else its own. STORE_NOT_FOUND for an unknown candidate. */
enum store_rc store_consent_add(struct store *s, int64_t candidate_id, enum consent_kind kind,
				const char *notice_version, int64_t given_at, int64_t expires_at);
/* Consents of a candidate, oldest first. *out is malloc'd (caller frees). */
enum store_rc store_consent_list(struct store *s, int64_t candidate_id, struct consent **out, size_t *n);

/* Rate limit of public submissions: counts one for ip at now after deleting
 * entries older than window_seconds, and answers whether ip made fewer than
 * max submissions within the window before this one (*allowed). A refused
 * attempt is counted too. */
enum store_rc store_submission_check(struct store *s, const char *ip, int64_t now, int64_t window_seconds, int max,
				     bool *allowed);

#endif
