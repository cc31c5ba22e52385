/*
 * extract.c — text extraction for search, in a resource-limited child process.
 *
 * Tools and libraries: PDF through poppler's pdftotext (poppler-utils), exec'd
 * inside the box; DOCX through libzip and libxml2 in the forked child. MuPDF was
 * tried first: Debian ships it only as a static library that drags in its
 * embedded fonts and CMaps (about 42 MB more binary). Linking poppler-glib
 * instead mapped GLib and cairo into every server process and more than
 * doubled its idle memory (8 → 19.5 MB); running pdftotext keeps poppler (and
 * Debian's security updates of it) without that cost.
 *
 * Sandbox: extract_text() forks; the child drops to a minimal environment
 * (stdin/stderr to /dev/null, every other inherited descriptor closed, signals
 * unblocked, dies with its parent) and sets RLIMIT_CPU, RLIMIT_AS (memory_bytes
 * on top of the address space inherited from the server; not under ASan,
 * whose shadow memory needs terabytes of address space), RLIMIT_FSIZE 0,
 * RLIMIT_NOFILE 16 and RLIMIT_CORE 0 before it touches the file. It parses the
 * copy of the buffer it inherited and writes one frame to a pipe:
 *
 *     result byte ('0' + enum extract_result) | reason text | NUL | UTF-8 text
 *
 * then exits with status 0 (EXTRACT_OK) or 10 + result. The parent reads the
 * pipe with poll() until EOF, the wall-clock deadline or the size cap, kills
 * the child with SIGKILL when needed and always reaps it. SIGXCPU, or a SIGKILL
 * the parent did not send (the hard CPU limit), is a timeout; any other signal
 * or an incomplete frame is a failure (out of memory shows up this way).
 *
 * Caveat of fork without exec: POSIX allows only async-signal-safe calls in
 * the child of a multi-threaded process, and the parsers malloc. glibc's
 * atfork handlers reset the malloc arenas' locks, so malloc works in practice;
 * a lock held by another thread in a different library (GLib's type system,
 * if some server thread uses GLib) could still deadlock the child, which the
 * wall-clock deadline then kills: the result is EXTRACT_TIMEOUT, never a hung
 * server. Re-executing the binary as a hidden `stellwerk __extract` command
 * would remove the caveat; the frame protocol above is already what such a
 * command would write to its stdout. The server must not set SIGCHLD to
 * SIG_IGN (children would then not be waitable; the frame still decides).
 *
 * DOCX: word/document.xml is read from the archive with its declared and its
 * actual uncompressed size capped at 50 MB (zip bombs), parsed by libxml2
 * without network access, entity substitution, DTD loading or huge-tree mode,
 * and any document with a DTD is refused (Word never writes one; it is the
 * vehicle of entity-expansion attacks). Text is taken from w:t elements only,
 * one line per w:p, tabs and breaks kept. PDF: the text of the first 50 pages.
 */
#include "util/extract.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "util/buf.h"
#include "util/sniff.h"

#define REASON_MAX 200
#define DOCX_MAX_XML_BYTES ((zip_uint64_t)50 << 20)
#define PDF_MAX_PAGES 50
#define PDFTOTEXT_PATH "/usr/bin/pdftotext"
#define CHILD_MAX_FILES 16

#if defined(__SANITIZE_ADDRESS__)
#define EXTRACT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EXTRACT_UNDER_ASAN 1
#endif
#endif

static const char *const W_NAMESPACES[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main", /* strict OOXML */
};

const char *extract_result_name(enum extract_result r)
{
	switch (r) {
	case EXTRACT_OK:
		return "ok";
	case EXTRACT_UNSUPPORTED:
		return "unsupported";
	case EXTRACT_FAILED:
		return "failed";
	case EXTRACT_TIMEOUT:
		return "timeout";
	case EXTRACT_TOO_BIG:
		return "too big";
	}
	return "unknown";
}

static void set_reason(char *reason, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set_reason(char *reason, size_t len, const char *fmt, ...)
{
	if (!reason || len == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, len, fmt, ap);
	va_end(ap);
}

/* ---- child side: DOCX ------------------------------------------------------ */

/* Reads word/document.xml into XML, refusing more than DOCX_MAX_XML_BYTES. */
static enum extract_result docx_read_document_xml(const unsigned char *data, size_t len, struct buf *xml,
						  char *reason)
{
	enum extract_result res = EXTRACT_FAILED;
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_t *za = NULL;
	zip_file_t *zf = NULL;
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
	if (!src) {
		set_reason(reason, REASON_MAX, "zip: %s", zip_error_strerror(&zerr));
		goto cleanup;
	}
	za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (!za) {
		zip_source_free(src);
		set_reason(reason, REASON_MAX, "not a readable ZIP archive: %s", zip_error_strerror(&zerr));
		goto cleanup;
	}
	zip_int64_t idx = zip_name_locate(za, "word/document.xml", 0);
	zip_stat_t st;
	if (idx < 0 || zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0) {
		set_reason(reason, REASON_MAX, "word/document.xml missing");
		goto cleanup;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > DOCX_MAX_XML_BYTES) {
		set_reason(reason, REASON_MAX, "word/document.xml declares %llu bytes uncompressed (limit 50 MB)",
			   (unsigned long long)st.size);
		res = EXTRACT_TOO_BIG;
		goto cleanup;
	}
	zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
	if (!zf) {
		set_reason(reason, REASON_MAX, "word/document.xml: %s", zip_strerror(za));
		goto cleanup;
	}
	char chunk[64 * 1024];
	for (;;) {
		zip_int64_t n = zip_fread(zf, chunk, sizeof chunk);
		if (n < 0) {
			set_reason(reason, REASON_MAX, "word/document.xml: %s", zip_file_strerror(zf));
			goto cleanup;
		}
		if (n == 0)
			break;
		if (xml->len + (size_t)n > DOCX_MAX_XML_BYTES) {
			set_reason(reason, REASON_MAX, "word/document.xml inflates beyond 50 MB");
			res = EXTRACT_TOO_BIG;
			goto cleanup;
		}
		buf_append(xml, chunk, (size_t)n);
	}
	res = EXTRACT_OK;
cleanup:
	if (zf)
		zip_fclose(zf);
	if (za)
		zip_discard(za);
	return res;
}

static int is_word_element(const xmlNode *n, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || !n->ns || !n->ns->href || strcmp((const char *)n->name, name) != 0)
		return 0;
	for (size_t i = 0; i < sizeof W_NAMESPACES / sizeof W_NAMESPACES[0]; i++)
		if (strcmp((const char *)n->ns->href, W_NAMESPACES[i]) == 0)
			return 1;
	return 0;
}

/*
 * Appends the text of w:t elements under the siblings from NODE on to OUT.
 * Only literal text and CDATA nodes count: entity references are never
 * followed. Recursion depth is bounded by libxml2's nesting limit (256).
 */
static void docx_collect_text(const xmlNode *node, struct buf *out)
{
	for (const xmlNode *n = node; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_word_element(n, "t")) {
			for (const xmlNode *c = n->children; c; c = c->next)
				if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
					buf_puts(out, (const char *)c->content);
		} else if (is_word_element(n, "tab")) {
			buf_putc(out, '\t');
		} else if (is_word_element(n, "br") || is_word_element(n, "cr")) {
			buf_putc(out, '\n');
		} else {
			docx_collect_text(n->children, out);
			if (is_word_element(n, "p"))
				buf_putc(out, '\n');
		}
	}
}

static enum extract_result docx_extract(const unsigned char *data, size_t len, struct buf *text, char *reason)
{
	struct buf xml = BUF_INIT;
	xmlDocPtr doc = NULL;
	enum extract_result res = docx_read_document_xml(data, len, &xml, reason);
	if (res != EXTRACT_OK)
		goto cleanup;
	res = EXTRACT_FAILED;
	/* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or XML_PARSE_HUGE. */
	doc = xmlReadMemory(xml.data, (int)xml.len, "document.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc) {
		set_reason(reason, REASON_MAX, "word/document.xml is not well-formed XML");
		goto cleanup;
	}
	if (doc->intSubset || doc->extSubset) {
		set_reason(reason, REASON_MAX, "word/document.xml declares a DTD; refused");
		goto cleanup;
	}
	docx_collect_text(xmlDocGetRootElement(doc), text);
	res = EXTRACT_OK;
cleanup:
	if (doc)
		xmlFreeDoc(doc);
	buf_free(&xml);
	return res;
}

/* ---- child process ---------------------------------------------------------- */

static int write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * PDF through poppler's own pdftotext (Debian package poppler-utils), run in
 * the box: the server process never maps poppler, cairo or GLib (they would
 * more than double its idle memory). A feeder process writes the document to
 * pdftotext's standard input; the frame header ("OK", no reason) goes out
 * first and the text follows straight from pdftotext, whose exit status tells
 * the parent whether it worked (non-zero → EXTRACT_FAILED).
 */
static void pdf_exec(const unsigned char *data, size_t len) __attribute__((noreturn));
static void pdf_exec(const unsigned char *data, size_t len)
{
	int in[2];
	if (pipe(in) != 0)
		_exit(10 + EXTRACT_FAILED);
	pid_t feeder = fork();
	if (feeder < 0)
		_exit(10 + EXTRACT_FAILED);
	if (feeder == 0) {
		close(in[0]);
		_exit(write_all(in[1], data, len) == 0 ? 0 : 1);
	}
	close(in[1]);
	if (dup2(in[0], 0) < 0)
		_exit(10 + EXTRACT_FAILED);
	close(in[0]);
	static const char header[2] = { '0' + EXTRACT_OK, '\0' };
	if (write_all(1, header, sizeof header) != 0)
		_exit(10 + EXTRACT_FAILED);
	char pages[16];
	snprintf(pages, sizeof pages, "%d", PDF_MAX_PAGES);
	execl(PDFTOTEXT_PATH, "pdftotext", "-q", "-enc", "UTF-8", "-l", pages, "-", "-", (char *)NULL);
	_exit(10 + EXTRACT_FAILED);
}

#ifndef EXTRACT_UNDER_ASAN
/*
 * The address space the child inherited (libraries, heap, the stacks of the
 * server's other threads), from /proc/self/statm; 0 when unknown. The memory
 * limit is headroom on top of it, or a server with many threads could not
 * extract anything at all.
 */
static size_t inherited_address_space(void)
{
	int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	char text[128];
	ssize_t n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	unsigned long long pages = strtoull(text, NULL, 10);
	long page_size = sysconf(_SC_PAGESIZE);
	return page_size > 0 ? (size_t)pages * (size_t)page_size : 0;
}
#endif

/*
 * Puts the child into its box: OUT_FD becomes stdout, stdin and stderr go to
 * /dev/null, every other descriptor is closed, limits are set. Returns 0, or
 * -1 when the box cannot be built (the child must then not parse anything).
 */
static int child_sandbox(int out_fd, pid_t parent, const struct extract_limits *lim)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGXCPU, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
		return -1;
	int high = fcntl(out_fd, F_DUPFD, 10);
	int devnull = open("/dev/null", O_RDWR);
	if (high < 0 || devnull < 0)
		return -1;
	if (dup2(devnull, 0) < 0 || dup2(high, 1) < 0 || dup2(devnull, 2) < 0)
		return -1;
	if (close_range(3, ~0U, 0) != 0) {
		long max = sysconf(_SC_OPEN_MAX);
		for (long fd = 3; fd < (max > 0 ? max : 1024); fd++)
			close((int)fd);
	}
	struct rlimit cpu = { lim->cpu_seconds, lim->cpu_seconds + 1 };
	struct rlimit zero = { 0, 0 };
	struct rlimit files = { CHILD_MAX_FILES, CHILD_MAX_FILES };
	if (setrlimit(RLIMIT_CPU, &cpu) != 0 || setrlimit(RLIMIT_FSIZE, &zero) != 0 ||
	    setrlimit(RLIMIT_CORE, &zero) != 0 || setrlimit(RLIMIT_NOFILE, &files) != 0)
		return -1;
#ifndef EXTRACT_UNDER_ASAN
	size_t inherited = inherited_address_space();
	if (inherited == 0)
		return -1;
	struct rlimit mem = { inherited + lim->memory_bytes, inherited + lim->memory_bytes };
	if (setrlimit(RLIMIT_AS, &mem) != 0)
		return -1;
#endif
	return 0;
}

/* The forked child: box, parse, write the frame to stdout, exit. */
static void child_run(const unsigned char *data, size_t len, enum doc_type type, const struct extract_limits *lim,
		      int out_fd, pid_t parent) __attribute__((noreturn));
static void child_run(const unsigned char *data, size_t len, enum doc_type type, const struct extract_limits *lim,
		      int out_fd, pid_t parent)
{
	if (child_sandbox(out_fd, parent, lim) != 0)
		_exit(10 + EXTRACT_FAILED);
	if (lim->test_hook == EXTRACT_HOOK_SPIN) {
		for (volatile unsigned long spin = 0;; spin++)
			;
	}
	if (lim->test_hook == EXTRACT_HOOK_SLEEP) {
		for (;;)
			pause();
	}
	if (type == DOC_PDF)
		pdf_exec(data, len);
	char reason[REASON_MAX] = "";
	struct buf text = BUF_INIT;
	enum extract_result res = docx_extract(data, len, &text, reason);
	if (res == EXTRACT_OK && text.len > lim->max_text_bytes) {
		set_reason(reason, sizeof reason, "text longer than %zu bytes", lim->max_text_bytes);
		res = EXTRACT_TOO_BIG;
	}
	char code = (char)('0' + res);
	if (write_all(1, &code, 1) != 0 || write_all(1, reason, strlen(reason) + 1) != 0 ||
	    (res == EXTRACT_OK && write_all(1, text.data, text.len) != 0))
		_exit(10 + EXTRACT_FAILED);
	_exit(res == EXTRACT_OK ? 0 : 10 + res);
}

/* ---- parent side ------------------------------------------------------------ */

static long long monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Waits for PID until DEADLINE_MS, then kills it and waits for good.
 * Returns 0 with *STATUS set, or -1 when the child cannot be waited for.
 */
static int reap_child(pid_t pid, int *status, long long deadline_ms)
{
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (monotonic_ms() >= deadline_ms)
			break;
		struct timespec pause_ts = { 0, 2 * 1000 * 1000 };
		nanosleep(&pause_ts, NULL);
	}
	kill(pid, SIGKILL);
	for (;;) {
		pid_t r = waitpid(pid, status, 0);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

enum read_state { READ_EOF, READ_TIMEOUT, READ_OVERFLOW, READ_ERROR };

/* Reads the child's frame into FRAME until EOF, DEADLINE_MS or CAP bytes. */
static enum read_state read_frame(int fd, struct buf *frame, size_t cap, long long deadline_ms)
{
	char chunk[64 * 1024];
	for (;;) {
		long long left = deadline_ms - monotonic_ms();
		if (left <= 0)
			return READ_TIMEOUT;
		struct pollfd p = { fd, POLLIN, 0 };
		int r = poll(&p, 1, left > INT32_MAX ? INT32_MAX : (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return READ_ERROR;
		if (r == 0)
			continue;
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			return READ_ERROR;
		if (n == 0)
			return READ_EOF;
		if ((size_t)n > cap - frame->len)
			return READ_OVERFLOW;
		buf_append(frame, chunk, (size_t)n);
	}
}

/* Turns a complete frame from an exited child into the result. */
static enum extract_result frame_decode(struct buf *frame, size_t max_text, char **text_out, char *err,
					size_t errlen)
{
	const char *nul = frame->len > 1 ? memchr(frame->data + 1, '\0', frame->len - 1) : NULL;
	int code = frame->len > 0 ? frame->data[0] - '0' : -1;
	if (!nul || code < EXTRACT_OK || code > EXTRACT_TOO_BIG) {
		set_reason(err, errlen, "parser exited without a result");
		return EXTRACT_FAILED;
	}
	set_reason(err, errlen, "%s", frame->data + 1);
	if (code != EXTRACT_OK)
		return (enum extract_result)code;
	size_t start = (size_t)(nul - frame->data) + 1;
	size_t n = frame->len - start;
	if (n > max_text) {
		set_reason(err, errlen, "text longer than %zu bytes", max_text);
		return EXTRACT_TOO_BIG;
	}
	char *text = buf_detach(frame);
	memmove(text, text + start, n);
	text[n] = '\0';
	*text_out = text;
	return EXTRACT_OK;
}

enum extract_result extract_text(const unsigned char *data, size_t len, const struct extract_limits *lim,
				 char **text_out, char *err, size_t errlen)
{
	static const struct extract_limits defaults = EXTRACT_LIMITS_DEFAULT;
	if (!lim)
		lim = &defaults;
	*text_out = NULL;
	set_reason(err, errlen, "%s", "");
	enum doc_type type = doc_sniff(data, len);
	if (type == DOC_UNKNOWN) {
		set_reason(err, errlen, "neither PDF nor DOCX");
		return EXTRACT_UNSUPPORTED;
	}

	int fds[2];
	if (pipe2(fds, O_CLOEXEC) != 0) {
		set_reason(err, errlen, "pipe: %s", strerror(errno));
		return EXTRACT_FAILED;
	}
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		set_reason(err, errlen, "fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return EXTRACT_FAILED;
	}
	if (pid == 0)
		child_run(data, len, type, lim, fds[1], parent);
	close(fds[1]);

	long long deadline = monotonic_ms() + (long long)lim->wall_seconds * 1000;
	struct buf frame = BUF_INIT;
	size_t cap = 1 + REASON_MAX + lim->max_text_bytes + 1;
	enum read_state state = read_frame(fds[0], &frame, cap, deadline);
	close(fds[0]);
	if (state != READ_EOF)
		kill(pid, SIGKILL);
	int status = 0;
	int reaped = reap_child(pid, &status, deadline) == 0;

	enum extract_result res = EXTRACT_FAILED;
	if (state == READ_TIMEOUT) {
		set_reason(err, errlen, "no result within %u s", lim->wall_seconds);
		res = EXTRACT_TIMEOUT;
	} else if (state == READ_OVERFLOW) {
		set_reason(err, errlen, "text longer than %zu bytes", lim->max_text_bytes);
		res = EXTRACT_TOO_BIG;
	} else if (state == READ_ERROR) {
		set_reason(err, errlen, "reading from the parser failed");
	} else if (reaped && WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		if (sig == SIGXCPU || sig == SIGKILL) {
			set_reason(err, errlen, "CPU-time limit of %u s exceeded", lim->cpu_seconds);
			res = EXTRACT_TIMEOUT;
		} else {
			set_reason(err, errlen, "parser crashed or ran out of memory (signal %d)", sig);
		}
	} else {
		res = frame_decode(&frame, lim->max_text_bytes, text_out, err, errlen);
		if (res == EXTRACT_OK && reaped && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
			free(*text_out);
			*text_out = NULL;
			set_reason(err, errlen, "parser exited with status %d", WEXITSTATUS(status));
			res = EXTRACT_FAILED;
		}
	}
	buf_free(&frame);
	return res;
}
