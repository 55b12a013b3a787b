/*
 * nearest: "did you mean" for an unknown id or key, in bounded work
 * (nearest.h).  resolve_nearest_id() searches the document's ids; the
 * citation pass feeds its keys to the same search (biblio_db.c).
 */
#include "resolve/nearest.h"
#include "resolve/resolve.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int same_char(const nearest_search *ns, char a, char b)
{
	if (a == b)
		return 1;
	return ns->fold_case && tolower((unsigned char)a) == tolower((unsigned char)b);
}

/* Distance between ns->name and b, or limit + 1 when it exceeds limit:
 * the computation stops as soon as a whole row is past the limit, and
 * only the band of width 2 * limit + 1 around the diagonal is filled (a
 * cell outside it is past the limit already).  *cells receives the work
 * done. */
static size_t distance(const nearest_search *ns, const char *b, size_t nb,
		       size_t limit, size_t *row, size_t *cells)
{
	const char *a = ns->name;
	size_t na = ns->n;
	size_t far = limit + 1;
	*cells = 1;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j < far ? j : far;
	for (size_t i = 1; i <= na; i++) {
		size_t lo = i > limit ? i - limit : 1;
		size_t hi = i + limit < nb ? i + limit : nb;
		size_t diag = row[lo - 1];
		row[lo - 1] = lo == 1 && i < far ? i : far;
		size_t best = row[lo - 1];
		for (size_t j = lo; j <= hi; j++) {
			size_t up = row[j];
			size_t v = diag + (same_char(ns, a[i - 1], b[j - 1]) ? 0 : 1);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (v > far)
				v = far;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (hi < nb)
			row[hi + 1] = far; /* the band's edge for the next row */
		*cells += hi >= lo ? hi - lo + 1 : 0;
		if (best > limit)
			return far;
	}
	return row[nb];
}

void nearest_begin(nearest_search *ns, const char *name, size_t limit_extra,
		   int fold_case, size_t *spent)
{
	memset(ns, 0, sizeof(*ns));
	ns->name = name;
	ns->n = strlen(name);
	ns->limit = ns->n / 3 + limit_extra;
	ns->best_d = ns->limit + 1;
	ns->fold_case = fold_case;
	ns->spent = spent;
	ns->max = limit_value(LIMIT_NEAREST_CELLS);
}

int nearest_consider(nearest_search *ns, const char *key)
{
	if (ns->exhausted)
		return 0;
	if (*ns->spent >= ns->max) {
		ns->exhausted = 1;
		return 0;
	}
	size_t nk = strlen(key);
	size_t diff = nk > ns->n ? nk - ns->n : ns->n - nk;
	if (diff > ns->limit) {
		*ns->spent += 1;
		return 1;
	}
	ns->row = vec_reserve(ns->row, &ns->row_cap, nk + 2, sizeof(*ns->row));
	size_t cells;
	size_t d = distance(ns, key, nk, ns->limit, ns->row, &cells);
	*ns->spent += cells;
	if (d == 0 || d > ns->limit)
		return 1;
	if (d < ns->best_d || (d == ns->best_d && strcmp(key, ns->best) < 0)) {
		ns->best = key;
		ns->best_d = d;
	}
	return 1;
}

const char *nearest_end(nearest_search *ns)
{
	free(ns->row);
	ns->row = NULL;
	return ns->exhausted ? NULL : ns->best;
}

const char *resolve_nearest_id(folio_doc *doc, const char *name)
{
	if (name == NULL || doc->ids == NULL)
		return NULL;
	nearest_search ns;
	nearest_begin(&ns, name, 1, 0, &doc->hint_work);
	size_t pos = 0;
	const char *key;
	void *value;
	while (hash_next(doc->ids, &pos, &key, &value) && nearest_consider(&ns, key))
		;
	return nearest_end(&ns);
}
