/*
 * exercises.h — the sales exercise library (R-SALES-1): the seed's six
 * assessments (role play with a sceptical customer, case study, presentation
 * of past successes, negotiation, customer orientation, closing strength),
 * each with a KAM scenario, instructions for the interviewer, what to
 * observe, an anchored 1–4 rubric and the competencies it evidences, in
 * German and English.
 *
 * The library is data: data/exercises/sales.json (schema:
 * data/exercises/README.md), embedded into the binary. This module turns
 * the JSON into structs; no I/O (web/bank_source.h caches the built-in
 * library).
 */
#ifndef STELLWERK_CORE_EXERCISES_H
#define STELLWERK_CORE_EXERCISES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/role_template.h"   /* TEMPLATE_DE, TEMPLATE_EN, TEMPLATE_LANGS, TEMPLATE_KEY_MAX */

/* The built-in library inside the embedded file table. */
#define EXERCISE_DATA_FILE "data/exercises/sales.json"

#define EXERCISE_KEY_MAX 48              /* e.g. "sales.role_play"; a–z 0–9 _ and dots */
#define EXERCISE_NAME_MAX 120
#define EXERCISE_TEXT_MAX 2000           /* scenario, instructions */
#define EXERCISE_OBSERVE_MAX 300
#define EXERCISE_ANCHOR_MAX 600
#define EXERCISE_MAX_OBSERVE 8
#define EXERCISE_MAX_COMPETENCIES 6
#define EXERCISE_ANCHORS 4               /* rubric anchors for ratings 1, 2, 3, 4 */
#define EXERCISE_LIBRARY_MAX 100

/* The format of the exercise. */
enum exercise_kind { EXERCISE_ROLE_PLAY, EXERCISE_CASE_STUDY, EXERCISE_PRESENTATION, EXERCISE_NEGOTIATION,
		     EXERCISE_INTERVIEW, EXERCISE_KIND__COUNT };

/* "role_play", "case_study", "presentation", "negotiation", "interview"; "unknown" out of range. */
const char *exercise_kind_code(enum exercise_kind k);
/* English msgid (N_): "Role play", "Case study", "Presentation", "Negotiation", "Structured interview". */
const char *exercise_kind_label(enum exercise_kind k);
bool exercise_kind_parse(const char *code, enum exercise_kind *out);

struct exercise {
	char key[EXERCISE_KEY_MAX];
	char name[TEMPLATE_LANGS][EXERCISE_NAME_MAX];
	enum exercise_kind kind;
	int duration_minutes;                                    /* 5..180 */
	char scenario[TEMPLATE_LANGS][EXERCISE_TEXT_MAX];        /* what the candidate is told */
	char instructions[TEMPLATE_LANGS][EXERCISE_TEXT_MAX];    /* for the interviewer */
	char observe[TEMPLATE_LANGS][EXERCISE_MAX_OBSERVE][EXERCISE_OBSERVE_MAX];
	size_t nobserve;                                         /* 1..8 */
	char rubric[EXERCISE_ANCHORS][TEMPLATE_LANGS][EXERCISE_ANCHOR_MAX]; /* rubric[r - 1]: anchor of rating r */
	char competencies[EXERCISE_MAX_COMPETENCIES][TEMPLATE_KEY_MAX];     /* competency keys it evidences */
	size_t ncompetencies;                                    /* 1..6 */
};

struct exercise_library {
	int version;                                             /* >= 1 */
	struct exercise *exercises;                              /* in file order */
	size_t nexercises;
};

/*
 * Parse and validate a library. json need not be NUL-terminated. On success
 * fills *out (release with exercise_library_free) and returns true; on bad
 * input returns false, leaves *out empty and writes an English message
 * naming the exercise and field into err, e.g.
 * "exercises[2](sales.presentation).rubric: expected exactly 4 anchors \"1\" to \"4\", got 3".
 * err may be NULL.
 *
 * Checked: top level {"version", "exercises"}; each exercise has exactly the
 * known fields; keys valid and unique; kind known; duration 5..180; every
 * text in "de" and "en", not blank, fitting its buffer; 1–8 observation
 * points; the rubric is an object with exactly the anchors "1".."4"; 1–6
 * valid, distinct competency keys.
 */
bool exercise_library_parse(const char *json, size_t len, struct exercise_library *out, char *err, size_t errlen);

/* Frees what exercise_library_parse allocated and empties *lib; safe to repeat. */
void exercise_library_free(struct exercise_library *lib);

/* The exercise with this key, or NULL. */
const struct exercise *exercise_library_find(const struct exercise_library *lib, const char *key);

/* Does exercise e evidence competency `key`? */
bool exercise_evidences(const struct exercise *e, const char *key);

#endif
