/*
 * messages.c — placeholder rendering and checks of candidate message
 * templates (R-COMM-2). See messages.h for the syntax and the rules.
 */
#include "core/messages.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n_mark.h"

static const char *const KIND_CODES[MESSAGE_KIND__COUNT] = {
	"acknowledgement", "invitation", "interim", "rejection", "offer",
};

static const char *const KIND_LABELS[MESSAGE_KIND__COUNT] = {
	N_("Acknowledgement"), N_("Invitation"), N_("Interim update"), N_("Rejection"), N_("Offer"),
};

const char *const MESSAGE_PLACEHOLDERS[MESSAGE_PLACEHOLDER_COUNT] = {
	"candidate_name", "candidate_first_name", "position", "company", "date",
	"time", "place", "interviewer", "sender", "sender_email",
};

const char *message_kind_code(enum message_kind k)
{
	return (unsigned)k < MESSAGE_KIND__COUNT ? KIND_CODES[k] : NULL;
}

const char *message_kind_label(enum message_kind k)
{
	return (unsigned)k < MESSAGE_KIND__COUNT ? KIND_LABELS[k] : NULL;
}

bool message_kind_parse(const char *code, enum message_kind *out)
{
	if (code == NULL)
		return false;
	for (int k = 0; k < MESSAGE_KIND__COUNT; k++)
		if (strcmp(code, KIND_CODES[k]) == 0) {
			*out = (enum message_kind)k;
			return true;
		}
	return false;
}

bool message_placeholder_known(const char *name)
{
	if (name == NULL)
		return false;
	for (size_t i = 0; i < MESSAGE_PLACEHOLDER_COUNT; i++)
		if (strcmp(name, MESSAGE_PLACEHOLDERS[i]) == 0)
			return true;
	return false;
}

static bool in_list(const char *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(name, *list) == 0)
			return true;
	return false;
}

static const char *const REQUIRED_ALWAYS[] = {
	"candidate_name", "candidate_first_name", "position", "company", "sender", NULL,
};
static const char *const REQUIRED_INVITATION[] = { "date", "time", "place", NULL };

bool message_placeholder_required(enum message_kind k, const char *name)
{
	if (name == NULL || (unsigned)k >= MESSAGE_KIND__COUNT)
		return false;
	if (in_list(name, REQUIRED_ALWAYS))
		return true;
	return k == MESSAGE_INVITATION && in_list(name, REQUIRED_INVITATION);
}

const char *message_problem_code(enum message_problem_kind k)
{
	switch (k) {
	case MESSAGE_PROBLEM_MISSING: return "missing";
	case MESSAGE_PROBLEM_UNKNOWN: return "unknown";
	case MESSAGE_PROBLEM_SYNTAX: return "syntax";
	case MESSAGE_PROBLEM_REQUIRED: return "required";
	}
	return "";
}

static const char *problem_message(enum message_problem_kind k)
{
	switch (k) {
	case MESSAGE_PROBLEM_MISSING: return N_("A placeholder has no value.");
	case MESSAGE_PROBLEM_UNKNOWN: return N_("Unknown placeholder.");
	case MESSAGE_PROBLEM_SYNTAX: return N_("Unbalanced braces: write placeholders as {{name}}.");
	case MESSAGE_PROBLEM_REQUIRED: return N_("This kind of message needs this placeholder.");
	}
	return "";
}

/* Records a problem once per (kind, name, part). */
static void add_problem(struct message_problems *p, enum message_problem_kind kind, const char *name,
			size_t namelen, const char *part)
{
	char nm[MESSAGE_PLACEHOLDER_NAME_MAX];

	if (p == NULL)
		return;
	if (namelen >= sizeof nm)
		namelen = sizeof nm - 1;
	memcpy(nm, name, namelen);
	nm[namelen] = '\0';
	for (size_t i = 0; i < p->n; i++)
		if (p->items[i].kind == kind && strcmp(p->items[i].name, nm) == 0 && p->items[i].part == part)
			return;
	p->total++;
	if (p->n >= MESSAGE_PROBLEMS_MAX)
		return;
	struct message_problem *it = &p->items[p->n++];
	it->kind = kind;
	memcpy(it->name, nm, namelen + 1);
	it->part = part;
	it->message = problem_message(kind);
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The value given for a name (first wins), or NULL. */
static const char *lookup(const struct message_value *v, size_t n, const char *name, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].key != NULL && strlen(v[i].key) == len && memcmp(v[i].key, name, len) == 0)
			return v[i].value;
	return NULL;
}

static bool known_n(const char *name, size_t len, size_t *index)
{
	for (size_t i = 0; i < MESSAGE_PLACEHOLDER_COUNT; i++)
		if (strlen(MESSAGE_PLACEHOLDERS[i]) == len && memcmp(MESSAGE_PLACEHOLDERS[i], name, len) == 0) {
			if (index != NULL)
				*index = i;
			return true;
		}
	return false;
}

/*
 * Walks tmpl once. With render set, checks values and appends the output to
 * out; otherwise only checks syntax and names, marking used known
 * placeholders in used[]. Returns true when no problem was found.
 */
static bool walk(enum message_kind k, const char *part, const char *tmpl, bool render,
		 const struct message_value *values, size_t nvalues, struct buf *out, bool *used,
		 struct message_problems *problems)
{
	bool ok = true;
	const char *s = tmpl != NULL ? tmpl : "";

	while (*s != '\0') {
		const char *open = strstr(s, "{{");
		const char *close = strstr(s, "}}");
		if (close != NULL && (open == NULL || close < open)) {
			add_problem(problems, MESSAGE_PROBLEM_SYNTAX, "", 0, part);
			ok = false;
			s = close + 2;
			continue;
		}
		if (open == NULL) {
			if (render && out != NULL)
				buf_puts(out, s);
			break;
		}
		if (render && out != NULL)
			buf_append(out, s, (size_t)(open - s));
		const char *end = strstr(open + 2, "}}");
		const char *next_open = strstr(open + 2, "{{");
		if (end == NULL || (next_open != NULL && next_open < end)) {
			add_problem(problems, MESSAGE_PROBLEM_SYNTAX, "", 0, part);
			ok = false;
			s = end == NULL ? open + 2 + strlen(open + 2) : next_open;
			continue;
		}
		const char *name = open + 2, *name_end = end;
		while (name < name_end && (*name == ' ' || *name == '\t'))
			name++;
		while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t'))
			name_end--;
		size_t len = (size_t)(name_end - name);
		bool valid = len > 0;
		for (size_t i = 0; i < len && valid; i++)
			valid = name_char(name[i]);
		s = end + 2;
		if (!valid) {
			add_problem(problems, MESSAGE_PROBLEM_SYNTAX, name, len, part);
			ok = false;
			continue;
		}
		size_t idx = 0;
		if (!known_n(name, len, &idx)) {
			add_problem(problems, MESSAGE_PROBLEM_UNKNOWN, name, len, part);
			ok = false;
			continue;
		}
		if (used != NULL)
			used[idx] = true;
		if (!render)
			continue;
		const char *v = lookup(values, nvalues, name, len);
		if (v == NULL || (v[0] == '\0' && message_placeholder_required(k, MESSAGE_PLACEHOLDERS[idx]))) {
			add_problem(problems, MESSAGE_PROBLEM_MISSING, name, len, part);
			ok = false;
			continue;
		}
		if (out != NULL)
			buf_puts(out, v);   /* literal: never expanded again */
	}
	return ok;
}

static void reset(struct message_problems *p)
{
	if (p != NULL)
		memset(p, 0, sizeof *p);
}

bool message_render_text(enum message_kind k, const char *part, const char *tmpl,
			 const struct message_value *values, size_t nvalues, struct buf *out,
			 struct message_problems *problems)
{
	struct buf tmp = BUF_INIT;
	bool ok;

	reset(problems);
	buf_init(&tmp);
	ok = walk(k, part, tmpl, true, values, nvalues, &tmp, NULL, problems);
	if (ok && out != NULL)
		buf_append(out, tmp.data, tmp.len);
	buf_free(&tmp);
	return ok;
}

bool message_render(enum message_kind k, const char *subject_tmpl, const char *body_tmpl,
		    const struct message_value *values, size_t nvalues, struct buf *subject_out,
		    struct buf *body_out, struct message_problems *problems)
{
	struct buf subj = BUF_INIT, body = BUF_INIT;
	bool ok;

	reset(problems);
	buf_init(&subj);
	buf_init(&body);
	ok = walk(k, "subject", subject_tmpl, true, values, nvalues, &subj, NULL, problems);
	ok = walk(k, "body", body_tmpl, true, values, nvalues, &body, NULL, problems) && ok;
	if (ok) {
		if (subject_out != NULL)
			buf_append(subject_out, subj.data, subj.len);
		if (body_out != NULL)
			buf_append(body_out, body.data, body.len);
	}
	buf_free(&subj);
	buf_free(&body);
	return ok;
}

bool message_template_check(enum message_kind k, const char *subject_tmpl, const char *body_tmpl,
			    struct message_problems *problems)
{
	bool used[MESSAGE_PLACEHOLDER_COUNT] = { false };
	bool ok;

	reset(problems);
	ok = walk(k, "subject", subject_tmpl, false, NULL, 0, NULL, used, problems);
	ok = walk(k, "body", body_tmpl, false, NULL, 0, NULL, used, problems) && ok;
	if (k == MESSAGE_INVITATION)
		for (size_t i = 0; REQUIRED_INVITATION[i] != NULL; i++) {
			size_t idx = 0;
			if (known_n(REQUIRED_INVITATION[i], strlen(REQUIRED_INVITATION[i]), &idx) && !used[idx]) {
				add_problem(problems, MESSAGE_PROBLEM_REQUIRED, REQUIRED_INVITATION[i],
					    strlen(REQUIRED_INVITATION[i]), "body");
				ok = false;
			}
		}
	return ok;
}
