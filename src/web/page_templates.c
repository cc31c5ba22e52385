/*
 * page_templates.c — role templates under Settings (R-ROLE-1): the built-in
 * Key Account Manager, Business Development Manager and Head of Engineering,
 * copies administrators made of them, and new ones. A template is edited as
 * its JSON document (schema: data/templates/README.md) and validated before
 * it is stored; a built-in that was changed can always be restored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/role_template.h"
#include "store/templates.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/template_source.h"

static bool is_builtin_key(const char *key)
{
	for (size_t i = 0; i < builtin_template_count(); i++)
		if (strcmp(BUILTIN_TEMPLATE_KEYS[i], key) == 0)
			return true;
	return false;
}

void page_templates(struct request *r)
{
	struct buf *o = &r->out;
	struct template_choice *c;
	size_t n = template_choices(r, &c);
	page_begin(r, _("Role templates"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/templates");
	page_flash(r);
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("A role template brings the competencies, suggested requirements and typical challenges of a role into a new "
		      "position. Copy a template to adapt it to your company; the built-in ones can always be restored."));
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Role templates"), _("Template"), _("Key"), _("Origin"), _("Actions"));
	for (size_t i = 0; i < n; i++) {
		bool builtin = is_builtin_key(c[i].key);
		html_printf(o, "<tr><td><a href=\"/settings/templates/%s\">%s</a></td><td><code>%s</code></td><td>%s</td><td class=\"row-actions\">",
			    c[i].key, c[i].name, c[i].key,
			    builtin ? (c[i].builtin ? _("built-in") : _("built-in, changed")) : _("own template"));
		html_printf(o, "<form method=\"post\" action=\"/settings/templates/%s/copy\">", c[i].key);
		csrf_field(r);
		html_printf(o, "<button class=\"btn btn-small\">%s</button></form>", _("Copy"));
		if (!c[i].builtin) {
			html_printf(o, "<form method=\"post\" action=\"/settings/templates/%s/restore\" data-confirm=\"%s\">", c[i].key,
				    builtin ? _("Restore the built-in version? Your changes are lost.") : _("Delete this template?"));
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form>",
				    builtin ? _("Restore built-in") : _("Delete"));
		}
		html_raw(o, "</td></tr>");
	}
	html_raw(o, "</tbody></table></div>");
	page_end(r);
}

static void render_editor(struct request *r, const char *key, const char *json, const char *error)
{
	struct buf *o = &r->out;
	page_begin(r, _("Edit role template"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/settings/templates\">%s</a></p><h1>%s <code>%s</code></h1></div></div>",
		    _("Role templates"), _("Template"), key);
	page_flash(r);
	html_printf(o, "<p>%s</p>", _("The template is a JSON document with German and English texts side by side. "
				      "It is checked completely before it is saved; nothing is stored while an error remains."));
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/settings/templates/%s\" novalidate>", key);
	csrf_field(r);
	html_printf(o, "<div class=\"field%s\"><label for=\"f-json\">%s</label><textarea id=\"f-json\" name=\"json\" rows=\"30\" class=\"code\" "
		       "spellcheck=\"false\" aria-invalid=\"%s\" aria-describedby=\"f-json-err\">%s</textarea>",
		    error ? " has-error" : "", _("Template (JSON)"), error ? "true" : "false", json);
	html_printf(o, "<p class=\"%s\" id=\"f-json-err\">%s</p>", error ? "field-error" : "hint",
		    error ? error : _("Checked completely before saving."));
	html_printf(o, "</div><div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button><a class=\"btn\" href=\"/settings/templates\">%s</a></div></form>",
		    _("Save template"), _("Cancel"));
	page_end(r);
}

void page_template(struct request *r)
{
	struct role_template t;
	if (!template_load(r, r->path_key, &t)) {
		page_error(r, 404, NULL);
		return;
	}
	char *json = role_template_to_json(&t);
	role_template_free(&t);
	if (!json) {
		page_error(r, 500, NULL);
		return;
	}
	render_editor(r, r->path_key, json, NULL);
	free(json);
}

void page_template_save(struct request *r)
{
	const char *json = req_form(r, "json");
	struct role_template t;
	char err[300];
	if (!json || !role_template_parse(json, strlen(json), &t, err, sizeof err)) {
		r->status = 422;
		render_editor(r, r->path_key, json ? json : "", arena_printf(&r->arena, "%s %s", _("The template is not valid:"), json ? err : ""));
		return;
	}
	bool key_matches = strcmp(t.key, r->path_key) == 0;
	role_template_free(&t);
	if (!key_matches) {
		r->status = 422;
		render_editor(r, r->path_key, json, _("The \"key\" in the document must stay the template's key."));
		return;
	}
	struct actor a = req_actor(r);
	struct stored_template old = { 0 };
	bool had = store_template_get(r->store, r->path_key, &old) == STORE_OK;
	const char *builtin = had ? arena_strdup(&r->arena, old.builtin_key) : is_builtin_key(r->path_key) ? r->path_key : "";
	stored_template_clear(&old);
	if (store_template_save(r->store, &a, r->path_key, json, builtin, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/settings/templates/%s?done=saved", r->path_key));
}

/* Copies a template under a new key ("<key>_kopie", "<key>_kopie_2", …) and its
 * name marked as a copy, then opens the copy in the editor. */
void page_template_copy(struct request *r)
{
	struct role_template t;
	if (!template_load(r, r->path_key, &t)) {
		page_error(r, 404, NULL);
		return;
	}
	char key[TEMPLATE_KEY_MAX];
	struct stored_template probe = { 0 };
	for (int i = 1; i < 100; i++) {
		snprintf(key, sizeof key, i == 1 ? "%.30s_kopie" : "%.30s_kopie_%d", t.key, i);
		bool taken = is_builtin_key(key) || store_template_get(r->store, key, &probe) == STORE_OK;
		stored_template_clear(&probe);
		if (!taken)
			break;
	}
	const char *source = arena_strdup(&r->arena, t.key);
	str_copy(t.key, sizeof t.key, key);
	for (int l = 0; l < TEMPLATE_LANGS; l++) {
		char name[120];
		snprintf(name, sizeof name, "%.100s (%s)", t.name[l], l == TEMPLATE_DE ? "Kopie" : "copy");
		str_copy(t.name[l], sizeof t.name[l], name);
	}
	char *json = role_template_to_json(&t);
	role_template_free(&t);
	struct actor a = req_actor(r);
	enum store_rc rc = json ? store_template_save(r->store, &a, key, json, is_builtin_key(source) ? source : "", r->now) : STORE_ERROR;
	free(json);
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/settings/templates/%s?done=saved", key));
}

/* Removes the stored document: a built-in is back to its shipped version,
 * an own template is gone. */
void page_template_restore(struct request *r)
{
	struct actor a = req_actor(r);
	enum store_rc rc = store_template_delete(r->store, &a, r->path_key, r->now);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/settings/templates?done=saved");
}
