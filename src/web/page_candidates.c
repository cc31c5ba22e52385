/*
 * page_candidates.c — the candidate list (R-CAND-1) with full-text search
 * (R-CAND-3): stemmed words over candidate fields, notes and document text,
 * ranked, with snippets whose hits are highlighted; filters by position,
 * stage, channel and tag. Empty states say how candidates arrive (new,
 * CSV import, career page) or how to broaden a search without hits.
 */
#include <stdlib.h>
#include <string.h>

#include "core/channels.h"
#include "core/pipeline.h"
#include "store/candidates.h"
#include "store/positions.h"
#include "store/stages.h"
#include "util/str.h"
#include "web/candidate_view.h"
#include "web/layout.h"
#include "web/pages.h"

#define PAGE_SIZE CANDIDATE_LIST_DEFAULT_LIMIT

static bool stage_code_well_formed(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n >= STAGE_CODE_MAX || s[0] < 'a' || s[0] > 'z')
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* The filter as given in the query; invalid values are dropped (and
 * reported by *dropped) rather than refused, so a stale link still lists. */
static void read_filter(struct request *r, struct candidate_filter *f, bool *dropped)
{
	const char *v;
	long long n;
	*f = (struct candidate_filter){ .q = "", .stage = "", .channel = "", .tag = "", .limit = PAGE_SIZE };
	*dropped = false;
	if ((v = req_query(r, "q")))
		f->q = str_trim(arena_strdup(&r->arena, v));
	if ((v = req_query(r, "position")) && v[0]) {
		if (str_to_int64(v, 1, INT64_MAX, &n))
			f->position_id = (int64_t)n;
		else
			*dropped = true;
	}
	if ((v = req_query(r, "stage")) && v[0]) {
		if (stage_code_well_formed(v))
			f->stage = v;
		else
			*dropped = true;
	}
	enum channel ch;
	if ((v = req_query(r, "channel")) && v[0]) {
		if (channel_parse(v, &ch))
			f->channel = v;
		else
			*dropped = true;
	}
	if ((v = req_query(r, "tag")) && v[0]) {
		if (strlen(v) <= CANDIDATE_TEXT_MAX)
			f->tag = v;
		else
			*dropped = true;
	}
	if ((v = req_query(r, "offset")) && v[0] && str_to_int64(v, 0, 1000000, &n))
		f->offset = (int)n;
}

static void search_form(struct request *r, const struct candidate_filter *f, const struct position_summary *pos,
			size_t npos)
{
	struct buf *o = &r->out;
	html_printf(o, "<form class=\"card candidate-search\" method=\"get\" action=\"/candidates\" role=\"search\">"
		       "<div class=\"field\"><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\" "
		       "aria-describedby=\"f-q-hint\"><p class=\"hint\" id=\"f-q-hint\">%s</p></div><div class=\"filter-row\">",
		    _("Search"), f->q,
		    _("Words from names, roles, notes and CVs; other forms of a word match too."));
	html_printf(o, "<div class=\"field\"><label for=\"f-position\">%s</label><select id=\"f-position\" name=\"position\">",
		    _("Position"));
	candidate_option(o, "", _("All positions"), f->position_id == 0);
	for (size_t i = 0; i < npos; i++)
		candidate_option(o, arena_printf(&r->arena, "%lld", (long long)pos[i].p.id), pos[i].p.title, pos[i].p.id == f->position_id);
	html_printf(o, "</select></div><div class=\"field\"><label for=\"f-stage\">%s</label><select id=\"f-stage\" name=\"stage\">",
		    _("Stage"));
	candidate_option(o, "", _("All stages"), !f->stage[0]);
	/* The chosen position's own pipeline, else the default stages. */
	struct stage stages[PIPELINE_MAX_STAGES];
	size_t ns = 0;
	if (!f->position_id || store_stages_get(r->store, f->position_id, stages, &ns, NULL) != STORE_OK)
		ns = pipeline_default_stages(stages, PIPELINE_MAX_STAGES);
	for (size_t i = 0; i < ns; i++)
		candidate_option(o, stages[i].code, candidate_stage_label(stages, ns, stages[i].code), strcmp(stages[i].code, f->stage) == 0);
	html_printf(o, "</select></div><div class=\"field\"><label for=\"f-channel\">%s</label><select id=\"f-channel\" name=\"channel\">",
		    _("Channel"));
	candidate_option(o, "", _("All channels"), !f->channel[0]);
	for (int i = 0; i < CHANNEL__COUNT; i++)
		candidate_option(o, channel_code((enum channel)i), _(channel_label((enum channel)i)),
		       strcmp(channel_code((enum channel)i), f->channel) == 0);
	html_printf(o, "</select></div><div class=\"field\"><label for=\"f-tag\">%s</label><input id=\"f-tag\" name=\"tag\" "
		       "type=\"text\" value=\"%s\"></div></div>",
		    _("Tag"), f->tag);
	html_printf(o, "<div class=\"form-actions\"><button type=\"submit\" class=\"btn btn-primary\">%s</button>"
		       "<a class=\"btn\" href=\"/candidates\">%s</a></div></form>",
		    _("Search"), _("Reset"));
}

static void empty_state(struct request *r)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"empty-state\"><img src=\"%s\" alt=\"\" width=\"48\" height=\"48\"><h2>%s</h2><p>%s</p>",
		    asset_url(r, "icons/candidates.svg"), _("No candidates yet"),
		    _("Candidates arrive through your channels — network, direct search, referrals, job portals, the "
		      "career page — and move through the pipeline of a position."));
	html_printf(o, "<div class=\"actions\"><a class=\"btn btn-primary\" href=\"/candidates/new\">%s</a> "
		       "<a class=\"btn\" href=\"/candidates/import\">%s</a> <a class=\"btn\" href=\"/jobs\">%s</a></div></section>",
		    _("New candidate"), _("Import CSV"), _("Career page"));
}

static void no_hits(struct request *r, const struct candidate_filter *f)
{
	struct buf *o = &r->out;
	html_printf(o, "<section class=\"empty-state\"><h2>%s</h2><p>%s</p><ul class=\"hints\">", _("No matching candidates"),
		    _("No candidate matches every word and filter."));
	if (f->q[0])
		html_printf(o, "<li>%s</li>", _("Use fewer or shorter words: every word must occur."));
	if (f->position_id || f->stage[0] || f->channel[0] || f->tag[0])
		html_printf(o, "<li>%s</li>", _("Remove a filter (position, stage, channel or tag)."));
	html_printf(o, "</ul><div class=\"actions\"><a class=\"btn\" href=\"/candidates\">%s</a></div></section>",
		    _("Show all candidates"));
}

static void result_rows(struct request *r, const struct candidate_hit *hits, size_t n, bool searching)
{
	struct buf *o = &r->out;
	html_printf(o, "<div class=\"table-wrap\"><table class=\"data candidate-list\"><caption>%s</caption><thead><tr>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th>",
		    searching ? _("Search results, best match first") : _("Candidates, newest first"), _("Name"),
		    _("Current role"), _("Location"), _("Channel"), _("Tags"));
	if (searching)
		html_printf(o, "<th scope=\"col\">%s</th>", _("Match"));
	html_raw(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct candidate *c = &hits[i].c;
		html_printf(o, "<tr><td><a href=\"/candidates/%lld\">%s</a></td><td>", (long long)c->id, candidate_name(r, c));
		if (c->current_role[0] && c->current_company[0])
			html_printf(o, "%s @ %s", c->current_role, c->current_company);
		else
			html_printf(o, "%s%s", c->current_role, c->current_company);
		html_printf(o, "</td><td>%s</td><td>%s</td><td>", c->location, candidate_channel_label(c->channel));
		candidate_tags_html(o, c->tags);
		html_raw(o, "</td>");
		if (searching) {
			html_raw(o, "<td class=\"snippet\">");
			candidate_snippet_html(o, hits[i].snippet);
			html_raw(o, "</td>");
		}
		html_raw(o, "</tr>");
	}
	html_raw(o, "</tbody></table></div>");
}

/* A link to the next page with the same filter. */
static void next_page_link(struct request *r, const struct candidate_filter *f)
{
	struct buf *o = &r->out;
	html_raw(o, "<p class=\"pager\"><a class=\"btn\" href=\"/candidates?q=");
	html_url_arg(o, f->q);
	html_printf(o, "&amp;position=%lld&amp;stage=", (long long)f->position_id);
	html_url_arg(o, f->stage);
	html_raw(o, "&amp;channel=");
	html_url_arg(o, f->channel);
	html_raw(o, "&amp;tag=");
	html_url_arg(o, f->tag);
	html_printf(o, "&amp;offset=%d\">%s</a></p>", f->offset + PAGE_SIZE, _("Show more"));
}

void page_candidates(struct request *r)
{
	struct buf *o = &r->out;
	struct candidate_filter f;
	bool dropped;
	read_filter(r, &f, &dropped);
	struct position_summary *pos = NULL;
	struct candidate_hit *hits = NULL;
	size_t npos = 0, n = 0;
	if (store_position_list(r->store, -1, 0, &pos, &npos) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	bool filtered = f.q[0] || f.position_id || f.stage[0] || f.channel[0] || f.tag[0];
	enum store_rc rc = store_candidate_list(r->store, &f, &hits, &n);
	bool bad_query = rc == STORE_INVALID;
	if (rc != STORE_OK && !bad_query)
		goto failed;
	bool none_at_all = false;
	if (n == 0 && (filtered || f.offset)) {
		struct candidate_filter any = { .q = "", .stage = "", .channel = "", .tag = "", .limit = 1 };
		struct candidate_hit *one = NULL;
		size_t nany = 0;
		if (store_candidate_list(r->store, &any, &one, &nany) != STORE_OK)
			goto failed;
		free(one);
		none_at_all = nany == 0;
	} else if (n == 0) {
		none_at_all = true;
	}

	page_begin(r, _("Candidates"), NAV_CANDIDATES);
	page_flash(r);
	html_printf(o, "<div class=\"page-header\"><h1>%s</h1><div class=\"actions\"><a class=\"btn\" href=\"/channels/report\">%s</a> "
		       "<a class=\"btn\" href=\"/candidates/import\">%s</a> "
		       "<a class=\"btn btn-primary\" href=\"/candidates/new\">%s</a></div></div>",
		    _("Candidates"), _("Channel report"), _("Import CSV"), _("New candidate"));
	if (none_at_all) {
		empty_state(r);
	} else {
		search_form(r, &f, pos, npos);
		if (dropped)
			html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>",
				    _("A filter in the address was not understood and has been left out."));
		if (bad_query)
			html_printf(o, "<div class=\"flash flash-error\" role=\"alert\">%s</div>",
				    _("The search could not be understood; please use plain words."));
		else if (n == 0)
			no_hits(r, &f);
		else {
			if (f.many_hits)
				html_printf(o, "<p class=\"flash flash-info\" data-many-hits>%s</p>",
					    arena_printf(&r->arena, _("More than %d candidates match, so they are listed newest first rather than by relevance. Add a word or a filter to narrow the search."),
							 CANDIDATE_RANK_MAX));
			result_rows(r, hits, n, f.q[0] != '\0');
		}
		if (n == PAGE_SIZE)
			next_page_link(r, &f);
	}
	free(pos);
	free(hits);
	page_end(r);
	return;
failed:
	free(pos);
	free(hits);
	page_error(r, 500, NULL);
}
