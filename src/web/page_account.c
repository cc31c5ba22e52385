/*
 * page_account.c — the user's own account under Settings: display name,
 * language preference and password change (current password required; all
 * sessions are ended and a fresh one started).
 */
#include <string.h>

#include "core/password_policy.h"
#include "core/roles.h"
#include "core/user_rules.h"
#include "store/sessions.h"
#include "util/crypto.h"
#include "util/embedded.h"
#include "util/str.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

static void render_account(struct request *r, const struct form_errors *profile_errors,
			   const struct form_errors *password_errors, const char *display_name)
{
	struct buf *o = &r->out;
	page_begin(r, _("Settings"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings");
	page_flash(r);

	html_printf(o, "<section class=\"card\"><h2>%s</h2><dl class=\"facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>"
		       "<span class=\"badge badge-%s\">%s</span></dd></dl>",
		    _("Your account"), _("User name"), r->user.name, _("Role"), role_name(r->user.role),
		    _(role_label(r->user.role)));
	form_error_summary(r, profile_errors);
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/profile\" novalidate>");
	csrf_field(r);
	struct form_input dn = { "display_name", _("Display name"), "text", display_name,
				 _("Shown in the navigation, on scorecards and in the audit log."), "name", false };
	form_text(r, profile_errors, &dn);
	html_printf(o, "<div class=\"field\"><label for=\"f-lang\">%s</label><select id=\"f-lang\" name=\"lang\">", _("Language"));
	static const struct { const char *code; const char *label; } langs[] = {
		{ "", N_("Like the browser") }, { "de", "Deutsch" }, { "en", "English" },
	};
	for (size_t i = 0; i < 3; i++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", langs[i].code,
			    strcmp(r->user.lang, langs[i].code) == 0 ? " selected" : "", i == 0 ? _(langs[i].label) : langs[i].label);
	html_printf(o, "</select></div><div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Save"));

	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Change password"));
	form_error_summary(r, password_errors);
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/password\" novalidate>");
	csrf_field(r);
	struct form_input cur = { "current_password", _("Current password"), "password", NULL, NULL, "current-password", true };
	struct form_input np = { "new_password", _("New password"), "password", NULL,
				 _("At least 12 characters. A sentence of several words is easy to remember and hard to guess."),
				 "new-password", true };
	struct form_input rep = { "new_password_repeat", _("Repeat new password"), "password", NULL, NULL, "new-password", true };
	form_text(r, password_errors, &cur);
	form_text(r, password_errors, &np);
	form_text(r, password_errors, &rep);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Change password"));
	page_end(r);
}

void page_account(struct request *r)
{
	render_account(r, NULL, NULL, r->user.display_name);
}

void page_account_profile(struct request *r)
{
	struct form_errors fe = { 0 };
	const char *dn = req_form(r, "display_name");
	const char *lang = req_form(r, "lang");
	char display[DISPLAY_NAME_MAX_LEN + 2] = "";
	const char *problem = NULL;
	if (dn) {
		char *copy = arena_strdup(&r->arena, dn);
		str_trim(copy);
		problem = display_name_check(copy);
		if (!problem)
			str_copy(display, sizeof display, copy);
	}
	if (problem)
		form_error(&fe, "display_name", _(problem));
	enum lang l;
	if (lang && *lang && !lang_parse(lang, &l))
		form_error(&fe, "lang", _("Unknown language. Choose DE or EN."));
	if (fe.n) {
		r->status = 422;
		render_account(r, &fe, NULL, dn);
		return;
	}
	struct actor a = req_actor(r);
	if (store_begin(r->store) != STORE_OK)
		goto fail;
	if (dn && store_user_set_display_name(r->store, &a, r->user.id, display, r->now) != STORE_OK)
		goto fail;
	if (lang && store_user_set_lang(r->store, &a, r->user.id, lang, r->now) != STORE_OK)
		goto fail;
	if (store_commit(r->store) != STORE_OK)
		goto fail;
	resp_redirect(r, "/settings?done=saved");
	return;
fail:
	store_rollback(r->store);
	page_error(r, 500, NULL);
}

void page_account_password(struct request *r)
{
	struct form_errors fe = { 0 };
	const char *cur = req_form(r, "current_password");
	const char *np = req_form(r, "new_password");
	const char *rep = req_form(r, "new_password_repeat");
	if (!cur || !crypto_password_verify(r->user.password_hash, cur))
		form_error(&fe, "current_password", _("The current password is wrong."));
	const struct embedded_file *list = embedded_find("data/common-passwords.txt");
	enum password_problem pp = password_policy_check(np ? np : "", r->user.name, list ? (const char *)list->data : NULL,
							 list ? list->len : 0);
	if (pp != PASSWORD_OK)
		form_error(&fe, "new_password", _(password_problem_message(pp)));
	else if (!rep || strcmp(np, rep) != 0)
		form_error(&fe, "new_password_repeat", _("The two new passwords differ."));
	if (fe.n) {
		r->status = 422;
		render_account(r, NULL, &fe, r->user.display_name);
		return;
	}
	char hash[PASSWORD_HASH_MAX];
	struct actor a = req_actor(r);
	if (!crypto_password_hash(np, hash) || store_begin(r->store) != STORE_OK)
		goto fail;
	if (store_user_set_password(r->store, &a, r->user.id, hash, r->now) != STORE_OK ||
	    store_session_delete_for_user(r->store, r->user.id) != STORE_OK || store_commit(r->store) != STORE_OK) {
		store_rollback(r->store);
		goto fail;
	}
	str_copy(r->user.password_hash, sizeof r->user.password_hash, hash);
	r->authenticated = false;
	if (!auth_start_session(r, &r->user))
		goto fail;
	resp_redirect(r, "/settings?done=password");
	return;
fail:
	page_error(r, 500, NULL);
}
