/*
 * pipeline_gen.c — the data set of bench/pipeline (issue 5): fills an
 * existing data directory (made by `stellwerk init`) with N candidates
 * with CV-like text (frequent German and English words and a long tail of
 * compounds such as "Drucksensorik"), one position with A applications spread over the
 * default stages, a file of search queries and a CSV file for the import
 * figure. Everything is drawn from fixed word lists with a seeded
 * generator, so the same arguments give the same data on every machine.
 *
 * Compiled by bench/pipeline against the release objects; prints
 * "key value" lines on standard output (position_id, generate_s, and the
 * in-process time of store_application_board as board_store_p50_ms and
 * board_store_p95_ms over 50 calls).
 *
 *   pipeline_gen DATA_DIR CANDIDATES APPLICATIONS SEED QUERIES_FILE CSV_FILE CSV_ROWS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/candidate.h"
#include "core/pipeline.h"
#include "store/applications.h"
#include "store/candidates.h"
#include "store/organisations.h"
#include "store/positions.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/log.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])
#define DAY 86400
#define QUERIES 200
#define BOARD_RUNS 50
#define NAME_COMBINATIONS (64 * 64 * 64)

static const char *const first_names[64] = {
	"Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Katrin", "Lukas",
	"Mara", "Niklas", "Olga", "Paul", "Quirin", "Rita", "Simon", "Tanja", "Uwe", "Vera", "Wolfgang", "Xenia",
	"Yannick", "Zoe", "Andreas", "Birgit", "Christoph", "Doris", "Erik", "Frieda", "Georg", "Heike", "Ingo",
	"Jana", "Karl", "Lea", "Moritz", "Nina", "Oliver", "Petra", "Ralf", "Sabine", "Till", "Ute", "Volker",
	"Wiebke", "Jörg", "Sören", "Björn", "Jürgen", "Käthe", "Gülay", "Mehmet", "Aylin", "Piotr", "Agnieszka",
	"Luca", "Giulia", "Mateo", "Sofia", "Henrik", "Maren",
};
static const char *const last_names[64] = {
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
	"Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
	"Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
	"Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
	"Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel",
	"Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann",
	"Franke", "Albrecht", "Schuster",
};
static const char *const second_names[64] = {
	"Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger",
	"Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich",
	"Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer",
	"Arnold", "Wolff", "Pfeiffer", "Brand", "Ernst", "Wendt", "Kühne", "Lindner", "Vollmer", "Ebert", "Kolb",
	"Rieger", "Sander", "Ulrich", "Kern", "Brinkmann", "Reuter", "Nowak", "Behrens", "Hesse", "Michel",
	"Petersen", "Jansen", "Olsen", "Mertens", "Paulsen", "Harms", "Thiele", "Janssen", "Wulf", "Dahl",
};
static const char *const cities[] = {
	"Hamburg", "Berlin", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig",
	"Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Bielefeld",
	"Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Kiel", "Rostock", "Braunschweig", "Chemnitz",
};
static const char *const roles[] = {
	"Key Account Manager", "Senior Key Account Manager", "Vertriebsingenieur", "Vertriebsingenieurin",
	"Area Sales Manager", "Account Manager", "Vertriebsleiter", "Business Development Manager",
	"Sales Engineer", "Inside Sales Manager", "Technischer Verkäufer", "Regional Sales Manager",
};
static const char *const company_a[] = {
	"Nord", "Süd", "Rhein", "Elbe", "Weser", "Alpen", "Hansa", "Baltic", "Franken", "Harz", "Isar", "Main",
	"Neckar", "Oder", "Saale", "Ems", "Lippe", "Spree", "Mosel", "Donau",
};
static const char *const company_b[] = {
	"Sensorik GmbH", "Messtechnik GmbH", "Automation AG", "Antriebe GmbH", "Hydraulik GmbH",
	"Prozesstechnik GmbH", "Elektronik GmbH", "Logistiksysteme GmbH", "Maschinenbau AG", "Instruments GmbH",
};
static const char *const languages[] = {
	"Deutsch C2, Englisch C1", "Deutsch C2, Englisch B2", "Deutsch C2, Englisch C1, Französisch B1",
	"Deutsch C2, Englisch C2, Niederländisch B2", "Deutsch C1, Englisch C2, Polnisch C2",
	"Deutsch C2, Englisch C1, Schwedisch B1",
};
static const char *const tags[] = {
	"Automotive", "Medizintechnik", "Logistik", "Sensorik", "Maschinenbau", "Energie", "Prozessindustrie",
	"Benelux", "Großkunden", "Pharma", "Windenergie", "Halbleiter",
};
static const char *const channels[] = {
	"linkedin", "events", "job_portals", "direct_search", "referrals", "search_consultants", "career_page",
};

/* CV words, German and English, the frequent ones first: queries and
 * texts pick from the front more often (a rough Zipf shape). */
static const char *const words[] = {
	"Vertrieb", "Kunden", "Umsatz", "sales", "customers", "Erfahrung", "Industrie", "Projekte", "Verantwortung",
	"Key", "Account", "Management", "Neukunden", "Bestandskunden", "Angebote", "Verhandlung", "negotiation",
	"revenue", "Sensoren", "Sensorik", "Messtechnik", "Automatisierung", "Maschinenbau", "Logistik", "Energie",
	"Automotive", "Medizintechnik", "Rahmenverträge", "Ausschreibungen", "Einkauf", "procurement", "pipeline",
	"CRM", "Salesforce", "Forecast", "Zielvereinbarung", "Provision", "Außendienst", "Innendienst", "Messe",
	"Konferenz", "trade", "fair", "Präsentation", "presentation", "Workshop", "Schulung", "training", "team",
	"Führung", "leadership", "strategy", "Strategie", "Markteintritt", "market", "entry", "Benelux", "Nordics",
	"Skandinavien", "Niederlande", "Belgien", "international", "Export", "Distributoren", "Partner", "partners",
	"Zustandsüberwachung", "condition", "monitoring", "Druck", "Temperatur", "Durchfluss", "Füllstand",
	"Transmitter", "Kalibrierung", "calibration", "Prüfstand", "Qualität", "quality", "Serienanlauf",
	"OEM", "Zulieferer", "supplier", "Großkunden", "accounts", "Wachstum", "growth", "Kundenzufriedenheit",
	"satisfaction", "Reklamation", "Service", "Wartung", "maintenance", "Ersatzteile", "spare", "parts",
	"Hafenbetreiber", "Windpark", "offshore", "Chemie", "chemical", "Pharma", "Lebensmittel", "food",
	"Halbleiter", "semiconductor", "Robotik", "robotics", "Antriebe", "drives", "Hydraulik", "Pneumatik",
	"Steuerung", "control", "Software", "IoT", "Cloud", "Digitalisierung", "digital", "Plattform", "platform",
	"Abschluss", "closing", "Akquise", "acquisition", "Kaltakquise", "Netzwerk", "network", "Empfehlung",
	"Studium", "Ingenieur", "engineer", "Betriebswirtschaft", "Wirtschaftsingenieur", "Mechatronik",
	"Elektrotechnik", "Physik", "Diplom", "Bachelor", "Master", "Weiterbildung", "Zertifikat", "certificate",
	"Englisch", "Französisch", "Niederländisch", "Schwedisch", "Polnisch", "Reisebereitschaft", "travel",
	"Homeoffice", "remote", "Dienstwagen", "Kündigungsfrist", "notice", "Gehalt", "salary", "Bonus",
};

/* Parts of German compounds ("Druck" + "sensorik"): 900 rarer words that
 * give the texts a long tail, as real CVs have, next to the frequent words
 * above. */
static const char *const compound_head[30] = {
	"Druck", "Temperatur", "Füllstand", "Durchfluss", "Kunden", "Projekt", "Vertriebs", "Markt", "Produkt",
	"Service", "Qualitäts", "Wartungs", "Energie", "Anlagen", "Prozess", "Mess", "Sensor", "Software", "Daten",
	"Vertrags", "Preis", "Angebots", "Lieferanten", "Partner", "Kalibrier", "Schwingungs", "Hafen", "Wind",
	"Netz", "Labor",
};
static const char *const compound_tail[30] = {
	"sensorik", "technik", "management", "analyse", "strategie", "planung", "entwicklung", "vertrieb",
	"leitung", "projekte", "verhandlung", "kunden", "systeme", "lösungen", "prüfung", "optimierung",
	"steuerung", "beratung", "schulung", "abwicklung", "controlling", "marketing", "überwachung", "messung",
	"konzept", "portfolio", "netzwerk", "prozesse", "berichte", "daten",
};

static uint64_t rng_state;

/* xorshift64*: fast, deterministic for a seed. */
static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static size_t rng_below(size_t n)
{
	return (size_t)(rng_next() % n);
}

/* A word index skewed to the front of the list. */
static size_t rng_word(void)
{
	double u = (double)(rng_next() >> 11) / (double)(1ULL << 53);
	return (size_t)(u * u * (double)COUNT(words));
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Candidate number i (0 ≤ i < NAME_COMBINATIONS): a unique name (an odd
 * multiplier permutes the combinations), unique email and phone. */
static void make_candidate(size_t i, struct candidate *c)
{
	size_t k = (i * 40503u + 12345u) % NAME_COMBINATIONS;
	char folded_first[128], folded_last[128];

	candidate_init(c);
	snprintf(c->first_name, sizeof c->first_name, "%s", first_names[k % 64]);
	snprintf(c->last_name, sizeof c->last_name, "%.40s-%.40s", last_names[k / 64 % 64], second_names[k / 4096 % 64]);
	candidate_fold_text(c->first_name, folded_first, sizeof folded_first);
	candidate_fold_text(c->last_name, folded_last, sizeof folded_last);
	snprintf(c->email, sizeof c->email, "%.60s.%.60s.%zu@mail.example", folded_first, folded_last, i);
	snprintf(c->phone, sizeof c->phone, "+49 151 %08zu", i);
	snprintf(c->current_role, sizeof c->current_role, "%s", roles[rng_below(COUNT(roles))]);
	snprintf(c->current_company, sizeof c->current_company, "%s %s", company_a[rng_below(COUNT(company_a))],
		 company_b[rng_below(COUNT(company_b))]);
	snprintf(c->location, sizeof c->location, "%s", cities[rng_below(COUNT(cities))]);
	c->notice_period_weeks = 4 + (int)rng_below(9);
	c->salary_expectation = 75000 + 1000 * (int64_t)rng_below(41);
	snprintf(c->currency, sizeof c->currency, "EUR");
	snprintf(c->languages, sizeof c->languages, "%s", languages[rng_below(COUNT(languages))]);
	snprintf(c->links, sizeof c->links, "https://www.linkedin.com/in/%.60s-%.60s-%zu", folded_first, folded_last, i);
	snprintf(c->tags, sizeof c->tags, "%s, %s", tags[rng_below(COUNT(tags))], tags[rng_below(COUNT(tags))]);
	snprintf(c->channel, sizeof c->channel, "%s", channels[rng_below(COUNT(channels))]);
}

/* A rare word: one of the compounds, each equally likely. */
static void put_compound(struct buf *b)
{
	buf_puts(b, compound_head[rng_below(30)]);
	buf_puts(b, compound_tail[rng_below(30)]);
}

/* min..max words of CV-like text into b (reset first): three in four from
 * the frequent words, the rest compounds. */
static void make_text(struct buf *b, int min, int max)
{
	int n = min + (int)rng_below((size_t)(max - min + 1));
	buf_reset(b);
	for (int w = 0; w < n; w++) {
		if (w)
			buf_puts(b, w % 12 == 0 ? ".\n" : " ");
		if (rng_below(4) == 0)
			put_compound(b);
		else
			buf_puts(b, words[rng_word()]);
	}
	buf_puts(b, ".");
}

/* Stage of application j of count: most early in the funnel, a few late,
 * some in the exits — the shape of a real search. */
static const char *stage_for(size_t j, size_t count)
{
	static const struct { const char *code; int per_mille; } shape[] = {
		{ "identified", 300 }, { "contacted", 200 }, { "prequalification", 150 }, { "first_interview", 100 },
		{ "deep_interview", 60 }, { "final_interview", 40 }, { "offer", 20 }, { "hired", 5 },
		{ "rejected", 100 }, { "withdrawn", 25 },
	};
	size_t at = j * 1000 / (count ? count : 1), sum = 0;
	for (size_t i = 0; i < COUNT(shape); i++) {
		sum += (size_t)shape[i].per_mille;
		if (at < sum)
			return shape[i].code;
	}
	return "identified";
}

static void csv_field(FILE *f, const char *v, bool last)
{
	if (strpbrk(v, ",\"\r\n")) {
		fputc('"', f);
		for (; *v; v++) {
			if (*v == '"')
				fputc('"', f);
			fputc(*v, f);
		}
		fputc('"', f);
	} else {
		fputs(v, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

/* CSV of rows candidates numbered after the stored ones, with a notes column. */
static bool write_csv(const char *path, size_t first, size_t rows)
{
	FILE *f = fopen(path, "w");
	struct buf notes = BUF_INIT;
	char num[32], sal[32];

	if (!f)
		return false;
	buf_init(&notes);
	fputs("first_name,last_name,email,phone,current_role,current_company,location,notice_period,"
	      "salary_expectation,languages,links,tags,channel,notes\r\n", f);
	for (size_t i = first; i < first + rows; i++) {
		struct candidate c;
		make_candidate(i, &c);
		make_text(&notes, 8, 24);
		snprintf(num, sizeof num, "%d", c.notice_period_weeks);
		snprintf(sal, sizeof sal, "%lld", (long long)c.salary_expectation);
		const char *cells[] = { c.first_name, c.last_name, c.email, c.phone, c.current_role, c.current_company,
					c.location, num, sal, c.languages, c.links, c.tags, c.channel, notes.data };
		for (size_t k = 0; k < COUNT(cells); k++)
			csv_field(f, cells[k], k + 1 == COUNT(cells));
	}
	buf_free(&notes);
	return fclose(f) == 0;
}

/* Appends word w to f URL-encoded (query string, '+' between words). */
static void put_query_word(FILE *f, const char *w, bool first)
{
	if (!first)
		fputc('+', f);
	for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
}

/* QUERIES search queries, URL-encoded, one a line after its class: half
 * "frequent" (one or two of the frequent words, each found in a large part
 * of all CVs), half "rare" (a compound, alone or with a frequent word). */
static bool write_queries(const char *path)
{
	FILE *f = fopen(path, "w");
	struct buf w = BUF_INIT;

	if (!f)
		return false;
	buf_init(&w);
	for (int q = 0; q < QUERIES; q++) {
		bool rare = q % 2 == 1, two = rng_below(2) == 1;
		fputs(rare ? "rare " : "frequent ", f);
		if (rare) {
			buf_reset(&w);
			put_compound(&w);
			put_query_word(f, w.data, true);
		} else {
			put_query_word(f, words[rng_word()], true);
		}
		if (two)
			put_query_word(f, words[rng_word()], false);
		fputc('\n', f);
	}
	buf_free(&w);
	return fclose(f) == 0;
}

static int fail(const char *what, enum store_rc rc)
{
	fprintf(stderr, "pipeline_gen: %s: %s\n", what, store_rc_name(rc));
	return 1;
}

int main(int argc, char **argv)
{
	static const struct actor bench = { 0, "cli", NULL };
	struct store *s = NULL;
	struct organisation o;
	struct position p;
	struct buf text = BUF_INIT;
	char err[256];
	enum store_rc rc;

	if (argc != 8) {
		fprintf(stderr, "usage: pipeline_gen DATA_DIR CANDIDATES APPLICATIONS SEED QUERIES_FILE CSV_FILE CSV_ROWS\n");
		return 2;
	}
	size_t ncand = strtoul(argv[2], NULL, 10), napps = strtoul(argv[3], NULL, 10);
	size_t csv_rows = strtoul(argv[7], NULL, 10);
	rng_state = strtoull(argv[4], NULL, 10) * 2654435761u + 1;
	if (napps > ncand || ncand + csv_rows > NAME_COMBINATIONS) {
		fprintf(stderr, "pipeline_gen: at most %d candidates and CSV rows, applications ≤ candidates\n",
			NAME_COMBINATIONS);
		return 2;
	}
	log_set_quiet(1);
	if ((rc = store_open(argv[1], false, &s, err, sizeof err)) != STORE_OK) {
		fprintf(stderr, "pipeline_gen: %s\n", err);
		return 1;
	}
	int64_t now = (int64_t)time(NULL);
	double t0 = now_ms();

	if ((rc = store_begin(s)) != STORE_OK)
		return fail("begin", rc);
	memset(&o, 0, sizeof o);
	snprintf(o.name, sizeof o.name, "Bench Sensorik GmbH");
	snprintf(o.country, sizeof o.country, "DE");
	if ((rc = store_organisation_create(s, &bench, &o, now - 60 * DAY)) != STORE_OK)
		return fail("organisation", rc);
	memset(&p, 0, sizeof p);
	p.organisation_id = o.id;
	snprintf(p.template_key, sizeof p.template_key, "kam");
	snprintf(p.title, sizeof p.title, "Key Account Manager (Benchmark)");
	snprintf(p.currency, sizeof p.currency, "EUR");
	p.headcount = 1;
	if ((rc = store_position_create(s, &bench, &p, now - 60 * DAY)) != STORE_OK)
		return fail("position", rc);

	buf_init(&text);
	for (size_t i = 0; i < ncand; i++) {
		struct candidate c;
		make_candidate(i, &c);
		int64_t created = now - 60 * DAY + (int64_t)(i * 50 * DAY / ncand);
		if ((rc = store_candidate_create(s, &bench, &c, created)) != STORE_OK)
			return fail("candidate", rc);
		make_text(&text, 60, 140);
		if ((rc = store_candidate_set_document_text(s, c.id, text.data)) != STORE_OK)
			return fail("document text", rc);
		if (i < napps) {
			struct application a;
			memset(&a, 0, sizeof a);
			a.candidate_id = c.id;
			a.position_id = p.id;
			snprintf(a.stage, sizeof a.stage, "%s", stage_for(i, napps));
			int64_t entered = now - (int64_t)rng_below(40 * DAY);
			if ((rc = store_application_create(s, &bench, &a, entered)) != STORE_OK)
				return fail("application", rc);
			if (i % 2 == 0 && (rc = store_application_add_event(s, &bench, c.id, a.id, EVENT_CONTACT, "Telefonat",
									    entered + (int64_t)rng_below(DAY), NULL)) != STORE_OK)
				return fail("contact", rc);
		}
	}
	buf_free(&text);
	if ((rc = store_commit(s)) != STORE_OK)
		return fail("commit", rc);
	double generated = (now_ms() - t0) / 1000.0;

	double runs[BOARD_RUNS];
	for (int r = 0; r < BOARD_RUNS; r++) {
		struct application_card *cards = NULL;
		size_t n = 0;
		double b0 = now_ms();
		rc = store_application_board(s, p.id, &cards, &n);
		runs[r] = now_ms() - b0;
		free(cards);
		if (rc != STORE_OK || n != napps)
			return fail("board", rc);
	}
	qsort(runs, BOARD_RUNS, sizeof runs[0], cmp_double);
	store_close(s);

	if (!write_queries(argv[5]) || !write_csv(argv[6], ncand, csv_rows)) {
		fprintf(stderr, "pipeline_gen: cannot write %s or %s\n", argv[5], argv[6]);
		return 1;
	}
	printf("position_id %lld\n", (long long)p.id);
	printf("generate_s %.1f\n", generated);
	printf("board_store_p50_ms %.2f\n", runs[BOARD_RUNS / 2]);
	printf("board_store_p95_ms %.2f\n", runs[BOARD_RUNS * 95 / 100]);
	return 0;
}
