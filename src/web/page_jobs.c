/*
 * page_jobs.c — the public career pages (R-AD-4), open to everyone without
 * a login: /jobs lists the published ads that have not expired, /jobs/SLUG
 * shows one ad with its schema.org JobPosting as JSON-LD. Every fact in the
 * JSON-LD (title, company, place, salary, employment type, dates) is also
 * visible on the page, as search engines require. An ad that was taken
 * down or has expired answers 410 Gone, an unknown address 404.
 *
 * These pages have their own plain layout — the company's name, no app
 * navigation — whoever is looking at them. The page around one ad speaks
 * the ad's language, the list the visitor's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/job_ad.h"
#include "store/ads.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "util/log.h"
#include "util/str.h"
#include "web/ad_handlers.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/public_layout.h"

static void today_iso(int64_t now, char out[11])
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Expired: the last day of validity lies before today. */
static bool ad_expired(const struct stored_ad *ad, int64_t now)
{
	char today[11];
	today_iso(now, today);
	return strcmp(ad->valid_through, today) < 0;
}

/* "2026-11-27" as a date in lang; the ISO text when it is not a date. */
static const char *date_text(struct request *r, const char *iso, enum lang lang)
{
	struct tm tm = { 0 };
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return iso ? iso : "";
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	char out[64];
	i18n_format_date(out, sizeof out, timegm(&tm), lang);
	return arena_strdup(&r->arena, out);
}

/* ---- the public layout ------------------------------------------------------------------------- */

/* The brand of the list page: the one hiring company, or a neutral name
 * when there are several. */
static const char *list_brand(struct request *r)
{
	struct organisation *orgs = NULL;
	size_t n = 0;
	const char *brand = _("Careers");
	if (store_organisation_list(r->store, &orgs, &n) == STORE_OK && n == 1 && orgs[0].name[0])
		brand = arena_strdup(&r->arena, orgs[0].name);
	free(orgs);
	return brand;
}

/* An error page in the public layout: 410 for an ad that was taken down or
 * has expired, 404 for an address that never was one. */
static void public_status_page(struct request *r, int status)
{
	buf_reset(&r->out);
	r->status = status;
	const char *title = status == 410 ? _("This position is no longer advertised") : _("There is no job ad here");
	const char *text = status == 410
		? _("The ad has expired or was taken down. Perhaps one of our other open positions suits you.")
		: _("Perhaps the link is outdated. Have a look at our open positions.");
	public_begin(r, r->lang, title, list_brand(r), true);
	html_printf(&r->out, "<section class=\"error-page\"><p class=\"error-code\">%d</p><h1>%s</h1><p>%s</p>"
			     "<p><a class=\"btn btn-primary\" href=\"/jobs\">%s</a></p></section>",
		    status, title, text, _("See all open positions"));
	public_end(r, r->lang);
}

/* ---- /jobs -------------------------------------------------------------------------------------- */

/* Where the job is: the position's location, else the company's city. */
static const char *place_of(const struct position *p, const struct organisation *o)
{
	return p->location[0] ? p->location : o->city;
}

void page_jobs(struct request *r)
{
	struct stored_ad *ads = NULL;
	size_t n = 0;
	if (store_ad_list_published(r->store, &ads, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	struct buf *o = &r->out;
	public_begin(r, r->lang, _("Open positions"), list_brand(r), false);
	html_printf(o, "<div class=\"public-intro\"><h1>%s</h1></div>", _("Open positions"));
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		struct position p;
		struct organisation org;
		if (ad_expired(&ads[i], r->now) || !ads[i].slug[0])
			continue;
		if (store_position_get(r->store, ads[i].position_id, &p) != STORE_OK ||
		    store_organisation_get(r->store, p.organisation_id, &org) != STORE_OK) {
			log_warn("published ad of position %lld: position or company cannot be loaded",
				 (long long)ads[i].position_id);
			continue;
		}
		if (shown++ == 0)
			html_raw(o, "<ul class=\"job-list\">");
		html_printf(o, "<li class=\"job-item\"><h2><a href=\"/jobs/%s\" hreflang=\"%s\">%s</a></h2><p class=\"job-facts\">"
			       "<span>%s</span>",
			    ads[i].slug, ads[i].ad.lang, ads[i].ad.title, org.name);
		const char *place = place_of(&p, &org);
		if (place[0])
			html_printf(o, "<span>%s</span>", place);
		if (p.remote != REMOTE_ONSITE)
			html_printf(o, "<span>%s</span>", _(remote_policy_label(p.remote)));
		html_printf(o, "<span>%s <time datetime=\"%s\">%s</time></span></p></li>", _("posted"), ads[i].date_posted,
			    date_text(r, ads[i].date_posted, r->lang));
	}
	if (shown)
		html_raw(o, "</ul>");
	else
		html_printf(o, "<section class=\"empty-state\"><h2>%s</h2><p>%s</p></section>",
			    _("No open positions right now"),
			    _("We are not advertising any position at the moment. Please come back later."));
	free(ads);
	public_end(r, r->lang);
}

/* ---- /jobs/SLUG ------------------------------------------------------------------------------------ */

/* Writes ld as the content of a <script type="application/ld+json">
 * element. JSON text is not HTML text, so it is not entity-escaped; instead
 * every '<' (which JSON only has inside strings) becomes \u003c, so neither
 * "</script>" nor "<!--" can end or confuse the element. */
static void jsonld_script(struct buf *o, json_t *ld)
{
	char *text = json_dumps(ld, JSON_INDENT(1) | JSON_ENSURE_ASCII);
	if (!text)
		return;
	html_raw(o, "<script type=\"application/ld+json\">\n");
	for (const char *c = text; *c; c++) {
		if (*c == '<')
			buf_puts(o, "\\u003c");
		else
			buf_putc(o, *c);
	}
	html_raw(o, "\n</script>");
	free(text);
}

static const char *currency_sign(const char *code)
{
	return str_eq(code, "EUR") || str_empty(code) ? "€" : str_eq(code, "CHF") ? "CHF" : str_eq(code, "USD") ? "$"
		: str_eq(code, "GBP") ? "£" : code;
}

/* The salary band as in the JSON-LD's baseSalary; NULL without one. */
static const char *salary_text(struct request *r, const struct position *p, enum lang lang)
{
	char lo[32], hi[32];
	i18n_format_int(lo, sizeof lo, p->salary_min, lang);
	i18n_format_int(hi, sizeof hi, p->salary_max, lang);
	const char *sign = currency_sign(p->currency);
	const char *per_year = i18n_gettext_in(lang, N_("per year, gross"));
	if (p->salary_min > 0 && p->salary_max > 0)
		return arena_printf(&r->arena, "%s–%s %s %s", lo, hi, sign, per_year);
	if (p->salary_min > 0)
		return arena_printf(&r->arena, "%s %s %s %s", i18n_gettext_in(lang, N_("from")), lo, sign, per_year);
	if (p->salary_max > 0)
		return arena_printf(&r->arena, "%s %s %s %s", i18n_gettext_in(lang, N_("up to")), hi, sign, per_year);
	return NULL;
}

/* The workplace as the JSON-LD names it: street, postal code and city of
 * the company when the job is there, else the position's location. */
static const char *address_text(struct request *r, const struct position *p, const struct organisation *o)
{
	if (!p->location[0] || str_eq(p->location, o->city)) {
		struct buf b = BUF_INIT;
		if (o->street[0])
			buf_printf(&b, "%s, ", o->street);
		buf_printf(&b, "%s%s%s", o->postal_code, o->postal_code[0] ? " " : "", o->city);
		if (o->country[0] && !str_eq(o->country, "DE"))
			buf_printf(&b, ", %s", o->country);
		const char *s = arena_strdup(&r->arena, buf_cstr(&b));
		buf_free(&b);
		return s;
	}
	return p->location;
}

static void fact(struct request *r, enum lang lang, const char *label, const char *value)
{
	if (value && *value)
		html_printf(&r->out, "<dt>%s</dt><dd>%s</dd>", i18n_gettext_in(lang, label), value);
}

void page_job(struct request *r)
{
	struct stored_ad *ad = arena_alloc(&r->arena, sizeof *ad);
	enum store_rc rc = store_ad_by_slug(r->store, r->path_key, ad);
	if (rc == STORE_NOT_FOUND) {
		public_status_page(r, 404);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	if (!ad->published || ad_expired(ad, r->now)) {
		public_status_page(r, 410);
		return;
	}
	struct position p;
	struct organisation org;
	if (store_position_get(r->store, ad->position_id, &p) != STORE_OK ||
	    store_organisation_get(r->store, p.organisation_id, &org) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	enum lang lang = str_eq(ad->ad.lang, "en") ? LANG_EN : LANG_DE;
	const char *host = req_header(r, "Host");
	bool host_ok = !str_empty(host) && strlen(host) < 256 && strspn(host,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen(host);
	const char *url = host_ok ? arena_printf(&r->arena, "%s://%s/jobs/%s", r->secure ? "https" : "http", host, ad->slug) : NULL;
	json_t *ld = job_ad_jsonld(&ad->ad, &p, &org, ad->date_posted, ad->valid_through, url);

	struct buf *o = &r->out;
	public_begin(r, lang, ad->ad.title, org.name[0] ? org.name : _("Careers"), false);
	html_printf(o, "<article class=\"job-ad\" lang=\"%s\"><header class=\"job-ad-header\"><p class=\"job-company\">%s</p>"
		       "<h1>%s</h1></header>",
		    ad->ad.lang, org.name, ad->ad.title);
	html_printf(o, "<dl class=\"facts job-ad-facts\" aria-label=\"%s\">", i18n_gettext_in(lang, N_("Key facts")));
	fact(r, lang, N_("Company"), org.name);
	fact(r, lang, N_("Place of work"), address_text(r, &p, &org));
	if (p.remote != REMOTE_ONSITE)
		fact(r, lang, N_("Remote work"), i18n_gettext_in(lang, remote_policy_label(p.remote)));
	fact(r, lang, N_("Employment type"), i18n_gettext_in(lang, employment_type_label(p.employment)));
	fact(r, lang, N_("Salary"), salary_text(r, &p, lang));
	fact(r, lang, N_("Posted"), date_text(r, ad->date_posted, lang));
	fact(r, lang, N_("Apply by"), date_text(r, ad->valid_through, lang));
	html_raw(o, "</dl><div class=\"job-ad-body\">");
	/* job_ad_to_html escapes every text it writes (job_ad.h). */
	job_ad_to_html(&ad->ad, o);
	html_raw(o, "</div></article>");
	job_apply_section(r, ad, &p, &org);
	if (ld)
		jsonld_script(o, ld);
	json_decref(ld);
	public_end(r, lang);
}
