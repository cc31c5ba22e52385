/*
 * auth.c — session and token resolution, CSRF tokens, session start and end;
 * see auth.h.
 */
#include "web/auth.h"

#include <string.h>
#include <strings.h>

#include "core/session_policy.h"
#include "store/sessions.h"
#include "store/tokens.h"
#include "util/crypto.h"
#include "util/log.h"
#include "util/str.h"

void auth_apply_language(struct request *r)
{
	enum lang l;
	if (r->authenticated && lang_parse(r->user.lang, &l))
		r->lang = l;
	else if (lang_parse(req_cookie(r, COOKIE_LANG), &l))
		r->lang = l;
	else
		r->lang = lang_from_accept_language(req_header(r, "Accept-Language"));
	i18n_set_lang(r->lang);
}

static void set_principal(struct request *r)
{
	r->principal.authenticated = r->authenticated;
	r->principal.disabled = r->user.disabled;
	r->principal.role = r->user.role;
}

static enum auth_result resolve_token(struct request *r, const char *token)
{
	char hash[DIGEST_HEX_LEN + 1];
	struct api_token t;
	crypto_sha256_hex(token, strlen(token), hash);
	if (store_token_by_hash(r->store, hash, &t) != STORE_OK)
		return AUTH_BAD_TOKEN;
	if (store_user_by_id(r->store, t.user_id, &r->user) != STORE_OK || r->user.disabled)
		return AUTH_BAD_TOKEN;
	if (r->now - t.last_used_at >= 60)
		store_token_touch(r->store, t.id, r->now);
	r->authenticated = true;
	r->via_token = true;
	return AUTH_OK;
}

static enum auth_result resolve_session(struct request *r, const char *cookie)
{
	char hash[DIGEST_HEX_LEN + 1];
	crypto_sha256_hex(cookie, strlen(cookie), hash);
	if (store_session_get(r->store, hash, &r->session) != STORE_OK)
		return AUTH_NONE;
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;
	if (session_policy_check(p, r->session.created_at, r->session.last_seen_at, r->now) != SESSION_VALID ||
	    store_user_by_id(r->store, r->session.user_id, &r->user) != STORE_OK || r->user.disabled) {
		store_session_delete(r->store, hash);
		memset(&r->user, 0, sizeof r->user);
		return AUTH_NONE;
	}
	if (session_policy_needs_touch(p, r->session.last_seen_at, r->now))
		store_session_touch(r->store, hash, r->now);
	r->authenticated = true;
	r->csrf = r->session.csrf;
	return AUTH_OK;
}

enum auth_result auth_resolve(struct request *r)
{
	enum auth_result res = AUTH_NONE;
	const char *authz = req_header(r, "Authorization");
	const char *cookie = req_cookie(r, COOKIE_SESSION);
	if (authz && strncasecmp(authz, "Bearer ", 7) == 0)
		res = resolve_token(r, authz + 7);
	else if (cookie && strlen(cookie) < 128)
		res = resolve_session(r, cookie);
	set_principal(r);
	auth_apply_language(r);
	return res;
}

void auth_ensure_csrf(struct request *r)
{
	if (r->csrf)
		return;
	const char *c = req_cookie(r, COOKIE_CSRF);
	if (c && strlen(c) >= 32 && strlen(c) < TOKEN_TEXT_MAX) {
		r->csrf = c;
		return;
	}
	char *token = arena_alloc(&r->arena, TOKEN_TEXT_MAX);
	crypto_random_token(token, "");
	r->csrf = token;
	resp_set_cookie(r, COOKIE_CSRF, token, 0);
}

bool auth_csrf_ok(struct request *r)
{
	if (r->via_token)
		return true;
	const char *expected = r->authenticated ? r->session.csrf : req_cookie(r, COOKIE_CSRF);
	const char *given = req_form(r, "csrf");
	if (!given)
		given = req_header(r, "X-CSRF-Token");
	if (str_empty(expected) || str_empty(given))
		return false;
	return crypto_str_equal(expected, given);
}

bool auth_start_session(struct request *r, const struct user *u)
{
	const char *old = req_cookie(r, COOKIE_SESSION);
	if (old && strlen(old) < 128) {
		char old_hash[DIGEST_HEX_LEN + 1];
		crypto_sha256_hex(old, strlen(old), old_hash);
		store_session_delete(r->store, old_hash);
	}
	char id[TOKEN_TEXT_MAX];
	struct session s = { 0 };
	crypto_random_token(id, "");
	crypto_sha256_hex(id, strlen(id), s.id_hash);
	crypto_random_token(s.csrf, "");
	s.user_id = u->id;
	s.created_at = r->now;
	s.last_seen_at = r->now;
	str_copy(s.ip, sizeof s.ip, r->ip);
	const char *ua = req_header(r, "User-Agent");
	str_copy(s.user_agent, sizeof s.user_agent, ua ? ua : "");
	if (store_session_create(r->store, &s) != STORE_OK) {
		log_error("could not create a session for user %lld", (long long)u->id);
		return false;
	}
	r->session = s;
	r->user = *u;
	r->authenticated = true;
	r->csrf = arena_strdup(&r->arena, s.csrf);
	set_principal(r);
	resp_set_cookie(r, COOKIE_SESSION, id, 0);
	return true;
}

void auth_end_session(struct request *r)
{
	if (r->authenticated && !r->via_token)
		store_session_delete(r->store, r->session.id_hash);
	resp_clear_cookie(r, COOKIE_SESSION);
	r->authenticated = false;
	set_principal(r);
}
