/* libs: folio_layout folio_resolve folio_tree folio_util */
/*
 * test_bidi: bidirectional text through para.c (layout/bidi.c, FriBidi)
 * with a fixed-width face, read back as each line's glyphs from left to
 * right:
 *  - only a paragraph with a right-to-left character, a bidi control or
 *    a direction set pays for bidi (bidi_needed);
 *  - Hebrew inside a left-to-right paragraph is shown reversed in place,
 *    numbers inside a right-to-left paragraph keep their order, brackets
 *    are mirrored, a right-to-left line ends at the right edge;
 *  - an inline element with dir="rlo" reverses its letters, dir="ltr"
 *    keeps Latin in order inside a right-to-left paragraph;
 *  - stray and unbalanced controls (RLO with no PDF, a PDI with no
 *    isolate, 200 nested RLEs) do not crash, and the next paragraph is
 *    set left to right as if they had never been.
 */
#include "harness.h"
#include "layout_ctx.h"
#include "layout/bidi.h"
#include "layout/ctx.h"
#include "layout/para.h"
#include "util/arena.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

static lay_ctx c;
static int face;

typedef struct shown {
	fx x;
	uint32_t cp;
} shown;

static int by_x(const void *a, const void *b)
{
	fx xa = ((const shown *)a)->x, xb = ((const shown *)b)->x;
	return (xa > xb) - (xa < xb);
}

/* The line's glyphs from left to right as UTF-8, and its right edge. */
static void visual(const lay_line *l, char *out, size_t size, fx *right)
{
	shown v[256];
	unsigned n = 0;
	*right = 0;
	for (unsigned i = 0; i < l->nitems; i++) {
		const lay_item *it = &l->items[i];
		for (unsigned k = 0; it->kind == LI_TEXT && k < it->n && n < 256; k++) {
			v[n++] = (shown){ it->x + it->g[k].x, it->g[k].cp };
			fx e = it->x + it->g[k].x + 6000; /* 500 units at 12 pt */
			if (e > *right)
				*right = e;
		}
	}
	qsort(v, n, sizeof v[0], by_x);
	size_t o = 0;
	for (unsigned k = 0; k < n && o + 5 < size; k++)
		o += utf8_encode(v[k].cp, out + o);
	out[o] = '\0';
}

static lay_line *set(const char *text, int rtl, const folio_node *dir_node,
		     unsigned *n)
{
	para *p = para_new(&c);
	para_style ps = { 0 };
	ps.face = face;
	ps.size = 12 * FX_PT;
	ps.lang = "id";
	ps.nohyph = 1;
	ps.dir_node = dir_node;
	para_text(p, &ps, text, strlen(text), NULL, 0);
	para_shape sh = { 0 };
	sh.width = 400 * FX_PT;
	sh.leading = 14 * FX_PT;
	sh.align = ALIGN_RAGGED;
	sh.rtl = rtl;
	lay_line *l = para_set(p, &sh, n);
	para_free(p);
	return l;
}

static void expect(const char *text, int rtl, const folio_node *dn,
		   const char *want, int at_right)
{
	unsigned n;
	lay_line *l = set(text, rtl, dn, &n);
	char got[1024];
	fx right = 0;
	INT_EQ(n, 1);
	if (n == 0)
		return;
	visual(&l[0], got, sizeof got, &right);
	STR_EQ(got, want);
	if (at_right)
		INT_EQ(right, 400 * FX_PT);
}

int main(void)
{
	folio_diag *diag = folio_diag_new_stderr();
	folio_doc *doc = folio_doc_new("t.xml");
	lay_style st;
	test_ctx_open(&c, doc, diag, &st, NULL);
	c.arena = arena_new();
	face = fonts_add_fixed(c.fonts, "Fake", "regular", 500);

	OK(!bidi_needed("Kesejahteraan sosial “2024” – é", 35));
	OK(bidi_needed("kata \xd7\x90", 7));        /* alef */
	OK(bidi_needed("x\xe2\x80\x8f", 4));        /* RLM */
	OK(bidi_needed("\xef\xbb\xbb", 3));         /* an Arabic presentation form */
	OK(!bidi_needed("\xe0\xa4\xb8", 3));        /* Devanagari sa */

	/* Hebrew in Indonesian: reversed in place */
	expect("abc \xd7\x90\xd7\x91\xd7\x92 def", 0, NULL,
	       "abc \xd7\x92\xd7\x91\xd7\x90 def", 0);
	/* a number in Hebrew keeps its order; the line ends at the right */
	expect("\xd7\x90\xd7\x91 12 \xd7\x92\xd7\x93", 1, NULL,
	       "\xd7\x93\xd7\x92 12 \xd7\x91\xd7\x90", 1);
	/* brackets mirrored: logical א(ב) shows as (ב)א */
	expect("\xd7\x90(\xd7\x91)", 1, NULL, "(\xd7\x91)\xd7\x90", 1);

	/* dir on inline elements */
	folio_node *rlo = folio_node_new(doc, FOLIO_NODE_PHRASE, (folio_loc){ 0 });
	folio_node_set_attr(doc, rlo, "dir", "rlo");
	expect("abc", 0, rlo, "cba", 0);
	folio_node *ltr = folio_node_new(doc, FOLIO_NODE_PHRASE, (folio_loc){ 0 });
	folio_node_set_attr(doc, ltr, "dir", "ltr");
	expect("ab cd", 1, ltr, "ab cd", 1);

	/* stray controls: no crash, and nothing carries over */
	unsigned n;
	OK(set("a \xe2\x80\xae" "bc de", 0, NULL, &n) != NULL && n == 1);
	expect("fg hi", 0, NULL, "fg hi", 0);
	OK(set("x\xe2\x81\xa9y", 0, NULL, &n) != NULL && n == 1);
	strbuf deep = STRBUF_INIT;
	for (int i = 0; i < 200; i++)
		sb_puts(&deep, "\xe2\x80\xab" "a ");
	OK(set(sb_str(&deep), 0, NULL, &n) != NULL && n >= 1);
	sb_free(&deep);
	expect("jk lm", 0, NULL, "jk lm", 0);
	/* a right-to-left paragraph with nothing right to left in it */
	expect("no rl", 1, NULL, "no rl", 1);

	test_ctx_close(&c);
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
