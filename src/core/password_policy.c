/*
 * Password policy: length in code points, UTF-8 validity, user name and
 * common-password checks.
 *
 * Case is ignored by folding ASCII letters and the Latin-1 capitals encoded
 * as C3 80..C3 9E (Ä, Ö, Ü, ...), which keeps folded text the same length as
 * the original so strings can be compared byte by byte.
 */
#include "core/password_policy.h"

#include <string.h>

#include "core/i18n_mark.h"

/* A suffix of digits/punctuation after a listed word only counts as "common"
 * for entries at least this long; shorter ones would reject too much. */
#define COMMON_PREFIX_MIN_CHARS 6
#define USERNAME_MIN_CHARS 3

_Static_assert(PASSWORD_MIN_CHARS == 12, "update the TOO_SHORT message");
_Static_assert(PASSWORD_MAX_BYTES == 1024, "update the TOO_LONG message");

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (s == NULL)
		return len == 0;
	while (i < len) {
		unsigned char c = p[i];
		size_t need;
		unsigned char lo = 0x80, hi = 0xBF; /* range of the 2nd byte */

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;      /* overlong below U+0800 */
			else if (c == 0xED)
				hi = 0x9F;      /* surrogates U+D800..U+DFFF */
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;      /* overlong below U+10000 */
			else if (c == 0xF4)
				hi = 0x8F;      /* above U+10FFFF */
		} else {
			return false;           /* continuation, C0/C1, F5..FF */
		}
		if (len - i - 1 < need)
			return false;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return false;
		for (size_t k = 2; k <= need; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return false;
		i += need + 1;
	}
	return true;
}

size_t utf8_codepoints(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Byte i of s[0..) folded to lower case; see the file comment. */
static unsigned char fold_at(const unsigned char *s, size_t i)
{
	unsigned char c = s[i];

	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c + 32);
	if (i > 0 && s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
		return (unsigned char)(c + 0x20);
	return c;
}

static bool equal_folded(const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold_at(a, i) != fold_at(b, i))
			return false;
	return true;
}

static bool contains_folded(const unsigned char *hay, size_t hay_len,
                            const unsigned char *needle, size_t needle_len)
{
	if (needle_len > hay_len)
		return false;
	for (size_t off = 0; off + needle_len <= hay_len; off++) {
		/* Compare in place so fold_at() sees the real preceding byte. */
		size_t i = 0;
		while (i < needle_len && fold_at(hay, off + i) == fold_at(needle, i))
			i++;
		if (i == needle_len)
			return true;
	}
	return false;
}

static bool is_ascii_digit_or_punct(unsigned char c)
{
	return (c >= '!' && c <= '/') || (c >= '0' && c <= '9') ||
	       (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
	       (c >= '{' && c <= '~');
}

/* Whether pw matches the list entry e[0..elen) in the sense described for
 * PASSWORD_COMMON. */
static bool matches_entry(const unsigned char *pw, size_t pw_len,
                          const unsigned char *e, size_t elen)
{
	if (elen == 0 || elen > pw_len)
		return false;
	if (!equal_folded(pw, e, elen))
		return false;
	if (elen == pw_len)
		return true;
	if (!utf8_valid((const char *)e, elen) ||
	    utf8_codepoints((const char *)e, elen) < COMMON_PREFIX_MIN_CHARS)
		return false;
	for (size_t i = elen; i < pw_len; i++)
		if (!is_ascii_digit_or_punct(pw[i]))
			return false;
	return true;
}

static bool is_common(const unsigned char *pw, size_t pw_len,
                      const char *list, size_t list_len)
{
	const unsigned char *p = (const unsigned char *)list;
	size_t pos = 0;

	if (list == NULL)
		return false;
	while (pos < list_len) {
		const unsigned char *nl = memchr(p + pos, '\n', list_len - pos);
		size_t end = nl ? (size_t)(nl - p) : list_len;
		size_t start = pos;

		pos = end + 1;
		while (end > start && (p[end - 1] == '\r' || p[end - 1] == ' ' ||
		                       p[end - 1] == '\t'))
			end--;
		if (end == start || p[start] == '#')
			continue;
		if (matches_entry(pw, pw_len, p + start, end - start))
			return true;
	}
	return false;
}

enum password_problem password_policy_check(const char *password, const char *username,
                                            const char *common_list, size_t list_len)
{
	const char *pw = password ? password : "";
	size_t pw_len = strlen(pw);

	if (!utf8_valid(pw, pw_len))
		return PASSWORD_NOT_UTF8;
	if (pw_len > PASSWORD_MAX_BYTES)
		return PASSWORD_TOO_LONG;
	if (utf8_codepoints(pw, pw_len) < PASSWORD_MIN_CHARS)
		return PASSWORD_TOO_SHORT;
	if (username != NULL) {
		size_t user_len = strlen(username);
		size_t user_chars = utf8_valid(username, user_len)
		                    ? utf8_codepoints(username, user_len) : user_len;
		if (user_chars >= USERNAME_MIN_CHARS &&
		    contains_folded((const unsigned char *)pw, pw_len,
		                    (const unsigned char *)username, user_len))
			return PASSWORD_CONTAINS_USERNAME;
	}
	if (is_common((const unsigned char *)pw, pw_len, common_list, list_len))
		return PASSWORD_COMMON;
	return PASSWORD_OK;
}

const char *password_problem_message(enum password_problem p)
{
	switch (p) {
	case PASSWORD_OK:
		return N_("The password meets all requirements.");
	case PASSWORD_TOO_SHORT:
		return N_("The password must be at least 12 characters long.");
	case PASSWORD_TOO_LONG:
		return N_("The password must not be longer than 1024 bytes.");
	case PASSWORD_NOT_UTF8:
		return N_("The password contains invalid characters (it is not valid UTF-8).");
	case PASSWORD_COMMON:
		return N_("This password is too common and easy to guess. Please choose another one.");
	case PASSWORD_CONTAINS_USERNAME:
		return N_("The password must not contain the user name.");
	}
	return N_("The password is not acceptable.");
}
