/*
 * i18n.h — translations and locale-aware formatting (R-X-3).
 *
 * Message ids in the source are English; po/de.po translates them to German,
 * the default UI language. The catalogs are compiled with msgfmt at build time
 * and embedded (see embedded.h); i18n_gettext looks a message up in the
 * catalog of the calling thread's current language, which the web layer sets
 * per request. xgettext extracts the keywords _ and N_.
 */
#ifndef STELLWERK_UTIL_I18N_H
#define STELLWERK_UTIL_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum lang { LANG_DE, LANG_EN, LANG__COUNT };
#define LANG_DEFAULT LANG_DE

void i18n_init(void);                          /* loads the embedded catalogs once */
void i18n_set_lang(enum lang lang);            /* for the calling thread */
enum lang i18n_lang(void);

const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_ngettext(const char *singular, const char *plural, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));
const char *i18n_gettext_in(enum lang lang, const char *msgid) __attribute__((format_arg(2)));

#define _(s) i18n_gettext(s)
#ifndef N_
#define N_(s) (s)
#endif

const char *lang_code(enum lang lang);         /* "de", "en" */
bool lang_parse(const char *code, enum lang *out);
/* Picks the best supported language from an Accept-Language header value. */
enum lang lang_from_accept_language(const char *header);

/* Formats a unix time as a date ("27.11.2026" / "27 Nov 2026") or date and
 * time in the given language, in UTC+local offset of the server. */
void i18n_format_date(char *out, size_t n, time_t t, enum lang lang);
void i18n_format_datetime(char *out, size_t n, time_t t, enum lang lang);
/* Formats an integer with thousands separators ("12.500" / "12,500"). */
void i18n_format_int(char *out, size_t n, long long v, enum lang lang);

#endif
