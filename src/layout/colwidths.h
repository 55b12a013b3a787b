/*
 * colwidths.h: a table's column widths, from the source's colspec widths
 * or from its cells' content (see colwidths.c).
 */
#ifndef FOLIO_LAYOUT_COLWIDTHS_H
#define FOLIO_LAYOUT_COLWIDTHS_H

#include "layout/lay.h"

/* A CALS colwidth: a proportional part ("2*"), a length ("3cm"), or both
 * ("1*+1cm"); a column without one is "1*". */
typedef struct col_spec {
	double prop;  /* proportional parts */
	fx fixed;     /* absolute part */
} col_spec;

/* Parses a colwidth (or an HTML col width, "30%" as 30 parts); NULL or
 * an empty value is "1*".  Returns 0, or -1 when it cannot be read (the
 * spec is then "1*"). */
int colwidth_parse(const char *s, col_spec *out);

/* Widths of n columns from their specs at the measure avail: each gets
 * its absolute part, and what is left is shared by the proportional
 * parts.  When the absolute parts alone are wider than avail, all are
 * scaled down to it (the table never overflows).  Returns the sum. */
fx colwidths_from_specs(const col_spec *specs, int n, fx avail, fx *widths);

/* Widths of n columns from their content, as browsers do for an
 * automatic table layout: minw is the widest word of each column (the
 * widest thing that cannot break), maxw its widest line unbroken.  When
 * the maximums fit, each column gets its maximum and the rest of the
 * measure by its maximum; when the minimums fit, each gets its minimum
 * and the room left by how much more it wants; otherwise the minimums
 * are scaled down to avail.  Returns 1 when the minimums fit, else 0. */
int colwidths_from_content(const fx *minw, const fx *maxw, int n, fx avail,
			   fx *widths);

#endif
