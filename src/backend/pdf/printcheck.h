/*
 * printcheck: with a print preset, the build warns about what the print
 * shop's preflight (folio preflight --preset, src/preflight) would reject
 * or warn about and the build itself can see, at the source of it:
 * an image placed under 300 dpi (each with its imagedata's file:line:col),
 * an RGB image converted for a grey or CMYK file (its colours change), a
 * page count that is not a multiple of 4 where a booklet needs one.
 */
#ifndef FOLIO_BACKEND_PDF_PRINTCHECK_H
#define FOLIO_BACKEND_PDF_PRINTCHECK_H

#include "backend/pdf/print.h"
#include "folio/diag.h"
#include "layout/pages.h"

/* The resolution preflight asks of a placed image (src/preflight). */
#define PRINT_MIN_DPI 300.0

/* Reports warnings into diag; nothing without a preset. */
void print_check(const lay_result *res, const pdf_print *p, folio_diag *diag);

#endif
