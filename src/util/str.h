/*
 * str.h — small string helpers used across layers: comparisons, trimming,
 * bounded copies and percent-decoding.
 */
#ifndef STELLWERK_UTIL_STR_H
#define STELLWERK_UTIL_STR_H

#include <stdbool.h>
#include <stddef.h>

bool str_eq(const char *a, const char *b);                 /* NULL-safe */
bool str_starts_with(const char *s, const char *prefix);
bool str_empty(const char *s);                             /* NULL or "" */
/* Copies src into dst (size n), always NUL-terminated; false if truncated. */
bool str_copy(char *dst, size_t n, const char *src);
/* Trims ASCII whitespace in place, returns s. */
char *str_trim(char *s);
/* Decodes %XX and '+' (form encoding) in place; false on a malformed escape
 * or an encoded NUL byte. */
bool str_percent_decode(char *s, bool plus_is_space);
/* Parses a whole decimal integer in [min, max]; false on anything else. */
bool str_to_int64(const char *s, long long min, long long max, long long *out);

#endif
