/*
 * bank_source.h — the built-in question banks (data/questions/<role>.json,
 * R-INT-1) and the sales exercise library (data/exercises/sales.json,
 * R-SALES-1), parsed from the embedded files once per process and shared
 * read-only by every thread (pages, API, CLI). Users' own questions come
 * from the store (store/questions.h), not from here.
 */
#ifndef STELLWERK_WEB_BANK_SOURCE_H
#define STELLWERK_WEB_BANK_SOURCE_H

#include <stddef.h>

#include "core/exercises.h"
#include "core/question_bank.h"

/* The built-in bank of role template `role_key` ("kam", "bdm", "hoe"), or
 * NULL when there is none or it does not parse (logged once). Never freed. */
const struct question_bank *bank_builtin_questions(const char *role_key);

/* The built-in banks: those of the built-in role templates in display
 * order (kam, bdm, hoe), then any other data/questions file; *n receives
 * the count. Never NULL (an empty array when none parse). */
const struct question_bank *bank_builtin_all(size_t *n);

/* A built-in question by its reference key ("kam.rel.01") in whichever
 * bank holds it, or NULL (also for "custom.<id>" references). */
const struct bank_question *bank_builtin_question(const char *key);

/* The exercise library, or NULL when it does not parse (logged once). */
const struct exercise_library *bank_builtin_exercises(void);

#endif
