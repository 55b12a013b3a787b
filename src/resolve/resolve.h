/*
 * resolve.h: the passes that turn a read tree into a resolved one, shared
 * only inside src/resolve/.  Each pass walks the tree once, records what
 * it computes on the nodes, and reports problems with the node's place.
 * resolve.c runs them in the order listed; a pass may rely on every pass
 * before it.
 */
#ifndef FOLIO_RESOLVE_RESOLVE_H
#define FOLIO_RESOLVE_RESOLVE_H

#include "folio/folio.h"

typedef int (*resolve_pass_fn)(folio_doc *doc, const folio_resolve_opts *opts,
			       folio_diag *diag);

int pass_lang(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_ids(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_links(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_numbering(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_glossary(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_citations(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_index(folio_doc *, const folio_resolve_opts *, folio_diag *);
int pass_refentry(folio_doc *, const folio_resolve_opts *, folio_diag *);

/* The id nearest to name among the document's ids (edit distance), for
 * "did you mean" hints; NULL when nothing is close, or when the
 * document's work for hints is spent (nearest.h). */
const char *resolve_nearest_id(folio_doc *doc, const char *name);

#endif
