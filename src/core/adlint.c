/*
 * adlint.c — the entry points of the ad linter: language detection, one
 * check run over a text (analyse → match → rule families → score and
 * summary) and the small helpers of the public API.
 *
 * The score starts at 100 and loses a weight per finding by severity
 * (@param weight_error/_warning/_hint), at most cap_factor times the weight
 * per rule id, so twenty clichés do not count twenty times; it is clamped to
 * 0..100. The summary names the score, the counts per severity and the
 * three families that cost most.
 */
#include "core/adlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/adlint_impl.h"
#include "util/xalloc.h"

#define DETECT_MAX_BYTES 8192    /* language detection reads the beginning only */
#define DETECT_MARGIN 60         /* ... and stops once one language leads this clearly */
#define SUMMARY_FAMILIES 3

const char *adlint_severity_code(enum adlint_severity s)
{
	switch (s) {
	case ADLINT_ERROR:
		return "error";
	case ADLINT_WARNING:
		return "warning";
	default:
		return "hint";
	}
}

const char *adlint_lang_code(enum adlint_lang lang)
{
	return lang == ADLINT_EN ? "en" : "de";
}

/* --- language detection ------------------------------------------------------- */

static const char *const de_words[] = {
	"der", "die", "das", "und", "ist", "wir", "sie", "mit", "für", "von", "zu", "den", "dem", "ein", "eine",
	"nicht", "auf", "bei", "im", "ihr", "ihre", "du", "dein", "deine", "uns", "unser", "unsere", "werden",
	"sind", "oder", "als", "auch", "des", "einen", "einer", "bieten", "dich", "dir", "ihnen", "aus", "nach",
	NULL,
};

static const char *const en_words[] = {
	"the", "and", "of", "to", "we", "you", "our", "with", "for", "is", "are", "in", "a", "will", "your",
	"this", "be", "as", "on", "an", "who", "what", "have", "from", "at", "by", "or", "us", "can", "that",
	NULL,
};

static bool in_words(const char *const *list, const char *w)
{
	for (size_t i = 0; list[i]; i++)
		if (list[i][0] == w[0] && strcmp(list[i], w) == 0)
			return true;
	return false;
}

enum adlint_lang adlint_detect_lang(const char *text, size_t len)
{
	long de = 0, en = 0;
	char w[16];
	size_t wl = 0;

	if (len > DETECT_MAX_BYTES)
		len = DETECT_MAX_BYTES;
	for (size_t i = 0; i <= len; i++) {
		unsigned char c = i < len ? (unsigned char)text[i] : ' ';
		if (c == 0xC3 && i + 1 < len) {
			unsigned char d = (unsigned char)text[i + 1];
			if (d == 0xA4 || d == 0xB6 || d == 0xBC || d == 0x9F || d == 0x84 || d == 0x96 || d == 0x9C) {
				de++;   /* ä ö ü ß Ä Ö Ü */
				if (wl + 2 < sizeof w) {
					w[wl++] = (char)c;
					w[wl++] = (char)(d >= 0x84 && d <= 0x9C && d != 0x9F ? d + 0x20 : d);
				}
				i++;
				continue;
			}
		}
		if ((c | 32) >= 'a' && (c | 32) <= 'z') {
			if (wl + 1 < sizeof w)
				w[wl++] = (char)(c | 32);
			continue;
		}
		if (wl > 0 && wl <= 6) {   /* the function words are short */
			w[wl] = '\0';
			if (in_words(de_words, w))
				de += 2;
			else if (in_words(en_words, w))
				en += 2;
			if (de > 2 * en + DETECT_MARGIN || en > 2 * de + DETECT_MARGIN)
				break;   /* clear enough */
		}
		wl = 0;
	}
	return en > de ? ADLINT_EN : ADLINT_DE;
}

/* --- scoring and summary --------------------------------------------------------- */

static int compare_findings(const void *a, const void *b)
{
	const struct adlint_finding *x = a, *y = b;
	if (x->byte_start != y->byte_start)
		return x->byte_start < y->byte_start ? -1 : 1;
	if (x->byte_end != y->byte_end)
		return x->byte_end < y->byte_end ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity < y->severity ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

struct penalty {
	const char *key;             /* rule id, or family (prefix before the dot) */
	size_t keylen;
	double sum;
	size_t order;                /* first appearance, to break ties */
};

static struct penalty *penalty_for(struct penalty *p, size_t *n, const char *key, size_t keylen)
{
	for (size_t i = 0; i < *n; i++)
		if (p[i].keylen == keylen && memcmp(p[i].key, key, keylen) == 0)
			return &p[i];
	p[*n] = (struct penalty){ key, keylen, 0, *n };
	return &p[(*n)++];
}

static int compare_penalties(const void *a, const void *b)
{
	const struct penalty *x = a, *y = b;
	if (x->sum != y->sum)
		return x->sum > y->sum ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void score_and_summary(struct adl_run *run, struct adlint_result *out)
{
	const double *prm = run->doc->rules->params;
	size_t n = run->nfindings, nrules = 0, nfam = 0;
	struct penalty *rules = xcalloc(n + 1, sizeof *rules);
	struct penalty *fams = xcalloc(n + 1, sizeof *fams);
	int counts[3] = { 0, 0, 0 };
	double total = 0;

	for (size_t i = 0; i < n; i++) {
		const struct adlint_finding *f = &run->findings[i];
		double weight = prm[f->severity == ADLINT_ERROR     ? PARAM_WEIGHT_ERROR
				    : f->severity == ADLINT_WARNING ? PARAM_WEIGHT_WARNING
								    : PARAM_WEIGHT_HINT];
		struct penalty *r = penalty_for(rules, &nrules, f->rule, strlen(f->rule));
		double add = weight;
		if (r->sum + add > weight * prm[PARAM_CAP_FACTOR])
			add = weight * prm[PARAM_CAP_FACTOR] - r->sum;
		if (add < 0)
			add = 0;
		r->sum += add;
		total += add;
		const char *dot = strchr(f->rule, '.');
		penalty_for(fams, &nfam, f->rule, dot ? (size_t)(dot - f->rule) : strlen(f->rule))->sum += add;
		counts[f->severity]++;
	}
	out->score = total >= 100 ? 0 : (int)(100 - total + 0.5);
	if (out->score > 100)
		out->score = 100;

	char score[16];
	snprintf(score, sizeof score, "%d", out->score);
	if (n == 0) {
		struct adl_var v[] = { { "score", score } };
		adl_text(run, "summary.clean", v, 1, out->summary, sizeof out->summary);
		goto cleanup;
	}
	static const char *const count_ids[3][2] = {
		{ "count.error.one", "count.error.many" },
		{ "count.warning.one", "count.warning.many" },
		{ "count.hint.one", "count.hint.many" },
	};
	char parts[3][48], countlist[160], famlist[200], labels[SUMMARY_FAMILIES][64];
	const char *items[3];
	size_t nitems = 0;
	for (int s = 0; s < 3; s++) {
		if (counts[s] == 0)
			continue;
		char num[16];
		snprintf(num, sizeof num, "%d", counts[s]);
		struct adl_var v[] = { { "n", num } };
		adl_text(run, count_ids[s][counts[s] == 1 ? 0 : 1], v, 1, parts[nitems], sizeof parts[0]);
		items[nitems] = parts[nitems];
		nitems++;
	}
	size_t o = 0;
	countlist[0] = '\0';
	for (size_t i = 0; i < nitems; i++)
		o += (size_t)snprintf(countlist + o, sizeof countlist - o, "%s%s", i ? ", " : "", items[i]);

	if (nfam > 1)
		qsort(fams, nfam, sizeof *fams, compare_penalties);
	const char *names[SUMMARY_FAMILIES];
	size_t nnames = 0;
	for (size_t i = 0; i < nfam && nnames < SUMMARY_FAMILIES; i++) {
		char id[64];
		snprintf(id, sizeof id, "family.%.*s", (int)fams[i].keylen, fams[i].key);
		if (!adl_rules_block(run->doc->rules, id, run->doc->lang))
			continue;
		adl_text(run, id, NULL, 0, labels[nnames], sizeof labels[0]);
		names[nnames] = labels[nnames];
		nnames++;
	}
	char word[24], and_word[32];
	adl_text(run, "summary.and", NULL, 0, word, sizeof word);
	snprintf(and_word, sizeof and_word, " %s ", word);
	o = 0;
	famlist[0] = '\0';
	for (size_t i = 0; i < nnames; i++)
		o += (size_t)snprintf(famlist + o, sizeof famlist - o, "%s%s",
				      i == 0 ? "" : i + 1 == nnames ? and_word : ", ", names[i]);
	struct adl_var v[] = { { "score", score }, { "counts", countlist }, { "families", famlist } };
	adl_text(run, "summary.findings", v, 3, out->summary, sizeof out->summary);
cleanup:
	free(rules);
	free(fams);
}

/* --- the check ---------------------------------------------------------------------- */

static void position_of(const char *text, size_t off, int *line, int *column)
{
	size_t start = 0;
	*line = 1;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*column = (int)adl_chars(text, start, off) + 1;
}

bool adlint_check(const struct adlint_rules *rules, const char *text, size_t len, enum adlint_lang lang,
		  const struct adlint_context *ctx, struct adlint_result *out, char *err, size_t errlen)
{
	struct adl_doc doc;
	struct adl_run run;
	size_t bad;
	char dummy[1];

	if (!err || errlen == 0) {
		err = dummy;
		errlen = sizeof dummy;
	}
	memset(out, 0, sizeof *out);
	out->lang = lang;
	if (len >= UINT32_MAX) {
		snprintf(err, errlen, "the text is too large");
		return false;
	}
	if (!adl_utf8_valid(text, len, &bad)) {
		int line, column;
		position_of(text, bad, &line, &column);
		snprintf(err, errlen, text[bad] == '\0' ? "NUL byte at line %d, column %d"
							: "invalid UTF-8 at line %d, column %d",
			 line, column);
		return false;
	}
	memset(&doc, 0, sizeof doc);
	memset(&run, 0, sizeof run);
	doc.rules = rules;
	doc.lang = lang;
	doc.text = text;
	doc.len = len;
	adl_doc_analyse(&doc);
	run.doc = &doc;
	run.ctx = ctx;
	run.msg_lang = lang;
	if (ctx && ctx->message_lang)
		run.msg_lang = strcmp(ctx->message_lang, "en") == 0 ? ADLINT_EN : ADLINT_DE;

	if (doc.nwords == 0) {
		adl_text(&run, "summary.empty", NULL, 0, out->summary, sizeof out->summary);
		goto cleanup;
	}
	adl_match_all(&run);
	adl_find_salary(&run);
	adl_check_title(&run);
	adl_check_patterns(&run);
	adl_check_structure(&run);
	adl_check_pay(&run);
	adl_check_vague(&run);
	adl_check_gender(&run);
	adl_check_readability(&run, &out->readability);

	if (run.nfindings > 1)
		qsort(run.findings, run.nfindings, sizeof *run.findings, compare_findings);
	score_and_summary(&run, out);
	out->findings = run.findings;
	out->nfindings = run.nfindings;
	run.findings = NULL;
	out->words = (int)doc.nwords;
	for (size_t s = 0; s < doc.nsent; s++)
		out->sentences += doc.sent[s].end_word > doc.sent[s].first_word;
cleanup:
	free(run.findings);
	free(run.report.m);
	for (int l = 0; l < LIST__COUNT; l++)
		free(run.lists[l].m);
	free(run.word_lists);
	free(run.line_has_number);
	adl_doc_free(&doc);
	return true;
}

void adlint_result_free(struct adlint_result *r)
{
	if (!r)
		return;
	free(r->findings);
	r->findings = NULL;
	r->nfindings = 0;
}
