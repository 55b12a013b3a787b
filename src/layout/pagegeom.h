/*
 * pagegeom.h: the page a style describes, checked before layout starts.
 */
#ifndef FOLIO_LAYOUT_PAGEGEOM_H
#define FOLIO_LAYOUT_PAGEGEOM_H

#include "folio/diag.h"
#include "layout/style.h"

/* The smallest text block folio lays out, each way. */
#define PAGEGEOM_MIN_BLOCK_MM 30
/* The largest page a PDF may have: 14400 pt. */
#define PAGEGEOM_MAX_PAGE_MM 5080

/* Whether s's page, margins and text block can hold a book: a page of
 * 1 to 5080 mm each way, margins of 0 or more, and a text block at least
 * 30 mm each way.  Returns 0, or -1 after a fatal report at path (the
 * style read) that gives the values and the allowed range. */
int pagegeom_check(const lay_style *s, const char *path, folio_diag *diag);

#endif
