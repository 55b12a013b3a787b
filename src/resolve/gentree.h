/*
 * gentree.h: making generated nodes for the glossary, citation and index
 * passes.  Generated nodes carry FOLIO_FLAG_GENERATED, point back at the
 * source node that caused them (origin), take their place from it, and
 * inherit their parent's language, so back ends treat them like read
 * nodes.  Small helpers, kept inline so each pass file stays
 * self-contained.
 */
#ifndef FOLIO_RESOLVE_GENTREE_H
#define FOLIO_RESOLVE_GENTREE_H

#include <string.h>

#include "folio/tree.h"
#include "util/arena.h"

/* A new generated element of kind, appended to parent when parent is not
 * NULL. */
static inline folio_node *gen_node(folio_doc *doc, folio_node *parent,
				   folio_node_kind kind, folio_node *origin)
{
	folio_loc none = { NULL, 0, 0 };
	folio_node *n = folio_node_new(doc, kind, origin ? origin->loc : none);
	n->flags |= FOLIO_FLAG_GENERATED;
	n->origin = origin;
	n->lang = parent && parent->lang ? parent->lang
		: origin && origin->lang ? origin->lang : doc->lang;
	if (parent)
		folio_node_append(parent, n);
	return n;
}

/* A generated text node holding s[0..len), appended to parent. */
static inline folio_node *gen_textn(folio_doc *doc, folio_node *parent,
				    const char *s, size_t len,
				    folio_node *origin)
{
	folio_loc none = { NULL, 0, 0 };
	folio_node *t = folio_text_new(doc, s, len, origin ? origin->loc : none);
	t->flags |= FOLIO_FLAG_GENERATED;
	t->origin = origin;
	t->lang = parent && parent->lang ? parent->lang : doc->lang;
	if (parent)
		folio_node_append(parent, t);
	return t;
}

static inline folio_node *gen_text(folio_doc *doc, folio_node *parent,
				   const char *s, folio_node *origin)
{
	return gen_textn(doc, parent, s, strlen(s), origin);
}

/* A TITLE child holding text. */
static inline folio_node *gen_title(folio_doc *doc, folio_node *parent,
				    const char *text, folio_node *origin)
{
	folio_node *t = gen_node(doc, parent, FOLIO_NODE_TITLE, origin);
	gen_text(doc, t, text, origin);
	return t;
}

/* One node's copy, unlinked: same kind, text, attributes and language;
 * no id (ids must stay unique), flagged generated with origin src. */
static inline folio_node *gen_clone_one(folio_doc *doc, const folio_node *src)
{
	folio_node *n = folio_node_new(doc, src->kind, src->loc);
	n->name = src->name;
	n->flags = (src->flags & ~FOLIO_FLAG_HIDDEN) | FOLIO_FLAG_GENERATED;
	n->origin = (folio_node *)src;
	if (src->kind == FOLIO_NODE_TEXT) {
		n->text = src->text;
		n->len = src->len;
	}
	n->lang = src->lang;
	n->role = src->role;
	n->attrs = src->attrs; /* arena memory, never changed in place */
	n->nattrs = src->nattrs;
	n->label = src->label;
	n->target = src->target;
	return n;
}

/* A deep copy of src's subtree, unlinked; hidden descendants are left
 * out.  Iterative: the copy follows the source walk with a cursor. */
static inline folio_node *gen_copy_subtree(folio_doc *doc, const folio_node *src)
{
	folio_node *root = gen_clone_one(doc, src);
	folio_node *into = root; /* the copy of the source node we are in */
	const folio_node *s = src->first;
	while (s) {
		if (s->flags & FOLIO_FLAG_HIDDEN) {
			/* skip: go to the next sibling or climb */
		} else {
			folio_node *c = gen_clone_one(doc, s);
			folio_node_append(into, c);
			if (s->first) {
				into = c;
				s = s->first;
				continue;
			}
		}
		while (s && s != src && s->next == NULL) {
			s = s->parent;
			if (s != src)
				into = into->parent;
		}
		if (s == NULL || s == src)
			break;
		s = s->next;
	}
	return root;
}

#endif
