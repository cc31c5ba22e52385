/*
 * profiles.c — the requirements profile of a position; see profiles.h.
 *
 * The draft is the live rows: goals, requirements, requirement_goals,
 * stakeholders and proposals. Approval serialises the draft into a JSON
 * snapshot (ids kept, no timestamps) stored as the next row of
 * profile_versions, which the database refuses to update or delete
 * (R-PROF-7). Comparing the draft's snapshot with the newest stored one
 * answers "changed since approval" and refuses approving twice.
 *
 * Enumerations are stored as the stable codes of core/profile.h. Every write
 * is one unit of work (db_write_begin/end) with its audit row (R-X-4) and
 * touches positions.updated_at; references are checked before anything is
 * written, so a refused call leaves no trace. Texts that are not valid UTF-8
 * are refused (STORE_INVALID): they could not become part of a snapshot.
 */
#include "store/profiles.h"

#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"
#include "store/audit.h"
#include "store/db.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

#define SNAPSHOT_FORMAT 1

/* ---- small helpers ------------------------------------------------------------------ */

/* Whether every text of texts[0..n) is valid UTF-8. */
static bool texts_utf8(const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!utf8_valid(texts[i], strlen(texts[i])))
			return false;
	return true;
}

static bool goal_texts_valid(const struct goal *g)
{
	const char *texts[] = { g->title, g->region, g->segment, g->accounts, g->notes };
	return texts_utf8(texts, sizeof texts / sizeof texts[0]);
}

static bool requirement_texts_valid(const struct requirement *r)
{
	const char *texts[] = { r->title, r->detail, r->language, r->competency_key };
	return texts_utf8(texts, sizeof texts / sizeof texts[0]);
}

/* Writes an audit row; changes NULL means building the description failed. */
static enum store_rc profile_audit(struct store *s, const struct actor *who, const char *entity, int64_t id,
				   const char *action, const json_t *changes, int64_t now)
{
	if (!changes) {
		log_error("audit: cannot describe the %s of %s %lld", action, entity, (long long)id);
		return STORE_ERROR;
	}
	return store_audit_json(s, who, entity, id, action, changes, now);
}

/* Steps a query of at most one row and finalizes it; *id receives the first
 * column. STORE_NOT_FOUND when there is no row. */
static enum store_rc fetch_id(struct db_stmt *st, int64_t *id)
{
	enum store_rc rc = db_step_row(st);
	if (rc == STORE_OK)
		*id = db_column_int64(st, 0);
	db_finalize(st);
	return rc;
}

static enum store_rc position_exists(struct store *s, int64_t position_id)
{
	struct db_stmt st;
	int64_t id;
	db_prepare(s, &st, "SELECT id FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", position_id);
	return fetch_id(&st, &id);
}

static enum store_rc goal_position(struct store *s, int64_t goal_id, int64_t *position_id)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT position_id FROM goals WHERE id = :id");
	db_bind_int64(&st, ":id", goal_id);
	return fetch_id(&st, position_id);
}

static enum store_rc requirement_position(struct store *s, int64_t requirement_id, int64_t *position_id)
{
	struct db_stmt st;
	db_prepare(s, &st, "SELECT position_id FROM requirements WHERE id = :id");
	db_bind_int64(&st, ":id", requirement_id);
	return fetch_id(&st, position_id);
}

/* Marks the position as edited: its draft profile changed. */
static enum store_rc position_touch(struct store *s, int64_t position_id, int64_t now)
{
	struct db_stmt st;
	db_prepare(s, &st, "UPDATE positions SET updated_at = :now WHERE id = :id");
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", position_id);
	return db_run(&st);
}

/* ---- rows ----------------------------------------------------------------------------- */

#define GOAL_COLUMNS                                                                                          \
	"id, kind, title, revenue_amount, horizon_months, region, segment, accounts, international,"         \
	" technical_market, notes, position_id"

static enum store_rc goal_from_row(struct db_stmt *st, struct goal *g)
{
	char kind[32];
	memset(g, 0, sizeof *g);
	g->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, kind, sizeof kind);
	db_column_text_copy(st, 2, g->title, sizeof g->title);
	g->revenue_amount = db_column_int64(st, 3);
	g->horizon_months = (int)db_column_int64(st, 4);
	db_column_text_copy(st, 5, g->region, sizeof g->region);
	db_column_text_copy(st, 6, g->segment, sizeof g->segment);
	db_column_text_copy(st, 7, g->accounts, sizeof g->accounts);
	g->international = db_column_int64(st, 8) != 0;
	g->technical_market = db_column_int64(st, 9) != 0;
	db_column_text_copy(st, 10, g->notes, sizeof g->notes);
	if (!goal_kind_parse(kind, &g->kind)) {
		log_error("goal %lld has an unknown kind '%s'", (long long)g->id, kind);
		return STORE_ERROR;
	}
	return STORE_OK;
}

static void goal_bind(struct db_stmt *st, const struct goal *g)
{
	db_bind_text(st, ":kind", goal_kind_code(g->kind));
	db_bind_text(st, ":title", g->title);
	db_bind_int64(st, ":revenue_amount", g->revenue_amount);
	db_bind_int64(st, ":horizon_months", g->horizon_months);
	db_bind_text(st, ":region", g->region);
	db_bind_text(st, ":segment", g->segment);
	db_bind_text(st, ":accounts", g->accounts);
	db_bind_int64(st, ":international", g->international ? 1 : 0);
	db_bind_int64(st, ":technical_market", g->technical_market ? 1 : 0);
	db_bind_text(st, ":notes", g->notes);
}

#define REQUIREMENT_COLUMNS                                                                                   \
	"id, kind, tier, title, detail, years_min, years_max, language, level, technical, revenue_amount,"   \
	" competency_key, tier_decided, position_id"

static enum store_rc requirement_from_row(struct db_stmt *st, struct requirement *r)
{
	char kind[32], tier[16], level[8];
	memset(r, 0, sizeof *r);
	r->id = db_column_int64(st, 0);
	db_column_text_copy(st, 1, kind, sizeof kind);
	db_column_text_copy(st, 2, tier, sizeof tier);
	db_column_text_copy(st, 3, r->title, sizeof r->title);
	db_column_text_copy(st, 4, r->detail, sizeof r->detail);
	r->years_min = (int)db_column_int64(st, 5);
	r->years_max = (int)db_column_int64(st, 6);
	db_column_text_copy(st, 7, r->language, sizeof r->language);
	db_column_text_copy(st, 8, level, sizeof level);
	r->technical = db_column_int64(st, 9) != 0;
	r->revenue_amount = db_column_int64(st, 10);
	db_column_text_copy(st, 11, r->competency_key, sizeof r->competency_key);
	r->tier_decided = db_column_int64(st, 12) != 0;
	if (!requirement_kind_parse(kind, &r->kind) || !tier_parse(tier, &r->tier) || !cefr_parse(level, &r->level)) {
		log_error("requirement %lld has an unknown code (kind '%s', tier '%s', level '%s')", (long long)r->id,
			  kind, tier, level);
		return STORE_ERROR;
	}
	return STORE_OK;
}

static void requirement_bind(struct db_stmt *st, const struct requirement *r)
{
	db_bind_text(st, ":kind", requirement_kind_code(r->kind));
	db_bind_text(st, ":tier", tier_code(r->tier));
	db_bind_text(st, ":title", r->title);
	db_bind_text(st, ":detail", r->detail);
	db_bind_int64(st, ":years_min", r->years_min);
	db_bind_int64(st, ":years_max", r->years_max);
	db_bind_text(st, ":language", r->language);
	db_bind_text(st, ":level", cefr_code(r->level));
	db_bind_int64(st, ":technical", r->technical ? 1 : 0);
	db_bind_int64(st, ":revenue_amount", r->revenue_amount);
	db_bind_text(st, ":competency_key", r->competency_key);
	db_bind_int64(st, ":tier_decided", r->tier_decided ? 1 : 0);
}

/* Appends goal_id to the links of r; false (logged) when r is full. */
static bool requirement_link_append(struct requirement *r, int64_t goal_id)
{
	if (r->ngoals >= REQUIREMENT_MAX_GOALS) {
		log_warn("requirement %lld links more than %d goals; ignoring goal %lld", (long long)r->id,
			 REQUIREMENT_MAX_GOALS, (long long)goal_id);
		return false;
	}
	r->goal_ids[r->ngoals++] = goal_id;
	return true;
}

/* Reads the goal links of r->id, in the goals' order. */
static enum store_rc requirement_links_load(struct store *s, struct requirement *r)
{
	struct db_stmt st;
	enum db_step_result step;
	r->ngoals = 0;
	db_prepare(s, &st,
		   "SELECT rg.goal_id FROM requirement_goals rg JOIN goals g ON g.id = rg.goal_id"
		   " WHERE rg.requirement_id = :id ORDER BY g.sort, g.id");
	db_bind_int64(&st, ":id", r->id);
	while ((step = db_step(&st)) == DB_ROW)
		requirement_link_append(r, db_column_int64(&st, 0));
	db_finalize(&st);
	return step == DB_FAIL ? db_rc(&st) : STORE_OK;
}

/*
 * Checks goal_ids[0..n) as the goals of a requirement of position_id and
 * writes them without duplicates to uniq (room for REQUIREMENT_MAX_GOALS).
 * STORE_INVALID when a goal is unknown, of another position, or too many.
 */
static enum store_rc goal_links_check(struct store *s, int64_t position_id, const int64_t *goal_ids, int n,
				      int64_t uniq[REQUIREMENT_MAX_GOALS], int *nuniq)
{
	*nuniq = 0;
	if (n < 0 || (n > 0 && !goal_ids))
		return STORE_INVALID;
	for (int i = 0; i < n; i++) {
		bool seen = false;
		for (int j = 0; j < *nuniq && !seen; j++)
			seen = uniq[j] == goal_ids[i];
		if (seen)
			continue;
		if (*nuniq == REQUIREMENT_MAX_GOALS)
			return STORE_INVALID;
		int64_t goal_pos = 0;
		enum store_rc rc = goal_position(s, goal_ids[i], &goal_pos);
		if (rc == STORE_NOT_FOUND || (rc == STORE_OK && goal_pos != position_id))
			return STORE_INVALID;
		if (rc != STORE_OK)
			return rc;
		uniq[(*nuniq)++] = goal_ids[i];
	}
	return STORE_OK;
}

static enum store_rc goal_links_insert(struct store *s, int64_t requirement_id, const int64_t *goal_ids, int n)
{
	enum store_rc rc = STORE_OK;
	for (int i = 0; i < n && rc == STORE_OK; i++) {
		struct db_stmt st;
		db_prepare(s, &st, "INSERT INTO requirement_goals (requirement_id, goal_id) VALUES (:requirement_id, :goal_id)");
		db_bind_int64(&st, ":requirement_id", requirement_id);
		db_bind_int64(&st, ":goal_id", goal_ids[i]);
		rc = db_run(&st);
	}
	return rc;
}

static json_t *id_array(const int64_t *ids, int n)
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer((json_int_t)ids[i]));
	return a;
}

#define STAKEHOLDER_COLUMNS "id, user_id, name, role, position_id"

static enum store_rc stakeholder_from_row(struct db_stmt *st, struct stakeholder *sh)
{
	char role[32];
	memset(sh, 0, sizeof *sh);
	sh->id = db_column_int64(st, 0);
	sh->user_id = db_column_int64(st, 1);
	db_column_text_copy(st, 2, sh->name, sizeof sh->name);
	db_column_text_copy(st, 3, role, sizeof role);
	if (!stakeholder_role_parse(role, &sh->role)) {
		log_error("stakeholder %lld has an unknown role '%s'", (long long)sh->id, role);
		return STORE_ERROR;
	}
	return STORE_OK;
}

static enum store_rc stakeholder_get(struct store *s, int64_t id, struct stakeholder *out, int64_t *position_id)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " STAKEHOLDER_COLUMNS " FROM stakeholders WHERE id = :id");
	db_bind_int64(&st, ":id", id);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		rc = stakeholder_from_row(&st, out);
		*position_id = db_column_int64(&st, 4);
	}
	db_finalize(&st);
	return rc;
}

#define PROPOSAL_COLUMNS "p.id, p.stakeholder_id, p.requirement_id, p.tier, p.note"

static enum store_rc proposal_from_row(struct db_stmt *st, struct proposal *pr)
{
	char tier[16];
	memset(pr, 0, sizeof *pr);
	pr->id = db_column_int64(st, 0);
	pr->stakeholder_id = db_column_int64(st, 1);
	pr->requirement_id = db_column_int64(st, 2);
	db_column_text_copy(st, 3, tier, sizeof tier);
	db_column_text_copy(st, 4, pr->note, sizeof pr->note);
	if (!tier_parse(tier, &pr->tier)) {
		log_error("proposal %lld has an unknown tier '%s'", (long long)pr->id, tier);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* The proposal of stakeholder_id for requirement_id. */
static enum store_rc proposal_get(struct store *s, int64_t stakeholder_id, int64_t requirement_id,
				  struct proposal *out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st,
		   "SELECT " PROPOSAL_COLUMNS " FROM proposals p"
		   " WHERE p.stakeholder_id = :stakeholder_id AND p.requirement_id = :requirement_id");
	db_bind_int64(&st, ":stakeholder_id", stakeholder_id);
	db_bind_int64(&st, ":requirement_id", requirement_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK)
		rc = proposal_from_row(&st, out);
	db_finalize(&st);
	return rc;
}

/* ---- loading the draft ------------------------------------------------------------------ */

static enum store_rc profile_load_goals(struct store *s, struct profile *p)
{
	struct db_stmt st;
	size_t cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step = DB_DONE;
	db_prepare(s, &st, "SELECT " GOAL_COLUMNS " FROM goals WHERE position_id = :id ORDER BY sort, id");
	db_bind_int64(&st, ":id", p->position_id);
	while (rc == STORE_OK && (step = db_step(&st)) == DB_ROW) {
		rc = goal_from_row(&st, xgrow(&p->goals, &p->ngoals, &cap, sizeof *p->goals));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

static enum store_rc profile_load_requirements(struct store *s, struct profile *p)
{
	struct db_stmt st;
	size_t cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step = DB_DONE;
	db_prepare(s, &st, "SELECT " REQUIREMENT_COLUMNS " FROM requirements WHERE position_id = :id ORDER BY sort, id");
	db_bind_int64(&st, ":id", p->position_id);
	while (rc == STORE_OK && (step = db_step(&st)) == DB_ROW) {
		rc = requirement_from_row(&st, xgrow(&p->requirements, &p->nrequirements, &cap, sizeof *p->requirements));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

/* Fills the goal links of every loaded requirement, each in the goals' order. */
static enum store_rc profile_load_links(struct store *s, struct profile *p)
{
	struct db_stmt st;
	enum db_step_result step;
	db_prepare(s, &st,
		   "SELECT rg.requirement_id, rg.goal_id FROM requirement_goals rg"
		   " JOIN requirements r ON r.id = rg.requirement_id JOIN goals g ON g.id = rg.goal_id"
		   " WHERE r.position_id = :id ORDER BY rg.requirement_id, g.sort, g.id");
	db_bind_int64(&st, ":id", p->position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		int64_t requirement_id = db_column_int64(&st, 0);
		for (size_t i = 0; i < p->nrequirements; i++) {
			if (p->requirements[i].id == requirement_id) {
				requirement_link_append(&p->requirements[i], db_column_int64(&st, 1));
				break;
			}
		}
	}
	db_finalize(&st);
	return step == DB_FAIL ? db_rc(&st) : STORE_OK;
}

static enum store_rc profile_load_stakeholders(struct store *s, struct profile *p)
{
	struct db_stmt st;
	size_t cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step = DB_DONE;
	db_prepare(s, &st, "SELECT " STAKEHOLDER_COLUMNS " FROM stakeholders WHERE position_id = :id ORDER BY id");
	db_bind_int64(&st, ":id", p->position_id);
	while (rc == STORE_OK && (step = db_step(&st)) == DB_ROW) {
		rc = stakeholder_from_row(&st, xgrow(&p->stakeholders, &p->nstakeholders, &cap, sizeof *p->stakeholders));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

static enum store_rc profile_load_proposals(struct store *s, struct profile *p)
{
	struct db_stmt st;
	size_t cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step = DB_DONE;
	db_prepare(s, &st,
		   "SELECT " PROPOSAL_COLUMNS " FROM proposals p JOIN stakeholders sh ON sh.id = p.stakeholder_id"
		   " WHERE sh.position_id = :id ORDER BY p.id");
	db_bind_int64(&st, ":id", p->position_id);
	while (rc == STORE_OK && (step = db_step(&st)) == DB_ROW) {
		rc = proposal_from_row(&st, xgrow(&p->proposals, &p->nproposals, &cap, sizeof *p->proposals));
	}
	if (step == DB_FAIL)
		rc = db_rc(&st);
	db_finalize(&st);
	return rc;
}

enum store_rc store_profile_load(struct store *s, int64_t position_id, struct profile *out)
{
	struct db_stmt st;
	enum store_rc rc;
	memset(out, 0, sizeof *out);
	out->position_id = position_id;
	db_prepare(s, &st, "SELECT template_key, challenges FROM positions WHERE id = :id");
	db_bind_int64(&st, ":id", position_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		db_column_text_copy(&st, 0, out->template_key, sizeof out->template_key);
		db_column_text_copy(&st, 1, out->challenges, sizeof out->challenges);
	}
	db_finalize(&st);
	if (rc == STORE_OK)
		rc = profile_load_goals(s, out);
	if (rc == STORE_OK)
		rc = profile_load_requirements(s, out);
	if (rc == STORE_OK)
		rc = profile_load_links(s, out);
	if (rc == STORE_OK)
		rc = profile_load_stakeholders(s, out);
	if (rc == STORE_OK)
		rc = profile_load_proposals(s, out);
	if (rc != STORE_OK) {
		profile_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

/* ---- goals ------------------------------------------------------------------------------- */

enum store_rc store_goal_get(struct store *s, int64_t goal_id, struct goal *out, int64_t *position_out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " GOAL_COLUMNS " FROM goals WHERE id = :id");
	db_bind_int64(&st, ":id", goal_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		rc = goal_from_row(&st, out);
		if (position_out)
			*position_out = db_column_int64(&st, 11);
	}
	db_finalize(&st);
	return rc;
}

enum store_rc store_goal_add(struct store *s, const struct actor *who, int64_t position_id, struct goal *g, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = position_exists(s, position_id)) != STORE_OK)
		goto cleanup;
	if (!goal_texts_valid(g)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "INSERT INTO goals (position_id, kind, title, revenue_amount, horizon_months, region, segment,"
		   " accounts, international, technical_market, notes, sort) VALUES (:position_id, :kind, :title,"
		   " :revenue_amount, :horizon_months, :region, :segment, :accounts, :international,"
		   " :technical_market, :notes,"
		   " (SELECT coalesce(max(sort), 0) + 1 FROM goals WHERE position_id = :position_id))");
	db_bind_int64(&st, ":position_id", position_id);
	goal_bind(&st, g);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	g->id = db_last_insert_id(s);
	changes = json_pack("{s:I, s:s, s:s}", "position_id", (json_int_t)position_id, "kind", goal_kind_code(g->kind),
			    "title", g->title);
	if ((rc = profile_audit(s, who, "goal", g->id, "create", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		g->id = 0;
	return rc;
}

/* The audit description of a goal update from a to b: changed fields only. */
static json_t *goal_changes(const struct goal *a, const struct goal *b)
{
	json_t *c = json_object();
	audit_change_text(c, "kind", goal_kind_code(a->kind), goal_kind_code(b->kind));
	audit_change_text(c, "title", a->title, b->title);
	audit_change_int(c, "revenue_amount", a->revenue_amount, b->revenue_amount);
	audit_change_int(c, "horizon_months", a->horizon_months, b->horizon_months);
	audit_change_text(c, "region", a->region, b->region);
	audit_change_text(c, "segment", a->segment, b->segment);
	audit_change_text(c, "accounts", a->accounts, b->accounts);
	audit_change_bool(c, "international", a->international, b->international);
	audit_change_bool(c, "technical_market", a->technical_market, b->technical_market);
	if (strcmp(a->notes, b->notes) != 0)
		json_object_set_new(c, "notes", json_string("changed"));
	return c;
}

enum store_rc store_goal_update(struct store *s, const struct actor *who, const struct goal *g, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct goal old;
	int64_t position_id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_goal_get(s, g->id, &old, &position_id)) != STORE_OK)
		goto cleanup;
	if (!goal_texts_valid(g)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	changes = goal_changes(&old, g);
	if (json_object_size(changes) == 0)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE goals SET kind = :kind, title = :title, revenue_amount = :revenue_amount,"
		   " horizon_months = :horizon_months, region = :region, segment = :segment, accounts = :accounts,"
		   " international = :international, technical_market = :technical_market, notes = :notes"
		   " WHERE id = :id");
	goal_bind(&st, g);
	db_bind_int64(&st, ":id", g->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = profile_audit(s, who, "goal", g->id, "update", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_goal_delete(struct store *s, const struct actor *who, int64_t goal_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct goal old;
	int64_t position_id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_goal_get(s, goal_id, &old, &position_id)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM goals WHERE id = :id");
	db_bind_int64(&st, ":id", goal_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:s, s:s}", "position_id", (json_int_t)position_id, "kind",
			    goal_kind_code(old.kind), "title", old.title);
	if ((rc = profile_audit(s, who, "goal", goal_id, "delete", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* ---- requirements -------------------------------------------------------------------------- */

enum store_rc store_requirement_get(struct store *s, int64_t requirement_id, struct requirement *out,
				    int64_t *position_out)
{
	struct db_stmt st;
	enum store_rc rc;
	db_prepare(s, &st, "SELECT " REQUIREMENT_COLUMNS " FROM requirements WHERE id = :id");
	db_bind_int64(&st, ":id", requirement_id);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		rc = requirement_from_row(&st, out);
		if (position_out)
			*position_out = db_column_int64(&st, 13);
	}
	db_finalize(&st);
	if (rc == STORE_OK)
		rc = requirement_links_load(s, out);
	return rc;
}

enum store_rc store_requirement_add(struct store *s, const struct actor *who, int64_t position_id,
				    struct requirement *r, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	int64_t links[REQUIREMENT_MAX_GOALS];
	int nlinks = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = position_exists(s, position_id)) != STORE_OK)
		goto cleanup;
	if (r->ngoals < 0 || r->ngoals > REQUIREMENT_MAX_GOALS || !requirement_texts_valid(r)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if ((rc = goal_links_check(s, position_id, r->goal_ids, r->ngoals, links, &nlinks)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO requirements (position_id, kind, tier, title, detail, years_min, years_max, language,"
		   " level, technical, revenue_amount, competency_key, tier_decided, sort) VALUES (:position_id,"
		   " :kind, :tier, :title, :detail, :years_min, :years_max, :language, :level, :technical,"
		   " :revenue_amount, :competency_key, :tier_decided,"
		   " (SELECT coalesce(max(sort), 0) + 1 FROM requirements WHERE position_id = :position_id))");
	db_bind_int64(&st, ":position_id", position_id);
	requirement_bind(&st, r);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	r->id = db_last_insert_id(s);
	if ((rc = goal_links_insert(s, r->id, links, nlinks)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:s, s:s, s:s, s:o}", "position_id", (json_int_t)position_id, "kind",
			    requirement_kind_code(r->kind), "tier", tier_code(r->tier), "title", r->title, "goals",
			    id_array(links, nlinks));
	if ((rc = profile_audit(s, who, "requirement", r->id, "create", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		r->id = 0;
	return rc;
}

/* The audit description of a requirement update from a to b (links aside). */
static json_t *requirement_changes(const struct requirement *a, const struct requirement *b)
{
	json_t *c = json_object();
	audit_change_text(c, "kind", requirement_kind_code(a->kind), requirement_kind_code(b->kind));
	audit_change_text(c, "tier", tier_code(a->tier), tier_code(b->tier));
	audit_change_text(c, "title", a->title, b->title);
	audit_change_text(c, "detail", a->detail, b->detail);
	audit_change_int(c, "years_min", a->years_min, b->years_min);
	audit_change_int(c, "years_max", a->years_max, b->years_max);
	audit_change_text(c, "language", a->language, b->language);
	audit_change_text(c, "level", cefr_code(a->level), cefr_code(b->level));
	audit_change_bool(c, "technical", a->technical, b->technical);
	audit_change_int(c, "revenue_amount", a->revenue_amount, b->revenue_amount);
	audit_change_text(c, "competency_key", a->competency_key, b->competency_key);
	audit_change_bool(c, "tier_decided", a->tier_decided, b->tier_decided);
	return c;
}

enum store_rc store_requirement_update(struct store *s, const struct actor *who, const struct requirement *r,
				       int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct requirement old;
	int64_t position_id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_requirement_get(s, r->id, &old, &position_id)) != STORE_OK)
		goto cleanup;
	if (!requirement_texts_valid(r)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	changes = requirement_changes(&old, r);
	if (json_object_size(changes) == 0)
		goto cleanup;
	db_prepare(s, &st,
		   "UPDATE requirements SET kind = :kind, tier = :tier, title = :title, detail = :detail,"
		   " years_min = :years_min, years_max = :years_max, language = :language, level = :level,"
		   " technical = :technical, revenue_amount = :revenue_amount, competency_key = :competency_key,"
		   " tier_decided = :tier_decided WHERE id = :id");
	requirement_bind(&st, r);
	db_bind_int64(&st, ":id", r->id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = profile_audit(s, who, "requirement", r->id, "update", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_requirement_delete(struct store *s, const struct actor *who, int64_t requirement_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct requirement old;
	int64_t position_id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_requirement_get(s, requirement_id, &old, &position_id)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM requirements WHERE id = :id");
	db_bind_int64(&st, ":id", requirement_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:s, s:s, s:s}", "position_id", (json_int_t)position_id, "kind",
			    requirement_kind_code(old.kind), "tier", tier_code(old.tier), "title", old.title);
	if ((rc = profile_audit(s, who, "requirement", requirement_id, "delete", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* Whether a[0..na) and b[0..nb), each without duplicates, hold the same ids. */
static bool same_id_set(const int64_t *a, int na, const int64_t *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		bool found = false;
		for (int j = 0; j < nb && !found; j++)
			found = a[i] == b[j];
		if (!found)
			return false;
	}
	return true;
}

enum store_rc store_requirement_set_goals(struct store *s, const struct actor *who, int64_t requirement_id,
					  const int64_t *goal_ids, int n, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct requirement old;
	int64_t position_id = 0, links[REQUIREMENT_MAX_GOALS];
	int nlinks = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = store_requirement_get(s, requirement_id, &old, &position_id)) != STORE_OK)
		goto cleanup;
	if ((rc = goal_links_check(s, position_id, goal_ids, n, links, &nlinks)) != STORE_OK)
		goto cleanup;
	if (same_id_set(old.goal_ids, old.ngoals, links, nlinks))
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM requirement_goals WHERE requirement_id = :id");
	db_bind_int64(&st, ":id", requirement_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if ((rc = goal_links_insert(s, requirement_id, links, nlinks)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:[o,o]}", "goals", id_array(old.goal_ids, old.ngoals), id_array(links, nlinks));
	if ((rc = profile_audit(s, who, "requirement", requirement_id, "update", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* ---- stakeholders and proposals ------------------------------------------------------------ */

enum store_rc store_stakeholder_add(struct store *s, const struct actor *who, int64_t position_id,
				    struct stakeholder *sh, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = position_exists(s, position_id)) != STORE_OK)
		goto cleanup;
	if (!texts_utf8((const char *[]){ sh->name }, 1)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	if (sh->user_id > 0) {
		int64_t found;
		db_prepare(s, &st, "SELECT id FROM users WHERE id = :id");
		db_bind_int64(&st, ":id", sh->user_id);
		if ((rc = fetch_id(&st, &found)) == STORE_NOT_FOUND)
			rc = STORE_INVALID;
		if (rc != STORE_OK)
			goto cleanup;
	}
	db_prepare(s, &st,
		   "INSERT INTO stakeholders (position_id, user_id, name, role) VALUES (:position_id, :user_id,"
		   " :name, :role)");
	db_bind_int64(&st, ":position_id", position_id);
	if (sh->user_id > 0)
		db_bind_int64(&st, ":user_id", sh->user_id);
	else
		db_bind_null(&st, ":user_id");
	db_bind_text(&st, ":name", sh->name);
	db_bind_text(&st, ":role", stakeholder_role_code(sh->role));
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	sh->id = db_last_insert_id(s);
	changes = json_pack("{s:I, s:I, s:s, s:s}", "position_id", (json_int_t)position_id, "user_id",
			    (json_int_t)(sh->user_id > 0 ? sh->user_id : 0), "name", sh->name, "role",
			    stakeholder_role_code(sh->role));
	if ((rc = profile_audit(s, who, "stakeholder", sh->id, "create", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (rc != STORE_OK)
		sh->id = 0;
	return rc;
}

enum store_rc store_stakeholder_delete(struct store *s, const struct actor *who, int64_t stakeholder_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stakeholder old;
	int64_t position_id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = stakeholder_get(s, stakeholder_id, &old, &position_id)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM stakeholders WHERE id = :id");
	db_bind_int64(&st, ":id", stakeholder_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:s, s:s}", "position_id", (json_int_t)position_id, "name", old.name, "role",
			    stakeholder_role_code(old.role));
	if ((rc = profile_audit(s, who, "stakeholder", stakeholder_id, "delete", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_proposal_set(struct store *s, const struct actor *who, int64_t stakeholder_id,
				 int64_t requirement_id, enum tier tier, const char *note, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stakeholder sh;
	struct proposal old;
	int64_t position_id = 0, requirement_pos = 0, id = 0;
	json_t *changes = NULL;
	bool existed;
	if (!note)
		note = "";
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = stakeholder_get(s, stakeholder_id, &sh, &position_id)) != STORE_OK)
		goto cleanup;
	if (!texts_utf8(&note, 1)) {
		rc = STORE_INVALID;
		goto cleanup;
	}
	rc = requirement_position(s, requirement_id, &requirement_pos);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && requirement_pos != position_id))
		rc = STORE_INVALID;
	if (rc != STORE_OK)
		goto cleanup;
	rc = proposal_get(s, stakeholder_id, requirement_id, &old);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		goto cleanup;
	existed = rc == STORE_OK;
	rc = STORE_OK;
	if (existed && old.tier == tier && strcmp(old.note, note) == 0)
		goto cleanup;
	db_prepare(s, &st,
		   "INSERT INTO proposals (stakeholder_id, requirement_id, tier, note) VALUES (:stakeholder_id,"
		   " :requirement_id, :tier, :note) ON CONFLICT (stakeholder_id, requirement_id)"
		   " DO UPDATE SET tier = excluded.tier, note = excluded.note");
	db_bind_int64(&st, ":stakeholder_id", stakeholder_id);
	db_bind_int64(&st, ":requirement_id", requirement_id);
	db_bind_text(&st, ":tier", tier_code(tier));
	db_bind_text(&st, ":note", note);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	if (existed) {
		id = old.id;
		changes = json_object();
		audit_change_text(changes, "tier", tier_code(old.tier), tier_code(tier));
		audit_change_text(changes, "note", old.note, note);
	} else {
		id = db_last_insert_id(s);
		changes = json_pack("{s:I, s:I, s:s, s:s}", "stakeholder_id", (json_int_t)stakeholder_id,
				    "requirement_id", (json_int_t)requirement_id, "tier", tier_code(tier), "note", note);
	}
	if ((rc = profile_audit(s, who, "proposal", id, existed ? "update" : "create", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

enum store_rc store_proposal_delete(struct store *s, const struct actor *who, int64_t stakeholder_id,
				    int64_t requirement_id, int64_t now)
{
	struct db_write w;
	struct db_stmt st;
	struct stakeholder sh;
	struct proposal old;
	int64_t position_id = 0;
	json_t *changes = NULL;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = stakeholder_get(s, stakeholder_id, &sh, &position_id)) != STORE_OK)
		goto cleanup;
	if ((rc = proposal_get(s, stakeholder_id, requirement_id, &old)) != STORE_OK)
		goto cleanup;
	db_prepare(s, &st, "DELETE FROM proposals WHERE id = :id");
	db_bind_int64(&st, ":id", old.id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:I, s:s}", "stakeholder_id", (json_int_t)stakeholder_id, "requirement_id",
			    (json_int_t)requirement_id, "tier", tier_code(old.tier));
	if ((rc = profile_audit(s, who, "proposal", old.id, "delete", changes, now)) == STORE_OK)
		rc = position_touch(s, position_id, now);
cleanup:
	json_decref(changes);
	return db_write_end(s, &w, rc);
}

/* ---- snapshots ------------------------------------------------------------------------------- */

static json_t *goal_to_json(const struct goal *g)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:i, s:s, s:s, s:s, s:b, s:b, s:s}", "id", (json_int_t)g->id, "kind",
			 goal_kind_code(g->kind), "title", g->title, "revenue_amount", (json_int_t)g->revenue_amount,
			 "horizon_months", g->horizon_months, "region", g->region, "segment", g->segment, "accounts",
			 g->accounts, "international", g->international, "technical_market", g->technical_market,
			 "notes", g->notes);
}

static json_t *requirement_to_json(const struct requirement *r)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:i, s:i, s:s, s:s, s:b, s:I, s:s, s:b, s:o}", "id",
			 (json_int_t)r->id, "kind", requirement_kind_code(r->kind), "tier", tier_code(r->tier), "title",
			 r->title, "detail", r->detail, "years_min", r->years_min, "years_max", r->years_max,
			 "language", r->language, "level", cefr_code(r->level), "technical", r->technical,
			 "revenue_amount", (json_int_t)r->revenue_amount, "competency_key", r->competency_key,
			 "tier_decided", r->tier_decided, "goal_ids", id_array(r->goal_ids, r->ngoals));
}

static json_t *stakeholder_to_json(const struct stakeholder *sh)
{
	return json_pack("{s:I, s:I, s:s, s:s}", "id", (json_int_t)sh->id, "user_id", (json_int_t)sh->user_id, "name",
			 sh->name, "role", stakeholder_role_code(sh->role));
}

static json_t *proposal_to_json(const struct proposal *pr)
{
	return json_pack("{s:I, s:I, s:I, s:s, s:s}", "id", (json_int_t)pr->id, "stakeholder_id",
			 (json_int_t)pr->stakeholder_id, "requirement_id", (json_int_t)pr->requirement_id, "tier",
			 tier_code(pr->tier), "note", pr->note);
}

/* Appends item to array; false when building the item failed. */
static bool append_item(json_t *array, json_t *item)
{
	return item && json_array_append_new(array, item) == 0;
}

/* The snapshot of profile p: everything the profile holds, no timestamps.
 * NULL (logged) when a text is not valid UTF-8. */
static json_t *profile_to_json(const struct profile *p)
{
	json_t *goals = json_array(), *requirements = json_array(), *stakeholders = json_array(),
	       *proposals = json_array();
	bool ok = true;
	for (size_t i = 0; ok && i < p->ngoals; i++)
		ok = append_item(goals, goal_to_json(&p->goals[i]));
	for (size_t i = 0; ok && i < p->nrequirements; i++)
		ok = append_item(requirements, requirement_to_json(&p->requirements[i]));
	for (size_t i = 0; ok && i < p->nstakeholders; i++)
		ok = append_item(stakeholders, stakeholder_to_json(&p->stakeholders[i]));
	for (size_t i = 0; ok && i < p->nproposals; i++)
		ok = append_item(proposals, proposal_to_json(&p->proposals[i]));
	json_t *root = NULL;
	if (ok)
		root = json_pack("{s:i, s:I, s:s, s:s, s:O, s:O, s:O, s:O}", "format", SNAPSHOT_FORMAT, "position_id",
				 (json_int_t)p->position_id, "template_key", p->template_key, "challenges",
				 p->challenges, "goals", goals, "requirements", requirements, "stakeholders",
				 stakeholders, "proposals", proposals);
	json_decref(goals);
	json_decref(requirements);
	json_decref(stakeholders);
	json_decref(proposals);
	if (!root)
		log_error("cannot build the profile snapshot of position %lld", (long long)p->position_id);
	return root;
}

/* Reads the elements of a snapshot array; false on a malformed element. */
static bool goal_from_json(json_t *j, struct goal *g)
{
	json_int_t id, revenue;
	const char *kind, *title, *region, *segment, *accounts, *notes;
	int international, technical_market;
	memset(g, 0, sizeof *g);
	if (json_unpack(j, "{s:I, s:s, s:s, s:I, s:i, s:s, s:s, s:s, s:b, s:b, s:s}", "id", &id, "kind", &kind,
			"title", &title, "revenue_amount", &revenue, "horizon_months", &g->horizon_months, "region",
			&region, "segment", &segment, "accounts", &accounts, "international", &international,
			"technical_market", &technical_market, "notes", &notes) != 0 ||
	    !goal_kind_parse(kind, &g->kind))
		return false;
	g->id = id;
	g->revenue_amount = revenue;
	str_copy(g->title, sizeof g->title, title);
	str_copy(g->region, sizeof g->region, region);
	str_copy(g->segment, sizeof g->segment, segment);
	str_copy(g->accounts, sizeof g->accounts, accounts);
	str_copy(g->notes, sizeof g->notes, notes);
	g->international = international != 0;
	g->technical_market = technical_market != 0;
	return true;
}

static bool requirement_from_json(json_t *j, struct requirement *r)
{
	json_int_t id, revenue;
	const char *kind, *tier, *title, *detail, *language, *level, *competency_key;
	int technical, tier_decided;
	json_t *goal_ids;
	size_t i;
	json_t *v;
	memset(r, 0, sizeof *r);
	if (json_unpack(j, "{s:I, s:s, s:s, s:s, s:s, s:i, s:i, s:s, s:s, s:b, s:I, s:s, s:b, s:o}", "id", &id,
			"kind", &kind, "tier", &tier, "title", &title, "detail", &detail, "years_min", &r->years_min,
			"years_max", &r->years_max, "language", &language, "level", &level, "technical", &technical,
			"revenue_amount", &revenue, "competency_key", &competency_key, "tier_decided", &tier_decided,
			"goal_ids", &goal_ids) != 0 ||
	    !requirement_kind_parse(kind, &r->kind) || !tier_parse(tier, &r->tier) || !cefr_parse(level, &r->level) ||
	    !json_is_array(goal_ids) || json_array_size(goal_ids) > REQUIREMENT_MAX_GOALS)
		return false;
	r->id = id;
	r->revenue_amount = revenue;
	str_copy(r->title, sizeof r->title, title);
	str_copy(r->detail, sizeof r->detail, detail);
	str_copy(r->language, sizeof r->language, language);
	str_copy(r->competency_key, sizeof r->competency_key, competency_key);
	r->technical = technical != 0;
	r->tier_decided = tier_decided != 0;
	json_array_foreach(goal_ids, i, v) {
		if (!json_is_integer(v))
			return false;
		r->goal_ids[r->ngoals++] = json_integer_value(v);
	}
	return true;
}

static bool stakeholder_from_json(json_t *j, struct stakeholder *sh)
{
	json_int_t id, user_id;
	const char *name, *role;
	memset(sh, 0, sizeof *sh);
	if (json_unpack(j, "{s:I, s:I, s:s, s:s}", "id", &id, "user_id", &user_id, "name", &name, "role", &role) != 0 ||
	    !stakeholder_role_parse(role, &sh->role))
		return false;
	sh->id = id;
	sh->user_id = user_id;
	str_copy(sh->name, sizeof sh->name, name);
	return true;
}

static bool proposal_from_json(json_t *j, struct proposal *pr)
{
	json_int_t id, stakeholder_id, requirement_id;
	const char *tier, *note;
	memset(pr, 0, sizeof *pr);
	if (json_unpack(j, "{s:I, s:I, s:I, s:s, s:s}", "id", &id, "stakeholder_id", &stakeholder_id,
			"requirement_id", &requirement_id, "tier", &tier, "note", &note) != 0 ||
	    !tier_parse(tier, &pr->tier))
		return false;
	pr->id = id;
	pr->stakeholder_id = stakeholder_id;
	pr->requirement_id = requirement_id;
	str_copy(pr->note, sizeof pr->note, note);
	return true;
}

/* Parses a snapshot into out (arrays malloc'd); false on a malformed one,
 * with out possibly partly filled (the caller frees it). */
static bool profile_from_json(json_t *root, struct profile *out)
{
	json_int_t position_id;
	const char *template_key, *challenges;
	json_t *goals, *requirements, *stakeholders, *proposals;
	if (json_unpack(root, "{s:I, s:s, s:s, s:o, s:o, s:o, s:o}", "position_id", &position_id, "template_key",
			&template_key, "challenges", &challenges, "goals", &goals, "requirements", &requirements,
			"stakeholders", &stakeholders, "proposals", &proposals) != 0 ||
	    !json_is_array(goals) || !json_is_array(requirements) || !json_is_array(stakeholders) ||
	    !json_is_array(proposals))
		return false;
	out->position_id = position_id;
	str_copy(out->template_key, sizeof out->template_key, template_key);
	str_copy(out->challenges, sizeof out->challenges, challenges);
	out->goals = xcalloc(json_array_size(goals) + 1, sizeof *out->goals);
	out->requirements = xcalloc(json_array_size(requirements) + 1, sizeof *out->requirements);
	out->stakeholders = xcalloc(json_array_size(stakeholders) + 1, sizeof *out->stakeholders);
	out->proposals = xcalloc(json_array_size(proposals) + 1, sizeof *out->proposals);
	for (size_t i = 0; i < json_array_size(goals); i++, out->ngoals++)
		if (!goal_from_json(json_array_get(goals, i), &out->goals[i]))
			return false;
	for (size_t i = 0; i < json_array_size(requirements); i++, out->nrequirements++)
		if (!requirement_from_json(json_array_get(requirements, i), &out->requirements[i]))
			return false;
	for (size_t i = 0; i < json_array_size(stakeholders); i++, out->nstakeholders++)
		if (!stakeholder_from_json(json_array_get(stakeholders, i), &out->stakeholders[i]))
			return false;
	for (size_t i = 0; i < json_array_size(proposals); i++, out->nproposals++)
		if (!proposal_from_json(json_array_get(proposals, i), &out->proposals[i]))
			return false;
	return true;
}

/* Parses the snapshot text of version `version` of position_id. */
static enum store_rc snapshot_parse(const char *text, int64_t position_id, int version, json_t **out)
{
	json_error_t err;
	*out = json_loads(text, JSON_REJECT_DUPLICATES, &err);
	if (!*out) {
		log_error("profile version %d of position %lld is not readable: %s (line %d)", version,
			  (long long)position_id, err.text, err.line);
		return STORE_ERROR;
	}
	return STORE_OK;
}

/* The newest approved version of position_id (*version 0 and *snapshot NULL
 * when there is none). The caller json_decrefs *snapshot. */
static enum store_rc latest_version(struct store *s, int64_t position_id, int *version, json_t **snapshot)
{
	struct db_stmt st;
	enum store_rc rc = STORE_OK;
	*version = 0;
	*snapshot = NULL;
	db_prepare(s, &st,
		   "SELECT version, snapshot FROM profile_versions WHERE position_id = :id"
		   " ORDER BY version DESC LIMIT 1");
	db_bind_int64(&st, ":id", position_id);
	switch (db_step(&st)) {
	case DB_ROW: {
		char *text = db_column_text_dup(&st, 1);
		*version = (int)db_column_int64(&st, 0);
		rc = snapshot_parse(text, position_id, *version, snapshot);
		free(text);
		break;
	}
	case DB_DONE:
		break;
	default:
		rc = db_rc(&st);
		break;
	}
	db_finalize(&st);
	return rc;
}

/* Loads the draft of position_id as a snapshot, with the newest approved
 * version and its snapshot (NULL if none). The caller json_decrefs both. */
static enum store_rc draft_and_latest(struct store *s, int64_t position_id, json_t **draft, int *version,
				      json_t **latest)
{
	struct profile p;
	*draft = NULL;
	*latest = NULL;
	*version = 0;
	enum store_rc rc = store_profile_load(s, position_id, &p);
	if (rc != STORE_OK)
		return rc;
	*draft = profile_to_json(&p);
	profile_free(&p);
	if (!*draft)
		return STORE_ERROR;
	return latest_version(s, position_id, version, latest);
}

enum store_rc store_profile_approve(struct store *s, const struct actor *who, int64_t position_id, int64_t now,
				    int *version_out)
{
	struct db_write w;
	struct db_stmt st;
	json_t *draft = NULL, *latest = NULL, *changes = NULL;
	char *text = NULL;
	int version = 0;
	int64_t row_id = 0;
	enum store_rc rc = db_write_begin(s, &w);
	if (rc != STORE_OK)
		goto cleanup;
	if ((rc = draft_and_latest(s, position_id, &draft, &version, &latest)) != STORE_OK)
		goto cleanup;
	if (latest && json_equal(draft, latest)) {
		rc = STORE_CONFLICT;
		goto cleanup;
	}
	version++;
	text = json_dumps(draft, JSON_COMPACT | JSON_SORT_KEYS);
	if (!text) {
		log_error("cannot serialise the profile snapshot of position %lld", (long long)position_id);
		rc = STORE_ERROR;
		goto cleanup;
	}
	db_prepare(s, &st,
		   "INSERT INTO profile_versions (position_id, version, approved_at, approved_by, snapshot)"
		   " VALUES (:position_id, :version, :now, :approved_by, :snapshot)");
	db_bind_int64(&st, ":position_id", position_id);
	db_bind_int64(&st, ":version", version);
	db_bind_int64(&st, ":now", now);
	if (who && who->user_id > 0)
		db_bind_int64(&st, ":approved_by", who->user_id);
	else
		db_bind_null(&st, ":approved_by");
	db_bind_text(&st, ":snapshot", text);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	row_id = db_last_insert_id(s);
	db_prepare(s, &st, "UPDATE positions SET approved_version = :version, updated_at = :now WHERE id = :id");
	db_bind_int64(&st, ":version", version);
	db_bind_int64(&st, ":now", now);
	db_bind_int64(&st, ":id", position_id);
	if ((rc = db_run(&st)) != STORE_OK)
		goto cleanup;
	changes = json_pack("{s:I, s:i}", "position_id", (json_int_t)position_id, "version", version);
	rc = profile_audit(s, who, "profile_version", row_id, "approve", changes, now);
cleanup:
	free(text);
	json_decref(draft);
	json_decref(latest);
	json_decref(changes);
	rc = db_write_end(s, &w, rc);
	if (version_out)
		*version_out = rc == STORE_OK ? version : 0;
	return rc;
}

enum store_rc store_profile_draft_changed(struct store *s, int64_t position_id, bool *changed)
{
	json_t *draft = NULL, *latest = NULL;
	int version = 0;
	*changed = true;
	enum store_rc rc = draft_and_latest(s, position_id, &draft, &version, &latest);
	if (rc == STORE_OK && latest)
		*changed = !json_equal(draft, latest);
	json_decref(draft);
	json_decref(latest);
	return rc;
}

enum store_rc store_profile_version_load(struct store *s, int64_t position_id, int version, struct profile *out,
					 int64_t *approved_at, int64_t *approved_by)
{
	struct db_stmt st;
	json_t *snapshot = NULL;
	enum store_rc rc = STORE_OK;
	memset(out, 0, sizeof *out);
	db_prepare(s, &st,
		   "SELECT approved_at, coalesce(approved_by, 0), snapshot FROM profile_versions"
		   " WHERE position_id = :position_id AND version = :version");
	db_bind_int64(&st, ":position_id", position_id);
	db_bind_int64(&st, ":version", version);
	rc = db_step_row(&st);
	if (rc == STORE_OK) {
		if (approved_at)
			*approved_at = db_column_int64(&st, 0);
		if (approved_by)
			*approved_by = db_column_int64(&st, 1);
		char *text = db_column_text_dup(&st, 2);
		rc = snapshot_parse(text, position_id, version, &snapshot);
		free(text);
	}
	db_finalize(&st);
	if (rc == STORE_OK && !profile_from_json(snapshot, out)) {
		log_error("profile version %d of position %lld has an unexpected shape", version, (long long)position_id);
		rc = STORE_ERROR;
	}
	json_decref(snapshot);
	if (rc != STORE_OK) {
		profile_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

enum store_rc store_profile_versions(struct store *s, int64_t position_id, struct profile_version_info **out,
				     size_t *n)
{
	struct db_stmt st;
	struct profile_version_info *list = NULL;
	size_t count = 0, cap = 0;
	enum store_rc rc = STORE_OK;
	enum db_step_result step;

	db_prepare(s, &st,
		   "SELECT v.version, v.approved_at, coalesce(v.approved_by, 0),"
		   " coalesce(nullif(u.display_name, ''), u.name, '') FROM profile_versions v"
		   " LEFT JOIN users u ON u.id = v.approved_by WHERE v.position_id = :id ORDER BY v.version DESC");
	db_bind_int64(&st, ":id", position_id);
	while ((step = db_step(&st)) == DB_ROW) {
		struct profile_version_info *v = xgrow(&list, &count, &cap, sizeof *list);
		v->version = (int)db_column_int64(&st, 0);
		v->approved_at = db_column_int64(&st, 1);
		v->approved_by = db_column_int64(&st, 2);
		db_column_text_copy(&st, 3, v->approver_name, sizeof v->approver_name);
	}
	if (step == DB_FAIL) {
		rc = db_rc(&st);
		free(list);
		list = NULL;
		count = 0;
	}
	db_finalize(&st);
	*out = list;
	*n = count;
	return rc;
}
