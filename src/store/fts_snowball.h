/*
 * fts_snowball.h — the FTS5 tokenizer "snowball" (private to src/store/):
 * unicode61 splits the text into words, each word is indexed with its German
 * Snowball stem and, where different, its English stem at the same position,
 * so "Vertriebserfolge" is found by "Vertriebserfolg" and "negotiations" by
 * "negotiation" (R-CAND-3). Queries run through the same tokenizer.
 *
 *	CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'snowball');
 */
#ifndef STELLWERK_STORE_FTS_SNOWBALL_H
#define STELLWERK_STORE_FTS_SNOWBALL_H

#include <sqlite3.h>
#include <stdbool.h>

/* Registers the tokenizer on this connection; false when FTS5 is missing. */
bool fts_snowball_register(sqlite3 *db);

#endif
