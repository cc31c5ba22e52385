/*
 * candidate.h — the candidate record (R-CAND-1) as a plain struct, its
 * validation, the normalisation of email, phone and name that duplicate
 * detection compares (R-CAND-5), and the mapping of CSV header cells to
 * candidate fields for the import (R-CAND-4).
 */
#ifndef STELLWERK_CORE_CANDIDATE_H
#define STELLWERK_CORE_CANDIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/position.h"

struct csv_table;

#define CANDIDATE_NAME_MAX 100
#define CANDIDATE_EMAIL_MAX 254           /* RFC 5321 path limit */
#define CANDIDATE_PHONE_MAX 40
#define CANDIDATE_TEXT_MAX 160            /* role, company, location, referrer, event */
#define CANDIDATE_LIST_MAX 500            /* languages, tags */
#define CANDIDATE_LINKS_MAX 1000
#define CANDIDATE_NOTICE_WEEKS_MAX 104
#define CANDIDATE_DUPLICATE_THRESHOLD 70

/* A candidate. Text is UTF-8; the arrays have room for the limits above.
 * Numbers that were not given are -1 (notice period) and 0 (salary). */
struct candidate {
	int64_t id;
	char first_name[CANDIDATE_NAME_MAX + 1];
	char last_name[CANDIDATE_NAME_MAX + 1];
	char email[CANDIDATE_EMAIL_MAX + 1];
	char phone[CANDIDATE_PHONE_MAX + 1];
	char current_role[CANDIDATE_TEXT_MAX + 1];
	char current_company[CANDIDATE_TEXT_MAX + 1];
	char location[CANDIDATE_TEXT_MAX + 1];
	int notice_period_weeks;              /* -1 = unknown, 0 = available now */
	int64_t salary_expectation;           /* whole currency units per year; 0 = not given */
	char currency[4];                     /* ISO 4217, "EUR"; "" with no salary */
	char languages[CANDIDATE_LIST_MAX + 1];  /* "Deutsch C2, Englisch C1" */
	char links[CANDIDATE_LINKS_MAX + 1];  /* URLs separated by white space */
	char tags[CANDIDATE_LIST_MAX + 1];    /* comma separated */
	char channel[32];                     /* source channel code, e.g. "linkedin" */
	char referrer[CANDIDATE_TEXT_MAX + 1];   /* for referrals */
	char event[CANDIDATE_TEXT_MAX + 1];      /* for events and fairs */
	int64_t created_at;
};

/* Clears c and sets the "not given" values. */
void candidate_init(struct candidate *c);

/* Checks a candidate: a first or last name, a plausible email when one is
 * given, a plausible phone number when one is given, notice period and
 * salary in range, currency of three capital letters, and every text valid
 * UTF-8 within its limit. Writes at most max problems; returns how many. */
size_t candidate_validate(const struct candidate *c, struct field_problem *out, size_t max);

/* True for an address of the form local@domain.tld without spaces or
 * control characters; a plausibility check, not RFC 5322. */
bool candidate_email_plausible(const char *email);

/* Normalisations for duplicate detection (R-CAND-5). Each writes a
 * NUL-terminated result of at most n - 1 bytes ("" when nothing is left).
 *
 * email: trimmed and lowercased; googlemail.com becomes gmail.com and for
 *        gmail a "+tag" in the local part is dropped.
 * phone: digits only in international form without "+": "+49", "0049" and a
 *        leading trunk "0" (default country Germany) all give "49…"; a "(0)"
 *        after the country code is dropped.
 * name:  lowercased, umlauts transliterated (ä→ae, ß→ss), other accents
 *        stripped, punctuation dropped, and the parts sorted, so
 *        "Müller, Anna" and "Anna Mueller" both give "anna mueller". */
void candidate_normalise_email(const char *in, char *out, size_t n);
void candidate_normalise_phone(const char *in, char *out, size_t n);
void candidate_normalise_name(const char *in, char *out, size_t n);

/* Lowercased ASCII transliteration of UTF-8 text for comparisons: ä→ae,
 * ö→oe, ü→ue, ß→ss, accented Latin letters without their accents; other
 * non-ASCII characters are kept as they are. */
void candidate_fold_text(const char *in, char *out, size_t n);

/* How likely a and b are the same person, 0..100: same normalised email 100,
 * same phone 90, same name and same company or location 70, same name only
 * 40, otherwise 0. reason receives an English msgid ("Same email address", …)
 * or "" (may be NULL). */
int candidate_duplicate_score(const struct candidate *a, const struct candidate *b, char *reason, size_t n);
bool candidate_is_duplicate(int score);  /* score >= CANDIDATE_DUPLICATE_THRESHOLD */

/* The fields a CSV import can fill. CANDIDATE_FIELD_NAME is a full name
 * ("Anna Müller" or "Müller, Anna") for files without separate columns. */
enum candidate_field {
	CANDIDATE_FIELD_NAME,
	CANDIDATE_FIELD_FIRST_NAME,
	CANDIDATE_FIELD_LAST_NAME,
	CANDIDATE_FIELD_EMAIL,
	CANDIDATE_FIELD_PHONE,
	CANDIDATE_FIELD_CURRENT_ROLE,
	CANDIDATE_FIELD_CURRENT_COMPANY,
	CANDIDATE_FIELD_LOCATION,
	CANDIDATE_FIELD_NOTICE_PERIOD,
	CANDIDATE_FIELD_SALARY_EXPECTATION,
	CANDIDATE_FIELD_LANGUAGES,
	CANDIDATE_FIELD_LINKS,
	CANDIDATE_FIELD_TAGS,
	CANDIDATE_FIELD_CHANNEL,
	CANDIDATE_FIELD_NOTES,
	CANDIDATE_FIELD__COUNT
};

/* Stable code of a field ("first_name", …), also its canonical CSV header. */
const char *candidate_field_code(enum candidate_field f);

/* The field a CSV header cell names, or -1. Matching ignores case, accents,
 * spaces and punctuation and knows German and English aliases: "E-Mail",
 * "Vorname", "Nachname", "Telefon", "Kündigungsfrist",
 * "Gehaltsvorstellung", … */
int candidate_field_for_header(const char *header);

/* Maps the header row of t: column_field[i] (t->cols entries) receives the
 * field of column i or -1 for a column that is unknown or names a field an
 * earlier column already took. Returns the number of mapped columns. */
size_t candidate_csv_map_header(const struct csv_table *t, int *column_field);

#endif
