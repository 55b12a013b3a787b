/* libs: folio_util */
/*
 * test_lang: the language tables.  Every table has every word (a NULL
 * would crash whichever back end asks for it), the edition format takes
 * exactly one %s, a region subtag finds its language, an unknown language
 * falls back to English, and the direction each language implies.
 */
#include "harness.h"
#include "folio/lang.h"

#include <string.h>

/* every table: the languages, then the regional and script tables */
static const char *const codes[] = { "id", "en", "de", "fr", "nl", "es",
				     "ar", "he", "ja", "ms", "jv", "su",
				     "pt", "it", "ko", "zh" };
static const char *const regional[] = { "en-GB", "pt-BR", "zh-Hant" };

/* The number of printf conversions in fmt ("%%" is none). */
static int conversions(const char *fmt)
{
	int n = 0;
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p + 2, '%'))
		n += p[1] != '%';
	return n;
}

static void complete(const folio_lang *l)
{
	const char *words[] = {
		l->icu_locale, l->quote_open, l->quote_close, l->quote2_open,
		l->quote2_close, l->contents, l->glossary, l->bibliography,
		l->references, l->index, l->preface, l->footnotes, l->chapter,
		l->part, l->appendix, l->figure, l->table, l->example,
		l->equation, l->note, l->tip, l->important, l->warning,
		l->caution, l->danger, l->page_abbrev, l->pages_abbrev,
		l->et_al, l->and_word, l->no_date, l->editor_abbrev,
		l->editors_abbrev, l->edition_fmt, l->in_word,
		l->retrieved_from, l->see, l->see_also, l->made_with,
		l->edited_by, l->symbols, l->continued, l->a11y_summary,
		l->a11y_page_numbers, l->a11y_missing_alt,
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		OK(words[i] != NULL && words[i][0] != '\0');
		if (words[i] == NULL)
			fprintf(stderr, "  %s: word %zu missing\n", l->code, i);
	}
	INT_EQ(conversions(l->edition_fmt), 1);
	INT_EQ(conversions(l->made_with), 1);
	OK(strstr(l->edition_fmt, "%s") != NULL);
}

int main(void)
{
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		OK(folio_lang_known(codes[i]));
		const folio_lang *l = folio_lang_get(codes[i]);
		STR_EQ(l->code, codes[i]);
		OK(l->variant == NULL);
		complete(l);
	}
	for (size_t i = 0; i < sizeof regional / sizeof regional[0]; i++) {
		const folio_lang *l = folio_lang_get(regional[i]);
		OK(l != folio_lang_get(l->code)); /* a table of its own */
		OK(l->variant != NULL && strncmp(l->variant, l->code, 2) == 0);
		complete(l);
	}
	STR_EQ(folio_lang_get("de-AT")->contents, "Inhaltsverzeichnis");
	/* regions and scripts */
	STR_EQ(folio_lang_get("en")->quote_open, "\u201c");
	STR_EQ(folio_lang_get("en-US")->quote_open, "\u201c");
	STR_EQ(folio_lang_get("en-GB")->quote_open, "\u2018");
	STR_EQ(folio_lang_get("en_GB")->quote2_open, "\u201c");
	STR_EQ(folio_lang_get("en-GB")->code, "en");
	STR_EQ(folio_lang_get("pt")->contents, "\u00cdndice");
	STR_EQ(folio_lang_get("pt-PT")->contents, "\u00cdndice");
	STR_EQ(folio_lang_get("pt-BR")->contents, "Sum\u00e1rio");
	STR_EQ(folio_lang_get("pt-br")->hyph_dict, "hyph_pt_BR.dic");
	STR_EQ(folio_lang_get("zh")->contents, "目录");
	STR_EQ(folio_lang_get("zh-CN")->contents, "目录");
	STR_EQ(folio_lang_get("zh-Hans")->contents, "目录");
	STR_EQ(folio_lang_get("zh-TW")->contents, "目錄");
	STR_EQ(folio_lang_get("zh-Hant")->quote_open, "\u300c");
	STR_EQ(folio_lang_get("zh-Hant-HK")->contents, "目錄");
	STR_EQ(folio_lang_get("zh-Hans-TW")->contents, "目录"); /* script wins */
	STR_EQ(folio_lang_get("it")->figure, "Figura");
	STR_EQ(folio_lang_get("ko")->contents, "차례");
	STR_EQ(folio_lang_get("ms")->figure, "Rajah");
	STR_EQ(folio_lang_get("jv")->and_word, "lan");
	STR_EQ(folio_lang_get("su")->and_word, "jeung");
	STR_EQ(folio_lang_get("fr")->quote_open, "\u00ab\u202f");
	STR_EQ(folio_lang_get("fr_CA")->figure, "Figure");
	STR_EQ(folio_lang_get("es")->table, "Tabla");
	STR_EQ(folio_lang_get("nl-BE")->figure, "Figuur");
	STR_EQ(folio_lang_get("ja")->contents, "目次");
	STR_EQ(folio_lang_get("de")->quote_open, "\u201e");
	/* unknown: English, and said to be unknown */
	OK(!folio_lang_known("sw"));
	STR_EQ(folio_lang_get("sw")->code, "en");
	STR_EQ(folio_lang_get(NULL)->code, "en");

	OK(folio_lang_rtl("ar"));
	OK(folio_lang_rtl("he-IL"));
	OK(folio_lang_rtl("fa"));
	OK(folio_lang_rtl("ur"));
	OK(folio_lang_rtl("az-Arab"));
	OK(!folio_lang_rtl("az"));
	OK(!folio_lang_rtl("id"));
	OK(!folio_lang_rtl("ja"));
	OK(!folio_lang_rtl("arn")); /* Mapudungun: not Arabic */
	OK(!folio_lang_rtl(NULL));
	DONE();
}
