/*
 * demo_candidates.c — the candidates of `stellwerk demo`; see demo_candidates.h.
 *
 * Eighteen days ago Nordlicht Sensorik opened its key account manager
 * search; four days ago the ad went live on the career page. Since then
 * Jonas Weber (recruiter) has sourced on LinkedIn and by direct search, met
 * people at fairs, taken referrals from a colleague, a sales partner and a
 * customer, received a consultant's unsolicited proposal and the first
 * career-page applications; Thomas Brandt (the hiring manager) runs the
 * interviews. The table below is that state: every active stage of the
 * default pipeline holds somebody, two were rejected (with reason and
 * whether they were told), one withdrew, nobody is hired yet (step 7 adds
 * the hire). Contact ages are chosen in whole calendar days so that the
 * board shows the same colours on any weekday: 0–4 days fresh, 8–9 days a
 * warning (≥ 5 business days), 15–16 days critical (≥ 10).
 *
 * Every stage a candidate passed is a real move with its own time and user,
 * so the timeline, days in stage and the channel report (reached first
 * interview, offers) come out of the same data the product records. CVs are
 * generated one-page PDFs (demo_pdf_write) stored through the document
 * store; their text is recorded as extracted right away (the extractor is
 * not run, so the demo stays fast) and is therefore found by search.
 *
 * Katrin Möller appears twice — sourced on LinkedIn with her work address,
 * then applying on the career page as "Katrin Moeller" with a private
 * address and the same phone number written differently — so the duplicate
 * check and the merge view have a real case (R-CAND-5).
 */
#include "cli/demo_candidates.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/candidate.h"
#include "core/channels.h"
#include "core/pipeline.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/consents.h"
#include "store/documents.h"
#include "store/users.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/str.h"

#define DAY (24 * 60 * 60)
#define HOUR (60 * 60)
#define COUNT(a) (sizeof (a) / sizeof (a)[0])
#define EUR(x) ((int64_t)(x) * 100)

#define DEMO_NOTICE_VERSION "de-0"    /* the built-in privacy notice text */
#define TALENT_POOL_DAYS (2 * 365)

/* A referral (R-CHAN-3): login names the employee's account, if any. */
struct demo_referral {
	enum referrer_kind kind;
	const char *name;
	const char *login;
	enum referral_status status;
	int64_t bonus_cents;
};

/* A note or contact on the timeline, days before now, by a demo user. */
struct demo_entry {
	int days;
	const char *login;
	const char *text;
};

#define DEMO_ENTRIES 2

/*
 * One candidate and their key account manager application. days[k] is how
 * many days ago stage k of the default path was entered (0 identified, 1
 * contacted, … up to `stage`), followed by the day of the exit when `exit`
 * is set. Contacts are listed oldest first; the last one is the card's
 * "last contact".
 */
struct demo_candidate {
	const char *first_name, *last_name, *email, *phone;
	const char *role, *company, *location;
	int notice_weeks;
	int salary;                           /* EUR per year */
	const char *languages, *links, *tags;
	const char *channel;
	const char *event;                    /* channel events */
	const struct demo_referral *referral; /* channel referrals */
	const char *stage;                    /* the furthest active stage reached */
	const char *exit;                     /* NULL, "rejected" or "withdrawn" */
	const char *reason, *reason_note;     /* rejected */
	enum informed_answer informed;
	int days[PIPELINE_DEFAULT_COUNT];
	struct demo_entry contacts[DEMO_ENTRIES];
	struct demo_entry notes[DEMO_ENTRIES];
	const char *cv;                       /* text of the CV PDF; NULL: none */
	const char *bdm_stage;                /* also in the business development pipeline */
	int bdm_days;
	bool talent_pool;                     /* career page: also consented to the talent pool */
};

static const struct demo_referral referral_hoffmann = {
	REFERRER_EMPLOYEE, "Lena Hoffmann", "hoffmann", REFERRAL_CONTACTED, EUR(3000),
};
static const struct demo_referral referral_partner = {
	REFERRER_PARTNER, "Ralf Neumann, Neumann Industrievertretungen", NULL, REFERRAL_PROPOSED, 0,
};
static const struct demo_referral referral_customer = {
	REFERRER_CUSTOMER, "Henrik Olsen, Einkauf Hansa Logistik AG", NULL, REFERRAL_CONTACTED, 0,
};

static const struct demo_candidate demo_candidates[] = {
	/* --- identified ------------------------------------------------------- */
	{ "Sebastian", "Krüger", "sebastian.krueger@mail.example", "+49 421 5550 1101",
	  "Key Account Manager", "Hanseatic Messtechnik GmbH", "Bremen", 12, 95000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/sebastian-krueger-kam",
	  "Messtechnik, Logistik", "linkedin", .stage = "identified", .days = { 3 },
	  .notes = { { 3, "weber", "Betreut seit sechs Jahren Häfen und Logistiker in Bremen und Hamburg; passt "
				   "gut zum Ziel Hansa Logistik." } } },
	{ "Julia", "Lehmann", "julia.lehmann@mail.example", "+49 221 5550 1102",
	  "Vertriebsingenieurin", "Rheintal Automation AG", "Köln", 8, 88000,
	  "Deutsch C2, Englisch C1, Französisch B1", "https://www.xing.com/profile/Julia_Lehmann",
	  "Automatisierung, Maschinenbau", "direct_search", .stage = "identified", .days = { 2 } },
	{ "Markus", "Albrecht", "m.albrecht@mail.example", "+49 371 5550 1103",
	  "Area Sales Manager", "Vogtland Sensortechnik GmbH", "Chemnitz", 12, 92000,
	  "Deutsch C2, Englisch B2", "https://www.linkedin.com/in/markus-albrecht-sales",
	  "Sensorik, Automotive", "events", .event = "SPS 2026 Nürnberg", .stage = "identified", .days = { 1 },
	  .notes = { { 1, "brandt", "Am Stand kurz gesprochen: kennt unsere Drucktransmitter von Wettbewerbsvergleichen, "
				    "wirkt wechselwillig." } } },
	{ "Katrin", "Moeller", "k.moeller@posteo.example", "040 55501234",
	  "Senior Sales Manager", "Elbe Prozesstechnik", "Hamburg", 12, 98000,
	  "Deutsch C2, Englisch C1", "", "Prozessindustrie", "career_page", .stage = "identified", .days = { 1 },
	  .cv = "Katrin Moeller\n"
		"Lebenslauf\n"
		"\n"
		"Senior Sales Manager, Elbe Prozesstechnik GmbH, Hamburg (seit 2019)\n"
		"Betreuung von 25 Kunden der Prozess- und Lebensmittelindustrie, 3,2 Mio. € Jahresumsatz.\n"
		"Einführung von Rahmenverträgen mit Wartungsanteil bei vier Großkunden.\n"
		"\n"
		"Vertriebsingenieurin, Alster Armaturen GmbH, Hamburg (2014–2019)\n"
		"Technischer Vertrieb von Ventilen und Durchflussmessern im Norddeutschen Raum.\n"
		"\n"
		"Studium Wirtschaftsingenieurwesen, HAW Hamburg (Dipl.-Ing. FH)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch verhandlungssicher\n",
	  .talent_pool = true },

	/* --- contacted -------------------------------------------------------- */
	{ "Jan", "Petersen", "jan.petersen@mail.example", "+49 431 5550 1105",
	  "Key Account Manager", "Nordsee Hydraulik GmbH", "Kiel", 8, 86000,
	  "Deutsch C2, Englisch C1, Dänisch B1", "https://www.linkedin.com/in/jan-petersen-kiel",
	  "Hydraulik, Maritim", "linkedin", .stage = "contacted", .days = { 16, 15 },
	  .contacts = { { 15, "weber", "LinkedIn-Nachricht mit der Stellenbeschreibung geschickt; noch keine Antwort." } },
	  .bdm_stage = "identified", .bdm_days = 4 },
	{ "Katrin", "Möller", "katrin.moeller@elbe-prozesstechnik.example", "+49 40 5550 1234",
	  "Senior Sales Manager", "Elbe Prozesstechnik GmbH", "Hamburg", 12, 98000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/katrin-moeller-sales",
	  "Prozessindustrie, Großkunden", "linkedin", .stage = "contacted", .days = { 12, 9 },
	  .contacts = { { 9, "weber", "Telefonat: grundsätzlich interessiert, meldet sich nach Rücksprache mit ihrer Familie." } } },
	{ "Thorsten", "Wendt", "thorsten.wendt@mail.example", "+49 511 5550 1107",
	  "Vertriebsleiter Region Nord", "Weser Antriebe GmbH", "Hannover", 12, 110000,
	  "Deutsch C2, Englisch B2", "", "Antriebstechnik, Maschinenbau", "job_portals",
	  .stage = "contacted", .days = { 10, 8 },
	  .contacts = { { 8, "weber", "E-Mail mit Terminvorschlägen für ein erstes Telefonat geschickt." } } },
	{ "Sandra", "Köhler", "sandra.koehler@mail.example", "+49 89 5550 1108",
	  "Key Account Managerin Medizintechnik", "Isar Medical Devices GmbH", "München", 12, 102000,
	  "Deutsch C2, Englisch C1, Italienisch B1", "https://www.linkedin.com/in/sandra-koehler-medtech",
	  "Medizintechnik, Großkunden", "referrals", .referral = &referral_partner,
	  .stage = "contacted", .days = { 6, 3 },
	  .contacts = { { 2, "weber", "Erstes Telefonat: möchte zurück in den Norden, Umzug nach Hamburg geplant." } } },
	{ "Melanie", "Braun", "melanie.braun@mail.example", "+49 40 5550 1124",
	  "Inside Sales Managerin", "Hafencity Elektronik GmbH", "Hamburg", 4, 76000,
	  "Deutsch C2, Englisch C1", "", "Elektronik", "career_page", .stage = "contacted", .days = { 4, 3 },
	  .contacts = { { 3, "weber", "Eingangsbestätigung und Rückfragen zur Reisebereitschaft per E-Mail." } },
	  .cv = "Melanie Braun\n"
		"Lebenslauf\n"
		"\n"
		"Inside Sales Managerin, Hafencity Elektronik GmbH, Hamburg (seit 2021)\n"
		"Angebotserstellung und Auftragsabwicklung für 60 Industriekunden, CRM-Pflege in Salesforce.\n"
		"\n"
		"Kauffrau im Groß- und Außenhandel, Ausbildung bei Norddeutsche Kabelwerke GmbH (2018–2021)\n"
		"\n"
		"Weiterbildung: Geprüfte Technische Fachwirtin (IHK), 2023\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1\n" },

	/* --- prequalification ------------------------------------------------- */
	{ "Michael", "Schröder", "michael.schroeder@mail.example", "+49 381 5550 1109",
	  "Key Account Manager Industrie", "Baltic Sensor Systems GmbH", "Rostock", 12, 94000,
	  "Deutsch C2, Englisch C1, Schwedisch B2", "https://www.linkedin.com/in/michael-schroeder-kam",
	  "Sensorik, Windenergie", "direct_search", .stage = "prequalification", .days = { 15, 13, 10 },
	  .contacts = { { 13, "weber", "Direktansprache am Telefon, Interesse an einem Gespräch." },
			{ 4, "weber", "Vorqualifizierung per Video: Gehaltsrahmen und Reisezeit passen." } },
	  .bdm_stage = "contacted", .bdm_days = 3 },
	{ "Anna", "Bergmann", "anna.bergmann@mail.example", "+49 911 5550 1110",
	  "Vertriebsingenieurin Drucksensorik", "Frankenmess GmbH", "Nürnberg", 8, 90000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/anna-bergmann-sensorik",
	  "Sensorik, Automotive", "events", .event = "SENSOR+TEST 2026 Nürnberg",
	  .stage = "prequalification", .days = { 14, 12, 9 },
	  .contacts = { { 9, "weber", "Vorqualifizierung am Telefon; wartet auf einen Termin mit Herrn Brandt." } },
	  .cv = "Anna Bergmann\n"
		"Lebenslauf\n"
		"\n"
		"Vertriebsingenieurin Drucksensorik, Frankenmess GmbH, Nürnberg (seit 2020)\n"
		"Technischer Vertrieb an Automobilzulieferer, 1,8 Mio. € Umsatz, 14 Schlüsselkunden.\n"
		"Leitung von Kundenworkshops zu Drucksensorik und Zustandsüberwachung.\n"
		"\n"
		"Applikationsingenieurin, Pegnitz Elektronik GmbH, Fürth (2016–2020)\n"
		"\n"
		"Studium Mechatronik, Technische Hochschule Nürnberg (B.Eng.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1\n" },
	{ "Florian", "Hartmann", "florian.hartmann@mail.example", "+49 231 5550 1111",
	  "Account Manager", "Westfalen Fördertechnik GmbH", "Dortmund", 4, 82000,
	  "Deutsch C2, Englisch B2", "", "Fördertechnik, Logistik", "job_portals",
	  .stage = "prequalification", .days = { 13, 11, 7 },
	  .contacts = { { 8, "weber", "Telefonat zur Vorqualifizierung; Unterlagen zu Referenzprojekten angefragt." } } },
	{ "Nicole", "Schwarz", "nicole.schwarz@mail.example", "+49 40 5550 1112",
	  "Key Account Managerin", "Alster Logistiksysteme GmbH", "Hamburg", 12, 96000,
	  "Deutsch C2, Englisch C1, Niederländisch B1", "https://www.linkedin.com/in/nicole-schwarz-kam",
	  "Logistik, Großkunden", "referrals", .referral = &referral_hoffmann,
	  .stage = "prequalification", .days = { 11, 10, 6 },
	  .contacts = { { 1, "weber", "Rückruf: kann am Dienstag zum Kennenlernen nach Hamburg kommen." } },
	  .notes = { { 11, "weber", "Empfehlung von Lena Hoffmann, die mit ihr bei Alster Logistiksysteme gearbeitet "
				  "hat: sehr strukturiert, die Techniker vertrauen ihr." } },
	  .cv = "Nicole Schwarz\n"
		"Lebenslauf\n"
		"\n"
		"Key Account Managerin, Alster Logistiksysteme GmbH, Hamburg (seit 2018)\n"
		"Verantwortung für acht Logistik-Großkunden mit 2,6 Mio. € Jahresumsatz.\n"
		"Ausschreibungen mit Hafenbetreibern in Rotterdam und Antwerpen begleitet.\n"
		"\n"
		"Vertriebsmitarbeiterin Außendienst, Hansa Fördersysteme GmbH (2013–2018)\n"
		"\n"
		"Studium Betriebswirtschaft, Universität Hamburg (B.Sc.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1, Niederländisch B1\n" },

	/* --- first interview -------------------------------------------------- */
	{ "Stefan", "Richter", "stefan.richter@mail.example", "+49 531 5550 1113",
	  "Senior Key Account Manager", "Harzer Messgeräte GmbH", "Braunschweig", 12, 105000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/stefan-richter-messtechnik",
	  "Messtechnik, Energie", "linkedin", .stage = "first_interview", .days = { 17, 16, 16, 15 },
	  .contacts = { { 15, "brandt", "Einladung zum ersten Gespräch per E-Mail; Termin noch offen." } },
	  .cv = "Stefan Richter\n"
		"Lebenslauf\n"
		"\n"
		"Senior Key Account Manager, Harzer Messgeräte GmbH, Braunschweig (seit 2017)\n"
		"Rahmenverträge mit drei Stadtwerken und zwei Netzbetreibern, 4,1 Mio. € Jahresumsatz.\n"
		"\n"
		"Key Account Manager, Oker Energietechnik GmbH, Goslar (2011–2017)\n"
		"\n"
		"Studium Elektrotechnik, TU Braunschweig (Dipl.-Ing.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1\n" },
	{ "Yvonne", "Lange", "yvonne.lange@mail.example", "+49 4841 5550 1114",
	  "Key Account Managerin Energie", "Küstenwind Service GmbH", "Husum", 8, 93000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/yvonne-lange-energie",
	  "Windenergie, Zustandsüberwachung", "events", .event = "Hannover Messe 2026",
	  .stage = "first_interview", .days = { 15, 14, 11, 4 },
	  .contacts = { { 4, "brandt", "Erstes Gespräch in Hamburg vereinbart und bestätigt." } } },
	{ "Christian", "Beck", "christian.beck@mail.example", "+49 521 5550 1115",
	  "Vertriebsleiter DACH", "Lippe Prozessautomation GmbH", "Bielefeld", 12, 112000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/christian-beck-vertrieb",
	  "Prozessautomation, Führung", "search_consultants", .stage = "first_interview",
	  .days = { 14, 14, 12, 3 },
	  .contacts = { { 3, "weber", "Termin für das erste Gespräch über Hanse Executive Search bestätigt." } },
	  .notes = { { 14, "weber", "Initiativvorschlag von Hanse Executive Search; Honorar 25 % des Jahresgehalts "
				  "bei Einstellung." } },
	  .cv = "Christian Beck\n"
		"Lebenslauf\n"
		"\n"
		"Vertriebsleiter DACH, Lippe Prozessautomation GmbH, Bielefeld (seit 2016)\n"
		"Führung von neun Außendienstmitarbeitern, 11 Mio. € Umsatz, Aufbau des Partnervertriebs Schweiz.\n"
		"\n"
		"Key Account Manager, Teutoburger Steuerungstechnik GmbH (2009–2016)\n"
		"\n"
		"Studium Wirtschaftsingenieurwesen, Hochschule Bielefeld\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1\n" },

	/* --- deep interview --------------------------------------------------- */
	{ "Tobias", "Wagner", "tobias.wagner@mail.example", "+49 341 5550 1116",
	  "Key Account Manager Industriekunden", "Mitteldeutsche Armaturen GmbH", "Leipzig", 12, 97000,
	  "Deutsch C2, Englisch C1, Polnisch B1", "https://www.linkedin.com/in/tobias-wagner-kam",
	  "Armaturen, Prozessindustrie", "direct_search", .stage = "deep_interview",
	  .days = { 17, 16, 14, 10, 8 },
	  .contacts = { { 16, "weber", "Direktansprache per Telefon nach Empfehlung aus dem Netzwerk." },
			{ 8, "brandt", "Vertiefendes Gespräch mit Rollenspiel und Verhandlungssimulation geführt; Rückmeldung zugesagt." } },
	  .notes = { { 10, "brandt", "Starkes erstes Gespräch: kennt Rahmenverträge mit Serviceanteil aus eigener "
				    "Praxis." },
		     { 8, "brandt", "Rollenspiel mit dem Einkaufsleiter sauber geführt; Preisverhandlung etwas zu "
				    "nachgiebig." } },
	  .cv = "Tobias Wagner\n"
		"Lebenslauf\n"
		"\n"
		"Key Account Manager Industriekunden, Mitteldeutsche Armaturen GmbH, Leipzig (seit 2018)\n"
		"2,4 Mio. € Jahresumsatz mit Chemieparks in Leuna und Bitterfeld.\n"
		"Vermarktung von Dienstleistungen aus dem eigenen Kalibrierlabor an Bestandskunden.\n"
		"\n"
		"Technischer Verkäufer, Saale Ventiltechnik GmbH, Halle (2012–2018)\n"
		"\n"
		"Studium Verfahrenstechnik, Hochschule Merseburg (B.Eng.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1, Polnisch B1\n" },
	{ "Laura", "Fischer", "laura.fischer@mail.example", "+49 711 5550 1117",
	  "Key Account Managerin Automotive", "Neckar Sensortechnik GmbH", "Stuttgart", 12, 104000,
	  "Deutsch C2, Englisch C2, Französisch B2", "https://www.linkedin.com/in/laura-fischer-automotive",
	  "Automotive, Sensorik", "referrals", .referral = &referral_customer,
	  .stage = "deep_interview", .days = { 16, 15, 13, 9, 2 },
	  .contacts = { { 2, "brandt", "Zweites Gespräch mit Frau Hoffmann und Herrn Brandt geführt." } },
	  .notes = { { 16, "weber", "Empfohlen von Henrik Olsen (Hansa Logistik): hat dort früher den "
				   "Sensorik-Einkauf betreut." },
		     { 2, "brandt", "Technisch die Stärkste bisher; Umzug von Stuttgart nach Hamburg noch offen." } },
	  .cv = "Laura Fischer\n"
		"Lebenslauf\n"
		"\n"
		"Key Account Managerin Automotive, Neckar Sensortechnik GmbH, Stuttgart (seit 2019)\n"
		"Betreuung von zwei OEM und sechs Tier-1-Zulieferern, 5,3 Mio. € Jahresumsatz.\n"
		"Serienanläufe von Temperatur- und Drucksensoren mit Entwicklung und Qualität gesteuert.\n"
		"\n"
		"Einkäuferin Sensorik, Hansa Logistik AG, Hamburg (2015–2019)\n"
		"\n"
		"Studium International Business, Hochschule Reutlingen (B.A.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C2, Französisch B2\n" },

	/* --- final interview -------------------------------------------------- */
	{ "Martin", "Schulte", "martin.schulte@mail.example", "+49 201 5550 1118",
	  "Senior Key Account Manager", "Rhein-Ruhr Messsysteme GmbH", "Essen", 12, 108000,
	  "Deutsch C2, Englisch C1, Niederländisch B2", "https://www.linkedin.com/in/martin-schulte-benelux",
	  "Benelux, Logistik, Messtechnik", "linkedin", .stage = "final_interview",
	  .days = { 17, 17, 15, 12, 8, 3 },
	  .contacts = { { 1, "brandt", "Abschlussgespräch mit Frau Dr. Keller für Montag bestätigt." } },
	  .notes = { { 3, "brandt", "Bringt zwei Hafenbetreiber in Rotterdam als mögliche Referenzkunden mit; "
				   "Niederländisch im Gespräch überzeugend." } },
	  .cv = "Martin Schulte\n"
		"Lebenslauf\n"
		"\n"
		"Senior Key Account Manager, Rhein-Ruhr Messsysteme GmbH, Essen (seit 2016)\n"
		"Aufbau des Geschäfts in den Niederlanden und Belgien: von 0 auf 2,9 Mio. € in vier Jahren.\n"
		"Betreuung von Hafenbetreibern in Rotterdam, Antwerpen und Duisburg.\n"
		"\n"
		"Vertriebsingenieur, Emscher Prüftechnik GmbH, Gelsenkirchen (2010–2016)\n"
		"\n"
		"Studium Maschinenbau, Ruhr-Universität Bochum (M.Sc.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1, Niederländisch B2\n" },
	{ "Eva", "Zimmermann", "eva.zimmermann@mail.example", "+49 7541 5550 1119",
	  "Key Account Managerin", "Bodensee Sensorik AG", "Friedrichshafen", 12, 100000,
	  "Deutsch C2, Englisch C1", "https://www.linkedin.com/in/eva-zimmermann-kam",
	  "Sensorik, Maschinenbau", "direct_search", .stage = "final_interview",
	  .days = { 16, 15, 14, 11, 9, 8 },
	  .contacts = { { 8, "brandt", "Termin für das Abschlussgespräch per E-Mail angefragt." } },
	  .cv = "Eva Zimmermann\n"
		"Lebenslauf\n"
		"\n"
		"Key Account Managerin, Bodensee Sensorik AG, Friedrichshafen (seit 2018)\n"
		"Rahmenverträge mit Werkzeugmaschinenherstellern, 3,4 Mio. € Jahresumsatz.\n"
		"\n"
		"Vertriebsingenieurin, Allgäuer Steuerungsbau GmbH, Kempten (2013–2018)\n"
		"\n"
		"Studium Elektrotechnik, Hochschule Ravensburg-Weingarten (B.Eng.)\n"
		"Sprachen: Deutsch (Muttersprache), Englisch C1\n" },

	/* --- offer ------------------------------------------------------------ */
	{ "Henrik", "Jansen", "henrik.jansen@mail.example", "+49 591 5550 1120",
	  "Key Account Manager Benelux", "Emsland Instruments GmbH", "Lingen", 12, 108000,
	  "Deutsch C2, Niederländisch C2, Englisch C1", "https://www.linkedin.com/in/henrik-jansen-benelux",
	  "Benelux, Zustandsüberwachung", "direct_search", .stage = "offer",
	  .days = { 18, 17, 16, 13, 10, 6, 2 },
	  .contacts = { { 17, "weber", "Direktansprache am Telefon; sofort interessiert." },
			{ 0, "brandt", "Angebot telefonisch erläutert; Rückmeldung bis Freitag zugesagt." } },
	  .notes = { { 6, "brandt", "Abschlussgespräch: klare Empfehlung von mir und Frau Dr. Keller." },
		     { 2, "weber", "Angebot verschickt: 104.000 € fix plus bis zu 15.000 € variabel, Start zum "
				   "Quartalsbeginn." } },
	  .cv = "Henrik Jansen\n"
		"Lebenslauf\n"
		"\n"
		"Key Account Manager Benelux, Emsland Instruments GmbH, Lingen (seit 2017)\n"
		"Zustandsüberwachung für Logistik und Maschinenbau, 3,7 Mio. € Jahresumsatz in NL und BE.\n"
		"\n"
		"Sales Engineer, Twente Sensors B.V., Enschede (2012–2017)\n"
		"\n"
		"Studium Wirtschaftsingenieurwesen, Hochschule Osnabrück, Campus Lingen (B.Eng.)\n"
		"Sprachen: Deutsch und Niederländisch (zweisprachig), Englisch C1\n" },

	/* --- exits ------------------------------------------------------------ */
	{ "Ralf", "Meier", "ralf.meier@mail.example", "+49 511 5550 1121",
	  "Vertriebsmitarbeiter Innendienst", "Leine Elektrohandel GmbH", "Hannover", 4, 75000,
	  "Deutsch C2, Englisch B1", "", "Elektrohandel", "job_portals", .stage = "prequalification",
	  .exit = STAGE_CODE_REJECTED, .reason = "profile_mismatch",
	  .reason_note = "Keine Erfahrung mit Großkunden; Innendienst ohne eigene Umsatzverantwortung.",
	  .informed = INFORMED_YES, .days = { 12, 11, 10, 8 },
	  .contacts = { { 8, "weber", "Absage telefonisch begründet und per E-Mail bestätigt." } } },
	{ "Claudia", "Wolf", "claudia.wolf@mail.example", "+49 8031 5550 1122",
	  "Key Account Managerin", "Alpen Prozesstechnik GmbH", "Rosenheim", 12, 115000,
	  "Deutsch C2, Englisch C1, Italienisch B2", "https://www.linkedin.com/in/claudia-wolf-kam",
	  "Prozessindustrie, Pharma", "linkedin", .stage = "first_interview", .exit = STAGE_CODE_REJECTED,
	  .reason = "salary_expectations",
	  .reason_note = "Erwartet 115.000 € fix plus Dienstwagen der Oberklasse; unser Rahmen endet bei 105.000 €.",
	  .informed = INFORMED_NO, .days = { 16, 15, 13, 9, 5 },
	  .contacts = { { 9, "brandt", "Erstes Gespräch per Video geführt." } } },
	{ "Patrick", "Hahn", "patrick.hahn@mail.example", "+49 351 5550 1123",
	  "Key Account Manager", "Oberlausitz Elektronik GmbH", "Dresden", 8, 91000,
	  "Deutsch C2, Englisch C1, Tschechisch B1", "https://www.linkedin.com/in/patrick-hahn-sales",
	  "Elektronik, Halbleiter", "events", .event = "SENSOR+TEST 2026 Nürnberg", .stage = "first_interview",
	  .exit = STAGE_CODE_WITHDRAWN, .days = { 15, 14, 12, 8, 5 },
	  .contacts = { { 5, "weber", "Telefonat: hat das Gegenangebot seines Arbeitgebers angenommen." } },
	  .notes = { { 5, "weber", "Zurückgezogen nach Gegenangebot; für künftige Positionen im Blick behalten." } } },
};

/* --- the PDF writer ---------------------------------------------------------- */

#define PDF_WRAP 88            /* characters per line before wrapping */

/* The next code point of UTF-8 text at *p (advanced), U+FFFD for a bad byte. */
static unsigned utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	if (c >= 0x80 && extra == 0) {
		*p = s + 1;
		return 0xFFFD;
	}
	c &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
	for (int i = 1; i <= extra; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p = s + i;
			return 0xFFFD;
		}
		c = c << 6 | (s[i] & 0x3F);
	}
	*p = s + 1 + extra;
	return c;
}

/* The WinAnsiEncoding byte of code point c, '?' when it has none. */
static unsigned char winansi(unsigned c)
{
	static const struct { unsigned cp; unsigned char b; } extra[] = {
		{ 0x20AC, 0x80 }, { 0x201A, 0x82 }, { 0x201E, 0x84 }, { 0x2026, 0x85 }, { 0x2018, 0x91 },
		{ 0x2019, 0x92 }, { 0x201C, 0x93 }, { 0x201D, 0x94 }, { 0x2022, 0x95 }, { 0x2013, 0x96 },
		{ 0x2014, 0x97 },
	};
	if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF))
		return (unsigned char)c;
	for (size_t i = 0; i < COUNT(extra); i++)
		if (extra[i].cp == c)
			return extra[i].b;
	return '?';
}

/* Appends text[0..len) as a PDF literal string in WinAnsi: "(...)", with
 * the delimiters escaped and bytes outside ASCII as octal escapes, so the
 * file stays 7-bit apart from its binary marker. */
static void pdf_string(struct buf *o, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;

	buf_putc(o, '(');
	while (p < end) {
		unsigned char b = winansi(utf8_next(&p));
		if (b == '(' || b == ')' || b == '\\')
			buf_printf(o, "\\%c", b);
		else if (b >= 0x80)
			buf_printf(o, "\\%03o", b);
		else
			buf_putc(o, (char)b);
	}
	buf_putc(o, ')');
}

/* Characters (code points) of text[0..len). */
static size_t utf8_chars(const char *text, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Appends one source line as one or more PDF text lines, wrapped at the
 * last space before PDF_WRAP characters. The first output line is shown
 * where the cursor is, every further one after T* (next line). */
static void pdf_line(struct buf *o, const char *line, size_t len)
{
	for (;;) {
		size_t cut = len;
		if (utf8_chars(line, len) > PDF_WRAP) {
			size_t i = 0, chars = 0, space = 0;
			while (i < len && chars <= PDF_WRAP) {
				if (line[i] == ' ')
					space = i;
				if (((unsigned char)line[i] & 0xC0) != 0x80)
					chars++;
				i++;
			}
			cut = space ? space : i - 1;
		}
		pdf_string(o, line, cut);
		buf_puts(o, " Tj\n");
		if (cut >= len)
			return;
		line += cut;
		len -= cut;
		while (len > 0 && *line == ' ') {
			line++;
			len--;
		}
		buf_puts(o, "T* ");
	}
}

void demo_pdf_write(struct buf *out, const char *text)
{
	struct buf content = BUF_INIT;
	size_t base = out->len, offset[6];
	const char *line = text;
	bool first = true;

	buf_init(&content);
	buf_puts(&content, "BT\n/F1 16 Tf\n56 780 Td\n16 TL\n");
	while (*line) {
		size_t len = strcspn(line, "\n");
		if (!first)
			buf_puts(&content, "T* ");
		pdf_line(&content, line, len);
		if (first)
			buf_puts(&content, "/F1 10 Tf\n14 TL\n");
		first = false;
		line += len;
		if (*line == '\n')
			line++;
	}
	buf_puts(&content, "ET\n");

	buf_puts(out, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
	offset[1] = out->len - base;
	buf_puts(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	offset[2] = out->len - base;
	buf_puts(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	offset[3] = out->len - base;
	buf_puts(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
		      " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n");
	offset[4] = out->len - base;
	buf_puts(out, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
		      " /Encoding /WinAnsiEncoding >>\nendobj\n");
	offset[5] = out->len - base;
	buf_printf(out, "5 0 obj\n<< /Length %zu >>\nstream\n", content.len);
	buf_append(out, content.data, content.len);
	buf_puts(out, "\nendstream\nendobj\n");
	size_t xref = out->len - base;
	buf_puts(out, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		buf_printf(out, "%010zu 00000 n \n", offset[i]);
	buf_printf(out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	buf_free(&content);
}

/* --- filling ------------------------------------------------------------------ */

/* What every step of filling needs: the store, the references, now, the
 * default stages, and the ids of the demo users the candidates refer to. */
struct demo_fill_ctx {
	struct store *s;
	const struct demo_candidate_refs *refs;
	int64_t now;
	struct stage stages[PIPELINE_DEFAULT_COUNT];
	size_t nstages;
	struct demo_staff {
		const char *login;
		int64_t id;
	} staff[4];
};

static bool staff_load(struct demo_fill_ctx *x)
{
	static const char *const logins[] = { "admin", "weber", "brandt", "hoffmann" };
	_Static_assert(COUNT(logins) == COUNT(x->staff), "one id per login");

	for (size_t i = 0; i < COUNT(logins); i++) {
		struct user u;
		if (store_user_by_name(x->s, logins[i], &u) != STORE_OK) {
			log_error("demo: the candidates need the demo user %s", logins[i]);
			return false;
		}
		x->staff[i].login = logins[i];
		x->staff[i].id = u.id;
	}
	return true;
}

/* The actor of demo user login; *ok false (logged) for a login not loaded. */
static struct actor staff_actor(const struct demo_fill_ctx *x, const char *login, bool *ok)
{
	for (size_t i = 0; i < COUNT(x->staff); i++)
		if (str_eq(x->staff[i].login, login))
			return (struct actor){ x->staff[i].id, x->staff[i].login, NULL };
	log_error("demo: no demo staff member %s", login ? login : "(none)");
	*ok = false;
	return (struct actor){ 0, "system", NULL };
}

/*
 * The time of step `step` on the day `days` before now for candidate i:
 * some hours before now's time of day (different per candidate), steps 20
 * minutes apart, so events on one day keep their order and none lies after
 * now.
 */
static int64_t demo_time(int64_t now, int days, size_t i, int step)
{
	return now - (int64_t)days * DAY - (int64_t)(6 + i % 5) * HOUR + (int64_t)step * 20 * 60;
}

static bool put(char *dst, size_t size, const char *src, const struct demo_candidate *d)
{
	if (str_copy(dst, size, src ? src : ""))
		return true;
	log_error("demo: a field of candidate %s %s is too long: %s", d->first_name, d->last_name, src);
	return false;
}

/* "YYYY-MM-DD" of the UTC day of t. */
static void utc_day(char out[11], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char date[32];

	gmtime_r(&tt, &tm);
	snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	str_copy(out, 11, date);
}

/* Index of stage code in the default pipeline, -1 when it is not there. */
static int default_stage_index(const struct stage *stages, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(stages[i].code, code))
			return (int)i;
	return -1;
}

/*
 * Checks the times of candidate d against the story: stage days do not
 * increase, the first lies within the search (career-page applications
 * within the ad's life), entries follow the first day, contacts are oldest
 * first. Sets *steps to the number of stage entries (with the exit).
 */
static bool times_plausible(const struct demo_candidate *d, const struct demo_candidate_refs *refs, int last_active,
			    int *steps)
{
	int n = last_active + 1 + (d->exit ? 1 : 0);
	int limit = str_eq(d->channel, "career_page") ? refs->kam_published_days_ago : refs->kam_opened_days_ago;
	const char *problem = NULL;

	if (d->days[0] > limit)
		problem = "starts before the search (or the ad) did";
	for (int k = 1; k < n && !problem; k++)
		if (d->days[k] > d->days[k - 1] || d->days[k] < 0)
			problem = "has stage days out of order";
	for (int k = 0; k < DEMO_ENTRIES && !problem; k++) {
		if (d->contacts[k].text && d->contacts[k].days > d->days[0])
			problem = "has a contact before it was found";
		if (d->notes[k].text && d->notes[k].days > d->days[0])
			problem = "has a note before it was found";
		if (k > 0 && d->contacts[k].text && d->contacts[k].days > d->contacts[k - 1].days)
			problem = "has contacts out of order";
	}
	if (!problem && d->bdm_stage && d->bdm_days > refs->bdm_created_days_ago)
		problem = "is in the business development pipeline before that position existed";
	if (problem) {
		log_error("demo: candidate %s %s %s", d->first_name, d->last_name, problem);
		return false;
	}
	*steps = n;
	return true;
}

static bool candidate_record(const struct demo_candidate *d, struct candidate *c)
{
	candidate_init(c);
	c->notice_period_weeks = d->notice_weeks;
	c->salary_expectation = d->salary;
	str_copy(c->currency, sizeof c->currency, "EUR");
	return put(c->first_name, sizeof c->first_name, d->first_name, d) &&
	       put(c->last_name, sizeof c->last_name, d->last_name, d) &&
	       put(c->email, sizeof c->email, d->email, d) && put(c->phone, sizeof c->phone, d->phone, d) &&
	       put(c->current_role, sizeof c->current_role, d->role, d) &&
	       put(c->current_company, sizeof c->current_company, d->company, d) &&
	       put(c->location, sizeof c->location, d->location, d) &&
	       put(c->languages, sizeof c->languages, d->languages, d) &&
	       put(c->links, sizeof c->links, d->links, d) && put(c->tags, sizeof c->tags, d->tags, d) &&
	       put(c->channel, sizeof c->channel, d->channel, d) &&
	       put(c->referrer, sizeof c->referrer, d->referral ? d->referral->name : "", d) &&
	       put(c->event, sizeof c->event, d->event, d);
}

/* The CV of candidate c as a PDF document with its text recorded as
 * extracted, uploaded by who at `at`. */
static bool add_cv(struct store *s, const struct demo_candidate *d, const struct candidate *c, const struct actor *who,
		   int64_t at)
{
	struct buf pdf = BUF_INIT;
	struct candidate_document doc;
	char name[DOCUMENT_NAME_MAX + 1];
	enum store_rc rc;

	buf_init(&pdf);
	demo_pdf_write(&pdf, d->cv);
	snprintf(name, sizeof name, "Lebenslauf_%.80s_%.80s.pdf", c->first_name, c->last_name);
	rc = store_document_add(s, who, c->id, (const unsigned char *)pdf.data, pdf.len, name, "application/pdf", at,
				&doc);
	buf_free(&pdf);
	if (rc == STORE_OK)
		rc = store_document_set_extract(s, doc.id, DOC_EXTRACT_OK, d->cv, NULL);
	if (rc != STORE_OK)
		log_error("demo: cannot store the CV of %s %s: %s", d->first_name, d->last_name, store_rc_name(rc));
	return rc == STORE_OK;
}

/* The contacts (oldest first, so the last sets the card's last contact)
 * and notes of candidate i, on the application app_id. */
static bool add_entries(const struct demo_fill_ctx *x, size_t i, int64_t candidate_id, int64_t app_id)
{
	const struct demo_candidate *d = &demo_candidates[i];
	bool ok = true;

	for (int pass = 0; pass < 2; pass++) {
		enum application_event_kind kind = pass == 0 ? EVENT_CONTACT : EVENT_NOTE;
		for (int k = 0; k < DEMO_ENTRIES; k++) {
			const struct demo_entry *e = pass == 0 ? &d->contacts[k] : &d->notes[k];
			if (!e->text)
				continue;
			struct actor who = staff_actor(x, e->login, &ok);
			int64_t at = demo_time(x->now, e->days, i, 12 + 2 * pass + k);
			if (!ok || store_application_add_event(x->s, &who, candidate_id, app_id, kind, e->text, at,
							       NULL) != STORE_OK) {
				log_error("demo: cannot add a %s of %s %s", application_event_kind_code(kind),
					  d->first_name, d->last_name);
				return false;
			}
		}
	}
	return true;
}

/* The consents of a career-page applicant (R-AD-5), given with the
 * application: the privacy notice, and the talent pool for two years when
 * d says so. */
static bool add_consents(struct store *s, const struct demo_candidate *d, int64_t candidate_id, int64_t at)
{
	if (store_consent_add(s, candidate_id, CONSENT_PRIVACY, DEMO_NOTICE_VERSION, at, 0) == STORE_OK &&
	    (!d->talent_pool || store_consent_add(s, candidate_id, CONSENT_TALENT_POOL, DEMO_NOTICE_VERSION, at,
						  at + (int64_t)TALENT_POOL_DAYS * DAY) == STORE_OK))
		return true;
	log_error("demo: cannot record the consents of %s %s", d->first_name, d->last_name);
	return false;
}

/* Moves application app_id of candidate i through every default stage
 * after the first up to d->stage, then into the exit: the interviews and
 * the offer by the hiring manager, the rest by the recruiter. Each move is
 * checked as the board checks it. */
static bool move_along(const struct demo_fill_ctx *x, size_t i, int64_t app_id, int last_active, int steps)
{
	const struct demo_candidate *d = &demo_candidates[i];
	int first_interview = default_stage_index(x->stages, x->nstages, "first_interview");
	bool ok = true;
	struct actor recruiter = staff_actor(x, "weber", &ok), manager = staff_actor(x, "brandt", &ok);
	const char *from = x->stages[0].code;

	for (int k = 1; k < steps && ok; k++) {
		bool exit = k > last_active;
		const char *to = exit ? d->exit : x->stages[k].code;
		struct move_input in = { d->reason, d->reason_note, d->informed };
		enum move_check mc = pipeline_check_move(x->stages, x->nstages, from, to, &in);
		if (mc != MOVE_OK) {
			log_error("demo: %s %s cannot move from %s to %s: %s", d->first_name, d->last_name, from, to,
				  move_check_code(mc));
			return false;
		}
		const struct actor *who = !exit && k >= first_interview ? &manager : &recruiter;
		enum store_rc rc = store_application_move(x->s, who, app_id, to, &in, demo_time(x->now, d->days[k], i, k + 1));
		if (rc != STORE_OK) {
			log_error("demo: cannot move %s %s to %s: %s", d->first_name, d->last_name, to, store_rc_name(rc));
			return false;
		}
		from = to;
	}
	return ok;
}

/* The application of candidate c to the key account manager position,
 * created in the first stage at `at` with the candidate's channel, event
 * and referral; sets *app_id. */
static bool add_application(const struct demo_fill_ctx *x, const struct demo_candidate *d, int64_t candidate_id,
			    const struct actor *who, int64_t at, int64_t *app_id)
{
	struct application a;
	bool ok = true;
	enum store_rc rc = STORE_INVALID;

	memset(&a, 0, sizeof a);
	a.candidate_id = candidate_id;
	a.position_id = x->refs->kam_position_id;
	str_copy(a.stage, sizeof a.stage, x->stages[0].code);
	str_copy(a.channel, sizeof a.channel, d->channel);
	str_copy(a.event, sizeof a.event, d->event ? d->event : "");
	if (d->referral) {
		a.has_referral = true;
		a.referral.kind = d->referral->kind;
		str_copy(a.referral.referrer_name, sizeof a.referral.referrer_name, d->referral->name);
		a.referral.status = d->referral->status;
		a.referral.bonus_cents = d->referral->bonus_cents;
		if (d->referral->login)
			a.referral.referrer_user_id = staff_actor(x, d->referral->login, &ok).user_id;
	}
	if (ok && (rc = store_application_create(x->s, who, &a, at)) == STORE_OK) {
		*app_id = a.id;
		return true;
	}
	log_error("demo: cannot add %s %s to the pipeline: %s", d->first_name, d->last_name, store_rc_name(rc));
	return false;
}

/* A second application of candidate i, to the business development
 * position, straight into d->bdm_stage. */
static bool add_bdm_application(const struct demo_fill_ctx *x, size_t i, int64_t candidate_id)
{
	const struct demo_candidate *d = &demo_candidates[i];
	bool ok = true;
	struct actor recruiter = staff_actor(x, "weber", &ok);
	struct application b;
	enum store_rc rc = STORE_INVALID;

	memset(&b, 0, sizeof b);
	b.candidate_id = candidate_id;
	b.position_id = x->refs->bdm_position_id;
	str_copy(b.stage, sizeof b.stage, d->bdm_stage);
	if (ok && (rc = store_application_create(x->s, &recruiter, &b, demo_time(x->now, d->bdm_days, i, 11))) == STORE_OK)
		return true;
	log_error("demo: cannot add %s %s to the business development pipeline: %s", d->first_name, d->last_name,
		  store_rc_name(rc));
	return false;
}

/* Candidate i: created on days[0] (by the recruiter, or by the career page
 * for applicants, with their consents), their application, CV, moves,
 * contacts and notes, and a business development application. */
static bool add_candidate(const struct demo_fill_ctx *x, size_t i)
{
	const struct demo_candidate *d = &demo_candidates[i];
	bool career = str_eq(d->channel, "career_page"), ok = true;
	int last_active = default_stage_index(x->stages, x->nstages, d->stage), steps = 0;
	struct actor recruiter = staff_actor(x, "weber", &ok);
	static const struct actor applicant = { 0, "system", NULL };
	const struct actor *creator = career ? &applicant : &recruiter;
	struct candidate c;
	int64_t app_id = 0;
	enum store_rc rc;

	if (!ok)
		return false;
	if (last_active < 0 || x->stages[last_active].kind != STAGE_ACTIVE) {
		log_error("demo: candidate %s %s: %s is no active default stage", d->first_name, d->last_name, d->stage);
		return false;
	}
	if (!times_plausible(d, x->refs, last_active, &steps) || !candidate_record(d, &c))
		return false;
	int64_t found = demo_time(x->now, d->days[0], i, 0);
	if ((rc = store_candidate_create(x->s, creator, &c, found)) != STORE_OK) {
		log_error("demo: cannot create candidate %s %s: %s", d->first_name, d->last_name, store_rc_name(rc));
		return false;
	}
	return add_application(x, d, c.id, creator, found + 60, &app_id) &&
	       (!career || add_consents(x->s, d, c.id, found)) &&
	       (!d->cv || add_cv(x->s, d, &c, creator, found + 120)) && move_along(x, i, app_id, last_active, steps) &&
	       add_entries(x, i, c.id, app_id) && (!d->bdm_stage || add_bdm_application(x, i, c.id));
}

/* The channel plans (R-CHAN-2): the key account manager search combines
 * five channels, three of them reaching passive candidates; the business
 * development draft relies on job portals alone, which the plan check
 * warns about (channels.single_channel). */
static bool add_channel_plans(const struct demo_fill_ctx *x)
{
	bool ok = true;
	struct actor owner = staff_actor(x, "brandt", &ok), recruiter = staff_actor(x, "weber", &ok);
	int64_t opened_at = x->now - (int64_t)x->refs->kam_opened_days_ago * DAY;
	struct channel_plan_item kam[] = {
		{ "linkedin", recruiter.user_id, EUR(2400), "" },
		{ "events", owner.user_id, EUR(4500), "" },
		{ "direct_search", recruiter.user_id, 0, "" },
		{ "referrals", owner.user_id, EUR(3000), "" },
		{ "career_page", recruiter.user_id, 0, "" },
	};
	struct channel_plan_item bdm[] = { { "job_portals", recruiter.user_id, EUR(1200), "" } };

	if (!ok)
		return false;
	utc_day(kam[0].start_date, opened_at);
	utc_day(kam[1].start_date, opened_at + 3 * DAY);
	utc_day(kam[2].start_date, opened_at);
	utc_day(kam[3].start_date, opened_at);
	utc_day(kam[4].start_date, x->now - (int64_t)x->refs->kam_published_days_ago * DAY);
	utc_day(bdm[0].start_date, x->now + 14 * DAY);
	enum store_rc rc = store_channel_plan_set(x->s, &owner, x->refs->kam_position_id, kam, COUNT(kam), opened_at);
	if (rc == STORE_OK)
		rc = store_channel_plan_set(x->s, &recruiter, x->refs->bdm_position_id, bdm, COUNT(bdm),
					    x->now - 2 * DAY);
	if (rc != STORE_OK)
		log_error("demo: cannot save the channel plans: %s", store_rc_name(rc));
	return rc == STORE_OK;
}

bool demo_candidates_fill(struct store *s, const struct demo_candidate_refs *refs, int64_t now)
{
	struct demo_fill_ctx x;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.refs = refs;
	x.now = now;
	x.nstages = pipeline_default_stages(x.stages, COUNT(x.stages));
	if (!staff_load(&x) || !add_channel_plans(&x))
		return false;
	for (size_t i = 0; i < COUNT(demo_candidates); i++)
		if (!add_candidate(&x, i))
			return false;
	return true;
}
