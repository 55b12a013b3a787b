/*
 * vlist: what the page builder, the column setter and the flow all ask of
 * a vertical list: an element's height, where it may break, how tall a
 * stretch of it stands.
 */
#include "layout/flow.h"
#include "layout/linebreak.h"

fx vl_elem_height(const vl_elem *e)
{
	switch (e->kind) {
	case VL_BOX:
		return e->h + e->d;
	case VL_GLUE:
		return e->glue;
	default:
		return 0;
	}
}

int vl_legal_break(const vl_list *l, size_t i)
{
	const vl_elem *e = &l->v[i];
	if (e->kind == VL_PENALTY)
		return e->penalty < LB_INF;
	if (e->kind == VL_GLUE)
		return i > 0 && l->v[i - 1].kind == VL_BOX;
	return 0;
}

fx vl_natural_height(const vl_list *l, size_t from, size_t to)
{
	fx y = 0;
	int top = 1;
	for (size_t i = from; i < to; i++) {
		const vl_elem *e = &l->v[i];
		if (e->kind == VL_GLUE && !top)
			y += e->glue;
		if (e->kind == VL_BOX) {
			y += e->h + e->d;
			top = 0;
		}
	}
	return y;
}
