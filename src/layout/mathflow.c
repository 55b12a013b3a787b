/*
 * mathflow: MathML in the flow (flow_walk.h).  A math element is set as
 * one piece: its linear form in the text face for now.
 */
#include "folio/mathml.h"
#include "layout/flow_walk.h"

int fl_enter_math(flow *f, const folio_node *n, frame *fr)
{
	(void)fr;
	fl_add_text(f, folio_math_linear(f->c->doc, n));
	return 0;
}
