/*
 * joiners: what stands between the parts of the few elements whose
 * children are written without text of their own between them, as
 * DocBook's stylesheets print them: a menu path ("File → Open"), a key
 * combination ("Ctrl+S", by its action attribute), an inline simple
 * list ("one, two"); and how many columns a simple list of type horiz
 * or vert asks for; the segtitle a segmentedlist's seg is printed
 * under.  The back ends share it so the PDF, the EPUB and
 * the text say the same.
 */
#include "folio/tree.h"

#include <stdlib.h>
#include <string.h>

/* keycombo's action: how the keys are pressed, what joins them. */
static const struct {
	const char *action, *joiner;
} key_actions[] = {
	{ "seq", " " },          /* one after the other */
	{ "simul", "+" },        /* together */
	{ "press", "-" },
	{ "click", "-" },
	{ "double-click", "-" },
	{ "other", "" },
};

static const char *keycombo_joiner(const folio_node *combo)
{
	const char *action = folio_node_attr(combo, "action");
	if (action)
		for (size_t i = 0; i < sizeof key_actions / sizeof key_actions[0]; i++)
			if (strcmp(action, key_actions[i].action) == 0)
				return key_actions[i].joiner;
	return "+";
}

const char *folio_joiner(const folio_node *parent)
{
	if (parent == NULL)
		return NULL;
	switch (parent->kind) {
	case FOLIO_NODE_MENUCHOICE:
		return " \xe2\x86\x92 ";
	case FOLIO_NODE_KEYCOMBO:
		return keycombo_joiner(parent);
	case FOLIO_NODE_SIMPLELIST: {
		const char *type = folio_node_attr(parent, "type");
		return type && strcmp(type, "inline") == 0 ? ", " : NULL;
	}
	default:
		return NULL;
	}
}

const char *folio_joiner_before(const folio_node *n)
{
	if (n->kind == FOLIO_NODE_TEXT || n->parent == NULL)
		return NULL;
	const char *joiner = folio_joiner(n->parent);
	if (joiner == NULL)
		return NULL;
	for (const folio_node *p = n->prev; p; p = p->prev)
		if (p->kind != FOLIO_NODE_TEXT && !(p->flags & FOLIO_FLAG_HIDDEN))
			return joiner;
	return NULL;
}

int folio_simplelist_columns(const folio_node *list, int *across)
{
	const char *type = folio_node_attr(list, "type");
	const char *cols = folio_node_attr(list, "columns");
	*across = type && strcmp(type, "horiz") == 0;
	if (!type || !cols || (strcmp(type, "horiz") && strcmp(type, "vert")))
		return 1;
	long k = strtol(cols, NULL, 10);
	if (k < 1)
		return 1;
	return k > FOLIO_SIMPLELIST_MAX_COLS ? FOLIO_SIMPLELIST_MAX_COLS : (int)k;
}

folio_node *folio_seg_title(const folio_node *seg)
{
	const folio_node *item = seg->parent;
	if (item == NULL || item->parent == NULL)
		return NULL;
	unsigned k = 0;
	for (const folio_node *p = seg->prev; p; p = p->prev)
		k += p->kind == FOLIO_NODE_SEG;
	for (folio_node *t = item->parent->first; t; t = t->next)
		if (t->kind == FOLIO_NODE_SEGTITLE && k-- == 0)
			return t;
	return NULL;
}
