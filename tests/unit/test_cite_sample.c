/* libs: folio_read folio_resolve folio_tree folio_util */
/*
 * test_cite_sample: resolve on the sample reader (sources/pekerjaan-sosial)
 * reports no error and no warning; "Daftar Pustaka" holds each of the
 * seed's six works exactly once (Zastrow 2017 is cited in four articles);
 * each article's "Referensi" holds exactly what the article cites; every
 * citation links to an entry of its own article's list.
 */
#include "harness.h"
#include "folio/folio.h"

#include <stdio.h>
#include <stdlib.h>

static int problems;

static void collect(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	(void)ctx;
	if (sev == FOLIO_NOTE)
		return;
	problems++;
	fprintf(stderr, "%s:%u:%u: %s\n", loc.file ? loc.file : "", loc.line, loc.col, msg);
}

static const char *keys_of(folio_node *list)
{
	static char out[1024];
	out[0] = '\0';
	for (folio_node *c = list ? list->first : NULL; c; c = c->next) {
		if (c->kind != FOLIO_NODE_BIBLIOMIXED || c->id == NULL)
			continue;
		const char *k = strstr(c->id, "ref-");
		strcat(out, k ? k + 4 : c->id);
		strcat(out, " ");
	}
	return out;
}

static folio_node *article_list(folio_doc *doc, const char *id)
{
	folio_node *a = folio_doc_find_id(doc, id);
	for (folio_node *c = a ? a->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_NODE_BIBLIOGRAPHY)
			return c;
	return NULL;
}

static folio_node *enclosing_article(folio_node *n)
{
	while (n && n->kind != FOLIO_NODE_ARTICLE)
		n = n->parent;
	return n;
}

int main(void)
{
	const char *src = getenv("SRC");
	char path[1024];
	snprintf(path, sizeof path, "%s/sources/pekerjaan-sosial/reader.xml", src ? src : ".");
	folio_diag *diag = folio_diag_new(collect, NULL);
	folio_doc *doc = folio_read(path, NULL, diag);
	OK(doc != NULL);
	if (doc == NULL)
		DONE();
	folio_resolve(doc, NULL, diag);
	INT_EQ(problems, 0);

	OK(doc->bibliography != NULL);
	folio_node *title = doc->bibliography ? folio_node_title(doc->bibliography) : NULL;
	STR_EQ(title ? folio_node_text(doc, title) : NULL, "Daftar Pustaka");
	STR_EQ(keys_of(doc->bibliography),
	       "deguzman1983 dubois2014 permensos12-2017 sukoco2011 toseland2017 zastrow2017 ");

	STR_EQ(keys_of(article_list(doc, "art-group-work")), "toseland2017 zastrow2017 ");
	STR_EQ(keys_of(article_list(doc, "art-tugas-pekerjaan-sosial")), "sukoco2011 ");
	STR_EQ(keys_of(article_list(doc, "art-fungsi-pekerjaan-sosial")),
	       "deguzman1983 dubois2014 permensos12-2017 ");

	/* every citation is replaced and links into its own article's list */
	int citations = 0;
	for (folio_node *n = doc->root; n; n = folio_next(doc->root, n, 0)) {
		if (n->kind != FOLIO_NODE_CITATION || (n->flags & FOLIO_FLAG_HIDDEN))
			continue;
		citations++;
		OK(n->target && n->target->kind == FOLIO_NODE_BIBLIOMIXED);
		if (n->target == NULL)
			continue;
		folio_node *art = enclosing_article(n);
		OK(art && enclosing_article(n->target) == art);
		int links = 0;
		for (folio_node *c = n->first; c; c = c->next) {
			if (c->flags & FOLIO_FLAG_HIDDEN)
				OK(!(c->flags & FOLIO_FLAG_GENERATED));
			if (c->kind == FOLIO_NODE_LINK && c->target)
				links++;
		}
		OK(links >= 1);
	}
	OK(citations >= 17);

	/* three entries, word for word */
	folio_node *z = folio_doc_find_id(doc, "ref-zastrow2017");
	STR_EQ(z ? folio_node_text(doc, z) : NULL,
	       "Zastrow, C. (2017). Introduction to social work and social welfare: "
	       "Empowering people (ed. ke-12). Cengage Learning.");
	folio_node *t = folio_doc_find_id(doc, "ref-toseland2017");
	STR_EQ(t ? folio_node_text(doc, t) : NULL,
	       "Toseland, R. W., & Rivas, R. F. (2017). An introduction to group work "
	       "practice (ed. ke-8). Pearson.");
	folio_node *p = folio_doc_find_id(doc, "ref-permensos12-2017");
	STR_EQ(p ? folio_node_text(doc, p) : NULL,
	       "Kementerian Sosial Republik Indonesia. (2017). Peraturan Menteri Sosial "
	       "Republik Indonesia Nomor 12 Tahun 2017 tentang Standar Kompetensi Pekerja Sosial.");
	folio_doc_free(doc);
	folio_diag_free(diag);
	DONE();
}
