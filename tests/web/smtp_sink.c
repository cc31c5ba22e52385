/*
 * smtp_sink.c — the loopback SMTP receiver of the web tests; see
 * smtp_sink.h. One thread accepts connections and serves them one after the
 * other (a test sends few messages); a pipe wakes it for stopping, so
 * smtp_sink_stop never waits on a blocked read.
 */
#include "smtp_sink.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define SINK_LINE_MAX 8192
#define SINK_DATA_MAX (8u << 20)
#define SINK_IDLE_MS 15000

struct smtp_sink {
	int port;
	int listen_fd;
	int stop_pipe[2];
	bool running;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct smtp_sink_message *msgs;   /* guarded by lock */
	size_t nmsgs, cap;
	bool stalled;                     /* guarded by lock */
	size_t connections;               /* guarded by lock */
};

/* One connection's state. */
struct session {
	struct smtp_sink *sink;
	int fd;
	char in[SINK_LINE_MAX * 2];
	size_t inlen;
	bool helo, has_from;
	struct smtp_sink_message cur;
	char *data;
	size_t dlen, dcap;
};

static void sink_fail(const char *what)
{
	fail_msg("smtp sink: %s: %s", what, strerror(errno));
}

static bool send_text(struct session *ss, const char *text)
{
	size_t n = strlen(text), off = 0;
	while (off < n) {
		ssize_t w = send(ss->fd, text + off, n - off, MSG_NOSIGNAL);
		if (w <= 0)
			return false;
		off += (size_t)w;
	}
	return true;
}

/* Reads one line without its CR LF into line (cap bytes); false when the
 * peer closed, the sink stops, the line is too long or nothing came for
 * SINK_IDLE_MS. */
static bool read_line(struct session *ss, char *line, size_t cap)
{
	for (;;) {
		char *nl = memchr(ss->in, '\n', ss->inlen);
		if (nl) {
			size_t n = (size_t)(nl - ss->in);
			size_t keep = n > 0 && ss->in[n - 1] == '\r' ? n - 1 : n;
			if (keep >= cap)
				return false;
			memcpy(line, ss->in, keep);
			line[keep] = '\0';
			memmove(ss->in, nl + 1, ss->inlen - n - 1);
			ss->inlen -= n + 1;
			return true;
		}
		if (ss->inlen == sizeof ss->in)
			return false;
		struct pollfd p[2] = { { ss->fd, POLLIN, 0 }, { ss->sink->stop_pipe[0], POLLIN, 0 } };
		int rc = poll(p, 2, SINK_IDLE_MS);
		if (rc <= 0 || (p[1].revents & POLLIN))
			return false;
		ssize_t r = recv(ss->fd, ss->in + ss->inlen, sizeof ss->in - ss->inlen, 0);
		if (r <= 0)
			return false;
		ss->inlen += (size_t)r;
	}
}

static void data_append(struct session *ss, const char *text, size_t n)
{
	if (ss->dlen + n + 1 > ss->dcap) {
		size_t cap = ss->dcap ? ss->dcap * 2 : 4096;
		while (cap < ss->dlen + n + 1)
			cap *= 2;
		char *p = realloc(ss->data, cap);
		if (!p)
			abort();
		ss->data = p;
		ss->dcap = cap;
	}
	memcpy(ss->data + ss->dlen, text, n);
	ss->dlen += n;
	ss->data[ss->dlen] = '\0';
}

/* The address between < and > of "MAIL FROM:<a> …" (after the colon). */
static void take_address(const char *arg, char *out, size_t cap)
{
	const char *lt = strchr(arg, '<');
	const char *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt)
		snprintf(out, cap, "%.*s", (int)(gt - lt - 1), lt + 1);
	else
		snprintf(out, cap, "%s", arg);
}

static int b64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Decodes base64 text into out (cap bytes); returns the length, or -1. */
static long b64_decode(const char *text, unsigned char *out, size_t cap)
{
	unsigned acc = 0;
	int bits = 0;
	size_t n = 0;
	for (const char *p = text; *p && *p != '='; p++) {
		int v = b64_value(*p);
		if (v < 0)
			return -1;
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n == cap)
				return -1;
			out[n++] = (unsigned char)(acc >> bits);
		}
	}
	return (long)n;
}

/* AUTH PLAIN: "authzid NUL authcid NUL password"; records the user. */
static bool auth_plain(struct session *ss, const char *b64)
{
	unsigned char raw[512];
	long n = b64_decode(b64, raw, sizeof raw - 1);
	if (n < 0)
		return false;
	raw[n] = '\0';
	const unsigned char *user = memchr(raw, '\0', (size_t)n);
	if (!user)
		return false;
	user++;
	snprintf(ss->cur.auth_user, sizeof ss->cur.auth_user, "%s", (const char *)user);
	return true;
}

static void record(struct session *ss)
{
	struct smtp_sink *s = ss->sink;
	pthread_mutex_lock(&s->lock);
	if (s->nmsgs == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->msgs = realloc(s->msgs, s->cap * sizeof *s->msgs);
		if (!s->msgs)
			abort();
	}
	struct smtp_sink_message *m = &s->msgs[s->nmsgs++];
	*m = ss->cur;
	m->data = ss->data ? ss->data : calloc(1, 1);
	m->len = ss->dlen;
	ss->data = NULL;
	ss->dlen = ss->dcap = 0;
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
}

static void envelope_reset(struct session *ss)
{
	char user[sizeof ss->cur.auth_user];
	memcpy(user, ss->cur.auth_user, sizeof user);
	memset(&ss->cur, 0, sizeof ss->cur);
	memcpy(ss->cur.auth_user, user, sizeof user);
	ss->has_from = false;
	free(ss->data);
	ss->data = NULL;
	ss->dlen = ss->dcap = 0;
}

/* Reads the DATA lines up to the lone ".", removing dot-stuffing. */
static bool read_data(struct session *ss)
{
	char line[SINK_LINE_MAX];
	for (;;) {
		if (!read_line(ss, line, sizeof line))
			return false;
		if (strcmp(line, ".") == 0)
			return true;
		const char *text = line[0] == '.' ? line + 1 : line;
		if (ss->dlen < SINK_DATA_MAX) {
			data_append(ss, text, strlen(text));
			data_append(ss, "\r\n", 2);
		}
	}
}

static bool is_cmd(const char *line, const char *cmd)
{
	size_t n = strlen(cmd);
	return strncasecmp(line, cmd, n) == 0 && (line[n] == '\0' || line[n] == ' ' || line[n] == ':');
}

/* Serves one connection until QUIT, an error, or the sink stopping. */
static void serve(struct smtp_sink *s, int fd)
{
	struct session *ss = calloc(1, sizeof *ss);
	char line[SINK_LINE_MAX];
	if (!ss)
		abort();
	ss->sink = s;
	ss->fd = fd;
	pthread_mutex_lock(&s->lock);
	s->connections++;
	bool stalled = s->stalled;
	pthread_mutex_unlock(&s->lock);
	if (stalled) {
		/* Say nothing until the sink stops (or the client gives up). */
		struct pollfd p[2] = { { fd, POLLIN, 0 }, { s->stop_pipe[0], POLLIN, 0 } };
		char junk[256];
		while (poll(p, 2, -1) >= 0 && !(p[1].revents & POLLIN))
			if ((p[0].revents & (POLLIN | POLLHUP)) && recv(fd, junk, sizeof junk, 0) <= 0)
				break;
		goto done;
	}
	if (!send_text(ss, "220 localhost stellwerk test sink ESMTP\r\n"))
		goto done;
	while (read_line(ss, line, sizeof line)) {
		const char *reply = "502 5.5.2 command not implemented\r\n";
		if (is_cmd(line, "EHLO")) {
			ss->helo = true;
			envelope_reset(ss);
			reply = "250-localhost\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 SMTPUTF8\r\n";
		} else if (is_cmd(line, "HELO")) {
			ss->helo = true;
			envelope_reset(ss);
			reply = "250 localhost\r\n";
		} else if (is_cmd(line, "AUTH")) {
			const char *arg = line + 4;
			while (*arg == ' ')
				arg++;
			if (strncasecmp(arg, "PLAIN", 5) != 0) {
				reply = "504 5.5.4 mechanism not supported\r\n";
			} else {
				arg += 5;
				while (*arg == ' ')
					arg++;
				char resp[SINK_LINE_MAX];
				if (*arg == '\0') {
					if (!send_text(ss, "334 \r\n") || !read_line(ss, resp, sizeof resp))
						break;
					arg = resp;
				}
				reply = auth_plain(ss, arg) ? "235 2.7.0 authenticated\r\n" : "501 5.5.2 bad AUTH PLAIN\r\n";
			}
		} else if (is_cmd(line, "MAIL")) {
			const char *colon = strchr(line, ':');
			if (!ss->helo)
				reply = "503 5.5.1 say EHLO first\r\n";
			else if (!colon || strncasecmp(line, "MAIL FROM:", 10) != 0)
				reply = "501 5.5.4 syntax: MAIL FROM:<address>\r\n";
			else {
				envelope_reset(ss);
				take_address(colon + 1, ss->cur.mail_from, sizeof ss->cur.mail_from);
				ss->has_from = true;
				reply = "250 2.1.0 ok\r\n";
			}
		} else if (is_cmd(line, "RCPT")) {
			const char *colon = strchr(line, ':');
			if (!ss->has_from)
				reply = "503 5.5.1 need MAIL first\r\n";
			else if (!colon || strncasecmp(line, "RCPT TO:", 8) != 0)
				reply = "501 5.5.4 syntax: RCPT TO:<address>\r\n";
			else if (ss->cur.nrcpt == sizeof ss->cur.rcpt_to / sizeof ss->cur.rcpt_to[0])
				reply = "452 4.5.3 too many recipients\r\n";
			else {
				take_address(colon + 1, ss->cur.rcpt_to[ss->cur.nrcpt], sizeof ss->cur.rcpt_to[0]);
				ss->cur.nrcpt++;
				reply = "250 2.1.5 ok\r\n";
			}
		} else if (is_cmd(line, "DATA")) {
			if (!ss->has_from || ss->cur.nrcpt == 0) {
				reply = "503 5.5.1 need MAIL and RCPT first\r\n";
			} else {
				if (!send_text(ss, "354 end data with <CR><LF>.<CR><LF>\r\n") || !read_data(ss))
					break;
				record(ss);
				envelope_reset(ss);
				reply = "250 2.0.0 ok: queued\r\n";
			}
		} else if (is_cmd(line, "RSET")) {
			envelope_reset(ss);
			reply = "250 2.0.0 ok\r\n";
		} else if (is_cmd(line, "NOOP")) {
			reply = "250 2.0.0 ok\r\n";
		} else if (is_cmd(line, "QUIT")) {
			send_text(ss, "221 2.0.0 bye\r\n");
			break;
		}
		if (!send_text(ss, reply))
			break;
	}
done:
	free(ss->data);
	free(ss);
}

static void *sink_main(void *arg)
{
	struct smtp_sink *s = arg;
	for (;;) {
		struct pollfd p[2] = { { s->listen_fd, POLLIN, 0 }, { s->stop_pipe[0], POLLIN, 0 } };
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		if (p[1].revents & POLLIN)
			break;
		if (!(p[0].revents & POLLIN))
			continue;
		int fd = accept(s->listen_fd, NULL, NULL);
		if (fd < 0)
			continue;
		serve(s, fd);
		close(fd);
	}
	return NULL;
}

/* Binds s->port (or a free one when 0), starts the thread. */
static void sink_listen(struct smtp_sink *s)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)s->port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->listen_fd < 0)
		sink_fail("socket");
	int one = 1;
	setsockopt(s->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(s->listen_fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(s->listen_fd, 16) != 0)
		sink_fail("bind/listen");
	socklen_t len = sizeof a;
	getsockname(s->listen_fd, (struct sockaddr *)&a, &len);
	s->port = ntohs(a.sin_port);
	if (pipe(s->stop_pipe) != 0)
		sink_fail("pipe");
	if (pthread_create(&s->thread, NULL, sink_main, s) != 0)
		sink_fail("pthread_create");
	s->running = true;
}

struct smtp_sink *smtp_sink_start(int port)
{
	struct smtp_sink *s = calloc(1, sizeof *s);
	assert_non_null(s);
	s->port = port;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->changed, NULL);
	sink_listen(s);
	return s;
}

int smtp_sink_port(const struct smtp_sink *s)
{
	return s->port;
}

void smtp_sink_stop(struct smtp_sink *s)
{
	if (!s->running)
		return;
	ssize_t w = write(s->stop_pipe[1], "x", 1);
	(void)w;
	pthread_join(s->thread, NULL);
	close(s->listen_fd);
	close(s->stop_pipe[0]);
	close(s->stop_pipe[1]);
	s->running = false;
}

void smtp_sink_restart(struct smtp_sink *s)
{
	if (!s->running)
		sink_listen(s);
}

void smtp_sink_free(struct smtp_sink *s)
{
	if (!s)
		return;
	smtp_sink_stop(s);
	for (size_t i = 0; i < s->nmsgs; i++)
		free(s->msgs[i].data);
	free(s->msgs);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->changed);
	free(s);
}

void smtp_sink_stall(struct smtp_sink *s, bool stalled)
{
	pthread_mutex_lock(&s->lock);
	s->stalled = stalled;
	pthread_mutex_unlock(&s->lock);
}

size_t smtp_sink_connections(struct smtp_sink *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->connections;
	pthread_mutex_unlock(&s->lock);
	return n;
}

size_t smtp_sink_count(struct smtp_sink *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->nmsgs;
	pthread_mutex_unlock(&s->lock);
	return n;
}

bool smtp_sink_wait(struct smtp_sink *s, size_t n, int timeout_ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&s->lock);
	while (s->nmsgs < n)
		if (pthread_cond_timedwait(&s->changed, &s->lock, &until) != 0)
			break;
	bool ok = s->nmsgs >= n;
	pthread_mutex_unlock(&s->lock);
	return ok;
}

bool smtp_sink_message(struct smtp_sink *s, size_t i, struct smtp_sink_message *out)
{
	pthread_mutex_lock(&s->lock);
	bool ok = i < s->nmsgs;
	if (ok) {
		*out = s->msgs[i];
		out->data = malloc(out->len + 1);
		if (!out->data)
			abort();
		memcpy(out->data, s->msgs[i].data, out->len);
		out->data[out->len] = '\0';
	}
	pthread_mutex_unlock(&s->lock);
	return ok;
}

void smtp_sink_message_free(struct smtp_sink_message *m)
{
	free(m->data);
	m->data = NULL;
}
