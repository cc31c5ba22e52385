/*
 * extract.h — text extraction from uploaded PDF and DOCX files, sandboxed.
 *
 * The parsing libraries run in a forked child process under CPU-time, memory,
 * file-size and descriptor limits and a wall-clock deadline, so a hostile file
 * can slow down or kill only that child, never the server. Every outcome is a
 * value the caller can show on the candidate; none is fatal.
 */
#ifndef STELLWERK_UTIL_EXTRACT_H
#define STELLWERK_UTIL_EXTRACT_H

#include <stddef.h>

enum extract_result {
	EXTRACT_OK,          /* *text_out holds the text */
	EXTRACT_UNSUPPORTED, /* neither PDF nor DOCX by content */
	EXTRACT_FAILED,      /* damaged file, parser error, child crashed or ran out of memory */
	EXTRACT_TIMEOUT,     /* CPU-time limit or wall-clock deadline hit */
	EXTRACT_TOO_BIG,     /* text longer than max_text_bytes, or a ZIP entry over 50 MB */
};

/* Test hooks that make the child misbehave on purpose (tests only). */
enum extract_test_hook { EXTRACT_HOOK_NONE, EXTRACT_HOOK_SPIN, EXTRACT_HOOK_SLEEP };

struct extract_limits {
	unsigned cpu_seconds;     /* RLIMIT_CPU of the child */
	size_t memory_bytes;      /* address space the child may add to what it inherits (not under ASan) */
	size_t max_text_bytes;    /* longer text is EXTRACT_TOO_BIG */
	unsigned wall_seconds;    /* the child is killed after this long */
	enum extract_test_hook test_hook;
};

#define EXTRACT_LIMITS_DEFAULT { 5, (size_t)256 << 20, (size_t)2 << 20, 10, EXTRACT_HOOK_NONE }

/*
 * Extract the plain text of the PDF or DOCX in DATA[0..LEN) as UTF-8, pages and
 * paragraphs separated by newlines. LIM may be NULL for the defaults. On
 * EXTRACT_OK *TEXT_OUT is a NUL-terminated malloc'd string the caller frees;
 * otherwise it is NULL and ERR (if not NULL) holds a one-line English reason
 * for logs. Safe to call from several threads at once (see extract.c for the
 * one caveat of forking a threaded process).
 */
enum extract_result extract_text(const unsigned char *data, size_t len, const struct extract_limits *lim,
				 char **text_out, char *err, size_t errlen);

const char *extract_result_name(enum extract_result r); /* static string, e.g. "timeout" */

#endif
