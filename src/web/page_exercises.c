/*
 * page_exercises.c — the sales exercise library (R-SALES-1): the seed's
 * six assessments (role play with a sceptical customer, case study,
 * presentation of past successes, negotiation, customer orientation,
 * closing strength), each with its KAM scenario, instructions, what to
 * observe and the anchored 1–4 rubric. Exercises are attached to interview
 * rounds on the plan page (R-SALES-2).
 */
#include "core/exercises.h"
#include "web/bank_source.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pages.h"

void page_exercises(struct request *r)
{
	struct buf *o = &r->out;
	const struct exercise_library *lib = bank_builtin_exercises();
	struct iv_competencies comp;
	iv_competencies_for_template(r, "kam", &comp);
	page_begin(r, _("Sales exercises"), NAV_POSITIONS);
	html_printf(o, "<div class=\"page-header\"><div><h1>%s</h1></div><div class=\"actions\"><a class=\"btn\" href=\"/questions\">%s</a></div></div>",
		    _("Sales exercises"), _("Question bank"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Sales skills show in what a candidate does, not in what they say about it. Attach these exercises to "
		      "a round of a position's interview plan; interviewers rate them on the anchored scale below, and the "
		      "ratings appear in the evaluation."));
	if (!lib || lib->nexercises == 0) {
		html_printf(o, "<p class=\"muted\">%s</p>", _("The exercise library could not be loaded."));
		page_end(r);
		return;
	}
	html_printf(o, "<nav class=\"card exercise-index\" aria-label=\"%s\"><ol>", _("Exercises"));
	int li = iv_lang_index(r);
	for (size_t i = 0; i < lib->nexercises; i++)
		html_printf(o, "<li><a href=\"#exercise-%s\">%s</a></li>", lib->exercises[i].key, lib->exercises[i].name[li]);
	html_raw(o, "</ol></nav>");
	for (size_t i = 0; i < lib->nexercises; i++)
		iv_exercise_render(r, &lib->exercises[i], &comp, 2);
	page_end(r);
}
