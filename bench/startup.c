/*
 * startup.c — measures how long `stellwerk serve` takes from exec until it
 * answers GET /healthz with 200. bench/run compiles and runs it.
 *
 * It forks, starts the clock, execs the server with its stdout on a pipe,
 * reads the "stellwerk listening on http://HOST:PORT/" line to learn the
 * port, then sends GET /healthz over a fresh TCP connection every 0.2 ms
 * until one answers "HTTP/1.1 200". It prints "MS PID PORT" on stdout and
 * leaves the server running, so the caller can read its RSS and load it.
 *
 * usage: startup TIMEOUT_MS STELLWERK_BINARY ARGS...
 * exit:  0 ok, 1 the server died or did not answer in time
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* One GET /healthz on a new connection; true on a 200 answer. */
static int healthz_ok(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int ok = 0;
	if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
		static const char req[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
		if (write(fd, req, sizeof req - 1) == (ssize_t)(sizeof req - 1)) {
			char buf[64];
			struct pollfd p = { .fd = fd, .events = POLLIN };
			if (poll(&p, 1, 1000) == 1) {
				ssize_t n = read(fd, buf, sizeof buf - 1);
				ok = n >= 12 && strncmp(buf, "HTTP/1.1 200", 12) == 0;
			}
		}
	}
	close(fd);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: startup TIMEOUT_MS STELLWERK_BINARY ARGS...\n");
		return 2;
	}
	double timeout = atof(argv[1]);
	int out[2];
	if (pipe2(out, O_CLOEXEC) != 0) {
		perror("startup: pipe");
		return 1;
	}
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("startup: fork");
		return 1;
	}
	if (pid == 0) {
		dup2(out[1], STDOUT_FILENO);
		execv(argv[2], argv + 2);
		perror("startup: exec");
		_exit(127);
	}
	close(out[1]);

	/* The port: from the "listening on" line, read as it arrives. */
	char line[512];
	size_t len = 0;
	int port = 0;
	while (!port && now_ms() - t0 < timeout) {
		struct pollfd p = { .fd = out[0], .events = POLLIN };
		if (poll(&p, 1, 10) != 1)
			continue;
		ssize_t n = read(out[0], line + len, sizeof line - 1 - len);
		if (n <= 0)
			break; /* stdout closed: the server exited */
		len += (size_t)n;
		line[len] = '\0';
		const char *at = strstr(line, "listening on http://");
		const char *colon = at ? strchr(at + strlen("listening on http://"), ':') : NULL;
		if (colon && strchr(colon, '/'))
			port = atoi(colon + 1);
		if (len == sizeof line - 1)
			break;
	}
	if (!port) {
		fprintf(stderr, "startup: no 'listening on' line from the server%s\n",
			now_ms() - t0 >= timeout ? " (timeout)" : "");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return 1;
	}
	for (;;) {
		if (healthz_ok(port))
			break;
		if (waitpid(pid, NULL, WNOHANG) == pid) {
			fprintf(stderr, "startup: the server exited before answering /healthz\n");
			return 1;
		}
		if (now_ms() - t0 > timeout) {
			fprintf(stderr, "startup: no answer from /healthz within %.0f ms\n", timeout);
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
			return 1;
		}
		struct timespec tick = { 0, 200 * 1000 };
		nanosleep(&tick, NULL);
	}
	double ms = now_ms() - t0;
	/* With --quiet the server writes nothing more to stdout; it ignores
	 * SIGPIPE, so the pipe closing with us does it no harm. */
	printf("%.1f %d %d\n", ms, (int)pid, port);
	return 0;
}
