/*
 * pipeline.h — the stages of a position's pipeline (R-CAND-2): the default
 * stages, their per-position configuration (renamed, reordered, extra active
 * stages), the rules for moving an application from one stage to another,
 * the rejection reasons, and the ages the board shows on every card (days in
 * stage, business days since the last contact, colour-coded as R-GUARD-3
 * will later warn).
 *
 * Stage codes are stable (database, API, forms); labels are what users see
 * and may be renamed per position. The default labels are English msgids
 * (N_) that the web layer translates ("Identified" → "Identifiziert").
 * Three codes carry meaning and must not be renamed away:
 *   hired      the one stage of kind STAGE_HIRED by default ("Eingestellt")
 *   rejected   exit; a move there needs a reason and whether the candidate
 *              was informed ("Abgesagt")
 *   withdrawn  exit; the candidate withdrew ("Zurückgezogen")
 */
#ifndef STELLWERK_CORE_PIPELINE_H
#define STELLWERK_CORE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/position.h"     /* struct field_problem */

enum stage_kind { STAGE_ACTIVE, STAGE_HIRED, STAGE_EXIT, STAGE_KIND__COUNT };

#define STAGE_CODE_MAX 32
#define STAGE_LABEL_MAX 80
#define PIPELINE_MAX_STAGES 32
#define PIPELINE_MIN_ACTIVE 2
#define PIPELINE_DEFAULT_COUNT 10

#define STAGE_CODE_HIRED "hired"
#define STAGE_CODE_REJECTED "rejected"
#define STAGE_CODE_WITHDRAWN "withdrawn"

/* One stage of a position's pipeline. `code` is [a-z][a-z0-9_]*, at most 31
 * bytes; `order` sorts the board columns (unique within a pipeline). */
struct stage {
	char code[STAGE_CODE_MAX];
	char label[STAGE_LABEL_MAX];
	enum stage_kind kind;
	int order;
};

const char *stage_kind_code(enum stage_kind k);      /* "active", "hired", "exit" */
bool stage_kind_parse(const char *code, enum stage_kind *out);

/* Writes the default stages into out[0..max) in board order (orders 1..10):
 * identified, contacted, prequalification, first_interview, deep_interview,
 * final_interview, offer, hired, rejected, withdrawn. Returns how many were
 * written (PIPELINE_DEFAULT_COUNT when max allows). */
size_t pipeline_default_stages(struct stage *out, size_t max);

/* Checks a pipeline configuration: 1..PIPELINE_MAX_STAGES stages, codes well
 * formed and unique, labels non-blank, kinds valid, orders unique, exactly
 * one hired stage placed after every active stage, the exits "rejected" and
 * "withdrawn" present with kind STAGE_EXIT, at least PIPELINE_MIN_ACTIVE
 * active stages. Problems name the field ("stages", "code", "label",
 * "order", "kind") with an English msgid; writes at most max, returns how
 * many were written. */
size_t pipeline_validate(const struct stage *s, size_t n, struct field_problem *out, size_t max);

/* The stage with this code, or NULL. */
const struct stage *pipeline_find(const struct stage *s, size_t n, const char *code);

/* Sorts stages by order (ties by code), e.g. after loading or a reorder. */
void pipeline_sort(struct stage *s, size_t n);

/* --- rejection reasons ------------------------------------------------------ */

enum rejection_reason {
	REJECT_PROFILE_MISMATCH,
	REJECT_SALARY_EXPECTATIONS,
	REJECT_CULTURE_FIT,
	REJECT_NO_RESPONSE,
	REJECT_POSITION_FILLED,
	REJECT_WITHDREW_OTHER_OFFER,
	REJECT_OTHER,
	REJECTION_REASON__COUNT
};

const char *rejection_reason_code(enum rejection_reason r);   /* "profile_mismatch", ... "other" */
const char *rejection_reason_label(enum rejection_reason r);  /* N_("Profile does not match") ... */
bool rejection_reason_parse(const char *code, enum rejection_reason *out);

/* --- moves ------------------------------------------------------------------ */

/* Whether the candidate was told about a rejection; the form must ask, so
 * the zero value means "not answered". */
enum informed_answer { INFORMED_UNANSWERED, INFORMED_NO, INFORMED_YES };

struct move_input {
	const char *reason;            /* rejection reason code; NULL or "" = none */
	const char *reason_note;       /* free text; required for reason "other" */
	enum informed_answer informed;
};

enum move_check {
	MOVE_OK,
	MOVE_UNKNOWN_STAGE,            /* from or to is not a stage of this pipeline */
	MOVE_SAME_STAGE,
	MOVE_REASON_REQUIRED,          /* to "rejected" without a known reason code */
	MOVE_REASON_NOTE_REQUIRED,     /* reason "other" without a note */
	MOVE_INFORMED_REQUIRED,        /* to "rejected" without answering "informed?" */
	MOVE_HIRED_ONLY_TO_EXIT,       /* a hired candidate leaves only through an exit */
	MOVE_EXIT_NOT_TO_HIRED,        /* an exit is reopened into an active stage first */
	MOVE_CHECK__COUNT
};

/* Decides whether an application may move from stage `from` to stage `to`
 * of this pipeline. Rules:
 *  - both codes must be stages of the pipeline, and differ;
 *  - moves between active stages go forward or back, skipping allowed, and
 *    any active stage may move to hired or to an exit;
 *  - from hired only to an exit: a hire that falls through (declined start,
 *    probation) is recorded as "withdrawn" or "rejected", never by quietly
 *    moving the card back;
 *  - from an exit to an active stage (reopening) or to another exit
 *    (correction), but not straight to hired;
 *  - to "rejected": a reason from the catalogue (with a note for "other")
 *    and an answer whether the candidate was informed (R-CAND-2).
 * `in` may be NULL when no input was given (counts as empty). */
enum move_check pipeline_check_move(const struct stage *stages, size_t n, const char *from, const char *to,
				    const struct move_input *in);
const char *move_check_code(enum move_check c);      /* "ok", "unknown_stage", ... (API) */
const char *move_check_message(enum move_check c);   /* English msgid for the user */

/* --- ages on the board ------------------------------------------------------ */

/* Whole days from entered_at to now; 0 when entered_at is unset (≤ 0) or in
 * the future. */
int days_in_stage(int64_t entered_at, int64_t now);

/* Business days (Monday–Friday, no holidays yet) after the day of `since`
 * up to and including the day of `now`, with days taken in UTC: a contact on
 * Friday seen on Monday is 1 business day old, one on Monday seen on the next
 * Monday 5. 0 when since is unset (≤ 0) or not before now. */
int business_days_between(int64_t since, int64_t now);

enum contact_age {
	CONTACT_AGE_OK,         /* fewer than 5 business days */
	CONTACT_AGE_WARNING,    /* 5 or more (R-GUARD-3) */
	CONTACT_AGE_CRITICAL,   /* 10 or more (R-GUARD-3) */
	CONTACT_AGE_LOST,       /* 15 or more: the seed's "drei Wochen keine Rückmeldung" */
	CONTACT_AGE_NONE,       /* never contacted (last_contact_at ≤ 0) */
	CONTACT_AGE__COUNT
};

#define CONTACT_AGE_WARNING_DAYS 5
#define CONTACT_AGE_CRITICAL_DAYS 10
#define CONTACT_AGE_LOST_DAYS 15

enum contact_age contact_age_level(int64_t last_contact_at, int64_t now);
const char *contact_age_code(enum contact_age a);    /* "ok", "warning", "critical", "lost", "none" (CSS class) */
const char *contact_age_label(enum contact_age a);   /* English msgid */

#endif
