/*
 * buf.h — the one growable byte buffer (Fossil's Blob, Redis' sds).
 *
 * A buf is always NUL-terminated after buf_init, so data can be handed to
 * C string functions. Growth never fails (see xalloc.h).
 */
#ifndef STELLWERK_UTIL_BUF_H
#define STELLWERK_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);                 /* len = 0, keeps memory */
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
char *buf_detach(struct buf *b);               /* returns data (caller frees), leaves b empty */
const char *buf_cstr(struct buf *b);           /* never NULL */

#endif
