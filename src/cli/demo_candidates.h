/*
 * demo_candidates.h — the candidates of `stellwerk demo` (step 4: R-CAND-1..5,
 * R-CHAN-1..4, R-AD-5): two dozen people in the pipeline of the key account
 * manager position of Nordlicht Sensorik, spread over every active stage and
 * every channel, with referrals, fairs, notes, contacts of varied age, CVs
 * as small PDF documents whose text is searchable, consents of career-page
 * applicants, the channel plans of the key account manager and business
 * development positions, and one duplicate pair for the merge view.
 */
#ifndef STELLWERK_CLI_DEMO_CANDIDATES_H
#define STELLWERK_CLI_DEMO_CANDIDATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* What the candidates refer to, created by demo_data.c before. The days
 * bound the demo's times: nobody is found before the key account manager
 * position opened, nobody applies through the career page before its ad
 * was published. */
struct demo_candidate_refs {
	int64_t kam_position_id;
	int kam_opened_days_ago;
	int kam_published_days_ago;
	int64_t bdm_position_id;
	int bdm_created_days_ago;
};

/*
 * Adds the demo candidates with their applications, timelines, documents,
 * consents and the two channel plans, with times relative to now. Runs
 * inside the caller's transaction; the demo users (weber, brandt, hoffmann,
 * …) must exist. False after logging what failed.
 */
bool demo_candidates_fill(struct store *s, const struct demo_candidate_refs *refs, int64_t now);

/*
 * Writes a one-page PDF 1.4 document (A4, Helvetica, WinAnsi encoding) that
 * shows text, one line per '\n', long lines wrapped at spaces, into out
 * (appended). Characters outside WinAnsi become '?'. The cross-reference
 * table holds the exact byte offsets, so the file is valid for any reader.
 */
struct buf;
void demo_pdf_write(struct buf *out, const char *text);

#endif
