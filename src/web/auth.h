/*
 * auth.h — who is asking: session cookies, API tokens, CSRF tokens and the
 * language of the response (R-X-2, R-X-3).
 *
 * Session ids carry 256 random bits and are stored only as SHA-256 hashes;
 * the cookie is HttpOnly, SameSite=Lax and Secure under TLS. Logged-in forms
 * echo the session's CSRF token; anonymous forms (login, language) use a
 * double-submit token from the sw_csrf cookie.
 */
#ifndef STELLWERK_WEB_AUTH_H
#define STELLWERK_WEB_AUTH_H

#include "web/request.h"

#define COOKIE_SESSION "sw_session"
#define COOKIE_CSRF "sw_csrf"
#define COOKIE_LANG "sw_lang"

enum auth_result { AUTH_NONE, AUTH_OK, AUTH_BAD_TOKEN };

/* Resolves session or Bearer token and the response language. */
enum auth_result auth_resolve(struct request *r);
/* Makes sure r->csrf is set, creating a pre-session cookie token if needed. */
void auth_ensure_csrf(struct request *r);
/* True when the request carries the expected CSRF token (form field "csrf"
 * or header X-CSRF-Token). Token-authenticated requests need none. */
bool auth_csrf_ok(struct request *r);
/* Starts a fresh session for u (rotating any old one) and sets the cookie. */
bool auth_start_session(struct request *r, const struct user *u);
void auth_end_session(struct request *r);
/* Recomputes the response language after a preference change. */
void auth_apply_language(struct request *r);

#endif
