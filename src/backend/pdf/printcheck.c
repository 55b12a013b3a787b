/*
 * printcheck: the build-time print warnings (see printcheck.h).  An image
 * placed several times is reported once, at its lowest resolution.
 */
#include "backend/pdf/printcheck.h"
#include "backend/pdf/pixels.h"

#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SEEN 256

struct seen {
	const folio_node *node;
	const char *uri;
	double dpi;       /* lowest placed resolution */
	const char *page; /* where it is lowest */
	int ncomp;
};

static double placed_dpi(unsigned px, fx length)
{
	return length > 0 ? px * 72.0 * FX_PT / length : 1e9;
}

static int collect(const lay_result *res, struct seen *seen)
{
	int n = 0;
	for (unsigned p = 0; p < res->npages; p++) {
		const lay_page *pg = &res->pages[p];
		for (unsigned i = 0; i < pg->nitems; i++) {
			const lay_item *it = &pg->items[i];
			if (it->kind != LI_IMAGE || it->uri == NULL)
				continue;
			pixels hdr;
			if (pixels_header(it->uri, &hdr) != 0)
				continue; /* the emitter reports a bad file */
			double dx = placed_dpi(hdr.width, it->w), dy = placed_dpi(hdr.height, it->h);
			double dpi = dx < dy ? dx : dy;
			int k = 0;
			while (k < n && seen[k].node != it->node)
				k++;
			if (k == n) {
				if (n == MAX_SEEN)
					continue;
				seen[n++] = (struct seen){ it->node, it->uri, dpi, pg->label, hdr.ncomp };
			} else if (dpi < seen[k].dpi) {
				seen[k].dpi = dpi;
				seen[k].page = pg->label;
			}
		}
	}
	return n;
}

static folio_loc where(const struct seen *s)
{
	return s->node ? s->node->loc : (folio_loc){ s->uri, 0, 0 };
}

void print_check(const lay_result *res, const pdf_print *p, folio_diag *diag)
{
	if (p->preset == NULL)
		return;
	struct seen *seen = xcalloc(MAX_SEEN, sizeof *seen);
	int n = collect(res, seen);
	for (int i = 0; i < n; i++) {
		const char *name = strrchr(seen[i].uri, '/');
		name = name ? name + 1 : seen[i].uri;
		if (seen[i].dpi < PRINT_MIN_DPI)
			folio_report(diag, FOLIO_WARNING, where(&seen[i]),
				     "image '%s' prints at %.0f dpi on page %s, under the %.0f dpi "
				     "that preflight --preset %s asks for",
				     name, seen[i].dpi, seen[i].page ? seen[i].page : "?",
				     PRINT_MIN_DPI, p->preset);
		if (seen[i].ncomp == 3 && p->color != PDF_COLOR_RGB)
			folio_report(diag, FOLIO_WARNING, where(&seen[i]),
				     "RGB image '%s' is converted to %s for --preset %s: "
				     "its colours will change; proof it, or supply it in %s",
				     name, p->color == PDF_COLOR_GRAY ? "grey" : "CMYK", p->preset,
				     p->color == PDF_COLOR_GRAY ? "greyscale" : "CMYK");
	}
	free(seen);
	/* the copy shop folds the file's pages into booklets: preflight
	 * counts the pages of the file, after padding and imposition */
	unsigned pages = res->npages;
	unsigned in_file = p->impose != IMPOSE_NONE ? impose_sides(p->impose, pages)
			   : p->pad4 ? (pages + 3) / 4 * 4 : pages;
	if (strcmp(p->preset, "copyshop") == 0 && in_file % 4 != 0)
		folio_report(diag, FOLIO_WARNING, (folio_loc){ 0 },
			     "the PDF has %u pages (%u laid out%s), not a multiple of 4: "
			     "preflight --preset copyshop rejects it for a folded booklet",
			     in_file, pages, p->impose == IMPOSE_2UP ? ", two a sheet side"
				     : p->impose == IMPOSE_BOOKLET ? ", imposed as a booklet" : "");
}
