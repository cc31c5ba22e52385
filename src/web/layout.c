/*
 * layout.c — shared page chrome, error pages and form helpers; see layout.h.
 */
#include "web/layout.h"

#include <stdio.h>
#include <string.h>

#include "core/permissions.h"
#include "util/embedded.h"
#include "util/str.h"
#include "web/api.h"
#include "web/auth.h"

const char *asset_url(struct request *r, const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "assets/%s", name);
	const struct embedded_file *f = embedded_find(path);
	if (!f)
		return arena_printf(&r->arena, "/static/%s", name);
	/* The ETag is "\"<16 hex>\""; the version argument is the hex alone. */
	return arena_printf(&r->arena, "/static/%s?v=%.16s", name, f->etag + 1);
}

void csrf_field(struct request *r)
{
	html_printf(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->csrf ? r->csrf : "");
}

static void lang_switch(struct request *r)
{
	html_raw(&r->out, "<form class=\"langswitch\" method=\"post\" action=\"/lang\">");
	csrf_field(r);
	html_printf(&r->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">", r->path);
	html_printf(&r->out,
		    "<button type=\"submit\" name=\"lang\" value=\"de\" lang=\"de\" aria-pressed=\"%s\" title=\"Deutsch\">DE</button>"
		    "<button type=\"submit\" name=\"lang\" value=\"en\" lang=\"en\" aria-pressed=\"%s\" title=\"English\">EN</button>",
		    r->lang == LANG_DE ? "true" : "false", r->lang == LANG_EN ? "true" : "false");
	html_raw(&r->out, "</form>");
}

struct nav_entry {
	enum nav_item item;
	const char *href;
	const char *icon;
	const char *label;
	enum action action;
};

static const struct nav_entry nav_entries[] = {
	{ NAV_DASHBOARD, "/dashboard", "dashboard.svg", N_("Dashboard"), ACTION_VIEW_DASHBOARD },
	{ NAV_POSITIONS, "/positions", "positions.svg", N_("Positions"), ACTION_VIEW_POSITIONS },
	{ NAV_CANDIDATES, "/candidates", "candidates.svg", N_("Candidates"), ACTION_MANAGE_CANDIDATES },
	{ NAV_INTERVIEWS, "/interviews", "interviews.svg", N_("Interviews"), ACTION_VIEW_INTERVIEWS },
	{ NAV_ONBOARDING, "/onboarding", "calendar.svg", N_("Onboarding"), ACTION_MANAGE_CANDIDATES },
	{ NAV_SETTINGS, "/settings", "settings.svg", N_("Settings"), ACTION_MANAGE_OWN_ACCOUNT },
};

static void top_bar(struct request *r, enum nav_item active)
{
	struct buf *o = &r->out;
	html_printf(o, "<header class=\"topbar\"><a class=\"brand\" href=\"/dashboard\"><img src=\"%s\" alt=\"\" "
		       "width=\"28\" height=\"28\"><span>stellwerk</span></a>", asset_url(r, "icons/logo.svg"));
	html_printf(o, "<nav class=\"mainnav\" aria-label=\"%s\"><ul>", _("Main navigation"));
	for (size_t i = 0; i < sizeof nav_entries / sizeof nav_entries[0]; i++) {
		const struct nav_entry *e = &nav_entries[i];
		if (!permission_allows(&r->principal, e->action))
			continue;
		html_printf(o, "<li><a href=\"%s\" aria-current=\"%s\"><img class=\"icon\" src=\"%s\" alt=\"\"><span>%s</span></a></li>",
			    e->href, e->item == active ? "page" : "false",
			    asset_url(r, arena_printf(&r->arena, "icons/%s", e->icon)), _(e->label));
	}
	html_raw(o, "</ul></nav><div class=\"usermenu\">");
	lang_switch(r);
	html_printf(o, "<span class=\"who\"><img class=\"icon\" src=\"%s\" alt=\"\">%s</span>",
		    asset_url(r, "icons/user.svg"), r->user.display_name[0] ? r->user.display_name : r->user.name);
	html_raw(o, "<form method=\"post\" action=\"/logout\">");
	csrf_field(r);
	html_printf(o, "<button type=\"submit\" class=\"btn-link\">%s</button></form></div></header>", _("Log out"));
}

void page_begin(struct request *r, const char *title, enum nav_item active)
{
	struct buf *o = &r->out;
	r->content_type_out = "text/html; charset=utf-8";
	auth_ensure_csrf(r);
	html_printf(o, "<!doctype html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		       "<title>%s · stellwerk</title>", lang_code(r->lang), title);
	html_printf(o, "<link rel=\"stylesheet\" href=\"%s\"><link rel=\"icon\" href=\"%s\">"
		       "<script src=\"%s\" defer></script>",
		    asset_url(r, "style.css"), asset_url(r, "icons/logo.svg"), asset_url(r, "app.js"));
	if (r->page_script)
		html_printf(o, "<script src=\"%s\" defer></script>", asset_url(r, r->page_script));
	html_printf(o, "</head><body class=\"%s\"><a class=\"skip-link\" href=\"#main\">%s</a>",
		    r->authenticated ? "app" : "auth", _("Skip to content"));
	if (r->authenticated) {
		top_bar(r, active);
		html_raw(o, "<main id=\"main\" class=\"content\">");
	} else {
		html_printf(o, "<main id=\"main\" class=\"auth-box\"><div class=\"auth-brand\"><img src=\"%s\" alt=\"\" "
			       "width=\"40\" height=\"40\"><span>stellwerk</span></div>", asset_url(r, "icons/logo.svg"));
	}
}

void page_end(struct request *r)
{
	struct buf *o = &r->out;
	if (r->authenticated) {
		html_raw(o, "</main>");
		html_printf(o, "<footer class=\"footer\"><span>stellwerk %s</span></footer>", STELLWERK_VERSION);
	} else {
		lang_switch(r);
		html_raw(o, "</main>");
	}
	html_raw(o, "</body></html>\n");
}

struct status_text {
	int status;
	const char *title;
	const char *detail;
};

static const struct status_text status_texts[] = {
	{ 400, N_("Bad request"), N_("The request could not be understood. Please check your input and try again.") },
	{ 401, N_("Login required"), N_("Please log in to continue.") },
	{ 403, N_("Access denied"), N_("Your role does not permit this. Ask an administrator if you need access.") },
	{ 404, N_("Page not found"), N_("This page does not exist. Perhaps the link is outdated.") },
	{ 405, N_("Method not allowed"), N_("This address does not accept this kind of request.") },
	{ 409, N_("Not possible right now"), N_("The request conflicts with the current state. Nothing was changed.") },
	{ 422, N_("Invalid input"), N_("Please check the marked fields. Nothing was changed.") },
	{ 413, N_("Request too large"), N_("The data sent is larger than the server accepts.") },
	{ 429, N_("Too many attempts"), N_("Please wait a moment and try again.") },
	{ 500, N_("Internal error"), N_("Something went wrong on our side. Nothing was changed. Please try again.") },
	{ 503, N_("Temporarily unavailable"), N_("The database is not available right now. Please try again shortly.") },
};

void page_error(struct request *r, int status, const char *detail)
{
	const struct status_text *st = NULL, *fallback = NULL;
	for (size_t i = 0; i < sizeof status_texts / sizeof status_texts[0]; i++) {
		if (status_texts[i].status == status)
			st = &status_texts[i];
		if (status_texts[i].status == 500)
			fallback = &status_texts[i];
	}
	if (!st)
		st = fallback;
	buf_reset(&r->out);
	r->status = status;
	if (!detail)
		detail = _(st->detail);
	if (r->is_api) {
		api_problem(r, status, _(st->title), detail, NULL);
		return;
	}
	page_begin(r, _(st->title), NAV_NONE);
	html_printf(&r->out, "<section class=\"error-page\"><p class=\"error-code\">%d</p><h1>%s</h1><p>%s</p>",
		    status, _(st->title), detail);
	if (r->authenticated)
		html_printf(&r->out, "<p><a class=\"btn\" href=\"/dashboard\">%s</a></p>", _("Go to the dashboard"));
	else
		html_printf(&r->out, "<p><a class=\"btn\" href=\"/login\">%s</a></p>", _("Go to the login page"));
	html_raw(&r->out, "</section>");
	page_end(r);
}

struct flash_code {
	const char *code;
	const char *message;
};

static const struct flash_code flash_codes[] = {
	{ "saved", N_("Your changes have been saved.") },
	{ "password", N_("Your password has been changed. Other sessions were logged out.") },
	{ "revoked", N_("The token has been revoked.") },
	{ "disabled", N_("The user has been disabled and logged out.") },
	{ "enabled", N_("The user has been enabled.") },
	{ "role", N_("The role has been changed.") },
	{ "loggedout", N_("You have been logged out.") },
	{ "created", N_("The position has been created with the template's suggested requirements.") },
	{ "approved", N_("The profile has been approved. The job ad and the interview kits use this version.") },
	{ "deleted", N_("Deleted.") },
};

void page_flash(struct request *r)
{
	const char *code = req_query(r, "done");
	for (size_t i = 0; code && i < sizeof flash_codes / sizeof flash_codes[0]; i++)
		if (strcmp(code, flash_codes[i].code) == 0)
			html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\">%s</div>",
				    _(flash_codes[i].message));
}

void form_error(struct form_errors *fe, const char *field, const char *message)
{
	if (fe->n < FORM_MAX_ERRORS) {
		fe->field[fe->n] = field;
		fe->message[fe->n] = message;
		fe->n++;
	}
}

const char *form_error_for(const struct form_errors *fe, const char *field)
{
	for (int i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->field[i], field) == 0)
			return fe->message[i];
	return NULL;
}

void form_text(struct request *r, const struct form_errors *fe, const struct form_input *in)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, in->name);
	html_printf(o, "<div class=\"field%s\"><label for=\"f-%s\">%s</label>", err ? " has-error" : "", in->name,
		    in->label);
	html_printf(o, "<input id=\"f-%s\" name=\"%s\" type=\"%s\"", in->name, in->name, in->type);
	if (in->value && strcmp(in->type, "password") != 0)
		html_printf(o, " value=\"%s\"", in->value);
	if (in->autocomplete)
		html_printf(o, " autocomplete=\"%s\"", in->autocomplete);
	if (in->required)
		html_raw(o, " required");
	if (err)
		html_printf(o, " aria-invalid=\"true\" aria-describedby=\"f-%s-err\"", in->name);
	else if (in->hint)
		html_printf(o, " aria-describedby=\"f-%s-hint\"", in->name);
	html_raw(o, ">");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-%s-err\">%s</p>", in->name, err);
	else if (in->hint)
		html_printf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>", in->name, in->hint);
	html_raw(o, "</div>");
}

void form_error_summary(struct request *r, const struct form_errors *fe)
{
	form_error_summary_for(r, fe, "f");
}

void form_error_summary_for(struct request *r, const struct form_errors *fe, const char *id_prefix)
{
	if (!fe || fe->n == 0)
		return;
	html_printf(&r->out, "<div class=\"flash flash-error\" role=\"alert\"><p>%s</p><ul>",
		    _("Please correct the marked fields:"));
	for (int i = 0; i < fe->n; i++)
		html_printf(&r->out, "<li><a href=\"#%s-%s\">%s</a></li>", id_prefix, fe->field[i], fe->message[i]);
	html_raw(&r->out, "</ul></div>");
}

void settings_nav(struct request *r, const char *active)
{
	static const struct { const char *href; const char *label; enum action action; } items[] = {
		{ "/settings", N_("Account"), ACTION_MANAGE_OWN_ACCOUNT },
		{ "/settings/tokens", N_("API tokens"), ACTION_MANAGE_OWN_ACCOUNT },
		{ "/settings/absences", N_("Absences"), ACTION_MANAGE_OWN_ACCOUNT },
		{ "/settings/calendar", N_("Calendar feed"), ACTION_MANAGE_OWN_ACCOUNT },
		{ "/settings/users", N_("Users"), ACTION_MANAGE_USERS },
		{ "/settings/templates", N_("Role templates"), ACTION_MANAGE_TEMPLATES },
		{ "/settings/privacy", N_("Privacy notice"), ACTION_MANAGE_SETTINGS },
		{ "/settings/messages", N_("Messages"), ACTION_MANAGE_SETTINGS },
		{ "/settings/audit", N_("Audit log"), ACTION_VIEW_AUDIT },
	};
	html_printf(&r->out, "<nav class=\"subnav\" aria-label=\"%s\">", _("Settings"));
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
		if (permission_allows(&r->principal, items[i].action))
			html_printf(&r->out, "<a href=\"%s\" aria-current=\"%s\">%s</a>", items[i].href,
				    strcmp(items[i].href, active) == 0 ? "page" : "false", _(items[i].label));
	html_raw(&r->out, "</nav>");
}
