/*
 * timeline_ops.h — a position's timeline computed once for the page and
 * the API (R-TIME-1..3), so both show the same dates: the hiring plan from
 * its start day (best and worst dates in working days of the Bundesland,
 * phases 3 and 4 pushed by the deciders' absences), the public holidays
 * that were skipped, the factors, the actual phases from the pipeline
 * milestones, the forecast and the status (core/hiring_plan.h decides all
 * of it; this file only feeds it and writes the JSON).
 */
#ifndef STELLWERK_WEB_TIMELINE_OPS_H
#define STELLWERK_WEB_TIMELINE_OPS_H

#include <jansson.h>

#include "core/hiring_plan.h"
#include "core/holidays.h"
#include "web/request.h"
#include "web/timeline_data.h"

/* Holidays listed at most (12 weeks hold a handful; long overrides more). */
#define TIMELINE_HOLIDAYS_MAX 64

struct timeline {
	bool planned;                       /* the start day is stored (else the default start is used) */
	int32_t today;                      /* Europe/Berlin */
	int32_t default_start;              /* the ad's publication, else today */
	const char *state;                  /* "BY" …, NULL = nationwide holidays only */
	struct hiring_plan_input in;        /* in.decider_ctx points at the facts */
	bool weeks_stored_invalid;          /* stored overrides did not parse: the seed's ranges are used */
	struct hiring_plan plan;
	struct hiring_milestones milestones;
	struct hiring_progress progress;
	struct holiday skipped[TIMELINE_HOLIDAYS_MAX]; /* weekday holidays within start … worst end */
	size_t nskipped;
	int32_t push_from, push_to;         /* phases 3–4, worst case: where absences push */
};

/* Computes the timeline of f for now (Unix seconds). f must outlive t
 * (the absence predicate reads it). */
void timeline_compute(const struct timeline_facts *f, int64_t now, struct timeline *t);

/* Whether absence a falls into the days where deciders are needed (phases
 * 3 and 4, worst case) on at least one working day. */
bool timeline_absence_pushes(const struct timeline *t, const struct absence *a);

/* Whether absence a overlaps the plan (start … worst end). */
bool timeline_absence_in_plan(const struct timeline *t, const struct absence *a);

/* The holiday's name in the request's language. */
const char *timeline_holiday_name(const struct request *r, const struct holiday *h);
/* A day as the page shows it ("28.12.2026" / "28 Dec 2026"); arena string. */
const char *timeline_day_text(struct request *r, int32_t day);

/* The API document of GET /api/v1/positions/{id}/timeline (docs/api.md). */
json_t *timeline_json(struct request *r, const struct timeline_facts *f, const struct timeline *t);

#endif
