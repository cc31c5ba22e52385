/*
 * interview_view.h — what the interview pages share when they render
 * (R-INT-1..6, R-SALES-1..2): the competencies a position's plan offers
 * with their labels in the request's language, round names (the default
 * rounds' names are msgids and shown translated), questions of the bank
 * resolved by their ref (built-in "kam.rel.01" or own "custom.<id>"), the
 * anchored 1–4 rating scale, focus badges and an exercise with its rubric.
 *
 * Used by the plan and question bank pages and available to the kit,
 * scorecard and evaluation pages. Everything returned lives in the bank
 * (static, read-only) or in the request's arena.
 */
#ifndef STELLWERK_WEB_INTERVIEW_VIEW_H
#define STELLWERK_WEB_INTERVIEW_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/position.h"
#include "core/role_template.h"
#include "web/request.h"

struct exercise;

#define IV_KEY_MAX 48                                     /* competency key incl. NUL */
#define IV_MAX_COMPETENCIES (TEMPLATE_MAX_COMPETENCIES + 1) /* the template's + salary_realism */
#define IV_REF_MAX 64                                     /* question ref incl. NUL */
#define IV_MAX_FOLLOW_UPS 6

/* One competency a plan offers; label in the request's language. */
struct iv_competency {
	char key[IV_KEY_MAX];
	const char *label;
};

/* The competencies a plan offers, in template order, salary_realism last. */
struct iv_competencies {
	char template_key[TEMPLATE_KEY_MAX];                 /* "" when the position has none */
	struct iv_competency items[IV_MAX_COMPETENCIES];
	size_t n;
};

/* The competencies of position p: its role template's, else those its
 * profile's requirements link; then salary_realism. Never fails (a broken
 * template leaves just salary_realism). */
void iv_competencies_for_position(struct request *r, const struct position *p, struct iv_competencies *out);
/* The competencies of role template key (and salary_realism). */
void iv_competencies_for_template(struct request *r, const char *template_key, struct iv_competencies *out);
bool iv_competency_known(const struct iv_competencies *c, const char *key);
/* The label of key: from c (may be NULL), else from any built-in template,
 * else the key itself. Never NULL. */
const char *iv_competency_label(struct request *r, const struct iv_competencies *c, const char *key);
/* The keys of c as an array for core's allowed-lists (arena). */
const char *const *iv_competency_keys(struct request *r, const struct iv_competencies *c);

/* The name of a round as shown: a default round name (core's English
 * msgid) in the request's language, any other name as typed. */
const char *iv_round_name(const char *stored);
/* The stored form of a submitted round name: when it is the translation
 * of a default round name, that msgid (so it keeps being translated). */
const char *iv_round_name_stored(const char *submitted);

/* A question of the bank as pages show it. */
struct iv_question {
	char ref[IV_REF_MAX];
	bool builtin;                /* from data/questions, else a user's own */
	bool seed;                   /* built-in and taken from the seed article */
	const char *role;            /* role template key, "" for own questions for any role */
	const char *type;            /* type code, e.g. "behavioural" */
	const char *competency;      /* competency key, may be "" */
	const char *lang;            /* "de" or "en": the language of the text below */
	const char *text;
	const char *follow_ups[IV_MAX_FOLLOW_UPS];
	size_t nfollow_ups;
	const char *guide_strong;
	const char *guide_weak;
};

/* Resolves ref; built-in questions in lang ("de"/"en"; NULL: the request's
 * language). False for an unknown ref (e.g. a deleted own question). */
bool iv_question_resolve(struct request *r, const char *ref, const char *lang, struct iv_question *out);
/* The translated label of a question type code; the code for an unknown one. */
const char *iv_question_type_label(const char *type_code);

enum {
	IV_Q_FOLLOW_UPS = 1,         /* show the follow-ups */
	IV_Q_GUIDE = 2,              /* show the rating guide (strong / weak answer) */
	IV_Q_BADGES = 4,             /* show type, competency, language and origin badges */
};
/* A question's body (no outer element): badges, the text, follow-ups and
 * the rating guide as chosen by flags. */
void iv_question_render(struct request *r, const struct iv_question *q, const struct iv_competencies *c,
			unsigned flags);

/* The favourite question refs of the signed-in user (arena; *n how many,
 * 0 when the store fails), and whether ref is among them. */
const char **iv_favourite_refs(struct request *r, size_t *n);
bool iv_ref_in(const char *const *refs, size_t n, const char *ref);

/* The anchored 1–4 scale as <dl class="rating-anchors">. */
void iv_rating_anchors(struct request *r);
/* Badges for a comma-separated focus list; "no focus" muted text when empty. */
void iv_focus_badges(struct request *r, const char *focus, const struct iv_competencies *c);

/* The language index (TEMPLATE_DE/EN) for exercises and built-in questions. */
int iv_lang_index(const struct request *r);
/* An exercise as an <article class="exercise"> with heading level h
 * (2 or 3): kind, duration, scenario, instructions, what to observe, the
 * rubric anchors 1–4 and the competencies it evidences. */
void iv_exercise_render(struct request *r, const struct exercise *e, const struct iv_competencies *c, int h);

#endif
