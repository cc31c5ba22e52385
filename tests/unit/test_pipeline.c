/*
 * Unit tests for src/core/pipeline.c: the default stages, valid and invalid
 * per-position configurations, the move rules (rejection with reason and
 * "informed?" answer, leaving hired and exit stages), the rejection reason
 * codes, and the ages on the board cards.
 *
 * Timezone assumption: calendar days are UTC days. The fixed timestamps below
 * are UTC; 2024-01-01 was a Monday.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/pipeline.h"

#define DAY 86400
#define HOUR 3600
#define MON_2024_01_01 INT64_C(1704067200)   /* Monday 2024-01-01 00:00 UTC */

/* The UTC time of day `d` (0 = Monday 2024-01-01) at hour h. */
static int64_t at(int d, int h)
{
	return MON_2024_01_01 + (int64_t)d * DAY + (int64_t)h * HOUR;
}

static size_t defaults(struct stage *s)
{
	return pipeline_default_stages(s, PIPELINE_MAX_STAGES);
}

/* Whether problems[0..n) contain one for field with this message. */
static bool has_problem(const struct field_problem *p, size_t n, const char *field, const char *message)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].field, field) == 0 && strcmp(p[i].message, message) == 0)
			return true;
	return false;
}

static struct stage *find_mut(struct stage *s, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].code, code) == 0)
			return &s[i];
	return NULL;
}

static void test_default_stages(void **state)
{
	static const char *const codes[PIPELINE_DEFAULT_COUNT] = {
		"identified", "contacted", "prequalification", "first_interview", "deep_interview",
		"final_interview", "offer", "hired", "rejected", "withdrawn",
	};
	static const char *const labels[PIPELINE_DEFAULT_COUNT] = {
		"Identified", "Contacted", "Pre-qualification (phone)", "First interview", "In-depth interview",
		"Final interview", "Offer", "Hired", "Rejected", "Withdrawn",
	};
	struct stage s[PIPELINE_MAX_STAGES];
	struct field_problem p[8];
	size_t n;

	(void)state;
	n = defaults(s);
	/* R-CAND-2: Identifiziert … Eingestellt; exits Abgesagt, Zurückgezogen */
	assert_int_equal(n, PIPELINE_DEFAULT_COUNT);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(s[i].code, codes[i]);
		assert_string_equal(s[i].label, labels[i]);
		assert_int_equal(s[i].order, (int)i + 1);
		assert_int_equal(s[i].kind, i < 7 ? STAGE_ACTIVE : i == 7 ? STAGE_HIRED : STAGE_EXIT);
	}
	assert_int_equal(pipeline_validate(s, n, p, 8), 0);               /* R-CAND-2 */

	/* bounded output */
	memset(s, 0, sizeof s);
	assert_int_equal(pipeline_default_stages(s, 3), 3);
	assert_string_equal(s[2].code, "prequalification");
	assert_string_equal(s[3].code, "");
	assert_int_equal(pipeline_default_stages(NULL, 10), 0);
}

static void test_renamed_and_reordered_valid(void **state)
{
	struct stage s[PIPELINE_MAX_STAGES];
	struct field_problem p[8];
	size_t n;

	(void)state;
	n = defaults(s);
	/* R-CAND-2: rename stages per position */
	snprintf(s[2].label, sizeof s[2].label, "%s", "Telefoninterview (30 min)");
	snprintf(s[7].label, sizeof s[7].label, "%s", "Vertrag unterschrieben");
	/* reorder: the deep interview before the first one, exits first in the list */
	s[3].order = 5;
	s[4].order = 4;
	s[8].order = 0;
	s[9].order = -1;
	/* an extra active stage: a case study before the final interview */
	s[n] = (struct stage){ "case_study", "Fallstudie", STAGE_ACTIVE, 42 };
	s[7].order = 50;                                                  /* hired stays last */
	n++;
	assert_int_equal(pipeline_validate(s, n, p, 8), 0);               /* R-CAND-2 */

	pipeline_sort(s, n);
	assert_string_equal(s[0].code, "withdrawn");
	assert_string_equal(s[1].code, "rejected");
	assert_string_equal(s[2].code, "identified");
	assert_string_equal(s[5].code, "deep_interview");
	assert_string_equal(s[6].code, "first_interview");
	assert_string_equal(s[n - 2].code, "case_study");
	assert_string_equal(s[n - 1].code, "hired");
	assert_non_null(pipeline_find(s, n, "case_study"));
	assert_null(pipeline_find(s, n, "assessment"));
	assert_null(pipeline_find(s, n, NULL));
}

static void test_invalid_configs(void **state)
{
	struct stage s[PIPELINE_MAX_STAGES];
	struct field_problem p[16];
	size_t n, k;

	(void)state;
	/* R-CAND-2: duplicate code */
	n = defaults(s);
	snprintf(s[1].code, sizeof s[1].code, "%s", "identified");
	k = pipeline_validate(s, n, p, 16);
	assert_true(has_problem(p, k, "code", "Every stage needs its own code."));

	/* R-CAND-2: no hired stage */
	n = defaults(s);
	find_mut(s, n, "hired")->kind = STAGE_ACTIVE;
	k = pipeline_validate(s, n, p, 16);
	assert_true(has_problem(p, k, "stages", "The pipeline needs exactly one stage for hired candidates."));

	/* R-CAND-2: two hired stages */
	n = defaults(s);
	find_mut(s, n, "offer")->kind = STAGE_HIRED;
	k = pipeline_validate(s, n, p, 16);
	assert_true(has_problem(p, k, "stages", "The pipeline needs exactly one stage for hired candidates."));

	/* R-CAND-2: missing exits (removed, or turned into an active stage) */
	n = defaults(s);
	n--;                                                              /* withdrawn dropped */
	find_mut(s, n, "rejected")->kind = STAGE_ACTIVE;
	k = pipeline_validate(s, n, p, 16);
	assert_true(has_problem(p, k, "stages", "The exit stage “withdrawn” is missing."));
	assert_true(has_problem(p, k, "stages", "The exit stage “rejected” is missing."));

	/* R-CAND-2: fewer than two active stages */
	{
		struct stage few[4] = {
			{ "identified", "Identifiziert", STAGE_ACTIVE, 1 },
			{ "hired", "Eingestellt", STAGE_HIRED, 2 },
			{ "rejected", "Abgesagt", STAGE_EXIT, 3 },
			{ "withdrawn", "Zurückgezogen", STAGE_EXIT, 4 },
		};
		k = pipeline_validate(few, 4, p, 16);
		assert_int_equal(k, 1);
		assert_true(has_problem(p, k, "stages", "The pipeline needs at least two active stages."));
	}

	/* R-CAND-2: blank label, bad code, duplicate order, bad kind, hired before an active stage */
	n = defaults(s);
	snprintf(s[0].label, sizeof s[0].label, "%s", "  ");
	snprintf(s[1].code, sizeof s[1].code, "%s", "Kontakt");
	s[2].order = s[3].order;
	s[4].kind = (enum stage_kind)7;
	k = pipeline_validate(s, n, p, 16);
	assert_true(has_problem(p, k, "label", "Every stage needs a name of at most 79 bytes."));
	assert_true(has_problem(p, k, "code", "Stage codes must start with a lower-case letter and contain only a–z, 0–9 and _ (at most 31 characters)."));
	assert_true(has_problem(p, k, "order", "Two stages have the same position in the order."));
	assert_true(has_problem(p, k, "kind", "Unknown kind of stage."));

	n = defaults(s);
	find_mut(s, n, "hired")->order = 3;
	k = pipeline_validate(s, n, p, 16);
	assert_int_equal(k, 2);                                           /* order 3 now twice, too */
	assert_true(has_problem(p, k, "order", "The hired stage must come after every active stage."));

	/* unterminated label and code are caught, not read past */
	n = defaults(s);
	memset(s[5].label, 'x', sizeof s[5].label);
	memset(s[6].code, 'y', sizeof s[6].code);
	k = pipeline_validate(s, n, p, 16);
	assert_true(has_problem(p, k, "label", "Every stage needs a name of at most 79 bytes."));
	assert_true(has_problem(p, k, "code", "Stage codes must start with a lower-case letter and contain only a–z, 0–9 and _ (at most 31 characters)."));

	/* empty and oversized pipelines; max is respected */
	assert_int_equal(pipeline_validate(NULL, 0, p, 16), 1);
	assert_string_equal(p[0].message, "The pipeline has no stages.");
	assert_int_equal(pipeline_validate(s, PIPELINE_MAX_STAGES + 1, p, 16), 1);
	n = defaults(s);
	n--;
	find_mut(s, n, "rejected")->kind = STAGE_ACTIVE;
	assert_int_equal(pipeline_validate(s, n, p, 1), 1);
	assert_int_equal(pipeline_validate(s, n, NULL, 16), 0);
}

static void test_move_rules(void **state)
{
	struct stage s[PIPELINE_MAX_STAGES];
	struct move_input in = { "salary_expectations", NULL, INFORMED_YES };
	struct move_input empty = { NULL, NULL, INFORMED_UNANSWERED };
	size_t n;

	(void)state;
	n = defaults(s);
	/* R-CAND-2: forward, back and skipping between active stages */
	assert_int_equal(pipeline_check_move(s, n, "identified", "contacted", NULL), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "final_interview", "prequalification", &empty), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "contacted", "offer", NULL), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "offer", "hired", NULL), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "first_interview", "withdrawn", NULL), MOVE_OK);

	assert_int_equal(pipeline_check_move(s, n, "identified", "assessment", NULL), MOVE_UNKNOWN_STAGE);
	assert_int_equal(pipeline_check_move(s, n, NULL, "contacted", NULL), MOVE_UNKNOWN_STAGE);
	assert_int_equal(pipeline_check_move(s, n, "offer", "offer", NULL), MOVE_SAME_STAGE);

	/* R-CAND-2: rejection asks for a reason and whether the candidate was informed */
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", NULL), MOVE_REASON_REQUIRED);
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &empty), MOVE_REASON_REQUIRED);
	in.reason = "";
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_REASON_REQUIRED);
	in.reason = "too_old";                                            /* not in the catalogue */
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_REASON_REQUIRED);
	in.reason = "salary_expectations";
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_OK);
	in.informed = INFORMED_NO;
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_OK);
	in.informed = INFORMED_UNANSWERED;
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_INFORMED_REQUIRED);
	in.informed = INFORMED_YES;
	in.reason = "other";
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_REASON_NOTE_REQUIRED);
	in.reason_note = " ";
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_REASON_NOTE_REQUIRED);
	in.reason_note = "Umzug nicht möglich";
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", &in), MOVE_OK);

	/* leaving hired: only through an exit */
	assert_int_equal(pipeline_check_move(s, n, "hired", "offer", NULL), MOVE_HIRED_ONLY_TO_EXIT);
	assert_int_equal(pipeline_check_move(s, n, "hired", "withdrawn", NULL), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "hired", "rejected", NULL), MOVE_REASON_REQUIRED);
	assert_int_equal(pipeline_check_move(s, n, "hired", "rejected", &in), MOVE_OK);

	/* leaving an exit: reopen into an active stage, correct the exit, never straight to hired */
	assert_int_equal(pipeline_check_move(s, n, "withdrawn", "contacted", NULL), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "rejected", "withdrawn", NULL), MOVE_OK);
	assert_int_equal(pipeline_check_move(s, n, "withdrawn", "hired", NULL), MOVE_EXIT_NOT_TO_HIRED);
	assert_int_equal(pipeline_check_move(s, n, "withdrawn", "rejected", NULL), MOVE_REASON_REQUIRED);

	/* renamed stages: the rules follow codes and kinds, not labels */
	snprintf(find_mut(s, n, "rejected")->label, sizeof s[0].label, "%s", "Absage");
	assert_int_equal(pipeline_check_move(s, n, "offer", "rejected", NULL), MOVE_REASON_REQUIRED);

	/* codes and messages for the API and the form */
	assert_string_equal(move_check_code(MOVE_OK), "ok");
	assert_string_equal(move_check_code(MOVE_INFORMED_REQUIRED), "informed_required");
	assert_string_equal(move_check_code(MOVE_CHECK__COUNT), "unknown");
	for (int c = 0; c < MOVE_CHECK__COUNT; c++) {
		assert_non_null(move_check_message((enum move_check)c));
		assert_string_not_equal(move_check_code((enum move_check)c), "unknown");
	}
	assert_string_equal(move_check_message(MOVE_REASON_REQUIRED), "Please choose a reason for the rejection.");
}

static void test_rejection_reasons_and_kinds(void **state)
{
	static const char *const codes[REJECTION_REASON__COUNT] = {
		"profile_mismatch", "salary_expectations", "culture_fit", "no_response",
		"position_filled", "withdrew_other_offer", "other",
	};
	enum rejection_reason r = REJECT_OTHER;
	enum stage_kind k = STAGE_EXIT;

	(void)state;
	for (int i = 0; i < REJECTION_REASON__COUNT; i++) {
		assert_string_equal(rejection_reason_code((enum rejection_reason)i), codes[i]);
		assert_true(rejection_reason_parse(codes[i], &r));
		assert_int_equal(r, i);
		assert_true(strlen(rejection_reason_label((enum rejection_reason)i)) > 0);
	}
	assert_string_equal(rejection_reason_label(REJECT_CULTURE_FIT), "Culture fit");
	assert_false(rejection_reason_parse("Other", &r));
	assert_false(rejection_reason_parse(NULL, &r));
	assert_int_equal(r, REJECT_OTHER);                                /* untouched on failure */
	assert_string_equal(rejection_reason_code(REJECTION_REASON__COUNT), "unknown");
	assert_string_equal(rejection_reason_label((enum rejection_reason)-1), "Unknown");

	assert_string_equal(stage_kind_code(STAGE_ACTIVE), "active");
	assert_string_equal(stage_kind_code(STAGE_HIRED), "hired");
	assert_string_equal(stage_kind_code(STAGE_EXIT), "exit");
	assert_string_equal(stage_kind_code(STAGE_KIND__COUNT), "unknown");
	assert_true(stage_kind_parse("hired", &k));
	assert_int_equal(k, STAGE_HIRED);
	assert_false(stage_kind_parse("done", &k));
}

static void test_days_in_stage(void **state)
{
	(void)state;
	/* R-CAND-2: days in stage on the card */
	assert_int_equal(days_in_stage(at(0, 9), at(0, 17)), 0);
	assert_int_equal(days_in_stage(at(0, 9), at(1, 8)), 0);          /* 23 hours */
	assert_int_equal(days_in_stage(at(0, 9), at(1, 9)), 1);
	assert_int_equal(days_in_stage(at(0, 9), at(30, 10)), 30);
	assert_int_equal(days_in_stage(0, at(5, 0)), 0);                  /* unset */
	assert_int_equal(days_in_stage(-5, at(5, 0)), 0);
	assert_int_equal(days_in_stage(at(5, 0), at(1, 0)), 0);           /* in the future */
}

static void test_business_days_across_weekends(void **state)
{
	(void)state;
	/* R-GUARD-3: business days Mon–Fri, UTC days */
	assert_int_equal(business_days_between(at(0, 9), at(0, 18)), 0);           /* same Monday */
	assert_int_equal(business_days_between(at(0, 23), at(1, 0)), 1);           /* Mon 23:00 → Tue 00:00 */
	assert_int_equal(business_days_between(at(4, 17), at(5, 12)), 0);          /* Fri → Sat */
	assert_int_equal(business_days_between(at(4, 17), at(6, 12)), 0);          /* Fri → Sun */
	assert_int_equal(business_days_between(at(4, 17), at(7, 9)), 1);           /* Fri → Mon */
	assert_int_equal(business_days_between(at(5, 10), at(7, 9)), 1);           /* Sat → Mon */
	assert_int_equal(business_days_between(at(0, 9), at(7, 9)), 5);            /* Mon → next Mon */
	assert_int_equal(business_days_between(at(2, 9), at(9, 9)), 5);            /* Wed → next Wed */
	assert_int_equal(business_days_between(at(3, 9), at(17, 9)), 10);          /* two weeks */
	assert_int_equal(business_days_between(at(0, 9), at(21, 9)), 15);          /* three weeks */
	assert_int_equal(business_days_between(at(0, 9), at(364, 9)), 260);        /* 52 weeks */
	assert_int_equal(business_days_between(at(7, 9), at(0, 9)), 0);            /* future */
	assert_int_equal(business_days_between(0, at(0, 9)), 0);                   /* unset */
	/* before 2024: Thursday 1970-01-01 + 1 day is a Friday */
	assert_int_equal(business_days_between(1, DAY + 1), 1);
	assert_int_equal(business_days_between(DAY, 3 * DAY + 5), 0);              /* Fri → Sun */
}

static void test_contact_age_levels(void **state)
{
	(void)state;
	/* R-GUARD-3: ok < 5, warning ≥ 5, critical ≥ 10, lost ≥ 15 business days */
	assert_int_equal(contact_age_level(at(0, 9), at(4, 18)), CONTACT_AGE_OK);           /* 4 */
	assert_int_equal(contact_age_level(at(4, 17), at(10, 9)), CONTACT_AGE_OK);          /* Fri → Thu: 4 */
	assert_int_equal(contact_age_level(at(4, 17), at(11, 9)), CONTACT_AGE_WARNING);     /* Fri → Fri: 5 */
	assert_int_equal(contact_age_level(at(0, 9), at(7, 9)), CONTACT_AGE_WARNING);       /* 5 */
	assert_int_equal(contact_age_level(at(0, 9), at(11, 9)), CONTACT_AGE_WARNING);      /* 9 */
	assert_int_equal(contact_age_level(at(0, 9), at(12, 9)), CONTACT_AGE_WARNING);      /* Sat: 9 */
	assert_int_equal(contact_age_level(at(0, 9), at(14, 9)), CONTACT_AGE_CRITICAL);     /* 10 */
	assert_int_equal(contact_age_level(at(0, 9), at(18, 9)), CONTACT_AGE_CRITICAL);     /* 14 */
	assert_int_equal(contact_age_level(at(0, 9), at(21, 9)), CONTACT_AGE_LOST);         /* 15: drei Wochen */
	assert_int_equal(contact_age_level(at(0, 9), at(90, 9)), CONTACT_AGE_LOST);
	assert_int_equal(contact_age_level(0, at(3, 0)), CONTACT_AGE_NONE);
	assert_int_equal(contact_age_level(at(9, 0), at(3, 0)), CONTACT_AGE_OK);            /* future */

	assert_string_equal(contact_age_code(CONTACT_AGE_OK), "ok");
	assert_string_equal(contact_age_code(CONTACT_AGE_WARNING), "warning");
	assert_string_equal(contact_age_code(CONTACT_AGE_CRITICAL), "critical");
	assert_string_equal(contact_age_code(CONTACT_AGE_LOST), "lost");
	assert_string_equal(contact_age_code(CONTACT_AGE_NONE), "none");
	assert_string_equal(contact_age_code(CONTACT_AGE__COUNT), "unknown");
	assert_string_equal(contact_age_label(CONTACT_AGE_NONE), "Not contacted yet");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_stages),
		cmocka_unit_test(test_renamed_and_reordered_valid),
		cmocka_unit_test(test_invalid_configs),
		cmocka_unit_test(test_move_rules),
		cmocka_unit_test(test_rejection_reasons_and_kinds),
		cmocka_unit_test(test_days_in_stage),
		cmocka_unit_test(test_business_days_across_weekends),
		cmocka_unit_test(test_contact_age_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
