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

#endif
