/*
 * pages: the print edition's page breaks inside the EPUB.
 *
 * The caller hands over where each printed page begins (a text node and a
 * byte offset, from the PDF layout).  The text writer splits that node
 * there and writes a pagebreak marker; nav.xhtml lists the markers in its
 * page-list.  A page whose starting node never reaches the EPUB (a page of
 * the printed table of contents, say) still needs a marker, or the
 * page-list would point nowhere: such pages are written just before the
 * next page that has a place, or at the very end.
 */
#include "backend/epub/epub.h"
#include "layout/layout.h"
#include "util/hash.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the layout pass said, kept quiet: its problems are the PDF's to
 * report (a build with --pdf reports them there), and without the pages
 * the EPUB only loses its page-list. */
typedef struct layout_talk {
	unsigned bad;
	char first[300];
} layout_talk;

static void hear_layout(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	layout_talk *t = ctx;
	if (sev < FOLIO_ERROR || t->bad++)
		return;
	char where[200];
	folio_loc_format(loc, where, sizeof where);
	snprintf(t->first, sizeof t->first, "%s%s", where, msg);
}

/* The page map handed over by the caller, or one from a layout pass of
 * our own. */
static const folio_page_map *page_map(epub_ctx *c, folio_page_map *own)
{
	if (c->opts->page_map)
		return c->opts->page_map;
	folio_render_opts lo = *c->opts;
	/* A CSS file given as the style is ours, not a page style. */
	if (lo.style_path) {
		size_t n = strlen(lo.style_path);
		if (n >= 4 && strcmp(lo.style_path + n - 4, ".css") == 0)
			lo.style_path = NULL;
	}
	layout_talk talk = { 0, "" };
	folio_diag *quiet = folio_diag_new(hear_layout, &talk);
	int rc = folio_layout_page_map(c->doc, &lo, quiet, own);
	folio_diag_free(quiet);
	if (rc != 0) {
		folio_report(c->diag, FOLIO_WARNING, (folio_loc){ c->opts->final_path, 0, 0 },
			     "the print edition's page numbers are left out of the EPUB: "
			     "laying out the pages failed (%s)", talk.first);
		return NULL;
	}
	return own;
}

static const char *page_id(epub_ctx *c, folio_hash *seen, const char *label,
			   unsigned index)
{
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "page-");
	size_t start = b.len;
	for (const char *p = label; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			 (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_';
		sb_putc(&b, ok ? (char)ch : '_');
	}
	if (b.len == start)
		sb_printf(&b, "%u", index + 1);
	const char *id = epub_strdup(c, sb_str(&b));
	/* Two pages with one label (unnumbered blanks, repeated labels in
	 * a style): the second gets a suffix. */
	for (unsigned n = 2; hash_get(seen, id) || folio_doc_find_id(c->doc, id); n++)
		id = epub_printf(c, "%s-%u", sb_str(&b), n);
	hash_put(seen, id, (void *)id);
	sb_free(&b);
	return id;
}

void epub_pages_init(epub_ctx *c)
{
	folio_page_map own = { NULL, 0 };
	const folio_page_map *pm = page_map(c, &own);
	if (pm == NULL || pm->count == 0)
		return;
	c->npages = pm->count;
	c->pages = xcalloc(pm->count, sizeof(*c->pages));
	folio_hash *seen = hash_new();
	const folio_node *prev_node = NULL;
	size_t prev_off = 0;
	for (unsigned i = 0; i < pm->count; i++) {
		const folio_page_start *ps = &pm->pages[i];
		epub_page *p = &c->pages[i];
		p->label = ps->label && *ps->label ? ps->label
				: epub_printf(c, "%u", i + 1);
		p->id = page_id(c, seen, p->label, i);
		p->chunk = -1;
		p->before = -1;
		p->node = NULL;
		if (ps->node == NULL || ps->node->kind != FOLIO_NODE_TEXT ||
		    ps->offset > ps->node->len)
			continue;
		/* The writer finds a node's pages as one run in page order;
		 * a start that breaks the run is treated as having no
		 * place rather than being written out of order. */
		epub_nodeinfo *ni = nodemap_get(c->map, ps->node);
		if (ni->pb_count == 0) {
			ni->pb_first = i;
			ni->pb_count = 1;
		} else if (prev_node == ps->node && ni->pb_first + ni->pb_count == i &&
			   ps->offset >= prev_off) {
			ni->pb_count++;
		} else {
			continue;
		}
		p->node = ps->node;
		p->offset = ps->offset;
		prev_node = ps->node;
		prev_off = ps->offset;
	}
	hash_free(seen);
}

static int by_seq(const void *a, const void *b)
{
	const epub_page *const *pa = a, *const *pb = b;
	return (*pa)->seq < (*pb)->seq ? -1 : (*pa)->seq > (*pb)->seq;
}

void epub_pages_settle(epub_ctx *c)
{
	if (c->npages == 0)
		return;
	/* An unplaced page goes before the next placed page in print
	 * order; after the last one, at the end of the last document.  The
	 * unplaced pages before a placed page j are thus the run just below
	 * j, which is how the text writer finds them. */
	int next = -1;
	for (unsigned k = c->npages; k-- > 0;) {
		epub_page *p = &c->pages[k];
		if (p->chunk >= 0 && p->emitted) {
			next = (int)k;
			continue;
		}
		p->before = next;
		p->chunk = next >= 0 ? c->pages[next].chunk : (int)c->nchunks - 1;
	}
	/* The page-list follows the order the markers appear in the book:
	 * placed pages by emission, each preceded by its orphans. */
	epub_page **placed = xcalloc(c->npages, sizeof(*placed));
	unsigned nplaced = 0;
	for (unsigned i = 0; i < c->npages; i++)
		if (c->pages[i].before == -1 && c->pages[i].emitted)
			placed[nplaced++] = &c->pages[i];
	qsort(placed, nplaced, sizeof(*placed), by_seq);
	c->page_order = xcalloc(c->npages, sizeof(*c->page_order));
	unsigned n = 0;
	for (unsigned k = 0; k < nplaced; k++) {
		unsigned j = (unsigned)(placed[k] - c->pages);
		unsigned start = j;
		while (start > 0 && !c->pages[start - 1].emitted)
			start--;
		for (unsigned i = start; i <= j; i++)
			c->page_order[n++] = i;
	}
	for (unsigned i = 0; i < c->npages; i++)
		if (!c->pages[i].emitted && c->pages[i].before == -1)
			c->page_order[n++] = i;
	free(placed);
	for (unsigned i = 0; i < c->npages; i++)
		c->pages[i].emitted = 0;
}
