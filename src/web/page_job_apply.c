/*
 * page_job_apply.c — applying through the career page (R-AD-5): the
 * application form below a published ad, its submission and the
 * confirmation page.
 *
 * A submission is taken in this order: the CSRF token (the router), the
 * per-IP rate limit, the honeypot (a filled one answers exactly like a
 * success and stores nothing), the fields and the CV (errors re-render the
 * form with what was typed, 422, nothing stored), then one transaction for
 * the candidate (or the existing one with the same email address), the
 * application in the first stage, the message as a note and the consents
 * with the version of the privacy notice that was shown. The CV is stored
 * and its text extracted after the commit: a CV that cannot be stored
 * leaves the application in place, logged and noted on the candidate.
 *
 * These pages speak the ad's language and use the plain public layout of
 * the career pages (page_jobs.c), whoever is looking at them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/candidate.h"
#include "core/password_policy.h"
#include "store/ads.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/consents.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "util/log.h"
#include "util/str.h"
#include "web/auth.h"
#include "web/document_ops.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/public_layout.h"
#include "web/server.h"

#define APPLY_RATE_MAX 5                 /* submissions per IP ... */
#define APPLY_RATE_WINDOW (60 * 60)      /* ... within this many seconds */
#define APPLY_MESSAGE_MAX APPLICATION_NOTE_MAX
#define TALENT_POOL_MONTHS 24

/* The built-in privacy notice (version 0 of each language) until an
 * administrator saves one under Settings → Privacy notice. {company} stands
 * for the hiring company of the position. */
static const char *const DEFAULT_NOTICE = N_(
	"Privacy notice for applicants\n"
	"\n"
	"Controller: {company}, the company named in this job ad, is responsible for processing your data. You "
	"find its contact details in the job ad and in its legal notice.\n"
	"\n"
	"Purpose and legal basis: we process the data you send with this form (name, contact details, message, CV) "
	"only to decide on your application for this position (Art. 6(1)(b) GDPR, steps prior to entering into an "
	"employment contract). Only the people involved in filling this position see your data; it is not passed "
	"on to third parties.\n"
	"\n"
	"Retention: if we do not hire you, we delete your data six months after the application process has ended. "
	"We keep it that long only to be able to respond to claims under the German General Equal Treatment Act "
	"(AGG, § 15(4) AGG, § 61b ArbGG; Art. 6(1)(f) GDPR). If you also agree to the talent pool, we keep your data "
	"for 24 months to consider you for other suitable positions (Art. 6(1)(a) GDPR).\n"
	"\n"
	"Your rights: you have the right of access, rectification, erasure, restriction of processing, data "
	"portability and objection (Art. 15–21 GDPR). You can withdraw a consent at any time with effect for the "
	"future. You may lodge a complaint with a data protection supervisory authority.");

const char *privacy_notice_default(enum lang lang)
{
	return i18n_gettext_in(lang, DEFAULT_NOTICE);
}

void privacy_notice_render(struct buf *o, const char *text, const char *company)
{
	static const char placeholder[] = "{company}";
	const char *p = text ? text : "";
	html_raw(o, "<p>");
	while (*p) {
		if (p[0] == '\n' && p[1] == '\n') {
			while (*p == '\n')
				p++;
			if (*p)
				html_raw(o, "</p><p>");
			continue;
		}
		if (*p == '\n') {
			html_raw(o, "<br>");
			p++;
			continue;
		}
		if (strncmp(p, placeholder, sizeof placeholder - 1) == 0) {
			html_txt(o, company && *company ? company : "");
			p += sizeof placeholder - 1;
			continue;
		}
		size_t n = strcspn(p, "\n{");
		if (n == 0)
			n = 1; /* a '{' that does not start the placeholder */
		char chunk[256];
		if (n >= sizeof chunk)
			n = sizeof chunk - 1;
		memcpy(chunk, p, n);
		chunk[n] = '\0';
		html_txt(o, chunk);
		p += n;
	}
	html_raw(o, "</p>");
}

/* ---- what the pages work on ------------------------------------------------------------------- */

/* The ad an application is for, with its position, company and language. */
struct apply_target {
	struct stored_ad ad;
	struct position p;
	struct organisation org;
	enum lang lang;
};

/* What the applicant typed (never NULL after apply_read). */
struct apply_input {
	const char *first_name;
	const char *last_name;
	const char *email;
	const char *phone;
	const char *message;
	bool privacy;
	bool talent_pool;
	bool had_cv;            /* a file was chosen: on a re-rendered form it must be chosen again */
};

static void today_iso(int64_t now, char out[11])
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Open for applications: published and its last day not yet past. */
static bool ad_open(const struct stored_ad *ad, int64_t now)
{
	char today[11];
	today_iso(now, today);
	return ad->published && strcmp(ad->valid_through, today) >= 0;
}

/* Loads the ad of r->path_key with position and company. Returns 0, or the
 * status to answer with: 404 for an unknown address, 410 for an ad that is
 * no longer open when open_only, 500. */
static int target_load(struct request *r, struct apply_target *t, bool open_only)
{
	enum store_rc rc = store_ad_by_slug(r->store, r->path_key, &t->ad);
	if (rc == STORE_NOT_FOUND)
		return 404;
	if (rc != STORE_OK)
		return 500;
	if (open_only && !ad_open(&t->ad, r->now))
		return 410;
	if (store_position_get(r->store, t->ad.position_id, &t->p) != STORE_OK ||
	    store_organisation_get(r->store, t->p.organisation_id, &t->org) != STORE_OK)
		return 500;
	t->lang = str_eq(t->ad.ad.lang, "en") ? LANG_EN : LANG_DE;
	return 0;
}

/* The page speaks the ad's language: the thread's catalogue for _() and
 * r->lang for the helpers that take it. */
static void speak(struct request *r, enum lang lang)
{
	r->lang = lang;
	i18n_set_lang(lang);
}

/* A short page in the public layout: status, heading, text and a way on. */
static void public_message(struct request *r, int status, const char *brand, const char *title, const char *text,
			   const char *back_href, const char *back_label)
{
	buf_reset(&r->out);
	r->status = status;
	public_begin(r, r->lang, title, brand, true);
	html_printf(&r->out, "<section class=\"error-page\"><p class=\"error-code\">%d</p><h1>%s</h1><p>%s</p>"
			     "<p><a class=\"btn btn-primary\" href=\"%s\">%s</a></p></section>",
		    status, title, text, back_href, back_label);
	public_end(r, r->lang);
}

/* The answer for an address that is not (or no longer) open for applications. */
static void target_failed(struct request *r, int status)
{
	if (status == 500) {
		page_error(r, 500, NULL);
		return;
	}
	public_message(r, status, _("Careers"),
		       status == 410 ? _("This position is no longer advertised") : _("There is no job ad here"),
		       status == 410 ? _("The ad has expired or was taken down, so we cannot take applications for it any more. "
					 "Perhaps one of our other open positions suits you.")
				     : _("Perhaps the link is outdated. Have a look at our open positions."),
		       "/jobs", _("See all open positions"));
}

/* ---- the form ------------------------------------------------------------------------------------- */

static void field_error_or_hint(struct buf *o, const char *name, const char *err, const char *hint)
{
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-%s-err\">%s</p>", name, err);
	else if (hint)
		html_printf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>", name, hint);
}

static void described_by(struct buf *o, const char *name, const char *err, const char *hint)
{
	if (err)
		html_printf(o, " aria-invalid=\"true\" aria-describedby=\"f-%s-err\"", name);
	else if (hint)
		html_printf(o, " aria-describedby=\"f-%s-hint\"", name);
}

/* The application form with the privacy notice; in and fe may hold a
 * rejected submission. Texts in the thread's current language. */
static void apply_form(struct request *r, const struct apply_target *t, const struct apply_input *in,
		       const struct form_errors *fe)
{
	struct buf *o = &r->out;
	auth_ensure_csrf(r);
	struct privacy_notice notice = { 0 };
	if (store_privacy_notice_current(r->store, lang_code(t->lang), privacy_notice_default(t->lang), &notice) != STORE_OK) {
		log_error("career page: the privacy notice (%s) cannot be loaded", lang_code(t->lang));
		html_printf(o, "<section class=\"card apply\" id=\"apply\"><h2>%s</h2><p>%s</p></section>", _("Apply now"),
			    _("The application form is not available right now. Please try again later."));
		return;
	}
	html_printf(o, "<section class=\"card apply\" id=\"apply\" aria-labelledby=\"apply-title\"><h2 id=\"apply-title\">%s</h2>"
		       "<p class=\"muted\">%s</p>",
		    _("Apply now"), _("It takes two minutes. Fields marked * are required."));
	form_error_summary(r, fe);
	html_printf(o, "<form class=\"form apply-form\" method=\"post\" action=\"/jobs/%s/apply\" enctype=\"multipart/form-data\" "
		       "novalidate>",
		    t->ad.slug);
	csrf_field(r);
	html_printf(o, "<input type=\"hidden\" name=\"notice_version\" value=\"%lld\">", (long long)notice.version);
	struct form_input first = { "first_name", _("First name *"), "text", in->first_name, NULL, "given-name", true };
	struct form_input last = { "last_name", _("Last name *"), "text", in->last_name, NULL, "family-name", true };
	struct form_input email = { "email", _("Email *"), "email", in->email,
				    _("We use it only to contact you about your application."), "email", true };
	struct form_input phone = { "phone", _("Phone"), "tel", in->phone, _("Optional. For a quick call to arrange an interview."),
				    "tel", false };
	html_raw(o, "<div class=\"form-row\">");
	form_text(r, fe, &first);
	form_text(r, fe, &last);
	html_raw(o, "</div>");
	form_text(r, fe, &email);
	form_text(r, fe, &phone);

	const char *err = form_error_for(fe, "message");
	const char *hint = _("Optional. What interests you about this position? Up to 4,000 characters.");
	html_printf(o, "<div class=\"field%s\"><label for=\"f-message\">%s</label><textarea id=\"f-message\" name=\"message\" "
		       "rows=\"6\" maxlength=\"%d\"",
		    err ? " has-error" : "", _("Your message"), APPLY_MESSAGE_MAX);
	described_by(o, "message", err, hint);
	html_printf(o, ">%s</textarea>", in->message);
	field_error_or_hint(o, "message", err, hint);
	html_raw(o, "</div>");

	err = form_error_for(fe, "cv");
	long mb = (long)(r->cfg->max_upload_bytes / (1024 * 1024));
	hint = in->had_cv && !err
		? _("Please choose your CV again: for your security, browsers do not keep a chosen file when a form is shown again.")
		: arena_printf(&r->arena, _("Optional, but recommended: your CV as PDF or Word document (DOCX), at most %ld MB."), mb);
	html_printf(o, "<div class=\"field%s\"><label for=\"f-cv\">%s</label><input id=\"f-cv\" name=\"cv\" type=\"file\" "
		       "accept=\".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document\"",
		    err ? " has-error" : "", _("CV (PDF or DOCX)"));
	described_by(o, "cv", err, hint);
	html_raw(o, ">");
	field_error_or_hint(o, "cv", err, hint);
	html_raw(o, "</div>");

	/* The honeypot: hidden from people and assistive technology, filled
	 * only by robots that fill every field. */
	html_printf(o, "<div class=\"hp-field\" aria-hidden=\"true\"><label for=\"f-website\">%s</label>"
		       "<input id=\"f-website\" name=\"website\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"></div>",
		    _("Leave this field empty"));

	html_printf(o, "<h3 id=\"notice-title\">%s</h3><div class=\"privacy-notice\" tabindex=\"0\" role=\"region\" "
		       "aria-labelledby=\"notice-title\">",
		    _("Privacy notice"));
	privacy_notice_render(o, notice.text, t->org.name);
	html_raw(o, "</div>");

	err = form_error_for(fe, "privacy");
	html_printf(o, "<div class=\"field field-check%s\"><input id=\"f-privacy\" name=\"privacy\" type=\"checkbox\" value=\"1\" required%s",
		    err ? " has-error" : "", in->privacy ? " checked" : "");
	described_by(o, "privacy", err, NULL);
	html_printf(o, "><label for=\"f-privacy\">%s</label>",
		    _("I have read the privacy notice and agree that my data is processed for this application. *"));
	field_error_or_hint(o, "privacy", err, NULL);
	html_raw(o, "</div>");
	hint = _("Optional and independent of this application. You can withdraw it at any time.");
	html_printf(o, "<div class=\"field field-check\"><input id=\"f-talent_pool\" name=\"talent_pool\" type=\"checkbox\" value=\"1\" "
		       "aria-describedby=\"f-talent_pool-hint\"%s><label for=\"f-talent_pool\">%s</label>",
		    in->talent_pool ? " checked" : "",
		    _("Please keep my data for 24 months in the talent pool, so that you can offer me other suitable positions."));
	field_error_or_hint(o, "talent_pool", NULL, hint);
	html_raw(o, "</div>");
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Send application"));
	privacy_notice_free(&notice);
}

void job_apply_section(struct request *r, const struct stored_ad *ad, const struct position *p,
		       const struct organisation *org)
{
	struct apply_target *t = arena_alloc(&r->arena, sizeof *t);
	t->ad = *ad;
	t->p = *p;
	t->org = *org;
	t->lang = str_eq(ad->ad.lang, "en") ? LANG_EN : LANG_DE;
	enum lang saved = i18n_lang();
	i18n_set_lang(t->lang);
	struct apply_input in = { "", "", "", "", "", false, false, false };
	apply_form(r, t, &in, NULL);
	i18n_set_lang(saved);
}

/* ---- reading and checking a submission -------------------------------------------------------------- */

/* A form field, trimmed, in the arena; "" when absent. */
static const char *field(struct request *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? str_trim(arena_strdup(&r->arena, v)) : "";
}

/* Copies a text field into a candidate field; a too long or broken one is
 * a field error. */
static void take_text(struct form_errors *fe, const char *name, const char *value, char *dst, size_t n)
{
	if (!utf8_valid(value, strlen(value)))
		form_error(fe, name, _("This field contains characters that are not valid text."));
	else if (!str_copy(dst, n, value))
		form_error(fe, name, _("This entry is too long."));
}

static void apply_read(struct request *r, struct apply_input *in, struct candidate *c, struct form_errors *fe)
{
	in->first_name = field(r, "first_name");
	in->last_name = field(r, "last_name");
	in->email = field(r, "email");
	in->phone = field(r, "phone");
	in->message = field(r, "message");
	in->privacy = str_eq(req_form(r, "privacy"), "1");
	in->talent_pool = str_eq(req_form(r, "talent_pool"), "1");

	candidate_init(c);
	str_copy(c->channel, sizeof c->channel, "career_page");
	if (!in->first_name[0])
		form_error(fe, "first_name", _("Please enter your first name."));
	else
		take_text(fe, "first_name", in->first_name, c->first_name, sizeof c->first_name);
	if (!in->last_name[0])
		form_error(fe, "last_name", _("Please enter your last name."));
	else
		take_text(fe, "last_name", in->last_name, c->last_name, sizeof c->last_name);
	if (!in->email[0])
		form_error(fe, "email", _("Please enter your email address, so that we can reply to you."));
	else if (!candidate_email_plausible(in->email) || strlen(in->email) > CANDIDATE_EMAIL_MAX)
		form_error(fe, "email", _("This does not look like an email address. Please check it (e.g. name@example.de)."));
	else
		str_copy(c->email, sizeof c->email, in->email);
	if (in->phone[0]) {
		take_text(fe, "phone", in->phone, c->phone, sizeof c->phone);
		struct field_problem probs[8];
		size_t n = candidate_validate(c, probs, 8);
		for (size_t i = 0; i < n; i++)
			if (str_eq(probs[i].field, "phone") && !form_error_for(fe, "phone"))
				form_error(fe, "phone", _("This does not look like a phone number. Please use digits, spaces and + only."));
	}
	if (!utf8_valid(in->message, strlen(in->message)))
		form_error(fe, "message", _("This field contains characters that are not valid text."));
	else if (strlen(in->message) > APPLY_MESSAGE_MAX)
		form_error(fe, "message", _("Your message is too long. Please shorten it to at most 4,000 characters "
					    "(letters such as ä or é count twice)."));

	const struct upload *cv = req_upload(r, "cv");
	in->had_cv = cv != NULL;
	if (cv) {
		enum document_check chk = document_check_upload(r, cv);
		if (chk != DOCUMENT_CHECK_OK)
			form_error(fe, "cv", document_check_message(r, chk));
	}
	if (!in->privacy)
		form_error(fe, "privacy", _("Please confirm that you have read the privacy notice: we cannot process an "
					    "application without it."));
}

/* ---- storing --------------------------------------------------------------------------------------- */

/* now plus months calendar months (the day is kept; the 31st may roll over). */
static int64_t add_months(int64_t now, int months)
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	tm.tm_mon += months;
	return (int64_t)timegm(&tm);
}

/* The stored candidate with the same normalised email address, 0 for none. */
static enum store_rc same_email_candidate(struct request *r, const struct candidate *c, int64_t *id)
{
	struct candidate_duplicate *dups = NULL;
	size_t n = 0;
	char want[CANDIDATE_EMAIL_MAX + 1], have[CANDIDATE_EMAIL_MAX + 1];
	*id = 0;
	enum store_rc rc = store_candidate_find_duplicates(r->store, c, &dups, &n);
	if (rc != STORE_OK)
		return rc;
	candidate_normalise_email(c->email, want, sizeof want);
	for (size_t i = 0; i < n && !*id && want[0]; i++) {
		candidate_normalise_email(dups[i].c.email, have, sizeof have);
		if (strcmp(want, have) == 0)
			*id = dups[i].c.id;
	}
	free(dups);
	return STORE_OK;
}

/* Whether candidate id already has an application for the position. */
static enum store_rc has_applied(struct request *r, int64_t candidate_id, int64_t position_id, bool *applied)
{
	struct application *apps = NULL;
	size_t n = 0;
	*applied = false;
	enum store_rc rc = store_application_list_by_candidate(r->store, candidate_id, &apps, &n);
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		if (apps[i].position_id == position_id)
			*applied = true;
	free(apps);
	return rc;
}

/* Writes candidate (unless existing_id > 0), application, message and
 * consents in one transaction; sets *candidate_id and *application_id. */
static enum store_rc apply_store(struct request *r, const struct apply_target *t, const struct apply_input *in,
				 struct candidate *c, int64_t existing_id, int64_t notice_version, int64_t *candidate_id,
				 int64_t *application_id)
{
	struct actor who = { 0, "career-page", r->ip };
	struct application a;
	char version[32];
	memset(&a, 0, sizeof a);
	snprintf(version, sizeof version, "%s-%lld", lang_code(t->lang), (long long)notice_version);
	enum store_rc rc = store_begin(r->store);
	if (rc != STORE_OK)
		return rc;
	if (existing_id > 0) {
		/* Known by email: the stored record is not overwritten by what an
		 * anonymous form says; what was typed is kept as a note. */
		const char *typed = arena_printf(&r->arena,
			i18n_gettext_in(LANG_DEFAULT, N_("Applied through the career page as: %s %s, %s, %s")), c->first_name,
			c->last_name, c->email, c->phone[0] ? c->phone : "–");
		c->id = existing_id;
		if ((rc = store_application_add_event(r->store, &who, c->id, 0, EVENT_NOTE, typed, r->now, NULL)) != STORE_OK)
			goto cleanup;
	} else if ((rc = store_candidate_create(r->store, &who, c, r->now)) != STORE_OK)
		goto cleanup;
	a.candidate_id = c->id;
	a.position_id = t->p.id;
	str_copy(a.channel, sizeof a.channel, "career_page");
	if ((rc = store_application_create(r->store, &who, &a, r->now)) != STORE_OK)
		goto cleanup;
	if (in->message[0] &&
	    (rc = store_application_add_event(r->store, &who, c->id, a.id, EVENT_NOTE, in->message, r->now, NULL)) != STORE_OK)
		goto cleanup;
	if ((rc = store_consent_add(r->store, c->id, CONSENT_PRIVACY, version, r->now, 0)) != STORE_OK)
		goto cleanup;
	if (in->talent_pool &&
	    (rc = store_consent_add(r->store, c->id, CONSENT_TALENT_POOL, version, r->now,
				    add_months(r->now, TALENT_POOL_MONTHS))) != STORE_OK)
		goto cleanup;
	rc = store_commit(r->store);
	*candidate_id = c->id;
	*application_id = a.id;
	return rc;
cleanup:
	store_rollback(r->store);
	return rc;
}

/* Stores the CV after the application was committed. A failure is logged
 * and noted on the application; the application stays. */
static void apply_store_cv(struct request *r, int64_t candidate_id, int64_t application_id, const struct upload *cv)
{
	struct candidate_document doc;
	enum store_rc rc = document_store_upload(r, candidate_id, cv, &doc);
	if (rc == STORE_OK)
		return;
	log_error("career page: the CV of candidate %lld cannot be stored (%s); the application is kept",
		  (long long)candidate_id, store_rc_name(rc));
	struct actor who = { 0, "career-page", r->ip };
	/* The note is for the recruiters, in the instance's default language. */
	const char *text = i18n_gettext_in(LANG_DEFAULT, N_("The CV sent with this application through the career page could "
							   "not be stored. Please ask the candidate to send it again."));
	if (store_application_add_event(r->store, &who, candidate_id, application_id, EVENT_NOTE, text, r->now, NULL) != STORE_OK)
		log_error("career page: cannot note the lost CV on candidate %lld", (long long)candidate_id);
}

/* ---- the handlers --------------------------------------------------------------------------------------- */

/* Shows the form again after a refused submission: the ad's title, a link
 * back to the ad, the errors and the form with what was typed. With a
 * notice (already applied) the notice alone, without a form to send again. */
static void apply_render(struct request *r, int status, const struct apply_target *t, const struct apply_input *in,
			 const struct form_errors *fe, const char *notice)
{
	buf_reset(&r->out);
	r->status = status;
	public_begin(r, r->lang, t->ad.ad.title, t->org.name[0] ? t->org.name : _("Careers"), true);
	html_printf(&r->out, "<div class=\"public-intro\"><p class=\"job-company\">%s</p><h1>%s</h1>"
			     "<p><a href=\"/jobs/%s\">%s</a></p></div>",
		    t->org.name, t->ad.ad.title, t->ad.slug, _("Back to the job ad"));
	if (notice)
		html_printf(&r->out, "<div class=\"flash flash-info\" role=\"status\">%s</div>", notice);
	else
		apply_form(r, t, in, fe);
	public_end(r, r->lang);
}

void page_job_apply(struct request *r)
{
	struct apply_target *t = arena_alloc(&r->arena, sizeof *t);
	int status = target_load(r, t, true);
	if (status) {
		target_failed(r, status);
		return;
	}
	speak(r, t->lang);
	const char *thanks = arena_printf(&r->arena, "/jobs/%s/thanks", t->ad.slug);

	bool allowed = false;
	if (store_submission_check(r->store, r->ip, r->now, APPLY_RATE_WINDOW, APPLY_RATE_MAX, &allowed) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	if (!allowed) {
		resp_header(r, "Retry-After", "3600");
		public_message(r, 429, t->org.name[0] ? t->org.name : _("Careers"), _("Too many applications at once"),
			       _("We have received several applications from your connection within the last hour. To protect "
				 "the form against misuse, please try again in an hour. We are sorry for the inconvenience."),
			       arena_printf(&r->arena, "/jobs/%s", t->ad.slug), _("Back to the job ad"));
		return;
	}
	if (!str_empty(req_form(r, "website"))) {
		log_info("career page: honeypot filled for %s, nothing stored", t->ad.slug);
		resp_redirect(r, thanks);
		return;
	}

	struct apply_input in = { 0 };
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	struct form_errors fe = { 0 };
	apply_read(r, &in, c, &fe);
	if (fe.n) {
		apply_render(r, 422, t, &in, &fe, NULL);
		return;
	}
	/* The notice the applicant saw; a newer one saved meanwhile is not
	 * what they agreed to, so the form is shown again with it. */
	struct privacy_notice notice = { 0 };
	if (store_privacy_notice_current(r->store, lang_code(t->lang), privacy_notice_default(t->lang), &notice) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	int64_t notice_version = notice.version;
	privacy_notice_free(&notice);
	long long seen = -1;
	if (!str_to_int64(field(r, "notice_version"), 0, INT64_MAX, &seen) || seen != notice_version) {
		in.privacy = false;
		form_error(&fe, "privacy", _("The privacy notice has just been updated. Please read it and confirm again."));
		apply_render(r, 422, t, &in, &fe, NULL);
		return;
	}

	int64_t existing = 0;
	if (same_email_candidate(r, c, &existing) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	bool applied = false;
	if (existing && has_applied(r, existing, t->p.id, &applied) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	const char *already = _("You have already applied for this position with this email address. There is no need to "
				"apply again: we will get back to you.");
	if (applied) {
		apply_render(r, 409, t, &in, NULL, already);
		return;
	}
	int64_t candidate_id = 0, application_id = 0;
	enum store_rc rc = apply_store(r, t, &in, c, existing, notice_version, &candidate_id, &application_id);
	if (rc == STORE_CONFLICT) { /* the same person, a moment earlier */
		apply_render(r, 409, t, &in, NULL, already);
		return;
	}
	if (rc != STORE_OK) {
		log_error("career page: the application for %s cannot be stored (%s)", t->ad.slug, store_rc_name(rc));
		page_error(r, 500, NULL);
		return;
	}
	log_info("career page: application %lld of candidate %lld%s for position %lld", (long long)application_id,
		 (long long)candidate_id, existing ? " (known by email)" : "", (long long)t->p.id);
	const struct upload *cv = req_upload(r, "cv");
	if (cv)
		apply_store_cv(r, candidate_id, application_id, cv);
	resp_redirect(r, thanks);
}

void page_job_thanks(struct request *r)
{
	struct apply_target *t = arena_alloc(&r->arena, sizeof *t);
	int status = target_load(r, t, false);
	if (status) {
		target_failed(r, status);
		return;
	}
	speak(r, t->lang);
	struct buf *o = &r->out;
	public_begin(r, r->lang, _("Thank you for your application"), t->org.name[0] ? t->org.name : _("Careers"), true);
	html_printf(o, "<section class=\"card apply-thanks\"><h1>%s</h1><p class=\"lead\">%s</p>", _("Thank you for your application"),
		    arena_printf(&r->arena, _("We have received your application for “%s” at %s."), t->ad.ad.title, t->org.name));
	html_printf(o, "<h2>%s</h2><ol class=\"steps\"><li>%s</li><li>%s</li><li>%s</li></ol>", _("What happens next"),
		    _("We read every application personally and compare it with the requirements of the position."),
		    _("You will hear from us within two weeks at the latest — by email or phone, and also if it is a no."),
		    _("If your profile fits, we invite you to a first conversation. The whole process usually takes a few weeks, "
		      "and we will tell you at each step what comes next."));
	html_printf(o, "<h2>%s</h2><p>%s", _("Questions?"), _("Contact us at:"));
	html_printf(o, " %s", t->org.name);
	if (t->org.city[0])
		html_printf(o, ", %s%s%s", t->org.postal_code, t->org.postal_code[0] ? " " : "", t->org.city);
	if (str_starts_with(t->org.website, "https://") || str_starts_with(t->org.website, "http://"))
		html_printf(o, " · <a href=\"%s\" rel=\"noopener\">%s</a>", t->org.website, t->org.website);
	html_printf(o, "</p><p><a class=\"btn\" href=\"/jobs\">%s</a></p></section>", _("See all open positions"));
	public_end(r, r->lang);
}
