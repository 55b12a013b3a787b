/*
 * biblio: the citation pass.  Reads the bibliography databases
 * (bibliography[@role="database"] with DocBook entries, or naming a
 * BibTeX file with xlink:href), resolves every citation and biblioref to
 * its entries, fills each bibliography[@role="auto"] with exactly the
 * works cited in its scope, and replaces the keys in the text with the
 * style's in-text citation, linked to the entry in the nearest list.
 *
 * Scope: a list inside an article (chapter, appendix, preface, part)
 * lists what that division cites; a list outside them lists everything
 * cited in the document, each work once.  A citation links to the list
 * of its own division when there is one, else to the whole document's
 * list (made at the end of the book when the document has none).
 *
 * Citation markup: <citation>key</citation>, "key1; key2", "key, hlm. 45"
 * (a locator after the first comma), role="narrative" | "year" | "bare";
 * <biblioref linkend="key" begin="45" units="page"/>, narrative on its
 * own, one work of the citation inside a citation.  A citation may also
 * name an entry by its abbrev or xreflabel, as DocBook authors write.
 *
 * DocBook's own model lives beside this one: a bibliography, bibliodiv or
 * bibliolist with no role is a hand-written list printed where it stands,
 * in source order.  Its biblioentry elements are formatted in the style
 * (biblio_authored.c), its bibliomixed ones print as written; citations
 * of its entries link there and never add them to a generated list.  An
 * entry with an abbrev is labelled and cited "[abbrev]", DocBook's way.
 */
#include "resolve/biblio.h"
#include "resolve/biblio_authored.h"
#include "resolve/cite_style.h"
#include "resolve/collate.h"
#include "resolve/gentree.h"
#include "util/vec.h"
#include "resolve/resolve.h"
#include "util/arena.h"
#include "util/hash.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ref_list {
	folio_node *node;      /* the bibliography that shows the list */
	folio_node *scope;     /* the division it covers; NULL: everything */
	ptrvec members;        /* biblio_entry *, in order of first citation */
	folio_hash *index;     /* key -> position + 1 in members */
	folio_node **entries;  /* generated entry of each member */
	unsigned *numbers;     /* position of each member in the printed list */
};

struct cite_use {
	folio_node *node;      /* citation or biblioref */
	cite_form form;
	cite_item *items;
	size_t n;
	struct ref_list *list; /* where its links go; NULL: authored entries */
};

struct bib {
	folio_doc *doc;
	folio_diag *diag;
	const cite_style *style;
	biblio_db db;
	cite_accessed accessed; /* cite.accessed */
	ptrvec lists;   /* struct ref_list * */
	ptrvec uses;    /* struct cite_use * */
	/* collators by ICU locale, opened once: every citation and list
	 * sorts or compares names in its language */
	struct { const char *locale; collator *coll; } colls[8];
	unsigned ncolls;
};

static collator *bib_collator(struct bib *b, const char *locale)
{
	for (unsigned i = 0; i < b->ncolls; i++)
		if (strcmp(b->colls[i].locale, locale) == 0)
			return b->colls[i].coll;
	collator *c = collate_new(locale);
	if (b->ncolls < sizeof b->colls / sizeof b->colls[0]) {
		b->colls[b->ncolls].locale = locale;
		b->colls[b->ncolls++].coll = c;
	}
	return c;
}

/* Frees a collator bib_collator gave, unless it keeps it. */
static void bib_collator_done(struct bib *b, collator *c)
{
	for (unsigned i = 0; i < b->ncolls; i++)
		if (b->colls[i].coll == c)
			return;
	collate_free(c);
}

static int role_is(const folio_node *n, const char *role)
{
	return n->role && strcasecmp(n->role, role) == 0;
}

/* ---- the style ---- */

/* The document's choice of a citation option: <meta name="citation-style"
 * content="ieee"/> in the root's info; *at (when given) its meta. */
static const char *document_meta(const folio_doc *doc, const char *key,
				 const folio_node **at)
{
	folio_node *info = folio_node_child(doc->root, FOLIO_NODE_INFO);
	if (info == NULL)
		return NULL;
	for (folio_node *m = info->first; m; m = m->next) {
		if (m->kind != FOLIO_NODE_META)
			continue;
		const char *name = folio_node_attr(m, "name");
		if (name && strcasecmp(name, key) == 0) {
			if (at)
				*at = m;
			return folio_node_attr(m, "content");
		}
	}
	return NULL;
}

static const char *document_style(const folio_doc *doc)
{
	return document_meta(doc, "citation-style", NULL);
}

/* cite.accessed: the build's option, else the document's meta, else the
 * style's own rule. */
static cite_accessed choose_accessed(struct bib *b, const folio_resolve_opts *opts)
{
	const folio_node *meta = NULL;
	const char *value = opts && opts->cite_accessed ? opts->cite_accessed
			  : document_meta(b->doc, "cite.accessed", &meta);
	if (value == NULL)
		return CITE_ACCESSED_STYLE;
	int rule = cite_accessed_parse(value);
	if (rule < 0) {
		folio_loc none = { NULL, 0, 0 };
		folio_report(b->diag, FOLIO_ERROR, meta ? meta->loc : none,
			     "unknown cite.accessed '%s' (known: always, "
			     "when-undated, never)", value);
		return CITE_ACCESSED_STYLE;
	}
	return (cite_accessed)rule;
}

static const cite_style *choose_style(struct bib *b, const folio_resolve_opts *opts)
{
	const char *name = opts && opts->citation_style ? opts->citation_style
							: document_style(b->doc);
	if (name == NULL)
		return &cite_style_apa;
	const cite_style *s = cite_style_find(name);
	if (s == NULL) {
		folio_loc none = { NULL, 0, 0 };
		folio_report(b->diag, FOLIO_ERROR, none,
			     "unknown citation style '%s' (known: apa, chicago, ieee)", name);
		return &cite_style_apa;
	}
	return s;
}

/* ---- databases and lists ---- */

static int is_scope_kind(folio_node_kind k)
{
	return k == FOLIO_NODE_ARTICLE || k == FOLIO_NODE_CHAPTER ||
	       k == FOLIO_NODE_APPENDIX || k == FOLIO_NODE_PREFACE ||
	       k == FOLIO_NODE_PART;
}

/* The division a list covers; NULL for the whole document, which the
 * root is even when it is an article or a chapter. */
static folio_node *scope_of(folio_node *n)
{
	for (folio_node *a = n->parent; a && a->parent; a = a->parent)
		if (is_scope_kind(a->kind))
			return a;
	return NULL;
}

/* The folder of the file a node was read from (heap). */
static char *folder_of(const char *file)
{
	if (file == NULL)
		return xstrdup(".");
	const char *slash = strrchr(file, '/');
	return slash ? xstrndup(file, (size_t)(slash - file)) : xstrdup(".");
}

/* Resolves href against the including file's folder (*display: that
 * path as diagnostics show it); NULL (after an error) when the file is
 * missing or outside the folder that confines the sources. */
static char *database_path(struct bib *b, folio_node *n, const char *href,
			   char **display)
{
	char *base = href[0] == '/' ? xstrdup("") : folder_of(n->loc.file);
	char *joined = xmalloc(strlen(base) + strlen(href) + 3);
	if (strcmp(base, ".") == 0)
		sprintf(joined, "%s", href);
	else
		sprintf(joined, "%s%s%s", base, base[0] ? "/" : "", href);
	free(base);
	*display = joined;
	char *real = realpath(joined, NULL);
	if (real == NULL) {
		folio_report(b->diag, FOLIO_ERROR, n->loc,
			     "cannot find the database '%s'", href);
		return NULL;
	}
	char *confine_dir = b->doc->dir ? xstrdup(b->doc->dir) : folder_of(b->doc->path);
	char *root = realpath(confine_dir, NULL);
	free(confine_dir);
	size_t rl = root ? strlen(root) : 0;
	int inside = root && strncmp(real, root, rl) == 0 &&
		     (real[rl] == '/' || real[rl] == '\0' || (rl == 1 && root[0] == '/'));
	if (!inside && !b->doc->allow_outside) {
		folio_report(b->diag, FOLIO_ERROR, n->loc,
			     "the database '%s' is outside the source folder", href);
		free(real);
		real = NULL;
	}
	free(root);
	return real;
}

/* hide: the list is a database, never printed.  as_auto: the entries
 * of a generated list's own (DocBook XSL's role="auto" with entries):
 * each is hidden and printed in the list only when cited. */
static void read_database(struct bib *b, folio_node *bibl, int hide, int as_auto)
{
	if (hide)
		bibl->flags |= FOLIO_FLAG_HIDDEN;
	const char *href = folio_node_attr(bibl, "xlink:href");
	if (href) {
		size_t hl = strlen(href);
		if (hl < 4 || strcasecmp(href + hl - 4, ".bib") != 0) {
			folio_report(b->diag, FOLIO_ERROR, bibl->loc,
				     "'%s' is not a BibTeX (.bib) database", href);
		} else {
			char *display = NULL;
			char *path = database_path(b, bibl, href, &display);
			if (path)
				bibtex_load(&b->db, path, display, bibl->loc, b->diag);
			free(path);
			free(display);
		}
	}
	for (folio_node *n = bibl; n; n = folio_next(bibl, n, 0)) {
		if (n->kind != FOLIO_NODE_BIBLIOENTRY && n->kind != FOLIO_NODE_BIBLIOMIXED)
			continue;
		if (n->flags & FOLIO_FLAG_GENERATED)
			continue;
		biblio_entry *e = biblio_from_docbook(b->doc, n, b->diag);
		if (e == NULL)
			continue;
		/* a bibliomixed carries its author's punctuation: printed
		 * as written wherever the author placed it */
		e->as_written = n->kind == FOLIO_NODE_BIBLIOMIXED && (!hide || as_auto);
		if (e->as_written && e->abbrev == NULL && e->authors.n == 0 &&
		    e->editors.n == 0 && e->year == NULL)
			/* nothing a style could cite it by ("鈴木一郎『…』、
			 * 2003年"): DocBook XSL's label, its xreflabel or id */
			e->abbrev = e->xreflabel ? e->xreflabel : n->id;
		if (as_auto)
			n->flags |= FOLIO_FLAG_HIDDEN;
		if (n->id == NULL && biblio_db_get(&b->db, e->key)) {
			/* an abbrev used twice by unnamed entries: both print,
			 * the first keeps the name (a warning, from the alias) */
			e->key = arena_printf(b->doc->arena, "#%s:%u:%u",
					      n->loc.file ? n->loc.file : "",
					      n->loc.line, n->loc.col);
		}
		if (biblio_db_add(&b->db, e, b->diag) == 0 &&
		    biblio_db_get(&b->db, e->key) == e)
			biblio_db_add_aliases(&b->db, e, b->diag);
	}
}

static struct ref_list *new_list(struct bib *b, folio_node *node, folio_node *scope)
{
	struct ref_list *l = xcalloc(1, sizeof(*l));
	l->node = node;
	l->scope = scope;
	l->index = hash_new();
	VEC_PUSH(b->lists, l);
	return l;
}

/* Every bibliography, and every bibliolist outside one (DocBook allows
 * them in any division: an appendix's list of sources). */
static void collect_databases_and_lists(struct bib *b)
{
	folio_node *root = b->doc->root;
	for (folio_node *n = root; n;) {
		int list = n->kind == FOLIO_NODE_BIBLIOGRAPHY ||
			   n->kind == FOLIO_NODE_BIBLIOLIST;
		if (!list || (n->flags & FOLIO_FLAG_GENERATED)) {
			n = folio_next(root, n, 0);
			continue;
		}
		if (n->kind == FOLIO_NODE_BIBLIOGRAPHY && role_is(n, "auto")) {
			new_list(b, n, scope_of(n));
			read_database(b, n, 0, 1);
		} else {
			read_database(b, n, role_is(n, "database"), 0);
		}
		n = folio_next(root, n, 1);
	}
}

/* ---- citations ---- */

static char *trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static cite_form form_of(const folio_node *n, cite_form fallback)
{
	if (n->role == NULL)
		return fallback;
	if (strcasecmp(n->role, "narrative") == 0)
		return CITE_NARRATIVE;
	if (strcasecmp(n->role, "year") == 0 || strcasecmp(n->role, "suppress-author") == 0)
		return CITE_YEAR;
	if (strcasecmp(n->role, "bare") == 0 || strcasecmp(n->role, "noparen") == 0)
		return CITE_BARE;
	if (strcasecmp(n->role, "paren") == 0 || strcasecmp(n->role, "parenthetical") == 0)
		return CITE_PAREN;
	return fallback;
}

static void unknown_key(struct bib *b, folio_node *at, const char *key)
{
	folio_report(b->diag, FOLIO_ERROR, at->loc, "unknown citation key '%s'", key);
	const char *near = biblio_db_nearest(&b->db, key, &b->doc->hint_work);
	if (near)
		folio_report(b->diag, FOLIO_NOTE, at->loc, "did you mean '%s'?", near);
}

static void add_item(struct bib *b, ptrvec *items, folio_node *at,
		     const char *key, const char *locator, const char *page,
		     const char *page_end)
{
	biblio_entry *e = biblio_db_find(&b->db, key);
	if (e == NULL) {
		unknown_key(b, at, key);
		return;
	}
	cite_item *it = xcalloc(1, sizeof(*it));
	it->entry = e;
	it->locator = locator ? arena_strdup(b->doc->arena, locator) : NULL;
	it->page = page;
	it->page_end = page_end;
	e->cited = 1;
	VEC_PUSH(*items, it);
}

/* "key", "key, hlm. 45", "a; b"; after a comma comes a locator unless
 * every comma-separated part is a known key ("a, b"). */
static void parse_keys(struct bib *b, struct cite_use *u, ptrvec *items, const char *text)
{
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, ";");
		char *part = trim(p, len);
		p += len;
		if (*p == ';')
			p++;
		if (part[0] == '\0') {
			free(part);
			continue;
		}
		if (biblio_db_find(&b->db, part)) {
			/* a whole name, spaces and commas included ("Knuth 84") */
			add_item(b, items, u->node, part, NULL, NULL, NULL);
			free(part);
			continue;
		}
		char *comma = strchr(part, ',');
		int all_keys = comma != NULL;
		for (char *q = part; all_keys && *q;) {
			size_t kl = strcspn(q, ",");
			char *k = trim(q, kl);
			all_keys = k[0] && biblio_db_find(&b->db, k) && !strchr(k, ' ');
			free(k);
			q += kl;
			if (*q == ',')
				q++;
		}
		if (all_keys) {
			for (char *q = part; *q;) {
				size_t kl = strcspn(q, ",");
				char *k = trim(q, kl);
				add_item(b, items, u->node, k, NULL, NULL, NULL);
				free(k);
				q += kl;
				if (*q == ',')
					q++;
			}
		} else {
			size_t kl = comma ? (size_t)(comma - part) : strcspn(part, " \t\n");
			if (!comma) {
				/* "key p. 5" when the first word is a key; else
				 * the whole text is the unknown name ("SDG VO") */
				char *first = trim(part, kl);
				if (biblio_db_find(&b->db, first) == NULL)
					kl = strlen(part);
				free(first);
			}
			char *key = trim(part, kl);
			char *loc = trim(part + kl + (comma ? 1 : 0),
					 strlen(part) - kl - (comma ? 1 : 0));
			add_item(b, items, u->node, key, loc[0] ? loc : NULL, NULL, NULL);
			free(key);
			free(loc);
		}
		free(part);
	}
}

static void biblioref_item(struct bib *b, struct cite_use *u, ptrvec *items,
			   folio_node *ref)
{
	const char *key = folio_node_attr(ref, "linkend");
	if (key == NULL) {
		folio_report(b->diag, FOLIO_ERROR, ref->loc, "biblioref without linkend");
		return;
	}
	const char *begin = folio_node_attr(ref, "begin");
	const char *end = folio_node_attr(ref, "end");
	const char *units = folio_node_attr(ref, "units");
	if (begin && units && strcasecmp(units, "page") != 0 &&
	    strcasecmp(units, "pages") != 0) {
		char *loc = xmalloc(strlen(units) + strlen(begin) + (end ? strlen(end) : 0) + 8);
		sprintf(loc, "%s %s%s%s", units, begin, end ? "\u2013" : "", end ? end : "");
		add_item(b, items, ref, key, loc, NULL, NULL);
		free(loc);
		return;
	}
	add_item(b, items, ref, key, NULL, begin, end);
}

static void collect_use(struct bib *b, folio_node *n)
{
	struct cite_use *u = xcalloc(1, sizeof(*u));
	u->node = n;
	ptrvec items = { 0 };
	if (n->kind == FOLIO_NODE_BIBLIOREF) {
		u->form = form_of(n, CITE_NARRATIVE);
		biblioref_item(b, u, &items, n);
	} else {
		u->form = form_of(n, CITE_PAREN);
		int refs = 0;
		for (folio_node *c = n->first; c; c = c->next)
			if (c->kind == FOLIO_NODE_BIBLIOREF) {
				biblioref_item(b, u, &items, c);
				refs++;
			}
		if (refs == 0) {
			const char *text = folio_node_text(b->doc, n);
			parse_keys(b, u, &items, text);
			char *t = trim(text, strlen(text));
			if (t[0] == '\0')
				folio_report(b->diag, FOLIO_ERROR, n->loc, "citation names no key");
			free(t);
		}
	}
	u->n = items.n;
	u->items = xcalloc(items.n ? items.n : 1, sizeof(*u->items));
	for (size_t i = 0; i < items.n; i++) {
		u->items[i] = *(cite_item *)items.v[i];
		free(items.v[i]);
	}
	VEC_FREE(items);
	VEC_PUSH(b->uses, u);
}

static void collect_uses(struct bib *b)
{
	folio_node *root = b->doc->root;
	for (folio_node *n = root; n;) {
		int skip = (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_GENERATED)) ||
			   n->kind == FOLIO_NODE_BIBLIOGRAPHY;
		if (!skip && (n->kind == FOLIO_NODE_CITATION || n->kind == FOLIO_NODE_BIBLIOREF)) {
			collect_use(b, n);
			skip = 1;
		}
		n = folio_next(root, n, skip);
	}
}

/* ---- which list shows what ---- */

static struct ref_list *list_for_scope(struct bib *b, const folio_node *scope)
{
	for (size_t i = 0; i < b->lists.n; i++) {
		struct ref_list *l = b->lists.v[i];
		if (l->scope == scope && !(l->node->flags & FOLIO_FLAG_HIDDEN))
			return l;
	}
	return NULL;
}

static void add_member(struct ref_list *l, biblio_entry *e)
{
	if (hash_get(l->index, e->key))
		return;
	VEC_PUSH(l->members, e);
	hash_put(l->index, e->key, (void *)(size_t)l->members.n);
}

static struct ref_list *document_list(struct bib *b)
{
	struct ref_list *l = list_for_scope(b, NULL);
	if (l)
		return l;
	/* No list for the whole document: one goes at the end of the book. */
	folio_node *root = b->doc->root;
	folio_node *node = gen_node(b->doc, root, FOLIO_NODE_BIBLIOGRAPHY, root);
	node->flags |= FOLIO_FLAG_BACKMATTER;
	node->depth = root->depth + 1;
	return new_list(b, node, NULL);
}

/* Only the first list of a scope is filled; a second one would repeat
 * it with clashing ids. */
static void hide_duplicate_lists(struct bib *b)
{
	for (size_t i = 0; i < b->lists.n; i++) {
		struct ref_list *l = b->lists.v[i];
		for (size_t j = 0; j < i; j++) {
			struct ref_list *k = b->lists.v[j];
			if (k->scope == l->scope && !(k->node->flags & FOLIO_FLAG_HIDDEN)) {
				folio_report(b->diag, FOLIO_WARNING, l->node->loc,
					     "a second reference list for the same part of the "
					     "document stays empty");
				l->node->flags |= FOLIO_FLAG_HIDDEN;
				break;
			}
		}
	}
}

/* Each citation joins the list of every division around it that has one
 * (and the whole document's), and links to the innermost.  Works of a
 * hand-written list are printed there and join no generated list: the
 * author chose where they stand. */
static void assign_lists(struct bib *b)
{
	for (size_t i = 0; i < b->uses.n; i++) {
		struct cite_use *u = b->uses.v[i];
		int listed = 0;
		for (size_t k = 0; k < u->n; k++)
			listed += !biblio_is_authored(u->items[k].entry);
		if (listed == 0)
			continue;
		struct ref_list *innermost = NULL;
		for (folio_node *a = u->node->parent; a && a->parent; a = a->parent) {
			if (!is_scope_kind(a->kind))
				continue;
			struct ref_list *l = list_for_scope(b, a);
			if (l == NULL)
				continue;
			if (innermost == NULL)
				innermost = l;
			for (size_t k = 0; k < u->n; k++)
				if (!biblio_is_authored(u->items[k].entry))
					add_member(l, (biblio_entry *)u->items[k].entry);
		}
		struct ref_list *whole = document_list(b);
		for (size_t k = 0; k < u->n; k++)
			if (!biblio_is_authored(u->items[k].entry))
				add_member(whole, (biblio_entry *)u->items[k].entry);
		u->list = innermost ? innermost : whole;
	}
}

/* ---- building the lists ---- */

struct sort_ctx {
	const cite_style *style;
	const cite_ctx *ctx;
};

static int by_style(void *c, const void *x, const void *y)
{
	const struct sort_ctx *s = c;
	return s->style->compare(s->ctx, x, y);
}

/* "ref-KEY" for the document's list, "ARTICLEID-ref-KEY" in a division's;
 * only characters an XML id and a URL fragment accept, unique. */
static const char *entry_id(struct bib *b, struct ref_list *l, unsigned list_no,
			    const char *key)
{
	char prefix[128];
	if (l->scope == NULL)
		snprintf(prefix, sizeof prefix, "ref-");
	else if (l->scope->id)
		snprintf(prefix, sizeof prefix, "%.100s-ref-", l->scope->id);
	else
		snprintf(prefix, sizeof prefix, "refs%u-", list_no);
	strbuf s = STRBUF_INIT;
	sb_puts(&s, prefix);
	for (const char *k = key; *k; k++) {
		unsigned char c = (unsigned char)*k;
		sb_putc(&s, isalnum(c) || c == '-' || c == '_' || c == '.' ? (char)c : '-');
	}
	size_t base_len = s.len;
	for (unsigned n = 2; hash_get(b->doc->ids, sb_str(&s)); n++) {
		s.len = base_len;
		s.s[base_len] = '\0';
		sb_printf(&s, "-%u", n);
	}
	const char *id = arena_strdup(b->doc->arena, sb_str(&s));
	sb_free(&s);
	return id;
}

static void list_title(struct bib *b, struct ref_list *l, const folio_lang *lang)
{
	if (folio_node_title(l->node))
		return;
	folio_node *t = gen_node(b->doc, NULL, FOLIO_NODE_TITLE, l->node);
	t->lang = l->node->lang;
	gen_text(b->doc, t, l->scope ? lang->references : lang->bibliography, l->node);
	if (l->node->first)
		folio_node_insert_before(l->node->first, t);
	else
		folio_node_append(l->node, t);
}

static void build_list(struct bib *b, struct ref_list *l, unsigned list_no)
{
	if (l->members.n == 0) {
		/* nothing cited here: no empty "References" page */
		l->node->flags |= FOLIO_FLAG_HIDDEN;
		return;
	}
	const char *lang_code = l->node->lang ? l->node->lang : b->doc->lang;
	const folio_lang *lang = folio_lang_get(lang_code);
	collator *coll = bib_collator(b, lang->icu_locale);
	cite_ctx ctx = { lang, cite_terms_get(lang_code), coll, b->accessed };
	size_t n = l->members.n;
	biblio_entry **order = xmalloc(n * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = l->members.v[i];
	if (!b->style->numeric) {
		struct sort_ctx sc = { b->style, &ctx };
		vec_sort_ptrs((void **)order, n, by_style, &sc);
	}
	list_title(b, l, lang);
	l->entries = arena_alloc(b->doc->arena, n * sizeof(*l->entries));
	l->numbers = arena_alloc(b->doc->arena, n * sizeof(*l->numbers));
	for (size_t i = 0; i < n; i++) {
		biblio_entry *e = order[i];
		folio_node *origin = e->node ? e->node : l->node;
		folio_node *entry = gen_node(b->doc, l->node, FOLIO_NODE_BIBLIOMIXED, origin);
		entry->id = entry_id(b, l, list_no, e->key);
		hash_put(b->doc->ids, entry->id, entry);
		cite_out o;
		out_init(&o, b->doc, entry, origin);
		if (e->as_written) {
			biblio_as_written(b->doc, &o, e,
					  b->style->numeric ? (unsigned)i + 1 : 0);
		} else {
			biblio_abbrev_label(&o, e);
			b->style->reference(&ctx, e, e->abbrev ? 0 : (unsigned)i + 1,
					    i ? order[i - 1] : NULL, &o);
		}
		out_finish(&o);
		size_t pos = (size_t)hash_get(l->index, e->key) - 1;
		l->entries[pos] = entry;
		l->numbers[pos] = (unsigned)i + 1;
	}
	free(order);
	bib_collator_done(b, coll);
}

/* Year suffixes (2017a, 2017b) are given once over everything cited, so
 * a work carries the same label in every list. */
static void assign_suffixes(struct bib *b)
{
	ptrvec cited = { 0 };
	for (size_t i = 0; i < b->db.n; i++)
		if (b->db.v[i]->cited)
			VEC_PUSH(cited, b->db.v[i]);
	const folio_lang *lang = folio_lang_get(b->doc->lang);
	collator *coll = bib_collator(b, lang->icu_locale);
	cite_ctx ctx = { lang, cite_terms_get(b->doc->lang), coll, CITE_ACCESSED_STYLE };
	cite_sort_and_suffix(b->style, &ctx, (biblio_entry **)cited.v, cited.n);
	bib_collator_done(b, coll);
	VEC_FREE(cited);
}

/* ---- the citations in the text ---- */

static void write_citation(struct bib *b, struct cite_use *u)
{
	folio_node *n = u->node;
	for (folio_node *c = n->first; c; c = c->next)
		c->flags |= FOLIO_FLAG_HIDDEN; /* the keys, never printed */
	if (u->n == 0)
		return;
	for (size_t i = 0; i < u->n; i++) {
		cite_item *it = &u->items[i];
		if (biblio_is_authored(it->entry)) {
			/* its entry in the hand-written list */
			it->target = it->entry->shown ? it->entry->shown : it->entry->node;
			it->number = it->entry->shown_number;
			continue;
		}
		if (u->list == NULL)
			continue;
		size_t pos = (size_t)hash_get(u->list->index, it->entry->key);
		if (pos == 0 || u->list->entries == NULL)
			continue;
		it->target = u->list->entries[pos - 1];
		it->number = u->list->numbers[pos - 1];
	}
	/* The words of the list the citation links to ("dkk." in an
	 * Indonesian reader even inside an English quotation), so the text
	 * and the list agree. */
	const char *lang_code = u->list && u->list->node->lang ? u->list->node->lang
			      : n->lang ? n->lang : b->doc->lang;
	const folio_lang *lang = folio_lang_get(lang_code);
	collator *coll = bib_collator(b, lang->icu_locale);
	cite_ctx ctx = { lang, cite_terms_get(lang_code), coll, b->accessed };
	cite_out o;
	out_init(&o, b->doc, n, n);
	biblio_write_citation(b->style, &ctx, u->items, u->n, u->form, &o);
	out_finish(&o);
	bib_collator_done(b, coll);
	n->target = u->items[0].target;
}

/* ---- checks on the cited entries ---- */

/* 1 for a work kept in a database (BibTeX, or a role="database"
 * bibliography), where folio's APA hints help its keeper. */
static int from_database(const biblio_entry *e)
{
	if (e->node == NULL)
		return 1;
	for (const folio_node *a = e->node->parent; a; a = a->parent)
		if (a->kind == FOLIO_NODE_BIBLIOGRAPHY)
			return role_is(a, "database");
	return 0;
}

static void check_entries(struct bib *b)
{
	for (size_t i = 0; i < b->db.n; i++) {
		biblio_entry *e = b->db.v[i];
		/* a bibliomixed of a hand-written list prints as its author
		 * wrote it: nothing to check */
		if (!e->cited || e->as_written || biblio_only_abbrev(e))
			continue;
		if (e->title == NULL)
			folio_report(b->diag, FOLIO_WARNING, e->loc,
				     "the work '%s' has no title", e->key);
		if (e->year == NULL && !e->undated && e->type != BIB_WEBPAGE)
			folio_report(b->diag, FOLIO_WARNING, e->loc,
				     "the work '%s' has no year (write n.d. in pubdate "
				     "if it is undated)", e->key);
		/* a title written in the document's own list (by hand, or in
		 * a role="auto" list) is as its author meant it */
		if (b->style == &cite_style_apa && e->title && !e->title_nocase &&
		    from_database(e)) {
			char *full = cite_full_title(e->title, e->subtitle);
			char *hint = cite_sentence_case_hint(full);
			if (hint) {
				folio_report(b->diag, FOLIO_WARNING, e->loc,
					     "the title of '%s' looks like Title Case; APA "
					     "prints titles in sentence case", e->key);
				folio_report(b->diag, FOLIO_NOTE, e->loc,
					     "perhaps '%s' (keep the capitals of names)", hint);
			}
			free(hint);
			free(full);
		}
	}
}

/* xref and link to a database entry now reach its printed entry (the one
 * in the document's list, else the first list showing it). */
static void retarget(struct bib *b)
{
	for (size_t i = b->lists.n; i-- > 0;) {
		struct ref_list *l = b->lists.v[i];
		if (l->entries == NULL)
			continue;
		for (size_t k = 0; k < l->members.n; k++) {
			biblio_entry *e = l->members.v[k];
			if (e->node && (l->scope == NULL || e->node->target == NULL))
				e->node->target = l->entries[k];
		}
	}
	folio_node *root = b->doc->root;
	for (folio_node *n = root; n; n = folio_next(root, n, 0)) {
		folio_node *t = n->target;
		if (t && (t->kind == FOLIO_NODE_BIBLIOENTRY || t->kind == FOLIO_NODE_BIBLIOMIXED) &&
		    !(t->flags & FOLIO_FLAG_GENERATED) && t->target && t != n)
			n->target = t->target;
	}
}

/* The words and collator of a language, for the hand-written lists. */
static cite_ctx ctx_for_lang(void *arg, const char *lang_code)
{
	struct bib *b = arg;
	const folio_lang *lang = folio_lang_get(lang_code);
	cite_ctx ctx = { lang, cite_terms_get(lang_code),
			 bib_collator(b, lang->icu_locale), b->accessed };
	return ctx;
}

static void bib_free(struct bib *b)
{
	for (size_t i = 0; i < b->lists.n; i++) {
		struct ref_list *l = b->lists.v[i];
		VEC_FREE(l->members);
		hash_free(l->index);
		free(l);
	}
	VEC_FREE(b->lists);
	for (size_t i = 0; i < b->uses.n; i++) {
		struct cite_use *u = b->uses.v[i];
		free(u->items);
		free(u);
	}
	VEC_FREE(b->uses);
	biblio_db_free(&b->db);
	for (unsigned i = 0; i < b->ncolls; i++)
		collate_free(b->colls[i].coll);
}

int pass_citations(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	if (doc->root == NULL)
		return 0;
	struct bib b;
	memset(&b, 0, sizeof b);
	b.doc = doc;
	b.diag = diag;
	biblio_db_init(&b.db, doc->arena);
	b.style = choose_style(&b, opts);
	b.accessed = choose_accessed(&b, opts);
	collect_databases_and_lists(&b);
	hide_duplicate_lists(&b);
	collect_uses(&b);
	assign_lists(&b);
	assign_suffixes(&b);
	biblio_format_authored(doc, b.style, &b.db, b.accessed, ctx_for_lang, &b);
	for (size_t i = 0; i < b.lists.n; i++)
		build_list(&b, b.lists.v[i], (unsigned)i + 1);
	for (size_t i = 0; i < b.uses.n; i++)
		write_citation(&b, b.uses.v[i]);
	check_entries(&b);
	retarget(&b);
	struct ref_list *whole = list_for_scope(&b, NULL);
	doc->bibliography = whole && whole->entries ? whole->node : NULL;
	bib_free(&b);
	return 0;
}
