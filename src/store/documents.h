/*
 * documents.h — files uploaded for a candidate (CVs, certificates), R-CAND-1.
 *
 * The bytes live in DATA_DIR/documents/<stored_name>, where stored_name is a
 * generated random id (hex) — never the uploaded file name, which is only
 * shown. The directory is outside anything the web server serves; pages hand
 * a document out only through a handler that checks permissions. A file is
 * written to a temporary name, synced and renamed before its row commits;
 * when the row cannot be written the file is removed again, so a failed
 * upload leaves nothing behind (no half-writes).
 *
 * Checking the content type (util/sniff.h) and extracting text
 * (util/extract.h) is the caller's job; this module records the outcome:
 * extract_status "pending" → "ok" or "failed" with a short English reason
 * shown on the candidate.
 */
#ifndef STELLWERK_STORE_DOCUMENTS_H
#define STELLWERK_STORE_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define DOCUMENT_NAME_MAX 200        /* bytes of the original file name kept */
#define DOCUMENT_STORED_NAME_MAX 96

enum document_extract_status { DOC_EXTRACT_PENDING, DOC_EXTRACT_OK, DOC_EXTRACT_FAILED };

struct candidate_document {
	int64_t id;
	int64_t candidate_id;
	char stored_name[DOCUMENT_STORED_NAME_MAX];
	char original_name[DOCUMENT_NAME_MAX + 1];
	char mime[80];
	int64_t size;
	char sha256[65];                 /* hex */
	enum document_extract_status extract_status;
	char extract_error[200];         /* English, set when failed */
	int64_t created_at;
	int64_t created_by;              /* user id, 0 for the command line */
};

const char *document_extract_status_code(enum document_extract_status s);   /* "pending", "ok", "failed" */

/* Stores data[0..len) as a new document of the candidate: writes the file
 * (mode 0600, directory created 0700 when missing), then the row, a document
 * event on the candidate's timeline ("original_name" as text) and an audit
 * row in one unit of work. original_name is cut to DOCUMENT_NAME_MAX bytes at
 * a character boundary, path separators and control characters replaced by
 * '_'; an empty name becomes "document". Fills *out. STORE_NOT_FOUND for an
 * unknown candidate; STORE_INVALID for len 0 or a name that is not UTF-8;
 * STORE_ERROR when the file cannot be written (nothing is left behind). */
enum store_rc store_document_add(struct store *s, const struct actor *who, int64_t candidate_id,
				 const unsigned char *data, size_t len, const char *original_name, const char *mime,
				 int64_t now, struct candidate_document *out);

enum store_rc store_document_get(struct store *s, int64_t id, struct candidate_document *out);

/* Documents of a candidate, newest first. *out is malloc'd (caller frees). */
enum store_rc store_document_list(struct store *s, int64_t candidate_id, struct candidate_document **out, size_t *n);

/* Reads the bytes of a document into a malloc'd buffer (caller frees).
 * STORE_NOT_FOUND when the row or the file is missing. */
enum store_rc store_document_read(struct store *s, const struct candidate_document *d, unsigned char **data,
				  size_t *len);

/* Records the outcome of text extraction for document id (no audit row:
 * derived data). With status DOC_EXTRACT_OK, text is the extracted text
 * (may be NULL for none); afterwards the candidate's search row holds the
 * text of all their documents with status ok, concatenated in upload order
 * (store_candidate_set_document_text). error is kept for DOC_EXTRACT_FAILED.
 * The extracted text itself is stored with the document (column
 * extracted_text) so a merge or a re-index never needs the files.
 * STORE_NOT_FOUND; STORE_INVALID for text that is not UTF-8. */
enum store_rc store_document_set_extract(struct store *s, int64_t id, enum document_extract_status status,
					 const char *text, const char *error);

/* The extracted text of all the candidate's documents with status ok,
 * concatenated in upload order and separated by newlines — what
 * store_document_set_extract and a merge put into the search row. *out is
 * malloc'd (caller frees), "" when there is none. */
enum store_rc store_document_text_all(struct store *s, int64_t candidate_id, char **out);

#endif
