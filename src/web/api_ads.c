/*
 * api_ads.c — the JSON API of job ads: the linter for any text
 * (POST /api/v1/lint, R-AD-2, answering like `stellwerk lint-ad --format
 * json`), a position's ad read and written with its findings
 * (GET/PUT /api/v1/positions/{id}/ad, R-AD-1, R-AD-4) and its schema.org
 * JobPosting (GET /api/v1/positions/{id}/ad.jsonld).
 *
 * Bad input is answered 422 naming the member by JSON pointer ("#/text",
 * "#/sections/tasks") and nothing is stored (R-X-6). The router has checked
 * the permission before a handler runs.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/adlint.h"
#include "core/adlint_builtin.h"
#include "core/adlint_json.h"
#include "store/ads.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"
#include "web/ad_handlers.h"
#include "web/ad_ops.h"
#include "web/api.h"
#include "web/api_positions.h"
#include "web/layout.h"

#define LINT_MAX_TEXT_BYTES (1024 * 1024)   /* as `stellwerk lint-ad` */

static void invalid_input(struct request *r, const struct form_errors *fe)
{
	api_problem(r, 422, _("Invalid input"), fe->message[0], fe);
}

/* ---- raw bodies that are not UTF-8 ------------------------------------------------------------ */

/* Offset of the first byte of s that is not part of well-formed UTF-8
 * (no overlong forms, surrogates or code points above U+10FFFF); n when
 * all of it is. */
static size_t utf8_first_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned char c = p[i], lo = 0x80, hi = 0xBF;
		size_t need;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			lo = c == 0xE0 ? 0xA0 : 0x80;
			hi = c == 0xED ? 0x9F : 0xBF;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			lo = c == 0xF0 ? 0x90 : 0x80;
			hi = c == 0xF4 ? 0x8F : 0xBF;
		} else {
			return i;
		}
		if (i + need >= n)
			return i;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return i;
		for (size_t k = 2; k <= need; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xBF)
				return i;
		i += need + 1;
	}
	return n;
}

static size_t skip_ws(const char *b, size_t n, size_t i)
{
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'))
		i++;
	return i;
}

/* b[i] is the opening quote of a JSON string: the index of its closing
 * quote, or n when there is none. */
static size_t string_end(const char *b, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		if (b[i] == '\\')
			i++;
		else if (b[i] == '"')
			return i;
	}
	return n;
}

/* Skips one JSON value starting at b[i] (roughly: strings and nesting are
 * respected, nothing else is checked); the index just past it. */
static size_t skip_value(const char *b, size_t n, size_t i)
{
	int depth = 0;
	for (; i < n; i++) {
		char c = b[i];
		if (c == '"') {
			i = string_end(b, n, i);
			if (depth == 0)
				return i + 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
			return i;
		}
	}
	return n;
}

/* The raw bytes between the quotes of the string value of the top-level
 * member `key` (written without escapes) of the JSON object in b; false
 * when the body is not shaped so. Used only to place a byte that is not
 * UTF-8, which the JSON parser refuses without saying where it was. */
static bool raw_member_string(const char *b, size_t n, const char *key, size_t *start, size_t *end)
{
	size_t klen = strlen(key), i = skip_ws(b, n, 0);
	if (i >= n || b[i] != '{')
		return false;
	for (i = skip_ws(b, n, i + 1); i < n && b[i] == '"'; i = skip_ws(b, n, i + 1)) {
		size_t ks = i + 1, ke = string_end(b, n, i);
		i = skip_ws(b, n, ke + 1);
		if (i >= n || b[i] != ':')
			return false;
		i = skip_ws(b, n, i + 1);
		if (i < n && b[i] == '"' && ke - ks == klen && memcmp(b + ks, key, klen) == 0) {
			*start = i + 1;
			*end = string_end(b, n, i);
			return true;
		}
		i = skip_ws(b, n, skip_value(b, n, i));
		if (i >= n || b[i] != ',')
			return false;
	}
	return false;
}

/* Line and column (1-based, columns in characters) in the decoded string
 * of the raw JSON string bytes b[start, at). */
static void decoded_position(const char *b, size_t start, size_t at, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = start; i < at; i++) {
		unsigned char c = (unsigned char)b[i];
		if (c == '\\' && i + 1 < at) {
			i++;
			if (b[i] == 'n') {
				(*line)++;
				*column = 1;
				continue;
			}
			if (b[i] == 'u')
				i += 4;
			(*column)++;
		} else if ((c & 0xC0) != 0x80) {
			(*column)++;
		}
	}
}

/* When the body is not UTF-8 within the "text" member, answers 422 naming
 * "#/text" with the line and column of the first bad byte; true then. */
static bool text_not_utf8(struct request *r)
{
	const char *b = r->body.data ? r->body.data : "";
	size_t n = r->body.len, bad = utf8_first_invalid(b, n), start, end;
	int line, column;
	if (bad == n || !raw_member_string(b, n, "text", &start, &end) || bad < start || bad >= end)
		return false;
	decoded_position(b, start, bad, &line, &column);
	struct form_errors fe = { 0 };
	form_error(&fe, "text",
		   arena_printf(&r->arena, _("is not valid UTF-8 text: invalid byte at line %d, column %d"), line,
				column));
	invalid_input(r, &fe);
	return true;
}

/* ---- POST /api/v1/lint ---------------------------------------------------------------------- */

/* The lint request body as an object; answers 415/400/422 and returns NULL
 * on failure. NUL bytes pass the parser so the linter can name them. */
static json_t *lint_read_body(struct request *r)
{
	if (!r->content_type || strncasecmp(r->content_type, "application/json", 16) != 0) {
		api_problem(r, 415, _("Unsupported media type"), _("Send the request body as application/json."), NULL);
		return NULL;
	}
	if (text_not_utf8(r))
		return NULL;
	json_error_t err;
	json_t *obj = json_loadb(r->body.data ? r->body.data : "", r->body.len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
				 &err);
	if (!obj || !json_is_object(obj)) {
		char detail[256];
		snprintf(detail, sizeof detail, _("The body is not a JSON object (line %d, column %d: %s)."),
			 obj ? 1 : err.line, obj ? 1 : err.column, obj ? _("not an object") : err.text);
		json_decref(obj);
		api_problem(r, 400, _("Malformed JSON"), detail, NULL);
		return NULL;
	}
	return obj;
}

/* Reads "lang" of a lint request into *lang / *detect; fe on "lang". */
static void lint_read_lang(json_t *body, bool *detect, enum adlint_lang *lang, struct form_errors *fe)
{
	json_t *v = json_object_get(body, "lang");
	*detect = true;
	if (!v || json_is_null(v))
		return;
	const char *s = json_string_value(v);
	if (s && strcmp(s, "auto") == 0)
		return;
	if (s && (strcmp(s, "de") == 0 || strcmp(s, "en") == 0)) {
		*detect = false;
		*lang = s[0] == 'd' ? ADLINT_DE : ADLINT_EN;
		return;
	}
	form_error(fe, "lang", _("must be one of de, en, auto"));
}

/* Reads the optional "position_id" into p (zeroed when absent: nothing
 * confirmed); fe on "position_id". False when the store failed (answered). */
static bool lint_read_position(struct request *r, json_t *body, struct position *p, bool *have,
			       struct form_errors *fe)
{
	json_t *v = json_object_get(body, "position_id");
	*have = false;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		form_error(fe, "position_id", _("must be the id of a position"));
		return true;
	}
	enum store_rc rc = store_position_get(r->store, json_integer_value(v), p);
	if (rc == STORE_NOT_FOUND) {
		form_error(fe, "position_id", _("There is no such position."));
		return true;
	}
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return false;
	}
	*have = true;
	return true;
}

void api_lint(struct request *r)
{
	struct form_errors fe = { 0 };
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct adlint_result res;
	bool detect = true, have_position = false;
	enum adlint_lang lang = ADLINT_DE;
	char err[256];

	json_t *body = lint_read_body(r);
	if (!body)
		return;
	json_t *text = json_object_get(body, "text");
	if (!text || json_is_null(text))
		form_error(&fe, "text", _("is required"));
	else if (!json_is_string(text))
		form_error(&fe, "text", _("must be a string"));
	else if (json_string_length(text) > LINT_MAX_TEXT_BYTES)
		form_error(&fe, "text", _("is larger than 1 MiB; that is not a job ad"));
	lint_read_lang(body, &detect, &lang, &fe);
	if (!lint_read_position(r, body, p, &have_position, &fe))
		goto cleanup;
	if (fe.n) {
		invalid_input(r, &fe);
		goto cleanup;
	}
	const struct adlint_rules *rules = adlint_rules_builtin(err, sizeof err);
	if (!rules) {
		log_error("the built-in linter rules cannot be loaded: %s", err);
		page_error(r, 500, NULL);
		goto cleanup;
	}
	const char *s = json_string_value(text);
	size_t len = json_string_length(text);
	if (detect)
		lang = adlint_detect_lang(s, len);
	struct adlint_context ctx = ad_lint_context(r, have_position ? p : NULL);
	if (!adlint_check(rules, s, len, lang, &ctx, &res, err, sizeof err)) {
		form_error(&fe, "text", arena_printf(&r->arena, _("is not valid text: %s"), err));
		invalid_input(r, &fe);
		goto cleanup;
	}
	api_json(r, 200, adlint_result_json(&res));
	adlint_result_free(&res);
cleanup:
	json_decref(body);
}

/* ---- the ad of a position -------------------------------------------------------------------- */

static json_t *string_or_null(const char *s)
{
	return s[0] ? json_string(s) : json_null();
}

/* The lint result of the ad with each finding's place in the ad: "field"
 * ("title", "intro", "tasks", … or null for a heading) and "field_line". */
static json_t *ad_lint_json(const struct stored_ad *ad, const struct adlint_result *res)
{
	json_t *j = adlint_result_json(res);
	json_t *findings = json_object_get(j, "findings");
	for (size_t i = 0; i < res->nfindings && i < json_array_size(findings); i++) {
		int field_line = 0;
		const char *field = ad_lint_line_field(&ad->ad, res->findings[i].line, &field_line);
		json_t *f = json_array_get(findings, i);
		json_object_set_new(f, "field", field ? json_string(field) : json_null());
		json_object_set_new(f, "field_line", json_integer(field_line));
	}
	return j;
}

/* The ad as the API shows it, with its findings; NULL when the ad cannot
 * be linted or represented (logged: a bug). */
static json_t *ad_to_json(struct request *r, const struct stored_ad *ad, const struct position *p)
{
	struct adlint_result res;
	json_t *sections = json_object();
	for (int i = 0; i < JOB_AD_SECTION__COUNT; i++)
		json_object_set_new(sections, job_ad_section_key((enum job_ad_section)i),
				    json_string(job_ad_section_text(&ad->ad, (enum job_ad_section)i)));
	json_t *j = json_pack("{s:I, s:s, s:s, s:o, s:s, s:I, s:i, s:b, s:b, s:o, s:o, s:o, s:I}", "position_id",
			      (json_int_t)ad->position_id, "lang", ad->ad.lang, "title", ad->ad.title, "sections",
			      sections, "salary_text", ad->ad.salary_text, "valid_through_days",
			      (json_int_t)ad->ad.valid_through_days, "generated_from_version", ad->generated_from_version,
			      "edited", ad->edited, "published", ad->published, "slug", string_or_null(ad->slug),
			      "date_posted", string_or_null(ad->date_posted), "valid_through",
			      string_or_null(ad->valid_through), "updated_at", (json_int_t)ad->updated_at);
	if (!j) {
		log_error("the ad of position %lld cannot be written as JSON", (long long)ad->position_id);
		return NULL;
	}
	if (!ad_lint(r, ad, p, &res)) {
		json_decref(j);
		return NULL;
	}
	json_object_set_new(j, "lint", ad_lint_json(ad, &res));
	adlint_result_free(&res);
	return j;
}

/* Loads the position of the path and its ad; answers 404 (no position or
 * no ad yet) or 500/503 and returns false when that fails. */
static bool ad_load(struct request *r, struct position *p, struct stored_ad *ad)
{
	if (!api_position_load(r, req_path_arg(r, 0), p))
		return false;
	enum store_rc rc = store_ad_get(r->store, p->id, ad);
	if (rc == STORE_NOT_FOUND)
		page_error(r, 404, _("This position has no job ad yet."));
	else if (rc != STORE_OK)
		api_store_failed(r, rc);
	return rc == STORE_OK;
}

void api_ad_get(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stored_ad *ad = arena_alloc(&r->arena, sizeof *ad);
	if (!ad_load(r, p, ad))
		return;
	json_t *j = ad_to_json(r, ad, p);
	if (!j) {
		page_error(r, 500, NULL);
		return;
	}
	api_json(r, 200, j);
}

/* Copies the string member value into dst (size bytes) with CRLF and CR
 * turned into LF; fe on pointer when it is no string, too long, or (for
 * single_line) holds a line break. */
static void read_text_member(struct request *r, json_t *v, const char *pointer, char *dst, size_t size,
			     bool single_line, struct form_errors *fe)
{
	if (!json_is_string(v)) {
		form_error(fe, pointer, _("must be a string"));
		return;
	}
	const char *s = json_string_value(v);
	size_t n = json_string_length(v), k = 0;
	if (memchr(s, '\0', n)) {
		form_error(fe, pointer, _("must not contain NUL characters"));
		return;
	}
	char *tmp = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			tmp[k++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else {
			tmp[k++] = s[i];
		}
	}
	tmp[k] = '\0';
	if (single_line && memchr(tmp, '\n', k))
		form_error(fe, pointer, _("must be a single line"));
	else if (k >= size)
		form_error(fe, pointer,
			   arena_printf(&r->arena, _("is too long: at most %zu bytes of UTF-8 text"), size - 1));
	else
		memcpy(dst, tmp, k + 1);
	free(tmp);
}

/* The writable text of section s of ad and its buffer size. */
static char *section_field(struct job_ad *ad, enum job_ad_section s, size_t *size)
{
	switch (s) {
	case JOB_AD_TASKS: *size = sizeof ad->tasks; return ad->tasks;
	case JOB_AD_MUST: *size = sizeof ad->must; return ad->must;
	case JOB_AD_NICE: *size = sizeof ad->nice; return ad->nice;
	case JOB_AD_OFFER: *size = sizeof ad->offer; return ad->offer;
	case JOB_AD_CULTURE: *size = sizeof ad->culture; return ad->culture;
	case JOB_AD_PROCESS: *size = sizeof ad->process; return ad->process;
	default: *size = sizeof ad->intro; return ad->intro;
	}
}

/* Applies the members of a PUT body to ad; fe names what is wrong. */
static void ad_read_json(struct request *r, json_t *body, struct stored_ad *ad, struct form_errors *fe)
{
	json_t *v = json_object_get(body, "lang");
	if (v && !json_is_null(v)) {
		const char *s = json_string_value(v);
		if (s && (strcmp(s, "de") == 0 || strcmp(s, "en") == 0))
			str_copy(ad->ad.lang, sizeof ad->ad.lang, s);
		else
			form_error(fe, "lang", _("must be one of de, en"));
	}
	if ((v = json_object_get(body, "title")) && !json_is_null(v))
		read_text_member(r, v, "title", ad->ad.title, sizeof ad->ad.title, true, fe);
	if ((v = json_object_get(body, "salary_text")) && !json_is_null(v))
		read_text_member(r, v, "salary_text", ad->ad.salary_text, sizeof ad->ad.salary_text, true, fe);
	if ((v = json_object_get(body, "valid_through_days")) && !json_is_null(v)) {
		if (json_is_integer(v) && json_integer_value(v) >= 1 && json_integer_value(v) <= 365)
			ad->ad.valid_through_days = json_integer_value(v);
		else
			form_error(fe, "valid_through_days", _("must be a whole number of days from 1 to 365"));
	}
	json_t *sections = json_object_get(body, "sections");
	if (!sections || json_is_null(sections))
		return;
	if (!json_is_object(sections)) {
		form_error(fe, "sections", _("must be an object of section texts"));
		return;
	}
	const char *key;
	json_object_foreach(sections, key, v) {
		int i;
		for (i = 0; i < JOB_AD_SECTION__COUNT; i++)
			if (strcmp(key, job_ad_section_key((enum job_ad_section)i)) == 0)
				break;
		const char *pointer = arena_printf(&r->arena, "sections/%s", key);
		if (i == JOB_AD_SECTION__COUNT) {
			form_error(fe, pointer, _("is not a section of a job ad (intro, tasks, must, nice, offer, "
						  "culture, process)"));
			continue;
		}
		size_t size;
		char *dst = section_field(&ad->ad, (enum job_ad_section)i, &size);
		if (json_is_null(v))
			dst[0] = '\0';
		else
			read_text_member(r, v, pointer, dst, size, false, fe);
	}
}

void api_ad_put(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stored_ad *ad = arena_alloc(&r->arena, sizeof *ad);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);

	if (!api_position_load(r, req_path_arg(r, 0), p))
		return;
	enum store_rc rc = store_ad_get(r->store, p->id, ad);
	bool created = rc == STORE_NOT_FOUND;
	if (rc != STORE_OK && !created) {
		api_store_failed(r, rc);
		return;
	}
	if (created) {
		memset(ad, 0, sizeof *ad);
		ad->position_id = p->id;
		str_copy(ad->ad.lang, sizeof ad->ad.lang, lang_code(r->lang));
		ad->ad.valid_through_days = JOB_AD_DEFAULT_VALID_DAYS;
	}
	json_t *body = api_read_object(r);
	if (!body)
		return;
	ad_read_json(r, body, ad, &fe);
	json_decref(body);
	if (fe.n) {
		invalid_input(r, &fe);
		return;
	}
	ad->edited = true;
	rc = store_ad_save(r->store, &who, ad, r->now);
	if (rc == STORE_INVALID) {
		form_error(&fe, "sections", _("The ad must be UTF-8 text."));
		invalid_input(r, &fe);
		return;
	}
	if (rc != STORE_OK || (rc = store_ad_get(r->store, p->id, ad)) != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	json_t *j = ad_to_json(r, ad, p);
	if (!j) {
		page_error(r, 500, NULL);
		return;
	}
	if (created)
		resp_header(r, "Location", arena_printf(&r->arena, "/api/v1/positions/%lld/ad", (long long)p->id));
	api_json(r, created ? 201 : 200, j);
}

/* The absolute address of the public job page of slug, from the request's
 * Host header; NULL when the host is missing or not plainly a host name. */
static const char *public_job_url(struct request *r, const char *slug)
{
	const char *host = req_header(r, "Host");
	if (!host || !host[0] || strlen(host) > 255 ||
	    strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != strlen(host))
		return NULL;
	return arena_printf(&r->arena, "%s://%s/jobs/%s", r->secure ? "https" : "http", host, slug);
}

void api_ad_jsonld(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stored_ad *ad = arena_alloc(&r->arena, sizeof *ad);
	struct organisation *o = arena_alloc(&r->arena, sizeof *o);
	if (!ad_load(r, p, ad))
		return;
	enum store_rc rc = store_organisation_get(r->store, p->organisation_id, o);
	if (rc != STORE_OK) {
		api_store_failed(r, rc);
		return;
	}
	const char *url = ad->published && ad->slug[0] ? public_job_url(r, ad->slug) : NULL;
	json_t *ld = job_ad_jsonld(&ad->ad, p, o, ad->published ? ad->date_posted : NULL,
				   ad->published ? ad->valid_through : NULL, url);
	if (!ld) {
		page_error(r, 500, NULL);
		return;
	}
	api_json(r, 200, ld);
	r->content_type_out = "application/ld+json";
}
