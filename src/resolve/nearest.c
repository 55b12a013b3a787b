/*
 * nearest: "did you mean" for an unknown id or key.  The edit distance
 * (Levenshtein: insertions, deletions, substitutions) to every known id,
 * the smallest one winning if it is close enough to be a plausible typo:
 * at most a third of the name's length, plus one.  Ties go to the
 * alphabetically first id, so the hint does not depend on hash order.
 */
#include "resolve/resolve.h"
#include "util/hash.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Distance between a and b, or limit + 1 when it exceeds limit (the
 * computation stops as soon as a whole row is past the limit). */
static size_t distance(const char *a, size_t na, const char *b, size_t nb,
		       size_t limit, size_t *row)
{
	size_t diff = na > nb ? na - nb : nb - na;
	if (diff > limit)
		return limit + 1;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		size_t best = row[0];
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = diag + cost;
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[nb];
}

const char *resolve_nearest_id(const folio_doc *doc, const char *name)
{
	if (name == NULL || doc->ids == NULL)
		return NULL;
	size_t n = strlen(name);
	size_t limit = n / 3 + 1;
	const char *best = NULL;
	size_t best_d = limit + 1;
	size_t *row = NULL, row_cap = 0;
	size_t pos = 0;
	const char *key;
	void *value;
	while (hash_next(doc->ids, &pos, &key, &value)) {
		size_t nk = strlen(key);
		row = vec_reserve(row, &row_cap, nk + 1, sizeof(*row));
		size_t d = distance(name, n, key, nk, limit, row);
		if (d == 0 || d > limit)
			continue;
		if (d < best_d || (d == best_d && strcmp(key, best) < 0)) {
			best = key;
			best_d = d;
		}
	}
	free(row);
	return best;
}
