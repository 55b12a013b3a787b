/*
 * locators: the page lists of glossary and index entries ("hlm. 3,
 * 5–7"), from the places resolve collected (FOLIO_NODE_GEN_LOCATORS)
 * and the page labels of the previous pass: each page a link, runs of
 * pages and index ranges merged, preferred places in bold.
 */
#include "layout/flow_walk.h"

#include <stdlib.h>
#include <string.h>

static const char *page_label_of(flow *f, const folio_node *n, int *page)
{
	return ctx_prev_label(f->c, n, page);
}

typedef struct loc_ref {
	int page;                /* physical page index, -1 unknown */
	int last;                /* a range's last page; page otherwise */
	unsigned order;          /* position in refs: ties keep it */
	const char *label;
	const char *last_label;  /* the range's end label, or NULL */
	const folio_node *node;
	const folio_node *last_node;
	int preferred;           /* significance="preferred": set in bold */
} loc_ref;

static int loc_cmp(const void *a, const void *b)
{
	const loc_ref *x = a, *y = b;
	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int has_class(const folio_node *n, const char *cls)
{
	const char *c = folio_node_attr(n, "class");
	return c && strcmp(c, cls) == 0;
}

/* The endofrange mark that closes start (resolve lists it right after
 * its start), or NULL. */
static const folio_node *range_end(const folio_node *loc, unsigned i)
{
	const folio_node *start = loc->refs[i];
	if (!has_class(start, "startofrange") || start->id == NULL)
		return NULL;
	for (unsigned j = i + 1; j < loc->nrefs; j++) {
		const folio_node *e = loc->refs[j];
		const char *ref = folio_node_attr(e, "startref");
		if (has_class(e, "endofrange") && ref && strcmp(ref, start->id) == 0)
			return e;
	}
	return NULL;
}

static void locator_label(flow *f, const loc_ref *r, const char *label,
			  const folio_node *target)
{
	state saved = f->s;
	f->s.link = target;
	f->s.bold = r->preferred;
	fl_add_text(f, label);
	f->s = saved;
}

/* The label and node of page reach, the last of the run refs[i..j]: a
 * range's end when one ends there, else the ref on that page. */
static void run_end(const loc_ref *r, unsigned i, unsigned j, int reach,
		    const char **label, const folio_node **node)
{
	*label = r[i].label;
	*node = r[i].node;
	for (unsigned t = i; t <= j; t++) {
		if (r[t].last_label && r[t].last == reach) {
			*label = r[t].last_label;
			*node = r[t].last_node;
			return;
		}
		if (r[t].page == reach) {
			*label = r[t].label;
			*node = r[t].node;
		}
	}
}

/* "hlm. 3, 5–7": each page a link; consecutive pages and the pages an
 * index range (startofrange .. endofrange) spans are merged; preferred
 * locators in bold.  The refs are sorted by page (a term used a thousand
 * times in a long book costs n log n), the first ref of each page kept. */
static void locators(flow *f, const folio_node *loc)
{
	const char *for_ = folio_node_attr(loc, "for");
	int glossary = for_ && strcmp(for_, "glossary") == 0;
	unsigned n = loc->nrefs;
	loc_ref *refs = xcalloc(n + 1, sizeof(loc_ref));
	unsigned m = 0;
	for (unsigned i = 0; i < n; i++) {
		const folio_node *node = loc->refs[i];
		if (has_class(node, "endofrange"))
			continue; /* its start carries the range */
		int pg;
		const char *l = page_label_of(f, node, &pg);
		if (l == NULL)
			continue;
		const char *pref = folio_node_attr(node, "significance");
		loc_ref r = { pg, pg, i, l, NULL, node, node,
			      pref && strcmp(pref, "preferred") == 0 };
		const folio_node *end = range_end(loc, i);
		int last;
		const char *ll = end ? page_label_of(f, end, &last) : NULL;
		if (ll && last > pg) {
			r.last = last;
			r.last_label = ll;
			r.last_node = end;
		}
		refs[m++] = r;
	}
	qsort(refs, m, sizeof(loc_ref), loc_cmp);
	unsigned k = 0;
	for (unsigned i = 0; i < m; i++) {
		loc_ref *prev = k ? &refs[k - 1] : NULL;
		if (prev && refs[i].page >= 0 && refs[i].page == prev->page &&
		    refs[i].last <= prev->last) {
			prev->preferred |= refs[i].preferred;
			continue;
		}
		refs[k++] = refs[i];
	}
	m = k;
	if (m == 0) {
		free(refs);
		return;
	}
	state saved = f->s;
	if (glossary) {
		fl_add_text(f, f->c->lang->page_abbrev);
		fl_add_text(f, "\u00a0");
	}
	for (unsigned i = 0; i < m;) {
		/* A run of pages each following the last, or within a range. */
		unsigned j = i;
		int reach = refs[i].last;
		while (j + 1 < m && refs[i].page >= 0 && refs[j + 1].page >= 0 &&
		       refs[j + 1].page <= reach + 1 && !refs[j + 1].preferred &&
		       !refs[i].preferred) {
			j++;
			if (refs[j].last > reach)
				reach = refs[j].last;
		}
		if (i > 0)
			fl_add_text(f, ", ");
		locator_label(f, &refs[i], refs[i].label, refs[i].node);
		if (reach > refs[i].page) {
			const char *label;
			const folio_node *node;
			run_end(refs, i, j, reach, &label, &node);
			fl_add_text(f, "\u2013");
			locator_label(f, &refs[i], label, node);
		}
		i = j + 1;
	}
	f->s = saved;
	free(refs);
}


static void exit_locators(flow *f, const folio_node *n, frame *fr)
{
	(void)n;
	fl_end_para_as(f, 0, 0);
	f->s = fr->saved;
}

/* A glossary entry's page list on its own indented line; an index
 * entry's after its term. */
int fl_enter_locators(flow *f, const folio_node *n, frame *fr)
{
	const folio_node *prev = n->prev;
	while (prev && prev->kind == FOLIO_NODE_TEXT && prev->len == 0)
		prev = prev->prev;
	if (n->parent && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
		fl_end_para(f);
		f->s.left += f->c->st->list_indent;
		fr->exit = exit_locators;
	} else if (prev) {
		fl_add_text(f, ", ");
	}
	locators(f, n);
	return 0;
}
