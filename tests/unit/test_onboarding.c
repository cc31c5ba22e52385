/*
 * Unit tests for src/core/onboarding.c: parsing the role template's
 * onboarding slot (and its errors), dating the 90-day plan in working days
 * across holidays and the year end (a start on 28 Dec 2026 in Bavaria skips
 * New Year and Epiphany), the 12 weekly check-ins, the reviews at day 30, 60
 * and 90, the goals, progress and late tasks, and the three built-in
 * templates (R-ONB-1, R-ONB-3, R-ONB-4, R-ONB-5).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/onboarding.h"
#include "core/role_template.h"
#include "util/embedded.h"

static int32_t D(int y, int m, int d)
{
	return calendar_day_from_ymd(y, m, d);
}

#define TEXT(s) "{\"de\":\"" s "\",\"en\":\"" s "\"}"

static const char PLAN_JSON[] =
	"[{\"key\":\"first\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":0,\"duration\":1,\"title\":" TEXT("A") "},"
	"{\"key\":\"over_new_year\",\"phase\":\"week1\",\"owner\":\"new_hire\",\"offset\":3,\"duration\":3,"
	"\"title\":" TEXT("B") ",\"description\":" TEXT("Bd") "},"
	"{\"key\":\"over_epiphany\",\"phase\":\"weeks2_4\",\"owner\":\"engineering\",\"offset\":5,\"duration\":2,"
	"\"title\":" TEXT("C") "},"
	"{\"goal\":\"customers_met\",\"target\":{\"de\":\"Alle A-Kunden\",\"en\":\"All A accounts\"}},"
	"{\"goal\":\"other\",\"title\":" TEXT("Own") ",\"target\":" TEXT("T") "},"
	"{\"key\":\"late_one\",\"phase\":\"month3\",\"owner\":\"previous_owner\",\"offset\":0,\"duration\":1,"
	"\"title\":" TEXT("D") "}]";

static const struct onb_task *task(const struct onb_plan *p, const char *key)
{
	for (size_t i = 0; i < p->ntasks; i++)
		if (strcmp(p->tasks[i].tpl->key, key) == 0)
			return &p->tasks[i];
	fail_msg("no task %s", key);
	return NULL;
}

static void test_codes(void **state)
{
	enum onb_phase ph;
	enum onb_owner ow;
	enum onb_goal_kind gk;
	enum onb_goal_status gs;
	enum onb_task_status ts;

	(void)state;
	assert_true(onb_phase_parse("weeks2_4", &ph));
	assert_int_equal(ph, ONB_WEEKS2_4);
	assert_true(onb_owner_parse("previous_owner", &ow));
	assert_int_equal(ow, ONB_OWNER_PREVIOUS_OWNER);
	assert_true(onb_goal_kind_parse("first_successes", &gk));
	assert_int_equal(gk, ONB_GOAL_FIRST_SUCCESSES);
	assert_true(onb_goal_status_parse("at_risk", &gs));
	assert_int_equal(gs, ONB_GOAL_AT_RISK);
	assert_true(onb_task_status_parse("skipped", &ts));
	assert_int_equal(ts, ONB_TASK_SKIPPED);
	assert_false(onb_phase_parse("week2", &ph));
	assert_string_equal(onb_owner_code(ONB_OWNER_ENGINEERING), "engineering");
	assert_string_equal(onb_phase_label(ONB_MONTH2), "Month 2");
	assert_string_equal(onb_goal_status_code((enum onb_goal_status)9), "unknown");
}

/* R-ONB-1: dated in working days; a start on 28 Dec 2026 in Bavaria skips
 * 1 Jan and 6 Jan. */
static void test_plan_dating_year_end(void **state)
{
	struct onb_template t;
	struct onb_plan p, be;
	char err[200];

	(void)state;
	assert_true(onboarding_template_parse(PLAN_JSON, strlen(PLAN_JSON), &t, err, sizeof err));
	assert_int_equal(t.ntasks, 4);
	assert_int_equal(t.ngoals, 2);
	assert_string_equal(t.tasks[1].description[TEMPLATE_EN], "Bd");
	assert_string_equal(t.tasks[0].description[TEMPLATE_DE], "");

	onboarding_plan_generate(&t, D(2026, 12, 28), "BY", &p);
	assert_int_equal(p.ntasks, 4);
	assert_int_equal(task(&p, "first")->first_day, D(2026, 12, 28));
	assert_int_equal(task(&p, "first")->due_day, D(2026, 12, 28));
	/* Working-day index 3 = Thu 31 Dec; three days: 31 Dec, (New Year, weekend) 4 Jan, 5 Jan. */
	assert_int_equal(task(&p, "over_new_year")->first_day, D(2026, 12, 31));
	assert_int_equal(task(&p, "over_new_year")->due_day, D(2027, 1, 5));
	/* Index 5 = Tue 5 Jan; two days: 5 Jan, (Epiphany in BY) 7 Jan. */
	assert_int_equal(task(&p, "over_epiphany")->first_day, D(2027, 1, 5));
	assert_int_equal(task(&p, "over_epiphany")->due_day, D(2027, 1, 7));
	/* Sorted by due day, then template order. */
	assert_string_equal(p.tasks[0].tpl->key, "first");
	assert_string_equal(p.tasks[1].tpl->key, "late_one");
	assert_int_equal(p.tasks[1].ord, 3);
	assert_string_equal(p.tasks[3].tpl->key, "over_epiphany");

	/* Berlin has no Epiphany holiday. */
	onboarding_plan_generate(&t, D(2026, 12, 28), "BE", &be);
	assert_int_equal(task(&be, "over_epiphany")->due_day, D(2027, 1, 6));
	onboarding_plan_free(&be);

	/* R-ONB-3/5: goals: the three named ones always, template targets, then "other". */
	assert_int_equal(p.ngoals, 4);
	assert_int_equal(p.goals[0].kind, ONB_GOAL_CUSTOMERS_MET);
	assert_string_equal(p.goals[0].target[TEMPLATE_DE], "Alle A-Kunden");
	assert_string_equal(p.goals[0].title[TEMPLATE_EN], "Customers met");
	assert_int_equal(p.goals[1].kind, ONB_GOAL_PRODUCT_KNOWLEDGE);
	assert_string_equal(p.goals[1].target[TEMPLATE_EN], "");
	assert_int_equal(p.goals[2].kind, ONB_GOAL_FIRST_SUCCESSES);
	assert_int_equal(p.goals[3].kind, ONB_GOAL_OTHER);
	assert_string_equal(p.goals[3].title[TEMPLATE_DE], "Own");

	/* Reviews at day 30, 60, 90 (calendar days), moved to a working day:
	 * 27 Jan (Wed), 26 Feb (Fri); 28 Mar 2027 is Easter Sunday and 29 Mar
	 * Easter Monday → Tuesday 30 Mar. */
	assert_int_equal(p.reviews[0].day_mark, 30);
	assert_int_equal(p.reviews[0].due_day, D(2027, 1, 27));
	assert_int_equal(p.reviews[1].day_mark, 60);
	assert_int_equal(p.reviews[1].due_day, D(2027, 2, 26));
	assert_int_equal(p.reviews[2].day_mark, 90);
	assert_int_equal(p.reviews[2].due_day, D(2027, 3, 30));
	onboarding_plan_free(&p);
	onboarding_template_free(&t);
}

/* R-ONB-4: 12 weekly check-ins on the start's weekday or the next working day, 16:00. */
static void test_checkins(void **state)
{
	struct onb_template t = { 0 };
	struct onb_plan p;

	(void)state;
	/* Start Friday 18 Dec 2026: week 2 = Christmas Day → Mon 28 Dec;
	 * week 3 = New Year → Mon 4 Jan; week 4 = Fri 8 Jan. */
	onboarding_plan_generate(&t, D(2026, 12, 18), "BY", &p);
	assert_int_equal(p.ntasks, 0);
	for (int w = 0; w < ONB_CHECKINS; w++) {
		assert_int_equal(p.checkins[w].week, w + 1);
		assert_int_equal(p.checkins[w].time_minutes, 16 * 60);
		assert_true(calendar_is_working_day(p.checkins[w].day, "BY"));
		if (w > 0)
			assert_true(p.checkins[w].day > p.checkins[w - 1].day);
	}
	assert_int_equal(p.checkins[0].day, D(2026, 12, 18));
	assert_int_equal(p.checkins[1].day, D(2026, 12, 28));
	assert_int_equal(p.checkins[2].day, D(2027, 1, 4));
	assert_int_equal(p.checkins[3].day, D(2027, 1, 8));
	assert_int_equal(p.checkins[11].day, D(2027, 3, 5));
	assert_int_equal(p.ngoals, 3);
	onboarding_plan_free(&p);
}

/* R-ONB-1: a start on a non-working day begins on the next working day. */
static void test_start_on_holiday(void **state)
{
	struct onb_template t;
	struct onb_plan p;

	(void)state;
	assert_true(onboarding_template_parse(PLAN_JSON, strlen(PLAN_JSON), &t, NULL, 0));
	onboarding_plan_generate(&t, D(2027, 1, 1), "BY", &p);
	assert_int_equal(task(&p, "first")->due_day, D(2027, 1, 4));
	/* index 3 from Mon 4 Jan with Epiphany: 5, 7, 8 → Fri 8 Jan; + 2 → 12 Jan. */
	assert_int_equal(task(&p, "over_new_year")->first_day, D(2027, 1, 8));
	assert_int_equal(task(&p, "over_new_year")->due_day, D(2027, 1, 12));
	onboarding_plan_free(&p);
	onboarding_template_free(&t);
}

/* R-ONB-1: progress, late tasks and the current week. */
static void test_progress(void **state)
{
	int32_t start = D(2027, 3, 1);
	struct onb_task_state ts[5] = {
		{ D(2027, 3, 1), ONB_TASK_DONE },  { D(2027, 3, 2), ONB_TASK_OPEN },
		{ D(2027, 3, 10), ONB_TASK_OPEN }, { D(2027, 3, 3), ONB_TASK_SKIPPED },
		{ D(2027, 3, 20), ONB_TASK_OPEN },
	};
	struct onb_progress pr;

	(void)state;
	pr = onboarding_progress(start, ts, 5, D(2027, 3, 10));
	assert_int_equal(pr.total, 5);
	assert_int_equal(pr.done, 1);
	assert_int_equal(pr.skipped, 1);
	assert_int_equal(pr.late, 1);               /* only the open task due 2 March */
	assert_int_equal(pr.percent, 40);
	assert_int_equal(pr.day_number, 10);
	assert_int_equal(pr.week, 2);
	assert_false(pr.finished);
	assert_true(onboarding_task_late(D(2027, 3, 9), ONB_TASK_OPEN, D(2027, 3, 10)));
	assert_false(onboarding_task_late(D(2027, 3, 10), ONB_TASK_OPEN, D(2027, 3, 10)));
	assert_false(onboarding_task_late(D(2027, 3, 9), ONB_TASK_DONE, D(2027, 3, 10)));

	pr = onboarding_progress(start, ts, 5, D(2027, 3, 11));
	assert_int_equal(pr.late, 2);
	pr = onboarding_progress(start, ts, 5, start - 3);
	assert_int_equal(pr.day_number, 0);
	assert_int_equal(pr.week, 0);
	assert_int_equal(pr.late, 0);
	pr = onboarding_progress(start, ts, 5, start);
	assert_int_equal(pr.day_number, 1);
	assert_int_equal(pr.week, 1);
	pr = onboarding_progress(start, ts, 5, start + 89);
	assert_int_equal(pr.day_number, 90);
	assert_int_equal(pr.week, 13);
	assert_false(pr.finished);
	pr = onboarding_progress(start, ts, 5, start + 120);
	assert_int_equal(pr.day_number, 90);
	assert_true(pr.finished);
	assert_int_equal(pr.late, 3);
	pr = onboarding_progress(start, NULL, 0, start);
	assert_int_equal(pr.percent, 0);
}

static void expect_error(const char *json, const char *want)
{
	struct onb_template t;
	char err[300];

	assert_false(onboarding_template_parse(json, strlen(json), &t, err, sizeof err));
	if (strstr(err, want) == NULL)
		fail_msg("error '%s' does not contain '%s'", err, want);
	assert_null(t.tasks);
	assert_int_equal(t.ntasks, 0);
}

static void test_parse_errors(void **state)
{
	(void)state;
	expect_error("{}", "onboarding: must be an array");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week2\",\"owner\":\"manager\",\"offset\":0,\"duration\":1,\"title\":"
		     TEXT("A") "}]", "onboarding[0].phase: unknown code 'week2'");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"boss\",\"offset\":0,\"duration\":1,\"title\":"
		     TEXT("A") "}]", "onboarding[0].owner");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":64,\"duration\":1,\"title\":"
		     TEXT("A") "}]", "onboarding[0].offset");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":0,\"duration\":0,\"title\":"
		     TEXT("A") "}]", "onboarding[0].duration");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":0,\"duration\":1,\"title\":"
		     "{\"de\":\"A\"}}]", "onboarding[0].title");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":0,\"duration\":1,\"title\":"
		     TEXT("A") ",\"week\":1}]", "onboarding[0]");
	expect_error("[{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":0,\"duration\":1,\"title\":"
		     TEXT("A") "},{\"key\":\"a1\",\"phase\":\"week1\",\"owner\":\"manager\",\"offset\":0,\"duration\":1,"
		     "\"title\":" TEXT("A") "}]", "onboarding[1]: duplicate key 'a1'");
	expect_error("[{\"goal\":\"customers_met\",\"target\":" TEXT("x") "},{\"goal\":\"customers_met\",\"target\":"
		     TEXT("y") "}]", "onboarding[1]: goal 'customers_met' appears twice");
	expect_error("[{\"goal\":\"other\",\"target\":" TEXT("x") "}]", "onboarding[0].title: missing");
	expect_error("[{\"goal\":\"customers_met\"}]", "onboarding[0].target: missing");
	expect_error("[1]", "onboarding[0]: must be an object");
	expect_error("[", "invalid JSON");
}

static void test_from_slots(void **state)
{
	struct onb_template t;
	char err[200];
	char slots[1024];

	(void)state;
	assert_true(onboarding_template_from_slots("{\"questions\":[],\"exercises\":[],\"onboarding\":[]}", &t, err,
						   sizeof err));
	assert_int_equal(t.ntasks, 0);
	onboarding_template_free(&t);
	assert_true(onboarding_template_from_slots(NULL, &t, err, sizeof err));
	assert_true(onboarding_template_from_slots("{\"questions\":[]}", &t, err, sizeof err));
	snprintf(slots, sizeof slots, "{\"onboarding\":%s}", PLAN_JSON);
	assert_true(onboarding_template_from_slots(slots, &t, err, sizeof err));
	assert_int_equal(t.ntasks, 4);
	onboarding_template_free(&t);
	assert_false(onboarding_template_from_slots("[]", &t, err, sizeof err));
	assert_false(onboarding_template_from_slots("{\"onboarding\":{}}", &t, err, sizeof err));
}

static void load_builtin(const char *key, struct role_template *rt, struct onb_template *t)
{
	char path[96], err[300];
	const struct embedded_file *f;

	snprintf(path, sizeof path, "%s%s.json", TEMPLATE_DATA_DIR, key);
	f = embedded_find(path);
	if (f == NULL)
		fail_msg("%s is not embedded", path);
	if (!role_template_parse((const char *)f->data, f->len, rt, err, sizeof err))
		fail_msg("%s: %s", path, err);
	if (!onboarding_template_from_slots(rt->slots_json, t, err, sizeof err))
		fail_msg("%s: %s", path, err);
}

/* R-ONB-1/3/5: the built-in templates carry a plan; KAM covers every phase
 * and owner kind, has the seed's introductions and the three goals. */
static void test_builtin_templates(void **state)
{
	static const char *const keys[] = { "kam", "bdm", "hoe" };

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		struct role_template rt;
		struct onb_template t;
		struct onb_plan p;
		bool phase[ONB_PHASE__COUNT] = { false }, owner[ONB_OWNER__COUNT] = { false };

		load_builtin(keys[k], &rt, &t);
		assert_true(t.ntasks >= 8);
		assert_int_equal(t.ngoals, 3);
		for (size_t g = 0; g < t.ngoals; g++)
			for (int l = 0; l < TEMPLATE_LANGS; l++)
				assert_true(t.goals[g].target[l][0] != '\0');
		for (size_t i = 0; i < t.ntasks; i++) {
			phase[t.tasks[i].phase] = true;
			owner[t.tasks[i].owner] = true;
			for (int l = 0; l < TEMPLATE_LANGS; l++)
				assert_true(t.tasks[i].title[l][0] != '\0');
			/* Phase fits the dates: week 1 = indices 0–4, weeks 2–4 = 5–19. */
			if (t.tasks[i].phase == ONB_WEEK1)
				assert_true(t.tasks[i].offset_working_days <= 4);
			if (t.tasks[i].phase == ONB_WEEKS2_4)
				assert_true(t.tasks[i].offset_working_days >= 5 && t.tasks[i].offset_working_days <= 19);
			if (t.tasks[i].phase == ONB_MONTH3)
				assert_true(t.tasks[i].offset_working_days >= 40);
		}
		for (int i = 0; i < ONB_PHASE__COUNT; i++)
			assert_true(phase[i]);
		if (strcmp(keys[k], "kam") == 0) {
			static const char *const intros[] = { "intro_sales", "intro_marketing", "intro_production",
							      "intro_engineering", "product_training",
							      "customer_handovers", "own_appointments",
							      "full_responsibility", "first_forecast" };

			assert_true(t.ntasks >= 15 && t.ntasks <= 20);
			for (int i = 0; i < ONB_OWNER__COUNT; i++)
				assert_true(owner[i]);
			onboarding_plan_generate(&t, D(2026, 12, 28), "BY", &p);
			for (size_t i = 0; i < sizeof intros / sizeof *intros; i++)
				assert_non_null(task(&p, intros[i]));
			assert_int_equal(task(&p, "product_training")->tpl->owner, ONB_OWNER_ENGINEERING);
			assert_int_equal(task(&p, "customer_handovers")->tpl->owner, ONB_OWNER_PREVIOUS_OWNER);
			/* Every due day is a working day within the 90 days (+ a little slack). */
			for (size_t i = 0; i < p.ntasks; i++) {
				assert_true(calendar_is_working_day(p.tasks[i].due_day, "BY"));
				assert_true(p.tasks[i].due_day < D(2026, 12, 28) + 100);
			}
			onboarding_plan_free(&p);
		}
		onboarding_template_free(&t);
		role_template_free(&rt);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_plan_dating_year_end),
		cmocka_unit_test(test_checkins),
		cmocka_unit_test(test_start_on_holiday),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_from_slots),
		cmocka_unit_test(test_builtin_templates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
