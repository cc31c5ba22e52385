/*
 * test_ad_pages.c — black-box tests of the job-ad pages of step 3 against
 * the real server: the editor with its findings panel and score, the live
 * check fragment, drafting from the approved profile, saving, regenerating
 * only with consent, one-click fixes, the exports, publishing with its
 * checks and the public job pages with their JSON-LD (R-AD-1, R-AD-2,
 * R-AD-4); who may open and change what (R-X-2); bad input refused at the
 * field with nothing stored (R-X-6).
 *
 * Every page is checked with the harness's well-formedness check. What was
 * (not) stored is read back through the JSON API with an admin token.
 * Each test gets its own demo server.
 *
 * Demo data: position 1 "Key Account Manager Industriekunden" with a
 * published ad (slug key-account-manager-industriekunden), position 2
 * "Business Development Manager Skandinavien" with a poor draft ad edited
 * by hand, position 3 "Head of Engineering" without goals, approval or ad;
 * users admin, weber (recruiter), hoffmann (interviewer).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#define KAM_SLUG "key-account-manager-industriekunden"

static struct server srv;
static char tok_admin[128];

/* ---- setup ---------------------------------------------------------------------------------------- */

static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "ad pages test", tok_admin, sizeof tok_admin, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* ---- the API as the judge of what was stored ---------------------------------------------------- */

/* A request with the admin token; the caller frees the response. */
static struct http_response *api_request(const char *method, const char *path, const char *json)
{
	struct http_client *c = http_client_new(&srv);
	char auth[256];
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", tok_admin);
	const char *const headers[] = { auth, "Accept-Language: en", "Content-Type: application/json", NULL };
	struct http_response *r = http_request(c, method, path, headers, json, json ? strlen(json) : 0);
	http_client_free(c);
	return r;
}

/* GET /api/v1/positions/ID/ad; NULL when the position has no ad. */
static json_t *ad_json(int id)
{
	char path[64];
	snprintf(path, sizeof path, "/api/v1/positions/%d/ad", id);
	struct http_response *r = api_request("GET", path, NULL);
	json_t *j = r->status == 200 ? http_json(r) : NULL;
	if (r->status != 200 && r->status != 404)
		fail_msg("GET %s answered %ld", path, r->status);
	http_response_free(r);
	return j;
}

/* A text member of the ad: "title" or a section key; copied into out. */
static void ad_text(int id, const char *member, char *out, size_t n)
{
	json_t *ad = ad_json(id);
	if (!ad)
		fail_msg("position %d has no ad", id);
	json_t *v = json_object_get(ad, member);
	if (!v)
		v = json_object_get(json_object_get(ad, "sections"), member);
	snprintf(out, n, "%s", json_string_value(v) ? json_string_value(v) : "");
	json_decref(ad);
}

static bool ad_flag(int id, const char *member)
{
	json_t *ad = ad_json(id);
	if (!ad)
		fail_msg("position %d has no ad", id);
	bool v = json_is_true(json_object_get(ad, member));
	json_decref(ad);
	return v;
}

/* The whole ad (texts and publishing) as JSON text, to compare before and
 * after a refused request. */
static void ad_dump(int id, char *out, size_t n)
{
	json_t *ad = ad_json(id);
	if (!ad)
		fail_msg("position %d has no ad", id);
	json_object_del(ad, "lint");
	char *text = json_dumps(ad, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(ad);
	assert_non_null(text);
	if (strlen(text) >= n)
		fail_msg("ad dump too long");
	strcpy(out, text);
	free(text);
}

/* Gives position 3 (no goals, never approved) a goal and approves it. */
static void approve_position_3(void)
{
	struct http_response *r = api_request("POST", "/api/v1/positions/3/goals",
					      "{\"kind\":\"free_text\",\"title\":\"Plattformteam von 4 auf 10 Leute ausbauen\"}");
	if (r->status != 200 && r->status != 201)
		fail_msg("adding a goal to position 3 answered %ld: %s", r->status, r->body);
	http_response_free(r);
	r = api_request("POST", "/api/v1/positions/3/approve", "{}");
	if (r->status != 200 && r->status != 201)
		fail_msg("approving position 3 answered %ld: %s", r->status, r->body);
	http_response_free(r);
}

/* YYYY-MM-DD days from now (UTC). */
static void date_in(int days, char out[11])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Runs sql on the server's database (for what no page may do: letting
 * time pass). */
static void db_exec(const char *sql)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	sqlite3_busy_timeout(db, 10000);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
	sqlite3_close(db);
}

/* ---- pages and forms ------------------------------------------------------------------------------ */

/* "name=value" with value percent-encoded, into a static buffer ring. */
static const char *field(const char *name, const char *value)
{
	static char ring[4][16384];
	static int next;
	char *out = ring[next++ % 4];
	char enc[16000];
	url_encode_to(value, enc, sizeof enc);
	snprintf(out, sizeof ring[0], "%s=%s", name, enc);
	return out;
}

/* The <li …> start tag of the first finding with this rule in html, copied
 * into out; false when there is none. */
static bool finding_tag(const char *html, const char *rule, char *out, size_t n)
{
	char attr[96];
	snprintf(attr, sizeof attr, "data-rule=\"%s\"", rule);
	const char *at = strstr(html, attr);
	if (!at)
		return false;
	const char *start = at;
	while (start > html && strncmp(start, "<li ", 4) != 0)
		start--;
	const char *end = strchr(at, '>');
	assert_non_null(end);
	snprintf(out, n, "%.*s", (int)(end - start + 1), start);
	return true;
}

/* The value of attribute name in a start tag; "" when absent. */
static void tag_attr(const char *tag, const char *name, char *out, size_t n)
{
	char key[64];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *at = strstr(tag, key);
	out[0] = '\0';
	if (at) {
		at += strlen(key);
		snprintf(out, n, "%.*s", (int)strcspn(at, "\""), at);
	}
}

/* The JSON-LD of a public job page, parsed; fails unless there is exactly
 * one such script and it holds no "</" (it could end the element). */
static json_t *page_jsonld(const char *html)
{
	const char *open = "<script type=\"application/ld+json\">";
	const char *at = strstr(html, open);
	if (!at)
		fail_msg("no <script type=\"application/ld+json\"> on the page");
	assert_null(strstr(at + 1, open));
	at += strlen(open);
	const char *end = strstr(at, "</script>");
	assert_non_null(end);
	char *text = strndup(at, (size_t)(end - at));
	assert_non_null(text);
	assert_null(strstr(text, "</"));
	assert_null(strstr(text, "<!--"));
	json_error_t err;
	json_t *ld = json_loads(text, 0, &err);
	if (!ld)
		fail_msg("JSON-LD does not parse: %s: %s", err.text, text);
	free(text);
	return ld;
}

static const char *ld_str(json_t *ld, const char *path)
{
	char key[64];
	json_t *v = ld;
	for (const char *p = path; v && *p;) {
		size_t n = strcspn(p, ".");
		snprintf(key, sizeof key, "%.*s", (int)n, p);
		v = json_object_get(v, key);
		p += n + (p[n] == '.');
	}
	return json_string_value(v);
}

/* Replaces every generator placeholder left in the ad of position id. */
static void fill_placeholders(struct http_client *c, int id)
{
	static const char *const keys[] = { "intro", "tasks", "must", "nice", "offer", "culture", "process" };
	char path[64], text[8192];
	snprintf(path, sizeof path, "/positions/%d/ad", id);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		ad_text(id, keys[i], text, sizeof text);
		if (!strstr(text, "[Bitte ergänzen:") && !strstr(text, "[Please add:"))
			continue;
		/* keep the lines without a placeholder, put a real one in */
		char kept[8192] = "";
		for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
			if (!strstr(line, "[Bitte ergänzen:") && !strstr(line, "[Please add:"))
				snprintf(kept + strlen(kept), sizeof kept - strlen(kept), "%s\n", line);
		snprintf(kept + strlen(kept), sizeof kept - strlen(kept), "%s",
			 "Das Team besteht aus acht Leuten in Hamburg und trifft sich jeden Montag.");
		struct http_response *r = post_form_with_csrf(c, path, path, field(keys[i], kept), 303);
		http_response_free(r);
	}
}

/* ---- tests ------------------------------------------------------------------------------------------ */

/* R-AD-1, R-AD-2: the editor shows the sections, the score and the findings
 * with their place; the wizard leads to it; every variant is well-formed. */
static void editor_shows_findings(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = get_page(c, "/positions/2/ad", 200);
	assert_contains(r->body, "<a href=\"/positions/2/ad\" aria-current=\"step\">");
	assert_contains(r->body, "<form class=\"form ad-form\" id=\"ad-form\" method=\"post\" action=\"/positions/2/ad\"");
	assert_contains(r->body, "data-ad-check=\"/positions/2/ad/check\"");
	static const char *const ids[] = { "f-title", "f-intro", "f-tasks", "f-must", "f-nice", "f-offer", "f-culture",
					   "f-process" };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		char attr[64];
		snprintf(attr, sizeof attr, "id=\"%s\"", ids[i]);
		assert_contains(r->body, attr);
	}
	assert_contains(r->body, "Ihre Aufgaben");                   /* headings in the ad's language */
	assert_contains(r->body, "<aside class=\"ad-panel\" id=\"ad-findings\"");
	assert_contains(r->body, "<p class=\"ad-score-value\"><strong>"); /* R-AD-2: the score */
	/* R-AD-2: the BDM title lacks (m/w/d); the finding points at the title */
	char tag[512], v[64];
	assert_true(finding_tag(r->body, "agg.title_gender", tag, sizeof tag));
	assert_contains(tag, "data-field=\"title\"");
	tag_attr(tag, "data-from", v, sizeof v);
	assert_string_equal(v, "0");
	tag_attr(tag, "data-start", v, sizeof v);
	assert_string_equal(v, "0");
	assert_contains(r->body, "href=\"#f-title\"");                 /* without JS: a link to the field */
	/* a cliché in the offer: its place is inside that section */
	assert_true(finding_tag(r->body, "cliche.phrase", tag, sizeof tag) ||
		    finding_tag(r->body, "cliche.perk", tag, sizeof tag));
	assert_contains(tag, "data-field=\"");
	assert_contains(r->body, "name=\"action\" value=\"check\"");    /* "Prüfen" without JS */
	assert_contains(r->body, "/positions/2/ad/export?format=md");
	assert_contains(r->body, "action=\"/positions/2/ad/publish\"");
	assert_contains(r->body, "action=\"/positions/2/ad/generate\"");
	http_response_free(r);

	/* the published KAM ad: its public link and the unpublish button */
	r = get_page(c, "/positions/1/ad", 200);
	assert_contains(r->body, "href=\"/jobs/" KAM_SLUG "\"");
	assert_contains(r->body, "action=\"/positions/1/ad/unpublish\"");
	http_response_free(r);

	/* no ad yet: the explanation and the form to draft one */
	r = get_page(c, "/positions/3/ad", 200);
	assert_contains(r->body, "action=\"/positions/3/ad/generate\"");
	assert_contains(r->body, "<select id=\"f-lang\" name=\"lang\">");
	assert_not_contains(r->body, "id=\"ad-findings\"");
	http_response_free(r);

	r = get_page(c, "/positions/999/ad", 404);
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-2, R-AD-4: the live check answers the findings panel of unsaved
 * text, each finding placed in its field in UTF-16 units; "Prüfen" without
 * JavaScript shows the same and saves nothing. */
static void live_check_places_findings(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	char before[65536], after[65536];
	ad_dump(2, before, sizeof before);

	/* Ü is one UTF-16 unit (two bytes), the emoji two units (four bytes). */
	const char *culture = "Über uns 😀: Wir erwarten die Extrameile.";
	struct http_response *r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad/check", field("culture",
						      culture), 200);
	char type[128];
	assert_true(http_header(r, "Content-Type", type, sizeof type));
	assert_non_null(strstr(type, "text/html"));
	assert_true(strncmp(r->body, "<aside class=\"ad-panel\" id=\"ad-findings\"", 40) == 0);
	assert_not_contains(r->body, "<html");
	const char *li = strstr(r->body, "data-field=\"culture\"");
	char tag[512], v[64];
	bool found = false;
	for (const char *p = r->body; (p = strstr(p, "data-rule=\"cliche.")); p++) {
		const char *start = p;
		while (start > r->body && strncmp(start, "<li ", 4) != 0)
			start--;
		snprintf(tag, sizeof tag, "%.*s", (int)(strchr(p, '>') - start + 1), start);
		if (strstr(tag, "data-field=\"culture\"")) {
			found = true;
			break;
		}
	}
	assert_non_null(li);
	assert_true(found);
	tag_attr(tag, "data-from", v, sizeof v);
	assert_string_equal(v, "30"); /* "Über uns 😀: Wir erwarten die " */
	tag_attr(tag, "data-to", v, sizeof v);
	assert_string_equal(v, "40"); /* + "Extrameile" */
	http_response_free(r);

	/* without JavaScript: "Prüfen" re-renders the page with the findings */
	r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad",
				"action=check&culture=Wir+erwarten+die+Extrameile.", 200);
	assert_contains(r->body, "Wir erwarten die Extrameile.</textarea>");
	assert_contains(r->body, "data-field=\"culture\"");
	assert_contains(r->body, "class=\"flash flash-info\" role=\"status\"");
	http_response_free(r);

	ad_dump(2, after, sizeof after); /* nothing saved */
	assert_string_equal(after, before);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-1: drafting needs an approved profile; then the ad exists, is not
 * marked edited, comes from that version and in the language asked for. */
static void generate_from_approved_profile(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=de", 422);
	assert_contains(r->body, "class=\"flash flash-error\" role=\"alert\"");
	assert_contains(r->body, "href=\"/positions/3/review\""); /* the way to the approval */
	http_response_free(r);
	assert_null(ad_json(3));

	approve_position_3();
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=en", 303);
	assert_redirect(r, "/positions/3/ad?done=generated");
	http_response_free(r);
	json_t *ad = ad_json(3);
	assert_non_null(ad);
	assert_string_equal(json_string_value(json_object_get(ad, "lang")), "en");
	assert_false(json_is_true(json_object_get(ad, "edited")));
	assert_int_equal(json_integer_value(json_object_get(ad, "generated_from_version")), 1);
	assert_true(strstr(json_string_value(json_object_get(ad, "title")), "Head of Engineering") != NULL);
	json_decref(ad);

	r = get_page(c, "/positions/3/ad?done=generated", 200);
	assert_contains(r->body, "class=\"flash flash-ok\" role=\"status\"");
	assert_contains(r->body, "What you will do");
	assert_contains(r->body, "id=\"ad-findings\"");
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-1: saving marks the ad edited; drafting again is refused without
 * consent and replaces the edits with it. R-X-6: bad text is refused at
 * its field and nothing is stored. */
static void save_and_regenerate(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "weber"); /* a recruiter edits ads */
	approve_position_3();
	struct http_response *r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=de", 303);
	http_response_free(r);
	assert_false(ad_flag(3, "edited"));

	const char *tasks = "- Aufbau eines Plattformteams von 4 auf 10 Leute in 18 Monaten\n- Verantwortung für 3 Produktlinien";
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad", field("tasks", tasks), 303);
	assert_redirect(r, "/positions/3/ad?done=saved");
	http_response_free(r);
	char text[8192];
	ad_text(3, "tasks", text, sizeof text);
	assert_string_equal(text, tasks);
	assert_true(ad_flag(3, "edited"));

	/* the editor warns before replacing edits */
	r = get_page(c, "/positions/3/ad", 200);
	assert_contains(r->body, "name=\"force\" value=\"1\"");
	assert_contains(r->body, "data-confirm=\"");
	http_response_free(r);

	char before[65536], after[65536];
	ad_dump(3, before, sizeof before);
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=de", 409);
	assert_contains(r->body, "class=\"flash flash-error\" role=\"alert\"");
	http_response_free(r);
	ad_dump(3, after, sizeof after);
	assert_string_equal(after, before);

	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=de&force=1", 303);
	http_response_free(r);
	assert_false(ad_flag(3, "edited"));
	ad_text(3, "tasks", text, sizeof text);
	assert_string_not_equal(text, tasks);

	/* R-X-6: a section that is too long, a title with a control character */
	ad_dump(3, before, sizeof before);
	static char huge[9000];
	memset(huge, 'a', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad", field("tasks", huge), 422);
	assert_contains(r->body, "<div class=\"field ad-field has-error\" data-field=\"tasks\">");
	assert_contains(r->body, "id=\"f-tasks-err\"");
	assert_contains(r->body, "href=\"#f-tasks\"");                /* the error summary leads there */
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad", "title=Head%01of+Engineering", 422);
	assert_contains(r->body, "id=\"f-title-err\"");
	http_response_free(r);
	ad_dump(3, after, sizeof after);
	assert_string_equal(after, before);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-2: a one-click fix posted without JavaScript replaces the flagged
 * text and saves; a fix that no longer applies changes nothing. */
static void fix_without_javascript(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	char must[8192];
	ad_text(2, "must", must, sizeof must);
	strcat(must, "\n- Deutsch als Muttersprache");
	struct http_response *r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad", field("must", must),
						      303);
	http_response_free(r);

	r = get_page(c, "/positions/2/ad", 200);
	char tag[512];
	assert_true(finding_tag(r->body, "agg.native_speaker", tag, sizeof tag));
	assert_contains(tag, "data-field=\"must\"");
	/* the fix button of that finding */
	const char *li = strstr(r->body, tag);
	const char *button = strstr(li, "<button type=\"submit\" form=\"ad-form\" class=\"btn btn-small finding-fix\" name=\"fix\" value=\"");
	const char *li_end = strstr(li, "</li>");
	while (button && button > li_end) {
		/* the first native_speaker finding may be without a fix: try the next */
		li = strstr(li_end, "data-rule=\"agg.native_speaker\"");
		assert_non_null(li);
		li_end = strstr(li, "</li>");
		button = strstr(li, "<button type=\"submit\" form=\"ad-form\" class=\"btn btn-small finding-fix\" name=\"fix\" value=\"");
	}
	assert_non_null(button);
	assert_true(button < li_end);
	int index = atoi(button + strlen("<button type=\"submit\" form=\"ad-form\" class=\"btn btn-small finding-fix\" name=\"fix\" value=\""));
	assert_contains(button, "data-replacement=\"verhandlungssicheres Deutsch (C1/C2)\"");
	assert_contains(button, "data-match=\"Deutsch als Muttersprache\"");
	http_response_free(r);

	char form[64];
	snprintf(form, sizeof form, "fix=%d", index);
	r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad", form, 303);
	assert_redirect(r, "/positions/2/ad?done=fixed");
	http_response_free(r);
	ad_text(2, "must", must, sizeof must);
	assert_non_null(strstr(must, "- verhandlungssicheres Deutsch (C1/C2)"));
	assert_null(strstr(must, "Deutsch als Muttersprache"));
	assert_true(ad_flag(2, "edited"));

	char before[65536], after[65536];
	ad_dump(2, before, sizeof before);
	r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad", "fix=9999", 409);
	http_response_free(r);
	ad_dump(2, after, sizeof after);
	assert_string_equal(after, before);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-4: the exports download with the right type and file name. */
static void exports_download(void **state)
{
	(void)state;
	static const struct { const char *format, *type, *file; } cases[] = {
		{ "html", "text/html; charset=utf-8", KAM_SLUG ".html" },
		{ "md", "text/markdown; charset=utf-8", KAM_SLUG ".md" },
		{ "txt", "text/plain; charset=utf-8", KAM_SLUG ".txt" },
		{ "jsonld", "application/ld+json", KAM_SLUG ".jsonld" },
	};
	struct http_client *c = client_logged_in(&srv, "admin");
	char title[512];
	ad_text(1, "title", title, sizeof title);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char path[96], type[128], disp[256], want[256];
		snprintf(path, sizeof path, "/positions/1/ad/export?format=%s", cases[i].format);
		struct http_response *r = http_get(c, path, NULL);
		assert_status(r, 200);
		assert_security_headers(r);
		assert_true(http_header(r, "Content-Type", type, sizeof type));
		assert_string_equal(type, cases[i].type);
		assert_true(http_header(r, "Content-Disposition", disp, sizeof disp));
		snprintf(want, sizeof want, "attachment; filename=\"%s\"", cases[i].file);
		assert_string_equal(disp, want);
		if (strcmp(cases[i].format, "jsonld") == 0) {
			json_t *ld = http_json(r);
			assert_string_equal(ld_str(ld, "@type"), "JobPosting");
			assert_string_equal(ld_str(ld, "title"), title);
			assert_non_null(ld_str(ld, "validThrough"));
			json_decref(ld);
		} else if (strcmp(cases[i].format, "html") == 0) {
			soft_check_html(path, r->body);
			assert_contains(r->body, "<h2>Ihre Aufgaben</h2>");
		} else {
			assert_contains(r->body, "Ihre Aufgaben");
			assert_not_contains(r->body, "<h2>");
		}
		http_response_free(r);
	}
	/* an unpublished ad is named by its position */
	struct http_response *r = http_get(c, "/positions/2/ad/export?format=md", NULL);
	assert_status(r, 200);
	char disp[256];
	assert_true(http_header(r, "Content-Disposition", disp, sizeof disp));
	assert_string_equal(disp, "attachment; filename=\"job-ad-2.md\"");
	http_response_free(r);
	r = get_page(c, "/positions/1/ad/export?format=pdf", 400);
	http_response_free(r);
	r = get_page(c, "/positions/3/ad/export?format=md", 404);
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-4, R-X-6: publishing is refused with a message that names the
 * problem — no or a past valid-through date, a placeholder left, a place
 * of work missing from the JobPosting — and nothing is published. */
static void publish_refusals(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	approve_position_3();
	struct http_response *r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=de", 303);
	http_response_free(r);
	char future[11], form[64];
	date_in(30, future);

	static const char *const bad_dates[] = { "valid_through=", "valid_through=2020-01-01", "valid_through=2027-02-30",
						 "valid_through=morgen" };
	for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
		r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/publish", bad_dates[i], 422);
		assert_contains(r->body, "<div class=\"field has-error\"><label for=\"f-valid_through\">");
		assert_contains(r->body, "id=\"f-valid_through-err\"");
		http_response_free(r);
	}

	/* the generated draft asks for the team's own words: a placeholder */
	char culture[4096];
	ad_text(3, "culture", culture, sizeof culture);
	assert_non_null(strstr(culture, "[Bitte ergänzen:"));
	snprintf(form, sizeof form, "valid_through=%s", future);
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/publish", form, 422);
	assert_contains(r->body, "So arbeiten wir"); /* names the section */
	assert_contains(r->body, "class=\"flash flash-error\" role=\"alert\"");
	http_response_free(r);
	assert_false(ad_flag(3, "published"));

	/* without a place of work the JobPosting lacks jobLocation.address */
	fill_placeholders(c, 3);
	r = api_request("GET", "/api/v1/positions/3", NULL);
	assert_status(r, 200);
	json_t *pos = http_json(r);
	http_response_free(r);
	char org_path[64];
	snprintf(org_path, sizeof org_path, "/api/v1/organisations/%lld",
		 (long long)json_integer_value(json_object_get(pos, "organisation_id")));
	json_decref(pos);
	r = api_request("PATCH", org_path, "{\"city\":\"\",\"street\":\"\",\"postal_code\":\"\"}");
	long patched = r->status;
	http_response_free(r);
	r = api_request("PATCH", "/api/v1/positions/3", "{\"location\":\"\",\"remote\":\"onsite\"}");
	long patched_pos = r->status;
	http_response_free(r);
	if (patched == 200 && patched_pos == 200) {
		r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/publish", form, 422);
		assert_contains(r->body, "jobLocation.address");
		http_response_free(r);
		assert_false(ad_flag(3, "published"));
	} else {
		soft_fail("could not clear the place of work (PATCH answered %ld, %ld); jobLocation case not tested", patched,
			  patched_pos);
	}
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-4: a published ad is listed on /jobs and shown on /jobs/SLUG with
 * its JSON-LD, every fact of which is visible on the page; a second ad
 * with the same title gets a numbered slug. */
static void publish_and_public_page(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	approve_position_3();
	struct http_response *r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/generate", "lang=de", 303);
	http_response_free(r);
	fill_placeholders(c, 3);
	char future[11], form[64];
	date_in(45, future);
	snprintf(form, sizeof form, "valid_through=%s", future);
	r = post_form_with_csrf(c, "/positions/3/ad", "/positions/3/ad/publish", form, 303);
	assert_redirect(r, "/positions/3/ad?done=published");
	http_response_free(r);
	json_t *ad = ad_json(3);
	assert_true(json_is_true(json_object_get(ad, "published")));
	assert_string_equal(json_string_value(json_object_get(ad, "slug")), "head-of-engineering");
	assert_string_equal(json_string_value(json_object_get(ad, "valid_through")), future);
	json_decref(ad);

	/* the public pages, without a login */
	struct http_client *anon = http_client_new(&srv);
	r = get_page(anon, "/jobs", 200);
	assert_contains(r->body, "href=\"/jobs/head-of-engineering\"");
	assert_contains(r->body, "href=\"/jobs/" KAM_SLUG "\"");
	assert_not_contains(r->body, "class=\"topbar\"");
	http_response_free(r);

	r = get_page(anon, "/jobs/head-of-engineering", 200);
	json_t *ld = page_jsonld(r->body);
	assert_string_equal(ld_str(ld, "@context"), "https://schema.org/");
	assert_string_equal(ld_str(ld, "@type"), "JobPosting");
	static const char *const required[] = { "title", "description", "datePosted", "validThrough",
						"hiringOrganization.name", "employmentType" };
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!ld_str(ld, required[i]) || !*ld_str(ld, required[i]))
			fail_msg("JSON-LD lacks %s", required[i]);
	const char *locality = ld_str(ld, "jobLocation.address.addressLocality");
	assert_true((locality && ld_str(ld, "jobLocation.address.addressCountry")) ||
		    (ld_str(ld, "jobLocationType") && strcmp(ld_str(ld, "jobLocationType"), "TELECOMMUTE") == 0));
	char until[32];
	snprintf(until, sizeof until, "%sT23:59:59", future);
	assert_string_equal(ld_str(ld, "validThrough"), until);
	/* what the JSON-LD says is on the page */
	char h1[512];
	snprintf(h1, sizeof h1, "<h1>%s</h1>", ld_str(ld, "title"));
	assert_contains(r->body, h1);
	assert_contains(r->body, ld_str(ld, "hiringOrganization.name"));
	if (locality)
		assert_contains(r->body, locality);
	char shown[16]; /* the last day, as a German ad writes dates */
	snprintf(shown, sizeof shown, "%.2s.%.2s.%.4s", future + 8, future + 5, future);
	assert_contains(r->body, shown);
	assert_contains(r->body, ld_str(ld, "employmentType")[0] == 'F' ? "Vollzeit" : "</dd>");
	assert_contains(r->body, "<dl class=\"facts job-ad-facts\"");
	json_t *salary = json_object_get(json_object_get(json_object_get(ld, "baseSalary"), "value"), "minValue");
	if (salary) {
		char amount[32];
		long long v = json_integer_value(salary);
		snprintf(amount, sizeof amount, "%lld.%03lld", v / 1000, v % 1000);
		assert_contains(r->body, amount);
	}
	json_decref(ld);
	assert_not_contains(r->body, "class=\"topbar\"");
	http_response_free(r);

	/* the same title again: the slug gets a number */
	r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad", "title=Head+of+Engineering+(m%2Fw%2Fd)", 303);
	http_response_free(r);
	fill_placeholders(c, 2);
	r = post_form_with_csrf(c, "/positions/2/ad", "/positions/2/ad/publish", form, 303);
	http_response_free(r);
	ad = ad_json(2);
	assert_string_equal(json_string_value(json_object_get(ad, "slug")), "head-of-engineering-2");
	json_decref(ad);
	r = get_page(anon, "/jobs/head-of-engineering-2", 200);
	http_response_free(r);
	http_client_free(anon);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-AD-4: unpublishing and expiry remove the posting: 410 Gone, no longer
 * listed; an unknown slug is 404. */
static void unpublished_and_expired_are_gone(void **state)
{
	(void)state;
	struct http_client *anon = http_client_new(&srv);
	struct http_response *r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	http_response_free(r);
	r = get_page(anon, "/jobs/no-such-job", 404);
	http_response_free(r);

	/* expiry: the last valid day lies in the past */
	db_exec("UPDATE job_ads SET valid_through = '2020-01-31' WHERE position_id = 1");
	r = get_page(anon, "/jobs/" KAM_SLUG, 410);
	assert_contains(r->body, "<p class=\"error-code\">410</p>");
	assert_contains(r->body, "href=\"/jobs\"");
	http_response_free(r);
	r = get_page(anon, "/jobs", 200);
	assert_not_contains(r->body, "href=\"/jobs/" KAM_SLUG "\"");
	assert_contains(r->body, "class=\"empty-state\"");
	http_response_free(r);

	/* unpublishing, back within validity first */
	char future[11], sql[160];
	date_in(20, future);
	snprintf(sql, sizeof sql, "UPDATE job_ads SET valid_through = '%s' WHERE position_id = 1", future);
	db_exec(sql);
	r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	http_response_free(r);
	struct http_client *c = client_logged_in(&srv, "admin");
	r = post_form_with_csrf(c, "/positions/1/ad", "/positions/1/ad/unpublish", "", 303);
	assert_redirect(r, "/positions/1/ad?done=unpublished");
	http_response_free(r);
	assert_false(ad_flag(1, "published"));
	r = get_page(anon, "/jobs/" KAM_SLUG, 410);
	http_response_free(r);
	r = get_page(anon, "/jobs", 200);
	assert_not_contains(r->body, "href=\"/jobs/" KAM_SLUG "\"");
	http_response_free(r);

	/* publishing again keeps the address */
	char form[64];
	date_in(10, future);
	snprintf(form, sizeof form, "valid_through=%s", future);
	r = post_form_with_csrf(c, "/positions/1/ad", "/positions/1/ad/publish", form, 303);
	http_response_free(r);
	r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	http_response_free(r);
	http_client_free(c);
	http_client_free(anon);
	assert_no_soft_failures();
}

/* R-X-2: an interviewer can neither open nor change an ad; a recruiter can.
 * The public pages need no login, the editor does. */
static void who_may_do_what(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	static const char *const pages[] = { "/positions/1/ad", "/positions/2/ad", "/positions/1/ad/export?format=md" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct http_response *r = get_page(c, pages[i], 403);
		assert_not_contains(r->body, "Ihre Aufgaben");
		http_response_free(r);
	}
	char before[65536], after[65536];
	ad_dump(1, before, sizeof before);
	static const char *const posts[][2] = {
		{ "/positions/1/ad", "title=Hijacked" },
		{ "/positions/1/ad/generate", "lang=de&force=1" },
		{ "/positions/1/ad/unpublish", "" },
		{ "/positions/1/ad/publish", "valid_through=2099-01-01" },
		{ "/positions/1/ad/check", "title=x" },
	};
	for (size_t i = 0; i < sizeof posts / sizeof posts[0]; i++) {
		struct http_response *r = post_form_with_csrf(c, "/settings", posts[i][0], posts[i][1], 403);
		http_response_free(r);
	}
	ad_dump(1, after, sizeof after);
	assert_string_equal(after, before);
	/* the public page stays open to the interviewer as to anyone */
	struct http_response *r = get_page(c, "/jobs/" KAM_SLUG, 200);
	http_response_free(r);
	http_client_free(c);

	c = client_logged_in(&srv, "weber");
	r = get_page(c, "/positions/1/ad", 200);
	assert_contains(r->body, "name=\"action\" value=\"save\"");
	http_response_free(r);
	http_client_free(c);

	struct http_client *anon = http_client_new(&srv);
	r = http_get(anon, "/positions/1/ad", NULL);
	assert_redirect(r, "/login?next=");
	http_response_free(r);
	r = get_page(anon, "/jobs", 200);
	http_response_free(r);
	r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	json_t *ld = page_jsonld(r->body);
	json_decref(ld);
	http_response_free(r);
	http_client_free(anon);
	assert_no_soft_failures();
}

/* R-X-6: markup typed into the ad comes back as text on the editor, the
 * public page and in the JSON-LD, which it cannot break out of. */
static void markup_is_text(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	const char *title = "Vertrieb <b>&</b> \"Service\" </script><!-- (m/w/d)";
	struct http_response *r = post_form_with_csrf(c, "/positions/1/ad", "/positions/1/ad", field("title", title),
						      303);
	http_response_free(r);
	r = get_page(c, "/positions/1/ad", 200);
	assert_contains(r->body, "value=\"Vertrieb &lt;b&gt;&amp;&lt;/b&gt; &quot;Service&quot; &lt;/script&gt;&lt;!-- (m/w/d)\"");
	assert_not_contains(r->body, "<b>&");
	http_response_free(r);
	struct http_client *anon = http_client_new(&srv);
	r = get_page(anon, "/jobs/" KAM_SLUG, 200);
	assert_contains(r->body, "<h1>Vertrieb &lt;b&gt;&amp;&lt;/b&gt; &quot;Service&quot; &lt;/script&gt;&lt;!-- (m/w/d)</h1>");
	json_t *ld = page_jsonld(r->body);
	assert_string_equal(ld_str(ld, "title"), title);
	json_decref(ld);
	http_response_free(r);
	http_client_free(anon);
	http_client_free(c);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(editor_shows_findings, setup, teardown),
		cmocka_unit_test_setup_teardown(live_check_places_findings, setup, teardown),
		cmocka_unit_test_setup_teardown(generate_from_approved_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(save_and_regenerate, setup, teardown),
		cmocka_unit_test_setup_teardown(fix_without_javascript, setup, teardown),
		cmocka_unit_test_setup_teardown(exports_download, setup, teardown),
		cmocka_unit_test_setup_teardown(publish_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(publish_and_public_page, setup, teardown),
		cmocka_unit_test_setup_teardown(unpublished_and_expired_are_gone, setup, teardown),
		cmocka_unit_test_setup_teardown(who_may_do_what, setup, teardown),
		cmocka_unit_test_setup_teardown(markup_is_text, setup, teardown),
	};
	return cmocka_run_group_tests_name("ad pages", tests, NULL, NULL);
}
