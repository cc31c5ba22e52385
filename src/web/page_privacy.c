/*
 * page_privacy.c — Settings → Privacy notice (R-AD-5): the text the career
 * page's application form shows above its consent checkbox, one per
 * language (de, en). Saving creates a new version and never changes an old
 * one, so every stored consent keeps naming the exact text it was given for
 * ("de-3"); version 0 is the built-in text until the first save. A preview
 * shows a text as applicants will see it, before it is saved.
 */
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/consents.h"
#include "store/organisations.h"
#include "store/users.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"

static const struct {
	enum lang lang;
	const char *label;
} notice_langs[] = {
	{ LANG_DE, N_("German") },
	{ LANG_EN, N_("English") },
};

/* A company name for the preview: the one hiring company, else an example. */
static const char *preview_company(struct request *r)
{
	struct organisation *orgs = NULL;
	size_t n = 0;
	const char *name = _("Example GmbH");
	if (store_organisation_list(r->store, &orgs, &n) == STORE_OK && n >= 1 && orgs[0].name[0])
		name = arena_strdup(&r->arena, orgs[0].name);
	free(orgs);
	return name;
}

/* "version 3 of 27.11.2026 14:05 by Anna Weber", or the built-in text. */
static const char *version_text(struct request *r, const struct privacy_notice *n)
{
	if (n->version == 0)
		return _("Built-in text (version 0) — not saved yet.");
	char when[64];
	i18n_format_datetime(when, sizeof when, (time_t)n->created_at, r->lang);
	struct user u;
	const char *who = "";
	if (n->created_by > 0 && store_user_by_id(r->store, n->created_by, &u) == STORE_OK)
		who = arena_strdup(&r->arena, u.display_name[0] ? u.display_name : u.name);
	if (who[0])
		return arena_printf(&r->arena, _("Version %lld, saved %s by %s."), (long long)n->version, when, who);
	return arena_printf(&r->arena, _("Version %lld, saved %s."), (long long)n->version, when);
}

/* The page. For the language of a rejected or previewed submission
 * (form_lang), draft is the text typed and fe its errors; preview shows
 * draft rendered. */
static void render(struct request *r, enum lang form_lang, const char *draft, const struct form_errors *fe, bool preview)
{
	struct buf *o = &r->out;
	const char *company = preview_company(r);
	page_begin(r, _("Privacy notice"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/privacy");
	page_flash(r);
	html_printf(o, "<p class=\"lead\">%s</p><p class=\"muted\">%s</p>",
		    _("The privacy notice applicants read and accept on the career page, per language of the job ad."),
		    _("Saving creates a new version; consents already given keep pointing at the version they were given "
		      "for. Write {company} where the hiring company of the position should appear. Have the text checked "
		      "by your data protection officer."));
	for (size_t i = 0; i < sizeof notice_langs / sizeof notice_langs[0]; i++) {
		enum lang lang = notice_langs[i].lang;
		const char *code = lang_code(lang);
		struct privacy_notice cur = { 0 };
		if (store_privacy_notice_current(r->store, code, privacy_notice_default(lang), &cur) != STORE_OK) {
			page_error(r, 500, NULL);
			return;
		}
		bool mine = draft && lang == form_lang;
		const char *text = mine ? draft : cur.text;
		const char *err = mine ? form_error_for(fe, "text") : NULL;
		html_printf(o, "<section class=\"card privacy-edit\" id=\"notice-%s\" aria-labelledby=\"%s-title\">"
			       "<h2 id=\"%s-title\">%s</h2><p class=\"muted\" id=\"%s-version\" data-version=\"%lld\">%s</p>",
			    code, code, code, _(notice_langs[i].label), code, (long long)cur.version, version_text(r, &cur));
		if (mine)
			form_error_summary_for(r, fe, code);
		html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/privacy\" novalidate>");
		csrf_field(r);
		html_printf(o, "<input type=\"hidden\" name=\"lang\" value=\"%s\">", code);
		html_printf(o, "<div class=\"field%s\"><label for=\"%s-text\">%s</label><textarea id=\"%s-text\" name=\"text\" "
			       "rows=\"16\" lang=\"%s\" aria-describedby=\"%s-%s\"",
			    err ? " has-error" : "", code, _("Text"), code, code, code, err ? "text-err" : "version");
		if (err)
			html_raw(o, " aria-invalid=\"true\"");
		html_printf(o, ">%s</textarea>", text);
		if (err)
			html_printf(o, "<p class=\"field-error\" id=\"%s-text-err\">%s</p>", code, err);
		html_printf(o, "</div><div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\" name=\"action\" "
			       "value=\"save\">%s</button><button type=\"submit\" class=\"btn\" name=\"action\" value=\"preview\">%s</button>"
			       "</div></form>",
			    _("Save as new version"), _("Preview"));
		if (mine && preview && !err) {
			html_printf(o, "<h3>%s</h3><div class=\"privacy-notice\" lang=\"%s\">", _("Preview (not saved)"), code);
			privacy_notice_render(o, draft, company);
			html_raw(o, "</div>");
		} else {
			html_printf(o, "<details><summary>%s</summary><div class=\"privacy-notice\" lang=\"%s\">",
				    _("As applicants see the current version"), code);
			privacy_notice_render(o, cur.text, company);
			html_raw(o, "</div></details>");
		}
		html_raw(o, "</section>");
		privacy_notice_free(&cur);
	}
	page_end(r);
}

void page_privacy(struct request *r)
{
	render(r, LANG_DE, NULL, NULL, false);
}

void page_privacy_save(struct request *r)
{
	struct form_errors fe = { 0 };
	enum lang lang;
	if (!lang_parse(req_form(r, "lang"), &lang)) {
		page_error(r, 400, _("The language of the privacy notice is missing or unknown."));
		return;
	}
	const char *raw = req_form(r, "text");
	char *text = arena_strdup(&r->arena, raw ? raw : "");
	/* browsers send CRLF line breaks; the notice is stored with LF */
	char *w = text;
	for (const char *p = text; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*w++ = *p;
	*w = '\0';
	text = str_trim(text);
	if (!text[0])
		form_error(&fe, "text", _("Please enter the text of the privacy notice."));
	else if (!utf8_valid(text, strlen(text)))
		form_error(&fe, "text", _("The text contains characters that are not valid text."));
	else if (strlen(text) > PRIVACY_NOTICE_MAX)
		form_error(&fe, "text", _("The text is too long: at most 20,000 characters."));
	bool preview = str_eq(req_form(r, "action"), "preview");
	if (fe.n || preview) {
		r->status = fe.n ? 422 : 200;
		render(r, lang, text, &fe, preview);
		return;
	}
	struct privacy_notice cur = { 0 };
	if (store_privacy_notice_current(r->store, lang_code(lang), privacy_notice_default(lang), &cur) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	bool unchanged = cur.version > 0 && str_eq(cur.text, text);
	privacy_notice_free(&cur);
	if (unchanged) {
		resp_redirect(r, arena_printf(&r->arena, "/settings/privacy?done=saved#notice-%s", lang_code(lang)));
		return;
	}
	struct actor who = req_actor(r);
	int64_t version = 0;
	enum store_rc rc = store_privacy_notice_save(r->store, &who, lang_code(lang), text, r->now, &version);
	if (rc == STORE_INVALID) {
		form_error(&fe, "text", _("The text cannot be saved: it must not be empty and at most 20,000 characters long."));
		r->status = 422;
		render(r, lang, text, &fe, false);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/settings/privacy?done=saved#notice-%s", lang_code(lang)));
}
