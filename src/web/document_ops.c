/*
 * document_ops.c — checking, storing and listing candidate documents
 * (R-CAND-1); see document_ops.h.
 *
 * The flow of one upload: document_check_upload (present, size, PDF or DOCX
 * by content) → document_store_upload (store_document_add writes the file
 * and its row, then the text is extracted in the sandboxed child and the
 * outcome recorded) → the candidate page shows the list through
 * document_section. Messages about an upload reach the page after the
 * redirect as ?doc_error=CODE or ?doc_added=ID, both read from fixed lists,
 * so a link cannot inject text.
 */
#include "web/document_ops.h"

#include <stdlib.h>
#include <string.h>

#include "util/extract.h"
#include "util/log.h"
#include "util/sniff.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/server.h"

/* Reasons stored with a document whose text could not be read: English
 * msgids, translated when shown. */
static const char *const reason_unreadable = N_("The file is damaged or could not be read");
static const char *const reason_timeout = N_("Reading the file took too long");
static const char *const reason_too_big = N_("The file contains too much text or expands too much");

/* The ?doc_error codes the upload handler (page_documents.c) redirects
 * with; "name" (a file name that is not UTF-8) is the one code that is no
 * check result. */
static const struct {
	const char *code;
	enum document_check check;
} error_codes[] = {
	{ "missing", DOCUMENT_CHECK_MISSING },
	{ "too_large", DOCUMENT_CHECK_TOO_LARGE },
	{ "wrong_type", DOCUMENT_CHECK_WRONG_TYPE },
};

static size_t upload_limit_mb(const struct request *r)
{
	return r->cfg->max_upload_bytes / (1024 * 1024);
}

enum document_check document_check_upload(const struct request *r, const struct upload *u)
{
	if (!u)
		return DOCUMENT_CHECK_MISSING;
	if (u->too_large || u->data.len > r->cfg->max_upload_bytes)
		return DOCUMENT_CHECK_TOO_LARGE;
	if (doc_sniff((const unsigned char *)u->data.data, u->data.len) == DOC_UNKNOWN)
		return DOCUMENT_CHECK_WRONG_TYPE;
	return DOCUMENT_CHECK_OK;
}

const char *document_check_message(struct request *r, enum document_check c)
{
	switch (c) {
	case DOCUMENT_CHECK_OK:
		return "";
	case DOCUMENT_CHECK_MISSING:
		return _("File: please choose a PDF or DOCX file to upload.");
	case DOCUMENT_CHECK_TOO_LARGE:
		return arena_printf(&r->arena, _("File: the file is larger than the limit of %zu MB. Nothing was saved."),
				    upload_limit_mb(r));
	case DOCUMENT_CHECK_WRONG_TYPE:
		return _("File: this is not a PDF or DOCX document (its content was checked, not its name). "
			 "Nothing was saved.");
	}
	return "";
}

static const char *extract_reason(enum extract_result er)
{
	switch (er) {
	case EXTRACT_TIMEOUT: return reason_timeout;
	case EXTRACT_TOO_BIG: return reason_too_big;
	default: return reason_unreadable;
	}
}

enum store_rc document_store_upload(struct request *r, int64_t candidate_id, const struct upload *u,
				   struct candidate_document *out)
{
	const unsigned char *data = (const unsigned char *)u->data.data;
	size_t len = u->data.len;
	struct actor who = req_actor(r);
	struct candidate_document doc;
	enum store_rc rc = store_document_add(r->store, &who, candidate_id, data, len, u->filename,
					      doc_type_mime(doc_sniff(data, len)), r->now, &doc);
	if (rc != STORE_OK)
		return rc;

	struct extract_limits lim = EXTRACT_LIMITS_DEFAULT;
	char *text = NULL, why[200] = "";
	enum extract_result er = extract_text(data, len, &lim, &text, why, sizeof why);
	enum store_rc xrc;
	if (er == EXTRACT_OK) {
		xrc = store_document_set_extract(r->store, doc.id, DOC_EXTRACT_OK, text, NULL);
		if (xrc == STORE_INVALID) /* text that is not UTF-8 */
			xrc = store_document_set_extract(r->store, doc.id, DOC_EXTRACT_FAILED, NULL, reason_unreadable);
	} else {
		log_info("document %lld: text extraction %s: %s", (long long)doc.id, extract_result_name(er), why);
		xrc = store_document_set_extract(r->store, doc.id, DOC_EXTRACT_FAILED, NULL, extract_reason(er));
	}
	free(text);
	if (xrc != STORE_OK)
		log_error("document %lld: recording the text extraction failed: %s", (long long)doc.id, store_rc_name(xrc));
	/* The stored file is what counts: the outcome of extraction is on the row. */
	if (out && store_document_get(r->store, doc.id, out) != STORE_OK)
		*out = doc;
	return STORE_OK;
}

/* "PDF", "DOCX" or "" for a stored MIME type. */
static const char *document_kind(const char *mime)
{
	if (strcmp(mime, doc_type_mime(DOC_PDF)) == 0)
		return "PDF";
	if (strcmp(mime, doc_type_mime(DOC_DOCX)) == 0)
		return "DOCX";
	return "";
}

/* Size as "12 KB" or "1.5 MB" ("1,5 MB" in German). */
static const char *document_size_text(struct request *r, int64_t size)
{
	if (size < 1024 * 1024)
		return arena_printf(&r->arena, "%lld KB", (long long)((size + 1023) / 1024));
	long long tenths = (long long)((size * 10 + 512 * 1024) / (1024 * 1024));
	return arena_printf(&r->arena, "%lld%s%lld MB", tenths / 10, r->lang == LANG_DE ? "," : ".", tenths % 10);
}

static void extract_status(struct request *r, const struct candidate_document *d)
{
	struct buf *o = &r->out;
	switch (d->extract_status) {
	case DOC_EXTRACT_OK:
		html_printf(o, "<span class=\"badge badge-ok\">%s</span>", _("Searchable"));
		break;
	case DOC_EXTRACT_PENDING:
		html_printf(o, "<span class=\"badge badge-muted\">%s</span>", _("Text not read yet"));
		break;
	case DOC_EXTRACT_FAILED:
		html_printf(o, "<span class=\"badge badge-warn\">%s</span> <span class=\"doc-extract-error\">%s</span>",
			    _("Text could not be read"), d->extract_error[0] ? _(d->extract_error) : _(reason_unreadable));
		break;
	}
}

/* The confirmation or the error of the upload that redirected here. */
static void upload_feedback(struct request *r, int64_t candidate_id, const char **error_out)
{
	struct buf *o = &r->out;
	*error_out = NULL;
	const char *code = req_query(r, "doc_error");
	for (size_t i = 0; code && i < sizeof error_codes / sizeof error_codes[0]; i++)
		if (strcmp(code, error_codes[i].code) == 0)
			*error_out = document_check_message(r, error_codes[i].check);
	if (code && strcmp(code, "name") == 0)
		*error_out = _("File: the file name is not valid text. Please rename the file and upload it again.");
	if (*error_out) {
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\"><p>%s</p><ul><li><a href=\"#doc-file\">%s</a></li>"
			       "</ul></div>", _("Please correct the marked fields:"), *error_out);
		return;
	}
	const char *added = req_query(r, "doc_added");
	long long id;
	struct candidate_document d;
	if (added && str_to_int64(added, 1, INT64_MAX, &id) && store_document_get(r->store, id, &d) == STORE_OK &&
	    d.candidate_id == candidate_id) {
		html_printf(o, "<div class=\"flash flash-ok\" role=\"status\">%s</div>",
			    arena_printf(&r->arena, _("The document “%s” has been uploaded."), d.original_name));
		if (d.extract_status == DOC_EXTRACT_FAILED)
			html_printf(o, "<div class=\"flash flash-info\" role=\"status\">%s %s</div>",
				    _("Its text could not be read, so search does not find words from it:"),
				    d.extract_error[0] ? _(d.extract_error) : _(reason_unreadable));
	}
}

/* One entry per document: the name as the download link, then type, size
 * and date, then whether its text is searchable (a list rather than a
 * table: the section sits in a narrow column of the candidate page). */
static void document_list(struct request *r, int64_t candidate_id, const struct candidate_document *docs, size_t n)
{
	struct buf *o = &r->out;
	html_raw(o, "<ul class=\"doc-list\">");
	for (size_t i = 0; i < n; i++) {
		const struct candidate_document *d = &docs[i];
		char when[64];
		i18n_format_date(when, sizeof when, (time_t)d->created_at, r->lang);
		html_printf(o, "<li class=\"doc-item\"><a class=\"doc-name\" href=\"/candidates/%lld/documents/%lld\">%s</a>"
			       "<span class=\"doc-meta\">%s · %s · %s</span><span class=\"doc-status\">",
			    (long long)candidate_id, (long long)d->id, d->original_name, document_kind(d->mime),
			    document_size_text(r, d->size), when);
		extract_status(r, d);
		html_raw(o, "</span></li>");
	}
	html_raw(o, "</ul>");
}

static void upload_form(struct request *r, int64_t candidate_id, const char *error)
{
	struct buf *o = &r->out;
	html_printf(o, "<form class=\"form document-upload\" method=\"post\" action=\"/candidates/%lld/documents\" "
		       "enctype=\"multipart/form-data\">", (long long)candidate_id);
	csrf_field(r);
	html_printf(o, "<div class=\"field%s\"><label for=\"doc-file\">%s</label>", error ? " has-error" : "",
		    _("Upload a document"));
	html_raw(o, "<input id=\"doc-file\" name=\"document\" type=\"file\" accept=\".pdf,.docx\" required");
	if (error)
		html_raw(o, " aria-invalid=\"true\" aria-describedby=\"doc-file-err doc-file-hint\">");
	else
		html_raw(o, " aria-describedby=\"doc-file-hint\">");
	if (error)
		html_printf(o, "<p class=\"field-error\" id=\"doc-file-err\">%s</p>", error);
	html_printf(o, "<p class=\"hint\" id=\"doc-file-hint\">%s</p></div>",
		    arena_printf(&r->arena, _("PDF or DOCX, at most %zu MB"), upload_limit_mb(r)));
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button></div></form>",
		    _("Upload"));
}

void document_section(struct request *r, int64_t candidate_id)
{
	struct buf *o = &r->out;
	struct candidate_document *docs = NULL;
	size_t n = 0;
	enum store_rc rc = store_document_list(r->store, candidate_id, &docs, &n);
	html_printf(o, "<section class=\"card documents-section\" id=\"documents\" aria-labelledby=\"documents-title\">"
		       "<h2 id=\"documents-title\">%s</h2>", _("Documents"));
	const char *error;
	upload_feedback(r, candidate_id, &error);
	if (rc != STORE_OK)
		html_printf(o, "<p class=\"flash flash-error\" role=\"alert\">%s</p>",
			    _("The documents could not be loaded. Please try again."));
	else if (n == 0)
		html_printf(o, "<p class=\"muted\">%s</p>", _("No documents yet. Upload the CV and other documents here."));
	else
		document_list(r, candidate_id, docs, n);
	upload_form(r, candidate_id, error);
	html_raw(o, "</section>");
	free(docs);
}
