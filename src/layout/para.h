/*
 * para.h: a paragraph, from inline text to set lines.
 *
 * The flow feeds a paragraph text pieces with their style (face, size,
 * link, language) and zero-width marks (anchors, footnote calls), then
 * sets it at a width: para_set() finds the break opportunities (UAX #14,
 * libunibreak), hyphenates (hyph.c), builds boxes, glue and penalties with
 * the fonts' real advances and kerning, breaks them with Knuth-Plass
 * (linebreak.c) and returns lines of positioned glyph runs.
 */
#ifndef FOLIO_LAYOUT_PARA_H
#define FOLIO_LAYOUT_PARA_H

#include "layout/ctx.h"

typedef struct para_style {
	int face;
	fx size;
	fx rise;                    /* baseline shift up (superscript) */
	const folio_node *link;     /* internal link target */
	const char *uri;            /* external link */
	const char *lang;           /* xml:lang of the text */
	unsigned char verbatim;     /* keep spaces and line ends */
	unsigned char url;          /* break after / . - _ freely, no hyphens */
	unsigned char nohyph;       /* never hyphenate */
	const folio_node *dir_node; /* innermost inline element around the
				       text that sets a direction (bidi.h) */
	unsigned char underline;    /* a rule under the run (glossterm.face) */
	unsigned char tag;          /* enum lay_item_tag of the runs */
	const folio_node *block;    /* the block-level node the text
				       belongs to (lay_item.node) */
} para_style;

enum mark_kind {
	MARK_ANCHOR,   /* a DEST for the node */
	MARK_FOOTNOTE  /* the node's footnote goes on this line's page */
};

typedef struct line_mark {
	int kind;
	const folio_node *node;
	fx x;
} line_mark;

/* One set line: items relative to its left edge and baseline (y = 0 is
 * the baseline, negative is up). */
typedef struct lay_line {
	fx h, d;            /* above and below the baseline */
	fx width;           /* set width */
	lay_item *items;
	unsigned nitems;
	line_mark *marks;
	unsigned nmarks;
	int hyphenated;
	const folio_node *src; /* first text node on the line, and offset */
	size_t src_off;
} lay_line;

typedef struct para_shape {
	fx width;           /* measure */
	fx indent;          /* first-line indent (a box) */
	fx hang;            /* extra left indent of lines after the first */
	fx leading;         /* baseline to baseline */
	int align;          /* enum style_align */
	int hyphenate;
	int last_centered;  /* center the last line too (titles) */
	fx wrap_indent;     /* a line the breaker had to cut (a long code
			       line) goes on this much further in */
	int rtl;            /* base direction right to left: lines set
			       from the right edge, indent and hang on the
			       right, ragged and justified lines' ends on
			       the left */
} para_shape;

typedef struct para para;

para *para_new(lay_ctx *c);
void para_free(para *p);
void para_clear(para *p);
/* Nothing printable so far (marks alone do not count). */
int para_empty(const para *p);
void para_text(para *p, const para_style *s, const char *text, size_t len,
	       const folio_node *src, size_t src_off);
/* An unbreakable box in the line (a formula): width w, h above and d
 * below the baseline, its items relative to its left end on the
 * baseline.  The line grows to hold it; a paragraph with a box is not
 * cached (the box is not part of the cache's key).  box must live until
 * the paragraph is set. */
typedef struct para_box {
	fx w, h, d;
	const lay_item *items;
	unsigned nitems;
} para_box;
void para_box_add(para *p, const para_style *s, const para_box *box,
		  const folio_node *src);
void para_mark(para *p, int kind, const folio_node *node);
/* Marks collected so far (a paragraph with no text hands them on). */
unsigned para_nmarks(const para *p);
const folio_node *para_mark_node(const para *p, unsigned i, int *kind);
/* Drops trailing spaces and line ends (verbatim blocks). */
void para_trim_end(para *p);
/* Sets the paragraph; lines are allocated in the pass arena.  Clears p. */
lay_line *para_set(para *p, const para_shape *shape, unsigned *nlines);

/* The run's caches of shaped words and set paragraphs, for
 * lay_ctx.para_cache: later layout passes set the same paragraphs again,
 * and words repeat.  Without one (tests) nothing is cached. */
struct para_cache *para_cache_new(void);
void para_cache_free(struct para_cache *pc);

/* Paragraphs one thread sets for another (prefetch.c): a table of set
 * paragraphs by the same key as the cache's, behind a lock.  A paragraph
 * whose setting reported anything (a character no font has, a dictionary
 * loaded late) is never shared: the main flow sets it again itself, so
 * its diagnostics come out as they would without the second thread. */
struct para_share *para_share_new(void);
void para_share_free(struct para_share *ps);

/* Width of text in one style, on one line (labels, leaders, heads). */
fx para_measure(lay_ctx *c, const para_style *s, const char *text, size_t len);
/* text shortened with an ellipsis after a whole word (or, in Chinese and
 * Japanese, a whole character) to fit in width; NULL when nothing fits. */
const char *para_shorten(lay_ctx *c, const para_style *s, const char *text,
			 fx width);
/* One line of text in one style, unbroken, starting at x = 0. */
lay_line *para_single(lay_ctx *c, const para_style *s, const char *text,
		      size_t len, fx leading);

#endif
