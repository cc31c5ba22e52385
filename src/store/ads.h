/*
 * ads.h — the job ad of a position (R-AD-1, R-AD-4): the editable sections,
 * the profile version it was generated from, whether a person edited it
 * since (so regenerating never overwrites edits silently), and publishing
 * (slug for /jobs/SLUG, datePosted, validThrough).
 */
#ifndef STELLWERK_STORE_ADS_H
#define STELLWERK_STORE_ADS_H

#include "core/job_ad.h"
#include "store/store.h"

struct stored_ad {
	int64_t position_id;
	struct job_ad ad;              /* title, sections, lang */
	int generated_from_version;    /* profile version the draft came from; 0 = none */
	bool edited;                   /* changed by a person since it was generated */
	char slug[96];                 /* public address part; "" until first published */
	char date_posted[11];          /* YYYY-MM-DD of publishing; "" while unpublished */
	char valid_through[11];        /* YYYY-MM-DD; the posting expires after this day */
	bool published;
	int64_t updated_at;
	int64_t updated_by;
};

/* The ad of a position; STORE_NOT_FOUND when none was generated yet. */
enum store_rc store_ad_get(struct store *s, int64_t position_id, struct stored_ad *out);
/* Inserts or replaces the ad's text; `edited` and generated_from_version as
 * given by the caller (a generator run sets edited = false, an edit true). */
enum store_rc store_ad_save(struct store *s, const struct actor *who, const struct stored_ad *ad, int64_t now);
/* Publishes: sets slug (unique; STORE_CONFLICT when taken by another
 * position), date_posted and valid_through. */
enum store_rc store_ad_publish(struct store *s, const struct actor *who, int64_t position_id, const char *slug,
			       const char *date_posted, const char *valid_through, int64_t now);
enum store_rc store_ad_unpublish(struct store *s, const struct actor *who, int64_t position_id, int64_t now);
/* The ad that holds this slug, published or not (the public page answers 410
 * for unpublished and expired ones); STORE_NOT_FOUND for a slug never used. */
enum store_rc store_ad_by_slug(struct store *s, const char *slug, struct stored_ad *out);
/* Every published ad, newest first; caller frees *out. */
enum store_rc store_ad_list_published(struct store *s, struct stored_ad **out, size_t *n);

#endif
