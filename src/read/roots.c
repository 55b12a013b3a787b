/*
 * roots: any DocBook division as the document's root element.
 *
 * The resolve passes, the layout and the back ends know two kinds of
 * document, a book and an article.  Rather than teach each of them every
 * other root, the reader settles the root once, after the parse, by
 * rewriting the top of the tree (doc/design.md, "Roots"):
 *   - book, article: as they are;
 *   - set: becomes the book of the whole, its books its parts, each with
 *     its own title page (a set inside it a part holding its books);
 *   - a component (chapter, appendix, preface, part, reference,
 *     glossary, bibliography, index, colophon, dedication,
 *     acknowledgements): wrapped in a book made here, titled as it is;
 *   - a section (section, sect1-5, simplesect, topic): becomes the article
 *     (its title the article's);
 *   - refentry: wrapped in an article made here, titled as it is.
 * A made node takes the root's place (loc) and language, so diagnostics
 * about it point at the root element.
 */
#include "read/read.h"
#include "util/arena.h"

#include <string.h>

enum root_plan { ROOT_KEEP, ROOT_SET, ROOT_IN_BOOK, ROOT_AS_ARTICLE, ROOT_IN_ARTICLE };

static const struct {
	const char *name;
	enum root_plan plan;
} root_plans[] = {
	{ "book", ROOT_KEEP }, { "article", ROOT_KEEP },
	{ "set", ROOT_SET },
	{ "part", ROOT_IN_BOOK }, { "chapter", ROOT_IN_BOOK },
	{ "appendix", ROOT_IN_BOOK }, { "preface", ROOT_IN_BOOK },
	{ "reference", ROOT_IN_BOOK }, { "glossary", ROOT_IN_BOOK },
	{ "bibliography", ROOT_IN_BOOK }, { "index", ROOT_IN_BOOK },
	{ "colophon", ROOT_IN_BOOK }, { "dedication", ROOT_IN_BOOK },
	{ "acknowledgements", ROOT_IN_BOOK },
	{ "section", ROOT_AS_ARTICLE }, { "sect1", ROOT_AS_ARTICLE },
	{ "sect2", ROOT_AS_ARTICLE }, { "sect3", ROOT_AS_ARTICLE },
	{ "sect4", ROOT_AS_ARTICLE }, { "sect5", ROOT_AS_ARTICLE },
	{ "simplesect", ROOT_AS_ARTICLE }, { "topic", ROOT_AS_ARTICLE },
	{ "refentry", ROOT_IN_ARTICLE },
};

static int plan_of(const char *name)
{
	for (size_t i = 0; i < sizeof root_plans / sizeof root_plans[0]; i++)
		if (strcmp(root_plans[i].name, name) == 0)
			return (int)root_plans[i].plan;
	return -1;
}

int read_root_name_ok(const char *name)
{
	return plan_of(name) >= 0;
}

const char *read_root_names(void)
{
	return "book, article, set, chapter, section, refentry...";
}

/* What a copied title leaves out: things that exist once (an index
 * entry, a footnote, an anchor's id). */
static int copied(const folio_node *n)
{
	return n->kind != FOLIO_NODE_INDEXTERM && n->kind != FOLIO_NODE_FOOTNOTE &&
	       n->kind != FOLIO_NODE_ANCHOR && n->kind != FOLIO_NODE_REMARK;
}

/* A copy of a title's subtree without ids, walked without recursion. */
static folio_node *copy_title(folio_doc *doc, const folio_node *title)
{
	folio_node *top = folio_node_new(doc, FOLIO_NODE_TITLE, title->loc);
	folio_node *into = top;
	const folio_node *n = title->first;
	while (n) {
		folio_node *c;
		if (!copied(n)) {
			c = NULL;
		} else if (n->kind == FOLIO_NODE_TEXT) {
			c = folio_text_new(doc, n->text, n->len, n->loc);
		} else {
			c = folio_node_new(doc, n->kind, n->loc);
			c->name = n->name;
			c->role = n->role;
			c->lang = n->lang;
			c->attrs = n->attrs;
			c->nattrs = n->nattrs;
		}
		if (c)
			folio_node_append(into, c);
		if (c && n->first) {
			into = c;
			n = n->first;
			continue;
		}
		while (n && n != title && n->next == NULL) {
			n = n->parent;
			if (n != title)
				into = into->parent;
		}
		n = (n && n != title) ? n->next : NULL;
	}
	return top;
}

static folio_node *wrap(folio_doc *doc, folio_node *root, folio_node_kind kind)
{
	folio_node *made = folio_node_new(doc, kind, root->loc);
	made->lang = root->lang;
	const folio_node *t = folio_node_title(root);
	if (t) {
		folio_node *info = folio_node_new(doc, FOLIO_NODE_INFO, root->loc);
		folio_node_append(info, copy_title(doc, t));
		folio_node_append(made, info);
	}
	folio_node_append(made, root);
	return made;
}

/* A set's books become the parts of one book; a set inside it becomes a
 * part too (its title kept), holding its books as parts in turn. */
static void set_to_book(folio_node *set)
{
	set->name = "set";
	set->kind = FOLIO_NODE_BOOK;
	folio_node *n = set->first;
	while (n) {
		int inner = n->kind == FOLIO_NODE_SET;
		if (inner || n->kind == FOLIO_NODE_BOOK) {
			n->name = inner ? "set" : "book";
			n->kind = FOLIO_NODE_PART;
		}
		/* into an inner set's children; never into a book's */
		n = folio_next(set, n, !inner);
	}
}

void read_settle_root(folio_doc *doc)
{
	folio_node *root = doc->root;
	if (root == NULL)
		return;
	int plan = plan_of(root->name ? root->name : folio_kind_name(root->kind));
	switch (plan) {
	case ROOT_SET:
		set_to_book(root);
		break;
	case ROOT_IN_BOOK:
		/* its title (in the made info: metadata, running heads) is
		 * printed once, by the component's own opening */
		doc->root = wrap(doc, root, FOLIO_NODE_BOOK);
		doc->root->flags |= FOLIO_FLAG_WRAPPER;
		break;
	case ROOT_AS_ARTICLE:
		if (root->name == NULL)
			root->name = folio_kind_name(root->kind);
		root->kind = FOLIO_NODE_ARTICLE;
		break;
	case ROOT_IN_ARTICLE:
		doc->root = wrap(doc, root, FOLIO_NODE_ARTICLE);
		break;
	default:
		break;
	}
}
