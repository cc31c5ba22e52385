/*
 * router.c — the one route table and the dispatcher (STYLE habit 3).
 *
 * Every route names the action it needs; the dispatcher asks
 * permission_allows() before any handler runs, so no page can forget the
 * check. State-changing methods must carry the CSRF token; GET never changes
 * state.
 */
#include "web/router.h"

#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "web/auth.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/ad_handlers.h"
#include "web/api_candidates.h"
#include "web/api_interviews.h"
#include "web/api_positions.h"
#include "web/pages.h"
#include "web/server.h"

enum route_flags {
	ROUTE_DEFAULT = 0,
	ROUTE_NO_AUTH = 1,   /* static files, health check: no session lookup */
	ROUTE_UPLOAD = 2,    /* multipart file upload: body limit from --max-upload-mb (router_body_limit) */
};

/* Room for the multipart boundaries, part headers and the ordinary form
 * fields sent along with a file on an upload route. */
#define UPLOAD_BODY_OVERHEAD ((size_t)64 * 1024)

struct route {
	enum http_method method;
	const char *pattern;  /* literal segments, {id} for a positive integer, {key} for [a-z0-9_-]{1,48},
				 trailing * for a prefix */
	enum action action;
	void (*handler)(struct request *r);
	int flags;
};

static const struct route routes[] = {
	{ HTTP_GET, "/static/*", ACTION_PUBLIC, page_static, ROUTE_NO_AUTH },
	{ HTTP_GET, "/healthz", ACTION_PUBLIC, api_healthz, ROUTE_NO_AUTH },
	{ HTTP_GET, "/", ACTION_PUBLIC, page_root, 0 },
	{ HTTP_GET, "/login", ACTION_PUBLIC, page_login, 0 },
	{ HTTP_POST, "/login", ACTION_PUBLIC, page_login_submit, 0 },
	{ HTTP_POST, "/logout", ACTION_PUBLIC, page_logout, 0 },
	{ HTTP_POST, "/lang", ACTION_PUBLIC, page_lang, 0 },
	{ HTTP_GET, "/dashboard", ACTION_VIEW_DASHBOARD, page_dashboard, 0 },
	{ HTTP_GET, "/positions", ACTION_VIEW_POSITIONS, page_positions, 0 },
	{ HTTP_GET, "/positions/new", ACTION_EDIT_POSITIONS, page_position_new, 0 },
	{ HTTP_POST, "/positions", ACTION_EDIT_POSITIONS, page_position_create, 0 },
	{ HTTP_GET, "/positions/{id}", ACTION_VIEW_POSITIONS, page_position, 0 },
	{ HTTP_GET, "/positions/{id}/edit", ACTION_EDIT_POSITIONS, page_position_edit, 0 },
	{ HTTP_POST, "/positions/{id}", ACTION_EDIT_POSITIONS, page_position_update, 0 },
	{ HTTP_GET, "/positions/{id}/goals", ACTION_VIEW_POSITIONS, page_position_goals, 0 },
	{ HTTP_POST, "/positions/{id}/goals", ACTION_EDIT_POSITIONS, page_goal_create, 0 },
	{ HTTP_POST, "/positions/{id}/goals/{id}", ACTION_EDIT_POSITIONS, page_goal_update, 0 },
	{ HTTP_POST, "/positions/{id}/goals/{id}/delete", ACTION_EDIT_POSITIONS, page_goal_delete, 0 },
	{ HTTP_GET, "/positions/{id}/requirements", ACTION_VIEW_POSITIONS, page_position_requirements, 0 },
	{ HTTP_POST, "/positions/{id}/requirements", ACTION_EDIT_POSITIONS, page_requirement_create, 0 },
	{ HTTP_POST, "/positions/{id}/requirements/{id}", ACTION_EDIT_POSITIONS, page_requirement_update, 0 },
	{ HTTP_POST, "/positions/{id}/requirements/{id}/delete", ACTION_EDIT_POSITIONS, page_requirement_delete, 0 },
	{ HTTP_POST, "/positions/{id}/suggestions", ACTION_EDIT_POSITIONS, page_suggestion_accept, 0 },
	{ HTTP_GET, "/positions/{id}/stakeholders", ACTION_VIEW_POSITIONS, page_position_stakeholders, 0 },
	{ HTTP_POST, "/positions/{id}/stakeholders", ACTION_EDIT_POSITIONS, page_stakeholder_create, 0 },
	{ HTTP_POST, "/positions/{id}/stakeholders/{id}/delete", ACTION_EDIT_POSITIONS, page_stakeholder_delete, 0 },
	{ HTTP_POST, "/positions/{id}/stakeholders/{id}/proposals", ACTION_EDIT_POSITIONS, page_proposals_save, 0 },
	{ HTTP_POST, "/positions/{id}/requirements/{id}/decide", ACTION_EDIT_POSITIONS, page_requirement_decide, 0 },
	{ HTTP_GET, "/positions/{id}/review", ACTION_VIEW_POSITIONS, page_position_review, 0 },
	{ HTTP_POST, "/positions/{id}/check-preview", ACTION_EDIT_POSITIONS, page_check_preview, 0 },
	{ HTTP_POST, "/positions/{id}/approve", ACTION_APPROVE_PROFILES, page_position_approve, 0 },
	{ HTTP_GET, "/positions/{id}/versions/{id}", ACTION_VIEW_POSITIONS, page_profile_version, 0 },
	{ HTTP_GET, "/positions/{id}/compare", ACTION_VIEW_POSITIONS, page_profile_compare, 0 },
	{ HTTP_GET, "/positions/{id}/ad", ACTION_VIEW_POSITIONS, page_ad_editor, 0 },
	{ HTTP_POST, "/positions/{id}/ad", ACTION_EDIT_POSITIONS, page_ad_save, 0 },
	{ HTTP_POST, "/positions/{id}/ad/generate", ACTION_EDIT_POSITIONS, page_ad_generate, 0 },
	{ HTTP_POST, "/positions/{id}/ad/check", ACTION_VIEW_POSITIONS, page_ad_lint_preview, 0 },
	{ HTTP_GET, "/positions/{id}/ad/export", ACTION_VIEW_POSITIONS, page_ad_export, 0 },
	{ HTTP_POST, "/positions/{id}/ad/publish", ACTION_EDIT_POSITIONS, page_ad_publish, 0 },
	{ HTTP_POST, "/positions/{id}/ad/unpublish", ACTION_EDIT_POSITIONS, page_ad_unpublish, 0 },
	{ HTTP_GET, "/jobs", ACTION_PUBLIC, page_jobs, 0 },
	{ HTTP_GET, "/jobs/{key}", ACTION_PUBLIC, page_job, 0 },
	{ HTTP_GET, "/organisations", ACTION_VIEW_POSITIONS, page_organisations, 0 },
	{ HTTP_POST, "/organisations", ACTION_MANAGE_ORGANISATIONS, page_organisation_create, 0 },
	{ HTTP_GET, "/organisations/{id}", ACTION_VIEW_POSITIONS, page_organisation, 0 },
	{ HTTP_POST, "/organisations/{id}", ACTION_MANAGE_ORGANISATIONS, page_organisation_update, 0 },
	{ HTTP_GET, "/candidates", ACTION_MANAGE_CANDIDATES, page_candidates, 0 },
	/* Candidate pages */
	{ HTTP_GET, "/candidates/new", ACTION_MANAGE_CANDIDATES, page_candidate_new, 0 },
	{ HTTP_POST, "/candidates", ACTION_MANAGE_CANDIDATES, page_candidate_create, 0 },
	{ HTTP_GET, "/candidates/{id}", ACTION_MANAGE_CANDIDATES, page_candidate, 0 },
	{ HTTP_GET, "/candidates/{id}/edit", ACTION_MANAGE_CANDIDATES, page_candidate_edit, 0 },
	{ HTTP_POST, "/candidates/{id}", ACTION_MANAGE_CANDIDATES, page_candidate_update, 0 },
	{ HTTP_POST, "/candidates/{id}/applications", ACTION_MANAGE_CANDIDATES, page_candidate_add_application, 0 },
	{ HTTP_POST, "/candidates/{id}/notes", ACTION_MANAGE_CANDIDATES, page_candidate_add_note, 0 },
	{ HTTP_GET, "/candidates/{id}/merge/{id}", ACTION_MANAGE_CANDIDATES, page_candidate_merge, 0 },
	{ HTTP_POST, "/candidates/{id}/merge/{id}", ACTION_MANAGE_CANDIDATES, page_candidate_merge_submit, 0 },
	/* Documents and uploads */
	{ HTTP_POST, "/candidates/{id}/documents", ACTION_MANAGE_CANDIDATES, page_document_upload, ROUTE_UPLOAD },
	{ HTTP_GET, "/candidates/{id}/documents/{id}", ACTION_MANAGE_CANDIDATES, page_document_download, 0 },
	/* Pipeline board and stages */
	{ HTTP_GET, "/positions/{id}/pipeline", ACTION_MANAGE_CANDIDATES, page_pipeline_board, 0 },
	{ HTTP_POST, "/applications/{id}/move", ACTION_MANAGE_CANDIDATES, page_application_move, 0 },
	{ HTTP_GET, "/positions/{id}/stages", ACTION_MANAGE_CANDIDATES, page_stages, 0 },
	{ HTTP_POST, "/positions/{id}/stages", ACTION_MANAGE_CANDIDATES, page_stages_save, 0 },
	{ HTTP_POST, "/positions/{id}/stages/reset", ACTION_MANAGE_CANDIDATES, page_stages_reset, 0 },
	/* Channel plans and reports */
	{ HTTP_GET, "/positions/{id}/channels", ACTION_MANAGE_CANDIDATES, page_position_channels, 0 },
	{ HTTP_POST, "/positions/{id}/channels", ACTION_MANAGE_CANDIDATES, page_position_channels_save, 0 },
	{ HTTP_GET, "/positions/{id}/channel-report", ACTION_MANAGE_CANDIDATES, page_position_channel_report, 0 },
	{ HTTP_GET, "/channels/report", ACTION_MANAGE_CANDIDATES, page_channels_report, 0 },
	/* Career page applications and privacy notice */
	{ HTTP_POST, "/jobs/{key}/apply", ACTION_PUBLIC, page_job_apply, ROUTE_UPLOAD },
	{ HTTP_GET, "/jobs/{key}/thanks", ACTION_PUBLIC, page_job_thanks, 0 },
	{ HTTP_GET, "/settings/privacy", ACTION_MANAGE_SETTINGS, page_privacy, 0 },
	{ HTTP_POST, "/settings/privacy", ACTION_MANAGE_SETTINGS, page_privacy_save, 0 },
	/* Candidate import */
	{ HTTP_GET, "/candidates/import", ACTION_MANAGE_CANDIDATES, page_import_form, 0 },
	{ HTTP_POST, "/candidates/import", ACTION_MANAGE_CANDIDATES, page_import_upload, ROUTE_UPLOAD },
	{ HTTP_GET, "/candidates/import/{key}", ACTION_MANAGE_CANDIDATES, page_import_progress, 0 },
	{ HTTP_GET, "/candidates/import/{key}/status", ACTION_MANAGE_CANDIDATES, page_import_status, 0 },
	{ HTTP_POST, "/candidates/import/{key}/preview", ACTION_MANAGE_CANDIDATES, page_import_preview, 0 },
	{ HTTP_POST, "/candidates/import/{key}/run", ACTION_MANAGE_CANDIDATES, page_import_run, 0 },
	{ HTTP_GET, "/interviews", ACTION_VIEW_INTERVIEWS, page_interviews, 0 },
	/* Interview plan and question bank */
	{ HTTP_GET, "/positions/{id}/interviews", ACTION_VIEW_POSITIONS, page_interview_plan, 0 },
	{ HTTP_POST, "/positions/{id}/interviews", ACTION_EDIT_POSITIONS, page_interview_round_create, 0 },
	{ HTTP_POST, "/positions/{id}/interviews/{id}", ACTION_EDIT_POSITIONS, page_interview_round_update, 0 },
	{ HTTP_POST, "/positions/{id}/interviews/{id}/move", ACTION_EDIT_POSITIONS, page_interview_round_move, 0 },
	{ HTTP_POST, "/positions/{id}/interviews/{id}/delete", ACTION_EDIT_POSITIONS, page_interview_round_delete, 0 },
	{ HTTP_POST, "/positions/{id}/interviews/{id}/interviewers", ACTION_EDIT_POSITIONS, page_interview_round_interviewers, 0 },
	{ HTTP_POST, "/positions/{id}/interviews/{id}/kit", ACTION_EDIT_POSITIONS, page_interview_round_kit, 0 },
	{ HTTP_GET, "/questions", ACTION_VIEW_POSITIONS, page_questions, 0 },
	{ HTTP_POST, "/questions", ACTION_EDIT_POSITIONS, page_question_create, 0 },
	{ HTTP_POST, "/questions/favourite", ACTION_VIEW_POSITIONS, page_question_favourite, 0 },
	{ HTTP_GET, "/exercises", ACTION_VIEW_POSITIONS, page_exercises, 0 },
	/* My interviews, kits and scorecards */
	{ HTTP_GET, "/interviews/{id}", ACTION_VIEW_INTERVIEWS, page_interview_kit, 0 },
	{ HTTP_POST, "/interviews/{id}/scorecard", ACTION_WRITE_SCORECARDS, page_scorecard_save, 0 },
	{ HTTP_GET, "/scorecards/{id}", ACTION_VIEW_INTERVIEWS, page_scorecard, 0 },
	{ HTTP_POST, "/applications/{id}/interviews", ACTION_MANAGE_CANDIDATES, page_application_plan_interview, 0 },
	/* Evaluation and decision */
	/* Timeline, Gantt and absences */
	{ HTTP_GET, "/positions/{id}/timeline", ACTION_VIEW_POSITIONS, page_position_timeline, 0 },
	{ HTTP_POST, "/positions/{id}/timeline", ACTION_EDIT_POSITIONS, page_position_timeline_save, 0 },
	{ HTTP_GET, "/settings/absences", ACTION_MANAGE_OWN_ACCOUNT, page_absences, 0 },
	{ HTTP_POST, "/settings/absences", ACTION_MANAGE_OWN_ACCOUNT, page_absence_create, 0 },
	{ HTTP_POST, "/settings/absences/{id}/delete", ACTION_MANAGE_OWN_ACCOUNT, page_absence_delete, 0 },
	/* Process health and dashboard */
	{ HTTP_GET, "/positions/{id}/health", ACTION_MANAGE_CANDIDATES, page_position_health, 0 },
	{ HTTP_POST, "/applications/{id}/disclosure", ACTION_MANAGE_CANDIDATES, page_application_disclosure, 0 },
	/* Interview scheduling and calendar */
	{ HTTP_GET, "/interviews/{id}/schedule", ACTION_MANAGE_CANDIDATES, page_interview_schedule, 0 },
	{ HTTP_POST, "/interviews/{id}/schedule", ACTION_MANAGE_CANDIDATES, page_interview_schedule_save, 0 },
	{ HTTP_POST, "/interviews/{id}/cancel", ACTION_MANAGE_CANDIDATES, page_interview_cancel, 0 },
	{ HTTP_GET, "/interviews/{id}.ics", ACTION_VIEW_INTERVIEWS, page_interview_ics, 0 },
	{ HTTP_GET, "/settings/calendar", ACTION_MANAGE_OWN_ACCOUNT, page_calendar_settings, 0 },
	{ HTTP_POST, "/settings/calendar", ACTION_MANAGE_OWN_ACCOUNT, page_calendar_create, 0 },
	{ HTTP_POST, "/settings/calendar/revoke", ACTION_MANAGE_OWN_ACCOUNT, page_calendar_revoke, 0 },
	{ HTTP_GET, "/calendar/*", ACTION_PUBLIC, page_calendar_feed, ROUTE_NO_AUTH }, /* the secret in the path is the credential */
	/* Messages and outbox */
	/* Offers and budget bands */
	/* the offer page and the band: whoever manages candidates and the position's CFO (checked by the page) */
	{ HTTP_GET, "/applications/{id}/offer", ACTION_VIEW_DASHBOARD, page_offer, 0 },
	{ HTTP_POST, "/applications/{id}/offer", ACTION_MANAGE_CANDIDATES, page_offer_save, 0 },
	{ HTTP_POST, "/offers/{id}/versions/{id}/approve", ACTION_VIEW_DASHBOARD, page_offer_approve, 0 }, /* CFO or admin: checked */
	{ HTTP_POST, "/offers/{id}/send", ACTION_MANAGE_CANDIDATES, page_offer_send, 0 },
	{ HTTP_POST, "/offers/{id}/accept", ACTION_MANAGE_CANDIDATES, page_offer_accept, 0 },
	{ HTTP_POST, "/offers/{id}/decline", ACTION_MANAGE_CANDIDATES, page_offer_decline, 0 },
	{ HTTP_POST, "/offers/{id}/withdraw", ACTION_MANAGE_CANDIDATES, page_offer_withdraw, 0 },
	{ HTTP_GET, "/positions/{id}/budget", ACTION_VIEW_DASHBOARD, page_budget, 0 },
	{ HTTP_POST, "/positions/{id}/budget", ACTION_VIEW_DASHBOARD, page_budget_save, 0 }, /* CFO or admin: checked */
	/* Onboarding, key accounts and handovers */
	{ HTTP_GET, "/onboarding", ACTION_MANAGE_CANDIDATES, page_onboarding_list, 0 },
	{ HTTP_GET, "/onboarding/me", ACTION_VIEW_DASHBOARD, page_onboarding_me, 0 },
	{ HTTP_GET, "/onboarding/{id}", ACTION_MANAGE_CANDIDATES, page_onboarding_plan, 0 },
	{ HTTP_POST, "/onboarding/{id}/generate", ACTION_MANAGE_CANDIDATES, page_onboarding_generate, 0 },
	{ HTTP_POST, "/onboarding/{id}/people", ACTION_MANAGE_CANDIDATES, page_onboarding_people, 0 },
	{ HTTP_POST, "/onboarding/{id}/tasks/{id}", ACTION_VIEW_DASHBOARD, page_onboarding_task, 0 }, /* owner or manager: handler */
	{ HTTP_POST, "/onboarding/{id}/checkins/{id}", ACTION_VIEW_DASHBOARD, page_onboarding_checkin, 0 }, /* new hire or manager */
	{ HTTP_GET, "/onboarding/{id}/checkins.ics", ACTION_VIEW_DASHBOARD, page_onboarding_checkins_ics, 0 }, /* new hire or manager */
	{ HTTP_POST, "/onboarding/{id}/goals/{id}", ACTION_VIEW_DASHBOARD, page_onboarding_goal, 0 }, /* new hire or manager */
	{ HTTP_POST, "/onboarding/{id}/reviews/{id}", ACTION_MANAGE_CANDIDATES, page_onboarding_review, 0 },
	{ HTTP_POST, "/onboarding/{id}/accounts", ACTION_MANAGE_CANDIDATES, page_key_account_create, 0 },
	{ HTTP_POST, "/onboarding/{id}/accounts/import", ACTION_MANAGE_CANDIDATES, page_key_accounts_import, ROUTE_UPLOAD },
	{ HTTP_POST, "/onboarding/{id}/accounts/{id}", ACTION_MANAGE_CANDIDATES, page_key_account_update, 0 },
	{ HTTP_POST, "/onboarding/{id}/accounts/{id}/delete", ACTION_MANAGE_CANDIDATES, page_key_account_delete, 0 },
	{ HTTP_POST, "/onboarding/{id}/handovers", ACTION_MANAGE_CANDIDATES, page_handovers_schedule, 0 },
	{ HTTP_GET, "/candidates/{id}/messages/new", ACTION_MANAGE_CANDIDATES, page_message_compose, 0 },
	{ HTTP_POST, "/candidates/{id}/messages", ACTION_MANAGE_CANDIDATES, page_message_send, 0 },
	{ HTTP_GET, "/outbox", ACTION_MANAGE_CANDIDATES, page_outbox, 0 },
	{ HTTP_POST, "/outbox/{id}/retry", ACTION_MANAGE_CANDIDATES, page_outbox_retry, 0 },
	{ HTTP_POST, "/outbox/{id}/mark-sent", ACTION_MANAGE_CANDIDATES, page_outbox_mark_sent, 0 },
	{ HTTP_GET, "/settings/messages", ACTION_MANAGE_SETTINGS, page_message_templates, 0 },
	{ HTTP_POST, "/settings/messages", ACTION_MANAGE_SETTINGS, page_message_template_save, 0 },
	{ HTTP_POST, "/settings/messages/restore", ACTION_MANAGE_SETTINGS, page_message_template_restore, 0 },
	{ HTTP_GET, "/positions/{id}/evaluation", ACTION_MANAGE_CANDIDATES, page_position_evaluation, 0 },
	{ HTTP_GET, "/applications/{id}/evaluation", ACTION_MANAGE_CANDIDATES, page_application_evaluation, 0 },
	{ HTTP_POST, "/applications/{id}/decision", ACTION_DECIDE, page_application_decision, 0 },
	{ HTTP_GET, "/settings", ACTION_MANAGE_OWN_ACCOUNT, page_account, 0 },
	{ HTTP_POST, "/settings/profile", ACTION_MANAGE_OWN_ACCOUNT, page_account_profile, 0 },
	{ HTTP_POST, "/settings/password", ACTION_MANAGE_OWN_ACCOUNT, page_account_password, 0 },
	{ HTTP_GET, "/settings/tokens", ACTION_MANAGE_OWN_ACCOUNT, page_tokens, 0 },
	{ HTTP_POST, "/settings/tokens", ACTION_MANAGE_OWN_ACCOUNT, page_tokens_create, 0 },
	{ HTTP_POST, "/settings/tokens/{id}/revoke", ACTION_MANAGE_OWN_ACCOUNT, page_tokens_revoke, 0 },
	{ HTTP_GET, "/settings/users", ACTION_MANAGE_USERS, page_users, 0 },
	{ HTTP_POST, "/settings/users", ACTION_MANAGE_USERS, page_users_create, 0 },
	{ HTTP_POST, "/settings/users/{id}/disable", ACTION_MANAGE_USERS, page_users_disable, 0 },
	{ HTTP_POST, "/settings/users/{id}/enable", ACTION_MANAGE_USERS, page_users_enable, 0 },
	{ HTTP_POST, "/settings/users/{id}/role", ACTION_MANAGE_USERS, page_users_role, 0 },
	{ HTTP_POST, "/settings/users/{id}/password", ACTION_MANAGE_USERS, page_users_password, 0 },
	{ HTTP_GET, "/settings/audit", ACTION_VIEW_AUDIT, page_audit, 0 },
	{ HTTP_GET, "/settings/templates", ACTION_MANAGE_TEMPLATES, page_templates, 0 },
	{ HTTP_GET, "/settings/templates/{key}", ACTION_MANAGE_TEMPLATES, page_template, 0 },
	{ HTTP_POST, "/settings/templates/{key}", ACTION_MANAGE_TEMPLATES, page_template_save, 0 },
	{ HTTP_POST, "/settings/templates/{key}/copy", ACTION_MANAGE_TEMPLATES, page_template_copy, 0 },
	{ HTTP_POST, "/settings/templates/{key}/restore", ACTION_MANAGE_TEMPLATES, page_template_restore, 0 },
	{ HTTP_GET, "/api/v1/me", ACTION_MANAGE_OWN_ACCOUNT, api_me, 0 },
	{ HTTP_GET, "/api/v1/users", ACTION_MANAGE_USERS, api_users_list, 0 },
	{ HTTP_POST, "/api/v1/users", ACTION_MANAGE_USERS, api_users_create, 0 },
	{ HTTP_GET, "/api/v1/audit", ACTION_VIEW_AUDIT, api_audit_list, 0 },
	{ HTTP_GET, "/api/v1/organisations", ACTION_VIEW_POSITIONS, api_organisations_list, 0 },
	{ HTTP_POST, "/api/v1/organisations", ACTION_MANAGE_ORGANISATIONS, api_organisations_create, 0 },
	{ HTTP_GET, "/api/v1/organisations/{id}", ACTION_VIEW_POSITIONS, api_organisation_get, 0 },
	{ HTTP_PATCH, "/api/v1/organisations/{id}", ACTION_MANAGE_ORGANISATIONS, api_organisation_update, 0 },
	{ HTTP_GET, "/api/v1/positions", ACTION_VIEW_POSITIONS, api_positions_list, 0 },
	{ HTTP_POST, "/api/v1/positions", ACTION_EDIT_POSITIONS, api_positions_create, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}", ACTION_VIEW_POSITIONS, api_position_get, 0 },
	{ HTTP_PATCH, "/api/v1/positions/{id}", ACTION_EDIT_POSITIONS, api_position_update, 0 },
	{ HTTP_POST, "/api/v1/positions/{id}/goals", ACTION_EDIT_POSITIONS, api_goal_create, 0 },
	{ HTTP_PATCH, "/api/v1/positions/{id}/goals/{id}", ACTION_EDIT_POSITIONS, api_goal_update, 0 },
	{ HTTP_DELETE, "/api/v1/positions/{id}/goals/{id}", ACTION_EDIT_POSITIONS, api_goal_delete, 0 },
	{ HTTP_POST, "/api/v1/positions/{id}/requirements", ACTION_EDIT_POSITIONS, api_requirement_create, 0 },
	{ HTTP_PATCH, "/api/v1/positions/{id}/requirements/{id}", ACTION_EDIT_POSITIONS, api_requirement_update, 0 },
	{ HTTP_DELETE, "/api/v1/positions/{id}/requirements/{id}", ACTION_EDIT_POSITIONS, api_requirement_delete, 0 },
	{ HTTP_POST, "/api/v1/positions/{id}/stakeholders", ACTION_EDIT_POSITIONS, api_stakeholder_create, 0 },
	{ HTTP_DELETE, "/api/v1/positions/{id}/stakeholders/{id}", ACTION_EDIT_POSITIONS, api_stakeholder_delete, 0 },
	{ HTTP_PUT, "/api/v1/positions/{id}/stakeholders/{id}/proposals/{id}", ACTION_EDIT_POSITIONS, api_proposal_set, 0 },
	{ HTTP_DELETE, "/api/v1/positions/{id}/stakeholders/{id}/proposals/{id}", ACTION_EDIT_POSITIONS, api_proposal_delete, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/profile-check", ACTION_VIEW_POSITIONS, api_profile_check, 0 },
	{ HTTP_POST, "/api/v1/positions/{id}/approve", ACTION_APPROVE_PROFILES, api_profile_approve, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/versions", ACTION_VIEW_POSITIONS, api_profile_versions, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/versions/{id}", ACTION_VIEW_POSITIONS, api_profile_version_get, 0 },
	{ HTTP_POST, "/api/v1/lint", ACTION_VIEW_POSITIONS, api_lint, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/ad", ACTION_VIEW_POSITIONS, api_ad_get, 0 },
	{ HTTP_PUT, "/api/v1/positions/{id}/ad", ACTION_EDIT_POSITIONS, api_ad_put, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/ad.jsonld", ACTION_VIEW_POSITIONS, api_ad_jsonld, 0 },
	{ HTTP_GET, "/api/v1/templates", ACTION_VIEW_POSITIONS, api_templates_list, 0 },
	{ HTTP_GET, "/api/v1/templates/{key}", ACTION_VIEW_POSITIONS, api_template_get, 0 },
	/* Step 4: candidates, applications, channels — recruiter and above
	 * (interviewers see candidates only through their interviews). */
	{ HTTP_GET, "/api/v1/candidates", ACTION_MANAGE_CANDIDATES, api_candidates_list, 0 },
	{ HTTP_POST, "/api/v1/candidates", ACTION_MANAGE_CANDIDATES, api_candidates_create, 0 },
	{ HTTP_GET, "/api/v1/candidates/{id}", ACTION_MANAGE_CANDIDATES, api_candidate_get, 0 },
	{ HTTP_PATCH, "/api/v1/candidates/{id}", ACTION_MANAGE_CANDIDATES, api_candidate_update, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/applications", ACTION_MANAGE_CANDIDATES, api_applications_board, 0 },
	{ HTTP_POST, "/api/v1/positions/{id}/applications", ACTION_MANAGE_CANDIDATES, api_applications_create, 0 },
	{ HTTP_GET, "/api/v1/applications/{id}", ACTION_MANAGE_CANDIDATES, api_application_get, 0 },
	{ HTTP_POST, "/api/v1/applications/{id}/move", ACTION_MANAGE_CANDIDATES, api_application_move, 0 },
	{ HTTP_GET, "/api/v1/channels", ACTION_MANAGE_CANDIDATES, api_channels_list, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/channel-report", ACTION_MANAGE_CANDIDATES, api_channel_report, 0 },
	/* Step 5: question bank, exercises, interview plans, interviews, scorecards
	 * (visibility checked in the handlers), evaluation and decisions. */
	{ HTTP_GET, "/api/v1/questions", ACTION_VIEW_POSITIONS, api_questions_list, 0 },
	{ HTTP_POST, "/api/v1/questions", ACTION_EDIT_POSITIONS, api_questions_create, 0 },
	{ HTTP_GET, "/api/v1/questions/{id}", ACTION_VIEW_POSITIONS, api_question_get, 0 },
	{ HTTP_GET, "/api/v1/exercises", ACTION_VIEW_POSITIONS, api_exercises_list, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/interview-plan", ACTION_VIEW_POSITIONS, api_interview_plan_get, 0 },
	{ HTTP_PUT, "/api/v1/positions/{id}/interview-plan", ACTION_EDIT_POSITIONS, api_interview_plan_put, 0 },
	{ HTTP_POST, "/api/v1/applications/{id}/interviews", ACTION_MANAGE_CANDIDATES, api_interviews_create, 0 },
	{ HTTP_GET, "/api/v1/interviews/{id}", ACTION_VIEW_INTERVIEWS, api_interview_get, 0 },
	{ HTTP_GET, "/api/v1/scorecards", ACTION_VIEW_INTERVIEWS, api_scorecards_list, 0 },
	{ HTTP_POST, "/api/v1/scorecards", ACTION_WRITE_SCORECARDS, api_scorecards_open, 0 },
	{ HTTP_GET, "/api/v1/scorecards/{id}", ACTION_VIEW_INTERVIEWS, api_scorecard_get, 0 },
	{ HTTP_PUT, "/api/v1/scorecards/{id}", ACTION_WRITE_SCORECARDS, api_scorecard_save, 0 },
	{ HTTP_POST, "/api/v1/scorecards/{id}/submit", ACTION_WRITE_SCORECARDS, api_scorecard_submit, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/evaluation", ACTION_MANAGE_CANDIDATES, api_evaluation_get, 0 },
	{ HTTP_POST, "/api/v1/applications/{id}/decision", ACTION_DECIDE, api_decision_create, 0 },
	{ HTTP_GET, "/api/v1/applications/{id}/decisions", ACTION_MANAGE_CANDIDATES, api_decisions_list, 0 },
	/* Step 6: timeline, process health, scheduled interviews and their .ics. */
	{ HTTP_GET, "/api/v1/positions/{id}/timeline", ACTION_VIEW_POSITIONS, api_position_timeline, 0 },
	{ HTTP_GET, "/api/v1/positions/{id}/health", ACTION_MANAGE_CANDIDATES, api_position_health, 0 },
	{ HTTP_GET, "/api/v1/interviews", ACTION_VIEW_INTERVIEWS, api_interviews_list, 0 },
	{ HTTP_POST, "/api/v1/interviews", ACTION_MANAGE_CANDIDATES, api_interviews_schedule_create, 0 },
	{ HTTP_PATCH, "/api/v1/interviews/{id}", ACTION_MANAGE_CANDIDATES, api_interview_reschedule, 0 },
	{ HTTP_DELETE, "/api/v1/interviews/{id}", ACTION_MANAGE_CANDIDATES, api_interview_cancel, 0 },
	{ HTTP_GET, "/api/v1/interviews/{id}.ics", ACTION_VIEW_INTERVIEWS, api_interview_ics, 0 },
	/* Step 7 API */
	{ HTTP_GET, "/api/v1/hires", ACTION_MANAGE_CANDIDATES, api_hires_list, 0 },
	{ HTTP_GET, "/api/v1/hires/{id}/onboarding", ACTION_MANAGE_CANDIDATES, api_hire_onboarding, 0 },
	{ HTTP_GET, "/api/v1/hires/{id}/onboarding.ics", ACTION_MANAGE_CANDIDATES, api_hire_onboarding_ics, 0 },
	{ HTTP_GET, "/api/v1/offers", ACTION_MANAGE_CANDIDATES, api_offers_list, 0 },
	{ HTTP_POST, "/api/v1/offers", ACTION_MANAGE_CANDIDATES, api_offers_create, 0 },
	{ HTTP_GET, "/api/v1/offers/{id}", ACTION_MANAGE_CANDIDATES, api_offer_get, 0 },
	{ HTTP_POST, "/api/v1/offers/{id}/approve", ACTION_VIEW_DASHBOARD, api_offer_approve, 0 }, /* CFO or admin: checked */
	{ HTTP_POST, "/api/v1/offers/{id}/send", ACTION_MANAGE_CANDIDATES, api_offer_send, 0 },
	{ HTTP_POST, "/api/v1/offers/{id}/accept", ACTION_MANAGE_CANDIDATES, api_offer_accept, 0 },
	{ HTTP_POST, "/api/v1/offers/{id}/decline", ACTION_MANAGE_CANDIDATES, api_offer_decline, 0 },
	{ HTTP_POST, "/api/v1/offers/{id}/withdraw", ACTION_MANAGE_CANDIDATES, api_offer_withdraw, 0 },
};

/* Matches path against pattern, capturing {id} segments into r->path_args. */
static bool route_matches(const char *pattern, const char *path, struct request *r)
{
	int nargs = 0;
	const char *p = pattern, *s = path;
	while (*p) {
		if (p[0] == '*' && p[1] == '\0')
			return *s != '\0' || s[-1] == '/';
		if (strncmp(p, "{id}", 4) == 0) {
			const char *end = s;
			while (*end >= '0' && *end <= '9')
				end++;
			long long v;
			char digits[20];
			size_t n = (size_t)(end - s);
			if (n == 0 || n >= sizeof digits || nargs == REQUEST_MAX_PATH_ARGS)
				return false;
			memcpy(digits, s, n);
			digits[n] = '\0';
			if (!str_to_int64(digits, 1, INT64_MAX, &v))
				return false;
			r->path_args[nargs++] = v;
			p += 4;
			s = end;
			continue;
		}
		if (strncmp(p, "{key}", 5) == 0) {
			size_t n = 0;
			while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_' || s[n] == '-')
				n++;
			if (n == 0 || n >= sizeof r->path_key)
				return false;
			memcpy(r->path_key, s, n);
			r->path_key[n] = '\0';
			p += 5;
			s += n;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*s != '\0')
		return false;
	r->npath_args = nargs;
	return true;
}

void router_fail(struct request *r, int status)
{
	auth_apply_language(r);
	page_error(r, status, NULL);
}

static const char *route_method_name(enum http_method m)
{
	switch (m) {
	case HTTP_GET: return "GET";
	case HTTP_HEAD: return "HEAD";
	case HTTP_POST: return "POST";
	case HTTP_PUT: return "PUT";
	case HTTP_PATCH: return "PATCH";
	case HTTP_DELETE: return "DELETE";
	default: return "";
	}
}

size_t router_body_limit(const struct server_config *cfg, const char *method, const char *path)
{
	struct request scratch; /* route_matches records captures; nothing else is touched */
	memset(&scratch, 0, sizeof scratch);
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (!(routes[i].flags & ROUTE_UPLOAD) || strcmp(route_method_name(routes[i].method), method) != 0)
			continue;
		if (route_matches(routes[i].pattern, path, &scratch))
			return cfg->max_upload_bytes + UPLOAD_BODY_OVERHEAD;
	}
	return cfg->max_body_bytes;
}

/* The Allow header for a path that exists with other methods (405). */
static const char *allowed_methods(struct request *r)
{
	static const struct { enum http_method m; const char *name; } names[] = {
		{ HTTP_GET, "GET, HEAD" }, { HTTP_POST, "POST" }, { HTTP_PUT, "PUT" }, { HTTP_PATCH, "PATCH" },
		{ HTTP_DELETE, "DELETE" },
	};
	struct buf allow = BUF_INIT;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
			if (routes[i].method == names[k].m && route_matches(routes[i].pattern, r->path, r)) {
				buf_printf(&allow, "%s%s", allow.len ? ", " : "", names[k].name);
				break;
			}
		}
	}
	const char *result = arena_strdup(&r->arena, buf_cstr(&allow));
	buf_free(&allow);
	return result;
}

static bool is_state_changing(enum http_method m)
{
	return m == HTTP_POST || m == HTTP_PUT || m == HTTP_PATCH || m == HTTP_DELETE;
}

void router_dispatch(struct request *r)
{
	const struct route *found = NULL;
	bool path_known = false;
	enum http_method m = r->method == HTTP_HEAD ? HTTP_GET : r->method;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		if (!route_matches(routes[i].pattern, r->path, r))
			continue;
		path_known = true;
		if (routes[i].method == m) {
			found = &routes[i];
			break;
		}
	}
	enum auth_result auth = AUTH_NONE;
	if (!found || !(found->flags & ROUTE_NO_AUTH))
		auth = auth_resolve(r);
	else
		auth_apply_language(r);
	if (!found) {
		if (path_known)
			resp_header(r, "Allow", allowed_methods(r));
		page_error(r, path_known ? 405 : 404, NULL);
		return;
	}
	if (found->action != ACTION_PUBLIC && !r->authenticated) {
		if (auth == AUTH_BAD_TOKEN || r->is_api) {
			resp_header(r, "WWW-Authenticate", "Bearer");
			page_error(r, 401, auth == AUTH_BAD_TOKEN ? _("The API token is unknown or revoked.") : NULL);
		} else {
			struct buf loc = BUF_INIT;
			buf_puts(&loc, "/login?next=");
			html_url_arg(&loc, m == HTTP_GET ? r->path : "/dashboard");
			resp_redirect(r, arena_strdup(&r->arena, buf_cstr(&loc)));
			buf_free(&loc);
		}
		return;
	}
	if (!permission_allows(&r->principal, found->action)) {
		page_error(r, 403, NULL);
		return;
	}
	if (is_state_changing(m) && !auth_csrf_ok(r)) {
		page_error(r, 403, _("The security token of the form was missing or outdated. Please reload the page and try again."));
		return;
	}
	if (r->form_overflow) {
		page_error(r, 400, _("The form had too many fields."));
		return;
	}
	if (r->form_has_nul) {
		page_error(r, 400, _("A form field contained a NUL byte, which is never valid input. Nothing was changed."));
		return;
	}
	found->handler(r);
}
