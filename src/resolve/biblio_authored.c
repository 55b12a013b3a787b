/*
 * biblio_authored: DocBook's own bibliography model (see
 * biblio_authored.h).  A hand-written list keeps its place and its order,
 * as DocBook XSL prints it; only a structured biblioentry, whose fields
 * carry no punctuation, is written out in the citation style.
 */
#include "resolve/biblio_authored.h"
#include "resolve/collate.h"
#include "resolve/gentree.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

int biblio_is_authored(const biblio_entry *e)
{
	if (e->shown)
		return 1; /* written already; its source entry is hidden now */
	if (e->node == NULL)
		return 0;
	for (const folio_node *a = e->node; a; a = a->parent)
		if (a->flags & FOLIO_FLAG_HIDDEN)
			return 0;
	return 1;
}

void biblio_abbrev_label(cite_out *o, const biblio_entry *e)
{
	if (e->abbrev)
		out_printf(o, "[%s] ", e->abbrev);
}

static int is_entry(const folio_node *n)
{
	return (n->kind == FOLIO_NODE_BIBLIOENTRY || n->kind == FOLIO_NODE_BIBLIOMIXED) &&
	       !(n->flags & FOLIO_FLAG_GENERATED);
}

/* The entry's position among the entries of its list, from 1. */
static unsigned position_in_list(const folio_node *n)
{
	unsigned k = 1;
	for (const folio_node *s = n->parent ? n->parent->first : NULL; s && s != n; s = s->next)
		k += is_entry(s);
	return k;
}

/* Text with its runs of white space made one space, as a reader sees
 * it; none at the start of the entry or after a space. */
static void put_squeezed(cite_out *o, const char *s)
{
	if (s == NULL)
		return;
	size_t n = strlen(s);
	char *buf = xmalloc(n + 1);
	size_t k = 0;
	int space = o->last == 0 || o->last == ' ';
	for (size_t i = 0; i < n; i++) {
		if (strchr(" \t\r\n", s[i])) {
			if (!space)
				buf[k++] = ' ';
			space = 1;
		} else {
			buf[k++] = s[i];
			space = 0;
		}
	}
	out_textn(o, buf, k);
	free(buf);
}

static int is_title(folio_node_kind k)
{
	return k == FOLIO_NODE_TITLE || k == FOLIO_NODE_CITETITLE ||
	       k == FOLIO_NODE_TITLEABBREV;
}

/* A bibliomixed's content as written: its text and punctuation kept,
 * titles in italics (an article's in quotation marks, as DocBook XSL
 * sets them), links kept, every other field as its text.  relation is
 * the enclosing bibliomset's. */
static void copy_as_written(folio_doc *doc, cite_out *o, const folio_node *n,
			    const char *relation, int skip_first_abbrev)
{
	int seen_element = 0;
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->flags & FOLIO_FLAG_HIDDEN)
			continue;
		if (c->kind == FOLIO_NODE_TEXT) {
			put_squeezed(o, folio_node_text(doc, c));
			continue;
		}
		int first = !seen_element;
		seen_element = 1;
		if (c->kind == FOLIO_NODE_ABBREV && first && skip_first_abbrev)
			continue; /* it is the entry's label */
		if (c->kind == FOLIO_NODE_BIBLIOMSET || c->kind == FOLIO_NODE_BIBLIOSET) {
			copy_as_written(doc, o, c, folio_node_attr(c, "relation"), 0);
			continue;
		}
		const char *pubwork = folio_node_attr(c, "pubwork");
		if (is_title(c->kind)) {
			int article = (relation && strcmp(relation, "article") == 0) ||
				      (pubwork && strcmp(pubwork, "article") == 0);
			if (article) {
				out_text(o, "\u201c");
				put_squeezed(o, folio_node_text(doc, c));
				out_text(o, "\u201d");
			} else {
				out_emph_begin(o);
				put_squeezed(o, folio_node_text(doc, c));
				out_end(o);
			}
			continue;
		}
		if (c->kind == FOLIO_NODE_EMPHASIS) {
			out_emph_begin(o);
			put_squeezed(o, folio_node_text(doc, c));
			out_end(o);
			continue;
		}
		const char *href = folio_node_attr(c, "xlink:href");
		if (c->kind == FOLIO_NODE_URI || (c->kind == FOLIO_NODE_LINK && href)) {
			char *sq = collate_squeeze(folio_node_text(doc, c));
			out_link_begin(o, href ? href : sq, NULL);
			out_text(o, sq[0] ? sq : href);
			out_end(o);
			free(sq);
			continue;
		}
		put_squeezed(o, folio_node_text(doc, c));
	}
}

/* A generated bibliomixed in place of the entry, which is hidden; its id
 * moves there so links land on the printed words. */
static folio_node *replace_entry(folio_doc *doc, biblio_entry *e)
{
	folio_node *old = e->node;
	folio_node *shown = gen_node(doc, NULL, FOLIO_NODE_BIBLIOMIXED, old);
	shown->lang = old->lang ? old->lang : old->parent ? old->parent->lang : doc->lang;
	shown->role = old->role;
	folio_node_insert_before(old, shown);
	old->flags |= FOLIO_FLAG_HIDDEN;
	if (old->id) {
		shown->id = old->id;
		hash_put(doc->ids, shown->id, shown);
	}
	e->shown = shown;
	old->target = shown;
	return shown;
}

/* 1 when the entry opens with its abbrev, DocBook's label. */
static int opens_with_abbrev(const folio_node *n)
{
	for (const folio_node *c = n->first; c; c = c->next)
		if (c->kind != FOLIO_NODE_TEXT)
			return c->kind == FOLIO_NODE_ABBREV;
	return 0;
}

/* A biblioentry's fields in the style's words and punctuation; a
 * bibliomixed as written.  Either after its "[abbrev] " label. */
static void write_entry(folio_doc *doc, const cite_style *style,
			const cite_ctx *ctx, biblio_entry *e)
{
	folio_node *src = e->node;
	folio_node *shown = replace_entry(doc, e);
	cite_out o;
	out_init(&o, doc, shown, src);
	if (src->kind == FOLIO_NODE_BIBLIOENTRY) {
		biblio_abbrev_label(&o, e);
		style->reference(ctx, e, e->abbrev ? 0 : e->shown_number, NULL, &o);
	} else {
		/* labelled even when the abbrev stands elsewhere in it, so
		 * that "[abbrev]" in the text finds its entry */
		biblio_abbrev_label(&o, e);
		copy_as_written(doc, &o, src, NULL, opens_with_abbrev(src));
	}
	out_finish(&o);
}

void biblio_format_authored(folio_doc *doc, const cite_style *style,
			    biblio_db *db, cite_accessed accessed,
			    cite_ctx (*ctx_of)(void *arg, const char *lang),
			    void *arg)
{
	for (size_t i = 0; i < db->n; i++) {
		biblio_entry *e = db->v[i];
		if (!biblio_is_authored(e))
			continue;
		e->shown_number = position_in_list(e->node);
		const folio_node *p = e->node->parent;
		const char *lang = e->node->lang ? e->node->lang
				 : p && p->lang ? p->lang : doc->lang;
		cite_ctx ctx = ctx_of(arg, lang);
		ctx.accessed = accessed;
		write_entry(doc, style, &ctx, e);
	}
}

/* "[RNCTUT]" or "[RNCTUT, p. 5]", a link to the entry. */
static void abbrev_citation(const cite_ctx *ctx, const cite_item *it, cite_out *o)
{
	out_link_begin(o, NULL, it->target);
	out_printf(o, "[%s", it->entry->abbrev);
	char *loc = cite_locator_text(ctx, it, 0);
	if (loc)
		out_printf(o, ", %s", loc);
	free(loc);
	out_text(o, "]");
	out_end(o);
}

void biblio_write_citation(const cite_style *style, const cite_ctx *ctx,
			   const cite_item *items, size_t n, cite_form form,
			   cite_out *out)
{
	size_t labelled = 0;
	for (size_t i = 0; i < n; i++)
		labelled += items[i].entry->abbrev != NULL;
	if (labelled == 0) {
		style->citation(ctx, items, n, form, out);
		return;
	}
	if (labelled < n) {
		/* the style's part first, with the works it knows how to cite */
		cite_item *rest = xmalloc((n - labelled) * sizeof(*rest));
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (items[i].entry->abbrev == NULL)
				rest[k++] = items[i];
		style->citation(ctx, rest, k, form, out);
		free(rest);
	}
	size_t written = labelled < n;
	for (size_t i = 0; i < n; i++) {
		if (items[i].entry->abbrev == NULL)
			continue;
		if (written++)
			out_text(out, " ");
		abbrev_citation(ctx, &items[i], out);
	}
}
