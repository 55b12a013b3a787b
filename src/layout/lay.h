/*
 * lay.h: what every file of the layout engine shares: the length unit (and
 * util/vec.h's growable array).
 *
 * Lengths are integers in thousandths of a point ("mpt"), as mandoc counts
 * AFM units: sums and comparisons are exact, and only the PDF emitter turns
 * them into libharu's floats.  An A5 page is 419528 x 595276 mpt.
 */
#ifndef FOLIO_LAYOUT_LAY_H
#define FOLIO_LAYOUT_LAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/vec.h" /* VEC(T), the growable array every layout file uses */
#include "util/xalloc.h"

typedef int32_t fx; /* a length in 1/1000 pt */

#define FX_PT 1000               /* one point */
#define FX_MM 2835               /* one millimetre, 2.8346 pt (rounded) */
#define FX_INF ((fx)0x3fffffff)  /* "no limit" */

/* A glyph no code point names (an Arabic letter's joined form, a
 * ligature, a math operator's larger size) travels where a code point
 * would, as its id in the face with bit 31 set: code points stop at
 * 0x10FFFF, so the two never meet.  Text items (pages.h), widths and
 * subsets (fonts.h) take either. */
#define LAY_GLYPH_ID 0x80000000u
#define LAY_GID(gid) (LAY_GLYPH_ID | (uint32_t)(gid))
#define LAY_IS_GID(cp) (((cp) & LAY_GLYPH_ID) != 0)
#define LAY_GID_OF(cp) ((cp) & ~LAY_GLYPH_ID)


/* Rounded a * b / c for lengths (c > 0). */
static inline fx fx_muldiv(int64_t a, int64_t b, int64_t c)
{
	int64_t p = a * b;
	return (fx)(p >= 0 ? (p + c / 2) / c : -((-p + c / 2) / c));
}

#endif
