/*
 * page_login.c — login and logout (R-X-2): argon2id verification, login
 * throttling per IP and per account with audit entries, session rotation,
 * and a redirect back to the page the user wanted.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/login_throttle.h"
#include "store/audit.h"
#include "store/login_attempts.h"
#include "util/crypto.h"
#include "util/log.h"
#include "util/str.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

#define LOGIN_FIELD_MAX 1024

void page_root(struct request *r)
{
	resp_redirect(r, r->authenticated ? "/dashboard" : "/login");
}

static void render_login(struct request *r, const char *username, const char *error, const char *next)
{
	page_begin(r, _("Log in"), NAV_NONE);
	struct buf *o = &r->out;
	html_printf(o, "<h1>%s</h1><p class=\"lead\">%s</p>", _("Log in"),
		    _("Structured hiring for key roles: from the requirements profile to the first 90 days."));
	if (error)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", error);
	page_flash(r);
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/login\">");
	csrf_field(r);
	html_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
	struct form_input user = { "username", _("User name"), "text", username, NULL, "username", true };
	struct form_input pass = { "password", _("Password"), "password", NULL, NULL, "current-password", true };
	form_text(r, NULL, &user);
	form_text(r, NULL, &pass);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary btn-block\">%s</button></div></form>",
		    _("Log in"));
	html_printf(o, "<p class=\"auth-foot muted\">%s</p>",
		    _("Forgot your password? An administrator can set a new one under Settings → Users."));
	page_end(r);
}

void page_login(struct request *r)
{
	const char *next = safe_local_path(req_query(r, "next"), "/dashboard");
	if (r->authenticated) {
		resp_redirect(r, next);
		return;
	}
	render_login(r, "", NULL, next);
}

/* A hash to verify against when the user does not exist, so that unknown
 * names take as long as wrong passwords. */
static char dummy_hash[PASSWORD_HASH_MAX];
static void make_dummy_hash(void)
{
	crypto_password_hash("stellwerk-timing-equaliser", dummy_hash);
}

static void audit_login(struct request *r, int64_t user_id, const char *username, const char *action)
{
	struct actor a = { user_id, username, r->ip };
	json_t *details = json_pack("{s:s}", "user", username);
	char *text = json_dumps(details, JSON_COMPACT);
	store_audit(r->store, &a, "session", user_id, action, text, r->now);
	free(text);
	json_decref(details);
}

void page_login_submit(struct request *r)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	const char *next = safe_local_path(req_form(r, "next"), "/dashboard");
	const char *username = req_form(r, "username");
	const char *password = req_form(r, "password");
	if (!username || !password || strlen(username) > LOGIN_FIELD_MAX || strlen(password) > LOGIN_FIELD_MAX) {
		r->status = 400;
		render_login(r, "", _("Please enter your user name and password."), next);
		return;
	}
	char name[USER_NAME_MAX];
	str_copy(name, sizeof name, username);
	str_trim(name);

	struct login_failures by_ip = { 0 }, by_account = { 0 };
	const struct login_throttle_policy *policy = &LOGIN_THROTTLE_DEFAULT;
	if (store_login_failures(r->store, r->ip, name, r->now - policy->window_seconds, &by_ip, &by_account) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	struct login_throttle_result t = login_throttle_decide(policy, by_ip, by_account, r->now);
	if (t.verdict != LOGIN_ALLOWED) {
		audit_login(r, 0, name, t.verdict == LOGIN_BLOCKED_IP ? "login_blocked_ip" : "login_blocked_account");
		long long minutes = (t.retry_after_seconds + 59) / 60;
		resp_header(r, "Retry-After", arena_printf(&r->arena, "%lld", (long long)t.retry_after_seconds));
		r->status = 429;
		render_login(r, name, arena_printf(&r->arena, i18n_ngettext(
			"Too many failed logins. Please try again in %lld minute.",
			"Too many failed logins. Please try again in %lld minutes.", (unsigned long)minutes), minutes), next);
		return;
	}

	struct user u;
	bool found = store_user_by_name(r->store, name, &u) == STORE_OK;
	bool ok;
	if (found) {
		ok = crypto_password_verify(u.password_hash, password) && !u.disabled;
	} else {
		pthread_once(&once, make_dummy_hash);
		crypto_password_verify(dummy_hash, password);
		ok = false;
	}
	store_login_attempt_record(r->store, r->ip, name, ok, r->now);
	if (!ok) {
		audit_login(r, found ? u.id : 0, name, "login_failed");
		r->status = 401;
		render_login(r, name, _("The user name or password is wrong, or the account is disabled."), next);
		return;
	}
	if (crypto_password_needs_rehash(u.password_hash)) {
		char hash[PASSWORD_HASH_MAX];
		struct actor a = { u.id, u.name, r->ip };
		if (crypto_password_hash(password, hash))
			store_user_set_password(r->store, &a, u.id, hash, r->now);
	}
	if (!auth_start_session(r, &u)) {
		page_error(r, 500, NULL);
		return;
	}
	audit_login(r, u.id, u.name, "login");
	resp_redirect(r, next);
}

void page_logout(struct request *r)
{
	if (r->authenticated)
		audit_login(r, r->user.id, r->user.name, "logout");
	auth_end_session(r);
	resp_redirect(r, "/login?done=loggedout");
}
