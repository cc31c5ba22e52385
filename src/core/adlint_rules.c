/*
 * adlint_rules.c — compiles the linter's rule data (data/adlint/NAME.txt, format
 * in data/adlint/README.md) into blocks, patterns and a per-language index,
 * and keeps the small string map the linter uses for its indexes.
 *
 * A pattern is a row of items ("dynamisches Umfeld", "zwischen <num> und
 * <num> Jahre alt", "Vorteile ... Konzern"). The index maps what a word
 * offers — its Snowball stem, its lower-case form, its first and last two
 * bytes — to the patterns whose first item may match it, so a document's
 * word type is matched against the whole rule set with four lookups.
 */
#include "core/adlint_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "util/xalloc.h"

const char *const adl_list_names[LIST__COUNT] = {
	[LIST_ABBREVIATIONS] = "abbreviations",
	[LIST_NUMBER_WORDS] = "number_words",
	[LIST_KAM] = "kam",
	[LIST_ACCOUNT] = "account",
	[LIST_CURRENCY] = "currency",
	[LIST_MILLION] = "million",
	[LIST_REVENUE] = "revenue",
	[LIST_SALARY] = "salary",
	[LIST_SALARY_PERIOD] = "salary_period",
	[LIST_SALARY_HOUR] = "salary_hour",
	[LIST_NEGATION] = "negation",
	[LIST_WELCOMING] = "welcoming",
	[LIST_REGION] = "region",
	[LIST_LOCATION] = "location",
	[LIST_NEUTRAL_TITLE] = "neutral_title",
	[LIST_NEUTRAL_HEAD] = "neutral_head",
	[LIST_GENDERED_TITLE] = "gendered_title",
	[LIST_AGENTIC] = "agentic",
	[LIST_COMMUNAL] = "communal",
	[LIST_GENDER_EXCEPTION] = "gender_exception",
};

const char *const adl_code_rules[] = {
	"agg.title_gender", "agg.title_binary", "structure.no_title", "structure.long_paragraph",
	"structure.no_bullets", "structure.opening_facts", "structure.too_long", "structure.too_short",
	"pay.no_range", "vague.kam_accounts", "vague.kam_revenue", "vague.kam_region", "gender.balance",
	"readability.score", "readability.long_sentence", NULL,
};

/* Texts the code composes summaries and messages from. */
static const char *const code_texts[] = {
	"summary.empty", "summary.clean", "summary.findings", "summary.and", "count.error.one",
	"count.error.many", "count.warning.one", "count.warning.many", "count.hint.one", "count.hint.many",
	"family.cliche", "family.vague", "family.promise", "family.structure", "family.agg", "family.pay",
	"family.gender", "family.readability", "fact.role", "fact.location", "fact.salary",
	"gender.mild", "gender.strong", "formula.de", "formula.en", "size.chars", "size.lines", NULL,
};

static const struct {
	const char *name;
	double value;
} param_defaults[PARAM__COUNT] = {
	[PARAM_PARAGRAPH_MAX_LINES] = { "paragraph_max_lines", 5 },
	[PARAM_PARAGRAPH_MAX_CHARS] = { "paragraph_max_chars", 600 },
	[PARAM_OPENING_CHARS] = { "opening_chars", 400 },
	[PARAM_MAX_WORDS] = { "max_words", 900 },
	[PARAM_MIN_WORDS] = { "min_words", 150 },
	[PARAM_LONG_SENTENCE_WORDS] = { "long_sentence_words", 25 },
	[PARAM_READABILITY_MIN] = { "readability_min", 50 },
	[PARAM_READABILITY_MIN_WORDS] = { "readability_min_words", 40 },
	[PARAM_NEAR_WORDS] = { "near_words", 3 },
	[PARAM_NEGATION_BEFORE] = { "negation_before", 6 },
	[PARAM_NEGATION_AFTER] = { "negation_after", 3 },
	[PARAM_GENDER_STRONG] = { "gender_strong", 3 },
	[PARAM_WEIGHT_ERROR] = { "weight_error", 15 },
	[PARAM_WEIGHT_WARNING] = { "weight_warning", 6 },
	[PARAM_WEIGHT_HINT] = { "weight_hint", 2 },
	[PARAM_CAP_FACTOR] = { "cap_factor", 3 },
};

static const struct {
	const char *name;
	uint32_t bit;
} condition_names[] = {
	{ "above_average_pay", COND_ABOVE_AVERAGE_PAY },
	{ "career_paths", COND_CAREER_PATHS },
	{ "salary_range", COND_SALARY_RANGE },
	{ "number_in_sentence", COND_NUMBER_IN_SENTENCE },
	{ "number_on_line", COND_NUMBER_ON_LINE },
	{ "negated", COND_NEGATED },
	{ "welcoming", COND_WELCOMING },
};

/* --- string map -------------------------------------------------------------- */

uint64_t adl_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1;
}

int32_t adl_map_get(const struct adl_map *m, const char *pool, const char *key, size_t n, uint64_t hash)
{
	if (m->cap == 0)
		return -1;
	for (size_t i = hash & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		const struct adl_slot *s = &m->slots[i];
		if (s->hash == 0)
			return -1;
		if (s->hash == hash && s->len == n && memcmp(pool + s->off, key, n) == 0)
			return s->value;
	}
}

static void map_insert(struct adl_map *m, struct adl_slot slot, const char *pool)
{
	for (size_t i = slot.hash & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct adl_slot *s = &m->slots[i];
		if (s->hash == 0) {
			*s = slot;
			m->count++;
			return;
		}
		if (pool && s->hash == slot.hash && s->len == slot.len &&
		    memcmp(pool + s->off, pool + slot.off, slot.len) == 0) {
			s->value = slot.value;
			return;
		}
	}
}

void adl_map_put(struct adl_map *m, const char *pool, uint32_t off, uint32_t len, uint64_t hash, int32_t value)
{
	if ((m->count + 1) * 2 > m->cap) {
		struct adl_map old = *m;
		m->cap = m->cap ? m->cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof *m->slots);
		m->count = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].hash)
				map_insert(m, old.slots[i], NULL);
		free(old.slots);
	}
	map_insert(m, (struct adl_slot){ hash, off, len, value }, pool);
}

void adl_map_reserve(struct adl_map *m, size_t n)
{
	size_t cap = 64;
	while (cap < 2 * (n + 1))
		cap *= 2;
	if (m->count > 0 || cap <= m->cap)
		return;   /* only for a fresh map */
	free(m->slots);
	m->slots = xcalloc(cap, sizeof *m->slots);
	m->cap = cap;
}

void adl_map_free(struct adl_map *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* --- helpers ------------------------------------------------------------------- */

struct sb_stemmer *adl_stemmer_new(enum adlint_lang lang)
{
	struct sb_stemmer *s = sb_stemmer_new(lang == ADLINT_DE ? "german" : "english", "UTF_8");
	if (!s) {
		fprintf(stderr, "stellwerk: the Snowball stemmer could not be created\n");
		abort();
	}
	return s;
}

void adl_stem(struct sb_stemmer *st, const char *word, size_t n, struct buf *out)
{
	char first[256];
	const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)word, (int)n);
	size_t len = s ? (size_t)sb_stemmer_length(st) : 0;

	if (len >= sizeof first) {
		buf_append(out, s, len);
		return;
	}
	memcpy(first, s, len);
	s = sb_stemmer_stem(st, (const sb_symbol *)first, (int)len);
	if (s)
		buf_append(out, s, (size_t)sb_stemmer_length(st));
}

size_t adl_stem_start(const char *s, size_t n, enum adlint_lang lang, char key[ADL_STEM_KEY_MAX])
{
	size_t k = 0, max = ADL_STEM_KEY(lang);

	for (size_t i = 0; i < n && k < max;) {
		unsigned char c = (unsigned char)s[i];
		if (lang == ADLINT_DE && c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)s[i + 1];
			char f = d == 0xA4 ? 'a' : d == 0xB6 ? 'o' : d == 0xBC ? 'u' : d == 0x9F ? 's' : 0;
			if (f) {
				key[k++] = f;
				if (f == 's' && k < max)
					key[k++] = 's';
				i += 2;
				continue;
			}
		}
		key[k++] = (char)c;
		i++;
	}
	return k;
}

const char *adl_str(const struct adlint_rules *r, uint32_t off)
{
	return off == ADL_NONE ? NULL : r->pool.data + off;
}

static const struct adl_block *rules_block_scan(const struct adlint_rules *r, const char *id, enum adlint_lang lang)
{
	const struct adl_block *any = NULL;

	for (size_t i = 0; i < r->nblocks; i++) {
		const struct adl_block *b = &r->blocks[i];
		if (b->kind == BLOCK_LIST || strcmp(b->id, id) != 0)
			continue;
		if (b->lang == (int)lang)
			return b;
		if (!any)
			any = b;
	}
	return any;
}

const struct adl_block *adl_rules_block(const struct adlint_rules *r, const char *id, enum adlint_lang lang)
{
	const struct adl_map *m = &r->block_ids[lang];
	if (m->cap == 0)   /* while loading: the map is built at the end */
		return rules_block_scan(r, id, lang);
	size_t n = strlen(id);
	int32_t at = adl_map_get(m, r->pool.data, id, n, adl_hash(id, n));
	return at >= 0 ? &r->blocks[at] : NULL;
}

static uint32_t pool_add(struct adlint_rules *r, const char *s, size_t n)
{
	uint32_t off = (uint32_t)r->pool.len;
	buf_append(&r->pool, s, n);
	buf_putc(&r->pool, '\0');
	return off;
}

#define GROW(arr, n, cap, init)                                                   \
	do {                                                                      \
		if ((n) == (cap)) {                                               \
			(cap) = (cap) ? (cap) * 2 : (init);                       \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));           \
		}                                                                 \
	} while (0)

/* --- loading ---------------------------------------------------------------------- */

struct loader {
	struct adlint_rules *r;
	struct sb_stemmer *stemmer[ADL_LANGS];
	size_t file;
	int line;
	int lang;                    /* current @lang: 0 de, 1 en, -1 both */
	int block;                   /* current block, -1 none */
	char *err;
	size_t errlen;
	bool failed;
};

static bool fail(struct loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(struct loader *ld, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(ld->err, ld->errlen, "adlint data file %zu, line %d: ", ld->file + 1, ld->line);
	if (n >= 0 && (size_t)n < ld->errlen) {
		va_start(ap, fmt);
		vsnprintf(ld->err + n, ld->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	ld->failed = true;
	return false;
}

static void index_push(int32_t **arr, size_t *n, size_t *cap, int32_t v)
{
	GROW(*arr, *n, *cap, 16);
	(*arr)[(*n)++] = v;
}

/* Adds pattern p under key (kind char + bytes) to lang's index. */
static void index_add_key(struct adlint_rules *r, struct adl_index *ix, char kind, const char *s, size_t n, int32_t p)
{
	char key[260];
	if (n + 1 > sizeof key)
		return;
	key[0] = kind;
	memcpy(key + 1, s, n);
	uint64_t h = adl_hash(key, n + 1);
	int32_t head = adl_map_get(&ix->map, r->pool.data, key, n + 1, h);
	if (ix->npostings + 2 > ix->cappostings) {
		ix->cappostings = ix->cappostings ? ix->cappostings * 2 : 256;
		ix->postings = xrealloc(ix->postings, ix->cappostings * sizeof *ix->postings);
	}
	int32_t at = (int32_t)ix->npostings;
	ix->postings[ix->npostings++] = p;
	ix->postings[ix->npostings++] = head;
	if (head < 0) {
		uint32_t off = pool_add(r, key, n + 1);
		adl_map_put(&ix->map, r->pool.data, off, (uint32_t)n + 1, h, at);
		return;
	}
	/* the key is there: point its slot at the new head of the chain */
	for (size_t i = h & (ix->map.cap - 1);; i = (i + 1) & (ix->map.cap - 1)) {
		struct adl_slot *slot = &ix->map.slots[i];
		if (slot->hash == h && slot->len == n + 1 && memcmp(r->pool.data + slot->off, key, n + 1) == 0) {
			slot->value = at;
			return;
		}
	}
}

static void index_pattern(struct adlint_rules *r, struct adl_index *ix, int32_t p)
{
	const struct adl_item *it = &r->items[r->patterns[p].first_item];
	const char *s = r->pool.data + it->off;

	switch (it->kind) {
	case ITEM_STEM:
		index_add_key(r, ix, 'S', s, it->len, p);
		return;
	case ITEM_EXACT: {
		struct buf f = BUF_INIT;
		adl_fold(&f, s, it->len);
		index_add_key(r, ix, 'E', f.data, f.len, p);
		buf_free(&f);
		return;
	}
	case ITEM_PREFIX:
		if (it->len >= 2) {
			index_add_key(r, ix, 'P', s, 2, p);
			return;
		}
		break;
	case ITEM_SUFFIX:
		if (it->len >= 2) {
			index_add_key(r, ix, 'X', s + it->len - 2, 2, p);
			return;
		}
		break;
	case ITEM_NUMBER:
		index_push(&ix->numeric, &ix->nnumeric, &ix->capnumeric, p);
		return;
	default:
		break;
	}
	index_push(&ix->scan, &ix->nscan, &ix->capscan, p);
}

/* Compiles one pattern text for language lang; returns false on a syntax error. */
static bool compile_pattern(struct loader *ld, int lang, const char *text, size_t n, uint32_t sugg_de,
			    uint32_t sugg_en, uint32_t repl)
{
	struct adlint_rules *r = ld->r;
	size_t first = r->nitems;
	size_t i = 0;

	while (i < n) {
		while (i < n && text[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t j = i;
		while (j < n && text[j] != ' ')
			j++;
		const char *w = text + i;
		size_t wl = j - i;
		struct adl_item it = { 0, 0, 0 };
		struct buf f = BUF_INIT;

		if (wl == 3 && memcmp(w, "...", 3) == 0) {
			it.kind = ITEM_GAP;
		} else if (wl == 5 && memcmp(w, "<num>", 5) == 0) {
			it.kind = ITEM_NUMBER;
		} else if (wl == 6 && memcmp(w, "<word>", 6) == 0) {
			it.kind = ITEM_ANY;
		} else if (w[0] == '=' && wl > 1) {
			it.kind = ITEM_EXACT;
			buf_append(&f, w + 1, wl - 1);
		} else if (wl > 2 && w[0] == '*' && w[wl - 1] == '*') {
			it.kind = ITEM_INFIX;
			adl_fold(&f, w + 1, wl - 2);
		} else if (wl > 1 && w[0] == '*') {
			it.kind = ITEM_SUFFIX;
			adl_fold(&f, w + 1, wl - 1);
		} else if (wl > 1 && w[wl - 1] == '*') {
			it.kind = ITEM_PREFIX;
			adl_fold(&f, w, wl - 1);
		} else if (memchr(w, '*', wl) || (w[0] == '<' && w[wl - 1] == '>')) {
			r->nitems = first;
			return fail(ld, "cannot read the pattern item '%.*s'", (int)wl, w);
		} else {
			it.kind = ITEM_STEM;
			struct buf folded = BUF_INIT;
			adl_fold(&folded, w, wl);
			buf_init(&f);
			adl_stem(ld->stemmer[lang], folded.data, folded.len, &f);
			buf_free(&folded);
		}
		if (f.data) {
			it.off = pool_add(r, f.data, f.len);
			it.len = (uint32_t)f.len;
		}
		if (it.kind == ITEM_STEM && it.len > 0) {
			char key[ADL_STEM_KEY_MAX];
			size_t kl = adl_stem_start(r->pool.data + it.off, it.len, (enum adlint_lang)lang, key);
			uint32_t off = pool_add(r, key, kl);
			adl_map_put(&r->index[lang].stem_starts, r->pool.data, off, (uint32_t)kl, adl_hash(key, kl), 1);
		}
		buf_free(&f);
		GROW(r->items, r->nitems, r->capitems, 256);
		r->items[r->nitems++] = it;
		i = j;
	}
	size_t count = r->nitems - first;
	if (count == 0)
		return fail(ld, "empty pattern");
	if (r->items[first].kind == ITEM_GAP || r->items[r->nitems - 1].kind == ITEM_GAP) {
		r->nitems = first;
		return fail(ld, "a pattern must not start or end with '...'");
	}
	GROW(r->patterns, r->npatterns, r->cappatterns, 256);
	struct adl_pattern *p = &r->patterns[r->npatterns];
	p->first_item = (uint32_t)first;
	p->nitems = (uint32_t)count;
	p->block = ld->block;
	p->lang = (uint8_t)lang;
	p->suggestion[ADLINT_DE] = sugg_de;
	p->suggestion[ADLINT_EN] = sugg_en;
	p->replacement = repl;
	index_pattern(r, &r->index[lang], (int32_t)r->npatterns++);
	return true;
}

static void add_abbreviation(struct loader *ld, const char *text, size_t n)
{
	struct buf f = BUF_INIT;
	struct buf k = BUF_INIT;

	adl_fold(&f, text, n);
	for (size_t i = 0; i < f.len; i++)
		if (f.data[i] != ' ')
			buf_putc(&k, f.data[i]);
	for (int lang = 0; lang < ADL_LANGS; lang++) {
		if (ld->lang >= 0 && ld->lang != lang)
			continue;
		uint32_t off = pool_add(ld->r, k.data, k.len);
		adl_map_put(&ld->r->index[lang].abbreviations, ld->r->pool.data, off, (uint32_t)k.len,
			    adl_hash(k.data, k.len), 1);
	}
	buf_free(&f);
	buf_free(&k);
}

/* Splits s at tabs into at most max fields; returns the count. */
static size_t split_tabs(const char *s, size_t n, const char **field, size_t *flen, size_t max)
{
	size_t count = 0, start = 0;

	for (size_t i = 0; i <= n && count < max; i++) {
		if (i < n && s[i] != '\t')
			continue;
		field[count] = s + start;
		flen[count] = i - start;
		count++;
		start = i + 1;
	}
	return count;
}

static uint32_t text_or_none(struct adlint_rules *r, const char *s, size_t n)
{
	while (n > 0 && s[0] == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n ? pool_add(r, s, n) : ADL_NONE;
}

static bool pattern_line(struct loader *ld, const char *s, size_t n)
{
	struct adlint_rules *r = ld->r;
	const char *field[4];
	size_t flen[4];

	if (ld->block < 0)
		return fail(ld, "a pattern outside a @rule or @list block");
	struct adl_block *b = &r->blocks[ld->block];
	if (b->kind == BLOCK_TEXT)
		return fail(ld, "a @text block takes no patterns");
	if (b->kind == BLOCK_LIST && b->list == LIST_ABBREVIATIONS) {
		add_abbreviation(ld, s, n);
		return true;
	}
	size_t nf = split_tabs(s, n, field, flen, 4);
	if (memchr(field[nf - 1] + flen[nf - 1], '\t', n - (size_t)(field[nf - 1] + flen[nf - 1] - s)))
		return fail(ld, "more than four tab-separated fields");
	uint32_t sugg_de = nf > 1 ? text_or_none(r, field[1], flen[1]) : ADL_NONE;
	uint32_t sugg_en = nf > 2 ? text_or_none(r, field[2], flen[2]) : ADL_NONE;
	uint32_t repl = nf > 3 ? text_or_none(r, field[3], flen[3]) : ADL_NONE;
	for (int lang = 0; lang < ADL_LANGS; lang++)
		if (ld->lang < 0 || ld->lang == lang)
			if (!compile_pattern(ld, lang, field[0], flen[0], sugg_de, sugg_en, repl))
				return false;
	return true;
}

static bool word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

static struct adl_block *new_block(struct loader *ld, uint8_t kind, const char *id, size_t n)
{
	struct adlint_rules *r = ld->r;
	if (n == 0 || n >= sizeof r->blocks[0].id) {
		fail(ld, "a block needs an id of 1 to 47 characters");
		return NULL;
	}
	GROW(r->blocks, r->nblocks, r->capblocks, 64);
	struct adl_block *b = &r->blocks[r->nblocks];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->lang = (int8_t)ld->lang;
	memcpy(b->id, id, n);
	b->id[n] = '\0';
	b->list = -1;
	b->message[0] = b->message[1] = ADL_NONE;
	b->suggestion[0] = b->suggestion[1] = ADL_NONE;
	b->replacement = ADL_NONE;
	ld->block = (int)r->nblocks++;
	return b;
}

static bool parse_severity(const char *s, size_t n, enum adlint_severity *out)
{
	if (word_is(s, n, "error"))
		*out = ADLINT_ERROR;
	else if (word_is(s, n, "warning"))
		*out = ADLINT_WARNING;
	else if (word_is(s, n, "hint"))
		*out = ADLINT_HINT;
	else
		return false;
	return true;
}

static bool directive_line(struct loader *ld, const char *s, size_t n)
{
	struct adlint_rules *r = ld->r;
	size_t k = 0;

	while (k < n && s[k] != ' ' && s[k] != '\t')
		k++;
	const char *name = s + 1;
	size_t nlen = k - 1;
	const char *arg = s + k;
	size_t alen = n - k;
	while (alen > 0 && (arg[0] == ' ' || arg[0] == '\t')) {
		arg++;
		alen--;
	}
	/* the first word of the argument, and what follows it */
	size_t w1 = 0;
	while (w1 < alen && arg[w1] != ' ' && arg[w1] != '\t')
		w1++;
	const char *rest = arg + w1;
	size_t rlen = alen - w1;
	while (rlen > 0 && (rest[0] == ' ' || rest[0] == '\t')) {
		rest++;
		rlen--;
	}
	struct adl_block *b = ld->block >= 0 ? &r->blocks[ld->block] : NULL;

	if (word_is(name, nlen, "lang")) {
		if (word_is(arg, alen, "de"))
			ld->lang = ADLINT_DE;
		else if (word_is(arg, alen, "en"))
			ld->lang = ADLINT_EN;
		else if (word_is(arg, alen, "*"))
			ld->lang = -1;
		else
			return fail(ld, "@lang takes de, en or *");
		ld->block = -1;
		return true;
	}
	if (word_is(name, nlen, "rule")) {
		enum adlint_severity sev;
		if (!parse_severity(rest, rlen, &sev))
			return fail(ld, "@rule needs an id and a severity (error, warning or hint)");
		if (w1 < 3 || !memchr(arg, '.', w1))
			return fail(ld, "a rule id has the form family.name");
		if (!(b = new_block(ld, BLOCK_RULE, arg, w1)))
			return false;
		b->severity = sev;
		return true;
	}
	if (word_is(name, nlen, "list")) {
		int list = -1;
		for (int i = 0; i < LIST__COUNT; i++)
			if (word_is(arg, alen, adl_list_names[i]))
				list = i;
		if (list < 0)
			return fail(ld, "unknown list '%.*s'", (int)alen, arg);
		if (!(b = new_block(ld, BLOCK_LIST, arg, alen)))
			return false;
		b->list = list;
		return true;
	}
	if (word_is(name, nlen, "text"))
		return new_block(ld, BLOCK_TEXT, arg, alen) != NULL;
	if (word_is(name, nlen, "param")) {
		char num[32];
		char *end;
		for (int i = 0; i < PARAM__COUNT; i++) {
			if (!word_is(arg, w1, param_defaults[i].name))
				continue;
			if (rlen == 0 || rlen >= sizeof num)
				return fail(ld, "@param %s needs a number", param_defaults[i].name);
			memcpy(num, rest, rlen);
			num[rlen] = '\0';
			double v = strtod(num, &end);
			if (*end != '\0' || v < 0)
				return fail(ld, "@param %s needs a number, not '%s'", param_defaults[i].name, num);
			r->params[i] = v;
			return true;
		}
		return fail(ld, "unknown parameter '%.*s'", (int)w1, arg);
	}
	if (!b || b->kind == BLOCK_LIST)
		return fail(ld, "@%.*s belongs in a @rule or @text block", (int)nlen, name);
	if (word_is(name, nlen, "unless")) {
		if (b->kind != BLOCK_RULE)
			return fail(ld, "@unless belongs in a @rule block");
		for (size_t i = 0; i < sizeof condition_names / sizeof condition_names[0]; i++)
			if (word_is(arg, alen, condition_names[i].name)) {
				b->conditions |= condition_names[i].bit;
				return true;
			}
		return fail(ld, "unknown condition '%.*s'", (int)alen, arg);
	}
	uint32_t *slot = NULL;
	if (word_is(name, nlen, "message.de"))
		slot = &b->message[ADLINT_DE];
	else if (word_is(name, nlen, "message.en"))
		slot = &b->message[ADLINT_EN];
	else if (word_is(name, nlen, "suggestion.de"))
		slot = &b->suggestion[ADLINT_DE];
	else if (word_is(name, nlen, "suggestion.en"))
		slot = &b->suggestion[ADLINT_EN];
	else if (word_is(name, nlen, "replacement"))
		slot = &b->replacement;
	else
		return fail(ld, "unknown directive '@%.*s'", (int)nlen, name);
	if (alen == 0)
		return fail(ld, "@%.*s needs a text", (int)nlen, name);
	*slot = pool_add(r, arg, alen);
	return true;
}

static bool load_file(struct loader *ld, const char *s, size_t len)
{
	size_t start = 0;

	ld->lang = -1;
	ld->block = -1;
	ld->line = 0;
	while (start < len) {
		size_t end = start;
		while (end < len && s[end] != '\n')
			end++;
		size_t next = end + 1;
		if (end > start && s[end - 1] == '\r')
			end--;
		ld->line++;
		size_t a = start, b = end;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		start = next;
		if (a == b || s[a] == '#')
			continue;
		if (memchr(s + a, '\0', b - a))
			return fail(ld, "NUL byte");
		if (!(s[a] == '@' ? directive_line(ld, s + a, b - a) : pattern_line(ld, s + a, b - a)))
			return false;
	}
	return true;
}

/* Checks that the data defines what the code relies on. */
static bool validate(struct loader *ld)
{
	struct adlint_rules *r = ld->r;

	ld->line = 0;
	for (size_t i = 0; adl_code_rules[i]; i++) {
		const struct adl_block *b = adl_rules_block(r, adl_code_rules[i], ADLINT_DE);
		if (!b || b->kind != BLOCK_RULE)
			return fail(ld, "the rule '%s' is not defined", adl_code_rules[i]);
	}
	for (size_t i = 0; code_texts[i]; i++)
		if (!adl_rules_block(r, code_texts[i], ADLINT_DE))
			return fail(ld, "the text '%s' is not defined", code_texts[i]);
	for (size_t i = 0; i < r->nblocks; i++) {
		const struct adl_block *b = &r->blocks[i];
		if (b->kind != BLOCK_LIST && b->message[0] == ADL_NONE && b->message[1] == ADL_NONE)
			return fail(ld, "'%s' has no message", b->id);
		for (size_t k = 0; k < i; k++)
			if (b->kind == BLOCK_RULE && r->blocks[k].kind == BLOCK_RULE &&
			    strcmp(r->blocks[k].id, b->id) == 0 && r->blocks[k].severity != b->severity)
				return fail(ld, "'%s' is defined with two severities", b->id);
	}
	for (int lang = 0; lang < ADL_LANGS; lang++)
		for (int l = 0; l < LIST__COUNT; l++) {
			bool found = false;
			for (size_t i = 0; i < r->nblocks && !found; i++)
				found = r->blocks[i].kind == BLOCK_LIST && r->blocks[i].list == l &&
					(r->blocks[i].lang < 0 || r->blocks[i].lang == lang);
			if (!found)
				return fail(ld, "the list '%s' is missing for %s", adl_list_names[l],
					    adlint_lang_code((enum adlint_lang)lang));
		}
	return true;
}

/* Indexes the rule and text blocks by id, per language, with the block
 * rules_block_scan finds, so that adl_rules_block is a map look-up. */
static void build_block_ids(struct adlint_rules *r)
{
	for (size_t i = 0; i < r->nblocks; i++) {
		const char *id = r->blocks[i].id;
		size_t n = strlen(id);
		uint64_t h = adl_hash(id, n);
		if (r->blocks[i].kind == BLOCK_LIST || adl_map_get(&r->block_ids[0], r->pool.data, id, n, h) >= 0)
			continue;
		uint32_t off = pool_add(r, id, n);
		for (int lang = 0; lang < ADL_LANGS; lang++) {
			const struct adl_block *b = rules_block_scan(r, id, (enum adlint_lang)lang);
			adl_map_put(&r->block_ids[lang], r->pool.data, off, (uint32_t)n, h, (int32_t)(b - r->blocks));
		}
	}
}

struct adlint_rules *adlint_rules_load(const char *const *files, const size_t *lens, size_t nfiles, char *err,
				       size_t errlen)
{
	struct adlint_rules *r = xcalloc(1, sizeof *r);
	struct loader ld = { .r = r, .err = err, .errlen = errlen };
	char dummy[1];

	if (!err || errlen == 0) {
		ld.err = dummy;
		ld.errlen = sizeof dummy;
	}
	buf_init(&r->pool);
	for (int i = 0; i < PARAM__COUNT; i++)
		r->params[i] = param_defaults[i].value;
	for (int lang = 0; lang < ADL_LANGS; lang++)
		ld.stemmer[lang] = adl_stemmer_new((enum adlint_lang)lang);
	for (ld.file = 0; ld.file < nfiles && !ld.failed; ld.file++)
		load_file(&ld, files[ld.file], lens[ld.file]);
	if (!ld.failed) {
		ld.file = nfiles - 1;
		validate(&ld);
	}
	for (int lang = 0; lang < ADL_LANGS; lang++)
		sb_stemmer_delete(ld.stemmer[lang]);
	if (!ld.failed)
		build_block_ids(r);
	if (ld.failed) {
		adlint_rules_free(r);
		return NULL;
	}
	return r;
}

void adlint_rules_free(struct adlint_rules *r)
{
	if (!r)
		return;
	for (int lang = 0; lang < ADL_LANGS; lang++) {
		struct adl_index *ix = &r->index[lang];
		adl_map_free(&ix->map);
		adl_map_free(&ix->abbreviations);
		adl_map_free(&ix->stem_starts);
		free(ix->postings);
		free(ix->scan);
		free(ix->numeric);
	}
	for (int lang = 0; lang < ADL_LANGS; lang++)
		adl_map_free(&r->block_ids[lang]);
	buf_free(&r->pool);
	free(r->blocks);
	free(r->patterns);
	free(r->items);
	free(r);
}

/* --- candidates ----------------------------------------------------------------- */

bool adl_item_matches_fold(const struct adlint_rules *r, const struct adl_item *it, const char *fold, size_t flen)
{
	const char *s = r->pool.data + it->off;

	switch (it->kind) {
	case ITEM_PREFIX:
		return flen >= it->len && memcmp(fold, s, it->len) == 0;
	case ITEM_SUFFIX:
		return flen >= it->len && memcmp(fold + flen - it->len, s, it->len) == 0;
	case ITEM_INFIX:
		return flen >= it->len && memmem(fold, flen, s, it->len) != NULL;
	case ITEM_ANY:
		return true;
	default:
		return false;
	}
}

static void push_cand(struct adl_doc *doc, int32_t p)
{
	GROW(doc->cands, doc->ncands, doc->capcands, 256);
	doc->cands[doc->ncands++] = p;
}

static void chain_cands(const struct adlint_rules *r, const struct adl_index *ix, char kind, const char *s, size_t n,
			const char *fold, size_t flen, struct adl_doc *doc)
{
	char key[260];
	if (n + 1 > sizeof key || n == 0)
		return;
	key[0] = kind;
	memcpy(key + 1, s, n);
	int32_t at = adl_map_get(&ix->map, r->pool.data, key, n + 1, adl_hash(key, n + 1));
	for (; at >= 0; at = ix->postings[at + 1]) {
		int32_t p = ix->postings[at];
		const struct adl_item *it = &r->items[r->patterns[p].first_item];
		if (kind == 'S' || kind == 'E' || adl_item_matches_fold(r, it, fold, flen))
			push_cand(doc, p);
	}
}

void adl_index_candidates(const struct adlint_rules *r, const struct adl_index *ix, const char *fold, size_t flen,
			  const char *stem, size_t slen, struct adl_doc *doc)
{
	chain_cands(r, ix, 'S', stem, slen, fold, flen, doc);
	chain_cands(r, ix, 'E', fold, flen, fold, flen, doc);
	if (flen >= 2) {
		chain_cands(r, ix, 'P', fold, 2, fold, flen, doc);
		chain_cands(r, ix, 'X', fold + flen - 2, 2, fold, flen, doc);
	}
	for (size_t i = 0; i < ix->nscan; i++) {
		int32_t p = ix->scan[i];
		if (adl_item_matches_fold(r, &r->items[r->patterns[p].first_item], fold, flen))
			push_cand(doc, p);
	}
}
