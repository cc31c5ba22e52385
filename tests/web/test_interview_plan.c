/*
 * test_interview_plan.c — black-box tests of the interview plan page, the
 * question bank and the exercise library against the real server:
 * the default three rounds with their German names and the warning a
 * fourth round raises (R-INT-2, R-GUARD-4); interviewers with their focus
 * competencies, defaulting from the stakeholder role (R-INT-4); kits of
 * core questions and exercises in order, and the kit version history once
 * interviews were planned (R-INT-3, R-SALES-2); the question bank with the
 * seed's question verbatim, own questions with field errors and nothing
 * stored on bad input, favourites per user (R-INT-1); the six exercises
 * with their rubric (R-SALES-1); who may change the plan (R-X-2).
 *
 * Every test makes its own position (own organisation) through the JSON
 * API, so tests do not depend on each other. The recruiter weber uses the
 * pages in German (his account's language).
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_admin[128];
static struct http_client *weber;

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "interview plan test", tok_admin, sizeof tok_admin, NULL);
	weber = client_logged_in(&srv, "weber");
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

static int setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

/* ---- helpers ------------------------------------------------------------------------------------ */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

/* A fresh KAM position of its own organisation. */
static long long create_position(const char *title)
{
	char body[512];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", title);
	json_t *o = api_call_json(&srv, tok_admin, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	snprintf(body, sizeof body, "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\"}", title, org);
	json_t *p = api_call_json(&srv, tok_admin, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

static long long user_id(const char *name)
{
	json_t *l = api_call_json(&srv, tok_admin, "GET", "/api/v1/users", NULL, 200);
	json_t *users = json_object_get(l, "users");
	long long id = 0;
	for (size_t i = 0; i < json_array_size(users); i++) {
		json_t *u = json_array_get(users, i);
		if (strcmp(json_string_value(json_object_get(u, "name")), name) == 0)
			id = json_integer_value(json_object_get(u, "id"));
	}
	json_decref(l);
	assert_true(id > 0);
	return id;
}

static void add_stakeholder(long long position, const char *user, const char *role)
{
	char path[96], body[128];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders", position);
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"%s\"}", user_id(user), role);
	json_decref(api_call_json(&srv, tok_admin, "POST", path, body, 201));
}

static const char *plan_of(long long position)
{
	static char path[96];
	snprintf(path, sizeof path, "/positions/%lld/interviews", position);
	return path;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Fails unless needle occurs in the item starting at item (before its
 * first "</li>"). */
static void assert_in_item(const char *item, const char *needle)
{
	assert_non_null(item);
	const char *end = strstr(item, "</li>");
	const char *at = strstr(item, needle);
	if (!at || !end || at > end)
		fail_msg("\"%s\" not in the item: %.300s", needle, item);
}

/* The id of the round at position ord (1-based) on the plan page. */
static long long round_id(const char *html, int ord)
{
	const char *p = html;
	for (int i = 0; i < ord; i++) {
		p = strstr(p, "data-round=\"");
		assert_non_null(p);
		p += strlen("data-round=\"");
	}
	return atoll(p);
}

/* The part of the page that shows round id (up to the next section). */
static char *round_section(const char *html, long long id)
{
	char needle[64];
	snprintf(needle, sizeof needle, "id=\"round-%lld\"", id);
	const char *s = strstr(html, needle);
	assert_non_null(s);
	const char *e = strstr(s, "</section>");
	assert_non_null(e);
	return strndup(s, (size_t)(e - s));
}

static struct http_response *post_plan(long long position, const char *sub, const char *form, long status)
{
	char path[160];
	snprintf(path, sizeof path, "/positions/%lld/interviews%s", position, sub);
	return post_form_with_csrf(weber, plan_of(position), path, form, status);
}

/* ---- rounds (R-INT-2, R-GUARD-4) ----------------------------------------------------------------------- */

/* R-INT-2: the first visit creates the three default rounds, named in
 * German for a German user; no warning for three rounds. */
static void test_default_rounds(void **state)
{
	(void)state;
	long long pos = create_position("Plan Standard");
	struct http_response *res = get_page(weber, plan_of(pos), 200);
	assert_int_equal(count(res->body, "class=\"card round\""), 3);
	/* the round headings, not the stage labels of the same name */
	const char *first = strstr(res->body, "<span class=\"round-ord\">1.</span> Erstgespräch</h2>");
	const char *deep = strstr(res->body, "<span class=\"round-ord\">2.</span> ");
	const char *final = strstr(res->body, "<span class=\"round-ord\">3.</span> Finalgespräch</h2>");
	assert_non_null(first);
	assert_non_null(deep);
	assert_non_null(final);
	assert_true(first < deep && deep < final);
	assert_contains(res->body, "data-ord=\"1\"");
	assert_contains(res->body, "data-ord=\"3\"");
	assert_not_contains(res->body, "data-rule=\"guard.too_many_rounds\"");
	assert_contains(res->body, "class=\"tab tab-interviews\"");
	http_response_free(res);
	/* a second visit does not add rounds again */
	res = get_page(weber, plan_of(pos), 200);
	assert_int_equal(count(res->body, "class=\"card round\""), 3);
	http_response_free(res);
	assert_no_soft_failures();
}

/* R-GUARD-4: a fourth round is stored and warned about; bad input is
 * refused at the field and stores nothing (R-X-6). */
static void test_fourth_round_warns(void **state)
{
	(void)state;
	long long pos = create_position("Plan Vier Runden");
	http_response_free(get_page(weber, plan_of(pos), 200));

	struct http_response *res = post_plan(pos, "", "name=&stage=nope&duration=5", 422);
	assert_contains(res->body, "id=\"new-name-err\"");
	assert_contains(res->body, "id=\"new-stage-err\"");
	assert_contains(res->body, "id=\"new-duration-err\"");
	assert_int_equal(count(res->body, "class=\"card round\""), 3);
	http_response_free(res);

	res = post_plan(pos, "", "name=Fallstudie+mit+Pr%C3%A4sentation&stage=deep_interview&duration=120", 303);
	assert_redirect(res, plan_of(pos));
	http_response_free(res);
	res = get_page(weber, plan_of(pos), 200);
	assert_int_equal(count(res->body, "class=\"card round\""), 4);
	assert_contains(res->body, "Fallstudie mit Präsentation");
	assert_contains(res->body, "data-rule=\"guard.too_many_rounds\"");
	long long fourth = round_id(res->body, 4);
	http_response_free(res);

	/* moving it up makes it round 3 */
	char sub[64];
	snprintf(sub, sizeof sub, "/%lld/move", fourth);
	http_response_free(post_plan(pos, sub, "dir=up", 303));
	res = get_page(weber, plan_of(pos), 200);
	assert_int_equal(round_id(res->body, 3), fourth);
	http_response_free(res);

	/* deleting it (no interviews yet) removes the warning */
	snprintf(sub, sizeof sub, "/%lld/delete", fourth);
	http_response_free(post_plan(pos, sub, "", 303));
	res = get_page(weber, plan_of(pos), 200);
	assert_int_equal(count(res->body, "class=\"card round\""), 3);
	assert_not_contains(res->body, "data-rule=\"guard.too_many_rounds\"");
	http_response_free(res);
	assert_no_soft_failures();
}

/* ---- interviewers and focus (R-INT-4) ----------------------------------------------------------------- */

static void test_interviewer_focus(void **state)
{
	(void)state;
	long long pos = create_position("Plan Fokus");
	add_stakeholder(pos, "schulz", "cfo");
	add_stakeholder(pos, "hoffmann", "head_of_engineering");
	add_stakeholder(pos, "brandt", "sales_head");
	long long schulz = user_id("schulz"), hoffmann = user_id("hoffmann"), yilmaz = user_id("yilmaz");

	/* the in-depth round gets every stakeholder with the focus of their role */
	struct http_response *res = get_page(weber, plan_of(pos), 200);
	long long r1 = round_id(res->body, 1), r2 = round_id(res->body, 2);
	char *deep = round_section(res->body, r2);
	char needle[160];
	snprintf(needle, sizeof needle, "<li data-user=\"%lld\">", schulz);
	const char *li = strstr(deep, needle);
	assert_non_null(li);
	assert_in_item(li, "data-focus=\"salary_realism\"");
	snprintf(needle, sizeof needle, "<li data-user=\"%lld\">", hoffmann);
	li = strstr(deep, needle);
	assert_non_null(li);
	assert_in_item(li, "data-focus=\"industry_knowledge\"");
	free(deep);
	/* the choice form offers the CFO's default focus ticked */
	snprintf(needle, sizeof needle, "id=\"r%lld-u%lld-salary_realism\" name=\"focus_%lld\" value=\"salary_realism\" checked",
		 r1, schulz, schulz);
	assert_contains(res->body, needle);
	http_response_free(res);

	/* choosing interviewers with focus for round 1 */
	char sub[64], form[256];
	snprintf(sub, sizeof sub, "/%lld/interviewers", r1);
	snprintf(form, sizeof form, "user=%lld&focus_%lld=salary_realism&user=%lld&focus_%lld=strategic_thinking&focus_%lld=negotiation",
		 schulz, schulz, yilmaz, yilmaz, yilmaz);
	http_response_free(post_plan(pos, sub, form, 303));
	res = get_page(weber, plan_of(pos), 200);
	char *first = round_section(res->body, r1);
	snprintf(needle, sizeof needle, "<li data-user=\"%lld\">", yilmaz);
	li = strstr(first, needle);
	assert_non_null(li);
	assert_in_item(li, "data-focus=\"strategic_thinking\"");
	assert_in_item(li, "data-focus=\"negotiation\"");
	snprintf(needle, sizeof needle, "<li data-user=\"%lld\">", schulz);
	assert_contains(first, needle);
	free(first);
	http_response_free(res);

	/* a focus that is no competency of the position: refused, nothing changed */
	snprintf(form, sizeof form, "user=%lld&focus_%lld=juggling", yilmaz, yilmaz);
	res = post_plan(pos, sub, form, 422);
	first = round_section(res->body, r1);
	snprintf(needle, sizeof needle, "<li data-user=\"%lld\">", schulz);
	assert_contains(first, needle);
	assert_not_contains(first, "juggling");
	free(first);
	http_response_free(res);
	assert_no_soft_failures();
}

/* ---- kits and versions (R-INT-3, R-SALES-2) -------------------------------------------------------------- */

static const char *first_exercise_key(void)
{
	static char key[64];
	struct http_response *res = get_page(weber, "/exercises", 200);
	const char *p = strstr(res->body, "data-exercise=\"");
	assert_non_null(p);
	p += strlen("data-exercise=\"");
	size_t n = strcspn(p, "\"");
	assert_true(n > 0 && n < sizeof key);
	memcpy(key, p, n);
	key[n] = '\0';
	http_response_free(res);
	return key;
}

static void test_kit_order_and_versions(void **state)
{
	(void)state;
	long long pos = create_position("Plan Kit");
	struct http_response *res = get_page(weber, plan_of(pos), 200);
	long long r1 = round_id(res->body, 1);
	http_response_free(res);
	char sub[64], form[256];
	snprintf(sub, sizeof sub, "/%lld/kit", r1);

	http_response_free(post_plan(pos, sub, "op=add&q=kam.rel.01&q=kam.str.01", 303));
	http_response_free(post_plan(pos, sub, "op=up&ref=kam.str.01", 303));
	snprintf(form, sizeof form, "op=exercises&ex=%s", first_exercise_key());
	http_response_free(post_plan(pos, sub, form, 303));
	/* an unknown question is refused */
	res = post_plan(pos, sub, "op=add&q=kam.zzz.99", 422);
	assert_contains(res->body, "flash-error");
	http_response_free(res);

	res = get_page(weber, plan_of(pos), 200);
	char *kit = round_section(res->body, r1);
	const char *a = strstr(kit, "class=\"kit-question\" data-ref=\"kam.str.01\"");
	const char *b = strstr(kit, "class=\"kit-question\" data-ref=\"kam.rel.01\"");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < b);   /* moved up: shown first */
	assert_contains(kit, "Beschreiben Sie eine Situation, in der Sie einen unzufriedenen Großkunden zurückgewonnen haben");
	assert_not_contains(kit, "kam.zzz.99");
	snprintf(form, sizeof form, "<li data-exercise=\"%s\">", first_exercise_key());
	assert_contains(kit, form);
	assert_not_contains(kit, "data-version=");   /* not used yet: no version */
	free(kit);
	http_response_free(res);

	/* R-INT-3: an interview planned through the API makes v1; changing the
	 * kit afterwards shows the pending v2 */
	json_t *c = api_call_json(&srv, tok_admin, "POST", "/api/v1/candidates",
				  "{\"first_name\":\"Kira\",\"last_name\":\"Kit\",\"email\":\"kira.kit@example.org\"}", 201);
	long long cand = id_of(c);
	json_decref(c);
	char path[96], body[96];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", pos);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *app = api_call_json(&srv, tok_admin, "POST", path, body, 201);
	long long app_id = id_of(app);
	json_decref(app);
	snprintf(path, sizeof path, "/api/v1/applications/%lld/interviews", app_id);
	snprintf(body, sizeof body, "{\"round_id\":%lld}", r1);
	json_decref(api_call_json(&srv, tok_admin, "POST", path, body, 201));

	res = get_page(weber, plan_of(pos), 200);
	kit = round_section(res->body, r1);
	const char *v1 = strstr(kit, "data-version=\"1\"");
	assert_non_null(v1);
	assert_in_item(v1, "Kira Kit");   /* which candidate got v1 */
	assert_not_contains(kit, "data-version=\"2\"");
	assert_contains(kit, "class=\"hint version-note\"");
	free(kit);
	http_response_free(res);

	http_response_free(post_plan(pos, sub, "op=remove&ref=kam.rel.01", 303));
	res = get_page(weber, plan_of(pos), 200);
	kit = round_section(res->body, r1);
	assert_contains(kit, "data-version=\"1\"");
	assert_contains(kit, "data-version=\"2\"");
	assert_not_contains(kit, "class=\"kit-question\" data-ref=\"kam.rel.01\"");
	free(kit);

	/* a round with interviews cannot be deleted */
	http_response_free(res);
	snprintf(sub, sizeof sub, "/%lld/delete", r1);
	res = post_plan(pos, sub, "", 409);
	assert_contains(res->body, "flash-error");
	assert_int_equal(count(res->body, "class=\"card round\""), 3);
	http_response_free(res);
	assert_no_soft_failures();
}

/* ---- question bank (R-INT-1) ------------------------------------------------------------------------------- */

static void test_question_bank(void **state)
{
	(void)state;
	struct http_response *res = get_page(weber, "/questions?role=kam", 200);
	/* the seed's question verbatim, with follow-ups and rating guide */
	const char *q = strstr(res->body, "id=\"q-kam.rel.01\"");
	assert_non_null(q);
	assert_contains(q, "Beschreiben Sie eine Situation, in der Sie einen unzufriedenen Großkunden zurückgewonnen haben.");
	assert_contains(q, "class=\"follow-ups\"");
	assert_contains(q, "class=\"guide-strong\"");
	assert_contains(q, "class=\"guide-weak\"");
	assert_contains(q, "data-type=\"behavioural\"");
	assert_contains(q, "data-competency=\"relationship_management\"");
	q = strstr(res->body, "id=\"q-kam.prs.01\"");
	assert_non_null(q);
	assert_contains(q, "Ein wichtiger Kunde erwägt den Wechsel zu einem Wettbewerber. Sie haben 48 Stunden");
	http_response_free(res);

	/* the same question in English on request */
	res = get_page(weber, "/questions?role=kam&lang=en", 200);
	assert_contains(res->body, "Describe a situation in which you won back a dissatisfied major customer.");
	http_response_free(res);

	/* filter by type */
	res = get_page(weber, "/questions?role=kam&type=situational", 200);
	assert_not_contains(res->body, "data-type=\"behavioural\"");
	assert_contains(res->body, "data-type=\"situational\"");
	http_response_free(res);

	/* other roles have their own banks */
	res = get_page(weber, "/questions?role=hoe", 200);
	assert_contains(res->body, "id=\"q-hoe.");
	assert_not_contains(res->body, "id=\"q-kam.");
	http_response_free(res);

	/* an own question without the weak-answer guide: field error, nothing stored */
	const char *base = "role=kam&type=situational&competency=negotiation&lang=de"
			   "&text=Wie+verhandeln+Sie+mit+einem+Eink%C3%A4ufer+unter+Zeitdruck%3F"
			   "&follow_ups=Was+war+Ihr+Walk-away-Punkt%3F&guide_strong=Nennt+Zahlen";
	res = post_form_with_csrf(weber, "/questions", "/questions", base, 422);
	assert_contains(res->body, "id=\"f-guide_weak-err\"");
	assert_contains(res->body, "aria-invalid=\"true\"");
	http_response_free(res);
	res = get_page(weber, "/questions?role=kam&competency=negotiation", 200);
	assert_not_contains(res->body, "Wie verhandeln Sie mit einem Einkäufer unter Zeitdruck?");
	http_response_free(res);

	/* complete: stored and listed as an own question */
	char form[512];
	snprintf(form, sizeof form, "%s&guide_weak=Bleibt+vage", base);
	res = post_form_with_csrf(weber, "/questions", "/questions", form, 303);
	assert_redirect(res, "/questions?role=kam");
	http_response_free(res);
	res = get_page(weber, "/questions?role=kam&competency=negotiation", 200);
	const char *own = strstr(res->body, "id=\"q-custom.");
	assert_non_null(own);
	assert_contains(own, "Wie verhandeln Sie mit einem Einkäufer unter Zeitdruck?");
	http_response_free(res);

	/* markup typed into a question comes back as text */
	snprintf(form, sizeof form,
		 "role=&type=culture&competency=salary_realism&lang=en&text=%%3Cb%%3EBold%%3C%%2Fb%%3E+question%%3F"
		 "&follow_ups=Why%%3F&guide_strong=Clear&guide_weak=Vague");
	http_response_free(post_form_with_csrf(weber, "/questions", "/questions", form, 303));
	res = get_page(weber, "/questions?role=bdm&type=culture", 200);
	assert_contains(res->body, "&lt;b&gt;Bold&lt;/b&gt; question?");
	assert_not_contains(res->body, "<b>Bold");
	http_response_free(res);
	assert_no_soft_failures();
}

static void test_favourites(void **state)
{
	(void)state;
	struct http_response *res =
		post_form_with_csrf(weber, "/questions", "/questions/favourite", "ref=kam.rel.01&next=/questions%3Frole%3Dkam", 303);
	assert_redirect(res, "/questions?role=kam");
	http_response_free(res);
	res = get_page(weber, "/questions?role=kam&fav=1", 200);
	assert_contains(res->body, "id=\"q-kam.rel.01\"");
	assert_not_contains(res->body, "id=\"q-kam.str.01\"");
	assert_contains(res->body, "aria-pressed=\"true\"");
	http_response_free(res);

	/* favourites are per user */
	struct http_client *brandt = client_logged_in(&srv, "brandt");
	res = get_page(brandt, "/questions?role=kam&fav=1", 200);
	assert_not_contains(res->body, "id=\"q-kam.rel.01\"");
	http_response_free(res);
	http_client_free(brandt);

	/* toggling again removes it; an unknown ref is refused */
	http_response_free(post_form_with_csrf(weber, "/questions", "/questions/favourite", "ref=kam.rel.01", 303));
	res = get_page(weber, "/questions?role=kam&fav=1", 200);
	assert_not_contains(res->body, "id=\"q-kam.rel.01\"");
	http_response_free(res);
	http_response_free(post_form_with_csrf(weber, "/questions", "/questions/favourite", "ref=custom.999999", 404));
	assert_no_soft_failures();
}

/* R-SALES-1: the six exercises with scenario, what to observe and rubric. */
static void test_exercises(void **state)
{
	(void)state;
	struct http_response *res = get_page(weber, "/exercises", 200);
	assert_int_equal(count(res->body, "<article class=\"exercise card\""), 6);
	assert_int_equal(count(res->body, "<div data-rating=\""), 6 * 4);
	assert_contains(res->body, "48 Stunden");
	assert_contains(res->body, "class=\"observe\"");
	http_response_free(res);
	assert_no_soft_failures();
}

/* R-X-2: interviewers neither see nor change plans or the bank. */
static void test_permissions(void **state)
{
	(void)state;
	long long pos = create_position("Plan Rechte");
	struct http_response *res = get_page(weber, plan_of(pos), 200);
	long long r1 = round_id(res->body, 1);
	http_response_free(res);
	struct http_client *hoffmann = client_logged_in(&srv, "hoffmann");
	res = http_get(hoffmann, plan_of(pos), NULL);
	assert_status(res, 403);
	http_response_free(res);
	char path[128];
	snprintf(path, sizeof path, "/positions/%lld/interviews/%lld/kit", pos, r1);
	http_response_free(post_form_with_csrf(hoffmann, "/dashboard", path, "op=add&q=kam.rel.01", 403));
	http_response_free(post_form_with_csrf(hoffmann, "/dashboard", plan_of(pos), "name=X&duration=60", 403));
	http_response_free(post_form_with_csrf(hoffmann, "/dashboard", "/questions/favourite", "ref=kam.rel.01", 403));
	http_client_free(hoffmann);
	/* nothing changed */
	res = get_page(weber, plan_of(pos), 200);
	assert_int_equal(count(res->body, "class=\"card round\""), 3);
	assert_not_contains(res->body, "class=\"kit-question\"");
	http_response_free(res);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_default_rounds, setup),
		cmocka_unit_test_setup(test_fourth_round_warns, setup),
		cmocka_unit_test_setup(test_interviewer_focus, setup),
		cmocka_unit_test_setup(test_kit_order_and_versions, setup),
		cmocka_unit_test_setup(test_question_bank, setup),
		cmocka_unit_test_setup(test_favourites, setup),
		cmocka_unit_test_setup(test_exercises, setup),
		cmocka_unit_test_setup(test_permissions, setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
