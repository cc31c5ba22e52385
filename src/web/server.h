/*
 * server.h — the HTTP server: libmicrohttpd with an internal thread pool on
 * epoll, explicit resource limits, one SQLite connection per worker thread,
 * and a graceful shutdown on SIGINT/SIGTERM.
 */
#ifndef STELLWERK_WEB_SERVER_H
#define STELLWERK_WEB_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct server_config {
	const char *data_dir;
	const char *listen;           /* "HOST:PORT", "[v6]:PORT"; port 0 picks a free one */
	const char *run_as_user;      /* drop privileges to this user after binding (root only) */
	bool allow_root;
	const char *tls_cert_path;
	const char *tls_key_path;
	bool behind_proxy;            /* trust X-Forwarded-Proto/-For from the proxy */
	bool quiet;                   /* no access log */
	unsigned threads;             /* 0 = number of CPUs */
	size_t max_body_bytes;        /* request bodies beyond this get 413 */
	size_t max_upload_bytes;      /* largest uploaded file; upload routes accept this plus multipart overhead */
	size_t connection_memory;     /* per-connection buffer; bounds header size */
	unsigned connection_timeout;  /* seconds of inactivity */
	unsigned per_ip_connections;
	unsigned max_connections;
	/* Outbox delivery (web/mailer.h); smtp_url NULL: no delivery, messages are copied and marked as sent. */
	const char *smtp_url;         /* smtp://host:587 (STARTTLS when offered) or smtps://host:465 */
	const char *smtp_user;        /* NULL: no SMTP AUTH */
	const char *smtp_password;    /* only from $STELLWERK_SMTP_PASSWORD */
	const char *smtp_from;        /* "addr" or "Display Name <addr>" */
};

void server_config_defaults(struct server_config *cfg);
/* Runs until SIGINT/SIGTERM; returns an exit code (0 after a clean shutdown). */
int server_run(const struct server_config *cfg);

#endif
