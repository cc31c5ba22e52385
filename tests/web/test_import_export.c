/*
 * test_import_export.c — black-box tests of `stellwerk import candidates`
 * and `stellwerk export candidates` (R-CAND-4): RFC 4180 input with BOM,
 * ';', quoted newlines and quotes, umlauts; round trip through export; all or
 * nothing on broken rows; dry run; duplicates (R-CAND-5); unknown position;
 * binary and non-UTF-8 files; help (R-X-6).
 */
#include "harness.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char tmp[256];

#define RUN(res, ...)                                                   \
	do {                                                            \
		const char *run_args_[] = { __VA_ARGS__, NULL };        \
		cmd_run((res), run_args_, NULL, NULL);                  \
	} while (0)

static void assert_exit(const struct cmd_result *res, int status, const char *what)
{
	if (res->status != status) {
		fprintf(stderr, "%s\n--- stdout:\n%s--- stderr:\n%s\n", what, res->out, res->err);
		fail_msg("%s: exit status %d, expected %d", what, res->status, status);
	}
}

/* A fresh, initialised data directory TMP/name; path receives it. */
static void fresh_data(const char *name, char *path, size_t n)
{
	struct cmd_result res;
	snprintf(path, n, "%s/%s", tmp, name);
	RUN(&res, "init", "--data", path);
	assert_exit(&res, 0, "init");
	cmd_result_free(&res);
}

static void write_file(const char *name, const char *content, size_t len, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", tmp, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(content, 1, len, f), len);
	fclose(f);
}

/* The export of dir (stdout); caller frees. */
static char *export_of(const char *dir)
{
	struct cmd_result res;
	RUN(&res, "export", "candidates", "--data", dir);
	assert_exit(&res, 0, "export");
	char *out = strdup(res.out);
	cmd_result_free(&res);
	return out;
}

/* Data rows of an export (lines after the header). */
static int export_rows(const char *csv)
{
	int n = -1;
	for (const char *p = csv; (p = strstr(p, "\r\n")) != NULL; p += 2)
		n++;
	return n < 0 ? 0 : n;
}

static int group_setup(void **state)
{
	(void)state;
	make_temp_dir(tmp, sizeof tmp);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	remove_tree(tmp);
	return 0;
}

static const char GOOD_CSV[] =
	"\xEF\xBB\xBF"
	"Vorname;Nachname;E-Mail;Telefon;Kündigungsfrist;Gehaltsvorstellung;Firma;Schlagworte;Lieblingsfarbe\r\n"
	"Jürgen;Müller;juergen@example.de;+49 30 1234567;4;85.000;\"Groß & Söhne; GmbH\";\"KAM, SaaS\";blau\r\n"
	"Zoë;Weiß;zoe@example.de;;;;\"Die \"\"beste\"\" Firma\nzweite Zeile\";;\r\n"
	"Anna;Öztürk;;0171 9876543;12;1 250 000;;;grün\r\n";

/* ---- tests ------------------------------------------------------------------------- */

static void good_file_imports_and_round_trips(void **state)
{
	(void)state;
	char d1[300], d2[300], file[300], back[300];
	struct cmd_result res;

	fresh_data("rt1", d1, sizeof d1);
	write_file("good.csv", GOOD_CSV, sizeof GOOD_CSV - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d1);
	assert_exit(&res, 0, "import good.csv"); /* R-CAND-4 */
	assert_contains(res.out, "Imported 3 candidates (0 skipped as duplicates)."); /* R-CAND-4 */
	assert_contains(res.err, "Lieblingsfarbe"); /* R-CAND-4: unknown column reported as ignored */
	assert_contains(res.err, "ignored");
	cmd_result_free(&res);

	char *e1 = export_of(d1);
	/* R-CAND-4: canonical header, CRLF, no BOM, umlauts, quoting */
	assert_true(strncmp(e1, "first_name,last_name,email,phone,", 33) == 0);
	assert_contains(e1, "Jürgen,Müller,juergen@example.de,+49 30 1234567");
	assert_contains(e1, ",4,85000,");
	assert_contains(e1, ",12,1250000,");
	assert_contains(e1, "\"Die \"\"beste\"\" Firma\nzweite Zeile\"");
	assert_contains(e1, ",Groß & Söhne; GmbH,"); /* ';' needs no quotes with ',' */
	assert_contains(e1, "\"KAM, SaaS\"");
	assert_int_equal(export_rows(e1), 3); /* R-CAND-4: the embedded newline is LF, records end in CRLF */

	fresh_data("rt2", d2, sizeof d2);
	write_file("export.csv", e1, strlen(e1), back, sizeof back);
	RUN(&res, "import", "candidates", back, "--data", d2);
	assert_exit(&res, 0, "import export.csv"); /* R-CAND-4 */
	assert_contains(res.out, "Imported 3 candidates");
	cmd_result_free(&res);
	char *e2 = export_of(d2);
	assert_string_equal(e1, e2); /* R-CAND-4: round trip unchanged */
	free(e1);
	free(e2);
}

static void broken_rows_import_nothing(void **state)
{
	(void)state;
	char d[300], file[300];
	struct cmd_result res;
	static const char csv[] = "name,email\n"
				  "Anna Alt,anna@example.de\n"
				  "Bernd Bau,kein-email\n"
				  "Clara Cis,clara@example.de,zu viel\n"
				  "Dora Dach,dora@example.de\n";

	fresh_data("broken", d, sizeof d);
	write_file("broken.csv", csv, sizeof csv - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d);
	assert_exit(&res, 1, "import broken.csv"); /* R-CAND-4 */
	assert_contains(res.err, "broken.csv:3: email:"); /* R-CAND-4: line numbers */
	assert_contains(res.err, "broken.csv:4:");         /* R-CAND-4: wrong field count */
	assert_contains(res.err, "nothing was imported");
	cmd_result_free(&res);
	char *e = export_of(d);
	assert_int_equal(export_rows(e), 0); /* R-CAND-4: nothing half-imported */
	free(e);

	/* a header without a name column */
	static const char noname[] = "email,phone\na@example.de,\n";
	write_file("noname.csv", noname, sizeof noname - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d);
	assert_exit(&res, 1, "import noname.csv"); /* R-CAND-4 */
	assert_contains(res.err, "name column");
	cmd_result_free(&res);
}

static void dry_run_changes_nothing(void **state)
{
	(void)state;
	char d[300], file[300];
	struct cmd_result res;

	fresh_data("dry", d, sizeof d);
	write_file("dry.csv", GOOD_CSV, sizeof GOOD_CSV - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d, "--dry-run");
	assert_exit(&res, 0, "import --dry-run"); /* R-CAND-4 */
	assert_contains(res.out, "Dry run: 3 candidates would be imported");
	assert_contains(res.out, "Jürgen Müller");
	cmd_result_free(&res);
	char *e = export_of(d);
	assert_int_equal(export_rows(e), 0); /* R-CAND-4: dry run writes nothing */
	free(e);
}

static void duplicates_are_skipped(void **state)
{
	(void)state;
	char d[300], file[300];
	struct cmd_result res;
	static const char first[] = "name,email,phone\nAnna Müller,anna@example.de,\n";
	static const char second[] = "name,email,phone\n"
				     "\"Mueller, Anna\",ANNA@example.de,\n"          /* same email as stored */
				     "Bert Neu,bert@example.de,+49 171 1111111\n"
				     "Bert Neu,bert.neu@example.de,0171 1111111\n" /* same phone as line 3 */
				     "Carla Clean,carla@example.de,\n";

	fresh_data("dup", d, sizeof d);
	write_file("dup1.csv", first, sizeof first - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d);
	assert_exit(&res, 0, "import dup1.csv");
	cmd_result_free(&res);

	write_file("dup2.csv", second, sizeof second - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d);
	assert_exit(&res, 0, "import dup2.csv"); /* R-CAND-5 */
	assert_contains(res.err, "dup2.csv:2: warning:"); /* R-CAND-5: duplicate of a stored candidate */
	assert_contains(res.err, "dup2.csv:4: warning:"); /* R-CAND-5: duplicate within the file */
	assert_contains(res.err, "line 3");
	assert_contains(res.out, "Imported 2 candidates (2 skipped as duplicates)."); /* R-CAND-5 */
	cmd_result_free(&res);
	char *e = export_of(d);
	assert_int_equal(export_rows(e), 3);
	free(e);
}

static void unknown_position_is_refused(void **state)
{
	(void)state;
	char d[300], file[300];
	struct cmd_result res;
	static const char csv[] = "name\nEva Ende\n";

	fresh_data("pos", d, sizeof d);
	write_file("pos.csv", csv, sizeof csv - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d, "--position", "4711");
	assert_exit(&res, 1, "import --position 4711"); /* R-CAND-4 */
	assert_contains(res.err, "no position 4711");
	cmd_result_free(&res);
	RUN(&res, "export", "candidates", "--data", d, "--position", "4711");
	assert_exit(&res, 1, "export --position 4711"); /* R-CAND-4 */
	assert_contains(res.err, "no position 4711");
	cmd_result_free(&res);
	RUN(&res, "import", "candidates", file, "--data", d, "--position", "abc");
	assert_exit(&res, 2, "import --position abc"); /* R-X-6 */
	cmd_result_free(&res);
	char *e = export_of(d);
	assert_int_equal(export_rows(e), 0);
	free(e);
}

static void binary_and_non_utf8_files_are_refused(void **state)
{
	(void)state;
	char d[300], file[300];
	struct cmd_result res;
	static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0\x01\0\0\0";
	static const char latin1[] = "Vorname,Nachname\nJ\xfcrgen,M\xfcller\n";

	fresh_data("bin", d, sizeof d);
	write_file("program.csv", elf, sizeof elf - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d);
	assert_exit(&res, 1, "import program.csv"); /* R-CAND-4 */
	assert_contains(res.err, "does not look like a CSV text file");
	cmd_result_free(&res);

	write_file("latin1.csv", latin1, sizeof latin1 - 1, file, sizeof file);
	RUN(&res, "import", "candidates", file, "--data", d);
	assert_exit(&res, 1, "import latin1.csv"); /* R-CAND-4 */
	assert_contains(res.err, "latin1.csv:2:");
	assert_contains(res.err, "UTF-8");
	cmd_result_free(&res);

	RUN(&res, "import", "candidates", "/nonexistent/file.csv", "--data", d);
	assert_exit(&res, 1, "import missing file");
	assert_contains(res.err, "/nonexistent/file.csv");
	cmd_result_free(&res);

	char *e = export_of(d);
	assert_int_equal(export_rows(e), 0);
	free(e);
}

static void help_and_usage(void **state)
{
	(void)state;
	struct cmd_result res;
	RUN(&res, "import", "--help");
	assert_exit(&res, 0, "import --help"); /* R-X-6 */
	assert_contains(res.out, "Example");
	cmd_result_free(&res);
	RUN(&res, "export", "--help");
	assert_exit(&res, 0, "export --help"); /* R-X-6 */
	assert_contains(res.out, "Example");
	cmd_result_free(&res);
	RUN(&res, "import", "positions", "x.csv");
	assert_exit(&res, 2, "import positions"); /* R-X-6 */
	cmd_result_free(&res);
	RUN(&res, "import", "candidates");
	assert_exit(&res, 2, "import candidates without FILE"); /* R-X-6 */
	cmd_result_free(&res);
	RUN(&res, "export", "candidates", "--dry-run");
	assert_exit(&res, 2, "export --dry-run"); /* R-X-6 */
	cmd_result_free(&res);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_ALL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_file_imports_and_round_trips),
		cmocka_unit_test(broken_rows_import_nothing),
		cmocka_unit_test(dry_run_changes_nothing),
		cmocka_unit_test(duplicates_are_skipped),
		cmocka_unit_test(unknown_position_is_refused),
		cmocka_unit_test(binary_and_non_utf8_files_are_refused),
		cmocka_unit_test(help_and_usage),
	};
	int failed = cmocka_run_group_tests_name("web/import_export", tests, group_setup, group_teardown);
	curl_global_cleanup();
	return failed;
}
