/*
 * table: CALS (tgroup/colspec/thead/tbody/row/entry) and HTML
 * (thead/tbody/tr/td/th) tables as rows of boxes.
 *
 * Column widths come from colspec colwidth ("2*" proportional, "3cm"
 * fixed, "1*+1cm" both) or, without them, from the cells' text: each
 * column gets its widest word, and what is left is shared by how much
 * more it holds (colwidths.c).  A table whose widest words do not fit
 * the measure is set smaller, down to 70% of the small size.
 * Each cell is set by a flow of its own at the column's width.  Cells
 * may span columns (namest/nameend, colspan) and rows (morerows,
 * rowspan); rows joined by a cell spanning them are laid out together.
 * A row (or such a group) is cut into slices at the heights where no
 * cell has a line across, so a row taller than what is left of a page
 * goes on over the next one; a page breaks inside a row only when that
 * saves much room (more than four lines), and after its first or before
 * its last line only when nothing else will do.
 * Rules in the book style: above the table, under the header, below the
 * table.  Body rows carry their header rows, which the page builder
 * repeats on a new page.
 */
#include "layout/breaks.h"
#include "layout/colwidths.h"
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
	int rows;      /* rows it covers (1 + morerows) */
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

/* Rows of the table in order: thead rows first, then tbody/tfoot.
 * *lost receives the first cell left out past MAX_COLS columns (or the
 * tgroup whose cols asks for more), NULL when none is. */
static void collect_rows(const folio_node *t, row_vec *rows, int *ncols,
			 const folio_node **lost)
{
	*lost = NULL;
	const folio_node *group = folio_node_child(t, FOLIO_NODE_TGROUP);
	const folio_node *top = group ? group : t;
	const char *cols = group ? folio_node_attr(group, "cols") : NULL;
	*ncols = cols ? atoi(cols) : 0;
	if (*ncols > MAX_COLS)
		*lost = group;
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
	int busy[MAX_COLS] = { 0 }, busy_next[MAX_COLS] = { 0 };
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
				for (const folio_node *c = r->first; c; c = c->next) {
					if (!is_cell(c))
						continue;
					if (rw.ncells == MAX_COLS) {
						if (*lost == NULL)
							*lost = c;
						break;
					}
					while (col < MAX_COLS && busy[col] > 0)
						col++; /* covered by a cell of a row above */
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
					if (col >= MAX_COLS) {
						if (*lost == NULL)
							*lost = c;
						break;
					}
					const char *mr = folio_node_attr(c, "morerows");
					const char *rs = folio_node_attr(c, "rowspan");
					int nrows = mr ? atoi(mr) + 1 : rs ? atoi(rs) : 1;
					if (nrows < 1 || nrows > 1000)
						nrows = 1;
					rw.cells[rw.ncells].node = c;
					rw.cells[rw.ncells].col = col;
					rw.cells[rw.ncells].span = span;
					rw.cells[rw.ncells].rows = nrows;
					rw.ncells++;
					for (int k = col; k < col + span && k < MAX_COLS; k++)
						if (nrows > busy_next[k])
							busy_next[k] = nrows;
					col += span;
				}
				/* columns a cell of this row keeps for the rows below */
				for (int k = 0; k < MAX_COLS; k++) {
					int b = busy[k] > 0 ? busy[k] - 1 : 0;
					if (busy_next[k] - 1 > b)
						b = busy_next[k] - 1;
					busy[k] = b;
					busy_next[k] = 0;
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

/* The widest piece of a word that cannot break: a URL's between the
 * places a copy editor breaks it, another word's between a slash or a
 * hyphen and what follows. */
static fx word_min(lay_ctx *c, const para_style *ps, const char *w, size_t n)
{
	unsigned char before[256];
	if (n >= sizeof before)
		return para_measure(c, ps, w, n);
	if (breaks_url_like(w, n)) {
		breaks_url_points(w, n, before);
	} else {
		memset(before, 0, n);
		for (size_t i = 1; i + 1 < n; i++)
			before[i] = (w[i - 1] == '/' || w[i - 1] == '-') && w[i] != '/' && w[i] != '-';
	}
	fx widest = 0;
	size_t from = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && !before[i])
			continue;
		fx piece = para_measure(c, ps, w + from, i - from);
		if (piece > widest)
			widest = piece;
		from = i;
	}
	return widest;
}

/* The widest word and the whole text of a cell on one line, in the face
 * of its row (bold in a header). */
static void cell_widths(lay_ctx *c, const folio_node *cn, fx size, int header,
			fx *minw, fx *maxw)
{
	const char *t = folio_node_text(c->doc, cn);
	para_style ps = { 0 };
	ps.face = c->text_face[header ? FS_BOLD : FS_REGULAR];
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
		fx piece = w > 0 ? word_min(c, &ps, p, n) : 0;
		if (piece > *minw)
			*minw = piece;
		*maxw += w + space;
		p += n;
	}
}

/* The given widths of the columns, when the source gives any: colspec
 * colwidth (CALS) or col width (HTML); a column without one is "1*". */
static int given_widths(lay_ctx *c, const folio_node *t, int ncols, col_spec *specs)
{
	const folio_node *group = folio_node_child(t, FOLIO_NODE_TGROUP);
	int given = 0, k = 0;
	for (int i = 0; i < ncols; i++)
		colwidth_parse(NULL, &specs[i]);
	for (const folio_node *cs = group ? group->first : t->first; cs; cs = cs->next) {
		if (cs->kind != FOLIO_NODE_COLSPEC && cs->kind != FOLIO_NODE_COL)
			continue;
		const char *num = cs->kind == FOLIO_NODE_COLSPEC ? folio_node_attr(cs, "colnum") : NULL;
		if (num && atoi(num) >= 1)
			k = atoi(num) - 1;
		const char *w = folio_node_attr(cs, cs->kind == FOLIO_NODE_COL ? "width" : "colwidth");
		if (k < ncols && w) {
			/* NaN, infinities, 0 and negative widths are refused
			 * (a warning): the column is sized as one without a width */
			if (colwidth_parse(w, &specs[k]) == 0) {
				given = 1;
			} else if (!c->quiet) {
				folio_report(c->diag, FOLIO_WARNING, cs->loc,
					     "column width \"%s\" is not one folio can use (n*, n%%, a length above 0, or a sum of them); the column is sized as one without a width",
					     w);
			}
		}
		k++;
	}
	return given;
}

/* Each column's widest word and widest line at size. */
static void content_widths(lay_ctx *c, const row_vec *rows, int ncols, fx size,
			   fx *minw, fx *maxw)
{
	for (int i = 0; i < ncols; i++)
		minw[i] = maxw[i] = 0;
	for (size_t r = 0; r < rows->n; r++)
		for (int i = 0; i < rows->v[r].ncells; i++) {
			const cell *ce = &rows->v[r].cells[i];
			fx mn, mx;
			cell_widths(c, ce->node, size, rows->v[r].header, &mn, &mx);
			mn = mn / ce->span + 2 * CELL_PAD;
			mx = mx / ce->span + 2 * CELL_PAD;
			for (int s = 0; s < ce->span && ce->col + s < ncols; s++) {
				if (mn > minw[ce->col + s])
					minw[ce->col + s] = mn;
				if (mx > maxw[ce->col + s])
					maxw[ce->col + s] = mx;
			}
		}
}

/* The smallest size a table is set in to fit the measure, as a share of
 * the style's small size. */
#define TABLE_MIN_SCALE 0.7

/* Column widths, and the size the table is set in: the style's small
 * size, or smaller when the columns' widest words do not fit the
 * measure at it (down to TABLE_MIN_SCALE of it; below that the words
 * break inside, under a hyphen). */
static void column_widths(flow *f, const folio_node *t, row_vec *rows,
			  int ncols, fx avail, fx *size, fx *widths)
{
	lay_ctx *c = flow_ctx(f);
	col_spec specs[MAX_COLS];
	if (given_widths(c, t, ncols, specs)) {
		colwidths_from_specs(specs, ncols, avail, widths);
		return;
	}
	fx minw[MAX_COLS], maxw[MAX_COLS];
	content_widths(c, rows, ncols, *size, minw, maxw);
	if (colwidths_from_content(minw, maxw, ncols, avail, widths))
		return;
	/* the words scale with the size, the padding does not */
	fx pads = ncols * 2 * CELL_PAD, summin = 0;
	for (int i = 0; i < ncols; i++)
		summin += minw[i];
	double scale = summin > pads && avail > pads
			       ? (double)(avail - pads) / (double)(summin - pads)
			       : 0;
	if (scale < TABLE_MIN_SCALE)
		scale = TABLE_MIN_SCALE;
	fx smaller = (fx)((double)*size * scale) / (FX_PT / 10) * (FX_PT / 10);
	content_widths(c, rows, ncols, smaller, minw, maxw);
	int fits = colwidths_from_content(minw, maxw, ncols, avail, widths);
	if (!c->quiet)
		folio_report(c->diag, FOLIO_WARNING, t->loc,
			     "the table's columns are too wide for the measure at %.1f pt: "
			     "it is set in %.1f pt%s", (double)*size / FX_PT,
			     (double)smaller / FX_PT,
			     fits ? "" : ", and its widest words still break inside");
	*size = smaller;
}

typedef VEC(lay_item) item_vec;
typedef VEC(const folio_node *) node_vec;

typedef struct span_y {
	fx top, bottom;        /* a line (box) of a cell: no cut between */
} span_y;

typedef struct note_at {
	const folio_node *note;
	fx y;                  /* baseline of the calling line */
} note_at;

typedef VEC(span_y) span_vec;
typedef VEC(note_at) noteat_vec;

/* Stacks a cell's list into items at (x, y0); returns its height.  Each
 * box's extent goes into lines, each footnote call into notes. */
static fx place_cell(const vl_list *l, fx x, fx y0, item_vec *items,
		     noteat_vec *notes, span_vec *lines)
{
	fx y = CELL_PAD;
	int first = 1;
	for (size_t i = 0; i < l->n; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_GLUE && !first)
			y += e->glue;
		if (e->kind != VL_BOX)
			continue;
		first = 0;
		span_y sp = { y0 + y, 0 };
		y += e->h;
		for (unsigned k = 0; k < e->nitems; k++) {
			lay_item it = e->items[k];
			it.x += x + e->x;
			it.y += y0 + y;
			VEC_PUSH(*items, it);
		}
		for (unsigned k = 0; k < e->nnotes; k++) {
			note_at na = { e->notes[k], y0 + y };
			VEC_PUSH(*notes, na);
		}
		y += e->d;
		sp.bottom = y0 + y;
		VEC_PUSH(*lines, sp);
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

typedef struct tbl {
	flow *f;
	lay_ctx *c;
	row_vec *rows;
	int ncols;
	const fx *xs;          /* column edges */
	fx total_w;
	fx size, leading;
	int head_first;        /* list index of the first header box */
	unsigned head_count;
	int nhead;             /* header rows */
	int boxes;             /* boxes so far (a penalty goes between) */
} tbl;

static int cmp_fx(const void *a, const void *b)
{
	fx x = *(const fx *)a, y = *(const fx *)b;
	return (x > y) - (x < y);
}

/* Whether a cut at y runs across a line of some cell. */
static int cuts_line(const span_vec *lines, fx y)
{
	for (size_t i = 0; i < lines->n; i++)
		if (lines->v[i].top < y && y < lines->v[i].bottom)
			return 1;
	return 0;
}

/* Rows [r0, r1): their cells set, placed, and appended as slices. */
static void set_unit(tbl *t, size_t r0, size_t r1)
{
	lay_ctx *c = t->c;
	size_t nr = r1 - r0;
	fx *row_h = xcalloc(nr + 1, sizeof(fx));
	fx *row_top = xcalloc(nr + 1, sizeof(fx));
	/* each cell set once: its list kept until placed */
	typedef struct set_cell { const cell *ce; size_t row; vl_list l; fx h; } set_cell;
	VEC(set_cell) cells = { 0 };
	int header = t->rows->v[r0].header;
	for (size_t r = r0; r < r1; r++) {
		row *rw = &t->rows->v[r];
		for (int i = 0; i < rw->ncells; i++) {
			const cell *ce = &rw->cells[i];
			if (ce->col >= t->ncols)
				continue;
			int e = ce->col + ce->span;
			if (e > t->ncols)
				e = t->ncols;
			fx w = t->xs[e] - t->xs[ce->col] - 2 * CELL_PAD;
			set_cell sc = { ce, r - r0, { 0 }, 0 };
			flow *cf = flow_sub(t->f, &sc.l, w, t->size, t->leading, rw->header);
			flow_blocks(cf, ce->node);
			flow_free(cf);
			/* its height, measured by placing it nowhere */
			item_vec tmp = { 0 };
			noteat_vec tn = { 0 };
			span_vec tl = { 0 };
			sc.h = place_cell(&sc.l, 0, 0, &tmp, &tn, &tl);
			VEC_FREE(tmp);
			VEC_FREE(tn);
			VEC_FREE(tl);
			if (ce->rows <= 1 && sc.h > row_h[r - r0])
				row_h[r - r0] = sc.h;
			VEC_PUSH(cells, sc);
		}
	}
	/* a cell spanning rows: the last of them grows when it needs room */
	for (size_t i = 0; i < cells.n; i++) {
		const set_cell *sc = &cells.v[i];
		if (sc->ce->rows <= 1)
			continue;
		size_t last = sc->row + (size_t)sc->ce->rows - 1;
		if (last >= nr)
			last = nr - 1;
		fx have = 0;
		for (size_t k = sc->row; k <= last; k++)
			have += row_h[k];
		if (sc->h > have)
			row_h[last] += sc->h - have;
	}
	fx height = 0;
	for (size_t k = 0; k < nr; k++) {
		row_top[k] = height;
		height += row_h[k];
	}
	item_vec items = { 0 };
	noteat_vec notes = { 0 };
	span_vec lines = { 0 };
	for (size_t i = 0; i < cells.n; i++) {
		set_cell *sc = &cells.v[i];
		place_cell(&sc->l, t->xs[sc->ce->col] + CELL_PAD, row_top[sc->row],
			   &items, &notes, &lines);
		VEC_FREE(sc->l);
	}
	VEC_FREE(cells);
	size_t last_row = t->rows->n;
	if (r0 == 0)
		rule(&items, 0, 0, t->total_w, 800);
	if (header && (r1 == last_row || !t->rows->v[r1].header))
		rule(&items, 0, height - 250, t->total_w, 500);
	if (r1 == last_row)
		rule(&items, 0, height - 400, t->total_w, 800);

	/* where the unit may be cut: below a line of some cell, or between
	 * rows, where no other cell has a line across */
	VEC(fx) cuts = { 0 };
	if (!header) {
		for (size_t i = 0; i < lines.n; i++)
			VEC_PUSH(cuts, lines.v[i].bottom);
		for (size_t k = 1; k < nr; k++)
			VEC_PUSH(cuts, row_top[k]);
	}
	if (cuts.n)
		qsort(cuts.v, cuts.n, sizeof(fx), cmp_fx);
	VEC(fx) at = { 0 };
	VEC_PUSH(at, 0);
	for (size_t i = 0; i < cuts.n; i++) {
		fx y = cuts.v[i];
		/* a slice at least a line tall; no cut in the padding at the
		 * unit's foot */
		if (y <= at.v[at.n - 1] + t->leading / 2 ||
		    y >= height - CELL_PAD - t->leading / 2 || cuts_line(&lines, y))
			continue;
		VEC_PUSH(at, y);
	}
	VEC_PUSH(at, height);
	VEC_FREE(cuts);
	VEC_FREE(lines);

	size_t nslices = at.n - 1;
	for (size_t k = 0; k < nslices; k++) {
		fx y0 = at.v[k], y1 = at.v[k + 1];
		item_vec sl = { 0 };
		for (size_t i = 0; i < items.n; i++) {
			fx y = items.v[i].y;
			int last = k + 1 == nslices;
			if ((y >= y0 || k == 0) && (y < y1 || last)) {
				lay_item it = items.v[i];
				it.y -= y1; /* a box's baseline is its foot */
				VEC_PUSH(sl, it);
			}
		}
		VEC(const folio_node *) sn = { 0 };
		for (size_t i = 0; i < notes.n; i++) {
			fx y = notes.v[i].y;
			if ((y > y0 || k == 0) && (y <= y1 || k + 1 == nslices))
				VEC_PUSH(sn, notes.v[i].note);
		}
		lay_item *v = arena_alloc(c->arena, (sl.n + 1) * sizeof(lay_item));
		memcpy(v, sl.v, sl.n * sizeof(lay_item));
		if (t->boxes > 0) {
			int pen;
			if (k > 0)
				/* inside a row: only where it saves much room,
				 * never leaving one line of it alone */
				pen = (k == 1 || k + 1 == nslices) ? 5000 : 2000;
			else
				pen = header || (int)r0 < t->nhead + (t->nhead > 0) ? LB_INF : 0;
			flow_penalty(t->f, pen);
		}
		flow_box(t->f, v, (unsigned)sl.n, y1 - y0, 0, flow_left(t->f));
		flow_box_notes(t->f, sn.v, (unsigned)sn.n);
		t->boxes++;
		if (header) {
			if (t->head_first < 0)
				t->head_first = flow_last_index(t->f);
			t->head_count++;
		} else if (t->head_first >= 0) {
			flow_set_repeat(t->f, t->head_first, t->head_count);
		}
		VEC_FREE(sl);
		VEC_FREE(sn);
	}
	VEC_FREE(at);
	VEC_FREE(items);
	VEC_FREE(notes);
	free(row_h);
	free(row_top);
}

void flow_table(flow *f, const folio_node *t)
{
	lay_ctx *c = flow_ctx(f);
	const lay_style *st = c->st;
	row_vec rows = { 0 };
	int ncols = 0;
	const folio_node *lost;
	collect_rows(t, &rows, &ncols, &lost);
	if (lost && !c->quiet)
		folio_report(c->diag, FOLIO_WARNING, lost->loc,
			     "the table has more than %d columns; the columns past the %dth are left out of the PDF (folio's limit)",
			     MAX_COLS, MAX_COLS);
	fx avail = flow_measure(f) - flow_left(f);
	fx size = st->size_small;
	fx leading = st->leading_small;

	flow_space(f, 8 * FX_PT, 2 * FX_PT);
	const folio_node *title = folio_node_title(t);
	if (title || t->kind == FOLIO_NODE_TABLE) {
		/* "Tabel 2. Title" above the table, kept with it, in the
		 * table's language as the EPUB and the text write it */
		flow_caption(f, t, t->kind == FOLIO_NODE_TABLE ? folio_lang_get(t->lang)->table : NULL,
			     title);
		flow_penalty(f, LB_INF);
		flow_space(f, 3 * FX_PT, 0);
	}
	if (ncols == 0 || rows.n == 0) {
		VEC_FREE(rows);
		return;
	}
	fx widths[MAX_COLS];
	fx small = size;
	column_widths(f, t, &rows, ncols, avail, &size, widths);
	if (size != small)
		leading = fx_muldiv(leading, size, small);
	fx xs[MAX_COLS + 1];
	xs[0] = 0;
	for (int i = 0; i < ncols; i++)
		xs[i + 1] = xs[i] + widths[i];
	fx total_w = xs[ncols];

	tbl t_ = { f, c, &rows, ncols, xs, total_w, size, leading, -1, 0, 0, 0 };
	for (size_t r = 0; r < rows.n; r++)
		t_.nhead += rows.v[r].header;
	for (size_t r = 0; r < rows.n;) {
		/* a unit: rows joined by cells spanning them */
		size_t end = r + 1;
		for (size_t k = r; k < end && k < rows.n; k++)
			for (int i = 0; i < rows.v[k].ncells; i++) {
				size_t e = k + (size_t)rows.v[k].cells[i].rows;
				if (e > end)
					end = e;
			}
		if (end > rows.n)
			end = rows.n;
		set_unit(&t_, r, end);
		r = end;
	}
	VEC_FREE(rows);
	flow_space(f, 8 * FX_PT, 2 * FX_PT);
}
