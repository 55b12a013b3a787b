/*
 * pages.h: what layout produces: pages of positioned items.
 *
 * Coordinates are mpt from the page's top-left corner, y growing down (the
 * PDF emitter flips them).  A text item is one run of glyphs in one face
 * and size, each glyph at its own x, so kerning and justification are
 * already decided here; the emitter only writes them.
 */
#ifndef FOLIO_LAYOUT_PAGES_H
#define FOLIO_LAYOUT_PAGES_H

#include "folio/tree.h"
#include "layout/lay.h"

enum lay_item_kind {
	LI_TEXT,  /* glyphs on a baseline at (x, y) */
	LI_RULE,  /* a filled rectangle (x, y, w, h) */
	LI_IMAGE, /* an image file in the box (x, y, w, h) */
	LI_LINK,  /* a link area (x, y, w, h) to node or uri */
	LI_DEST   /* where node is: a link or outline target */
};

typedef struct lay_glyph {
	uint32_t cp; /* a Unicode code point, or LAY_GID(glyph id) */
	fx x;        /* pen position, from the item's x */
} lay_glyph;

/* LAY_GID(id): a glyph drawn by its id in the item's face (lay.h). */
/* What a TEXT item is for the PDF's structure (tagged PDF): content of
 * its node, or an artifact a screen reader skips. */
enum lay_item_tag {
	LT_CONTENT,    /* content of node (NULL: of the document) */
	LT_ARTIFACT,   /* layout furniture: dot leaders, repeated table
			  headers, "(continued)" heads, continuation marks */
	LT_PAGINATION, /* running heads and folios */
	LT_TOCI        /* a contents entry of the division node (NULL:
			  the contents' own title) */
};
/* Or'ed into a TEXT item's tag: the run ends with the hyphen of a word
 * broken across lines (the word's rest starts the next line). */
#define LT_BROKEN 0x10
#define LT_KIND(tag) ((tag) & 0x0F)

typedef struct lay_item {
	unsigned char kind;  /* enum lay_item_kind */
	unsigned char tag;   /* TEXT: enum lay_item_tag; RULE: always an
				artifact */
	int face;            /* TEXT: face index in the font set */
	fx size;             /* TEXT: font size */
	fx x, y;             /* TEXT: baseline origin; others: top-left */
	fx w, h;             /* RULE, IMAGE, LINK */
	unsigned n;          /* TEXT: glyph count */
	int hscale;          /* TEXT: the glyphs' horizontal scale in
				ten-thousandths (font expansion, expand.h);
				0: the font's own widths.  The glyphs' x
				are already the scaled ones */
	lay_glyph *g;        /* TEXT: the glyphs */
	const folio_node *node; /* DEST: the anchored node; LINK: internal
				   target; IMAGE: the imagedata element;
				   TEXT: the block-level node the run
				   belongs to (para, title, entry...) */
	const char *uri;     /* LINK: external target; IMAGE: file path */
	const char *actual;  /* TEXT, may be NULL: the run's text as a reader
				should get it (logical order, whole words), for
				glyphs that do not read back as the words */
	const fx *dy;        /* TEXT: each glyph's shift up from the baseline
				(a mark over a letter), NULL when none is */
} lay_item;

typedef struct lay_page {
	lay_item *items;
	unsigned nitems;
	const char *label;   /* "iii", "12" */
	int blank;           /* a verso left empty before a recto opening */
	int opening;         /* an article, chapter or front-matter page opens */
	const folio_node *start_node; /* text node of the page's first line */
	size_t start_offset;          /* byte offset in it */
} lay_page;

typedef struct lay_outline {
	const char *title;   /* UTF-8 */
	int level;           /* 1 = top */
	const folio_node *node; /* the heading's division */
	int page;            /* page index */
	fx y;
} lay_outline;

typedef struct lay_pagelabel {
	unsigned first_page; /* page index where the range starts */
	int roman;           /* 1 lower roman, 0 decimal */
	unsigned start;      /* number of that page */
} lay_pagelabel;

typedef struct lay_result {
	fx width, height;    /* page size */
	lay_page *pages;
	unsigned npages;
	lay_outline *outline;
	unsigned noutline;
	lay_pagelabel labels[2];
	unsigned nlabels;
	/* document information */
	const char *title, *author, *subject, *keywords;
	unsigned passes;     /* layout passes until page numbers settled */
} lay_result;

#endif
