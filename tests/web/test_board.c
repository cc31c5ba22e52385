/*
 * test_board.c — black-box tests of the pipeline board of a position and its
 * stage configuration (R-CAND-2, issue 5 "Pipeline"): columns in board order
 * with translated default labels, cards with days in stage and the
 * colour-coded contact age (R-GUARD-3's thresholds), moves through the
 * plain form without JavaScript (recorded as stage events), the rejection
 * that needs a reason and whether the candidate was informed, the JSON
 * answer the board script uses, renamed / reordered / added stages, and who
 * may see the board at all (until step 5 assigns candidates, interviewers
 * get 403). Time passing is simulated by editing timestamps in the database.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct server srv;
static char tok_weber[128];
static struct http_client *weber;   /* recruiter, German */
static struct http_client *brandt;  /* hiring manager, English */

static void set_lang(struct http_client *c, const char *lang)
{
	char csrf[128], body[256];
	fetch_csrf(c, "/dashboard", csrf, sizeof csrf);
	snprintf(body, sizeof body, "csrf=%s&lang=%s&next=%%2Fdashboard", csrf, lang);
	struct http_response *r = http_post_form(c, "/lang", body, NULL);
	assert_status(r, 303);
	http_response_free(r);
}

static int group_setup(void **state)
{
	(void)state;
	server_start(&srv, NULL);
	cli_token_create(&srv, "weber", "board test", tok_weber, sizeof tok_weber, NULL);
	weber = client_logged_in(&srv, "weber");
	set_lang(weber, "de");
	brandt = client_logged_in(&srv, "brandt");
	set_lang(brandt, "en");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	http_client_free(weber);
	http_client_free(brandt);
	server_stop(&srv);
	return 0;
}

static int test_setup(void **state)
{
	(void)state;
	soft_failures_reset();
	return 0;
}

/* ---- data through the API and the database --------------------------------------------------- */

static long long id_of(const json_t *j)
{
	long long id = json_integer_value(json_object_get(j, "id"));
	assert_true(id > 0);
	return id;
}

/* A fresh position of its own organisation, so every board is this test's. */
static long long create_position(const char *title)
{
	char body[512];
	snprintf(body, sizeof body, "{\"name\":\"%s GmbH\",\"city\":\"Hamburg\",\"state\":\"DE-HH\"}", title);
	json_t *o = api_call_json(&srv, tok_weber, "POST", "/api/v1/organisations", body, 201);
	long long org = id_of(o);
	json_decref(o);
	snprintf(body, sizeof body,
		 "{\"title\":\"%s\",\"organisation_id\":%lld,\"template_key\":\"kam\",\"location\":\"Hamburg\"}", title, org);
	json_t *p = api_call_json(&srv, tok_weber, "POST", "/api/v1/positions", body, 201);
	long long id = id_of(p);
	json_decref(p);
	return id;
}

/* A candidate with an application for position; returns the application id. */
static long long create_application(long long position, const char *first, const char *last, const char *company,
				    long long *candidate_out)
{
	char body[512], path[96];
	snprintf(body, sizeof body,
		 "{\"first_name\":\"%s\",\"last_name\":\"%s\",\"current_company\":\"%s\",\"channel\":\"linkedin\","
		 "\"email\":\"%s.%s.%lld@example.org\"}",
		 first, last, company, first, last, position);
	json_t *c = api_call_json(&srv, tok_weber, "POST", "/api/v1/candidates", body, 201);
	long long cand = id_of(c);
	json_decref(c);
	snprintf(path, sizeof path, "/api/v1/positions/%lld/applications", position);
	snprintf(body, sizeof body, "{\"candidate_id\":%lld}", cand);
	json_t *a = api_call_json(&srv, tok_weber, "POST", path, body, 201);
	long long id = id_of(a);
	json_decref(a);
	if (candidate_out)
		*candidate_out = cand;
	return id;
}

static json_t *application_json(long long id)
{
	char path[96];
	snprintf(path, sizeof path, "/api/v1/applications/%lld", id);
	return api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
}

static void assert_stage(long long id, const char *stage)
{
	json_t *a = application_json(id);
	assert_string_equal(json_string_value(json_object_get(a, "stage")), stage);
	json_decref(a);
}

static sqlite3 *db_open(void)
{
	char path[400];
	snprintf(path, sizeof path, "%s/stellwerk.db", srv.data);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("cannot open %s", path);
	sqlite3_busy_timeout(db, 10000);
	return db;
}

/* Runs sql on the server's database (for what no page may do: letting
 * time pass). */
static void db_exec(const char *sql)
{
	sqlite3 *db = db_open();
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
	sqlite3_close(db);
}

/* The first column of the first row of sql as an integer (0 for no row). */
static long long db_int(const char *sql)
{
	sqlite3 *db = db_open();
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* ---- reading the board ------------------------------------------------------------------------------ */

static struct http_response *board(struct http_client *c, long long position)
{
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/pipeline", position);
	return get_page(c, path, 200);
}

static const char *board_path(long long position)
{
	static char path[96];
	snprintf(path, sizeof path, "/positions/%lld/pipeline", position);
	return path;
}

/* Where column `code` starts in html; fails when there is none. */
static size_t column_at(const char *html, const char *code)
{
	char hook[64];
	snprintf(hook, sizeof hook, "data-stage=\"%s\"", code);
	const char *p = strstr(html, hook);
	if (!p)
		fail_msg("no column %s on the board", code);
	return (size_t)(p - html);
}

/* The card of application id (from its start tag to its </li>), copied into
 * out; fails when the board has no such card. */
static void card_of(const char *html, long long id, char *out, size_t n)
{
	char hook[64];
	snprintf(hook, sizeof hook, "data-application=\"%lld\"", id);
	const char *p = strstr(html, hook);
	if (!p)
		fail_msg("no card for application %lld", id);
	while (p > html && *p != '<')
		p--;
	const char *end = strstr(p, "</li>");
	assert_non_null(end);
	size_t len = (size_t)(end - p);
	if (len >= n)
		len = n - 1;
	memcpy(out, p, len);
	out[len] = '\0';
}

/* The stage code of the column that holds the card of application id. */
static void column_of_card(const char *html, long long id, char *out, size_t n)
{
	char hook[64];
	snprintf(hook, sizeof hook, "data-application=\"%lld\"", id);
	const char *card = strstr(html, hook);
	if (!card)
		fail_msg("no card for application %lld", id);
	const char *col = NULL;
	for (const char *p = strstr(html, "<section class=\"board-column"); p && p < card;
	     p = strstr(p + 1, "<section class=\"board-column"))
		col = p;
	assert_non_null(col);
	const char *v = strstr(col, "data-stage=\"");
	assert_non_null(v);
	v += strlen("data-stage=\"");
	size_t len = strcspn(v, "\"");
	assert_true(len < n);
	memcpy(out, v, len);
	out[len] = '\0';
}

static void assert_card_in(struct http_client *c, long long position, long long id, const char *stage)
{
	struct http_response *r = board(c, position);
	char col[64];
	column_of_card(r->body, id, col, sizeof col);
	assert_string_equal(col, stage);
	http_response_free(r);
}

/* POSTs the plain move form of the board (with the board's CSRF token). */
static struct http_response *move_form(struct http_client *c, long long position, long long id, const char *form,
				       long status)
{
	char path[96];
	snprintf(path, sizeof path, "/applications/%lld/move", id);
	return post_form_with_csrf(c, board_path(position), path, form, status);
}

/* ---- tests ------------------------------------------------------------------------------------------ */

static void board_shows_stages_in_order_with_cards(void **state)
{
	(void)state;
	long long pos = create_position("Board Ordnung");
	long long cand = 0;
	long long app = create_application(pos, "Jana", "Albrecht", "Sensorik AG", &cand);
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE applications SET stage_entered_at = strftime('%%s','now') - 3 * 86400 - 60 "
				  "WHERE id = %lld", app);
	db_exec(sql);

	/* R-CAND-2: one column per default stage, in board order, German labels. */
	struct http_response *r = board(weber, pos);
	assert_contains(r->body, "data-board");
	assert_contains(r->body, "Identifiziert");
	assert_contains(r->body, "Vorqualifikation");
	assert_contains(r->body, "Abgesagt");
	assert_contains(r->body, "Zurückgezogen");
	const char *order[] = { "identified", "contacted", "prequalification", "first_interview", "deep_interview",
				"final_interview", "offer", "hired", "rejected", "withdrawn" };
	for (size_t i = 1; i < sizeof order / sizeof order[0]; i++)
		assert_true(column_at(r->body, order[i - 1]) < column_at(r->body, order[i]));
	/* the exits come apart, after the active stages */
	assert_true(strstr(r->body, "board-exits") - r->body < (long)column_at(r->body, "rejected"));
	/* the card: name linked to the candidate, company, channel, days in stage, never contacted */
	char card[8192], link[64];
	card_of(r->body, app, card, sizeof card);
	assert_contains(card, "draggable=\"true\"");
	assert_contains(card, "tabindex=\"0\"");
	snprintf(link, sizeof link, "href=\"/candidates/%lld\"", cand);
	assert_contains(card, link);
	assert_contains(card, "Jana Albrecht");
	assert_contains(card, "Sensorik AG");
	assert_contains(card, "LinkedIn");
	assert_contains(card, "data-days=\"3\"");
	assert_contains(card, "data-contact-age=\"none\"");
	/* the plain form: a stage select and the CSRF token, no script needed */
	assert_contains(card, "action=\"/applications/");
	assert_contains(card, "name=\"csrf\"");
	assert_contains(card, "<option value=\"identified\" selected>");
	/* the column header counts */
	assert_contains(r->body, "data-stage=\"identified\" data-kind=\"active\"");
	const char *count = strstr(r->body + column_at(r->body, "identified"), "data-count>");
	assert_non_null(count);
	assert_int_equal(atoi(count + strlen("data-count>")), 1);
	http_response_free(r);

	/* English words for the same card */
	r = board(brandt, pos);
	card_of(r->body, app, card, sizeof card);
	assert_contains(card, "3 days in stage");
	assert_contains(card, "Not contacted yet");
	assert_contains(r->body, "Pre-qualification (phone)");
	http_response_free(r);

	/* the position pages carry a Pipeline tab */
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld", pos);
	r = get_page(brandt, path, 200);
	assert_contains(r->body, board_path(pos));
	assert_contains(r->body, ">Pipeline</a>");
	http_response_free(r);
	assert_no_soft_failures();
}

static void empty_board_explains_what_to_do(void **state)
{
	(void)state;
	long long pos = create_position("Board Leer");
	struct http_response *r = board(brandt, pos);
	assert_contains(r->body, "No applications yet");
	assert_contains(r->body, "href=\"/candidates\"");
	char ad[96];
	snprintf(ad, sizeof ad, "href=\"/positions/%lld/ad\"", pos);  /* not published: publish the ad first */
	assert_contains(r->body, ad);
	assert_contains(r->body, "data-stage=\"identified\"");
	assert_not_contains(r->body, "data-application=");
	http_response_free(r);
	assert_no_soft_failures();
}

static void plain_form_moves_and_records_the_move(void **state)
{
	(void)state;
	long long pos = create_position("Board Formular");
	long long app = create_application(pos, "Lena", "Berger", "Alt AG", NULL);
	/* R-CAND-2: a move by the plain form, without JavaScript */
	struct http_response *r = move_form(weber, pos, app, "stage=prequalification", 303);
	char loc[256], want[128];
	assert_true(http_header(r, "Location", loc, sizeof loc));
	snprintf(want, sizeof want, "/positions/%lld/pipeline", pos);
	assert_true(strncmp(loc, want, strlen(want)) == 0);
	snprintf(want, sizeof want, "#card-%lld", app);
	assert_non_null(strstr(loc, want));
	http_response_free(r);
	assert_stage(app, "prequalification");
	assert_card_in(weber, pos, app, "prequalification");
	/* every move is an event with time and user (R-CAND-2) */
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM application_events e JOIN users u ON u.id = e.user_id WHERE e.application_id = %lld"
		 " AND e.kind = 'stage' AND e.from_stage = 'identified' AND e.to_stage = 'prequalification'"
		 " AND u.name = 'weber' AND e.at > 0", app);
	assert_int_equal(db_int(sql), 1);

	/* a refused move shows the rule's message on the board; nothing moves */
	r = move_form(weber, pos, app, "stage=prequalification", 422);
	assert_contains(r->body, "flash-error");
	assert_contains(r->body, "data-board");
	http_response_free(r);
	r = move_form(weber, pos, app, "stage=no_such_stage", 422);
	http_response_free(r);
	assert_stage(app, "prequalification");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM application_events WHERE application_id = %lld AND kind = 'stage'",
		 app);
	assert_int_equal(db_int(sql), 2);  /* created + one move */
	/* unknown application */
	r = move_form(weber, pos, 999999, "stage=contacted", 404);
	http_response_free(r);
	assert_no_soft_failures();
}

static void rejection_needs_reason_and_informed(void **state)
{
	(void)state;
	long long pos = create_position("Board Absage");
	long long app = create_application(pos, "Paul", "Conrad", "Beta GmbH", NULL);
	/* R-CAND-2: rejection without a reason → the rejection form, no move */
	struct http_response *r = move_form(brandt, pos, app, "stage=rejected", 422);
	assert_contains(r->body, "Paul Conrad");
	assert_contains(r->body, "name=\"reason\"");
	assert_contains(r->body, "value=\"salary_expectations\"");
	assert_contains(r->body, "name=\"reason_note\"");
	assert_contains(r->body, "Was the candidate informed?");
	assert_contains(r->body, "name=\"informed\" value=\"yes\"");
	assert_contains(r->body, "name=\"informed\" value=\"no\"");
	assert_contains(r->body, "Please choose a reason for the rejection.");
	assert_contains(r->body, "field-error");
	http_response_free(r);
	assert_stage(app, "identified");
	/* a reason but no answer to "informed?" */
	r = move_form(brandt, pos, app, "stage=rejected&reason=profile_mismatch", 422);
	assert_contains(r->body, "<option value=\"profile_mismatch\" selected>");
	assert_not_contains(r->body, "Please choose a reason for the rejection.");
	assert_contains(r->body, "id=\"rej-informed\"");
	http_response_free(r);
	/* "other" needs a note */
	r = move_form(brandt, pos, app, "stage=rejected&reason=other&reason_note=+&informed=yes", 422);
	assert_contains(r->body, "Please describe the reason for the rejection.");
	http_response_free(r);
	assert_stage(app, "identified");

	/* with reason and answer: moved, reason stored */
	r = move_form(brandt, pos, app, "stage=rejected&reason=salary_expectations&reason_note=Zu+teuer&informed=no", 303);
	http_response_free(r);
	json_t *a = application_json(app);
	assert_string_equal(json_string_value(json_object_get(a, "stage")), "rejected");
	assert_string_equal(json_string_value(json_object_get(a, "rejection_reason")), "salary_expectations");
	assert_string_equal(json_string_value(json_object_get(a, "rejection_note")), "Zu teuer");
	assert_true(json_is_false(json_object_get(a, "informed")));
	json_decref(a);
	/* the card in the exit column shows the reason */
	r = board(brandt, pos);
	char card[8192], col[64];
	column_of_card(r->body, app, col, sizeof col);
	assert_string_equal(col, "rejected");
	card_of(r->body, app, card, sizeof card);
	assert_contains(card, "Salary expectations too high");
	assert_contains(card, "Zu teuer");
	http_response_free(r);
	assert_no_soft_failures();
}

static void json_answer_for_the_board_script(void **state)
{
	(void)state;
	long long pos = create_position("Board Skript");
	long long app = create_application(pos, "Mia", "Dorn", "Gamma KG", NULL);
	char csrf[128], path[96], body[512];
	const char *json_accept[] = { "Accept: application/json", NULL };
	fetch_csrf(weber, board_path(pos), csrf, sizeof csrf);
	snprintf(path, sizeof path, "/applications/%lld/move", app);

	snprintf(body, sizeof body, "csrf=%s&stage=contacted", csrf);
	struct http_response *r = http_post_form(weber, path, body, json_accept);
	assert_status(r, 200);
	json_t *j = http_json(r);
	assert_true(json_is_true(json_object_get(j, "ok")));
	assert_string_equal(json_string_value(json_object_get(j, "stage")), "contacted");
	assert_string_equal(json_string_value(json_object_get(j, "label")), "Kontaktiert");
	json_decref(j);
	http_response_free(r);
	assert_stage(app, "contacted");

	/* to "rejected" without a reason: a problem with the check's code, so
	 * the script opens the dialog; nothing moved */
	snprintf(body, sizeof body, "csrf=%s&stage=rejected", csrf);
	r = http_post_form(weber, path, body, json_accept);
	j = assert_problem(r, 422);
	assert_string_equal(json_string_value(json_object_get(j, "code")), "reason_required");
	assert_true(json_array_size(json_object_get(j, "errors")) >= 2);  /* reason and informed */
	json_decref(j);
	http_response_free(r);
	assert_stage(app, "contacted");

	/* the dialog's submission */
	snprintf(body, sizeof body, "csrf=%s&stage=rejected&reason=culture_fit&reason_note=&informed=yes", csrf);
	r = http_post_form(weber, path, body, json_accept);
	assert_status(r, 200);
	j = http_json(r);
	assert_string_equal(json_string_value(json_object_get(j, "stage")), "rejected");
	json_decref(j);
	http_response_free(r);
	json_t *a = application_json(app);
	assert_string_equal(json_string_value(json_object_get(a, "rejection_reason")), "culture_fit");
	assert_true(json_is_true(json_object_get(a, "informed")));
	json_decref(a);

	/* a refused move names the rule */
	snprintf(body, sizeof body, "csrf=%s&stage=rejected", csrf);
	r = http_post_form(weber, path, body, json_accept);
	j = assert_problem(r, 422);
	assert_string_equal(json_string_value(json_object_get(j, "code")), "same_stage");
	json_decref(j);
	http_response_free(r);
	/* an unknown application is a JSON 404 too */
	r = http_post_form(weber, "/applications/999999/move", body, json_accept);
	json_decref(assert_problem(r, 404));
	http_response_free(r);
}

static void contact_age_is_colour_coded(void **state)
{
	(void)state;
	long long pos = create_position("Board Kontakt");
	long long old = create_application(pos, "Tom", "Engel", "Delta AG", NULL);
	long long fresh = create_application(pos, "Eva", "Fuchs", "Epsilon AG", NULL);
	long long never = create_application(pos, "Ole", "Graf", "Zeta AG", NULL);
	char sql[256];
	/* two calendar weeks back are exactly 10 business days: critical (R-GUARD-3) */
	snprintf(sql, sizeof sql, "UPDATE applications SET last_contact_at = strftime('%%s','now') - 14 * 86400 WHERE id = %lld",
		 old);
	db_exec(sql);
	snprintf(sql, sizeof sql, "UPDATE applications SET last_contact_at = strftime('%%s','now') - 60 WHERE id = %lld", fresh);
	db_exec(sql);
	struct http_response *r = board(brandt, pos);
	char card[8192];
	card_of(r->body, old, card, sizeof card);
	assert_contains(card, "contact-age-critical");
	assert_contains(card, "data-contact-age=\"critical\"");
	assert_contains(card, "data-business-days=\"10\"");
	assert_contains(card, "10 business days since last contact");
	assert_contains(card, "Follow up today");  /* in words, not colour alone */
	card_of(r->body, fresh, card, sizeof card);
	assert_contains(card, "data-contact-age=\"ok\"");
	assert_contains(card, "since last contact");
	card_of(r->body, never, card, sizeof card);
	assert_contains(card, "data-contact-age=\"none\"");
	http_response_free(r);
	assert_no_soft_failures();
}

static void stages_are_renamed_reordered_added_and_reset(void **state)
{
	(void)state;
	long long pos = create_position("Board Phasen");
	long long app = create_application(pos, "Ida", "Haas", "Eta AG", NULL);
	char stages[96];
	snprintf(stages, sizeof stages, "/positions/%lld/stages", pos);
	struct http_response *r = get_page(weber, stages, 200);
	assert_contains(r->body, "name=\"label_prequalification\"");
	assert_contains(r->body, "value=\"Vorqualifikation (Telefon)\"");
	http_response_free(r);
	/* the board links to the stages page */
	r = board(weber, pos);
	assert_contains(r->body, stages);
	http_response_free(r);

	/* R-CAND-2: rename one stage and move "first_interview" up, in German;
	 * the unchanged German labels stay default (translated) labels */
	const char *form = "op=save&label_identified=Identifiziert&label_contacted=Kontaktiert"
			   "&label_prequalification=Telefoninterview&label_first_interview=Erstgespr%C3%A4ch"
			   "&up=first_interview";
	r = post_form_with_csrf(weber, stages, stages, form, 303);
	http_response_free(r);
	r = board(weber, pos);
	assert_contains(r->body, "Telefoninterview");
	assert_not_contains(r->body, "Vorqualifikation");
	assert_true(column_at(r->body, "first_interview") < column_at(r->body, "prequalification"));
	assert_true(column_at(r->body, "contacted") < column_at(r->body, "first_interview"));
	http_response_free(r);
	r = board(brandt, pos);
	assert_contains(r->body, "Telefoninterview");    /* as typed */
	assert_contains(r->body, ">Identified<");         /* default label, translated */
	http_response_free(r);

	/* add a stage: an active stage after the last active one, code from the label */
	r = post_form_with_csrf(weber, stages, stages, "op=add&new_label=Assessment-Center+%C3%BCber+Tag", 303);
	http_response_free(r);
	r = board(weber, pos);
	assert_contains(r->body, "data-stage=\"assessment_center_ueber_tag\"");
	assert_true(column_at(r->body, "offer") < column_at(r->body, "assessment_center_ueber_tag"));
	assert_true(column_at(r->body, "assessment_center_ueber_tag") < column_at(r->body, "hired"));
	http_response_free(r);

	/* a move into the new stage; then it cannot be removed */
	r = move_form(weber, pos, app, "stage=assessment_center_ueber_tag", 303);
	http_response_free(r);
	assert_card_in(weber, pos, app, "assessment_center_ueber_tag");
	r = post_form_with_csrf(brandt, stages, stages, "remove=assessment_center_ueber_tag", 422);
	assert_contains(r->body, "cannot be removed: 1 application is in it");
	http_response_free(r);
	/* reset is refused while an application is in the own stage */
	char reset[128];
	snprintf(reset, sizeof reset, "%s/reset", stages);
	r = post_form_with_csrf(brandt, stages, reset, "", 422);
	assert_contains(r->body, "flash-error");
	http_response_free(r);
	r = board(weber, pos);
	assert_contains(r->body, "data-stage=\"assessment_center_ueber_tag\"");
	http_response_free(r);

	/* bad input names the field, nothing stored */
	r = post_form_with_csrf(brandt, stages, stages, "op=save&label_offer=+++", 422);
	assert_contains(r->body, "href=\"#stage-offer-label\"");
	http_response_free(r);
	r = post_form_with_csrf(brandt, stages, stages, "remove=hired", 422);
	http_response_free(r);
	/* pipeline_validate's rules: "hired" after every active stage */
	r = post_form_with_csrf(brandt, stages, stages, "up=hired", 422);
	assert_contains(r->body, "The hired stage must come after every active stage.");
	assert_contains(r->body, "href=\"#stages-table\"");
	http_response_free(r);
	r = board(brandt, pos);
	assert_contains(r->body, ">Offer<");
	assert_contains(r->body, "data-stage=\"hired\"");
	http_response_free(r);

	/* move the card back, remove the stage, reset to the defaults */
	r = move_form(weber, pos, app, "stage=offer", 303);
	http_response_free(r);
	r = post_form_with_csrf(brandt, stages, stages, "remove=assessment_center_ueber_tag", 303);
	http_response_free(r);
	r = post_form_with_csrf(brandt, stages, reset, "", 303);
	http_response_free(r);
	r = board(weber, pos);
	assert_contains(r->body, "Vorqualifikation");
	assert_not_contains(r->body, "Telefoninterview");
	assert_true(column_at(r->body, "prequalification") < column_at(r->body, "first_interview"));
	http_response_free(r);
	assert_no_soft_failures();
}

static void new_applications_start_in_the_first_active_stage(void **state)
{
	(void)state;
	/* R-CAND-2: with "identified" removed, a new application starts in the
	 * position's first active stage, wherever that now is. */
	long long pos = create_position("Board Erste Stufe");
	struct http_client *manager = client_logged_in(&srv, "brandt");
	char stages[96];
	snprintf(stages, sizeof stages, "/positions/%lld/stages", pos);
	struct http_response *r = post_form_with_csrf(manager, stages, stages, "remove=identified", 303);
	http_response_free(r);
	long long app = create_application(pos, "Ida", "Erst", "Iota AG", NULL);
	assert_stage(app, "contacted");
	/* a stage in use cannot be removed */
	r = post_form_with_csrf(manager, stages, stages, "remove=contacted", 422);
	assert_contains(r->body, "cannot be removed");
	http_response_free(r);
	assert_stage(app, "contacted");
	http_client_free(manager);
}

static void interviewers_may_not_see_the_board(void **state)
{
	(void)state;
	/* issue 5: until step 5 assigns candidates, only recruiter and above */
	long long pos = create_position("Board Rechte");
	long long app = create_application(pos, "Kai", "Iske", "Theta AG", NULL);
	struct http_client *c = client_logged_in(&srv, "hoffmann");
	struct http_response *r = get_page(c, board_path(pos), 403);
	http_response_free(r);
	char path[96];
	snprintf(path, sizeof path, "/positions/%lld/stages", pos);
	r = get_page(c, path, 403);
	http_response_free(r);
	snprintf(path, sizeof path, "/applications/%lld/move", app);
	r = post_form_with_csrf(c, "/dashboard", path, "stage=contacted", 403);
	http_response_free(r);
	assert_stage(app, "identified");
	http_client_free(c);
	assert_no_soft_failures();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(board_shows_stages_in_order_with_cards, test_setup),
		cmocka_unit_test_setup(empty_board_explains_what_to_do, test_setup),
		cmocka_unit_test_setup(plain_form_moves_and_records_the_move, test_setup),
		cmocka_unit_test_setup(rejection_needs_reason_and_informed, test_setup),
		cmocka_unit_test_setup(json_answer_for_the_board_script, test_setup),
		cmocka_unit_test_setup(contact_age_is_colour_coded, test_setup),
		cmocka_unit_test_setup(stages_are_renamed_reordered_added_and_reset, test_setup),
		cmocka_unit_test_setup(new_applications_start_in_the_first_active_stage, test_setup),
		cmocka_unit_test_setup(interviewers_may_not_see_the_board, test_setup),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
