/*
 * hiring_plan.c — the hiring plan of a position (R-TIME-1..3): phases, week
 * overrides, best/worst dates in working days, factors, and actual progress
 * with forecast and status (R-TIME-2). See hiring_plan.h.
 */
#include "core/hiring_plan.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/holidays.h"
#include "core/i18n_mark.h"

const struct phase_def HIRING_PHASES[HIRING_PHASE__COUNT] = {
	{ "ad_search", "Ausschreibung und erste Suche", N_("Job ad and first search"), 1, 2, false },
	{ "search_prequalification", "Suche und Vorqualifikation", N_("Search and pre-qualification"), 2, 4, false },
	{ "interviews_selection", "Interviews und Auswahl", N_("Interviews and selection"), 2, 3, true },
	{ "negotiation", "Vertragsverhandlung", N_("Contract negotiation"), 1, 2, true },
};

const char *hiring_phase_key(enum hiring_phase p)
{
	return (unsigned)p < HIRING_PHASE__COUNT ? HIRING_PHASES[p].key : NULL;
}

const char *hiring_phase_label(enum hiring_phase p)
{
	return (unsigned)p < HIRING_PHASE__COUNT ? HIRING_PHASES[p].label : NULL;
}

bool hiring_phase_parse(const char *key, enum hiring_phase *out)
{
	if (key == NULL)
		return false;
	for (int p = 0; p < HIRING_PHASE__COUNT; p++)
		if (strcmp(key, HIRING_PHASES[p].key) == 0) {
			*out = (enum hiring_phase)p;
			return true;
		}
	return false;
}

/* --- week ranges ------------------------------------------------------------ */

void phase_weeks_default(struct phase_weeks *out)
{
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		out->min[p] = HIRING_PHASES[p].min_weeks;
		out->max[p] = HIRING_PHASES[p].max_weeks;
	}
}

static bool range_valid(int lo, int hi)
{
	return lo >= PHASE_WEEKS_MIN && lo <= hi && hi <= PHASE_WEEKS_MAX;
}

bool phase_weeks_valid(const struct phase_weeks *w)
{
	for (int p = 0; p < HIRING_PHASE__COUNT; p++)
		if (!range_valid(w->min[p], w->max[p]))
			return false;
	return true;
}

static bool fail(struct phase_weeks_problem *err, const char *field, const char *message)
{
	if (err != NULL) {
		snprintf(err->field, sizeof err->field, "%s", field);
		err->message = message;
	}
	return false;
}

bool phase_weeks_from_json(const char *json, struct phase_weeks *out, struct phase_weeks_problem *err)
{
	struct phase_weeks w;
	json_error_t jerr;
	json_t *root;
	const char *key;
	json_t *val;
	bool ok = true;

	phase_weeks_default(out);
	phase_weeks_default(&w);
	if (err != NULL) {
		err->field[0] = '\0';
		err->message = NULL;
	}
	if (json == NULL || json[0] == '\0')
		return true;
	root = json_loads(json, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL || !json_is_object(root)) {
		json_decref(root);
		return fail(err, "phase_weeks", N_("Phase durations must be a JSON object of phases and [min, max] weeks."));
	}
	json_object_foreach(root, key, val) {
		enum hiring_phase p;
		if (!hiring_phase_parse(key, &p)) {
			ok = fail(err, key, N_("Unknown phase."));
			break;
		}
		if (!json_is_array(val) || json_array_size(val) != 2 || !json_is_integer(json_array_get(val, 0)) ||
		    !json_is_integer(json_array_get(val, 1))) {
			ok = fail(err, key, N_("Give the phase's duration as [min, max] whole weeks."));
			break;
		}
		json_int_t lo = json_integer_value(json_array_get(val, 0));
		json_int_t hi = json_integer_value(json_array_get(val, 1));
		if (lo < PHASE_WEEKS_MIN || hi > PHASE_WEEKS_MAX || lo > hi) {
			ok = fail(err, key, N_("A phase lasts 1 to 26 weeks, and its minimum is not above its maximum."));
			break;
		}
		w.min[p] = (int)lo;
		w.max[p] = (int)hi;
	}
	json_decref(root);
	if (ok)
		*out = w;
	return ok;
}

bool phase_weeks_to_json(const struct phase_weeks *w, char *out, size_t n)
{
	size_t len = 0;
	bool first = true;
	int k;

	if (n == 0)
		return false;
	out[0] = '\0';
	if (!phase_weeks_valid(w))
		return false;
	k = snprintf(out, n, "{");
	len = (size_t)k;
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		if (w->min[p] == HIRING_PHASES[p].min_weeks && w->max[p] == HIRING_PHASES[p].max_weeks)
			continue;
		if (len >= n)
			break;
		k = snprintf(out + len, n - len, "%s\"%s\":[%d,%d]", first ? "" : ",", HIRING_PHASES[p].key,
			     w->min[p], w->max[p]);
		len += (size_t)k;
		first = false;
	}
	if (len < n) {
		k = snprintf(out + len, n - len, "}");
		len += (size_t)k;
	}
	if (len >= n) {
		out[0] = '\0';
		return false;
	}
	return true;
}

/* --- plan --------------------------------------------------------------------- */

struct counting {
	const char *state;
	calendar_blocked_fn blocked;    /* NULL in phases without deciders */
	void *ctx;
};

static struct counting counting_for(const struct hiring_plan_input *in, int phase)
{
	struct counting c = { in->state, NULL, NULL };
	if (HIRING_PHASES[phase].needs_deciders && in->decider_absent != NULL) {
		c.blocked = in->decider_absent;
		c.ctx = in->decider_ctx;
	}
	return c;
}

/* A span of `days` counted days whose first day is the first counted day on
 * or after `from`. */
static struct day_span span_from(int32_t from, int days, const struct counting *c)
{
	struct day_span s;
	s.start = calendar_add_working_days(from, 0, c->state, c->blocked, c->ctx);
	s.end = days > 1 ? calendar_add_working_days(s.start, days - 1, c->state, c->blocked, c->ctx) : s.start;
	return s;
}

/* The span of phase p starting on the first counted day after prev_end. */
static struct day_span span_after(const struct hiring_plan_input *in, int p, int32_t prev_end, int weeks)
{
	struct counting c = counting_for(in, p);
	return span_from(prev_end + 1, weeks * HIRING_DAYS_PER_WEEK, &c);
}

static void chain(const struct hiring_plan_input *in, const struct phase_weeks *w, bool worst, struct day_span *out)
{
	int32_t prev = in->start_day - 1;
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		out[p] = span_after(in, p, prev, worst ? w->max[p] : w->min[p]);
		prev = out[p].end;
	}
}

static void add_factor(struct hiring_plan *out, const char *code, enum plan_factor_kind kind, const char *message,
		       int count)
{
	if (out->nfactors >= PLAN_FACTORS_MAX)
		return;
	struct plan_factor *f = &out->factors[out->nfactors++];
	f->code = code;
	f->kind = kind;
	f->message = message;
	f->count = count;
}

void hiring_plan_compute(const struct hiring_plan_input *in, struct hiring_plan *out)
{
	struct phase_weeks w = in->weeks;
	bool summer = false;

	memset(out, 0, sizeof *out);
	if (!phase_weeks_valid(&w))
		phase_weeks_default(&w);
	chain(in, &w, false, out->best);
	chain(in, &w, true, out->worst);
	out->start = out->best[0].start;
	out->best_end = out->best[HIRING_PHASE__COUNT - 1].end;
	out->worst_end = out->worst[HIRING_PHASE__COUNT - 1].end;

	for (int32_t d = out->start; d <= out->worst_end; d++) {
		int month;
		calendar_ymd_from_day(d, NULL, &month, NULL);
		if (month == 7 || month == 8)
			summer = true;
		if (!calendar_is_weekend(d) && !calendar_is_working_day(d, in->state))
			out->holidays_skipped++;
	}
	/* the window in which phases 3 and 4 may run: after the best end of phase 2 */
	if (in->decider_absent != NULL)
		for (int32_t d = out->best[PHASE_SEARCH_PREQUALIFICATION].end + 1; d <= out->worst_end; d++)
			if (calendar_is_working_day(d, in->state) && in->decider_absent(in->decider_ctx, d))
				out->absence_days_skipped++;

	/* delays (the seed: unclear requirements, too many deciders, holiday seasons) */
	if (in->ndeciders > HIRING_MANY_DECIDERS)   /* R-TIME-3 */
		add_factor(out, "plan.many_deciders", FACTOR_DELAY,
			   N_("More than four deciders: long coordination slows the process down."), in->ndeciders);
	if (!in->profile_approved)
		add_factor(out, "plan.profile_not_approved", FACTOR_DELAY,
			   N_("The requirements profile is not approved yet: unclear requirements delay the search."), 0);
	if (!in->salary_band_set)
		add_factor(out, "plan.no_salary_band", FACTOR_DELAY,
			   N_("No salary band set: negotiations take longer without agreed conditions."), 0);
	if (summer)
		add_factor(out, "plan.summer_holidays", FACTOR_DELAY,
			   N_("The plan runs through July or August: holiday season delays interviews and decisions."), 0);
	if (out->holidays_skipped > 0)
		add_factor(out, "plan.holidays_in_window", FACTOR_DELAY,
			   N_("Public holidays of the Bundesland fall into the plan and push it back."),
			   out->holidays_skipped);
	if (out->absence_days_skipped > 0)
		add_factor(out, "plan.decider_absences", FACTOR_DELAY,
			   N_("Deciders are absent during interviews or negotiation; those days do not count."),
			   out->absence_days_skipped);
	/* accelerators (the seed: a precise profile) */
	if (in->profile_approved)
		add_factor(out, "plan.profile_approved", FACTOR_ACCELERATOR,
			   N_("An approved, precise requirements profile speeds the process up."), 0);
}

const char *plan_factor_kind_code(enum plan_factor_kind k)
{
	return k == FACTOR_ACCELERATOR ? "accelerator" : "delay";
}

/* --- progress ------------------------------------------------------------------ */

const char *plan_status_code(enum plan_status s)
{
	static const char *const codes[PLAN_STATUS__COUNT] = { "not_started", "on_track", "behind", "ahead" };
	return (unsigned)s < PLAN_STATUS__COUNT ? codes[s] : "";
}

const char *plan_status_label(enum plan_status s)
{
	static const char *const labels[PLAN_STATUS__COUNT] = {
		N_("Not started"), N_("On track"), N_("Behind plan"), N_("Ahead of plan"),
	};
	return (unsigned)s < PLAN_STATUS__COUNT ? labels[s] : "";
}

static const struct day_span NO_SPAN = { HIRING_DAY_NONE, HIRING_DAY_NONE };

static int32_t max32(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

void hiring_progress_compute(const struct hiring_plan_input *in, const struct hiring_plan *plan,
			     const struct hiring_milestones *m, int32_t today, struct hiring_progress *out)
{
	int32_t ms[HIRING_PHASE__COUNT] = { m->start, m->first_application, m->first_interview, m->first_offer };
	struct phase_weeks w = in->weeks;

	if (!phase_weeks_valid(&w))
		phase_weeks_default(&w);
	memset(out, 0, sizeof *out);
	out->running = -1;
	out->status = PLAN_STATUS_NOT_STARTED;
	out->forecast_best_end = out->forecast_worst_end = HIRING_DAY_NONE;
	for (int p = 0; p < HIRING_PHASE__COUNT; p++)
		out->actual[p] = out->forecast_best[p] = out->forecast_worst[p] = NO_SPAN;
	if (m->start == HIRING_DAY_NONE || today < m->start)
		return;
	out->hired = m->hired != HIRING_DAY_NONE;

	/* actual spans */
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		if (ms[p] == HIRING_DAY_NONE)
			continue;
		int32_t next = HIRING_DAY_NONE;
		for (int q = p + 1; q < HIRING_PHASE__COUNT && next == HIRING_DAY_NONE; q++)
			next = ms[q];
		if (next == HIRING_DAY_NONE)
			next = m->hired;
		out->actual[p].start = ms[p];
		if (next != HIRING_DAY_NONE) {
			out->done[p] = true;
			out->actual[p].end = max32(ms[p], next - 1);
		} else {
			out->running = p;
			out->actual[p].end = max32(ms[p], today);
		}
	}

	if (out->hired) {
		for (int p = 0; p < HIRING_PHASE__COUNT; p++)
			out->forecast_best[p] = out->forecast_worst[p] = out->actual[p];
		out->forecast_best_end = out->forecast_worst_end = m->hired;
		if (m->hired > plan->worst_end) {
			out->status = PLAN_STATUS_BEHIND;
			out->days_behind = calendar_working_days_between(plan->worst_end, m->hired, in->state, NULL, NULL);
		} else if (m->hired < plan->best_end) {
			out->status = PLAN_STATUS_AHEAD;
		} else {
			out->status = PLAN_STATUS_ON_TRACK;
		}
		return;
	}

	int r = out->running;   /* ≥ 0: phase 1 has its start */
	for (int p = 0; p < r; p++)
		out->forecast_best[p] = out->forecast_worst[p] = out->actual[p];
	struct counting c = counting_for(in, r);
	struct day_span b = span_from(ms[r], w.min[r] * HIRING_DAYS_PER_WEEK, &c);
	struct day_span wo = span_from(ms[r], w.max[r] * HIRING_DAYS_PER_WEEK, &c);
	int32_t worst_planned_end = wo.end;
	b.start = wo.start = ms[r];
	b.end = max32(b.end, today);
	wo.end = max32(wo.end, today);
	out->forecast_best[r] = b;
	out->forecast_worst[r] = wo;
	for (int p = r + 1; p < HIRING_PHASE__COUNT; p++) {
		out->forecast_best[p] = span_after(in, p, out->forecast_best[p - 1].end, w.min[p]);
		out->forecast_worst[p] = span_after(in, p, out->forecast_worst[p - 1].end, w.max[p]);
	}
	out->forecast_best_end = out->forecast_best[HIRING_PHASE__COUNT - 1].end;
	out->forecast_worst_end = out->forecast_worst[HIRING_PHASE__COUNT - 1].end;

	if (today > worst_planned_end) {
		out->status = PLAN_STATUS_BEHIND;
		out->days_behind = calendar_working_days_between(worst_planned_end, today, in->state, NULL, NULL);
	} else if (r > 0 && ms[r] < plan->best[r].start) {
		out->status = PLAN_STATUS_AHEAD;
	} else {
		out->status = PLAN_STATUS_ON_TRACK;
	}
}
