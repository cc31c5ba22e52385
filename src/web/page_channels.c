/*
 * page_channels.c — the channel plan of a position (R-CHAN-1, R-CHAN-2):
 * the channel catalogue with the seed's guidance ("Wo lassen sich
 * qualifizierte Key Account Manager finden?"), and per channel whether it is
 * used, who owns it, its budget and its start date. Above the form the
 * warnings of channel_plan_check for the saved plan, each with its rule id.
 *
 * GET  /positions/{id}/channels   the plan
 * POST /positions/{id}/channels   replaces the plan; bad input is shown at
 *                                 the field and nothing is stored
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/channels.h"
#include "store/applications.h"
#include "store/users.h"
#include "util/str.h"
#include "web/channel_report.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/position_chrome.h"

#define BUDGET_MAX_EUROS 100000000LL     /* 100 million: anything above is a typo */

/* One channel of the form as shown: stored values, or what was typed. */
struct plan_row {
	bool used;
	int64_t owner_id;
	const char *budget;                  /* text of the budget input */
	const char *start_date;              /* text of the date input */
};

/* A user who may own a channel: anyone who may edit channel plans. */
static bool may_own_channels(const struct user *u)
{
	struct principal p = { .authenticated = true, .disabled = u->disabled, .role = u->role };
	return permission_allows(&p, ACTION_MANAGE_CANDIDATES);
}

static const char *user_label(const struct user *u)
{
	return u->display_name[0] ? u->display_name : u->name;
}

/* Budget in cents as the input shows it: "" for none, "1500" or "1500,50". */
static const char *budget_text(struct request *r, int64_t cents)
{
	if (cents <= 0)
		return "";
	if (cents % 100 == 0)
		return arena_printf(&r->arena, "%lld", (long long)(cents / 100));
	return arena_printf(&r->arena, "%lld%c%02lld", (long long)(cents / 100), r->lang == LANG_DE ? ',' : '.',
			    (long long)(cents % 100));
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parses a budget in euros: digits, optionally a decimal point or comma and
 * one or two digits of cents; surrounding spaces are ignored and "" means no
 * budget. No signs, no thousands separators (is "1.500" 1500 or 1.5?), no
 * exponent. false on anything else; *too_large when only the size is wrong. */
static bool parse_budget(const char *text, int64_t *cents, bool *too_large)
{
	const char *p = text ? text : "";
	long long euros = 0, frac = 0;
	int digits = 0, frac_digits = 0;

	*cents = 0;
	*too_large = false;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return true;
	for (; is_digit(*p); p++, digits++) {
		if (euros > BUDGET_MAX_EUROS) {
			*too_large = true;
			return false;
		}
		euros = euros * 10 + (*p - '0');
	}
	if (digits == 0)
		return false;
	if (*p == '.' || *p == ',') {
		for (p++; is_digit(*p); p++, frac_digits++)
			frac = frac * 10 + (*p - '0');
		if (frac_digits < 1 || frac_digits > 2)
			return false;
		if (frac_digits == 1)
			frac *= 10;
	}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return false;
	if (euros > BUDGET_MAX_EUROS) {
		*too_large = true;
		return false;
	}
	*cents = (int64_t)(euros * 100 + frac);
	return true;
}

/* ---- rendering ------------------------------------------------------------------------------------- */

/* The warnings of the saved plan with the reason the position counts as a
 * senior role (R-CHAN-2). */
static void plan_checks(struct request *r, const struct position *p, const struct channel_plan_item *items, size_t n)
{
	struct buf *o = &r->out;
	int years = 0;
	enum seniority senior = channel_position_seniority(r, p, &years);
	struct channel_finding f[4];
	size_t nf = channel_plan_check(items, n, senior != SENIORITY_NONE, f, 4);

	html_printf(o, "<section class=\"card checks channel-checks\" id=\"checks\" aria-live=\"polite\"><h2>%s</h2>",
		    _("Channel plan check"));
	if (nf == 0) {
		html_printf(o, "<p class=\"check-ok\">%s</p>",
			    senior != SENIORITY_NONE ? _("The plan combines several channels and reaches passive candidates.")
						     : _("The plan combines several channels."));
	} else {
		html_raw(o, "<ul class=\"findings\">");
		for (size_t i = 0; i < nf; i++)
			html_printf(o, "<li class=\"finding finding-warning\" data-rule=\"%s\"><span class=\"badge badge-warn\">%s</span> %s</li>",
				    f[i].rule, _("Warning"), _(f[i].message));
		html_raw(o, "</ul>");
	}
	if (senior == SENIORITY_BY_REQUIREMENT)
		html_printf(o, "<p class=\"hint\">%s</p>",
			    arena_printf(&r->arena, _("This position counts as a senior role: its profile asks for %d years of experience."),
					 years));
	else if (senior == SENIORITY_BY_TEMPLATE)
		html_printf(o, "<p class=\"hint\">%s</p>",
			    arena_printf(&r->arena, _("This position counts as a senior role: its role template usually asks for %d or more years of experience."),
					 years));
	else
		html_printf(o, "<p class=\"hint\">%s</p>",
			    arena_printf(&r->arena, _("This position does not count as a senior role: neither its profile nor its role template asks for %d or more years of experience."),
					 SENIOR_ROLE_MIN_YEARS));
	html_raw(o, "</section>");
}

/* The error of field `what` of channel `code` (NULL when none). */
static const char *row_error(const struct form_errors *fe, const char *code, const char *what, char *key, size_t n)
{
	snprintf(key, n, "%s-%s", code, what);
	return form_error_for(fe, key);
}

/* Opens a field; the input follows. Returns the error to show (or NULL). */
static const char *field_open(struct request *r, const struct form_errors *fe, const char *code, const char *what,
			      const char *label)
{
	char key[64];
	const char *err = row_error(fe, code, what, key, sizeof key);
	html_printf(&r->out, "<div class=\"field%s\"><label for=\"ch-%s-%s\">%s</label>", err ? " has-error" : "", code, what,
		    label);
	return err;
}

static void field_close(struct request *r, const char *code, const char *what, const char *err, const char *hint)
{
	if (err)
		html_printf(&r->out, "<p class=\"field-error\" id=\"ch-%s-%s-err\">%s</p>", code, what, err);
	else if (hint)
		html_printf(&r->out, "<p class=\"hint\" id=\"ch-%s-%s-hint\">%s</p>", code, what, hint);
	html_raw(&r->out, "</div>");
}

/* aria attributes of an input with an error or a hint. */
static void described_by(struct request *r, const char *code, const char *what, const char *err, bool hint)
{
	if (err)
		html_printf(&r->out, " aria-invalid=\"true\" aria-describedby=\"ch-%s-%s-err\"", code, what);
	else if (hint)
		html_printf(&r->out, " aria-describedby=\"ch-%s-%s-hint\"", code, what);
}

static void channel_card(struct request *r, const struct channel_info *ci, const struct plan_row *row,
			 const struct user *users, size_t nusers, const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const char *code = ci->code;
	const char *err;

	html_printf(o, "<fieldset class=\"card channel-card%s\" id=\"channel-%s\" data-channel=\"%s\"><legend>%s</legend>",
		    row->used ? " is-used" : "", code, code, _(ci->label));
	if (ci->reaches_passive)
		html_printf(o, "<p><span class=\"badge badge-ok channel-passive\">%s</span></p>",
			    _("Reaches passive candidates"));
	html_printf(o, "<p class=\"channel-guidance\">%s</p>", _(ci->guidance));
	html_printf(o, "<dl class=\"channel-notes\"><div><dt>%s</dt><dd>%s</dd></div><div><dt>%s</dt><dd>%s</dd></div>"
		       "<div><dt>%s</dt><dd>%s</dd></div></dl>",
		    _("Speed"), _(ci->speed_note), _("Cost"), _(ci->cost_note), _("Quality"), _(ci->quality_note));

	html_printf(o, "<label class=\"check\"><input type=\"checkbox\" id=\"ch-%s-use\" name=\"use_%s\" value=\"1\"%s> %s</label>",
		    code, code, row->used ? " checked" : "", _("Use this channel"));

	html_raw(o, "<div class=\"channel-fields\">");
	err = field_open(r, fe, code, "owner", _("Owner"));
	html_printf(o, "<select id=\"ch-%s-owner\" name=\"owner_%s\"", code, code);
	described_by(r, code, "owner", err, false);
	html_printf(o, "><option value=\"\">%s</option>", _("Nobody yet"));
	for (size_t i = 0; i < nusers; i++) {
		/* a current owner who may no longer own channels stays visible */
		if (!may_own_channels(&users[i]) && users[i].id != row->owner_id)
			continue;
		html_printf(o, "<option value=\"%lld\"%s>%s</option>", (long long)users[i].id,
			    users[i].id == row->owner_id ? " selected" : "", user_label(&users[i]));
	}
	html_raw(o, "</select>");
	field_close(r, code, "owner", err, NULL);

	err = field_open(r, fe, code, "budget", _("Budget (EUR)"));
	html_printf(o, "<input id=\"ch-%s-budget\" name=\"budget_%s\" type=\"text\" inputmode=\"decimal\" value=\"%s\"", code,
		    code, row->budget ? row->budget : "");
	described_by(r, code, "budget", err, true);
	html_raw(o, ">");
	field_close(r, code, "budget", err, _("Whole euros or with cents, such as 1500 or 1500.50."));

	err = field_open(r, fe, code, "start_date", _("Start date"));
	html_printf(o, "<input id=\"ch-%s-start_date\" name=\"start_%s\" type=\"date\" value=\"%s\"", code, code,
		    row->start_date ? row->start_date : "");
	described_by(r, code, "start_date", err, false);
	html_raw(o, ">");
	field_close(r, code, "start_date", err, NULL);
	html_raw(o, "</div></fieldset>");
}

/* The whole page. rows: the form's state per catalogue channel; saved: the
 * stored plan the warnings are about; fe: errors at the fields, summary: the
 * same naming channel and field (both may be NULL). */
static void render_plan(struct request *r, const struct position *p, const struct plan_row rows[CHANNEL__COUNT],
			const struct channel_plan_item *saved, size_t nsaved, const struct form_errors *fe,
			const struct form_errors *summary)
{
	struct buf *o = &r->out;
	struct user *users = NULL;
	size_t nusers = 0;

	if (store_user_list(r->store, &users, &nusers) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	position_page_begin(r, p, "channels", _("Channels"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Qualified key account managers are rarely looking for a job: they are content in their current position "
		      "and move only for an exceptional opportunity. Job portals and the career page reach only active job "
		      "seekers, so a senior role needs channels that reach passive candidates too: direct search, professional "
		      "networks, referrals or a search consultant. Every channel has its strengths and weaknesses; a combination "
		      "of several channels raises the chance of success."));
	plan_checks(r, p, saved, nsaved);
	html_printf(o, "<p class=\"actions channel-links\"><a class=\"btn\" href=\"%s\">%s</a> <a class=\"btn\" href=\"/channels/report\">%s</a></p>",
		    position_path(r, p->id, "channel-report"), _("Channel report of this position"),
		    _("Channel report of all positions"));

	html_printf(o, "<form class=\"form channel-plan\" id=\"ch-plan\" method=\"post\" action=\"%s\" novalidate>",
		    position_path(r, p->id, "channels"));
	csrf_field(r);
	form_error_summary_for(r, summary, "ch");
	html_printf(o, "<h2>%s</h2><div class=\"channel-cards\">", _("Channel plan"));
	for (int c = 0; c < CHANNEL__COUNT; c++)
		channel_card(r, channel_info((enum channel)c), &rows[c], users, nusers, fe);
	html_printf(o, "</div><div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form>",
		    _("Save channel plan"));
	free(users);
	page_end(r);
}

/* The form rows of a stored plan. */
static void rows_from_plan(struct request *r, const struct channel_plan_item *items, size_t n,
			   struct plan_row rows[CHANNEL__COUNT])
{
	memset(rows, 0, CHANNEL__COUNT * sizeof rows[0]);
	for (size_t i = 0; i < n; i++) {
		enum channel c;
		if (!channel_parse(items[i].channel, &c))
			continue;
		rows[c].used = true;
		rows[c].owner_id = items[i].owner_id;
		rows[c].budget = budget_text(r, items[i].budget_cents);
		rows[c].start_date = arena_strdup(&r->arena, items[i].start_date);
	}
}

/* Loads the stored plan; answers 500 and returns false on failure. */
static bool load_plan(struct request *r, const struct position *p, struct channel_plan_item **items, size_t *n)
{
	enum store_rc rc = store_channel_plan_get(r->store, p->id, items, n);
	if (rc == STORE_OK)
		return true;
	page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
	return false;
}

void page_position_channels(struct request *r)
{
	struct position p;
	struct channel_plan_item *items = NULL;
	size_t n = 0;
	struct plan_row rows[CHANNEL__COUNT];

	if (!position_load_from_path(r, &p) || !load_plan(r, &p, &items, &n))
		return;
	rows_from_plan(r, items, n, rows);
	render_plan(r, &p, rows, items, n, NULL, NULL);
	free(items);
}

/* ---- saving ------------------------------------------------------------------------------------------ */

/* Records an error of field `what` of channel ci twice: the bare message
 * at the field (fe), and in the summary (summary) with the channel's and the
 * field's names, so the list above the form says which field is meant. */
static void row_fail(struct request *r, struct form_errors *fe, struct form_errors *summary, const struct channel_info *ci,
		     const char *what, const char *field_label, const char *message)
{
	const char *key = arena_printf(&r->arena, "%s-%s", ci->code, what);
	form_error(fe, key, message);
	form_error(summary, key, arena_printf(&r->arena, "%s, %s: %s", _(ci->label), field_label, message));
}

/* Reads channel ci's part of the form into row and, when used, item. An
 * owner must be a user who may own channels, or the channel's saved owner
 * (saved_owner), who stays allowed after losing that right. */
static void read_row(struct request *r, const struct channel_info *ci, const struct user *users, size_t nusers,
		     int64_t saved_owner, struct plan_row *row, struct channel_plan_item *item, struct form_errors *fe,
		     struct form_errors *summary)
{
	const char *code = ci->code;
	const char *owner = req_form(r, arena_printf(&r->arena, "owner_%s", code));
	const char *budget = req_form(r, arena_printf(&r->arena, "budget_%s", code));
	const char *start = req_form(r, arena_printf(&r->arena, "start_%s", code));
	const char *use = req_form(r, arena_printf(&r->arena, "use_%s", code));

	row->used = use && strcmp(use, "1") == 0;
	row->budget = budget ? budget : "";
	row->start_date = start ? start : "";
	row->owner_id = 0;
	if (owner && owner[0]) {
		long long id;
		bool known = false;
		if (str_to_int64(owner, 1, INT64_MAX, &id))
			for (size_t i = 0; i < nusers; i++)
				if (users[i].id == id && (may_own_channels(&users[i]) || id == saved_owner))
					known = true;
		if (known) {
			row->owner_id = id;
		} else if (row->used) {
			row_fail(r, fe, summary, ci, "owner", _("Owner"), _("Please choose one of the offered values."));
		}
	}
	if (!row->used)
		return;   /* the fields of an unused channel are not stored, so not checked */

	memset(item, 0, sizeof *item);
	str_copy(item->channel, sizeof item->channel, code);
	item->owner_id = row->owner_id;
	bool too_large;
	if (!parse_budget(row->budget, &item->budget_cents, &too_large)) {
		const char *msg = too_large ? _("The budget is too large.")
					    : _("Enter the budget in whole euros or with cents, such as 1500 or 1500.50.");
		row_fail(r, fe, summary, ci, "budget", _("Budget (EUR)"), msg);
	}
	/* the date: core decides what a valid date is */
	struct field_problem probs[4];
	size_t np = 0;
	if (strlen(row->start_date) >= sizeof item->start_date) {
		probs[0].field = "start_date";
		probs[0].message = N_("The start date must be a date such as 2025-03-01.");
		np = 1;
	} else {
		str_copy(item->start_date, sizeof item->start_date, row->start_date);
		np = channel_plan_validate(item, 1, probs, 4);
	}
	for (size_t i = 0; i < np; i++) {
		if (strcmp(probs[i].field, "start_date") != 0)
			continue;
		row_fail(r, fe, summary, ci, "start_date", _("Start date"), _(probs[i].message));
	}
}

void page_position_channels_save(struct request *r)
{
	struct position p;
	struct plan_row rows[CHANNEL__COUNT];
	struct channel_plan_item items[CHANNEL__COUNT];
	struct form_errors fe = { 0 }, summary = { 0 };
	struct user *users = NULL;
	size_t nusers = 0, n = 0;
	struct channel_plan_item *saved = NULL;
	size_t nsaved = 0;

	if (!position_load_from_path(r, &p) || !load_plan(r, &p, &saved, &nsaved))
		return;
	if (store_user_list(r->store, &users, &nusers) != STORE_OK) {
		free(saved);
		page_error(r, 500, NULL);
		return;
	}
	memset(rows, 0, sizeof rows);
	for (int c = 0; c < CHANNEL__COUNT; c++) {
		const struct channel_info *ci = channel_info((enum channel)c);
		int64_t saved_owner = 0;
		for (size_t i = 0; i < nsaved; i++)
			if (strcmp(saved[i].channel, ci->code) == 0)
				saved_owner = saved[i].owner_id;
		read_row(r, ci, users, nusers, saved_owner, &rows[c], &items[n], &fe, &summary);
		if (rows[c].used)
			n++;
	}
	free(users);

	if (fe.n == 0) {
		struct actor a = req_actor(r);
		enum store_rc rc = store_channel_plan_set(r->store, &a, p.id, items, n, r->now);
		if (rc == STORE_OK) {
			free(saved);
			resp_redirect(r, arena_printf(&r->arena, "/positions/%lld/channels?done=saved", (long long)p.id));
			return;
		}
		if (rc != STORE_INVALID) {
			free(saved);
			page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, NULL);
			return;
		}
		/* an owner was removed meanwhile, or the like */
		form_error(&summary, "plan", _("The plan could not be saved. Please check the owners and try again."));
	}

	/* the form again with what was typed; the warnings stay those of the saved plan */
	r->status = 422;
	render_plan(r, &p, rows, saved, nsaved, &fe, &summary);
	free(saved);
}
