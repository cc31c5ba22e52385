/*
 * login_attempts.h — recorded login attempts, the input of the login
 * throttle (core/login_throttle.h).
 */
#ifndef STELLWERK_STORE_LOGIN_ATTEMPTS_H
#define STELLWERK_STORE_LOGIN_ATTEMPTS_H

#include "core/login_throttle.h"
#include "store/store.h"

enum store_rc store_login_attempt_record(struct store *s, const char *ip, const char *username, bool ok, int64_t now);
/* Failures since `since` for this IP and for this user name (case-insensitive). A
 * successful login does not erase earlier failures but resets the account count. */
enum store_rc store_login_failures(struct store *s, const char *ip, const char *username, int64_t since,
				   struct login_failures *by_ip, struct login_failures *by_account);
enum store_rc store_login_attempts_purge(struct store *s, int64_t before);

#endif
