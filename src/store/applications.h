/*
 * applications.h — a candidate in the pipeline of a position (R-CAND-2):
 * applications, their stage moves and the activity timeline (stage moves,
 * notes, contacts, documents), the channel plan of a position (R-CHAN-2) and
 * the facts the channel report is computed from (R-CHAN-4).
 *
 * Whether a move is allowed is decided by the caller with
 * pipeline_check_move (core/pipeline.h); the store records it. Every write is
 * one unit of work with its audit row (R-X-4).
 */
#ifndef STELLWERK_STORE_APPLICATIONS_H
#define STELLWERK_STORE_APPLICATIONS_H

#include "core/channels.h"
#include "core/pipeline.h"
#include "store/store.h"

#define APPLICATION_NOTE_MAX 4000         /* bytes of a note or contact text */
#define APPLICATION_REASON_NOTE_MAX 500

/* One application. channel is the source channel code (the candidate's when
 * created without one); has_referral tells whether referral is set (R-CHAN-3).
 * last_contact_at is 0 before the first contact. */
struct application {
	int64_t id;
	int64_t candidate_id;
	int64_t position_id;
	char stage[STAGE_CODE_MAX];
	int64_t stage_entered_at;
	int64_t last_contact_at;
	char channel[CHANNEL_CODE_MAX];
	bool has_referral;
	struct referral referral;
	char event[161];
	char rejection_reason[32];        /* code, set while in "rejected" */
	char rejection_note[APPLICATION_REASON_NOTE_MAX + 1];
	enum informed_answer informed;
	int64_t created_at;
};

/* A card of the board: the application with what the card shows. */
struct application_card {
	struct application a;
	char first_name[101];
	char last_name[101];
	char current_company[161];
};

/* EVENT_DECISION (store/decisions.h): to_stage holds "hire"/"reject", from_stage
 * the culture fit "1".."4", text the rationale. */
enum application_event_kind {
	EVENT_STAGE,
	EVENT_NOTE,
	EVENT_CONTACT,
	EVENT_DOCUMENT,
	EVENT_DECISION,
	EVENT_KIND__COUNT
};

const char *application_event_kind_code(enum application_event_kind k);   /* "stage", "note", ..., "decision" */

/* One entry of the timeline. application_id and position_id are 0 for a
 * note, contact or document about the candidate alone; user_id is 0 and
 * user_name "" for the command line and the system. */
struct application_event {
	int64_t id;
	int64_t candidate_id;
	int64_t application_id;
	int64_t position_id;
	int64_t at;
	int64_t user_id;
	char user_name[64];               /* display name, else user name */
	enum application_event_kind kind;
	char from_stage[STAGE_CODE_MAX];
	char to_stage[STAGE_CODE_MAX];
	char text[APPLICATION_NOTE_MAX + 1];
};

/* Puts candidate a->candidate_id into the pipeline of a->position_id in
 * stage a->stage ("" = the first active stage of the position's pipeline,
 * "identified" by default), entered now,
 * with a stage event; sets a->id, a->created_at, a->stage_entered_at and an
 * empty a->channel to the candidate's channel. STORE_CONFLICT when the
 * candidate already has an application for the position; STORE_INVALID for
 * an unknown candidate, position or referrer user, a malformed stage code,
 * an unknown channel, or an invalid referral (referral_validate). */
enum store_rc store_application_create(struct store *s, const struct actor *who, struct application *a, int64_t now);
enum store_rc store_application_get(struct store *s, int64_t id, struct application *out);

/* Moves application id to stage `to` with a stage event, one unit of work.
 * Into "rejected" it stores in->reason, in->reason_note and in->informed;
 * out of it they are cleared. STORE_NOT_FOUND; STORE_INVALID for a malformed
 * or unchanged stage, or a reason note longer than the maximum. */
enum store_rc store_application_move(struct store *s, const struct actor *who, int64_t id, const char *to,
				     const struct move_input *in, int64_t now);

/* Adds a note or contact event (kind EVENT_NOTE or EVENT_CONTACT) about the
 * candidate, about one of their applications when application_id > 0. A
 * contact also sets last_contact_at of that application (of all the
 * candidate's applications when application_id is 0). A note's text is
 * added to the candidate's search row. Sets *event_id when not NULL.
 * STORE_NOT_FOUND for an unknown candidate; STORE_INVALID for an application
 * of another candidate, another kind, or text that is empty, too long or not
 * UTF-8. */
enum store_rc store_application_add_event(struct store *s, const struct actor *who, int64_t candidate_id,
					  int64_t application_id, enum application_event_kind kind, const char *text,
					  int64_t now, int64_t *event_id);

/* The board of a position: every application with its candidate's name and
 * company, ordered by stage code then stage_entered_at (the caller groups by
 * its pipeline). *out is malloc'd (caller frees). */
enum store_rc store_application_board(struct store *s, int64_t position_id, struct application_card **out, size_t *n);

/* Applications of a candidate, oldest first. *out is malloc'd (caller frees). */
enum store_rc store_application_list_by_candidate(struct store *s, int64_t candidate_id, struct application **out,
						  size_t *n);

/* The timeline of one application (application_id > 0) or of a candidate
 * (candidate_id > 0, application_id 0: every event of every application and
 * the candidate's own), newest first, at most limit (0 = 200) entries.
 * *out is malloc'd (caller frees). */
enum store_rc store_application_events(struct store *s, int64_t candidate_id, int64_t application_id, int limit,
				       struct application_event **out, size_t *n);

/* The channel plan of a position in channel catalogue order (R-CHAN-2).
 * *out is malloc'd (caller frees). STORE_NOT_FOUND for no such position. */
enum store_rc store_channel_plan_get(struct store *s, int64_t position_id, struct channel_plan_item **out, size_t *n);
/* Replaces every item of the position's plan in one unit of work.
 * STORE_NOT_FOUND for no such position; STORE_INVALID when
 * channel_plan_validate reports a problem or an owner does not exist. */
enum store_rc store_channel_plan_set(struct store *s, const struct actor *who, int64_t position_id,
				     const struct channel_plan_item *items, size_t n, int64_t now);

/* Facts for the channel report (R-CHAN-4), one per application of the
 * position (position_id 0: of all positions): channel; reached first
 * interview = ever in first_interview or a later default stage; offered =
 * ever in offer or hired; hired = now in hired; applied_at = created_at;
 * hired_at = the last move into hired. *out is malloc'd (caller frees). */
enum store_rc store_channel_facts(struct store *s, int64_t position_id, struct channel_fact **out, size_t *n);
/* The planned budgets per channel of a position (0: summed over all). */
enum store_rc store_channel_budgets(struct store *s, int64_t position_id, struct channel_budget **out, size_t *n);

#endif
