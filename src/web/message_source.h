/*
 * message_source.h — the candidate message templates as the pages use them
 * (R-COMM-2): the built-in texts of data/messages/{de,en}.json, parsed from
 * the embedded files once per process and shared read-only by every
 * thread, and the template in effect — the administrator's override in the
 * store (store/outbox.h) when there is one, else the built-in.
 */
#ifndef STELLWERK_WEB_MESSAGE_SOURCE_H
#define STELLWERK_WEB_MESSAGE_SOURCE_H

#include <stdbool.h>

#include "core/messages.h"
#include "store/outbox.h"
#include "util/arena.h"
#include "util/i18n.h"

#define MESSAGE_DATA_DIR "data/messages/"

/* The built-in template of kind k in lang: subject and body (lines joined
 * with "\n"). NULL when the data file is missing or broken (logged once).
 * Never freed. */
struct builtin_message {
	const char *subject;
	const char *body;
};
const struct builtin_message *message_builtin(enum message_kind k, enum lang lang);

/* The template in effect for kind k in lang into *out (kind, lang, subject,
 * body; id 0 for a built-in); *overridden tells whether it is the store's
 * override (may be NULL). STORE_NOT_FOUND when neither exists; other codes
 * from the store. */
enum store_rc message_template_effective(struct store *s, enum message_kind k, enum lang lang,
					 struct message_template *out, bool *overridden);

/* A sentence about problem p naming its placeholder ("{{date}} …") in the
 * language of the request, allocated in a. */
const char *message_problem_text(struct arena *a, const struct message_problem *p);

/* The help line listing every placeholder as {{name}}, in a. */
const char *message_placeholder_list(struct arena *a);

#endif
