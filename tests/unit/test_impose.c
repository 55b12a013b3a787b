/* libs: folio_pdf folio_layout folio_tree folio_util */
/*
 * test_impose: the print settings of the PDF back end without writing a
 * PDF.  The saddle-stitch order for 1 to 20 pages is checked by folding:
 * the sheets are nested (sheet 0 outside) and the pages are read off the
 * folded stack in book order, which must give 1, 2, ..., n and then the
 * blanks.  Also the 2-up order, paper names and how presets and options
 * combine.
 */
#include "backend/pdf/print.h"
#include "layout/style.h"
#include "harness.h"

#include <stdlib.h>

/* The pages of a folded booklet in reading order: the front half is each
 * sheet's front right then back left, outside in; the back half is each
 * sheet's back right then front left, inside out. */
static void read_folded(const int *slots, unsigned sheets, int *book)
{
	unsigned n = 0;
	for (unsigned k = 0; k < sheets; k++) {
		book[n++] = slots[4 * k + 1]; /* front, right */
		book[n++] = slots[4 * k + 2]; /* back, left */
	}
	for (unsigned k = sheets; k-- > 0;) {
		book[n++] = slots[4 * k + 3]; /* back, right */
		book[n++] = slots[4 * k + 0]; /* front, left */
	}
}

static void booklet_orders(void)
{
	for (unsigned n = 1; n <= 20; n++) {
		unsigned padded = (n + 3) / 4 * 4;
		unsigned sides = impose_sides(IMPOSE_BOOKLET, n);
		INT_EQ(sides, padded / 2);
		int *slots = malloc(2 * sides * sizeof(int));
		int *book = malloc(padded * sizeof(int));
		INT_EQ(impose_order(IMPOSE_BOOKLET, n, slots), sides);
		read_folded(slots, sides / 2, book);
		for (unsigned i = 0; i < padded; i++) {
			int want = i < n ? (int)i : -1;
			if (book[i] != want)
				fprintf(stderr, "n=%u: folded page %u shows %d\n", n, i + 1, book[i]);
			INT_EQ(book[i], want);
		}
		/* the outside sheet of an n-page booklet: [last, 1], [2, last-1] */
		INT_EQ(slots[0], padded <= n ? (int)padded - 1 : -1);
		INT_EQ(slots[1], 0);
		INT_EQ(slots[2], n >= 2 ? 1 : -1);
		free(slots);
		free(book);
	}
	/* the brief's example, 8 pages: [8,1] [2,7] [6,3] [4,5] */
	int s8[8];
	impose_order(IMPOSE_BOOKLET, 8, s8);
	int want8[8] = { 7, 0, 1, 6, 5, 2, 3, 4 };
	for (int i = 0; i < 8; i++)
		INT_EQ(s8[i], want8[i]);
	for (unsigned side = 0; side < 8; side++)
		INT_EQ(impose_sheet_of_side(side), side / 2);
}

static void two_up(void)
{
	int slots[12];
	INT_EQ(impose_sides(IMPOSE_2UP, 5), 3);
	INT_EQ(impose_order(IMPOSE_2UP, 5, slots), 3);
	int want[6] = { 0, 1, 2, 3, 4, -1 };
	for (int i = 0; i < 6; i++)
		INT_EQ(slots[i], want[i]);
}

static void papers(void)
{
	fx w = 0, h = 0;
	INT_EQ(style_paper_size("a4", &w, &h), 0);
	INT_EQ(w, 595276);
	INT_EQ(h, 841890);
	INT_EQ(style_paper_size("A5", &w, &h), 0);
	INT_EQ(w, 419528);
	INT_EQ(style_paper_size("letter", &w, &h), 0);
	INT_EQ(w, 612000);
	INT_EQ(h, 792000);
	INT_EQ(style_paper_size("170x240mm", &w, &h), 0);
	INT_EQ(w, 481890);
	INT_EQ(h, 680315);
	INT_EQ(style_paper_size("6x9in", &w, &h), 0);
	INT_EQ(w, 432000);
	INT_EQ(style_paper_size("170x240", &w, &h), -1);
	INT_EQ(style_paper_size("10x10mm", &w, &h), -2);
	INT_EQ(style_paper_size("a9", &w, &h), -1);
}

static unsigned fatals;

static void count(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx;
	(void)loc;
	(void)msg;
	if (sev == FOLIO_FATAL)
		fatals++;
}

static void presets(void)
{
	folio_diag *d = folio_diag_new(count, NULL);
	pdf_print p;
	folio_render_opts o = { 0 };
	INT_EQ(print_settings(&o, &p, d), 0);
	OK(print_is_plain(&p));

	o.pdf.print_preset = "offset";
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.bleed, 8504);
	INT_EQ(p.marks, 1);
	INT_EQ(p.color, PDF_COLOR_CMYK);
	INT_EQ(p.standard, PDF_STD_X1A);
	INT_EQ(print_marks_margin(&p), 25512);
	o.pdf.crop_marks = -1; /* --no-marks wins over the preset */
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.marks, 0);
	o.pdf.bleed_given = 1; /* --bleed 0 too */
	o.pdf.bleed_mm = 0;
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.bleed, 0);

	o = (folio_render_opts){ .pdf.print_preset = "pod" };
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.marks, 0);
	INT_EQ(p.bleed, 8504);
	INT_EQ(p.standard, PDF_STD_X1A);

	o = (folio_render_opts){ .pdf.print_preset = "copyshop" };
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.color, PDF_COLOR_GRAY);
	INT_EQ(p.pad4, 1);
	INT_EQ(p.bleed, 0);
	OK(!print_is_plain(&p));

	o = (folio_render_opts){ .pdf.impose = "booklet", .pdf.creep_mm = 0.1 };
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.impose, IMPOSE_BOOKLET);
	INT_EQ(p.pad4, 1);
	INT_EQ(p.creep, 283);

	/* PDF/X without a colour becomes CMYK; PDF/A of a CMYK preset RGB */
	o = (folio_render_opts){ .pdf.pdfx = "1a" };
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.color, PDF_COLOR_CMYK);
	o = (folio_render_opts){ .pdf.print_preset = "pod", .pdf.pdfa = "2b" };
	INT_EQ(print_settings(&o, &p, d), 0);
	INT_EQ(p.standard, PDF_STD_A2B);
	INT_EQ(p.color, PDF_COLOR_RGB);

	/* contradictions are fatal */
	unsigned before = fatals;
	o = (folio_render_opts){ .pdf.pdfx = "1a", .pdf.color = "rgb" };
	INT_EQ(print_settings(&o, &p, d), -1);
	o = (folio_render_opts){ .pdf.pdfa = "1b", .pdf.color = "cmyk" };
	INT_EQ(print_settings(&o, &p, d), -1);
	o = (folio_render_opts){ .pdf.pdfa = "1b", .pdf.pdfx = "1a" };
	INT_EQ(print_settings(&o, &p, d), -1);
	o = (folio_render_opts){ .pdf.creep_mm = 0.1 };
	INT_EQ(print_settings(&o, &p, d), -1);
	o = (folio_render_opts){ .page.paper = "a11" };
	INT_EQ(print_settings(&o, &p, d), -1);
	o = (folio_render_opts){ .pdf.print_preset = "newspaper" };
	INT_EQ(print_settings(&o, &p, d), -1);
	INT_EQ(fatals - before, 6);
	folio_diag_free(d);
}

int main(void)
{
	booklet_orders();
	two_up();
	papers();
	presets();
	DONE();
}
