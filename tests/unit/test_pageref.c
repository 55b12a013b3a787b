/* libs: folio_layout folio_tree folio_util */
/*
 * test_pageref: the words of xrefstyle="select: ..." (src/tree/
 * xrefstyle.c) and the rule that leaves a page reference out when the
 * target is on the same page or, two-sided, the facing one
 * (src/layout/pageref.c).
 */
#include "harness.h"
#include "folio/tree.h"
#include "layout/pageref.h"

int main(void)
{
	INT_EQ(folio_xrefstyle_select(NULL), 0);
	INT_EQ(folio_xrefstyle_select("select: label title page"),
	       FOLIO_XS_LABEL | FOLIO_XS_TITLE | FOLIO_XS_PAGE);
	INT_EQ(folio_xrefstyle_select("  select:labelnumber,nopage "),
	       FOLIO_XS_LABELNUMBER | FOLIO_XS_NOPAGE);
	INT_EQ(folio_xrefstyle_select("select: quotedtitle pageabbrev pagenumber"),
	       FOLIO_XS_QUOTEDTITLE | FOLIO_XS_PAGEABBREV | FOLIO_XS_PAGENUMBER);
	/* a word folio does not know, a template, a named style */
	OK(folio_xrefstyle_select("select: title pages") & FOLIO_XS_UNKNOWN);
	OK(folio_xrefstyle_select("select: title pages") & FOLIO_XS_TITLE);
	INT_EQ(folio_xrefstyle_select("template: %n on %p"), FOLIO_XS_UNKNOWN);
	INT_EQ(folio_xrefstyle_select("short"), FOLIO_XS_UNKNOWN);
	INT_EQ(folio_xrefstyle_select("select:"), 0);

	/* index 0 is page 1, a right-hand page alone; 1-2, 3-4 face */
	INT_EQ(pageref_same_spread(1, 4, 4), 1);
	INT_EQ(pageref_same_spread(1, 0, 1), 0);
	INT_EQ(pageref_same_spread(1, 1, 2), 1);
	INT_EQ(pageref_same_spread(1, 2, 1), 1);
	INT_EQ(pageref_same_spread(1, 2, 3), 0);
	INT_EQ(pageref_same_spread(1, 3, 4), 1);
	INT_EQ(pageref_same_spread(0, 1, 2), 0);
	INT_EQ(pageref_same_spread(0, 5, 5), 1);
	DONE();
}
