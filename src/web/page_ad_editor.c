/*
 * page_ad_editor.c — the job ad of one position (R-AD-1, R-AD-2, R-AD-4):
 * drafting it from the approved profile, editing its title and sections
 * beside the linter's findings and score, one-click fixes, regenerating
 * without silently losing edits, the exports (HTML, Markdown, plain text,
 * JSON-LD) and publishing on the public job pages.
 *
 * Everything works without JavaScript: "Prüfen" re-renders the page with
 * the findings of the unsaved text, a fix button posts fix=INDEX and the
 * finding links jump to the field. With JavaScript (assets/app.js) the
 * form posts its unsaved text to /ad/check after a pause in typing and
 * swaps in the findings panel that answers; every finding carries the field
 * it concerns and its place there as UTF-16 offsets (data-from, data-to),
 * the unit of textarea.setSelectionRange(), so the script selects the text
 * and applies fixes without counting characters itself.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/adlint.h"
#include "core/job_ad.h"
#include "core/password_policy.h"
#include "store/ads.h"
#include "store/organisations.h"
#include "util/log.h"
#include "util/str.h"
#include "web/ad_handlers.h"
#include "web/ad_ops.h"
#include "web/layout.h"
#include "web/position_chrome.h"

/* The router's {key} segment takes at most 48 characters, so a longer slug
 * could never be opened. */
#define SLUG_MAX 48
#define EXCERPT_MAX 120

/* The editable fields: 0 is the title, then the sections in order. */
#define AD_FIELDS (1 + JOB_AD_SECTION__COUNT)

static const char *field_key(int i)
{
	return i == 0 ? "title" : job_ad_section_key((enum job_ad_section)(i - 1));
}

static char *field_buf(struct job_ad *ad, int i, size_t *cap)
{
	switch (i) {
	case 0: *cap = sizeof ad->title; return ad->title;
	case 1: *cap = sizeof ad->intro; return ad->intro;
	case 2: *cap = sizeof ad->tasks; return ad->tasks;
	case 3: *cap = sizeof ad->must; return ad->must;
	case 4: *cap = sizeof ad->nice; return ad->nice;
	case 5: *cap = sizeof ad->offer; return ad->offer;
	case 6: *cap = sizeof ad->culture; return ad->culture;
	default: *cap = sizeof ad->process; return ad->process;
	}
}

/* The text of field i (0 the title, then the sections). */
static const char *field_value(const struct job_ad *ad, int i)
{
	return i == 0 ? ad->title : job_ad_section_text(ad, (enum job_ad_section)(i - 1));
}

static const char *field_text(const struct job_ad *ad, const char *key)
{
	if (str_eq(key, "title"))
		return ad->title;
	for (int s = 0; s < JOB_AD_SECTION__COUNT; s++)
		if (str_eq(key, job_ad_section_key((enum job_ad_section)s)))
			return job_ad_section_text(ad, (enum job_ad_section)s);
	return NULL;
}

/* The label of field i in the editor: the section heading in the ad's
 * language, "Title" and "Opening" in the user's. */
static const char *field_label(const struct job_ad *ad, int i)
{
	if (i == 0)
		return _("Title");
	if (i == 1)
		return _("Opening");
	return job_ad_section_heading(ad->lang, (enum job_ad_section)(i - 1));
}

static const char *field_hint(int i)
{
	static const char *const hints[AD_FIELDS] = {
		N_("With (m/w/d) or a gender-inclusive form."),
		N_("The key facts first: role, place, remote policy, salary range, accounts and region."),
		N_("Concrete tasks with numbers: how many accounts, what revenue, which region."),
		N_("Only what is truly indispensable."),
		N_("Helpful but not required — people apply even if they lack some of it."),
		N_("What makes this job different: pay, contract, start, development."),
		N_("How the team works, in your own words."),
		N_("The steps, who takes part and how long each takes."),
	};
	return _(hints[i]);
}

/* ---- dates ------------------------------------------------------------------------------------- */

static void today_iso(int64_t now, char out[11])
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Whether s is a real calendar date written YYYY-MM-DD; *t receives its
 * noon UTC (so that formatting in any time zone keeps the day). */
static bool parse_iso_date(const char *s, time_t *t)
{
	int y, m, d;
	char tail;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12 };
	time_t v = timegm(&tm);
	struct tm back;
	gmtime_r(&v, &back);
	if (back.tm_year != y - 1900 || back.tm_mon != m - 1 || back.tm_mday != d)
		return false;
	if (t)
		*t = v;
	return true;
}

static void add_days_iso(const char *from, int64_t days, char out[11])
{
	time_t t;
	if (!parse_iso_date(from, &t))
		t = 0;
	t += (time_t)(days * 86400);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static const char *date_text(struct request *r, const char *iso)
{
	time_t t;
	if (!parse_iso_date(iso, &t))
		return iso;
	char out[64];
	i18n_format_date(out, sizeof out, t, r->lang);
	return arena_strdup(&r->arena, out);
}

/* ---- loading ----------------------------------------------------------------------------------- */

/* The stored ad of p into a zeroed arena block; *found false when none was
 * generated yet. False (500 answered) on a store failure. */
static bool load_ad(struct request *r, const struct position *p, struct stored_ad **ad, bool *found)
{
	*ad = arena_alloc(&r->arena, sizeof **ad);
	enum store_rc rc = store_ad_get(r->store, p->id, *ad);
	*found = rc == STORE_OK;
	if (rc == STORE_OK || rc == STORE_NOT_FOUND)
		return true;
	page_error(r, 500, NULL);
	return false;
}

/* ---- the form ---------------------------------------------------------------------------------- */

/* Copies src into dst with CR LF and lone CR turned into LF, the line
 * breaks of the stored text and of textarea.value alike. */
static void normalize_breaks(char *dst, const char *src)
{
	for (; *src; src++) {
		if (*src == '\r') {
			*dst++ = '\n';
			if (src[1] == '\n')
				src++;
		} else {
			*dst++ = *src;
		}
	}
	*dst = '\0';
}

/* Trailing blanks and line breaks off the end of s. */
static void trim_end(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		s[--n] = '\0';
}

/*
 * Reads the title and sections posted with the editor form into draft,
 * which starts as a copy of the stored ad (language, salary text and the
 * rest stay). A field that is absent keeps its stored text; a field that is
 * invalid keeps it too, gets a message in fe, and raw[i] holds what was
 * typed so the page can show it again. tidy (for saving) trims the title
 * and blank lines at the end of sections; the live check leaves the text
 * exactly as typed so that offsets match the browser's.
 */
static void read_ad_form(struct request *r, struct job_ad *draft, const char *raw[AD_FIELDS], struct form_errors *fe,
			 bool tidy)
{
	for (int i = 0; i < AD_FIELDS; i++) {
		raw[i] = NULL;
		const char *value = req_form(r, field_key(i));
		if (!value)
			continue;
		char *copy = arena_alloc(&r->arena, strlen(value) + 1);
		normalize_breaks(copy, value);
		if (tidy) {
			if (i == 0)
				str_trim(copy);
			else
				trim_end(copy);
		}
		size_t len = strlen(copy), cap;
		char *dst = field_buf(draft, i, &cap);
		const char *err = NULL;
		if (!utf8_valid(copy, len)) {
			err = _("The text contains invalid characters (it is not UTF-8).");
		} else {
			for (size_t k = 0; k < len && !err; k++) {
				unsigned char c = (unsigned char)copy[k];
				if ((c < 0x20 && !(i > 0 && (c == '\n' || c == '\t'))) || c == 0x7f)
					err = i == 0 ? _("Please enter a single line without control characters.")
						     : _("The text contains control characters.");
			}
		}
		if (!err && len >= cap)
			err = arena_printf(&r->arena, _("At most %zu characters."), cap - 1);
		if (err) {
			form_error(fe, field_key(i), err);
			raw[i] = utf8_valid(copy, len) ? copy : NULL;
			continue;
		}
		str_copy(dst, cap, copy);
	}
}

static bool same_text(const struct job_ad *a, const struct job_ad *b)
{
	for (int i = 0; i < AD_FIELDS; i++)
		if (strcmp(field_value(a, i), field_value(b, i)) != 0)
			return false;
	return true;
}

/* ---- where a finding is ------------------------------------------------------------------------- */

static size_t utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* The byte and UTF-16 offsets in text of 1-based line and column (columns in
 * code points); a column past the end of its line gives the line's end. */
static void text_offset(const char *text, int line, int column, size_t *byte, size_t *u16)
{
	size_t pos = 0, units = 0;
	int at_line = 1, at_col = 1;
	while (text[pos]) {
		if (at_line > line || (at_line == line && (at_col >= column || text[pos] == '\n')))
			break;
		if (text[pos] == '\n') {
			at_line++;
			at_col = 1;
			pos++;
			units++;
			continue;
		}
		size_t n = utf8_len((unsigned char)text[pos]);
		for (size_t k = 1; k < n; k++)
			if (!text[pos + k])
				n = k;
		units += n == 4 ? 2 : 1;
		pos += n;
		at_col++;
	}
	*byte = pos;
	*u16 = units;
}

/* A finding placed in one field of the ad. */
struct placed {
	const char *field;        /* "title", "intro", …; NULL for a heading line */
	size_t byte_from, byte_to;
	size_t from, to;          /* UTF-16 code units, for the browser */
};

/* Findings about the whole ad (adlint.h): the linter points them at the
 * title line, but there is nothing there to select or replace. */
static bool about_whole_ad(const char *rule)
{
	static const char *const rules[] = { "structure.no_title", "structure.no_bullets", "structure.too_long",
					     "structure.too_short", "structure.opening_facts", "pay.no_range",
					     "vague.kam_accounts", "vague.kam_revenue", "vague.kam_region",
					     "readability.score" };
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rule, rules[i]) == 0)
			return true;
	return false;
}

/* The field a finding is in, or NULL (a heading line, the whole ad). */
static const char *finding_field(const struct job_ad *ad, const struct adlint_finding *f, int *field_line)
{
	*field_line = 0;
	return about_whole_ad(f->rule) ? NULL : ad_lint_line_field(ad, f->line, field_line);
}

static struct placed place_finding(const struct job_ad *ad, const struct adlint_finding *f)
{
	struct placed pl = { 0 };
	int start_line = 0, end_line = 0;
	pl.field = finding_field(ad, f, &start_line);
	if (!pl.field)
		return pl;
	const char *text = field_text(ad, pl.field);
	if (!text) {
		pl.field = NULL;
		return pl;
	}
	text_offset(text, start_line, f->column, &pl.byte_from, &pl.from);
	const char *end_field = ad_lint_line_field(ad, f->end_line, &end_line);
	if (str_eq(end_field, pl.field) && end_line >= start_line)
		text_offset(text, end_line, f->end_column, &pl.byte_to, &pl.to);
	else
		text_offset(text, start_line, INT_MAX, &pl.byte_to, &pl.to);
	if (pl.byte_to < pl.byte_from) {
		pl.byte_to = pl.byte_from;
		pl.to = pl.from;
	}
	return pl;
}

/* The flagged text, shortened at a character boundary. */
static const char *excerpt(struct request *r, const char *text, size_t from, size_t to)
{
	size_t n = to - from;
	bool cut = n > EXCERPT_MAX;
	if (cut) {
		n = EXCERPT_MAX;
		while (n > 0 && ((unsigned char)text[from + n] & 0xc0) == 0x80)
			n--;
	}
	char *s = arena_strndup(&r->arena, text + from, n);
	for (char *c = s; *c; c++)
		if (*c == '\n')
			*c = ' ';
	return cut ? arena_printf(&r->arena, "%s…", s) : s;
}

/* ---- the findings panel -------------------------------------------------------------------------- */

static const char *severity_label(enum adlint_severity s)
{
	return s == ADLINT_ERROR ? _("Must be fixed") : s == ADLINT_WARNING ? _("Warning") : _("Hint");
}

static const char *severity_badge(enum adlint_severity s)
{
	return s == ADLINT_ERROR ? "error" : s == ADLINT_WARNING ? "warn" : "muted";
}

static const char *score_class(int score)
{
	return score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
}

/*
 * The panel with the score and the findings (id "ad-findings"): part of the
 * editor page and, alone, the answer of the live check. A finding that has
 * a one-click fix gets a submit button of the editor form (fix=INDEX) that
 * the script turns into an in-place replacement. res NULL: the check could
 * not run (logged), the panel says so.
 */
static void findings_panel(struct request *r, const struct job_ad *ad, const struct adlint_result *res,
			   const struct form_errors *fe, bool can_edit)
{
	struct buf *o = &r->out;
	html_printf(o, "<aside class=\"ad-panel\" id=\"ad-findings\" aria-label=\"%s\"", _("Check of the job ad"));
	if (!res) {
		html_printf(o, "><div class=\"card\"><p class=\"flash flash-error\">%s</p></div></aside>",
			    _("The check is not available right now. You can still edit and save the ad."));
		return;
	}
	int counts[3] = { 0, 0, 0 };
	for (size_t i = 0; i < res->nfindings; i++)
		counts[res->findings[i].severity]++;
	html_printf(o, " data-score=\"%d\" data-count=\"%zu\">", res->score, res->nfindings);
	html_printf(o, "<section class=\"card ad-score ad-score-%s\"><h2>%s</h2><p class=\"ad-score-value\"><strong>%d</strong>"
		       "<span>/ 100</span></p>",
		    score_class(res->score), _("Score"), res->score);
	html_printf(o, "<meter min=\"0\" max=\"100\" low=\"50\" high=\"80\" optimum=\"100\" value=\"%d\">%d / 100</meter>",
		    res->score, res->score);
	if (res->summary[0])
		html_printf(o, "<p class=\"ad-summary\">%s</p>", res->summary);
	html_printf(o, "<p class=\"ad-counts\"><span class=\"badge badge-error\">%d %s</span> "
		       "<span class=\"badge badge-warn\">%d %s</span> <span class=\"badge badge-muted\">%d %s</span></p>",
		    counts[ADLINT_ERROR], i18n_ngettext("error", "errors", (unsigned long)counts[ADLINT_ERROR]),
		    counts[ADLINT_WARNING], i18n_ngettext("warning", "warnings", (unsigned long)counts[ADLINT_WARNING]),
		    counts[ADLINT_HINT], i18n_ngettext("hint", "hints", (unsigned long)counts[ADLINT_HINT]));
	/* Read out by the script's live region after a check as you type. */
	html_printf(o, "<p class=\"visually-hidden ad-live-summary\">%s</p>",
		    arena_printf(&r->arena,
				 i18n_ngettext("Score %d of 100, %zu finding.", "Score %d of 100, %zu findings.",
					       (unsigned long)res->nfindings),
				 res->score, res->nfindings));
	html_raw(o, "</section>");

	html_printf(o, "<section class=\"card ad-findings-card\"><h2>%s</h2>", _("Findings"));
	for (int i = 0; fe && i < fe->n; i++)
		html_printf(o, "<p class=\"field-error\">%s</p>", fe->message[i]);
	if (res->nfindings == 0) {
		html_printf(o, "<p class=\"check-ok\">%s</p></section></aside>", _("No findings: the ad is concrete and fair."));
		return;
	}
	html_raw(o, "<ol class=\"findings ad-findings\">");
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct adlint_finding *f = &res->findings[i];
		struct placed pl = place_finding(ad, f);
		html_printf(o, "<li class=\"finding finding-%s\" data-rule=\"%s\" data-start=\"%zu\" data-end=\"%zu\"",
			    adlint_severity_code(f->severity), f->rule, f->byte_start, f->byte_end);
		if (pl.field)
			html_printf(o, " data-field=\"%s\" data-from=\"%zu\" data-to=\"%zu\"", pl.field, pl.from, pl.to);
		html_printf(o, "><p class=\"finding-head\"><span class=\"badge badge-%s\">%s</span> <code>%s</code></p>",
			    severity_badge(f->severity), severity_label(f->severity), f->rule);
		if (pl.field)
			html_printf(o, "<p class=\"finding-message\"><a class=\"finding-jump\" href=\"#f-%s\">%s</a></p>", pl.field,
				    f->message);
		else
			html_printf(o, "<p class=\"finding-message\">%s</p>", f->message);
		const char *text = pl.field ? field_text(ad, pl.field) : NULL;
		if (text && pl.byte_to > pl.byte_from)
			html_printf(o, "<p class=\"finding-excerpt\"><q>%s</q></p>",
				    excerpt(r, text, pl.byte_from, pl.byte_to));
		if (f->suggestion[0])
			html_printf(o, "<p class=\"finding-suggestion\">%s</p>", f->suggestion);
		if (can_edit && f->replacement[0] && text && pl.byte_to > pl.byte_from) {
			const char *match = arena_strndup(&r->arena, text + pl.byte_from, pl.byte_to - pl.byte_from);
			html_printf(o, "<button type=\"submit\" form=\"ad-form\" class=\"btn btn-small finding-fix\" name=\"fix\" "
				       "value=\"%zu\" data-replacement=\"%s\" data-match=\"%s\">%s</button>",
				    i, f->replacement, match, arena_printf(&r->arena, _("Replace with “%s”"), f->replacement));
		}
		html_raw(o, "</li>");
	}
	html_raw(o, "</ol></section></aside>");
}

/* ---- the page ---------------------------------------------------------------------------------- */

enum ad_form { FORM_NONE, FORM_TEXT, FORM_GENERATE, FORM_PUBLISH };

struct editor_view {
	const struct position *p;
	struct stored_ad *stored;     /* NULL: no ad yet */
	const struct job_ad *shown;   /* the text in the form (stored, or the posted draft) */
	const char *raw[AD_FIELDS];   /* invalid input to show again, by field */
	struct form_errors fe;
	enum ad_form failed;          /* which form fe belongs to */
	bool unsaved;                 /* "Prüfen": the findings are of text not saved */
	const char *valid_through;    /* the publish form's value */
	const char *lang;             /* the generate form's value */
};

static const char *done_message(const char *code)
{
	static const struct { const char *code; const char *message; } codes[] = {
		{ "generated", N_("The ad has been drafted from the approved profile.") },
		{ "fixed", N_("The fix has been applied and saved.") },
		{ "published", N_("The ad is published on the public job page.") },
		{ "unpublished", N_("The ad has been taken off the public job page.") },
	};
	for (size_t i = 0; code && i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(code, codes[i].code) == 0)
			return _(codes[i].message);
	return NULL;
}

static void lang_select(struct request *r, const char *id, const char *selected)
{
	html_printf(&r->out, "<div class=\"field\"><label for=\"%s\">%s</label><select id=\"%s\" name=\"lang\">"
			     "<option value=\"de\"%s>%s</option><option value=\"en\"%s>%s</option></select></div>",
		    id, _("Language of the ad"), id, str_eq(selected, "en") ? "" : " selected", _("German"),
		    str_eq(selected, "en") ? " selected" : "", _("English"));
}

static void empty_state(struct request *r, struct editor_view *v, bool can_edit)
{
	struct buf *o = &r->out;
	const struct position *p = v->p;
	html_printf(o, "<section class=\"card ad-empty\"><h2>%s</h2><p>%s</p>", _("No job ad yet"),
		    _("stellwerk drafts the ad from the approved requirements profile: a gender-inclusive title, the key facts "
		      "first, tasks with numbers, must-haves and nice-to-haves as separate lists, the offer, the team and the "
		      "process. You then edit it freely; the check beside the text points out clichés, vague tasks and "
		      "AGG risks."));
	if (!p->approved_version)
		html_printf(o, "<p class=\"flash flash-info\">%s <a href=\"/positions/%lld/review\">%s</a></p>",
			    _("The profile of this position has not been approved yet."), (long long)p->id,
			    _("Go to review and approval"));
	if (v->failed == FORM_GENERATE)
		for (int i = 0; i < v->fe.n; i++)
			html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", v->fe.message[i]);
	if (can_edit) {
		html_printf(o, "<form class=\"form ad-generate\" method=\"post\" action=\"/positions/%lld/ad/generate\">",
			    (long long)p->id);
		csrf_field(r);
		lang_select(r, "f-lang", v->lang ? v->lang : lang_code(r->lang));
		html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>",
			    _("Draft the ad"));
	}
	html_raw(o, "</section>");
}

/* Rows enough for text at about 80 characters a line (3 to 18); browsers
 * that know field-sizing: content (style.css) fit the box to the text. */
static int rows_for(const char *text)
{
	int rows = 1, width = 0;
	for (const char *c = text; *c; c++) {
		if (*c == '\n') {
			rows++;
			width = 0;
		} else if (((unsigned char)*c & 0xc0) != 0x80 && ++width > 80) {
			rows++;
			width = 1;
		}
	}
	rows++;
	return rows < 3 ? 3 : rows > 18 ? 18 : rows;
}

static void text_fields(struct request *r, struct editor_view *v, const struct adlint_result *res, bool can_edit)
{
	struct buf *o = &r->out;
	const struct job_ad *ad = v->shown;
	for (int i = 0; i < AD_FIELDS; i++) {
		const char *key = field_key(i);
		const char *value = v->raw[i] ? v->raw[i] : field_value(ad, i);
		const char *err = v->failed == FORM_TEXT ? form_error_for(&v->fe, key) : NULL;
		int count = 0;
		for (size_t k = 0; res && k < res->nfindings; k++) {
			int line;
			count += str_eq(finding_field(ad, &res->findings[k], &line), key);
		}
		html_printf(o, "<div class=\"field ad-field%s\" data-field=\"%s\"><label for=\"f-%s\">%s "
			       "<span class=\"badge badge-muted ad-field-count\" data-count-for=\"%s\" aria-hidden=\"true\"%s>%d</span></label>",
			    err ? " has-error" : "", key, key, field_label(ad, i), key, count ? "" : " hidden", count);
		const char *described = arena_printf(&r->arena, "f-%s-%s", key, err ? "err" : "hint");
		if (i == 0)
			html_printf(o, "<input id=\"f-title\" name=\"title\" type=\"text\" value=\"%s\" aria-describedby=\"%s\" "
				       "aria-invalid=\"%s\"%s>",
				    value, described, err ? "true" : "false", can_edit ? "" : " readonly");
		else {
			html_printf(o, "<textarea id=\"f-%s\" name=\"%s\" rows=\"%d\" aria-describedby=\"%s\" aria-invalid=\"%s\"%s>",
				    key, key, rows_for(value), described, err ? "true" : "false", can_edit ? "" : " readonly");
			/* A line break right after the tag is dropped by the parser: this
			 * one, so that a first line break of the text survives. */
			html_raw(o, "\n");
			html_printf(o, "%s</textarea>", value);
		}
		if (err)
			html_printf(o, "<p class=\"field-error\" id=\"f-%s-err\">%s</p>", key, err);
		else
			html_printf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>", key, field_hint(i));
		html_raw(o, "</div>");
	}
}

static void regenerate_card(struct request *r, struct editor_view *v)
{
	struct buf *o = &r->out;
	const struct stored_ad *ad = v->stored;
	bool failed = v->failed == FORM_GENERATE;
	html_printf(o, "<section class=\"card ad-regenerate\" id=\"ad-regenerate\"><h2>%s</h2>", _("Draft again"));
	if (v->p->approved_version > ad->generated_from_version)
		html_printf(o, "<p>%s</p>",
			    arena_printf(&r->arena, _("Version %d of the profile has been approved since this ad was drafted."),
					 v->p->approved_version));
	for (int i = 0; failed && i < v->fe.n; i++)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", v->fe.message[i]);
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/positions/%lld/ad/generate\"", (long long)v->p->id);
	if (ad->edited)
		html_printf(o, " data-confirm=\"%s\"", _("Replace your edits with a new draft?"));
	html_raw(o, ">");
	csrf_field(r);
	lang_select(r, "f-regen-lang", v->lang ? v->lang : ad->ad.lang);
	if (ad->edited)
		html_printf(o, "<p class=\"flash flash-info\">%s</p><label class=\"check\"><input type=\"checkbox\" name=\"force\" "
			       "value=\"1\" id=\"f-force\"> %s</label>",
			    _("This ad was edited by hand. A new draft replaces those edits."),
			    _("Yes, replace my edits"));
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn\">%s</button></div></form></section>",
		    _("Draft again"));
}

static void exports_card(struct request *r, const struct position *p)
{
	static const struct { const char *format; const char *label; } formats[] = {
		{ "html", N_("HTML") }, { "md", N_("Markdown") }, { "txt", N_("Plain text for job portals") },
		{ "jsonld", N_("JSON-LD (schema.org JobPosting)") },
	};
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card ad-exports\"><h2>%s</h2><p class=\"muted\">%s</p><ul class=\"ad-export-list\">",
		    _("Export"), _("The saved ad as a file."));
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		html_printf(o, "<li><a class=\"btn btn-small\" href=\"/positions/%lld/ad/export?format=%s\" download>%s</a></li>",
			    (long long)p->id, formats[i].format, _(formats[i].label));
	html_raw(o, "</ul></section>");
}

/* What stops publishing the stored ad with valid_through; NULL when nothing. */
static const char *publish_blocker(struct request *r, const struct stored_ad *ad, const struct position *p,
				   const char *date_posted, const char *valid_through, const char **field);

static void publish_card(struct request *r, struct editor_view *v, bool can_edit)
{
	struct buf *o = &r->out;
	const struct stored_ad *ad = v->stored;
	char today[11], fallback[11];
	today_iso(r->now, today);
	bool expired = ad->published && strcmp(ad->valid_through, today) < 0;
	html_printf(o, "<section class=\"card ad-publish\" id=\"ad-publish\"><h2>%s</h2>", _("Publishing"));
	if (ad->published) {
		const char *url = arena_printf(&r->arena, "/jobs/%s", ad->slug);
		html_printf(o, "<p><span class=\"badge badge-%s\">%s</span> %s</p>", expired ? "warn" : "ok",
			    expired ? _("Expired") : _("Published"),
			    arena_printf(&r->arena, _("Since %s, valid through %s."), date_text(r, ad->date_posted),
					 date_text(r, ad->valid_through)));
		if (!expired)
			html_printf(o, "<p class=\"ad-public-link\">%s <a href=\"%s\">%s</a></p>", _("Public page:"), url, url);
	} else {
		html_printf(o, "<p class=\"muted\">%s</p>",
			    _("Published ads appear on the public job pages under /jobs, with the schema.org JobPosting data "
			      "search engines read."));
	}
	if (!can_edit) {
		html_raw(o, "</section>");
		return;
	}
	const char *date_posted = ad->published ? ad->date_posted : today;
	add_days_iso(date_posted, ad->ad.valid_through_days > 0 ? ad->ad.valid_through_days : JOB_AD_DEFAULT_VALID_DAYS,
		     fallback);
	if (expired)
		add_days_iso(today, ad->ad.valid_through_days > 0 ? ad->ad.valid_through_days : JOB_AD_DEFAULT_VALID_DAYS,
			     fallback);
	const char *value = v->valid_through ? v->valid_through : ad->published && !expired ? ad->valid_through : fallback;
	bool failed = v->failed == FORM_PUBLISH;
	const char *err = failed ? form_error_for(&v->fe, "valid_through") : NULL;
	if (failed)
		for (int i = 0; i < v->fe.n; i++)
			if (!str_eq(v->fe.field[i], "valid_through"))
				html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", v->fe.message[i]);
	if (!failed) {
		const char *field = NULL;
		const char *blocker = publish_blocker(r, ad, v->p, date_posted, value, &field);
		if (blocker && !str_eq(field, "valid_through"))
			html_printf(o, "<p class=\"flash flash-info\">%s</p>", blocker);
	}
	html_printf(o, "<form class=\"form ad-publish-form\" method=\"post\" action=\"/positions/%lld/ad/publish\" novalidate>",
		    (long long)v->p->id);
	csrf_field(r);
	html_printf(o, "<div class=\"field%s\"><label for=\"f-valid_through\">%s</label><input id=\"f-valid_through\" "
		       "name=\"valid_through\" type=\"date\" value=\"%s\" min=\"%s\" aria-describedby=\"f-valid_through-%s\" "
		       "aria-invalid=\"%s\">",
		    err ? " has-error" : "", _("Valid through"), value, today, err ? "err" : "hint", err ? "true" : "false");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-valid_through-err\">%s</p></div>", err);
	else
		html_printf(o, "<p class=\"hint\" id=\"f-valid_through-hint\">%s</p></div>",
			    _("The last day the ad is shown; afterwards the public page answers that the job is no longer open."));
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>",
		    ad->published && !expired ? _("Update validity") : _("Publish"));
	if (ad->published) {
		html_printf(o, "<form method=\"post\" action=\"/positions/%lld/ad/unpublish\" data-confirm=\"%s\">",
			    (long long)v->p->id, _("Take the ad off the public job page?"));
		csrf_field(r);
		html_printf(o, "<button type=\"submit\" class=\"btn btn-danger\">%s</button></form>", _("Unpublish"));
	}
	html_raw(o, "</section>");
}

static void render_editor(struct request *r, struct editor_view *v)
{
	struct buf *o = &r->out;
	const struct position *p = v->p;
	bool can_edit = permission_allows(&r->principal, ACTION_EDIT_POSITIONS);
	position_page_begin(r, p, "ad", _("Job ad"));
	const char *done = done_message(req_query(r, "done"));
	if (done)
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", done);
	if (!v->stored) {
		empty_state(r, v, can_edit);
		page_end(r);
		return;
	}
	const struct stored_ad *ad = v->stored;
	struct stored_ad linted = *ad;
	linted.ad = *v->shown;
	struct adlint_result res;
	bool linted_ok = ad_lint(r, &linted, p, &res);

	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Edit the ad freely. The check beside the text updates as you type; click a finding to jump to the "
		      "passage."));
	html_raw(o, "<p class=\"ad-meta\">");
	html_printf(o, "<span class=\"badge badge-muted\">%s</span> ", str_eq(ad->ad.lang, "en") ? _("English") : _("German"));
	if (ad->generated_from_version)
		html_printf(o, "<span>%s</span> ",
			    arena_printf(&r->arena, _("Drafted from profile version %d."), ad->generated_from_version));
	if (ad->edited)
		html_printf(o, "<span class=\"badge badge-warn\">%s</span> ", _("edited by hand"));
	if (ad->published)
		html_printf(o, "<a class=\"badge badge-ok\" href=\"/jobs/%s\">%s</a>", ad->slug, _("published"));
	html_raw(o, "</p>");
	if (v->unsaved)
		html_printf(o, "<div class=\"flash flash-info\" role=\"status\">%s</div>",
			    _("Checked, not saved: the findings are of the text below. Save to keep it."));
	if (v->failed == FORM_TEXT)
		form_error_summary(r, &v->fe);

	html_raw(o, "<div class=\"ad-editor\">");
	html_printf(o, "<form class=\"form ad-form\" id=\"ad-form\" method=\"post\" action=\"/positions/%lld/ad\" novalidate "
		       "data-ad-check=\"/positions/%lld/ad/check\">",
		    (long long)p->id, (long long)p->id);
	csrf_field(r);
	html_printf(o, "<p class=\"hint\">%s</p>",
		    _("Lines starting with “- ” become bullet points; every other line is a paragraph of its own."));
	text_fields(r, v, linted_ok ? &res : NULL, can_edit);
	html_printf(o, "<p class=\"visually-hidden\" id=\"ad-check-status\" role=\"status\" aria-live=\"polite\"></p>"
		       "<div class=\"form-actions ad-actions\"><button type=\"submit\" class=\"btn\" name=\"action\" value=\"check\">%s</button>",
		    _("Check"));
	if (can_edit)
		html_printf(o, "<button type=\"submit\" class=\"btn btn-primary\" name=\"action\" value=\"save\">%s</button>",
			    _("Save"));
	html_raw(o, "</div></form>");
	findings_panel(r, v->shown, linted_ok ? &res : NULL, NULL, can_edit);
	html_raw(o, "</div>");
	if (linted_ok)
		adlint_result_free(&res);

	html_raw(o, "<div class=\"ad-cards\">");
	publish_card(r, v, can_edit);
	exports_card(r, p);
	if (can_edit)
		regenerate_card(r, v);
	html_raw(o, "</div>");
	page_end(r);
}

/* Loads position and ad for a handler; false when it has answered (404, 500). */
static bool editor_load(struct request *r, struct position *p, struct editor_view *v, bool need_ad)
{
	memset(v, 0, sizeof *v);
	if (!position_load_from_path(r, p))
		return false;
	v->p = p;
	bool found;
	struct stored_ad *ad;
	if (!load_ad(r, p, &ad, &found))
		return false;
	if (!found && need_ad) {
		page_error(r, 404, _("This position has no job ad yet."));
		return false;
	}
	v->stored = found ? ad : NULL;
	v->shown = found ? &ad->ad : NULL;
	return true;
}

void page_ad_editor(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (editor_load(r, &p, &v, false))
		render_editor(r, &v);
}

/* ---- saving, checking, fixing ------------------------------------------------------------------- */

static bool save_ad(struct request *r, struct stored_ad *ad)
{
	struct actor a = req_actor(r);
	enum store_rc rc = store_begin(r->store);
	if (rc == STORE_OK)
		rc = store_ad_save(r->store, &a, ad, r->now);
	if (rc == STORE_OK)
		rc = store_commit(r->store);
	if (rc != STORE_OK) {
		store_rollback(r->store);
		return false;
	}
	return true;
}

/*
 * Applies finding number index of the draft's findings to the draft; false
 * with a message when there is no such finding or it has no fix (the text
 * changed since the page was shown) or the result does not fit.
 */
static bool apply_fix(struct request *r, const struct position *p, struct stored_ad *draft, const char *index_text,
		      const char **why)
{
	long long index;
	struct adlint_result res;
	*why = _("This fix no longer applies: the text changed in the meantime. Nothing was changed.");
	if (!str_to_int64(index_text, 0, 100000, &index) || !ad_lint(r, draft, p, &res))
		return false;
	bool ok = false;
	if ((size_t)index < res.nfindings && res.findings[index].replacement[0]) {
		struct placed pl = place_finding(&draft->ad, &res.findings[index]);
		const char *repl = res.findings[index].replacement;
		char *text = NULL;
		size_t cap = 0;
		for (int i = 0; pl.field && i < AD_FIELDS; i++)
			if (str_eq(field_key(i), pl.field))
				text = field_buf(&draft->ad, i, &cap);
		if (text && pl.byte_to > pl.byte_from) {
			size_t len = strlen(text), rlen = strlen(repl);
			size_t result = len - (pl.byte_to - pl.byte_from) + rlen;
			if (result < cap) {
				memmove(text + pl.byte_from + rlen, text + pl.byte_to, len - pl.byte_to + 1);
				memcpy(text + pl.byte_from, repl, rlen);
				ok = true;
			} else {
				*why = _("The fix would make the section longer than allowed. Nothing was changed.");
			}
		}
	}
	adlint_result_free(&res);
	return ok;
}

void page_ad_save(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (!editor_load(r, &p, &v, true))
		return;
	struct stored_ad *draft = arena_alloc(&r->arena, sizeof *draft);
	*draft = *v.stored;
	read_ad_form(r, &draft->ad, v.raw, &v.fe, true);
	v.shown = &draft->ad;
	const char *action = req_form(r, "action");
	const char *fix = req_form(r, "fix");
	if (v.fe.n) {
		v.failed = FORM_TEXT;
		r->status = 422;
		render_editor(r, &v);
		return;
	}
	if (!fix && str_eq(action, "check")) {
		v.unsaved = true;
		render_editor(r, &v);
		return;
	}
	if (fix) {
		const char *why;
		if (!apply_fix(r, &p, draft, fix, &why)) {
			page_error(r, 409, why);
			return;
		}
	}
	if (!same_text(&draft->ad, &v.stored->ad))
		draft->edited = true;
	if (!save_ad(r, draft)) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/ad?done=%s%s", (long long)p.id, fix ? "fixed" : "saved",
				      fix ? "#ad-findings" : ""));
}

void page_ad_lint_preview(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (!editor_load(r, &p, &v, true))
		return;
	struct stored_ad *draft = arena_alloc(&r->arena, sizeof *draft);
	*draft = *v.stored;
	read_ad_form(r, &draft->ad, v.raw, &v.fe, false);
	struct adlint_result res;
	bool ok = ad_lint(r, draft, &p, &res);
	r->content_type_out = "text/html; charset=utf-8";
	findings_panel(r, &draft->ad, ok ? &res : NULL, &v.fe, permission_allows(&r->principal, ACTION_EDIT_POSITIONS));
	if (ok)
		adlint_result_free(&res);
}

/* ---- generating -------------------------------------------------------------------------------- */

void page_ad_generate(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (!editor_load(r, &p, &v, false))
		return;
	const char *lang = req_form(r, "lang");
	bool force = str_eq(req_form(r, "force"), "1");
	switch (ad_generate_for_position(r, p.id, lang, force, NULL, &v.fe)) {
	case OP_OK:
		resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/ad?done=generated", (long long)p.id));
		return;
	case OP_INVALID:
		v.failed = FORM_GENERATE;
		v.lang = str_eq(lang, "en") ? "en" : "de";
		r->status = form_error_for(&v.fe, "edited") ? 409 : 422;
		render_editor(r, &v);
		return;
	default:
		page_error(r, 500, NULL);
		return;
	}
}

/* ---- exports ----------------------------------------------------------------------------------- */

/* The public address of a published ad, from the Host the browser used;
 * NULL when the Host header is missing or odd. */
static const char *public_url(struct request *r, const char *slug)
{
	const char *host = req_header(r, "Host");
	if (str_empty(host) || strlen(host) > 255)
		return NULL;
	for (const char *c = host; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '.' ||
		      *c == '-' || *c == ':' || *c == '[' || *c == ']'))
			return NULL;
	return arena_printf(&r->arena, "%s://%s/jobs/%s", r->secure ? "https" : "http", host, slug);
}

/* The JobPosting of the ad as it is or would be published. Caller decrefs. */
static json_t *ad_jsonld(struct request *r, const struct stored_ad *ad, const struct position *p, const char *date_posted,
			 const char *valid_through)
{
	struct organisation o;
	if (store_organisation_get(r->store, p->organisation_id, &o) != STORE_OK)
		return NULL;
	const char *url = ad->published && ad->slug[0] ? public_url(r, ad->slug) : NULL;
	return job_ad_jsonld(&ad->ad, p, &o, date_posted, valid_through, url);
}

void page_ad_export(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (!editor_load(r, &p, &v, true))
		return;
	const struct stored_ad *ad = v.stored;
	const char *format = req_query(r, "format");
	const char *base = ad->slug[0] ? ad->slug : arena_printf(&r->arena, "job-ad-%lld", (long long)p.id);
	struct buf body = BUF_INIT;
	const char *type, *ext;
	if (str_eq(format, "html")) {
		type = "text/html; charset=utf-8";
		ext = "html";
		html_printf(&body, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"
				   "</head>\n<body>\n<h1>%s</h1>\n",
			    ad->ad.lang, ad->ad.title, ad->ad.title);
		job_ad_to_html(&ad->ad, &body);
		html_raw(&body, "</body>\n</html>\n");
	} else if (str_eq(format, "md")) {
		type = "text/markdown; charset=utf-8";
		ext = "md";
		job_ad_to_markdown(&ad->ad, &body);
	} else if (str_eq(format, "txt")) {
		type = "text/plain; charset=utf-8";
		ext = "txt";
		job_ad_to_text(&ad->ad, &body);
	} else if (str_eq(format, "jsonld")) {
		char today[11], until[11];
		today_iso(r->now, today);
		const char *posted = ad->published ? ad->date_posted : today;
		add_days_iso(posted, ad->ad.valid_through_days > 0 ? ad->ad.valid_through_days : JOB_AD_DEFAULT_VALID_DAYS,
			     until);
		json_t *ld = ad_jsonld(r, ad, &p, posted, ad->published ? ad->valid_through : until);
		char *text = ld ? json_dumps(ld, JSON_INDENT(2) | JSON_ENSURE_ASCII) : NULL;
		json_decref(ld);
		if (!text) {
			buf_free(&body);
			page_error(r, 500, NULL);
			return;
		}
		buf_puts(&body, text);
		buf_putc(&body, '\n');
		free(text);
		type = "application/ld+json";
		ext = "jsonld";
	} else {
		buf_free(&body);
		page_error(r, 400, _("Unknown export format: use html, md, txt or jsonld."));
		return;
	}
	buf_reset(&r->out);
	buf_append(&r->out, body.data ? body.data : "", body.len);
	buf_free(&body);
	r->status = 200;
	r->content_type_out = type;
	resp_header(r, "Content-Disposition", arena_printf(&r->arena, "attachment; filename=\"%s.%s\"", base, ext));
}

/* ---- publishing -------------------------------------------------------------------------------- */

/* The human name of a JobPosting property that job_ad_jsonld_complete()
 * found missing. */
static const char *missing_text(const char *property)
{
	if (str_eq(property, "title"))
		return _("The ad has no title.");
	if (str_eq(property, "description"))
		return _("The ad has no text.");
	if (str_eq(property, "hiringOrganization.name"))
		return _("The hiring company has no name.");
	if (str_eq(property, "jobLocation.address"))
		return _("The place of work is missing: give the position a location or the company a city and country — "
			 "or make the position fully remote.");
	if (str_eq(property, "validThrough"))
		return _("Please enter the last day the ad is valid.");
	return _("A date is missing.");
}

static const char *section_name(const char *lang, const char *key)
{
	for (int s = 0; s < JOB_AD_SECTION__COUNT; s++)
		if (str_eq(key, job_ad_section_key((enum job_ad_section)s)))
			return *job_ad_section_heading(lang, (enum job_ad_section)s) ? job_ad_section_heading(lang, (enum job_ad_section)s)
										      : _("Opening");
	return key;
}

static const char *publish_blocker(struct request *r, const struct stored_ad *ad, const struct position *p,
				   const char *date_posted, const char *valid_through, const char **field)
{
	char today[11];
	today_iso(r->now, today);
	*field = "valid_through";
	if (!parse_iso_date(valid_through, NULL))
		return _("Please enter a date as YYYY-MM-DD.");
	if (strcmp(valid_through, today) <= 0)
		return _("The date must lie in the future.");
	*field = "ad";
	const char *section = job_ad_first_placeholder(&ad->ad);
	if (section)
		return arena_printf(&r->arena,
				    _("The section “%s” still holds a placeholder in square brackets. Replace it with your own "
				      "words before publishing."),
				    section_name(ad->ad.lang, section));
	json_t *ld = ad_jsonld(r, ad, p, date_posted, valid_through);
	const char *missing = NULL;
	if (!ld)
		return _("The hiring company of this position cannot be loaded.");
	const char *msg = NULL;
	if (!job_ad_jsonld_complete(ld, &missing))
		msg = arena_printf(&r->arena, _("%s (schema.org JobPosting: %s is missing.)"), missing_text(missing), missing);
	json_decref(ld);
	return msg;
}

/* The slug of title: lowercase ASCII letters and digits, German umlauts
 * spelled out (ä → ae, ß → ss), common accents dropped, anything else a
 * single '-'; a gender marker in brackets such as "(m/w/d)" left out; at
 * most max characters, cut at a '-' where possible. */
static void slug_from_title(const char *title, char *out, size_t max)
{
	static const struct { const char *utf8, *ascii; } letters[] = {
		{ "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "ae" }, { "Ö", "oe" }, { "Ü", "ue" }, { "ß", "ss" },
		{ "é", "e" },  { "è", "e" },  { "ê", "e" },  { "à", "a" },  { "á", "a" },  { "â", "a" },  { "ç", "c" },
		{ "ñ", "n" },  { "ó", "o" },  { "ô", "o" },  { "í", "i" },  { "î", "i" },  { "ú", "u" },  { "É", "e" },
		{ "å", "a" },  { "ø", "oe" }, { "æ", "ae" },
	};
	size_t n = 0;
	bool dash = false;
	for (const char *c = title; *c && n < max;) {
		if (*c == '(') {
			const char *close = strchr(c, ')');
			size_t inner = close ? (size_t)(close - c - 1) : 0;
			char group[24];
			if (close && inner > 0 && inner < sizeof group) {
				memcpy(group, c + 1, inner);
				group[inner] = '\0';
				for (char *g = group; *g; g++)
					if (*g >= 'A' && *g <= 'Z')
						*g = (char)(*g - 'A' + 'a');
				if ((strchr(group, '/') && inner <= 12) || str_eq(group, "gn") || str_eq(group, "all genders") ||
				    str_eq(group, "alle geschlechter")) {
					c = close + 1;
					dash = n > 0;
					continue;
				}
			}
		}
		unsigned char u = (unsigned char)*c;
		const char *put = NULL;
		char one[2] = { 0, 0 };
		size_t adv = 1;
		if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
			one[0] = (char)u;
			put = one;
		} else if (u >= 'A' && u <= 'Z') {
			one[0] = (char)(u - 'A' + 'a');
			put = one;
		} else if (u >= 0x80) {
			adv = utf8_len(u);
			for (size_t k = 1; k < adv; k++)
				if (!c[k])
					adv = k;
			for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++)
				if (strlen(letters[k].utf8) == adv && memcmp(c, letters[k].utf8, adv) == 0)
					put = letters[k].ascii;
		}
		c += adv;
		if (!put) {
			dash = n > 0;
			continue;
		}
		if (dash && n + 1 < max)
			out[n++] = '-';
		dash = false;
		for (; *put && n < max; put++)
			out[n++] = *put;
	}
	out[n] = '\0';
	if (n == max && title[0]) {
		char *last = strrchr(out, '-');
		if (last && (size_t)(last - out) > max / 2)
			*last = '\0';
	}
	n = strlen(out);
	while (n && out[n - 1] == '-')
		out[--n] = '\0';
}

void page_ad_publish(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (!editor_load(r, &p, &v, true))
		return;
	struct stored_ad *ad = v.stored;
	char today[11];
	today_iso(r->now, today);
	bool expired = ad->published && strcmp(ad->valid_through, today) < 0;
	const char *date_posted = ad->published && !expired ? ad->date_posted : today;
	const char *valid_through = req_form(r, "valid_through");
	char until[11];
	str_copy(until, sizeof until, valid_through ? valid_through : "");
	str_trim(until);
	const char *field = NULL;
	const char *blocker = publish_blocker(r, ad, &p, date_posted, until, &field);
	if (blocker) {
		form_error(&v.fe, field, blocker);
		v.failed = FORM_PUBLISH;
		v.valid_through = valid_through ? arena_strdup(&r->arena, valid_through) : "";
		r->status = 422;
		render_editor(r, &v);
		return;
	}
	char base[SLUG_MAX + 1], slug[SLUG_MAX + 1];
	if (ad->slug[0] && strlen(ad->slug) <= SLUG_MAX) {
		str_copy(base, sizeof base, ad->slug);
	} else {
		slug_from_title(ad->ad.title, base, SLUG_MAX - 3);
		if (!base[0])
			snprintf(base, sizeof base, "stelle-%lld", (long long)p.id);
	}
	struct actor a = req_actor(r);
	enum store_rc rc = STORE_CONFLICT;
	for (int attempt = 1; attempt <= 99 && rc == STORE_CONFLICT; attempt++) {
		char numbered[SLUG_MAX + 16];
		if (attempt == 1)
			str_copy(numbered, sizeof numbered, base);
		else
			snprintf(numbered, sizeof numbered, "%.*s-%d", SLUG_MAX - 3, base, attempt);
		str_copy(slug, sizeof slug, numbered);
		rc = store_begin(r->store);
		if (rc == STORE_OK)
			rc = store_ad_publish(r->store, &a, p.id, slug, date_posted, until, r->now);
		if (rc == STORE_OK)
			rc = store_commit(r->store);
		if (rc != STORE_OK)
			store_rollback(r->store);
	}
	if (rc != STORE_OK) {
		log_error("publishing the ad of position %lld failed: %s", (long long)p.id, store_rc_name(rc));
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/ad?done=published#ad-publish", (long long)p.id));
}

void page_ad_unpublish(struct request *r)
{
	struct position p;
	struct editor_view v;
	if (!editor_load(r, &p, &v, true))
		return;
	if (v.stored->published) {
		struct actor a = req_actor(r);
		enum store_rc rc = store_begin(r->store);
		if (rc == STORE_OK)
			rc = store_ad_unpublish(r->store, &a, p.id, r->now);
		if (rc == STORE_OK)
			rc = store_commit(r->store);
		if (rc != STORE_OK) {
			store_rollback(r->store);
			page_error(r, 500, NULL);
			return;
		}
	}
	resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/ad?done=unpublished#ad-publish", (long long)p.id));
}
