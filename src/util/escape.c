/*
 * escape.c — HTML and Markdown escaping; see escape.h.
 */
#include "util/escape.h"

#include <stdbool.h>
#include <string.h>

void html_escape_into(struct buf *b, const char *text)
{
	if (!text)
		return;
	const char *run = text;
	for (const char *p = text; *p; p++) {
		const char *rep;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_append(b, run, (size_t)(p - run));
		buf_puts(b, rep);
		run = p + 1;
	}
	buf_puts(b, run);
}

void markdown_escape_into(struct buf *b, const char *text)
{
	if (!text)
		return;
	bool line_start = true;
	for (const char *p = text; *p; p++) {
		char c = *p;
		if (c == '\r')
			continue;
		if (c == '\n') {
			buf_putc(b, ' ');
			continue;
		}
		if (line_start) {
			const char *d = p;
			while (*d >= '0' && *d <= '9')
				d++;
			if (d > p && (*d == '.' || *d == ')')) {
				/* "1." would start an ordered list */
				buf_append(b, p, (size_t)(d - p));
				buf_putc(b, '\\');
				buf_putc(b, *d);
				p = d;
				line_start = false;
				continue;
			}
			if (strchr("#+-=", c))
				buf_putc(b, '\\');
		}
		if (strchr("\\`*_[]<>|", c))
			buf_putc(b, '\\');
		buf_putc(b, c);
		line_start = false;
	}
}
