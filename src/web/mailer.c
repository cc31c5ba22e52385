/*
 * mailer.c — the outbox delivery worker (R-COMM-2); see mailer.h. One
 * thread, one store connection, one libcurl easy handle per message. The
 * thread sleeps on a condition variable between rounds, so an enqueue can
 * wake it and a shutdown never waits for the poll interval.
 */
#include "web/mailer.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/outbox.h"
#include "store/store.h"
#include "util/crypto.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"
#include "web/server.h"

#define SMTP_CONNECT_TIMEOUT_S 15L
#define SMTP_TIMEOUT_S 90L
#define ENCODED_WORD_BYTES 45   /* raw bytes per =?UTF-8?B?…?= word: 60 base64 chars, 72 in all */
#define QP_LINE_MAX 76

static pthread_mutex_t mailer_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t mailer_cond;           /* CLOCK_MONOTONIC; initialised in mailer_start */
static pthread_t mailer_thread;
static bool mailer_running;                  /* the thread exists (main thread only) */
static bool mailer_woken;                    /* guarded by mailer_lock */
static atomic_bool mailer_stopping;          /* read by the transfer's progress callback too */
static const struct server_config *mailer_cfg;
static long mailer_interval_ms = MAILER_DEFAULT_INTERVAL_MS;
static long mailer_minute_ms = 60000;        /* one minute of back-off; shorter only in tests */

int64_t mailer_backoff_seconds(int attempts)
{
	static const int64_t minutes[] = { 1, 5, 15, 60 };
	if (attempts < 1)
		return 0;
	if (attempts >= MAILER_MAX_ATTEMPTS)
		return -1;
	if ((size_t)attempts <= sizeof minutes / sizeof minutes[0])
		return minutes[attempts - 1] * 60;
	return 4 * 3600;
}

bool mailer_configured(const struct server_config *cfg)
{
	return cfg != NULL && !str_empty(cfg->smtp_url);
}

/* ---- the message ---------------------------------------------------------------- */

static bool is_plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return false;
	return strstr(s, "=?") == NULL;
}

/* text as RFC 2047 encoded-words (UTF-8, base64), folded between words;
 * chunks never split a UTF-8 sequence. CR, LF and other controls become
 * spaces first, so header text can never start a new header. */
static void put_encoded_words(struct buf *o, const char *text)
{
	size_t n = strlen(text), off = 0;
	char *clean = xstrdup(text);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)clean[i] < 0x20 || clean[i] == 0x7f)
			clean[i] = ' ';
	while (off < n) {
		size_t take = n - off < ENCODED_WORD_BYTES ? n - off : ENCODED_WORD_BYTES;
		while (off + take < n && take > 0 && ((unsigned char)clean[off + take] & 0xc0) == 0x80)
			take--;
		if (take == 0)
			take = 1;
		char b64[ENCODED_WORD_BYTES * 2];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)clean + off, take,
				  sodium_base64_VARIANT_ORIGINAL);
		if (off > 0)
			buf_puts(o, "\r\n ");
		buf_printf(o, "=?UTF-8?B?%s?=", b64);
		off += take;
	}
	free(clean);
}

/* Unstructured header text (Subject): as is when plain ASCII, else
 * encoded-words. */
static void put_unstructured(struct buf *o, const char *text)
{
	if (is_plain_ascii(text))
		buf_puts(o, text);
	else
		put_encoded_words(o, text);
}

/* A display name: a quoted string when plain ASCII, else encoded-words. */
static void put_display_name(struct buf *o, const char *name)
{
	if (!is_plain_ascii(name)) {
		put_encoded_words(o, name);
		return;
	}
	buf_putc(o, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(o, '\\');
		buf_putc(o, *p);
	}
	buf_putc(o, '"');
}

/* Splits "Display Name <addr>" or "addr" into its parts (either may be
 * cut to its buffer). */
static void split_address(const char *text, char *name, size_t nn, char *addr, size_t na)
{
	const char *lt = strchr(text, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt) {
		snprintf(addr, na, "%.*s", (int)(gt - lt - 1), lt + 1);
		size_t len = (size_t)(lt - text);
		while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '"'))
			len--;
		const char *start = text;
		while (start < text + len && (*start == ' ' || *start == '"'))
			start++, len--;
		snprintf(name, nn, "%.*s", (int)len, start);
	} else {
		snprintf(addr, na, "%s", text);
		name[0] = '\0';
	}
	str_trim(addr);
}

/* An address with an optional display name: "Name" <addr> or <addr>. */
static void put_mailbox(struct buf *o, const char *name, const char *addr)
{
	if (!str_empty(name)) {
		put_display_name(o, name);
		buf_putc(o, ' ');
	}
	buf_putc(o, '<');
	for (const char *p = addr; *p; p++)
		buf_putc(o, (unsigned char)*p < 0x21 || *p == '<' || *p == '>' ? '_' : *p);
	buf_putc(o, '>');
}

static void put_date(struct buf *o, int64_t now)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_printf(o, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday], tm.tm_mday,
		   months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The body in quoted-printable (RFC 2045): lines end in CRLF whatever the
 * text used (LF or CRLF), encoded lines are at most 76 characters. */
static void put_quoted_printable(struct buf *o, const char *text)
{
	size_t col = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		if (*p == '\n') {
			buf_puts(o, "\r\n");
			col = 0;
			continue;
		}
		char enc[4];
		bool at_eol = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
		if ((*p >= 33 && *p <= 126 && *p != '=') || ((*p == ' ' || *p == '\t') && !at_eol))
			enc[0] = (char)*p, enc[1] = '\0';
		else
			snprintf(enc, sizeof enc, "=%02X", *p);
		size_t len = strlen(enc);
		if (col + len > QP_LINE_MAX - 1) {
			buf_puts(o, "=\r\n");
			col = 0;
		}
		buf_puts(o, enc);
		col += len;
	}
	buf_puts(o, "\r\n");
}

void mailer_format_message(struct buf *o, const char *from, const struct outbox_message *m, int64_t now)
{
	char from_name[256], from_addr[256], token[TOKEN_TEXT_MAX];
	split_address(from, from_name, sizeof from_name, from_addr, sizeof from_addr);
	const char *at = strrchr(from_addr, '@');
	const char *domain = at && at[1] ? at + 1 : "stellwerk.invalid";
	crypto_random_token(token, "");

	put_date(o, now);
	buf_puts(o, "From: ");
	put_mailbox(o, from_name, from_addr);
	buf_puts(o, "\r\nTo: ");
	put_mailbox(o, m->candidate_name, m->to_address);
	buf_puts(o, "\r\nSubject: ");
	put_unstructured(o, m->subject);
	buf_printf(o, "\r\nMessage-ID: <stellwerk.%lld.%s@", (long long)m->id, token);
	for (const char *p = domain; *p; p++)
		buf_putc(o, (unsigned char)*p < 0x21 || *p == '<' || *p == '>' ? '_' : *p);
	buf_puts(o, ">\r\nMIME-Version: 1.0\r\n"
		    "Content-Type: text/plain; charset=utf-8\r\n"
		    "Content-Transfer-Encoding: quoted-printable\r\n"
		    "Auto-Submitted: auto-generated\r\n"
		    "\r\n");
	put_quoted_printable(o, m->body);
}

/* ---- one SMTP transfer ----------------------------------------------------------------- */

struct upload_state {
	const char *data;
	size_t len, off;
};

static size_t upload_read(char *dst, size_t size, size_t nmemb, void *userdata)
{
	struct upload_state *u = userdata;
	size_t room = size * nmemb, left = u->len - u->off;
	size_t n = left < room ? left : room;
	memcpy(dst, u->data + u->off, n);
	u->off += n;
	return n;
}

/* Aborts a transfer when the server shuts down. */
static int transfer_progress(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	(void)userdata, (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return atomic_load(&mailer_stopping) ? 1 : 0;
}

/* Whether url's host is the local machine (a relay on loopback may go
 * without TLS even with credentials). */
static bool url_is_loopback(const char *url)
{
	const char *host = strstr(url, "://");
	host = host ? host + 3 : url;
	return str_starts_with(host, "127.") || str_starts_with(host, "localhost") || str_starts_with(host, "[::1]");
}

/* Whether addr can go into an SMTP command as <addr>: local@domain, no
 * blanks, controls or angle brackets (so no command can be smuggled in). */
static bool envelope_address_ok(const char *addr)
{
	const char *at = strchr(addr, '@');
	if (!at || at == addr || at[1] == '\0' || strlen(addr) > 254)
		return false;
	for (const unsigned char *p = (const unsigned char *)addr; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>')
			return false;
	return true;
}

/* Sends m; true when the server accepted it. Otherwise err receives the
 * reason and *smtp_code the server's last reply code (0 when none). */
static bool smtp_send(const struct server_config *cfg, const struct outbox_message *m, char *err, size_t errlen,
		      long *smtp_code)
{
	struct buf msg = BUF_INIT;
	char from_name[256], from_addr[256], mail_from[300], rcpt[CANDIDATE_EMAIL_MAX + 3];
	char curl_err[CURL_ERROR_SIZE] = "";
	bool ok = false;
	struct curl_slist *rcpts = NULL;
	*smtp_code = 0;

	if (!envelope_address_ok(m->to_address)) {
		snprintf(err, errlen, "The address %s cannot be used for sending.", m->to_address);
		*smtp_code = 553;   /* like a server refusing the mailbox name: not retried */
		return false;
	}
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, errlen, "libcurl could not start a transfer");
		return false;
	}
	mailer_format_message(&msg, cfg->smtp_from, m, (int64_t)time(NULL));
	struct upload_state up = { msg.data, msg.len, 0 };
	split_address(cfg->smtp_from, from_name, sizeof from_name, from_addr, sizeof from_addr);
	snprintf(mail_from, sizeof mail_from, "<%s>", from_addr);
	snprintf(rcpt, sizeof rcpt, "<%s>", m->to_address);
	rcpts = curl_slist_append(NULL, rcpt);

	bool credentials = !str_empty(cfg->smtp_user);
	bool implicit_tls = str_starts_with(cfg->smtp_url, "smtps://");
	/* STARTTLS when offered; required when a password would otherwise
	 * cross the network in clear text. */
	long use_ssl = implicit_tls || (credentials && !url_is_loopback(cfg->smtp_url)) ? CURLUSESSL_ALL : CURLUSESSL_TRY;

	curl_easy_setopt(c, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_USE_SSL, use_ssl);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)msg.len);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, SMTP_CONNECT_TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, SMTP_TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, transfer_progress);
	if (credentials) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->smtp_user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->smtp_password ? cfg->smtp_password : "");
	}
	CURLcode rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, smtp_code);
	if (rc == CURLE_OK) {
		ok = true;
	} else if (rc == CURLE_ABORTED_BY_CALLBACK) {
		snprintf(err, errlen, "Interrupted by the server shutting down; it will be sent again.");
	} else if (curl_err[0]) {
		snprintf(err, errlen, "%s: %s", curl_easy_strerror(rc), curl_err);
	} else {
		snprintf(err, errlen, "%s", curl_easy_strerror(rc));
	}
	if (!ok && *smtp_code > 0) {
		size_t len = strlen(err);
		snprintf(err + len, errlen - len, " (SMTP server replied %ld)", *smtp_code);
	}
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(c);
	buf_free(&msg);
	return ok;
}

/* ---- the worker ---------------------------------------------------------------------------- */

static const struct actor mailer_actor = { 0, "system", NULL };

/* Claims and sends one due message; false when nothing was due (or the
 * store failed, logged). */
static bool deliver_next(struct store *s)
{
	struct outbox_message *m = xmalloc(sizeof *m);
	char err[OUTBOX_ERROR_MAX + 1];
	long code;
	bool claimed = false;
	enum store_rc rc = store_outbox_claim(s, (int64_t)time(NULL), m);
	if (rc != STORE_OK) {
		if (rc != STORE_NOT_FOUND)
			log_error("mailer: cannot claim a message from the outbox");
		goto cleanup;
	}
	claimed = true;
	bool sent = smtp_send(mailer_cfg, m, err, sizeof err, &code);
	int64_t now = (int64_t)time(NULL);
	if (sent) {
		if (store_outbox_mark_sent(s, &mailer_actor, m->id, now) != STORE_OK)
			log_error("mailer: message %lld was sent but cannot be marked as sent", (long long)m->id);
		else
			log_info("mailer: message %lld sent", (long long)m->id);
		goto cleanup;
	}
	int64_t next;
	if (atomic_load(&mailer_stopping)) {
		next = now;
	} else if (code >= 500 && code < 600) {
		next = MAILER_NEVER;
	} else {
		int64_t wait = mailer_backoff_seconds(m->attempts);
		if (wait > 0 && mailer_minute_ms != 60000)
			wait = wait * mailer_minute_ms / 60000 > 0 ? wait * mailer_minute_ms / 60000 : 1;
		next = wait < 0 ? MAILER_NEVER : now + wait;
	}
	log_warn("mailer: message %lld not sent (attempt %d): %s", (long long)m->id, m->attempts, err);
	if (store_outbox_mark_failed(s, &mailer_actor, m->id, err, next, now) != STORE_OK)
		log_error("mailer: cannot mark message %lld as failed", (long long)m->id);
cleanup:
	free(m);
	return claimed;
}

static void *mailer_main(void *arg)
{
	(void)arg;
	struct store *s = NULL;
	char err[256];
	if (store_open(mailer_cfg->data_dir, false, &s, err, sizeof err) != STORE_OK) {
		log_error("mailer: %s; messages are not delivered", err);
		return NULL;
	}
	int reset = 0;
	if (store_outbox_reset_stuck(s, (int64_t)time(NULL), 0, &reset) == STORE_OK && reset > 0)
		log_info("mailer: %d message(s) interrupted while sending are queued again", reset);
	pthread_mutex_lock(&mailer_lock);
	while (!atomic_load(&mailer_stopping)) {
		mailer_woken = false;
		pthread_mutex_unlock(&mailer_lock);
		while (!atomic_load(&mailer_stopping) && deliver_next(s))
			;
		pthread_mutex_lock(&mailer_lock);
		if (atomic_load(&mailer_stopping) || mailer_woken)
			continue;
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += mailer_interval_ms / 1000;
		until.tv_nsec += (mailer_interval_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!mailer_woken && !atomic_load(&mailer_stopping))
			if (pthread_cond_timedwait(&mailer_cond, &mailer_lock, &until) != 0)
				break;
	}
	pthread_mutex_unlock(&mailer_lock);
	store_close(s);
	return NULL;
}

bool mailer_start(const struct server_config *cfg)
{
	if (!mailer_configured(cfg)) {
		log_info("no SMTP server configured (--smtp-url): messages stay in the outbox to be copied and marked as sent");
		return true;
	}
	const char *env = getenv("STELLWERK_MAILER_INTERVAL_MS");
	long long v;
	if (!str_empty(env) && str_to_int64(env, 10, 600000, &v))
		mailer_interval_ms = (long)v;
	env = getenv("STELLWERK_MAILER_MINUTE_MS");
	if (!str_empty(env) && str_to_int64(env, 1000, 60000, &v))
		mailer_minute_ms = (long)v;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		log_error("mailer: libcurl cannot start; messages are not delivered");
		return false;
	}
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&mailer_cond, &attr);
	pthread_condattr_destroy(&attr);
	mailer_cfg = cfg;
	atomic_store(&mailer_stopping, false);
	if (pthread_create(&mailer_thread, NULL, mailer_main, NULL) != 0) {
		log_error("mailer: cannot start the delivery thread; messages are not delivered");
		pthread_cond_destroy(&mailer_cond);
		curl_global_cleanup();
		return false;
	}
	mailer_running = true;
	log_info("delivering messages through %s", cfg->smtp_url);
	return true;
}

void mailer_wake(void)
{
	pthread_mutex_lock(&mailer_lock);
	mailer_woken = true;
	if (mailer_cfg)
		pthread_cond_signal(&mailer_cond);
	pthread_mutex_unlock(&mailer_lock);
}

void mailer_stop(void)
{
	if (!mailer_running)
		return;
	pthread_mutex_lock(&mailer_lock);
	atomic_store(&mailer_stopping, true);
	pthread_cond_signal(&mailer_cond);
	pthread_mutex_unlock(&mailer_lock);
	pthread_join(mailer_thread, NULL);
	pthread_mutex_lock(&mailer_lock);
	mailer_cfg = NULL;
	pthread_mutex_unlock(&mailer_lock);
	mailer_running = false;
	pthread_cond_destroy(&mailer_cond);
	curl_global_cleanup();
}
