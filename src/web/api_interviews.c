/*
 * api_interviews.c — /api/v1/questions, /api/v1/exercises,
 * /api/v1/positions/{id}/interview-plan, /api/v1/applications/{id}/interviews,
 * /api/v1/interviews/{id}, /api/v1/scorecards, /api/v1/positions/{id}/evaluation
 * and /api/v1/applications/{id}/decision(s); see api_interviews.h and
 * docs/api.md.
 *
 * Bad query parameters are answered 400 and bad body members 422, each
 * naming the offending place as a JSON pointer ("#/rounds/1/kit/questions/0");
 * nothing is stored then. The interview plan is replaced as one document in
 * one transaction. Everything an interviewer may not reach (an interview
 * they are not assigned to, a scorecard the independence rule hides) is
 * 404, never 403, so a client cannot probe what exists.
 */
#include "web/api_interviews.h"

#include <stdlib.h>
#include <string.h>

#include "core/evaluation.h"
#include "core/exercises.h"
#include "core/interview_plan.h"
#include "core/pipeline.h"
#include "core/position.h"
#include "core/question_bank.h"
#include "core/role_template.h"
#include "store/applications.h"
#include "store/decisions.h"
#include "store/interview_plans.h"
#include "store/positions.h"
#include "store/questions.h"
#include "store/scorecards.h"
#include "store/users.h"
#include "util/str.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/api_schedule.h"
#include "web/bank_source.h"
#include "web/evaluation_ops.h"
#include "web/interview_view.h"
#include "web/layout.h"
#include "web/pipeline_ops.h"
#include "web/template_source.h"

#define PLAN_MAX_ROUNDS 12              /* rounds one PUT may hold; more than 3 already warns */

/* ---- helpers ------------------------------------------------------------------------------------ */

static void field_error(struct form_errors *fe, const char *field, const char *message)
{
	if (!form_error_for(fe, field))
		form_error(fe, field, message);
}

static void invalid_input(struct request *r, const struct form_errors *fe)
{
	api_problem(r, 422, _("Invalid input"), fe->message[0], fe);
}

static void bad_parameter(struct request *r, const char *name, const char *message)
{
	struct form_errors fe = { 0 };
	form_error(&fe, name, message);
	api_problem(r, 400, _("Invalid query parameter"), message, &fe);
}

/* A JSON string, or null for NULL (jansson returns NULL for text that is
 * not UTF-8, which would drop the member silently). */
static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	return j ? j : json_null();
}

static json_t *jtime(int64_t t)
{
	return t > 0 ? json_integer((json_int_t)t) : json_null();
}

static json_t *jid(int64_t id)
{
	return id > 0 ? json_integer((json_int_t)id) : json_null();
}

/* Text member `name` of o as an arena copy. Absent or null: NULL (an error
 * on field when required). Not a string, longer than max bytes or holding a
 * NUL: an error on field (the member name unless given). */
static const char *text_member(struct request *r, json_t *o, const char *name, const char *field, size_t max,
			       bool required, struct form_errors *fe)
{
	json_t *m = json_object_get(o, name);
	if (!field)
		field = name;
	if (!m || json_is_null(m)) {
		if (required)
			field_error(fe, field, _("This field is required."));
		return NULL;
	}
	if (!json_is_string(m)) {
		field_error(fe, field, _("must be a string"));
		return NULL;
	}
	if (json_string_length(m) > max || strlen(json_string_value(m)) != json_string_length(m)) {
		field_error(fe, field, _("This field is too long or not valid UTF-8 text."));
		return NULL;
	}
	return arena_strdup(&r->arena, json_string_value(m));
}

/* Integer member `name` of o in [min, max]: 1 with *out set, 0 when absent
 * or null, -1 (and an error on field with message) when anything else. */
static int int_member(json_t *o, const char *name, const char *field, long long min, long long max,
		      const char *message, long long *out, struct form_errors *fe)
{
	json_t *m = json_object_get(o, name);
	if (!m || json_is_null(m))
		return 0;
	if (!json_is_integer(m) || json_integer_value(m) < min || json_integer_value(m) > max) {
		field_error(fe, field ? field : name, message);
		return -1;
	}
	*out = (long long)json_integer_value(m);
	return 1;
}

/* Comma-separated keys as a JSON array of strings. */
static json_t *keys_json(const char *csv)
{
	json_t *arr = json_array();
	const char *p = csv ? csv : "";
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char key[COMPETENCY_KEY_MAX];
		if (n > 0 && n < sizeof key) {
			memcpy(key, p, n);
			key[n] = '\0';
			json_array_append_new(arr, jstr(str_trim(key)));
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return arr;
}

/* One text per line as a JSON array (empty lines dropped). */
static json_t *lines_json(struct request *r, const char *text)
{
	json_t *arr = json_array();
	char *copy = arena_strdup(&r->arena, text ? text : ""), *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		line = str_trim(line);
		if (line[0])
			json_array_append_new(arr, jstr(line));
	}
	return arr;
}

/* ---- the competencies of a position ---------------------------------------------------------------- */

/* The competency keys a position's plan and scorecards offer, as the
 * pages see them (interview_view.h): its role template's competencies (else
 * those its requirements link), then salary_realism; names in the request's
 * language. */
struct competency_set {
	const char *const *keys;
	const char **names;
	size_t n;
};

static void position_competencies(struct request *r, const struct position *p, struct competency_set *out)
{
	struct iv_competencies *c = arena_alloc(&r->arena, sizeof *c);
	iv_competencies_for_position(r, p, c);
	out->keys = iv_competency_keys(r, c);
	out->names = arena_alloc(&r->arena, (c->n + 1) * sizeof *out->names);
	out->n = c->n;
	for (size_t i = 0; i < c->n; i++)
		out->names[i] = c->items[i].label;
}

static bool competency_known(const struct competency_set *cs, const char *key)
{
	for (size_t i = 0; i < cs->n; i++)
		if (strcmp(cs->keys[i], key) == 0)
			return true;
	return false;
}

static json_t *competencies_json(const struct competency_set *cs)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < cs->n; i++)
		json_array_append_new(arr, json_pack("{s:o, s:o}", "key", jstr(cs->keys[i]), "name", jstr(cs->names[i])));
	return arr;
}

/* ---- questions --------------------------------------------------------------------------------------- */

static bool is_favourite(const struct question_favourite *favs, size_t n, const char *ref)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(favs[i].ref, ref) == 0)
			return true;
	return false;
}

static json_t *builtin_question_json(const char *role, const struct bank_question *q, int lang, bool favourite)
{
	json_t *o = json_object();
	json_object_set_new(o, "ref", jstr(q->key));
	json_object_set_new(o, "builtin", json_true());
	json_object_set_new(o, "role", jstr(role));
	json_object_set_new(o, "type", jstr(question_type_code(q->type)));
	json_object_set_new(o, "competency", jstr(q->competency));
	json_object_set_new(o, "lang", jstr(lang == TEMPLATE_EN ? "en" : "de"));
	json_object_set_new(o, "text", jstr(q->text[lang]));
	json_t *fu = json_array();
	for (size_t i = 0; i < q->nfollow_ups; i++)
		json_array_append_new(fu, jstr(q->follow_ups[lang][i]));
	json_object_set_new(o, "follow_ups", fu);
	json_object_set_new(o, "guide_strong", jstr(q->guide_strong[lang]));
	json_object_set_new(o, "guide_weak", jstr(q->guide_weak[lang]));
	json_object_set_new(o, "seed", json_boolean(q->seed));
	json_object_set_new(o, "favourite", json_boolean(favourite));
	return o;
}

static json_t *custom_question_json(struct request *r, const struct custom_question *q, bool favourite)
{
	char ref[64];
	question_custom_ref(q->id, ref, sizeof ref);
	json_t *o = json_object();
	json_object_set_new(o, "ref", jstr(ref));
	json_object_set_new(o, "id", json_integer((json_int_t)q->id));
	json_object_set_new(o, "builtin", json_false());
	json_object_set_new(o, "role", jstr(q->role_key));
	json_object_set_new(o, "type", jstr(q->type));
	json_object_set_new(o, "competency", jstr(q->competency));
	json_object_set_new(o, "lang", jstr(q->lang));
	json_object_set_new(o, "text", jstr(q->text));
	json_object_set_new(o, "follow_ups", lines_json(r, q->follow_ups));
	json_object_set_new(o, "guide_strong", jstr(q->guide_strong));
	json_object_set_new(o, "guide_weak", jstr(q->guide_weak));
	json_object_set_new(o, "seed", json_false());
	json_object_set_new(o, "favourite", json_boolean(favourite));
	json_object_set_new(o, "created_by", jid(q->created_by));
	json_object_set_new(o, "created_at", jtime(q->created_at));
	return o;
}

/* Whether key names a role: a built-in bank or a role template. */
static bool role_known(struct request *r, const char *key)
{
	if (bank_builtin_questions(key))
		return true;
	if (strlen(key) >= TEMPLATE_KEY_MAX)
		return false;
	for (const char *p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return false;
	struct role_template t;
	if (!template_load(r, key, &t))
		return false;
	role_template_free(&t);
	return true;
}

void api_questions_list(struct request *r)
{
	const char *role = req_query(r, "role"), *type = req_query(r, "type");
	const char *competency = req_query(r, "competency"), *lang_q = req_query(r, "lang");
	enum question_type qt = QUESTION_BEHAVIOURAL;
	int lang = iv_lang_index(r);
	bool by_lang = false;
	if (role && role[0] && !role_known(r, role)) {
		bad_parameter(r, "role", _("must be the key of a role template such as kam"));
		return;
	}
	if (type && type[0] && !question_type_parse(type, &qt)) {
		bad_parameter(r, "type", _("must be one of behavioural, situational, technical, motivation, culture"));
		return;
	}
	if (competency && competency[0] && !competency_key_valid(competency)) {
		bad_parameter(r, "competency", _("must be a competency key such as negotiation"));
		return;
	}
	if (lang_q && lang_q[0]) {
		if (strcmp(lang_q, "de") != 0 && strcmp(lang_q, "en") != 0) {
			bad_parameter(r, "lang", _("must be de or en"));
			return;
		}
		lang = strcmp(lang_q, "en") == 0 ? TEMPLATE_EN : TEMPLATE_DE;
		by_lang = true;
	}
	bool by_type = type && type[0];
	bool by_competency = competency && competency[0];

	struct question_favourite *favs = NULL;
	size_t nfavs = 0;
	enum store_rc rc = store_question_favourites(r->store, r->user.id, &favs, &nfavs);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *arr = json_array();
	size_t nbanks = 0;
	const struct question_bank *banks = bank_builtin_all(&nbanks);
	for (size_t b = 0; b < nbanks; b++) {
		const struct question_bank *bank = &banks[b];
		if (role && role[0] && strcmp(bank->role, role) != 0)
			continue;
		for (size_t i = 0; i < bank->nquestions; i++) {
			const struct bank_question *q = &bank->questions[i];
			if ((by_type && q->type != qt) || (by_competency && strcmp(q->competency, competency) != 0))
				continue;
			json_array_append_new(arr, builtin_question_json(bank->role, q, lang, is_favourite(favs, nfavs, q->key)));
		}
	}
	struct custom_question *custom = NULL;
	size_t ncustom = 0;
	rc = store_question_list(r->store, NULL, &custom, &ncustom);
	if (rc != STORE_OK) {
		free(favs);
		json_decref(arr);
		api_store_failed(r, rc);
		return;
	}
	for (size_t i = 0; i < ncustom; i++) {
		const struct custom_question *q = &custom[i];
		char ref[64];
		if (role && role[0] && q->role_key[0] && strcmp(q->role_key, role) != 0)
			continue;
		if ((by_type && strcmp(q->type, type) != 0) || (by_competency && strcmp(q->competency, competency) != 0) ||
		    (by_lang && strcmp(q->lang, lang_q) != 0))
			continue;
		question_custom_ref(q->id, ref, sizeof ref);
		json_array_append_new(arr, custom_question_json(r, q, is_favourite(favs, nfavs, ref)));
	}
	free(custom);
	free(favs);
	api_json(r, 200, json_pack("{s:o, s:I}", "questions", arr, "total", (json_int_t)json_array_size(arr)));
}

void api_question_get(struct request *r)
{
	struct custom_question *q = arena_alloc(&r->arena, sizeof *q);
	enum store_rc rc = store_question_get(r->store, req_path_arg(r, 0), q);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such question."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	char ref[64];
	struct question_favourite *favs = NULL;
	size_t nfavs = 0;
	question_custom_ref(q->id, ref, sizeof ref);
	bool fav = store_question_favourites(r->store, r->user.id, &favs, &nfavs) == STORE_OK &&
		   is_favourite(favs, nfavs, ref);
	free(favs);
	api_json(r, 200, custom_question_json(r, q, fav));
}

void api_questions_create(struct request *r)
{
	struct custom_question *q = arena_alloc(&r->arena, sizeof *q);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	const size_t text_max = sizeof q->text - 1;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	const char *role = text_member(r, body, "role", NULL, sizeof q->role_key - 1, false, &fe);
	if (role && role[0] && !role_known(r, role))
		field_error(&fe, "role", _("must be the key of a role template such as kam"));
	const char *type = text_member(r, body, "type", NULL, sizeof q->type - 1, true, &fe);
	enum question_type qt;
	if (type && !question_type_parse(type, &qt))
		field_error(&fe, "type", _("must be one of behavioural, situational, technical, motivation, culture"));
	const char *competency = text_member(r, body, "competency", NULL, sizeof q->competency - 1, false, &fe);
	if (competency && competency[0]) {
		bool ok = competency_key_valid(competency);
		if (ok && role && role[0] && !form_error_for(&fe, "role")) {
			struct iv_competencies *c = arena_alloc(&r->arena, sizeof *c);
			iv_competencies_for_template(r, role, c);
			ok = iv_competency_known(c, competency);
		}
		if (!ok)
			field_error(&fe, "competency", _("must be a competency of the role"));
	}
	const char *lang = text_member(r, body, "lang", NULL, 2, false, &fe);
	if (lang && strcmp(lang, "de") != 0 && strcmp(lang, "en") != 0)
		field_error(&fe, "lang", _("must be de or en"));
	const char *text = text_member(r, body, "text", NULL, text_max, true, &fe);
	if (text && !str_trim((char *)text)[0])
		field_error(&fe, "text", _("This field is required."));
	const char *strong = text_member(r, body, "guide_strong", NULL, text_max, false, &fe);
	const char *weak = text_member(r, body, "guide_weak", NULL, text_max, false, &fe);
	json_t *fu = json_object_get(body, "follow_ups");
	struct buf follow = BUF_INIT;
	if (fu && !json_is_null(fu)) {
		if (!json_is_array(fu) || json_array_size(fu) > 10) {
			field_error(&fe, "follow_ups", _("must be a list of at most 10 texts"));
		} else {
			for (size_t i = 0; i < json_array_size(fu); i++) {
				json_t *v = json_array_get(fu, i);
				const char *field = arena_printf(&r->arena, "follow_ups/%zu", i);
				if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v) ||
				    strchr(json_string_value(v), '\n')) {
					field_error(&fe, field, _("must be one line of text"));
					continue;
				}
				char *line = str_trim(arena_strdup(&r->arena, json_string_value(v)));
				if (line[0])
					buf_printf(&follow, "%s%s", follow.len ? "\n" : "", line);
			}
			if (follow.len > text_max)
				field_error(&fe, "follow_ups", _("This field is too long or not valid UTF-8 text."));
		}
	}
	json_decref(body);
	if (fe.n) {
		buf_free(&follow);
		invalid_input(r, &fe);
		return;
	}
	str_copy(q->role_key, sizeof q->role_key, role ? role : "");
	str_copy(q->type, sizeof q->type, type);
	str_copy(q->competency, sizeof q->competency, competency ? competency : "");
	str_copy(q->lang, sizeof q->lang, lang ? lang : (iv_lang_index(r) == TEMPLATE_EN ? "en" : "de"));
	str_copy(q->text, sizeof q->text, text);
	str_copy(q->follow_ups, sizeof q->follow_ups, buf_cstr(&follow));
	str_copy(q->guide_strong, sizeof q->guide_strong, strong ? str_trim((char *)strong) : "");
	str_copy(q->guide_weak, sizeof q->guide_weak, weak ? str_trim((char *)weak) : "");
	buf_free(&follow);
	enum store_rc rc = store_question_create(r->store, &who, q, r->now);
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The question could not be stored as given."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/questions/%lld", (long long)q->id));
	api_json(r, 201, custom_question_json(r, q, false));
}

/* ---- exercises ------------------------------------------------------------------------------------------ */

static json_t *exercise_json(const struct exercise *e, int lang)
{
	json_t *o = json_object();
	json_object_set_new(o, "key", jstr(e->key));
	json_object_set_new(o, "kind", jstr(exercise_kind_code(e->kind)));
	json_object_set_new(o, "name", jstr(e->name[lang]));
	json_object_set_new(o, "duration_minutes", json_integer(e->duration_minutes));
	json_object_set_new(o, "scenario", jstr(e->scenario[lang]));
	json_object_set_new(o, "instructions", jstr(e->instructions[lang]));
	json_t *observe = json_array();
	for (size_t i = 0; i < e->nobserve; i++)
		json_array_append_new(observe, jstr(e->observe[lang][i]));
	json_object_set_new(o, "observe", observe);
	json_t *rubric = json_array();
	for (int i = 0; i < EXERCISE_ANCHORS; i++)
		json_array_append_new(rubric, json_pack("{s:i, s:o}", "rating", i + 1, "anchor", jstr(e->rubric[i][lang])));
	json_object_set_new(o, "rubric", rubric);
	json_t *comp = json_array();
	for (size_t i = 0; i < e->ncompetencies; i++)
		json_array_append_new(comp, jstr(e->competencies[i]));
	json_object_set_new(o, "competencies", comp);
	return o;
}

void api_exercises_list(struct request *r)
{
	int lang = iv_lang_index(r);
	const char *lang_q = req_query(r, "lang");
	if (lang_q && lang_q[0]) {
		if (strcmp(lang_q, "de") != 0 && strcmp(lang_q, "en") != 0) {
			bad_parameter(r, "lang", _("must be de or en"));
			return;
		}
		lang = strcmp(lang_q, "en") == 0 ? TEMPLATE_EN : TEMPLATE_DE;
	}
	const struct exercise_library *lib = bank_builtin_exercises();
	json_t *arr = json_array();
	for (size_t i = 0; lib && i < lib->nexercises; i++)
		json_array_append_new(arr, exercise_json(&lib->exercises[i], lang));
	api_json(r, 200, json_pack("{s:o}", "exercises", arr));
}

/* ---- the interview plan --------------------------------------------------------------------------------- */

static json_t *kit_text_json(const char *kit_json)
{
	json_t *k = kit_json && kit_json[0] ? json_loads(kit_json, 0, NULL) : NULL;
	if (!k || !json_is_object(k)) {
		json_decref(k);
		k = json_pack("{s:[], s:[]}", "questions", "exercises");
	}
	return k;
}

static json_t *interviewer_json(const struct round_interviewer *iv)
{
	json_t *o = json_object();
	json_object_set_new(o, "user_id", json_integer((json_int_t)iv->user_id));
	json_object_set_new(o, "name", jstr(iv->user_name));
	json_object_set_new(o, "display_name", jstr(iv->display_name));
	json_object_set_new(o, "role", jstr(role_name(iv->role)));
	json_object_set_new(o, "focus", keys_json(iv->focus));
	return o;
}

static json_t *round_json(const struct interview_round *rd, const struct kit_version *versions, size_t nversions)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", jid(rd->id));
	json_object_set_new(o, "ord", json_integer(rd->ord));
	json_object_set_new(o, "name", jstr(iv_round_name(rd->name)));
	json_object_set_new(o, "stage", jstr(rd->stage));
	json_object_set_new(o, "duration_minutes", json_integer(rd->duration_minutes));
	json_t *ivs = json_array();
	for (size_t i = 0; i < rd->ninterviewers; i++)
		json_array_append_new(ivs, interviewer_json(&rd->interviewers[i]));
	json_object_set_new(o, "interviewers", ivs);
	json_object_set_new(o, "kit", kit_text_json(rd->kit_json));
	json_object_set_new(o, "kit_version", rd->kit_version > 0 ? json_integer(rd->kit_version) : json_null());
	json_object_set_new(o, "kit_changed", json_boolean(rd->kit_changed));
	json_t *vs = json_array();
	for (size_t i = 0; i < nversions; i++)
		json_array_append_new(vs, json_pack("{s:I, s:i, s:o, s:o, s:I}", "id", (json_int_t)versions[i].id, "version",
						    versions[i].version, "kit", kit_text_json(versions[i].kit_json),
						    "created_at", jtime(versions[i].created_at), "uses",
						    (json_int_t)versions[i].uses));
	json_object_set_new(o, "kit_versions", vs);
	return o;
}

static json_t *findings_json(size_t nrounds)
{
	struct guard_finding findings[4];
	size_t n = interview_rounds_check(nrounds, findings, 4);
	json_t *arr = json_array();
	for (size_t i = 0; i < n && i < 4; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:o}", "rule", findings[i].rule, "severity",
						     severity_code(findings[i].severity), "message",
						     jstr(_(findings[i].message))));
	return arr;
}

/* Answers 200 with the plan of position p as stored (or the default rounds,
 * not stored, when it has none yet). */
static void plan_answer(struct request *r, const struct position *p)
{
	struct interview_round *rounds = NULL;
	size_t n = 0;
	enum store_rc rc = store_interview_plan_get(r->store, p->id, &rounds, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
		return;
	}
	struct competency_set cs;
	position_competencies(r, p, &cs);
	json_t *arr = json_array();
	bool saved = n > 0;
	if (saved) {
		for (size_t i = 0; i < n; i++) {
			struct kit_version *versions = NULL;
			size_t nversions = 0;
			rc = store_kit_versions_list(r->store, rounds[i].id, &versions, &nversions);
			if (rc != STORE_OK) {
				free(rounds);
				json_decref(arr);
				api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
				return;
			}
			json_array_append_new(arr, round_json(&rounds[i], versions, nversions));
			free(versions);
		}
	} else {
		for (size_t i = 0; i < DEFAULT_ROUND_COUNT; i++) {
			struct interview_round *d = arena_alloc(&r->arena, sizeof *d);
			d->ord = DEFAULT_ROUNDS[i].ord;
			str_copy(d->name, sizeof d->name, DEFAULT_ROUNDS[i].name);
			str_copy(d->stage, sizeof d->stage, DEFAULT_ROUNDS[i].stage);
			d->duration_minutes = DEFAULT_ROUNDS[i].duration_minutes;
			str_copy(d->kit_json, sizeof d->kit_json, KIT_JSON_EMPTY);
			json_array_append_new(arr, round_json(d, NULL, 0));
		}
	}
	free(rounds);
	api_json(r, 200,
		 json_pack("{s:I, s:b, s:o, s:o, s:o}", "position_id", (json_int_t)p->id, "saved", saved, "rounds", arr,
			   "competencies", competencies_json(&cs), "findings",
			   findings_json(saved ? n : DEFAULT_ROUND_COUNT)));
}

void api_interview_plan_get(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	plan_answer(r, p);
}

/* One round of a PUT document, read and checked. */
struct plan_round_in {
	int64_t id;                       /* 0 = new */
	struct interview_round *round;    /* name, stage, duration, kit_json, interviewers */
};

/* Reads the kit of round i (member "kit", may be absent) into canonical JSON. */
static void plan_read_kit(struct request *r, json_t *kit, size_t i, char *out, size_t n, struct form_errors *fe)
{
	struct kit *k = arena_alloc(&r->arena, sizeof *k);
	const struct exercise_library *lib = bank_builtin_exercises();
	const char *base = arena_printf(&r->arena, "rounds/%zu/kit", i);
	if (kit && !json_is_null(kit)) {
		if (!json_is_object(kit)) {
			field_error(fe, base, _("must be an object with \"questions\" and \"exercises\""));
			return;
		}
		static const char *const lists[2] = { "questions", "exercises" };
		for (int l = 0; l < 2; l++) {
			json_t *arr = json_object_get(kit, lists[l]);
			const char *field = arena_printf(&r->arena, "%s/%s", base, lists[l]);
			size_t max = l == 0 ? KIT_MAX_QUESTIONS : KIT_MAX_EXERCISES;
			if (!arr || json_is_null(arr))
				continue;
			if (!json_is_array(arr) || json_array_size(arr) > max) {
				field_error(fe, field, l == 0 ? _("must be a list of at most 30 question refs")
							      : _("must be a list of at most 6 exercise keys"));
				continue;
			}
			for (size_t j = 0; j < json_array_size(arr); j++) {
				json_t *v = json_array_get(arr, j);
				const char *item = arena_printf(&r->arena, "%s/%zu", field, j);
				const char *s = json_is_string(v) ? json_string_value(v) : "";
				bool ok;
				if (l == 0) {
					int64_t cid;
					ok = kit_question_ref_valid(s);
					if (ok && question_custom_ref_parse(s, &cid)) {
						struct custom_question *cq = arena_alloc(&r->arena, sizeof *cq);
						ok = store_question_get(r->store, cid, cq) == STORE_OK;
					} else if (ok) {
						ok = bank_builtin_question(s) != NULL;
					}
				} else {
					ok = kit_exercise_key_valid(s) && lib && exercise_library_find(lib, s);
				}
				if (!ok) {
					field_error(fe, item, l == 0 ? _("There is no such question.")
								     : _("There is no such exercise."));
					continue;
				}
				for (size_t d = 0; d < j; d++)
					if (json_equal(json_array_get(arr, d), v))
						field_error(fe, item, _("is listed twice"));
				if (l == 0)
					str_copy(k->questions[k->nquestions++], KIT_REF_MAX, s);
				else
					str_copy(k->exercises[k->nexercises++], KIT_REF_MAX, s);
			}
		}
		const char *key;
		json_t *value;
		json_object_foreach(kit, key, value)
			if (strcmp(key, "questions") != 0 && strcmp(key, "exercises") != 0)
				field_error(fe, arena_printf(&r->arena, "%s/%s", base, key), _("is not a member of a kit"));
	}
	if (!kit_to_json(k, out, n) && !fe->n)
		field_error(fe, base, _("The kit is not valid."));
}

/* Reads the interviewers of round i into rd. */
static void plan_read_interviewers(struct request *r, json_t *list, size_t i, const struct competency_set *cs,
				   struct interview_round *rd, struct form_errors *fe)
{
	const char *base = arena_printf(&r->arena, "rounds/%zu/interviewers", i);
	if (!list || json_is_null(list))
		return;
	if (!json_is_array(list) || json_array_size(list) > ROUND_MAX_INTERVIEWERS) {
		field_error(fe, base, _("must be a list of at most 16 interviewers"));
		return;
	}
	for (size_t j = 0; j < json_array_size(list); j++) {
		json_t *o = json_array_get(list, j);
		const char *at = arena_printf(&r->arena, "%s/%zu", base, j);
		if (!json_is_object(o)) {
			field_error(fe, at, _("must be an object with \"user_id\" and \"focus\""));
			continue;
		}
		struct round_interviewer *iv = &rd->interviewers[rd->ninterviewers];
		long long uid = 0;
		const char *uid_field = arena_printf(&r->arena, "%s/user_id", at);
		if (int_member(o, "user_id", uid_field, 1, INT64_MAX, _("must be the id of a user"), &uid, fe) != 1) {
			field_error(fe, uid_field, _("must be the id of a user"));
			continue;
		}
		struct user u;
		enum store_rc rc = store_user_by_id(r->store, (int64_t)uid, &u);
		if (rc != STORE_OK || u.disabled) {
			field_error(fe, uid_field, _("There is no such active user."));
			continue;
		}
		for (size_t d = 0; d < rd->ninterviewers; d++)
			if (rd->interviewers[d].user_id == (int64_t)uid)
				field_error(fe, uid_field, _("is listed twice"));
		iv->user_id = (int64_t)uid;
		json_t *focus = json_object_get(o, "focus");
		const char *focus_field = arena_printf(&r->arena, "%s/focus", at);
		struct buf csv = BUF_INIT;
		if (focus && !json_is_null(focus)) {
			if (!json_is_array(focus) || json_array_size(focus) > FOCUS_MAX) {
				field_error(fe, focus_field, _("must be a list of at most 12 competency keys"));
			} else {
				for (size_t k = 0; k < json_array_size(focus); k++) {
					json_t *v = json_array_get(focus, k);
					if (!json_is_string(v) || !competency_known(cs, json_string_value(v))) {
						field_error(fe, arena_printf(&r->arena, "%s/%zu", focus_field, k),
							    _("must be a competency of the position"));
						continue;
					}
					buf_printf(&csv, "%s%s", csv.len ? "," : "", json_string_value(v));
				}
			}
		}
		struct focus parsed;
		if (!fe->n && !focus_parse(buf_cstr(&csv), cs->keys, cs->n, &parsed, NULL))
			field_error(fe, focus_field, _("must be a list of at most 12 competency keys"));
		else if (!fe->n)
			focus_format(&parsed, iv->focus, sizeof iv->focus);
		buf_free(&csv);
		rd->ninterviewers++;
	}
}

/* Reads and checks the whole PUT document into in[0..*n). */
static void plan_read(struct request *r, json_t *body, const struct position *p, const struct interview_round *existing,
		      size_t nexisting, const struct competency_set *cs, struct plan_round_in *in, size_t *n,
		      struct form_errors *fe)
{
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t nstages = 0;
	bool have_stages = pipeline_stages_load(r, p->id, stages, &nstages, NULL) == STORE_OK;
	json_t *rounds = json_object_get(body, "rounds");
	*n = 0;
	if (!rounds || !json_is_array(rounds)) {
		field_error(fe, "rounds", _("must be a list of rounds"));
		return;
	}
	if (json_array_size(rounds) == 0 || json_array_size(rounds) > PLAN_MAX_ROUNDS) {
		field_error(fe, "rounds", _("A plan has 1 to 12 rounds."));
		return;
	}
	for (size_t i = 0; i < json_array_size(rounds); i++) {
		json_t *o = json_array_get(rounds, i);
		struct plan_round_in *pr = &in[(*n)++];
		struct interview_round *rd = pr->round = arena_alloc(&r->arena, sizeof *rd);
		rd->position_id = p->id;
		if (!json_is_object(o)) {
			field_error(fe, arena_printf(&r->arena, "rounds/%zu", i), _("must be an object"));
			continue;
		}
		long long id = 0;
		const char *id_field = arena_printf(&r->arena, "rounds/%zu/id", i);
		if (int_member(o, "id", id_field, 1, INT64_MAX, _("must be the id of a round of this plan"), &id, fe) == 1) {
			bool found = false;
			for (size_t k = 0; k < nexisting; k++)
				found = found || existing[k].id == (int64_t)id;
			for (size_t k = 0; k + 1 < *n; k++)
				if (in[k].id == (int64_t)id)
					found = false;
			if (!found)
				field_error(fe, id_field, _("must be the id of a round of this plan"));
			pr->id = (int64_t)id;
			rd->id = (int64_t)id;
		}
		const char *name_field = arena_printf(&r->arena, "rounds/%zu/name", i);
		const char *name = text_member(r, o, "name", name_field, sizeof rd->name - 1, true, fe);
		if (name && !str_trim((char *)name)[0])
			field_error(fe, name_field, _("This field is required."));
		else if (name)
			str_copy(rd->name, sizeof rd->name, iv_round_name_stored(name));
		const char *stage_field = arena_printf(&r->arena, "rounds/%zu/stage", i);
		const char *stage = text_member(r, o, "stage", stage_field, sizeof rd->stage - 1, false, fe);
		if (stage && stage[0]) {
			if (!have_stages || !pipeline_find(stages, nstages, stage))
				field_error(fe, stage_field, _("must be a stage of the position's pipeline"));
			else
				str_copy(rd->stage, sizeof rd->stage, stage);
		}
		long long minutes = 60;
		int_member(o, "duration_minutes", arena_printf(&r->arena, "rounds/%zu/duration_minutes", i),
			   ROUND_DURATION_MIN, ROUND_DURATION_MAX,
			   arena_printf(&r->arena, _("must be a whole number of minutes from %d to %d"), ROUND_DURATION_MIN,
					ROUND_DURATION_MAX),
			   &minutes, fe);
		rd->duration_minutes = (int)minutes;
		plan_read_interviewers(r, json_object_get(o, "interviewers"), i, cs, rd, fe);
		plan_read_kit(r, json_object_get(o, "kit"), i, rd->kit_json, sizeof rd->kit_json, fe);
	}
}

static bool interviewers_equal(const struct interview_round *a, const struct interview_round *b)
{
	if (a->ninterviewers != b->ninterviewers)
		return false;
	for (size_t i = 0; i < a->ninterviewers; i++)
		if (a->interviewers[i].user_id != b->interviewers[i].user_id ||
		    strcmp(a->interviewers[i].focus, b->interviewers[i].focus) != 0)
			return false;
	return true;
}

/* Writes the plan in[0..n) over existing[0..nexisting): deletes rounds not
 * kept, updates kept ones, appends new ones, then orders them as given.
 * Runs inside the caller's transaction and returns the first failure;
 * *conflict_name receives the name of a round that cannot be removed
 * because it has interviews (STORE_CONFLICT). */
static enum store_rc plan_write(struct request *r, const struct interview_round *existing, size_t nexisting,
				struct plan_round_in *in, size_t n, const char **conflict_name)
{
	struct actor who = req_actor(r);
	enum store_rc rc;
	for (size_t k = 0; k < nexisting; k++) {
		bool kept = false;
		for (size_t i = 0; i < n; i++)
			kept = kept || in[i].id == existing[k].id;
		if (kept)
			continue;
		rc = store_interview_round_delete(r->store, &who, existing[k].id, r->now);
		if (rc == STORE_CONFLICT)
			*conflict_name = arena_strdup(&r->arena, existing[k].name);
		if (rc != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		struct interview_round *rd = in[i].round;
		if (!in[i].id) {
			if ((rc = store_interview_round_create(r->store, &who, rd, r->now)) != STORE_OK)
				return rc;
			in[i].id = rd->id;
			continue;
		}
		const struct interview_round *old = NULL;
		for (size_t k = 0; k < nexisting; k++)
			if (existing[k].id == in[i].id)
				old = &existing[k];
		if (!old)
			return STORE_INVALID;
		if ((strcmp(old->name, rd->name) != 0 || strcmp(old->stage, rd->stage) != 0 ||
		     old->duration_minutes != rd->duration_minutes) &&
		    (rc = store_interview_round_update(r->store, &who, rd, r->now)) != STORE_OK)
			return rc;
		if (!interviewers_equal(old, rd) &&
		    (rc = store_interview_round_set_interviewers(r->store, &who, rd->id, rd->interviewers, rd->ninterviewers,
								 r->now)) != STORE_OK)
			return rc;
		if (strcmp(old->kit_json, rd->kit_json) != 0 &&
		    (rc = store_interview_round_set_kit(r->store, &who, rd->id, rd->kit_json, r->now)) != STORE_OK)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		struct interview_round now;
		if ((rc = store_interview_round_get(r->store, in[i].id, &now)) != STORE_OK)
			return rc;
		if (now.ord != (int)i + 1 &&
		    (rc = store_interview_round_move(r->store, &who, in[i].id, (int)i + 1, r->now)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

void api_interview_plan_put(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct form_errors fe = { 0 };
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	struct interview_round *existing = NULL;
	size_t nexisting = 0;
	enum store_rc rc = store_interview_plan_get(r->store, p->id, &existing, &nexisting);
	if (rc != STORE_OK) {
		json_decref(body);
		api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
		return;
	}
	struct competency_set cs;
	position_competencies(r, p, &cs);
	struct plan_round_in in[PLAN_MAX_ROUNDS];
	size_t n = 0;
	memset(in, 0, sizeof in);
	plan_read(r, body, p, existing, nexisting, &cs, in, &n, &fe);
	json_decref(body);
	if (fe.n) {
		free(existing);
		invalid_input(r, &fe);
		return;
	}
	const char *conflict_name = NULL;
	rc = store_begin(r->store);
	if (rc == STORE_OK)
		rc = plan_write(r, existing, nexisting, in, n, &conflict_name);
	if (rc == STORE_OK)
		rc = store_commit(r->store);
	else
		store_rollback(r->store);
	free(existing);
	if (rc == STORE_CONFLICT && conflict_name) {
		api_problem(r, 409, _("Round in use"),
			    arena_printf(&r->arena, _("The round \"%s\" has interviews and cannot be removed. Nothing was changed."),
					 conflict_name),
			    NULL);
		return;
	}
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The interview plan could not be stored as given. Nothing was changed."),
			    NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	plan_answer(r, p);
}

/* ---- interviews ------------------------------------------------------------------------------------------- */

static json_t *interview_json(struct request *r, const struct interview *iv)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)iv->id));
	json_object_set_new(o, "application_id", json_integer((json_int_t)iv->application_id));
	json_object_set_new(o, "candidate_id", json_integer((json_int_t)iv->candidate_id));
	json_object_set_new(o, "position_id", json_integer((json_int_t)iv->position_id));
	json_object_set_new(o, "round_id", json_integer((json_int_t)iv->round_id));
	json_object_set_new(o, "round_ord", json_integer(iv->round_ord));
	json_object_set_new(o, "round_name", jstr(iv_round_name(iv->round_name)));
	json_object_set_new(o, "round_stage", jstr(iv->round_stage));
	json_object_set_new(o, "duration_minutes", json_integer(iv->duration_minutes));
	json_object_set_new(o, "kit_version_id", jid(iv->kit_version_id));
	json_object_set_new(o, "kit_version", json_integer(iv->kit_version));
	struct kit_version *kv = arena_alloc(&r->arena, sizeof *kv);
	json_object_set_new(o, "kit",
			    store_kit_version_get(r->store, iv->kit_version_id, kv) == STORE_OK ? kit_text_json(kv->kit_json)
												  : json_null());
	json_t *ivs = json_array();
	for (size_t i = 0; i < iv->ninterviewers; i++) {
		json_t *w = interviewer_json(&iv->interviewers[i].who);
		json_object_set_new(w, "scorecard", jstr(scorecard_status_code(iv->interviewers[i].scorecard)));
		json_array_append_new(ivs, w);
	}
	json_object_set_new(o, "interviewers", ivs);
	json_object_set_new(o, "created_at", jtime(iv->created_at));
	json_object_set_new(o, "created_by", jid(iv->created_by));
	api_schedule_members(r, o, iv->id); /* step 6: when and where (R-COMM-1); left out if it cannot be read */
	return o;
}

/* Whether the caller sees every candidate's interviews and submitted
 * scorecards (recruiter, hiring manager, admin). */
static bool sees_all(const struct request *r)
{
	return permission_allows(&r->principal, ACTION_MANAGE_CANDIDATES);
}

void api_interviews_create(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	struct interview *iv = arena_alloc(&r->arena, sizeof *iv);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), a);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *body = api_read_object(r);
	if (!body)
		return;
	long long round_id = 0;
	if (int_member(body, "round_id", NULL, 1, INT64_MAX, _("must be the id of a round of the position's plan"),
		       &round_id, &fe) != 1)
		field_error(&fe, "round_id", _("must be the id of a round of the position's plan"));
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	rc = store_interview_create(r->store, &who, a->id, (int64_t)round_id, r->now, iv);
	if (rc == STORE_NOT_FOUND || rc == STORE_INVALID) {
		form_error(&fe, "round_id", _("must be the id of a round of the position's plan"));
		invalid_input(r, &fe);
		return;
	}
	if (rc == STORE_CONFLICT) {
		api_problem(r, 409, _("Already planned"),
			    _("The candidate already has an interview in this round."), NULL);
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	if ((rc = store_interview_get(r->store, iv->id, iv)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/interviews/%lld", (long long)iv->id));
	api_json(r, 201, interview_json(r, iv));
}

void api_interview_get(struct request *r)
{
	struct interview *iv = arena_alloc(&r->arena, sizeof *iv);
	bool assigned = false;
	enum store_rc rc = store_interview_get(r->store, req_path_arg(r, 0), iv);
	if (rc == STORE_OK && !sees_all(r))
		rc = store_interviewer_assigned_to_interview(r->store, r->user.id, iv->id, &assigned);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !sees_all(r) && !assigned)) {
		page_error(r, 404, _("There is no such interview."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	api_json(r, 200, interview_json(r, iv));
}

/* ---- scorecards -------------------------------------------------------------------------------------------- */

static json_t *scorecard_json(const struct scorecard *sc)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)sc->id));
	json_object_set_new(o, "interview_id", json_integer((json_int_t)sc->interview_id));
	json_object_set_new(o, "application_id", json_integer((json_int_t)sc->application_id));
	json_object_set_new(o, "round_id", json_integer((json_int_t)sc->round_id));
	json_object_set_new(o, "user_id", json_integer((json_int_t)sc->user_id));
	json_object_set_new(o, "author", jstr(sc->user_display));
	json_object_set_new(o, "status", jstr(scorecard_status_code(sc->status)));
	json_object_set_new(o, "recommendation", sc->recommendation[0] ? jstr(sc->recommendation) : json_null());
	json_object_set_new(o, "notes", jstr(sc->notes));
	json_object_set_new(o, "candidate_questions", jstr(sc->candidate_questions));
	json_object_set_new(o, "candidate_questions_quality",
			    sc->candidate_questions_quality[0] ? jstr(sc->candidate_questions_quality) : json_null());
	json_t *ratings = json_array();
	for (size_t i = 0; i < sc->nratings; i++)
		json_array_append_new(ratings, json_pack("{s:o, s:i, s:o}", "competency", jstr(sc->ratings[i].competency),
							 "rating", sc->ratings[i].rating, "notes", jstr(sc->ratings[i].notes)));
	json_object_set_new(o, "ratings", ratings);
	json_t *answers = json_array();
	for (size_t i = 0; i < sc->nanswers; i++)
		json_array_append_new(answers, json_pack("{s:o, s:o}", "question_ref", jstr(sc->answers[i].question_ref),
							 "notes", jstr(sc->answers[i].notes)));
	json_object_set_new(o, "answers", answers);
	json_t *ex = json_array();
	for (size_t i = 0; i < sc->nexercises; i++)
		json_array_append_new(ex, json_pack("{s:o, s:i, s:o}", "exercise", jstr(sc->exercises[i].exercise_key),
						    "rating", sc->exercises[i].rating, "notes", jstr(sc->exercises[i].notes)));
	json_object_set_new(o, "exercise_ratings", ex);
	json_object_set_new(o, "created_at", jtime(sc->created_at));
	json_object_set_new(o, "updated_at", jtime(sc->updated_at));
	json_object_set_new(o, "submitted_at", jtime(sc->submitted_at));
	return o;
}

void api_scorecards_list(struct request *r)
{
	const char *v = req_query(r, "application");
	long long app_id = 0;
	if (!v || !str_to_int64(v, 1, INT64_MAX, &app_id)) {
		bad_parameter(r, "application", _("must be the id of an application"));
		return;
	}
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	bool all = sees_all(r), assigned = all;
	enum store_rc rc = store_application_get(r->store, (int64_t)app_id, a);
	if (rc == STORE_OK && !all)
		rc = store_interviewer_assigned_to_application(r->store, r->user.id, a->id, &assigned);
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !assigned)) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	bool unlocked = false;
	struct scorecard *list = NULL;
	size_t n = 0;
	if ((rc = store_scorecard_viewer_unlocked(r->store, r->user.id, a->id, &unlocked)) != STORE_OK ||
	    (rc = store_scorecards_for_application_visible(r->store, r->user.id, all, a->id, &list, &n)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, scorecard_json(&list[i]));
	scorecard_list_free(list, n);
	api_json(r, 200,
		 json_pack("{s:I, s:b, s:o}", "application_id", (json_int_t)a->id, "unlocked", all || unlocked,
			   "scorecards", arr));
}

/* Reads scorecard path arg 0 as the caller may see it; answers 404 (or
 * 500/503) and returns false otherwise. Release with scorecard_free. */
static bool scorecard_of_path(struct request *r, struct scorecard *sc)
{
	enum store_rc rc = store_scorecard_get_visible(r->store, r->user.id, sees_all(r), req_path_arg(r, 0), sc);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such scorecard."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

void api_scorecard_get(struct request *r)
{
	struct scorecard sc = { 0 };
	if (!scorecard_of_path(r, &sc))
		return;
	api_json(r, 200, scorecard_json(&sc));
	scorecard_free(&sc);
}

void api_scorecards_open(struct request *r)
{
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	struct interview *iv = arena_alloc(&r->arena, sizeof *iv);
	json_t *body = api_read_object(r);
	if (!body)
		return;
	long long interview_id = 0;
	if (int_member(body, "interview_id", NULL, 1, INT64_MAX, _("must be the id of an interview"), &interview_id,
		       &fe) != 1)
		field_error(&fe, "interview_id", _("must be the id of an interview"));
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	/* Only the interview's own interviewers open a scorecard; for anyone
	 * else the interview does not exist. */
	enum store_rc rc = store_interview_get(r->store, (int64_t)interview_id, iv);
	const struct interview_interviewer *mine = NULL;
	for (size_t i = 0; rc == STORE_OK && i < iv->ninterviewers; i++)
		if (iv->interviewers[i].who.user_id == r->user.id)
			mine = &iv->interviewers[i];
	if (rc == STORE_NOT_FOUND || (rc == STORE_OK && !mine)) {
		page_error(r, 404, _("There is no such interview."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	bool created = mine->scorecard == SCORECARD_NONE;
	struct scorecard sc = { 0 };
	rc = store_scorecard_open(r->store, &who, iv->id, r->user.id, r->now, &sc);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such interview."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/scorecards/%lld", (long long)sc.id));
	api_json(r, created ? 201 : 200, scorecard_json(&sc));
	scorecard_free(&sc);
}

/* The caller's own draft in path arg 0; answers and returns false when it
 * is not visible (404), someone else's (403) or submitted (409). */
static bool own_draft_of_path(struct request *r, struct scorecard *sc)
{
	if (!scorecard_of_path(r, sc))
		return false;
	if (sc->user_id != r->user.id) {
		api_problem(r, 403, _("Forbidden"), _("Only its author may change a scorecard."), NULL);
		scorecard_free(sc);
		return false;
	}
	if (sc->status == SCORECARD_SUBMITTED) {
		api_problem(r, 409, _("Scorecard submitted"), _("A submitted scorecard is final and cannot be changed."),
			    NULL);
		scorecard_free(sc);
		return false;
	}
	return true;
}

/* The keys a scorecard of interview_id may rate: the position's competencies. */
static bool interview_competencies(struct request *r, int64_t interview_id, struct competency_set *cs)
{
	struct interview *iv = arena_alloc(&r->arena, sizeof *iv);
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	enum store_rc rc = store_interview_get(r->store, interview_id, iv);
	if (rc == STORE_OK)
		rc = store_position_get(r->store, iv->position_id, p);
	if (rc != STORE_OK) {
		api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
		return false;
	}
	position_competencies(r, p, cs);
	return true;
}

/* The list member `name` of body (at most SCORECARD_MAX_ITEMS), NULL when
 * absent, null or malformed (then an error on name). */
static json_t *item_list(json_t *body, const char *name, struct form_errors *fe)
{
	json_t *arr = json_object_get(body, name);
	if (!arr || json_is_null(arr))
		return NULL;
	if (!json_is_array(arr) || json_array_size(arr) > SCORECARD_MAX_ITEMS) {
		field_error(fe, name, _("must be a list of at most 64 items"));
		return NULL;
	}
	return arr;
}

static void scorecard_read(struct request *r, json_t *body, const struct competency_set *cs, struct scorecard *sc,
			   struct form_errors *fe)
{
	const struct exercise_library *lib = bank_builtin_exercises();
	const char *v;
	if ((v = text_member(r, body, "recommendation", NULL, SCORECARD_CODE_MAX - 1, false, fe))) {
		enum recommendation rec;
		if (!recommendation_parse(v, &rec))
			field_error(fe, "recommendation", _("must be one of strong_no, no, yes, strong_yes"));
		else
			str_copy(sc->recommendation, sizeof sc->recommendation, v);
	} else if (!form_error_for(fe, "recommendation")) {
		sc->recommendation[0] = '\0';
	}
	v = text_member(r, body, "notes", NULL, SCORECARD_NOTES_MAX, false, fe);
	str_copy(sc->notes, sizeof sc->notes, v ? v : "");
	v = text_member(r, body, "candidate_questions", NULL, SCORECARD_NOTES_MAX, false, fe);
	str_copy(sc->candidate_questions, sizeof sc->candidate_questions, v ? v : "");
	if ((v = text_member(r, body, "candidate_questions_quality", NULL, SCORECARD_CODE_MAX - 1, false, fe))) {
		enum question_quality qq;
		if (!question_quality_parse(v, &qq))
			field_error(fe, "candidate_questions_quality", _("must be substantive or superficial"));
		else
			str_copy(sc->candidate_questions_quality, sizeof sc->candidate_questions_quality, v);
	} else {
		sc->candidate_questions_quality[0] = '\0';
	}

	json_t *arr = item_list(body, "ratings", fe);
	size_t n = arr ? json_array_size(arr) : 0;
	sc->ratings = arena_alloc(&r->arena, (n + 1) * sizeof *sc->ratings);
	sc->nratings = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		const char *at = arena_printf(&r->arena, "ratings/%zu", i);
		struct scorecard_rating *it = &sc->ratings[sc->nratings++];
		if (!json_is_object(o)) {
			field_error(fe, at, _("must be an object with \"competency\" and \"rating\""));
			continue;
		}
		const char *field = arena_printf(&r->arena, "%s/competency", at);
		const char *key = text_member(r, o, "competency", field, sizeof it->competency - 1, true, fe);
		if (key && !competency_known(cs, key))
			field_error(fe, field, _("must be a competency of the position"));
		for (size_t d = 0; key && d + 1 < sc->nratings; d++)
			if (strcmp(sc->ratings[d].competency, key) == 0)
				field_error(fe, field, _("is listed twice"));
		if (key)
			str_copy(it->competency, sizeof it->competency, key);
		long long rating = 0;
		field = arena_printf(&r->arena, "%s/rating", at);
		if (int_member(o, "rating", field, RATING_MIN, RATING_MAX, _("must be a rating from 1 to 4"), &rating, fe) != 1)
			field_error(fe, field, _("must be a rating from 1 to 4"));
		it->rating = (int)rating;
		v = text_member(r, o, "notes", arena_printf(&r->arena, "%s/notes", at), SCORECARD_ITEM_NOTES_MAX, false, fe);
		str_copy(it->notes, sizeof it->notes, v ? v : "");
	}

	arr = item_list(body, "answers", fe);
	n = arr ? json_array_size(arr) : 0;
	sc->answers = arena_alloc(&r->arena, (n + 1) * sizeof *sc->answers);
	sc->nanswers = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		const char *at = arena_printf(&r->arena, "answers/%zu", i);
		struct scorecard_answer *it = &sc->answers[sc->nanswers++];
		if (!json_is_object(o)) {
			field_error(fe, at, _("must be an object with \"question_ref\" and \"notes\""));
			continue;
		}
		const char *field = arena_printf(&r->arena, "%s/question_ref", at);
		const char *ref = text_member(r, o, "question_ref", field, sizeof it->question_ref - 1, true, fe);
		if (ref && !kit_question_ref_valid(ref))
			field_error(fe, field, _("must be a question ref such as kam.rel.01 or custom.12"));
		for (size_t d = 0; ref && d + 1 < sc->nanswers; d++)
			if (strcmp(sc->answers[d].question_ref, ref) == 0)
				field_error(fe, field, _("is listed twice"));
		if (ref)
			str_copy(it->question_ref, sizeof it->question_ref, ref);
		v = text_member(r, o, "notes", arena_printf(&r->arena, "%s/notes", at), SCORECARD_ITEM_NOTES_MAX, false, fe);
		str_copy(it->notes, sizeof it->notes, v ? v : "");
	}

	arr = item_list(body, "exercise_ratings", fe);
	n = arr ? json_array_size(arr) : 0;
	sc->exercises = arena_alloc(&r->arena, (n + 1) * sizeof *sc->exercises);
	sc->nexercises = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		const char *at = arena_printf(&r->arena, "exercise_ratings/%zu", i);
		struct scorecard_exercise *it = &sc->exercises[sc->nexercises++];
		if (!json_is_object(o)) {
			field_error(fe, at, _("must be an object with \"exercise\" and \"rating\""));
			continue;
		}
		const char *field = arena_printf(&r->arena, "%s/exercise", at);
		const char *key = text_member(r, o, "exercise", field, sizeof it->exercise_key - 1, true, fe);
		if (key && !(lib && exercise_library_find(lib, key)))
			field_error(fe, field, _("There is no such exercise."));
		for (size_t d = 0; key && d + 1 < sc->nexercises; d++)
			if (strcmp(sc->exercises[d].exercise_key, key) == 0)
				field_error(fe, field, _("is listed twice"));
		if (key)
			str_copy(it->exercise_key, sizeof it->exercise_key, key);
		long long rating = 0;
		field = arena_printf(&r->arena, "%s/rating", at);
		if (int_member(o, "rating", field, RATING_MIN, RATING_MAX, _("must be a rating from 1 to 4"), &rating, fe) != 1)
			field_error(fe, field, _("must be a rating from 1 to 4"));
		it->rating = (int)rating;
		v = text_member(r, o, "notes", arena_printf(&r->arena, "%s/notes", at), SCORECARD_ITEM_NOTES_MAX, false, fe);
		str_copy(it->notes, sizeof it->notes, v ? v : "");
	}
}

void api_scorecard_save(struct request *r)
{
	struct scorecard sc = { 0 };
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	struct competency_set cs;
	if (!own_draft_of_path(r, &sc))
		return;
	json_t *body = api_read_object(r);
	if (!body) {
		scorecard_free(&sc);
		return;
	}
	if (!interview_competencies(r, sc.interview_id, &cs)) {
		json_decref(body);
		scorecard_free(&sc);
		return;
	}
	/* The store's arrays are replaced by the request's (arena) ones. */
	struct scorecard in = sc;
	scorecard_read(r, body, &cs, &in, &fe);
	json_decref(body);
	if (fe.n) {
		scorecard_free(&sc);
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_scorecard_save(r->store, &who, r->user.id, &in, r->now);
	int64_t id = sc.id;
	scorecard_free(&sc);
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The scorecard could not be stored as given."), NULL);
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such scorecard."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	if ((rc = store_scorecard_get_visible(r->store, r->user.id, sees_all(r), id, &sc)) != STORE_OK) {
		api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
		return;
	}
	api_json(r, 200, scorecard_json(&sc));
	scorecard_free(&sc);
}

void api_scorecard_submit(struct request *r)
{
	struct scorecard sc = { 0 };
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!own_draft_of_path(r, &sc))
		return;
	if (!sc.recommendation[0])
		form_error(&fe, "recommendation", _("Choose an overall recommendation before submitting."));
	if (sc.nratings == 0)
		form_error(&fe, "ratings", _("Rate at least one competency before submitting."));
	int64_t id = sc.id;
	scorecard_free(&sc);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	enum store_rc rc = store_scorecard_submit(r->store, &who, r->user.id, id, r->now);
	if (rc == STORE_INVALID) {
		api_problem(r, 409, _("Scorecard submitted"), _("A submitted scorecard is final and cannot be changed."),
			    NULL);
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such scorecard."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	if ((rc = store_scorecard_get_visible(r->store, r->user.id, sees_all(r), id, &sc)) != STORE_OK) {
		api_store_failed(r, rc == STORE_NOT_FOUND ? STORE_ERROR : rc);
		return;
	}
	api_json(r, 200, scorecard_json(&sc));
	scorecard_free(&sc);
}

/* ---- evaluation ------------------------------------------------------------------------------------------- */

/* Means and scores as integer hundredths (250 = 2.50), exact as the core
 * computes them; a JSON real would print 2.83 as 2.8300000000000001. */
static json_t *hundredths_json(int count, int x100)
{
	return count > 0 ? json_integer(x100) : json_null();
}

static json_t *cell_json(const struct eval_cell *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "count", json_integer(c->count));
	json_object_set_new(o, "mean_x100", hundredths_json(c->count, c->mean_x100));
	json_object_set_new(o, "min", c->count ? json_integer(c->min) : json_null());
	json_object_set_new(o, "max", c->count ? json_integer(c->max) : json_null());
	json_object_set_new(o, "spread", c->count ? json_integer(c->spread) : json_null());
	json_object_set_new(o, "disagreement", json_boolean(c->disagreement));
	json_object_set_new(o, "must", c->must == MUST_NONE ? json_null() : jstr(must_status_code(c->must)));
	return o;
}

void api_evaluation_get(struct request *r)
{
	struct position_evaluation *e = arena_alloc(&r->arena, sizeof *e);
	enum store_rc rc = position_evaluation_load(r, req_path_arg(r, 0), e);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such position."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *comps = json_array();
	for (size_t i = 0; i < e->ncompetencies; i++)
		json_array_append_new(comps, json_pack("{s:o, s:o, s:i, s:b}", "key", jstr(e->competencies[i].key), "name",
						       jstr(e->competency_names[i]), "weight", e->competencies[i].weight,
						       "must", e->competencies[i].must));
	json_t *exercises = json_array();
	for (size_t i = 0; i < e->result.nexercises; i++)
		json_array_append_new(exercises, json_pack("{s:o, s:o}", "key", jstr(e->result.exercises[i]), "name",
							   jstr(e->exercise_names ? e->exercise_names[i] : NULL)));
	json_t *cands = json_array();
	for (size_t i = 0; i < e->result.ncandidates; i++) {
		const struct eval_candidate *c = &e->result.candidates[i];
		const struct eval_applicant *ap = position_evaluation_applicant(e, c->application_id);
		json_t *o = json_object();
		json_object_set_new(o, "application_id", json_integer((json_int_t)c->application_id));
		json_object_set_new(o, "candidate_id", ap ? json_integer((json_int_t)ap->candidate_id) : json_null());
		json_object_set_new(o, "name", jstr(ap ? ap->name : NULL));
		json_object_set_new(o, "stage", jstr(ap ? ap->stage : NULL));
		json_object_set_new(o, "scorecards", json_integer(ap ? ap->nscorecards : 0));
		json_object_set_new(o, "rank", c->rank > 0 ? json_integer(c->rank) : json_null());
		json_object_set_new(o, "score_x100", hundredths_json(c->rated_competencies, c->score_x100));
		json_object_set_new(o, "knockout", json_boolean(c->knockout));
		json_object_set_new(o, "disagreement", json_boolean(c->disagreement));
		json_object_set_new(o, "must_fulfilled", json_integer(c->must_fulfilled));
		json_object_set_new(o, "must_open", json_integer(c->must_open));
		json_object_set_new(o, "must_knockouts", json_integer(c->must_knockouts));
		json_object_set_new(o, "culture_fit", c->culture_fit > 0 ? json_integer(c->culture_fit) : json_null());
		json_t *cells = json_object();
		for (size_t k = 0; k < e->ncompetencies; k++)
			json_object_set_new(cells, e->competencies[k].key, cell_json(&c->cells[k]));
		json_object_set_new(o, "competencies", cells);
		json_t *ex = json_object();
		for (size_t k = 0; k < e->result.nexercises; k++)
			json_object_set_new(ex, e->result.exercises[k], cell_json(&c->exercise_cells[k]));
		json_object_set_new(o, "exercises", ex);
		json_t *recs = json_object();
		for (int k = RECOMMENDATION_STRONG_NO; k < RECOMMENDATION__COUNT; k++)
			json_object_set_new(recs, recommendation_code((enum recommendation)k), json_integer(c->recommendations[k]));
		json_object_set_new(o, "recommendations", recs);
		json_object_set_new(o, "decision",
				    ap && ap->has_decision
					    ? json_pack("{s:o, s:i, s:o, s:o}", "decision", jstr(ap->decision), "culture_fit",
							ap->decision_culture_fit, "decided_by", jstr(ap->decided_by),
							"decided_at", jtime(ap->decided_at))
					    : json_null());
		json_array_append_new(cands, o);
	}
	json_t *body = json_pack("{s:I, s:o, s:o, s:o, s:o, s:I, s:I}", "position_id", (json_int_t)e->position_id,
				 "profile_version", e->profile_version > 0 ? json_integer(e->profile_version) : json_null(),
				 "competencies", comps, "exercises", exercises, "candidates", cands, "ranked",
				 (json_int_t)e->result.nranked, "applications", (json_int_t)e->napplications);
	position_evaluation_free(e);
	api_json(r, 200, body);
}

/* ---- decisions --------------------------------------------------------------------------------------------- */

static json_t *decision_json(const struct decision_record *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)d->id));
	json_object_set_new(o, "application_id", json_integer((json_int_t)d->application_id));
	json_object_set_new(o, "position_id", jid(d->position_id));
	json_object_set_new(o, "decision", jstr(d->decision));
	json_object_set_new(o, "culture_fit", json_integer(d->culture_fit));
	json_object_set_new(o, "rationale", jstr(d->rationale));
	json_object_set_new(o, "decided_by", jid(d->decided_by));
	json_object_set_new(o, "decided_by_name", jstr(d->decided_by_name));
	json_object_set_new(o, "decided_at", jtime(d->decided_at));
	return o;
}

/* The application in path arg 0; answers 404 (or 500/503) otherwise. */
static bool application_of_path(struct request *r, struct application *a)
{
	enum store_rc rc = store_application_get(r->store, req_path_arg(r, 0), a);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("There is no such application."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

void api_decision_create(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!application_of_path(r, a))
		return;
	json_t *body = api_read_object(r);
	if (!body)
		return;
	const char *decision = text_member(r, body, "decision", NULL, 16, false, &fe);
	const char *rationale = text_member(r, body, "rationale", NULL, DECISION_RATIONALE_MAX_BYTES, false, &fe);
	long long culture_fit = 0;
	int_member(body, "culture_fit", NULL, RATING_MIN, RATING_MAX,
		   _("A decision needs a culture-fit rating from 1 to 4."), &culture_fit, &fe);
	json_decref(body);
	/* R-GUARD-5: the one check the page uses too; fields name the members. */
	struct field_problem problems[8];
	size_t n = decision_check(decision ? decision : "", (int)culture_fit, rationale ? rationale : "", problems, 8);
	for (size_t i = 0; i < n && i < 8; i++)
		field_error(&fe, problems[i].field, _(problems[i].message));
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	int64_t id = 0;
	char *trimmed = str_trim(arena_strdup(&r->arena, rationale));
	enum store_rc rc = store_decision_record(r->store, &who, a->id, decision, (int)culture_fit, trimmed, r->now, &id);
	if (rc == STORE_INVALID) {
		api_problem(r, 422, _("Invalid input"), _("The decision could not be stored as given."), NULL);
		return;
	}
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such application."));
		return;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	struct decision_record *list = NULL;
	size_t nlist = 0;
	if ((rc = store_decisions_for_application(r->store, a->id, &list, &nlist)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *out = NULL;
	for (size_t i = 0; i < nlist && !out; i++)
		if (list[i].id == id)
			out = decision_json(&list[i]);
	free(list);
	resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/applications/%lld/decisions", (long long)a->id));
	api_json(r, 201, out ? out : json_pack("{s:I}", "id", (json_int_t)id));
}

void api_decisions_list(struct request *r)
{
	struct application *a = arena_alloc(&r->arena, sizeof *a);
	if (!application_of_path(r, a))
		return;
	struct decision_record *list = NULL;
	size_t n = 0;
	enum store_rc rc = store_decisions_for_application(r->store, a->id, &list, &n);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, decision_json(&list[i]));
	free(list);
	api_json(r, 200, json_pack("{s:I, s:o}", "application_id", (json_int_t)a->id, "decisions", arr));
}
