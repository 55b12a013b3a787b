/*
 * cite_terms: citation words per language (see cite_terms.h).  English
 * follows the APA, Chicago and IEEE manuals; Indonesian follows CSL's
 * id-ID locale with the defaults of doc/citations.md, "Indonesian"
 * ("Penerj.", "Karya asli diterbitkan"), except the access date:
 * "Diakses 3 Maret 2024, dari", the words Indonesian campus guides
 * print, where CSL has "Diambil".
 */
#include "resolve/cite_terms.h"
#include "resolve/cite_terms_world.h"
#include "folio/lang.h"

#include <string.h>
#include <strings.h>

static const cite_terms english = {
	.code = "en",
	.months = { "January", "February", "March", "April", "May", "June",
		    "July", "August", "September", "October", "November",
		    "December" },
	.months_short = { "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.",
			  "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec." },
	.date_full = "%2$s %3$d, %1$d",
	.date_month = "%2$s %1$d",
	.date_day_month = "%1$s %2$d",
	.ordinal_suffixes = 1,
	.retrieved = "Retrieved %s, from ",
	.translator = "Trans.",
	.original_published = "Original work published %s",
	.report_no = "Report No.",
	.article_word = "Article",
	.thesis_master = "Master's thesis",
	.thesis_phd = "Doctoral dissertation",
	.thesis_bachelor = "Bachelor's thesis",
	.unpublished_fmt = "Unpublished %s",
	.unpublished_lower = 1,
	.edited_by = "edited by",
	.translated_by = "Translated by",
	.eds_lower = "eds.",
	.ed_lower = "ed.",
	.accessed = "Accessed",
	.ieee_accessed = "Accessed:",
	.ieee_online = "[Online]. Available:",
	.vol = "vol.", .no = "no.", .pp = "pp.", .p = "p.",
	.ieee_eds = "Eds.", .ieee_ed = "Ed.",
	.ieee_trans = "Trans.",
	.ieee_rep = "Rep.",
	.ieee_master = "M.A. thesis",
	.ieee_phd = "Ph.D. dissertation",
	.ieee_bachelor = "B.A. thesis",
	.report_word = "Report No.",
	.in_press = "in press",
};

/* British English: the day before the month ("2 May 2024"). */
const cite_terms cite_terms_en_gb = {
	.code = "en",
	.variant = "en-GB",
	.months = { "January", "February", "March", "April", "May", "June",
		    "July", "August", "September", "October", "November",
		    "December" },
	.months_short = { "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.",
			  "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec." },
	.date_full = "%3$d %2$s %1$d",
	.date_month = "%2$s %1$d",
	.date_day_month = "%2$d %1$s",
	.ordinal_suffixes = 1,
	.retrieved = "Retrieved %s, from ",
	.translator = "Trans.",
	.original_published = "Original work published %s",
	.report_no = "Report No.",
	.article_word = "Article",
	.thesis_master = "Master's thesis",
	.thesis_phd = "Doctoral dissertation",
	.thesis_bachelor = "Bachelor's thesis",
	.unpublished_fmt = "Unpublished %s",
	.unpublished_lower = 1,
	.edited_by = "edited by",
	.translated_by = "Translated by",
	.eds_lower = "eds.",
	.ed_lower = "ed.",
	.accessed = "Accessed",
	.ieee_accessed = "Accessed:",
	.ieee_online = "[Online]. Available:",
	.vol = "vol.", .no = "no.", .pp = "pp.", .p = "p.",
	.ieee_eds = "Eds.", .ieee_ed = "Ed.",
	.ieee_trans = "Trans.",
	.ieee_rep = "Rep.",
	.ieee_master = "M.A. thesis",
	.ieee_phd = "Ph.D. dissertation",
	.ieee_bachelor = "B.A. thesis",
	.report_word = "Report No.",
	.in_press = "in press",
};

static const cite_terms indonesian = {
	.code = "id",
	.months = { "Januari", "Februari", "Maret", "April", "Mei", "Juni",
		    "Juli", "Agustus", "September", "Oktober", "November",
		    "Desember" },
	.months_short = { "Jan.", "Feb.", "Mar.", "Apr.", "Mei", "Jun.",
			  "Jul.", "Agu.", "Sep.", "Okt.", "Nov.", "Des." },
	.date_full = "%3$d %2$s %1$d",
	.date_month = "%2$s %1$d",
	.date_day_month = "%2$d %1$s",
	.ordinal_suffixes = 0,
	.retrieved = "Diakses %s, dari ",
	.translator = "Penerj.",
	.original_published = "Karya asli diterbitkan %s",
	.report_no = "Laporan No.",
	.article_word = "Artikel",
	.thesis_master = "Tesis magister",
	.thesis_phd = "Disertasi doktoral",
	.thesis_bachelor = "Skripsi",
	.unpublished_fmt = "%s tidak diterbitkan",
	.unpublished_lower = 0,
	.edited_by = "disunting oleh",
	.translated_by = "Diterjemahkan oleh",
	.eds_lower = "ed.",
	.ed_lower = "ed.",
	.accessed = "Diakses",
	.ieee_accessed = "Diakses:",
	.ieee_online = "[Daring]. Tersedia:",
	.vol = "vol.", .no = "no.", .pp = "hlm.", .p = "hlm.",
	.ieee_eds = "Ed.", .ieee_ed = "Ed.",
	.ieee_trans = "Penerj.",
	.ieee_rep = "Lap.",
	.ieee_master = "Tesis magister",
	.ieee_phd = "Disertasi doktoral",
	.ieee_bachelor = "Skripsi",
	.report_word = "Laporan No.",
	.in_press = "dalam proses terbit",
};

static const cite_terms *const tables[] = {
	&indonesian, &english, &cite_terms_de, &cite_terms_fr, &cite_terms_nl,
	&cite_terms_es, &cite_terms_pt, &cite_terms_it, &cite_terms_ms,
	&cite_terms_jv, &cite_terms_su, &cite_terms_ar, &cite_terms_he,
	&cite_terms_ja, &cite_terms_zh, &cite_terms_ko,
};

static const cite_terms *const variants[] = {
	&cite_terms_en_gb, &cite_terms_pt_br, &cite_terms_zh_hant,
};

static const cite_terms *lookup(const char *xml_lang)
{
	if (xml_lang == NULL)
		return NULL;
	const char *variant = folio_lang_get(xml_lang)->variant;
	for (size_t i = 0; variant && i < sizeof variants / sizeof variants[0]; i++)
		if (strcmp(variants[i]->variant, variant) == 0)
			return variants[i];
	size_t n = strcspn(xml_lang, "-_");
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		const char *code = tables[i]->code;
		if (strlen(code) == n && strncasecmp(code, xml_lang, n) == 0)
			return tables[i];
	}
	return NULL;
}

const cite_terms *cite_terms_get(const char *xml_lang)
{
	const cite_terms *t = lookup(xml_lang);
	return t ? t : &english;
}

int cite_terms_known(const char *xml_lang)
{
	return lookup(xml_lang) != NULL;
}
