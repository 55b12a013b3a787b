/*
 * xhtml_inline: text-level markup: emphasis, quotations in the language's
 * marks, foreign phrases, the technical inlines (code, kbd, var, samp with
 * a class naming the DocBook element), links and cross-references,
 * footnotes as EPUB notes (noteref + aside with a backlink), glossary
 * terms linked to their entries, citations linked to the reference list,
 * index anchors and the locator lists of generated entries.
 */
#include "backend/epub/xhtml.h"
#include "layout/layout.h"
#include "util/uri.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <string.h>

/* ---- simple mappings ---- */

typedef struct inline_map {
	const char *tag;
	const char *cls;
} inline_map;

/* The inlines that map to one XHTML element: its tag, and whether its
 * class is the DocBook name (so a style sheet can tell <code> of a
 * command from <code> of a filename). */
static const struct simple_tag {
	const char *tag;
	int named;
} simple_tags[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_LITERAL] = { "code", 1 },
	[FOLIO_NODE_CODE] = { "code", 1 },
	[FOLIO_NODE_COMMAND] = { "code", 1 },
	[FOLIO_NODE_FILENAME] = { "code", 1 },
	[FOLIO_NODE_OPTION] = { "code", 1 },
	[FOLIO_NODE_PARAMETER] = { "code", 1 },
	[FOLIO_NODE_VARNAME] = { "code", 1 },
	[FOLIO_NODE_ENVAR] = { "code", 1 },
	[FOLIO_NODE_TAG] = { "code", 1 },
	[FOLIO_NODE_URI] = { "code", 1 },
	[FOLIO_NODE_SYSTEMITEM] = { "code", 1 },
	[FOLIO_NODE_PACKAGE] = { "code", 1 },
	[FOLIO_NODE_FUNCTION] = { "code", 1 },
	[FOLIO_NODE_CLASSNAME] = { "code", 1 },
	[FOLIO_NODE_CONSTANT] = { "code", 1 },
	[FOLIO_NODE_TYPE] = { "code", 1 },
	[FOLIO_NODE_ERRORCODE] = { "code", 1 },
	[FOLIO_NODE_MARKUP] = { "code", 1 },
	[FOLIO_NODE_EMAIL] = { "code", 1 },
	[FOLIO_NODE_REPLACEABLE] = { "var", 1 },
	[FOLIO_NODE_USERINPUT] = { "kbd", 1 },
	[FOLIO_NODE_KEYCAP] = { "kbd", 1 },
	[FOLIO_NODE_COMPUTEROUTPUT] = { "samp", 1 },
	[FOLIO_NODE_PROMPT] = { "samp", 1 },
	[FOLIO_NODE_SUBSCRIPT] = { "sub", 0 },
	[FOLIO_NODE_SUPERSCRIPT] = { "sup", 0 },
	[FOLIO_NODE_ACRONYM] = { "abbr", 1 },
	[FOLIO_NODE_ABBREV] = { "abbr", 1 },
	[FOLIO_NODE_CITETITLE] = { "cite", 0 },
	[FOLIO_NODE_WORDASWORD] = { "em", 1 },
	[FOLIO_NODE_FOREIGNPHRASE] = { "span", 1 },
	[FOLIO_NODE_APPLICATION] = { "span", 1 },
	[FOLIO_NODE_PRODUCTNAME] = { "span", 1 },
	[FOLIO_NODE_PRODUCTNUMBER] = { "span", 1 },
	[FOLIO_NODE_REFNAME] = { "span", 1 },
	[FOLIO_NODE_REFPURPOSE] = { "span", 1 },
	[FOLIO_NODE_REFCLASS] = { "span", 1 },
	[FOLIO_NODE_REFDESCRIPTOR] = { "span", 1 },
	[FOLIO_NODE_REFENTRYTITLE] = { "span", 1 },
	[FOLIO_NODE_MANVOLNUM] = { "span", 1 },
	[FOLIO_NODE_GUIMENU] = { "span", 1 },
	[FOLIO_NODE_GUISUBMENU] = { "span", 1 },
	[FOLIO_NODE_GUIMENUITEM] = { "span", 1 },
	[FOLIO_NODE_GUIBUTTON] = { "span", 1 },
	[FOLIO_NODE_GUILABEL] = { "span", 1 },
	[FOLIO_NODE_GUIICON] = { "span", 1 },
	[FOLIO_NODE_MATHPHRASE] = { "span", 1 },
	[FOLIO_NODE_INLINEEQUATION] = { "span", 1 },
	[FOLIO_NODE_LINEANNOTATION] = { "span", 1 },
	[FOLIO_NODE_DATE] = { "span", 1 },
	[FOLIO_NODE_FIRSTNAME] = { "span", 1 },
	[FOLIO_NODE_GIVENNAME] = { "span", 1 },
	[FOLIO_NODE_SURNAME] = { "span", 1 },
	[FOLIO_NODE_HONORIFIC] = { "span", 1 },
	[FOLIO_NODE_LINEAGE] = { "span", 1 },
	[FOLIO_NODE_OTHERNAME] = { "span", 1 },
	[FOLIO_NODE_ORGNAME] = { "span", 1 },
	[FOLIO_NODE_ORGDIV] = { "span", 1 },
	[FOLIO_NODE_JOBTITLE] = { "span", 1 },
	[FOLIO_NODE_CITY] = { "span", 1 },
	[FOLIO_NODE_STATE] = { "span", 1 },
	[FOLIO_NODE_COUNTRY] = { "span", 1 },
	[FOLIO_NODE_STREET] = { "span", 1 },
	[FOLIO_NODE_POSTCODE] = { "span", 1 },
	[FOLIO_NODE_LABEL] = { "span", 1 },
};

static int simple_inline(folio_node_kind k, inline_map *m)
{
	const struct simple_tag *t = &simple_tags[k];
	if (t->tag == NULL)
		return 0;
	*m = (inline_map){ t->tag, t->named ? folio_kind_name(k) : NULL };
	return 1;
}

/* Opens n as tag/cls, or as a div when it holds blocks in flow. */
static void open_inline_or_div(xw *w, frame *f, const char *tag, const char *cls,
			       const char *extra)
{
	if (!(f->flags & F_PHRASING) && xw_has_blocks(w, f->node))
		xw_open_block(w, f, "div", cls ? cls : tag, extra);
	else
		xw_open_inline(w, f, tag, cls, extra);
}

static int simple_enter(xw *w, frame *f)
{
	inline_map m;
	if (!simple_inline(f->node->kind, &m))
		m = (inline_map){ "span", folio_kind_name(f->node->kind) };
	open_inline_or_div(w, f, m.tag, m.cls, NULL);
	return 1;
}

static const handler h_simple = { simple_enter, NULL, NULL, NULL };

/* Element children joined by a separator: personname, keycombo,
 * menuchoice. */
static int joined_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	open_inline_or_div(w, f, "span", folio_kind_name(n->kind), NULL);
	f->flags |= F_NO_WS;
	f->sep = folio_joiner(n);
	if (f->sep == NULL)
		f->sep = " ";
	return 1;
}

static const handler h_joined = { joined_enter, NULL, NULL, NULL };

/* Anything else: a span (or div) classed with the element's name. */
static int generic_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = n->name && *n->name ? n->name : folio_kind_name(n->kind);
	folio_class k = folio_kind_class(n->kind);
	int block = (k == FOLIO_CLASS_BLOCK || k == FOLIO_CLASS_DIVISION ||
		     xw_has_blocks(w, n));
	if ((f->flags & F_PHRASING) || !block) {
		xw_open_inline(w, f, "span", cls, NULL);
	} else if (!xw_has_blocks(w, n)) {
		xw_open_inline(w, f, "p", cls, NULL);
		f->after = "\n";
	} else {
		xw_open_block(w, f, "div", cls, NULL);
		f->after = "\n";
	}
	return 1;
}

const handler xw_h_generic = { generic_enter, NULL, NULL, NULL };

static int skip_enter(xw *w, frame *f)
{
	return 0;
}

const handler xw_h_skip = { skip_enter, NULL, NULL, NULL };

/* ---- emphasis, quotations ---- */

static int emphasis_enter(xw *w, frame *f)
{
	const char *role = f->node->role;
	if (role && (strcmp(role, "bold") == 0 || strcmp(role, "strong") == 0))
		open_inline_or_div(w, f, "strong", NULL, NULL);
	else if (role && strcmp(role, "underline") == 0)
		open_inline_or_div(w, f, "span", "underline", NULL);
	else
		open_inline_or_div(w, f, "em", NULL, NULL);
	return 1;
}

static const handler h_emphasis = { emphasis_enter, NULL, NULL, NULL };

static int quote_enter(xw *w, frame *f)
{
	const folio_lang *l = xw_lang(f->node);
	f->state = (int)(w->quote_depth % 2);
	w->quote_depth++;
	open_inline_or_div(w, f, "span", "quote", NULL);
	const char *mark = f->state ? l->quote2_open : l->quote_open;
	sb_puts(w->out, mark);
	return 1;
}

static void quote_exit(xw *w, frame *f)
{
	const folio_lang *l = xw_lang(f->node);
	sb_puts(w->out, f->state ? l->quote2_close : l->quote_close);
	sb_puts(w->out, f->close);
	w->quote_depth--;
}

static const handler h_quote = { quote_enter, quote_exit, NULL, NULL };

static const char *trademark_symbol(const folio_node *n)
{
	const char *cls = folio_node_attr(n, "class");
	if (cls && strcmp(cls, "registered") == 0)
		return "\u00ae";
	if (cls && strcmp(cls, "copyright") == 0)
		return "\u00a9";
	if (cls && strcmp(cls, "service") == 0)
		return "\u2120";
	return "\u2122";
}

static int trademark_enter(xw *w, frame *f)
{
	open_inline_or_div(w, f, "span", "trademark", NULL);
	return 1;
}

static void trademark_exit(xw *w, frame *f)
{
	sb_puts(w->out, trademark_symbol(f->node));
	sb_puts(w->out, f->close);
}

static const handler h_trademark = { trademark_enter, trademark_exit, NULL, NULL };

/* ---- links ---- */

static int has_visible_content(const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->flags & FOLIO_FLAG_HIDDEN)
			continue;
		if (c->kind != FOLIO_NODE_TEXT || !xw_is_ws(c))
			return 1;
	}
	return 0;
}

/* External addresses that may be links in an EPUB; anything else (a
 * relative path to a file outside the package) cannot work. */
/* The URI as written, percent-encoded where a URI may not hold it (a
 * space, '<', non-ASCII: epubcheck's RSC-020); the text stays as written. */
static const char *encoded(epub_ctx *c, const char *uri)
{
	if (uri_is_clean(uri))
		return uri;
	strbuf b = STRBUF_INIT;
	uri_escape(&b, uri);
	const char *r = epub_strdup(c, sb_str(&b));
	sb_free(&b);
	return r;
}

static const char *external_href(epub_ctx *c, const char *href)
{
	static const char *const schemes[] = { "http://", "https://", "mailto:",
					       "ftp://", "tel:" };
	for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
		if (strncmp(href, schemes[i], strlen(schemes[i])) == 0)
			return encoded(c, href);
	if (strncmp(href, "doi:", 4) == 0)
		return encoded(c, epub_printf(c, "https://doi.org/%s", href + 4));
	return NULL;
}

static const char *link_role(const epub_ctx *c, const folio_node *target)
{
	if (target == NULL)
		return NULL;
	switch (target->kind) {
	case FOLIO_NODE_BIBLIOMIXED:
	case FOLIO_NODE_BIBLIOENTRY:
		return " role=\"doc-biblioref\"";
	case FOLIO_NODE_GLOSSENTRY:
		return " epub:type=\"glossref\" role=\"doc-glossref\"";
	default:
		return NULL;
	}
}

/* The text a link without content shows: the target's xreflabel,
 * label or title. */
static const char *target_words(xw *w, const folio_node *target)
{
	const char *s = folio_node_attr(target, "xreflabel");
	if (s && *s)
		return s;
	const folio_node *title = folio_node_title(target);
	if (title) {
		const char *t = xw_plain_text(w, title);
		if (*t)
			return t;
	}
	if (target->label && *target->label)
		return target->label;
	if (target->kind == FOLIO_NODE_GLOSSENTRY) {
		const folio_node *term = folio_node_child(target, FOLIO_NODE_GLOSSTERM);
		if (term)
			return xw_plain_text(w, term);
	}
	return target->id ? target->id : "\u2192";
}

/* Opens <a href> when the link can work here; otherwise a span.
 * Returns 1 when a link was opened. */
static int open_link(xw *w, frame *f, const char *cls, const char *href,
		     const char *extra)
{
	/* Hoisted whether or not the link opens: the first pass, which
	 * places the pages, may not know the href yet. */
	xw_hoist_pages(w, f->node);
	if (href && !(f->flags & F_IN_LINK)) {
		strbuf b = STRBUF_INIT;
		if (extra)
			sb_puts(&b, extra);
		sb_puts(&b, " href=\"");
		sb_put_xml(&b, href, strlen(href));
		sb_putc(&b, '"');
		xw_open(w, f, "a", cls, sb_str(&b));
		sb_free(&b);
		f->close = "</a>";
		f->flags |= F_IN_LINK;
		/* <a> is transparent: it may hold the blocks it wraps. */
		if (!xw_has_blocks(w, f->node))
			f->flags |= F_PHRASING;
		return 1;
	}
	open_inline_or_div(w, f, "span", cls, NULL);
	return 0;
}

static int link_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *href = NULL, *extra = NULL, *text = NULL;
	if (n->target) {
		href = epub_href(w->c, w->chunk, n->target);
		extra = link_role(w->c, n->target);
		if (!has_visible_content(n))
			text = target_words(w, n->target);
	} else {
		const char *raw = folio_node_attr(n, "xlink:href");
		if (raw == NULL)
			raw = folio_node_attr(n, "href");
		href = raw ? external_href(w->c, raw) : NULL;
		if (!has_visible_content(n))
			text = raw;
	}
	const char *cls = n->kind == FOLIO_NODE_XREF ? "xref"
			  : n->kind == FOLIO_NODE_BIBLIOREF ? "biblioref" : "link";
	if (n->kind == FOLIO_NODE_BIBLIOREF && n->target)
		extra = " role=\"doc-biblioref\"";
	open_link(w, f, cls, href, extra);
	if (text) {
		epub_put_text(w->out, text, strlen(text), 1);
		return 0;
	}
	return 1;
}

static void link_exit(xw *w, frame *f)
{
	sb_puts(w->out, f->close);
}

static const handler h_link = { link_enter, link_exit, NULL, NULL };

static int anchor_enter(xw *w, frame *f)
{
	xw_anchor(w, f->node);
	return 0;
}

static const handler h_anchor = { anchor_enter, NULL, NULL, NULL };

/* ---- glossary terms ---- */

static int term_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	const char *cls = folio_kind_name(n->kind);
	const folio_node *p = n->parent;
	if (p && p->kind == FOLIO_NODE_GLOSSENTRY) {
		/* The defined term in a glossary entry. */
		if (f->flags & F_IN_DFN) {
			xw_open_inline(w, f, "span", cls, NULL);
		} else {
			xw_open_inline(w, f, "dfn", NULL, NULL);
			f->flags |= F_IN_DFN;
		}
		return 1;
	}
	const char *href = epub_href(w->c, w->chunk, n->target);
	/* marked as the page style marks it in print (glossterm.face) */
	static const char *const marks[] = {
		[LAYOUT_TERM_ITALIC] = "glossterm term-italic",
		[LAYOUT_TERM_BOLD] = "glossterm term-bold",
		[LAYOUT_TERM_UNDERLINE] = "glossterm term-underline",
	};
	const epub_ctx *c = w->c;
	if (n->kind == FOLIO_NODE_GLOSSTERM && c->term_face > LAYOUT_TERM_NONE &&
	    c->term_face <= LAYOUT_TERM_UNDERLINE &&
	    (!c->term_first_only || (n->flags & FOLIO_FLAG_FIRST_USE)))
		cls = marks[c->term_face];
	open_link(w, f, cls, href, " epub:type=\"glossref\" role=\"doc-glossref\"");
	return 1;
}

static const handler h_glossterm = { term_enter, link_exit, NULL, NULL };

/* ---- citations ---- */

static int citation_enter(xw *w, frame *f)
{
	open_inline_or_div(w, f, "span", "citation", NULL);
	return 1;
}

static const handler h_citation = { citation_enter, NULL, NULL, NULL };

/* ---- footnotes ---- */

static const char *note_id(xw *w, const folio_node *note)
{
	epub_nodeinfo *ni = nodemap_get(w->c->map, note);
	if (ni->id == NULL) {
		/* The same id xw_id_for would give it. */
		ni->id = note->id ? note->id
			 : epub_printf(w->c, "n%u", note->serial);
		while (note->id == NULL && folio_doc_find_id(w->c->doc, ni->id))
			ni->id = epub_printf(w->c, "%s_", ni->id);
	}
	return ni->id;
}

static const char *noteref_id(xw *w, const folio_node *note)
{
	const char *id = epub_printf(w->c, "nr-%s", note_id(w, note));
	while (folio_doc_find_id(w->c->doc, id))
		id = epub_printf(w->c, "%s_", id);
	return id;
}

static int footnote_ref_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	epub_nodeinfo *ni = nodemap_get(w->c->map, n);
	ni->note_label = n->label && *n->label ? n->label
			 : epub_printf(w->c, "%u", ++w->note_counter);
	w->notes = vec_reserve(w->notes, &w->notes_cap, (size_t)w->nnotes + 1,
			       sizeof(*w->notes));
	w->notes[w->nnotes++] = n;
	const char *ref = noteref_id(w, n);
	int fresh = hash_get(w->ids, ref) == NULL;
	if (fresh)
		hash_put(w->ids, ref, (void *)ref);
	if (f->flags & F_IN_LINK) {
		/* No link inside a link: the mark alone, still the target
		 * of the note's way back. */
		sb_puts(w->out, "<sup class=\"noteref\"");
		if (fresh)
			sb_printf(w->out, " id=\"%s\"", ref);
		sb_printf(w->out, ">%s</sup>", ni->note_label);
		return 0;
	}
	sb_puts(w->out, "<sup class=\"noteref\"><a epub:type=\"noteref\" role=\"doc-noteref\"");
	if (fresh)
		sb_printf(w->out, " id=\"%s\"", ref);
	sb_printf(w->out, " href=\"#%s\">", note_id(w, n));
	epub_put_text(w->out, ni->note_label, strlen(ni->note_label), 1);
	sb_puts(w->out, "</a></sup>");
	return 0;
}

static const handler h_footnote_ref = { footnote_ref_enter, NULL, NULL, NULL };

void xw_backlink(xw *w)
{
	const folio_node *note = w->backlink;
	w->backlink = NULL;
	const epub_nodeinfo *ni = nodemap_find(w->c->map, note);
	const char *label = ni && ni->note_label ? ni->note_label : "\u2191";
	sb_printf(w->out, "<a class=\"backlink\" role=\"doc-backlink\" href=\"#%s\">",
		  noteref_id(w, note));
	epub_put_text(w->out, label, strlen(label), 1);
	sb_puts(w->out, ".</a> ");
}

static int is_block_kind(folio_node_kind k)
{
	folio_class c = folio_kind_class(k);
	return c == FOLIO_CLASS_BLOCK || c == FOLIO_CLASS_DIVISION;
}

static int note_body_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	f->flags &= ~(unsigned)(F_PHRASING | F_PRE | F_IN_LINK | F_IN_DFN);
	f->flags |= F_IN_NOTE | F_NO_WS;
	xw_open(w, f, "aside", "footnote", " epub:type=\"footnote\" role=\"doc-footnote\"");
	f->close = "</aside>";
	const folio_node *first = n->first;
	while (first && ((first->kind == FOLIO_NODE_TEXT && xw_is_ws(first)) ||
			 (first->flags & FOLIO_FLAG_HIDDEN)))
		first = first->next;
	w->backlink = n;
	if (first && first->kind != FOLIO_NODE_PARA && first->kind != FOLIO_NODE_SIMPARA &&
	    is_block_kind(first->kind)) {
		sb_puts(w->out, "<p class=\"footnote-label\">");
		xw_backlink(w);
		sb_puts(w->out, "</p>");
	} else if (first == NULL) {
		xw_backlink(w);
	}
	return 1;
}

const handler xw_h_note_body = { note_body_enter, NULL, NULL, NULL };

static int footnoteref_enter(xw *w, frame *f)
{
	const folio_node *note = f->node->target;
	const epub_nodeinfo *ni = note ? nodemap_find(w->c->map, note) : NULL;
	const char *label = ni && ni->note_label ? ni->note_label
			    : note && note->label ? note->label : "*";
	sb_puts(w->out, "<sup class=\"noteref\">");
	int linked = 0;
	if (note && !(f->flags & F_IN_LINK)) {
		const char *href = epub_href(w->c, w->chunk, note);
		if (href) {
			sb_puts(w->out, "<a epub:type=\"noteref\" role=\"doc-noteref\" href=\"");
			sb_put_xml(w->out, href, strlen(href));
			sb_puts(w->out, "\">");
			linked = 1;
		}
	}
	epub_put_text(w->out, label, strlen(label), 1);
	sb_puts(w->out, linked ? "</a></sup>" : "</sup>");
	return 0;
}

static const handler h_footnoteref = { footnoteref_enter, NULL, NULL, NULL };

/* ---- index anchors and locators ---- */

static int indexterm_enter(xw *w, frame *f)
{
	xw_anchor(w, f->node);
	return 0;
}

static const handler h_indexterm = { indexterm_enter, NULL, NULL, NULL };

static int is_preferred(const folio_node *ref)
{
	const char *s = folio_node_attr(ref, "significance");
	return s && strcmp(s, "preferred") == 0;
}

/* 1 when end is the endofrange mark of the startofrange mark start. */
static int closes_range(const folio_node *start, const folio_node *end)
{
	const char *c1 = folio_node_attr(start, "class");
	const char *c2 = folio_node_attr(end, "class");
	const char *ref = folio_node_attr(end, "startref");
	return c1 && c2 && ref && start->id && strcmp(c1, "startofrange") == 0 &&
	       strcmp(c2, "endofrange") == 0 && strcmp(ref, start->id) == 0;
}

/* One locator link: the print page of ref when the page-list is known,
 * else its running number. */
static void put_locator(xw *w, const folio_node *ref, const char *href,
			int in_index, unsigned number, int pages)
{
	epub_ctx *c = w->c;
	const epub_nodeinfo *ri = nodemap_find(c->map, ref);
	int page = ri ? ri->page : -1;
	const char *text = pages && page >= 0 ? c->pages[page].label
					      : epub_printf(c, "%u", number);
	sb_puts(w->out, in_index ? "<a class=\"locator\" epub:type=\"index-locator\" href=\""
				 : "<a class=\"locator\" href=\"");
	sb_put_xml(w->out, href, strlen(href));
	sb_puts(w->out, "\">");
	int strong = is_preferred(ref);
	if (strong)
		sb_puts(w->out, "<strong>");
	epub_put_text(w->out, text, strlen(text), 1);
	if (strong)
		sb_puts(w->out, "</strong>");
	sb_puts(w->out, "</a>");
}

static int locators_enter(xw *w, frame *f)
{
	const folio_node *n = f->node;
	epub_ctx *c = w->c;
	const char *for_what = folio_node_attr(n, "for");
	int pages = c->npages > 0;
	/* In an index entry the locators are the entry's own children
	 * (EPUB Indexes); elsewhere they are held together in a span. */
	const folio_node *holder = n->parent;
	int in_index = holder && (holder->kind == FOLIO_NODE_PRIMARYIE ||
				  holder->kind == FOLIO_NODE_SECONDARYIE ||
				  holder->kind == FOLIO_NODE_TERTIARYIE ||
				  holder->kind == FOLIO_NODE_INDEXENTRY);
	if (in_index) {
		f->close = NULL;
		/* "term, 12, 15": the comma unless the term brought one. */
		const folio_node *prev = n->prev;
		int has_sep = prev && prev->kind == FOLIO_NODE_TEXT && prev->len &&
			      (prev->text[prev->len - 1] == ' ' || prev->text[prev->len - 1] == ',');
		if (n->nrefs && !has_sep)
			sb_puts(w->out, ", ");
	} else if (f->flags & F_PHRASING) {
		xw_open_inline(w, f, "span", "locators", NULL);
	} else {
		xw_open_inline(w, f, "p", "locators", NULL);
	}
	if (pages && for_what && strcmp(for_what, "glossary") == 0) {
		const char *abbrev = xw_lang(n)->page_abbrev;
		epub_put_text(w->out, abbrev, strlen(abbrev), 1);
		sb_putc(w->out, ' ');
	}
	/* Each printed page with a use gets a link back, named by the
	 * page and landing on the page's first use; without the page-list,
	 * every use gets its own numbered link.  An index range (startofrange, then its endofrange)
	 * reads "12–15", a link to each end. */
	unsigned shown = 0;
	int last_page = -1;
	for (unsigned i = 0; i < n->nrefs; i++) {
		const folio_node *ref = n->refs[i];
		const char *href = (f->flags & F_IN_LINK) ? NULL
				   : epub_href(c, w->chunk, ref);
		if (href == NULL)
			continue;
		/* Uses on one printed page are one locator, as in print:
		 * the link lands on the first of them. */
		const epub_nodeinfo *ri = pages ? nodemap_find(c->map, ref) : NULL;
		int page = ri ? ri->page : -1;
		const folio_node *next = i + 1 < n->nrefs ? n->refs[i + 1] : NULL;
		int range = next && closes_range(ref, next);
		if (page >= 0 && page == last_page && !range)
			continue;
		last_page = range ? -1 : page;
		if (shown++)
			sb_puts(w->out, ", ");
		put_locator(w, ref, href, in_index, shown, pages);
		const folio_node *end = i + 1 < n->nrefs ? n->refs[i + 1] : NULL;
		if (end && closes_range(ref, end)) {
			const char *end_href = epub_href(c, w->chunk, end);
			if (end_href) {
				sb_puts(w->out, "\u2013");
				put_locator(w, end, end_href, in_index, shown, pages);
			}
			i++;
		}
	}
	return 0;
}

static const handler h_locators = { locators_enter, NULL, NULL, NULL };

/* ---- dispatch ---- */

/* A biblioref with words of its own is written as a citation; an empty
 * one as a link, which shows words of its target. */
static const handler *biblioref_handler(xw *w, const folio_node *n)
{
	(void)w;
	return has_visible_content(n) ? &h_citation : &h_link;
}

/* The handler of each kind this file writes, or the function that picks
 * one by the node; the simple inlines (simple_tags) take h_simple. */
static const kind_entry inline_kinds[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_EMPHASIS] = { &h_emphasis, NULL },
	[FOLIO_NODE_QUOTE] = { &h_quote, NULL },
	[FOLIO_NODE_TRADEMARK] = { &h_trademark, NULL },
	[FOLIO_NODE_PERSONNAME] = { &h_joined, NULL },
	[FOLIO_NODE_KEYCOMBO] = { &h_joined, NULL },
	[FOLIO_NODE_MENUCHOICE] = { &h_joined, NULL },
	[FOLIO_NODE_LINK] = { &h_link, NULL },
	[FOLIO_NODE_XREF] = { &h_link, NULL },
	[FOLIO_NODE_OLINK] = { &h_link, NULL },
	[FOLIO_NODE_BIBLIOREF] = { NULL, biblioref_handler },
	[FOLIO_NODE_ANCHOR] = { &h_anchor, NULL },
	[FOLIO_NODE_GLOSSTERM] = { &h_glossterm, NULL },
	[FOLIO_NODE_FIRSTTERM] = { &h_glossterm, NULL },
	[FOLIO_NODE_CITATION] = { &h_citation, NULL },
	[FOLIO_NODE_FOOTNOTE] = { &h_footnote_ref, NULL },
	[FOLIO_NODE_FOOTNOTEREF] = { &h_footnoteref, NULL },
	[FOLIO_NODE_INDEXTERM] = { &h_indexterm, NULL },
	[FOLIO_NODE_GEN_LOCATORS] = { &h_locators, NULL },
	[FOLIO_NODE_MATHML] = { &xw_h_math, NULL },
};

int xw_inline_names(folio_node_kind k)
{
	return inline_kinds[k].h || inline_kinds[k].choose || simple_tags[k].tag;
}

const handler *xw_inline_handler(xw *w, frame *parent, const folio_node *n, int as)
{
	(void)parent;
	if (as == AS_NOTE)
		return &xw_h_note_body;
	const kind_entry *k = &inline_kinds[n->kind];
	if (k->choose)
		return k->choose(w, n);
	if (k->h)
		return k->h;
	if (simple_tags[n->kind].tag)
		return &h_simple;
	return NULL;
}
