/*
 * smtp_sink.h — a real SMTP receiver for the web tests (R-COMM-2): a
 * loopback TCP server in a thread of the test program that speaks enough
 * SMTP (RFC 5321) for libcurl's client — greeting, EHLO/HELO, AUTH PLAIN,
 * MAIL FROM, RCPT TO, DATA with dot-unstuffing, RSET, NOOP, QUIT — and
 * records every accepted message.
 *
 * The sink can be stopped and started again on the same port, which is how
 * a test simulates the mail server being down: while stopped, connections
 * to the port are refused. Recorded messages survive a restart.
 */
#ifndef STELLWERK_TESTS_WEB_SMTP_SINK_H
#define STELLWERK_TESTS_WEB_SMTP_SINK_H

#include <stdbool.h>
#include <stddef.h>

struct smtp_sink;

/* One accepted message: the envelope and the DATA as received (CRLF line
 * endings, dot-stuffing removed, without the final ".\r\n"). auth_user is
 * the user of AUTH PLAIN ("" without AUTH). */
struct smtp_sink_message {
	char mail_from[256];
	char rcpt_to[4][256];
	size_t nrcpt;
	char auth_user[128];
	char *data;
	size_t len;
};

/* Starts a sink on 127.0.0.1:port (0 picks a free port); fails the test
 * when it cannot listen. Free with smtp_sink_free. */
struct smtp_sink *smtp_sink_start(int port);
/* The port it listens on (also while stopped: the port it will use again). */
int smtp_sink_port(const struct smtp_sink *s);
/* Closes the listening socket and any connection, and joins the thread:
 * afterwards connections are refused. */
void smtp_sink_stop(struct smtp_sink *s);
/* Listens again on the same port after smtp_sink_stop. */
void smtp_sink_restart(struct smtp_sink *s);
/* While stalled, the sink accepts connections but never answers (no
 * greeting): a client hangs as on an overloaded server. */
void smtp_sink_stall(struct smtp_sink *s, bool stalled);
/* How many connections were accepted so far. */
size_t smtp_sink_connections(struct smtp_sink *s);
/* Stops the sink if running and frees it with its messages. */
void smtp_sink_free(struct smtp_sink *s);

/* How many messages were accepted so far. */
size_t smtp_sink_count(struct smtp_sink *s);
/* Waits until at least n messages were accepted or timeout_ms passed;
 * returns whether they were. */
bool smtp_sink_wait(struct smtp_sink *s, size_t n, int timeout_ms);
/* A copy of message i (0-based) into out; out->data is malloc'd (free with
 * smtp_sink_message_free). False when there is no such message. */
bool smtp_sink_message(struct smtp_sink *s, size_t i, struct smtp_sink_message *out);
void smtp_sink_message_free(struct smtp_sink_message *m);

#endif
