/*
 * messages.h — candidate message templates (R-COMM-2): the five kinds, the
 * placeholders they may use, rendering a template with values, and the check
 * run before a template is saved.
 *
 * Kinds (code, English label msgid, German name in the UI):
 *   acknowledgement  N_("Acknowledgement")   Eingangsbestätigung
 *   invitation       N_("Invitation")        Einladung
 *   interim          N_("Interim update")    Zwischenstand
 *   rejection        N_("Rejection")         Absage
 *   offer            N_("Offer")             Angebot
 *
 * Placeholders are written {{name}} (blanks inside the braces allowed:
 * {{ name }}). Known names:
 *   candidate_name candidate_first_name position company date time place
 *   interviewer sender sender_email
 * Required (a value must be given and be non-empty whenever the template uses
 * the placeholder): candidate_name, candidate_first_name, position, company,
 * sender for every kind; additionally date, time, place for invitation.
 * Other known placeholders (interviewer, sender_email, and date/time/place
 * outside invitations) must be given as a value but may be empty.
 * A template that must be complete: an invitation must use {{date}},
 * {{time}} and {{place}} (message_template_check).
 *
 * Values are inserted literally: a value containing "{{x}}" is not expanded
 * again. Single braces are plain text; "{{" without a closing "}}" and a
 * stray "}}" are syntax errors. Rendering produces plain text (the caller
 * escapes for HTML). Pure: no I/O.
 */
#ifndef STELLWERK_CORE_MESSAGES_H
#define STELLWERK_CORE_MESSAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

enum message_kind {
	MESSAGE_ACKNOWLEDGEMENT,
	MESSAGE_INVITATION,
	MESSAGE_INTERIM,
	MESSAGE_REJECTION,
	MESSAGE_OFFER,
	MESSAGE_KIND__COUNT
};

const char *message_kind_code(enum message_kind k);    /* "acknowledgement", …; NULL outside */
const char *message_kind_label(enum message_kind k);   /* English msgid; NULL outside */
bool message_kind_parse(const char *code, enum message_kind *out);

#define MESSAGE_PLACEHOLDER_COUNT 10
#define MESSAGE_PLACEHOLDER_NAME_MAX 48     /* buffer size of a reported name */
/* The known names in the order above. */
extern const char *const MESSAGE_PLACEHOLDERS[MESSAGE_PLACEHOLDER_COUNT];
bool message_placeholder_known(const char *name);
/* Whether kind k needs a non-empty value for this placeholder (see above). */
bool message_placeholder_required(enum message_kind k, const char *name);

/* One value for rendering. value NULL counts as not given. */
struct message_value {
	const char *key;
	const char *value;
};

enum message_problem_kind {
	MESSAGE_PROBLEM_MISSING,     /* placeholder used but no (or, when required, an empty) value */
	MESSAGE_PROBLEM_UNKNOWN,     /* {{name}} that is not a known placeholder */
	MESSAGE_PROBLEM_SYNTAX,      /* "{{" not closed, stray "}}", or an empty/invalid name */
	MESSAGE_PROBLEM_REQUIRED,    /* template check: the kind needs this placeholder in the template */
};

struct message_problem {
	enum message_problem_kind kind;
	char name[MESSAGE_PLACEHOLDER_NAME_MAX];   /* placeholder name ("" for syntax problems,
						       truncated to 47 bytes) */
	const char *part;                          /* "subject" or "body" */
	const char *message;                       /* English msgid */
};

#define MESSAGE_PROBLEMS_MAX 16
/* Every problem once per (kind, name, part), in order of first appearance. */
struct message_problems {
	struct message_problem items[MESSAGE_PROBLEMS_MAX];
	size_t n;          /* written (≤ MESSAGE_PROBLEMS_MAX) */
	size_t total;      /* found (may be larger than n) */
};

const char *message_problem_code(enum message_problem_kind k);   /* "missing", "unknown", "syntax", "required" */

/* Renders subject and body of a template of kind k with values[0..nvalues).
 * On success returns true and appends the results to *subject_out and
 * *body_out (either may be NULL to skip that part). On any problem returns
 * false, appends nothing, and lists every problem in *problems (which is
 * reset first; may be NULL). subject_tmpl may be NULL (no subject). A
 * repeated key in values: the first wins. */
bool message_render(enum message_kind k, const char *subject_tmpl, const char *body_tmpl,
		    const struct message_value *values, size_t nvalues, struct buf *subject_out,
		    struct buf *body_out, struct message_problems *problems);

/* Renders one text (as message_render for one part). `part` names it in
 * problems ("subject"/"body"). */
bool message_render_text(enum message_kind k, const char *part, const char *tmpl,
			 const struct message_value *values, size_t nvalues, struct buf *out,
			 struct message_problems *problems);

/* Check before saving a template: balanced braces, only known placeholders,
 * and the placeholders the kind requires in the template (invitation: date,
 * time, place — in subject or body). Returns true when there is no problem;
 * problems (reset first, may be NULL) lists them all. */
bool message_template_check(enum message_kind k, const char *subject_tmpl, const char *body_tmpl,
			    struct message_problems *problems);

#endif
