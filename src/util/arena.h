/*
 * arena.h — a region allocator for everything that lives as long as one
 * request (Kore's pool.c). Allocations are never freed one by one; the whole
 * arena goes at once with arena_free when the response has been sent.
 */
#ifndef STELLWERK_UTIL_ARENA_H
#define STELLWERK_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

#define ARENA_INIT { NULL }

void *arena_alloc(struct arena *a, size_t n);          /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);                      /* frees every block; a is reusable */

#endif
