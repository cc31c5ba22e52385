/*
 * test_demo_data.c — the records of `stellwerk demo` (src/cli/demo_data.c):
 * demo_fill runs once per test into a fresh temporary database at a fixed
 * time, and the tests check what the demo is meant to show in step 2 — two
 * organisations, a cleanly approved key account manager profile, a
 * business development draft whose profile checks light up, and a paused
 * client search — and in step 3 the job ads: the published key account
 * manager ad with few linter findings and a poor business development
 * draft full of them.
 *
 * Spec references: R-PROF-1 (goals), R-PROF-2 (requirement–goal links),
 * R-PROF-4 (three to five must-haves), R-PROF-5 (unicorn), R-PROF-6
 * (stakeholder tiers), R-PROF-7 (approved versions), R-PROF-8 (challenges),
 * R-AD-1 (the ad drafted from the approved profile), R-AD-2 (linter
 * findings and score), R-AD-4 (publishing).
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

#include "cli/demo_data.h"
#include "core/adlint.h"
#include "core/adlint_builtin.h"
#include "core/job_ad.h"
#include "core/profile_check.h"
#include "store/ads.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/store.h"
#include "store/users.h"
#include "util/buf.h"
#include "util/log.h"
#include "web/ad_ops.h"

#include "store_fixture.h"

#define NOW 1795737600 /* 2026-11-27T00:00:00Z */
#define DAY 86400
#define MAX_FINDINGS 32

#define KAM_TITLE "Key Account Manager Industriekunden"
#define BDM_TITLE "Business Development Manager Skandinavien"
#define HOE_TITLE "Head of Engineering"

struct fixture {
	char dir[64];
	struct store *s;
};

/* A fresh database filled by demo_fill in one transaction, as `stellwerk demo` does. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-demo-test");
	if (store_begin(f->s) != STORE_OK)
		return -1;
	if (!demo_fill(f->s, TEST_PASSWORD_HASH, NOW)) {
		store_rollback(f->s);
		fprintf(stderr, "demo_fill failed\n");
		return -1;
	}
	return store_commit(f->s) == STORE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f) {
		temp_store_close(f->s, f->dir);
		free(f);
	}
	return 0;
}

static int64_t user_id(struct store *s, const char *login)
{
	struct user u;
	assert_int_equal(store_user_by_name(s, login, &u), STORE_OK);
	return u.id;
}

/* The position titled title (exactly one must exist). */
static struct position find_position(struct store *s, const char *title)
{
	struct position_summary *list = NULL;
	struct position found;
	size_t n = 0, hits = 0;

	memset(&found, 0, sizeof found);
	assert_int_equal(store_position_list(s, -1, 0, &list, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(list[i].p.title, title) == 0) {
			found = list[i].p;
			hits++;
		}
	}
	free(list);
	assert_int_equal(hits, 1);
	return found;
}

/* Runs the profile checks on the draft profile of position_id. */
static size_t check_draft(struct store *s, int64_t position_id, struct profile *prof, struct finding *out)
{
	struct profile_check_options opt = { NULL, 5, 10 };
	assert_int_equal(store_profile_load(s, position_id, prof), STORE_OK);
	return profile_check(prof, &opt, out, MAX_FINDINGS);
}

static const struct finding *find_rule(const struct finding *f, size_t n, const char *rule)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].rule, rule) == 0)
			return &f[i];
	return NULL;
}

static int must_count(const struct profile *p)
{
	int n = 0;
	for (size_t i = 0; i < p->nrequirements; i++)
		if (p->requirements[i].tier == TIER_MUST)
			n++;
	return n;
}

/* Whether the stakeholders proposed different tiers for requirement id. */
static bool proposals_diverge(const struct profile *p, int64_t id)
{
	int seen = -1;
	for (size_t i = 0; i < p->nproposals; i++) {
		if (p->proposals[i].requirement_id != id)
			continue;
		if (seen < 0)
			seen = (int)p->proposals[i].tier;
		else if (seen != (int)p->proposals[i].tier)
			return true;
	}
	return false;
}

static void test_organisations(void **state)
{
	struct fixture *f = *state;
	struct organisation *list = NULL;
	size_t n = 0;

	assert_int_equal(store_organisation_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	/* ordered by name */
	assert_string_equal(list[0].name, "Brenner Antriebstechnik GmbH");
	assert_string_equal(list[0].city, "München");
	assert_string_equal(list[0].state, "DE-BY");
	assert_string_equal(list[1].name, "Nordlicht Sensorik GmbH");
	assert_string_equal(list[1].website, "https://www.nordlicht-sensorik.example");
	assert_string_equal(list[1].street, "Am Sandtorkai 40");
	assert_string_equal(list[1].postal_code, "20457");
	assert_string_equal(list[1].city, "Hamburg");
	assert_string_equal(list[1].country, "DE");
	assert_string_equal(list[1].state, "DE-HH");
	free(list);
}

static void test_kam_position(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, KAM_TITLE);
	struct organisation org;

	assert_int_equal(store_organisation_get(f->s, p.organisation_id, &org), STORE_OK);
	assert_string_equal(org.name, "Nordlicht Sensorik GmbH");
	assert_string_equal(p.template_key, "kam");
	assert_string_equal(p.department, "Vertrieb");
	assert_string_equal(p.location, "Hamburg");
	assert_int_equal(p.remote, REMOTE_HYBRID);
	assert_int_equal(p.employment, EMPLOYMENT_FULL_TIME);
	assert_int_equal(p.headcount, 1);
	assert_int_equal(p.salary_min, 85000);
	assert_int_equal(p.salary_max, 105000);
	assert_string_equal(p.currency, "EUR");
	assert_string_equal(p.target_start, "2027-03-01"); /* first of the month, >= 90 days ahead */
	assert_int_equal(p.owner_id, user_id(f->s, "brandt"));
	assert_int_equal(p.status, POSITION_OPEN);
	assert_int_equal(p.opened_at, NOW - 18 * DAY);
	assert_true(p.created_at < p.opened_at);
	assert_non_null(strstr(p.challenges, "interimistisch vom Vertriebsleiter"));
}

/* R-PROF-7: version 1, approved by the managing director before the
 * position opened, and the draft still equals it. */
static void test_kam_approved(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, KAM_TITLE);
	struct profile_version_info *versions = NULL;
	struct profile draft = { 0 }, v1 = { 0 };
	size_t n = 0;
	bool changed = true;

	assert_int_equal(p.approved_version, 1);
	assert_int_equal(store_profile_versions(f->s, p.id, &versions, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(versions[0].version, 1);
	assert_int_equal(versions[0].approved_by, user_id(f->s, "admin"));
	assert_string_equal(versions[0].approver_name, "Dr. Maria Keller");
	assert_true(versions[0].approved_at > p.created_at);
	assert_true(versions[0].approved_at < p.opened_at);
	free(versions);

	assert_int_equal(store_profile_draft_changed(f->s, p.id, &changed), STORE_OK);
	assert_false(changed);
	assert_int_equal(store_profile_load(f->s, p.id, &draft), STORE_OK);
	assert_int_equal(store_profile_version_load(f->s, p.id, 1, &v1, NULL, NULL), STORE_OK);
	assert_int_equal(v1.ngoals, draft.ngoals);
	assert_int_equal(v1.nrequirements, draft.nrequirements);
	assert_int_equal(v1.nproposals, draft.nproposals);
	profile_free(&draft);
	profile_free(&v1);
}

/* The approved profile is the clean example: no finding at all. */
static void test_kam_profile_clean(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, KAM_TITLE);
	struct finding findings[MAX_FINDINGS];
	struct suggestion suggestions[8];
	struct profile prof = { 0 };
	struct profile_check_options opt = { NULL, 5, 10 };
	size_t n = check_draft(f->s, p.id, &prof, findings);

	for (size_t i = 0; i < n; i++)
		print_message("unexpected finding %s: %s\n", findings[i].rule, findings[i].message);
	assert_false(findings_block_approval(findings, n));
	assert_int_equal(n, 0);
	assert_int_equal(must_count(&prof), 4); /* R-PROF-4 */

	/* R-PROF-1: revenue, market entry and account development goals */
	assert_int_equal(prof.ngoals, 3);
	assert_int_equal(prof.goals[0].kind, GOAL_REVENUE);
	assert_int_equal(prof.goals[0].revenue_amount, 4500000);
	assert_int_equal(prof.goals[0].horizon_months, 24);
	assert_int_equal(prof.goals[1].kind, GOAL_MARKET_ENTRY);
	assert_true(prof.goals[1].international);
	assert_int_equal(prof.goals[2].kind, GOAL_ACCOUNT_DEVELOPMENT);
	assert_string_equal(prof.goals[2].accounts, "Hansa Logistik AG, Elbtal Maschinenbau GmbH, Nordwind Energie SE");
	assert_true(prof.goals[2].technical_market);

	/* R-PROF-2: every requirement serves a goal, every suggestion was taken */
	for (size_t i = 0; i < prof.nrequirements; i++)
		assert_true(prof.requirements[i].ngoals >= 1);
	assert_int_equal(profile_suggest(&prof, &opt, suggestions, 8), 0);

	/* R-PROF-6: four stakeholders; exactly one disagreement, settled by the owner */
	assert_int_equal(prof.nstakeholders, 4);
	int diverging = 0;
	for (size_t i = 0; i < prof.nrequirements; i++) {
		if (proposals_diverge(&prof, prof.requirements[i].id)) {
			diverging++;
			assert_true(prof.requirements[i].tier_decided);
			assert_int_equal(prof.requirements[i].tier, TIER_MUST);
		}
	}
	assert_int_equal(diverging, 1);
	assert_true(prof.nproposals > prof.nrequirements);
	profile_free(&prof);
}

/* The draft shows most of the checks at once, and approval is blocked. */
static void test_bdm_findings(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, BDM_TITLE);
	struct finding findings[MAX_FINDINGS];
	struct profile prof = { 0 };
	const struct finding *conflict;
	size_t n = check_draft(f->s, p.id, &prof, findings);

	assert_int_equal(p.status, POSITION_DRAFT);
	assert_int_equal(p.approved_version, 0);
	assert_int_equal(p.owner_id, user_id(f->s, "weber"));
	assert_string_equal(p.template_key, "bdm");

	/* R-PROF-4 */
	assert_int_equal(must_count(&prof), 7);
	assert_non_null(find_rule(findings, n, "profile.must_have_count"));
	/* R-PROF-5 */
	assert_non_null(find_rule(findings, n, "profile.unicorn"));
	/* R-PROF-2 */
	assert_non_null(find_rule(findings, n, "profile.unlinked_requirement"));
	assert_non_null(find_rule(findings, n, "profile.goal_without_requirement"));
	/* R-PROF-8 */
	assert_string_equal(p.challenges, "");
	assert_non_null(find_rule(findings, n, "profile.no_challenges"));
	/* R-PROF-6: an error, so the profile cannot be approved yet */
	assert_non_null(conflict = find_rule(findings, n, "profile.tier_conflict"));
	assert_int_equal(conflict->severity, SEVERITY_ERROR);
	assert_int_equal(conflict->nitems, 1);
	assert_true(findings_block_approval(findings, n));

	/* goals: Scandinavia (international) and 2 Mio. € in 18 months */
	bool market = false, revenue = false;
	for (size_t i = 0; i < prof.ngoals; i++) {
		market |= prof.goals[i].kind == GOAL_MARKET_ENTRY && prof.goals[i].international;
		revenue |= prof.goals[i].kind == GOAL_REVENUE && prof.goals[i].revenue_amount == 2000000 &&
			   prof.goals[i].horizon_months == 18;
	}
	assert_true(market);
	assert_true(revenue);
	profile_free(&prof);
}

/* The executive-search client's position: paused, no goals yet. */
static void test_client_position(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, HOE_TITLE);
	struct organisation org;
	struct profile prof = { 0 };
	int64_t counts[POSITION_STATUS__COUNT];

	assert_int_equal(store_organisation_get(f->s, p.organisation_id, &org), STORE_OK);
	assert_string_equal(org.name, "Brenner Antriebstechnik GmbH");
	assert_string_equal(p.template_key, "hoe");
	assert_int_equal(p.status, POSITION_PAUSED);
	assert_int_equal(p.opened_at, NOW - 38 * DAY);
	assert_int_equal(store_profile_load(f->s, p.id, &prof), STORE_OK);
	assert_int_equal(prof.ngoals, 0);
	assert_true(prof.nrequirements > 0); /* the template's, as the wizard copies them */
	profile_free(&prof);

	assert_int_equal(store_position_count_by_status(f->s, counts), STORE_OK);
	assert_int_equal(counts[POSITION_DRAFT], 1);
	assert_int_equal(counts[POSITION_OPEN], 1);
	assert_int_equal(counts[POSITION_PAUSED], 1);
	assert_int_equal(counts[POSITION_FILLED], 1);
	assert_int_equal(counts[POSITION_CLOSED], 0);
}

/* Lints the ad as the editor does (ad_text_for_lint) with the context of
 * position p; the caller frees *out with adlint_result_free. */
static void lint_ad(const struct stored_ad *ad, const struct position *p, struct adlint_result *out)
{
	char err[256];
	struct buf text = BUF_INIT;
	const struct adlint_rules *rules = adlint_rules_builtin(err, sizeof err);
	if (!rules)
		fail_msg("built-in linter rules: %s", err);
	struct adlint_context ctx = { .has_salary_range = p->salary_min > 0 || p->salary_max > 0,
				      .message_lang = "de" };
	buf_init(&text);
	ad_text_for_lint(&ad->ad, &text);
	assert_true(adlint_check(rules, text.data, text.len, ADLINT_DE, &ctx, out, err, sizeof err));
	buf_free(&text);
}

static size_t count_rule_prefix(const struct adlint_result *r, const char *prefix)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		n += strncmp(r->findings[i].rule, prefix, strlen(prefix)) == 0;
	return n;
}

/* R-AD-1, R-AD-2, R-AD-4: the key account manager ad was drafted from
 * approved version 1, completed by the recruiter (no placeholder left) and
 * published four days ago for 60 days; the linter finds little. */
static void test_kam_ad_published(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, KAM_TITLE);
	struct organisation org;
	struct stored_ad *ad = calloc(1, sizeof *ad), *list = NULL;
	struct adlint_result res;
	size_t n = 0;
	const char *missing = NULL;

	assert_non_null(ad);
	assert_int_equal(store_ad_get(f->s, p.id, ad), STORE_OK);
	assert_string_equal(ad->ad.lang, "de");
	assert_int_equal(ad->generated_from_version, 1);
	assert_true(ad->edited);
	assert_true(job_ad_title_gender_inclusive(ad->ad.title));
	assert_null(job_ad_first_placeholder(&ad->ad));
	assert_non_null(strstr(ad->ad.intro, "mindestens fünf Neukunden"));   /* the recruiter's edit */
	assert_non_null(strstr(ad->ad.culture, "Thomas Brandt"));
	assert_true(ad->published);
	assert_string_equal(ad->slug, "key-account-manager-industriekunden");
	assert_string_equal(ad->date_posted, "2026-11-23");                   /* NOW - 4 days */
	assert_string_equal(ad->valid_through, "2027-01-22");                 /* + 60 days */
	assert_int_equal(ad->updated_by, user_id(f->s, "weber"));

	assert_int_equal(store_organisation_get(f->s, p.organisation_id, &org), STORE_OK);
	json_t *ld = job_ad_jsonld(&ad->ad, &p, &org, ad->date_posted, ad->valid_through, NULL);
	if (!job_ad_jsonld_complete(ld, &missing))
		fail_msg("the JobPosting lacks %s", missing);
	json_decref(ld);

	lint_ad(ad, &p, &res);
	if (res.score < 80)
		fail_msg("the published ad scores %d: %s", res.score, res.summary);
	for (size_t i = 0; i < res.nfindings; i++)
		if (res.findings[i].severity == ADLINT_ERROR)
			fail_msg("the published ad has an error: %s %s", res.findings[i].rule, res.findings[i].message);
	assert_true(res.nfindings <= 3);
	adlint_result_free(&res);

	/* the career page lists it, under its slug */
	assert_int_equal(store_ad_by_slug(f->s, "key-account-manager-industriekunden", ad), STORE_OK);
	assert_int_equal(ad->position_id, p.id);
	assert_int_equal(store_ad_list_published(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].position_id, p.id);
	free(list);
	free(ad);
}

/* R-AD-2: the business development draft, written by hand, is full of
 * findings: no (m/w/d), clichés, "junges Team", "Muttersprachler", vague
 * tasks; no salary in the text; edited and not published. */
static void test_bdm_ad_poor_draft(void **state)
{
	struct fixture *f = *state;
	struct position p = find_position(f->s, BDM_TITLE);
	struct stored_ad *ad = calloc(1, sizeof *ad);
	struct adlint_result res;

	assert_non_null(ad);
	assert_int_equal(store_ad_get(f->s, p.id, ad), STORE_OK);
	assert_true(ad->edited);
	assert_false(ad->published);
	assert_string_equal(ad->slug, "");
	assert_int_equal(ad->generated_from_version, 0);   /* the profile is not approved */
	assert_string_equal(ad->ad.salary_text, "");
	assert_null(strstr(ad->ad.offer, "€"));
	assert_false(job_ad_title_gender_inclusive(ad->ad.title));

	lint_ad(ad, &p, &res);
	if (res.score >= 50)
		fail_msg("the poor draft scores %d: %s", res.score, res.summary);
	assert_int_equal(count_rule_prefix(&res, "agg.title_gender"), 1);
	assert_true(count_rule_prefix(&res, "cliche.") >= 5);
	assert_true(count_rule_prefix(&res, "agg.young_team") >= 1);
	assert_true(count_rule_prefix(&res, "agg.native_speaker") >= 1);
	assert_true(count_rule_prefix(&res, "vague.task") >= 3);
	assert_true(res.nfindings >= 15);
	adlint_result_free(&res);

	/* the client search has no ad yet */
	p = find_position(f->s, HOE_TITLE);
	assert_int_equal(store_ad_get(f->s, p.id, ad), STORE_NOT_FOUND);
	free(ad);
}

/* Filling twice fails (the users exist) instead of adding a second set. */
static void test_fill_twice_fails(void **state)
{
	struct fixture *f = *state;
	struct organisation *list = NULL;
	size_t n = 0;

	assert_int_equal(store_begin(f->s), STORE_OK);
	assert_false(demo_fill(f->s, TEST_PASSWORD_HASH, NOW));
	store_rollback(f->s);
	assert_int_equal(store_organisation_list(f->s, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(list);
}

int main(void)
{
	log_set_quiet(1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_organisations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kam_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kam_approved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kam_profile_clean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bdm_findings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_client_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kam_ad_published, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bdm_ad_poor_draft, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fill_twice_fails, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
