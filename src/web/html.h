/*
 * html.h — the one HTML writer (STYLE habit 1, cgit's html.c).
 *
 * Text and attribute values are escaped by default: html_txt, html_attr and
 * every %s of html_printf escape their argument. Trusted markup needs the
 * visibly different html_raw, which must only ever get string literals or
 * markup built by this module.
 */
#ifndef STELLWERK_WEB_HTML_H
#define STELLWERK_WEB_HTML_H

#include "util/buf.h"

void html_raw(struct buf *b, const char *markup);
void html_txt(struct buf *b, const char *text);        /* escapes & < > " ' */
void html_attr(struct buf *b, const char *value);      /* same escaping, for attribute values */
void html_url_arg(struct buf *b, const char *value);   /* percent-encodes for a query argument */
/* printf where every %s argument is HTML-escaped; numbers are printed as usual. */
void html_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
