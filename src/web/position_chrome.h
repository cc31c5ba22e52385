/*
 * position_chrome.h — what every page of one position shares: loading the
 * position named in the path (404 otherwise), its header with status and
 * the steps of the profile wizard (basics → goals → requirements →
 * stakeholders → review → job ad).
 */
#ifndef STELLWERK_WEB_POSITION_CHROME_H
#define STELLWERK_WEB_POSITION_CHROME_H

#include "core/position.h"
#include "web/request.h"

/* Loads the position of path argument 0; answers 404 and returns false when
 * there is none. */
bool position_load_from_path(struct request *r, struct position *p);
/* page_begin + the position's title, status badge and the wizard steps;
 * step is one of "basics", "goals", "requirements", "stakeholders", "review". */
void position_page_begin(struct request *r, const struct position *p, const char *step, const char *title);
/* Path of a page of this position, e.g. position_path(r, id, "goals"). */
const char *position_path(struct request *r, int64_t id, const char *sub);

#endif
