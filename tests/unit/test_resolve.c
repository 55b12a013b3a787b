/* libs: folio_resolve folio_read folio_tree folio_util */
/*
 * test_resolve: the core resolve passes (lang, ids, numbering, links) on
 * documents read from memory: language inheritance, duplicate ids with
 * both places, unknown links with the nearest id, the numbering of
 * divisions, formal objects, footnotes, lists and steps, front and back
 * matter, and the generated text of cross-references.
 */
#include "folio/folio.h"
#include "harness.h"
#include "read_util.h"
#include "resolve/resolve.h"
#include "util/utf8.h"

#define DB "xmlns=\"http://docbook.org/ns/docbook\""
#define XL "xmlns:xlink=\"http://www.w3.org/1999/xlink\""

/* Reads xml and runs the core passes in the driver's order. */
static folio_doc *resolved(const char *xml, struct diags *d, int *rc)
{
	folio_doc *doc = read_str(xml, d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(d);
		return NULL;
	}
	folio_diag *diag = folio_diag_new(collect_diag, d);
	int r = 0;
	r |= pass_lang(doc, NULL, diag);
	r |= pass_ids(doc, NULL, diag);
	r |= pass_numbering(doc, NULL, diag);
	r |= pass_links(doc, NULL, diag);
	folio_diag_free(diag);
	if (rc)
		*rc = r;
	return doc;
}

static folio_node *by_id(folio_doc *doc, const char *id)
{
	folio_node *n = folio_doc_find_id(doc, id);
	OK(n != NULL);
	return n;
}

static void test_lang(void)
{
	struct diags d;
	folio_doc *doc = resolved(
		"<book " DB " xml:lang=\"id\">\n"
		"<article xml:lang=\"en-GB\" xml:id=\"a\"><para xml:id=\"p\">x "
		"<foreignphrase xml:lang=\"la\" xml:id=\"f\">et al.</foreignphrase></para></article>\n"
		"<article xml:id=\"b\"><para xml:id=\"q\">y <phrase xml:lang=\"sw\">ibid</phrase>"
		"<phrase xml:lang=\"la-x\">z</phrase><phrase xml:lang=\"\" xml:id=\"e\">w</phrase></para>"
		"<para xml:lang=\"sw-KE\">a</para><blockquote xml:lang=\"sw\"><para>b</para></blockquote></article>\n"
		"</book>", &d, NULL);
	if (doc == NULL)
		return;
	STR_EQ(doc->lang, "id");
	STR_EQ(by_id(doc, "a")->lang, "en-GB");
	STR_EQ(by_id(doc, "p")->lang, "en-GB");
	STR_EQ(by_id(doc, "p")->first->lang, "en-GB"); /* text nodes too */
	STR_EQ(by_id(doc, "f")->lang, "la");
	STR_EQ(by_id(doc, "b")->lang, "id");
	STR_EQ(by_id(doc, "q")->lang, "id");
	STR_EQ(by_id(doc, "e")->lang, "id"); /* xml:lang="" keeps the language */
	int all_set = 1;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		all_set &= n->lang != NULL && n->lang[0] != '\0';
	OK(all_set);
	/* one warning per language without a table, at its first block or
	 * division; phrases in it are normal */
	INT_EQ(d.warnings, 1);
	OK(diag_has(&d, "t.xml:3:157: warning: folio has no language table for xml:lang=\"sw-KE\""));
	folio_doc_free(doc);

	doc = resolved("<article " DB "><para>x</para></article>", &d, NULL);
	if (doc) {
		STR_EQ(doc->lang, "en");
		STR_EQ(doc->root->first->lang, "en");
		folio_doc_free(doc);
	}
}

static void test_ids(void)
{
	struct diags d;
	int rc;
	folio_doc *doc = resolved(
		"<article " DB ">\n"
		"<para xml:id=\"x\">one</para>\n"
		"  <para xml:id=\"x\">two</para>\n"
		"<para xml:id=\"y\"/><para xml:id=\"2nd\"/>\n"
		"</article>", &d, &rc);
	if (doc == NULL)
		return;
	OK(rc != 0);
	OK(diag_has(&d, "t.xml:3:3: error: duplicate id 'x'"));
	OK(diag_has(&d, "t.xml:2:1: note: first defined here"));
	/* the first place keeps the id */
	STR_EQ(lc(folio_doc_find_id(doc, "x")), "2:1");
	OK(folio_doc_find_id(doc, "y") != NULL);
	OK(diag_has(&d, "t.xml:4:19: warning: id '2nd' is not an XML name"));
	INT_EQ(d.errors, 1);
	folio_doc_free(doc);
}

static void test_unknown_links(void)
{
	struct diags d;
	int rc;
	folio_doc *doc = resolved(
		"<article " DB " " XL ">\n"
		"<section xml:id=\"gw-definisi\"><title>Definisi</title>\n"
		"<para>See <xref linkend=\"gw-definsi\"/> and <link linkend=\"zzzzzzzz\">this</link>"
		" <footnoteref linkend=\"gw-definisi\"/> <xref/></para></section>\n"
		"</article>", &d, &rc);
	if (doc == NULL)
		return;
	OK(rc != 0);
	OK(diag_has(&d, "t.xml:3:11: error: <xref linkend=\"gw-definsi\">: no element has the id 'gw-definsi'"));
	OK(diag_has(&d, "t.xml:3:11: note: did you mean 'gw-definisi'?"));
	OK(diag_has(&d, "t.xml:3:44: error: <link linkend=\"zzzzzzzz\">: no element has the id 'zzzzzzzz'"));
	INT_EQ(diag_count(&d, "did you mean"), 1); /* nothing close to zzzzzzzz */
	OK(diag_has(&d, "error: footnoteref must point at a footnote; 'gw-definisi' is a <section>"));
	OK(diag_has(&d, "error: <xref> needs a linkend naming its target"));
	folio_doc_free(doc);

	/* the whole driver reports failure too */
	doc = read_str("<article " DB "><para><xref linkend=\"nope\"/></para></article>", &d);
	OK(doc != NULL);
	if (doc) {
		folio_diag *diag = folio_diag_new(collect_diag, &d);
		OK(folio_resolve(doc, NULL, diag) != 0);
		folio_diag_free(diag);
		OK(diag_has(&d, "no element has the id 'nope'"));
		folio_doc_free(doc);
	}
}

static void test_nearest(void)
{
	struct diags d;
	folio_doc *doc = resolved(
		"<article " DB "><para xml:id=\"intro\"/><para xml:id=\"intra\"/>"
		"<para xml:id=\"fig-1\"/><para xml:id=\"conclusion\"/></article>", &d, NULL);
	if (doc == NULL)
		return;
	STR_EQ(resolve_nearest_id(doc, "intrp"), "intra"); /* a tie: alphabetical */
	STR_EQ(resolve_nearest_id(doc, "fig-2"), "fig-1");
	STR_EQ(resolve_nearest_id(doc, "conclsuion"), "conclusion");
	OK(resolve_nearest_id(doc, "bibliography") == NULL);
	folio_doc_free(doc);
}

static void test_numbering(void)
{
	struct diags d;
	folio_doc *doc = resolved(
		"<book " DB " xml:lang=\"id\">\n"
		"<info><title>B</title></info>\n"
		"<preface xml:id=\"pre\"><title>P</title><section xml:id=\"pre-s\"><title>s</title>"
		"<para>p<footnote xml:id=\"pfn\"><para>f</para></footnote></para></section></preface>\n"
		"<article xml:id=\"a1\"><title>A1</title>\n"
		"  <section xml:id=\"s1\"><title>S</title>\n"
		"    <section xml:id=\"s11\"><title>S</title><para>x<footnote xml:id=\"fn1\"><para>f</para></footnote>"
		"<footnote xml:id=\"fn2\"><para>g</para></footnote></para>\n"
		"      <figure xml:id=\"fig1\"><title>F</title></figure><table xml:id=\"tab1\"><title>T</title></table>"
		"<figure xml:id=\"fig2\"><title>G</title></figure><informalfigure xml:id=\"if\"/></section>\n"
		"    <simplesect xml:id=\"ss\"><title>x</title></simplesect>\n"
		"    <sect2 xml:id=\"s12\"><title>S</title></sect2></section>\n"
		"  <section xml:id=\"s2\"><title>S</title></section>\n"
		"  <bibliography role=\"auto\" xml:id=\"art-bib\"/>\n"
		"</article>\n"
		"<article xml:id=\"a2\"><title>A2</title><section xml:id=\"s21\"><title>S</title>"
		"<para><footnote xml:id=\"fn3\"><para>h</para></footnote></para>"
		"<example xml:id=\"ex1\"><title>E</title></example></section></article>\n"
		"<part xml:id=\"pt\"><title>P</title><chapter xml:id=\"c3\"><title>C</title>"
		"<section xml:id=\"c3s\"><title>S</title></section></chapter></part>\n"
		"<appendix xml:id=\"apA\"><title>A</title><section xml:id=\"apA1\"><title>S</title></section></appendix>\n"
		"<appendix xml:id=\"apB\"><title>B</title></appendix>\n"
		"<glossary role=\"database\" xml:id=\"gdb\"><glossentry xml:id=\"g1\"><glossterm>t</glossterm>"
		"<glossdef><para>d<footnote xml:id=\"gfn\"><para>x</para></footnote></para></glossdef></glossentry></glossary>\n"
		"<bibliography role=\"database\" xml:id=\"bdb\"/>\n"
		"<glossary role=\"auto\" xml:id=\"gauto\"/>\n"
		"</book>", &d, NULL);
	if (doc == NULL)
		return;
	INT_EQ(d.n, 0);
	if (d.n)
		diag_print(&d);
	STR_EQ(by_id(doc, "a1")->label, "1");
	STR_EQ(by_id(doc, "s1")->label, "1.1");
	STR_EQ(by_id(doc, "s11")->label, "1.1.1");
	OK(by_id(doc, "ss")->label == NULL);   /* simplesects are not numbered */
	STR_EQ(by_id(doc, "s12")->label, "1.1.2"); /* sect2 counts with sections */
	STR_EQ(by_id(doc, "s2")->label, "1.2");
	STR_EQ(by_id(doc, "a2")->label, "2");
	STR_EQ(by_id(doc, "s21")->label, "2.1");
	STR_EQ(by_id(doc, "c3")->label, "3");  /* chapters count with articles */
	STR_EQ(by_id(doc, "c3s")->label, "3.1");
	STR_EQ(by_id(doc, "pt")->label, "I");
	STR_EQ(by_id(doc, "apA")->label, "A");
	STR_EQ(by_id(doc, "apA1")->label, "A.1");
	STR_EQ(by_id(doc, "apB")->label, "B");
	OK(by_id(doc, "pre")->label == NULL);
	OK(by_id(doc, "pre-s")->label == NULL); /* unnumbered component */
	OK(doc->root->label == NULL);
	/* printed numbers: chapters, parts, appendices; not articles */
	OK(by_id(doc, "c3")->flags & FOLIO_FLAG_NUMBERED);
	OK(by_id(doc, "apA")->flags & FOLIO_FLAG_NUMBERED);
	OK(!(by_id(doc, "a1")->flags & FOLIO_FLAG_NUMBERED));
	OK(!(by_id(doc, "s1")->flags & FOLIO_FLAG_NUMBERED));
	/* depth */
	INT_EQ(doc->root->depth, 0);
	INT_EQ(by_id(doc, "a1")->depth, 1);
	INT_EQ(by_id(doc, "s11")->depth, 3);
	INT_EQ(by_id(doc, "c3")->depth, 2);
	/* formal objects per component and kind, footnotes per component */
	STR_EQ(by_id(doc, "fig1")->label, "1.1");
	STR_EQ(by_id(doc, "tab1")->label, "1.1");
	STR_EQ(by_id(doc, "fig2")->label, "1.2");
	OK(by_id(doc, "if")->label == NULL);
	STR_EQ(by_id(doc, "ex1")->label, "2.1");
	OK(by_id(doc, "fig1")->flags & FOLIO_FLAG_NUMBERED);
	STR_EQ(by_id(doc, "pfn")->label, "1");
	STR_EQ(by_id(doc, "fn1")->label, "1");
	STR_EQ(by_id(doc, "fn2")->label, "2");
	STR_EQ(by_id(doc, "fn3")->label, "1");
	OK(by_id(doc, "gfn")->label == NULL);  /* inside a hidden database */
	/* databases are hidden; matter around the articles */
	OK(by_id(doc, "gdb")->flags & FOLIO_FLAG_HIDDEN);
	OK(by_id(doc, "bdb")->flags & FOLIO_FLAG_HIDDEN);
	OK(!(by_id(doc, "gauto")->flags & FOLIO_FLAG_HIDDEN));
	OK(!(by_id(doc, "art-bib")->flags & FOLIO_FLAG_HIDDEN));
	OK(by_id(doc, "pre")->flags & FOLIO_FLAG_FRONTMATTER);
	OK(!(by_id(doc, "a1")->flags & (FOLIO_FLAG_FRONTMATTER | FOLIO_FLAG_BACKMATTER)));
	OK(!(by_id(doc, "pt")->flags & (FOLIO_FLAG_FRONTMATTER | FOLIO_FLAG_BACKMATTER)));
	OK(by_id(doc, "apA")->flags & FOLIO_FLAG_BACKMATTER);
	OK(by_id(doc, "gauto")->flags & FOLIO_FLAG_BACKMATTER);
	OK(!(doc->root->first->flags & FOLIO_FLAG_FRONTMATTER)); /* info is no division */
	folio_doc_free(doc);

	/* very deep sections stop being numbered at the 12th level */
	strbuf deep = STRBUF_INIT;
	sb_puts(&deep, "<article " DB ">");
	for (int i = 0; i < 14; i++)
		sb_printf(&deep, "<section xml:id=\"d%d\">", i);
	for (int i = 0; i < 14; i++)
		sb_puts(&deep, "</section>");
	sb_puts(&deep, "</article>");
	doc = resolved(sb_str(&deep), &d, NULL);
	sb_free(&deep);
	if (doc) {
		STR_EQ(by_id(doc, "d11")->label, "1.1.1.1.1.1.1.1.1.1.1.1");
		OK(by_id(doc, "d12")->label == NULL);
		OK(by_id(doc, "d13")->label == NULL);
		folio_doc_free(doc);
	}

	/* a root article: sections count from 1, figures without prefix */
	doc = resolved("<article " DB "><section xml:id=\"a\"><title>x</title>"
		       "<figure xml:id=\"f\"><title>F</title></figure></section>"
		       "<section xml:id=\"b\"><title>y</title><section xml:id=\"c\"><title>z</title>"
		       "</section></section></article>", &d, NULL);
	if (doc) {
		STR_EQ(by_id(doc, "a")->label, "1");
		STR_EQ(by_id(doc, "c")->label, "2.1");
		STR_EQ(by_id(doc, "f")->label, "1");
		folio_doc_free(doc);
	}
}

static void test_lists(void)
{
	struct diags d;
	folio_doc *doc = resolved(
		"<article " DB ">\n"
		"<orderedlist xml:id=\"l1\"><listitem><para>a</para>"
		"<orderedlist numeration=\"loweralpha\" inheritnum=\"inherit\" xml:id=\"l2\">"
		"<listitem><para>b</para></listitem><listitem><para>c</para></listitem></orderedlist>"
		"</listitem><listitem><para>d</para></listitem></orderedlist>\n"
		"<orderedlist numeration=\"upperroman\" startingnumber=\"4\" xml:id=\"l3\">"
		"<listitem><para/></listitem><listitem override=\"9\"><para/></listitem>"
		"<listitem><para/></listitem></orderedlist>\n"
		"<orderedlist continuation=\"continues\" numeration=\"lowerroman\" xml:id=\"l4\">"
		"<listitem><para/></listitem></orderedlist>\n"
		"<orderedlist numeration=\"upperalpha\" startingnumber=\"26\" xml:id=\"l5\">"
		"<listitem><para/></listitem><listitem><para/></listitem></orderedlist>\n"
		"<orderedlist numeration=\"greek\" startingnumber=\"x\" xml:id=\"l6\">"
		"<listitem><para/></listitem></orderedlist>\n"
		"<procedure xml:id=\"pr\"><step><para/></step><step><para/><substeps>"
		"<step><para/></step><step><para/><substeps><step><para/></step></substeps></step>"
		"</substeps></step></procedure>\n"
		"</article>", &d, NULL);
	if (doc == NULL)
		return;
	STR_EQ(dump(by_id(doc, "l1")),
	       "orderedlist(listitem#1(para('a') orderedlist(listitem#1.a(para('b')) "
	       "listitem#1.b(para('c')))) listitem#2(para('d')))");
	STR_EQ(dump(by_id(doc, "l3")),
	       "orderedlist(listitem#IV(para) listitem#IX(para) listitem#X(para))");
	STR_EQ(dump(by_id(doc, "l4")), "orderedlist(listitem#xi(para))");
	STR_EQ(dump(by_id(doc, "l5")), "orderedlist(listitem#Z(para) listitem#AA(para))");
	STR_EQ(dump(by_id(doc, "l6")), "orderedlist(listitem#1(para))");
	OK(diag_has(&d, "warning: numeration=\"greek\" is not one of"));
	OK(diag_has(&d, "warning: startingnumber=\"x\" is not a whole number; 1 is used"));
	STR_EQ(dump(by_id(doc, "pr")),
	       "procedure(step#1(para) step#2(para substeps(step#a(para) "
	       "step#b(para substeps(step#i(para))))))");
	OK(find_kind(doc->root, FOLIO_NODE_LISTITEM, 0)->flags & FOLIO_FLAG_NUMBERED);
	folio_doc_free(doc);
}

/* The generated text of the link node with id. */
static const char *link_text_of(folio_doc *doc, const char *id)
{
	folio_node *n = folio_doc_find_id(doc, id);
	OK(n != NULL);
	if (n == NULL)
		return "(none)";
	OK(n->target != NULL);
	if (n->first == NULL)
		return "(empty)";
	return folio_node_text(doc, n);
}

static void test_xref_text(void)
{
	struct diags d;
	folio_doc *doc = resolved(
		"<book " DB " " XL " xml:lang=\"id\">\n"
		"<article xml:id=\"a1\"><title>Metode <foreignphrase>Group</foreignphrase>\n  Work</title>\n"
		"<section xml:id=\"s\"><title>Apa  Definisi?</title>\n"
		"<para xml:id=\"p\">x<footnote xml:id=\"fn\"><para>f</para></footnote></para>\n"
		"<figure xml:id=\"fig\"><title>F</title></figure>\n"
		"<table xml:id=\"tab\" xreflabel=\"Tabel Utama\"><title>T</title></table>\n"
		"<orderedlist numeration=\"loweralpha\"><listitem xml:id=\"li\"><para>i</para></listitem></orderedlist>\n"
		"<para><xref xml:id=\"x1\" linkend=\"fig\"/> <xref xml:id=\"x2\" linkend=\"s\"/> "
		"<xref xml:id=\"x3\" linkend=\"tab\"/> <xref xml:id=\"x4\" linkend=\"c\"/> "
		"<xref xml:id=\"x5\" linkend=\"fn\"/> <xref xml:id=\"x6\" linkend=\"li\"/> "
		"<xref xml:id=\"x7\" linkend=\"fig\" endterm=\"s\"/> <xref xml:id=\"x8\" linkend=\"a1\"/> "
		"<link xml:id=\"x9\" linkend=\"s\">own words</link> <link xml:id=\"x10\" linkend=\"fig\"/> "
		"<footnoteref xml:id=\"x11\" linkend=\"fn\"/> <xref xml:id=\"x12\" linkend=\"p\"/> "
		"<link xml:id=\"x13\" xlink:href=\"#fig\"/> <link xml:id=\"x14\" xlink:href=\"https://x.org\">w</link> "
		"<xref xml:id=\"x15\" linkend=\"gl\"/> <xref xml:id=\"x16\" linkend=\"ge\"/></para>\n"
		"</section></article>\n"
		"<chapter xml:id=\"c\" xml:lang=\"en\"><title>C</title><para><xref xml:id=\"y1\" linkend=\"fig\"/> "
		"<xref xml:id=\"y2\" linkend=\"c\"/></para></chapter>\n"
		"<glossary xml:id=\"gl\"><glossentry xml:id=\"ge\"><glossterm>kelompok</glossterm>"
		"<glossdef><para>d</para></glossdef></glossentry></glossary>\n"
		"</book>", &d, NULL);
	if (doc == NULL)
		return;
	STR_EQ(link_text_of(doc, "x1"), "Gambar 1.1");
	STR_EQ(link_text_of(doc, "x2"), "Apa Definisi?");      /* white space squeezed */
	STR_EQ(link_text_of(doc, "x3"), "Tabel Utama");        /* xreflabel */
	STR_EQ(link_text_of(doc, "x4"), "Bab 2");
	STR_EQ(link_text_of(doc, "x5"), "1");
	STR_EQ(link_text_of(doc, "x6"), "a");
	STR_EQ(link_text_of(doc, "x7"), "Apa Definisi?");      /* endterm */
	STR_EQ(link_text_of(doc, "x8"), "Metode Group Work");  /* article: its title */
	STR_EQ(link_text_of(doc, "x9"), "own words");          /* authored text stays */
	STR_EQ(link_text_of(doc, "x10"), "Gambar 1.1");
	STR_EQ(link_text_of(doc, "x12"), "p");                 /* no text: the id, warned */
	STR_EQ(link_text_of(doc, "x13"), "Gambar 1.1");        /* xlink:href="#id" */
	STR_EQ(link_text_of(doc, "x15"), "Glosarium");         /* untitled: its name */
	STR_EQ(link_text_of(doc, "x16"), "kelompok");
	STR_EQ(link_text_of(doc, "y1"), "Figure 1.1");         /* the xref's language */
	STR_EQ(link_text_of(doc, "y2"), "Chapter 2");
	folio_node *fr = by_id(doc, "x11");
	STR_EQ(fr->label, "1");
	OK(fr->target == by_id(doc, "fn"));
	folio_node *ext = by_id(doc, "x14");
	OK(ext->target == NULL);
	/* generated children are marked and point back */
	folio_node *gen = by_id(doc, "x1")->first;
	OK(gen->flags & FOLIO_FLAG_GENERATED);
	OK(gen->origin == by_id(doc, "x1"));
	STR_EQ(gen->lang, "id");
	OK(!(by_id(doc, "x9")->first->flags & FOLIO_FLAG_GENERATED));
	OK(diag_has(&d, "warning: no text for a link to <para id=\"p\">"));
	INT_EQ(d.errors, 0);
	if (d.errors)
		diag_print(&d);
	folio_doc_free(doc);
}

/* Hostile documents stay cheap: link text is bounded, and hints stop
 * after a hundred broken links. */
static void test_link_bounds(void)
{
	struct diags d;
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "<article " DB "><para xml:id=\"big\">");
	for (int i = 0; i < 300; i++)
		sb_puts(&b, "kata \u00e9 ");
	sb_puts(&b, "</para><para><xref xml:id=\"x\" linkend=\"big\" endterm=\"big\"/>");
	for (int i = 0; i < 150; i++)
		sb_puts(&b, "<xref linkend=\"bgi\"/>");
	sb_puts(&b, "</para></article>");
	folio_doc *doc = resolved(sb_str(&b), &d, NULL);
	sb_free(&b);
	if (doc == NULL)
		return;
	const char *t = folio_node_text(doc, folio_doc_find_id(doc, "x"));
	OK(strlen(t) >= 400 && strlen(t) <= 400 + 8); /* + a space, a character, "…" */
	OK(strncmp(t, "kata \u00e9 kata", 12) == 0);
	OK(strcmp(t + strlen(t) - 3, "\u2026") == 0);
	OK(utf8_valid(t, strlen(t)));
	INT_EQ(d.errors, 150);
	INT_EQ(d.notes, 100); /* "did you mean 'big'?" for the first hundred */
	folio_doc_free(doc);
}

int main(void)
{
	test_lang();
	test_ids();
	test_unknown_links();
	test_nearest();
	test_numbering();
	test_lists();
	test_xref_text();
	test_link_bounds();
	DONE();
}
