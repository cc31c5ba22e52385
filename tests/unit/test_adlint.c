/*
 * Unit tests for the job-ad linter (src/core/adlint*.c, R-AD-2) with the
 * rule data embedded from data/adlint/: tokenising and sentence splitting
 * (abbreviations, ordinals, numbers), syllables and the readability
 * formulas, every rule family with its false positives (Teamleiter,
 * Führerschein, Leitfaden, Kraftfahrzeug, "1.500 Kunden"), positions in
 * characters, invalid UTF-8 and empty text, the score bounds, the summary,
 * language detection, the message language and the rule-data loader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glob.h>

#include <cmocka.h>
#include <libstemmer.h>

#include "core/adlint.h"
#include "core/adlint_impl.h"
#include "util/embedded.h"

static struct adlint_rules *rules;

/* Contents of the embedded data/adlint/NAME.txt files, plus room for extras. */
static const char *files[64];
static size_t lens[64];
static size_t nfiles;

static int load_rules(void **state)
{
	char err[256];
	(void)state;
	nfiles = 0;
	for (size_t i = 0; i < embedded_files_count && nfiles < 60; i++) {
		const char *p = embedded_files[i].path;
		size_t n = strlen(p);
		if (strncmp(p, "data/adlint/", 12) == 0 && n > 4 && strcmp(p + n - 4, ".txt") == 0) {
			files[nfiles] = (const char *)embedded_files[i].data;
			lens[nfiles++] = embedded_files[i].len;
		}
	}
	rules = adlint_rules_load(files, lens, nfiles, err, sizeof err);
	if (!rules)
		fprintf(stderr, "rules: %s\n", err);
	return rules ? 0 : -1;
}

static int free_rules(void **state)
{
	(void)state;
	adlint_rules_free(rules);
	return 0;
}

static struct adlint_result res;

/* Lints text with messages in English and nothing confirmed. */
static const struct adlint_result *lint_ctx(const char *text, enum adlint_lang lang, const struct adlint_context *ctx)
{
	char err[128];
	adlint_result_free(&res);
	bool ok = adlint_check(rules, text, strlen(text), lang, ctx, &res, err, sizeof err);
	if (!ok)
		fail_msg("adlint_check failed: %s", err);
	return &res;
}

static const struct adlint_result *lint(const char *text, enum adlint_lang lang)
{
	struct adlint_context ctx = { .message_lang = "en" };
	return lint_ctx(text, lang, &ctx);
}

static int count(const struct adlint_result *r, const char *rule)
{
	int n = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		n += strcmp(r->findings[i].rule, rule) == 0;
	return n;
}

static const struct adlint_finding *find(const struct adlint_result *r, const char *rule)
{
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule, rule) == 0)
			return &r->findings[i];
	return NULL;
}

/* The finding of rule whose span covers exactly the text `what`. */
static const struct adlint_finding *find_at(const struct adlint_result *r, const char *text, const char *rule,
					    const char *what)
{
	for (size_t i = 0; i < r->nfindings; i++) {
		const struct adlint_finding *f = &r->findings[i];
		if (strcmp(f->rule, rule) == 0 && f->byte_end - f->byte_start == strlen(what) &&
		    memcmp(text + f->byte_start, what, strlen(what)) == 0)
			return f;
	}
	return NULL;
}

static int family(const struct adlint_result *r, const char *prefix)
{
	int n = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		n += strncmp(r->findings[i].rule, prefix, strlen(prefix)) == 0;
	return n;
}

/* --- tokens, sentences, syllables ------------------------------------------------ */

static void test_sentences_abbreviations_de(void **state)
{
	(void)state;
	/* R-AD-2: "z. B.", "ca.", "Dr." ... do not end a sentence */
	assert_int_equal(lint("Wir suchen z. B. Leute mit Erfahrung. Das ist alles.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Wir suchen z.B. Leute mit Erfahrung. Das ist alles.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Sie betreuen ca. 20 Kunden. Dr. Weber leitet das Team.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Vertrieb bzw. Service usw. sind dabei. Neu ist u. a. die Messe.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Das Gehalt inkl. Bonus liegt bei max. 90 Tsd. Euro. Der Umsatz ist 3 Mio. Euro.", ADLINT_DE)
				 ->sentences,
			 2);
	assert_int_equal(lint("Reisen ggf. ins Ausland, min. zwei Tage etc. im Monat. Danach Urlaub.", ADLINT_DE)->sentences,
			 2);
	/* numbers with separators and German ordinals stay inside the sentence */
	assert_int_equal(lint("Wir haben 1.500 Kunden. Die 3. Runde ist ein Gespräch. Start am 1. März.", ADLINT_DE)
				 ->sentences,
			 3);
	/* a sentence may end with a number */
	assert_int_equal(lint("Gegründet wurden wir 2010. Heute sind wir 80.", ADLINT_DE)->sentences, 2);
	/* question and exclamation marks, closing quotes */
	assert_int_equal(lint("Wer sind wir? „Ein Team!“ Das sagen alle.", ADLINT_DE)->sentences, 3);
}

static void test_sentences_abbreviations_en(void **state)
{
	(void)state;
	assert_int_equal(lint("We use tools, e.g. Salesforce. You travel, i.e. two days a week.", ADLINT_EN)->sentences, 2);
	assert_int_equal(lint("Dr. Miller leads the team. Mr. Smith joins.", ADLINT_EN)->sentences, 2);
	/* a domain name or a version number is not a sentence end */
	assert_int_equal(lint("Apply at stellwerk.example now. Version 2.5 is out.", ADLINT_EN)->sentences, 2);
}

/* R-AD-2: a single letter with a dot ends a sentence unless it is part of
 * a row of abbreviations ("z. B.", "u. a.") or a lower-case word follows */
static void test_sentences_single_letter(void **state)
{
	(void)state;
	assert_int_equal(lint("Sie haben den Führerschein Klasse B. Sie fahren gern.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Sie haben Klasse C. Das ist gut. Wir zahlen gut.", ADLINT_DE)->sentences, 3);
	assert_int_equal(lint("Sie kennen z. B. Excel gut. Das reicht.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Sie kennen u. a. Excel gut. Das reicht.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("Wir zahlen 70 TEUR p. a. und einen Bonus. Das reicht.", ADLINT_DE)->sentences, 2);
	assert_int_equal(lint("You know e.g. Excel well. You hold licence B. You drive.", ADLINT_EN)->sentences, 3);
}

static void test_sentences_lines(void **state)
{
	(void)state;
	/* headings, list items and blank lines end sentences; wrapped prose does not */
	const char *text = "Ihre Aufgaben\n"
			   "- Angebote schreiben\n"
			   "- Kunden besuchen\n"
			   "\n"
			   "Wir sind ein Hersteller von Pumpen mit Sitz in Kiel und liefern seit vielen\n"
			   "Jahren in ganz Europa und darüber hinaus. Das ist gut.\n";
	assert_int_equal(lint(text, ADLINT_DE)->sentences, 5);
}

static void test_tokens_words(void **state)
{
	(void)state;
	/* R-AD-2: hyphenated compounds, gender forms and numbers are one word each */
	assert_int_equal(lint("Hands-on-Mentalität, Berater:innen und 1.500 Kunden", ADLINT_DE)->words, 5);
	assert_int_equal(lint("We're a start-up with 2,5 people.", ADLINT_EN)->words, 6);
	/* bullets are not words */
	assert_int_equal(lint("- eins\n• zwei\n* drei\n1. vier", ADLINT_DE)->words, 4);
}

static void test_syllables(void **state)
{
	(void)state;
	/* R-AD-2: vowel groups, diphthongs ei ie au eu äu as one */
	assert_int_equal(adl_syllables("situation", 9, ADLINT_DE), 5);
	assert_int_equal(adl_syllables("bereich", 7, ADLINT_DE), 2);
	assert_int_equal(adl_syllables("qualität", 9, ADLINT_DE), 3);
	assert_int_equal(adl_syllables("feier", 5, ADLINT_DE), 2);
	assert_int_equal(adl_syllables("häuser", 7, ADLINT_DE), 2);
	assert_int_equal(adl_syllables("verkaufen", 9, ADLINT_DE), 3);
	assert_int_equal(adl_syllables("crm", 3, ADLINT_DE), 1);
	/* English: silent final e, -le, -es and -ed */
	assert_int_equal(adl_syllables("make", 4, ADLINT_EN), 1);
	assert_int_equal(adl_syllables("table", 5, ADLINT_EN), 2);
	assert_int_equal(adl_syllables("played", 6, ADLINT_EN), 1);
	assert_int_equal(adl_syllables("wanted", 6, ADLINT_EN), 2);
	assert_int_equal(adl_syllables("boxes", 5, ADLINT_EN), 2);
	assert_int_equal(adl_syllables("makes", 5, ADLINT_EN), 1);
	assert_int_equal(adl_syllables("required", 8, ADLINT_EN), 2);
	assert_int_equal(adl_syllables("the", 3, ADLINT_EN), 1);
	assert_int_equal(adl_syllables("you", 3, ADLINT_EN), 1);
	assert_int_equal(adl_syllables("fast-paced", 10, ADLINT_EN), 2);
}

/* --- readability ----------------------------------------------------------------------- */

static void test_readability_formulas(void **state)
{
	(void)state;
	/* R-AD-2: Amstad = 180 - ASL - 58.5 * ASW: 7 words, 2 sentences, 14 syllables */
	assert_true(lint("Wir bieten gute Arbeit. Sie verkaufen Maschinen.", ADLINT_DE)->readability == 59.5);
	/* Flesch = 206.835 - 1.015 * ASL - 84.6 * ASW: 6 words, 2 sentences, 8 syllables */
	assert_true(lint("We sell machines. You will travel.", ADLINT_EN)->readability == 91.0);
	/* clamped to 0..100 */
	assert_true(lint("Ja. Nein. Gut.", ADLINT_DE)->readability == 100.0);
}

static void test_readability_findings(void **state)
{
	(void)state;
	char text[4096] = "Vertriebsmitarbeiter (m/w/d)\n\n";
	for (int i = 0; i < 6; i++)
		strcat(text, "Die Verantwortung für Bestandskundenbeziehungen umfasst Vertragsverhandlungen, "
			     "Qualitätssicherungsvereinbarungen und Angebotskalkulationen. ");
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: Amstad below 50 */
	assert_int_equal(count(r, "readability.score"), 1);
	assert_int_equal(count(r, "readability.long_sentence"), 0);

	const char *longs = "Sales Manager (m/f/d)\n\nYou will visit our customers in the north of the country and "
			    "talk with them about their plans for the next year and write offers for the machines "
			    "they need and then follow up with them until they sign. Short one.";
	r = lint(longs, ADLINT_EN);
	/* R-AD-2: a sentence over 25 words is a hint, with its span */
	const struct adlint_finding *f = find(r, "readability.long_sentence");
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_HINT);
	assert_int_equal(f->line, 3);
	assert_int_equal(f->column, 1);
	assert_non_null(strstr(f->message, "39 words"));
	assert_int_equal(count(r, "readability.long_sentence"), 1);
}

/* --- positions, invalid input, empty text -------------------------------------------- */

static void test_positions_in_characters(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\nÄußerst dynamisches Umfeld – und Ö.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	const struct adlint_finding *f = find(r, "cliche.phrase");
	/* R-AD-2: columns count characters, not bytes; end is just past the span */
	assert_non_null(f);
	assert_int_equal(f->line, 3);
	assert_int_equal(f->column, 9);
	assert_int_equal(f->end_line, 3);
	assert_int_equal(f->end_column, 27);
	assert_int_equal(f->byte_start, strlen("Vertrieb (m/w/d)\n\nÄußerst "));
	assert_int_equal(f->byte_end, f->byte_start + strlen("dynamisches Umfeld"));
	assert_string_equal(f->message, "\"dynamisches Umfeld\" is an empty phrase: it says nothing concrete about the job.");

	/* CRLF line ends and a byte order mark do not shift columns */
	text = "\xEF\xBB\xBFVertrieb (m/w/d)\r\n\r\nEin dynamisches Umfeld.";
	f = find(lint(text, ADLINT_DE), "cliche.phrase");
	assert_non_null(f);
	assert_int_equal(f->line, 3);
	assert_int_equal(f->column, 5);
	assert_int_equal(f->end_column, 23);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	char err[128];
	struct adlint_result r;
	/* R-AD-2: invalid UTF-8 is refused with line and column */
	assert_false(adlint_check(rules, "abc\xff", 4, ADLINT_DE, NULL, &r, err, sizeof err));
	assert_string_equal(err, "invalid UTF-8 at line 1, column 4");
	assert_null(r.findings);
	assert_false(adlint_check(rules, "Zeile\nÄb\xc3", 10, ADLINT_DE, NULL, &r, err, sizeof err));
	assert_string_equal(err, "invalid UTF-8 at line 2, column 3");
	assert_false(adlint_check(rules, "\xc0\xaf", 2, ADLINT_DE, NULL, &r, err, sizeof err));   /* overlong */
	assert_false(adlint_check(rules, "\xed\xa0\x80", 3, ADLINT_DE, NULL, &r, err, sizeof err)); /* surrogate */
	assert_false(adlint_check(rules, "a\0b", 3, ADLINT_DE, NULL, &r, err, sizeof err));
	assert_string_equal(err, "NUL byte at line 1, column 2");
	/* a NULL error buffer is allowed */
	assert_false(adlint_check(rules, "\xff", 1, ADLINT_DE, NULL, &r, NULL, 0));
	/* the text need not be NUL-terminated */
	assert_true(adlint_check(rules, "Vertrieb (m/w/d)XYZ", 16, ADLINT_DE, NULL, &r, err, sizeof err));
	assert_int_equal(r.words, 4);
	adlint_result_free(&r);
}

static void test_empty_text(void **state)
{
	(void)state;
	struct adlint_context ctx = { .message_lang = "en" };
	char err[64];
	struct adlint_result r;
	/* R-AD-2: an empty or blank text has no findings, score 0 and says so */
	assert_true(adlint_check(rules, "", 0, ADLINT_DE, &ctx, &r, err, sizeof err));
	assert_int_equal(r.nfindings, 0);
	assert_int_equal(r.score, 0);
	assert_string_equal(r.summary, "The text is empty.");
	adlint_result_free(&r);
	assert_true(adlint_check(rules, " \n\t\n-- \n", 8, ADLINT_EN, NULL, &r, err, sizeof err));
	assert_int_equal(r.nfindings, 0);
	assert_int_equal(r.words, 0);
	assert_string_equal(r.summary, "The text is empty.");
	adlint_result_free(&r);
	adlint_result_free(&r);   /* twice is harmless */
}

/* --- cliche.* ------------------------------------------------------------------------------ */

static void test_cliches(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\nWir bieten spannende Herausforderungen in einem dynamischen Umfeld, "
			   "flache Hierarchien und einen Obstkorb. Sie gehen die Extrameile.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: seed phrases in inflected forms */
	assert_non_null(find_at(r, text, "cliche.phrase", "spannende Herausforderungen"));
	assert_non_null(find_at(r, text, "cliche.phrase", "dynamischen Umfeld"));
	assert_non_null(find_at(r, text, "cliche.phrase", "flache Hierarchien"));
	assert_non_null(find_at(r, text, "cliche.phrase", "Extrameile"));
	assert_non_null(find_at(r, text, "cliche.perk", "Obstkorb"));
	assert_int_equal(find(r, "cliche.perk")->severity, ADLINT_HINT);
	/* a per-line suggestion overrides the rule's */
	assert_string_equal(find_at(r, text, "cliche.phrase", "flache Hierarchien")->suggestion,
			    "Say who decides what and whom the role reports to.");
	/* gap patterns: "Vorteile eines Konzerns mit der Dynamik eines Start-ups" */
	text = "Vertrieb (m/w/d)\n\nBei uns verbinden Sie die Vorteile eines Konzerns mit der Dynamik eines Start-ups.";
	assert_int_equal(count(lint(text, ADLINT_DE), "cliche.phrase"), 1);

	/* R-AD-2: no false positives from single words of a phrase */
	text = "Vertrieb (m/w/d)\n\nDas Umfeld ist ruhig. Die Preise sind dynamisch. Der Test ist spannend.";
	assert_int_equal(family(lint(text, ADLINT_DE), "cliche."), 0);

	text = "Sales Rockstar\n\nJoin our fast-paced environment as a coding ninja and wear many hats. Free beer!";
	r = lint(text, ADLINT_EN);
	assert_non_null(find_at(r, text, "cliche.hero", "Rockstar"));
	assert_non_null(find_at(r, text, "cliche.hero", "ninja"));
	assert_non_null(find_at(r, text, "cliche.phrase", "fast-paced"));
	assert_non_null(find_at(r, text, "cliche.phrase", "wear many hats"));
	assert_non_null(find_at(r, text, "cliche.perk", "Free beer"));
	/* German phrases are not looked for in English ads */
	assert_int_equal(family(lint("We offer flache Hierarchien.", ADLINT_EN), "cliche."), 0);
}

/* --- vague.* -------------------------------------------------------------------------------- */

static void test_vague_kam(void **state)
{
	(void)state;
	const char *text = "Key Account Manager (m/w/d)\n\nSie betreuen unsere Großkunden und bauen Beziehungen aus.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: a key-account ad states accounts, revenue and region */
	assert_int_equal(count(r, "vague.kam_accounts"), 1);
	assert_int_equal(count(r, "vague.kam_revenue"), 1);
	assert_int_equal(count(r, "vague.kam_region"), 1);
	assert_int_equal(find(r, "vague.kam_region")->line, 1);   /* about the whole ad: the title */

	text = "Key Account Manager (m/w/d)\n\nSie betreuen 1.500 Kunden mit einem Umsatz von 12 Mio. € in der "
	       "Region Nord.";
	r = lint(text, ADLINT_DE);
	/* R-AD-2: "1.500 Kunden" is a quantity */
	assert_int_equal(family(r, "vague."), 0);
	text = "Key Account Manager (m/w/d)\n\n- Verantwortung für 15–20 Bestandskunden\n- Umsatzvolumen: 8 Mio. Euro\n"
	       "- Gebiet: Bayern";
	assert_int_equal(family(lint(text, ADLINT_DE), "vague."), 0);
	/* a number far from the accounts does not count them */
	text = "Key Account Manager (m/w/d)\n\nSie haben 5 Jahre Erfahrung mit Großkunden in Bayern und 3 Mio. € Umsatz.";
	assert_int_equal(count(lint(text, ADLINT_DE), "vague.kam_accounts"), 1);
	/* not a key-account ad: no vague.kam_* */
	text = "Buchhaltung (m/w/d)\n\nSie buchen Rechnungen.";
	assert_int_equal(family(lint(text, ADLINT_DE), "vague.kam"), 0);

	text = "Key Account Manager\n\nYou will manage 25 key accounts worth €10 million in the DACH region.";
	assert_int_equal(family(lint(text, ADLINT_EN), "vague."), 0);
	text = "Key Account Manager\n\nYou will manage our key accounts.";
	r = lint(text, ADLINT_EN);
	assert_int_equal(count(r, "vague.kam_accounts"), 1);
	assert_non_null(find_at(r, text, "vague.task", "manage our key accounts"));
}

static void test_vague_task(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\n- Betreuung von Schlüsselkunden\n- Betreuung von 20 Schlüsselkunden\n"
			   "- Neukundenakquise in zwei Regionen\n- Neukundengewinnung";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: seed example without numbers; with a number (digits or word) it is fine */
	assert_int_equal(count(r, "vague.task"), 2);
	assert_non_null(find_at(r, text, "vague.task", "Betreuung von Schlüsselkunden"));
	assert_non_null(find_at(r, text, "vague.task", "Neukundengewinnung"));
	assert_int_equal(find(r, "vague.task")->line, 3);
	assert_int_equal(find(r, "vague.task")->column, 3);
}

/* --- promise.* --------------------------------------------------------------------------- */

static void test_promises(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\nWir bieten eine überdurchschnittliche Vergütung und unbegrenzte "
			   "Karrierechancen.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: unbacked promises */
	assert_non_null(find_at(r, text, "promise.pay", "überdurchschnittliche Vergütung"));
	assert_non_null(find_at(r, text, "promise.career", "unbegrenzte Karrierechancen"));
	/* confirmed by the position: no finding */
	struct adlint_context ctx = { .confirms_above_average_pay = true, .message_lang = "en" };
	r = lint_ctx(text, ADLINT_DE, &ctx);
	assert_int_equal(count(r, "promise.pay"), 0);
	assert_int_equal(count(r, "promise.career"), 1);
	ctx = (struct adlint_context){ .confirms_career_paths = true };
	r = lint_ctx(text, ADLINT_DE, &ctx);
	assert_int_equal(count(r, "promise.pay"), 1);
	assert_int_equal(count(r, "promise.career"), 0);

	text = "Sales Manager\n\nWe offer an above-average salary and unlimited career opportunities.";
	r = lint(text, ADLINT_EN);
	assert_int_equal(count(r, "promise.pay"), 1);
	assert_int_equal(count(r, "promise.career"), 1);
}

/* --- structure.* -------------------------------------------------------------------------- */

static void test_structure(void **state)
{
	(void)state;
	char text[8192] = "Vertrieb (m/w/d) in Hamburg\n\n";
	for (int i = 0; i < 12; i++)
		strcat(text, "Wir verkaufen Pumpen an Stadtwerke und beraten sie bei der Planung. ");
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: a paragraph over 600 characters, no list, too short */
	const struct adlint_finding *f = find(r, "structure.long_paragraph");
	assert_non_null(f);
	assert_int_equal(f->line, 3);
	assert_int_equal(f->end_line, 3);
	assert_int_equal(count(r, "structure.no_bullets"), 1);
	assert_string_equal(f->message, "Paragraph of 816 characters: long blocks of text get skipped.");
	assert_int_equal(r->words, 6 + 12 * 11);   /* "m", "w", "d" are words too */
	assert_int_equal(count(r, "structure.too_short"), 1);
	/* key facts: the title gives role and location; a salary at the end is late */
	assert_int_equal(count(r, "structure.opening_facts"), 0);

	strcpy(text, "Vertrieb (m/w/d)\n\n- Pumpen verkaufen\n\nWir verkaufen Pumpen.\n\nGehalt: 60.000 € brutto.");
	r = lint(text, ADLINT_DE);
	assert_int_equal(count(r, "structure.no_bullets"), 0);
	assert_int_equal(count(r, "structure.too_short"), 1);
	assert_int_equal(count(r, "structure.long_paragraph"), 0);
	f = find(r, "structure.opening_facts");
	assert_non_null(f);
	assert_string_equal(f->message, "Missing from the first 400 characters: location or region.");

	/* six short lines are a long paragraph too */
	r = lint("Vertrieb (m/w/d)\n\nEins.\nZwei.\nDrei.\nVier.\nFünf.\nSechs.", ADLINT_DE);
	assert_string_equal(find(r, "structure.long_paragraph")->message,
			    "Paragraph of 6 lines: long blocks of text get skipped.");

	/* too long: more than 900 words */
	static char big[16384];
	strcpy(big, "Vertrieb (m/w/d)\n\n");
	for (int i = 0; i < 130; i++)
		strcat(big, "- Wir verkaufen gute Pumpen an viele Kunden.\n");
	r = lint(big, ADLINT_DE);
	assert_int_equal(count(r, "structure.too_long"), 1);
	assert_non_null(strstr(find(r, "structure.too_long")->message, "914 words"));

	/* no title: the first line is prose */
	r = lint("Wir suchen jemanden für den Vertrieb in Hamburg, der gern verkauft.\n\n- Pumpen", ADLINT_DE);
	assert_int_equal(count(r, "structure.no_title"), 1);
	assert_int_equal(count(r, "agg.title_gender"), 0);
}

/* R-AD-2: a first line without title that names the role gives the role */
static void test_structure_opening_role(void **state)
{
	(void)state;
	const struct adlint_result *r =
		lint("Zum 1. Oktober suchen wir in Bremen eine Fachkraft für Lagerlogistik (m/w/d) für unser Lager.\n\n"
		     "- Waren annehmen",
		     ADLINT_DE);
	assert_int_equal(count(r, "structure.no_title"), 1);
	assert_int_equal(count(r, "structure.opening_facts"), 0);
	r = lint("Wir suchen in Bremen eine Beraterin oder einen Berater*in für den Vertrieb.\n\n- Beraten", ADLINT_DE);
	assert_int_equal(count(r, "structure.opening_facts"), 0);
	r = lint("We are hiring an Account Manager (m/f/d) in London to grow our book.\n\n- Sell", ADLINT_EN);
	assert_int_equal(count(r, "structure.opening_facts"), 0);
	/* prose without a role still misses it */
	r = lint("Wir sind ein Hersteller von Pumpen in Bremen und wachsen seit Jahren.\n\n- Pumpen", ADLINT_DE);
	assert_non_null(strstr(find(r, "structure.opening_facts")->message, "role"));
}

/* --- agg.* ---------------------------------------------------------------------------------- */

static void test_agg_title(void **state)
{
	(void)state;
	/* R-AD-2: a title without (m/w/d) or a neutral form is an error */
	const struct adlint_result *r = lint("Key Account Manager Hamburg\n\nText.", ADLINT_DE);
	const struct adlint_finding *f = find(r, "agg.title_gender");
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_ERROR);
	assert_int_equal(f->line, 1);
	assert_int_equal(f->column, 1);
	assert_int_equal(f->end_column, 28);

	static const char *const ok[] = {
		"Key Account Manager (m/w/d)", "Key Account Manager (w/m/d) – Hamburg", "Berater (m/w/x)",
		"Berater (d/m/w)", "Berater (m|w|d)", "Berater*in im Vertrieb", "Berater:innen", "Berater_in",
		"Kolleg/-in Vertrieb", "BeraterIn", "Verkäuferin / Verkäufer", "Kauffrau/Kaufmann für Büromanagement",
		"Leitung Vertrieb Süd", "Vertriebsleitung", "Pflegefachkraft", "Werkstudierende Marketing",
		"Berater (all genders)", "Berater (alle Geschlechter)", "Berater (gn)",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, "%s\n\nText.", ok[i]);
		r = lint(text, ADLINT_DE);
		if (family(r, "agg.title") != 0)
			fail_msg("title '%s' flagged", ok[i]);
	}
	/* "(m/w)" names two genders: a warning with a one-click fix */
	const char *text = "Berater (m/w)\n\nText.";
	r = lint(text, ADLINT_DE);
	f = find_at(r, text, "agg.title_binary", "(m/w)");
	assert_non_null(f);
	assert_string_equal(f->replacement, "(m/w/d)");
	assert_int_equal(count(r, "agg.title_gender"), 0);

	/* English role nouns are neutral; gendered ones are not */
	assert_int_equal(family(lint("Key Account Manager\n\nText.", ADLINT_EN), "agg.title"), 0);
	text = "Experienced Salesman Munich\n\nText.";
	r = lint(text, ADLINT_EN);
	assert_non_null(find_at(r, text, "agg.title_gender", "Salesman"));
	text = "Account Manager (m/f)\n\nText.";
	assert_string_equal(find(lint(text, ADLINT_EN), "agg.title_binary")->replacement, "(m/f/d)");
}

/* R-AD-2: paired forms with an umlaut in the female form are inclusive */
static void test_agg_title_umlaut_pairs(void **state)
{
	(void)state;
	static const char *const ok[] = {
		"Koch / Köchin für unsere Kantine", "Arzt/Ärztin in Weiterbildung", "Anwalt/Anwältin Arbeitsrecht",
		"Köchin / Koch", "Bauer/Bäuerin",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, "%s\n\nText.", ok[i]);
		if (family(lint(text, ADLINT_DE), "agg.title") != 0)
			fail_msg("title '%s' flagged", ok[i]);
	}
	assert_int_equal(count(lint("Koch für unsere Kantine\n\nText.", ADLINT_DE), "agg.title_gender"), 1);
	assert_int_equal(count(lint("Koch / Köchler\n\nText.", ADLINT_DE), "agg.title_gender"), 1);
}

/* R-AD-2: a title whose head noun ends in -ung, -schaft or -kraft is neutral */
static void test_agg_title_neutral_head(void **state)
{
	(void)state;
	static const char *const ok[] = {
		"Sachbearbeitung Finanzbuchhaltung", "Buchhaltung in Teilzeit", "Vertriebsunterstützung",
		"Senior Sachbearbeitung Einkauf", "Hilfskraft Lager", "Geschäftsführung",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, "%s\n\nText.", ok[i]);
		if (family(lint(text, ADLINT_DE), "agg.title") != 0)
			fail_msg("title '%s' flagged", ok[i]);
	}
	/* only the head counts */
	assert_int_equal(count(lint("Verkäufer mit Erfahrung\n\nText.", ADLINT_DE), "agg.title_gender"), 1);
	assert_int_equal(count(lint("Mitarbeiter Buchhaltung\n\nText.", ADLINT_DE), "agg.title_gender"), 1);
}

static void test_agg_phrases(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\n"
			   "Wir sind ein junges, dynamisches Team und suchen Digital Natives, gern Berufseinsteiger "
			   "oder frisch von der Uni. Sie sind nicht älter als 35 und zwischen 25 und 35 Jahre alt. "
			   "Deutsch als Muttersprache, ein Muttersprachler ist ideal. Bitte mit Foto und Geburtsdatum. "
			   "Sie sind körperlich belastbar.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: severities after the AGG table */
	assert_int_equal(find_at(r, text, "agg.young_team", "junges, dynamisches Team")->severity, ADLINT_WARNING);
	assert_int_equal(find_at(r, text, "agg.digital_native", "Digital Natives")->severity, ADLINT_ERROR);
	assert_int_equal(find_at(r, text, "agg.career_starter", "Berufseinsteiger")->severity, ADLINT_WARNING);
	assert_non_null(find_at(r, text, "agg.career_starter", "frisch von der Uni"));
	assert_int_equal(find_at(r, text, "agg.age_limit", "nicht älter als")->severity, ADLINT_ERROR);
	assert_non_null(find_at(r, text, "agg.age_limit", "zwischen 25 und 35 Jahre alt"));
	const struct adlint_finding *f = find_at(r, text, "agg.native_speaker", "Deutsch als Muttersprache");
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_ERROR);
	assert_string_equal(f->replacement, "verhandlungssicheres Deutsch (C1/C2)");
	assert_non_null(strstr(f->suggestion, "verhandlungssicheres Deutsch (C1/C2)"));
	assert_non_null(find_at(r, text, "agg.native_speaker", "Muttersprachler"));
	assert_int_equal(count(r, "agg.native_speaker"), 2);   /* "Muttersprache" inside the longer match: once */
	assert_int_equal(find_at(r, text, "agg.personal_data", "Foto")->severity, ADLINT_HINT);
	assert_non_null(find_at(r, text, "agg.personal_data", "Geburtsdatum"));
	assert_non_null(find_at(r, text, "agg.physical", "körperlich belastbar"));

	/* experience ranges are not age limits; a young company is not a young team */
	text = "Vertrieb (m/w/d)\n\nSie haben zwischen 3 und 5 Jahren Berufserfahrung. Wir sind ein junges Unternehmen "
	       "mit Team in Kiel. Sie sprechen verhandlungssicheres Deutsch.";
	assert_int_equal(family(lint(text, ADLINT_DE), "agg."), 0);

	text = "Sales Manager\n\nJoin our young and dynamic team! Recent graduates and digital natives welcome. "
	       "Native English speaker, no older than 30. Please send a photo.";
	r = lint(text, ADLINT_EN);
	assert_non_null(find_at(r, text, "agg.young_team", "young and dynamic team"));
	assert_non_null(find_at(r, text, "agg.career_starter", "Recent graduates"));
	assert_non_null(find_at(r, text, "agg.digital_native", "digital natives"));
	assert_string_equal(find_at(r, text, "agg.native_speaker", "Native English speaker")->replacement,
			    "fluent English (C1/C2)");
	assert_non_null(find_at(r, text, "agg.age_limit", "no older than"));
	assert_non_null(find_at(r, text, "agg.personal_data", "photo"));
}

/* R-AD-2: curly apostrophes count as straight ones for negations, and the
 * English contractions negate */
static void test_negation_apostrophes(void **state)
{
	(void)state;
	static const char *const negated[] = {
		"Sales Manager\n\nWe don\u2019t need a photo.",
		"Sales Manager\n\nWe don't need a photo.",
		"Sales Manager\n\nOur process doesn't ask for a photo.",
		"Sales Manager\n\nOur process doesn\u2019t ask for a photo.",
		"Sales Manager\n\nWe won\u2019t ask for your date of birth.",
		"Sales Manager\n\nA photo isn't needed.",
		"Sales Manager\n\nPhotos aren\u2019t needed.",
		"Sales Manager\n\nYou needn't send a photo.",
	};
	for (size_t i = 0; i < sizeof negated / sizeof negated[0]; i++)
		if (count(lint(negated[i], ADLINT_EN), "agg.personal_data") != 0)
			fail_msg("negation missed in: %s", negated[i]);
	assert_int_equal(count(lint("Sales Manager\n\nPlease send a photo.", ADLINT_EN), "agg.personal_data"), 1);
	/* the apostrophe keeps the word whole and its position */
	const char *text = "Sales Manager\n\nWe don\u2019t need a photo but a native speaker.";
	const struct adlint_result *r = lint(text, ADLINT_EN);
	assert_int_equal(r->words, 11);
}

/* R-AD-2: "Deutsch muss nicht Ihre Muttersprache sein" is no native-speaker demand */
static void test_native_speaker_negated(void **state)
{
	(void)state;
	assert_int_equal(count(lint("Vertrieb (m/w/d)\n\nDeutsch muss nicht Ihre Muttersprache sein.", ADLINT_DE),
			       "agg.native_speaker"),
			 0);
	assert_int_equal(count(lint("Vertrieb (m/w/d)\n\nSie müssen kein Muttersprachler sein.", ADLINT_DE),
			       "agg.native_speaker"),
			 0);
	assert_int_equal(count(lint("Sales Manager\n\nYou don\u2019t need to be a native speaker.", ADLINT_EN),
			       "agg.native_speaker"),
			 0);
	assert_int_equal(count(lint("Sales Manager\n\nEnglish need not be your mother tongue.", ADLINT_EN),
			       "agg.native_speaker"),
			 0);
	assert_int_equal(count(lint("Vertrieb (m/w/d)\n\nSie sind Muttersprachler.", ADLINT_DE), "agg.native_speaker"), 1);
	assert_int_equal(count(lint("Sales Manager\n\nYou are a native speaker.", ADLINT_EN), "agg.native_speaker"), 1);
}

/* R-AD-2: German puts the negation last: "... brauchen wir nicht" */
static void test_negation_verb_final(void **state)
{
	(void)state;
	static const char *const negated[] = {
		"Vertrieb (m/w/d)\n\nEin Foto oder ein Anschreiben brauchen wir nicht.",
		"Vertrieb (m/w/d)\n\nIhr Geburtsdatum und ein Foto benötigen wir dabei ausdrücklich nicht.",
		"Vertrieb (m/w/d)\n\nEin Foto müssen Sie uns keinesfalls schicken, es genügt kein Anschreiben.",
	};
	for (size_t i = 0; i < 2; i++)
		if (count(lint(negated[i], ADLINT_DE), "agg.personal_data") != 0)
			fail_msg("negation missed in: %s", negated[i]);
	/* the clause ends at the comma */
	assert_int_equal(count(lint(negated[2], ADLINT_DE), "agg.personal_data"), 1);
	assert_int_equal(count(lint("Vertrieb (m/w/d)\n\nBitte senden Sie ein Foto, Absagen gibt es nicht.", ADLINT_DE),
			       "agg.personal_data"),
			 1);
	/* English keeps the short window and the clause */
	assert_int_equal(count(lint("Sales Manager\n\nNative English speaker, no older than 30.", ADLINT_EN),
			       "agg.native_speaker"),
			 1);
}

/* R-AD-2: more ways to call the team young */
static void test_young_team_forms(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\nUnser Team ist jung und motiviert.";
	assert_non_null(find_at(lint(text, ADLINT_DE), text, "agg.young_team", "Team ist jung"));
	text = "Vertrieb (m/w/d)\n\nSie erwartet ein junges, hochmotiviertes und dynamisches Team.";
	assert_non_null(
		find_at(lint(text, ADLINT_DE), text, "agg.young_team", "junges, hochmotiviertes und dynamisches Team"));
	text = "Sales Manager\n\nOur team is young and fun.";
	assert_non_null(find_at(lint(text, ADLINT_EN), text, "agg.young_team", "team is young"));
	text = "Sales Manager\n\nOur team is very young.";
	assert_non_null(find_at(lint(text, ADLINT_EN), text, "agg.young_team", "team is very young"));
	/* a young company is still not a young team */
	assert_int_equal(count(lint("Vertrieb (m/w/d)\n\nWir sind ein junges Unternehmen mit Team.", ADLINT_DE),
			       "agg.young_team"),
			 0);
}

/* R-AD-2: a welcome to every nationality is no request for it */
static void test_nationality_welcome(void **state)
{
	(void)state;
	static const char *const welcome[] = {
		"Sales Manager\n\nWe welcome applicants of every nationality and background.",
		"Sales Manager\n\nWe hire regardless of nationality.",
		"Sales Manager\n\nPeople of all nationalities work here.",
	};
	for (size_t i = 0; i < sizeof welcome / sizeof welcome[0]; i++)
		if (count(lint(welcome[i], ADLINT_EN), "agg.personal_data") != 0)
			fail_msg("welcome flagged: %s", welcome[i]);
	static const char *const willkommen[] = {
		"Vertrieb (m/w/d)\n\nWir freuen uns über Bewerbungen jeder Staatsangehörigkeit.",
		"Vertrieb (m/w/d)\n\nWir stellen unabhängig von der Staatsangehörigkeit ein.",
	};
	for (size_t i = 0; i < sizeof willkommen / sizeof willkommen[0]; i++)
		if (count(lint(willkommen[i], ADLINT_DE), "agg.personal_data") != 0)
			fail_msg("welcome flagged: %s", willkommen[i]);
	/* requests and requirements stay */
	const char *text = "Sales Manager\n\nPlease state your nationality.";
	assert_non_null(find_at(lint(text, ADLINT_EN), text, "agg.personal_data", "nationality"));
	text = "Vertrieb (m/w/d)\n\nBitte mit Angabe der Staatsangehörigkeit.";
	assert_non_null(find_at(lint(text, ADLINT_DE), text, "agg.personal_data", "Staatsangehörigkeit"));
	text = "Vertrieb (m/w/d)\n\n- Deutsche Staatsangehörigkeit";
	assert_non_null(find_at(lint(text, ADLINT_DE), text, "agg.personal_data", "Staatsangehörigkeit"));
	text = "Vertrieb (m/w/d)\n\nWelche Staatsangehörigkeit haben Sie?";
	assert_non_null(find_at(lint(text, ADLINT_DE), text, "agg.personal_data", "Staatsangehörigkeit"));
}

/* --- pay.* ---------------------------------------------------------------------------------- */

static void test_pay(void **state)
{
	(void)state;
	/* R-AD-2: no salary range is a warning at the title */
	const struct adlint_result *r = lint("Vertrieb (m/w/d)\n\nWir zahlen gut.", ADLINT_DE);
	const struct adlint_finding *f = find(r, "pay.no_range");
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_WARNING);
	assert_int_equal(f->line, 1);

	static const char *const with_salary[] = {
		"Vertrieb (m/w/d)\n\nGehalt: 65.000–80.000 € brutto im Jahr.",
		"Vertrieb (m/w/d)\n\nDas Jahresgehalt liegt zwischen 65.000 und 80.000 Euro.",
		"Vertrieb (m/w/d)\n\n- Vergütung: 70–85 Tsd. EUR plus Bonus",
		"Vertrieb (m/w/d)\n\nZielgehalt 90k €.",
		"Vertrieb (m/w/d)\n\nBruttojahresgehalt 72.000.",
	};
	for (size_t i = 0; i < sizeof with_salary / sizeof with_salary[0]; i++)
		if (count(lint(with_salary[i], ADLINT_DE), "pay.no_range") != 0)
			fail_msg("salary not found in: %s", with_salary[i]);
	/* a revenue in millions is not a salary */
	r = lint("Key Account Manager (m/w/d)\n\nSie verantworten 12 Mio. € Umsatz, Gehalt nach Vereinbarung.", ADLINT_DE);
	assert_int_equal(count(r, "pay.no_range"), 1);
	/* the position stores a range */
	struct adlint_context ctx = { .has_salary_range = true };
	assert_int_equal(count(lint_ctx("Vertrieb (m/w/d)\n\nWir zahlen gut.", ADLINT_DE, &ctx), "pay.no_range"), 0);

	assert_int_equal(count(lint("Sales Manager\n\nSalary: €65,000–80,000 per year.", ADLINT_EN), "pay.no_range"), 0);
	assert_int_equal(count(lint("Sales Manager\n\nThe base pay is $90k plus OTE.", ADLINT_EN), "pay.no_range"), 0);
	assert_int_equal(count(lint("Sales Manager\n\nWe pay well.", ADLINT_EN), "pay.no_range"), 1);
}

/* R-AD-2: salary ranges are salaries, alone on a line too; a revenue word
 * does not cancel a range with a currency and a period */
static void test_pay_ranges(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum adlint_lang lang;
	} with_salary[] = {
		{ "Vertrieb (m/w/d)\n\n85.000–105.000 €\n\nWir freuen uns.", ADLINT_DE },
		{ "Sales Manager\n\n€72k–90k\n\nApply now.", ADLINT_EN },
		{ "Mechatroniker (m/w/d)\n\nSie verdienen 3.300–3.900 € im Monat.", ADLINT_DE },
		{ "Mechanic\n\nYou earn €3,800–4,400 per month.", ADLINT_EN },
		{ "Vertrieb (m/w/d)\n\nSie erhalten 68.000–82.000 € im Jahr plus Umsatzprovision.", ADLINT_DE },
		{ "Vertrieb (m/w/d)\n\n- 70–80 TEUR p. a.", ADLINT_DE },
		{ "Sales Manager\n\n- £45k–55k + bonus", ADLINT_EN },
		{ "Sales Manager\n\nWe offer €60–70k.", ADLINT_EN },
		{ "Vertrieb (m/w/d)\n\nWir bieten 60.000 bis 70.000 Euro.", ADLINT_DE },
		{ "Koch (m/w/d)\n\nWir zahlen ab 18,50 € pro Stunde.", ADLINT_DE },
		{ "Cook\n\nWe pay from $18.50 per hour.", ADLINT_EN },
	};
	for (size_t i = 0; i < sizeof with_salary / sizeof with_salary[0]; i++)
		if (count(lint(with_salary[i].text, with_salary[i].lang), "pay.no_range") != 0)
			fail_msg("salary range not found in: %s", with_salary[i].text);
	static const struct {
		const char *text;
		enum adlint_lang lang;
	} without[] = {
		{ "Vertrieb (m/w/d)\n\nSie verantworten 2–3 Mio. € Umsatz.", ADLINT_DE },
		{ "Vertrieb (m/w/d)\n\nIhr Umsatzvolumen liegt bei 500.000–800.000 €.", ADLINT_DE },
		{ "Sales Manager\n\nYou own a revenue of €500k–800k.", ADLINT_EN },
		{ "Vertrieb (m/w/d)\n\nSie haben 3–5 Jahre Erfahrung.", ADLINT_DE },
		{ "Vertrieb (m/w/d)\n\nSie betreuen 20–30 Kunden.", ADLINT_DE },
	};
	for (size_t i = 0; i < sizeof without / sizeof without[0]; i++)
		if (count(lint(without[i].text, without[i].lang), "pay.no_range") != 1)
			fail_msg("salary wrongly found in: %s", without[i].text);
}

/* --- gender.* ------------------------------------------------------------------------------- */

static void test_gender_balance(void **state)
{
	(void)state;
	const char *text = "Vertrieb (m/w/d)\n\nSie sind durchsetzungsstark, zielstrebig, ehrgeizig und analytisch. "
			   "Sie führen Verhandlungen selbstbewusst und arbeiten im Team.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	const struct adlint_finding *f = find(r, "gender.balance");
	/* R-AD-2: 6 agentic against 1 communal: strongly coded, a warning naming the words */
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_WARNING);
	assert_int_equal(f->line, 3);
	assert_int_equal(f->column, 10);   /* the first agentic word */
	assert_string_equal(f->message, "Strongly masculine-coded: 6 agentic against 1 communal words (agentic: "
					"durchsetzungsstark, zielstrebig, ehrgeizig, analytisch, führen, selbstbewusst; "
					"communal: Team).");

	/* mildly coded: a hint */
	text = "Vertrieb (m/w/d)\n\nSie arbeiten zielstrebig und selbstständig und unterstützen Kollegen.";
	f = find(lint(text, ADLINT_DE), "gender.balance");
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_HINT);

	/* balanced or communal: nothing */
	text = "Vertrieb (m/w/d)\n\nSie arbeiten zielstrebig im Team und unterstützen Kollegen.";
	assert_int_equal(count(lint(text, ADLINT_DE), "gender.balance"), 0);

	/* R-AD-2: compounds are not coded: Teamleiter, Führerschein, Leitfaden, Kraftfahrzeug */
	text = "Vertrieb (m/w/d)\n\nSie berichten an den Teamleiter, haben einen Führerschein, arbeiten nach einem "
	       "Leitfaden und fahren ein Kraftfahrzeug.";
	r = lint(text, ADLINT_DE);
	assert_int_equal(count(r, "gender.balance"), 0);
	text = "Vertrieb (m/w/d)\n\nSie berichten an den Teamleiter, haben einen Führerschein, arbeiten nach einem "
	       "Leitfaden, fahren ein Kraftfahrzeug und sind durchsetzungsstark.";
	f = find(lint(text, ADLINT_DE), "gender.balance");
	assert_non_null(f);
	assert_non_null(strstr(f->message, "1 agentic against 0 communal words (agentic: durchsetzungsstark; communal: –)"));
	/* inflections count: Stärken and stark share a stem */
	text = "Vertrieb (m/w/d)\n\nIhre Stärken: stark im Abschluss, starke Nerven.";
	assert_non_null(strstr(find(lint(text, ADLINT_DE), "gender.balance")->message, "3 agentic"));

	text = "Sales Lead\n\nYou are driven, competitive, assertive and a confident leader who decides fast.";
	f = find(lint(text, ADLINT_EN), "gender.balance");
	assert_non_null(f);
	assert_int_equal(f->severity, ADLINT_WARNING);
	text = "Sales Lead\n\nYou lead the team and support your colleagues with a collaborative, warm approach.";
	assert_int_equal(count(lint(text, ADLINT_EN), "gender.balance"), 0);
}

/* --- score, summary, language --------------------------------------------------------------- */

/* R-AD-2: "leads" as sales leads and "team lead" as a role are not agentic */
static void test_gender_leads_noun(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"SDR\n\nYou handle 25 leads a week.",
		"SDR\n\nYou follow up on 25 inbound leads a week.",
		"SDR\n\nYou qualify inbound leads and follow up on leads within a day.",
		"Engineer\n\nYou report to our team lead.",
		"Engineer\n\nOur tech lead reviews your code.",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (count(lint(texts[i], ADLINT_EN), "gender.balance") != 0)
			fail_msg("'leads' counted as agentic in: %s", texts[i]);
	const struct adlint_result *r = lint("Engineer\n\nYou lead the team.", ADLINT_EN);
	assert_int_equal(count(r, "gender.balance"), 1);
}

static void test_score_bounds(void **state)
{
	(void)state;
	/* R-AD-2: a poor ad loses points, clamped at 0 */
	static char bad[8192];
	strcpy(bad, "Verkäufer\n\n");
	for (int i = 0; i < 40; i++)
		strcat(bad, "Digital Native, junges Team, Muttersprachler, nicht älter als 30, dynamisches Umfeld. ");
	const struct adlint_result *r = lint(bad, ADLINT_DE);
	assert_int_equal(r->score, 0);
	assert_true(r->nfindings > 100);

	/* penalties are capped per rule id: twenty clichés cost at most 3 warnings */
	static char many[4096];
	strcpy(many, "Vertrieb (m/w/d)\n\n");
	for (int i = 0; i < 20; i++)
		strcat(many, "- Obstkorb\n");
	r = lint(many, ADLINT_DE);
	assert_int_equal(count(r, "cliche.perk"), 20);
	int perk_cost = 3 * 2;
	int others = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule, "cliche.perk") != 0)
			others += r->findings[i].severity == ADLINT_ERROR ? 15 : r->findings[i].severity == ADLINT_WARNING ? 6 : 2;
	assert_int_equal(r->score, 100 - perk_cost - others);
	assert_true(r->score >= 0 && r->score <= 100);
}

static void test_summary_and_message_language(void **state)
{
	(void)state;
	const char *text = "Verkäufer\n\nWir bieten ein dynamisches Umfeld.";
	const struct adlint_result *r = lint(text, ADLINT_DE);
	/* R-AD-2: the summary names the score, counts and the costliest families */
	assert_string_equal(r->summary,
			    "59/100: 1 error, 4 warnings, 1 hint; mainly AGG risks, structure and no salary range.");
	/* messages in German on request, and by default in the ad's language */
	struct adlint_context ctx = { .message_lang = "de" };
	r = lint_ctx(text, ADLINT_DE, &ctx);
	assert_string_equal(r->summary, "59/100: 1 Fehler, 4 Warnungen, 1 Hinweis; vor allem AGG-Risiken, Struktur und "
					"fehlende Gehaltsspanne.");
	assert_string_equal(find(r, "cliche.phrase")->message,
			    "„dynamisches Umfeld“ ist eine Floskel: Sie sagt nichts Konkretes über die Stelle.");
	r = lint_ctx(text, ADLINT_DE, NULL);
	assert_string_equal(find(r, "pay.no_range")->message, "Die Anzeige nennt keine Gehaltsspanne.");
	ctx.message_lang = NULL;
	r = lint_ctx("Sales Manager\n\nWe pay well.", ADLINT_EN, &ctx);
	assert_string_equal(find(r, "pay.no_range")->message, "The ad gives no salary range.");
}

static void test_detect_lang(void **state)
{
	(void)state;
	const char *de = "Wir suchen für unser Team in Hamburg eine Person, die mit uns die Kunden betreut.";
	const char *en = "We are looking for a person who will work with our customers in Hamburg.";
	/* R-AD-2 */
	assert_int_equal(adlint_detect_lang(de, strlen(de)), ADLINT_DE);
	assert_int_equal(adlint_detect_lang(en, strlen(en)), ADLINT_EN);
	assert_int_equal(adlint_detect_lang("", 0), ADLINT_DE);
	assert_int_equal(adlint_detect_lang("Key Account Manager", 19), ADLINT_DE);
	const char *mixed = "Key Account Manager (m/w/d)\nYou will own the relationship with our key accounts and "
			    "grow them with the team.";
	assert_int_equal(adlint_detect_lang(mixed, strlen(mixed)), ADLINT_EN);
	assert_string_equal(adlint_lang_code(ADLINT_EN), "en");
	assert_string_equal(adlint_severity_code(ADLINT_HINT), "hint");
}

/* --- robustness ---------------------------------------------------------------------------- */

/* Line and column of byte offset off, counted here independently. */
static void position_of(const char *text, size_t off, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80 && !(text[i] == '\r' && text[i + 1] == '\n')) {
			(*column)++;
		}
	}
}

static void test_random_texts(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		" ", " ", " ", "\n", "\n\n", "\r\n", ".", ". ", "z. B. ", "ca.", "3. ", "1.500", "€", "65.000–80.000 € brutto",
		"(", ")", "(m/w)", "(m/w/d)", "()", "- ", "• ", "* ", "Ä", "ß", "Umfeld", "dynamisches", "Berater*in",
		"Key Account", "Kunden", "Mio.", "junges", "Team", "Teamleiter", "führen", "?", "!", "„", "“", ":", "in",
		"Digital", "Native", "Muttersprache", "Deutsch als", "zwischen 25 und 35 Jahre alt", "\t", "é", "😀",
		"Gehalt", "Region", "Betreuung von", "Schlüsselkunden", "–", "'", "we're", "the", "native speaker", "…",
	};
	static char text[4096];
	uint32_t seed = 12345;
	/* R-AD-2: any text gives findings with consistent spans and positions */
	for (int round = 0; round < 400; round++) {
		size_t len = 0;
		int n = (int)(seed % 120);
		text[0] = '\0';
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])];
			size_t pl = strlen(p);
			if (len + pl + 1 >= sizeof text)
				break;
			memcpy(text + len, p, pl + 1);
			len += pl;
		}
		enum adlint_lang lang = round % 2 ? ADLINT_EN : ADLINT_DE;
		const struct adlint_result *r = lint(text, lang);
		assert_true(r->score >= 0 && r->score <= 100);
		for (size_t i = 0; i < r->nfindings; i++) {
			const struct adlint_finding *f = &r->findings[i];
			int line, column;
			assert_true(f->byte_start <= f->byte_end && f->byte_end <= len);
			position_of(text, f->byte_start, &line, &column);
			assert_int_equal(f->line, line);
			assert_int_equal(f->column, column);
			position_of(text, f->byte_end, &line, &column);
			assert_int_equal(f->end_line, line);
			assert_int_equal(f->end_column, column);
			assert_true(f->rule[0] && f->message[0]);
			if (i > 0)
				assert_true(r->findings[i - 1].byte_start <= f->byte_start);
		}
		seed = seed * 1103515245u + 12345u;
	}
}

/* Words whose stem no pattern wants are not stemmed (a speed-up): check on
 * every word of the corpus that none of them is one a pattern asks for. */
static void test_stem_prefilter(void **state)
{
	glob_t g;
	(void)state;
	assert_int_equal(glob("tests/data/ads/*.txt", 0, NULL, &g), 0);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		FILE *f = fopen(g.gl_pathv[i], "rb");
		static char text[65536];
		size_t len = fread(text, 1, sizeof text, f);
		fclose(f);
		enum adlint_lang lang = adlint_detect_lang(text, len);
		struct adl_doc doc = { .rules = rules, .lang = lang, .text = text, .len = len };
		struct sb_stemmer *st = adl_stemmer_new(lang);
		adl_doc_analyse(&doc);
		for (size_t t = 0; t < doc.ntypes; t++) {
			struct buf stem = BUF_INIT;
			adl_stem(st, doc.pool.data + doc.types[t].fold, doc.types[t].fold_len, &stem);
			for (size_t p = 0; p < rules->npatterns; p++) {
				const struct adl_pattern *pat = &rules->patterns[p];
				for (uint32_t k = 0; pat->lang == lang && k < pat->nitems; k++) {
					const struct adl_item *it = &rules->items[pat->first_item + k];
					if (it->kind == ITEM_STEM && it->len == stem.len &&
					    memcmp(rules->pool.data + it->off, stem.data, stem.len) == 0 &&
					    doc.types[t].stem_len != stem.len)
						fail_msg("%s: '%s' was not stemmed", g.gl_pathv[i], doc.pool.data + doc.types[t].fold);
				}
			}
			buf_free(&stem);
		}
		sb_stemmer_delete(st);
		adl_doc_free(&doc);
	}
	globfree(&g);
}

/* --- rule data ----------------------------------------------------------------------------- */

static void test_rules_data_addition(void **state)
{
	(void)state;
	/* R-AD-2: adding a cliché is one data line */
	const char extra[] = "@lang de\n@rule cliche.phrase warning\n@message.de „{match}“\n@message.en \"{match}\"\n"
			     "Obstschale\tX\tY\n";
	const char *f2[64];
	size_t l2[64];
	char err[256];
	memcpy(f2, files, nfiles * sizeof *f2);
	memcpy(l2, lens, nfiles * sizeof *l2);
	f2[nfiles] = extra;
	l2[nfiles] = strlen(extra);
	struct adlint_rules *r2 = adlint_rules_load(f2, l2, nfiles + 1, err, sizeof err);
	assert_non_null(r2);
	struct adlint_result out;
	struct adlint_context ctx = { .message_lang = "en" };
	const char *text = "Vertrieb (m/w/d)\n\nEs gibt eine Obstschale.";
	assert_true(adlint_check(r2, text, strlen(text), ADLINT_DE, &ctx, &out, err, sizeof err));
	bool found = false;
	for (size_t i = 0; i < out.nfindings; i++)
		if (strcmp(out.findings[i].rule, "cliche.phrase") == 0) {
			found = true;
			assert_string_equal(out.findings[i].message, "\"Obstschale\"");
			assert_string_equal(out.findings[i].suggestion, "Y");
		}
	assert_true(found);
	adlint_result_free(&out);
	adlint_rules_free(r2);
}

static void expect_load_error(const char *extra, const char *want)
{
	const char *f2[64];
	size_t l2[64];
	char err[256] = "";
	memcpy(f2, files, nfiles * sizeof *f2);
	memcpy(l2, lens, nfiles * sizeof *l2);
	f2[nfiles] = extra;
	l2[nfiles] = strlen(extra);
	struct adlint_rules *r2 = adlint_rules_load(f2, l2, nfiles + 1, err, sizeof err);
	if (r2 || !strstr(err, want))
		fail_msg("for %s: expected an error with '%s', got '%s'", extra, want, err);
}

static void test_rules_errors(void **state)
{
	(void)state;
	char err[256];
	char want[64];
	/* R-AD-2: mistakes in the data are reported with file and line */
	snprintf(want, sizeof want, "file %zu, line 2: unknown directive '@mesage.de'", nfiles + 1);
	expect_load_error("@rule cliche.x warning\n@mesage.de x\n", want);
	expect_load_error("@rule cliche.x fatal\n", "needs an id and a severity");
	expect_load_error("@rule cliche warning\n", "family.name");
	expect_load_error("@list regions\n", "unknown list 'regions'");
	expect_load_error("Obstkorb\n", "a pattern outside");
	expect_load_error("@lang fr\n", "@lang takes de, en or *");
	expect_load_error("@rule cliche.phrase hint\n@message.en x\n", "two severities");
	expect_load_error("@rule cliche.x hint\nfoo\n", "'cliche.x' has no message");
	expect_load_error("@lang de\n@rule cliche.x hint\n@message.en x\n... foo\n", "must not start or end");
	expect_load_error("@lang de\n@rule cliche.x hint\n@message.en x\nfo*o\n", "cannot read the pattern item 'fo*o'");
	expect_load_error("@lang de\n@rule cliche.x hint\n@message.en x\na\tb\tc\td\te\n", "more than four");
	expect_load_error("@param max_words many\n", "needs a number");
	expect_load_error("@param max_wordz 3\n", "unknown parameter");
	expect_load_error("@unless salary_range\n", "belongs in a @rule");
	/* the code's own rules must be defined */
	const char *only = "@lang de\n@list kam\nKAM\n";
	size_t olen = strlen(only);
	assert_null(adlint_rules_load(&only, &olen, 1, err, sizeof err));
	assert_non_null(strstr(err, "the rule 'agg.title_gender' is not defined"));
	/* no files at all */
	assert_null(adlint_rules_load(NULL, NULL, 0, NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences_abbreviations_de),
		cmocka_unit_test(test_sentences_abbreviations_en),
		cmocka_unit_test(test_sentences_single_letter),
		cmocka_unit_test(test_sentences_lines),
		cmocka_unit_test(test_tokens_words),
		cmocka_unit_test(test_syllables),
		cmocka_unit_test(test_readability_formulas),
		cmocka_unit_test(test_readability_findings),
		cmocka_unit_test(test_positions_in_characters),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_empty_text),
		cmocka_unit_test(test_cliches),
		cmocka_unit_test(test_vague_kam),
		cmocka_unit_test(test_vague_task),
		cmocka_unit_test(test_promises),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_structure_opening_role),
		cmocka_unit_test(test_agg_title),
		cmocka_unit_test(test_agg_title_umlaut_pairs),
		cmocka_unit_test(test_agg_title_neutral_head),
		cmocka_unit_test(test_agg_phrases),
		cmocka_unit_test(test_negation_apostrophes),
		cmocka_unit_test(test_native_speaker_negated),
		cmocka_unit_test(test_negation_verb_final),
		cmocka_unit_test(test_young_team_forms),
		cmocka_unit_test(test_nationality_welcome),
		cmocka_unit_test(test_pay),
		cmocka_unit_test(test_pay_ranges),
		cmocka_unit_test(test_gender_balance),
		cmocka_unit_test(test_gender_leads_noun),
		cmocka_unit_test(test_score_bounds),
		cmocka_unit_test(test_summary_and_message_language),
		cmocka_unit_test(test_detect_lang),
		cmocka_unit_test(test_random_texts),
		cmocka_unit_test(test_stem_prefilter),
		cmocka_unit_test(test_rules_data_addition),
		cmocka_unit_test(test_rules_errors),
	};
	int failed = cmocka_run_group_tests(tests, load_rules, free_rules);
	adlint_result_free(&res);
	return failed;
}
