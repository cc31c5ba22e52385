/*
 * job_ad.h — the job ad (Stellenanzeige) of a position: a plain struct of
 * sections, the generator that drafts it from the approved profile (R-AD-1)
 * and its exports as plain text, Markdown, an HTML fragment and schema.org
 * JobPosting JSON-LD (R-AD-4).
 *
 * Section text format. Every section is UTF-8 text of lines separated by
 * "\n". A line starting with "- " is a bullet; consecutive bullets form one
 * list. Any other non-empty line is a paragraph of its own; blank lines only
 * separate. Bullets and paragraphs may mix within a section (tasks end with
 * the known difficulties of the role as a paragraph and a list). The title,
 * salary_text and lang are single-line values.
 *
 * Placeholders. Where the generator cannot know the facts (benefits, how the
 * team works) it writes a bracketed request starting with
 * JOB_AD_PLACEHOLDER_DE or JOB_AD_PLACEHOLDER_EN; job_ad_first_placeholder()
 * finds what is left before publishing. The generator never writes phrases
 * the ad linter (adlint.h) calls clichés or unbacked promises.
 *
 * The generated texts are content in the ad's language, not UI, so they are
 * written here in German and English and not translated through gettext.
 * Text the user entered (titles, goal notes, requirement details) is taken
 * as written, in whatever language it is.
 */
#ifndef STELLWERK_CORE_JOB_AD_H
#define STELLWERK_CORE_JOB_AD_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/position.h"
#include "core/profile.h"
#include "util/buf.h"

#define JOB_AD_PLACEHOLDER_DE "[Bitte ergänzen:"
#define JOB_AD_PLACEHOLDER_EN "[Please add:"
#define JOB_AD_DEFAULT_VALID_DAYS 60

struct job_ad {
	char lang[3];              /* "de" or "en" */
	char title[200];           /* German: carries (m/w/d) or a gender-inclusive form */
	char intro[1500];          /* paragraphs; role, place, remote policy, salary, accounts, region first */
	char tasks[4000];          /* bullets from the goals, then the known difficulties */
	char must[3000];           /* bullets: must-have requirements */
	char nice[2000];           /* bullets: important, then nice-to-have requirements (titles only); a closing paragraph */
	char offer[2000];          /* bullets: salary band, place and remote policy, contract, start */
	char culture[1500];        /* paragraphs; a placeholder for the user's own words */
	char process[1500];        /* bullets: the three rounds; paragraphs: reply times, how to apply */
	char salary_text[200];     /* "85.000–105.000 € brutto im Jahr"; "" when the position has no salary */
	int64_t valid_through_days; /* days from publishing until the posting expires */
};

/* The section headings in the ad's language ("Ihre Aufgaben", "What you
 * will do", …); intro has none and gives "". */
enum job_ad_section { JOB_AD_INTRO, JOB_AD_TASKS, JOB_AD_MUST, JOB_AD_NICE, JOB_AD_OFFER, JOB_AD_CULTURE,
		      JOB_AD_PROCESS, JOB_AD_SECTION__COUNT };
const char *job_ad_section_heading(const char *lang, enum job_ad_section s);
const char *job_ad_section_key(enum job_ad_section s);      /* "intro", "tasks", … (API, forms) */
const char *job_ad_section_text(const struct job_ad *ad, enum job_ad_section s);

/*
 * Drafts the ad of position p at organisation o from its profile prof in
 * lang ("de" or "en"; anything else counts as "de"). Pure: no clock, no I/O.
 * prof may be NULL (an ad from the position's own fields only). Every
 * section is filled; text that would not fit a section is left out whole
 * line by whole line, never cut within a line or a UTF-8 sequence.
 */
void job_ad_generate(const struct position *p, const struct organisation *o, const struct profile *prof,
		     const char *lang, struct job_ad *out);

/* True when the title addresses all genders: (m/w/d), (w/m/d), (m/f/d),
 * (d/m/w) and the like in any order or case, (gn), "all genders", "alle
 * Geschlechter", or a gender star, colon or underscore form (Manager*in,
 * Manager:innen, Berater_in). (m/w) alone does not count. */
bool job_ad_title_gender_inclusive(const char *title);

/* The section holding the first placeholder the generator left for the
 * user, or NULL when there is none. */
const char *job_ad_first_placeholder(const struct job_ad *ad);

/* Exports. Each appends to out (the caller owns and frees it).
 * Plain text for job portals: the title, a blank line, then the sections,
 * each under its heading on a line of its own, bullets as "- ". */
void job_ad_to_text(const struct job_ad *ad, struct buf *out);
/* Markdown: "# title", "## heading" per section, "- " bullets; user text is
 * escaped so it renders literally. */
void job_ad_to_markdown(const struct job_ad *ad, struct buf *out);
/* An HTML fragment without the title (the page shows it as <h1>): <p> for
 * paragraphs, <h2> per section, <ul><li> for bullets; all text escaped. This
 * is also the JSON-LD description. */
void job_ad_to_html(const struct job_ad *ad, struct buf *out);

/*
 * schema.org JobPosting for the public job page (Google for Jobs): title,
 * description (job_ad_to_html), datePosted, validThrough (valid_through
 * "YYYY-MM-DD" becomes "YYYY-MM-DDT23:59:59"; "" or NULL leaves it out),
 * hiringOrganization, jobLocation, employmentType, baseSalary (only with a
 * salary), jobLocationType TELECOMMUTE with applicantLocationRequirements
 * (only when fully remote), directApply, identifier and url (when not ""
 * or NULL). Empty fields are left out rather than written as "". Returns a
 * new reference; the caller json_decref()s it.
 */
json_t *job_ad_jsonld(const struct job_ad *ad, const struct position *p, const struct organisation *o,
		      const char *date_posted, const char *valid_through, const char *url);

/*
 * True when ld has what Google requires and what publishing needs: title,
 * description, datePosted, hiringOrganization.name, jobLocation.address
 * (with addressLocality and addressCountry) or jobLocationType TELECOMMUTE
 * with applicantLocationRequirements, and validThrough. Otherwise false,
 * and *missing (when not NULL) names the first missing property in that
 * order, e.g. "hiringOrganization.name".
 */
bool job_ad_jsonld_complete(json_t *ld, const char **missing);

#endif
