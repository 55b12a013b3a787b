/*
 * simplelist: DocBook's plain lists of short items, as its print
 * stylesheets set them.  type="inline" runs the members on as "one, two,
 * three" (inside a paragraph, in it; elsewhere as a paragraph of its
 * own); type="horiz" or "vert" with columns="n" sets them in n columns of
 * equal width, across the rows (horiz) or down the columns (vert), each
 * row a box; anything else is a list, one member a line.
 */
#include "layout/flow_walk.h"

#include <stdlib.h>
#include <string.h>

#define COLUMN_GAP (6 * FX_PT)

static int is_inline_list(const folio_node *n)
{
	const char *type = folio_node_attr(n, "type");
	return type && strcmp(type, "inline") == 0;
}

typedef VEC(lay_item) item_vec;
typedef VEC(const folio_node *) note_vec;

/* Stacks a member's set lines at x from the row's top; returns their
 * height. */
static fx place_member(const vl_list *l, fx x, item_vec *items, note_vec *notes)
{
	fx y = 0;
	int first = 1;
	for (size_t i = 0; i < l->n; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_GLUE && !first)
			y += e->glue;
		if (e->kind != VL_BOX)
			continue;
		first = 0;
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
	return y;
}

/* One row of members, each set at the column's width, as one box. */
static void set_row(flow *f, const folio_node **row, int n, fx col_w)
{
	lay_ctx *c = f->c;
	item_vec items = { 0 };
	note_vec notes = { 0 };
	fx height = 0;
	for (int i = 0; i < n; i++) {
		if (row[i] == NULL)
			continue;
		vl_list l = { 0 };
		flow *cf = flow_sub(f, &l, col_w - COLUMN_GAP, f->s.size, f->s.leading, 0);
		flow_blocks(cf, row[i]);
		flow_free(cf);
		fx h = place_member(&l, i * col_w, &items, &notes);
		if (h > height)
			height = h;
		VEC_FREE(l);
	}
	/* a box's items stand on its baseline, its foot */
	for (size_t k = 0; k < items.n; k++)
		items.v[k].y -= height;
	lay_item *v = arena_alloc(c->arena, (items.n + 1) * sizeof(lay_item));
	memcpy(v, items.v, items.n * sizeof(lay_item));
	flow_box(f, v, (unsigned)items.n, height, 0, flow_left(f));
	flow_box_notes(f, notes.v, (unsigned)notes.n);
	VEC_FREE(items);
	VEC_FREE(notes);
}

/* The members in ncols columns: row by row across, or down each column
 * (the first columns one longer when they do not come out even). */
static void set_columns(flow *f, const folio_node *list, int ncols, int across)
{
	VEC(const folio_node *) members = { 0 };
	for (const folio_node *m = list->first; m; m = m->next)
		if (m->kind == FOLIO_NODE_MEMBER && !(m->flags & FOLIO_FLAG_HIDDEN))
			VEC_PUSH(members, m);
	size_t n = members.n;
	size_t nrows = (n + (size_t)ncols - 1) / (size_t)ncols;
	fx col_w = (f->measure - f->s.left - f->s.right) / ncols;
	const folio_node *row[FOLIO_SIMPLELIST_MAX_COLS];
	for (size_t r = 0; r < nrows; r++) {
		for (int k = 0; k < ncols; k++) {
			size_t i = across ? r * (size_t)ncols + (size_t)k : (size_t)k * nrows + r;
			row[k] = i < n ? members.v[i] : NULL;
		}
		set_row(f, row, ncols, col_w);
	}
	VEC_FREE(members);
}

int fl_enter_simplelist(flow *f, const folio_node *n, frame *fr)
{
	if (is_inline_list(n)) {
		/* in a paragraph it is part of it */
		if (n->parent && n->parent->kind == FOLIO_NODE_PARA) {
			fr->exit = fl_exit_restore;
		} else {
			fl_block_space(f, f->c->st->par_space);
			fr->exit = fl_exit_block;
		}
		return 1;
	}
	int across;
	int ncols = folio_simplelist_columns(n, &across);
	int descend = fl_enter_list(f, n, fr);
	if (ncols == 1)
		return descend;
	fl_end_para(f);
	set_columns(f, n, ncols, across);
	return 0;
}

/* A member: a line of its own, or, in an inline list, its joiner. */
int fl_enter_member(flow *f, const folio_node *n, frame *fr)
{
	if (n->parent && n->parent->kind == FOLIO_NODE_SIMPLELIST &&
	    is_inline_list(n->parent)) {
		const char *joiner = folio_joiner_before(n);
		if (joiner)
			fl_add_text(f, joiner);
		fr->exit = fl_exit_restore;
		return 1;
	}
	fl_end_para(f);
	return 1;
}
