/* libs: folio_read folio_tree folio_util */
/*
 * test_read: the source reader.  Trees for each group of elements, exact
 * line:col of elements and text, languages, unknown and foreign elements,
 * whitespace, XInclude (folders, text, cycles, fallbacks, confinement),
 * entities (internal, external, bombs), malformed input and the limits.
 */
#include "folio/folio.h"
#include "harness.h"
#include "read_util.h"

#include <time.h>

#define DB "xmlns=\"http://docbook.org/ns/docbook\""
#define XL "xmlns:xlink=\"http://www.w3.org/1999/xlink\""
#define XI "xmlns:xi=\"http://www.w3.org/2001/XInclude\""

static void test_structure(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<book " DB " xml:lang=\"id\" xml:id=\"b\">"
		"<info><title>T</title><subtitle>S</subtitle></info>"
		"<preface><title>P</title><para>p</para></preface>"
		"<part><title>Pt</title><chapter xml:id=\"c1\"><title>C</title>"
		"<sect1><title>S1</title><sect2><title>S2</title><para>x</para></sect2></sect1>"
		"<section><title>S</title><simplesect><title>SS</title><para>y</para></simplesect></section>"
		"</chapter></part>"
		"<article><title>A</title><para>a</para></article>"
		"<appendix><title>Ap</title><para>z</para></appendix>"
		"<glossary role=\"auto\"/><bibliography role=\"auto\"><title>Daftar</title></bibliography>"
		"<index/><colophon><para>c</para></colophon>"
		"</book>", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	STR_EQ(dump(doc->root),
	       "book(info(title('T') subtitle('S')) preface(title('P') para('p')) "
	       "part(title('Pt') chapter(title('C') sect1(title('S1') sect2(title('S2') para('x'))) "
	       "section(title('S') simplesect(title('SS') para('y'))))) "
	       "article(title('A') para('a')) appendix(title('Ap') para('z')) "
	       "glossary bibliography(title('Daftar')) index colophon(para('c')))");
	folio_node *s2 = find_kind(doc->root, FOLIO_NODE_SECTION, 1);
	OK(s2 != NULL);
	if (s2)
		STR_EQ(s2->name, "sect2"); /* sect1..sect5 are sections */
	INT_EQ(find_kind(doc->root, FOLIO_NODE_SECTION, 0)->kind, FOLIO_NODE_SECTION);
	STR_EQ(doc->root->id, "b");
	STR_EQ(doc->root->lang, "id");
	STR_EQ(find_kind(doc->root, FOLIO_NODE_GLOSSARY, 0)->role, "auto");
	STR_EQ(find_kind(doc->root, FOLIO_NODE_CHAPTER, 0)->id, "c1");
	INT_EQ(d.n, 0);
	/* serials follow document order */
	unsigned last = 0;
	int ordered = 1;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0)) {
		ordered &= n->serial == last + 1;
		last = n->serial;
	}
	OK(ordered);
	INT_EQ(doc->node_count, last);
	folio_doc_free(doc);
}

static void test_metadata(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB ">\n"
		"  <info>\n"
		"    <title>T</title>\n"
		"    <author>\n"
		"      <personname><firstname>Ani</firstname> <surname>Rahma</surname></personname>\n"
		"      <affiliation><orgname>UI</orgname></affiliation>\n"
		"    </author>\n"
		"    <editor><personname>Budi</personname></editor>\n"
		"    <pubdate>2024</pubdate><edition>2</edition>\n"
		"    <publisher><publishername>Pustaka</publishername><address><city>Depok</city></address></publisher>\n"
		"    <copyright><year>2024</year><holder>UI</holder></copyright>\n"
		"    <abstract><para>Ringkas.</para></abstract>\n"
		"    <keywordset><keyword>kerja</keyword></keywordset>\n"
		"    <biblioid class=\"isbn\">978</biblioid>\n"
		"    <meta name=\"x\" content=\"y\"/>\n"
		"  </info>\n"
		"  <para>body</para>\n"
		"</article>\n", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	STR_EQ(dump(doc->root),
	       "article(info(title('T') author(personname(firstname('Ani') ' ' surname('Rahma')) "
	       "affiliation(orgname('UI'))) editor(personname('Budi')) pubdate('2024') edition('2') "
	       "publisher(publishername('Pustaka') address(city('Depok'))) "
	       "copyright(year('2024') holder('UI')) abstract(para('Ringkas.')) "
	       "keywordset(keyword('kerja')) biblioid('978') meta) para('body'))");
	folio_node *id = find_kind(doc->root, FOLIO_NODE_BIBLIOID, 0);
	STR_EQ(folio_node_attr(id, "class"), "isbn");
	folio_node *meta = find_kind(doc->root, FOLIO_NODE_META, 0);
	STR_EQ(folio_node_attr(meta, "name"), "x");
	STR_EQ(folio_node_attr(meta, "content"), "y");
	INT_EQ(d.n, 0);
	folio_doc_free(doc);
}

static void test_blocks(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB ">\n"
		"<formalpara><title>F</title><para>fp</para></formalpara>\n"
		"<blockquote><attribution>Zastrow</attribution><para>q</para></blockquote>\n"
		"<note><para>n</para></note> <warning><title>W</title><para>w</para></warning>\n"
		"<example><title>E</title><programlisting language=\"c\">int x;\n  y();\n</programlisting></example>\n"
		"<figure xml:id=\"f1\"><title>Fig</title><mediaobject><imageobject>"
		"<imagedata fileref=\"img/a.png\" width=\"5cm\"/></imageobject>"
		"<textobject><phrase>alt text</phrase></textobject></mediaobject></figure>\n"
		"<literallayout>  a\n   b</literallayout>\n"
		"<sidebar><title>Sb</title><simpara>s</simpara></sidebar>\n"
		"<epigraph><attribution>A</attribution><para>e</para></epigraph>\n"
		"<bridgehead>BH</bridgehead>\n"
		"</article>", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	STR_EQ(dump(doc->root),
	       "article(formalpara(title('F') para('fp')) "
	       "blockquote(attribution('Zastrow') para('q')) "
	       "note(para('n')) warning(title('W') para('w')) "
	       "example(title('E') programlisting('int x;\\n  y();\\n')) "
	       "figure(title('Fig') mediaobject(imageobject(imagedata) textobject(phrase('alt text')))) "
	       "literallayout('  a\\n   b') sidebar(title('Sb') simpara('s')) "
	       "epigraph(attribution('A') para('e')) bridgehead('BH'))");
	folio_node *img = find_kind(doc->root, FOLIO_NODE_IMAGEDATA, 0);
	STR_EQ(folio_node_attr(img, "fileref"), "img/a.png");
	STR_EQ(folio_node_attr(img, "width"), "5cm");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_PROGRAMLISTING, 0), "language"), "c");
	STR_EQ(find_kind(doc->root, FOLIO_NODE_FIGURE, 0)->id, "f1");
	INT_EQ(d.n, 0);
	folio_doc_free(doc);
}

static void test_inlines(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB " " XL "><para xml:id=\"p\">"
		"<emphasis role=\"bold\">b</emphasis> <quote>q</quote> "
		"<foreignphrase xml:lang=\"en\">group work</foreignphrase> "
		"<link xlink:href=\"https://example.org\">web</link> <xref linkend=\"p\"/> "
		"<footnote><para>fn</para></footnote> "
		"<glossterm linkend=\"gl-x\">x</glossterm> <firstterm baseform=\"y\">ys</firstterm> "
		"<citation role=\"narrative\">zastrow2017</citation> <citetitle>Buku</citetitle> "
		"<biblioref linkend=\"k\"/> "
		"<indexterm significance=\"preferred\"><primary sortas=\"a\">A</primary>"
		"<secondary>B</secondary><see>C</see></indexterm>"
		"H<subscript>2</subscript>O x<superscript>2</superscript> "
		"<acronym>PBB</acronym> <abbrev>hlm.</abbrev> <trademark>T</trademark> "
		"<phrase role=\"x\">ph</phrase></para></article>", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	STR_EQ(dump(doc->root),
	       "article(para(emphasis('b') ' ' quote('q') ' ' foreignphrase('group work') ' ' "
	       "link('web') ' ' xref ' ' footnote(para('fn')) ' ' glossterm('x') ' ' "
	       "firstterm('ys') ' ' citation('zastrow2017') ' ' citetitle('Buku') ' ' biblioref ' ' "
	       "indexterm(primary('A') secondary('B') see('C')) 'H' subscript('2') 'O x' "
	       "superscript('2') ' ' acronym('PBB') ' ' abbrev('hlm.') ' ' trademark('T') ' ' "
	       "phrase('ph')))");
	STR_EQ(find_kind(doc->root, FOLIO_NODE_EMPHASIS, 0)->role, "bold");
	STR_EQ(find_kind(doc->root, FOLIO_NODE_FOREIGNPHRASE, 0)->lang, "en");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_LINK, 0), "xlink:href"),
	       "https://example.org");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_XREF, 0), "linkend"), "p");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_GLOSSTERM, 0), "linkend"), "gl-x");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_FIRSTTERM, 0), "baseform"), "y");
	STR_EQ(find_kind(doc->root, FOLIO_NODE_CITATION, 0)->role, "narrative");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_INDEXTERM, 0), "significance"),
	       "preferred");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_PRIMARY, 0), "sortas"), "a");
	INT_EQ(d.n, 0);
	folio_doc_free(doc);
}

static void test_lists(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB ">\n"
		"  <itemizedlist mark=\"bullet\">\n"
		"    <listitem><para>a</para></listitem>\n"
		"    <listitem><para>b</para></listitem>\n"
		"  </itemizedlist>\n"
		"  <orderedlist numeration=\"loweralpha\" startingnumber=\"3\">\n"
		"    <listitem><para>c</para></listitem>\n"
		"  </orderedlist>\n"
		"  <variablelist><varlistentry><term>T</term>\n"
		"    <listitem><para>d</para></listitem></varlistentry></variablelist>\n"
		"  <simplelist><member>m1</member><member>m2</member></simplelist>\n"
		"  <procedure><step><para>s</para><substeps><step><para>ss</para></step></substeps></step></procedure>\n"
		"  <qandaset><qandaentry><question><para>Q</para></question>"
		"<answer><para>A</para></answer></qandaentry></qandaset>\n"
		"</article>", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	STR_EQ(dump(doc->root),
	       "article(itemizedlist(listitem(para('a')) listitem(para('b'))) "
	       "orderedlist(listitem(para('c'))) "
	       "variablelist(varlistentry(term('T') listitem(para('d')))) "
	       "simplelist(member('m1') member('m2')) "
	       "procedure(step(para('s') substeps(step(para('ss'))))) "
	       "qandaset(qandaentry(question(para('Q')) answer(para('A')))))");
	folio_node *ol = find_kind(doc->root, FOLIO_NODE_ORDEREDLIST, 0);
	STR_EQ(folio_node_attr(ol, "numeration"), "loweralpha");
	STR_EQ(folio_node_attr(ol, "startingnumber"), "3");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_ITEMIZEDLIST, 0), "mark"), "bullet");
	INT_EQ(d.n, 0);
	folio_doc_free(doc);
}

static void test_tables(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB ">\n"
		"<table frame=\"all\"><title>Tb</title>\n"
		" <tgroup cols=\"2\"><colspec colname=\"c1\" colwidth=\"1*\"/><colspec colname=\"c2\"/>\n"
		"  <thead><row><entry>H1</entry><entry>H2</entry></row></thead>\n"
		"  <tbody><row><entry namest=\"c1\" nameend=\"c2\">span</entry></row>\n"
		"   <row><entry><para>p1</para> <para>p2</para></entry><entry> <emphasis>e</emphasis> f</entry></row></tbody>\n"
		" </tgroup></table>\n"
		"<informaltable><tr><th>h</th><td colspan=\"2\">d</td></tr></informaltable>\n"
		"</article>", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	STR_EQ(dump(doc->root),
	       "article(table(title('Tb') tgroup(colspec colspec "
	       "thead(row(entry('H1') entry('H2'))) "
	       "tbody(row(entry('span')) row(entry(para('p1') para('p2')) "
	       "entry(' ' emphasis('e') ' f'))))) "
	       "informaltable(tr(th('h') td('d'))))");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_TGROUP, 0), "cols"), "2");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_ENTRY, 2), "namest"), "c1");
	STR_EQ(folio_node_attr(find_kind(doc->root, FOLIO_NODE_TD, 0), "colspan"), "2");
	INT_EQ(d.n, 0);
	folio_doc_free(doc);
}

static void test_technical_inlines(void)
{
	static const char *names[] = {
		"literal", "code", "command", "filename", "option", "replaceable",
		"parameter", "varname", "envar", "tag", "uri", "email", "systemitem",
		"userinput", "computeroutput", "package", "application", "productname",
		"guimenu", "guibutton", "guilabel", "menuchoice", "keycap", "function",
		"classname", "constant", "prompt",
	};
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "<article " DB "><para>");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		sb_printf(&b, "<%s>%zu</%s>", names[i], i, names[i]);
	sb_puts(&b, "</para></article>");
	struct diags d;
	folio_doc *doc = read_str(sb_str(&b), &d);
	sb_free(&b);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	folio_node *para = doc->root->first;
	size_t i = 0;
	for (folio_node *c = para->first; c; c = c->next, i++) {
		OK(i < sizeof names / sizeof names[0]);
		if (i >= sizeof names / sizeof names[0])
			break;
		INT_EQ(c->kind, folio_kind_from_name(names[i]));
		OK(c->kind != FOLIO_NODE_UNKNOWN);
		STR_EQ(c->name, names[i]);
		INT_EQ(folio_kind_class(c->kind), FOLIO_CLASS_INLINE);
	}
	INT_EQ(i, sizeof names / sizeof names[0]);
	INT_EQ(d.n, 0);
	folio_doc_free(doc);
}

static void test_locations(void)
{
	struct diags d;
	/* columns count characters: é and ü are two bytes each, a tab is one */
	folio_doc *doc = read_str(
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"       /* 1 */
		"<article " DB ">\n"                                  /* 2 */
		"  <para>héllo <emphasis>wörld</emphasis></para>\n"  /* 3 */
		"\t<para\n"                                           /* 4 */
		"     role=\"x\">tab&amp;<![CDATA[<cdata>]]></para>\n" /* 5 */
		"  <para>ä&#233;<emphasis>x</emphasis>&lt;y</para>\n" /* 6 */
		"</article>\n", &d);
	OK(doc != NULL);
	if (doc == NULL) {
		diag_print(&d);
		return;
	}
	folio_node *p1 = find_kind(doc->root, FOLIO_NODE_PARA, 0);
	folio_node *p2 = find_kind(doc->root, FOLIO_NODE_PARA, 1);
	folio_node *p3 = find_kind(doc->root, FOLIO_NODE_PARA, 2);
	STR_EQ(lc(doc->root), "2:1");
	STR_EQ(lc(p1), "3:3");
	STR_EQ(lc(p1->first), "3:9");                  /* "héllo " */
	STR_EQ(lc(p1->first->next), "3:15");           /* <emphasis> after "héllo " */
	STR_EQ(lc(p1->first->next->first), "3:25");    /* "wörld" */
	STR_EQ(lc(p2), "4:2");                          /* after a tab */
	STR_EQ(lc(p2->first), "5:15");                 /* text after a multi-line tag */
	STR_EQ(dump(p2), "para('tab&<cdata>')");     /* one text node from three pieces */
	STR_EQ(lc(p3->first), "6:9");
	STR_EQ(dump(p3), "para('äé' emphasis('x') '<y')");
	STR_EQ(lc(p3->first->next), "6:16");
	STR_EQ(lc(p3->last), "6:38");                  /* "&lt;y" starts at its '&' */
	STR_EQ(p1->loc.file, "t.xml");
	folio_doc_free(doc);

	/* a long single line: columns stay exact far into it */
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "<article " DB "><para>");
	for (int i = 0; i < 5000; i++)
		sb_puts(&b, "<phrase>é</phrase>");
	sb_puts(&b, "</para></article>");
	doc = read_str(sb_str(&b), &d);
	sb_free(&b);
	OK(doc != NULL);
	if (doc) {
		folio_node *last = doc->root->first->last;
		/* 53 characters before <para>'s content, 18 per phrase */
		STR_EQ(lc(last), "1:90036");
		STR_EQ(lc(last->first), "1:90044");
		folio_doc_free(doc);
	}

	/* a UTF-8 byte order mark is not a column */
	doc = read_str("\xEF\xBB\xBF<article " DB "><para>x</para></article>", &d);
	OK(doc != NULL);
	if (doc) {
		STR_EQ(lc(doc->root), "1:1");
		STR_EQ(lc(doc->root->first), "1:48");
		folio_doc_free(doc);
	}
}

static void test_lang_and_ids(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<book " DB " xml:lang=\"id\"><article xml:lang=\"en-GB\" xml:id=\"a\">"
		"<para>x <foreignphrase xml:lang=\"la\">et al.</foreignphrase></para>"
		"</article></book>", &d);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	STR_EQ(doc->root->lang, "id");
	STR_EQ(doc->root->first->lang, "en-GB");
	STR_EQ(doc->root->first->id, "a");
	/* the reader records xml:lang only where written; resolve inherits */
	OK(doc->root->first->first->lang == NULL);
	STR_EQ(find_kind(doc->root, FOLIO_NODE_FOREIGNPHRASE, 0)->lang, "la");
	/* xml:base is dropped, other xml: attributes are kept */
	folio_doc_free(doc);
	doc = read_str("<article " DB " xml:base=\"x/\" xml:space=\"preserve\"><para/></article>", &d);
	OK(doc != NULL);
	if (doc) {
		OK(folio_node_attr(doc->root, "xml:base") == NULL);
		STR_EQ(folio_node_attr(doc->root, "xml:space"), "preserve");
		folio_doc_free(doc);
	}
}

static void test_unknown_elements(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB ">\n"
		"<para>a <blink>b</blink></para>\n"
		"<para><blink>c</blink> <marquee>d</marquee></para>\n"
		"<para><blink/></para>\n"
		"</article>", &d);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	STR_EQ(dump(doc->root),
	       "article(para('a ' blink('b')) para(blink('c') ' ' marquee('d')) para(blink))");
	folio_node *blink = find_kind(doc->root, FOLIO_NODE_UNKNOWN, 0);
	STR_EQ(blink->name, "blink");
	INT_EQ(d.warnings, 2); /* once per name */
	OK(diag_has(&d, "t.xml:2:9: warning: element <blink> is not supported; its text is kept"));
	OK(diag_has(&d, "t.xml:3:24: warning: element <marquee> is not supported"));
	INT_EQ(d.errors, 0);
	folio_doc_free(doc);
}

static void test_foreign_namespaces(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
		"<info><title>T</title><dc:rights>CC <dc:x>BY</dc:x></dc:rights></info>\n"
		"<para>a<svg xmlns=\"http://www.w3.org/2000/svg\"><text>drawn</text></svg>b</para>\n"
		"<para>c<svg xmlns=\"http://www.w3.org/2000/svg\"/></para>\n"
		"</article>", &d);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	/* left out with their content; silent in metadata, one warning in
	 * the body per element */
	STR_EQ(dump(doc->root), "article(info(title('T')) para('ab') para('c'))");
	INT_EQ(d.warnings, 1);
	OK(diag_has(&d, "t.xml:3:8: warning: element <svg> (namespace http://www.w3.org/2000/svg) is not DocBook; it is left out"));
	folio_doc_free(doc);

	/* an element with no namespace inside DocBook is foreign too */
	doc = read_str("<article " DB "><para>a<b xmlns=\"\">x</b></para></article>", &d);
	OK(doc != NULL);
	if (doc) {
		STR_EQ(dump(doc->root), "article(para('a'))");
		OK(diag_has(&d, "element <b> has no namespace, so it is not DocBook"));
		folio_doc_free(doc);
	}
}

static void test_whitespace(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<article " DB ">\n"
		"  <section>\n"
		"    <title> Judul </title>\n"
		"    <para>\n"
		"      <emphasis>a</emphasis> <emphasis>b</emphasis>\n"
		"    </para>\n"
		"    <itemizedlist>\n"
		"      <listitem>\n"
		"        <para>i</para>\n"
		"      </listitem>\n"
		"    </itemizedlist>\n"
		"    <programlisting>  x\n\n  y  </programlisting>\n"
		"  </section>\n"
		"</article>\n", &d);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	STR_EQ(dump(doc->root),
	       "article(section(title(' Judul ') para('\\n      ' emphasis('a') ' ' emphasis('b') '\\n    ') "
	       "itemizedlist(listitem(para('i'))) programlisting('  x\\n\\n  y  ')))");
	folio_doc_free(doc);
}

/* ---- XInclude ---- */

static folio_doc *read_file(const char *name, struct diags *d, const folio_read_opts *o)
{
	memset(d, 0, sizeof(*d));
	folio_diag *diag = folio_diag_new(collect_diag, d);
	folio_doc *doc = folio_read(tmp_path(name), o, diag);
	folio_diag_free(diag);
	return doc;
}

static void test_xinclude(void)
{
	tmp_make();
	if (system("mkdir -p /tmp/folio-test-outside") != 0)
		OK(0);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s/articles/x' && ln -s /etc '%s/etc'",
		 tmp_dir, tmp_dir);
	OK(system(cmd) == 0);
	tmp_write("main.xml",
		  "<book " DB " " XI " xml:lang=\"id\">\n"
		  "  <title>B</title>\n"
		  "  <xi:include href=\"articles/a.xml\"/>\n"
		  "  <chapter><title>C</title>\n"
		  "    <programlisting><xi:include href=\"code.txt\" parse=\"text\"/></programlisting>\n"
		  "    <xi:include href=\"nope.xml\"><xi:fallback><para>fell back</para></xi:fallback></xi:include>\n"
		  "  </chapter>\n"
		  "  <para>after</para>\n"
		  "</book>\n");
	tmp_write("articles/a.xml",
		  "<?xml version=\"1.0\"?>\n"
		  "<article " DB " " XI " xml:id=\"a\">\n"
		  "  <title>A</title>\n"
		  "  <xi:include href=\"x/b.xml\"/>\n"
		  "</article>\n");
	tmp_write("articles/x/b.xml",
		  "<section " DB " " XI ">\n"
		  "  <title>B</title><xi:include href=\"../../shared.xml\"/>\n"
		  "</section>\n");
	tmp_write("shared.xml", "<para " DB ">shared</para>");
	tmp_write("code.txt", "int main(void)\n{\n}\n");

	struct diags d;
	folio_doc *doc = read_file("main.xml", &d, NULL);
	OK(doc != NULL);
	if (doc) {
		STR_EQ(dump(doc->root),
		       "book(title('B') article(title('A') section(title('B') para('shared'))) "
		       "chapter(title('C') programlisting('int main(void)\\n{\\n}\\n') "
		       "para('fell back')) para('after'))");
		/* every node knows its own file, line and column */
		folio_node *art = find_kind(doc->root, FOLIO_NODE_ARTICLE, 0);
		folio_node *sec = find_kind(doc->root, FOLIO_NODE_SECTION, 0);
		folio_node *shared = find_kind(doc->root, FOLIO_NODE_PARA, 0);
		folio_node *code = find_kind(doc->root, FOLIO_NODE_PROGRAMLISTING, 0)->first;
		folio_node *after = doc->root->last;
		OK(strstr(art->loc.file, "/articles/a.xml") != NULL);
		STR_EQ(lc(art), "2:1");
		OK(strstr(sec->loc.file, "/articles/x/b.xml") != NULL);
		STR_EQ(lc(sec->first), "2:3");
		OK(strstr(shared->loc.file, "/shared.xml") != NULL);
		OK(strstr(shared->loc.file, "..") == NULL); /* shown normalized */
		OK(strstr(code->loc.file, "/code.txt") != NULL);
		STR_EQ(lc(code), "1:1");
		OK(strstr(after->loc.file, "/main.xml") != NULL);
		STR_EQ(lc(after), "8:3");
		STR_EQ(art->id, "a");
		INT_EQ(d.n, 0);
		folio_doc_free(doc);
	}
	if (d.n)
		diag_print(&d);

	/* a missing file without fallback */
	tmp_write("missing.xml", "<article " DB " " XI ">\n <xi:include href=\"gone.xml\"/>\n</article>");
	doc = read_file("missing.xml", &d, NULL);
	OK(doc == NULL);
	OK(diag_has(&d, "/missing.xml:2:2: error: cannot include '"));
	OK(diag_has(&d, "/gone.xml': No such file or directory"));

	/* cycles: direct and through another file */
	tmp_write("self.xml", "<article " DB " " XI "><xi:include href=\"self.xml\"/></article>");
	doc = read_file("self.xml", &d, NULL);
	OK(doc == NULL);
	OK(diag_has(&d, "error: xi:include cycle: "));
	tmp_write("c1.xml", "<book " DB " " XI "><xi:include href=\"c2.xml\"/></book>");
	tmp_write("c2.xml", "<article " DB " " XI ">\n<xi:include href=\"c1.xml\"/></article>");
	doc = read_file("c1.xml", &d, NULL);
	OK(doc == NULL);
	OK(diag_has(&d, "/c2.xml:2:1: error: xi:include cycle: "));
	OK(diag_has(&d, "/c1.xml \u2192 ") && diag_has(&d, "/c2.xml \u2192 "));
	/* the same file twice, not nested, is not a cycle */
	tmp_write("twice.xml", "<book " DB " " XI "><xi:include href=\"shared.xml\"/>"
		  "<xi:include href=\"shared.xml\"/></book>");
	doc = read_file("twice.xml", &d, NULL);
	OK(doc != NULL);
	if (doc)
		STR_EQ(dump(doc->root), "book(para('shared') para('shared'))");
	folio_doc_free(doc);

	/* leaving the folder: "..", an absolute path, a symbolic link; a
	 * fallback does not excuse it */
	if (system("echo '<para xmlns=\"http://docbook.org/ns/docbook\">out</para>' "
		   "> /tmp/folio-test-outside/o.xml") != 0)
		OK(0);
	tmp_write("out.xml", "<article " DB " " XI ">\n"
		  "<xi:include href=\"../folio-test-outside/o.xml\"/>\n"
		  "<xi:include href=\"/etc/passwd\" parse=\"text\"><xi:fallback/></xi:include>\n"
		  "<xi:include href=\"etc/passwd\" parse=\"text\"/>\n"
		  "<xi:include href=\"file:///etc/hostname\" parse=\"text\"/>\n"
		  "<xi:include href=\"http://example.org/x.xml\"/>\n"
		  "</article>");
	doc = read_file("out.xml", &d, NULL);
	OK(doc == NULL);
	INT_EQ(diag_count(&d, "error: cannot include '"), 4);
	OK(diag_has(&d, "/out.xml:2:1: error: cannot include '"));
	OK(diag_has(&d, "/folio-test-outside/o.xml': it is outside the source folder"));
	OK(diag_has(&d, "/out.xml:3:1: error: cannot include '/etc/passwd': it is outside"));
	OK(diag_has(&d, "/out.xml:4:1: error: cannot include '"));
	OK(diag_has(&d, "/out.xml:5:1: error: cannot include '/etc/hostname': it is outside"));
	OK(diag_has(&d, "/out.xml:6:1: error: cannot include \"http://example.org/x.xml\": folio reads only local files"));
	/* --allow-outside lets the first one in */
	tmp_write("out2.xml", "<article " DB " " XI "><xi:include href=\"../folio-test-outside/o.xml\"/></article>");
	folio_read_opts allow = { 1, NULL, 0 };
	doc = read_file("out2.xml", &d, &allow);
	OK(doc != NULL);
	if (doc)
		STR_EQ(dump(doc->root), "article(para('out'))");
	folio_doc_free(doc);
	/* an explicit confinement folder */
	folio_read_opts confine = { 0, "/tmp/folio-test-outside", 0 };
	doc = read_file("out2.xml", &d, &confine);
	OK(doc == NULL);
	OK(diag_has(&d, "outside the folder"));

	/* xpointer, bad parse, an included root outside DocBook */
	tmp_write("xp.xml", "<article " DB " " XI "><xi:include href=\"shared.xml\" xpointer=\"x\"/>"
		  "<xi:include href=\"shared.xml\" parse=\"html\"/><xi:include href=\"plain.xml\"/></article>");
	tmp_write("plain.xml", "<para>no namespace</para>");
	doc = read_file("xp.xml", &d, NULL);
	OK(doc == NULL);
	OK(diag_has(&d, "error: xpointer=\"x\" names no element in"));
	OK(diag_has(&d, "parse=\"html\": it must be \"xml\" or \"text\""));
	OK(diag_has(&d, "/plain.xml:1:1: error: the root element <para> of an included file is not in the DocBook namespace"));

	/* xpointer picks one element, which keeps its file, line and column */
	tmp_write("xp-parts.xml", "<chapter " DB ">\n<title>T</title>\n"
		  "  <para xml:id=\"p2\">two</para>\n<para>three</para></chapter>");
	tmp_write("xp-ok.xml", "<article " DB " " XI "><xi:include href=\"xp-parts.xml\" xpointer=\"p2\"/>"
		  "<xi:include href=\"xp-parts.xml\" xpointer=\"element(/1/3)\"/></article>");
	doc = read_file("xp-ok.xml", &d, NULL);
	OK(doc != NULL);
	if (doc) {
		folio_node *a = doc->root->first, *b = a ? a->next : NULL;
		OK(a && a->kind == FOLIO_NODE_PARA && a->id && strcmp(a->id, "p2") == 0);
		OK(a && strstr(a->loc.file, "xp-parts.xml") && a->loc.line == 3 && a->loc.col == 3);
		OK(b && b->kind == FOLIO_NODE_PARA && b->loc.line == 4 && b->next == NULL);
		folio_doc_free(doc);
	}

	/* an error inside an included file names that file */
	tmp_write("inc-bad.xml", "<article " DB " " XI "><xi:include href=\"broken.xml\"/></article>");
	tmp_write("broken.xml", "<para " DB ">\n<emphasis>x</para>");
	doc = read_file("inc-bad.xml", &d, NULL);
	OK(doc == NULL);
	OK(diag_has(&d, "/broken.xml:2:12: error: Opening and ending tag mismatch"));
	tmp_remove();
	if (system("rm -rf /tmp/folio-test-outside") != 0)
		OK(0);
}

/* ---- entities ---- */

/* CPU seconds this process has used since t0 (CLOCK_PROCESS_CPUTIME_ID):
 * an expansion that was not refused costs seconds of CPU, while the wall
 * clock would only tell how busy the machine is. */
static void cpu_now(struct timespec *t)
{
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, t);
}

static double cpu_seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	cpu_now(&t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Refusing takes milliseconds; 5 s of CPU leaves room for a sanitizer
 * build and still catches an expansion that happens. */
#define REFUSAL_CPU_SECONDS 5.0

static void test_entities(void)
{
	struct diags d;
	folio_doc *doc = read_str(
		"<!DOCTYPE article [\n"
		"  <!ENTITY org \"Kementerian <emphasis>Sosial</emphasis>\">\n"
		"  <!ENTITY nbsp \"&#160;\">\n"
		"]>\n"
		"<article " DB "><para>Di &org;&nbsp;RI &amp; &org;.</para></article>", &d);
	OK(doc != NULL);
	if (doc) {
		STR_EQ(dump(doc->root),
		       "article(para('Di Kementerian ' emphasis('Sosial') '\u00a0RI & Kementerian ' "
		       "emphasis('Sosial') '.'))");
		/* text from an entity is placed at its reference */
		STR_EQ(lc(find_kind(doc->root, FOLIO_NODE_EMPHASIS, 0)), "5:57");
		STR_EQ(lc(find_kind(doc->root, FOLIO_NODE_EMPHASIS, 1)), "5:77");
		folio_doc_free(doc);
	}

	/* XXE: the declaration itself is refused, the file never read */
	doc = read_str("<!DOCTYPE article [\n"
		       "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
		       "]>\n"
		       "<article " DB "><para>&xxe;</para></article>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:2:3: error: external entities are not allowed"));
	for (int i = 0; i < d.n; i++)
		OK(strstr(d.lines[i], "root:") == NULL);
	doc = read_str("<!DOCTYPE article [\n"
		       "  <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;\n"
		       "]>\n"
		       "<article " DB "/>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "error: external entities are not allowed"));

	/* an entity a DTD would define: an error, not silently lost text */
	doc = read_str("<!DOCTYPE article SYSTEM \"docbook.dtd\">\n"
		       "<article " DB "><para>a&nbsp;b</para></article>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:2:55: error: Entity 'nbsp' not defined; folio reads no DTD"));
	/* the external DTD itself is not read and not an error */
	doc = read_str("<!DOCTYPE article PUBLIC \"-//OASIS//DTD DocBook XML V4.5//EN\" "
		       "\"http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd\">\n"
		       "<article " DB "><para>a</para></article>", &d);
	OK(doc != NULL);
	INT_EQ(d.n, 0);
	folio_doc_free(doc);

	/* billion laughs: refused, and quickly */
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "<!DOCTYPE article [\n<!ENTITY l0 \"lol\">\n");
	for (int i = 1; i <= 10; i++) {
		sb_printf(&b, "<!ENTITY l%d \"", i);
		for (int k = 0; k < 10; k++)
			sb_printf(&b, "&l%d;", i - 1);
		sb_puts(&b, "\">\n");
	}
	sb_puts(&b, "]>\n<article " DB "><para>&l10;</para></article>");
	struct timespec t0;
	cpu_now(&t0);
	doc = read_str(sb_str(&b), &d);
	double secs = cpu_seconds_since(&t0);
	sb_free(&b);
	OK(doc == NULL);
	OK(secs < REFUSAL_CPU_SECONDS);
	/* measured from the declarations: l6 is the first over 1 MB */
	OK(diag_has(&d, "t.xml:8:1: error: entity expansion refused: the entity 'l6' would expand to more than 1 MB of text"));
	INT_EQ(d.errors, 1);

	/* a loop, and a bomb in an attribute value (found by fuzzing: it
	 * took libxml2 seconds) */
	doc = read_str("<!DOCTYPE article [\n<!ENTITY a \"x&b;\">\n<!ENTITY b \"&c;\">\n"
		       "<!ENTITY c \"&b;\">\n]>\n<article " DB "/>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:3:1: error: entity expansion refused: the entity 'b' refers to itself"));
	sb_puts(&b, "<!DOCTYPE article [\n<!ENTITY l0 \"lol\">\n");
	for (int i = 1; i <= 8; i++) {
		sb_printf(&b, "<!ENTITY l%d \"", i);
		for (int k = 0; k < 10; k++)
			sb_printf(&b, "&l%d;", i - 1);
		sb_puts(&b, "\">\n");
	}
	sb_puts(&b, "]>\n<article " DB " role=\"&l8;\"/>");
	cpu_now(&t0);
	doc = read_str(sb_str(&b), &d);
	secs = cpu_seconds_since(&t0);
	sb_free(&b);
	OK(doc == NULL);
	OK(secs < REFUSAL_CPU_SECONDS);
	OK(diag_has(&d, "error: entity expansion refused: the entity 'l6'"));

	/* quadratic blow-up: one big entity used many times */
	sb_puts(&b, "<!DOCTYPE article [\n<!ENTITY big \"");
	for (int i = 0; i < 20000; i++)
		sb_putc(&b, 'x');
	sb_puts(&b, "\">\n]>\n<article " DB ">");
	for (int i = 0; i < 20000; i++)
		sb_puts(&b, "<para>&big;</para>");
	sb_puts(&b, "</article>");
	cpu_now(&t0);
	doc = read_str(sb_str(&b), &d);
	secs = cpu_seconds_since(&t0);
	sb_free(&b);
	OK(doc == NULL);
	OK(secs < REFUSAL_CPU_SECONDS);
	OK(diag_has(&d, "error: the document holds more than 16 MB of text made by internal entities (folio's limit)"));
}

/* ---- malformed input and the root ---- */

static void test_malformed(void)
{
	struct diags d;
	folio_doc *doc = read_str("<?xml version=\"1.0\"?>\n"
				  "<article " DB ">\n"
				  "<para>x\n"
				  "<emphasis>bold</para>\n"
				  "</article>\n", &d);
	OK(doc == NULL);
	INT_EQ(d.errors, 1); /* the first error only, not the cascade */
	OK(diag_has(&d, "t.xml:4:15: error: Opening and ending tag mismatch: <emphasis> opened on line 4 is closed by </para>"));

	doc = read_str("<article " DB "><para a=\"1\" a=\"2\"/></article>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:1:"));
	OK(diag_has(&d, "error: Attribute a redefined"));

	doc = read_str("<article " DB "><para>a\xff\xfe b</para></article>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:1:55: error: the text is not valid UTF-8 (bytes 0xFF 0xFE"));

	doc = read_str("", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml: error: the file is empty"));
	doc = read_str("   \n", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:2:1: error: not an XML document: expected the root element's start tag"));
	doc = read_str("\x01\x02garbage\x7f", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:1:1: error: "));
	doc = read_str("<article " DB "><para>unclosed", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "error: Premature end of data"));
	doc = read_str("<article " DB "><xi:include href=\"a.xml\"/></article>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "Namespace prefix xi on include is not defined"));

	/* an encoding error inside libxml2's switch to the declared
	 * encoding (found by fuzzing: stopping the parser from the error
	 * handler crashed) */
	doc = read_str("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<!-- x --\xfd\n<a/>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:1:37: error: input conversion failed"));
	/* the same, raised while libxml2 grows its buffer (found by fuzzing:
	 * computing the place from the cursor read freed memory) */
	doc = read_str("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<!-- expect-statext.\n-->\n"
		       "<!DOCTYPE article PUBLIC?>\n<!-- expect-status: 1\n     exan error, not lost text.\n-->\n"
		       "<!DOCTYPE article \xb0\xaa\xbd\xa9IC \"-//OADTD</title>\n"
		       "  <para>&nbsp;10.000</para\n>/a<rticle>\n", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "error: input conversion failed"));

	/* the root */
	doc = read_str("<article>\n<para>x</para></article>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:1:1: error: root element must be a DocBook 5 division: <article> is not in the DocBook namespace"));
	OK(diag_has(&d, "t.xml:1:1: note: add xmlns=\"http://docbook.org/ns/docbook\" to <article>"));
	doc = read_str("<para " DB ">x</para>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "error: root element must be a DocBook 5 division (book, article, set, chapter, section, refentry...), not <para>"));
	doc = read_str("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "error: root element must be a DocBook 5 division (book, article, set, chapter, section, refentry...), not <html>"));
	OK(diag_has(&d, "note: its namespace is http://www.w3.org/1999/xhtml"));
	doc = read_str("<book xmlns=\"http://docbook.org/ns/docbook/\"/>", &d);
	OK(doc == NULL);
	OK(diag_has(&d, "<book> is not in the DocBook namespace"));
}

static void test_encodings(void)
{
	struct diags d;
	const char latin1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
			      "<article " DB "><para>caf\xe9 <emphasis>x</emphasis></para></article>";
	folio_doc *doc = read_str(latin1, &d);
	OK(doc != NULL);
	if (doc) {
		STR_EQ(dump(doc->root), "article(para('caf\u00e9 ' emphasis('x')))");
		STR_EQ(lc(find_kind(doc->root, FOLIO_NODE_EMPHASIS, 0)), "2:59");
		folio_doc_free(doc);
	}
	/* UTF-16 with a byte order mark */
	const char *ascii = "<article " DB "><para>x\n<emphasis>y</emphasis></para></article>";
	size_t n = strlen(ascii);
	char *u16 = malloc(2 * n + 2);
	u16[0] = (char)0xFF;
	u16[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++) {
		u16[2 + 2 * i] = ascii[i];
		u16[3 + 2 * i] = 0;
	}
	memset(&d, 0, sizeof d);
	folio_diag *diag = folio_diag_new(collect_diag, &d);
	doc = folio_read_memory("u16.xml", u16, 2 * n + 2, NULL, diag);
	folio_diag_free(diag);
	free(u16);
	OK(doc != NULL);
	if (doc) {
		STR_EQ(dump(doc->root), "article(para('x\\n' emphasis('y')))");
		STR_EQ(lc(find_kind(doc->root, FOLIO_NODE_EMPHASIS, 0)), "2:1");
		folio_doc_free(doc);
	}
	if (d.n)
		diag_print(&d);
}

/* ---- limits ---- */

static void test_limits(void)
{
	struct diags d;
	strbuf b = STRBUF_INIT;
	sb_puts(&b, "<article " DB ">\n");
	for (int i = 0; i < 10000; i++)
		sb_puts(&b, "<para>");
	for (int i = 0; i < 10000; i++)
		sb_puts(&b, "</para>");
	sb_puts(&b, "</article>");
	folio_doc *doc = read_str(sb_str(&b), &d);
	sb_free(&b);
	OK(doc == NULL);
	/* libxml2 stops at 256 open elements: the 256th <para> */
	OK(diag_has(&d, "t.xml:2:1531: error: elements are nested more than 256 deep"));

	/* one run of text over 16 MB */
	sb_puts(&b, "<article " DB "><para>");
	for (int i = 0; i < (17 << 20) / 64; i++)
		sb_puts(&b, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk\n");
	sb_puts(&b, "</para></article>");
	doc = read_str(sb_str(&b), &d);
	sb_free(&b);
	OK(doc == NULL);
	OK(diag_has(&d, "t.xml:1:54: error: a run of text longer than 16 MB"));

	/* the node limit (set low here; 2,000,000 by default) */
	sb_puts(&b, "<article " DB "><para>");
	for (int i = 0; i < 200; i++)
		sb_puts(&b, "<anchor/>");
	sb_puts(&b, "</para></article>");
	memset(&d, 0, sizeof d);
	folio_diag *diag = folio_diag_new(collect_diag, &d);
	folio_read_opts o = { 0, NULL, 100 };
	doc = folio_read_memory("t.xml", sb_str(&b), b.len, &o, diag);
	OK(doc == NULL);
	OK(diag_has(&d, "error: the document has more than 100 elements and text runs"));
	INT_EQ(d.errors, 1);
	o.max_nodes = 300;
	doc = folio_read_memory("t.xml", sb_str(&b), b.len, &o, diag);
	OK(doc != NULL);
	folio_doc_free(doc);
	folio_diag_free(diag);
	sb_free(&b);
}

/* doc/format.md names every element folio knows, so the page cannot
 * silently fall behind elements.def. */
static void test_format_doc_lists_every_element(void)
{
	char path[1024];
	const char *src = getenv("SRC");
	snprintf(path, sizeof path, "%s/doc/format.md", src ? src : ".");
	FILE *f = fopen(path, "rb");
	OK(f != NULL);
	if (f == NULL)
		return;
	strbuf b = STRBUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_putn(&b, chunk, n);
	fclose(f);
	for (int k = FOLIO_NODE_UNKNOWN + 1; k < FOLIO_NODE_GEN_LOCATORS; k++) {
		char quoted[64];
		snprintf(quoted, sizeof quoted, "`%s`", folio_kind_name((folio_node_kind)k));
		if (strstr(sb_str(&b), quoted) == NULL) {
			fprintf(stderr, "doc/format.md does not mention %s\n", quoted);
			OK(0);
		}
	}
	sb_free(&b);
}

int main(void)
{
	test_structure();
	test_metadata();
	test_blocks();
	test_inlines();
	test_lists();
	test_tables();
	test_technical_inlines();
	test_locations();
	test_lang_and_ids();
	test_unknown_elements();
	test_foreign_namespaces();
	test_whitespace();
	test_xinclude();
	test_entities();
	test_malformed();
	test_encodings();
	test_limits();
	test_format_doc_lists_every_element();
	DONE();
}
