/*
 * offer.c — contract and offer status codes, offer version checks and the
 * findings beside a version; see offer.h.
 */
#include "core/offer.h"

#include <string.h>

#include "core/calendar.h"
#include "core/code_table.h"
#include "core/i18n_mark.h"
#include "core/notice.h"
#include "core/password_policy.h"   /* utf8_valid */

static const char *const contract_codes[CONTRACT_TYPE__COUNT] = { "permanent_full_time", "permanent_part_time",
								   "fixed_term_full_time", "fixed_term_part_time" };
/* German: „Unbefristet, Vollzeit“, „Unbefristet, Teilzeit“, „Befristet, Vollzeit“, „Befristet, Teilzeit“. */
static const char *const contract_labels[CONTRACT_TYPE__COUNT] = { N_("Permanent, full time"),
								    N_("Permanent, part time"),
								    N_("Fixed term, full time"),
								    N_("Fixed term, part time") };

static const char *const status_codes[OFFER_STATUS__COUNT] = { "draft", "sent", "accepted", "declined",
								"withdrawn" };
/* German: „Entwurf“, „Versendet“, „Angenommen“, „Abgelehnt“, „Zurückgezogen“. */
static const char *const status_labels[OFFER_STATUS__COUNT] = { N_("Draft"), N_("Sent"), N_("Accepted"),
								 N_("Declined"), N_("Withdrawn") };

static const char *const severity_codes[OFFER_SEVERITY__COUNT] = { "info", "warning", "approval" };

const char *contract_type_code(enum contract_type c)
{
	return (unsigned)c < CONTRACT_TYPE__COUNT ? contract_codes[c] : "unknown";
}

const char *contract_type_label(enum contract_type c)
{
	return (unsigned)c < CONTRACT_TYPE__COUNT ? contract_labels[c] : N_("Unknown");
}

bool contract_type_parse(const char *code, enum contract_type *out)
{
	int i = code_table_index(contract_codes, CONTRACT_TYPE__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum contract_type)i;
	return true;
}

const char *offer_status_code(enum offer_status s)
{
	return (unsigned)s < OFFER_STATUS__COUNT ? status_codes[s] : "unknown";
}

const char *offer_status_label(enum offer_status s)
{
	return (unsigned)s < OFFER_STATUS__COUNT ? status_labels[s] : N_("Unknown");
}

bool offer_status_parse(const char *code, enum offer_status *out)
{
	int i = code_table_index(status_codes, OFFER_STATUS__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum offer_status)i;
	return true;
}

bool offer_status_transition_allowed(enum offer_status from, enum offer_status to)
{
	switch (from) {
	case OFFER_DRAFT:
		return to == OFFER_SENT || to == OFFER_WITHDRAWN;
	case OFFER_SENT:
		return to == OFFER_ACCEPTED || to == OFFER_DECLINED || to == OFFER_WITHDRAWN;
	case OFFER_ACCEPTED:
	case OFFER_DECLINED:
	case OFFER_WITHDRAWN:
	case OFFER_STATUS__COUNT:
	default:
		return false;
	}
}

bool offer_status_closed(enum offer_status s)
{
	return s == OFFER_ACCEPTED || s == OFFER_DECLINED || s == OFFER_WITHDRAWN;
}

const char *offer_severity_code(enum offer_severity s)
{
	return (unsigned)s < OFFER_SEVERITY__COUNT ? severity_codes[s] : "unknown";
}

/* --- version checks ---------------------------------------------------------- */

struct problems {
	struct field_problem *out;
	size_t max;
	size_t n;
};

static void problem(struct problems *ps, const char *field, const char *message)
{
	if (ps->n < ps->max) {
		ps->out[ps->n].field = field;
		ps->out[ps->n].message = message;
		ps->n++;
	}
}

/* NULL, or valid UTF-8 of at most max bytes. */
static bool text_ok(const char *s, size_t max)
{
	size_t len;

	if (s == NULL)
		return true;
	len = strnlen(s, max + 1);
	return len <= max && utf8_valid(s, len);
}

static bool start_day_ok(int32_t day)
{
	return day >= calendar_day_from_ymd(1995, 1, 1) && day <= calendar_day_from_ymd(2100, 12, 31);
}

size_t offer_version_check(const struct offer_input *in, struct field_problem *out, size_t max)
{
	struct problems ps = { out, max, 0 };
	enum contract_type ct;
	enum notice_rule nr;

	if (in->fixed_salary <= 0 || in->fixed_salary > OFFER_SALARY_MAX)
		problem(&ps, "fixed_salary", N_("The fixed salary must be between 1 and 10,000,000 EUR a year."));
	if (in->variable_salary < 0 || in->variable_salary > OFFER_SALARY_MAX)
		problem(&ps, "variable_salary",
			N_("The variable salary must be between 0 and 10,000,000 EUR a year."));
	if (!text_ok(in->benefits, OFFER_BENEFITS_MAX))
		problem(&ps, "benefits", N_("The benefits are too long (at most 4,000 characters) or not valid text."));
	if (!start_day_ok(in->start_day))
		problem(&ps, "start_day", N_("Please enter a start date between 1995 and 2100."));
	if (!contract_type_parse(in->contract_type, &ct))
		problem(&ps, "contract_type", N_("Please choose a contract type."));
	if (!notice_rule_parse(in->notice_rule, &nr))
		problem(&ps, "notice_rule", N_("Please choose the notice rule of the current contract."));
	if (in->notice_weeks < 0 || in->notice_weeks > NOTICE_WEEKS_MAX)
		problem(&ps, "notice_weeks", N_("The notice period must be between 0 and 52 weeks."));
	if (!text_ok(in->note, OFFER_NOTE_MAX))
		problem(&ps, "note", N_("The note is too long (at most 4,000 characters) or not valid text."));
	return ps.n;
}

/* --- findings -------------------------------------------------------------------- */

bool offer_needs_approval(int64_t fixed_salary, const struct offer_context *ctx)
{
	return ctx->has_band && (fixed_salary < ctx->band_min || fixed_salary > ctx->band_max);
}

static void finding(struct offer_finding *out, size_t max, size_t *n, const char *rule, enum offer_severity sev,
		    const char *message, int32_t day, int percent)
{
	if (*n < max) {
		out[*n] = (struct offer_finding){ rule, sev, message, day, percent };
		(*n)++;
	}
}

size_t offer_findings(const struct offer_input *in, const struct offer_context *ctx, struct offer_finding *out,
		      size_t max)
{
	size_t n = 0;
	enum notice_rule nr;

	if (!ctx->has_band)
		finding(out, max, &n, OFFER_RULE_NO_BAND, OFFER_SEVERITY_INFO,
			N_("The position has no budget band yet."), 0, 0);
	else if (offer_needs_approval(in->fixed_salary, ctx))
		finding(out, max, &n, OFFER_RULE_OUTSIDE_BAND, OFFER_SEVERITY_APPROVAL,
			N_("The fixed salary is outside the budget band: the CFO must approve this version before it is sent."),
			0, 0);
	if (notice_rule_parse(in->notice_rule, &nr) && in->notice_weeks >= 0) {
		int32_t earliest = notice_earliest_start(ctx->today, in->notice_weeks, nr, ctx->state);

		if (in->start_day < earliest)
			finding(out, max, &n, OFFER_RULE_START_BEFORE_NOTICE, OFFER_SEVERITY_WARNING,
				N_("The start date is before the earliest start the candidate's notice period allows."),
				earliest, 0);
	}
	if (ctx->expectation > 0 && in->fixed_salary > 0) {
		int64_t diff = in->fixed_salary - ctx->expectation;
		int percent = (int)(diff * 100 / ctx->expectation);

		if (diff * 100 > ctx->expectation * OFFER_EXPECTATION_PERCENT)
			finding(out, max, &n, OFFER_RULE_ABOVE_EXPECTATION, OFFER_SEVERITY_INFO,
				N_("The fixed salary is more than 10 percent above the candidate's expectation."), 0, percent);
		else if (-diff * 100 > ctx->expectation * OFFER_EXPECTATION_PERCENT)
			finding(out, max, &n, OFFER_RULE_BELOW_EXPECTATION, OFFER_SEVERITY_INFO,
				N_("The fixed salary is more than 10 percent below the candidate's expectation."), 0, percent);
	}
	return n;
}
