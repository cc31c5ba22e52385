/*
 * onboarding.c — the onboarding slot of a role template, the dated 90-day
 * plan and its progress; see onboarding.h.
 */
#include "core/onboarding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bank_json.h"
#include "core/calendar.h"
#include "core/code_table.h"
#include "core/i18n_mark.h"
#include "util/xalloc.h"

/* --- codes ---------------------------------------------------------------- */

static const char *const phase_codes[ONB_PHASE__COUNT] = { "week1", "weeks2_4", "month2", "month3" };
/* German: „Woche 1“, „Woche 2–4“, „Monat 2“, „Monat 3“. */
static const char *const phase_labels[ONB_PHASE__COUNT] = { N_("Week 1"), N_("Weeks 2–4"), N_("Month 2"),
							     N_("Month 3") };
static const char *const owner_codes[ONB_OWNER__COUNT] = { "new_hire", "manager", "previous_owner", "engineering" };
/* German: „Neue Mitarbeiterin / neuer Mitarbeiter“, „Führungskraft“, „Bisherige Kundenbetreuung“,
 * „Technik / Produktmanagement“. */
static const char *const owner_labels[ONB_OWNER__COUNT] = { N_("New hire"), N_("Manager"),
							     N_("Previous account owner"),
							     N_("Engineering / product management") };
static const char *const task_status_codes[ONB_TASK_STATUS__COUNT] = { "open", "done", "skipped" };
/* German: „Offen“, „Erledigt“, „Übersprungen“. */
static const char *const task_status_labels[ONB_TASK_STATUS__COUNT] = { N_("Open"), N_("Done"), N_("Skipped") };
static const char *const goal_kind_codes[ONB_GOAL_KIND__COUNT] = { "customers_met", "product_knowledge",
								    "first_successes", "other" };
/* German: „Kunden kennengelernt“, „Produktverständnis“, „Erste Erfolge“, „Weiteres Ziel“. */
static const char *const goal_kind_labels[ONB_GOAL_KIND__COUNT] = { N_("Customers met"), N_("Product knowledge"),
								     N_("First successes"), N_("Other goal") };
static const char *const goal_status_codes[ONB_GOAL_STATUS__COUNT] = { "open", "on_track", "at_risk", "reached" };
/* German: „Offen“, „Im Plan“, „Gefährdet“, „Erreicht“. */
static const char *const goal_status_labels[ONB_GOAL_STATUS__COUNT] = { N_("Open"), N_("On track"), N_("At risk"),
									 N_("Reached") };

#define CODE_FUNCS(prefix, type, count, codes, labels)                               \
	const char *prefix##_code(type v)                                             \
	{                                                                             \
		return (unsigned)v < (count) ? codes[v] : "unknown";                  \
	}                                                                             \
	const char *prefix##_label(type v)                                            \
	{                                                                             \
		return (unsigned)v < (count) ? labels[v] : N_("Unknown");             \
	}                                                                             \
	bool prefix##_parse(const char *code, type *out)                              \
	{                                                                             \
		int i = code_table_index(codes, (count), code);                       \
		if (i < 0)                                                            \
			return false;                                                 \
		*out = (type)i;                                                       \
		return true;                                                          \
	}

CODE_FUNCS(onb_phase, enum onb_phase, ONB_PHASE__COUNT, phase_codes, phase_labels)
CODE_FUNCS(onb_owner, enum onb_owner, ONB_OWNER__COUNT, owner_codes, owner_labels)
CODE_FUNCS(onb_task_status, enum onb_task_status, ONB_TASK_STATUS__COUNT, task_status_codes, task_status_labels)
CODE_FUNCS(onb_goal_kind, enum onb_goal_kind, ONB_GOAL_KIND__COUNT, goal_kind_codes, goal_kind_labels)
CODE_FUNCS(onb_goal_status, enum onb_goal_status, ONB_GOAL_STATUS__COUNT, goal_status_codes, goal_status_labels)

/* --- template parsing ------------------------------------------------------- */

static const char *const TASK_FIELDS[] = { "key", "phase", "owner", "offset", "duration", "title", "description" };
static const char *const GOAL_FIELDS[] = { "goal", "title", "target" };

/* A required string field holding one of codes[0..count); *out = its index. */
static bool field_code(struct bank_parse *p, const json_t *obj, const char *path, const char *field, int count,
		       const char *const *codes, int *out)
{
	char sub[BANK_PATH_MAX];
	json_t *v;

	if (!bank_get(p, obj, path, field, true, &v))
		return false;
	bank_path_field(sub, path, field);
	if (!json_is_string(v))
		return bank_fail(p, sub, "must be a string");
	*out = code_table_index(codes, count, json_string_value(v));
	if (*out < 0)
		return bank_fail(p, sub, "unknown code '%s'", json_string_value(v));
	return true;
}

static bool parse_task(struct bank_parse *p, const json_t *x, const char *path, struct onb_task_template *t)
{
	char sub[BANK_PATH_MAX];
	long long offset, duration;
	int code;
	json_t *d;

	if (!bank_expect_object(p, x, path, TASK_FIELDS, sizeof TASK_FIELDS / sizeof *TASK_FIELDS))
		return false;
	if (!bank_field_key(p, x, path, "key", false, t->key, sizeof t->key))
		return false;
	if (!field_code(p, x, path, "phase", ONB_PHASE__COUNT, phase_codes, &code))
		return false;
	t->phase = (enum onb_phase)code;
	if (!field_code(p, x, path, "owner", ONB_OWNER__COUNT, owner_codes, &code))
		return false;
	t->owner = (enum onb_owner)code;
	if (!bank_field_int(p, x, path, "offset", 0, ONB_MAX_OFFSET - 1, &offset) ||
	    !bank_field_int(p, x, path, "duration", 1, ONB_MAX_DURATION, &duration))
		return false;
	t->offset_working_days = (int)offset;
	t->duration_working_days = (int)duration;
	if (!bank_field_text2(p, x, path, "title", t->title[0], sizeof t->title[0]))
		return false;
	if (!bank_get(p, x, path, "description", false, &d))
		return false;
	if (d != NULL) {
		bank_path_field(sub, path, "description");
		if (!bank_take_text2(p, d, sub, t->description[0], sizeof t->description[0]))
			return false;
	}
	return true;
}

static bool parse_goal(struct bank_parse *p, const json_t *x, const char *path, struct onb_goal_template *g)
{
	char sub[BANK_PATH_MAX];
	int code;
	json_t *v;

	if (!bank_expect_object(p, x, path, GOAL_FIELDS, sizeof GOAL_FIELDS / sizeof *GOAL_FIELDS))
		return false;
	if (!field_code(p, x, path, "goal", ONB_GOAL_KIND__COUNT, goal_kind_codes, &code))
		return false;
	g->kind = (enum onb_goal_kind)code;
	if (!bank_get(p, x, path, "title", g->kind == ONB_GOAL_OTHER, &v))
		return false;
	if (v != NULL) {
		bank_path_field(sub, path, "title");
		if (!bank_take_text2(p, v, sub, g->title[0], sizeof g->title[0]))
			return false;
	}
	return bank_field_text2(p, x, path, "target", g->target[0], sizeof g->target[0]);
}

static bool parse_array(struct bank_parse *p, const json_t *arr, struct onb_template *out)
{
	char item[BANK_PATH_MAX];
	size_t n = json_array_size(arr);

	if (!json_is_array(arr))
		return bank_fail(p, "onboarding", "must be an array");
	if (n > ONB_MAX_TASKS + ONB_MAX_GOALS)
		return bank_fail(p, "onboarding", "too many entries (%zu)", n);
	out->tasks = xcalloc(n ? n : 1, sizeof *out->tasks);
	for (size_t i = 0; i < n; i++) {
		const json_t *x = json_array_get(arr, i);

		bank_path_index(item, "onboarding", i);
		if (!json_is_object(x))
			return bank_fail(p, item, "must be an object");
		if (json_object_get(x, "goal") != NULL) {
			struct onb_goal_template *g;

			if (out->ngoals == ONB_MAX_GOALS)
				return bank_fail(p, item, "too many goals (at most %d)", ONB_MAX_GOALS);
			g = &out->goals[out->ngoals];
			if (!parse_goal(p, x, item, g))
				return false;
			for (size_t k = 0; k < out->ngoals; k++)
				if (g->kind != ONB_GOAL_OTHER && out->goals[k].kind == g->kind)
					return bank_fail(p, item, "goal '%s' appears twice", goal_kind_codes[g->kind]);
			out->ngoals++;
		} else {
			struct onb_task_template *t;

			if (out->ntasks == ONB_MAX_TASKS)
				return bank_fail(p, item, "too many tasks (at most %d)", ONB_MAX_TASKS);
			t = &out->tasks[out->ntasks];
			if (!parse_task(p, x, item, t))
				return false;
			for (size_t k = 0; k < out->ntasks; k++)
				if (strcmp(out->tasks[k].key, t->key) == 0)
					return bank_fail(p, item, "duplicate key '%s'", t->key);
			out->ntasks++;
		}
	}
	return true;
}

static bool finish(bool ok, struct onb_template *out)
{
	if (!ok)
		onboarding_template_free(out);
	return ok;
}

bool onboarding_template_parse(const char *json, size_t len, struct onb_template *out, char *err, size_t errlen)
{
	struct bank_parse p = { err, errlen };
	json_t *root;
	bool ok;

	memset(out, 0, sizeof *out);
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	root = bank_load(&p, json, len);
	if (root == NULL)
		return false;
	ok = parse_array(&p, root, out);
	json_decref(root);
	return finish(ok, out);
}

bool onboarding_template_from_slots(const char *slots_json, struct onb_template *out, char *err, size_t errlen)
{
	struct bank_parse p = { err, errlen };
	json_t *root, *arr;
	bool ok;

	memset(out, 0, sizeof *out);
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (slots_json == NULL || slots_json[0] == '\0')
		return true;
	root = bank_load(&p, slots_json, strlen(slots_json));
	if (root == NULL)
		return false;
	if (!json_is_object(root)) {
		json_decref(root);
		return bank_fail(&p, "", "slots must be an object");
	}
	arr = json_object_get(root, "onboarding");
	ok = arr == NULL ? true : parse_array(&p, arr, out);
	json_decref(root);
	return finish(ok, out);
}

void onboarding_template_free(struct onb_template *t)
{
	free(t->tasks);
	memset(t, 0, sizeof *t);
}

/* --- the dated plan --------------------------------------------------------- */

/* day itself when it is a working day, else the next one. */
static int32_t working_on_or_after(int32_t day, const char *state)
{
	return calendar_add_working_days(day, 0, state, NULL, NULL);
}

static int task_cmp(const void *a, const void *b)
{
	const struct onb_task *x = a, *y = b;

	if (x->due_day != y->due_day)
		return x->due_day < y->due_day ? -1 : 1;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

static void goal_from(struct onb_goal *g, enum onb_goal_kind kind, const struct onb_goal_template *tpl)
{
	memset(g, 0, sizeof *g);
	g->kind = kind;
	for (int l = 0; l < TEMPLATE_LANGS; l++) {
		const char *title = tpl != NULL && tpl->title[l][0] != '\0' ? tpl->title[l] : goal_kind_labels[kind];

		snprintf(g->title[l], sizeof g->title[l], "%s", title);
		if (tpl != NULL)
			memcpy(g->target[l], tpl->target[l], sizeof g->target[l]);
	}
}

void onboarding_plan_generate(const struct onb_template *t, int32_t start_day, const char *state,
			      struct onb_plan *out)
{
	static const int marks[ONB_REVIEWS] = { 30, 60, 90 };
	int32_t s0 = working_on_or_after(start_day, state);

	memset(out, 0, sizeof *out);
	out->tasks = xcalloc(t->ntasks ? t->ntasks : 1, sizeof *out->tasks);
	out->ntasks = t->ntasks;
	for (size_t i = 0; i < t->ntasks; i++) {
		const struct onb_task_template *tt = &t->tasks[i];
		struct onb_task *task = &out->tasks[i];

		task->tpl = tt;
		task->ord = (int)i;
		task->first_day = calendar_add_working_days(s0, tt->offset_working_days, state, NULL, NULL);
		task->due_day = calendar_add_working_days(task->first_day, tt->duration_working_days - 1, state, NULL,
							  NULL);
	}
	qsort(out->tasks, out->ntasks, sizeof *out->tasks, task_cmp);

	for (int w = 0; w < ONB_CHECKINS; w++) {
		out->checkins[w].week = w + 1;
		out->checkins[w].day = working_on_or_after(start_day + 7 * w, state);
		out->checkins[w].time_minutes = ONB_CHECKIN_MINUTES;
	}

	for (int k = 0; k < ONB_GOAL_OTHER; k++) {
		const struct onb_goal_template *tpl = NULL;

		for (size_t g = 0; g < t->ngoals; g++)
			if (t->goals[g].kind == (enum onb_goal_kind)k)
				tpl = &t->goals[g];
		goal_from(&out->goals[out->ngoals++], (enum onb_goal_kind)k, tpl);
	}
	for (size_t g = 0; g < t->ngoals && out->ngoals < ONB_MAX_GOALS; g++)
		if (t->goals[g].kind == ONB_GOAL_OTHER)
			goal_from(&out->goals[out->ngoals++], ONB_GOAL_OTHER, &t->goals[g]);

	for (int r = 0; r < ONB_REVIEWS; r++) {
		out->reviews[r].day_mark = marks[r];
		out->reviews[r].due_day = working_on_or_after(start_day + marks[r], state);
	}
}

void onboarding_plan_free(struct onb_plan *p)
{
	free(p->tasks);
	memset(p, 0, sizeof *p);
}

/* --- progress ----------------------------------------------------------------- */

bool onboarding_task_late(int32_t due_day, enum onb_task_status status, int32_t today)
{
	return status == ONB_TASK_OPEN && due_day < today;
}

struct onb_progress onboarding_progress(int32_t start_day, const struct onb_task_state *tasks, size_t n,
					int32_t today)
{
	struct onb_progress pr = { 0 };
	int64_t day = (int64_t)today - start_day + 1;

	pr.total = n;
	for (size_t i = 0; i < n; i++) {
		if (tasks[i].status == ONB_TASK_DONE)
			pr.done++;
		else if (tasks[i].status == ONB_TASK_SKIPPED)
			pr.skipped++;
		if (onboarding_task_late(tasks[i].due_day, tasks[i].status, today))
			pr.late++;
	}
	pr.percent = n ? (int)((pr.done + pr.skipped) * 100 / n) : 0;
	pr.finished = day > ONB_DAYS;
	pr.day_number = day < 0 ? 0 : day > ONB_DAYS ? ONB_DAYS : (int)day;
	pr.week = pr.day_number == 0 ? 0 : (pr.day_number - 1) / 7 + 1;
	return pr;
}
