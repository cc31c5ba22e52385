/*
 * sniff.c — content-based type detection for PDF and DOCX uploads.
 *
 * PDF: the "%PDF-" marker within the first 1024 bytes (readers accept junk
 * before it, so we do too). DOCX: a ZIP archive that starts with a local file
 * header and whose central directory lists "word/document.xml". The central
 * directory is walked by hand with bounds checks on every field instead of
 * through libzip, so the server process never runs a decompressor or a
 * third-party parser on an upload; the real parsing happens in the sandboxed
 * child of extract.c. ZIP64 archives are not recognised (Word does not write
 * them for documents of CV size).
 */
#include "util/sniff.h"

#include <stdint.h>
#include <string.h>

#define PDF_MARKER_WINDOW 1024
#define ZIP_EOCD_SIZE 22
#define ZIP_CDH_SIZE 46
#define ZIP_MAX_COMMENT 0xffff

static uint16_t le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static int looks_like_pdf(const unsigned char *data, size_t len)
{
	size_t window = len < PDF_MARKER_WINDOW ? len : PDF_MARKER_WINDOW;
	return memmem(data, window, "%PDF-", 5) != NULL;
}

/* Offset of the end-of-central-directory record, or SIZE_MAX when absent. */
static size_t zip_find_eocd(const unsigned char *data, size_t len)
{
	if (len < ZIP_EOCD_SIZE)
		return SIZE_MAX;
	size_t lowest = len - ZIP_EOCD_SIZE > ZIP_MAX_COMMENT ? len - ZIP_EOCD_SIZE - ZIP_MAX_COMMENT : 0;
	for (size_t pos = len - ZIP_EOCD_SIZE + 1; pos-- > lowest;) {
		if (memcmp(data + pos, "PK\x05\x06", 4) == 0 &&
		    pos + ZIP_EOCD_SIZE + le16(data + pos + 20) == len)
			return pos;
	}
	return SIZE_MAX;
}

/* True when the ZIP's central directory names an entry NAME (exact match). */
static int zip_has_entry(const unsigned char *data, size_t len, const char *name)
{
	size_t eocd = zip_find_eocd(data, len);
	if (eocd == SIZE_MAX)
		return 0;
	size_t entries = le16(data + eocd + 10);
	size_t cd_size = le32(data + eocd + 12);
	size_t cd_offset = le32(data + eocd + 16);
	if (cd_offset > eocd || cd_size > eocd - cd_offset)
		return 0;
	size_t name_len = strlen(name);
	size_t pos = cd_offset, end = cd_offset + cd_size;
	for (size_t i = 0; i < entries; i++) {
		if (end - pos < ZIP_CDH_SIZE || memcmp(data + pos, "PK\x01\x02", 4) != 0)
			return 0;
		size_t n = le16(data + pos + 28);
		size_t extra = le16(data + pos + 30);
		size_t comment = le16(data + pos + 32);
		size_t record = ZIP_CDH_SIZE + n + extra + comment;
		if (record > end - pos)
			return 0;
		if (n == name_len && memcmp(data + pos + ZIP_CDH_SIZE, name, n) == 0)
			return 1;
		pos += record;
	}
	return 0;
}

enum doc_type doc_sniff(const unsigned char *data, size_t len)
{
	if (!data || len == 0)
		return DOC_UNKNOWN;
	if (looks_like_pdf(data, len))
		return DOC_PDF;
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0 && zip_has_entry(data, len, "word/document.xml"))
		return DOC_DOCX;
	return DOC_UNKNOWN;
}

const char *doc_type_mime(enum doc_type t)
{
	switch (t) {
	case DOC_PDF:
		return "application/pdf";
	case DOC_DOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	case DOC_UNKNOWN:
		break;
	}
	return "application/octet-stream";
}
