/* libs: folio_layout folio_tree folio_util */
/*
 * test_layout_kinds: the flow's handler table (src/layout/handlers.c)
 * covers every node kind:
 *  - every kind of include/folio/elements.def, text, unknown elements and
 *    the generated locators is set by a handler or explicitly ignored, so
 *    an element added to elements.def without a layout entry fails here;
 *  - only metadata is ignored: no block, part, inline or division kind
 *    is dropped from the page;
 *  - a title, a paragraph and a footnote are handled, the info block and
 *    an index term ignored.
 */
#include "harness.h"
#include "layout/flow.h"

#include <stdio.h>

int main(void)
{
	for (int k = FOLIO_NODE_TEXT; k < FOLIO_NODE_KIND_COUNT; k++) {
		int how = flow_kind_handling((folio_node_kind)k);
		const char *name = folio_kind_name((folio_node_kind)k);
		if (how == FLOW_KIND_MISSING)
			fprintf(stderr, "layout has no handler for <%s> (kind %d)\n",
				name ? name : "?", k);
		OK(how == FLOW_KIND_HANDLED || how == FLOW_KIND_IGNORED);
		if (how == FLOW_KIND_IGNORED &&
		    folio_kind_class((folio_node_kind)k) != FOLIO_CLASS_META)
			fprintf(stderr, "layout ignores <%s>, which is not metadata\n",
				name ? name : "?");
		OK(how != FLOW_KIND_IGNORED ||
		   folio_kind_class((folio_node_kind)k) == FOLIO_CLASS_META);
	}
	INT_EQ(flow_kind_handling(FOLIO_NODE_NONE), FLOW_KIND_MISSING);
	INT_EQ(flow_kind_handling(FOLIO_NODE_KIND_COUNT), FLOW_KIND_MISSING);
	INT_EQ(flow_kind_handling(FOLIO_NODE_TEXT), FLOW_KIND_HANDLED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_UNKNOWN), FLOW_KIND_HANDLED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_GEN_LOCATORS), FLOW_KIND_HANDLED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_TITLE), FLOW_KIND_HANDLED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_PARA), FLOW_KIND_HANDLED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_FOOTNOTE), FLOW_KIND_HANDLED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_INFO), FLOW_KIND_IGNORED);
	INT_EQ(flow_kind_handling(FOLIO_NODE_INDEXTERM), FLOW_KIND_IGNORED);
	DONE();
}
