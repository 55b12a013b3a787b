/*
 * cite_style.h: citation styles behind one interface.  A style formats a
 * reference-list entry and an in-text citation into inline nodes (TEXT,
 * EMPHASIS for italics, LINK for DOIs and URLs) through a cite_out
 * builder; the citation pass (biblio.c) decides what is cited where and
 * puts the nodes in the tree.
 *
 * Styles: APA 7 (cite_apa.c, the default), Chicago author-date 17
 * (cite_chicago.c), IEEE (cite_ieee.c).  Words come from folio/lang.h and
 * cite_terms.h, so every style speaks the reader's language.
 */
#ifndef FOLIO_RESOLVE_CITE_STYLE_H
#define FOLIO_RESOLVE_CITE_STYLE_H

#include <stddef.h>
#include <stdint.h>

#include "folio/lang.h"
#include "folio/tree.h"
#include "resolve/biblio.h"
#include "resolve/cite_terms.h"
#include "resolve/collate.h"
#include "util/strbuf.h"

/* ---- building inline content ---- */

typedef struct cite_out {
	folio_doc *doc;
	folio_node *cur;     /* where text goes: the root or an open inline */
	folio_node *root;
	folio_node *origin;  /* origin of every generated node */
	strbuf pending;      /* text not yet made into a node */
	const char *sep;     /* a separator written only if more text follows */
	uint32_t last;       /* the last character written, 0 at the start */
} cite_out;

void out_init(cite_out *o, folio_doc *doc, folio_node *root, folio_node *origin);
/* Makes the pending text a node; call before using the tree. */
void out_finish(cite_out *o);
void out_text(cite_out *o, const char *s);
void out_textn(cite_out *o, const char *s, size_t n);
void out_printf(cite_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Ends the current element with a period unless it already ends in one
 * (or in ? or !); sep (" " usually) follows only if more text does. */
void out_period(cite_out *o, const char *sep);
/* A separator that is written only when something follows it. */
void out_sep(cite_out *o, const char *sep);
/* Italics and links nest inside root; end closes the innermost. */
void out_emph_begin(cite_out *o);
void out_link_begin(cite_out *o, const char *href, folio_node *target);
void out_end(cite_out *o);
/* A DOI as https://doi.org/... link (APA, Chicago); a URL as a link. */
void out_doi_link(cite_out *o, const char *doi);
void out_url_link(cite_out *o, const char *url);

/* ---- what a style is given ---- */

typedef enum cite_form {
	CITE_PAREN,     /* (Zastrow, 2017) */
	CITE_NARRATIVE, /* Zastrow (2017) */
	CITE_YEAR,      /* (2017): the author is named in the text */
	CITE_BARE       /* Zastrow, 2017: inside the author's own brackets */
} cite_form;

typedef struct cite_item {
	const biblio_entry *entry;
	const char *locator;  /* "hlm. 45" as written, or NULL */
	const char *page;     /* a bare page locator from biblioref: "45" */
	const char *page_end; /* its end, or NULL */
	folio_node *target;   /* the list entry the citation links to */
	unsigned number;      /* the entry's number in that list (IEEE) */
} cite_item;

/* When a reference prints the date a web source was accessed
 * (cite.accessed): the style's own rule, or the reader's choice. */
typedef enum cite_accessed {
	CITE_ACCESSED_STYLE,        /* APA, Chicago: when undated; IEEE: always */
	CITE_ACCESSED_ALWAYS,       /* many Indonesian campus guides */
	CITE_ACCESSED_WHEN_UNDATED, /* APA 7: only works with no date */
	CITE_ACCESSED_NEVER
} cite_accessed;

typedef struct cite_ctx {
	const folio_lang *lang;    /* the language of the list or the text */
	const cite_terms *terms;   /* the same language's citation words */
	collator *coll;            /* for sorting by names and titles */
	cite_accessed accessed;    /* when access dates print */
} cite_ctx;

typedef struct cite_style {
	const char *name;
	int numeric;        /* list in order of first citation, cite by number */
	int year_suffixes;  /* same authors and year: 2017a, 2017b */
	/* Reference-list order (alphabetical styles). */
	int (*compare)(const cite_ctx *ctx, const biblio_entry *a,
		       const biblio_entry *b);
	/* Two entries whose years get suffixes when they share a year. */
	int (*same_authors)(const biblio_entry *a, const biblio_entry *b);
	/* One entry of the list; prev is the entry before it (or NULL), for
	 * styles that replace a repeated author with a dash.  number is the
	 * entry's position in a numbered list, 0 when it is labelled by its
	 * abbrev instead. */
	void (*reference)(const cite_ctx *ctx, const biblio_entry *e,
			  unsigned number, const biblio_entry *prev, cite_out *out);
	/* The in-text citation of items[0..n) in the given form. */
	void (*citation)(const cite_ctx *ctx, const cite_item *items, size_t n,
			 cite_form form, cite_out *out);
} cite_style;

extern const cite_style cite_style_apa;
extern const cite_style cite_style_chicago;
extern const cite_style cite_style_ieee;

/* The style called name ("apa", "chicago", "ieee"; case-insensitive, also
 * "apa7", "chicago-author-date"), or NULL. */
const cite_style *cite_style_find(const char *name);
/* "always", "when-undated", "never" (case-insensitive); -1 otherwise. */
int cite_accessed_parse(const char *value);

/* ---- helpers shared by the styles (cite_common.c) ---- */

/* 1 when a person's name is written family name first, in full, with no
 * space (Chinese, Japanese, Korean: 山田太郎, 김철수): styles print it
 * so rather than inverted with initials. */
int cite_name_east_asian(const biblio_name *n);
/* "Budi Santoso" -> "B. S."; "Hans-Jürgen" -> "H.-J." (heap string). */
char *cite_initials(const char *given);
/* "12" -> "12th" in English, "12" otherwise; a non-numeric edition is
 * kept as given.  NULL for a first edition. */
char *cite_edition_number(const cite_terms *t, const char *edition);
/* "145-160" or "145--160" -> "145–160" (heap). */
char *cite_page_range(const char *pages);
/* Chicago's abbreviated ranges: "145–160" -> "145–60". */
char *cite_page_range_short(const char *pages);
/* Title case for English titles (Chicago, IEEE); other languages (and
 * "und", undetermined) as stored.  NULL lang counts as English.  Heap
 * string. */
char *cite_headline_case(const char *title, const char *lang);
/* The sentence-case form of a title that looks like Title Case, or NULL
 * when it does not (APA's check). Heap string. */
char *cite_sentence_case_hint(const char *title);
/* Title and subtitle joined by ": " (heap). */
char *cite_full_title(const char *title, const char *subtitle);
/* "March 5, 2025" / "5 Maret 2025" from YYYY-MM-DD (heap), NULL when the
 * date cannot be read; with abbrev, IEEE's "Mar. 5, 2025". */
char *cite_date_text(const cite_terms *t, const char *iso, int abbrev);
/* The access date of an online work as printed ("3 Maret 2024", with
 * abbrev "Mar. 3, 2024"), or NULL when there is none or the rule in
 * ctx->accessed (style_rule when it is CITE_ACCESSED_STYLE) leaves it
 * out.  Heap string. */
char *cite_accessed_text(const cite_ctx *ctx, const biblio_entry *e,
			 cite_accessed style_rule, int abbrev);
/* 1 when both lists name the same people (families and given names). */
int cite_same_names(const biblio_names *a, const biblio_names *b);
/* Collation order of two name lists, by family then given names; a
 * shorter list first when one is the start of the other. */
int cite_compare_names(collator *coll, const biblio_names *a,
		       const biblio_names *b);
/* A title without a leading English article, for sorting. */
const char *cite_skip_article(const char *title);
/* 1 when a and b are the same text, ignoring case and spacing. */
int cite_same_text(const char *a, const char *b);
/* The locator of an item as printed: as written, or made from a
 * biblioref's page range ("hlm. 45", "pp. 45–46"; bare: "45"). Heap
 * string or NULL. */
char *cite_locator_text(const cite_ctx *ctx, const cite_item *item, int bare);
/* Sorts v[0..n) into the style's list order (stable) and, for styles
 * with year suffixes, gives works by the same authors in the same year
 * "a", "b", ... in that order. */
void cite_sort_and_suffix(const cite_style *style, const cite_ctx *ctx,
			  biblio_entry **v, size_t n);
/* The year with its suffix ("2019a"), or the no-date word ("n.d.-a"). */
char *cite_year_text(const cite_ctx *ctx, const biblio_entry *e, int dash);

#endif
