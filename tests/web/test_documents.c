/*
 * test_documents.c — black-box tests of candidate documents (R-CAND-1,
 * issue 5 "Documents") against the real server: a PDF uploaded through the
 * candidate page's multipart form is listed, downloads byte for byte as an
 * attachment and makes the candidate findable by a word of its text
 * (R-CAND-3); hostile uploads — a renamed executable, a DOCX zip bomb, a
 * truncated PDF, a 50 MB file, a file just over the limit — each give a clear
 * message and store nothing half (or store the file with a visible
 * extraction failure), and the server keeps answering; interviewers get 403
 * (R-X-2) and a document is only served under its own candidate (404).
 *
 * The test files are made here: a minimal PDF written object by object with
 * a correct cross-reference table, and a DOCX zip bomb built with libzip.
 * Stored rows are checked in the data directory's database, read-only.
 */
#include "harness.h"
#include "multipart.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *weber; /* recruiter, pages in English */

#define CV_WORD "Seidenraupenzucht"

/* ---- fixtures ------------------------------------------------------------------------------ */

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "documents test", tok_weber, sizeof tok_weber, NULL);
	/* The demo recruiter prefers German; the assertions below read English. */
	struct http_client *c = client_logged_in(&srv, "weber");
	struct http_response *r = post_form_with_csrf(c, "/dashboard", "/lang", "lang=en&next=%2Fdashboard", 303);
	http_response_free(r);
	http_client_free(c);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

static int test_setup(void **state)
{
	(void)state;
	soft_failures_reset();
	weber = client_logged_in(&srv, "weber");
	return 0;
}

static int test_teardown(void **state)
{
	(void)state;
	if (weber)
		http_client_free(weber);
	weber = NULL;
	return 0;
}

static long long create_candidate(const char *first, const char *last)
{
	char body[512];
	snprintf(body, sizeof body,
		 "{\"first_name\":\"%s\",\"last_name\":\"%s\",\"email\":\"%s.%s@example.org\",\"allow_duplicate\":true}",
		 first, last, first, last);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long id = json_integer_value(json_object_get(c, "id"));
	json_decref(c);
	assert_true(id > 0);
	return id;
}

/* Rows of candidate_documents for the candidate, read from the database. */
static int document_rows(long long candidate_id)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM candidate_documents WHERE candidate_id = ?", -1,
					    &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, candidate_id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Entries of <data>/documents (temporary files included); 0 without the directory. */
static int stored_files(void)
{
	char path[400];
	snprintf(path, sizeof path, "%s/documents", srv.data);
	DIR *d = opendir(path);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* POSTs one file as the field "document" to the candidate's upload route
 * with the session's CSRF token, as a browser does: without "Expect:
 * 100-continue", so the whole body is sent before any answer is read. */
static struct http_response *upload(struct http_client *c, long long candidate_id, const char *filename,
				    const char *content_type, const void *data, size_t len)
{
	char csrf[128], path[96];
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	struct multipart m;
	multipart_init(&m);
	multipart_field(&m, "csrf", csrf);
	multipart_file(&m, "document", filename, content_type, data, len);
	snprintf(path, sizeof path, "/candidates/%lld/documents", candidate_id);
	struct http_response *r = http_post_multipart(c, path, &m, (const char *const[]){ "Expect:", NULL });
	multipart_free(&m);
	return r;
}

/* The Location of a 303 after an upload, asserted to lead back to the candidate. */
static void upload_redirect(const struct http_response *r, long long candidate_id, char *loc, size_t n)
{
	char prefix[64];
	snprintf(prefix, sizeof prefix, "/candidates/%lld?", candidate_id);
	assert_redirect(r, prefix);
	assert_true(http_header(r, "Location", loc, n));
}

static struct http_response *candidate_page(long long candidate_id, const char *query)
{
	char path[160];
	snprintf(path, sizeof path, "/candidates/%lld%s", candidate_id, query ? query : "");
	return get_page(weber, path, 200);
}

/* The id in ?doc_added=ID of a successful upload's redirect. */
static long long added_id(const char *loc)
{
	const char *p = strstr(loc, "doc_added=");
	assert_non_null(p);
	long long id = atoll(p + strlen("doc_added="));
	assert_true(id > 0);
	return id;
}

static void assert_server_answers(void)
{
	assert_true(server_alive(&srv));
	struct http_client *c = http_client_new(&srv);
	struct http_response *r = http_get(c, "/healthz", NULL);
	assert_status(r, 200);
	http_response_free(r);
	http_client_free(c);
}

/* ---- test files ------------------------------------------------------------------------------ */

/* A minimal valid one-page PDF whose page shows the given lines in
 * Helvetica, with a correct xref table. Caller frees *out (buf). */
static void make_pdf(struct buf *out, const char *const *lines)
{
	struct buf content = BUF_INIT;
	buf_puts(&content, "BT /F1 14 Tf 72 720 Td 18 TL\n");
	for (size_t i = 0; lines[i]; i++)
		buf_printf(&content, "(%s) Tj T*\n", lines[i]);
	buf_puts(&content, "ET\n");

	long offsets[6];
	buf_init(out);
	buf_puts(out, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
	offsets[1] = (long)out->len;
	buf_puts(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	offsets[2] = (long)out->len;
	buf_puts(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	offsets[3] = (long)out->len;
	buf_puts(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
		      "/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
	offsets[4] = (long)out->len;
	buf_printf(out, "4 0 obj\n<< /Length %zu >>\nstream\n", content.len);
	buf_append(out, content.data, content.len);
	buf_puts(out, "endstream\nendobj\n");
	offsets[5] = (long)out->len;
	buf_puts(out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
	long xref = (long)out->len;
	buf_puts(out, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		buf_printf(out, "%010ld 00000 n \n", offsets[i]);
	buf_printf(out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
	buf_free(&content);
}

static const char *const cv_lines[] = {
	"Curriculum Vitae", "Key Account Manager", "Hobby: " CV_WORD, "Vertrieb Industrie Hamburg",
	"Verhandlungen mit Grosskunden", "Englisch C1, Deutsch C2", NULL,
};

/* A DOCX-shaped zip (sniffs as DOCX) whose word/document.xml inflates to
 * inflated_mb MB of one repeated byte: a zip bomb of a few dozen KB. */
static void make_docx_bomb(struct buf *out, size_t inflated_mb)
{
	char dir[256], path[300];
	make_temp_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/bomb.docx", dir);
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	static const char types[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
				    "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\""
				    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
	zip_source_t *ts = zip_source_buffer(z, types, strlen(types), 0);
	assert_true(zip_file_add(z, "[Content_Types].xml", ts, ZIP_FL_ENC_UTF_8) >= 0);

	static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
				   "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";
	static const char tail[] = "</w:t></w:r></w:p></w:body></w:document>";
	size_t n = inflated_mb << 20;
	char *xml = malloc(n);
	assert_non_null(xml);
	memset(xml, 'a', n);
	memcpy(xml, head, strlen(head));
	memcpy(xml + n - strlen(tail), tail, strlen(tail));
	zip_source_t *ds = zip_source_buffer(z, xml, n, 0);
	assert_true(zip_file_add(z, "word/document.xml", ds, ZIP_FL_ENC_UTF_8) >= 0);
	assert_int_equal(zip_close(z), 0);
	free(xml);

	size_t len = 0;
	char *data = read_file(path, &len);
	assert_non_null(data);
	buf_init(out);
	buf_append(out, data, len);
	free(data);
	remove_tree(dir);
}

/* ---- tests ------------------------------------------------------------------------------------- */

static void pdf_is_stored_listed_downloaded_and_searchable(void **state)
{
	(void)state;
	long long id = create_candidate("Ilse", "Dokumentenreich");
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	/* trailing binary junk with NUL bytes: file data may hold any byte */
	buf_append(&pdf, "\0\0\x01\xff\0binary\0\r\n", 15);

	/* The candidate page offers the upload form (R-CAND-1). */
	struct http_response *r = candidate_page(id, NULL);
	assert_contains(r->body, "enctype=\"multipart/form-data\"");
	assert_contains(r->body, "accept=\".pdf,.docx\"");
	assert_contains(r->body, "PDF or DOCX, at most 10 MB");
	http_response_free(r);

	r = upload(weber, id, "Lebenslauf Ilse Dokumentenreich.pdf", "application/pdf", pdf.data, pdf.len);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	long long doc = added_id(loc);
	assert_int_equal(document_rows(id), 1); /* R-CAND-1 */

	/* Listed on the candidate page with a download link and searchable text. */
	r = candidate_page(id, strchr(loc, '?'));
	assert_contains(r->body, "has been uploaded");
	assert_contains(r->body, "Lebenslauf Ilse Dokumentenreich.pdf");
	char link[128];
	snprintf(link, sizeof link, "href=\"/candidates/%lld/documents/%lld\"", id, doc);
	assert_contains(r->body, link);
	assert_contains(r->body, "Searchable");
	assert_not_contains(r->body, "doc-extract-error");
	http_response_free(r);

	/* The download is the same bytes, as an attachment, never rendered inline. */
	char path[128];
	snprintf(path, sizeof path, "/candidates/%lld/documents/%lld", id, doc);
	r = http_get(weber, path, NULL);
	assert_status(r, 200);
	assert_int_equal(r->body_len, pdf.len);
	assert_memory_equal(r->body, pdf.data, pdf.len); /* R-CAND-1 */
	char value[512];
	assert_true(http_header(r, "Content-Type", value, sizeof value));
	assert_string_equal(value, "application/pdf");
	assert_true(http_header(r, "Content-Disposition", value, sizeof value));
	assert_contains(value, "attachment;"); /* R-CAND-1: served only as an attachment */
	assert_contains(value, "filename=\"Lebenslauf Ilse Dokumentenreich.pdf\"");
	assert_contains(value, "filename*=UTF-8''Lebenslauf%20Ilse%20Dokumentenreich.pdf");
	assert_security_headers(r);
	http_response_free(r);

	/* R-CAND-3: a word that occurs only in the CV finds the candidate. */
	json_t *l = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?q=" CV_WORD, NULL, 200);
	json_t *list = json_object_get(l, "candidates");
	bool found = false;
	for (size_t i = 0; i < json_array_size(list); i++)
		if (json_integer_value(json_object_get(json_array_get(list, i), "id")) == id)
			found = true;
	json_decref(l);
	assert_true(found); /* R-CAND-3 */
	buf_free(&pdf);
	assert_no_soft_failures();
}

static void non_ascii_name_is_encoded_in_the_download(void **state)
{
	(void)state;
	long long id = create_candidate("Jörg", "Umlautmann");
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	struct http_response *r = upload(weber, id, "Zeugnis Jörg Ü.pdf", "application/pdf", pdf.data, pdf.len);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	char path[128];
	snprintf(path, sizeof path, "/candidates/%lld/documents/%lld", id, added_id(loc));
	r = http_get(weber, path, NULL);
	assert_status(r, 200);
	char value[512];
	assert_true(http_header(r, "Content-Disposition", value, sizeof value));
	/* an ASCII fallback without quotes, and the exact name percent-encoded */
	assert_contains(value, "filename=\"Zeugnis J_rg _.pdf\""); /* R-CAND-1 */
	assert_contains(value, "filename*=UTF-8''Zeugnis%20J%C3%B6rg%20%C3%9C.pdf");
	http_response_free(r);
	buf_free(&pdf);
}

static void renamed_executable_is_refused(void **state)
{
	(void)state;
	long long id = create_candidate("Eva", "Elfbinaer");
	int files_before = stored_files();
	unsigned char elf[4096];
	memset(elf, 0, sizeof elf);
	memcpy(elf, "\x7f" "ELF\x02\x01\x01\x00", 8);
	for (size_t i = 64; i < sizeof elf; i++)
		elf[i] = (unsigned char)(i * 31);
	struct http_response *r = upload(weber, id, "cv.pdf", "application/pdf", elf, sizeof elf);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	assert_contains(loc, "doc_error=wrong_type");

	/* A clear message at the file field; nothing stored. */
	r = candidate_page(id, strchr(loc, '?'));
	assert_contains(r->body, "id=\"doc-file-err\"");
	assert_contains(r->body, "not a PDF or DOCX document");
	assert_contains(r->body, "aria-invalid=\"true\"");
	assert_not_contains(r->body, "/documents/");
	http_response_free(r);
	assert_int_equal(document_rows(id), 0); /* R-CAND-1: checked by content, nothing stored */
	assert_int_equal(stored_files(), files_before);
	assert_no_soft_failures();
}

static void empty_file_input_asks_for_a_file(void **state)
{
	(void)state;
	long long id = create_candidate("Nora", "Ohnedatei");
	struct http_response *r = upload(weber, id, "", "application/octet-stream", "", 0);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	assert_contains(loc, "doc_error=missing");
	r = candidate_page(id, strchr(loc, '?'));
	assert_contains(r->body, "please choose a PDF or DOCX file");
	http_response_free(r);
	assert_int_equal(document_rows(id), 0);
}

static void docx_zip_bomb_is_stored_with_a_visible_failure(void **state)
{
	(void)state;
	long long id = create_candidate("Bert", "Bombenleger");
	struct buf bomb;
	make_docx_bomb(&bomb, 200);
	assert_true(bomb.len < 1024 * 1024); /* 200 MB inflated from well under 1 MB */
	struct http_response *r = upload(weber, id, "Lebenslauf.docx",
					 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					 bomb.data, bomb.len);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	assert_contains(loc, "doc_added=");
	assert_server_answers();
	assert_int_equal(document_rows(id), 1);

	r = candidate_page(id, NULL);
	assert_contains(r->body, "Lebenslauf.docx");
	assert_contains(r->body, "DOCX");
	assert_contains(r->body, "Text could not be read");
	assert_contains(r->body, "class=\"doc-extract-error\"");
	assert_contains(r->body, "expands too much"); /* R-CAND-1: failure shown, not fatal */
	http_response_free(r);
	buf_free(&bomb);
	assert_no_soft_failures();
}

static void truncated_pdf_is_stored_and_the_server_survives(void **state)
{
	(void)state;
	long long id = create_candidate("Till", "Halbmann");
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	struct http_response *r = upload(weber, id, "halb.pdf", "application/pdf", pdf.data, pdf.len / 2);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	assert_contains(loc, "doc_added=");
	assert_server_answers();
	assert_int_equal(document_rows(id), 1);

	/* Stored; its extraction either failed visibly or found some text. */
	r = candidate_page(id, NULL);
	assert_contains(r->body, "halb.pdf");
	assert_true(strstr(r->body, "Text could not be read") || strstr(r->body, "Searchable"));
	assert_not_contains(r->body, "Text not read yet");
	http_response_free(r);
	buf_free(&pdf);
	assert_no_soft_failures();
}

static void file_of_50_mb_gets_413_and_nothing_is_stored(void **state)
{
	(void)state;
	long long id = create_candidate("Gustav", "Grossdatei");
	int files_before = stored_files();
	size_t n = (size_t)50 << 20;
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, ' ', n);
	memcpy(big, pdf.data, pdf.len);
	struct http_response *r = upload(weber, id, "riesig.pdf", "application/pdf", big, n);
	free(big);
	buf_free(&pdf);
	assert_status(r, 413); /* R-CAND-1, R-X-6 */
	/* a page in the layout that names the limit */
	assert_valid_html(r->body);
	assert_contains(r->body, "<p class=\"error-code\">413</p>");
	assert_contains(r->body, "10 MB");
	assert_contains(r->body, "Nothing was saved");
	assert_security_headers(r);
	http_response_free(r);

	assert_server_answers();
	assert_int_equal(document_rows(id), 0);
	assert_int_equal(stored_files(), files_before);

	/* The same session goes on working. */
	r = candidate_page(id, NULL);
	assert_contains(r->body, "No documents yet");
	http_response_free(r);
}

static void chunked_upload_over_the_limit_gets_413(void **state)
{
	(void)state;
	/* Without a Content-Length the limit is enforced on the running total. */
	long long id = create_candidate("Carla", "Chunkhuber");
	struct buf req = BUF_INIT;
	buf_printf(&req, "POST /candidates/%lld/documents HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\n"
			 "Content-Type: multipart/form-data; boundary=xyzzy\r\nTransfer-Encoding: chunked\r\n"
			 "Connection: close\r\n\r\n", id);
	static const char part_head[] = "--xyzzy\r\nContent-Disposition: form-data; name=\"document\"; "
					"filename=\"gross.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n";
	buf_printf(&req, "%zx\r\n%s\r\n", strlen(part_head), part_head);
	const size_t chunk = 64 * 1024, chunks = 12 * 16; /* 12 MB */
	char *block = malloc(chunk);
	assert_non_null(block);
	memset(block, 'p', chunk);
	for (size_t i = 0; i < chunks; i++) {
		buf_printf(&req, "%zx\r\n", chunk);
		buf_append(&req, block, chunk);
		buf_puts(&req, "\r\n");
	}
	free(block);
	buf_puts(&req, "0\r\n\r\n");
	size_t got = 0;
	char *reply = raw_exchange(srv.port, req.data, req.len, false, 20000, &got);
	buf_free(&req);
	assert_non_null(reply);
	assert_true(strncmp(reply, "HTTP/1.1 413", 12) == 0); /* R-X-6 */
	assert_contains(reply, "10 MB");
	free(reply);
	assert_server_answers();
	assert_int_equal(document_rows(id), 0);
}

static void huge_declared_upload_is_refused_at_once(void **state)
{
	(void)state;
	/* Beyond what is worth reading only to show the page: 413 before the
	 * body, the connection is not kept waiting for 300 MB. */
	long long id = create_candidate("Hugo", "Hunderttausend");
	char req[512];
	snprintf(req, sizeof req,
		 "POST /candidates/%lld/documents HTTP/1.1\r\nHost: t\r\nAccept-Language: en\r\n"
		 "Content-Type: multipart/form-data; boundary=xyzzy\r\nContent-Length: 300000000\r\n\r\n--xyzzy\r\n",
		 id);
	char *reply = raw_exchange(srv.port, req, strlen(req), false, 3000, NULL);
	assert_non_null(reply);
	assert_true(strncmp(reply, "HTTP/1.1 413", 12) == 0); /* R-X-6 */
	assert_contains(reply, "10 MB");
	free(reply);
	assert_server_answers();
}

static void file_just_over_the_limit_is_refused_at_the_field(void **state)
{
	(void)state;
	/* Within the body limit of the upload route (limit + multipart room),
	 * but the file itself is over 10 MB: the handler refuses it. */
	long long id = create_candidate("Frieda", "Knappdrueber");
	size_t n = ((size_t)10 << 20) + 4096;
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, '\n', n);
	memcpy(big, pdf.data, pdf.len);
	struct http_response *r = upload(weber, id, "knapp.pdf", "application/pdf", big, n);
	free(big);
	buf_free(&pdf);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	assert_contains(loc, "doc_error=too_large");
	r = candidate_page(id, strchr(loc, '?'));
	assert_contains(r->body, "larger than the limit of 10 MB");
	http_response_free(r);
	assert_int_equal(document_rows(id), 0);
	assert_no_soft_failures();
}

static void other_routes_keep_the_small_body_limit(void **state)
{
	(void)state;
	/* R-X-6: the upload limit is only for upload routes. */
	size_t n = (size_t)3 << 20;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	char csrf[128];
	fetch_csrf(weber, "/dashboard", csrf, sizeof csrf);
	struct multipart m;
	multipart_init(&m);
	multipart_field(&m, "csrf", csrf);
	multipart_file(&m, "document", "x.pdf", "application/pdf", big, n);
	free(big);
	struct http_response *r = http_post_multipart(weber, "/settings/profile", &m, NULL);
	multipart_free(&m);
	assert_status(r, 413);
	http_response_free(r);
	assert_server_answers();
}

static void interviewer_gets_403(void **state)
{
	(void)state;
	long long id = create_candidate("Ida", "Geheimakte");
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	struct http_response *r = upload(weber, id, "cv.pdf", "application/pdf", pdf.data, pdf.len);
	char loc[256];
	upload_redirect(r, id, loc, sizeof loc);
	http_response_free(r);
	char path[128];
	snprintf(path, sizeof path, "/candidates/%lld/documents/%lld", id, added_id(loc));

	/* R-X-2: until step 5 assigns candidates, interviewers see no documents. */
	struct http_client *hoffmann = client_logged_in(&srv, "hoffmann");
	r = http_get(hoffmann, path, NULL);
	assert_status(r, 403); /* R-X-2 */
	assert_int_not_equal(r->body_len, pdf.len);
	http_response_free(r);
	/* nor may they upload */
	r = upload(hoffmann, id, "cv.pdf", "application/pdf", pdf.data, pdf.len);
	assert_status(r, 403);
	http_response_free(r);
	assert_int_equal(document_rows(id), 1);
	http_client_free(hoffmann);

	/* without a session: to the login page */
	struct http_client *anon = http_client_new(&srv);
	r = http_get(anon, path, NULL);
	assert_redirect(r, "/login");
	http_response_free(r);
	http_client_free(anon);
	buf_free(&pdf);
}

static void document_of_another_candidate_is_404(void **state)
{
	(void)state;
	long long x = create_candidate("Xaver", "Erstmann");
	long long y = create_candidate("Yvonne", "Zweitfrau");
	struct buf pdf;
	make_pdf(&pdf, cv_lines);
	struct http_response *r = upload(weber, x, "cv-x.pdf", "application/pdf", pdf.data, pdf.len);
	char loc[256];
	upload_redirect(r, x, loc, sizeof loc);
	http_response_free(r);
	long long doc = added_id(loc);
	char path[128];
	snprintf(path, sizeof path, "/candidates/%lld/documents/%lld", y, doc);
	r = http_get(weber, path, NULL);
	assert_status(r, 404); /* R-CAND-1: only under its own candidate */
	assert_true(r->body_len != pdf.len || memcmp(r->body, pdf.data, pdf.len) != 0);
	http_response_free(r);
	/* an unknown document and an unknown candidate */
	snprintf(path, sizeof path, "/candidates/%lld/documents/%lld", x, doc + 100000);
	r = http_get(weber, path, NULL);
	assert_status(r, 404);
	http_response_free(r);
	r = upload(weber, 999999999, "cv.pdf", "application/pdf", pdf.data, pdf.len);
	assert_status(r, 404);
	http_response_free(r);
	buf_free(&pdf);
}

static void upload_limit_is_configurable(void **state)
{
	(void)state;
	/* --max-upload-mb 1: the form says so, and 2 MB is refused with 413. */
	struct server small;
	const char *const extra[] = { "--max-upload-mb", "1", NULL };
	server_start(&small, extra);
	char token[128];
	cli_token_create(&small, "weber", "documents limit", token, sizeof token, NULL);
	json_t *c = api_call_json(&small, token, "POST", "/api/v1/candidates",
				  "{\"first_name\":\"Lina\",\"last_name\":\"Limitiert\"}", 201);
	long long id = json_integer_value(json_object_get(c, "id"));
	json_decref(c);
	struct http_client *w = client_logged_in(&small, "weber");
	char path[96];
	snprintf(path, sizeof path, "/candidates/%lld", id);
	struct http_response *r = http_get(w, path, (const char *const[]){ "Accept-Language: en", NULL });
	assert_status(r, 200);
	assert_contains(r->body, "1 MB"); /* R-CAND-1: the limit is shown at the form */
	http_response_free(r);

	size_t n = (size_t)2 << 20;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'x', n);
	memcpy(big, "%PDF-1.4\n", 9);
	r = upload(w, id, "zwei.pdf", "application/pdf", big, n);
	free(big);
	assert_status(r, 413);
	assert_contains(r->body, "1 MB");
	http_response_free(r);
	http_client_free(w);
	/* server_stop frees every client still alive, this test's weber too */
	http_client_free(weber);
	weber = NULL;
	server_stop(&small);

	/* A bad value is a usage error naming the option. */
	struct cmd_result res;
	cmd_run(&res, (const char *const[]){ "serve", "--data", "/nonexistent", "--max-upload-mb", "0", NULL }, NULL, NULL);
	assert_int_not_equal(res.status, 0);
	assert_contains(res.err, "--max-upload-mb");
	cmd_result_free(&res);
	cmd_run(&res, (const char *const[]){ "serve", "--data", "/nonexistent", NULL },
		(const char *const[]){ "STELLWERK_MAX_UPLOAD_MB=lots", NULL }, NULL);
	assert_int_not_equal(res.status, 0);
	assert_contains(res.err, "STELLWERK_MAX_UPLOAD_MB");
	cmd_result_free(&res);
	cmd_run(&res, (const char *const[]){ "serve", "--help", NULL }, NULL, NULL);
	assert_int_equal(res.status, 0);
	assert_contains(res.out, "--max-upload-mb");
	cmd_result_free(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pdf_is_stored_listed_downloaded_and_searchable, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(non_ascii_name_is_encoded_in_the_download, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(renamed_executable_is_refused, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(empty_file_input_asks_for_a_file, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(docx_zip_bomb_is_stored_with_a_visible_failure, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(truncated_pdf_is_stored_and_the_server_survives, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(file_of_50_mb_gets_413_and_nothing_is_stored, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(chunked_upload_over_the_limit_gets_413, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(huge_declared_upload_is_refused_at_once, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(file_just_over_the_limit_is_refused_at_the_field, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(other_routes_keep_the_small_body_limit, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(interviewer_gets_403, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(document_of_another_candidate_is_404, test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(upload_limit_is_configurable, test_setup, test_teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
