/*
 * mathflow: MathML in the flow (flow_walk.h).  A math element is laid
 * out whole by the math layout (math.h) into one box that the paragraph
 * holds as an unbreakable piece of its line (para_box_add): inline on
 * the baseline, or displayed (display="block", or alone in an equation
 * or informal equation), which the equation's block centres and numbers
 * (blocks.c).  The box's first run carries the formula's linear form as
 * its /ActualText and the others an empty one, so search and copy give
 * "H_c = 1 − 1/R_0" rather than scattered glyphs.  Without a math font
 * the linear form is set as text.
 */
#include "folio/mathml.h"
#include "layout/flow_walk.h"
#include "layout/math.h"


static void no_math_font(lay_ctx *c, const folio_node *n)
{
	static const char key[] = "math:font";
	if (c->quiet || hash_get(c->warned, key))
		return;
	hash_put(c->warned, key, (void *)key);
	folio_report(c->diag, FOLIO_WARNING, n->loc,
		     "the font manifest has no math font (" MATH_FAMILY
		     " with a MATH table): formulas are set as their plain-text form");
}

int fl_enter_math(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	lay_ctx *c = f->c;
	const char *linear = folio_math_linear(c->doc, n);
	math_env e = { 0 };
	if (!math_font_open(c, &e.mf)) {
		no_math_font(c, n);
		fl_add_text(f, linear);
		return 0;
	}
	e.root = n;
	e.base_size = f->s.size;
	mbox box = { 0 };
	math_layout(&e, n, folio_math_is_display(n), &box);
	para_box *pb = arena_alloc(c->arena, sizeof *pb);
	pb->w = box.w;
	pb->h = box.h;
	pb->d = box.d;
	pb->nitems = (unsigned)box.items.n;
	lay_item *items = arena_alloc(c->arena, (box.items.n + 1) * sizeof *items);
	int first = 1;
	for (size_t i = 0; i < box.items.n; i++) {
		items[i] = box.items.v[i];
		if (items[i].kind == LI_TEXT) {
			items[i].actual = first ? linear : "";
			first = 0;
		}
	}
	pb->items = items;
	mbox_free(&box);
	para_style ps = fl_style(f);
	para_box_add(f->p, &ps, pb, NULL);
	return 0;
}
