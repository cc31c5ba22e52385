/*
 * offers.h — budget bands of positions and offers with their versions
 * (R-OFFER-1, R-TIME-4).
 *
 * A budget band is the range of fixed annual salary (whole EUR) a position
 * may offer; the position's CFO stakeholder or an admin sets it (the caller
 * checks who may). An offer belongs to one application and has a status
 * (draft → sent → accepted | declined | withdrawn) and one or more versions,
 * the negotiation history. A version is immutable once written (a trigger
 * refuses any change) except for its approval (approved_by, approved_at),
 * which a version outside the band needs before it can be sent; whether it
 * is outside, and which status moves are allowed, is decided by the caller
 * with core/offer.h. The store refuses only what can never be right: a
 * change to a closed offer, an unknown code, a second open offer for the
 * same application.
 *
 * Accepting is one unit of work: the offer's status and closed_at, the move
 * of the application into the hired stage (store_application_move; the
 * caller checks the move with pipeline_check_move first) and the hire row
 * (store/hires.h) with the start day of the latest version. Every write is
 * one unit of work with its audit row (R-X-4). Amounts are whole EUR per
 * year; days are day numbers (days since 1970-01-01, core/calendar.h).
 */
#ifndef STELLWERK_STORE_OFFERS_H
#define STELLWERK_STORE_OFFERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/notice.h"
#include "core/offer.h"
#include "core/pipeline.h"
#include "core/position.h"
#include "store/store.h"
#include "store/users.h"

/* Text limits and the salary maximum are those of core/offer.h
 * (OFFER_BENEFITS_MAX, OFFER_NOTE_MAX, OFFER_SALARY_MAX), notice weeks
 * those of core/notice.h (NOTICE_WEEKS_MAX). */
#define OFFER_SALARY_LIMIT (OFFER_SALARY_MAX + 1) /* amounts are below this */
#define OFFER_STATUS_MAX 16               /* "withdrawn" incl. NUL */
#define OFFER_CODE_MAX 32                 /* contract type / notice rule code incl. NUL */

/* The budget band of one position. */
struct budget_band {
	int64_t position_id;
	int64_t min_salary;               /* EUR per year, >= 0 */
	int64_t max_salary;               /* EUR per year, >= min_salary */
	char currency[4];                 /* "EUR" ("" on set means "EUR") */
	int64_t set_by;                   /* read only: user id, 0 for the command line */
	char set_by_name[USER_DISPLAY_MAX]; /* read only: display name, else user name; "" for the command line */
	int64_t set_at;                   /* read only */
};

/* The band of position_id; STORE_NOT_FOUND when none is set. */
enum store_rc store_budget_band_get(struct store *s, int64_t position_id, struct budget_band *out);
/* Sets (inserts or replaces) the band b->position_id, audited with old and
 * new values; sets b->set_by and b->set_at. STORE_INVALID for an unknown
 * position, min < 0, max < min, max > OFFER_SALARY_MAX or a currency
 * other than "EUR"/"". */
enum store_rc store_budget_band_set(struct store *s, const struct actor *who, struct budget_band *b, int64_t now);
/* Removes the band of position_id (audited). STORE_NOT_FOUND when none. */
enum store_rc store_budget_band_delete(struct store *s, const struct actor *who, int64_t position_id, int64_t now);

/*
 * One version of an offer. Codes are those of core/offer.h and core/notice.h
 * (contract_type: permanent_full_time, permanent_part_time,
 * fixed_term_full_time, fixed_term_part_time; notice_rule:
 * weeks_to_15_or_month_end, weeks_to_month_end, weeks_to_quarter_end,
 * weeks_plain); the store refuses other codes (contract_type_parse,
 * notice_rule_parse) but checks nothing else of the content (band, start
 * day: core/offer.h). start_day 0 = not set yet.
 */
struct offer_version {
	int64_t id;                       /* read only */
	int64_t offer_id;                 /* read only */
	int version;                      /* read only: 1, 2, ... per offer */
	int64_t fixed_salary;             /* EUR per year, 0 .. OFFER_SALARY_MAX */
	int64_t variable_salary;          /* EUR per year at 100 % target, 0 .. OFFER_SALARY_MAX */
	char benefits[OFFER_BENEFITS_MAX + 1];
	int32_t start_day;                /* day number of the first working day; 0 = open */
	char contract_type[OFFER_CODE_MAX];
	char notice_rule[OFFER_CODE_MAX]; /* of the candidate's current contract */
	int notice_weeks;                 /* 0 .. NOTICE_WEEKS_MAX */
	char note[OFFER_NOTE_MAX + 1];
	int64_t approved_by;              /* read only: user id; 0 = not approved */
	char approved_by_name[USER_DISPLAY_MAX]; /* read only */
	int64_t approved_at;              /* read only: 0 = not approved */
	int64_t created_by;               /* read only: user id, 0 for the command line */
	char created_by_name[USER_DISPLAY_MAX]; /* read only */
	int64_t created_at;               /* read only */
};

/* One offer with what lists show of its application. */
struct offer {
	int64_t id;
	int64_t application_id;
	char status[OFFER_STATUS_MAX];    /* draft, sent, accepted, declined, withdrawn (offer_status_parse) */
	int64_t created_by;               /* user id, 0 for the command line */
	int64_t created_at;
	int64_t closed_at;                /* 0 while draft or sent */
	/* read only, joined: */
	int64_t candidate_id;
	int64_t position_id;
	char first_name[101];
	char last_name[101];
	char position_title[POSITION_TITLE_MAX + 1];
	int64_t salary_expectation;       /* the candidate's stated expectation (EUR/year); 0 = none stated */
	int notice_period_weeks;          /* the candidate's notice period; -1 = unknown */
};

/* An offer in a list, with its latest version. */
struct offer_summary {
	struct offer o;
	struct offer_version latest;
	int nversions;
};

/* Creates an offer in status "draft" for application_id with *first as
 * version 1; sets *offer_id (may be NULL) and first->id, ->offer_id,
 * ->version, ->created_by, ->created_at. STORE_INVALID for an unknown
 * application or a version the store cannot keep (amount out of range,
 * empty/malformed code, text too long or not UTF-8, notice weeks out of
 * range); STORE_CONFLICT when the application already has an open (draft or
 * sent) offer. */
enum store_rc store_offer_create(struct store *s, const struct actor *who, int64_t application_id,
				 struct offer_version *first, int64_t now, int64_t *offer_id);

/* Adds *v as the next version (highest + 1) of offer_id; sets v->id,
 * ->offer_id, ->version, ->created_by, ->created_at. The offer keeps its
 * status (a sent offer with a new version is the caller's to re-send).
 * STORE_NOT_FOUND for no such offer; STORE_INVALID for a closed offer or a
 * version the store cannot keep (as in store_offer_create). */
enum store_rc store_offer_add_version(struct store *s, const struct actor *who, int64_t offer_id,
				      struct offer_version *v, int64_t now);

/* Approves version version_id: approved_by = who->user_id (NULL for the
 * command line), approved_at = now. The caller checks that who is the
 * position's CFO stakeholder or an admin. STORE_NOT_FOUND for no such
 * version; STORE_INVALID when its offer is closed; STORE_CONFLICT when it is
 * already approved. */
enum store_rc store_offer_version_approve(struct store *s, const struct actor *who, int64_t version_id,
					  int64_t now);

/* Sets the status of offer_id to "draft", "sent", "declined" or "withdrawn"
 * (declined and withdrawn also set closed_at = now). The caller checks the
 * transition with core/offer.h first. STORE_NOT_FOUND for no such offer;
 * STORE_INVALID for "accepted" (use store_offer_accept), an unknown code, an
 * unchanged status, or an offer already closed. */
enum store_rc store_offer_set_status(struct store *s, const struct actor *who, int64_t offer_id,
				     const char *status, int64_t now);

/*
 * Accepts offer_id in one unit of work: status "accepted", closed_at = now;
 * moves its application into hired_stage (NULL or "" = "hired") with
 * store_application_move unless it is already there; creates the hire
 * (store/hires.h) with the start day of the latest version and
 * manager_user_id (0 = none). Sets *hire_id (may be NULL). The caller has
 * checked the move with pipeline_check_move and the status transition with
 * core/offer.h. If any part fails nothing changes: STORE_NOT_FOUND for no
 * such offer; STORE_INVALID for an offer already closed, an unknown manager
 * or a refused move; STORE_CONFLICT when the application already has a hire.
 */
enum store_rc store_offer_accept(struct store *s, const struct actor *who, int64_t offer_id, const char *hired_stage,
				 int64_t manager_user_id, int64_t now, int64_t *hire_id);

/* The offer id (joined fields filled). STORE_NOT_FOUND when none. */
enum store_rc store_offer_get(struct store *s, int64_t id, struct offer *out);
/* Every version of offer_id, oldest first (the negotiation history).
 * *out is malloc'd (caller frees; NULL when n is 0). */
enum store_rc store_offer_versions(struct store *s, int64_t offer_id, struct offer_version **out, size_t *n);
/* The version with the highest number of offer_id. STORE_NOT_FOUND for no
 * such offer. */
enum store_rc store_offer_latest_version(struct store *s, int64_t offer_id, struct offer_version *out);
/* One version by its id. STORE_NOT_FOUND when none. */
enum store_rc store_offer_version_get(struct store *s, int64_t version_id, struct offer_version *out);

/* Offers of application_id, newest first, each with its latest version.
 * *out is malloc'd (caller frees). */
enum store_rc store_offer_list_by_application(struct store *s, int64_t application_id, struct offer_summary **out,
					      size_t *n);
/* Offers of the applications of position_id (0 = of every position), newest
 * first, each with its latest version. *out is malloc'd (caller frees). */
enum store_rc store_offer_list_by_position(struct store *s, int64_t position_id, struct offer_summary **out,
					   size_t *n);

#endif
