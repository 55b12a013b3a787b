/*
 * flow.h: the resolved tree as one vertical list for the page builder.
 *
 * Blocks become boxes (a set line, an image with its caption, a table
 * row), glue (space between blocks) and penalties (where a page may or
 * must not break: widows, orphans, a heading kept with what follows), as
 * TeX's vertical lists do.  Footnotes are set on their own lists, fetched
 * by the page builder when a line that calls one is placed.
 */
#ifndef FOLIO_LAYOUT_FLOW_H
#define FOLIO_LAYOUT_FLOW_H

#include "layout/ctx.h"
#include "layout/para.h"

enum vl_kind {
	VL_BOX,     /* something placed: a line, an image, a table row */
	VL_GLUE,    /* vertical space; a legal break after a box */
	VL_PENALTY, /* a break's cost; LB_INF forbids, -LB_INF forces */
	VL_BREAK,   /* a new page (a division opens) */
	VL_HEADS,   /* running heads change from here on */
	VL_NEED     /* h of room, or a new page (<?dbfo-need?>, keep-together) */
};

typedef struct vl_elem {
	unsigned char kind;
	fx h, d;             /* BOX: height above its baseline, depth below;
				NEED: the room asked for */
	fx x;                /* BOX: offset from the text block's left */
	fx glue, stretch, shrink; /* GLUE */
	int penalty;         /* PENALTY */
	lay_item *items;     /* BOX: items relative to (x, baseline) */
	unsigned nitems;
	const folio_node **notes; /* BOX: footnotes called from it */
	unsigned nnotes;
	const folio_node *src;    /* BOX: first text node (page map) */
	size_t src_off;
	/* BREAK */
	int recto;           /* the new page must be a right-hand page */
	int numbering;       /* 0 keep, 1 front matter (roman), 2 body (1, 2..) */
	int opening;         /* the new page carries no running head */
	/* HEADS */
	const char *head_verso, *head_recto;
	/* BOX of a table: header rows to repeat after a page break */
	int repeat_first;    /* index of the first header box, -1: none */
	unsigned repeat_count;
	/* BOX that starts a float (figure, table, example): the float is
	 * this element and the float_len - 1 after it; the page builder
	 * may move them whole to the top of the next page */
	unsigned float_len;
	/* BOX of an index sub-entry: its heading followed by "(lanjutan)",
	 * set at the top of a column or page that starts here */
	const struct vl_elem *continued;
} vl_elem;

typedef VEC(vl_elem) vl_list;

/* A box's height and depth, a glue's length, 0 for the rest. */
fx vl_elem_height(const vl_elem *e);
/* May the list break at element i (a penalty below 10000, a glue after a
 * box)? */
int vl_legal_break(const vl_list *l, size_t i);
/* Height of [from, to) as a page or column sets it: glue at the top is
 * discarded. */
fx vl_natural_height(const vl_list *l, size_t from, size_t to);

typedef struct toc_entry {
	const folio_node *node;  /* the division */
	const char *title;       /* plain text, for the outline */
	const folio_node *title_node; /* for the contents page (inline
					 markup kept) */
	int level;               /* 1: article, chapter, glossary...; 2: sections */
	int in_toc;
} toc_entry;

typedef struct flow flow;

flow *flow_new(lay_ctx *c, vl_list *out);
void flow_free(flow *f);

/* A top-level division (article, chapter, preface, glossary...): a new
 * (recto) page, its title block, running heads, its content. */
void flow_top_division(flow *f, const folio_node *div, int numbering);
/* Content of any node as blocks (the front matter uses it). */
void flow_blocks(flow *f, const folio_node *node);
/* A heading or centred display line made of a title's inline content. */
void flow_title(flow *f, const folio_node *title, int face, fx size,
		fx leading, int align, const folio_node *anchor);
/* A title's inline content (italics and all) set at a shape in the text
 * family, as lines for the caller to place: the contents page.  The copy
 * carries no anchors and no footnote calls. */
lay_line *flow_title_lines(flow *f, const folio_node *title, int bold,
			   fx size, const folio_node *link, const para_shape *sh,
			   unsigned *n);
/* Plain text as a paragraph. */
void flow_plain(flow *f, const char *text, int face, fx size, fx leading,
		int align);
void flow_space(flow *f, fx space, fx stretch);
/* Text set from here on belongs to block, as tag (enum lay_item_tag):
 * the PDF's structure (lay_item.node, lay_item.tag). */
void flow_tag(flow *f, const folio_node *block, int tag);
void flow_penalty(flow *f, int penalty);
void flow_page_break(flow *f, int recto, int numbering, int opening);
/* Appends a box of items (already positioned relative to its top-left
 * corner and baseline h). */
void flow_box(flow *f, lay_item *items, unsigned n, fx h, fx d, fx x);
/* May a page not break before line i of n set lines?  Body text: not
 * after its first line or before its last (no orphan, no widow); a
 * listing (verbatim): never when it has up to LISTING_KEEP_WHOLE lines,
 * else not within LISTING_KEEP_SIDE lines of either end. */
#define LISTING_KEEP_WHOLE 8
#define LISTING_KEEP_SIDE 3
int flow_keep_lines(unsigned n, unsigned i, int verbatim);
/* Marks what the flow added since element from (a figure, a table, an
 * example) as one float, from its first box to its last, when f is the
 * flow the page builder reads. */
void flow_mark_float(flow *f, size_t from);
/* Set lines into the list with widow/orphan penalties. */
void flow_lines(flow *f, lay_line *lines, unsigned n, fx x, int keep_all);

/* The footnote's set lines (at the small size), or NULL. */
const vl_list *flow_footnote(flow *f, const folio_node *note);
/* Outline/contents entries met so far, in document order. */
const toc_entry *flow_toc(flow *f, unsigned *n);
/* Adds to flow_toc the entries flowing div would add, found by walking
 * its tree alone (a guess: what the flow collects is what counts). */
void flow_scan_toc(flow *f, const folio_node *div);
/* A flow for a table cell: its own list, measure and type size. */
flow *flow_sub(flow *parent, vl_list *out, fx measure, fx size, fx leading,
	       int bold);
const char *flow_lang(const flow *f);
fx flow_left(const flow *f);
lay_ctx *flow_ctx(flow *f);
/* A table (CALS or HTML model): rows as boxes, header rows repeated on
 * a new page (table.c). */
void flow_table(flow *f, const folio_node *table);
/* A caption line: "Tabel 2." in bold, then the title in italics. */
void flow_caption(flow *f, const folio_node *owner, const char *word,
		  const folio_node *title);
/* For tables: notes called from the last box, the last element's index,
 * header rows to repeat for the last box. */
void flow_box_notes(flow *f, const folio_node **notes, unsigned n);
int flow_last_index(const flow *f);
/* The text node where the last box's text begins (page map). */
void flow_box_source(flow *f, const folio_node *src, size_t off);
void flow_set_repeat(flow *f, int first, unsigned count);
/* A person's name from an author/editor element, parts spaced. */
const char *flow_person_name(lay_ctx *c, const folio_node *who);
/* The text block's width. */
fx flow_measure(const flow *f);

/* How layout treats a node kind (handlers.c): it sets it, it leaves it
 * out on purpose (metadata), or it has no entry, which a kind added to
 * include/folio/elements.def without a handler would have. */
enum { FLOW_KIND_MISSING, FLOW_KIND_HANDLED, FLOW_KIND_IGNORED };
int flow_kind_handling(folio_node_kind k);

#endif
