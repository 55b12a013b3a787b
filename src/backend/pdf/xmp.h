/*
 * xmp.h: the XMP metadata packet of a PDF/A file, written here rather than
 * by libharu (whose packet is not XML-escaped).  Every value is the one
 * the Info dictionary holds, so a validator finds them equal.
 */
#ifndef FOLIO_BACKEND_PDF_XMP_H
#define FOLIO_BACKEND_PDF_XMP_H

typedef struct xmp_info {
	const char *title, *author, *subject, *keywords; /* UTF-8 or NULL */
	const char *creator_tool, *producer;
	const char *date;        /* ISO 8601: 2026-01-01T00:00:00+00:00 */
	int pdfa_part;           /* 1 or 2; 0: no PDF/A identification */
	const char *pdfa_conformance; /* "A", "B" */
	int pdfua_part;          /* 1: claims PDF/UA-1 (ISO 14289-1) */
} xmp_info;

/* The packet, UTF-8, with its xpacket wrapper; the caller frees it. */
char *xmp_packet(const xmp_info *x);

#endif
