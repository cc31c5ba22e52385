/*
 * adlint.h — the job-ad linter (R-AD-2): a pure library that checks the text
 * of a job ad for clichés, vague tasks, unbacked promises, structure, AGG
 * risks, pay transparency, gender-coded wording and readability, and gives
 * the ad a score from 0 to 100 with a one-sentence summary.
 *
 * The rules are data: the contents of data/adlint/NAME.txt are compiled once
 * with adlint_rules_load() (format: data/adlint/README.md) and the compiled
 * rules are read-only afterwards, so one set can serve many threads. No I/O,
 * no clock, no global state; each adlint_check() call allocates its own
 * working memory and frees it before returning.
 *
 * Rule ids are a stable interface (CLI, API, editor, tests). Families:
 *   cliche.*       empty phrases, hero words, hollow perks (data)
 *   vague.*        tasks without quantities; in a key-account ad the number
 *                  of accounts, the revenue volume and the region
 *                  (vague.kam_accounts, vague.kam_revenue, vague.kam_region,
 *                  vague.task)
 *   promise.*      unbacked promises unless the context confirms them
 *   structure.*    no_title, long_paragraph, no_bullets, opening_facts,
 *                  too_long, too_short
 *   agg.*          title_gender, title_binary, digital_native, young_team,
 *                  career_starter, age_limit, native_speaker,
 *                  personal_data, physical (AGG risks)
 *   pay.no_range   no salary figure or range in the ad nor in the context
 *   gender.balance agentic-coded wording outweighs communal (Matfield)
 *   readability.*  score (Amstad DE, Flesch EN below 50), long_sentence
 *
 * Positions: byte_start/byte_end are a half-open byte range of the text;
 * line/column is its first character and end_line/end_column the position
 * just past its last character, all 1-based, columns counted in characters
 * (code points). Findings about the whole ad (structure.*, pay.*,
 * vague.kam_*, readability.score) point at the title line.
 */
#ifndef STELLWERK_CORE_ADLINT_H
#define STELLWERK_CORE_ADLINT_H

#include <stdbool.h>
#include <stddef.h>

enum adlint_lang { ADLINT_DE, ADLINT_EN };
enum adlint_severity { ADLINT_ERROR, ADLINT_WARNING, ADLINT_HINT };

struct adlint_finding {
	char rule[48];                    /* stable id, e.g. "cliche.phrase" */
	enum adlint_severity severity;
	size_t byte_start, byte_end;      /* half-open range in the text */
	int line, column, end_line, end_column;   /* see the header comment */
	char message[400];                /* in the message language, see adlint_context */
	char suggestion[300];             /* "" when the rule has none */
	char replacement[200];            /* "" unless a one-click fix exists */
};

/*
 * What the position confirms, so that promise.* and pay.* can be judged,
 * and in which language the messages should be written. Zero-initialise
 * and set what applies; a NULL context means "nothing confirmed".
 */
struct adlint_context {
	bool confirms_above_average_pay;  /* suppresses promise.pay */
	bool confirms_career_paths;       /* suppresses promise.career */
	bool has_salary_range;            /* the position stores a range: no pay.no_range */
	/* Not called: messages and the summary come in German and English from
	 * the rule data, so they need no catalog. Kept for source compatibility. */
	const char *(*translate)(const char *msgid);
	/* "de" or "en": language of messages, suggestions and the summary (the
	 * user's interface language). NULL = the language of the ad. */
	const char *message_lang;
};

struct adlint_result {
	enum adlint_lang lang;            /* the language the ad was checked in */
	int score;                        /* 0..100, 100 = nothing found */
	char summary[400];                /* one sentence naming the biggest problems */
	double readability;               /* Amstad (DE) or Flesch Reading Ease (EN) */
	int words, sentences;
	struct adlint_finding *findings;  /* ordered by position; freed by adlint_result_free */
	size_t nfindings;
};

struct adlint_rules;                  /* compiled rule data, read-only once loaded */

/* Compiles the rule data: files[i] is the content (lens[i] bytes, need not be
 * NUL-terminated) of one data/adlint/NAME.txt file. On a syntax error or a rule
 * the code needs but the data lacks, writes the reason (naming file index
 * and line) to err and returns NULL. The caller frees with adlint_rules_free. */
struct adlint_rules *adlint_rules_load(const char *const *files, const size_t *lens, size_t nfiles, char *err,
				       size_t errlen);
void adlint_rules_free(struct adlint_rules *r);

/* Guesses German or English from function words; German when undecided. */
enum adlint_lang adlint_detect_lang(const char *text, size_t len);

/*
 * Checks text (len bytes of UTF-8, need not be NUL-terminated) as an ad in
 * lang. Returns false and writes a message to err (naming line and column)
 * when the text is not valid UTF-8 or contains a NUL byte; *out is then
 * empty. A blank text gives no findings, score 0 and a summary saying so.
 * On success the caller frees *out with adlint_result_free.
 */
bool adlint_check(const struct adlint_rules *rules, const char *text, size_t len, enum adlint_lang lang,
		  const struct adlint_context *ctx, struct adlint_result *out, char *err, size_t errlen);
void adlint_result_free(struct adlint_result *r);

const char *adlint_severity_code(enum adlint_severity s);   /* "error", "warning", "hint" */
const char *adlint_lang_code(enum adlint_lang lang);        /* "de", "en" */

#endif
