/*
 * health_ops.c — loading and presenting the process guardrails of one
 * position; see health_ops.h.
 */
#include "web/health_ops.h"

#include <stdlib.h>
#include <string.h>

#include "core/guards.h"
#include "core/pipeline.h"
#include "store/hiring_plans.h"
#include "store/interview_plans.h"
#include "store/stages.h"
#include "util/log.h"
#include "web/html.h"

/* The kind of stage `code` in the position's pipeline; an unknown code (a
 * stage removed from the configuration) still counts as in process. */
static enum stage_kind stage_kind_of(const struct stage *stages, size_t n, const char *code)
{
	const struct stage *s = pipeline_find(stages, n, code);
	return s ? s->kind : STAGE_ACTIVE;
}

static const char *person_name(struct request *r, const char *first, const char *last)
{
	const char *sep = first[0] && last[0] ? " " : "";
	return arena_printf(&r->arena, "%s%s%s", first, sep, last);
}

/* Turns the store's facts into core's guard facts (arena). */
static void guard_facts_from(struct request *r, const struct position_facts *pf, const struct stage *stages,
			     size_t nstages, size_t nrounds, struct guard_facts *gf)
{
	memset(gf, 0, sizeof *gf);
	gf->position.position_id = pf->position_id;
	gf->position.state = pf->state;
	gf->position.first_application_at = pf->first_application_at;
	gf->position.has_documented_challenges = pf->has_challenges;
	gf->position.nrounds = nrounds;

	struct guard_application_facts *apps = arena_alloc(&r->arena, (pf->napplications + 1) * sizeof *apps);
	for (size_t i = 0; i < pf->napplications; i++) {
		const struct application_fact *a = &pf->applications[i];
		apps[i].id = a->application_id;
		apps[i].candidate_id = a->candidate_id;
		apps[i].candidate_name = person_name(r, a->first_name, a->last_name);
		apps[i].stage_code = a->stage;
		apps[i].kind = stage_kind_of(stages, nstages, a->stage);
		apps[i].created_at = a->created_at;
		apps[i].last_contact_at = a->last_contact_at;
		apps[i].offer = strcmp(a->stage, "offer") == 0 || a->first_offer_at > 0;
		apps[i].challenges_disclosed = a->challenges_disclosed;
	}
	gf->applications = apps;
	gf->napplications = pf->napplications;

	struct guard_interview_facts *ivs = arena_alloc(&r->arena, (pf->ninterviews + 1) * sizeof *ivs);
	for (size_t i = 0; i < pf->ninterviews; i++) {
		const struct interview_fact *iv = &pf->interviews[i];
		struct guard_interviewer_facts *who = arena_alloc(&r->arena, (iv->ninterviewers + 1) * sizeof *who);
		for (size_t k = 0; k < iv->ninterviewers; k++) {
			who[k].user_id = iv->interviewers[k].user_id;
			who[k].name = arena_strdup(&r->arena, iv->interviewers[k].display_name);
			who[k].submitted = iv->interviewers[k].submitted;
		}
		ivs[i].id = iv->interview_id;
		ivs[i].application_id = iv->application_id;
		ivs[i].starts_at = iv->starts_at;
		ivs[i].cancelled = false;      /* the store leaves cancelled interviews out */
		ivs[i].interviewers = who;
		ivs[i].ninterviewers = iv->ninterviewers;
	}
	gf->interviews = ivs;
	gf->ninterviews = pf->ninterviews;
}

enum store_rc health_load(struct request *r, int64_t position_id, struct position_health *out)
{
	struct position_facts pf = { 0 };
	struct interview_round *rounds = NULL;
	size_t nrounds = 0, nstages = 0;
	struct stage stages[PIPELINE_MAX_STAGES];
	memset(out, 0, sizeof *out);
	enum store_rc rc = store_position_facts(r->store, position_id, &pf);
	if (rc != STORE_OK)
		return rc;
	rc = store_interview_plan_get(r->store, position_id, &rounds, &nrounds);
	if (rc == STORE_OK)
		rc = store_stages_get(r->store, position_id, stages, &nstages, NULL);
	if (rc != STORE_OK) {
		log_warn("health: cannot load the plan or stages of position %lld", (long long)position_id);
		goto cleanup;
	}
	struct guard_facts gf;
	guard_facts_from(r, &pf, stages, nstages, nrounds, &gf);
	/* Room for every rule of every application and interviewer; core
	 * reports the true total, so a second pass catches a short estimate. */
	size_t max = 4 + pf.napplications * 4;
	for (size_t i = 0; i < pf.ninterviews; i++)
		max += pf.interviews[i].ninterviewers;
	size_t total = 0;
	out->findings = arena_alloc(&r->arena, max * sizeof *out->findings);
	out->n = guards_evaluate(&gf, r->now, out->findings, max, &total);
	if (total > max) {
		out->findings = arena_alloc(&r->arena, total * sizeof *out->findings);
		out->n = guards_evaluate(&gf, r->now, out->findings, total, NULL);
	}
	out->position_id = position_id;
	out->title = arena_strdup(&r->arena, pf.title);
	for (size_t i = 0; i < out->n; i++)
		if (out->findings[i].severity < GUARD_SEVERITY__COUNT)
			out->counts[out->findings[i].severity]++;
cleanup:
	free(rounds);
	position_facts_free(&pf);
	return rc;
}

const char *health_message(struct request *r, const struct health_finding *f)
{
	unsigned long d = f->days > 0 ? (unsigned long)f->days : 0;
	const char *rule = f->rule ? f->rule : "";
	if (strcmp(rule, GUARD_RULE_SELECTION_TOO_LONG) == 0)
		return arena_printf(&r->arena,
				    i18n_ngettext("Selection running for %d day since the first application.",
						  "Selection running for %d days since the first application.", d),
				    f->days);
	if (strcmp(rule, GUARD_RULE_AVAILABILITY_WINDOW) == 0)
		return arena_printf(&r->arena, i18n_ngettext("In the process for %d day.", "In the process for %d days.", d),
				    f->days);
	if (strcmp(rule, GUARD_RULE_NO_CONTACT) == 0)
		return arena_printf(&r->arena,
				    i18n_ngettext("No contact for %d working day.", "No contact for %d working days.", d), f->days);
	if (strcmp(rule, GUARD_RULE_TOO_MANY_ROUNDS) == 0)
		return arena_printf(&r->arena,
				    i18n_ngettext("%d interview round planned.", "%d interview rounds planned.", d), f->days);
	if (strcmp(rule, GUARD_RULE_CHALLENGES_NOT_DISCLOSED) == 0)
		return _("Offer stage: no disclosure of the role's challenges recorded.");
	if (strcmp(rule, GUARD_RULE_FEEDBACK_DUE) == 0 && f->user_id == r->user.id)
		return arena_printf(&r->arena,
				    i18n_ngettext("Your scorecard is open %d working day after the interview.",
						  "Your scorecard is open %d working days after the interview.", d),
				    f->days);
	if (strcmp(rule, GUARD_RULE_FEEDBACK_DUE) == 0)
		return arena_printf(&r->arena,
				    i18n_ngettext("Scorecard of %s open %d working day after the interview.",
						  "Scorecard of %s open %d working days after the interview.", d),
				    f->user_name[0] ? f->user_name : _("an interviewer"), f->days);
	return health_advice(f);
}

const char *health_advice(const struct health_finding *f)
{
	return f->message ? _(f->message) : "";
}

const char *health_fix_url(struct request *r, int64_t position_id, const struct health_finding *f)
{
	const char *rule = f->rule ? f->rule : "";
	switch (f->fix) {
	case GUARD_FIX_CANDIDATE:
		if (f->candidate_id <= 0)
			break;
		if (strcmp(rule, GUARD_RULE_CHALLENGES_NOT_DISCLOSED) == 0 && f->application_id > 0)
			return arena_printf(&r->arena, "/candidates/%lld#disclosure-%lld", (long long)f->candidate_id,
					    (long long)f->application_id);
		if (strcmp(rule, GUARD_RULE_NO_CONTACT) == 0)
			return arena_printf(&r->arena, "/candidates/%lld#add-note", (long long)f->candidate_id);
		return arena_printf(&r->arena, "/candidates/%lld", (long long)f->candidate_id);
	case GUARD_FIX_BOARD:
		if (f->application_id > 0)
			return arena_printf(&r->arena, "/positions/%lld/pipeline#card-%lld", (long long)position_id,
					    (long long)f->application_id);
		return arena_printf(&r->arena, "/positions/%lld/pipeline", (long long)position_id);
	case GUARD_FIX_KIT:
		/* The kit opens only for its interviewers; the others follow up
		 * from the candidate's interviews, which show every scorecard. */
		if (f->interview_id > 0 && f->user_id == r->user.id)
			return arena_printf(&r->arena, "/interviews/%lld", (long long)f->interview_id);
		if (f->candidate_id > 0)
			return arena_printf(&r->arena, "/candidates/%lld#interviews-%lld", (long long)f->candidate_id,
					    (long long)f->application_id);
		break;
	case GUARD_FIX_PLAN:
		return arena_printf(&r->arena, "/positions/%lld/interviews", (long long)position_id);
	case GUARD_FIX_TIMELINE:
		return arena_printf(&r->arena, "/positions/%lld/timeline", (long long)position_id);
	case GUARD_FIX__COUNT:
		break;
	}
	return arena_printf(&r->arena, "/positions/%lld/health", (long long)position_id);
}

const char *health_fix_label(struct request *r, const struct health_finding *f)
{
	switch (f->fix) {
	case GUARD_FIX_CANDIDATE:
		if (f->rule && strcmp(f->rule, GUARD_RULE_CHALLENGES_NOT_DISCLOSED) == 0)
			return _("Record the disclosure");
		if (f->rule && strcmp(f->rule, GUARD_RULE_NO_CONTACT) == 0)
			return _("Record a contact");
		return _("Open the candidate");
	case GUARD_FIX_BOARD:
		return _("Open the card on the board");
	case GUARD_FIX_KIT:
		return f->user_id == r->user.id ? _("Submit your scorecard") : _("Open the candidate's interviews");
	case GUARD_FIX_PLAN:
		return _("Open the interview plan");
	case GUARD_FIX_TIMELINE:
		return _("Open the timeline");
	case GUARD_FIX__COUNT:
		break;
	}
	return _("Process health");
}

const char *health_severity_class(enum guard_severity s)
{
	switch (s) {
	case GUARD_CRITICAL:
		return "critical";
	case GUARD_WARNING:
		return "warning";
	default:
		return "info";
	}
}

void health_finding_html(struct request *r, int64_t position_id, const char *position_title,
			 const struct health_finding *f)
{
	struct buf *o = &r->out;
	const char *cls = health_severity_class(f->severity);
	html_printf(o, "<li class=\"health-item health-%s\" data-rule=\"%s\" data-severity=\"%s\" data-application=\"%lld\" "
		       "data-days=\"%d\">"
		       "<span class=\"badge health-badge health-badge-%s\">%s</span> <strong class=\"health-summary-text\">%s</strong>"
		       "<span class=\"health-advice\">%s</span>",
		    cls, f->rule, guard_severity_code(f->severity), (long long)f->application_id, f->days, cls,
		    _(guard_severity_label(f->severity)),
		    health_message(r, f), health_advice(f));
	html_raw(o, "<span class=\"health-meta\">");
	if (f->candidate_id > 0 && f->candidate_name[0]) {
		if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
			html_printf(o, "<a class=\"health-candidate\" href=\"/candidates/%lld\">%s</a>", (long long)f->candidate_id,
				    f->candidate_name);
		else
			html_printf(o, "<span class=\"health-candidate\">%s</span>", f->candidate_name);
	}
	if (position_title) {
		if (permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES))
			html_printf(o, "<a class=\"health-position\" href=\"/positions/%lld/health\">%s</a>", (long long)position_id,
				    position_title);
		else
			html_printf(o, "<span class=\"health-position\">%s</span>", position_title);
	}
	html_printf(o, "<a class=\"btn btn-small health-fix\" href=\"%s\">%s</a></span></li>", health_fix_url(r, position_id, f),
		    health_fix_label(r, f));
}
