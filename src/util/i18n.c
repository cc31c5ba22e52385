/*
 * i18n.c — lookups in embedded GNU .mo catalogs and locale formatting; see
 * i18n.h. The .mo format is a header followed by two tables of (length,
 * offset) pairs for the sorted original strings and their translations, so a
 * lookup is a binary search. Catalogs are validated once at load.
 */
#include "util/i18n.h"
#include "util/embedded.h"
#include "util/log.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct catalog {
	const unsigned char *data;
	size_t len;
	uint32_t count;
	uint32_t orig_offset;
	uint32_t trans_offset;
};

static struct catalog catalogs[LANG__COUNT];
static _Thread_local enum lang thread_lang = LANG_DEFAULT;

static uint32_t read_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Checks the whole .mo file so lookups need no bounds checks of their own. */
static bool catalog_load(struct catalog *c, const unsigned char *data, size_t len)
{
	if (len < 28 || read_u32(data) != 0x950412deu)
		return false;
	uint32_t count = read_u32(data + 8), orig = read_u32(data + 12), trans = read_u32(data + 16);
	if ((uint64_t)orig + (uint64_t)count * 8 > len || (uint64_t)trans + (uint64_t)count * 8 > len)
		return false;
	for (uint32_t i = 0; i < count; i++) {
		for (int t = 0; t < 2; t++) {
			const unsigned char *e = data + (t ? trans : orig) + i * 8;
			uint64_t slen = read_u32(e), soff = read_u32(e + 4);
			if (soff + slen >= len || data[soff + slen] != '\0')
				return false;
		}
	}
	c->data = data;
	c->len = len;
	c->count = count;
	c->orig_offset = orig;
	c->trans_offset = trans;
	return true;
}

void i18n_init(void)
{
	const struct embedded_file *de = embedded_find("locale/de.mo");
	if (!de || !catalog_load(&catalogs[LANG_DE], de->data, de->len))
		log_warn("German message catalog missing or corrupt; showing English");
}

void i18n_set_lang(enum lang lang)
{
	thread_lang = lang < LANG__COUNT ? lang : LANG_DEFAULT;
}

enum lang i18n_lang(void)
{
	return thread_lang;
}

/* Returns the translation entry (possibly several NUL-separated plural forms)
 * or NULL when the catalog has none. */
static const char *catalog_lookup(const struct catalog *c, const char *msgid)
{
	if (!c->data || !msgid || !*msgid)
		return NULL;
	uint32_t lo = 0, hi = c->count;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const unsigned char *e = c->data + c->orig_offset + mid * 8;
		int cmp = strcmp(msgid, (const char *)c->data + read_u32(e + 4));
		if (cmp == 0) {
			const unsigned char *t = c->data + c->trans_offset + mid * 8;
			if (read_u32(t) == 0)
				return NULL;
			return (const char *)c->data + read_u32(t + 4);
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *i18n_gettext_in(enum lang lang, const char *msgid)
{
	if (lang >= LANG__COUNT)
		lang = LANG_DEFAULT;
	const char *t = catalog_lookup(&catalogs[lang], msgid);
	return t ? t : msgid;
}

const char *i18n_gettext(const char *msgid)
{
	return i18n_gettext_in(thread_lang, msgid);
}

const char *i18n_ngettext(const char *singular, const char *plural, unsigned long n)
{
	/* German and English share the plural rule n != 1. */
	const char *t = catalog_lookup(&catalogs[thread_lang], singular);
	if (!t)
		return n == 1 ? singular : plural;
	return n == 1 ? t : t + strlen(t) + 1;
}

const char *lang_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "de";
}

bool lang_parse(const char *code, enum lang *out)
{
	if (!code)
		return false;
	if (strcmp(code, "de") == 0)
		*out = LANG_DE;
	else if (strcmp(code, "en") == 0)
		*out = LANG_EN;
	else
		return false;
	return true;
}

enum lang lang_from_accept_language(const char *header)
{
	enum lang best = LANG_DEFAULT;
	double best_q = -1;
	const char *p = header;
	while (p && *p) {
		while (*p == ' ' || *p == ',')
			p++;
		char tag[16];
		size_t n = 0;
		while (*p && *p != ',' && *p != ';' && *p != ' ') {
			if (n < sizeof tag - 1)
				tag[n++] = (char)tolower((unsigned char)*p);
			p++;
		}
		tag[n] = '\0';
		double q = 1.0;
		while (*p && *p != ',') {
			if (p[0] == 'q' && p[1] == '=')
				q = strtod(p + 2, NULL);
			p++;
		}
		enum lang l;
		char primary[3] = { tag[0], tag[0] ? tag[1] : '\0', '\0' };
		if ((n == 2 || (n > 2 && tag[2] == '-')) && lang_parse(primary, &l) && q > best_q) {
			best = l;
			best_q = q;
		}
	}
	return best;
}

static const char *month_abbrev_en[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

void i18n_format_date(char *out, size_t n, time_t t, enum lang lang)
{
	struct tm tm;
	localtime_r(&t, &tm);
	if (lang == LANG_EN)
		snprintf(out, n, "%d %s %d", tm.tm_mday, month_abbrev_en[tm.tm_mon], tm.tm_year + 1900);
	else
		snprintf(out, n, "%02d.%02d.%d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

void i18n_format_datetime(char *out, size_t n, time_t t, enum lang lang)
{
	char date[32];
	struct tm tm;
	i18n_format_date(date, sizeof date, t, lang);
	localtime_r(&t, &tm);
	snprintf(out, n, "%s, %02d:%02d", date, tm.tm_hour, tm.tm_min);
}

void i18n_format_int(char *out, size_t n, long long v, enum lang lang)
{
	char digits[32];
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	int len = snprintf(digits, sizeof digits, "%llu", u);
	char sep = lang == LANG_EN ? ',' : '.';
	char tmp[48];
	size_t k = 0;
	if (v < 0)
		tmp[k++] = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			tmp[k++] = sep;
		tmp[k++] = digits[i];
	}
	tmp[k] = '\0';
	snprintf(out, n, "%s", tmp);
}
