/*
 * candidate_view.c — shared helpers of the candidate pages: the field table,
 * form input, labels, snippets, links, tags and relative times; see
 * candidate_view.h.
 */
#include "web/candidate_view.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/channels.h"
#include "core/evaluation.h"
#include "core/password_policy.h"
#include "store/candidates.h"
#include "store/consents.h"
#include "util/str.h"

#define TEXT(f, label) { #f, label, offsetof(struct candidate, f), sizeof(((struct candidate *)0)->f) }
#define NUMBER(f, label) { #f, label, offsetof(struct candidate, f), 0 }

static const struct candidate_field_def FIELDS[] = {
	TEXT(first_name, N_("First name")),
	TEXT(last_name, N_("Last name")),
	TEXT(email, N_("Email")),
	TEXT(phone, N_("Phone")),
	TEXT(current_role, N_("Current role")),
	TEXT(current_company, N_("Current company")),
	TEXT(location, N_("Location")),
	NUMBER(notice_period_weeks, N_("Notice period (weeks)")),
	NUMBER(salary_expectation, N_("Salary expectation (per year)")),
	TEXT(currency, N_("Currency")),
	TEXT(languages, N_("Languages")),
	TEXT(links, N_("Links")),
	TEXT(tags, N_("Tags")),
	TEXT(channel, N_("Source channel")),
	TEXT(referrer, N_("Referred by")),
	TEXT(event, N_("Event or fair")),
};

#undef TEXT
#undef NUMBER

const struct candidate_field_def *candidate_fields(size_t *n)
{
	*n = sizeof FIELDS / sizeof FIELDS[0];
	return FIELDS;
}

const char *candidate_field_text(struct request *r, const struct candidate *c, const struct candidate_field_def *f)
{
	if (f->size)
		return (const char *)c + f->offset;
	if (strcmp(f->name, "notice_period_weeks") == 0)
		return c->notice_period_weeks >= 0 ? arena_printf(&r->arena, "%d", c->notice_period_weeks) : "";
	return c->salary_expectation > 0 ? arena_printf(&r->arena, "%lld", (long long)c->salary_expectation) : "";
}

/* Parses a whole number, accepting the thousands separators people type. */
static bool parse_number(const char *text, long long max, long long *out)
{
	char clean[32];
	size_t n = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '.' || *p == ',' || *p == ' ' || *p == '\'')
			continue;
		if (n == sizeof clean - 1)
			return false;
		clean[n++] = *p;
	}
	clean[n] = '\0';
	return str_to_int64(clean, 0, max, out);
}

void candidate_field_set(struct request *r, struct candidate *c, const struct candidate_field_def *f, const char *text,
			 struct form_errors *fe)
{
	char *v = str_trim(arena_strdup(&r->arena, text));
	if (!f->size) {
		long long n;
		bool notice = strcmp(f->name, "notice_period_weeks") == 0;
		if (!*v) {
			if (notice)
				c->notice_period_weeks = -1;
			else
				c->salary_expectation = 0;
		} else if (notice) {
			if (parse_number(v, CANDIDATE_NOTICE_WEEKS_MAX, &n))
				c->notice_period_weeks = (int)n;
			else
				form_error(fe, f->name, _("The notice period must be between 0 and 104 weeks."));
		} else if (parse_number(v, 1000000000LL, &n)) {
			c->salary_expectation = n;
		} else {
			form_error(fe, f->name, _("Please enter a whole number in the allowed range."));
		}
		return;
	}
	if (!utf8_valid(v, strlen(v))) {
		form_error(fe, f->name, _("The text contains invalid characters (not UTF-8)."));
		return;
	}
	bool multiline = strcmp(f->name, "links") == 0;
	for (const char *p = v; *p; p++)
		if (((unsigned char)*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) ||
		    *p == 0x7f) {
			form_error(fe, f->name, _("Please remove control characters from this field."));
			return;
		}
	if (strcmp(f->name, "currency") == 0)
		for (char *p = v; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
	if (!str_copy((char *)c + f->offset, f->size, v))
		form_error(fe, f->name, arena_printf(&r->arena, _("At most %zu characters."), f->size - 1));
}

void candidate_read_form(struct request *r, struct candidate *c, struct form_errors *fe)
{
	for (size_t i = 0; i < sizeof FIELDS / sizeof FIELDS[0]; i++) {
		const char *v = req_form(r, FIELDS[i].name);
		if (v)
			candidate_field_set(r, c, &FIELDS[i], v, fe);
	}
	/* A salary without currency gets the usual one. */
	if (c->salary_expectation > 0 && !c->currency[0])
		str_copy(c->currency, sizeof c->currency, "EUR");
	enum channel ch;
	if (c->channel[0] && !form_error_for(fe, "channel") && !channel_parse(c->channel, &ch))
		form_error(fe, "channel", _("Please choose one of the offered values."));
	struct field_problem problems[16];
	size_t n = candidate_validate(c, problems, 16);
	for (size_t i = 0; i < n; i++)
		if (!form_error_for(fe, problems[i].field))
			form_error(fe, problems[i].field, _(problems[i].message));
}

const char *candidate_name(struct request *r, const struct candidate *c)
{
	const char *sep = c->first_name[0] && c->last_name[0] ? " " : "";
	const char *name = arena_printf(&r->arena, "%s%s%s", c->first_name, sep, c->last_name);
	return name[0] ? name : arena_printf(&r->arena, _("Candidate #%lld"), (long long)c->id);
}

bool candidate_load_from_path(struct request *r, int i, struct candidate *c)
{
	enum store_rc rc = store_candidate_get(r->store, req_path_arg(r, i), c);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such candidate."));
	else if (rc != STORE_OK)
		page_error(r, 500, NULL);
	return rc == STORE_OK;
}

const char *candidate_channel_label(const char *code)
{
	enum channel ch;
	if (!code || !code[0])
		return "";
	return channel_parse(code, &ch) ? _(channel_label(ch)) : code;
}

const char *candidate_stage_label(const struct stage *stages, size_t n, const char *code)
{
	const struct stage *s = pipeline_find(stages, n, code);
	struct stage defaults[PIPELINE_MAX_STAGES];
	size_t nd = pipeline_default_stages(defaults, PIPELINE_MAX_STAGES);
	const struct stage *d = pipeline_find(defaults, nd, code);
	if (!s)
		return d ? _(d->label) : code;
	/* A default label is a msgid; a renamed one is shown as typed. */
	return d && strcmp(d->label, s->label) == 0 ? _(s->label) : s->label;
}

void candidate_snippet_html(struct buf *o, const char *marked)
{
	bool open = false;
	const char *run = marked;
	for (const char *p = marked;; p++) {
		if (*p != '\0' && *p != '\x01' && *p != '\x02')
			continue;
		if (p > run) {
			char *text = malloc((size_t)(p - run) + 1);
			if (text) {
				memcpy(text, run, (size_t)(p - run));
				text[p - run] = '\0';
				html_txt(o, text);
				free(text);
			}
		}
		if (*p == '\0')
			break;
		if (*p == '\x01' && !open) {
			html_raw(o, "<mark>");
			open = true;
		} else if (*p == '\x02' && open) {
			html_raw(o, "</mark>");
			open = false;
		}
		run = p + 1;
	}
	if (open)
		html_raw(o, "</mark>");
}

static bool is_web_link(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

void candidate_links_html(struct buf *o, const char *links)
{
	char *copy = strdup(links);
	if (!copy)
		return;
	html_raw(o, "<ul class=\"candidate-links\">");
	char *save = NULL;
	for (char *t = strtok_r(copy, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save)) {
		if (is_web_link(t))
			html_printf(o, "<li><a href=\"%s\" rel=\"noopener noreferrer\">%s</a></li>", t, t);
		else
			html_printf(o, "<li>%s</li>", t);
	}
	html_raw(o, "</ul>");
	free(copy);
}

void candidate_tags_html(struct buf *o, const char *tags)
{
	char *copy = strdup(tags);
	if (!copy)
		return;
	char *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		str_trim(t);
		if (!*t)
			continue;
		html_raw(o, "<a class=\"tag\" href=\"/candidates?tag=");
		html_url_arg(o, t);
		html_printf(o, "\">%s</a> ", t);
	}
	free(copy);
}

const char *candidate_relative_time(struct request *r, int64_t at)
{
	int64_t d = r->now - at;
	if (d < 60)
		return _("just now");
	unsigned long n;
	if (d < 3600) {
		n = (unsigned long)(d / 60);
		return arena_printf(&r->arena, i18n_ngettext("%lu minute ago", "%lu minutes ago", n), n);
	}
	if (d < 86400) {
		n = (unsigned long)(d / 3600);
		return arena_printf(&r->arena, i18n_ngettext("%lu hour ago", "%lu hours ago", n), n);
	}
	n = (unsigned long)(d / 86400);
	return arena_printf(&r->arena, i18n_ngettext("%lu day ago", "%lu days ago", n), n);
}

void candidate_facts_html(struct request *r, const struct candidate *c)
{
	struct buf *o = &r->out;
	html_raw(o, "<dl class=\"facts candidate-facts\">");
	if (c->email[0]) {
		html_printf(o, "<dt>%s</dt><dd><a href=\"mailto:", _("Email"));
		html_url_arg(o, c->email);
		html_printf(o, "\">%s</a></dd>", c->email);
	}
	if (c->phone[0]) {
		char tel[CANDIDATE_PHONE_MAX + 1];
		size_t n = 0;
		for (const char *p = c->phone; *p && n < sizeof tel - 1; p++)
			if ((*p >= '0' && *p <= '9') || (*p == '+' && n == 0))
				tel[n++] = *p;
		tel[n] = '\0';
		html_printf(o, "<dt>%s</dt><dd><a href=\"tel:%s\">%s</a></dd>", _("Phone"), tel, c->phone);
	}
	if (c->location[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Location"), c->location);
	html_printf(o, "<dt>%s</dt>", _("Notice period"));
	if (c->notice_period_weeks < 0)
		html_printf(o, "<dd class=\"muted\">%s</dd>", _("not known"));
	else if (c->notice_period_weeks == 0)
		html_printf(o, "<dd>%s</dd>", _("available now"));
	else
		html_printf(o, "<dd>%s</dd>",
			    arena_printf(&r->arena, i18n_ngettext("%d week", "%d weeks", (unsigned long)c->notice_period_weeks),
					 c->notice_period_weeks));
	html_printf(o, "<dt>%s</dt>", _("Salary expectation"));
	if (c->salary_expectation > 0) {
		char amount[32];
		i18n_format_int(amount, sizeof amount, c->salary_expectation, r->lang);
		html_printf(o, "<dd>%s %s %s</dd>", amount, c->currency, _("per year"));
	} else {
		html_printf(o, "<dd class=\"muted\">%s</dd>", _("not known"));
	}
	if (c->languages[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Languages"), c->languages);
	if (c->links[0]) {
		html_printf(o, "<dt>%s</dt><dd>", _("Links"));
		candidate_links_html(o, c->links);
		html_raw(o, "</dd>");
	}
	if (c->tags[0]) {
		html_printf(o, "<dt>%s</dt><dd>", _("Tags"));
		candidate_tags_html(o, c->tags);
		html_raw(o, "</dd>");
	}
	if (c->channel[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Source channel"), candidate_channel_label(c->channel));
	if (c->referrer[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Referred by"), c->referrer);
	if (c->event[0])
		html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Event or fair"), c->event);
	html_raw(o, "</dl>");
}

static const struct candidate_position *position_of(const struct candidate_position *p, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].id == id)
			return &p[i];
	return NULL;
}

void candidate_timeline_html(struct request *r, const struct application_event *ev, size_t nev,
			     const struct candidate_position *positions, size_t npositions)
{
	static const struct { const char *sign; const char *label; } kinds[EVENT_KIND__COUNT] = {
		[EVENT_STAGE] = { "⇄", N_("Stage move") },
		[EVENT_NOTE] = { "✎", N_("Note") },
		[EVENT_CONTACT] = { "☎", N_("Contact") },
		[EVENT_DOCUMENT] = { "▤", N_("Document") },
		[EVENT_DECISION] = { "⚖", N_("Decision") },
	};
	struct buf *o = &r->out;
	struct stage defaults[PIPELINE_MAX_STAGES];
	size_t nd = pipeline_default_stages(defaults, PIPELINE_MAX_STAGES);
	if (nev == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("No activity yet. Notes, contacts, stage moves and documents appear here."));
		return;
	}
	html_raw(o, "<ol class=\"timeline\">");
	for (size_t i = 0; i < nev; i++) {
		const struct application_event *e = &ev[i];
		unsigned k = (unsigned)e->kind < EVENT_KIND__COUNT ? (unsigned)e->kind : EVENT_NOTE;
		const struct candidate_position *p = position_of(positions, npositions, e->position_id);
		const struct stage *st = p ? p->stages : defaults;
		size_t nst = p ? p->nstages : nd;
		char when[64];
		i18n_format_datetime(when, sizeof when, (time_t)e->at, r->lang);
		html_printf(o, "<li class=\"timeline-%s\"><span class=\"timeline-sign\" aria-hidden=\"true\">%s</span>"
			       "<div><p class=\"timeline-head\"><strong>%s</strong>",
			    application_event_kind_code((enum application_event_kind)k), kinds[k].sign, _(kinds[k].label));
		if (p)
			html_printf(o, " · <a href=\"/positions/%lld/pipeline\">%s</a>", (long long)p->id, p->title);
		html_printf(o, " · %s · %s <span class=\"muted\">(%s)</span></p>", e->user_name[0] ? e->user_name : _("System"),
			    when, candidate_relative_time(r, e->at));
		if (e->kind == EVENT_STAGE) {
			if (e->from_stage[0])
				html_printf(o, "<p>%s → %s</p>", candidate_stage_label(st, nst, e->from_stage),
					    candidate_stage_label(st, nst, e->to_stage));
			else
				html_printf(o, "<p>→ %s</p>", candidate_stage_label(st, nst, e->to_stage));
		} else if (e->kind == EVENT_DECISION) {
			/* the store keeps the decision code in to_stage, the culture fit in from_stage */
			enum decision_kind dk;
			const char *what = decision_kind_parse(e->to_stage, &dk) ? _(decision_kind_label(dk)) : e->to_stage;
			html_printf(o, "<p class=\"timeline-decision\" data-decision=\"%s\"><strong>%s</strong> · %s</p>", e->to_stage,
				    what, arena_printf(&r->arena, _("Culture fit %s of 4"), e->from_stage));
		}
		if (e->text[0])
			html_printf(o, "<p class=\"timeline-text\">%s</p>", e->text);
		html_raw(o, "</div></li>");
	}
	html_raw(o, "</ol>");
}

void candidate_option(struct buf *o, const char *value, const char *label, bool selected)
{
	html_printf(o, "<option value=\"%s\"%s>%s</option>", value, selected ? " selected" : "", label);
}

void candidate_select_open(struct request *r, const struct form_errors *fe, const char *prefix, const char *name,
			   const char *label)
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"%s-%s\">%s</label>", err ? " has-error" : "", prefix, name,
		    label);
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"%s-%s-err\">%s</p>", prefix, name, err);
	html_printf(&r->out, "<select id=\"%s-%s\" name=\"%s\" aria-invalid=\"%s\">", prefix, name, name,
		    err ? "true" : "false");
}

void candidate_select_close(struct request *r)
{
	html_raw(&r->out, "</select></div>");
}

void candidate_text_field(struct request *r, const struct form_errors *fe, const char *prefix, const char *name,
		       const char *label, const char *value)
{
	const char *err = form_error_for(fe, name);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"%s-%s\">%s</label>", err ? " has-error" : "", prefix, name,
		    label);
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"%s-%s-err\">%s</p>", prefix, name, err);
	html_printf(&r->out, "<input id=\"%s-%s\" name=\"%s\" type=\"text\" value=\"%s\" aria-invalid=\"%s\"></div>", prefix,
		    name, name, value ? value : "", err ? "true" : "false");
}

void candidate_referral_html(struct request *r, const struct referral *f)
{
	html_printf(&r->out, "<br><span class=\"muted\">%s: %s (%s), %s", _("Referred by"), f->referrer_name,
		    _(referrer_kind_label(f->kind)), _(referral_status_label(f->status)));
	if (f->bonus_cents > 0) {
		char amount[32];
		i18n_format_int(amount, sizeof amount, f->bonus_cents / 100, r->lang);
		html_printf(&r->out, ", %s %s €", _("bonus"), amount);
	}
	html_raw(&r->out, "</span>");
}

void candidate_consents_html(struct request *r, const struct consent *consents, size_t n)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"consents\"><h2>%s</h2>", _("Consents"));
	if (n == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No consents recorded (they are given with an application on the career page)."));
	else
		html_raw(o, "<ul>");
	for (size_t i = 0; i < n; i++) {
		const struct consent *k = &consents[i];
		char when[64];
		i18n_format_datetime(when, sizeof when, (time_t)k->given_at, r->lang);
		html_printf(o, "<li>%s — %s %s, %s</li>",
			    k->kind == CONSENT_TALENT_POOL ? _("Talent pool") : _("Privacy notice"), _("notice version"),
			    k->notice_version, when);
	}
	if (n)
		html_raw(o, "</ul>");
	html_raw(o, "</section>");
}
