/*
 * png.h: PNG bytes from an image in memory (png.c), for the made cover.
 */
#ifndef FOLIO_EPUB_PNG_H
#define FOLIO_EPUB_PNG_H

#include <stdint.h>

#include "util/strbuf.h"

/* Appends the PNG of a w x h image whose pixels are 0xXXRRGGBB words,
 * stride_px words a row (cairo's RGB24), to out.  Returns 0, or -1 when
 * memory or the compressor fails. */
int epub_png_encode(const uint32_t *xrgb, int w, int h, int stride_px, strbuf *out);

#endif
