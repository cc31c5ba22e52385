/*
 * demo_data.c — the demo records of `stellwerk demo`; see demo_data.h.
 *
 * Nordlicht Sensorik GmbH, Hamburg: about 80 people building industrial
 * sensors, hiring its first dedicated key account manager. The people below
 * run that hiring process. Job titles are kept with them for the demo
 * records later steps add (interview panels, the decision memo); user
 * accounts have no title field.
 *
 * The positions show step 2 of the product (R-PROF-1..8): a complete key
 * account manager profile — goals, requirements from the role template,
 * each serving a goal, four must-haves, stakeholders with one settled
 * disagreement — approved as version 1 and open; a business development
 * draft that trips most of the profile checks, including an undecided tier
 * conflict that blocks its approval; and a paused search for a client of
 * the kind executive-search consultants keep, Brenner Antriebstechnik.
 *
 * Requirements start from the built-in role templates (data/templates/)
 * and are adjusted by the tables below, matched by their German title; a
 * table row whose template requirement is gone makes the demo fail, so the
 * demo cannot drift from the templates unnoticed.
 *
 * Step 3 adds job ads (R-AD-1, R-AD-2, R-AD-4): the key account manager ad
 * drafted from the approved profile, completed by the recruiter and
 * published on the career page with few linter findings; and a poor
 * hand-written business development draft full of findings (clichés, no
 * (m/w/d), "junges Team", "Muttersprachler", vague tasks, no salary). The
 * edits of the generated ad are matched by their text like the template
 * requirements, with the same failure when the generator changes.
 *
 * Step 4 adds the candidates of the key account manager search, its channel
 * plan and the business development draft's one-channel plan; they live in
 * demo_candidates.c, which gets the ids and days of the positions here.
 *
 * Step 5 adds the interview plan, scorecards and decisions of the key
 * account manager search (demo_interviews.c), after the candidates.
 */
#include "cli/demo_data.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/demo_candidates.h"
#include "cli/demo_interviews.h"
#include "cli/demo_onboarding.h"
#include "cli/demo_timeline.h"
#include "core/job_ad.h"
#include "core/profile_check.h"
#include "core/role_template.h"
#include "store/ads.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/profiles.h"
#include "store/users.h"
#include "util/embedded.h"
#include "util/log.h"
#include "util/str.h"

#define DAY (24 * 60 * 60)
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

struct demo_user {
	const char *login;
	const char *display_name;
	const char *title;       /* position at Nordlicht Sensorik */
	enum role role;
	const char *lang;
	int days_ago;            /* account created this many days before now */
};

static const struct demo_user demo_users[] = {
	{ "admin", "Dr. Maria Keller", "Geschäftsführerin", ROLE_ADMIN, "", 120 },
	{ "weber", "Jonas Weber", "Recruiter", ROLE_RECRUITER, "de", 118 },
	{ "brandt", "Thomas Brandt", "Vertriebsleiter", ROLE_HIRING_MANAGER, "de", 95 },
	{ "hoffmann", "Lena Hoffmann", "Head of Engineering", ROLE_INTERVIEWER, "de", 90 },
	{ "schulz", "Peter Schulz", "CFO", ROLE_INTERVIEWER, "de", 90 },
	{ "yilmaz", "Aylin Yilmaz", "Business Development Manager", ROLE_INTERVIEWER, "en", 60 },
};

const char *const DEMO_OTHER_LOGINS[] = { "weber", "brandt", "hoffmann", "schulz", "yilmaz", "albers" };
const size_t DEMO_OTHER_LOGINS_COUNT = sizeof DEMO_OTHER_LOGINS / sizeof DEMO_OTHER_LOGINS[0];

/* --- organisations ---------------------------------------------------------- */

struct demo_organisation {
	const char *name;
	const char *website;
	const char *street;
	const char *postal_code;
	const char *city;
	const char *state;       /* ISO 3166-2; the country is always DE */
	int days_ago;
};

enum { ORG_NORDLICHT, ORG_BRENNER, ORG__COUNT };

static const struct demo_organisation demo_organisations[ORG__COUNT] = {
	[ORG_NORDLICHT] = { "Nordlicht Sensorik GmbH", "https://www.nordlicht-sensorik.example", "Am Sandtorkai 40",
			    "20457", "Hamburg", "DE-HH", 120 },
	/* a client of an executive search run from this instance */
	[ORG_BRENNER] = { "Brenner Antriebstechnik GmbH", "https://www.brenner-antriebstechnik.example",
			  "Landsberger Straße 302", "80687", "München", "DE-BY", 45 },
};

/* Ids of what demo_fill created so far, for the references between records. */
struct demo_ids {
	int64_t users[COUNT(demo_users)];
	int64_t organisations[ORG__COUNT];
};

/* --- positions -------------------------------------------------------------- */

#define DEMO_MAX_STAKEHOLDERS 6

struct demo_goal {
	enum goal_kind kind;
	const char *title;
	int64_t revenue_amount;
	int horizon_months;
	const char *region;
	const char *segment;
	const char *accounts;
	bool international;
	bool technical_market;
	const char *notes;
};

/*
 * A requirement of a demo position: either a template requirement with the
 * fields given here changed (from_template names it by its German title), or
 * a new one (from_template NULL, kind set). Codes are those of the template
 * JSON (core/profile.h); NULL or 0 keeps the template's value.
 */
struct demo_requirement {
	const char *from_template;
	const char *kind;            /* requirement_kind_code; new requirements only */
	const char *tier;            /* tier_code */
	const char *title;
	const char *detail;
	bool set_years;              /* take years_min/years_max (0 = not set / open-ended) */
	int years_min, years_max;
	const char *language;
	const char *level;           /* cefr_code */
	bool technical;
	int64_t revenue_amount;
	const char *competency_key;  /* a suggestion key marks an accepted suggestion (R-PROF-2) */
	bool tier_decided;           /* the owner settled diverging proposals */
	unsigned goals;              /* bit i: serves goal i of the position */
	const char *proposals;       /* one letter per stakeholder, in their order: m(ust),
					i(mportant), n(ice to have), '.' no proposal */
};

struct demo_stakeholder {
	const char *login;           /* a demo user */
	enum stakeholder_role role;
};

/* The note a stakeholder gave with a proposal. */
struct demo_note {
	const char *requirement;     /* the requirement's final title */
	size_t stakeholder;          /* index into the position's stakeholders */
	const char *text;
};

/* A hand edit of a generated ad: in section, the text find becomes replace;
 * with whole_line the whole line holding find does. A find the generator
 * no longer writes makes the demo fail, so it cannot drift unnoticed. */
struct demo_ad_edit {
	enum job_ad_section section;
	const char *find;
	const char *replace;
	bool whole_line;
};

/* The job ad of a demo position (R-AD-1, R-AD-4): either drafted from the
 * approved profile and then edited, or written by hand (title and
 * sections), saved as edited; published when slug is set. */
struct demo_ad {
	bool generated;
	const struct demo_ad_edit *edits;
	size_t nedits;
	const char *title;                           /* hand-written ads only */
	const char *sections[JOB_AD_SECTION__COUNT]; /* hand-written ads only, by enum job_ad_section */
	int generated_days_ago;                      /* generated ads: the draft; 0 for hand-written */
	int edited_days_ago;
	const char *slug;                            /* NULL: not published */
	int published_days_ago;                      /* datePosted; valid for the ad's valid_through_days */
};

struct demo_position {
	size_t organisation;         /* ORG_* */
	const char *template_key;
	const char *title;
	const char *department;
	const char *location;
	enum remote_policy remote;
	enum employment_type employment;
	int headcount;
	int64_t salary_min, salary_max;
	int start_in_days;           /* target start: the first of a month at least this far ahead */
	const char *owner;           /* login */
	const char *challenges;      /* NULL: not documented */
	int created_days_ago;        /* the profile is worked on over the three days after */
	int approved_days_ago;       /* 0: the profile stays a draft */
	int opened_days_ago;         /* 0: never opened */
	int paused_days_ago;         /* 0: not paused */
	const struct demo_goal *goals;
	size_t ngoals;
	const struct demo_requirement *requirements;
	size_t nrequirements;
	const struct demo_stakeholder *stakeholders;
	size_t nstakeholders;
	const struct demo_note *notes;
	size_t nnotes;
	const struct demo_ad *ad;    /* NULL: no job ad yet */
};

/* Key Account Manager Industriekunden: complete, approved, open. */

enum { KAM_REVENUE = 1 << 0, KAM_BENELUX = 1 << 1, KAM_ACCOUNTS = 1 << 2 };

static const struct demo_goal kam_goals[] = {
	{ .kind = GOAL_REVENUE,
	  .title = "Umsatz mit Industriekunden auf 4,5 Mio. € steigern",
	  .revenue_amount = 4500000,
	  .horizon_months = 24,
	  .notes = "Heute rund 3,1 Mio. € mit den zehn größten Kunden; der Zuwachs soll zur Hälfte aus "
		   "Bestandskunden kommen." },
	{ .kind = GOAL_MARKET_ENTRY,
	  .title = "Markteintritt Benelux",
	  .region = "Niederlande, Belgien, Luxemburg",
	  .segment = "Logistik- und Hafenbetreiber, Maschinenbau",
	  .international = true,
	  .notes = "Erste Referenzkunden in Rotterdam und Antwerpen innerhalb von zwölf Monaten." },
	{ .kind = GOAL_ACCOUNT_DEVELOPMENT,
	  .title = "Schlüsselkunden ausbauen",
	  .accounts = "Hansa Logistik AG, Elbtal Maschinenbau GmbH, Nordwind Energie SE",
	  .technical_market = true,
	  .notes = "Von Einzelbestellungen zu Rahmenverträgen mit Serviceanteil." },
};

/* Stakeholders: Keller, Brandt, Schulz, Hoffmann (the proposal letters). */
static const struct demo_stakeholder kam_stakeholders[] = {
	{ "admin", STAKEHOLDER_MANAGING_DIRECTOR },
	{ "brandt", STAKEHOLDER_SALES_HEAD },
	{ "schulz", STAKEHOLDER_CFO },
	{ "hoffmann", STAKEHOLDER_HEAD_OF_ENGINEERING },
};

static const struct demo_requirement kam_requirements[] = {
	{ .from_template = "Einschlägige Berufserfahrung im B2B-Vertrieb",
	  .goals = KAM_REVENUE | KAM_ACCOUNTS, .proposals = "mmm." },
	{ .from_template = "Nachweisbare Vertriebserfolge",
	  .title = "Nachweisbare Vertriebserfolge in vergleichbarer Größenordnung",
	  .detail = "Hat mindestens 2 Mio. € Jahresumsatz mit Industriekunden verantwortet und kann die "
		    "wichtigsten Abschlüsse im Detail schildern.",
	  .revenue_amount = 2000000, .competency_key = "sales_track_record",
	  .goals = KAM_REVENUE, .proposals = "mmm." },
	{ .from_template = "Erfahrung im Management von Großkunden",
	  .goals = KAM_ACCOUNTS | KAM_REVENUE, .proposals = "mm.." },
	{ .from_template = "Steuerung komplexer Verkaufszyklen",
	  .tier = "must", .tier_decided = true,
	  .goals = KAM_ACCOUNTS | KAM_REVENUE, .proposals = "mmi." },
	{ .from_template = "Sicherer Umgang mit CRM-Systemen", .goals = KAM_REVENUE, .proposals = ".ii." },
	{ .from_template = "Analyse von Vertriebskennzahlen", .goals = KAM_REVENUE, .proposals = "..i." },
	{ .from_template = "Fundierte Kenntnisse in Vertriebsstrategien",
	  .goals = KAM_REVENUE | KAM_BENELUX, .proposals = "ii.." },
	{ .from_template = "Kenntnis der Kundenbranche",
	  .detail = "Kennt Maschinenbau, Logistik oder Energiewirtschaft von innen: Einkaufsprozesse, "
		    "Entscheider und die Rolle der Instandhaltung.",
	  .goals = KAM_ACCOUNTS, .proposals = ".i.i" },
	{ .from_template = "Kommunikationsstärke und Empathie", .goals = KAM_ACCOUNTS, .proposals = "i..." },
	{ .from_template = "Branchen- oder Vertriebszertifikate", .goals = KAM_ACCOUNTS, .proposals = "...." },
	/* the accepted suggestions of the Benelux and key account goals */
	{ .from_template = "Englischkenntnisse",
	  .tier = "important", .title = "Verhandlungssicheres Englisch",
	  .detail = "Verhandelt Rahmenverträge mit internationalen Einkaufsabteilungen auf Englisch.",
	  .level = "C1", .competency_key = "foreign_language",
	  .goals = KAM_BENELUX | KAM_ACCOUNTS, .proposals = "ii.i" },
	{ .from_template = "Technisches Produktverständnis",
	  .tier = "important", .technical = true, .competency_key = "technical_understanding",
	  .detail = "Erklärt Kunden, was Sensorik und Zustandsüberwachung in ihren Anlagen leisten, und "
		    "holt die Entwicklung gezielt dazu.",
	  .goals = KAM_ACCOUNTS, .proposals = "...i" },
	{ .from_template = "Betriebswirtschaftliche oder branchenspezifische Ausbildung",
	  .goals = KAM_REVENUE, .proposals = "..n." },
	{ .kind = "experience", .tier = "important", .title = "Internationale Vertriebserfahrung",
	  .detail = "Hat Kunden im Ausland betreut, idealerweise in den Niederlanden oder Belgien.",
	  .competency_key = "international_experience", .goals = KAM_BENELUX, .proposals = "ii.." },
	{ .kind = "language", .tier = "important", .title = "Niederländischkenntnisse",
	  .detail = "Führt Gespräche mit Kunden in den Niederlanden und Flandern in ihrer Sprache.",
	  .language = "Niederländisch", .level = "B2", .goals = KAM_BENELUX, .proposals = "i..." },
};

static const struct demo_note kam_notes[] = {
	{ "Steuerung komplexer Verkaufszyklen", 1,
	  "Unsere Projekte laufen neun bis achtzehn Monate, mit Einkauf, Technik und Geschäftsführung am "
	  "Tisch. Wer das nicht kennt, verliert die Großkunden." },
	{ "Steuerung komplexer Verkaufszyklen", 2,
	  "Lässt sich in der Einarbeitung lernen; wichtiger ist mir die nachgewiesene Ergebnisverantwortung." },
	{ "Nachweisbare Vertriebserfolge in vergleichbarer Größenordnung", 2,
	  "Unter 2 Mio. € verantwortetem Umsatz ist das Ziel von 4,5 Mio. € nicht realistisch." },
	{ "Technisches Produktverständnis", 3,
	  "Grundverständnis genügt; die Details unserer Sensoren schulen wir in den ersten Wochen." },
	{ "Niederländischkenntnisse", 0,
	  "Bei Ausschreibungen in den Niederlanden und Belgien ein echter Vorteil, aber kein Ausschlusskriterium." },
};

/* Business Development Manager Skandinavien: a draft with visible warnings. */

enum { BDM_NORDICS = 1 << 0, BDM_REVENUE = 1 << 1, BDM_PARTNERS = 1 << 2 };

static const struct demo_goal bdm_goals[] = {
	{ .kind = GOAL_MARKET_ENTRY,
	  .title = "Markteintritt Skandinavien",
	  .region = "Schweden, Norwegen, Dänemark",
	  .segment = "Windenergie und Prozessindustrie",
	  .international = true },
	{ .kind = GOAL_REVENUE,
	  .title = "Umsatz in Skandinavien: 2 Mio. € in 18 Monaten",
	  .revenue_amount = 2000000,
	  .horizon_months = 18 },
	/* no requirement serves this one yet (profile.goal_without_requirement) */
	{ .kind = GOAL_FREE_TEXT,
	  .title = "Vertriebspartnernetz in Skandinavien aufbauen",
	  .notes = "Mindestens drei Vertriebspartner innerhalb von zwölf Monaten, einer je Land." },
};

/* Stakeholders: Keller, Brandt, Yilmaz. */
static const struct demo_stakeholder bdm_stakeholders[] = {
	{ "admin", STAKEHOLDER_MANAGING_DIRECTOR },
	{ "brandt", STAKEHOLDER_SALES_HEAD },
	{ "yilmaz", STAKEHOLDER_BDM },
};

/* Seven must-haves, four of them the seed's "unicorn": ten years, two
 * languages at C1, a technical degree and proven millions. */
static const struct demo_requirement bdm_requirements[] = {
	{ .from_template = "Berufserfahrung in Business Development oder Neukundenvertrieb (B2B)",
	  .detail = "Mindestens zehn Jahre im Neukundenvertrieb, davon mehrere Jahre in Skandinavien.",
	  .set_years = true, .years_min = 10, .years_max = 0,
	  .goals = BDM_NORDICS | BDM_REVENUE, .proposals = "mm." },
	{ .from_template = "Nachweisbarer Aufbau neuen Geschäfts",
	  .detail = "Hat neues Geschäft mit mehreren Millionen Euro Jahresumsatz aufgebaut, belegt an "
		    "Referenzen.",
	  .revenue_amount = 3000000, .goals = BDM_REVENUE, .proposals = "mm." },
	{ .from_template = "Business Cases und Markteintrittsplanung", .goals = BDM_NORDICS, .proposals = "..m" },
	{ .from_template = "Ansprache und Gewinnung von Entscheidern",
	  .goals = BDM_NORDICS | BDM_REVENUE, .proposals = ".mm" },
	{ .from_template = "Kenntnis und Netzwerk in der Zielbranche", .goals = BDM_NORDICS, .proposals = "..i" },
	{ .from_template = "Methodische Markt- und Wettbewerbsanalyse", .goals = BDM_NORDICS, .proposals = "..i" },
	{ .from_template = "Aufbau und Führung von Partnerschaften", .goals = BDM_NORDICS, .proposals = "..." },
	{ .from_template = "Verhandlungssicheres Englisch", .tier = "must", .goals = BDM_NORDICS, .proposals = "mm." },
	{ .from_template = "Pipeline-Steuerung im CRM", .goals = BDM_REVENUE, .proposals = ".i." },
	{ .from_template = "Wirtschaftswissenschaftliches oder technisches Studium",
	  .tier = "must", .title = "Abgeschlossenes technisches Studium",
	  .detail = "Elektrotechnik, Maschinenbau oder Physik.", .technical = true,
	  .goals = BDM_NORDICS, .proposals = "m.." },
	{ .from_template = "Technisches Produktverständnis", .goals = BDM_NORDICS, .proposals = "..." },
	/* serves no goal (profile.unlinked_requirement) */
	{ .from_template = "Erfahrung in einem wachsenden Unternehmen", .goals = 0, .proposals = "..n" },
	/* Keller and Brandt disagree, nobody decided yet (profile.tier_conflict) */
	{ .kind = "language", .tier = "must", .title = "Verhandlungssicheres Schwedisch",
	  .detail = "Für Gespräche mit Einkauf und Geschäftsführung in Schweden.",
	  .language = "Schwedisch", .level = "C1", .goals = BDM_NORDICS, .proposals = "mi." },
};

static const struct demo_note bdm_notes[] = {
	{ "Verhandlungssicheres Schwedisch", 0, "Ohne Schwedisch bleiben wir bei den Kunden Gäste." },
	{ "Verhandlungssicheres Schwedisch", 1,
	  "Englisch reicht für den Einstieg; Schwedisch fördern wir mit einem Sprachkurs." },
	{ "Berufserfahrung in Business Development oder Neukundenvertrieb (B2B)", 1,
	  "Für einen neuen Markt brauchen wir jemanden, der das schon mehrfach gemacht hat." },
};

/* The generated key account manager ad with what the recruiter added: the
 * quantities the linter asked for and the facts the generator cannot know
 * (benefits, how the team works). Published. */
static const struct demo_ad_edit kam_ad_edits[] = {
	{ JOB_AD_INTRO, "Sie gewinnen Neukunden in der Region",
	  "Sie gewinnen in den ersten zwölf Monaten mindestens fünf Neukunden in der Region", false },
	{ JOB_AD_TASKS, "Markteintritt Benelux: Neukundenakquise in der Region Niederlande, Belgien und Luxemburg.",
	  "Markteintritt Benelux: Akquise von mindestens fünf Neukunden in den Niederlanden, in Belgien und "
	  "Luxemburg.",
	  false },
	{ JOB_AD_MUST,
	  "Eigenverantwortliche Betreuung und Entwicklung von Großkunden bzw. Key Accounts, einschließlich "
	  "Account-Planung und Umsatzverantwortung.",
	  "Mindestens drei Jahre eigenverantwortliche Betreuung von Key Accounts mit jeweils über 500.000 € "
	  "Jahresumsatz, einschließlich Account-Planung.",
	  false },
	{ JOB_AD_OFFER, JOB_AD_PLACEHOLDER_DE,
	  "- Variable Vergütung von bis zu 15.000 € im Jahr, gekoppelt an die Umsatzziele.\n"
	  "- 30 Tage Urlaub und 2.000 € Weiterbildungsbudget im Jahr.\n"
	  "- Dienstwagen der Mittelklasse, auch zur privaten Nutzung.\n"
	  "- Sensoren aus eigener Entwicklung und Fertigung in Hamburg: Sie verkaufen, was Sie im Werk zeigen "
	  "können.",
	  true },
	{ JOB_AD_CULTURE, JOB_AD_PLACEHOLDER_DE,
	  "Sie berichten an Thomas Brandt, den Vertriebsleiter. Angebote bis 100.000 € entscheiden Sie selbst, "
	  "größere stimmen Sie mit ihm ab.\n"
	  "Das Vertriebsteam aus sechs Personen trifft sich jeden Montag in Hamburg, sonst arbeiten Sie an bis zu "
	  "zwei Tagen pro Woche im Homeoffice.\n"
	  "Im letzten Jahr haben wir zwei Großkunden gewonnen, aber Anfragen aus dem Ausland zu langsam "
	  "beantwortet. Das soll diese Stelle ändern.",
	  true },
};

static const struct demo_ad kam_ad = {
	.generated = true,
	.edits = kam_ad_edits,
	.nedits = COUNT(kam_ad_edits),
	.generated_days_ago = 17,
	.edited_days_ago = 16,
	.slug = "key-account-manager-industriekunden",
	.published_days_ago = 4,
};

/* A first draft written by hand before the profile was approved, the way
 * many ads still look: clichés, no (m/w/d), age-coded and native-speaker
 * wording, a photo request, tasks without any quantity and no salary. */
static const struct demo_ad bdm_ad = {
	.title = "Business Development Manager Skandinavien",
	.sections = {
		[JOB_AD_INTRO] =
			"Wir sind ein innovatives Unternehmen mit flachen Hierarchien und suchen zum nächstmöglichen "
			"Zeitpunkt einen motivierten Business Development Manager, der Lust auf spannende "
			"Herausforderungen in einem dynamischen Umfeld hat.",
		[JOB_AD_TASKS] =
			"- Erschließung neuer Märkte in Skandinavien\n"
			"- Neukundengewinnung\n"
			"- Betreuung und Ausbau von Schlüsselkunden\n"
			"- Umsatzsteigerung\n"
			"- Diverse administrative Aufgaben",
		[JOB_AD_MUST] =
			"- Abgeschlossenes Studium\n"
			"- Mehrjährige Berufserfahrung im Vertrieb\n"
			"- Deutsch und Schwedisch als Muttersprachler\n"
			"- Teamplayer mit Hands-on-Mentalität\n"
			"- Hohe Belastbarkeit und Durchsetzungsstärke",
		[JOB_AD_NICE] = "- Erste Erfahrung in der Sensorik",
		[JOB_AD_OFFER] =
			"- Spannende Herausforderungen\n"
			"- Ein junges, dynamisches Team\n"
			"- Attraktive Vergütung\n"
			"- Obstkorb und Kicker",
		[JOB_AD_CULTURE] = "Bei uns erwartet Sie ein junges Team, in dem wir alle wie eine Familie sind.",
		[JOB_AD_PROCESS] =
			"Senden Sie uns Ihre vollständigen Bewerbungsunterlagen mit Lichtbild und Geburtsdatum.",
	},
	.edited_days_ago = 2,
};

static const struct demo_position demo_positions[] = {
	{ .organisation = ORG_NORDLICHT,
	  .template_key = "kam",
	  .title = "Key Account Manager Industriekunden",
	  .department = "Vertrieb",
	  .location = "Hamburg",
	  .remote = REMOTE_HYBRID,
	  .employment = EMPLOYMENT_FULL_TIME,
	  .headcount = 1,
	  .salary_min = 85000,
	  .salary_max = 105000,
	  .start_in_days = 90,
	  .owner = "brandt",
	  .challenges =
		  "Zwei der größten Kunden werden derzeit interimistisch vom Vertriebsleiter betreut; die "
		  "Übergabe muss in den ersten Monaten gelingen, ohne dass Vertrauen verloren geht.\n"
		  "Bei Standardsensoren herrscht starker Preisdruck durch asiatische Anbieter; Rabattforderungen "
		  "der Einkäufer gehören zum Alltag.\n"
		  "Die neue Produktlinie für kabellose Zustandsüberwachung ist erst seit einem halben Jahr am "
		  "Markt und noch nicht ausgereift; Kinderkrankheiten müssen gemeinsam mit der Entwicklung "
		  "gelöst werden.\n"
		  "Für Benelux gibt es weder Referenzkunden noch ein Büro: Die ersten Termine finden von Hamburg "
		  "aus statt, mit rund 30 % Reisezeit.\n"
		  "Das CRM wurde erst im letzten Jahr eingeführt; die Kundenhistorie ist lückenhaft.",
	  .created_days_ago = 50,
	  .approved_days_ago = 21,
	  .opened_days_ago = 18,
	  .goals = kam_goals, .ngoals = COUNT(kam_goals),
	  .requirements = kam_requirements, .nrequirements = COUNT(kam_requirements),
	  .stakeholders = kam_stakeholders, .nstakeholders = COUNT(kam_stakeholders),
	  .notes = kam_notes, .nnotes = COUNT(kam_notes),
	  .ad = &kam_ad },
	{ .organisation = ORG_NORDLICHT,
	  .template_key = "bdm",
	  .title = "Business Development Manager Skandinavien",
	  .department = "Vertrieb",
	  .location = "Hamburg",
	  .remote = REMOTE_HYBRID,
	  .employment = EMPLOYMENT_FULL_TIME,
	  .headcount = 1,
	  .salary_min = 80000,
	  .salary_max = 100000,
	  .start_in_days = 150,
	  .owner = "weber",
	  .challenges = NULL,
	  .created_days_ago = 6,
	  .goals = bdm_goals, .ngoals = COUNT(bdm_goals),
	  .requirements = bdm_requirements, .nrequirements = COUNT(bdm_requirements),
	  .stakeholders = bdm_stakeholders, .nstakeholders = COUNT(bdm_stakeholders),
	  .notes = bdm_notes, .nnotes = COUNT(bdm_notes),
	  .ad = &bdm_ad },
	/* the client's search: the template's requirements, no goals yet */
	{ .organisation = ORG_BRENNER,
	  .template_key = "hoe",
	  .title = "Head of Engineering",
	  .department = "Entwicklung",
	  .location = "München",
	  .remote = REMOTE_ONSITE,
	  .employment = EMPLOYMENT_FULL_TIME,
	  .headcount = 1,
	  .salary_min = 120000,
	  .salary_max = 145000,
	  .start_in_days = 120,
	  .owner = "weber",
	  .challenges = "Die Suche ruht, bis der Beirat das Entwicklungsbudget für das kommende Jahr "
			"freigegeben hat. Der bisherige Leiter ist in den Ruhestand gegangen; das Team von "
			"zwölf Personen wird übergangsweise vom technischen Geschäftsführer geführt.",
	  .created_days_ago = 40,
	  .opened_days_ago = 38,
	  .paused_days_ago = 9 },
};

/* --- helpers ---------------------------------------------------------------- */

/* Copies a demo text into a record field; a text that does not fit is a bug
 * in the tables above. */
static bool put_text(char *dst, size_t size, const char *src, const char *what)
{
	if (str_copy(dst, size, src ? src : ""))
		return true;
	log_error("demo: the text of %s does not fit (%zu bytes at most)", what, size - 1);
	return false;
}

static int64_t user_id(const struct demo_ids *ids, const char *login)
{
	for (size_t i = 0; i < COUNT(demo_users); i++)
		if (str_eq(demo_users[i].login, login))
			return ids->users[i];
	return 0;
}

static const char *user_display_name(const char *login)
{
	for (size_t i = 0; i < COUNT(demo_users); i++)
		if (str_eq(demo_users[i].login, login))
			return demo_users[i].display_name;
	return login;
}

/* The first day of a month at least `days` days after now, "YYYY-MM-DD";
 * contracts in Germany usually start on the first. */
static void target_start(char *out, size_t size, int64_t now, int days)
{
	time_t t = (time_t)(now + (int64_t)days * DAY);
	struct tm tm;
	char date[32];

	gmtime_r(&t, &tm);
	if (tm.tm_mday != 1 && ++tm.tm_mon == 12) {
		tm.tm_mon = 0;
		tm.tm_year++;
	}
	snprintf(date, sizeof date, "%04d-%02d-01", tm.tm_year + 1900, tm.tm_mon + 1);
	str_copy(out, size, date);
}

/* Loads the built-in role template `key` (caller frees with role_template_free). */
static bool load_template(const char *key, struct role_template *out)
{
	char path[128], err[256];
	const struct embedded_file *f;

	snprintf(path, sizeof path, TEMPLATE_DATA_DIR "%s.json", key);
	if ((f = embedded_find(path)) == NULL) {
		log_error("demo: no built-in role template %s", path);
		return false;
	}
	if (!role_template_parse((const char *)f->data, f->len, out, err, sizeof err)) {
		log_error("demo: role template %s does not parse: %s", path, err);
		return false;
	}
	return true;
}

/* --- records ---------------------------------------------------------------- */

/* The staff accounts, oldest first. */
static bool demo_fill_users(struct store *s, const char *password_hash, int64_t now, struct demo_ids *ids)
{
	for (size_t i = 0; i < COUNT(demo_users); i++) {
		const struct demo_user *d = &demo_users[i];
		struct user u;
		memset(&u, 0, sizeof u);
		str_copy(u.name, sizeof u.name, d->login);
		str_copy(u.display_name, sizeof u.display_name, d->display_name);
		str_copy(u.lang, sizeof u.lang, d->lang);
		str_copy(u.password_hash, sizeof u.password_hash, password_hash);
		u.role = d->role;
		enum store_rc rc = store_user_create(s, &CLI_ACTOR, &u, now - (int64_t)d->days_ago * DAY);
		if (rc != STORE_OK) {
			log_error("demo: cannot create user %s: %s", d->login, store_rc_name(rc));
			return false;
		}
		ids->users[i] = u.id;
	}
	return true;
}

static bool demo_fill_organisations(struct store *s, int64_t now, struct demo_ids *ids)
{
	for (size_t i = 0; i < ORG__COUNT; i++) {
		const struct demo_organisation *d = &demo_organisations[i];
		struct organisation o;
		struct field_problem problem;
		memset(&o, 0, sizeof o);
		if (!put_text(o.name, sizeof o.name, d->name, "an organisation name") ||
		    !put_text(o.website, sizeof o.website, d->website, d->name) ||
		    !put_text(o.street, sizeof o.street, d->street, d->name) ||
		    !put_text(o.postal_code, sizeof o.postal_code, d->postal_code, d->name) ||
		    !put_text(o.city, sizeof o.city, d->city, d->name) ||
		    !put_text(o.country, sizeof o.country, "DE", d->name) ||
		    !put_text(o.state, sizeof o.state, d->state, d->name))
			return false;
		if (organisation_validate(&o, &problem, 1) > 0) {
			log_error("demo: organisation %s: %s: %s", d->name, problem.field, problem.message);
			return false;
		}
		enum store_rc rc = store_organisation_create(s, &CLI_ACTOR, &o, now - (int64_t)d->days_ago * DAY);
		if (rc != STORE_OK) {
			log_error("demo: cannot create organisation %s: %s", d->name, store_rc_name(rc));
			return false;
		}
		ids->organisations[i] = o.id;
	}
	return true;
}

/* The position's own fields, created as a draft at `at`. */
static bool create_position(struct store *s, const struct demo_position *d, const struct demo_ids *ids,
			    int64_t now, int64_t at, struct position *p)
{
	struct field_problem problem;

	memset(p, 0, sizeof *p);
	p->organisation_id = ids->organisations[d->organisation];
	p->remote = d->remote;
	p->employment = d->employment;
	p->headcount = d->headcount;
	p->salary_min = d->salary_min;
	p->salary_max = d->salary_max;
	if ((p->owner_id = user_id(ids, d->owner)) == 0) {
		log_error("demo: position %s: no demo user %s", d->title, d->owner);
		return false;
	}
	target_start(p->target_start, sizeof p->target_start, now, d->start_in_days);
	if (!put_text(p->template_key, sizeof p->template_key, d->template_key, d->title) ||
	    !put_text(p->title, sizeof p->title, d->title, "a position title") ||
	    !put_text(p->department, sizeof p->department, d->department, d->title) ||
	    !put_text(p->location, sizeof p->location, d->location, d->title) ||
	    !put_text(p->currency, sizeof p->currency, "EUR", d->title) ||
	    !put_text(p->challenges, sizeof p->challenges, d->challenges, d->title))
		return false;
	if (position_validate(p, &problem, 1) > 0) {
		log_error("demo: position %s: %s: %s", d->title, problem.field, problem.message);
		return false;
	}
	enum store_rc rc = store_position_create(s, &CLI_ACTOR, p, at);
	if (rc != STORE_OK) {
		log_error("demo: cannot create position %s: %s", d->title, store_rc_name(rc));
		return false;
	}
	return true;
}


/* The goals of d in their order; goal_ids[i] receives the id of goal i. */
static bool add_goals(struct store *s, const struct demo_position *d, int64_t position_id, int64_t at,
		      int64_t *goal_ids)
{
	for (size_t i = 0; i < d->ngoals; i++) {
		const struct demo_goal *dg = &d->goals[i];
		struct goal g;
		memset(&g, 0, sizeof g);
		g.kind = dg->kind;
		g.revenue_amount = dg->revenue_amount;
		g.horizon_months = dg->horizon_months;
		g.international = dg->international;
		g.technical_market = dg->technical_market;
		if (!put_text(g.title, sizeof g.title, dg->title, "a goal title") ||
		    !put_text(g.region, sizeof g.region, dg->region, dg->title) ||
		    !put_text(g.segment, sizeof g.segment, dg->segment, dg->title) ||
		    !put_text(g.accounts, sizeof g.accounts, dg->accounts, dg->title) ||
		    !put_text(g.notes, sizeof g.notes, dg->notes, dg->title))
			return false;
		enum store_rc rc = store_goal_add(s, &CLI_ACTOR, position_id, &g, at);
		if (rc != STORE_OK) {
			log_error("demo: cannot add goal %s: %s", dg->title, store_rc_name(rc));
			return false;
		}
		goal_ids[i] = g.id;
	}
	return true;
}

/* The title a requirement row ends up with. */
static const char *final_title(const struct demo_requirement *dr)
{
	return dr->title ? dr->title : dr->from_template;
}

/* Applies the changes of dr to r (a requirement from the template, or an
 * empty one) and links r to the goals dr names. */
static bool apply_requirement(const struct demo_position *d, const struct demo_requirement *dr,
			      const int64_t *goal_ids, struct requirement *r)
{
	const char *what = final_title(dr);

	if ((dr->kind && !requirement_kind_parse(dr->kind, &r->kind)) || (dr->tier && !tier_parse(dr->tier, &r->tier)) ||
	    (dr->level && !cefr_parse(dr->level, &r->level))) {
		log_error("demo: requirement %s of %s: unknown kind, tier or level", what, d->title);
		return false;
	}
	if ((dr->title && !put_text(r->title, sizeof r->title, dr->title, what)) ||
	    (dr->detail && !put_text(r->detail, sizeof r->detail, dr->detail, what)) ||
	    (dr->language && !put_text(r->language, sizeof r->language, dr->language, what)) ||
	    (dr->competency_key && !put_text(r->competency_key, sizeof r->competency_key, dr->competency_key, what)))
		return false;
	if (dr->set_years) {
		r->years_min = dr->years_min;
		r->years_max = dr->years_max;
	}
	if (dr->technical)
		r->technical = true;
	if (dr->revenue_amount != 0)
		r->revenue_amount = dr->revenue_amount;
	r->tier_decided = dr->tier_decided;
	if ((dr->goals >> d->ngoals) != 0) {
		log_error("demo: requirement %s of %s serves a goal the position does not have", what, d->title);
		return false;
	}
	r->ngoals = 0;
	for (size_t i = 0; i < d->ngoals; i++)
		if (dr->goals & (1u << i))
			r->goal_ids[r->ngoals++] = goal_ids[i];
	return true;
}

/* A stored requirement and the table row it came from (NULL: taken from the
 * template unchanged). */
struct added_requirement {
	int64_t id;
	const struct demo_requirement *row;
};

static bool store_requirement(struct store *s, const struct demo_position *d, int64_t position_id,
			      struct requirement *r, const struct demo_requirement *row, int64_t at,
			      struct added_requirement *out, size_t *n)
{
	enum store_rc rc = store_requirement_add(s, &CLI_ACTOR, position_id, r, at);
	if (rc != STORE_OK) {
		log_error("demo: cannot add requirement %s to %s: %s", r->title, d->title, store_rc_name(rc));
		return false;
	}
	out[*n].id = r->id;
	out[*n].row = row;
	(*n)++;
	return true;
}

/*
 * The requirements: those of template t in its order, changed as the table
 * row naming them says, then the table's new ones. out (room for the
 * template's and the table's requirements) receives what was stored.
 */
static bool add_requirements(struct store *s, const struct demo_position *d, const struct role_template *t,
			     int64_t position_id, const int64_t *goal_ids, int64_t at,
			     struct added_requirement *out, size_t *n)
{
	bool used[TEMPLATE_MAX_REQUIREMENTS] = { false };

	*n = 0;
	for (size_t i = 0; i < t->nrequirements; i++) {
		struct requirement r = role_template_requirement(&t->requirements[i], TEMPLATE_DE);
		const struct demo_requirement *row = NULL;
		for (size_t j = 0; j < d->nrequirements && row == NULL; j++) {
			if (str_eq(d->requirements[j].from_template, t->requirements[i].title[TEMPLATE_DE])) {
				row = &d->requirements[j];
				used[j] = true;
			}
		}
		if ((row && !apply_requirement(d, row, goal_ids, &r)) ||
		    !store_requirement(s, d, position_id, &r, row, at, out, n))
			return false;
	}
	for (size_t j = 0; j < d->nrequirements; j++) {
		const struct demo_requirement *row = &d->requirements[j];
		struct requirement r;
		if (row->from_template) {
			if (used[j])
				continue;
			log_error("demo: the role template %s has no requirement \"%s\" any more", t->key,
				  row->from_template);
			return false;
		}
		memset(&r, 0, sizeof r);
		if (!apply_requirement(d, row, goal_ids, &r) || !store_requirement(s, d, position_id, &r, row, at, out, n))
			return false;
	}
	return true;
}

static bool add_stakeholders(struct store *s, const struct demo_position *d, const struct demo_ids *ids,
			     int64_t position_id, int64_t at, int64_t *stakeholder_ids)
{
	for (size_t i = 0; i < d->nstakeholders; i++) {
		const struct demo_stakeholder *ds = &d->stakeholders[i];
		struct stakeholder sh;
		memset(&sh, 0, sizeof sh);
		if ((sh.user_id = user_id(ids, ds->login)) == 0) {
			log_error("demo: position %s: no demo user %s", d->title, ds->login);
			return false;
		}
		sh.role = ds->role;
		if (!put_text(sh.name, sizeof sh.name, user_display_name(ds->login), "a stakeholder name"))
			return false;
		enum store_rc rc = store_stakeholder_add(s, &CLI_ACTOR, position_id, &sh, at);
		if (rc != STORE_OK) {
			log_error("demo: cannot add stakeholder %s to %s: %s", ds->login, d->title, store_rc_name(rc));
			return false;
		}
		stakeholder_ids[i] = sh.id;
	}
	return true;
}

/* The note stakeholder gave with their proposal for the requirement titled
 * title, or NULL; *used counts the notes found. */
static const char *proposal_note(const struct demo_position *d, const char *title, size_t stakeholder, size_t *used)
{
	for (size_t i = 0; i < d->nnotes; i++) {
		if (d->notes[i].stakeholder == stakeholder && str_eq(d->notes[i].requirement, title)) {
			(*used)++;
			return d->notes[i].text;
		}
	}
	return NULL;
}

/* The stakeholders' tier proposals the table rows spell out letter by letter. */
static bool add_proposals(struct store *s, const struct demo_position *d, const struct added_requirement *reqs,
			  size_t nreqs, const int64_t *stakeholder_ids, int64_t at)
{
	size_t notes_used = 0;

	for (size_t i = 0; i < nreqs; i++) {
		const struct demo_requirement *row = reqs[i].row;
		if (row == NULL || row->proposals == NULL)
			continue;
		if (strlen(row->proposals) != d->nstakeholders) {
			log_error("demo: requirement %s of %s: %zu proposals for %zu stakeholders", final_title(row),
				  d->title, strlen(row->proposals), d->nstakeholders);
			return false;
		}
		for (size_t j = 0; j < d->nstakeholders; j++) {
			enum tier tier;
			switch (row->proposals[j]) {
			case '.':
				continue;
			case 'm':
				tier = TIER_MUST;
				break;
			case 'i':
				tier = TIER_IMPORTANT;
				break;
			case 'n':
				tier = TIER_NICE;
				break;
			default:
				log_error("demo: requirement %s of %s: unknown proposal '%c'", final_title(row), d->title,
					  row->proposals[j]);
				return false;
			}
			const char *note = proposal_note(d, final_title(row), j, &notes_used);
			enum store_rc rc = store_proposal_set(s, &CLI_ACTOR, stakeholder_ids[j], reqs[i].id, tier, note, at);
			if (rc != STORE_OK) {
				log_error("demo: cannot add a proposal for %s: %s", final_title(row), store_rc_name(rc));
				return false;
			}
		}
	}
	if (notes_used != d->nnotes) {
		log_error("demo: %zu proposal notes of %s belong to no proposal", d->nnotes - notes_used, d->title);
		return false;
	}
	return true;
}

/*
 * Approves the draft profile as the managing director (R-PROF-7). The demo
 * approves only what the checks let pass: an error-level finding means the
 * tables above are wrong, and the demo fails naming the rule. Warnings are
 * logged; the demo's approved profile is meant to have none.
 */
static bool approve_profile(struct store *s, const struct demo_position *d, const struct role_template *t,
			    const struct demo_ids *ids, int64_t position_id, int64_t at)
{
	struct profile_check_options opt = { NULL, t->usual_years_min, t->usual_years_max };
	struct actor approver = { user_id(ids, "admin"), "admin", NULL };
	struct finding findings[32];
	struct profile prof;
	int version = 0;

	enum store_rc rc = store_profile_load(s, position_id, &prof);
	if (rc != STORE_OK) {
		log_error("demo: cannot load the profile of %s: %s", d->title, store_rc_name(rc));
		return false;
	}
	size_t n = profile_check(&prof, &opt, findings, COUNT(findings));
	profile_free(&prof);
	for (size_t i = 0; i < n; i++) {
		if (findings[i].severity == SEVERITY_ERROR)
			log_error("demo: the profile of %s fails check %s: %s", d->title, findings[i].rule,
				  findings[i].message);
		else
			log_warn("demo: the profile of %s has a finding %s: %s", d->title, findings[i].rule,
				 findings[i].message);
	}
	if (findings_block_approval(findings, n))
		return false;
	if ((rc = store_profile_approve(s, &approver, position_id, at, &version)) != STORE_OK) {
		log_error("demo: cannot approve the profile of %s: %s", d->title, store_rc_name(rc));
		return false;
	}
	return true;
}

static bool set_status(struct store *s, struct position *p, enum position_status status, int64_t at)
{
	p->status = status;
	enum store_rc rc = store_position_update(s, &CLI_ACTOR, p, at);
	if (rc != STORE_OK) {
		log_error("demo: cannot set %s to %s: %s", p->title, position_status_code(status), store_rc_name(rc));
		return false;
	}
	return true;
}

/* --- job ads ---------------------------------------------------------------- */

/* The writable text of section sec of ad and its buffer size. */
static char *ad_section(struct job_ad *ad, enum job_ad_section sec, size_t *size)
{
	switch (sec) {
	case JOB_AD_TASKS: *size = sizeof ad->tasks; return ad->tasks;
	case JOB_AD_MUST: *size = sizeof ad->must; return ad->must;
	case JOB_AD_NICE: *size = sizeof ad->nice; return ad->nice;
	case JOB_AD_OFFER: *size = sizeof ad->offer; return ad->offer;
	case JOB_AD_CULTURE: *size = sizeof ad->culture; return ad->culture;
	case JOB_AD_PROCESS: *size = sizeof ad->process; return ad->process;
	default: *size = sizeof ad->intro; return ad->intro;
	}
}

/* Applies one hand edit to a generated ad; false, logged, when the text to
 * replace is not there or the result does not fit. */
static bool apply_ad_edit(struct job_ad *ad, const struct demo_ad_edit *e, const char *title)
{
	size_t size;
	char *text = ad_section(ad, e->section, &size);
	char *at = strstr(text, e->find);
	char result[4096];

	if (!at) {
		log_error("demo: the generated ad of %s has no \"%s\" in its %s any more", title, e->find,
			  job_ad_section_key(e->section));
		return false;
	}
	size_t start = (size_t)(at - text), end = start + strlen(e->find);
	if (e->whole_line) {
		while (start > 0 && text[start - 1] != '\n')
			start--;
		end += strcspn(text + end, "\n");
	}
	int n = snprintf(result, sizeof result, "%.*s%s%s", (int)start, text, e->replace, text + end);
	if (n < 0 || (size_t)n >= size) {
		log_error("demo: the edited %s of the ad of %s does not fit", job_ad_section_key(e->section), title);
		return false;
	}
	memcpy(text, result, (size_t)n + 1);
	return true;
}

/* "YYYY-MM-DD" of the UTC day t falls on. */
static void utc_date(char out[11], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char date[32];

	gmtime_r(&tt, &tm);
	snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	str_copy(out, 11, date);
}

/* The generated ad of position p: drafted from its newest approved profile
 * and saved unedited at `at`, as the editor's "Entwurf erstellen" does. */
static bool generate_ad(struct store *s, const struct position *p, const struct actor *who, int64_t at,
			struct stored_ad *sa)
{
	struct organisation o;
	struct profile prof;
	enum store_rc rc;

	memset(&prof, 0, sizeof prof);
	if ((rc = store_organisation_get(s, p->organisation_id, &o)) != STORE_OK ||
	    (rc = store_profile_version_load(s, p->id, p->approved_version, &prof, NULL, NULL)) != STORE_OK) {
		log_error("demo: cannot load what the ad of %s is drafted from: %s", p->title, store_rc_name(rc));
		return false;
	}
	job_ad_generate(p, &o, &prof, "de", &sa->ad);
	profile_free(&prof);
	sa->generated_from_version = p->approved_version;
	sa->edited = false;
	if ((rc = store_ad_save(s, who, sa, at)) != STORE_OK) {
		log_error("demo: cannot save the generated ad of %s: %s", p->title, store_rc_name(rc));
		return false;
	}
	return true;
}

/* Publishes the ad of p under d->slug, datePosted d->published_days_ago
 * days before now; refuses (logged) what the editor would refuse: a
 * placeholder left or a JobPosting without its required properties. */
static bool publish_ad(struct store *s, const struct demo_ad *d, const struct position *p, const struct actor *who,
		       const struct stored_ad *sa, int64_t now)
{
	int64_t posted = now - (int64_t)d->published_days_ago * DAY;
	char date_posted[11], valid_through[11];
	struct organisation o;
	const char *missing = NULL;
	enum store_rc rc;

	utc_date(date_posted, posted);
	utc_date(valid_through, posted + sa->ad.valid_through_days * DAY);
	if (job_ad_first_placeholder(&sa->ad)) {
		log_error("demo: the ad of %s still has a placeholder in its %s", p->title,
			  job_ad_first_placeholder(&sa->ad));
		return false;
	}
	if ((rc = store_organisation_get(s, p->organisation_id, &o)) != STORE_OK) {
		log_error("demo: cannot load the organisation of %s: %s", p->title, store_rc_name(rc));
		return false;
	}
	json_t *ld = job_ad_jsonld(&sa->ad, p, &o, date_posted, valid_through, NULL);
	bool complete = job_ad_jsonld_complete(ld, &missing);
	json_decref(ld);
	if (!complete) {
		log_error("demo: the JobPosting of %s lacks %s", p->title, missing ? missing : "a property");
		return false;
	}
	if ((rc = store_ad_publish(s, who, p->id, d->slug, date_posted, valid_through, posted)) != STORE_OK) {
		log_error("demo: cannot publish the ad of %s: %s", p->title, store_rc_name(rc));
		return false;
	}
	return true;
}

/* The job ad of position p as d says: generated and edited, or written by
 * hand; then published when d has a slug. The recruiter does the work. */
static bool demo_fill_ad(struct store *s, const struct demo_ad *d, const struct position *p,
			 const struct demo_ids *ids, int64_t now)
{
	struct actor recruiter = { user_id(ids, "weber"), "weber", NULL };
	struct stored_ad sa;
	enum store_rc rc;

	memset(&sa, 0, sizeof sa);
	sa.position_id = p->id;
	if (d->generated) {
		if (!generate_ad(s, p, &recruiter, now - (int64_t)d->generated_days_ago * DAY, &sa))
			return false;
		for (size_t i = 0; i < d->nedits; i++)
			if (!apply_ad_edit(&sa.ad, &d->edits[i], p->title))
				return false;
	} else {
		str_copy(sa.ad.lang, sizeof sa.ad.lang, "de");
		sa.ad.valid_through_days = JOB_AD_DEFAULT_VALID_DAYS;
		if (!put_text(sa.ad.title, sizeof sa.ad.title, d->title, "an ad title"))
			return false;
		for (int i = 0; i < JOB_AD_SECTION__COUNT; i++) {
			size_t size;
			char *text = ad_section(&sa.ad, (enum job_ad_section)i, &size);
			if (!put_text(text, size, d->sections[i], p->title))
				return false;
		}
	}
	sa.edited = true;
	if ((rc = store_ad_save(s, &recruiter, &sa, now - (int64_t)d->edited_days_ago * DAY)) != STORE_OK) {
		log_error("demo: cannot save the ad of %s: %s", p->title, store_rc_name(rc));
		return false;
	}
	return !d->slug || publish_ad(s, d, p, &recruiter, &sa, now);
}

/* One position with its profile: created, the goals on that day, the
 * requirements, stakeholders and their proposals on the three days after;
 * then approved, opened and paused as d says, and its job ad. */
static bool demo_fill_position(struct store *s, const struct demo_position *d, const struct demo_ids *ids,
			       int64_t now, int64_t *position_id)
{
	int64_t created = now - (int64_t)d->created_days_ago * DAY;
	int64_t goal_ids[REQUIREMENT_MAX_GOALS];
	int64_t stakeholder_ids[DEMO_MAX_STAKEHOLDERS];
	struct added_requirement reqs[2 * TEMPLATE_MAX_REQUIREMENTS];
	size_t nreqs = 0;
	struct role_template t;
	struct position p;
	bool ok = false;

	memset(&t, 0, sizeof t);
	if (d->ngoals > REQUIREMENT_MAX_GOALS || d->nstakeholders > DEMO_MAX_STAKEHOLDERS ||
	    d->nrequirements > TEMPLATE_MAX_REQUIREMENTS) {
		log_error("demo: position %s has more goals, stakeholders or requirements than the demo takes",
			  d->title);
		return false;
	}
	if (!load_template(d->template_key, &t) || !create_position(s, d, ids, now, created, &p) ||
	    !add_goals(s, d, p.id, created, goal_ids) ||
	    !add_requirements(s, d, &t, p.id, goal_ids, created + DAY, reqs, &nreqs) ||
	    !add_stakeholders(s, d, ids, p.id, created + 2 * DAY, stakeholder_ids) ||
	    !add_proposals(s, d, reqs, nreqs, stakeholder_ids, created + 3 * DAY))
		goto cleanup;
	if (d->approved_days_ago > 0 && !approve_profile(s, d, &t, ids, p.id, now - (int64_t)d->approved_days_ago * DAY))
		goto cleanup;
	if (d->opened_days_ago > 0 && !set_status(s, &p, POSITION_OPEN, now - (int64_t)d->opened_days_ago * DAY))
		goto cleanup;
	if (d->paused_days_ago > 0 && !set_status(s, &p, POSITION_PAUSED, now - (int64_t)d->paused_days_ago * DAY))
		goto cleanup;
	if (d->ad && store_position_get(s, p.id, &p) != STORE_OK) {   /* approved_version is set now */
		log_error("demo: cannot reload position %s", d->title);
		goto cleanup;
	}
	if (d->ad && d->ad->generated && p.approved_version == 0) {
		log_error("demo: the ad of %s is to be generated, but its profile is not approved", d->title);
		goto cleanup;
	}
	if (d->ad && !demo_fill_ad(s, d->ad, &p, ids, now))
		goto cleanup;
	*position_id = p.id;
	ok = true;
cleanup:
	role_template_free(&t);
	return ok;
}

bool demo_fill(struct store *s, const char *password_hash, int64_t now)
{
	const struct demo_position *kam = &demo_positions[0], *bdm = &demo_positions[1];
	int64_t position_ids[COUNT(demo_positions)];
	struct demo_ids ids;

	memset(&ids, 0, sizeof ids);
	if (!str_eq(kam->template_key, "kam") || !str_eq(bdm->template_key, "bdm")) {
		log_error("demo: the candidates expect the key account manager and business development positions first");
		return false;
	}
	if (!demo_fill_users(s, password_hash, now, &ids) || !demo_fill_organisations(s, now, &ids))
		return false;
	for (size_t i = 0; i < COUNT(demo_positions); i++)
		if (!demo_fill_position(s, &demo_positions[i], &ids, now, &position_ids[i]))
			return false;
	struct demo_candidate_refs refs = {
		.kam_position_id = position_ids[0],
		.kam_opened_days_ago = kam->opened_days_ago,
		.kam_published_days_ago = kam->ad && kam->ad->slug ? kam->ad->published_days_ago : 0,
		.bdm_position_id = position_ids[1],
		.bdm_created_days_ago = bdm->created_days_ago,
	};
	return demo_candidates_fill(s, &refs, now) && demo_interviews_fill(s, position_ids[0], now) &&
	       demo_timeline_fill(s, position_ids[0], now) && demo_onboarding_fill(s, password_hash, position_ids[0], now);
}
