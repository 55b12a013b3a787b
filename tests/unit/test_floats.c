/* libs: folio_layout folio_resolve folio_tree folio_util */
/*
 * test_floats: float placement and keeps in the page builder, on vertical
 * lists made by hand (boxes of one leading, glue, penalties), so the
 * results depend on no font:
 *  - when a float moves (pb_float_moves): not when it fits, when it does
 *    not, always when floats before it wait, never when taller than a page;
 *  - a float that does not fit in the rest of the page goes to the top of
 *    the next one, and the lines after it fill the page it left;
 *  - two floats that both move keep their order; three in a row come out
 *    in order at the next page tops, each as soon as it fits;
 *  - which lines a page may not break before (flow_keep_lines): body
 *    text's orphan and widow, a listing of up to 8 lines whole, a longer
 *    one 3 lines each side; and the page builder honours them.
 */
#include "harness.h"
#include "layout_ctx.h"
#include "layout/ctx.h"
#include "layout/flow.h"
#include "layout/linebreak.h"
#include "layout/pagebuild.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

#define LINE (12 * FX_PT)

static lay_ctx c;

/* A box standing h tall, known by its id (a rule item of width id). */
static void box(vl_list *l, fx h, int id)
{
	vl_elem e;
	memset(&e, 0, sizeof e);
	e.kind = VL_BOX;
	e.h = h * 3 / 4;
	e.d = h - e.h;
	e.repeat_first = -1;
	e.items = arena_alloc(c.arena, sizeof(lay_item));
	memset(e.items, 0, sizeof(lay_item));
	e.items[0].kind = LI_RULE;
	e.items[0].w = id;
	e.items[0].h = 1;
	e.nitems = 1;
	VEC_PUSH(*l, e);
}

static void penalty(vl_list *l, int p)
{
	vl_elem e;
	memset(&e, 0, sizeof e);
	e.kind = VL_PENALTY;
	e.penalty = p;
	e.repeat_first = -1;
	VEC_PUSH(*l, e);
}

static void glue(vl_list *l, fx g)
{
	vl_elem e;
	memset(&e, 0, sizeof e);
	e.kind = VL_GLUE;
	e.glue = g;
	e.repeat_first = -1;
	VEC_PUSH(*l, e);
}

/* n lines of a paragraph with ids first.., its breaks as flow_lines
 * puts them (verbatim: a listing's keeps). */
static void lines(vl_list *l, unsigned n, int first, int verbatim)
{
	for (unsigned i = 0; i < n; i++) {
		if (i > 0)
			penalty(l, flow_keep_lines(n, i, verbatim) ? LB_INF : 0);
		box(l, LINE, first + (int)i);
	}
}

/* A float of height h with id, between glue, as the flow sets one. */
static void a_float(vl_list *l, fx h, int id)
{
	glue(l, 8 * FX_PT);
	box(l, h, id);
	l->v[l->n - 1].float_len = 1;
	glue(l, 8 * FX_PT);
}

/* The page (from 0) and the place on it (from 0, in item order) of the
 * box known by id; -1 when it is on no page. */
static int page_of(const pb_pages *pages, int id, int *place)
{
	for (size_t p = 0; p < pages->n; p++) {
		const lay_page *pg = &pages->v[p].page;
		int k = 0;
		for (unsigned i = 0; i < pg->nitems; i++) {
			if (pg->items[i].kind != LI_RULE)
				continue;
			if (pg->items[i].w == id) {
				if (place)
					*place = k;
				return (int)p;
			}
			k++;
		}
	}
	return -1;
}

static void build(vl_list *l, pb_pages *pages)
{
	vl_list notes = { 0 };
	flow *f = flow_new(&c, &notes);
	pagebuild(&c, l, f, pages);
	flow_free(f);
	VEC_FREE(notes);
}

static void test_when_floats_move(void)
{
	fx goal = 500 * FX_PT;
	INT_EQ(pb_float_moves(100 * FX_PT, 300 * FX_PT, goal, 0), 0);
	INT_EQ(pb_float_moves(100 * FX_PT, 450 * FX_PT, goal, 0), 1);
	INT_EQ(pb_float_moves(100 * FX_PT, 0, goal, 1), 1);
	INT_EQ(pb_float_moves(600 * FX_PT, 450 * FX_PT, goal, 0), 0);
	INT_EQ(pb_float_moves(600 * FX_PT, 0, goal, 1), 0);
}

/* Lines 1..n, a float too tall for the rest of the page, lines 101.. */
static void test_float_moves_text_fills(void)
{
	fx goal = c.st->page_height - c.st->margin_top - c.st->margin_bottom;
	unsigned per_page = (unsigned)(goal / LINE);
	vl_list l = { 0 };
	unsigned before = per_page * 2 / 3;
	lines(&l, before, 1, 0);
	a_float(&l, goal / 2, 1000);
	lines(&l, per_page * 2, 101, 0);
	pb_pages pages = { 0 };
	build(&l, &pages);
	int place = -1;
	INT_EQ(page_of(&pages, 1000, &place), 1);
	INT_EQ(place, 0); /* at the top of the next page */
	INT_EQ(page_of(&pages, 101, NULL), 0); /* the text after fills */
	/* the first page is full: its last line is near the foot */
	int on_first = 0;
	for (unsigned i = 0; i < per_page * 2; i++)
		on_first += page_of(&pages, 101 + (int)i, NULL) == 0;
	OK((unsigned)on_first + before + 1 >= per_page - 1);
	/* nothing below the text block */
	for (size_t p = 0; p < pages.n; p++)
		for (unsigned i = 0; i < pages.v[p].page.nitems; i++)
			OK(pages.v[p].page.items[i].y <= c.st->page_height - c.st->margin_bottom);
	VEC_FREE(pages);
	VEC_FREE(l);
}

/* Two floats that do not fit: they keep their order on the next page. */
static void test_float_order(void)
{
	fx goal = c.st->page_height - c.st->margin_top - c.st->margin_bottom;
	unsigned per_page = (unsigned)(goal / LINE);
	vl_list l = { 0 };
	lines(&l, per_page - 4, 1, 0);
	a_float(&l, goal / 3, 1000);
	lines(&l, 2, 201, 0);
	a_float(&l, goal / 8, 1001);
	lines(&l, per_page * 2, 301, 0);
	pb_pages pages = { 0 };
	build(&l, &pages);
	int p1 = -1, p2 = -1;
	INT_EQ(page_of(&pages, 1000, &p1), 1);
	INT_EQ(page_of(&pages, 1001, &p2), 1);
	INT_EQ(p1, 0);
	INT_EQ(p2, 1);
	INT_EQ(page_of(&pages, 201, NULL), 0);
	VEC_FREE(pages);
	VEC_FREE(l);
}

/* Three floats in a row that do not fit the rest of the page: they come
 * out in order at the next page tops, each as soon as it fits (two share
 * the next page's top, the third opens the page after), and no page of
 * text between them is left short. */
static void test_three_floats(void)
{
	fx goal = c.st->page_height - c.st->margin_top - c.st->margin_bottom;
	unsigned per_page = (unsigned)(goal / LINE);
	vl_list l = { 0 };
	lines(&l, per_page - 3, 1, 0);
	a_float(&l, goal * 2 / 5, 1000);
	a_float(&l, goal * 2 / 5, 1001);
	a_float(&l, goal * 2 / 5, 1002);
	lines(&l, per_page * 3, 301, 0);
	pb_pages pages = { 0 };
	build(&l, &pages);
	int pl[3] = { -1, -1, -1 }, pg[3];
	for (int k = 0; k < 3; k++)
		pg[k] = page_of(&pages, 1000 + k, &pl[k]);
	printf("floats on pages %d %d %d, places %d %d %d\n", pg[0], pg[1], pg[2],
	       pl[0], pl[1], pl[2]);
	INT_EQ(pg[0], 1);
	INT_EQ(pg[1], 1);
	INT_EQ(pg[2], 2);
	INT_EQ(pl[0], 0);
	INT_EQ(pl[1], 1);
	INT_EQ(pl[2], 0); /* the third opens its page */
	/* the text after them fills the pages they left */
	INT_EQ(page_of(&pages, 301, NULL), 0);
	for (size_t p = 0; p + 1 < pages.n; p++) {
		fx lowest = 0;
		for (unsigned i = 0; i < pages.v[p].page.nitems; i++)
			if (pages.v[p].page.items[i].y > lowest)
				lowest = pages.v[p].page.items[i].y;
		/* the last line within two lines of the foot */
		OK(lowest >= c.st->page_height - c.st->margin_bottom - 3 * LINE);
	}
	VEC_FREE(pages);
	VEC_FREE(l);
}

static void test_keep_table(void)
{
	/* body text: not after the first line nor before the last */
	static const int body5[] = { 0, 1, 0, 0, 1 };
	for (unsigned i = 1; i < 5; i++)
		INT_EQ(flow_keep_lines(5, i, 0), body5[i]);
	for (unsigned i = 1; i < 6; i++)
		INT_EQ(flow_keep_lines(6, i, 1), 1); /* 6 lines: whole */
	for (unsigned i = 1; i < 8; i++)
		INT_EQ(flow_keep_lines(8, i, 1), 1);
	static const int nine[] = { 0, 1, 1, 0, 0, 0, 0, 1, 1 };
	for (unsigned i = 1; i < 9; i++)
		INT_EQ(flow_keep_lines(9, i, 1), nine[i]);
}

/* A listing of n lines starting k lines before the foot of a page: how
 * many of its lines the first page holds (0: it moved whole). */
static int listing_split(unsigned n, unsigned k)
{
	fx goal = c.st->page_height - c.st->margin_top - c.st->margin_bottom;
	unsigned per_page = (unsigned)(goal / LINE);
	vl_list l = { 0 };
	lines(&l, per_page - k, 1, 0);
	glue(&l, 5 * FX_PT);
	lines(&l, n, 501, 1);
	glue(&l, 5 * FX_PT);
	lines(&l, per_page, 801, 0);
	pb_pages pages = { 0 };
	build(&l, &pages);
	int first = page_of(&pages, 501, NULL), on = 0;
	for (unsigned i = 0; i < n; i++)
		on += page_of(&pages, 501 + (int)i, NULL) == first;
	VEC_FREE(pages);
	VEC_FREE(l);
	return on == (int)n ? 0 : on;
}

static void test_listing_keeps(void)
{
	for (unsigned k = 1; k < 8; k++) {
		INT_EQ(listing_split(6, k), 0); /* never split */
		int on = listing_split(9, k);
		OK(on == 0 || (on >= 3 && on <= 6));
	}
}

int main(void)
{
	folio_diag *diag = folio_diag_new_stderr();
	folio_doc *doc = folio_doc_new("test.xml");
	lay_style st;
	test_ctx_open(&c, doc, diag, &st, NULL);
	c.arena = arena_new();
	test_when_floats_move();
	test_float_moves_text_fills();
	test_float_order();
	test_three_floats();
	test_keep_table();
	test_listing_keeps();
	test_ctx_close(&c);
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
