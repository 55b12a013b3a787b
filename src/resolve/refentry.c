/*
 * refentry: the punctuation DocBook XSL puts into a reference page's name
 * line, made as generated text so that every back end prints it:
 * "ls, dir — list directory contents" from refname, refname, refpurpose.
 */
#include "resolve/resolve.h"

#include <string.h>

static void put_before(folio_doc *doc, folio_node *n, const char *text)
{
	folio_node *t = folio_text_new(doc, text, strlen(text), n->loc);
	t->flags |= FOLIO_FLAG_GENERATED;
	t->origin = n;
	folio_node_insert_before(n, t);
}

static void punctuate(folio_doc *doc, folio_node *div)
{
	int names = 0;
	for (folio_node *c = div->first; c; c = c->next) {
		if (c->kind == FOLIO_NODE_REFNAME) {
			if (names++)
				put_before(doc, c, ", ");
		} else if (c->kind == FOLIO_NODE_REFPURPOSE && names) {
			put_before(doc, c, " \u2014 ");
		}
	}
}

int pass_refentry(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	(void)opts;
	(void)diag;
	if (doc->root == NULL)
		return 0;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == FOLIO_NODE_REFNAMEDIV)
			punctuate(doc, n);
	return 0;
}
