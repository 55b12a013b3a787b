/*
 * print: the print-shop settings (print.h): presets, paper names and the
 * imposition order.  Pure functions, so the unit tests can reach them.
 */
#include "backend/pdf/print.h"
#include "layout/layout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static fx from_mm(double mm)
{
	return (fx)(mm * 72000.0 / 25.4 + (mm >= 0 ? 0.5 : -0.5));
}

fx print_marks_margin(const pdf_print *p)
{
	/* a 2 mm gap after the bleed, 6 mm marks, 1 mm to the paper's
	 * edge (draw_marks in emit_hpdf.c draws them there) */
	return p->marks ? from_mm(9) : 0;
}

int print_is_plain(const pdf_print *p)
{
	return p->paper_w == 0 && p->sides == 0 && p->bleed == 0 &&
	       !p->marks && p->color == PDF_COLOR_RGB &&
	       p->impose == IMPOSE_NONE && !p->pad4 &&
	       p->standard == PDF_STD_NONE;
}

static int fail(folio_diag *diag, const char *msg, const char *arg)
{
	folio_report(diag, FOLIO_FATAL, (folio_loc){ 0 }, msg, arg ? arg : "");
	return -1;
}

/* What each preset sets; doc/print.md says why. */
static int apply_preset(const char *name, pdf_print *p, folio_diag *diag)
{
	if (strcmp(name, "copyshop") == 0) {
		p->color = PDF_COLOR_GRAY;
		p->pad4 = 1;
	} else if (strcmp(name, "offset") == 0) {
		p->bleed = from_mm(3);
		p->marks = 1;
		p->color = PDF_COLOR_CMYK;
		p->standard = PDF_STD_X1A;
	} else if (strcmp(name, "pod") == 0) {
		p->bleed = from_mm(3);
		p->color = PDF_COLOR_CMYK;
		p->standard = PDF_STD_X1A;
	} else {
		return fail(diag, "unknown print preset '%s' (copyshop, offset, pod)", name);
	}
	p->preset = name;
	return 0;
}

static int parse_color(const char *v, int *out)
{
	if (strcmp(v, "rgb") == 0)
		*out = PDF_COLOR_RGB;
	else if (strcmp(v, "gray") == 0 || strcmp(v, "grey") == 0)
		*out = PDF_COLOR_GRAY;
	else if (strcmp(v, "cmyk") == 0)
		*out = PDF_COLOR_CMYK;
	else
		return -1;
	return 0;
}

int print_settings(const folio_render_opts *o, pdf_print *p, folio_diag *diag)
{
	memset(p, 0, sizeof *p);
	if (o->pdf.print_preset && apply_preset(o->pdf.print_preset, p, diag) < 0)
		return -1;
	int paper = o->page.paper ? layout_paper_size(o->page.paper, &p->paper_w, &p->paper_h) : 0;
	if (paper == -2)
		return fail(diag, "paper '%s' is out of range: each side must be "
			    LAYOUT_PAPER_RANGE, o->page.paper);
	if (paper < 0)
		return fail(diag, "unknown paper '%s' (a4, a5, a6, b5, letter or WxHmm)", o->page.paper);
	p->sides = o->page.sides;
	if (o->pdf.bleed_given || o->pdf.bleed_mm > 0) {
		if (o->pdf.bleed_mm < 0 || o->pdf.bleed_mm > 20)
			return fail(diag, "a bleed must be between 0 and 20 mm%s", NULL);
		p->bleed = from_mm(o->pdf.bleed_mm);
	}
	if (o->pdf.crop_marks)
		p->marks = o->pdf.crop_marks > 0;
	int color_given = o->pdf.color != NULL;
	if (color_given && parse_color(o->pdf.color, &p->color) < 0)
		return fail(diag, "unknown colour model '%s' (rgb, gray, cmyk)", o->pdf.color);
	if (o->pdf.impose) {
		if (strcmp(o->pdf.impose, "booklet") == 0)
			p->impose = IMPOSE_BOOKLET;
		else if (strcmp(o->pdf.impose, "2up") == 0)
			p->impose = IMPOSE_2UP;
		else
			return fail(diag, "unknown imposition '%s' (booklet, 2up)", o->pdf.impose);
	}
	if (o->pdf.creep_mm < 0 || o->pdf.creep_mm > 5)
		return fail(diag, "a creep must be between 0 and 5 mm per sheet%s", NULL);
	if (o->pdf.creep_mm > 0 && p->impose != IMPOSE_BOOKLET)
		return fail(diag, "--creep needs --impose booklet%s", NULL);
	p->creep = from_mm(o->pdf.creep_mm);
	/* imposed sheets are for the press: no reading order to give */
	p->tagged = !o->pdf.no_tags && p->impose == IMPOSE_NONE;
	if (p->impose == IMPOSE_BOOKLET)
		p->pad4 = 1;
	if (o->pdf.pdfx) {
		if (strcmp(o->pdf.pdfx, "1a") != 0)
			return fail(diag, "unknown PDF/X level '%s' (1a)", o->pdf.pdfx);
		p->standard = PDF_STD_X1A;
	}
	if (o->pdf.pdfa) {
		if (o->pdf.pdfx)
			return fail(diag, "--pdfx and --pdfa cannot be combined%s", NULL);
		if (strcmp(o->pdf.pdfa, "1b") == 0)
			p->standard = PDF_STD_A1B;
		else if (strcmp(o->pdf.pdfa, "2b") == 0)
			p->standard = PDF_STD_A2B;
		else
			return fail(diag, "unknown PDF/A level '%s' (1b, 2b)", o->pdf.pdfa);
		/* a preset's PDF/X gives way to the PDF/A asked for; its CMYK
		 * too, unless asked for (PDF/A with an sRGB intent is RGB) */
		if (!color_given && p->color == PDF_COLOR_CMYK)
			p->color = PDF_COLOR_RGB;
	}
	if (p->standard == PDF_STD_X1A && p->color == PDF_COLOR_RGB) {
		if (color_given)
			return fail(diag, "PDF/X-1a allows no RGB: use --color cmyk or gray%s", NULL);
		p->color = PDF_COLOR_CMYK;
	}
	if ((p->standard == PDF_STD_A1B || p->standard == PDF_STD_A2B) &&
	    p->color == PDF_COLOR_CMYK)
		return fail(diag, "PDF/A output here carries an sRGB output intent, which "
			    "allows no device CMYK: use --color rgb or gray%s", NULL);
	return 0;
}

/* ---- imposition ---- */

static unsigned pad4(unsigned n)
{
	return n == 0 ? 4 : (n + 3) / 4 * 4;
}

unsigned impose_sides(int impose, unsigned npages)
{
	if (impose == IMPOSE_BOOKLET)
		return pad4(npages) / 2;
	if (impose == IMPOSE_2UP)
		return npages == 0 ? 1 : (npages + 1) / 2;
	return npages;
}

unsigned impose_sheet_of_side(unsigned side)
{
	return side / 2;
}

unsigned impose_order(int impose, unsigned npages, int *slots)
{
	unsigned sides = impose_sides(impose, npages);
	if (impose == IMPOSE_BOOKLET) {
		unsigned m = pad4(npages);
		for (unsigned k = 0; k < m / 4; k++) {
			/* 1-based pages, then 0-based or -1 past the end */
			unsigned p[4] = { m - 2 * k, 2 * k + 1, 2 * k + 2, m - 2 * k - 1 };
			for (int i = 0; i < 4; i++)
				slots[4 * k + i] = p[i] <= npages ? (int)p[i] - 1 : -1;
		}
		return sides;
	}
	if (impose == IMPOSE_2UP) {
		for (unsigned s = 0; s < sides; s++) {
			slots[2 * s] = 2 * s < npages ? (int)(2 * s) : -1;
			slots[2 * s + 1] = 2 * s + 1 < npages ? (int)(2 * s + 1) : -1;
		}
		return sides;
	}
	return 0;
}
