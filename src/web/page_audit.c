/*
 * page_audit.c — the audit log for administrators (R-X-4): who changed
 * what and when, newest first, 50 rows a page.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"

#define AUDIT_PAGE_SIZE 50

struct audit_label {
	const char *code;
	const char *label;
};

/* Readable names for the stored entity and action codes; unknown codes are
 * shown as they are. */
static const struct audit_label audit_labels[] = {
	{ "user", N_("User") }, { "session", N_("Login") }, { "token", N_("API token") },
	{ "create", N_("created") }, { "update", N_("changed") }, { "disable", N_("disabled") },
	{ "enable", N_("enabled") }, { "revoke", N_("revoked") }, { "login", N_("logged in") },
	{ "logout", N_("logged out") }, { "login_failed", N_("login failed") },
	{ "login_blocked_ip", N_("login blocked (IP address)") },
	{ "login_blocked_account", N_("login blocked (account)") },
};

static const char *audit_label(const char *code)
{
	for (size_t i = 0; i < sizeof audit_labels / sizeof audit_labels[0]; i++)
		if (strcmp(audit_labels[i].code, code) == 0)
			return _(audit_labels[i].label);
	return code;
}

void page_audit(struct request *r)
{
	struct buf *o = &r->out;
	long long page = 1;
	const char *p = req_query(r, "page");
	if (p && !str_to_int64(p, 1, 1000000, &page)) {
		page_error(r, 400, _("The page number must be a positive whole number."));
		return;
	}
	struct audit_entry *rows = NULL;
	size_t n = 0;
	int64_t total = 0;
	if (store_audit_count(r->store, &total) != STORE_OK ||
	    store_audit_list(r->store, AUDIT_PAGE_SIZE, (int)((page - 1) * AUDIT_PAGE_SIZE), &rows, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("Audit log"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/audit");
	html_printf(o, "<p class=\"lead\">%s</p>", _("Every change in stellwerk is recorded here: who, what, when."));
	if (n == 0) {
		html_printf(o, "<section class=\"empty-state\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2></section>",
			    asset_url(r, "icons/shield.svg"), _("No entries on this page"));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th></tr></thead><tbody>",
			    _("Audit log"), _("Time"), _("Who"), _("IP address"), _("Object"), _("Action"), _("Changes"));
		for (size_t i = 0; i < n; i++) {
			char when[64];
			i18n_format_datetime(when, sizeof when, (time_t)rows[i].at, r->lang);
			/* The store keeps changes ASCII-escaped; show them with their umlauts. */
			json_t *changes = json_loads(rows[i].changes, 0, NULL);
			char *shown = changes ? json_dumps(changes, JSON_COMPACT) : NULL;
			html_printf(o, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s #%lld</td><td>%s</td><td><code>%s</code></td></tr>",
				    when, rows[i].actor, rows[i].ip, audit_label(rows[i].entity), (long long)rows[i].entity_id,
				    audit_label(rows[i].action),
				    shown ? shown : rows[i].changes);
			free(shown);
			json_decref(changes);
		}
		html_raw(o, "</tbody></table></div>");
	}
	html_raw(o, "<nav class=\"pager\">");
	if (page > 1)
		html_printf(o, "<a rel=\"prev\" href=\"/settings/audit?page=%lld\">%s</a>", page - 1, _("Newer"));
	html_printf(o, "<span>%s %lld</span>", _("Page"), page);
	if (page * AUDIT_PAGE_SIZE < total)
		html_printf(o, "<a rel=\"next\" href=\"/settings/audit?page=%lld\">%s</a>", page + 1, _("Older"));
	html_raw(o, "</nav>");
	free(rows);
	page_end(r);
}
