/*
 * Rules a new password must satisfy (R-X-2).
 *
 * Following NIST SP 800-63B: a minimum length counted in Unicode code points,
 * a generous maximum, no composition rules, and a check against a list of
 * commonly used passwords and against the account's own user name. The list
 * is data (data/common-passwords.txt, embedded into the binary) and is passed
 * in, so this module does no I/O.
 */
#ifndef STELLWERK_CORE_PASSWORD_POLICY_H
#define STELLWERK_CORE_PASSWORD_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN_CHARS 12     /* Unicode code points, not bytes */
#define PASSWORD_MAX_BYTES 1024

enum password_problem {
	PASSWORD_OK,
	PASSWORD_TOO_SHORT,
	PASSWORD_TOO_LONG,
	PASSWORD_NOT_UTF8,
	PASSWORD_COMMON,
	PASSWORD_CONTAINS_USERNAME
};

/*
 * Check a proposed password. Problems are reported in this order, first hit
 * wins: NOT_UTF8, TOO_LONG (more than PASSWORD_MAX_BYTES bytes), TOO_SHORT
 * (fewer than PASSWORD_MIN_CHARS code points), CONTAINS_USERNAME (username of
 * at least 3 code points occurs in it, ignoring case), COMMON.
 *
 * common_list: newline-separated list (the embedded data/common-passwords.txt,
 * may contain '#' comment lines and CRLF), not NUL-terminated, length
 * list_len; may be NULL. A password is common if it equals an entry ignoring
 * case, or if it is an entry of at least 6 code points followed only by ASCII
 * digits and punctuation ("Passwort1234!" when "passwort" is listed).
 *
 * password NULL counts as empty; username may be NULL.
 */
enum password_problem password_policy_check(const char *password, const char *username,
                                            const char *common_list, size_t list_len);

/* English msgid (marked with N_) explaining the problem to the user. */
const char *password_problem_message(enum password_problem p);

/* Whether s[0..len) is well-formed UTF-8: rejects overlong forms, surrogates
 * (U+D800..U+DFFF), code points above U+10FFFF and truncated sequences. */
bool utf8_valid(const char *s, size_t len);

/* Number of code points in s[0..len), which must be valid UTF-8. */
size_t utf8_codepoints(const char *s, size_t len);

#endif
