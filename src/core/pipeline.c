/*
 * The pipeline of a position (R-CAND-2): default stages, the checks of a
 * per-position stage configuration, the move rules, the rejection reasons,
 * and the ages shown on the board cards (days in stage, business days since
 * the last contact).
 *
 * Labels and messages are English msgids (N_) that the web and CLI layers
 * translate. Nothing here allocates or reads the clock; times are Unix
 * seconds and calendar days are counted in UTC.
 */
#include "core/pipeline.h"
#include "core/code_table.h"

#include <string.h>

#include "core/i18n_mark.h"

#define SECONDS_PER_DAY 86400

static const char *const stage_kind_codes[STAGE_KIND__COUNT] = {
	[STAGE_ACTIVE] = "active",
	[STAGE_HIRED] = "hired",
	[STAGE_EXIT] = "exit",
};

/* The default stages, in board order; German labels come from po/de.po. */
static const struct {
	const char *code;
	const char *label;
	enum stage_kind kind;
} default_stages[PIPELINE_DEFAULT_COUNT] = {
	{ "identified", N_("Identified"), STAGE_ACTIVE },                    /* Identifiziert */
	{ "contacted", N_("Contacted"), STAGE_ACTIVE },                      /* Kontaktiert */
	{ "prequalification", N_("Pre-qualification (phone)"), STAGE_ACTIVE }, /* Vorqualifikation (Telefon) */
	{ "first_interview", N_("First interview"), STAGE_ACTIVE },          /* Erstgespräch */
	{ "deep_interview", N_("In-depth interview"), STAGE_ACTIVE },        /* Vertiefendes Interview */
	{ "final_interview", N_("Final interview"), STAGE_ACTIVE },          /* Finalgespräch */
	{ "offer", N_("Offer"), STAGE_ACTIVE },                              /* Angebot */
	{ STAGE_CODE_HIRED, N_("Hired"), STAGE_HIRED },                      /* Eingestellt */
	{ STAGE_CODE_REJECTED, N_("Rejected"), STAGE_EXIT },                 /* Abgesagt */
	{ STAGE_CODE_WITHDRAWN, N_("Withdrawn"), STAGE_EXIT },               /* Zurückgezogen */
};

static const char *const rejection_reason_codes[REJECTION_REASON__COUNT] = {
	[REJECT_PROFILE_MISMATCH] = "profile_mismatch",
	[REJECT_SALARY_EXPECTATIONS] = "salary_expectations",
	[REJECT_CULTURE_FIT] = "culture_fit",
	[REJECT_NO_RESPONSE] = "no_response",
	[REJECT_POSITION_FILLED] = "position_filled",
	[REJECT_WITHDREW_OTHER_OFFER] = "withdrew_other_offer",
	[REJECT_OTHER] = "other",
};

static const char *const rejection_reason_labels[REJECTION_REASON__COUNT] = {
	[REJECT_PROFILE_MISMATCH] = N_("Profile does not match"),
	[REJECT_SALARY_EXPECTATIONS] = N_("Salary expectations too high"),
	[REJECT_CULTURE_FIT] = N_("Culture fit"),
	[REJECT_NO_RESPONSE] = N_("No response"),
	[REJECT_POSITION_FILLED] = N_("Position already filled"),
	[REJECT_WITHDREW_OTHER_OFFER] = N_("Accepted another offer"),
	[REJECT_OTHER] = N_("Other reason"),
};

static const char *const move_check_codes[MOVE_CHECK__COUNT] = {
	[MOVE_OK] = "ok",
	[MOVE_UNKNOWN_STAGE] = "unknown_stage",
	[MOVE_SAME_STAGE] = "same_stage",
	[MOVE_REASON_REQUIRED] = "reason_required",
	[MOVE_REASON_NOTE_REQUIRED] = "reason_note_required",
	[MOVE_INFORMED_REQUIRED] = "informed_required",
	[MOVE_HIRED_ONLY_TO_EXIT] = "hired_only_to_exit",
	[MOVE_EXIT_NOT_TO_HIRED] = "exit_not_to_hired",
};

static const char *const move_check_messages[MOVE_CHECK__COUNT] = {
	[MOVE_OK] = N_("The move is allowed."),
	[MOVE_UNKNOWN_STAGE] = N_("Unknown stage."),
	[MOVE_SAME_STAGE] = N_("The application is already in this stage."),
	[MOVE_REASON_REQUIRED] = N_("Please choose a reason for the rejection."),
	[MOVE_REASON_NOTE_REQUIRED] = N_("Please describe the reason for the rejection."),
	[MOVE_INFORMED_REQUIRED] = N_("Please state whether the candidate has been informed of the rejection."),
	[MOVE_HIRED_ONLY_TO_EXIT] = N_("A hired candidate can only leave the pipeline as rejected or withdrawn."),
	[MOVE_EXIT_NOT_TO_HIRED] = N_("Reopen the application in an active stage before marking it as hired."),
};

static const char *const contact_age_codes[CONTACT_AGE__COUNT] = {
	[CONTACT_AGE_OK] = "ok",
	[CONTACT_AGE_WARNING] = "warning",
	[CONTACT_AGE_CRITICAL] = "critical",
	[CONTACT_AGE_LOST] = "lost",
	[CONTACT_AGE_NONE] = "none",
};

static const char *const contact_age_labels[CONTACT_AGE__COUNT] = {
	[CONTACT_AGE_OK] = N_("Recently contacted"),
	[CONTACT_AGE_WARNING] = N_("Follow up"),
	[CONTACT_AGE_CRITICAL] = N_("Follow up today"),
	[CONTACT_AGE_LOST] = N_("Interest may be lost"),
	[CONTACT_AGE_NONE] = N_("Not contacted yet"),
};

const char *stage_kind_code(enum stage_kind k)
{
	return (unsigned)k < STAGE_KIND__COUNT ? stage_kind_codes[k] : "unknown";
}

bool stage_kind_parse(const char *code, enum stage_kind *out)
{
	int i = code_table_index(stage_kind_codes, STAGE_KIND__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum stage_kind)i;
	return true;
}

const char *rejection_reason_code(enum rejection_reason r)
{
	return (unsigned)r < REJECTION_REASON__COUNT ? rejection_reason_codes[r] : "unknown";
}

const char *rejection_reason_label(enum rejection_reason r)
{
	return (unsigned)r < REJECTION_REASON__COUNT ? rejection_reason_labels[r] : N_("Unknown");
}

bool rejection_reason_parse(const char *code, enum rejection_reason *out)
{
	int i = code_table_index(rejection_reason_codes, REJECTION_REASON__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum rejection_reason)i;
	return true;
}

const char *move_check_code(enum move_check c)
{
	return (unsigned)c < MOVE_CHECK__COUNT ? move_check_codes[c] : "unknown";
}

const char *move_check_message(enum move_check c)
{
	return (unsigned)c < MOVE_CHECK__COUNT ? move_check_messages[c] : N_("Unknown");
}

const char *contact_age_code(enum contact_age a)
{
	return (unsigned)a < CONTACT_AGE__COUNT ? contact_age_codes[a] : "unknown";
}

const char *contact_age_label(enum contact_age a)
{
	return (unsigned)a < CONTACT_AGE__COUNT ? contact_age_labels[a] : N_("Unknown");
}

/* --- configuration ------------------------------------------------------------ */

size_t pipeline_default_stages(struct stage *out, size_t max)
{
	size_t n = out != NULL && max < PIPELINE_DEFAULT_COUNT ? max : PIPELINE_DEFAULT_COUNT;

	if (out == NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		/* the table's strings are short constants, checked by the unit test */
		strncpy(out[i].code, default_stages[i].code, sizeof out[i].code - 1);
		strncpy(out[i].label, default_stages[i].label, sizeof out[i].label - 1);
		out[i].kind = default_stages[i].kind;
		out[i].order = (int)i + 1;
	}
	return n;
}

/* Collects problems up to the caller's limit. */
struct problems {
	struct field_problem *out;
	size_t max;
	size_t n;
};

static void problem(struct problems *ps, const char *field, const char *message)
{
	if (ps->n < ps->max) {
		ps->out[ps->n].field = field;
		ps->out[ps->n].message = message;
		ps->n++;
	}
}

static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static bool blank(const char *s, size_t size)
{
	for (size_t i = 0; i < size && s[i] != '\0'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\v' && s[i] != '\f')
			return false;
	return true;
}

/* Whether code is a NUL-terminated [a-z][a-z0-9_]* within its field. */
static bool code_valid(const char *code, size_t size)
{
	if (!terminated(code, size) || !(code[0] >= 'a' && code[0] <= 'z'))
		return false;
	for (size_t i = 1; code[i] != '\0'; i++) {
		char c = code[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

const struct stage *pipeline_find(const struct stage *s, size_t n, const char *code)
{
	if (s == NULL || code == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (terminated(s[i].code, sizeof s[i].code) && strcmp(s[i].code, code) == 0)
			return &s[i];
	return NULL;
}

/* Whether an exit stage with this code is present. */
static bool exit_present(const struct stage *s, size_t n, const char *code)
{
	const struct stage *st = pipeline_find(s, n, code);

	return st != NULL && st->kind == STAGE_EXIT;
}

size_t pipeline_validate(const struct stage *s, size_t n, struct field_problem *out, size_t max)
{
	struct problems ps = { out, out != NULL ? max : 0, 0 };
	size_t active = 0, hired = 0;
	bool bad_code = false, dup_code = false, bad_label = false, dup_order = false, bad_kind = false;
	bool hired_early = false;
	const struct stage *hired_stage = NULL;

	if (s == NULL || n == 0) {
		problem(&ps, "stages", N_("The pipeline has no stages."));
		return ps.n;
	}
	if (n > PIPELINE_MAX_STAGES) {
		problem(&ps, "stages", N_("A pipeline can have at most 32 stages."));
		return ps.n;
	}

	for (size_t i = 0; i < n; i++) {
		const struct stage *st = &s[i];
		bool ok = code_valid(st->code, sizeof st->code);

		if (!ok)
			bad_code = true;
		for (size_t j = 0; ok && j < i; j++)
			if (strncmp(s[j].code, st->code, sizeof st->code) == 0)
				dup_code = true;
		if (!terminated(st->label, sizeof st->label) || blank(st->label, sizeof st->label))
			bad_label = true;
		for (size_t j = 0; j < i; j++)
			if (s[j].order == st->order)
				dup_order = true;
		if ((unsigned)st->kind >= STAGE_KIND__COUNT)
			bad_kind = true;
		else if (st->kind == STAGE_ACTIVE)
			active++;
		else if (st->kind == STAGE_HIRED) {
			hired++;
			hired_stage = st;
		}
	}
	if (hired == 1)
		for (size_t i = 0; i < n; i++)
			if (s[i].kind == STAGE_ACTIVE && s[i].order >= hired_stage->order)
				hired_early = true;

	if (bad_code)
		problem(&ps, "code", N_("Stage codes must start with a lower-case letter and contain only a–z, 0–9 and _ (at most 31 characters)."));
	if (dup_code)
		problem(&ps, "code", N_("Every stage needs its own code."));
	if (bad_label)
		problem(&ps, "label", N_("Every stage needs a name of at most 79 bytes."));
	if (dup_order)
		problem(&ps, "order", N_("Two stages have the same position in the order."));
	if (bad_kind)
		problem(&ps, "kind", N_("Unknown kind of stage."));
	if (hired != 1)
		problem(&ps, "stages", N_("The pipeline needs exactly one stage for hired candidates."));
	else if (hired_early)
		problem(&ps, "order", N_("The hired stage must come after every active stage."));
	if (!exit_present(s, n, STAGE_CODE_REJECTED))
		problem(&ps, "stages", N_("The exit stage “rejected” is missing."));
	if (!exit_present(s, n, STAGE_CODE_WITHDRAWN))
		problem(&ps, "stages", N_("The exit stage “withdrawn” is missing."));
	if (active < PIPELINE_MIN_ACTIVE)
		problem(&ps, "stages", N_("The pipeline needs at least two active stages."));
	return ps.n;
}

/* Whether stage a sorts before stage b: by order, then by code. */
static bool stage_before(const struct stage *a, const struct stage *b)
{
	if (a->order != b->order)
		return a->order < b->order;
	return strncmp(a->code, b->code, sizeof a->code) < 0;
}

void pipeline_sort(struct stage *s, size_t n)
{
	if (s == NULL)
		return;
	/* insertion sort: at most PIPELINE_MAX_STAGES entries, and stable */
	for (size_t i = 1; i < n; i++) {
		struct stage tmp = s[i];
		size_t j = i;
		while (j > 0 && stage_before(&tmp, &s[j - 1])) {
			s[j] = s[j - 1];
			j--;
		}
		s[j] = tmp;
	}
}

/* --- moves ------------------------------------------------------------------ */

static bool text_empty(const char *s)
{
	return s == NULL || blank(s, strlen(s));
}

enum move_check pipeline_check_move(const struct stage *stages, size_t n, const char *from, const char *to,
				    const struct move_input *in)
{
	static const struct move_input none = { NULL, NULL, INFORMED_UNANSWERED };
	const struct stage *a = pipeline_find(stages, n, from);
	const struct stage *b = pipeline_find(stages, n, to);
	enum rejection_reason reason;

	if (in == NULL)
		in = &none;
	if (a == NULL || b == NULL)
		return MOVE_UNKNOWN_STAGE;
	if (a == b)
		return MOVE_SAME_STAGE;
	if (a->kind == STAGE_HIRED && b->kind != STAGE_EXIT)
		return MOVE_HIRED_ONLY_TO_EXIT;
	if (a->kind == STAGE_EXIT && b->kind == STAGE_HIRED)
		return MOVE_EXIT_NOT_TO_HIRED;
	if (strcmp(b->code, STAGE_CODE_REJECTED) == 0) {
		if (!rejection_reason_parse(in->reason, &reason))
			return MOVE_REASON_REQUIRED;
		if (reason == REJECT_OTHER && text_empty(in->reason_note))
			return MOVE_REASON_NOTE_REQUIRED;
		if (in->informed != INFORMED_NO && in->informed != INFORMED_YES)
			return MOVE_INFORMED_REQUIRED;
	}
	return MOVE_OK;
}

/* --- ages ------------------------------------------------------------------- */

int days_in_stage(int64_t entered_at, int64_t now)
{
	int64_t d;

	if (entered_at <= 0 || entered_at >= now)
		return 0;
	d = (now - entered_at) / SECONDS_PER_DAY;
	return d > INT32_MAX ? INT32_MAX : (int)d;
}

/* Days since 1970-01-01 (UTC) of the day containing t; t ≥ 0. */
static int64_t day_number(int64_t t)
{
	return t / SECONDS_PER_DAY;
}

/* Whether day number d (days since 1970-01-01, a Thursday) is Mon–Fri. */
static bool business_day(int64_t d)
{
	int64_t wd = (d + 3) % 7;         /* 0 = Monday … 6 = Sunday */

	return wd < 5;
}

int business_days_between(int64_t since, int64_t now)
{
	int64_t a, b, count;

	if (since <= 0 || since >= now)
		return 0;
	a = day_number(since);
	b = day_number(now);
	/* days a+1 … b: whole weeks hold five business days each */
	count = (b - a) / 7 * 5;
	for (int64_t d = a + 1 + (b - a) / 7 * 7; d <= b; d++)
		if (business_day(d))
			count++;
	return count > INT32_MAX ? INT32_MAX : (int)count;
}

enum contact_age contact_age_level(int64_t last_contact_at, int64_t now)
{
	int days;

	if (last_contact_at <= 0)
		return CONTACT_AGE_NONE;
	days = business_days_between(last_contact_at, now);
	if (days >= CONTACT_AGE_LOST_DAYS)
		return CONTACT_AGE_LOST;
	if (days >= CONTACT_AGE_CRITICAL_DAYS)
		return CONTACT_AGE_CRITICAL;
	if (days >= CONTACT_AGE_WARNING_DAYS)
		return CONTACT_AGE_WARNING;
	return CONTACT_AGE_OK;
}
