/*
 * direction: the writing direction of a node, from DocBook 5.1's dir
 * attribute and from the language (Arabic, Hebrew, Persian, Urdu... are
 * written right to left).  The layout's bidirectional text (layout/bidi.c)
 * and the EPUB's dir attributes read the same answer.
 */
#include "folio/tree.h"
#include "folio/lang.h"

#include <string.h>

static folio_dir dir_from_attr(const folio_node *n)
{
	if (n->nattrs == 0)
		return FOLIO_DIR_NONE;
	const char *v = folio_node_attr(n, "dir");
	if (v == NULL)
		return FOLIO_DIR_NONE;
	static const struct {
		const char *name;
		folio_dir dir;
	} names[] = {
		{ "ltr", FOLIO_DIR_LTR }, { "rtl", FOLIO_DIR_RTL },
		{ "lro", FOLIO_DIR_LRO }, { "rlo", FOLIO_DIR_RLO },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(v, names[i].name) == 0)
			return names[i].dir;
	return FOLIO_DIR_NONE;
}

/* folio_lang_rtl, remembered for the last few tags asked on this thread:
 * a walk asks about the same few tags (an element's and its parent's)
 * again and again, and each answer compares the tag with every
 * right-to-left language. */
#define LANG_MEMO 4
static int lang_rtl(const char *tag)
{
	static _Thread_local char memo[LANG_MEMO][24];
	static _Thread_local int memo_rtl[LANG_MEMO];
	static _Thread_local unsigned next;
	size_t n = strlen(tag);
	if (n >= sizeof memo[0])
		return folio_lang_rtl(tag);
	for (unsigned i = 0; i < LANG_MEMO; i++)
		if (strcmp(tag, memo[i]) == 0)
			return memo_rtl[i];
	unsigned i = next++ % LANG_MEMO;
	memcpy(memo[i], tag, n + 1);
	memo_rtl[i] = folio_lang_rtl(tag);
	return memo_rtl[i];
}

folio_dir folio_node_own_dir(const folio_node *n)
{
	folio_dir d = dir_from_attr(n);
	if (d != FOLIO_DIR_NONE)
		return d;
	/* an inherited language is the parent's pointer: only an xml:lang
	 * written here can turn the direction */
	if (n->lang == NULL || n->parent == NULL || n->parent->lang == NULL ||
	    n->lang == n->parent->lang || strcmp(n->lang, n->parent->lang) == 0)
		return FOLIO_DIR_NONE;
	int rtl = lang_rtl(n->lang);
	if (rtl == lang_rtl(n->parent->lang))
		return FOLIO_DIR_NONE;
	return rtl ? FOLIO_DIR_RTL : FOLIO_DIR_LTR;
}

folio_dir folio_node_dir(const folio_node *n)
{
	const folio_node *root = n;
	for (const folio_node *a = n; a; a = a->parent) {
		folio_dir d = folio_node_own_dir(a);
		if (d != FOLIO_DIR_NONE)
			return d;
		root = a;
	}
	return folio_lang_rtl(root->lang) ? FOLIO_DIR_RTL : FOLIO_DIR_LTR;
}
