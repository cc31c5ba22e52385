/*
 * static.c — embedded assets under /static/: served from memory with a
 * strong ETag, a one-year immutable cache lifetime (URLs carry the content
 * hash) and 304 answers to If-None-Match.
 */
#include <string.h>

#include "util/embedded.h"
#include "web/layout.h"
#include "web/pages.h"

static const char *content_type_for(const char *path)
{
	static const struct { const char *ext; const char *type; } types[] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
		{ ".txt", "text/plain; charset=utf-8" },
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

void page_static(struct request *r)
{
	const char *name = r->path + strlen("/static/");
	if (strstr(name, "..")) {
		page_error(r, 404, NULL);
		return;
	}
	const struct embedded_file *f = embedded_find(arena_printf(&r->arena, "assets/%s", name));
	if (!f) {
		page_error(r, 404, NULL);
		return;
	}
	r->cacheable = true;
	resp_header(r, "ETag", f->etag);
	resp_header(r, "Cache-Control", "public, max-age=31536000, immutable");
	const char *inm = req_header(r, "If-None-Match");
	if (inm && (strstr(inm, f->etag) || strcmp(inm, "*") == 0)) {
		r->status = 304;
		return;
	}
	r->content_type_out = content_type_for(name);
	r->static_body = f->data;
	r->static_len = f->len;
}
