/*
 * user_rules.h — validation of account fields shared by the CLI, the web
 * forms and the API, so all three accept and refuse the same input.
 */
#ifndef STELLWERK_CORE_USER_RULES_H
#define STELLWERK_CORE_USER_RULES_H

#include <stdbool.h>
#include <stddef.h>

#define USER_NAME_MIN_LEN 2
#define USER_NAME_MAX_LEN 63
#define DISPLAY_NAME_MAX_LEN 120

/* Lowercases name in place and checks 2–63 characters of [a-z0-9._-]
 * starting with a letter or digit. Returns NULL when valid, else an English
 * msgid explaining the rule. */
const char *user_name_normalize(char *name);
/* Display names: up to 120 bytes of valid UTF-8 without control characters;
 * empty is allowed (the login name is shown instead). */
const char *display_name_check(const char *display_name);

#endif
