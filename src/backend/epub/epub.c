/*
 * epub: the EPUB 3 back end's entry point.  It cuts the resolved tree
 * into content documents, marks what links point at, renders every
 * document twice (a map pass that learns where each anchor lands, then
 * the writing pass), and packages the result with the package document,
 * navigation, styles and images.  See epub.h for the order of steps.
 */
#include "backend/epub/epub.h"
#include "util/arena.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The epub_ctx's own strings live in the document's arena: they are
 * few, and die with the tree they describe. */
const char *epub_strdup(epub_ctx *c, const char *s)
{
	return arena_strdup(c->doc->arena, s ? s : "");
}

const char *epub_printf(epub_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *s = arena_vprintf(c->doc->arena, fmt, ap);
	va_end(ap);
	return s;
}

const char *epub_join(epub_ctx *c, const char *a, const char *b, const char *d)
{
	size_t la = a ? strlen(a) : 0, lb = b ? strlen(b) : 0, ld = d ? strlen(d) : 0;
	char *s = arena_alloc(c->doc->arena, la + lb + ld + 1);
	memcpy(s, a ? a : "", la);
	memcpy(s + la, b ? b : "", lb);
	memcpy(s + la + lb, d ? d : "", ld);
	return s;
}

const char *epub_lang_tag(epub_ctx *c, const char *lang)
{
	if (lang == NULL)
		return NULL;
	int valid = 1;
	for (const char *p = lang; *p && valid; p++)
		valid = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			(*p >= '0' && *p <= '9') || (*p == '-' && p != lang && p[1] && p[1] != '-');
	if (valid)
		return lang;
	/* "en_US" and the like: underscores become hyphens, anything else
	 * that cannot be in a tag goes. */
	strbuf b = STRBUF_INIT;
	for (const char *p = lang; *p; p++) {
		char ch = *p == '_' ? '-' : *p;
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			 (ch >= '0' && ch <= '9') || ch == '-';
		if (!ok || (ch == '-' && (b.len == 0 || b.s[b.len - 1] == '-')))
			continue;
		sb_putc(&b, ch);
	}
	while (b.len && b.s[b.len - 1] == '-')
		b.s[--b.len] = '\0';
	const char *s = epub_strdup(c, b.len ? sb_str(&b) : "und");
	sb_free(&b);
	return s;
}

const char *epub_book_lang(epub_ctx *c)
{
	const char *l = epub_lang_tag(c, c->doc->lang);
	return l && *l ? l : "und";
}

const char *epub_nav_title(epub_ctx *c, const folio_node *n)
{
	const folio_node *title = folio_node_title(n);
	if (title && !(title->flags & FOLIO_FLAG_HIDDEN)) {
		const char *s = folio_collapse_space(c->doc, folio_node_text(c->doc, title));
		if (s && !*s)
			s = NULL;
		if (s)
			return s;
	}
	const char *word = epub_default_title(c, n);
	if (word)
		return word;
	if (n->label && *n->label)
		return epub_printf(c, "%s %s", folio_kind_name(n->kind), n->label);
	return folio_kind_name(n->kind)[0] ? folio_kind_name(n->kind) : "\u2014";
}

/* ---- planning the content documents ---- */

static epub_chunk *add_chunk(epub_ctx *c, epub_chunk_kind kind,
			     const folio_node *node)
{
	c->chunks = vec_reserve(c->chunks, &c->chunks_cap, (size_t)c->nchunks + 1,
				sizeof(*c->chunks));
	epub_chunk *ch = &c->chunks[c->nchunks++];
	memset(ch, 0, sizeof(*ch));
	ch->kind = kind;
	ch->node = node;
	ch->last = node;
	return ch;
}

static int plan_skips(const folio_node *n)
{
	if (n->kind == FOLIO_NODE_TEXT) {
		for (size_t i = 0; i < n->len; i++)
			if (!strchr(" \t\r\n", n->text[i]))
				return 0;
		return 1;
	}
	if (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_FOREIGN))
		return 1;
	return folio_kind_class(n->kind) == FOLIO_CLASS_META;
}

static int is_chunk_division(const folio_node *n)
{
	return folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION &&
	       n->kind != FOLIO_NODE_PARTINTRO;
}

/* The source's cover: a cover in the book's info, or a mediaobject
 * there with role="cover" (DocBook 4's way). */
static const folio_node *cover_imagedata(const folio_node *book)
{
	const folio_node *info = folio_node_child(book, FOLIO_NODE_INFO);
	const folio_node *cover = info ? folio_node_child(info, FOLIO_NODE_COVER) : NULL;
	for (const folio_node *m = info ? info->first : NULL; m && cover == NULL; m = m->next) {
		const char *role = m->role;
		if (m->kind == FOLIO_NODE_MEDIAOBJECT && role && strcmp(role, "cover") == 0)
			cover = m;
	}
	if (cover == NULL)
		return NULL;
	/* The first imagedata anywhere under the cover element. */
	for (const folio_node *n = cover; n; n = folio_next(cover, n, 0))
		if (n->kind == FOLIO_NODE_IMAGEDATA && folio_node_attr(n, "fileref"))
			return n;
	return NULL;
}

/* The source's cover wins; a book without one gets a made one
 * (cover.c). */
static void plan_cover(epub_ctx *c, const folio_node *book)
{
	const folio_node *data = cover_imagedata(book);
	const char *href = data ? epub_image(c, data) : epub_make_cover(c);
	if (href == NULL)
		return;
	for (unsigned i = 0; i < c->nres; i++)
		if (strcmp(c->res[i].href, href) == 0)
			c->res[i].properties = "cover-image";
	c->has_cover = 1;
	c->cover_href = href;
	add_chunk(c, EPUB_CHUNK_COVER, book);
}

/* A book's children: divisions become documents (a part's divisions
 * too); runs of other blocks become documents of their own. */
static void plan_book(epub_ctx *c, const folio_node *book)
{
	plan_cover(c, book);
	/* a book made around a chapter: the chapter prints the title */
	if (!(book->flags & FOLIO_FLAG_WRAPPER))
		add_chunk(c, EPUB_CHUNK_TITLEPAGE, book);
	c->nav_spine_pos = (int)c->nchunks;
	const folio_node *n = book->first;
	while (n) {
		if (plan_skips(n)) {
			n = folio_next(book, n, 1);
			continue;
		}
		int at_top = n->parent == book;
		if (is_chunk_division(n) &&
		    (at_top || n->parent->kind == FOLIO_NODE_PART)) {
			add_chunk(c, EPUB_CHUNK_DIVISION, n);
			n = folio_next(book, n, n->kind != FOLIO_NODE_PART);
			continue;
		}
		if (!at_top) {
			/* A part's own blocks are in the part's document. */
			n = folio_next(book, n, 1);
			continue;
		}
		epub_chunk *run = add_chunk(c, EPUB_CHUNK_LOOSE, n);
		const folio_node *m = n->next;
		while (m && !(is_chunk_division(m) && !plan_skips(m))) {
			if (!plan_skips(m))
				run->last = m;
			m = m->next;
		}
		n = m;
	}
}

static const char *matter_of(const epub_ctx *c, const epub_chunk *ch, int seen_body)
{
	if (ch->kind == EPUB_CHUNK_COVER)
		return "cover";
	if (ch->kind == EPUB_CHUNK_TITLEPAGE)
		return "frontmatter";
	const folio_node *n = ch->node;
	if (n->flags & FOLIO_FLAG_FRONTMATTER)
		return "frontmatter";
	if (n->flags & FOLIO_FLAG_BACKMATTER)
		return "backmatter";
	switch (n->kind) {
	case FOLIO_NODE_PREFACE: case FOLIO_NODE_DEDICATION:
	case FOLIO_NODE_ACKNOWLEDGEMENTS:
		return seen_body ? "backmatter" : "frontmatter";
	case FOLIO_NODE_COLOPHON:
		return seen_body ? "backmatter" : "frontmatter";
	case FOLIO_NODE_GLOSSARY: case FOLIO_NODE_BIBLIOGRAPHY:
	case FOLIO_NODE_INDEX: case FOLIO_NODE_APPENDIX:
		return "backmatter";
	default:
		return "bodymatter";
	}
}

static const char *chunk_stem(const epub_chunk *ch)
{
	switch (ch->kind) {
	case EPUB_CHUNK_COVER: return "cover";
	case EPUB_CHUNK_TITLEPAGE: return "titlepage";
	case EPUB_CHUNK_LOOSE: return "text";
	default: return folio_kind_name(ch->node->kind);
	}
}

static void name_chunks(epub_ctx *c)
{
	int width = 2;
	for (unsigned n = c->nchunks; n >= 100; n /= 10)
		width++;
	int seen_body = 0;
	for (unsigned i = 0; i < c->nchunks; i++) {
		epub_chunk *ch = &c->chunks[i];
		const char *stem = epub_safe_name(c, chunk_stem(ch));
		ch->file = epub_printf(c, "%0*u-%s.xhtml", width, i + 1, stem);
		ch->item_id = epub_printf(c, "x%0*u-%s", width, i + 1, stem);
		ch->matter = matter_of(c, ch, seen_body);
		if (strcmp(ch->matter, "bodymatter") == 0)
			seen_body = 1;
		const char *lang = epub_lang_tag(c, ch->node->lang ? ch->node->lang : c->doc->lang);
		ch->lang = lang && *lang ? lang : "und";
	}
}

static void plan(epub_ctx *c)
{
	const folio_node *root = c->doc->root;
	if (root->kind == FOLIO_NODE_BOOK) {
		plan_book(c, root);
	} else {
		c->nav_spine_pos = 0;
		add_chunk(c, folio_kind_class(root->kind) == FOLIO_CLASS_DIVISION
				     ? EPUB_CHUNK_DIVISION : EPUB_CHUNK_LOOSE, root);
	}
	/* Generated lists that resolve made outside the tree (no place was
	 * named for them) go at the end. */
	const folio_node *generated[] = { c->doc->glossary, c->doc->bibliography,
					  c->doc->index };
	for (size_t i = 0; i < 3; i++) {
		const folio_node *g = generated[i];
		if (g && g->parent == NULL && g != root && !(g->flags & FOLIO_FLAG_HIDDEN))
			add_chunk(c, EPUB_CHUNK_DIVISION, g);
	}
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_DIVISION)
			nodemap_get(c->map, c->chunks[i].node)->flags |= EPUB_NI_CHUNK_TOP;
	name_chunks(c);
}

/* ---- marking link targets and block content ---- */

static void mark_target(epub_ctx *c, const folio_node *n)
{
	if (n)
		nodemap_get(c->map, n)->flags |= EPUB_NI_TARGET;
}

static int counts_as_block(const folio_node *n)
{
	folio_class k = folio_kind_class(n->kind);
	return k == FOLIO_CLASS_BLOCK || k == FOLIO_CLASS_DIVISION;
}

static void mark_tree(epub_ctx *c, const folio_node *top)
{
	folio_iter it;
	folio_iter_init(&it, top);
	for (folio_event ev; (ev = folio_iter_next(&it)) != FOLIO_DONE;) {
		folio_node *n = it.node;
		if (ev == FOLIO_ENTER) {
			if (n->target)
				mark_target(c, n->target);
			if (n->kind == FOLIO_NODE_FOOTNOTE)
				mark_target(c, n);
			for (unsigned i = 0; i < n->nrefs; i++)
				mark_target(c, n->refs[i]);
			if ((n->flags & FOLIO_FLAG_GENERATED) && n->origin &&
			    n->kind != FOLIO_NODE_TEXT) {
				epub_nodeinfo *oi = nodemap_get(c->map, n->origin);
				epub_copy *cp = arena_alloc(c->doc->arena, sizeof(*cp));
				cp->node = n;
				cp->next = oi->copies;
				oi->copies = cp;
			}
			continue;
		}
		/* EXIT: does the parent hold blocks?  A footnote's blocks
		 * are written elsewhere, and hidden nodes not at all. */
		if (n->parent == NULL || n == top || (n->flags & FOLIO_FLAG_HIDDEN) ||
		    n->kind == FOLIO_NODE_FOOTNOTE)
			continue;
		epub_nodeinfo *ni = nodemap_find(c->map, n);
		if (counts_as_block(n) || (ni && (ni->flags & EPUB_NI_BLOCKS)))
			nodemap_get(c->map, n->parent)->flags |= EPUB_NI_BLOCKS;
	}
}

/* Copies of a target are targets too: a link to a database entry lands
 * on its generated copy. */
static void mark_copies(epub_ctx *c, const folio_node *top)
{
	for (const folio_node *n = top; n; n = folio_next(top, n, 0)) {
		if (!(n->flags & FOLIO_FLAG_GENERATED) || n->origin == NULL)
			continue;
		const epub_nodeinfo *oi = nodemap_find(c->map, n->origin);
		if (oi && (oi->flags & EPUB_NI_TARGET))
			mark_target(c, n);
	}
}

static void mark(epub_ctx *c)
{
	mark_tree(c, c->doc->root);
	for (unsigned i = 0; i < c->nchunks; i++) {
		const folio_node *n = c->chunks[i].node;
		if (n != c->doc->root && n->parent == NULL)
			mark_tree(c, n);
	}
	mark_copies(c, c->doc->root);
	for (unsigned i = 0; i < c->nchunks; i++) {
		const folio_node *n = c->chunks[i].node;
		if (n != c->doc->root && n->parent == NULL)
			mark_copies(c, n);
	}
	mark_target(c, c->doc->glossary);
	mark_target(c, c->doc->bibliography);
	mark_target(c, c->doc->index);
	epub_nav_mark(c);
}

/* ---- packaging ---- */

static const char container_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
	"  <rootfiles>\n"
	"    <rootfile full-path=\"OEBPS/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
	"  </rootfiles>\n"
	"</container>\n";

static int by_name(const void *a, const void *b)
{
	const epub_zip_entry *x = a, *y = b;
	return strcmp(x->name, y->name);
}

int epub_package(epub_ctx *c)
{
	strbuf opf = STRBUF_INIT, nav = STRBUF_INIT, ncx = STRBUF_INIT;
	epub_write_opf(c, &opf);
	epub_write_nav(c, &nav);
	epub_write_ncx(c, &ncx);
	unsigned n = 0, cap = c->nchunks + c->nres + 8;
	epub_zip_entry *e = xcalloc(cap, sizeof(*e));
	e[n++] = (epub_zip_entry){ "mimetype", "application/epub+zip", 20, 1 };
	e[n++] = (epub_zip_entry){ "META-INF/container.xml", container_xml,
				   sizeof container_xml - 1, 0 };
	e[n++] = (epub_zip_entry){ "OEBPS/package.opf", opf.s, opf.len, 0 };
	unsigned sorted_from = n;
	e[n++] = (epub_zip_entry){ "OEBPS/nav.xhtml", nav.s, nav.len, 0 };
	e[n++] = (epub_zip_entry){ "OEBPS/toc.ncx", ncx.s, ncx.len, 0 };
	for (unsigned i = 0; i < c->nchunks; i++)
		e[n++] = (epub_zip_entry){ epub_printf(c, "OEBPS/%s", c->chunks[i].file),
					   c->chunks[i].xhtml.s, c->chunks[i].xhtml.len, 0 };
	for (unsigned i = 0; i < c->nres; i++) {
		/* PNG and JPEG are compressed already: deflate would gain
		 * nothing and cost the most of the package's time. */
		const char *type = c->res[i].media_type;
		int packed = strcmp(type, "image/png") == 0 || strcmp(type, "image/jpeg") == 0;
		e[n++] = (epub_zip_entry){ epub_printf(c, "OEBPS/%s", c->res[i].href),
					   c->res[i].data, c->res[i].len, packed };
	}
	qsort(e + sorted_from, n - sorted_from, sizeof(*e), by_name);
	epub_assert_wellformed(e, n);
	int rc = epub_zip_write(c->opts->out_path, c->opts->final_path, e, n, c->epoch, c->diag);
	free(e);
	sb_free(&opf);
	sb_free(&nav);
	sb_free(&ncx);
	return rc;
}

void epub_ctx_free(epub_ctx *c)
{
	for (unsigned i = 0; i < c->nchunks; i++)
		sb_free(&c->chunks[i].xhtml);
	free(c->chunks);
	for (unsigned i = 0; i < c->nres; i++)
		free(c->res[i].data);
	free(c->res);
	free(c->pages);
	free(c->page_order);
	nodemap_free(c->map);
	epub_media_free(c);
}

int epub_build(epub_ctx *c, folio_doc *doc, const folio_render_opts *opts,
	       folio_diag *diag)
{
	memset(c, 0, sizeof(*c));
	c->doc = doc;
	c->opts = opts;
	c->diag = diag;
	c->lang = folio_lang_get(doc->lang);
	c->map = nodemap_new();
	c->cur_page = -1;
	if (doc->root == NULL) {
		folio_report(diag, FOLIO_ERROR, (folio_loc){ doc->path, 0, 0 },
			     "the document is empty: no EPUB written");
		return -1;
	}
	unsigned errors = folio_diag_count(diag, FOLIO_ERROR) +
			  folio_diag_count(diag, FOLIO_FATAL);
	if (epub_add_styles(c) != 0)
		return -1;
	epub_term_marks(c);
	epub_identity(c);
	plan(c);
	mark(c);
	epub_pages_init(c);
	for (unsigned i = 0; i < c->nchunks; i++)
		epub_render_chunk(c, i);
	epub_pages_settle(c);
	c->writing = 1;
	c->cur_page = -1;
	for (unsigned i = 0; i < c->nchunks; i++)
		epub_render_chunk(c, i);
	if (folio_diag_count(diag, FOLIO_ERROR) + folio_diag_count(diag, FOLIO_FATAL) > errors)
		return -1;
	return 0;
}

static int epub_render(folio_doc *doc, const folio_render_opts *opts,
		       folio_diag *diag)
{
	epub_ctx c;
	int rc = epub_build(&c, doc, opts, diag);
	if (rc == 0)
		rc = epub_package(&c);
	epub_ctx_free(&c);
	return rc;
}

const folio_backend folio_backend_epub = {
	.name = "epub",
	.extension = ".epub",
	.description = "EPUB 3 e-book (libzip)",
	.render = epub_render,
	/* the print edition's page-list: laid out here when not given */
	.takes = FOLIO_PRODUCT_PAGE_MAP,
};
