/*
 * adlint_checks.c — the rule families of the ad linter on an analysed text:
 * matching every pattern once, then the data rules (cliche.*, promise.*,
 * agg.* phrases, vague.task) with their conditions, and the rules that need
 * code: the title (agg.title_*), structure.*, pay.no_range, the key-account
 * facts (vague.kam_*), gender.balance and readability.*.
 *
 * The code rules consult the @list word lists of the data (regions,
 * currencies, salary words, agentic and communal stems ...) and take their
 * severities, messages and suggestions from the data too; thresholds are
 * @param values. Messages are formatted with {name} placeholders.
 */
#include "core/adlint_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define MATCH_TEXT_MAX 120       /* bytes of the matched text put into {match} */
#define WORD_LIST_MAX 10         /* words named in gender.balance */

static const struct adl_token *word_tok(const struct adl_doc *doc, size_t w)
{
	return &doc->tok[doc->words[w]];
}

static uint32_t word_sentence(const struct adl_doc *doc, size_t w)
{
	return word_tok(doc, w)->sentence;
}

/* --- matching ------------------------------------------------------------------- */

static bool item_matches_word(const struct adl_doc *doc, const struct adl_item *it, size_t w)
{
	const struct adlint_rules *r = doc->rules;
	const struct adl_token *t = word_tok(doc, w);

	if (t->kind == TOK_NUMBER)
		return it->kind == ITEM_NUMBER || it->kind == ITEM_ANY;
	const struct adl_type *ty = &doc->types[t->type];
	switch (it->kind) {
	case ITEM_STEM:
		return ty->stem_len == it->len && memcmp(doc->pool.data + ty->stem, r->pool.data + it->off, it->len) == 0;
	case ITEM_EXACT:
		return t->end - t->start == it->len && memcmp(doc->text + t->start, r->pool.data + it->off, it->len) == 0;
	case ITEM_NUMBER:
		return false;
	default:
		return adl_item_matches_fold(r, it, doc->pool.data + ty->fold, ty->fold_len);
	}
}

/* Matches items k.. of pattern p from word w within sentence s; returns the
 * last word matched, or -1. */
static long match_from(const struct adl_doc *doc, const struct adl_pattern *p, uint32_t k, size_t w, uint32_t s)
{
	if (k == p->nitems)
		return (long)w - 1;
	const struct adl_item *it = &doc->rules->items[p->first_item + k];
	if (it->kind == ITEM_GAP) {
		for (size_t skip = 0; skip <= ADL_GAP_MAX && w + skip < doc->nwords; skip++) {
			if (word_sentence(doc, w + skip) != s)
				break;
			long last = match_from(doc, p, k + 1, w + skip, s);
			if (last >= 0)
				return last;
		}
		return -1;
	}
	if (w >= doc->nwords || word_sentence(doc, w) != s || !item_matches_word(doc, it, w))
		return -1;
	return match_from(doc, p, k + 1, w + 1, s);
}

static void push_match(struct adl_matches *ms, int32_t p, size_t first, size_t last)
{
	struct adl_match *m = xgrow(&ms->m, &ms->n, &ms->cap, sizeof *ms->m);
	*m = (struct adl_match){ p, (uint32_t)first, (uint32_t)last };
}

static void try_pattern(struct adl_run *run, int32_t p, size_t w)
{
	const struct adl_doc *doc = run->doc;
	const struct adl_pattern *pat = &doc->rules->patterns[p];
	long last = match_from(doc, pat, 0, w, word_sentence(doc, w));

	if (last < 0)
		return;
	const struct adl_block *b = &doc->rules->blocks[pat->block];
	if (b->kind == BLOCK_LIST) {
		push_match(&run->lists[b->list], p, w, (size_t)last);
		for (size_t k = w; k <= (size_t)last; k++)
			run->word_lists[k] |= 1u << b->list;
	} else {
		push_match(&run->report, p, w, (size_t)last);
	}
}

void adl_match_all(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;

	run->word_lists = xcalloc(doc->nwords + 1, sizeof *run->word_lists);
	for (size_t w = 0; w < doc->nwords; w++) {
		const struct adl_token *t = word_tok(doc, w);
		if (t->kind == TOK_NUMBER) {
			for (size_t i = 0; i < doc->index->nnumeric; i++)
				try_pattern(run, doc->index->numeric[i], w);
			continue;
		}
		const struct adl_type *ty = &doc->types[t->type];
		for (uint32_t i = 0; i < ty->ncand; i++)
			try_pattern(run, doc->cands[ty->cand + i], w);
	}
	/* numbers per sentence and line, for the @unless conditions */
	run->line_has_number = xcalloc(doc->nlines + 1, sizeof *run->line_has_number);
	for (size_t w = 0; w < doc->nwords; w++) {
		const struct adl_token *t = word_tok(doc, w);
		if (t->kind == TOK_NUMBER || (run->word_lists[w] & (1u << LIST_NUMBER_WORDS))) {
			doc->sent[t->sentence].has_number = true;
			run->line_has_number[t->line] = true;
		}
	}
}

static bool in_list(const struct adl_run *run, size_t w, enum adl_list l)
{
	return w < run->doc->nwords && (run->word_lists[w] & (1u << l));
}

/* --- emitting ---------------------------------------------------------------------- */

/* Copies at most n-1 bytes of s (len bytes) into out, cutting on a character
 * boundary; returns the bytes written. */
static size_t copy_utf8(char *out, size_t n, const char *s, size_t len)
{
	if (n == 0)
		return 0;
	if (len > n - 1) {
		len = n - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return len;
}

/* Expands {name} placeholders of tmpl from vars into out (size n). */
static void format_text(const char *tmpl, const struct adl_var *vars, size_t nvars, char *out, size_t n)
{
	size_t o = 0;

	out[0] = '\0';
	for (const char *p = tmpl; *p && o + 1 < n;) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			bool done = false;
			for (size_t i = 0; close && i < nvars && !done; i++)
				if (strlen(vars[i].name) == (size_t)(close - p - 1) &&
				    memcmp(vars[i].name, p + 1, (size_t)(close - p - 1)) == 0) {
					o += copy_utf8(out + o, n - o, vars[i].value, strlen(vars[i].value));
					p = close + 1;
					done = true;
				}
			if (done)
				continue;
		}
		size_t run = 1;
		while (p[run] && p[run] != '{')
			run++;
		o += copy_utf8(out + o, n - o, p, run);
		p += run;
	}
}

/* The text in the message language, else in the other one; NULL when neither. */
static const char *pick(const struct adlint_rules *r, const uint32_t *texts, enum adlint_lang lang)
{
	const char *s = adl_str(r, texts[lang]);
	return s ? s : adl_str(r, texts[lang == ADLINT_DE ? ADLINT_EN : ADLINT_DE]);
}

void adl_emit(struct adl_run *run, const struct adl_block *block, const struct adl_pattern *pattern, size_t start,
	      size_t end, const struct adl_var *vars, size_t nvars)
{
	const struct adl_doc *doc = run->doc;
	const struct adlint_rules *r = doc->rules;
	struct adl_var all[12];
	char match[MATCH_TEXT_MAX + 4];
	size_t n = 0;

	if (run->nfindings == run->capfindings) {
		run->capfindings = run->capfindings ? run->capfindings * 2 : 32;
		run->findings = xrealloc(run->findings, run->capfindings * sizeof *run->findings);
	}
	struct adlint_finding *f = &run->findings[run->nfindings++];
	memset(f, 0, sizeof *f);
	snprintf(f->rule, sizeof f->rule, "%s", block->id);
	f->severity = block->severity;
	f->byte_start = start;
	f->byte_end = end;
	adl_position(doc, start, &f->line, &f->column);
	adl_position(doc, end, &f->end_line, &f->end_column);

	size_t ml = copy_utf8(match, MATCH_TEXT_MAX, doc->text + start, end - start);
	if (ml < end - start)
		strcpy(match + ml, "…");
	for (char *p = match; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	all[n++] = (struct adl_var){ "match", match };
	for (size_t i = 0; i < nvars && n < sizeof all / sizeof all[0]; i++)
		all[n++] = vars[i];

	const char *msg = pick(r, block->message, run->msg_lang);
	format_text(msg ? msg : block->id, all, n, f->message, sizeof f->message);
	const char *sugg = pattern ? adl_str(r, pattern->suggestion[run->msg_lang]) : NULL;
	if (!sugg)
		sugg = adl_str(r, block->suggestion[run->msg_lang]);
	if (!sugg && pattern)
		sugg = pick(r, pattern->suggestion, run->msg_lang);
	if (!sugg)
		sugg = pick(r, block->suggestion, run->msg_lang);
	if (sugg)
		format_text(sugg, all, n, f->suggestion, sizeof f->suggestion);
	const char *repl = pattern ? adl_str(r, pattern->replacement) : NULL;
	if (!repl)
		repl = adl_str(r, block->replacement);
	if (repl)
		copy_utf8(f->replacement, sizeof f->replacement, repl, strlen(repl));
}

void adl_emit_rule(struct adl_run *run, const char *id, size_t start, size_t end, const struct adl_var *vars,
		   size_t nvars)
{
	const struct adl_block *b = adl_rules_block(run->doc->rules, id, run->doc->lang);
	if (b)   /* always: adlint_rules_load checks the code rules are defined */
		adl_emit(run, b, NULL, start, end, vars, nvars);
}

void adl_text(const struct adl_run *run, const char *id, const struct adl_var *vars, size_t nvars, char *out, size_t n)
{
	const struct adl_block *b = adl_rules_block(run->doc->rules, id, run->doc->lang);
	const char *t = b ? pick(run->doc->rules, b->message, run->msg_lang) : NULL;
	format_text(t ? t : id, vars, nvars, out, n);
}

/* The span of a finding about the whole ad: the title line, else the first
 * non-blank line. */
static void doc_span(const struct adl_doc *doc, size_t *start, size_t *end)
{
	for (size_t i = 0; i < doc->nlines; i++) {
		if (doc->lines[i].blank)
			continue;
		size_t a = doc->lines[i].start, b = doc->lines[i].end;
		while (a < b && (doc->text[a] == ' ' || doc->text[a] == '\t'))
			a++;
		while (b > a && (doc->text[b - 1] == ' ' || doc->text[b - 1] == '\t'))
			b--;
		*start = a;
		*end = b;
		return;
	}
	*start = *end = 0;
}

static void emit_doc(struct adl_run *run, const char *id, const struct adl_var *vars, size_t nvars)
{
	size_t a, b;
	doc_span(run->doc, &a, &b);
	adl_emit_rule(run, id, a, b, vars, nvars);
}

/* --- data rules ------------------------------------------------------------------ */

static int compare_matches(const void *a, const void *b)
{
	const struct adl_match *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;   /* longer first */
	return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static bool condition_holds(const struct adl_run *run, uint32_t cond, const struct adl_match *m)
{
	const struct adlint_context *ctx = run->ctx;
	const struct adl_token *t = word_tok(run->doc, m->first);

	switch (cond) {
	case COND_ABOVE_AVERAGE_PAY:
		return ctx && ctx->confirms_above_average_pay;
	case COND_CAREER_PATHS:
		return ctx && ctx->confirms_career_paths;
	case COND_SALARY_RANGE:
		return (ctx && ctx->has_salary_range) || run->salary_found;
	case COND_NUMBER_IN_SENTENCE:
		return run->doc->sent[t->sentence].has_number;
	case COND_NUMBER_ON_LINE:
		return run->line_has_number[t->line];
	case COND_NEGATED: {
		const double *prm = run->doc->rules->params;
		size_t before = (size_t)prm[PARAM_NEGATION_BEFORE], after = (size_t)prm[PARAM_NEGATION_AFTER];
		size_t a = m->first > before ? m->first - before : 0;
		for (size_t w = a; w < m->first; w++)
			if (word_sentence(run->doc, w) == t->sentence && in_list(run, w, LIST_NEGATION))
				return true;
		/* after the match: up to the end of its clause (a comma, semicolon
		 * or colon), in German to the end, as the verb comes last ("Ein
		 * Foto oder ein Anschreiben brauchen wir nicht") */
		const struct adl_doc *doc = run->doc;
		size_t words = 0;
		for (size_t k = doc->words[m->last] + 1; k < doc->ntok && doc->tok[k].sentence == t->sentence; k++) {
			const struct adl_token *x = &doc->tok[k];
			if (x->kind == TOK_PUNCT && (x->cp == ',' || x->cp == ';' || x->cp == ':'))
				break;
			if (x->kind != TOK_WORD && x->kind != TOK_NUMBER)
				continue;
			if (doc->lang != ADLINT_DE && ++words > after)
				break;
			if (in_list(run, x->word, LIST_NEGATION))
				return true;
		}
		return false;
	}
	case COND_WELCOMING: {
		size_t before = (size_t)run->doc->rules->params[PARAM_NEGATION_BEFORE];
		for (size_t w = m->first > before ? m->first - before : 0; w < m->first; w++)
			if (word_sentence(run->doc, w) == t->sentence && in_list(run, w, LIST_WELCOMING))
				return true;
		return false;
	}
	default:
		return false;
	}
}

void adl_check_patterns(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	const struct adlint_rules *r = doc->rules;
	struct adl_matches *ms = &run->report;
	size_t *kept = xmalloc((ms->n + 1) * sizeof *kept);
	size_t nkept = 0, longest = 0;

	for (size_t i = 0; i < ms->n; i++)
		if (ms->m[i].last - ms->m[i].first > longest)
			longest = ms->m[i].last - ms->m[i].first;
	if (ms->n > 1)
		qsort(ms->m, ms->n, sizeof *ms->m, compare_matches);
	for (size_t i = 0; i < ms->n; i++) {
		const struct adl_match *m = &ms->m[i];
		const struct adl_pattern *p = &r->patterns[m->pattern];
		const struct adl_block *b = &r->blocks[p->block];
		bool skip = false;

		for (uint32_t bit = 1; bit <= COND_LAST && !skip; bit <<= 1)
			if ((b->conditions & bit) && condition_holds(run, bit, m))
				skip = true;
		/* one finding per rule for overlapping matches: the longest, which
		 * sorts first; only matches starting at most `longest` words
		 * earlier can overlap */
		for (size_t k = nkept; k > 0 && !skip; k--) {
			const struct adl_match *o = &ms->m[kept[k - 1]];
			if (m->first - o->first > longest)
				break;
			if (o->last >= m->first && strcmp(r->blocks[r->patterns[o->pattern].block].id, b->id) == 0)
				skip = true;
		}
		if (skip)
			continue;
		kept[nkept++] = i;
		adl_emit(run, b, p, word_tok(doc, m->first)->start, word_tok(doc, m->last)->end, NULL, 0);
	}
	free(kept);
}

/* --- title: agg.title_gender, agg.title_binary, structure.no_title ------------------ */

/* Classifies "(m/w/d)" style contents: 2 inclusive, 1 only two genders, 0 other. */
static int paren_marker(const char *s, size_t n)
{
	struct buf f = BUF_INIT;
	int result = 0, parts = 0;
	bool third = false, other = false;

	if (n == 0)
		return 0;
	adl_fold(&f, s, n);
	static const char *const whole[] = { "all genders", "alle geschlechter", "gn", "gn*", "genderneutral",
					     "all", "d/f/m", "all gender" };
	for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
		if (strcmp(f.data, whole[i]) == 0)
			result = 2;
	for (char *tok = strtok(f.data, "/|, -"); tok && result == 0; tok = strtok(NULL, "/|, -")) {
		parts++;
		if (strcmp(tok, "m") == 0 || strcmp(tok, "w") == 0 || strcmp(tok, "f") == 0)
			continue;
		if (strcmp(tok, "d") == 0 || strcmp(tok, "x") == 0 || strcmp(tok, "i") == 0 || strcmp(tok, "a") == 0 ||
		    strcmp(tok, "div") == 0 || strcmp(tok, "divers") == 0 || strcmp(tok, "diverse") == 0 ||
		    strcmp(tok, "*") == 0 || strcmp(tok, "nb") == 0)
			third = true;
		else
			other = true;
	}
	if (result == 0 && !other && parts >= 2)
		result = third ? 2 : 1;
	buf_free(&f);
	return result;
}

/* Does "in" or "innen" start at s[k], followed by no further letter? */
static bool ending_in(const char *s, size_t n, size_t k)
{
	if (k + 2 > n || (s[k] != 'i' && s[k] != 'I') || s[k + 1] != 'n')
		return false;
	k += 2;
	if (k + 3 <= n && memcmp(s + k, "nen", 3) == 0)
		k += 3;
	return k == n || !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z');
}

/* A gender star, colon, underscore, slash form or inner capital I in the
 * title: "Berater*in", "Berater:innen", "Kolleg/-in", "BeraterIn". */
static bool inline_marker(const char *s, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		size_t k = i + 1;
		if (c == '/' && k < n && s[k] == '-')
			k++;
		if ((c == '*' || c == ':' || c == '_' || c == '/') && ending_in(s, n, k))
			return true;
		if (c == 'I' && s[i - 1] >= 'a' && s[i - 1] <= 'z' && ending_in(s, n, i))
			return true;
	}
	return false;
}

/* Writes the lower-case word s (n bytes) to out with ä ö ü folded to a o u;
 * returns its length, or 0 when it does not fit. */
static size_t fold_umlauts(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (o + 1 >= size)
			return 0;
		unsigned char c = (unsigned char)s[i], d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (c == 0xC3 && (d == 0xA4 || d == 0xB6 || d == 0xBC)) {
			out[o++] = d == 0xA4 ? 'a' : d == 0xB6 ? 'o' : 'u';
			i++;
			continue;
		}
		out[o++] = (char)c;
	}
	return o;
}

/* Both forms named: "Verkäuferin / Verkäufer", "Kauffrau/Kaufmann", "Koch /
 * Köchin", "Arzt/Ärztin" (compared with umlauts folded). */
static bool paired_forms(const struct adl_doc *doc, size_t first, size_t end)
{
	bool frau = false, mann = false;
	char fa[128], fb[128];

	for (size_t a = first; a < end; a++) {
		const struct adl_token *ta = word_tok(doc, a);
		if (ta->kind != TOK_WORD)
			continue;
		const struct adl_type *x = &doc->types[ta->type];
		const char *fx = doc->pool.data + x->fold;
		if (x->fold_len >= 4 && memcmp(fx + x->fold_len - 4, "frau", 4) == 0)
			frau = true;
		if (x->fold_len >= 4 && memcmp(fx + x->fold_len - 4, "mann", 4) == 0)
			mann = true;
		for (size_t b = first; b < end; b++) {
			const struct adl_token *tb = word_tok(doc, b);
			if (b == a || tb->kind != TOK_WORD)
				continue;
			const struct adl_type *y = &doc->types[tb->type];
			size_t la = fold_umlauts(fx, x->fold_len, fa, sizeof fa);
			size_t lb = fold_umlauts(doc->pool.data + y->fold, y->fold_len, fb, sizeof fb);
			if (la > 0 && lb == la + 2 && memcmp(fb, fa, la) == 0 && memcmp(fb + la, "in", 2) == 0)
				return true;
		}
	}
	return frau && mann;
}

/* Words of line li: [*first, *end) in doc->words. */
static void line_words(const struct adl_doc *doc, uint32_t li, size_t *first, size_t *end)
{
	size_t w = 0;
	while (w < doc->nwords && word_tok(doc, w)->line < li)
		w++;
	*first = w;
	while (w < doc->nwords && word_tok(doc, w)->line == li)
		w++;
	*end = w;
}

static bool list_in_words(const struct adl_run *run, enum adl_list l, size_t first, size_t end, size_t *at)
{
	for (size_t w = first; w < end; w++)
		if (in_list(run, w, l)) {
			if (at)
				*at = w;
			return true;
		}
	return false;
}

void adl_check_title(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	size_t first, end, at;

	if (doc->nwords == 0)
		return;
	if (doc->title_line < 0) {
		emit_doc(run, "structure.no_title", NULL, 0);
		return;
	}
	const struct adl_line *l = &doc->lines[doc->title_line];
	const char *s = doc->text + l->start;
	size_t n = l->end - l->start;
	bool binary = false;
	size_t bin_start = 0, bin_end = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '(')
			continue;
		const char *close = memchr(s + i, ')', n - i);
		if (!close)
			break;
		int kind = paren_marker(s + i + 1, (size_t)(close - s - i - 1));
		if (kind == 2)
			return;
		if (kind == 1) {
			binary = true;
			bin_start = l->start + i;
			bin_end = l->start + (size_t)(close - s) + 1;
		}
	}
	if (inline_marker(s, n))
		return;
	line_words(doc, (uint32_t)doc->title_line, &first, &end);
	if (paired_forms(doc, first, end))
		return;
	if (binary) {
		adl_emit_rule(run, "agg.title_binary", bin_start, bin_end, NULL, 0);
		return;
	}
	if (list_in_words(run, LIST_GENDERED_TITLE, first, end, &at)) {
		adl_emit_rule(run, "agg.title_gender", word_tok(doc, at)->start, word_tok(doc, at)->end, NULL, 0);
		return;
	}
	if (doc->lang == ADLINT_EN || list_in_words(run, LIST_NEUTRAL_TITLE, first, end, NULL))
		return;   /* English role nouns are neutral; German neutral forms ("Leitung") */
	/* a neutral head noun: "Sachbearbeitung Finanzbuchhaltung", "Buchhaltung in Teilzeit" */
	size_t head = first;
	while (head < end && word_tok(doc, head)->kind == TOK_WORD &&
	       (strcmp(adl_type_fold(doc, word_tok(doc, head)->type), "senior") == 0 ||
		strcmp(adl_type_fold(doc, word_tok(doc, head)->type), "junior") == 0))
		head++;
	if (head < end && in_list(run, head, LIST_NEUTRAL_HEAD))
		return;
	size_t a, b;
	doc_span(doc, &a, &b);
	adl_emit_rule(run, "agg.title_gender", a, b, NULL, 0);
}

/* --- structure.* ------------------------------------------------------------------- */

/* Does the first line, when it is no title, name the role: a gender marker
 * ("Fachkraft für Lagerlogistik (m/w/d)", "Berater*in"), both forms, or a
 * neutral or gendered title word? */
static bool first_line_names_role(const struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	size_t li = 0, first, end;

	while (li < doc->nlines && doc->lines[li].blank)
		li++;
	if (li >= doc->nlines)
		return false;
	const char *s = doc->text + doc->lines[li].start;
	size_t n = doc->lines[li].end - doc->lines[li].start;
	for (size_t i = 0; i < n; i++) {
		const char *close = s[i] == '(' ? memchr(s + i, ')', n - i) : NULL;
		if (close && paren_marker(s + i + 1, (size_t)(close - s - i - 1)) > 0)
			return true;
	}
	if (inline_marker(s, n))
		return true;
	line_words(doc, (uint32_t)li, &first, &end);
	return paired_forms(doc, first, end) || list_in_words(run, LIST_GENDERED_TITLE, first, end, NULL) ||
	       (doc->lang == ADLINT_DE && list_in_words(run, LIST_NEUTRAL_TITLE, first, end, NULL));
}

static void fmt_int(char *out, size_t n, long v)
{
	snprintf(out, n, "%ld", v);
}

/* Joins labels as "a, b und c" with the data's word for "and". */
static void join_labels(const struct adl_run *run, const char *const *labels, size_t n, char *out, size_t size)
{
	char word[24], and_word[32];
	size_t o = 0;

	adl_text(run, "summary.and", NULL, 0, word, sizeof word);
	snprintf(and_word, sizeof and_word, " %s ", word);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? and_word : ", ";
		int w = snprintf(out + o, size - o, "%s%s", sep, labels[i]);
		if (w < 0 || (size_t)w >= size - o)
			break;
		o += (size_t)w;
	}
}

void adl_check_structure(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	const double *prm = doc->rules->params;
	char a[32], b[32];
	bool bullets = false;

	if (doc->nwords == 0)
		return;
	for (size_t i = 0; i < doc->nlines;) {
		const struct adl_line *l = &doc->lines[i];
		bullets = bullets || l->bullet;
		if (l->blank || l->bullet) {
			i++;
			continue;
		}
		size_t k = i, chars = 0;
		while (k < doc->nlines && !doc->lines[k].blank && !doc->lines[k].bullet) {
			chars += doc->lines[k].chars + (k > i);
			k++;
		}
		bool too_many_chars = (double)chars > prm[PARAM_PARAGRAPH_MAX_CHARS];
		if (too_many_chars || (double)(k - i) > prm[PARAM_PARAGRAPH_MAX_LINES]) {
			char size[64];
			fmt_int(a, sizeof a, too_many_chars ? (long)chars : (long)(k - i));
			struct adl_var n[] = { { "n", a } };
			adl_text(run, too_many_chars ? "size.chars" : "size.lines", n, 1, size, sizeof size);
			struct adl_var v[] = { { "size", size } };
			adl_emit_rule(run, "structure.long_paragraph", l->start, doc->lines[k - 1].end, v, 1);
		}
		i = k;
	}
	if (!bullets)
		emit_doc(run, "structure.no_bullets", NULL, 0);
	fmt_int(a, sizeof a, (long)doc->nwords);
	if ((double)doc->nwords > prm[PARAM_MAX_WORDS]) {
		fmt_int(b, sizeof b, (long)prm[PARAM_MAX_WORDS]);
		struct adl_var v[] = { { "words", a }, { "max", b } };
		emit_doc(run, "structure.too_long", v, 2);
	} else if ((double)doc->nwords < prm[PARAM_MIN_WORDS]) {
		fmt_int(b, sizeof b, (long)prm[PARAM_MIN_WORDS]);
		struct adl_var v[] = { { "words", a }, { "min", b } };
		emit_doc(run, "structure.too_short", v, 2);
	}

	/* key facts in the opening: role, location and (when given) the salary */
	size_t limit = 0, chars = 0;
	while (limit < doc->len && (double)chars < prm[PARAM_OPENING_CHARS]) {
		if (((unsigned char)doc->text[limit] & 0xC0) != 0x80)
			chars++;
		limit++;
	}
	while (limit < doc->len && ((unsigned char)doc->text[limit] & 0xC0) == 0x80)
		limit++;
	bool role = doc->title_line >= 0 || first_line_names_role(run), location = false;
	for (size_t w = 0; w < doc->nwords && word_tok(doc, w)->start < limit; w++) {
		role = role || in_list(run, w, LIST_KAM);
		location = location || in_list(run, w, LIST_REGION) || in_list(run, w, LIST_LOCATION);
	}
	bool salary = !run->salary_found || run->salary_start < limit;   /* pay.no_range covers none */
	const char *const facts[3] = { role ? NULL : "fact.role", location ? NULL : "fact.location",
				       salary ? NULL : "fact.salary" };
	char labels[3][64];
	const char *missing[3];
	size_t nmissing = 0;
	for (size_t i = 0; i < 3; i++)
		if (facts[i]) {
			adl_text(run, facts[i], NULL, 0, labels[nmissing], sizeof labels[0]);
			missing[nmissing] = labels[nmissing];
			nmissing++;
		}
	if (nmissing > 0) {
		char list[200];
		join_labels(run, missing, nmissing, list, sizeof list);
		fmt_int(a, sizeof a, (long)prm[PARAM_OPENING_CHARS]);
		struct adl_var v[] = { { "missing", list }, { "chars", a } };
		emit_doc(run, "structure.opening_facts", v, 2);
	}
}

/* --- pay ------------------------------------------------------------------------------- */

static bool is_currency_sign(uint32_t c)
{
	return c == 0x20AC || c == '$' || c == 0xA3 || c == 0xA5 || c == 0x20A3 || c == 0x20B9;
}

/* Is the number at word w an amount of money: a currency sign or word
 * within three tokens after it (or right before it)? *millions is set when a
 * million word lies between. */
static bool money_at(const struct adl_run *run, size_t w, bool *millions)
{
	const struct adl_doc *doc = run->doc;
	size_t t = doc->words[w];

	*millions = false;
	if (t > 0) {
		const struct adl_token *p = &doc->tok[t - 1];
		if ((p->kind == TOK_PUNCT && is_currency_sign(p->cp)) ||
		    (p->kind == TOK_WORD && in_list(run, p->word, LIST_CURRENCY)))
			return true;
	}
	for (size_t k = t + 1; k < doc->ntok && k <= t + 3; k++) {
		const struct adl_token *x = &doc->tok[k];
		if (x->line != doc->tok[t].line)
			break;
		if (x->kind == TOK_WORD && in_list(run, x->word, LIST_MILLION))
			*millions = true;
		if ((x->kind == TOK_PUNCT && is_currency_sign(x->cp)) ||
		    (x->kind == TOK_WORD && in_list(run, x->word, LIST_CURRENCY)))
			return true;
		if (x->kind == TOK_NUMBER)
			break;
	}
	return false;
}

/* The value of a number token: a '.' or ',' followed by exactly three digits
 * separates thousands ("1.500", "75,000", "1.500.000"), else it starts the
 * decimals ("2,5", "1.2"). */
static double number_value(const struct adl_doc *doc, const struct adl_token *t)
{
	double v = 0;
	for (size_t i = t->start; i < t->end; i++) {
		char c = doc->text[i];
		if (c >= '0' && c <= '9') {
			v = v * 10 + (c - '0');
			continue;
		}
		size_t k = i + 1;
		while (k < t->end && doc->text[k] >= '0' && doc->text[k] <= '9')
			k++;
		if (k - i - 1 != 3 || (k < t->end && doc->text[k] != c))
			break;   /* decimals */
	}
	return v;
}

/* Multiplies a number by a thousands word right after it ("65k", "70 Tsd."). */
static double thousands(const struct adl_doc *doc, size_t w, double v)
{
	static const char *const words[] = { "k", "tsd", "tausend", "teur", "thousand" };
	if (w + 1 >= doc->nwords || word_tok(doc, w + 1)->kind != TOK_WORD)
		return v;
	const char *f = adl_type_fold(doc, word_tok(doc, w + 1)->type);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(f, words[i]) == 0)
			return v * 1000;
	return v;
}

/* Is token i a range connector: a dash or "bis"/"to"? */
static bool range_connector(const struct adl_doc *doc, size_t i)
{
	const struct adl_token *t = &doc->tok[i];
	if (t->kind == TOK_PUNCT)
		return t->cp == '-' || t->cp == 0x2013 || t->cp == 0x2014 || t->cp == 0x2010 || t->cp == 0x2011;
	if (t->kind != TOK_WORD)
		return false;
	const char *f = adl_type_fold(doc, t->type);
	return strcmp(f, "bis") == 0 || strcmp(f, "to") == 0;
}

/* When the number at word w starts a range ("85.000–105.000", "72k–90k",
 * "70 bis 80", "€60–€70k"), the word index of its second number, else
 * SIZE_MAX. A thousands word or a currency sign may follow the first
 * number and precede the second. */
static size_t range_end(const struct adl_run *run, size_t w)
{
	const struct adl_doc *doc = run->doc;
	size_t t = doc->words[w], k = t + 1;
	uint32_t line = doc->tok[t].line;

	if (k < doc->ntok && doc->tok[k].kind == TOK_WORD && doc->tok[k].line == line &&
	    in_list(run, doc->tok[k].word, LIST_CURRENCY))
		k++;   /* "72k–90k", "70 TEUR bis 80 TEUR" */
	else if (k < doc->ntok && doc->tok[k].kind == TOK_PUNCT && is_currency_sign(doc->tok[k].cp))
		k++;   /* "60 € – 70 €" */
	if (k >= doc->ntok || doc->tok[k].line != line || !range_connector(doc, k))
		return SIZE_MAX;
	k++;
	if (k < doc->ntok && doc->tok[k].kind == TOK_PUNCT && is_currency_sign(doc->tok[k].cp))
		k++;
	if (k >= doc->ntok || doc->tok[k].line != line || doc->tok[k].kind != TOK_NUMBER)
		return SIZE_MAX;
	return doc->tok[k].word;
}

/* Is a word of list l in the clause of word w: its sentence cut at commas
 * and semicolons? */
static bool list_in_clause(const struct adl_run *run, size_t w, enum adl_list l)
{
	const struct adl_doc *doc = run->doc;
	const struct adl_sentence *se = &doc->sent[word_sentence(doc, w)];
	size_t t = doc->words[w], a = t, b = t;

	while (a > 0 && doc->tok[a - 1].start >= se->start &&
	       !(doc->tok[a - 1].kind == TOK_PUNCT && (doc->tok[a - 1].cp == ',' || doc->tok[a - 1].cp == ';')))
		a--;
	while (b + 1 < doc->ntok && doc->tok[b + 1].end <= se->end &&
	       !(doc->tok[b + 1].kind == TOK_PUNCT && (doc->tok[b + 1].cp == ',' || doc->tok[b + 1].cp == ';')))
		b++;
	for (size_t k = a; k <= b; k++)
		if ((doc->tok[k].kind == TOK_WORD || doc->tok[k].kind == TOK_NUMBER) && in_list(run, doc->tok[k].word, l))
			return true;
	return false;
}

/* A salary range anywhere: two amounts joined by a dash, "bis" or "to" with
 * a currency (sign, code, TEUR, k) at either end, not in millions and not
 * clearly a revenue (a revenue word in its clause and no salary or period
 * word in its sentence). */
static bool find_salary_range(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;

	for (size_t w = 0; w < doc->nwords; w++) {
		const struct adl_token *t = word_tok(doc, w);
		if (t->kind != TOK_NUMBER)
			continue;
		size_t w2 = range_end(run, w);
		if (w2 == SIZE_MAX)
			continue;
		bool m1, m2;
		bool money = money_at(run, w, &m1);
		money = money_at(run, w2, &m2) || money;
		if (!money || m1 || m2 || (w2 + 1 < doc->nwords && in_list(run, w2 + 1, LIST_MILLION)))
			continue;
		const struct adl_sentence *se = &doc->sent[t->sentence];
		if ((list_in_clause(run, w, LIST_REVENUE) || list_in_clause(run, w2, LIST_REVENUE)) &&
		    !list_in_words(run, LIST_SALARY, se->first_word, se->end_word, NULL) &&
		    !list_in_words(run, LIST_SALARY_PERIOD, se->first_word, se->end_word, NULL) &&
		    !list_in_words(run, LIST_SALARY_HOUR, se->first_word, se->end_word, NULL))
			continue;
		run->salary_found = true;
		run->salary_start = t->start;
		return true;
	}
	return false;
}

/* Looks for a salary figure: a salary range (above), or in a sentence
 * with a salary word ("Gehalt", "salary") any amount of money, or a number
 * from 10,000; with only a period word ("im Jahr", "per year") and no
 * revenue word, an amount of money from 10,000; with an hourly word ("pro
 * Stunde", "per hour") and no revenue word, any amount of money. Amounts in
 * millions are revenues, never salaries. */
void adl_find_salary(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	for (size_t s = 0; s < doc->nsent && !run->salary_found; s++) {
		const struct adl_sentence *se = &doc->sent[s];
		bool strong = list_in_words(run, LIST_SALARY, se->first_word, se->end_word, NULL);
		bool revenue = list_in_words(run, LIST_REVENUE, se->first_word, se->end_word, NULL);
		bool period = !strong && list_in_words(run, LIST_SALARY_PERIOD, se->first_word, se->end_word, NULL) &&
			      !revenue;
		bool hourly = !strong && list_in_words(run, LIST_SALARY_HOUR, se->first_word, se->end_word, NULL) &&
			      !revenue;
		if (!strong && !period && !hourly)
			continue;
		for (size_t w = se->first_word; w < se->end_word; w++) {
			const struct adl_token *t = word_tok(doc, w);
			bool millions;
			if (t->kind != TOK_NUMBER)
				continue;
			bool money = money_at(run, w, &millions);
			double value = thousands(doc, w, number_value(doc, t));
			if (millions)
				continue;
			if ((strong && (money || value >= 10000)) || (period && money && value >= 10000) ||
			    (hourly && money)) {
				run->salary_found = true;
				run->salary_start = t->start;
				break;
			}
		}
	}
	/* the first salary figure counts for the opening */
	bool found = run->salary_found;
	size_t start = run->salary_start;
	run->salary_found = false;
	if (find_salary_range(run)) {
		if (found && start < run->salary_start)
			run->salary_start = start;
	} else {
		run->salary_found = found;
		run->salary_start = start;
	}
}

void adl_check_pay(struct adl_run *run)
{
	if (run->doc->nwords == 0 || run->salary_found || (run->ctx && run->ctx->has_salary_range))
		return;
	emit_doc(run, "pay.no_range", NULL, 0);
}

/* --- vague.kam_* ------------------------------------------------------------------------- */

static bool number_near(const struct adl_run *run, size_t first, size_t last, size_t near)
{
	const struct adl_doc *doc = run->doc;
	uint32_t s = word_sentence(doc, first);
	size_t a = first > near ? first - near : 0;
	size_t b = last + near < doc->nwords ? last + near : doc->nwords - 1;

	for (size_t w = a; w <= b; w++)
		if (word_sentence(doc, w) == s &&
		    (word_tok(doc, w)->kind == TOK_NUMBER || in_list(run, w, LIST_NUMBER_WORDS)))
			return true;
	return false;
}

void adl_check_vague(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	size_t near = (size_t)doc->rules->params[PARAM_NEAR_WORDS];
	bool accounts = false, revenue = false;

	if (run->lists[LIST_KAM].n == 0)
		return;
	const struct adl_matches *acc = &run->lists[LIST_ACCOUNT];
	for (size_t i = 0; i < acc->n && !accounts; i++)
		accounts = number_near(run, acc->m[i].first, acc->m[i].last, near);
	for (size_t w = 0; w < doc->nwords && !revenue; w++) {
		const struct adl_token *t = word_tok(doc, w);
		const struct adl_sentence *se = &doc->sent[t->sentence];
		bool millions = false;
		if (t->kind == TOK_NUMBER) {
			bool money = money_at(run, w, &millions);
			if (!millions && w + 1 < doc->nwords && in_list(run, w + 1, LIST_MILLION))
				millions = true;   /* "8 Mio. Umsatz" */
			revenue = millions || (money && list_in_words(run, LIST_REVENUE, se->first_word, se->end_word, NULL));
		} else if (in_list(run, w, LIST_NUMBER_WORDS)) {
			revenue = list_in_words(run, LIST_REVENUE, se->first_word, se->end_word, NULL);
		}
	}
	if (!accounts)
		emit_doc(run, "vague.kam_accounts", NULL, 0);
	if (!revenue)
		emit_doc(run, "vague.kam_revenue", NULL, 0);
	if (run->lists[LIST_REGION].n == 0)
		emit_doc(run, "vague.kam_region", NULL, 0);
}

/* --- gender.balance ------------------------------------------------------------------------ */

/* Writes the distinct marked words to out as "a, b, c" (each as first
 * written in the ad) and returns how many words are marked. */
static size_t collect_words(const struct adl_doc *doc, const bool *marked, char *out, size_t size)
{
	size_t o = 0, count = 0, named = 0;
	uint32_t seen[WORD_LIST_MAX];

	out[0] = '\0';
	for (size_t w = 0; w < doc->nwords; w++) {
		if (!marked[w])
			continue;
		count++;
		uint32_t ty = word_tok(doc, w)->type;
		bool dup = false;
		for (size_t k = 0; k < named && !dup; k++)
			dup = seen[k] == ty;
		if (dup)
			continue;
		if (named == WORD_LIST_MAX) {
			if (o + 6 < size && strcmp(out + o - 3, "…") != 0) {
				strcpy(out + o, ", …");
				o += strlen(", …");
			}
			continue;
		}
		const struct adl_token *t = word_tok(doc, w);
		int n = snprintf(out + o, size - o, "%s%.*s", named ? ", " : "", (int)(t->end - t->start),
				 doc->text + t->start);
		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
		seen[named++] = ty;
	}
	return count;
}

void adl_check_gender(struct adl_run *run)
{
	const struct adl_doc *doc = run->doc;
	bool *agentic = xcalloc(doc->nwords + 1, sizeof *agentic);
	bool *communal = xcalloc(doc->nwords + 1, sizeof *communal);
	size_t first = SIZE_MAX;

	for (size_t w = 0; w < doc->nwords; w++) {
		if (in_list(run, w, LIST_GENDER_EXCEPTION))
			continue;   /* Teamleiter, Führerschein, Leitfaden ... */
		agentic[w] = in_list(run, w, LIST_AGENTIC);
		communal[w] = !agentic[w] && in_list(run, w, LIST_COMMUNAL);
		if (agentic[w] && first == SIZE_MAX)
			first = w;
	}
	char wa[300], wc[300];
	size_t na = collect_words(doc, agentic, wa, sizeof wa);
	size_t nc = collect_words(doc, communal, wc, sizeof wc);
	long score = (long)nc - (long)na;   /* Matfield: feminine minus masculine hits */

	if (na > 0 && score < 0) {
		char sa[24], sc[24], coding[80];
		bool strong = (double)-score > doc->rules->params[PARAM_GENDER_STRONG];
		adl_text(run, strong ? "gender.strong" : "gender.mild", NULL, 0, coding, sizeof coding);
		fmt_int(sa, sizeof sa, (long)na);
		fmt_int(sc, sizeof sc, (long)nc);
		struct adl_var v[] = { { "agentic", wa }, { "communal", nc ? wc : "–" }, { "nagentic", sa },
				       { "ncommunal", sc }, { "coding", coding } };
		const struct adl_token *t = word_tok(doc, first);
		adl_emit_rule(run, "gender.balance", t->start, t->end, v, 5);
		if (strong && run->findings[run->nfindings - 1].severity == ADLINT_HINT)
			run->findings[run->nfindings - 1].severity = ADLINT_WARNING;
	}
	free(agentic);
	free(communal);
}

/* --- readability.* ------------------------------------------------------------------------ */

void adl_check_readability(struct adl_run *run, double *score)
{
	const struct adl_doc *doc = run->doc;
	const double *prm = doc->rules->params;
	size_t sentences = 0, syllables = 0;
	char a[32], b[32];

	*score = 0;
	for (size_t w = 0; w < doc->nwords; w++) {
		const struct adl_token *t = word_tok(doc, w);
		syllables += t->kind == TOK_WORD ? (size_t)doc->types[t->type].syllables : 1;
	}
	for (size_t s = 0; s < doc->nsent; s++) {
		const struct adl_sentence *se = &doc->sent[s];
		size_t n = se->end_word - se->first_word;
		if (n == 0)
			continue;
		sentences++;
		if ((double)n > prm[PARAM_LONG_SENTENCE_WORDS]) {
			fmt_int(a, sizeof a, (long)n);
			fmt_int(b, sizeof b, (long)prm[PARAM_LONG_SENTENCE_WORDS]);
			struct adl_var v[] = { { "words", a }, { "max", b } };
			adl_emit_rule(run, "readability.long_sentence", se->start, se->end, v, 2);
		}
	}
	if (doc->nwords == 0 || sentences == 0)
		return;
	double asl = (double)doc->nwords / (double)sentences;
	double asw = (double)syllables / (double)doc->nwords;
	double raw = doc->lang == ADLINT_DE ? 180.0 - asl - 58.5 * asw : 206.835 - 1.015 * asl - 84.6 * asw;
	*score = raw < 0 ? 0 : raw > 100 ? 100 : (double)(long)(raw * 10 + 0.5) / 10;
	if ((double)doc->nwords >= prm[PARAM_READABILITY_MIN_WORDS] && *score < prm[PARAM_READABILITY_MIN]) {
		char formula[48];
		snprintf(a, sizeof a, "%.0f", *score);
		fmt_int(b, sizeof b, (long)prm[PARAM_READABILITY_MIN]);
		adl_text(run, doc->lang == ADLINT_DE ? "formula.de" : "formula.en", NULL, 0, formula, sizeof formula);
		struct adl_var v[] = { { "score", a }, { "min", b }, { "formula", formula } };
		emit_doc(run, "readability.score", v, 3);
	}
}
