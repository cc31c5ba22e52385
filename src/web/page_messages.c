/*
 * page_messages.c — messages to candidates (R-COMM-2): the "Messages"
 * section of the candidate page (compose form and the candidate's messages
 * with their status), the compose page with its preview, sending (into the
 * outbox), and the outbox page with retry, copy and "mark as sent".
 *
 * The text is rendered from the template in effect (message_source.h) with
 * the candidate, the position of the chosen application, its organisation,
 * the sender and the details typed in (date, time, place, interviewer).
 * A placeholder without a value is an error naming it, before anything is
 * queued; sending renders again on the server, so what is queued is what
 * the preview showed. Delivery is the mailer's job (mailer.h); without SMTP
 * configured the outbox offers copy and mark as sent, which records the
 * contact like a delivered message does.
 */
#include <stdlib.h>
#include <string.h>

#include "core/berlin_time.h"
#include "core/calendar.h"
#include "core/messages.h"
#include "core/password_policy.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/organisations.h"
#include "store/outbox.h"
#include "store/positions.h"
#include "store/schedule.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/layout.h"
#include "web/mailer.h"
#include "web/message_source.h"
#include "web/pages.h"
#include "web/server.h"

#define DETAIL_MAX 500                     /* bytes of place (or video link) and interviewers */


/* ---- what the compose form carries ------------------------------------------------------ */

struct compose {
	const char *kind_code, *lang_code, *app_text, *date, *time, *place, *interviewer;
	enum message_kind kind;
	enum lang lang;
	int64_t application_id;
	struct form_errors fe;
	bool rendered;                          /* subject and body hold the text */
	const char *prefilled_from;             /* round whose scheduled interview filled the details, or NULL */
	struct buf subject, body;
};

struct compose_data {
	struct candidate c;
	struct application *apps;
	size_t napps;
	struct candidate_position *pos;         /* titles of the applications' positions */
};

static void data_free(struct compose_data *d)
{
	free(d->apps);
}

static bool data_load(struct request *r, struct compose_data *d)
{
	if (store_application_list_by_candidate(r->store, d->c.id, &d->apps, &d->napps) != STORE_OK)
		return false;
	d->pos = arena_alloc(&r->arena, (d->napps + 1) * sizeof *d->pos);
	for (size_t i = 0; i < d->napps; i++) {
		struct position p;
		d->pos[i].id = d->apps[i].position_id;
		d->pos[i].title = store_position_get(r->store, d->apps[i].position_id, &p) == STORE_OK
					  ? arena_strdup(&r->arena, p.title) : "";
	}
	return true;
}

static const char *kind_label(enum message_kind k)
{
	const char *l = message_kind_label(k);
	return l ? _(l) : "";
}

static const char *kind_label_code(const char *code)
{
	enum message_kind k;
	return message_kind_parse(code, &k) ? kind_label(k) : code;
}

static const char *status_label(enum outbox_status st)
{
	switch (st) {
	case OUTBOX_QUEUED: return _("Queued");
	case OUTBOX_SENDING: return _("Sending");
	case OUTBOX_SENT: return _("Sent");
	case OUTBOX_FAILED: return _("Failed");
	case OUTBOX_MANUAL: return _("Sent by hand");
	}
	return "";
}

static const char *status_badge(enum outbox_status st)
{
	switch (st) {
	case OUTBOX_SENT:
	case OUTBOX_MANUAL: return "badge-ok";
	case OUTBOX_FAILED: return "badge-error";
	case OUTBOX_SENDING: return "badge-warn";
	case OUTBOX_QUEUED: break;
	}
	return "badge-muted";
}

/* "Freitag, 27. November 2026" / "Friday, 27 November 2026". */
static const char *letter_date(struct request *r, int32_t day, enum lang lang)
{
	static const char *const de_days[] = { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" };
	static const char *const en_days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
	static const char *const de_months[] = { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
						 "August", "September", "Oktober", "November", "Dezember" };
	static const char *const en_months[] = { "January", "February", "March", "April", "May", "June", "July",
						 "August", "September", "October", "November", "December" };
	int y, m, d, wd = calendar_weekday(day);
	calendar_ymd_from_day(day, &y, &m, &d);
	if (lang == LANG_DE)
		return arena_printf(&r->arena, "%s, %d. %s %d", de_days[wd - 1], d, de_months[m - 1], y);
	return arena_printf(&r->arena, "%s, %d %s %d", en_days[wd - 1], d, en_months[m - 1], y);
}

/* "HH:MM" with 0 ≤ HH ≤ 23, 0 ≤ MM ≤ 59 (a single-digit hour allowed). */
static bool time_valid(const char *t)
{
	int h, m;
	char end;
	return sscanf(t, "%d:%d%c", &h, &m, &end) == 2 && h >= 0 && h <= 23 && m >= 0 && m <= 59 &&
	       strlen(t) <= 5 && strchr(t, ':')[1] != '\0' && strlen(strchr(t, ':') + 1) == 2;
}

/* A trimmed copy of text in the arena ("" for NULL). */
static char *trimmed(struct request *r, const char *text)
{
	return str_trim(arena_strdup(&r->arena, text ? text : ""));
}

/* A short free-text detail: at most DETAIL_MAX bytes of UTF-8 without
 * control characters. */
static bool detail_valid(const char *text)
{
	if (strlen(text) > DETAIL_MAX || !utf8_valid(text, strlen(text)))
		return false;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

/* Reads the compose fields through get (req_query or req_form). */
static void compose_read(struct request *r, const struct compose_data *d, struct compose *cm,
			 const char *(*get)(struct request *, const char *))
{
	memset(cm, 0, sizeof *cm);
	cm->kind_code = trimmed(r, get(r, "kind"));
	cm->lang_code = trimmed(r, get(r, "lang"));
	cm->app_text = trimmed(r, get(r, "application_id"));
	cm->date = trimmed(r, get(r, "date"));
	cm->time = trimmed(r, get(r, "time"));
	cm->place = trimmed(r, get(r, "place"));
	cm->interviewer = trimmed(r, get(r, "interviewer"));
	if (!message_kind_parse(cm->kind_code, &cm->kind))
		form_error(&cm->fe, "kind", _("Please choose one of the offered values."));
	if (!*cm->lang_code)
		cm->lang = r->lang;
	else if (!lang_parse(cm->lang_code, &cm->lang))
		form_error(&cm->fe, "lang", _("Please choose one of the offered values."));
	long long id = 0;
	if (*cm->app_text && !str_to_int64(cm->app_text, 0, INT64_MAX, &id))
		form_error(&cm->fe, "application_id", _("Please choose one of the offered values."));
	else if (!*cm->app_text && d->napps == 1)
		id = d->apps[0].id;
	bool found = id == 0;
	for (size_t i = 0; i < d->napps && !found; i++)
		found = d->apps[i].id == id;
	if (!found)
		form_error(&cm->fe, "application_id", _("Please choose one of the offered values."));
	cm->application_id = found ? (int64_t)id : 0;
	int32_t day;
	if (*cm->date && !calendar_parse_iso(cm->date, &day))
		form_error(&cm->fe, "date", _("Please enter a date as YYYY-MM-DD."));
	if (*cm->time && !time_valid(cm->time))
		form_error(&cm->fe, "time", _("Please enter a time as HH:MM, e.g. 14:30."));
	if (!detail_valid(cm->place))
		form_error(&cm->fe, "place", _("This field is too long or not valid UTF-8 text."));
	if (!detail_valid(cm->interviewer))
		form_error(&cm->fe, "interviewer", _("This field is too long or not valid UTF-8 text."));
	if (!d->c.email[0])
		form_error(&cm->fe, "to", _("The candidate has no email address: add one with Edit first."));
}

/* The field a missing placeholder is fixed in, and what to say there. */
static void missing_error(struct request *r, struct compose *cm, const char *name)
{
	static const char *const detail_fields[] = { "date", "time", "place", "interviewer" };
	for (size_t i = 0; i < sizeof detail_fields / sizeof detail_fields[0]; i++)
		if (strcmp(name, detail_fields[i]) == 0) {
			form_error(&cm->fe, detail_fields[i],
				   arena_printf(&r->arena, _("The message uses {{%s}}: please fill in this field."), name));
			return;
		}
	const char *field = "application_id", *text;
	if (strcmp(name, "company") == 0 && cm->application_id)
		text = arena_printf(&r->arena, _("The message uses {{%s}}, but the position has no organisation with a name."), name);
	else if (strcmp(name, "position") == 0 || strcmp(name, "company") == 0)
		text = arena_printf(&r->arena, _("The message uses {{%s}}: choose the application it is about."), name);
	else if (strncmp(name, "candidate_", 10) == 0)
		field = "to", text = arena_printf(&r->arena, _("The message uses {{%s}}, but the candidate has no value for it."), name);
	else
		field = "kind", text = arena_printf(&r->arena, _("The message uses {{%s}}, but there is no value for it."), name);
	form_error(&cm->fe, field, text);
}

/* Renders the template in effect with the values of cm into cm->subject
 * and cm->body; problems become form errors naming the placeholders. */
static bool compose_render(struct request *r, const struct compose_data *d, struct compose *cm)
{
	struct message_template *t = arena_alloc(&r->arena, sizeof *t);
	struct position p = { 0 };
	struct organisation org = { 0 };
	if (cm->fe.n)
		return false;
	enum store_rc rc = message_template_effective(r->store, cm->kind, cm->lang, t, NULL);
	if (rc != STORE_OK) {
		form_error(&cm->fe, "kind", _("There is no template for this kind of message in this language."));
		return false;
	}
	const char *position = NULL, *company = NULL, *date = NULL;
	for (size_t i = 0; i < d->napps; i++)
		if (d->apps[i].id == cm->application_id && store_position_get(r->store, d->apps[i].position_id, &p) == STORE_OK) {
			position = p.title;
			if (p.organisation_id > 0 && store_organisation_get(r->store, p.organisation_id, &org) == STORE_OK &&
			    org.name[0])
				company = org.name;
		}
	int32_t day;
	if (*cm->date && calendar_parse_iso(cm->date, &day))
		date = letter_date(r, day, cm->lang);
	char from_addr[256] = "";
	if (mailer_configured(r->cfg)) {
		const char *lt = strchr(r->cfg->smtp_from, '<');
		snprintf(from_addr, sizeof from_addr, "%.*s", lt ? (int)strcspn(lt + 1, ">") : (int)strlen(r->cfg->smtp_from),
			 lt ? lt + 1 : r->cfg->smtp_from);
	}
	const struct message_value values[] = {
		{ "candidate_name", arena_printf(&r->arena, "%s%s%s", d->c.first_name, d->c.first_name[0] && d->c.last_name[0] ? " " : "",
						 d->c.last_name) },
		{ "candidate_first_name", d->c.first_name[0] ? d->c.first_name : NULL },
		{ "position", position },
		{ "company", company },
		{ "date", date },
		{ "time", *cm->time ? cm->time : NULL },
		{ "place", *cm->place ? cm->place : NULL },
		{ "interviewer", *cm->interviewer ? cm->interviewer : NULL },
		{ "sender", r->user.display_name[0] ? r->user.display_name : r->user.name },
		{ "sender_email", from_addr },
	};
	struct message_problems problems;
	buf_reset(&cm->subject);
	buf_reset(&cm->body);
	if (message_render(cm->kind, t->subject, t->body, values, sizeof values / sizeof values[0], &cm->subject,
			   &cm->body, &problems)) {
		cm->rendered = true;
		return true;
	}
	for (size_t i = 0; i < problems.n; i++) {
		const struct message_problem *pr = &problems.items[i];
		if (pr->kind == MESSAGE_PROBLEM_MISSING)
			missing_error(r, cm, pr->name);
		else
			form_error(&cm->fe, "kind",
				   arena_printf(&r->arena, _("The template has a problem (%s) that an administrator can fix "
							     "under Settings → Messages."), message_problem_text(&r->arena, pr)));
	}
	return false;
}

/* ---- the compose page ------------------------------------------------------------------------ */

/* A one-line input with id m-NAME and its error, if any. */
static void text_input(struct request *r, const struct form_errors *fe, const char *name, const char *type,
		       const char *label, const char *value)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field%s\"><label for=\"m-%s\">%s</label>", err ? " has-error" : "", name, label);
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"m-%s-err\">%s</p>", name, err);
	html_printf(o, "<input id=\"m-%s\" name=\"%s\" type=\"%s\" value=\"%s\" aria-invalid=\"%s\"", name, name, type,
		    value ? value : "", err ? "true" : "false");
	if (err)
		html_printf(o, " aria-describedby=\"m-%s-err\"", name);
	html_raw(o, "></div>");
}

/* Kind, language and application selects (ids m-kind, m-lang, m-application_id). */
static void choice_fields(struct request *r, const struct compose_data *d, const struct compose *cm)
{
	struct buf *o = &r->out;
	candidate_select_open(r, &cm->fe, "m", "kind", _("Message"));
	for (int k = 0; k < MESSAGE_KIND__COUNT; k++)
		candidate_option(o, message_kind_code((enum message_kind)k), kind_label((enum message_kind)k),
				 str_eq(cm->kind_code, message_kind_code((enum message_kind)k)));
	candidate_select_close(r);
	candidate_select_open(r, &cm->fe, "m", "lang", _("Language of the message"));
	candidate_option(o, "de", _("German"), cm->lang == LANG_DE);
	candidate_option(o, "en", _("English"), cm->lang == LANG_EN);
	candidate_select_close(r);
	candidate_select_open(r, &cm->fe, "m", "application_id", _("About"));
	candidate_option(o, "0", _("the candidate in general"), cm->application_id == 0 && d->napps != 1);
	for (size_t i = 0; i < d->napps; i++)
		candidate_option(o, arena_printf(&r->arena, "%lld", (long long)d->apps[i].id), d->pos[i].title,
				 cm->application_id == d->apps[i].id || (d->napps == 1 && !*cm->app_text));
	candidate_select_close(r);
}

static void hidden(struct request *r, const char *name, const char *value)
{
	html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", name, value ? value : "");
}

static void render_compose(struct request *r, const struct compose_data *d, const struct compose *cm)
{
	struct buf *o = &r->out;
	const char *name = candidate_name(r, &d->c);
	page_begin(r, _("Send a message"), NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates/%lld\">%s</a></p><h1>%s</h1></div>"
		       "<div class=\"actions\"><a class=\"btn\" href=\"/outbox\">%s</a></div></div>",
		    (long long)d->c.id, name, _("Send a message"), _("Outbox"));
	if (!mailer_configured(r->cfg))
		html_printf(o, "<p class=\"notice\">%s</p>",
			    _("No mail server is configured: the message waits in the outbox, where you can copy it into your "
			      "mail program and mark it as sent."));
	html_printf(o, "<section class=\"card compose\" id=\"compose\"><h2>%s</h2>", _("Message"));
	form_error_summary_for(r, &cm->fe, "m");
	const char *err = form_error_for(&cm->fe, "to");
	html_printf(o, "<p class=\"compose-to%s\" id=\"m-to\"><strong>%s</strong> %s", err ? " has-error" : "", _("To:"), name);
	if (d->c.email[0])
		html_printf(o, " &lt;%s&gt;", d->c.email);
	if (err)
		html_printf(o, "<br><span class=\"field-error\">%s</span>", err);
	html_raw(o, "</p>");
	html_printf(o, "<form class=\"form\" method=\"get\" action=\"/candidates/%lld/messages/new#preview\" novalidate>",
		    (long long)d->c.id);
	choice_fields(r, d, cm);
	html_printf(o, "<fieldset class=\"message-details\"><legend>%s</legend><p class=\"hint\">%s</p>", _("Details"),
		    _("Invitations need date, time and place; interim updates and offers a date (by when the candidate "
		      "hears from you, by when they should answer)."));
	if (cm->prefilled_from)
		html_printf(o, "<p class=\"hint\" id=\"m-prefilled\">%s</p>",
			    arena_printf(&r->arena, _("Filled in from the scheduled interview “%s”."), cm->prefilled_from));
	text_input(r, &cm->fe, "date", "date", _("Date"), cm->date);
	text_input(r, &cm->fe, "time", "time", _("Time"), cm->time);
	text_input(r, &cm->fe, "place", "text", _("Place or video link"), cm->place);
	text_input(r, &cm->fe, "interviewer", "text", _("Interviewers"), cm->interviewer);
	html_printf(o, "</fieldset><div class=\"form-actions\"><button type=\"submit\" class=\"btn\" name=\"preview\" value=\"1\">%s</button>"
		       "</div></form></section>", _("Preview"));
	if (cm->rendered) {
		html_printf(o, "<section class=\"card message-preview\" id=\"preview\" aria-labelledby=\"preview-title\"><h2 id=\"preview-title\">%s</h2>"
			       "<dl class=\"message-head\"><dt>%s</dt><dd>%s &lt;%s&gt;</dd><dt>%s</dt><dd id=\"preview-subject\">%s</dd></dl>"
			       "<pre class=\"message-body\" id=\"preview-body\" lang=\"%s\">%s</pre>",
			    _("Preview"), _("Recipient"), name, d->c.email, _("Subject"), buf_cstr((struct buf *)&cm->subject),
			    lang_code(cm->lang), buf_cstr((struct buf *)&cm->body));
		html_printf(o, "<form method=\"post\" action=\"/candidates/%lld/messages\">", (long long)d->c.id);
		csrf_field(r);
		hidden(r, "kind", message_kind_code(cm->kind));
		hidden(r, "lang", lang_code(cm->lang));
		hidden(r, "application_id", arena_printf(&r->arena, "%lld", (long long)cm->application_id));
		hidden(r, "date", cm->date);
		hidden(r, "time", cm->time);
		hidden(r, "place", cm->place);
		hidden(r, "interviewer", cm->interviewer);
		html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
			    mailer_configured(r->cfg) ? _("Send") : _("Put into the outbox"));
	}
	page_end(r);
}

/* Fills the empty details of cm from the next scheduled interview of the
 * chosen application (R-COMM-1): date and time in Berlin, the place or the
 * video link, the interviewers. */
static void prefill_from_schedule(struct request *r, struct compose *cm)
{
	struct scheduled_interview *list = NULL;
	size_t n = 0;
	struct schedule_filter f = { .application_id = cm->application_id, .from = r->now, .limit = 1 };
	if (cm->application_id == 0 || *cm->date || *cm->time || *cm->place || *cm->interviewer ||
	    store_scheduled_interviews_list(r->store, &f, &list, &n) != STORE_OK || n == 0) {
		free(list);
		return;
	}
	const struct scheduled_interview *iv = &list[0];
	struct berlin_time bt;
	berlin_from_utc(iv->starts_at, &bt);
	cm->date = arena_printf(&r->arena, "%04d-%02d-%02d", bt.year, bt.month, bt.day);
	cm->time = arena_printf(&r->arena, "%02d:%02d", bt.hour, bt.minute);
	cm->place = arena_strdup(&r->arena, iv->location[0] ? iv->location : iv->video_link);
	struct buf names = BUF_INIT;
	for (size_t i = 0; i < iv->ninterviewers; i++)
		buf_printf(&names, "%s%s", i ? ", " : "", iv->interviewers[i].display_name);
	cm->interviewer = arena_strdup(&r->arena, buf_cstr(&names));
	cm->prefilled_from = arena_strdup(&r->arena, iv->round_name);
	buf_free(&names);
	free(list);
}

/* GET /candidates/{id}/messages/new: the form; with preview=1 the text. */
void page_message_compose(struct request *r)
{
	struct compose_data d = { 0 };
	struct compose cm;
	if (!candidate_load_from_path(r, 0, &d.c))
		return;
	if (!data_load(r, &d)) {
		page_error(r, 500, NULL);
		goto cleanup;
	}
	compose_read(r, &d, &cm, req_query);
	if (str_eq(req_query(r, "preview"), "1")) {
		if (!compose_render(r, &d, &cm))
			r->status = 422;
	} else {
		/* The first visit: no errors for fields not filled in yet. */
		bool kind_ok = message_kind_parse(cm.kind_code, &cm.kind);
		memset(&cm.fe, 0, sizeof cm.fe);
		if (!kind_ok)
			cm.kind_code = "";
		else if (cm.kind == MESSAGE_INVITATION)
			prefill_from_schedule(r, &cm);
	}
	render_compose(r, &d, &cm);
	buf_free(&cm.subject);
	buf_free(&cm.body);
cleanup:
	data_free(&d);
}

/* POST /candidates/{id}/messages: renders again and queues the message. */
void page_message_send(struct request *r)
{
	struct compose_data d = { 0 };
	struct compose cm;
	struct actor who = req_actor(r);
	if (!candidate_load_from_path(r, 0, &d.c))
		return;
	if (!data_load(r, &d)) {
		page_error(r, 500, NULL);
		goto cleanup;
	}
	compose_read(r, &d, &cm, req_form);
	if (compose_render(r, &d, &cm)) {
		struct outbox_message *m = arena_alloc(&r->arena, sizeof *m);
		memset(m, 0, sizeof *m);
		m->candidate_id = d.c.id;
		m->application_id = cm.application_id;
		str_copy(m->kind, sizeof m->kind, message_kind_code(cm.kind));
		str_copy(m->lang, sizeof m->lang, lang_code(cm.lang));
		str_copy(m->to_address, sizeof m->to_address, d.c.email);
		bool fits = str_copy(m->subject, sizeof m->subject, buf_cstr(&cm.subject)) &&
			    str_copy(m->body, sizeof m->body, buf_cstr(&cm.body));
		enum store_rc rc = fits ? store_outbox_enqueue(r->store, &who, m, r->now) : STORE_INVALID;
		if (rc == STORE_OK) {
			mailer_wake();
			resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=message_queued#messages", (long long)d.c.id));
			goto done;
		}
		if (rc != STORE_INVALID) {
			page_error(r, 500, NULL);
			goto done;
		}
		cm.rendered = false;
		form_error(&cm.fe, "kind", _("The message could not be queued: the text is too long or the address is not valid."));
	}
	r->status = 422;
	render_compose(r, &d, &cm);
done:
	buf_free(&cm.subject);
	buf_free(&cm.body);
cleanup:
	data_free(&d);
}

/* ---- the section on the candidate page ----------------------------------------------------- */

/* "next attempt 27.11.2026 14:05" or "no further automatic attempt". */
static const char *next_attempt_text(struct request *r, const struct outbox_message *m)
{
	if (m->status != OUTBOX_FAILED)
		return "";
	if (m->next_attempt_at == MAILER_NEVER || m->next_attempt_at <= 0)
		return _("No further automatic attempt.");
	char when[64];
	i18n_format_datetime(when, sizeof when, (time_t)m->next_attempt_at, r->lang);
	return arena_printf(&r->arena, _("Next attempt: %s."), when);
}

static void status_html(struct request *r, const struct outbox_message *m)
{
	html_printf(&r->out, "<span class=\"badge %s\" data-status=\"%s\">%s</span>", status_badge(m->status),
		    outbox_status_code(m->status), status_label(m->status));
}

/* The message the stage of the newest application suggests: an invitation
 * in an interview stage, the offer in "offer", the rejection in "rejected",
 * an interim update in between, else the acknowledgement. */
static enum message_kind suggested_kind(const struct application *apps, size_t n)
{
	if (n == 0)
		return MESSAGE_ACKNOWLEDGEMENT;
	const char *stage = apps[n - 1].stage;
	if (strstr(stage, "interview"))
		return MESSAGE_INVITATION;
	if (strcmp(stage, "offer") == 0)
		return MESSAGE_OFFER;
	if (strcmp(stage, "rejected") == 0)
		return MESSAGE_REJECTION;
	if (strcmp(stage, "prequalification") == 0)
		return MESSAGE_INTERIM;
	return MESSAGE_ACKNOWLEDGEMENT;
}

void candidate_messages_html(struct request *r, const struct candidate *c, const struct application *apps,
			     const struct candidate_position *pos, size_t n)
{
	struct buf *o = &r->out;
	struct outbox_message *msgs = NULL;
	size_t nmsgs = 0;
	struct outbox_filter f = { .candidate_id = c->id, .limit = 50 };
	html_printf(o, "<section class=\"card candidate-messages\" id=\"messages\"><h2>%s</h2>", _("Messages"));
	const char *done = req_query(r, "done");
	if (str_eq(done, "message_queued"))
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>",
			    mailer_configured(r->cfg) ? _("The message is in the outbox and is being sent.")
						      : _("The message is in the outbox: copy it from there and mark it as sent."));
	if (!c->email[0]) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("Add an email address (Edit) to write to the candidate."));
	} else {
		html_printf(o, "<form class=\"form compose-start\" method=\"get\" action=\"/candidates/%lld/messages/new\">",
			    (long long)c->id);
		html_printf(o, "<div class=\"field\"><label for=\"cm-kind\">%s</label><select id=\"cm-kind\" name=\"kind\">", _("Message"));
		enum message_kind suggested = suggested_kind(apps, n);
		for (int k = 0; k < MESSAGE_KIND__COUNT; k++)
			candidate_option(o, message_kind_code((enum message_kind)k), kind_label((enum message_kind)k),
					 (enum message_kind)k == suggested);
		html_printf(o, "</select></div><div class=\"field\"><label for=\"cm-lang\">%s</label><select id=\"cm-lang\" name=\"lang\">",
			    _("Language of the message"));
		candidate_option(o, "de", _("German"), r->lang == LANG_DE);
		candidate_option(o, "en", _("English"), r->lang == LANG_EN);
		html_raw(o, "</select></div>");
		if (n > 0) {
			html_printf(o, "<div class=\"field\"><label for=\"cm-application_id\">%s</label>"
				       "<select id=\"cm-application_id\" name=\"application_id\">", _("About"));
			candidate_option(o, "0", _("the candidate in general"), false);
			for (size_t i = 0; i < n; i++)
				candidate_option(o, arena_printf(&r->arena, "%lld", (long long)apps[i].id), pos[i].title, i + 1 == n);
			html_raw(o, "</select></div>");
		}
		html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn\">%s</button></div></form>",
			    _("Write message"));
	}
	if (store_outbox_list(r->store, &f, &msgs, &nmsgs) != STORE_OK) {
		html_printf(o, "<p class=\"field-error\">%s</p></section>", _("The messages cannot be shown right now."));
		return;
	}
	if (nmsgs > 0) {
		html_raw(o, "<ul class=\"message-list\">");
		for (size_t i = 0; i < nmsgs; i++) {
			const struct outbox_message *m = &msgs[i];
			char when[64];
			i18n_format_datetime(when, sizeof when, (time_t)(m->sent_at ? m->sent_at : m->created_at), r->lang);
			html_printf(o, "<li data-message=\"%lld\">", (long long)m->id);
			status_html(r, m);
			html_printf(o, " <strong>%s</strong> · %s <span class=\"muted\">%s</span>", kind_label_code(m->kind),
				    m->subject, when);
			if (m->status == OUTBOX_FAILED)
				html_printf(o, "<br><span class=\"field-error\">%s</span> <span class=\"muted\">%s</span>", m->last_error,
					    next_attempt_text(r, m));
			html_raw(o, "</li>");
		}
		html_raw(o, "</ul>");
	}
	html_printf(o, "<p><a href=\"/outbox\">%s</a></p></section>", _("All messages in the outbox"));
	free(msgs);
}

/* ---- the outbox ---------------------------------------------------------------------------- */

static void outbox_flash(struct request *r)
{
	static const struct { const char *code; const char *message; } codes[] = {
		{ "retry", N_("The message will be sent again now.") },
		{ "marked_sent", N_("Marked as sent; the contact is in the candidate's timeline.") },
	};
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(done, codes[i].code) == 0)
			html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _(codes[i].message));
}

/* The actions of one row: retry when delivery is configured; copy and mark
 * as sent for a message not delivered yet. */
static void outbox_actions(struct request *r, const struct outbox_message *m, bool smtp)
{
	struct buf *o = &r->out;
	bool open = m->status == OUTBOX_QUEUED || m->status == OUTBOX_FAILED;
	if (smtp && m->status == OUTBOX_FAILED) {
		html_printf(o, "<form method=\"post\" action=\"/outbox/%lld/retry\">", (long long)m->id);
		csrf_field(r);
		html_printf(o, "<button type=\"submit\" class=\"btn btn-small\">%s</button></form>", _("Retry now"));
	}
	if (!open)
		return;
	html_printf(o, "<details class=\"message-copy\"><summary>%s</summary><p class=\"muted\">%s &lt;%s&gt;</p>"
		       "<p><strong>%s</strong> <span id=\"msg-%lld-subject\">%s</span></p>"
		       "<pre class=\"message-body\" id=\"msg-%lld-body\" lang=\"%s\">%s</pre><p>"
		       "<button type=\"button\" class=\"btn btn-small\" data-copy=\"msg-%lld-subject\" data-copied-label=\"%s\" hidden>%s</button> "
		       "<button type=\"button\" class=\"btn btn-small\" data-copy=\"msg-%lld-body\" data-copied-label=\"%s\" hidden>%s</button></p>"
		       "</details>",
		    _("Text"), m->candidate_name, m->to_address, _("Subject:"), (long long)m->id, m->subject, (long long)m->id,
		    m->lang, m->body, (long long)m->id, _("Copied"), _("Copy subject"), (long long)m->id, _("Copied"),
		    _("Copy text"));
	if (!smtp || m->status == OUTBOX_FAILED) {
		html_printf(o, "<form method=\"post\" action=\"/outbox/%lld/mark-sent\" data-confirm=\"%s\">", (long long)m->id,
			    _("Did you send this message yourself? It is then recorded as contact."));
		csrf_field(r);
		html_printf(o, "<button type=\"submit\" class=\"btn btn-small\">%s</button></form>", _("Mark as sent"));
	}
}

/* GET /outbox[?status=…]: every message, newest first. */
void page_outbox(struct request *r)
{
	struct buf *o = &r->out;
	struct outbox_message *msgs = NULL;
	size_t n = 0;
	struct outbox_filter f = { .limit = 200 };
	const char *status = req_query(r, "status");
	bool smtp = mailer_configured(r->cfg);
	if (!str_empty(status) && !outbox_status_parse(status, &f.status)) {
		page_error(r, 400, _("Unknown status filter."));
		return;
	}
	f.by_status = !str_empty(status);
	if (store_outbox_list(r->store, &f, &msgs, &n) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	page_begin(r, _("Outbox"), NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates\">%s</a></p><h1>%s</h1></div></div>",
		    _("Candidates"), _("Outbox"));
	outbox_flash(r);
	if (smtp)
		html_printf(o, "<p class=\"lead\">%s</p>",
			    _("Messages to candidates are sent through the configured mail server. A failed message is tried "
			      "again after 1, 5, 15 and 60 minutes, then every 4 hours, up to 10 attempts."));
	else
		html_printf(o, "<p class=\"notice\">%s</p>",
			    _("No mail server is configured (stellwerk serve --smtp-url). Copy a message into your mail "
			      "program, send it, and mark it as sent: it then counts as contact with the candidate."));
	html_printf(o, "<nav class=\"subnav\" aria-label=\"%s\"><a href=\"/outbox\" aria-current=\"%s\">%s</a>", _("Status"),
		    str_empty(status) ? "page" : "false", _("All"));
	for (int st = OUTBOX_QUEUED; st <= OUTBOX_MANUAL; st++)
		html_printf(o, "<a href=\"/outbox?status=%s\" aria-current=\"%s\">%s</a>", outbox_status_code((enum outbox_status)st),
			    str_eq(status, outbox_status_code((enum outbox_status)st)) ? "page" : "false",
			    status_label((enum outbox_status)st));
	html_raw(o, "</nav>");
	if (n == 0) {
		html_printf(o, "<section class=\"empty-state\"><h2>%s</h2><p>%s</p></section>", _("No messages"),
			    _("Write to a candidate from their page: Messages → Write message."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data outbox\"><caption class=\"visually-hidden\">%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			    _("Outbox"), _("Created"), _("Candidate"), _("Message"), _("Subject"), _("Status"), _("Actions"));
		for (size_t i = 0; i < n; i++) {
			const struct outbox_message *m = &msgs[i];
			char created[64];
			i18n_format_datetime(created, sizeof created, (time_t)m->created_at, r->lang);
			html_printf(o, "<tr id=\"message-%lld\" data-status=\"%s\"><td>%s</td><td><a href=\"/candidates/%lld#messages\">%s</a>"
				       "<br><span class=\"muted\">%s</span></td><td>%s</td><td>%s</td><td>",
				    (long long)m->id, outbox_status_code(m->status), created, (long long)m->candidate_id,
				    m->candidate_name, m->to_address, kind_label_code(m->kind), m->subject);
			status_html(r, m);
			if (m->attempts > 0)
				html_printf(o, "<br><span class=\"muted\">%s</span>",
					    arena_printf(&r->arena, _("Attempts: %d"), m->attempts));
			if (m->status == OUTBOX_FAILED)
				html_printf(o, "<br><span class=\"field-error outbox-error\">%s</span><br><span class=\"muted\">%s</span>",
					    m->last_error, next_attempt_text(r, m));
			if (m->sent_at) {
				char sent[64];
				i18n_format_datetime(sent, sizeof sent, (time_t)m->sent_at, r->lang);
				html_printf(o, "<br><span class=\"muted\">%s</span>", sent);
			}
			html_raw(o, "</td><td class=\"outbox-actions\">");
			outbox_actions(r, m, smtp);
			html_raw(o, "</td></tr>");
		}
		html_raw(o, "</tbody></table></div>");
	}
	page_end(r);
	free(msgs);
}

/* The outbox message in the path, or NULL after answering 404/500. */
static struct outbox_message *outbox_from_path(struct request *r)
{
	struct outbox_message *m = arena_alloc(&r->arena, sizeof *m);
	enum store_rc rc = store_outbox_get(r->store, req_path_arg(r, 0), m);
	if (rc == STORE_OK)
		return m;
	page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
	return NULL;
}

/* POST /outbox/{id}/retry: a failed message is due again now. */
void page_outbox_retry(struct request *r)
{
	struct actor who = req_actor(r);
	struct outbox_message *m = outbox_from_path(r);
	if (!m)
		return;
	if (!mailer_configured(r->cfg)) {
		page_error(r, 409, _("Messages cannot be sent from here: no mail server is configured. Copy the text and "
				     "mark the message as sent instead."));
		return;
	}
	enum store_rc rc = store_outbox_retry(r->store, &who, m->id, r->now);
	if (rc == STORE_INVALID) {
		page_error(r, 409, _("Only a failed message can be retried."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	mailer_wake();
	resp_redirect(r, arena_printf(&r->arena, "/outbox?done=retry#message-%lld", (long long)m->id));
}

/* POST /outbox/{id}/mark-sent: sent by hand; recorded as contact. */
void page_outbox_mark_sent(struct request *r)
{
	struct actor who = req_actor(r);
	struct outbox_message *m = outbox_from_path(r);
	if (!m)
		return;
	enum store_rc rc = store_outbox_mark_manual(r->store, &who, m->id, r->now);
	if (rc == STORE_INVALID) {
		page_error(r, 409, _("This message has been sent already or is being sent right now."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/outbox?done=marked_sent#message-%lld", (long long)m->id));
}
