/*
 * public_layout.h — the frame of the public career pages (/jobs, a job ad,
 * the application form and its confirmation): no login, no navigation of
 * the application, the hiring company as the brand, in the ad's language.
 */
#ifndef STELLWERK_WEB_PUBLIC_LAYOUT_H
#define STELLWERK_WEB_PUBLIC_LAYOUT_H

#include <stdbool.h>

#include "util/i18n.h"
#include "web/request.h"

/* Starts the page: head with title "TITLE · BRAND" (noindex when asked),
 * the public header with BRAND and a link to all open positions. */
void public_begin(struct request *r, enum lang lang, const char *title, const char *brand, bool noindex);
void public_end(struct request *r, enum lang lang);

#endif
