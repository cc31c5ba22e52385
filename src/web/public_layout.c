/*
 * public_layout.c — the frame of the public career pages; see public_layout.h.
 */
#include "web/public_layout.h"

#include "web/html.h"
#include "web/layout.h"

/* Head and header of a public page in language lang; brand is the company
 * name shown in the header. */
void public_begin(struct request *r, enum lang lang, const char *title, const char *brand, bool noindex)
{
	struct buf *o = &r->out;
	r->content_type_out = "text/html; charset=utf-8";
	html_printf(o, "<!doctype html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s · %s</title>",
		    lang_code(lang), title, brand);
	if (noindex)
		html_raw(o, "<meta name=\"robots\" content=\"noindex\">");
	html_printf(o, "<link rel=\"stylesheet\" href=\"%s\"><link rel=\"icon\" href=\"%s\"></head>", asset_url(r, "style.css"),
		    asset_url(r, "icons/logo.svg"));
	html_printf(o, "<body class=\"public\"><a class=\"skip-link\" href=\"#main\">%s</a>",
		    i18n_gettext_in(lang, N_("Skip to content")));
	html_printf(o, "<header class=\"public-header\"><a class=\"public-brand\" href=\"/jobs\">%s</a>"
		       "<a class=\"public-nav\" href=\"/jobs\">%s</a></header><main id=\"main\" class=\"public-main\">",
		    brand, i18n_gettext_in(lang, N_("All open positions")));
}

void public_end(struct request *r, enum lang lang)
{
	html_printf(&r->out, "</main><footer class=\"public-footer\"><span>%s</span></footer></body></html>\n",
		    i18n_gettext_in(lang, N_("Career page powered by stellwerk")));
}
