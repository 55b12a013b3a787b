/* libs: folio_read folio_resolve folio_tree folio_util */
/*
 * test_index: the index pass: terms merged and sorted by the language's
 * collation (accents, case, punctuation, reduplication, sortas), letter
 * groups with symbols and digits first, sub-entries, see/see-also links,
 * ranges and preferred locators kept for the back ends, glossary terms
 * fed into the index on request, and the diagnostics.  (Merging page
 * numbers into ranges is the back ends' work, tested there.)
 */
#include "harness.h"
#include "seen.h"
#include "folio/folio.h"

#include <stdio.h>
#include <stdlib.h>

static folio_doc *build(const char *xml, struct seen *seen, int glossary_in_index,
			folio_diag **diag_out)
{
	folio_diag *diag = folio_diag_new(collect, seen);
	folio_doc *doc = folio_read_memory("i.xml", xml, strlen(xml), NULL, diag);
	folio_resolve_opts opts = { NULL, glossary_in_index, NULL };
	if (doc)
		folio_resolve(doc, &opts, diag);
	*diag_out = diag;
	return doc;
}

/* The index as one line: "| A | term(n) > sub(n) ; ..." where n is the
 * number of locators and "~X" a see/see-also text. */
static const char *listing(folio_doc *doc)
{
	static char out[4096];
	out[0] = '\0';
	if (doc->index == NULL)
		return "(none)";
	for (folio_node *n = doc->index; n; n = folio_next(doc->index, n, 0)) {
		char buf[256];
		if (n->kind == FOLIO_NODE_INDEXDIV) {
			folio_node *t = folio_node_title(n);
			snprintf(buf, sizeof buf, "| %s | ", t ? folio_node_text(doc, t) : "?");
			strcat(out, buf);
		} else if (n->kind == FOLIO_NODE_PRIMARYIE || n->kind == FOLIO_NODE_SECONDARYIE ||
			   n->kind == FOLIO_NODE_TERTIARYIE) {
			unsigned refs = 0;
			for (folio_node *c = n->first; c; c = c->next)
				if (c->kind == FOLIO_NODE_GEN_LOCATORS)
					refs = c->nrefs;
			snprintf(buf, sizeof buf, "%s%s(%u)",
				 n->kind == FOLIO_NODE_PRIMARYIE ? "" :
				 n->kind == FOLIO_NODE_SECONDARYIE ? "> " : ">> ",
				 n->first->text ? n->first->text : "?", refs);
			strcat(out, buf);
			for (folio_node *c = n->first; c; c = c->next)
				if (c->kind == FOLIO_NODE_LINK) {
					strcat(out, " ~");
					strcat(out, folio_node_text(doc, c));
				}
			strcat(out, "; ");
		}
	}
	return out;
}

static const char sorting_xml[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='id'>\n"
"<article><title>x</title>\n"
"<para>a<indexterm><primary>kupu-kupu</primary></indexterm>\n"
"b<indexterm><primary>Kupang</primary></indexterm>\n"
"c<indexterm><primary>ékonomi</primary></indexterm>\n"
"d<indexterm><primary>ekologi</primary></indexterm>\n"
"e<indexterm><primary>\"kutipan\"</primary></indexterm>\n"
"f<indexterm><primary>Kupu-Kupu</primary><secondary>sayap</secondary></indexterm>\n"
"g<indexterm><primary>kupu-kupu</primary><secondary>Metamorfosis</secondary>"
"<tertiary>kepompong</tertiary></indexterm>\n"
"h<indexterm><primary>kupu-kupu</primary><secondary>metamorfosis</secondary>"
"<tertiary>Imago</tertiary></indexterm>\n"
"i<indexterm><primary>10 langkah</primary></indexterm>\n"
"j<indexterm><primary>§ 12</primary></indexterm>\n"
"k<indexterm><primary sortas='Sukoco'>de Sukoco</primary></indexterm>\n"
"l<indexterm significance='preferred'><primary>anak</primary></indexterm>\n"
"m<indexterm><primary>Anak</primary></indexterm>\n"
"n<indexterm><primary>zakat</primary></indexterm></para>\n"
"</article>\n"
"<index/>\n"
"</book>\n";

static void test_sorting(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = build(sorting_xml, &seen, 0, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR) + folio_diag_count(diag, FOLIO_WARNING), 0);
	/* "§ 12" has no letter: § is punctuation, ignored, so "12" groups
	 * with the digits before A */
	STR_EQ(listing(doc),
	       "| Simbol dan Angka | 10 langkah(1); § 12(1); "
	       "| A | anak(2); "
	       "| E | ekologi(1); ékonomi(1); "
	       "| K | Kupang(1); kupu-kupu(1); > Metamorfosis(0); >> Imago(1); >> kepompong(1); "
	       "> sayap(1); \"kutipan\"(1); "
	       "| S | de Sukoco(1); "
	       "| Z | zakat(1); ");
	OK(doc->index && doc->index->parent == doc->root && !(doc->index->flags & FOLIO_FLAG_GENERATED));
	folio_node *title = doc->index ? folio_node_title(doc->index) : NULL;
	STR_EQ(title ? folio_node_text(doc, title) : NULL, "Indeks");
	/* the preferred locator's node keeps its significance */
	for (folio_node *n = doc->index; n; n = folio_next(doc->index, n, 0))
		if (n->kind == FOLIO_NODE_GEN_LOCATORS && n->parent->first->text &&
		    strcmp(n->parent->first->text, "anak") == 0) {
			INT_EQ(n->nrefs, 2);
			STR_EQ(folio_node_attr(n->refs[0], "significance"), "preferred");
			STR_EQ(folio_node_attr(n, "for"), "index");
			OK(n->refs[0]->kind == FOLIO_NODE_INDEXTERM);
		}
	folio_doc_free(doc);
	folio_diag_free(diag);
}

static const char see_xml[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='en'>\n"
"<chapter><title>x</title>\n"
"<para>a<indexterm><primary>group</primary><secondary>self-help</secondary></indexterm>\n"
"b<indexterm><primary>self-help group</primary><see>group, self-help</see></indexterm>\n"
"c<indexterm><primary>NASW</primary><seealso>social work</seealso></indexterm>\n"
"d<indexterm><primary>social work</primary><seealso>NASW</seealso></indexterm>\n"
"e<indexterm class='startofrange' xml:id='r1'><primary>values</primary></indexterm>\n"
"f<indexterm><primary>values</primary></indexterm>\n"
"g<indexterm class='endofrange' startref='r1'/>\n"
"h<glossterm>casework</glossterm><indexterm><primary>Casework</primary></indexterm>\n"
"</para>\n"
"<para>i<indexterm><primary>broken</primary><see>nothing here</see></indexterm>\n"
"j<indexterm class='endofrange' startref='nope'/>\n"
"k<indexterm><primary> </primary></indexterm></para>\n"
"</chapter>\n"
"<glossary role='database'><glossentry><glossterm>casework</glossterm>"
"<glossdef><para>x</para></glossdef></glossentry></glossary>\n"
"</book>\n";

static void test_see_ranges_errors(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = build(see_xml, &seen, 1, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	OK(has(&seen, "i.xml:12:44: error: see 'nothing here' names no entry of the index"));
	OK(has(&seen, "i.xml:13:2: error: endofrange without its startofrange ('nope')"));
	OK(has(&seen, "i.xml:14:13: error: indexterm with an empty primary"));
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 3);
	/* no index element: one at the end of the book, in English; the
	 * glossary term joins it (glossary_in_index) */
	STR_EQ(listing(doc),
	       "| B | broken(0); "
	       "| C | Casework(2); "
	       "| G | group(0); > self-help(1); "
	       "| N | NASW(1) ~social work; "
	       "| S | self-help group(0) ~group, self-help; social work(1) ~NASW; "
	       "| V | values(3); ");
	OK(doc->index && doc->index == doc->root->last &&
	   (doc->index->flags & FOLIO_FLAG_GENERATED));
	/* see links point at the generated entries */
	for (folio_node *n = doc->index; n; n = folio_next(doc->index, n, 0)) {
		if (n->kind != FOLIO_NODE_LINK)
			continue;
		OK(n->target && (n->target->kind == FOLIO_NODE_SECONDARYIE ||
				 n->target->kind == FOLIO_NODE_PRIMARYIE));
		OK(n->prev && n->prev->kind == FOLIO_NODE_TEXT);
	}
	/* glossary uses and indexterms in document order */
	for (folio_node *n = doc->index; n; n = folio_next(doc->index, n, 0))
		if (n->kind == FOLIO_NODE_GEN_LOCATORS && n->nrefs == 2) {
			OK(n->refs[0]->kind == FOLIO_NODE_GLOSSTERM);
			OK(n->refs[1]->kind == FOLIO_NODE_INDEXTERM);
		}
	/* the range: start, then its end, then the plain mark */
	for (folio_node *n = doc->index; n; n = folio_next(doc->index, n, 0))
		if (n->kind == FOLIO_NODE_GEN_LOCATORS && n->nrefs == 3) {
			STR_EQ(folio_node_attr(n->refs[0], "class"), "startofrange");
			STR_EQ(folio_node_attr(n->refs[1], "class"), "endofrange");
			OK(folio_node_attr(n->refs[2], "class") == NULL);
		}
	folio_doc_free(doc);
	folio_diag_free(diag);
}

int main(void)
{
	test_sorting();
	test_see_ranges_errors();
	DONE();
}
