/*
 * pages.h — the handlers the route table (router.c) points at. Each page
 * lives in its own file under src/web/ and follows the same shape: read
 * input → load via store → decide via core → render.
 */
#ifndef STELLWERK_WEB_PAGES_H
#define STELLWERK_WEB_PAGES_H

#include "web/request.h"

/* static.c */
void page_static(struct request *r);
/* page_login.c */
void page_root(struct request *r);
void page_login(struct request *r);
void page_login_submit(struct request *r);
void page_logout(struct request *r);
/* page_lang.c */
void page_lang(struct request *r);
/* page_dashboard.c */
void page_dashboard(struct request *r);
/* page_positions.c */
void page_positions(struct request *r);
/* page_position_new.c */
void page_position_new(struct request *r);
void page_position_create(struct request *r);
/* page_position.c */
void page_position(struct request *r);
void page_position_edit(struct request *r);
void page_position_update(struct request *r);
/* page_position_goals.c */
void page_position_goals(struct request *r);
void page_goal_create(struct request *r);
void page_goal_update(struct request *r);
void page_goal_delete(struct request *r);
/* page_position_requirements.c */
void page_position_requirements(struct request *r);
void page_requirement_create(struct request *r);
void page_requirement_update(struct request *r);
void page_requirement_delete(struct request *r);
void page_suggestion_accept(struct request *r);
/* page_position_stakeholders.c */
void page_position_stakeholders(struct request *r);
void page_stakeholder_create(struct request *r);
void page_stakeholder_delete(struct request *r);
void page_proposals_save(struct request *r);
void page_requirement_decide(struct request *r);
/* page_position_review.c */
void page_position_review(struct request *r);
void page_position_approve(struct request *r);
void page_profile_version(struct request *r);
void page_profile_compare(struct request *r);
/* page_check_preview.c */
void page_check_preview(struct request *r);
/* page_organisations.c */
void page_organisations(struct request *r);
void page_organisation_create(struct request *r);
void page_organisation(struct request *r);
void page_organisation_update(struct request *r);
/* page_account.c */
void page_account(struct request *r);
void page_account_profile(struct request *r);
void page_account_password(struct request *r);
/* page_tokens.c */
void page_tokens(struct request *r);
void page_tokens_create(struct request *r);
void page_tokens_revoke(struct request *r);
/* page_users.c */
void page_users(struct request *r);
void page_users_create(struct request *r);
void page_users_disable(struct request *r);
void page_users_enable(struct request *r);
void page_users_role(struct request *r);
void page_users_password(struct request *r);
/* page_templates.c */
void page_templates(struct request *r);
void page_template(struct request *r);
void page_template_save(struct request *r);
void page_template_copy(struct request *r);
void page_template_restore(struct request *r);
/* page_audit.c */
void page_audit(struct request *r);
/* page_candidates.c */
void page_candidates(struct request *r);
/* page_candidate_form.c */
void page_candidate_new(struct request *r);
void page_candidate_create(struct request *r);
void page_candidate_edit(struct request *r);
void page_candidate_update(struct request *r);
/* page_candidate.c */
void page_candidate(struct request *r);
void page_candidate_add_application(struct request *r);
void page_candidate_add_note(struct request *r);
/* page_candidate_merge.c */
void page_candidate_merge(struct request *r);
void page_candidate_merge_submit(struct request *r);
/* page_documents.c */
void page_document_upload(struct request *r);
void page_document_download(struct request *r);
/* page_board.c */
void page_pipeline_board(struct request *r);
void page_application_move(struct request *r);
/* page_stages.c */
void page_stages(struct request *r);
void page_stages_save(struct request *r);
void page_stages_reset(struct request *r);
/* page_channels.c */
void page_position_channels(struct request *r);
void page_position_channels_save(struct request *r);
/* page_channel_report.c */
void page_position_channel_report(struct request *r);
void page_channels_report(struct request *r);
/* page_job_apply.c: the form below a published ad (called by page_job) in
 * the ad's language, its submission, the confirmation page; the built-in
 * privacy notice (translated) and its rendering as escaped paragraphs with
 * {company} replaced. */
struct stored_ad;
struct position;
struct organisation;
void job_apply_section(struct request *r, const struct stored_ad *ad, const struct position *p,
		       const struct organisation *org);
void page_job_apply(struct request *r);
void page_job_thanks(struct request *r);
const char *privacy_notice_default(enum lang lang);
void privacy_notice_render(struct buf *o, const char *text, const char *company);
/* page_privacy.c */
void page_privacy(struct request *r);
void page_privacy_save(struct request *r);
/* page_import.c */
void page_import_form(struct request *r);
void page_import_upload(struct request *r);
void page_import_preview(struct request *r);
void page_import_run(struct request *r);
void page_import_progress(struct request *r);
void page_import_status(struct request *r);
/* Interview plan and question bank */
/* page_interview_plan.c */
void page_interview_plan(struct request *r);
void page_interview_round_create(struct request *r);
void page_interview_round_update(struct request *r);
void page_interview_round_move(struct request *r);
void page_interview_round_delete(struct request *r);
void page_interview_round_interviewers(struct request *r);
void page_interview_round_kit(struct request *r);
/* page_questions.c */
void page_questions(struct request *r);
void page_question_create(struct request *r);
void page_question_favourite(struct request *r);
/* page_exercises.c */
void page_exercises(struct request *r);
/* My interviews, kits and scorecards */
/* page_my_interviews.c: "my interviews", planning an interview of an
 * application, and the interviews section of the candidate page (each
 * application's interviews with kit version, interviewers, scorecards and
 * the "Plan interview" form; apps[i] is in position pos[i]). */
struct application;
struct candidate_position;
void page_interviews(struct request *r);
void page_application_plan_interview(struct request *r);
void candidate_interviews_html(struct request *r, const struct application *apps, const struct candidate_position *pos,
			       size_t n);
/* page_kit.c */
void page_interview_kit(struct request *r);
void page_scorecard_save(struct request *r);
/* page_scorecard.c */
void page_scorecard(struct request *r);
/* Evaluation and decision */
/* page_evaluation.c */
void page_position_evaluation(struct request *r);
/* page_candidate_evaluation.c */
void page_application_evaluation(struct request *r);
void page_application_decision(struct request *r);
/* Timeline, Gantt and absences */
/* page_timeline.c: the hiring plan, Gantt chart and status of a position */
void page_position_timeline(struct request *r);
void page_position_timeline_save(struct request *r);
/* page_absences.c: own absences, and others' for who manages candidates */
void page_absences(struct request *r);
void page_absence_create(struct request *r);
void page_absence_delete(struct request *r);
/* api_timeline.c (also in api_timeline.h; here so the route table sees it) */
void api_position_timeline(struct request *r);
/* Process health and dashboard */
/* page_health.c: the process-health page of a position, its compact panel
 * on the position overview, and the challenge disclosures of each
 * application on the candidate page (apps[i] is in position pos[i]). */
struct position;
void page_position_health(struct request *r);
void health_summary_html(struct request *r, const struct position *p);
void candidate_disclosures_html(struct request *r, const struct application *apps, const struct candidate_position *pos,
				size_t n);
void page_application_disclosure(struct request *r);
/* api_health.c */
void api_position_health(struct request *r);
/* Interview scheduling and calendar */
/* page_schedule.c: scheduling form, save, cancel, .ics; the schedule
 * summary of one interview (with Schedule / .ics links when actions) */
struct scheduled_interview;
void page_interview_schedule(struct request *r);
void page_interview_schedule_save(struct request *r);
void page_interview_cancel(struct request *r);
void page_interview_ics(struct request *r);
void interview_schedule_html(struct request *r, const struct scheduled_interview *iv, bool actions);
/* The same as a paragraph for the kit header; nothing when it cannot be read. */
void interview_schedule_line_html(struct request *r, int64_t interview_id);
/* page_calendar_feed.c */
void page_calendar_settings(struct request *r);
void page_calendar_create(struct request *r);
void page_calendar_revoke(struct request *r);
void page_calendar_feed(struct request *r);
#include "web/api_schedule.h" /* the F7 API handlers, for the route table */
/* Messages and outbox */
/* page_messages.c: compose (form, preview, send into the outbox), the
 * outbox with retry, copy and mark as sent, and the Messages section of the
 * candidate page (compose form and the candidate's messages with status;
 * apps[i] is in position pos[i]). */
struct candidate;
void page_message_compose(struct request *r);
void page_message_send(struct request *r);
void page_outbox(struct request *r);
void page_outbox_retry(struct request *r);
void page_outbox_mark_sent(struct request *r);
void candidate_messages_html(struct request *r, const struct candidate *c, const struct application *apps,
			     const struct candidate_position *pos, size_t n);
/* page_message_templates.c: Settings → Messages (template overrides) */
void page_message_templates(struct request *r);
void page_message_template_save(struct request *r);
void page_message_template_restore(struct request *r);
/* Offers and budget bands */
/* page_offer.c: the offer of an application with its versions and actions;
 * page_budget.c: the budget band of a position (R-OFFER-1, R-TIME-4) */
void page_offer(struct request *r);
void page_offer_save(struct request *r);
void page_offer_approve(struct request *r);
void page_offer_send(struct request *r);
void page_offer_accept(struct request *r);
void page_offer_decline(struct request *r);
void page_offer_withdraw(struct request *r);
void page_budget(struct request *r);
void page_budget_save(struct request *r);
/* api_offers.c (declared in api_offers.h as well) */
void api_offers_list(struct request *r);
void api_offers_create(struct request *r);
void api_offer_get(struct request *r);
void api_offer_approve(struct request *r);
void api_offer_send(struct request *r);
void api_offer_accept(struct request *r);
void api_offer_decline(struct request *r);
void api_offer_withdraw(struct request *r);
/* Onboarding, key accounts and handovers */
/* page_onboarding.c: the manager's list, the plan of a hire, the new
 * hire's personal view; page_onboarding_accounts.c: key accounts, CSV
 * import and the handover schedule (shown inside the plan page). */
struct onb_view;
struct form_errors;
struct onb_accounts_feedback {
	const struct form_errors *fe;      /* errors of the add form */
	const char *name, *revenue, *priority, *owner, *notes; /* the add form as sent */
	const char *const *problems;       /* the refused CSV import, one text per problem */
	size_t nproblems;
	const char *message;               /* e.g. the handover schedule's overflow */
};
void page_onboarding_list(struct request *r);
void page_onboarding_me(struct request *r);
void page_onboarding_plan(struct request *r);
void page_onboarding_generate(struct request *r);
void page_onboarding_task(struct request *r);
void page_onboarding_checkin(struct request *r);
void page_onboarding_goal(struct request *r);
void page_onboarding_review(struct request *r);
void page_onboarding_checkins_ics(struct request *r);
void page_onboarding_people(struct request *r);
void onboarding_plan_render(struct request *r, struct onb_view *v, const struct onb_accounts_feedback *fb);
void onboarding_accounts_section(struct request *r, const struct onb_view *v, const struct onb_accounts_feedback *fb);
void page_key_account_create(struct request *r);
void page_key_account_update(struct request *r);
void page_key_account_delete(struct request *r);
void page_key_accounts_import(struct request *r);
void page_handovers_schedule(struct request *r);
/* api_onboarding.c (also in api_onboarding.h; here so the route table sees them) */
void api_hires_list(struct request *r);
void api_hire_onboarding(struct request *r);
void api_hire_onboarding_ics(struct request *r);
/* api_*.c */
void api_healthz(struct request *r);
void api_me(struct request *r);
void api_users_list(struct request *r);
void api_users_create(struct request *r);
void api_audit_list(struct request *r);

#endif
