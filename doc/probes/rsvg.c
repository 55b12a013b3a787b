/* probe: librsvg 2.54 with cairo 1.16 (src/media/svg.c).  For each SVG
 * given: the intrinsic size librsvg reports (in CSS px at 96 dpi, or
 * "none" when width/height are missing or relative), then the SVG drawn
 * at that size into a one-page PDF (argv[i].pdf) through cairo's PDF
 * surface in memory, as folio draws it before libqpdf reads the page. */
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <stdio.h>
#include <string.h>

static cairo_status_t put(void *f, const unsigned char *d, unsigned n)
{
	return fwrite(d, 1, n, f) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		GError *err = NULL;
		RsvgHandle *h = rsvg_handle_new_from_file(argv[i], &err);
		if (!h) {
			printf("  %s: %s\n", argv[i], err->message);
			continue;
		}
		rsvg_handle_set_dpi(h, 96);
		double w = 0, hh = 0;
		int has = rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh);
		gboolean hw, hh2, hvb;
		RsvgLength lw, lh;
		RsvgRectangle vb = { 0, 0, 0, 0 };
		rsvg_handle_get_intrinsic_dimensions(h, &hw, &lw, &hh2, &lh, &hvb, &vb);
		printf("  %s: size %s %gx%g px, viewBox %s %gx%g\n", strrchr(argv[i], '/') + 1,
		       has ? "" : "none", w, hh, hvb ? "" : "none", vb.width, vb.height);
		if (!has) {
			w = vb.width;
			hh = vb.height;
		}
		char out[4096];
		snprintf(out, sizeof out, "%s.pdf", argv[i]);
		FILE *f = fopen(out, "wb");
		cairo_surface_t *s = cairo_pdf_surface_create_for_stream(put, f, w * 0.75, hh * 0.75);
		cairo_t *cr = cairo_create(s);
		RsvgRectangle vp = { 0, 0, w * 0.75, hh * 0.75 };
		if (!rsvg_handle_render_document(h, cr, &vp, &err))
			printf("  render: %s\n", err->message);
		cairo_destroy(cr);
		cairo_surface_finish(s);
		cairo_surface_destroy(s);
		fclose(f);
		g_object_unref(h);
	}
	return 0;
}
