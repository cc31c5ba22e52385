/*
 * multipart.h — building multipart/form-data bodies for the web tests, the
 * way a browser sends a form with a file input (RFC 7578), and posting them
 * with the harness's HTTP client.
 *
 * A body is built part by part into a growable buffer; file data may hold
 * any byte. The boundary is fixed and long enough never to occur in the
 * test data by accident (multipart_file fails the test if it does).
 */
#ifndef STELLWERK_TESTS_WEB_MULTIPART_H
#define STELLWERK_TESTS_WEB_MULTIPART_H

#include <stddef.h>

#include "harness.h"
#include "util/buf.h"

struct multipart {
	struct buf body;
	char content_type[128];   /* the Content-Type header line for the body */
	int finished;
};

void multipart_init(struct multipart *m);
/* A plain form field. */
void multipart_field(struct multipart *m, const char *name, const char *value);
/* A file part: filename as the browser sends it ("" for an empty file
 * input), content_type may be NULL (then application/octet-stream). */
void multipart_file(struct multipart *m, const char *name, const char *filename, const char *content_type,
		    const void *data, size_t len);
/* Closes the body; further parts are not allowed. Called by http_post_multipart. */
void multipart_finish(struct multipart *m);
void multipart_free(struct multipart *m);

/* POSTs the (finished) body to path; extra_headers may be NULL. The caller
 * frees the response with http_response_free. */
struct http_response *http_post_multipart(struct http_client *c, const char *path, struct multipart *m,
					  const char *const *extra_headers);

#endif
