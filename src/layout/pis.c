/*
 * pis: the processing instructions DocBook XSL's print users write, as
 * the page builder's elements.  <?hard-pagebreak?> (and <?pdfpagebreak?>)
 * is a forced break: a new page, none at a page's top.  <?dbfo-need
 * height="3cm"?> is a VL_NEED: a new page unless that much room is left.
 * <?dbfo keep-together="always"?> among a table's, figure's or example's
 * children keeps it on one page: a VL_NEED of its height before it (a
 * formal one floats whole already).  Inside a paragraph, a table cell or
 * a footnote they are ignored, as are other PIs (the reader keeps only
 * these: src/read/sax.c).
 */
#include "layout/flow_walk.h"
#include "layout/style.h"

#include <stdio.h>
#include <string.h>

/* Where a page may break: the main flow, between blocks. */
static int on_the_page(const flow *f, const folio_node *n)
{
	if (f != f->root || f->nested)
		return 0;
	const folio_node *p = n->parent;
	return p && folio_kind_class(p->kind) != FOLIO_CLASS_INLINE &&
	       p->kind != FOLIO_NODE_PARA && p->kind != FOLIO_NODE_SIMPARA &&
	       p->kind != FOLIO_NODE_FORMALPARA;
}

static void need(flow *f, const folio_node *n)
{
	const char *v = folio_node_attr(n, "height");
	fx h;
	if (v && style_parse_length(v, &h) == 0 && h > 0) {
		fl_end_para(f);
		fl_push(f, VL_NEED)->h = h;
		return;
	}
	if (!f->c->quiet)
		folio_report(f->c->diag, FOLIO_WARNING, n->loc,
			     "<?dbfo-need?> needs height=\"LENGTH\" (a length above 0: "
			     "mm, cm, in or pt); it is ignored");
}

int fl_enter_pi(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	if (n->name == NULL || !on_the_page(f, n))
		return 0;
	if (strcmp(n->name, "hard-pagebreak") == 0 || strcmp(n->name, "pdfpagebreak") == 0) {
		fl_end_para(f);
		fl_push(f, VL_PENALTY)->penalty = -LB_INF;
	} else if (strcmp(n->name, "dbfo-need") == 0) {
		need(f, n);
	}
	return 0;
}

static int asks_keep_together(const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_PI || c->name == NULL || strcmp(c->name, "dbfo") != 0)
			continue;
		const char *v = folio_node_attr(c, "keep-together");
		if (v && strcmp(v, "always") == 0)
			return 1;
	}
	return 0;
}

void fl_keep_together(flow *f, const folio_node *n, size_t from)
{
	if (f != f->root || f->nested || from >= f->out->n || !asks_keep_together(n))
		return;
	size_t first = from;
	while (first < f->out->n && f->out->v[first].kind != VL_BOX)
		first++;
	if (first == f->out->n || f->out->v[first].float_len)
		return; /* nothing set, or a float: moved whole already */
	fx h = vl_natural_height(f->out, first, f->out->n);
	fl_push(f, VL_NEED); /* room for one more, then moved into place */
	vl_elem *v = f->out->v;
	memmove(&v[first + 1], &v[first], (f->out->n - 1 - first) * sizeof *v);
	memset(&v[first], 0, sizeof *v);
	v[first].kind = VL_NEED;
	v[first].repeat_first = -1;
	v[first].h = h;
}
