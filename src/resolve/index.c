/*
 * index: the back-of-book index pass.  Collects indexterm marks (primary,
 * secondary, tertiary, see, seealso, sortas, significance, ranges with
 * class="startofrange"/"endofrange" and startref), and, when asked, the
 * glossary terms used in the text; merges equal terms (case- and
 * space-insensitively), sorts them with the language's collation, and
 * builds the index where the document asks for it.
 *
 * Where: the first index element that is empty or has role="auto" gets
 * the generated content; without one, an index is added at the end of
 * the book when the text has index terms.  Glossary terms feed the index
 * with opts->glossary_in_index, or when that index element's role holds
 * the token "glossary-terms".
 *
 * What (the contract with the back ends): INDEXDIV per letter group
 * (title = the letter; symbols and digits first) > INDEXENTRY >
 * PRIMARYIE, SECONDARYIE, TERTIARYIE, each holding the term's text, a
 * GEN_LOCATORS node (for="index", refs = the indexterm nodes in document
 * order, a range's endofrange right after its startofrange) and the
 * see/see-also references: ". ", *Lihat* or *Lihat juga*, a LINK to the
 * entry referred to.
 */
#include "resolve/collate.h"
#include "resolve/gentree.h"
#include "util/vec.h"
#include "resolve/resolve.h"
#include "folio/lang.h"
#include "util/hash.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ix_see {
	char *text;        /* the target as written: "kelompok, swabantu" */
	folio_node *node;  /* the see/seealso element */
	int also;
};

struct ix_entry {
	char *text;          /* the term as printed (heap, squeezed) */
	const char *sort;    /* sortas, or text */
	char *path;          /* folded path "primary\x1fsecondary" (hash key) */
	int level;           /* 0 primary, 1 secondary, 2 tertiary */
	ptrvec refs;         /* indexterm (or glossterm) nodes */
	ptrvec children;     /* struct ix_entry * */
	ptrvec sees;         /* struct ix_see * */
	folio_node *gen;     /* its generated PRIMARYIE/SECONDARYIE/TERTIARYIE */
};

struct ix {
	folio_doc *doc;
	folio_diag *diag;
	ptrvec top;          /* primary entries */
	folio_hash *by_path; /* path -> entry */
	ptrvec all;          /* every entry, to free */
	ptrvec terms;        /* indexterm nodes in document order */
	folio_hash *starts;  /* xml:id of a startofrange -> indexterm */
	folio_hash *start_entry; /* the same id -> its entry */
	folio_hash *ended;   /* xml:id of a startofrange that has its end */
	folio_node *index;   /* where the index goes, or NULL */
	int glossary_terms;
};

static int has_token(const char *list, const char *token)
{
	if (list == NULL)
		return 0;
	size_t tl = strlen(token);
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n == tl && strncasecmp(p, token, n) == 0)
			return 1;
		p += n;
	}
	return 0;
}

/* ---- the tree of terms ---- */

static struct ix_entry *entry_for(struct ix *x, struct ix_entry *parent,
				  const char *text, const char *sortas)
{
	char *sq = collate_squeeze(text);
	char *fold = collate_fold(sq);
	strbuf path = STRBUF_INIT;
	if (parent) {
		sb_puts(&path, parent->path);
		sb_putc(&path, '\x1f');
	}
	sb_puts(&path, fold);
	free(fold);
	struct ix_entry *e = hash_get(x->by_path, sb_str(&path));
	if (e) {
		free(sq);
		sb_free(&path);
		return e;
	}
	e = xcalloc(1, sizeof(*e));
	e->text = sq;
	e->sort = sortas ? sortas : e->text;
	e->path = sb_take(&path);
	e->level = parent ? parent->level + 1 : 0;
	hash_put(x->by_path, e->path, e);
	VEC_PUSH(*(parent ? &parent->children : &x->top), e);
	VEC_PUSH(x->all, e);
	return e;
}

static char *node_text(struct ix *x, const folio_node *n)
{
	return collate_squeeze(folio_node_text(x->doc, n));
}

/* ---- collecting ---- */

static int is_range_end(const folio_node *t)
{
	const char *cls = folio_node_attr(t, "class");
	return cls && strcasecmp(cls, "endofrange") == 0;
}

static int is_range_start(const folio_node *t)
{
	const char *cls = folio_node_attr(t, "class");
	return cls && strcasecmp(cls, "startofrange") == 0;
}

static void add_sees(struct ix *x, struct ix_entry *e, folio_node *term)
{
	for (folio_node *c = term->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_SEE && c->kind != FOLIO_NODE_SEEALSO)
			continue;
		char *text = node_text(x, c);
		if (text[0] == '\0') {
			folio_report(x->diag, FOLIO_ERROR, c->loc, "empty %s in an indexterm",
				     c->name);
			free(text);
			continue;
		}
		/* the same reference from several indexterms counts once */
		int dup = 0;
		for (size_t i = 0; i < e->sees.n && !dup; i++) {
			struct ix_see *s = e->sees.v[i];
			dup = s->also == (c->kind == FOLIO_NODE_SEEALSO) &&
			      strcmp(s->text, text) == 0;
		}
		if (dup) {
			free(text);
			continue;
		}
		struct ix_see *s = xcalloc(1, sizeof(*s));
		s->text = text;
		s->node = c;
		s->also = c->kind == FOLIO_NODE_SEEALSO;
		VEC_PUSH(e->sees, s);
	}
}

static void add_indexterm(struct ix *x, folio_node *term)
{
	if (is_range_end(term))
		return; /* placed after its start (collect_ranges) */
	folio_node *levels[3] = {
		folio_node_child(term, FOLIO_NODE_PRIMARY),
		folio_node_child(term, FOLIO_NODE_SECONDARY),
		folio_node_child(term, FOLIO_NODE_TERTIARY),
	};
	char *primary = levels[0] ? node_text(x, levels[0]) : xstrdup("");
	if (primary[0] == '\0') {
		folio_report(x->diag, FOLIO_ERROR, levels[0] ? levels[0]->loc : term->loc,
			     "indexterm with an empty primary");
		free(primary);
		return;
	}
	free(primary);
	struct ix_entry *e = NULL;
	for (int i = 0; i < 3 && levels[i]; i++) {
		char *t = node_text(x, levels[i]);
		if (t[0] == '\0') {
			free(t);
			break;
		}
		const char *sortas = folio_node_attr(levels[i], "sortas");
		e = entry_for(x, e, t, sortas);
		free(t);
	}
	int has_see = folio_node_child(term, FOLIO_NODE_SEE) != NULL;
	add_sees(x, e, term);
	/* "see" entries point elsewhere and have no page of their own */
	if (!has_see)
		VEC_PUSH(e->refs, term);
	if (is_range_start(term) && term->id && !has_see) {
		hash_put(x->starts, term->id, term);
		hash_put(x->start_entry, term->id, e);
	}
}

/* Glossary terms used in the text (their targets are the generated
 * glossary's entries) join the index under the entry's term. */
static void add_glossary_use(struct ix *x, folio_node *use)
{
	folio_node *entry = use->target;
	if (entry == NULL || entry->kind != FOLIO_NODE_GLOSSENTRY)
		return;
	folio_node *term = folio_node_child(entry, FOLIO_NODE_GLOSSTERM);
	if (term == NULL)
		return;
	char *t = node_text(x, term);
	if (t[0]) {
		const char *sortas = entry->origin ? folio_node_attr(entry->origin, "sortas") : NULL;
		struct ix_entry *e = entry_for(x, NULL, t, sortas);
		VEC_PUSH(e->refs, use);
	}
	free(t);
}

static int is_generation_point(const folio_node *n)
{
	if (n->kind != FOLIO_NODE_INDEX || (n->flags & FOLIO_FLAG_GENERATED))
		return 0;
	if (has_token(n->role, "auto"))
		return 1;
	for (folio_node *c = n->first; c; c = c->next)
		if (c->kind == FOLIO_NODE_INDEXENTRY || c->kind == FOLIO_NODE_INDEXDIV)
			return 0;
	return 1;
}

static void collect(struct ix *x)
{
	folio_node *root = x->doc->root;
	for (folio_node *n = root; n;) {
		int skip = (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_GENERATED)) != 0;
		if (!skip && is_generation_point(n)) {
			if (x->index == NULL) {
				x->index = n;
			} else {
				folio_report(x->diag, FOLIO_WARNING, n->loc,
					     "only the first index is generated; this one stays empty");
				n->flags |= FOLIO_FLAG_HIDDEN;
			}
			skip = 1;
		} else if (!skip && n->kind == FOLIO_NODE_INDEXTERM) {
			VEC_PUSH(x->terms, n);
			skip = 1;
		}
		n = folio_next(root, n, skip);
	}
	if (x->index && has_token(x->index->role, "glossary-terms"))
		x->glossary_terms = 1;
	for (size_t i = 0; i < x->terms.n; i++)
		add_indexterm(x, x->terms.v[i]);
}

static void collect_glossary_uses(struct ix *x)
{
	folio_node *root = x->doc->root;
	for (folio_node *n = root; n;) {
		int skip = (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_GENERATED)) != 0 ||
			   n->kind == FOLIO_NODE_GLOSSARY;
		if (!skip && (n->kind == FOLIO_NODE_GLOSSTERM || n->kind == FOLIO_NODE_FIRSTTERM))
			add_glossary_use(x, n);
		n = folio_next(root, n, skip);
	}
}

static int by_serial(void *ctx, const void *a, const void *b)
{
	(void)ctx;
	const folio_node *x = a, *y = b;
	return (x->serial > y->serial) - (x->serial < y->serial);
}

/* Locators in document order (glossary uses were added after the
 * indexterms); then each endofrange goes right after its startofrange
 * in the start's entry, so back ends can print the range. */
static void collect_ranges(struct ix *x)
{
	for (size_t k = 0; k < x->all.n; k++) {
		struct ix_entry *e = x->all.v[k];
		vec_sort_ptrs(e->refs.v, e->refs.n, by_serial, NULL);
	}
	for (size_t i = 0; i < x->terms.n; i++) {
		folio_node *t = x->terms.v[i];
		if (!is_range_end(t))
			continue;
		const char *ref = folio_node_attr(t, "startref");
		folio_node *start = ref ? hash_get(x->starts, ref) : NULL;
		if (start == NULL) {
			folio_report(x->diag, FOLIO_ERROR, t->loc,
				     "endofrange without its startofrange%s%s%s",
				     ref ? " ('" : "", ref ? ref : "", ref ? "')" : "");
			continue;
		}
		if (hash_get(x->ended, ref)) {
			folio_report(x->diag, FOLIO_ERROR, t->loc,
				     "a second endofrange for '%s'", ref);
			continue;
		}
		hash_put(x->ended, ref, t);
		struct ix_entry *e = hash_get(x->start_entry, ref);
		for (size_t r = 0; r < e->refs.n; r++) {
			if (e->refs.v[r] != start)
				continue;
			VEC_PUSH(e->refs, NULL);
			memmove(&e->refs.v[r + 2], &e->refs.v[r + 1],
				(e->refs.n - r - 2) * sizeof(void *));
			e->refs.v[r + 1] = t;
			break;
		}
	}
	size_t pos = 0;
	const char *id;
	void *v;
	while (hash_next(x->starts, &pos, &id, &v)) {
		folio_node *start = v;
		if (hash_get(x->ended, id) == NULL)
			folio_report(x->diag, FOLIO_WARNING, start->loc,
				     "startofrange '%s' has no endofrange", id);
	}
}

/* ---- see and see also ---- */

static struct ix_entry *find_path(struct ix *x, const char *text)
{
	/* the whole text as a primary ("Kementerian Sosial, Republik"),
	 * else levels separated by commas ("kelompok, swabantu") */
	char *fold = collate_fold(text);
	struct ix_entry *e = hash_get(x->by_path, fold);
	if (e == NULL) {
		strbuf path = STRBUF_INIT;
		for (const char *p = fold; *p;) {
			size_t n = strcspn(p, ",");
			char *part = xstrndup(p, n);
			char *sq = collate_squeeze(part);
			if (path.len)
				sb_putc(&path, '\x1f');
			sb_puts(&path, sq);
			free(sq);
			free(part);
			p += n;
			if (*p == ',')
				p++;
		}
		e = hash_get(x->by_path, sb_str(&path));
		sb_free(&path);
	}
	free(fold);
	return e;
}

static void check_sees(struct ix *x)
{
	for (size_t k = 0; k < x->all.n; k++) {
		struct ix_entry *e = x->all.v[k];
		for (size_t i = 0; i < e->sees.n; i++) {
			struct ix_see *s = e->sees.v[i];
			struct ix_entry *t = find_path(x, s->text);
			if (t == NULL)
				folio_report(x->diag, FOLIO_ERROR, s->node->loc,
					     "%s '%s' names no entry of the index",
					     s->node->name, s->text);
			else if (t == e)
				folio_report(x->diag, FOLIO_ERROR, s->node->loc,
					     "%s '%s' points to its own entry",
					     s->node->name, s->text);
		}
	}
}

/* ---- building ---- */

static int by_sort(void *coll, const void *a, const void *b)
{
	const struct ix_entry *x = a, *y = b;
	return collate_cmp(coll, x->sort, y->sort);
}

static void sort_level(ptrvec *v, collator *coll)
{
	vec_sort_ptrs(v->v, v->n, by_sort, coll);
	/* symbols and digits before letters, each group in order */
	ptrvec letters = { 0 };
	size_t k = 0;
	char g[16];
	for (size_t i = 0; i < v->n; i++) {
		struct ix_entry *e = v->v[i];
		if (collate_group(coll, e->sort, g, sizeof g))
			VEC_PUSH(letters, e);
		else
			v->v[k++] = e;
	}
	for (size_t i = 0; i < letters.n; i++)
		v->v[k + i] = letters.v[i];
	VEC_FREE(letters);
}

/* Primaries, then each one's secondaries, then their tertiaries: three
 * levels by construction, so three loops. */
static void sort_entries(ptrvec *top, collator *coll)
{
	sort_level(top, coll);
	for (size_t i = 0; i < top->n; i++) {
		struct ix_entry *p = top->v[i];
		sort_level(&p->children, coll);
		for (size_t j = 0; j < p->children.n; j++)
			sort_level(&((struct ix_entry *)p->children.v[j])->children, coll);
	}
}

static folio_node_kind level_kind(int level)
{
	return level == 0 ? FOLIO_NODE_PRIMARYIE
	     : level == 1 ? FOLIO_NODE_SECONDARYIE : FOLIO_NODE_TERTIARYIE;
}

static void add_locators(struct ix *x, folio_node *parent, struct ix_entry *e)
{
	if (e->refs.n == 0)
		return;
	folio_node *loc = gen_node(x->doc, parent, FOLIO_NODE_GEN_LOCATORS, e->refs.v[0]);
	folio_node_set_attr(x->doc, loc, "for", "index");
	loc->refs = arena_alloc(x->doc->arena, e->refs.n * sizeof(*loc->refs));
	for (size_t i = 0; i < e->refs.n; i++)
		loc->refs[i] = e->refs.v[i];
	loc->nrefs = (unsigned)e->refs.n;
}

/* One entry and, after it, its sub-entries, flattened into the
 * INDEXENTRY as DocBook does.  The sub-entries are walked with an
 * explicit stack: three levels at most, but no recursion anyway. */
static void build_entry(struct ix *x, folio_node *div, struct ix_entry *top)
{
	folio_node *ie = gen_node(x->doc, div, FOLIO_NODE_INDEXENTRY, div);
	ptrvec stack = { 0 };
	VEC_PUSH(stack, top);
	while (stack.n) {
		struct ix_entry *e = stack.v[--stack.n];
		folio_node *origin = e->refs.n ? e->refs.v[0] : ie;
		e->gen = gen_node(x->doc, ie, level_kind(e->level), origin);
		gen_text(x->doc, e->gen, e->text, origin);
		add_locators(x, e->gen, e);
		for (size_t i = e->children.n; i-- > 0;)
			VEC_PUSH(stack, e->children.v[i]);
	}
	VEC_FREE(stack);
}

static void capitalized(char *buf, size_t size, const char *word)
{
	snprintf(buf, size, "%s", word);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* ". *Lihat* kelompok, swabantu" and ". *Lihat juga* ..." after the
 * locators, each target a link. */
static void add_see_text(struct ix *x, struct ix_entry *e, const folio_lang *lang)
{
	for (int also = 0; also <= 1; also++) {
		int first = 1;
		for (size_t i = 0; i < e->sees.n; i++) {
			struct ix_see *s = e->sees.v[i];
			struct ix_entry *t = s->also == also ? find_path(x, s->text) : NULL;
			if (t == NULL || t == e || t->gen == NULL)
				continue;
			if (first) {
				gen_text(x->doc, e->gen, ". ", s->node);
				folio_node *em = gen_node(x->doc, e->gen, FOLIO_NODE_EMPHASIS, s->node);
				char word[64];
				capitalized(word, sizeof word, also ? lang->see_also : lang->see);
				gen_text(x->doc, em, word, s->node);
				gen_text(x->doc, e->gen, " ", s->node);
				first = 0;
			} else {
				gen_text(x->doc, e->gen, "; ", s->node);
			}
			folio_node *link = gen_node(x->doc, e->gen, FOLIO_NODE_LINK, s->node);
			link->target = t->gen;
			gen_text(x->doc, link, s->text, s->node);
		}
	}
}

static void build_index(struct ix *x)
{
	folio_node *index = x->index;
	if (index == NULL) {
		folio_node *root = x->doc->root;
		index = gen_node(x->doc, root, FOLIO_NODE_INDEX, root);
		index->flags |= FOLIO_FLAG_BACKMATTER;
		index->depth = root->depth + 1;
	}
	const char *code = index->lang ? index->lang : x->doc->lang;
	const folio_lang *lang = folio_lang_get(code);
	if (folio_node_title(index) == NULL) {
		folio_node *t = gen_node(x->doc, NULL, FOLIO_NODE_TITLE, index);
		t->lang = index->lang;
		gen_text(x->doc, t, lang->index, index);
		if (index->first)
			folio_node_insert_before(index->first, t);
		else
			folio_node_append(index, t);
	}
	collator *coll = collate_new(lang->icu_locale);
	sort_entries(&x->top, coll);
	folio_node *div = NULL;
	char current[16] = "", group[16];
	for (size_t i = 0; i < x->top.n; i++) {
		struct ix_entry *e = x->top.v[i];
		if (!collate_group(coll, e->sort, group, sizeof group))
			group[0] = '\0';
		if (div == NULL || strcmp(group, current) != 0) {
			div = gen_node(x->doc, index, FOLIO_NODE_INDEXDIV, index);
			div->depth = index->depth + 1;
			gen_title(x->doc, div, group[0] ? group : lang->symbols, index);
			snprintf(current, sizeof current, "%s", group);
		}
		build_entry(x, div, e);
	}
	for (size_t k = 0; k < x->all.n; k++)
		add_see_text(x, x->all.v[k], lang);
	collate_free(coll);
	x->doc->index = index;
}

static void ix_free(struct ix *x)
{
	for (size_t i = 0; i < x->all.n; i++) {
		struct ix_entry *e = x->all.v[i];
		for (size_t k = 0; k < e->sees.n; k++) {
			struct ix_see *s = e->sees.v[k];
			free(s->text);
			free(s);
		}
		VEC_FREE(e->sees);
		VEC_FREE(e->refs);
		VEC_FREE(e->children);
		free(e->text);
		free(e->path);
		free(e);
	}
	VEC_FREE(x->all);
	VEC_FREE(x->top);
	VEC_FREE(x->terms);
	hash_free(x->by_path);
	hash_free(x->starts);
	hash_free(x->start_entry);
	hash_free(x->ended);
}

int pass_index(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	if (doc->root == NULL)
		return 0;
	struct ix x;
	memset(&x, 0, sizeof x);
	x.doc = doc;
	x.diag = diag;
	x.by_path = hash_new();
	x.starts = hash_new();
	x.start_entry = hash_new();
	x.ended = hash_new();
	collect(&x);
	if (x.glossary_terms || (opts && opts->glossary_in_index))
		collect_glossary_uses(&x);
	collect_ranges(&x);
	check_sees(&x);
	if (x.top.n > 0)
		build_index(&x);
	else if (x.index)
		x.index->flags |= FOLIO_FLAG_HIDDEN; /* nothing to list */
	ix_free(&x);
	return 0;
}
