/*
 * credits: who wrote a division, as a reader of collected articles sees
 * it under the title and in the contents: the authors' names joined in
 * the reader's language ("A, B dan C"), their affiliations, and whether
 * a book's articles have authors of their own at all (the `auto` of the
 * page style's toc.authors and article.authors, and the EPUB's rule).
 */
#include "folio/tree.h"
#include "util/strbuf.h"

#include <string.h>

static int is_writer(folio_node_kind k)
{
	return k == FOLIO_NODE_AUTHOR || k == FOLIO_NODE_CORPAUTHOR;
}

/* Calls fn for each person of kind (writers, or editors) in div's info
 * (or in div itself, an authorgroup), authorgroup opened, in source
 * order. */
static unsigned each_person(const folio_node *div, int editors,
			    void (*fn)(const folio_node *who, void *ctx), void *ctx)
{
	const folio_node *info = div == NULL ? NULL
				 : div->kind == FOLIO_NODE_AUTHORGROUP ? div
				 : folio_node_child(div, FOLIO_NODE_INFO);
	unsigned n = 0;
	for (const folio_node *c = info ? info->first : NULL; c; c = c->next) {
		const folio_node *group = c->kind == FOLIO_NODE_AUTHORGROUP ? c : NULL;
		for (const folio_node *a = group ? group->first : c; a;
		     a = group ? a->next : NULL) {
			int take = editors ? a->kind == FOLIO_NODE_EDITOR : is_writer(a->kind);
			if (take && !(a->flags & FOLIO_FLAG_HIDDEN)) {
				if (fn)
					fn(a, ctx);
				n++;
			}
			if (group == NULL)
				break;
		}
	}
	return n;
}

struct join {
	folio_doc *doc;
	strbuf *b;
	unsigned i, n;
	const char *and_word;
};

static void join_one(const folio_node *who, void *ctx)
{
	struct join *j = ctx;
	if (j->i > 0)
		sb_puts(j->b, j->i + 1 == j->n ? " " : ", ");
	if (j->i > 0 && j->i + 1 == j->n) {
		sb_puts(j->b, j->and_word);
		sb_putc(j->b, ' ');
	}
	sb_puts(j->b, folio_person_name(j->doc, who));
	j->i++;
}

const char *folio_authors_text(folio_doc *doc, const folio_node *div, int editors,
			       const char *and_word)
{
	unsigned n = each_person(div, editors, NULL, NULL);
	if (n == 0)
		return NULL;
	strbuf b = STRBUF_INIT;
	struct join j = { doc, &b, 0, n, and_word ? and_word : "and" };
	each_person(div, editors, join_one, &j);
	const char *s = folio_collapse_space(doc, sb_str(&b));
	sb_free(&b);
	return s && *s ? s : NULL;
}

/* An affiliation as one line: its parts (division, organisation, job
 * title, address) joined by commas in source order. */
static const char *affiliation_text(folio_doc *doc, const folio_node *aff)
{
	strbuf b = STRBUF_INIT;
	for (const folio_node *k = aff->first; k; k = k->next) {
		if (k->kind == FOLIO_NODE_TEXT)
			continue;
		const folio_node *from = k->kind == FOLIO_NODE_ORG ? k->first : k;
		for (const folio_node *o = from; o; o = k->kind == FOLIO_NODE_ORG ? o->next : NULL) {
			if (o->kind == FOLIO_NODE_TEXT)
				continue;
			const char *t = folio_collapse_space(doc, folio_node_text(doc, o));
			if (t && *t) {
				if (b.len)
					sb_puts(&b, ", ");
				sb_puts(&b, t);
			}
		}
	}
	const char *s = b.len ? folio_collapse_space(doc, sb_str(&b))
			      : folio_collapse_space(doc, folio_node_text(doc, aff));
	sb_free(&b);
	return s && *s ? s : NULL;
}

struct affs {
	folio_doc *doc;
	const char **out;
	unsigned n, max;
};

static void add_affiliation(const folio_node *who, void *ctx)
{
	struct affs *a = ctx;
	for (const folio_node *k = who->first; k; k = k->next) {
		if (k->kind != FOLIO_NODE_AFFILIATION)
			continue;
		const char *t = affiliation_text(a->doc, k);
		if (t == NULL)
			continue;
		unsigned i = 0;
		while (i < a->n && strcmp(a->out[i], t) != 0)
			i++;
		if (i == a->n && a->n < a->max)
			a->out[a->n++] = t;
	}
}

unsigned folio_authors_affiliations(folio_doc *doc, const folio_node *div, int editors,
				    const char **out, unsigned max)
{
	struct affs a = { doc, out, 0, max };
	each_person(div, editors, add_affiliation, &a);
	return a.n;
}

struct names {
	folio_doc *doc;
	const folio_node *book;
	int differs;
};

static void book_name_matches(const folio_node *who, void *ctx)
{
	void **m = ctx;
	if (strcmp(folio_person_name(m[0], who), (const char *)m[1]) == 0)
		m[2] = (void *)who;
}

static void name_in_book(const folio_node *who, void *ctx)
{
	struct names *nm = ctx;
	const char *name = folio_person_name(nm->doc, who);
	void *m[3] = { nm->doc, (void *)name, NULL };
	each_person(nm->book, 1, book_name_matches, m);
	each_person(nm->book, 0, book_name_matches, m);
	if (m[2] == NULL)
		nm->differs = 1;
}

int folio_articles_have_authors(folio_doc *doc)
{
	const folio_node *root = doc->root;
	if (root == NULL)
		return 0;
	struct names nm = { doc, root, 0 };
	for (const folio_node *n = folio_next(root, root, 0); n && !nm.differs;) {
		int div = folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION &&
			  n->kind != FOLIO_NODE_INFO;
		if (div)
			each_person(n, 0, name_in_book, &nm);
		/* only divisions hold divisions with authors of their own */
		n = folio_next(root, n, !div);
	}
	return nm.differs;
}
