/* libs: folio_resolve folio_tree folio_util */
/*
 * test_bibtex: the BibTeX reader: entry types, braces and quotes, @string
 * macros and # concatenation, month macros, LaTeX accents and commands,
 * "and others", protected titles, and malformed entries that are reported
 * with file:line while the rest of the file still loads.
 */
#include "harness.h"
#include "resolve/biblio.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct seen {
	char lines[16][256];
	int n;
	int errors;
};

static void collect(void *ctx, folio_severity sev, folio_loc loc, const char *msg)
{
	struct seen *s = ctx;
	if (sev >= FOLIO_ERROR)
		s->errors++;
	if (s->n < 16)
		snprintf(s->lines[s->n++], 256, "%s:%u: %s: %s", loc.file ? loc.file : "",
			 loc.line, sev == FOLIO_NOTE ? "note" : sev == FOLIO_WARNING
			 ? "warning" : "error", msg);
}

static const char good[] =
	"% a comment line\n"
	"@string{ cengage = \"Cengage\" # { Learning} }\n"
	"@STRING(jl = {Jurnal Literasi})\n"
	"@comment{ anything {nested} here }\n"
	"@book{zastrow2017,\n"
	"  author    = {Zastrow, Charles},\n"
	"  title     = {Introduction to Social Work and Social Welfare},\n"
	"  subtitle  = {Empowering People},\n"
	"  edition   = {12},\n"
	"  publisher = cengage,\n"
	"  address   = {Boston, MA},\n"
	"  year      = 2017,\n"
	"}\n"
	"@article{siregar2022,\n"
	"  author = {Siregar, Rina Ayu and Wijaya, Kevin and Tan, Siew Hoon and others},\n"
	"  title = \"Reading habits of {Medan} students\",\n"
	"  journal = jl, volume = {11}, number = {2}, pages = {145--160},\n"
	"  year = {2022}, month = jun,\n"
	"  doi = {https://doi.org/10.5555/a2}\n"
	"}\n"
	"@incollection(nasution2020,\n"
	"  author = {Dewi Nasution}, editor = {Putri Gunawan and Lestari Sari},\n"
	"  title = {Teaching writing online}, booktitle = {Digital pedagogy in {Asia}},\n"
	"  pages = {33--52}, publisher = {Routledge}, address = {London}, year = {2020})\n"
	"@mastersthesis{lubis2022, author = {Lubis, Farida},\n"
	"  title = {Code-switching in {M}edan classrooms},\n"
	"  school = {Universitas Sumatera Utara}, year = {2022}}\n"
	"@misc{bps, author = {{Badan Pusat Statistik}}, title = {{Indeks Pembangunan Manusia}},\n"
	"  url = {https://example.org/ipm}, urldate = {2025-03-05}, year = {n.d.}}\n"
	"@book{accents, author = {G{\\\"o}del, Kurt and M\\\"{u}ller, J{\\'e}r{\\^o}me and\n"
	"  Fran\\c{c}ois, {\\AA}sa and Ku\\v{s}ar, {\\'\\i}Ida and von Neumann, John},\n"
	"  title = {Caf\\'e \\& cr\\`eme --- na\\\"{\\i}ve ``quotes'' \\textit{italic}~end}, year={1999}}\n"
	"@phdthesis{phd, author={Ludwig van Beethoven}, title={T}, school={U}, year={2001}}\n";

static void test_good(void)
{
	folio_arena *arena = arena_new();
	struct seen seen = { 0 };
	folio_diag *diag = folio_diag_new(collect, &seen);
	biblio_db db;
	biblio_db_init(&db, arena);
	INT_EQ(bibtex_parse(&db, "refs.bib", good, sizeof good - 1, diag), 7);
	INT_EQ(seen.errors, 0);
	INT_EQ(seen.n, 0);

	biblio_entry *z = biblio_db_get(&db, "zastrow2017");
	OK(z != NULL);
	if (z) {
		INT_EQ(z->type, BIB_BOOK);
		INT_EQ(z->authors.n, 1);
		STR_EQ(z->authors.v[0].family, "Zastrow");
		STR_EQ(z->authors.v[0].given, "Charles");
		STR_EQ(z->title, "Introduction to Social Work and Social Welfare");
		STR_EQ(z->subtitle, "Empowering People");
		STR_EQ(z->publisher, "Cengage Learning"); /* macro # concatenation */
		STR_EQ(z->place, "Boston, MA");
		STR_EQ(z->year, "2017");
		STR_EQ(z->edition, "12");
		INT_EQ(z->loc.line, 5);
		STR_EQ(z->loc.file, "refs.bib");
	}
	biblio_entry *s = biblio_db_get(&db, "siregar2022");
	OK(s != NULL);
	if (s) {
		INT_EQ(s->type, BIB_ARTICLE);
		INT_EQ(s->authors.n, 3);
		INT_EQ(s->authors.others, 1);
		STR_EQ(s->authors.v[2].given, "Siew Hoon");
		STR_EQ(s->title, "Reading habits of Medan students");
		STR_EQ(s->container, "Jurnal Literasi");
		STR_EQ(s->issue, "2");
		STR_EQ(s->pages, "145\u2013160");
		INT_EQ(s->month, 6);
		STR_EQ(s->doi, "10.5555/a2");
	}
	biblio_entry *n = biblio_db_get(&db, "nasution2020");
	OK(n != NULL);
	if (n) {
		INT_EQ(n->type, BIB_CHAPTER);
		STR_EQ(n->authors.v[0].family, "Nasution");
		STR_EQ(n->authors.v[0].given, "Dewi");
		INT_EQ(n->editors.n, 2);
		STR_EQ(n->editors.v[1].family, "Sari");
		STR_EQ(n->container, "Digital pedagogy in Asia");
	}
	biblio_entry *l = biblio_db_get(&db, "lubis2022");
	OK(l && l->type == BIB_THESIS && l->thesis_kind == BIB_THESIS_MASTER);
	if (l) {
		STR_EQ(l->institution, "Universitas Sumatera Utara");
		STR_EQ(l->title, "Code-switching in Medan classrooms");
	}
	biblio_entry *b = biblio_db_get(&db, "bps");
	OK(b != NULL);
	if (b) {
		INT_EQ(b->type, BIB_WEBPAGE);
		INT_EQ(b->authors.v[0].org, 1);
		STR_EQ(b->authors.v[0].family, "Badan Pusat Statistik");
		INT_EQ(b->title_nocase, 1);
		OK(b->year == NULL);
		INT_EQ(b->undated, 1);
		STR_EQ(b->accessed, "2025-03-05");
	}
	biblio_entry *a = biblio_db_get(&db, "accents");
	OK(a != NULL);
	if (a) {
		INT_EQ(a->authors.n, 5);
		STR_EQ(a->authors.v[0].family, "G\u00f6del");
		STR_EQ(a->authors.v[1].family, "M\u00fcller");
		STR_EQ(a->authors.v[1].given, "J\u00e9r\u00f4me");
		STR_EQ(a->authors.v[2].family, "Fran\u00e7ois");
		STR_EQ(a->authors.v[2].given, "\u00c5sa");
		STR_EQ(a->authors.v[3].family, "Ku\u0161ar");
		STR_EQ(a->authors.v[3].given, "\u00edIda");
		STR_EQ(a->authors.v[4].family, "von Neumann");
		STR_EQ(a->title, "Caf\u00e9 & cr\u00e8me \u2014 na\u00efve \u201cquotes\u201d italic\u00a0end");
	}
	biblio_entry *p = biblio_db_get(&db, "phd");
	OK(p && p->thesis_kind == BIB_THESIS_PHD);
	if (p) {
		STR_EQ(p->authors.v[0].family, "van Beethoven");
		STR_EQ(p->authors.v[0].given, "Ludwig");
	}
	biblio_db_free(&db);
	folio_diag_free(diag);
	arena_free(arena);
}

static const char bad[] =
	"@book{first, title = {One}, year = 2001}\n"       /* 1 */
	"@book{broken, title = {Two, year = 2002\n"        /* 2: unterminated { */
	"\n"
	"@book{second, title = {Three}, year = 2003}\n"    /* 4 */
	"@article{nokey_missing_equals, title {x}}\n"     /* 5: no '=' */
	"@book{third, title = \"Four\" year = 2004}\n"     /* 6: no ',' */
	"@book{fourth, title = {Five}, publisher = unknownmacro, year = 2005}\n" /* 7 */
	"@book{, title = {no key}}\n"                      /* 8 */
	"@book{first, title = {Other}, year = 2001}\n"     /* 9: defined differently */
	"@book{fifth, title = {Six}, year = 2006}\n";      /* 10 */

static void test_bad(void)
{
	folio_arena *arena = arena_new();
	struct seen seen = { 0 };
	folio_diag *diag = folio_diag_new(collect, &seen);
	biblio_db db;
	biblio_db_init(&db, arena);
	int added = bibtex_parse(&db, "bad.bib", bad, sizeof bad - 1, diag);
	INT_EQ(added, 4); /* first, second, fourth, fifth */
	OK(biblio_db_get(&db, "first") != NULL);
	OK(biblio_db_get(&db, "second") != NULL);
	OK(biblio_db_get(&db, "fourth") != NULL);
	OK(biblio_db_get(&db, "fifth") != NULL);
	OK(biblio_db_get(&db, "broken") == NULL);
	OK(biblio_db_get(&db, "third") == NULL);
	if (biblio_db_get(&db, "first"))
		STR_EQ(biblio_db_get(&db, "first")->title, "One");
	INT_EQ(seen.errors, 5);
	for (int i = 0; i < seen.n; i++)
		fprintf(stderr, "  %s\n", seen.lines[i]);
	STR_EQ(seen.lines[0], "bad.bib:2: error: unterminated '{' value");
	STR_EQ(seen.lines[1], "bad.bib:2: note: in the entry 'broken', skipped");
	STR_EQ(seen.lines[2], "bad.bib:5: error: expected '=' after the field 'title'");
	STR_EQ(seen.lines[4], "bad.bib:6: error: expected ',' or the end of the entry after the field 'title'");
	STR_EQ(seen.lines[6], "bad.bib:7: warning: unknown @string macro 'unknownmacro'");
	STR_EQ(seen.lines[7], "bad.bib:8: error: entry without a citation key");
	STR_EQ(seen.lines[8], "bad.bib:9: error: the citation key 'first' is defined twice, differently");
	STR_EQ(seen.lines[9], "bad.bib:1: note: 'first' is also defined here");
	/* nearest key for "did you mean" */
	size_t spent = 0;
	STR_EQ(biblio_db_nearest(&db, "secnd", &spent), "second");
	STR_EQ(biblio_db_nearest(&db, "SECND", &spent), "second");
	OK(biblio_db_nearest(&db, "zzzzzzzzzz", &spent) == NULL);
	OK(spent > 0);
	/* once the work for hints is spent, no hint */
	spent = (size_t)-1;
	OK(biblio_db_nearest(&db, "secnd", &spent) == NULL);
	biblio_db_free(&db);
	folio_diag_free(diag);
	arena_free(arena);
}

/* @string doubled forty times: stopped at the build's budget for macro
 * text (lowered here), once, with the macro's place. */
static void test_macro_budget(void)
{
	static const char doubling[] =
		"@string{s0 = \"xxxxxxxxxxxxxxxx\"}\n"
		"@string{s1 = s0 # s0}\n@string{s2 = s1 # s1}\n@string{s3 = s2 # s2}\n"
		"@string{s4 = s3 # s3}\n@string{s5 = s4 # s4}\n@string{s6 = s5 # s5}\n"
		"@book{k, title = s6 # s6 # s6}\n";
	folio_arena *arena = arena_new();
	struct seen seen = { 0 };
	folio_diag *diag = folio_diag_new(collect, &seen);
	biblio_db db;
	biblio_db_init(&db, arena);
	setenv("FOLIO_MAX_BIBTEX_BYTES", "2000", 1);
	bibtex_parse(&db, "d.bib", doubling, sizeof doubling - 1, diag);
	unsetenv("FOLIO_MAX_BIBTEX_BYTES");
	INT_EQ(seen.errors, 1);
	STR_EQ(seen.lines[0], "d.bib:7: error: @string macros expand to more than 2000 bytes of text (folio's limit), here 's5'");
	OK(db.macro_bytes <= 2000);
	OK(biblio_db_get(&db, "k") == NULL);
	biblio_db_free(&db);
	folio_diag_free(diag);
	arena_free(arena);
}

/* Text that is not UTF-8, or holds a character XML forbids, never gets
 * in: the error names the line of the first bad byte. */
static void test_gate(void)
{
	static const struct { const char *text; const char *want; } cases[] = {
		{ "@book{k, title = {Caf\xe9}}\n", "g.bib:1: error: the database is not valid UTF-8: the byte 0xE9, which is not UTF-8" },
		{ "\n@book{k, title = {A\x01" "B}}\n", "g.bib:2: error: the database holds the control character U+0001, which XML does not allow" },
		{ "@book{k, title = {A", "g.bib:1: error: the database holds the control character U+0000, which XML does not allow" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		folio_arena *arena = arena_new();
		struct seen seen = { 0 };
		folio_diag *diag = folio_diag_new(collect, &seen);
		biblio_db db;
		biblio_db_init(&db, arena);
		size_t len = strlen(cases[i].text) + (i == 2 ? 5 : 0);
		char buf[64];
		memcpy(buf, cases[i].text, strlen(cases[i].text));
		if (i == 2)
			memcpy(buf + strlen(cases[i].text), "\0B}}\n", 5);
		INT_EQ(bibtex_parse(&db, "g.bib", buf, len, diag), 0);
		OK(seen.errors >= 1);
		STR_EQ(seen.lines[0], cases[i].want);
		OK(biblio_db_get(&db, "k") == NULL);
		biblio_db_free(&db);
		folio_diag_free(diag);
		arena_free(arena);
	}
}

int main(void)
{
	test_good();
	test_bad();
	test_macro_budget();
	test_gate();
	DONE();
}
