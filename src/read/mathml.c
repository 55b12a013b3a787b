/*
 * mathml: MathML elements in the sources (read.h).  They become
 * FOLIO_NODE_MATHML nodes (folio/mathml.h) built by sax.c like DocBook
 * elements; this file says which are supported (one warning per name for
 * the others, whose text is kept) and settles their white space when
 * they end, as MathML does: a token's text is collapsed and trimmed, and
 * blanks between the children of any other element are not content.
 */
#include "folio/mathml.h"
#include "read/read.h"
#include "util/arena.h"
#include "util/hash.h"

#include <stdio.h>
#include <string.h>

void read_mathml_check(source *s, folio_loc loc, const char *name)
{
	if (folio_mml_from_name(name) != FOLIO_MML_UNSUPPORTED)
		return;
	char key[300];
	snprintf(key, sizeof key, "mathml:%s", name);
	if (hash_get(s->r->warned, key))
		return;
	const char *k = arena_strdup(s->r->doc->arena, key);
	hash_put(s->r->warned, k, (void *)k);
	folio_report(s->r->diag, FOLIO_WARNING, loc,
		     "MathML element <%s> is not supported (folio typesets presentation MathML); its text is kept",
		     name);
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A token's text children: runs of white space made one space, the ends
 * of the token trimmed. */
static void collapse_token(folio_doc *doc, folio_node *n)
{
	int space = 0, start = 1;
	folio_node *last_text = NULL;
	for (folio_node *c = n->first; c; c = c->next) {
		if (c->kind != FOLIO_NODE_TEXT)
			continue;
		char *out = arena_alloc(doc->arena, c->len + 1);
		size_t k = 0;
		for (size_t i = 0; i < c->len; i++) {
			if (blank(c->text[i])) {
				space = 1;
				continue;
			}
			if (space && !start)
				out[k++] = ' ';
			space = 0;
			start = 0;
			out[k++] = c->text[i];
		}
		out[k] = '\0';
		c->text = out;
		c->len = k;
		last_text = c;
	}
	(void)last_text;
	folio_node *c = n->first;
	while (c) {
		folio_node *next = c->next;
		if (c->kind == FOLIO_NODE_TEXT && c->len == 0)
			folio_node_unlink(c);
		c = next;
	}
}

void read_mathml_settle(folio_doc *doc, folio_node *n)
{
	folio_mml m = folio_mml_of(n);
	if (m != FOLIO_MML_UNSUPPORTED &&
	    folio_mml_shape_of(m) == FOLIO_MML_SHAPE_TOKEN) {
		collapse_token(doc, n);
		return;
	}
	folio_node *c = n->first;
	while (c) {
		folio_node *next = c->next;
		if (c->kind == FOLIO_NODE_TEXT) {
			size_t i = 0;
			while (i < c->len && blank(c->text[i]))
				i++;
			if (i == c->len)
				folio_node_unlink(c);
		}
		c = next;
	}
}
