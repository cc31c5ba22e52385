/*
 * test_store_documents.c — uploaded documents of candidates (store/documents.h)
 * against a real database and data directory in a fresh temporary directory
 * per test: the file on disk, its row, the timeline event, the audit row,
 * name sanitising, extraction outcomes reaching the search, and that a failed
 * upload leaves no file behind.
 *
 * Spec references: R-CAND-1 (documents on the candidate and the timeline),
 * R-CAND-3 (document text searchable), R-X-4 (audit log).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/applications.h"
#include "store/candidates.h"
#include "store/db.h"
#include "store/documents.h"
#include "store/store.h"
#include "util/sniff.h"

#include "store_fixture.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z */

static const unsigned char PDF[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

struct fixture {
	char dir[64];
	struct store *s;
	int64_t cand;
	int64_t other;
};

static int64_t add_candidate(struct store *s, const char *first, const char *last)
{
	struct candidate c;
	candidate_init(&c);
	strcpy(c.first_name, first);
	strcpy(c.last_name, last);
	strcpy(c.current_role, "Key Account Manager");
	assert_int_equal(store_candidate_create(s, &TEST_CLI, &c, NOW), STORE_OK);
	return c.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	f->s = temp_store_open(f->dir, "stellwerk-docs");
	f->cand = add_candidate(f->s, "Jonas", "Brüggemann");
	f->other = add_candidate(f->s, "Mira", "Lindqvist");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (f->s)
		assert_int_equal(f->s->open_statements, 0);
	temp_store_close(f->s, f->dir);
	free(f);
	return 0;
}

/* Number of entries (files, also temporary ones) in DIR/documents; 0 when
 * the directory does not exist. */
static int documents_in_dir(const struct fixture *f)
{
	char path[128];
	snprintf(path, sizeof path, "%s/documents", f->dir);
	DIR *d = opendir(path);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Ids of the hits for q as "id,id". */
static void search_q(struct fixture *f, const char *q, char *out, size_t n)
{
	struct candidate_filter flt = { .q = q };
	struct candidate_hit *hits = NULL;
	size_t nh = 0;
	out[0] = '\0';
	assert_int_equal(store_candidate_list(f->s, &flt, &hits, &nh), STORE_OK);
	for (size_t i = 0; i < nh; i++) {
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%lld", len ? "," : "", (long long)hits[i].c.id);
	}
	free(hits);
}

static void test_add_list_read_round_trip(void **state)
{
	struct fixture *f = *state;
	struct candidate_document d, got;
	/* R-CAND-1: the document is stored under a generated name */
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, sizeof PDF - 1, "Lebenslauf Jonas.pdf",
					    "application/pdf", NOW, &d),
			 STORE_OK);
	assert_true(d.id > 0);
	assert_int_equal(strlen(d.stored_name), 32 + 4);
	assert_string_equal(d.stored_name + 32, ".pdf");
	assert_null(strstr(d.stored_name, "Lebenslauf"));
	assert_string_equal(d.original_name, "Lebenslauf Jonas.pdf");
	assert_int_equal(d.size, (int64_t)(sizeof PDF - 1));
	assert_int_equal(strlen(d.sha256), 64);
	assert_int_equal(d.extract_status, DOC_EXTRACT_PENDING);

	/* the file exists, mode 0600, in documents/ (0700) */
	char path[256];
	struct stat sb;
	snprintf(path, sizeof path, "%s/documents/%s", f->dir, d.stored_name);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(sb.st_size, (off_t)(sizeof PDF - 1));
	snprintf(path, sizeof path, "%s/documents", f->dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(documents_in_dir(f), 1); /* no temporary file left */

	/* a DOCX gets its own extension; two documents, newest first */
	struct candidate_document d2;
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 10, "Zeugnis.docx",
					    doc_type_mime(DOC_DOCX), NOW + 60, &d2),
			 STORE_OK);
	assert_string_equal(d2.stored_name + 32, ".docx");
	assert_string_not_equal(d2.stored_name, d.stored_name);
	struct candidate_document *list = NULL;
	size_t n = 0;
	assert_int_equal(store_document_list(f->s, f->cand, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, d2.id);
	assert_int_equal(list[1].id, d.id);
	assert_string_equal(list[1].sha256, d.sha256);
	free(list);
	assert_int_equal(store_document_list(f->s, f->other, &list, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(list);

	assert_int_equal(store_document_get(f->s, d.id, &got), STORE_OK);
	assert_string_equal(got.stored_name, d.stored_name);
	assert_string_equal(got.mime, "application/pdf");
	assert_int_equal(got.created_at, NOW);
	unsigned char *data = NULL;
	size_t len = 0;
	assert_int_equal(store_document_read(f->s, &got, &data, &len), STORE_OK);
	assert_int_equal(len, sizeof PDF - 1);
	assert_memory_equal(data, PDF, len);
	free(data);
	assert_int_equal(store_document_get(f->s, 9999, &got), STORE_NOT_FOUND);

	/* R-CAND-1: a document event on the candidate's timeline, R-X-4 audited */
	struct application_event *ev = NULL;
	assert_int_equal(store_application_events(f->s, f->cand, 0, 0, &ev, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ev[1].kind, EVENT_DOCUMENT);
	assert_string_equal(ev[1].text, "Lebenslauf Jonas.pdf");
	assert_int_equal(ev[1].application_id, 0);
	free(ev);
	struct audit_entry e = last_audit(f->s);
	assert_string_equal(e.entity, "candidate");
	assert_string_equal(e.action, "add_document");
	assert_int_equal(e.entity_id, f->cand);
	assert_non_null(strstr(e.changes, "Zeugnis.docx"));

	/* a missing file reads as NOT_FOUND; a forged stored name never opens */
	snprintf(path, sizeof path, "%s/documents/%s", f->dir, d.stored_name);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(store_document_read(f->s, &got, &data, &len), STORE_NOT_FOUND);
	assert_null(data);
	strcpy(got.stored_name, "../stellwerk.db");
	assert_int_equal(store_document_read(f->s, &got, &data, &len), STORE_NOT_FOUND);
}

static void test_name_sanitising(void **state)
{
	struct fixture *f = *state;
	struct candidate_document d;
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "../../etc/pass\twd\\x.pdf",
					    "application/pdf", NOW, &d),
			 STORE_OK);
	assert_string_equal(d.original_name, ".._.._etc_pass_wd_x.pdf");
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "", "application/pdf", NOW, &d),
			 STORE_OK);
	assert_string_equal(d.original_name, "document");
	/* an unknown mime type gets no extension */
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "x", "text/plain", NOW, &d), STORE_OK);
	assert_int_equal(strlen(d.stored_name), 32);

	/* cut to DOCUMENT_NAME_MAX bytes at a character boundary: 199 'a' + "ü" (2 bytes) */
	char name[300];
	memset(name, 'a', 199);
	strcpy(name + 199, "üüü.pdf");
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, name, "application/pdf", NOW, &d),
			 STORE_OK);
	assert_int_equal(strlen(d.original_name), 199);
	struct candidate_document got;
	assert_int_equal(store_document_get(f->s, d.id, &got), STORE_OK);
	assert_string_equal(got.original_name, d.original_name);

	/* not UTF-8, or nothing to store: refused, nothing written */
	int before = documents_in_dir(f);
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "bad\xff.pdf", "application/pdf", NOW,
					    &d),
			 STORE_INVALID);
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 0, "empty.pdf", "application/pdf", NOW,
					    &d),
			 STORE_INVALID);
	assert_int_equal(documents_in_dir(f), before);
}

static void test_unknown_candidate_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct candidate_document d;
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_document_add(f->s, &TEST_CLI, 9999, PDF, sizeof PDF - 1, "cv.pdf", "application/pdf",
					    NOW, &d),
			 STORE_NOT_FOUND);
	assert_int_equal(documents_in_dir(f), 0);
	assert_int_equal(audit_count(f->s), audits);

	/* the row cannot be written after the file was: the file is removed
	 * again and nothing of the upload remains */
	assert_int_equal(db_exec_script(f->s, "test trigger",
					"CREATE TEMP TRIGGER refuse_documents BEFORE INSERT ON candidate_documents"
					" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"),
			 STORE_OK);
	assert_int_not_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "cv.pdf", "application/pdf", NOW,
						&d),
			     STORE_OK);
	assert_int_equal(documents_in_dir(f), 0);
	assert_int_equal(audit_count(f->s), audits);
	struct application_event *ev = NULL;
	size_t n = 0;
	assert_int_equal(store_application_events(f->s, f->cand, 0, 0, &ev, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(ev);
}

static void test_extract_makes_text_searchable(void **state)
{
	struct fixture *f = *state;
	struct candidate_document d1, d2, got;
	char hits[64];
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "cv.pdf", "application/pdf", NOW, &d1),
			 STORE_OK);
	assert_int_equal(store_document_add(f->s, &TEST_CLI, f->cand, PDF, 8, "z.pdf", "application/pdf", NOW + 1,
					    &d2),
			 STORE_OK);
	search_q(f, "Windkraftanlagen", hits, sizeof hits);
	assert_string_equal(hits, "");
	/* R-CAND-3: a word from the document finds the candidate */
	int64_t audits = audit_count(f->s);
	assert_int_equal(store_document_set_extract(f->s, d1.id, DOC_EXTRACT_OK,
						    "Vertrieb von Windkraftanlagen an Stadtwerke", NULL),
			 STORE_OK);
	assert_int_equal(audit_count(f->s), audits); /* derived data, no audit row */
	assert_int_equal(store_document_get(f->s, d1.id, &got), STORE_OK);
	assert_int_equal(got.extract_status, DOC_EXTRACT_OK);
	search_q(f, "Windkraftanlagen", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->cand);
	assert_null(strchr(hits, ','));

	/* the second document's text is added, the first one's stays */
	assert_int_equal(store_document_set_extract(f->s, d2.id, DOC_EXTRACT_OK, "Schaltschrankbau Hamburg", NULL),
			 STORE_OK);
	search_q(f, "Schaltschrankbau", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->cand);
	search_q(f, "Windkraftanlagen", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->cand);
	char *all = NULL;
	assert_int_equal(store_document_text_all(f->s, f->cand, &all), STORE_OK);
	assert_string_equal(all, "Vertrieb von Windkraftanlagen an Stadtwerke\nSchaltschrankbau Hamburg");
	free(all);

	/* a failed re-extraction keeps its error and drops the text from search */
	assert_int_equal(store_document_set_extract(f->s, d1.id, DOC_EXTRACT_FAILED, NULL,
						    "The PDF file is damaged or truncated."),
			 STORE_OK);
	assert_int_equal(store_document_get(f->s, d1.id, &got), STORE_OK);
	assert_int_equal(got.extract_status, DOC_EXTRACT_FAILED);
	assert_string_equal(got.extract_error, "The PDF file is damaged or truncated.");
	assert_string_equal(document_extract_status_code(got.extract_status), "failed");
	search_q(f, "Windkraftanlagen", hits, sizeof hits);
	assert_string_equal(hits, "");
	search_q(f, "Schaltschrankbau", hits, sizeof hits);
	assert_int_equal(atoll(hits), f->cand);

	assert_int_equal(store_document_set_extract(f->s, 9999, DOC_EXTRACT_OK, "x", NULL), STORE_NOT_FOUND);
	assert_int_equal(store_document_set_extract(f->s, d2.id, DOC_EXTRACT_OK, "bad \xc3", NULL), STORE_INVALID);
	search_q(f, "Schaltschrankbau", hits, sizeof hits); /* unchanged by the refused call */
	assert_int_equal(atoll(hits), f->cand);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_list_read_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_name_sanitising, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_candidate_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_extract_makes_text_searchable, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
