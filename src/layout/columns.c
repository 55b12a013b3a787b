/*
 * columns: a vertical list set in columns, page by page (the index).
 *
 * The list (set at the column's width) is cut into columns greedily, as
 * the page builder cuts pages: the cheapest legal break (penalty plus the
 * square of the lines left) before the first box that does not fit.  The
 * columns of a page become one box of the block's height, followed by a
 * forced page break; the last page's columns are balanced (the shortest
 * height at which the rest fits in them).  Each full column is justified
 * to its foot like a page (glue first, then the gaps between lines), so
 * both columns, and facing pages, end on the same baseline.
 */
#include "layout/columns.h"
#include "layout/linebreak.h"
#include "layout/pagebuild.h"

#include <string.h>

typedef VEC(lay_item) item_vec;

/* The index heading a column starting at from repeats, "(lanjutan)"
 * added: its first box's, when that box is a sub-entry's. */
static const vl_elem *column_head(const vl_list *l, size_t from)
{
	while (from < l->n && l->v[from].kind != VL_BOX)
		from++;
	return from < l->n ? l->v[from].continued : NULL;
}

/* Where a column of height h starting at from ends: the element index
 * after its last box (the break), and *next where the next column
 * starts.  Takes at least one box. */
static size_t cut(const vl_list *l, size_t from, fx h, fx leading, size_t *next)
{
	size_t i = from;
	while (i < l->n && l->v[i].kind != VL_BOX)
		i++; /* nothing but a box opens a column */
	const vl_elem *head = column_head(l, from);
	fx used = head ? vl_elem_height(head) : 0;
	int have_box = 0;
	size_t best = (size_t)-1;
	double best_cost = 1e300;
	for (; i < l->n; i++) {
		const vl_elem *e = &l->v[i];
		if (have_box && vl_legal_break(l, i)) {
			int pen = e->kind == VL_PENALTY ? e->penalty : 0;
			if (pen <= -LB_INF) {
				*next = i + 1;
				return i;
			}
			fx left = h - used > 0 ? h - used : 0;
			double lines = (double)left / (double)leading;
			double cost = pen + 100.0 * lines * lines;
			if (cost <= best_cost) {
				best_cost = cost;
				best = i;
			}
		}
		if (e->kind == VL_GLUE) {
			used += e->glue;
			continue;
		}
		if (e->kind != VL_BOX)
			continue;
		if (have_box && used + vl_elem_height(e) > h) {
			size_t end = best != (size_t)-1 ? best : i;
			*next = end < l->n && l->v[end].kind != VL_BOX ? end + 1 : end;
			return end;
		}
		used += vl_elem_height(e);
		have_box = 1;
	}
	*next = l->n;
	return l->n;
}

/* Places [from, to) at x, its first baseline at the column's top; when
 * fill > 0 spreads the column so its last baseline is at fill - depth of
 * a line.  Items go in relative to the column's top; returns the first
 * text node (for the page map). */
static void place(const vl_list *l, size_t from, size_t to, fx x, fx fill,
		  fx line_depth, fx leading, item_vec *items,
		  const folio_node **src, size_t *src_off)
{
	int64_t stretch = 0;
	unsigned boxes = 0;
	fx last_base = 0, y = 0;
	int top = 1;
	const vl_elem *head = column_head(l, from);
	if (head) {
		y = last_base = head->h;
		y += head->d;
		boxes = 1;
		top = 0;
	}
	for (size_t i = from; i < to; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_GLUE && !top) {
			y += e->glue;
			stretch += e->stretch;
		}
		if (e->kind != VL_BOX)
			continue;
		top = 0;
		y += e->h;
		last_base = y;
		y += e->d;
		boxes++;
	}
	/* the page builder's rule (pagebuild.c) */
	fx short_by = fill > 0 ? fill - line_depth - last_base : 0;
	fx to_glue = 0, per_gap = 0;
	unsigned plus_one = 0;
	pb_vjust_split(short_by, stretch, boxes > 1 ? boxes - 1 : 0, leading,
		       &to_glue, &per_gap, &plus_one);
	int64_t seen = 0;
	fx given = 0;
	y = 0;
	top = 1;
	boxes = 0;
	if (head) {
		y = head->h;
		for (unsigned k = 0; k < head->nitems; k++) {
			lay_item it = head->items[k];
			it.x += x + head->x;
			it.y += y;
			VEC_PUSH(*items, it);
		}
		y += head->d;
		boxes = 1;
		top = 0;
	}
	for (size_t i = from; i < to; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_GLUE && !top) {
			y += e->glue;
			if (stretch > 0 && e->stretch > 0) {
				seen += e->stretch;
				fx upto = (fx)(to_glue * seen / stretch);
				y += upto - given;
				given = upto;
			}
		}
		if (e->kind != VL_BOX)
			continue;
		top = 0;
		if (boxes++)
			y += per_gap + (boxes - 1 <= plus_one);
		y += e->h;
		for (unsigned k = 0; k < e->nitems; k++) {
			lay_item it = e->items[k];
			it.x += x + e->x;
			it.y += y;
			VEC_PUSH(*items, it);
		}
		if (e->src && *src == NULL) {
			*src = e->src;
			*src_off = e->src_off;
		}
		y += e->d;
	}
}

void columns_set(flow *f, const vl_list *l, int ncols, fx col_width, fx gap,
		 fx first_height, fx height)
{
	lay_ctx *c = flow_ctx(f);
	fx leading = c->st->leading;
	fx line_depth = leading * 27 / 100;
	size_t i = 0;
	int first = 1;
	while (i < l->n) {
		while (i < l->n && l->v[i].kind != VL_BOX)
			i++;
		if (i >= l->n)
			break;
		fx h = first ? first_height : height;
		if (h < 3 * leading)
			h = 3 * leading;
		/* does the rest fit on this page?  then balance it */
		size_t ends[16], starts[16];
		size_t at = i;
		int k;
		for (k = 0; k < ncols && at < l->n; k++) {
			starts[k] = at;
			ends[k] = cut(l, at, h, leading, &at);
			while (at < l->n && l->v[at].kind != VL_BOX)
				at++;
		}
		int last = at >= l->n;
		fx used_h = h;
		if (last) {
			/* the least height at which the rest fits in ncols
			 * columns, searched in steps of a quarter line */
			fx lo = vl_natural_height(l, i, l->n) / ncols, hi = h;
			if (lo > hi)
				lo = hi;
			for (fx t = lo; t <= hi; t += leading / 4) {
				size_t a = i;
				int kk;
				size_t e2[16], s2[16];
				for (kk = 0; kk < ncols && a < l->n; kk++) {
					s2[kk] = a;
					e2[kk] = cut(l, a, t, leading, &a);
					while (a < l->n && l->v[a].kind != VL_BOX)
						a++;
				}
				if (a >= l->n) {
					memcpy(starts, s2, sizeof(size_t) * (size_t)kk);
					memcpy(ends, e2, sizeof(size_t) * (size_t)kk);
					k = kk;
					used_h = t;
					break;
				}
			}
			fx tallest = 0;
			for (int j = 0; j < k; j++) {
				fx nh = vl_natural_height(l, starts[j], ends[j]);
				if (nh > tallest)
					tallest = nh;
			}
			used_h = tallest;
		}
		item_vec items = { 0 };
		const folio_node *src = NULL;
		size_t src_off = 0;
		for (int j = 0; j < k; j++)
			place(l, starts[j], ends[j], j * (col_width + gap),
			      last ? 0 : h, line_depth, leading, &items, &src, &src_off);
		/* the page's columns: one box, its baseline at the foot */
		for (size_t m = 0; m < items.n; m++)
			items.v[m].y -= used_h;
		lay_item *v = arena_alloc(c->arena, (items.n + 1) * sizeof(lay_item));
		memcpy(v, items.v, items.n * sizeof(lay_item));
		flow_box(f, v, (unsigned)items.n, used_h, 0, flow_left(f));
		flow_box_source(f, src, src_off);
		VEC_FREE(items);
		if (!last)
			flow_penalty(f, -LB_INF);
		i = at;
		first = 0;
	}
}
