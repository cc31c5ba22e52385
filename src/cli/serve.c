/*
 * serve.c — `stellwerk serve`: runs the web interface and JSON API on an
 * existing data directory until SIGINT/SIGTERM.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/i18n.h"
#include "util/log.h"
#include "util/str.h"
#include "web/server.h"

static void serve_help(void)
{
	printf("%s\n\n", _("Usage: stellwerk serve [--data DIR] [--listen HOST:PORT] [OPTIONS]"));
	printf("%s\n\n", _("Serves the web interface and the JSON API until Ctrl+C (SIGINT) or SIGTERM.\n"
			   "Requests in flight are finished and the database is closed cleanly."));
	printf("%s\n", _("Options:"));
	printf("  --data DIR          %s\n", _("data directory (default: $STELLWERK_DATA, else ./stellwerk-data)"));
	printf("  --listen HOST:PORT  %s\n", _("address to listen on (default: $STELLWERK_LISTEN, else 127.0.0.1:8080; port 0 picks a free port)"));
	printf("  --user NAME         %s\n", _("when started as root: drop privileges to this user after binding (recommended)"));
	printf("  --allow-root        %s\n", _("run as root without dropping privileges (throwaway test machines only; also STELLWERK_ALLOW_ROOT=1)"));
	printf("  --tls-cert FILE     %s\n", _("serve HTTPS with this PEM certificate (needs --tls-key)"));
	printf("  --tls-key FILE      %s\n", _("PEM private key for --tls-cert"));
	printf("  --behind-proxy      %s\n", _("trust X-Forwarded-Proto and X-Forwarded-For from a reverse proxy"));
	printf("  --threads N         %s\n", _("worker threads (default: number of CPUs)"));
	printf("  --max-body BYTES    %s\n", _("largest accepted request body (default: 1048576)"));
	printf("  --max-upload-mb N   %s\n", _("largest uploaded document in MB, 1 to 1024 (default: $STELLWERK_MAX_UPLOAD_MB, else 10)"));
	printf("  --quiet             %s\n", _("no access log lines"));
	printf("  --smtp-url URL      %s\n", _("send candidate messages via SMTP: smtp://HOST:587 (STARTTLS) or smtps://HOST:465 (default: "
					 "$STELLWERK_SMTP_URL); without it, messages are copied and marked as sent by hand"));
	printf("  --smtp-user NAME    %s\n", _("SMTP login (default: $STELLWERK_SMTP_USER); the password is read from $STELLWERK_SMTP_PASSWORD only"));
	printf("  --smtp-from ADDR    %s\n", _("sender of candidate messages, e.g. 'Recruiting <jobs@example.org>' (default: $STELLWERK_SMTP_FROM; needed with --smtp-url)"));
	printf("\n%s\n", _("Examples:"));
	printf("  stellwerk serve --data ./stellwerk-data\n");
	printf("  sudo stellwerk serve --data /var/lib/stellwerk --listen 0.0.0.0:443 --user stellwerk \\\n"
	       "       --tls-cert /etc/stellwerk/cert.pem --tls-key /etc/stellwerk/key.pem\n");
	printf("  stellwerk serve --data /var/lib/stellwerk --listen 127.0.0.1:8080 --behind-proxy\n");
	printf("  STELLWERK_SMTP_PASSWORD=... stellwerk serve --smtp-url smtp://mail.example.org:587 \\\n"
	       "       --smtp-user jobs@example.org --smtp-from 'Recruiting <jobs@example.org>'\n");
}

/* The SMTP settings of the outbox (web/mailer.h): flags, else environment;
 * the password only from the environment, so it never shows in ps. */
static int smtp_settings(struct server_config *cfg)
{
	if (str_empty(cfg->smtp_url))
		cfg->smtp_url = getenv("STELLWERK_SMTP_URL");
	if (str_empty(cfg->smtp_user))
		cfg->smtp_user = getenv("STELLWERK_SMTP_USER");
	if (str_empty(cfg->smtp_from))
		cfg->smtp_from = getenv("STELLWERK_SMTP_FROM");
	cfg->smtp_password = getenv("STELLWERK_SMTP_PASSWORD");
	if (str_empty(cfg->smtp_url)) {
		cfg->smtp_url = NULL;
		return EXIT_OK;
	}
	if (!str_starts_with(cfg->smtp_url, "smtp://") && !str_starts_with(cfg->smtp_url, "smtps://"))
		return cli_usage_error("serve", _("--smtp-url must start with smtp:// or smtps://, e.g. smtp://mail.example.org:587"));
	if (str_empty(cfg->smtp_from) || !strchr(cfg->smtp_from, '@') || strpbrk(cfg->smtp_from, "\r\n"))
		return cli_usage_error("serve", _("--smtp-url needs --smtp-from (or STELLWERK_SMTP_FROM) with the sender's address, "
						  "e.g. 'Recruiting <jobs@example.org>'"));
	if (!str_empty(cfg->smtp_user) && cfg->smtp_password == NULL)
		return cli_usage_error("serve", _("--smtp-user needs the password in the environment variable STELLWERK_SMTP_PASSWORD"));
	if (str_empty(cfg->smtp_user))
		cfg->smtp_user = NULL;
	return EXIT_OK;
}

int cmd_serve(int argc, char **argv)
{
	enum { OPT_DATA = 1, OPT_LISTEN, OPT_USER, OPT_ALLOW_ROOT, OPT_CERT, OPT_KEY, OPT_PROXY, OPT_THREADS, OPT_BODY, OPT_UPLOAD, OPT_QUIET,
	       OPT_SMTP_URL, OPT_SMTP_USER, OPT_SMTP_FROM };
	static const struct option opts[] = {
		{ "data", required_argument, NULL, OPT_DATA }, { "listen", required_argument, NULL, OPT_LISTEN },
		{ "user", required_argument, NULL, OPT_USER }, { "allow-root", no_argument, NULL, OPT_ALLOW_ROOT },
		{ "tls-cert", required_argument, NULL, OPT_CERT }, { "tls-key", required_argument, NULL, OPT_KEY },
		{ "behind-proxy", no_argument, NULL, OPT_PROXY }, { "threads", required_argument, NULL, OPT_THREADS },
		{ "max-body", required_argument, NULL, OPT_BODY }, { "quiet", no_argument, NULL, OPT_QUIET },
		{ "max-upload-mb", required_argument, NULL, OPT_UPLOAD },
		{ "smtp-url", required_argument, NULL, OPT_SMTP_URL }, { "smtp-user", required_argument, NULL, OPT_SMTP_USER },
		{ "smtp-from", required_argument, NULL, OPT_SMTP_FROM },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	struct server_config cfg;
	server_config_defaults(&cfg);
	const char *data = NULL, *listen = NULL, *upload_mb = NULL;
	const char *env_root = getenv("STELLWERK_ALLOW_ROOT");
	cfg.allow_root = env_root && strcmp(env_root, "1") == 0;
	long long v;
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_DATA: data = optarg; break;
		case OPT_LISTEN: listen = optarg; break;
		case OPT_USER: cfg.run_as_user = optarg; break;
		case OPT_ALLOW_ROOT: cfg.allow_root = true; break;
		case OPT_CERT: cfg.tls_cert_path = optarg; break;
		case OPT_KEY: cfg.tls_key_path = optarg; break;
		case OPT_PROXY: cfg.behind_proxy = true; break;
		case OPT_QUIET: cfg.quiet = true; break;
		case OPT_THREADS:
			if (!str_to_int64(optarg, 1, 256, &v))
				return cli_usage_error("serve", _("--threads must be a number from 1 to 256"));
			cfg.threads = (unsigned)v;
			break;
		case OPT_BODY:
			if (!str_to_int64(optarg, 1024, 1LL << 30, &v))
				return cli_usage_error("serve", _("--max-body must be a number of bytes from 1024 to 1073741824"));
			cfg.max_body_bytes = (size_t)v;
			break;
		case OPT_UPLOAD: upload_mb = optarg; break;
		case OPT_SMTP_URL: cfg.smtp_url = optarg; break;
		case OPT_SMTP_USER: cfg.smtp_user = optarg; break;
		case OPT_SMTP_FROM: cfg.smtp_from = optarg; break;
		case 'h': serve_help(); return EXIT_OK;
		default: return cli_usage_error("serve", _("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("serve", _("unexpected argument '%s'"), argv[optind]);
	/* --max-upload-mb, else $STELLWERK_MAX_UPLOAD_MB, else the default */
	const char *upload_env = getenv("STELLWERK_MAX_UPLOAD_MB");
	if (upload_mb) {
		if (!str_to_int64(upload_mb, 1, 1024, &v))
			return cli_usage_error("serve", _("--max-upload-mb must be a number of MB from 1 to 1024"));
		cfg.max_upload_bytes = (size_t)v << 20;
	} else if (!str_empty(upload_env)) {
		if (!str_to_int64(upload_env, 1, 1024, &v))
			return cli_usage_error("serve", _("STELLWERK_MAX_UPLOAD_MB must be a number of MB from 1 to 1024"));
		cfg.max_upload_bytes = (size_t)v << 20;
	}
	int smtp_rc = smtp_settings(&cfg);
	if (smtp_rc != EXIT_OK)
		return smtp_rc;
	cfg.data_dir = cli_data_dir(data);
	cfg.listen = cli_listen(listen);
	if (access(cfg.data_dir, F_OK) != 0) {
		cli_error("serve", _("the data directory %s does not exist. Create it with 'stellwerk init --data %s' "
				     "or try stellwerk with 'stellwerk demo --data %s'."), cfg.data_dir, cfg.data_dir, cfg.data_dir);
		return EXIT_FAIL;
	}
	if (cfg.quiet)
		log_set_quiet(1);
	return server_run(&cfg) == 0 ? EXIT_OK : EXIT_FAIL;
}
