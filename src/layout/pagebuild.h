/*
 * pagebuild.h: the vertical list cut into pages.
 *
 * Greedy, as TeX's page builder: fill a page, remember the cheapest legal
 * break (penalty plus the square of the space left, in lines), and when
 * the next box does not fit, cut at that break.  Penalties of 10000 (a
 * widow or orphan line, a heading and what follows) are never legal
 * breaks.  Footnotes are placed at the foot of the page of the line that
 * calls them, under a short rule; a note that does not fit whole is split
 * and continued on the next page, and a line is moved to the next page
 * when not even one line of its note would fit.  Header rows of a table
 * are repeated at the top of a page that continues it.
 */
#ifndef FOLIO_LAYOUT_PAGEBUILD_H
#define FOLIO_LAYOUT_PAGEBUILD_H

#include "layout/flow.h"

typedef struct pb_page {
	lay_page page;
	int numbering;        /* 1: front matter starts here, 2: body, 0 */
	const char *head_verso, *head_recto; /* running heads in force */
	fx body_bottom;       /* lowest baseline of the text block (checks) */
	unsigned spare;       /* room left after page.items[nitems] (for the
				 running head and folio) */
} pb_page;

typedef VEC(pb_page) pb_pages;

/* Cuts list into pages; notes come from flow_footnote(f, ...). */
void pagebuild(lay_ctx *c, const vl_list *list, flow *f, pb_pages *out);

/* Vertical justification: how much of short_by goes to the glue (in
 * proportion to its stretch) and to each gap between boxes (per_gap, and
 * 1 more to the first plus_one gaps), given the page's glue stretch and
 * number of gaps; what is left stays at the foot. */
void pb_vjust_split(fx short_by, int64_t stretch, unsigned gaps, fx leading,
		    fx *to_glue, fx *per_gap, unsigned *plus_one);

/* Whether a float of the given height, met when used of the page's goal
 * is taken, moves to the top of the next page: when it does not fit in
 * the rest of the page, or when floats before it already wait (their
 * order is kept); never when it is taller than a page. */
int pb_float_moves(fx height, fx used, fx goal, int others_waiting);

/* The text block of a page: left edge and width. */
fx pb_left_margin(const lay_style *st, unsigned page_index);

#endif
