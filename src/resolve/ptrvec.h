/*
 * ptrvec.h: a growable array of pointers for the resolve passes' working
 * lists (uses of a term, cited keys, index terms).  Heap memory, freed by
 * the pass that made it with ptrvec_free.
 */
#ifndef FOLIO_RESOLVE_PTRVEC_H
#define FOLIO_RESOLVE_PTRVEC_H

#include <stdlib.h>

#include "util/xalloc.h"

typedef struct ptrvec {
	void **v;
	size_t n, cap;
} ptrvec;

#define PTRVEC_INIT { NULL, 0, 0 }

static inline void ptrvec_push(ptrvec *p, void *x)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 8;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = x;
}

static inline void ptrvec_free(ptrvec *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

/* A stable merge sort of v[0..n) with a comparison that takes a context
 * (qsort has none and is not stable).  Bottom-up, so no recursion. */
typedef int (*ptrvec_cmp)(void *ctx, const void *a, const void *b);

static inline void ptrvec_sort(void **v, size_t n, ptrvec_cmp cmp, void *ctx)
{
	if (n < 2)
		return;
	void **tmp = xmalloc(n * sizeof(*tmp));
	void **from = v, **to = tmp;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				to[k++] = cmp(ctx, from[j], from[i]) < 0 ? from[j++] : from[i++];
			while (i < mid)
				to[k++] = from[i++];
			while (j < hi)
				to[k++] = from[j++];
		}
		void **t = from;
		from = to;
		to = t;
	}
	if (from != v)
		for (size_t i = 0; i < n; i++)
			v[i] = from[i];
	free(tmp);
}

#endif
