/*
 * print.h: the print-shop settings of a PDF (paper, bleed, marks, colour,
 * imposition, PDF/X and PDF/A) and the presets that bundle them, worked
 * out once from the command line's options.  No libharu here: the
 * emitter (emit_hpdf.c) reads the result, the tests read the pure
 * functions (impose_order).  Paper names are layout's (layout_paper_size):
 * the page size reaches layout as data, the PDF only checks it here.
 */
#ifndef FOLIO_BACKEND_PDF_PRINT_H
#define FOLIO_BACKEND_PDF_PRINT_H

#include "folio/backend.h"
#include "folio/diag.h"
#include "layout/lay.h"

enum pdf_color { PDF_COLOR_RGB, PDF_COLOR_GRAY, PDF_COLOR_CMYK };
enum pdf_impose { IMPOSE_NONE, IMPOSE_BOOKLET, IMPOSE_2UP };
enum pdf_standard { PDF_STD_NONE, PDF_STD_X1A, PDF_STD_A1B, PDF_STD_A2B };

typedef struct pdf_print {
	const char *preset;   /* "copyshop", "offset", "pod" or NULL */
	fx paper_w, paper_h;  /* 0: the style's page size */
	int sides;            /* 0: the style's, 1 one-sided, 2 two-sided */
	fx bleed;             /* around the trim, every side */
	int marks;            /* crop, fold and registration marks */
	int color;            /* enum pdf_color */
	int impose;           /* enum pdf_impose */
	fx creep;             /* booklet: per sheet, toward the fold */
	int pad4;             /* pad the page count to a multiple of 4 */
	int standard;         /* enum pdf_standard */
	int tagged;           /* a tagged PDF (structure, PDF/UA); never
				 imposed; not a print setting */
} pdf_print;

/* Settings from opts (preset first, then the options given on top).
 * Returns 0, or -1 after a FOLIO_FATAL for a contradiction (PDF/X in RGB,
 * PDF/A in CMYK, both standards, an unknown name). */
int print_settings(const folio_render_opts *opts, pdf_print *out,
		   folio_diag *diag);

/* 1 when the settings change nothing: the plain screen PDF. */
int print_is_plain(const pdf_print *p);

/* The space outside the bleed that the marks take, every side. */
fx print_marks_margin(const pdf_print *p);

/*
 * Imposition order.  A sheet side holds two page slots, left and right;
 * slots[2 * side + 0/1] is the 0-based page index shown there, or -1 for
 * a blank.  Sides alternate front, back: side 2k is sheet k's front, 2k+1
 * its back.  Returns the number of sides (slots has room for 2 per side:
 * impose_sides(n) * 2 entries).
 *
 * Booklet (saddle stitch): n is padded to a multiple of 4, m; sheet k
 * (from 0, the outermost) has front [m-2k, 2k+1] and back [2k+2, m-2k-1]
 * in 1-based page numbers, so the folded stack reads 1..m.  Pages past n
 * are blanks.  2-up: side s holds pages 2s+1 and 2s+2, in reading order.
 */
unsigned impose_sides(int impose, unsigned npages);
unsigned impose_order(int impose, unsigned npages, int *slots);
/* The sheet (0 outermost) that a booklet side belongs to. */
unsigned impose_sheet_of_side(unsigned side);

#endif
