/*
 * test_candidate_pages.c — black-box tests of the candidate HTML pages
 * against the real server: the list with full-text search, highlighted
 * snippets and filters (R-CAND-3), the create form with field errors and
 * nothing stored on bad input (R-X-6), the duplicate warning that needs
 * "Create anyway" (R-CAND-5), adding a candidate to a position with a
 * referral (R-CHAN-3), notes in the activity timeline with who wrote them
 * (R-CAND-1), the side-by-side merge (R-CAND-5), markup in a name coming
 * back as text, and that interviewers see no candidates before step 5
 * assigns them (R-X-2).
 *
 * The recruiter weber (Jonas Weber) drives the pages in English; what was
 * stored is read back through the JSON API with his Bearer token. Each test
 * gets its own demo server.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *web;

static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "candidate pages test", tok_weber, sizeof tok_weber, NULL);
	web = client_logged_in(&srv, "weber");
	struct http_response *r = post_form_with_csrf(web, "/dashboard", "/lang", "lang=en&next=/dashboard", 303);
	http_response_free(r);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	http_client_free(web);
	server_stop(&srv);
	return 0;
}

/* ---- helpers ------------------------------------------------------------------------------- */

static size_t count_candidates(void)
{
	json_t *l = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?limit=1000", NULL, 200);
	size_t n = json_array_size(json_object_get(l, "candidates"));
	json_decref(l);
	return n;
}

/* The id in a redirect to /candidates/ID…. */
static long long redirect_id(const struct http_response *r)
{
	char loc[512];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	long long id = 0;
	if (sscanf(loc, "/candidates/%lld", &id) != 1 || id <= 0)
		fail_msg("no candidate id in redirect %s", loc);
	return id;
}

/* Creates a candidate through the form (fields url-encoded already). */
static long long create_candidate(const char *form)
{
	struct http_response *r = post_form_with_csrf(web, "/candidates/new", "/candidates", form, 303);
	long long id = redirect_id(r);
	http_response_free(r);
	return id;
}

static void add_note(long long id, const char *kind, const char *text)
{
	char path[64], page[64], form[1024], enc[800];
	snprintf(path, sizeof path, "/candidates/%lld/notes", id);
	snprintf(page, sizeof page, "/candidates/%lld", id);
	url_encode_to(text, enc, sizeof enc);
	snprintf(form, sizeof form, "kind=%s&application_id=0&text=%s", kind, enc);
	struct http_response *r = post_form_with_csrf(web, page, path, form, 303);
	assert_redirect(r, page);
	http_response_free(r);
}

static json_t *candidate_json(long long id)
{
	char path[64];
	snprintf(path, sizeof path, "/api/v1/candidates/%lld", id);
	return api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
}

/* ---- list and search ------------------------------------------------------------------------------ */

/* R-CAND-3: a word of a note finds the candidate, highlighted in the
 * snippet; markup typed into a name comes back as text. */
static void test_search_marks_hits_and_escapes(void **state)
{
	(void)state;
	long long id = create_candidate("first_name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&last_name=Quendel"
					"&email=quendel%40example.org&channel=linkedin");
	add_note(id, "note", "Kennt <img src=x onerror=alert(2)> den Quarzsandhandel in Skandinavien sehr gut");
	struct http_response *r = get_page(web, "/candidates?q=Quarzsandhandel", 200);
	char link[64];
	snprintf(link, sizeof link, "href=\"/candidates/%lld\"", id);
	assert_contains(r->body, link);
	assert_contains(r->body, "<mark>Quarzsandhandel</mark>");
	assert_contains(r->body, "&lt;script&gt;alert(1)&lt;/script&gt; Quendel");
	assert_not_contains(r->body, "<script>alert(1)");
	assert_not_contains(r->body, "\x01");
	/* The snippet is escaped before the hits are marked. */
	assert_contains(r->body, "&lt;img src=x onerror=alert(2)&gt;");
	assert_not_contains(r->body, "<img src=x");
	http_response_free(r);

	/* Stemmed: another form of the word finds the same note. */
	r = get_page(web, "/candidates?q=Quarzsandhandels", 200);
	assert_contains(r->body, link);
	assert_contains(r->body, "<mark>Quarzsandhandel</mark>");
	http_response_free(r);

	/* Operators and quotes are plain words: no error page. */
	r = get_page(web, "/candidates?q=%22%29+OR+*", 200);
	assert_not_contains(r->body, link);
	http_response_free(r);

	/* The candidate page escapes it too. */
	char path[64];
	snprintf(path, sizeof path, "/candidates/%lld", id);
	r = get_page(web, path, 200);
	assert_contains(r->body, "&lt;script&gt;");
	assert_not_contains(r->body, "<script>alert(1)");
	http_response_free(r);

	/* No hits: said so, with how to broaden. */
	r = get_page(web, "/candidates?q=Xylophonquartett", 200);
	assert_contains(r->body, "No matching candidates");
	assert_not_contains(r->body, link);
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-CAND-3: the channel filter keeps only candidates of that channel. */
static void test_filter_by_channel(void **state)
{
	(void)state;
	long long a = create_candidate("first_name=Ada&last_name=Messe&email=ada.messe%40example.org&channel=events"
				       "&event=Hannover+Messe&tags=filtertest");
	long long b = create_candidate("first_name=Bert&last_name=Portal&email=bert.portal%40example.org"
				       "&channel=job_portals&tags=filtertest");
	char la[64], lb[64];
	snprintf(la, sizeof la, "href=\"/candidates/%lld\"", a);
	snprintf(lb, sizeof lb, "href=\"/candidates/%lld\"", b);
	struct http_response *r = get_page(web, "/candidates?channel=events&tag=filtertest", 200);
	assert_contains(r->body, la);
	assert_not_contains(r->body, lb);
	http_response_free(r);
	r = get_page(web, "/candidates?channel=job_portals&tag=filtertest", 200);
	assert_contains(r->body, lb);
	assert_not_contains(r->body, la);
	http_response_free(r);
	r = get_page(web, "/candidates?tag=filtertest", 200);
	assert_contains(r->body, la);
	assert_contains(r->body, lb);
	http_response_free(r);
	assert_no_soft_failures();
}

/* ---- the form ---------------------------------------------------------------------------------------- */

/* R-X-6: bad input is named at its field and nothing is stored. */
static void test_create_errors_store_nothing(void **state)
{
	(void)state;
	size_t before = count_candidates();
	struct http_response *r = post_form_with_csrf(web, "/candidates/new", "/candidates",
						      "first_name=&last_name=&email=not-an-email&notice_period_weeks=500"
						      "&channel=carrier-pigeon",
						      422);
	assert_contains(r->body, "id=\"f-email-err\"");
	assert_contains(r->body, "This does not look like an email address.");
	assert_contains(r->body, "id=\"f-last_name-err\"");
	assert_contains(r->body, "id=\"f-notice_period_weeks-err\"");
	assert_contains(r->body, "id=\"f-channel-err\"");
	assert_contains(r->body, "href=\"#f-email\"");          /* the summary links to the field */
	assert_contains(r->body, "value=\"not-an-email\"");     /* the input is kept */
	http_response_free(r);
	assert_int_equal(count_candidates(), before);
	assert_no_soft_failures();
}

/* R-CAND-5: the same email shows the possible duplicate; only "Create
 * anyway" stores the second candidate. */
static void test_duplicate_needs_create_anyway(void **state)
{
	(void)state;
	long long first = create_candidate("first_name=Clara&last_name=Doppel&email=clara.doppel%40example.org");
	size_t before = count_candidates();
	const char *form = "first_name=Klara&last_name=Doppelt&email=Clara.Doppel%40Example.org";
	struct http_response *r = post_form_with_csrf(web, "/candidates/new", "/candidates", form, 409);
	char link[64];
	snprintf(link, sizeof link, "href=\"/candidates/%lld\"", first);
	assert_contains(r->body, "id=\"duplicates\"");
	assert_contains(r->body, link);
	assert_contains(r->body, "Same email address");
	assert_contains(r->body, "name=\"confirm_duplicate\"");
	assert_contains(r->body, "value=\"Klara\"");
	http_response_free(r);
	assert_int_equal(count_candidates(), before);

	char with_confirm[256];
	snprintf(with_confirm, sizeof with_confirm, "%s&confirm_duplicate=1", form);
	long long second = create_candidate(with_confirm);
	assert_true(second != first);
	assert_int_equal(count_candidates(), before + 1);
	assert_no_soft_failures();
}

/* R-CAND-1, R-X-6: editing keeps what was not touched; bad input is
 * refused at the field and the stored candidate stays as it was. */
static void test_edit_candidate(void **state)
{
	(void)state;
	long long id = create_candidate("first_name=Eva&last_name=Bearbeitet&email=eva.b%40example.org"
					"&languages=Deutsch+C2&links=https%3A%2F%2Fexample.org%2Feva%0Ajavascript%3Aalert(1)");
	char page[64], edit[64];
	snprintf(page, sizeof page, "/candidates/%lld", id);
	snprintf(edit, sizeof edit, "/candidates/%lld/edit", id);
	/* Only http(s) links become links. */
	struct http_response *r = get_page(web, page, 200);
	assert_contains(r->body, "<a href=\"https://example.org/eva\" rel=\"noopener noreferrer\">");
	assert_not_contains(r->body, "href=\"javascript:");
	http_response_free(r);

	r = post_form_with_csrf(web, edit, page,
				"first_name=Eva&last_name=Bearbeitet&email=eva.b%40example.org&salary_expectation=-5", 422);
	assert_contains(r->body, "id=\"f-salary_expectation-err\"");
	http_response_free(r);
	json_t *c = candidate_json(id);
	assert_true(json_is_null(json_object_get(c, "salary_expectation")));
	json_decref(c);

	r = post_form_with_csrf(web, edit, page,
				"first_name=Eva&last_name=Bearbeitet&email=eva.b%40example.org&location=L%C3%BCbeck"
				"&salary_expectation=85.000&notice_period_weeks=12",
				303);
	assert_redirect(r, page);
	http_response_free(r);
	c = candidate_json(id);
	assert_string_equal(json_string_value(json_object_get(c, "location")), "Lübeck");
	assert_int_equal(json_integer_value(json_object_get(c, "salary_expectation")), 85000);
	assert_int_equal(json_integer_value(json_object_get(c, "notice_period_weeks")), 12);
	assert_string_equal(json_string_value(json_object_get(c, "currency")), "EUR");
	assert_string_equal(json_string_value(json_object_get(c, "languages")), "Deutsch C2");
	json_decref(c);
	assert_no_soft_failures();
}

/* ---- applications, notes, timeline ------------------------------------------------------------------ */

/* R-CHAN-3: a referral records the referrer's kind, name, status and bonus;
 * a referral without a referrer name is refused at the field. */
static void test_add_to_position_with_referral(void **state)
{
	(void)state;
	long long id = create_candidate("first_name=Rita&last_name=Empfohlen&email=rita.empfohlen%40example.org");
	char path[64], page[64];
	snprintf(path, sizeof path, "/candidates/%lld/applications", id);
	snprintf(page, sizeof page, "/candidates/%lld", id);

	struct http_response *r = post_form_with_csrf(web, page, path,
						      "position_id=1&channel=referrals&referrer_kind=customer&referrer_name="
						      "&referral_status=proposed&bonus=",
						      422);
	assert_contains(r->body, "id=\"a-referrer_name-err\"");
	http_response_free(r);
	json_t *c = candidate_json(id);
	assert_int_equal(json_array_size(json_object_get(c, "applications")), 0);
	json_decref(c);

	r = post_form_with_csrf(web, page, path,
				"position_id=1&channel=referrals&referrer_kind=customer&referrer_name=Kunde+M%C3%BCller+GmbH"
				"&referral_status=contacted&bonus=1500",
				303);
	assert_redirect(r, page);
	http_response_free(r);
	c = candidate_json(id);
	json_t *a = json_array_get(json_object_get(c, "applications"), 0);
	assert_non_null(a);
	assert_int_equal(json_integer_value(json_object_get(a, "position_id")), 1);
	assert_string_equal(json_string_value(json_object_get(a, "channel")), "referrals");
	json_t *ref = json_object_get(a, "referral");
	assert_string_equal(json_string_value(json_object_get(ref, "kind")), "customer");
	assert_string_equal(json_string_value(json_object_get(ref, "referrer_name")), "Kunde Müller GmbH");
	assert_string_equal(json_string_value(json_object_get(ref, "status")), "contacted");
	assert_int_equal(json_integer_value(json_object_get(ref, "bonus_cents")), 150000);
	json_decref(c);

	/* The page shows the application with its referral. */
	r = get_page(web, page, 200);
	assert_contains(r->body, "href=\"/positions/1/pipeline\"");
	assert_contains(r->body, "Kunde Müller GmbH");
	http_response_free(r);

	/* A second application for the same position is refused. */
	r = post_form_with_csrf(web, page, path, "position_id=1&channel=linkedin", 422);
	assert_contains(r->body, "id=\"a-position_id-err\"");
	http_response_free(r);
	assert_no_soft_failures();
}

/* R-CAND-1: a note and a contact appear in the timeline with who and when. */
static void test_note_in_timeline(void **state)
{
	(void)state;
	long long id = create_candidate("first_name=Tom&last_name=Zeitleiste&email=tom.zeitleiste%40example.org");
	add_note(id, "note", "Wechselbereit ab Q3, bevorzugt Hamburg");
	add_note(id, "contact", "Telefonat: Interesse bestätigt");
	char page[64];
	snprintf(page, sizeof page, "/candidates/%lld", id);
	struct http_response *r = get_page(web, page, 200);
	const char *timeline = strstr(r->body, "id=\"timeline\"");
	assert_non_null(timeline);
	assert_contains(timeline, "Wechselbereit ab Q3, bevorzugt Hamburg");
	assert_contains(timeline, "Telefonat: Interesse bestätigt");
	assert_contains(timeline, "Jonas Weber");
	assert_contains(timeline, "class=\"timeline-contact\"");
	assert_contains(timeline, "just now");
	http_response_free(r);

	/* An empty note is refused at the field. */
	char path[64];
	snprintf(path, sizeof path, "/candidates/%lld/notes", id);
	r = post_form_with_csrf(web, page, path, "kind=note&text=+++", 422);
	assert_contains(r->body, "id=\"n-text-err\"");
	http_response_free(r);
	assert_no_soft_failures();
}

/* ---- merge ------------------------------------------------------------------------------------------------ */

/* R-CAND-5: merging moves drop's note and application to keep, keeps the
 * chosen field values, and drop is gone. */
static void test_merge_moves_everything(void **state)
{
	(void)state;
	long long keep = create_candidate("first_name=Maria&last_name=Behalten&email=maria.b%40example.org"
					  "&current_company=Alt+AG");
	long long drop = create_candidate("first_name=Maria&last_name=Behalten&email=maria.behalten%40example.com"
					  "&phone=%2B49+170+5550101&current_company=Neu+GmbH&confirm_duplicate=1");
	add_note(drop, "note", "Notiz am Duplikat Kupferdraht");
	char path[96], page[64];
	snprintf(path, sizeof path, "/candidates/%lld/applications", drop);
	snprintf(page, sizeof page, "/candidates/%lld", drop);
	struct http_response *r = post_form_with_csrf(web, page, path, "position_id=1&channel=linkedin", 303);
	http_response_free(r);

	/* The keep page offers the merge. */
	snprintf(page, sizeof page, "/candidates/%lld", keep);
	r = get_page(web, page, 200);
	snprintf(path, sizeof path, "href=\"/candidates/%lld/merge/%lld\"", keep, drop);
	assert_contains(r->body, path);
	http_response_free(r);

	snprintf(path, sizeof path, "/candidates/%lld/merge/%lld", keep, drop);
	r = get_page(web, path, 200);
	assert_contains(r->body, "Applications that move: 1");
	assert_contains(r->body, "name=\"pick_current_company\"");
	char swap[96];
	snprintf(swap, sizeof swap, "href=\"/candidates/%lld/merge/%lld\"", drop, keep);
	assert_contains(r->body, swap);
	http_response_free(r);

	r = post_form_with_csrf(web, path, path, "pick_email=keep&pick_current_company=drop", 303);
	assert_redirect(r, page);
	http_response_free(r);

	char dpage[64];
	snprintf(dpage, sizeof dpage, "/candidates/%lld", drop);
	r = get_page(web, dpage, 404);
	http_response_free(r);

	json_t *c = candidate_json(keep);
	assert_string_equal(json_string_value(json_object_get(c, "email")), "maria.b@example.org");
	assert_string_equal(json_string_value(json_object_get(c, "current_company")), "Neu GmbH");
	assert_string_equal(json_string_value(json_object_get(c, "phone")), "+49 170 5550101");
	json_t *a = json_array_get(json_object_get(c, "applications"), 0);
	assert_non_null(a);
	assert_int_equal(json_integer_value(json_object_get(a, "position_id")), 1);
	json_decref(c);

	char done[96];
	snprintf(done, sizeof done, "%s?done=merged", page);
	r = get_page(web, done, 200);
	const char *timeline = strstr(r->body, "id=\"timeline\"");
	assert_non_null(timeline);
	assert_contains(timeline, "Notiz am Duplikat Kupferdraht");
	assert_contains(r->body, "The candidates have been merged.");
	http_response_free(r);
	assert_no_soft_failures();
}

/* ---- permissions -------------------------------------------------------------------------------------------- */

/* Issue 5: until step 5 assigns candidates, interviewers see none. */
static void test_interviewer_forbidden(void **state)
{
	(void)state;
	long long id = create_candidate("first_name=Ida&last_name=Geheim&email=ida.geheim%40example.org");
	struct http_client *iv = client_logged_in(&srv, "hoffmann");
	char page[64];
	snprintf(page, sizeof page, "/candidates/%lld", id);
	struct http_response *r = http_get(iv, "/candidates", NULL);
	assert_status(r, 403);
	assert_not_contains(r->body, "Geheim");
	http_response_free(r);
	r = http_get(iv, page, NULL);
	assert_status(r, 403);
	assert_not_contains(r->body, "Geheim");
	http_response_free(r);
	r = http_get(iv, "/candidates/new", NULL);
	assert_status(r, 403);
	http_response_free(r);
	http_client_free(iv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_marks_hits_and_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_by_channel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_errors_store_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_needs_create_anyway, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_candidate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_to_position_with_referral, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_in_timeline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_moves_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interviewer_forbidden, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
