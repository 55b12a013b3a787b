/* libs: folio_resolve folio_tree folio_util */
/*
 * test_cite: the reference-list entries and in-text citations of each
 * style, word for word, for the worked examples doc/citations.md
 * describes (a book, an edited book, a chapter in an edited book, a
 * journal article with DOI, a web page, a regulation, a thesis, an
 * undated work): APA 7 in English and Indonesian, Chicago author-date and
 * IEEE.  Italics are shown as *...*, as in doc/citations.md.
 */
#include "harness.h"
#include "resolve/cite_style.h"
#include "util/arena.h"
#include "util/strbuf.h"

#include <stdlib.h>

static folio_doc *doc;

/* ---- fixtures ---- */

static biblio_name person(const char *family, const char *given)
{
	biblio_name n = { family, given, 0 };
	return n;
}

static biblio_name org(const char *name)
{
	biblio_name n = { name, NULL, 1 };
	return n;
}

static biblio_names names(unsigned n, const biblio_name *v)
{
	biblio_names ns = { NULL, n, 0 };
	ns.v = arena_alloc(doc->arena, n * sizeof(*v));
	memcpy(ns.v, v, n * sizeof(*v));
	return ns;
}

#define NAMES(...) names(sizeof((biblio_name[]){ __VA_ARGS__ }) / sizeof(biblio_name), \
			 (biblio_name[]){ __VA_ARGS__ })

static biblio_entry ex_book, ex_article, ex_chapter, ex_regulation, ex_undated,
	ex_prasetyo_a, ex_prasetyo_b, ex_edited, ex_report, ex_translation,
	ex_thesis, ex_web;

static void make_fixtures(void)
{
	biblio_entry *e = &ex_book;
	e->key = "hartono2021"; e->type = BIB_BOOK; e->lang = "en";
	e->authors = NAMES(person("Hartono", "Budi Santoso"), person("Lee", "Mei Ling"));
	e->year = "2021"; e->edition = "3"; e->title = "Data literacy for teachers";
	e->publisher = "Gramedia"; e->place = "Jakarta"; e->country = "Indonesia";

	e = &ex_article;
	e->key = "siregar2022"; e->type = BIB_ARTICLE; e->lang = "en";
	e->authors = NAMES(person("Siregar", "Rina Ayu"), person("Wijaya", "Kevin"),
			   person("Tan", "Siew Hoon"));
	e->year = "2022"; e->month = 6; e->title = "Reading habits of Medan students";
	e->container = "Jurnal Literasi"; e->volume = "11"; e->issue = "2";
	e->pages = "145-160"; e->doi = "10.5555/a2";

	e = &ex_chapter;
	e->key = "nasution2020"; e->type = BIB_CHAPTER; e->lang = "en";
	e->authors = NAMES(person("Nasution", "Dewi"));
	e->editors = NAMES(person("Gunawan", "Putri"), person("Sari", "Lestari"));
	e->year = "2020"; e->title = "Teaching writing online";
	e->container = "Digital pedagogy in Asia"; e->pages = "33--52";
	e->publisher = "Routledge"; e->place = "London"; e->country = "U.K.";

	e = &ex_regulation;
	e->key = "pm3-2020"; e->type = BIB_REGULATION; e->lang = "id";
	e->authors = NAMES(org("Kementerian Pendidikan dan Kebudayaan"));
	e->year = "2020";
	e->title = "Peraturan Menteri Pendidikan dan Kebudayaan Nomor 3 Tahun 2020 "
		   "tentang Standar Nasional Pendidikan Tinggi";
	e->publisher = "Kementerian Pendidikan dan Kebudayaan";
	e->place = "Jakarta"; e->country = "Indonesia";
	e->url = "https://example.org/pm3"; e->accessed = "2025-03-05";

	e = &ex_undated;
	e->key = "bps-ipm"; e->type = BIB_WEBPAGE; e->lang = "id";
	e->authors = NAMES(org("Badan Pusat Statistik"));
	e->title = "Indeks pembangunan manusia";
	e->title_translation = "Human development index";
	e->container = "Badan Pusat Statistik";
	e->url = "https://example.org/ipm"; e->accessed = "2025-03-05";

	e = &ex_prasetyo_a;
	e->key = "prasetyo-libraries"; e->type = BIB_BOOK; e->lang = "en";
	e->authors = NAMES(person("Prasetyo", "Agus"));
	e->year = "2019"; e->title = "Community libraries in Java";
	e->publisher = "Ombak"; e->place = "Yogyakarta"; e->country = "Indonesia";

	e = &ex_prasetyo_b;
	e->key = "prasetyo-corner"; e->type = BIB_ARTICLE; e->lang = "en";
	e->authors = NAMES(person("Prasetyo", "Agus"));
	e->year = "2019"; e->title = "The reading corner movement";
	e->container = "Jurnal Literasi"; e->volume = "4"; e->issue = "1";
	e->pages = "1-15";

	e = &ex_edited;
	e->key = "gunawan2020"; e->type = BIB_BOOK; e->lang = "en";
	e->editors = NAMES(person("Gunawan", "Putri"), person("Sari", "Lestari"));
	e->year = "2020"; e->title = "Digital pedagogy in Asia";
	e->publisher = "Routledge"; e->place = "London"; e->country = "U.K.";

	e = &ex_report;
	e->key = "lln2023"; e->type = BIB_REPORT; e->lang = "en";
	e->authors = NAMES(org("Lembaga Literasi Nusantara"));
	e->year = "2023"; e->title = "Literacy report 2022"; e->number = "7";
	e->publisher = "Lembaga Literasi Nusantara"; e->place = "Jakarta";
	e->country = "Indonesia"; e->url = "https://example.org/lln";
	e->accessed = "2025-03-05";

	e = &ex_translation;
	e->key = "suryadi2018"; e->type = BIB_BOOK; e->lang = "en";
	e->authors = NAMES(person("Suryadi", "Lestari"));
	e->translators = NAMES(person("Hart", "Michael"));
	e->year = "2018"; e->original_year = "1998"; e->title = "The river children";
	e->publisher = "Lontar"; e->place = "Jakarta"; e->country = "Indonesia";

	e = &ex_thesis;
	e->key = "lubis2022"; e->type = BIB_THESIS; e->lang = "en";
	e->authors = NAMES(person("Lubis", "Farida"));
	e->year = "2022"; e->title = "Code-switching in Medan classrooms";
	e->thesis_kind = BIB_THESIS_MASTER;
	e->institution = "Universitas Sumatera Utara"; e->place = "Medan";
	e->country = "Indonesia";

	e = &ex_web;
	e->key = "wibowo2024"; e->type = BIB_WEBPAGE; e->lang = "en";
	e->authors = NAMES(person("Wibowo", "Teguh"));
	e->year = "2024"; e->month = 5; e->day = 2;
	e->title = "Why reading aloud matters"; e->container = "Literasi Today";
	e->url = "https://example.org/ra"; e->accessed = "2025-03-05";
}

/* ---- rendering generated inline nodes as text ---- */

static const char *render(folio_node *top)
{
	static char out[4096];
	strbuf b = STRBUF_INIT;
	folio_iter it;
	folio_iter_init(&it, top);
	folio_event ev;
	while ((ev = folio_iter_next(&it)) != FOLIO_DONE) {
		folio_node *n = it.node;
		if (n == top)
			continue;
		if (n->kind == FOLIO_NODE_TEXT)
			sb_putn(&b, n->text, n->len);
		else if (n->kind == FOLIO_NODE_EMPHASIS)
			sb_putc(&b, '*');
	}
	snprintf(out, sizeof out, "%s", sb_str(&b));
	sb_free(&b);
	return out;
}

/* cite.accessed for the references made next */
static cite_accessed test_accessed = CITE_ACCESSED_STYLE;

static cite_ctx context(const char *lang, collator *coll)
{
	cite_ctx c = { folio_lang_get(lang), cite_terms_get(lang), coll, test_accessed };
	return c;
}

static const char *reference(const cite_style *style, const char *lang,
			     const biblio_entry *e, unsigned number)
{
	collator *coll = collate_new(folio_lang_get(lang)->icu_locale);
	cite_ctx ctx = context(lang, coll);
	folio_node *box = folio_node_new(doc, FOLIO_NODE_BIBLIOMIXED, (folio_loc){ 0 });
	cite_out o;
	out_init(&o, doc, box, NULL);
	style->reference(&ctx, e, number, NULL, &o);
	out_finish(&o);
	collate_free(coll);
	return render(box);
}

static folio_node *last_cited;

static const char *cite(const cite_style *style, const char *lang, cite_form form,
			const biblio_entry *const *entries, const char *const *locators,
			size_t n)
{
	collator *coll = collate_new(folio_lang_get(lang)->icu_locale);
	cite_ctx ctx = context(lang, coll);
	cite_item items[8];
	memset(items, 0, sizeof items);
	for (size_t i = 0; i < n; i++) {
		items[i].entry = entries[i];
		items[i].locator = locators ? locators[i] : NULL;
		items[i].target = folio_node_new(doc, FOLIO_NODE_BIBLIOMIXED, (folio_loc){ 0 });
		items[i].number = (unsigned)i + 1;
	}
	folio_node *box = folio_node_new(doc, FOLIO_NODE_CITATION, (folio_loc){ 0 });
	cite_out o;
	out_init(&o, doc, box, NULL);
	style->citation(&ctx, items, n, form, &o);
	out_finish(&o);
	collate_free(coll);
	last_cited = box;
	return render(box);
}

#define ONE(e) (const biblio_entry *const[]){ e }

/* ---- the table ---- */

static void test_apa_english(void)
{
	const cite_style *s = &cite_style_apa;
	STR_EQ(reference(s, "en", &ex_book, 1),
	       "Hartono, B. S., & Lee, M. L. (2021). *Data literacy for teachers* (3rd ed.). Gramedia.");
	STR_EQ(reference(s, "en", &ex_edited, 1),
	       "Gunawan, P., & Sari, L. (Eds.). (2020). *Digital pedagogy in Asia*. Routledge.");
	STR_EQ(reference(s, "en", &ex_chapter, 1),
	       "Nasution, D. (2020). Teaching writing online. In P. Gunawan & L. Sari (Eds.), "
	       "*Digital pedagogy in Asia* (pp. 33\u201352). Routledge.");
	STR_EQ(reference(s, "en", &ex_article, 1),
	       "Siregar, R. A., Wijaya, K., & Tan, S. H. (2022). Reading habits of Medan students. "
	       "*Jurnal Literasi*, *11*(2), 145\u2013160. https://doi.org/10.5555/a2");
	STR_EQ(reference(s, "en", &ex_web, 1),
	       "Wibowo, T. (2024, May 2). *Why reading aloud matters*. Literasi Today. "
	       "https://example.org/ra");
	STR_EQ(reference(s, "en", &ex_regulation, 1),
	       "Kementerian Pendidikan dan Kebudayaan. (2020). *Peraturan Menteri Pendidikan dan "
	       "Kebudayaan Nomor 3 Tahun 2020 tentang Standar Nasional Pendidikan Tinggi*. "
	       "https://example.org/pm3");
	STR_EQ(reference(s, "en", &ex_thesis, 1),
	       "Lubis, F. (2022). *Code-switching in Medan classrooms* [Unpublished master's thesis]. "
	       "Universitas Sumatera Utara.");
	STR_EQ(reference(s, "en", &ex_undated, 1),
	       "Badan Pusat Statistik. (n.d.). *Indeks pembangunan manusia* [Human development index]. "
	       "Retrieved March 5, 2025, from https://example.org/ipm");
	/* beyond the eight: report, translation */
	STR_EQ(reference(s, "en", &ex_report, 1),
	       "Lembaga Literasi Nusantara. (2023). *Literacy report 2022* (Report No. 7). "
	       "https://example.org/lln");
	STR_EQ(reference(s, "en", &ex_translation, 1),
	       "Suryadi, L. (2018). *The river children* (M. Hart, Trans.). Lontar. "
	       "(Original work published 1998)");
}

static void test_apa_indonesian(void)
{
	const cite_style *s = &cite_style_apa;
	STR_EQ(reference(s, "id", &ex_book, 1),
	       "Hartono, B. S., & Lee, M. L. (2021). *Data literacy for teachers* (ed. ke-3). Gramedia.");
	STR_EQ(reference(s, "id", &ex_edited, 1),
	       "Gunawan, P., & Sari, L. (Ed.). (2020). *Digital pedagogy in Asia*. Routledge.");
	STR_EQ(reference(s, "id", &ex_chapter, 1),
	       "Nasution, D. (2020). Teaching writing online. Dalam P. Gunawan & L. Sari (Ed.), "
	       "*Digital pedagogy in Asia* (hlm. 33\u201352). Routledge.");
	STR_EQ(reference(s, "id", &ex_article, 1),
	       "Siregar, R. A., Wijaya, K., & Tan, S. H. (2022). Reading habits of Medan students. "
	       "*Jurnal Literasi*, *11*(2), 145\u2013160. https://doi.org/10.5555/a2");
	STR_EQ(reference(s, "id", &ex_web, 1),
	       "Wibowo, T. (2024, 2 Mei). *Why reading aloud matters*. Literasi Today. "
	       "https://example.org/ra");
	STR_EQ(reference(s, "id", &ex_regulation, 1),
	       "Kementerian Pendidikan dan Kebudayaan. (2020). *Peraturan Menteri Pendidikan dan "
	       "Kebudayaan Nomor 3 Tahun 2020 tentang Standar Nasional Pendidikan Tinggi*. "
	       "https://example.org/pm3");
	STR_EQ(reference(s, "id", &ex_thesis, 1),
	       "Lubis, F. (2022). *Code-switching in Medan classrooms* [Tesis magister tidak diterbitkan]. "
	       "Universitas Sumatera Utara.");
	STR_EQ(reference(s, "id", &ex_undated, 1),
	       "Badan Pusat Statistik. (t.t.). *Indeks pembangunan manusia*. "
	       "Diakses 5 Maret 2025, dari https://example.org/ipm");
	STR_EQ(reference(s, "id", &ex_report, 1),
	       "Lembaga Literasi Nusantara. (2023). *Literacy report 2022* (Laporan No. 7). "
	       "https://example.org/lln");
	STR_EQ(reference(s, "id", &ex_translation, 1),
	       "Suryadi, L. (2018). *The river children* (M. Hart, Penerj.). Lontar. "
	       "(Karya asli diterbitkan 1998)");
}

static void test_chicago(void)
{
	const cite_style *s = &cite_style_chicago;
	STR_EQ(reference(s, "en", &ex_book, 1),
	       "Hartono, Budi Santoso, and Mei Ling Lee. 2021. *Data Literacy for Teachers*. "
	       "3rd ed. Jakarta: Gramedia.");
	STR_EQ(reference(s, "en", &ex_edited, 1),
	       "Gunawan, Putri, and Lestari Sari, eds. 2020. *Digital Pedagogy in Asia*. "
	       "London: Routledge.");
	STR_EQ(reference(s, "en", &ex_chapter, 1),
	       "Nasution, Dewi. 2020. \u201cTeaching Writing Online.\u201d In *Digital Pedagogy in Asia*, "
	       "edited by Putri Gunawan and Lestari Sari, 33\u201352. London: Routledge.");
	STR_EQ(reference(s, "en", &ex_article, 1),
	       "Siregar, Rina Ayu, Kevin Wijaya, and Siew Hoon Tan. 2022. \u201cReading Habits of "
	       "Medan Students.\u201d *Jurnal Literasi* 11 (2): 145\u201360. https://doi.org/10.5555/a2.");
	STR_EQ(reference(s, "en", &ex_web, 1),
	       "Wibowo, Teguh. 2024. \u201cWhy Reading Aloud Matters.\u201d Literasi Today, May 2, 2024. "
	       "https://example.org/ra.");
	STR_EQ(reference(s, "en", &ex_regulation, 1),
	       "Kementerian Pendidikan dan Kebudayaan. 2020. *Peraturan Menteri Pendidikan dan "
	       "Kebudayaan Nomor 3 Tahun 2020 tentang Standar Nasional Pendidikan Tinggi*. "
	       "Jakarta: Kementerian Pendidikan dan Kebudayaan. https://example.org/pm3.");
	STR_EQ(reference(s, "en", &ex_thesis, 1),
	       "Lubis, Farida. 2022. \u201cCode-Switching in Medan Classrooms.\u201d Master's thesis, "
	       "Universitas Sumatera Utara.");
	STR_EQ(reference(s, "en", &ex_undated, 1),
	       "Badan Pusat Statistik. n.d. \u201cIndeks pembangunan manusia.\u201d Accessed March 5, 2025. "
	       "https://example.org/ipm.");
	STR_EQ(reference(s, "en", &ex_report, 1),
	       "Lembaga Literasi Nusantara. 2023. *Literacy Report 2022*. Report No. 7. "
	       "Jakarta: Lembaga Literasi Nusantara. https://example.org/lln.");
	STR_EQ(reference(s, "en", &ex_translation, 1),
	       "Suryadi, Lestari. 2018. *The River Children*. Translated by Michael Hart. "
	       "Jakarta: Lontar.");
}

static void test_ieee(void)
{
	const cite_style *s = &cite_style_ieee;
	STR_EQ(reference(s, "en", &ex_book, 1),
	       "[1] B. S. Hartono and M. L. Lee, *Data Literacy for Teachers*, 3rd ed. "
	       "Jakarta, Indonesia: Gramedia, 2021.");
	STR_EQ(reference(s, "en", &ex_article, 2),
	       "[2] R. A. Siregar, K. Wijaya, and S. H. Tan, \u201cReading habits of Medan students,\u201d "
	       "*Jurnal Literasi*, vol. 11, no. 2, pp. 145\u2013160, Jun. 2022, doi: 10.5555/a2.");
	STR_EQ(reference(s, "en", &ex_chapter, 3),
	       "[3] D. Nasution, \u201cTeaching writing online,\u201d in *Digital Pedagogy in Asia*, "
	       "P. Gunawan and L. Sari, Eds. London, U.K.: Routledge, 2020, pp. 33\u201352.");
	STR_EQ(reference(s, "en", &ex_regulation, 4),
	       "[4] Kementerian Pendidikan dan Kebudayaan, *Peraturan Menteri Pendidikan dan "
	       "Kebudayaan Nomor 3 Tahun 2020 tentang Standar Nasional Pendidikan Tinggi*. "
	       "Jakarta, Indonesia: Kementerian Pendidikan dan Kebudayaan, 2020. "
	       "Accessed: Mar. 5, 2025. [Online]. Available: https://example.org/pm3");
	STR_EQ(reference(s, "en", &ex_undated, 5),
	       "[5] Badan Pusat Statistik, \u201cIndeks pembangunan manusia.\u201d "
	       "Accessed: Mar. 5, 2025. [Online]. Available: https://example.org/ipm");
	STR_EQ(reference(s, "en", &ex_prasetyo_b, 7),
	       "[7] A. Prasetyo, \u201cThe reading corner movement,\u201d *Jurnal Literasi*, vol. 4, "
	       "no. 1, pp. 1\u201315, 2019.");
	STR_EQ(reference(s, "en", &ex_edited, 8),
	       "[8] P. Gunawan and L. Sari, Eds., *Digital Pedagogy in Asia*. London, U.K.: "
	       "Routledge, 2020.");
	STR_EQ(reference(s, "en", &ex_report, 9),
	       "[9] Lembaga Literasi Nusantara, \u201cLiteracy report 2022,\u201d Lembaga Literasi "
	       "Nusantara, Jakarta, Indonesia, Rep. 7, 2023. Accessed: Mar. 5, 2025. "
	       "[Online]. Available: https://example.org/lln");
	STR_EQ(reference(s, "en", &ex_translation, 10),
	       "[10] L. Suryadi, *The River Children*, M. Hart, Trans. Jakarta, Indonesia: "
	       "Lontar, 2018.");
	STR_EQ(reference(s, "en", &ex_thesis, 11),
	       "[11] F. Lubis, \u201cCode-switching in Medan classrooms,\u201d M.A. thesis, "
	       "Univ. Sumatera Utara, Medan, Indonesia, 2022.");
	STR_EQ(reference(s, "en", &ex_web, 12),
	       "[12] T. Wibowo, \u201cWhy reading aloud matters,\u201d Literasi Today. "
	       "Accessed: Mar. 5, 2025. [Online]. Available: https://example.org/ra");
}

static void test_in_text(void)
{
	const cite_style *apa = &cite_style_apa, *chi = &cite_style_chicago,
			 *ieee = &cite_style_ieee;
	/* one, two, three or more authors */
	STR_EQ(cite(apa, "en", CITE_PAREN, ONE(&ex_thesis), NULL, 1), "(Lubis, 2022)");
	STR_EQ(cite(apa, "en", CITE_PAREN, ONE(&ex_book), NULL, 1), "(Hartono & Lee, 2021)");
	STR_EQ(cite(apa, "id", CITE_PAREN, ONE(&ex_book), NULL, 1), "(Hartono & Lee, 2021)");
	STR_EQ(cite(apa, "en", CITE_NARRATIVE, ONE(&ex_book), NULL, 1), "Hartono and Lee (2021)");
	STR_EQ(cite(apa, "id", CITE_NARRATIVE, ONE(&ex_book), NULL, 1), "Hartono dan Lee (2021)");
	STR_EQ(cite(apa, "en", CITE_PAREN, ONE(&ex_article), NULL, 1), "(Siregar et al., 2022)");
	STR_EQ(cite(apa, "id", CITE_PAREN, ONE(&ex_article), NULL, 1), "(Siregar dkk., 2022)");
	STR_EQ(cite(apa, "id", CITE_NARRATIVE, ONE(&ex_article), NULL, 1), "Siregar dkk. (2022)");
	/* group author, undated */
	STR_EQ(cite(apa, "en", CITE_PAREN, ONE(&ex_undated), NULL, 1), "(Badan Pusat Statistik, n.d.)");
	STR_EQ(cite(apa, "id", CITE_PAREN, ONE(&ex_undated), NULL, 1), "(Badan Pusat Statistik, t.t.)");
	/* year only, locator, translation */
	STR_EQ(cite(apa, "id", CITE_YEAR, ONE(&ex_book), NULL, 1), "(2021)");
	STR_EQ(cite(apa, "id", CITE_PAREN, ONE(&ex_thesis),
		    (const char *const[]){ "hlm. 45" }, 1), "(Lubis, 2022, hlm. 45)");
	STR_EQ(cite(apa, "id", CITE_NARRATIVE, ONE(&ex_thesis),
		    (const char *const[]){ "hlm. 45" }, 1), "Lubis (2022, hlm. 45)");
	STR_EQ(cite(apa, "en", CITE_PAREN, ONE(&ex_translation), NULL, 1), "(Suryadi, 1998/2018)");
	/* inside the author's own brackets: "(dalam Zastrow, 2017)" */
	STR_EQ(cite(apa, "id", CITE_BARE, ONE(&ex_thesis), NULL, 1), "Lubis, 2022");
	STR_EQ(cite(chi, "en", CITE_BARE, ONE(&ex_thesis), NULL, 1), "Lubis 2022");
	/* a regulation with a short name is cited by it */
	ex_regulation.short_title = "Permendikbud No. 3 Tahun 2020";
	STR_EQ(cite(apa, "id", CITE_NARRATIVE, ONE(&ex_regulation), NULL, 1),
	       "Permendikbud No. 3 Tahun 2020 (2020)");
	STR_EQ(cite(apa, "id", CITE_PAREN, ONE(&ex_regulation), NULL, 1),
	       "(Permendikbud No. 3 Tahun 2020, 2020)");
	ex_regulation.short_title = NULL;
	STR_EQ(cite(apa, "id", CITE_PAREN, ONE(&ex_regulation), NULL, 1),
	       "(Kementerian Pendidikan dan Kebudayaan, 2020)");
	/* several works: in list order, separated by semicolons */
	STR_EQ(cite(apa, "en", CITE_PAREN,
		    (const biblio_entry *const[]){ &ex_article, &ex_thesis }, NULL, 2),
	       "(Lubis, 2022; Siregar et al., 2022)");

	/* 2019a / 2019b: suffixes by title, "The" ignored */
	collator *coll = collate_new("en_US");
	cite_ctx ctx = context("en", coll);
	biblio_entry *v[] = { &ex_prasetyo_b, &ex_book, &ex_prasetyo_a };
	cite_sort_and_suffix(apa, &ctx, v, 3);
	OK(v[0] == &ex_book);
	OK(v[1] == &ex_prasetyo_a);
	STR_EQ(ex_prasetyo_a.suffix, "a");
	STR_EQ(ex_prasetyo_b.suffix, "b");
	STR_EQ(ex_book.suffix, "");
	collate_free(coll);
	STR_EQ(cite(apa, "en", CITE_PAREN,
		    (const biblio_entry *const[]){ &ex_prasetyo_b, &ex_prasetyo_a }, NULL, 2),
	       "(Prasetyo, 2019a, 2019b)");
	STR_EQ(reference(apa, "en", &ex_prasetyo_a, 1),
	       "Prasetyo, A. (2019a). *Community libraries in Java*. Ombak.");
	STR_EQ(reference(chi, "en", &ex_prasetyo_b, 1),
	       "Prasetyo, Agus. 2019b. \u201cThe Reading Corner Movement.\u201d *Jurnal Literasi* 4 (1): 1\u201315.");

	/* each work is one link to its list entry */
	cite(apa, "en", CITE_PAREN, (const biblio_entry *const[]){ &ex_article, &ex_thesis }, NULL, 2);
	int links = 0;
	for (folio_node *c = last_cited->first; c; c = c->next)
		if (c->kind == FOLIO_NODE_LINK && c->target && (c->flags & FOLIO_FLAG_GENERATED))
			links++;
	INT_EQ(links, 2);

	/* Chicago author-date */
	STR_EQ(cite(chi, "en", CITE_PAREN, ONE(&ex_book), NULL, 1), "(Hartono and Lee 2021)");
	STR_EQ(cite(chi, "en", CITE_PAREN, ONE(&ex_article), NULL, 1), "(Siregar, Wijaya, and Tan 2022)");
	STR_EQ(cite(chi, "en", CITE_PAREN, ONE(&ex_undated), NULL, 1), "(Badan Pusat Statistik, n.d.)");
	STR_EQ(cite(chi, "en", CITE_PAREN, ONE(&ex_book), (const char *const[]){ "45" }, 1),
	       "(Hartono and Lee 2021, 45)");
	STR_EQ(cite(chi, "en", CITE_NARRATIVE, ONE(&ex_book), NULL, 1), "Hartono and Lee (2021)");

	/* IEEE */
	STR_EQ(cite(ieee, "en", CITE_PAREN, ONE(&ex_book), NULL, 1), "[1]");
	STR_EQ(cite(ieee, "en", CITE_PAREN, ONE(&ex_book), (const char *const[]){ "p. 5" }, 1),
	       "[1, p. 5]");
	STR_EQ(cite(ieee, "en", CITE_PAREN,
		    (const biblio_entry *const[]){ &ex_book, &ex_article, &ex_chapter }, NULL, 3),
	       "[1]\u2013[3]");
	STR_EQ(cite(ieee, "en", CITE_PAREN,
		    (const biblio_entry *const[]){ &ex_book, &ex_article }, NULL, 2), "[1], [2]");
	STR_EQ(cite(ieee, "en", CITE_NARRATIVE, ONE(&ex_book), NULL, 1), "Hartono and Lee [1]");
}

static void test_links_and_helpers(void)
{
	/* the DOI is an external link */
	collator *coll = collate_new("en_US");
	cite_ctx ctx = context("en", coll);
	folio_node *box = folio_node_new(doc, FOLIO_NODE_BIBLIOMIXED, (folio_loc){ 0 });
	cite_out o;
	out_init(&o, doc, box, NULL);
	cite_style_apa.reference(&ctx, &ex_article, 1, NULL, &o);
	out_finish(&o);
	folio_node *link = box->last;
	OK(link && link->kind == FOLIO_NODE_LINK);
	if (link)
		STR_EQ(folio_node_attr(link, "xlink:href"), "https://doi.org/10.5555/a2");
	collate_free(coll);

	char *s = cite_initials("Hans-J\u00fcrgen");
	STR_EQ(s, "H.-J.");
	free(s);
	s = cite_initials("Budi  Santoso");
	STR_EQ(s, "B. S.");
	free(s);
	s = cite_page_range_short("1496-1504");
	STR_EQ(s, "1496\u20131504");
	free(s);
	s = cite_page_range_short("101-108");
	STR_EQ(s, "101\u20138");
	free(s);
	s = cite_page_range_short("321-328");
	STR_EQ(s, "321\u201328");
	free(s);
	s = cite_edition_number(cite_terms_get("en"), "12");
	STR_EQ(s, "12th");
	free(s);
	s = cite_edition_number(cite_terms_get("en"), "22");
	STR_EQ(s, "22nd");
	free(s);
	s = cite_edition_number(cite_terms_get("en"), "13");
	STR_EQ(s, "13th");
	free(s);
	OK(cite_edition_number(cite_terms_get("en"), "1") == NULL);
	s = cite_sentence_case_hint("Introduction to Social Work and Social Welfare: Empowering People");
	STR_EQ(s, "Introduction to social work and social welfare: Empowering people");
	free(s);
	OK(cite_sentence_case_hint("Reading habits of Medan students") == NULL);
	OK(cite_sentence_case_hint("Social work") == NULL);
	OK(cite_style_find("IEEE") == &cite_style_ieee);
	OK(cite_style_find("harvard") == NULL);
}

int main(void)
{
	doc = folio_doc_new("test.xml");
	make_fixtures();
	test_apa_english();
	test_apa_indonesian();
	test_chicago();
	test_ieee();
	test_in_text();
	test_links_and_helpers();
	folio_doc_free(doc);
	DONE();
}
