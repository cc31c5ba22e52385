/*
 * test_store_positions.c — organisations, positions, the requirements profile
 * (goals, requirements with goal links, stakeholders, proposals), approved
 * profile versions and stored role templates, against a real database in a
 * fresh temporary directory per test.
 *
 * Spec references: R-PROF-1 (goals), R-PROF-2 (requirement–goal links),
 * R-PROF-3 (tiers and kinds), R-PROF-6 (stakeholders and proposals),
 * R-PROF-7 (immutable approved versions), R-PROF-8 (challenges),
 * R-ROLE-1 (editable templates), R-X-4 (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/db.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/store.h"
#include "store/templates.h"
#include "store/users.h"
#include "util/log.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */
#define DAY 86400

struct fixture {
	char dir[64];
	struct store *s;
	int64_t owner;       /* user "weber" */
	int64_t other_owner; /* user "brandt" */
	int64_t org;         /* organisation "Nordlicht GmbH" */
};

static struct organisation make_org(const char *name)
{
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, name);
	strcpy(o.website, "https://nordlicht.example");
	strcpy(o.street, "Am Sandtorkai 1");
	strcpy(o.postal_code, "20457");
	strcpy(o.city, "Hamburg");
	strcpy(o.country, "DE");
	strcpy(o.state, "DE-HH");
	return o;
}

static struct position make_position(const struct fixture *f, const char *title)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = f->org;
	strcpy(p.template_key, "kam");
	strcpy(p.title, title);
	strcpy(p.department, "Vertrieb");
	strcpy(p.location, "Hamburg");
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	p.salary_min = 70000;
	p.salary_max = 90000;
	strcpy(p.currency, "EUR");
	strcpy(p.target_start, "2026-04-01");
	p.owner_id = f->owner;
	p.status = POSITION_OPEN; /* create ignores this: a new position is a draft */
	strcpy(p.challenges, "Zwei Schlüsselkunden kündigen zum Jahresende.");
	return p;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-test");
	f->owner = temp_store_add_user(f->s, "weber", "Anna Weber", ROLE_HIRING_MANAGER, NOW);
	f->other_owner = temp_store_add_user(f->s, "brandt", "", ROLE_RECRUITER, NOW);
	struct organisation o = make_org("Nordlicht GmbH");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->org = o.id;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0); /* every statement finalized */
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

static int64_t add_position(struct fixture *f, const char *title)
{
	struct position p = make_position(f, title);
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	assert_true(p.id > 0);
	return p.id;
}

static int64_t add_goal(struct fixture *f, int64_t position_id, enum goal_kind kind, const char *title)
{
	struct goal g;
	memset(&g, 0, sizeof g);
	g.kind = kind;
	strcpy(g.title, title);
	if (kind == GOAL_REVENUE) {
		g.revenue_amount = 5000000;
		g.horizon_months = 24;
	}
	if (kind == GOAL_MARKET_ENTRY) {
		strcpy(g.region, "DACH");
		strcpy(g.segment, "Maschinenbau");
		g.international = true;
		g.technical_market = true;
	}
	strcpy(g.notes, "laut Geschäftsführung");
	assert_int_equal(store_goal_add(f->s, &TEST_CLI, position_id, &g, NOW), STORE_OK);
	assert_true(g.id > 0);
	return g.id;
}

static int64_t add_requirement(struct fixture *f, int64_t position_id, enum requirement_kind kind, enum tier tier,
			       const char *title, const int64_t *goals, int ngoals)
{
	struct requirement r;
	memset(&r, 0, sizeof r);
	r.kind = kind;
	r.tier = tier;
	strcpy(r.title, title);
	strcpy(r.detail, "Nachweisbar im Lebenslauf");
	if (kind == REQ_EXPERIENCE) {
		r.years_min = 5;
		r.years_max = 10;
	}
	if (kind == REQ_LANGUAGE) {
		strcpy(r.language, "Englisch");
		r.level = CEFR_C1;
	}
	r.technical = kind == REQ_EDUCATION;
	strcpy(r.competency_key, "relationship_management");
	for (int i = 0; i < ngoals; i++)
		r.goal_ids[i] = goals[i];
	r.ngoals = ngoals;
	assert_int_equal(store_requirement_add(f->s, &TEST_CLI, position_id, &r, NOW), STORE_OK);
	assert_true(r.id > 0);
	return r.id;
}

static void assert_goal_equal(const struct goal *a, const struct goal *b)
{
	assert_int_equal(a->id, b->id);
	assert_int_equal(a->kind, b->kind);
	assert_string_equal(a->title, b->title);
	assert_int_equal(a->revenue_amount, b->revenue_amount);
	assert_int_equal(a->horizon_months, b->horizon_months);
	assert_string_equal(a->region, b->region);
	assert_string_equal(a->segment, b->segment);
	assert_string_equal(a->accounts, b->accounts);
	assert_int_equal(a->international, b->international);
	assert_int_equal(a->technical_market, b->technical_market);
	assert_string_equal(a->notes, b->notes);
}

static void assert_requirement_equal(const struct requirement *a, const struct requirement *b)
{
	assert_int_equal(a->id, b->id);
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->tier, b->tier);
	assert_string_equal(a->title, b->title);
	assert_string_equal(a->detail, b->detail);
	assert_int_equal(a->years_min, b->years_min);
	assert_int_equal(a->years_max, b->years_max);
	assert_string_equal(a->language, b->language);
	assert_int_equal(a->level, b->level);
	assert_int_equal(a->technical, b->technical);
	assert_int_equal(a->revenue_amount, b->revenue_amount);
	assert_string_equal(a->competency_key, b->competency_key);
	assert_int_equal(a->tier_decided, b->tier_decided);
	assert_int_equal(a->ngoals, b->ngoals);
	for (int i = 0; i < a->ngoals; i++)
		assert_int_equal(a->goal_ids[i], b->goal_ids[i]);
}

/* Field-by-field equality of two profiles. */
static void assert_profile_equal(const struct profile *a, const struct profile *b)
{
	assert_int_equal(a->position_id, b->position_id);
	assert_string_equal(a->template_key, b->template_key);
	assert_string_equal(a->challenges, b->challenges);
	assert_int_equal(a->ngoals, b->ngoals);
	for (size_t i = 0; i < a->ngoals; i++)
		assert_goal_equal(&a->goals[i], &b->goals[i]);
	assert_int_equal(a->nrequirements, b->nrequirements);
	for (size_t i = 0; i < a->nrequirements; i++)
		assert_requirement_equal(&a->requirements[i], &b->requirements[i]);
	assert_int_equal(a->nstakeholders, b->nstakeholders);
	for (size_t i = 0; i < a->nstakeholders; i++) {
		assert_int_equal(a->stakeholders[i].id, b->stakeholders[i].id);
		assert_int_equal(a->stakeholders[i].user_id, b->stakeholders[i].user_id);
		assert_string_equal(a->stakeholders[i].name, b->stakeholders[i].name);
		assert_int_equal(a->stakeholders[i].role, b->stakeholders[i].role);
	}
	assert_int_equal(a->nproposals, b->nproposals);
	for (size_t i = 0; i < a->nproposals; i++) {
		assert_int_equal(a->proposals[i].id, b->proposals[i].id);
		assert_int_equal(a->proposals[i].stakeholder_id, b->proposals[i].stakeholder_id);
		assert_int_equal(a->proposals[i].requirement_id, b->proposals[i].requirement_id);
		assert_int_equal(a->proposals[i].tier, b->proposals[i].tier);
		assert_string_equal(a->proposals[i].note, b->proposals[i].note);
	}
}

/* The schema objects (tables, indexes, triggers) as one text, for comparison. */
static char *schema_text(struct store *s)
{
	struct db_stmt st;
	size_t len = 0, cap = 1;
	char *text = calloc(1, cap);
	assert_non_null(text);
	db_prepare(s, &st, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name");
	while (db_step(&st) == DB_ROW) {
		char *row = db_column_text_dup(&st, 0);
		size_t n = strlen(row);
		text = realloc(text, cap += n + 1);
		assert_non_null(text);
		memcpy(text + len, row, n);
		len += n;
		text[len++] = '\n';
		text[len] = '\0';
		free(row);
	}
	assert_int_equal(db_finalize(&st), STORE_OK);
	return text;
}

/* ---- tests ----------------------------------------------------------------------------- */

static void test_migration_2_on_top_of_1(void **state)
{
	struct fixture *f = *state;
	int from = -1, to = -1;
	struct user u;

	assert_true(store_schema_latest() >= 2);
	char *before = schema_text(f->s);
	assert_non_null(strstr(before, "trigger profile_versions_no_update"));
	assert_non_null(strstr(before, "trigger requirement_goals_same_position"));

	/* back to a version-1 database that holds data: drop what migrations 2 and later made */
	assert_int_equal(db_exec_script(f->s, "test downgrade",
					"DROP TRIGGER hires_follow_candidate; DROP TABLE key_accounts; DROP TABLE onboarding_reviews;"
					"DROP TABLE onboarding_goals; DROP TABLE onboarding_checkins; DROP TABLE onboarding_tasks;"
					"DROP TABLE hires; DROP TABLE offer_versions; DROP TABLE offers; DROP TABLE budget_bands;"
					"DROP TABLE outbox; DROP TABLE message_templates; DROP TABLE challenge_disclosures;"
					"DROP TABLE hiring_plans; DROP TABLE calendar_tokens; DROP TABLE absences;"
					"DROP TABLE exercise_ratings; DROP TABLE scorecard_answers; DROP TABLE scorecard_ratings;"
					"DROP TABLE scorecards; DROP TABLE interview_interviewers; DROP TABLE interviews;"
					"DROP TABLE kit_versions; DROP TABLE round_interviewers; DROP TABLE interview_rounds;"
					"DROP TABLE question_favourites; DROP TABLE questions; DROP TABLE decisions;"
					"DROP TABLE position_stages; DROP TABLE privacy_notices; DROP TABLE public_submissions;"
					"DROP TABLE candidates_fts; DROP TABLE channel_plans; DROP TABLE consents;"
					"DROP TABLE candidate_documents; DROP TABLE application_events; DROP TABLE applications;"
					"DROP TABLE candidates;"
					"DROP TABLE job_ads; DROP TABLE role_templates; DROP TABLE profile_versions; DROP TABLE proposals;"
					"DROP TABLE stakeholders; DROP TABLE requirement_goals; DROP TABLE requirements;"
					"DROP TABLE goals; DROP TABLE positions; DROP TABLE organisations;"
					"PRAGMA user_version = 1;"),
			 STORE_OK);
	assert_int_equal(store_schema_version(f->s), 1);

	/* migration 2 applies on top of 1, keeping the data of 1 */
	assert_int_equal(store_migrate(f->s, &from, &to), STORE_OK);
	assert_int_equal(from, 1);
	assert_int_equal(to, store_schema_latest());
	char *after = schema_text(f->s);
	assert_string_equal(before, after);
	assert_int_equal(store_user_by_name(f->s, "weber", &u), STORE_OK);

	/* and again changes nothing */
	assert_int_equal(store_migrate(f->s, &from, &to), STORE_OK);
	assert_int_equal(from, to);
	assert_true(store_integrity_ok(f->s));
	free(before);
	free(after);
	assert_string_equal(store_rc_name(STORE_INVALID), "invalid");
}

static void test_organisations(void **state)
{
	struct fixture *f = *state;
	struct organisation o = make_org("Atlas Consulting"), got, *list = NULL;
	size_t n = 0;

	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "organisation");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.entity_id, o.id);
	assert_non_null(strstr(e.changes, "\"Atlas Consulting\""));

	assert_int_equal(store_organisation_get(f->s, o.id, &got), STORE_OK);
	assert_string_equal(got.name, "Atlas Consulting");
	assert_string_equal(got.state, "DE-HH");
	assert_string_equal(got.website, "https://nordlicht.example");
	assert_int_equal(got.created_at, NOW);

	/* update: only the changed fields are audited, as [old, new] */
	strcpy(got.city, "München");
	strcpy(got.state, "DE-BY");
	assert_int_equal(store_organisation_update(f->s, &TEST_CLI, &got, NOW + 10), STORE_OK);
	e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.action, "update");
	assert_string_equal(e.changes, "{\"city\":[\"Hamburg\",\"M\\u00FCnchen\"],\"state\":[\"DE-HH\",\"DE-BY\"]}");
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_organisation_update(f->s, &TEST_CLI, &got, NOW + 20), STORE_OK); /* unchanged */
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_organisation_get(f->s, o.id, &got), STORE_OK);
	assert_string_equal(got.city, "München");

	got.id = 9999;
	assert_int_equal(store_organisation_update(f->s, &TEST_CLI, &got, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_organisation_get(f->s, 9999, &got), STORE_NOT_FOUND);

	/* ordered by name */
	assert_int_equal(store_organisation_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "Atlas Consulting");
	assert_string_equal(list[1].name, "Nordlicht GmbH");
	free(list);
}

static void test_position_crud(void **state)
{
	struct fixture *f = *state;
	struct position p = make_position(f, "Key Account Manager (m/w/d)"), got;

	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	assert_int_equal(p.status, POSITION_DRAFT);
	assert_int_equal(p.created_at, NOW);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "position");
	assert_string_equal(e.action, "create");
	assert_int_equal(e.entity_id, p.id);
	assert_non_null(strstr(e.changes, "\"status\":\"draft\""));

	assert_int_equal(store_position_get(f->s, p.id, &got), STORE_OK);
	assert_string_equal(got.title, "Key Account Manager (m/w/d)");
	assert_int_equal(got.organisation_id, f->org);
	assert_int_equal(got.owner_id, f->owner);
	assert_int_equal(got.remote, REMOTE_HYBRID);
	assert_int_equal(got.employment, EMPLOYMENT_FULL_TIME);
	assert_int_equal(got.salary_min, 70000);
	assert_int_equal(got.salary_max, 90000);
	assert_string_equal(got.target_start, "2026-04-01");
	assert_string_equal(got.challenges, "Zwei Schlüsselkunden kündigen zum Jahresende."); /* R-PROF-8 */
	assert_int_equal(got.status, POSITION_DRAFT);
	assert_int_equal(got.opened_at, 0);
	assert_int_equal(got.approved_version, 0);

	/* opening sets opened_at once; the audit lists changed fields, challenges as "changed" */
	got.status = POSITION_OPEN;
	strcpy(got.challenges, "Vorgänger nach sechs Monaten gegangen.");
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW + DAY), STORE_OK);
	e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.action, "update");
	assert_string_equal(e.changes, "{\"status\":[\"draft\",\"open\"],\"challenges\":\"changed\"}");
	assert_int_equal(store_position_get(f->s, p.id, &got), STORE_OK);
	assert_int_equal(got.opened_at, NOW + DAY);
	assert_string_equal(got.challenges, "Vorgänger nach sechs Monaten gegangen.");
	got.status = POSITION_PAUSED;
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW + 2 * DAY), STORE_OK);
	got.status = POSITION_OPEN;
	got.salary_max = 95000;
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW + 3 * DAY), STORE_OK);
	assert_string_equal(last_audit(f->s).changes, "{\"salary_max\":[90000,95000],\"status\":[\"paused\",\"open\"]}");
	assert_int_equal(store_position_get(f->s, p.id, &got), STORE_OK);
	assert_int_equal(got.opened_at, NOW + DAY); /* first opening only */

	/* unchanged: nothing written */
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW + 4 * DAY), STORE_OK);
	assert_int_equal(audit_count(f->s), audits);

	/* dangling references are refused, nothing stored */
	struct position bad = make_position(f, "Ohne Firma");
	bad.organisation_id = 4242;
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &bad, NOW), STORE_INVALID);
	assert_int_equal(bad.id, 0);
	got.owner_id = 4242;
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW), STORE_INVALID);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_position_get(f->s, p.id, &got), STORE_OK);
	assert_int_equal(got.owner_id, f->owner);

	/* no owner is allowed */
	got.owner_id = 0;
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW), STORE_OK);
	assert_int_equal(store_position_get(f->s, p.id, &got), STORE_OK);
	assert_int_equal(got.owner_id, 0);

	assert_int_equal(store_position_get(f->s, 4242, &got), STORE_NOT_FOUND);
	got.id = 4242;
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &got, NOW), STORE_NOT_FOUND);
}

static void test_position_list_summary(void **state)
{
	struct fixture *f = *state;
	struct position_summary *list = NULL;
	size_t n = 0;
	int64_t counts[POSITION_STATUS__COUNT];

	struct position kam = make_position(f, "Key Account Manager");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &kam, NOW), STORE_OK);
	struct position bdm = make_position(f, "Business Development Manager");
	bdm.owner_id = f->other_owner;
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &bdm, NOW + 10), STORE_OK);
	struct position hoe = make_position(f, "Head of Engineering");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &hoe, NOW + 20), STORE_OK);
	kam.status = POSITION_OPEN;
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &kam, NOW + 30), STORE_OK);

	add_requirement(f, kam.id, REQ_EXPERIENCE, TIER_MUST, "Erfahrung im Key Account Management", NULL, 0);
	add_requirement(f, kam.id, REQ_LANGUAGE, TIER_MUST, "Englisch verhandlungssicher", NULL, 0);
	add_requirement(f, kam.id, REQ_SKILL, TIER_NICE, "CRM-Kenntnisse", NULL, 0);

	/* all: drafts first (newest first), then open */
	assert_int_equal(store_position_list(f->s, -1, 0, &list, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].p.id, hoe.id);
	assert_int_equal(list[1].p.id, bdm.id);
	assert_int_equal(list[2].p.id, kam.id);
	assert_string_equal(list[0].owner_name, "Anna Weber");
	assert_string_equal(list[1].owner_name, "brandt"); /* no display name: login name */
	assert_string_equal(list[2].organisation_name, "Nordlicht GmbH");
	assert_int_equal(list[2].requirement_count, 3);
	assert_int_equal(list[2].must_count, 2);
	assert_int_equal(list[0].requirement_count, 0);
	free(list);

	assert_int_equal(store_position_list(f->s, POSITION_DRAFT, 0, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);
	assert_int_equal(store_position_list(f->s, POSITION_DRAFT, f->owner, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].p.id, hoe.id);
	free(list);
	assert_int_equal(store_position_list(f->s, -1, f->other_owner, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].p.id, bdm.id);
	free(list);
	assert_int_equal(store_position_list(f->s, POSITION_CLOSED, 0, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	assert_null(list);

	assert_int_equal(store_position_count_by_status(f->s, counts), STORE_OK);
	assert_int_equal(counts[POSITION_DRAFT], 2);
	assert_int_equal(counts[POSITION_OPEN], 1);
	assert_int_equal(counts[POSITION_PAUSED], 0);
	assert_int_equal(counts[POSITION_CLOSED], 0);
}

static void test_goals_requirements_links(void **state)
{
	struct fixture *f = *state;
	struct profile p;
	int64_t pos = add_position(f, "Key Account Manager");

	/* R-PROF-1: goals in the order they were added */
	int64_t revenue = add_goal(f, pos, GOAL_REVENUE, "Umsatz 5 Mio. EUR in 24 Monaten");
	int64_t market = add_goal(f, pos, GOAL_MARKET_ENTRY, "Markteintritt DACH");
	int64_t accounts = add_goal(f, pos, GOAL_ACCOUNT_DEVELOPMENT, "Bestandskunden ausbauen");
	assert_string_equal(last_audit(f->s).entity, "goal"); /* R-X-4 */

	/* R-PROF-2, R-PROF-3: requirements with tiers and kinds, linked to goals */
	int64_t g1[] = { accounts, revenue };
	int64_t exp = add_requirement(f, pos, REQ_EXPERIENCE, TIER_MUST, "5-10 Jahre Vertrieb", g1, 2);
	int64_t g2[] = { market };
	int64_t lang = add_requirement(f, pos, REQ_LANGUAGE, TIER_IMPORTANT, "Englisch C1", g2, 1);
	int64_t trait = add_requirement(f, pos, REQ_TRAIT, TIER_NICE, "Empathie", NULL, 0);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "requirement");
	assert_string_equal(e.action, "create");

	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.position_id, pos);
	assert_string_equal(p.template_key, "kam");
	assert_string_equal(p.challenges, "Zwei Schlüsselkunden kündigen zum Jahresende."); /* R-PROF-8 */
	assert_int_equal(p.ngoals, 3);
	assert_int_equal(p.goals[0].id, revenue);
	assert_int_equal(p.goals[0].kind, GOAL_REVENUE);
	assert_int_equal(p.goals[0].revenue_amount, 5000000);
	assert_int_equal(p.goals[0].horizon_months, 24);
	assert_int_equal(p.goals[1].id, market);
	assert_string_equal(p.goals[1].region, "DACH");
	assert_true(p.goals[1].international);
	assert_true(p.goals[1].technical_market);
	assert_int_equal(p.goals[2].id, accounts);
	assert_int_equal(p.nrequirements, 3);
	assert_int_equal(p.requirements[0].id, exp);
	assert_int_equal(p.requirements[0].tier, TIER_MUST);
	assert_int_equal(p.requirements[0].years_min, 5);
	assert_int_equal(p.requirements[0].years_max, 10);
	assert_int_equal(p.requirements[0].ngoals, 2);
	assert_int_equal(p.requirements[0].goal_ids[0], revenue); /* links in the goals' order */
	assert_int_equal(p.requirements[0].goal_ids[1], accounts);
	assert_int_equal(p.requirements[1].id, lang);
	assert_int_equal(p.requirements[1].kind, REQ_LANGUAGE);
	assert_int_equal(p.requirements[1].level, CEFR_C1);
	assert_string_equal(p.requirements[1].language, "Englisch");
	assert_int_equal(p.requirements[1].ngoals, 1);
	assert_int_equal(p.requirements[2].id, trait);
	assert_int_equal(p.requirements[2].tier, TIER_NICE);
	assert_int_equal(p.requirements[2].ngoals, 0);
	assert_int_equal(p.nstakeholders, 0);
	assert_int_equal(p.nproposals, 0);
	profile_free(&p);

	/* update a goal and a requirement: audited field by field */
	struct goal g;
	int64_t goal_pos = 0;
	assert_int_equal(store_goal_get(f->s, revenue, &g, &goal_pos), STORE_OK);
	assert_int_equal(goal_pos, pos);
	g.revenue_amount = 6000000;
	assert_int_equal(store_goal_update(f->s, &TEST_CLI, &g, NOW + 1), STORE_OK);
	assert_string_equal(last_audit(f->s).changes, "{\"revenue_amount\":[5000000,6000000]}"); /* R-X-4 */
	struct requirement r;
	int64_t req_pos = 0;
	assert_int_equal(store_requirement_get(f->s, lang, &r, &req_pos), STORE_OK);
	assert_int_equal(req_pos, pos);
	assert_int_equal(r.ngoals, 1);
	r.tier = TIER_MUST;
	r.level = CEFR_B2;
	assert_int_equal(store_requirement_update(f->s, &TEST_CLI, &r, NOW + 2), STORE_OK);
	assert_string_equal(last_audit(f->s).changes, "{\"tier\":[\"important\",\"must\"],\"level\":[\"C1\",\"B2\"]}");

	/* R-PROF-2: replace the links; duplicates count once; audited as [old, new] */
	char expected[128];
	int64_t g3[] = { market, revenue, market };
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, trait, g3, 3, NOW + 3), STORE_OK);
	e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "requirement");
	assert_int_equal(e.entity_id, trait);
	snprintf(expected, sizeof expected, "{\"goals\":[[],[%lld,%lld]]}", (long long)market, (long long)revenue);
	assert_string_equal(e.changes, expected);
	int64_t audits = audit_count(f->s);
	int64_t g4[] = { revenue, market };
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, trait, g4, 2, NOW + 4), STORE_OK);
	assert_int_equal(audit_count(f->s), audits); /* the same set: nothing written */
	assert_int_equal(store_requirement_get(f->s, trait, &r, NULL), STORE_OK);
	assert_int_equal(r.ngoals, 2);
	assert_int_equal(r.goal_ids[0], revenue);
	assert_int_equal(r.goal_ids[1], market);
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, trait, NULL, 0, NOW + 5), STORE_OK);
	assert_int_equal(store_requirement_get(f->s, trait, &r, NULL), STORE_OK);
	assert_int_equal(r.ngoals, 0);

	/* unknown rows */
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, 4242, g4, 2, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_goal_add(f->s, &TEST_CLI, 4242, &g, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_goal_get(f->s, 4242, &g, NULL), STORE_NOT_FOUND);
	g.id = 4242;
	assert_int_equal(store_goal_update(f->s, &TEST_CLI, &g, NOW), STORE_NOT_FOUND);
	assert_int_equal(store_requirement_delete(f->s, &TEST_CLI, 4242, NOW), STORE_NOT_FOUND);
}

static void test_set_goals_refuses_other_position(void **state)
{
	struct fixture *f = *state;
	struct requirement r;
	int64_t kam = add_position(f, "Key Account Manager");
	int64_t bdm = add_position(f, "Business Development Manager");
	int64_t own = add_goal(f, kam, GOAL_REVENUE, "Umsatz");
	int64_t foreign = add_goal(f, bdm, GOAL_MARKET_ENTRY, "Markteintritt Nordics");
	int64_t links[] = { own };
	int64_t req = add_requirement(f, kam, REQ_SKILL, TIER_MUST, "Verhandlungsführung", links, 1);
	int64_t audits = audit_count(f->s);

	/* R-PROF-2: a goal of another position is refused and nothing changes */
	int64_t mixed[] = { own, foreign };
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, req, mixed, 2, NOW), STORE_INVALID);
	int64_t missing[] = { 4242 };
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, req, missing, 1, NOW), STORE_INVALID);
	int64_t too_many[REQUIREMENT_MAX_GOALS + 1];
	for (int i = 0; i <= REQUIREMENT_MAX_GOALS; i++)
		too_many[i] = add_goal(f, kam, GOAL_FREE_TEXT, "Ziel");
	audits = audit_count(f->s);
	assert_int_equal(store_requirement_set_goals(f->s, &TEST_CLI, req, too_many, REQUIREMENT_MAX_GOALS + 1, NOW),
			 STORE_INVALID);
	assert_int_equal(audit_count(f->s), audits); /* R-X-4: no audit row for a refused change */
	assert_int_equal(store_requirement_get(f->s, req, &r, NULL), STORE_OK);
	assert_int_equal(r.ngoals, 1);
	assert_int_equal(r.goal_ids[0], own);

	/* a new requirement linking another position's goal is not added at all,
	 * also inside the caller's transaction */
	struct requirement add;
	memset(&add, 0, sizeof add);
	add.kind = REQ_TRAIT;
	add.tier = TIER_NICE;
	strcpy(add.title, "Neugier");
	add.goal_ids[0] = own;
	add.goal_ids[1] = foreign;
	add.ngoals = 2;
	assert_int_equal(store_begin(f->s), STORE_OK);
	assert_int_equal(store_requirement_add(f->s, &TEST_CLI, kam, &add, NOW), STORE_INVALID);
	assert_int_equal(add.id, 0);
	assert_int_equal(store_commit(f->s), STORE_OK);
	struct profile p;
	assert_int_equal(store_profile_load(f->s, kam, &p), STORE_OK);
	assert_int_equal(p.nrequirements, 1);
	profile_free(&p);
	assert_int_equal(audit_count(f->s), audits);

	/* no position, or a text that could not be part of a snapshot: refused */
	add.ngoals = 0;
	assert_int_equal(store_requirement_add(f->s, &TEST_CLI, 4242, &add, NOW), STORE_NOT_FOUND);
	strcpy(add.detail, "Sch\xc3"); /* cut in the middle of a UTF-8 sequence */
	assert_int_equal(store_requirement_add(f->s, &TEST_CLI, kam, &add, NOW), STORE_INVALID);
	assert_int_equal(store_requirement_get(f->s, req, &r, NULL), STORE_OK);
	strcpy(r.title, "\xff");
	assert_int_equal(store_requirement_update(f->s, &TEST_CLI, &r, NOW), STORE_INVALID);
	struct goal g;
	assert_int_equal(store_goal_get(f->s, own, &g, NULL), STORE_OK);
	strcpy(g.notes, "\xe2\x82");
	assert_int_equal(store_goal_update(f->s, &TEST_CLI, &g, NOW), STORE_INVALID);
	assert_int_equal(store_goal_add(f->s, &TEST_CLI, kam, &g, NOW), STORE_INVALID);
	assert_int_equal(audit_count(f->s), audits);
}

static void test_goal_delete_cascades(void **state)
{
	struct fixture *f = *state;
	struct profile p;
	int64_t pos = add_position(f, "Key Account Manager");
	int64_t a = add_goal(f, pos, GOAL_REVENUE, "Umsatz");
	int64_t b = add_goal(f, pos, GOAL_ACCOUNT_DEVELOPMENT, "Bestandskunden");
	int64_t links[] = { a, b };
	int64_t req = add_requirement(f, pos, REQ_INDUSTRY, TIER_IMPORTANT, "Branchenkenntnis Maschinenbau", links, 2);

	/* R-PROF-2: deleting a goal removes its links, not the requirement */
	assert_int_equal(store_goal_delete(f->s, &TEST_CLI, a, NOW + 1), STORE_OK);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "goal");
	assert_string_equal(e.action, "delete");
	assert_int_equal(e.entity_id, a);
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.ngoals, 1);
	assert_int_equal(p.goals[0].id, b);
	assert_int_equal(p.nrequirements, 1);
	assert_int_equal(p.requirements[0].id, req);
	assert_int_equal(p.requirements[0].ngoals, 1);
	assert_int_equal(p.requirements[0].goal_ids[0], b);
	profile_free(&p);
	assert_int_equal(store_goal_delete(f->s, &TEST_CLI, a, NOW + 2), STORE_NOT_FOUND);

	/* a new goal goes after the remaining ones */
	int64_t c = add_goal(f, pos, GOAL_FREE_TEXT, "Team aufbauen");
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.ngoals, 2);
	assert_int_equal(p.goals[1].id, c);
	profile_free(&p);

	/* deleting the requirement removes its links */
	assert_int_equal(store_requirement_delete(f->s, &TEST_CLI, req, NOW + 3), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "delete");
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.nrequirements, 0);
	profile_free(&p);
}

static void test_stakeholders_and_proposals(void **state)
{
	struct fixture *f = *state;
	struct profile p;
	int64_t pos = add_position(f, "Key Account Manager");
	int64_t other = add_position(f, "Head of Engineering");
	int64_t req = add_requirement(f, pos, REQ_EXPERIENCE, TIER_MUST, "10 Jahre Vertrieb", NULL, 0);
	int64_t other_req = add_requirement(f, other, REQ_SKILL, TIER_MUST, "Architektur", NULL, 0);

	/* R-PROF-6: a user and a named person as stakeholders */
	struct stakeholder ceo = { .user_id = 0, .role = STAKEHOLDER_MANAGING_DIRECTOR };
	strcpy(ceo.name, "Dr. Petra Lange");
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, pos, &ceo, NOW), STORE_OK);
	struct stakeholder sales = { .user_id = f->owner, .role = STAKEHOLDER_SALES_HEAD };
	strcpy(sales.name, "Anna Weber");
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, pos, &sales, NOW), STORE_OK);
	assert_string_equal(last_audit(f->s).entity, "stakeholder"); /* R-X-4 */
	struct stakeholder ghost = { .user_id = 4242, .role = STAKEHOLDER_CFO };
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, pos, &ghost, NOW), STORE_INVALID);
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, 4242, &ghost, NOW), STORE_NOT_FOUND);

	/* R-PROF-6: proposals are inserted, then updated in place */
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, ceo.id, req, TIER_MUST, "unverzichtbar", NOW), STORE_OK);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "proposal");
	assert_string_equal(e.action, "create");
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, sales.id, req, TIER_IMPORTANT, NULL, NOW), STORE_OK);
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.nstakeholders, 2);
	assert_int_equal(p.stakeholders[0].id, ceo.id);
	assert_int_equal(p.stakeholders[0].user_id, 0);
	assert_int_equal(p.stakeholders[1].user_id, f->owner);
	assert_int_equal(p.stakeholders[1].role, STAKEHOLDER_SALES_HEAD);
	assert_int_equal(p.nproposals, 2);
	int64_t ceo_proposal = p.proposals[0].id;
	assert_int_equal(p.proposals[0].tier, TIER_MUST);
	assert_string_equal(p.proposals[0].note, "unverzichtbar");
	assert_int_equal(p.proposals[1].tier, TIER_IMPORTANT);
	profile_free(&p);

	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, ceo.id, req, TIER_IMPORTANT, "doch nur wichtig", NOW + 1),
			 STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "update");
	assert_int_equal(e.entity_id, ceo_proposal);
	assert_string_equal(e.changes,
			    "{\"tier\":[\"must\",\"important\"],\"note\":[\"unverzichtbar\",\"doch nur wichtig\"]}");
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, ceo.id, req, TIER_IMPORTANT, "doch nur wichtig", NOW + 2),
			 STORE_OK);
	assert_int_equal(audit_count(f->s), audits); /* unchanged: nothing written */
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.nproposals, 2); /* upsert, not a second row */
	assert_int_equal(p.proposals[0].id, ceo_proposal);
	assert_int_equal(p.proposals[0].tier, TIER_IMPORTANT);
	profile_free(&p);

	/* a requirement of another position, or none, is refused */
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, ceo.id, other_req, TIER_NICE, NULL, NOW), STORE_INVALID);
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, ceo.id, 4242, TIER_NICE, NULL, NOW), STORE_INVALID);
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, 4242, req, TIER_NICE, NULL, NOW), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), audits);

	/* delete a proposal; deleting a stakeholder removes their proposals */
	assert_int_equal(store_proposal_delete(f->s, &TEST_CLI, sales.id, req, NOW + 3), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "delete");
	assert_int_equal(store_proposal_delete(f->s, &TEST_CLI, sales.id, req, NOW + 3), STORE_NOT_FOUND);
	assert_int_equal(store_stakeholder_delete(f->s, &TEST_CLI, ceo.id, NOW + 4), STORE_OK);
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.nstakeholders, 1);
	assert_int_equal(p.nproposals, 0);
	profile_free(&p);
	assert_int_equal(store_stakeholder_delete(f->s, &TEST_CLI, ceo.id, NOW + 5), STORE_NOT_FOUND);

	/* deleting a requirement removes the proposals for it */
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, sales.id, req, TIER_MUST, NULL, NOW + 6), STORE_OK);
	assert_int_equal(store_requirement_delete(f->s, &TEST_CLI, req, NOW + 7), STORE_OK);
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	assert_int_equal(p.nproposals, 0);
	profile_free(&p);
}

/* A profile with goals, linked requirements, stakeholders and proposals. */
static int64_t build_profile(struct fixture *f)
{
	int64_t pos = add_position(f, "Key Account Manager");
	int64_t revenue = add_goal(f, pos, GOAL_REVENUE, "Umsatz 5 Mio. EUR");
	int64_t market = add_goal(f, pos, GOAL_MARKET_ENTRY, "Markteintritt DACH");
	int64_t l1[] = { revenue };
	int64_t l2[] = { market, revenue };
	int64_t exp = add_requirement(f, pos, REQ_EXPERIENCE, TIER_MUST, "5-10 Jahre B2B-Vertrieb", l1, 1);
	add_requirement(f, pos, REQ_LANGUAGE, TIER_MUST, "Englisch C1", l2, 2);
	add_requirement(f, pos, REQ_EDUCATION, TIER_IMPORTANT, "Technisches Studium", l2, 2);
	struct stakeholder ceo = { .role = STAKEHOLDER_MANAGING_DIRECTOR };
	strcpy(ceo.name, "Dr. Petra Lange");
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, pos, &ceo, NOW), STORE_OK);
	struct stakeholder head = { .user_id = f->owner, .role = STAKEHOLDER_SALES_HEAD };
	strcpy(head.name, "Anna Weber");
	assert_int_equal(store_stakeholder_add(f->s, &TEST_CLI, pos, &head, NOW), STORE_OK);
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, ceo.id, exp, TIER_MUST, "Pflicht", NOW), STORE_OK);
	assert_int_equal(store_proposal_set(f->s, &TEST_CLI, head.id, exp, TIER_IMPORTANT, "", NOW), STORE_OK);
	return pos;
}

static void test_approve_versions(void **state)
{
	struct fixture *f = *state;
	struct profile draft, v1, v1_again;
	struct position pos_row;
	int version = -1;
	bool changed = false;
	int64_t approved_at = 0, approved_by = -1;
	const struct actor approver = { f->owner, "weber", "192.0.2.7" };
	int64_t pos = build_profile(f);

	/* nothing approved yet: the draft counts as changed */
	assert_int_equal(store_profile_draft_changed(f->s, pos, &changed), STORE_OK);
	assert_true(changed);
	assert_int_equal(store_profile_version_load(f->s, pos, 1, &v1, NULL, NULL), STORE_NOT_FOUND);

	/* R-PROF-7: approval freezes the draft as version 1 */
	assert_int_equal(store_profile_approve(f->s, &approver, pos, NOW + DAY, &version), STORE_OK);
	assert_int_equal(version, 1);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "profile_version");
	assert_string_equal(e.action, "approve");
	assert_int_equal(e.user_id, f->owner);
	assert_int_equal(store_position_get(f->s, pos, &pos_row), STORE_OK);
	assert_int_equal(pos_row.approved_version, 1);
	assert_int_equal(store_profile_draft_changed(f->s, pos, &changed), STORE_OK);
	assert_false(changed);

	/* R-PROF-7: the snapshot reads back equal to the draft, field by field */
	assert_int_equal(store_profile_load(f->s, pos, &draft), STORE_OK);
	assert_int_equal(store_profile_version_load(f->s, pos, 1, &v1, &approved_at, &approved_by), STORE_OK);
	assert_int_equal(approved_at, NOW + DAY);
	assert_int_equal(approved_by, f->owner);
	assert_int_equal(v1.nrequirements, 3);
	assert_int_equal(v1.requirements[1].ngoals, 2);
	assert_int_equal(v1.nproposals, 2);
	assert_profile_equal(&draft, &v1);
	profile_free(&draft);

	/* R-PROF-7: approving the unchanged draft again is refused, nothing written */
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_profile_approve(f->s, &approver, pos, NOW + DAY + 1, &version), STORE_CONFLICT);
	assert_int_equal(version, 0);
	assert_int_equal(audit_count(f->s), audits);

	/* R-PROF-7: an edit after approval starts a new draft; version 2 on approval */
	struct requirement r = v1.requirements[0];
	r.tier = TIER_IMPORTANT;
	r.tier_decided = true;
	assert_int_equal(store_requirement_update(f->s, &TEST_CLI, &r, NOW + 2 * DAY), STORE_OK);
	assert_int_equal(store_profile_draft_changed(f->s, pos, &changed), STORE_OK);
	assert_true(changed);
	assert_int_equal(store_profile_approve(f->s, &TEST_CLI, pos, NOW + 3 * DAY, &version), STORE_OK);
	assert_int_equal(version, 2);
	assert_int_equal(store_profile_draft_changed(f->s, pos, &changed), STORE_OK);
	assert_false(changed);
	assert_int_equal(store_position_get(f->s, pos, &pos_row), STORE_OK);
	assert_int_equal(pos_row.approved_version, 2);

	/* R-PROF-8: the challenges are part of the profile */
	strcpy(pos_row.challenges, "Neuer Wettbewerber im Markt.");
	assert_int_equal(store_position_update(f->s, &TEST_CLI, &pos_row, NOW + 4 * DAY), STORE_OK);
	assert_int_equal(store_profile_draft_changed(f->s, pos, &changed), STORE_OK);
	assert_true(changed);

	/* R-PROF-7: version 1 is unchanged */
	assert_int_equal(store_profile_version_load(f->s, pos, 1, &v1_again, NULL, NULL), STORE_OK);
	assert_profile_equal(&v1, &v1_again);
	assert_int_equal(v1_again.requirements[0].tier, TIER_MUST);
	assert_false(v1_again.requirements[0].tier_decided);
	profile_free(&v1_again);
	struct profile v2;
	assert_int_equal(store_profile_version_load(f->s, pos, 2, &v2, &approved_at, &approved_by), STORE_OK);
	assert_int_equal(v2.requirements[0].tier, TIER_IMPORTANT);
	assert_true(v2.requirements[0].tier_decided);
	assert_int_equal(approved_by, 0); /* the command line */
	profile_free(&v2);
	profile_free(&v1);

	/* the list of versions, newest first */
	struct profile_version_info *versions = NULL;
	size_t n = 0;
	assert_int_equal(store_profile_versions(f->s, pos, &versions, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(versions[0].version, 2);
	assert_int_equal(versions[0].approved_by, 0);
	assert_string_equal(versions[0].approver_name, "");
	assert_int_equal(versions[1].version, 1);
	assert_int_equal(versions[1].approved_at, NOW + DAY);
	assert_string_equal(versions[1].approver_name, "Anna Weber");
	free(versions);

	assert_int_equal(store_profile_approve(f->s, &TEST_CLI, 4242, NOW, &version), STORE_NOT_FOUND);
	assert_int_equal(store_profile_draft_changed(f->s, 4242, &changed), STORE_NOT_FOUND);
}

static void test_versions_immutable(void **state)
{
	struct fixture *f = *state;
	struct db_stmt st;
	struct profile v1;
	int version = 0;
	int64_t pos = build_profile(f);
	assert_int_equal(store_profile_approve(f->s, &TEST_CLI, pos, NOW, &version), STORE_OK);

	/* R-PROF-7: the store offers no way to change a version, and the
	 * database refuses it too (triggers) */
	db_prepare(f->s, &st, "UPDATE profile_versions SET snapshot = '{}' WHERE position_id = :id");
	db_bind_int64(&st, ":id", pos);
	assert_int_equal(db_run(&st), STORE_ERROR);
	db_prepare(f->s, &st, "DELETE FROM profile_versions WHERE position_id = :id");
	db_bind_int64(&st, ":id", pos);
	assert_int_equal(db_run(&st), STORE_ERROR);
	assert_int_equal(store_profile_version_load(f->s, pos, 1, &v1, NULL, NULL), STORE_OK);
	assert_int_equal(v1.nrequirements, 3);
	profile_free(&v1);

	/* the link trigger guards the same-position rule below the store */
	int64_t other = add_position(f, "Head of Engineering");
	int64_t foreign_goal = add_goal(f, other, GOAL_FREE_TEXT, "Plattform");
	struct profile p;
	assert_int_equal(store_profile_load(f->s, pos, &p), STORE_OK);
	db_prepare(f->s, &st, "INSERT INTO requirement_goals (requirement_id, goal_id) VALUES (:r, :g)");
	db_bind_int64(&st, ":r", p.requirements[0].id);
	db_bind_int64(&st, ":g", foreign_goal);
	assert_int_equal(db_run(&st), STORE_ERROR);
	profile_free(&p);
}

static void test_templates(void **state)
{
	struct fixture *f = *state;
	struct stored_template t, *list = NULL;
	size_t n = 0;
	const struct actor admin = { f->other_owner, "brandt", NULL };

	/* R-ROLE-1: a copy of a built-in and a new template */
	assert_int_equal(store_template_save(f->s, &admin, "kam_nord", "{\"key\":\"kam_nord\",\"version\":1}", "kam", NOW),
			 STORE_OK);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "role_template");
	assert_string_equal(e.action, "create");
	assert_int_equal(store_template_save(f->s, &TEST_CLI, "einkauf", "{\"key\":\"einkauf\"}", NULL, NOW + 1),
			 STORE_OK);
	assert_int_equal(store_template_get(f->s, "kam_nord", &t), STORE_OK);
	assert_string_equal(t.key, "kam_nord");
	assert_string_equal(t.builtin_key, "kam");
	assert_string_equal(t.json, "{\"key\":\"kam_nord\",\"version\":1}");
	assert_int_equal(t.updated_at, NOW);
	assert_int_equal(t.updated_by, f->other_owner);
	stored_template_clear(&t);

	/* saving again updates in place */
	assert_int_equal(store_template_save(f->s, &TEST_CLI, "kam_nord", "{\"key\":\"kam_nord\",\"version\":2}", "kam",
					     NOW + 2),
			 STORE_OK);
	e = last_audit(f->s);
	assert_string_equal(e.action, "update");
	assert_string_equal(e.changes, "{\"json\":\"changed\"}");
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_template_save(f->s, &TEST_CLI, "kam_nord", "{\"key\":\"kam_nord\",\"version\":2}", "kam",
					     NOW + 3),
			 STORE_OK);
	assert_int_equal(audit_count(f->s), audits); /* unchanged */

	assert_int_equal(store_template_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].key, "einkauf");
	assert_string_equal(list[0].builtin_key, "");
	assert_int_equal(list[0].updated_by, 0);
	assert_string_equal(list[1].key, "kam_nord");
	assert_string_equal(list[1].json, "{\"key\":\"kam_nord\",\"version\":2}");
	assert_int_equal(list[1].updated_at, NOW + 2);
	stored_template_list_free(list, n);

	/* bad input stores nothing */
	assert_int_equal(store_template_save(f->s, &TEST_CLI, "kaputt", "{\"key\":", NULL, NOW), STORE_INVALID);
	assert_int_equal(store_template_save(f->s, &TEST_CLI, "liste", "[1,2]", NULL, NOW), STORE_INVALID);
	assert_int_equal(store_template_save(f->s, &TEST_CLI, "", "{}", NULL, NOW), STORE_INVALID);
	assert_int_equal(store_template_get(f->s, "kaputt", &t), STORE_NOT_FOUND);
	assert_int_equal(audit_count(f->s), audits);

	/* delete */
	assert_int_equal(store_template_delete(f->s, &TEST_CLI, "einkauf", NOW + 4), STORE_OK);
	assert_string_equal(last_audit(f->s).action, "delete");
	assert_int_equal(store_template_delete(f->s, &TEST_CLI, "einkauf", NOW + 5), STORE_NOT_FOUND);
	assert_int_equal(store_template_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	stored_template_list_free(list, n);
}

int main(void)
{
	log_set_quiet(1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migration_2_on_top_of_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_organisations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_position_crud, setup, teardown),
		cmocka_unit_test_setup_teardown(test_position_list_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goals_requirements_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_goals_refuses_other_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goal_delete_cascades, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stakeholders_and_proposals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_approve_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_versions_immutable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_templates, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
