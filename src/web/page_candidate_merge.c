/*
 * page_candidate_merge.c — the side-by-side merge of two candidates
 * (R-CAND-5): /candidates/{keep}/merge/{drop} shows every field with both
 * values and a choice which one to keep (keep's by default, drop's where
 * keep's is empty), and how many documents, timeline events and
 * applications move. Submitting updates keep with the chosen values, then
 * merges drop into it; every document and event is kept, drop is gone.
 */
#include <stdlib.h>
#include <string.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/documents.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/layout.h"
#include "web/pages.h"

/* Loads keep (path arg 0) and drop (path arg 1); answers the error and
 * returns false when one is missing or both are the same. */
static bool load_pair(struct request *r, struct candidate *keep, struct candidate *drop)
{
	if (req_path_arg(r, 0) == req_path_arg(r, 1)) {
		page_error(r, 400, _("A candidate cannot be merged with itself."));
		return false;
	}
	return candidate_load_from_path(r, 0, keep) && candidate_load_from_path(r, 1, drop);
}

/* Whether the drop's value is the default choice for field f. */
static bool prefer_drop(struct request *r, const struct candidate *keep, const struct candidate *drop,
			const struct candidate_field_def *f)
{
	return !candidate_field_text(r, keep, f)[0] && candidate_field_text(r, drop, f)[0];
}

/* The value of a field as shown in the comparison (channel by its label). */
static const char *shown(struct request *r, const struct candidate *c, const struct candidate_field_def *f)
{
	const char *v = candidate_field_text(r, c, f);
	return strcmp(f->name, "channel") == 0 ? candidate_channel_label(v) : v;
}

static void field_row(struct request *r, const struct candidate *keep, const struct candidate *drop,
		      const struct candidate_field_def *f)
{
	struct buf *o = &r->out;
	const char *a = shown(r, keep, f), *b = shown(r, drop, f);
	html_printf(o, "<tr><th scope=\"row\">%s</th>", _(f->label));
	if (strcmp(f->name, "tags") == 0) {
		html_printf(o, "<td>%s</td><td>%s</td><td class=\"muted\">%s</td></tr>", a, b, _("Both sets of tags are kept."));
		return;
	}
	if (strcmp(candidate_field_text(r, keep, f), candidate_field_text(r, drop, f)) == 0) {
		html_printf(o, "<td>%s</td><td>%s</td><td class=\"muted\">%s</td></tr>", a, b, _("same"));
		return;
	}
	bool d = prefer_drop(r, keep, drop, f);
	/* The field name is part of each radio's label for screen readers. */
	html_printf(o, "<td><label><input type=\"radio\" name=\"pick_%s\" value=\"keep\"%s> "
		       "<span><span class=\"visually-hidden\">%s: </span>%s</span></label></td>"
		       "<td><label><input type=\"radio\" name=\"pick_%s\" value=\"drop\"%s> "
		       "<span><span class=\"visually-hidden\">%s: </span>%s</span></label></td><td></td></tr>",
		    f->name, d ? "" : " checked", _(f->label), a[0] ? a : "–", f->name, d ? " checked" : "", _(f->label),
		    b[0] ? b : "–");
}

/* How much moves from drop to keep: documents, events, applications, and
 * applications for a position keep is in already (their events move, the
 * application itself is removed). */
static bool count_moves(struct request *r, int64_t keep_id, int64_t drop_id, size_t counts[4])
{
	struct candidate_document *docs = NULL;
	struct application_event *ev = NULL;
	struct application *ka = NULL, *da = NULL;
	size_t nk = 0, nd = 0;
	bool ok = store_document_list(r->store, drop_id, &docs, &counts[0]) == STORE_OK &&
		  store_application_events(r->store, drop_id, 0, 1000, &ev, &counts[1]) == STORE_OK &&
		  store_application_list_by_candidate(r->store, drop_id, &da, &nd) == STORE_OK &&
		  store_application_list_by_candidate(r->store, keep_id, &ka, &nk) == STORE_OK;
	counts[2] = nd;
	counts[3] = 0;
	for (size_t i = 0; ok && i < nd; i++)
		for (size_t j = 0; j < nk; j++)
			if (da[i].position_id == ka[j].position_id)
				counts[3]++;
	free(docs);
	free(ev);
	free(ka);
	free(da);
	return ok;
}

static void render(struct request *r, const struct candidate *keep, const struct candidate *drop, const char *error)
{
	struct buf *o = &r->out;
	size_t counts[4] = { 0 };
	if (!count_moves(r, keep->id, drop->id, counts)) {
		page_error(r, 500, NULL);
		return;
	}
	const char *kname = candidate_name(r, keep), *dname = candidate_name(r, drop);
	page_begin(r, _("Compare and merge"), NAV_CANDIDATES);
	html_printf(o, "<div class=\"page-header\"><div><p class=\"muted\"><a href=\"/candidates\">%s</a> › "
		       "<a href=\"/candidates/%lld\">%s</a></p><h1>%s</h1></div><div class=\"actions\">"
		       "<a class=\"btn\" href=\"/candidates/%lld/merge/%lld\">%s</a></div></div>",
		    _("Candidates"), (long long)keep->id, kname, _("Compare and merge"), (long long)drop->id,
		    (long long)keep->id, _("Swap: keep the other one"));
	if (error)
		html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>", error);
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Choose for each field which value to keep. Everything else of the second candidate moves to the first: "
		      "nothing is lost."));
	html_printf(o, "<ul class=\"merge-moves\"><li>%s: %zu</li><li>%s: %zu</li><li>%s: %zu</li>", _("Documents that move"),
		    counts[0], _("Timeline entries that move"), counts[1], _("Applications that move"), counts[2]);
	if (counts[3])
		html_printf(o, "<li>%s: %zu</li>",
			    _("Applications for a position both are in (their timeline joins the kept application)"), counts[3]);
	html_raw(o, "</ul>");
	html_printf(o, "<form class=\"card merge-form\" method=\"post\" action=\"/candidates/%lld/merge/%lld\">", (long long)keep->id,
		    (long long)drop->id);
	csrf_field(r);
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data merge-table\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\"></th></tr></thead><tbody>",
		    _("Fields of both candidates"), _("Field"),
		    arena_printf(&r->arena, _("Keep: #%lld %s"), (long long)keep->id, kname),
		    arena_printf(&r->arena, _("Merge in and remove: #%lld %s"), (long long)drop->id, dname));
	size_t n;
	const struct candidate_field_def *f = candidate_fields(&n);
	for (size_t i = 0; i < n; i++)
		field_row(r, keep, drop, &f[i]);
	html_printf(o, "</tbody></table></div><div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button>"
		       "<a class=\"btn\" href=\"/candidates/%lld\">%s</a></div></form>",
		    arena_printf(&r->arena, _("Merge into #%lld"), (long long)keep->id), (long long)keep->id, _("Cancel"));
	page_end(r);
}

void page_candidate_merge(struct request *r)
{
	struct candidate *keep = arena_alloc(&r->arena, sizeof *keep), *drop = arena_alloc(&r->arena, sizeof *drop);
	if (load_pair(r, keep, drop))
		render(r, keep, drop, NULL);
}

void page_candidate_merge_submit(struct request *r)
{
	struct candidate *keep = arena_alloc(&r->arena, sizeof *keep), *drop = arena_alloc(&r->arena, sizeof *drop);
	struct form_errors fe = { 0 };
	struct actor who = req_actor(r);
	if (!load_pair(r, keep, drop))
		return;
	size_t n;
	const struct candidate_field_def *f = candidate_fields(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].name, "tags") != 0 && str_eq(req_form(r, arena_printf(&r->arena, "pick_%s", f[i].name)), "drop"))
			candidate_field_set(r, keep, &f[i], candidate_field_text(r, drop, &f[i]), &fe);
	/* One unit of work: the chosen values, what is still empty filled from
	 * drop, and everything of drop moved to keep. */
	enum store_rc rc = fe.n ? STORE_INVALID : store_candidate_merge(r->store, &who, keep->id, drop->id, keep, r->now);
	if (rc == STORE_NOT_FOUND) {
		page_error(r, 404, _("There is no such candidate."));
		return;
	}
	if (rc == STORE_CONFLICT) {
		r->status = 409;
		render(r, keep, drop, _("Both applied to the same position and that application already has interviews, a decision or an offer, which stay with the application they were made in. Nothing was merged."));
		return;
	}
	if (rc == STORE_INVALID) {
		r->status = 422;
		render(r, keep, drop, _("The chosen values do not form a valid candidate; nothing was merged."));
		return;
	}
	if (rc != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, arena_printf(&r->arena, "/candidates/%lld?done=merged", (long long)keep->id));
}
