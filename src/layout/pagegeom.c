/*
 * pagegeom: the page geometry check (see pagegeom.h).  It runs as soon as
 * the style is read, so that a page of width 0 or margins wider than the
 * page are told in the style's terms before any work, not found by
 * libharu when the first page is added after the whole layout.
 */
#include "layout/pagegeom.h"
#include "layout/lay.h"

static double mm(fx v)
{
	return (double)v / FX_MM;
}

static int page_side(const char *key, fx v, const char *path, folio_diag *diag)
{
	if (v >= FX_MM && v <= (fx)PAGEGEOM_MAX_PAGE_MM * FX_MM)
		return 0;
	folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
		     "%s is %.1f mm; a page is 1 to %d mm (the PDF's limit)", key,
		     mm(v), PAGEGEOM_MAX_PAGE_MM);
	return -1;
}

static int margin(const char *key, fx v, const char *path, folio_diag *diag)
{
	if (v >= 0)
		return 0;
	folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
		     "%s is %.1f mm; a margin is 0 or more", key, mm(v));
	return -1;
}

/* page less two margins, at least PAGEGEOM_MIN_BLOCK_MM */
static int block(const char *what, const char *page_key, fx page,
		 const char *key_a, fx a, const char *key_b, fx b,
		 const char *path, folio_diag *diag)
{
	long long left = (long long)page - a - b;
	if (left >= (long long)PAGEGEOM_MIN_BLOCK_MM * FX_MM)
		return 0;
	folio_report(diag, FOLIO_FATAL, (folio_loc){ path, 0, 0 },
		     "the text block is %.1f mm %s (%s %.1f mm less %s %.1f mm "
		     "and %s %.1f mm); it must be at least %d mm",
		     (double)left / FX_MM, what, page_key, mm(page), key_a, mm(a),
		     key_b, mm(b), PAGEGEOM_MIN_BLOCK_MM);
	return -1;
}

int pagegeom_check(const lay_style *s, const char *path, folio_diag *diag)
{
	if (page_side("page.width", s->page_width, path, diag) ||
	    page_side("page.height", s->page_height, path, diag) ||
	    margin("margin.inner", s->margin_inner, path, diag) ||
	    margin("margin.outer", s->margin_outer, path, diag) ||
	    margin("margin.top", s->margin_top, path, diag) ||
	    margin("margin.bottom", s->margin_bottom, path, diag))
		return -1;
	if (block("wide", "page.width", s->page_width, "margin.inner", s->margin_inner,
		  "margin.outer", s->margin_outer, path, diag) ||
	    block("tall", "page.height", s->page_height, "margin.top", s->margin_top,
		  "margin.bottom", s->margin_bottom, path, diag))
		return -1;
	return 0;
}
