/*
 * pageref: the page a printed cross-reference adds after its text
 * ("lihat Gambar 1.2 (hlm. 7)"), in the reader's language and the form
 * the style's xref.page.format gives, or the one the xref's own
 * xrefstyle="select: ... page" asks for.  The page is the previous
 * pass's (book.c re-runs the passes until page references settle); by
 * default (xref.page = other-page) it is left out when the target is on
 * the reference's page or the page facing it.  The EPUB and the text
 * output have no pages and never print it.
 */
#include "layout/pageref.h"
#include "layout/ctx.h"
#include "layout/flow_walk.h"

#include <stdio.h>

#define PAGE_WORDS (FOLIO_XS_PAGE | FOLIO_XS_PAGEABBREV | FOLIO_XS_PAGENUMBER)

static int is_page_target(const folio_node *t)
{
	switch (t->kind) {
	case FOLIO_NODE_FIGURE: case FOLIO_NODE_TABLE:
	case FOLIO_NODE_EXAMPLE: case FOLIO_NODE_EQUATION:
		return 1;
	default:
		return fl_is_division(t->kind) && t->kind != FOLIO_NODE_INFO;
	}
}

int pageref_wanted(const lay_ctx *c, const folio_node *xref)
{
	if (xref->kind != FOLIO_NODE_XREF || xref->target == NULL)
		return 0;
	unsigned xs = folio_xrefstyle_select(folio_node_attr(xref, "xrefstyle"));
	if (xs & PAGE_WORDS)
		return 1;
	if ((xs & FOLIO_XS_NOPAGE) || c->st == NULL || c->st->xref_page == XREF_PAGE_NEVER)
		return 0;
	return is_page_target(xref->target);
}

int pageref_same_spread(int two_sided, int a, int b)
{
	if (a == b)
		return 1;
	/* index 0 is page 1, a right-hand page alone; then 1-2, 3-4... */
	return two_sided && (a + 1) / 2 == (b + 1) / 2;
}

void fl_xref_page(flow *f, const folio_node *n)
{
	lay_ctx *c = f->c;
	if (f->no_marks || f->inline_only || !pageref_wanted(c, n))
		return;
	unsigned xs = folio_xrefstyle_select(folio_node_attr(n, "xrefstyle"));
	int target_page, own_page;
	const char *label = ctx_prev_label(c, n->target, &target_page);
	if (label == NULL)
		return; /* the target is not printed */
	ctx_prev_label(c, n, &own_page);
	if (!(xs & PAGE_WORDS) && c->st->xref_page == XREF_PAGE_OTHER &&
	    target_page >= 0 && own_page >= 0 &&
	    pageref_same_spread(c->st->two_sided, target_page, own_page))
		return;
	const folio_lang *l = folio_lang_get(f->s.lang ? f->s.lang : c->doc->lang);
	char buf[160];
	/* a no-break space keeps the abbreviation with its number */
	if (xs & FOLIO_XS_PAGENUMBER)
		snprintf(buf, sizeof buf, ", %s", label);
	else if (xs & FOLIO_XS_PAGEABBREV)
		snprintf(buf, sizeof buf, ", %s\u00a0%s", l->page_abbrev, label);
	else if (c->st->xref_page_format == XREF_FORM_SEE)
		snprintf(buf, sizeof buf, " (%s %s\u00a0%s)", l->see, l->page_abbrev, label);
	else if (c->st->xref_page_format == XREF_FORM_COMMA)
		snprintf(buf, sizeof buf, ", %s\u00a0%s", l->page_abbrev, label);
	else
		snprintf(buf, sizeof buf, " (%s\u00a0%s)", l->page_abbrev, label);
	fl_add_text(f, buf);
}
