/*
 * fts_snowball.c — a stemming FTS5 tokenizer built on unicode61 and
 * libstemmer; see fts_snowball.h. Each tokenizer instance owns its two
 * stemmers; SQLite creates one instance per table and connection, and a
 * connection is used by one thread at a time, so no locking is needed.
 */
#include "store/fts_snowball.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct snowball {
	fts5_tokenizer parent;          /* unicode61 */
	Fts5Tokenizer *parent_instance;
	struct sb_stemmer *german;
	struct sb_stemmer *english;
};

struct token_ctx {
	struct snowball *tok;
	void *ctx;
	int (*emit)(void *ctx, int tflags, const char *token, int ntoken, int start, int end);
};

/* The FTS5 api of a connection (the documented "SELECT fts5(?1)" handshake). */
static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

static void snowball_delete(Fts5Tokenizer *t)
{
	struct snowball *s = (struct snowball *)t;
	if (!s)
		return;
	if (s->parent_instance)
		s->parent.xDelete(s->parent_instance);
	if (s->german)
		sb_stemmer_delete(s->german);
	if (s->english)
		sb_stemmer_delete(s->english);
	free(s);
}

static int snowball_create(void *api_ptr, const char **args, int nargs, Fts5Tokenizer **out)
{
	(void)args, (void)nargs;
	fts5_api *api = api_ptr;
	struct snowball *s = xcalloc(1, sizeof *s);
	void *user = NULL;
	static const char *parent_args[] = { "remove_diacritics", "0" };
	int rc = api->xFindTokenizer(api, "unicode61", &user, &s->parent);
	if (rc == SQLITE_OK)
		rc = s->parent.xCreate(user, parent_args, 2, &s->parent_instance);
	if (rc == SQLITE_OK) {
		s->german = sb_stemmer_new("german", "UTF_8");
		s->english = sb_stemmer_new("english", "UTF_8");
		if (!s->german || !s->english)
			rc = SQLITE_NOMEM;
	}
	if (rc != SQLITE_OK) {
		snowball_delete((Fts5Tokenizer *)s);
		return rc;
	}
	*out = (Fts5Tokenizer *)s;
	return SQLITE_OK;
}

/* Called by unicode61 for every (lowercased) word: emits the German stem and
 * the English stem as a colocated token when it differs. */
static int stem_token(void *ctx_ptr, int tflags, const char *token, int ntoken, int start, int end)
{
	struct token_ctx *c = ctx_ptr;
	const sb_symbol *de = sb_stemmer_stem(c->tok->german, (const sb_symbol *)token, ntoken);
	int nde = de ? sb_stemmer_length(c->tok->german) : ntoken;
	/* Copy: the German buffer is reused by the next stem call. */
	char german[256];
	if (!de || nde <= 0 || nde >= (int)sizeof german) {
		de = (const sb_symbol *)token;
		nde = ntoken < (int)sizeof german ? ntoken : (int)sizeof german - 1;
	}
	memcpy(german, de, (size_t)nde);
	int rc = c->emit(c->ctx, tflags, german, nde, start, end);
	if (rc != SQLITE_OK)
		return rc;
	const sb_symbol *en = sb_stemmer_stem(c->tok->english, (const sb_symbol *)token, ntoken);
	int nen = en ? sb_stemmer_length(c->tok->english) : 0;
	if (en && nen > 0 && (nen != nde || memcmp(en, german, (size_t)nde) != 0))
		rc = c->emit(c->ctx, tflags | FTS5_TOKEN_COLOCATED, (const char *)en, nen, start, end);
	return rc;
}

static int snowball_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int ntext,
			     int (*emit)(void *, int, const char *, int, int, int))
{
	struct snowball *s = (struct snowball *)t;
	struct token_ctx c = { s, ctx, emit };
	return s->parent.xTokenize(s->parent_instance, &c, flags, text, ntext, stem_token);
}

bool fts_snowball_register(sqlite3 *db)
{
	static fts5_tokenizer tokenizer = { snowball_create, snowball_delete, snowball_tokenize };
	fts5_api *api = fts5_api_of(db);
	if (!api || api->iVersion < 2)
		return false;
	return api->xCreateTokenizer(api, "snowball", api, &tokenizer, NULL) == SQLITE_OK;
}
