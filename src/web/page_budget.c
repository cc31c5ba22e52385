/*
 * page_budget.c — the budget band of a position (R-OFFER-1): the minimum
 * and maximum fixed annual salary an offer may carry without approval. The
 * position's CFO stakeholder (a stakeholder of role cfo with their own
 * account) or an administrator sets it; everyone else who may see offers
 * sees it read-only. The store audits every change with old and new values.
 *
 * GET  /positions/{id}/budget   whoever manages candidates and the CFO (checked here)
 * POST /positions/{id}/budget   the CFO stakeholder or an admin (checked here)
 * ?back=APPLICATION_ID leads back to that application's offer page.
 */
#include <stdio.h>
#include <string.h>

#include "util/str.h"
#include "web/api_offers.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"

static const char *money(struct request *r, int64_t v)
{
	char num[32];
	i18n_format_int(num, sizeof num, (long long)v, r->lang);
	return r->lang == LANG_EN ? arena_printf(&r->arena, "€%s", num) : arena_printf(&r->arena, "%s €", num);
}

/* The application to return to (?back= or the form's back), 0 for none. */
static long long back_of(struct request *r)
{
	const char *v = r->method == HTTP_POST ? req_form(r, "back") : req_query(r, "back");
	long long id = 0;
	return v && str_to_int64(v, 1, INT64_MAX, &id) ? id : 0;
}

static void budget_field(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			 const char *value)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field%s\"><label for=\"bb-%s\">%s</label>", err ? " has-error" : "", name, label);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"bb-%s-err\">%s</p>", name, err);
	html_printf(o, "<input id=\"bb-%s\" name=\"%s\" type=\"number\" min=\"0\" step=\"1000\" value=\"%s\" aria-invalid=\"%s\"></div>",
		    name, name, value ? value : "", err ? "true" : "false");
}

/* The page; min/max as typed after a refused submission (NULL: the band). */
static void render(struct request *r, const struct position *p, const char *min, const char *max,
		   const struct form_errors *fe)
{
	struct buf *o = &r->out;
	struct budget_band band;
	enum store_rc rc = store_budget_band_get(r->store, p->id, &band);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	bool has = rc == STORE_OK;
	bool may = offer_may_approve(r, p->id);
	long long back = back_of(r);
	position_page_begin(r, p, "budget", _("Budget band"));
	if (str_eq(req_query(r, "done"), "band_saved"))
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _("The budget band has been saved."));
	if (back > 0)
		html_printf(o, "<p class=\"actions\"><a class=\"btn\" href=\"/applications/%lld/offer\">%s</a></p>", back,
			    _("Back to the offer"));
	html_printf(o, "<section class=\"card budget-band\" id=\"band\" aria-labelledby=\"bb-title\"><h2 id=\"bb-title\">%s</h2>",
		    _("Budget band (fixed salary per year)"));
	if (has)
		html_printf(o, "<p class=\"budget-current\" data-min=\"%lld\" data-max=\"%lld\"><strong>%s – %s</strong> "
			       "<span class=\"muted\">%s</span></p>",
			    (long long)band.min_salary, (long long)band.max_salary, money(r, band.min_salary),
			    money(r, band.max_salary),
			    arena_printf(&r->arena, _("set by %s"), band.set_by_name[0] ? band.set_by_name : _("command line")));
	else
		html_printf(o, "<p class=\"muted budget-current\">%s</p>", _("No budget band set yet."));
	html_printf(o, "<p class=\"hint\">%s</p>",
		    _("An offer with a fixed salary outside the band needs the approval of the position's CFO or an "
		      "administrator before it can be sent."));
	if (!may) {
		html_printf(o, "<p class=\"muted budget-readonly\">%s</p></section>",
			    _("Only the position's CFO (a stakeholder with the role CFO) or an administrator can change the band."));
		page_end(r);
		return;
	}
	char cur_min[24] = "", cur_max[24] = "";
	if (has) {
		snprintf(cur_min, sizeof cur_min, "%lld", (long long)band.min_salary);
		snprintf(cur_max, sizeof cur_max, "%lld", (long long)band.max_salary);
	}
	if (fe && fe->n)
		form_error_summary_for(r, fe, "bb");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/budget\" novalidate>", (long long)p->id);
	csrf_field(r);
	if (back > 0)
		html_printf(o, "<input type=\"hidden\" name=\"back\" value=\"%lld\">", back);
	html_raw(o, "<div class=\"form-grid\">");
	budget_field(r, fe, "min_salary", _("Minimum (EUR)"), min ? min : cur_min);
	budget_field(r, fe, "max_salary", _("Maximum (EUR)"), max ? max : cur_max);
	html_printf(o, "</div><div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Save the band"));
	page_end(r);
}

static bool load_visible(struct request *r, struct position *p)
{
	if (!position_load_from_path(r, p))
		return false;
	if (!offer_may_view(r, p->id)) {
		page_error(r, 403, _("The budget band is visible to recruiters, hiring managers, administrators and the "
				     "position's CFO."));
		return false;
	}
	return true;
}

void page_budget(struct request *r)
{
	struct position p;
	if (!load_visible(r, &p))
		return;
	render(r, &p, NULL, NULL, NULL);
}

void page_budget_save(struct request *r)
{
	struct position p;
	if (!position_load_from_path(r, &p))
		return;
	if (!offer_may_approve(r, p.id)) {
		page_error(r, 403, _("Only the position's CFO (a stakeholder with the role CFO) or an administrator can change "
				     "the band."));
		return;
	}
	const char *min_text = req_form(r, "min_salary"), *max_text = req_form(r, "max_salary");
	min_text = min_text ? str_trim(arena_strdup(&r->arena, min_text)) : "";
	max_text = max_text ? str_trim(arena_strdup(&r->arena, max_text)) : "";
	struct form_errors fe = { 0 };
	long long min = 0, max = 0;
	if (!str_to_int64(min_text, 0, OFFER_SALARY_LIMIT - 1, &min))
		form_error(&fe, "min_salary", _("Please enter the minimum as a whole number of euros."));
	if (!str_to_int64(max_text, 0, OFFER_SALARY_LIMIT - 1, &max))
		form_error(&fe, "max_salary", _("Please enter the maximum as a whole number of euros."));
	else if (fe.n == 0 && max < min)
		form_error(&fe, "max_salary", _("The maximum must not be below the minimum."));
	if (fe.n == 0) {
		struct budget_band b = { .position_id = p.id, .min_salary = min, .max_salary = max };
		str_copy(b.currency, sizeof b.currency, "EUR");
		struct actor who = req_actor(r);
		enum store_rc rc = store_budget_band_set(r->store, &who, &b, r->now);
		if (rc == STORE_OK) {
			long long back = back_of(r);
			resp_redirect(r, back > 0 ? arena_printf(&r->arena, "/applications/%lld/offer?done=band_saved", back)
						  : arena_printf(&r->arena, "/positions/%lld/budget?done=band_saved", (long long)p.id));
			return;
		}
		if (rc != STORE_INVALID) {
			page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
			return;
		}
		form_error(&fe, "min_salary", _("The band could not be stored as given."));
	}
	r->status = 422;
	render(r, &p, min_text, max_text, &fe);
}
