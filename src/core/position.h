/*
 * position.h — the hiring company (organisation) and the position (Stelle)
 * as plain structs, with the enumerations and validation rules every layer
 * shares (R-PROF-8 for the known challenges of the role).
 */
#ifndef STELLWERK_CORE_POSITION_H
#define STELLWERK_CORE_POSITION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An organisation: the company that hires. Executive-search consultants keep
 * one per client. `state` is the ISO 3166-2 code of the Bundesland ("DE-HH"). */
struct organisation {
	int64_t id;
	char name[160];
	char website[256];
	char street[160];
	char postal_code[16];
	char city[96];
	char country[3];       /* ISO 3166-1 alpha-2, "DE" */
	char state[8];         /* ISO 3166-2, "DE-HH"; "" outside Germany */
	char logo_url[256];    /* https URL or "" */
	int64_t created_at;
};

enum position_status { POSITION_DRAFT, POSITION_OPEN, POSITION_PAUSED, POSITION_FILLED, POSITION_CLOSED, POSITION_STATUS__COUNT };
enum remote_policy { REMOTE_ONSITE, REMOTE_HYBRID, REMOTE_FULL, REMOTE__COUNT };
enum employment_type { EMPLOYMENT_FULL_TIME, EMPLOYMENT_PART_TIME, EMPLOYMENT_CONTRACT, EMPLOYMENT_TEMPORARY, EMPLOYMENT__COUNT };

#define POSITION_TITLE_MAX 160
#define POSITION_TEXT_MAX 4000

struct position {
	int64_t id;
	int64_t organisation_id;
	char template_key[48];       /* role template it was created from, e.g. "kam" */
	char title[POSITION_TITLE_MAX];
	char department[120];
	char location[120];
	enum remote_policy remote;
	enum employment_type employment;
	int headcount;
	int64_t salary_min;          /* whole currency units per year; 0 = not set */
	int64_t salary_max;
	char currency[4];            /* ISO 4217, "EUR" */
	char target_start[11];       /* YYYY-MM-DD or "" */
	int64_t owner_id;            /* user responsible */
	enum position_status status;
	char challenges[POSITION_TEXT_MAX]; /* known difficulties of the role (R-PROF-8) */
	int approved_version;        /* newest approved profile version, 0 = none */
	int64_t created_at;
	int64_t opened_at;           /* first time the status became "open", 0 = never */
};

/* Stable codes used in the database, the API and the UI. */
const char *position_status_code(enum position_status s);   /* "draft", "open", "paused", "filled", "closed" */
const char *position_status_label(enum position_status s);  /* N_("Draft") ... */
bool position_status_parse(const char *code, enum position_status *out);
const char *remote_policy_code(enum remote_policy r);       /* "onsite", "hybrid", "remote" */
const char *remote_policy_label(enum remote_policy r);
bool remote_policy_parse(const char *code, enum remote_policy *out);
const char *employment_type_code(enum employment_type e);   /* "full_time", "part_time", "contract", "temporary" */
const char *employment_type_label(enum employment_type e);
bool employment_type_parse(const char *code, enum employment_type *out);

/* German Bundesländer as ISO 3166-2 codes with their names (not translated). */
struct bundesland {
	const char *code;
	const char *name;
};
extern const struct bundesland BUNDESLAENDER[16];
bool bundesland_valid(const char *code);

/* One validation problem: the field (API/form name) and an English msgid. */
struct field_problem {
	const char *field;
	const char *message;
};

/* Checks a position's own fields (title present, headcount 1–999, salary
 * min ≤ max and non-negative, currency of three capital letters, target start
 * a real date). Writes at most max problems; returns how many. */
size_t position_validate(const struct position *p, struct field_problem *out, size_t max);
/* Checks name present, website http(s) or empty, state valid or empty. */
size_t organisation_validate(const struct organisation *o, struct field_problem *out, size_t max);

/* Whole days from `since` to `now` (0 when since is 0 or in the future). */
int64_t days_between(int64_t since, int64_t now);

#endif
