/*
 * router.h — dispatch of a request through the one route table (router.c):
 * match path and method, resolve who is asking, check permission (one call
 * to permission_allows for every route) and CSRF, then run the page.
 */
#ifndef STELLWERK_WEB_ROUTER_H
#define STELLWERK_WEB_ROUTER_H

#include <stddef.h>

#include "web/request.h"

struct server_config;

void router_dispatch(struct request *r);
/* Answers with the error page (or problem document) for status alone. */
void router_fail(struct request *r, int status);
/* The largest request body accepted for method and path: for a route
 * flagged ROUTE_UPLOAD cfg->max_upload_bytes plus room for the multipart
 * framing and the other form fields, for every other request
 * cfg->max_body_bytes. Known before the body is read, from the request line. */
size_t router_body_limit(const struct server_config *cfg, const char *method, const char *path);

#endif
