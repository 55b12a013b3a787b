/*
 * gloss: the glossary pass.  Collects the definitions (glossentry in
 * glossary[@role="database"] anywhere in the tree, and in glossaries the
 * author wrote out), matches each use (glossterm, firstterm) to its entry,
 * and builds the glossary under glossary[@role="auto"] (or at the end of
 * the book): exactly the used terms plus what their see/see-also entries
 * reach, sorted by the language's collation, grouped under letter
 * headings, each entry with its definition, cross references and the list
 * of its uses (a GEN_LOCATORS node the back ends turn into pages or links).
 *
 * Matching, in order: the use's linkend (an entry's xml:id), its baseform
 * attribute, its text; the last two compare case- and space-insensitively
 * with the entries' terms and acronyms.
 */
#include "resolve/collate.h"
#include "resolve/gentree.h"
#include "util/vec.h"
#include "resolve/resolve.h"
#include "folio/lang.h"
#include "util/hash.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct gl_entry {
	folio_node *src;        /* the glossentry holding the definition */
	int from_database;      /* inside glossary[@role="database"] */
	char *term;             /* its glossterm's text, squeezed (heap) */
	char *fold;             /* term, folded for matching (heap) */
	char *acronym_fold;     /* the acronym/abbrev, folded, or NULL */
	const char *sort_text;  /* sortas or term: what collation sees */
	ptrvec uses;            /* glossterm/firstterm nodes, document order */
	int reached;            /* used, or reached through see/see-also */
	folio_node *gen;        /* its entry in the generated glossary */
	const folio_node *last_top; /* the top division of its last use */
};

struct gloss {
	folio_doc *doc;
	folio_diag *diag;
	ptrvec entries;        /* struct gl_entry *, in document order */
	folio_hash *by_id;     /* xml:id -> entry */
	folio_hash *by_term;   /* folded term -> entry */
	folio_hash *by_acronym; /* folded acronym -> entry */
	ptrvec autos;          /* glossary[@role="auto"] nodes */
};

static int role_is(const folio_node *n, const char *role)
{
	return n->role && strcmp(n->role, role) == 0;
}

/* ---- collecting definitions ---- */

static char *child_fold(folio_doc *doc, const folio_node *entry,
			folio_node_kind kind)
{
	folio_node *c = folio_node_child(entry, kind);
	return c ? collate_fold(folio_node_text(doc, c)) : NULL;
}

static void add_entry(struct gloss *g, folio_node *src, int from_database)
{
	folio_node *term_node = folio_node_child(src, FOLIO_NODE_GLOSSTERM);
	if (term_node == NULL) {
		folio_report(g->diag, FOLIO_ERROR, src->loc,
			     "glossentry has no glossterm");
		return;
	}
	struct gl_entry *e = xcalloc(1, sizeof(*e));
	e->src = src;
	e->from_database = from_database;
	e->term = collate_squeeze(folio_node_text(g->doc, term_node));
	e->fold = collate_fold(e->term);
	e->acronym_fold = child_fold(g->doc, src, FOLIO_NODE_ACRONYM);
	if (e->acronym_fold == NULL)
		e->acronym_fold = child_fold(g->doc, src, FOLIO_NODE_ABBREV);
	const char *sortas = folio_node_attr(src, "sortas");
	e->sort_text = sortas ? sortas : e->term;
	VEC_PUSH(g->entries, e);

	if (e->term[0] == '\0') {
		folio_report(g->diag, FOLIO_ERROR, term_node->loc,
			     "glossentry has an empty glossterm");
		return;
	}
	if (src->id)
		hash_put(g->by_id, src->id, e);
	struct gl_entry *prev = hash_get(g->by_term, e->fold);
	if (prev) {
		folio_report(g->diag, FOLIO_ERROR, term_node->loc,
			     "the term '%s' is defined twice", e->term);
		folio_node *pt = folio_node_child(prev->src, FOLIO_NODE_GLOSSTERM);
		folio_report(g->diag, FOLIO_NOTE, pt->loc,
			     "'%s' is also defined here", prev->term);
		return;
	}
	hash_put(g->by_term, e->fold, e);
	if (e->acronym_fold && e->acronym_fold[0] &&
	    hash_get(g->by_acronym, e->acronym_fold) == NULL)
		hash_put(g->by_acronym, e->acronym_fold, e);
}

static void collect_glossary(struct gloss *g, folio_node *glossary)
{
	int database = role_is(glossary, "database");
	if (database)
		glossary->flags |= FOLIO_FLAG_HIDDEN;
	for (folio_node *n = glossary->first ? glossary : NULL; n;
	     n = folio_next(glossary, n, 0)) {
		if (n->kind == FOLIO_NODE_GLOSSENTRY && !(n->flags & FOLIO_FLAG_GENERATED))
			add_entry(g, n, database);
	}
}

/* Finds every glossary: databases and written-out glossaries give
 * entries, role="auto" ones are where the generated glossary goes. */
static void collect_definitions(struct gloss *g)
{
	folio_node *root = g->doc->root;
	for (folio_node *n = root; n;) {
		if (n->kind != FOLIO_NODE_GLOSSARY) {
			n = folio_next(root, n, 0);
			continue;
		}
		if (role_is(n, "auto"))
			VEC_PUSH(g->autos, n);
		else
			collect_glossary(g, n);
		n = folio_next(root, n, 1);
	}
}

/* ---- matching uses ---- */

static struct gl_entry *lookup_text(struct gloss *g, const char *text)
{
	char *f = collate_fold(text);
	struct gl_entry *e = hash_get(g->by_term, f);
	if (e == NULL)
		e = hash_get(g->by_acronym, f);
	free(f);
	return e;
}

/* The entry a use names, or NULL; with report set, says why not. */
static struct gl_entry *match_use(struct gloss *g, folio_node *use, int report)
{
	const char *linkend = folio_node_attr(use, "linkend");
	if (linkend) {
		struct gl_entry *e = hash_get(g->by_id, linkend);
		if (e || !report)
			return e;
		if (folio_doc_find_id(g->doc, linkend)) {
			folio_report(g->diag, FOLIO_ERROR, use->loc,
				     "%s links to '%s', which is not a glossary entry",
				     use->name, linkend);
			return NULL;
		}
		folio_report(g->diag, FOLIO_ERROR, use->loc,
			     "%s links to '%s', which is defined nowhere",
			     use->name, linkend);
		const char *near = resolve_nearest_id(g->doc, linkend);
		if (near)
			folio_report(g->diag, FOLIO_NOTE, use->loc,
				     "did you mean '%s'?", near);
		return NULL;
	}
	const char *baseform = folio_node_attr(use, "baseform");
	const char *text = baseform ? baseform : folio_node_text(g->doc, use);
	struct gl_entry *e = lookup_text(g, text);
	if (e == NULL && report) {
		char *sq = collate_squeeze(text);
		folio_report_strict(g->diag, use->loc,
				    "the term '%s' is used but defined in no glossary",
				    sq);
		free(sq);
	}
	return e;
}

static int is_use(const folio_node *n)
{
	return (n->kind == FOLIO_NODE_GLOSSTERM || n->kind == FOLIO_NODE_FIRSTTERM) &&
	       !(n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY);
}

/* Walks the printed text (not the glossaries themselves, not hidden or
 * generated nodes) and records each use on its entry. */
static void collect_uses(struct gloss *g)
{
	folio_node *root = g->doc->root;
	const folio_node *top = root;
	for (folio_node *n = root; n;) {
		int skip = (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_GENERATED)) ||
			   n->kind == FOLIO_NODE_GLOSSARY;
		/* an article or chapter (a part's too): where first uses count */
		if (folio_kind_class(n->kind) == FOLIO_CLASS_DIVISION &&
		    n->kind != FOLIO_NODE_INFO && n->kind != FOLIO_NODE_PART && n->parent &&
		    (n->parent == root || n->parent->kind == FOLIO_NODE_PART))
			top = n;
		if (!skip && is_use(n)) {
			struct gl_entry *e = match_use(g, n, 1);
			if (e) {
				VEC_PUSH(e->uses, n);
				e->reached = 1;
				n->target = e->src;
				if (e->last_top != top)
					n->flags |= FOLIO_FLAG_FIRST_USE;
				e->last_top = top;
			}
		}
		n = folio_next(root, n, skip);
	}
}

/* ---- see / see-also ---- */

static struct gl_entry *resolve_see(struct gloss *g, folio_node *see, int report)
{
	const char *other = folio_node_attr(see, "otherterm");
	if (other) {
		struct gl_entry *e = hash_get(g->by_id, other);
		if (e == NULL && report)
			folio_report(g->diag, FOLIO_ERROR, see->loc,
				     "%s points to '%s', which is no glossary entry",
				     see->name, other);
		return e;
	}
	const char *text = folio_node_text(g->doc, see);
	struct gl_entry *e = lookup_text(g, text);
	if (e == NULL && report) {
		char *sq = collate_squeeze(text);
		folio_report(g->diag, FOLIO_ERROR, see->loc,
			     "%s points to '%s', which is defined in no glossary",
			     see->name, sq);
		free(sq);
	}
	return e;
}

static int is_see(const folio_node *n)
{
	return n->kind == FOLIO_NODE_GLOSSSEE || n->kind == FOLIO_NODE_GLOSSSEEALSO;
}

/* The entry's glosssee and glossseealso elements: DocBook puts glosssee in
 * the entry and glossseealso inside glossdef. */
static void entry_sees(const folio_node *entry, ptrvec *out)
{
	for (folio_node *c = entry->first; c; c = c->next) {
		if (is_see(c))
			VEC_PUSH(*out, c);
		else if (c->kind == FOLIO_NODE_GLOSSDEF)
			for (folio_node *d = c->first; d; d = d->next)
				if (is_see(d))
					VEC_PUSH(*out, d);
	}
}

/* Adds every entry reachable through see/see-also from the used ones (a
 * breadth-first walk; the reached mark stops cycles). */
static void reach_see_also(struct gloss *g)
{
	ptrvec queue = { 0 };
	for (size_t i = 0; i < g->entries.n; i++) {
		struct gl_entry *e = g->entries.v[i];
		if (e->reached)
			VEC_PUSH(queue, e);
	}
	for (size_t q = 0; q < queue.n; q++) {
		struct gl_entry *e = queue.v[q];
		ptrvec sees = { 0 };
		entry_sees(e->src, &sees);
		for (size_t i = 0; i < sees.n; i++) {
			struct gl_entry *t = resolve_see(g, sees.v[i], 1);
			if (t && !t->reached) {
				t->reached = 1;
				VEC_PUSH(queue, t);
			}
		}
		VEC_FREE(sees);
	}
	VEC_FREE(queue);
}

/* ---- building the glossary ---- */

static int by_term(void *coll, const void *a, const void *b)
{
	const struct gl_entry *x = a, *y = b;
	return collate_cmp(coll, x->sort_text, y->sort_text);
}

static folio_node *new_glossary_at_end(struct gloss *g)
{
	folio_node *root = g->doc->root;
	folio_node *gl = gen_node(g->doc, root, FOLIO_NODE_GLOSSARY, root);
	gl->flags |= FOLIO_FLAG_BACKMATTER;
	gl->depth = root->depth + 1;
	return gl;
}

static void add_see_link(struct gloss *g, folio_node *parent, folio_node *see)
{
	struct gl_entry *t = resolve_see(g, see, 0);
	if (t == NULL || t->gen == NULL)
		return;
	folio_node *s = gen_node(g->doc, parent, see->kind, see);
	folio_node *link = gen_node(g->doc, s, FOLIO_NODE_LINK, see);
	link->target = t->gen;
	/* The link reads the term in the term's language ("Lihat juga
	 * management by objectives"): screen readers and hyphenation need
	 * to know. */
	const folio_node *term = folio_node_child(t->src, FOLIO_NODE_GLOSSTERM);
	if (term && term->lang)
		link->lang = term->lang;
	gen_text(g->doc, link, t->term, see);
}

static void add_locators(struct gloss *g, folio_node *parent, struct gl_entry *e)
{
	if (e->uses.n == 0)
		return;
	folio_node *loc = gen_node(g->doc, parent, FOLIO_NODE_GEN_LOCATORS, e->src);
	folio_node_set_attr(g->doc, loc, "for", "glossary");
	loc->refs = arena_alloc(g->doc->arena, e->uses.n * sizeof(*loc->refs));
	for (size_t i = 0; i < e->uses.n; i++)
		loc->refs[i] = e->uses.v[i];
	loc->nrefs = (unsigned)e->uses.n;
}

/* A copy of a glossdef without its glossseealso children: the generated
 * entry carries them as links after the definition. */
static folio_node *copy_definition(folio_doc *doc, folio_node *def)
{
	folio_node *copy = gen_copy_subtree(doc, def);
	for (folio_node *c = copy->first; c;) {
		folio_node *next = c->next;
		if (is_see(c))
			folio_node_unlink(c);
		c = next;
	}
	return copy;
}

/* The generated entry's content, once every entry has its node (see and
 * see-also links need their targets). */
static void fill_entry(struct gloss *g, struct gl_entry *e)
{
	folio_node *ge = e->gen;
	for (folio_node *c = e->src->first; c; c = c->next) {
		if (c->flags & FOLIO_FLAG_HIDDEN)
			continue;
		switch (c->kind) {
		case FOLIO_NODE_GLOSSTERM:
		case FOLIO_NODE_ACRONYM:
		case FOLIO_NODE_ABBREV:
			folio_node_append(ge, gen_copy_subtree(g->doc, c));
			break;
		case FOLIO_NODE_GLOSSDEF:
			folio_node_append(ge, copy_definition(g->doc, c));
			break;
		default:
			break;
		}
	}
	ptrvec sees = { 0 };
	entry_sees(e->src, &sees);
	for (size_t i = 0; i < sees.n; i++)
		add_see_link(g, ge, sees.v[i]);
	VEC_FREE(sees);
	add_locators(g, ge, e);
}

/* Terms inside copied definitions link to their entries when those are
 * in the glossary too. */
static void link_terms_in_definitions(struct gloss *g, folio_node *glossary)
{
	for (folio_node *n = glossary; n; n = folio_next(glossary, n, 0)) {
		if ((n->kind == FOLIO_NODE_GLOSSTERM || n->kind == FOLIO_NODE_FIRSTTERM) &&
		    n->parent && n->parent->kind != FOLIO_NODE_GLOSSENTRY) {
			struct gl_entry *e = match_use(g, n, 0);
			n->target = e ? e->gen : NULL;
		}
	}
}

/* Letter groups: GLOSSDIV nodes titled with the group's letter. */
static void build_divisions(struct gloss *g, folio_node *glossary,
			    struct gl_entry **sorted, size_t n,
			    const folio_lang *lang, collator *coll)
{
	folio_node *div = NULL;
	char current[16] = "", group[16];
	int have_div = 0;
	for (size_t i = 0; i < n; i++) {
		struct gl_entry *e = sorted[i];
		if (!collate_group(coll, e->sort_text, group, sizeof group))
			group[0] = '\0';
		if (!have_div || strcmp(group, current) != 0) {
			div = gen_node(g->doc, glossary, FOLIO_NODE_GLOSSDIV, glossary);
			div->depth = glossary->depth + 1;
			gen_title(g->doc, div, group[0] ? group : lang->symbols, glossary);
			strcpy(current, group);
			have_div = 1;
		}
		e->gen = gen_node(g->doc, div, FOLIO_NODE_GLOSSENTRY, e->src);
		if (e->from_database && e->src->id) {
			/* The printed entry takes over the database entry's id,
			 * so xref and link to it land in the glossary. */
			e->gen->id = e->src->id;
			e->src->id = NULL;
			hash_put(g->doc->ids, e->gen->id, e->gen);
		}
	}
}

/* Symbols and digits first, then letters, each in collation order. */
static size_t symbols_first(collator *coll, struct gl_entry **v, size_t n)
{
	ptrvec letters = { 0 };
	size_t k = 0;
	char buf[16];
	for (size_t i = 0; i < n; i++) {
		if (collate_group(coll, v[i]->sort_text, buf, sizeof buf))
			VEC_PUSH(letters, v[i]);
		else
			v[k++] = v[i];
	}
	for (size_t i = 0; i < letters.n; i++)
		v[k + i] = letters.v[i];
	VEC_FREE(letters);
	return n;
}

/* Nodes that pointed at a definition's glossentry (xref, link, the
 * uses) now point at its printed entry.  The definition's own target
 * field records where it is printed. */
static void retarget(struct gloss *g)
{
	for (size_t i = 0; i < g->entries.n; i++) {
		struct gl_entry *e = g->entries.v[i];
		if (e->gen)
			e->src->target = e->gen;
	}
	folio_node *root = g->doc->root;
	for (folio_node *n = root; n; n = folio_next(root, n, 0)) {
		folio_node *t = n->target;
		if (t && t->kind == FOLIO_NODE_GLOSSENTRY &&
		    !(t->flags & FOLIO_FLAG_GENERATED) && t->target && t != n)
			n->target = t->target;
	}
}

static int needs_generated(const struct gloss *g)
{
	if (g->autos.n > 0)
		return 1;
	for (size_t i = 0; i < g->entries.n; i++) {
		const struct gl_entry *e = g->entries.v[i];
		if (e->reached && e->from_database)
			return 1;
	}
	return 0;
}

static void build_glossary(struct gloss *g)
{
	size_t n = 0;
	struct gl_entry **sorted = xmalloc((g->entries.n + 1) * sizeof(*sorted));
	for (size_t i = 0; i < g->entries.n; i++) {
		struct gl_entry *e = g->entries.v[i];
		if (e->reached)
			sorted[n++] = e;
	}
	for (size_t i = 1; i < g->autos.n; i++) {
		folio_node *extra = g->autos.v[i];
		folio_report(g->diag, FOLIO_WARNING, extra->loc,
			     "only the first glossary with role=\"auto\" is filled; "
			     "this one stays empty");
		extra->flags |= FOLIO_FLAG_HIDDEN;
	}
	folio_node *glossary = g->autos.n ? g->autos.v[0] : NULL;
	if (n == 0) {
		/* Nothing used: an empty "Glossary" page helps nobody. */
		if (glossary)
			glossary->flags |= FOLIO_FLAG_HIDDEN;
		free(sorted);
		return;
	}
	if (glossary == NULL)
		glossary = new_glossary_at_end(g);
	const folio_lang *lang = folio_lang_get(glossary->lang ? glossary->lang
						: g->doc->lang);
	if (folio_node_title(glossary) == NULL) {
		folio_node *t = gen_node(g->doc, NULL, FOLIO_NODE_TITLE, glossary);
		gen_text(g->doc, t, lang->glossary, glossary);
		t->lang = glossary->lang;
		if (glossary->first)
			folio_node_insert_before(glossary->first, t);
		else
			folio_node_append(glossary, t);
	}
	collator *coll = collate_new(lang->icu_locale);
	vec_sort_ptrs((void **)sorted, n, by_term, coll);
	symbols_first(coll, sorted, n);
	build_divisions(g, glossary, sorted, n, lang, coll);
	for (size_t i = 0; i < n; i++)
		fill_entry(g, sorted[i]);
	link_terms_in_definitions(g, glossary);
	collate_free(coll);
	free(sorted);
	g->doc->glossary = glossary;
	retarget(g);
}

static void gloss_free(struct gloss *g)
{
	for (size_t i = 0; i < g->entries.n; i++) {
		struct gl_entry *e = g->entries.v[i];
		free(e->term);
		free(e->fold);
		free(e->acronym_fold);
		VEC_FREE(e->uses);
		free(e);
	}
	VEC_FREE(g->entries);
	VEC_FREE(g->autos);
	hash_free(g->by_id);
	hash_free(g->by_term);
	hash_free(g->by_acronym);
}

int pass_glossary(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	(void)opts;
	if (doc->root == NULL)
		return 0;
	struct gloss g = { .doc = doc, .diag = diag };
	g.by_id = hash_new();
	g.by_term = hash_new();
	g.by_acronym = hash_new();
	collect_definitions(&g);
	collect_uses(&g);
	reach_see_also(&g);
	if (needs_generated(&g))
		build_glossary(&g);
	gloss_free(&g);
	return 0;
}
