/*
 * documents.c — uploaded documents of candidates; see documents.h.
 *
 * A document is a file DATA_DIR/documents/<stored_name> plus a row in
 * candidate_documents. The file is written first (temporary name, fsync,
 * rename, fsync of the directory), then the row, the timeline event and the
 * audit row commit as one unit of work; when anything after the write fails
 * the file is unlinked again, so a failed upload leaves nothing behind.
 * stored_name is 32 random hex characters from libsodium plus an extension
 * derived from the checked mime type — never anything the uploader chose.
 */
#include "store/documents.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/password_policy.h"
#include "store/candidates.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/sniff.h"
#include "util/xalloc.h"

#define DOCUMENT_DIR "documents"
#define DOCUMENT_COLUMNS                                                                                       \
	"id, candidate_id, stored_name, original_name, mime, size, sha256, extract_status, extract_error,"    \
	" created_at, created_by"

static const char *const extract_status_codes[] = { "pending", "ok", "failed" };

const char *document_extract_status_code(enum document_extract_status s)
{
	if ((unsigned)s >= sizeof extract_status_codes / sizeof extract_status_codes[0])
		return "pending";
	return extract_status_codes[s];
}

static enum document_extract_status extract_status_parse(const char *code)
{
	if (strcmp(code, "ok") == 0)
		return DOC_EXTRACT_OK;
	if (strcmp(code, "failed") == 0)
		return DOC_EXTRACT_FAILED;
	return DOC_EXTRACT_PENDING;
}

static void document_from_row(struct db_stmt *st, struct candidate_document *d)
{
	char status[16];
	memset(d, 0, sizeof *d);
	d->id = db_column_int64(st, 0);
	d->candidate_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, d->stored_name, sizeof d->stored_name);
	db_column_text_copy(st, 3, d->original_name, sizeof d->original_name);
	db_column_text_copy(st, 4, d->mime, sizeof d->mime);
	d->size = db_column_int64(st, 5);
	db_column_text_copy(st, 6, d->sha256, sizeof d->sha256);
	db_column_text_copy(st, 7, status, sizeof status);
	d->extract_status = extract_status_parse(status);
	db_column_text_copy(st, 8, d->extract_error, sizeof d->extract_error);
	d->created_at = db_column_int64(st, 9);
	d->created_by = db_column_int64(st, 10);
}

/* Length of the longest prefix of s (at most max bytes) that ends at a
 * UTF-8 character boundary. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Copies name into out (DOCUMENT_NAME_MAX + 1 bytes): cut at a character
 * boundary, path separators and control characters replaced by '_', "" →
 * "document". false when name is not UTF-8. */
static bool document_name_sanitise(const char *name, char out[DOCUMENT_NAME_MAX + 1])
{
	size_t len = name ? strlen(name) : 0;
	if (!utf8_valid(name ? name : "", len))
		return false;
	len = utf8_cut(name ? name : "", len, DOCUMENT_NAME_MAX);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		out[i] = (c < 0x20 || c == 0x7f || c == '/' || c == '\\') ? '_' : (char)c;
	}
	out[len] = '\0';
	if (len == 0)
		strcpy(out, "document");
	return true;
}

/* The file name extension for a checked mime type: ".pdf", ".docx" or "". */
static const char *document_extension(const char *mime)
{
	if (!mime)
		return "";
	if (strcmp(mime, doc_type_mime(DOC_PDF)) == 0 || strcmp(mime, "application/pdf") == 0)
		return ".pdf";
	if (strcmp(mime, doc_type_mime(DOC_DOCX)) == 0)
		return ".docx";
	return "";
}

/* Whether a stored name is one this module generates (hex, optionally an
 * extension of lowercase letters), so it can never leave the directory. */
static bool stored_name_ok(const char *name)
{
	size_t i = 0;
	while (name[i] && name[i] != '.') {
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return false;
		i++;
	}
	if (i == 0)
		return false;
	if (name[i] == '.') {
		i++;
		if (!name[i])
			return false;
		for (; name[i]; i++)
			if (name[i] < 'a' || name[i] > 'z')
				return false;
	}
	return true;
}

/* Fsyncs a directory so a rename in it is durable. */
static bool dir_sync(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Writes data to dir/name through a temporary file, synced and renamed.
 * Nothing is left behind on failure. */
static bool document_file_write(const char *dir, const char *name, const unsigned char *data, size_t len)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s/.tmp-%s", dir, name) >= (int)sizeof tmp ||
	    snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
		return false;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_error("documents: cannot create %s: %s", tmp, strerror(errno));
		return false;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)w;
	}
	bool ok = done == len && fsync(fd) == 0;
	if (close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		log_error("documents: cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		return false;
	}
	if (!dir_sync(dir))
		log_warn("documents: cannot sync directory %s", dir);
	return true;
}

/* DATA_DIR/documents into out, created 0700 when missing. */
static bool document_dir(struct store *s, char *out, size_t n, bool create)
{
	if (snprintf(out, n, "%s/" DOCUMENT_DIR, s->data_dir) >= (int)n)
		return false;
	if (create && mkdir(out, 0700) != 0 && errno != EEXIST) {
		log_error("documents: cannot create %s: %s", out, strerror(errno));
		return false;
	}
	return true;
}

enum store_rc store_document_add(struct store *s, const struct actor *who, int64_t candidate_id,
				 const unsigned char *data, size_t len, const char *original_name, const char *mime,
				 int64_t now, struct candidate_document *out)
{
	struct db_write w;
	struct db_stmt st;
	struct candidate_document d;
	char dir[PATH_MAX], path[PATH_MAX];
	unsigned char random[16], digest[crypto_hash_sha256_BYTES];
	char hex[sizeof random * 2 + 1];
	bool file_written = false;
	json_t *changes = NULL;
	enum store_rc rc;

	memset(&d, 0, sizeof d);
	if (len == 0 || !data || !document_name_sanitise(original_name, d.original_name))
		return STORE_INVALID;
	if (!mime || !mime[0])
		mime = doc_type_mime(DOC_UNKNOWN);
	if (strlen(mime) >= sizeof d.mime)
		return STORE_INVALID;
	if (sodium_init() < 0)
		return STORE_ERROR;

	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT 1 FROM candidates WHERE id = :id");
	db_bind_int64(&st, ":id", candidate_id);
	rc = db_step_row(&st);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;

	randombytes_buf(random, sizeof random);
	sodium_bin2hex(hex, sizeof hex, random, sizeof random);
	snprintf(d.stored_name, sizeof d.stored_name, "%s%s", hex, document_extension(mime));
	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(d.sha256, sizeof d.sha256, digest, sizeof digest);
	snprintf(d.mime, sizeof d.mime, "%s", mime);
	d.candidate_id = candidate_id;
	d.size = (int64_t)len;
	d.extract_status = DOC_EXTRACT_PENDING;
	d.created_at = now;
	d.created_by = who ? who->user_id : 0;

	if (!document_dir(s, dir, sizeof dir, true) ||
	    snprintf(path, sizeof path, "%s/%s", dir, d.stored_name) >= (int)sizeof path ||
	    !document_file_write(dir, d.stored_name, data, len)) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	file_written = true;

	db_prepare(s, &st,
		   "INSERT INTO candidate_documents (candidate_id, stored_name, original_name, mime, size, sha256,"
		   " extract_status, created_at, created_by) VALUES (:candidate_id, :stored_name, :original_name,"
		   " :mime, :size, :sha256, 'pending', :now, :created_by)");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	db_bind_text(&st, ":stored_name", d.stored_name);
	db_bind_text(&st, ":original_name", d.original_name);
	db_bind_text(&st, ":mime", d.mime);
	db_bind_int64(&st, ":size", d.size);
	db_bind_text(&st, ":sha256", d.sha256);
	db_bind_int64(&st, ":now", now);
	if (d.created_by > 0)
		db_bind_int64(&st, ":created_by", d.created_by);
	else
		db_bind_null(&st, ":created_by");
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	d.id = db_last_insert_id(s);

	db_prepare(s, &st,
		   "INSERT INTO application_events (candidate_id, application_id, at, user_id, kind, text)"
		   " VALUES (:candidate_id, NULL, :at, :user_id, 'document', :text)");
	db_bind_int64(&st, ":candidate_id", candidate_id);
	db_bind_int64(&st, ":at", now);
	if (d.created_by > 0)
		db_bind_int64(&st, ":user_id", d.created_by);
	else
		db_bind_null(&st, ":user_id");
	db_bind_text(&st, ":text", d.original_name);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;

	changes = json_pack("{s:I, s:s, s:s, s:I, s:s}", "document_id", (json_int_t)d.id, "name", d.original_name,
			    "mime", d.mime, "size", (json_int_t)d.size, "sha256", d.sha256);
	if (!changes) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	rc = store_audit_json(s, who, "candidate", candidate_id, "add_document", changes, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK) {
		if (file_written && unlink(path) != 0)
			log_error("documents: cannot remove %s: %s", path, strerror(errno));
		return rc;
	}
	if (out)
		*out = d;
	return STORE_OK;
}

enum store_rc store_document_get(struct store *s, int64_t id, struct candidate_document *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " DOCUMENT_COLUMNS " FROM candidate_documents WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		document_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

enum store_rc store_document_list(struct store *s, int64_t candidate_id, struct candidate_document **out, size_t *n)
{
	struct db_stmt st;
	struct candidate_document *list = NULL;
	size_t count = 0, cap = 0;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	*out = NULL;
	*n = 0;
	db_prepare(s, &st,
		   "SELECT " DOCUMENT_COLUMNS " FROM candidate_documents WHERE candidate_id = :id"
		   " ORDER BY created_at DESC, id DESC");
	db_bind_int64(&st, ":id", candidate_id);
	while ((step = db_step(&st)) == DB_ROW) {
		document_from_row(&st, xgrow(&list, &count, &cap, sizeof *list));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		free(list);
		return rc;
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

enum store_rc store_document_read(struct store *s, const struct candidate_document *d, unsigned char **data,
				  size_t *len)
{
	char dir[PATH_MAX], path[PATH_MAX];
	struct stat sb;
	*data = NULL;
	*len = 0;
	if (!stored_name_ok(d->stored_name))
		return STORE_NOT_FOUND;
	if (!document_dir(s, dir, sizeof dir, false) ||
	    snprintf(path, sizeof path, "%s/%s", dir, d->stored_name) >= (int)sizeof path)
		return STORE_ERROR;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return errno == ENOENT ? STORE_NOT_FOUND : STORE_ERROR;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return STORE_ERROR;
	}
	size_t size = (size_t)sb.st_size, done = 0;
	unsigned char *buf = xmalloc(size ? size : 1);
	while (done < size) {
		ssize_t r = read(fd, buf + done, size - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		done += (size_t)r;
	}
	close(fd);
	if (done != size) {
		log_error("documents: cannot read %s", path);
		free(buf);
		return STORE_ERROR;
	}
	*data = buf;
	*len = size;
	return STORE_OK;
}

enum store_rc store_document_set_extract(struct store *s, int64_t id, enum document_extract_status status,
					 const char *text, const char *error)
{
	struct db_write w;
	struct db_stmt st;
	char err[sizeof ((struct candidate_document *)0)->extract_error];
	char *all = NULL;
	int64_t candidate_id = 0;
	enum store_rc rc;

	if (status == DOC_EXTRACT_OK) {
		if (!text)
			text = "";
		if (!utf8_valid(text, strlen(text)))
			return STORE_INVALID;
	} else {
		text = "";
	}
	err[0] = '\0';
	if (status == DOC_EXTRACT_FAILED && error) {
		size_t elen = strlen(error);
		if (!utf8_valid(error, elen))
			return STORE_INVALID;
		elen = utf8_cut(error, elen, sizeof err - 1);
		memcpy(err, error, elen);
		err[elen] = '\0';
	}

	rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "SELECT candidate_id FROM candidate_documents WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		candidate_id = db_column_int64(&st, 0);
	db_finalize(&st);
	if (rc != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE candidate_documents SET extract_status = :status, extract_error = :error,"
		   " extracted_text = :text WHERE id = :id");
	db_bind_text(&st, ":status", document_extract_status_code(status));
	db_bind_text(&st, ":error", err);
	db_bind_text(&st, ":text", text);
	db_bind_int64(&st, ":id", id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = store_document_text_all(s, candidate_id, &all)) != STORE_OK)
		goto cleanup;
	rc = store_candidate_set_document_text(s, candidate_id, all);
cleanup:
	free(all);
	return db_write_end(s, &w, rc);
}

enum store_rc store_document_text_all(struct store *s, int64_t candidate_id, char **out)
{
	struct db_stmt st;
	struct buf b;
	enum db_step_result step;
	enum store_rc rc = STORE_OK;
	*out = NULL;
	buf_init(&b);
	db_prepare(s, &st,
		   "SELECT extracted_text FROM candidate_documents WHERE candidate_id = :id AND extract_status = 'ok'"
		   " AND extracted_text <> '' ORDER BY created_at, id");
	db_bind_int64(&st, ":id", candidate_id);
	while ((step = db_step(&st)) == DB_ROW) {
		char *t = db_column_text_dup(&st, 0);
		if (b.len)
			buf_putc(&b, '\n');
		buf_puts(&b, t);
		free(t);
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	if (rc != STORE_OK) {
		buf_free(&b);
		return rc;
	}
	*out = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return STORE_OK;
}
