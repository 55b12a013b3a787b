/*
 * ctx: small services of the layout context: node keys for the page
 * tables and the once-per-character missing-glyph warning.
 */
#include "layout/ctx.h"
#include "layout/pageref.h"

#include <stdio.h>
#include <string.h>

const char *ctx_node_key(char *buf, size_t size, const folio_node *n)
{
	snprintf(buf, size, "%u", n->serial);
	return buf;
}

/* Marks every node with an id, every link target and every locator's
 * place: one walk of the tree per run.  The same walk starts loading the
 * hyphenation dictionaries of the languages the text uses. */
static void build_needed(lay_ctx *c)
{
	folio_doc *doc = c->doc;
	unsigned nneeded = doc->node_count + 1;
	unsigned char *needed = arena_alloc(c->run_arena, nneeded);
	const char *langs[8];
	int nlangs = 0;
	if (c->hyph && doc->lang)
		hyph_preload(c->hyph, langs[nlangs++] = doc->lang);
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0)) {
		if (n->lang && c->hyph && nlangs < 8) {
			int seen = 0;
			for (int i = 0; i < nlangs && !seen; i++)
				seen = langs[i] == n->lang || strcmp(langs[i], n->lang) == 0;
			if (!seen)
				hyph_preload(c->hyph, langs[nlangs++] = n->lang);
		}
		if (n->id && n->serial < nneeded)
			needed[n->serial] = 1;
		if (n->target && n->target->serial < nneeded)
			needed[n->target->serial] = 1;
		/* an xref's own page decides whether it prints the target's */
		if (n->kind == FOLIO_NODE_XREF && n->target && pageref_wanted(c, n))
			needed[n->serial] = 1;
		for (unsigned r = 0; r < n->nrefs; r++)
			if (n->refs[r]->serial < nneeded)
				needed[n->refs[r]->serial] = 1;
	}
	c->needed = needed;
	c->nneeded = nneeded;
}

int ctx_needs_anchor(lay_ctx *c, const folio_node *n)
{
	if (n->id)
		return 1;
	if (c->needed == NULL || c->nneeded != c->doc->node_count + 1)
		build_needed(c);
	return n->serial < c->nneeded && c->needed[n->serial];
}

const char *ctx_prev_label(const lay_ctx *c, const folio_node *n, int *page)
{
	if (page)
		*page = -1;
	if (c->prev_labels == NULL)
		return "00";
	if (n->serial > c->doc->node_count)
		return NULL;
	if (page && c->prev_pages[n->serial])
		*page = (int)c->prev_pages[n->serial] - 1;
	return c->prev_labels[n->serial];
}

void ctx_prepare(lay_ctx *c)
{
	build_needed(c);
}

void ctx_missing_glyph(lay_ctx *c, uint32_t cp, const folio_node *where)
{
	char key[32];
	snprintf(key, sizeof key, "U+%04X", (unsigned)cp);
	if (hash_get(c->warned, key))
		return;
	hash_put(c->warned, arena_strdup(c->run_arena, key), (void *)1);
	if (c->quiet)
		return;
	folio_loc loc = where ? where->loc : (folio_loc){ c->doc->path, 0, 0 };
	folio_report(c->diag, FOLIO_WARNING, loc,
		     "no font in the font manifest (fonts/fonts.conf) has "
		     "U+%04X; it prints as a missing-glyph box", (unsigned)cp);
}
