/*
 * test_store_stages.c — a position's own pipeline configuration
 * (store/stages.h) against a real database in a fresh temporary directory
 * per test: the defaults, renamed and reordered stages, refused
 * configurations and the reset to the defaults.
 *
 * Spec references: R-CAND-2 (default stages, renamed and reordered per
 * position), R-X-4 (audit log).
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
#include "store/organisations.h"
#include "store/positions.h"
#include "store/stages.h"
#include "store/store.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */

struct fixture {
	char dir[64];
	struct store *s;
	int64_t position;
	int64_t position2;
	int64_t cand;
};

static int64_t add_position(struct fixture *f, int64_t org, const char *title)
{
	struct position p;
	memset(&p, 0, sizeof p);
	p.organisation_id = org;
	strcpy(p.title, title);
	p.remote = REMOTE_HYBRID;
	p.employment = EMPLOYMENT_FULL_TIME;
	p.headcount = 1;
	strcpy(p.currency, "EUR");
	assert_int_equal(store_position_create(f->s, &TEST_CLI, &p, NOW), STORE_OK);
	return p.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-stages");
	struct organisation o;
	memset(&o, 0, sizeof o);
	strcpy(o.name, "Nordlicht GmbH");
	strcpy(o.country, "DE");
	assert_int_equal(store_organisation_create(f->s, &TEST_CLI, &o, NOW), STORE_OK);
	f->position = add_position(f, o.id, "Key Account Manager");
	f->position2 = add_position(f, o.id, "Area Sales Manager");
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, "Jonas");
	strcpy(c.last_name, "Brüggemann");
	assert_int_equal(store_candidate_create(f->s, &TEST_CLI, &c, NOW), STORE_OK);
	f->cand = c.id;
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

/* The codes of a pipeline as "a,b,c". */
static void codes(const struct stage *s, size_t n, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", i ? "," : "", s[i].code);
	}
}

/* The default pipeline with the first two interviews swapped, the phone
 * stage renamed and an extra active stage "assessment" before the offer. */
static size_t custom_pipeline(struct stage *out)
{
	size_t n = pipeline_default_stages(out, PIPELINE_MAX_STAGES);
	for (size_t i = 0; i < n; i++) {
		out[i].order = (int)(i + 1) * 10;
		if (strcmp(out[i].code, "prequalification") == 0)
			strcpy(out[i].label, "Telefoninterview");
		else if (strcmp(out[i].code, "first_interview") == 0)
			out[i].order = 55;
	}
	struct stage *extra = &out[n++];
	memset(extra, 0, sizeof *extra);
	strcpy(extra->code, "assessment");
	strcpy(extra->label, "Assessment-Center");
	extra->kind = STAGE_ACTIVE;
	extra->order = 65;
	return n;
}

static void test_defaults(void **state)
{
	struct fixture *f = *state;
	struct stage st[PIPELINE_MAX_STAGES];
	size_t n = 0;
	bool custom = true;
	char list[512];
	/* R-CAND-2: the default stages with their English msgids */
	assert_int_equal(store_stages_get(f->s, f->position, st, &n, &custom), STORE_OK);
	assert_false(custom);
	assert_int_equal(n, PIPELINE_DEFAULT_COUNT);
	codes(st, n, list, sizeof list);
	assert_string_equal(list, "identified,contacted,prequalification,first_interview,deep_interview,"
				  "final_interview,offer,hired,rejected,withdrawn");
	assert_string_equal(st[0].label, "Identified");
	assert_string_equal(st[7].label, "Hired");
	assert_int_equal(st[7].kind, STAGE_HIRED);
	assert_int_equal(st[9].kind, STAGE_EXIT);
	assert_int_equal(store_stages_get(f->s, 9999, st, &n, NULL), STORE_NOT_FOUND);
}

static void test_rename_reorder_round_trip(void **state)
{
	struct fixture *f = *state;
	struct stage in[PIPELINE_MAX_STAGES], st[PIPELINE_MAX_STAGES];
	size_t nin = custom_pipeline(in), n = 0;
	bool custom = false;
	char list[512];
	/* R-CAND-2: renamed, reordered and an extra stage, per position */
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_OK);
	struct audit_entry e = last_audit(f->s); /* R-X-4 */
	assert_string_equal(e.entity, "position");
	assert_string_equal(e.action, "set_stages");
	assert_int_equal(e.entity_id, f->position);
	assert_non_null(strstr(e.changes, "Telefoninterview"));

	assert_int_equal(store_stages_get(f->s, f->position, st, &n, &custom), STORE_OK);
	assert_true(custom);
	assert_int_equal(n, nin);
	codes(st, n, list, sizeof list);
	assert_string_equal(list, "identified,contacted,prequalification,deep_interview,first_interview,"
				  "final_interview,assessment,offer,hired,rejected,withdrawn");
	assert_string_equal(st[2].label, "Telefoninterview");
	assert_string_equal(st[6].label, "Assessment-Center");
	assert_int_equal(st[6].order, 65);
	assert_int_equal(st[6].kind, STAGE_ACTIVE);
	assert_int_equal(st[8].kind, STAGE_HIRED);

	/* the same configuration again writes nothing */
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_OK);
	assert_int_equal(audit_count(f->s), audits);

	/* the other position keeps the defaults */
	assert_int_equal(store_stages_get(f->s, f->position2, st, &n, &custom), STORE_OK);
	assert_false(custom);
	assert_int_equal(n, PIPELINE_DEFAULT_COUNT);

	/* a second set replaces the first completely */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	strcpy(in[0].label, "Longlist");
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW + 1), STORE_OK);
	assert_int_equal(store_stages_get(f->s, f->position, st, &n, &custom), STORE_OK);
	assert_true(custom);
	assert_int_equal(n, PIPELINE_DEFAULT_COUNT);
	assert_null(pipeline_find(st, n, "assessment"));
	assert_string_equal(st[0].label, "Longlist");
}

static void test_invalid_refused(void **state)
{
	struct fixture *f = *state;
	struct stage in[PIPELINE_MAX_STAGES], st[PIPELINE_MAX_STAGES];
	size_t nin, n;
	bool custom = true;
	int64_t audits = audit_count(f->s);

	/* without the exit "rejected" */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	assert_string_equal(in[8].code, "rejected");
	in[8] = in[9];
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin - 1, NOW), STORE_INVALID);
	/* a duplicate code */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	strcpy(in[1].code, "identified");
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_INVALID);
	/* a blank label */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	strcpy(in[1].label, "  ");
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_INVALID);
	/* hired before an active stage */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	in[7].order = 3;
	in[2].order = 8;
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_INVALID);
	/* a label that is not UTF-8 */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	strcpy(in[1].label, "Kontakt \xff");
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_INVALID);
	/* no such position */
	nin = pipeline_default_stages(in, PIPELINE_MAX_STAGES);
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, 9999, in, nin, NOW), STORE_NOT_FOUND);

	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_stages_get(f->s, f->position, st, &n, &custom), STORE_OK);
	assert_false(custom);
}

static void test_stage_in_use_and_reset(void **state)
{
	struct fixture *f = *state;
	struct stage in[PIPELINE_MAX_STAGES], st[PIPELINE_MAX_STAGES];
	size_t nin = custom_pipeline(in), n;
	bool custom = false;

	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW), STORE_OK);
	struct application a = { .candidate_id = f->cand, .position_id = f->position, .stage = "assessment" };
	assert_int_equal(store_application_create(f->s, &TEST_CLI, &a, NOW), STORE_OK);

	/* R-CAND-2: a stage an application is in cannot disappear */
	struct stage defaults[PIPELINE_MAX_STAGES];
	size_t nd = pipeline_default_stages(defaults, PIPELINE_MAX_STAGES);
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, defaults, nd, NOW + 1), STORE_INVALID);
	assert_int_equal(store_stages_reset(f->s, &TEST_CLI, f->position, NOW + 1), STORE_INVALID);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_stages_get(f->s, f->position, st, &n, &custom), STORE_OK);
	assert_true(custom);
	assert_non_null(pipeline_find(st, n, "assessment"));

	/* renaming the stage in use is fine */
	for (size_t i = 0; i < nin; i++)
		if (strcmp(in[i].code, "assessment") == 0)
			strcpy(in[i].label, "Fallstudie");
	assert_int_equal(store_stages_set(f->s, &TEST_CLI, f->position, in, nin, NOW + 2), STORE_OK);

	/* once the application left the extra stage, the reset works */
	assert_int_equal(store_application_move(f->s, &TEST_CLI, a.id, "contacted", NULL, NOW + 3), STORE_OK);
	assert_int_equal(store_stages_reset(f->s, &TEST_CLI, f->position, NOW + 4), STORE_OK);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.action, "reset_stages");
	assert_int_equal(e.entity_id, f->position);
	assert_int_equal(store_stages_get(f->s, f->position, st, &n, &custom), STORE_OK);
	assert_false(custom);
	assert_int_equal(n, PIPELINE_DEFAULT_COUNT);
	assert_string_equal(st[2].label, "Pre-qualification (phone)");
	/* a reset without own configuration changes nothing */
	audits = audit_count(f->s);
	assert_int_equal(store_stages_reset(f->s, &TEST_CLI, f->position, NOW + 5), STORE_OK);
	assert_int_equal(audit_count(f->s), audits);
	assert_int_equal(store_stages_reset(f->s, &TEST_CLI, 9999, NOW + 5), STORE_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rename_reorder_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stage_in_use_and_reset, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
