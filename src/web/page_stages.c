/*
 * page_stages.c — the stages of a position's pipeline (R-CAND-2):
 * GET/POST /positions/{id}/stages and POST /positions/{id}/stages/reset.
 *
 * One form holds every stage's label, up/down and remove buttons and the
 * label of a new stage, so each submission applies the label edits plus the
 * one button pressed, checks the result with pipeline_validate and stores
 * it whole (store_stages_set). New stages are active and get a code made
 * from their label. A label left at its default wording (in either
 * language) is stored as the default msgid, so it stays translated; any
 * other label is shown as typed. Bad input is answered 422 with the
 * messages and nothing stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/password_policy.h"  /* utf8_valid */
#include "core/pipeline.h"
#include "store/applications.h"
#include "store/stages.h"
#include "util/str.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pipeline_ops.h"
#include "web/position_chrome.h"

static const char *kind_label(enum stage_kind k)
{
	switch (k) {
	case STAGE_HIRED:
		return _("Hired (end of the pipeline)");
	case STAGE_EXIT:
		return _("Exit");
	default:
		return _("Active");
	}
}

/* How many applications of the position are in each stage (by index). */
static enum store_rc count_in_stages(struct request *r, int64_t position_id, const struct stage *st, size_t n,
				     size_t *counts)
{
	struct application_card *cards = NULL;
	size_t ncards = 0;
	memset(counts, 0, n * sizeof *counts);
	enum store_rc rc = store_application_board(r->store, position_id, &cards, &ncards);
	if (rc != STORE_OK)
		return rc;
	for (size_t i = 0; i < ncards; i++)
		for (size_t s = 0; s < n; s++)
			if (strcmp(cards[i].a.stage, st[s].code) == 0)
				counts[s]++;
	free(cards);
	return STORE_OK;
}

/* The errors of a refused submission; each field is the id of the element
 * it is about ("stage-CODE-label", "new-label", "stages-table"). */
static void error_summary(struct request *r, const struct form_errors *fe)
{
	if (!fe || !fe->n)
		return;
	html_printf(&r->out, "<div class=\"flash flash-error\" role=\"alert\"><p>%s</p><ul>",
		    _("Nothing was changed. Please correct the following:"));
	for (int i = 0; i < fe->n; i++)
		html_printf(&r->out, "<li><a href=\"#%s\">%s</a></li>", fe->field[i], fe->message[i]);
	html_raw(&r->out, "</ul></div>");
}

static void stage_row(struct request *r, const struct stage *st, size_t i, size_t n, size_t count,
		      const struct form_errors *fe)
{
	struct buf *o = &r->out;
	const char *shown = stage_label_shown(st);
	const char *id = arena_printf(&r->arena, "stage-%s-label", st->code);
	const char *err = form_error_for(fe, id);
	html_printf(o, "<tr id=\"stage-%s\" data-stage-row=\"%s\"><td class=\"num\">%zu</td>", st->code, st->code, i + 1);
	html_printf(o, "<td><div class=\"field%s\"><label class=\"visually-hidden\" for=\"%s\">%s</label>"
		       "<input id=\"%s\" name=\"label_%s\" type=\"text\" value=\"%s\" maxlength=\"%d\" required aria-invalid=\"%s\">",
		    err ? " has-error" : "", id, arena_printf(&r->arena, _("Label of the stage %s"), st->code), id, st->code,
		    shown, STAGE_LABEL_MAX - 1, err ? "true" : "false");
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_printf(o, "</div></td><td><code>%s</code></td><td>%s</td><td class=\"num\">%zu</td><td class=\"row-actions\">",
		    st->code, kind_label(st->kind), count);
	html_printf(o, "<button class=\"btn btn-small\" type=\"submit\" name=\"up\" value=\"%s\"%s aria-label=\"%s\">↑</button> ",
		    st->code, i == 0 ? " disabled" : "", arena_printf(&r->arena, _("Move %s up"), shown));
	html_printf(o, "<button class=\"btn btn-small\" type=\"submit\" name=\"down\" value=\"%s\"%s aria-label=\"%s\">↓</button>",
		    st->code, i + 1 == n ? " disabled" : "", arena_printf(&r->arena, _("Move %s down"), shown));
	if (st->kind == STAGE_ACTIVE)
		html_printf(o, " <button class=\"btn btn-small btn-danger\" type=\"submit\" name=\"remove\" value=\"%s\" aria-label=\"%s\">%s</button>",
			    st->code, arena_printf(&r->arena, _("Remove %s"), shown), _("Remove"));
	html_raw(o, "</td></tr>");
}

/* The page; st/n is what to show (the stored stages, or the refused draft
 * with fe's errors), new_label the unsaved label of a new stage. */
static void render_stages(struct request *r, const struct position *p, const struct stage *st, size_t n, bool custom,
			  const struct form_errors *fe, const char *new_label)
{
	size_t counts[PIPELINE_MAX_STAGES];
	if (count_in_stages(r, p->id, st, n, counts) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	struct buf *o = &r->out;
	position_page_begin(r, p, "pipeline", _("Stages of the pipeline"));
	html_printf(o, "<p class=\"lead\">%s</p>",
		    _("Rename and reorder the stages of this position's pipeline, or add stages of your own. "
		      "\"Hired\" comes after every active stage; the exits \"Rejected\" and \"Withdrawn\" are always there. "
		      "A stage that applications are in cannot be removed."));
	html_printf(o, "<p><a href=\"%s\">%s</a> · <span class=\"muted\">%s</span></p>",
		    position_path(r, p->id, "pipeline"), _("Back to the board"),
		    custom ? _("This position uses its own stages.") : _("This position uses the default stages."));
	error_summary(r, fe);
	html_printf(o, "<form class=\"stages-form\" method=\"post\" action=\"%s\" novalidate>", position_path(r, p->id, "stages"));
	csrf_field(r);
	/* The first submit button is the one Enter presses: save, not "up". */
	html_printf(o, "<button type=\"submit\" name=\"op\" value=\"save\" hidden>%s</button>", _("Save"));
	html_printf(o, "<div class=\"table-wrap\" id=\"stages-table\"><table class=\"data stages-table\"><caption class=\"visually-hidden\">%s</caption>"
		       "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		       "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		    _("Stages in board order"), _("Order"), _("Label"), _("Code"), _("Kind"), _("Applications"), _("Actions"));
	for (size_t i = 0; i < n; i++)
		stage_row(r, &st[i], i, n, counts[i], fe);
	html_raw(o, "</tbody></table></div>");
	const char *err = form_error_for(fe, "new-label");
	html_printf(o, "<div class=\"field%s stages-new\"><label for=\"new-label\">%s</label>"
		       "<input id=\"new-label\" name=\"new_label\" type=\"text\" value=\"%s\" maxlength=\"%d\" aria-describedby=\"new-label-hint\" aria-invalid=\"%s\">"
		       "<p class=\"hint\" id=\"new-label-hint\">%s</p>",
		    err ? " has-error" : "", _("Add a stage"), new_label ? new_label : "", STAGE_LABEL_MAX - 1,
		    err ? "true" : "false",
		    _("The new stage is active and comes after the last active stage; move it where it belongs."));
	if (err)
		html_printf(o, "<p class=\"field-error\">%s</p>", err);
	html_printf(o, "</div><div class=\"form-actions\"><button class=\"btn btn-primary\" type=\"submit\" name=\"op\" value=\"save\">%s</button>"
		       "<button class=\"btn\" type=\"submit\" name=\"op\" value=\"add\">%s</button></div></form>",
		    _("Save"), _("Add stage"));
	html_printf(o, "<form class=\"stages-reset\" method=\"post\" action=\"%s\" data-confirm=\"%s\">",
		    position_path(r, p->id, "stages/reset"),
		    _("Reset the stages to the defaults? Own labels, order and added stages are lost."));
	csrf_field(r);
	html_printf(o, "<button class=\"btn btn-danger\" type=\"submit\"%s>%s</button></form>", custom ? "" : " disabled",
		    _("Reset to defaults"));
	page_end(r);
}

void page_stages(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stage st[PIPELINE_MAX_STAGES];
	size_t n = 0;
	bool custom = false;
	if (!position_load_from_path(r, p))
		return;
	if (pipeline_stages_load(r, p->id, st, &n, &custom) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	render_stages(r, p, st, n, custom, NULL, NULL);
}

/* Makes a stage code from label: lowercase ASCII letters, digits and
 * underscores (German umlauts and ß transliterated), starting with a
 * letter, unique among st[0..n). */
static void stage_code_from_label(const char *label, const struct stage *st, size_t n, char *out, size_t outlen)
{
	static const struct { const char *utf8; const char *ascii; } translit[] = {
		{ "\xc3\xa4", "ae" }, { "\xc3\xb6", "oe" }, { "\xc3\xbc", "ue" }, { "\xc3\x84", "ae" },
		{ "\xc3\x96", "oe" }, { "\xc3\x9c", "ue" }, { "\xc3\x9f", "ss" },
	};
	char base[29];
	size_t len = 0;
	bool gap = false;
	const char *p = label;
	while (*p && len < sizeof base - 1) {
		unsigned char c = (unsigned char)*p;
		const char *ascii = NULL;
		size_t step = 1;
		char one[2] = { 0, 0 };
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			one[0] = (char)c;
			ascii = one;
		} else if (c >= 'A' && c <= 'Z') {
			one[0] = (char)(c - 'A' + 'a');
			ascii = one;
		} else {
			for (size_t k = 0; k < sizeof translit / sizeof translit[0]; k++)
				if (strncmp(p, translit[k].utf8, 2) == 0) {
					ascii = translit[k].ascii;
					step = 2;
				}
			if (!ascii && c >= 0x80) /* skip the rest of another UTF-8 sequence */
				while ((unsigned char)p[step] >= 0x80 && ((unsigned char)p[step] & 0xC0) == 0x80)
					step++;
		}
		p += step;
		if (!ascii) {
			gap = len > 0;
			continue;
		}
		if (gap && len < sizeof base - 1)
			base[len++] = '_';
		gap = false;
		for (; *ascii && len < sizeof base - 1; ascii++)
			base[len++] = *ascii;
	}
	base[len] = '\0';
	while (len > 0 && base[len - 1] == '_')
		base[--len] = '\0';
	char stem[29];   /* 28 bytes + "_NN" still fit a code */
	if (len == 0)
		str_copy(stem, sizeof stem, "stage");
	else if (base[0] >= '0' && base[0] <= '9')
		snprintf(stem, sizeof stem, "s_%.26s", base);
	else
		str_copy(stem, sizeof stem, base);
	str_copy(out, outlen, stem);
	for (unsigned k = 2; pipeline_find(st, n, out) && k < 100; k++) {
		char suffix[4] = { '_', (char)('0' + k / 10), (char)('0' + k % 10), '\0' };
		str_copy(out, outlen, stem);
		if (k < 10) {
			suffix[1] = (char)('0' + k);
			suffix[2] = '\0';
		}
		strncat(out, suffix, outlen - strlen(out) - 1);
	}
}

/* Reads one label field into dst; the default wording in the request's
 * language (or the English msgid) is stored as the msgid. */
static void read_label(struct request *r, const char *field_id, const char *code, const char *value, char *dst,
		       size_t dstlen, struct form_errors *fe)
{
	char *v = str_trim(arena_strdup(&r->arena, value));
	if (!v[0]) {
		form_error(fe, field_id, _("Please enter a label for the stage."));
		return;
	}
	if (strlen(v) >= dstlen || !utf8_valid(v, strlen(v))) {
		form_error(fe, field_id, arena_printf(&r->arena, _("A stage label may have at most %d characters."),
						      STAGE_LABEL_MAX - 1));
		return;
	}
	char def[STAGE_LABEL_MAX];
	if (code && stage_default_label(code, def, sizeof def) && (strcmp(v, def) == 0 || strcmp(v, _(def)) == 0))
		v = def;
	str_copy(dst, dstlen, v);
}

static size_t find_index(const struct stage *st, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(st[i].code, code) == 0)
			return i;
	return n;
}

void page_stages_save(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	struct stage st[PIPELINE_MAX_STAGES];
	size_t counts[PIPELINE_MAX_STAGES];
	size_t n = 0;
	bool custom = false;
	struct form_errors fe = { 0 };
	if (!position_load_from_path(r, p))
		return;
	enum store_rc rc = pipeline_stages_load(r, p->id, st, &n, &custom);
	if (rc == STORE_OK)
		rc = count_in_stages(r, p->id, st, n, counts);
	if (rc != STORE_OK) {
		page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *v = req_form(r, arena_printf(&r->arena, "label_%s", st[i].code));
		if (v)
			read_label(r, arena_printf(&r->arena, "stage-%s-label", st[i].code), st[i].code, v, st[i].label,
				   sizeof st[i].label, &fe);
	}
	size_t i;
	if ((i = find_index(st, n, req_form(r, "up"))) < n && i > 0) {
		struct stage t = st[i];
		st[i] = st[i - 1];
		st[i - 1] = t;
	} else if ((i = find_index(st, n, req_form(r, "down"))) + 1 < n) {
		struct stage t = st[i];
		st[i] = st[i + 1];
		st[i + 1] = t;
	} else if ((i = find_index(st, n, req_form(r, "remove"))) < n) {
		const char *field = arena_printf(&r->arena, "stage-%s-label", st[i].code);
		if (st[i].kind != STAGE_ACTIVE) {
			form_error(&fe, field, arena_printf(&r->arena, _("The stage \"%s\" cannot be removed: every pipeline has a hired stage and the exits."),
							   stage_label_shown(&st[i])));
		} else if (counts[i] > 0) {
			form_error(&fe, field, arena_printf(&r->arena,
							   i18n_ngettext("The stage \"%s\" cannot be removed: %d application is in it. Move it to another stage first.",
									 "The stage \"%s\" cannot be removed: %d applications are in it. Move them to another stage first.",
									 (unsigned long)counts[i]),
							   stage_label_shown(&st[i]), (int)counts[i]));
		} else {
			memmove(&st[i], &st[i + 1], (n - i - 1) * sizeof st[0]);
			memmove(&counts[i], &counts[i + 1], (n - i - 1) * sizeof counts[0]);
			n--;
		}
	}
	const char *new_label = req_form(r, "new_label");
	const char *op = req_form(r, "op");
	bool adding = new_label && !str_empty(str_trim(arena_strdup(&r->arena, new_label)));
	if (op && strcmp(op, "add") == 0 && !adding)
		form_error(&fe, "new-label", _("Please enter a label for the new stage."));
	if (adding) {
		struct stage add = { .kind = STAGE_ACTIVE };
		read_label(r, "new-label", NULL, new_label, add.label, sizeof add.label, &fe);
		if (n >= PIPELINE_MAX_STAGES)
			form_error(&fe, "new-label", arena_printf(&r->arena, _("A pipeline has at most %d stages."), PIPELINE_MAX_STAGES));
		else if (!form_error_for(&fe, "new-label")) {
			stage_code_from_label(add.label, st, n, add.code, sizeof add.code);
			size_t at = 0;
			for (size_t k = 0; k < n; k++)
				if (st[k].kind == STAGE_ACTIVE)
					at = k + 1;
			memmove(&st[at + 1], &st[at], (n - at) * sizeof st[0]);
			st[at] = add;
			n++;
		}
	}
	for (size_t k = 0; k < n; k++)
		st[k].order = (int)k + 1;
	if (!fe.n) {
		struct field_problem problems[8];
		size_t np = pipeline_validate(st, n, problems, 8);
		for (size_t k = 0; k < np; k++)
			form_error(&fe, "stages-table", _(problems[k].message));
	}
	if (!fe.n) {
		struct actor who = req_actor(r);
		rc = store_stages_set(r->store, &who, p->id, st, n, r->now);
		if (rc == STORE_OK) {
			resp_redirect(r, arena_printf(&r->arena, "%s?done=saved", position_path(r, p->id, "stages")));
			return;
		}
		if (rc != STORE_INVALID) {
			page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
			return;
		}
		form_error(&fe, "stages-table",
			   _("The stages could not be stored: an application is in a stage that would disappear. Move it first."));
	}
	r->status = 422;
	render_stages(r, p, st, n, custom, &fe, adding && form_error_for(&fe, "new-label") ? new_label : NULL);
}

void page_stages_reset(struct request *r)
{
	struct position *p = arena_alloc(&r->arena, sizeof *p);
	if (!position_load_from_path(r, p))
		return;
	struct actor who = req_actor(r);
	enum store_rc rc = store_stages_reset(r->store, &who, p->id, r->now);
	if (rc == STORE_OK) {
		resp_redirect(r, arena_printf(&r->arena, "%s?done=saved", position_path(r, p->id, "stages")));
		return;
	}
	if (rc != STORE_INVALID) {
		page_error(r, rc == STORE_BUSY ? 503 : 500, NULL);
		return;
	}
	struct stage st[PIPELINE_MAX_STAGES];
	size_t n = 0;
	bool custom = true;
	if (pipeline_stages_load(r, p->id, st, &n, &custom) != STORE_OK) {
		page_error(r, 500, NULL);
		return;
	}
	struct form_errors fe = { 0 };
	form_error(&fe, "stages-table",
		   _("The defaults cannot be restored while applications are in a stage of your own. Move them to a default stage first."));
	r->status = 422;
	render_stages(r, p, st, n, custom, &fe, NULL);
}
