/*
 * The checks of a requirements profile and the suggestions of requirements
 * from strategic goals, following the seed's "Wie wird ein präzises
 * Anforderungsprofil erstellt?": goals first, every requirement serving a goal,
 * three to five must-haves, realistic expectations instead of a "unicorn",
 * stakeholders agreeing on tiers, and the role's difficulties written down.
 *
 * Each rule is a function that looks at the profile and emits findings into a
 * sink. profile_check() runs the rules once per severity, so the output is
 * ordered errors → warnings → hints and, within a group, by rule order,
 * without buffering more than the caller's array. Messages are English
 * msgids rendered through opt->translate; user text (titles, names) is
 * inserted with %s and truncated on a UTF-8 boundary when it does not fit.
 */
#include "core/profile_check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n_mark.h"

#define DEFAULT_USUAL_YEARS_MIN 5      /* seed: "fünf bis zehn Jahre" */
#define DEFAULT_USUAL_YEARS_MAX 10
#define MUST_HAVES_MIN 3               /* seed: "die drei bis fünf ..." */
#define MUST_HAVES_MAX 5
#define UNICORN_YEARS 10               /* seed: "zehn Jahren Erfahrung" */
#define UNICORN_REVENUE 1000000        /* seed: "Millionenumsätzen" */
#define UNICORN_FLAG_HALVES 6          /* flag at a weight of 3 (in half points) */

/* Translates msgid through the caller's callback (identity without one).
 * format_arg lets the compiler check the msgid against the arguments. */
static const char *tr(const struct profile_check_options *opt, const char *msgid)
	__attribute__((format_arg(2)));

static const char *tr(const struct profile_check_options *opt, const char *msgid)
{
	const char *s;

	if (opt == NULL || opt->translate == NULL)
		return msgid;
	s = opt->translate(msgid);
	return s != NULL ? s : msgid;
}

/* --- bounded text ---------------------------------------------------------- */

/* A fixed-size string being appended to; never overflows, and when text does
 * not fit it is cut before an incomplete UTF-8 sequence. */
struct text {
	char *s;
	size_t cap;
	size_t len;
};

static void text_init(struct text *t, char *s, size_t cap)
{
	t->s = s;
	t->cap = cap;
	t->len = 0;
	s[0] = '\0';
}

/* Length of s[0..len) without a trailing incomplete UTF-8 sequence. */
static size_t utf8_complete_len(const char *s, size_t len)
{
	size_t i = len;
	size_t need;
	unsigned char lead;

	while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return len;
	lead = (unsigned char)s[i - 1];
	if (lead >= 0xF0)
		need = 4;
	else if (lead >= 0xE0)
		need = 3;
	else if (lead >= 0xC0)
		need = 2;
	else
		return len;
	return len - (i - 1) < need ? i - 1 : len;
}

static void text_addf(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void text_addf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->len + 1 >= t->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->s[t->len] = '\0';
		return;
	}
	if ((size_t)n < t->cap - t->len) {
		t->len += (size_t)n;
		return;
	}
	t->len = utf8_complete_len(t->s, t->cap - 1);
	t->s[t->len] = '\0';
}

/* Copies src into dst[0..size), cut on a UTF-8 boundary. */
static void copy_text(char *dst, size_t size, const char *src)
{
	struct text t;

	text_init(&t, dst, size);
	text_addf(&t, "%s", src);
}

/* --- profile helpers -------------------------------------------------------- */

static bool is_blank(const char *s, size_t size)
{
	for (size_t i = 0; i < size && s[i] != '\0'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
		    s[i] != '\v' && s[i] != '\f')
			return false;
	return true;
}

static int link_count(const struct requirement *r)
{
	if (r->ngoals < 0)
		return 0;
	return r->ngoals > REQUIREMENT_MAX_GOALS ? REQUIREMENT_MAX_GOALS : r->ngoals;
}

static bool goal_known(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->ngoals; i++)
		if (p->goals[i].id == id)
			return true;
	return false;
}

/* Number of distinct goals of this profile the requirement links to; links
 * to unknown goal ids are ignored. */
static int known_links(const struct profile *p, const struct requirement *r)
{
	int n = 0, links = link_count(r);

	for (int i = 0; i < links; i++) {
		bool seen = false;
		for (int j = 0; j < i; j++)
			if (r->goal_ids[j] == r->goal_ids[i])
				seen = true;
		if (!seen && goal_known(p, r->goal_ids[i]))
			n++;
	}
	return n;
}

static bool goal_served(const struct profile *p, int64_t goal_id)
{
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *r = &p->requirements[i];
		int links = link_count(r);
		for (int j = 0; j < links; j++)
			if (r->goal_ids[j] == goal_id)
				return true;
	}
	return false;
}

/* Appends a requirement's title in quotes; an untitled one is named by its
 * kind. */
static void add_requirement_name(struct text *t, const struct profile_check_options *opt,
				 const struct requirement *r)
{
	const char *name = r->title;
	int len = (int)strnlen(r->title, sizeof r->title);

	if (is_blank(r->title, sizeof r->title)) {
		name = tr(opt, requirement_kind_label(r->kind));
		len = (int)strlen(name);
	}
	/* TRANSLATORS: quotes around a requirement or goal title in a list */
	text_addf(t, tr(opt, N_("“%.*s”")), len, name);
}

static void add_goal_name(struct text *t, const struct profile_check_options *opt, const struct goal *g)
{
	const char *name = g->title;
	int len = (int)strnlen(g->title, sizeof g->title);

	if (is_blank(g->title, sizeof g->title)) {
		name = tr(opt, goal_kind_label(g->kind));
		len = (int)strlen(name);
	}
	text_addf(t, tr(opt, N_("“%.*s”")), len, name);
}

/* --- findings --------------------------------------------------------------- */

/* Where the rules write: only findings of severity `want` are kept, and no
 * more than max of them. */
struct sink {
	struct finding *out;
	size_t max;
	size_t n;
	enum severity want;
	const struct profile_check_options *opt;
};

/* A cleared finding to fill in, or NULL when it is filtered out or the
 * output is full (the rule then skips building its message). */
static struct finding *emit(struct sink *k, const char *rule, enum severity sev)
{
	struct finding *f;

	if (sev != k->want || k->n >= k->max)
		return NULL;
	f = &k->out[k->n++];
	memset(f, 0, sizeof *f);
	f->rule = rule;
	f->severity = sev;
	return f;
}

static void add_item(struct finding *f, int64_t id)
{
	if (f->nitems < FINDING_MAX_ITEMS)
		f->items[f->nitems++] = id;
}

/* R-PROF-1 */
static void rule_no_goals(const struct profile *p, struct sink *k)
{
	struct finding *f;

	if (p->ngoals > 0 || (f = emit(k, "profile.no_goals", SEVERITY_ERROR)) == NULL)
		return;
	copy_text(f->message, sizeof f->message,
		  tr(k->opt, N_("No strategic goal yet. The profile starts from the company's goals: "
				"which revenue targets, which markets, which customer relationships?")));
}

static void rule_no_requirements(const struct profile *p, struct sink *k)
{
	struct finding *f;

	if (p->nrequirements > 0 || (f = emit(k, "profile.no_requirements", SEVERITY_ERROR)) == NULL)
		return;
	copy_text(f->message, sizeof f->message,
		  tr(k->opt, N_("No requirement yet. Add the requirements the goals call for and sort "
				"them into must-have, important and nice-to-have.")));
}

/* R-PROF-4: three to five must-haves, both bounds included. */
static void rule_must_have_count(const struct profile *p, struct sink *k)
{
	struct finding *f;
	struct text t;
	int count = 0;

	for (size_t i = 0; i < p->nrequirements; i++)
		if (p->requirements[i].tier == TIER_MUST)
			count++;
	if (count >= MUST_HAVES_MIN && count <= MUST_HAVES_MAX)
		return;
	if ((f = emit(k, "profile.must_have_count", SEVERITY_WARNING)) == NULL)
		return;
	for (size_t i = 0; i < p->nrequirements; i++)
		if (p->requirements[i].tier == TIER_MUST)
			add_item(f, p->requirements[i].id);
	text_init(&t, f->message, sizeof f->message);
	if (count < MUST_HAVES_MIN)
		text_addf(&t, tr(k->opt, N_("Must-haves in the profile: %d. Focus on the three to five "
					    "truly critical requirements: with fewer, the knockout "
					    "criteria do not tell suitable from unsuitable candidates.")),
			  count);
	else
		text_addf(&t, tr(k->opt, N_("Must-haves in the profile: %d. Focus on the three to five "
					    "truly critical requirements and show flexibility on the "
					    "others: move the rest to “Important”.")),
			  count);
}

/* What makes a must-have demanding for the unicorn check. */
enum {
	DEMAND_YEARS = 1 << 0,     /* experience of UNICORN_YEARS or more */
	DEMAND_LANGUAGE = 1 << 1,  /* a language at C1 or above */
	DEMAND_TECHNICAL = 1 << 2, /* a technical background */
	DEMAND_REVENUE = 1 << 3,   /* proven revenue of UNICORN_REVENUE or more */
};

static unsigned demands(const struct requirement *r)
{
	unsigned d = 0;

	if (r->tier != TIER_MUST)
		return 0;
	if (r->kind == REQ_EXPERIENCE && r->years_min >= UNICORN_YEARS)
		d |= DEMAND_YEARS;
	if (r->kind == REQ_LANGUAGE && r->level >= CEFR_C1 && r->level < CEFR__COUNT)
		d |= DEMAND_LANGUAGE;
	if (r->technical)
		d |= DEMAND_TECHNICAL;
	if (r->revenue_amount >= UNICORN_REVENUE)
		d |= DEMAND_REVENUE;
	return d;
}

/*
 * R-PROF-5: the seed's "unicorn" — a KAM with ten years, excellent foreign
 * languages, a technical background and proven millions "exists, but is
 * rarely available or affordable". Each kind of demand weighs 1 however many
 * must-haves carry it, except languages: one C1+ language weighs 1/2, two or
 * more weigh 1. A weight of 3 or more is flagged; every point above 2 adds
 * about two to four weeks to the search. The finding suggests keeping the
 * demanding must-have that serves the most goals and moving the others.
 */
static void rule_unicorn(const struct profile *p, struct sink *k)
{
	const struct profile_check_options *opt = k->opt;
	unsigned all = 0;
	int languages = 0, halves, ndemanding = 0, weeks;
	size_t keep = 0;
	int keep_links = -1;
	struct finding *f;
	char kept[sizeof p->requirements[0].title + 16], moved[sizeof f->message];
	struct text t, tk, tm;

	for (size_t i = 0; i < p->nrequirements; i++) {
		unsigned d = demands(&p->requirements[i]);
		all |= d;
		if (d & DEMAND_LANGUAGE)
			languages++;
		if (d != 0) {
			int links = known_links(p, &p->requirements[i]);
			ndemanding++;
			if (links > keep_links) {
				keep = i;
				keep_links = links;
			}
		}
	}
	halves = (all & DEMAND_YEARS ? 2 : 0) + (all & DEMAND_TECHNICAL ? 2 : 0) +
		 (all & DEMAND_REVENUE ? 2 : 0) + (languages >= 2 ? 2 : languages);
	if (halves < UNICORN_FLAG_HALVES || (f = emit(k, "profile.unicorn", SEVERITY_WARNING)) == NULL)
		return;

	text_init(&tk, kept, sizeof kept);
	add_requirement_name(&tk, opt, &p->requirements[keep]);
	text_init(&tm, moved, sizeof moved);
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *r = &p->requirements[i];
		if (demands(r) == 0)
			continue;
		add_item(f, r->id);
		if (i == keep)
			continue;
		if (tm.len > 0)
			text_addf(&tm, ", ");
		add_requirement_name(&tm, opt, r);
	}
	/* 2 to 4 weeks per point above 2, i.e. (halves - 4) to 2 × (halves - 4). */
	weeks = halves - 4;
	text_init(&t, f->message, sizeof f->message);
	if (ndemanding > 1)
		text_addf(&t, tr(opt, N_("%d demanding must-haves in combination: such a person exists, but "
					 "is rarely available or affordable, and the search takes about "
					 "+%d to %d weeks longer. Keep %s, which serves the most goals, as "
					 "a must-have and move %s to “%s”.")),
			  ndemanding, weeks, 2 * weeks, kept, moved, tr(opt, tier_label(TIER_IMPORTANT)));
	else
		text_addf(&t, tr(opt, N_("One must-have combines several demanding requirements: %s. Such a "
					 "person exists, but is rarely available or affordable, and the "
					 "search takes about +%d to %d weeks longer. Split it and move the "
					 "less critical parts to “%s”.")),
			  kept, weeks, 2 * weeks, tr(opt, tier_label(TIER_IMPORTANT)));
}

/* The role's usual experience range from the options; 0/0 means 5–10. A
 * maximum of 0 with a minimum set means open-ended. */
static void usual_years(const struct profile_check_options *opt, int *lo, int *hi)
{
	if (opt == NULL || (opt->usual_years_min == 0 && opt->usual_years_max == 0)) {
		*lo = DEFAULT_USUAL_YEARS_MIN;
		*hi = DEFAULT_USUAL_YEARS_MAX;
	} else {
		*lo = opt->usual_years_min;
		*hi = opt->usual_years_max;
	}
}

static bool years_invalid(const struct requirement *r)
{
	return r->years_min < 0 || r->years_max < 0 ||
	       (r->years_max != 0 && r->years_max < r->years_min);
}

static bool years_unusual(const struct requirement *r, int lo, int hi)
{
	if (r->years_min != 0 && r->years_min < lo)
		return true;
	if (r->years_max != 0 && r->years_max < lo)
		return true;
	if (hi != 0 && (r->years_min > hi || r->years_max > hi))
		return true;
	return false;
}

/* The seed's "fünf bis zehn Jahre": years outside the role's usual range are
 * a warning; an inverted or negative range is an error. */
static void rule_experience_range(const struct profile *p, struct sink *k)
{
	const struct profile_check_options *opt = k->opt;
	int lo, hi;

	usual_years(opt, &lo, &hi);
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *r = &p->requirements[i];
		struct finding *f;
		char title[sizeof r->title + 16], years[64];
		struct text t, tt, ty;

		if (r->kind != REQ_EXPERIENCE)
			continue;
		if (years_invalid(r))
			f = emit(k, "profile.experience_range", SEVERITY_ERROR);
		else if (years_unusual(r, lo, hi))
			f = emit(k, "profile.experience_range", SEVERITY_WARNING);
		else
			continue;
		if (f == NULL)
			continue;
		add_item(f, r->id);
		text_init(&tt, title, sizeof title);
		add_requirement_name(&tt, opt, r);
		text_init(&t, f->message, sizeof f->message);
		if (r->years_min < 0 || r->years_max < 0) {
			text_addf(&t, tr(opt, N_("%s: years of experience must not be negative.")), title);
			continue;
		}
		if (f->severity == SEVERITY_ERROR) {
			text_addf(&t, tr(opt, N_("%s: the maximum of %d years is lower than the minimum "
						 "of %d years.")),
				  title, r->years_max, r->years_min);
			continue;
		}
		text_init(&ty, years, sizeof years);
		if (r->years_min != 0 && r->years_max != 0)
			text_addf(&ty, tr(opt, N_("%d to %d years")), r->years_min, r->years_max);
		else if (r->years_min != 0)
			text_addf(&ty, tr(opt, N_("at least %d years")), r->years_min);
		else
			text_addf(&ty, tr(opt, N_("up to %d years")), r->years_max);
		text_addf(&t, tr(opt, N_("%s asks for %s of experience, outside the usual range.")),
			  title, years);
		text_addf(&t, " ");
		if (lo == DEFAULT_USUAL_YEARS_MIN && hi == DEFAULT_USUAL_YEARS_MAX)
			text_addf(&t, "%s", tr(opt, N_("Five to ten years are the usual guide for a key "
						       "account manager.")));
		else if (hi == 0)
			text_addf(&t, tr(opt, N_("At least %d years are the usual guide for this role.")), lo);
		else
			text_addf(&t, tr(opt, N_("%d to %d years are the usual guide for this role.")), lo, hi);
	}
}

/* R-PROF-2: requirements that serve none of the profile's goals. */
static void rule_unlinked_requirement(const struct profile *p, struct sink *k)
{
	struct finding *f = NULL;
	char names[sizeof f->message];
	struct text tn, t;

	text_init(&tn, names, sizeof names);
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *r = &p->requirements[i];
		if (known_links(p, r) > 0)
			continue;
		if (f == NULL && (f = emit(k, "profile.unlinked_requirement", SEVERITY_WARNING)) == NULL)
			return;
		add_item(f, r->id);
		if (tn.len > 0)
			text_addf(&tn, ", ");
		add_requirement_name(&tn, k->opt, r);
	}
	if (f == NULL)
		return;
	text_init(&t, f->message, sizeof f->message);
	text_addf(&t, tr(k->opt, N_("Requirements that serve no strategic goal: %s. Link each one to "
				    "the goal it serves, or ask whether it is needed at all.")),
		  names);
}

/* R-PROF-2: goals that no requirement serves. */
static void rule_goal_without_requirement(const struct profile *p, struct sink *k)
{
	struct finding *f = NULL;
	char names[sizeof f->message];
	struct text tn, t;

	text_init(&tn, names, sizeof names);
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];
		if (goal_served(p, g->id))
			continue;
		if (f == NULL &&
		    (f = emit(k, "profile.goal_without_requirement", SEVERITY_WARNING)) == NULL)
			return;
		add_item(f, g->id);
		if (tn.len > 0)
			text_addf(&tn, ", ");
		add_goal_name(&tn, k->opt, g);
	}
	if (f == NULL)
		return;
	text_init(&t, f->message, sizeof f->message);
	text_addf(&t, tr(k->opt, N_("Goals that no requirement serves yet: %s. Add the requirements "
				    "each goal calls for.")),
		  names);
}

static const struct stakeholder *find_stakeholder(const struct profile *p, int64_t id)
{
	for (size_t i = 0; i < p->nstakeholders; i++)
		if (p->stakeholders[i].id == id)
			return &p->stakeholders[i];
	return NULL;
}

/* Whether the proposals for requirement id name at least two different
 * tiers. */
static bool tiers_diverge(const struct profile *p, int64_t id)
{
	const struct proposal *first = NULL;

	for (size_t i = 0; i < p->nproposals; i++) {
		const struct proposal *pr = &p->proposals[i];
		if (pr->requirement_id != id)
			continue;
		if (first == NULL)
			first = pr;
		else if (pr->tier != first->tier)
			return true;
	}
	return false;
}

/* R-PROF-6: stakeholders propose different tiers and the owner has not
 * decided yet; one finding per requirement. */
static void rule_tier_conflict(const struct profile *p, struct sink *k)
{
	const struct profile_check_options *opt = k->opt;

	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *r = &p->requirements[i];
		struct finding *f;
		char who[sizeof f->message], title[sizeof r->title + 16];
		struct text tw, tt, t;

		if (r->tier_decided || !tiers_diverge(p, r->id))
			continue;
		if ((f = emit(k, "profile.tier_conflict", SEVERITY_ERROR)) == NULL)
			return;
		add_item(f, r->id);
		text_init(&tw, who, sizeof who);
		for (size_t j = 0; j < p->nproposals; j++) {
			const struct proposal *pr = &p->proposals[j];
			const struct stakeholder *s;

			if (pr->requirement_id != r->id)
				continue;
			s = find_stakeholder(p, pr->stakeholder_id);
			if (tw.len > 0)
				text_addf(&tw, "; ");
			text_addf(&tw, "%.*s: %s", s ? (int)strnlen(s->name, sizeof s->name) : 1,
				  s ? s->name : "?", tr(opt, tier_label(pr->tier)));
		}
		text_init(&tt, title, sizeof title);
		add_requirement_name(&tt, opt, r);
		text_init(&t, f->message, sizeof f->message);
		text_addf(&t, tr(opt, N_("Stakeholders disagree on the tier of %s (%s). Decide the tier "
					 "before the profile is approved.")),
			  title, who);
	}
}

/* R-PROF-8 */
static void rule_no_challenges(const struct profile *p, struct sink *k)
{
	struct finding *f;

	if (!is_blank(p->challenges, sizeof p->challenges) ||
	    (f = emit(k, "profile.no_challenges", SEVERITY_WARNING)) == NULL)
		return;
	copy_text(f->message, sizeof f->message,
		  tr(k->opt, N_("The role's known challenges are not documented. Finalists must hear "
				"about the difficulties: if they are kept quiet, the new hire is soon "
				"disappointed and may leave again.")));
}

/* The rules in the order of profile_check.h. */
static void (*const rules[])(const struct profile *, struct sink *) = {
	rule_no_goals,
	rule_no_requirements,
	rule_must_have_count,
	rule_unicorn,
	rule_experience_range,
	rule_unlinked_requirement,
	rule_goal_without_requirement,
	rule_tier_conflict,
	rule_no_challenges,
};

size_t profile_check(const struct profile *p, const struct profile_check_options *opt, struct finding *out, size_t max)
{
	static const enum severity order[] = { SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_HINT };
	struct sink k = { out, out != NULL ? max : 0, 0, SEVERITY_ERROR, opt };

	if (p == NULL)
		return 0;
	for (size_t s = 0; s < sizeof order / sizeof order[0]; s++) {
		k.want = order[s];
		for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
			rules[i](p, &k);
	}
	return k.n;
}

bool findings_block_approval(const struct finding *f, size_t n)
{
	if (f == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		if (f[i].severity == SEVERITY_ERROR)
			return true;
	return false;
}

const char *severity_code(enum severity s)
{
	switch (s) {
	case SEVERITY_ERROR:
		return "error";
	case SEVERITY_WARNING:
		return "warning";
	case SEVERITY_HINT:
		return "hint";
	}
	return "unknown";
}

/* --- suggestions ------------------------------------------------------------ */

enum suggestion_key { SUGGEST_INTERNATIONAL, SUGGEST_LANGUAGE, SUGGEST_TECHNICAL, SUGGEST_SALES, SUGGEST__COUNT };

static const char *const suggestion_keys[SUGGEST__COUNT] = {
	[SUGGEST_INTERNATIONAL] = "international_experience",
	[SUGGEST_LANGUAGE] = "foreign_language",
	[SUGGEST_TECHNICAL] = "technical_understanding",
	[SUGGEST_SALES] = "sales_track_record",
};

/* Collects suggestions; each key at most once, and not when a requirement
 * of the profile already carries it as competency_key. */
struct suggester {
	const struct profile *p;
	const struct profile_check_options *opt;
	struct suggestion *out;
	size_t max;
	size_t n;
	bool done[SUGGEST__COUNT];
};

static bool key_covered(const struct profile *p, const char *key)
{
	for (size_t i = 0; i < p->nrequirements; i++) {
		const struct requirement *r = &p->requirements[i];
		if (strnlen(r->competency_key, sizeof r->competency_key) < sizeof r->competency_key &&
		    strcmp(r->competency_key, key) == 0)
			return true;
	}
	return false;
}

/* A new suggestion for key from goal g, or NULL when it is not wanted or
 * does not fit. */
static struct requirement *suggest(struct suggester *sg, enum suggestion_key key, const struct goal *g,
				   enum requirement_kind kind, enum tier tier, const char *title)
{
	struct suggestion *s;

	if (sg->done[key])
		return NULL;
	sg->done[key] = true;
	if (key_covered(sg->p, suggestion_keys[key]) || sg->n >= sg->max)
		return NULL;
	s = &sg->out[sg->n++];
	memset(s, 0, sizeof *s);
	s->key = suggestion_keys[key];
	s->goal_id = g->id;
	s->requirement.kind = kind;
	s->requirement.tier = tier;
	copy_text(s->requirement.title, sizeof s->requirement.title, title);
	copy_text(s->requirement.competency_key, sizeof s->requirement.competency_key, s->key);
	s->requirement.goal_ids[0] = g->id;
	s->requirement.ngoals = 1;
	return &s->requirement;
}

size_t profile_suggest(const struct profile *p, const struct profile_check_options *opt, struct suggestion *out, size_t max)
{
	struct suggester sg = { p, opt, out, out != NULL ? max : 0, 0, { false } };
	struct requirement *r;

	if (p == NULL)
		return 0;
	for (size_t i = 0; i < p->ngoals; i++) {
		const struct goal *g = &p->goals[i];

		if (g->international) {
			suggest(&sg, SUGGEST_INTERNATIONAL, g, REQ_EXPERIENCE, TIER_IMPORTANT,
				tr(opt, N_("International experience")));
			r = suggest(&sg, SUGGEST_LANGUAGE, g, REQ_LANGUAGE, TIER_IMPORTANT,
				    tr(opt, N_("Business fluent English")));
			if (r != NULL) {
				copy_text(r->language, sizeof r->language, tr(opt, N_("English")));
				r->level = CEFR_C1;
			}
		}
		if (g->technical_market) {
			r = suggest(&sg, SUGGEST_TECHNICAL, g, REQ_SKILL, TIER_IMPORTANT,
				    tr(opt, N_("Technical product understanding")));
			if (r != NULL)
				r->technical = true;
		}
		if (g->kind == GOAL_REVENUE) {
			r = suggest(&sg, SUGGEST_SALES, g, REQ_EXPERIENCE, TIER_MUST,
				    tr(opt, N_("Proven sales results of comparable size")));
			if (r != NULL)
				r->revenue_amount = g->revenue_amount / 2;
		}
	}
	return sg.n;
}
