/*
 * server.c — libmicrohttpd glue: binding, limits, privilege drop, the
 * request lifecycle (collect body → dispatch → send buffered response with
 * security headers → access log → free arena), and graceful shutdown.
 */
#include "web/server.h"
#include "web/auth.h"
#include "web/layout.h"
#include "web/request.h"
#include "web/import_jobs.h"
#include "web/mailer.h"
#include "web/router.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/session_policy.h"
#include "store/login_attempts.h"
#include "store/sessions.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

#define CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
	    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

/* The largest declared body of an upload over the limit that is still read
 * (and discarded) so the browser gets to see the 413 page. */
#define UPLOAD_DRAIN_MAX ((unsigned long long)256 * 1024 * 1024)

static const struct server_config *g_cfg;
static pthread_key_t store_key;
static atomic_int requests_in_flight;   /* begun and not yet completed; idle keep-alive excluded */

void server_config_defaults(struct server_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->max_body_bytes = 1024 * 1024;
	cfg->max_upload_bytes = (size_t)10 * 1024 * 1024;
	cfg->connection_memory = 64 * 1024;
	cfg->connection_timeout = 30;
	cfg->per_ip_connections = 128;
	cfg->max_connections = 1000;
}

/* ---- one SQLite connection per worker thread -------------------------- */

static void thread_store_close(void *p)
{
	store_close(p);
}

static struct store *thread_store(void)
{
	struct store *s = pthread_getspecific(store_key);
	if (s)
		return s;
	char err[256];
	if (store_open(g_cfg->data_dir, false, &s, err, sizeof err) != STORE_OK) {
		log_error("cannot open database: %s", err);
		return NULL;
	}
	pthread_setspecific(store_key, s);
	return s;
}

/* ---- per-request context ------------------------------------------------ */

struct conn_ctx {
	struct request req;
	struct MHD_PostProcessor *pp;
	size_t body_limit;            /* router_body_limit for this method and path */
	size_t body_received;         /* bytes of the body so far */
	bool upload_route;            /* a ROUTE_UPLOAD route: body_limit is the upload limit */
	bool multipart;               /* the body goes to the post processor only */
	bool too_large;
	bool responded;
	struct timespec started;
	size_t bytes_out;
};

static enum http_method parse_method(const char *m)
{
	static const struct { const char *name; enum http_method m; } methods[] = {
		{ "GET", HTTP_GET }, { "HEAD", HTTP_HEAD }, { "POST", HTTP_POST },
		{ "PUT", HTTP_PUT }, { "PATCH", HTTP_PATCH }, { "DELETE", HTTP_DELETE },
	};
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(m, methods[i].name) == 0)
			return methods[i].m;
	return HTTP_OTHER;
}

/* Collects one piece of a multipart file part into r->uploads. A part
 * continues the previous upload when it has the same field and a non-zero
 * offset; bytes past cfg->max_upload_bytes are dropped and the upload is
 * marked too_large. File data may hold any byte, NUL included. */
static void upload_piece(struct request *r, const char *key, const char *filename, const char *content_type,
			 const char *data, uint64_t off, size_t size)
{
	struct upload *u;
	if (off > 0 && r->nuploads > 0 && strcmp(r->uploads[r->nuploads - 1].field, key) == 0) {
		u = &r->uploads[r->nuploads - 1];
	} else {
		if (r->nuploads == REQUEST_MAX_UPLOADS) {
			r->uploads_overflow = true;
			r->form_overflow = true; /* the router answers 400 for both */
			return;
		}
		u = &r->uploads[r->nuploads++];
		u->field = arena_strdup(&r->arena, key);
		u->filename = arena_strdup(&r->arena, filename);
		u->content_type = arena_strdup(&r->arena, content_type ? content_type : "");
		buf_init(&u->data);
	}
	if (u->too_large || size == 0)
		return;
	if (u->data.len + size > r->cfg->max_upload_bytes) {
		u->too_large = true;
		return;
	}
	buf_append(&u->data, data, size);
}

/* Collects urlencoded and multipart form fields into the request's arena,
 * and file parts (those with a filename) into r->uploads. Values may arrive
 * in pieces; consecutive pieces of one field are joined. */
static enum MHD_Result form_iterator(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
				     const char *content_type, const char *transfer_encoding, const char *data,
				     uint64_t off, size_t size)
{
	(void)kind, (void)transfer_encoding;
	struct request *r = cls;
	if (filename) {
		upload_piece(r, key, filename, content_type, data, off, size);
		return MHD_YES;
	}
	if ((data && memchr(data, '\0', size)) || memchr(key, '\0', strlen(key) + 1) != key + strlen(key)) {
		r->form_has_nul = true; /* C strings downstream would silently cut the value */
		return MHD_YES;
	}
	if (off > 0 && r->nform > 0 && strcmp(r->form[r->nform - 1].name, key) == 0) {
		struct param *p = &r->form[r->nform - 1];
		size_t old = strlen(p->value);
		char *joined = arena_alloc(&r->arena, old + size + 1);
		memcpy(joined, p->value, old);
		memcpy(joined + old, data, size);
		p->value = joined;
		return MHD_YES;
	}
	if (r->nform == REQUEST_MAX_PARAMS) {
		r->form_overflow = true;
		return MHD_YES;
	}
	r->form[r->nform].name = arena_strdup(&r->arena, key);
	r->form[r->nform].value = arena_strndup(&r->arena, data ? data : "", size);
	r->nform++;
	return MHD_YES;
}

static bool is_multipart(const char *ct)
{
	return ct && strncasecmp(ct, MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA,
				 strlen(MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA)) == 0;
}

static bool is_form_content(const char *ct)
{
	return ct && (strncasecmp(ct, MHD_HTTP_POST_ENCODING_FORM_URLENCODED,
				  strlen(MHD_HTTP_POST_ENCODING_FORM_URLENCODED)) == 0 ||
		      strncasecmp(ct, MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA,
				  strlen(MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA)) == 0);
}

static void request_init(struct conn_ctx *c, struct MHD_Connection *conn, const char *url, const char *method)
{
	struct request *r = &c->req;
	r->conn = conn;
	r->cfg = g_cfg;
	r->now = (int64_t)time(NULL);
	r->method = parse_method(method);
	r->method_name = arena_strdup(&r->arena, method);
	r->path = arena_strdup(&r->arena, url);
	r->is_api = str_starts_with(url, "/api/") || strcmp(url, "/healthz") == 0;
	r->status = 200;
	r->lang = LANG_DEFAULT;
	r->content_type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, r->ip, sizeof r->ip);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, r->ip, sizeof r->ip);
	}
	r->secure = g_cfg->tls_cert_path != NULL;
	if (g_cfg->behind_proxy) {
		const char *proto = req_header(r, "X-Forwarded-Proto");
		if (proto && strcasecmp(proto, "https") == 0)
			r->secure = true;
		const char *xff = req_header(r, "X-Forwarded-For");
		if (xff && *xff) {
			/* The proxy appends the peer it saw: the last entry is the one we
			 * trust, and only when it is an IP address. */
			const char *last = strrchr(xff, ',');
			char ip[64];
			str_copy(ip, sizeof ip, last ? last + 1 : xff);
			str_trim(ip);
			unsigned char addr[sizeof(struct in6_addr)];
			if (inet_pton(AF_INET, ip, addr) == 1 || inet_pton(AF_INET6, ip, addr) == 1)
				str_copy(r->ip, sizeof r->ip, ip);
		}
	}
}

/* ---- sending -------------------------------------------------------------- */

static void add_security_headers(struct MHD_Response *resp, const struct request *r)
{
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	if (r->secure && g_cfg->tls_cert_path)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	if (!r->cacheable)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
}

static enum MHD_Result send_response(struct conn_ctx *c)
{
	struct request *r = &c->req;
	struct MHD_Response *resp;
	if (r->static_body) {
		resp = MHD_create_response_from_buffer(r->static_len, (void *)r->static_body, MHD_RESPMEM_PERSISTENT);
		c->bytes_out = r->static_len;
	} else {
		c->bytes_out = r->out.len;
		char *body = buf_detach(&r->out);
		resp = MHD_create_response_from_buffer_with_free_callback(c->bytes_out, body, free);
	}
	if (!resp)
		return MHD_NO;
	add_security_headers(resp, r);
	if (r->content_type_out)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type_out);
	for (int i = 0; i < r->nheaders; i++)
		MHD_add_response_header(resp, r->headers[i][0], r->headers[i][1]);
	enum MHD_Result ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	c->responded = true;
	return ret;
}

/* ---- the libmicrohttpd callbacks --------------------------------------------- */

/* Answers 413 for a body over the route's limit. Pages get the error page
 * in the layout naming the limit in MB (the user is looked up so the page
 * has the usual navigation); the API gets a problem document. */
static void respond_too_large(struct conn_ctx *c)
{
	struct request *r = &c->req;
	if (!r->store)
		r->store = thread_store();
	if (r->store)
		auth_resolve(r);
	else
		auth_apply_language(r);
	size_t limit_mb;
	const char *detail;
	if (c->upload_route) {
		limit_mb = g_cfg->max_upload_bytes / (1024 * 1024);
		detail = arena_printf(&r->arena, _("The file is larger than the limit of %zu MB. Nothing was saved. "
						   "Please go back and choose a smaller file."), limit_mb);
	} else {
		limit_mb = (c->body_limit + 1024 * 1024 - 1) / (1024 * 1024);
		detail = arena_printf(&r->arena, _("The data sent is larger than the server accepts (at most %zu MB). "
						   "Nothing was saved."), limit_mb);
	}
	page_error(r, 413, detail);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	(void)cls, (void)version;
	struct conn_ctx *c = *con_cls;
	i18n_set_lang(LANG_DEFAULT); /* nothing of the previous request on this thread leaks */
	if (!c) {
		c = xcalloc(1, sizeof *c);
		atomic_fetch_add(&requests_in_flight, 1);
		clock_gettime(CLOCK_MONOTONIC, &c->started);
		request_init(c, conn, url, method);
		*con_cls = c;
		c->body_limit = router_body_limit(g_cfg, method, url);
		c->upload_route = c->body_limit != g_cfg->max_body_bytes;
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		long long declared;
		if (cl && str_to_int64(cl, 0, INT64_MAX, &declared) && (unsigned long long)declared > c->body_limit) {
			c->too_large = true;
			/* A browser uploading a file over the limit reads no answer
			 * before it has sent the whole body, and a connection closed
			 * early shows as "connection reset" instead of our page. So an
			 * upload of reasonable size is read and discarded, then
			 * answered (below). Anything else is refused before reading a
			 * byte of the body; MHD closes the connection after. */
			if (c->upload_route && (unsigned long long)declared <= UPLOAD_DRAIN_MAX)
				return MHD_YES;
			respond_too_large(c);
			return send_response(c);
		}
		if (is_form_content(c->req.content_type)) {
			c->pp = MHD_create_post_processor(conn, 16 * 1024, form_iterator, &c->req);
			c->multipart = is_multipart(c->req.content_type);
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		if (!c->too_large) {
			if (c->body_received + *upload_data_size > c->body_limit) {
				c->too_large = true;
			} else {
				c->body_received += *upload_data_size;
				/* A multipart body (files) is kept only as its parsed parts,
				 * not a second time as raw bytes. */
				if (!c->multipart)
					buf_append(&c->req.body, upload_data, *upload_data_size);
				if (c->pp && MHD_post_process(c->pp, upload_data, *upload_data_size) != MHD_YES)
					c->req.form_overflow = true;
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (c->responded)
		return MHD_YES;

	struct request *r = &c->req;
	r->store = thread_store();
	if (c->too_large)
		respond_too_large(c);
	else if (!r->store)
		router_fail(r, 503);
	else
		router_dispatch(r);
	return send_response(c);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)conn;
	struct conn_ctx *c = *con_cls;
	if (!c)
		return;
	atomic_fetch_sub(&requests_in_flight, 1);
	if (!g_cfg->quiet) {
		struct timespec end;
		clock_gettime(CLOCK_MONOTONIC, &end);
		long long us = (end.tv_sec - c->started.tv_sec) * 1000000LL + (end.tv_nsec - c->started.tv_nsec) / 1000;
		log_info("%s %s %d %zu %lldus %s%s", c->req.method_name, c->req.path, c->responded ? c->req.status : 0,
			 c->bytes_out, us, c->req.ip, toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
	}
	if (c->pp)
		MHD_destroy_post_processor(c->pp);
	buf_free(&c->req.body);
	for (int i = 0; i < c->req.nuploads; i++)
		buf_free(&c->req.uploads[i].data);
	buf_free(&c->req.out);
	arena_free(&c->req.arena);
	free(c);
	*con_cls = NULL;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(msg, sizeof msg, fmt, ap);
#pragma GCC diagnostic pop
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	log_warn("http: %s", msg);
}

/* Decodes %XX escapes in the path and query arguments in place, except %00:
 * an encoded NUL stays as the three characters "%00", so a C string can never
 * be cut short by it (and such a path simply matches no route). */
static size_t unescape_keeping_nul(void *cls, struct MHD_Connection *conn, char *s)
{
	(void)cls, (void)conn;
	char *out = s;
	for (const char *in = s; *in; in++) {
		int hi, lo;
		if (in[0] == '%' && (hi = hex_digit(in[1])) >= 0 && (lo = hex_digit(in[2])) >= 0 && (hi | lo) != 0) {
			*out++ = (char)(hi * 16 + lo);
			in += 2;
		} else {
			*out++ = *in;
		}
	}
	*out = '\0';
	return (size_t)(out - s);
}

/* ---- binding and privileges -------------------------------------------------- */

/* Splits "host:port" or "[v6]:port" and binds a listening socket. */
static int bind_listen_socket(const char *listen_addr, char *shown, size_t shown_len)
{
	char host[256];
	const char *port;
	if (listen_addr[0] == '[') {
		const char *end = strchr(listen_addr, ']');
		if (!end || end[1] != ':')
			return -2;
		snprintf(host, sizeof host, "%.*s", (int)(end - listen_addr - 1), listen_addr + 1);
		port = end + 2;
	} else {
		const char *colon = strrchr(listen_addr, ':');
		if (!colon)
			return -2;
		snprintf(host, sizeof host, "%.*s", (int)(colon - listen_addr), listen_addr);
		port = colon + 1;
	}
	long long portnum;
	if (!str_to_int64(port, 0, 65535, &portnum))
		return -2;
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *res;
	if (getaddrinfo(*host ? host : NULL, port, &hints, &res) != 0)
		return -2;
	int fd = -1;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 256) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		return -1;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	getsockname(fd, (struct sockaddr *)&ss, &sl);
	char addr[64];
	int actual_port;
	if (ss.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, addr, sizeof addr);
		actual_port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
		snprintf(shown, shown_len, "[%s]:%d", addr, actual_port);
	} else {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, addr, sizeof addr);
		actual_port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
		snprintf(shown, shown_len, "%s:%d", addr, actual_port);
	}
	return fd;
}

/* Hands the data directory to the service user, then becomes that user. */
static bool drop_privileges(const char *user, const char *data_dir)
{
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		log_error("--user %s: no such user. Create it with 'adduser --system %s'.", user, user);
		return false;
	}
	const char *files[] = { "", "/stellwerk.db", "/stellwerk.db-wal", "/stellwerk.db-shm" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s%s", data_dir, files[i]);
		if (chown(path, pw->pw_uid, pw->pw_gid) != 0 && errno != ENOENT) {
			log_error("cannot hand %s to user %s: %s", path, user, strerror(errno));
			return false;
		}
	}
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
		log_error("cannot drop privileges to %s: %s", user, strerror(errno));
		return false;
	}
	if (setuid(0) == 0) {
		log_error("privileges could not be dropped for good; refusing to run");
		return false;
	}
	return true;
}

static char *read_whole_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	return buf_detach(&b);
}

/* Deletes expired sessions and old login attempts; runs about once a minute. */
static void housekeeping(struct store *s)
{
	int64_t now = (int64_t)time(NULL);
	const struct session_policy *p = &SESSION_POLICY_DEFAULT;
	store_session_purge(s, now - p->idle_timeout, now - p->absolute_lifetime);
	store_login_attempts_purge(s, now - 7 * 24 * 3600);
}

int server_run(const struct server_config *cfg)
{
	int rc = 1, fd = -1;
	struct MHD_Daemon *d = NULL;
	struct store *main_store = NULL;
	char *tls_cert = NULL, *tls_key = NULL;
	g_cfg = cfg;

	if (geteuid() == 0 && !cfg->run_as_user && !cfg->allow_root) {
		log_error("refusing to run as root. Pass --user NAME to drop privileges after binding the port "
			  "(recommended), or --allow-root on a throwaway test machine.");
		return 1;
	}
	if (cfg->run_as_user && geteuid() != 0) {
		log_error("--user needs root: start stellwerk as root so it can bind and then drop privileges");
		return 1;
	}
	if (cfg->tls_cert_path || cfg->tls_key_path) {
		if (!cfg->tls_cert_path || !cfg->tls_key_path) {
			log_error("TLS needs both --tls-cert and --tls-key");
			return 1;
		}
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			log_error("this libmicrohttpd has no TLS support; run behind a reverse proxy with --behind-proxy");
			return 1;
		}
		tls_cert = read_whole_file(cfg->tls_cert_path);
		tls_key = read_whole_file(cfg->tls_key_path);
		if (!tls_cert || !tls_key) {
			log_error("cannot read %s: %s", tls_cert ? cfg->tls_key_path : cfg->tls_cert_path, strerror(errno));
			goto cleanup;
		}
		if (!strstr(tls_cert, "-----BEGIN CERTIFICATE-----")) {
			log_error("%s is not a PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block)", cfg->tls_cert_path);
			goto cleanup;
		}
		if (!strstr(tls_key, "-----BEGIN") || !strstr(tls_key, "PRIVATE KEY-----")) {
			log_error("%s is not a PEM private key (expected a '-----BEGIN … PRIVATE KEY-----' block)", cfg->tls_key_path);
			goto cleanup;
		}
	}

	char shown[128];
	fd = bind_listen_socket(cfg->listen, shown, sizeof shown);
	if (fd == -2) {
		log_error("--listen %s: expected HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080", cfg->listen);
		goto cleanup;
	}
	if (fd < 0) {
		log_error("cannot listen on %s: %s. Is another program using the port? Choose another with --listen.",
			  cfg->listen, strerror(errno));
		goto cleanup;
	}
	if (cfg->run_as_user && !drop_privileges(cfg->run_as_user, cfg->data_dir))
		goto cleanup;

	char err[256];
	if (store_open(cfg->data_dir, false, &main_store, err, sizeof err) != STORE_OK) {
		log_error("%s", err);
		goto cleanup;
	}
	int from, to;
	if (store_migrate(main_store, &from, &to) != STORE_OK) {
		log_error("database migration failed; the database was left unchanged");
		goto cleanup;
	}
	if (from != to)
		log_info("database schema migrated from version %d to %d", from, to);
	housekeeping(main_store);

	/* Workers inherit this mask, so only the main thread receives the signals. */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	pthread_key_create(&store_key, thread_store_close);

	unsigned threads = cfg->threads ? cfg->threads : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
	if (threads < 1)
		threads = 1;
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_USE_TURBO;
	if (tls_cert)
		flags |= MHD_USE_TLS;
	struct MHD_OptionItem tls_opts[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, tls_cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, tls_key },
		{ MHD_OPTION_END, 0, NULL },
	};
	d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
			     MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
			     MHD_OPTION_LISTEN_SOCKET, fd,
			     MHD_OPTION_THREAD_POOL_SIZE, threads,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->connection_memory,
			     MHD_OPTION_CONNECTION_TIMEOUT, cfg->connection_timeout,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_ip_connections,
			     MHD_OPTION_CONNECTION_LIMIT, cfg->max_connections,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			     MHD_OPTION_UNESCAPE_CALLBACK, unescape_keeping_nul, NULL,
			     MHD_OPTION_ARRAY, tls_cert ? tls_opts : tls_opts + 2,
			     MHD_OPTION_END);
	if (!d) {
		if (tls_cert)
			log_error("the HTTPS server could not start (see messages above): check that %s is the key of the "
				  "certificate %s", cfg->tls_key_path, cfg->tls_cert_path);
		else
			log_error("the HTTP server could not start (see messages above)");
		goto cleanup;
	}
	fd = -1; /* owned by the daemon now */
	mailer_start(cfg);   /* outbox delivery through SMTP, when configured */
	printf("stellwerk listening on %s://%s/\n", tls_cert ? "https" : "http", shown);
	fflush(stdout);

	for (;;) {
		struct timespec wait = { 60, 0 };
		int sig = sigtimedwait(&sigs, NULL, &wait);
		if (sig == SIGINT || sig == SIGTERM)
			break;
		if (sig < 0 && errno == EAGAIN)
			housekeeping(main_store);
	}
	log_info("shutting down: finishing requests in flight");
	/* Wait (at most 10 s) for requests being handled or sent; idle keep-alive
	 * connections are simply closed by MHD_stop_daemon. No MHD_quiesce_daemon:
	 * with an epoll thread pool it races the workers removing the listen
	 * socket from their epoll sets (libmicrohttpd 0.9.75 then aborts with
	 * "Failed to remove listen FD from epoll set"); a request arriving during
	 * the wait is simply served. */
	for (int i = 0; i < 200 && atomic_load(&requests_in_flight) > 0; i++) {
		struct timespec tick = { 0, 50 * 1000 * 1000 };
		nanosleep(&tick, NULL);
	}
	MHD_stop_daemon(d);   /* also closes the listen socket */
	d = NULL;
	fd = -1;
	/* A CSV import still running is one transaction: stop it, it rolls back. */
	import_jobs_shutdown(5000);
	mailer_stop();       /* a transfer in progress is aborted and queued again */
	log_info("stopped cleanly");
	rc = 0;
cleanup:
	if (d)
		MHD_stop_daemon(d);
	if (fd >= 0)
		close(fd);
	store_close(main_store);
	free(tls_cert);
	free(tls_key);
	return rc;
}
