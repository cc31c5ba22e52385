/*
 * page_board.c — the pipeline board of a position (R-CAND-2) and the stage
 * move behind it.
 *
 * GET /positions/{id}/pipeline shows one column per stage in board order,
 * the exits (rejected, withdrawn) apart at the end; each card shows the
 * candidate, company, channel, days in stage and business days since the
 * last contact, colour-coded and worded (contact_age_level, the ages
 * R-GUARD-3 will warn about). Every card carries a plain form with a stage
 * select, so moving works without JavaScript; assets/board.js adds drag and
 * drop and keyboard moves on top, using the same form's fields.
 *
 * POST /applications/{id}/move takes stage, reason, reason_note and informed
 * (yes/no). A move to "rejected" without a reason or the informed answer
 * answers the rejection form (422); any other refusal shows the board with
 * the rule's message. With `Accept: application/json` (the script) the
 * answer is {"ok":true,...} or a problem document carrying the check code.
 * The stable hooks for scripts and browser tests are data-board,
 * data-stage="code" on columns and data-application="id" on cards.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/channels.h"
#include "core/pipeline.h"
#include "store/ads.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/positions.h"
#include "util/str.h"
#include "web/api.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pipeline_ops.h"
#include "web/position_chrome.h"

/* What one board rendering needs, loaded once. */
struct board {
	const struct position *p;
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t nstages;
	const char *label[PIPELINE_MAX_STAGES];   /* as shown, by stage index */
	const char *options[PIPELINE_MAX_STAGES + 1]; /* the stage select's options with that stage (last: none) selected */
	struct application_card *cards;
	size_t ncards;
	int *stage_of;                            /* per card: its stage index, -1 for none */
};

static bool text_blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

static const char *card_name(struct request *r, const struct application_card *c)
{
	if (!c->first_name[0])
		return c->last_name;
	return arena_printf(&r->arena, "%s %s", c->first_name, c->last_name);
}

static const char *channel_shown(const char *code)
{
	enum channel ch;
	if (code && code[0] && channel_parse(code, &ch))
		return _(channel_label(ch));
	return code && code[0] ? code : _("Unknown channel");
}

/* ---- rejection fields (the dialog on the board and the rejection page) --------------------------- */

/* Reason select, note and the required "informed?" question; ids are
 * "PREFIX-reason", "PREFIX-reason_note", "PREFIX-informed-yes/-no". */
static void rejection_fields(struct request *r, const char *prefix, const struct move_input *in,
			     const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, "reason");
	html_printf(o, "<div class=\"field%s\"><label for=\"%s-reason\">%s</label><select id=\"%s-reason\" name=\"reason\" required aria-invalid=\"%s\">",
		    err ? " has-error" : "", prefix, _("Reason for the rejection"), prefix,
		    err ? "true" : "false");
	html_printf(o, "<option value=\"\">%s</option>", _("Please choose"));
	for (int i = 0; i < REJECTION_REASON__COUNT; i++) {
		const char *code = rejection_reason_code((enum rejection_reason)i);
		html_printf(o, "<option value=\"%s\"%s>%s</option>", code,
			    in && in->reason && strcmp(in->reason, code) == 0 ? " selected" : "",
			    _(rejection_reason_label((enum rejection_reason)i)));
	}
	html_raw(o, "</select>");
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_raw(o, "</div>");

	err = form_error_for(fe, "reason_note");
	html_printf(o, "<div class=\"field%s\"><label for=\"%s-reason_note\">%s</label>"
		       "<textarea id=\"%s-reason_note\" name=\"reason_note\" rows=\"3\" maxlength=\"%d\" aria-describedby=\"%s-reason_note-hint\" aria-invalid=\"%s\">%s</textarea>"
		       "<p class=\"hint\" id=\"%s-reason_note-hint\">%s</p>",
		    err ? " has-error" : "", prefix, _("Note"), prefix, APPLICATION_REASON_NOTE_MAX, prefix,
		    err ? "true" : "false", in && in->reason_note ? in->reason_note : "", prefix,
		    _("Required for \"Other reason\"; otherwise optional. Kept with the application."));
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_raw(o, "</div>");

	err = form_error_for(fe, "informed");
	enum informed_answer informed = in ? in->informed : INFORMED_UNANSWERED;
	html_printf(o, "<fieldset class=\"field%s\" id=\"%s-informed\"><legend>%s</legend>", err ? " has-error" : "", prefix,
		    _("Was the candidate informed?"));
	html_printf(o, "<label class=\"check\" for=\"%s-informed-yes\"><input type=\"radio\" id=\"%s-informed-yes\" name=\"informed\" value=\"yes\" required%s> %s</label>",
		    prefix, prefix, informed == INFORMED_YES ? " checked" : "", _("Yes, the candidate has been informed"));
	html_printf(o, "<label class=\"check\" for=\"%s-informed-no\"><input type=\"radio\" id=\"%s-informed-no\" name=\"informed\" value=\"no\"%s> %s</label>",
		    prefix, prefix, informed == INFORMED_NO ? " checked" : "", _("No, not yet"));
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_raw(o, "</fieldset>");
}

/* The field errors of a move to "rejected", all at once (pipeline_check_move
 * names only the first). */
static void rejection_errors(struct request *r, const struct move_input *in, struct form_errors *fe)
{
	enum rejection_reason reason;
	if (!rejection_reason_parse(in->reason ? in->reason : "", &reason))
		form_error(fe, "reason", _(move_check_message(MOVE_REASON_REQUIRED)));
	else if (reason == REJECT_OTHER && text_blank(in->reason_note))
		form_error(fe, "reason_note", _(move_check_message(MOVE_REASON_NOTE_REQUIRED)));
	if (in->reason_note && strlen(in->reason_note) > APPLICATION_REASON_NOTE_MAX)
		form_error(fe, "reason_note", arena_printf(&r->arena, _("The note may have at most %d characters."),
							   APPLICATION_REASON_NOTE_MAX));
	if (in->informed == INFORMED_UNANSWERED)
		form_error(fe, "informed", _(move_check_message(MOVE_INFORMED_REQUIRED)));
}

/* ---- the board ------------------------------------------------------------------------------------ */

static void card_ages(struct request *r, const struct application *a)
{
	struct buf *o = &r->out;
	int days = days_in_stage(a->stage_entered_at, r->now);
	html_printf(o, "<p class=\"app-card-days\" data-days=\"%d\">", days);
	html_printf(o, i18n_ngettext("%d day in stage", "%d days in stage", (unsigned long)days), days);
	html_raw(o, "</p>");
	enum contact_age level = contact_age_level(a->last_contact_at, r->now);
	const char *code = contact_age_code(level);
	int bdays = business_days_between(a->last_contact_at, r->now);
	html_printf(o, "<p class=\"contact-age contact-age-%s %s\" data-contact-age=\"%s\" data-business-days=\"%d\">",
		    code, code, code, bdays);
	if (level == CONTACT_AGE_NONE) {
		html_printf(o, "%s", _(contact_age_label(level)));
	} else {
		html_printf(o, i18n_ngettext("%d business day since last contact", "%d business days since last contact",
					     (unsigned long)bdays), bdays);
		if (level != CONTACT_AGE_OK)
			html_printf(o, " <strong class=\"contact-age-label\">%s</strong>", _(contact_age_label(level)));
	}
	html_raw(o, "</p>");
}

static void card_rejection(struct request *r, const struct application *a)
{
	struct buf *o = &r->out;
	enum rejection_reason reason;
	html_raw(o, "<p class=\"app-card-reason\">");
	if (rejection_reason_parse(a->rejection_reason, &reason))
		html_printf(o, "%s: %s", _("Reason"), _(rejection_reason_label(reason)));
	else
		html_printf(o, "%s: %s", _("Reason"), _("not recorded"));
	if (a->rejection_note[0])
		html_printf(o, " — %s", a->rejection_note);
	html_raw(o, "</p>");
	if (a->informed != INFORMED_UNANSWERED)
		html_printf(o, "<p class=\"app-card-informed\">%s</p>",
			    a->informed == INFORMED_YES ? _("Candidate informed") : _("Candidate not informed yet"));
}

static void render_card(struct request *r, const struct board *b, const struct application_card *c, int stage)
{
	struct buf *o = &r->out;
	const struct application *a = &c->a;
	long long id = (long long)a->id;
	const char *name = card_name(r, c);
	html_printf(o, "<li class=\"app-card\" id=\"card-%lld\" data-application=\"%lld\" draggable=\"true\" tabindex=\"0\" "
		       "aria-labelledby=\"card-%lld-name\">",
		    id, id, id);
	html_printf(o, "<h3 class=\"app-card-name\" id=\"card-%lld-name\"><a href=\"/candidates/%lld\">%s</a></h3>", id,
		    (long long)a->candidate_id, name);
	if (c->current_company[0])
		html_printf(o, "<p class=\"app-card-company\">%s</p>", c->current_company);
	html_printf(o, "<p class=\"app-card-channel\"><span class=\"visually-hidden\">%s: </span>%s</p>", _("Channel"),
		    channel_shown(a->channel));
	card_ages(r, a);
	if (strcmp(a->stage, STAGE_CODE_REJECTED) == 0)
		card_rejection(r, a);
	html_printf(o, "<form class=\"app-card-move\" method=\"post\" action=\"/applications/%lld/move\">", id);
	csrf_field(r);
	html_printf(o, "<label class=\"visually-hidden\" for=\"move-%lld\">%s</label><select id=\"move-%lld\" name=\"stage\" data-move-select>",
		    id, arena_printf(&r->arena, _("Move %s to stage"), name), id);
	if (stage >= 0) {
		html_raw(o, b->options[stage]);
	} else {
		html_printf(o, "<option value=\"%s\" selected>%s</option>", a->stage, a->stage);
		html_raw(o, b->options[b->nstages]);
	}
	html_printf(o, "</select><button class=\"btn btn-small\">%s</button></form></li>", _("Move"));
}

static void render_column(struct request *r, const struct board *b, size_t index)
{
	const struct stage *st = &b->stages[index];
	struct buf *o = &r->out;
	bool exit = st->kind == STAGE_EXIT;
	size_t count = 0;
	for (size_t i = 0; i < b->ncards; i++)
		if (b->stage_of[i] == (int)index)
			count++;
	html_printf(o, "<section class=\"board-column%s\" data-stage=\"%s\" data-kind=\"%s\" aria-labelledby=\"col-%s\">"
		       "<h2 id=\"col-%s\"><span class=\"board-column-label\">%s</span> <span class=\"board-count\" data-count>%zu</span>"
		       "<span class=\"visually-hidden\"> %s</span></h2>",
		    exit ? " board-exit" : "", st->code, stage_kind_code(st->kind), st->code, st->code,
		    b->label[index], count, _("applications"));
	if (exit)
		html_printf(o, "<details class=\"board-exit-cards\"%s><summary>%s</summary>", count ? "" : " open",
			    _("Show or hide"));
	html_printf(o, "<ol class=\"board-cards\" data-cards data-empty-text=\"%s\">", _("No applications in this stage"));
	for (size_t i = 0; i < b->ncards; i++)
		if (b->stage_of[i] == (int)index)
			render_card(r, b, &b->cards[i], (int)index);
	html_raw(o, "</ol>");
	if (exit)
		html_raw(o, "</details>");
	html_raw(o, "</section>");
}

/* The dialog board.js opens for a drop on "rejected"; hidden until then. */
static void render_reject_dialog(struct request *r)
{
	struct buf *o = &r->out;
	html_printf(o, "<dialog class=\"reject-dialog\" id=\"reject-dialog\" data-reject-dialog aria-labelledby=\"reject-dialog-title\">"
		       "<form class=\"form\" method=\"post\" data-reject-form novalidate>"
		       "<h2 id=\"reject-dialog-title\">%s</h2><p class=\"muted\" data-reject-who></p>"
		       "<div class=\"flash flash-error\" role=\"alert\" data-reject-error hidden></div>",
		    _("Reject the candidate"));
	csrf_field(r);
	html_raw(o, "<input type=\"hidden\" name=\"stage\" value=\"rejected\">");
	rejection_fields(r, "dlg", NULL, NULL);
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\" type=\"submit\">%s</button>"
		       "<button class=\"btn\" type=\"button\" data-reject-cancel>%s</button></div></form></dialog>",
		    _("Reject"), _("Cancel"));
}

static void render_empty_state(struct request *r, const struct position *p)
{
	struct buf *o = &r->out;
	struct stored_ad *ad = arena_alloc(&r->arena, sizeof *ad);
	bool published = store_ad_get(r->store, p->id, ad) == STORE_OK && ad->published && ad->slug[0];
	html_printf(o, "<section class=\"empty-state board-empty\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2><p>%s</p>"
		       "<div class=\"actions\"><a class=\"btn btn-primary\" href=\"/candidates\">%s</a>",
		    asset_url(r, "icons/candidates.svg"), _("No applications yet"),
		    _("Candidates enter this pipeline when you add them to the position from the candidate list, "
		      "or when they apply through the career page. Each card then shows how long the candidate has "
		      "been in a stage and when they were last contacted."),
		    _("Add candidates"));
	if (published)
		html_printf(o, " <a class=\"btn\" href=\"/jobs/%s\">%s</a>", ad->slug, _("Open the career page"));
	else
		html_printf(o, " <a class=\"btn\" href=\"%s\">%s</a>", position_path(r, p->id, "ad"),
			    _("Publish the job ad on the career page"));
	html_raw(o, "</div></section>");
}

/* The board page; error (may be NULL) is shown above it, e.g. a refused move. */
static void render_board(struct request *r, const struct position *p, const char *error)
{
	struct board *b = arena_alloc(&r->arena, sizeof *b);
	b->p = p;
	enum store_rc rc = pipeline_stages_load(r, p->id, b->stages, &b->nstages, NULL);
	if (rc == STORE_OK)
		rc = store_application_board(r->store, p->id, &b->cards, &b->ncards);
	if (rc != STORE_OK) {
		free(b->cards);
		page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	for (size_t s = 0; s < b->nstages; s++)
		b->label[s] = stage_label_shown(&b->stages[s]);
	/* Computed once: every card's select differs only in the selected stage. */
	for (size_t sel = 0; sel <= b->nstages; sel++) {   /* sel == nstages: none selected */
		struct buf opts = BUF_INIT;
		for (size_t s = 0; s < b->nstages; s++)
			html_printf(&opts, "<option value=\"%s\"%s>%s</option>", b->stages[s].code,
				    s == sel ? " selected" : "", b->label[s]);
		b->options[sel] = arena_strdup(&r->arena, buf_cstr(&opts));
		buf_free(&opts);
	}
	b->stage_of = arena_alloc(&r->arena, (b->ncards ? b->ncards : 1) * sizeof *b->stage_of);
	for (size_t i = 0; i < b->ncards; i++) {
		const struct stage *st = pipeline_find(b->stages, b->nstages, b->cards[i].a.stage);
		b->stage_of[i] = st ? (int)(st - b->stages) : -1;
	}
	struct buf *o = &r->out;
	r->page_script = "board.js";
	position_page_begin(r, p, "pipeline", _("Pipeline"));
	if (error)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", error);
	html_printf(o, "<div class=\"board-toolbar\"><p class=\"muted\">%s</p><a class=\"btn btn-small\" href=\"%s\">%s</a></div>",
		    _("Move a card with its stage menu and \"Move\", by drag and drop, or with Alt+Arrow keys while the card "
		      "has focus. Moves to \"Rejected\" ask for the reason."),
		    position_path(r, p->id, "stages"), _("Customise stages"));
	if (b->ncards == 0)
		render_empty_state(r, p);
	html_raw(o, "<p class=\"visually-hidden\" aria-live=\"polite\" data-board-live></p>");
	html_printf(o, "<div class=\"board\" data-board data-position=\"%lld\" data-msg-moved=\"%s\" data-msg-failed=\"%s\">",
		    (long long)p->id, _("%s moved to %s."), _("The move failed. Please reload the page and try again."));
	html_printf(o, "<div class=\"board-main\" aria-label=\"%s\">", _("Active stages"));
	for (size_t s = 0; s < b->nstages; s++)
		if (b->stages[s].kind != STAGE_EXIT)
			render_column(r, b, s);
	html_printf(o, "</div><div class=\"board-exits\" aria-label=\"%s\">", _("Exits"));
	for (size_t s = 0; s < b->nstages; s++)
		if (b->stages[s].kind == STAGE_EXIT)
			render_column(r, b, s);
	html_raw(o, "</div></div>");
	/* Applications in a stage this pipeline does not have (should not happen:
	 * the store refuses to drop a stage in use) stay reachable. */
	bool header = false;
	for (size_t i = 0; i < b->ncards; i++) {
		if (pipeline_find(b->stages, b->nstages, b->cards[i].a.stage))
			continue;
		if (!header) {
			html_printf(o, "<section class=\"card board-unplaced\"><h2>%s</h2><ol class=\"board-cards\">",
				    _("In a stage this pipeline no longer has"));
			header = true;
		}
		render_card(r, b, &b->cards[i], -1);
	}
	if (header)
		html_raw(o, "</ol></section>");
	render_reject_dialog(r);
	free(b->cards);
	page_end(r);
}

void page_pipeline_board(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	if (position_load_from_path(r, p))
		render_board(r, p, NULL);
}

/* ---- POST /applications/{id}/move ------------------------------------------------------------------- */

static bool wants_json(struct request *r)
{
	const char *accept = req_header(r, "Accept");
	return accept && strstr(accept, "application/json");
}

/* The form field a refused check is about. */
static const char *check_field(enum move_check c)
{
	switch (c) {
	case MOVE_REASON_REQUIRED:
		return "reason";
	case MOVE_REASON_NOTE_REQUIRED:
		return "reason_note";
	case MOVE_INFORMED_REQUIRED:
		return "informed";
	default:
		return "stage";
	}
}

static void json_refused(struct request *r, enum move_check check, const struct form_errors *fe)
{
	const char *message = _(move_check_message(check));
	json_t *errors = json_array();
	if (fe && fe->n) {
		for (int i = 0; i < fe->n; i++)
			json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer",
								arena_printf(&r->arena, "#/%s", fe->field[i]), "detail",
								fe->message[i]));
	} else {
		json_array_append_new(errors, json_pack("{s:s, s:s}", "pointer",
							arena_printf(&r->arena, "#/%s", check_field(check)), "detail", message));
	}
	json_t *body = json_pack("{s:s, s:s, s:i, s:s, s:s, s:o}", "type", "about:blank", "title", _("Invalid input"),
				 "status", 422, "detail", message, "code", move_check_code(check), "errors", errors);
	api_json(r, 422, body);
	r->content_type_out = "application/problem+json";
}

/* The rejection form as a page of its own (422): the plain-form path of a
 * move to "rejected" that lacks the reason or the informed answer. */
static void render_rejection_page(struct request *r, const struct position *p, const struct application *a,
				  const struct stage *stages, size_t nstages, const struct move_input *in,
				  const struct form_errors *fe)
{
	struct buf *o = &r->out;
	struct candidate *c = arena_alloc(&r->arena, sizeof *c);
	const char *name = NULL;
	if (store_candidate_get(r->store, a->candidate_id, c) == STORE_OK)
		name = c->first_name[0] ? arena_printf(&r->arena, "%s %s", c->first_name, c->last_name) : c->last_name;
	r->status = 422;
	position_page_begin(r, p, "pipeline", _("Reject the candidate"));
	html_printf(o, "<section class=\"card reject-page\"><h2>%s</h2><p>%s</p>", name ? name : _("Application"),
		    arena_printf(&r->arena, _("Currently in stage \"%s\". A rejection needs a reason and whether the candidate was informed."),
				 stage_label_for_code(stages, nstages, a->stage)));
	form_error_summary_for(r, fe, "rej");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/applications/%lld/move\" novalidate>", (long long)a->id);
	csrf_field(r);
	html_raw(o, "<input type=\"hidden\" name=\"stage\" value=\"rejected\">");
	rejection_fields(r, "rej", in, fe);
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button>"
		       "<a class=\"btn\" href=\"/positions/%lld/pipeline#card-%lld\">%s</a></div></form></section>",
		    _("Reject"), (long long)p->id, (long long)a->id, _("Cancel"));
	page_end(r);
}

void page_application_move(struct request *r)
{
	bool json = wants_json(r);
	if (json)
		r->is_api = true;  /* errors as problem documents for the script */
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), a);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : rc == STORE_BUSY ? 503 : 500,
			   rc == STORE_NOT_FOUND ? _("There is no such application.") : NULL);
		return;
	}
	const char *to = req_form(r, "stage");
	struct move_input in = {
		.reason = req_form(r, "reason"),
		.reason_note = req_form(r, "reason_note"),
		.informed = informed_parse(req_form(r, "informed")),
	};
	if (!in.reason)
		in.reason = "";
	if (!in.reason_note)
		in.reason_note = "";
	char *note = arena_strdup(&r->arena, in.reason_note);
	in.reason_note = str_trim(note);
	if (!to)
		to = "";
	enum move_check check = MOVE_OK;
	struct form_errors fe = { 0 };
	bool rejecting = strcmp(to, STAGE_CODE_REJECTED) == 0;
	if (rejecting && strcmp(a->stage, STAGE_CODE_REJECTED) != 0) {
		rejection_errors(r, &in, &fe);
		if (form_error_for(&fe, "reason"))
			check = MOVE_REASON_REQUIRED;
		else if (form_error_for(&fe, "reason_note"))
			check = MOVE_REASON_NOTE_REQUIRED;
		else if (form_error_for(&fe, "informed"))
			check = MOVE_INFORMED_REQUIRED;
	}
	if (check == MOVE_OK)
		rc = pipeline_move_apply(r, a, to, &in, &check);
	else
		rc = STORE_INVALID;
	if (rc == STORE_OK) {
		if (json) {
			struct stage stages[PIPELINE_MAX_STAGES];
			size_t n = 0;
			const char *label = to;
			if (pipeline_stages_load(r, a->position_id, stages, &n, NULL) == STORE_OK)
				label = stage_label_for_code(stages, n, to);
			const char *days = arena_printf(&r->arena, i18n_ngettext("%d day in stage", "%d days in stage", 0UL), 0);
			api_json(r, 200, json_pack("{s:b, s:I, s:s, s:s, s:i, s:s}", "ok", 1, "application_id",
						   (json_int_t)a->id, "stage", to, "label", label, "days_in_stage", 0,
						   "days_in_stage_text", days));
			return;
		}
		resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/pipeline?done=saved#card-%lld",
					      (long long)a->position_id, (long long)a->id));
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc != STORE_INVALID) {
		page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	if (check == MOVE_OK) {
		/* The rules passed but the store refused the input as given. */
		if (json) {
			api_problem(r, 422, _("Invalid input"), _("The move could not be stored as given."), NULL);
			return;
		}
		check = MOVE_UNKNOWN_STAGE;
	}
	if (json) {
		json_refused(r, check, &fe);
		return;
	}
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	if ((rc = store_position_get(r->store, a->position_id, p)) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	if (check == MOVE_REASON_REQUIRED || check == MOVE_REASON_NOTE_REQUIRED || check == MOVE_INFORMED_REQUIRED) {
		struct stage stages[PIPELINE_MAX_STAGES];
		size_t n = 0;
		if (pipeline_stages_load(r, a->position_id, stages, &n, NULL) != STORE_OK) {
			page_error(r, 500, NULL);
			return;
		}
		if (!fe.n)
			form_error(&fe, check_field(check), _(move_check_message(check)));
		render_rejection_page(r, p, a, stages, n, &in, &fe);
		return;
	}
	r->status = 422;
	render_board(r, p, _(move_check_message(check)));
}
