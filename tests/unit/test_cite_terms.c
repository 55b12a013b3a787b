/* libs: folio_resolve folio_tree folio_util */
/*
 * test_cite_terms: the citation words of every language folio speaks.
 * Every language table of folio/lang.h has a citation table of its own
 * (not English's by default), every field of it is filled, the date
 * formats take the year, month and day by position, and the dates come
 * out in each language's order.
 */
#include "harness.h"
#include "folio/lang.h"
#include "resolve/cite_terms.h"
#include "resolve/cite_style.h"

#include <stdlib.h>
#include <string.h>

static const char *const codes[] = { "id", "en", "de", "fr", "nl", "es",
				     "ar", "he", "ja", "ms", "jv", "su",
				     "pt", "it", "ko", "zh" };

static void complete(const cite_terms *t)
{
	const char *words[] = {
		t->date_full, t->date_month, t->date_day_month, t->retrieved, t->translator,
		t->original_published, t->report_no, t->article_word,
		t->thesis_master, t->thesis_phd, t->thesis_bachelor,
		t->unpublished_fmt, t->edited_by, t->translated_by,
		t->eds_lower, t->ed_lower, t->accessed, t->ieee_accessed,
		t->ieee_online, t->vol, t->no, t->pp, t->p, t->ieee_eds,
		t->ieee_ed, t->ieee_trans, t->ieee_rep, t->ieee_master,
		t->ieee_phd, t->ieee_bachelor, t->report_word, t->in_press,
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		OK(words[i] != NULL && words[i][0] != '\0');
		if (words[i] == NULL || words[i][0] == '\0')
			fprintf(stderr, "  %s: word %zu missing\n", t->code, i);
	}
	for (int m = 0; m < 12; m++) {
		OK(t->months[m] != NULL && t->months[m][0] != '\0');
		OK(t->months_short[m] != NULL && t->months_short[m][0] != '\0');
	}
	OK(strstr(t->date_full, "%1$d") && strstr(t->date_full, "%2$s") &&
	   strstr(t->date_full, "%3$d"));
	OK(strstr(t->date_month, "%1$d") && strstr(t->date_month, "%2$s") &&
	   !strstr(t->date_month, "%3$"));
	OK(strstr(t->date_day_month, "%1$s") && strstr(t->date_day_month, "%2$d"));
	OK(strstr(t->retrieved, "%s") != NULL);
	OK(strstr(t->unpublished_fmt, "%s") != NULL);
	OK(strstr(t->original_published, "%s") != NULL);
}

static void date_is(const char *lang, const char *iso, const char *want)
{
	char *got = cite_date_text(cite_terms_get(lang), iso, 0);
	STR_EQ(got, want);
	free(got);
}

int main(void)
{
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		OK(folio_lang_known(codes[i]));
		OK(cite_terms_known(codes[i]));
		const cite_terms *t = cite_terms_get(codes[i]);
		STR_EQ(t->code, codes[i]);
		complete(t);
	}
	/* the regional and script tables, found through folio_lang's */
	const char *regional[] = { "en-GB", "pt-BR", "zh-Hant" };
	for (size_t i = 0; i < sizeof regional / sizeof regional[0]; i++) {
		const cite_terms *t = cite_terms_get(regional[i]);
		STR_EQ(t->variant, folio_lang_get(regional[i])->variant);
		complete(t);
	}
	OK(cite_terms_get("en")->variant == NULL);
	OK(cite_terms_get("en-US") == cite_terms_get("en"));
	OK(cite_terms_get("zh-CN") == cite_terms_get("zh"));
	OK(cite_terms_get("zh-TW") == cite_terms_get("zh-Hant"));
	STR_EQ(cite_terms_get("pt-BR")->thesis_phd, "Tese de doutorado");
	STR_EQ(cite_terms_get("pt-PT")->thesis_phd, "Tese de doutoramento");
	STR_EQ(cite_terms_get("zh-HK")->accessed, "存取日期");
	date_is("en-GB", "2024-05-02", "2 May 2024");
	OK(!cite_terms_known("sw"));
	STR_EQ(cite_terms_get("sw")->code, "en");
	STR_EQ(cite_terms_get("pt-BR")->code, "pt");

	date_is("en", "2024-05-02", "May 2, 2024");
	date_is("en", "2024-05", "May 2024");
	date_is("id", "2024-05-02", "2 Mei 2024");
	date_is("de", "2024-03-02", "2. M\u00e4rz 2024");
	date_is("fr", "2024-08-15", "15 ao\u00fbt 2024");
	date_is("es", "2024-05-02", "2 de mayo de 2024");
	date_is("pt", "2024-03", "mar\u00e7o de 2024");
	date_is("it", "2024-06-01", "1 giugno 2024");
	date_is("ms", "2024-08-09", "9 Ogos 2024");
	date_is("su", "2024-02-09", "9 P\u00e9bruari 2024");
	date_is("ja", "2024-05-02", "2024年5月2日");
	date_is("zh", "2024-11", "2024年11月");
	date_is("ko", "2024-05-02", "2024년 5월 2일");
	DONE();
}
