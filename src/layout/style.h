/*
 * style.h: a page style, read from a styles/NAME.style file.
 *
 * The format is "key = value" lines, '#' comments; lengths take a unit
 * (mm, cm, in, pt; a bare number is points).  doc/styles.md lists every
 * key.  Unknown keys are warnings with file:line; a missing file is fatal.
 * style_defaults() gives the A5 two-sided course reader, so a style file
 * only needs the keys it changes.
 */
#ifndef FOLIO_LAYOUT_STYLE_H
#define FOLIO_LAYOUT_STYLE_H

#include "folio/backend.h"
#include "folio/diag.h"
#include "layout/lay.h"

#define STYLE_LEVELS 4 /* heading levels with their own settings */
#define STYLE_AUTO (-1000) /* a breaker setting the style leaves to folio */

enum style_align { ALIGN_JUSTIFY, ALIGN_RAGGED, ALIGN_CENTER, ALIGN_RIGHT };
enum style_place { PLACE_NONE, PLACE_OUTER, PLACE_INNER, PLACE_CENTER };
/* A key that is on, off, or on when the document calls for it. */
enum style_switch { SWITCH_OFF, SWITCH_ON, SWITCH_AUTO };
/* xref.page: always, only when the target is on another page than the
 * reference and not on the facing page, or never */
enum style_xref_page { XREF_PAGE_ALWAYS, XREF_PAGE_OTHER, XREF_PAGE_NEVER };
/* xref.page.format: " (hlm. 7)", " (lihat hlm. 7)", ", hlm. 7" */
enum style_xref_form { XREF_FORM_PAREN, XREF_FORM_SEE, XREF_FORM_COMMA };

typedef struct style_heading {
	fx size, leading;      /* font size and baseline distance */
	fx space_before, space_after;
	int bold, italic;
} style_heading;

typedef struct lay_style {
	char name[64];
	fx page_width, page_height;
	int two_sided;
	fx margin_inner, margin_outer, margin_top, margin_bottom;
	char font_text[64], font_heading[64], font_mono[64];
	fx size_text, leading;
	fx size_small, leading_small; /* footnotes, captions, index */
	fx size_mono;
	fx par_indent, par_space;
	int align;             /* enum style_align */
	int hyphenate;
	int numbered_headings;
	style_heading h[STYLE_LEVELS];
	fx title_size;         /* an article's title */
	fx book_title_size;
	int head_position;     /* running heads: enum style_place */
	int folio_position;    /* page numbers: enum style_place */
	int folio_bottom;      /* 1: folios at the foot, 0: in the head line */
	fx head_size;
	int recto_openings;    /* articles open on a right-hand page */
	int toc_depth;         /* 1: articles only, 2: and their sections */
	/* who wrote each article, under its title in the contents and at
	 * its opening: enum style_switch (auto: when the articles have
	 * authors other than the book's editors) */
	int toc_authors, article_authors;
	/* page references after an xref (enum style_xref_page) and their
	 * form (enum style_xref_form) */
	int xref_page, xref_page_format;
	/* uses of glossary terms: enum layout_term_face (layout.h, which
	 * the EPUB reads too), and whether only
	 * the first use in each article or chapter is marked */
	int glossterm_face, glossterm_first_only;
	fx list_indent, quote_indent;
	fx footnote_rule;      /* length of the rule above footnotes */
	int index_columns;     /* columns of the index (1..16) */
	fx column_gap;         /* between columns */
	int tolerance, pretolerance, looseness; /* STYLE_AUTO: as expansion
						   asks (para.c) */
	int expansion;         /* font expansion limit, ten-thousandths of
				  the glyphs' width (200: 2 %); 0 off */
	int expansion_step;    /* its steps, likewise (50: 0.5 %); 0 any */
	int protrusion;        /* punctuation hangs into the margin */
} lay_style;

void style_defaults(lay_style *s);
/* Reads path over what *s holds.  Returns -1 after a FOLIO_FATAL when the
 * file cannot be read, or after errors for values a key does not take
 * (numbers out of the key's range, NaN, text that is not UTF-8 or holds
 * control characters) or a page whose margins leave too little; unknown
 * keys and lines without '=' are warnings. */
int style_load(lay_style *s, const char *path, folio_diag *diag);
/* Parses a length ("18mm", "10.5pt", "0.5in"); returns -1 on error. */
int style_parse_length(const char *s, fx *out);
/* A paper for --paper: "a4", "a5", "a6", "b5", "letter", "170x240mm"
 * (also "x" with cm, in, pt; 50 to 1000 mm a side).  Returns 0 and the
 * size, -1 for what is no paper, -2 for a size out of range. */
int style_paper_size(const char *name, fx *w, fx *h);
/* The command line's page (--paper, --one-sided, --two-sided) over the
 * loaded style.  Returns -1 after a FOLIO_FATAL for an unknown paper. */
int style_apply_page(lay_style *s, const folio_page_opts *page,
		     folio_diag *diag);
/* The page less its margins leaves a text block of at least 3 x 3 cm;
 * -1 after an error naming path otherwise.  style_load() calls it. */
int style_check(const lay_style *s, const char *path, folio_diag *diag);

#endif
