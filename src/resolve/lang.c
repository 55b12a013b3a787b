/*
 * lang: xml:lang inheritance.  After this pass every node's lang says the
 * language in force there, and doc->lang is the root's.  A root without
 * xml:lang is English ("en"), the language XML tools assume; an empty
 * xml:lang="" (XML's "no language") keeps the enclosing language.
 *
 * A language without a table in lang_table.c gets one warning, at the
 * first division or block that is written in it, since generated words,
 * quotation marks and hyphenation there fall back to English.  A phrase in
 * such a language inside a paragraph ("ad hoc" marked as Latin) is normal
 * and needs no table, so it is not warned about.
 */
#include "resolve/resolve.h"
#include "folio/lang.h"
#include "util/arena.h"
#include "util/hash.h"

#include <string.h>

/* The primary subtag as a hash key: "en-GB" and "en" warn once. */
static void warn_unknown(folio_hash *warned, folio_doc *doc, folio_node *n,
			 folio_diag *diag)
{
	folio_class cls = folio_kind_class(n->kind);
	if (n != doc->root && cls != FOLIO_CLASS_DIVISION && cls != FOLIO_CLASS_BLOCK)
		return;
	if (folio_lang_known(n->lang))
		return;
	size_t len = strcspn(n->lang, "-_");
	if (hash_getn(warned, n->lang, len))
		return;
	const char *key = arena_strndup(doc->arena, n->lang, len);
	hash_put(warned, key, (void *)key);
	folio_report(diag, FOLIO_WARNING, n->loc,
		     "folio has no language table for xml:lang=\"%s\"; English words, quotation marks and hyphenation are used for it",
		     n->lang);
}

int pass_lang(folio_doc *doc, const folio_resolve_opts *opts, folio_diag *diag)
{
	(void)opts;
	folio_node *root = doc->root;
	if (root == NULL)
		return 0;
	if (root->lang == NULL || root->lang[0] == '\0')
		root->lang = "en";
	doc->lang = root->lang;
	folio_hash *warned = hash_new();
	for (folio_node *n = root; n; n = folio_next(root, n, 0)) {
		if (n->lang && n->lang[0] != '\0') {
			warn_unknown(warned, doc, n, diag);
			continue;
		}
		n->lang = n->parent && n->parent->lang ? n->parent->lang : root->lang;
	}
	hash_free(warned);
	return 0;
}
