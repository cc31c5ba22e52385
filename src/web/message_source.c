/*
 * message_source.c — parses data/messages/{de,en}.json once (pthread_once)
 * and combines the built-ins with the store's overrides; see
 * message_source.h. A built-in that does not pass message_template_check is
 * refused at load (logged), so a broken data file shows up at once instead
 * of in a candidate's inbox.
 */
#include "web/message_source.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/embedded.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

static pthread_once_t builtins_once = PTHREAD_ONCE_INIT;
static struct builtin_message builtins[LANG__COUNT][MESSAGE_KIND__COUNT];   /* written once, then only read */
static bool builtin_ok[LANG__COUNT][MESSAGE_KIND__COUNT];

/* A text: a string, or an array of lines joined with "\n". Caller frees. */
static char *take_text(const json_t *v)
{
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (!json_is_array(v) || json_array_size(v) == 0)
		return NULL;
	struct buf b = BUF_INIT;
	size_t i;
	const json_t *line;
	json_array_foreach(v, i, line) {
		if (!json_is_string(line)) {
			buf_free(&b);
			return NULL;
		}
		if (i > 0)
			buf_putc(&b, '\n');
		buf_puts(&b, json_string_value(line));
	}
	return buf_detach(&b);
}

/* One template object {"subject": …, "body": …}; false (with err) when it
 * is malformed or fails the template check. */
static bool parse_template(enum lang lang, enum message_kind k, const json_t *t, char *err, size_t errlen)
{
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)t, key, v)
		if (strcmp(key, "subject") != 0 && strcmp(key, "body") != 0) {
			snprintf(err, errlen, "unknown field %s", key);
			return false;
		}
	char *subject = take_text(json_object_get(t, "subject"));
	char *body = take_text(json_object_get(t, "body"));
	struct message_problems problems;
	if (!subject || !body || !*subject || !*body) {
		snprintf(err, errlen, "subject and body must be non-empty text");
	} else if (strlen(subject) > MESSAGE_SUBJECT_MAX || strlen(body) > MESSAGE_BODY_MAX) {
		snprintf(err, errlen, "subject or body too long");
	} else if (!message_template_check(k, subject, body, &problems)) {
		snprintf(err, errlen, "%s {{%s}}: %s", problems.items[0].part, problems.items[0].name,
			 problems.items[0].message);
	} else {
		builtins[lang][k].subject = subject;
		builtins[lang][k].body = body;
		builtin_ok[lang][k] = true;
		return true;
	}
	free(subject);
	free(body);
	return false;
}

static void parse_file(enum lang lang)
{
	char path[64], err[256];
	snprintf(path, sizeof path, MESSAGE_DATA_DIR "%s.json", lang_code(lang));
	const struct embedded_file *f = embedded_find(path);
	if (!f) {
		log_error("message templates %s are not built in", path);
		return;
	}
	json_error_t je;
	json_t *doc = json_loadb((const char *)f->data, f->len, JSON_REJECT_DUPLICATES, &je);
	const json_t *templates = doc ? json_object_get(doc, "templates") : NULL;
	if (!doc || !json_is_object(templates)) {
		log_error("message templates %s do not parse: %s", path, doc ? "no \"templates\" object" : je.text);
		json_decref(doc);
		return;
	}
	const char *top;
	const json_t *tv;
	json_object_foreach(doc, top, tv)
		if (strcmp(top, "lang") != 0 && strcmp(top, "version") != 0 && strcmp(top, "templates") != 0)
			log_error("message templates %s: unknown field \"%s\"", path, top);
	const char *lang_field = json_string_value(json_object_get(doc, "lang"));
	if (!str_eq(lang_field, lang_code(lang)))
		log_error("message templates %s: \"lang\" must be \"%s\"", path, lang_code(lang));
	for (int k = 0; k < MESSAGE_KIND__COUNT; k++) {
		const char *code = message_kind_code((enum message_kind)k);
		const json_t *t = json_object_get(templates, code);
		if (!json_is_object(t))
			log_error("message templates %s: no template \"%s\"", path, code);
		else if (!parse_template(lang, (enum message_kind)k, t, err, sizeof err))
			log_error("message templates %s: templates.%s: %s", path, code, err);
	}
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)templates, key, v) {
		enum message_kind k;
		if (!message_kind_parse(key, &k))
			log_error("message templates %s: unknown kind \"%s\"", path, key);
	}
	json_decref(doc);
}

static void builtins_load(void)
{
	for (int l = 0; l < LANG__COUNT; l++)
		parse_file((enum lang)l);
}

const struct builtin_message *message_builtin(enum message_kind k, enum lang lang)
{
	if ((int)k < 0 || k >= MESSAGE_KIND__COUNT || (int)lang < 0 || lang >= LANG__COUNT)
		return NULL;
	pthread_once(&builtins_once, builtins_load);
	return builtin_ok[lang][k] ? &builtins[lang][k] : NULL;
}

enum store_rc message_template_effective(struct store *s, enum message_kind k, enum lang lang,
					 struct message_template *out, bool *overridden)
{
	const char *kind = message_kind_code(k);
	if (overridden)
		*overridden = false;
	if (!kind || (int)lang < 0 || lang >= LANG__COUNT)
		return STORE_NOT_FOUND;
	enum store_rc rc = store_message_template_get(s, kind, lang_code(lang), out);
	if (rc == STORE_OK) {
		if (overridden)
			*overridden = true;
		return STORE_OK;
	}
	if (rc != STORE_NOT_FOUND)
		return rc;
	const struct builtin_message *b = message_builtin(k, lang);
	if (!b)
		return STORE_NOT_FOUND;
	memset(out, 0, sizeof *out);
	str_copy(out->kind, sizeof out->kind, kind);
	str_copy(out->lang, sizeof out->lang, lang_code(lang));
	str_copy(out->subject, sizeof out->subject, b->subject);
	str_copy(out->body, sizeof out->body, b->body);
	return STORE_OK;
}

const char *message_problem_text(struct arena *a, const struct message_problem *p)
{
	switch (p->kind) {
	case MESSAGE_PROBLEM_MISSING:
		return arena_printf(a, _("The template uses {{%s}}, but there is no value for it."), p->name);
	case MESSAGE_PROBLEM_UNKNOWN:
		return arena_printf(a, _("{{%s}} is not a known placeholder."), p->name);
	case MESSAGE_PROBLEM_REQUIRED:
		return arena_printf(a, _("This kind of message must use {{%s}}."), p->name);
	case MESSAGE_PROBLEM_SYNTAX:
		break;
	}
	return _("Unbalanced braces: write placeholders as {{name}}.");
}

const char *message_placeholder_list(struct arena *a)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < MESSAGE_PLACEHOLDER_COUNT; i++)
		buf_printf(&b, "%s{{%s}}", i ? ", " : "", MESSAGE_PLACEHOLDERS[i]);
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}
