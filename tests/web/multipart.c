/*
 * multipart.c — multipart/form-data bodies for the web tests; see multipart.h.
 */
#include "multipart.h"

#include <stdio.h>
#include <string.h>

#define BOUNDARY "stellwerkTestBoundary-7c4f0e19a2b84d65"

void multipart_init(struct multipart *m)
{
	memset(m, 0, sizeof *m);
	buf_init(&m->body);
	snprintf(m->content_type, sizeof m->content_type, "Content-Type: multipart/form-data; boundary=%s", BOUNDARY);
}

void multipart_field(struct multipart *m, const char *name, const char *value)
{
	assert_false(m->finished);
	buf_printf(&m->body, "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n", BOUNDARY, name, value);
}

void multipart_file(struct multipart *m, const char *name, const char *filename, const char *content_type,
		    const void *data, size_t len)
{
	assert_false(m->finished);
	if (len >= strlen(BOUNDARY) && memmem(data, len, BOUNDARY, strlen(BOUNDARY)))
		fail_msg("the test file holds the multipart boundary");
	buf_printf(&m->body, "--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n",
		   BOUNDARY, name, filename, content_type ? content_type : "application/octet-stream");
	buf_append(&m->body, data, len);
	buf_puts(&m->body, "\r\n");
}

void multipart_finish(struct multipart *m)
{
	if (m->finished)
		return;
	buf_printf(&m->body, "--%s--\r\n", BOUNDARY);
	m->finished = 1;
}

void multipart_free(struct multipart *m)
{
	buf_free(&m->body);
}

struct http_response *http_post_multipart(struct http_client *c, const char *path, struct multipart *m,
					  const char *const *extra_headers)
{
	multipart_finish(m);
	const char *headers[16];
	size_t n = 0;
	headers[n++] = m->content_type;
	for (size_t i = 0; extra_headers && extra_headers[i] && n < sizeof headers / sizeof headers[0] - 1; i++)
		headers[n++] = extra_headers[i];
	headers[n] = NULL;
	return http_request(c, "POST", path, headers, m->body.data ? m->body.data : "", m->body.len);
}
