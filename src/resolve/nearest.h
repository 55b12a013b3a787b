/*
 * nearest.h: "did you mean", for unknown ids (links, glossary) and
 * unknown citation keys, inside a bounded amount of work.
 *
 * A search is fed the known names one by one; the nearest by edit
 * distance (Levenshtein) wins when it is close enough to be a plausible
 * typo, ties going to the alphabetically first name so the hint does not
 * depend on hash order.  The work (cells of the distance table, at least
 * one per name looked at) is charged to one counter for the whole
 * document, against LIMIT_NEAREST_CELLS: once it is spent, searches give
 * no hint rather than a slow one (a million ids and a hundred typos).
 */
#ifndef FOLIO_RESOLVE_NEAREST_H
#define FOLIO_RESOLVE_NEAREST_H

#include <stddef.h>

typedef struct nearest_search {
	const char *name;
	size_t n, limit;
	int fold_case;      /* compare ASCII letters without case */
	const char *best;
	size_t best_d;
	size_t *row, row_cap;
	size_t *spent;      /* the document's counter of work */
	size_t max;         /* what it may reach */
	int exhausted;      /* the work ran out: no hint */
} nearest_search;

/* limit_extra: the distance allowed beyond a third of name's length. */
void nearest_begin(nearest_search *ns, const char *name, size_t limit_extra,
		   int fold_case, size_t *spent);
/* Weighs one known name; 0 once the work has run out (stop feeding). */
int nearest_consider(nearest_search *ns, const char *key);
/* The hint, or NULL; frees the search. */
const char *nearest_end(nearest_search *ns);

#endif
