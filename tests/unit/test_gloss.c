/* libs: folio_read folio_resolve folio_tree folio_util */
/*
 * test_gloss: the glossary pass on small documents: uses matched by
 * linkend, by baseform and by text (case- and space-insensitive, and by
 * acronym); the generated glossary holds exactly the used terms and what
 * their see/see-also reach, sorted and grouped by letter; each use links
 * to its entry and each entry lists its uses; diagnostics with their
 * places.
 */
#include "harness.h"
#include "seen.h"
#include "folio/folio.h"

#include <stdio.h>
#include <stdlib.h>

static folio_doc *build(const char *xml, struct seen *seen, int strict,
			folio_diag **diag_out)
{
	folio_diag *diag = folio_diag_new(collect, seen);
	folio_diag_set_strict(diag, strict);
	folio_doc *doc = folio_read_memory("g.xml", xml, strlen(xml), NULL, diag);
	if (doc)
		folio_resolve(doc, NULL, diag);
	*diag_out = diag;
	return doc;
}

/* The texts of the glossterms of the generated glossary, in order, with
 * "| X |" for each letter heading. */
static const char *listing(folio_doc *doc)
{
	static char out[1024];
	out[0] = '\0';
	if (doc->glossary == NULL)
		return "(none)";
	for (folio_node *n = doc->glossary; n; n = folio_next(doc->glossary, n, 0)) {
		if (n->kind == FOLIO_NODE_GLOSSDIV) {
			folio_node *t = folio_node_title(n);
			strcat(out, "| ");
			strcat(out, t ? folio_node_text(doc, t) : "?");
			strcat(out, " | ");
		} else if (n->kind == FOLIO_NODE_GLOSSTERM && n->parent->kind == FOLIO_NODE_GLOSSENTRY) {
			strcat(out, folio_node_text(doc, n));
			strcat(out, "; ");
		}
	}
	return out;
}

static folio_node *find_kind_text(folio_doc *doc, folio_node_kind kind, const char *text)
{
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == kind && !(n->flags & FOLIO_FLAG_GENERATED) &&
		    strcmp(folio_node_text(doc, n), text) == 0)
			return n;
	return NULL;
}

static folio_node *locators_of(folio_node *entry)
{
	for (folio_node *c = entry ? entry->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_NODE_GEN_LOCATORS)
			return c;
	return NULL;
}

static const char matching_xml[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='id'>\n"
"<article xml:id='a1'><title>Satu</title>\n"
"<para><firstterm linkend='gl-pekerjaan-sosial'>Pekerjaan sosial</firstterm> dan\n"
"<glossterm baseform='kelompok tugas'>kelompok-kelompok tugas</glossterm> dan\n"
"<glossterm>  Kupu-Kupu\n   Malam </glossterm> dan <glossterm>IFSW</glossterm> dan\n"
"<glossterm>pekerjaan  sosial</glossterm> <xref linkend='gl-kupu'/>.</para>\n"
"</article>\n"
"<glossary role='database'>\n"
" <glossentry xml:id='gl-pekerjaan-sosial'><glossterm>pekerjaan sosial</glossterm>\n"
"  <glossdef><para>Profesi pertolongan.</para>\n"
"   <glossseealso otherterm='gl-kesejahteraan'/></glossdef></glossentry>\n"
" <glossentry xml:id='gl-kelompok-tugas'><glossterm>kelompok tugas</glossterm>\n"
"  <glossdef><para>Kelompok untuk sasaran tertentu.</para></glossdef></glossentry>\n"
" <glossentry xml:id='gl-kupu'><glossterm>kupu-kupu malam</glossterm>\n"
"  <glossdef><para>Ngengat.</para></glossdef></glossentry>\n"
" <glossentry xml:id='gl-ifsw'><glossterm>International Federation of Social Workers</glossterm>\n"
"  <acronym>IFSW</acronym><glossdef><para>Federasi.</para></glossdef></glossentry>\n"
" <glossentry xml:id='gl-kesejahteraan'><glossterm>kesejahteraan sosial</glossterm>\n"
"  <glossdef><para>Kondisi.</para><glossseealso otherterm='gl-pekerjaan-sosial'/></glossdef></glossentry>\n"
" <glossentry xml:id='gl-unused'><glossterm>tidak dipakai</glossterm>\n"
"  <glossdef><para>-</para></glossdef></glossentry>\n"
" <glossentry xml:id='gl-ekonomi'><glossterm>ékonomi</glossterm>\n"
"  <glossdef><para>-</para></glossdef></glossentry>\n"
"</glossary>\n"
"<glossary role='auto'/>\n"
"</book>\n";

static void test_matching(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = build(matching_xml, &seen, 0, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 0);
	INT_EQ(folio_diag_count(diag, FOLIO_WARNING), 0);
	/* used: pekerjaan sosial (2), kelompok tugas, kupu-kupu malam, IFSW;
	 * kesejahteraan sosial by see-also (a cycle back to pekerjaan
	 * sosial); not the unused ones */
	STR_EQ(listing(doc), "| I | International Federation of Social Workers; "
	       "| K | kelompok tugas; kesejahteraan sosial; kupu-kupu malam; "
	       "| P | pekerjaan sosial; ");
	OK(doc->glossary && doc->glossary->flags & FOLIO_FLAG_GENERATED ? 0 : 1);
	folio_node *title = doc->glossary ? folio_node_title(doc->glossary) : NULL;
	STR_EQ(title ? folio_node_text(doc, title) : NULL, "Glosarium");

	/* each use points at its generated entry */
	folio_node *first = find_kind_text(doc, FOLIO_NODE_FIRSTTERM, "Pekerjaan sosial");
	OK(first && first->target && first->target->kind == FOLIO_NODE_GLOSSENTRY &&
	   (first->target->flags & FOLIO_FLAG_GENERATED));
	folio_node *by_text = find_kind_text(doc, FOLIO_NODE_GLOSSTERM, "pekerjaan  sosial");
	OK(by_text && first && by_text->target == first->target);
	folio_node *by_base = find_kind_text(doc, FOLIO_NODE_GLOSSTERM, "kelompok-kelompok tugas");
	OK(by_base && by_base->target && by_base->target->id &&
	   strcmp(by_base->target->id, "gl-kelompok-tugas") == 0);
	folio_node *by_acr = find_kind_text(doc, FOLIO_NODE_GLOSSTERM, "IFSW");
	OK(by_acr && by_acr->target && by_acr->target->id &&
	   strcmp(by_acr->target->id, "gl-ifsw") == 0);
	/* the printed entry took over the id: xref and lookups land there */
	folio_node *kupu = folio_doc_find_id(doc, "gl-kupu");
	OK(kupu && (kupu->flags & FOLIO_FLAG_GENERATED));
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == FOLIO_NODE_XREF)
			OK(n->target == kupu);

	/* locators: the two uses of "pekerjaan sosial", in document order */
	folio_node *loc = first ? locators_of(first->target) : NULL;
	OK(loc != NULL);
	if (loc) {
		INT_EQ(loc->nrefs, 2);
		OK(loc->refs[0] == first);
		OK(loc->nrefs == 2 && loc->refs[1] == by_text);
		STR_EQ(folio_node_attr(loc, "for"), "glossary");
	}
	/* the entry reached only by see-also has no locators, but a link */
	folio_node *kes = folio_doc_find_id(doc, "gl-kesejahteraan");
	OK(kes && locators_of(kes) == NULL);
	int see_links = 0;
	for (folio_node *c = kes ? kes->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_NODE_GLOSSSEEALSO && c->first &&
		    c->first->kind == FOLIO_NODE_LINK && first && c->first->target == first->target)
			see_links++;
	INT_EQ(see_links, 1);
	/* the definition is a copy, without the glossseealso */
	folio_node *def = kes ? kes->first : NULL;
	while (def && def->kind != FOLIO_NODE_GLOSSDEF)
		def = def->next;
	OK(def && def->first && def->first->kind == FOLIO_NODE_PARA &&
	   def->first->next == NULL);
	/* databases are hidden */
	for (folio_node *n = doc->root; n; n = n == doc->root ? n->first : n->next)
		if (n->kind == FOLIO_NODE_GLOSSARY && n->role && strcmp(n->role, "database") == 0)
			OK(n->flags & FOLIO_FLAG_HIDDEN);
	folio_doc_free(doc);
	folio_diag_free(diag);
}

static const char errors_xml[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='en'>\n"
"<chapter><title>One</title>\n"
"<para>A <glossterm>phantom</glossterm> and <glossterm>apple</glossterm>\n"
"and <glossterm>2-step</glossterm> and <glossterm>zebra</glossterm>.</para>\n"
"</chapter>\n"
"<glossary role='database'>\n"
" <glossentry xml:id='a'><glossterm>apple</glossterm><glossdef><para>x</para>\n"
"  <glossseealso>nowhere</glossseealso></glossdef></glossentry>\n"
" <glossentry xml:id='z'><glossterm>zebra</glossterm><glosssee otherterm='a'/></glossentry>\n"
" <glossentry xml:id='s'><glossterm>2-step</glossterm><glossdef><para>x</para></glossdef></glossentry>\n"
"</glossary>\n"
"<glossary role='database'>\n"
" <glossentry xml:id='a2'><glossterm>Apple</glossterm><glossdef><para>y</para></glossdef></glossentry>\n"
"</glossary>\n"
"<glossary><title>My terms</title></glossary>\n"
"</book>\n";

static void test_errors(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = build(errors_xml, &seen, 0, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	OK(has(&seen, "g.xml:3:9: warning: the term 'phantom' is used but defined in no glossary"));
	OK(has(&seen, "g.xml:8:3: error: glossseealso points to 'nowhere', which is defined in no glossary"));
	OK(has(&seen, "g.xml:13:26: error: the term 'Apple' is defined twice"));
	OK(has(&seen, "g.xml:7:25: note: 'apple' is also defined here"));
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 2);
	/* no auto glossary: one is added at the end, in English; digits
	 * first */
	STR_EQ(listing(doc), "| Symbols and Numbers | 2-step; | A | apple; | Z | zebra; ");
	OK(doc->glossary && doc->glossary->parent == doc->root &&
	   doc->glossary == doc->root->last);
	folio_node *title = doc->glossary ? folio_node_title(doc->glossary) : NULL;
	STR_EQ(title ? folio_node_text(doc, title) : NULL, "Glossary");
	folio_doc_free(doc);
	folio_diag_free(diag);

	/* --strict makes the undefined term an error */
	struct seen strict = { 0 };
	doc = build(errors_xml, &strict, 1, &diag);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 3);
	folio_doc_free(doc);
	folio_diag_free(diag);
}

static const char titled_xml[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='id'>\n"
"<article><title>x</title><para><glossterm>satu</glossterm></para></article>\n"
"<glossary role='auto'><title>Daftar Istilah</title></glossary>\n"
"<glossary role='database'><glossentry><glossterm>satu</glossterm>"
"<glossdef><para>1</para></glossdef></glossentry></glossary>\n"
"</book>\n";

static void test_own_title(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = build(titled_xml, &seen, 0, &diag);
	OK(doc && doc->glossary);
	if (doc && doc->glossary) {
		folio_node *title = folio_node_title(doc->glossary);
		STR_EQ(title ? folio_node_text(doc, title) : NULL, "Daftar Istilah");
		STR_EQ(listing(doc), "| S | satu; ");
		INT_EQ(folio_diag_count(diag, FOLIO_ERROR) + folio_diag_count(diag, FOLIO_WARNING), 0);
	}
	folio_doc_free(doc);
	folio_diag_free(diag);
}

int main(void)
{
	test_matching();
	test_errors();
	test_own_title();
	DONE();
}
