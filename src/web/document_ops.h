/*
 * document_ops.h — taking in an uploaded candidate document and showing a
 * candidate's documents, shared by the candidate page, the career page's
 * application form and the upload handler.
 *
 * An upload is checked before anything is stored: present, not over the
 * size limit (cfg->max_upload_bytes), PDF or DOCX by content (util/sniff.h,
 * never the file name or the browser's type). Only then is it stored
 * (store/documents.h) and its text extracted in the sandboxed child
 * (util/extract.h); an extraction failure is recorded on the document and
 * shown on the candidate, never an error of the upload.
 */
#ifndef STELLWERK_WEB_DOCUMENT_OPS_H
#define STELLWERK_WEB_DOCUMENT_OPS_H

#include <stdint.h>

#include "store/documents.h"
#include "web/request.h"

enum document_check {
	DOCUMENT_CHECK_OK,
	DOCUMENT_CHECK_MISSING,        /* no file chosen */
	DOCUMENT_CHECK_TOO_LARGE,      /* over the limit */
	DOCUMENT_CHECK_WRONG_TYPE,     /* not PDF or DOCX by content */
};

/* Checks an upload (u may be NULL) without storing anything. */
enum document_check document_check_upload(const struct request *r, const struct upload *u);
/* A translated message for a check result, naming the limit in MB where it
 * applies; "" for DOCUMENT_CHECK_OK. Allocated in r->arena. */
const char *document_check_message(struct request *r, enum document_check c);

/* Stores a checked upload for the candidate and extracts its text; fills
 * *out (may be NULL). Returns the store result of storing the file; the
 * extraction outcome is in out->extract_status / extract_error. */
enum store_rc document_store_upload(struct request *r, int64_t candidate_id, const struct upload *u,
				   struct candidate_document *out);

/* Renders the documents section of the candidate page: the list (name,
 * type, size, date, download link, extraction status with the reason when
 * it failed) and the upload form (multipart, CSRF) posting to
 * /candidates/{id}/documents. */
void document_section(struct request *r, int64_t candidate_id);

#endif
