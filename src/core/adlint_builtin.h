/*
 * adlint_builtin.h — the linter rules built into the binary: the embedded
 * data/adlint/NAME.txt files, compiled once per process and shared
 * read-only by every thread (CLI, editor, API).
 */
#ifndef STELLWERK_CORE_ADLINT_BUILTIN_H
#define STELLWERK_CORE_ADLINT_BUILTIN_H

#include <stddef.h>

#include "core/adlint.h"

/* The compiled built-in rules; the first call compiles them, any number of
 * threads may call at once. NULL, with the reason in err, when the embedded
 * data does not compile (then on every call). Never freed: they live as
 * long as the process. */
const struct adlint_rules *adlint_rules_builtin(char *err, size_t errlen);

#endif
