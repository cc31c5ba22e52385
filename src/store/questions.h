/*
 * questions.h — the users' own interview questions and everybody's
 * favourites (R-INT-1).
 *
 * The built-in question bank lives in data/questions/ (core/
 * question_bank.h); only questions users add are stored here. A question is
 * referred to everywhere (favourites, kits, scorecard answers) by a string
 * ref: a built-in key such as "kam.rel.01" or "custom.<id>" for a stored one
 * (question_custom_ref). Codes are the English machine names of the schema:
 * type behavioural|situational|technical|motivation|culture, lang de|en.
 * Every write is one unit of work with its audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_QUESTIONS_H
#define STELLWERK_STORE_QUESTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define QUESTION_REF_MAX 64          /* bytes of a question ref incl. NUL */
#define QUESTION_KEY_MAX 64          /* role key, competency key incl. NUL */
#define QUESTION_TYPE_MAX 16
#define QUESTION_TEXT_MAX 2000       /* bytes of the text, the follow-ups, each guide */
#define QUESTION_CUSTOM_PREFIX "custom."

struct custom_question {
	int64_t id;
	char role_key[QUESTION_KEY_MAX];          /* "kam", "bdm", "hoe" or "" for any role */
	char type[QUESTION_TYPE_MAX];             /* behavioural|situational|technical|motivation|culture */
	char competency[QUESTION_KEY_MAX];        /* competency key it probes, may be "" */
	char lang[3];                             /* "de" or "en" */
	char text[QUESTION_TEXT_MAX + 1];
	char follow_ups[QUESTION_TEXT_MAX + 1];   /* one follow-up per line */
	char guide_strong[QUESTION_TEXT_MAX + 1]; /* what a strong answer sounds like */
	char guide_weak[QUESTION_TEXT_MAX + 1];   /* what a weak answer sounds like */
	int64_t created_by;                       /* user id, 0 for the command line */
	int64_t created_at;
};

/* Filter of store_question_list: "" matches any value. */
struct question_filter {
	const char *role_key;
	const char *type;
	const char *competency;
	const char *lang;
};

/* One favourite of a user. */
struct question_favourite {
	char ref[QUESTION_REF_MAX];
	int64_t created_at;
};

/* Writes "custom.<id>" into buf (size >= QUESTION_REF_MAX). */
void question_custom_ref(int64_t id, char *buf, size_t n);
/* Parses "custom.<id>"; false for a built-in key or anything else. */
bool question_custom_ref_parse(const char *ref, int64_t *id);
/* Whether code is one of the stored type codes. */
bool question_type_valid(const char *code);

/* Inserts q (role_key, type, competency, lang, text, follow_ups, guides);
 * sets q->id, q->created_by (who's user id) and q->created_at.
 * STORE_INVALID for an unknown type or lang, an empty text, a text that is
 * too long or not UTF-8. */
enum store_rc store_question_create(struct store *s, const struct actor *who, struct custom_question *q, int64_t now);
/* Replaces the editable fields of question q->id (same checks as create).
 * STORE_NOT_FOUND; STORE_INVALID. */
enum store_rc store_question_update(struct store *s, const struct actor *who, const struct custom_question *q,
				    int64_t now);
/* Deletes question id and every favourite of it. Kits and scorecard answers
 * keep the ref (they are history). STORE_NOT_FOUND. */
enum store_rc store_question_delete(struct store *s, const struct actor *who, int64_t id, int64_t now);
enum store_rc store_question_get(struct store *s, int64_t id, struct custom_question *out);
/* Custom questions matching f (NULL = all), oldest first. *out is malloc'd
 * (caller frees). */
enum store_rc store_question_list(struct store *s, const struct question_filter *f, struct custom_question **out,
				  size_t *n);

/* Marks (on) or unmarks ref as a favourite of user_id; setting what is
 * already so is STORE_OK and changes nothing. STORE_INVALID for an empty,
 * too long or non-UTF-8 ref, or "custom.<id>" of no stored question;
 * STORE_NOT_FOUND for an unknown user. */
enum store_rc store_question_favourite_set(struct store *s, const struct actor *who, int64_t user_id, const char *ref,
					   bool on, int64_t now);
/* Flips the favourite mark of ref for user_id; *is_favourite (may be NULL)
 * receives the new state. Errors as store_question_favourite_set. */
enum store_rc store_question_favourite_toggle(struct store *s, const struct actor *who, int64_t user_id,
					      const char *ref, int64_t now, bool *is_favourite);
/* The favourites of user_id, oldest first. *out is malloc'd (caller frees). */
enum store_rc store_question_favourites(struct store *s, int64_t user_id, struct question_favourite **out, size_t *n);

#endif
