/*
 * page_documents.c — uploading a document for a candidate and handing a
 * stored document out (R-CAND-1).
 *
 * POST /candidates/{id}/documents takes the multipart field "document",
 * checks it (document_check_upload), stores it and extracts its text
 * (document_store_upload), then redirects back to the candidate page, whose
 * documents section (document_section) shows the result: ?doc_added=ID or
 * ?doc_error=CODE. GET /candidates/{id}/documents/{id} sends the bytes as an
 * attachment, only for a document of that candidate. Both routes need
 * ACTION_MANAGE_CANDIDATES, checked by the router.
 */
#include <stdlib.h>
#include <string.h>

#include "store/candidates.h"
#include "store/documents.h"
#include "util/log.h"
#include "util/sniff.h"
#include "util/xalloc.h"
#include "web/document_ops.h"
#include "web/layout.h"
#include "web/pages.h"

/* The ?doc_error code document_section understands for a check result. */
static const char *check_code(enum document_check c)
{
	switch (c) {
	case DOCUMENT_CHECK_MISSING: return "missing";
	case DOCUMENT_CHECK_TOO_LARGE: return "too_large";
	case DOCUMENT_CHECK_WRONG_TYPE: return "wrong_type";
	case DOCUMENT_CHECK_OK: break;
	}
	return "";
}

/* True when candidate id exists; otherwise answers 404 (or 500) itself. */
static bool candidate_exists(struct request *r, int64_t id)
{
	struct candidate *c = xmalloc(sizeof *c); /* a large struct: not on the stack */
	enum store_rc rc = store_candidate_get(r->store, id, c);
	free(c);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		page_error(r, 500, NULL);
		return false;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, NULL);
		return false;
	}
	return true;
}

void page_document_upload(struct request *r)
{
	int64_t candidate_id = req_path_arg(r, 0);
	if (!candidate_exists(r, candidate_id))
		return;
	const struct upload *u = req_upload(r, "document");
	enum document_check check = document_check_upload(r, u);
	if (check != DOCUMENT_CHECK_OK) {
		resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?doc_error=%s#documents", (long long)candidate_id,
					      check_code(check)));
		return;
	}
	struct candidate_document doc;
	enum store_rc rc = document_store_upload(r, candidate_id, u, &doc);
	switch (rc) {
	case STORE_OK:
		resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?doc_added=%lld#documents", (long long)candidate_id,
					      (long long)doc.id));
		return;
	case STORE_NOT_FOUND:
		page_error(r, 404, NULL);
		return;
	case STORE_INVALID: /* the checks passed, so only the file name can be at fault */
		resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?doc_error=name#documents", (long long)candidate_id));
		return;
	default:
		page_error(r, 500, _("The document could not be saved. Nothing was stored. Please try again."));
		return;
	}
}

/* The file name for the plain filename= parameter: printable ASCII without
 * quotes and backslashes, everything else '_'. */
static const char *ascii_file_name(struct request *r, const char *name)
{
	char *out = arena_strdup(&r->arena, name);
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p >= 0x80 && (*p & 0xc0) == 0x80)
			continue; /* one '_' per non-ASCII character, not per byte */
		out[o++] = (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\') ? '_' : (char)*p;
	}
	out[o] = '\0';
	return o ? out : "document";
}

/* The file name for filename*=UTF-8'' (RFC 8187): attr-chars as they are,
 * every other byte percent-encoded. */
static const char *encoded_file_name(struct request *r, const char *name)
{
	static const char attr_chars[] = "!#$&+-.^_`|~";
	struct buf b = BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(attr_chars, *p))
			buf_putc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	const char *s = arena_strdup(&r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

void page_document_download(struct request *r)
{
	int64_t candidate_id = req_path_arg(r, 0), document_id = req_path_arg(r, 1);
	struct candidate_document d;
	enum store_rc rc = store_document_get(r->store, document_id, &d);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && d.candidate_id != candidate_id)) {
		page_error(r, 404, NULL);
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	unsigned char *data = NULL;
	size_t len = 0;
	rc = store_document_read(r->store, &d, &data, &len);
	if (rc == STORE_NOT_FOUND) {
		log_error("document %lld: its file %s is missing", (long long)d.id, d.stored_name);
		page_error(r, 404, _("The file of this document is missing. Please upload it again."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	/* Only the two accepted types are named; anything else is plain bytes. */
	bool known = strcmp(d.mime, doc_type_mime(DOC_PDF)) == 0 || strcmp(d.mime, doc_type_mime(DOC_DOCX)) == 0;
	r->content_type_out = known ? arena_strdup(&r->arena, d.mime) : "application/octet-stream";
	resp_header(r, "Content-Disposition",
		    arena_printf(&r->arena, "attachment; filename=\"%s\"; filename*=UTF-8''%s",
				 ascii_file_name(r, d.original_name), encoded_file_name(r, d.original_name)));
	buf_reset(&r->out);
	buf_append(&r->out, data, len);
	free(data);
}
