/*
 * xalloc.h — allocation that never returns NULL.
 *
 * Every allocation in stellwerk goes through these wrappers. When the system is
 * out of memory there is nothing sensible left to do for a request server, so we
 * print a message and abort (Fossil's fossil_malloc does the same).
 */
#ifndef STELLWERK_UTIL_XALLOC_H
#define STELLWERK_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);            /* caller frees */
char *xstrndup(const char *s, size_t n); /* caller frees; copies at most n bytes */

/* Appends one zeroed element to the growable array *items of *count elements
 * and *cap capacity, doubling the capacity (first 16) when it is full; aborts
 * like xrealloc when out of memory or when the size would overflow size_t.
 * items_ptr is the address of the array pointer (a T **, T of elem_size
 * bytes). Returns the new element and increments *count; the caller frees
 * *items.
 *
 *	struct row *list = NULL;
 *	size_t count = 0, cap = 0;
 *	row_from_stmt(st, xgrow(&list, &count, &cap, sizeof *list));
 */
void *xgrow(void *items_ptr, size_t *count, size_t *cap, size_t elem_size);

#endif
