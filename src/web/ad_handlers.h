/*
 * ad_handlers.h — the handlers of step 3 (job ads) that the route table
 * points at: the ad editor and exports, publishing, the public job pages and
 * the JSON API for ads and the linter.
 */
#ifndef STELLWERK_WEB_AD_HANDLERS_H
#define STELLWERK_WEB_AD_HANDLERS_H

#include "web/request.h"

/* page_ad_editor.c — the editor of a position's ad (R-AD-1, R-AD-2, R-AD-4) */
void page_ad_editor(struct request *r);          /* GET  /positions/{id}/ad */
void page_ad_save(struct request *r);            /* POST /positions/{id}/ad */
void page_ad_generate(struct request *r);        /* POST /positions/{id}/ad/generate */
void page_ad_lint_preview(struct request *r);    /* POST /positions/{id}/ad/check (findings fragment for JS) */
void page_ad_export(struct request *r);          /* GET  /positions/{id}/ad/export?format=html|md|txt|jsonld */
void page_ad_publish(struct request *r);         /* POST /positions/{id}/ad/publish */
void page_ad_unpublish(struct request *r);       /* POST /positions/{id}/ad/unpublish */
/* page_jobs.c — public career pages, no login */
void page_jobs(struct request *r);               /* GET /jobs */
void page_job(struct request *r);                /* GET /jobs/{key} */
/* api_ads.c */
void api_lint(struct request *r);                /* POST /api/v1/lint */
void api_ad_get(struct request *r);              /* GET  /api/v1/positions/{id}/ad */
void api_ad_put(struct request *r);              /* PUT  /api/v1/positions/{id}/ad */
void api_ad_jsonld(struct request *r);           /* GET  /api/v1/positions/{id}/ad.jsonld */

#endif
