/*
 * test_apply.c — black-box tests of applying through the career page
 * (R-AD-5) against the real server: the form below a published ad, a
 * submission with a generated PDF that lands the candidate in the first
 * stage with channel career_page, consents with time and notice version and
 * the CV; refused submissions (missing consent, bad email, a renamed
 * executable as CV) answered at the field with nothing stored (R-X-6); the
 * honeypot answered like a success with nothing stored; the per-IP rate
 * limit; an ad that is no longer published; the same email applying again;
 * and the privacy notice under Settings: admins only (R-X-2), saving
 * creates a new version that later consents name.
 *
 * What was stored is read back through the JSON API with an admin token and,
 * for consents and documents (not in the API), from the database file.
 * Each test gets its own demo server, so the rate limit starts afresh.
 *
 * Demo data: position 1 "Key Account Manager Industriekunden" with the
 * published German ad key-account-manager-industriekunden; users admin,
 * weber (recruiter).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#define KAM_SLUG "key-account-manager-industriekunden"
#define BOUNDARY "----stellwerk-test-boundary-7f3a"

static struct server srv;
static char tok_admin[128];

static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "apply test", tok_admin, sizeof tok_admin, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* ---- the database as the judge of consents and documents ------------------------------------------ */

/* The first column of the first row of a query as an integer (0 for none). */
static long long db_int(const char *sql)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	sqlite3_busy_timeout(db, 10000);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The first column of the first row as text into out ("" for none). */
static void db_text(const char *sql, char *out, size_t n)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	sqlite3_busy_timeout(db, 10000);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	const unsigned char *t = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	snprintf(out, n, "%s", t ? (const char *)t : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Rows that an application writes: candidates, applications, consents,
 * documents and timeline events, summed up so "nothing stored" is one
 * comparison. */
static long long stored_rows(void)
{
	return db_int("SELECT (SELECT count(*) FROM candidates) + (SELECT count(*) FROM applications)"
		      " + (SELECT count(*) FROM consents) + (SELECT count(*) FROM candidate_documents)"
		      " + (SELECT count(*) FROM application_events)");
}

/* ---- files to upload ------------------------------------------------------------------------------ */

/* A minimal valid one-page PDF whose page shows text; correct xref offsets.
 * Returns its length; out must hold 2048 bytes. */
static size_t make_pdf(char *out, const char *text)
{
	char content[256];
	int clen = snprintf(content, sizeof content, "BT /F1 12 Tf 72 712 Td (%s) Tj ET\n", text);
	long off[6];
	size_t len = 0;
	len += (size_t)sprintf(out + len, "%%PDF-1.4\n");
	off[1] = (long)len;
	len += (size_t)sprintf(out + len, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[2] = (long)len;
	len += (size_t)sprintf(out + len, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[3] = (long)len;
	len += (size_t)sprintf(out + len, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
					  " /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
	off[4] = (long)len;
	len += (size_t)sprintf(out + len, "4 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n", clen, content);
	off[5] = (long)len;
	len += (size_t)sprintf(out + len, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	long xref = (long)len;
	len += (size_t)sprintf(out + len, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		len += (size_t)sprintf(out + len, "%010ld 00000 n \n", off[i]);
	len += (size_t)sprintf(out + len, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
	return len;
}

/* The start of an x86-64 ELF executable (NUL bytes included). */
static const unsigned char ELF_BYTES[64] = {
	0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0x40, 0,
	0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0x90, 0x11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0x38, 0,
	0x0d, 0, 0x40, 0, 0x1f, 0, 0x1e, 0,
};

/* ---- submitting the form ---------------------------------------------------------------------------- */

struct file_part {
	const char *name;      /* file name as the browser sends it */
	const char *type;
	const void *data;
	size_t len;
};

struct body {
	char *data;
	size_t len, cap;
};

static void body_add(struct body *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		assert_non_null(b->data);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void body_str(struct body *b, const char *s)
{
	body_add(b, s, strlen(s));
}

static void body_field(struct body *b, const char *name, const char *value)
{
	body_str(b, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"");
	body_str(b, name);
	body_str(b, "\"\r\n\r\n");
	body_str(b, value);
	body_str(b, "\r\n");
}

/* The form page's CSRF token and notice version for this client. */
static void form_tokens(struct http_client *c, char *csrf, size_t n, char *version, size_t vn)
{
	struct http_response *r = get_page(c, "/jobs/" KAM_SLUG, 200);
	if (!html_csrf(r->body, csrf, n))
		fail_msg("the job page has no CSRF token");
	const char *v = strstr(r->body, "name=\"notice_version\" value=\"");
	if (!v)
		fail_msg("the job page has no notice version");
	v += strlen("name=\"notice_version\" value=\"");
	snprintf(version, vn, "%.*s", (int)strcspn(v, "\""), v);
	http_response_free(r);
}

/* POSTs the application form to /jobs/SLUG/apply as multipart: fields is a
 * NULL-terminated list of name, value pairs; file may be NULL. The CSRF
 * token and notice version come from the client's view of the job page
 * unless fields names them. The caller frees the response. */
static struct http_response *apply(struct http_client *c, const char *slug, const char *const *fields,
				   const struct file_part *file)
{
	char csrf[128], version[32], path[160];
	form_tokens(c, csrf, sizeof csrf, version, sizeof version);
	struct body b = { 0 };
	bool own_version = false;
	for (size_t i = 0; fields[i]; i += 2) {
		body_field(&b, fields[i], fields[i + 1]);
		own_version |= strcmp(fields[i], "notice_version") == 0;
	}
	body_field(&b, "csrf", csrf);
	if (!own_version)
		body_field(&b, "notice_version", version);
	body_str(&b, "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"");
	body_str(&b, file ? file->name : "");
	body_str(&b, "\"\r\nContent-Type: ");
	body_str(&b, file ? file->type : "application/octet-stream");
	body_str(&b, "\r\n\r\n");
	if (file)
		body_add(&b, file->data, file->len);
	body_str(&b, "\r\n--" BOUNDARY "--\r\n");
	const char *const headers[] = { "Content-Type: multipart/form-data; boundary=" BOUNDARY, NULL };
	snprintf(path, sizeof path, "/jobs/%s/apply", slug);
	struct http_response *r = http_request(c, "POST", path, headers, b.data, b.len);
	free(b.data);
	return r;
}

/* The usual fields of a complete application; email varies per test. */
#define APPLICANT(email)                                                                                          \
	"first_name", "Lena", "last_name", "Brückner", "email", email, "phone", "+49 40 1234567", "message",       \
		"Ich freue mich auf das Gespräch.", "privacy", "1"

/* The candidate with this email via the API (admin); NULL when none. The
 * caller decrefs. */
static json_t *candidate_by_email(const char *email)
{
	json_t *list = api_call_json(&srv, tok_admin, "GET", "/api/v1/candidates?limit=1000", NULL, 200);
	json_t *arr = json_object_get(list, "candidates"), *found = NULL, *c;
	size_t i;
	json_array_foreach(arr, i, c)
		if (json_string_value(json_object_get(c, "email")) &&
		    strcmp(json_string_value(json_object_get(c, "email")), email) == 0)
			found = c;
	if (!found) {
		json_decref(list);
		return NULL;
	}
	char path[64];
	snprintf(path, sizeof path, "/api/v1/candidates/%lld", (long long)json_integer_value(json_object_get(found, "id")));
	json_decref(list);
	return api_call_json(&srv, tok_admin, "GET", path, NULL, 200);
}

/* The text of the field error of field name in html ("" when none). */
static void field_error_text(const char *html, const char *name, char *out, size_t n)
{
	char needle[80];
	snprintf(needle, sizeof needle, "id=\"f-%s-err\">", name);
	const char *p = strstr(html, needle);
	if (!p) {
		snprintf(out, n, "%s", "");
		return;
	}
	p += strlen(needle);
	snprintf(out, n, "%.*s", (int)strcspn(p, "<"), p);
}

/* ---- tests ------------------------------------------------------------------------------------------------ */

/* R-AD-5: the published ad shows the form: every field, the privacy notice
 * with the company, the consent boxes, the honeypot out of reach, CSRF. */
static void form_on_job_page(void **state)
{
	(void)state;
	struct http_client *anon = http_client_new(&srv);
	struct http_response *r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	assert_contains(r->body, "action=\"/jobs/" KAM_SLUG "/apply\"");
	assert_contains(r->body, "enctype=\"multipart/form-data\"");
	assert_contains(r->body, "name=\"csrf\"");
	for (const char *const *f = (const char *const[]){ "first_name", "last_name", "email", "phone", "message", "cv",
							     "privacy", "talent_pool", NULL };
	     *f; f++) {
		char needle[64];
		snprintf(needle, sizeof needle, "name=\"%s\"", *f);
		assert_contains(r->body, needle);
	}
	assert_contains(r->body, "accept=\".pdf,.docx");
	assert_contains(r->body, "class=\"privacy-notice\"");
	/* the honeypot: hidden, not focusable, not autofilled */
	assert_contains(r->body, "<div class=\"hp-field\" aria-hidden=\"true\">");
	assert_contains(r->body, "name=\"website\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"");
	/* the privacy checkbox is required, the talent pool one is not */
	assert_contains(r->body, "name=\"privacy\" type=\"checkbox\" value=\"1\" required");
	assert_not_contains(r->body, "name=\"talent_pool\" type=\"checkbox\" value=\"1\" required");
	/* the notice names no placeholder, but the company */
	assert_not_contains(r->body, "{company}");
	assert_valid_html(r->body);
	http_response_free(r);
	http_client_free(anon);
	assert_no_soft_failures();
}

/* R-AD-5: a complete application with a PDF: thanks page; the candidate
 * with channel career_page, an application in stage "identified" of
 * position 1, the message as a note, the privacy and talent-pool consents
 * with time and notice version "de-0", and the CV. */
static void apply_with_pdf(void **state)
{
	(void)state;
	char pdf[2048];
	size_t pdf_len = make_pdf(pdf, "Vertriebserfahrung Maschinenbau Schluesselkunden");
	struct file_part cv = { "Lebenslauf Lena.pdf", "application/pdf", pdf, pdf_len };
	long long rows = stored_rows();
	long long before = time(NULL);

	struct http_client *anon = http_client_new(&srv);
	const char *const fields[] = { APPLICANT("lena.brueckner@example.org"), "talent_pool", "1", NULL };
	struct http_response *r = apply(anon, KAM_SLUG, fields, &cv);
	assert_status(r, 303);
	assert_redirect(r, "/jobs/" KAM_SLUG "/thanks");
	char loc[256];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_null(strstr(loc, "@")); /* no personal data in the address */
	assert_null(strstr(loc, "Lena"));
	http_response_free(r);

	r = get_page(anon, "/jobs/" KAM_SLUG "/thanks", 200);
	assert_contains(r->body, "<h1>");
	assert_contains(r->body, "Key Account Manager");
	assert_valid_html(r->body);
	http_response_free(r);
	http_client_free(anon);

	json_t *c = candidate_by_email("lena.brueckner@example.org");
	assert_non_null(c);
	assert_string_equal(json_string_value(json_object_get(c, "channel")), "career_page");
	assert_string_equal(json_string_value(json_object_get(c, "first_name")), "Lena");
	assert_string_equal(json_string_value(json_object_get(c, "last_name")), "Brückner");
	assert_string_equal(json_string_value(json_object_get(c, "phone")), "+49 40 1234567");
	json_t *apps = json_object_get(c, "applications");
	assert_int_equal(json_array_size(apps), 1);
	json_t *a = json_array_get(apps, 0);
	assert_int_equal(json_integer_value(json_object_get(a, "position_id")), 1);
	assert_string_equal(json_string_value(json_object_get(a, "stage")), "identified");
	assert_string_equal(json_string_value(json_object_get(a, "channel")), "career_page");
	long long id = json_integer_value(json_object_get(c, "id"));
	json_decref(c);

	char sql[256], text[4096];
	snprintf(sql, sizeof sql, "SELECT notice_version FROM consents WHERE candidate_id = %lld AND kind = 'privacy'", id);
	db_text(sql, text, sizeof text);
	assert_string_equal(text, "de-0"); /* R-X-5: consent records name the notice version */
	snprintf(sql, sizeof sql, "SELECT given_at FROM consents WHERE candidate_id = %lld AND kind = 'privacy'", id);
	long long given = db_int(sql);
	assert_true(given >= before && given <= (long long)time(NULL));
	snprintf(sql, sizeof sql, "SELECT expires_at IS NULL OR expires_at = 0 FROM consents WHERE candidate_id = %lld"
				  " AND kind = 'privacy'", id);
	assert_int_equal(db_int(sql), 1);
	/* R-X-5: talent-pool consent with expiry — 24 months, i.e. between 729 and 732 days */
	snprintf(sql, sizeof sql, "SELECT expires_at - given_at FROM consents WHERE candidate_id = %lld AND kind = 'talent_pool'",
		 id);
	long long span = db_int(sql);
	assert_true(span >= 729LL * 86400 && span <= 732LL * 86400);
	snprintf(sql, sizeof sql, "SELECT notice_version FROM consents WHERE candidate_id = %lld AND kind = 'talent_pool'", id);
	db_text(sql, text, sizeof text);
	assert_string_equal(text, "de-0");

	/* the CV, under its shown name, stored as a PDF of the same size */
	snprintf(sql, sizeof sql, "SELECT original_name || '|' || mime || '|' || size FROM candidate_documents"
				  " WHERE candidate_id = %lld", id);
	db_text(sql, text, sizeof text);
	char want[128];
	snprintf(want, sizeof want, "Lebenslauf Lena.pdf|application/pdf|%zu", pdf_len);
	assert_string_equal(text, want);
	/* listed on the candidate's page; its text extracted and searchable */
	struct http_client *admin = client_logged_in(&srv, "admin");
	snprintf(sql, sizeof sql, "/candidates/%lld", id);
	r = get_page(admin, sql, 200);
	assert_contains(r->body, "Lebenslauf Lena.pdf");
	http_response_free(r);
	http_client_free(admin);
	snprintf(sql, sizeof sql, "SELECT extract_status FROM candidate_documents WHERE candidate_id = %lld", id);
	db_text(sql, text, sizeof text);
	assert_string_equal(text, "ok");
	json_t *hits = api_call_json(&srv, tok_admin, "GET", "/api/v1/candidates?q=Schluesselkunden", NULL, 200);
	assert_int_equal(json_array_size(json_object_get(hits, "candidates")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(hits, "candidates"), 0), "id")), id);
	json_decref(hits);
	/* the message is a note on the application */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM application_events WHERE candidate_id = %lld AND kind = 'note'"
				  " AND text = 'Ich freue mich auf das Gespräch.'", id);
	assert_int_equal(db_int(sql), 1);
	assert_true(stored_rows() > rows);
	assert_no_soft_failures();
}

/* R-AD-5, R-X-6: without the privacy consent, with a bad email or with a
 * renamed executable as CV: 422, the error at the field, what was typed
 * kept, nothing stored. */
static void refused_submissions_store_nothing(void **state)
{
	(void)state;
	long long rows = stored_rows();
	long long candidates = db_int("SELECT count(*) FROM candidates");
	struct http_client *anon = http_client_new(&srv);
	char err[512];

	/* no consent */
	const char *const no_consent[] = { "first_name", "Jonas", "last_name", "Keller", "email", "jonas@example.org", NULL };
	struct http_response *r = apply(anon, KAM_SLUG, no_consent, NULL);
	assert_status(r, 422);
	field_error_text(r->body, "privacy", err, sizeof err);
	assert_true(strlen(err) > 10);
	assert_contains(r->body, "href=\"#f-privacy\"");
	assert_contains(r->body, "value=\"jonas@example.org\"");
	assert_contains(r->body, "value=\"Keller\"");
	soft_check_html("no consent", r->body);
	http_response_free(r);

	/* bad email */
	const char *const bad_email[] = { "first_name", "Jonas", "last_name", "Keller", "email", "jonas.example.org",
					  "privacy", "1", NULL };
	r = apply(anon, KAM_SLUG, bad_email, NULL);
	assert_status(r, 422);
	field_error_text(r->body, "email", err, sizeof err);
	assert_true(strlen(err) > 10);
	field_error_text(r->body, "privacy", err, sizeof err);
	assert_string_equal(err, "");
	assert_contains(r->body, "name=\"privacy\" type=\"checkbox\" value=\"1\" required checked");
	soft_check_html("bad email", r->body);
	http_response_free(r);

	/* a renamed executable */
	struct file_part exe = { "lebenslauf.pdf", "application/pdf", ELF_BYTES, sizeof ELF_BYTES };
	const char *const fields[] = { APPLICANT("jonas@example.org"), NULL };
	r = apply(anon, KAM_SLUG, fields, &exe);
	assert_status(r, 422);
	field_error_text(r->body, "cv", err, sizeof err);
	assert_non_null(strstr(err, "PDF"));
	soft_check_html("executable", r->body);
	http_response_free(r);

	assert_int_equal(db_int("SELECT count(*) FROM candidates"), candidates);
	assert_int_equal(stored_rows(), rows);
	assert_int_equal(db_int("SELECT count(*) FROM candidates WHERE email = 'jonas@example.org'"), 0);
	http_client_free(anon);
	assert_no_soft_failures();
}

/* R-AD-5: a filled honeypot is answered exactly like a success and stores
 * nothing. */
static void honeypot_stores_nothing(void **state)
{
	(void)state;
	long long rows = stored_rows();
	struct http_client *anon = http_client_new(&srv);
	const char *const fields[] = { APPLICANT("bot@example.org"), "website", "http://spam.example", NULL };
	struct http_response *r = apply(anon, KAM_SLUG, fields, NULL);
	assert_status(r, 303);
	assert_redirect(r, "/jobs/" KAM_SLUG "/thanks");
	http_response_free(r);
	assert_int_equal(stored_rows(), rows);
	http_client_free(anon);
}

/* R-AD-5: at most five submissions per IP and hour; the sixth is 429 with
 * a polite page and Retry-After, and stores nothing even when complete. */
static void rate_limit_per_ip(void **state)
{
	(void)state;
	struct http_client *anon = http_client_new(&srv);
	const char *const incomplete[] = { "first_name", "Max", "email", "max@example.org", NULL };
	for (int i = 0; i < 5; i++) {
		struct http_response *r = apply(anon, KAM_SLUG, incomplete, NULL);
		assert_status(r, 422);
		http_response_free(r);
	}
	long long rows = stored_rows();
	const char *const fields[] = { APPLICANT("max@example.org"), NULL };
	struct http_response *r = apply(anon, KAM_SLUG, fields, NULL);
	assert_status(r, 429);
	char retry[32];
	assert_true(http_header(r, "Retry-After", retry, sizeof retry));
	assert_contains(r->body, "<p class=\"error-code\">429</p>");
	assert_valid_html(r->body);
	http_response_free(r);
	assert_int_equal(stored_rows(), rows);
	http_client_free(anon);
}

/* R-AD-5: an ad taken down takes no applications (410); an unknown address
 * is 404. */
static void unpublished_ad_takes_no_applications(void **state)
{
	(void)state;
	struct http_client *anon = http_client_new(&srv);
	const char *const fields[] = { APPLICANT("late@example.org"), NULL };
	struct http_response *r = apply(anon, "no-such-job", fields, NULL);
	assert_status(r, 404);
	http_response_free(r);

	struct http_client *admin = client_logged_in(&srv, "admin");
	r = post_form_with_csrf(admin, "/positions/1/ad", "/positions/1/ad/unpublish", "", 303);
	http_response_free(r);
	long long rows = stored_rows();
	/* the form was loaded before the ad was taken down: the token is still
	 * the client's, the page itself is gone now */
	char csrf[128];
	r = get_page(anon, "/jobs/" KAM_SLUG, 410);
	http_response_free(r);
	assert_true(http_cookie(anon, "sw_csrf", csrf, sizeof csrf));
	char body[512];
	snprintf(body, sizeof body, "csrf=%s&first_name=Late&last_name=Comer&email=late%%40example.org&privacy=1", csrf);
	r = http_post_form(anon, "/jobs/" KAM_SLUG "/apply", body, NULL);
	assert_status(r, 410);
	http_response_free(r);
	assert_int_equal(stored_rows(), rows);
	http_client_free(admin);
	http_client_free(anon);
}

/* R-AD-5, R-CAND-5: an email that is already known attaches the application
 * to that candidate (no duplicate person); applying again for the same
 * position is answered kindly and stores nothing. */
static void known_email_no_duplicate(void **state)
{
	(void)state;
	json_t *c = api_call_json(&srv, tok_admin, "POST", "/api/v1/candidates",
				  "{\"first_name\":\"Petra\",\"last_name\":\"Sommer\",\"email\":\"Petra.Sommer@example.org\","
				  "\"channel\":\"linkedin\"}",
				  201);
	long long id = json_integer_value(json_object_get(c, "id"));
	json_decref(c);
	long long candidates = db_int("SELECT count(*) FROM candidates");

	struct http_client *anon = http_client_new(&srv);
	const char *const fields[] = { "first_name", "Petra", "last_name", "Sommer", "email", "petra.sommer@example.org",
				       "privacy", "1", NULL };
	struct http_response *r = apply(anon, KAM_SLUG, fields, NULL);
	assert_status(r, 303);
	http_response_free(r);
	assert_int_equal(db_int("SELECT count(*) FROM candidates"), candidates);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM applications WHERE candidate_id = %lld AND position_id = 1", id);
	assert_int_equal(db_int(sql), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM consents WHERE candidate_id = %lld AND kind = 'privacy'", id);
	assert_int_equal(db_int(sql), 1);

	long long rows = stored_rows();
	r = apply(anon, KAM_SLUG, fields, NULL);
	assert_status(r, 409);
	assert_contains(r->body, "flash-info");
	assert_contains(r->body, "href=\"/jobs/" KAM_SLUG "\"");
	assert_not_contains(r->body, "action=\"/jobs/" KAM_SLUG "/apply\"");
	soft_check_html("already applied", r->body);
	http_response_free(r);
	assert_int_equal(stored_rows(), rows);
	http_client_free(anon);
	assert_no_soft_failures();
}

/* R-AD-5, R-X-2: the privacy notice is edited by admins only; a preview
 * saves nothing; saving creates version 1, shown on the job page, and
 * consents given afterwards name "de-1"; a form loaded before the change is
 * asked to confirm the new text. */
static void privacy_notice_versions(void **state)
{
	(void)state;
	struct http_client *weber = client_logged_in(&srv, "weber");
	struct http_response *r = http_get(weber, "/settings/privacy", NULL);
	assert_status(r, 403);
	http_response_free(r);
	r = get_page(weber, "/settings", 200);
	assert_not_contains(r->body, "href=\"/settings/privacy\"");
	http_response_free(r);
	http_client_free(weber);

	/* a form loaded now shows version 0 */
	struct http_client *anon = http_client_new(&srv);
	char csrf_old[128], version_old[32];
	form_tokens(anon, csrf_old, sizeof csrf_old, version_old, sizeof version_old);
	assert_string_equal(version_old, "0");

	struct http_client *admin = client_logged_in(&srv, "admin");
	r = get_page(admin, "/settings", 200);
	assert_contains(r->body, "href=\"/settings/privacy\"");
	http_response_free(r);
	r = get_page(admin, "/settings/privacy", 200);
	assert_contains(r->body, "id=\"de-text\"");
	assert_contains(r->body, "id=\"en-text\"");
	assert_contains(r->body, "id=\"de-version\" data-version=\"0\"");
	http_response_free(r);

	char *text = url_encode("Datenschutzhinweis von {company}\n\nWir speichern Ihre Daten sechs Monate.");
	char form[512];
	snprintf(form, sizeof form, "lang=de&action=preview&text=%s", text);
	r = post_form_with_csrf(admin, "/settings/privacy", "/settings/privacy", form, 200);
	assert_contains(r->body, "Wir speichern Ihre Daten sechs Monate.");
	assert_not_contains(r->body, "Datenschutzhinweis von {company}</p>");
	http_response_free(r);
	assert_int_equal(db_int("SELECT count(*) FROM privacy_notices"), 0);

	snprintf(form, sizeof form, "lang=de&action=save&text=");
	r = post_form_with_csrf(admin, "/settings/privacy", "/settings/privacy", form, 422);
	assert_contains(r->body, "id=\"de-text-err\"");
	http_response_free(r);
	assert_int_equal(db_int("SELECT count(*) FROM privacy_notices"), 0);

	snprintf(form, sizeof form, "lang=de&action=save&text=%s", text);
	free(text);
	r = post_form_with_csrf(admin, "/settings/privacy", "/settings/privacy", form, 303);
	assert_redirect(r, "/settings/privacy?done=saved");
	http_response_free(r);
	assert_int_equal(db_int("SELECT count(*) FROM privacy_notices WHERE lang = 'de'"), 1);
	long long v = db_int("SELECT max(version) FROM privacy_notices WHERE lang = 'de'");
	r = get_page(admin, "/settings/privacy", 200);
	char needle[64];
	snprintf(needle, sizeof needle, "id=\"de-version\" data-version=\"%lld\"", v);
	assert_contains(r->body, needle);
	http_response_free(r);
	http_client_free(admin);

	/* the old form: asked to confirm the new text, nothing stored */
	long long rows = stored_rows();
	const char *const fields[] = { APPLICANT("nora@example.org"), "notice_version", version_old, NULL };
	r = apply(anon, KAM_SLUG, fields, NULL);
	assert_status(r, 422);
	char err[256];
	field_error_text(r->body, "privacy", err, sizeof err);
	assert_true(strlen(err) > 10);
	assert_contains(r->body, "Wir speichern Ihre Daten sechs Monate.");
	http_response_free(r);
	assert_int_equal(stored_rows(), rows);

	/* the job page shows the new text with the company; consents name it */
	r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	assert_contains(r->body, "Wir speichern Ihre Daten sechs Monate.");
	assert_not_contains(r->body, "{company}");
	http_response_free(r);
	const char *const fresh[] = { APPLICANT("nora@example.org"), NULL };
	r = apply(anon, KAM_SLUG, fresh, NULL);
	assert_status(r, 303);
	http_response_free(r);
	char want[32], got[32];
	snprintf(want, sizeof want, "de-%lld", v);
	db_text("SELECT k.notice_version FROM consents k JOIN candidates c ON c.id = k.candidate_id"
		" WHERE c.email = 'nora@example.org'",
		got, sizeof got);
	assert_string_equal(got, want);
	http_client_free(anon);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(form_on_job_page, setup, teardown),
		cmocka_unit_test_setup_teardown(apply_with_pdf, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_submissions_store_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(honeypot_stores_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(rate_limit_per_ip, setup, teardown),
		cmocka_unit_test_setup_teardown(unpublished_ad_takes_no_applications, setup, teardown),
		cmocka_unit_test_setup_teardown(known_email_no_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(privacy_notice_versions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
