/* libs: folio_read folio_resolve folio_tree folio_util */
/*
 * test_cite_pass: the citation pass on a small book read from files: a
 * DocBook database and a BibTeX one, a list after each article holding
 * exactly what the article cites, the book's list holding every cited
 * work once, citations replaced by linked text (the keys hidden),
 * 2017a/2017b across the book, the style chosen by the document, and the
 * diagnostics (unknown key with a hint, a key defined differently in two
 * databases, missing year, Title Case title).
 */
#include "harness.h"
#include "folio/folio.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct seen {
	char text[32][400];
	int n;
};

static void collect(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	struct seen *s = ctx;
	static const char *const names[] = { "note", "warning", "error", "fatal" };
	const char *file = loc.file ? strrchr(loc.file, '/') : NULL;
	if (s->n < 32)
		snprintf(s->text[s->n++], 400, "%s:%u:%u: %s: %s",
			 file ? file + 1 : loc.file ? loc.file : "", loc.line, loc.col,
			 names[sev], msg);
}

static int has(const struct seen *s, const char *want)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->text[i], want) == 0)
			return 1;
	fprintf(stderr, "missing diagnostic: %s\n", want);
	for (int i = 0; i < s->n; i++)
		fprintf(stderr, "  have: %s\n", s->text[i]);
	return 0;
}

static char dir[256];

static void write_file(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static const char bib[] =
"@book{zastrow2017, author = {Zastrow, Charles},\n"
"  title = {Introduction to social work and social welfare}, subtitle = {Empowering people},\n"
"  edition = {12}, publisher = {Cengage Learning}, year = {2017}}\n"
"@article{zastrow2017b, author = {Zastrow, Charles}, title = {A later paper},\n"
"  journal = {Social Work}, volume = {62}, number = {3}, pages = {1--9}, year = 2017}\n"
"@book{toseland2017, author = {Toseland, Ronald W. and Rivas, Robert F.},\n"
"  title = {An Introduction to Group Work Practice}, publisher = {Pearson}, year = {2017}}\n"
"@book{nodate, author = {Anon, A.}, title = {Undated}}\n"
"@book{dup, author = {One, A.}, title = {From BibTeX}, year = {2000}}\n";

static const char book[] =
"<book xmlns='http://docbook.org/ns/docbook' xmlns:xlink='http://www.w3.org/1999/xlink'\n"
"      xml:lang='id'>\n"
"<preface><title>Pengantar</title><para>Lihat <citation>zastrow2017</citation>.</para></preface>\n"
"<article xml:id='a1'><title>Satu</title>\n"
"<para><citation role='narrative'>toseland2017</citation> dan\n"
"<citation>zastrow2017b; zastrow2017, hlm. 45</citation> dan\n"
"<citation><biblioref linkend='sukoco2011' begin='12' end='14' units='page'/></citation>.</para>\n"
"<bibliography role='auto'><title>Referensi</title></bibliography>\n"
"</article>\n"
"<article xml:id='a2'><title>Dua</title>\n"
"<para><citation role='year'>zastrow2017</citation> <citation>nodate</citation>\n"
"<citation>zastrow2071</citation> <citation>dup</citation></para>\n"
"<bibliography role='auto'/>\n"
"</article>\n"
"<bibliography role='database' xlink:href='refs.bib'/>\n"
"<bibliography role='database'>\n"
"<biblioentry xml:id='sukoco2011'><author><personname><firstname>Dwi Heru</firstname>"
"<surname>Sukoco</surname></personname></author><title>Profesi pekerjaan sosial</title>"
"<publisher><publishername>STKS</publishername></publisher><pubdate>2011</pubdate></biblioentry>\n"
"<biblioentry xml:id='dup'><author><personname>A. One</personname></author>"
"<title>From DocBook</title><pubdate>2000</pubdate></biblioentry>\n"
"</bibliography>\n"
"<bibliography role='auto'><title>Daftar Pustaka</title></bibliography>\n"
"</book>\n";

static folio_node *find_id(folio_doc *doc, const char *id)
{
	return folio_doc_find_id(doc, id);
}

/* The ids of a list's entries, joined by spaces. */
static const char *ids_of(folio_node *list)
{
	static char out[512];
	out[0] = '\0';
	for (folio_node *c = list ? list->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_NODE_BIBLIOMIXED) {
			strcat(out, c->id ? c->id : "?");
			strcat(out, " ");
		}
	return out;
}

/* The printed text of a citation: its generated children. */
static const char *printed(folio_doc *doc, folio_node *cit)
{
	static char out[512];
	out[0] = '\0';
	for (folio_node *c = cit->first; c; c = c->next)
		if (!(c->flags & FOLIO_FLAG_HIDDEN))
			strcat(out, c->kind == FOLIO_NODE_TEXT ? c->text : folio_node_text(doc, c));
	return out;
}

static folio_node *nth_citation(folio_doc *doc, int k)
{
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0))
		if (n->kind == FOLIO_NODE_CITATION && k-- == 0)
			return n;
	return NULL;
}

static folio_node *list_in(folio_node *article)
{
	for (folio_node *c = article ? article->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_NODE_BIBLIOGRAPHY)
			return c;
	return NULL;
}

static void test_apa_book(void)
{
	struct seen seen = { 0 };
	folio_diag *diag = folio_diag_new(collect, &seen);
	char path[512];
	snprintf(path, sizeof path, "%s/book.xml", dir);
	folio_doc *doc = folio_read(path, NULL, diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	folio_resolve(doc, NULL, diag);

	OK(has(&seen, "book.xml:12:1: error: unknown citation key 'zastrow2071'"));
	OK(has(&seen, "book.xml:12:1: note: did you mean 'zastrow2017'?"));
	OK(has(&seen, "book.xml:18:1: error: the citation key 'dup' is defined twice, differently"));
	OK(has(&seen, "refs.bib:9:1: note: 'dup' is also defined here"));
	OK(has(&seen, "refs.bib:8:1: warning: the work 'nodate' has no year (write n.d. in pubdate if it is undated)"));
	OK(has(&seen, "refs.bib:6:1: warning: the title of 'toseland2017' looks like Title Case; APA prints titles in sentence case"));
	OK(has(&seen, "refs.bib:6:1: note: perhaps 'An introduction to group work practice' (keep the capitals of names)"));
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR), 2);

	/* per-article lists: exactly what each cites; ids per article */
	folio_node *a1 = find_id(doc, "a1"), *a2 = find_id(doc, "a2");
	STR_EQ(ids_of(list_in(a1)),
	       "a1-ref-sukoco2011 a1-ref-toseland2017 a1-ref-zastrow2017 a1-ref-zastrow2017b ");
	STR_EQ(ids_of(list_in(a2)), "a2-ref-nodate a2-ref-dup a2-ref-zastrow2017 ");
	folio_node *t2 = list_in(a2) ? folio_node_title(list_in(a2)) : NULL;
	STR_EQ(t2 ? folio_node_text(doc, t2) : NULL, "Referensi");
	/* the book's list: every cited work once */
	OK(doc->bibliography != NULL);
	STR_EQ(ids_of(doc->bibliography),
	       "ref-nodate ref-dup ref-sukoco2011 ref-toseland2017 ref-zastrow2017 ref-zastrow2017b ");
	folio_node *z = find_id(doc, "ref-zastrow2017");
	STR_EQ(z ? folio_node_text(doc, z) : NULL,
	       "Zastrow, C. (2017a). Introduction to social work and social welfare: "
	       "Empowering people (ed. ke-12). Cengage Learning.");
	folio_node *zb = find_id(doc, "ref-zastrow2017b");
	STR_EQ(zb ? folio_node_text(doc, zb) : NULL,
	       "Zastrow, C. (2017b). A later paper. Social Work, 62(3), 1\u20139.");

	/* citations: text, links to the nearest list, keys hidden */
	folio_node *c0 = nth_citation(doc, 0), *c1 = nth_citation(doc, 1),
		   *c2 = nth_citation(doc, 2), *c3 = nth_citation(doc, 3),
		   *c4 = nth_citation(doc, 4), *c5 = nth_citation(doc, 5);
	OK(c0 && c1 && c2 && c3 && c4 && c5);
	if (!(c0 && c1 && c2 && c3 && c4 && c5))
		return;
	STR_EQ(printed(doc, c0), "(Zastrow, 2017a)");
	OK(c0->target == z); /* the preface has no list: the book's */
	OK(c0->first->kind == FOLIO_NODE_TEXT && (c0->first->flags & FOLIO_FLAG_HIDDEN));
	STR_EQ(printed(doc, c1), "Toseland dan Rivas (2017)");
	OK(c1->target == find_id(doc, "a1-ref-toseland2017"));
	STR_EQ(printed(doc, c2), "(Zastrow, 2017a, hlm. 45; Zastrow, 2017b)");
	STR_EQ(printed(doc, c3), "(Sukoco, 2011, hlm. 12\u201314)");
	OK(c3->target == find_id(doc, "a1-ref-sukoco2011"));
	STR_EQ(printed(doc, c4), "(2017a)");
	OK(c4->target == find_id(doc, "a2-ref-zastrow2017"));
	STR_EQ(printed(doc, c5), "(Anon, t.t.)");
	int links = 0;
	for (folio_node *c = c2->first; c; c = c->next)
		if (c->kind == FOLIO_NODE_LINK && (c->flags & FOLIO_FLAG_GENERATED))
			links++;
	INT_EQ(links, 2);
	/* databases are hidden */
	for (folio_node *n = doc->root->first; n; n = n->next)
		if (n->kind == FOLIO_NODE_BIBLIOGRAPHY && n->role && strcmp(n->role, "database") == 0)
			OK(n->flags & FOLIO_FLAG_HIDDEN);
	folio_doc_free(doc);
	folio_diag_free(diag);
}

static const char ieee_book[] =
"<book xmlns='http://docbook.org/ns/docbook' xmlns:xlink='http://www.w3.org/1999/xlink'\n"
"      xml:lang='en'>\n"
"<info><title>T</title><meta name='citation-style' content='ieee'/></info>\n"
"<chapter><title>One</title>\n"
"<para><citation>toseland2017</citation> <citation>zastrow2017b; zastrow2017</citation>\n"
"<citation>toseland2017, p. 3</citation></para></chapter>\n"
"<bibliography role='database' xlink:href='refs.bib'/>\n"
"</book>\n";

static void test_ieee_document_style(void)
{
	struct seen seen = { 0 };
	folio_diag *diag = folio_diag_new(collect, &seen);
	char path[512];
	snprintf(path, sizeof path, "%s/ieee.xml", dir);
	folio_doc *doc = folio_read(path, NULL, diag);
	OK(doc != NULL);
	if (doc == NULL)
		return;
	folio_resolve(doc, NULL, diag);
	INT_EQ(folio_diag_count(diag, FOLIO_ERROR) + folio_diag_count(diag, FOLIO_WARNING), 0);
	/* no list in the book: one at the end, in order of first citation */
	OK(doc->bibliography && doc->bibliography == doc->root->last);
	STR_EQ(ids_of(doc->bibliography), "ref-toseland2017 ref-zastrow2017b ref-zastrow2017 ");
	folio_node *t = doc->bibliography ? folio_node_title(doc->bibliography) : NULL;
	STR_EQ(t ? folio_node_text(doc, t) : NULL, "Bibliography");
	STR_EQ(printed(doc, nth_citation(doc, 0)), "[1]");
	STR_EQ(printed(doc, nth_citation(doc, 1)), "[2], [3]");
	STR_EQ(printed(doc, nth_citation(doc, 2)), "[1, p. 3]");
	folio_node *e = folio_doc_find_id(doc, "ref-zastrow2017b");
	STR_EQ(e ? folio_node_text(doc, e) : NULL,
	       "[2] C. Zastrow, \u201cA later paper,\u201d Social Work, vol. 62, no. 3, pp. 1\u20139, 2017.");
	folio_doc_free(doc);
	folio_diag_free(diag);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/folio-cite-XXXXXX");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	write_file("refs.bib", bib);
	write_file("book.xml", book);
	write_file("ieee.xml", ieee_book);
	test_apa_book();
	test_ieee_document_style();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	DONE();
}
