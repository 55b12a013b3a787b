/* libs: folio_read folio_resolve folio_tree folio_util */
/*
 * test_gloss_sample: the glossary and index of the sample reader
 * (sources/pekerjaan-sosial): every used term once, in collation order,
 * every use linked to its entry and listed among the entry's locators;
 * an index of at least sixty terms, in order, each locator an indexterm
 * of the text.
 */
#include "harness.h"
#include "folio/folio.h"
#include "folio/lang.h"
#include "resolve/collate.h"

#include <stdio.h>
#include <stdlib.h>

static void quiet(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx;
	if (sev >= FOLIO_ERROR)
		fprintf(stderr, "%s:%u:%u: %s\n", loc.file ? loc.file : "", loc.line, loc.col, msg);
}

static folio_node *child(folio_node *n, folio_node_kind k)
{
	for (folio_node *c = n ? n->first : NULL; c; c = c->next)
		if (c->kind == k)
			return c;
	return NULL;
}

int main(void)
{
	const char *src = getenv("SRC");
	char path[1024];
	snprintf(path, sizeof path, "%s/sources/pekerjaan-sosial/reader.xml", src ? src : ".");
	folio_diag *diag = folio_diag_new(quiet, NULL);
	folio_doc *doc = folio_read(path, NULL, diag);
	OK(doc != NULL);
	if (doc == NULL)
		DONE();
	folio_resolve(doc, NULL, diag);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 0);
	collator *coll = collate_new(folio_lang_get("id")->icu_locale);

	/* the glossary: sorted, each term once, uses linked both ways */
	OK(doc->glossary != NULL);
	int entries = 0, uses_listed = 0;
	const char *prev = NULL;
	for (folio_node *n = doc->glossary; n; n = folio_next(doc->glossary, n, 0)) {
		if (n->kind != FOLIO_NODE_GLOSSENTRY)
			continue;
		entries++;
		const char *term = folio_node_text(doc, child(n, FOLIO_NODE_GLOSSTERM));
		if (prev) {
			OK(collate_cmp(coll, prev, term) < 0);
			OK(!collate_same_primary(coll, prev, term));
		}
		prev = term;
		folio_node *loc = child(n, FOLIO_NODE_GEN_LOCATORS);
		for (unsigned i = 0; loc && i < loc->nrefs; i++) {
			OK(loc->refs[i]->target == n);
			uses_listed++;
		}
	}
	OK(entries >= 30);
	int uses = 0;
	for (folio_node *n = doc->root; n;) {
		int skip = (n->flags & (FOLIO_FLAG_HIDDEN | FOLIO_FLAG_GENERATED)) != 0;
		if (!skip && (n->kind == FOLIO_NODE_GLOSSTERM || n->kind == FOLIO_NODE_FIRSTTERM) &&
		    n->parent->kind != FOLIO_NODE_GLOSSENTRY) {
			uses++;
			OK(n->target && n->target->kind == FOLIO_NODE_GLOSSENTRY &&
			   (n->target->flags & FOLIO_FLAG_GENERATED));
		}
		n = folio_next(doc->root, n, skip);
	}
	INT_EQ(uses_listed, uses);

	/* the index: sixty terms or more, sorted (terms with a sortas sort
	 * by it: left out of the check), locators are indexterms */
	char sorted_as[2048] = "|";
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == FOLIO_NODE_PRIMARY && folio_node_attr(n, "sortas") &&
		    strlen(sorted_as) + strlen(folio_node_text(doc, n)) + 2 < sizeof sorted_as) {
			strcat(sorted_as, folio_node_text(doc, n));
			strcat(sorted_as, "|");
		}
	OK(doc->index != NULL);
	int primaries = 0;
	prev = NULL;
	for (folio_node *n = doc->index; n; n = folio_next(doc->index, n, 0)) {
		if (n->kind == FOLIO_NODE_PRIMARYIE) {
			primaries++;
			const char *term = n->first->text;
			char bar[512];
			snprintf(bar, sizeof bar, "|%s|", term);
			if (strstr(sorted_as, bar))
				continue;
			if (prev && collate_cmp(coll, prev, term) >= 0) {
				OK(collate_cmp(coll, prev, term) < 0);
				fprintf(stderr, "  '%s' before '%s'\n", prev, term);
			}
			prev = term;
		}
		if (n->kind == FOLIO_NODE_GEN_LOCATORS)
			for (unsigned i = 0; i < n->nrefs; i++)
				OK(n->refs[i]->kind == FOLIO_NODE_INDEXTERM &&
				   !(n->refs[i]->flags & FOLIO_FLAG_GENERATED));
	}
	OK(primaries >= 60);
	fprintf(stderr, "glossary: %d entries, %d uses; index: %d terms\n", entries, uses,
		primaries);
	collate_free(coll);
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
