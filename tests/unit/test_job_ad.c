/*
 * Unit tests for src/core/job_ad.c: the ad generator (R-AD-1) on a complete
 * key account manager position in German and English — gender-inclusive
 * title, key facts in the opening, tasks with the goals' numbers and named
 * accounts, must-haves apart from the rest, no clichés — and the exports
 * (R-AD-4): plain text, Markdown, escaped HTML and schema.org JobPosting
 * JSON-LD with its completeness check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "core/job_ad.h"

/* Nordlicht Sensorik's key account manager position with its profile, in
 * the language the people entering it would use. */
struct kam {
	struct organisation o;
	struct position p;
	struct goal goals[3];
	struct requirement reqs[16];
	struct stakeholder stakeholders[4];
	struct profile prof;
	size_t nmust, nimportant, nnice;
};

static struct requirement *add_req(struct kam *k, enum tier tier, enum requirement_kind kind, const char *title,
				   const char *detail)
{
	struct requirement *r = &k->reqs[k->prof.nrequirements++];

	memset(r, 0, sizeof *r);
	r->tier = tier;
	r->kind = kind;
	strcpy(r->title, title);
	strcpy(r->detail, detail);
	if (tier == TIER_MUST)
		k->nmust++;
	else if (tier == TIER_IMPORTANT)
		k->nimportant++;
	else
		k->nnice++;
	return r;
}

static void kam_init(struct kam *k, bool english)
{
	static const enum stakeholder_role roles[] = { STAKEHOLDER_MANAGING_DIRECTOR, STAKEHOLDER_SALES_HEAD,
						       STAKEHOLDER_CFO, STAKEHOLDER_HEAD_OF_ENGINEERING };
	struct requirement *r;

	memset(k, 0, sizeof *k);
	k->o.id = 1;
	strcpy(k->o.name, "Nordlicht Sensorik GmbH");
	strcpy(k->o.website, "https://www.nordlicht-sensorik.example");
	strcpy(k->o.street, "Am Sandtorkai 40");
	strcpy(k->o.postal_code, "20457");
	strcpy(k->o.city, "Hamburg");
	strcpy(k->o.country, "DE");
	strcpy(k->o.state, "DE-HH");
	strcpy(k->o.logo_url, "https://www.nordlicht-sensorik.example/logo.png");

	k->p.id = 7;
	k->p.organisation_id = 1;
	strcpy(k->p.title, english ? "Key Account Manager Industrial Customers" : "Key Account Manager Industriekunden");
	strcpy(k->p.department, english ? "Sales" : "Vertrieb");
	strcpy(k->p.location, "Hamburg");
	k->p.remote = REMOTE_HYBRID;
	k->p.employment = EMPLOYMENT_FULL_TIME;
	k->p.headcount = 1;
	k->p.salary_min = 85000;
	k->p.salary_max = 105000;
	strcpy(k->p.currency, "EUR");
	strcpy(k->p.target_start, "2026-10-01");
	k->p.approved_version = 1;
	k->p.status = POSITION_OPEN;
	strcpy(k->p.challenges, english ? "Two of the largest customers are looked after by the head of sales for now; "
					  "the handover has to succeed in the first months.\n"
					  "There is no office and no reference customer in the Benelux yet; expect "
					  "about 30% travel."
					: "Zwei der größten Kunden betreut derzeit der Vertriebsleiter; die Übergabe "
					  "muss in den ersten Monaten gelingen.\n"
					  "Für Benelux gibt es weder Referenzkunden noch ein Büro; rund 30 % Reisezeit.");

	struct goal *g = k->goals;
	g[0].kind = GOAL_REVENUE;
	strcpy(g[0].title, english ? "Grow revenue with industrial customers to €4.5 million"
				   : "Umsatz mit Industriekunden auf 4,5 Mio. € steigern");
	g[0].revenue_amount = 4500000;
	g[0].horizon_months = 24;
	strcpy(g[0].notes, english ? "About €3.1 million today with the ten largest customers."
				   : "Heute rund 3,1 Mio. € mit den zehn größten Kunden.");
	g[1].kind = GOAL_MARKET_ENTRY;
	strcpy(g[1].title, english ? "Benelux market entry" : "Markteintritt Benelux");
	strcpy(g[1].region, english ? "Netherlands, Belgium, Luxembourg" : "Niederlande, Belgien, Luxemburg");
	strcpy(g[1].segment, english ? "logistics and port operators, mechanical engineering"
				     : "Logistik- und Hafenbetreiber, Maschinenbau");
	g[1].international = true;
	g[2].kind = GOAL_ACCOUNT_DEVELOPMENT;
	strcpy(g[2].title, english ? "Develop key accounts" : "Schlüsselkunden ausbauen");
	strcpy(g[2].accounts, "Hansa Logistik AG, Elbtal Maschinenbau GmbH, Nordwind Energie SE");
	g[2].technical_market = true;
	k->prof.goals = k->goals;
	k->prof.ngoals = 3;

	k->prof.requirements = k->reqs;
	r = add_req(k, TIER_MUST, REQ_EXPERIENCE,
		    english ? "Relevant experience in B2B sales" : "Einschlägige Berufserfahrung im B2B-Vertrieb",
		    english ? "Several years in sales, focused on larger customer relationships."
			    : "Mehrere Jahre im Vertrieb, mit Schwerpunkt auf größeren Kundenbeziehungen.");
	r->years_min = 5;
	r->years_max = 10;
	r = add_req(k, TIER_MUST, REQ_EXPERIENCE, english ? "Proven sales results" : "Nachweisbare Vertriebserfolge", "");
	r->revenue_amount = 2000000;
	add_req(k, TIER_MUST, REQ_EXPERIENCE, english ? "Experience in managing major accounts"
						       : "Erfahrung im Management von Großkunden", "");
	add_req(k, TIER_MUST, REQ_SKILL, english ? "Managing complex sales cycles" : "Steuerung komplexer Verkaufszyklen",
		"");
	add_req(k, TIER_IMPORTANT, REQ_SKILL, english ? "Confident use of CRM systems" : "Sicherer Umgang mit CRM-Systemen",
		"");
	r = add_req(k, TIER_IMPORTANT, REQ_LANGUAGE, english ? "Business fluent English" : "Verhandlungssicheres Englisch",
		    "");
	r->level = CEFR_C1;
	r = add_req(k, TIER_IMPORTANT, REQ_LANGUAGE, english ? "Dutch" : "Niederländischkenntnisse", "");
	r->level = CEFR_B2;
	add_req(k, TIER_IMPORTANT, REQ_EXPERIENCE, english ? "International sales experience"
							: "Internationale Vertriebserfahrung", "");
	add_req(k, TIER_NICE, REQ_CERTIFICATE, english ? "Industry or sales certificates"
						      : "Branchen- oder Vertriebszertifikate", "");
	add_req(k, TIER_NICE, REQ_EDUCATION, english ? "Business or industry-specific education"
						    : "Betriebswirtschaftliche oder branchenspezifische Ausbildung", "");

	for (size_t i = 0; i < 4; i++) {
		k->stakeholders[i].id = (int64_t)i + 1;
		k->stakeholders[i].role = roles[i];
	}
	strcpy(k->stakeholders[0].name, "Dr. Maria Keller");
	strcpy(k->stakeholders[1].name, "Thomas Brandt");
	strcpy(k->stakeholders[2].name, "Peter Schulz");
	strcpy(k->stakeholders[3].name, "Lena Hoffmann");
	k->prof.stakeholders = k->stakeholders;
	k->prof.nstakeholders = 4;
}

/* --- helpers --------------------------------------------------------------------- */

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
		n++;
	return n;
}

/* Lines of a section that are bullets. */
static size_t bullets(const char *section)
{
	size_t n = section[0] == '-' && section[1] == ' ';
	return n + count_of(section, "\n- ");
}

/* The first max characters (code points) of s, in out. */
static void first_chars(const char *s, size_t max, char *out, size_t size)
{
	size_t i = 0, chars = 0;
	while (s[i] && i + 4 < size) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max)
			break;
		out[i] = s[i];
		i++;
	}
	out[i] = '\0';
}

static bool valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
		if (n == 0)
			return false;
		for (size_t i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return false;
		p += n;
	}
	return true;
}

static const char *get_str(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

/* --- generator (R-AD-1) ----------------------------------------------------------------- */

static void test_title_gender_inclusive(void **state)
{
	static const char *const yes[] = { "Key Account Manager (m/w/d)", "Key Account Manager (w/m/d)",
					   "Key Account Manager (M/W/D)", "Key Account Manager (d/m/w)",
					   "Key Account Manager (m/f/d)", "Vertriebsleitung m/w/d", "Berater (m|w|d)",
					   "Key Account Manager (gn)", "Key Account Manager (all genders)",
					   "Vertriebsleiter*in Nord", "Berater:in", "Referent_innen", "Key Account Manager:innen" };
	static const char *const no[] = { "Key Account Manager", "Key Account Manager (m/w)", "Verkäufer/in",
					  "Sales (w/m)", "Leiter Innendienst", "Team*", "", "Admin/Mid/Dev" };
	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!job_ad_title_gender_inclusive(yes[i]))
			fail_msg("should count as inclusive: %s", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		if (job_ad_title_gender_inclusive(no[i]))
			fail_msg("should not count as inclusive: %s", no[i]);
	}
	assert_false(job_ad_title_gender_inclusive(NULL));
}

static void test_title_gets_mwd_once(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_string_equal(ad.title, "Key Account Manager Industriekunden (m/w/d)"); /* R-AD-1 */
	assert_string_equal(ad.lang, "de");

	strcpy(k.p.title, "Key Account Manager (m/w/d)");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_string_equal(ad.title, "Key Account Manager (m/w/d)"); /* R-AD-1: not doubled */
	assert_int_equal(count_of(ad.intro, "(m/w/d)"), 1);

	strcpy(k.p.title, "Key Account Manager (w/m/d)");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_string_equal(ad.title, "Key Account Manager (w/m/d)"); /* R-AD-1 */

	strcpy(k.p.title, "Vertriebsleiter*in Industrie");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_string_equal(ad.title, "Vertriebsleiter*in Industrie"); /* R-AD-1 */

	strcpy(k.p.title, "Key Account Manager (m/w)");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_string_equal(ad.title, "Key Account Manager (m/w/d)"); /* R-AD-1: binary form replaced */

	kam_init(&k, true);
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	assert_string_equal(ad.title, "Key Account Manager Industrial Customers"); /* R-AD-1: English as is */
	assert_string_equal(ad.lang, "en");
}

static void test_opening_has_key_facts(void **state)
{
	struct kam k;
	struct job_ad ad;
	struct buf text = BUF_INIT;
	char opening[2000];
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	job_ad_to_text(&ad, &text);
	first_chars(buf_cstr(&text), 400, opening, sizeof opening);
	assert_non_null(strstr(opening, "Key Account Manager Industriekunden (m/w/d)")); /* R-AD-1: role */
	assert_non_null(strstr(opening, "85.000–105.000 €"));                            /* R-AD-1: salary */
	assert_non_null(strstr(opening, "Hamburg"));                                     /* R-AD-1: place */
	assert_non_null(strstr(opening, "hybrid"));                                      /* R-AD-1: remote */
	assert_non_null(strstr(opening, "Hansa Logistik AG"));                           /* R-AD-1: accounts */
	assert_non_null(strstr(opening, "Niederlande, Belgien und Luxemburg"));          /* R-AD-1: region */
	assert_string_equal(ad.salary_text, "85.000–105.000 € brutto im Jahr");
	buf_free(&text);

	kam_init(&k, true);
	k.p.remote = REMOTE_FULL;
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	buf_init(&text);
	job_ad_to_text(&ad, &text);
	first_chars(buf_cstr(&text), 400, opening, sizeof opening);
	assert_non_null(strstr(opening, "Key Account Manager Industrial Customers")); /* R-AD-1 */
	assert_non_null(strstr(opening, "€85,000–105,000"));                         /* R-AD-1 */
	assert_non_null(strstr(opening, "fully remote"));                             /* R-AD-1 */
	assert_non_null(strstr(opening, "Netherlands, Belgium and Luxembourg"));      /* R-AD-1 */
	assert_non_null(strstr(opening, "the three existing accounts Hansa Logistik AG")); /* R-AD-1 */
	assert_string_equal(ad.salary_text, "€85,000–105,000 gross per year");
	buf_free(&text);

	k.p.remote = REMOTE_ONSITE;
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_non_null(strstr(ad.intro, "in Hamburg die Stelle Key Account Manager Industrial Customers (m/w/d). Vollzeit, vor Ort,")); /* R-AD-1 */
}

static void test_tasks_carry_goals_numbers(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	/* R-AD-1: named accounts, revenue figure with horizon, region */
	assert_non_null(strstr(ad.tasks, "- Verantwortung für die drei Bestandskunden Hansa Logistik AG, "
					 "Elbtal Maschinenbau GmbH und Nordwind Energie SE"));
	assert_non_null(strstr(ad.tasks, "- Ausbau des Umsatzes auf 4,5 Mio. € in 24 Monaten. Heute rund 3,1 Mio. €"));
	assert_non_null(strstr(ad.tasks, "Markteintritt Benelux: Neukundenakquise in der Region Niederlande, Belgien "
					 "und Luxemburg"));
	assert_non_null(strstr(ad.tasks, "Zielbranchen: Logistik- und Hafenbetreiber, Maschinenbau."));
	assert_non_null(strstr(ad.tasks, "- Enge Zusammenarbeit mit Vertriebsleitung, Entwicklung und Geschäftsführung"));
	/* R-AD-1: the known difficulties are said, as a list */
	assert_non_null(strstr(ad.tasks, "Worauf Sie sich einstellen sollten:\n- Zwei der größten Kunden"));
	assert_non_null(strstr(ad.tasks, "\n- Für Benelux gibt es weder Referenzkunden noch ein Büro; rund 30 % Reisezeit."));

	kam_init(&k, true);
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	assert_non_null(strstr(ad.tasks, "- Owning the three existing accounts Hansa Logistik AG, Elbtal Maschinenbau "
					 "GmbH and Nordwind Energie SE")); /* R-AD-1 */
	assert_non_null(strstr(ad.tasks, "- Growing revenue to €4.5 million within 24 months.")); /* R-AD-1 */
	assert_non_null(strstr(ad.tasks, "winning new customers in the region Netherlands, Belgium and Luxembourg"));
	assert_non_null(strstr(ad.tasks, "What you should know before applying:\n- Two of the largest customers"));

	/* one account: singular */
	strcpy(k.goals[2].accounts, "Hansa Logistik AG");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_non_null(strstr(ad.tasks, "- Verantwortung für den Bestandskunden Hansa Logistik AG")); /* R-AD-1 */
}

static void test_must_and_nice_are_separate_lists(void **state)
{
	for (int english = 0; english <= 1; english++) {
		struct kam k;
		struct job_ad ad;
		kam_init(&k, english);
		job_ad_generate(&k.p, &k.o, &k.prof, english ? "en" : "de", &ad);
		assert_int_equal(bullets(ad.must), k.nmust);                  /* R-AD-1 */
		assert_int_equal(bullets(ad.nice), k.nimportant + k.nnice);   /* R-AD-1 */
		for (size_t i = 0; i < k.prof.nrequirements; i++) {
			char line[260];
			snprintf(line, sizeof line, "- %s", k.reqs[i].title);
			const char *in = k.reqs[i].tier == TIER_MUST ? ad.must : ad.nice;
			const char *out = k.reqs[i].tier == TIER_MUST ? ad.nice : ad.must;
			if (!strstr(in, line) || strstr(out, line))
				fail_msg("%s is not only in its own list", k.reqs[i].title);
		}
	}
	(void)state;
}

static void test_requirement_qualifiers(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	/* R-AD-1: the minimum years only, never an upper limit (age-coded, AGG) */
	assert_non_null(strstr(ad.must, "- Einschlägige Berufserfahrung im B2B-Vertrieb (mindestens 5 Jahre): Mehrere "
					"Jahre im Vertrieb"));
	assert_null(strstr(ad.must, "10 Jahre"));
	assert_non_null(strstr(ad.must, "- Nachweisbare Vertriebserfolge (verantworteter Jahresumsatz ab 2 Mio. €)"));
	assert_non_null(strstr(ad.nice, "- Verhandlungssicheres Englisch (Niveau C1)"));
	assert_non_null(strstr(ad.nice, "- Niederländischkenntnisse (Niveau B2)"));
	assert_non_null(strstr(ad.nice, "Bewerben Sie sich trotzdem"));

	/* a detail that already says the figure gets no second one */
	strcpy(k.reqs[0].detail, "Fünf Jahre Vertrieb an Industriekunden.");
	strcpy(k.reqs[1].detail, "Hat mindestens 2 Mio. € Jahresumsatz verantwortet.");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_non_null(strstr(ad.must, "- Einschlägige Berufserfahrung im B2B-Vertrieb: Fünf Jahre"));
	assert_non_null(strstr(ad.must, "- Nachweisbare Vertriebserfolge: Hat mindestens 2 Mio. €"));

	kam_init(&k, true);
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	assert_non_null(strstr(ad.must, "- Relevant experience in B2B sales (at least 5 years): Several years"));
	assert_non_null(strstr(ad.must, "- Proven sales results (at least €2 million annual revenue)"));
	assert_non_null(strstr(ad.nice, "- Dutch (level B2)"));
}

static void test_no_cliches(void **state)
{
	static const char *const cliches[] = { "dynamisch", "spannende Herausforderung", "attraktive Vergütung",
					       "flache Hierarchien", "Rockstar", "dynamic", "exciting challenge",
					       "competitive salary", "flat hierarch", "Teamplayer", "team player",
					       "kurze Entscheidungswege", "Gestaltungsspielraum", "familiär",
					       "überdurchschnittlich", "above-average" };
	(void)state;
	for (int english = 0; english <= 1; english++) {
		struct kam k;
		struct job_ad ad;
		struct buf text = BUF_INIT;
		kam_init(&k, english);
		job_ad_generate(&k.p, &k.o, &k.prof, english ? "en" : "de", &ad);
		job_ad_to_text(&ad, &text);
		for (size_t i = 0; i < sizeof cliches / sizeof cliches[0]; i++) {
			if (strcasestr(buf_cstr(&text), cliches[i]))
				fail_msg("the %s ad contains the cliché \"%s\"", english ? "English" : "German",
					 cliches[i]); /* R-AD-1 */
		}
		buf_free(&text);
	}
}

static void test_offer_culture_process(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	/* R-AD-1: salary band and workplace stated; the three rounds with reply time */
	assert_non_null(strstr(ad.offer, "- Gehalt: 85.000–105.000 € brutto im Jahr."));
	assert_non_null(strstr(ad.offer, "- Arbeitsort: Am Sandtorkai 40, 20457 Hamburg (hybrid mit Büro und Homeoffice)."));
	assert_non_null(strstr(ad.offer, "- Vollzeit, Start zum 1. Oktober 2026."));
	assert_non_null(strstr(ad.offer, "Die Ziele sind mit Geschäftsführung, Vertriebsleitung, Finanzleitung und Entwicklungsleitung abgestimmt"));
	assert_non_null(strstr(ad.culture, JOB_AD_PLACEHOLDER_DE));
	assert_non_null(strstr(ad.process, "- Erstgespräch"));
	assert_non_null(strstr(ad.process, "- Vertiefendes Interview mit Vertriebsleitung, Entwicklungsleitung und Finanzleitung"));
	assert_non_null(strstr(ad.process, "- Finalgespräch mit der Geschäftsführung"));
	assert_non_null(strstr(ad.process, "Sie hören innerhalb von fünf Werktagen von uns"));
	assert_int_equal(bullets(ad.process), 3);
	assert_string_equal(job_ad_first_placeholder(&ad), "offer");
	assert_int_equal(ad.valid_through_days, JOB_AD_DEFAULT_VALID_DAYS);

	/* without a managing director the final round names nobody */
	k.prof.nstakeholders = 0;
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_non_null(strstr(ad.process, "- Finalgespräch: letzte offene Fragen"));
	assert_non_null(strstr(ad.process, "- Vertiefendes Interview mit mehreren künftigen Kolleginnen und Kollegen"));
	assert_null(strstr(ad.tasks, "Enge Zusammenarbeit"));

	kam_init(&k, true);
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	assert_non_null(strstr(ad.offer, "- Salary: €85,000–105,000 gross per year."));
	assert_non_null(strstr(ad.process, "You will hear from us within five working days"));
	assert_non_null(strstr(ad.culture, JOB_AD_PLACEHOLDER_EN));
}

static void test_money_and_dates(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	k.goals[0].revenue_amount = 1250000;
	k.goals[0].horizon_months = 0;
	k.p.salary_max = 0;
	k.p.salary_min = 60000;
	strcpy(k.p.target_start, "2027-01-15");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_non_null(strstr(ad.tasks, "- Ausbau des Umsatzes auf 1,25 Mio. €. Heute")); /* R-AD-1 */
	assert_string_equal(ad.salary_text, "ab 60.000 € brutto im Jahr");
	assert_non_null(strstr(ad.intro, "Die Stelle ist zum 15. Januar 2027 zu besetzen."));
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	assert_non_null(strstr(ad.tasks, "- Growing revenue to €1.25 million. Heute")); /* R-AD-1 */
	assert_string_equal(ad.salary_text, "from €60,000 gross per year");
	assert_non_null(strstr(ad.intro, "The job starts on 15 January 2027."));

	k.goals[0].revenue_amount = 12000000;
	k.p.salary_min = 0;
	k.p.salary_max = 0;
	strcpy(k.p.currency, "CHF");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_non_null(strstr(ad.tasks, "auf 12 Mio. CHF"));
	assert_string_equal(ad.salary_text, "");
	assert_non_null(strstr(ad.offer, JOB_AD_PLACEHOLDER_DE " die Gehaltsspanne")); /* no salary: asked for */
	k.p.salary_min = 85000;
	k.p.salary_max = 105000;
	job_ad_generate(&k.p, &k.o, &k.prof, "en", &ad);
	assert_string_equal(ad.salary_text, "CHF 85,000–105,000 gross per year");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_string_equal(ad.salary_text, "85.000–105.000 CHF brutto im Jahr");
}

static void test_generate_without_profile(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, NULL, "xx", &ad);
	assert_string_equal(ad.lang, "de");
	assert_non_null(strstr(ad.tasks, JOB_AD_PLACEHOLDER_DE)); /* R-AD-1: asks instead of inventing */
	assert_non_null(strstr(ad.must, JOB_AD_PLACEHOLDER_DE));
	assert_string_equal(ad.nice, "");
	assert_string_equal(job_ad_first_placeholder(&ad), "tasks");
	/* the challenges of the position are used when the profile has none */
	assert_non_null(strstr(ad.tasks, "Worauf Sie sich einstellen sollten:"));
	assert_non_null(strstr(ad.intro, "85.000–105.000 €"));
}

static void test_sections_cut_whole_lines(void **state)
{
	struct kam k;
	struct job_ad ad;
	struct goal goals[REQUIREMENT_MAX_GOALS];
	(void)state;

	kam_init(&k, false);
	for (size_t i = 0; i < REQUIREMENT_MAX_GOALS; i++) {
		memset(&goals[i], 0, sizeof goals[i]);
		goals[i].kind = GOAL_FREE_TEXT;
		snprintf(goals[i].title, sizeof goals[i].title, "Ziel %zu", i + 1);
		/* notes that fill their field, in multi-byte characters */
		while (strlen(goals[i].notes) + sizeof "Größe ü ä. " < sizeof goals[i].notes)
			strcat(goals[i].notes, "Größe ü ä. ");
	}
	k.prof.goals = goals;
	k.prof.ngoals = REQUIREMENT_MAX_GOALS;
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	assert_true(strlen(ad.tasks) < sizeof ad.tasks);
	assert_true(valid_utf8(ad.tasks)); /* R-AD-1: never cut inside a character */
	/* every line is whole: a task bullet ends with its full stop */
	for (const char *line = ad.tasks; line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (strncmp(line, "- Ziel", 6) == 0)
			assert_int_equal(line[len - 1], '.');
		line = nl ? nl + 1 : NULL;
	}
	assert_true(bullets(ad.tasks) >= 2);
}

/* --- exports (R-AD-4) ---------------------------------------------------------------------- */

static void test_text_export(void **state)
{
	struct kam k;
	struct job_ad ad;
	struct buf b = BUF_INIT;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	job_ad_to_text(&ad, &b);
	const char *t = buf_cstr(&b);
	assert_true(strncmp(t, "Key Account Manager Industriekunden (m/w/d)\n\n", 45) == 0); /* R-AD-4 */
	assert_non_null(strstr(t, "\n\nIhre Aufgaben\n- Verantwortung"));                    /* R-AD-4 */
	assert_non_null(strstr(t, "\n\nDas bringen Sie mit\n- "));
	assert_non_null(strstr(t, "\n\nVon Vorteil\n- "));
	assert_non_null(strstr(t, "\n\nWas wir bieten\n- Gehalt"));
	assert_non_null(strstr(t, "\n\nBewerbung und Ablauf\n- Erstgespräch"));
	assert_null(strstr(t, "<"));
	assert_null(strstr(t, "\n\n\n"));
	buf_free(&b);
}

static void test_markdown_export(void **state)
{
	struct kam k;
	struct job_ad ad;
	struct buf b = BUF_INIT;
	(void)state;

	kam_init(&k, false);
	strcpy(k.p.title, "Vertriebsleiter*in <Nord> #1");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	job_ad_to_markdown(&ad, &b);
	const char *md = buf_cstr(&b);
	assert_true(strncmp(md, "# Vertriebsleiter\\*in \\<Nord\\> #1\n\n", 35) == 0); /* R-AD-4: escaped */
	assert_non_null(strstr(md, "\n## Ihre Aufgaben\n\n- Verantwortung für die drei")); /* R-AD-4 */
	assert_non_null(strstr(md, "\n## Das bringen Sie mit\n\n- "));
	assert_non_null(strstr(md, "\n## Von Vorteil\n\n- "));
	assert_non_null(strstr(md, "\n## So arbeiten wir\n\n"));
	assert_non_null(strstr(md, "\\[Bitte ergänzen:"));
	assert_true(count_of(md, "\n## ") == 6);
	buf_free(&b);
}

static void test_html_export_escapes(void **state)
{
	struct kam k;
	struct job_ad ad;
	struct buf b = BUF_INIT;
	(void)state;

	kam_init(&k, false);
	strcpy(k.p.title, "<script>alert('x')</script> Manager");
	strcpy(k.goals[0].notes, "Umsatz & Marge <b>fett</b>");
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	job_ad_to_html(&ad, &b);
	const char *html = buf_cstr(&b);
	assert_null(strstr(html, "<script>"));                                     /* R-AD-4 */
	assert_non_null(strstr(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Manager (m/w/d)")); /* R-AD-4 */
	assert_non_null(strstr(html, "Umsatz &amp; Marge &lt;b&gt;fett&lt;/b&gt;"));
	assert_non_null(strstr(html, "<h2>Ihre Aufgaben</h2>\n<ul>\n<li>Verantwortung"));
	assert_true(strncmp(html, "<p>", 3) == 0); /* no title: the page shows it as <h1> */
	/* well nested: every list and paragraph closed */
	assert_int_equal(count_of(html, "<ul>"), count_of(html, "</ul>"));
	assert_int_equal(count_of(html, "<li>"), count_of(html, "</li>"));
	assert_int_equal(count_of(html, "<p>"), count_of(html, "</p>"));
	assert_int_equal(count_of(html, "<h2>"), 6);
	assert_int_equal(count_of(html, "<li>"), bullets(ad.tasks) + bullets(ad.must) + bullets(ad.nice) +
							 bullets(ad.offer) + bullets(ad.process));
	buf_free(&b);
}

static void test_exports_take_edited_text(void **state)
{
	struct job_ad ad;
	struct buf b = BUF_INIT;
	(void)state;

	/* what an editor might send: CRLF, stray blank lines and bullets, spaces */
	memset(&ad, 0, sizeof ad);
	strcpy(ad.lang, "en");
	strcpy(ad.title, "Account Manager");
	strcpy(ad.intro, "  First paragraph.\r\n\r\n\r\nSecond one.  ");
	strcpy(ad.tasks, "Lead-in:\r\n-   one\r\n- \r\n-two\n- three");
	job_ad_to_html(&ad, &b);
	assert_string_equal(buf_cstr(&b), "<p>First paragraph.</p>\n<p>Second one.</p>\n<h2>What you will do</h2>\n"
					  "<p>Lead-in:</p>\n<ul>\n<li>one</li>\n</ul>\n<p>-two</p>\n<ul>\n<li>three</li>\n"
					  "</ul>\n"); /* R-AD-4 */
	buf_reset(&b);
	job_ad_to_text(&ad, &b);
	assert_string_equal(buf_cstr(&b), "Account Manager\n\nFirst paragraph.\n\nSecond one.\n\nWhat you will do\n"
					  "Lead-in:\n- one\n\n-two\n\n- three\n"); /* R-AD-4 */
	buf_free(&b);
	assert_null(job_ad_first_placeholder(&ad));
}

/* --- JSON-LD (R-AD-4) ------------------------------------------------------------------------- */

static void test_jsonld_required_properties(void **state)
{
	struct kam k;
	struct job_ad ad;
	struct buf html = BUF_INIT;
	const char *missing = "x";
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	json_t *ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "https://jobs.example/jobs/kam");
	assert_string_equal(get_str(ld, "@context"), "https://schema.org/");
	assert_string_equal(get_str(ld, "@type"), "JobPosting");
	assert_string_equal(get_str(ld, "title"), "Key Account Manager Industriekunden (m/w/d)"); /* R-AD-4 */
	job_ad_to_html(&ad, &html);
	assert_string_equal(get_str(ld, "description"), buf_cstr(&html));                     /* R-AD-4 */
	assert_string_equal(get_str(ld, "datePosted"), "2026-07-01");                        /* R-AD-4 */
	assert_string_equal(get_str(ld, "validThrough"), "2026-08-30T23:59:59");             /* R-AD-4 */
	assert_string_equal(get_str(ld, "employmentType"), "FULL_TIME");                     /* R-AD-4 */
	json_t *org = json_object_get(ld, "hiringOrganization");
	assert_string_equal(get_str(org, "@type"), "Organization");
	assert_string_equal(get_str(org, "name"), "Nordlicht Sensorik GmbH");               /* R-AD-4 */
	assert_string_equal(get_str(org, "sameAs"), "https://www.nordlicht-sensorik.example");
	assert_string_equal(get_str(org, "logo"), "https://www.nordlicht-sensorik.example/logo.png");
	json_t *place = json_object_get(ld, "jobLocation");
	assert_string_equal(get_str(place, "@type"), "Place");
	json_t *address = json_object_get(place, "address");
	assert_string_equal(get_str(address, "@type"), "PostalAddress");                     /* R-AD-4 */
	assert_string_equal(get_str(address, "streetAddress"), "Am Sandtorkai 40");
	assert_string_equal(get_str(address, "addressLocality"), "Hamburg");
	assert_string_equal(get_str(address, "postalCode"), "20457");
	assert_string_equal(get_str(address, "addressRegion"), "Hamburg");
	assert_string_equal(get_str(address, "addressCountry"), "DE");
	json_t *salary = json_object_get(ld, "baseSalary");
	assert_string_equal(get_str(salary, "@type"), "MonetaryAmount");                     /* R-AD-4 */
	assert_string_equal(get_str(salary, "currency"), "EUR");
	json_t *value = json_object_get(salary, "value");
	assert_string_equal(get_str(value, "@type"), "QuantitativeValue");
	assert_int_equal(json_integer_value(json_object_get(value, "minValue")), 85000);
	assert_int_equal(json_integer_value(json_object_get(value, "maxValue")), 105000);
	assert_string_equal(get_str(value, "unitText"), "YEAR");
	assert_null(json_object_get(ld, "jobLocationType"));                                 /* R-AD-4: hybrid */
	assert_null(json_object_get(ld, "applicantLocationRequirements"));
	assert_true(json_is_true(json_object_get(ld, "directApply")));                       /* R-AD-4 */
	json_t *id = json_object_get(ld, "identifier");
	assert_string_equal(get_str(id, "@type"), "PropertyValue");                          /* R-AD-4 */
	assert_string_equal(get_str(id, "name"), "Nordlicht Sensorik GmbH");
	assert_string_equal(get_str(id, "value"), "7");
	assert_string_equal(get_str(ld, "url"), "https://jobs.example/jobs/kam");
	assert_true(job_ad_jsonld_complete(ld, &missing));                                    /* R-AD-4 */
	assert_null(missing);
	json_decref(ld);
	buf_free(&html);

	/* the position elsewhere than the company: only its location, no region */
	strcpy(k.p.location, "Düsseldorf");
	ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
	address = json_object_get(json_object_get(ld, "jobLocation"), "address");
	assert_string_equal(get_str(address, "addressLocality"), "Düsseldorf");
	assert_null(json_object_get(address, "streetAddress"));
	assert_null(json_object_get(address, "addressRegion"));
	assert_null(json_object_get(ld, "url"));
	assert_true(job_ad_jsonld_complete(ld, NULL));
	json_decref(ld);
}

static void test_jsonld_employment_types(void **state)
{
	static const char *const expected[EMPLOYMENT__COUNT] = { "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY" };
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	for (int e = 0; e < EMPLOYMENT__COUNT; e++) {
		k.p.employment = (enum employment_type)e;
		job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
		json_t *ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
		assert_string_equal(get_str(ld, "employmentType"), expected[e]); /* R-AD-4 */
		json_decref(ld);
	}
}

static void test_jsonld_salary_only_when_set(void **state)
{
	struct kam k;
	struct job_ad ad;
	(void)state;

	kam_init(&k, false);
	k.p.salary_min = 0;
	k.p.salary_max = 0;
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
	json_t *ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
	assert_null(json_object_get(ld, "baseSalary")); /* R-AD-4 */
	json_decref(ld);

	k.p.salary_max = 90000;
	ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
	json_t *value = json_object_get(json_object_get(ld, "baseSalary"), "value");
	assert_null(json_object_get(value, "minValue")); /* R-AD-4: only what is set */
	assert_int_equal(json_integer_value(json_object_get(value, "maxValue")), 90000);
	json_decref(ld);
}

static void test_jsonld_telecommute_only_when_remote(void **state)
{
	struct kam k;
	struct job_ad ad;
	const char *missing = NULL;
	(void)state;

	kam_init(&k, false);
	for (int r = 0; r < REMOTE__COUNT; r++) {
		k.p.remote = (enum remote_policy)r;
		job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);
		json_t *ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
		if (r == REMOTE_FULL) {
			assert_string_equal(get_str(ld, "jobLocationType"), "TELECOMMUTE"); /* R-AD-4 */
			json_t *country = json_object_get(ld, "applicantLocationRequirements");
			assert_string_equal(get_str(country, "@type"), "Country");
			assert_string_equal(get_str(country, "name"), "DE");
		} else {
			assert_null(json_object_get(ld, "jobLocationType")); /* R-AD-4 */
			assert_null(json_object_get(ld, "applicantLocationRequirements"));
		}
		json_decref(ld);
	}

	/* fully remote needs no address; on site it does */
	k.o.street[0] = k.o.city[0] = k.o.postal_code[0] = k.o.country[0] = k.o.state[0] = '\0';
	k.p.location[0] = '\0';
	k.p.remote = REMOTE_FULL;
	json_t *ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
	assert_null(json_object_get(ld, "jobLocation"));
	assert_true(job_ad_jsonld_complete(ld, &missing)); /* R-AD-4 */
	json_decref(ld);
	k.p.remote = REMOTE_ONSITE;
	ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
	assert_false(job_ad_jsonld_complete(ld, &missing)); /* R-AD-4 */
	assert_string_equal(missing, "jobLocation.address");
	json_decref(ld);
}

static void test_jsonld_complete_names_first_missing(void **state)
{
	struct kam k;
	struct job_ad ad;
	const char *missing = NULL;
	(void)state;

	kam_init(&k, false);
	job_ad_generate(&k.p, &k.o, &k.prof, "de", &ad);

	json_t *ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "", "");
	assert_null(json_object_get(ld, "validThrough"));
	assert_false(job_ad_jsonld_complete(ld, &missing)); /* R-AD-4: publishing needs validThrough */
	assert_string_equal(missing, "validThrough");
	json_decref(ld);

	ld = job_ad_jsonld(&ad, &k.p, &k.o, "1.7.2026", "2026-08-30", "");
	assert_false(job_ad_jsonld_complete(ld, &missing)); /* R-AD-4 */
	assert_string_equal(missing, "datePosted");
	json_decref(ld);

	ld = job_ad_jsonld(&ad, &k.p, &k.o, "2026-07-01", "2026-08-30", "");
	json_object_set_new(json_object_get(ld, "hiringOrganization"), "name", json_string(""));
	assert_false(job_ad_jsonld_complete(ld, &missing)); /* R-AD-4 */
	assert_string_equal(missing, "hiringOrganization.name");
	json_object_del(ld, "description");
	assert_false(job_ad_jsonld_complete(ld, &missing));
	assert_string_equal(missing, "description");
	json_object_del(ld, "title");
	assert_false(job_ad_jsonld_complete(ld, NULL));
	assert_false(job_ad_jsonld_complete(ld, &missing));
	assert_string_equal(missing, "title");
	json_decref(ld);

	assert_false(job_ad_jsonld_complete(NULL, &missing));
	assert_string_equal(missing, "title");
}

static void test_section_names(void **state)
{
	struct job_ad ad;
	(void)state;

	memset(&ad, 0, sizeof ad);
	strcpy(ad.process, "x");
	assert_string_equal(job_ad_section_heading("de", JOB_AD_MUST), "Das bringen Sie mit");
	assert_string_equal(job_ad_section_heading("en", JOB_AD_NICE), "Also helpful");
	assert_string_equal(job_ad_section_heading("de", JOB_AD_INTRO), "");
	assert_string_equal(job_ad_section_key(JOB_AD_CULTURE), "culture");
	assert_string_equal(job_ad_section_text(&ad, JOB_AD_PROCESS), "x");
	assert_string_equal(job_ad_section_heading("de", JOB_AD_SECTION__COUNT), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_gender_inclusive),
		cmocka_unit_test(test_title_gets_mwd_once),
		cmocka_unit_test(test_opening_has_key_facts),
		cmocka_unit_test(test_tasks_carry_goals_numbers),
		cmocka_unit_test(test_must_and_nice_are_separate_lists),
		cmocka_unit_test(test_requirement_qualifiers),
		cmocka_unit_test(test_no_cliches),
		cmocka_unit_test(test_offer_culture_process),
		cmocka_unit_test(test_money_and_dates),
		cmocka_unit_test(test_generate_without_profile),
		cmocka_unit_test(test_sections_cut_whole_lines),
		cmocka_unit_test(test_text_export),
		cmocka_unit_test(test_markdown_export),
		cmocka_unit_test(test_html_export_escapes),
		cmocka_unit_test(test_exports_take_edited_text),
		cmocka_unit_test(test_jsonld_required_properties),
		cmocka_unit_test(test_jsonld_employment_types),
		cmocka_unit_test(test_jsonld_salary_only_when_set),
		cmocka_unit_test(test_jsonld_telecommute_only_when_remote),
		cmocka_unit_test(test_jsonld_complete_names_first_missing),
		cmocka_unit_test(test_section_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
