/*
 * page_organisations.c — the hiring companies: list, add, edit. A position
 * belongs to one; its name, address and Bundesland feed the job ad and the
 * holiday calendar. Executive-search consultants keep one per client.
 */
#include <stdlib.h>
#include <string.h>

#include "store/organisations.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/profile_input.h"

static void organisation_fields(struct request *r, const struct organisation *o, const struct form_errors *fe)
{
	struct form_input name = { "name", _("Company name"), "text", o->name, NULL, "organization", true };
	struct form_input web = { "website", _("Website"), "url", o->website, _("e.g. https://www.example.de"), "url", false };
	struct form_input street = { "street", _("Street and number"), "text", o->street, NULL, "street-address", false };
	struct form_input zip = { "postal_code", _("Postal code"), "text", o->postal_code, NULL, "postal-code", false };
	struct form_input city = { "city", _("City"), "text", o->city, NULL, "address-level2", false };
	struct form_input country = { "country", _("Country (ISO code)"), "text", o->country[0] ? o->country : "DE", NULL, "off", false };
	struct form_input logo = { "logo_url", _("Logo URL"), "url", o->logo_url, _("Optional: an https address of the logo."), "off", false };
	form_text(r, fe, &name);
	form_text(r, fe, &web);
	form_text(r, fe, &street);
	form_text(r, fe, &zip);
	form_text(r, fe, &city);
	form_text(r, fe, &country);
	const char *err = form_error_for(fe, "state");
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"f-state\">%s</label><select id=\"f-state\" name=\"state\">"
			     "<option value=\"\">%s</option>", err ? " has-error" : "", _("Bundesland"), _("outside Germany / not set"));
	for (size_t i = 0; i < 16; i++)
		html_printf(&r->out, "<option value=\"%s\"%s>%s</option>", BUNDESLAENDER[i].code,
			    strcmp(o->state, BUNDESLAENDER[i].code) == 0 ? " selected" : "", BUNDESLAENDER[i].name);
	html_printf(&r->out, "</select><p class=\"hint\">%s</p>", _("Decides the public holidays in the hiring timeline."));
	if (err)
		html_printf(&r->out, "<p class=\"field-error\">%s</p>", err);
	html_raw(&r->out, "</div>");
	form_text(r, fe, &logo);
}

static void render_list(struct request *r, const struct organisation *draft, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	struct organisation *list = NULL;
	size_t n = 0;
	if (store_organisation_list(r->store, &list, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("Hiring companies"), NAV_POSITIONS);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/positions\">%s</a></p><h1>%s</h1></div></div>",
		    _("Positions"), _("Hiring companies"));
	if (n == 0) {
		html_printf(o, "<p class=\"lead\">%s</p>", _("No hiring company yet. Add yours — or, as a search consultant, your client."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _("Hiring companies"), _("Company name"), _("City"), _("Bundesland"));
		for (size_t i = 0; i < n; i++) {
			const char *state = "";
			for (size_t k = 0; k < 16; k++)
				if (strcmp(list[i].state, BUNDESLAENDER[k].code) == 0)
					state = BUNDESLAENDER[k].name;
			html_printf(o, "<tr><td><a href=\"/organisations/%lld\">%s</a></td><td>%s</td><td>%s</td></tr>",
				    (long long)list[i].id, list[i].name, list[i].city, state);
		}
		html_raw(o, "</tbody></table></div>");
	}
	free(list);
	if (permission_allows(&r->principal, ACTION_MANAGE_ORGANISATIONS)) {
		html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Add a hiring company"));
		form_error_summary(r, fe);
		html_raw(o, "<form class=\"form\" method=\"post\" action=\"/organisations\" novalidate>");
		csrf_field(r);
		organisation_fields(r, draft, fe);
		html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
			    _("Add"));
	}
	page_end(r);
}

void page_organisations(struct request *r)
{
	struct organisation draft = { 0 };
	render_list(r, &draft, NULL);
}

void page_organisation_create(struct request *r)
{
	struct organisation org = { 0 };
	struct form_errors fe = { 0 };
	organisation_read_form(r, &org, &fe);
	if (fe.n) {
		r->status = 422;
		render_list(r, &org, &fe);
		return;
	}
	struct actor a = req_actor(r);
	if (store_organisation_create(r->store, &a, &org, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, "/organisations?done=saved");
}

static void render_edit(struct request *r, const struct organisation *org, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	bool can_edit = permission_allows(&r->principal, ACTION_MANAGE_ORGANISATIONS);
	page_begin(r, org->name, NAV_POSITIONS);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/organisations\">%s</a></p><h1>%s</h1></div></div>",
		    _("Hiring companies"), org->name);
	if (!can_edit) {
		html_printf(o, "<dl class=\"facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s %s %s</dd></dl>", _("Website"), org->website,
			    _("Address"), org->street, org->postal_code, org->city);
		page_end(r);
		return;
	}
	form_error_summary(r, fe);
	html_printf(o, "<form class=\"form card\" method=\"post\" action=\"/organisations/%lld\" novalidate>", (long long)org->id);
	csrf_field(r);
	organisation_fields(r, org, fe);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>", _("Save"));
	page_end(r);
}

void page_organisation(struct request *r)
{
	struct organisation org;
	enum store_rc rc = store_organisation_get(r->store, req_path_arg(r, 0), &org);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	render_edit(r, &org, NULL);
}

void page_organisation_update(struct request *r)
{
	struct organisation org;
	struct form_errors fe = { 0 };
	enum store_rc rc = store_organisation_get(r->store, req_path_arg(r, 0), &org);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	organisation_read_form(r, &org, &fe);
	if (fe.n) {
		r->status = 422;
		render_edit(r, &org, &fe);
		return;
	}
	struct actor a = req_actor(r);
	if (store_organisation_update(r->store, &a, &org, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/organisations/%lld?done=saved", (long long)org.id));
}
