/*
 * job_ad.c — drafting a job ad from the profile and exporting it; see
 * job_ad.h for the section format.
 *
 * The draft follows the seed's advice on effective ads: the key facts
 * first, tasks with the numbers of the goals, must-haves apart from the
 * rest, the difficulties said openly, a salary band instead of adjectives,
 * and a process of three rounds with reply times. Where the facts are not
 * in the data the generator asks for them in a placeholder instead of
 * writing a phrase that sounds good and says nothing.
 */
#include "core/job_ad.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/escape.h"
#include "util/str.h"

enum lang { DE, EN };

static enum lang lang_of(const char *code)
{
	return str_eq(code, "en") ? EN : DE;
}

/* --- text helpers -------------------------------------------------------------- */

/* Appends user text on one line: runs of whitespace (line breaks included)
 * become one space, other control characters are dropped, both ends are
 * trimmed. A leading bullet mark ("- ", "* ", "• ") is dropped too, so that
 * a line of the user's own list does not become a bullet inside a bullet. */
static void put_flat(struct buf *b, const char *text)
{
	bool space = false, any = false;

	if (!text)
		return;
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	if ((text[0] == '-' || text[0] == '*') && text[1] == ' ')
		text += 2;
	else if (strncmp(text, "\xE2\x80\xA2 ", 4) == 0)
		text += 4;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = any;
			continue;
		}
		if (*p < 0x20 || *p == 0x7f)
			continue;
		if (space)
			buf_putc(b, ' ');
		space = false;
		any = true;
		buf_putc(b, (char)*p);
	}
}

/* Ends the text in b with a full stop unless it already ends a sentence. */
static void end_sentence(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (b->len == 0)
		return;
	char last = b->data[b->len - 1];
	if (last != '.' && last != '!' && last != '?' && last != ':')
		buf_putc(b, '.');
}

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Does hay contain word (ASCII case-insensitive) standing as a word of its own? */
static bool has_word(const char *hay, const char *word)
{
	size_t n = strlen(word);

	if (!hay || n == 0)
		return false;
	for (const char *p = hay; *p; p++) {
		if (strncasecmp(p, word, n) != 0)
			continue;
		bool before = p > hay && is_word_byte((unsigned char)p[-1]);
		bool after = is_word_byte((unsigned char)p[n]);
		if (!before && !after)
			return true;
	}
	return false;
}

static bool has_text_ci(const char *hay, const char *needle)
{
	return hay && *needle && strcasestr(hay, needle) != NULL;
}

static const char *const NUMBER_WORDS[2][13] = {
	{ "null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf" },
	{ "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve" },
};

/* Small counts in words, as German and English style want them. */
static void put_count(struct buf *b, size_t n, enum lang l)
{
	if (n >= 2 && n <= 12)
		buf_puts(b, NUMBER_WORDS[l][n]);
	else
		buf_printf(b, "%zu", n);
}

/* Does text mention the number n, in digits or as a word in either language? */
static bool mentions_number(const char *text, int n)
{
	char digits[16];

	snprintf(digits, sizeof digits, "%d", n);
	if (has_word(text, digits))
		return true;
	return n >= 2 && n <= 12 && (has_word(text, NUMBER_WORDS[DE][n]) || has_word(text, NUMBER_WORDS[EN][n]));
}

/* --- numbers, money and dates ----------------------------------------------------- */

/* 85000 → "85.000" (German) or "85,000" (English). */
static void put_grouped(struct buf *b, int64_t v, enum lang l)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? -v : v));

	if (v < 0)
		buf_putc(b, '-');
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, l == DE ? '.' : ',');
		buf_putc(b, digits[i]);
	}
}

/* The sign of a currency, or NULL when it is written as its code. */
static const char *currency_sign(const char *code)
{
	if (str_empty(code) || str_eq(code, "EUR"))
		return "€";
	if (str_eq(code, "USD"))
		return "$";
	if (str_eq(code, "GBP"))
		return "£";
	return NULL;
}

/* The amount lo (a range lo–hi when hi is set and differs) with its
 * currency on the side the language puts it: "85.000–105.000 €" /
 * "€85,000–105,000", "85.000 CHF" / "CHF 85,000". */
static void put_money_range(struct buf *b, int64_t lo, int64_t hi, const char *currency, enum lang l)
{
	const char *sign = currency_sign(currency);
	const char *unit = sign ? sign : currency;

	if (l == EN)
		buf_printf(b, sign ? "%s" : "%s ", unit);
	put_grouped(b, lo, l);
	if (hi > 0 && hi != lo) {
		buf_puts(b, "–");
		put_grouped(b, hi, l);
	}
	if (l == DE)
		buf_printf(b, " %s", unit);
}

/* Large amounts in millions: "4,5 Mio. €" / "€4.5 million"; below a
 * million grouped digits. Up to two decimals, trailing zeros dropped. */
static void put_amount(struct buf *b, int64_t amount, const char *currency, enum lang l)
{
	const char *sign = currency_sign(currency);
	const char *unit = sign ? sign : currency;

	if (amount < 1000000) {
		put_money_range(b, amount, 0, currency, l);
		return;
	}
	int64_t hundredths = (amount + 5000) / 10000;
	char number[32];
	int n = snprintf(number, sizeof number, "%lld", (long long)(hundredths / 100));
	int frac = (int)(hundredths % 100);
	if (frac != 0) {
		char sep = l == DE ? ',' : '.';
		if (frac % 10 == 0)
			snprintf(number + n, sizeof number - (size_t)n, "%c%d", sep, frac / 10);
		else
			snprintf(number + n, sizeof number - (size_t)n, "%c%02d", sep, frac);
	}
	if (l == DE)
		buf_printf(b, "%s Mio. %s", number, unit);
	else
		buf_printf(b, sign ? "%s%s million" : "%s %s million", unit, number);
}

static const char *const MONTHS[2][12] = {
	{ "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
	  "Dezember" },
	{ "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	  "November", "December" },
};

/* Is s a date of the form YYYY-MM-DD with a plausible month and day? */
static bool is_iso_date(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int month = (s[5] - '0') * 10 + (s[6] - '0');
	int day = (s[8] - '0') * 10 + (s[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* "2026-10-01" → "1. Oktober 2026" / "1 October 2026"; false when not a date. */
static bool put_date(struct buf *b, const char *iso, enum lang l)
{
	if (!is_iso_date(iso))
		return false;
	int month = (iso[5] - '0') * 10 + (iso[6] - '0');
	int day = (iso[8] - '0') * 10 + (iso[9] - '0');
	buf_printf(b, l == DE ? "%d. %s %.4s" : "%d %s %.4s", day, MONTHS[l][month - 1], iso);
	return true;
}

/* --- comma-separated user lists -------------------------------------------------------- */

#define LIST_MAX 24

struct item_list {
	char items[LIST_MAX][160];
	size_t n;
};

/* Splits "A, B,C" into trimmed, non-empty items. */
static void split_list(const char *text, struct item_list *out)
{
	out->n = 0;
	while (text && *text && out->n < LIST_MAX) {
		const char *comma = strchr(text, ',');
		size_t len = comma ? (size_t)(comma - text) : strlen(text);
		char piece[400];
		if (len >= sizeof piece)
			len = sizeof piece - 1;
		memcpy(piece, text, len);
		piece[len] = '\0';
		struct buf b = BUF_INIT;
		put_flat(&b, piece);
		if (b.len > 0 && b.len < sizeof out->items[0])
			memcpy(out->items[out->n++], b.data, b.len + 1);
		buf_free(&b);
		text = comma ? comma + 1 : NULL;
	}
}

/* "A, B und C" / "A, B and C". */
static void put_joined(struct buf *b, const struct item_list *list, enum lang l)
{
	for (size_t i = 0; i < list->n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == list->n ? (l == DE ? " und " : " and ") : ", ");
		buf_puts(b, list->items[i]);
	}
}

/* The same for a comma-separated user text. */
static void put_joined_text(struct buf *b, const char *text, enum lang l)
{
	struct item_list list;

	split_list(text, &list);
	put_joined(b, &list, l);
}

/* --- sections built whole line by whole line ------------------------------------------------ */

struct section {
	char *dst;
	size_t cap;
	size_t len;
};

static void section_start(struct section *s, char *dst, size_t cap)
{
	s->dst = dst;
	s->cap = cap;
	s->len = 0;
	dst[0] = '\0';
}

/* Adds the line in b when it fits whole (a line that does not fit is left
 * out), then empties b for the next line. */
static void section_add(struct section *s, struct buf *b)
{
	size_t need = b->len + (s->len > 0 ? 1 : 0);

	if (b->len > 0 && s->len + need < s->cap) {
		if (s->len > 0)
			s->dst[s->len++] = '\n';
		memcpy(s->dst + s->len, b->data, b->len);
		s->len += b->len;
		s->dst[s->len] = '\0';
	}
	buf_reset(b);
}

/* --- what the generator reads from position and profile --------------------------------------- */

struct facts {
	enum lang l;
	const struct position *p;
	const struct organisation *o;
	const struct profile *prof;   /* never NULL inside the generator */
	const char *place;            /* where the work is: the position's location or the company's city */
	const struct goal *accounts;  /* first account goal with named accounts, or NULL */
	const struct goal *revenue;   /* first revenue goal with an amount */
	const struct goal *market;    /* first market entry goal with a region */
	bool has_role[STAKEHOLDER_ROLE__COUNT];
};

static void read_facts(struct facts *f)
{
	const struct profile *prof = f->prof;

	f->place = !str_empty(f->p->location) ? f->p->location : f->o->city;
	for (size_t i = 0; i < prof->ngoals; i++) {
		const struct goal *g = &prof->goals[i];
		if (g->kind == GOAL_ACCOUNT_DEVELOPMENT && !f->accounts && !str_empty(g->accounts))
			f->accounts = g;
		if (g->kind == GOAL_REVENUE && !f->revenue && g->revenue_amount > 0)
			f->revenue = g;
		if (g->kind == GOAL_MARKET_ENTRY && !f->market && !str_empty(g->region))
			f->market = g;
	}
	for (size_t i = 0; i < prof->nstakeholders; i++)
		if ((unsigned)prof->stakeholders[i].role < STAKEHOLDER_ROLE__COUNT)
			f->has_role[prof->stakeholders[i].role] = true;
}

/* Who a stakeholder role stands for: the person's function (PEOPLE, for
 * meetings and agreements) or the part of the company one works with (TEAMS). */
enum role_sense { PEOPLE, TEAMS };

static const char *role_group(enum stakeholder_role r, enum lang l, enum role_sense sense)
{
	static const char *const names[2][2][STAKEHOLDER_ROLE__COUNT] = {
		{ { "Geschäftsführung", "Vertriebsleitung", "Finanzleitung", "Entwicklungsleitung",
		    "Business Development", "Personalabteilung", NULL },
		  { "Geschäftsführung", "Vertriebsleitung", "Finanzen", "Entwicklung", "Business Development",
		    "Personalabteilung", NULL } },
		{ { "the managing director", "the head of sales", "the CFO", "the head of engineering",
		    "business development", "HR", NULL },
		  { "the managing director", "the head of sales", "finance", "engineering", "business development",
		    "HR", NULL } },
	};
	return (unsigned)r < STAKEHOLDER_ROLE__COUNT ? names[l][sense][r] : NULL;
}

/* Appends the groups of the roles in order that the profile has, joined as
 * a list; returns how many. */
static size_t put_roles(struct buf *b, const struct facts *f, const enum stakeholder_role *order, size_t n,
			enum role_sense sense)
{
	struct item_list list;

	list.n = 0;
	for (size_t i = 0; i < n; i++)
		if (f->has_role[order[i]] && role_group(order[i], f->l, sense))
			str_copy(list.items[list.n++], sizeof list.items[0], role_group(order[i], f->l, sense));
	put_joined(b, &list, f->l);
	return list.n;
}

/* --- title --------------------------------------------------------------------------------- */

/* Is there a gender list such as "m/w/d" or "w|m|d" at p: single letters
 * from m, w, f, d, x, i separated by '/' or '|', at least three of them,
 * one of them d, x or i, standing as a word of its own? */
static bool gender_list_at(const char *start, const char *p)
{
	int letters = 0;
	bool diverse = false;

	if (p > start && is_word_byte((unsigned char)p[-1]))
		return false;
	for (;;) {
		char c = (char)(*p | 0x20);
		if (!strchr("mwfdxi", c) || *p == '\0')
			return false;
		letters++;
		diverse = diverse || c == 'd' || c == 'x' || c == 'i';
		p++;
		if (*p != '/' && *p != '|')
			break;
		p++;
	}
	return letters >= 3 && diverse && !is_word_byte((unsigned char)*p);
}

bool job_ad_title_gender_inclusive(const char *title)
{
	static const char *const forms[] = { "*in", ":in", "_in", "*innen", ":innen", "_innen" };

	if (str_empty(title))
		return false;
	if (has_text_ci(title, "(gn)") || has_text_ci(title, "(gn*)") || has_text_ci(title, "all genders") ||
	    has_text_ci(title, "alle Geschlechter"))
		return true;
	for (const char *p = title; *p; p++) {
		if (gender_list_at(title, p))
			return true;
		for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
			size_t n = strlen(forms[i]);
			if (p > title && is_word_byte((unsigned char)p[-1]) && strncmp(p, forms[i], n) == 0 &&
			    !is_word_byte((unsigned char)p[n]))
				return true;
		}
	}
	return false;
}

/* The ad's title: German titles get (m/w/d) unless they already address
 * all genders; a binary "(m/w)" at the end is replaced. */
static void make_title(const char *src, enum lang l, char *dst, size_t size)
{
	static const char *const binary[] = { "(m/w)", "(w/m)", "(m/f)", "(f/m)" };
	struct buf b = BUF_INIT;

	put_flat(&b, src);
	if (l == DE && b.len > 0 && !job_ad_title_gender_inclusive(b.data)) {
		for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++) {
			size_t n = strlen(binary[i]);
			if (b.len >= n && strcasecmp(b.data + b.len - n, binary[i]) == 0) {
				b.len -= n;
				b.data[b.len] = '\0';
				while (b.len > 0 && b.data[b.len - 1] == ' ')
					b.data[--b.len] = '\0';
				break;
			}
		}
		buf_puts(&b, " (m/w/d)");
	}
	str_copy(dst, size, buf_cstr(&b));
	buf_free(&b);
}

/* --- the sections ------------------------------------------------------------------------------ */

static void put_employment(struct buf *b, enum employment_type e, enum lang l)
{
	static const char *const names[2][EMPLOYMENT__COUNT] = {
		{ "Vollzeit", "Teilzeit", "Freie Mitarbeit", "Befristete Anstellung" },
		{ "Full-time", "Part-time", "Freelance contract", "Fixed-term contract" },
	};
	buf_puts(b, (unsigned)e < EMPLOYMENT__COUNT ? names[l][e] : names[l][0]);
}

/* The remote policy in a few words; the place is named just before it. */
static void put_remote(struct buf *b, enum remote_policy r, enum lang l)
{
	static const char *const names[2][REMOTE__COUNT] = {
		{ "vor Ort", "hybrid mit Büro und Homeoffice", "vollständig remote innerhalb Deutschlands" },
		{ "on site", "hybrid (office and working from home)", "fully remote from anywhere in Germany" },
	};
	buf_puts(b, (unsigned)r < REMOTE__COUNT ? names[l][r] : names[l][0]);
}

static void make_salary_text(const struct position *p, enum lang l, char *dst, size_t size)
{
	struct buf b = BUF_INIT;
	int64_t lo = p->salary_min > 0 ? p->salary_min : 0, hi = p->salary_max > 0 ? p->salary_max : 0;

	if (lo > 0 && hi > 0)
		put_money_range(&b, lo, hi, p->currency, l);
	else if (lo > 0) {
		buf_puts(&b, l == DE ? "ab " : "from ");
		put_money_range(&b, lo, 0, p->currency, l);
	} else if (hi > 0) {
		buf_puts(&b, l == DE ? "bis " : "up to ");
		put_money_range(&b, hi, 0, p->currency, l);
	}
	if (b.len > 0)
		buf_puts(&b, l == DE ? " brutto im Jahr" : " gross per year");
	str_copy(dst, size, buf_cstr(&b));
	buf_free(&b);
}

/* "die drei Bestandskunden A, B und C" (German) / "the three existing
 * accounts A, B and C"; singular for one. article: with the article. */
static void put_accounts(struct buf *b, const char *accounts, enum lang l, const char *de_article_one,
			 const char *de_article_many)
{
	struct item_list list;

	split_list(accounts, &list);
	if (l == DE) {
		if (list.n == 1) {
			buf_printf(b, "%s Bestandskunden ", de_article_one);
		} else {
			buf_printf(b, "%s ", de_article_many);
			put_count(b, list.n, l);
			buf_puts(b, " Bestandskunden ");
		}
	} else {
		if (list.n == 1) {
			buf_puts(b, "the existing account ");
		} else {
			buf_puts(b, "the ");
			put_count(b, list.n, l);
			buf_puts(b, " existing accounts ");
		}
	}
	put_joined(b, &list, l);
}

/* Revenue target: "4,5 Mio. € in 24 Monaten" / "€4.5 million within 24 months". */
static void put_revenue_target(struct buf *b, const struct goal *g, const char *currency, enum lang l)
{
	put_amount(b, g->revenue_amount, currency, l);
	if (g->horizon_months > 0)
		buf_printf(b, l == DE ? " in %d Monaten" : " within %d months", g->horizon_months);
}

/*
 * The opening: who hires for what and where, the terms (contract, remote
 * policy, salary), then the job in one sentence — region before the named
 * accounts, since a long list of accounts must not push the region out of
 * the first 400 characters — the revenue target and the start.
 */
static void build_intro(const struct facts *f, const char *title, const char *salary_text, struct section *s)
{
	const struct position *p = f->p;
	bool de = f->l == DE;
	bool named_place = !str_empty(f->place) && p->remote != REMOTE_FULL;
	struct buf b = BUF_INIT;

	if (de) {
		if (str_empty(f->o->name))
			buf_puts(&b, "Wir besetzen ");
		else
			buf_printf(&b, "%s besetzt ", f->o->name);
		if (named_place)
			buf_printf(&b, "in %s ", f->place);
		buf_printf(&b, "die Stelle %s.", title);
	} else {
		char first = (char)(title[0] | 0x20);
		const char *article = first && strchr("aeiou", first) ? "an" : "a";
		if (str_empty(f->o->name))
			buf_printf(&b, "We are looking for %s %s", article, title);
		else
			buf_printf(&b, "%s is looking for %s %s", f->o->name, article, title);
		if (named_place)
			buf_printf(&b, " in %s", f->place);
		buf_putc(&b, '.');
	}
	buf_putc(&b, ' ');
	put_employment(&b, p->employment, f->l);
	buf_puts(&b, ", ");
	put_remote(&b, p->remote, f->l);
	if (!str_empty(salary_text))
		buf_printf(&b, ", %s", salary_text);
	buf_putc(&b, '.');
	if (p->headcount > 1)
		buf_printf(&b, de ? " Wir besetzen %d Stellen." : " We are filling %d positions.", p->headcount);
	section_add(s, &b);

	if (f->market) {
		buf_puts(&b, de ? "Sie gewinnen Neukunden in der Region " : "You will win new customers in the region ");
		put_joined_text(&b, f->market->region, f->l);
		if (f->accounts) {
			buf_puts(&b, de ? ". Dazu betreuen Sie " : ". You will also look after ");
			put_accounts(&b, f->accounts->accounts, f->l, "den", "die");
		}
		buf_putc(&b, '.');
	} else if (f->accounts) {
		buf_puts(&b, de ? "Sie betreuen " : "You will look after ");
		put_accounts(&b, f->accounts->accounts, f->l, "den", "die");
		buf_putc(&b, '.');
	}
	if (f->revenue) {
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, de ? "Ihr Umsatzziel: " : "Your revenue target: ");
		put_revenue_target(&b, f->revenue, p->currency, f->l);
		buf_putc(&b, '.');
	}
	struct buf date = BUF_INIT;
	if (put_date(&date, p->target_start, f->l)) {
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_printf(&b, de ? "Die Stelle ist zum %s zu besetzen." : "The job starts on %s.", buf_cstr(&date));
	}
	buf_free(&date);
	section_add(s, &b);
	buf_free(&b);
}

/* Appends ". notes" to a task that has notes. */
static void put_notes(struct buf *b, const char *notes)
{
	if (str_empty(notes))
		return;
	end_sentence(b);
	buf_putc(b, ' ');
	put_flat(b, notes);
}

/* The task bullet of one goal, with the goal's notes. */
static void put_goal_task(struct buf *b, const struct facts *f, const struct goal *g)
{
	bool de = f->l == DE;

	buf_puts(b, "- ");
	switch (g->kind) {
	case GOAL_ACCOUNT_DEVELOPMENT:
		if (str_empty(g->accounts)) {
			put_flat(b, g->title);
			break;
		}
		buf_puts(b, de ? "Verantwortung für " : "Owning ");
		put_accounts(b, g->accounts, f->l, "den", "die");
		break;
	case GOAL_REVENUE:
		if (g->revenue_amount <= 0) {
			put_flat(b, g->title);
			break;
		}
		buf_puts(b, de ? "Ausbau des Umsatzes auf " : "Growing revenue to ");
		put_revenue_target(b, g, f->p->currency, f->l);
		break;
	case GOAL_MARKET_ENTRY:
		put_flat(b, g->title);
		if (!str_empty(g->region)) {
			buf_puts(b, de ? ": Neukundenakquise in der Region " : ": winning new customers in the region ");
			put_joined_text(b, g->region, f->l);
		}
		if (!str_empty(g->segment)) {
			end_sentence(b);
			buf_puts(b, de ? " Zielbranchen: " : " Target sectors: ");
			put_flat(b, g->segment);
		}
		break;
	default:
		put_flat(b, g->title);
		break;
	}
	put_notes(b, g->notes);
	/* a bullet of several sentences ends like one; a short one needs no stop */
	if (!str_empty(g->notes) || (g->kind == GOAL_MARKET_ENTRY && !str_empty(g->segment)))
		end_sentence(b);
}

static void build_tasks(const struct facts *f, struct section *s)
{
	static const enum goal_kind order[] = { GOAL_ACCOUNT_DEVELOPMENT, GOAL_REVENUE, GOAL_MARKET_ENTRY,
						GOAL_FREE_TEXT };
	static const enum stakeholder_role team[] = { STAKEHOLDER_SALES_HEAD, STAKEHOLDER_HEAD_OF_ENGINEERING,
						      STAKEHOLDER_BDM, STAKEHOLDER_MANAGING_DIRECTOR };
	const struct profile *prof = f->prof;
	bool de = f->l == DE;
	struct buf b = BUF_INIT;

	/* whom you look after, what number, where new, then the rest */
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		for (size_t i = 0; i < prof->ngoals; i++) {
			enum goal_kind kind = (unsigned)prof->goals[i].kind < GOAL_KIND__COUNT ? prof->goals[i].kind
											   : GOAL_FREE_TEXT;
			if (kind != order[k])
				continue;
			put_goal_task(&b, f, &prof->goals[i]);
			section_add(s, &b);
		}
	}
	if (prof->ngoals == 0) {
		buf_puts(&b, de ? JOB_AD_PLACEHOLDER_DE " die Aufgaben mit Zahlen – wie viele Kunden, welches "
				  "Umsatzvolumen, welche Region.]"
				: JOB_AD_PLACEHOLDER_EN " the tasks with numbers – how many accounts, what revenue "
				  "volume, which region.]");
		section_add(s, &b);
	}
	struct buf roles = BUF_INIT;
	if (put_roles(&roles, f, team, sizeof team / sizeof team[0], TEAMS) > 0) {
		buf_printf(&b, de ? "- Enge Zusammenarbeit mit %s" : "- Working closely with %s", buf_cstr(&roles));
		section_add(s, &b);
	}
	buf_free(&roles);

	/* the difficulties, said before the first interview (R-PROF-8) */
	const char *challenges = !str_empty(prof->challenges) ? prof->challenges : f->p->challenges;
	if (!str_empty(challenges)) {
		buf_puts(&b, de ? "Worauf Sie sich einstellen sollten:" : "What you should know before applying:");
		section_add(s, &b);
		for (const char *line = challenges; line && *line;) {
			const char *nl = strchr(line, '\n');
			size_t len = nl ? (size_t)(nl - line) : strlen(line);
			char one[POSITION_TEXT_MAX];
			if (len >= sizeof one)
				len = sizeof one - 1;
			memcpy(one, line, len);
			one[len] = '\0';
			buf_puts(&b, "- ");
			put_flat(&b, one);
			if (b.len > 2) {
				end_sentence(&b);
				section_add(s, &b);
			}
			buf_reset(&b);
			line = nl ? nl + 1 : NULL;
		}
	}
	buf_free(&b);
}

/* One requirement as a bullet: "Title (Niveau C1, mindestens 5 Jahre): Detail."
 * (the detail only when with_detail). Years and revenue are added only when
 * the text shown does not say them already; an upper limit of years is never
 * written (it reads as an age limit, AGG). */
static void put_requirement(struct buf *b, const struct facts *f, const struct requirement *r, bool with_detail)
{
	const char *detail = with_detail ? r->detail : "";
	bool de = f->l == DE;
	struct buf q = BUF_INIT;

	buf_puts(b, "- ");
	put_flat(b, r->title);
	if (r->kind == REQ_LANGUAGE && r->level != CEFR_NONE && !has_word(r->title, cefr_code(r->level)))
		buf_printf(&q, de ? "Niveau %s" : "level %s", cefr_code(r->level));
	if (r->years_min > 0 && !mentions_number(detail, r->years_min) && !mentions_number(r->title, r->years_min)) {
		if (q.len > 0)
			buf_puts(&q, ", ");
		buf_printf(&q, de ? "mindestens %d %s" : "at least %d %s", r->years_min,
			   de ? (r->years_min == 1 ? "Jahr" : "Jahre") : (r->years_min == 1 ? "year" : "years"));
	}
	if (r->revenue_amount > 0) {
		struct buf de_amount = BUF_INIT, en_amount = BUF_INIT;
		put_amount(&de_amount, r->revenue_amount, f->p->currency, DE);
		put_amount(&en_amount, r->revenue_amount, f->p->currency, EN);
		if (!has_text_ci(detail, buf_cstr(&de_amount)) && !has_text_ci(detail, buf_cstr(&en_amount)) &&
		    !has_text_ci(r->title, buf_cstr(&de_amount)) && !has_text_ci(r->title, buf_cstr(&en_amount))) {
			if (q.len > 0)
				buf_puts(&q, ", ");
			buf_printf(&q, de ? "verantworteter Jahresumsatz ab %s" : "at least %s annual revenue",
				   buf_cstr(f->l == DE ? &de_amount : &en_amount));
		}
		buf_free(&de_amount);
		buf_free(&en_amount);
	}
	if (q.len > 0)
		buf_printf(b, " (%s)", buf_cstr(&q));
	buf_free(&q);
	if (!str_empty(detail)) {
		buf_puts(b, ": ");
		put_flat(b, detail);
		end_sentence(b);
	}
}

static void build_requirements(const struct facts *f, struct section *must, struct section *nice)
{
	static const enum tier nice_order[] = { TIER_IMPORTANT, TIER_NICE };
	const struct profile *prof = f->prof;
	bool de = f->l == DE;
	struct buf b = BUF_INIT;
	size_t nmust = 0, nnice = 0;

	for (size_t i = 0; i < prof->nrequirements; i++) {
		if (prof->requirements[i].tier != TIER_MUST)
			continue;
		put_requirement(&b, f, &prof->requirements[i], true);
		section_add(must, &b);
		nmust++;
	}
	if (nmust == 0) {
		buf_puts(&b, de ? JOB_AD_PLACEHOLDER_DE " die drei bis fünf Anforderungen, ohne die die Stelle nicht "
				  "auszufüllen ist.]"
				: JOB_AD_PLACEHOLDER_EN " the three to five requirements without which the job "
				  "cannot be done.]");
		section_add(must, &b);
	}
	for (size_t k = 0; k < 2; k++) {
		for (size_t i = 0; i < prof->nrequirements; i++) {
			if (prof->requirements[i].tier != nice_order[k])
				continue;
			put_requirement(&b, f, &prof->requirements[i], false);
			section_add(nice, &b);
			nnice++;
		}
	}
	if (nnice > 0) {
		buf_puts(&b, de ? "Sie bringen nicht alles davon mit? Bewerben Sie sich trotzdem: Entscheidend sind "
				  "die Punkte unter „Das bringen Sie mit“."
				: "Don't tick every box? Apply anyway: what counts are the points under "
				  "\"What you bring\".");
		section_add(nice, &b);
	}
	buf_free(&b);
}

static void build_offer(const struct facts *f, const char *salary_text, struct section *s)
{
	static const enum stakeholder_role agreed[] = { STAKEHOLDER_MANAGING_DIRECTOR, STAKEHOLDER_SALES_HEAD,
							STAKEHOLDER_CFO, STAKEHOLDER_HEAD_OF_ENGINEERING,
							STAKEHOLDER_BDM };
	const struct position *p = f->p;
	const struct organisation *o = f->o;
	bool de = f->l == DE;
	struct buf b = BUF_INIT;

	if (!str_empty(salary_text)) {
		buf_printf(&b, de ? "- Gehalt: %s. Wir nennen die Spanne vorab, damit Sie vor der Bewerbung wissen, "
				    "woran Sie sind."
				  : "- Salary: %s. We state the range up front so that you know where you stand "
				    "before you apply.",
			   salary_text);
	} else {
		buf_puts(&b, de ? JOB_AD_PLACEHOLDER_DE " die Gehaltsspanne brutto im Jahr, z. B. „65.000–80.000 € "
				  "brutto im Jahr“.]"
				: JOB_AD_PLACEHOLDER_EN " the salary range, gross per year, e.g. \"€65,000–80,000 "
				  "gross per year\".]");
	}
	section_add(s, &b);

	/* the workplace: the company's address when the job is where the company is */
	bool at_company = str_empty(p->location) || str_eq(p->location, o->city);
	buf_puts(&b, de ? "- Arbeitsort: " : "- Place of work: ");
	if (p->remote == REMOTE_FULL) {
		buf_puts(&b, de ? "vollständig remote von einem Ort in Deutschland aus" : "fully remote from anywhere in Germany");
	} else {
		if (at_company && !str_empty(o->street))
			buf_printf(&b, "%s, %s%s%s", o->street, o->postal_code, str_empty(o->postal_code) ? "" : " ", o->city);
		else
			buf_puts(&b, f->place);
		buf_puts(&b, p->remote == REMOTE_HYBRID ? (de ? " (hybrid mit Büro und Homeoffice)"
							       : " (hybrid: office and working from home)")
							: (de ? " (vor Ort)" : " (on site)"));
	}
	buf_putc(&b, '.');
	section_add(s, &b);

	buf_puts(&b, "- ");
	put_employment(&b, p->employment, f->l);
	struct buf date = BUF_INIT;
	if (put_date(&date, p->target_start, f->l))
		buf_printf(&b, de ? ", Start zum %s" : ", starting %s", buf_cstr(&date));
	buf_free(&date);
	buf_putc(&b, '.');
	section_add(s, &b);

	/* an approved profile means the goals were agreed: say so, and with whom */
	if (p->approved_version > 0 && f->prof->ngoals > 0) {
		struct buf roles = BUF_INIT;
		if (put_roles(&roles, f, agreed, sizeof agreed / sizeof agreed[0], PEOPLE) > 0)
			buf_printf(&b, de ? "- Ein klarer Auftrag: Die Ziele sind mit %s abgestimmt. Sie wissen vom ersten "
					    "Tag an, woran Ihre Arbeit gemessen wird."
					  : "- A clear brief: the goals are agreed with %s. You know from day one what your "
					    "work will be measured by.",
				   buf_cstr(&roles));
		else
			buf_puts(&b, de ? "- Ein klarer Auftrag: Die Ziele stehen fest. Sie wissen vom ersten "
					  "Tag an, woran Ihre Arbeit gemessen wird."
					: "- A clear brief: the goals are set. You know from day one what your "
					  "work will be measured by.");
		buf_free(&roles);
		section_add(s, &b);
	}
	buf_puts(&b, de ? JOB_AD_PLACEHOLDER_DE " Was unterscheidet diese Stelle von ähnlichen, etwa Produkt oder "
			  "Marktposition? Welche Leistungen gibt es verbindlich? Mit Zahlen: variable Vergütung, "
			  "Urlaubstage, Weiterbildungsbudget, Dienstwagen.]"
			: JOB_AD_PLACEHOLDER_EN " What sets this job apart from similar ones, such as the product or "
			  "market position? Which benefits are guaranteed? With numbers: variable pay, days of leave, "
			  "training budget, company car.]");
	section_add(s, &b);
	buf_free(&b);
}

static void build_culture(const struct facts *f, struct section *s)
{
	static const enum stakeholder_role met[] = { STAKEHOLDER_MANAGING_DIRECTOR, STAKEHOLDER_SALES_HEAD,
						     STAKEHOLDER_CFO, STAKEHOLDER_HEAD_OF_ENGINEERING, STAKEHOLDER_BDM };
	bool de = f->l == DE;
	struct buf b = BUF_INIT;

	buf_puts(&b, de ? JOB_AD_PLACEHOLDER_DE " Wie sieht die Zusammenarbeit tatsächlich aus? An wen berichtet die "
			  "Stelle, wer entscheidet worüber, wie oft kommt das Team zusammen? Was lief im letzten Jahr "
			  "gut, was nicht?]"
			: JOB_AD_PLACEHOLDER_EN " How do you actually work together? Whom does the job report to, who "
			  "is responsible for what, how often does the team meet? What went well last year, and what did not?]");
	section_add(s, &b);
	struct buf roles = BUF_INIT;
	if (put_roles(&roles, f, met, sizeof met / sizeof met[0], PEOPLE) > 0) {
		buf_printf(&b, de ? "Bevor Sie sich entscheiden, lernen Sie die Menschen kennen, mit denen Sie "
				    "arbeiten würden: %s."
				  : "Before you say yes, you meet the people you would work with: %s.",
			   buf_cstr(&roles));
		section_add(s, &b);
	}
	buf_free(&roles);
	buf_free(&b);
}

static void build_process(const struct facts *f, struct section *s)
{
	static const enum stakeholder_role panel[] = { STAKEHOLDER_SALES_HEAD, STAKEHOLDER_HEAD_OF_ENGINEERING,
						       STAKEHOLDER_CFO, STAKEHOLDER_BDM };
	bool de = f->l == DE;
	struct buf b = BUF_INIT;

	buf_puts(&b, de ? "- Erstgespräch: Sie lernen die Stelle und uns kennen, wir Ihren bisherigen Weg. Fragen "
			  "zu Gehalt und Starttermin klären wir bereits in diesem Gespräch."
			: "- First conversation: you get to know the job and us, we get to know your career so far. "
			  "Questions about pay and start date are settled in this first conversation.");
	section_add(s, &b);
	struct buf roles = BUF_INIT;
	if (put_roles(&roles, f, panel, sizeof panel / sizeof panel[0], PEOPLE) > 0)
		buf_printf(&b, de ? "- Vertiefendes Interview mit %s" : "- In-depth interview with %s", buf_cstr(&roles));
	else
		buf_puts(&b, de ? "- Vertiefendes Interview mit mehreren künftigen Kolleginnen und Kollegen"
				: "- In-depth interview with several future colleagues");
	buf_free(&roles);
	buf_puts(&b, de ? ". Wir fragen nach konkreten Situationen aus Ihrer bisherigen Arbeit und stellen allen "
			  "Bewerbenden dieselben Kernfragen."
			: ". We ask about concrete situations from your work so far, with the same core questions for "
			  "every candidate.");
	section_add(s, &b);
	if (f->has_role[STAKEHOLDER_MANAGING_DIRECTOR])
		buf_puts(&b, de ? "- Finalgespräch mit der Geschäftsführung: letzte offene Fragen und das Vertragsangebot."
				: "- Final conversation with the managing director: remaining questions and the "
				  "contract offer.");
	else
		buf_puts(&b, de ? "- Finalgespräch: letzte offene Fragen und das Vertragsangebot."
				: "- Final conversation: remaining questions and the contract offer.");
	section_add(s, &b);
	buf_puts(&b, de ? "Sie hören innerhalb von fünf Werktagen von uns, nach Ihrer Bewerbung und nach jedem "
			  "Gespräch. Für den ganzen Ablauf planen wir etwa vier Wochen."
			: "You will hear from us within five working days, after your application and after every "
			  "conversation. We plan about four weeks for the whole process.");
	section_add(s, &b);
	buf_puts(&b, de ? "Für die Bewerbung genügt Ihr Lebenslauf; ein Anschreiben ist nicht nötig."
			: "Your CV is all we need to get started; no cover letter required.");
	section_add(s, &b);
	buf_free(&b);
}

void job_ad_generate(const struct position *p, const struct organisation *o, const struct profile *prof,
		     const char *lang, struct job_ad *out)
{
	static const struct profile empty_profile;
	struct facts f;
	struct section s;

	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.l = lang_of(lang);
	f.p = p;
	f.o = o;
	f.prof = prof ? prof : &empty_profile;
	read_facts(&f);

	str_copy(out->lang, sizeof out->lang, f.l == DE ? "de" : "en");
	make_title(p->title, f.l, out->title, sizeof out->title);
	make_salary_text(p, f.l, out->salary_text, sizeof out->salary_text);
	out->valid_through_days = JOB_AD_DEFAULT_VALID_DAYS;

	section_start(&s, out->intro, sizeof out->intro);
	build_intro(&f, out->title, out->salary_text, &s);
	section_start(&s, out->tasks, sizeof out->tasks);
	build_tasks(&f, &s);
	struct section must, nice;
	section_start(&must, out->must, sizeof out->must);
	section_start(&nice, out->nice, sizeof out->nice);
	build_requirements(&f, &must, &nice);
	section_start(&s, out->offer, sizeof out->offer);
	build_offer(&f, out->salary_text, &s);
	section_start(&s, out->culture, sizeof out->culture);
	build_culture(&f, &s);
	section_start(&s, out->process, sizeof out->process);
	build_process(&f, &s);
}

/* --- sections by number ---------------------------------------------------------------------------- */

const char *job_ad_section_heading(const char *lang, enum job_ad_section sec)
{
	static const char *const headings[2][JOB_AD_SECTION__COUNT] = {
		{ "", "Ihre Aufgaben", "Das bringen Sie mit", "Von Vorteil", "Was wir bieten", "So arbeiten wir",
		  "Bewerbung und Ablauf" },
		{ "", "What you will do", "What you bring", "Also helpful", "What we offer", "How we work",
		  "How to apply and what happens next" },
	};
	return (unsigned)sec < JOB_AD_SECTION__COUNT ? headings[lang_of(lang)][sec] : "";
}

const char *job_ad_section_key(enum job_ad_section sec)
{
	static const char *const keys[JOB_AD_SECTION__COUNT] = { "intro", "tasks", "must", "nice",
								 "offer", "culture", "process" };
	return (unsigned)sec < JOB_AD_SECTION__COUNT ? keys[sec] : "";
}

const char *job_ad_section_text(const struct job_ad *ad, enum job_ad_section sec)
{
	switch (sec) {
	case JOB_AD_INTRO: return ad->intro;
	case JOB_AD_TASKS: return ad->tasks;
	case JOB_AD_MUST: return ad->must;
	case JOB_AD_NICE: return ad->nice;
	case JOB_AD_OFFER: return ad->offer;
	case JOB_AD_CULTURE: return ad->culture;
	case JOB_AD_PROCESS: return ad->process;
	default: return "";
	}
}

const char *job_ad_first_placeholder(const struct job_ad *ad)
{
	for (int sec = 0; sec < JOB_AD_SECTION__COUNT; sec++) {
		const char *text = job_ad_section_text(ad, (enum job_ad_section)sec);
		if (strstr(text, JOB_AD_PLACEHOLDER_DE) || strstr(text, JOB_AD_PLACEHOLDER_EN))
			return job_ad_section_key((enum job_ad_section)sec);
	}
	return NULL;
}

/* --- exports ------------------------------------------------------------------------------------------ */

enum format { FMT_TEXT, FMT_MARKDOWN, FMT_HTML };

/* Appends text in the format: escaped for Markdown and HTML. */
static void put_text_as(struct buf *out, const char *text, enum format fmt)
{
	if (fmt == FMT_HTML)
		html_escape_into(out, text);
	else if (fmt == FMT_MARKDOWN)
		markdown_escape_into(out, text);
	else
		buf_puts(out, text);
}

/*
 * Walks the lines of a section and writes its blocks: each paragraph line
 * on its own, consecutive bullets as one list. Text: blank line between
 * blocks. Markdown: the same with "- " bullets. HTML: <p>, <ul><li>.
 * Returns whether anything was written.
 */
static bool put_blocks(struct buf *out, const char *text, enum format fmt)
{
	bool in_list = false, any = false, lead_in = false;
	struct buf line = BUF_INIT;

	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		buf_reset(&line);
		buf_append(&line, p, len);
		p = nl ? nl + 1 : NULL;
		char *l = str_trim(line.data);
		if (*l == '\0')
			continue;
		bool bullet = l[0] == '-' && (l[1] == ' ' || l[1] == '\0');
		const char *content = bullet ? str_trim(l + 1) : l;
		if (bullet && *content == '\0')
			continue;
		if (in_list && !bullet) {
			buf_puts(out, fmt == FMT_HTML ? "</ul>\n" : "\n");
			in_list = false;
		} else if (!in_list && any && fmt != FMT_HTML && !(fmt == FMT_TEXT && lead_in && bullet)) {
			buf_putc(out, '\n');
		}
		lead_in = !bullet && content[strlen(content) - 1] == ':';
		if (bullet) {
			if (!in_list && fmt == FMT_HTML)
				buf_puts(out, "<ul>\n");
			in_list = true;
			buf_puts(out, fmt == FMT_HTML ? "<li>" : "- ");
			put_text_as(out, content, fmt);
			buf_puts(out, fmt == FMT_HTML ? "</li>\n" : "\n");
		} else {
			if (fmt == FMT_HTML)
				buf_puts(out, "<p>");
			put_text_as(out, content, fmt);
			buf_puts(out, fmt == FMT_HTML ? "</p>\n" : "\n");
		}
		any = true;
	}
	if (in_list && fmt == FMT_HTML)
		buf_puts(out, "</ul>\n");
	buf_free(&line);
	return any;
}

/* Does the section text hold anything but blank lines? */
static bool section_has_content(const char *text)
{
	for (const char *p = text; p && *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '-')
			return true;
	return false;
}

static void export_ad(const struct job_ad *ad, struct buf *out, enum format fmt)
{
	if (fmt != FMT_HTML && !str_empty(ad->title)) {
		struct buf title = BUF_INIT;
		put_flat(&title, ad->title);
		if (fmt == FMT_MARKDOWN)
			buf_puts(out, "# ");
		put_text_as(out, buf_cstr(&title), fmt);
		buf_puts(out, "\n\n");
		buf_free(&title);
	}
	bool first = true;
	for (int sec = 0; sec < JOB_AD_SECTION__COUNT; sec++) {
		const char *text = job_ad_section_text(ad, (enum job_ad_section)sec);
		const char *heading = job_ad_section_heading(ad->lang, (enum job_ad_section)sec);
		if (!section_has_content(text))
			continue;
		if (!first && fmt != FMT_HTML)
			buf_putc(out, '\n');
		first = false;
		if (*heading) {
			if (fmt == FMT_HTML) {
				buf_puts(out, "<h2>");
				html_escape_into(out, heading);
				buf_puts(out, "</h2>\n");
			} else {
				buf_printf(out, fmt == FMT_MARKDOWN ? "## %s\n\n" : "%s\n", heading);
			}
		}
		put_blocks(out, text, fmt);
	}
}

void job_ad_to_text(const struct job_ad *ad, struct buf *out)
{
	export_ad(ad, out, FMT_TEXT);
}

void job_ad_to_markdown(const struct job_ad *ad, struct buf *out)
{
	export_ad(ad, out, FMT_MARKDOWN);
}

void job_ad_to_html(const struct job_ad *ad, struct buf *out)
{
	export_ad(ad, out, FMT_HTML);
}

/* --- schema.org JobPosting ------------------------------------------------------------------------------ */

static void set_str(json_t *obj, const char *key, const char *value)
{
	if (!str_empty(value))
		json_object_set_new(obj, key, json_string(value));
}

static const char *bundesland_name(const char *code)
{
	for (size_t i = 0; i < sizeof BUNDESLAENDER / sizeof BUNDESLAENDER[0]; i++)
		if (str_eq(code, BUNDESLAENDER[i].code))
			return BUNDESLAENDER[i].name;
	return NULL;
}

static const char *employment_schema(enum employment_type e)
{
	switch (e) {
	case EMPLOYMENT_PART_TIME: return "PART_TIME";
	case EMPLOYMENT_CONTRACT: return "CONTRACTOR";
	case EMPLOYMENT_TEMPORARY: return "TEMPORARY";
	default: return "FULL_TIME";
	}
}

/* The PostalAddress of the workplace: the company's address when the job is
 * in the company's city, else only the position's location. NULL when
 * nothing is known. */
static json_t *postal_address(const struct position *p, const struct organisation *o)
{
	json_t *a = json_object();
	const char *country = !str_empty(o->country) ? o->country : (str_starts_with(o->state, "DE-") ? "DE" : NULL);

	json_object_set_new(a, "@type", json_string("PostalAddress"));
	if (str_empty(p->location) || str_eq(p->location, o->city)) {
		set_str(a, "streetAddress", o->street);
		set_str(a, "addressLocality", o->city);
		set_str(a, "postalCode", o->postal_code);
		set_str(a, "addressRegion", bundesland_name(o->state));
	} else {
		set_str(a, "addressLocality", p->location);
	}
	set_str(a, "addressCountry", country);
	if (json_object_size(a) == 1) {
		json_decref(a);
		return NULL;
	}
	return a;
}

json_t *job_ad_jsonld(const struct job_ad *ad, const struct position *p, const struct organisation *o,
		      const char *date_posted, const char *valid_through, const char *url)
{
	json_t *ld = json_object();
	struct buf b = BUF_INIT;

	json_object_set_new(ld, "@context", json_string("https://schema.org/"));
	json_object_set_new(ld, "@type", json_string("JobPosting"));
	set_str(ld, "title", ad->title);
	job_ad_to_html(ad, &b);
	set_str(ld, "description", buf_cstr(&b));
	buf_free(&b);
	if (is_iso_date(date_posted))
		set_str(ld, "datePosted", date_posted);
	if (is_iso_date(valid_through)) {
		char until[32];
		snprintf(until, sizeof until, "%sT23:59:59", valid_through);
		set_str(ld, "validThrough", until);
	}
	json_object_set_new(ld, "employmentType", json_string(employment_schema(p->employment)));

	json_t *org = json_object();
	json_object_set_new(org, "@type", json_string("Organization"));
	set_str(org, "name", o->name);
	set_str(org, "sameAs", o->website);
	set_str(org, "logo", o->logo_url);
	json_object_set_new(ld, "hiringOrganization", org);

	json_t *address = postal_address(p, o);
	if (address) {
		json_t *place = json_object();
		json_object_set_new(place, "@type", json_string("Place"));
		json_object_set_new(place, "address", address);
		json_object_set_new(ld, "jobLocation", place);
	}
	if (p->remote == REMOTE_FULL) {
		json_object_set_new(ld, "jobLocationType", json_string("TELECOMMUTE"));
		json_t *country = json_object();
		json_object_set_new(country, "@type", json_string("Country"));
		json_object_set_new(country, "name", json_string(!str_empty(o->country) ? o->country : "DE"));
		json_object_set_new(ld, "applicantLocationRequirements", country);
	}
	if (p->salary_min > 0 || p->salary_max > 0) {
		json_t *value = json_object();
		json_object_set_new(value, "@type", json_string("QuantitativeValue"));
		if (p->salary_min > 0)
			json_object_set_new(value, "minValue", json_integer(p->salary_min));
		if (p->salary_max > 0)
			json_object_set_new(value, "maxValue", json_integer(p->salary_max));
		json_object_set_new(value, "unitText", json_string("YEAR"));
		json_t *salary = json_object();
		json_object_set_new(salary, "@type", json_string("MonetaryAmount"));
		json_object_set_new(salary, "currency", json_string(!str_empty(p->currency) ? p->currency : "EUR"));
		json_object_set_new(salary, "value", value);
		json_object_set_new(ld, "baseSalary", salary);
	}
	json_object_set_new(ld, "directApply", json_true());
	json_t *id = json_object();
	char number[24];
	snprintf(number, sizeof number, "%lld", (long long)p->id);
	json_object_set_new(id, "@type", json_string("PropertyValue"));
	set_str(id, "name", o->name);
	json_object_set_new(id, "value", json_string(number));
	json_object_set_new(ld, "identifier", id);
	set_str(ld, "url", url);
	return ld;
}

/* The non-empty string at key of obj, or NULL. */
static const char *get_str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s && *s ? s : NULL;
}

/* A location given as one Place or the first of an array of them. */
static bool has_address(json_t *ld)
{
	json_t *loc = json_object_get(ld, "jobLocation");
	if (json_is_array(loc))
		loc = json_array_get(loc, 0);
	json_t *address = json_object_get(loc, "address");
	return json_is_object(address) && get_str(address, "addressLocality") && get_str(address, "addressCountry");
}

static bool is_telecommute(json_t *ld)
{
	return str_eq(get_str(ld, "jobLocationType"), "TELECOMMUTE") &&
	       json_object_get(ld, "applicantLocationRequirements") != NULL;
}

bool job_ad_jsonld_complete(json_t *ld, const char **missing)
{
	const char *first = NULL;

	if (!json_is_object(ld) || !get_str(ld, "title"))
		first = "title";
	else if (!get_str(ld, "description"))
		first = "description";
	else if (!get_str(ld, "datePosted"))
		first = "datePosted";
	else if (!get_str(json_object_get(ld, "hiringOrganization"), "name"))
		first = "hiringOrganization.name";
	else if (!has_address(ld) && !is_telecommute(ld))
		first = "jobLocation.address";
	else if (!get_str(ld, "validThrough"))
		first = "validThrough";
	if (missing)
		*missing = first;
	return first == NULL;
}
