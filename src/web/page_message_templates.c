/*
 * page_message_templates.c — Settings → Messages (R-COMM-2): the texts of
 * the five candidate messages (acknowledgement, invitation, interim update,
 * rejection, offer) in German and English. The built-ins come from
 * data/messages/; an administrator's edit is stored as an override of one
 * kind and language and can be restored to the built-in. A text is checked
 * before it is saved: balanced braces, only known placeholders, and the
 * placeholders its kind needs — each problem names the placeholder.
 */
#include <stdlib.h>
#include <string.h>

#include "core/messages.h"
#include "core/password_policy.h"
#include "store/outbox.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/message_source.h"
#include "web/pages.h"

/* What the editor shows: the chosen kind and language, and a refused draft. */
struct editor {
	enum message_kind kind;
	enum lang lang;
	const char *subject, *body;           /* draft; NULL: the template in effect */
	struct form_errors fe;
};

static const char *kind_label(enum message_kind k)
{
	return _(message_kind_label(k));
}

static const char *lang_label(enum lang l)
{
	return l == LANG_DE ? _("German") : _("English");
}

/* Reads kind and lang through get; false when either is not valid. */
static bool read_choice(struct request *r, const char *(*get)(struct request *, const char *), enum message_kind *k,
			enum lang *l)
{
	const char *kind = get(r, "kind"), *lang = get(r, "lang");
	*k = MESSAGE_ACKNOWLEDGEMENT;
	*l = r->lang;
	bool ok = true;
	if (!str_empty(kind))
		ok &= message_kind_parse(kind, k);
	if (!str_empty(lang))
		ok &= lang_parse(lang, l);
	return ok;
}

static void templates_flash(struct request *r)
{
	static const struct { const char *code; const char *message; } codes[] = {
		{ "saved", N_("The text has been saved. New messages use it.") },
		{ "restored", N_("The built-in text applies again.") },
	};
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(done, codes[i].code) == 0)
			html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _(codes[i].message));
}

/* The overview: every kind with its two languages, built-in or customised. */
static void overview(struct request *r, const struct editor *ed)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data message-templates\"><caption class=\"visually-hidden\">%s</caption>"
		       "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Message templates"), _("Message"), _("German"), _("English"));
	for (int k = 0; k < MESSAGE_KIND__COUNT; k++) {
		html_printf(o, "<tr><th scope=\"row\">%s</th>", kind_label((enum message_kind)k));
		for (int l = 0; l < LANG__COUNT; l++) {
			struct message_template *t = arena_alloc(&r->arena, sizeof *t);
			bool overridden = false;
			message_template_effective(r->store, (enum message_kind)k, (enum lang)l, t, &overridden);
			bool current = ed->kind == (enum message_kind)k && ed->lang == (enum lang)l;
			html_printf(o, "<td><a href=\"/settings/messages?kind=%s&amp;lang=%s#editor\" aria-current=\"%s\">%s</a> "
				       "<span class=\"badge %s\">%s</span></td>",
				    message_kind_code((enum message_kind)k), lang_code((enum lang)l), current ? "true" : "false",
				    _("Edit"), overridden ? "badge-warn" : "badge-muted", overridden ? _("customised") : _("built-in"));
		}
		html_raw(o, "</tr>");
	}
	html_raw(o, "</tbody></table></div>");
}

/* The placeholders and which ones this kind needs. */
static void placeholder_help(struct request *r, enum message_kind k)
{
	struct buf *o = &r->out;
	struct buf need = BUF_INIT;
	for (size_t i = 0; i < MESSAGE_PLACEHOLDER_COUNT; i++)
		if (message_placeholder_required(k, MESSAGE_PLACEHOLDERS[i]))
			buf_printf(&need, "%s{{%s}}", need.len ? ", " : "", MESSAGE_PLACEHOLDERS[i]);
	html_printf(o, "<p class=\"hint\" id=\"t-help\">%s <code>%s</code>.", _("Placeholders:"), message_placeholder_list(&r->arena));
	if (k == MESSAGE_INVITATION)
		html_printf(o, " %s", _("An invitation must use {{date}}, {{time}} and {{place}}."));
	html_printf(o, " %s <code>%s</code>.</p>", _("A message is only sent when these have a value:"), buf_cstr(&need));
	buf_free(&need);
}

static void render(struct request *r, struct editor *ed)
{
	struct buf *o = &r->out;
	struct message_template *t = arena_alloc(&r->arena, sizeof *t);
	bool overridden = false;
	enum store_rc rc = message_template_effective(r->store, ed->kind, ed->lang, t, &overridden);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, 500, NULL);
		return;
	}
	if (rc == STORE_NOT_FOUND)
		memset(t, 0, sizeof *t);
	const char *kind = message_kind_code(ed->kind), *lang = lang_code(ed->lang);
	page_begin(r, _("Messages"), NAV_SETTINGS);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1></div>", _("Settings"));
	settings_nav(r, "/settings/messages");
	templates_flash(r);
	html_printf(o, "<p class=\"lead\">%s</p><p class=\"muted\">%s</p>",
		    _("The texts of the messages to candidates, in German and English."),
		    _("Candidates read silence as lack of interest: tell them promptly what happens next and by when. "
		      "Keep rejections respectful and free of reasons that could point to age, gender, origin, religion, "
		      "disability or other characteristics protected by the AGG."));
	html_printf(o, "<p class=\"muted\">%s <a href=\"/outbox\">%s</a></p>",
		    _("Messages are written on the candidate's page and wait in the outbox until they are sent: through the "
		      "mail server given with 'stellwerk serve --smtp-url', or copied and marked as sent by hand."),
		    _("Open the outbox"));
	overview(r, ed);
	html_printf(o, "<section class=\"card message-template-edit\" id=\"editor\" aria-labelledby=\"editor-title\">"
		       "<h2 id=\"editor-title\">%s — %s</h2><p class=\"muted\">%s</p>",
		    kind_label(ed->kind), lang_label(ed->lang),
		    overridden ? _("Customised text (the built-in text is kept and can be restored).") : _("Built-in text."));
	form_error_summary_for(r, &ed->fe, "t");
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/settings/messages#editor\" novalidate>");
	csrf_field(r);
	html_printf(o, "<input type=\"hidden\" name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"lang\" value=\"%s\">", kind, lang);
	placeholder_help(r, ed->kind);
	const char *err = form_error_for(&ed->fe, "subject");
	html_printf(o, "<div class=\"field%s\"><label for=\"t-subject\">%s</label>", err ? " has-error" : "", _("Subject"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"t-subject-err\">%s</p>", err);
	html_printf(o, "<input id=\"t-subject\" name=\"subject\" type=\"text\" lang=\"%s\" value=\"%s\" aria-invalid=\"%s\" "
		       "aria-describedby=\"t-help%s\"></div>",
		    lang, ed->subject ? ed->subject : t->subject, err ? "true" : "false", err ? " t-subject-err" : "");
	err = form_error_for(&ed->fe, "body");
	html_printf(o, "<div class=\"field%s\"><label for=\"t-body\">%s</label>", err ? " has-error" : "", _("Text"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"t-body-err\">%s</p>", err);
	html_printf(o, "<textarea id=\"t-body\" name=\"body\" rows=\"18\" lang=\"%s\" aria-invalid=\"%s\" aria-describedby=\"t-help%s\">%s</textarea></div>",
		    lang, err ? "true" : "false", err ? " t-body-err" : "", ed->body ? ed->body : t->body);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>", _("Save"));
	if (overridden) {
		html_printf(o, "<form method=\"post\" action=\"/settings/messages/restore\" data-confirm=\"%s\">",
			    _("Discard the customised text and use the built-in text again?"));
		csrf_field(r);
		html_printf(o, "<input type=\"hidden\" name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"lang\" value=\"%s\">"
			       "<button type=\"submit\" class=\"btn\">%s</button></form>",
			    kind, lang, _("Restore the built-in text"));
		const struct builtin_message *b = message_builtin(ed->kind, ed->lang);
		if (b)
			html_printf(o, "<details><summary>%s</summary><p><strong>%s</strong></p><pre class=\"message-body\" lang=\"%s\">%s</pre></details>",
				    _("Built-in text"), b->subject, lang, b->body);
	}
	html_raw(o, "</section>");
	page_end(r);
}

/* GET /settings/messages[?kind=…&lang=…] */
void page_message_templates(struct request *r)
{
	struct editor ed = { 0 };
	if (!read_choice(r, req_query, &ed.kind, &ed.lang)) {
		page_error(r, 404, NULL);
		return;
	}
	render(r, &ed);
}

/* A copy of text in the arena with CR LF turned into LF and trimmed. */
static char *normalised(struct request *r, const char *text)
{
	char *s = arena_strdup(&r->arena, text ? text : ""), *w = s;
	for (const char *p = s; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*w++ = *p;
	*w = '\0';
	return str_trim(s);
}

/* Adds the problems of a template check as errors on subject and body:
 * every problem of a part joined into that field's message. */
static void problems_to_errors(struct request *r, const struct message_problems *pr, struct form_errors *fe)
{
	static const char *const parts[] = { "subject", "body" };
	for (size_t k = 0; k < 2; k++) {
		struct buf b = BUF_INIT;
		for (size_t i = 0; i < pr->n; i++) {
			const char *part = pr->items[i].part ? pr->items[i].part : "body";
			if (strcmp(part, parts[k]) == 0 || (k == 1 && strcmp(part, "subject") != 0 && strcmp(part, "body") != 0))
				buf_printf(&b, "%s%s", b.len ? " " : "", message_problem_text(&r->arena, &pr->items[i]));
		}
		if (b.len && !form_error_for(fe, parts[k]))
			form_error(fe, parts[k], arena_strdup(&r->arena, buf_cstr(&b)));
		buf_free(&b);
	}
}

/* POST /settings/messages: saves the override of kind and lang. */
void page_message_template_save(struct request *r)
{
	struct editor ed = { 0 };
	struct actor who = req_actor(r);
	if (!read_choice(r, req_form, &ed.kind, &ed.lang) || str_empty(req_form(r, "kind"))) {
		page_error(r, 400, _("Unknown kind of message or language."));
		return;
	}
	char *subject = normalised(r, req_form(r, "subject"));
	char *body = normalised(r, req_form(r, "body"));
	ed.subject = subject;
	ed.body = body;
	if (!*subject)
		form_error(&ed.fe, "subject", _("Please write the subject."));
	else if (strlen(subject) > MESSAGE_SUBJECT_MAX || !utf8_valid(subject, strlen(subject)) || strpbrk(subject, "\r\n\t"))
		form_error(&ed.fe, "subject", arena_printf(&r->arena, _("One line of at most %zu characters."), (size_t)MESSAGE_SUBJECT_MAX));
	if (!*body)
		form_error(&ed.fe, "body", _("Please write the text."));
	else if (strlen(body) > MESSAGE_BODY_MAX || !utf8_valid(body, strlen(body)))
		form_error(&ed.fe, "body", arena_printf(&r->arena, _("At most %zu characters."), (size_t)MESSAGE_BODY_MAX));
	struct message_problems problems;
	if (!ed.fe.n && !message_template_check(ed.kind, subject, body, &problems))
		problems_to_errors(r, &problems, &ed.fe);
	if (!ed.fe.n) {
		struct message_template *t = arena_alloc(&r->arena, sizeof *t);
		memset(t, 0, sizeof *t);
		str_copy(t->kind, sizeof t->kind, message_kind_code(ed.kind));
		str_copy(t->lang, sizeof t->lang, lang_code(ed.lang));
		str_copy(t->subject, sizeof t->subject, subject);
		str_copy(t->body, sizeof t->body, body);
		enum store_rc rc = store_message_template_set(r->store, &who, t, r->now);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/settings/messages?kind=%s&lang=%s&done=saved#editor", t->kind, t->lang));
			return;
		}
		if (rc != STORE_INVALID) {
			page_error(r, 500, NULL);
			return;
		}
		form_error(&ed.fe, "body", _("The text could not be stored as given."));
	}
	r->status = 422;
	render(r, &ed);
}

/* POST /settings/messages/restore: the built-in text applies again. */
void page_message_template_restore(struct request *r)
{
	struct editor ed = { 0 };
	struct actor who = req_actor(r);
	if (!read_choice(r, req_form, &ed.kind, &ed.lang) || str_empty(req_form(r, "kind"))) {
		page_error(r, 400, _("Unknown kind of message or language."));
		return;
	}
	enum store_rc rc = store_message_template_delete(r->store, &who, message_kind_code(ed.kind), lang_code(ed.lang), r->now);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/settings/messages?kind=%s&lang=%s&done=restored#editor",
				      message_kind_code(ed.kind), lang_code(ed.lang)));
}
