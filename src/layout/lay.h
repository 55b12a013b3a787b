/*
 * lay.h: what every file of the layout engine shares: the length unit and
 * a small growable vector.
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

#include "util/xalloc.h"

typedef int32_t fx; /* a length in 1/1000 pt */

#define FX_PT 1000               /* one point */
#define FX_MM 2835               /* one millimetre, 2.8346 pt (rounded) */
#define FX_INF ((fx)0x3fffffff)  /* "no limit" */

/* A growable array of T: VEC(T) v = {0}; VEC_PUSH(v, x); free(v.v). */
#define VEC(T) struct { T *v; size_t n, cap; }
#define VEC_GROW(vec, extra) do { \
	if ((vec).n + (extra) > (vec).cap) { \
		size_t c_ = (vec).cap ? (vec).cap * 2 : 16; \
		while (c_ < (vec).n + (extra)) c_ *= 2; \
		(vec).v = xrealloc((vec).v, c_ * sizeof(*(vec).v)); \
		(vec).cap = c_; \
	} } while (0)
#define VEC_PUSH(vec, x) do { VEC_GROW(vec, 1); (vec).v[(vec).n++] = (x); } while (0)
#define VEC_FREE(vec) do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

/* Rounded a * b / c for lengths (c > 0). */
static inline fx fx_muldiv(int64_t a, int64_t b, int64_t c)
{
	int64_t p = a * b;
	return (fx)(p >= 0 ? (p + c / 2) / c : -((-p + c / 2) / c));
}

#endif
