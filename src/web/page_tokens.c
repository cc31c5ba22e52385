/*
 * page_tokens.c — the user's API tokens under Settings: create (shown once),
 * list with last use, revoke. Administrators see and may revoke every token.
 */
#include <stdlib.h>
#include <string.h>

#include "store/tokens.h"
#include "util/crypto.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"

#define TOKEN_LABEL_MAX 60

static void render_tokens(struct request *r, const char *new_token, const struct form_errors *fe, const char *label)
{
	struct buf *o = &r->out;
	bool admin = permission_allows(&r->principal, ACTION_MANAGE_USERS);
	struct api_token *tokens = NULL;
	size_t n = 0;
	if (store_token_list(r->store, admin ? 0 : r->user.id, &tokens, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("API tokens"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/tokens");
	page_flash(r);
	if (new_token) {
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _("The token has been created."));
		html_printf(o, "<pre class=\"secret\"><code id=\"new-token\">%s</code></pre>", new_token);
		html_printf(o, "<p class=\"secret-note\">%s <button type=\"button\" class=\"btn btn-small\" data-copy=\"new-token\" "
			       "data-copied-label=\"%s\" hidden>%s</button></p>",
			    _("Copy it now: it is shown only once. Send it as 'Authorization: Bearer TOKEN'."), _("Copied"), _("Copy"));
	}
	html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p>", _("New token"),
		    _("Tokens let scripts use the JSON API with your permissions."));
	form_error_summary(r, fe);
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/tokens\" novalidate>");
	csrf_field(r);
	struct form_input in = { "label", _("Purpose"), "text", label, _("For example: nightly export"), "off", true };
	form_text(r, fe, &in);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Create token"));

	if (n == 0) {
		html_printf(o, "<section class=\"empty-state\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2><p>%s</p></section>",
			    asset_url(r, "icons/key.svg"), _("No tokens yet"),
			    _("You only need a token to connect other programs to stellwerk."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _("Tokens"), _("Purpose"), _("User"), _("Begins with"), _("Created"), _("Last used"), _("Status"));
		for (size_t i = 0; i < n; i++) {
			struct api_token *t = &tokens[i];
			char created[64], used[64];
			i18n_format_datetime(created, sizeof created, (time_t)t->created_at, r->lang);
			if (t->last_used_at)
				i18n_format_datetime(used, sizeof used, (time_t)t->last_used_at, r->lang);
			else
				str_copy(used, sizeof used, _("never"));
			html_printf(o, "<tr><td>%s</td><td>%s</td><td><code>%s…</code></td><td>%s</td><td>%s</td><td>", t->label,
				    t->user_name, t->prefix, created, used);
			if (t->revoked_at) {
				html_printf(o, "<span class=\"badge badge-muted\">%s</span>", _("Revoked"));
			} else {
				html_printf(o, "<form method=\"post\" action=\"/settings/tokens/%lld/revoke\" data-confirm=\"%s\">",
					    (long long)t->id, _("Revoke this token? Programs using it will stop working."));
				csrf_field(r);
				html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form>", _("Revoke"));
			}
			html_raw(o, "</td></tr>");
		}
		html_raw(o, "</tbody></table></div>");
	}
	free(tokens);
	page_end(r);
}

void page_tokens(struct request *r)
{
	render_tokens(r, NULL, NULL, "");
}

void page_tokens_create(struct request *r)
{
	struct form_errors fe = { 0 };
	const char *label = req_form(r, "label");
	char *clean = arena_strdup(&r->arena, label ? label : "");
	str_trim(clean);
	if (!*clean)
		form_error(&fe, "label", _("Please say what the token is for."));
	else if (strlen(clean) > TOKEN_LABEL_MAX)
		form_error(&fe, "label", _("The purpose must be at most 60 characters long."));
	if (fe.n) {
		r->status = 422;
		render_tokens(r, NULL, &fe, label);
		return;
	}
	char token[TOKEN_TEXT_MAX];
	struct api_token t = { 0 };
	crypto_random_token(token, "sw_");
	crypto_sha256_hex(token, strlen(token), t.hash);
	str_copy(t.prefix, 9, token);
	str_copy(t.label, sizeof t.label, clean);
	t.user_id = r->user.id;
	struct actor a = req_actor(r);
	if (store_token_create(r->store, &a, &t, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	render_tokens(r, token, NULL, "");
}

void page_tokens_revoke(struct request *r)
{
	struct api_token t;
	int64_t id = req_path_arg(r, 0);
	bool admin = permission_allows(&r->principal, ACTION_MANAGE_USERS);
	if (store_token_by_id(r->store, id, &t) != STORE_OK || (!admin && t.user_id != r->user.id)) {
		page_error(r, 404, NULL);
		return;
	}
	struct actor a = req_actor(r);
	if (!t.revoked_at && store_token_revoke(r->store, &a, id, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/settings/tokens?done=revoked");
}
