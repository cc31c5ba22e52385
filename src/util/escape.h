/*
 * escape.h — escaping text for HTML and Markdown output, usable from every
 * layer (core/ must not include web/html.h); web/html.c's html_txt is built
 * on html_escape_into.
 */
#ifndef STELLWERK_UTIL_ESCAPE_H
#define STELLWERK_UTIL_ESCAPE_H

#include "util/buf.h"

/* Appends text to b with & < > " ' replaced by entities (&amp; &lt; &gt;
 * &quot; &#39;), so the result is safe in element content and in quoted
 * attribute values. NULL appends nothing. */
void html_escape_into(struct buf *b, const char *text);

/* Appends text to b as literal Markdown (CommonMark): the inline markup
 * characters \ ` * _ [ ] < > and | get a backslash, and so does a character
 * that would start a block at the beginning of a line (# + - = > or "1." /
 * "1)"). Line breaks in text become spaces. NULL appends nothing. */
void markdown_escape_into(struct buf *b, const char *text);

#endif
