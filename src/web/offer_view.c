/*
 * offer_view.c — the offer rules of core/offer.h and core/notice.h for the
 * offer pages and /api/v1/offers, over plain types; see offer_view.h.
 */
#include "web/offer_view.h"

#include <string.h>

#include "core/notice.h"
#include "core/offer.h"

static struct offer_input input_of(const struct offer_terms *t)
{
	struct offer_input in = {
		.fixed_salary = t->fixed_salary,
		.variable_salary = t->variable_salary,
		.benefits = t->benefits,
		.start_day = t->start_day,
		.contract_type = t->contract_type,
		.notice_rule = t->notice_rule,
		.notice_weeks = t->notice_weeks,
		.note = t->note,
	};
	return in;
}

static struct offer_context context_of(const struct offer_facts *f)
{
	struct offer_context ctx = {
		.has_band = f->has_band,
		.band_min = f->band_min,
		.band_max = f->band_max,
		.expectation = f->expectation,
		.today = f->today,
		.state = f->state,
	};
	return ctx;
}

size_t offer_view_check(const struct offer_terms *t, struct field_problem *out, size_t max)
{
	struct offer_input in = input_of(t);
	size_t n = offer_version_check(&in, out, max);
	for (size_t i = 0; i < n; i++)
		if (out[i].field && strcmp(out[i].field, "start_day") == 0)
			out[i].field = "start_date";
	return n;
}

size_t offer_view_findings(const struct offer_terms *t, const struct offer_facts *f, struct offer_note *out,
			   size_t max)
{
	struct offer_input in = input_of(t);
	struct offer_context ctx = context_of(f);
	struct offer_finding found[OFFER_MAX_FINDINGS];
	size_t n = offer_findings(&in, &ctx, found, OFFER_MAX_FINDINGS);
	if (n > max)
		n = max;
	for (size_t i = 0; i < n; i++) {
		out[i].rule = found[i].rule;
		out[i].severity = offer_severity_code(found[i].severity);
		out[i].message = found[i].message;
		out[i].day = found[i].day;
		out[i].percent = found[i].percent;
	}
	return n;
}

bool offer_view_needs_approval(int64_t fixed_salary, const struct offer_facts *f)
{
	struct offer_context ctx = context_of(f);
	return offer_needs_approval(fixed_salary, &ctx);
}

int32_t offer_view_earliest_start(int32_t today, int weeks, const char *rule_code, const char *state)
{
	enum notice_rule rule;
	if (!notice_rule_parse(rule_code, &rule))
		return -1;
	return notice_earliest_start(today, weeks, rule, state);
}

const char *offer_view_contract_code(size_t i)
{
	return i < CONTRACT_TYPE__COUNT ? contract_type_code((enum contract_type)i) : NULL;
}

const char *offer_view_contract_label(const char *code)
{
	enum contract_type c;
	return contract_type_parse(code, &c) ? contract_type_label(c) : code;
}

const char *offer_view_notice_code(size_t i)
{
	return i < NOTICE_RULE__COUNT ? notice_rule_code((enum notice_rule)i) : NULL;
}

const char *offer_view_notice_label(const char *code)
{
	enum notice_rule n;
	return notice_rule_parse(code, &n) ? notice_rule_label(n) : code;
}

const char *offer_view_status_label(const char *code)
{
	enum offer_status s;
	return offer_status_parse(code, &s) ? offer_status_label(s) : code;
}

bool offer_view_transition_ok(const char *from, const char *to)
{
	enum offer_status a, b;
	return offer_status_parse(from, &a) && offer_status_parse(to, &b) && offer_status_transition_allowed(a, b);
}

bool offer_view_closed(const char *status)
{
	return status && (strcmp(status, "accepted") == 0 || strcmp(status, "declined") == 0 ||
			  strcmp(status, "withdrawn") == 0);
}
