/*
 * harness.c — the black-box test harness: child processes for the CLI and
 * the server, an HTTP client over libcurl, raw sockets and an HTML checker;
 * see harness.h.
 */
#include "harness.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

extern char **environ;

#define CMD_TIMEOUT_MS 60000
#define LISTEN_TIMEOUT_MS 30000
#define STOP_TIMEOUT_MS 20000

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

const char *harness_binary(void)
{
	const char *b = getenv("STELLWERK_BIN");
	return b && *b ? b : "build/asan/stellwerk";
}

void assert_no_sanitizer_report(const char *what, const char *text)
{
	static const char *const markers[] = { "AddressSanitizer", "LeakSanitizer", "runtime error:",
					       "UndefinedBehaviorSanitizer" };
	for (size_t i = 0; text && i < sizeof markers / sizeof markers[0]; i++)
		if (strstr(text, markers[i]))
			fail_msg("%s: sanitizer report (%s):\n%s", what, markers[i], text);
}

/* ---- child processes --------------------------------------------------------- */

static bool env_name_is(const char *entry, const char *name)
{
	size_t n = strlen(name);
	return strncmp(entry, name, n) == 0 && entry[n] == '=';
}

/* Builds the child's environment: ours minus locale and stellwerk settings,
 * plus LC_ALL=C.UTF-8 and the caller's entries. Caller frees the array only. */
static char **child_environment(const char *const *env)
{
	static const char *const dropped[] = { "LC_ALL", "LANG", "LANGUAGE", "LC_MESSAGES", "STELLWERK_DATA",
					       "STELLWERK_LISTEN", "STELLWERK_ALLOW_ROOT" };
	size_t n = 0, extra = 0;
	while (environ[n])
		n++;
	while (env && env[extra])
		extra++;
	char **out = calloc(n + extra + 2, sizeof *out);
	assert_non_null(out);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool drop = false;
		for (size_t d = 0; d < sizeof dropped / sizeof dropped[0]; d++)
			drop |= env_name_is(environ[i], dropped[d]);
		for (size_t e = 0; e < extra; e++) {
			const char *name = env[e][0] == '-' ? env[e] + 1 : env[e];
			size_t len = strcspn(name, "=");
			drop |= strncmp(environ[i], name, len) == 0 && environ[i][len] == '=';
		}
		if (!drop)
			out[k++] = environ[i];
	}
	out[k++] = (char *)"LC_ALL=C.UTF-8";
	for (size_t e = 0; e < extra; e++)
		if (env[e][0] != '-')
			out[k++] = (char *)env[e];
	out[k] = NULL;
	return out;
}

static char **child_argv(const char *const *args)
{
	size_t n = 0;
	while (args && args[n])
		n++;
	char **argv = calloc(n + 2, sizeof *argv);
	assert_non_null(argv);
	argv[0] = (char *)harness_binary();
	for (size_t i = 0; i < n; i++)
		argv[i + 1] = (char *)args[i];
	return argv;
}

static int decode_status(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

void cmd_run(struct cmd_result *res, const char *const *args, const char *const *env, const char *stdin_data)
{
	int in[2], out[2], err[2];
	assert_int_equal(pipe2(in, O_CLOEXEC), 0);
	assert_int_equal(pipe2(out, O_CLOEXEC), 0);
	assert_int_equal(pipe2(err, O_CLOEXEC), 0);
	char **argv = child_argv(args);
	char **envp = child_environment(env);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	free(argv);
	free(envp);
	close(in[0]);
	close(out[1]);
	close(err[1]);

	struct buf bout = BUF_INIT, berr = BUF_INIT;
	const char *to_write = stdin_data ? stdin_data : "";
	size_t left = strlen(to_write);
	int wfd = in[1];
	if (left == 0) {
		close(wfd);
		wfd = -1;
	}
	int64_t deadline = now_ms() + CMD_TIMEOUT_MS;
	bool out_open = true, err_open = true;
	while (out_open || err_open) {
		struct pollfd p[3] = { { out_open ? out[0] : -1, POLLIN, 0 }, { err_open ? err[0] : -1, POLLIN, 0 },
				       { wfd, POLLOUT, 0 } };
		int64_t wait = deadline - now_ms();
		if (wait <= 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			fail_msg("%s %s: no exit within %d s", harness_binary(), args && args[0] ? args[0] : "",
				 CMD_TIMEOUT_MS / 1000);
		}
		if (poll(p, 3, (int)wait) < 0 && errno != EINTR)
			break;
		char chunk[4096];
		for (int i = 0; i < 2; i++) {
			if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n = read(p[i].fd, chunk, sizeof chunk);
			if (n > 0) {
				buf_append(i == 0 ? &bout : &berr, chunk, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				if (i == 0)
					out_open = false;
				else
					err_open = false;
			}
		}
		if (wfd >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t n = write(wfd, to_write, left);
			if (n > 0) {
				to_write += n;
				left -= (size_t)n;
			}
			if (n <= 0 || left == 0) {
				close(wfd);
				wfd = -1;
			}
		}
	}
	if (wfd >= 0)
		close(wfd);
	close(out[0]);
	close(err[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	res->status = decode_status(status);
	res->out = buf_detach(&bout);
	res->err = buf_detach(&berr);
	if (!res->out)
		res->out = strdup("");
	if (!res->err)
		res->err = strdup("");
	assert_no_sanitizer_report(args && args[0] ? args[0] : "stellwerk", res->err);
}

void cmd_result_free(struct cmd_result *res)
{
	free(res->out);
	free(res->err);
	res->out = res->err = NULL;
}

/* ---- temporary directories ---------------------------------------------------- */

void make_temp_dir(char *path, size_t n)
{
	snprintf(path, n, "/tmp/stellwerk-web-XXXXXX");
	if (!mkdtemp(path))
		fail_msg("mkdtemp: %s", strerror(errno));
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

void remove_tree(const char *path)
{
	if (path && *path && strncmp(path, "/tmp/", 5) == 0)
		nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	char *data = buf_detach(&b);
	return data ? data : strdup("");
}

/* ---- the server ------------------------------------------------------------------ */

/* Copies the first word after "label" at the start of a line. */
static bool find_labelled_word(const char *text, const char *label, char *out, size_t n)
{
	size_t ll = strlen(label);
	for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		const char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, label, ll) != 0)
			continue;
		p += ll;
		while (*p == ' ' || *p == '\t')
			p++;
		size_t w = strcspn(p, " \t\r\n");
		if (w == 0 || w >= n)
			continue;
		memcpy(out, p, w);
		out[w] = '\0';
		return true;
	}
	return false;
}

/* Servers still running, so that a test that failed between starting and
 * stopping one leaves no process or directory behind (atexit). */
#define MAX_SERVERS 8
static struct {
	pid_t pid;
	char dir[256];
} running[MAX_SERVERS];

static void kill_leftover_servers(void)
{
	for (int i = 0; i < MAX_SERVERS; i++) {
		if (running[i].pid > 0) {
			kill(running[i].pid, SIGKILL);
			waitpid(running[i].pid, NULL, 0);
			remove_tree(running[i].dir);
			running[i].pid = 0;
		}
	}
}

static void remember_server(const struct server *s)
{
	static bool registered;
	if (!registered) {
		atexit(kill_leftover_servers);
		registered = true;
	}
	for (int i = 0; i < MAX_SERVERS; i++) {
		if (running[i].pid <= 0) {
			running[i].pid = s->pid;
			snprintf(running[i].dir, sizeof running[i].dir, "%s", s->dir);
			return;
		}
	}
}

static void forget_server(pid_t pid)
{
	for (int i = 0; i < MAX_SERVERS; i++)
		if (running[i].pid == pid)
			running[i].pid = 0;
}

char *server_log(const struct server *s)
{
	char *log = read_file(s->log_path, NULL);
	return log ? log : strdup("(no log)");
}

static void fail_with_log(struct server *s, const char *why)
{
	char *log = server_log(s);
	fprintf(stderr, "server log %s:\n%s\n", s->log_path, log);
	free(log);
	fail_msg("%s", why);
}

void server_prepare(struct server *s)
{
	memset(s, 0, sizeof *s);
	s->stdout_fd = -1;
	make_temp_dir(s->dir, sizeof s->dir);
	snprintf(s->data, sizeof s->data, "%s/data", s->dir);
	snprintf(s->log_path, sizeof s->log_path, "%s/server.log", s->dir);
}

void server_start(struct server *s, const char *const *extra_args)
{
	server_prepare(s);

	struct cmd_result demo;
	const char *demo_args[] = { "demo", "--data", s->data, NULL };
	cmd_run(&demo, demo_args, NULL, NULL);
	if (demo.status != 0)
		fail_msg("stellwerk demo exited %d:\n%s%s", demo.status, demo.out, demo.err);
	if (!find_labelled_word(demo.out, "Login:", s->admin_login, sizeof s->admin_login) ||
	    !find_labelled_word(demo.out, "Password:", s->password, sizeof s->password))
		fail_msg("no 'Login: X' / 'Password: Y' lines in the demo output:\n%s", demo.out);
	cmd_result_free(&demo);
	server_serve(s, extra_args);
}

void server_serve(struct server *s, const char *const *extra_args)
{
	const char *args[32] = { "serve", "--data", s->data, "--listen", "127.0.0.1:0", "--allow-root" };
	size_t na = 6;
	for (size_t i = 0; extra_args && extra_args[i] && na < 31; i++)
		args[na++] = extra_args[i];
	args[na] = NULL;

	int out[2];
	assert_int_equal(pipe2(out, O_CLOEXEC), 0);
	int logfd = open(s->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	assert_true(logfd >= 0 && nullfd >= 0);
	char **argv = child_argv(args);
	char **envp = child_environment(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(nullfd, 0);
		dup2(out[1], 1);
		dup2(logfd, 2);
		execve(argv[0], argv, envp);
		_exit(127);
	}
	free(argv);
	free(envp);
	close(out[1]);
	close(logfd);
	close(nullfd);
	s->pid = pid;
	s->stdout_fd = out[0];
	remember_server(s);

	char line[512];
	size_t have = 0;
	int64_t deadline = now_ms() + LISTEN_TIMEOUT_MS;
	for (;;) {
		line[have] = '\0';
		const char *hit = strstr(line, "listening on http://127.0.0.1:");
		const char *tls_hit = strstr(line, "listening on https://127.0.0.1:");
		if (hit && strchr(hit, '\n')) {
			s->port = atoi(hit + strlen("listening on http://127.0.0.1:"));
			s->tls = false;
			break;
		}
		if (tls_hit && strchr(tls_hit, '\n')) {
			s->port = atoi(tls_hit + strlen("listening on https://127.0.0.1:"));
			s->tls = true;
			break;
		}
		int64_t wait = deadline - now_ms();
		if (wait <= 0 || have == sizeof line - 1) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			forget_server(pid);
			s->pid = 0;
			fail_with_log(s, "the server did not print its listening line in time");
		}
		struct pollfd p = { s->stdout_fd, POLLIN, 0 };
		if (poll(&p, 1, (int)wait) <= 0)
			continue;
		ssize_t n = read(s->stdout_fd, line + have, sizeof line - 1 - have);
		if (n <= 0) {
			int status = 0;
			waitpid(pid, &status, 0);
			forget_server(pid);
			s->pid = 0;
			fail_with_log(s, "the server exited before listening");
		}
		have += (size_t)n;
	}
	if (s->port <= 0 || s->port > 65535)
		fail_with_log(s, "the listening line has no valid port");
}

void server_start_tls(struct server *s, const char *cert, const char *key, const char *const *extra_args)
{
	const char *args[32] = { "--tls-cert", cert, "--tls-key", key };
	size_t na = 4;
	for (size_t i = 0; extra_args && extra_args[i] && na < 31; i++)
		args[na++] = extra_args[i];
	args[na] = NULL;
	server_start(s, args);
	if (!s->tls)
		fail_with_log(s, "started with --tls-cert/--tls-key, the server did not announce https://");
	snprintf(s->ca_file, sizeof s->ca_file, "%s", cert);
}

bool server_alive(struct server *s)
{
	if (s->pid <= 0)
		return false;
	int status;
	pid_t r = waitpid(s->pid, &status, WNOHANG);
	if (r == s->pid) {
		forget_server(s->pid);
		s->pid = -decode_status(status) - 1; /* remember that it is gone */
		return false;
	}
	return r == 0 && kill(s->pid, 0) == 0;
}

static void free_leftovers(void);

void server_stop(struct server *s)
{
	int code = -1;
	free_leftovers();
	bool timed_out = false;
	if (s->pid > 0) {
		forget_server(s->pid);
		kill(s->pid, SIGTERM);
		int64_t deadline = now_ms() + STOP_TIMEOUT_MS;
		int status;
		for (;;) {
			pid_t r = waitpid(s->pid, &status, WNOHANG);
			if (r == s->pid) {
				code = decode_status(status);
				break;
			}
			if (now_ms() > deadline) {
				timed_out = true;
				kill(s->pid, SIGKILL);
				waitpid(s->pid, NULL, 0);
				break;
			}
			sleep_ms(10);
		}
	} else if (s->pid < 0) {
		code = -s->pid - 1;
	}
	if (s->stdout_fd >= 0)
		close(s->stdout_fd);
	s->stdout_fd = -1;
	s->pid = 0;
	char *log = server_log(s);
	remove_tree(s->dir);
	bool sanitizer = strstr(log, "AddressSanitizer") || strstr(log, "runtime error") ||
			 strstr(log, "LeakSanitizer");
	if (timed_out || code != 0 || sanitizer) {
		fprintf(stderr, "server log:\n%s\n", log);
		free(log);
		if (timed_out)
			fail_msg("the server did not stop within %d s of SIGTERM", STOP_TIMEOUT_MS / 1000);
		if (code != 0)
			fail_msg("the server exited with %d instead of 0 after SIGTERM", code);
		fail_msg("the server log holds a sanitizer report");
	}
	free(log);
}

/* ---- HTTP client ----------------------------------------------------------------------- */

/* Clients and responses are kept on lists so that those a failed test
 * could not free (cmocka leaves the test with longjmp) are freed when the
 * server stops: no leak reports after a failure, and no idle keep-alive
 * connection that delays the server's shutdown. */
struct tracked {
	struct tracked *prev, *next;
};

static struct tracked live_clients = { &live_clients, &live_clients };
static struct tracked live_responses = { &live_responses, &live_responses };

static pthread_mutex_t tracking_lock = PTHREAD_MUTEX_INITIALIZER;

static void track(struct tracked *list, struct tracked *t)
{
	pthread_mutex_lock(&tracking_lock);
	t->next = list->next;
	t->prev = list;
	list->next->prev = t;
	list->next = t;
	pthread_mutex_unlock(&tracking_lock);
}

static void untrack(struct tracked *t)
{
	pthread_mutex_lock(&tracking_lock);
	t->prev->next = t->next;
	t->next->prev = t->prev;
	pthread_mutex_unlock(&tracking_lock);
}

struct http_client {
	struct tracked link; /* first member */
	CURL *h;
	char base[64];
	char host[16];                /* for jar cookies: 127.0.0.1 or localhost */
	struct curl_slist *resolve;   /* TLS: localhost:PORT:127.0.0.1 */
};

struct tracked_response {
	struct http_response r; /* first member: the pointer handed out */
	struct tracked link;
};

struct http_client *http_client_new(const struct server *s)
{
	struct http_client *c = calloc(1, sizeof *c);
	assert_non_null(c);
	c->h = curl_easy_init();
	assert_non_null(c->h);
	if (s->tls) {
		/* The name the certificate carries, pinned to the loopback address. */
		snprintf(c->host, sizeof c->host, "localhost");
		snprintf(c->base, sizeof c->base, "https://localhost:%d", s->port);
		char pin[64];
		snprintf(pin, sizeof pin, "localhost:%d:127.0.0.1", s->port);
		c->resolve = curl_slist_append(NULL, pin);
		assert_non_null(c->resolve);
		curl_easy_setopt(c->h, CURLOPT_RESOLVE, c->resolve);
		if (s->ca_file[0]) {
			curl_easy_setopt(c->h, CURLOPT_CAINFO, s->ca_file);
			curl_easy_setopt(c->h, CURLOPT_CAPATH, NULL);
		} else {
			curl_easy_setopt(c->h, CURLOPT_SSL_VERIFYPEER, 0L);
			curl_easy_setopt(c->h, CURLOPT_SSL_VERIFYHOST, 0L);
		}
	} else {
		snprintf(c->host, sizeof c->host, "127.0.0.1");
		snprintf(c->base, sizeof c->base, "http://127.0.0.1:%d", s->port);
	}
	curl_easy_setopt(c->h, CURLOPT_COOKIEFILE, "");
	track(&live_clients, &c->link);
	return c;
}

void http_client_free(struct http_client *c)
{
	if (!c)
		return;
	untrack(&c->link);
	curl_easy_cleanup(c->h);
	curl_slist_free_all(c->resolve);
	free(c);
}

/* Frees what failed tests left behind. */
static void free_leftovers(void)
{
	while (live_clients.next != &live_clients)
		http_client_free((struct http_client *)live_clients.next);
	while (live_responses.next != &live_responses) {
		struct tracked *t = live_responses.next;
		http_response_free(&((struct tracked_response *)((char *)t - offsetof(struct tracked_response, link)))->r);
	}
}

static size_t collect(char *data, size_t size, size_t nmemb, void *userdata)
{
	buf_append(userdata, data, size * nmemb);
	return size * nmemb;
}

/* Keeps only the header block of the final response (after 100 Continue). */
static size_t collect_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct buf *b = userdata;
	size_t n = size * nmemb;
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0)
		buf_reset(b);
	buf_append(b, data, n);
	return n;
}

struct http_response *http_request(struct http_client *c, const char *method, const char *path,
				   const char *const *headers, const char *body, size_t body_len)
{
	char error[CURL_ERROR_SIZE];
	struct http_response *r = http_try_request(c, method, path, headers, body, body_len, error, sizeof error);
	if (!r)
		fail_msg("%s %s: %s", method, path, error);
	return r;
}

struct http_response *http_try_request(struct http_client *c, const char *method, const char *path,
				       const char *const *headers, const char *body, size_t body_len, char *error,
				       size_t error_len)
{
	/* No curl_easy_reset(): it would lose the cookie engine (and leak its
	 * file list); the options that differ between requests are all set. */
	CURL *h = c->h;
	char url[2048];
	snprintf(url, sizeof url, "%s%s", c->base, path);
	struct buf bbody = BUF_INIT, bhead = BUF_INIT;
	struct curl_slist *list = NULL;
	for (size_t i = 0; headers && headers[i]; i++)
		list = curl_slist_append(list, headers[i]);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &bbody);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, collect_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &bhead);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
	curl_easy_setopt(h, CURLOPT_NOBODY, 0L);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	if (strcmp(method, "GET") == 0) {
		/* set above */
	} else if (strcmp(method, "HEAD") == 0) {
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	} else {
		curl_easy_setopt(h, CURLOPT_POST, 1L);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(body ? body_len : 0));
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
		if (strcmp(method, "POST") != 0)
			curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	}
	CURLcode rc = curl_easy_perform(h);
	curl_slist_free_all(list);
	if (rc != CURLE_OK) {
		buf_free(&bbody);
		buf_free(&bhead);
		snprintf(error, error_len, "%s", curl_easy_strerror(rc));
		return NULL;
	}
	struct tracked_response *tr = calloc(1, sizeof *tr);
	if (!tr)
		abort();
	track(&live_responses, &tr->link);
	struct http_response *r = &tr->r;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &r->seconds);
	r->body_len = bbody.len;
	r->body = buf_detach(&bbody);
	r->headers = buf_detach(&bhead);
	if (!r->body)
		r->body = strdup("");
	if (!r->headers)
		r->headers = strdup("");
	return r;
}

struct http_response *http_get(struct http_client *c, const char *path, const char *const *headers)
{
	return http_request(c, "GET", path, headers, NULL, 0);
}

struct http_response *http_post_form(struct http_client *c, const char *path, const char *body,
				     const char *const *headers)
{
	return http_request(c, "POST", path, headers, body, body ? strlen(body) : 0);
}

struct http_response *http_post_json(struct http_client *c, const char *path, const char *json,
				     const char *const *headers)
{
	const char *all[16] = { "Content-Type: application/json" };
	size_t n = 1;
	for (size_t i = 0; headers && headers[i] && n < 15; i++)
		all[n++] = headers[i];
	all[n] = NULL;
	return http_request(c, "POST", path, all, json, strlen(json));
}

void http_response_free(struct http_response *r)
{
	if (!r)
		return;
	untrack(&((struct tracked_response *)r)->link);
	free(r->body);
	free(r->headers);
	free(r);
}

bool http_header_nth(const struct http_response *r, const char *name, int n, char *out, size_t outlen)
{
	size_t nl = strlen(name);
	for (const char *line = r->headers; line && *line;) {
		const char *end = strstr(line, "\r\n");
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len > nl && strncasecmp(line, name, nl) == 0 && line[nl] == ':' && n-- == 0) {
			const char *v = line + nl + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			size_t vl = len - (size_t)(v - line);
			if (vl >= outlen)
				vl = outlen - 1;
			memcpy(out, v, vl);
			out[vl] = '\0';
			return true;
		}
		line = end ? end + 2 : NULL;
	}
	return false;
}

bool http_header(const struct http_response *r, const char *name, char *out, size_t outlen)
{
	return http_header_nth(r, name, 0, out, outlen);
}

bool http_set_cookie(const struct http_response *r, const char *cookie, char *out, size_t outlen)
{
	size_t cl = strlen(cookie);
	for (int i = 0; http_header_nth(r, "Set-Cookie", i, out, outlen); i++)
		if (strncmp(out, cookie, cl) == 0 && out[cl] == '=')
			return true;
	return false;
}

bool http_cookie(struct http_client *c, const char *name, char *out, size_t outlen)
{
	struct curl_slist *cookies = NULL;
	bool found = false;
	curl_easy_getinfo(c->h, CURLINFO_COOKIELIST, &cookies);
	for (struct curl_slist *e = cookies; e && !found; e = e->next) {
		/* Netscape format: domain, subdomains, path, secure, expiry, name, value */
		const char *f = e->data;
		for (int i = 0; i < 5 && f; i++) {
			f = strchr(f, '\t');
			if (f)
				f++;
		}
		if (!f)
			continue;
		const char *tab = strchr(f, '\t');
		if (!tab || (size_t)(tab - f) != strlen(name) || strncmp(f, name, strlen(name)) != 0)
			continue;
		snprintf(out, outlen, "%s", tab + 1);
		found = true;
	}
	curl_slist_free_all(cookies);
	return found;
}

void http_set_jar_cookie(struct http_client *c, const char *name, const char *value)
{
	char line[1024];
	snprintf(line, sizeof line, "%s\tFALSE\t/\tFALSE\t0\t%s\t%s", c->host, name, value);
	curl_easy_setopt(c->h, CURLOPT_COOKIELIST, line);
}

json_t *http_json(const struct http_response *r)
{
	json_error_t err;
	json_t *j = json_loadb(r->body, r->body_len, 0, &err);
	if (!j) {
		fprintf(stderr, "body:\n%.3000s\n", r->body);
		fail_msg("the body is not JSON: %s (line %d)", err.text, err.line);
	}
	return j;
}

json_t *assert_problem(const struct http_response *r, long status)
{
	assert_status(r, status);
	char ct[256];
	if (!http_header(r, "Content-Type", ct, sizeof ct) || strncmp(ct, "application/problem+json", 24) != 0)
		fail_msg("expected Content-Type application/problem+json, got \"%s\"", ct);
	json_t *j = http_json(r);
	json_t *st = json_object_get(j, "status");
	if (!json_is_integer(st) || json_integer_value(st) != status)
		fail_msg("the problem's \"status\" member is not %ld: %s", status, r->body);
	if (!json_is_string(json_object_get(j, "title")) || !json_is_string(json_object_get(j, "detail")))
		fail_msg("the problem has no title/detail strings: %s", r->body);
	return j;
}

void assert_security_headers(const struct http_response *r)
{
	char v[1024];
	if (!http_header(r, "Content-Security-Policy", v, sizeof v))
		fail_msg("no Content-Security-Policy header in:\n%s", r->headers);
	if (!strstr(v, "frame-ancestors 'none'") || !strstr(v, "default-src"))
		fail_msg("the Content-Security-Policy lacks default-src or frame-ancestors 'none': %s", v);
	if (strstr(v, "unsafe-inline") || strstr(v, "unsafe-eval"))
		fail_msg("the Content-Security-Policy allows unsafe-inline/unsafe-eval: %s", v);
	if (!http_header(r, "X-Content-Type-Options", v, sizeof v) || strcasecmp(v, "nosniff") != 0)
		fail_msg("X-Content-Type-Options is not nosniff in:\n%s", r->headers);
	if (!http_header(r, "Referrer-Policy", v, sizeof v) || !*v)
		fail_msg("no Referrer-Policy header in:\n%s", r->headers);
	if (http_header_nth(r, "Content-Security-Policy", 1, v, sizeof v))
		fail_msg("two Content-Security-Policy headers in:\n%s", r->headers);
}

char *url_encode(const char *text)
{
	char *e = curl_easy_escape(NULL, text, (int)strlen(text));
	assert_non_null(e);
	char *copy = strdup(e);
	curl_free(e);
	return copy;
}

void url_encode_to(const char *text, char *out, size_t n)
{
	char *e = url_encode(text);
	snprintf(out, n, "%s", e);
	free(e);
}

bool html_csrf(const char *html, char *out, size_t outlen)
{
	const char *marker = "name=\"csrf\" value=\"";
	const char *p = html ? strstr(html, marker) : NULL;
	if (!p)
		return false;
	p += strlen(marker);
	size_t n = strcspn(p, "\"");
	if (n == 0 || n >= outlen || p[n] != '"')
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

void fetch_csrf(struct http_client *c, const char *path, char *out, size_t outlen)
{
	struct http_response *r = http_get(c, path, NULL);
	if (!html_csrf(r->body, out, outlen)) {
		fprintf(stderr, "GET %s answered %ld:\n%.2000s\n", path, r->status, r->body);
		http_response_free(r);
		fail_msg("GET %s: no CSRF field in the page", path);
	}
	http_response_free(r);
}

long http_login(struct http_client *c, const char *user, const char *password, const char *const *headers)
{
	struct http_response *r = http_get(c, "/login", headers);
	char csrf[128];
	if (!html_csrf(r->body, csrf, sizeof csrf)) {
		fprintf(stderr, "GET /login answered %ld:\n%.2000s\n", r->status, r->body);
		http_response_free(r);
		fail_msg("the login page has no CSRF field");
	}
	http_response_free(r);
	char *u = url_encode(user), *p = url_encode(password), *t = url_encode(csrf);
	struct buf body = BUF_INIT;
	buf_printf(&body, "username=%s&password=%s&csrf=%s", u, p, t);
	free(u);
	free(p);
	free(t);
	r = http_post_form(c, "/login", buf_cstr(&body), headers);
	buf_free(&body);
	long status = r->status;
	http_response_free(r);
	return status;
}

struct http_client *client_logged_in(const struct server *s, const char *user)
{
	struct http_client *c = http_client_new(s);
	long status = http_login(c, user, s->password, NULL);
	if (status != 303)
		fail_msg("login as %s answered %ld instead of 303", user, status);
	return c;
}

/* ---- raw TCP --------------------------------------------------------------------------- */

int raw_connect(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* True when data holds one whole HTTP response (headers and the body its
 * Content-Length or chunked encoding announces). */
static bool response_complete(const char *data, size_t len)
{
	const char *end = strstr(data, "\r\n\r\n");
	if (!end || strncmp(data, "HTTP/1.", 7) != 0)
		return false;
	size_t head = (size_t)(end - data) + 4;
	int status = atoi(data + 9);
	if (status == 100) /* 100 Continue: the real answer follows */
		return response_complete(data + head, len - head);
	if (status == 204 || status == 304)
		return true;
	for (const char *h = data; h < end; h = strstr(h, "\r\n") + 2) {
		size_t line = (size_t)(strstr(h, "\r\n") - h);
		if (strncasecmp(h, "Content-Length:", 15) == 0)
			return len >= head + strtoull(h + 15, NULL, 10);
		if (strncasecmp(h, "Transfer-Encoding:", 18) == 0 && memmem(h, line, "chunked", 7))
			return memmem(data + head, len - head, "\r\n0\r\n\r\n", 7) != NULL ||
			       (len - head >= 5 && memcmp(data + head, "0\r\n\r\n", 5) == 0);
	}
	return false;
}

char *raw_exchange(int port, const void *data, size_t len, bool shut_write, int timeout_ms, size_t *got)
{
	int fd = raw_connect(port);
	if (fd < 0)
		fail_msg("cannot connect to 127.0.0.1:%d: %s", port, strerror(errno));
	const char *p = data;
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			break; /* the server may close early; read what it said */
		}
		p += n;
		len -= (size_t)n;
	}
	if (shut_write)
		shutdown(fd, SHUT_WR);
	struct buf b = BUF_INIT;
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		if (poll(&pfd, 1, timeout_ms) <= 0)
			break;
		char chunk[4096];
		ssize_t n = recv(fd, chunk, sizeof chunk, 0);
		if (n <= 0)
			break;
		buf_append(&b, chunk, (size_t)n);
		if (response_complete(buf_cstr(&b), b.len))
			break; /* a kept-alive connection: do not wait for the close */
	}
	close(fd);
	if (got)
		*got = b.len;
	char *out = buf_detach(&b);
	return out ? out : strdup("");
}

/* ---- HTML validation -------------------------------------------------------------------- */

#define HTML_MAX_DEPTH 128
#define HTML_NAME_MAX 32

static const char *const void_elements[] = { "area", "base", "br", "col", "embed", "hr", "img", "input",
					     "link", "meta", "source", "track", "wbr" };
/* Elements a <p> cannot contain: the parser would close the paragraph. */
static const char *const not_in_p[] = { "address", "article", "aside", "div", "dl", "fieldset", "footer", "form",
					"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol",
					"p", "pre", "section", "table", "ul" };
/* Interactive elements that must not nest in themselves or each other. */
static const char *const interactive[] = { "a", "button", "select", "textarea", "label" };

static bool in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

struct html_names {
	char **v;
	size_t n, cap;
};

static void names_add(struct html_names *ns, const char *start, size_t len)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 32;
		ns->v = realloc(ns->v, ns->cap * sizeof *ns->v);
		assert_non_null(ns->v);
	}
	ns->v[ns->n] = strndup(start, len);
	assert_non_null(ns->v[ns->n]);
	ns->n++;
}

static bool names_has(const struct html_names *ns, const char *name)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return true;
	return false;
}

static void names_free(struct html_names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

static size_t line_of(const char *start, const char *at)
{
	size_t line = 1;
	for (const char *p = start; p < at; p++)
		line += *p == '\n';
	return line;
}

static bool valid_entity(const char *p)
{
	/* p points at '&' */
	const char *q = p + 1;
	if (*q == '#') {
		q++;
		bool hex = *q == 'x' || *q == 'X';
		if (hex)
			q++;
		const char *d = q;
		while (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q))
			q++;
		return q > d && *q == ';';
	}
	const char *n = q;
	while (isalnum((unsigned char)*q))
		q++;
	return q > n && *q == ';';
}

/* Where in the document html_check found its problem. */
static size_t html_error_offset;

const char *html_check(const char *html)
{
	static char msg[512];
	char stack[HTML_MAX_DEPTH][HTML_NAME_MAX];
	int depth = 0, roots = 0;
	struct html_names ids = { 0 }, fors = { 0 };
	const char *p = html;
	msg[0] = '\0';
	html_error_offset = 0;
	if (!html) {
		snprintf(msg, sizeof msg, "no document");
		return msg;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (strncasecmp(p, "<!doctype html>", 15) != 0) {
		snprintf(msg, sizeof msg, "the document does not start with <!doctype html>");
		goto done;
	}
	p += 15;
	while (*p && !msg[0]) {
		if (*p == '&') {
			if (!valid_entity(p))
				snprintf(msg, sizeof msg, "line %zu: bare '&' (unescaped text?): %.40s", line_of(html, p), p);
			p++;
			continue;
		}
		if (*p != '<') {
			p++;
			continue;
		}
		const char *tag = p;
		if (strncmp(p, "<!--", 4) == 0) {
			const char *end = strstr(p + 4, "-->");
			if (!end) {
				snprintf(msg, sizeof msg, "line %zu: unterminated comment", line_of(html, p));
				break;
			}
			p = end + 3;
			continue;
		}
		bool closing = p[1] == '/';
		p += closing ? 2 : 1;
		if (!isalpha((unsigned char)*p)) {
			snprintf(msg, sizeof msg, "line %zu: '<' that starts no tag (unescaped text?): %.40s",
				 line_of(html, tag), tag);
			break;
		}
		char name[HTML_NAME_MAX];
		size_t nl = 0;
		while (isalnum((unsigned char)*p) && nl < sizeof name - 1)
			name[nl++] = (char)tolower((unsigned char)*p++);
		name[nl] = '\0';
		if (closing) {
			while (isspace((unsigned char)*p))
				p++;
			if (*p != '>') {
				snprintf(msg, sizeof msg, "line %zu: malformed end tag </%s", line_of(html, tag), name);
				break;
			}
			p++;
			if (depth == 0 || strcmp(stack[depth - 1], name) != 0) {
				snprintf(msg, sizeof msg, "line %zu: </%s> closes <%s>", line_of(html, tag), name,
					 depth ? stack[depth - 1] : "(nothing)");
				break;
			}
			depth--;
			continue;
		}
		/* attributes */
		struct html_names attrs = { 0 };
		bool self_closing = false;
		for (;;) {
			while (isspace((unsigned char)*p))
				p++;
			if (*p == '>') {
				p++;
				break;
			}
			if (p[0] == '/' && p[1] == '>') {
				self_closing = true;
				p += 2;
				break;
			}
			const char *an = p;
			while (*p && !isspace((unsigned char)*p) && !strchr("=>/\"'<", *p))
				p++;
			if (p == an) {
				snprintf(msg, sizeof msg, "line %zu: bad character in <%s> tag: %.40s", line_of(html, p), name, p);
				break;
			}
			char aname[64];
			snprintf(aname, sizeof aname, "%.*s", (int)(p - an), an);
			for (char *c = aname; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			if (names_has(&attrs, aname)) {
				snprintf(msg, sizeof msg, "line %zu: duplicate attribute %s in <%s>", line_of(html, an), aname, name);
				break;
			}
			names_add(&attrs, aname, strlen(aname));
			if (*p != '=')
				continue;
			p++;
			if (*p != '"' && *p != '\'') {
				snprintf(msg, sizeof msg, "line %zu: unquoted value of %s in <%s>", line_of(html, p), aname, name);
				break;
			}
			char q = *p++;
			const char *v = p;
			while (*p && *p != q) {
				if (*p == '<') {
					snprintf(msg, sizeof msg, "line %zu: '<' inside the %s attribute of <%s> (unescaped?)",
						 line_of(html, p), aname, name);
					break;
				}
				if (*p == '&' && !valid_entity(p)) {
					snprintf(msg, sizeof msg, "line %zu: bare '&' in the %s attribute of <%s>", line_of(html, p),
						 aname, name);
					break;
				}
				p++;
			}
			if (msg[0])
				break;
			if (*p != q) {
				snprintf(msg, sizeof msg, "line %zu: unterminated %s attribute in <%s>", line_of(html, v), aname, name);
				break;
			}
			if (strcmp(aname, "id") == 0) {
				char *id = strndup(v, (size_t)(p - v));
				if (names_has(&ids, id))
					snprintf(msg, sizeof msg, "line %zu: duplicate id \"%s\"", line_of(html, v), id);
				names_add(&ids, v, (size_t)(p - v));
				free(id);
			} else if (strcmp(aname, "for") == 0 && strcmp(name, "label") == 0) {
				names_add(&fors, v, (size_t)(p - v));
			} else if (strcmp(aname, "aria-describedby") == 0) {
				names_add(&fors, v, (size_t)(p - v));
			}
			p++;
			if (msg[0])
				break;
		}
		names_free(&attrs);
		if (msg[0])
			break;
		bool is_void = in_list(name, void_elements, sizeof void_elements / sizeof void_elements[0]);
		if (self_closing && !is_void) {
			snprintf(msg, sizeof msg, "line %zu: <%s/> is not a void element", line_of(html, tag), name);
			break;
		}
		if (depth == 0) {
			roots++;
			if (strcmp(name, "html") != 0 || roots > 1) {
				snprintf(msg, sizeof msg, "line %zu: <%s> outside the <html> element", line_of(html, tag), name);
				break;
			}
		}
		for (int i = 0; i < depth && !msg[0]; i++) {
			if (strcmp(stack[i], "p") == 0 && in_list(name, not_in_p, sizeof not_in_p / sizeof not_in_p[0]))
				snprintf(msg, sizeof msg, "line %zu: <%s> inside <p>", line_of(html, tag), name);
			else if (strcmp(stack[i], "form") == 0 && strcmp(name, "form") == 0)
				snprintf(msg, sizeof msg, "line %zu: <form> inside <form>", line_of(html, tag));
			else if (in_list(stack[i], interactive, sizeof interactive / sizeof interactive[0]) &&
				 in_list(name, interactive, sizeof interactive / sizeof interactive[0]) &&
				 !(strcmp(stack[i], "label") == 0 && strcmp(name, "label") != 0))
				snprintf(msg, sizeof msg, "line %zu: <%s> inside <%s>", line_of(html, tag), name, stack[i]);
		}
		if (msg[0])
			break;
		if (is_void)
			continue;
		if (depth == HTML_MAX_DEPTH) {
			snprintf(msg, sizeof msg, "line %zu: nesting deeper than %d", line_of(html, tag), HTML_MAX_DEPTH);
			break;
		}
		snprintf(stack[depth++], HTML_NAME_MAX, "%s", name);
		if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0) {
			char end[HTML_NAME_MAX + 4];
			snprintf(end, sizeof end, "</%s", name);
			const char *e = strcasestr(p, end);
			if (!e) {
				snprintf(msg, sizeof msg, "line %zu: unterminated <%s>", line_of(html, tag), name);
				break;
			}
			p = e;
		}
	}
	html_error_offset = (size_t)(p - html);
	if (!msg[0] && depth > 0)
		snprintf(msg, sizeof msg, "end of document with <%s> still open", stack[depth - 1]);
	if (!msg[0] && roots == 0)
		snprintf(msg, sizeof msg, "no <html> element");
	for (size_t i = 0; !msg[0] && i < fors.n; i++) {
		/* aria-describedby may list several ids */
		char *list = strdup(fors.v[i]), *save = NULL;
		for (char *id = strtok_r(list, " ", &save); id && !msg[0]; id = strtok_r(NULL, " ", &save))
			if (!names_has(&ids, id))
				snprintf(msg, sizeof msg, "a label or aria-describedby refers to the missing id \"%s\"", id);
		free(list);
	}
done:
	names_free(&ids);
	names_free(&fors);
	return msg[0] ? msg : NULL;
}

size_t html_check_offset(void)
{
	return html_error_offset;
}

void assert_valid_html(const char *html)
{
	const char *problem = html_check(html);
	if (problem) {
		size_t at = html_error_offset < 300 ? 0 : html_error_offset - 300;
		fprintf(stderr, "document around the problem:\n…%.600s…\n", html + at);
		fail_msg("invalid HTML: %s", problem);
	}
}

/* ---- small assertions ------------------------------------------------------------------- */

void assert_contains(const char *haystack, const char *needle)
{
	if (!haystack || !strstr(haystack, needle)) {
		fprintf(stderr, "in:\n%.4000s\n", haystack ? haystack : "(null)");
		fail_msg("expected to find \"%s\"", needle);
	}
}

void assert_not_contains(const char *haystack, const char *needle)
{
	if (haystack && strstr(haystack, needle)) {
		fprintf(stderr, "in:\n%.4000s\n", haystack);
		fail_msg("did not expect to find \"%s\"", needle);
	}
}

void assert_status(const struct http_response *r, long status)
{
	if (r->status != status) {
		fprintf(stderr, "headers:\n%s\nbody:\n%.3000s\n", r->headers, r->body);
		fail_msg("expected HTTP status %ld, got %ld", status, r->status);
	}
}

/* ---- soft failures ---------------------------------------------------------------------- */

static char soft_failures[8192];

void soft_failures_reset(void)
{
	soft_failures[0] = '\0';
}

void soft_fail(const char *fmt, ...)
{
	size_t len = strlen(soft_failures);
	if (len + 2 >= sizeof soft_failures)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(soft_failures + len, sizeof soft_failures - len - 1, fmt, ap);
	va_end(ap);
	len = strlen(soft_failures);
	soft_failures[len] = '\n';
	soft_failures[len + 1] = '\0';
}

void assert_no_soft_failures(void)
{
	if (soft_failures[0])
		fail_msg("problems found:\n%s", soft_failures);
}

void soft_check_html(const char *what, const char *html)
{
	const char *problem = html_check(html);
	if (!problem)
		return;
	size_t at = html_check_offset(), len = strlen(html);
	size_t from = at < 120 ? 0 : at - 120;
	if (from > len)
		from = len;
	soft_fail("%s: invalid HTML: %s — near: …%.200s…", what, problem, html + from);
}

/* ---- pages and forms -------------------------------------------------------------------- */

struct http_response *get_page(struct http_client *c, const char *path, long status)
{
	struct http_response *r = http_get(c, path, NULL);
	if (r->status != status)
		print_error("GET %s\n", path);
	assert_status(r, status);
	char type[128];
	assert_true(http_header(r, "Content-Type", type, sizeof type));
	assert_non_null(strstr(type, "text/html"));
	assert_security_headers(r);
	char what[300];
	snprintf(what, sizeof what, "GET %s", path);
	soft_check_html(what, r->body);
	return r;
}

struct http_response *post_form_with_csrf(struct http_client *c, const char *token_page, const char *path,
					  const char *form, long status)
{
	char csrf[128];
	fetch_csrf(c, token_page, csrf, sizeof csrf);
	static char body[65536];
	if ((size_t)snprintf(body, sizeof body, "%s%scsrf=%s", form, *form ? "&" : "", csrf) >= sizeof body)
		fail_msg("form too long for %s", path);
	struct http_response *r = http_post_form(c, path, body, NULL);
	if (r->status != status)
		print_error("POST %s %s\n", path, body);
	assert_status(r, status);
	if (status != 303 && !strstr(path, "/ad/check")) {
		char what[300];
		snprintf(what, sizeof what, "POST %s (%ld)", path, status);
		soft_check_html(what, r->body);
	}
	return r;
}

void assert_redirect(const struct http_response *r, const char *prefix)
{
	char loc[512];
	assert_status(r, 303);
	assert_true(http_header(r, "Location", loc, sizeof loc));
	if (strncmp(loc, prefix, strlen(prefix)) != 0)
		fail_msg("redirected to %s, expected %s…", loc, prefix);
}

/* ---- the JSON API with a bearer token -------------------------------------------------- */

void cli_token_create(const struct server *s, const char *user, const char *label, char *token, size_t n,
		      long *id)
{
	struct cmd_result res;
	const char *args[] = { "token", "create", user, "--label", label, "--data", s->data, NULL };
	cmd_run(&res, args, NULL, NULL);
	if (res.status != 0)
		fail_msg("token create %s exited %d:\n%s%s", user, res.status, res.out, res.err);
	const char *t = strstr(res.out, "sw_");
	assert_non_null(t);
	size_t len = strcspn(t, " \t\r\n");
	assert_true(len > 20 && len < n);
	memcpy(token, t, len);
	token[len] = '\0';
	if (id) {
		const char *created = strstr(res.out, "Created API token ");
		assert_non_null(created);
		*id = strtol(created + strlen("Created API token "), NULL, 10);
		assert_true(*id > 0);
	}
	cmd_result_free(&res);
}

struct http_response *api_call_raw(const struct server *s, const char *token, const char *method, const char *path,
				   const char *body, size_t body_len, const char *lang)
{
	struct http_client *c = http_client_new(s);
	char auth[256], accept_lang[64];
	snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
	snprintf(accept_lang, sizeof accept_lang, "Accept-Language: %s", lang);
	const char *const headers[] = { auth, accept_lang, body ? "Content-Type: application/json" : NULL, NULL };
	struct http_response *r = http_request(c, method, path, headers, body, body_len);
	http_client_free(c);
	return r;
}

struct http_response *api_call(const struct server *s, const char *token, const char *method, const char *path,
			       const char *body)
{
	return api_call_raw(s, token, method, path, body, body ? strlen(body) : 0, "en");
}

json_t *api_call_json(const struct server *s, const char *token, const char *method, const char *path,
		      const char *body, long status)
{
	struct http_response *r = api_call(s, token, method, path, body);
	if (r->status != status)
		print_error("%s %s %s\n", method, path, body ? body : "");
	assert_status(r, status);
	json_t *j = NULL;
	if (status == 204)
		assert_int_equal(r->body_len, 0);
	else
		j = http_json(r);
	http_response_free(r);
	return j;
}

const char *api_expect_problem_raw(const struct server *s, const char *token, const char *method, const char *path,
				   const char *body, size_t body_len, long status, const char *pointer)
{
	static char detail[512];
	struct http_response *r = api_call_raw(s, token, method, path, body, body_len, "en");
	if (r->status != status)
		print_error("%s %s %.200s\n", method, path, body ? body : "");
	json_t *p = assert_problem(r, status);
	detail[0] = '\0';
	if (pointer) {
		bool found = false;
		size_t i;
		json_t *e;
		json_array_foreach(json_object_get(p, "errors"), i, e) {
			const char *ptr = json_string_value(json_object_get(e, "pointer"));
			if (ptr && strcmp(ptr, pointer) == 0) {
				found = true;
				assert_true(json_string_length(json_object_get(e, "detail")) > 0);
				snprintf(detail, sizeof detail, "%s", json_string_value(json_object_get(e, "detail")));
			}
		}
		if (!found)
			fail_msg("%s %s: no error for %s in %s", method, path, pointer, r->body);
	}
	json_decref(p);
	http_response_free(r);
	return detail;
}

const char *api_expect_problem(const struct server *s, const char *token, const char *method, const char *path,
			       const char *body, long status, const char *pointer)
{
	return api_expect_problem_raw(s, token, method, path, body, body ? strlen(body) : 0, status, pointer);
}

json_t *audit_entries(const struct server *s)
{
	struct http_client *admin = client_logged_in(s, "admin");
	struct http_response *r = http_get(admin, "/api/v1/audit?limit=500", NULL);
	assert_status(r, 200);
	json_t *j = http_json(r);
	http_response_free(r);
	http_client_free(admin);
	json_t *entries = json_object_get(j, "entries");
	if (!json_is_array(entries))
		fail_msg("GET /api/v1/audit: no \"entries\" array");
	json_incref(entries);
	json_decref(j);
	return entries;
}
