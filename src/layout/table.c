/*
 * table: CALS (tgroup/colspec/thead/tbody/row/entry) and HTML
 * (thead/tbody/tr/td/th) tables as rows of boxes.
 *
 * Column widths come from colspec colwidth ("2*" proportional, "3cm"
 * fixed) or, without them, from the cells' text: each column gets its
 * longest word, and what is left is shared by how much text it holds.
 * Each cell is set by a flow of its own at the column's width; a row is
 * one box as tall as its tallest cell, so a row never splits.  Rules in
 * the book style: above the table, under the header, below the table.
 * Body rows carry their header rows, which the page builder repeats on a
 * new page.
 */
#include "layout/flow.h"
#include "layout/linebreak.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 64
#define CELL_PAD (3 * FX_PT)

typedef struct cell {
	const folio_node *node;
	int col, span;
} cell;

typedef struct row {
	const folio_node *node;
	int header;
	cell cells[MAX_COLS];
	int ncells;
} row;

typedef VEC(row) row_vec;

static int is_row(const folio_node *n)
{
	return n->kind == FOLIO_NODE_ROW || n->kind == FOLIO_NODE_TR;
}

static int is_cell(const folio_node *n)
{
	return n->kind == FOLIO_NODE_ENTRY || n->kind == FOLIO_NODE_TD ||
	       n->kind == FOLIO_NODE_TH;
}

/* Rows of the table in order: thead rows first, then tbody/tfoot. */
static void collect_rows(const folio_node *t, row_vec *rows, int *ncols)
{
	const folio_node *group = folio_node_child(t, FOLIO_NODE_TGROUP);
	const folio_node *top = group ? group : t;
	const char *cols = group ? folio_node_attr(group, "cols") : NULL;
	*ncols = cols ? atoi(cols) : 0;
	/* colspec names for namest/nameend */
	const char *names[MAX_COLS] = { 0 };
	int nnames = 0;
	for (const folio_node *c = top->first; c; c = c->next)
		if (c->kind == FOLIO_NODE_COLSPEC && nnames < MAX_COLS) {
			const char *num = folio_node_attr(c, "colnum");
			int k = num ? atoi(num) - 1 : nnames;
			if (k < 0 || k >= MAX_COLS)
				k = nnames;
			names[k] = folio_node_attr(c, "colname");
			nnames = k + 1;
		}
	for (int pass = 0; pass < 2; pass++) {
		for (const folio_node *sec = top->first; sec; sec = sec->next) {
			int head = sec->kind == FOLIO_NODE_THEAD;
			const folio_node *first = sec->first, *only = NULL;
			if (is_row(sec)) {
				only = sec;
				head = 0;
			} else if (sec->kind != FOLIO_NODE_THEAD &&
				   sec->kind != FOLIO_NODE_TBODY &&
				   sec->kind != FOLIO_NODE_TFOOT) {
				continue;
			}
			if (head != (pass == 0))
				continue;
			for (const folio_node *r = only ? only : first; r;
			     r = only ? NULL : r->next) {
				if (!is_row(r))
					continue;
				row rw;
				memset(&rw, 0, sizeof rw);
				rw.node = r;
				rw.header = head;
				int col = 0;
				for (const folio_node *c = r->first; c && rw.ncells < MAX_COLS; c = c->next) {
					if (!is_cell(c))
						continue;
					int span = 1;
					const char *cs = folio_node_attr(c, "colspan");
					if (cs)
						span = atoi(cs);
					const char *ns = folio_node_attr(c, "namest");
					const char *ne = folio_node_attr(c, "nameend");
					for (int k = 0; ns && k < nnames; k++) {
						if (names[k] && strcmp(names[k], ns) == 0)
							col = k;
						if (ne && names[k] && strcmp(names[k], ne) == 0)
							span = k - col + 1;
					}
					const char *nm = folio_node_attr(c, "colname");
					for (int k = 0; nm && k < nnames; k++)
						if (names[k] && strcmp(names[k], nm) == 0)
							col = k;
					if (span < 1 || col + span > MAX_COLS)
						span = 1;
					if (col >= MAX_COLS)
						break;
					rw.cells[rw.ncells].node = c;
					rw.cells[rw.ncells].col = col;
					rw.cells[rw.ncells].span = span;
					rw.ncells++;
					col += span;
				}
				/* an HTML row of th cells only is a header row */
				int th = rw.ncells > 0;
				for (int k = 0; k < rw.ncells; k++)
					th &= rw.cells[k].node->kind == FOLIO_NODE_TH;
				if (th && !head && rows->n == 0)
					rw.header = 1;
				if (col > *ncols)
					*ncols = col;
				VEC_PUSH(*rows, rw);
			}
		}
	}
	if (*ncols > MAX_COLS)
		*ncols = MAX_COLS;
}

/* The longest word and the whole text of a cell, on one line. */
static void cell_widths(lay_ctx *c, const folio_node *cn, fx size,
			fx *minw, fx *maxw)
{
	const char *t = folio_node_text(c->doc, cn);
	para_style ps = { 0 };
	ps.face = c->text_face[FS_REGULAR];
	ps.size = size;
	*minw = 0;
	*maxw = 0;
	const char *p = t;
	fx space = para_measure(c, &ps, " ", 1);
	while (*p) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		size_t n = strcspn(p, " \n\t");
		if (n == 0)
			break;
		fx w = para_measure(c, &ps, p, n);
		if (w > *minw)
			*minw = w;
		*maxw += w + space;
		p += n;
	}
}

static void column_widths(flow *f, const folio_node *t, row_vec *rows,
			  int ncols, fx avail, fx size, fx *widths)
{
	lay_ctx *c = flow_ctx(f);
	const folio_node *group = folio_node_child(t, FOLIO_NODE_TGROUP);
	double prop[MAX_COLS] = { 0 };
	fx fixed[MAX_COLS] = { 0 };
	int specs = 0, k = 0;
	for (const folio_node *cs = group ? group->first : t->first; cs; cs = cs->next) {
		if (cs->kind != FOLIO_NODE_COLSPEC && cs->kind != FOLIO_NODE_COL)
			continue;
		const char *w = folio_node_attr(cs, cs->kind == FOLIO_NODE_COL ? "width" : "colwidth");
		if (k < MAX_COLS && w) {
			char *end;
			double v = strtod(w, &end);
			if (*end == '*')
				prop[k] = v > 0 ? v : 1;
			else if (*end == '%')
				prop[k] = v;
			else if (style_parse_length(w, &fixed[k]) == 0)
				prop[k] = 0;
			specs++;
		}
		k++;
	}
	fx minw[MAX_COLS] = { 0 }, maxw[MAX_COLS] = { 0 };
	for (size_t r = 0; r < rows->n; r++)
		for (int i = 0; i < rows->v[r].ncells; i++) {
			cell *ce = &rows->v[r].cells[i];
			fx mn, mx;
			cell_widths(c, ce->node, size, &mn, &mx);
			mn = mn / ce->span + 2 * CELL_PAD;
			mx = mx / ce->span + 2 * CELL_PAD;
			for (int s = 0; s < ce->span && ce->col + s < ncols; s++) {
				if (mn > minw[ce->col + s])
					minw[ce->col + s] = mn;
				if (mx > maxw[ce->col + s])
					maxw[ce->col + s] = mx;
			}
		}
	if (specs > 0) {
		fx used = 0;
		double total = 0;
		for (int i = 0; i < ncols; i++) {
			used += fixed[i];
			total += prop[i];
		}
		for (int i = 0; i < ncols; i++) {
			if (fixed[i] > 0)
				widths[i] = fixed[i];
			else if (total > 0)
				widths[i] = (fx)((avail - used) * (prop[i] / total));
			else
				widths[i] = (avail - used) / ncols;
		}
		return;
	}
	fx summin = 0, summax = 0;
	for (int i = 0; i < ncols; i++) {
		summin += minw[i];
		summax += maxw[i];
	}
	for (int i = 0; i < ncols; i++) {
		if (summax <= avail || summin >= avail)
			widths[i] = summax > 0 ? fx_muldiv(maxw[i], avail, summax) : avail / ncols;
		else
			widths[i] = minw[i] + fx_muldiv(maxw[i] - minw[i], avail - summin,
							 summax - summin);
	}
	if (summin >= avail)
		for (int i = 0; i < ncols; i++)
			widths[i] = summin > 0 ? fx_muldiv(minw[i], avail, summin) : avail / ncols;
}

typedef VEC(lay_item) item_vec;
typedef VEC(const folio_node *) node_vec;

/* Stacks a cell's list into items at (x, 0); returns its height. */
static fx place_cell(const vl_list *l, fx x, item_vec *items, node_vec *notes)
{
	fx y = CELL_PAD;
	for (size_t i = 0; i < l->n; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_GLUE && y > CELL_PAD)
			y += e->glue;
		if (e->kind != VL_BOX)
			continue;
		y += e->h;
		for (unsigned k = 0; k < e->nitems; k++) {
			lay_item it = e->items[k];
			it.x += x + e->x;
			it.y += y;
			VEC_PUSH(*items, it);
		}
		for (unsigned k = 0; k < e->nnotes; k++)
			VEC_PUSH(*notes, e->notes[k]);
		y += e->d;
	}
	return y + CELL_PAD;
}

static void rule(item_vec *items, fx x, fx y, fx w, fx thick)
{
	lay_item r = { 0 };
	r.kind = LI_RULE;
	r.x = x;
	r.y = y;
	r.w = w;
	r.h = thick;
	VEC_PUSH(*items, r);
}

void flow_table(flow *f, const folio_node *t)
{
	lay_ctx *c = flow_ctx(f);
	const lay_style *st = c->st;
	row_vec rows = { 0 };
	int ncols = 0;
	collect_rows(t, &rows, &ncols);
	fx avail = flow_measure(f) - flow_left(f);
	fx size = st->size_small;
	fx leading = st->leading_small;

	flow_space(f, 8 * FX_PT, 2 * FX_PT);
	const folio_node *title = folio_node_title(t);
	if (title || t->kind == FOLIO_NODE_TABLE) {
		/* "Tabel 2. Title" above the table, kept with it */
		flow_caption(f, t, t->kind == FOLIO_NODE_TABLE ? c->lang->table : NULL,
			     title);
		flow_penalty(f, LB_INF);
		flow_space(f, 3 * FX_PT, 0);
	}
	if (ncols == 0 || rows.n == 0) {
		VEC_FREE(rows);
		return;
	}
	fx widths[MAX_COLS];
	column_widths(f, t, &rows, ncols, avail, size, widths);
	fx xs[MAX_COLS + 1];
	xs[0] = 0;
	for (int i = 0; i < ncols; i++)
		xs[i + 1] = xs[i] + widths[i];
	fx total_w = xs[ncols];

	int head_first = -1;
	unsigned head_count = 0;
	int nhead = 0;
	for (size_t r = 0; r < rows.n; r++)
		nhead += rows.v[r].header;
	for (size_t r = 0; r < rows.n; r++) {
		row *rw = &rows.v[r];
		item_vec items = { 0 };
		node_vec notes = { 0 };
		fx height = 0;
		for (int i = 0; i < rw->ncells; i++) {
			cell *ce = &rw->cells[i];
			if (ce->col >= ncols)
				continue;
			int end = ce->col + ce->span;
			if (end > ncols)
				end = ncols;
			fx w = xs[end] - xs[ce->col] - 2 * CELL_PAD;
			vl_list cl = { 0 };
			flow *cf = flow_sub(f, &cl, w, size, leading, rw->header);
			flow_blocks(cf, ce->node);
			flow_free(cf);
			fx h = place_cell(&cl, xs[ce->col] + CELL_PAD, &items, &notes);
			VEC_FREE(cl);
			if (h > height)
				height = h;
		}
		if (r == 0)
			rule(&items, 0, 0, total_w, 800);
		if (rw->header && (r + 1 == rows.n || !rows.v[r + 1].header))
			rule(&items, 0, height - 250, total_w, 500);
		if (r + 1 == rows.n)
			rule(&items, 0, height - 400, total_w, 800);
		/* rows are boxes with their top at y = 0: shift to baseline */
		for (size_t k = 0; k < items.n; k++)
			items.v[k].y -= height;
		lay_item *v = arena_alloc(c->arena, (items.n + 1) * sizeof(lay_item));
		memcpy(v, items.v, items.n * sizeof(lay_item));
		if (r > 0)
			flow_penalty(f, rw->header || (int)r <= nhead ? LB_INF : 0);
		flow_box(f, v, (unsigned)items.n, height, 0, flow_left(f));
		flow_box_notes(f, notes.v, (unsigned)notes.n);
		if (rw->header) {
			if (head_first < 0)
				head_first = flow_last_index(f);
			head_count++;
		} else if (head_first >= 0) {
			flow_set_repeat(f, head_first, head_count);
		}
		VEC_FREE(items);
		VEC_FREE(notes);
	}
	VEC_FREE(rows);
	flow_space(f, 8 * FX_PT, 2 * FX_PT);
}
