/*
 * test_positions_api.c — black-box tests of the step-2 JSON API against the
 * real server: organisations, positions created from a role template
 * (R-ROLE-1), the requirements profile with goals, links, stakeholders and
 * proposals (R-PROF-1..3, R-PROF-6), the profile checks (R-PROF-2, R-PROF-4,
 * R-PROF-8), approval into immutable versions (R-PROF-7), refusal of bad
 * input that names the field and stores nothing (R-X-6), the permission
 * rules per role (R-X-2), and `stellwerk position list|export`.
 *
 * Most requests carry Bearer tokens made with `stellwerk token create`; one
 * test drives the API with a session and its X-CSRF-Token header.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;

/* API tokens of the demo users, made in group_setup */
static char tok_admin[128], tok_weber[128], tok_brandt[128], tok_hoffmann[128];

/* ---- helpers ------------------------------------------------------------------------------ */

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "admin", "positions api test", tok_admin, sizeof tok_admin, NULL);
	cli_token_create(&srv, "weber", "positions api test", tok_weber, sizeof tok_weber, NULL);
	cli_token_create(&srv, "brandt", "positions api test", tok_brandt, sizeof tok_brandt, NULL);
	cli_token_create(&srv, "hoffmann", "positions api test", tok_hoffmann, sizeof tok_hoffmann, NULL);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	server_stop(&srv);
	return 0;
}

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

static long long my_user_id(const char *token)
{
	json_t *me = api_call_json(&srv, token, "GET", "/api/v1/me", NULL, 200);
	long long id = id_of(me);
	json_decref(me);
	return id;
}

static long long create_organisation(const char *name)
{
	char body[256];
	snprintf(body, sizeof body, "{\"name\":\"%s\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", name);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations", body, 201);
	long long id = id_of(o);
	json_decref(o);
	return id;
}

/* A KAM position from the built-in template, created by weber. */
static long long create_kam_position(long long org, const char *title)
{
	char body[512];
	snprintf(body, sizeof body,
		 "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\","
		 "\"salary_min\":85000,\"salary_max\":110000}",
		 title, org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

/* GET /api/v1/positions/ID as admin; the caller decrefs. */
static json_t *get_position(long long id)
{
	char path[64];
	snprintf(path, sizeof path, "/api/v1/positions/%lld", id);
	return api_call_json(&srv, tok_admin, "GET", path, NULL, 200);
}

static json_t *profile_array(json_t *position, const char *name)
{
	return json_object_get(json_object_get(position, "profile"), name);
}

static size_t count_of(long long position, const char *name)
{
	json_t *p = get_position(position);
	size_t n = json_array_size(profile_array(p, name));
	json_decref(p);
	return n;
}

static size_t count_positions(void)
{
	json_t *l = api_call_json(&srv, tok_admin, "GET", "/api/v1/positions", NULL, 200);
	size_t n = json_array_size(json_object_get(l, "positions"));
	json_decref(l);
	return n;
}

/* The finding of rule in a profile-check answer, or NULL. */
static json_t *finding(json_t *check, const char *rule)
{
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(check, "findings"), i, f)
		if (strcmp(json_string_value(json_object_get(f, "rule")), rule) == 0)
			return f;
	return NULL;
}

static bool items_contain(json_t *f, long long id)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(f, "items"), i, v)
		if (json_integer_value(v) == id)
			return true;
	return false;
}

static json_t *profile_check(long long position)
{
	char path[80];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/profile-check", position);
	return api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
}

static long long add_goal(long long position, const char *title)
{
	char path[80], body[256];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/goals", position);
	snprintf(body, sizeof body,
		 "{\"kind\":\"revenue\",\"title\":\"%s\",\"revenue_amount\":2000000,\"horizon_months\":24}", title);
	json_t *g = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(g);
	assert_string_equal(json_string_value(json_object_get(g, "kind")), "revenue");
	json_decref(g);
	return id;
}

/* The id of the first requirement of the draft with this tier. */
static long long requirement_with_tier(long long position, const char *tier)
{
	json_t *p = get_position(position);
	size_t i;
	json_t *q;
	long long id = 0;
	json_array_foreach(profile_array(p, "requirements"), i, q)
		if (!id && strcmp(json_string_value(json_object_get(q, "tier")), tier) == 0)
			id = id_of(q);
	json_decref(p);
	assert_true(id > 0);
	return id;
}

/* One requirement of the draft as JSON (decref the result's parent via *holder). */
static json_t *requirement_in(json_t *position, long long id)
{
	size_t i;
	json_t *q;
	json_array_foreach(profile_array(position, "requirements"), i, q)
		if (json_integer_value(json_object_get(q, "id")) == id)
			return q;
	return NULL;
}

/* ---- organisations ------------------------------------------------------------------------ */

static void organisations_are_created_read_and_changed(void **state)
{
	(void)state;
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations",
				  "{\"name\":\"  Nordlicht Logistik GmbH \",\"website\":\"https://nordlicht.example\","
				  "\"street\":\"Am Sandtorkai 1\",\"postal_code\":\"20457\",\"city\":\"Hamburg\","
				  "\"state\":\"de-hh\"}",
				  201);
	long long id = id_of(o);
	assert_string_equal(json_string_value(json_object_get(o, "name")), "Nordlicht Logistik GmbH"); /* trimmed */
	assert_string_equal(json_string_value(json_object_get(o, "state")), "DE-HH");
	assert_string_equal(json_string_value(json_object_get(o, "country")), "DE");
	json_decref(o);

	char path[64];
	snprintf(path, sizeof path, "/api/v1/organisations/%lld", id);
	o = api_call_json(&srv, tok_weber, "PATCH", path, "{\"city\":\"Bremen\",\"state\":\"DE-HB\"}", 200);
	assert_string_equal(json_string_value(json_object_get(o, "city")), "Bremen");
	assert_string_equal(json_string_value(json_object_get(o, "street")), "Am Sandtorkai 1"); /* PATCH keeps the rest */
	json_decref(o);
	o = api_call_json(&srv, tok_brandt, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(o, "city")), "Bremen");
	json_decref(o);

	json_t *list = api_call_json(&srv, tok_brandt, "GET", "/api/v1/organisations", NULL, 200);
	bool listed = false;
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(list, "organisations"), i, e)
		listed |= json_integer_value(json_object_get(e, "id")) == id;
	assert_true(listed);
	json_decref(list);

	/* R-X-6: bad input names the field and changes nothing */
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/organisations", "{\"name\":\"   \"}", 422, "#/name");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/organisations",
			   "{\"name\":\"X\",\"website\":\"ftp://x.example\"}", 422,
			   "#/website");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"state\":\"DE-XX\",\"city\":\"Kiel\"}", 422, "#/state");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"logo_url\":\"javascript:alert(1)\"}", 422, "#/logo_url");
	o = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(o, "city")), "Bremen");
	json_decref(o);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/organisations/999999", NULL, 404, NULL);
	api_expect_problem(&srv, tok_weber, "PATCH", "/api/v1/organisations/999999", "{\"city\":\"Kiel\"}", 404, NULL);

	/* R-X-2: hiring managers read organisations but do not manage them; interviewers see none */
	api_expect_problem(&srv, tok_brandt, "POST", "/api/v1/organisations", "{\"name\":\"Sneaky AG\"}", 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "GET", "/api/v1/organisations", NULL, 403, NULL);
}

/* ---- positions and templates ------------------------------------------------------------------ */

static void templates_are_listed_and_readable(void **state)
{
	(void)state;
	json_t *l = api_call_json(&srv, tok_weber, "GET", "/api/v1/templates", NULL, 200);
	static const char *const keys[] = { "kam", "bdm", "hoe" };
	for (size_t k = 0; k < 3; k++) {
		bool found = false;
		size_t i;
		json_t *t;
		json_array_foreach(json_object_get(l, "templates"), i, t) {
			if (strcmp(json_string_value(json_object_get(t, "key")), keys[k]) != 0)
				continue;
			found = true;
			assert_true(json_is_true(json_object_get(t, "builtin"))); /* R-ROLE-1 */
			assert_true(json_integer_value(json_object_get(t, "competencies")) > 0);
			assert_true(json_integer_value(json_object_get(t, "requirements")) > 0);
			assert_true(json_string_length(json_object_get(t, "name")) > 0);
		}
		if (!found)
			fail_msg("template %s is not listed", keys[k]);
	}
	json_decref(l);

	json_t *t = api_call_json(&srv, tok_weber, "GET", "/api/v1/templates/kam", NULL, 200);
	assert_string_equal(json_string_value(json_object_get(t, "key")), "kam");
	assert_true(json_array_size(json_object_get(t, "competencies")) > 0); /* R-ROLE-2 */
	assert_true(json_array_size(json_object_get(t, "requirements")) > 0);
	json_decref(t);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/templates/no-such-template", NULL, 404, NULL);
	api_expect_problem(&srv, tok_hoffmann, "GET", "/api/v1/templates", NULL, 403, NULL); /* R-X-2 */
}

static void position_is_created_from_the_kam_template(void **state)
{
	(void)state;
	long long org = create_organisation("Hanse Maschinenbau AG");
	char body[512];
	snprintf(body, sizeof body,
		 "{\"title\":\"Key Account Manager Automotive\",\"organisation_id\":%lld,\"template_key\":\"kam\","
		 "\"department\":\"Vertrieb\",\"remote\":\"hybrid\",\"salary_min\":85000,\"salary_max\":110000}",
		 org);
	struct http_response *r = api_call(&srv, tok_weber, "POST", "/api/v1/positions", body);
	assert_status(r, 201);
	char location[128];
	assert_true(http_header(r, "Location", location, sizeof location));
	json_t *p = http_json(r);
	http_response_free(r);
	long long id = id_of(p);
	char expected[64];
	snprintf(expected, sizeof expected, "/api/v1/positions/%lld", id);
	assert_string_equal(location, expected);
	assert_string_equal(json_string_value(json_object_get(p, "status")), "draft");
	assert_string_equal(json_string_value(json_object_get(p, "template_key")), "kam");
	assert_int_equal(json_integer_value(json_object_get(p, "owner_id")), my_user_id(tok_weber)); /* owner defaults to the caller */
	assert_true(json_string_length(json_object_get(p, "challenges")) > 0); /* R-PROF-8: the template's challenges */

	/* R-ROLE-1: the template's requirements were copied, with their tiers */
	json_t *reqs = profile_array(p, "requirements");
	size_t nreqs = json_array_size(reqs);
	assert_true(nreqs > 0);
	size_t musts = 0, languages = 0;
	size_t i;
	json_t *q;
	json_array_foreach(reqs, i, q) {
		musts += strcmp(json_string_value(json_object_get(q, "tier")), "must") == 0;
		if (strcmp(json_string_value(json_object_get(q, "kind")), "language") == 0) {
			languages++;
			assert_true(json_string_length(json_object_get(q, "level")) == 2); /* CEFR level copied */
		}
		assert_int_equal(json_array_size(json_object_get(q, "goal_ids")), 0);
	}
	assert_true(musts >= 3 && musts <= 5); /* R-PROF-4 */
	assert_true(languages > 0);
	assert_int_equal(json_array_size(json_object_get(p, "versions")), 0);
	assert_true(json_is_true(json_object_get(p, "draft_changed")));
	json_decref(p);

	/* the list shows it with its counts, and filters by status */
	json_t *l = api_call_json(&srv, tok_brandt, "GET", "/api/v1/positions?status=draft", NULL, 200);
	bool found = false;
	json_array_foreach(json_object_get(l, "positions"), i, q) {
		if (json_integer_value(json_object_get(q, "id")) != id)
			continue;
		found = true;
		assert_string_equal(json_string_value(json_object_get(q, "organisation_name")), "Hanse Maschinenbau AG");
		assert_true(json_string_length(json_object_get(q, "owner_name")) > 0);
		assert_int_equal(json_integer_value(json_object_get(q, "requirement_count")), nreqs);
		assert_int_equal(json_integer_value(json_object_get(q, "must_count")), musts);
		assert_int_equal(json_integer_value(json_object_get(q, "days_open")), 0);
	}
	assert_true(found);
	json_decref(l);
	l = api_call_json(&srv, tok_brandt, "GET", "/api/v1/positions?status=open", NULL, 200);
	json_array_foreach(json_object_get(l, "positions"), i, q)
		assert_int_not_equal(json_integer_value(json_object_get(q, "id")), id);
	json_decref(l);
	api_expect_problem(&srv, tok_brandt, "GET", "/api/v1/positions?status=bogus", NULL, 400, "#/status");

	/* PATCH: status and challenges */
	char path[64];
	snprintf(path, sizeof path, "/api/v1/positions/%lld", id);
	p = api_call_json(&srv, tok_weber, "PATCH", path,
			  "{\"status\":\"open\",\"challenges\":\"Zwei Großkunden sind unzufrieden.\"}",
			  200);
	assert_string_equal(json_string_value(json_object_get(p, "status")), "open");
	assert_true(json_integer_value(json_object_get(p, "opened_at")) > 0);
	assert_string_equal(json_string_value(json_object_get(p, "challenges")), "Zwei Großkunden sind unzufrieden.");
	assert_string_equal(json_string_value(json_object_get(p, "department")), "Vertrieb"); /* kept */
	json_decref(p);
	api_expect_problem(&srv, tok_weber, "GET", "/api/v1/positions/999999", NULL, 404, NULL);
}

static void position_input_is_refused_naming_the_field(void **state)
{
	(void)state;
	long long org = create_organisation("Refusals GmbH");
	size_t before = count_positions();
	char body[512];
	/* R-X-6: each answered 422 naming the field, nothing stored */
	snprintf(body, sizeof body, "{\"title\":\"  \",\"organisation_id\":%lld,\"template_key\":\"kam\"}", org);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", body, 422, "#/title");
	snprintf(body, sizeof body,
		 "{\"title\":\"KAM\",\"organisation_id\":%lld,\"salary_min\":90000,\"salary_max\":80000}", org);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", body, 422, "#/salary_max");
	snprintf(body, sizeof body, "{\"title\":\"KAM\",\"organisation_id\":%lld,\"salary_min\":-5}", org);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", body, 422, "#/salary_min");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions",
			   "{\"title\":\"KAM\",\"organisation_id\":999999}", 422,
			   "#/organisation_id");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", "{\"title\":\"KAM\"}", 422,
			   "#/organisation_id");
	snprintf(body, sizeof body, "{\"title\":\"KAM\",\"organisation_id\":%lld,\"template_key\":\"astronaut\"}", org);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", body, 422, "#/template_key");
	snprintf(body, sizeof body, "{\"title\":\"KAM\",\"organisation_id\":%lld,\"owner_id\":999999}", org);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", body, 422, "#/owner_id");
	snprintf(body, sizeof body, "{\"title\":\"KAM\",\"organisation_id\":%lld,\"remote\":\"moon\"}", org);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", body, 422, "#/remote");
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", "{\"title\":", 400, NULL);
	api_expect_problem(&srv, tok_weber, "POST", "/api/v1/positions", "[1,2]", 400, NULL);
	assert_int_equal(count_positions(), before);

	/* the wrong media type */
	struct http_client *c = http_client_new(&srv);
	char auth[256];
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", tok_weber);
	const char *const headers[] = { auth, "Content-Type: text/plain", NULL };
	struct http_response *r = http_request(c, "POST", "/api/v1/positions", headers, "{}", 2);
	json_t *p = assert_problem(r, 415);
	json_decref(p);
	http_response_free(r);
	http_client_free(c);

	/* PATCH with an inverted range changes nothing, not even the valid fields */
	long long id = create_kam_position(org, "KAM Refusals");
	char path[64];
	snprintf(path, sizeof path, "/api/v1/positions/%lld", id);
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"location\":\"Kiel\",\"salary_min\":120000}", 422,
			   "#/salary_max");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"status\":\"archived\"}", 422, "#/status");
	p = get_position(id);
	assert_string_equal(json_string_value(json_object_get(p, "location")), "Hamburg");
	assert_int_equal(json_integer_value(json_object_get(p, "salary_min")), 85000);
	assert_string_equal(json_string_value(json_object_get(p, "status")), "draft");
	json_decref(p);
}

/* ---- the profile ------------------------------------------------------------------------------- */

static void profile_is_built_checked_and_approved(void **state)
{
	(void)state;
	long long org = create_organisation("Profilbau KG");
	long long id = create_kam_position(org, "KAM Norddeutschland");
	char path[128], body[256];

	/* R-PROF-1: without goals the check reports an error that blocks approval */
	json_t *check = profile_check(id);
	json_t *f = finding(check, "profile.no_goals");
	assert_non_null(f);
	assert_string_equal(json_string_value(json_object_get(f, "severity")), "error");
	assert_true(json_string_length(json_object_get(f, "message")) > 0);
	assert_true(json_is_true(json_object_get(check, "blocks_approval")));
	json_decref(check);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/approve", id);
	struct http_response *r = api_call(&srv, tok_brandt, "POST", path, NULL);
	json_t *p = assert_problem(r, 409); /* R-PROF-7: blocked while errors remain */
	json_t *err0 = json_array_get(json_object_get(p, "errors"), 0);
	assert_non_null(err0);
	assert_true(strncmp(json_string_value(json_object_get(err0, "pointer")), "#/findings/", 11) == 0);
	json_decref(p);
	http_response_free(r);

	/* R-PROF-1, R-PROF-2: a goal; now nothing serves it and no requirement serves a goal */
	long long goal = add_goal(id, "Umsatz mit Bestandskunden um 2 Mio. EUR steigern");
	long long req = requirement_with_tier(id, "must");
	check = profile_check(id);
	assert_null(finding(check, "profile.no_goals"));
	f = finding(check, "profile.unlinked_requirement");
	assert_non_null(f);
	assert_true(items_contain(f, req));
	f = finding(check, "profile.goal_without_requirement");
	assert_non_null(f);
	assert_true(items_contain(f, goal));
	assert_false(json_is_true(json_object_get(check, "blocks_approval")));
	json_decref(check);

	/* R-PROF-2: link the requirement to the goal */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", id, req);
	snprintf(body, sizeof body, "{\"goal_ids\":[%lld,%lld]}", goal, goal);
	json_t *q = api_call_json(&srv, tok_weber, "PATCH", path, body, 200);
	assert_int_equal(json_array_size(json_object_get(q, "goal_ids")), 1); /* duplicates count once */
	assert_int_equal(json_integer_value(json_array_get(json_object_get(q, "goal_ids"), 0)), goal);
	json_decref(q);
	check = profile_check(id);
	f = finding(check, "profile.unlinked_requirement");
	assert_true(f == NULL || !items_contain(f, req));
	assert_null(finding(check, "profile.goal_without_requirement"));
	json_decref(check);

	/* R-PROF-7: approval creates version 1 */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/approve", id);
	r = api_call(&srv, tok_brandt, "POST", path, NULL);
	assert_status(r, 201);
	json_t *v = http_json(r);
	assert_int_equal(json_integer_value(json_object_get(v, "version")), 1);
	json_decref(v);
	char location[128], expected[128];
	assert_true(http_header(r, "Location", location, sizeof location));
	snprintf(expected, sizeof expected, "/api/v1/positions/%lld/versions/1", id);
	assert_string_equal(location, expected);
	http_response_free(r);

	/* approving twice is refused */
	api_expect_problem(&srv, tok_brandt, "POST", path, NULL, 409, NULL);
	p = get_position(id);
	assert_int_equal(json_integer_value(json_object_get(p, "approved_version")), 1);
	assert_false(json_is_true(json_object_get(p, "draft_changed")));
	json_decref(p);

	/* an edit after approval starts a new draft; the version stays as approved */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", id, req);
	q = api_call_json(&srv, tok_weber, "PATCH", path,
			  "{\"tier\":\"important\",\"detail\":\"Nach Rücksprache mit dem Vertrieb\"}", 200);
	assert_string_equal(json_string_value(json_object_get(q, "tier")), "important");
	assert_int_equal(json_array_size(json_object_get(q, "goal_ids")), 1); /* links kept when not given */
	json_decref(q);
	p = get_position(id);
	assert_true(json_is_true(json_object_get(p, "draft_changed")));
	json_decref(p);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/approve", id);
	v = api_call_json(&srv, tok_brandt, "POST", path, NULL, 201);
	assert_int_equal(json_integer_value(json_object_get(v, "version")), 2);
	json_decref(v);

	snprintf(path, sizeof path, "/api/v1/positions/%lld/versions", id);
	v = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	json_t *versions = json_object_get(v, "versions");
	assert_int_equal(json_array_size(versions), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(versions, 0), "version")), 2); /* newest first */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(versions, 0), "approved_by")),
			 my_user_id(tok_brandt));
	json_decref(v);

	snprintf(path, sizeof path, "/api/v1/positions/%lld/versions/1", id);
	v = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_int_equal(json_integer_value(json_object_get(v, "version")), 1);
	assert_true(json_integer_value(json_object_get(v, "approved_at")) > 0);
	assert_int_equal(json_integer_value(json_object_get(v, "approved_by")), my_user_id(tok_brandt));
	json_t *old = NULL;
	size_t i;
	json_array_foreach(json_object_get(v, "requirements"), i, q)
		if (json_integer_value(json_object_get(q, "id")) == req)
			old = q;
	assert_non_null(old);
	assert_string_equal(json_string_value(json_object_get(old, "tier")), "must"); /* R-PROF-7: immutable */
	json_decref(v);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/versions/3", id);
	api_expect_problem(&srv, tok_weber, "GET", path, NULL, 404, NULL);

	/* the command line lists and exports it */
	struct cmd_result res;
	const char *list_args[] = { "position", "list", "--data", srv.data, NULL };
	cmd_run(&res, list_args, NULL, NULL);
	assert_int_equal(res.status, 0);
	assert_contains(res.out, "KAM Norddeutschland");
	assert_contains(res.out, "Profilbau KG");
	cmd_result_free(&res);
	char idtext[32];
	snprintf(idtext, sizeof idtext, "%lld", id);
	const char *export_args[] = { "position", "export", idtext, "--data", srv.data, NULL };
	cmd_run(&res, export_args, NULL, NULL);
	assert_int_equal(res.status, 0);
	json_error_t jerr;
	json_t *doc = json_loads(res.out, 0, &jerr);
	if (!doc)
		fail_msg("position export is not JSON: %s\n%s", jerr.text, res.out);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(doc, "position"), "id")), id);
	assert_true(json_array_size(json_object_get(json_object_get(doc, "profile"), "requirements")) > 0);
	assert_int_equal(json_array_size(json_object_get(doc, "versions")), 2);
	json_decref(doc);
	cmd_result_free(&res);
	const char *missing_args[] = { "position", "export", "999999", "--data", srv.data, NULL };
	cmd_run(&res, missing_args, NULL, NULL);
	assert_int_equal(res.status, 1);
	cmd_result_free(&res);
	const char *usage_args[] = { "position", "list", "--status", "bogus", "--data", srv.data, NULL };
	cmd_run(&res, usage_args, NULL, NULL);
	assert_int_equal(res.status, 2);
	cmd_result_free(&res);
}

static void requirement_input_is_refused_naming_the_field(void **state)
{
	(void)state;
	long long org = create_organisation("Anforderungen AG");
	long long id = create_kam_position(org, "KAM Refused Requirements");
	long long other = create_kam_position(org, "KAM Other Position");
	long long goal = add_goal(id, "Marktanteil in Skandinavien");
	long long foreign_goal = add_goal(other, "Goal of another position");
	size_t before = count_of(id, "requirements");
	char path[128], body[256];
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements", id);

	/* R-PROF-3, R-X-6: each refused with the field named */
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"title\":\"\",\"kind\":\"skill\"}", 422, "#/title");
	api_expect_problem(&srv, tok_weber, "POST", path,
			   "{\"title\":\"Vertriebserfahrung\",\"kind\":\"experience\",\"years_min\":12,\"years_max\":8}", 422,
			   "#/years_max");
	api_expect_problem(&srv, tok_weber, "POST", path,
			   "{\"title\":\"Erfahrung\",\"kind\":\"experience\",\"years_min\":60}", 422,
			   "#/years_min");
	api_expect_problem(&srv, tok_weber, "POST", path,
			   "{\"title\":\"Erfahrung\",\"kind\":\"experience\",\"years_min\":-1}", 422,
			   "#/years_min");
	api_expect_problem(&srv, tok_weber, "POST", path,
			   "{\"title\":\"Englisch\",\"kind\":\"language\",\"language\":\"Englisch\",\"level\":\"D1\"}", 422,
			   "#/level");
	api_expect_problem(&srv, tok_weber, "POST", path,
			   "{\"title\":\"Sprache\",\"kind\":\"language\",\"level\":\"C1\"}", 422,
			   "#/language");
	api_expect_problem(&srv, tok_weber, "POST", path,
			   "{\"title\":\"Englisch\",\"kind\":\"language\",\"language\":\"Englisch\"}",
			   422, "#/level");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"title\":\"X\",\"tier\":\"mandatory\"}", 422, "#/tier");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"title\":\"X\",\"kind\":\"magic\"}", 422, "#/kind");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"title\":\"X\",\"technical\":\"yes\"}", 422,
			   "#/technical");
	/* R-PROF-2: linking to another position's goal */
	snprintf(body, sizeof body, "{\"title\":\"Skandinavien-Erfahrung\",\"goal_ids\":[%lld]}", foreign_goal);
	api_expect_problem(&srv, tok_weber, "POST", path, body, 422, "#/goal_ids");
	assert_int_equal(count_of(id, "requirements"), before); /* nothing stored */

	/* a valid one is created with 201 */
	snprintf(body, sizeof body,
		 "{\"title\":\"Schwedisch\",\"kind\":\"language\",\"tier\":\"nice\",\"language\":\"Schwedisch\","
		 "\"level\":\"b2\",\"goal_ids\":[%lld]}",
		 goal);
	json_t *q = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long req = id_of(q);
	assert_string_equal(json_string_value(json_object_get(q, "level")), "B2");
	assert_int_equal(json_integer_value(json_array_get(json_object_get(q, "goal_ids"), 0)), goal);
	json_decref(q);

	/* PATCH with another position's goal: 422 on goal_ids, and the title in the same body is not stored */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", id, req);
	snprintf(body, sizeof body, "{\"title\":\"Changed\",\"goal_ids\":[%lld]}", foreign_goal);
	api_expect_problem(&srv, tok_weber, "PATCH", path, body, 422, "#/goal_ids");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"level\":\"D1\"}", 422, "#/level");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"years_min\":9,\"years_max\":3}", 422, "#/years_max");
	json_t *p = get_position(id);
	q = requirement_in(p, req);
	assert_non_null(q);
	assert_string_equal(json_string_value(json_object_get(q, "title")), "Schwedisch");
	assert_string_equal(json_string_value(json_object_get(q, "level")), "B2");
	assert_int_equal(json_array_size(json_object_get(q, "goal_ids")), 1);
	assert_int_equal(json_integer_value(json_array_get(json_object_get(q, "goal_ids"), 0)), goal);
	json_decref(p);

	/* nested ids through another position's path: 404, nothing touched */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/goals/%lld", id, foreign_goal);
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"title\":\"Hijacked\"}", 404, NULL);
	api_expect_problem(&srv, tok_weber, "DELETE", path, NULL, 404, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", other, req);
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"title\":\"Hijacked\"}", 404, NULL);
	api_expect_problem(&srv, tok_weber, "DELETE", path, NULL, 404, NULL);
	p = get_position(other);
	assert_string_equal(json_string_value(json_object_get(json_array_get(profile_array(p, "goals"), 0), "title")),
			    "Goal of another position");
	json_decref(p);
	assert_int_equal(count_of(id, "requirements"), before + 1);

	/* goals: an empty title is refused; PATCH keeps the other fields */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/goals/%lld", id, goal);
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"title\":\"  \"}", 422, "#/title");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"horizon_months\":-3}", 422, "#/horizon_months");
	api_expect_problem(&srv, tok_weber, "PATCH", path, "{\"kind\":\"world_domination\"}", 422, "#/kind");
	json_t *g = api_call_json(&srv, tok_weber, "PATCH", path,
				  "{\"international\":true,\"region\":\"Skandinavien\"}", 200);
	assert_true(json_is_true(json_object_get(g, "international")));
	assert_int_equal(json_integer_value(json_object_get(g, "revenue_amount")), 2000000);
	json_decref(g);

	/* DELETE answers 204 without a body and unlinks the goal */
	json_t *none = api_call_json(&srv, tok_weber, "DELETE", path, NULL, 204);
	assert_null(none);
	p = get_position(id);
	assert_int_equal(json_array_size(profile_array(p, "goals")), 0);
	q = requirement_in(p, req);
	assert_int_equal(json_array_size(json_object_get(q, "goal_ids")), 0);
	json_decref(p);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", id, req);
	none = api_call_json(&srv, tok_weber, "DELETE", path, NULL, 204);
	assert_null(none);
	assert_int_equal(count_of(id, "requirements"), before);
	api_expect_problem(&srv, tok_weber, "DELETE", path, NULL, 404, NULL);
}

static void stakeholders_propose_tiers_and_conflicts_block_approval(void **state)
{
	(void)state;
	long long org = create_organisation("Stakeholder SE");
	long long id = create_kam_position(org, "KAM Stakeholders");
	long long other = create_kam_position(org, "KAM Stakeholders Other");
	add_goal(id, "Neukundengewinnung DACH");
	long long req = requirement_with_tier(id, "must");
	long long other_req = requirement_with_tier(other, "must");
	char path[160], body[256];

	/* R-PROF-6: a user and a named person */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders", id);
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"sales_head\"}", my_user_id(tok_brandt));
	json_t *sh = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long head = id_of(sh);
	assert_true(json_string_length(json_object_get(sh, "name")) > 0); /* the user's name */
	json_decref(sh);
	sh = api_call_json(&srv, tok_weber, "POST", path, "{\"name\":\"Dr. Karin Kern\",\"role\":\"cfo\"}", 201);
	long long cfo = id_of(sh);
	json_decref(sh);
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"role\":\"cfo\"}", 422, "#/name");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"user_id\":999999,\"role\":\"cfo\"}", 422, "#/user_id");
	api_expect_problem(&srv, tok_weber, "POST", path, "{\"name\":\"X\",\"role\":\"king\"}", 422, "#/role");
	assert_int_equal(count_of(id, "stakeholders"), 2);

	/* they disagree on the tier of a requirement */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld/proposals/%lld", id, head, req);
	json_t *pr = api_call_json(&srv, tok_weber, "PUT", path,
				   "{\"tier\":\"must\",\"note\":\"Ohne das geht es nicht.\"}", 201);
	assert_string_equal(json_string_value(json_object_get(pr, "tier")), "must");
	json_decref(pr);
	pr = api_call_json(&srv, tok_weber, "PUT", path, "{\"tier\":\"must\",\"note\":\"Unverzichtbar.\"}",
			   200); /* update */
	assert_string_equal(json_string_value(json_object_get(pr, "note")), "Unverzichtbar.");
	json_decref(pr);
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"tier\":\"whenever\"}", 422, "#/tier");
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld/proposals/%lld", id, cfo, req);
	pr = api_call_json(&srv, tok_weber, "PUT", path, "{\"tier\":\"nice\"}", 201);
	json_decref(pr);
	/* a requirement of another position cannot be proposed through this one */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld/proposals/%lld", id, cfo, other_req);
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"tier\":\"nice\"}", 404, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld/proposals/%lld", other, cfo, other_req);
	api_expect_problem(&srv, tok_weber, "PUT", path, "{\"tier\":\"nice\"}", 404, NULL);

	json_t *check = profile_check(id);
	json_t *f = finding(check, "profile.tier_conflict");
	assert_non_null(f);
	assert_true(items_contain(f, req));
	assert_true(json_is_true(json_object_get(check, "blocks_approval")));
	json_decref(check);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/approve", id);
	struct http_response *r = api_call(&srv, tok_brandt, "POST", path, NULL);
	json_t *p = assert_problem(r, 409); /* R-PROF-6: resolve before approval */
	assert_contains(r->body, "#/findings/");
	json_decref(p);
	http_response_free(r);

	/* the owner decides; the conflict is resolved */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", id, req);
	json_t *q = api_call_json(&srv, tok_weber, "PATCH", path, "{\"tier\":\"important\",\"tier_decided\":true}",
				  200);
	assert_true(json_is_true(json_object_get(q, "tier_decided")));
	json_decref(q);
	check = profile_check(id);
	assert_null(finding(check, "profile.tier_conflict"));
	json_decref(check);

	/* withdrawing a proposal and removing a stakeholder */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld/proposals/%lld", id, cfo, req);
	json_t *none = api_call_json(&srv, tok_weber, "DELETE", path, NULL, 204);
	assert_null(none);
	api_expect_problem(&srv, tok_weber, "DELETE", path, NULL, 404, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld", other, head);
	api_expect_problem(&srv, tok_weber, "DELETE", path, NULL, 404, NULL); /* not through another position */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/stakeholders/%lld", id, head);
	none = api_call_json(&srv, tok_weber, "DELETE", path, NULL, 204);
	assert_null(none);
	json_t *pos = get_position(id);
	assert_int_equal(json_array_size(profile_array(pos, "stakeholders")), 1);
	assert_int_equal(json_array_size(profile_array(pos, "proposals")), 0); /* the head's proposal went with them */
	json_decref(pos);
}

/* ---- permissions (R-X-2) ------------------------------------------------------------------------- */

static void roles_decide_who_reads_edits_and_approves(void **state)
{
	(void)state;
	long long org = create_organisation("Rechte GmbH");
	long long id = create_kam_position(org, "KAM Permissions");
	add_goal(id, "Bestandskunden halten");
	long long req = requirement_with_tier(id, "must");
	char path[128];

	/* R-X-2: an interviewer neither reads positions nor edits a profile */
	api_expect_problem(&srv, tok_hoffmann, "GET", "/api/v1/positions", NULL, 403, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld", id);
	api_expect_problem(&srv, tok_hoffmann, "GET", path, NULL, 403, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/requirements/%lld", id, req);
	api_expect_problem(&srv, tok_hoffmann, "PATCH", path, "{\"tier\":\"nice\"}", 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "DELETE", path, NULL, 403, NULL);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/goals", id);
	api_expect_problem(&srv, tok_hoffmann, "POST", path, "{\"title\":\"Sneaky\"}", 403, NULL);
	json_t *p = get_position(id);
	assert_string_equal(json_string_value(json_object_get(requirement_in(p, req), "tier")), "must");
	assert_int_equal(json_array_size(profile_array(p, "goals")), 1);
	json_decref(p);

	/* R-PROF-7: a recruiter edits but does not approve */
	snprintf(path, sizeof path, "/api/v1/positions/%lld/approve", id);
	api_expect_problem(&srv, tok_weber, "POST", path, NULL, 403, NULL);
	api_expect_problem(&srv, tok_hoffmann, "POST", path, NULL, 403, NULL);
	p = get_position(id);
	assert_int_equal(json_integer_value(json_object_get(p, "approved_version")), 0);
	json_decref(p);

	/* the hiring manager approves, here with a session and its CSRF token */
	struct http_client *c = client_logged_in(&srv, "brandt");
	struct http_response *r = http_request(c, "POST", path, NULL, NULL, 0);
	json_t *pr = assert_problem(r, 403); /* no CSRF token */
	json_decref(pr);
	http_response_free(r);
	char csrf[128], header[200];
	fetch_csrf(c, "/settings", csrf, sizeof csrf);
	snprintf(header, sizeof header, "X-CSRF-Token: %s", csrf);
	const char *const headers[] = { header, NULL };
	r = http_request(c, "POST", path, headers, NULL, 0);
	assert_status(r, 201);
	json_t *v = http_json(r);
	assert_int_equal(json_integer_value(json_object_get(v, "version")), 1);
	json_decref(v);
	http_response_free(r);
	http_client_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(organisations_are_created_read_and_changed),
		cmocka_unit_test(templates_are_listed_and_readable),
		cmocka_unit_test(position_is_created_from_the_kam_template),
		cmocka_unit_test(position_input_is_refused_naming_the_field),
		cmocka_unit_test(profile_is_built_checked_and_approved),
		cmocka_unit_test(requirement_input_is_refused_naming_the_field),
		cmocka_unit_test(stakeholders_propose_tiers_and_conflicts_block_approval),
		cmocka_unit_test(roles_decide_who_reads_edits_and_approves),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
