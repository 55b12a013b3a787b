/*
 * prefetch.h: paragraphs set ahead on a second core.
 *
 * Setting paragraphs (shaping, hyphenation, Knuth-Plass) is most of a
 * layout pass, and a paragraph's lines depend only on its text, styles
 * and shape, which is what the run's paragraph cache is keyed by.  While
 * the main flow works from the first division to the last, a worker with
 * a context of its own (fonts opened again, the hyphenation dictionaries
 * shared, arenas and caches of its own, its diagnostics dropped) flows
 * the divisions from the last one back, and shares every paragraph it
 * sets (para_share in para.h).  The main flow takes a shared paragraph
 * instead of setting it; the two meet somewhere in the middle.  The
 * pages come out the same with or without the worker: it only ever saves
 * the main flow the work of computing what it would have computed.
 *
 * FOLIO_THREADS=1 in the environment turns the worker (and every other
 * second thread of folio) off.
 */
#ifndef FOLIO_LAYOUT_PREFETCH_H
#define FOLIO_LAYOUT_PREFETCH_H

#include "layout/ctx.h"

typedef struct top_div {
	const folio_node *node;
	int numbering; /* flow_top_division's argument */
} top_div;

typedef struct prefetch prefetch;

/* Starts the worker on divs[n-1], divs[n-2], ..., sharing into c->share
 * (which must be set).  NULL when there is nothing to gain (fewer than
 * three divisions, a small document, threads turned off) or no thread
 * could be made. */
prefetch *prefetch_start(lay_ctx *c, const char *manifest, const top_div *divs,
			 unsigned n);
/* The main flow has reached division i: the worker stops before it. */
void prefetch_main_at(prefetch *pf, unsigned i);
/* Waits for the worker to stop.  What it shared stays valid until
 * prefetch_free. */
void prefetch_stop(prefetch *pf);
void prefetch_free(prefetch *pf);

#endif
