/*
 * page_onboarding_accounts.c — the key accounts a new hire takes over and
 * their handover meetings (R-ONB-2), a section of the plan page
 * (/onboarding/{id}): the accounts most important first, adding, editing
 * and deleting one, importing many from CSV (core/csv.h; all or nothing,
 * every problem with its line number), and scheduling the personal
 * introduction meetings with the previous owners in weeks 2–4
 * (core/handover.h, with the previous owners' absences from
 * store/absences.h). Each account's handover status (planned, introduced,
 * handed over) is editable.
 *
 * A previous owner is given as a user's login (then the meeting respects
 * that user's absences) or as a free name. Priority is 1..999 (1 = most
 * important) or A, B, C. All routes need ACTION_MANAGE_CANDIDATES.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/handover.h"
#include "store/absences.h"
#include "util/str.h"
#include "web/api_onboarding.h"
#include "web/layout.h"
#include "web/pages.h"

#define IMPORT_PROBLEMS_MAX 100

static const char *const HANDOVER_STATUSES[] = { "planned", "introduced", "handed_over" };
static const char *const HANDOVER_STATUS_LABELS[] = { N_("planned"), N_("introduced"), N_("handed over") };

static bool status_valid(const char *code)
{
	for (size_t i = 0; i < 3; i++)
		if (str_eq(code, HANDOVER_STATUSES[i]))
			return true;
	return false;
}

static void day_html(struct request *r, int32_t day)
{
	char iso[CALENDAR_ISO_LEN], text[40];
	if (day <= 0) {
		html_printf(&r->out, "<span class=\"muted\">%s</span>", _("not scheduled"));
		return;
	}
	i18n_format_date(text, sizeof text, (time_t)day * 86400 + 43200, r->lang);
	html_printf(&r->out, "<time datetime=\"%s\">%s</time>", calendar_format_iso(day, iso), text);
}

static const char *money(struct request *r, int64_t eur)
{
	char n[48];
	i18n_format_int(n, sizeof n, (long long)eur, r->lang);
	return arena_printf(&r->arena, "%s\u00a0€", n); /* no break before the sign */
}

/* ---- parsing one account (form or CSV row) ------------------------------------------------- */

/* Priority "1".."999" or "A"/"B"/"C" (any case). */
static bool parse_priority(const char *text, int *out)
{
	long long v;
	if (str_empty(text))
		return false;
	if (text[1] == '\0' && ((text[0] >= 'A' && text[0] <= 'C') || (text[0] >= 'a' && text[0] <= 'c'))) {
		*out = (text[0] | 0x20) - 'a' + 1;
		return true;
	}
	if (!str_to_int64(text, 1, KEY_ACCOUNT_PRIORITY_MAX, &v))
		return false;
	*out = (int)v;
	return true;
}

/* Whole euros: digits, with spaces, dots or apostrophes between them as
 * thousands separators; empty is 0. */
static bool parse_revenue(const char *text, int64_t *out)
{
	char digits[32];
	size_t n = 0;
	long long v;
	if (str_empty(text)) {
		*out = 0;
		return true;
	}
	for (const char *s = text; *s; s++) {
		if (*s == ' ' || *s == '.' || *s == '\'')
			continue;
		if (*s < '0' || *s > '9' || n + 1 >= sizeof digits)
			return false;
		digits[n++] = *s;
	}
	digits[n] = '\0';
	if (n == 0 || !str_to_int64(digits, 0, KEY_ACCOUNT_REVENUE_LIMIT - 1, &v))
		return false;
	*out = v;
	return true;
}

/* The previous owner: a user's login gives the user, anything else is kept as a name. */
static void resolve_owner(struct request *r, const char *text, struct key_account *ka)
{
	struct user u;
	ka->previous_owner_user_id = 0;
	ka->previous_owner_name[0] = '\0';
	if (str_empty(text))
		return;
	if (store_user_by_name(r->store, text, &u) == STORE_OK && !u.disabled)
		ka->previous_owner_user_id = u.id;
	else
		str_copy(ka->previous_owner_name, sizeof ka->previous_owner_name, text);
}

struct account_input {
	const char *name, *revenue, *priority, *owner, *notes;
};

/* Checks in and fills ka; each problem goes to report(field, message). */
static int account_check(struct request *r, const struct account_input *in, struct key_account *ka,
			 void (*report)(void *ctx, const char *field, const char *message), void *ctx)
{
	int problems = 0;
	memset(ka, 0, sizeof *ka);
	if (str_empty(in->name)) {
		report(ctx, "name", _("Please enter the customer's name."));
		problems++;
	} else if (strlen(in->name) > KEY_ACCOUNT_NAME_MAX) {
		report(ctx, "name", _("The name must be at most 200 characters long."));
		problems++;
	} else {
		str_copy(ka->name, sizeof ka->name, in->name);
	}
	if (!parse_revenue(in->revenue, &ka->annual_revenue)) {
		report(ctx, "revenue", _("Please enter the annual revenue in whole euros, e.g. 250000."));
		problems++;
	}
	if (!parse_priority(in->priority, &ka->priority)) {
		report(ctx, "priority", _("Please enter the priority as A, B or C, or a number from 1 (most important)."));
		problems++;
	}
	if (in->owner && strlen(in->owner) >= USER_DISPLAY_MAX) {
		report(ctx, "previous_owner", _("The previous owner must be at most 127 characters long."));
		problems++;
	} else {
		resolve_owner(r, in->owner, ka);
	}
	if (in->notes && strlen(in->notes) > KEY_ACCOUNT_NOTES_MAX) {
		report(ctx, "notes", _("The notes must be at most 2000 characters long."));
		problems++;
	} else {
		str_copy(ka->notes, sizeof ka->notes, in->notes ? in->notes : "");
	}
	return problems;
}

static void report_form(void *ctx, const char *field, const char *message)
{
	form_error(ctx, field, message);
}

static const char *form_value(struct request *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? str_trim(arena_strdup(&r->arena, v)) : "";
}

/* ---- the section ------------------------------------------------------------------------------ */

static void field(struct request *r, const struct form_errors *fe, const char *id, const char *name, const char *label,
		  const char *type, const char *value, const char *hint)
{
	struct buf *o = &r->out;
	const char *err = form_error_for(fe, name);
	html_printf(o, "<div class=\"field%s\"><label for=\"%s\">%s</label><input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"",
		    err ? " has-error" : "", id, label, id, name, type, value ? value : "");
	if (err)
		html_printf(o, " aria-invalid=\"true\" aria-describedby=\"%s-err\"><p class=\"field-error\" id=\"%s-err\">%s</p>", id,
			    id, err);
	else if (hint)
		html_printf(o, " aria-describedby=\"%s-hint\"><p class=\"hint\" id=\"%s-hint\">%s</p>", id, id, hint);
	else
		html_raw(o, ">");
	html_raw(o, "</div>");
}

static const char *owner_value(const struct key_account *a, struct request *r)
{
	struct user u;
	if (a->previous_owner_user_id > 0 && store_user_by_id(r->store, a->previous_owner_user_id, &u) == STORE_OK)
		return arena_strdup(&r->arena, u.name);
	return a->previous_owner_name;
}

static void account_row(struct request *r, const struct onb_view *v, const struct key_account *a)
{
	struct buf *o = &r->out;
	const char *status = a->handover_status[0] ? a->handover_status : "planned";
	long long hid = (long long)v->hire.id, aid = (long long)a->id;
	html_printf(o, "<tr data-account=\"%lld\" data-status=\"%s\"><td>%d</td><td><strong>%s</strong>", aid, status, a->priority,
		    a->name);
	if (a->notes[0])
		html_printf(o, "<br><span class=\"muted\">%s</span>", a->notes);
	html_printf(o, "</td><td class=\"num\">%s</td><td>%s</td><td class=\"handover-day\">", money(r, a->annual_revenue),
		    a->previous_owner_display[0] ? a->previous_owner_display : "–");
	day_html(r, a->handover_day);
	html_printf(o, "</td><td><form class=\"inline-form\" method=\"post\" action=\"/onboarding/%lld/accounts/%lld\">", hid,
		    aid);
	csrf_field(r);
	html_printf(o, "<label class=\"visually-hidden\" for=\"ka-%lld-status\">%s</label><select id=\"ka-%lld-status\" "
		       "name=\"handover_status\">",
		    aid, _("Handover status"), aid);
	for (size_t i = 0; i < 3; i++)
		html_printf(o, "<option value=\"%s\"%s>%s</option>", HANDOVER_STATUSES[i],
			    str_eq(status, HANDOVER_STATUSES[i]) ? " selected" : "", _(HANDOVER_STATUS_LABELS[i]));
	html_printf(o, "</select> <button class=\"btn btn-small\">%s</button></form></td><td>", _("Save"));
	/* edit and delete */
	char iso[CALENDAR_ISO_LEN] = "";
	if (a->handover_day > 0)
		calendar_format_iso(a->handover_day, iso);
	html_printf(o, "<details><summary>%s</summary><form class=\"form\" method=\"post\" action=\"/onboarding/%lld/accounts/%lld\">",
		    _("Edit"), hid, aid);
	csrf_field(r);
	char revenue[32];
	snprintf(revenue, sizeof revenue, "%lld", (long long)a->annual_revenue);
	char prio[16];
	snprintf(prio, sizeof prio, "%d", a->priority);
	field(r, NULL, arena_printf(&r->arena, "ka-%lld-name", aid), "name", _("Customer"), "text", a->name, NULL);
	field(r, NULL, arena_printf(&r->arena, "ka-%lld-revenue", aid), "revenue", _("Annual revenue (EUR)"), "text", revenue, NULL);
	field(r, NULL, arena_printf(&r->arena, "ka-%lld-priority", aid), "priority", _("Priority"), "text", prio, NULL);
	field(r, NULL, arena_printf(&r->arena, "ka-%lld-owner", aid), "previous_owner", _("Previous owner"), "text",
	      owner_value(a, r), NULL);
	field(r, NULL, arena_printf(&r->arena, "ka-%lld-notes", aid), "notes", _("Notes"), "text", a->notes, NULL);
	field(r, NULL, arena_printf(&r->arena, "ka-%lld-day", aid), "handover_day", _("Handover day"), "date", iso, NULL);
	html_printf(o, "<input type=\"hidden\" name=\"handover_status\" value=\"%s\">"
		       "<button class=\"btn btn-small btn-primary\">%s</button></form>"
		       "<form method=\"post\" action=\"/onboarding/%lld/accounts/%lld/delete\" data-confirm=\"%s\">",
		    status, _("Save"), hid, aid, _("Delete this key account?"));
	csrf_field(r);
	html_printf(o, "<button class=\"btn btn-small btn-danger\">%s</button></form></details></td></tr>", _("Delete"));
}

void onboarding_accounts_section(struct request *r, const struct onb_view *v, const struct onb_accounts_feedback *fb)
{
	struct buf *o = &r->out;
	long long hid = (long long)v->hire.id;
	size_t planned, introduced, handed;
	onb_handover_counts(v, &planned, &introduced, &handed);
	html_printf(o, "<section class=\"card onboarding-accounts\" id=\"accounts\"><h2>%s</h2><p>%s</p>",
		    _("Key accounts and handovers"),
		    _("The customers the new hire takes over, most important first. The previous owner introduces the new "
		      "hire personally in weeks 2–4."));
	if (fb && fb->message)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", fb->message);
	if (v->naccounts == 0) {
		html_printf(o, "<p class=\"muted\" id=\"no-accounts\">%s</p>", _("No key accounts yet."));
	} else {
		html_printf(o, "<p class=\"onb-handover-counts\">%s</p>",
			    arena_printf(&r->arena, _("%zu planned, %zu introduced, %zu handed over"), planned, introduced, handed));
		html_printf(o, "<div class=\"table-wrap\"><table class=\"data key-accounts\"><caption class=\"visually-hidden\">%s</caption><thead><tr>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>"
			       "</tr></thead><tbody>",
			    _("Key accounts"), _("Priority"), _("Customer"), _("Annual revenue"), _("Previous owner"),
			    _("Handover day"), _("Handover status"), _("Actions"));
		for (size_t i = 0; i < v->naccounts; i++)
			account_row(r, v, &v->accounts[i]);
		html_raw(o, "</tbody></table></div>");
		if (v->hire.start_day > 0) {
			html_printf(o, "<form method=\"post\" action=\"/onboarding/%lld/handovers\">", hid);
			csrf_field(r);
			html_printf(o, "<button class=\"btn btn-primary\">%s</button> <span class=\"hint\">%s</span></form>",
				    _("Schedule handovers"),
				    _("Weeks 2–4, most important accounts first, on working days when the previous owner is "
				      "not away; at most one meeting per previous owner and two in all per day."));
		}
	}

	/* add one */
	const struct form_errors *fe = fb ? fb->fe : NULL;
	html_printf(o, "<details class=\"onb-add-account\"%s><summary>%s</summary>", fe && fe->n ? " open" : "",
		    _("Add a key account"));
	form_error_summary_for(r, fe, "ka");
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/onboarding/%lld/accounts\" novalidate>", hid);
	csrf_field(r);
	field(r, fe, "ka-name", "name", _("Customer"), "text", fb ? fb->name : "", NULL);
	field(r, fe, "ka-revenue", "revenue", _("Annual revenue (EUR)"), "text", fb ? fb->revenue : "", NULL);
	field(r, fe, "ka-priority", "priority", _("Priority"), "text", fb ? fb->priority : "",
	      _("A, B or C, or a number: 1 is the most important."));
	field(r, fe, "ka-previous_owner", "previous_owner", _("Previous owner"), "text", fb ? fb->owner : "",
	      _("The login of a user (their absences are respected), or a name."));
	field(r, fe, "ka-notes", "notes", _("Notes"), "text", fb ? fb->notes : "", NULL);
	html_printf(o, "<div class=\"form-actions\"><button class=\"btn btn-primary\">%s</button></div></form></details>",
		    _("Add key account"));

	/* import */
	html_printf(o, "<details class=\"onb-import\"%s><summary>%s</summary>", fb && fb->nproblems ? " open" : "",
		    _("Import key accounts from CSV"));
	if (fb && fb->nproblems) {
		html_printf(o, "<div class=\"flash flash-error import-problems\" role=\"alert\"><p>%s</p><ul class=\"import-problem-list\">",
			    _("Nothing was imported. Please correct the file and upload it again:"));
		for (size_t i = 0; i < fb->nproblems; i++)
			html_printf(o, "<li>%s</li>", fb->problems[i]);
		html_raw(o, "</ul></div>");
	}
	html_printf(o, "<form class=\"form\" method=\"post\" action=\"/onboarding/%lld/accounts/import\" "
		       "enctype=\"multipart/form-data\" novalidate>",
		    hid);
	csrf_field(r);
	html_printf(o, "<div class=\"field\"><label for=\"ka-file\">%s</label><input id=\"ka-file\" name=\"file\" type=\"file\" "
		       "accept=\".csv,text/csv\" required aria-describedby=\"ka-file-hint\"><p class=\"hint\" id=\"ka-file-hint\">%s "
		       "<code>name;revenue;priority;previous_owner;notes</code></p></div>"
		       "<div class=\"form-actions\"><button class=\"btn\">%s</button></div></form></details></section>",
		    _("CSV file"),
		    _("UTF-8, separated by ',' or ';'. All or nothing: every problem is listed with its line number. Columns:"),
		    _("Import"));
}

/* ---- handlers --------------------------------------------------------------------------------- */

static bool load(struct request *r, struct onb_view *v)
{
	enum store_rc rc = onb_view_load(r, req_path_arg(r, 0), v);
	if (rc == STORE_OK)
		return true;
	onb_view_free(v);
	page_error(r, rc == STORE_NOT_FOUND ? 404 : 500, rc == STORE_NOT_FOUND ? _("There is no such hire.") : NULL);
	return false;
}

static void rerender(struct request *r, int status, int64_t hire_id, const struct onb_accounts_feedback *fb)
{
	struct onb_view v;
	if (onb_view_load(r, hire_id, &v) != STORE_OK) {
		onb_view_free(&v);
		page_error(r, 500, NULL);
		return;
	}
	r->status = status;
	onboarding_plan_render(r, &v, fb);
	onb_view_free(&v);
}

static const char *accounts_path(struct request *r, int64_t hire_id)
{
	return arena_printf(&r->arena, "/onboarding/%lld?done=saved#accounts", (long long)hire_id);
}

void page_key_account_create(struct request *r)
{
	struct onb_view v;
	if (!load(r, &v))
		return;
	int64_t hid = v.hire.id;
	onb_view_free(&v);
	struct account_input in = { form_value(r, "name"), form_value(r, "revenue"), form_value(r, "priority"),
				    form_value(r, "previous_owner"), form_value(r, "notes") };
	struct form_errors fe = { 0 };
	struct key_account ka;
	account_check(r, &in, &ka, report_form, &fe);
	struct onb_accounts_feedback fb = { &fe, in.name, in.revenue, in.priority, in.owner, in.notes, NULL, 0, NULL };
	if (fe.n) {
		rerender(r, 422, hid, &fb);
		return;
	}
	str_copy(ka.handover_status, sizeof ka.handover_status, "planned");
	struct actor who = req_actor(r);
	enum store_rc rc = store_key_account_add(r->store, &who, hid, &ka, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "name", _("The key account could not be stored: please check the texts."));
		rerender(r, 422, hid, &fb);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, accounts_path(r, hid));
}

/* The account of path argument 1 belonging to the hire of argument 0. */
static bool load_account(struct request *r, struct key_account *ka)
{
	if (store_key_account_get(r->store, req_path_arg(r, 1), ka) != STORE_OK || ka->hire_id != req_path_arg(r, 0)) {
		page_error(r, 404, _("There is no such key account."));
		return false;
	}
	return true;
}

void page_key_account_update(struct request *r)
{
	struct key_account ka;
	if (!load_account(r, &ka))
		return;
	const char *status = form_value(r, "handover_status");
	if (!status_valid(status)) {
		page_error(r, 422, _("Handover status: please choose planned, introduced or handed over."));
		return;
	}
	struct actor who = req_actor(r);
	enum store_rc rc;
	if (!req_form(r, "name")) {
		/* the status form of the row */
		rc = store_key_account_set_handover(r->store, &who, ka.id, ka.handover_day, status, r->now);
	} else {
		struct account_input in = { form_value(r, "name"), form_value(r, "revenue"), form_value(r, "priority"),
					    form_value(r, "previous_owner"), form_value(r, "notes") };
		struct form_errors fe = { 0 };
		struct key_account upd;
		account_check(r, &in, &upd, report_form, &fe);
		const char *day_text = form_value(r, "handover_day");
		int32_t day = 0;
		if (*day_text && !calendar_parse_iso(day_text, &day))
			form_error(&fe, "handover_day", _("Handover day: please enter a date (YYYY-MM-DD)."));
		if (fe.n) {
			page_error(r, 422, fe.message[0]);
			return;
		}
		upd.id = ka.id;
		upd.hire_id = ka.hire_id;
		upd.handover_day = day;
		str_copy(upd.handover_status, sizeof upd.handover_status, status);
		rc = store_key_account_update(r->store, &who, &upd, r->now);
	}
	if (rc == STORE_INVALID) {
		page_error(r, 422, _("The key account could not be stored: please check the texts."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, accounts_path(r, ka.hire_id));
}

void page_key_account_delete(struct request *r)
{
	struct key_account ka;
	if (!load_account(r, &ka))
		return;
	struct actor who = req_actor(r);
	if (store_key_account_delete(r->store, &who, ka.id, r->now) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/onboarding/%lld?done=deleted#accounts", (long long)ka.hire_id));
}

/* ---- CSV import ------------------------------------------------------------------------------- */

static const char *translate(const char *msgid)
{
	return _(msgid);
}

struct import_report {
	struct request *r;
	const char **problems;
	size_t n;
	int line;
};

static void report_import(void *ctx, const char *fieldname, const char *message)
{
	struct import_report *ir = ctx;
	if (ir->n < IMPORT_PROBLEMS_MAX)
		ir->problems[ir->n++] = arena_printf(&ir->r->arena, _("Line %d, %s: %s"), ir->line, fieldname, message);
}

/* The column of a header (lower case, trimmed) or -1. */
static int column_of(const struct csv_table *t, const char *const *names)
{
	for (size_t c = 0; c < t->cols; c++) {
		char h[64];
		str_copy(h, sizeof h, csv_cell(t, 0, c));
		for (char *p = h; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p |= 0x20;
		const char *trimmed = str_trim(h);
		for (size_t k = 0; names[k]; k++)
			if (str_eq(trimmed, names[k]))
				return (int)c;
	}
	return -1;
}

static const char *cell_or_empty(struct request *r, const struct csv_table *t, size_t row, int col)
{
	return col < 0 ? "" : str_trim(arena_strdup(&r->arena, csv_cell(t, row, (size_t)col)));
}

void page_key_accounts_import(struct request *r)
{
	struct onb_view v;
	if (!load(r, &v))
		return;
	int64_t hid = v.hire.id;
	onb_view_free(&v);
	struct import_report ir = { r, arena_alloc(&r->arena, IMPORT_PROBLEMS_MAX * sizeof(char *)), 0, 0 };
	struct onb_accounts_feedback fb = { NULL, "", "", "", "", "", NULL, 0, NULL };
	const struct upload *up = req_upload(r, "file");
	if (!up || up->data.len == 0) {
		ir.problems[ir.n++] = _("Please choose a CSV file.");
	} else if (up->too_large) {
		ir.problems[ir.n++] = _("The file is too large.");
	}
	if (ir.n) {
		fb.problems = ir.problems;
		fb.nproblems = ir.n;
		rerender(r, 422, hid, &fb);
		return;
	}
	struct csv_options opt = { 0, translate };
	struct csv_table t;
	struct csv_error errs[IMPORT_PROBLEMS_MAX];
	size_t nerr = 0;
	bool clean = csv_parse(up->data.data, up->data.len, &opt, &t, errs, IMPORT_PROBLEMS_MAX, &nerr);
	for (size_t i = 0; !clean && i < nerr; i++)
		ir.problems[ir.n++] = arena_printf(&r->arena, _("Line %d, column %d: %s"), errs[i].line, errs[i].column,
						   errs[i].message);
	static const char *const NAME[] = { "name", "customer", "kunde", NULL };
	static const char *const REVENUE[] = { "revenue", "annual_revenue", "umsatz", NULL };
	static const char *const PRIORITY[] = { "priority", "priorität", "prioritaet", NULL };
	static const char *const OWNER[] = { "previous_owner", "owner", "vorbesitzer", "betreuer", NULL };
	static const char *const NOTES[] = { "notes", "notizen", NULL };
	int c_name = column_of(&t, NAME), c_rev = column_of(&t, REVENUE), c_prio = column_of(&t, PRIORITY),
	    c_owner = column_of(&t, OWNER), c_notes = column_of(&t, NOTES);
	if (c_name < 0 && ir.n < IMPORT_PROBLEMS_MAX)
		ir.problems[ir.n++] = _("Line 1: the header names no column 'name'.");
	if (c_prio < 0 && ir.n < IMPORT_PROBLEMS_MAX)
		ir.problems[ir.n++] = _("Line 1: the header names no column 'priority'.");
	size_t nrows = t.rows > 0 ? t.rows - 1 : 0;
	if (nrows == 0 && ir.n == 0)
		ir.problems[ir.n++] = _("The file has no rows below the header.");
	if (nrows > KEY_ACCOUNT_IMPORT_MAX && ir.n < IMPORT_PROBLEMS_MAX)
		ir.problems[ir.n++] = _("At most 1000 key accounts can be imported at once.");
	struct key_account *rows = calloc(nrows + 1, sizeof *rows);
	if (!rows)
		abort();
	if (ir.n == 0) {
		for (size_t i = 0; i < nrows; i++) {
			struct account_input in = { cell_or_empty(r, &t, i + 1, c_name), cell_or_empty(r, &t, i + 1, c_rev),
						    cell_or_empty(r, &t, i + 1, c_prio), cell_or_empty(r, &t, i + 1, c_owner),
						    cell_or_empty(r, &t, i + 1, c_notes) };
			ir.line = t.row_line[i + 1];
			account_check(r, &in, &rows[i], report_import, &ir);
			str_copy(rows[i].handover_status, sizeof rows[i].handover_status, "planned");
		}
	}
	if (ir.n == 0) {
		struct actor who = req_actor(r);
		size_t bad = 0;
		enum store_rc rc = store_key_accounts_import(r->store, &who, hid, rows, nrows, r->now, &bad);
		if (rc == STORE_INVALID)
			ir.problems[ir.n++] = arena_printf(&r->arena, _("Line %d: the row could not be stored; please check its texts."),
							   bad < nrows ? t.row_line[bad + 1] : 0);
		else if (rc != STORE_OK) {
			free(rows);
			csv_table_free(&t);
			page_error(r, 500, NULL);
			return;
		}
	}
	free(rows);
	csv_table_free(&t);
	if (ir.n) {
		fb.problems = ir.problems;
		fb.nproblems = ir.n;
		rerender(r, 422, hid, &fb);
		return;
	}
	resp_redirect(r, accounts_path(r, hid));
}

/* ---- the handover schedule -------------------------------------------------------------------- */

struct absence_ctx {
	const struct absence *list;
	size_t n;
};

static bool owner_absent(void *ctx, int64_t owner_user_id, int32_t day)
{
	const struct absence_ctx *a = ctx;
	return absence_list_covers(a->list, a->n, owner_user_id, day);
}

void page_handovers_schedule(struct request *r)
{
	struct onb_view v;
	if (!load(r, &v))
		return;
	if (v.hire.start_day <= 0 || v.naccounts == 0) {
		onb_view_free(&v);
		page_error(r, 422, _("Handovers need a start date and at least one key account."));
		return;
	}
	size_t n = v.naccounts;
	struct handover_account *acc = calloc(n, sizeof *acc);
	struct handover_slot *slots = calloc(n, sizeof *slots);
	int64_t *owners = calloc(n, sizeof *owners);
	int64_t *ids = calloc(n, sizeof *ids);
	int32_t *days = calloc(n, sizeof *days);
	if (!acc || !slots || !owners || !ids || !days)
		abort();
	size_t nowners = 0;
	for (size_t i = 0; i < n; i++) {
		const struct key_account *a = &v.accounts[i];
		acc[i].id = a->id;
		acc[i].priority = a->priority;
		acc[i].annual_revenue = a->annual_revenue;
		acc[i].owner_user_id = a->previous_owner_user_id;
		acc[i].owner_name = a->previous_owner_name;
		/* meetings already held keep their day; planned ones are scheduled anew */
		bool held = a->handover_day > 0 && a->handover_status[0] && !str_eq(a->handover_status, "planned");
		acc[i].fixed_day = held ? a->handover_day : HANDOVER_NO_DAY;
		if (a->previous_owner_user_id > 0)
			owners[nowners++] = a->previous_owner_user_id;
	}
	int32_t first = handover_window_first(v.hire.start_day, v.state);
	int32_t last = handover_window_last(v.hire.start_day, v.state);
	struct absence *abs = NULL;
	size_t nabs = 0;
	enum store_rc rc = store_absences_for_users(r->store, owners, nowners, first, last, &abs, &nabs);
	size_t placed = 0;
	if (rc == STORE_OK) {
		struct absence_ctx ctx = { abs, nabs };
		placed = handover_schedule(acc, n, v.hire.start_day, v.state[0] ? v.state : NULL, owner_absent, &ctx, slots);
		for (size_t i = 0; i < n; i++) {
			ids[i] = slots[i].account_id;
			days[i] = slots[i].day == HANDOVER_NO_DAY ? 0 : slots[i].day;
		}
		struct actor who = req_actor(r);
		rc = store_key_accounts_schedule(r->store, &who, v.hire.id, ids, days, n, r->now);
	}
	free(abs);
	free(acc);
	free(slots);
	free(owners);
	free(ids);
	free(days);
	int64_t hid = v.hire.id;
	onb_view_free(&v);
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	if (placed < n) {
		struct onb_accounts_feedback fb = { NULL, "", "", "", "", "", NULL, 0,
						    arena_printf(&r->arena,
								 i18n_ngettext("%zu account found no free day in weeks 2–4; please schedule it by hand.",
									       "%zu accounts found no free day in weeks 2–4; please schedule them by hand.",
									       (unsigned long)(n - placed)),
								 n - placed) };
		rerender(r, 200, hid, &fb);
		return;
	}
	resp_redirect(r, accounts_path(r, hid));
}
