/*
 * pageref.h: page references in print after an xref ("Gambar 1 (hlm.
 * 7)"), from the previous pass's pages (pageref.c).
 */
#ifndef FOLIO_LAYOUT_PAGEREF_H
#define FOLIO_LAYOUT_PAGEREF_H

#include "folio/tree.h"

struct lay_ctx;

/* Whether xref may print its target's page: its xrefstyle asks for the
 * page, or the style's xref.page is not never and the target is a
 * division, figure, table, example or equation. */
int pageref_wanted(const struct lay_ctx *c, const folio_node *xref);
/* 1 when pages a and b (indexes) are the same page or, two-sided, face
 * each other. */
int pageref_same_spread(int two_sided, int a, int b);

#endif
