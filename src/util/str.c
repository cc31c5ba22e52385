/*
 * str.c — string helpers; see str.h.
 */
#include "util/str.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

bool str_starts_with(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_empty(const char *s)
{
	return !s || !*s;
}

bool str_copy(char *dst, size_t n, const char *src)
{
	if (n == 0)
		return false;
	size_t len = strlen(src);
	bool fits = len < n;
	if (!fits)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
	return fits;
}

char *str_trim(char *s)
{
	size_t len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	size_t start = 0;
	while (s[start] && isspace((unsigned char)s[start]))
		start++;
	if (start)
		memmove(s, s + start, len - start + 1);
	return s;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool str_percent_decode(char *s, bool plus_is_space)
{
	char *out = s;
	for (const char *in = s; *in; in++) {
		if (*in == '%') {
			int hi = hex_value(in[1]), lo = hi < 0 ? -1 : hex_value(in[2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				return false; /* malformed, or an embedded NUL */
			*out++ = (char)(hi * 16 + lo);
			in += 2;
		} else if (*in == '+' && plus_is_space) {
			*out++ = ' ';
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
	return true;
}

bool str_to_int64(const char *s, long long min, long long max, long long *out)
{
	if (str_empty(s))
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max || isspace((unsigned char)*s))
		return false;
	*out = v;
	return true;
}
