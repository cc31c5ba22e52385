/*
 * notice.c — notice-period arithmetic and the earliest start; see notice.h.
 */
#include "core/notice.h"

#include "core/calendar.h"
#include "core/code_table.h"
#include "core/i18n_mark.h"

static const char *const rule_codes[NOTICE_RULE__COUNT] = { "weeks_to_15_or_month_end", "weeks_to_month_end",
							     "weeks_to_quarter_end", "weeks_plain" };
/* German: „zum 15. oder zum Monatsende“, „zum Monatsende“, „zum Quartalsende“, „ohne Stichtag“. */
static const char *const rule_labels[NOTICE_RULE__COUNT] = { N_("to the 15th or the end of a month"),
							      N_("to the end of a month"),
							      N_("to the end of a quarter"), N_("no fixed date") };

const char *notice_rule_code(enum notice_rule r)
{
	return (unsigned)r < NOTICE_RULE__COUNT ? rule_codes[r] : "unknown";
}

const char *notice_rule_label(enum notice_rule r)
{
	return (unsigned)r < NOTICE_RULE__COUNT ? rule_labels[r] : N_("Unknown");
}

bool notice_rule_parse(const char *code, enum notice_rule *out)
{
	int i = code_table_index(rule_codes, NOTICE_RULE__COUNT, code);

	if (i < 0)
		return false;
	*out = (enum notice_rule)i;
	return true;
}

/* Last day of the month of (y, m). */
static int32_t month_end(int y, int m)
{
	return calendar_day_from_ymd(y, m, calendar_days_in_month(y, m));
}

int32_t notice_end_day(int32_t given_day, int weeks, enum notice_rule rule)
{
	int32_t min_end = given_day + 7 * (weeks > 0 ? weeks : 0);
	int y, m, d;

	calendar_ymd_from_day(min_end, &y, &m, &d);
	switch (rule) {
	case NOTICE_WEEKS_TO_15_OR_MONTH_END:
		if (d <= 15)
			return calendar_day_from_ymd(y, m, 15);
		return month_end(y, m);
	case NOTICE_WEEKS_TO_MONTH_END:
		return month_end(y, m);
	case NOTICE_WEEKS_TO_QUARTER_END:
		return month_end(y, ((m - 1) / 3 + 1) * 3);
	case NOTICE_WEEKS_PLAIN:
	case NOTICE_RULE__COUNT:
	default:
		return min_end;
	}
}

int32_t notice_earliest_start(int32_t given_day, int weeks, enum notice_rule rule, const char *state)
{
	return calendar_add_working_days(notice_end_day(given_day, weeks, rule), 1, state, NULL, NULL);
}
