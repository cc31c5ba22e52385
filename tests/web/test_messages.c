/*
 * test_messages.c — black-box tests of candidate messages (R-COMM-2)
 * against the real server and a real SMTP receiver on loopback
 * (smtp_sink.c): a placeholder without a value is refused before anything
 * is queued and the error names it; a complete invitation is queued,
 * delivered through SMTP (envelope, headers, RFC 2047 subject, UTF-8 body
 * in quoted-printable) and marked sent; the delivery is recorded as contact
 * in the candidate's timeline and the application's last contact
 * (R-GUARD-3); with the receiver down the message fails with the error and
 * a next attempt, and after the receiver is back a retry delivers it (the
 * outbox retries after the SMTP receiver was down); without SMTP the
 * message is copied and marked as sent by hand, which records the contact
 * too; an administrator's template edit with an unknown placeholder is
 * refused naming it; recruiters may not edit templates, interviewers may
 * not see the outbox (R-X-2).
 *
 * The recruiter weber drives the pages in English; the demo candidate
 * Sebastian Krüger (one application, no contact yet) receives the mail.
 */
#include "harness.h"
#include "smtp_sink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct server srv;
static struct smtp_sink *sink;
static char tok_weber[128];
static struct http_client *web;
static long long cand_id, app_id;

/* ---- helpers ------------------------------------------------------------------------------- */

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&t, NULL);
}

/* The demo candidate Sebastian Krüger and his one application. */
static void find_candidate(void)
{
	json_t *l = api_call_json(&srv, tok_weber, "GET", "/api/v1/candidates?q=Kr%C3%BCger", NULL, 200);
	json_t *first = json_array_get(json_object_get(l, "candidates"), 0);
	assert_non_null(first);
	cand_id = (long long)json_integer_value(json_object_get(first, "id"));
	json_decref(l);
	char path[64];
	snprintf(path, sizeof path, "/api/v1/candidates/%lld", cand_id);
	json_t *c = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	assert_string_equal(json_string_value(json_object_get(c, "email")), "sebastian.krueger@mail.example");
	json_t *app = json_array_get(json_object_get(c, "applications"), 0);
	assert_non_null(app);
	app_id = (long long)json_integer_value(json_object_get(app, "id"));
	json_decref(c);
}

/* last_contact_at of the application as the API shows it (0 for null). */
static long long last_contact(void)
{
	char path[64];
	snprintf(path, sizeof path, "/api/v1/applications/%lld", app_id);
	json_t *a = api_call_json(&srv, tok_weber, "GET", path, NULL, 200);
	long long v = (long long)json_integer_value(json_object_get(a, "last_contact_at"));
	json_decref(a);
	return v;
}

/* The candidate page's Messages section: how many messages it lists and
 * the id of the newest (0 when none). */
static size_t candidate_messages(long long *newest)
{
	char path[64];
	snprintf(path, sizeof path, "/candidates/%lld", cand_id);
	struct http_response *r = get_page(web, path, 200);
	size_t n = 0;
	*newest = 0;
	for (const char *p = strstr(r->body, "data-message=\""); p; p = strstr(p + 1, "data-message=\"")) {
		if (n++ == 0)
			sscanf(p, "data-message=\"%lld\"", newest);
	}
	http_response_free(r);
	return n;
}

/* Starts the demo server, with the SMTP sink as its mail server when
 * with_smtp; minute_ms shortens the mailer's back-off (NULL: real minutes). */
static void start(bool with_smtp, const char *minute_ms)
{
	soft_failures_reset();
	char url[64];
	setenv("STELLWERK_MAILER_INTERVAL_MS", "100", 1);
	if (minute_ms)
		setenv("STELLWERK_MAILER_MINUTE_MS", minute_ms, 1);
	else
		unsetenv("STELLWERK_MAILER_MINUTE_MS");
	if (with_smtp) {
		sink = smtp_sink_start(0);
		snprintf(url, sizeof url, "smtp://127.0.0.1:%d", smtp_sink_port(sink));
		const char *args[] = { "--smtp-url", url, "--smtp-from", "Recruiting Hansa <jobs@hansa.example>", NULL };
		server_start(&srv, args);
	} else {
		sink = NULL;
		server_start(&srv, NULL);
	}
	cli_token_create(&srv, "weber", "messages test", tok_weber, sizeof tok_weber, NULL);
	web = client_logged_in(&srv, "weber");
	struct http_response *r = post_form_with_csrf(web, "/dashboard", "/lang", "lang=en&next=/dashboard", 303);
	http_response_free(r);
	find_candidate();
}

static int setup_smtp(void **state)
{
	(void)state;
	start(true, NULL);
	return 0;
}

static int setup_smtp_fast_backoff(void **state)
{
	(void)state;
	start(true, "1000");
	return 0;
}

static int setup_plain(void **state)
{
	(void)state;
	start(false, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	http_client_free(web);
	server_stop(&srv);
	smtp_sink_free(sink);
	sink = NULL;
	return 0;
}

/* Sends the compose form (fields url-encoded already) and asserts status. */
static struct http_response *send_message(const char *form, long status)
{
	char path[64], page[96];
	snprintf(path, sizeof path, "/candidates/%lld/messages", cand_id);
	snprintf(page, sizeof page, "/candidates/%lld/messages/new", cand_id);
	return post_form_with_csrf(web, page, path, form, status);
}

/* The id of the newest outbox row with this status on /outbox, 0 when none. */
static long long outbox_id_with_status(const char *status)
{
	char path[64], needle[64];
	snprintf(path, sizeof path, "/outbox?status=%s", status);
	struct http_response *r = get_page(web, path, 200);
	long long id = 0;
	snprintf(needle, sizeof needle, "data-status=\"%s\"><td>", status);
	const char *row = strstr(r->body, needle);
	if (row) {
		const char *start = row;
		while (start > r->body && strncmp(start, "<tr id=\"message-", 16) != 0)
			start--;
		sscanf(start, "<tr id=\"message-%lld\"", &id);
	}
	http_response_free(r);
	return id;
}

/* The header value decoded (RFC 2047) of message m. */
static void decoded_header(const struct smtp_sink_message *m, const char *name, char *out, size_t n);

/* Waits up to timeout_ms for a received message to rcpt whose decoded
 * subject contains subject_part; its index, or -1. Other messages (the
 * demo's outbox is delivered too) are skipped. */
static long sink_find(const char *rcpt, const char *subject_part, int timeout_ms)
{
	for (int waited = 0;; waited += 100) {
		size_t n = smtp_sink_count(sink);
		for (size_t i = 0; i < n; i++) {
			struct smtp_sink_message m;
			char subject[1024];
			if (!smtp_sink_message(sink, i, &m))
				continue;
			decoded_header(&m, "Subject", subject, sizeof subject);
			bool hit = m.nrcpt == 1 && strcmp(m.rcpt_to[0], rcpt) == 0 && strstr(subject, subject_part);
			smtp_sink_message_free(&m);
			if (hit)
				return (long)i;
		}
		if (waited >= timeout_ms)
			return -1;
		sleep_ms(100);
	}
}

/* Waits up to 15 s for message id to reach status on /outbox; returns
 * that page (caller frees), fails otherwise. */
static struct http_response *outbox_when_status(long long id, const char *status)
{
	char needle[96];
	snprintf(needle, sizeof needle, "<tr id=\"message-%lld\" data-status=\"%s\">", id, status);
	for (int i = 0; i < 150; i++) {
		struct http_response *r = get_page(web, "/outbox", 200);
		if (strstr(r->body, needle))
			return r;
		http_response_free(r);
		sleep_ms(100);
	}
	struct http_response *r = get_page(web, "/outbox", 200);
	fail_msg("message %lld never reached status %s:\n%s", id, status, r->body);
	return NULL;
}

static void wait_for_status(long long id, const char *status)
{
	http_response_free(outbox_when_status(id, status));
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes a quoted-printable body (soft line breaks removed, CRLF kept). Caller frees. */
static char *qp_decode(const char *in)
{
	char *out = malloc(strlen(in) + 1), *w = out;
	assert_non_null(out);
	for (const char *p = in; *p; p++) {
		if (p[0] == '=' && p[1] == '\r' && p[2] == '\n') {
			p += 2;
		} else if (p[0] == '=' && hex_value(p[1]) >= 0 && hex_value(p[2]) >= 0) {
			*w++ = (char)(hex_value(p[1]) * 16 + hex_value(p[2]));
			p += 2;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return out;
}

static int b64_value(char c)
{
	const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(alphabet, c) : NULL;
	return p ? (int)(p - alphabet) : -1;
}

/* Decodes a header value with RFC 2047 "=?UTF-8?B?…?=" words (folded with
 * CRLF SP) into out; plain text is copied. */
static void header_decode(const char *value, char *out, size_t n)
{
	size_t k = 0;
	const char *p = value;
	while (*p && k + 4 < n) {
		if (strncmp(p, "=?UTF-8?B?", 10) == 0) {
			p += 10;
			unsigned acc = 0;
			int bits = 0;
			while (*p && !(p[0] == '?' && p[1] == '=')) {
				int v = b64_value(*p++);
				if (v < 0)
					continue;
				acc = acc << 6 | (unsigned)v;
				bits += 6;
				if (bits >= 8) {
					bits -= 8;
					out[k++] = (char)(acc >> bits);
				}
			}
			p += *p ? 2 : 0;
			while (*p == '\r' || *p == '\n' || *p == ' ')   /* folding between encoded words */
				p++;
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = '\0';
}

/* The value of header name (unfolded continuation lines kept) in a
 * message's header block; "" when absent. */
static void header_value(const char *msg, const char *name, char *out, size_t n)
{
	char needle[64];
	snprintf(needle, sizeof needle, "\r\n%s: ", name);
	const char *h = strncmp(msg, needle + 2, strlen(needle) - 2) == 0 ? msg : strstr(msg, needle);
	out[0] = '\0';
	if (!h)
		return;
	h += h == msg ? strlen(needle) - 2 : strlen(needle);
	size_t k = 0;
	while (*h && k + 1 < n) {
		if (h[0] == '\r' && h[1] == '\n' && h[2] != ' ' && h[2] != '\t')
			break;
		out[k++] = *h++;
	}
	out[k] = '\0';
}

static void decoded_header(const struct smtp_sink_message *m, const char *name, char *out, size_t n)
{
	char raw[1024];
	header_value(m->data, name, raw, sizeof raw);
	header_decode(raw, out, n);
}

/* ---- tests ------------------------------------------------------------------------------- */

/* R-COMM-2: an invitation without a date is refused before sending, the
 * error names {{date}}, and nothing is queued or sent. */
static void test_missing_placeholder_refused(void **state)
{
	(void)state;
	char path[160];
	snprintf(path, sizeof path, "/candidates/%lld/messages/new?kind=invitation&lang=de&application_id=%lld&time=10%%3A00"
		 "&place=Hamburg&preview=1", cand_id, app_id);
	struct http_response *r = get_page(web, path, 422);
	assert_contains(r->body, "{{date}}");
	assert_not_contains(r->body, "id=\"preview-body\"");
	http_response_free(r);

	char form[256];
	snprintf(form, sizeof form, "kind=invitation&lang=de&application_id=%lld&time=10%%3A00&place=Hamburg", app_id);
	r = send_message(form, 422);
	assert_contains(r->body, "{{date}}");
	http_response_free(r);
	long long newest;
	assert_int_equal(candidate_messages(&newest), 0);
	assert_int_equal(sink_find("sebastian.krueger@mail.example", "", 500), -1);
	assert_no_soft_failures();
}

/* R-COMM-2, R-GUARD-3: a complete invitation is previewed, queued,
 * delivered through SMTP with correct headers and UTF-8 text, marked sent,
 * and recorded as contact in the timeline and the application. */
static void test_invitation_delivered(void **state)
{
	(void)state;
	long long before = last_contact();
	long long t0 = (long long)time(NULL);
	char path[256];
	snprintf(path, sizeof path, "/candidates/%lld/messages/new?kind=invitation&lang=de&application_id=%lld"
		 "&date=2026-12-03&time=10%%3A00&place=%%C3%%9Cberseeallee+10%%2C+Hamburg&interviewer=Dr.+Brandt&preview=1",
		 cand_id, app_id);
	struct http_response *r = get_page(web, path, 200);
	assert_contains(r->body, "id=\"preview-body\"");
	assert_contains(r->body, "Donnerstag, 3. Dezember 2026");
	http_response_free(r);

	char form[512];
	snprintf(form, sizeof form, "kind=invitation&lang=de&application_id=%lld&date=2026-12-03&time=10%%3A00"
		 "&place=%%C3%%9Cberseeallee+10%%2C+Hamburg&interviewer=Dr.+Brandt", app_id);
	r = send_message(form, 303);
	char loc[256];
	snprintf(loc, sizeof loc, "/candidates/%lld?done=message_queued", cand_id);
	assert_redirect(r, loc);
	http_response_free(r);

	long at = sink_find("sebastian.krueger@mail.example", "Einladung zum Gespräch: ", 15000);
	if (at < 0)
		fail_msg("the SMTP receiver got no invitation");
	struct smtp_sink_message m;
	assert_true(smtp_sink_message(sink, (size_t)at, &m));
	assert_string_equal(m.mail_from, "jobs@hansa.example");
	assert_int_equal(m.nrcpt, 1);
	assert_string_equal(m.rcpt_to[0], "sebastian.krueger@mail.example");
	char value[1024], decoded[1024];
	header_value(m.data, "Subject", value, sizeof value);
	assert_contains(value, "=?UTF-8?B?");             /* "Gespräch" is not ASCII: RFC 2047 */
	header_decode(value, decoded, sizeof decoded);
	assert_contains(decoded, "Einladung zum Gespräch: ");
	header_value(m.data, "To", value, sizeof value);
	assert_contains(value, "<sebastian.krueger@mail.example>");
	header_decode(value, decoded, sizeof decoded);
	assert_contains(decoded, "Sebastian Krüger");
	header_value(m.data, "From", value, sizeof value);
	assert_contains(value, "<jobs@hansa.example>");
	header_value(m.data, "Content-Type", value, sizeof value);
	assert_contains(value, "charset=utf-8");
	header_value(m.data, "Message-ID", value, sizeof value);
	assert_contains(value, "@hansa.example>");
	header_value(m.data, "Date", value, sizeof value);
	assert_true(strlen(value) > 20);
	assert_not_contains(m.data, "\n\n");               /* CRLF line endings only */
	const char *body = strstr(m.data, "\r\n\r\n");
	assert_non_null(body);
	char *text = qp_decode(body + 4);
	assert_contains(text, "Guten Tag Sebastian Krüger,");
	assert_contains(text, "Datum: Donnerstag, 3. Dezember 2026");
	assert_contains(text, "Uhrzeit: 10:00 Uhr");
	assert_contains(text, "Ort: Überseeallee 10, Hamburg");
	assert_contains(text, "Sie sprechen mit: Dr. Brandt");
	assert_not_contains(text, "{{");
	free(text);
	smtp_sink_message_free(&m);

	long long id;
	assert_int_equal(candidate_messages(&id), 1);
	wait_for_status(id, "sent");
	/* The contact: in the candidate's timeline and the application. */
	snprintf(path, sizeof path, "/candidates/%lld", cand_id);
	r = get_page(web, path, 200);
	assert_contains(r->body, "Email: Einladung zum Gespräch");
	assert_contains(r->body, "data-status=\"sent\"");
	http_response_free(r);
	long long after = last_contact();
	assert_true(after >= t0);
	assert_true(after > before);
	assert_no_soft_failures();
}

/* R-COMM-2: the outbox retries after the SMTP receiver was down — the
 * failure is visible with its error and the next attempt, and "Retry now"
 * sends it at once once the receiver is back (the back-off here is real:
 * the next automatic attempt would come only after a minute). */
static void test_retry_after_receiver_down(void **state)
{
	(void)state;
	smtp_sink_stop(sink);
	char form[256];
	snprintf(form, sizeof form, "kind=acknowledgement&lang=en&application_id=%lld", app_id);
	struct http_response *r = send_message(form, 303);
	http_response_free(r);
	long long id;
	assert_int_equal(candidate_messages(&id), 2);
	wait_for_status(id, "failed");
	r = get_page(web, "/outbox?status=failed", 200);
	assert_contains(r->body, "outbox-error");
	assert_contains(r->body, "connect");
	assert_contains(r->body, "Next attempt:");
	assert_contains(r->body, "Attempts: 1");
	assert_contains(r->body, "Retry now");
	http_response_free(r);
	assert_int_equal(sink_find("sebastian.krueger@mail.example", "We have received", 0), -1);

	smtp_sink_restart(sink);
	char path[64];
	snprintf(path, sizeof path, "/outbox/%lld/retry", id);
	r = post_form_with_csrf(web, "/outbox", path, "", 303);
	assert_redirect(r, "/outbox?done=retry");
	http_response_free(r);
	if (sink_find("sebastian.krueger@mail.example", "We have received your application as ", 15000) < 0)
		fail_msg("the retried message did not arrive");
	wait_for_status(id, "sent");
	assert_no_soft_failures();
}

/* R-COMM-2, R-GUARD-3: without SMTP the message waits in the outbox with
 * its text to copy; marked as sent it is "sent by hand" and a contact. */
static void test_manual_without_smtp(void **state)
{
	(void)state;
	long long before = last_contact();
	long long t0 = (long long)time(NULL);
	char form[256];
	snprintf(form, sizeof form, "kind=rejection&lang=de&application_id=%lld", app_id);
	struct http_response *r = send_message(form, 303);
	http_response_free(r);
	sleep_ms(400);
	long long id;
	assert_int_equal(candidate_messages(&id), 1);
	assert_true(id > 0);
	assert_int_equal(outbox_id_with_status("queued"), id);   /* no worker: it stays queued */
	r = get_page(web, "/outbox", 200);
	assert_contains(r->body, "data-copy=\"msg-");
	assert_contains(r->body, "Mark as sent");
	assert_contains(r->body, "vielen Dank für Ihr Interesse an der Position");
	assert_not_contains(r->body, "Retry now");
	http_response_free(r);

	char path[64];
	snprintf(path, sizeof path, "/outbox/%lld/mark-sent", id);
	r = post_form_with_csrf(web, "/outbox", path, "", 303);
	assert_redirect(r, "/outbox?done=marked_sent");
	http_response_free(r);
	assert_int_equal(outbox_id_with_status("manual"), id);
	/* Marking twice is refused. */
	r = post_form_with_csrf(web, "/outbox", path, "", 409);
	http_response_free(r);
	snprintf(path, sizeof path, "/candidates/%lld", cand_id);
	r = get_page(web, path, 200);
	assert_contains(r->body, "Email: Ihre Bewerbung als");
	assert_contains(r->body, "data-status=\"manual\"");
	http_response_free(r);
	long long after = last_contact();
	assert_true(after >= t0);
	assert_true(after > before);
	assert_no_soft_failures();
}

/* R-COMM-2: an administrator's edit with an unknown placeholder is refused
 * naming it and stores nothing; a valid edit is used for new messages and
 * can be restored to the built-in text. */
static void test_template_edit(void **state)
{
	(void)state;
	struct http_client *admin = client_logged_in(&srv, srv.admin_login);
	struct http_response *r = post_form_with_csrf(admin, "/dashboard", "/lang", "lang=en&next=/dashboard", 303);
	http_response_free(r);
	r = get_page(admin, "/settings/messages?kind=interim&lang=de", 200);
	assert_contains(r->body, "Zwischenstand zu Ihrer Bewerbung");
	http_response_free(r);

	r = post_form_with_csrf(admin, "/settings/messages", "/settings/messages",
				"kind=interim&lang=de&subject=Zwischenstand&body=Hallo+%7B%7Bvorname%7D%7D%2C+bis+%7B%7Bdate%7D%7D.", 422);
	assert_contains(r->body, "{{vorname}}");
	assert_contains(r->body, "Hallo {{vorname}}");      /* the draft stays in the form */
	http_response_free(r);
	r = get_page(admin, "/settings/messages?kind=interim&lang=de", 200);
	assert_contains(r->body, "<p class=\"muted\">Built-in text.</p>");
	assert_contains(r->body, "Zwischenstand zu Ihrer Bewerbung");
	http_response_free(r);

	r = post_form_with_csrf(admin, "/settings/messages", "/settings/messages",
				"kind=interim&lang=de&subject=Kurzer+Zwischenstand+%7B%7Bposition%7D%7D"
				"&body=Guten+Tag+%7B%7Bcandidate_name%7D%7D%2C%0D%0Awir+melden+uns+bis+%7B%7Bdate%7D%7D.", 303);
	assert_redirect(r, "/settings/messages?kind=interim&lang=de&done=saved");
	http_response_free(r);
	char path[256];
	snprintf(path, sizeof path, "/candidates/%lld/messages/new?kind=interim&lang=de&application_id=%lld&date=2026-12-10&preview=1",
		 cand_id, app_id);
	r = get_page(web, path, 200);
	assert_contains(r->body, "Kurzer Zwischenstand");
	assert_contains(r->body, "wir melden uns bis Donnerstag, 10. Dezember 2026.");
	http_response_free(r);

	r = post_form_with_csrf(admin, "/settings/messages?kind=interim&lang=de", "/settings/messages/restore",
				"kind=interim&lang=de", 303);
	http_response_free(r);
	r = get_page(web, path, 200);
	assert_contains(r->body, "Zwischenstand zu Ihrer Bewerbung");
	http_response_free(r);
	http_client_free(admin);
	assert_no_soft_failures();
}

/* R-COMM-1, R-COMM-2: an invitation about an application with a scheduled
 * interview starts with its date, time (Berlin), place and interviewers. */
static void test_invitation_prefilled_from_schedule(void **state)
{
	(void)state;
	char now_iso[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(now_iso, sizeof now_iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_t *all = api_call_json(&srv, tok_weber, "GET", "/api/v1/interviews", NULL, 200);
	/* The next scheduled interview of any application, then the earliest
	 * future one of that application (the one the form takes). */
	long long app = 0, cand = 0;
	const char *best = NULL, *local = NULL, *place = NULL;
	size_t i;
	json_t *iv;
	for (int pass = 0; pass < 2; pass++) {
		json_array_foreach(json_object_get(all, "interviews"), i, iv) {
			const char *st = json_string_value(json_object_get(iv, "status"));
			const char *at = json_string_value(json_object_get(iv, "starts_at"));
			long long a = (long long)json_integer_value(json_object_get(iv, "application_id"));
			if (!st || strcmp(st, "scheduled") != 0 || !at || strcmp(at, now_iso) <= 0 || (pass == 1 && a != app))
				continue;
			if (pass == 0 && app == 0) {
				app = a;
				cand = (long long)json_integer_value(json_object_get(iv, "candidate_id"));
			}
			if (pass == 1 && (!best || strcmp(at, best) < 0)) {
				best = at;
				local = json_string_value(json_object_get(iv, "starts_at_local"));
				place = json_string_value(json_object_get(iv, "location"));
				if (!place || !*place)
					place = json_string_value(json_object_get(iv, "video_link"));
			}
		}
	}
	if (!app || !local)
		fail_msg("the demo has no future scheduled interview");
	char path[160], want[64];
	snprintf(path, sizeof path, "/candidates/%lld/messages/new?kind=invitation&lang=de&application_id=%lld", cand, app);
	struct http_response *r = get_page(web, path, 200);
	assert_contains(r->body, "id=\"m-prefilled\"");
	snprintf(want, sizeof want, "name=\"date\" type=\"date\" value=\"%.10s\"", local);
	assert_contains(r->body, want);
	snprintf(want, sizeof want, "name=\"time\" type=\"time\" value=\"%.5s\"", local + 11);
	assert_contains(r->body, want);
	assert_contains(r->body, place);
	http_response_free(r);
	json_decref(all);
	assert_no_soft_failures();
}

/* R-X-2: recruiters may not edit templates; interviewers see no outbox
 * and cannot compose. */
static void test_permissions(void **state)
{
	(void)state;
	struct http_response *r = http_get(web, "/settings/messages", NULL);
	assert_status(r, 403);
	http_response_free(r);
	struct http_client *iv = client_logged_in(&srv, "hoffmann");
	r = http_get(iv, "/outbox", NULL);
	assert_status(r, 403);
	http_response_free(r);
	char path[96];
	snprintf(path, sizeof path, "/candidates/%lld/messages/new", cand_id);
	r = http_get(iv, path, NULL);
	assert_status(r, 403);
	http_response_free(r);
	http_client_free(iv);
}

/* R-COMM-2: the outbox retries by itself after the SMTP receiver was down,
 * with back-off (a minute of back-off lasts a second here). */
static void test_automatic_retry_with_backoff(void **state)
{
	(void)state;
	smtp_sink_stop(sink);
	char form[256];
	snprintf(form, sizeof form, "kind=interim&lang=en&application_id=%lld&date=2026-12-10", app_id);
	struct http_response *r = send_message(form, 303);
	http_response_free(r);
	long long id;
	assert_int_equal(candidate_messages(&id), 1);
	r = outbox_when_status(id, "failed");     /* the next attempt comes a second later */
	assert_contains(r->body, "Next attempt:");
	http_response_free(r);
	smtp_sink_restart(sink);
	/* The attempts come after 1, 5, 15 "minutes" of a second each. */
	if (sink_find("sebastian.krueger@mail.example", "An update on your application as ", 45000) < 0)
		fail_msg("the failed message was not retried automatically");
	wait_for_status(id, "sent");
	r = get_page(web, "/outbox?status=sent", 200);
	char row[96];
	snprintf(row, sizeof row, "<tr id=\"message-%lld\"", id);
	const char *at = strstr(r->body, row);
	assert_non_null(at);
	const char *attempts = strstr(at, "Attempts: ");
	assert_non_null(attempts);
	assert_true(atoi(attempts + 10) >= 2);               /* failed at least once, then sent */
	http_response_free(r);
	assert_no_soft_failures();
}

/* The mailer stops cleanly while a transfer hangs: the server's shutdown
 * aborts it at once (instead of waiting for the SMTP timeout) and exits
 * with status 0 and a clean log (server_stop checks both). */
static void test_shutdown_during_delivery(void **state)
{
	(void)state;
	smtp_sink_stall(sink, true);
	size_t before = smtp_sink_connections(sink);
	char form[256];
	snprintf(form, sizeof form, "kind=acknowledgement&lang=de&application_id=%lld", app_id);
	struct http_response *r = send_message(form, 303);
	http_response_free(r);
	long long id;
	assert_int_equal(candidate_messages(&id), 1);
	wait_for_status(id, "sending");
	for (int i = 0; i < 100 && smtp_sink_connections(sink) == before; i++)
		sleep_ms(50);
	assert_true(smtp_sink_connections(sink) > before);   /* curl is connected and waiting */
	http_client_free(web);
	web = NULL;
	time_t t0 = time(NULL);
	server_stop(&srv);
	assert_true(time(NULL) - t0 < 15);
}

static int teardown_stopped(void **state)
{
	(void)state;
	smtp_sink_free(sink);
	sink = NULL;
	return 0;
}

int main(void)
{
	const struct CMUnitTest with_smtp[] = {
		cmocka_unit_test(test_missing_placeholder_refused),
		cmocka_unit_test(test_invitation_delivered),
		cmocka_unit_test(test_retry_after_receiver_down),
	};
	const struct CMUnitTest without_smtp[] = {
		cmocka_unit_test(test_manual_without_smtp),
		cmocka_unit_test(test_template_edit),
		cmocka_unit_test(test_invitation_prefilled_from_schedule),
		cmocka_unit_test(test_permissions),
	};
	const struct CMUnitTest with_backoff[] = {
		cmocka_unit_test(test_automatic_retry_with_backoff),
	};
	const struct CMUnitTest shutdown[] = {
		cmocka_unit_test(test_shutdown_during_delivery),
	};
	int failed = cmocka_run_group_tests_name("messages with SMTP", with_smtp, setup_smtp, teardown);
	failed += cmocka_run_group_tests_name("messages with SMTP, fast back-off", with_backoff, setup_smtp_fast_backoff,
					      teardown);
	failed += cmocka_run_group_tests_name("messages without SMTP", without_smtp, setup_plain, teardown);
	failed += cmocka_run_group_tests_name("mailer shutdown", shutdown, setup_smtp, teardown_stopped);
	return failed;
}
