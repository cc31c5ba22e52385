/*
 * candidate_view.h — render and input helpers shared by the candidate pages
 * (list, form, detail, merge) and usable by other pages that show
 * candidates: the table of a candidate's fields, reading them from a form,
 * their labels, search snippets with highlighted hits, channel and stage
 * labels, safe links, relative times.
 */
#ifndef STELLWERK_WEB_CANDIDATE_VIEW_H
#define STELLWERK_WEB_CANDIDATE_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "core/candidate.h"
#include "core/pipeline.h"
#include "store/applications.h"
#include "store/consents.h"
#include "web/layout.h"
#include "web/request.h"

/* One editable field of struct candidate: its form name (also the field
 * name candidate_validate reports), English label msgid, and where the text
 * lives. Number fields (notice period, salary) have size 0 and are handled
 * by candidate_field_text / candidate_field_set. */
struct candidate_field_def {
	const char *name;
	const char *label;
	size_t offset;
	size_t size;
};

/* Every field in form order; *n receives the count. */
const struct candidate_field_def *candidate_fields(size_t *n);

/* The field's value as text ("" for a number not given); allocated in
 * r->arena or pointing into c. */
const char *candidate_field_text(struct request *r, const struct candidate *c, const struct candidate_field_def *f);

/* Sets field f of c from form text (trimmed); a value that does not fit or
 * does not parse is recorded in fe under the field's name. */
void candidate_field_set(struct request *r, struct candidate *c, const struct candidate_field_def *f, const char *text,
			 struct form_errors *fe);

/* Reads every field present in the form over c, then checks the result with
 * the channel catalogue and candidate_validate; problems go into fe by field. */
void candidate_read_form(struct request *r, struct candidate *c, struct form_errors *fe);

/* "First Last" (or whichever exists), allocated in r->arena. */
const char *candidate_name(struct request *r, const struct candidate *c);

/* The candidate whose id is path argument i; answers 404 (500 on a store
 * failure) and returns false when it cannot be read. */
bool candidate_load_from_path(struct request *r, int i, struct candidate *c);

/* Translated label of a channel code; the code itself when unknown, "" for "". */
const char *candidate_channel_label(const char *code);

/* Label of a stage code within stages (translated when it is a default
 * label, as typed when renamed); the code when not found. */
const char *candidate_stage_label(const struct stage *stages, size_t n, const char *code);

/* Writes a search snippet whose hits are wrapped in \x01 … \x02: the text is
 * escaped first, then the markers become <mark> … </mark> (balanced). */
void candidate_snippet_html(struct buf *o, const char *marked);

/* Writes the white-space separated links: http(s) URLs as links with
 * rel="noopener noreferrer", anything else as plain text. */
void candidate_links_html(struct buf *o, const char *links);

/* Writes the comma separated tags as <span class="tag"> items. */
void candidate_tags_html(struct buf *o, const char *tags);

/* "vor 3 Tagen"-style text for a past time (translated), in r->arena. */
const char *candidate_relative_time(struct request *r, int64_t at);

/* A position a candidate is in, with its pipeline, for labels. */
struct candidate_position {
	int64_t id;
	const char *title;
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t nstages;
};

/* The header facts of a candidate: contact data (mailto/tel links),
 * location, notice period, salary, languages, links, tags, source. */
void candidate_facts_html(struct request *r, const struct candidate *c);

/* The activity timeline: one entry per event with a sign and label per
 * kind, who, the date and time and how long ago; stage moves as
 * "from → to" with the labels of the event's position (positions[0..n)). */
void candidate_timeline_html(struct request *r, const struct application_event *ev, size_t nev,
			     const struct candidate_position *positions, size_t npositions);

/* Form pieces with ids "PREFIX-NAME" and the error of fe under name shown
 * at the field: an <option>, a <select> opened with its label and closed,
 * a one-line text input. */
void candidate_option(struct buf *o, const char *value, const char *label, bool selected);
void candidate_select_open(struct request *r, const struct form_errors *fe, const char *prefix, const char *name,
			   const char *label);
void candidate_select_close(struct request *r);
void candidate_text_field(struct request *r, const struct form_errors *fe, const char *prefix, const char *name,
			  const char *label, const char *value);

/* A referral of an application (R-CHAN-3): who, what kind, status, bonus. */
void candidate_referral_html(struct request *r, const struct referral *f);

/* The consents section of the candidate page: kind, notice version, date. */
void candidate_consents_html(struct request *r, const struct consent *consents, size_t n);

#endif
