/*
 * page_lang.c — the language switch (R-X-3): stores the choice on the user
 * when logged in and in a cookie either way, then returns to the page.
 */
#include "store/users.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/pages.h"

void page_lang(struct request *r)
{
	enum lang l;
	if (!lang_parse(req_form(r, "lang"), &l)) {
		page_error(r, 400, _("Unknown language. Choose DE or EN."));
		return;
	}
	if (r->authenticated) {
		struct actor a = req_actor(r);
		if (store_user_set_lang(r->store, &a, r->user.id, lang_code(l), r->now) != STORE_OK) {
			page_error(r, 500, NULL);
			return;
		}
	}
	resp_set_cookie(r, COOKIE_LANG, lang_code(l), 365LL * 24 * 3600);
	resp_redirect(r, safe_local_path(req_form(r, "next"), "/dashboard"));
}
