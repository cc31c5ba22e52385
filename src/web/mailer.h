/*
 * mailer.h — delivery of the outbox (R-COMM-2): one background thread with
 * its own store connection that claims due messages (store/outbox.h) and
 * sends them through SMTP with libcurl, with retry and back-off.
 *
 * The worker runs only when an SMTP URL is configured (serve --smtp-url or
 * $STELLWERK_SMTP_URL). Without it messages stay queued and the outbox page
 * offers "copy" and "mark as sent". It polls every few seconds
 * ($STELLWERK_MAILER_INTERVAL_MS overrides the interval, for tests) and at
 * once when mailer_wake() is called after an enqueue or a retry. For tests,
 * $STELLWERK_MAILER_MINUTE_MS (1000–60000) shortens a minute of back-off.
 *
 * A message is in status sending only while curl talks to the server; rows
 * left in sending by a crash are put back to queued when the worker starts.
 * A failure is stored with the error text and the next attempt after 1, 5,
 * 15 and 60 minutes, then every 4 hours; after MAILER_MAX_ATTEMPTS attempts,
 * or when the server refuses permanently (5xx), the message stays failed
 * (next_attempt_at MAILER_NEVER) until a user retries it.
 */
#ifndef STELLWERK_WEB_MAILER_H
#define STELLWERK_WEB_MAILER_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

struct server_config;
struct outbox_message;

#define MAILER_MAX_ATTEMPTS 10
#define MAILER_NEVER INT64_MAX            /* next_attempt_at of a message no longer retried by itself */
#define MAILER_DEFAULT_INTERVAL_MS 5000

/* Seconds to wait after the attempts-th failed attempt (1-based), or -1
 * when no further automatic attempt is made. */
int64_t mailer_backoff_seconds(int attempts);

/* Whether cfg configures SMTP delivery (an SMTP URL is set). */
bool mailer_configured(const struct server_config *cfg);

/* Starts the worker when SMTP is configured (logs and returns true when it
 * is not: nothing to start). false when the thread cannot start. cfg must
 * outlive mailer_stop. Call from the main thread, once. */
bool mailer_start(const struct server_config *cfg);

/* Wakes the worker to look for due messages now (no-op when not running).
 * Safe from any thread. */
void mailer_wake(void);

/* Asks the worker to stop — a transfer in progress is aborted and its
 * message marked failed, due again at once — and joins it. */
void mailer_stop(void);

/* Writes m as an RFC 5322 message (CRLF line endings; Date, From, To,
 * Subject with RFC 2047 encoded-words for non-ASCII text, Message-ID,
 * MIME-Version, text/plain UTF-8 body in quoted-printable) into out. from is
 * "addr" or "Display Name <addr>". */
void mailer_format_message(struct buf *out, const char *from, const struct outbox_message *m, int64_t now);

#endif
