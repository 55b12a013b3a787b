/*
 * vec: the growth rule of the growable array (vec.h) and the stable sort
 * of an array of pointers.
 */
#include "util/vec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void *vec_grow(void *v, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2) {
			c = need;
			break;
		}
		c *= 2;
	}
	if (size && c > SIZE_MAX / size) {
		fputs("folio: out of memory\n", stderr);
		exit(2);
	}
	*cap = c;
	return xrealloc(v, c * size);
}

void vec_sort_ptrs(void **v, size_t n, vec_cmp cmp, void *ctx)
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
