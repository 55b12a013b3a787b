/*
 * nav: the navigation document (nav.xhtml: the table of contents, the
 * landmarks and the print edition's page-list) and its EPUB 2
 * counterpart toc.ncx for older reading systems.
 *
 * The table of contents lists every content document and, inside it,
 * titled sections down to TOC_SECTION_DEPTH levels; an untitled section
 * lets its subsections through at its own level.  nav.xhtml is in the
 * spine right after the title page, so readers see the contents where a
 * printed book has them.
 */
#include "backend/epub/epub.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOC_SECTION_DEPTH 2

typedef struct toc_entry {
	unsigned level;
	const folio_node *node;
} toc_entry;

typedef struct toc {
	toc_entry *e;
	unsigned n;
	size_t cap;
} toc;

static int toc_skipped_kind(folio_node_kind k)
{
	return k == FOLIO_NODE_GLOSSDIV || k == FOLIO_NODE_BIBLIODIV ||
	       k == FOLIO_NODE_INDEXDIV || k == FOLIO_NODE_PARTINTRO;
}

static int has_title(const epub_ctx *c, const folio_node *n)
{
	const folio_node *t = folio_node_title(n);
	return (t && !(t->flags & FOLIO_FLAG_HIDDEN) && t->first) ||
	       epub_default_title(c, n) != NULL;
}

static void toc_add(toc *t, unsigned level, const folio_node *n)
{
	if (t == NULL)
		return;
	t->e = vec_reserve(t->e, &t->cap, (size_t)t->n + 1, sizeof(*t->e));
	t->e[t->n++] = (toc_entry){ level, n };
}

/* Walks the divisions in book order.  With t NULL it only marks the
 * listed sections as link targets (before rendering, so they get ids). */
static void walk_toc(epub_ctx *c, toc *t)
{
	const folio_node *root = c->doc->root;
	const folio_node *n = root;
	while (n) {
		int division = folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION;
		if (n != root && (!division || (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_FOREIGN)))) {
			n = folio_next(root, n, 1);
			continue;
		}
		epub_nodeinfo *ni = nodemap_get(c->map, n);
		const epub_nodeinfo *pi = n->parent ? nodemap_find(c->map, n->parent) : NULL;
		int top = n == root || (ni->flags & EPUB_NI_CHUNK_TOP);
		ni->sect_depth = top || pi == NULL ? 0 : pi->sect_depth + 1;
		if (!top && ni->sect_depth > TOC_SECTION_DEPTH) {
			n = folio_next(root, n, 1);
			continue;
		}
		int listed = top ? n->kind != FOLIO_NODE_BOOK
				 : !toc_skipped_kind(n->kind) && has_title(c, n);
		unsigned base = pi ? pi->toc_base : 0;
		if (listed) {
			ni->toc_base = base + 1;
			if (t == NULL && !top)
				ni->flags |= EPUB_NI_TARGET;
			toc_add(t, base + 1, n);
		} else {
			ni->toc_base = base;
		}
		n = folio_next(root, n, 0);
	}
	/* Generated lists outside the tree come last. */
	for (unsigned i = 0; i < c->nchunks; i++) {
		const folio_node *g = c->chunks[i].node;
		if (c->chunks[i].kind == EPUB_CHUNK_DIVISION && g != root && g->parent == NULL)
			toc_add(t, 1, g);
	}
}

void epub_nav_mark(epub_ctx *c)
{
	walk_toc(c, NULL);
}

/* Where a division is: its document, or an anchor inside one. */
static const char *node_href(epub_ctx *c, const folio_node *n)
{
	if (n == NULL)
		return NULL;
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_DIVISION && c->chunks[i].node == n)
			return c->chunks[i].file;
	return epub_href(c, -1, n);
}

static void put_link(strbuf *b, const char *attrs, const char *href, const char *text)
{
	sb_puts(b, "<a");
	if (attrs)
		sb_puts(b, attrs);
	sb_puts(b, " href=\"");
	sb_put_xml(b, href, strlen(href));
	sb_puts(b, "\">");
	epub_put_text(b, text, strlen(text), 1);
	sb_puts(b, "</a>");
}

/* Entries whose place is known, so no link points nowhere. */
static void placed_entries(epub_ctx *c, toc *t, const char ***hrefs)
{
	walk_toc(c, t);
	*hrefs = xcalloc(t->n ? t->n : 1, sizeof(**hrefs));
	unsigned k = 0;
	for (unsigned i = 0; i < t->n; i++) {
		const char *h = node_href(c, t->e[i].node);
		if (h == NULL)
			continue;
		/* Dropping an entry lifts its children, never deeper than
		 * one below the entry before. */
		unsigned level = t->e[i].level;
		unsigned max = k ? t->e[k - 1].level + 1 : 1;
		t->e[k] = (toc_entry){ level < max ? level : max, t->e[i].node };
		(*hrefs)[k++] = h;
	}
	t->n = k;
}

/* An entry of the contents, and for an article of a reader of collected
 * articles, who wrote it: inside the link, since a nav entry is one a or
 * span (EPUB 3.3, 5.4.2.2), set off by a dash a reading system that
 * shows the link's text alone still reads rightly. */
static void put_toc_link(epub_ctx *c, strbuf *b, const char *href,
			 const folio_node *n, int with_authors)
{
	const char *title = epub_nav_title(c, n);
	const char *who = NULL;
	if (with_authors)
		who = folio_authors_text(c->doc, n, 0, folio_lang_get(n->lang ? n->lang
						   : c->doc->lang)->and_word);
	if (who == NULL) {
		put_link(b, NULL, href, title);
		return;
	}
	sb_puts(b, "<a href=\"");
	sb_put_xml(b, href, strlen(href));
	sb_puts(b, "\">");
	epub_put_text(b, title, strlen(title), 1);
	sb_puts(b, "<span class=\"toc-authors\"> \u2014 ");
	epub_put_text(b, who, strlen(who), 1);
	sb_puts(b, "</span></a>");
}

static void write_toc_nav(epub_ctx *c, strbuf *b)
{
	int with_authors = folio_articles_have_authors(c->doc);
	toc t = { 0 };
	const char **hrefs;
	placed_entries(c, &t, &hrefs);
	const folio_lang *l = c->lang;
	sb_puts(b, "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">\n<h1>");
	epub_put_text(b, l->contents, strlen(l->contents), 1);
	sb_puts(b, "</h1>\n<ol>\n");
	if (t.n == 0) {
		/* A toc must list something: the book's first document. */
		const epub_chunk *first = c->nchunks ? &c->chunks[c->nchunks - 1] : NULL;
		for (unsigned i = 0; i < c->nchunks; i++)
			if (c->chunks[i].kind != EPUB_CHUNK_COVER &&
			    (int)i >= c->nav_spine_pos) {
				first = &c->chunks[i];
				break;
			}
		if (first) {
			sb_puts(b, "<li>");
			put_link(b, NULL, first->file, epub_nav_title(c, c->doc->root));
			sb_puts(b, "</li>\n");
		}
	}
	for (unsigned i = 0; i < t.n; i++) {
		unsigned level = t.e[i].level;
		if (i > 0) {
			unsigned prev = t.e[i - 1].level;
			if (level > prev) {
				sb_puts(b, "\n<ol>\n");
			} else {
				sb_puts(b, "</li>\n");
				for (unsigned k = prev; k > level; k--)
					sb_puts(b, "</ol>\n</li>\n");
			}
		}
		sb_puts(b, "<li>");
		put_toc_link(c, b, hrefs[i], t.e[i].node, with_authors);
	}
	if (t.n) {
		sb_puts(b, "</li>\n");
		for (unsigned k = t.e[t.n - 1].level; k > 1; k--)
			sb_puts(b, "</ol>\n</li>\n");
	}
	sb_puts(b, "</ol>\n</nav>\n");
	free(t.e);
	free(hrefs);
}

static const folio_node *first_chunk_of(const epub_ctx *c, folio_node_kind k)
{
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_DIVISION && c->chunks[i].node->kind == k)
			return c->chunks[i].node;
	return NULL;
}

static void landmark(epub_ctx *c, strbuf *b, const char *type, const char *href,
		     const char *text)
{
	if (href == NULL)
		return;
	char attrs[64];
	snprintf(attrs, sizeof attrs, " epub:type=\"%s\"", type);
	sb_puts(b, "<li>");
	put_link(b, attrs, href, text);
	sb_puts(b, "</li>\n");
}

static void write_landmarks(epub_ctx *c, strbuf *b)
{
	sb_puts(b, "<nav epub:type=\"landmarks\" hidden=\"hidden\">\n<ol>\n");
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_TITLEPAGE)
			landmark(c, b, "titlepage", c->chunks[i].file,
				 epub_nav_title(c, c->doc->root));
	landmark(c, b, "toc", "#toc", c->lang->contents);
	for (unsigned i = 0; i < c->nchunks; i++)
		if (strcmp(c->chunks[i].matter, "bodymatter") == 0) {
			const epub_chunk *ch = &c->chunks[i];
			landmark(c, b, "bodymatter", ch->file,
				 ch->kind == EPUB_CHUNK_DIVISION ? epub_nav_title(c, ch->node)
								 : epub_nav_title(c, c->doc->root));
			break;
		}
	struct {
		const char *type;
		const folio_node *node;
	} lists[] = {
		{ "glossary", c->doc->glossary ? c->doc->glossary
						: first_chunk_of(c, FOLIO_NODE_GLOSSARY) },
		{ "bibliography", c->doc->bibliography ? c->doc->bibliography
							: first_chunk_of(c, FOLIO_NODE_BIBLIOGRAPHY) },
		{ "index", c->doc->index ? c->doc->index : first_chunk_of(c, FOLIO_NODE_INDEX) },
	};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		const folio_node *n = lists[i].node;
		if (n && !(n->flags & FOLIO_FLAG_HIDDEN))
			landmark(c, b, lists[i].type, node_href(c, n), epub_nav_title(c, n));
	}
	sb_puts(b, "</ol>\n</nav>\n");
}

static void write_page_list(epub_ctx *c, strbuf *b)
{
	if (c->npages == 0)
		return;
	sb_puts(b, "<nav epub:type=\"page-list\" role=\"doc-pagelist\" hidden=\"hidden\">\n<ol>\n");
	for (unsigned k = 0; k < c->npages; k++) {
		const epub_page *p = &c->pages[c->page_order[k]];
		if (p->chunk < 0)
			continue;
		sb_puts(b, "<li>");
		put_link(b, NULL, epub_join(c, c->chunks[p->chunk].file, "#", p->id),
			 p->label);
		sb_puts(b, "</li>\n");
	}
	sb_puts(b, "</ol>\n</nav>\n");
}

void epub_write_nav(epub_ctx *c, strbuf *b)
{
	const folio_lang *l = c->lang;
	const char *lang = epub_book_lang(c);
	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
		   "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
		   "xmlns:epub=\"http://www.idpf.org/2007/ops\"");
	sb_printf(b, " xml:lang=\"%s\" lang=\"%s\">\n<head>\n<title>", lang, lang);
	epub_put_text(b, l->contents, strlen(l->contents), 1);
	sb_puts(b, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"css/epub.css\"/>\n");
	if (c->opts->epub.embed_fonts)
		sb_puts(b, "<link rel=\"stylesheet\" type=\"text/css\" href=\"css/fonts.css\"/>\n");
	sb_puts(b, "</head>\n<body epub:type=\"frontmatter\">\n");
	write_toc_nav(c, b);
	write_landmarks(c, b);
	write_page_list(c, b);
	sb_puts(b, "</body>\n</html>\n");
}

void epub_write_ncx(epub_ctx *c, strbuf *b)
{
	toc t = { 0 };
	const char **hrefs;
	placed_entries(c, &t, &hrefs);
	unsigned depth = 1;
	for (unsigned i = 0; i < t.n; i++)
		if (t.e[i].level > depth)
			depth = t.e[i].level;
	const char *lang = epub_book_lang(c);
	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\"");
	sb_printf(b, " xml:lang=\"%s\">\n<head>\n<meta name=\"dtb:uid\" content=\"", lang);
	sb_put_xml(b, c->identifier, strlen(c->identifier));
	sb_printf(b, "\"/>\n<meta name=\"dtb:depth\" content=\"%u\"/>\n"
		     "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
		     "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n", depth);
	const char *title = epub_nav_title(c, c->doc->root);
	sb_puts(b, "<docTitle><text>");
	epub_put_text(b, title, strlen(title), 1);
	sb_puts(b, "</text></docTitle>\n<navMap>\n");
	/* An NCX needs one navPoint at least: the nav document. */
	if (t.n == 0) {
		sb_puts(b, "<navPoint id=\"np1\" playOrder=\"1\"><navLabel><text>");
		epub_put_text(b, c->lang->contents, strlen(c->lang->contents), 1);
		sb_puts(b, "</text></navLabel><content src=\"nav.xhtml\"/></navPoint>\n");
	}
	for (unsigned i = 0; i < t.n; i++) {
		unsigned level = t.e[i].level;
		if (i > 0 && level <= t.e[i - 1].level)
			for (unsigned k = t.e[i - 1].level; k >= level; k--)
				sb_puts(b, "</navPoint>\n");
		const char *text = epub_nav_title(c, t.e[i].node);
		sb_printf(b, "<navPoint id=\"np%u\" playOrder=\"%u\"><navLabel><text>", i + 1, i + 1);
		epub_put_text(b, text, strlen(text), 1);
		sb_puts(b, "</text></navLabel><content src=\"");
		sb_put_xml(b, hrefs[i], strlen(hrefs[i]));
		sb_puts(b, "\"/>\n");
	}
	if (t.n)
		for (unsigned k = t.e[t.n - 1].level; k >= 1; k--)
			sb_puts(b, "</navPoint>\n");
	sb_puts(b, "</navMap>\n</ncx>\n");
	free(t.e);
	free(hrefs);
}
