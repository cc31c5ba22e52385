/*
 * scorecard_form.h — the scorecard form of the kit page (R-INT-5, R-INT-6):
 * reading a posted scorecard into a struct scorecard with field errors, and
 * the form controls that need the same field names: the anchored 1–4
 * rating radios of a competency or exercise, and note fields.
 *
 * Field names: rating.<competency>, rnote.<competency>, exercise.<key>,
 * enote.<key>, answer.<question ref>, notes, candidate_questions,
 * candidate_questions_quality, recommendation, and action (save|submit).
 * Element ids are "sc-" followed by the field name, so the error summary
 * (form_error_summary_for with prefix "sc") links to each field.
 */
#ifndef STELLWERK_WEB_SCORECARD_FORM_H
#define STELLWERK_WEB_SCORECARD_FORM_H

#include <stdbool.h>

#include "store/scorecards.h"
#include "web/layout.h"
#include "web/scorecard_view.h"

/*
 * Reads the posted scorecard over sc (recommendation, notes, candidate
 * questions and quality; ratings of comps[0..ncomps) in that order,
 * exercise ratings and question notes of the kit; item arrays allocated in
 * the request's arena). *submit tells whether "Submit" was pressed. Bad
 * input goes into fe under the field's name: ratings outside 1–4, keys that
 * are neither a competency nor in the kit, notes without a rating, texts
 * that are too long, unknown codes, and — when submitting — a missing
 * recommendation ("recommendation") or no rating at all ("ratings").
 */
void scorecard_form_read(struct request *r, const struct kit_competency *comps, size_t ncomps,
			 const struct kit_refs *kit, struct scorecard *sc, bool *submit, struct form_errors *fe);

/* The radios 1–4 of field name (e.g. "rating.negotiation") in a fieldset
 * with legend, each labelled with its number and anchor text (anchors from
 * labels[0..3], NULL for the scale's anchors); checked is 0 for none. The
 * error of fe under name is shown at the fieldset. */
void scorecard_rating_radios(struct request *r, const struct form_errors *fe, const char *name, const char *legend,
			     const char *const *labels, int checked);

/* A labelled textarea for field name with value (may be NULL). */
void scorecard_textarea(struct request *r, const struct form_errors *fe, const char *name, const char *label,
			const char *value, int rows);

/* The rating of competency (or exercise) key in sc, 0 when not rated; the
 * notes in *notes ("" when none). */
int scorecard_rating_of(const struct scorecard *sc, const char *key, const char **notes);
int scorecard_exercise_of(const struct scorecard *sc, const char *key, const char **notes);
/* The notes of question ref in sc, "" when none. */
const char *scorecard_answer_of(const struct scorecard *sc, const char *ref);

#endif
