/*
 * tree: construction, linking and queries over folio's document tree.
 * Walks are iterative (folio_next, folio_iter) because the depth of the
 * tree is the depth of the sources, which an author or an attacker chooses.
 */
#include "folio/tree.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct kind_info {
	const char *name;
	folio_class cls;
};

static const struct kind_info kinds[FOLIO_NODE_KIND_COUNT] = {
	[FOLIO_NODE_NONE] = { "", FOLIO_CLASS_NONE },
	[FOLIO_NODE_TEXT] = { "#text", FOLIO_CLASS_INLINE },
	[FOLIO_NODE_UNKNOWN] = { "#unknown", FOLIO_CLASS_INLINE },
#define FOLIO_ELEMENT(kind, name, cls) [FOLIO_NODE_##kind] = { name, FOLIO_CLASS_##cls },
#include "folio/elements.def"
#undef FOLIO_ELEMENT
	[FOLIO_NODE_PI] = { "#pi", FOLIO_CLASS_NONE },
	[FOLIO_NODE_GEN_LOCATORS] = { "#locators", FOLIO_CLASS_INLINE },
	[FOLIO_NODE_MATHML] = { "#mathml", FOLIO_CLASS_INLINE },
};

/* A linear scan over ~230 names would be slow per element; the table is
 * searched through a hash built once (pthread_once: documents may be read
 * on several threads) and immutable after, so it is shared by all. */
static folio_hash *by_name;
static pthread_once_t by_name_once = PTHREAD_ONCE_INIT;

static void build_by_name(void)
{
	folio_hash *h = hash_new();
	for (int k = FOLIO_NODE_UNKNOWN + 1; k < FOLIO_NODE_GEN_LOCATORS; k++)
		hash_put(h, kinds[k].name, (void *)(size_t)k);
	by_name = h;
}

folio_node_kind folio_kind_from_name(const char *name)
{
	pthread_once(&by_name_once, build_by_name);
	void *v = hash_get(by_name, name);
	return v ? (folio_node_kind)(size_t)v : FOLIO_NODE_UNKNOWN;
}

const char *folio_kind_name(folio_node_kind kind)
{
	if (kind <= FOLIO_NODE_NONE || kind >= FOLIO_NODE_KIND_COUNT)
		return "";
	return kinds[kind].name;
}

folio_class folio_kind_class(folio_node_kind kind)
{
	if (kind <= FOLIO_NODE_NONE || kind >= FOLIO_NODE_KIND_COUNT)
		return FOLIO_CLASS_NONE;
	return kinds[kind].cls;
}

folio_doc *folio_doc_new(const char *path)
{
	folio_doc *doc = xcalloc(1, sizeof(*doc));
	doc->arena = arena_new();
	doc->ids = hash_new();
	doc->path = arena_strdup(doc->arena, path ? path : "");
	doc->lang = "id";
	return doc;
}

void folio_doc_free(folio_doc *doc)
{
	if (doc == NULL)
		return;
	hash_free(doc->ids);
	arena_free(doc->arena);
	free(doc);
}

const char *folio_doc_strdup(folio_doc *doc, const char *s)
{
	return s ? arena_strdup(doc->arena, s) : NULL;
}

folio_node *folio_node_new(folio_doc *doc, folio_node_kind kind, folio_loc loc)
{
	folio_node *n = arena_alloc(doc->arena, sizeof(*n));
	n->kind = kind;
	n->name = folio_kind_name(kind);
	n->loc = loc;
	n->serial = ++doc->node_count;
	return n;
}

folio_node *folio_text_new(folio_doc *doc, const char *text, size_t len,
			   folio_loc loc)
{
	folio_node *n = folio_node_new(doc, FOLIO_NODE_TEXT, loc);
	n->text = arena_strndup(doc->arena, text, len);
	n->len = len;
	return n;
}

void folio_node_append(folio_node *parent, folio_node *child)
{
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void folio_node_insert_before(folio_node *sibling, folio_node *child)
{
	folio_node *parent = sibling->parent;
	child->parent = parent;
	child->next = sibling;
	child->prev = sibling->prev;
	if (sibling->prev)
		sibling->prev->next = child;
	else if (parent)
		parent->first = child;
	sibling->prev = child;
}

void folio_node_unlink(folio_node *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else if (n->parent)
		n->parent->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else if (n->parent)
		n->parent->last = n->prev;
	n->parent = n->prev = n->next = NULL;
}

void folio_node_set_attr(folio_doc *doc, folio_node *n, const char *name,
			 const char *value)
{
	for (unsigned i = 0; i < n->nattrs; i++) {
		if (strcmp(n->attrs[i].name, name) == 0) {
			n->attrs[i].value = arena_strdup(doc->arena, value);
			return;
		}
	}
	/* Attribute lists are short and set once, so growing by copying
	 * into the arena costs little. */
	folio_attr *a = arena_alloc(doc->arena, (n->nattrs + 1) * sizeof(*a));
	if (n->nattrs)
		memcpy(a, n->attrs, n->nattrs * sizeof(*a));
	a[n->nattrs].name = arena_strdup(doc->arena, name);
	a[n->nattrs].value = arena_strdup(doc->arena, value);
	n->attrs = a;
	n->nattrs++;
}

const char *folio_node_attr(const folio_node *n, const char *name)
{
	for (unsigned i = 0; i < n->nattrs; i++)
		if (strcmp(n->attrs[i].name, name) == 0)
			return n->attrs[i].value;
	return NULL;
}

folio_node *folio_node_child(const folio_node *n, folio_node_kind kind)
{
	for (folio_node *c = n->first; c; c = c->next)
		if (c->kind == kind)
			return c;
	return NULL;
}

folio_node *folio_node_info_child(const folio_node *n, folio_node_kind kind)
{
	folio_node *c = folio_node_child(n, kind);
	if (c)
		return c;
	folio_node *info = folio_node_child(n, FOLIO_NODE_INFO);
	return info ? folio_node_child(info, kind) : NULL;
}

folio_node *folio_node_title(const folio_node *n)
{
	folio_node *t = folio_node_info_child(n, FOLIO_NODE_TITLE);
	if (t || n->kind != FOLIO_NODE_REFENTRY)
		return t;
	/* A reference page is titled by its refmeta's refentrytitle, else
	 * by its first name (as DocBook XSL heads it). */
	folio_node *meta = folio_node_child(n, FOLIO_NODE_REFMETA);
	t = meta ? folio_node_child(meta, FOLIO_NODE_REFENTRYTITLE) : NULL;
	folio_node *names = folio_node_child(n, FOLIO_NODE_REFNAMEDIV);
	return t ? t : names ? folio_node_child(names, FOLIO_NODE_REFNAME) : NULL;
}

folio_node *folio_doc_find_id(const folio_doc *doc, const char *id)
{
	return id ? hash_get(doc->ids, id) : NULL;
}

folio_node *folio_next(const folio_node *top, const folio_node *n,
		       int skip_children)
{
	if (!skip_children && n->first)
		return n->first;
	while (n && n != top) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static int text_skipped(const folio_node *n, const folio_node *top)
{
	if (n == top)
		return 0;
	if (n->flags & FOLIO_FLAG_HIDDEN)
		return 1;
	switch (n->kind) {
	case FOLIO_NODE_INDEXTERM:
	case FOLIO_NODE_REMARK:
	case FOLIO_NODE_FOOTNOTE:
	case FOLIO_NODE_ALT:
		return 1;
	default:
		return 0;
	}
}

const char *folio_node_text(folio_doc *doc, const folio_node *top)
{
	strbuf b = STRBUF_INIT;
	const folio_node *n = top;
	while (n) {
		int skip = text_skipped(n, top);
		if (!skip && n->kind == FOLIO_NODE_TEXT)
			sb_putn(&b, n->text, n->len);
		n = folio_next(top, n, skip);
	}
	const char *s = arena_strdup(doc->arena, sb_str(&b));
	sb_free(&b);
	return s;
}

void folio_iter_init(folio_iter *it, const folio_node *top)
{
	it->top = top;
	it->node = NULL;
	it->event = FOLIO_ENTER;
	it->skipping = 0;
}

static folio_event iter_after(folio_iter *it)
{
	folio_node *n = it->node;
	if (n == it->top)
		return it->event = FOLIO_DONE;
	if (n->next) {
		it->node = n->next;
		return it->event = FOLIO_ENTER;
	}
	it->node = n->parent;
	return it->event = FOLIO_EXIT;
}

folio_event folio_iter_next(folio_iter *it)
{
	if (it->event == FOLIO_DONE)
		return FOLIO_DONE;
	if (it->node == NULL) {
		if (it->top == NULL)
			return it->event = FOLIO_DONE;
		it->node = (folio_node *)it->top;
		return it->event = FOLIO_ENTER;
	}
	folio_node *n = it->node;
	if (it->skipping) {
		it->skipping = 0;
		return it->event = FOLIO_EXIT;
	}
	if (it->event == FOLIO_ENTER) {
		if (n->kind == FOLIO_NODE_TEXT)
			return iter_after(it);
		if (n->first) {
			it->node = n->first;
			return it->event = FOLIO_ENTER;
		}
		return it->event = FOLIO_EXIT;
	}
	return iter_after(it);
}

void folio_iter_skip(folio_iter *it)
{
	if (it->event == FOLIO_ENTER && it->node->kind != FOLIO_NODE_TEXT)
		it->skipping = 1;
}

const char *folio_collapse_space(folio_doc *doc, const char *s)
{
	strbuf o = STRBUF_INIT;
	int pending = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			pending = o.len > 0;
			continue;
		}
		if (pending)
			sb_putc(&o, ' ');
		pending = 0;
		sb_putc(&o, *s);
	}
	const char *r = arena_strdup(doc->arena, sb_str(&o));
	sb_free(&o);
	return r;
}

const char *folio_capitalize(folio_doc *doc, const char *s)
{
	if (s == NULL || s[0] < 'a' || s[0] > 'z')
		return s;
	char *c = arena_strdup(doc->arena, s);
	c[0] = (char)(c[0] - 'a' + 'A');
	return c;
}

static int is_name_part(folio_node_kind k)
{
	switch (k) {
	case FOLIO_NODE_HONORIFIC: case FOLIO_NODE_FIRSTNAME:
	case FOLIO_NODE_GIVENNAME: case FOLIO_NODE_OTHERNAME:
	case FOLIO_NODE_SURNAME: case FOLIO_NODE_LINEAGE:
	case FOLIO_NODE_ORGNAME:
		return 1;
	default:
		return 0;
	}
}

const char *folio_person_name(folio_doc *doc, const folio_node *who)
{
	/* The name sits in personname (or orgname, or org/orgname) inside
	 * author and editor, or is the node itself. */
	const folio_node *src = folio_node_child(who, FOLIO_NODE_PERSONNAME);
	if (src == NULL)
		src = folio_node_child(who, FOLIO_NODE_ORGNAME);
	if (src == NULL && folio_node_child(who, FOLIO_NODE_ORG))
		src = folio_node_child(folio_node_child(who, FOLIO_NODE_ORG),
				       FOLIO_NODE_ORGNAME);
	if (src == NULL)
		src = who;
	strbuf b = STRBUF_INIT;
	int parts = 0;
	for (const folio_node *k = src->first; k; k = k->next) {
		if (!is_name_part(k->kind))
			continue;
		sb_putc(&b, ' ');
		sb_puts(&b, folio_node_text(doc, k));
		parts++;
	}
	const char *name = folio_collapse_space(doc, parts ? sb_str(&b)
						     : folio_node_text(doc, src));
	sb_free(&b);
	return name;
}
