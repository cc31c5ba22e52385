/*
 * question_bank.h — the built-in interview question bank (R-INT-1): per
 * role a set of questions with type, the competency they probe, the text
 * and 1–3 follow-ups in German and English, and a rating guide (what a
 * strong and a weak answer sound like).
 *
 * The banks are data: data/questions/<role>.json (schema:
 * data/questions/README.md), embedded into the binary. This module turns
 * such JSON into structs and answers lookups and filters. It does no I/O:
 * the caller hands in the text (see web/bank_source.h for the cached
 * built-in banks). Users' own questions live in the store, not here.
 */
#ifndef STELLWERK_CORE_QUESTION_BANK_H
#define STELLWERK_CORE_QUESTION_BANK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/role_template.h"   /* TEMPLATE_DE, TEMPLATE_EN, TEMPLATE_LANGS, TEMPLATE_KEY_MAX */

/* Where the built-in banks live inside the embedded file table. */
#define QUESTION_DATA_DIR "data/questions/"

/* The pseudo-competency every plan offers: realism of salary expectations
 * (the CFO's focus). Not part of any role template. */
#define COMPETENCY_SALARY_REALISM "salary_realism"

#define BANK_QUESTION_KEY_MAX 48              /* "kam.rel.01"; a–z 0–9 _ and dots, starts with "<role>." */
#define BANK_QUESTION_TEXT_MAX 600
#define QUESTION_FOLLOW_UP_MAX 400
#define QUESTION_GUIDE_MAX 1000
#define QUESTION_MAX_FOLLOW_UPS 3
#define QUESTION_BANK_MAX 500            /* questions per file */

enum question_type { QUESTION_BEHAVIOURAL, QUESTION_SITUATIONAL, QUESTION_TECHNICAL, QUESTION_MOTIVATION,
		     QUESTION_CULTURE, QUESTION_TYPE__COUNT };

/* "behavioural", "situational", "technical", "motivation", "culture"; "unknown" out of range. */
const char *question_type_code(enum question_type t);
/* English msgid (N_): "Behavioural", "Situational", "Technical", "Motivation", "Culture". */
const char *question_type_label(enum question_type t);
bool question_type_parse(const char *code, enum question_type *out);

struct bank_question {
	char key[BANK_QUESTION_KEY_MAX];                      /* stable reference, e.g. "kam.rel.01" */
	enum question_type type;
	char competency[TEMPLATE_KEY_MAX];               /* a competency key of the role's template, or "salary_realism" */
	char text[TEMPLATE_LANGS][BANK_QUESTION_TEXT_MAX];    /* [TEMPLATE_DE] / [TEMPLATE_EN] */
	char follow_ups[TEMPLATE_LANGS][QUESTION_MAX_FOLLOW_UPS][QUESTION_FOLLOW_UP_MAX];
	size_t nfollow_ups;                              /* 1..3, the same in both languages */
	char guide_strong[TEMPLATE_LANGS][QUESTION_GUIDE_MAX];
	char guide_weak[TEMPLATE_LANGS][QUESTION_GUIDE_MAX];
	bool seed;                                       /* taken from the seed article */
};

struct question_bank {
	char role[TEMPLATE_KEY_MAX];                     /* role template key, e.g. "kam" */
	int version;                                     /* >= 1 */
	struct bank_question *questions;                 /* in file order */
	size_t nquestions;
};

/*
 * Parse and validate one role's bank. json need not be NUL-terminated. On
 * success fills *out (release with question_bank_free) and returns true. On
 * bad input returns false, leaves *out empty and writes an English message
 * into err naming the question and field, e.g.
 * "questions[4](kam.rel.05).text.en: must not be empty"; syntax errors name
 * line and column. err may be NULL.
 *
 * Checked: top level {"role", "version", "questions"} and nothing else;
 * each question has exactly the known fields; keys are unique, valid and
 * start with "<role>."; the type is known; the competency is a valid key;
 * every text exists in "de" and "en", is not blank and fits its buffer;
 * 1–3 follow-ups. Whether the competencies exist in the role template is
 * checked separately (question_bank_check_competencies).
 */
bool question_bank_parse(const char *json, size_t len, struct question_bank *out, char *err, size_t errlen);

/* Frees what question_bank_parse allocated and empties *b; safe to repeat. */
void question_bank_free(struct question_bank *b);

/* Every question's competency is one of t's competencies or
 * "salary_realism"; otherwise false with "questions[i](key).competency: …". */
bool question_bank_check_competencies(const struct question_bank *b, const struct role_template *t, char *err,
				      size_t errlen);

/* The question with this key, or NULL. */
const struct bank_question *question_bank_find(const struct question_bank *b, const char *key);

/* What question_bank_filter keeps; a zero-initialised filter keeps
 * everything. */
struct bank_question_filter {
	bool by_type;                  /* true: only questions of `type` */
	enum question_type type;
	const char *competency;        /* NULL or "": any */
	int lang;                      /* TEMPLATE_DE / TEMPLATE_EN: the text must exist in it and
					  `query` searches it; -1: either language */
	const char *query;             /* NULL or "": no text search; else a case-insensitive
					  (ASCII letters) substring of the text or a follow-up */
	bool seed_only;
};

/* Writes pointers to the matching questions, in bank order, into
 * out[0..cap) and returns how many match in total (may exceed cap). */
size_t question_bank_filter(const struct question_bank *b, const struct bank_question_filter *f,
			    const struct bank_question **out, size_t cap);

/* How many questions probe competency `key`. */
size_t question_bank_count_competency(const struct question_bank *b, const char *key);

#endif
