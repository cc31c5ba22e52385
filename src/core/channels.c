/*
 * Recruiting channels (R-CHAN-1..4): the catalogue with the guidance of the
 * seed's "Wo lassen sich qualifizierte Key Account Manager finden?", the
 * warnings and field checks of a channel plan, referrals, and the channel
 * statistics behind the channel report.
 *
 * The seed in short: LinkedIn and networks are the primary channel, fast and
 * cheap but reaching many unsuitable people; events give a personal
 * impression; job portals reach only active seekers; direct search is the
 * slowest and best, reaching passive candidates; referrals come
 * pre-qualified; a combination of channels raises the chance of success.
 *
 * Texts are English msgids (N_). Nothing here allocates or does I/O.
 */
#include "core/channels.h"
#include "core/code_table.h"

#include <string.h>

#include "core/i18n_mark.h"

#define SECONDS_PER_DAY 86400
#define MIN_CHANNELS 2                 /* seed: "Eine Kombination verschiedener Kanäle" */

static const struct channel_info catalogue[CHANNEL__COUNT] = {
	[CHANNEL_LINKEDIN] = {
		CHANNEL_LINKEDIN, "linkedin", N_("LinkedIn and professional networks"),
		N_("The primary channel for the search: access to active and passive candidates, profiles to analyse and direct contact. Candidates are usually better qualified than on classic job portals."),
		N_("Fast"), N_("Low cost"), N_("Also reaches many unsuitable candidates"),
		CHANNEL_SPEED_FAST, CHANNEL_LEVEL_LOW, CHANNEL_LEVEL_MEDIUM, true,
	},
	[CHANNEL_EVENTS] = {
		CHANNEL_EVENTS, "events", N_("Industry events and trade fairs"),
		N_("Trade fairs, conferences and networking events give a personal impression: they show who is active in the industry and how people present themselves."),
		N_("Bound to the event calendar"), N_("Travel and ticket costs"), N_("Personal impression of the candidate"),
		CHANNEL_SPEED_SLOW, CHANNEL_LEVEL_MEDIUM, CHANNEL_LEVEL_MEDIUM, false,
	},
	[CHANNEL_JOB_PORTALS] = {
		CHANNEL_JOB_PORTALS, "job_portals", N_("Job portals"),
		N_("Job portals have their place but mainly reach active job seekers. Qualified key account managers are often not looking for a job and must be approached directly."),
		N_("Fast"), N_("Cost per advertisement"), N_("Active job seekers only"),
		CHANNEL_SPEED_FAST, CHANNEL_LEVEL_MEDIUM, CHANNEL_LEVEL_LOW, false,
	},
	[CHANNEL_DIRECT_SEARCH] = {
		CHANNEL_DIRECT_SEARCH, "direct_search", N_("Direct search"),
		N_("Approaching people directly is the most effective way to reach top talent: they are content in their current position and move only for an exceptional opportunity."),
		N_("Slowest: time-consuming"), N_("The team's time"), N_("Best quality; reaches passive candidates"),
		CHANNEL_SPEED_SLOW, CHANNEL_LEVEL_MEDIUM, CHANNEL_LEVEL_HIGH, true,
	},
	[CHANNEL_REFERRALS] = {
		CHANNEL_REFERRALS, "referrals", N_("Referrals"),
		N_("Employees, business partners and customers often know suitable candidates. Referred candidates come with a degree of pre-qualification."),
		N_("Depends on the network"), N_("Referral bonus"), N_("Pre-qualified candidates"),
		CHANNEL_SPEED_MEDIUM, CHANNEL_LEVEL_LOW, CHANNEL_LEVEL_HIGH, true,
	},
	[CHANNEL_SEARCH_CONSULTANTS] = {
		CHANNEL_SEARCH_CONSULTANTS, "search_consultants", N_("Search consultants"),
		N_("Specialised search consultants approach top talent directly on the company's behalf and reach candidates who are not looking."),
		N_("Medium"), N_("Fee, often a share of the annual salary"), N_("High quality; reaches passive candidates"),
		CHANNEL_SPEED_MEDIUM, CHANNEL_LEVEL_HIGH, CHANNEL_LEVEL_HIGH, true,
	},
	[CHANNEL_CAREER_PAGE] = {
		CHANNEL_CAREER_PAGE, "career_page", N_("Career page"),
		N_("Applications through the company's own career page come from people already interested in the company, but only from those who are looking."),
		N_("Depends on traffic"), N_("Low cost"), N_("Active job seekers only"),
		CHANNEL_SPEED_VARIES, CHANNEL_LEVEL_LOW, CHANNEL_LEVEL_VARIES, false,
	},
	[CHANNEL_OTHER] = {
		CHANNEL_OTHER, "other", N_("Other channel"),
		N_("Any other source, such as print advertisements or the job centre."),
		N_("Varies"), N_("Varies"), N_("Varies"),
		CHANNEL_SPEED_VARIES, CHANNEL_LEVEL_VARIES, CHANNEL_LEVEL_VARIES, false,
	},
};

/* The codes again as a plain table for code_table_index(). */
static const char *const channel_codes[CHANNEL__COUNT] = {
	[CHANNEL_LINKEDIN] = "linkedin",
	[CHANNEL_EVENTS] = "events",
	[CHANNEL_JOB_PORTALS] = "job_portals",
	[CHANNEL_DIRECT_SEARCH] = "direct_search",
	[CHANNEL_REFERRALS] = "referrals",
	[CHANNEL_SEARCH_CONSULTANTS] = "search_consultants",
	[CHANNEL_CAREER_PAGE] = "career_page",
	[CHANNEL_OTHER] = "other",
};

static const char *const speed_codes[] = { "fast", "medium", "slow", "varies" };
static const char *const level_codes[] = { "low", "medium", "high", "varies" };

static const char *const referrer_kind_codes[REFERRER_KIND__COUNT] = {
	[REFERRER_EMPLOYEE] = "employee",
	[REFERRER_PARTNER] = "partner",
	[REFERRER_CUSTOMER] = "customer",
};

static const char *const referrer_kind_labels[REFERRER_KIND__COUNT] = {
	[REFERRER_EMPLOYEE] = N_("Employee"),
	[REFERRER_PARTNER] = N_("Business partner"),
	[REFERRER_CUSTOMER] = N_("Customer"),
};

static const char *const referral_status_codes[REFERRAL_STATUS__COUNT] = {
	[REFERRAL_PROPOSED] = "proposed",
	[REFERRAL_CONTACTED] = "contacted",
	[REFERRAL_HIRED] = "hired",
	[REFERRAL_BONUS_PAID] = "bonus_paid",
	[REFERRAL_DECLINED] = "declined",
};

static const char *const referral_status_labels[REFERRAL_STATUS__COUNT] = {
	[REFERRAL_PROPOSED] = N_("Proposed"),
	[REFERRAL_CONTACTED] = N_("Contacted"),
	[REFERRAL_HIRED] = N_("Hired"),
	[REFERRAL_BONUS_PAID] = N_("Bonus paid"),
	[REFERRAL_DECLINED] = N_("Declined"),
};

const struct channel_info *channel_info(enum channel c)
{
	return &catalogue[(unsigned)c < CHANNEL__COUNT ? c : CHANNEL_OTHER];
}

const char *channel_code(enum channel c)
{
	return (unsigned)c < CHANNEL__COUNT ? channel_codes[c] : "unknown";
}

const char *channel_label(enum channel c)
{
	return (unsigned)c < CHANNEL__COUNT ? catalogue[c].label : N_("Unknown");
}

bool channel_parse(const char *code, enum channel *out)
{
	int i = code_table_index(channel_codes, CHANNEL__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum channel)i;
	return true;
}

const char *channel_speed_code(enum channel_speed s)
{
	return (unsigned)s < sizeof speed_codes / sizeof speed_codes[0] ? speed_codes[s] : "unknown";
}

const char *channel_level_code(enum channel_level l)
{
	return (unsigned)l < sizeof level_codes / sizeof level_codes[0] ? level_codes[l] : "unknown";
}

const char *referrer_kind_code(enum referrer_kind k)
{
	return (unsigned)k < REFERRER_KIND__COUNT ? referrer_kind_codes[k] : "unknown";
}

const char *referrer_kind_label(enum referrer_kind k)
{
	return (unsigned)k < REFERRER_KIND__COUNT ? referrer_kind_labels[k] : N_("Unknown");
}

bool referrer_kind_parse(const char *code, enum referrer_kind *out)
{
	int i = code_table_index(referrer_kind_codes, REFERRER_KIND__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum referrer_kind)i;
	return true;
}

const char *referral_status_code(enum referral_status s)
{
	return (unsigned)s < REFERRAL_STATUS__COUNT ? referral_status_codes[s] : "unknown";
}

const char *referral_status_label(enum referral_status s)
{
	return (unsigned)s < REFERRAL_STATUS__COUNT ? referral_status_labels[s] : N_("Unknown");
}

bool referral_status_parse(const char *code, enum referral_status *out)
{
	int i = code_table_index(referral_status_codes, REFERRAL_STATUS__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum referral_status)i;
	return true;
}

/* --- helpers ----------------------------------------------------------------- */

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

static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static bool blank(const char *s, size_t size)
{
	for (size_t i = 0; i < size && s[i] != '\0'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\v' && s[i] != '\f')
			return false;
	return true;
}

/* The channel of a code field, or -1 when unknown or not terminated. */
static int channel_of(const char *code, size_t size)
{
	if (!terminated(code, size))
		return -1;
	return code_table_index(channel_codes, CHANNEL__COUNT, code);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether s is a real Gregorian date written YYYY-MM-DD (years 0001–9999). */
static bool calendar_date_valid(const char *s)
{
	static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return d <= 29;
	return d <= month_days[m - 1];
}

/* --- channel plan -------------------------------------------------------------- */

static void finding(struct channel_finding *out, size_t max, size_t *n, const char *rule, const char *message)
{
	if (*n < max) {
		out[*n].rule = rule;
		out[*n].message = message;
		(*n)++;
	}
}

size_t channel_plan_check(const struct channel_plan_item *items, size_t n, bool senior_role,
			  struct channel_finding *out, size_t max)
{
	bool planned[CHANNEL__COUNT] = { false };
	size_t distinct = 0, nout = 0;
	bool passive = false;

	if (out == NULL)
		max = 0;
	for (size_t i = 0; items != NULL && i < n; i++) {
		int c = channel_of(items[i].channel, sizeof items[i].channel);
		if (c < 0 || planned[c])
			continue;
		planned[c] = true;
		distinct++;
		if (catalogue[c].reaches_passive)
			passive = true;
	}
	if (distinct < MIN_CHANNELS)
		finding(out, max, &nout, "channels.single_channel",
			N_("Plan at least two channels: every channel has its strengths and weaknesses, and a combination raises the chance of success."));
	if (senior_role && !passive)
		finding(out, max, &nout, "channels.no_passive_reach",
			N_("No planned channel reaches passive candidates. Experienced key account managers are rarely looking for a job: add direct search, professional networks, referrals or a search consultant."));
	return nout;
}

size_t channel_plan_validate(const struct channel_plan_item *items, size_t n, struct field_problem *out, size_t max)
{
	struct problems ps = { out, out != NULL ? max : 0, 0 };
	bool seen[CHANNEL__COUNT] = { false };

	for (size_t i = 0; items != NULL && i < n; i++) {
		const struct channel_plan_item *it = &items[i];
		int c = channel_of(it->channel, sizeof it->channel);

		if (c < 0)
			problem(&ps, "channel", N_("Unknown channel."));
		else if (seen[c])
			problem(&ps, "channel", N_("This channel is already in the plan."));
		else
			seen[c] = true;
		if (it->budget_cents < 0)
			problem(&ps, "budget", N_("The budget must not be negative."));
		if (!terminated(it->start_date, sizeof it->start_date) ||
		    (it->start_date[0] != '\0' && !calendar_date_valid(it->start_date)))
			problem(&ps, "start_date", N_("The start date must be a date such as 2025-03-01."));
	}
	return ps.n;
}

/* --- referrals ------------------------------------------------------------------ */

size_t referral_validate(const struct referral *r, struct field_problem *out, size_t max)
{
	struct problems ps = { out, out != NULL ? max : 0, 0 };

	if (r == NULL)
		return 0;
	if ((unsigned)r->kind >= REFERRER_KIND__COUNT)
		problem(&ps, "referrer_kind", N_("Please choose who referred the candidate: an employee, a business partner or a customer."));
	if (!terminated(r->referrer_name, sizeof r->referrer_name) || blank(r->referrer_name, sizeof r->referrer_name))
		problem(&ps, "referrer_name", N_("Please enter the name of the person who made the referral."));
	if ((unsigned)r->status >= REFERRAL_STATUS__COUNT)
		problem(&ps, "status", N_("Unknown referral status."));
	if (r->bonus_cents < 0)
		problem(&ps, "bonus", N_("The bonus must not be negative."));
	else if (r->status == REFERRAL_BONUS_PAID && r->bonus_cents == 0)
		problem(&ps, "bonus", N_("Enter the bonus amount before marking it as paid."));
	return ps.n;
}

/* --- statistics ----------------------------------------------------------------- */

/* The channel a fact counts for: its own, or "other" for an unknown code. */
static int fact_channel(const struct channel_fact *f)
{
	int c = channel_of(f->channel, sizeof f->channel);

	return c < 0 ? CHANNEL_OTHER : c;
}

/* Whole days from application to hire of a hired fact in row `row`
 * (CHANNEL__COUNT = every channel); false when the fact does not count for
 * the median. */
static bool hire_days(const struct channel_fact *f, int row, int64_t *days)
{
	if (!f->hired || f->hired_at <= 0 || f->applied_at <= 0 || f->hired_at < f->applied_at)
		return false;
	if (row != CHANNEL__COUNT && fact_channel(f) != row)
		return false;
	*days = (f->hired_at - f->applied_at) / SECONDS_PER_DAY;
	return true;
}

/* The k-th smallest (0-based) of the row's hire durations; k < count. */
static int64_t kth_hire_days(const struct channel_fact *facts, size_t n, int row, size_t k)
{
	for (size_t i = 0; i < n; i++) {
		int64_t v, w;
		size_t less = 0, equal = 0;

		if (!hire_days(&facts[i], row, &v))
			continue;
		for (size_t j = 0; j < n; j++) {
			if (!hire_days(&facts[j], row, &w))
				continue;
			if (w < v)
				less++;
			else if (w == v)
				equal++;
		}
		if (less <= k && k < less + equal)
			return v;
	}
	return 0;   /* not reached for k < count */
}

static double median_hire_days(const struct channel_fact *facts, size_t n, int row)
{
	size_t count = 0;
	int64_t v;

	for (size_t i = 0; i < n; i++)
		if (hire_days(&facts[i], row, &v))
			count++;
	if (count == 0)
		return -1;
	if (count % 2 == 1)
		return (double)kth_hire_days(facts, n, row, count / 2);
	return ((double)kth_hire_days(facts, n, row, count / 2 - 1) +
		(double)kth_hire_days(facts, n, row, count / 2)) / 2.0;
}

/* num / den in per mille, rounded half up; CHANNEL_NA when den is 0. */
static int per_mille(int num, int den)
{
	if (den <= 0)
		return CHANNEL_NA;
	return (int)(((int64_t)num * 1000 + den / 2) / den);
}

static void count_fact(struct channel_stats *r, bool interviewed, bool offered, bool hired, int64_t cost_cents)
{
	r->candidates++;
	r->interviews += interviewed;
	r->offers += offered;
	r->hires += hired;
	r->cost_cents += cost_cents;
}

static void finish_row(struct channel_stats *r, const struct channel_fact *facts, size_t nfacts, int row)
{
	r->interview_per_mille = per_mille(r->interviews, r->candidates);
	r->offer_per_mille = per_mille(r->offers, r->interviews);
	r->hire_per_mille = per_mille(r->hires, r->offers);
	r->median_days_to_hire = r->hires > 0 ? median_hire_days(facts, nfacts, row) : -1;
	r->cost_per_hire_cents = r->hires > 0 ? (r->cost_cents + r->hires / 2) / r->hires : CHANNEL_NA;
}

size_t channel_stats_compute(const struct channel_fact *facts, size_t nfacts, const struct channel_budget *budgets,
			     size_t nbudgets, struct channel_stats *out, size_t max)
{
	struct channel_stats rows[CHANNEL_STATS_ROWS];
	size_t nout;

	if (out == NULL)
		return 0;
	if (facts == NULL)
		nfacts = 0;
	if (budgets == NULL)
		nbudgets = 0;
	memset(rows, 0, sizeof rows);
	for (int c = 0; c < CHANNEL_STATS_ROWS; c++) {
		rows[c].channel = (enum channel)c;
		rows[c].code = c < CHANNEL__COUNT ? channel_codes[c] : "all";
	}

	for (size_t i = 0; i < nfacts; i++) {
		const struct channel_fact *f = &facts[i];
		int c = fact_channel(f);
		bool hired = f->hired;
		bool offered = hired || f->offered;
		bool interviewed = offered || f->reached_first_interview;

		count_fact(&rows[c], interviewed, offered, hired, f->cost_cents);
		count_fact(&rows[CHANNEL__COUNT], interviewed, offered, hired, f->cost_cents);
	}
	for (size_t i = 0; i < nbudgets; i++) {
		int c = channel_of(budgets[i].channel, sizeof budgets[i].channel);
		if (c < 0)
			c = CHANNEL_OTHER;
		rows[c].cost_cents += budgets[i].budget_cents;
		rows[CHANNEL__COUNT].cost_cents += budgets[i].budget_cents;
	}

	nout = max < CHANNEL_STATS_ROWS ? max : CHANNEL_STATS_ROWS;
	for (size_t r = 0; r < nout; r++) {
		finish_row(&rows[r], facts, nfacts, (int)r);
		out[r] = rows[r];
	}
	return nout;
}
