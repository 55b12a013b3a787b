/*
 * content.h: a reader of PDF content streams for preflight.  It follows
 * the graphics state as far as a print check needs it: the current
 * transformation (q, Q, cm) for the size at which images are placed, the
 * colour operators used (g, rg, k and their stroke forms, cs/CS with a
 * named space), XObjects drawn (Do), graphics states set (gs) and inline
 * images (BI ... ID ... EI).  Everything else is skipped; malformed input
 * ends the scan early, never reads past the buffer.
 */
#ifndef FOLIO_PREFLIGHT_CONTENT_H
#define FOLIO_PREFLIGHT_CONTENT_H

#include <stddef.h>

/* Colour models, as bits. */
enum {
	PF_GRAY = 1,
	PF_RGB = 2,
	PF_CMYK = 4,
	PF_SPOT = 8,   /* Separation, DeviceN */
	PF_OTHER = 16  /* Lab, patterns, anything else */
};

typedef struct pf_matrix {
	double a, b, c, d, e, f;
} pf_matrix;

#define PF_IDENTITY ((pf_matrix){ 1, 0, 0, 1, 0, 0 })

typedef struct pf_content_cb {
	void *ctx;
	/* cs/CS with a name: the models it stands for */
	unsigned (*colorspace)(void *ctx, const char *name);
	/* Do: an XObject drawn with this transformation */
	void (*xobject)(void *ctx, const char *name, const pf_matrix *ctm);
	/* gs: a graphics state dictionary set */
	void (*gstate)(void *ctx, const char *name);
	/* BI: an inline image, its pixel size and colour models (0 for a
	 * stencil mask, which paints in the fill colour) */
	void (*inline_image)(void *ctx, unsigned width, unsigned height,
			     unsigned models, const pf_matrix *ctm);
} pf_content_cb;

/* m then ctm: the matrix "m cm" makes current. */
pf_matrix pf_concat(const pf_matrix *m, const pf_matrix *ctm);

/* The colour models the operators of p[0..n) set (PF_* bits); calls
 * back for the rest.  Any callback may be NULL. */
unsigned pf_scan_content(const unsigned char *p, size_t n, pf_matrix ctm,
			 const pf_content_cb *cb);

/* The models of a device space's name: "DeviceRGB" or the inline
 * abbreviation "RGB"; 0 when it is not a device space. */
unsigned pf_device_models(const char *name);

#endif
