/*
 * vec.h: the growable array, the one way folio grows an array.
 *
 * VEC(T) is { T *v; size_t n, cap; }:
 *
 *     VEC(T) list = { 0 };
 *     VEC_PUSH(list, x);
 *     ... list.v[i] for i < list.n ...
 *     VEC_FREE(list);
 *
 * An array kept as separate fields (a pointer, a count, a capacity, as in
 * a struct that names them for its readers) grows by the same rule with
 * vec_reserve.  Heap memory: xrealloc, so running out of memory ends the
 * program as everywhere in folio.  ptrvec is VEC(void *) under a name,
 * for functions that take one.
 */
#ifndef FOLIO_UTIL_VEC_H
#define FOLIO_UTIL_VEC_H

#include <stddef.h>
#include <stdlib.h>

#include "util/xalloc.h"

/* The slow path of vec_reserve: doubles *cap (from 16) until need fits. */
void *vec_grow(void *v, size_t *cap, size_t need, size_t size);

/* v with room for need elements of size bytes; *cap is its room now. */
static inline void *vec_reserve(void *v, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? v : vec_grow(v, cap, need, size);
}

#define VEC(T) struct { T *v; size_t n, cap; }
/* Room for extra more elements. */
#define VEC_GROW(vec, extra) \
	((vec).v = vec_reserve((vec).v, &(vec).cap, (vec).n + (extra), sizeof(*(vec).v)))
#define VEC_PUSH(vec, x) do { VEC_GROW(vec, 1); (vec).v[(vec).n++] = (x); } while (0)
#define VEC_FREE(vec) do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

typedef VEC(void *) ptrvec;

/* A stable merge sort of v[0..n) with a comparison that takes a context
 * (qsort has none and is not stable).  Bottom-up, so no recursion. */
typedef int (*vec_cmp)(void *ctx, const void *a, const void *b);
void vec_sort_ptrs(void **v, size_t n, vec_cmp cmp, void *ctx);

#endif
