/*
 * lang.h: what changes with the reader's language: generated words,
 * quotation marks, hyphenation dictionary, collation locale.  One table per
 * language in src/util/lang_table.c; adding a language is adding a
 * table there.  Back ends and resolve passes take words from here and
 * never spell them out themselves.
 */
#ifndef FOLIO_LANG_H
#define FOLIO_LANG_H

typedef struct folio_lang {
	const char *code;         /* "id", "en": the primary subtag */
	const char *variant;      /* "en-GB", "pt-BR", "zh-Hant" for a regional
				     or script table; NULL for a language's own */
	const char *icu_locale;   /* collation locale for ICU: "id_ID" */
	const char *hyph_dict;    /* libhyphen dictionary file name */
	int hyph_latin1;          /* the dictionary is ISO-8859-1 */
	/* quotation marks: outer and inner */
	const char *quote_open, *quote_close, *quote2_open, *quote2_close;
	/* headings of generated parts */
	const char *contents;     /* "Daftar Isi" */
	const char *glossary;     /* "Glosarium" */
	const char *bibliography; /* "Daftar Pustaka" */
	const char *references;   /* "Referensi": a list after one article */
	const char *index;        /* "Indeks" */
	const char *preface;      /* "Kata Pengantar" */
	const char *footnotes;    /* "Catatan" */
	/* labels */
	const char *chapter;      /* "Bab" */
	const char *part;         /* "Bagian" */
	const char *appendix;     /* "Lampiran" */
	const char *figure;       /* "Gambar" */
	const char *table;        /* "Tabel" */
	const char *example;      /* "Contoh" */
	const char *equation;     /* "Persamaan" */
	const char *note, *tip, *important, *warning, *caution, *danger;
	/* locators and citations */
	const char *page_abbrev;  /* "hlm." (one page) */
	const char *pages_abbrev; /* "hlm." (a range) */
	const char *et_al;        /* "dkk." */
	const char *and_word;     /* "dan" (running text) */
	const char *no_date;      /* "t.t." */
	const char *editor_abbrev;  /* "Ed." */
	const char *editors_abbrev; /* "Ed." */
	const char *edition_fmt;  /* printf format with %s: "ed. ke-%s" */
	const char *in_word;      /* "Dalam" */
	const char *retrieved_from; /* "Diakses dari" */
	const char *see;          /* "lihat" */
	const char *see_also;     /* "lihat juga" */
	/* front matter */
	const char *made_with;    /* "Dibuat dengan folio %s" */
	const char *edited_by;    /* "Penyunting" */
	const char *symbols;      /* index group for symbols and digits */
	const char *continued;    /* "lanjutan": an index heading repeated
				     over the rest of its sub-entries */
	/* EPUB accessibility summary (schema:accessibilitySummary), in
	 * sentences the EPUB back end joins: what every folio EPUB offers,
	 * then what depends on the book. */
	const char *a11y_summary;
	const char *a11y_page_numbers; /* the print edition's pages are marked */
	const char *a11y_missing_alt;  /* some images have no text alternative */
	const char *a11y_all_alt;      /* every image has one */
	const char *a11y_glossary_links; /* terms in the text link to the glossary */
	const char *a11y_glossary_pages; /* glossary entries link to their uses */
	const char *a11y_index_links;  /* index entries link into the text */
} folio_lang;

/* The table for an xml:lang value ("id", "id-ID", "en-GB"), matching on the
 * primary subtag; falls back to English for a language without a table. */
const folio_lang *folio_lang_get(const char *xml_lang);
/* 1 when a table exists for the primary subtag of xml_lang. */
int folio_lang_known(const char *xml_lang);
/* 1 when xml_lang is written right to left (ar, he, fa, ur, yi...: the
 * direction its primary subtag implies, whether or not folio has a table
 * for it), 0 otherwise and for NULL. */
int folio_lang_rtl(const char *xml_lang);

#endif
