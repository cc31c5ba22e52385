/*
 * page_candidate_form.c — creating and editing a candidate (R-CAND-1):
 * contact data, current role and company, location, notice period, salary
 * expectation, languages with CEFR level, links, tags, source channel with
 * referrer or event. Bad input is shown at the field with a summary and
 * nothing is stored (R-X-6). Before a new candidate is stored, likely
 * duplicates (same email, phone, or name with company or location) are
 * listed, and only "Create anyway" stores it (R-CAND-5).
 */
#include <stdlib.h>
#include <string.h>

#include "core/channels.h"
#include "store/candidates.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/layout.h"
#include "web/pages.h"

static const struct candidate_field_def *field(const char *name)
{
	size_t n;
	const struct candidate_field_def *f = candidate_fields(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return &f[i];
	return NULL;
}

static void text_input(struct request *r, const struct form_errors *fe, const struct candidate *c, const char *name,
		       const char *type, const char *hint, const char *autocomplete)
{
	const struct candidate_field_def *f = field(name);
	struct form_input in = { name, _(f->label), type, candidate_field_text(r, c, f), hint, autocomplete, false };
	form_text(r, fe, &in);
}

static void channel_select(struct request *r, const struct form_errors *fe, const struct candidate *c)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, "channel");
	html_printf(o, "<div class=\"field%s\"><label for=\"f-channel\">%s</label><select id=\"f-channel\" name=\"channel\" "
		       "aria-invalid=\"%s\" aria-describedby=\"f-channel-hint\"><option value=\"\">%s</option>",
		    err ? " has-error" : "", _("Source channel"), err ? "true" : "false", _("not known"));
	for (int i = 0; i < CHANNEL__COUNT; i++) {
		const char *code = channel_code((enum channel)i);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code, strcmp(code, c->channel) == 0 ? " selected" : "",
			    _(channel_label((enum channel)i)));
	}
	html_printf(o, "</select><p class=\"hint\" id=\"f-channel-hint\">%s</p>",
		    _("Where the candidate came from; the channel report counts candidates, interviews and hires per channel."));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-channel-err\">%s</p>", err);
	html_printf(o, "<details class=\"channel-guide\"><summary>%s</summary><dl>", _("Which channel reaches whom?"));
	for (int i = 0; i < CHANNEL__COUNT; i++) {
		const struct channel_info *ci = channel_info((enum channel)i);
		if (ci->guidance)
			html_printf(o, "<dt>%s</dt><dd>%s</dd>", _(ci->label), _(ci->guidance));
	}
	html_raw(o, "</dl></details></div>");
}

static void links_area(struct request *r, const struct form_errors *fe, const struct candidate *c)
{
	const char *err = form_error_for(fe, "links");
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"f-links\">%s</label><textarea id=\"f-links\" name=\"links\" "
			     "rows=\"3\" aria-describedby=\"f-links-%s\">%s</textarea>",
		    err ? " has-error" : "", _("Links"), err ? "err" : "hint", c->links);
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"f-links-err\">%s</p></div>", err);
	else
		html_printf(&r->out, "<p class=\"hint\" id=\"f-links-hint\">%s</p></div>",
			    _("One address per line: LinkedIn or XING profile, website, portfolio."));
}

static void form_fields(struct request *r, const struct candidate *c, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	html_printf(o, "<fieldset><legend>%s</legend>", _("Contact"));
	text_input(r, fe, c, "first_name", "text", NULL, "off");
	text_input(r, fe, c, "last_name", "text", NULL, "off");
	text_input(r, fe, c, "email", "email", NULL, "off");
	text_input(r, fe, c, "phone", "tel", _("With country code, e.g. +49 170 1234567"), "off");
	text_input(r, fe, c, "location", "text", NULL, "off");
	html_printf(o, "</fieldset><fieldset><legend>%s</legend>", _("Current position and conditions"));
	text_input(r, fe, c, "current_role", "text", NULL, "off");
	text_input(r, fe, c, "current_company", "text", NULL, "off");
	text_input(r, fe, c, "notice_period_weeks", "text", _("0 = available now; empty = not known"), "off");
	text_input(r, fe, c, "salary_expectation", "text", _("Gross per year in whole units, e.g. 85000"), "off");
	text_input(r, fe, c, "currency", "text", _("Three letters, e.g. EUR"), "off");
	html_printf(o, "</fieldset><fieldset><legend>%s</legend>", _("Profile"));
	text_input(r, fe, c, "languages", "text",
		   _("Language and CEFR level (A1 to C2), separated by commas: Deutsch C2, Englisch C1"), "off");
	links_area(r, fe, c);
	text_input(r, fe, c, "tags", "text", _("Separated by commas, e.g. Automotive, Key Account, Schweden"), "off");
	html_printf(o, "</fieldset><fieldset><legend>%s</legend>", _("Source"));
	channel_select(r, fe, c);
	text_input(r, fe, c, "referrer", "text", _("For referrals: who recommended the candidate"), "off");
	text_input(r, fe, c, "event", "text", _("For events and fairs: where you met"), "off");
	html_raw(o, "</fieldset>");
}

/* The panel of likely duplicates with the "Create anyway" checkbox. */
static void duplicates_panel(struct request *r, const struct candidate_duplicate *d, size_t n)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card duplicates\" role=\"alert\" id=\"duplicates\"><h2>%s</h2><p>%s</p><ul>",
		    _("Possible duplicate"),
		    _("A candidate with the same details exists already. Open them to add this information there, or create a "
		      "new candidate anyway."));
	for (size_t i = 0; i < n; i++)
		html_printf(o, "<li><a href=\"/candidates/%lld\">%s</a> <span class=\"muted\">%s</span> — %s</li>",
			    (long long)d[i].c.id, candidate_name(r, &d[i].c), d[i].c.email, d[i].reason[0] ? _(d[i].reason) : "");
	html_printf(o, "</ul><div class=\"field\"><label class=\"check\"><input id=\"f-confirm_duplicate\" name=\"confirm_duplicate\" "
		       "type=\"checkbox\" value=\"1\"><span>%s</span></label></div></section>",
		    _("Create anyway: this is a different person"));
}

static void render_form(struct request *r, const struct candidate *c, const struct form_errors *fe,
			const struct candidate_duplicate *dups, size_t ndups)
{
	struct buf *o = &r->out;
	bool editing = c->id > 0;
	const char *title = editing ? _("Edit candidate") : _("New candidate");
	page_begin(r, title, NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates\">%s</a> › ", _("Candidates"));
	if (editing)
		html_printf(o, "<a href=\"/candidates/%lld\">%s</a> › ", (long long)c->id, candidate_name(r, c));
	html_printf(o, "%s</p><h1>%s</h1></div></div>", title, title);
	form_error_summary(r, fe);
	if (editing)
		html_printf(o, "<form class=\"form card candidate-form\" method=\"post\" action=\"/candidates/%lld\" novalidate>",
			    (long long)c->id);
	else
		html_raw(o, "<form class=\"form card candidate-form\" method=\"post\" action=\"/candidates\" novalidate>");
	csrf_field(r);
	if (ndups)
		duplicates_panel(r, dups, ndups);
	form_fields(r, c, fe);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button>",
		    editing ? _("Save") : _("Create candidate"));
	if (editing)
		html_printf(o, "<a class=\"btn\" href=\"/candidates/%lld\">%s</a></div></form>", (long long)c->id, _("Cancel"));
	else
		html_printf(o, "<a class=\"btn\" href=\"/candidates\">%s</a></div></form>", _("Cancel"));
	page_end(r);
}

void page_candidate_new(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	candidate_init(c);
	render_form(r, c, NULL, NULL, 0);
}

/* Likely duplicates of c (score at or above the threshold) into *out
 * (malloc'd, caller frees); false on a store failure. */
static bool likely_duplicates(struct request *r, const struct candidate *c, struct candidate_duplicate **out, size_t *n)
{
	struct candidate_duplicate *all = NULL;
	size_t nall = 0, k = 0;
	if (store_candidate_find_duplicates(r->store, c, &all, &nall) != STORE_OK)
		return false;
	for (size_t i = 0; i < nall; i++)
		if (candidate_is_duplicate(all[i].score))
			all[k++] = all[i];
	*out = all;
	*n = k;
	return true;
}

void page_candidate_create(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	candidate_init(c);
	candidate_read_form(r, c, &fe);
	if (fe.n) {
		r->status = 422;
		render_form(r, c, &fe, NULL, 0);
		return;
	}
	/* R-CAND-5: a likely duplicate is only stored when the user insists. */
	if (!str_eq(req_form(r, "confirm_duplicate"), "1")) {
		struct candidate_duplicate *dups = NULL;
		size_t ndups = 0;
		if (!likely_duplicates(r, c, &dups, &ndups)) {
			page_error(r, 500, NULL);
			return;
		}
		if (ndups) {
			r->status = 409;
			render_form(r, c, NULL, dups, ndups);
			free(dups);
			return;
		}
		free(dups);
	}
	enum store_rc rc = store_candidate_create(r->store, &who, c, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "first_name", _("The candidate could not be stored as given."));
		r->status = 422;
		render_form(r, c, &fe, NULL, 0);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=candidate_created", (long long)c->id));
}

void page_candidate_edit(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	if (!candidate_load_from_path(r, 0, c))
		return;
	render_form(r, c, NULL, NULL, 0);
}

void page_candidate_update(struct request *r)
{
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!candidate_load_from_path(r, 0, c))
		return;
	candidate_read_form(r, c, &fe);
	if (fe.n) {
		r->status = 422;
		render_form(r, c, &fe, NULL, 0);
		return;
	}
	enum store_rc rc = store_candidate_update(r->store, &who, c, r->now);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such candidate."));
		return;
	}
	if (rc == STORE_INVALID) {
		form_error(&fe, "first_name", _("The candidate could not be stored as given."));
		r->status = 422;
		render_form(r, c, &fe, NULL, 0);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=saved", (long long)c->id));
}
