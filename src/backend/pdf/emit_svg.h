/*
 * emit_svg.h: an SVG figure in the PDF as vectors.  src/media has cairo
 * draw the checked SVG into a one-page PDF in memory; libqpdf reads that
 * page back, and its content stream and resources (paths, gradients,
 * cairo's embedded font subsets, images) are copied object by object
 * through libharu's object API into a Form XObject of folio's PDF, which
 * the page draws with `cm` and `Do` at the figure's box.  Why this way:
 * doc/design.md ("SVG figures").
 */
#ifndef FOLIO_BACKEND_PDF_EMIT_SVG_H
#define FOLIO_BACKEND_PDF_EMIT_SVG_H

#include "backend/pdf/squeeze.h"
#include "folio/diag.h"

#include <hpdf.h>

typedef struct pdf_svgs pdf_svgs;

pdf_svgs *pdf_svgs_new(HPDF_Doc pdf, pdf_squeeze *squeeze, folio_diag *diag);
void pdf_svgs_free(pdf_svgs *s);

/* The Form XObject of the SVG at path, made once per path; its box is
 * (0, 0, 1, 1), so `w 0 0 h x y cm` places it.  name is the fileref for
 * messages, loc the imagedata.  NULL after reporting an error. */
HPDF_Dict pdf_svg_form(pdf_svgs *s, const char *path, const char *name,
		       folio_loc loc);

/* 1 when the file at path is an SVG (read once per path). */
int pdf_svg_is(pdf_svgs *s, const char *path);

/* Draws the SVG's form into the box (x, y, w, h) of the page, in PDF
 * points, y up.  Returns 0, or -1 after reporting. */
int pdf_svg_draw(pdf_svgs *s, HPDF_Page page, const char *path, const char *name,
		 folio_loc loc, double x, double y, double w, double h);

/* The SVG as pixels at 300 dpi for a box of w x h points, in ncomp
 * colour components (1 grey, 3 RGB, 4 CMYK), alpha flattened onto white:
 * for the print modes whose colour or standard its vectors do not meet
 * (a warning says so once per file).  NULL after reporting. */
HPDF_Image pdf_svg_pixels(pdf_svgs *s, const char *path, const char *name,
			  folio_loc loc, double w, double h, int ncomp);

#endif
