/*
 * router.h — dispatch of a request through the one route table (router.c):
 * match path and method, resolve who is asking, check permission (one call
 * to permission_allows for every route) and CSRF, then run the page.
 */
#ifndef STELLWERK_WEB_ROUTER_H
#define STELLWERK_WEB_ROUTER_H

#include "web/request.h"

void router_dispatch(struct request *r);
/* Answers with the error page (or problem document) for status alone. */
void router_fail(struct request *r, int status);

#endif
