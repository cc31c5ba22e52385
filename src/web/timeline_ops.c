/*
 * timeline_ops.c — a position's timeline for the page and the API; see
 * timeline_ops.h.
 */
#include "web/timeline_ops.h"

#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "util/i18n.h"

/* calendar_blocked_fn over the deciders' absences in the facts. */
static bool decider_absent(void *ctx, int32_t day)
{
	const struct timeline_facts *f = ctx;
	return absence_list_covers(f->absences, f->nabsences, 0, day);
}

/* The weekday holidays of state within first … last, in date order. */
static void collect_holidays(struct timeline *t, int32_t first, int32_t last)
{
	int y1, y2;
	calendar_ymd_from_day(first, &y1, NULL, NULL);
	calendar_ymd_from_day(last, &y2, NULL, NULL);
	t->nskipped = 0;
	for (int y = y1; y <= y2; y++) {
		struct holiday list[HOLIDAYS_MAX];
		size_t n = holidays_list(y, t->state, list, HOLIDAYS_MAX);
		n = n < HOLIDAYS_MAX ? n : HOLIDAYS_MAX;
		for (size_t i = 0; i < n && t->nskipped < TIMELINE_HOLIDAYS_MAX; i++) {
			if (list[i].day < first || list[i].day > last || calendar_is_weekend(list[i].day))
				continue;
			/* two feasts on one day (Himmelfahrt on 1 May) skip one working day: list it once */
			if (t->nskipped && t->skipped[t->nskipped - 1].day == list[i].day)
				continue;
			t->skipped[t->nskipped++] = list[i];
		}
	}
}

void timeline_compute(const struct timeline_facts *f, int64_t now, struct timeline *t)
{
	memset(t, 0, sizeof *t);
	t->today = calendar_day_of_unix_berlin(now);
	t->default_start = f->ad_published_day != TIMELINE_NO_DAY ? f->ad_published_day : t->today;
	t->planned = f->has_plan;
	t->state = holiday_state_normalize(f->state);

	struct hiring_plan_input *in = &t->in;
	in->start_day = f->has_plan ? f->start_day : t->default_start;
	in->state = t->state;
	if (!phase_weeks_from_json(f->phase_weeks, &in->weeks, NULL))
		t->weeks_stored_invalid = true;    /* in->weeks holds the defaults then */
	in->decider_absent = f->nabsences ? decider_absent : NULL;
	in->decider_ctx = (void *)f;
	in->ndeciders = f->ndeciders;
	in->salary_band_set = f->salary_band_set;
	in->profile_approved = f->profile_approved;
	hiring_plan_compute(in, &t->plan);

	t->milestones.start = f->has_plan ? f->start_day : f->ad_published_day;
	t->milestones.first_application = f->first_application_day;
	t->milestones.first_interview = f->first_interview_day;
	t->milestones.first_offer = f->first_offer_day;
	t->milestones.hired = f->hired_day;
	hiring_progress_compute(in, &t->plan, &t->milestones, t->today, &t->progress);

	collect_holidays(t, t->plan.start, t->plan.worst_end);
	t->push_from = t->plan.best[PHASE_INTERVIEWS_SELECTION].start;
	t->push_to = t->plan.worst[PHASE_NEGOTIATION].end;
}

bool timeline_absence_pushes(const struct timeline *t, const struct absence *a)
{
	int32_t from = a->from_day > t->push_from ? a->from_day : t->push_from;
	int32_t to = a->to_day < t->push_to ? a->to_day : t->push_to;
	for (int32_t d = from; d <= to; d++)
		if (calendar_is_working_day(d, t->state))
			return true;
	return false;
}

bool timeline_absence_in_plan(const struct timeline *t, const struct absence *a)
{
	return a->to_day >= t->plan.start && a->from_day <= t->plan.worst_end;
}

const char *timeline_holiday_name(const struct request *r, const struct holiday *h)
{
	return r->lang == LANG_EN ? h->name_en : h->name_de;
}

const char *timeline_day_text(struct request *r, int32_t day)
{
	char text[32];
	if (day == TIMELINE_NO_DAY)
		return "–";
	/* noon UTC lies on the same date in every server time zone i18n may use */
	i18n_format_date(text, sizeof text, (time_t)day * 86400 + 43200, r->lang);
	return arena_strdup(&r->arena, text);
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *jday(int32_t day)
{
	char iso[CALENDAR_ISO_LEN];
	return day == HIRING_DAY_NONE ? json_null() : json_string(calendar_format_iso(day, iso));
}

static json_t *jtext(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *span_json(const char *key, const struct day_span *best, const struct day_span *worst)
{
	return json_pack("{s:s, s:o, s:o, s:o, s:o}", "key", key, "best_start", jday(best->start), "best_end",
			 jday(best->end), "worst_start", jday(worst->start), "worst_end", jday(worst->end));
}

static json_t *plan_json(const struct timeline_facts *f, const struct timeline *t)
{
	json_t *phases = json_array(), *factors = json_array();
	for (int p = 0; p < HIRING_PHASE__COUNT; p++) {
		const struct phase_def *d = &HIRING_PHASES[p];
		json_t *ph = span_json(d->key, &t->plan.best[p], &t->plan.worst[p]);
		json_object_set_new(ph, "name", json_string(d->name_de));
		json_object_set_new(ph, "label", json_string(_(d->label)));
		json_object_set_new(ph, "min_weeks", json_integer(t->in.weeks.min[p]));
		json_object_set_new(ph, "max_weeks", json_integer(t->in.weeks.max[p]));
		json_object_set_new(ph, "needs_deciders", json_boolean(d->needs_deciders));
		json_array_append_new(phases, ph);
	}
	for (size_t i = 0; i < t->plan.nfactors; i++) {
		const struct plan_factor *pf = &t->plan.factors[i];
		json_array_append_new(factors, json_pack("{s:s, s:s, s:o, s:i}", "rule", pf->code, "kind",
							 plan_factor_kind_code(pf->kind), "message", jtext(_(pf->message)),
							 "count", pf->count));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "start", jday(t->plan.start), "note",
			 jtext(f->has_plan ? f->note : ""), "phases", phases, "best_end", jday(t->plan.best_end), "worst_end",
			 jday(t->plan.worst_end), "factors", factors);
}

static json_t *actual_json(const struct timeline *t)
{
	json_t *arr = json_array();
	for (int p = 0; p < HIRING_PHASE__COUNT; p++)
		json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:b, s:b}", "key", HIRING_PHASES[p].key, "start",
						     jday(t->progress.actual[p].start), "end",
						     jday(t->progress.actual[p].end), "done", t->progress.done[p],
						     "running", t->progress.running == p));
	return arr;
}

static json_t *forecast_json(const struct timeline *t)
{
	json_t *phases = json_array();
	for (int p = 0; p < HIRING_PHASE__COUNT; p++)
		json_array_append_new(phases, span_json(HIRING_PHASES[p].key, &t->progress.forecast_best[p],
							&t->progress.forecast_worst[p]));
	return json_pack("{s:o, s:o, s:i, s:b, s:o}", "best_end", jday(t->progress.forecast_best_end), "worst_end",
			 jday(t->progress.forecast_worst_end), "days_behind", t->progress.days_behind, "hired",
			 t->progress.hired, "phases", phases);
}

json_t *timeline_json(struct request *r, const struct timeline_facts *f, const struct timeline *t)
{
	(void)r;
	json_t *holidays = json_array(), *absences = json_array();
	for (size_t i = 0; i < t->nskipped; i++)
		json_array_append_new(holidays, json_pack("{s:o, s:s, s:s, s:s}", "date", jday(t->skipped[i].day), "key",
							  t->skipped[i].key, "name", t->skipped[i].name_de, "name_en",
							  t->skipped[i].name_en));
	for (size_t i = 0; i < f->nabsences; i++) {
		const struct absence *a = &f->absences[i];
		if (!timeline_absence_in_plan(t, a))
			continue;
		json_array_append_new(absences, json_pack("{s:I, s:I, s:o, s:o, s:o, s:o, s:b}", "id", (json_int_t)a->id,
							  "user_id", (json_int_t)a->user_id, "user", jtext(a->user_display),
							  "from", jday(a->from_day), "to", jday(a->to_day), "note",
							  jtext(a->note), "pushes", timeline_absence_pushes(t, a)));
	}
	return json_pack("{s:I, s:o, s:b, s:o, s:o, s:o, s:o, s:s, s:o, s:i, s:o}", "position_id",
			 (json_int_t)f->position_id, "state", jtext(t->state), "plan_set", t->planned, "today",
			 jday(t->today), "plan", plan_json(f, t), "actual", actual_json(t), "forecast",
			 forecast_json(t), "status", plan_status_code(t->progress.status), "holidays_skipped", holidays,
			 "deciders", f->ndeciders, "decider_absences", absences);
}
