/*
 * demo_interviews.c — the structured interviews of `stellwerk demo`; see
 * demo_interviews.h.
 *
 * Fourteen days ago Thomas Brandt set up the interview plan of the key
 * account manager search with the three default rounds: the first
 * interview with Jonas Weber (recruiter), the in-depth interview with the
 * stakeholders — Brandt (sales head: negotiation, relationship
 * management), Lena Hoffmann (Head of Engineering: industry knowledge) and
 * Peter Schulz (CFO: realism of salary expectations) — with the role play
 * and the negotiation exercise, and the final interview with Brandt and
 * the managing director Dr. Maria Keller with the case study. The kits use
 * the seed's questions (kam.rel.01, kam.str.01, kam.prs.01) and further
 * questions of the built-in bank (data/questions/kam.json).
 *
 * After the first two candidates (Henrik Jansen, Martin Schulte) had their
 * first interview, Weber added a question on active listening to round 1,
 * so they were interviewed with kit v1 and everybody after with v2
 * (R-INT-3).
 *
 * The story the evaluation matrix tells (R-EVAL-1..3): Henrik Jansen is the
 * clear front-runner (and has the hire decision, R-EVAL-4); Laura Fischer
 * scores high but fails the must-have relationship management (mean 2.0,
 * a knockout kept apart from the ranking); Peter Schulz and Thomas Brandt
 * disagree about Eva Zimmermann's negotiation (4 against 2); Tobias
 * Wagner is weak in negotiation, which is no must-have of the profile;
 * Christian Beck only asked about holidays and working hours. Claudia
 * Wolf's salary expectations end her process with a reject decision.
 * Lena Hoffmann's scorecard for Laura Fischer's second round is still a
 * draft, and Martin Schulte's final interview is planned but not held, so
 * "My interviews" shows open items.
 *
 * Interviews are created in time order through the store, as the product
 * does, so kit versions come out of the real rule. Times are hours before
 * now on the days the candidates entered the interview stages
 * (demo_candidates.c).
 */
#include "cli/demo_interviews.h"

#include <stdlib.h>
#include <string.h>

#include "core/interview_plan.h"
#include "store/applications.h"
#include "store/decisions.h"
#include "store/interview_plans.h"
#include "store/scorecards.h"
#include "store/users.h"
#include "util/log.h"
#include "util/str.h"

#define DAY (24 * 60 * 60)
#define HOUR (60 * 60)
#define MINUTE 60
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* --- the plan ------------------------------------------------------------------ */

/* The kits (R-INT-3): the seed's questions kam.rel.01, kam.str.01 and
 * kam.prs.01 and further questions of data/questions/kam.json; exercises of
 * data/exercises/sales.json. Round 1's second version adds kam.emp.01. */
struct demo_kit {
	const char *questions[6];
	const char *exercises[2];
};

static const struct demo_kit kit_round1_v1 = {
	{ "kam.rel.01", "kam.str.01", "kam.cul.04", "kam.sal.01" },
	{ NULL },
};
static const struct demo_kit kit_round1_v2 = {
	{ "kam.rel.01", "kam.str.01", "kam.emp.01", "kam.cul.04", "kam.sal.01" },
	{ NULL },
};
static const struct demo_kit kit_round2 = {
	{ "kam.prs.01", "kam.neg.02", "kam.ind.03", "kam.crm.01", "kam.sal.03" },
	{ "sales.role_play", "sales.negotiation" },
};
static const struct demo_kit kit_round3 = {
	{ "kam.str.04", "kam.exe.01", "kam.ent.02", "kam.cul.05" },
	{ "sales.case_study" },
};

#define PLAN_DAYS 14                    /* the plan was set up this many days ago */
#define KIT_CHANGE_HOURS (11 * 24 + 12) /* round 1's kit changed this many hours ago */

struct demo_panelist {
	const char *login;
	const char *focus;       /* comma-separated competency keys */
};

/* A round of the plan: name, stage and duration are those of core's
 * DEFAULT_ROUNDS (same index). */
struct demo_round {
	const struct demo_kit *kit;
	struct demo_panelist panel[3];
};

/* Focus by stakeholder role on the position (core interview_default_focus):
 * Brandt sales_head, Hoffmann head_of_engineering, Schulz cfo, Keller
 * managing_director; Weber, the recruiter, listens for fit and empathy. In
 * the first round Brandt checks the two must-have competencies. */
static const struct demo_round demo_rounds[DEFAULT_ROUND_COUNT] = {
	{ &kit_round1_v1,
	  { { "weber", "cultural_fit,empathy_and_active_listening" },
	    { "brandt", "relationship_management,strategic_thinking" } } },
	{ &kit_round2,
	  { { "brandt", "negotiation,relationship_management" },
	    { "hoffmann", "industry_knowledge" },
	    { "schulz", "salary_realism" } } },
	{ &kit_round3,
	  { { "brandt", "strategic_thinking,executive_communication" },
	    { "admin", "entrepreneurial_thinking,cultural_fit" } } },
};

/* --- the interviews -------------------------------------------------------------- */

/* A rating (1..4) of a competency or exercise with its note, or (rating 0)
 * the note on a core question. */
struct demo_item {
	const char *key;
	int rating;
	const char *notes;
};

#define DEMO_RATINGS 4
#define DEMO_ANSWERS 2
#define DEMO_EXERCISES 2

/* One interviewer's scorecard; recommendation NULL leaves it a draft. */
struct demo_card {
	const char *login;
	const char *recommendation;
	const char *notes;
	const char *questions;       /* the candidate's own questions */
	const char *quality;         /* substantive | superficial */
	struct demo_item ratings[DEMO_RATINGS];
	struct demo_item answers[DEMO_ANSWERS];
	struct demo_item exercises[DEMO_EXERCISES];
};

#define DEMO_CARDS 3

/* One interview: candidate (by name), round (1..3), planned `days` before
 * now; its scorecards (none: planned, not held yet). Listed in time order. */
struct demo_interview {
	const char *first_name, *last_name;
	int round;
	int days;
	struct demo_card cards[DEMO_CARDS];
};

static const struct demo_interview demo_interviews[] = {
	{ "Henrik", "Jansen", 1, 13, {
	  { "weber", "strong_yes",
	    "Sehr klar motiviert: will den Benelux-Markt von Hamburg aus aufbauen. Kündigungsfrist drei Monate "
	    "zum Quartalsende.",
	    "Wie arbeiten Vertrieb und Entwicklung bei Reklamationen zusammen? Gibt es schon Referenzkunden in "
	    "den Niederlanden?", "substantive",
	    .ratings = {
		{ "cultural_fit", 4, "Passt zu unserer bodenständigen Art; spricht mit Respekt über Techniker und "
		  "Fertigung." },
		{ "empathy_and_active_listening", 4, "Fasst meine Fragen in eigenen Worten zusammen, bevor er "
		  "antwortet." },
		{ "salary_realism", 3, "Wünscht 104.000 € fix; im Rahmen, wenn der variable Teil stimmt." } },
	    .answers = {
		{ "kam.cul.04", 0, "Kennt unsere Drucktransmitter aus Wettbewerbsvergleichen bei Hafenkunden und "
		  "hat sich unsere Referenzliste angesehen." } } },
	  { "brandt", "strong_yes", "Bisher der überzeugendste Kandidat.", NULL, NULL,
	    .ratings = {
		{ "relationship_management", 4, "Hat einen Hafenbetreiber nach einem Sensorausfall zurückgewonnen, "
		  "selbst mit der Instandhaltung vor Ort; nennt Ansprechpartner bis "
		  "zur Geschäftsführung." },
		{ "strategic_thinking", 3, "Größten Abschluss sauber geschildert (Rahmenvertrag 1,2 Mio. €); "
		  "priorisiert sein Portfolio eher aus dem Bauch." } },
	    .answers = {
		{ "kam.rel.01", 0, "Rotterdam: nach dem Ausfall Wartungsvertrag statt Rabatt angeboten, Kunde hat "
		  "um drei Jahre verlängert." },
		{ "kam.str.01", 0, "Rahmenvertrag über 14 Monate verhandelt, Einkauf, Technik und Geschäftsführung "
		  "eingebunden." } } } } },
	{ "Martin", "Schulte", 1, 12, {
	  { "weber", "yes", NULL,
	    "Wie viel Reisezeit ist realistisch? Gibt es schon Kontakte zu Hafenbetreibern in Rotterdam?",
	    "substantive",
	    .ratings = {
		{ "cultural_fit", 3, "Angenehm, etwas distanziert; fragt viel nach Abläufen und Zuständigkeiten." },
		{ "empathy_and_active_listening", 3, "Hört zu, fasst aber selten zusammen." },
		{ "salary_realism", 3, "108.000 € fix gewünscht, leicht über dem Rahmen; signalisiert Spielraum." } } },
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "relationship_management", 3, "Gute Beziehungen zu zwei Hafenbetreibern, aber meist über einen "
		  "einzigen Ansprechpartner je Kunde." },
		{ "strategic_thinking", 4, "Hat den Benelux-Aufbau bei Rhein-Ruhr mit Zahlen und Meilensteinen "
		  "geplant — genau das suchen wir." } },
	    .answers = {
		{ "kam.str.01", 0, "Antwerpen: erst Pilot mit einem Terminal, dann Ausweitung auf drei Standorte." } } } } },
	{ "Eva", "Zimmermann", 1, 11, {
	  { "weber", "yes", NULL, "Wie ist das Vertriebsteam aufgestellt, und wer übergibt mir die Großkunden?",
	    "substantive",
	    .ratings = {
		{ "cultural_fit", 3, "Direkt und bodenständig, fragt nach dem Team." },
		{ "empathy_and_active_listening", 3, "Hört aufmerksam zu und lässt Pausen zu." } },
	    .answers = {
		{ "kam.emp.01", 0, "Hat durch Nachfragen beim Kunden den Bedarf an Kalibrierservice entdeckt — "
		  "gutes Beispiel." } } },
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "relationship_management", 3, "Langjährige Rahmenverträge mit Werkzeugmaschinenherstellern; "
		  "Kontakte vor allem zum Einkauf." },
		{ "strategic_thinking", 3, "Account-Planung solide; Benelux wäre für sie Neuland." } } } } },
	{ "Tobias", "Wagner", 1, 10, {
	  { "weber", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "cultural_fit", 3, "Ruhig und verbindlich; Umzug nach Hamburg mit Familie geplant." },
		{ "empathy_and_active_listening", 3, "Stellt gute Rückfragen." } } },
	  { "brandt", "strong_yes", NULL, NULL, NULL,
	    .ratings = {
		{ "relationship_management", 4, "Kennt Rahmenverträge mit Serviceanteil aus eigener Praxis; die "
		  "Chemieparks fragen ihn bei Kalibrierfragen um Rat." },
		{ "strategic_thinking", 3, "Priorisiert nach Potenzial; Wachstumsplan für Bestandskunden "
		  "überzeugend." } },
	    .answers = {
		{ "kam.rel.01", 0, "Leuna: nach Lieferverzug selbst eskaliert und Leihgeräte aus dem "
		  "Kalibrierlabor gestellt." } } } } },
	{ "Henrik", "Jansen", 2, 10, {
	  { "brandt", "strong_yes", NULL, NULL, NULL,
	    .ratings = {
		{ "negotiation", 4, "Hat den Preiseinwand in ein Paket aus Laufzeit und Service gedreht, ohne beim "
		  "Preis nachzugeben." },
		{ "relationship_management", 4, "Fragt im Rollenspiel zuerst nach den Gründen der Skepsis, erst dann "
		  "nach dem Auftrag." } },
	    .answers = {
		{ "kam.prs.01", 0, "48 Stunden: erst Termin beim Entscheider, dann Pilotangebot mit "
		  "Servicegarantie." } },
	    .exercises = {
		{ "sales.role_play", 4, "Lieferprobleme offen angesprochen, Nutzen der längeren Wartungsintervalle "
		  "in Euro gerechnet, Testinstallation vereinbart." },
		{ "sales.negotiation", 3, "Zugeständnisse nur gegen Gegenleistung; beim Abschluss etwas zögerlich." } } },
	  { "hoffmann", "yes", "Würde ihn gern zu Kundenterminen mit unseren Entwicklern mitnehmen.", NULL, NULL,
	    .ratings = {
		{ "industry_knowledge", 4, "Erklärt Zustandsüberwachung so, dass ein Einkäufer sie versteht; kennt "
		  "Schwingungsanalyse und ihre Grenzen." } },
	    .answers = {
		{ "kam.ind.03", 0, "Nutzen in vermiedenen Stillstandsstunden gerechnet, nicht in Messgenauigkeit." } },
	    .exercises = {
		{ "sales.role_play", 4, "Holt die Technik gezielt dazu, statt selbst zu improvisieren." } } },
	  { "schulz", "yes", NULL, "Wie kalkulieren wir Rahmenverträge, und wer gibt Rabatte frei?", "substantive",
	    .ratings = {
		{ "salary_realism", 3, "104.000 € fix plus variabel; plausibel mit seinem heutigen Paket begründet." },
		{ "negotiation", 3, "Verteidigt die Marge und rechnet Rabatte in Deckungsbeitrag um." } },
	    .answers = {
		{ "kam.sal.03", 0, "Akzeptiert einen höheren variablen Anteil, wenn die Ziele erreichbar sind." } },
	    .exercises = {
		{ "sales.negotiation", 3, "Hält die Preisgrenze, bietet längere Laufzeit statt Nachlass." } } } } },
	{ "Laura", "Fischer", 1, 9, {
	  { "weber", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "cultural_fit", 3, "Offen und schnell im Denken; der Umzug nach Hamburg ist noch ungeklärt." },
		{ "empathy_and_active_listening", 3, "Hört zu, springt aber schnell zu eigenen Lösungen." } } },
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "relationship_management", 2, "Kundenbeziehungen laufen bei ihr über Lieferantenportale und "
		  "Jahresgespräche mit dem Einkauf; keinen Entscheider persönlich "
		  "genannt." },
		{ "strategic_thinking", 4, "Serienanläufe mit Entwicklung und Qualität sehr strukturiert gesteuert, "
		  "mit klaren Zahlen." },
		{ "industry_knowledge", 4, "Technisch sehr stark, kennt Drucksensorik bis ins Detail." },
		{ "crm_and_data_analysis", 4, "Steuert ihre Kunden über Abrufe und Forecasts im CRM; beeindruckend." } },
	    .answers = {
		{ "kam.rel.01", 0, "Kein Beispiel für einen zurückgewonnenen Kunden; beschreibt stattdessen eine "
		  "Preisrunde mit einem Autohersteller." } } } } },
	{ "Claudia", "Wolf", 1, 9, {
	  { "weber", "no", "Fachlich interessant, aber der Gehaltsrahmen passt nicht.", NULL, NULL,
	    .ratings = {
		{ "salary_realism", 1, "Erwartet 115.000 € fix plus Dienstwagen der Oberklasse; sieht keinen "
		  "Spielraum." },
		{ "cultural_fit", 3, "Professionell und freundlich." },
		{ "empathy_and_active_listening", 3, "Gute Gesprächsführung." } },
	    .answers = {
		{ "kam.sal.01", 0, "115.000 € fix, variabel zusätzlich; der Dienstwagen ist ihr sehr wichtig." } } },
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "relationship_management", 3, "Solide Beziehungen zu Pharmakunden über mehrere Ebenen." },
		{ "strategic_thinking", 3, "Plant eher kurzfristig, aber nachvollziehbar." } } } } },
	{ "Eva", "Zimmermann", 2, 9, {
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "negotiation", 4, "Hat die Nachlassforderung in ein Mengengerüst mit Staffelpreisen umgelenkt — "
		  "souverän." },
		{ "relationship_management", 3, "Baut Vertrauen auf, bleibt aber beim Einkauf." } },
	    .answers = {
		{ "kam.neg.02", 0, "Fragt erst, was im Angebot des Wettbewerbers fehlt, bevor sie über Preise "
		  "spricht." } },
	    .exercises = {
		{ "sales.negotiation", 4, "Klare Preisgrenze, Gegenleistung für jedes Zugeständnis." },
		{ "sales.role_play", 3, "Einwände gut behandelt, die Abschlussfrage fehlte." } } },
	  { "hoffmann", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "industry_knowledge", 3, "Kennt Werkzeugmaschinen gut, Logistik und Häfen weniger." } },
	    .answers = {
		{ "kam.ind.03", 0, "Nutzen gut erklärt, aber ohne Zahlen." } },
	    .exercises = {
		{ "sales.role_play", 3, "Technische Einwände korrekt beantwortet." } } },
	  { "schulz", "no", "Ich sehe die Verhandlung deutlich kritischer als Herr Brandt; bitte im "
			    "Finalgespräch noch einmal prüfen.", NULL, NULL,
	    .ratings = {
		{ "negotiation", 2, "Hat nach zehn Minuten 8 % Nachlass angeboten, ohne eine Gegenleistung zu "
		  "verlangen." },
		{ "salary_realism", 3, "100.000 € fix, passt in den Rahmen." } },
	    .exercises = {
		{ "sales.negotiation", 2, "Zugeständnis zu früh und ohne Gegenleistung." } } } } },
	{ "Martin", "Schulte", 2, 8, {
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "negotiation", 3, "Sachlich, hält die Linie, nutzt aber wenig Alternativen." },
		{ "relationship_management", 3, "Belastbare Beziehungen, aber auf wenigen Ebenen." } },
	    .exercises = {
		{ "sales.role_play", 3, "Gute Bedarfsanalyse, Nutzenargumentation solide." },
		{ "sales.negotiation", 3, "Hält den Preis, Abschluss erreicht." } } },
	  { "hoffmann", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "industry_knowledge", 3, "Kennt Messtechnik in der Logistik; bei Funkübertragung noch Lücken." } },
	    .exercises = {
		{ "sales.role_play", 3, "Technische Fragen ehrlich beantwortet, bei Unklarem Rückruf zugesagt." } } },
	  { "schulz", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "salary_realism", 2, "108.000 € fix liegt über unserem Rahmen; den variablen Teil will er "
		  "garantiert haben." },
		{ "negotiation", 3, "Rechnet Angebote durch und kennt seine Deckungsbeiträge." } },
	    .exercises = {
		{ "sales.negotiation", 3, "Solide, ohne Überraschungen." } } } } },
	{ "Tobias", "Wagner", 2, 8, {
	  { "brandt", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "negotiation", 2, "In der Preisverhandlung zu nachgiebig: gibt beim ersten Druck 5 % nach." },
		{ "relationship_management", 3, "Fragt gut nach; der Kunde fühlt sich verstanden." } },
	    .answers = {
		{ "kam.neg.02", 0, "Würde „erst einmal beim Preis entgegenkommen, um den Kunden zu halten“." } },
	    .exercises = {
		{ "sales.role_play", 3, "Einwände sauber behandelt, Nutzen klar." },
		{ "sales.negotiation", 2, "Zugeständnisse ohne Gegenleistung." } } },
	  { "hoffmann", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "industry_knowledge", 3, "Prozessindustrie sehr gut, Logistik weniger; lernt schnell." } },
	    .exercises = {
		{ "sales.role_play", 3, "Bindet die Technik sinnvoll ein." } } },
	  { "schulz", "yes", NULL, NULL, NULL,
	    .ratings = {
		{ "salary_realism", 3, "97.000 € fix, realistisch." },
		{ "negotiation", 2, "Rabatt ist sein erstes Mittel; die Marge hat er kaum im Blick." } },
	    .exercises = {
		{ "sales.negotiation", 2, "Gibt zu schnell nach." } } } } },
	{ "Henrik", "Jansen", 3, 6, {
	  { "brandt", "strong_yes", NULL, NULL, NULL,
	    .ratings = {
		{ "strategic_thinking", 4, "Aktionsplan für Müller Verpackungsmaschinen mit klaren Prioritäten, "
		  "Verantwortlichen und Zielen für drei Monate." },
		{ "executive_communication", 4, "Präsentiert knapp und auf Augenhöhe mit der Geschäftsführung." } },
	    .answers = {
		{ "kam.str.04", 0, "Account-Plan für einen Logistikkunden: Umsatz in zwei Jahren verdoppelt." } },
	    .exercises = {
		{ "sales.case_study", 4, "Analyse, Prioritäten und Maßnahmen schlüssig; Risiken benannt." } } },
	  { "admin", "strong_yes", NULL,
	    "Wie viel Freiheit habe ich beim Aufbau des Benelux-Geschäfts? Woran messen Sie Erfolg im ersten Jahr?",
	    "substantive",
	    .ratings = {
		{ "entrepreneurial_thinking", 4, "Denkt in Deckungsbeiträgen, nicht nur in Umsatz; schlägt selbst "
		  "ein Servicemodell vor." },
		{ "cultural_fit", 4, "Bodenständig, neugierig, respektvoll gegenüber Technik und Fertigung." } },
	    .answers = {
		{ "kam.cul.05", 0, "Würde gehen, wenn Zusagen an Kunden intern nicht gehalten werden — ehrlich." } },
	    .exercises = {
		{ "sales.case_study", 3, "Sehr gut; der Benelux-Teil ist etwas optimistisch." } } } } },
	{ "Christian", "Beck", 1, 3, {
	  { "weber", "no", "Hat nur nach Urlaub und Arbeitszeiten gefragt, nichts zu Kunden oder Produkten.",
	    "Wie viele Urlaubstage gibt es? Gibt es Gleitzeit und freitags Homeoffice?", "superficial",
	    .ratings = {
		{ "cultural_fit", 2, "Will eigentlich wieder ein Team führen; die Rolle wirkt wie ein Zwischenschritt." },
		{ "empathy_and_active_listening", 3, "Freundlich, redet viel, fragt wenig nach." },
		{ "salary_realism", 2, "112.000 € fix, über unserem Rahmen." } } },
	  { "brandt", "no", NULL, NULL, NULL,
	    .ratings = {
		{ "relationship_management", 3, "Führt eher Vertriebsteams als eigene Kunden; seine Beispiele "
		  "liegen Jahre zurück." },
		{ "strategic_thinking", 3, "Denkt in Regionen und Teams; Account-Planung kaum konkret." } } } } },
	/* Monday with Dr. Keller: planned, not held yet */
	{ "Martin", "Schulte", 3, 3, { { NULL } } },
	{ "Laura", "Fischer", 2, 2, {
	  { "brandt", "yes", "Technisch die Stärkste bisher, aber ich bin unsicher, ob unsere Großkunden ihr "
			     "vertrauen werden.", NULL, NULL,
	    .ratings = {
		{ "relationship_management", 2, "Argumentiert im Rollenspiel nur mit Spezifikationen; auf den "
		  "Ärger der Kundin über die Lieferprobleme geht sie nicht ein." },
		{ "negotiation", 4, "Harte, gut vorbereitete Verhandlerin; kennt ihre Untergrenze." } },
	    .exercises = {
		{ "sales.role_play", 2, "Einwände technisch beantwortet, die Beziehungsebene fehlt." },
		{ "sales.negotiation", 4, "Klare Linie, Gegenleistung für jeden Schritt." } } },
	  /* still a draft: shows as open in Lena Hoffmann's "My interviews" */
	  { "hoffmann", NULL, "Noch ergänzen: Fragen zur Funkübertragung.", NULL, NULL,
	    .ratings = {
		{ "industry_knowledge", 4, "Kennt Drucksensorik und Serienanläufe besser als manche bei uns." } },
	    .answers = {
		{ "kam.ind.03", 0, "Sehr anschaulich, mit Beispiel aus der Serienfertigung." } },
	    .exercises = {
		{ "sales.role_play", 2, "Technisch sicher, aber kühl gegenüber der Kundin." } } } } },
};

/* --- decisions ------------------------------------------------------------------ */

struct demo_decision {
	const char *first_name, *last_name;
	const char *decision;
	int culture_fit;
	const char *login;
	int hours;               /* this many hours before now */
	const char *rationale;
};

static const struct demo_decision demo_decisions[] = {
	{ "Claudia", "Wolf", "reject", 3, "brandt", 5 * 24 + 14,
	  "Fachlich solide, aber die Gehaltsvorstellung von 115.000 € fix plus Dienstwagen der Oberklasse liegt "
	  "deutlich über unserem Rahmen von 105.000 €, und Frau Wolf sieht keinen Spielraum. Keine zweite Runde." },
	{ "Henrik", "Jansen", "hire", 4, "brandt", 5 * 24 + 3,
	  "Klarer Favorit nach drei Runden: erfüllt alle Muss-Kriterien, die besten Bewertungen in "
	  "Beziehungsmanagement und Verhandlung, bringt Niederländisch und Kontakte zu Hafenbetreibern für den "
	  "Markteintritt Benelux mit. Gehaltswunsch im Rahmen; Frau Dr. Keller und Herr Schulz stimmen zu." },
};

/* --- filling ---------------------------------------------------------------------- */

#define DEMO_STAFF 5

struct demo_fill_ctx {
	struct store *s;
	int64_t position_id;
	int64_t now;
	struct {
		const char *login;
		int64_t id;
	} staff[DEMO_STAFF];
	struct application_card *board;
	size_t nboard;
	int64_t round_ids[COUNT(demo_rounds)];
};

static bool staff_load(struct demo_fill_ctx *x)
{
	static const char *const logins[DEMO_STAFF] = { "admin", "weber", "brandt", "hoffmann", "schulz" };

	for (size_t i = 0; i < DEMO_STAFF; i++) {
		struct user u;
		if (store_user_by_name(x->s, logins[i], &u) != STORE_OK) {
			log_error("demo: the interviews need the demo user %s", logins[i]);
			return false;
		}
		x->staff[i].login = logins[i];
		x->staff[i].id = u.id;
	}
	return true;
}

/* The actor of demo user login; user_id 0 (logged) for an unknown login. */
static struct actor staff_actor(const struct demo_fill_ctx *x, const char *login)
{
	for (size_t i = 0; i < DEMO_STAFF; i++)
		if (str_eq(x->staff[i].login, login))
			return (struct actor){ x->staff[i].id, x->staff[i].login, NULL };
	log_error("demo: no demo interviewer %s", login ? login : "(none)");
	return (struct actor){ 0, "system", NULL };
}

/* The key account manager application of first_name last_name, 0 (logged)
 * when the board has none. */
static int64_t application_of(const struct demo_fill_ctx *x, const char *first_name, const char *last_name)
{
	for (size_t i = 0; i < x->nboard; i++)
		if (str_eq(x->board[i].first_name, first_name) && str_eq(x->board[i].last_name, last_name))
			return x->board[i].a.id;
	log_error("demo: %s %s is not in the key account manager pipeline", first_name, last_name);
	return 0;
}

/* The canonical JSON of kit d (core kit_to_json), false (logged) when it
 * is not a valid kit. */
static bool kit_json(const struct demo_kit *d, char *out, size_t n)
{
	struct kit k;

	memset(&k, 0, sizeof k);
	for (size_t i = 0; i < COUNT(d->questions) && d->questions[i]; i++)
		str_copy(k.questions[k.nquestions++], KIT_REF_MAX, d->questions[i]);
	for (size_t i = 0; i < COUNT(d->exercises) && d->exercises[i]; i++)
		str_copy(k.exercises[k.nexercises++], KIT_REF_MAX, d->exercises[i]);
	if (kit_to_json(&k, out, n))
		return true;
	log_error("demo: a kit of the interview plan is not valid");
	return false;
}

/* The three rounds with their interviewers, focus and kits, set up by the
 * hiring manager PLAN_DAYS ago. */
static bool add_plan(struct demo_fill_ctx *x)
{
	struct actor owner = staff_actor(x, "brandt");
	struct interview_round *rounds = calloc(COUNT(demo_rounds), sizeof *rounds);
	bool created = false, ok = false;
	enum store_rc rc = STORE_INVALID;
	size_t n = 0;

	if (!rounds) {
		log_error("demo: out of memory");
		return false;
	}
	for (size_t i = 0; i < COUNT(demo_rounds); i++) {
		const struct demo_round *d = &demo_rounds[i];
		struct interview_round *r = &rounds[i];
		r->position_id = x->position_id;
		r->ord = DEFAULT_ROUNDS[i].ord;
		r->duration_minutes = DEFAULT_ROUNDS[i].duration_minutes;
		if (!str_copy(r->name, sizeof r->name, DEFAULT_ROUNDS[i].name) ||
		    !str_copy(r->stage, sizeof r->stage, DEFAULT_ROUNDS[i].stage) ||
		    !kit_json(d->kit, r->kit_json, sizeof r->kit_json))
			goto cleanup;
		for (size_t k = 0; k < COUNT(d->panel) && d->panel[k].login; k++) {
			struct round_interviewer *ri = &r->interviewers[r->ninterviewers++];
			ri->user_id = staff_actor(x, d->panel[k].login).user_id;
			if (ri->user_id == 0 || !str_copy(ri->focus, sizeof ri->focus, d->panel[k].focus))
				goto cleanup;
		}
	}
	rc = store_interview_plan_ensure_default(x->s, &owner, x->position_id, rounds, COUNT(demo_rounds),
						 x->now - (int64_t)PLAN_DAYS * DAY, &created);
	if (rc != STORE_OK || !created)
		goto cleanup;
	free(rounds);
	rounds = NULL;
	if (store_interview_plan_get(x->s, x->position_id, &rounds, &n) != STORE_OK || n != COUNT(demo_rounds))
		goto cleanup;
	for (size_t i = 0; i < n; i++)
		x->round_ids[i] = rounds[i].id;
	ok = true;
cleanup:
	if (!ok)
		log_error("demo: cannot set up the interview plan: %s", store_rc_name(rc));
	free(rounds);
	return ok;
}

/* Copies item notes into a scorecard item buffer (a note too long is a bug
 * in the table above). */
static bool put_note(char *dst, size_t size, const char *src)
{
	if (str_copy(dst, size, src ? src : ""))
		return true;
	log_error("demo: an interview note is too long: %.60s…", src);
	return false;
}

/* Scorecard c of interview d (id interview_id): opened after the interview,
 * saved, and submitted unless it stays a draft. */
static bool add_scorecard(const struct demo_fill_ctx *x, const struct demo_interview *d, const struct demo_card *c,
			  int64_t interview_id, int64_t at)
{
	struct actor who = staff_actor(x, c->login);
	struct scorecard_rating ratings[DEMO_RATINGS];
	struct scorecard_answer answers[DEMO_ANSWERS];
	struct scorecard_exercise exercises[DEMO_EXERCISES];
	struct scorecard sc;
	enum store_rc rc;
	bool ok = true;

	if (who.user_id == 0)
		return false;
	memset(&sc, 0, sizeof sc);
	rc = store_scorecard_open(x->s, &who, interview_id, who.user_id, at, &sc);
	int64_t id = sc.id;
	scorecard_free(&sc);
	if (rc != STORE_OK)
		goto failed;
	memset(&sc, 0, sizeof sc);
	sc.id = id;
	sc.interview_id = interview_id;
	sc.user_id = who.user_id;
	sc.ratings = ratings;
	sc.answers = answers;
	sc.exercises = exercises;
	ok = str_copy(sc.recommendation, sizeof sc.recommendation, c->recommendation ? c->recommendation : "") &&
	     put_note(sc.notes, sizeof sc.notes, c->notes) &&
	     put_note(sc.candidate_questions, sizeof sc.candidate_questions, c->questions) &&
	     str_copy(sc.candidate_questions_quality, sizeof sc.candidate_questions_quality,
		      c->quality ? c->quality : "");
	for (size_t i = 0; ok && i < DEMO_RATINGS && c->ratings[i].key; i++) {
		struct scorecard_rating *r = &ratings[sc.nratings++];
		r->rating = c->ratings[i].rating;
		ok = str_copy(r->competency, sizeof r->competency, c->ratings[i].key) &&
		     put_note(r->notes, sizeof r->notes, c->ratings[i].notes);
	}
	for (size_t i = 0; ok && i < DEMO_ANSWERS && c->answers[i].key; i++) {
		struct scorecard_answer *a = &answers[sc.nanswers++];
		ok = str_copy(a->question_ref, sizeof a->question_ref, c->answers[i].key) &&
		     put_note(a->notes, sizeof a->notes, c->answers[i].notes);
	}
	for (size_t i = 0; ok && i < DEMO_EXERCISES && c->exercises[i].key; i++) {
		struct scorecard_exercise *e = &exercises[sc.nexercises++];
		e->rating = c->exercises[i].rating;
		ok = str_copy(e->exercise_key, sizeof e->exercise_key, c->exercises[i].key) &&
		     put_note(e->notes, sizeof e->notes, c->exercises[i].notes);
	}
	if (!ok)
		return false;
	rc = store_scorecard_save(x->s, &who, who.user_id, &sc, at + 20 * MINUTE);
	if (rc == STORE_OK && c->recommendation)
		rc = store_scorecard_submit(x->s, &who, who.user_id, id, at + 25 * MINUTE);
	if (rc == STORE_OK)
		return true;
failed:
	log_error("demo: cannot save the scorecard of %s for %s %s, round %d: %s", c->login, d->first_name,
		  d->last_name, d->round, store_rc_name(rc));
	return false;
}

/* Interview i: planned by the hiring manager on its day, held an hour
 * later, each scorecard written in the hours after. Round 1's kit changes
 * before the first interview planned after KIT_CHANGE_HOURS ago. */
static bool add_interview(struct demo_fill_ctx *x, size_t i, bool *kit_changed)
{
	const struct demo_interview *d = &demo_interviews[i];
	struct actor manager = staff_actor(x, "brandt"), recruiter = staff_actor(x, "weber");
	int64_t planned = x->now - (int64_t)d->days * DAY - 8 * HOUR + (int64_t)i * 10 * MINUTE;
	int64_t change_at = x->now - (int64_t)KIT_CHANGE_HOURS * HOUR;
	int64_t app_id = application_of(x, d->first_name, d->last_name);
	struct interview iv;
	enum store_rc rc;

	if (app_id == 0 || d->round < 1 || d->round > (int)COUNT(demo_rounds))
		return false;
	if (!*kit_changed && planned > change_at) {
		char json[KIT_JSON_MAX + 1];
		if (!kit_json(&kit_round1_v2, json, sizeof json))
			return false;
		rc = store_interview_round_set_kit(x->s, &recruiter, x->round_ids[0], json, change_at);
		if (rc != STORE_OK) {
			log_error("demo: cannot change the kit of round 1: %s", store_rc_name(rc));
			return false;
		}
		*kit_changed = true;
	}
	rc = store_interview_create(x->s, &manager, app_id, x->round_ids[d->round - 1], planned, &iv);
	if (rc != STORE_OK) {
		log_error("demo: cannot plan round %d for %s %s: %s", d->round, d->first_name, d->last_name,
			  store_rc_name(rc));
		return false;
	}
	for (size_t k = 0; k < DEMO_CARDS && d->cards[k].login; k++)
		if (!add_scorecard(x, d, &d->cards[k], iv.id, planned + 2 * HOUR + (int64_t)k * 30 * MINUTE))
			return false;
	return true;
}

static bool add_decisions(const struct demo_fill_ctx *x)
{
	for (size_t i = 0; i < COUNT(demo_decisions); i++) {
		const struct demo_decision *d = &demo_decisions[i];
		struct actor who = staff_actor(x, d->login);
		int64_t app_id = application_of(x, d->first_name, d->last_name);
		if (app_id == 0 || who.user_id == 0)
			return false;
		enum store_rc rc = store_decision_record(x->s, &who, app_id, d->decision, d->culture_fit, d->rationale,
							 x->now - (int64_t)d->hours * HOUR, NULL);
		if (rc != STORE_OK) {
			log_error("demo: cannot record the decision on %s %s: %s", d->first_name, d->last_name,
				  store_rc_name(rc));
			return false;
		}
	}
	return true;
}

bool demo_interviews_fill(struct store *s, int64_t kam_position_id, int64_t now)
{
	struct demo_fill_ctx x;
	bool kit_changed = false, ok = false;

	memset(&x, 0, sizeof x);
	x.s = s;
	x.position_id = kam_position_id;
	x.now = now;
	if (!staff_load(&x))
		return false;
	if (store_application_board(s, kam_position_id, &x.board, &x.nboard) != STORE_OK) {
		log_error("demo: cannot read the key account manager pipeline");
		return false;
	}
	if (!add_plan(&x))
		goto cleanup;
	for (size_t i = 0; i < COUNT(demo_interviews); i++) {
		if (i > 0 && demo_interviews[i].days > demo_interviews[i - 1].days) {
			log_error("demo: the interviews are not listed in time order (%s %s)",
				  demo_interviews[i].first_name, demo_interviews[i].last_name);
			goto cleanup;
		}
		if (!add_interview(&x, i, &kit_changed))
			goto cleanup;
	}
	ok = add_decisions(&x);
cleanup:
	free(x.board);
	return ok;
}
