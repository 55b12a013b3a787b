/* libs: folio_read folio_resolve folio_tree folio_util */
/*
 * test_cite_docbook: DocBook's own bibliography model in the citation
 * pass: hand-written lists (bibliography with bibliodivs, a bibliolist in
 * an appendix) printed where they stand, biblioentry formatted in each
 * style (exact strings), bibliomixed as written with its [abbrev] label,
 * entries without ids, citations by abbrev, xreflabel, id and biblioref,
 * both models in one book, the "did you mean" hint over abbrevs, forms
 * seen in documents written for DocBook XSL (copyright years, names in
 * bibliomixed, role="auto" lists with entries of their own), and
 * cite.accessed under its three settings (option and document meta).
 */
#include "harness.h"
#include "folio/folio.h"
#include "util/strbuf.h"

#include <stdio.h>
#include <stdlib.h>

struct seen {
	char text[16][400];
	int n;
};

static void collect(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	struct seen *s = ctx;
	static const char *const names[] = { "note", "warning", "error", "fatal" };
	if (s->n < 16)
		snprintf(s->text[s->n++], 400, "%u:%u: %s: %s", loc.line, loc.col,
			 names[sev], msg);
}

static void show(const struct seen *s)
{
	for (int i = 0; i < s->n; i++)
		fprintf(stderr, "  diagnostic: %s\n", s->text[i]);
}

static folio_doc *resolved(const char *xml, const char *style, const char *accessed,
			   struct seen *seen, folio_diag **diag)
{
	*diag = folio_diag_new(collect, seen);
	folio_doc *doc = folio_read_memory("book.xml", xml, strlen(xml), NULL, *diag);
	if (doc == NULL)
		return NULL;
	folio_resolve_opts opts = { style, 0, accessed };
	folio_resolve(doc, &opts, *diag);
	return doc;
}

/* The printed text of a node: hidden nodes left out, italics as *...*. */
static void flatten(folio_doc *doc, const folio_node *n, strbuf *b)
{
	for (const folio_node *c = n->first; c; c = c->next) {
		if (c->flags & FOLIO_FLAG_HIDDEN)
			continue;
		if (c->kind == FOLIO_NODE_TEXT) {
			sb_puts(b, folio_node_text(doc, c));
			continue;
		}
		if (c->kind == FOLIO_NODE_EMPHASIS)
			sb_putc(b, '*');
		flatten(doc, c, b);
		if (c->kind == FOLIO_NODE_EMPHASIS)
			sb_putc(b, '*');
	}
}

static const char *printed(folio_doc *doc, const folio_node *n)
{
	static char out[8][1024];
	static int slot;
	if (n == NULL)
		return NULL;
	strbuf b = STRBUF_INIT;
	flatten(doc, n, &b);
	char *r = out[slot++ % 8];
	snprintf(r, 1024, "%s", sb_str(&b));
	sb_free(&b);
	return r;
}

/* The k-th printed (not hidden) entry of the document, in reading order. */
static folio_node *nth_entry(folio_doc *doc, int k)
{
	for (folio_node *n = doc->root; n;) {
		int hidden = (n->flags & FOLIO_FLAG_HIDDEN) != 0;
		if (!hidden && (n->kind == FOLIO_NODE_BIBLIOMIXED ||
				n->kind == FOLIO_NODE_BIBLIOENTRY) && k-- == 0)
			return n;
		n = folio_next(doc->root, n, hidden);
	}
	return NULL;
}

static folio_node *nth_of(folio_doc *doc, folio_node_kind kind, int k)
{
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == kind && k-- == 0)
			return n;
	return NULL;
}

/* ---- biblioentry in each style ---- */

static const char entries[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
"<chapter><title>C</title><para>x</para></chapter>\n"
"<bibliography><title>Works</title>\n"
"<biblioentry><author><personname><firstname>Charles</firstname><surname>Zastrow</surname>"
"</personname></author><title>Introduction to social work and social welfare</title>"
"<subtitle>Empowering people</subtitle><edition>12</edition><publisher><publishername>Cengage "
"Learning</publishername><address><city>Boston</city></address></publisher>"
"<pubdate>2017</pubdate></biblioentry>\n"
"<biblioentry><authorgroup><author><personname><firstname>Rina A.</firstname>"
"<surname>Siregar</surname></personname></author><author><personname><firstname>Kevin"
"</firstname><surname>Wijaya</surname></personname></author></authorgroup>"
"<title>Reading habits of Medan students</title><biblioset relation='journal'>"
"<title>Jurnal Literasi</title><volumenum>11</volumenum><issuenum>2</issuenum></biblioset>"
"<pagenums>145-160</pagenums><pubdate>2022</pubdate>"
"<biblioid class='doi'>10.5555/a2</biblioid></biblioentry>\n"
"<biblioentry role='webpage'><corpauthor>Badan Pusat Statistik</corpauthor>"
"<title>Human development index</title><pubdate>n.d.</pubdate>"
"<date role='accessed'>2024-03-03</date><biblioid class='uri'>https://example.org/ipm"
"</biblioid></biblioentry>\n"
"<biblioentry><abbrev>DBTDG</abbrev><authorgroup><author><personname><firstname>Norman"
"</firstname><surname>Walsh</surname></personname></author><author><personname>"
"<firstname>Leonard</firstname><surname>Muellner</surname></personname></author>"
"</authorgroup><title>DocBook: The definitive guide</title><publisher><publishername>"
"O'Reilly</publishername></publisher><pubdate>1999</pubdate></biblioentry>\n"
"</bibliography></book>\n";

static void check_styles(void)
{
	static const struct {
		const char *style;
		const char *want[4];
	} cases[] = {
		{ "apa", {
		  "Zastrow, C. (2017). *Introduction to social work and social welfare: "
		  "Empowering people* (12th ed.). Cengage Learning.",
		  "Siregar, R. A., & Wijaya, K. (2022). Reading habits of Medan students. "
		  "*Jurnal Literasi*, *11*(2), 145\u2013160. https://doi.org/10.5555/a2",
		  "Badan Pusat Statistik. (n.d.). *Human development index*. Retrieved "
		  "March 3, 2024, from https://example.org/ipm",
		  "[DBTDG] Walsh, N., & Muellner, L. (1999). *DocBook: The definitive guide*. "
		  "O'Reilly." } },
		{ "chicago", {
		  "Zastrow, Charles. 2017. *Introduction to Social Work and Social Welfare: "
		  "Empowering People*. 12th ed. Boston: Cengage Learning.",
		  "Siregar, Rina A., and Kevin Wijaya. 2022. \u201cReading Habits of Medan "
		  "Students.\u201d *Jurnal Literasi* 11 (2): 145\u201360. "
		  "https://doi.org/10.5555/a2.",
		  "Badan Pusat Statistik. n.d. \u201cHuman Development Index.\u201d Accessed "
		  "March 3, 2024. https://example.org/ipm.",
		  "[DBTDG] Walsh, Norman, and Leonard Muellner. 1999. *DocBook: The Definitive "
		  "Guide*. O'Reilly." } },
		{ "ieee", {
		  "[1] C. Zastrow, *Introduction to Social Work and Social Welfare: Empowering "
		  "People*, 12th ed. Boston: Cengage Learning, 2017.",
		  "[2] R. A. Siregar and K. Wijaya, \u201cReading habits of Medan students,\u201d "
		  "*Jurnal Literasi*, vol. 11, no. 2, pp. 145\u2013160, 2022, "
		  "doi: 10.5555/a2.",
		  "[3] Badan Pusat Statistik, \u201cHuman development index.\u201d Accessed: "
		  "Mar. 3, 2024. [Online]. Available: https://example.org/ipm",
		  "[DBTDG] N. Walsh and L. Muellner, *DocBook: The Definitive Guide*. "
		  "O'Reilly, 1999." } },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct seen seen = { 0 };
		folio_diag *diag;
		folio_doc *doc = resolved(entries, cases[i].style, NULL, &seen, &diag);
		OK(doc != NULL);
		if (doc == NULL)
			continue;
		INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 0);
		for (int k = 0; k < 4; k++) {
			folio_node *e = nth_entry(doc, k);
			OK(e && e->kind == FOLIO_NODE_BIBLIOMIXED && (e->flags & FOLIO_FLAG_GENERATED));
			STR_EQ(printed(doc, e), cases[i].want[k]);
		}
		OK(nth_entry(doc, 4) == NULL); /* each entry printed once */
		if (folio_diag_count(diag, FOLIO_ERROR))
			show(&seen);
		folio_doc_free(doc);
		folio_diag_free(diag);
	}
}

/* ---- both models in one book ---- */

static const char mixed[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
"<chapter xml:id='c1'><title>C</title>\n"
"<para><citation>RNCTUT</citation> <citation>DBTDG, p. 12</citation> "
"<citation>zastrow2017</citation> <citation>Knuth84</citation> "
"<biblioref linkend='kerr1999'/> <citation>sukoco2011; DBTDG</citation> "
"<link linkend='zastrow2017'>Zastrow</link></para></chapter>\n"
"<appendix><title>A</title><bibliolist>\n"
"<biblioentry xml:id='kerr1999'><author><personname><firstname>Michael</firstname>"
"<surname>Kerr</surname></personname></author><title>Family evaluation</title>"
"<publisher><publishername>Norton</publishername></publisher><pubdate>1999</pubdate>"
"</biblioentry>\n"
"<biblioentry xreflabel='Knuth84'><author><personname><firstname>Donald E.</firstname>"
"<surname>Knuth</surname></personname></author><title>The TeXbook</title><publisher>"
"<publishername>Addison-Wesley</publishername></publisher><pubdate>1984</pubdate>"
"</biblioentry>\n"
"</bibliolist></appendix>\n"
"<bibliography><title>Hand-written</title><bibliodiv><title>Books</title>\n"
"<biblioentry xml:id='zastrow2017'><author><personname><firstname>Charles</firstname>"
"<surname>Zastrow</surname></personname></author><title>Introduction to social work"
"</title><publisher><publishername>Cengage</publishername></publisher>"
"<pubdate>2017</pubdate></biblioentry>\n"
"<bibliomixed><abbrev>RNCTUT</abbrev>Norman Walsh. <title>RELAX NG compact syntax "
"tutorial</title>.\n   OASIS, 2002.</bibliomixed>\n"
"<bibliomixed><bibliomset relation='article'><author>J. Clark</author>, "
"<title>XML namespaces</title>, </bibliomset><bibliomset relation='journal'>"
"<title>XML.com</title>, 1999</bibliomset>. <link xlink:href='https://example.org/ns' "
"xmlns:xlink='http://www.w3.org/1999/xlink'>Online</link>.</bibliomixed>\n"
"</bibliodiv><bibliodiv><title>More</title>\n"
"<biblioentry><abbrev>DBTDG</abbrev><author><personname><firstname>Norman</firstname>"
"<surname>Walsh</surname></personname></author><title>DocBook</title><pubdate>1999"
"</pubdate></biblioentry>\n"
"</bibliodiv></bibliography>\n"
"<bibliography role='database'>\n"
"<biblioentry xml:id='sukoco2011'><author><personname><firstname>Dwi Heru</firstname>"
"<surname>Sukoco</surname></personname></author><title>Profesi pekerjaan sosial</title>"
"<publisher><publishername>STKS</publishername></publisher><pubdate>2011</pubdate>"
"</biblioentry>\n"
"</bibliography>\n"
"<bibliography role='auto'><title>Generated</title></bibliography>\n"
"</book>\n";

/* The printed entry whose text starts with prefix. */
static folio_node *entry_starting(folio_doc *doc, const char *prefix)
{
	for (int k = 0;; k++) {
		folio_node *e = nth_entry(doc, k);
		if (e == NULL)
			return NULL;
		if (strncmp(printed(doc, e), prefix, strlen(prefix)) == 0)
			return e;
	}
}

static void check_mixed(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = resolved(mixed, NULL, NULL, &seen, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	/* no id needed, nothing to complain about */
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR) + folio_diag_count(diag, FOLIO_WARNING), 0);
	if (seen.n)
		show(&seen);
	/* hand-written lists where they stand, in source order */
	STR_EQ(printed(doc, nth_entry(doc, 0)), "Kerr, M. (1999). *Family evaluation*. Norton.");
	STR_EQ(printed(doc, nth_entry(doc, 1)), "Knuth, D. E. (1984). *The TeXbook*. Addison-Wesley.");
	STR_EQ(printed(doc, nth_entry(doc, 2)), "Zastrow, C. (2017). *Introduction to social work*. Cengage.");
	STR_EQ(printed(doc, nth_entry(doc, 3)),
	       "[RNCTUT] Norman Walsh. *RELAX NG compact syntax tutorial*. OASIS, 2002.");
	STR_EQ(printed(doc, nth_entry(doc, 4)),
	       "J. Clark, \u201cXML namespaces\u201d, *XML.com*, 1999. Online.");
	STR_EQ(printed(doc, nth_entry(doc, 5)), "[DBTDG] Walsh, N. (1999). *DocBook*.");
	/* the generated list holds the database's work only */
	STR_EQ(printed(doc, nth_entry(doc, 6)), "Sukoco, D. H. (2011). *Profesi pekerjaan sosial*. STKS.");
	OK(nth_entry(doc, 7) == NULL);
	folio_node *link = nth_of(doc, FOLIO_NODE_LINK, 0);
	while (link && (link->flags & FOLIO_FLAG_HIDDEN || !(link->flags & FOLIO_FLAG_GENERATED) ||
			folio_node_attr(link, "xlink:href") == NULL))
		link = folio_next(doc->root, link, 0);
	STR_EQ(link ? folio_node_attr(link, "xlink:href") : NULL, "https://example.org/ns");

	/* citations: [abbrev] DocBook's way, others in the style, each linked
	 * to its entry where it stands */
	folio_node *rnctut = entry_starting(doc, "[RNCTUT]");
	folio_node *dbtdg = entry_starting(doc, "[DBTDG]");
	folio_node *zastrow = folio_doc_find_id(doc, "zastrow2017");
	folio_node *kerr = folio_doc_find_id(doc, "kerr1999");
	folio_node *knuth = entry_starting(doc, "Knuth");
	OK(zastrow == nth_entry(doc, 2) && kerr == nth_entry(doc, 0));
	folio_node *c[6];
	for (int k = 0; k < 6; k++)
		c[k] = nth_of(doc, FOLIO_NODE_CITATION, k);
	folio_node *ref = nth_of(doc, FOLIO_NODE_BIBLIOREF, 0);
	OK(c[0] && c[1] && c[2] && c[3] && c[4] && ref);
	if (!(c[0] && c[1] && c[2] && c[3] && c[4] && ref))
		return;
	STR_EQ(printed(doc, c[0]), "[RNCTUT]");
	OK(c[0]->target == rnctut);
	STR_EQ(printed(doc, c[1]), "[DBTDG, p. 12]");
	OK(c[1]->target == dbtdg);
	STR_EQ(printed(doc, c[2]), "(Zastrow, 2017)");
	OK(c[2]->target == zastrow);
	STR_EQ(printed(doc, c[3]), "(Knuth, 1984)");
	OK(c[3]->target == knuth);
	STR_EQ(printed(doc, ref), "Kerr (1999)");
	OK(ref->target == kerr);
	STR_EQ(printed(doc, c[4]), "(Sukoco, 2011) [DBTDG]");
	OK(c[4]->target == nth_entry(doc, 6));
	/* a link to a hand-written entry's id lands on its printed words */
	folio_node *to = NULL;
	for (int k = 0; (to = nth_of(doc, FOLIO_NODE_LINK, k)) != NULL; k++)
		if (!(to->flags & FOLIO_FLAG_GENERATED))
			break;
	OK(to && to->target == zastrow);
	folio_doc_free(doc);
	folio_diag_free(diag);
}

/* A citation naming nothing: an error, the hint searching abbrevs too. */
static void check_unknown(void)
{
	static const char xml[] =
		"<book xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
		"<chapter><title>C</title><para><citation>RNCTU</citation>\n"
		"<biblioref linkend='kerr199'/></para></chapter>\n"
		"<bibliography><bibliomixed><abbrev>RNCTUT</abbrev>N. Walsh. 2002.</bibliomixed>\n"
		"<biblioentry xml:id='kerr1999'><title>Family evaluation</title><pubdate>1999</pubdate>"
		"</biblioentry></bibliography></book>\n";
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = resolved(xml, NULL, NULL, &seen, &diag);
	OK(doc != NULL);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 2);
	int found = 0;
	for (int i = 0; i < seen.n; i++)
		found += strcmp(seen.text[i], "2:32: error: unknown citation key 'RNCTU'") == 0 ||
			 strcmp(seen.text[i], "2:32: note: did you mean 'RNCTUT'?") == 0 ||
			 strcmp(seen.text[i], "3:1: error: unknown citation key 'kerr199'") == 0 ||
			 strcmp(seen.text[i], "3:1: note: did you mean 'kerr1999'?") == 0;
	INT_EQ(found, 4);
	if (found != 4)
		show(&seen);
	folio_doc_free(doc);
	folio_diag_free(diag);
}

/* ---- cite.accessed ---- */

static const char accessed_fmt[] =
"<book xmlns='http://docbook.org/ns/docbook' xml:lang='%s'><info><title>T</title>%s</info>\n"
"<chapter><title>C</title><para>x</para></chapter>\n"
"<bibliography>\n"
"<biblioentry role='webpage'><corpauthor>Badan Pusat Statistik</corpauthor>"
"<title>Human development index</title><pubdate>n.d.</pubdate>"
"<date role='accessed'>2024-03-03</date><biblioid class='uri'>https://example.org/ipm"
"</biblioid></biblioentry>\n"
"<biblioentry role='webpage'><author><personname><firstname>Tono</firstname><surname>Wibowo"
"</surname></personname></author><title>Why reading aloud matters</title>"
"<bibliomisc role='site'>Literasi Today</bibliomisc><pubdate>2023-05-02</pubdate>"
"<date role='accessed'>2024-03-03</date><biblioid class='uri'>https://example.org/ra"
"</biblioid></biblioentry>\n"
"<biblioentry><author><personname><firstname>Rina</firstname><surname>Siregar</surname>"
"</personname></author><title>Reading habits</title><biblioset relation='journal'><title>"
"Jurnal Literasi</title><volumenum>11</volumenum></biblioset><pubdate>2022</pubdate>"
"<biblioid class='doi'>10.5555/a2</biblioid><biblioid class='uri'>https://example.org/a2"
"</biblioid><date role='accessed'>2024-03-03</date></biblioentry>\n"
"</bibliography></book>\n";

/* The three entries under one setting; want[2] is the DOI article, never
 * dated. */
static void accessed_case(int line, const char *lang, const char *style,
			  const char *option, const char *meta, const char *const want[3])
{
	char xml[4096], meta_el[128] = "";
	if (meta)
		snprintf(meta_el, sizeof meta_el, "<meta name='cite.accessed' content='%s'/>", meta);
	snprintf(xml, sizeof xml, accessed_fmt, lang, meta_el);
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = resolved(xml, style, option, &seen, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	int bad = folio_diag_count(diag, FOLIO_ERROR);
	for (int k = 0; k < 3; k++) {
		const char *got = printed(doc, nth_entry(doc, k));
		if (got == NULL || strcmp(got, want[k]) != 0 || bad) {
			fprintf(stderr, "accessed case at line %d:\n", line);
			show(&seen);
		}
		STR_EQ(got, want[k]);
	}
	folio_doc_free(doc);
	folio_diag_free(diag);
}

#define EN_UNDATED_DATE "Badan Pusat Statistik. (n.d.). *Human development index*. " \
	"Retrieved March 3, 2024, from https://example.org/ipm"
#define EN_UNDATED "Badan Pusat Statistik. (n.d.). *Human development index*. " \
	"https://example.org/ipm"
#define EN_DATED "Wibowo, T. (2023, May 2). *Why reading aloud matters*. Literasi Today. " \
	"https://example.org/ra"
#define EN_DATED_DATE "Wibowo, T. (2023, May 2). *Why reading aloud matters*. Literasi Today. " \
	"Retrieved March 3, 2024, from https://example.org/ra"
#define EN_DOI "Siregar, R. (2022). Reading habits. *Jurnal Literasi*, *11*. " \
	"https://doi.org/10.5555/a2"
#define ID_DOI "Siregar, R. (2022). Reading habits. *Jurnal Literasi*, *11*. " \
	"https://doi.org/10.5555/a2"

static void check_accessed(void)
{
	/* APA in English: when-undated by default */
	const char *const en_default[3] = { EN_UNDATED_DATE, EN_DATED, EN_DOI };
	accessed_case(__LINE__, "en", NULL, NULL, NULL, en_default);
	accessed_case(__LINE__, "en", NULL, "when-undated", NULL, en_default);
	const char *const en_always[3] = { EN_UNDATED_DATE, EN_DATED_DATE, EN_DOI };
	accessed_case(__LINE__, "en", NULL, "always", NULL, en_always);
	const char *const en_never[3] = { EN_UNDATED, EN_DATED, EN_DOI };
	accessed_case(__LINE__, "en", NULL, "never", NULL, en_never);
	/* the document's meta, and the command line over it */
	accessed_case(__LINE__, "en", NULL, NULL, "always", en_always);
	accessed_case(__LINE__, "en", NULL, "never", "always", en_never);

	/* Indonesian: the campus guides' "Diakses ..., dari" */
	const char *const id_always[3] = {
		"Badan Pusat Statistik. (t.t.). *Human development index*. "
		"Diakses 3 Maret 2024, dari https://example.org/ipm",
		"Wibowo, T. (2023, 2 Mei). *Why reading aloud matters*. Literasi Today. "
		"Diakses 3 Maret 2024, dari https://example.org/ra",
		ID_DOI };
	accessed_case(__LINE__, "id", NULL, "always", NULL, id_always);
	const char *const id_undated[3] = { id_always[0],
		"Wibowo, T. (2023, 2 Mei). *Why reading aloud matters*. Literasi Today. "
		"https://example.org/ra", ID_DOI };
	accessed_case(__LINE__, "id", NULL, NULL, NULL, id_undated);
	const char *const id_never[3] = {
		"Badan Pusat Statistik. (t.t.). *Human development index*. "
		"https://example.org/ipm", id_undated[1], ID_DOI };
	accessed_case(__LINE__, "id", NULL, "never", NULL, id_never);

	/* IEEE dates online sources always unless told otherwise */
	const char *const ieee_default[3] = {
		"[1] Badan Pusat Statistik, \u201cHuman development index.\u201d Accessed: "
		"Mar. 3, 2024. [Online]. Available: https://example.org/ipm",
		"[2] T. Wibowo, \u201cWhy reading aloud matters,\u201d Literasi Today. "
		"Accessed: Mar. 3, 2024. [Online]. Available: https://example.org/ra",
		"[3] R. Siregar, \u201cReading habits,\u201d *Jurnal Literasi*, vol. 11, 2022, "
		"doi: 10.5555/a2. [Online]. Available: https://example.org/a2" };
	accessed_case(__LINE__, "en", "ieee", NULL, NULL, ieee_default);
	const char *const ieee_undated[3] = { ieee_default[0],
		"[2] T. Wibowo, \u201cWhy reading aloud matters,\u201d Literasi Today. "
		"[Online]. Available: https://example.org/ra", ieee_default[2] };
	accessed_case(__LINE__, "en", "ieee", "when-undated", NULL, ieee_undated);

	/* an unknown value in the document is an error at its meta */
	struct seen seen = { 0 };
	folio_diag *diag;
	char xml[4096];
	snprintf(xml, sizeof xml, accessed_fmt, "en",
		 "<meta name='cite.accessed' content='sometimes'/>");
	folio_doc *doc = resolved(xml, NULL, NULL, &seen, &diag);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 1);
	STR_EQ(seen.n ? seen.text[0] : NULL, "1:81: error: unknown cite.accessed 'sometimes' "
	       "(known: always, when-undated, never)");
	folio_doc_free(doc);
	folio_diag_free(diag);
}

/* ---- forms seen in documents written for DocBook XSL ---- */

static const char xsl_forms[] =
"<article xmlns='http://docbook.org/ns/docbook' xmlns:xlink='http://www.w3.org/1999/xlink'"
" xml:lang='en'><title>T</title>\n"
"<para><citation>AhoSethiUllman96</citation> <citation>IdNrG</citation> "
"<citation>FirstThing</citation> <citation>XML</citation></para>\n"
"<bibliography><title>By hand</title>\n"
"<biblioentry><abbrev>AhoSethiUllman96</abbrev><authorgroup><author><personname>"
"<firstname>Alfred V.</firstname><surname>Aho</surname></personname></author><author>"
"<personname><firstname>Ravi</firstname><surname>Sethi</surname></personname></author>"
"</authorgroup><title>Compilers</title><publisher><publishername>Addison-Wesley"
"</publishername></publisher><copyright><year>1996</year><holder>Bell</holder></copyright>"
"</biblioentry>\n"
"<biblioentry xml:lang='de'><title>Gesetz zur Einf\u00fchrung einer Identifikationsnummer</title>"
"<date>28.3.2021</date><bibliosource xlink:href='https://example.org/idnrg'>example.org</bibliosource>"
"</biblioentry>\n"
"<bibliomixed><abbrev>IdNrG</abbrev>: <title>Gesetz zur Einf\u00fchrung</title>\n"
"  <titleabbrev>Identifikationsnummerngesetz</titleabbrev> vom <date>28.3.2021</date>.\n"
"  Online bei <bibliosource xlink:href='https://example.org/idnrg'>example.org</bibliosource>."
"</bibliomixed>\n"
"<bibliomixed><abbrev>RNG</abbrev> <authorgroup><author><personname><surname>Clark</surname>"
"<firstname>James</firstname></personname></author><author><personname><surname>Murata"
"</surname><firstname>Makoto</firstname></personname></author><author><personname>"
"<surname>Walsh</surname>, <firstname>Norman</firstname></personname></author></authorgroup>."
" <citetitle>RELAX NG tutorial</citetitle>. <pubdate>December\n 2001</pubdate>\n </bibliomixed>\n"
"<biblioentry><abbrev>XML</abbrev></biblioentry>\n"
"</bibliography>\n"
"<bibliography role='auto'><title>Cited</title>\n"
"<bibliomixed><abbrev>FirstThing</abbrev>An Author. <citetitle>A title</citetitle>. 2025."
"</bibliomixed>\n"
"<bibliomixed><abbrev>Unused</abbrev>Nobody. <citetitle>Not cited</citetitle>.</bibliomixed>\n"
"</bibliography></article>\n";

static void check_xsl_forms(void)
{
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = resolved(xsl_forms, NULL, NULL, &seen, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR) + folio_diag_count(diag, FOLIO_WARNING), 0);
	if (seen.n)
		show(&seen);
	/* the year of a copyright; a date written day.month.year */
	STR_EQ(printed(doc, nth_entry(doc, 0)),
	       "[AhoSethiUllman96] Aho, A. V., & Sethi, R. (1996). *Compilers*. Addison-Wesley.");
	STR_EQ(printed(doc, nth_entry(doc, 1)),
	       "*Gesetz zur Einf\u00fchrung einer Identifikationsnummer*. (2021, 28. M\u00e4rz). "
	       "https://example.org/idnrg");
	/* as written: the label before the author's colon, an abbreviated
	 * title in parentheses, the source a link, names in reading order
	 * or as punctuated, the layout's spaces before punctuation gone */
	STR_EQ(printed(doc, nth_entry(doc, 2)),
	       "[IdNrG]: *Gesetz zur Einf\u00fchrung* *(Identifikationsnummerngesetz)* vom "
	       "28.3.2021. Online bei example.org.");
	STR_EQ(printed(doc, nth_entry(doc, 3)),
	       "[RNG] James Clark, Makoto Murata, and Walsh, Norman. *RELAX NG tutorial*. "
	       "December 2001");
	/* an entry that is only its abbrev prints its label alone */
	STR_EQ(printed(doc, nth_entry(doc, 4)), "[XML]");
	/* DocBook XSL's role="auto" with entries of its own: those cited,
	 * as written */
	STR_EQ(printed(doc, nth_entry(doc, 5)), "[FirstThing] An Author. *A title*. 2025.");
	STR_EQ(printed(doc, nth_entry(doc, 6)), NULL);
	folio_node *c = nth_of(doc, FOLIO_NODE_CITATION, 2);
	OK(c && c->target == nth_entry(doc, 5));
	folio_node *src = NULL;
	for (int k = 0; (src = nth_of(doc, FOLIO_NODE_BIBLIOMIXED, k)) != NULL; k++)
		if (!(src->flags & FOLIO_FLAG_GENERATED))
			OK(src->flags & FOLIO_FLAG_HIDDEN); /* each source entry replaced */
	folio_doc_free(doc);
	folio_diag_free(diag);

	/* an abbrev two unnamed entries share: both print, citations go to
	 * the first (a warning); an entry as written with nothing a style
	 * could cite it by is cited by its id, DocBook's label; a title in
	 * Title Case is as its author meant it in a hand-written list */
	static const char shared[] =
		"<article xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
		"<para><citation>Walsh97</citation> <biblioref linkend='rng'/></para>\n"
		"<bibliography><biblioentry><abbrev>Walsh97</abbrev><title>A Guide to XML</title>"
		"<pubdate>1997</pubdate></biblioentry>\n"
		"<biblioentry><abbrev>Walsh97</abbrev><title>Another Guide</title><pubdate>1997</pubdate>"
		"</biblioentry>\n"
		"<bibliomixed xml:id='rng'>Suzuki. <title>RELAX NG</title>. 2003.</bibliomixed>\n"
		"</bibliography></article>\n";
	struct seen seen3 = { 0 };
	doc = resolved(shared, NULL, NULL, &seen3, &diag);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 0);
	INT_EQ(folio_diag_count(diag, FOLIO_WARNING), 1);
	STR_EQ(seen3.n ? seen3.text[0] : NULL, "4:1: warning: the abbrev 'Walsh97' already names "
	       "another entry; citations of 'Walsh97' go to that one");
	STR_EQ(printed(doc, nth_entry(doc, 0)), "[Walsh97] *A Guide to XML*. (1997).");
	STR_EQ(printed(doc, nth_entry(doc, 1)), "[Walsh97] *Another Guide*. (1997).");
	STR_EQ(printed(doc, nth_entry(doc, 2)), "[rng] Suzuki. *RELAX NG*. 2003.");
	folio_node *first = nth_of(doc, FOLIO_NODE_CITATION, 0);
	OK(first && first->target == nth_entry(doc, 0));
	folio_node *rng = nth_of(doc, FOLIO_NODE_BIBLIOREF, 0);
	STR_EQ(printed(doc, rng), "[rng]");
	OK(rng && rng->target == nth_entry(doc, 2));
	folio_doc_free(doc);
	folio_diag_free(diag);

	/* a name with a space that names nothing is reported whole */
	static const char unknown[] =
		"<article xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
		"<para><citation>SDG VO</citation></para>\n"
		"<bibliography><bibliomixed><abbrev>BITV</abbrev>Verordnung</bibliomixed>"
		"</bibliography></article>\n";
	struct seen seen2 = { 0 };
	doc = resolved(unknown, NULL, NULL, &seen2, &diag);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 1);
	STR_EQ(seen2.n ? seen2.text[0] : NULL, "2:7: error: unknown citation key 'SDG VO'");
	folio_doc_free(doc);
	folio_diag_free(diag);
}

/* A numbered style numbers a hand-written list through its bibliodivs,
 * entries as written included, and cites by those numbers. */
static void check_numbered(void)
{
	static const char xml[] =
		"<book xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
		"<chapter><title>C</title><para><citation>c3</citation> <citation>m2</citation>"
		"</para></chapter>\n"
		"<bibliography><bibliodiv><title>A</title>\n"
		"<biblioentry xml:id='c1'><author><personname><firstname>Ann</firstname><surname>One"
		"</surname></personname></author><title>First</title><pubdate>2001</pubdate></biblioentry>\n"
		"<bibliomixed xml:id='m2'><author><personname><firstname>Bo</firstname><surname>Two"
		"</surname></personname></author>, <title>Second</title>, <pubdate>2002</pubdate>."
		"</bibliomixed>\n"
		"</bibliodiv><bibliodiv><title>B</title>\n"
		"<biblioentry xml:id='c3'><author><personname><firstname>Cy</firstname><surname>Three"
		"</surname></personname></author><title>Third</title><pubdate>2003</pubdate></biblioentry>\n"
		"</bibliodiv></bibliography></book>\n";
	struct seen seen = { 0 };
	folio_diag *diag;
	folio_doc *doc = resolved(xml, "ieee", NULL, &seen, &diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 0);
	STR_EQ(printed(doc, nth_entry(doc, 0)), "[1] A. One, *First*. 2001.");
	STR_EQ(printed(doc, nth_entry(doc, 1)), "[2] Bo Two, *Second*, 2002.");
	STR_EQ(printed(doc, nth_entry(doc, 2)), "[3] C. Three, *Third*. 2003.");
	STR_EQ(printed(doc, nth_of(doc, FOLIO_NODE_CITATION, 0)), "[3]");
	STR_EQ(printed(doc, nth_of(doc, FOLIO_NODE_CITATION, 1)), "[2]");
	folio_doc_free(doc);
	folio_diag_free(diag);
}

/* Names written family first in full (Japanese, Korean) keep that form in
 * every style: no comma, no initials. */
static void check_east_asian_names(void)
{
	static const char xml[] =
		"<article xmlns='http://docbook.org/ns/docbook' xml:lang='en'><title>T</title>\n"
		"<para><citation>yamada2019</citation></para>\n"
		"<bibliography><biblioentry xml:id='yamada2019'><author><personname><surname>\u5c71\u7530"
		"</surname><firstname>\u592a\u90ce</firstname></personname></author><title>\u69cb\u9020"
		"</title><publisher><publishername>Gihyo</publishername></publisher><pubdate>2019"
		"</pubdate></biblioentry></bibliography></article>\n";
	static const struct { const char *style, *entry, *cite; } cases[] = {
		{ "apa", "\u5c71\u7530\u592a\u90ce. (2019). *\u69cb\u9020*. Gihyo.",
		  "(\u5c71\u7530, 2019)" },
		{ "chicago", "\u5c71\u7530\u592a\u90ce. 2019. *\u69cb\u9020*. Gihyo.",
		  "(\u5c71\u7530 2019)" },
		{ "ieee", "[1] \u5c71\u7530\u592a\u90ce, *\u69cb\u9020*. Gihyo, 2019.", "[1]" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct seen seen = { 0 };
		folio_diag *diag;
		folio_doc *doc = resolved(xml, cases[i].style, NULL, &seen, &diag);
		OK(doc != NULL);
		if (doc == NULL)
			continue;
		STR_EQ(printed(doc, nth_entry(doc, 0)), cases[i].entry);
		STR_EQ(printed(doc, nth_of(doc, FOLIO_NODE_CITATION, 0)), cases[i].cite);
		folio_doc_free(doc);
		folio_diag_free(diag);
	}
}

int main(void)
{
	check_east_asian_names();
	check_numbered();
	check_xsl_forms();
	check_styles();
	check_mixed();
	check_unknown();
	check_accessed();
	DONE();
}
