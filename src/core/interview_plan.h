/*
 * interview_plan.h — the pure rules of structured interviews (R-INT-2..5,
 * R-GUARD-4): the anchored 1–4 rating scale, recommendation codes, the
 * quality mark of the candidate's own questions, the default three rounds
 * of a plan, default focus competencies per stakeholder role,
 * the round-count guard, interview kits with their canonical JSON form, and
 * focus strings.
 *
 * Codes are stable (database, API, forms); labels are English msgids (N_)
 * that the web and CLI layers translate. Nothing here does I/O or reads the
 * clock, and nothing allocates. Question types (R-INT-1) live in
 * core/question_bank.h.
 *
 * Guard rule ids are part of the interface (API, UI, tests):
 *   guard.too_many_rounds   warning   more than three interview rounds (R-GUARD-4)
 */
#ifndef STELLWERK_CORE_INTERVIEW_PLAN_H
#define STELLWERK_CORE_INTERVIEW_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/profile.h"
#include "core/profile_check.h"   /* enum severity */

/* --- rating scale (R-INT-5) -------------------------------------------------
 * Four anchored steps, no neutral middle. */
#define RATING_MIN 1
#define RATING_MAX 4

bool rating_valid(int rating);                 /* 1..4 */
/* Anchor text of a rating: 1 N_("Clearly below the requirement"),
 * 2 N_("Partly meets the requirement"), 3 N_("Meets the requirement"),
 * 4 N_("Clearly exceeds the requirement"); NULL outside 1..4. */
const char *rating_anchor(int rating);
/* Short label for tight spaces (matrix cells, chart axis): N_("Below"),
 * N_("Partly"), N_("Meets"), N_("Exceeds"); NULL outside 1..4. */
const char *rating_short_label(int rating);

/* --- recommendation (R-INT-5) ---------------------------------------------- */
enum recommendation { RECOMMENDATION_NONE, RECOMMENDATION_STRONG_NO, RECOMMENDATION_NO, RECOMMENDATION_YES,
		      RECOMMENDATION_STRONG_YES, RECOMMENDATION__COUNT };

const char *recommendation_code(enum recommendation r);   /* "", "strong_no", "no", "yes", "strong_yes" */
const char *recommendation_label(enum recommendation r);  /* N_("No recommendation yet"), N_("Strong no"), N_("No"), N_("Yes"), N_("Strong yes") */
bool recommendation_parse(const char *code, enum recommendation *out);   /* "" → RECOMMENDATION_NONE */

/* --- quality of the candidate's own questions (R-INT-5) -------------------- */
enum question_quality { QUESTION_QUALITY_NONE, QUESTION_QUALITY_SUBSTANTIVE, QUESTION_QUALITY_SUPERFICIAL,
			QUESTION_QUALITY__COUNT };

const char *question_quality_code(enum question_quality q);   /* "", "substantive", "superficial" */
const char *question_quality_label(enum question_quality q);  /* N_("Not marked"), N_("Substantive"), N_("Superficial") */
bool question_quality_parse(const char *code, enum question_quality *out);   /* "" → QUESTION_QUALITY_NONE */

/* --- competencies ------------------------------------------------------------ */
#define COMPETENCY_KEY_MAX 48                    /* buffer size; keys are 1..47 bytes */
/* The pseudo-competency every plan offers besides the role template's ones:
 * realism of salary expectations (the CFO's focus, R-INT-4). The same
 * definition as in question_bank.h (question types live there too). */
#ifndef COMPETENCY_SALARY_REALISM
#define COMPETENCY_SALARY_REALISM "salary_realism"
#endif
const char *salary_realism_label(void);          /* N_("Realism of salary expectations") */
/* A syntactically valid competency key: [a-z][a-z0-9_]*, 1..47 bytes. */
bool competency_key_valid(const char *key);

/* --- default rounds (R-INT-2) ---------------------------------------------- */
struct default_round {
	int ord;                                 /* 1..3 */
	const char *name;                        /* English msgid */
	const char *stage;                       /* pipeline stage code */
	int duration_minutes;
};

#define DEFAULT_ROUND_COUNT 3
/* 1 N_("First interview") first_interview 45 min, 2 N_("In-depth interview
 * with stakeholders") deep_interview 90 min, 3 N_("Final interview")
 * final_interview 60 min. */
extern const struct default_round DEFAULT_ROUNDS[DEFAULT_ROUND_COUNT];

#define ROUND_NAME_MAX 120                       /* bytes of a round's name (as store/interview_plans.h) */
#define ROUND_DURATION_MIN 15                    /* minutes */
#define ROUND_DURATION_MAX 600                   /* same value as store/interview_plans.h */

/* --- default focus per stakeholder role (R-INT-4) ---------------------------
 * head_of_engineering → industry_knowledge; bdm → strategic_thinking;
 * cfo → salary_realism; sales_head → negotiation, relationship_management;
 * managing_director → entrepreneurial_thinking, cultural_fit;
 * hr → cultural_fit, empathy_and_active_listening; other → none.
 * When `allowed` is not NULL, keys not in allowed[0..nallowed) are left out
 * (a BDM position has no industry_knowledge). Writes at most max static
 * strings to out; returns how many. */
size_t interview_default_focus(enum stakeholder_role role, const char *const *allowed, size_t nallowed,
			       const char **out, size_t max);

/* --- guard findings ---------------------------------------------------------
 * One finding of a process guardrail (R-GUARD-*). Step 6 adds more rules with
 * the same shape. `message` is an English msgid without format arguments. */
struct guard_finding {
	const char *rule;                        /* stable id, e.g. "guard.too_many_rounds" */
	enum severity severity;
	const char *message;
};

#define GUARD_MAX_ROUNDS 3
/* R-GUARD-4: more than three rounds → guard.too_many_rounds (warning).
 * Writes at most max findings; returns how many. */
size_t interview_rounds_check(size_t nrounds, struct guard_finding *out, size_t max);

/* --- problems in plan input ---------------------------------------------------
 * `field` names what is wrong: "kit", "questions", "exercises",
 * "questions[3]", "focus", or a focus key; `message` is an English msgid. */
struct plan_problem {
	char field[COMPETENCY_KEY_MAX + 16];
	const char *message;
};

/* --- kits (R-INT-3) ---------------------------------------------------------
 * The ordered core questions and exercises of a round. A question ref is
 * "custom.<id>" (a positive decimal id without leading zero) or a built-in
 * bank key "<role>.<…>" (e.g. "kam.rel.01": 2..KIT_REF_LEN_MAX bytes of a-z, 0-9, _ and
 * single dots, starting with a letter, at least one dot, not ending in a dot,
 * as question_bank.c checks). An exercise key has the same syntax, the dot
 * optional (e.g. "sales.role_play", exercises.h). No ref or key may appear
 * twice. Order matters: two kits are equal only with the same refs in the
 * same order. */
#define KIT_MAX_QUESTIONS 30
#define KIT_MAX_EXERCISES 6
#define KIT_REF_MAX 64                           /* buffer size of one ref */
#define KIT_REF_LEN_MAX 47                       /* longest valid ref in bytes (QUESTION_KEY_MAX 48 incl. NUL) */
#define KIT_JSON_MAX 8000                        /* always holds kit_to_json() (as store/interview_plans.h) */
#define KIT_JSON_EMPTY "{\"questions\":[],\"exercises\":[]}"

struct kit {
	char questions[KIT_MAX_QUESTIONS][KIT_REF_MAX];
	size_t nquestions;
	char exercises[KIT_MAX_EXERCISES][KIT_REF_MAX];
	size_t nexercises;
};

bool kit_question_ref_valid(const char *ref);
bool kit_exercise_key_valid(const char *key);
/* Checks refs, keys, limits and duplicates of a kit built from a form. Writes
 * at most max problems; returns how many (0 = valid). */
size_t kit_validate(const struct kit *k, struct plan_problem *out, size_t max);
/* Canonical JSON: {"questions":[…],"exercises":[…]} in this key order, no
 * whitespace, so equal kits give equal strings. false (out = "") if n is too
 * small or the kit is not valid; KIT_JSON_MAX always suffices for a valid kit. */
bool kit_to_json(const struct kit *k, char *out, size_t n);
/* Strict parse: an object with exactly "questions" and "exercises", both
 * arrays of strings passing the rules above. On failure returns false, leaves
 * *out empty and, when err is not NULL, names the field in *err. */
bool kit_from_json(const char *json, struct kit *out, struct plan_problem *err);
bool kit_equal(const struct kit *a, const struct kit *b);
/* R-INT-3: whether creating an interview needs a new kit version: true when
 * there is no version yet (latest NULL) or the current kit differs from it. */
bool kit_needs_new_version(const struct kit *current, const struct kit *latest);

/* --- focus strings (R-INT-4) ------------------------------------------------
 * Focus competencies are stored as comma-separated keys ("negotiation,
 * relationship_management"). */
#define FOCUS_MAX 12

struct focus {
	char keys[FOCUS_MAX][COMPETENCY_KEY_MAX];
	size_t n;
};

/* Parses s (NULL or "" = no focus): keys separated by commas, surrounding
 * blanks ignored, empty items skipped, repeated keys kept once. Every key
 * must be syntactically valid and, when allowed is not NULL, one of
 * allowed[0..nallowed). On failure returns false, leaves *out empty and, when
 * err is not NULL, names the offending key (or "focus") in *err. */
bool focus_parse(const char *s, const char *const *allowed, size_t nallowed, struct focus *out,
		 struct plan_problem *err);
/* "a,b,c" without blanks; false (out truncated, NUL-terminated) if n is too
 * small. FOCUS_MAX * COMPETENCY_KEY_MAX bytes always suffice. */
bool focus_format(const struct focus *f, char *out, size_t n);
bool focus_contains(const struct focus *f, const char *key);

#endif
