/*
 * lang_table: the generated words of each language folio speaks.
 * Indonesian follows PUEBI (the official spelling guide) and the usage of
 * Indonesian university presses; English follows common academic usage.
 */
#include "folio/lang.h"

#include <string.h>
#include <strings.h>

static const folio_lang indonesian = {
	.code = "id", .icu_locale = "id_ID",
	.hyph_dict = "hyph_id_ID.dic", .hyph_latin1 = 1,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "Daftar Isi", .glossary = "Glosarium",
	.bibliography = "Daftar Pustaka", .references = "Referensi",
	.index = "Indeks", .preface = "Kata Pengantar", .footnotes = "Catatan",
	.chapter = "Bab", .part = "Bagian", .appendix = "Lampiran",
	.figure = "Gambar", .table = "Tabel", .example = "Contoh",
	.equation = "Persamaan",
	.note = "Catatan", .tip = "Kiat", .important = "Penting",
	.warning = "Peringatan", .caution = "Perhatian", .danger = "Bahaya",
	.page_abbrev = "hlm.", .pages_abbrev = "hlm.",
	.et_al = "dkk.", .and_word = "dan", .no_date = "t.t.",
	.editor_abbrev = "Ed.", .editors_abbrev = "Ed.",
	.edition_fmt = "ed. ke-%s", .in_word = "Dalam",
	.retrieved_from = "Diakses dari",
	.see = "lihat", .see_also = "lihat juga",
	.made_with = "Dibuat dengan folio %s", .edited_by = "Penyunting",
	.symbols = "Simbol dan Angka",
	.continued = "lanjutan",
	.a11y_summary = "Publikasi ini dapat dinavigasi menurut strukturnya: judul bab "
		"dan bagian ditandai, daftar isi dan tengara tersedia, dan urutan baca "
		"mengikuti urutan logis teks. Pembaca dapat mengubah jenis dan ukuran huruf.",
	.a11y_page_numbers = "Nomor halaman edisi cetak ditandai di dalam teks dan "
		"dapat dituju melalui daftar halaman.",
	.a11y_missing_alt = "Sebagian gambar belum memiliki teks alternatif.",
};

static const folio_lang english = {
	.code = "en", .icu_locale = "en_US",
	.hyph_dict = "hyph_en_US.dic", .hyph_latin1 = 0,
	.quote_open = "\u201c", .quote_close = "\u201d",
	.quote2_open = "\u2018", .quote2_close = "\u2019",
	.contents = "Contents", .glossary = "Glossary",
	.bibliography = "Bibliography", .references = "References",
	.index = "Index", .preface = "Preface", .footnotes = "Notes",
	.chapter = "Chapter", .part = "Part", .appendix = "Appendix",
	.figure = "Figure", .table = "Table", .example = "Example",
	.equation = "Equation",
	.note = "Note", .tip = "Tip", .important = "Important",
	.warning = "Warning", .caution = "Caution", .danger = "Danger",
	.page_abbrev = "p.", .pages_abbrev = "pp.",
	.et_al = "et al.", .and_word = "and", .no_date = "n.d.",
	.editor_abbrev = "Ed.", .editors_abbrev = "Eds.",
	.edition_fmt = "%s ed.", .in_word = "In",
	.retrieved_from = "Retrieved from",
	.see = "see", .see_also = "see also",
	.made_with = "Made with folio %s", .edited_by = "Edited by",
	.symbols = "Symbols and Numbers",
	.continued = "continued",
	.a11y_summary = "This publication can be navigated by its structure: chapter "
		"and section headings are marked up, a table of contents and landmarks "
		"are provided, and the reading order follows the logical order of the "
		"text. Readers can change the typeface and the size of the text.",
	.a11y_page_numbers = "Page numbers of the print edition are marked in the "
		"text and can be reached through the page list.",
	.a11y_missing_alt = "Some images have no text alternative.",
};

static const folio_lang *const languages[] = { &indonesian, &english };

static const folio_lang *lookup(const char *xml_lang)
{
	if (xml_lang == NULL)
		return NULL;
	size_t n = strcspn(xml_lang, "-_");
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
		const char *code = languages[i]->code;
		if (strlen(code) == n && strncasecmp(code, xml_lang, n) == 0)
			return languages[i];
	}
	return NULL;
}

const folio_lang *folio_lang_get(const char *xml_lang)
{
	const folio_lang *l = lookup(xml_lang);
	return l ? l : &english;
}

int folio_lang_known(const char *xml_lang)
{
	return lookup(xml_lang) != NULL;
}
