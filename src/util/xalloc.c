/*
 * xalloc.c — allocation wrappers that abort with a message instead of
 * returning NULL, so callers never carry out-of-memory branches.
 */
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t n)
{
	fprintf(stderr, "stellwerk: out of memory (requested %zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

void *xgrow(void *items_ptr, size_t *count, size_t *cap, size_t elem_size)
{
	char *items;

	/* The pointer is copied, not dereferenced as void **, so any T ** works. */
	memcpy(&items, items_ptr, sizeof items);
	if (*count >= *cap) {
		size_t new_cap = *cap ? *cap : 8;
		if (new_cap > SIZE_MAX / 2 || (elem_size && new_cap * 2 > SIZE_MAX / elem_size)) {
			fprintf(stderr, "stellwerk: array of %zu elements of %zu bytes cannot grow\n",
			        *cap, elem_size);
			abort();
		}
		new_cap *= 2;
		items = xrealloc(items, new_cap * elem_size);
		memcpy(items_ptr, &items, sizeof items);
		*cap = new_cap;
	}
	char *slot = items + *count * elem_size;
	memset(slot, 0, elem_size);
	(*count)++;
	return slot;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
