/*
 * page_users.c — the admin page for users under Settings: list, create
 * (with a generated one-time password), disable/enable, change role. The
 * last active administrator can be neither disabled nor demoted.
 */
#include <stdlib.h>
#include <string.h>

#include "core/roles.h"
#include "store/sessions.h"
#include "util/crypto.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/user_admin.h"

struct create_form {
	const struct form_errors *fe;
	const struct new_user_input *in;
	const struct user *created;
	const char *generated;
	bool reset;                /* generated is a new password for created, not a new account */
};

static void role_select(struct request *r, const char *id, enum role selected)
{
	html_printf(&r->out, "<select id=\"%s\" name=\"role\">", id);
	for (int k = 0; k < ROLE__COUNT; k++)
		html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", role_name((enum role)k),
			    (enum role)k == selected ? " selected" : "", _(role_label((enum role)k)));
	html_raw(&r->out, "</select>");
}

static void user_row(struct request *r, const struct user *u)
{
	struct buf *o = &r->out;
	char created[64];
	i18n_format_date(created, sizeof created, (time_t)u->created_at, r->lang);
	html_printf(o, "<tr><td>%s</td><td>%s</td><td><span class=\"badge badge-%s\">%s</span></td><td>", u->name,
		    u->display_name, role_name(u->role), _(role_label(u->role)));
	if (u->disabled)
		html_printf(o, "<span class=\"badge badge-muted\">%s</span>", _("Disabled"));
	else
		html_printf(o, "<span class=\"badge badge-ok\">%s</span>", _("Active"));
	html_printf(o, "</td><td>%s</td><td class=\"row-actions\">", created);
	if (u->id != r->user.id) {
		html_printf(o, "<form method=\"post\" action=\"/settings/users/%lld/role\" class=\"inline\">", (long long)u->id);
		csrf_field(r);
		char *sel_id = arena_printf(&r->arena, "role-%lld", (long long)u->id);
		html_printf(o, "<label class=\"visually-hidden\" for=\"%s\">%s</label>", sel_id, _("Role"));
		role_select(r, sel_id, u->role);
		html_printf(o, "<button class=\"btn btn-small\">%s</button></form>", _("Change role"));
		html_printf(o, "<form method=\"post\" action=\"/settings/users/%lld/password\" data-confirm=\"%s\">",
			    (long long)u->id, _("Set a new random password for this user? Their sessions end at once."));
		csrf_field(r);
		html_printf(o, "<button class=\"btn btn-small\">%s</button></form>", _("New password"));
		if (u->disabled) {
			html_printf(o, "<form method=\"post\" action=\"/settings/users/%lld/enable\">", (long long)u->id);
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-small\">%s</button></form>", _("Enable"));
		} else {
			html_printf(o, "<form method=\"post\" action=\"/settings/users/%lld/disable\" data-confirm=\"%s\">",
				    (long long)u->id, _("Disable this user? They are logged out at once."));
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form>", _("Disable"));
		}
	} else {
		html_printf(o, "<span class=\"muted\">%s</span>", _("That's you"));
	}
	html_raw(o, "</td></tr>");
}

static void render_users(struct request *r, const struct create_form *cf, const char *error)
{
	struct buf *o = &r->out;
	struct user *users = NULL;
	size_t n = 0;
	if (store_user_list(r->store, &users, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("Users"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/users");
	page_flash(r);
	if (error)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", error);
	if (cf && cf->created) {
		if (cf->reset)
			html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>",
				    _("A new password has been set and the user's sessions were ended."));
		else
			html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _("The user has been created."));
		if (cf->generated) {
			html_printf(o, "<p>%s <strong>%s</strong></p><pre class=\"secret\"><code id=\"new-password\">%s</code></pre>",
				    _("Password (shown only once — pass it on securely) for"), cf->created->name, cf->generated);
			html_printf(o, "<p class=\"secret-note\"><button type=\"button\" class=\"btn btn-small\" data-copy=\"new-password\" "
				       "data-copied-label=\"%s\" hidden>%s</button></p>", _("Copied"), _("Copy"));
		}
	}
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Everyone who can log in"), _("User name"), _("Display name"), _("Role"), _("Status"), _("Created"), _("Actions"));
	for (size_t i = 0; i < n; i++)
		user_row(r, &users[i]);
	html_raw(o, "</tbody></table></div>");
	free(users);

	const struct form_errors *fe = cf && !cf->created && !cf->reset ? cf->fe : NULL;
	const struct new_user_input *in = cf && !cf->created ? cf->in : NULL;
	html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p>", _("Add a user"),
		    _("Administrators manage users and see the audit log. Recruiters and hiring managers run positions. "
		      "Interviewers see what they are assigned to."));
	form_error_summary(r, fe);
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/users\" novalidate>");
	csrf_field(r);
	struct form_input name = { "name", _("User name"), "text", in ? in->name : "",
				   _("Lowercase letters, digits, '.', '_' or '-', e.g. m.keller"), "off", true };
	struct form_input dn = { "display_name", _("Display name"), "text", in ? in->display_name : "", NULL, "off", false };
	struct form_input pw = { "password", _("Initial password"), "password", NULL,
				 _("Leave empty to generate a secure password that is shown once."), "new-password", false };
	form_text(r, fe, &name);
	form_text(r, fe, &dn);
	enum role sel = ROLE_INTERVIEWER;
	if (in)
		role_parse(in->role, &sel);
	const char *role_err = form_error_for(fe, "role");
	html_printf(o, "<div class=\"field%s\"><label for=\"f-role\">%s</label>", role_err ? " has-error" : "", _("Role"));
	role_select(r, "f-role", sel);
	if (role_err)
		html_printf(o, "<p class=\"field-error\">%s</p>", role_err);
	html_raw(o, "</div>");
	form_text(r, fe, &pw);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Add user"));
	page_end(r);
}

void page_users(struct request *r)
{
	render_users(r, NULL, NULL);
}

void page_users_create(struct request *r)
{
	struct form_errors fe = { 0 };
	struct new_user_input in = { req_form(r, "name"), req_form(r, "display_name"), req_form(r, "role"),
				     req_form(r, "password") };
	struct user created;
	const char *generated = NULL;
	enum user_admin_result res = user_admin_create(r, &in, &created, &generated, &fe);
	if (res == USER_ADMIN_FAILED) {
		page_error(r, 500, NULL);
		return;
	}
	struct create_form cf = { &fe, &in, res == USER_ADMIN_OK ? &created : NULL, generated, false };
	if (res == USER_ADMIN_INVALID)
		r->status = 422;
	render_users(r, &cf, NULL);
}

/* Loads the target of a per-user action; refuses acting on oneself. */
static bool load_target(struct request *r, struct user *target)
{
	if (store_user_by_id(r->store, req_path_arg(r, 0), target) != STORE_OK) {
		page_error(r, 404, NULL);
		return false;
	}
	if (target->id == r->user.id) {
		r->status = 409;
		render_users(r, NULL, _("You cannot change your own role or disable yourself."));
		return false;
	}
	return true;
}

static void set_disabled(struct request *r, bool disabled)
{
	struct user target;
	if (!load_target(r, &target))
		return;
	if (disabled && user_admin_is_last_admin(r, &target)) {
		r->status = 409;
		render_users(r, NULL, _("This is the last active administrator and cannot be disabled."));
		return;
	}
	struct actor a = req_actor(r);
	if (store_begin(r->store) != STORE_OK)
		goto fail;
	if (store_user_set_disabled(r->store, &a, target.id, disabled, r->now) != STORE_OK ||
	    (disabled && store_session_delete_for_user(r->store, target.id) != STORE_OK) || store_commit(r->store) != STORE_OK) {
		store_rollback(r->store);
		goto fail;
	}
	resp_redirect(r, disabled ? "/settings/users?done=disabled" : "/settings/users?done=enabled");
	return;
fail:
	page_error(r, 500, NULL);
}

void page_users_disable(struct request *r)
{
	set_disabled(r, true);
}

void page_users_enable(struct request *r)
{
	set_disabled(r, false);
}

void page_users_role(struct request *r)
{
	struct user target;
	enum role role;
	if (!role_parse(req_form(r, "role"), &role)) {
		r->status = 422;
		render_users(r, NULL, _("Choose one of the roles: admin, recruiter, hiring_manager, interviewer."));
		return;
	}
	if (!load_target(r, &target))
		return;
	if (role != ROLE_ADMIN && user_admin_is_last_admin(r, &target)) {
		r->status = 409;
		render_users(r, NULL, _("This is the last active administrator; make someone else an administrator first."));
		return;
	}
	struct actor a = req_actor(r);
	if (store_user_set_role(r->store, &a, target.id, role, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/settings/users?done=role");
}

void page_users_password(struct request *r)
{
	struct user target;
	if (!load_target(r, &target))
		return;
	char *pw = arena_alloc(&r->arena, 21);
	char hash[PASSWORD_HASH_MAX];
	crypto_random_password(pw, 20);
	struct actor a = req_actor(r);
	if (!crypto_password_hash(pw, hash) || store_begin(r->store) != STORE_OK)
		goto fail;
	if (store_user_set_password(r->store, &a, target.id, hash, r->now) != STORE_OK ||
	    store_session_delete_for_user(r->store, target.id) != STORE_OK || store_commit(r->store) != STORE_OK) {
		store_rollback(r->store);
		goto fail;
	}
	struct create_form cf = { NULL, NULL, &target, pw, true };
	render_users(r, &cf, NULL);
	return;
fail:
	page_error(r, 500, NULL);
}
