/*
 * test_store_interview_plans.c — the interview plan of a position
 * (store/interview_plans.h) against a real database in a fresh temporary
 * directory per test: default rounds created only once, interviewers with
 * their focus, round order kept dense, and kit versioning — no version
 * before first use, reuse while unchanged, a new version after a change
 * while earlier interviews keep theirs, versions immutable in the database.
 *
 * Also the custom questions and favourites kits draw on (store/questions.h).
 *
 * Spec references: R-INT-1 (own questions, favourites), R-INT-2 (plan and rounds), R-INT-3 (kit versions, every
 * candidate's version visible), R-INT-4 (focus per interviewer), R-X-4.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/interview_plans.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/questions.h"
#include "store/scorecards.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define KIT1 "{\"questions\":[\"kam.rel.01\",\"kam.neg.02\"],\"exercises\":[]}"
#define KIT2 "{\"questions\":[\"kam.rel.01\",\"kam.neg.02\",\"custom.1\"],\"exercises\":[\"role_play\"]}"

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position, position2;
	int64_t app[3];
	int64_t hoe, cfo, off;
};

static int64_t add_position(struct store *s, int64_t org, const char *title)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = org;
	strcpy(p.title, title);
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(s, &TEST_CLI, &p, NOW), STORE_OK);
	return p.id;
}

static int64_t add_application(struct store *s, int64_t position, const char *first, const char *last)
{
	struct candidate c;
	struct application a;
	candidate_init(&c);
	strcpy(c.first_name, first);
	strcpy(c.last_name, last);
	assert_int_equal(store_candidate_create(s, &TEST_CLI, &c, NOW), STORE_OK);
	memset(&a, 0, sizeof a);
	a.candidate_id = c.id;
	a.position_id = position;
	assert_int_equal(store_application_create(s, &TEST_CLI, &a, NOW), STORE_OK);
	return a.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-plans");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->position = add_position(f->s, o.id, "Key Account Manager");
	f->position2 = add_position(f->s, o.id, "Area Sales Manager");
	f->app[0] = add_application(f->s, f->position, "Jonas", "Brüggemann");
	f->app[1] = add_application(f->s, f->position, "Mira", "Lindqvist");
	f->app[2] = add_application(f->s, f->position, "Aylin", "Demir");
	f->hoe = temp_store_add_user(f->s, "krause", "Dr. Petra Krause", ROLE_HIRING_MANAGER, NOW);
	f->cfo = temp_store_add_user(f->s, "yilmaz", "Deniz Yilmaz", ROLE_INTERVIEWER, NOW);
	f->off = temp_store_add_user(f->s, "alt", "Ehemalig", ROLE_INTERVIEWER, NOW);
	assert_int_equal(store_user_set_disabled(f->s, &TEST_CLI, f->off, true, NOW), STORE_OK);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0);
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

static struct interview_round round_of(const char *name, const char *stage, int minutes)
{
	struct interview_round r;
	memset(&r, 0, sizeof r);
	snprintf(r.name, sizeof r.name, "%s", name);
	snprintf(r.stage, sizeof r.stage, "%s", stage);
	r.duration_minutes = minutes;
	return r;
}

/* The three default rounds as core would pass them. */
static void default_rounds(struct interview_round d[3])
{
	d[0] = round_of("First interview", "first_interview", 45);
	d[1] = round_of("In-depth interview with stakeholders", "deep_interview", 90);
	d[2] = round_of("Final interview", "final_interview", 60);
}

/* The names of a plan as "a|b|c". */
static void plan_names(struct store *s, int64_t position, char *out, size_t size)
{
	struct interview_round *plan = NULL;
	size_t n = 0;
	assert_int_equal(store_interview_plan_get(s, position, &plan, &n), STORE_OK);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(out);
		assert_int_equal(plan[i].ord, (int)i + 1);
		snprintf(out + len, size - len, "%s%s", i ? "|" : "", plan[i].name);
	}
	free(plan);
}

/* R-INT-2: the default rounds are inserted on first open only. */
static void test_default_rounds_only_once(void **state)
{
	struct fixture *f = *state;
	struct interview_round d[3], *plan = NULL;
	size_t n = 9;
	bool created = false;
	char names[512];

	assert_int_equal(store_interview_plan_get(f->s, f->position, &plan, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(plan);

	default_rounds(d);
	d[1].ninterviewers = 1;
	d[1].interviewers[0].user_id = f->cfo;
	strcpy(d[1].interviewers[0].focus, "salary_realism");
	assert_int_equal(store_interview_plan_ensure_default(f->s, &TEST_CLI, f->position, d, 3, NOW, &created),
			 STORE_OK);
	assert_true(created);
	assert_string_equal(last_audit(f->s).action, "interview_plan_default");
	plan_names(f->s, f->position, names, sizeof names);
	assert_string_equal(names, "First interview|In-depth interview with stakeholders|Final interview");

	assert_int_equal(store_interview_plan_get(f->s, f->position, &plan, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(plan[0].stage, "first_interview");
	assert_int_equal(plan[1].duration_minutes, 90);
	assert_string_equal(plan[2].kit_json, KIT_JSON_EMPTY);
	assert_int_equal(plan[1].ninterviewers, 1);
	assert_string_equal(plan[1].interviewers[0].focus, "salary_realism");
	assert_int_equal(plan[0].kit_version, 0);
	assert_true(plan[0].kit_changed);
	free(plan);

	/* a second open changes nothing, also with other defaults */
	int64_t audits = audit_count(f->s);
	struct interview_round other = round_of("Something else", "", 30);
	assert_int_equal(store_interview_plan_ensure_default(f->s, &TEST_CLI, f->position, &other, 1, NOW, &created),
			 STORE_OK);
	assert_false(created);
	assert_int_equal(audit_count(f->s), audits);
	plan_names(f->s, f->position, names, sizeof names);
	assert_string_equal(names, "First interview|In-depth interview with stakeholders|Final interview");

	/* bad defaults leave no half plan behind */
	d[0].duration_minutes = 0;
	assert_int_equal(store_interview_plan_ensure_default(f->s, &TEST_CLI, f->position2, d, 3, NOW, &created),
			 STORE_INVALID);
	assert_false(created);
	plan_names(f->s, f->position2, names, sizeof names);
	assert_string_equal(names, "");
	assert_int_equal(store_interview_plan_ensure_default(f->s, &TEST_CLI, 9999, d, 3, NOW, NULL), STORE_NOT_FOUND);
}

/* R-INT-4: interviewers with their focus competencies round-trip; bad
 * lists are refused as a whole. */
static void test_interviewers_and_focus(void **state)
{
	struct fixture *f = *state;
	struct interview_round r = round_of("First interview", "first_interview", 45), got;
	struct round_interviewer list[3];

	r.position_id = f->position;
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &r, NOW), STORE_OK);
	assert_int_equal(r.ord, 1);
	memset(list, 0, sizeof list);
	list[0].user_id = f->hoe;
	strcpy(list[0].focus, "industry_knowledge");
	list[1].user_id = f->cfo;
	strcpy(list[1].focus, "salary_realism,negotiation");
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, r.id, list, 2, NOW), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "interviewers");

	assert_int_equal(store_interview_round_get(f->s, r.id, &got), STORE_OK);
	assert_int_equal(got.ninterviewers, 2);
	assert_int_equal(got.interviewers[0].user_id, f->hoe);
	assert_string_equal(got.interviewers[0].display_name, "Dr. Petra Krause");
	assert_string_equal(got.interviewers[0].user_name, "krause");
	assert_int_equal(got.interviewers[0].role, ROLE_HIRING_MANAGER);
	assert_string_equal(got.interviewers[0].focus, "industry_knowledge");
	assert_int_equal(got.interviewers[1].user_id, f->cfo);
	assert_string_equal(got.interviewers[1].focus, "salary_realism,negotiation");

	/* a disabled user, a user twice, an unknown user: refused, nothing changed */
	list[2].user_id = f->off;
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, r.id, list, 3, NOW), STORE_INVALID);
	list[2].user_id = f->hoe;
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, r.id, list, 3, NOW), STORE_INVALID);
	list[2].user_id = 9999;
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, r.id, list, 3, NOW), STORE_INVALID);
	assert_int_equal(store_interview_round_get(f->s, r.id, &got), STORE_OK);
	assert_int_equal(got.ninterviewers, 2);

	/* replacing keeps the new order */
	list[0].user_id = f->cfo;
	strcpy(list[0].focus, "salary_realism");
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, r.id, list, 1, NOW), STORE_OK);
	assert_int_equal(store_interview_round_get(f->s, r.id, &got), STORE_OK);
	assert_int_equal(got.ninterviewers, 1);
	assert_int_equal(got.interviewers[0].user_id, f->cfo);
	assert_int_equal(store_interview_round_set_interviewers(f->s, &TEST_CLI, 9999, list, 1, NOW), STORE_NOT_FOUND);
}

/* R-INT-2: a fourth round is allowed; order stays 1..n through moves and
 * deletions; a round with interviews cannot be deleted. */
static void test_round_order_update_delete(void **state)
{
	struct fixture *f = *state;
	struct interview_round d[3], extra = round_of("Case presentation", "", 120), got;
	struct interview_round *plan = NULL;
	size_t n = 0;
	char names[512];

	default_rounds(d);
	assert_int_equal(store_interview_plan_ensure_default(f->s, &TEST_CLI, f->position, d, 3, NOW, NULL), STORE_OK);
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &extra, NOW), STORE_NOT_FOUND); /* no position */
	extra.position_id = f->position;
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &extra, NOW), STORE_OK);
	assert_int_equal(extra.ord, 4);

	assert_int_equal(store_interview_round_move(f->s, &TEST_CLI, extra.id, 1, NOW), STORE_OK);
	plan_names(f->s, f->position, names, sizeof names);
	assert_string_equal(names,
			    "Case presentation|First interview|In-depth interview with stakeholders|Final interview");
	assert_int_equal(store_interview_round_move(f->s, &TEST_CLI, extra.id, 3, NOW), STORE_OK);
	plan_names(f->s, f->position, names, sizeof names);
	assert_string_equal(names,
			    "First interview|In-depth interview with stakeholders|Case presentation|Final interview");
	assert_int_equal(store_interview_round_move(f->s, &TEST_CLI, extra.id, 5, NOW), STORE_INVALID);
	assert_int_equal(store_interview_round_move(f->s, &TEST_CLI, extra.id, 0, NOW), STORE_INVALID);

	/* update: name, stage, duration; bad values refused */
	got = extra;
	strcpy(got.name, "Fallstudie");
	got.duration_minutes = 100;
	assert_int_equal(store_interview_round_update(f->s, &TEST_CLI, &got, NOW), STORE_OK);
	got.duration_minutes = 0;
	assert_int_equal(store_interview_round_update(f->s, &TEST_CLI, &got, NOW), STORE_INVALID);
	got.duration_minutes = 60;
	strcpy(got.stage, "Not A Code");
	assert_int_equal(store_interview_round_update(f->s, &TEST_CLI, &got, NOW), STORE_INVALID);
	got.stage[0] = '\0';
	got.name[0] = '\0';
	assert_int_equal(store_interview_round_update(f->s, &TEST_CLI, &got, NOW), STORE_INVALID);
	assert_int_equal(store_interview_round_get(f->s, extra.id, &got), STORE_OK);
	assert_string_equal(got.name, "Fallstudie");
	assert_int_equal(got.duration_minutes, 100);

	/* delete closes the gap */
	assert_int_equal(store_interview_round_delete(f->s, &TEST_CLI, extra.id, NOW), STORE_OK);
	plan_names(f->s, f->position, names, sizeof names);
	assert_string_equal(names, "First interview|In-depth interview with stakeholders|Final interview");
	assert_int_equal(store_interview_round_delete(f->s, &TEST_CLI, extra.id, NOW), STORE_NOT_FOUND);

	/* a round that was used keeps its history */
	assert_int_equal(store_interview_plan_get(f->s, f->position, &plan, &n), STORE_OK);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app[0], plan[0].id, NOW, NULL), STORE_OK);
	assert_int_equal(store_interview_round_delete(f->s, &TEST_CLI, plan[0].id, NOW), STORE_CONFLICT);
	free(plan);
	plan_names(f->s, f->position, names, sizeof names);
	assert_string_equal(names, "First interview|In-depth interview with stakeholders|Final interview");
}

/* R-INT-3: no version before first use; first use makes v1, an unchanged
 * kit reuses v1, a changed kit makes v2 at the next use, the earlier
 * interviews keep v1; versions cannot be changed or removed. */
static void test_kit_versioning(void **state)
{
	struct fixture *f = *state;
	struct interview_round r = round_of("First interview", "first_interview", 45), got;
	struct interview iv[3];
	struct kit_version *versions = NULL, v;
	size_t n = 9;

	r.position_id = f->position;
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &r, NOW), STORE_OK);
	assert_int_equal(store_interview_round_set_kit(f->s, &TEST_CLI, r.id, KIT1, NOW), STORE_OK);
	assert_int_equal(store_kit_versions_list(f->s, r.id, &versions, &n), STORE_OK);
	assert_int_equal(n, 0); /* not used yet: no version */
	free(versions);
	assert_int_equal(store_interview_round_get(f->s, r.id, &got), STORE_OK);
	assert_string_equal(got.kit_json, KIT1);
	assert_int_equal(got.kit_version, 0);
	assert_true(got.kit_changed);

	/* first use */
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app[0], r.id, NOW + 10, &iv[0]), STORE_OK);
	assert_int_equal(iv[0].kit_version, 1);
	assert_int_equal(store_interview_round_get(f->s, r.id, &got), STORE_OK);
	assert_int_equal(got.kit_version, 1);
	assert_false(got.kit_changed);

	/* unchanged kit (also when set again to the same text) reuses v1 */
	assert_int_equal(store_interview_round_set_kit(f->s, &TEST_CLI, r.id, KIT1, NOW), STORE_OK);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app[1], r.id, NOW + 20, &iv[1]), STORE_OK);
	assert_int_equal(iv[1].kit_version, 1);
	assert_int_equal(iv[1].kit_version_id, iv[0].kit_version_id);

	/* a changed kit: no new version until used, then v2 */
	assert_int_equal(store_interview_round_set_kit(f->s, &TEST_CLI, r.id, KIT2, NOW + 30), STORE_OK);
	assert_int_equal(store_interview_round_get(f->s, r.id, &got), STORE_OK);
	assert_int_equal(got.kit_version, 1);
	assert_true(got.kit_changed);
	assert_int_equal(store_kit_versions_list(f->s, r.id, &versions, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(versions);
	assert_int_equal(store_interview_create(f->s, &TEST_CLI, f->app[2], r.id, NOW + 40, &iv[2]), STORE_OK);
	assert_int_equal(iv[2].kit_version, 2);
	assert_true(iv[2].kit_version_id != iv[0].kit_version_id);

	/* the earlier interviews still point at v1, which still holds KIT1 */
	assert_int_equal(store_interview_get(f->s, iv[0].id, &iv[0]), STORE_OK);
	assert_int_equal(iv[0].kit_version, 1);
	assert_int_equal(store_kit_version_get(f->s, iv[0].kit_version_id, &v), STORE_OK);
	assert_string_equal(v.kit_json, KIT1);
	assert_int_equal(v.uses, 2);
	assert_int_equal(store_kit_versions_list(f->s, r.id, &versions, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(versions[0].version, 1);
	assert_int_equal(versions[1].version, 2);
	assert_string_equal(versions[1].kit_json, KIT2);
	assert_int_equal(versions[1].uses, 1);
	free(versions);

	/* versions are immutable in the database itself */
	assert_int_not_equal(db_exec_script(f->s, "test", "UPDATE kit_versions SET kit = '{}'"), STORE_OK);
	assert_int_not_equal(db_exec_script(f->s, "test", "DELETE FROM kit_versions"), STORE_OK);
	assert_int_equal(store_kit_version_get(f->s, iv[0].kit_version_id, &v), STORE_OK);
	assert_string_equal(v.kit_json, KIT1);

	/* a kit that is not JSON is refused */
	assert_int_equal(store_interview_round_set_kit(f->s, &TEST_CLI, r.id, "{\"questions\":", NOW), STORE_INVALID);
	assert_int_equal(store_interview_round_set_kit(f->s, &TEST_CLI, r.id, "", NOW), STORE_INVALID);
	assert_int_equal(store_interview_round_set_kit(f->s, &TEST_CLI, 9999, KIT1, NOW), STORE_NOT_FOUND);
}

/* Deleting a position removes its plan, kit versions included (the
 * immutability trigger only guards versions of existing rounds). */
static void test_unused_round_with_versions_goes_with_position(void **state)
{
	struct fixture *f = *state;
	struct interview_round r = round_of("First interview", "", 45);
	int64_t vid = 0;
	int vno = 0;
	struct kit_version v;

	r.position_id = f->position2;
	assert_int_equal(store_interview_round_create(f->s, &TEST_CLI, &r, NOW), STORE_OK);
	assert_int_equal(store_kit_version_for_use(f->s, &TEST_CLI, r.id, NOW, &vid, &vno), STORE_OK);
	assert_int_equal(vno, 1);
	assert_int_equal(store_kit_version_for_use(f->s, &TEST_CLI, r.id, NOW, &vid, &vno), STORE_OK);
	assert_int_equal(vno, 1);
	assert_int_equal(db_exec_script(f->s, "test", "DELETE FROM interview_rounds WHERE position_id IN"
						     " (SELECT id FROM positions WHERE title = 'Area Sales Manager')"),
			 STORE_OK);
	assert_int_equal(store_kit_version_get(f->s, vid, &v), STORE_NOT_FOUND);
}

/* R-INT-1: users add their own questions (to be named in kits as
 * "custom.<id>") and mark favourites, built-in or custom. */
static void test_custom_questions_and_favourites(void **state)
{
	struct fixture *f = *state;
	struct actor hoe = { f->hoe, "krause", NULL };
	struct custom_question *q = calloc(1, sizeof *q), *list = NULL;
	struct question_favourite *fav = NULL;
	struct question_filter filter = { "kam", "", "negotiation", "" };
	size_t n = 0;
	bool on = false;
	char ref[QUESTION_REF_MAX];
	int64_t id = 0;

	assert_non_null(q);
	strcpy(q->role_key, "kam");
	strcpy(q->type, "situational");
	strcpy(q->competency, "negotiation");
	strcpy(q->lang, "de");
	strcpy(q->text, "Ihr größter Kunde verlangt 8 % Rabatt. Wie gehen Sie vor?");
	strcpy(q->follow_ups, "Was war Ihr Walk-away-Punkt?\nWer war beteiligt?");
	strcpy(q->guide_strong, "Kennt Alternativen und Zugeständnisse");
	assert_int_equal(store_question_create(f->s, &hoe, q, NOW), STORE_OK);
	assert_true(q->id > 0);
	assert_int_equal(q->created_by, f->hoe);
	question_custom_ref(q->id, ref, sizeof ref);
	assert_true(question_custom_ref_parse(ref, &id));
	assert_int_equal(id, q->id);
	assert_false(question_custom_ref_parse("kam.rel.01", &id));
	assert_false(question_custom_ref_parse("custom.", &id));

	/* bad type, language or empty text refused */
	int64_t keep = q->id;
	strcpy(q->type, "verhalten");
	assert_int_equal(store_question_create(f->s, &hoe, q, NOW), STORE_INVALID);
	assert_int_equal(q->id, 0);
	q->id = keep;
	strcpy(q->type, "technical");
	strcpy(q->lang, "fr");
	assert_int_equal(store_question_update(f->s, &hoe, q, NOW), STORE_INVALID);
	strcpy(q->lang, "en");
	assert_int_equal(store_question_update(f->s, &hoe, q, NOW), STORE_OK);
	assert_int_equal(store_question_list(f->s, &filter, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].type, "technical");
	assert_string_equal(list[0].follow_ups, "Was war Ihr Walk-away-Punkt?\nWer war beteiligt?");
	free(list);
	filter.lang = "de";
	assert_int_equal(store_question_list(f->s, &filter, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	/* favourites: toggle, set idempotently, list; unknown custom refs refused */
	assert_int_equal(store_question_favourite_toggle(f->s, &hoe, f->hoe, "kam.rel.01", NOW, &on), STORE_OK);
	assert_true(on);
	assert_int_equal(store_question_favourite_set(f->s, &hoe, f->hoe, ref, true, NOW + 1), STORE_OK);
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_question_favourite_set(f->s, &hoe, f->hoe, ref, true, NOW + 2), STORE_OK);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_question_favourite_set(f->s, &hoe, f->hoe, "custom.9999", true, NOW), STORE_INVALID);
	assert_int_equal(store_question_favourite_set(f->s, &hoe, f->hoe, "", true, NOW), STORE_INVALID);
	assert_int_equal(store_question_favourite_set(f->s, &hoe, 9999, "kam.rel.01", true, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_question_favourites(f->s, f->hoe, &fav, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(fav[0].ref, "kam.rel.01");
	assert_string_equal(fav[1].ref, ref);
	free(fav);
	assert_int_equal(store_question_favourite_toggle(f->s, &hoe, f->hoe, "kam.rel.01", NOW, &on), STORE_OK);
	assert_false(on);

	/* deleting a question removes its favourites */
	assert_int_equal(store_question_delete(f->s, &hoe, keep, NOW), STORE_OK);
	assert_int_equal(store_question_delete(f->s, &hoe, keep, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_question_favourites(f->s, f->hoe, &fav, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(fav);
	free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_default_rounds_only_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interviewers_and_focus, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_order_update_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kit_versioning, setup, teardown),
		cmocka_unit_test_setup_teardown(test_custom_questions_and_favourites, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unused_round_with_versions_goes_with_position, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
