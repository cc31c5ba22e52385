/*
 * scorecard_view.h — render helpers for interview kits and scorecards (R-INT-3,
 * R-INT-5, R-INT-6, R-SALES-1): the anchored 1–4 rating scale, the
 * recommendation and question-quality codes with their translated labels,
 * a kit's question refs and exercise keys read from its JSON, the
 * competencies a scorecard rates, and exercises (rendered by
 * web/interview_view.h, which also renders the questions).
 *
 * The header uses plain types only, so the kit and scorecard pages can
 * include it next to the store headers; the core and bank modules stay
 * behind it.
 */
#ifndef STELLWERK_WEB_SCORECARD_VIEW_H
#define STELLWERK_WEB_SCORECARD_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "web/request.h"

#define SCORECARD_VIEW_REF_MAX 64        /* bytes of a question ref or exercise key incl. NUL */

/* The refs of a kit in order; arrays live in the request's arena. */
struct kit_refs {
	char (*questions)[SCORECARD_VIEW_REF_MAX];
	size_t nquestions;
	char (*exercises)[SCORECARD_VIEW_REF_MAX];
	size_t nexercises;
};

/* Reads kit JSON ({"questions":[…],"exercises":[…]}); false (empty *out)
 * when it does not parse. */
bool kit_refs_parse(struct request *r, const char *json, struct kit_refs *out);

/* Translated anchor of rating 1..4 ("Meets the requirement"), "" otherwise. */
const char *kit_rating_anchor(int rating);
/* Translated short label of rating 1..4 ("Meets"), "" otherwise. */
const char *kit_rating_short(int rating);

/* The recommendation codes in scale order (strong_no, no, yes, strong_yes). */
#define KIT_RECOMMENDATIONS 4
extern const char *const KIT_RECOMMENDATION_CODES[KIT_RECOMMENDATIONS];
/* Translated label of a recommendation code; "" for "" or an unknown code. */
const char *kit_recommendation_label(const char *code);

/* The quality codes of the candidate's own questions (substantive, superficial). */
#define KIT_QUALITIES 2
extern const char *const KIT_QUALITY_CODES[KIT_QUALITIES];
/* Translated label of a quality code; "" for "" or an unknown code. */
const char *kit_quality_label(const char *code);

/* A competency a scorecard rates, with its name and description in the
 * request's language (strings in the request's arena). */
struct kit_competency {
	const char *key;
	const char *name;
	const char *description;      /* "" when unknown */
};

/* The competencies a scorecard of position p rates: the ones its interview
 * plan offers (web/interview_view.h: the role template's, else those the
 * profile links, then salary_realism), with the template's descriptions.
 * The array lives in the arena. */
struct position;
size_t kit_competencies(struct request *r, const struct position *p, struct kit_competency **out);
/* The name of competency key in list[0..n), else its label from any
 * built-in template, else the key itself. */
const char *kit_competency_name(struct request *r, const struct kit_competency *list, size_t n, const char *key);

/* The rating scale as a card: 1–4 with anchors, no neutral middle. */
void kit_rating_legend_html(struct request *r);

/* Writes exercise key as web/interview_view.h renders exercises (scenario,
 * instructions, what to observe, rubric); false, writing nothing, when
 * there is no such exercise. */
bool kit_exercise_html(struct request *r, const struct position *p, const char *key);
/* The name of exercise key in the request's language, or the key itself. */
const char *kit_exercise_name(struct request *r, const char *key);

#endif
