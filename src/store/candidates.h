/*
 * candidates.h — candidates (R-CAND-1), their full-text search (R-CAND-3)
 * and duplicate lookup (R-CAND-5).
 *
 * The search index candidates_fts is kept in step by these functions and by
 * applications.h (notes), not by triggers: create and update rewrite the
 * candidate's own columns, store_candidate_set_document_text the extracted
 * document text. Checking the fields is done here with candidate_validate
 * (core/candidate.h): a candidate it rejects is STORE_INVALID, nothing stored.
 */
#ifndef STELLWERK_STORE_CANDIDATES_H
#define STELLWERK_STORE_CANDIDATES_H

#include "core/candidate.h"
#include "store/store.h"

#define CANDIDATE_QUERY_MAX 500      /* bytes of a search query; longer is STORE_INVALID */
#define CANDIDATE_QUERY_WORDS 16     /* words of a query; later words are ignored */
#define CANDIDATE_SNIPPET_MAX 600
#define CANDIDATE_LIST_DEFAULT_LIMIT 20 /* results of a list or search without a limit */
#define CANDIDATE_RANK_MAX 5000      /* hits ranked by relevance; beyond, newest first */

/* Search and filters of store_candidate_list. Empty strings and 0 mean "no
 * filter". stage needs position_id (the stage of that position's
 * application); without it, it matches an application in that stage at any
 * position. */
struct candidate_filter {
	const char *q;               /* user words; every word must occur (stemmed) */
	int64_t position_id;         /* has an application for this position */
	const char *stage;           /* stage code */
	const char *channel;         /* source channel code of the candidate */
	const char *tag;             /* one tag, compared without case */
	int limit;                   /* 1..1000; 0 = CANDIDATE_LIST_DEFAULT_LIMIT */
	int offset;
	/* out: the query has more than CANDIDATE_RANK_MAX hits, so they come
	 * newest first instead of ranked (rank 0) — ask for more words */
	bool many_hits;
};

/* One result: the candidate, and with a query a snippet of the best-matching
 * column whose hits are wrapped in \x01 … \x02 (the web layer turns them into
 * <mark> after escaping), and the bm25 rank (lower is better; 0 without q). */
struct candidate_hit {
	struct candidate c;
	char snippet[CANDIDATE_SNIPPET_MAX];
	double rank;
};

/* A possible duplicate of a candidate (R-CAND-5): score and reason from
 * candidate_duplicate_score; reason is an English msgid. */
struct candidate_duplicate {
	struct candidate c;
	int score;
	char reason[64];
};

/* Stores a new candidate with its normalised email, phone and name, its
 * search row and an audit row; sets c->id and c->created_at. STORE_INVALID
 * when candidate_validate finds a problem or the channel code is unknown. */
enum store_rc store_candidate_create(struct store *s, const struct actor *who, struct candidate *c, int64_t now);
/* Overwrites every field of candidate c->id (created_at is kept) and its
 * search row; the audit row lists the changed fields; no change writes
 * nothing. STORE_NOT_FOUND, STORE_INVALID as for create. */
enum store_rc store_candidate_update(struct store *s, const struct actor *who, const struct candidate *c, int64_t now);
enum store_rc store_candidate_get(struct store *s, int64_t id, struct candidate *out);

/* Candidates matching the filter: with q ranked by bm25 (newest first when
 * there are more than CANDIDATE_RANK_MAX hits, see many_hits), else newest
 * first.
 * The query is taken as plain words (FTS5 operators and quotes in it have no
 * effect); a query that is too long, not UTF-8, or that the engine still
 * rejects is STORE_INVALID, never STORE_ERROR. A query without any word
 * gives no hits. *out is malloc'd (caller frees), *n its length. */
enum store_rc store_candidate_list(struct store *s, struct candidate_filter *f, struct candidate_hit **out,
				   size_t *n);

/* Stored candidates other than c->id (0 for a candidate not yet stored)
 * sharing its normalised email, phone or name, with score > 0, best first.
 * *out is malloc'd (caller frees), *n its length. */
enum store_rc store_candidate_find_duplicates(struct store *s, const struct candidate *c,
					      struct candidate_duplicate **out, size_t *n);

/* Replaces the document text indexed for the candidate (all extracted
 * documents, concatenated by the caller). No audit row: the text is derived
 * from documents whose upload is audited. STORE_NOT_FOUND, STORE_INVALID for
 * text that is not UTF-8. */
enum store_rc store_candidate_set_document_text(struct store *s, int64_t candidate_id, const char *text);

/* Merges candidate drop_id into keep_id (R-CAND-5) in one unit of work:
 * every document, consent and timeline event of drop moves to keep; each
 * application of drop moves to keep, except where keep already has an
 * application for that position — then drop's events of that application
 * move onto keep's application and drop's application is deleted. keep's
 * fields become `chosen` (the values the user picked on the merge page; NULL
 * = keep's own), fields still empty are filled from drop, tags are united —
 * all in the same unit of work as the move. keep gets a note event
 * "Merged with candidate #drop (name)"; drop is deleted with its search row;
 * keep's search row is rebuilt (fields, notes, document text). Audit row
 * "candidate.merge". STORE_NOT_FOUND when either is missing; STORE_INVALID
 * when keep_id == drop_id; STORE_CONFLICT (nothing changed) when both applied
 * to the same position and drop's application already has interviews, a
 * decision, an offer or a hire, which cannot move to another application. */
enum store_rc store_candidate_merge(struct store *s, const struct actor *who, int64_t keep_id, int64_t drop_id,
				    const struct candidate *chosen, int64_t now);

/* Turns user input into an FTS5 query of quoted words joined by AND, so no
 * character of the input acts as an operator: `a "b` gives `"a" AND """b"`.
 * Words are separated by white space; at most CANDIDATE_QUERY_WORDS are
 * taken. Returns a malloc'd string (caller frees), "" when there is no word. */
char *candidate_fts_query(const char *input);

#endif
