/*
 * columns.h: a vertical list set in columns (columns.c), for the index.
 */
#ifndef FOLIO_LAYOUT_COLUMNS_H
#define FOLIO_LAYOUT_COLUMNS_H

#include "layout/flow.h"

/* Sets l (set at col_width) into f as pages of ncols columns (at most 16)
 * gap apart: one box per page, first_height tall on the current page and
 * height tall on the next ones, with forced page breaks between them; the
 * last page's columns balanced. */
void columns_set(flow *f, const vl_list *l, int ncols, fx col_width, fx gap,
		 fx first_height, fx height);

#endif
