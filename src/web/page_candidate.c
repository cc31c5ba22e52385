/*
 * page_candidate.c — one candidate (R-CAND-1): the header with contact data
 * and conditions, the applications (one per position, with stage, days in
 * stage, channel and referral), the form that puts the candidate into a
 * position's pipeline with channel, referrer (R-CHAN-3) or event, notes and
 * contacts, the activity timeline (stage moves, notes, contacts, documents
 * with who and when), documents, consents and possible duplicates with a
 * link to compare and merge (R-CAND-5).
 */
#include <stdlib.h>
#include <string.h>

#include "core/channels.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/consents.h"
#include "store/positions.h"
#include "store/stages.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/document_ops.h"
#include "web/layout.h"
#include "web/pages.h"

/* What a refused form submission puts back on the page. */
struct page_input {
	struct form_errors app_fe;
	struct form_errors note_fe;
	int64_t position_id;
	const char *channel, *referrer_kind, *referrer_name, *referral_status, *bonus, *event;
	const char *note_kind, *note_text;
	int64_t note_application;
};

/* Everything the page shows, loaded before rendering. */
struct page_data {
	struct candidate c;
	struct application *apps;
	size_t napps;
	struct position_summary *positions;
	size_t npositions;
	struct candidate_position *inpos;     /* positions of the applications, with their stages */
	struct application_event *events;
	size_t nevents;
	struct consent *consents;
	size_t nconsents;
	struct candidate_duplicate *dups;
	size_t ndups;
};

static void data_free(struct page_data *d)
{
	free(d->apps);
	free(d->positions);
	free(d->events);
	free(d->consents);
	free(d->dups);
}

static const char *position_title(const struct page_data *d, int64_t id)
{
	for (size_t i = 0; i < d->npositions; i++)
		if (d->positions[i].p.id == id)
			return d->positions[i].p.title;
	return "";
}

static bool data_load(struct request *r, struct page_data *d)
{
	struct store *s = r->store;
	int64_t id = d->c.id;
	if (store_application_list_by_candidate(s, id, &d->apps, &d->napps) != STORE_OK ||
	    store_position_list(s, -1, 0, &d->positions, &d->npositions) != STORE_OK ||
	    store_application_events(s, id, 0, 0, &d->events, &d->nevents) != STORE_OK ||
	    store_consent_list(s, id, &d->consents, &d->nconsents) != STORE_OK ||
	    store_candidate_find_duplicates(s, &d->c, &d->dups, &d->ndups) != STORE_OK)
		return false;
	d->inpos = arena_alloc(&r->arena, (d->napps + 1) * sizeof *d->inpos);
	for (size_t i = 0; i < d->napps; i++) {
		struct candidate_position *p = &d->inpos[i];
		p->id = d->apps[i].position_id;
		p->title = position_title(d, p->id);
		if (store_stages_get(s, p->id, p->stages, &p->nstages, NULL) != STORE_OK)
			return false;
	}
	return true;
}

static void header(struct request *r, const struct candidate *c)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates\">%s</a></p><h1>%s</h1>",
		    _("Candidates"), candidate_name(r, c));
	if (c->current_role[0] && c->current_company[0])
		html_printf(o, "<p class=\"lead\">%s @ %s</p>", c->current_role, c->current_company);
	else if (c->current_role[0] || c->current_company[0])
		html_printf(o, "<p class=\"lead\">%s%s</p>", c->current_role, c->current_company);
	html_printf(o, "</div><div class=\"actions\"><a class=\"btn\" href=\"/candidates/%lld/edit\">%s</a></div></div>",
		    (long long)c->id, _("Edit"));
	html_printf(o, "<section class=\"card\"><h2 class=\"visually-hidden\">%s</h2>", _("Contact and conditions"));
	candidate_facts_html(r, c);
	html_raw(o, "</section>");
}

static void applications(struct request *r, const struct page_data *d)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"card\" id=\"applications\"><h2>%s</h2>", _("Applications"));
	if (d->napps == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("Not in the pipeline of any position yet."));
	} else {
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data\"><caption class=\"visually-hidden\">%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			       "<th scope=\"col\">%s</th></tr></thead><tbody>",
			    _("Applications"), _("Position"), _("Stage"), _("Days in stage"), _("Channel"));
		for (size_t i = 0; i < d->napps; i++) {
			const struct application *a = &d->apps[i];
			const struct candidate_position *p = &d->inpos[i];
			html_printf(o, "<tr><td><a href=\"/positions/%lld/pipeline\">%s</a></td><td>%s</td><td class=\"num\">%d</td><td>%s",
				    (long long)a->position_id, p->title, candidate_stage_label(p->stages, p->nstages, a->stage),
				    days_in_stage(a->stage_entered_at, r->now), candidate_channel_label(a->channel));
			if (a->has_referral)
				candidate_referral_html(r, &a->referral);
			if (a->event[0])
				html_printf(o, "<br><span class=\"muted\">%s: %s</span>", _("Event"), a->event);
			html_printf(o, "<br><a class=\"app-evaluation-link\" href=\"/applications/%lld/evaluation\">%s</a>",
				    (long long)a->id, _("Evaluation and decision"));
			html_printf(o, "<br><a class=\"app-offer-link\" href=\"/applications/%lld/offer\">%s</a>", (long long)a->id, _("Offer"));
			html_raw(o, "</td></tr>");
		}
		html_raw(o, "</tbody></table></div>");
	}
	candidate_interviews_html(r, d->apps, d->inpos, d->napps);   /* page_my_interviews.c */
	candidate_disclosures_html(r, d->apps, d->inpos, d->napps);  /* page_health.c (R-GUARD-6) */
	html_raw(o, "</section>");
}

/* Whether the candidate has an application for position id. */
static bool applied_to(const struct page_data *d, int64_t id)
{
	for (size_t i = 0; i < d->napps; i++)
		if (d->apps[i].position_id == id)
			return true;
	return false;
}

static void add_application_form(struct request *r, const struct page_data *d, const struct page_input *in)
{
	struct buf *o = &r->out;
	const struct form_errors *fe = &in->app_fe;
	html_printf(o, "<section class=\"card\" id=\"add-application\"><h2>%s</h2>", _("Add to a position"));
	size_t open = 0;
	for (size_t i = 0; i < d->npositions; i++) {
		const struct position *p = &d->positions[i].p;
		open += p->status != POSITION_CLOSED && p->status != POSITION_FILLED && !applied_to(d, p->id);
	}
	if (open == 0 && !fe->n) {
		html_printf(o, "<p class=\"muted\">%s</p></section>",
			    _("The candidate is in the pipeline of every open position already."));
		return;
	}
	form_error_summary_for(r, fe, "a");
	html_printf(o, "<form class=\"form add-application\" method=\"post\" action=\"/candidates/%lld/applications#add-application\" novalidate>",
		    (long long)d->c.id);
	csrf_field(r);
	candidate_select_open(r, fe, "a", "position_id", _("Position"));
	for (size_t i = 0; i < d->npositions; i++) {
		const struct position *p = &d->positions[i].p;
		if (p->status == POSITION_CLOSED || p->status == POSITION_FILLED || applied_to(d, p->id))
			continue;
		candidate_option(o, arena_printf(&r->arena, "%lld", (long long)p->id), p->title, p->id == in->position_id);
	}
	candidate_select_close(r);
	/* The candidate's own channel unless the form said otherwise. */
	const char *channel = in->channel ? in->channel : d->c.channel;
	candidate_select_open(r, fe, "a", "channel", _("Channel"));
	candidate_option(o, "", _("not known"), str_empty(channel));
	for (int i = 0; i < CHANNEL__COUNT; i++)
		candidate_option(o, channel_code((enum channel)i), _(channel_label((enum channel)i)),
		       str_eq(channel, channel_code((enum channel)i)));
	candidate_select_close(r);
	html_printf(o, "<fieldset class=\"referral-fields\"><legend>%s</legend>", _("Referral (channel Referrals)"));
	candidate_select_open(r, fe, "a", "referrer_kind", _("Referred by a"));
	for (int i = 0; i < REFERRER_KIND__COUNT; i++)
		candidate_option(o, referrer_kind_code((enum referrer_kind)i), _(referrer_kind_label((enum referrer_kind)i)),
		       str_eq(in->referrer_kind, referrer_kind_code((enum referrer_kind)i)));
	candidate_select_close(r);
	candidate_text_field(r, fe, "a", "referrer_name", _("Name of the referrer"), in->referrer_name);
	candidate_select_open(r, fe, "a", "referral_status", _("Referral status"));
	for (int i = 0; i < REFERRAL_STATUS__COUNT; i++)
		candidate_option(o, referral_status_code((enum referral_status)i), _(referral_status_label((enum referral_status)i)),
		       str_eq(in->referral_status, referral_status_code((enum referral_status)i)));
	candidate_select_close(r);
	candidate_text_field(r, fe, "a", "bonus", _("Referral bonus (EUR)"), in->bonus);
	html_printf(o, "</fieldset><fieldset class=\"event-fields\"><legend>%s</legend>", _("Event (channel Events and fairs)"));
	candidate_text_field(r, fe, "a", "event", _("Event or fair"), in->event);
	html_printf(o, "</fieldset><div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Add to the pipeline"));
}

static void note_form(struct request *r, const struct page_data *d, const struct page_input *in)
{
	struct buf *o = &r->out;
	const struct form_errors *fe = &in->note_fe;
	html_printf(o, "<section class=\"card\" id=\"add-note\"><h2>%s</h2>", _("Note or contact"));
	form_error_summary_for(r, fe, "n");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/candidates/%lld/notes#add-note\" novalidate>", (long long)d->c.id);
	csrf_field(r);
	bool contact = str_eq(in->note_kind, "contact");
	html_printf(o, "<fieldset class=\"field radio-row\"><legend>%s</legend><label class=\"check\"><input id=\"n-kind\" type=\"radio\" name=\"kind\" "
		       "value=\"note\"%s><span>%s</span></label><label class=\"check\"><input type=\"radio\" name=\"kind\" "
		       "value=\"contact\"%s><span>%s</span></label></fieldset>",
		    _("Kind"), contact ? "" : " checked", _("Note"), contact ? " checked" : "", _("Contact (call, mail, meeting)"));
	if (d->napps) {
		html_printf(o, "<div class=\"field\"><label for=\"n-application_id\">%s</label><select id=\"n-application_id\" name=\"application_id\">",
			    _("About"));
		candidate_option(o, "0", _("the candidate in general"), in->note_application == 0);
		for (size_t i = 0; i < d->napps; i++)
			candidate_option(o, arena_printf(&r->arena, "%lld", (long long)d->apps[i].id), d->inpos[i].title,
			       in->note_application == d->apps[i].id);
		candidate_select_close(r);
	}
	const char *err = form_error_for(fe, "text");
	html_printf(o, "<div class=\"field%s\"><label for=\"n-text\">%s</label>", err ? " has-error" : "", _("Text"));
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"n-text-err\">%s</p>", err);
	html_printf(o, "<textarea id=\"n-text\" name=\"text\" rows=\"4\" aria-invalid=\"%s\">%s</textarea></div>"
		       "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    err ? "true" : "false", in->note_text ? in->note_text : "", _("Save"));
}

static void duplicates(struct request *r, const struct page_data *d)
{
	struct buf *o = &r->out;
	if (d->ndups == 0)
		return;
	html_printf(o, "<section class=\"card duplicates\" id=\"duplicates\"><h2>%s</h2><ul>", _("Possible duplicates"));
	for (size_t i = 0; i < d->ndups; i++) {
		const struct candidate *c = &d->dups[i].c;
		html_printf(o, "<li><a href=\"/candidates/%lld\">%s</a> <span class=\"muted\">%s</span> — %s · "
			       "<a href=\"/candidates/%lld/merge/%lld\">%s</a></li>",
			    (long long)c->id, candidate_name(r, c), c->email, d->dups[i].reason[0] ? _(d->dups[i].reason) : "",
			    (long long)d->c.id, (long long)c->id, _("Compare and merge"));
	}
	html_raw(o, "</ul></section>");
}

/* The confirmations of this page's own ?done= codes (a fixed list, so a
 * link cannot inject text); page_flash shows the shared ones. */
static void candidate_flash(struct request *r)
{
	static const struct { const char *code; const char *message; } codes[] = {
		{ "candidate_created", N_("The candidate has been created.") },
		{ "merged", N_("The candidates have been merged.") },
		{ "application_added", N_("The candidate is now in the pipeline of the position.") },
		{ "note_added", N_("Added to the timeline.") },
	};
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(done, codes[i].code) == 0)
			html_printf(&r->out, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", _(codes[i].message));
}

static void render(struct request *r, struct page_data *d, const struct page_input *in)
{
	struct buf *o = &r->out;
	page_begin(r, candidate_name(r, &d->c), NAV_CANDIDATES);
	page_flash(r);
	candidate_flash(r);
	header(r, &d->c);
	duplicates(r, d);
	applications(r, d);
	html_raw(o, "<div class=\"split candidate-columns\"><div>");
	add_application_form(r, d, in);
	document_section(r, d->c.id);
	candidate_consents_html(r, d->consents, d->nconsents);
	html_raw(o, "</div><div>");
	note_form(r, d, in);
	candidate_messages_html(r, &d->c, d->apps, d->inpos, d->napps);   /* page_messages.c */
	html_printf(o, "<section class=\"card\" id=\"timeline\"><h2>%s</h2>", _("Activity"));
	candidate_timeline_html(r, d->events, d->nevents, d->inpos, d->napps);
	html_raw(o, "</section></div></div>");
	page_end(r);
}

/* Loads and renders the page of the candidate in the path, with what a
 * refused form submission puts back (r->status set by the caller). */
static void show(struct request *r, const struct page_input *in)
{
	struct page_data d = { 0 };
	if (!candidate_load_from_path(r, 0, &d.c))
		return;
	if (!data_load(r, &d))
		page_error(r, 500, NULL);
	else
		render(r, &d, in);
	data_free(&d);
}

void page_candidate(struct request *r)
{
	struct page_input in = { 0 };
	show(r, &in);
}

/* Reads the referral fields of the form into f; problems into fe under the
 * form's field names. */
static void read_referral(struct request *r, const struct page_input *in, struct referral *f, struct form_errors *fe)
{
	memset(f, 0, sizeof *f);
	f->status = REFERRAL_PROPOSED;
	if (!referrer_kind_parse(in->referrer_kind ? in->referrer_kind : "", &f->kind))
		form_error(fe, "referrer_kind", _("Please choose one of the offered values."));
	char *name = str_trim(arena_strdup(&r->arena, in->referrer_name ? in->referrer_name : ""));
	if (!str_copy(f->referrer_name, sizeof f->referrer_name, name))
		form_error(fe, "referrer_name", _("This field is too long or not valid UTF-8 text."));
	if (!str_empty(in->referral_status) && !referral_status_parse(in->referral_status, &f->status))
		form_error(fe, "referral_status", _("Please choose one of the offered values."));
	char *bonus = str_trim(arena_strdup(&r->arena, in->bonus ? in->bonus : ""));
	long long euros;
	if (*bonus && !str_to_int64(bonus, 0, 100000000, &euros))
		form_error(fe, "bonus", _("Please enter a whole number in the allowed range."));
	else if (*bonus)
		f->bonus_cents = euros * 100;
	if (fe->n)
		return;
	struct field_problem problems[8];
	size_t n = referral_validate(f, problems, 8);
	for (size_t i = 0; i < n; i++) {
		const char *field = strcmp(problems[i].field, "status") == 0 ? "referral_status" : problems[i].field;
		if (!form_error_for(fe, field))
			form_error(fe, field, _(problems[i].message));
	}
}

void page_candidate_add_application(struct request *r)
{
	struct page_input in = { 0 };
	struct candidate c;
	struct position p;
	struct application a = { 0 };
	struct actor who = req_actor(r);
	struct form_errors *fe = &in.app_fe;
	if (!candidate_load_from_path(r, 0, &c))
		return;
	const char *v = req_form(r, "position_id");
	long long n;
	in.channel = req_form(r, "channel");
	in.referrer_kind = req_form(r, "referrer_kind");
	in.referrer_name = req_form(r, "referrer_name");
	in.referral_status = req_form(r, "referral_status");
	in.bonus = req_form(r, "bonus");
	in.event = req_form(r, "event");
	a.candidate_id = c.id;
	if (!v || !str_to_int64(v, 1, INT64_MAX, &n))
		form_error(fe, "position_id", _("Please choose a position."));
	else if (store_position_get(r->store, (int64_t)n, &p) != STORE_OK)
		form_error(fe, "position_id", _("There is no such position."));
	else
		in.position_id = a.position_id = (int64_t)n;
	enum channel ch;
	if (!str_empty(in.channel) && !channel_parse(in.channel, &ch))
		form_error(fe, "channel", _("Please choose one of the offered values."));
	else if (!str_empty(in.channel))
		str_copy(a.channel, sizeof a.channel, in.channel);
	const char *effective = a.channel[0] ? a.channel : c.channel;
	if (strcmp(effective, "referrals") == 0) {
		a.has_referral = true;
		read_referral(r, &in, &a.referral, fe);
	}
	char *event = str_trim(arena_strdup(&r->arena, in.event ? in.event : ""));
	if (strcmp(effective, "events") == 0 && !str_copy(a.event, sizeof a.event, event))
		form_error(fe, "event", _("This field is too long or not valid UTF-8 text."));
	if (!fe->n) {
		enum store_rc rc = store_application_create(r->store, &who, &a, r->now);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=application_added#applications",
						      (long long)c.id));
			return;
		}
		if (rc == STORE_CONFLICT)
			form_error(fe, "position_id", _("The candidate already has an application for this position."));
		else if (rc == STORE_INVALID)
			form_error(fe, "position_id", _("The application could not be stored as given."));
		else {
			page_error(r, 500, NULL);
			return;
		}
	}
	r->status = 422;
	show(r, &in);
}

void page_candidate_add_note(struct request *r)
{
	struct page_input in = { 0 };
	struct candidate c;
	struct actor who = req_actor(r);
	struct form_errors *fe = &in.note_fe;
	if (!candidate_load_from_path(r, 0, &c))
		return;
	in.note_kind = req_form(r, "kind");
	in.note_text = req_form(r, "text");
	enum application_event_kind kind = str_eq(in.note_kind, "contact") ? EVENT_CONTACT : EVENT_NOTE;
	if (!str_empty(in.note_kind) && !str_eq(in.note_kind, "note") && !str_eq(in.note_kind, "contact"))
		form_error(fe, "kind", _("Please choose one of the offered values."));
	const char *v = req_form(r, "application_id");
	long long n = 0;
	if (!str_empty(v) && !str_to_int64(v, 0, INT64_MAX, &n))
		form_error(fe, "application_id", _("Please choose one of the offered values."));
	in.note_application = (int64_t)n;
	char *text = str_trim(arena_strdup(&r->arena, in.note_text ? in.note_text : ""));
	if (!*text)
		form_error(fe, "text", _("Please write the note."));
	else if (strlen(text) > APPLICATION_NOTE_MAX)
		form_error(fe, "text", arena_printf(&r->arena, _("At most %zu characters."), (size_t)APPLICATION_NOTE_MAX));
	if (!fe->n) {
		enum store_rc rc = store_application_add_event(r->store, &who, c.id, in.note_application, kind, text, r->now, NULL);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=note_added#timeline", (long long)c.id));
			return;
		}
		if (rc == STORE_INVALID)
			form_error(fe, "text", _("The note could not be stored: please check the text and what it is about."));
		else {
			page_error(r, 500, NULL);
			return;
		}
	}
	r->status = 422;
	show(r, &in);
}
