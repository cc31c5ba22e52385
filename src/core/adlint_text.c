/*
 * adlint_text.c — the text side of the ad linter: UTF-8 validation and
 * case folding, tokenising into words, numbers, punctuation and list
 * bullets, German-aware sentence splitting, syllable counting for German and
 * English, and byte offset → line/column conversion.
 *
 * Words keep their inner hyphens, apostrophes and gender signs
 * ("Hands-on-Mentalität", "we're", "Berater:innen"); numbers keep their
 * separators ("1.500", "2,5", "01.03.2025"). Every distinct lower-case word
 * becomes a type that is stemmed, counted in syllables and matched against
 * the pattern index once, however often it occurs.
 *
 * A sentence ends at . ! ? … followed by space, unless the dot closes an
 * abbreviation from the rule data ("z. B.", "ca.", "Dr."), follows a single
 * letter, is a German ordinal ("3. Runde") or is followed by a lower-case
 * word. Line breaks end a sentence at blank lines, around list items, after
 * a colon and after short lines (headings); a long line running on into a
 * line that starts in lower case is wrapped prose and continues.
 */
#include "core/adlint_impl.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "util/xalloc.h"

#define HEADING_MAX_CHARS 60     /* a shorter line without final stop is a heading */
#define ORDINAL_MAX_DIGITS 2     /* "3." and "12." are ordinals, "2010." ends a sentence */

/* --- UTF-8 ------------------------------------------------------------------ */

uint32_t adl_utf8_decode(const unsigned char *p, size_t *n)
{
	if (p[0] < 0x80) {
		*n = 1;
		return p[0];
	}
	if (p[0] < 0xE0) {
		*n = 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0) {
		*n = 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	*n = 4;
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
	       (p[3] & 0x3F);
}

bool adl_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char c = p[i];
		size_t need;
		uint32_t min, cp;

		if (c == 0)
			goto invalid;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			min = 0x80;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			min = 0x800;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			min = 0x10000;
			cp = c & 0x07;
		} else {
			goto invalid;
		}
		if (len - i <= need)
			goto invalid;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				goto invalid;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto invalid;
		i += need + 1;
	}
	return true;
invalid:
	*bad = i;
	return false;
}

static void utf8_put(struct buf *b, uint32_t cp)
{
	char s[4];
	size_t n;

	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_append(b, s, n);
}

/* --- character classes ------------------------------------------------------- */

/* Lower case for Latin (with Latin-1 and Extended-A), Greek and Cyrillic;
 * other characters are returned as they are. */
static uint32_t to_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x178)
			return 0xFF;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c % 2 ? c + 1 : c;
		if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149)
			return c;
		return c % 2 ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c == 0x1E9E)
		return 0xDF;   /* capital sharp s */
	return c;
}

bool adl_is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c | 32) >= 'a' && (c | 32) <= 'z';
	if (c < 0xC0)
		return c == 0xAA || c == 0xB5 || c == 0xBA;
	if (c == 0xD7 || c == 0xF7)
		return false;
	if (c < 0x2000)
		return true;   /* Latin, Greek, Cyrillic, ... and combining marks */
	if (c < 0x3040)
		return false;  /* punctuation, symbols, arrows, CJK punctuation */
	if (c >= 0xFE00 && c <= 0xFFFF)
		return false;  /* variation selectors, specials */
	return c < 0x1F000;    /* emoji and pictographs are not letters */
}

static bool is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
	       c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool is_hyphen(uint32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static bool is_bullet_sign(uint32_t c)
{
	return c == '-' || c == '*' || c == '+' || c == 0x2022 || c == 0x2013 || c == 0x2014 || c == 0xB7 ||
	       c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == 0x25CB || c == 0x25A0 || c == 0x25BA ||
	       c == 0x2713 || c == 0x2714 || c == 0x2043 || c == 0x25CF || c == 0x27A4 || c == 0x2192;
}

static bool is_closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201C || c == 0x201D || c == 0x2019 ||
	       c == 0xBB || c == 0xAB || c == 0x203A || c == 0x2039;
}

void adl_fold(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	buf_reserve(b, n);
	while (i < n) {
		if (p[i] < 0x80) {
			char c = (char)p[i];
			buf_putc(b, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
			i++;
			continue;
		}
		uint32_t cp = adl_utf8_decode(p + i, &k);
		i += k;
		if (cp == 0xAD)
			continue;   /* soft hyphen */
		if (cp == 0x2019) {
			buf_putc(b, '\'');   /* "don’t" is "don't" */
			continue;
		}
		utf8_put(b, to_lower(cp));
	}
}

size_t adl_chars(const char *s, size_t a, size_t b)
{
	size_t n = 0;

	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) == 0x80)
			continue;
		/* U+FEFF (a byte order mark) is invisible: EF BB BF */
		if (c == 0xEF && i + 2 < b && (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF)
			continue;
		n++;
	}
	return n;
}

/* --- syllables ----------------------------------------------------------------- */

static bool is_vowel_de(uint32_t c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 0xE4 || c == 0xF6 ||
	       c == 0xFC || c == 0xE9 || c == 0xE8 || c == 0xE0 || c == 0xE2;
}

/* Two vowels spoken as one syllable in German (diphthongs, long vowels). */
static bool one_sound_de(uint32_t a, uint32_t b)
{
	static const char *const pairs[] = { "ai", "au", "ay", "ei", "ey", "eu", "ie", "aa", "ee", "oo", "ou" };
	if (a == 0xE4 && b == 'u')
		return true;   /* äu */
	if (a >= 0x80 || b >= 0x80)
		return false;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if ((uint32_t)pairs[i][0] == a && (uint32_t)pairs[i][1] == b)
			return true;
	return false;
}

static int syllables_de(const uint32_t *c, size_t n)
{
	int count = 0;
	size_t i = 0;

	while (i < n) {
		if (!is_vowel_de(c[i]) || (c[i] == 'u' && i > 0 && c[i - 1] == 'q')) {
			i++;
			continue;
		}
		/* one group of vowels: pairs that sound as one count once */
		while (i < n && is_vowel_de(c[i])) {
			count++;
			if (i + 1 < n && is_vowel_de(c[i + 1]) && one_sound_de(c[i], c[i + 1]))
				i += 2;
			else
				i++;
		}
	}
	return count > 0 ? count : 1;
}

static bool is_vowel_en(uint32_t c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static bool ends_with(const uint32_t *c, size_t n, const char *s)
{
	size_t k = strlen(s);
	if (k > n)
		return false;
	for (size_t i = 0; i < k; i++)
		if (c[n - k + i] != (uint32_t)(unsigned char)s[i])
			return false;
	return true;
}

static int syllables_en(const uint32_t *c, size_t n)
{
	int count = 0;

	for (size_t i = 0; i < n; i++) {
		bool v = is_vowel_en(c[i]) && !(c[i] == 'y' && i == 0);
		bool prev = i > 0 && is_vowel_en(c[i - 1]) && !(c[i - 1] == 'y' && i - 1 == 0);
		if (v && !prev)
			count++;
	}
	if (count > 1) {
		if (ends_with(c, n, "e") && !ends_with(c, n, "ee") && !ends_with(c, n, "ye") &&
		    !(n >= 3 && ends_with(c, n, "le") && !is_vowel_en(c[n - 3])))
			count--;   /* silent final e: make, time */
		else if (ends_with(c, n, "es") && n >= 3 && !ends_with(c, n, "ses") && !ends_with(c, n, "xes") &&
			 !ends_with(c, n, "zes") && !ends_with(c, n, "ches") && !ends_with(c, n, "shes") &&
			 !ends_with(c, n, "ges") && !ends_with(c, n, "ces") && !is_vowel_en(c[n - 3]))
			count--;   /* makes, roles */
		else if (ends_with(c, n, "ed") && n >= 3 && c[n - 3] != 't' && c[n - 3] != 'd')
			count--;   /* played, managed */
	}
	return count > 0 ? count : 1;
}

int adl_syllables(const char *fold, size_t n, enum adlint_lang lang)
{
	uint32_t cps[64];
	size_t m = 0, i = 0, k;
	int total = 0;

	/* count per hyphen-separated part; long parts are cut at 64 letters */
	while (i <= n) {
		uint32_t cp = i < n ? adl_utf8_decode((const unsigned char *)fold + i, &k) : '-';
		if (i == n)
			k = 1;
		if (is_hyphen(cp) || cp == '\'' || cp == 0x2019 || !adl_is_letter(cp)) {
			if (m > 0)
				total += lang == ADLINT_DE ? syllables_de(cps, m) : syllables_en(cps, m);
			m = 0;
		} else if (m < sizeof cps / sizeof cps[0]) {
			cps[m++] = cp;
		}
		i += k;
	}
	return total > 0 ? total : 1;
}

/* --- tokens --------------------------------------------------------------------- */

static uint32_t cp_at(const struct adl_doc *doc, size_t i, size_t *n)
{
	if (i >= doc->len) {
		*n = 0;
		return 0;
	}
	return adl_utf8_decode((const unsigned char *)doc->text + i, n);
}

static bool word_char(uint32_t c)
{
	return adl_is_letter(c) || is_digit(c) || c == 0xAD;
}

/* Length of a gender ending at i: "*in", ":innen", "/-in", "_innen" ...
 * followed by a non-letter; 0 when there is none. */
static size_t gender_suffix(const struct adl_doc *doc, size_t i)
{
	size_t n, k = i;
	uint32_t c = cp_at(doc, k, &n);

	if (c != '*' && c != ':' && c != '_' && c != '/')
		return 0;
	k += n;
	if (c == '/' && k < doc->len && doc->text[k] == '-')
		k++;
	if (k + 2 > doc->len || (doc->text[k] | 32) != 'i' || doc->text[k + 1] != 'n')
		return 0;
	k += 2;
	if (k + 3 <= doc->len && memcmp(doc->text + k, "nen", 3) == 0)
		k += 3;
	if (word_char(cp_at(doc, k, &n)))
		return 0;
	return k - i;
}

static struct adl_token *push_token(struct adl_doc *doc, uint8_t kind, size_t start, size_t end, uint32_t line)
{
	if (doc->ntok == doc->captok) {
		doc->captok = doc->captok ? doc->captok * 2 : 256;
		doc->tok = xrealloc(doc->tok, doc->captok * sizeof *doc->tok);
	}
	struct adl_token *t = &doc->tok[doc->ntok++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->line = line;
	return t;
}

/* May a pattern item want the stem of this word? Looks up its beginnings
 * from the longest key down, as shorter stems are keyed whole. */
static bool stem_wanted(const struct adl_doc *doc, const char *fold, size_t n)
{
	char key[ADL_STEM_KEY_MAX];
	uint64_t h[ADL_STEM_KEY_MAX + 1], acc = 0xcbf29ce484222325ULL;
	size_t kl = adl_stem_start(fold, n, doc->lang, key);
	/* the hashes of every beginning in one pass (adl_hash's FNV-1a) */
	for (size_t i = 0; i < kl; i++) {
		acc ^= (unsigned char)key[i];
		acc *= 0x100000001b3ULL;
		h[i + 1] = acc ? acc : 1;
	}
	for (; kl > 0; kl--)
		if (adl_map_get(&doc->index->stem_starts, doc->rules->pool.data, key, kl, h[kl]) >= 0)
			return true;
	return false;
}

/* --- per-thread stem cache ------------------------------------------------------
 *
 * A stem depends only on the language and the lower-case word, not on the
 * rules, so each thread keeps its Snowball stemmers (sb_stemmer_new is
 * costly) and the stems it has computed across checks. Nothing is shared
 * between threads; a thread's cache is freed when it exits (pthread key
 * destructor) and emptied when it holds STEM_CACHE_MAX words. */

#define STEM_CACHE_MAX 8192

struct stem_cache {
	struct sb_stemmer *stemmer[ADL_LANGS];
	struct buf pool[ADL_LANGS];     /* word NUL stem NUL ... */
	struct adl_map stems[ADL_LANGS];   /* word -> offset of its stem */
};

static _Thread_local struct stem_cache *tl_stem_cache;
static pthread_key_t stem_cache_key;
static pthread_once_t stem_cache_once = PTHREAD_ONCE_INIT;

static void stem_cache_destroy(void *p)
{
	struct stem_cache *c = p;
	for (int l = 0; l < ADL_LANGS; l++) {
		if (c->stemmer[l])
			sb_stemmer_delete(c->stemmer[l]);
		buf_free(&c->pool[l]);
		adl_map_free(&c->stems[l]);
	}
	free(c);
	tl_stem_cache = NULL;
}

static void stem_cache_key_init(void)
{
	if (pthread_key_create(&stem_cache_key, stem_cache_destroy) != 0)
		abort();
}

static struct stem_cache *stem_cache_get(void)
{
	if (!tl_stem_cache) {
		pthread_once(&stem_cache_once, stem_cache_key_init);
		tl_stem_cache = xcalloc(1, sizeof *tl_stem_cache);
		for (int l = 0; l < ADL_LANGS; l++)
			buf_init(&tl_stem_cache->pool[l]);
		pthread_setspecific(stem_cache_key, tl_stem_cache);
	}
	return tl_stem_cache;
}

/* Appends the stem of the lower-case word (adl_stem) to out, from the
 * thread's cache when it was stemmed before; h is adl_hash(fold, flen). */
static void cached_stem(enum adlint_lang lang, const char *fold, size_t flen, uint64_t h, struct buf *out)
{
	struct stem_cache *c = stem_cache_get();
	struct buf *pool = &c->pool[lang];
	struct adl_map *map = &c->stems[lang];
	int32_t at = adl_map_get(map, pool->data, fold, flen, h);

	if (at < 0) {
		if (map->count >= STEM_CACHE_MAX || pool->len + flen > (size_t)INT32_MAX / 2) {
			adl_map_free(map);
			buf_reset(pool);
		}
		if (!c->stemmer[lang])
			c->stemmer[lang] = adl_stemmer_new(lang);
		uint32_t off = (uint32_t)pool->len;
		buf_append(pool, fold, flen);
		buf_putc(pool, '\0');
		at = (int32_t)pool->len;
		adl_stem(c->stemmer[lang], fold, flen, pool);
		buf_putc(pool, '\0');
		adl_map_put(map, pool->data, off, (uint32_t)flen, h, at);
	}
	buf_puts(out, pool->data + at);
}

/* The type of the word text[start, end): found or created. */
static uint32_t word_type(struct adl_doc *doc, size_t start, size_t end)
{
	size_t mark = doc->pool.len;
	adl_fold(&doc->pool, doc->text + start, end - start);
	size_t flen = doc->pool.len - mark;
	uint64_t h = adl_hash(doc->pool.data + mark, flen);
	int32_t found = adl_map_get(&doc->type_map, doc->pool.data, doc->pool.data + mark, flen, h);

	if (found >= 0) {
		doc->pool.len = mark;
		doc->pool.data[mark] = '\0';
		return (uint32_t)found;
	}
	buf_putc(&doc->pool, '\0');
	if (doc->ntypes == doc->captypes) {
		doc->captypes = doc->captypes ? doc->captypes * 2 : 256;
		doc->types = xrealloc(doc->types, doc->captypes * sizeof *doc->types);
	}
	struct adl_type *t = &doc->types[doc->ntypes];
	t->fold = (uint32_t)mark;
	t->fold_len = (uint32_t)flen;
	t->stem = (uint32_t)doc->pool.len;
	if (stem_wanted(doc, doc->pool.data + mark, flen))
		cached_stem(doc->lang, doc->pool.data + mark, flen, h, &doc->pool);
	size_t slen = doc->pool.len - t->stem;
	t->stem_len = (uint32_t)slen;
	buf_putc(&doc->pool, '\0');
	t->syllables = adl_syllables(doc->pool.data + mark, flen, doc->lang);
	t->cand = (uint32_t)doc->ncands;
	adl_index_candidates(doc->rules, doc->index, doc->pool.data + t->fold, flen, doc->pool.data + t->stem,
			     slen, doc);
	t->ncand = (uint32_t)(doc->ncands - t->cand);
	adl_map_put(&doc->type_map, doc->pool.data, t->fold, t->fold_len, h, (int32_t)doc->ntypes);
	return (uint32_t)doc->ntypes++;
}

/* Numbered list item at i: one or two digits, '.' or ')', then a space. */
static size_t numbered_bullet(const struct adl_doc *doc, size_t i)
{
	size_t k = i;
	while (k < doc->len && k - i < 3 && is_digit((unsigned char)doc->text[k]))
		k++;
	if (k == i || k - i > 2 || k + 1 >= doc->len)
		return 0;
	if (doc->text[k] != '.' && doc->text[k] != ')')
		return 0;
	if (doc->text[k + 1] != ' ' && doc->text[k + 1] != '\t')
		return 0;
	return k + 1 - i;
}

static void tokenise_line(struct adl_doc *doc, uint32_t li)
{
	struct adl_line *line = &doc->lines[li];
	size_t i = line->start, n;
	bool at_start = true;

	while (i < line->end) {
		uint32_t c = cp_at(doc, i, &n);
		if (is_space(c)) {
			i += n;
			continue;
		}
		if (at_start) {
			at_start = false;
			size_t nb;
			size_t next;
			uint32_t after = cp_at(doc, i + n, &next);
			if (is_bullet_sign(c) && (after == ' ' || after == '\t')) {
				push_token(doc, TOK_BULLET, i, i + n, li);
				line->bullet = true;
				i += n;
				continue;
			}
			if ((nb = numbered_bullet(doc, i)) > 0) {
				push_token(doc, TOK_BULLET, i, i + nb, li);
				line->bullet = true;
				i += nb;
				continue;
			}
		}
		if (is_digit(c)) {
			size_t k = i;
			while (k < line->end) {
				if (is_digit((unsigned char)doc->text[k]))
					k++;
				else if ((doc->text[k] == '.' || doc->text[k] == ',') && k + 1 < line->end &&
					 is_digit((unsigned char)doc->text[k + 1]))
					k++;
				else
					break;
			}
			push_token(doc, TOK_NUMBER, i, k, li);
			i = k;
			continue;
		}
		if (adl_is_letter(c)) {
			size_t k = i;
			for (;;) {
				size_t m, m2;
				uint32_t d = cp_at(doc, k, &m);
				if (k < line->end && word_char(d)) {
					k += m;
					continue;
				}
				if (k >= line->end)
					break;
				uint32_t e = cp_at(doc, k + m, &m2);
				if ((is_hyphen(d) || d == '\'' || d == 0x2019) && k + m < line->end && word_char(e)) {
					k += m;
					continue;
				}
				size_t g = gender_suffix(doc, k);
				if (g > 0 && k + g <= line->end) {
					k += g;
					continue;
				}
				break;
			}
			struct adl_token *t = push_token(doc, TOK_WORD, i, k, li);
			t->upper = to_lower(c) != c;
			t->type = word_type(doc, i, k);
			i = k;
			continue;
		}
		struct adl_token *t = push_token(doc, TOK_PUNCT, i, i + n, li);
		t->cp = c;
		i += n;
	}
}

static void split_lines(struct adl_doc *doc)
{
	size_t start = 0;

	for (size_t i = 0; i <= doc->len; i++) {
		if (i < doc->len && doc->text[i] != '\n')
			continue;
		size_t end = i;
		if (end > start && doc->text[end - 1] == '\r')
			end--;
		if (doc->nlines == doc->caplines) {
			doc->caplines = doc->caplines ? doc->caplines * 2 : 64;
			doc->lines = xrealloc(doc->lines, doc->caplines * sizeof *doc->lines);
		}
		struct adl_line *l = &doc->lines[doc->nlines++];
		memset(l, 0, sizeof *l);
		l->start = (uint32_t)start;
		l->end = (uint32_t)end;
		l->chars = (uint32_t)adl_chars(doc->text, start, end);
		l->blank = true;
		for (size_t k = start, n; k < end; k += n)
			if (!is_space(cp_at(doc, k, &n))) {
				l->blank = false;
				break;
			}
		start = i + 1;
	}
}

/* --- sentences ------------------------------------------------------------------ */

static bool tok_is(const struct adl_doc *doc, size_t i, uint32_t cp)
{
	return i < doc->ntok && doc->tok[i].kind == TOK_PUNCT && doc->tok[i].cp == cp;
}

static bool adjacent(const struct adl_doc *doc, size_t a, size_t b)
{
	return a < doc->ntok && b < doc->ntok && doc->tok[a].end == doc->tok[b].start;
}

static bool is_abbreviation(const struct adl_doc *doc, const char *s, size_t n)
{
	return adl_map_get(&doc->index->abbreviations, doc->rules->pool.data, s, n, adl_hash(s, n)) >= 0;
}

/* Is token w a word of one letter followed right away by a dot? */
static bool single_letter_dot(const struct adl_doc *doc, size_t w)
{
	if (w + 1 >= doc->ntok || doc->tok[w].kind != TOK_WORD || !tok_is(doc, w + 1, '.') || !adjacent(doc, w, w + 1))
		return false;
	const struct adl_type *t = &doc->types[doc->tok[w].type];
	return adl_chars(doc->pool.data, t->fold, t->fold + t->fold_len) == 1;
}

/* Is the dot at token i the end of an abbreviation ("ca.", "z. B.", "z.B.")? */
static bool dot_ends_abbreviation(const struct adl_doc *doc, size_t i)
{
	char key[64];
	size_t klen = 0;

	if (i == 0 || doc->tok[i - 1].kind != TOK_WORD || !adjacent(doc, i - 1, i))
		return false;
	if (single_letter_dot(doc, i - 1)) {
		/* a single letter is an abbreviation inside a row of them ("z. B.",
		 * "u. a.") or before a lower-case word; "Klasse B. Sie" ends */
		if (single_letter_dot(doc, i + 1) || (i >= 2 && single_letter_dot(doc, i - 3)))
			return true;
		if (i + 1 < doc->ntok && doc->tok[i + 1].kind == TOK_WORD && !doc->tok[i + 1].upper)
			return true;
	}
	/* backwards over word-dot pairs: "ca." "u.a." "z.b." */
	for (size_t back = 1; back <= 3; back++) {
		size_t w = i + 1 - 2 * back;   /* the word of this pair */
		if (back > 1 && (i + 1 < 2 * back || doc->tok[w].kind != TOK_WORD || !tok_is(doc, w + 1, '.')))
			break;
		const struct adl_type *tw = &doc->types[doc->tok[w].type];
		if (tw->fold_len + 1 + klen >= sizeof key)
			break;
		memmove(key + tw->fold_len + 1, key, klen);
		memcpy(key, doc->pool.data + tw->fold, tw->fold_len);
		key[tw->fold_len] = '.';
		klen += tw->fold_len + 1;
		if (is_abbreviation(doc, key, klen))
			return true;
	}
	return false;
}

/* Does the sentence end after the terminator token i (followed by closers up
 * to token j)? */
static bool ends_sentence(const struct adl_doc *doc, size_t i, size_t j)
{
	const struct adl_token *t = &doc->tok[i];
	size_t n;

	if (doc->tok[j].end < doc->len && !is_space(cp_at(doc, doc->tok[j].end, &n)))
		return false;   /* "stellwerk.de", "3.5", "?!" inside */
	if (t->cp != '.')
		return true;
	if (dot_ends_abbreviation(doc, i))
		return false;
	if (j + 1 < doc->ntok && doc->tok[j + 1].kind == TOK_WORD && !doc->tok[j + 1].upper &&
	    doc->tok[j + 1].line == t->line)
		return false;   /* an unknown abbreviation before a lower-case word */
	if (doc->lang == ADLINT_DE && i > 0 && doc->tok[i - 1].kind == TOK_NUMBER && adjacent(doc, i - 1, i) &&
	    doc->tok[i - 1].end - doc->tok[i - 1].start <= ORDINAL_MAX_DIGITS && j + 1 < doc->ntok &&
	    doc->tok[j + 1].kind == TOK_WORD && doc->tok[j + 1].line == t->line)
		return false;   /* "3. Runde", "am 12. Mai" */
	return true;
}

static bool is_terminator(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* Does a sentence end at the line break between lines a and b (b > a)? */
static bool line_break_ends_sentence(const struct adl_doc *doc, uint32_t a, uint32_t b, const struct adl_token *next)
{
	const struct adl_line *la = &doc->lines[a];

	if (b > a + 1)
		return true;   /* blank line(s) between */
	if (la->bullet || doc->lines[b].bullet)
		return true;
	size_t e = la->end;
	while (e > la->start && (doc->text[e - 1] == ' ' || doc->text[e - 1] == '\t'))
		e--;
	if (e > la->start && doc->text[e - 1] == ':')
		return true;
	if (next->kind == TOK_WORD && !next->upper)
		return false;   /* wrapped prose continues in lower case */
	return la->chars < HEADING_MAX_CHARS;
}

static void push_sentence(struct adl_doc *doc, size_t first_tok, size_t end_tok, size_t *word_pos)
{
	size_t first_word = *word_pos;

	for (size_t i = first_tok; i < end_tok; i++) {
		doc->tok[i].sentence = (uint32_t)doc->nsent;
		if (doc->tok[i].kind == TOK_WORD || doc->tok[i].kind == TOK_NUMBER)
			(*word_pos)++;
	}
	if (doc->nsent == doc->capsent) {
		doc->capsent = doc->capsent ? doc->capsent * 2 : 64;
		doc->sent = xrealloc(doc->sent, doc->capsent * sizeof *doc->sent);
	}
	struct adl_sentence *s = &doc->sent[doc->nsent++];
	s->start = doc->tok[first_tok].start;
	s->end = doc->tok[end_tok - 1].end;
	s->first_word = (uint32_t)first_word;
	s->end_word = (uint32_t)*word_pos;
	s->has_number = false;
}

static void split_sentences(struct adl_doc *doc)
{
	size_t start = 0, word_pos = 0;

	for (size_t i = 0; i < doc->ntok; i++) {
		const struct adl_token *t = &doc->tok[i];
		size_t j = i;   /* the last token of a terminator with its closers */
		bool brk = false;

		if (t->kind == TOK_PUNCT && is_terminator(t->cp)) {
			while (j + 1 < doc->ntok && adjacent(doc, j, j + 1) && doc->tok[j + 1].kind == TOK_PUNCT &&
			       (is_terminator(doc->tok[j + 1].cp) || is_closer(doc->tok[j + 1].cp)))
				j++;
			brk = ends_sentence(doc, i, j);
		}
		size_t end = j + 1;
		if (!brk && end < doc->ntok && doc->tok[end].line != doc->tok[j].line)
			brk = line_break_ends_sentence(doc, doc->tok[j].line, doc->tok[end].line, &doc->tok[end]);
		if (brk || end >= doc->ntok) {
			push_sentence(doc, start, end, &word_pos);
			start = end;
		}
		i = j;
	}
}

static void find_title(struct adl_doc *doc)
{
	doc->title_line = -1;
	for (size_t i = 0; i < doc->nlines; i++) {
		const struct adl_line *l = &doc->lines[i];
		if (l->blank)
			continue;
		size_t e = l->end;
		while (e > l->start && (doc->text[e - 1] == ' ' || doc->text[e - 1] == '\t'))
			e--;
		if (!l->bullet && l->chars <= 120 && doc->text[e - 1] != '.')
			doc->title_line = (int)i;
		return;
	}
}

void adl_doc_analyse(struct adl_doc *doc)
{
	doc->index = &doc->rules->index[doc->lang];
	buf_init(&doc->pool);
	/* sized for a typical ad (a token per 5 bytes) so that growing is rare */
	buf_reserve(&doc->pool, doc->len + 64);
	doc->captok = doc->len / 5 + 16;
	doc->tok = xmalloc(doc->captok * sizeof *doc->tok);
	doc->captypes = doc->len / 16 + 16;
	doc->types = xmalloc(doc->captypes * sizeof *doc->types);
	adl_map_reserve(&doc->type_map, doc->captypes);
	split_lines(doc);
	for (uint32_t li = 0; li < doc->nlines; li++)
		if (!doc->lines[li].blank)
			tokenise_line(doc, li);
	doc->words = xmalloc((doc->ntok + 1) * sizeof *doc->words);
	for (size_t i = 0; i < doc->ntok; i++)
		if (doc->tok[i].kind == TOK_WORD || doc->tok[i].kind == TOK_NUMBER) {
			doc->tok[i].word = (uint32_t)doc->nwords;
			doc->words[doc->nwords++] = (uint32_t)i;
		}
	split_sentences(doc);
	find_title(doc);
}

void adl_doc_free(struct adl_doc *doc)
{
	buf_free(&doc->pool);
	adl_map_free(&doc->type_map);
	free(doc->tok);
	free(doc->words);
	free(doc->types);
	free(doc->cands);
	free(doc->lines);
	free(doc->sent);
	memset(doc, 0, sizeof *doc);
}

const char *adl_type_fold(const struct adl_doc *doc, uint32_t type)
{
	return doc->pool.data + doc->types[type].fold;
}

void adl_position(const struct adl_doc *doc, size_t off, int *line, int *column)
{
	size_t lo = 0, hi = doc->nlines;

	while (hi - lo > 1) {   /* last line starting at or before off */
		size_t mid = (lo + hi) / 2;
		if (doc->lines[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*column = (int)adl_chars(doc->text, doc->lines[lo].start, off) + 1;
}
