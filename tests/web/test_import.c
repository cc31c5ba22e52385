/*
 * test_import.c — black-box tests of the candidate CSV import in the UI
 * (R-CAND-4, issue 5 "Import and export") against the real server: a file
 * with ';', a BOM and a quoted field holding a line break and quotes is
 * previewed with its header mapping and rows, runs in the background until
 * its status says done, and the candidates exist with the right fields
 * (checked through the JSON API); a file with a broken row lists the
 * problem with its line number, refuses the run and imports nothing;
 * re-mapping a column in the preview changes what is imported; another
 * user's import is 404 and an interviewer gets 403 (R-X-2).
 */
#include "harness.h"
#include "multipart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *weber; /* recruiter, pages in English */

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "import test", tok_weber, sizeof tok_weber, NULL);
	weber = client_logged_in(&srv, "weber");
	/* The demo recruiter prefers German; the assertions below read English. */
	struct http_response *r = post_form_with_csrf(weber, "/dashboard", "/lang", "lang=en&next=%2Fdashboard", 303);
	http_response_free(r);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	weber = NULL;
	server_stop(&srv);
	return 0;
}

static int test_setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

/* ---- helpers ------------------------------------------------------------------------------------ */

/* Uploads csv as the field "file" (and position when not NULL) and returns the answer. */
static struct http_response *upload(struct http_client *c, const char *csv, const char *position)
{
	char csrf[128];
	fetch_csrf(c, "/candidates/import", csrf, sizeof csrf);
	struct multipart m;
	multipart_init(&m);
	multipart_field(&m, "csrf", csrf);
	if (position)
		multipart_field(&m, "position", position);
	multipart_file(&m, "file", "kandidaten.csv", "text/csv", csv, strlen(csv));
	struct http_response *r = http_post_multipart(c, "/candidates/import", &m, NULL);
	multipart_free(&m);
	return r;
}

/* The staged id from the preview's form action "/candidates/import/ID/run". */
static void staged_key(const char *html, char *key, size_t n)
{
	const char *p = strstr(html, "action=\"/candidates/import/");
	assert_non_null(p);
	p += strlen("action=\"/candidates/import/");
	size_t len = strcspn(p, "/\"");
	assert_true(len > 0 && len < n);
	memcpy(key, p, len);
	key[len] = '\0';
}

/* Number of stored candidates, as the API lists them. */
static size_t candidate_count(void)
{
	json_t *j = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?limit=1000", NULL, 200);
	size_t n = json_array_size(json_object_get(j, "candidates"));
	json_decref(j);
	return n;
}

/* The one candidate the search word finds (asserted); caller decrefs. */
static json_t *find_candidate(const char *word)
{
	char path[128];
	snprintf(path, sizeof path, "/api/v1/candidates?q=%s", word);
	json_t *j = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	json_t *arr = json_object_get(j, "candidates");
	if (json_array_size(arr) != 1)
		fail_msg("search for %s found %zu candidates, expected 1", word, json_array_size(arr));
	json_t *c = json_incref(json_array_get(arr, 0));
	json_decref(j);
	return c;
}

static const char *str_of(const json_t *j, const char *key)
{
	const char *s = json_string_value(json_object_get(j, key));
	if (!s)
		fail_msg("no string member %s", key);
	return s;
}

/* POSTs form (plus the CSRF token) to /candidates/import/KEY/ACTION. */
static struct http_response *post_action(struct http_client *c, const char *key, const char *action, const char *form,
					 long status)
{
	char path[160];
	snprintf(path, sizeof path, "/candidates/import/%s/%s", key, action);
	return post_form_with_csrf(c, "/candidates/import", path, form, status);
}

/* Polls the status JSON until the run is no longer running (60 s at most);
 * returns the final status object (caller decrefs). */
static json_t *wait_for_run(struct http_client *c, const char *key)
{
	char path[160];
	snprintf(path, sizeof path, "/candidates/import/%s/status", key);
	for (int i = 0; i < 1200; i++) {
		struct http_response *r = http_get(c, path, NULL);
		assert_status(r, 200);
		json_t *st = http_json(r);
		http_response_free(r);
		const char *state = json_string_value(json_object_get(st, "state"));
		assert_non_null(state);
		if (strcmp(state, "running") != 0)
			return st;
		json_decref(st);
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	fail_msg("the import did not finish within 60 s");
	return NULL;
}

/* ---- tests -------------------------------------------------------------------------------------- */

/* R-CAND-4: ';', BOM, German headers, a quoted field with a line break and
 * doubled quotes, an unknown column; preview, run, candidates stored. */
static void upload_preview_run_imports_with_the_right_fields(void **state)
{
	(void)state;
	static const char csv[] =
		"\xEF\xBB\xBFVorname;Nachname;E-Mail;Firma;Notizen;Lieblingsfarbe\r\n"
		"Ingrid;Zimmerbeck;ingrid.zimmerbeck@example.org;\"Die \"\"beste\"\" Firma\nzweite Zeile\";"
		"Kennt uns von der Messe;blau\r\n"
		"Oskar;Lindqvaart;oskar.lindqvaart@example.org;Nordwind AG;;gr\xC3\xBCn\r\n";
	size_t before = candidate_count();

	struct http_response *r = upload(weber, csv, NULL);
	assert_status(r, 200);
	soft_check_html("preview", r->body);
	assert_contains(r->body, "<code>;</code>");                       /* R-CAND-4: delimiter detected */
	assert_contains(r->body, "<option value=\"first_name\" selected>");  /* R-CAND-4: Vorname → first_name */
	assert_contains(r->body, "<option value=\"current_company\" selected>"); /* Firma */
	assert_contains(r->body, "<option value=\"notes\" selected>");
	assert_contains(r->body, "Lieblingsfarbe");
	assert_contains(r->body, "Not a known column: ignored.");
	assert_contains(r->body, "Zimmerbeck");                            /* the rows are shown */
	assert_contains(r->body, "beste&quot; Firma\nzweite Zeile");       /* R-CAND-4: embedded quote and newline */
	assert_contains(r->body, "Import 2 rows");
	assert_not_contains(r->body, "import-blocked");
	char key[64];
	staged_key(r->body, key, sizeof key);
	http_response_free(r);

	r = post_action(weber, key, "run", "", 303);
	char loc[200], want[200];
	snprintf(want, sizeof want, "/candidates/import/%s", key);
	assert_true(http_header(r, "Location", loc, sizeof loc));
	assert_string_equal(loc, want);
	http_response_free(r);

	json_t *st = wait_for_run(weber, key);
	assert_string_equal(json_string_value(json_object_get(st, "state")), "done"); /* R-CAND-4 */
	assert_int_equal(json_integer_value(json_object_get(st, "imported")), 2);
	assert_int_equal(json_integer_value(json_object_get(st, "skipped")), 0);
	json_decref(st);

	r = get_page(weber, want, 200);
	assert_contains(r->body, "Imported 2 candidates (0 skipped as duplicates).");
	assert_contains(r->body, "<progress");
	assert_contains(r->body, "href=\"/candidates\"");
	http_response_free(r);

	assert_int_equal(candidate_count(), before + 2); /* R-CAND-4 */
	json_t *c = find_candidate("Zimmerbeck");
	assert_string_equal(str_of(c, "first_name"), "Ingrid");
	assert_string_equal(str_of(c, "email"), "ingrid.zimmerbeck@example.org");
	assert_string_equal(str_of(c, "current_company"), "Die \"beste\" Firma\nzweite Zeile"); /* R-CAND-4 */
	json_decref(c);
	c = find_candidate("Lindqvaart");
	assert_string_equal(str_of(c, "current_company"), "Nordwind AG");
	json_decref(c);

	/* The staged file is gone after the run: a new preview of it is 404. */
	r = post_action(weber, key, "preview", "", 404);
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-CAND-4 (issue 5 tests: a CSV with a broken row): the problems are
 * listed with line numbers, the run is refused and nothing is imported. */
static void broken_row_is_listed_and_nothing_is_imported(void **state)
{
	(void)state;
	static const char csv[] =
		"first_name,last_name,email\r\n"
		"Greta,Kaltwasser,greta.kaltwasser@example.org\r\n"
		"Hannes,Brodtmann,kein-at-zeichen\r\n"
		"Ida,\"Ungeschlossen,ida@example.org\r\n";
	size_t before = candidate_count();

	struct http_response *r = upload(weber, csv, NULL);
	assert_status(r, 200);
	soft_check_html("preview with problems", r->body);
	assert_contains(r->body, "Line 3 · <code>email</code>");            /* R-CAND-4: line number and field */
	assert_contains(r->body, "Line 4");                                  /* the unterminated quote */
	assert_contains(r->body, "nothing is imported until the file is clean");
	assert_contains(r->body, "disabled aria-describedby=\"import-blocked\""); /* the import button */
	char key[64];
	staged_key(r->body, key, sizeof key);
	http_response_free(r);

	/* Forcing the run anyway is refused. */
	r = post_action(weber, key, "run", "", 422);
	assert_contains(r->body, "nothing is imported until the file is clean");
	http_response_free(r);
	assert_int_equal(candidate_count(), before); /* R-CAND-4: nothing half-imported */

	char path[160];
	snprintf(path, sizeof path, "/candidates/import/%s/status", key);
	r = http_get(weber, path, NULL);
	assert_int_equal(r->status, 404); /* no run was started */
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-CAND-4: the header mapping can be changed in the preview, and the run
 * imports with the chosen mapping. */
static void remapped_column_changes_what_is_imported(void **state)
{
	(void)state;
	static const char csv[] =
		"Name;Kontakt;Firma\r\n"
		"Wilma Quernheim;wilma.quernheim@example.org;Heimwerk GmbH\r\n";

	struct http_response *r = upload(weber, csv, NULL);
	assert_status(r, 200);
	assert_contains(r->body, "Not a known column: ignored."); /* "Kontakt" names no field */
	char key[64];
	staged_key(r->body, key, sizeof key);
	http_response_free(r);

	/* Kontakt → email, Firma → ignored. */
	r = post_action(weber, key, "preview", "col0=name&col1=email&col2=ignore", 200);
	soft_check_html("re-mapped preview", r->body);
	assert_contains(r->body, "<select id=\"map-1\" name=\"col1\"><option value=\"ignore\">");
	assert_contains(r->body, "<option value=\"email\" selected>");
	assert_not_contains(r->body, "<option value=\"current_company\" selected>");
	http_response_free(r);

	r = post_action(weber, key, "run", "col0=name&col1=email&col2=ignore", 303);
	http_response_free(r);
	json_t *st = wait_for_run(weber, key);
	assert_string_equal(json_string_value(json_object_get(st, "state")), "done");
	json_decref(st);

	json_t *c = find_candidate("Quernheim");
	assert_string_equal(str_of(c, "first_name"), "Wilma");
	assert_string_equal(str_of(c, "email"), "wilma.quernheim@example.org"); /* R-CAND-4: the re-mapped column */
	assert_string_equal(str_of(c, "current_company"), "");                 /* the ignored column */
	json_decref(c);
	assert_no_soft_failures();
}

/* R-CAND-4: with a position, every imported candidate gets an application
 * there, and the result links to the position's candidate list. */
static void position_gets_applications(void **state)
{
	(void)state;
	json_t *pos = api_call_json(&srv, tok_weber, "GET", "/api/v1/positions", NULL, 200);
	json_t *first = json_array_get(json_object_get(pos, "positions"), 0);
	assert_non_null(first);
	long long pid = json_integer_value(json_object_get(first, "id"));
	assert_true(pid > 0);
	json_decref(pos);
	char pos_text[32], form[64];
	snprintf(pos_text, sizeof pos_text, "%lld", pid);

	struct http_response *r = upload(weber, "name,email\r\nKarla Fenstermacher,karla.f@example.org\r\n", pos_text);
	assert_status(r, 200);
	char key[64];
	staged_key(r->body, key, sizeof key);
	http_response_free(r);
	snprintf(form, sizeof form, "position=%lld", pid);
	r = post_action(weber, key, "run", form, 303);
	http_response_free(r);
	json_t *st = wait_for_run(weber, key);
	assert_string_equal(json_string_value(json_object_get(st, "state")), "done");
	json_decref(st);

	char path[160], link[96];
	snprintf(path, sizeof path, "/candidates/import/%s", key);
	snprintf(link, sizeof link, "href=\"/candidates?position=%lld\"", pid);
	r = get_page(weber, path, 200);
	assert_contains(r->body, link);
	http_response_free(r);

	snprintf(path, sizeof path, "/api/v1/candidates?q=Fenstermacher&position=%lld", pid);
	json_t *j = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(j, "candidates")), 1); /* R-CAND-4 --position */
	json_decref(j);
	assert_no_soft_failures();
}

/* R-CAND-4 "the UI shows progress for large imports": while a large file
 * runs, the page shows a <progress> bar fed by the status JSON (and a meta
 * refresh for browsers without JavaScript), and a second import is refused
 * with a clear message until the first has finished. */
static void large_import_shows_progress_and_blocks_a_second_run(void **state)
{
	(void)state;
	enum { ROWS = 4000 };
	size_t cap = 64 + ROWS * 80, len = 0;
	char *csv = malloc(cap);
	len += (size_t)snprintf(csv + len, cap - len, "first_name;last_name;email;location\r\n");
	for (int i = 0; i < ROWS; i++)
		len += (size_t)snprintf(csv + len, cap - len, "Massen;Importkandidat%d;masse%d@example.org;Ort %d\r\n", i, i, i);
	struct http_response *r = upload(weber, csv, NULL);
	assert_status(r, 200);
	assert_contains(r->body, "Import 4,000 rows");
	char key[64], path[160];
	staged_key(r->body, key, sizeof key);
	http_response_free(r);
	/* A second, small file staged before the big one runs. */
	r = upload(weber, "name\r\nZweite Datei\r\n", NULL);
	char key2[64];
	staged_key(r->body, key2, sizeof key2);
	http_response_free(r);

	r = post_action(weber, key, "run", "", 303);
	http_response_free(r);
	snprintf(path, sizeof path, "/candidates/import/%s", key);
	r = get_page(weber, path, 200);
	if (strstr(r->body, "data-state=\"running\"")) {
		assert_contains(r->body, "<progress id=\"import-bar\"");
		assert_contains(r->body, "import.js");                                 /* polls the status */
		assert_contains(r->body, "<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript></head>");
		http_response_free(r);
		r = post_action(weber, key2, "run", "", 409);
		assert_contains(r->body, "An import is already running.");
		http_response_free(r);
		snprintf(path, sizeof path, "/candidates/import/%s/status", key);
		r = http_get(weber, path, NULL);
		json_t *st = http_json(r);
		assert_int_equal(json_integer_value(json_object_get(st, "total")), ROWS);
		json_decref(st);
	} else {
		print_message("note: the import finished before its page was read; running state not checked\n");
	}
	http_response_free(r);

	json_t *st = wait_for_run(weber, key);
	assert_string_equal(json_string_value(json_object_get(st, "state")), "done");
	assert_int_equal(json_integer_value(json_object_get(st, "imported")), ROWS);
	assert_int_equal(json_integer_value(json_object_get(st, "done")), ROWS);
	json_decref(st);
	/* The API lists at most 1,000: look for the first and the last row. */
	json_t *c = find_candidate("Importkandidat0");
	json_decref(c);
	c = find_candidate("Importkandidat3999");
	assert_string_equal(str_of(c, "location"), "Ort 3999");
	json_decref(c);

	/* Now the second file may run. */
	r = post_action(weber, key2, "run", "", 303);
	http_response_free(r);
	st = wait_for_run(weber, key2);
	assert_string_equal(json_string_value(json_object_get(st, "state")), "done");
	json_decref(st);
	free(csv);
	assert_no_soft_failures();
}

/* An upload without a file, or a binary one, is a field error; nothing staged. */
static void upload_without_csv_is_a_field_error(void **state)
{
	(void)state;
	char csrf[128];
	fetch_csrf(weber, "/candidates/import", csrf, sizeof csrf);
	struct multipart m;
	multipart_init(&m);
	multipart_field(&m, "csrf", csrf);
	multipart_file(&m, "file", "", NULL, "", 0);
	struct http_response *r = http_post_multipart(weber, "/candidates/import", &m, NULL);
	multipart_free(&m);
	assert_status(r, 422);
	soft_check_html("upload without file", r->body);
	assert_contains(r->body, "Please choose a CSV file.");
	http_response_free(r);

	multipart_init(&m);
	multipart_field(&m, "csrf", csrf);
	multipart_file(&m, "file", "x.csv", "text/csv", "MZ\0\0\x90\0binary", 12);
	r = http_post_multipart(weber, "/candidates/import", &m, NULL);
	multipart_free(&m);
	assert_status(r, 422);
	assert_contains(r->body, "does not look like a CSV text file");
	http_response_free(r);

	r = get_page(weber, "/candidates/import", 200); /* the guide */
	assert_contains(r->body, "enctype=\"multipart/form-data\"");
	assert_contains(r->body, "first_name;last_name;email");
	assert_contains(r->body, "nothing is imported until the file is clean");
	http_response_free(r);
	assert_no_soft_failures();
}

/* Another user cannot see, re-map or run someone's upload: 404. */
static void another_users_import_is_404(void **state)
{
	(void)state;
	struct http_response *r = upload(weber, "name\r\nTheo Sandkuhl\r\n", NULL);
	assert_status(r, 200);
	char key[64], path[160];
	staged_key(r->body, key, sizeof key);
	http_response_free(r);
	r = post_action(weber, key, "run", "", 303);
	http_response_free(r);
	json_decref(wait_for_run(weber, key));

	struct http_client *brandt = client_logged_in(&srv, "brandt"); /* hiring manager: may import */
	snprintf(path, sizeof path, "/candidates/import/%s/status", key);
	r = http_get(brandt, path, NULL);
	assert_int_equal(r->status, 404); /* R-X-2 */
	http_response_free(r);
	snprintf(path, sizeof path, "/candidates/import/%s", key);
	r = http_get(brandt, path, NULL);
	assert_int_equal(r->status, 404);
	http_response_free(r);

	/* A staged, not yet run upload of weber's cannot be previewed by brandt. */
	r = upload(weber, "name\r\nUte Wasserkamp\r\n", NULL);
	staged_key(r->body, key, sizeof key);
	http_response_free(r);
	r = post_action(brandt, key, "preview", "", 404);
	http_response_free(r);
	r = post_action(brandt, key, "run", "", 404);
	http_response_free(r);
	http_client_free(brandt);
}

/* R-X-2: interviewers do not import candidates. */
static void interviewer_gets_403(void **state)
{
	(void)state;
	struct http_client *hoffmann = client_logged_in(&srv, "hoffmann");
	struct http_response *r = http_get(hoffmann, "/candidates/import", NULL);
	assert_int_equal(r->status, 403);
	http_response_free(r);
	r = http_get(hoffmann, "/candidates/import/0123456789abcdef0123456789abcdef/status", NULL);
	assert_int_equal(r->status, 403);
	http_response_free(r);
	char csrf[128];
	fetch_csrf(hoffmann, "/dashboard", csrf, sizeof csrf);
	struct multipart m;
	multipart_init(&m);
	multipart_field(&m, "csrf", csrf);
	multipart_file(&m, "file", "k.csv", "text/csv", "name\r\nA B\r\n", 11);
	r = http_post_multipart(hoffmann, "/candidates/import", &m, NULL);
	multipart_free(&m);
	assert_int_equal(r->status, 403);
	http_response_free(r);
	http_client_free(hoffmann);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(upload_preview_run_imports_with_the_right_fields, test_setup),
		cmocka_unit_test_setup(broken_row_is_listed_and_nothing_is_imported, test_setup),
		cmocka_unit_test_setup(remapped_column_changes_what_is_imported, test_setup),
		cmocka_unit_test_setup(position_gets_applications, test_setup),
		cmocka_unit_test_setup(large_import_shows_progress_and_blocks_a_second_run, test_setup),
		cmocka_unit_test_setup(upload_without_csv_is_a_field_error, test_setup),
		cmocka_unit_test_setup(another_users_import_is_404, test_setup),
		cmocka_unit_test_setup(interviewer_gets_403, test_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
