/* libs: folio_epub folio_layout folio_resolve folio_read folio_tree folio_util */
/*
 * test_epub: the EPUB back end on a resolved tree built by hand, the way
 * resolve leaves it (generated glossary, bibliography and index per the
 * contract in the brief) and with a print page map, so the back end is
 * tested without the reader, resolve or the PDF layout.
 *
 * Checks the XHTML of each content document, the package document, the
 * navigation document, well-formedness (libxml2), determinism and the
 * container's first bytes.
 */
#include "backend/epub/epub.h"
#include "harness.h"
#include "util/arena.h"
#include "util/hash.h"

#include <libxml/parser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static folio_doc *doc;
static unsigned line_no = 1;

static folio_node *el(folio_node *parent, folio_node_kind k)
{
	folio_loc loc = { "t.xml", line_no++, 1 };
	folio_node *n = folio_node_new(doc, k, loc);
	n->lang = parent && parent->lang ? parent->lang : "id";
	if (parent)
		folio_node_append(parent, n);
	return n;
}

static folio_node *gen(folio_node *parent, folio_node_kind k, folio_node *origin)
{
	folio_node *n = el(parent, k);
	n->flags |= FOLIO_FLAG_GENERATED;
	n->origin = origin;
	return n;
}

static folio_node *tx(folio_node *parent, const char *s)
{
	folio_loc loc = { "t.xml", line_no, 1 };
	folio_node *t = folio_text_new(doc, s, strlen(s), loc);
	t->lang = parent->lang;
	folio_node_append(parent, t);
	return t;
}

static folio_node *with_id(folio_node *n, const char *id)
{
	n->id = folio_doc_strdup(doc, id);
	hash_put(doc->ids, n->id, n);
	return n;
}

static folio_node *titled(folio_node *parent, folio_node_kind k, const char *title)
{
	folio_node *n = el(parent, k);
	tx(el(n, FOLIO_NODE_TITLE), title);
	return n;
}

static folio_node *para(folio_node *parent, const char *s)
{
	folio_node *p = el(parent, FOLIO_NODE_PARA);
	if (s)
		tx(p, s);
	return p;
}

static int has(const char *hay, const char *needle)
{
	if (hay && strstr(hay, needle))
		return 1;
	fprintf(stderr, "  missing: %s\n", needle);
	return 0;
}

static int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static int well_formed(const char *xml, size_t len)
{
	xmlDocPtr d = xmlReadMemory(xml, (int)len, "x.xhtml", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (d == NULL)
		return 0;
	xmlFreeDoc(d);
	return 1;
}

/* The nodes the checks look at. */
static struct {
	folio_node *first_text, *foreign, *firstterm, *indexterm, *footnote;
	folio_node *gloss_entry, *bib_entry, *article2_text;
} at;

static folio_page_start page_starts[5];
static folio_page_map page_map = { page_starts, 5 };

static void build_book(void)
{
	doc = folio_doc_new("t.xml");
	doc->dir = NULL;
	doc->lang = "id";
	folio_node *book = el(NULL, FOLIO_NODE_BOOK);
	doc->root = book;
	folio_node *info = el(book, FOLIO_NODE_INFO);
	tx(el(info, FOLIO_NODE_TITLE), "Pengantar Pekerjaan Sosial");
	folio_node *ed = el(info, FOLIO_NODE_EDITOR);
	folio_node *pn = el(ed, FOLIO_NODE_PERSONNAME);
	tx(el(pn, FOLIO_NODE_FIRSTNAME), "Siti");
	tx(pn, " ");
	tx(el(pn, FOLIO_NODE_SURNAME), "Rahayu");
	folio_node *pub = el(info, FOLIO_NODE_PUBLISHER);
	tx(el(pub, FOLIO_NODE_PUBLISHERNAME), "Penerbit Contoh");
	tx(el(info, FOLIO_NODE_PUBDATE), "2025-07-01");
	folio_node *isbn = el(info, FOLIO_NODE_BIBLIOID);
	folio_node_set_attr(doc, isbn, "class", "isbn");
	tx(isbn, "978-602-1234-56-7");
	folio_node *cr = el(info, FOLIO_NODE_COPYRIGHT);
	tx(el(cr, FOLIO_NODE_YEAR), "2025");
	tx(el(cr, FOLIO_NODE_HOLDER), "Para Penulis");

	/* Article 1: text, inline markup, note, term, citation, lists,
	 * table, code, quotation. */
	folio_node *a1 = with_id(titled(book, FOLIO_NODE_ARTICLE, "Metode Group Work"), "art-1");
	a1->depth = 1;
	folio_node *p1 = el(a1, FOLIO_NODE_PARA);
	at.first_text = tx(p1, "0123456789 abcdef ");
	folio_node *em = el(p1, FOLIO_NODE_EMPHASIS);
	tx(em, "penting");
	tx(p1, " dan ");
	at.foreign = el(p1, FOLIO_NODE_FOREIGNPHRASE);
	at.foreign->lang = "en";
	tx(at.foreign, "group work");
	tx(p1, " serta ");
	folio_node *q = el(p1, FOLIO_NODE_QUOTE);
	tx(q, "kutipan");
	tx(p1, " dan ");
	at.firstterm = el(p1, FOLIO_NODE_FIRSTTERM);
	tx(at.firstterm, "pekerjaan sosial");
	at.indexterm = el(p1, FOLIO_NODE_INDEXTERM);
	tx(el(at.indexterm, FOLIO_NODE_PRIMARY), "pekerjaan sosial");
	tx(p1, " menurut ");
	folio_node *cit = el(p1, FOLIO_NODE_CITATION);
	folio_node *key = tx(cit, "zastrow2017");
	key->flags |= FOLIO_FLAG_HIDDEN;
	at.footnote = el(p1, FOLIO_NODE_FOOTNOTE);
	para(at.footnote, "Isi catatan kaki.");
	tx(p1, ".");

	folio_node *sec = with_id(titled(a1, FOLIO_NODE_SECTION, "1. Daftar"), "sec-daftar");
	folio_node *ol = el(sec, FOLIO_NODE_ORDEREDLIST);
	folio_node_set_attr(doc, ol, "numeration", "loweralpha");
	folio_node_set_attr(doc, ol, "startingnumber", "3");
	para(el(ol, FOLIO_NODE_LISTITEM), "butir ketiga");
	para(el(ol, FOLIO_NODE_LISTITEM), "butir keempat");
	folio_node *p2 = para(sec, "Sebelum daftar ");
	para(el(el(p2, FOLIO_NODE_ITEMIZEDLIST), FOLIO_NODE_LISTITEM), "di dalam para");
	tx(p2, " sesudah.");
	folio_node *tbl = titled(sec, FOLIO_NODE_TABLE, "Jenis kelompok");
	tbl->flags |= FOLIO_FLAG_NUMBERED;
	tbl->label = "1";
	folio_node *tg = el(tbl, FOLIO_NODE_TGROUP);
	folio_node *cs1 = el(tg, FOLIO_NODE_COLSPEC);
	folio_node_set_attr(doc, cs1, "colname", "c1");
	folio_node *cs2 = el(tg, FOLIO_NODE_COLSPEC);
	folio_node_set_attr(doc, cs2, "colname", "c2");
	folio_node *hrow = el(el(tg, FOLIO_NODE_THEAD), FOLIO_NODE_ROW);
	tx(el(hrow, FOLIO_NODE_ENTRY), "Jenis");
	tx(el(hrow, FOLIO_NODE_ENTRY), "Tujuan");
	folio_node *tb = el(tg, FOLIO_NODE_TBODY);
	folio_node *r1 = el(tb, FOLIO_NODE_ROW);
	tx(el(r1, FOLIO_NODE_ENTRY), "Terapi");
	tx(el(r1, FOLIO_NODE_ENTRY), "Pemulihan");
	folio_node *r2 = el(tb, FOLIO_NODE_ROW);
	folio_node *wide = el(r2, FOLIO_NODE_ENTRY);
	folio_node_set_attr(doc, wide, "namest", "c1");
	folio_node_set_attr(doc, wide, "nameend", "c2");
	tx(wide, "Gabungan");
	folio_node *code = el(sec, FOLIO_NODE_PROGRAMLISTING);
	tx(code, "if (a < b)\n    return 1;\n");
	folio_node *bq = el(sec, FOLIO_NODE_BLOCKQUOTE);
	tx(el(bq, FOLIO_NODE_ATTRIBUTION), "Zastrow");
	para(bq, "Dua atau lebih individu.");

	/* Per-article reference list (generated). */
	folio_node *refs = titled(a1, FOLIO_NODE_BIBLIOGRAPHY, "Referensi");
	folio_node_set_attr(doc, refs, "role", "auto");
	folio_node *db_entry = el(NULL, FOLIO_NODE_BIBLIOENTRY); /* the database's */
	at.bib_entry = gen(refs, FOLIO_NODE_BIBLIOMIXED, db_entry);
	tx(at.bib_entry, "Zastrow, C. (2017). ");
	tx(el(at.bib_entry, FOLIO_NODE_EMPHASIS), "Introduction to social work");
	tx(at.bib_entry, ". Cengage.");
	/* The citation's generated text links to the list entry. */
	tx(cit, "(");
	folio_node *clink = gen(cit, FOLIO_NODE_LINK, NULL);
	clink->target = at.bib_entry;
	tx(clink, "Zastrow, 2017");
	tx(cit, ")");

	/* Article 2: one paragraph, English. */
	folio_node *a2 = titled(book, FOLIO_NODE_ARTICLE, "Second article");
	a2->lang = "en";
	a2->first->lang = "en";
	a2->first->first->lang = "en";
	folio_node *p3 = para(a2, NULL);
	at.article2_text = tx(p3, "English text on page three.");
	folio_node *brit = el(p3, FOLIO_NODE_PHRASE);
	brit->lang = "en_GB"; /* not a BCP 47 tag as written */
	tx(brit, " Colour.");

	/* Generated glossary. */
	folio_node *gl = el(book, FOLIO_NODE_GLOSSARY);
	folio_node_set_attr(doc, gl, "role", "auto");
	doc->glossary = gl;
	folio_node *db_gloss = el(NULL, FOLIO_NODE_GLOSSENTRY);
	folio_node *gdiv = gen(gl, FOLIO_NODE_GLOSSDIV, NULL);
	tx(gen(gdiv, FOLIO_NODE_TITLE, NULL), "P");
	at.gloss_entry = gen(gdiv, FOLIO_NODE_GLOSSENTRY, db_gloss);
	tx(gen(at.gloss_entry, FOLIO_NODE_GLOSSTERM, NULL), "pekerjaan sosial");
	para(gen(at.gloss_entry, FOLIO_NODE_GLOSSDEF, NULL), "Profesi yang membantu.");
	folio_node *gloc = gen(at.gloss_entry, FOLIO_NODE_GEN_LOCATORS, NULL);
	folio_node_set_attr(doc, gloc, "for", "glossary");
	gloc->refs = arena_alloc(doc->arena, sizeof(folio_node *));
	gloc->refs[0] = at.firstterm;
	gloc->nrefs = 1;
	/* The term points at the database entry; the back end must find
	 * the generated copy. */
	at.firstterm->target = db_gloss;

	/* Consolidated bibliography. */
	folio_node *bib = titled(book, FOLIO_NODE_BIBLIOGRAPHY, "Daftar Pustaka");
	doc->bibliography = bib;
	folio_node *be = gen(bib, FOLIO_NODE_BIBLIOMIXED, db_entry);
	tx(be, "Zastrow, C. (2017). Introduction.");

	/* Generated index. */
	folio_node *ix = el(book, FOLIO_NODE_INDEX);
	doc->index = ix;
	folio_node *idiv = gen(ix, FOLIO_NODE_INDEXDIV, NULL);
	tx(gen(idiv, FOLIO_NODE_TITLE, NULL), "P");
	folio_node *ie = gen(idiv, FOLIO_NODE_INDEXENTRY, NULL);
	folio_node *prim = gen(ie, FOLIO_NODE_PRIMARYIE, NULL);
	tx(prim, "pekerjaan sosial, ");
	folio_node *iloc = gen(prim, FOLIO_NODE_GEN_LOCATORS, NULL);
	folio_node_set_attr(doc, iloc, "for", "index");
	iloc->refs = arena_alloc(doc->arena, sizeof(folio_node *));
	iloc->refs[0] = at.indexterm;
	iloc->nrefs = 1;
	tx(gen(ie, FOLIO_NODE_SECONDARYIE, NULL), "definisi");

	/* Print pages: a front-matter page with no place in the EPUB, two
	 * pages starting in the first text node, one in article 2. */
	page_starts[0] = (folio_page_start){ "iii", NULL, 0 };
	page_starts[1] = (folio_page_start){ "1", at.first_text, 0 };
	page_starts[2] = (folio_page_start){ "2", at.first_text, 10 };
	page_starts[3] = (folio_page_start){ "3", at.article2_text, 0 };
	/* A last page with nothing the EPUB has (a blank verso). */
	page_starts[4] = (folio_page_start){ "4", NULL, 0 };
}

static const epub_chunk *chunk_of_kind(const epub_ctx *c, folio_node_kind k, int nth)
{
	for (unsigned i = 0; i < c->nchunks; i++)
		if (c->chunks[i].kind == EPUB_CHUNK_DIVISION && c->chunks[i].node->kind == k &&
		    nth-- == 0)
			return &c->chunks[i];
	return NULL;
}

static void check_content(epub_ctx *c)
{
	INT_EQ(c->nchunks, 7); /* cover, titlepage, 2 articles, glossary, bib, index */
	OK(c->nchunks && c->chunks[0].kind == EPUB_CHUNK_COVER);
	OK(c->has_cover && c->cover_href && strcmp(c->cover_href, "images/cover.svg") == 0);
	const epub_chunk *a1 = chunk_of_kind(c, FOLIO_NODE_ARTICLE, 0);
	const epub_chunk *a2 = chunk_of_kind(c, FOLIO_NODE_ARTICLE, 1);
	const epub_chunk *gl = chunk_of_kind(c, FOLIO_NODE_GLOSSARY, 0);
	const epub_chunk *ix = chunk_of_kind(c, FOLIO_NODE_INDEX, 0);
	OK(a1 && a2 && gl && ix);
	if (!(a1 && a2 && gl && ix))
		return;
	const char *x = sb_str(&a1->xhtml);
	STR_EQ(a1->file, "03-article.xhtml");
	OK(has(x, "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"id\" lang=\"id\">"));
	OK(has(x, "<section id=\"art-1\" epub:type=\"chapter\" role=\"doc-chapter\">"));
	OK(has(x, "<h1>Metode Group Work</h1>"));
	OK(has(x, "<h2>1. Daftar</h2>"));
	/* the page markers split the text node at its byte offsets, after
	 * the page without a place (iii) */
	OK(has(x, "<p><span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-iii\" aria-label=\"iii\"></span>"
		  "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-1\" aria-label=\"1\"></span>"
		  "0123456789<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-2\" aria-label=\"2\"></span> abcdef "));
	OK(has(x, "<em>penting</em>"));
	OK(has(x, "<span class=\"foreignphrase\" xml:lang=\"en\" lang=\"en\">group work</span>"));
	OK(has(x, "<span class=\"quote\">\u201ckutipan\u201d</span>"));
	OK(has(x, "role=\"doc-glossref\" href=\"05-glossary.xhtml#"));
	OK(has(x, "<span class=\"citation\">(<a class=\"link\" role=\"doc-biblioref\" href=\"#"));
	OK(!strstr(x, "zastrow2017"));
	OK(has(x, "<sup class=\"noteref\"><a epub:type=\"noteref\" role=\"doc-noteref\""));
	OK(has(x, "<aside id=\""));
	OK(has(x, "class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\"><p><a class=\"backlink\" role=\"doc-backlink\" href=\"#nr-"));
	OK(has(x, "<ol type=\"a\" start=\"3\">"));
	OK(has(x, "<div class=\"para\">Sebelum daftar <ul>"));
	OK(has(x, "<caption><span class=\"label\">Tabel 1.</span> Jenis kelompok</caption>"));
	OK(has(x, "<th scope=\"col\">Jenis</th>"));
	OK(has(x, "<td colspan=\"2\">Gabungan</td>"));
	OK(has(x, "<pre class=\"programlisting\">if (a &lt; b)\n    return 1;\n</pre>"));
	OK(has(x, "<blockquote><p>Dua atau lebih individu.</p>\n<footer><p class=\"attribution\">\u2014 Zastrow</p></footer></blockquote>"));
	OK(has(x, " epub:type=\"bibliography\" role=\"doc-bibliography\">\n<h2>Referensi</h2>"));
	OK(has(x, "epub:type=\"biblioentry\">Zastrow, C. (2017). <em>Introduction to social work</em>. Cengage.</li>"));
	OK(well_formed(x, a1->xhtml.len));

	const char *y = sb_str(&a2->xhtml);
	OK(has(y, "xml:lang=\"en\" lang=\"en\">"));
	OK(has(y, "id=\"page-3\" aria-label=\"3\"></span>English text"));
	OK(has(y, "<span class=\"phrase\" xml:lang=\"en-GB\" lang=\"en-GB\"> Colour.</span>"));
	OK(well_formed(y, a2->xhtml.len));

	const char *g = sb_str(&gl->xhtml);
	OK(has(g, "<section id=\""));
	OK(has(g, "epub:type=\"glossary\" role=\"doc-glossary\">"));
	OK(has(g, "<h1>Glosarium</h1>"));
	OK(has(g, "<h2>P</h2>"));
	OK(has(g, "<dl class=\"glossary\">"));
	OK(has(g, "epub:type=\"glossterm\"><dfn>pekerjaan sosial</dfn></dt>"));
	OK(has(g, "<dd epub:type=\"glossdef\"><div class=\"glossdef\"><p>Profesi yang membantu.</p>"));
	/* the use is on print page 2: its locator says so */
	OK(has(g, "<p class=\"locators\">hlm. <a class=\"locator\" href=\"03-article.xhtml#n"));
	OK(has(g, "\">2</a></p>"));
	OK(well_formed(g, gl->xhtml.len));

	const char *i = sb_str(&ix->xhtml);
	OK(has(i, "epub:type=\"index\" role=\"doc-index\">"));
	OK(has(i, "<ul class=\"index-entries\" epub:type=\"index-entry-list\">"));
	OK(has(i, "<span class=\"primaryie\" epub:type=\"index-term\">pekerjaan sosial, </span>"
		  "<a class=\"locator\" epub:type=\"index-locator\""));
	OK(has(i, "<ul class=\"index-entries\" epub:type=\"index-entry-list\"><li epub:type=\"index-entry\"><span class=\"secondaryie\""));
	OK(well_formed(i, ix->xhtml.len));
	/* the trailing page without a place ends the last document */
	OK(has(i, "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-4\" aria-label=\"4\"></span></body>"));

	/* every anchor a locator names is in the article */
	const epub_nodeinfo *ti = nodemap_find(c->map, at.indexterm);
	OK(ti && ti->id && ti->chunk == 2);
	if (ti && ti->id) {
		char want[64];
		snprintf(want, sizeof want, "<span id=\"%s\"></span>", ti->id);
		OK(has(x, want));
	}
	for (unsigned k = 0; k < c->nchunks; k++)
		OK(well_formed(c->chunks[k].xhtml.s, c->chunks[k].xhtml.len));
}

static void check_package(epub_ctx *c)
{
	strbuf opf = STRBUF_INIT, nav = STRBUF_INIT, ncx = STRBUF_INIT;
	epub_write_opf(c, &opf);
	epub_write_nav(c, &nav);
	epub_write_ncx(c, &ncx);
	const char *o = sb_str(&opf);
	OK(has(o, "<dc:identifier id=\"uid\">urn:isbn:9786021234567</dc:identifier>"));
	OK(has(o, "<dc:title id=\"title\">Pengantar Pekerjaan Sosial</dc:title>"));
	OK(has(o, "<dc:language>id</dc:language>"));
	OK(has(o, "<dc:creator id=\"person1\">Siti Rahayu</dc:creator>"));
	OK(has(o, "<meta refines=\"#person1\" property=\"role\" scheme=\"marc:relators\">edt</meta>"));
	OK(has(o, "<meta refines=\"#person1\" property=\"file-as\">Rahayu, Siti</meta>"));
	OK(has(o, "<dc:publisher>Penerbit Contoh</dc:publisher>"));
	OK(has(o, "<dc:date>2025-07-01</dc:date>"));
	OK(has(o, "<dc:rights>\u00a9 2025 Para Penulis</dc:rights>"));
	OK(has(o, "<meta property=\"dcterms:modified\">2024-01-02T03:04:05Z</meta>"));
	OK(has(o, "<dc:source id=\"print-source\">urn:isbn:9786021234567</dc:source>"));
	OK(has(o, "<meta refines=\"#print-source\" property=\"source-of\">pagination</meta>"));
	OK(has(o, "<meta property=\"schema:accessibilityFeature\">printPageNumbers</meta>"));
	OK(has(o, "<meta property=\"schema:accessibilityFeature\">index</meta>"));
	OK(has(o, "<meta property=\"schema:accessibilityHazard\">none</meta>"));
	OK(has(o, "<meta property=\"schema:accessModeSufficient\">textual</meta>"));
	OK(has(o, "<meta property=\"schema:accessibilitySummary\">Publikasi ini"));
	/* the summary says what this book holds, in its language: page list,
	 * glossary links both ways, index links; no images, no word of alt */
	OK(has(o, " Nomor halaman edisi cetak ditandai di dalam teks"));
	OK(has(o, " Istilah di dalam teks ditautkan ke entri glosariumnya."));
	OK(has(o, " Entri glosarium menautkan kembali ke halaman tempat istilahnya dipakai."));
	OK(has(o, " Setiap entri indeks menautkan ke tempatnya di dalam teks.</meta>"));
	OK(!strstr(o, "teks alternatif"));
	OK(has(o, "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>"));
	OK(has(o, "<meta property=\"a11y:certifiedBy\">Penerbit Contoh</meta>"));
	OK(!strstr(o, "visual"));
	OK(has(o, "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"));
	OK(has(o, "<itemref idref=\"x02-titlepage\"/>\n    <itemref idref=\"nav\"/>\n    <itemref idref=\"x03-article\"/>"));
	/* a made cover: the SVG is the cover-image, the PNG EPUB 2's cover,
	 * its page first in the spine and not in the contents */
	OK(has(o, "<item id=\"cover-image\" href=\"images/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\"/>"));
	OK(has(o, "<item id=\"cover-png\" href=\"images/cover.png\" media-type=\"image/png\"/>"));
	OK(has(o, "<meta name=\"cover\" content=\"cover-png\"/>"));
	OK(has(o, "<spine toc=\"ncx\">\n    <itemref idref=\"x01-cover\"/>"));
	OK(well_formed(opf.s, opf.len));

	const char *n = sb_str(&nav);
	OK(has(n, "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">\n<h1>Daftar Isi</h1>\n<ol>\n"
		  "<li><a href=\"03-article.xhtml\">Metode Group Work</a>\n<ol>\n"
		  "<li><a href=\"03-article.xhtml#sec-daftar\">1. Daftar</a></li>\n"
		  "<li><a href=\"03-article.xhtml#n"));
	OK(has(n, "\">Referensi</a></li>\n</ol>\n</li>\n<li><a href=\"04-article.xhtml\">Second article</a></li>\n"));
	OK(has(n, "<li><a epub:type=\"glossary\" href=\"05-glossary.xhtml\">Glosarium</a></li>"));
	OK(has(n, "<li><a epub:type=\"bodymatter\" href=\"03-article.xhtml\">"));
	OK(has(n, "<nav epub:type=\"page-list\" role=\"doc-pagelist\" hidden=\"hidden\">\n<ol>\n"
		  "<li><a href=\"03-article.xhtml#page-iii\">iii</a></li>\n"
		  "<li><a href=\"03-article.xhtml#page-1\">1</a></li>\n"
		  "<li><a href=\"03-article.xhtml#page-2\">2</a></li>\n"
		  "<li><a href=\"04-article.xhtml#page-3\">3</a></li>\n"
		  "<li><a href=\"07-index.xhtml#page-4\">4</a></li>\n</ol>"));
	OK(!strstr(n, "href=\"01-cover.xhtml\">"));
	OK(well_formed(nav.s, nav.len));
	OK(has(sb_str(&ncx), "<meta name=\"dtb:uid\" content=\"urn:isbn:9786021234567\"/>"));
	OK(well_formed(ncx.s, ncx.len));
	INT_EQ(count_of(sb_str(&ncx), "<navPoint "), count_of(sb_str(&ncx), "</navPoint>"));
	sb_free(&opf);
	sb_free(&nav);
	sb_free(&ncx);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	strbuf b = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_putn(&b, buf, n);
	fclose(f);
	*len = b.len;
	return sb_take(&b);
}

static void check_files(folio_render_opts *o, folio_diag *diag)
{
	extern const folio_backend folio_backend_epub;
	char path1[] = "/tmp/test_epub_1.epub", path2[] = "/tmp/test_epub_2.epub";
	o->out_path = path1;
	INT_EQ(folio_backend_epub.render(doc, o, diag), 0);
	o->out_path = path2;
	INT_EQ(folio_backend_epub.render(doc, o, diag), 0);
	size_t n1 = 0, n2 = 0;
	char *b1 = slurp(path1, &n1), *b2 = slurp(path2, &n2);
	OK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0);
	/* The container: mimetype first, stored, no extra field. */
	OK(b1 && n1 > 60);
	if (b1 && n1 > 60) {
		OK(memcmp(b1, "PK\x03\x04", 4) == 0);
		INT_EQ((unsigned char)b1[8] | (unsigned char)b1[9] << 8, 0);   /* method */
		INT_EQ((unsigned char)b1[26] | (unsigned char)b1[27] << 8, 8); /* name len */
		INT_EQ((unsigned char)b1[28] | (unsigned char)b1[29] << 8, 0); /* extra */
		OK(memcmp(b1 + 30, "mimetypeapplication/epub+zip", 28) == 0);
		/* DOS time of 2024-01-02T03:04:05Z, whatever TZ says */
		INT_EQ((unsigned char)b1[10] | (unsigned char)b1[11] << 8, (3 << 11) | (4 << 5) | 2);
		INT_EQ((unsigned char)b1[12] | (unsigned char)b1[13] << 8, (44 << 9) | (1 << 5) | 2);
	}
	free(b1);
	free(b2);
	/* TEST_EPUB_KEEP=1 keeps the first for a look (unzip, epubcheck). */
	if (getenv("TEST_EPUB_KEEP") == NULL)
		unlink(path1);
	unlink(path2);
}

static unsigned warnings, errors;
static char last_message[512];

static void collect(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	if (sev == FOLIO_WARNING)
		warnings++;
	if (sev >= FOLIO_ERROR)
		errors++;
	snprintf(last_message, sizeof last_message, "%s:%u: %s", loc.file ? loc.file : "",
		 loc.line, msg);
}

/* Images: copied with their type, a warning without alt text, refused
 * outside the source folder. */
static void check_images(folio_render_opts *o, folio_diag *diag)
{
	char dir[] = "/tmp/test_epub_imgXXXXXX";
	OK(mkdtemp(dir) != NULL);
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
		0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3a, 0x7e, 0x9b, 0x55,
		0, 0, 0, 10, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1,
		0xe5, 0x27, 0xde, 0xfc, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82
	};
	char file[256], src[256];
	snprintf(file, sizeof file, "%s/Pixel Image.png", dir);
	FILE *f = fopen(file, "wb");
	fwrite(png, 1, sizeof png, f);
	fclose(f);
	snprintf(src, sizeof src, "%s/doc.xml", dir);

	doc = folio_doc_new(src);
	doc->dir = folio_doc_strdup(doc, dir);
	folio_node *art = titled(NULL, FOLIO_NODE_ARTICLE, "Gambar");
	doc->root = art;
	folio_loc loc = { folio_doc_strdup(doc, src), 7, 3 };
	folio_node *fig = titled(art, FOLIO_NODE_FIGURE, "Satu piksel");
	folio_node *mo = el(fig, FOLIO_NODE_MEDIAOBJECT);
	mo->loc = loc;
	folio_node *data = el(el(mo, FOLIO_NODE_IMAGEOBJECT), FOLIO_NODE_IMAGEDATA);
	data->loc = loc;
	folio_node_set_attr(doc, data, "fileref", "Pixel Image.png");
	folio_node *mo2 = el(art, FOLIO_NODE_MEDIAOBJECT);
	folio_node *d2 = el(el(mo2, FOLIO_NODE_IMAGEOBJECT), FOLIO_NODE_IMAGEDATA);
	d2->loc = loc;
	folio_node_set_attr(doc, d2, "fileref", "./Pixel Image.png");
	tx(el(mo2, FOLIO_NODE_ALT), "Titik hitam");

	epub_ctx c;
	warnings = errors = 0;
	/* An empty map: no print pages, and no layout pass either. */
	static folio_page_map no_pages = { NULL, 0 };
	o->page_map = &no_pages;
	INT_EQ(epub_build(&c, doc, o, diag), 0);
	INT_EQ(warnings, 1);
	OK(has(last_message, ":7: image without alternative text"));
	INT_EQ(c.nres, 2); /* the css and one image, named twice */
	const char *x = c.nchunks ? sb_str(&c.chunks[0].xhtml) : "";
	OK(has(x, "<img src=\"images/pixel-image.png\" alt=\"\"/>"));
	OK(has(x, "<img src=\"images/pixel-image.png\" alt=\"Titik hitam\"/>"));
	OK(has(x, "<figcaption>Satu piksel</figcaption>"));
	strbuf opf = STRBUF_INIT;
	epub_write_opf(&c, &opf);
	OK(has(sb_str(&opf), "href=\"images/pixel-image.png\" media-type=\"image/png\""));
	/* An image without alt text: no conformance claim, and the
	 * warning says so. */
	OK(!strstr(sb_str(&opf), "conformsTo"));
	OK(!strstr(sb_str(&opf), "certifiedBy"));
	OK(has(last_message, "claims no WCAG 2.1 AA conformance"));
	OK(has(sb_str(&opf), "<meta property=\"schema:accessMode\">visual</meta>"));
	OK(has(sb_str(&opf), "Sebagian gambar belum memiliki teks alternatif."));
	OK(!strstr(sb_str(&opf), "alternativeText"));
	OK(has(sb_str(&opf), "<dc:identifier id=\"uid\">urn:uuid:"));
	sb_free(&opf);
	epub_ctx_free(&c);

	/* Outside the source folder: an error, no EPUB. */
	folio_node_set_attr(doc, d2, "fileref", "../../etc/passwd");
	folio_node_set_attr(doc, data, "fileref", "/etc/hostname");
	errors = 0;
	INT_EQ(epub_build(&c, doc, o, diag), -1);
	OK(errors >= 2);
	OK(has(last_message, "copy it into the folder of the sources"));
	epub_ctx_free(&c);
	folio_doc_free(doc);
	unlink(file);
	rmdir(dir);
}

/* SHA-1 (for the name-based UUID) against FIPS 180 examples. */
static void check_sha1(void)
{
	unsigned char h[20];
	char hex[41];
	epub_sha1("abc", 3, h);
	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
	STR_EQ(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	epub_sha1(two, strlen(two), h);
	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
	STR_EQ(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

/* epub_put_text against the plainest way to say what it does: each run
 * of white space one space when collapsing, & < > escaped. */
static void put_text_reference(strbuf *b, const char *s, size_t n, int collapse)
{
	int in_space = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (collapse && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')) {
			if (!in_space)
				sb_putc(b, ' ');
			in_space = 1;
			continue;
		}
		in_space = 0;
		if (ch == '&')
			sb_puts(b, "&amp;");
		else if (ch == '<')
			sb_puts(b, "&lt;");
		else if (ch == '>')
			sb_puts(b, "&gt;");
		else
			sb_putc(b, ch);
	}
}

static void check_put_text(void)
{
	const char alphabet[] = "ab  \t\n\r&<>\xc3\xa9.";
	unsigned seed = 5;
	int bad = 0;
	for (int i = 0; i < 4000; i++) {
		char w[40];
		harness_word(&seed, alphabet, 0, 36, w);
		for (int collapse = 0; collapse < 2; collapse++) {
			strbuf got = STRBUF_INIT, want = STRBUF_INIT;
			epub_put_text(&got, w, strlen(w), collapse);
			put_text_reference(&want, w, strlen(w), collapse);
			bad += strcmp(sb_str(&got), sb_str(&want)) != 0;
			sb_free(&got);
			sb_free(&want);
		}
	}
	INT_EQ(bad, 0);
}

int main(void)
{
	check_sha1();
	check_put_text();
	folio_diag *diag = folio_diag_new(collect, NULL);
	build_book();
	folio_render_opts o = { 0 };
	const char *src = getenv("SRC");
	char styles[512];
	snprintf(styles, sizeof styles, "%s/styles", src ? src : ".");
	o.styles_dir = styles;
	o.source_date = 1704164645; /* 2024-01-02T03:04:05Z */
	o.page_map = &page_map;
	setenv("TZ", "Asia/Jakarta", 1);

	epub_ctx c;
	INT_EQ(epub_build(&c, doc, &o, diag), 0);
	INT_EQ(errors, 0);
	check_content(&c);
	check_package(&c);
	/* A second build gives the same documents. */
	epub_ctx c2;
	INT_EQ(epub_build(&c2, doc, &o, diag), 0);
	OK(c.nchunks == c2.nchunks);
	for (unsigned i = 0; i < c.nchunks && i < c2.nchunks; i++)
		STR_EQ(sb_str(&c.chunks[i].xhtml), sb_str(&c2.chunks[i].xhtml));
	epub_ctx_free(&c);
	epub_ctx_free(&c2);
	check_files(&o, diag);
	folio_doc_free(doc);

	check_images(&o, diag);
	folio_diag_free(diag);
	DONE();
}
