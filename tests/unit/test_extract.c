/*
 * test_extract.c — content sniffing and sandboxed text extraction of CVs
 * (src/util/sniff.c, src/util/extract.c). R-CAND-1 (documents on a candidate)
 * and R-X-6 (hostile uploads cannot harm the server).
 *
 * Every input is generated at run time: PDFs are written by hand with a
 * correct xref table, DOCX files are built with libzip in a temporary file.
 * The CPU-limit and wall-clock paths use the test hooks of struct
 * extract_limits (the child spins or sleeps before parsing), because a PDF
 * that reliably burns seconds of CPU is hard to craft and slow to run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "util/buf.h"
#include "util/extract.h"
#include "util/sniff.h"

#if defined(__SANITIZE_ADDRESS__)
#define TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_UNDER_ASAN 1
#endif
#endif

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

struct blob {
	unsigned char *data;
	size_t len;
};

static void blob_free(struct blob *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A valid PDF with one page per entry of TEXTS, each shown in Helvetica. */
static struct blob make_pdf(const char *const *texts, int pages)
{
	struct buf b = BUF_INIT;
	int objects = 3 + 2 * pages; /* catalog, pages, font, then page + contents per page */
	size_t *offsets = calloc((size_t)objects + 1, sizeof *offsets);
	assert_non_null(offsets);
	buf_puts(&b, "%PDF-1.4\n");
	offsets[1] = b.len;
	buf_puts(&b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	offsets[2] = b.len;
	buf_puts(&b, "2 0 obj\n<< /Type /Pages /Kids [");
	for (int i = 0; i < pages; i++)
		buf_printf(&b, "%d 0 R ", 4 + 2 * i);
	buf_printf(&b, "] /Count %d >>\nendobj\n", pages);
	offsets[3] = b.len;
	buf_puts(&b, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
	for (int i = 0; i < pages; i++) {
		int page = 4 + 2 * i, contents = page + 1;
		offsets[page] = b.len;
		buf_printf(&b,
			   "%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
			   "/Resources << /Font << /F1 3 0 R >> >> >>\nendobj\n",
			   page, contents);
		struct buf stream = BUF_INIT;
		buf_printf(&stream, "BT /F1 12 Tf 72 720 Td (%s) Tj ET", texts[i]);
		offsets[contents] = b.len;
		buf_printf(&b, "%d 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", contents, stream.len,
			   stream.data);
		buf_free(&stream);
	}
	size_t xref = b.len;
	buf_printf(&b, "xref\n0 %d\n0000000000 65535 f \n", objects + 1);
	for (int i = 1; i <= objects; i++)
		buf_printf(&b, "%010zu 00000 n \n", offsets[i]);
	buf_printf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", objects + 1, xref);
	free(offsets);
	struct blob out = { (unsigned char *)b.data, b.len };
	return out;
}

static struct blob pdf_with_text(const char *text)
{
	const char *texts[] = { text };
	return make_pdf(texts, 1);
}

static struct blob read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	struct blob out = { (unsigned char *)b.data, b.len };
	return out;
}

/* A ZIP archive with the COUNT entries NAMES[i] = DATA[i] (LENS[i] bytes). */
static struct blob make_zip(const char *const *names, const void *const *data, const size_t *lens, int count)
{
	char path[] = "/tmp/stellwerk-test-zip-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int zerr = 0;
	zip_t *za = zip_open(path, ZIP_TRUNCATE, &zerr);
	assert_non_null(za);
	for (int i = 0; i < count; i++) {
		zip_source_t *src = zip_source_buffer(za, data[i], lens[i], 0);
		assert_non_null(src);
		assert_true(zip_file_add(za, names[i], src, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
	struct blob out = read_file(path);
	unlink(path);
	return out;
}

/* A DOCX whose word/document.xml is XML (a NUL-terminated string). */
static struct blob make_docx(const char *xml)
{
	static const char content_types[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
		"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
		"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
	const char *names[] = { "[Content_Types].xml", "word/document.xml" };
	const void *data[] = { content_types, xml };
	size_t lens[] = { strlen(content_types), strlen(xml) };
	return make_zip(names, data, lens, 2);
}

static struct blob docx_with_paragraphs(const char *const *paras, int n)
{
	struct buf xml = BUF_INIT;
	buf_puts(&xml, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
		       "<w:document xmlns:w=\"" W_NS "\"><w:body>");
	for (int i = 0; i < n; i++)
		buf_printf(&xml, "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", paras[i]);
	buf_puts(&xml, "</w:body></w:document>");
	struct blob out = make_docx(xml.data);
	buf_free(&xml);
	return out;
}

/* A DOCX whose word/document.xml is 200 MB of zeros, deflated to a few hundred KB. */
static struct blob make_zip_bomb(void)
{
	size_t big = (size_t)200 << 20;
	char *zeros = calloc(big, 1);
	assert_non_null(zeros);
	const char *names[] = { "word/document.xml" };
	const void *data[] = { zeros };
	size_t lens[] = { big };
	struct blob out = make_zip(names, data, lens, 1);
	free(zeros);
	return out;
}

static uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void put_le32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static enum extract_result run_extract(const struct blob *b, const struct extract_limits *lim, char **text)
{
	char err[256];
	enum extract_result r = extract_text(b->data, b->len, lim, text, err, sizeof err);
	if (getenv("EXTRACT_TEST_VERBOSE")) /* shows each outcome and reason when debugging */
		print_message("%s: %s\n", extract_result_name(r), err);
	if (r != EXTRACT_OK)
		assert_true(err[0] != '\0'); /* every failure says why */
	return r;
}

/* ---- sniffing -------------------------------------------------------------- */

/* R-CAND-1 */
static void test_sniff_by_content(void **state)
{
	(void)state;
	struct blob pdf = pdf_with_text("Vertriebserfolge Hamburg");
	assert_int_equal(doc_sniff(pdf.data, pdf.len), DOC_PDF);
	const char *paras[] = { "Key Account Management" };
	struct blob docx = docx_with_paragraphs(paras, 1);
	assert_int_equal(doc_sniff(docx.data, docx.len), DOC_DOCX);
	assert_string_equal(doc_type_mime(DOC_PDF), "application/pdf");

	/* Junk before the marker is tolerated within the first KB, not later. */
	unsigned char late[2048];
	memset(late, ' ', sizeof late);
	memcpy(late + 1500, "%PDF-1.4", 8);
	assert_int_equal(doc_sniff(late, sizeof late), DOC_UNKNOWN);
	memcpy(late + 100, "%PDF-1.4", 8);
	assert_int_equal(doc_sniff(late, sizeof late), DOC_PDF);

	assert_int_equal(doc_sniff(NULL, 0), DOC_UNKNOWN);
	assert_int_equal(doc_sniff((const unsigned char *)"PK\x03\x04", 4), DOC_UNKNOWN);
	blob_free(&pdf);
	blob_free(&docx);
}

/* R-X-6 */
static void test_sniff_rejects_renamed_and_foreign_files(void **state)
{
	(void)state;
	struct blob elf = read_file("/proc/self/exe");
	assert_true(elf.len > 4 && memcmp(elf.data, "\x7f" "ELF", 4) == 0);
	assert_int_equal(doc_sniff(elf.data, elf.len), DOC_UNKNOWN);
	char *text = NULL;
	assert_int_equal(run_extract(&elf, NULL, &text), EXTRACT_UNSUPPORTED);
	assert_null(text);

	static const unsigned char mz[] = "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff\0\0This program cannot be run in DOS mode";
	assert_int_equal(doc_sniff(mz, sizeof mz), DOC_UNKNOWN);

	/* An ODT (content.xml) and a plain ZIP are ZIPs, but not DOCX. */
	static const char odt_mime[] = "application/vnd.oasis.opendocument.text";
	static const char odt_content[] = "<office:document-content/>";
	const char *odt_names[] = { "mimetype", "content.xml" };
	const void *odt_data[] = { odt_mime, odt_content };
	size_t odt_lens[] = { strlen(odt_mime), strlen(odt_content) };
	struct blob odt = make_zip(odt_names, odt_data, odt_lens, 2);
	assert_int_equal(doc_sniff(odt.data, odt.len), DOC_UNKNOWN);
	const char *zip_names[] = { "notes/word/document.xml.txt" };
	const void *zip_data[] = { "hello" };
	size_t zip_lens[] = { 5 };
	struct blob plain = make_zip(zip_names, zip_data, zip_lens, 1);
	assert_int_equal(doc_sniff(plain.data, plain.len), DOC_UNKNOWN);

	/* A DOCX cut short loses its central directory and with it the type. */
	const char *paras[] = { "Key Account Management" };
	struct blob docx = docx_with_paragraphs(paras, 1);
	for (size_t cut = 0; cut < docx.len; cut += 7)
		assert_int_equal(doc_sniff(docx.data, cut), DOC_UNKNOWN);
	blob_free(&elf);
	blob_free(&odt);
	blob_free(&plain);
	blob_free(&docx);
}

/* ---- extraction of good documents ------------------------------------------ */

/* R-CAND-1 */
static void test_extract_pdf_text(void **state)
{
	(void)state;
	const char *texts[] = { "Vertriebserfolge Hamburg", "Key Account Manager seit 2015" };
	struct blob pdf = make_pdf(texts, 2);
	char *text = NULL;
	assert_int_equal(run_extract(&pdf, NULL, &text), EXTRACT_OK);
	assert_non_null(text);
	assert_non_null(strstr(text, "Vertriebserfolge Hamburg"));
	assert_non_null(strstr(text, "Key Account Manager seit 2015"));
	free(text);
	blob_free(&pdf);
}

/* R-CAND-1 */
static void test_extract_docx_text(void **state)
{
	(void)state;
	const char *paras[] = { "Key Account Management", "Gr\xc3\xb6\xc3\x9f" "te Kunden: Edeka &amp; Rewe" };
	struct blob docx = docx_with_paragraphs(paras, 2);
	char *text = NULL;
	assert_int_equal(run_extract(&docx, NULL, &text), EXTRACT_OK);
	assert_string_equal(text, "Key Account Management\nGr\xc3\xb6\xc3\x9f" "te Kunden: Edeka & Rewe\n");
	free(text);
	blob_free(&docx);
}

/* ---- hostile and broken documents ------------------------------------------ */

/* R-X-6 */
static void test_truncated_pdf_fails_cleanly(void **state)
{
	(void)state;
	struct blob pdf = pdf_with_text("Vertriebserfolge Hamburg");
	/* Cut in the header, in the page tree, in the content stream, before the trailer. */
	size_t cuts[] = { 9, 120, pdf.len / 2, pdf.len - 40 };
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		struct blob cut = { pdf.data, cuts[i] };
		char *text = NULL;
		assert_int_equal(run_extract(&cut, NULL, &text), EXTRACT_FAILED);
		assert_null(text);
	}
	blob_free(&pdf);
}

/* R-X-6 */
static void test_docx_zip_bomb(void **state)
{
	(void)state;
	struct blob bomb = make_zip_bomb();
	assert_true(bomb.len < (size_t)2 << 20);
	assert_int_equal(doc_sniff(bomb.data, bomb.len), DOC_DOCX);
	char *text = NULL;
	double start = now_seconds();
	assert_int_equal(run_extract(&bomb, NULL, &text), EXTRACT_TOO_BIG);
	assert_null(text);

	/* The same bomb lying about its size in both headers: inflating stops at 50 MB. */
	for (size_t pos = 0; pos + 46 < bomb.len; pos++) {
		if (memcmp(bomb.data + pos, "PK\x01\x02", 4) != 0)
			continue;
		put_le32(bomb.data + pos + 24, 1000);
		put_le32(bomb.data + get_le32(bomb.data + pos + 42) + 22, 1000);
	}
	assert_int_equal(run_extract(&bomb, NULL, &text), EXTRACT_TOO_BIG);
	assert_null(text);
	assert_true(now_seconds() - start < 8.0);
	blob_free(&bomb);
}

/* R-X-6 */
static void test_docx_billion_laughs_is_not_expanded(void **state)
{
	(void)state;
	struct buf xml = BUF_INIT;
	buf_puts(&xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n");
	buf_puts(&xml, "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
	for (int i = 2; i <= 9; i++) {
		buf_printf(&xml, "<!ENTITY lol%d \"", i);
		for (int j = 0; j < 10; j++)
			buf_printf(&xml, "&lol%d;", i - 1);
		buf_puts(&xml, "\">\n");
	}
	buf_puts(&xml, "]>\n<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
		       "</w:body></w:document>");
	struct blob docx = make_docx(xml.data);
	buf_free(&xml);
	char *text = NULL;
	double start = now_seconds();
	enum extract_result r = run_extract(&docx, NULL, &text);
	assert_true(now_seconds() - start < 5.0);
	if (r == EXTRACT_OK)
		assert_true(strlen(text) < 1000);
	else
		assert_int_equal(r, EXTRACT_FAILED);
	free(text);
	blob_free(&docx);

	/* Word never writes a DTD: even a harmless one is refused. */
	docx = make_docx("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY firma \"Edeka\">]>"
			 "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>&firma;</w:t></w:r></w:p>"
			 "</w:body></w:document>");
	assert_int_equal(run_extract(&docx, NULL, &text), EXTRACT_FAILED);
	assert_null(text);
	blob_free(&docx);
}

/* R-X-6 */
static void test_text_limit(void **state)
{
	(void)state;
	struct extract_limits lim = EXTRACT_LIMITS_DEFAULT;
	lim.max_text_bytes = 100;
	const char *paras[] = { "Key Account Management bei einem Hamburger Lebensmittelhersteller",
				"Verantwortung f\xc3\xbcr 12 nationale Handelsketten und 40 Mio. EUR Umsatz" };
	struct blob docx = docx_with_paragraphs(paras, 2);
	char *text = NULL;
	assert_int_equal(run_extract(&docx, &lim, &text), EXTRACT_TOO_BIG);
	assert_null(text);
	lim.max_text_bytes = 1000;
	assert_int_equal(run_extract(&docx, &lim, &text), EXTRACT_OK);
	free(text);
	blob_free(&docx);

	lim.max_text_bytes = 10;
	struct blob pdf = pdf_with_text("Vertriebserfolge Hamburg");
	assert_int_equal(run_extract(&pdf, &lim, &text), EXTRACT_TOO_BIG);
	assert_null(text);
	blob_free(&pdf);
}

/* R-X-6: the child spins (test hook) and is stopped by RLIMIT_CPU. */
static void test_cpu_limit(void **state)
{
	(void)state;
	struct extract_limits lim = EXTRACT_LIMITS_DEFAULT;
	lim.cpu_seconds = 1;
	lim.wall_seconds = 10;
	lim.test_hook = EXTRACT_HOOK_SPIN;
	struct blob pdf = pdf_with_text("Vertriebserfolge Hamburg");
	char *text = NULL;
	char err[256];
	double start = now_seconds();
	assert_int_equal(extract_text(pdf.data, pdf.len, &lim, &text, err, sizeof err), EXTRACT_TIMEOUT);
	assert_non_null(strstr(err, "CPU"));
	assert_true(now_seconds() - start < 5.0);
	assert_null(text);
	blob_free(&pdf);
}

/* R-X-6: the child sleeps (test hook) and is killed at the wall-clock deadline. */
static void test_wall_clock_limit(void **state)
{
	(void)state;
	struct extract_limits lim = EXTRACT_LIMITS_DEFAULT;
	lim.wall_seconds = 1;
	lim.test_hook = EXTRACT_HOOK_SLEEP;
	struct blob pdf = pdf_with_text("Vertriebserfolge Hamburg");
	char *text = NULL;
	double start = now_seconds();
	assert_int_equal(run_extract(&pdf, &lim, &text), EXTRACT_TIMEOUT);
	double took = now_seconds() - start;
	assert_true(took >= 0.9 && took < 3.0);
	assert_null(text);
	blob_free(&pdf);
}

/* R-X-6: a child starved of memory fails; the server process carries on. */
static void test_memory_limit(void **state)
{
	(void)state;
#ifdef TEST_UNDER_ASAN
	skip(); /* RLIMIT_AS is not applied under ASan (its shadow memory needs terabytes of address space) */
#else
	/* 30 MB of text in one w:t: reading and parsing it needs far more than 8 MB. */
	struct buf xml = BUF_INIT;
	buf_puts(&xml, "<w:document xmlns:w=\"" W_NS "\"><w:body><w:p><w:r><w:t>");
	size_t start = xml.len, big = (size_t)30 << 20;
	buf_reserve(&xml, big + 100);
	memset(xml.data + start, 'x', big);
	xml.len += big;
	buf_puts(&xml, "</w:t></w:r></w:p></w:body></w:document>");
	struct blob docx = make_docx(xml.data);
	buf_free(&xml);
	struct extract_limits lim = EXTRACT_LIMITS_DEFAULT;
	char *text = NULL;
	assert_int_equal(run_extract(&docx, &lim, &text), EXTRACT_TOO_BIG); /* enough memory: the text is too long */
	lim.memory_bytes = (size_t)8 << 20;
	assert_int_equal(run_extract(&docx, &lim, &text), EXTRACT_FAILED);
	assert_null(text);
	blob_free(&docx);
#endif
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_by_content),
		cmocka_unit_test(test_sniff_rejects_renamed_and_foreign_files),
		cmocka_unit_test(test_extract_pdf_text),
		cmocka_unit_test(test_extract_docx_text),
		cmocka_unit_test(test_truncated_pdf_fails_cleanly),
		cmocka_unit_test(test_docx_zip_bomb),
		cmocka_unit_test(test_docx_billion_laughs_is_not_expanded),
		cmocka_unit_test(test_text_limit),
		cmocka_unit_test(test_cpu_limit),
		cmocka_unit_test(test_wall_clock_limit),
		cmocka_unit_test(test_memory_limit),
	};
	return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}
