/*
 * emit.h: the PDF emitter's entry point (emit_hpdf.c).  It writes pages
 * of positioned items as they are; every typographic decision was made by
 * layout.  libharu's headers are included by the emitter's files alone:
 * emit_hpdf.c (pages, text, images, links, outline, print keys),
 * emit_font.c and emit_font.h (font objects), tags.c and tags.h (the
 * tagged PDF's structure) and squeeze.c (compressed streams); the rest of src/backend/pdf/ (pdf.c, print.c, pixels.c,
 * xmp.c) and everything outside it never see them.
 */
#ifndef FOLIO_BACKEND_PDF_EMIT_H
#define FOLIO_BACKEND_PDF_EMIT_H

#include <stdint.h>

#include "backend/pdf/print.h"
#include "folio/diag.h"
#include "layout/fonts.h"
#include "layout/pages.h"

/* Writes res to path; messages name shown (the output the user asked
 * for; NULL: path).  source_date: seconds since 1970 for the document
 * dates, or -1 for a fixed date (output never depends on the clock).
 * print: the print-shop settings, NULL for none (the screen PDF).
 * Returns 0, or -1 after reporting. */
int pdf_emit(const lay_result *res, lay_fonts *fonts, const char *path,
	     const char *shown, int64_t source_date, const pdf_print *print, folio_diag *diag);

#endif
