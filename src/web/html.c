/*
 * html.c — escaping HTML writer; see html.h.
 */
#include "web/html.h"
#include "util/escape.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void html_raw(struct buf *b, const char *markup)
{
	buf_puts(b, markup);
}

void html_txt(struct buf *b, const char *text)
{
	html_escape_into(b, text);
}

void html_attr(struct buf *b, const char *value)
{
	html_txt(b, value);
}

void html_url_arg(struct buf *b, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)value; p && *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~' || *p == '/') {
			buf_putc(b, (char)*p);
		} else {
			char esc[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			buf_append(b, esc, 3);
		}
	}
}

/* Copies one conversion specification ("%-8.3lld") into spec; returns its
 * length in fmt, or 0 when it is not one html_printf supports. */
static size_t conversion_spec(const char *fmt, char *spec, size_t n)
{
	size_t i = 1;
	while (fmt[i] && strchr("-+ #0123456789.lzh", fmt[i]))
		i++;
	if (!fmt[i] || !strchr("sdiuxXc", fmt[i]) || i + 2 > n)
		return 0;
	memcpy(spec, fmt, i + 1);
	spec[i + 1] = '\0';
	return i + 1;
}

/* The per-conversion formats below are checked by html_printf's own format
 * attribute at every call site, so the non-literal use here is safe. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void html_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *run = fmt;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		buf_append(b, run, (size_t)(p - run));
		if (p[1] == '%') {
			buf_putc(b, '%');
			run = ++p + 1;
			continue;
		}
		char spec[24], tmp[64];
		size_t len = conversion_spec(p, spec, sizeof spec);
		if (len == 0) {
			buf_puts(b, "(bad-format)");
			run = "";
			break;
		}
		char conv = spec[len - 1];
		if (conv == 's') {
			const char *s = va_arg(ap, const char *);
			if (strcmp(spec, "%s") == 0) {
				html_txt(b, s ? s : "");
			} else {
				struct buf t = BUF_INIT;
				buf_printf(&t, spec, s ? s : "");
				html_txt(b, buf_cstr(&t));
				buf_free(&t);
			}
		} else {
			/* Integer conversions: pick the argument type from the length modifier. */
			if (strstr(spec, "ll"))
				snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long));
			else if (strchr(spec, 'l'))
				snprintf(tmp, sizeof tmp, spec, va_arg(ap, long));
			else if (strchr(spec, 'z'))
				snprintf(tmp, sizeof tmp, spec, va_arg(ap, size_t));
			else
				snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
			html_txt(b, tmp);
		}
		p += len - 1;
		run = p + 1;
	}
	buf_puts(b, run);
	va_end(ap);
}
#pragma GCC diagnostic pop
