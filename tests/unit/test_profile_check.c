/*
 * Unit tests for src/core/profile_check.c: every rule of the requirements
 * profile check case by case (focus, unicorn, experience range, links between
 * goals and requirements, stakeholder conflicts, challenges), the order and
 * bounds of the findings, translation of messages, and the suggestions of
 * requirements from goals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/password_policy.h"
#include "core/profile_check.h"

#define MAX_FINDINGS 32

/* A profile with room for its rows, built up by the helpers below. */
struct fixture {
	struct profile p;
	struct goal goals[8];
	struct requirement reqs[32];
	struct stakeholder stakeholders[4];
	struct proposal proposals[8];
	struct finding findings[MAX_FINDINGS];
	size_t n;
};

static struct fixture fx;

static void reset(void)
{
	memset(&fx, 0, sizeof fx);
	fx.p.goals = fx.goals;
	fx.p.requirements = fx.reqs;
	fx.p.stakeholders = fx.stakeholders;
	fx.p.proposals = fx.proposals;
	strcpy(fx.p.template_key, "kam");
	strcpy(fx.p.challenges, "Zwei Großkunden sind unzufrieden; das CRM wird gerade eingeführt.");
}

static struct goal *add_goal(int64_t id, enum goal_kind kind, const char *title)
{
	struct goal *g = &fx.goals[fx.p.ngoals++];

	g->id = id;
	g->kind = kind;
	snprintf(g->title, sizeof g->title, "%s", title);
	return g;
}

/* A requirement linked to goal (0 = no link). */
static struct requirement *add_req(int64_t id, enum requirement_kind kind, enum tier tier, const char *title,
				   int64_t goal)
{
	struct requirement *r = &fx.reqs[fx.p.nrequirements++];

	r->id = id;
	r->kind = kind;
	r->tier = tier;
	snprintf(r->title, sizeof r->title, "%s", title);
	if (goal != 0)
		r->goal_ids[r->ngoals++] = goal;
	return r;
}

static struct requirement *add_experience(int64_t id, enum tier tier, const char *title, int min, int max,
					  int64_t goal)
{
	struct requirement *r = add_req(id, REQ_EXPERIENCE, tier, title, goal);

	r->years_min = min;
	r->years_max = max;
	return r;
}

static struct requirement *add_language(int64_t id, enum tier tier, const char *title, enum cefr level,
					int64_t goal)
{
	struct requirement *r = add_req(id, REQ_LANGUAGE, tier, title, goal);

	r->level = level;
	return r;
}

static void add_stakeholder(int64_t id, const char *name, enum stakeholder_role role)
{
	struct stakeholder *s = &fx.stakeholders[fx.p.nstakeholders++];

	s->id = id;
	s->role = role;
	snprintf(s->name, sizeof s->name, "%s", name);
}

static void add_proposal(int64_t stakeholder, int64_t requirement, enum tier tier)
{
	struct proposal *pr = &fx.proposals[fx.p.nproposals];

	pr->id = (int64_t)fx.p.nproposals + 1;
	pr->stakeholder_id = stakeholder;
	pr->requirement_id = requirement;
	pr->tier = tier;
	fx.p.nproposals++;
}

/* A KAM profile that passes every check: two goals, four must-haves within
 * the usual experience range, every requirement and goal linked. */
static void clean_profile(void)
{
	reset();
	add_goal(1, GOAL_REVENUE, "2,5 Mio. EUR Neukundenumsatz in 24 Monaten")->revenue_amount = 2500000;
	add_goal(2, GOAL_ACCOUNT_DEVELOPMENT, "Top-10-Kunden ausbauen");
	add_experience(10, TIER_MUST, "Erfahrung im Key Account Management", 5, 8, 1);
	add_req(11, REQ_SKILL, TIER_MUST, "Komplexe Verkaufszyklen steuern", 1);
	add_req(12, REQ_SKILL, TIER_MUST, "CRM und Datenanalyse", 2);
	add_req(13, REQ_TRAIT, TIER_MUST, "Empathie und aktives Zuhören", 2);
	add_language(14, TIER_IMPORTANT, "Englisch", CEFR_B2, 2);
	add_req(15, REQ_CERTIFICATE, TIER_NICE, "Branchenzertifikat", 1);
}

static size_t run(const struct profile_check_options *opt)
{
	memset(fx.findings, 0, sizeof fx.findings);
	fx.n = profile_check(&fx.p, opt, fx.findings, MAX_FINDINGS);
	return fx.n;
}

/* The finding with this rule (the nth of them), or NULL. */
static const struct finding *nth_finding(const char *rule, size_t nth)
{
	for (size_t i = 0; i < fx.n; i++)
		if (strcmp(fx.findings[i].rule, rule) == 0 && nth-- == 0)
			return &fx.findings[i];
	return NULL;
}

static const struct finding *finding(const char *rule)
{
	return nth_finding(rule, 0);
}

/* The nth finding with this rule; fails the test when there is none. */
static const struct finding *expect_finding(const char *rule, size_t nth)
{
	static const struct finding none;
	const struct finding *f = nth_finding(rule, nth);

	if (f == NULL) {
		fail_msg("no finding %s #%zu", rule, nth);
		return &none;
	}
	return f;
}

static size_t count_rule(const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < fx.n; i++)
		if (strcmp(fx.findings[i].rule, rule) == 0)
			n++;
	return n;
}

static bool has_item(const struct finding *f, int64_t id)
{
	for (int i = 0; i < f->nitems; i++)
		if (f->items[i] == id)
			return true;
	return false;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) == NULL)
		fail_msg("\"%s\" not found in \"%s\"", needle, hay);
}

/* A translator that marks every msgid it was asked for with "T:". */
static const char *prefix_translate(const char *msgid)
{
	static char ring[64][1024];
	static size_t next;
	char *s = ring[next++ % 64];

	snprintf(s, sizeof ring[0], "T:%s", msgid);
	return s;
}

static void test_clean_profile_has_no_findings(void **state)
{
	(void)state;
	clean_profile();
	assert_int_equal(run(NULL), 0);
	assert_false(findings_block_approval(fx.findings, fx.n));
}

static void test_empty_profile(void **state)
{
	(void)state;
	reset();
	fx.p.challenges[0] = '\0';
	assert_int_equal(run(NULL), 4);
	/* R-PROF-1: goals come first; no goal and no requirement are errors */
	assert_string_equal(fx.findings[0].rule, "profile.no_goals");
	assert_int_equal(fx.findings[0].severity, SEVERITY_ERROR);
	assert_string_equal(fx.findings[1].rule, "profile.no_requirements");
	assert_int_equal(fx.findings[1].severity, SEVERITY_ERROR);
	assert_string_equal(fx.findings[2].rule, "profile.must_have_count");
	assert_string_equal(fx.findings[3].rule, "profile.no_challenges");
	assert_true(findings_block_approval(fx.findings, fx.n));
	for (size_t i = 0; i < fx.n; i++)
		assert_true(strlen(fx.findings[i].message) > 0);
}

/* A profile with n must-haves (all linked, within the usual range). */
static void profile_with_must_haves(int n)
{
	reset();
	add_goal(1, GOAL_FREE_TEXT, "Vertrieb im DACH-Raum stabilisieren");
	for (int i = 0; i < n; i++) {
		char title[32];
		snprintf(title, sizeof title, "Muss %d", i + 1);
		add_req(100 + i, REQ_SKILL, TIER_MUST, title, 1);
	}
	add_req(200, REQ_SKILL, TIER_IMPORTANT, "Wichtig", 1);
	add_req(201, REQ_SKILL, TIER_NICE, "Wünschenswert", 1);
}

static void test_must_have_count(void **state)
{
	const struct finding *f;

	(void)state;
	/* R-PROF-4: exactly 3 and exactly 5 are fine */
	profile_with_must_haves(3);
	assert_int_equal(run(NULL), 0);
	profile_with_must_haves(4);
	assert_int_equal(run(NULL), 0);
	profile_with_must_haves(5);
	assert_int_equal(run(NULL), 0);

	/* R-PROF-4: 2 are too few */
	profile_with_must_haves(2);
	assert_int_equal(run(NULL), 1);
	f = expect_finding("profile.must_have_count", 0);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->nitems, 2);
	assert_true(has_item(f, 100) && has_item(f, 101));
	assert_contains(f->message, "Focus on the three to five truly critical requirements");
	assert_contains(f->message, ": 2.");

	/* R-PROF-4: 6 are too many; items are the must-haves only */
	profile_with_must_haves(6);
	assert_int_equal(run(NULL), 1);
	f = expect_finding("profile.must_have_count", 0);
	assert_non_null(f);
	assert_int_equal(f->nitems, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(f->items[i], 100 + i);
	assert_false(has_item(f, 200));
	assert_contains(f->message, "Focus on the three to five truly critical requirements");
	assert_contains(f->message, ": 6.");
	assert_false(findings_block_approval(fx.findings, fx.n));
}

/* The seed: "Ein Key Account Manager mit zehn Jahren Erfahrung, exzellenten
 * Fremdsprachenkenntnissen, technischem Hintergrund und nachweisbaren
 * Millionenumsätzen existiert möglicherweise, ist jedoch selten verfügbar
 * oder finanzierbar." */
static void seed_unicorn(void)
{
	reset();
	add_goal(1, GOAL_REVENUE, "5 Mio. EUR Umsatz in 36 Monaten")->revenue_amount = 5000000;
	add_goal(2, GOAL_MARKET_ENTRY, "Markteintritt Frankreich")->international = true;
	add_experience(10, TIER_MUST, "Zehn Jahre Vertriebserfahrung", 10, 0, 1);
	add_language(11, TIER_MUST, "Englisch verhandlungssicher", CEFR_C1, 2);
	add_language(12, TIER_MUST, "Französisch verhandlungssicher", CEFR_C2, 2);
	add_req(13, REQ_EDUCATION, TIER_MUST, "Technisches Studium", 1)->technical = true;
	struct requirement *r = add_req(14, REQ_EXPERIENCE, TIER_MUST, "Nachweisbare Millionenumsätze", 1);
	r->revenue_amount = 3000000;
	r->goal_ids[r->ngoals++] = 2;           /* serves both goals: the one to keep */
}

static void test_unicorn_seed_example(void **state)
{
	const struct finding *f;

	(void)state;
	seed_unicorn();
	run(NULL);
	/* R-PROF-5: ten years + two C1 languages + technical + millions weigh 4 */
	f = expect_finding("profile.unicorn", 0);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->nitems, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(f->items[i], 10 + i);
	assert_contains(f->message, "“Zehn Jahre Vertriebserfahrung”");
	assert_contains(f->message, "“Englisch verhandlungssicher”");
	assert_contains(f->message, "“Französisch verhandlungssicher”");
	assert_contains(f->message, "“Technisches Studium”");
	assert_contains(f->message, "“Nachweisbare Millionenumsätze”");
	assert_contains(f->message, "5 demanding must-haves");
	assert_contains(f->message, "exists, but is rarely available or affordable");
	assert_contains(f->message, "+4 to 8 weeks");
	/* keeps the item serving the most goals, moves the others */
	assert_contains(f->message, "Keep “Nachweisbare Millionenumsätze”");
	assert_contains(f->message, "move “Zehn Jahre Vertriebserfahrung”, “Englisch verhandlungssicher”, "
				    "“Französisch verhandlungssicher”, “Technisches Studium” to “Important”");
	/* "at least ten" is still within the usual 5–10 */
	assert_null(finding("profile.experience_range"));
	assert_false(findings_block_approval(fx.findings, fx.n));
}

static void test_unicorn_four_items_move_three(void **state)
{
	const struct finding *f;

	(void)state;
	/* R-PROF-5: 10 years + one C1 language + technical + millions = 3.5;
	 * with ties on goals the first item is kept and three are moved */
	reset();
	add_goal(1, GOAL_REVENUE, "Umsatz");
	add_experience(10, TIER_MUST, "A", 10, 12, 1);
	add_language(11, TIER_MUST, "B", CEFR_C1, 1);
	add_req(12, REQ_SKILL, TIER_MUST, "C", 1)->technical = true;
	add_req(13, REQ_EXPERIENCE, TIER_MUST, "D", 1)->revenue_amount = 1000000;
	run(NULL);
	f = expect_finding("profile.unicorn", 0);
	assert_non_null(f);
	assert_int_equal(f->nitems, 4);
	assert_contains(f->message, "+3 to 6 weeks");
	assert_contains(f->message, "Keep “A”");
	assert_contains(f->message, "move “B”, “C”, “D” to “Important”");
}

static void test_unicorn_thresholds(void **state)
{
	const struct finding *f;

	(void)state;
	/* R-PROF-5: 10 years + technical + one C1 language weigh 2.5: not flagged */
	reset();
	add_goal(1, GOAL_REVENUE, "Umsatz");
	add_experience(10, TIER_MUST, "Zehn Jahre", 10, 0, 1);
	add_req(11, REQ_SKILL, TIER_MUST, "Technik", 1)->technical = true;
	add_language(12, TIER_MUST, "Englisch C1", CEFR_C1, 1);
	run(NULL);
	assert_null(finding("profile.unicorn"));

	/* a second C1+ language makes it 3: flagged, +2 to 4 weeks */
	add_language(13, TIER_MUST, "Spanisch C2", CEFR_C2, 1);
	run(NULL);
	f = expect_finding("profile.unicorn", 0);
	assert_non_null(f);
	assert_contains(f->message, "+2 to 4 weeks");
	assert_int_equal(f->nitems, 4);

	/* the same demands as "important" do not count */
	fx.reqs[3].tier = TIER_IMPORTANT;
	run(NULL);
	assert_null(finding("profile.unicorn"));

	/* below the thresholds: 9 years, B2, 999,999 */
	reset();
	add_goal(1, GOAL_REVENUE, "Umsatz");
	add_experience(10, TIER_MUST, "Neun Jahre", 9, 0, 1);
	add_language(11, TIER_MUST, "Englisch", CEFR_B2, 1);
	add_language(12, TIER_MUST, "Französisch", CEFR_B2, 1);
	add_req(13, REQ_EXPERIENCE, TIER_MUST, "Umsatz", 1)->revenue_amount = 999999;
	add_req(14, REQ_SKILL, TIER_MUST, "Technik", 1)->technical = true;
	run(NULL);
	assert_null(finding("profile.unicorn"));

	/* one must-have carrying three demands: split it */
	reset();
	add_goal(1, GOAL_REVENUE, "Umsatz");
	struct requirement *r = add_experience(10, TIER_MUST, "Alles in einem", 10, 0, 1);
	r->technical = true;
	r->revenue_amount = 2000000;
	run(NULL);
	f = expect_finding("profile.unicorn", 0);
	assert_non_null(f);
	assert_int_equal(f->nitems, 1);
	assert_contains(f->message, "“Alles in einem”");
	assert_contains(f->message, "Split it");
}

static void test_experience_range(void **state)
{
	const struct finding *f;
	struct profile_check_options opt = { NULL, 0, 0 };

	(void)state;
	/* R-PROF-5: 5–10 is the usual range for a KAM */
	clean_profile();
	fx.reqs[0].years_min = 5;
	fx.reqs[0].years_max = 10;
	assert_int_equal(run(NULL), 0);
	fx.reqs[0].years_max = 0;               /* "at least 5" */
	assert_int_equal(run(NULL), 0);

	/* R-PROF-5: 3–7 starts below the range */
	fx.reqs[0].years_min = 3;
	fx.reqs[0].years_max = 7;
	assert_int_equal(run(NULL), 1);
	f = expect_finding("profile.experience_range", 0);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->nitems, 1);
	assert_int_equal(f->items[0], 10);
	assert_contains(f->message, "“Erfahrung im Key Account Management”");
	assert_contains(f->message, "3 to 7 years");
	assert_contains(f->message, "Five to ten years are the usual guide for a key account manager");

	/* R-PROF-5: 8–12 reaches above it */
	fx.reqs[0].years_min = 8;
	fx.reqs[0].years_max = 12;
	assert_int_equal(run(NULL), 1);
	assert_non_null(finding("profile.experience_range"));
	/* at least 12, and up to 3, lie outside as well */
	fx.reqs[0].years_min = 12;
	fx.reqs[0].years_max = 0;
	assert_int_equal(run(NULL), 1);
	assert_contains(expect_finding("profile.experience_range", 0)->message, "at least 12 years");
	fx.reqs[0].years_min = 0;
	fx.reqs[0].years_max = 3;
	assert_int_equal(run(NULL), 1);
	assert_contains(expect_finding("profile.experience_range", 0)->message, "up to 3 years");

	/* any tier; one finding per requirement */
	fx.reqs[0].years_min = 2;
	fx.reqs[0].years_max = 4;
	add_experience(16, TIER_NICE, "Branchenerfahrung", 15, 20, 1);
	run(NULL);
	assert_int_equal(count_rule("profile.experience_range"), 2);
	assert_int_equal(expect_finding("profile.experience_range", 1)->items[0], 16);

	/* the role's own range from the options */
	clean_profile();
	fx.reqs[0].years_min = 3;
	fx.reqs[0].years_max = 6;
	opt.usual_years_min = 2;
	opt.usual_years_max = 6;
	assert_int_equal(run(&opt), 0);
	opt.usual_years_min = 4;
	run(&opt);
	f = expect_finding("profile.experience_range", 0);
	assert_non_null(f);
	assert_contains(f->message, "4 to 6 years are the usual guide for this role");
	opt.usual_years_min = 1;
	opt.usual_years_max = 0;                /* open-ended */
	assert_int_equal(run(&opt), 0);
}

static void test_experience_inverted_range_is_error(void **state)
{
	const struct finding *f;

	(void)state;
	clean_profile();
	fx.reqs[0].years_min = 8;
	fx.reqs[0].years_max = 5;
	assert_int_equal(run(NULL), 1);
	f = expect_finding("profile.experience_range", 0);
	assert_non_null(f);
	/* R-PROF-5: an inverted range is an error that blocks approval */
	assert_int_equal(f->severity, SEVERITY_ERROR);
	assert_int_equal(f->items[0], 10);
	assert_contains(f->message, "maximum of 5 years is lower than the minimum of 8 years");
	assert_true(findings_block_approval(fx.findings, fx.n));

	fx.reqs[0].years_min = -1;
	fx.reqs[0].years_max = 0;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(expect_finding("profile.experience_range", 0)->severity, SEVERITY_ERROR);
	assert_contains(expect_finding("profile.experience_range", 0)->message, "must not be negative");
}

static void test_links_between_goals_and_requirements(void **state)
{
	const struct finding *f;

	(void)state;
	/* R-PROF-2 */
	clean_profile();
	add_goal(3, GOAL_MARKET_ENTRY, "Markteintritt Österreich");
	add_goal(4, GOAL_FREE_TEXT, "");
	add_req(16, REQ_SKILL, TIER_NICE, "Golf spielen", 0);
	add_req(17, REQ_SKILL, TIER_NICE, "Fremde Stelle", 999);       /* unknown goal only */
	struct requirement *r = add_req(18, REQ_SKILL, TIER_NICE, "Teils fremd", 999);
	r->goal_ids[r->ngoals++] = 1;                                   /* unknown + known */
	run(NULL);

	f = expect_finding("profile.unlinked_requirement", 0);
	assert_non_null(f);
	assert_int_equal(count_rule("profile.unlinked_requirement"), 1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->nitems, 2);
	assert_int_equal(f->items[0], 16);
	assert_int_equal(f->items[1], 17);
	assert_contains(f->message, "“Golf spielen”, “Fremde Stelle”");

	f = expect_finding("profile.goal_without_requirement", 0);
	assert_non_null(f);
	assert_int_equal(count_rule("profile.goal_without_requirement"), 1);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->nitems, 2);
	assert_int_equal(f->items[0], 3);
	assert_int_equal(f->items[1], 4);
	assert_contains(f->message, "“Markteintritt Österreich”");
	assert_contains(f->message, "“Other goal”");   /* untitled goal named by its kind */
	assert_false(findings_block_approval(fx.findings, fx.n));

	/* linking fixes both */
	fx.reqs[6].ngoals = 1;
	fx.reqs[6].goal_ids[0] = 3;
	fx.reqs[7].goal_ids[0] = 4;
	fx.reqs[8].ngoals = 1;
	fx.reqs[8].goal_ids[0] = 1;
	assert_int_equal(run(NULL), 0);
}

static void test_tier_conflict(void **state)
{
	const struct finding *f;

	(void)state;
	/* R-PROF-6 */
	clean_profile();
	add_stakeholder(1, "Anna Schmidt", STAKEHOLDER_MANAGING_DIRECTOR);
	add_stakeholder(2, "Ben Weber", STAKEHOLDER_CFO);
	add_proposal(1, 11, TIER_MUST);
	add_proposal(2, 11, TIER_IMPORTANT);
	add_proposal(1, 12, TIER_MUST);         /* agreement is no conflict */
	add_proposal(2, 12, TIER_MUST);
	add_proposal(1, 13, TIER_NICE);         /* a single proposal neither */
	assert_int_equal(run(NULL), 1);
	f = expect_finding("profile.tier_conflict", 0);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_ERROR);
	assert_int_equal(f->nitems, 1);
	assert_int_equal(f->items[0], 11);
	assert_contains(f->message, "“Komplexe Verkaufszyklen steuern”");
	assert_contains(f->message, "Anna Schmidt: Must-have");
	assert_contains(f->message, "Ben Weber: Important");
	assert_true(findings_block_approval(fx.findings, fx.n));

	/* the owner decided: no conflict any more */
	fx.reqs[1].tier_decided = true;
	assert_int_equal(run(NULL), 0);
	assert_false(findings_block_approval(fx.findings, fx.n));

	/* one finding per requirement; an unknown stakeholder shows as "?" */
	fx.reqs[1].tier_decided = false;
	add_proposal(7, 13, TIER_MUST);
	assert_int_equal(run(NULL), 2);
	assert_int_equal(count_rule("profile.tier_conflict"), 2);
	f = expect_finding("profile.tier_conflict", 1);
	assert_int_equal(f->items[0], 13);
	assert_contains(f->message, "Anna Schmidt: Nice-to-have; ?: Must-have");
}

static void test_no_challenges(void **state)
{
	const struct finding *f;

	(void)state;
	/* R-PROF-8 */
	clean_profile();
	strcpy(fx.p.challenges, "  \t\r\n  ");
	assert_int_equal(run(NULL), 1);
	f = expect_finding("profile.no_challenges", 0);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_WARNING);
	assert_int_equal(f->nitems, 0);
	assert_contains(f->message, "Finalists must hear about the difficulties");
	fx.p.challenges[0] = '\0';
	assert_int_equal(run(NULL), 1);
	strcpy(fx.p.challenges, " x ");
	assert_int_equal(run(NULL), 0);
}

/* Many problems at once: two conflicts, an inverted range, too many
 * must-haves, unlinked items, no challenges. */
static void messy_profile(void)
{
	clean_profile();
	fx.p.challenges[0] = '\0';
	fx.reqs[0].years_min = 9;
	fx.reqs[0].years_max = 6;
	add_req(16, REQ_SKILL, TIER_MUST, "Fünftes Muss", 0);
	add_req(17, REQ_SKILL, TIER_MUST, "Sechstes Muss", 0);
	add_goal(3, GOAL_FREE_TEXT, "Ohne Anforderung");
	add_stakeholder(1, "Anna Schmidt", STAKEHOLDER_MANAGING_DIRECTOR);
	add_stakeholder(2, "Ben Weber", STAKEHOLDER_SALES_HEAD);
	add_proposal(1, 12, TIER_MUST);
	add_proposal(2, 12, TIER_NICE);
}

static void test_severity_order(void **state)
{
	static const char *const expected[] = {
		"profile.experience_range",         /* errors, in rule order */
		"profile.tier_conflict",
		"profile.must_have_count",          /* then warnings */
		"profile.unlinked_requirement",
		"profile.goal_without_requirement",
		"profile.no_challenges",
	};

	(void)state;
	messy_profile();
	/* R-PROF-4, R-PROF-6, R-PROF-8: errors first, then warnings */
	assert_int_equal(run(NULL), sizeof expected / sizeof expected[0]);
	for (size_t i = 0; i < fx.n; i++) {
		assert_string_equal(fx.findings[i].rule, expected[i]);
		assert_int_equal(fx.findings[i].severity, i < 2 ? SEVERITY_ERROR : SEVERITY_WARNING);
	}
	assert_true(findings_block_approval(fx.findings, fx.n));
	/* errors come first however the output is cut */
	assert_false(findings_block_approval(fx.findings + 2, fx.n - 2));
}

static void test_max_is_respected(void **state)
{
	struct finding out[3];

	(void)state;
	messy_profile();
	memset(out, 0xAB, sizeof out);
	assert_int_equal(profile_check(&fx.p, NULL, out, 2), 2);
	assert_string_equal(out[0].rule, "profile.experience_range");
	assert_string_equal(out[1].rule, "profile.tier_conflict");
	for (size_t i = 0; i < sizeof out[2]; i++)          /* untouched */
		assert_int_equal(((unsigned char *)&out[2])[i], 0xAB);
	assert_int_equal(profile_check(&fx.p, NULL, out, 0), 0);
	assert_int_equal(profile_check(&fx.p, NULL, NULL, 5), 0);
	assert_int_equal(profile_check(NULL, NULL, out, 3), 0);
}

static void test_long_messages_truncated_safely(void **state)
{
	const struct finding *f;
	char title[200];

	(void)state;
	clean_profile();
	/* 20 unlinked requirements with 198-byte titles of two-byte characters */
	for (size_t i = 0; i + 2 < sizeof title; i += 2)
		memcpy(title + i, "ä", 2);
	title[sizeof title - 2] = '\0';
	for (int i = 0; i < 20; i++) {
		title[0] = (char)('A' + i);     /* keep titles distinct, breaks one ä */
		title[1] = 'x';
		add_req(100 + i, REQ_SKILL, TIER_NICE, title, 0);
	}
	run(NULL);
	f = expect_finding("profile.unlinked_requirement", 0);
	assert_non_null(f);
	assert_int_equal(f->nitems, FINDING_MAX_ITEMS);
	assert_true(strlen(f->message) < sizeof f->message);
	assert_true(strlen(f->message) > sizeof f->message - 8);
	assert_true(utf8_valid(f->message, strlen(f->message)));

	/* a long conflict list and a long title */
	clean_profile();
	memset(title, 'x', sizeof title - 1);
	title[sizeof title - 1] = '\0';
	snprintf(fx.reqs[1].title, sizeof fx.reqs[1].title, "%s", title);
	for (int i = 0; i < 4; i++) {
		char name[120];
		memset(name, 0, sizeof name);
		for (size_t j = 0; j + 2 < sizeof name; j += 2)
			memcpy(name + j, "ö", 2);
		add_stakeholder(i + 1, name, STAKEHOLDER_OTHER);
	}
	for (int i = 0; i < 8; i++)
		add_proposal(i % 4 + 1, 11, (enum tier)(i % 3));
	run(NULL);
	f = expect_finding("profile.tier_conflict", 0);
	assert_non_null(f);
	assert_true(utf8_valid(f->message, strlen(f->message)));
	assert_true(strlen(f->message) < sizeof f->message);
}

static void test_translate_callback(void **state)
{
	struct profile_check_options opt = { prefix_translate, 0, 0 };
	const struct finding *f;

	(void)state;
	messy_profile();
	run(&opt);
	/* R-X-3: every message goes through the translator */
	for (size_t i = 0; i < fx.n; i++)
		if (strncmp(fx.findings[i].message, "T:", 2) != 0)
			fail_msg("untranslated: %s", fx.findings[i].message);
	/* labels inside messages are translated too */
	f = expect_finding("profile.tier_conflict", 0);
	assert_contains(f->message, "Anna Schmidt: T:Must-have; Ben Weber: T:Nice-to-have");
	f = expect_finding("profile.experience_range", 0);
	/* the quotes around titles are translatable as well */
	assert_contains(f->message, "T:T:“Erfahrung im Key Account Management”: the maximum");

	seed_unicorn();
	run(&opt);
	f = expect_finding("profile.unicorn", 0);
	assert_non_null(f);
	assert_contains(f->message, "T:5 demanding must-haves in combination");
	assert_contains(f->message, "to “T:Important”");

	/* a NULL callback is the identity */
	opt.translate = NULL;
	run(&opt);
	assert_contains(expect_finding("profile.unicorn", 0)->message, "to “Important”");
}

static void test_block_approval_and_severity_codes(void **state)
{
	struct finding f[2];

	(void)state;
	memset(f, 0, sizeof f);
	f[0].severity = SEVERITY_WARNING;
	f[1].severity = SEVERITY_HINT;
	/* R-PROF-6, R-PROF-7: only errors block approval */
	assert_false(findings_block_approval(f, 2));
	assert_false(findings_block_approval(NULL, 0));
	assert_false(findings_block_approval(f, 0));
	f[1].severity = SEVERITY_ERROR;
	assert_true(findings_block_approval(f, 2));
	assert_false(findings_block_approval(f, 1));
	assert_string_equal(severity_code(SEVERITY_ERROR), "error");
	assert_string_equal(severity_code(SEVERITY_WARNING), "warning");
	assert_string_equal(severity_code(SEVERITY_HINT), "hint");
	assert_string_equal(severity_code((enum severity)7), "unknown");
}

static void test_suggestions_from_goals(void **state)
{
	struct suggestion s[8];
	struct goal *g;
	size_t n;

	(void)state;
	/* R-PROF-2: international + technical + revenue goal */
	reset();
	g = add_goal(5, GOAL_REVENUE, "2 Mio. EUR Umsatz in Frankreich und Benelux");
	g->revenue_amount = 2000000;
	g->international = true;
	g->technical_market = true;
	n = profile_suggest(&fx.p, NULL, s, 8);
	assert_int_equal(n, 4);

	assert_string_equal(s[0].key, "international_experience");
	assert_int_equal(s[0].goal_id, 5);
	assert_int_equal(s[0].requirement.kind, REQ_EXPERIENCE);
	assert_int_equal(s[0].requirement.tier, TIER_IMPORTANT);
	assert_string_equal(s[0].requirement.title, "International experience");
	assert_string_equal(s[0].requirement.competency_key, "international_experience");
	assert_int_equal(s[0].requirement.ngoals, 1);
	assert_int_equal(s[0].requirement.goal_ids[0], 5);

	assert_string_equal(s[1].key, "foreign_language");
	assert_int_equal(s[1].requirement.kind, REQ_LANGUAGE);
	assert_int_equal(s[1].requirement.tier, TIER_IMPORTANT);
	assert_string_equal(s[1].requirement.title, "Business fluent English");
	assert_string_equal(s[1].requirement.language, "English");
	assert_int_equal(s[1].requirement.level, CEFR_C1);

	assert_string_equal(s[2].key, "technical_understanding");
	assert_int_equal(s[2].requirement.tier, TIER_IMPORTANT);
	assert_true(s[2].requirement.technical);
	assert_string_equal(s[2].requirement.title, "Technical product understanding");

	assert_string_equal(s[3].key, "sales_track_record");
	assert_int_equal(s[3].requirement.tier, TIER_MUST);
	assert_int_equal(s[3].requirement.revenue_amount, 1000000);
	assert_string_equal(s[3].requirement.title, "Proven sales results of comparable size");
	assert_string_equal(s[3].requirement.competency_key, "sales_track_record");

	/* titles rendered through translate */
	struct profile_check_options opt = { prefix_translate, 0, 0 };
	n = profile_suggest(&fx.p, &opt, s, 8);
	assert_int_equal(n, 4);
	assert_string_equal(s[0].requirement.title, "T:International experience");
	assert_string_equal(s[1].requirement.title, "T:Business fluent English");
	assert_string_equal(s[2].requirement.title, "T:Technical product understanding");
	assert_string_equal(s[3].requirement.title, "T:Proven sales results of comparable size");

	/* max bounds the output */
	assert_int_equal(profile_suggest(&fx.p, NULL, s, 2), 2);
	assert_string_equal(s[1].key, "foreign_language");
	assert_int_equal(profile_suggest(&fx.p, NULL, NULL, 8), 0);

	/* a second international goal repeats nothing */
	add_goal(6, GOAL_MARKET_ENTRY, "Markteintritt Italien")->international = true;
	assert_int_equal(profile_suggest(&fx.p, NULL, s, 8), 4);

	/* a goal without these traits suggests nothing */
	reset();
	add_goal(7, GOAL_ACCOUNT_DEVELOPMENT, "Top-Kunden");
	assert_int_equal(profile_suggest(&fx.p, NULL, s, 8), 0);
}

static void test_no_suggestions_when_covered(void **state)
{
	static const char *const keys[] = {
		"international_experience", "foreign_language", "technical_understanding", "sales_track_record",
	};
	struct suggestion s[8];
	struct goal *g;

	(void)state;
	/* R-PROF-2: a suggestion already taken over is not repeated */
	reset();
	g = add_goal(5, GOAL_REVENUE, "Umsatz international");
	g->revenue_amount = 2000000;
	g->international = true;
	g->technical_market = true;
	for (int i = 0; i < 4; i++)
		snprintf(add_req(20 + i, REQ_SKILL, TIER_IMPORTANT, keys[i], 5)->competency_key,
			 sizeof fx.reqs[0].competency_key, "%s", keys[i]);
	assert_int_equal(profile_suggest(&fx.p, NULL, s, 8), 0);
	/* only the missing one */
	fx.reqs[1].competency_key[0] = '\0';
	assert_int_equal(profile_suggest(&fx.p, NULL, s, 8), 1);
	assert_string_equal(s[0].key, "foreign_language");
	assert_int_equal(profile_suggest(NULL, NULL, s, 8), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_profile_has_no_findings),
		cmocka_unit_test(test_empty_profile),
		cmocka_unit_test(test_must_have_count),
		cmocka_unit_test(test_unicorn_seed_example),
		cmocka_unit_test(test_unicorn_four_items_move_three),
		cmocka_unit_test(test_unicorn_thresholds),
		cmocka_unit_test(test_experience_range),
		cmocka_unit_test(test_experience_inverted_range_is_error),
		cmocka_unit_test(test_links_between_goals_and_requirements),
		cmocka_unit_test(test_tier_conflict),
		cmocka_unit_test(test_no_challenges),
		cmocka_unit_test(test_severity_order),
		cmocka_unit_test(test_max_is_respected),
		cmocka_unit_test(test_long_messages_truncated_safely),
		cmocka_unit_test(test_translate_callback),
		cmocka_unit_test(test_block_approval_and_severity_codes),
		cmocka_unit_test(test_suggestions_from_goals),
		cmocka_unit_test(test_no_suggestions_when_covered),
	};
	return cmocka_run_group_tests_name("profile_check", tests, NULL, NULL);
}
