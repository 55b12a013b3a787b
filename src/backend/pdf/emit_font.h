/*
 * emit_font.h: the PDF font objects folio writes itself, beside libharu.
 *
 * libharu 2.3.0's TrueType fonts cost most of a small build: it fills a
 * 65,536-entry CIDToGIDMap per font with a linear cmap search for each
 * entry, copies whole hmtx, loca and cmap tables into every subset, and
 * writes a ToUnicode CMap poppler rejects.  folio makes each font's
 * objects with libharu's object API instead: a Type 0 font whose codes
 * are the characters' own values in the BMP and codes of the surrogate
 * range for the characters beyond it, a CIDFontType2 with a CIDToGIDMap
 * over the codes used, widths for them alone, and a program cut down by
 * HarfBuzz.
 */
#ifndef FOLIO_PDF_EMIT_FONT_H
#define FOLIO_PDF_EMIT_FONT_H

#include "folio/diag.h"
#include "backend/pdf/squeeze.h"
#include "layout/fonts.h"

#include <hpdf.h>

typedef struct pdf_fonts pdf_fonts;

/* Streams are compressed with squeeze, which the caller owns. */
pdf_fonts *pdf_fonts_new(HPDF_Doc pdf, lay_fonts *fonts, folio_diag *diag,
			 pdf_squeeze *squeeze);
void pdf_fonts_free(pdf_fonts *pf);

/* The Type 0 font dictionary of a face (an indirect object pages can
 * name), made on first use.  Its contents come in pdf_fonts_finish.
 * NULL after a FOLIO_FATAL. */
HPDF_Dict pdf_fonts_dict(pdf_fonts *pf, int face);

/* Records that face shows cp; returns the two-byte code to show it with
 * and sets *width to its width in 1/1000 em (where the reader's pen goes
 * after it). */
unsigned pdf_fonts_code(pdf_fonts *pf, int face, uint32_t cp, int *width);

/* Writes each used font's program, descriptor, widths, CIDToGIDMap and
 * ToUnicode CMap; with cidset, the CIDSet PDF/A-1 asks for.  The subset
 * tag is derived from the codes used, so it is the same from build to
 * build.  Returns -1 after a FOLIO_FATAL. */
int pdf_fonts_finish(pdf_fonts *pf, int cidset);

#endif
