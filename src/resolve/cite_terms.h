/*
 * cite_terms.h: the words of citation styles in each language, beyond
 * the general ones in folio/lang.h (et al., and, n.d., Ed., edition, In,
 * page abbreviations, which the styles take from there).  Kept beside the
 * styles because they change with them: month names, thesis genres,
 * "Retrieved ... from", IEEE's abbreviations.  Indonesian follows
 * doc/citations.md, "Indonesian" (CSL's id-ID locale with the defaults
 * chosen there).
 */
#ifndef FOLIO_RESOLVE_CITE_TERMS_H
#define FOLIO_RESOLVE_CITE_TERMS_H

typedef struct cite_terms {
	const char *code;              /* "id", "en" */
	const char *variant;           /* "en-GB": as folio_lang's variant */
	const char *months[12];        /* "January" / "Januari" */
	const char *months_short[12];  /* "Jan." (IEEE) */
	/* a full date and a month of a year, printf formats taking the year
	 * (%1$d), the month's name (%2$s) and the day (%3$d) by position:
	 * "%2$s %3$d, %1$d", "%3$d. %2$s %1$d", "%1$d年%2$s%3$d日" */
	const char *date_full;
	const char *date_month;
	/* a day of a month, taking the month's name (%1$s) and the day
	 * (%2$d): APA's "(2024, May 2)", "(2024, 2. Mai)" */
	const char *date_day_month;
	int ordinal_suffixes;          /* English "3rd ed."; Indonesian none */
	const char *retrieved;         /* "Retrieved %s, from " (date) */
	const char *translator;        /* "Trans." / "Penerj." */
	const char *original_published; /* "Original work published %s" */
	const char *report_no;         /* "Report No." / "Laporan No." */
	const char *article_word;      /* "Article" / "Artikel" */
	const char *thesis_master;     /* "Master's thesis" / "Tesis magister" */
	const char *thesis_phd;        /* "Doctoral dissertation" */
	const char *thesis_bachelor;   /* "Bachelor's thesis" / "Skripsi" */
	const char *unpublished_fmt;   /* "Unpublished %s" / "%s tidak diterbitkan" */
	int unpublished_lower;         /* lowercase the genre inside it */
	const char *edited_by;         /* Chicago: "edited by" */
	const char *translated_by;     /* Chicago: "Translated by" */
	const char *eds_lower;         /* Chicago: "eds." */
	const char *ed_lower;          /* Chicago: "ed." */
	const char *accessed;          /* Chicago: "Accessed" */
	const char *ieee_accessed;     /* "Accessed:" */
	const char *ieee_online;       /* "[Online]. Available:" */
	const char *vol, *no, *pp, *p; /* IEEE: "vol.", "no.", "pp.", "p." */
	const char *ieee_eds, *ieee_ed;  /* "Eds.", "Ed." */
	const char *ieee_trans;        /* "Trans." */
	const char *ieee_rep;          /* "Rep." */
	const char *ieee_master;       /* "M.A. thesis" */
	const char *ieee_phd;          /* "Ph.D. dissertation" */
	const char *ieee_bachelor;     /* "B.A. thesis" */
	const char *report_word;       /* Chicago: "Report No." */
	const char *in_press;          /* "in press" / "dalam proses terbit" */
} cite_terms;

/* The table for an xml:lang value: the regional or script table when the
 * language table folio_lang_get picks is one ("en-GB", "zh-TW" ->
 * "zh-Hant"), else the primary subtag's; English for a language without
 * one. */
const cite_terms *cite_terms_get(const char *xml_lang);
/* 1 when a table exists for the primary subtag of xml_lang. */
int cite_terms_known(const char *xml_lang);

#endif
