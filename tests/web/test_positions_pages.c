/*
 * test_positions_pages.c — black-box tests of the step-2 HTML pages against
 * the real server: the positions list, the "Neue Stelle" wizard (basics,
 * goals, requirements, stakeholders, review), approved versions and their
 * comparison, hiring companies and the role-template editor (R-ROLE-1,
 * R-PROF-1..8); who may see, edit and approve (R-X-2); bad input typed into
 * the forms, refused with the message at the field and nothing stored
 * (R-X-6); and markup typed by users, which must come back as text.
 *
 * Every page is checked with the harness's well-formedness check, not just
 * grepped. What was (not) stored is read back through the JSON API with an
 * admin Bearer token from `stellwerk token create`. Each test gets its own
 * demo server, so no test depends on what another one changed.
 *
 * Demo data: position 1 "Key Account Manager Industriekunden" (approved
 * version 1, no findings), position 2 "Business Development Manager
 * Skandinavien" (draft with warnings and an undecided tier conflict),
 * organisation 1; users admin, weber (recruiter), brandt (hiring manager),
 * hoffmann (interviewer).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_admin[128];

/* ---- setup ---------------------------------------------------------------------------------- */

/* A fresh demo server per test. */
static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "positions pages test", tok_admin, sizeof tok_admin, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

/* ---- the API as the judge of what was stored ------------------------------------------------------ */

/* GET path with the admin token; asserts 200 and returns the JSON (caller decrefs). */
static json_t *api_get(const char *path)
{
	return api_call_json(&srv, tok_admin, "GET", path, NULL, 200);
}

static size_t count_positions(void)
{
	json_t *l = api_get("/api/v1/positions");
	size_t n = json_array_size(json_object_get(l, "positions"));
	json_decref(l);
	return n;
}

/* GET /api/v1/positions/ID; the caller decrefs. */
static json_t *position_json(long long id)
{
	char path[64];
	snprintf(path, sizeof path, "/api/v1/positions/%lld", id);
	return api_get(path);
}

static json_t *profile_array(json_t *position, const char *name)
{
	return json_object_get(json_object_get(position, "profile"), name);
}

static size_t count_of(long long position, const char *name)
{
	json_t *p = position_json(position);
	size_t n = json_array_size(profile_array(p, name));
	json_decref(p);
	return n;
}

static size_t count_versions(long long position)
{
	char path[80];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/versions", position);
	json_t *v = api_get(path);
	size_t n = json_array_size(json_object_get(v, "versions"));
	json_decref(v);
	return n;
}

/* The id of the n-th goal (0-based) of a position. */
static long long goal_id(long long position, size_t n)
{
	json_t *p = position_json(position);
	long long id = json_integer_value(json_object_get(json_array_get(profile_array(p, "goals"), n), "id"));
	json_decref(p);
	if (id <= 0)
		fail_msg("position %lld has no goal #%zu", position, n);
	return id;
}

/* Copies JSON text into out and frees it; fails when it does not fit. */
static void take_dump(char *text, char *out, size_t n)
{
	size_t len = text ? strlen(text) : 0;
	if (text && len < n)
		memcpy(out, text, len + 1);
	free(text);
	if (!len || len >= n)
		fail_msg("cannot keep a JSON dump of %zu bytes", len);
}

/* The requirement with this id as JSON text (compact, keys sorted) in out,
 * to compare before and after a refused request. */
static void requirement_dump(long long position, long long id, char *out, size_t n)
{
	json_t *p = position_json(position);
	size_t i;
	json_t *q;
	char *text = NULL;
	json_array_foreach(profile_array(p, "requirements"), i, q)
		if (!text && json_integer_value(json_object_get(q, "id")) == id)
			text = json_dumps(q, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(p);
	if (!text)
		fail_msg("position %lld has no requirement %lld", position, id);
	take_dump(text, out, n);
}

/* The whole profile of a position as JSON text in out. */
static void profile_dump(long long position, char *out, size_t n)
{
	json_t *p = position_json(position);
	char *text = json_dumps(json_object_get(p, "profile"), JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(p);
	take_dump(text, out, n);
}

/* The whole position (basics, profile, versions) as JSON text in out. */
static void position_dump(long long position, char *out, size_t n)
{
	json_t *p = position_json(position);
	char *text = json_dumps(p, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(p);
	take_dump(text, out, n);
}

/* The first requirement of a position of this kind ("experience", …). */
static long long requirement_of_kind(long long position, const char *kind)
{
	json_t *p = position_json(position);
	size_t i;
	json_t *q;
	long long id = 0;
	json_array_foreach(profile_array(p, "requirements"), i, q)
		if (!id && strcmp(json_string_value(json_object_get(q, "kind")), kind) == 0)
			id = json_integer_value(json_object_get(q, "id"));
	json_decref(p);
	if (!id)
		fail_msg("position %lld has no requirement of kind %s", position, kind);
	return id;
}

static bool position_has_requirement(long long position, long long id)
{
	json_t *p = position_json(position);
	size_t i;
	json_t *q;
	bool found = false;
	json_array_foreach(profile_array(p, "requirements"), i, q)
		found |= json_integer_value(json_object_get(q, "id")) == id;
	json_decref(p);
	return found;
}

/* Whether GET /api/v1/templates lists key, and its "customised" flag. */
static bool template_listed(const char *key, bool *customised)
{
	json_t *l = api_get("/api/v1/templates");
	size_t i;
	json_t *t;
	bool found = false;
	json_array_foreach(json_object_get(l, "templates"), i, t) {
		if (strcmp(json_string_value(json_object_get(t, "key")), key) == 0) {
			found = true;
			if (customised)
				*customised = json_is_true(json_object_get(t, "customised"));
		}
	}
	json_decref(l);
	return found;
}

/* ---- pages and forms -------------------------------------------------------------------------- */

/* Whether the <div class="field…"> holding the element with this id is
 * marked as wrong and carries its message right there (R-X-6: the message
 * names the field). Fails when there is no such element. */
static bool field_has_error(const char *html, const char *id)
{
	char attr[128];
	snprintf(attr, sizeof attr, "id=\"%s\"", id);
	const char *at = strstr(html, attr);
	if (!at)
		fail_msg("no element with id \"%s\" on the page", id);
	const char *start = NULL;
	for (const char *p = html; (p = strstr(p, "<div class=\"field")) && p < at; p++)
		start = p;
	if (!start)
		fail_msg("the element \"%s\" is not inside a <div class=\"field…\">", id);
	const char *end = strstr(at, "</div>"); /* fields hold no divs */
	assert_non_null(end);
	size_t len = (size_t)(end - start);
	char *field = strndup(start, len);
	assert_non_null(field);
	bool ok = strncmp(field, "<div class=\"field has-error\"", 28) == 0 && strstr(field, "class=\"field-error\"");
	free(field);
	return ok;
}

/* Soft check: the field holding id shows its error message. */
static void check_field_error(const char *what, const char *html, const char *id)
{
	if (!field_has_error(html, id))
		soft_fail("%s: no error message at the field #%s", what, id);
}

/* Soft check: every link of the error summary ("#…") points at an element
 * of the page, so the message leads to the field. */
static void check_summary_links(const char *what, const char *html)
{
	const char *summary = strstr(html, "<div class=\"flash flash-error\" role=\"alert\">");
	if (!summary)
		return;
	const char *end = strstr(summary, "</div>");
	assert_non_null(end);
	for (const char *p = summary; (p = strstr(p, "href=\"#")) && p < end; p++) {
		const char *target = p + strlen("href=\"#");
		size_t len = strcspn(target, "\"");
		char attr[128];
		snprintf(attr, sizeof attr, "id=\"%.*s\"", (int)len, target);
		if (!strstr(html, attr))
			soft_fail("%s: the error summary links to #%.*s, which is not on the page", what, (int)len, target);
	}
}

/* A requirement form for a new or changed requirement: title plus extra
 * fields ("years_min=12&years_max=8"); fields absent here keep their value
 * on an update. The first value of a field wins, so extra must not repeat
 * the fields set here. */
static void requirement_form(char *out, size_t n, const char *title, const char *kind, const char *extra)
{
	char t[512];
	url_encode_to(title, t, sizeof t);
	snprintf(out, n, "title=%s&tier=important&kind=%s&technical=0&detail=%s%s", t, kind, *extra ? "&" : "", extra);
}

/* ---- tests ------------------------------------------------------------------------------------ */

/* R-PROF-1..8, R-ROLE-1: every page of the positions area answers with a
 * well-formed page for an administrator. */
static void every_page_is_well_formed_for_admin(void **state)
{
	(void)state;
	static const char *const pages[] = {
		"/positions", "/positions?status=draft", "/positions/new", "/positions/new?template=bdm", "/positions/1",
		"/positions/1/edit", "/positions/1/goals", "/positions/1/requirements", "/positions/1/stakeholders",
		"/positions/1/review", "/positions/1/versions/1", "/positions/1/compare?a=1&b=draft", "/positions/2",
		"/positions/2/edit", "/positions/2/goals", "/positions/2/requirements", "/positions/2/stakeholders",
		"/positions/2/review", "/positions/2/compare?a=draft&b=draft", "/organisations", "/organisations/1",
		"/settings/templates", "/settings/templates/kam", "/settings/templates/bdm", "/settings/templates/hoe",
	};
	struct http_client *c = client_logged_in(&srv, "admin");
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct http_response *r = get_page(c, pages[i], 200);
		assert_contains(r->body, "<header class=\"topbar\">");
		http_response_free(r);
	}

	/* what is not there is a 404 page, not a crash */
	static const char *const missing[] = { "/positions/999", "/positions/999/goals", "/positions/1/versions/2",
					       "/positions/1/versions/99999999", "/positions/1/compare?a=1&b=7",
					       "/positions/1/compare?a=x&b=draft", "/positions/1/compare",
					       "/organisations/999", "/settings/templates/nope" };
	for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
		struct http_response *r = get_page(c, missing[i], 404);
		http_response_free(r);
	}
	struct http_response *r = get_page(c, "/positions?status=bogus", 400);
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-PROF-2..8: the checks panel names each finding by its rule id; the
 * approved demo KAM has none, the BDM draft shows the seed's problems. */
static void checks_panel_shows_the_findings(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	static const char *const clean[] = { "/positions/1", "/positions/1/requirements", "/positions/1/review" };
	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		struct http_response *r = get_page(c, clean[i], 200);
		assert_contains(r->body, "<section class=\"card checks\" id=\"checks\"");
		assert_contains(r->body, "<p class=\"check-ok\">");
		assert_not_contains(r->body, "<li class=\"finding");
		http_response_free(r);
	}

	static const char *const draft[] = { "/positions/2", "/positions/2/requirements", "/positions/2/review" };
	for (size_t i = 0; i < sizeof draft / sizeof draft[0]; i++) {
		struct http_response *r = get_page(c, draft[i], 200);
		assert_contains(r->body, "<li class=\"finding finding-error\" data-rule=\"profile.tier_conflict\">"); /* R-PROF-6 */
		assert_contains(r->body, "<li class=\"finding finding-warning\" data-rule=\"profile.must_have_count\">"); /* R-PROF-4 */
		assert_contains(r->body, "data-rule=\"profile.unicorn\"");                  /* R-PROF-5 */
		assert_contains(r->body, "data-rule=\"profile.unlinked_requirement\"");     /* R-PROF-2 */
		assert_contains(r->body, "data-rule=\"profile.goal_without_requirement\""); /* R-PROF-2 */
		assert_contains(r->body, "data-rule=\"profile.no_challenges\"");            /* R-PROF-8 */
		http_response_free(r);
	}

	/* R-PROF-3: three tiers; requirements serving no goal are marked */
	struct http_response *r = get_page(c, "/positions/2/requirements", 200);
	assert_contains(r->body, "<h2 class=\"tier tier-must\">");
	assert_contains(r->body, "<h2 class=\"tier tier-important\">");
	assert_contains(r->body, "<h2 class=\"tier tier-nice\">");
	assert_contains(r->body, "<span class=\"badge badge-warn\">");
	http_response_free(r);

	/* the profile views mark the requirements a finding concerns */
	r = get_page(c, "/positions/2/review", 200);
	assert_contains(r->body, "<h3 class=\"tier tier-must\">");
	if (!strstr(r->body, "\" class=\"flagged\"><strong>"))
		soft_fail("GET /positions/2/review: no requirement is marked class=\"flagged\" although findings concern them");
	http_response_free(r);

	/* R-PROF-6: the stakeholders page offers the decision */
	r = get_page(c, "/positions/2/stakeholders", 200);
	assert_contains(r->body, "/decide\">");
	assert_contains(r->body, "<table class=\"data\"><caption>");
	http_response_free(r);

	/* R-PROF-8: the known challenges of position 1 are shown */
	r = get_page(c, "/positions/1", 200);
	assert_contains(r->body, "<p class=\"prewrap\">");
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-PROF-2: a finding about a goal marks that goal, not the requirement
 * that happens to have the same id. */
static void findings_mark_only_the_items_concerned(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	/* a goal that no requirement serves: profile.goal_without_requirement */
	struct http_response *r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals",
						      "kind=market_entry&title=Markteintritt+Polen&region=Polen", 303);
	char loc[256];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	http_response_free(r);
	const char *hash = strstr(loc, "#goal-");
	assert_non_null(hash);
	long long goal = atoll(hash + strlen("#goal-"));
	assert_true(goal > 0);
	/* the demo's ids make the new goal's id that of a requirement of position 1 */
	assert_true(position_has_requirement(1, goal));

	r = get_page(c, "/positions/1/review", 200);
	assert_contains(r->body, "data-rule=\"profile.goal_without_requirement\"");
	char item[64];
	snprintf(item, sizeof item, "<li id=\"req-%lld\"", goal);
	const char *li = strstr(r->body, item);
	assert_non_null(li);
	/* requirement GOAL serves goals and has no finding: it must not be flagged (R-PROF-2) */
	if (strncmp(li + strlen(item), "><strong>", 9) != 0)
		soft_fail("GET /positions/1/review: requirement %lld is marked although only goal %lld has a finding: %.80s",
			  goal, goal, li);
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-ROLE-1, R-PROF-1, R-PROF-2: the form makes a position from a template,
 * leads on to the goals, and a goal that no requirement serves is flagged. */
static void new_position_from_a_template(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	size_t before = count_positions();
	struct http_response *r = get_page(c, "/positions/new", 200);
	assert_contains(r->body, "<select id=\"f-template_key\" name=\"template_key\"");
	assert_contains(r->body, "<option value=\"kam\" selected>");
	assert_contains(r->body, "<option value=\"bdm\">");
	assert_contains(r->body, "<option value=\"hoe\">");
	assert_contains(r->body, "<input id=\"f-title\" name=\"title\"");
	assert_contains(r->body, "<select id=\"f-organisation_id\" name=\"organisation_id\"");
	http_response_free(r);

	r = post_form_with_csrf(c, "/positions/new", "/positions",
				"template_key=bdm&title=Business+Development+Manager+DACH&organisation_id=1&salary_min=80.000&salary_max=100000",
				303);
	char loc[256];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	http_response_free(r);
	long long id = 0;
	assert_int_equal(sscanf(loc, "/positions/%lld/goals", &id), 1);
	assert_true(id > 0);
	assert_int_equal(count_positions(), before + 1);

	json_t *p = position_json(id);
	char tkey[32], status[32];
	snprintf(tkey, sizeof tkey, "%s", json_string_value(json_object_get(p, "template_key")));
	snprintf(status, sizeof status, "%s", json_string_value(json_object_get(p, "status")));
	long long salary_min = json_integer_value(json_object_get(p, "salary_min"));
	long long org = json_integer_value(json_object_get(p, "organisation_id"));
	size_t nreq = json_array_size(profile_array(p, "requirements"));
	size_t challenges = json_string_length(json_object_get(p, "challenges"));
	json_decref(p);
	assert_string_equal(tkey, "bdm");
	assert_string_equal(status, "draft");
	assert_int_equal(salary_min, 80000);
	assert_int_equal(org, 1);
	assert_true(challenges > 0); /* R-PROF-8: from the template */
	/* R-ROLE-1: the template's suggested requirements were copied */
	json_t *t = api_get("/api/v1/templates/bdm");
	size_t ntpl = json_array_size(json_object_get(t, "requirements"));
	json_decref(t);
	assert_true(ntpl > 0);
	assert_int_equal(nreq, ntpl);

	r = get_page(c, loc, 200);
	assert_contains(r->body, "<div class=\"flash flash-ok\" role=\"status\">");
	assert_contains(r->body, "Business Development Manager DACH");
	http_response_free(r);

	/* R-PROF-1: a revenue goal, with the separators people type */
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/goals", id);
	r = post_form_with_csrf(c, path, path,
				"kind=revenue&title=Umsatz+DACH&revenue_amount=3.000.000&horizon_months=24&international=0&technical_market=0",
				303);
	assert_redirect(r, path);
	http_response_free(r);
	p = position_json(id);
	json_t *g = json_array_get(profile_array(p, "goals"), 0);
	char kind[32];
	snprintf(kind, sizeof kind, "%s", g ? json_string_value(json_object_get(g, "kind")) : "(none)");
	long long amount = json_integer_value(json_object_get(g, "revenue_amount"));
	long long horizon = json_integer_value(json_object_get(g, "horizon_months"));
	json_decref(p);
	assert_string_equal(kind, "revenue");
	assert_int_equal(amount, 3000000);
	assert_int_equal(horizon, 24);

	/* R-PROF-2: the goal serves nothing yet */
	snprintf(path, sizeof path, "/positions/%lld/requirements", id);
	r = get_page(c, path, 200);
	assert_contains(r->body, "data-rule=\"profile.goal_without_requirement\"");
	assert_contains(r->body, "name=\"goal_ids\"");
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

/* R-X-2: an interviewer neither sees nor changes positions, even with a
 * valid CSRF token; nothing is stored. */
static void interviewer_is_refused(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	static const char *const pages[] = { "/positions", "/positions/1", "/positions/1/goals", "/positions/1/review",
					     "/positions/1/versions/1", "/positions/new", "/organisations",
					     "/settings/templates" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct http_response *r = get_page(c, pages[i], 403); /* R-X-2 */
		assert_contains(r->body, "<p class=\"error-code\">403</p>");
		assert_not_contains(r->body, "Key Account Manager Industriekunden");
		http_response_free(r);
	}

	static char before[65536], after[65536];
	profile_dump(1, before, sizeof before);
	size_t goals = count_of(1, "goals");
	struct http_response *r = post_form_with_csrf(c, "/settings", "/positions/1/goals",
						      "kind=free_text&title=Sneaky+goal", 403); /* R-X-2 */
	http_response_free(r);
	r = post_form_with_csrf(c, "/settings", "/positions/1/approve", "", 403);
	http_response_free(r);
	r = post_form_with_csrf(c, "/settings", "/positions", "template_key=kam&title=Sneaky&organisation_id=1", 403);
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_of(1, "goals"), goals); /* nothing stored */
	profile_dump(1, after, sizeof after);
	assert_string_equal(after, before);
	assert_int_equal(count_versions(1), 1);
	assert_int_equal(count_positions(), 4);
	assert_no_soft_failures();
}

/* R-X-2, R-PROF-7: a recruiter edits the profile but does not approve it. */
static void recruiter_edits_but_cannot_approve(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "weber");
	struct http_response *r = get_page(c, "/positions/1/goals", 200);
	assert_contains(r->body, "action=\"/positions/1/goals\"");
	http_response_free(r);

	size_t goals = count_of(1, "goals");
	r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals",
				"kind=revenue&title=Umsatz+Polen&revenue_amount=1000000&horizon_months=12", 303);
	assert_redirect(r, "/positions/1/goals?done=saved#goal-");
	http_response_free(r);
	assert_int_equal(count_of(1, "goals"), goals + 1);

	/* the review offers no approval to a recruiter ... */
	r = get_page(c, "/positions/1/review", 200);
	assert_not_contains(r->body, "action=\"/positions/1/approve\"");
	http_response_free(r);
	/* ... and refuses it when forged */
	r = post_form_with_csrf(c, "/positions/1/review", "/positions/1/approve", "", 403); /* R-X-2 */
	http_response_free(r);
	assert_int_equal(count_versions(1), 1);

	/* templates are an administrator's business */
	r = get_page(c, "/settings/templates", 403);
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions", "/settings/templates/kam/copy", "", 403);
	http_response_free(r);
	http_client_free(c);
	assert_false(template_listed("kam-kopie", NULL));
	assert_no_soft_failures();
}

/* The <li> of the versions list that links version v of position 1; caller frees. */
static char *version_item(const char *html, int v)
{
	char a[96];
	snprintf(a, sizeof a, "<li><a href=\"/positions/1/versions/%d\">", v);
	const char *li = strstr(html, a);
	if (!li)
		fail_msg("the versions list has no entry for version %d", v);
	const char *end = strstr(li, "</li>");
	assert_non_null(end);
	return strndup(li, (size_t)(end - li));
}

/* R-X-2, R-PROF-7: a hiring manager approves a changed profile into a new
 * version; approving it again unchanged is refused; the versions can be
 * compared. */
static void hiring_manager_approves(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "brandt");
	char form[1024], extra[64];
	snprintf(extra, sizeof extra, "goal_ids=%lld", goal_id(1, 1));
	requirement_form(form, sizeof form, "Polnischkenntnisse", "language", "language=Polnisch&level=B1");
	strncat(form, "&", sizeof form - strlen(form) - 1);
	strncat(form, extra, sizeof form - strlen(form) - 1);
	struct http_response *r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form,
						      303);
	http_response_free(r);

	r = get_page(c, "/positions/1/review", 200);
	assert_contains(r->body, "<form method=\"post\" action=\"/positions/1/approve\">");
	assert_contains(r->body, "/positions/1/compare?a=1&amp;b=draft"); /* the draft changed since version 1 */
	http_response_free(r);

	r = post_form_with_csrf(c, "/positions/1/review", "/positions/1/approve", "", 303); /* R-PROF-7 */
	assert_redirect(r, "/positions/1/review?done=approved");
	http_response_free(r);
	assert_int_equal(count_versions(1), 2);
	json_t *p = position_json(1);
	long long approved = json_integer_value(json_object_get(p, "approved_version"));
	json_decref(p);
	assert_int_equal(approved, 2);

	r = get_page(c, "/positions/1/review?done=approved", 200);
	assert_contains(r->body, "<div class=\"flash flash-ok\" role=\"status\">");
	assert_contains(r->body, "<a href=\"/positions/1/versions/2\">");
	assert_not_contains(r->body, "action=\"/positions/1/approve\"");
	/* version 2 is compared with its predecessor, version 1 has none */
	char *v2 = version_item(r->body, 2), *v1 = version_item(r->body, 1);
	bool v2_ok = strstr(v2, "/positions/1/compare?a=1&amp;b=2") != NULL, v1_ok = strstr(v1, "/compare?") == NULL;
	free(v2);
	free(v1);
	if (!v2_ok || !v1_ok)
		soft_fail("GET /positions/1/review: \"compare with the previous version\" should sit at version 2 and "
			  "link a=1&b=2 (version 2 has it: %s; version 1 has none: %s)", v2_ok ? "yes" : "no", v1_ok ? "yes" : "no");
	http_response_free(r);

	/* R-PROF-7: the versions stay as they were approved */
	r = get_page(c, "/positions/1/versions/2", 200);
	assert_contains(r->body, "Polnischkenntnisse");
	http_response_free(r);
	r = get_page(c, "/positions/1/versions/1", 200);
	assert_not_contains(r->body, "Polnischkenntnisse");
	http_response_free(r);
	r = get_page(c, "/positions/1/compare?a=1&b=2", 200);
	assert_contains(r->body, "<table class=\"data compare\">");
	const char *added = strstr(r->body, "<tr class=\"added\">");
	assert_non_null(added);
	assert_non_null(strstr(added, "Polnischkenntnisse"));
	http_response_free(r);

	/* approving twice: refused, no third version (R-X-6) */
	r = post_form_with_csrf(c, "/positions/1/review", "/positions/1/approve", "", 409);
	assert_contains(r->body, "<p class=\"error-code\">409</p>");
	http_response_free(r);
	assert_int_equal(count_versions(1), 2);

	/* an edit after the approval starts a new draft, compared with the last version */
	r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals", "kind=free_text&title=Messeauftritte",
				303);
	http_response_free(r);
	r = get_page(c, "/positions/1/review", 200);
	assert_contains(r->body, "action=\"/positions/1/approve\"");
	if (!strstr(r->body, "/positions/1/compare?a=2&amp;b=draft"))
		soft_fail("GET /positions/1/review: the changed draft is not compared with the last approved version 2");
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_versions(1), 2);
	assert_no_soft_failures();
}

/* R-PROF-7, R-X-6: the approved, unchanged demo KAM is not approved again. */
static void approving_an_unchanged_profile_is_refused(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = get_page(c, "/positions/1/review", 200);
	assert_not_contains(r->body, "action=\"/positions/1/approve\"");
	assert_contains(r->body, "<a href=\"/positions/1/versions/1\">");
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/1/review", "/positions/1/approve", "", 409); /* R-PROF-7 */
	assert_contains(r->body, "<p class=\"error-code\">409</p>");
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_versions(1), 1);
	assert_no_soft_failures();
}

/* R-PROF-6, R-PROF-7: the BDM draft's undecided tier conflict blocks the
 * approval — no form, and a forged request is refused. */
static void tier_conflict_blocks_approval(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = get_page(c, "/positions/2/review", 200);
	assert_contains(r->body, "<li class=\"finding finding-error\" data-rule=\"profile.tier_conflict\">");
	assert_not_contains(r->body, "action=\"/positions/2/approve\"");
	http_response_free(r);

	r = post_form_with_csrf(c, "/positions/2/review", "/positions/2/approve", "", 409); /* R-PROF-6 */
	assert_contains(r->body, "<p class=\"error-code\">409</p>");
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_versions(2), 0);

	struct http_client *hm = client_logged_in(&srv, "brandt");
	r = post_form_with_csrf(hm, "/positions/2/review", "/positions/2/approve", "", 409);
	http_response_free(r);
	http_client_free(hm);
	assert_int_equal(count_versions(2), 0);
	json_t *p = position_json(2);
	long long approved = json_integer_value(json_object_get(p, "approved_version"));
	json_decref(p);
	assert_int_equal(approved, 0);
	assert_no_soft_failures();
}

/* R-X-6: the basics form refuses an empty title and an inverted salary band
 * with the message at the field; no position is created. */
static void position_form_refuses_bad_input(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	size_t before = count_positions();

	static const char *const empty_titles[] = { "template_key=kam&title=&organisation_id=1",
						    "template_key=kam&title=+++&organisation_id=1",
						    "template_key=kam&organisation_id=1" };
	for (size_t i = 0; i < sizeof empty_titles / sizeof empty_titles[0]; i++) {
		struct http_response *r = post_form_with_csrf(c, "/positions/new", "/positions", empty_titles[i],
							      422); /* R-X-6 */
		assert_contains(r->body, "aria-invalid=\"true\" aria-describedby=\"f-title-err\"><p class=\"field-error\" id=\"f-title-err\">");
		check_field_error("POST /positions, empty title", r->body, "f-title");
		assert_contains(r->body, "<div class=\"flash flash-error\" role=\"alert\">");
		assert_contains(r->body, "<a href=\"#f-title\">");
		check_summary_links("POST /positions, empty title", r->body);
		assert_contains(r->body, "<option value=\"kam\" selected>"); /* the input is kept */
		http_response_free(r);
	}
	assert_int_equal(count_positions(), before); /* nothing stored */

	struct http_response *r = post_form_with_csrf(c, "/positions/new", "/positions",
						      "template_key=kam&title=KAM+Nord&organisation_id=1&salary_min=90000&salary_max=80000", 422);
	check_field_error("POST /positions, salary 90000 > 80000", r->body, "f-salary_max"); /* R-X-6 */
	assert_contains(r->body, "value=\"KAM Nord\"");
	check_summary_links("POST /positions, inverted salary", r->body);
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/new", "/positions",
				"template_key=kam&title=KAM+Nord&organisation_id=1&salary_min=-5", 422);
	check_field_error("POST /positions, salary -5", r->body, "f-salary_min");
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/new", "/positions", "template_key=nope&title=KAM+Nord&organisation_id=1",
				422);
	check_field_error("POST /positions, unknown template", r->body, "f-template_key");
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/new", "/positions",
				"template_key=kam&title=KAM+Nord&organisation_id=999", 422);
	check_field_error("POST /positions, unknown organisation", r->body, "f-organisation_id");
	http_response_free(r);
	assert_int_equal(count_positions(), before); /* nothing stored */

	/* the same on the edit form of an existing position */
	static char old[65536], now[65536];
	position_dump(1, old, sizeof old);
	r = post_form_with_csrf(c, "/positions/1/edit", "/positions/1", "status=draft&title=&organisation_id=1", 422);
	check_field_error("POST /positions/1, empty title", r->body, "f-title");
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/1/edit", "/positions/1",
				"status=open&title=Anders&organisation_id=1&salary_min=120000&salary_max=100000", 422);
	check_field_error("POST /positions/1, inverted salary", r->body, "f-salary_max");
	http_response_free(r);
	http_client_free(c);
	position_dump(1, now, sizeof now);
	assert_string_equal(now, old); /* nothing stored */
	assert_no_soft_failures();
}

/* R-X-6, R-PROF-3: an inverted experience range is refused at the field,
 * for a new requirement and an existing one; nothing is stored. */
static void requirement_form_refuses_inverted_years(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	long long req = requirement_of_kind(1, "experience");
	static char old[16384], now[16384];
	requirement_dump(1, req, old, sizeof old);
	size_t nreq = count_of(1, "requirements");

	char form[1024], path[96], id[32];
	requirement_form(form, sizeof form, "Vertriebserfahrung (geändert)", "experience", "years_min=12&years_max=8");
	snprintf(path, sizeof path, "/positions/1/requirements/%lld", req);
	struct http_response *r = post_form_with_csrf(c, "/positions/1/requirements", path, form, 422); /* R-X-6 */
	snprintf(id, sizeof id, "q%lld-years_max", req);
	check_field_error("POST requirement, years 12 to 8", r->body, id);
	assert_contains(r->body, "<details class=\"edit\" open>"); /* the failed form stays open */
	http_response_free(r);
	requirement_dump(1, req, now, sizeof now);
	assert_string_equal(now, old); /* nothing stored */

	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	check_field_error("POST new requirement, years 12 to 8", r->body, "new-years_max");
	http_response_free(r);
	assert_int_equal(count_of(1, "requirements"), nreq);

	/* not a number, out of range */
	requirement_form(form, sizeof form, "Vertriebserfahrung", "experience", "years_min=abc&years_max=500");
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	check_field_error("POST new requirement, years abc", r->body, "new-years_min");
	check_field_error("POST new requirement, years 500", r->body, "new-years_max");
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_of(1, "requirements"), nreq);
	assert_no_soft_failures();
}

/* R-X-6: an unknown CEFR level is refused with its message at the level
 * field, for a new requirement and an existing one; nothing is stored. */
static void requirement_form_refuses_unknown_level(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	long long req = requirement_of_kind(1, "language");
	static char old[16384], now[16384];
	requirement_dump(1, req, old, sizeof old);
	size_t nreq = count_of(1, "requirements");

	char form[1024], path[96], id[32];
	requirement_form(form, sizeof form, "Englisch verhandlungssicher", "language", "language=Englisch&level=D1");
	snprintf(path, sizeof path, "/positions/1/requirements/%lld", req);
	struct http_response *r = post_form_with_csrf(c, "/positions/1/requirements", path, form, 422); /* R-X-6 */
	snprintf(id, sizeof id, "q%lld-level", req);
	check_field_error("POST requirement, level D1", r->body, id);
	http_response_free(r);
	requirement_dump(1, req, now, sizeof now);
	assert_string_equal(now, old); /* nothing stored */

	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	assert_contains(r->body, "<div class=\"flash flash-error\" role=\"alert\">");
	check_field_error("POST new requirement, level D1", r->body, "new-level");
	check_summary_links("POST new requirement, level D1", r->body);
	http_response_free(r);
	assert_int_equal(count_of(1, "requirements"), nreq);

	/* a language without a level, and a level in lower case (valid) */
	requirement_form(form, sizeof form, "Polnisch", "language", "language=Polnisch&level=");
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	http_response_free(r);
	assert_int_equal(count_of(1, "requirements"), nreq);
	requirement_form(form, sizeof form, "Polnisch", "language", "language=Polnisch&level=b2");
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 303);
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_of(1, "requirements"), nreq + 1);
	assert_no_soft_failures();
}

/* R-PROF-2, R-X-6: a requirement links only goals of its own position. */
static void requirement_links_only_own_goals(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	long long foreign = goal_id(2, 0);
	long long own = goal_id(1, 0);
	long long req = requirement_of_kind(1, "experience");
	static char old[16384], now[16384];
	requirement_dump(1, req, old, sizeof old);
	size_t nreq = count_of(1, "requirements");

	char extra[128], form[1024], path[96];
	snprintf(extra, sizeof extra, "goal_ids=%lld&goal_ids=%lld", own, foreign);
	requirement_form(form, sizeof form, "Geänderte Erfahrung", "experience", extra);
	snprintf(path, sizeof path, "/positions/1/requirements/%lld", req);
	struct http_response *r = post_form_with_csrf(c, "/positions/1/requirements", path, form, 422); /* R-X-6 */
	char anchor[64];
	snprintf(anchor, sizeof anchor, "<div class=\"item-row\" id=\"req-%lld\">", req);
	const char *row = strstr(r->body, anchor);
	assert_non_null(row);
	const char *next = strstr(row + 1, "<div class=\"item-row\"");
	const char *err = strstr(row, "<p class=\"field-error\">");
	assert_non_null(err);
	assert_true(!next || err < next); /* the message is in this requirement's form */
	http_response_free(r);
	requirement_dump(1, req, now, sizeof now);
	assert_string_equal(now, old); /* links and title unchanged */

	/* a new requirement with another position's goal is not created */
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	assert_contains(r->body, "<p class=\"field-error\">");
	http_response_free(r);
	assert_int_equal(count_of(1, "requirements"), nreq);

	/* goal ids that do not exist or are no ids */
	requirement_form(form, sizeof form, "Neue Anforderung", "skill", "goal_ids=999999");
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	http_response_free(r);
	requirement_form(form, sizeof form, "Neue Anforderung", "skill", "goal_ids=abc");
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 422);
	http_response_free(r);
	assert_int_equal(count_of(1, "requirements"), nreq);

	/* the position's own goal is fine */
	snprintf(extra, sizeof extra, "goal_ids=%lld", own);
	requirement_form(form, sizeof form, "Neue Anforderung", "skill", extra);
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 303);
	assert_redirect(r, "/positions/1/requirements?done=saved#req-");
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_of(1, "requirements"), nreq + 1);
	assert_no_soft_failures();
}

/* R-X-6: a goal of position 2 cannot be changed or deleted through
 * position 1's address; goal input is checked at the field. */
static void foreign_goal_is_not_found(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	long long foreign = goal_id(2, 0);
	long long req2 = requirement_of_kind(2, "experience");
	static char p2[65536], now[65536];
	profile_dump(2, p2, sizeof p2);
	char path[96], form[1024];
	snprintf(path, sizeof path, "/positions/1/goals/%lld", foreign);
	struct http_response *r = post_form_with_csrf(c, "/positions/1/goals", path, "kind=free_text&title=Gekapert",
						      404); /* R-X-6 */
	http_response_free(r);
	snprintf(path, sizeof path, "/positions/1/goals/%lld/delete", foreign);
	r = post_form_with_csrf(c, "/positions/1/goals", path, "", 404);
	http_response_free(r);
	snprintf(path, sizeof path, "/positions/1/requirements/%lld", req2);
	requirement_form(form, sizeof form, "Gekapert", "skill", "");
	r = post_form_with_csrf(c, "/positions/1/requirements", path, form, 404);
	http_response_free(r);
	snprintf(path, sizeof path, "/positions/1/requirements/%lld/delete", req2);
	r = post_form_with_csrf(c, "/positions/1/requirements", path, "", 404);
	http_response_free(r);
	profile_dump(2, now, sizeof now);
	assert_string_equal(now, p2); /* position 2 unchanged */

	/* goal input of position 1 itself: refused at the field */
	size_t goals = count_of(1, "goals");
	r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals", "kind=free_text&title=", 422);
	check_field_error("POST goal, empty title", r->body, "new-title");
	check_summary_links("POST goal, empty title", r->body);
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals",
				"kind=revenue&title=Umsatz&revenue_amount=-3", 422);
	check_field_error("POST goal, revenue -3", r->body, "new-revenue_amount");
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals", "kind=bogus&title=Umsatz", 422);
	check_field_error("POST goal, kind bogus", r->body, "new-kind");
	http_response_free(r);
	long long own = goal_id(1, 0);
	snprintf(path, sizeof path, "/positions/1/goals/%lld", own);
	r = post_form_with_csrf(c, "/positions/1/goals", path, "kind=revenue&title=", 422);
	snprintf(form, sizeof form, "g%lld-title", own);
	check_field_error("POST goal edit, empty title", r->body, form);
	http_response_free(r);
	http_client_free(c);
	assert_int_equal(count_of(1, "goals"), goals);
	assert_no_soft_failures();
}

/* Makes the form body "json=<doc>" in out. */
static void json_form(json_t *doc, char *out, size_t n)
{
	char *text = json_dumps(doc, JSON_COMPACT);
	assert_non_null(text);
	char *enc = url_encode(text);
	free(text);
	assert_non_null(enc);
	size_t len = (size_t)snprintf(out, n, "json=%s", enc);
	free(enc);
	assert_true(len < n);
}

/* The template key of a "/settings/templates/KEY?…" redirect. */
static void copy_key_from_location(const struct http_response *r, char *key, size_t n)
{
	char loc[256];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	const char *k = loc + strlen("/settings/templates/");
	assert_true(strncmp(loc, "/settings/templates/", strlen("/settings/templates/")) == 0);
	size_t len = strcspn(k, "?#/");
	assert_true(len > 0 && len < n);
	memcpy(key, k, len);
	key[len] = '\0';
}

/* R-ROLE-1, R-X-6: the template editor refuses broken JSON and stores
 * nothing; copies appear under a new key; built-ins are restorable. */
static void template_editor(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = get_page(c, "/settings/templates/kam", 200);
	assert_contains(r->body, "<textarea id=\"f-json\" name=\"json\"");
	assert_contains(r->body, "&quot;key&quot;: &quot;kam&quot;"); /* the document, escaped */
	http_response_free(r);

	/* broken JSON: 422, the parse error at the field, nothing stored */
	r = post_form_with_csrf(c, "/settings/templates/kam", "/settings/templates/kam",
				"json=%7B%22key%22%3A%22kam%22%2C%22name%22%3A", 422); /* R-X-6 */
	check_field_error("POST template, broken JSON", r->body, "f-json");
	assert_contains(r->body, "<p class=\"field-error\" id=\"f-json-err\">");
	assert_contains(r->body, "line 1, column"); /* the parser's position */
	assert_contains(r->body, "{&quot;key&quot;:&quot;kam&quot;,&quot;name&quot;:</textarea>"); /* the input is kept */
	http_response_free(r);
	bool customised = true;
	assert_true(template_listed("kam", &customised));
	assert_false(customised);
	r = post_form_with_csrf(c, "/settings/templates/kam", "/settings/templates/kam", "", 422);
	http_response_free(r);
	assert_true(template_listed("kam", &customised));
	assert_false(customised);

	/* valid JSON with another key, and a valid change of the name */
	static char wrong_key[262144], changed[262144];
	json_t *doc = api_get("/api/v1/templates/kam");
	json_object_set_new(doc, "key", json_string("bdm"));
	json_form(doc, wrong_key, sizeof wrong_key);
	json_object_set_new(doc, "key", json_string("kam"));
	json_t *name = json_object_get(doc, "name");
	if (json_is_object(name))
		json_object_set_new(name, "de", json_string("Key Account Manager (angepasst)"));
	else
		json_object_set_new(doc, "name", json_string("Key Account Manager (angepasst)"));
	json_form(doc, changed, sizeof changed);
	json_decref(doc);

	r = post_form_with_csrf(c, "/settings/templates/kam", "/settings/templates/kam", wrong_key, 422);
	check_field_error("POST template, another key", r->body, "f-json");
	http_response_free(r);
	assert_true(template_listed("kam", &customised));
	assert_false(customised);

	/* a valid change is stored: kam is customised ... */
	r = post_form_with_csrf(c, "/settings/templates/kam", "/settings/templates/kam", changed, 303);
	assert_redirect(r, "/settings/templates/kam?done=saved");
	http_response_free(r);
	assert_true(template_listed("kam", &customised));
	assert_true(customised);
	r = get_page(c, "/settings/templates", 200);
	assert_contains(r->body, "action=\"/settings/templates/kam/restore\"");
	http_response_free(r);

	/* ... and restored to the built-in (R-ROLE-1) */
	r = post_form_with_csrf(c, "/settings/templates", "/settings/templates/kam/restore", "", 303);
	http_response_free(r);
	assert_true(template_listed("kam", &customised));
	assert_false(customised);
	r = get_page(c, "/settings/templates", 200);
	assert_not_contains(r->body, "action=\"/settings/templates/kam/restore\"");
	http_response_free(r);

	/* copying makes a new template under a new key (R-ROLE-1) */
	char copy[64], copy2[64], path[128];
	r = post_form_with_csrf(c, "/settings/templates", "/settings/templates/kam/copy", "", 303);
	assert_redirect(r, "/settings/templates/");
	copy_key_from_location(r, copy, sizeof copy);
	http_response_free(r);
	assert_string_not_equal(copy, "kam");
	assert_true(template_listed(copy, NULL)); /* the copy loads and is listed */
	assert_true(template_listed("kam", &customised));
	assert_false(customised); /* the source is untouched */
	snprintf(path, sizeof path, "/settings/templates/%s", copy);
	r = get_page(c, path, 200);
	char key_line[128];
	snprintf(key_line, sizeof key_line, "&quot;key&quot;: &quot;%s&quot;", copy);
	assert_contains(r->body, key_line);
	http_response_free(r);
	r = get_page(c, "/settings/templates", 200);
	char link[160];
	snprintf(link, sizeof link, "<a href=\"/settings/templates/%s\">", copy);
	assert_contains(r->body, link);
	http_response_free(r);
	/* a second copy gets another key */
	r = post_form_with_csrf(c, "/settings/templates", "/settings/templates/kam/copy", "", 303);
	copy_key_from_location(r, copy2, sizeof copy2);
	http_response_free(r);
	assert_string_not_equal(copy2, copy);
	assert_true(template_listed(copy2, NULL));
	/* a copy is offered for new positions */
	r = get_page(c, "/positions/new", 200);
	char option[160];
	snprintf(option, sizeof option, "<option value=\"%s\">", copy);
	assert_contains(r->body, option);
	http_response_free(r);

	/* an own template is deleted by "restore" */
	snprintf(path, sizeof path, "/settings/templates/%s/restore", copy);
	r = post_form_with_csrf(c, "/settings/templates", path, "", 303);
	http_response_free(r);
	http_client_free(c);
	assert_false(template_listed(copy, NULL));
	assert_true(template_listed(copy2, NULL));
	assert_no_soft_failures();
}

/* Markup typed by users comes back as text on every page that shows it. */
static void user_markup_is_escaped(void **state)
{
	(void)state;
	struct http_client *c = client_logged_in(&srv, "admin");
	struct http_response *r = post_form_with_csrf(c, "/positions/1/goals", "/positions/1/goals",
						      "kind=free_text&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&notes=%22%3E%3Cb%3Ex", 303);
	http_response_free(r);
	char form[1024];
	requirement_form(form, sizeof form, "<img src=x onerror=alert(2)>", "skill", "");
	r = post_form_with_csrf(c, "/positions/1/requirements", "/positions/1/requirements", form, 303);
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/1/stakeholders", "/positions/1/stakeholders",
				"name=%22%3E%3Cu%3EEvil%3C%2Fu%3E&role=cfo&user_id=", 303);
	http_response_free(r);
	r = post_form_with_csrf(c, "/positions/1/review", "/positions/1/approve", "", 303);
	http_response_free(r);

	static const char *const goal = "&lt;script&gt;alert(1)&lt;/script&gt;";
	static const char *const req = "&lt;img src=x onerror=alert(2)&gt;";
	static const char *const person = "&quot;&gt;&lt;u&gt;Evil&lt;/u&gt;";
	static const struct {
		const char *path;
		const char *shows[3];
	} pages[] = {
		{ "/positions/1", { goal, req, NULL } },
		{ "/positions/1/goals", { goal, NULL, NULL } },
		{ "/positions/1/requirements", { goal, req, NULL } },
		{ "/positions/1/stakeholders", { req, person, NULL } },
		{ "/positions/1/review", { goal, req, person } },
		{ "/positions/1/versions/2", { goal, req, person } },
		{ "/positions/1/compare?a=1&b=2", { req, NULL, NULL } },
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		r = get_page(c, pages[i].path, 200); /* and well-formed: nothing broke out */
		for (int k = 0; k < 3 && pages[i].shows[k]; k++)
			assert_contains(r->body, pages[i].shows[k]);
		assert_not_contains(r->body, "<script>alert(1)");
		assert_not_contains(r->body, "<img src=x");
		assert_not_contains(r->body, "<u>Evil");
		assert_not_contains(r->body, "&amp;lt;"); /* and not escaped twice */
		http_response_free(r);
	}

	/* a title with markup, through the basics form */
	r = post_form_with_csrf(c, "/positions/new", "/positions",
				"template_key=kam&title=%3Cb%3EKAM%3C%2Fb%3E+%26+%22Co%22&organisation_id=1", 303);
	http_response_free(r);
	r = get_page(c, "/positions", 200);
	assert_contains(r->body, "&lt;b&gt;KAM&lt;/b&gt; &amp; &quot;Co&quot;");
	assert_not_contains(r->body, "<b>KAM");
	http_response_free(r);
	http_client_free(c);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_page_is_well_formed_for_admin, setup, teardown),
		cmocka_unit_test_setup_teardown(checks_panel_shows_the_findings, setup, teardown),
		cmocka_unit_test_setup_teardown(findings_mark_only_the_items_concerned, setup, teardown),
		cmocka_unit_test_setup_teardown(new_position_from_a_template, setup, teardown),
		cmocka_unit_test_setup_teardown(interviewer_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(recruiter_edits_but_cannot_approve, setup, teardown),
		cmocka_unit_test_setup_teardown(hiring_manager_approves, setup, teardown),
		cmocka_unit_test_setup_teardown(approving_an_unchanged_profile_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(tier_conflict_blocks_approval, setup, teardown),
		cmocka_unit_test_setup_teardown(position_form_refuses_bad_input, setup, teardown),
		cmocka_unit_test_setup_teardown(requirement_form_refuses_inverted_years, setup, teardown),
		cmocka_unit_test_setup_teardown(requirement_form_refuses_unknown_level, setup, teardown),
		cmocka_unit_test_setup_teardown(requirement_links_only_own_goals, setup, teardown),
		cmocka_unit_test_setup_teardown(foreign_goal_is_not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(template_editor, setup, teardown),
		cmocka_unit_test_setup_teardown(user_markup_is_escaped, setup, teardown),
	};
	return cmocka_run_group_tests_name("positions pages", tests, NULL, NULL);
}
