/*
 * test_transport.c — black-box tests of how the server meets the network
 * (R-X-2 accounts and security, R-X-4 audit): HTTPS with --tls-cert and
 * --tls-key (cookies with Secure, Strict-Transport-Security, plain HTTP on
 * the TLS port), TLS options that do not fit together, --behind-proxy
 * (X-Forwarded-Proto and the X-Forwarded-For address in the audit log, and
 * both ignored without it) and the refusal to run as root without --user.
 *
 * The certificate is a throwaway self-signed one made with the openssl
 * command in this program's temporary directory.
 */
#include "harness.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static struct server plain;   /* the default: neither TLS nor --behind-proxy */
static struct server proxied; /* --behind-proxy */
static struct server tls;     /* --tls-cert/--tls-key, started on first use */
static bool tls_started;

static char tmp[256];          /* certificate, key, openssl output */
static char cert_path[320], key_path[320];
static bool cert_made;

/* ---- the certificate -------------------------------------------------------------------- */

/* True when an executable called name is on $PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		size_t n = strcspn(p, ":");
		char full[1024];
		snprintf(full, sizeof full, "%.*s/%s", (int)n, n ? p : ".", name);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
			return true;
		p += n;
		if (*p == ':')
			p++;
	}
	return false;
}

/* Makes tmp/cert.pem and tmp/key.pem once, with the openssl command. */
static void ensure_certificate(void)
{
	if (cert_made)
		return;
	if (!on_path("openssl"))
		fail_msg("the openssl command is not on PATH (%s): the TLS tests need it to make a throwaway "
			 "self-signed certificate. Install openssl (ca-certificates depends on it).",
			 getenv("PATH") ? getenv("PATH") : "unset");
	char log_path[320];
	snprintf(log_path, sizeof log_path, "%s/openssl.log", tmp);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || chdir(tmp) != 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(out, 2);
		execlp("openssl", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
		       "-out", "cert.pem", "-days", "2", "-subj", "/CN=localhost", (char *)NULL);
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	struct stat st;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || stat(cert_path, &st) != 0 || st.st_size == 0 ||
	    stat(key_path, &st) != 0 || st.st_size == 0) {
		char *log = read_file(log_path, NULL);
		fprintf(stderr, "openssl output:\n%s\n", log ? log : "(none)");
		free(log);
		fail_msg("openssl req -x509 did not make %s and %s (status %d)", cert_path, key_path, status);
	}
	cert_made = true;
}

static struct server *tls_server(void)
{
	if (!tls_started) {
		ensure_certificate();
		server_start_tls(&tls, cert_path, key_path, NULL);
		tls_started = true;
	}
	return &tls;
}

/* ---- group setup ------------------------------------------------------------------------ */

static int group_setup(void **state)
{
	(void)state;
	make_temp_dir(tmp, sizeof tmp);
	snprintf(cert_path, sizeof cert_path, "%s/cert.pem", tmp);
	snprintf(key_path, sizeof key_path, "%s/key.pem", tmp);
	server_start(&plain, NULL);
	const char *const extra[] = { "--behind-proxy", NULL };
	server_start(&proxied, extra);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	if (tls_started)
		server_stop(&tls);
	server_stop(&proxied);
	server_stop(&plain);
	remove_tree(tmp);
	return 0;
}

/* ---- helpers ---------------------------------------------------------------------------- */

static const char *const ACCEPT_EN[] = { "Accept-Language: en", NULL };

/* The Set-Cookie line for cookie name in r; fails the test when there is none. */
static void must_set_cookie(const struct http_response *r, const char *name, char *out, size_t n)
{
	if (!http_set_cookie(r, name, out, n)) {
		fprintf(stderr, "headers:\n%s\n", r->headers);
		fail_msg("the response sets no %s cookie", name);
	}
}

/* True when the Set-Cookie line carries the attribute (";"-separated, any case). */
static bool cookie_has(const char *line, const char *attr)
{
	size_t al = strlen(attr);
	for (const char *p = strchr(line, ';'); p; p = strchr(p + 1, ';')) {
		const char *a = p + 1;
		while (*a == ' ')
			a++;
		if (strncasecmp(a, attr, al) == 0 && (a[al] == ';' || a[al] == '\0' || a[al] == '='))
			return true;
	}
	return false;
}

/* POST /login with this CSRF token (sent also as the sw_csrf cookie by
 * hand: curl keeps Secure cookies away from http://) and extra headers. */
static struct http_response *post_login_raw(struct http_client *c, const char *csrf, const char *user,
					    const char *password, const char *const *extra)
{
	char body[700], cookie[256], u[128], p[256], t[200];
	url_encode_to(user, u, sizeof u);
	url_encode_to(password, p, sizeof p);
	url_encode_to(csrf, t, sizeof t);
	snprintf(body, sizeof body, "username=%s&password=%s&csrf=%s", u, p, t);
	snprintf(cookie, sizeof cookie, "Cookie: sw_csrf=%s", csrf);
	const char *headers[12] = { cookie, ACCEPT_EN[0] };
	size_t n = 2;
	for (size_t i = 0; extra && extra[i] && n < 11; i++)
		headers[n++] = extra[i];
	headers[n] = NULL;
	return http_post_form(c, "/login", body, headers);
}

/* GET /login with headers; returns the CSRF token in csrf and the sw_csrf
 * Set-Cookie line in cookie. */
static void get_login(struct http_client *c, const char *const *headers, char *csrf, size_t csrf_n, char *cookie,
		      size_t cookie_n)
{
	struct http_response *r = http_get(c, "/login", headers);
	assert_status(r, 200);
	if (!html_csrf(r->body, csrf, csrf_n))
		fail_msg("GET /login: no CSRF field");
	must_set_cookie(r, "sw_csrf", cookie, cookie_n);
	http_response_free(r);
}

/* Collects the ip of every audit entry with this action whose changes name
 * this user, comma-separated, into out; returns how many there are. */
static size_t audit_ips(json_t *entries, const char *action, const char *user, char *out, size_t n)
{
	size_t i, count = 0;
	json_t *e;
	out[0] = '\0';
	json_array_foreach(entries, i, e) {
		const char *a = json_string_value(json_object_get(e, "action"));
		const char *u = json_string_value(json_object_get(json_object_get(e, "changes"), "user"));
		if (!a || strcmp(a, action) != 0 || !u || strcmp(u, user) != 0)
			continue;
		const char *ip = json_string_value(json_object_get(e, "ip"));
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%s", count ? "," : "", ip ? ip : "(null)");
		count++;
	}
	return count;
}

/* ---- 1. HTTPS ----------------------------------------------------------------------------- */

static void https_serves_healthz_with_hsts(void **state)
{
	(void)state;
	struct server *s = tls_server();
	assert_true(s->tls); /* the listening line says https:// */
	struct http_client *c = http_client_new(s);
	struct http_response *r = http_get(c, "/healthz", NULL);
	assert_status(r, 200); /* R-X-2: verified against cert.pem, CN=localhost */
	char hsts[128];
	if (!http_header(r, "Strict-Transport-Security", hsts, sizeof hsts))
		fail_msg("no Strict-Transport-Security over HTTPS in:\n%s", r->headers);
	assert_true(strncmp(hsts, "max-age=", 8) == 0);            /* R-X-2 */
	assert_true(strtol(hsts + 8, NULL, 10) >= 86400);          /* R-X-2 */
	assert_security_headers(r);
	http_response_free(r);

	/* HTML pages carry it too */
	r = http_get(c, "/login", NULL);
	assert_status(r, 200);
	assert_true(http_header(r, "Strict-Transport-Security", hsts, sizeof hsts)); /* R-X-2 */
	http_response_free(r);
	http_client_free(c);
}

static void https_certificate_is_really_checked(void **state)
{
	(void)state;
	/* Control for the pinning above: without cert.pem as the trust anchor,
	 * curl refuses the self-signed certificate, so the server really
	 * presents it and the other tests really verify it. */
	struct server *s = tls_server();
	CURL *h = curl_easy_init();
	assert_non_null(h);
	char url[128], pin[64];
	snprintf(url, sizeof url, "https://localhost:%d/healthz", s->port);
	snprintf(pin, sizeof pin, "localhost:%d:127.0.0.1", s->port);
	struct curl_slist *resolve = curl_slist_append(NULL, pin);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_RESOLVE, resolve);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	CURLcode rc = curl_easy_perform(h);
	curl_easy_cleanup(h);
	curl_slist_free_all(resolve);
	if (rc != CURLE_PEER_FAILED_VERIFICATION)
		fail_msg("expected curl to reject the self-signed certificate, got: %s", curl_easy_strerror(rc));
}

static void https_csrf_cookie_is_secure(void **state)
{
	(void)state;
	struct server *s = tls_server();
	struct http_client *c = http_client_new(s);
	char csrf[128], cookie[512];
	get_login(c, NULL, csrf, sizeof csrf, cookie, sizeof cookie);
	assert_true(strlen(csrf) >= 32);
	if (!cookie_has(cookie, "Secure"))
		fail_msg("sw_csrf over HTTPS without Secure: %s", cookie); /* R-X-2 */
	assert_true(cookie_has(cookie, "HttpOnly"));                  /* R-X-2 */
	assert_true(cookie_has(cookie, "SameSite=Lax"));              /* R-X-2 */
	char jar[128];
	assert_true(http_cookie(c, "sw_csrf", jar, sizeof jar));
	assert_string_equal(jar, csrf);
	http_client_free(c);
}

static void https_login_sets_a_secure_session(void **state)
{
	(void)state;
	struct server *s = tls_server();
	struct http_client *c = http_client_new(s);
	char csrf[128];
	fetch_csrf(c, "/login", csrf, sizeof csrf);
	char body[700], u[16], p[256], t[200];
	url_encode_to("admin", u, sizeof u);
	url_encode_to(s->password, p, sizeof p);
	url_encode_to(csrf, t, sizeof t);
	snprintf(body, sizeof body, "username=%s&password=%s&csrf=%s", u, p, t);
	struct http_response *r = http_post_form(c, "/login", body, NULL); /* the jar sends sw_csrf */
	assert_status(r, 303);
	char cookie[512];
	must_set_cookie(r, "sw_session", cookie, sizeof cookie);
	if (!cookie_has(cookie, "Secure"))
		fail_msg("sw_session over HTTPS without Secure: %s", cookie); /* R-X-2 */
	assert_true(cookie_has(cookie, "HttpOnly"));                     /* R-X-2 */
	assert_true(cookie_has(cookie, "SameSite=Lax"));                 /* R-X-2 */
	char hsts[128];
	assert_true(http_header(r, "Strict-Transport-Security", hsts, sizeof hsts)); /* R-X-2 */
	http_response_free(r);

	/* the session works over HTTPS */
	r = http_get(c, "/api/v1/me", NULL);
	assert_status(r, 200);
	http_response_free(r);
	http_client_free(c);
}

static void plain_http_on_the_tls_port_gets_no_answer(void **state)
{
	(void)state;
	struct server *s = tls_server();
	static const char req[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
	size_t got = 0;
	char *reply = raw_exchange(s->port, req, sizeof req - 1, false, 3000, &got);
	if (got >= 5 && strncmp(reply, "HTTP/", 5) == 0) {
		fprintf(stderr, "reply:\n%.500s\n", reply);
		fail_msg("the TLS port answered plain HTTP"); /* R-X-2 */
	}
	free(reply);

	/* the same with curl: an error or anything but a 200 */
	struct server as_plain = *s;
	as_plain.tls = false;
	struct http_client *c = http_client_new(&as_plain);
	char error[CURL_ERROR_SIZE];
	struct http_response *r = http_try_request(c, "GET", "/healthz", NULL, NULL, 0, error, sizeof error);
	if (r) {
		long status = r->status;
		http_response_free(r);
		assert_true(status != 200); /* R-X-2 */
	}
	http_client_free(c);

	/* and HTTPS still works afterwards */
	assert_true(server_alive(s));
	c = http_client_new(s);
	r = http_get(c, "/healthz", NULL);
	assert_status(r, 200); /* R-X-2 */
	http_response_free(r);
	http_client_free(c);
}

/* ---- 2. TLS options that do not fit --------------------------------------------------------- */

static void run_serve(struct cmd_result *res, const char *cert, const char *key)
{
	const char *args[12] = { "serve", "--data", plain.data, "--listen", "127.0.0.1:0", "--allow-root" };
	size_t n = 6;
	if (cert) {
		args[n++] = "--tls-cert";
		args[n++] = cert;
	}
	if (key) {
		args[n++] = "--tls-key";
		args[n++] = key;
	}
	args[n] = NULL;
	cmd_run(res, args, NULL, NULL);
}

static void tls_options_come_in_pairs(void **state)
{
	(void)state;
	ensure_certificate();
	struct cmd_result res;
	run_serve(&res, cert_path, NULL);
	if (res.status != 1)
		fail_msg("serve --tls-cert without --tls-key exited %d:\n%s%s", res.status, res.out, res.err);
	assert_contains(res.err, "--tls-key");        /* R-X-2 */
	assert_not_contains(res.out, "listening on"); /* R-X-2 */
	cmd_result_free(&res);

	run_serve(&res, NULL, key_path);
	if (res.status != 1)
		fail_msg("serve --tls-key without --tls-cert exited %d:\n%s%s", res.status, res.out, res.err);
	assert_contains(res.err, "--tls-cert"); /* R-X-2 */
	assert_not_contains(res.out, "listening on");
	cmd_result_free(&res);
}

static void missing_tls_file_is_named(void **state)
{
	(void)state;
	ensure_certificate();
	char missing_cert[400], missing_key[400];
	snprintf(missing_cert, sizeof missing_cert, "%s/no-such-cert.pem", tmp);
	snprintf(missing_key, sizeof missing_key, "%s/no-such-key.pem", tmp);
	struct cmd_result res;
	run_serve(&res, missing_cert, key_path);
	if (res.status != 1)
		fail_msg("serve with a missing --tls-cert file exited %d:\n%s%s", res.status, res.out, res.err);
	assert_contains(res.err, missing_cert);       /* R-X-2 */
	assert_not_contains(res.out, "listening on"); /* R-X-2 */
	cmd_result_free(&res);

	run_serve(&res, cert_path, missing_key);
	if (res.status != 1)
		fail_msg("serve with a missing --tls-key file exited %d:\n%s%s", res.status, res.out, res.err);
	assert_contains(res.err, missing_key); /* R-X-2 */
	assert_not_contains(res.out, "listening on");
	cmd_result_free(&res);
}

/* ---- 3. --behind-proxy --------------------------------------------------------------------- */

static void forwarded_proto_https_makes_cookies_secure(void **state)
{
	(void)state;
	const char *const https[] = { "X-Forwarded-Proto: https", NULL };
	const char *const http[] = { "X-Forwarded-Proto: http", NULL };
	struct http_client *c = http_client_new(&proxied);
	char csrf[128], cookie[512];

	get_login(c, https, csrf, sizeof csrf, cookie, sizeof cookie);
	if (!cookie_has(cookie, "Secure"))
		fail_msg("X-Forwarded-Proto: https, yet sw_csrf has no Secure: %s", cookie); /* R-X-2 */
	struct http_response *r = post_login_raw(c, csrf, "brandt", proxied.password, https);
	assert_status(r, 303);
	must_set_cookie(r, "sw_session", cookie, sizeof cookie);
	assert_true(cookie_has(cookie, "Secure"));   /* R-X-2 */
	assert_true(cookie_has(cookie, "HttpOnly")); /* R-X-2 */
	assert_true(cookie_has(cookie, "SameSite=Lax"));
	http_response_free(r);

	/* without the header (or with http) the proxy spoke plain HTTP: no Secure */
	http_client_free(c);
	c = http_client_new(&proxied);
	get_login(c, NULL, csrf, sizeof csrf, cookie, sizeof cookie);
	if (cookie_has(cookie, "Secure"))
		fail_msg("no X-Forwarded-Proto, yet sw_csrf has Secure: %s", cookie); /* R-X-2 */
	r = post_login_raw(c, csrf, "brandt", proxied.password, NULL);
	assert_status(r, 303);
	must_set_cookie(r, "sw_session", cookie, sizeof cookie);
	assert_false(cookie_has(cookie, "Secure")); /* R-X-2 */
	http_response_free(r);

	http_client_free(c);

	c = http_client_new(&proxied); /* not logged in: /login shows the form */
	get_login(c, http, csrf, sizeof csrf, cookie, sizeof cookie);
	assert_false(cookie_has(cookie, "Secure")); /* R-X-2 */
	http_client_free(c);
}

static void behind_proxy_audits_the_last_forwarded_address(void **state)
{
	(void)state;
	const char *const xff[] = { "X-Forwarded-For: 203.0.113.7, 198.51.100.9", NULL };
	/* three hops: the last entry, not everything after the first comma */
	const char *const xff3[] = { "X-Forwarded-For: 192.0.2.1, 203.0.113.7,198.51.100.10", NULL };
	struct http_client *c = http_client_new(&proxied);
	char csrf[128], cookie[512];
	get_login(c, xff, csrf, sizeof csrf, cookie, sizeof cookie);
	struct http_response *r = post_login_raw(c, csrf, "weber", "definitely-not-the-password", xff);
	assert_status(r, 401);
	http_response_free(r);
	r = post_login_raw(c, csrf, "no-such-user-xff", "definitely-not-the-password", xff3);
	assert_status(r, 401);
	http_response_free(r);
	http_client_free(c);

	json_t *entries = audit_entries(&proxied);
	char ips[256];
	size_t n = audit_ips(entries, "login_failed", "weber", ips, sizeof ips);
	char ips3[256];
	size_t n3 = audit_ips(entries, "login_failed", "no-such-user-xff", ips3, sizeof ips3);
	json_decref(entries);
	if (n != 1)
		fail_msg("expected one login_failed entry for weber, found %zu (ips: %s)", n, ips);
	/* R-X-4: the address the proxy appended, not the one the client claimed */
	assert_string_equal(ips, "198.51.100.9"); /* R-X-2 */
	if (n3 != 1)
		fail_msg("expected one login_failed entry for no-such-user-xff, found %zu (ips: %s)", n3, ips3);
	assert_string_equal(ips3, "198.51.100.10"); /* R-X-2 */
}

static void without_proxy_forwarded_headers_are_ignored(void **state)
{
	(void)state;
	const char *const forged[] = { "X-Forwarded-For: 203.0.113.7, 198.51.100.9", "X-Forwarded-Proto: https",
				       NULL };
	struct http_client *c = http_client_new(&plain);
	char csrf[128], cookie[512];
	get_login(c, forged, csrf, sizeof csrf, cookie, sizeof cookie);
	if (cookie_has(cookie, "Secure"))
		fail_msg("a forged X-Forwarded-Proto made sw_csrf Secure: %s", cookie); /* R-X-2 */
	struct http_response *r = post_login_raw(c, csrf, "weber", "definitely-not-the-password", forged);
	assert_status(r, 401);
	char hsts[128];
	assert_false(http_header(r, "Strict-Transport-Security", hsts, sizeof hsts)); /* R-X-2: plain HTTP */
	http_response_free(r);
	http_client_free(c);

	json_t *entries = audit_entries(&plain);
	char ips[256];
	size_t n = audit_ips(entries, "login_failed", "weber", ips, sizeof ips);
	json_decref(entries);
	if (n != 1)
		fail_msg("expected one login_failed entry for weber, found %zu (ips: %s)", n, ips);
	assert_string_equal(ips, "127.0.0.1"); /* R-X-2, R-X-4: the peer, not the header */
}

/* ---- 4. root ------------------------------------------------------------------------------------ */

static void root_needs_user_or_allow_root(void **state)
{
	(void)state;
	if (geteuid() != 0) {
		print_message("note: not running as root (euid %u): the refusal to run as root is not checked here; "
			      "CI runs as root\n", (unsigned)geteuid());
		skip();
	}
	const char *const args[] = { "serve", "--data", plain.data, "--listen", "127.0.0.1:0", NULL };
	const char *const unset[] = { "-STELLWERK_ALLOW_ROOT", NULL };
	struct cmd_result res;
	cmd_run(&res, args, unset, NULL);
	if (res.status != 1)
		fail_msg("serve as root without --user/--allow-root exited %d:\n%s%s", res.status, res.out, res.err);
	assert_contains(res.err, "--user");           /* R-X-2 */
	assert_not_contains(res.out, "listening on"); /* R-X-2 */
	cmd_result_free(&res);

	/* only STELLWERK_ALLOW_ROOT=1 would allow it */
	const char *const zero[] = { "STELLWERK_ALLOW_ROOT=0", NULL };
	cmd_run(&res, args, zero, NULL);
	if (res.status != 1)
		fail_msg("serve as root with STELLWERK_ALLOW_ROOT=0 exited %d:\n%s%s", res.status, res.out, res.err);
	assert_contains(res.err, "--user"); /* R-X-2 */
	cmd_result_free(&res);

	/* TLS options do not get past the refusal either */
	ensure_certificate();
	const char *const with_tls[] = { "serve", "--data", plain.data, "--listen", "127.0.0.1:0", "--tls-cert",
					 cert_path, "--tls-key", key_path, NULL };
	cmd_run(&res, with_tls, unset, NULL);
	assert_int_equal(res.status, 1);    /* R-X-2 */
	assert_contains(res.err, "--user"); /* R-X-2 */
	cmd_result_free(&res);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(https_serves_healthz_with_hsts),
		cmocka_unit_test(https_certificate_is_really_checked),
		cmocka_unit_test(https_csrf_cookie_is_secure),
		cmocka_unit_test(https_login_sets_a_secure_session),
		cmocka_unit_test(plain_http_on_the_tls_port_gets_no_answer),
		cmocka_unit_test(tls_options_come_in_pairs),
		cmocka_unit_test(missing_tls_file_is_named),
		cmocka_unit_test(forwarded_proto_https_makes_cookies_secure),
		cmocka_unit_test(behind_proxy_audits_the_last_forwarded_address),
		cmocka_unit_test(without_proxy_forwarded_headers_are_ignored),
		cmocka_unit_test(root_needs_user_or_allow_root),
	};
	int failed = cmocka_run_group_tests_name("web/transport", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
