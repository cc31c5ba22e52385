/*
 * Positions and organisations: the stable codes and labels of their
 * enumerations, the Bundesländer, and the field checks every layer runs
 * before anything is stored.
 *
 * Validation reports English msgids (marked with N_) together with the field's
 * API/form name; the web and CLI layers translate and show them next to the
 * field. Nothing here allocates, and nothing reads the clock: days_between()
 * takes `now` as an argument.
 */
#include "core/position.h"
#include "core/code_table.h"

#include <string.h>

#include "core/i18n_mark.h"

#define SECONDS_PER_DAY 86400
#define HEADCOUNT_MAX 999

static const char *const position_status_codes[POSITION_STATUS__COUNT] = {
	[POSITION_DRAFT] = "draft",
	[POSITION_OPEN] = "open",
	[POSITION_PAUSED] = "paused",
	[POSITION_FILLED] = "filled",
	[POSITION_CLOSED] = "closed",
};

static const char *const position_status_labels[POSITION_STATUS__COUNT] = {
	[POSITION_DRAFT] = N_("Draft"),
	[POSITION_OPEN] = N_("Open"),
	[POSITION_PAUSED] = N_("Paused"),
	[POSITION_FILLED] = N_("Filled"),
	[POSITION_CLOSED] = N_("Closed"),
};

static const char *const remote_policy_codes[REMOTE__COUNT] = {
	[REMOTE_ONSITE] = "onsite",
	[REMOTE_HYBRID] = "hybrid",
	[REMOTE_FULL] = "remote",
};

static const char *const remote_policy_labels[REMOTE__COUNT] = {
	[REMOTE_ONSITE] = N_("On-site"),
	[REMOTE_HYBRID] = N_("Hybrid"),
	[REMOTE_FULL] = N_("Remote"),
};

static const char *const employment_type_codes[EMPLOYMENT__COUNT] = {
	[EMPLOYMENT_FULL_TIME] = "full_time",
	[EMPLOYMENT_PART_TIME] = "part_time",
	[EMPLOYMENT_CONTRACT] = "contract",
	[EMPLOYMENT_TEMPORARY] = "temporary",
};

static const char *const employment_type_labels[EMPLOYMENT__COUNT] = {
	[EMPLOYMENT_FULL_TIME] = N_("Full-time"),
	[EMPLOYMENT_PART_TIME] = N_("Part-time"),
	[EMPLOYMENT_CONTRACT] = N_("Contract"),
	[EMPLOYMENT_TEMPORARY] = N_("Temporary"),
};

const struct bundesland BUNDESLAENDER[16] = {
	{ "DE-BW", "Baden-Württemberg" },
	{ "DE-BY", "Bayern" },
	{ "DE-BE", "Berlin" },
	{ "DE-BB", "Brandenburg" },
	{ "DE-HB", "Bremen" },
	{ "DE-HH", "Hamburg" },
	{ "DE-HE", "Hessen" },
	{ "DE-MV", "Mecklenburg-Vorpommern" },
	{ "DE-NI", "Niedersachsen" },
	{ "DE-NW", "Nordrhein-Westfalen" },
	{ "DE-RP", "Rheinland-Pfalz" },
	{ "DE-SL", "Saarland" },
	{ "DE-SN", "Sachsen" },
	{ "DE-ST", "Sachsen-Anhalt" },
	{ "DE-SH", "Schleswig-Holstein" },
	{ "DE-TH", "Thüringen" },
};

const char *position_status_code(enum position_status s)
{
	return (unsigned)s < POSITION_STATUS__COUNT ? position_status_codes[s] : "unknown";
}

const char *position_status_label(enum position_status s)
{
	return (unsigned)s < POSITION_STATUS__COUNT ? position_status_labels[s] : N_("Unknown");
}

bool position_status_parse(const char *code, enum position_status *out)
{
	int i = code_table_index(position_status_codes, POSITION_STATUS__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum position_status)i;
	return true;
}

const char *remote_policy_code(enum remote_policy r)
{
	return (unsigned)r < REMOTE__COUNT ? remote_policy_codes[r] : "unknown";
}

const char *remote_policy_label(enum remote_policy r)
{
	return (unsigned)r < REMOTE__COUNT ? remote_policy_labels[r] : N_("Unknown");
}

bool remote_policy_parse(const char *code, enum remote_policy *out)
{
	int i = code_table_index(remote_policy_codes, REMOTE__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum remote_policy)i;
	return true;
}

const char *employment_type_code(enum employment_type e)
{
	return (unsigned)e < EMPLOYMENT__COUNT ? employment_type_codes[e] : "unknown";
}

const char *employment_type_label(enum employment_type e)
{
	return (unsigned)e < EMPLOYMENT__COUNT ? employment_type_labels[e] : N_("Unknown");
}

bool employment_type_parse(const char *code, enum employment_type *out)
{
	int i = code_table_index(employment_type_codes, EMPLOYMENT__COUNT, code);

	if (i < 0)
		return false;
	if (out != NULL)
		*out = (enum employment_type)i;
	return true;
}

bool bundesland_valid(const char *code)
{
	if (code == NULL)
		return false;
	for (size_t i = 0; i < sizeof BUNDESLAENDER / sizeof BUNDESLAENDER[0]; i++)
		if (strcmp(code, BUNDESLAENDER[i].code) == 0)
			return true;
	return false;
}

/* --- validation ------------------------------------------------------------ */

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

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whether the string in s[0..size) is empty or only ASCII white space. */
static bool blank(const char *s, size_t size)
{
	for (size_t i = 0; i < size && s[i] != '\0'; i++)
		if (!is_space((unsigned char)s[i]))
			return false;
	return true;
}

/* Whether the field s[0..size) is a NUL-terminated string. */
static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

/* Whether s is exactly n upper-case ASCII letters. */
static bool upper_letters(const char *s, size_t size, size_t n)
{
	if (!terminated(s, size) || strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_upper((unsigned char)s[i]))
			return false;
	return true;
}

static bool leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Whether s is a real Gregorian calendar date written YYYY-MM-DD (years
 * 0001–9999). */
static bool calendar_date_valid(const char *s)
{
	static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit((unsigned char)s[i]))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	if (m == 2 && leap_year(y))
		return d <= 29;
	return d <= month_days[m - 1];
}

size_t position_validate(const struct position *p, struct field_problem *out, size_t max)
{
	struct problems ps = { out, out != NULL ? max : 0, 0 };

	if (p == NULL)
		return 0;

	if (!terminated(p->title, sizeof p->title))
		problem(&ps, "title", N_("The title must not be longer than 159 bytes."));
	else if (blank(p->title, sizeof p->title))
		problem(&ps, "title", N_("Please enter a title."));

	if (p->headcount < 1 || p->headcount > HEADCOUNT_MAX)
		problem(&ps, "headcount", N_("The headcount must be between 1 and 999."));

	if (p->salary_min < 0)
		problem(&ps, "salary_min", N_("The salary must not be negative."));
	if (p->salary_max < 0)
		problem(&ps, "salary_max", N_("The salary must not be negative."));
	else if (p->salary_min > 0 && p->salary_max > 0 && p->salary_min > p->salary_max)
		problem(&ps, "salary_max", N_("The maximum salary must not be lower than the minimum."));

	if (!upper_letters(p->currency, sizeof p->currency, 3))
		problem(&ps, "currency", N_("The currency must be a three-letter ISO 4217 code such as EUR."));

	if (!terminated(p->target_start, sizeof p->target_start) ||
	    (p->target_start[0] != '\0' && !calendar_date_valid(p->target_start)))
		problem(&ps, "target_start", N_("The target start must be a valid date (YYYY-MM-DD)."));

	if ((unsigned)p->remote >= REMOTE__COUNT)
		problem(&ps, "remote", N_("Unknown remote work policy."));
	if ((unsigned)p->employment >= EMPLOYMENT__COUNT)
		problem(&ps, "employment", N_("Unknown employment type."));
	if ((unsigned)p->status >= POSITION_STATUS__COUNT)
		problem(&ps, "status", N_("Unknown position status."));

	return ps.n;
}

/* Whether s starts with prefix, ignoring ASCII case. */
static bool has_prefix_nocase(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++) {
		unsigned char a = (unsigned char)*s, b = (unsigned char)*prefix;
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a + 32);
		if (a != b)
			return false;
	}
	return true;
}

/* An organisation's website: "" or an http(s) URL with a host part and no
 * white space or control characters. Other schemes (javascript:, data:) are
 * rejected because the address is rendered as a link. */
static bool website_valid(const char *s, size_t size)
{
	size_t skip;

	if (!terminated(s, size))
		return false;
	if (s[0] == '\0')
		return true;
	if (has_prefix_nocase(s, "https://"))
		skip = strlen("https://");
	else if (has_prefix_nocase(s, "http://"))
		skip = strlen("http://");
	else
		return false;
	if (s[skip] == '\0' || s[skip] == '/')
		return false;
	for (const char *c = s; *c != '\0'; c++)
		if ((unsigned char)*c <= ' ' || (unsigned char)*c == 0x7f)
			return false;
	return true;
}

size_t organisation_validate(const struct organisation *o, struct field_problem *out, size_t max)
{
	struct problems ps = { out, out != NULL ? max : 0, 0 };

	if (o == NULL)
		return 0;

	if (!terminated(o->name, sizeof o->name))
		problem(&ps, "name", N_("The name is too long."));
	else if (blank(o->name, sizeof o->name))
		problem(&ps, "name", N_("Please enter a name."));

	if (!website_valid(o->website, sizeof o->website))
		problem(&ps, "website", N_("The website must be an address starting with http:// or https://."));

	if (!terminated(o->state, sizeof o->state) ||
	    (o->state[0] != '\0' && !bundesland_valid(o->state)))
		problem(&ps, "state", N_("Unknown federal state."));

	if (!terminated(o->country, sizeof o->country) ||
	    (o->country[0] != '\0' && !upper_letters(o->country, sizeof o->country, 2)))
		problem(&ps, "country", N_("The country must be a two-letter ISO 3166 code such as DE."));

	return ps.n;
}

/* A `since` before the epoch counts as "not set", like 0. */
int64_t days_between(int64_t since, int64_t now)
{
	if (since <= 0 || since >= now)
		return 0;
	return (now - since) / SECONDS_PER_DAY;
}
