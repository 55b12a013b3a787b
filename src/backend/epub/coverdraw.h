/*
 * coverdraw.h: the made cover's SVG into PNG bytes (coverdraw.c).
 */
#ifndef FOLIO_EPUB_COVERDRAW_H
#define FOLIO_EPUB_COVERDRAW_H

#include <stddef.h>

#include "util/strbuf.h"

/* Draws svg at w x h pixels in the given font files alone (NULL entries
 * skipped) and appends its PNG to png.  Returns 0, or -1 with why filled
 * (librsvg missing, the SVG refused). */
int cover_draw(const char *const *font_files, int nfiles, const strbuf *svg, int w, int h,
	       strbuf *png, char *why, size_t why_n);

#endif
