/*
 * log.h — one-line log messages to stderr with an ISO timestamp and level.
 * Each message is written with a single write so lines from worker threads
 * never interleave.
 */
#ifndef STELLWERK_UTIL_LOG_H
#define STELLWERK_UTIL_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_set_quiet(int quiet); /* suppresses info lines (warnings and errors still print) */

#endif
