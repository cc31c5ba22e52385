/*
 * layout.h — the page chrome every HTML page shares (head, top bar with
 * navigation and language switch, footer), error pages in the same layout,
 * flash messages, and form helpers with inline field errors.
 */
#ifndef STELLWERK_WEB_LAYOUT_H
#define STELLWERK_WEB_LAYOUT_H

#include "web/html.h"
#include "web/request.h"

enum nav_item { NAV_NONE, NAV_DASHBOARD, NAV_POSITIONS, NAV_CANDIDATES, NAV_INTERVIEWS, NAV_ONBOARDING, NAV_SETTINGS };

void page_begin(struct request *r, const char *title, enum nav_item active);
void page_end(struct request *r);
/* 4xx/5xx page in the layout (or a problem document for API requests). A
 * NULL detail uses the standard text for the status. */
void page_error(struct request *r, int status, const char *detail);
/* The hidden CSRF input every state-changing form carries. */
void csrf_field(struct request *r);
/* Shows the confirmation named by ?done=CODE (codes are a fixed list, so a
 * link cannot inject text). */
void page_flash(struct request *r);
/* URL of an embedded asset with its content hash for cache busting. */
const char *asset_url(struct request *r, const char *name);

/* The sub-navigation of the settings area; active is its href. */
void settings_nav(struct request *r, const char *active);

/* Validation errors of one form submission, by field name. */
#define FORM_MAX_ERRORS 16
struct form_errors {
	const char *field[FORM_MAX_ERRORS];
	const char *message[FORM_MAX_ERRORS];
	int n;
};
void form_error(struct form_errors *fe, const char *field, const char *message);
const char *form_error_for(const struct form_errors *fe, const char *field);

struct form_input {
	const char *name;
	const char *label;
	const char *type;          /* "text", "password", ... */
	const char *value;         /* NULL for none (never for passwords) */
	const char *hint;          /* may be NULL */
	const char *autocomplete;  /* may be NULL */
	bool required;
};
void form_text(struct request *r, const struct form_errors *fe, const struct form_input *in);
/* The error summary at the top of a form; links to each field (ids "f-NAME"). */
void form_error_summary(struct request *r, const struct form_errors *fe);
/* The same for forms whose field ids are "PREFIX-NAME". */
void form_error_summary_for(struct request *r, const struct form_errors *fe, const char *id_prefix);

#endif
