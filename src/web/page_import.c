/*
 * page_import.c — the candidate CSV import in the UI (R-CAND-4): upload
 * form, preview with the header mapping as one select per column, the
 * first rows and every problem with its line number, re-mapping, the run
 * in the background and its progress page with a JSON status for
 * assets/import.js.
 *
 * The file is judged by the same code as `stellwerk import candidates`
 * (core/candidate_import.c) and written by the same all-or-nothing store
 * function. Between the preview and the run the upload is kept as a staged
 * file of its user (store_import_stage_*), addressed by its random id.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/candidate_import.h"
#include "store/candidate_import.h"
#include "store/positions.h"
#include "util/str.h"
#include "util/xalloc.h"
#include "web/api.h"
#include "web/import_jobs.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/server.h"

#define PREVIEW_ROWS 10
#define PREVIEW_PROBLEMS 200
#define MAPPING_COLUMNS 56      /* columns with a select; the form has at most REQUEST_MAX_PARAMS fields */

static const char *translate(const char *msgid)
{
	return _(msgid);
}

static void import_header(struct request *r, const char *title)
{
	html_printf(&r->out, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates\">%s</a></p>"
			     "<h1>%s</h1></div></div>", _("Candidates"), title);
}

/* The position of the form (0 = none); false with a form error when it is
 * not a number or no such position exists. */
static bool read_position(struct request *r, struct form_errors *fe, int64_t *out)
{
	const char *v = req_form(r, "position");
	long long id;
	struct position p;
	*out = 0;
	if (!v || !*v)
		return true;
	if (!str_to_int64(v, 1, INT64_MAX, &id) || store_position_get(r->store, id, &p) != STORE_OK) {
		form_error(fe, "position", _("Please choose a position from the list."));
		return false;
	}
	*out = id;
	return true;
}

static void position_options(struct request *r, int64_t selected)
{
	struct position_summary *ps = NULL;
	size_t n = 0;
	html_printf(&r->out, "<option value=\"\">%s</option>", _("No position (candidates only)"));
	if (store_position_list(r->store, -1, 0, &ps, &n) != STORE_OK)
		return;
	for (size_t i = 0; i < n; i++)
		html_printf(&r->out, "<option value=\"%lld\"%s>%s</option>", (long long)ps[i].p.id,
			    ps[i].p.id == selected ? " selected" : "", ps[i].p.title);
	free(ps);
}

/* --- the upload form ------------------------------------------------------- */

static void render_form(struct request *r, const struct form_errors *fe, int64_t position_id)
{
	struct buf *o = &r->out;
	page_begin(r, _("Import candidates"), NAV_CANDIDATES);
	import_header(r, _("Import candidates"));
	form_error_summary(r, fe);
	html_printf(o, "<section class=\"card\"><h2>%s</h2>", _("Upload a CSV file"));
	html_raw(o, "<form class=\"form\" method=\"post\" action=\"/candidates/import\" enctype=\"multipart/form-data\" novalidate>");
	csrf_field(r);
	const char *err = form_error_for(fe, "file");
	html_printf(o, "<div class=\"field%s\"><label for=\"f-file\">%s</label>"
		       "<input id=\"f-file\" name=\"file\" type=\"file\" accept=\".csv,text/csv\" required "
		       "aria-describedby=\"f-file-%s\" aria-invalid=\"%s\">",
		    err ? " has-error" : "", _("CSV file"), err ? "err" : "hint", err ? "true" : "false");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-file-err\">%s</p>", err);
	else
		html_printf(o, "<p class=\"hint\" id=\"f-file-hint\">%s</p>",
			    _("UTF-8 (with or without BOM), separated by ',' or ';'. You check the mapping before anything is imported."));
	html_raw(o, "</div>");
	err = form_error_for(fe, "position");
	html_printf(o, "<div class=\"field%s\"><label for=\"f-position\">%s</label><select id=\"f-position\" name=\"position\" "
		       "aria-describedby=\"f-position-%s\">",
		    err ? " has-error" : "", _("Add to the pipeline of"), err ? "err" : "hint");
	position_options(r, position_id);
	html_raw(o, "</select>");
	if (err)
		html_printf(o, "<p class=\"field-error\" id=\"f-position-err\">%s</p>", err);
	else
		html_printf(o, "<p class=\"hint\" id=\"f-position-hint\">%s</p>",
			    _("Optional: every imported candidate gets an application for this position."));
	html_printf(o, "</div><div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form></section>",
		    _("Upload and preview"));

	/* The guide: what the file may contain. */
	html_printf(o, "<section class=\"card import-guide\"><h2>%s</h2><p>%s</p><ul>", _("How the file should look"),
		    _("The first line names the columns. These columns are recognised (German and English names work too):"));
	for (int f = 0; f < CANDIDATE_FIELD__COUNT; f++)
		html_printf(o, "<li><code>%s</code> — %s</li>", candidate_field_code((enum candidate_field)f),
			    _(candidate_import_field_label((enum candidate_field)f)));
	html_printf(o, "</ul><p>%s</p><p>%s</p><p>%s</p><p>%s</p><pre><code>%s</code></pre></section>",
		    _("A name is required: 'name', or 'first_name' and/or 'last_name'. Other columns are ignored."),
		    _("The file must be UTF-8 (with or without BOM), with ',' or ';' between the fields; fields in double "
		      "quotes may contain the separator, line breaks and doubled quotes."),
		    _("All or nothing: every problem is listed with its line number, and nothing is imported until the "
		      "file is clean. Possible duplicates of stored candidates or of earlier rows are skipped."),
		    _("A header line to start from:"),
		    "first_name;last_name;email;phone;current_company;location;channel;notes");
	page_end(r);
}

void page_import_form(struct request *r)
{
	render_form(r, NULL, 0);
}

/* --- the preview ------------------------------------------------------------- */

/* Reads the mapping the preview form chose: col<i> = field code or
 * "ignore"; a column without a value keeps its header's field. mapping
 * receives imp->ncols entries. */
static void read_mapping(struct request *r, const struct candidate_import *imp, int *mapping)
{
	for (size_t i = 0; i < imp->ncols; i++) {
		char name[24];
		snprintf(name, sizeof name, "col%zu", i);
		const char *v = i < MAPPING_COLUMNS ? req_form(r, name) : NULL;
		mapping[i] = v ? candidate_import_field_by_code(v) : imp->column_header_field[i];
	}
}

static void render_mapping_select(struct request *r, const struct candidate_import *imp, size_t i)
{
	struct buf *o = &r->out;
	int field = imp->column_field[i];   /* -1: ignored (also a repeated field, which is flagged) */
	html_printf(o, "<select id=\"map-%zu\" name=\"col%zu\">", i, i);
	html_printf(o, "<option value=\"ignore\"%s>%s</option>", field < 0 ? " selected" : "",
		    _("Ignore this column"));
	for (int f = 0; f < CANDIDATE_FIELD__COUNT; f++)
		html_printf(o, "<option value=\"%s\"%s>%s (%s)</option>", candidate_field_code((enum candidate_field)f),
			    f == field ? " selected" : "",
			    _(candidate_import_field_label((enum candidate_field)f)), candidate_field_code((enum candidate_field)f));
	html_raw(o, "</select>");
	if (imp->column_state[i] == IMPORT_COLUMN_REPEATED)
		html_printf(o, "<p class=\"field-error\">%s</p>", _("Another column already has this field; this one is ignored."));
	else if (imp->column_state[i] == IMPORT_COLUMN_UNKNOWN)
		html_printf(o, "<p class=\"hint\">%s</p>", _("Not a known column: ignored."));
}

/* The problems of an unclean file: at most PREVIEW_PROBLEMS, then a count. */
static void render_problems(struct request *r, const struct candidate_import *imp)
{
	struct buf *o = &r->out;
	char n1[32];
	size_t shown = imp->nproblems < PREVIEW_PROBLEMS ? imp->nproblems : PREVIEW_PROBLEMS;

	i18n_format_int(n1, sizeof n1, (long long)imp->problems_total, r->lang);
	html_raw(o, "<section class=\"card import-problems\" aria-labelledby=\"problems-title\"><h2 id=\"problems-title\">");
	html_printf(o, i18n_ngettext("%s problem in the file", "%s problems in the file", (unsigned long)imp->problems_total),
		    n1);
	html_printf(o, "</h2><p>%s</p><ul class=\"import-problem-list\">",
		    _("Nothing is imported until the file is clean. Please correct the file and upload it again, or "
		      "change the mapping below."));
	for (size_t i = 0; i < shown; i++) {
		const struct import_problem *p = &imp->problems[i];
		char line[32];
		i18n_format_int(line, sizeof line, p->line, r->lang);
		html_raw(o, "<li>");
		html_printf(o, _("Line %s"), line);
		if (p->field[0])
			html_printf(o, " · <code>%s</code>", p->field);
		html_printf(o, ": %s</li>", p->text);
	}
	html_raw(o, "</ul>");
	if (imp->problems_total > shown) {
		i18n_format_int(n1, sizeof n1, (long long)(imp->problems_total - shown), r->lang);
		html_raw(o, "<p>");
		html_printf(o, _("… and %s more."), n1);
		html_raw(o, "</p>");
	}
	html_raw(o, "</section>");
}

/* The mapping (one select per column) above the first PREVIEW_ROWS rows,
 * and the buttons: update the preview, or import. */
static void render_mapping_form(struct request *r, const char *id, const struct candidate_import *imp,
				int64_t position_id)
{
	struct buf *o = &r->out;
	size_t nrows = candidate_import_preview_rows(imp);
	size_t ncols = imp->ncols;
	bool clean = imp->problems_total == 0;

	html_printf(o, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p>", _("Columns and first rows"),
		    _("Choose for every column which field it fills. Columns set to 'Ignore this column' are not imported."));
	html_printf(o, "<form class=\"import-mapping\" method=\"post\" action=\"/candidates/import/%s/run\">", id);
	csrf_field(r);
	if (position_id > 0)
		html_printf(o, "<input type=\"hidden\" name=\"position\" value=\"%lld\">", (long long)position_id);
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data import-preview\"><caption>%s</caption><thead><tr>",
		    _("Mapping and preview"));
	html_printf(o, "<th scope=\"col\">%s</th>", _("Line"));
	for (size_t i = 0; i < ncols; i++) {
		const char *header = candidate_import_header(imp, i);
		if (!header[0])
			header = _("(column without a name)");
		if (i < MAPPING_COLUMNS) {
			html_printf(o, "<th scope=\"col\"><label for=\"map-%zu\">%s</label>", i, header);
			render_mapping_select(r, imp, i);
		} else {
			/* beyond the form's field limit a column keeps its header's mapping */
			html_printf(o, "<th scope=\"col\">%s", header);
		}
		html_raw(o, "</th>");
	}
	html_raw(o, "</tr></thead><tbody>");
	for (size_t row = 0; row < nrows && row < PREVIEW_ROWS; row++) {
		char line[32];
		i18n_format_int(line, sizeof line, imp->table.row_line[row + 1], r->lang);
		html_printf(o, "<tr><td>%s</td>", line);
		for (size_t i = 0; i < ncols; i++)
			html_printf(o, "<td class=\"%s\">%s</td>", imp->column_field[i] < 0 ? "import-ignored" : "import-mapped",
				    candidate_import_cell(imp, row, i));
		html_raw(o, "</tr>");
	}
	html_raw(o, "</tbody></table></div>");
	if (nrows > PREVIEW_ROWS) {
		char n1[32];
		i18n_format_int(n1, sizeof n1, (long long)(nrows - PREVIEW_ROWS), r->lang);
		html_raw(o, "<p class=\"muted\">");
		html_printf(o, _("… and %s more rows."), n1);
		html_raw(o, "</p>");
	}
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn\" formaction=\"/candidates/import/%s/preview\">%s</button>",
		    id, _("Update preview"));
	char n1[32];
	i18n_format_int(n1, sizeof n1, (long long)nrows, r->lang);
	if (clean) {
		html_raw(o, "<button type=\"submit\" class=\"btn btn-primary\">");
		html_printf(o, i18n_ngettext("Import %s row", "Import %s rows", (unsigned long)nrows), n1);
		html_raw(o, "</button></div>");
	} else {
		html_raw(o, "<button type=\"submit\" class=\"btn btn-primary\" disabled aria-describedby=\"import-blocked\">");
		html_printf(o, i18n_ngettext("Import %s row", "Import %s rows", (unsigned long)nrows), n1);
		html_printf(o, "</button></div><p class=\"field-error\" id=\"import-blocked\">%s</p>",
			    _("The file has problems: nothing is imported until the file is clean."));
	}
	html_raw(o, "</form></section>");
}

static void render_preview(struct request *r, const char *id, const struct candidate_import *imp, int64_t position_id,
			   const char *notice)
{
	struct buf *o = &r->out;
	char n1[32];

	page_begin(r, _("Import candidates"), NAV_CANDIDATES);
	import_header(r, _("Check the import"));
	if (notice)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", notice);
	i18n_format_int(n1, sizeof n1, (long long)candidate_import_preview_rows(imp), r->lang);
	html_printf(o, "<section class=\"card import-summary\"><dl class=\"facts\"><dt>%s</dt><dd><code>%s</code> %s</dd>"
		       "<dt>%s</dt><dd>%s</dd>",
		    _("Delimiter"), imp->delimiter == ';' ? ";" : ",",
		    imp->delimiter == ';' ? _("(semicolon)") : _("(comma)"), _("Rows"), n1);
	if (position_id > 0) {
		struct position p;
		if (store_position_get(r->store, position_id, &p) == STORE_OK)
			html_printf(o, "<dt>%s</dt><dd>%s</dd>", _("Position"), p.title);
	}
	html_raw(o, "</dl></section>");
	if (imp->problems_total > 0)
		render_problems(r, imp);
	if (imp->ncols > 0)
		render_mapping_form(r, id, imp, position_id);
	html_printf(o, "<p><a href=\"/candidates/import\">%s</a></p>", _("Upload another file"));
	page_end(r);
}

/* Loads the staged file of the path's key (the request user's), parses it
 * with the form's mapping (mapped = false: from the header). false after
 * answering 404 or 500. *imp must be freed by the caller either way. */
static bool load_staged(struct request *r, bool mapped, struct candidate_import *imp)
{
	char *data = NULL;
	size_t len = 0;
	enum store_rc rc = store_import_stage_read(r->store, r->path_key, r->user.id, &data, &len);
	memset(imp, 0, sizeof *imp);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_NOT_FOUND ? 404 : 500,
			   rc == STORE_NOT_FOUND ? _("This upload does not exist any more; please upload the file again.") : NULL);
		return false;
	}
	struct candidate_import_options opt = { translate, NULL, 0 };
	candidate_import_parse(data, len, &opt, imp);
	if (mapped && imp->ncols > 0) {
		/* The header's mapping is known now; the form overrides it. */
		size_t ncols = imp->ncols;
		int *mapping = arena_alloc(&r->arena, ncols * sizeof *mapping);
		read_mapping(r, imp, mapping);
		candidate_import_free(imp);
		opt.mapping = mapping;
		opt.nmapping = ncols;
		candidate_import_parse(data, len, &opt, imp);
	}
	free(data);
	return true;
}

/* --- routes ---------------------------------------------------------------- */

void page_import_upload(struct request *r)
{
	struct form_errors fe = { 0 };
	int64_t position_id = 0;
	const struct upload *u = req_upload(r, "file");
	size_t limit = r->cfg->max_upload_bytes < (size_t)CANDIDATE_IMPORT_MAX_BYTES ? r->cfg->max_upload_bytes
										  : (size_t)CANDIDATE_IMPORT_MAX_BYTES;
	read_position(r, &fe, &position_id);
	if (!u) {
		form_error(&fe, "file", _("Please choose a CSV file."));
	} else if (u->too_large || u->data.len > limit) {
		char mb[32];
		i18n_format_int(mb, sizeof mb, (long long)(limit / (1024 * 1024)), r->lang);
		form_error(&fe, "file", arena_printf(&r->arena, _("The file is larger than %s MB; please split it into smaller files."), mb));
	} else if (u->data.len == 0) {
		form_error(&fe, "file", _("The file is empty."));
	} else if (candidate_import_looks_binary(u->data.data, u->data.len)) {
		form_error(&fe, "file", _("This does not look like a CSV text file; please save it as CSV with the encoding UTF-8."));
	}
	if (fe.n) {
		r->status = 422;
		render_form(r, &fe, position_id);
		return;
	}
	char id[IMPORT_STAGE_ID_LEN + 1];
	if (store_import_stage_write(r->store, r->user.id, u->data.data, u->data.len, r->now, id) != STORE_OK) {
		page_error(r, 500, _("The file could not be saved. Nothing was imported. Please try again."));
		return;
	}
	struct candidate_import imp;
	struct candidate_import_options opt = { translate, NULL, 0 };
	candidate_import_parse(u->data.data, u->data.len, &opt, &imp);
	render_preview(r, id, &imp, position_id, NULL);
	candidate_import_free(&imp);
}

void page_import_preview(struct request *r)
{
	struct form_errors fe = { 0 };
	int64_t position_id = 0;
	struct candidate_import imp;
	if (!read_position(r, &fe, &position_id)) {
		page_error(r, 422, fe.message[0]);
		return;
	}
	if (load_staged(r, true, &imp))
		render_preview(r, r->path_key, &imp, position_id, NULL);
	candidate_import_free(&imp);
}

void page_import_run(struct request *r)
{
	struct form_errors fe = { 0 };
	int64_t position_id = 0;
	struct candidate_import *imp = xcalloc(1, sizeof *imp);
	if (!read_position(r, &fe, &position_id)) {
		page_error(r, 422, fe.message[0]);
		free(imp);
		return;
	}
	if (!load_staged(r, true, imp)) {
		candidate_import_free(imp);
		free(imp);
		return;
	}
	if (imp->problems_total > 0 || imp->nrows == 0) {
		r->status = 422;
		render_preview(r, r->path_key, imp, position_id,
			       imp->nrows == 0 ? _("The file has no rows to import.")
					       : _("The file has problems: nothing is imported until the file is clean."));
		candidate_import_free(imp);
		free(imp);
		return;
	}
	struct import_job_status st;
	if (import_job_get(r->path_key, r->user.id, &st) && st.state != IMPORT_JOB_FAILED) {
		/* Already started (a second click): show its progress. */
		candidate_import_free(imp);
		free(imp);
		resp_redirect(r, arena_printf(&r->arena, "/candidates/import/%s", r->path_key));
		return;
	}
	const char *user_name = r->user.name;
	switch (import_job_start(r->cfg->data_dir, r->path_key, r->user.id, user_name, position_id, imp)) {
	case IMPORT_JOB_STARTED:
		resp_redirect(r, arena_printf(&r->arena, "/candidates/import/%s", r->path_key));
		return;
	case IMPORT_JOB_BUSY: {
		/* imp was freed by import_job_start: parse again for the page. */
		struct candidate_import again;
		r->status = 409;
		if (load_staged(r, true, &again))
			render_preview(r, r->path_key, &again, position_id,
				       _("An import is already running. Please wait until it has finished and try again."));
		candidate_import_free(&again);
		return;
	}
	case IMPORT_JOB_ERROR:
		page_error(r, 500, _("The import could not be started. Nothing was imported. Please try again."));
		return;
	}
}

static const char *state_code(enum import_job_state s)
{
	switch (s) {
	case IMPORT_JOB_RUNNING: return "running";
	case IMPORT_JOB_DONE: return "done";
	case IMPORT_JOB_FAILED: return "failed";
	}
	return "failed";
}

/* The bar of a running import: rows checked for duplicates of all rows
 * while checking, then rows stored of the rows to store. */
static void progress_bar(const struct import_job_status *st, size_t *value, size_t *max)
{
	*value = st->checking ? st->checked : st->done;
	*max = st->checking ? st->rows : st->total;
}

/* "12 of 300 rows stored" for the page and the JSON. */
static const char *progress_text(struct request *r, const struct import_job_status *st)
{
	char n1[32], n2[32];
	size_t value, max;
	progress_bar(st, &value, &max);
	i18n_format_int(n1, sizeof n1, (long long)value, r->lang);
	i18n_format_int(n2, sizeof n2, (long long)max, r->lang);
	if (st->checking)
		return arena_printf(&r->arena, _("Looking for duplicates: %s of %s rows checked"), n1, n2);
	return arena_printf(&r->arena, _("%s of %s rows stored"), n1, n2);
}

static const char *result_text(struct request *r, const struct import_job_status *st)
{
	char n1[32], n2[32];
	i18n_format_int(n1, sizeof n1, (long long)st->imported, r->lang);
	i18n_format_int(n2, sizeof n2, (long long)st->skipped, r->lang);
	return arena_printf(&r->arena, _("Imported %s candidates (%s skipped as duplicates)."), n1, n2);
}

/* The translated failure message of a run ("" when none). */
static const char *message_text(const struct import_job_status *st)
{
	return st->message && st->message[0] ? _(st->message) : "";
}

/* Puts <noscript><meta http-equiv="refresh"></noscript> into the head
 * page_begin wrote: without JavaScript the page reloads itself every two
 * seconds while the import runs; with it, import.js polls the status. */
static void add_meta_refresh(struct request *r)
{
	static const char meta[] = "<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>";
	char *head_end = r->out.data ? strstr(r->out.data, "</head>") : NULL;
	if (!head_end)
		return;
	size_t at = (size_t)(head_end - r->out.data), tail = r->out.len - at;
	char *rest = arena_alloc(&r->arena, tail);
	memcpy(rest, r->out.data + at, tail);
	r->out.len = at;
	buf_append(&r->out, meta, sizeof meta - 1);
	buf_append(&r->out, rest, tail);
}

void page_import_progress(struct request *r)
{
	struct buf *o = &r->out;
	struct import_job_status st;
	if (!import_job_get(r->path_key, r->user.id, &st)) {
		page_error(r, 404, NULL);
		return;
	}
	r->page_script = "import.js";
	page_begin(r, _("Import candidates"), NAV_CANDIDATES);
	if (st.state == IMPORT_JOB_RUNNING)
		add_meta_refresh(r);
	import_header(r, _("Importing candidates"));
	html_printf(o, "<section class=\"card import-progress\" data-import-status=\"/candidates/import/%s/status\" data-state=\"%s\">",
		    st.id, state_code(st.state));
	if (st.state == IMPORT_JOB_RUNNING) {
		size_t value, max;
		progress_bar(&st, &value, &max);
		html_printf(o, "<p id=\"import-state\" role=\"status\" aria-live=\"polite\">%s</p>", progress_text(r, &st));
		html_printf(o, "<progress id=\"import-bar\" max=\"%zu\" value=\"%zu\" aria-labelledby=\"import-state\">%s</progress>",
			    max ? max : 1, value, progress_text(r, &st));
		html_printf(o, "<p class=\"muted\">%s</p>",
			    _("All rows are stored in one step: if anything goes wrong, nothing is imported. This page updates itself."));
	} else if (st.state == IMPORT_JOB_DONE) {
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>", result_text(r, &st));
		html_printf(o, "<progress id=\"import-bar\" max=\"%zu\" value=\"%zu\">100%%</progress>", st.total ? st.total : 1,
			    st.total ? st.total : 1);
		if (st.position_id > 0)
			html_printf(o, "<p><a class=\"btn btn-primary\" href=\"/candidates?position=%lld\">%s</a></p>",
				    (long long)st.position_id, _("Show the candidates of the position"));
		else
			html_printf(o, "<p><a class=\"btn btn-primary\" href=\"/candidates\">%s</a></p>", _("Show the candidates"));
	} else {
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s", message_text(&st));
		if (st.failed_line > 0) {
			char line[32];
			i18n_format_int(line, sizeof line, st.failed_line, r->lang);
			html_raw(o, " ");
			html_printf(o, _("(line %s)"), line);
		}
		html_printf(o, "</div><p><a href=\"/candidates/import\">%s</a></p>", _("Upload a file"));
	}
	html_raw(o, "</section>");
	page_end(r);
}

void page_import_status(struct request *r)
{
	struct import_job_status st;
	if (!import_job_get(r->path_key, r->user.id, &st)) {
		api_problem(r, 404, _("Not found"), _("There is no such import."), NULL);
		return;
	}
	size_t value, max;
	progress_bar(&st, &value, &max);
	/* done/total: the bar (rows checked while "checking", then rows stored) */
	json_t *j = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:s}", "state", state_code(st.state), "phase",
			      st.state != IMPORT_JOB_RUNNING ? "" : st.checking ? "checking" : "storing",
			      "done", (json_int_t)value, "total", (json_int_t)max, "imported", (json_int_t)st.imported,
			      "skipped", (json_int_t)st.skipped, "text",
			      st.state == IMPORT_JOB_RUNNING ? progress_text(r, &st)
			      : st.state == IMPORT_JOB_DONE ? result_text(r, &st) : message_text(&st));
	api_json(r, 200, j);
}
