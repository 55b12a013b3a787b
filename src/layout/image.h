/*
 * image.h: what layout needs to know of an image before the emitter loads
 * it: where the file is (resolved against the source file's folder and
 * confined to the document's folder) and its size in pixels, read from
 * the PNG or JPEG header.  Problems are errors at the imagedata's place.
 */
#ifndef FOLIO_LAYOUT_IMAGE_H
#define FOLIO_LAYOUT_IMAGE_H

#include "layout/ctx.h"


typedef struct lay_image {
	const char *path;   /* resolved file name (pass arena) */
	int png;            /* 1 PNG, 0 JPEG */
	int svg;            /* 1 SVG (drawn as vectors) */
	unsigned width, height; /* pixels (PNG, JPEG) */
	fx natural_w, natural_h; /* the size it has unless asked otherwise */
} lay_image;

/* Returns 0, or -1 after reporting an error with the node's location. */
int image_probe(lay_ctx *c, const folio_node *imagedata, lay_image *out);
/* The width imagedata asks for (contentwidth, else width) in *want: 1,
 * or 0 when it asks none or one folio cannot use (a length above 0 and
 * at most 10000 pt; NaN, 0, negative, percent...), which is a warning at
 * the node and leaves the image at its natural size. */
int image_wanted_width(lay_ctx *c, const folio_node *imagedata, fx *want);

#endif
