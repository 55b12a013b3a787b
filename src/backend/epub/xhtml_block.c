/*
 * xhtml_block: blocks in the flow of text: paragraphs, lists, tables
 * (CALS and HTML), figures and images, verbatim text, quotations,
 * admonitions, sidebars, examples, procedures and Q&A sets.
 *
 * A paragraph holding a block (DocBook allows a list inside para, HTML
 * does not allow one inside <p>) becomes a <div class="para">; a block in
 * a place where only phrasing content may stand becomes a span with the
 * block's class, so the document stays valid whatever the nesting.
 */
#include "backend/epub/xhtml.h"
#include "media/media.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- paragraphs ---- */

static int para_enter(xw *w, frame *f)
{
	const char *cls = f->node->kind == FOLIO_NODE_SIMPARA ? "simpara" : NULL;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", cls ? cls : "para", NULL);
	} else if (xw_has_blocks(w, f->node)) {
		xw_open_block(w, f, "div", cls ? cls : "para", NULL);
		f->after = "\n";
	} else {
		xw_open_inline(w, f, "p", cls, NULL);
		f->after = "\n";
	}
	if (w->backlink && (f->flags & F_IN_NOTE))
		xw_backlink(w);
	return 1;
}

static const handler h_para = { para_enter, NULL, NULL, NULL };

/* A block with a class, an optional title and block children. */
static int plain_block_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = folio_kind_name(n->kind);
	const char *tag = "div", *extra = NULL;
	switch (n->kind) {
	case FOLIO_NODE_SIDEBAR:
		tag = "aside";
		break;
	case FOLIO_NODE_EPIGRAPH:
		extra = " role=\"doc-epigraph\"";
		break;
	default:
		break;
	}
	xw_open_block(w, f, tag, cls, extra);
	f->flags |= F_NO_WS;
	f->after = "\n";
	if (xw_is_titled(n->kind))
		xw_add_pre(f, folio_node_title(n), AS_TITLE_P);
	if (n->kind == FOLIO_NODE_EPIGRAPH)
		xw_add_post(f, folio_node_child(n, FOLIO_NODE_ATTRIBUTION), AS_ATTRIBUTION);
	return 1;
}

static int attribution_free(xw *w, frame *f, const folio_node *c)
{
	return c->kind != FOLIO_NODE_ATTRIBUTION;
}

static const handler h_plain_block = { plain_block_enter, NULL, attribution_free, NULL };

/* ---- admonitions ---- */

static const char *admonition_word(const folio_node *n)
{
	const folio_lang *l = xw_lang(n);
	switch (n->kind) {
	case FOLIO_NODE_NOTE: return l->note;
	case FOLIO_NODE_TIP: return l->tip;
	case FOLIO_NODE_IMPORTANT: return l->important;
	case FOLIO_NODE_WARNING: return l->warning;
	case FOLIO_NODE_CAUTION: return l->caution;
	default: return l->danger;
	}
}

static int admonition_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = epub_printf(w->c, "admonition %s", folio_kind_name(n->kind));
	xw_open_block(w, f, "div", cls, " role=\"note\"");
	f->flags |= F_NO_WS;
	f->after = "\n";
	const folio_node *title = folio_node_title(n);
	if (title) {
		xw_add_pre(f, title, AS_TITLE_P);
	} else {
		const char *word = admonition_word(n);
		int phrasing = (f->flags & F_PHRASING) != 0;
		sb_puts(w->out, phrasing ? "<span class=\"title\">" : "<p class=\"title\">");
		epub_put_text(w->out, word, strlen(word), 1);
		sb_puts(w->out, phrasing ? "</span> " : "</p>\n");
	}
	return 1;
}

static const handler h_admonition = { admonition_enter, NULL, NULL, NULL };

/* ---- quotations ---- */

static int blockquote_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	xw_open_block(w, f, "blockquote", NULL, NULL);
	f->state = !(f->flags & F_PHRASING);
	f->flags |= F_NO_WS;
	f->after = "\n";
	xw_add_pre(f, folio_node_title(n), AS_TITLE_P);
	xw_add_post(f, folio_node_child(n, FOLIO_NODE_ATTRIBUTION), AS_ATTRIBUTION);
	return 1;
}

static void blockquote_between(xw *w, frame *f, unsigned pass)
{
	if (pass == f->npasses && f->state)
		sb_puts(w->out, "<footer>");
}

static void blockquote_exit(xw *w, frame *f)
{
	if (f->npost && f->state)
		sb_puts(w->out, "</footer>");
	sb_puts(w->out, f->close);
}

static const handler h_blockquote = {
	blockquote_enter, blockquote_exit, attribution_free, blockquote_between
};

static int attribution_enter(xw *w, frame *f)
{
	if (f->flags & F_PHRASING)
		xw_open_inline(w, f, "span", "attribution", NULL);
	else
		xw_open_inline(w, f, "p", "attribution", NULL);
	sb_puts(w->out, "\u2014 ");
	return 1;
}

static const handler h_attribution = { attribution_enter, NULL, NULL, NULL };

/* ---- verbatim ---- */

static int verbatim_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = folio_kind_name(n->kind);
	const char *klass = folio_node_attr(n, "class");
	if (n->kind == FOLIO_NODE_LITERALLAYOUT && klass && strcmp(klass, "monospaced") == 0)
		cls = "literallayout monospaced";
	const char *language = folio_node_attr(n, "language");
	if (language && *language && strchr(language, ' ') == NULL &&
	    strchr(language, '"') == NULL)
		cls = epub_printf(w->c, "%s language-%s", cls, language);
	if (n->kind == FOLIO_NODE_ADDRESS)
		xw_open_block(w, f, "p", cls, NULL);
	else
		xw_open_block(w, f, "pre", cls, NULL);
	f->flags |= F_PHRASING | F_PRE;
	f->after = "\n";
	return 1;
}

static const handler h_verbatim = { verbatim_enter, NULL, NULL, NULL };

/* ---- lists ---- */

static int is_list_item(const frame *f, const folio_node *c)
{
	switch (f->node->kind) {
	case FOLIO_NODE_ITEMIZEDLIST:
	case FOLIO_NODE_ORDEREDLIST:
		return c->kind == FOLIO_NODE_LISTITEM;
	case FOLIO_NODE_VARIABLELIST:
		return c->kind == FOLIO_NODE_VARLISTENTRY;
	case FOLIO_NODE_PROCEDURE:
		return c->kind == FOLIO_NODE_STEP;
	default:
		return 0;
	}
}

static int list_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_TEXT)
		return f->pass == 0;
	return (f->pass == 1) == is_list_item(f, c);
}

/* Where an ordered list starts: startingnumber, or after the previous
 * list when it continues that one. */
static long list_start(const folio_node *n)
{
	const char *s = folio_node_attr(n, "startingnumber");
	if (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (*end == '\0')
			return v;
	}
	const char *cont = folio_node_attr(n, "continuation");
	if (cont && strcmp(cont, "continues") == 0) {
		/* Chains of continued lists are walked iteratively. */
		long total = 0;
		const folio_node *p = n;
		for (;;) {
			const folio_node *prev = p->prev;
			while (prev && prev->kind != FOLIO_NODE_ORDEREDLIST)
				prev = prev->prev;
			if (prev == NULL)
				return total + 1;
			for (const folio_node *c = prev->first; c; c = c->next)
				if (c->kind == FOLIO_NODE_LISTITEM)
					total++;
			const char *ps = folio_node_attr(prev, "startingnumber");
			const char *pc = folio_node_attr(prev, "continuation");
			if (ps && *ps)
				return total + strtol(ps, NULL, 10);
			if (!(pc && strcmp(pc, "continues") == 0))
				return total + 1;
			p = prev;
		}
	}
	return 1;
}

static int list_enter(xw *w, frame *f)
{
	xw_add_pre(f, folio_node_title(f->node), AS_TITLE_P);
	f->flags |= F_NO_WS;
	f->npasses = 2;
	return 1;
}

static void list_between(xw *w, frame *f, unsigned pass)
{
	if (pass != 1)
		return;
	const folio_node *n = f->node;
	strbuf extra = STRBUF_INIT;
	const char *tag = "ul", *cls = NULL;
	const char *spacing = folio_node_attr(n, "spacing");
	int compact = spacing && strcmp(spacing, "compact") == 0;
	switch (n->kind) {
	case FOLIO_NODE_ORDEREDLIST: {
		tag = "ol";
		const char *num = folio_node_attr(n, "numeration");
		const char *type = NULL;
		if (num && strcmp(num, "loweralpha") == 0) type = "a";
		else if (num && strcmp(num, "upperalpha") == 0) type = "A";
		else if (num && strcmp(num, "lowerroman") == 0) type = "i";
		else if (num && strcmp(num, "upperroman") == 0) type = "I";
		if (type)
			sb_printf(&extra, " type=\"%s\"", type);
		long start = list_start(n);
		if (start != 1)
			sb_printf(&extra, " start=\"%ld\"", start);
		break;
	}
	case FOLIO_NODE_VARIABLELIST:
		tag = "dl";
		cls = "variablelist";
		break;
	case FOLIO_NODE_PROCEDURE:
		tag = "ol";
		cls = "procedure";
		break;
	default:
		break;
	}
	if (compact)
		cls = cls ? epub_printf(w->c, "%s compact", cls) : "compact";
	xw_open_block(w, f, tag, cls, extra.len ? sb_str(&extra) : NULL);
	if (!(f->flags & F_PHRASING))
		sb_putc(w->out, '\n');
	f->state = 1;
	sb_free(&extra);
}

static void list_exit(xw *w, frame *f)
{
	if (f->state) {
		sb_puts(w->out, f->close);
		sb_putc(w->out, '\n');
	}
}

static const handler h_list = { list_enter, list_exit, list_accept, list_between };

static int listitem_fits(const folio_node *c)
{
	return c->kind == FOLIO_NODE_LISTITEM || c->kind == FOLIO_NODE_STEP ||
	       c->kind == FOLIO_NODE_MEMBER;
}

static int listitem_enter(xw *w, frame *f)
{
	frame *p = xw_parent(w, f);
	folio_node_kind pk = p && p->node ? p->node->kind : FOLIO_NODE_NONE;
	if (pk == FOLIO_NODE_VARLISTENTRY) {
		xw_open_block(w, f, "dd", NULL, NULL);
	} else if (pk == FOLIO_NODE_ITEMIZEDLIST || pk == FOLIO_NODE_ORDEREDLIST ||
		   pk == FOLIO_NODE_PROCEDURE || pk == FOLIO_NODE_SUBSTEPS ||
		   pk == FOLIO_NODE_STEPALTERNATIVES ||
		   (pk == FOLIO_NODE_SIMPLELIST && p->state)) {
		const char *override = folio_node_attr(f->node, "override");
		char extra[40] = "";
		if (override && pk == FOLIO_NODE_ORDEREDLIST) {
			char *end;
			long v = strtol(override, &end, 10);
			if (*end == '\0' && end != override)
				snprintf(extra, sizeof extra, " value=\"%ld\"", v);
		}
		xw_open_block(w, f, "li", NULL, extra[0] ? extra : NULL);
	} else {
		xw_open_block(w, f, "div", folio_kind_name(f->node->kind), NULL);
	}
	f->flags |= F_NO_WS;
	f->after = "\n";
	return 1;
}

static const handler h_listitem = { listitem_enter, NULL, NULL, NULL };

/* substeps, stepalternatives: lists of steps without leading blocks. */
static int steps_enter(xw *w, frame *f)
{
	int alt = f->node->kind == FOLIO_NODE_STEPALTERNATIVES;
	xw_open_block(w, f, alt ? "ul" : "ol", folio_kind_name(f->node->kind), NULL);
	f->flags |= F_NO_WS;
	f->fits = listitem_fits;
	f->wrap_open = (f->flags & F_PHRASING) ? "<span>" : "<li>";
	f->wrap_close = (f->flags & F_PHRASING) ? "</span>" : "</li>";
	return 1;
}

static const handler h_steps = { steps_enter, NULL, NULL, NULL };

/* variablelist entries: terms in <dt>, the item in <dd>. */
static int varlistentry_fits(const folio_node *c)
{
	return c->kind == FOLIO_NODE_TERM || c->kind == FOLIO_NODE_LISTITEM;
}

static int varlistentry_enter(xw *w, frame *f)
{
	f->flags |= F_NO_WS;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "varlistentry", NULL);
		return 1;
	}
	/* No element of its own: its id goes on the first term. */
	f->pending_id = xw_id_for(w, f->node);
	f->fits = varlistentry_fits;
	f->wrap_open = "<dd>";
	f->wrap_close = "</dd>";
	return 1;
}

static const handler h_varlistentry = { varlistentry_enter, NULL, NULL, NULL };

static int term_enter(xw *w, frame *f)
{
	frame *p = xw_parent(w, f);
	if (p && p->pending_id) {
		f->pending_id = p->pending_id;
		p->pending_id = NULL;
	}
	if (p && p->node && p->node->kind == FOLIO_NODE_VARLISTENTRY && !(f->flags & F_PHRASING))
		xw_open_block(w, f, "dt", NULL, NULL);
	else
		xw_open_inline(w, f, "span", "term", NULL);
	f->after = "\n";
	return 1;
}

static const handler h_term = { term_enter, NULL, NULL, NULL };

static int simplelist_enter(xw *w, frame *f)
{
	const char *type = folio_node_attr(f->node, "type");
	f->flags |= F_NO_WS;
	if ((type && strcmp(type, "inline") == 0) || (f->flags & F_PHRASING)) {
		/* standing alone, a paragraph of its own */
		if (f->flags & F_PHRASING) {
			xw_open_inline(w, f, "span", "simplelist", NULL);
		} else {
			xw_open_inline(w, f, "p", "simplelist", NULL);
			f->after = "\n";
		}
		f->sep = ", ";
		return 1;
	}
	/* in columns: a grid filled across (horiz) or text columns filled
	 * down (vert), the members in source order either way */
	int across;
	int ncols = folio_simplelist_columns(f->node, &across);
	char style[80] = "";
	if (ncols > 1)
		snprintf(style, sizeof style, across
			 ? " style=\"display: grid; grid-template-columns: repeat(%d, 1fr)\""
			 : " style=\"columns: %d\"", ncols);
	xw_open_block(w, f, "ul", ncols > 1 ? (across ? "simplelist horiz" : "simplelist vert")
					    : "simplelist", style[0] ? style : NULL);
	f->state = 1;
	f->fits = listitem_fits;
	f->wrap_open = "<li>";
	f->wrap_close = "</li>";
	f->after = "\n";
	return 1;
}

static const handler h_simplelist = { simplelist_enter, NULL, NULL, NULL };

static int member_enter(xw *w, frame *f)
{
	frame *p = xw_parent(w, f);
	if (p && p->node && p->node->kind == FOLIO_NODE_SIMPLELIST && p->state)
		xw_open_inline(w, f, "li", NULL, NULL);
	else
		xw_open_inline(w, f, "span", "member", NULL);
	return 1;
}

static const handler h_member = { member_enter, NULL, NULL, NULL };

/* segmentedlist: a div of records, each seg a line opened by its
 * segtitle, "<strong>Name:</strong> Ann", as DocBook's stylesheets write
 * it; the segtitles print only there. */
static int segmentedlist_enter(xw *w, frame *f)
{
	xw_add_pre(f, folio_node_title(f->node), AS_TITLE_P);
	xw_open_block(w, f, "div", "segmentedlist", NULL);
	f->flags |= F_NO_WS;
	f->after = "\n";
	return 1;
}

static const handler h_segmentedlist = { segmentedlist_enter, NULL, NULL, NULL };

static int seglistitem_enter(xw *w, frame *f)
{
	xw_open_block(w, f, "div", "seglistitem", NULL);
	f->flags |= F_NO_WS;
	f->after = "\n";
	return 1;
}

static const handler h_seglistitem = { seglistitem_enter, NULL, NULL, NULL };

static int seg_enter(xw *w, frame *f)
{
	xw_open_inline(w, f, (f->flags & F_PHRASING) ? "span" : "p", "seg", NULL);
	const folio_node *t = folio_seg_title(f->node);
	if (t) {
		const char *s = xw_plain_text(w, t);
		sb_puts(w->out, "<strong class=\"segtitle\">");
		sb_put_xml(w->out, s, strlen(s));
		sb_puts(w->out, ":</strong> ");
	}
	f->after = "\n";
	return 1;
}

static const handler h_seg = { seg_enter, NULL, NULL, NULL };

/* ---- tables ---- */

static int table_fits(const folio_node *c)
{
	switch (c->kind) {
	case FOLIO_NODE_TGROUP: case FOLIO_NODE_THEAD: case FOLIO_NODE_TBODY:
	case FOLIO_NODE_TFOOT: case FOLIO_NODE_TR: case FOLIO_NODE_CAPTION:
	case FOLIO_NODE_COL: case FOLIO_NODE_COLGROUP:
		return 1;
	default:
		return 0;
	}
}

static int table_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	f->flags |= F_NO_WS;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "table", NULL);
		xw_add_pre(f, folio_node_title(n), AS_TITLE_P);
		return 1;
	}
	/* The wrapper lets a wide table scroll on a phone instead of
	 * overflowing the page. */
	sb_puts(w->out, "<div class=\"table-wrap\">");
	xw_open(w, f, "table", folio_kind_name(n->kind), NULL);
	f->close = "</table></div>\n";
	if (n->kind == FOLIO_NODE_TABLE)
		xw_add_pre(f, folio_node_title(n), AS_CAPTION);
	f->fits = table_fits;
	f->wrap_open = "<tbody><tr><td>";
	f->wrap_close = "</td></tr></tbody>";
	return 1;
}

static const handler h_table = { table_enter, NULL, NULL, NULL };

static int section_fits(const folio_node *c)
{
	return c->kind == FOLIO_NODE_ROW || c->kind == FOLIO_NODE_TR;
}

static int tgroup_fits(const folio_node *c)
{
	return c->kind == FOLIO_NODE_THEAD || c->kind == FOLIO_NODE_TBODY ||
	       c->kind == FOLIO_NODE_TFOOT;
}

static int tgroup_enter(xw *w, frame *f)
{
	f->flags |= F_NO_WS;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "tgroup", NULL);
		return 1;
	}
	f->pending_id = xw_id_for(w, f->node);
	f->fits = tgroup_fits;
	f->wrap_open = "<tbody><tr><td>";
	f->wrap_close = "</td></tr></tbody>";
	return 1;
}

static const handler h_tgroup = { tgroup_enter, NULL, NULL, NULL };

static int table_part_enter(xw *w, frame *f)
{
	const char *tag = f->node->kind == FOLIO_NODE_THEAD ? "thead"
			  : f->node->kind == FOLIO_NODE_TFOOT ? "tfoot" : "tbody";
	frame *p = xw_parent(w, f);
	if (p && p->pending_id) {
		f->pending_id = p->pending_id;
		p->pending_id = NULL;
	}
	f->flags |= F_NO_WS;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", tag, NULL);
		return 1;
	}
	xw_open(w, f, tag, NULL, NULL);
	f->close = epub_join(w->c, "</", tag, ">\n");
	f->fits = section_fits;
	f->wrap_open = "<tr><td>";
	f->wrap_close = "</td></tr>";
	return 1;
}

static const handler h_table_part = { table_part_enter, NULL, NULL, NULL };

static int row_fits(const folio_node *c)
{
	return c->kind == FOLIO_NODE_ENTRY || c->kind == FOLIO_NODE_TD ||
	       c->kind == FOLIO_NODE_TH;
}

static int row_enter(xw *w, frame *f)
{
	f->flags |= F_NO_WS;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "row", NULL);
		f->sep = " ";
		return 1;
	}
	xw_open(w, f, "tr", NULL, NULL);
	f->close = "</tr>\n";
	f->fits = row_fits;
	f->wrap_open = "<td>";
	f->wrap_close = "</td>";
	return 1;
}

static const handler h_row = { row_enter, NULL, NULL, NULL };

/* The tgroup an entry belongs to (entry > row > tbody > tgroup). */
static const folio_node *tgroup_of(const folio_node *entry)
{
	for (const folio_node *p = entry->parent; p; p = p->parent) {
		if (p->kind == FOLIO_NODE_TGROUP)
			return p;
		if (p->kind == FOLIO_NODE_TABLE || p->kind == FOLIO_NODE_INFORMALTABLE)
			return NULL;
	}
	return NULL;
}

/* The 1-based column of a colspec named name, or 0. */
static long colspec_number(const folio_node *tgroup, const char *name)
{
	long col = 0;
	for (const folio_node *c = tgroup->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_COLSPEC)
			continue;
		const char *num = folio_node_attr(c, "colnum");
		col = num ? strtol(num, NULL, 10) : col + 1;
		const char *cn = folio_node_attr(c, "colname");
		if (cn && strcmp(cn, name) == 0)
			return col;
	}
	return 0;
}

static long entry_colspan(const folio_node *entry)
{
	const folio_node *tg = tgroup_of(entry);
	if (tg == NULL)
		return 1;
	const char *st = folio_node_attr(entry, "namest");
	const char *en = folio_node_attr(entry, "nameend");
	const char *span = folio_node_attr(entry, "spanname");
	if (span) {
		for (const folio_node *c = tg->first; c; c = c->next) {
			const char *sn = c->kind == FOLIO_NODE_SPANSPEC
						 ? folio_node_attr(c, "spanname") : NULL;
			if (sn && strcmp(sn, span) == 0) {
				st = folio_node_attr(c, "namest");
				en = folio_node_attr(c, "nameend");
				break;
			}
		}
	}
	if (st == NULL || en == NULL)
		return 1;
	long a = colspec_number(tg, st), b = colspec_number(tg, en);
	return a > 0 && b >= a && b - a < 1000 ? b - a + 1 : 1;
}

static int is_header_row(const folio_node *entry)
{
	const folio_node *row = entry->parent;
	const folio_node *part = row ? row->parent : NULL;
	return part && part->kind == FOLIO_NODE_THEAD;
}

/* A row of header cells only (an HTML table without thead): its cells
 * head columns. */
static int row_all_headers(const folio_node *cell)
{
	for (const folio_node *c = cell->parent ? cell->parent->first : NULL; c; c = c->next)
		if (c->kind != FOLIO_NODE_TEXT && c->kind != FOLIO_NODE_TH)
			return 0;
	return 1;
}

static int is_row_header(const folio_node *entry)
{
	if (entry->prev) {
		/* Only the first cell of a row. */
		for (const folio_node *p = entry->prev; p; p = p->prev)
			if (p->kind != FOLIO_NODE_TEXT)
				return 0;
	}
	const char *rh = NULL;
	for (const folio_node *p = entry->parent; p && rh == NULL; p = p->parent) {
		rh = folio_node_attr(p, "rowheader");
		if (p->kind == FOLIO_NODE_TABLE || p->kind == FOLIO_NODE_INFORMALTABLE)
			break;
	}
	return rh && strcmp(rh, "firstcol") == 0;
}

static long positive_attr(const folio_node *n, const char *name, long dflt)
{
	const char *s = folio_node_attr(n, name);
	if (s == NULL)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	return (*end == '\0' && end != s && v >= 0 && v < 10000) ? v : dflt;
}

static int entry_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	f->flags |= F_NO_WS;
	if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "entry", NULL);
		return 1;
	}
	strbuf extra = STRBUF_INIT;
	const char *tag = "td";
	if (n->kind == FOLIO_NODE_ENTRY) {
		long span = entry_colspan(n);
		long rows = positive_attr(n, "morerows", 0);
		if (is_header_row(n)) {
			tag = "th";
			sb_puts(&extra, " scope=\"col\"");
		} else if (is_row_header(n)) {
			tag = "th";
			sb_puts(&extra, " scope=\"row\"");
		}
		if (span > 1)
			sb_printf(&extra, " colspan=\"%ld\"", span);
		if (rows > 0)
			sb_printf(&extra, " rowspan=\"%ld\"", rows + 1);
	} else {
		long span = positive_attr(n, "colspan", 1);
		long rows = positive_attr(n, "rowspan", 1);
		if (n->kind == FOLIO_NODE_TH) {
			tag = "th";
			const char *scope = folio_node_attr(n, "scope");
			if (!(scope && (strcmp(scope, "row") == 0 || strcmp(scope, "col") == 0 ||
					strcmp(scope, "rowgroup") == 0 ||
					strcmp(scope, "colgroup") == 0)))
				scope = is_header_row(n) || row_all_headers(n) ? "col" : "row";
			sb_printf(&extra, " scope=\"%s\"", scope);
		}
		if (span > 1)
			sb_printf(&extra, " colspan=\"%ld\"", span);
		if (rows > 1)
			sb_printf(&extra, " rowspan=\"%ld\"", rows);
	}
	const char *align = folio_node_attr(n, "align");
	const char *cls = NULL;
	if (align && (strcmp(align, "center") == 0 || strcmp(align, "right") == 0 ||
		      strcmp(align, "justify") == 0))
		cls = epub_printf(w->c, "align-%s", align);
	xw_open(w, f, tag, cls, extra.len ? sb_str(&extra) : NULL);
	f->close = epub_join(w->c, "</", tag, ">");
	sb_free(&extra);
	return 1;
}

static const handler h_entry = { entry_enter, NULL, NULL, NULL };

static int caption_enter(xw *w, frame *f)
{
	const folio_node *p = f->node->parent;
	int in_table = p && (p->kind == FOLIO_NODE_TABLE || p->kind == FOLIO_NODE_INFORMALTABLE);
	if (in_table && !(f->flags & F_PHRASING))
		xw_open(w, f, "caption", NULL, NULL), f->close = "</caption>";
	else
		xw_open_block(w, f, "div", "caption", NULL);
	f->flags |= F_NO_WS;
	return 1;
}

static const handler h_caption = { caption_enter, NULL, NULL, NULL };

/* ---- figures and images ---- */

static int figure_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = folio_kind_name(n->kind);
	xw_open_block(w, f, (f->flags & F_PHRASING) ? "span" : "figure", cls, NULL);
	f->flags |= F_NO_WS;
	f->after = "\n";
	if (n->kind == FOLIO_NODE_FIGURE || n->kind == FOLIO_NODE_EXAMPLE ||
	    n->kind == FOLIO_NODE_EQUATION)
		xw_add_post(f, folio_node_title(n), AS_FIGCAPTION);
	return 1;
}

static const handler h_figure = { figure_enter, NULL, NULL, NULL };

/* A numbered equation's number, "(2.1)", after its content, as the PDF
 * sets it at the right margin: before its caption when it has a title,
 * else at its end. */
static void equation_number(xw *w, const folio_node *n)
{
	if (!(n->flags & FOLIO_FLAG_NUMBERED) || n->label == NULL)
		return;
	sb_puts(w->out, "<span class=\"equation-number\">(");
	epub_put_text(w->out, n->label, strlen(n->label), 1);
	sb_puts(w->out, ")</span>");
}

static void equation_between(xw *w, frame *f, unsigned pass)
{
	if (pass == f->npasses)
		equation_number(w, f->node);
}

static void equation_exit(xw *w, frame *f)
{
	if (f->npost == 0)
		equation_number(w, f->node);
	sb_puts(w->out, f->close);
}

static const handler h_equation = { figure_enter, equation_exit, NULL, equation_between };


/* Of the imageobjects, the one a screen shows best (src/media). */
static const folio_node *chosen_imagedata(const folio_node *media)
{
	return media_choose(media, MEDIA_FOR_SCREEN);
}

/* The alternative text: alt, else a textobject's text, else the
 * enclosing figure's alt.  NULL when there is none. */
static const char *alt_text(xw *w, const folio_node *media)
{
	const folio_node *alt = folio_node_child(media, FOLIO_NODE_ALT);
	if (alt == NULL) {
		const folio_node *to = folio_node_child(media, FOLIO_NODE_TEXTOBJECT);
		if (to)
			alt = to;
	}
	if (alt == NULL && media->parent)
		alt = folio_node_child(media->parent, FOLIO_NODE_ALT);
	if (alt == NULL)
		return NULL;
	const char *t = xw_plain_text(w, alt);
	return *t ? t : NULL;
}

static void write_img(xw *w, const folio_node *media, const char *href, int is_inline)
{
	epub_ctx *c = w->c;
	const char *alt = alt_text(w, media);
	if (!c->writing) {
		c->images++;
		if (alt == NULL) {
			c->images_without_alt++;
			folio_report(c->diag, FOLIO_WARNING, media->loc,
				     "image without alternative text; add <alt> or a <textobject> "
				     "so that readers who cannot see it know what it shows "
				     "(the EPUB claims no WCAG 2.1 AA conformance without it)");
		}
	}
	sb_puts(w->out, "<img");
	if (is_inline)
		sb_puts(w->out, " class=\"inline\"");
	sb_puts(w->out, " src=\"");
	sb_put_xml(w->out, href, strlen(href));
	sb_puts(w->out, "\" alt=\"");
	if (alt)
		sb_put_xml(w->out, alt, strlen(alt));
	sb_puts(w->out, "\"/>");
}

static int media_accept(xw *w, frame *f, const folio_node *c)
{
	if (c->kind == FOLIO_NODE_CAPTION)
		return 1;
	/* Without an image, the text alternative stands in. */
	return f->state == 0 && c->kind == FOLIO_NODE_TEXTOBJECT;
}

static int mediaobject_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	int is_inline = n->kind == FOLIO_NODE_INLINEMEDIAOBJECT;
	if (is_inline)
		xw_open_inline(w, f, "span", "inlinemediaobject", NULL);
	else
		xw_open_block(w, f, "div", "mediaobject", NULL);
	f->flags |= F_NO_WS;
	const folio_node *data = chosen_imagedata(n);
	const char *href = data ? epub_image(w->c, data) : NULL;
	if (href) {
		write_img(w, n, href, is_inline);
		f->state = 1;
	}
	return 1;
}

static const handler h_mediaobject = { mediaobject_enter, NULL, media_accept, NULL };

static int textobject_enter(xw *w, frame *f)
{
	if (xw_has_blocks(w, f->node) && !(f->flags & F_PHRASING))
		xw_open_block(w, f, "div", "textobject", NULL);
	else
		xw_open_inline(w, f, "span", "textobject", NULL);
	return 1;
}

static const handler h_textobject = { textobject_enter, NULL, NULL, NULL };

/* ---- dispatch ---- */

/* The handler of each kind this file writes; the kinds no file names
 * are written by xw_h_generic (xhtml.c lists them). */
static const handler *const block_kinds[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_PARA] = &h_para,
	[FOLIO_NODE_SIMPARA] = &h_para,
	[FOLIO_NODE_FORMALPARA] = &h_plain_block,
	[FOLIO_NODE_SIDEBAR] = &h_plain_block,
	[FOLIO_NODE_EPIGRAPH] = &h_plain_block,
	[FOLIO_NODE_INFORMALEXAMPLE] = &h_plain_block,
	[FOLIO_NODE_QANDASET] = &h_plain_block,
	[FOLIO_NODE_QANDADIV] = &h_plain_block,
	[FOLIO_NODE_QANDAENTRY] = &h_plain_block,
	[FOLIO_NODE_QUESTION] = &h_plain_block,
	[FOLIO_NODE_ANSWER] = &h_plain_block,
	[FOLIO_NODE_INFORMALEQUATION] = &h_plain_block,
	[FOLIO_NODE_EXAMPLE] = &h_figure,
	[FOLIO_NODE_EQUATION] = &h_equation,
	[FOLIO_NODE_FIGURE] = &h_figure,
	[FOLIO_NODE_INFORMALFIGURE] = &h_figure,
	[FOLIO_NODE_NOTE] = &h_admonition,
	[FOLIO_NODE_TIP] = &h_admonition,
	[FOLIO_NODE_IMPORTANT] = &h_admonition,
	[FOLIO_NODE_WARNING] = &h_admonition,
	[FOLIO_NODE_CAUTION] = &h_admonition,
	[FOLIO_NODE_DANGER] = &h_admonition,
	[FOLIO_NODE_BLOCKQUOTE] = &h_blockquote,
	[FOLIO_NODE_ATTRIBUTION] = &h_attribution,
	[FOLIO_NODE_PROGRAMLISTING] = &h_verbatim,
	[FOLIO_NODE_SCREEN] = &h_verbatim,
	[FOLIO_NODE_SYNOPSIS] = &h_verbatim,
	[FOLIO_NODE_LITERALLAYOUT] = &h_verbatim,
	[FOLIO_NODE_ADDRESS] = &h_verbatim,
	[FOLIO_NODE_ITEMIZEDLIST] = &h_list,
	[FOLIO_NODE_ORDEREDLIST] = &h_list,
	[FOLIO_NODE_VARIABLELIST] = &h_list,
	[FOLIO_NODE_PROCEDURE] = &h_list,
	[FOLIO_NODE_LISTITEM] = &h_listitem,
	[FOLIO_NODE_STEP] = &h_listitem,
	[FOLIO_NODE_SUBSTEPS] = &h_steps,
	[FOLIO_NODE_STEPALTERNATIVES] = &h_steps,
	[FOLIO_NODE_VARLISTENTRY] = &h_varlistentry,
	[FOLIO_NODE_TERM] = &h_term,
	[FOLIO_NODE_SIMPLELIST] = &h_simplelist,
	[FOLIO_NODE_MEMBER] = &h_member,
	[FOLIO_NODE_SEGMENTEDLIST] = &h_segmentedlist,
	[FOLIO_NODE_SEGLISTITEM] = &h_seglistitem,
	[FOLIO_NODE_SEG] = &h_seg,
	[FOLIO_NODE_TABLE] = &h_table,
	[FOLIO_NODE_INFORMALTABLE] = &h_table,
	[FOLIO_NODE_TGROUP] = &h_tgroup,
	[FOLIO_NODE_THEAD] = &h_table_part,
	[FOLIO_NODE_TBODY] = &h_table_part,
	[FOLIO_NODE_TFOOT] = &h_table_part,
	[FOLIO_NODE_ROW] = &h_row,
	[FOLIO_NODE_TR] = &h_row,
	[FOLIO_NODE_ENTRY] = &h_entry,
	[FOLIO_NODE_TD] = &h_entry,
	[FOLIO_NODE_TH] = &h_entry,
	[FOLIO_NODE_COL] = &xw_h_skip,
	[FOLIO_NODE_COLGROUP] = &xw_h_skip,
	[FOLIO_NODE_CAPTION] = &h_caption,
	[FOLIO_NODE_MEDIAOBJECT] = &h_mediaobject,
	[FOLIO_NODE_INLINEMEDIAOBJECT] = &h_mediaobject,
	[FOLIO_NODE_TEXTOBJECT] = &h_textobject,
};

int xw_block_names(folio_node_kind k)
{
	return block_kinds[k] != NULL;
}

const handler *xw_block_handler(xw *w, frame *parent, const folio_node *n, int as)
{
	(void)w;
	(void)parent;
	if (as == AS_ATTRIBUTION)
		return &h_attribution;
	return block_kinds[n->kind];
}
