/*
 * Unit tests for src/core/channels.c: the channel catalogue and its codes,
 * the warnings and field checks of a channel plan, referrals, and the
 * channel statistics (conversions, median days to hire, cost per hire, the
 * "all channels" row, and the cases without candidates, offers or hires).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/channels.h"

#define DAY 86400
#define T0 INT64_C(1704067200)     /* 2024-01-01 00:00 UTC */

static struct channel_plan_item plan_item(const char *channel, int64_t budget, const char *start)
{
	struct channel_plan_item it;

	memset(&it, 0, sizeof it);
	snprintf(it.channel, sizeof it.channel, "%s", channel);
	it.owner_id = 7;
	it.budget_cents = budget;
	snprintf(it.start_date, sizeof it.start_date, "%s", start);
	return it;
}

/* An application of channel: stage flags, applied on day `applied`, hired on
 * day `hired` (hired < 0 = not hired). */
static struct channel_fact fact(const char *channel, bool interview, bool offer, int applied, int hired)
{
	struct channel_fact f;

	memset(&f, 0, sizeof f);
	snprintf(f.channel, sizeof f.channel, "%s", channel);
	f.reached_first_interview = interview;
	f.offered = offer;
	f.applied_at = T0 + (int64_t)applied * DAY;
	if (hired >= 0) {
		f.hired = true;
		f.hired_at = T0 + (int64_t)hired * DAY + 3600;
	}
	return f;
}

static bool has_rule(const struct channel_finding *f, size_t n, const char *rule)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].rule, rule) == 0)
			return true;
	return false;
}

static bool has_field(const struct field_problem *p, size_t n, const char *field)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].field, field) == 0)
			return true;
	return false;
}

static void test_catalogue(void **state)
{
	static const char *const codes[CHANNEL__COUNT] = {
		"linkedin", "events", "job_portals", "direct_search",
		"referrals", "search_consultants", "career_page", "other",
	};
	enum channel c = CHANNEL_OTHER;

	(void)state;
	for (int i = 0; i < CHANNEL__COUNT; i++) {
		const struct channel_info *ci = channel_info((enum channel)i);
		/* R-CHAN-1: stable codes, every entry with label and guidance */
		assert_int_equal(ci->channel, i);
		assert_string_equal(ci->code, codes[i]);
		assert_string_equal(channel_code((enum channel)i), codes[i]);
		assert_true(channel_parse(codes[i], &c));
		assert_int_equal(c, i);
		assert_true(strlen(ci->label) > 0 && strlen(ci->guidance) > 0);
		assert_true(strlen(ci->speed_note) > 0 && strlen(ci->cost_note) > 0 && strlen(ci->quality_note) > 0);
		assert_string_not_equal(channel_speed_code(ci->typical_speed), "unknown");
		assert_string_not_equal(channel_level_code(ci->cost), "unknown");
		assert_string_not_equal(channel_level_code(ci->quality), "unknown");
	}
	/* R-CHAN-1: the seed's guidance as flags */
	assert_true(channel_info(CHANNEL_LINKEDIN)->reaches_passive);
	assert_int_equal(channel_info(CHANNEL_LINKEDIN)->typical_speed, CHANNEL_SPEED_FAST);
	assert_int_equal(channel_info(CHANNEL_LINKEDIN)->cost, CHANNEL_LEVEL_LOW);
	assert_false(channel_info(CHANNEL_JOB_PORTALS)->reaches_passive);
	assert_true(channel_info(CHANNEL_DIRECT_SEARCH)->reaches_passive);
	assert_int_equal(channel_info(CHANNEL_DIRECT_SEARCH)->typical_speed, CHANNEL_SPEED_SLOW);
	assert_int_equal(channel_info(CHANNEL_DIRECT_SEARCH)->quality, CHANNEL_LEVEL_HIGH);
	assert_true(channel_info(CHANNEL_REFERRALS)->reaches_passive);
	assert_true(channel_info(CHANNEL_SEARCH_CONSULTANTS)->reaches_passive);
	assert_false(channel_info(CHANNEL_EVENTS)->reaches_passive);
	assert_false(channel_info(CHANNEL_CAREER_PAGE)->reaches_passive);
	assert_string_equal(channel_label(CHANNEL_JOB_PORTALS), "Job portals");

	assert_false(channel_parse("LinkedIn", &c));
	assert_false(channel_parse(NULL, &c));
	assert_int_equal(c, CHANNEL__COUNT - 1);                         /* untouched on failure */
	assert_string_equal(channel_code(CHANNEL__COUNT), "unknown");
	assert_string_equal(channel_label((enum channel)-1), "Unknown");
	assert_int_equal(channel_info(CHANNEL__COUNT)->channel, CHANNEL_OTHER);
	assert_string_equal(channel_speed_code((enum channel_speed)9), "unknown");
}

static void test_plan_warnings(void **state)
{
	struct channel_plan_item items[4];
	struct channel_finding f[4];
	size_t n;

	(void)state;
	/* R-CHAN-2: one channel only */
	items[0] = plan_item("direct_search", 0, "");
	n = channel_plan_check(items, 1, true, f, 4);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].rule, "channels.single_channel");

	/* R-CHAN-2: the same channel twice is still one channel */
	items[1] = plan_item("direct_search", 50000, "2025-03-01");
	n = channel_plan_check(items, 2, true, f, 4);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].rule, "channels.single_channel");

	/* R-CHAN-2: senior role with job portals only reaches no passive candidates */
	items[0] = plan_item("job_portals", 120000, "2025-03-01");
	n = channel_plan_check(items, 1, true, f, 4);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].rule, "channels.single_channel");
	assert_string_equal(f[1].rule, "channels.no_passive_reach");

	items[1] = plan_item("career_page", 0, "");
	items[2] = plan_item("events", 0, "");
	n = channel_plan_check(items, 3, true, f, 4);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].rule, "channels.no_passive_reach");

	/* not a senior role: no passive-reach warning */
	assert_int_equal(channel_plan_check(items, 3, false, f, 4), 0);

	/* R-CHAN-2: with direct search it is fine */
	items[1] = plan_item("direct_search", 0, "");
	assert_int_equal(channel_plan_check(items, 2, true, f, 4), 0);
	/* so it is with network, referral or consultant */
	items[1] = plan_item("linkedin", 0, "");
	assert_int_equal(channel_plan_check(items, 2, true, f, 4), 0);
	items[1] = plan_item("referrals", 0, "");
	assert_int_equal(channel_plan_check(items, 2, true, f, 4), 0);
	items[1] = plan_item("search_consultants", 0, "");
	assert_int_equal(channel_plan_check(items, 2, true, f, 4), 0);

	/* unknown codes are ignored; an empty plan warns both ways */
	items[1] = plan_item("xing_ads", 0, "");
	n = channel_plan_check(items, 2, true, f, 4);
	assert_true(has_rule(f, n, "channels.single_channel"));
	assert_true(has_rule(f, n, "channels.no_passive_reach"));
	assert_int_equal(channel_plan_check(NULL, 0, true, f, 4), 2);
	assert_int_equal(channel_plan_check(NULL, 0, false, f, 4), 1);
	assert_int_equal(channel_plan_check(NULL, 0, true, f, 1), 1);          /* max respected */
	assert_int_equal(channel_plan_check(NULL, 0, true, NULL, 4), 0);
	assert_true(strlen(f[0].message) > 0);
}

static void test_plan_validate(void **state)
{
	struct channel_plan_item items[4];
	struct field_problem p[8];
	size_t n;

	(void)state;
	items[0] = plan_item("linkedin", 0, "");
	items[1] = plan_item("direct_search", 250000, "2024-02-29");
	assert_int_equal(channel_plan_validate(items, 2, p, 8), 0);       /* R-CHAN-2 */

	items[0] = plan_item("xing_ads", -1, "2023-02-29");
	items[2] = plan_item("direct_search", 0, "01.03.2025");
	n = channel_plan_validate(items, 3, p, 8);
	assert_int_equal(n, 5);
	assert_true(has_field(p, n, "channel"));                          /* unknown, then a duplicate */
	assert_string_equal(p[0].message, "Unknown channel.");
	assert_true(has_field(p, n, "budget"));
	assert_true(has_field(p, n, "start_date"));
	assert_string_equal(p[3].message, "This channel is already in the plan.");

	memset(items[0].start_date, '9', sizeof items[0].start_date);       /* unterminated */
	memset(items[0].channel, 'x', sizeof items[0].channel);
	n = channel_plan_validate(items, 1, p, 8);
	assert_true(has_field(p, n, "channel"));
	assert_true(has_field(p, n, "start_date"));
	assert_int_equal(channel_plan_validate(items, 1, p, 1), 1);
}

static void test_referrals(void **state)
{
	struct referral r;
	struct field_problem p[8];
	enum referrer_kind k;
	enum referral_status s;
	size_t n;

	(void)state;
	/* R-CHAN-3: referrer kinds and referral status codes */
	assert_string_equal(referrer_kind_code(REFERRER_EMPLOYEE), "employee");
	assert_string_equal(referrer_kind_code(REFERRER_PARTNER), "partner");
	assert_string_equal(referrer_kind_code(REFERRER_CUSTOMER), "customer");
	assert_string_equal(referrer_kind_code(REFERRER_KIND__COUNT), "unknown");
	assert_string_equal(referrer_kind_label(REFERRER_PARTNER), "Business partner");
	assert_true(referrer_kind_parse("customer", &k));
	assert_int_equal(k, REFERRER_CUSTOMER);
	assert_false(referrer_kind_parse("friend", &k));

	assert_string_equal(referral_status_code(REFERRAL_PROPOSED), "proposed");
	assert_string_equal(referral_status_code(REFERRAL_CONTACTED), "contacted");
	assert_string_equal(referral_status_code(REFERRAL_HIRED), "hired");
	assert_string_equal(referral_status_code(REFERRAL_BONUS_PAID), "bonus_paid");
	assert_string_equal(referral_status_code(REFERRAL_DECLINED), "declined");
	assert_string_equal(referral_status_label(REFERRAL_BONUS_PAID), "Bonus paid");
	for (int i = 0; i < REFERRAL_STATUS__COUNT; i++) {
		assert_true(referral_status_parse(referral_status_code((enum referral_status)i), &s));
		assert_int_equal(s, i);
	}
	assert_false(referral_status_parse(NULL, &s));

	memset(&r, 0, sizeof r);
	r.kind = REFERRER_EMPLOYEE;
	snprintf(r.referrer_name, sizeof r.referrer_name, "%s", "Jana Krüger");
	r.status = REFERRAL_HIRED;
	r.bonus_cents = 150000;
	assert_int_equal(referral_validate(&r, p, 8), 0);                 /* R-CHAN-3 */
	r.status = REFERRAL_BONUS_PAID;
	assert_int_equal(referral_validate(&r, p, 8), 0);
	r.bonus_cents = 0;
	n = referral_validate(&r, p, 8);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].field, "bonus");
	r.bonus_cents = -5;
	r.kind = (enum referrer_kind)9;
	r.status = (enum referral_status)9;
	snprintf(r.referrer_name, sizeof r.referrer_name, "%s", " ");
	n = referral_validate(&r, p, 8);
	assert_int_equal(n, 4);
	assert_true(has_field(p, n, "referrer_kind"));
	assert_true(has_field(p, n, "referrer_name"));
	assert_true(has_field(p, n, "status"));
	assert_true(has_field(p, n, "bonus"));
	assert_int_equal(referral_validate(NULL, p, 8), 0);
}

static const struct channel_stats *row(const struct channel_stats *rows, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].code, code) == 0)
			return &rows[i];
	fail_msg("no row %s", code);
	return NULL;
}

static void test_stats_empty(void **state)
{
	struct channel_stats rows[CHANNEL_STATS_ROWS];
	size_t n;

	(void)state;
	/* R-CHAN-4: no data — every conversion, median and cost per hire n/a */
	n = channel_stats_compute(NULL, 0, NULL, 0, rows, CHANNEL_STATS_ROWS);
	assert_int_equal(n, CHANNEL_STATS_ROWS);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rows[i].candidates, 0);
		assert_int_equal(rows[i].interview_per_mille, CHANNEL_NA);
		assert_int_equal(rows[i].offer_per_mille, CHANNEL_NA);
		assert_int_equal(rows[i].hire_per_mille, CHANNEL_NA);
		assert_true(rows[i].median_days_to_hire < 0);
		assert_int_equal(rows[i].cost_per_hire_cents, CHANNEL_NA);
	}
	/* deterministic catalogue order, total last */
	assert_string_equal(rows[0].code, "linkedin");
	assert_string_equal(rows[CHANNEL__COUNT - 1].code, "other");
	assert_string_equal(rows[CHANNEL__COUNT].code, "all");
	assert_int_equal(rows[CHANNEL__COUNT].channel, CHANNEL__COUNT);
	assert_int_equal(channel_stats_compute(NULL, 0, NULL, 0, rows, 3), 3);
	assert_int_equal(channel_stats_compute(NULL, 0, NULL, 0, NULL, 3), 0);
}

static void test_stats_conversions_and_costs(void **state)
{
	struct channel_fact facts[16];
	struct channel_budget budgets[3];
	struct channel_stats rows[CHANNEL_STATS_ROWS];
	const struct channel_stats *r;
	size_t nf = 0, n;

	(void)state;
	/* LinkedIn: 4 candidates, 2 interviews, 1 offer, no hire */
	facts[nf++] = fact("linkedin", false, false, 0, -1);
	facts[nf++] = fact("linkedin", false, false, 1, -1);
	facts[nf++] = fact("linkedin", true, false, 2, -1);
	facts[nf++] = fact("linkedin", true, true, 3, -1);
	/* direct search: 3 candidates, all interviewed, 2 offers, 2 hires after 20 and 30 days */
	facts[nf++] = fact("direct_search", true, true, 0, 20);
	facts[nf++] = fact("direct_search", true, true, 5, 35);
	facts[nf++] = fact("direct_search", true, false, 6, -1);
	/* referrals: 1 hire after 10 days, flags not set (hire implies offer and interview) */
	facts[nf++] = fact("referrals", false, false, 2, 12);
	facts[nf - 1].cost_cents = 200000;                                  /* referral bonus */
	/* an unknown channel counts as other */
	facts[nf++] = fact("zeitungsanzeige", false, false, 4, -1);

	memset(budgets, 0, sizeof budgets);
	snprintf(budgets[0].channel, sizeof budgets[0].channel, "%s", "linkedin");
	budgets[0].budget_cents = 99900;
	snprintf(budgets[1].channel, sizeof budgets[1].channel, "%s", "direct_search");
	budgets[1].budget_cents = 1000001;
	snprintf(budgets[2].channel, sizeof budgets[2].channel, "%s", "plakat");
	budgets[2].budget_cents = 5000;

	n = channel_stats_compute(facts, nf, budgets, 3, rows, CHANNEL_STATS_ROWS);
	assert_int_equal(n, CHANNEL_STATS_ROWS);

	r = row(rows, n, "linkedin");
	/* R-CHAN-4: candidates, reached interview, offers, hires, conversion per step */
	assert_int_equal(r->candidates, 4);
	assert_int_equal(r->interviews, 2);
	assert_int_equal(r->offers, 1);
	assert_int_equal(r->hires, 0);
	assert_int_equal(r->interview_per_mille, 500);
	assert_int_equal(r->offer_per_mille, 500);
	assert_int_equal(r->hire_per_mille, 0);
	/* R-CHAN-4: no hire — median and cost per hire n/a, cost still shown */
	assert_true(r->median_days_to_hire < 0);
	assert_int_equal(r->cost_cents, 99900);
	assert_int_equal(r->cost_per_hire_cents, CHANNEL_NA);

	r = row(rows, n, "direct_search");
	assert_int_equal(r->candidates, 3);
	assert_int_equal(r->interviews, 3);
	assert_int_equal(r->offers, 2);
	assert_int_equal(r->hires, 2);
	assert_int_equal(r->interview_per_mille, 1000);
	assert_int_equal(r->offer_per_mille, 667);                        /* 2/3 rounded */
	assert_int_equal(r->hire_per_mille, 1000);
	/* R-CHAN-4: even count — the mean of the two middle values */
	assert_true(r->median_days_to_hire == 25.0);
	/* R-CHAN-4: cost per hire = budget / hires, rounded */
	assert_int_equal(r->cost_cents, 1000001);
	assert_int_equal(r->cost_per_hire_cents, 500001);

	r = row(rows, n, "referrals");
	assert_int_equal(r->interviews, 1);
	assert_int_equal(r->offers, 1);
	assert_int_equal(r->hires, 1);
	assert_true(r->median_days_to_hire == 10.0);
	assert_int_equal(r->cost_per_hire_cents, 200000);

	r = row(rows, n, "other");
	assert_int_equal(r->candidates, 1);
	assert_int_equal(r->interview_per_mille, 0);
	assert_int_equal(r->offer_per_mille, CHANNEL_NA);                 /* 0 interviews */
	assert_int_equal(r->cost_cents, 5000);                            /* unknown budget code */

	r = row(rows, n, "events");
	assert_int_equal(r->candidates, 0);
	assert_int_equal(r->interview_per_mille, CHANNEL_NA);

	/* R-CHAN-4: the "all channels" row; odd count — the middle value */
	r = row(rows, n, "all");
	assert_int_equal(r->candidates, 9);
	assert_int_equal(r->interviews, 6);
	assert_int_equal(r->offers, 4);
	assert_int_equal(r->hires, 3);
	assert_int_equal(r->interview_per_mille, 667);
	assert_int_equal(r->offer_per_mille, 667);
	assert_int_equal(r->hire_per_mille, 750);
	assert_true(r->median_days_to_hire == 20.0);                      /* 10, 20, 30 */
	assert_int_equal(r->cost_cents, 99900 + 1000001 + 5000 + 200000);
	assert_int_equal(r->cost_per_hire_cents, (99900 + 1000001 + 5000 + 200000 + 1) / 3);
}

static void test_stats_median_details(void **state)
{
	struct channel_fact facts[8];
	struct channel_stats rows[CHANNEL_STATS_ROWS];
	const struct channel_stats *r;
	size_t nf = 0, n;

	(void)state;
	/* R-CHAN-4: duplicates, unsorted input, half days in an even median */
	facts[nf++] = fact("events", true, true, 0, 7);
	facts[nf++] = fact("events", true, true, 0, 2);
	facts[nf++] = fact("events", true, true, 0, 7);
	facts[nf++] = fact("events", true, true, 0, 4);
	n = channel_stats_compute(facts, nf, NULL, 0, rows, CHANNEL_STATS_ROWS);
	r = row(rows, n, "events");
	assert_true(r->median_days_to_hire == 5.5);                       /* 2, 4, 7, 7 */
	assert_int_equal(r->cost_per_hire_cents, 0);

	/* a hire without a usable date counts as a hire but not for the median */
	facts[nf] = fact("events", true, true, 10, 3);                    /* hired before applying */
	nf++;
	facts[nf] = fact("events", true, true, 0, -1);
	facts[nf].hired = true;                                           /* hired_at unset */
	nf++;
	n = channel_stats_compute(facts, nf, NULL, 0, rows, CHANNEL_STATS_ROWS);
	r = row(rows, n, "events");
	assert_int_equal(r->hires, 6);
	assert_true(r->median_days_to_hire == 5.5);

	/* only hires without dates: hires counted, median n/a */
	n = channel_stats_compute(&facts[4], 2, NULL, 0, rows, CHANNEL_STATS_ROWS);
	r = row(rows, n, "events");
	assert_int_equal(r->hires, 2);
	assert_true(r->median_days_to_hire < 0);
	assert_int_equal(r->cost_per_hire_cents, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_plan_warnings),
		cmocka_unit_test(test_plan_validate),
		cmocka_unit_test(test_referrals),
		cmocka_unit_test(test_stats_empty),
		cmocka_unit_test(test_stats_conversions_and_costs),
		cmocka_unit_test(test_stats_median_details),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
