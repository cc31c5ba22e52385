/*
 * ad_ops.c — shared job-ad operations; see ad_ops.h.
 */
#include "web/ad_ops.h"

#include <stdlib.h>
#include <string.h>

#include "core/adlint_builtin.h"
#include "store/ads.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "util/log.h"
#include "util/str.h"
#include "util/xalloc.h"

/* The ad's language: "de" or "en" as asked, else the request's language. */
static const char *ad_lang_or_default(const struct request *r, const char *lang)
{
	if (lang && (strcmp(lang, "de") == 0 || strcmp(lang, "en") == 0))
		return lang;
	return lang_code(r->lang);
}

/* Loads what the generator needs: the position, its organisation and the
 * newest approved profile (*version). OP_INVALID (fe on "profile") when
 * nothing was approved yet. */
static enum op_result generator_input(struct request *r, int64_t position_id, struct position *p,
				      struct organisation *o, struct profile *prof, int *version,
				      struct form_errors *fe)
{
	struct profile_version_info *versions = NULL;
	size_t n = 0;
	enum op_result res = OP_FAILED;

	if (store_position_get(r->store, position_id, p) != STORE_OK ||
	    store_organisation_get(r->store, p->organisation_id, o) != STORE_OK ||
	    store_profile_versions(r->store, position_id, &versions, &n) != STORE_OK)
		goto cleanup;
	if (n == 0) {
		form_error(fe, "profile",
			   _("The ad is drafted from the approved requirements profile. Please approve the profile "
			     "of this position first."));
		res = OP_INVALID;
		goto cleanup;
	}
	*version = versions[0].version;
	if (store_profile_version_load(r->store, position_id, *version, prof, NULL, NULL) != STORE_OK)
		goto cleanup;
	res = OP_OK;
cleanup:
	free(versions);
	return res;
}

enum op_result ad_generate_for_position(struct request *r, int64_t position_id, const char *lang, bool force,
					struct stored_ad *out, struct form_errors *fe)
{
	struct position p;
	struct organisation o;
	struct profile prof;
	struct stored_ad *ad = xcalloc(1, sizeof *ad);  /* large: keep it off the worker's stack */
	struct actor a = req_actor(r);
	int version = 0;
	enum op_result res = OP_FAILED;
	enum store_rc rc;

	memset(&prof, 0, sizeof prof);
	/* The edited check and the save are one unit of work: an edit saved in
	 * between cannot be overwritten. */
	if (store_begin(r->store) != STORE_OK)
		goto done;
	res = generator_input(r, position_id, &p, &o, &prof, &version, fe);
	if (res != OP_OK)
		goto rollback;
	res = OP_FAILED;
	rc = store_ad_get(r->store, position_id, ad);
	if (rc == STORE_OK && ad->edited && !force) {
		form_error(fe, "edited",
			   _("This ad was edited by hand. Regenerating it would replace those edits with a new "
			     "draft; confirm that you want to replace them."));
		res = OP_INVALID;
		goto rollback;
	}
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		goto rollback;
	job_ad_generate(&p, &o, &prof, ad_lang_or_default(r, lang), &ad->ad);
	ad->position_id = position_id;
	ad->generated_from_version = version;
	ad->edited = false;
	if (store_ad_save(r->store, &a, ad, r->now) != STORE_OK)
		goto rollback;
	if (out && store_ad_get(r->store, position_id, out) != STORE_OK)
		goto rollback;
	if (store_commit(r->store) != STORE_OK)
		goto rollback;
	res = OP_OK;
	goto done;
rollback:
	store_rollback(r->store);
done:
	profile_free(&prof);
	free(ad);
	return res;
}

/* Whether a section holds more than blanks. */
static bool has_content(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return true;
	return false;
}

/* Number of lines of s without its trailing line breaks ("a\nb\n" = 2). */
static int line_count(const char *s, size_t *len_out)
{
	size_t len = strlen(s);
	int lines = 1;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	for (size_t i = 0; i < len; i++)
		lines += s[i] == '\n';
	if (len_out)
		*len_out = len;
	return lines;
}

void ad_text_for_lint(const struct job_ad *ad, struct buf *out)
{
	buf_puts(out, ad->title);
	buf_putc(out, '\n');
	for (int i = 0; i < JOB_AD_SECTION__COUNT; i++) {
		const char *text = job_ad_section_text(ad, (enum job_ad_section)i);
		const char *heading = job_ad_section_heading(ad->lang, (enum job_ad_section)i);
		size_t len;
		if (!has_content(text))
			continue;
		line_count(text, &len);
		buf_putc(out, '\n');
		if (*heading) {
			buf_puts(out, heading);
			buf_putc(out, '\n');
		}
		buf_append(out, text, len);
		buf_putc(out, '\n');
	}
}

const char *ad_lint_line_field(const struct job_ad *ad, int line, int *field_line)
{
	int at = 1;    /* the line the next part starts on */

	*field_line = 0;
	if (line == at) {
		*field_line = 1;
		return "title";
	}
	at++;
	for (int i = 0; i < JOB_AD_SECTION__COUNT; i++) {
		const char *text = job_ad_section_text(ad, (enum job_ad_section)i);
		if (!has_content(text))
			continue;
		at++;  /* the blank separator line */
		if (*job_ad_section_heading(ad->lang, (enum job_ad_section)i))
			at++;
		int n = line_count(text, NULL);
		if (line >= at && line < at + n) {
			*field_line = line - at + 1;
			return job_ad_section_key((enum job_ad_section)i);
		}
		at += n;
	}
	return NULL;
}

struct adlint_context ad_lint_context(const struct request *r, const struct position *p)
{
	struct adlint_context ctx = { .message_lang = lang_code(r->lang) };
	if (p)
		ctx.has_salary_range = p->salary_min > 0 || p->salary_max > 0;
	return ctx;
}

bool ad_lint(struct request *r, const struct stored_ad *ad, const struct position *p, struct adlint_result *out)
{
	char err[256];
	struct buf text = BUF_INIT;
	bool ok = false;

	memset(out, 0, sizeof *out);
	const struct adlint_rules *rules = adlint_rules_builtin(err, sizeof err);
	if (!rules) {
		log_error("the built-in linter rules cannot be loaded: %s", err);
		return false;
	}
	buf_init(&text);
	ad_text_for_lint(&ad->ad, &text);
	struct adlint_context ctx = ad_lint_context(r, p);
	enum adlint_lang lang = strcmp(ad->ad.lang, "en") == 0 ? ADLINT_EN : ADLINT_DE;
	ok = adlint_check(rules, text.data, text.len, lang, &ctx, out, err, sizeof err);
	if (!ok)
		log_error("the ad of position %lld cannot be linted: %s", (long long)ad->position_id, err);
	buf_free(&text);
	return ok;
}
