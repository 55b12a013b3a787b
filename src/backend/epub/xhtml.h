/*
 * xhtml.h: the XHTML writer's machinery, shared by xhtml.c (the engine,
 * text, ids, links), xhtml_block.c (blocks, lists, tables, figures),
 * xhtml_inline.c (inline markup, notes, terms, citations) and
 * xhtml_div.c (divisions, headings, info, generated lists).
 *
 * The walk is a stack machine, never recursion: each element on the
 * stack is a frame that knows which nodes to visit next.  A handler per
 * kind of element opens the frame (writes the start tag and says which
 * children to visit, in how many passes, with which extra nodes before or
 * after them) and closes it.  Passes let one element put its children in
 * an order HTML needs: a list's leading blocks before <ul>, a figure's
 * title after the image, a glossary entry's term in <dt> and the rest in
 * <dd>.
 */
#ifndef FOLIO_EPUB_XHTML_H
#define FOLIO_EPUB_XHTML_H

#include "backend/epub/epub.h"
#include "util/hash.h"

enum frame_flags {
	F_PHRASING = 1u << 0, /* only phrasing content may be written here */
	F_PRE = 1u << 1,      /* whitespace is kept */
	F_NO_WS = 1u << 2,    /* whitespace-only text children are dropped */
	F_IN_LINK = 1u << 3,  /* inside <a>: no nested links */
	F_IN_DFN = 1u << 4,   /* inside <dfn> */
	F_IN_NOTE = 1u << 5   /* inside a footnote's aside */
};

/* How a parent asks for an extra node to be rendered. */
enum render_as {
	AS_NORMAL = 0,
	AS_HEADING,     /* a division's title: <hN> */
	AS_TITLE_P,     /* a block's title: <p class="title"> */
	AS_CAPTION,     /* a table's title: <caption> */
	AS_FIGCAPTION,  /* a figure's title: <figcaption> */
	AS_SUBTITLE,    /* <p class="subtitle"> */
	AS_INFO,        /* a division's info: authors, abstract... */
	AS_TITLEPAGE,   /* the book's info on the title page */
	AS_NOTE,        /* a footnote's body at the end of the document */
	AS_ATTRIBUTION  /* blockquote/epigraph attribution */
};

typedef struct xw xw;
typedef struct frame frame;

typedef struct handler {
	/* Writes the start; returns 1 to visit the frame's items. */
	int (*enter)(xw *w, frame *f);
	/* Writes the end (NULL: writes f->close). */
	void (*exit)(xw *w, frame *f);
	/* Whether child c is visited in pass f->pass (NULL: every child
	 * not filtered by default rules). */
	int (*accept)(xw *w, frame *f, const folio_node *c);
	/* Called when pass p >= 1 starts, and with p == npasses before the
	 * post items. */
	void (*between)(xw *w, frame *f, unsigned p);
} handler;

typedef struct item {
	const folio_node *node;
	int as;
} item;

#define FRAME_EXTRA 6

struct frame {
	const folio_node *node;
	const handler *h;
	const folio_node *kids;   /* whose children are visited */
	const folio_node *cursor; /* the next child */
	unsigned pass, npasses;
	int started;              /* the current pass has begun */
	item pre[FRAME_EXTRA], post[FRAME_EXTRA];
	unsigned npre, ipre, npost, ipost;
	int as;                   /* how the parent asked for this node */
	unsigned flags;           /* enum frame_flags, for the children */
	unsigned level;           /* heading level of this division's title */
	const char *lang;         /* language in force in the output */
	int rtl;                  /* direction in force in the output */
	const char *close;        /* end markup when h->exit is NULL */
	const char *after;        /* written after the end (a wrapper) */
	const char *sep;          /* written between visited children */
	unsigned nout;            /* children visited so far */
	/* Children that the element cannot hold (text in <ul>, a para in
	 * <tr>) are wrapped in wrap_open/wrap_close. */
	int (*fits)(const folio_node *c);
	const char *wrap_open, *wrap_close;
	int state;                /* the handler's own */
	const char *pending_id;   /* an id to put on the first child tag */
};

struct xw {
	epub_ctx *c;
	int chunk;
	strbuf *out;
	frame *stack;
	unsigned depth;
	size_t cap;
	/* footnotes waiting for the end of the document */
	const folio_node **notes;
	unsigned nnotes, inote;
	size_t notes_cap;
	unsigned note_counter;
	const folio_node *backlink; /* footnote whose backlink is not yet out */
	folio_hash *ids;            /* ids written in this document */
	unsigned quote_depth;
	int cur_page;               /* the print page being read */
	unsigned locator_counter;
};

/* xhtml.c */
frame *xw_top(xw *w);
/* The frame below f (its parent), or NULL. */
frame *xw_parent(xw *w, frame *f);
/* The id to write on node's element, or NULL (no id needed, or already
 * written in this document).  Records where the anchor is. */
const char *xw_id_for(xw *w, const folio_node *n);
/* "<tag id class lang attrs>"; sets f->lang.  cls and extra may be NULL;
 * extra is written as is (starting with a space). */
void xw_open(xw *w, frame *f, const char *tag, const char *cls,
	     const char *extra);
/* Opens a flow element, or a span with the element's class when only
 * phrasing may be written here.  Sets f->close and f->flags. */
void xw_open_block(xw *w, frame *f, const char *tag, const char *cls,
		   const char *extra);
/* Opens a phrasing element (sets F_PHRASING for its children). */
void xw_open_inline(xw *w, frame *f, const char *tag, const char *cls,
		    const char *extra);
/* An empty <span id> at this place when node needs an anchor. */
void xw_anchor(xw *w, const folio_node *n);
void xw_add_pre(frame *f, const folio_node *n, int as);
void xw_add_post(frame *f, const folio_node *n, int as);
int xw_is_ws(const folio_node *t);
/* Has block content below it (precomputed). */
int xw_has_blocks(xw *w, const folio_node *n);
/* Writes a pagebreak marker for page i (and the pages without a place
 * that come before it). */
void xw_page_marker(xw *w, unsigned i);
void xw_hoist_pages(xw *w, const folio_node *n);
/* The handler for node n in frame parent. */
const handler *xw_pick(xw *w, frame *parent, const folio_node *n, int as);
/* Writes the subtree of a text-only attribute value (alt text). */
const char *xw_plain_text(xw *w, const folio_node *n);
/* The language's words for node n. */
const folio_lang *xw_lang(const folio_node *n);

/* Kind sets. */
int xw_is_titled(folio_node_kind k);   /* its title is pulled out */
int xw_is_division(folio_node_kind k);

/*
 * Handler lookups per file: each file keeps a table of its handlers by
 * node kind, after the rules that go by where a node stands (an info
 * item, a pulled-out title, a footnote's body, an attribution).  xw_pick
 * asks the division table, then the inline one, then the block one; a
 * kind none of them names is written by xw_h_generic, and xhtml.c lists
 * those kinds, so that every kind is named somewhere (xw_kind_named, which
 * a unit test checks against elements.def).
 */
typedef struct kind_entry {
	const handler *h;
	/* for a kind whose handler depends on the node: picks it */
	const handler *(*choose)(xw *w, const folio_node *n);
} kind_entry;

const handler *xw_block_handler(xw *w, frame *parent, const folio_node *n, int as);
const handler *xw_inline_handler(xw *w, frame *parent, const folio_node *n, int as);
const handler *xw_div_handler(xw *w, frame *parent, const folio_node *n, int as);
/* Whether the file's table names kind k. */
int xw_block_names(folio_node_kind k);
int xw_inline_names(folio_node_kind k);
int xw_div_names(folio_node_kind k);
/* Whether some table names kind k, or xhtml.c lists it as written by
 * xw_h_generic on purpose. */
int xw_kind_named(folio_node_kind k);

/* Handlers other files refer to. */
extern const handler xw_h_generic;   /* span/div with the kind as class */
extern const handler xw_h_skip;      /* writes nothing, visits nothing */
extern const handler xw_h_note_body; /* a footnote as an aside */
extern const handler xw_h_titlepage; /* the book's title page */
extern const handler xw_h_cover;     /* the cover image page */
extern const handler xw_h_loose;     /* a run of blocks in a book */
extern const handler xw_h_math;      /* a math element, whole (xhtml_math.c) */

/* xhtml_inline.c: the backlink at the start of a footnote's text. */
void xw_backlink(xw *w);

#endif
