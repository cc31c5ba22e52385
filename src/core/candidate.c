/*
 * The candidate record's rules: validation of its fields, the normalised
 * forms of email, phone and name that duplicate detection compares (R-CAND-5),
 * the duplicate score, and the German and English column names the CSV import
 * recognises (R-CAND-4).
 *
 * Comparisons work on a folded form of the text: lowercase ASCII with German
 * umlauts transliterated and accents of Latin letters removed, so "Müller",
 * "MUELLER" and "Mueller" meet, and so do "Kündigungsfrist" and
 * "Kuendigungsfrist". Nothing here allocates.
 */
#include "core/candidate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/i18n_mark.h"
#include "core/password_policy.h"

/* --- folding --------------------------------------------------------------- */

/* U+00C0..U+00DF in lowercase ASCII; NULL for a character that is no letter
 * (×). U+00E0..U+00FF are the same letters in lower case except ÷ and ÿ. */
static const char *const LATIN1_FOLD[32] = {
	"a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "oe", NULL, "o", "u", "u", "u", "ue", "y", "th", "ss",
};

/* Base letters of U+0100..U+017F (Latin Extended-A: Polish, Czech, Turkish,
 * Hungarian, …), upper and lower case alternating as in Unicode. */
static const char LATIN_EXT_A_BASE[] =
	"AaAaAa" "CcCcCcCc" "DdDd" "EeEeEeEeEe" "GgGgGgGg" "HhHh" "IiIiIiIiIi" "Ii" "Jj" "Kkk"
	"LlLlLlLlLl" "NnNnNnnNn" "OoOoOoOo" "RrRrRr" "SsSsSsSs" "TtTtTt" "UuUuUuUuUuUu" "Ww" "YyY"
	"ZzZzZz" "s";

_Static_assert(sizeof LATIN_EXT_A_BASE == 0x80 + 1, "one base letter per code point U+0100..U+017F");

/* Decodes the UTF-8 sequence at s; *len receives its length (1 for a
 * malformed byte, whose value is returned as is). */
static unsigned decode(const unsigned char *s, size_t *len)
{
	if (s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
		*len = 2;
		return ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	*len = 1;
	if (s[0] >= 0xE0) {
		size_t need = s[0] >= 0xF0 ? 4 : 3, i;

		for (i = 1; i < need; i++)
			if ((s[i] & 0xC0) != 0x80)
				return s[0];
		*len = need;
	}
	return s[0];
}

void candidate_fold_text(const char *in, char *out, size_t n)
{
	const unsigned char *s = (const unsigned char *)(in != NULL ? in : "");
	size_t o = 0;

	if (n == 0)
		return;
	while (*s != '\0') {
		size_t len;
		unsigned cp = decode(s, &len);
		char one[2] = { 0, 0 };
		const char *rep = NULL;
		size_t rlen;

		if (cp < 0x80) {
			one[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
			rep = one;
		} else if (len == 2 && cp >= 0xC0 && cp <= 0xDF) {
			rep = LATIN1_FOLD[cp - 0xC0];
		} else if (len == 2 && cp >= 0xE0 && cp <= 0xFF && cp != 0xF7) {
			rep = cp == 0xFF ? "y" : LATIN1_FOLD[cp - 0xE0];
		} else if (len == 2 && cp >= 0x100 && cp <= 0x17F) {
			unsigned char b = (unsigned char)LATIN_EXT_A_BASE[cp - 0x100];

			one[0] = (char)(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
			rep = one;
		}
		if (rep != NULL) {
			rlen = strlen(rep);
		} else {
			rep = (const char *)s;  /* kept as is */
			rlen = len;
		}
		if (o + rlen >= n)
			break;
		memcpy(out + o, rep, rlen);
		o += rlen;
		s += len;
	}
	out[o] = '\0';
}

static bool is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Folded text with only letters and digits left ("E-Mail" → "email"). */
static void fold_key(const char *in, char *out, size_t n)
{
	size_t i, o = 0;

	candidate_fold_text(in, out, n);
	for (i = 0; out[i] != '\0'; i++)
		if (is_ascii_alnum((unsigned char)out[i]) || (unsigned char)out[i] >= 0x80)
			out[o++] = out[i];
	out[o] = '\0';
}

/* --- validation ------------------------------------------------------------ */

/* Collects problems up to the caller's limit. */
struct problems {
	struct field_problem *out;
	size_t max;
	size_t n;
};

static void problem(struct problems *ps, const char *field, const char *message)
{
	if (ps->n < ps->max) {
		ps->out[ps->n].field = field;
		ps->out[ps->n].message = message;
		ps->n++;
	}
}

static bool blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!is_space((unsigned char)*s))
			return false;
	return true;
}

/* A text field that fits its array and is valid UTF-8. */
static bool text_ok(const char *s, size_t size)
{
	size_t len = strnlen(s, size);

	return len < size && utf8_valid(s, len);
}

bool candidate_email_plausible(const char *email)
{
	const char *at, *dot, *p;
	size_t len;

	if (email == NULL)
		return false;
	len = strlen(email);
	at = strchr(email, '@');
	if (len > CANDIDATE_EMAIL_MAX || at == NULL || at == email || strchr(at + 1, '@') != NULL)
		return false;
	if (at - email > 64 || email[0] == '.' || at[-1] == '.')
		return false;
	for (p = email; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= ' ' || c == 0x7F || strchr("<>()[],;:\\\"", c) != NULL)
			return false;
		if (c == '.' && p[1] == '.')
			return false;
	}
	dot = strrchr(at + 1, '.');
	if (dot == NULL || at[1] == '.' || at[1] == '-' || strlen(dot + 1) < 2)
		return false;
	return true;
}

/* Plausible phone: digits with the usual separators, an optional leading
 * "+", and 5 to 15 digits in international form (E.164). */
static bool phone_plausible(const char *phone)
{
	char norm[CANDIDATE_PHONE_MAX + 8];
	const char *p = phone;
	size_t digits;

	while (is_space((unsigned char)*p))
		p++;
	if (*p == '+')
		p++;
	for (; *p != '\0'; p++)
		if (strchr("0123456789 ()/-.", *p) == NULL)
			return false;
	candidate_normalise_phone(phone, norm, sizeof norm);
	digits = strlen(norm);
	return digits >= 5 && digits <= 15;
}

void candidate_init(struct candidate *c)
{
	memset(c, 0, sizeof *c);
	c->notice_period_weeks = -1;
}

size_t candidate_validate(const struct candidate *c, struct field_problem *out, size_t max)
{
	struct problems ps = { out, max, 0 };
	static const struct {
		const char *field;
		size_t offset, size;
	} texts[] = {
#define TEXT_FIELD(f) { #f, offsetof(struct candidate, f), sizeof(((struct candidate *)0)->f) }
		TEXT_FIELD(first_name), TEXT_FIELD(last_name), TEXT_FIELD(email), TEXT_FIELD(phone),
		TEXT_FIELD(current_role), TEXT_FIELD(current_company), TEXT_FIELD(location),
		TEXT_FIELD(currency), TEXT_FIELD(languages), TEXT_FIELD(links), TEXT_FIELD(tags),
		TEXT_FIELD(channel), TEXT_FIELD(referrer), TEXT_FIELD(event),
#undef TEXT_FIELD
	};
	bool ok[sizeof texts / sizeof texts[0]];
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		ok[i] = text_ok((const char *)c + texts[i].offset, texts[i].size);
		if (!ok[i])
			problem(&ps, texts[i].field, N_("This field is too long or not valid UTF-8 text."));
	}
	/* ok[0..3]: first_name, last_name, email, phone (order of texts[]). */
	if (ok[0] && ok[1] && blank(c->first_name) && blank(c->last_name))
		problem(&ps, "last_name", N_("Please enter the candidate's name."));
	if (ok[2] && !blank(c->email) && !candidate_email_plausible(c->email))
		problem(&ps, "email", N_("This does not look like an email address."));
	if (ok[3] && !blank(c->phone) && !phone_plausible(c->phone))
		problem(&ps, "phone", N_("This does not look like a phone number."));
	if (c->notice_period_weeks < -1 || c->notice_period_weeks > CANDIDATE_NOTICE_WEEKS_MAX)
		problem(&ps, "notice_period_weeks", N_("The notice period must be between 0 and 104 weeks."));
	if (c->salary_expectation < 0)
		problem(&ps, "salary_expectation", N_("The salary must not be negative."));
	if (c->currency[0] != '\0' &&
	    (strlen(c->currency) != 3 || strspn(c->currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3))
		problem(&ps, "currency", N_("The currency must be a three-letter ISO 4217 code such as EUR."));
	return ps.n;
}

/* --- normalisation --------------------------------------------------------- */

/* Copies s into out (size n), truncating. */
static void copy_out(char *out, size_t n, const char *s, size_t len)
{
	if (n == 0)
		return;
	if (len >= n)
		len = n - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

void candidate_normalise_email(const char *in, char *out, size_t n)
{
	char tmp[CANDIDATE_EMAIL_MAX + 2];
	const char *s = in != NULL ? in : "";
	size_t len, i;
	char *at, *plus;

	while (is_space((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_space((unsigned char)s[len - 1]))
		len--;
	if (len >= sizeof tmp)
		len = sizeof tmp - 1;
	for (i = 0; i < len; i++)
		tmp[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i]);
	tmp[len] = '\0';
	at = strrchr(tmp, '@');
	if (at != NULL && (strcmp(at + 1, "gmail.com") == 0 || strcmp(at + 1, "googlemail.com") == 0)) {
		strcpy(at + 1, "gmail.com");
		plus = memchr(tmp, '+', (size_t)(at - tmp));
		if (plus != NULL)
			memmove(plus, at, strlen(at) + 1);
	}
	copy_out(out, n, tmp, strlen(tmp));
}

void candidate_normalise_phone(const char *in, char *out, size_t n)
{
	char digits[64];
	const char *s = in != NULL ? in : "";
	const char *d;
	char res[72];
	size_t nd = 0;
	bool plus;

	while (is_space((unsigned char)*s))
		s++;
	plus = *s == '+';
	for (; *s != '\0' && nd + 1 < sizeof digits; s++) {
		if (s[0] == '(' && s[1] == '0' && s[2] == ')') {
			s += 2;  /* "+49 (0)171": the trunk prefix in brackets */
			continue;
		}
		if (*s >= '0' && *s <= '9')
			digits[nd++] = *s;
	}
	digits[nd] = '\0';
	d = digits;
	if (nd == 0) {
		res[0] = '\0';
	} else if (plus) {
		snprintf(res, sizeof res, "%s", d);
	} else if (d[0] == '0' && d[1] == '0') {
		snprintf(res, sizeof res, "%s", d + 2);
	} else if (d[0] == '0') {
		snprintf(res, sizeof res, "49%s", d + 1);  /* default country: Germany */
	} else {
		snprintf(res, sizeof res, "%s", d);
	}
	/* "+49 0171…": a trunk zero written after the country code. */
	if (res[0] == '4' && res[1] == '9' && res[2] == '0')
		memmove(res + 2, res + 3, strlen(res + 3) + 1);
	copy_out(out, n, res, strlen(res));
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define NAME_PARTS_MAX 16

void candidate_normalise_name(const char *in, char *out, size_t n)
{
	char folded[2 * CANDIDATE_NAME_MAX + 8];
	char *parts[NAME_PARTS_MAX];
	size_t nparts = 0, i, o = 0;
	char *p;

	if (n == 0)
		return;
	candidate_fold_text(in, folded, sizeof folded);
	for (p = folded; *p != '\0'; p++)
		if (!is_ascii_alnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			*p = ' ';
	for (p = folded; *p != '\0' && nparts < NAME_PARTS_MAX;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		parts[nparts++] = p;
		while (*p != ' ' && *p != '\0')
			p++;
		if (*p == ' ')
			*p++ = '\0';
	}
	qsort(parts, nparts, sizeof parts[0], compare_strings);
	out[0] = '\0';
	for (i = 0; i < nparts; i++) {
		size_t len = strlen(parts[i]);

		if (o + len + (i > 0) >= n)
			break;
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, parts[i], len);
		o += len;
		out[o] = '\0';
	}
}

/* --- duplicates ------------------------------------------------------------ */

static void full_name_key(const struct candidate *c, char *out, size_t n)
{
	char full[2 * CANDIDATE_NAME_MAX + 4];

	snprintf(full, sizeof full, "%s %s", c->first_name, c->last_name);
	candidate_normalise_name(full, out, n);
}

/* Equal after folding, ignoring punctuation and spaces; never for "". */
static bool same_text(const char *a, const char *b)
{
	char ka[CANDIDATE_TEXT_MAX * 2 + 2], kb[CANDIDATE_TEXT_MAX * 2 + 2];

	fold_key(a, ka, sizeof ka);
	fold_key(b, kb, sizeof kb);
	return ka[0] != '\0' && strcmp(ka, kb) == 0;
}

int candidate_duplicate_score(const struct candidate *a, const struct candidate *b, char *reason, size_t n)
{
	char x[CANDIDATE_EMAIL_MAX + 2], y[CANDIDATE_EMAIL_MAX + 2];
	const char *why = "";
	int score = 0;

	candidate_normalise_email(a->email, x, sizeof x);
	candidate_normalise_email(b->email, y, sizeof y);
	if (x[0] != '\0' && strcmp(x, y) == 0) {
		score = 100;
		why = N_("Same email address");
		goto done;
	}
	candidate_normalise_phone(a->phone, x, sizeof x);
	candidate_normalise_phone(b->phone, y, sizeof y);
	if (x[0] != '\0' && strcmp(x, y) == 0) {
		score = 90;
		why = N_("Same phone number");
		goto done;
	}
	full_name_key(a, x, sizeof x);
	full_name_key(b, y, sizeof y);
	if (x[0] != '\0' && strcmp(x, y) == 0) {
		if (same_text(a->current_company, b->current_company)) {
			score = 70;
			why = N_("Same name and company");
		} else if (same_text(a->location, b->location)) {
			score = 70;
			why = N_("Same name and location");
		} else {
			score = 40;
			why = N_("Same name");
		}
	}
done:
	if (reason != NULL && n > 0)
		copy_out(reason, n, why, strlen(why));
	return score;
}

bool candidate_is_duplicate(int score)
{
	return score >= CANDIDATE_DUPLICATE_THRESHOLD;
}

/* --- CSV header mapping ---------------------------------------------------- */

static const char *const FIELD_CODES[CANDIDATE_FIELD__COUNT] = {
	"name", "first_name", "last_name", "email", "phone", "current_role", "current_company", "location",
	"notice_period", "salary_expectation", "languages", "links", "tags", "channel", "notes",
};

/* Header names the import recognises besides the field codes; compared
 * after fold_key(), so case, accents, spaces and hyphens do not matter. */
static const struct {
	enum candidate_field field;
	const char *name;
} HEADER_ALIASES[] = {
	{ CANDIDATE_FIELD_NAME, "Full name" },
	{ CANDIDATE_FIELD_NAME, "Vollständiger Name" },
	{ CANDIDATE_FIELD_NAME, "Kandidat" },
	{ CANDIDATE_FIELD_NAME, "Kandidatin" },
	{ CANDIDATE_FIELD_NAME, "Candidate" },
	{ CANDIDATE_FIELD_FIRST_NAME, "Vorname" },
	{ CANDIDATE_FIELD_FIRST_NAME, "Given name" },
	{ CANDIDATE_FIELD_LAST_NAME, "Nachname" },
	{ CANDIDATE_FIELD_LAST_NAME, "Familienname" },
	{ CANDIDATE_FIELD_LAST_NAME, "Surname" },
	{ CANDIDATE_FIELD_LAST_NAME, "Family name" },
	{ CANDIDATE_FIELD_EMAIL, "Mail" },
	{ CANDIDATE_FIELD_EMAIL, "Email address" },
	{ CANDIDATE_FIELD_EMAIL, "E-Mail-Adresse" },
	{ CANDIDATE_FIELD_PHONE, "Telephone" },
	{ CANDIDATE_FIELD_PHONE, "Phone number" },
	{ CANDIDATE_FIELD_PHONE, "Mobile" },
	{ CANDIDATE_FIELD_PHONE, "Telefon" },
	{ CANDIDATE_FIELD_PHONE, "Telefonnummer" },
	{ CANDIDATE_FIELD_PHONE, "Mobil" },
	{ CANDIDATE_FIELD_PHONE, "Mobilnummer" },
	{ CANDIDATE_FIELD_PHONE, "Handy" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Role" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Job title" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Position" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Aktuelle Position" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Aktuelle Rolle" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Rolle" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Funktion" },
	{ CANDIDATE_FIELD_CURRENT_ROLE, "Jobtitel" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Company" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Employer" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Current employer" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Firma" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Unternehmen" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Arbeitgeber" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Aktueller Arbeitgeber" },
	{ CANDIDATE_FIELD_CURRENT_COMPANY, "Aktuelles Unternehmen" },
	{ CANDIDATE_FIELD_LOCATION, "City" },
	{ CANDIDATE_FIELD_LOCATION, "Ort" },
	{ CANDIDATE_FIELD_LOCATION, "Wohnort" },
	{ CANDIDATE_FIELD_LOCATION, "Standort" },
	{ CANDIDATE_FIELD_LOCATION, "Stadt" },
	{ CANDIDATE_FIELD_NOTICE_PERIOD, "Notice period (weeks)" },
	{ CANDIDATE_FIELD_NOTICE_PERIOD, "Kündigungsfrist" },
	{ CANDIDATE_FIELD_NOTICE_PERIOD, "Kündigungsfrist (Wochen)" },
	{ CANDIDATE_FIELD_SALARY_EXPECTATION, "Salary" },
	{ CANDIDATE_FIELD_SALARY_EXPECTATION, "Expected salary" },
	{ CANDIDATE_FIELD_SALARY_EXPECTATION, "Gehaltsvorstellung" },
	{ CANDIDATE_FIELD_SALARY_EXPECTATION, "Gehaltswunsch" },
	{ CANDIDATE_FIELD_SALARY_EXPECTATION, "Wunschgehalt" },
	{ CANDIDATE_FIELD_SALARY_EXPECTATION, "Gehalt" },
	{ CANDIDATE_FIELD_LANGUAGES, "Language skills" },
	{ CANDIDATE_FIELD_LANGUAGES, "Sprachen" },
	{ CANDIDATE_FIELD_LANGUAGES, "Sprachkenntnisse" },
	{ CANDIDATE_FIELD_LINKS, "Link" },
	{ CANDIDATE_FIELD_LINKS, "URLs" },
	{ CANDIDATE_FIELD_LINKS, "Profil" },
	{ CANDIDATE_FIELD_LINKS, "Profile" },
	{ CANDIDATE_FIELD_TAGS, "Schlagworte" },
	{ CANDIDATE_FIELD_TAGS, "Schlagwörter" },
	{ CANDIDATE_FIELD_TAGS, "Stichworte" },
	{ CANDIDATE_FIELD_TAGS, "Labels" },
	{ CANDIDATE_FIELD_CHANNEL, "Source" },
	{ CANDIDATE_FIELD_CHANNEL, "Source channel" },
	{ CANDIDATE_FIELD_CHANNEL, "Kanal" },
	{ CANDIDATE_FIELD_CHANNEL, "Quelle" },
	{ CANDIDATE_FIELD_CHANNEL, "Herkunft" },
	{ CANDIDATE_FIELD_NOTES, "Note" },
	{ CANDIDATE_FIELD_NOTES, "Comment" },
	{ CANDIDATE_FIELD_NOTES, "Comments" },
	{ CANDIDATE_FIELD_NOTES, "Notizen" },
	{ CANDIDATE_FIELD_NOTES, "Notiz" },
	{ CANDIDATE_FIELD_NOTES, "Bemerkung" },
	{ CANDIDATE_FIELD_NOTES, "Bemerkungen" },
	{ CANDIDATE_FIELD_NOTES, "Kommentar" },
};

const char *candidate_field_code(enum candidate_field f)
{
	return (unsigned)f < CANDIDATE_FIELD__COUNT ? FIELD_CODES[f] : "";
}

int candidate_field_for_header(const char *header)
{
	char key[128], other[128];
	size_t i;

	fold_key(header, key, sizeof key);
	if (key[0] == '\0')
		return -1;
	for (i = 0; i < CANDIDATE_FIELD__COUNT; i++) {
		fold_key(FIELD_CODES[i], other, sizeof other);
		if (strcmp(key, other) == 0)
			return (int)i;
	}
	for (i = 0; i < sizeof HEADER_ALIASES / sizeof HEADER_ALIASES[0]; i++) {
		fold_key(HEADER_ALIASES[i].name, other, sizeof other);
		if (strcmp(key, other) == 0)
			return (int)HEADER_ALIASES[i].field;
	}
	return -1;
}

size_t candidate_csv_map_header(const struct csv_table *t, int *column_field)
{
	bool taken[CANDIDATE_FIELD__COUNT] = { false };
	size_t i, mapped = 0;

	for (i = 0; i < t->cols; i++) {
		int f = t->rows > 0 ? candidate_field_for_header(csv_cell(t, 0, i)) : -1;

		if (f >= 0 && !taken[f]) {
			taken[f] = true;
			column_field[i] = f;
			mapped++;
		} else {
			column_field[i] = -1;
		}
	}
	return mapped;
}
