/*
 * sniff.h — tell uploaded documents apart by their content, not their name.
 *
 * Only the two document types stellwerk accepts are recognised: PDF and DOCX.
 * Everything else — executables, ODT, plain ZIP archives, text — is
 * DOC_UNKNOWN. Sniffing reads only headers and the ZIP central directory; it
 * never decompresses anything, so it is cheap and safe on hostile input.
 */
#ifndef STELLWERK_UTIL_SNIFF_H
#define STELLWERK_UTIL_SNIFF_H

#include <stddef.h>

enum doc_type { DOC_UNKNOWN, DOC_PDF, DOC_DOCX };

enum doc_type doc_sniff(const unsigned char *data, size_t len);
const char *doc_type_mime(enum doc_type t); /* static string; "application/octet-stream" for unknown */

#endif
