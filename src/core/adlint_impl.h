/*
 * adlint_impl.h — what the parts of the ad linter share and nobody else
 * should see: the compiled rule data (adlint_rules.c), the analysed text
 * with its tokens, word types, lines and sentences (adlint_text.c), the
 * pattern matches and the findings under construction (adlint_checks.c),
 * and the small string map they all use.
 *
 * Offsets are 32-bit: adlint_check refuses texts of 4 GiB and more, far
 * above any ad. Strings of the rules and of a document live in one growing
 * pool each and are referred to by offset, so the pools may move.
 */
#ifndef STELLWERK_CORE_ADLINT_IMPL_H
#define STELLWERK_CORE_ADLINT_IMPL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/adlint.h"
#include "util/buf.h"

struct sb_stemmer;

#define ADL_NONE UINT32_MAX          /* "no string" in an offset field */
#define ADL_LANGS 2                  /* indexed by enum adlint_lang */
#define ADL_GAP_MAX 6                /* words a "..." may skip */

/* --- string map: open addressing, keys in a caller's pool ------------------ */

struct adl_slot {
	uint64_t hash;               /* 0 = empty */
	uint32_t off, len;           /* the key in the pool */
	int32_t value;
};

struct adl_map {
	struct adl_slot *slots;
	size_t cap, count;           /* cap is a power of two or 0 */
};

uint64_t adl_hash(const char *s, size_t n);
/* Value stored under key (hash = adl_hash(key)), or -1. */
int32_t adl_map_get(const struct adl_map *m, const char *pool, const char *key, size_t n, uint64_t hash);
/* Stores value under the key at pool+off (replacing an existing value). */
void adl_map_put(struct adl_map *m, const char *pool, uint32_t off, uint32_t len, uint64_t hash, int32_t value);
/* Sizes an empty map for n keys without growing. */
void adl_map_reserve(struct adl_map *m, size_t n);
void adl_map_free(struct adl_map *m);

/* --- compiled rules ----------------------------------------------------------- */

enum adl_item_kind {
	ITEM_STEM,      /* word: same Snowball stem */
	ITEM_PREFIX,    /* word*: lower-case form starts with */
	ITEM_SUFFIX,    /* *word: ends with */
	ITEM_INFIX,     /* *word*: contains */
	ITEM_EXACT,     /* =Word: exactly this spelling */
	ITEM_NUMBER,    /* #: a number written in digits */
	ITEM_ANY,       /* ?: any one word */
	ITEM_GAP,       /* ...: up to ADL_GAP_MAX words */
};

struct adl_item {
	uint8_t kind;
	uint32_t off, len;           /* its string in the rules pool */
};

struct adl_pattern {
	uint32_t first_item, nitems;
	int32_t block;               /* index into rules->blocks */
	uint8_t lang;                /* enum adlint_lang: the index it is in */
	uint32_t suggestion[ADL_LANGS];   /* per-line overrides, ADL_NONE = block's */
	uint32_t replacement;
};

enum adl_block_kind { BLOCK_RULE, BLOCK_LIST, BLOCK_TEXT };

/* Conditions a @rule block may carry with @unless. */
enum adl_condition {
	COND_ABOVE_AVERAGE_PAY = 1 << 0,  /* ctx->confirms_above_average_pay */
	COND_CAREER_PATHS = 1 << 1,       /* ctx->confirms_career_paths */
	COND_SALARY_RANGE = 1 << 2,       /* ctx->has_salary_range or a salary in the text */
	COND_NUMBER_IN_SENTENCE = 1 << 3, /* a number (digits or a number word) in the sentence */
	COND_NUMBER_ON_LINE = 1 << 4,     /* ... on the same line */
	COND_NEGATED = 1 << 5,            /* a negation word shortly before or after */
	COND_WELCOMING = 1 << 6,          /* a welcoming word shortly before: "applicants of every nationality" */
};
#define COND_LAST COND_WELCOMING

/* The word lists the code consults; their names are the @list names. */
enum adl_list {
	LIST_ABBREVIATIONS,   /* not patterns: "z. B." style, compiled into a set */
	LIST_NUMBER_WORDS,
	LIST_KAM,
	LIST_ACCOUNT,
	LIST_CURRENCY,
	LIST_MILLION,
	LIST_REVENUE,
	LIST_SALARY,
	LIST_SALARY_PERIOD,
	LIST_SALARY_HOUR,
	LIST_NEGATION,
	LIST_WELCOMING,
	LIST_REGION,
	LIST_LOCATION,
	LIST_NEUTRAL_TITLE,
	LIST_NEUTRAL_HEAD,
	LIST_GENDERED_TITLE,
	LIST_AGENTIC,
	LIST_COMMUNAL,
	LIST_GENDER_EXCEPTION,
	LIST__COUNT
};

struct adl_block {
	uint8_t kind;                /* enum adl_block_kind */
	int8_t lang;                 /* enum adlint_lang, or -1 for every language */
	char id[48];                 /* rule id, list name or text id */
	enum adlint_severity severity;
	uint32_t conditions;         /* enum adl_condition bits */
	int list;                    /* enum adl_list for BLOCK_LIST */
	uint32_t message[ADL_LANGS]; /* offsets, ADL_NONE when not given */
	uint32_t suggestion[ADL_LANGS];
	uint32_t replacement;
};

/* Numeric settings, overridable with @param. */
enum adl_param {
	PARAM_PARAGRAPH_MAX_LINES,
	PARAM_PARAGRAPH_MAX_CHARS,
	PARAM_OPENING_CHARS,
	PARAM_MAX_WORDS,
	PARAM_MIN_WORDS,
	PARAM_LONG_SENTENCE_WORDS,
	PARAM_READABILITY_MIN,
	PARAM_READABILITY_MIN_WORDS,
	PARAM_NEAR_WORDS,
	PARAM_NEGATION_BEFORE,
	PARAM_NEGATION_AFTER,
	PARAM_GENDER_STRONG,
	PARAM_WEIGHT_ERROR,
	PARAM_WEIGHT_WARNING,
	PARAM_WEIGHT_HINT,
	PARAM_CAP_FACTOR,
	PARAM__COUNT
};

/* Per-language index from a word's properties to the patterns that may
 * start there. Keys are "S<stem>", "E<exact>", "P<first two bytes>",
 * "X<last two bytes>"; values head a chain in postings. */
struct adl_index {
	struct adl_map map;
	int32_t *postings;           /* pairs: pattern, next (-1 ends) */
	size_t npostings, cappostings;
	int32_t *scan;               /* patterns tried against every word type */
	size_t nscan, capscan;
	int32_t *numeric;            /* patterns starting with # */
	size_t nnumeric, capnumeric;
	struct adl_map abbreviations;   /* "z.b." etc. */
	/* The beginnings (ADL_STEM_KEY bytes, all of a shorter stem) of every
	 * stem a pattern item asks for: a word whose beginning is not here
	 * cannot match one, so it need not be stemmed. The German stemmer only
	 * cuts endings (after folding ä ö ü ß), so a stem is a prefix of its
	 * word; the English one may also change the end ("happy" → happi), but
	 * keeps the first three letters. */
	struct adl_map stem_starts;
};

struct adlint_rules {
	struct buf pool;
	struct adl_block *blocks;
	size_t nblocks, capblocks;
	struct adl_pattern *patterns;
	size_t npatterns, cappatterns;
	struct adl_item *items;
	size_t nitems, capitems;
	struct adl_index index[ADL_LANGS];
	struct adl_map block_ids[ADL_LANGS];   /* rule/text id -> adl_rules_block's block */
	double params[PARAM__COUNT];
};

/* The first block with this id (a rule or text) usable for lang, or NULL. */
const struct adl_block *adl_rules_block(const struct adlint_rules *r, const char *id, enum adlint_lang lang);
const char *adl_str(const struct adlint_rules *r, uint32_t off);   /* NULL for ADL_NONE */
/* The rule ids the code reports itself; the data must define each. */
extern const char *const adl_code_rules[];
extern const char *const adl_list_names[LIST__COUNT];
/* A Snowball stemmer for lang (UTF-8); aborts when libstemmer lacks it. */
struct sb_stemmer *adl_stemmer_new(enum adlint_lang lang);
/* The key of stem_starts for a lower-case word or stem: its first
 * ADL_STEM_KEY(lang) bytes, with ä ö ü ß folded to a o u ss for German.
 * Returns the key length. */
#define ADL_STEM_KEY_MAX 5
#define ADL_STEM_KEY(lang) ((lang) == ADLINT_DE ? 5 : 3)
size_t adl_stem_start(const char *s, size_t n, enum adlint_lang lang, char key[ADL_STEM_KEY_MAX]);
/* Appends the Snowball stem of the lower-case word to out, stemmed twice so
 * that forms the stemmer cuts differently meet ("Konzern" → konz, "Konzerns"
 * → konzern → konz). */
void adl_stem(struct sb_stemmer *st, const char *word, size_t n, struct buf *out);
/* Does a prefix, suffix, infix or any-word item match a lower-case word? */
bool adl_item_matches_fold(const struct adlint_rules *r, const struct adl_item *it, const char *fold, size_t flen);

/* --- text ------------------------------------------------------------------- */

/* Decodes one code point of valid UTF-8 at p; *n receives its byte length. */
uint32_t adl_utf8_decode(const unsigned char *p, size_t *n);
/* Validates UTF-8 (and rejects NUL). On failure sets *bad to the offending
 * byte offset and returns false. */
bool adl_utf8_valid(const char *s, size_t len, size_t *bad);
/* Appends the lower-case form of s (UTF-8) to b. */
void adl_fold(struct buf *b, const char *s, size_t n);
bool adl_is_letter(uint32_t cp);
int adl_syllables(const char *fold, size_t n, enum adlint_lang lang);

enum adl_token_kind { TOK_WORD, TOK_NUMBER, TOK_PUNCT, TOK_BULLET };

struct adl_token {
	uint32_t start, end;         /* bytes */
	uint32_t cp;                 /* TOK_PUNCT: the character */
	uint32_t type;               /* TOK_WORD: index into doc->types */
	uint32_t line;               /* 0-based */
	uint32_t sentence;
	uint32_t word;               /* TOK_WORD, TOK_NUMBER: index in doc->words */
	uint8_t kind;
	bool upper;                  /* TOK_WORD: starts with an upper-case letter */
};

/* A distinct lower-case word of the document with what is known about it. */
struct adl_type {
	uint32_t fold, fold_len;     /* offsets into doc->pool */
	uint32_t stem, stem_len;
	uint32_t cand, ncand;        /* candidate patterns in doc->cands */
	int syllables;
};

struct adl_line {
	uint32_t start, end;         /* bytes, without the newline */
	uint32_t chars;              /* length in characters */
	bool blank, bullet;
};

struct adl_sentence {
	uint32_t start, end;         /* bytes */
	uint32_t first_word, end_word;   /* range in doc->words */
	bool has_number;
};

struct adl_doc {
	const struct adlint_rules *rules;
	const struct adl_index *index;
	enum adlint_lang lang;
	const char *text;
	size_t len;
	struct buf pool;
	struct adl_token *tok;
	size_t ntok, captok;
	uint32_t *words;             /* indices of TOK_WORD and TOK_NUMBER tokens */
	size_t nwords;
	struct adl_type *types;
	size_t ntypes, captypes;
	struct adl_map type_map;
	int32_t *cands;
	size_t ncands, capcands;
	struct adl_line *lines;
	size_t nlines, caplines;
	struct adl_sentence *sent;
	size_t nsent, capsent;
	int title_line;              /* index in lines, -1 when the ad has no title line */
};

/* Appends to doc->cands the patterns whose first item matches a new word
 * type with this lower-case form and stem. */
void adl_index_candidates(const struct adlint_rules *r, const struct adl_index *ix, const char *fold, size_t flen,
			  const char *stem, size_t slen, struct adl_doc *doc);
/* Tokenises and splits doc->text into lines, words and sentences. */
void adl_doc_analyse(struct adl_doc *doc);
void adl_doc_free(struct adl_doc *doc);
const char *adl_type_fold(const struct adl_doc *doc, uint32_t type);
/* Converts a byte offset to a 1-based line and column (characters). */
void adl_position(const struct adl_doc *doc, size_t off, int *line, int *column);
/* Character count of text[a, b). */
size_t adl_chars(const char *s, size_t a, size_t b);

/* --- matching and checks ---------------------------------------------------- */

struct adl_match {
	int32_t pattern;
	uint32_t first, last;        /* word indices */
};

struct adl_matches {
	struct adl_match *m;
	size_t n, cap;
};

/* A finding being built; message parts are filled in by adl_emit. */
struct adl_run {
	struct adl_doc *doc;
	const struct adlint_context *ctx;
	enum adlint_lang msg_lang;
	struct adl_matches report;              /* matches of @rule blocks */
	struct adl_matches lists[LIST__COUNT];  /* matches of @list blocks */
	bool salary_found;
	size_t salary_start;                    /* byte offset of the first salary figure */
	uint32_t *word_lists;                   /* per word: bit (1 << list) when a list matched it */
	bool *line_has_number;
	struct adlint_finding *findings;
	size_t nfindings, capfindings;
};

/* A named value for the {name} placeholders of messages. */
struct adl_var {
	const char *name;
	const char *value;
};

/* Runs every pattern over the words, filling run->report and run->lists. */
void adl_match_all(struct adl_run *run);
/* Adds a finding for block at text[start, end), formatting the message and
 * suggestion with vars (and {match} = the text of the span). The suggestion
 * and replacement of pattern (may be NULL) override the block's. */
void adl_emit(struct adl_run *run, const struct adl_block *block, const struct adl_pattern *pattern, size_t start,
	      size_t end, const struct adl_var *vars, size_t nvars);
/* adl_emit for a code rule looked up by id. */
void adl_emit_rule(struct adl_run *run, const char *id, size_t start, size_t end, const struct adl_var *vars,
		   size_t nvars);
/* Formats text id (a @text block) in the message language into out. */
void adl_text(const struct adl_run *run, const char *id, const struct adl_var *vars, size_t nvars, char *out,
	      size_t n);

/* Sets run->salary_found: a salary figure in the text (needs the matches). */
void adl_find_salary(struct adl_run *run);
void adl_check_patterns(struct adl_run *run);
void adl_check_title(struct adl_run *run);
void adl_check_structure(struct adl_run *run);
void adl_check_pay(struct adl_run *run);
void adl_check_vague(struct adl_run *run);
void adl_check_gender(struct adl_run *run);
void adl_check_readability(struct adl_run *run, double *score);

#endif
